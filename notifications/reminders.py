"""Deadline reminders and the coordinators' digest: ``send_reminders`` reaches the rungs of the ladder in force
today (``ladder``), records each reminder once, with its mails, and sends what waits (``tasks.send_reminder_mails``).

Decisions (README "Reminders"):
- Reminders go to obliged reports never submitted (status draft). An invited body (AgencyReport.invited) gets
  none, not even the friendly ones before the due date (a ministry or a Party committee is not chased by a
  province's mailer), and the digest leaves it out. A returned report was submitted once, so it is
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
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from agencies.naming import named_on
from plan_tracker.background import enqueue, queued, stop_requested, stopping_on_signal
from plan_tracker.text import fold
from reports.models import AgencyReport, ReportingYear
from reports import rules
from reports.rules import State, local_date, submission_state

from . import ladder
from .delivery import return_stranded
from .emails import absolute_url
from .models import Delivery, Reminder
from .recipients import REMINDERS, coordinators_by_plan, officers_by_agency
from .tasks import send_reminder_mails

logger = logging.getLogger("notifications")

DRAFT = AgencyReport.Status.DRAFT
RETURNED = AgencyReport.Status.RETURNED


def today_local():
    return local_date(timezone.now())


# --- What the open reporting years look like today ----------------------------------------------------


class OpenYears:
    """The open reporting years and everything a run needs about them, in six queries whatever their
    size: the years with their plans, their reports with agencies (and the agencies' former names: each year's
    mails name them as on its due date), the officers of agencies still owing a report, the coordinators, and
    the rungs already reached."""

    def __init__(self, today):
        self.today = today
        self.years = {ry.pk: ry for ry in ReportingYear.objects.select_related("plan")}
        by_plan_year = {(ry.plan_id, ry.year): ry for ry in self.years.values()}
        reports = (
            # Invited bodies (AgencyReport.invited) owe nothing: no reminder, before or after the due date, and
            # never in the digest's counts or lists.
            AgencyReport.objects.filter(
                Exists(ReportingYear.objects.filter(plan=OuterRef("plan"), year=OuterRef("year"))), invited=False,
            )
            .select_related("agency")
            .prefetch_related("agency__former_names")  # each year's mails name the agency as on its due date
            .order_by("pk")
        )
        self.reports = defaultdict(list)
        self.report_by_id = {}
        for report in reports:
            reporting_year = by_plan_year[(report.plan_id, report.year)]
            report.plan = reporting_year.plan  # the same instance: no query per report
            # The agency by the name in force on the year's due date (agencies.naming), as the year's pages show it.
            report.agency = named_on(report.agency, reporting_year.due_date)
            self.reports[reporting_year.pk].append(report)
            self.report_by_id[report.pk] = report
        for year_reports in self.reports.values():
            year_reports.sort(key=lambda r: fold(r.agency.name))  # "Đài…" with the Ds, on both databases
        owing = {r.agency_id for r in self.report_by_id.values() if r.status == DRAFT}
        self.officers = officers_by_agency(owing, REMINDERS)
        self.coordinators = coordinators_by_plan([ry.plan for ry in self.years.values()], REMINDERS,
                                                 {ry.plan_id: ry.recipient_id for ry in self.years.values()
                                                  if ry.recipient_id})  # the year's receiving body
        self.reached = set()
        self.latest = {}
        # Reports whose agency was reminded today (by the ladder or "Nhắc ngay"): never a second reminder that day.
        self.reminded_today = set()
        for kind, year_id, report_id, offset, run_date in Reminder.objects.filter(
                reporting_year__in=list(self.years)).values_list(
                "kind", "reporting_year_id", "report_id", "offset_days", "run_date"):
            self._mark(kind, year_id, report_id, offset)
            if report_id is not None and run_date == today:
                self.reminded_today.add(report_id)

    def _mark(self, kind, year_id, report_id, offset):
        target = year_id if kind == Reminder.Kind.DIGEST else report_id
        self.reached.add((kind, target, offset))
        self.latest[(kind, target)] = min(offset, self.latest.get((kind, target), offset))

    def add(self, reminder):
        self._mark(reminder.kind, reminder.reporting_year_id, reminder.report_id, reminder.offset_days)

    def is_superseded(self, reminder):
        """A newer rung has been reached for the same report (or year's digest)."""
        target = reminder.reporting_year_id if reminder.kind == Reminder.Kind.DIGEST else reminder.report_id
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
    queued: bool = False  # NOTIFICATIONS_QUEUED: the mails were enqueued for db_worker, not sent here
    stranded: int = 0  # mails left "sending" over an hour by a killed sender, returned to waiting
    password_resets: int = 0  # password-reset mails still waiting, sent by this run (queue off)
    stopped: bool = False  # SIGTERM/SIGINT while sending: what was left (the password resets' sweep) waits


def _report_deliveries(state, report, after_due):
    """Unsaved deliveries of a reminder to ``report``'s agency: its officers in To, and after the due date the
    agency's head contact in Cc."""
    officers = state.officers.get(report.agency_id, [])
    deliveries = [Delivery(kind=Delivery.Kind.REMINDER, user=r.user, email=r.email, language=r.language)
                  for r in officers]
    head = report.agency.head_email.strip()
    if after_due and head and head.lower() not in {r.key for r in officers}:
        deliveries.append(Delivery(kind=Delivery.Kind.REMINDER, email=head, language=settings.LANGUAGE_CODE,
                                   is_copy=True))
    return deliveries


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
            if report.pk in state.reminded_today:
                # A coordinator's "Nhắc ngay" went out today: this rung waits for the next run (one mail a day).
                continue
            officers = state.officers.get(report.agency_id, [])
            deliveries = _report_deliveries(state, report, after_due)
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
    """Reach today's rungs (recorded once), return the mails a killed sender left "sending" over an hour to waiting
    (``delivery.return_stranded``), then send every mail waiting: today's and earlier failures, and the
    password-reset mails still waiting (or, with NOTIFICATIONS_QUEUED, enqueue their tasks for db_worker).
    SIGTERM/SIGINT while sending (``stopping_on_signal``: the batch in hand is finished) stops the run: the
    password resets' sweep is then skipped, and ``stopped`` says so; what waits goes with the next run."""
    today = today or today_local()
    result = RunResult(today=today, dry_run=dry_run)
    state = OpenYears(today)
    new = _new_rungs(state, result)
    if dry_run:
        result.lines.append(f"{Delivery.objects.filter(status=Delivery.Status.FAILED).count()} failed mail(s) "
                            "would be retried.")
        return result
    if new:
        _record(new)
    result.stranded = return_stranded()
    with stopping_on_signal():  # around both sweeps: a stop asked during the first is still seen after it
        _send_now_or_queue(result, today)
        if not stop_requested():
            _send_password_resets(result)
        result.stopped = stop_requested()
    return result


def _send_password_resets(result):
    """The daily sweep of password-reset mails still waiting (pending, or failed with attempts left: a task lost,
    or one that gave up before MAX_ATTEMPTS), through their task (accounts.tasks)."""
    from accounts.tasks import send_password_reset_mails

    outcome = enqueue(send_password_reset_mails, None, on_commit=False)
    if not queued():
        result.password_resets = (outcome.return_value or {}).get("sent", 0)


def _send_now_or_queue(result, today, reminder_ids=None):
    """Send the mails waiting (of ``reminder_ids``; None: all) through their task: at once, in this process, or
    with NOTIFICATIONS_QUEUED enqueued for ``manage.py db_worker`` (``result.queued``)."""
    outcome = enqueue(send_reminder_mails, today.isoformat(), reminder_ids, on_commit=False)
    if queued():
        result.queued = True
    else:
        counts = outcome.return_value or {}
        result.sent, result.failed, result.cancelled = (counts.get(k, 0) for k in ("sent", "failed", "cancelled"))
    return result


# --- "Nhắc ngay": a coordinator chases the agencies still missing, from the queue -----------------------


@dataclass
class RemindNowResult:
    reminded: list = field(default_factory=list)  # agencies mailed now
    already: list = field(default_factory=list)  # agencies reminded earlier today: not mailed again
    unreachable: list = field(default_factory=list)  # agencies with nobody to mail (no officer with an email)
    sent: int = 0
    failed: int = 0
    cancelled: int = 0


def remind_now(plan, year, *, today=None):
    """Remind every obliged agency whose report of ``plan``'s ``year`` is still not sent (draft), now, through the
    same records as the ladder: a Reminder (kind "now") with its deliveries, then sent. Never twice the same day
    for the same report: an agency reminded today (by the ladder or an earlier "Nhắc ngay") is skipped, and a
    unique constraint stops two clicks racing. Invited bodies are never reminded (OpenYears leaves them out)."""
    today = today or today_local()
    state = OpenYears(today)
    outcome = RemindNowResult()
    reporting_year = next((ry for ry in state.years.values() if ry.plan_id == plan.pk and ry.year == year), None)
    if reporting_year is None:
        return outcome
    due = reporting_year.due_date
    after_due = rules.is_past_due(due, today)
    offset = max(min((due - today).days, 32767), -32768)
    new = []
    for report in state.reports[reporting_year.pk]:
        if report.status != DRAFT:
            continue
        deliveries = _report_deliveries(state, report, after_due)
        if not deliveries:
            outcome.unreachable.append(report.agency)
            continue
        if report.pk in state.reminded_today:
            outcome.already.append(report.agency)
            continue
        reminder = Reminder(kind=Reminder.Kind.NOW, reporting_year=reporting_year, report=report,
                            offset_days=offset, run_date=today)
        reminder._deliveries = deliveries
        new.append(reminder)
        outcome.reminded.append(report.agency)
    if new and not _record(new):
        # Another click recorded today's reminders first: nothing new goes out from this one.
        outcome.already.extend(outcome.reminded)
        outcome.reminded = []
        return outcome
    if new:
        result = _send_now_or_queue(RunResult(today=today), today, [r.pk for r in new])
        outcome.sent, outcome.failed, outcome.cancelled = result.sent, result.failed, result.cancelled
    return outcome
