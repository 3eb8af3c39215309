"""The leader's plan health at a glance: the last complete year and the current one side by side.

Every figure comes from ``reports.aggregates`` (which asks ``reports.rules`` and ``reports.completion``): the
headline figures (completeness, timeliness), the share of tasks done by section, the indicator totals year by
year, and the overdue tasks; this module only lays them side by side, picks the sections behind and the bodies
holding each overdue task, and draws the bars.

* The **current year** is today's; the **last complete year** is the one before it (its due date has passed and
  its work is over). The current year's figures are **partial** until its due date, and stay incomplete while
  obliged reports are missing after it: the page says which.
* A section is **behind** when its share of tasks done in the last complete year is below the plan's share that
  year; the worst first.

A fixed number of queries per plan (about twenty), whatever the number of agencies, tasks or reports."""

from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects

from reports import completion, rules
from reports.aggregates import indicator_totals, task_rollup, year_figures
from reports.aggregates.rollup import plan_tasks

#: The widest a bar is drawn, in SVG user units (the chart scales to the column's width).
BAR_WIDTH = 200


@dataclass
class YearHealth:
    year: int
    figures: object  # reports.aggregates.figures.Figures
    rollup: object  # reports.aggregates.rollup.TaskRollup
    today: object

    @property
    def due_date(self):
        return self.figures.due_date

    @property
    def before_due(self):
        return not rules.is_past_due(self.due_date, self.today)

    @property
    def days_to_due(self):
        return (self.due_date - self.today).days

    @property
    def partial(self):
        """Before the due date, or obliged reports still missing: the figures will still move."""
        return self.before_due or self.figures.not_submitted > 0


@dataclass
class SectionCompare:
    section: object
    last: object  # reports.aggregates.rollup.SectionRow or None
    current: object
    behind: bool = False

    @property
    def last_share(self):
        return self.last.share if self.last else None

    @property
    def current_share(self):
        return self.current.share if self.current else None

    @property
    def last_bar(self):
        return round(BAR_WIDTH * (self.last_share or 0) / 100, 1)

    @property
    def current_bar(self):
        return round(BAR_WIDTH * (self.current_share or 0) / 100, 1)


@dataclass
class IndicatorTrend:
    indicator: object
    totals: list  # [(year, total or None)], oldest first

    @property
    def bars(self):
        """[(year, total, height 0–40, x, y)] for the small column chart (columns stand on y = 41)."""
        top = max((t for _, t in self.totals if t), default=0)
        bars = []
        for i, (year, total) in enumerate(self.totals):
            height = round(40 * float(total or 0) / float(top), 1) if top else 0
            bars.append((year, total, height, i * 26, 41 - height))
        return bars

    @property
    def width(self):
        return 26 * len(self.totals)


@dataclass
class OverdueTask:
    task: object
    holders: list  # lead agencies that have not completed it


@dataclass
class PlanHealth:
    plan: object
    last: YearHealth | None
    current: YearHealth
    sections: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    overdue: list = field(default_factory=list)

    @property
    def years(self):
        return [y for y in (self.last, self.current) if y is not None]

    @property
    def behind(self):
        return sorted((s for s in self.sections if s.behind), key=lambda s: (s.last_share or 0, s.section.order))

    @property
    def bar_width(self):
        return BAR_WIDTH


def _overdue_with_holders(rollup, year):
    """The year's overdue tasks (reports.aggregates), each with the lead agencies that have not completed it."""
    tasks = list(rollup.overdue)
    prefetch_related_objects(tasks, "assignments__group__members")
    done = completion.completed_by(tasks, year)
    stand_ins = completion.stand_ins_by(tasks, year)
    rows = []
    for task in tasks:
        ids = done.get(task.pk, set())
        holders = [a for a in completion.lead_agencies(task, stand_ins)
                   if a.pk not in ids and a.is_active_on(completion.due_on(task, year))]
        rows.append(OverdueTask(task, sorted(holders, key=lambda a: (a.sort_key, a.code))))
    return sorted(rows, key=lambda r: (r.task.due_date or r.task.end_date or r.task.start_date or rules.today(), r.task.order))


def plan_health(plan, today):
    current_year = today.year if plan.runs_in(today.year) else plan.last_year
    last_year = current_year - 1 if plan.runs_in(current_year - 1) else None
    years = [y for y in (last_year, current_year) if y is not None]
    figures = year_figures(plan, years)
    health = {}
    for year in years:
        rollup = task_rollup(plan, year, today, tasks=plan_tasks(plan, year))
        health[year] = YearHealth(year, figures[year], rollup, today)
    last, current = health.get(last_year), health[current_year]
    sections = {}
    for y in (last, current):
        if y is None:
            continue
        for row in y.rollup.sections:
            compare = sections.setdefault(row.section.pk, SectionCompare(row.section, None, None))
            if y is last:
                compare.last = row
            else:
                compare.current = row
    reference = last or current
    for compare in sections.values():
        share = compare.last_share if last else compare.current_share
        compare.behind = share is not None and reference.rollup.share is not None and share < reference.rollup.share
    trends = {}
    for year in [y for y in plan.years if y <= current_year]:
        for row in indicator_totals(plan, year):
            trends.setdefault(row.indicator.pk, IndicatorTrend(row.indicator, [])).totals.append((year, row.total))
    return PlanHealth(
        plan=plan, last=last, current=current,
        sections=sorted(sections.values(), key=lambda s: s.section.order),
        indicators=list(trends.values()),
        overdue=_overdue_with_holders(current.rollup, current_year),
    )
