"""Agency kinds, grouped as the coordinator reads them: departments, districts and communes, the press,
the others; the order agencies are listed in, group by group; and the rows of one group."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from agencies.models import Agency


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


def order_key(kind, sort_key, code):
    """Where an agency of ``kind`` comes in the lists: its kind group, then its stored Vietnamese sort key
    (``Agency.sort_key``, plan_tracker.collation: A < Ă < Â, D < Đ …), then its code."""
    return GROUP_ORDER[kind_group(kind)], sort_key, code


def _agency_order(agency):
    return order_key(agency.kind, agency.sort_key, agency.code)


@dataclass
class GroupRows:
    group: KindGroup
    rows: list
    counts: dict = field(default_factory=dict)

    @property
    def total(self):
        return len(self.rows)
