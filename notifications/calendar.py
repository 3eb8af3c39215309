"""An agency's deadlines as an iCalendar feed (RFC 5545), written with the icalendar package: the deadlines
of the tasks it leads or coordinates, and the yearly report due dates of every year it owes a report."""

import datetime

import icalendar
from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reports.models import AgencyReport, ReportingYear
from tasks.models import Assignment, Task

from .emails import absolute_url, site_host

# Calendar apps poll the address; this asks them to do so a few times a day, not every minute.
REFRESH = datetime.timedelta(hours=6)
REPORT_ALARM_BEFORE = datetime.timedelta(days=7)


def _assignments(agency):
    """The agency's assignments, directly or through a group, with their tasks and plans. One query."""
    return (
        Assignment.objects.filter(Q(agency=agency) | Q(group__members=agency))
        .select_related("task__plan__report_recipient")
        .order_by("task__plan_id", "task__order", "task__number")
    )


def feed_events(agency):
    """[(kind, date, summary, description, url, uid)] of the agency's calendar, in date order. Four queries (more
    only for a year not opened whose plan's recipient has ceased by then): the assignments, the agency's reports
    (to say which years are already in), the plans' rules for single bodies, the years' receiving bodies."""
    roles = {}
    tasks = {}
    for a in _assignments(agency):
        tasks[a.task_id] = a.task
        if roles.get(a.task_id) != Assignment.Role.LEAD:
            roles[a.task_id] = a.role
    reports = {(r.plan_id, r.year): r for r in AgencyReport.objects.filter(agency=agency)}
    role_names = dict(Assignment.Role.choices)
    host = site_host()
    events = []
    for task in tasks.values():
        if task.timeframe_kind == Task.Timeframe.DEADLINE and task.due_date:
            events.append((
                "task", task.due_date,
                _("Hạn hoàn thành nhiệm vụ %(number)s (%(plan)s)") % {"number": task.number, "plan": task.plan.number},
                "\n".join(filter(None, [
                    task.title, _("Vai trò: %(role)s") % {"role": role_names[roles[task.pk]]},
                    _("Thời gian: %(text)s") % {"text": task.timeframe_text} if task.timeframe_text else "",
                ])),
                absolute_url(task.get_absolute_url()), f"task-{task.pk}-deadline@{host}",
            ))
    plans = {t.plan_id: t.plan for t in tasks.values()}
    # Each year's report goes to that year's receiving body (ReportingYear: after a merger, the successor), named as
    # the year recorded it; a year not opened yet, to the plan's recipient as it stands on the year's due date.
    prefetch_related_objects(list(plans.values()), "agency_rules")  # Plan.obliges: one query for every plan
    year_recipients = {(plan_id, year): name for plan_id, year, name in ReportingYear.objects.filter(
        plan_id__in=list(plans)).values_list("plan_id", "year", "recipient_name")}
    for plan in plans.values():
        plan_tasks = [t for t in tasks.values() if t.plan_id == plan.pk]
        # The due dates of the reports the agency owes: none for a body the plan only invites (it may report; it is
        # never reminded: the plan's rule, Plan.obliges, or the opened year's AgencyReport.invited).
        owed = {y for y in plan.years if agency.is_active_on(plan.report_due_date(y))
                and any(t.is_active_in_year(y) for t in plan_tasks) and plan.obliges(agency)}
        owed |= {year for plan_id, year in reports if plan_id == plan.pk}
        owed -= {year for (plan_id, year), report in reports.items() if plan_id == plan.pk and report.invited}
        for year in sorted(owed):
            report = reports.get((plan.pk, year))
            summary = _("Hạn gửi báo cáo năm %(year)s (%(plan)s)") % {"year": year, "plan": plan.number}
            if report is not None and report.is_submitted:
                summary += " — " + _("đã gửi")
            to = year_recipients.get((plan.pk, year))
            if to is None and plan.report_recipient:
                to = (plan.report_recipient.name if plan.report_recipient.is_active_on(plan.report_due_date(year))
                      else ReportingYear.parameters_from(plan, year)["recipient_name"])
            if to:
                description = _("Báo cáo kết quả thực hiện %(plan)s năm %(year)s, gửi %(to)s.") % {
                    "plan": plan.number, "year": year, "to": to}
            else:
                description = _("Báo cáo kết quả thực hiện %(plan)s năm %(year)s.") % {"plan": plan.number, "year": year}
            url = absolute_url(report.get_absolute_url()) if report else absolute_url(plan.get_absolute_url())
            events.append(("report", plan.report_due_date(year), summary, description, url,
                           f"report-{plan.pk}-{year}-{agency.pk}@{host}"))
    events.sort(key=lambda e: (e[1], e[0], e[2]))
    return events


def build_feed(agency, language=None):
    """The agency's calendar as bytes (text/calendar)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        cal = icalendar.Calendar()
        cal.add("prodid", "-//Plan Tracker//Deadlines//VI")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        name = _("Hạn báo cáo — %(agency)s") % {"agency": agency.name}
        cal.add("name", name)
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", settings.TIME_ZONE)
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        # Outlook's name for the same: a DURATION ("PT6H"); icalendar writes a timedelta under an unknown
        # X- property as "6:00:00", which no client reads.
        cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
        stamp = timezone.now()
        for kind, date, summary, description, url, uid in feed_events(agency):
            event = icalendar.Event()
            event.add("uid", uid)
            event.add("dtstamp", stamp)
            # All-day events: a date, not a time, so no client shifts them across a time-zone boundary.
            event.add("dtstart", date)
            event.add("dtend", date + datetime.timedelta(days=1))
            event.add("summary", summary)
            event.add("description", f"{description}\n{url}")
            event.add("url", url)
            event.add("transp", "TRANSPARENT")
            event.add("categories", [_("Hạn báo cáo") if kind == "report" else _("Hạn nhiệm vụ")])
            if kind == "report":
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", summary)
                alarm.add("trigger", -REPORT_ALARM_BEFORE)
                event.add_component(alarm)
            cal.add_component(event)
        return cal.to_ical()
