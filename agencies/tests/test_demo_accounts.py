from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from agencies.models import Membership


def test_demo_accounts_are_created_and_printed(seed, django_user_model, settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=StringIO())  # re-runnable
    printed = out.getvalue()
    for username in ["admin", "dieuphoi", "huyen.vietyen", "so.tuphap", "lanhdao"]:
        assert username in printed
        assert django_user_model.objects.filter(username=username).count() == 1
    assert django_user_model.objects.get(username="admin").is_superuser
    roles = {(m.user.username, m.agency.code, m.role) for m in Membership.objects.select_related("user", "agency")}
    assert ("dieuphoi", "so-tttt", "coordinator") in roles
    assert ("huyen.vietyen", "ubnd-huyen-viet-yen", "officer") in roles
    assert ("so.tuphap", "so-tu-phap", "officer") in roles
    assert ("lanhdao", "ubnd-tinh-bac-giang", "viewer") in roles
    # This year's reports exist, so the district officer can report right away.
    from django.utils import timezone

    from reports.models import AgencyReport

    assert AgencyReport.objects.filter(agency__code="ubnd-huyen-viet-yen", year=timezone.localdate().year).count() == 1
    # The printed password works.
    line = next(line for line in printed.splitlines() if "dieuphoi" in line)
    assert django_user_model.objects.get(username="dieuphoi").check_password(line.split()[1])


def test_demo_accounts_refused_in_production(seed, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo", stdout=StringIO())


def test_after_the_reorganisation_the_printed_accounts_name_the_bodies_in_force_today(seed, settings):
    """`make run` loads the 2025 reorganisation before the demo accounts: the printout names the bodies the demo
    people work for today and says which of their former bodies have ended (issue #13)."""
    settings.DEBUG = True
    call_command("load_reorganisation_2025", stdout=StringIO())
    out = StringIO()
    call_command("load_demo", stdout=out)
    lines = {line.split()[0]: line for line in out.getvalue().splitlines() if line.startswith("  ")}
    assert "Sở Văn hóa, Thể thao và Du lịch" in lines["dieuphoi"]
    assert "Sở Thông tin và Truyền thông (đã kết thúc 28/02/2025" in lines["dieuphoi"]
    assert "UBND phường Việt Yên (mẫu)" in lines["huyen.vietyen"]
    assert "huyện Việt Yên (đã kết thúc 30/06/2025" in lines["huyen.vietyen"]
    assert "tỉnh Bắc Ninh" in lines["lanhdao"] and "Bắc Giang" not in lines["lanhdao"]
    assert "Sở Tư pháp" in lines["so.tuphap"] and "đã kết thúc" not in lines["so.tuphap"]
    assert "Quản trị viên" in lines["admin"]
