"""Issue #13: a reorganisation previewed and applied from the admin, in Chromium."""

import datetime

import pytest
from django.core.management import call_command

from agencies.models import Agency, AgencyChange
from tasks.models import Plan, Task, TaskRouting
from testing.factories import SEED_FIXTURE

from .conftest import expect
from .test_scenarios import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def split(django_user_model):
    call_command("loaddata", SEED_FIXTURE, verbosity=0)
    django_user_model.objects.create_superuser("it", password="pw-it", email="it@example.vn")
    a = Agency.objects.in_bulk(field_name="code")
    change = AgencyChange.objects.create(
        code="2025-so-tttt", kind="split", effective_date=datetime.date(2025, 3, 1), act_number="45/2025/NĐ-CP",
        act_date=datetime.date(2025, 2, 28), default_successor=a["so-van-hoa-tt-dl"])
    change.predecessors.set([a["so-tttt"]])
    change.successors.set([a["so-van-hoa-tt-dl"], a["so-khoa-hoc-cong-nghe"]])
    plan = Plan.objects.get(number="151/KH-UBND")
    routing = TaskRouting.objects.create(change=change, task=Task.objects.get(plan=plan, number="5.4"),
                                         successor=a["cong-an-tinh"])  # wrong: not a successor of the change
    return change, routing, a


def test_a_wrong_routing_is_refused_then_the_corrected_change_is_previewed_and_applied(new_page, shot, split):
    change, routing, a = split
    page = new_page()
    log_in(page, "it")
    page.goto(f"/admin/agencies/agencychange/{change.pk}/change/")
    page.get_by_role("link", name="Xem trước và áp dụng").click()
    expect(page.locator("#problems")).to_contain_text(
        "Nhiệm vụ 5.4 được chuyển cho Công an tỉnh, không phải cơ quan kế thừa của thay đổi này.")
    expect(page.get_by_role("button", name="Áp dụng thay đổi")).to_have_count(0)
    shot(page, "reorganisation-refused")

    routing.successor = a["so-khoa-hoc-cong-nghe"]
    routing.save()
    page.reload()
    moves = page.locator("#moves")
    expect(moves.locator("tr", has_text="5.4.")).to_contain_text("Sở Khoa học và Công nghệ")
    expect(moves.locator("tr", has_text="5.2.")).to_contain_text("Sở Văn hóa, Thể thao và Du lịch")
    shot(page, "reorganisation-preview")
    page.get_by_role("button", name="Áp dụng thay đổi").click()
    expect(page.locator(".messagelist")).to_contain_text("Đã áp dụng thay đổi")
    expect(page.get_by_text("Đã áp dụng lúc")).to_be_visible()
    assert Agency.objects.get(code="so-tttt").valid_to == datetime.date(2025, 2, 28)
