"""Vietnamese order of agency names (Anh < Ân < Dũng < Đặng < Ơn) on SQLite and on PostgreSQL, through
the stored sort key; on PostgreSQL it must agree with the ICU collation ``vi-x-icu``."""

import random

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models.functions import Collate
from django.urls import reverse

from agencies.models import Agency
from plan_tracker.collation import vi_sort_key
from testing.factories import SEED_FIXTURE, make_agency, make_user

EXPECTED = ["Anh", "Ân", "Dũng", "Đặng", "Ơn"]
# Letters, then tones (none, huyền, hỏi, ngã, sắc, nặng), then case; spaces before letters.
TONES = ["Ba", "Bà", "Bả", "Bã", "Bá", "Bạ"]
ALPHABET_WORDS = ["Ai", "Ăn", "Âm", "Bé", "Cá", "Dê", "Đá", "Em", "Êm", "Gà", "Hè", "Im", "Kê", "Lá", "Mẹ", "Nà",
                  "Ong", "Ông", "Ơi", "Phố", "Quê", "Rể", "Sơn", "Tư", "Uống", "Ưng", "Vui", "Xem", "Yên"]
MIXED = ["An Giang", "anh", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bà Rịa", "Đắk Lắk", "Điện Biên", "Đồng Tháp",
         "Sở Tư pháp", "Sở Tài chính", "Sở Nội vụ", "UBND huyện Yên Thế", "UBND huyện Việt Yên", "Ủy ban",
         "Công an tỉnh", "Cục Thuế", "Ở", "Ốc", "Ô Môn"]


def shuffled(names):
    names = list(names)
    random.Random(7).shuffle(names)
    return names


def test_sort_key_orders_the_issues_example():
    assert sorted(shuffled(EXPECTED), key=vi_sort_key) == EXPECTED


def test_sort_key_orders_tones_after_letters_and_the_whole_alphabet():
    assert sorted(shuffled(TONES), key=vi_sort_key) == TONES
    assert sorted(shuffled(ALPHABET_WORDS), key=vi_sort_key) == ALPHABET_WORDS
    # Letters decide before tones: "Bác" (b-a-c) before "Bạc"? No: same letters, sắc before nặng.
    assert sorted(["Bạc", "Bác", "Bắc"], key=vi_sort_key) == ["Bác", "Bạc", "Bắc"]
    # A shorter word first; a space before any letter.
    assert sorted(["Anh", "An Giang", "An"], key=vi_sort_key) == ["An", "An Giang", "Anh"]
    assert vi_sort_key("anh") < vi_sort_key("Anh")


def test_sort_key_is_plain_ascii_so_every_collation_agrees():
    for name in EXPECTED + TONES + MIXED:
        key = vi_sort_key(name)
        assert key and set(key) <= set("0123456789abcdefghijklmnopqrstuvwxyz")
    assert vi_sort_key("") == ""
    # NFD input (from Word) sorts like NFC.
    import unicodedata

    assert vi_sort_key(unicodedata.normalize("NFD", "Đặng Thị Ơn")) == vi_sort_key("Đặng Thị Ơn")


def test_database_orders_agencies_the_vietnamese_way(db):
    for name in shuffled(EXPECTED + MIXED):
        make_agency(name=name)
    names = list(Agency.objects.vietnamese_order().values_list("name", flat=True))
    assert [n for n in names if n in EXPECTED] == EXPECTED
    assert names == sorted(EXPECTED + MIXED, key=vi_sort_key)


def test_sort_key_follows_a_rename(db):
    agency = make_agency(name="Ơn")
    make_agency(name="Dũng")
    agency.name = "Anh"
    agency.save()
    assert list(Agency.objects.vietnamese_order().values_list("name", flat=True)) == ["Anh", "Dũng"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ICU collations are PostgreSQL's")
def test_sort_key_agrees_with_postgresql_icu_collation(db):
    for name in shuffled(EXPECTED + TONES + ALPHABET_WORDS + MIXED):
        make_agency(name=name)
    by_key = list(Agency.objects.vietnamese_order().values_list("name", flat=True))
    by_icu = list(Agency.objects.order_by(Collate("name", "vi-x-icu"), "code").values_list("name", flat=True))
    assert by_key == by_icu
    assert [n for n in by_icu if n in EXPECTED] == EXPECTED


def test_seed_fixture_carries_the_sort_keys_loaddata_cannot_compute(db):
    call_command("loaddata", SEED_FIXTURE, verbosity=0)
    agencies = list(Agency.objects.all())
    assert len(agencies) == 40
    assert all(a.sort_key == vi_sort_key(a.name) for a in agencies)
    names = list(Agency.objects.vietnamese_order().values_list("name", flat=True))
    assert names.index("Ban Tuyên giáo Tỉnh ủy") < names.index("Báo Bắc Giang") < names.index("Bộ Thông tin và Truyền thông")
    assert names.index("Công an tỉnh") < names.index("Đài Phát thanh và Truyền hình Bắc Giang")


def test_agency_list_page_is_in_vietnamese_order(client, django_user_model, db):
    for name in shuffled(EXPECTED):
        make_agency(name=name)
    client.force_login(make_user(django_user_model, "someone"))
    html = client.get(reverse("portal:agency-list")).content.decode()
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    positions = [table.index(f">{name}</a>") for name in EXPECTED]
    assert positions == sorted(positions)
