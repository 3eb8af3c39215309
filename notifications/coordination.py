"""What a coordinating agency's report tells the agencies that lead its tasks: the lines to tell them
(``coordination_lines``, read when the mail is written) and, as a subquery for recording those mails, the
lead agencies told (``lead_agencies_told``). The same rule twice: a test holds them to each other."""

from collections import defaultdict

from django.db.models import Q

from agencies.models import Agency, AgencyGroup, active_on_q
from plan_tracker.compiled import Statement
from reports.models import TaskReport
from tasks.models import Assignment


def coordination_lines(reports):
    """{report_id: {lead_agency_id: [TaskReport]}}: each report's lines as a coordinating agency that say
    something (not "nothing to report"), under every agency that leads the task, directly or as a member
    of a lead group existing on the year's due date, other than the reporting agency. Three queries at most."""
    by_id = {r.pk: r for r in reports}
    lines = _LINES.rows(sorted(by_id))
    if not lines:
        return {}
    leads = defaultdict(list)
    for a in _LEADS.rows(sorted({line.task_id for line in lines})):
        leads[a.task_id].extend([a.agency] if a.agency_id else list(a.group.members.all()) if a.group_id else [])
    result = defaultdict(lambda: defaultdict(list))
    for line in lines:
        report = by_id[line.report_id]
        for agency in leads[line.task_id]:
            # a lead that exists on the year's due date (the plan's: 15/11 in the seed)
            if agency.pk != report.agency_id and agency.is_active_on(line.task.plan.report_due_date(report.year)):
                if line not in result[report.pk][agency.pk]:
                    result[report.pk][agency.pk].append(line)
    return result


#: ``coordination_lines``' two statements, compiled once per process and list length (``plan_tracker.compiled``: the
#: mail worker reads them at every task; issue #18).
_LINES = Statement(
    lambda report_ids: TaskReport.objects.filter(report_id__in=report_ids, role=Assignment.Role.COORDINATOR)
    .exclude(status__in=["", TaskReport.Status.NOTHING_TO_REPORT])
    .select_related("task__plan")
    .order_by("task__order", "task__number"))
_LEADS = Statement(
    lambda task_ids: Assignment.objects.filter(task_id__in=task_ids, role=Assignment.Role.LEAD)
    .select_related("agency", "group").prefetch_related("group__members"))


def lead_agencies_told(report):
    """The agencies ``coordination_lines([report])`` files lines under, as a subquery of their ids (no query
    of its own): those leading, directly or as a member of a lead group, a task on which ``report`` says
    something as a coordinating agency; existing on the year's due date (``active_on_q``: valid from/until); not the
    reporting agency.

    Compiled once a day (``recipients.submission_recipients``): built for a stand-in report whose values (pk,
    agency, plan, year, due date) become the SQL's parameters, swapped for each real report's. So this function must
    never branch on the report's values (an ``if report.year …``, a lookup of the report's plan, a date computed in
    Python from the year other than ``report.plan.report_due_date``): the branch would be taken once, for the
    stand-in, and its answer served to every report of the day. Only pass the values into the query."""
    said = (TaskReport.objects.filter(report_id=report.pk, role=Assignment.Role.COORDINATOR)
            .exclude(status__in=["", TaskReport.Status.NOTHING_TO_REPORT]).values("task_id"))
    leads = Assignment.objects.filter(task_id__in=said, role=Assignment.Role.LEAD)
    in_groups = AgencyGroup.members.through.objects.filter(agencygroup_id__in=leads.values("group_id"))
    year = report.year
    return (
        Agency.objects.filter(Q(pk__in=leads.values("agency_id")) | Q(pk__in=in_groups.values("agency_id")))
        .filter(active_on_q(report.plan.report_due_date(year)))
        .exclude(pk=report.agency_id)
        .values("pk")
    )
