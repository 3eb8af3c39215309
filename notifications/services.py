"""Deadline reminders, the coordinators' digest, and the notifications of a report's workflow.

Every email is first recorded (a Delivery row, under a Reminder for the ladder), then sent one address at
a time. The unique constraints make a second run, or a replayed event, record nothing new; a row is
taken for sending by one run only (``claim``); a failed row is sent again by the next run. The mails of a
report's workflow are sent right after the commit, inside the request, or with NOTIFICATIONS_QUEUED recorded
in the event's transaction and sent by the ``send_notifications`` worker (README "Reminders").

Decisions (README "Reminders"):
- Reminders go to reports never submitted (status draft). A returned report was submitted once, so it is
  not missing and its on-time/late verdict is already fixed; its officers had the "returned" mail with
  the comment, and the digest lists it under "returned, awaiting resubmission".
- A run sends the rung in force that day (ladder.rung_on), even if cron missed its exact day, and never
  the earlier rungs it missed: one mail, the latest. A still-failed mail of an older rung is cancelled
  when a newer rung goes out, so nobody gets two reminders on one day.
- After the due date the agency's head contact (Agency.head_email) is copied: the same message, with the
  officers in To and the head in Cc, each address its own envelope.
- An agency with no active officer with an email (or whose officers all turned reminders off) is listed
  in the coordinators' digest; the digest goes out on the same rungs while any report is outstanding.
"""

import datetime
import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from accounts.services import send_password_resets
from agencies.models import Agency, AgencyGroup
from plan_tracker.text import fold
from reports.models import AgencyReport, ReportEvent, ReportingYear, TaskReport
from reports import rules
from reports.rules import State, is_on_time, local_date, submission_state
from tasks.models import Assignment

from . import ladder
from .emails import absolute_url, build_message, open_connection, render_email, send_one
from .models import Delivery, Preference, Reminder
from .recipients import NOTIFICATIONS, REMINDERS, coordinators_and_officers, coordinators_by_plan, officers_by_agency

logger = logging.getLogger("notifications")

DRAFT = AgencyReport.Status.DRAFT
RETURNED = AgencyReport.Status.RETURNED


def today_local():
    return local_date(timezone.now())


# --- What the open reporting years look like today ----------------------------------------------------


class OpenYears:
    """The open reporting years and everything a run needs about them, in five queries whatever their
    size: the years with their plans, their reports with agencies, the officers of agencies still owing a
    report, the coordinators, and the rungs already reached."""

    def __init__(self, today):
        self.today = today
        self.years = {ry.pk: ry for ry in ReportingYear.objects.select_related("plan")}
        by_plan_year = {(ry.plan_id, ry.year): ry for ry in self.years.values()}
        reports = (
            AgencyReport.objects.filter(
                Exists(ReportingYear.objects.filter(plan=OuterRef("plan"), year=OuterRef("year")))
            )
            .select_related("agency")
            .order_by("pk")
        )
        self.reports = defaultdict(list)
        self.report_by_id = {}
        for report in reports:
            reporting_year = by_plan_year[(report.plan_id, report.year)]
            report.plan = reporting_year.plan  # the same instance: no query per report
            self.reports[reporting_year.pk].append(report)
            self.report_by_id[report.pk] = report
        for year_reports in self.reports.values():
            year_reports.sort(key=lambda r: fold(r.agency.name))  # "Đài…" with the Ds, on both databases
        owing = {r.agency_id for r in self.report_by_id.values() if r.status == DRAFT}
        self.officers = officers_by_agency(owing, REMINDERS)
        self.coordinators = coordinators_by_plan([ry.plan for ry in self.years.values()], REMINDERS)
        self.reached = set()
        self.latest = {}
        for kind, year_id, report_id, offset in Reminder.objects.filter(reporting_year__in=list(self.years)).values_list(
            "kind", "reporting_year_id", "report_id", "offset_days"
        ):
            self._mark(kind, year_id, report_id, offset)

    def _mark(self, kind, year_id, report_id, offset):
        target = report_id if kind == Reminder.Kind.REPORT else year_id
        self.reached.add((kind, target, offset))
        self.latest[(kind, target)] = min(offset, self.latest.get((kind, target), offset))

    def add(self, reminder):
        self._mark(reminder.kind, reminder.reporting_year_id, reminder.report_id, reminder.offset_days)

    def is_superseded(self, reminder):
        """A newer rung has been reached for the same report (or year's digest)."""
        target = reminder.report_id if reminder.kind == Reminder.Kind.REPORT else reminder.reporting_year_id
        return self.latest.get((reminder.kind, target), reminder.offset_days) < reminder.offset_days

    def rung(self, reporting_year, *, capped=False):
        """The rung in force; ``capped``: for agencies' reminders, which stop after REMINDER_OVERDUE_MAX
        overdue rungs (the coordinators' digest goes on while anything is missing)."""
        return ladder.rung_on(reporting_year.due_date, self.today, most=None if capped else 0)

    def days_left(self, due_date):
        return (due_date - self.today).days

    def reminder_context(self, report, delivery):
        days = self.days_left(report.due_date)
        return {
            "report": report, "agency": report.agency, "plan": report.plan, "year": report.year,
            "due_date": report.due_date, "days_left": max(days, 0), "days_late": max(-days, 0),
            "is_copy": delivery.is_copy, "report_url": absolute_url(report.get_absolute_url()),
        }

    def digest_context(self, reporting_year):
        """What the coordinators read, or None when every report is in."""
        reports = self.reports[reporting_year.pk]
        due = reporting_year.due_date
        not_submitted = [r for r in reports if r.status == DRAFT]
        returned = [r for r in reports if r.status == RETURNED]
        if not not_submitted and not returned:
            return None
        # On time / late: the report's own verdict (reports.rules), by its first submission.
        states = {r.pk: submission_state(r) for r in reports}
        late = [r for r in reports if states[r.pk] == State.LATE]
        for r in reports:
            r.url = absolute_url(r.get_absolute_url())
            r.first_submitted_local = local_date(r.first_submitted_at) if r.first_submitted_at else None
        days = self.days_left(due)
        plan = reporting_year.plan
        return {
            "plan": plan, "year": reporting_year.year, "due_date": due,
            "days_left": max(days, 0), "days_late": max(-days, 0), "today": self.today,
            "not_submitted": not_submitted, "returned": returned, "late": late,
            # Drafts split in two: agencies reminded by mail, and those with nobody to remind.
            "reminded": [r for r in not_submitted if r.agency_id in self.officers],
            "unreachable": [r for r in not_submitted if r.agency_id not in self.officers],
            "obliged": len(reports),
            # As on the year's pages: a returned report was submitted (on time or late by its first submission).
            "submitted": sum(1 for r in reports if states[r.pk] in (State.ON_TIME, State.LATE)),
            "on_time": sum(1 for r in reports if states[r.pk] == State.ON_TIME),
            "year_url": absolute_url(reverse("reports:year-submissions", args=[plan.pk, reporting_year.year])),
        }


# --- A run of send_reminders ---------------------------------------------------------------------------


@dataclass
class RunResult:
    today: datetime.date
    dry_run: bool = False
    lines: list = field(default_factory=list)  # one human line per reminder or digest, sent or planned
    reminders: int = 0
    digests: int = 0
    unreachable: int = 0
    sent: int = 0
    failed: int = 0
    cancelled: int = 0


def _new_rungs(state, result):
    """Unsaved Reminder rows for every rung reached today and not yet recorded, each with its unsaved
    deliveries in ``_deliveries``."""
    new = []
    for reporting_year in sorted(state.years.values(), key=lambda ry: (ry.plan.number, ry.year)):
        rung = state.rung(reporting_year)
        if rung is None:
            continue
        report_rung = state.rung(reporting_year, capped=True)
        due = reporting_year.due_date
        after_due = rules.is_past_due(due, state.today)
        label = f"{reporting_year.plan.number} {reporting_year.year} (due {due:%d/%m/%Y}, rung {rung:+d})"
        reports = state.reports[reporting_year.pk]
        nobody = []
        for report in reports:
            if report.status != DRAFT or (Reminder.Kind.REPORT, report.pk, report_rung) in state.reached:
                continue
            officers = state.officers.get(report.agency_id, [])
            deliveries = [Delivery(kind=Delivery.Kind.REMINDER, user=r.user, email=r.email, language=r.language)
                          for r in officers]
            head = report.agency.head_email.strip()
            if after_due and head and head.lower() not in {r.key for r in officers}:
                deliveries.append(Delivery(kind=Delivery.Kind.REMINDER, email=head, language=settings.LANGUAGE_CODE,
                                           is_copy=True))
            reminder = Reminder(kind=Reminder.Kind.REPORT, reporting_year=reporting_year, report=report,
                                offset_days=report_rung, run_date=state.today)
            reminder._deliveries = deliveries
            new.append(reminder)
            result.reminders += 1
            if not officers:
                result.unreachable += 1
            if not deliveries:
                nobody.append(str(report.agency))
                continue
            to = ", ".join(d.email for d in deliveries if not d.is_copy) or "no officer"
            cc = [d.email for d in deliveries if d.is_copy]
            result.lines.append(f"{label}: remind {report.agency} -> {to}" + (f" cc {', '.join(cc)}" if cc else ""))
        if nobody:
            result.lines.append(f"{label}: nobody to remind at {len(nobody)} agencies (listed in the digest): "
                                + ", ".join(nobody))
        outstanding = any(r.status in (DRAFT, RETURNED) for r in reports)
        if outstanding and (Reminder.Kind.DIGEST, reporting_year.pk, rung) not in state.reached:
            coordinators = state.coordinators.get(reporting_year.plan_id, [])
            reminder = Reminder(kind=Reminder.Kind.DIGEST, reporting_year=reporting_year, offset_days=rung,
                                run_date=state.today)
            reminder._deliveries = [Delivery(kind=Delivery.Kind.DIGEST, user=r.user, email=r.email, language=r.language)
                                    for r in coordinators]
            new.append(reminder)
            result.digests += 1
            if not coordinators:
                logger.warning("No coordinator with an email receives the digest of %s %s.",
                               reporting_year.plan, reporting_year.year)
            result.lines.append(f"{label}: digest -> {', '.join(r.email for r in coordinators) or 'nobody'}")
    return new


def _record(new):
    """Save the new rungs and their deliveries at once; False when a concurrent run got there first."""
    try:
        with transaction.atomic():
            Reminder.objects.bulk_create(new)
            rows = []
            for reminder in new:
                for delivery in reminder._deliveries:
                    delivery.reminder = reminder
                    rows.append(delivery)
            Delivery.objects.bulk_create(rows)
    except IntegrityError:
        logger.warning("Another send_reminders run recorded today's reminders first; this run only sends what waits.")
        return False
    return True


def send_reminders(today=None, *, dry_run=False):
    """Reach today's rungs (recorded once), then send every mail waiting: today's and earlier failures."""
    today = today or today_local()
    result = RunResult(today=today, dry_run=dry_run)
    state = OpenYears(today)
    new = _new_rungs(state, result)
    if dry_run:
        result.lines.append(f"{Delivery.objects.filter(status=Delivery.Status.FAILED).count()} failed mail(s) "
                            "would be retried.")
        return result
    if new and _record(new):
        for reminder in new:
            state.add(reminder)
    deliver(Delivery.objects.all(), state=state, result=result)
    return result


# --- Notifications of a report's workflow -------------------------------------------------------------


def coordination_lines(reports):
    """{report_id: {lead_agency_id: [TaskReport]}}: each report's lines as a coordinating agency that say
    something (not "nothing to report"), under every agency that leads the task, directly or as a member
    of a lead group active that year, other than the reporting agency. Three queries at most."""
    by_id = {r.pk: r for r in reports}
    lines = list(
        TaskReport.objects.filter(report_id__in=list(by_id), role=Assignment.Role.COORDINATOR)
        .exclude(status__in=["", TaskReport.Status.NOTHING_TO_REPORT])
        .select_related("task")
        .order_by("task__order", "task__number")
    )
    if not lines:
        return {}
    leads = defaultdict(list)
    for a in (Assignment.objects.filter(task_id__in={line.task_id for line in lines}, role=Assignment.Role.LEAD)
              .select_related("agency", "group").prefetch_related("group__members")):
        leads[a.task_id].extend([a.agency] if a.agency_id else list(a.group.members.all()) if a.group_id else [])
    result = defaultdict(lambda: defaultdict(list))
    for line in lines:
        report = by_id[line.report_id]
        for agency in leads[line.task_id]:
            if agency.pk != report.agency_id and agency.is_active_in_year(report.year):
                if line not in result[report.pk][agency.pk]:
                    result[report.pk][agency.pk].append(line)
    return result


def lead_agencies_told(report):
    """The agencies ``coordination_lines([report])`` files lines under, as a subquery of their ids (no query
    of its own): those leading, directly or as a member of a lead group, a task on which ``report`` says
    something as a coordinating agency; active in the report's year; not the reporting agency."""
    said = (TaskReport.objects.filter(report_id=report.pk, role=Assignment.Role.COORDINATOR)
            .exclude(status__in=["", TaskReport.Status.NOTHING_TO_REPORT]).values("task_id"))
    leads = Assignment.objects.filter(task_id__in=said, role=Assignment.Role.LEAD)
    in_groups = AgencyGroup.members.through.objects.filter(agencygroup_id__in=leads.values("group_id"))
    year = report.year
    return (
        Agency.objects.filter(Q(pk__in=leads.values("agency_id")) | Q(pk__in=in_groups.values("agency_id")))
        .filter(Q(valid_from__isnull=True) | Q(valid_from__year__lte=year))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__year__gte=year))
        .exclude(pk=report.agency_id)
        .values("pk")
    )


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
        coordinators, officers = coordinators_and_officers(report.plan, lead_agencies_told(report), NOTIFICATIONS)
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
    events still waiting: pending ones, and failed ones when
    ``retry_failed`` (each up to Delivery.MAX_ATTEMPTS times), ``batch`` rows at a time until none is left or
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


# --- Sending --------------------------------------------------------------------------------------------


def _claim(queryset, limit=None):
    """Take the waiting rows of ``queryset`` for this run (the ``limit`` oldest): one UPDATE marks them with a
    token no other run has, then they are read back with everything their mails show (two queries +
    prefetches; with ``limit``, one more locks them first). A row another run is claiming at that moment is
    skipped (PostgreSQL: SKIP LOCKED; SQLite has one writer at a time), and the UPDATE only takes rows still
    waiting, so no row is taken twice."""
    token = uuid.uuid4()
    waiting = [Delivery.Status.PENDING, Delivery.Status.FAILED]
    todo = queryset.filter(status__in=waiting, attempts__lt=Delivery.MAX_ATTEMPTS)
    claim = {"status": Delivery.Status.SENDING, "claim": token, "attempts": F("attempts") + 1}
    if limit:
        # Two statements: as one UPDATE … WHERE id IN (SELECT … LIMIT … FOR UPDATE SKIP LOCKED), PostgreSQL may
        # run the subquery once per row (a nested loop: seconds for a thousand rows).
        with transaction.atomic():
            oldest = list(todo.order_by("pk").select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit])
            Delivery.objects.filter(pk__in=oldest, status__in=waiting).update(**claim)
    else:
        todo.update(**claim)
    return list(
        Delivery.objects.filter(claim=token, status=Delivery.Status.SENDING)
        .select_related("user__notification_preference", "reminder", "agency", "event__report__plan",
                        "event__report__agency", "event__actor")
        .prefetch_related("reminder__deliveries")
        .order_by("pk")
    )


def _wanted(delivery):
    user = delivery.user
    if user is None:
        return True
    flag = REMINDERS if delivery.kind in (Delivery.Kind.REMINDER, Delivery.Kind.DIGEST) else NOTIFICATIONS
    return user.is_active and bool(user.email) and getattr(Preference.for_user(user), flag)


def _mail_key(delivery):
    """Deliveries with the same key get the same mail (subject, text, HTML, To and Cc headings); only the
    envelope differs. So a submission's mail to 20 coordinators is rendered once, not 20 times."""
    return (delivery.kind, delivery.reminder_id, delivery.event_id, delivery.agency_id, delivery.is_copy,
            delivery.language)


def _compose(delivery, state, coordination):
    """(template, context, to_header, cc_header) of ``delivery``'s mail, or None when it is no longer wanted:
    the report came in, a newer rung went out, the year was closed. Depends on ``_mail_key`` only; whether
    the person still wants it (``_wanted``) is asked per delivery."""
    kind = delivery.kind
    if kind in (Delivery.Kind.REMINDER, Delivery.Kind.DIGEST):
        reminder = delivery.reminder
        if state is None or reminder.reporting_year_id not in state.years or state.is_superseded(reminder):
            return None
        siblings = list(reminder.deliveries.all())
        to = [d.email for d in siblings if not d.is_copy] or [delivery.email]
        cc = [d.email for d in siblings if d.is_copy and d.email not in to]
        if kind == Delivery.Kind.REMINDER:
            report = state.report_by_id.get(reminder.report_id)
            if report is None or report.status != DRAFT:
                return None
            return "reminder", state.reminder_context(report, delivery), to, cc
        context = state.digest_context(state.years[reminder.reporting_year_id])
        return ("digest", context, to, cc) if context else None
    event = delivery.event
    report = event.report
    context = {
        "report": report, "agency": report.agency, "plan": report.plan, "year": report.year, "event": event,
        "report_url": absolute_url(report.get_absolute_url()),
    }
    if kind == Delivery.Kind.SUBMITTED:
        context.update({
            "submitted_at": timezone.localtime(event.at),
            "is_resubmission": report.first_submitted_at is not None and report.first_submitted_at < event.at,
            "on_time": is_on_time(report.first_submitted_at or event.at, report.plan, report.year),
            "year_url": absolute_url(reverse("reports:year-submissions", args=[report.plan_id, report.year])),
        })
        return "submitted", context, None, None
    if kind == Delivery.Kind.RETURNED:
        context.update({"comment": event.comment, "reopened": event.action == ReportEvent.Action.REOPENED})
        return "returned", context, None, None
    if kind == Delivery.Kind.ACCEPTED:
        return "accepted", context, None, None
    lines = coordination.get(report.pk, {}).get(delivery.agency_id)
    if not lines:
        return None
    for line in lines:
        line.task_url = absolute_url(line.task.get_absolute_url())
    context.update({"lines": lines, "lead": delivery.agency})
    return "coordination", context, None, None


def deliver(queryset, *, state=None, result=None, limit=None):
    """Send the waiting deliveries of ``queryset`` (at most ``limit``); record each as sent, failed (retried
    next run) or cancelled. One connection for the batch, each distinct mail rendered once; results are
    written in three statements at the end, so a crash leaves rows "sending" (never sent twice) rather than
    sending them again."""
    return _send(_claim(queryset, limit), state=state, result=result)


def _send(claimed, *, state=None, result=None):
    if not claimed:
        return result
    coordination = {}
    event_reports = {d.event.report.pk: d.event.report for d in claimed if d.kind == Delivery.Kind.COORDINATION}
    if event_reports:
        coordination = coordination_lines(list(event_reports.values()))
    sent, failed, cancelled = [], [], []
    mails = {}
    connection = open_connection()
    try:
        for delivery in claimed:
            mail = None
            if _wanted(delivery):
                key = _mail_key(delivery)
                if key not in mails:
                    composed = _compose(delivery, state, coordination)
                    if composed is not None:
                        template, context, to_header, cc_header = composed
                        composed = (*render_email(template, context, delivery.language), to_header, cc_header)
                    mails[key] = composed
                mail = mails[key]
            if mail is None:  # the person opted out, or the mail is no longer called for
                cancelled.append(delivery.pk)
                continue
            subject, text, html, to_header, cc_header = mail
            message = build_message(delivery.email, subject, text, html, to_header=to_header, cc_header=cc_header,
                                    connection=connection)
            error = send_one(connection, message)
            if error is None:
                sent.append(delivery.pk)
            else:
                delivery.status, delivery.last_error, delivery.claim = Delivery.Status.FAILED, error, None
                failed.append(delivery)
                if delivery.attempts >= Delivery.MAX_ATTEMPTS:
                    logger.error("Giving up on %s to %s after %s attempts: %s", delivery.get_kind_display(),
                                 delivery.email, delivery.attempts, error)
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("Closing the email connection failed", exc_info=True)
    Delivery.objects.filter(pk__in=sent).update(status=Delivery.Status.SENT, sent_at=timezone.now(), last_error="",
                                                claim=None)
    Delivery.objects.filter(pk__in=cancelled).update(status=Delivery.Status.CANCELLED, claim=None)
    Delivery.objects.bulk_update(failed, ["status", "last_error", "claim"])
    if result is not None:
        result.sent += len(sent)
        result.failed += len(failed)
        result.cancelled += len(cancelled)
    return result


# --- Calendar addresses -------------------------------------------------------------------------------


@transaction.atomic
def new_calendar_token(agency, user):
    """Give the agency a new calendar address; the old one, if any, stops working at once."""
    from agencies.models import Agency

    from .models import CalendarToken

    Agency.objects.select_for_update().filter(pk=agency.pk).first()  # one new address at a time per agency
    CalendarToken.objects.live().filter(agency=agency).update(revoked_at=timezone.now(), revoked_by=user)
    return CalendarToken.objects.create(agency=agency, created_by=user)


@transaction.atomic
def revoke_calendar_token(agency, user):
    """The agency's calendar address stops working; returns how many were revoked (0 or 1)."""
    from .models import CalendarToken

    return CalendarToken.objects.live().filter(agency=agency).update(revoked_at=timezone.now(), revoked_by=user)
