"""Tasks: the spread of statuses across the responsible agencies of each task (all of them, leads apart),
quantities against the target, the share of tasks done per section, and the overdue tasks."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, Sum
from django.utils.translation import gettext_lazy as _

from tasks.models import Assignment, Task

from .. import completion
from ..models import TaskReport
from ..rules import CONTENT_STATUSES
from .figures import _share

LEAD = Assignment.Role.LEAD

LINE_STATUSES = (
    TaskReport.Status.COMPLETED,
    TaskReport.Status.DONE_FOR_YEAR,
    TaskReport.Status.IN_PROGRESS,
    TaskReport.Status.NOT_STARTED,
    TaskReport.Status.NOTHING_TO_REPORT,
)
NOT_REPORTED = "not_reported"
SPREAD_LABELS = {**{s: s.label for s in LINE_STATUSES}, NOT_REPORTED: _("Chưa báo cáo")}
DONE_STATUSES = (TaskReport.Status.COMPLETED, TaskReport.Status.DONE_FOR_YEAR)


@dataclass
class Spread:
    """How the lines of a task spread over statuses; lines outside submitted reports are "not reported"."""

    total: int = 0
    counts: dict = field(default_factory=lambda: {s: 0 for s in (*LINE_STATUSES, NOT_REPORTED)})
    quantity: int | None = None

    def add(self, other):
        self.total += other.total
        for k, v in other.counts.items():
            self.counts[k] += v
        if other.quantity is not None:
            self.quantity = (self.quantity or 0) + other.quantity

    @property
    def reported(self):
        return self.total - self.counts[NOT_REPORTED]

    @property
    def done(self):
        return sum(self.counts[s] for s in DONE_STATUSES)

    @property
    def items(self):
        """(code, label, count) in display order, for tables and bars."""
        return [(code, SPREAD_LABELS[code], n) for code, n in self.counts.items()]

    @property
    def single_status(self):
        """The one line's status code when the spread holds exactly one line."""
        if self.total != 1:
            return None
        return next(code for code, n in self.counts.items() if n)

    @property
    def single_label(self):
        code = self.single_status
        return SPREAD_LABELS[code] if code else None


@dataclass
class TaskRow:
    task: Task
    all: Spread
    lead: Spread
    overdue: bool = False

    @property
    def leads(self):
        return [a.assignee_name for a in self.task.leads]

    @property
    def coordinators(self):
        return [a.assignee_name for a in self.task.coordinators]

    @property
    def is_done(self):
        return completion.is_done_for_year(self.lead, self.all)

    @property
    def done_share(self):
        return _share(self.all.done, self.all.total)


class TasksDone:
    """``done`` (tasks done for the year) and ``share`` (of all) over ``self.tasks``, a list of TaskRow: a
    section's and the whole plan's."""

    @property
    def done(self):
        return sum(1 for t in self.tasks if t.is_done)

    @property
    def share(self):
        return _share(self.done, len(self.tasks))


@dataclass
class SectionRow(TasksDone):
    section: object
    tasks: list


@dataclass
class TaskRollup(TasksDone):
    tasks: list
    sections: list
    overdue: list


def _line_spreads(plan, year):
    """{(task_id, role): Spread} over every line of the year, in one grouped query."""
    in_content = Q(report__status__in=CONTENT_STATUSES)
    rows = (
        # An invited body's line counts once it sent it; unsent, it is not "not reported" (nobody owes it).
        TaskReport.objects.filter(report__plan=plan, report__year=year).filter(Q(report__invited=False) | in_content)
        .values("task_id", "role").order_by()
        .annotate(
            n=Count("pk"),
            quantity=Sum("quantity_achieved", filter=in_content),
            **{f"s_{s}": Count("pk", filter=in_content & Q(status=s)) for s in LINE_STATUSES},
        )
    )
    spreads = {}
    for row in rows:
        spread = Spread(total=row["n"], quantity=row["quantity"])
        for s in LINE_STATUSES:
            spread.counts[s] = row[f"s_{s}"]
        spread.counts[NOT_REPORTED] = row["n"] - sum(spread.counts[s] for s in LINE_STATUSES)
        spreads[(row["task_id"], row["role"])] = spread
    return spreads


def plan_tasks(plan, year, *, due_before=None):
    """The plan's tasks in order with their agencies, ``is_completed``, ``lead_count`` and ``lead_completed`` by
    ``year`` (reports.completion): what task_rollup and overdue_tasks both need, in one query + a prefetch.
    ``due_before``: only the deadline tasks due before that date (the only ones that can be overdue on it)."""
    tasks = Task.objects.filter(plan=plan)
    if due_before is not None:
        tasks = tasks.filter(timeframe_kind=Task.Timeframe.DEADLINE, due_date__lt=due_before)
    tasks = completion.annotate_lead_progress(completion.annotate_completion(tasks, year), year)
    return list(tasks.select_related("section", "plan")
                .prefetch_related(Prefetch("assignments", queryset=Assignment.objects.select_related("agency", "group")))
                .order_by("order", "number"))


def overdue_tasks(plan, year, today, *, tasks=None):
    """Deadline tasks overdue as seen from ``year`` (reports.completion: due before the end of the year, or
    today if earlier, and not completed by that year), each with ``lead_count`` and ``lead_completed``. Two
    queries (tasks, their assignments), none when given ``plan_tasks``."""
    on = completion.year_view_date(year, today)
    # Without the plan's tasks at hand, the completion of the deadline tasks due before ``on`` only: the others
    # cannot be overdue (``completion.is_overdue``), and judging them was most of the overview's query time.
    tasks = plan_tasks(plan, year, due_before=on) if tasks is None else tasks
    return [t for t in tasks if completion.is_overdue(t, on)]


def task_rollup(plan, year, today, *, overdue=None, tasks=None):
    """Per task of the year: the spread of statuses (all agencies, leads apart), quantities against the
    target; per section the share of tasks done; the overdue tasks. Four queries (three when given the
    overdue tasks, two when also given ``plan_tasks``)."""
    if tasks is None:
        tasks = plan_tasks(plan, year)
    by_pk = {t.pk: t for t in tasks}
    # The year's tasks, and deadline tasks of earlier years carried over onto the reports of leads that missed them.
    tasks = [t for t in by_pk.values() if t.is_active_in_year(year) or completion.is_carried_over(t, year)]
    spreads = _line_spreads(plan, year)
    overdue = overdue if overdue is not None else overdue_tasks(plan, year, today, tasks=list(by_pk.values()))
    overdue_ids = {t.pk for t in overdue}
    rows, by_section = [], {}
    for task in tasks:
        lead = spreads.get((task.pk, LEAD), Spread())
        total = Spread()
        for role in Assignment.Role.values:
            if (task.pk, role) in spreads:
                total.add(spreads[(task.pk, role)])
        row = TaskRow(task, total, lead, overdue=task.pk in overdue_ids)
        rows.append(row)
        by_section.setdefault(task.section_id, SectionRow(task.section, [])).tasks.append(row)
    sections = sorted(by_section.values(), key=lambda s: s.section.order)
    return TaskRollup(rows, sections, overdue)
