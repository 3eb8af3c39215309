"""One task: every responsible agency's line, leads first; and the lines with something to read, for the
compiled report and the workbook."""

from collections import defaultdict
from dataclasses import dataclass

from ..models import TaskReport
from ..rules import CONTENT_STATUSES
from .kinds import _agency_order
from .rollup import LEAD, NOT_REPORTED, SPREAD_LABELS, Spread


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
