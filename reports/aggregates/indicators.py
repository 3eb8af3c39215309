"""The plan's indicators summed over submitted reports, by kind group, with who reported what."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..models import IndicatorValue
from ..rules import CONTENT_STATUSES
from .kinds import KIND_GROUPS, _agency_order, kind_group


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
    Two queries: the indicators, and the year's values (summed here, each value read once anyway for the
    reporters' list)."""
    indicators = list(plan.indicators.all())
    values = IndicatorValue.objects.filter(
        report__plan=plan, report__year=year, report__status__in=CONTENT_STATUSES, value__isnull=False,
    ).select_related("report__agency").only(
        "indicator_id", "value", "report__agency__name", "report__agency__short_name", "report__agency__sort_key",
        "report__agency__code", "report__agency__kind")
    sums = defaultdict(dict)
    reporters = defaultdict(list)
    for v in sorted(values, key=lambda v: _agency_order(v.report.agency)):
        reporters[v.indicator_id].append((v.report.agency, v.value))
        group = sums[v.indicator_id]
        code = kind_group(v.report.agency.kind)
        group[code] = group.get(code, Decimal(0)) + v.value
    rows = []
    for indicator in indicators:
        by_group = sums.get(indicator.pk, {})
        total = sum(by_group.values(), Decimal(0)) if by_group else None
        rows.append(IndicatorRow(indicator, by_group, total, reporters.get(indicator.pk, [])))
    return rows
