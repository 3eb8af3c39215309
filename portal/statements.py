"""The statements of an officer's home page, compiled once per process (``plan_tracker.compiled``, issue #18):
building and compiling its querysets (the tasks with their completion rule, their assignments, who completed them,
the agencies' reports) cost more CPU than running them, on the first page of every deadline-day journey. Each
``build`` only passes its arguments into the queryset: see that module's rule.

The tasks are found by the agencies and their groups (a subquery), never by a list of task ids, so that the
statements' shapes are the agencies' and groups' counts (one or two), not the tasks' (tens to hundreds): a handful
of compiled shapes per process, and no long IN list."""

from django.db.models import Q

from agencies.models import Agency
from plan_tracker.compiled import Statement, set_prefetched
from reports import completion, rules
from reports.models import AgencyReport, TaskReport
from tasks.models import Assignment, Task


def _task_ids(agency_ids, group_ids):
    """The ids of the tasks assigned to the agencies, directly or through their groups (a subquery)."""
    return Assignment.objects.filter(Q(agency_id__in=agency_ids) | Q(group_id__in=group_ids)).values("task_id")


#: The agencies, in their Vietnamese order.
AGENCIES = Statement(lambda agency_ids: Agency.objects.filter(pk__in=agency_ids).vietnamese_order())
#: (agency id, group id) of the agencies' group memberships.
MEMBERSHIPS = Statement(lambda agency_ids: Agency.groups.through.objects.filter(agency_id__in=agency_ids)
                        .values_list("agency_id", "agencygroup_id"))
#: The tasks' assignments with their agencies and groups, each task's in their order (``Assignment.Meta``).
ASSIGNMENTS = Statement(lambda agency_ids, group_ids: Assignment.objects.filter(
    task_id__in=_task_ids(agency_ids, group_ids)).select_related("agency", "group").order_by(
    "task_id", "role", "order", "pk"))
#: Every report of the agencies with its plan, newest year first.
REPORTS = Statement(lambda agency_ids: AgencyReport.objects.filter(agency_id__in=agency_ids).select_related("plan")
                    .order_by("-year", "plan__number"))

# The statements that hold a year (the completion rule is compiled per year: ``reports.completion``): one each per
# year asked for, the year written into the build, never a stand-in (the rule computes dates from it).
_by_year = {}


def _for_year(name, year, build):
    key = (name, year)
    statement = _by_year.get(key)
    if statement is None:
        statement = _by_year[key] = Statement(build)
    return statement


def tasks(year, agency_ids, group_ids):
    """The tasks of the agencies (directly or through their groups) with plan, section and ``is_completed`` (by
    ``year``), nearest deadline first: ``portal.views.listed_tasks`` without its prefetch (``with_assignments``)."""
    return _for_year("tasks", year, lambda agency_ids, group_ids: completion.annotate_completion(
        Task.objects.select_related("plan", "section"), year).filter(pk__in=_task_ids(agency_ids, group_ids))
        .by_deadline()).rows(agency_ids, group_ids)


def completed_by(year, agency_ids, group_ids):
    """``reports.completion.completed_by`` of the agencies' tasks: {task id: {agency id}} of the agencies with a
    "completed" line on the task in a submitted report of ``year`` or before."""
    pairs = _for_year("completed", year, lambda agency_ids, group_ids: TaskReport.objects.filter(
        task_id__in=_task_ids(agency_ids, group_ids), status=TaskReport.Status.COMPLETED,
        report__status__in=rules.CONTENT_STATUSES, report__year__lte=year).order_by()
        .values_list("task_id", "report__agency_id").distinct()).rows(agency_ids, group_ids)
    result = {}
    for task_id, agency_id in pairs:
        result.setdefault(task_id, set()).add(agency_id)
    return result


def with_assignments(tasks, agency_ids, group_ids):
    """``tasks`` (those of ``tasks()`` for the same agencies and groups) with their assignments set as Django's
    prefetch sets them (``task.assignments.all()`` makes no query; each assignment knows its task)."""
    set_prefetched(tasks, "assignments", lambda: ASSIGNMENTS.rows(agency_ids, group_ids),
                   Assignment.objects.select_related("agency", "group"))
    return tasks
