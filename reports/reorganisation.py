"""A reorganisation entered as one change (``agencies.AgencyChange`` with its ``tasks.TaskRouting``), previewed, then
applied whole (issue #13, item 2; the admin screen in ``reports.admin_reorganisation``).

The preview does not restate who answers for what: it applies the change inside a savepoint, asks
``reports.services.obligations`` for every plan year the change reaches (the years whose due date falls on or after
its effective date) before and after, and rolls back. What differs is what moves. ``apply_reorganisation`` applies
the change (``agencies.succession.apply_change``), then brings each opened year it reaches in line: the successors'
reports and lines are added (``open_reporting_year``), and a predecessor's report for that year that nobody has
saved or submitted goes (one that has content stays, listed in the preview, for a coordinator to decide)."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from agencies.models import Agency, AgencyChange, Membership
from agencies.succession import Succession, apply_change, check_change
from tasks.models import Plan, Task, TaskRouting

from .models import AgencyReport, ReportingYear
from .services import obligations, open_reporting_year


class _Rollback(Exception):
    pass


@dataclass
class Move:
    task: object
    role: str
    before: list  # agencies
    after: list
    years: list = field(default_factory=list)

    @property
    def years_text(self):
        return ", ".join(str(y) for y in self.years)


@dataclass
class Preview:
    change: object
    problems: list
    ending: list = field(default_factory=list)  # (agency, last day)
    starting: list = field(default_factory=list)
    renamed: tuple = None  # (old name, new name)
    moves: list = field(default_factory=list)
    reports_removed: list = field(default_factory=list)  # never saved: they go, the successors' come
    reports_kept: list = field(default_factory=list)  # with content: they stay
    years_reopened: list = field(default_factory=list)  # (plan, year) whose reports are brought in line
    rights_ending: list = field(default_factory=list)  # coordinator / viewer memberships in a body that ends
    rights_starting: list = field(default_factory=list)  # coordinator / viewer memberships in a successor
    officers_keeping: int = 0
    recipients_ending: list = field(default_factory=list)  # opened years received by a body that ends


def routing_of(change):
    """[(task, successor)] the change's routings name."""
    return [(r.task, r.successor) for r in change.routings.select_related("task", "successor")]


def problems_of(change):
    """Messages for what makes ``change`` wrong or incomplete (``check_change``, and the routing against the tasks
    its predecessors hold)."""
    routing = routing_of(change)
    problems = check_change(change, routing)
    predecessors = list(change.predecessors.all())
    held = _tasks_of(predecessors)
    for task, _successor in routing:
        if task.pk not in held:
            problems.append(_("Nhiệm vụ %(task)s không phải nhiệm vụ của cơ quan trước thay đổi.") % {"task": task.number})
    successors = list(change.successors.all())
    if change.kind == AgencyChange.Kind.SPLIT and len(successors) > 1 and not change.default_successor_id:
        routed = {task.pk for task, _successor in routing}
        left = sorted({t.number for t in held.values() if t.pk not in routed}, key=_number_key)
        if left:
            problems.append(
                _("Các nhiệm vụ %(tasks)s chưa có cơ quan nhận: chuyển giao từng nhiệm vụ hoặc chọn cơ quan nhận "
                  "phần còn lại.") % {"tasks": ", ".join(left)})
    return problems


def _number_key(number):
    return [int(p) if p.isdigit() else p for p in number.split(".")]


def _tasks_of(agencies):
    """{task id: task} of the tasks ``agencies`` lead or coordinate, directly or through a group: one query."""
    ids = [a.pk for a in agencies]
    rows = Task.objects.filter(Q(assignments__agency_id__in=ids) | Q(assignments__group__members__in=ids))
    return {t.pk: t for t in rows.distinct()}


def _reached(change):
    """[(plan, year)] whose due date falls on or after the change's effective date."""
    reached = []
    for plan in Plan.objects.all():
        for year in plan.years:
            if plan.report_due_date(year) >= change.effective_date:
                reached.append((plan, year))
    return reached


def _answering(reached):
    """{(plan id, year): {task: {agency: role}}} by ``obligations``."""
    result = {}
    for plan, year in reached:
        by_task = {}
        for agency, ob in obligations(plan, year).items():
            for task, role in ob.roles.items():
                by_task.setdefault(task, {})[agency] = role
        result[(plan.pk, year)] = by_task
    return result


def preview(change):
    """What applying ``change`` moves (see the module's docstring); nothing is written."""
    change = AgencyChange.objects.get(pk=change.pk)
    result = Preview(change=change, problems=problems_of(change))
    if result.problems or change.applied_at is not None:
        return result
    predecessors = list(change.predecessors.all())
    successors = list(change.successors.all())
    day_before = change.effective_date - datetime.timedelta(days=1)
    if change.kind == AgencyChange.Kind.RENAME:
        result.renamed = (predecessors[0].name, change.new_name)
    else:
        result.ending = [(a, day_before) for a in predecessors]
        result.starting = [a for a in successors if a.valid_from is None or a.valid_from >= change.effective_date]
    reached = _reached(change)
    before = _answering(reached)
    try:
        with transaction.atomic():
            apply_change(change, routing=routing_of(change))
            after = _answering(reached)
            # Who stands for each body that ends, task by task (the agencies as the change leaves them).
            succession = Succession.load(TaskRouting.as_map())
            ended = {a.pk: a for a in Agency.objects.filter(pk__in=[a.pk for a in predecessors])}
            raise _Rollback
    except _Rollback:
        pass
    dues = {(plan.pk, year): plan.report_due_date(year) for plan, year in reached}
    moves = {}
    for key, tasks in before.items():
        year = key[1]
        for task in set(tasks) | set(after[key]):
            was, will = tasks.get(task, {}), after[key].get(task, {})
            gone = [a for a in was if a not in will]
            came = [a for a in will if a not in was]
            if not gone and not came:
                continue
            # To whom: the bodies that stand for those that end (already answering for the task or not), and any
            # body that newly answers.
            to = []
            for agency in gone:
                if agency.pk in ended:
                    to.extend(b for b in succession.resolve(ended[agency.pk], task.pk, dues[key]) if b not in to)
            to.extend(b for b in came if b not in to)
            role = (was.get(gone[0]) if gone else will.get(came[0])) or ""
            signature = (task.pk, tuple(a.pk for a in gone), tuple(a.pk for a in to))
            move = moves.setdefault(signature, Move(task, role, gone, to))
            move.years.append(year)
    result.moves = sorted(moves.values(), key=lambda m: (_number_key(m.task.number), m.years[0]))
    opened = [(plan, year) for plan, year in reached
              if ReportingYear.objects.filter(plan=plan, year=year).exists()]
    result.years_reopened = opened
    ids = [a.pk for a in predecessors] if change.kind != AgencyChange.Kind.RENAME else []
    for plan, year in opened:
        for report in AgencyReport.objects.filter(plan=plan, year=year, agency_id__in=ids,
                                                  first_submitted_at__isnull=True).select_related("agency"):
            (result.reports_removed if report.version == 1 else result.reports_kept).append(report)
    overseeing = (Membership.Role.COORDINATOR, Membership.Role.VIEWER)
    memberships = Membership.objects.select_related("user", "agency").filter(role__in=overseeing)
    result.rights_ending = list(memberships.filter(agency_id__in=ids))
    result.rights_starting = list(memberships.filter(agency__in=successors)) if ids else []
    result.officers_keeping = Membership.objects.filter(agency_id__in=ids, role=Membership.Role.OFFICER).count()
    result.recipients_ending = [y for y in ReportingYear.objects.select_related("plan", "recipient").filter(
        recipient_id__in=ids) if y.due_date >= change.effective_date]
    return result


@transaction.atomic
def apply_reorganisation(change, user):
    """Apply ``change`` whole, or refuse it (ValidationError with the Vietnamese messages) changing nothing."""
    change = AgencyChange.objects.select_for_update().get(pk=change.pk)
    if change.applied_at is not None:
        raise ValidationError(_("Thay đổi này đã được áp dụng."))
    problems = problems_of(change)
    if problems:
        raise ValidationError(problems)
    opened = [(p, y) for p, y in _reached(change)
                                    if ReportingYear.objects.filter(plan=p, year=y).exists()]
    ids = [a.pk for a in change.predecessors.all()] if change.kind != AgencyChange.Kind.RENAME else []
    apply_change(change, user=user, routing=routing_of(change))
    for plan, year in opened:
        stale = AgencyReport.objects.filter(plan=plan, year=year, agency_id__in=ids, first_submitted_at__isnull=True,
                                            version=1, status=AgencyReport.Status.DRAFT)
        for report in stale:
            report._history_user = user
            report.delete()
        open_reporting_year(plan, year, user)
    return change
