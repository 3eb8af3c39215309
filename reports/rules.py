"""When a yearly report is due, and whether it came on time: decided here, once (DESIGN.md "Reporting rules").
Every page, mail, export and the coordinators' digest asks this module.

* The **due date** is per plan and year (``Plan.report_due_date``: seed, 15 November).
* A report is **on time** when its *first* submission falls on or before the due date in local time
  (``TIME_ZONE``, Asia/Ho_Chi_Minh): 15/11 23:59:59 local is on time, 16/11 00:00 local is late. A
  resubmission after a return keeps the first submission's verdict.
* Never submitted: **drafting** when saved at least once since the year was opened, **not started** when never
  saved (version 1). Once the due date has passed, both are **missing**; before it, neither is.

The SQL form (``on_time_q`` / ``state_q``) and the Python form (``is_on_time`` / ``submission_state``) of each
rule sit side by side; ``reports/tests/test_rules.py`` runs both over generated data and finds them equal."""

import datetime
import zoneinfo
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


#: Reports whose content (texts, statuses, figures) others may read and sum: submitted and accepted. A returned
#: report is being revised, and a draft is private to its agency.
CONTENT_STATUSES = ("submitted", "accepted")


def local_date(dt):
    """The calendar date of ``dt`` in the project's time zone (Asia/Ho_Chi_Minh)."""
    return timezone.localtime(dt, zoneinfo.ZoneInfo(settings.TIME_ZONE)).date()


def today():
    """Today's date in the project's time zone."""
    return local_date(timezone.now())


def due_date(plan, year):
    return plan.report_due_date(year)


def deadline_end(plan, year):
    """The first instant after the due date, in local time: a first submission before it is on time."""
    due = due_date(plan, year)
    return datetime.datetime.combine(due + datetime.timedelta(days=1), datetime.time.min,
                                     tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


# ------------------------------------------------------------------------------------------ on time


def is_on_time(first_submitted_at, plan, year):
    """True/False once submitted (the first submission on or before the due date, local time); None before."""
    if first_submitted_at is None:
        return None
    return first_submitted_at < deadline_end(plan, year)


def on_time_q(plan, years, prefix=""):
    """SQL twin of ``is_on_time`` over reports of ``plan`` in ``years``: first submitted before the end of its
    year's due date. ``prefix`` reaches the report from another model (``"report__"``)."""
    return reduce(or_, (Q(**{f"{prefix}year": y, f"{prefix}first_submitted_at__lt": deadline_end(plan, y)})
                        for y in years), Q(pk__in=[]))


def timeliness(report):
    """What a page or mail says of one report's timing: ``State.ON_TIME`` or ``State.LATE`` once submitted; None
    before, and always None for an invited body's report (it may report; it is never late: reports.services)."""
    if report.first_submitted_at is None or getattr(report, "invited", False):
        return None
    return State.ON_TIME if is_on_time(report.first_submitted_at, report.plan, report.year) else State.LATE


def owes_report(report):
    """Whether the report is owed by its due date: an obliged body's report never submitted (an invited body owes
    none). Pages show "days left / days late" only for these."""
    return report.first_submitted_at is None and not getattr(report, "invited", False)


def readable_by_others(report):
    """Whether people outside the agency (coordinators, viewers) may read one report's page: once it has been
    submitted (a returned report stays readable: its reviewer must see what was returned). The year's figures
    read content only from ``CONTENT_STATUSES`` (a returned report is left out until it is sent again)."""
    return report.first_submitted_at is not None


def days_late(first_submitted_at, plan, year):
    """Whole local days between the due date and the first submission (0 when on time); None before."""
    return days_late_after(first_submitted_at, due_date(plan, year))


def days_late_after(first_submitted_at, due):
    """``days_late`` with the year's due date already known (the overview's rows)."""
    if first_submitted_at is None:
        return None
    return max((local_date(first_submitted_at) - due).days, 0)


# ------------------------------------------------------------------------------------ submission state


class State:
    ON_TIME = "on_time"
    LATE = "late"
    DRAFTING = "drafting"
    NOT_STARTED = "not_started"

    LABELS = {
        ON_TIME: _("Gửi đúng hạn"),
        LATE: _("Gửi muộn"),
        DRAFTING: _("Đang soạn, chưa gửi"),
        NOT_STARTED: _("Chưa bắt đầu"),
    }
    ORDER = (ON_TIME, LATE, DRAFTING, NOT_STARTED)


def submission_state(report):
    """The state of one report (Python form of ``state_q``)."""
    return state_of(report.first_submitted_at, is_untouched(report.version), deadline_end(report.plan, report.year)
                    if report.first_submitted_at is not None else None)


def is_untouched(version):
    """Whether a report at ``version`` was never saved (version 1: opened, nothing written); SQL: ``untouched_q``."""
    return version == 1


def untouched_q(prefix=""):
    """SQL form of ``is_untouched`` on the report's version."""
    return Q(**{f"{prefix}version": 1})


def state_of(first_submitted_at, untouched, end):
    """The state of a report first submitted at ``first_submitted_at`` (None: never), ``untouched`` (``is_untouched``:
    never saved) or not, of a year whose ``deadline_end`` is ``end`` (needed only once submitted): the rule of
    ``submission_state``, for rows read as values (the year overview's 2,500 rows share one ``end``; a row reads
    whether its report is untouched, not its version: a draft saved again is the same row, README "The overview's
    CPU, session 15")."""
    if first_submitted_at is not None:
        return State.ON_TIME if first_submitted_at < end else State.LATE
    return State.NOT_STARTED if untouched else State.DRAFTING


def state_q(state, plan, years, prefix=""):
    """SQL form of ``submission_state(report) == state`` for reports of ``plan`` in ``years``."""
    submitted = Q(**{f"{prefix}first_submitted_at__isnull": False})
    unsent = Q(**{f"{prefix}first_submitted_at__isnull": True})
    if state == State.ON_TIME:
        return on_time_q(plan, years, prefix)
    if state == State.LATE:
        return submitted & ~on_time_q(plan, years, prefix)
    if state == State.DRAFTING:
        return unsent & Q(**{f"{prefix}version__gt": 1})
    if state == State.NOT_STARTED:
        return unsent & untouched_q(prefix)
    raise ValueError(state)


def is_past_due(due, on):
    """Whether the due date ``due`` has passed on the local date ``on`` (on the due day itself it has not)."""
    return on > due


def is_missing(report, on):
    """Never submitted, and the due date has passed on ``on``."""
    return report.first_submitted_at is None and is_past_due(due_date(report.plan, report.year), on)


# ------------------------------------------------------------------------------------ line statuses

#: Timeframe kinds whose task repeats every year (tasks.Task.Timeframe): their lines say what was done this year.
YEARLY_KINDS = frozenset({"ongoing", "annual", "annual_on_request", "budget_cycle"})


def line_statuses(timeframe_kind):
    """The statuses a report line may take for a task of ``timeframe_kind`` (values of TaskReport.Status), one
    clear set per kind (issue #14): a task that repeats every year is "done for the year", never "completed"
    (reports.completion counts a lead's "completed" as the task finished for good); a task with a deadline or a
    period is "completed", never "done for the year"."""
    finished = "done_for_year" if timeframe_kind in YEARLY_KINDS else "completed"
    return ("not_started", "in_progress", finished, "nothing_to_report")
