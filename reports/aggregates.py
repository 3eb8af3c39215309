"""The coordinator's figures for a plan and a year: who reported, what got done, indicator totals, the
agencies' own words. The overview pages and both exports read these functions and nothing else, so the
files say exactly what the pages show.

The rules these figures apply live in their own modules: on time, late, drafting, not started and missing in
``reports.rules``; completed, overdue and done for the year in ``reports.completion``. What this module adds:

* **Obliged** agencies are the AgencyReport rows of the year: ``open_reporting_year`` creates one per
  obliged agency. A year that was never opened has nobody obliged yet.
* A **returned** report was submitted: it counts as submitted (on time or late by its first submission)
  for completeness and timeliness, and is shown as returned. Its content is being revised by the agency,
  so, like a draft, it is left out of every content figure — task statuses, quantities, indicators,
  texts — until it is sent again. **Content comes only from submitted and accepted reports**; draft
  content never reaches a page or an export of this module.
* Completeness = submitted ÷ obliged; timeliness = on time ÷ obliged; both also over the task × agency
  grid (one cell per report line).

Every function runs a fixed number of queries, whatever the number of agencies.
"""

import datetime
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Prefetch, Q, Sum
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from tasks.models import Assignment, Task

from . import completion, rules
from .rules import CONTENT_STATUSES
from .models import AgencyReport, IndicatorValue, ReportingYear, TaskReport
from .rules import State, submission_state
LEAD = Assignment.Role.LEAD

# --------------------------------------------------------------------------------------------------
# Agency kinds, grouped as the coordinator reads them


@dataclass(frozen=True)
class KindGroup:
    code: str
    label: str
    kinds: frozenset


KIND_GROUPS = (
    KindGroup("departments", _("Sở, ban, ngành"), frozenset({Agency.Kind.DEPARTMENT, Agency.Kind.OFFICE})),
    KindGroup("districts", _("UBND cấp huyện, cấp xã"), frozenset({Agency.Kind.DISTRICT, Agency.Kind.COMMUNE})),
    KindGroup("press", _("Cơ quan báo chí"), frozenset({Agency.Kind.PRESS})),
    KindGroup("others", _("Cơ quan, đơn vị khác"), frozenset()),
)
_GROUP_OF_KIND = {kind: g.code for g in KIND_GROUPS for kind in g.kinds}
GROUP_ORDER = {g.code: i for i, g in enumerate(KIND_GROUPS)}


def kind_group(kind):
    """The code of the kind group an agency kind belongs to ("others" for any kind not listed)."""
    return _GROUP_OF_KIND.get(kind, "others")


def _agency_order(agency):
    # Agency.sort_key is the stored Vietnamese sort key (plan_tracker.collation): A < Ă < Â, D < Đ …
    return GROUP_ORDER[kind_group(agency.kind)], agency.sort_key, agency.code


# --------------------------------------------------------------------------------------------------
# Headline figures


def _share(part, whole):
    """part ÷ whole as a percentage (0–100), or None when there is nothing to divide by."""
    return None if not whole else 100.0 * part / whole


@dataclass
class Figures:
    """The headline figures of one plan year."""

    year: int
    due_date: datetime.date
    opened: bool = True
    obliged: int = 0
    on_time: int = 0
    late: int = 0
    drafting: int = 0
    not_started: int = 0
    returned: int = 0
    accepted: int = 0
    cells: int = 0
    cells_submitted: int = 0
    cells_on_time: int = 0

    @property
    def submitted(self):
        return self.on_time + self.late

    @property
    def not_submitted(self):
        return self.drafting + self.not_started

    @property
    def completeness(self):
        return _share(self.submitted, self.obliged)

    @property
    def timeliness(self):
        return _share(self.on_time, self.obliged)

    @property
    def grid_completeness(self):
        return _share(self.cells_submitted, self.cells)

    @property
    def grid_timeliness(self):
        return _share(self.cells_on_time, self.cells)

    def count(self, state):
        return getattr(self, state)

    def share(self, state):
        return _share(self.count(state), self.obliged)

    def is_past_due(self, today):
        return rules.is_past_due(self.due_date, today)

    def missing(self, today):
        """Reports not sent by the due date: all the unsent ones once it has passed, none before."""
        return self.not_submitted if self.is_past_due(today) else 0


def year_figures(plan, years):
    """{year: Figures} for ``years`` of ``plan``, in one query (one row per year; years without reports
    get zeros)."""
    years = sorted(years)
    result = {y: Figures(year=y, due_date=plan.report_due_date(y)) for y in years}
    if not years:
        return result
    submitted = Q(first_submitted_at__isnull=False)
    on_time = rules.state_q(State.ON_TIME, plan, years)
    rows = (
        AgencyReport.objects.filter(plan=plan, year__in=years)
        .values("year").order_by("year")
        .annotate(
            # The join to lines repeats each report once per line: reports are counted distinct.
            obliged=Count("pk", distinct=True),
            submitted=Count("pk", distinct=True, filter=submitted),
            on_time=Count("pk", distinct=True, filter=on_time),
            drafting=Count("pk", distinct=True, filter=rules.state_q(State.DRAFTING, plan, years)),
            not_started=Count("pk", distinct=True, filter=rules.state_q(State.NOT_STARTED, plan, years)),
            returned=Count("pk", distinct=True, filter=Q(status=AgencyReport.Status.RETURNED)),
            accepted=Count("pk", distinct=True, filter=Q(status=AgencyReport.Status.ACCEPTED)),
            cells=Count("lines"),
            cells_submitted=Count("lines", filter=submitted),
            cells_on_time=Count("lines", filter=on_time),
        )
    )
    for row in rows:
        f = result[row["year"]]
        f.obliged, f.on_time = row["obliged"], row["on_time"]
        f.late = row["submitted"] - row["on_time"]
        f.drafting, f.not_started = row["drafting"], row["not_started"]
        f.returned, f.accepted = row["returned"], row["accepted"]
        f.cells, f.cells_submitted, f.cells_on_time = row["cells"], row["cells_submitted"], row["cells_on_time"]
    return result


def years_overview(plan):
    """Headline figures for every year of the plan, oldest first. Two queries."""
    figures = year_figures(plan, plan.years)
    opened = set(ReportingYear.objects.filter(plan=plan).values_list("year", flat=True))
    for f in figures.values():
        f.opened = f.year in opened
    return list(figures.values())


# --------------------------------------------------------------------------------------------------
# The year overview: headline, chart by kind group, every obliged agency


@dataclass
class AgencyRow:
    report: AgencyReport
    state: str

    @property
    def agency(self):
        return self.report.agency

    @property
    def state_label(self):
        return State.LABELS[self.state]

    @property
    def first_submitted_local(self):
        if self.report.first_submitted_at is None:
            return None
        return self.report.first_submitted_at.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE))

    @property
    def days_late(self):
        """Whole days between the due date and the first submission (0 when on time)."""
        return rules.days_late(self.report.first_submitted_at, self.report.plan, self.report.year)


@dataclass
class GroupRows:
    group: KindGroup
    rows: list
    counts: dict = field(default_factory=dict)

    @property
    def total(self):
        return len(self.rows)


@dataclass
class Overview:
    plan: object
    year: int
    today: datetime.date
    figures: Figures
    groups: list
    overdue: list

    @property
    def due_date(self):
        return self.figures.due_date

    @property
    def days_to_due(self):
        """Days left until the due date (negative once it has passed)."""
        return (self.due_date - self.today).days

    @property
    def days_since_due(self):
        return max(-self.days_to_due, 0)

    @property
    def rows(self):
        return [row for g in self.groups for row in g.rows]


def agency_rows(plan, year):
    """Every obliged agency's report with its state, grouped by kind group and in Vietnamese order.
    One query."""
    reports = (
        AgencyReport.objects.for_year(plan, year)
        .select_related("agency", "plan")
        .only("pk", "year", "status", "version", "first_submitted_at", "agency__name", "agency__short_name", "agency__sort_key", "agency__code",
              "agency__kind", "agency__code", "plan__report_due_day", "plan__report_due_month",
              "plan__start_year", "plan__end_year")
    )
    grouped = {g.code: GroupRows(g, [], {s: 0 for s in State.ORDER}) for g in KIND_GROUPS}
    for report in sorted(reports, key=lambda r: _agency_order(r.agency)):
        row = AgencyRow(report, submission_state(report))
        g = grouped[kind_group(report.agency.kind)]
        g.rows.append(row)
        g.counts[row.state] += 1
    return [g for g in grouped.values() if g.rows]


def year_overview(plan, year, today, *, figures=None, overdue=None):
    """Headline figures, the agencies by kind group and the overdue tasks. Three queries, fewer when
    the caller already has the figures or the overdue tasks."""
    return Overview(
        plan=plan, year=year, today=today,
        figures=figures if figures is not None else year_figures(plan, [year])[year],
        groups=agency_rows(plan, year),
        overdue=overdue if overdue is not None else overdue_tasks(plan, year, today),
    )


# --------------------------------------------------------------------------------------------------
# Tasks: the spread of statuses across the responsible agencies


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


@dataclass
class SectionRow:
    section: object
    tasks: list

    @property
    def done(self):
        return sum(1 for t in self.tasks if t.is_done)

    @property
    def share(self):
        return _share(self.done, len(self.tasks))


@dataclass
class TaskRollup:
    tasks: list
    sections: list
    overdue: list

    @property
    def done(self):
        return sum(1 for t in self.tasks if t.is_done)

    @property
    def share(self):
        return _share(self.done, len(self.tasks))


def _line_spreads(plan, year):
    """{(task_id, role): Spread} over every line of the year, in one grouped query."""
    in_content = Q(report__status__in=CONTENT_STATUSES)
    rows = (
        TaskReport.objects.filter(report__plan=plan, report__year=year)
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


def plan_tasks(plan, year):
    """The plan's tasks in order with their agencies (lead groups with their members) and ``is_completed`` by
    ``year`` (reports.completion): what task_rollup and overdue_tasks both need, in one query + prefetches."""
    assignments = Assignment.objects.select_related("agency", "group").prefetch_related(
        Prefetch("group__members", queryset=Agency.objects.only("pk", "valid_from", "valid_to")))
    tasks = completion.annotate_completion(Task.objects.filter(plan=plan), year)
    return list(tasks.select_related("section", "plan").prefetch_related(Prefetch("assignments", queryset=assignments))
                .order_by("order", "number"))


def overdue_tasks(plan, year, today, *, tasks=None):
    """Deadline tasks overdue as seen from ``year`` (reports.completion: due before the end of the year, or
    today if earlier, and not completed by that year), each with ``lead_count`` and ``lead_completed``. Three
    queries (tasks, their assignments and lead groups' members, the completed lines), one when given
    ``plan_tasks``."""
    on = completion.year_view_date(year, today)
    tasks = plan_tasks(plan, year) if tasks is None else tasks
    return completion.with_lead_progress([t for t in tasks if completion.is_overdue(t, on)], year)


def task_rollup(plan, year, today, *, overdue=None, tasks=None):
    """Per task of the year: the spread of statuses (all agencies, leads apart), quantities against the
    target; per section the share of tasks done; the overdue tasks. Four queries (three when given the
    overdue tasks, two when also given ``plan_tasks``)."""
    if tasks is None:
        tasks = plan_tasks(plan, year)
    by_pk = {t.pk: t for t in tasks}
    tasks = [t for t in by_pk.values() if t.is_active_in_year(year)]
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


# --------------------------------------------------------------------------------------------------
# One task: every responsible agency's line


@dataclass
class LineRow:
    line: TaskReport

    @property
    def report(self):
        return self.line.report

    @property
    def agency(self):
        return self.line.report.agency

    @property
    def shows_content(self):
        return self.line.report.status in CONTENT_STATUSES

    @property
    def spread_code(self):
        return self.line.status if self.shows_content and self.line.status else NOT_REPORTED

    @property
    def spread_label(self):
        return SPREAD_LABELS[self.spread_code]

    @property
    def text(self):
        """What the agency wrote, only from a submitted report."""
        if not self.shows_content:
            return ""
        if self.line.status == TaskReport.Status.NOTHING_TO_REPORT:
            return self.line.no_report_reason
        return self.line.achievements


def _line_order(line):
    return (0 if line.role == LEAD else 1, *_agency_order(line.report.agency))


def task_lines(plan, year, task):
    """Every line of ``task`` in the year's reports, leads first. One query."""
    lines = (
        TaskReport.objects.filter(task=task, report__plan=plan, report__year=year)
        .select_related("report__agency")
        .only("pk", "role", "status", "achievements", "quantity_achieved", "no_report_reason", "task_id",
              "report__id", "report__status", "report__first_submitted_at", "report__version",
              "report__agency__name", "report__agency__short_name", "report__agency__sort_key", "report__agency__code", "report__agency__kind")
    )
    return [LineRow(line) for line in sorted(lines, key=_line_order)]


def line_spreads(rows):
    """(all, leads) Spreads of a task's LineRows, as on the roll-up (no query)."""
    everyone, leads = Spread(), Spread()
    for row in rows:
        quantity = row.line.quantity_achieved if row.shows_content else None
        for spread in (everyone, leads) if row.line.role == LEAD else (everyone,):
            spread.total += 1
            spread.counts[row.spread_code] += 1
            if quantity is not None:
                spread.quantity = (spread.quantity or 0) + quantity
    return everyone, leads


def content_lines(plan, year):
    """{task_id: [LineRow]} of lines with something to read (submitted reports, a status other than
    nothing to report), leads first. One query; for the compiled report and the workbook."""
    lines = (
        TaskReport.objects.filter(report__plan=plan, report__year=year, report__status__in=CONTENT_STATUSES)
        .exclude(status="")
        .select_related("report__agency")
        .only("pk", "role", "status", "achievements", "quantity_achieved", "no_report_reason", "task_id",
              "report__id", "report__status", "report__agency__name", "report__agency__short_name", "report__agency__sort_key", "report__agency__code",
              "report__agency__kind")
    )
    result = defaultdict(list)
    for line in sorted(lines, key=_line_order):
        result[line.task_id].append(LineRow(line))
    return dict(result)


# --------------------------------------------------------------------------------------------------
# Indicators


@dataclass
class IndicatorRow:
    indicator: object
    by_group: dict
    total: Decimal | None
    reporters: list  # [(agency, value)] in group and name order

    @property
    def group_totals(self):
        return [self.by_group.get(g.code) for g in KIND_GROUPS]


def indicator_totals(plan, year):
    """The plan's indicators summed over submitted reports, by kind group, with who reported what.
    Three queries."""
    indicators = list(plan.indicators.all())
    base = IndicatorValue.objects.filter(
        report__plan=plan, report__year=year, report__status__in=CONTENT_STATUSES, value__isnull=False,
    )
    sums = defaultdict(dict)
    for row in base.values("indicator_id", "report__agency__kind").order_by().annotate(total=Sum("value")):
        group = sums[row["indicator_id"]]
        code = kind_group(row["report__agency__kind"])
        group[code] = group.get(code, Decimal(0)) + row["total"]
    reporters = defaultdict(list)
    values = base.select_related("report__agency").only(
        "indicator_id", "value", "report__agency__name", "report__agency__short_name", "report__agency__sort_key", "report__agency__code", "report__agency__kind")
    for v in sorted(values, key=lambda v: _agency_order(v.report.agency)):
        reporters[v.indicator_id].append((v.report.agency, v.value))
    rows = []
    for indicator in indicators:
        by_group = sums.get(indicator.pk, {})
        total = sum(by_group.values(), Decimal(0)) if by_group else None
        rows.append(IndicatorRow(indicator, by_group, total, reporters.get(indicator.pk, [])))
    return rows


# --------------------------------------------------------------------------------------------------
# The agencies' own words


@dataclass
class Feedback:
    report: AgencyReport

    @property
    def agency(self):
        return self.report.agency


def feedback(plan, year):
    """Assessment, difficulties and proposals of every submitted report that wrote any, grouped by kind
    group and agency. One query."""
    reports = (
        AgencyReport.objects.for_year(plan, year).filter(status__in=CONTENT_STATUSES)
        .exclude(overall_assessment="", difficulties="", proposals="")
        .select_related("agency")
        .only("pk", "status", "overall_assessment", "difficulties", "proposals",
              "agency__name", "agency__short_name", "agency__sort_key", "agency__code", "agency__kind")
    )
    grouped = {g.code: GroupRows(g, []) for g in KIND_GROUPS}
    for report in sorted(reports, key=lambda r: _agency_order(r.agency)):
        grouped[kind_group(report.agency.kind)].rows.append(Feedback(report))
    return [g for g in grouped.values() if g.rows]


# --------------------------------------------------------------------------------------------------
# Everything, for the exports


@dataclass
class CompiledYear:
    plan: object
    year: int
    today: datetime.date
    overview: Overview
    rollup: TaskRollup
    lines: dict
    indicators: list
    feedback: list
    years: list


def compile_year(plan, year, today):
    """All the figures and texts of the year, for the XLSX and DOCX exports: the same functions as the
    pages, each query run once."""
    years = years_overview(plan)
    figures = next((f for f in years if f.year == year), None)
    tasks = plan_tasks(plan, year)
    overdue = overdue_tasks(plan, year, today, tasks=tasks)
    return CompiledYear(
        plan=plan, year=year, today=today,
        overview=year_overview(plan, year, today, figures=figures, overdue=overdue),
        rollup=task_rollup(plan, year, today, overdue=overdue, tasks=tasks),
        lines=content_lines(plan, year),
        indicators=indicator_totals(plan, year),
        feedback=feedback(plan, year),
        years=years,
    )
