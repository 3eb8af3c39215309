"""Sending the recorded mails. Every email is first recorded (a Delivery row, under a Reminder for the ladder:
``reminders``; under a report event: ``workflow``), then sent one address at a time. The unique constraints
make a second run, or a replayed event, record nothing new; the tasks that send them (``notifications.tasks``)
take a row for sending once (``_claim``); a failed row is sent again by a later task. Each distinct mail is written once (``_compose``)
and rendered once for all its recipients."""

import datetime
import logging
import uuid

from django.db.models import F, Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone

from agencies.naming import named_on
from plan_tracker.background import Hold, claiming, stop_requested
from plan_tracker.compiled import Statement
from reports.models import AgencyReport, ReportEvent
from reports.rules import is_on_time

from .coordination import coordination_lines
from .emails import PreparedMail, absolute_url, open_connection, render_email, send_one
from .models import Delivery, Preference
from .recipients import NOTIFICATIONS, REMINDERS

logger = logging.getLogger("notifications")

DRAFT = AgencyReport.Status.DRAFT


# Rows taken per claim: a crash (SIGKILL, a power cut) leaves at most this many "sending".
BATCH = 200
# A row "sending" for longer than this was taken by a sender that never finished (killed): send_reminders returns
# it to waiting (``return_stranded``). Far above a batch's time (200 mails at SMTP's pace: a minute or two).
STRANDED_AFTER = datetime.timedelta(hours=1)
WAITING = [Delivery.Status.PENDING, Delivery.Status.FAILED]


def _claim(queryset, limit, after_pk):
    """Take up to ``limit`` waiting rows of ``queryset`` (by pk, above ``after_pk``) for this run, in one short
    transaction: one UPDATE marks them "sending" (with a token no other run has, and the time) whose subquery picks
    them ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so two senders at once take other rows and no row is taken twice
    (the UPDATE re-checks the status too). Then they are read back with everything their mails show (one query +
    prefetches). Refused inside a caller's transaction (``plan_tracker.background.claiming``): the claim must be
    committed before the mails go out."""
    token = uuid.uuid4()
    todo = (queryset.filter(status__in=WAITING, attempts__lt=Delivery.MAX_ATTEMPTS, pk__gt=after_pk)
            .order_by("pk").select_for_update(skip_locked=True).values("pk")[:limit])
    # The rows are picked (and locked) by one SELECT, then updated by their ids: an UPDATE … WHERE pk IN (SELECT …
    # LIMIT n FOR UPDATE SKIP LOCKED) can take more than n rows on PostgreSQL when the planner rescans the subquery
    # (SKIP LOCKED gives other rows at each scan).
    with claiming("mails"):
        pks = list(todo)
        taken = pks and Delivery.objects.filter(pk__in=[row["pk"] for row in pks], status__in=WAITING).update(
            status=Delivery.Status.SENDING, claim=token, claimed_at=timezone.now(), attempts=F("attempts") + 1)
    if not taken:
        return []
    rows = _CLAIMED.rows(token)
    _attach_events(rows)
    return rows


#: The rows a claim took (its token), with everything their mails show; and the events of a batch's rows, with their
#: reports, plans, agencies and actors. Compiled once per process (``plan_tracker.compiled``: building and compiling
#: them cost more CPU than running them, at every task: issue #18).
_CLAIMED = Statement(
    lambda token: Delivery.objects.filter(claim=token, status=Delivery.Status.SENDING)
    .select_related("user__notification_preference", "reminder", "agency")
    .prefetch_related("reminder__deliveries")
    .order_by("pk"),
    stand_ins=(uuid.UUID(int=0x5CA1AB1E),))
_EVENTS = Statement(lambda pks: ReportEvent.objects.select_related("report__plan", "report__agency", "actor")
                    .filter(pk__in=pks))


def _attach_events(rows):
    """Each row's event, with its report, plan, agency and actor, read once per event, not once per row (a
    submission's 24 rows share one event): one query, none when no row has an event. Then the former names of every
    agency the mails name (the reports' and the coordination mails' leads: named as on the year's due date), in one
    query, none when there is no agency."""
    event_ids = sorted({row.event_id for row in rows if row.event_id is not None})
    events = {event.pk: event for event in _EVENTS.rows(event_ids)} if event_ids else {}
    for row in rows:
        if row.event_id in events:  # (an event deleted meanwhile took its rows with it)
            row.event = events[row.event_id]
    agencies = [event.report.agency for event in events.values()] + [row.agency for row in rows if row.agency_id]
    if agencies:
        prefetch_related_objects(agencies, "former_names")


def return_stranded():
    """Rows left "sending" for over STRANDED_AFTER (their sender was killed between taking and recording them)
    back to waiting: failed, their attempt counted, so the next send takes them (up to MAX_ATTEMPTS; a row the
    killed sender had already handed to the mail server is then sent twice, rather than never). Rows taken more
    recently are left alone: another sender may be on them. The claim token stays until another sender takes the
    row: a sender that was only slow, not killed, still records what it did (a mail it sent is not sent again);
    once another has taken the row, it is that one's (``_send``). Returns how many."""
    return Delivery.objects.filter(
        Q(claimed_at__lt=timezone.now() - STRANDED_AFTER) | Q(claimed_at__isnull=True),
        status=Delivery.Status.SENDING,
    ).update(status=Delivery.Status.FAILED,
             last_error="interrupted: taken for sending and never finished (the sender was stopped)")


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
    # The report's agency (and a coordination mail's lead) by the names in force on the year's due date, as the
    # report's pages show them (agencies.naming).
    report.agency = named_on(report.agency, report.due_date)
    context = {
        "report": report, "agency": report.agency, "plan": report.plan, "year": report.year, "event": event,
        "report_url": absolute_url(report.get_absolute_url()),
    }
    if kind == Delivery.Kind.SUBMITTED:
        context.update({
            "submitted_at": timezone.localtime(event.at),
            "is_resubmission": report.first_submitted_at is not None and report.first_submitted_at < event.at,
            # None for an invited body's report: it is never late (reports.rules.timeliness).
            "on_time": None if report.invited else is_on_time(report.first_submitted_at or event.at, report.plan,
                                                               report.year),
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
    context.update({"lines": lines, "lead": named_on(delivery.agency, report.due_date)})
    return "coordination", context, None, None


def deliver(queryset, *, state=None, result=None):
    """Send the waiting deliveries of ``queryset``; record each as sent, failed (retried later) or cancelled.
    In batches of BATCH rows, each taken in its own short transaction and finished (recorded) before the
    next is taken: a sender killed mid-run leaves one batch at most "sending" (``return_stranded``), the rest
    waiting. Between batches it stops when asked to (SIGTERM: ``plan_tracker.background.stop_requested``); a
    batch that fails as a whole (the mail backend cannot be opened) is recorded failed and stops the run. Each
    row is tried once per run (the next batch starts above the last row taken). Per batch: one connection,
    each distinct mail rendered once, the results written in three statements, each only to the rows this run
    still holds (its claim token: ``_send``); a mail goes out only while its row is still this run's
    (``plan_tracker.background.Hold``, checked just before each send). Refused inside a caller's transaction
    (``_claim``)."""
    batch, last_pk = BATCH, 0
    while not stop_requested():
        claimed = _claim(queryset, batch, last_pk)
        if not claimed:
            break
        last_pk = claimed[-1].pk
        _send(claimed, state=state, result=result)
        if len(claimed) < batch:
            break
    else:
        logger.warning("Asked to stop: the mails still waiting go with the next run.")
    return result


def _send(claimed, *, state=None, result=None):
    """Send the rows taken and record each. Whatever fails on the way (the mail backend cannot be opened, a mail
    cannot be rendered) fails the rows not yet sent, recorded with the error, and is raised: nothing taken is left
    "sending". Each outcome is written only where the row still carries this run's claim token: a row taken back
    meanwhile (``return_stranded``: this sender took over an hour) and taken by another sender is that sender's to
    record, never overwritten with this one's result, nor sent by this one (``Hold``: a batch held for over half
    STRANDED_AFTER renews its hold on its rows, and sends none that another sender took)."""
    held = Delivery.objects.filter(claim=claimed[0].claim) if claimed else Delivery.objects.none()
    hold = Hold(Delivery, claimed, sending=Delivery.Status.SENDING, stranded_after=STRANDED_AFTER)
    sent, failed, cancelled, lost = [], [], [], []
    done = set()
    try:
        _send_each(claimed, state, hold, sent, failed, cancelled, lost, done)
    except Exception as error:
        text = f"{type(error).__name__}: {error}"[:1000]
        for delivery in claimed:
            if delivery.pk not in done:
                delivery.status, delivery.last_error, delivery.claim = Delivery.Status.FAILED, text, None
                failed.append(delivery)
        raise
    finally:
        if lost:
            logger.warning("%s of %s mails were taken back and taken by another sender before this one sent them: "
                           "not sent by this one.", len(lost), len(claimed))
        written = (held.filter(pk__in=sent).update(status=Delivery.Status.SENT, sent_at=timezone.now(),
                                                   last_error="", claim=None)
                   + held.filter(pk__in=cancelled).update(status=Delivery.Status.CANCELLED, claim=None)
                   + held.bulk_update(failed, ["status", "last_error", "claim"]))
        if written < len(sent) + len(cancelled) + len(failed):
            logger.warning("%s of %s mails were taken back and taken by another sender while this one sent them: "
                           "their outcome is left to that sender.",
                           len(sent) + len(cancelled) + len(failed) - written, len(claimed))
        if result is not None:
            result.sent += len(sent)
            result.failed += len(failed)
            result.cancelled += len(cancelled)
            retry_events = getattr(result, "retry_events", None)
            if retry_events is not None:  # the workflow mails' task retries them under their events
                retry_events.update(d.event_id for d in failed
                                    if d.event_id is not None and d.attempts < Delivery.MAX_ATTEMPTS)
    return result


def _coalesced(claimed):
    """The coordinators' "submitted" mails of this batch that go as one (README "The notification worker"): the
    rows of kind SUBMITTED on their first try (``attempts`` 1 once taken) to the same address in the same language,
    of the same plan and year (so the same receiving body), grouped when there are two or more: {row pk: its
    group}. A retry (a row that failed before) is sent alone, as today's mail."""
    groups = {}
    for delivery in claimed:
        if delivery.kind == Delivery.Kind.SUBMITTED and delivery.attempts == 1 and delivery.event_id is not None:
            report = delivery.event.report
            groups.setdefault((delivery.email, delivery.language, report.plan_id, report.year), []).append(delivery)
    return {delivery.pk: group for group in groups.values() if len(group) > 1 for delivery in group}


def _combined_context(rows, contexts):
    """One mail listing the submissions of ``rows`` (one address's, in the order they came in): each with what the
    single mail says of it (agency named as on the year's due date, time, resubmission, on time or late, its link);
    the plan, year and the year's link once."""
    submissions = [contexts[row.event_id] for row in rows]
    first = submissions[0]
    return {"submissions": submissions, "plan": first["plan"], "year": first["year"], "year_url": first["year_url"]}


def _send_each(claimed, state, hold, sent, failed, cancelled, lost, done):
    coordination = {}
    event_reports = {d.event.report.pk: d.event.report for d in claimed if d.kind == Delivery.Kind.COORDINATION}
    if event_reports:
        coordination = coordination_lines(list(event_reports.values()))
    mails = {}
    contexts = {}  # a submission's context (its event id), for the combined mails
    groups = _coalesced(claimed)

    def prepared(delivery):
        """The mail of ``delivery`` alone (rendered once per ``_mail_key``), or None: no longer called for."""
        key = _mail_key(delivery)
        if key not in mails:
            composed = _compose(delivery, state, coordination)
            if composed is not None:
                template, context, to_header, cc_header = composed
                composed = PreparedMail(*render_email(template, context, delivery.language),
                                        to_header=to_header, cc_header=cc_header)
            mails[key] = composed
        return mails[key]

    def combined(rows):
        """The one mail of ``rows`` (one address's submissions, two or more), rendered once per list and language."""
        rows = sorted(rows, key=lambda row: (row.event.at, row.event_id))
        key = ("submitted-many", rows[0].language, tuple(row.event_id for row in rows))
        if key not in mails:
            for row in rows:
                if row.event_id not in contexts:
                    contexts[row.event_id] = _compose(row, state, coordination)[1]
            mails[key] = PreparedMail(*render_email("submitted_many", _combined_context(rows, contexts),
                                                    rows[0].language))
        return mails[key]

    def record(rows, error):
        for delivery in rows:
            done.add(delivery.pk)
            if error is None:
                sent.append(delivery.pk)
                continue
            delivery.status, delivery.last_error, delivery.claim = Delivery.Status.FAILED, error, None
            failed.append(delivery)
            if delivery.attempts >= Delivery.MAX_ATTEMPTS:
                logger.error("Giving up on %s to %s after %s attempts: %s", delivery.get_kind_display(),
                             delivery.email, delivery.attempts, error)

    connection = open_connection()
    try:
        for delivery in claimed:
            group = groups.get(delivery.pk)
            # A group's rows go with its first row's mail: at the others, nothing is left.
            rows = [row for row in group if row.pk not in done] if group else [delivery]
            keep = []
            for row in rows:
                # (a submission's mail is always called for: a group's rows are not rendered alone)
                wanted = _wanted(row) and (group is not None or prepared(row) is not None)
                if not wanted:  # the person opted out, or the mail is no longer called for
                    cancelled.append(row.pk)
                    done.add(row.pk)
                elif not hold.holds(row):  # taken back (this batch took over an hour) and taken by another sender
                    lost.append(row.pk)
                    done.add(row.pk)
                else:
                    keep.append(row)
            if not keep:
                continue
            mail = prepared(keep[0]) if len(keep) == 1 else combined(keep)
            record(keep, send_one(connection, mail.message(keep[0].email, connection)))
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("Closing the email connection failed", exc_info=True)
