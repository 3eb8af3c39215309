"""The headline figures of a plan year: obliged, on time, late, drafting, not started, returned, accepted,
and completeness and timeliness over the agencies and over the task × agency grid."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from .. import rules
from ..models import AgencyReport, ReportingYear
from ..rules import State
from ..statements import CELLS


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
    get zeros). Invited bodies' reports (``AgencyReport.invited``) are not counted: they are never obliged,
    missing or late."""
    years = sorted(years)
    result = {y: Figures(year=y, due_date=plan.report_due_date(y)) for y in years}
    if not years:
        return result
    submitted = Q(first_submitted_at__isnull=False)
    on_time = rules.state_q(State.ON_TIME, plan, years)
    rows = (
        AgencyReport.objects.filter(plan=plan, year__in=years, invited=False)
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


def figures_from_tally(plan, year, tally):
    """``year_figures(plan, [year])[year]`` for a year whose obliged reports the caller has counted already (the year
    overview's rows, ``reports.overview_rows.groups``: ``tally.states`` {state: reports}, ``tally.returned``,
    ``tally.accepted``): the task × agency cells by one query (``statements.CELLS``: compiled once, session 15). The
    same figures as ``year_figures`` (``reports/tests/test_overview.py`` compares them); its query counted every
    report once per line (``COUNT(DISTINCT …)``: seven sorts of every line of the year), this one counts the lines
    alone (2,500 obliged agencies on PostgreSQL: ~12 → ~4 ms)."""
    f = Figures(year=year, due_date=plan.report_due_date(year))
    for state, n in tally.states.items():
        setattr(f, state, n)
        f.obliged += n
    f.returned, f.accepted = tally.returned, tally.accepted
    (f.cells, f.cells_submitted, f.cells_on_time), = CELLS.rows(plan.pk, year, rules.deadline_end(plan, year))
    return f


def years_overview(plan, opened=None):
    """Headline figures for every year of the plan, oldest first. Two queries; one when the caller knows the
    ``opened`` years already."""
    figures = year_figures(plan, plan.years)
    if opened is None:
        opened = set(ReportingYear.objects.filter(plan=plan).values_list("year", flat=True))
    for f in figures.values():
        f.opened = f.year in opened
    return list(figures.values())
