"""The notifications of a report's workflow (submitted, returned or reopened, accepted), told by
``reports.signals.report_event``. The mails are recorded, then sent by a task (``tasks.send_event_mails``): right
after the commit, inside the request, or with NOTIFICATIONS_QUEUED enqueued in the event's transaction and run by
``manage.py db_worker`` (README "The notification worker")."""

import logging

from django.db import connections, router, transaction
from django.db.models.constants import OnConflict
from django.utils import timezone

from plan_tracker.background import enqueue, queued
from reports.models import ReportEvent

from .models import Delivery
from .recipients import NOTIFICATIONS, officers_by_agency, submission_recipients
from .tasks import send_event_mails

logger = logging.getLogger("notifications")


def _event_rows(event):
    """The mails ``event`` calls for, as (kind, agency id, user id, address, language): ``_insert``'s rows."""
    report = event.report
    rows = []

    def add(kind, people, agency_id=None):
        for person in people:
            if person.user is not None and person.user.pk == event.actor_id:
                continue  # nobody is told about what they just did
            rows.append((str(kind), agency_id, None if person.user is None else person.user.pk, person.email,
                         person.language))

    if event.action == ReportEvent.Action.SUBMITTED:
        # One query: the receiving coordinators, and the officers of the lead agencies told about this report's
        # lines on their tasks (the worker reads the lines themselves when it writes the mail).
        # The year's receiving body (ReportingYear.recipient), not the plan's: after a merger the successor's.
        # (coordinators_and_officers(report.plan, lead_agencies_told(report), …, year=report.year), compiled once.)
        coordinators, officers = submission_recipients(report, NOTIFICATIONS)
        add(Delivery.Kind.SUBMITTED, coordinators)
        for agency_id, people in officers.items():
            add(Delivery.Kind.COORDINATION, people, agency_id)
    elif event.action in (ReportEvent.Action.RETURNED, ReportEvent.Action.REOPENED, ReportEvent.Action.ACCEPTED):
        kind = Delivery.Kind.ACCEPTED if event.action == ReportEvent.Action.ACCEPTED else Delivery.Kind.RETURNED
        add(kind, officers_by_agency([report.agency_id], NOTIFICATIONS).get(report.agency_id, []))
    return rows


def report_event_created(sender=None, *, event, **kwargs):
    """Receives reports.signals.report_event, inside the transaction that creates a workflow ``event``.

    Queued (NOTIFICATIONS_QUEUED): the mails are recorded here and their task (``tasks.send_event_mails``) is
    enqueued into the database, both in the same transaction as the event (a savepoint): committed with it or not
    at all (a crash after the commit loses none); ``manage.py db_worker`` renders and sends them. Otherwise the
    same task records and sends them right after the commit, inside the request. Never raises: a failure is
    logged and never undoes or breaks the user's action."""
    if not queued():
        enqueue(send_event_mails, event.pk, retry=False)
        return
    try:
        with transaction.atomic():  # a savepoint: a database error here must not abort the user's change
            _record_event(event)
            enqueue(send_event_mails, event.pk, retry=False)
    except Exception:
        logger.exception("Queueing the notifications of report event %s failed; trying again after the commit.",
                         event.pk)
        transaction.on_commit(lambda: _enqueue_after_commit(event.pk), robust=True)


def _enqueue_after_commit(event_id):
    try:
        enqueue(send_event_mails, event_id, retry=False)
    except Exception:
        logger.exception("Queueing the notifications of report event %s failed; send_reminders will send them.",
                         event_id)


def _record_event(event):
    rows = _event_rows(event)
    if rows:
        # A replayed event adds nothing: (event, kind, address) is unique.
        _insert(event.pk, rows)
    return rows


#: The columns ``_insert`` writes, then the values every new row has (the fields' defaults, as the model's).
_GIVEN = ("kind", "agency", "user", "email", "language")
_SAME = {"is_copy": False, "status": str(Delivery.Status.PENDING), "attempts": 0, "last_error": ""}


def _insert(event_id, rows):
    """``Delivery.objects.bulk_create([Delivery(event_id=event_id, kind=…, agency_id=…, user_id=…, email=…,
    language=…) …], ignore_conflicts=True)`` in one INSERT written here, without a model instance per row nor a
    statement compiled (~2 ms of the submit's CPU, which runs it in the request: issue #18). The rows are the same,
    field for field (test), but for ``created_at``: one time for the event's rows (they are one write).

    On PostgreSQL the rows go as one array per column (``unnest``): the statement's text and its 11 parameters are
    the same for any number of rows, so psycopg converts it once per process (a VALUES list of 24 rows × 11
    parameters is converted at every call, ~0.7 ms)."""
    connection = connections[router.db_for_write(Delivery)]
    meta, quote = Delivery._meta, connection.ops.quote_name
    names = ("event", *_SAME, "created_at", *_GIVEN)
    columns = ", ".join(quote(meta.get_field(name).column) for name in names)
    created_at = meta.get_field("created_at").get_db_prep_save(timezone.now(), connection)
    same = (event_id, *_SAME.values(), created_at)
    insert = f"{connection.ops.insert_statement(on_conflict=OnConflict.IGNORE)} {quote(meta.db_table)} ({columns})"
    if connection.vendor == "postgresql":
        arrays = ", ".join(f"%s::{meta.get_field(name).db_type(connection)}[]" for name in _GIVEN)
        sql = f"{insert} SELECT {', '.join(['%s'] * len(same))}, * FROM unnest({arrays})"
        params = [*same, *(list(column) for column in zip(*rows))]
    else:
        row = "(" + ", ".join(["%s"] * len(names)) + ")"
        sql = f"{insert} VALUES {', '.join([row] * len(rows))}"
        params = [value for values in rows for value in (*same, *values)]
    suffix = connection.ops.on_conflict_suffix_sql([], OnConflict.IGNORE, None, None)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} {suffix}".rstrip(), params)


def record_event_mails(event_id):
    """Record the mails a report's workflow event calls for, unless they are recorded already (the request did it,
    or an earlier run of the task)."""
    if not Delivery.objects.filter(event_id=event_id).exists():
        event = ReportEvent.objects.select_related("report__plan", "report__agency").get(pk=event_id)
        _record_event(event)
