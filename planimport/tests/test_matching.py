"""Names matched to agencies accent- and case-free, through abbreviations and aliases, on the plan's date."""

import datetime

from django.core.management import call_command

from agencies.models import Agency
from planimport.matching import Matcher

from .test_seed_import import agencies_only  # noqa: F401

D = datetime.date


def test_names_abbreviations_and_aliases(agencies_only):  # noqa: F811
    m = Matcher(D(2023, 9, 14), "Bắc Giang")
    assert m.match("Sở TT&TT").agency.code == "so-tttt"
    assert m.match("sở thông tin truyền thông").agency.code == "so-tttt"
    assert m.match("Sở VHTTDL").agency.code == "so-van-hoa-tt-dl"
    assert m.match("UBND tỉnh").agency.code == "ubnd-tinh-bac-giang"
    assert m.match("Đài Phát thanh và Truyền hình tỉnh").agency.code == "dai-ptth-bac-giang"
    assert m.match("Sở Tư pháp").agency.code == "so-tu-phap"
    new = m.match("Trung tâm Dữ liệu tỉnh")
    assert (new.status, new.guessed_kind) == ("new", "other")
    assert m.match("Báo Bắc Giang").agency.code == "bao-bac-giang"
    assert m.match("UBND cấp huyện có liên quan").groups[0][0].code == "ubnd-cap-huyen"
    assert m.match("cơ quan có liên quan").status == "text"
    Agency.objects.filter(code="so-tttt").update(aliases="")  # the alias is not what matches "Sở TT&TT": the key is
    assert Matcher(D(2023, 9, 14)).match("Sở TT&TT").agency.code == "so-tttt"
    Agency.objects.create(code="ttdl", name="Trung tâm Dữ liệu tỉnh", aliases="TTDL tỉnh")
    assert Matcher(D(2023, 9, 14)).match("ttdl tinh").agency.code == "ttdl"


def test_the_agency_valid_on_the_plans_date(seed):
    call_command("load_reorganisation_2025", verbosity=0)
    # the issuer's former name answers for plans of its time only
    assert Matcher(D(2023, 9, 14)).match("Ủy ban nhân dân tỉnh Bắc Giang").agency.code == "ubnd-tinh-bac-giang"
    assert Matcher(D(2026, 1, 5)).match("Ủy ban nhân dân tỉnh Bắc Giang").status == "new"
    assert Matcher(D(2026, 1, 5)).match("UBND tỉnh Bắc Ninh").agency.code == "ubnd-tinh-bac-giang"
    # two bodies of one name, one after the other: the plan's date decides
    Agency.objects.create(code="so-x-cu", name="Sở Kinh tế số", valid_to=D(2025, 2, 28))
    Agency.objects.create(code="so-x-moi", name="Sở Kinh tế số", valid_from=D(2025, 3, 1))
    assert Matcher(D(2024, 5, 1)).match("Sở Kinh tế số").agency.code == "so-x-cu"
    assert Matcher(D(2025, 5, 1)).match("Sở Kinh tế số").agency.code == "so-x-moi"
    both = Matcher(None).match("Sở Kinh tế số")
    assert both.status == "ambiguous" and {a.code for a in both.agencies} == {"so-x-cu", "so-x-moi"}


def test_matching_takes_a_fixed_number_of_queries(agencies_only, django_assert_max_num_queries):  # noqa: F811
    with django_assert_max_num_queries(3):
        m = Matcher(D(2023, 9, 14), "Bắc Giang")
        for name in ["Sở TT&TT", "Sở Tư pháp", "Các sở, ban, ngành", "cơ quan có liên quan", "Sở Mới"] * 20:
            m.match(name)
