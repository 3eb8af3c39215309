"""Everything of a year, for the XLSX and DOCX exports: the pages' own functions, each query run once."""

import datetime
from dataclasses import dataclass

from .agency_feedback import TEXT_FIELDS, feedback
from .figures import years_overview
from .indicators import indicator_totals
from .overview import Overview, year_overview
from .rollup import TaskRollup, overdue_tasks, plan_tasks, task_rollup


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
    #: The year's reporting parameters (reports.ReportingYear): recipient, header, place, onward recipients.
    params: object = None
    #: {indicator_id: {year: total}} over every year of the plan (the charts' indicators over the years).
    indicator_years: dict = None
    #: Every line of the year, obliged or sent ({task_id: [LineRow]}, leads first): the task × body appendix.
    all_lines: dict = None

    @property
    def report_number(self):
        """"12/BC-STTTT" as the year's parameters give it, else the blank the clerk fills: "…/BC-…"."""
        return getattr(self.params, "report_number", "") or "…/BC-…"

    @property
    def report_date_text(self):
        """"ngày 15 tháng 01 năm 2025" of the year's parameters, else "ngày … tháng … năm …"."""
        date = getattr(self.params, "report_date", None)
        if date is None:
            return "ngày … tháng … năm …"
        return f"ngày {date.day:02d} tháng {date.month:02d} năm {date.year}"

    @property
    def recipient(self):
        """The compiling body's name as printed ("Cơ quan tổng hợp" when the year names none)."""
        from django.utils.translation import gettext as _

        return self.params.recipient_name or _("Cơ quan tổng hợp")


def compile_year(plan, year, today, params=None, opened=None):
    """All the figures and texts of the year, for the XLSX and DOCX exports: the same functions as the
    pages, each query run once, and none twice: the year's reports are read once for the list of submissions
    and the feedback. ``params``: the year's ReportingYear when the caller has it (else read here; a year never
    opened takes the plan's parameters); ``opened``: the plan's opened years when the caller has them."""
    from ..models import ReportingYear

    if params is None:
        params = ReportingYear.for_plan_year(plan, year)
    years = years_overview(plan, opened=opened)
    figures = next((f for f in years if f.year == year), None)
    tasks = plan_tasks(plan, year)
    overdue = overdue_tasks(plan, year, today, tasks=tasks)
    every_line = all_lines(plan, year)
    overview = year_overview(plan, year, today, figures=figures, overdue=overdue, texts=TEXT_FIELDS)
    return CompiledYear(
        plan=plan, year=year, today=today,
        overview=overview,
        rollup=task_rollup(plan, year, today, overdue=overdue, tasks=tasks),
        lines=_with_content(every_line),
        indicators=indicator_totals(plan, year),
        feedback=feedback(plan, year, reports=[row.report for row in (*overview.rows, *overview.invited)]),
        years=years,
        params=params,
        all_lines=every_line,
        indicator_years=indicator_years(plan),
    )


def indicator_years(plan):
    """{indicator_id: {year: total}} of submitted reports over every year of the plan. One query."""
    from django.db.models import Sum

    from ..models import IndicatorValue
    from ..rules import CONTENT_STATUSES

    result = {}
    rows = (IndicatorValue.objects.filter(report__plan=plan, report__status__in=CONTENT_STATUSES, value__isnull=False)
            .values("indicator_id", "report__year").order_by().annotate(total=Sum("value")))
    for row in rows:
        result.setdefault(row["indicator_id"], {})[row["report__year"]] = row["total"]
    return result


def _with_content(every_line):
    """``lines.content_lines`` from the year's lines already read: those of submitted reports with a status."""
    result = {}
    for task_id, rows in every_line.items():
        kept = [row for row in rows if row.shows_content and row.line.status]
        if kept:
            result[task_id] = kept
    return result


def all_lines(plan, year):
    """{task_id: [LineRow]} of every line the year's reports hold, leads first; an invited body's only once it
    sent its report (nobody owes it before). One query."""
    from django.db.models import Q

    from ..models import TaskReport
    from ..rules import CONTENT_STATUSES
    from .lines import LineRow, _line_order

    lines = (
        TaskReport.objects.filter(report__plan=plan, report__year=year)
        .filter(Q(report__invited=False) | Q(report__status__in=CONTENT_STATUSES))
        .select_related("report__agency")
        .only("pk", "role", "status", "achievements", "quantity_achieved", "no_report_reason", "task_id",
              "report__id", "report__status",
              "report__agency__name", "report__agency__short_name", "report__agency__sort_key",
              "report__agency__code", "report__agency__kind")
    )
    result = {}
    for line in sorted(lines, key=_line_order):
        result.setdefault(line.task_id, []).append(LineRow(line))
    return result
