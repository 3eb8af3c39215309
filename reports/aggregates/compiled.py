"""Everything of a year, for the XLSX and DOCX exports: the pages' own functions, each query run once."""

import datetime
from dataclasses import dataclass

from .agency_feedback import feedback
from .figures import years_overview
from .indicators import indicator_totals
from .lines import content_lines
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


def compile_year(plan, year, today, params=None):
    """All the figures and texts of the year, for the XLSX and DOCX exports: the same functions as the
    pages, each query run once. ``params``: the year's ReportingYear when the caller has it (else read here;
    a year never opened takes the plan's parameters)."""
    from ..models import ReportingYear

    if params is None:
        params = ReportingYear.for_plan_year(plan, year)
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
        params=params,
    )
