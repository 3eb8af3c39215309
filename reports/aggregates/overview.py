"""The year overview: the headline figures, every obliged agency's report with its state by kind group,
and the overdue tasks."""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings

from .. import rules
from ..models import AgencyReport
from ..rules import State, submission_state
from .figures import Figures, year_figures
from .kinds import KIND_GROUPS, GroupRows, _agency_order, kind_group
from .rollup import overdue_tasks


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
class Overview:
    plan: object
    year: int
    today: datetime.date
    figures: Figures
    groups: list
    overdue: list
    # Invited bodies' reports (AgencyReport.invited), apart from the obliged: they may report, never counted.
    invited: list = field(default_factory=list)

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


def agency_rows(plan, year, *, texts=()):
    """Every obliged agency's report with its state, grouped by kind group and in Vietnamese order; and,
    apart, the invited bodies' reports (in the same order). One query; ``texts``: more of the reports' fields
    to load (the compiled report's feedback reads them from these rows)."""
    reports = (
        AgencyReport.objects.for_year(plan, year)
        .select_related("agency")
        .only("pk", "plan_id", "year", "status", "version", "first_submitted_at", "agency__name", "agency__short_name",
              "agency__sort_key", "agency__code", "agency__kind", "invited", *texts)
    )
    grouped = {g.code: GroupRows(g, [], {s: 0 for s in State.ORDER}) for g in KIND_GROUPS}
    invited = []
    reports = list(reports)
    for report in reports:
        report.plan = plan  # the same plan for every row: not one Plan instance per row (500 on deadline day)
    for report in sorted(reports, key=lambda r: _agency_order(r.agency)):
        row = AgencyRow(report, submission_state(report))
        if report.invited:
            invited.append(row)
            continue
        g = grouped[kind_group(report.agency.kind)]
        g.rows.append(row)
        g.counts[row.state] += 1
    return [g for g in grouped.values() if g.rows], invited


class _ShownAgency:
    """What the overview shows of an agency (``reports.overview_rows``: an invited body's row): its ids, names (in force
    on the names date), kind and sort order."""
    __slots__ = ("pk", "id", "name", "short_name", "sort_key", "code", "kind")

    def __init__(self, pk, name, short_name, sort_key, code, kind):
        self.pk = self.id = pk
        self.name, self.short_name, self.sort_key, self.code, self.kind = name, short_name, sort_key, code, kind

    def __str__(self):
        return self.short_name or self.name


class _ShownReport:
    """What the overview shows of a report (``reports.overview_rows``: an invited body's row, its state worked out
    already): the columns the rows read (not its version: the overview reads only whether it is untouched)."""
    __slots__ = ("pk", "id", "plan", "plan_id", "year", "status", "first_submitted_at", "invited", "agency",
                 "agency_id")
    Status = AgencyReport.Status
    _LABELS = dict(AgencyReport.Status.choices)

    def __init__(self, plan, plan_id, pk, year, status, first_submitted_at, invited, agency):
        self.pk = self.id = pk
        self.plan, self.plan_id, self.year = plan, plan_id, year
        self.status, self.first_submitted_at, self.invited = status, first_submitted_at, invited
        self.agency, self.agency_id = agency, agency.pk

    def get_status_display(self):
        return self._LABELS.get(self.status, self.status)


def year_overview(plan, year, today, *, figures=None, overdue=None, texts=(), rows=None):
    """Headline figures, the agencies by kind group and the overdue tasks. Three queries, fewer when
    the caller already has the figures or the overdue tasks. ``texts``: see ``agency_rows``; ``rows``: the groups
    and invited rows the caller has read already (the page's: ``reports.overview_rows.groups``)."""
    groups, invited = rows if rows is not None else agency_rows(plan, year, texts=texts)
    if figures is None:
        figures = year_figures(plan, [year])[year]
    return Overview(
        plan=plan, year=year, today=today,
        figures=figures,
        groups=groups,
        overdue=overdue if overdue is not None else overdue_tasks(plan, year, today),
        invited=invited,
    )
