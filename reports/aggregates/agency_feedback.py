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


#: What a report read for ``feedback(reports=…)`` must have loaded.
TEXT_FIELDS = ("overall_assessment", "difficulties", "proposals")


def feedback(plan, year, reports=None):
    """Assessment, difficulties and proposals of every submitted report that wrote any, grouped by kind
    group and agency. One query; none when given the year's ``reports`` (every one, with their agencies and
    ``TEXT_FIELDS`` loaded: the compiled report reads them once for its list of submissions)."""
    if reports is None:
        reports = (
            AgencyReport.objects.for_year(plan, year).filter(status__in=CONTENT_STATUSES)
            .exclude(overall_assessment="", difficulties="", proposals="")
            .select_related("agency")
            .only("pk", "status", *TEXT_FIELDS,
                  "agency__name", "agency__short_name", "agency__sort_key", "agency__code", "agency__kind")
        )
    else:
        reports = [r for r in reports if r.status in CONTENT_STATUSES
                   and any(getattr(r, name) for name in TEXT_FIELDS)]
    grouped = {g.code: GroupRows(g, []) for g in KIND_GROUPS}
    for report in sorted(reports, key=lambda r: _agency_order(r.agency)):
        grouped[kind_group(report.agency.kind)].rows.append(Feedback(report))
    return [g for g in grouped.values() if g.rows]
