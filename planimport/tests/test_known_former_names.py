"""The database's names the importer knows on the plan's date (``matching.known_names``): the former names and the
former short names of renamed agencies still in use then, as the matcher reads them (``Matcher``)."""

import datetime

import pytest

from agencies.models import Agency, AgencyName
from planimport.matching import known_names
from planimport.parser import parse_blocks
from planimport.readers import blocks_from_text
from planimport.tests.test_variants import HEADER  # a plan dated 10/3/2026

PLAN = HEADER + """II. NHIỆM VỤ
1. Tuần tra bảo vệ rừng mùa khô
Chủ trì, phối hợp với Ban rừng phòng hộ Ayun Pa tuần tra bảo vệ rừng; Sở Nông nghiệp và Môi trường chủ trì, \
thời hạn: Quý II/2026.
"""


def _coordinators():
    return parse_blocks(blocks_from_text(PLAN), known_names).tasks[0].coordinators


@pytest.mark.django_db
def test_a_plan_naming_a_former_short_name_in_use_on_its_date_reads_the_name_whole():
    agency = Agency.objects.create(code="bql-ia-grai", name="Ban Quản lý rừng phòng hộ Ia Grai",
                                   short_name="Ban rừng Ia Grai")
    former = AgencyName.objects.create(agency=agency, name="Ban Quản lý rừng phòng hộ Ayun Pa",
                                       short_name="Ban rừng phòng hộ Ayun Pa", used_until=datetime.date(2026, 6, 30))
    assert _coordinators() == ["Ban rừng phòng hộ Ayun Pa"]
    # not yet a former name on the plan's date (renamed before it): not known, the name is cut at its lower case
    AgencyName.objects.filter(pk=former.pk).update(used_until=datetime.date(2026, 3, 9))
    assert _coordinators() == ["Ban rừng"]


@pytest.mark.django_db
def test_known_names_takes_two_queries(django_assert_num_queries):
    for k in range(30):
        agency = Agency.objects.create(code=f"a{k}", name=f"Cơ quan {k}")
        AgencyName.objects.create(agency=agency, name=f"Tên cũ {k}", short_name=f"TC {k}",
                                  used_until=datetime.date(2026, 6, 30))
    with django_assert_num_queries(2):  # the agencies, then their former names (prefetched)
        names = known_names(datetime.date(2026, 3, 10))
    assert "TC 7" in names and "Tên cũ 7" in names
