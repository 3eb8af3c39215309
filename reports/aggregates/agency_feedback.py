"""The agencies' own words: the assessment, difficulties and proposals of each submitted report."""

from dataclasses import dataclass

from ..models import AgencyReport
from ..rules import CONTENT_STATUSES
from .kinds import KIND_GROUPS, GroupRows, _agency_order, kind_group


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
