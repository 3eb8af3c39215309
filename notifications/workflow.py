"""The notifications of a report's workflow (submitted, returned or reopened, accepted), told by
``reports.signals.report_event``. The mails are sent right after the commit, inside the request, or with
NOTIFICATIONS_QUEUED recorded in the event's transaction and sent by the ``send_notifications`` worker
(README "Reminders")."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from accounts.services import send_password_resets
from reports.models import ReportEvent

from .coordination import lead_agencies_told
from .delivery import _claim, _send, deliver
from .models import Delivery
from .recipients import NOTIFICATIONS, coordinators_and_officers, officers_by_agency

logger = logging.getLogger("notifications")


def _event_rows(event):
    report = event.report
    rows = []

    def add(kind, people, agency_id=None):
        for person in people:
            if person.user is not None and person.user.pk == event.actor_id:
                continue  # nobody is told about what they just did
            rows.append(Delivery(kind=kind, event=event, agency_id=agency_id, user=person.user, email=person.email,
                                 language=person.language))

    if event.action == ReportEvent.Action.SUBMITTED:
        # One query: the receiving coordinators, and the officers of the lead agencies told about this report's
        # lines on their tasks (the worker reads the lines themselves when it writes the mail).
        # The year's receiving body (ReportingYear.recipient), not the plan's: after a merger the successor's.
        coordinators, officers = coordinators_and_officers(report.plan, lead_agencies_told(report), NOTIFICATIONS,
                                                           year=report.year)
        add(Delivery.Kind.SUBMITTED, coordinators)
        for agency_id, people in officers.items():
            add(Delivery.Kind.COORDINATION, people, agency_id)
    elif event.action in (ReportEvent.Action.RETURNED, ReportEvent.Action.REOPENED, ReportEvent.Action.ACCEPTED):
        kind = Delivery.Kind.ACCEPTED if event.action == ReportEvent.Action.ACCEPTED else Delivery.Kind.RETURNED
        add(kind, officers_by_agency([report.agency_id], NOTIFICATIONS).get(report.agency_id, []))
    return rows


def queued():
    """NOTIFICATIONS_QUEUED: the request only records the mails; ``manage.py send_notifications`` sends them."""
    return getattr(settings, "NOTIFICATIONS_QUEUED", False)


def report_event_created(sender=None, *, event, **kwargs):
    """Receives reports.signals.report_event, inside the transaction that creates a workflow ``event``.

    Queued (NOTIFICATIONS_QUEUED): the mails are recorded here, in the same transaction as the event, so
    they are committed with it or not at all (a crash after the commit loses none); the send_notifications
    worker renders and sends them. Otherwise they are recorded and sent right after the commit, inside the
    request. Never raises: a failure is logged and never undoes or breaks the user's action."""
    if not queued():
        transaction.on_commit(lambda: notify_report_event(event.pk), robust=True)
        return
    try:
        with transaction.atomic():  # a savepoint: a database error here must not abort the user's change
            _record_event(event)
    except Exception:
        logger.exception("Recording the notifications of report event %s failed; trying again after the commit.",
                         event.pk)
        transaction.on_commit(lambda: notify_report_event(event.pk, send=False), robust=True)


def _record_event(event):
    rows = _event_rows(event)
    if rows:
        # A replayed event adds nothing: (event, kind, address) is unique.
        Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    return rows


def notify_report_event(event_id, *, send=True):
    """Record, and unless ``send`` is False send, the mails a report's workflow event calls for. Called once
    the change is committed; never raises: a failure is logged, and what was recorded but not sent goes out
    with the next send_notifications or send_reminders run."""
    try:
        event = ReportEvent.objects.select_related("report__plan", "report__agency").get(pk=event_id)
        if _record_event(event) and send:
            deliver(Delivery.objects.filter(event_id=event.pk))
    except Exception:
        logger.exception("Notifications for report event %s failed; send_reminders will retry what was recorded.",
                         event_id)


@dataclass
class QueueResult:
    sent: int = 0
    failed: int = 0
    cancelled: int = 0


def send_notifications(*, retry_failed=True, batch=200, stopping=None):
    """Send the password-reset mails waiting (accounts.services), then the recorded notifications of workflow
    events still waiting: pending ones, and failed ones when ``retry_failed`` (each up to Delivery.MAX_ATTEMPTS times), ``batch`` rows at a time until none is left or
    ``stopping()`` says so. Safe to run in several processes at once: each row is claimed by one of them."""
    waiting = Delivery.objects.filter(event__isnull=False)
    if not retry_failed:
        waiting = waiting.filter(status=Delivery.Status.PENDING)
    result = QueueResult()
    # Password-reset mails too (accounts.services: the request only recorded the address typed).
    result.sent += send_password_resets(batch=batch)
    after = 0  # batches go up the ids: a row that fails in this run is not tried again by it
    while not (stopping and stopping()):
        claimed = _claim(waiting.filter(pk__gt=after), batch)
        _send(claimed, result=result)
        if not claimed or not batch or len(claimed) < batch:
            break
        after = claimed[-1].pk
    return result
