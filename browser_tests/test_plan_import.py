"""The admin's plan import in Chromium: upload the seed's text, read the preview (header, reporting rule, names,
tasks), choose the kind of a new agency, confirm, land on the imported plan."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tasks.models import Assignment, Plan, Task
from testing.factories import SEED_FIXTURE

from .conftest import expect

pytestmark = pytest.mark.django_db(transaction=True)

SEED_TEXT = Path(settings.BASE_DIR) / "planimport" / "tests" / "devset" / "seed-151-kh-ubnd-2023.txt"


@pytest.fixture
def agencies_only(transactional_db, tmp_path):
    objects = json.loads((Path(settings.BASE_DIR) / SEED_FIXTURE).read_text(encoding="utf-8"))
    path = tmp_path / "agencies.json"
    path.write_text(json.dumps([o for o in objects if o["model"].startswith("agencies.")], ensure_ascii=False),
                    encoding="utf-8")
    call_command("loaddata", str(path), verbosity=0)


def test_admin_uploads_previews_and_confirms_a_plan(new_page, shot, agencies_only, django_user_model, tmp_path):
    django_user_model.objects.create_superuser("importer", "importer@example.vn", "pw-importer")
    text = SEED_TEXT.read_text(encoding="utf-8").replace(
        "- Đơn vị phối hợp: Cơ quan, đơn vị có liên quan.", "- Đơn vị phối hợp: Trung tâm Dữ liệu tỉnh.")
    document = tmp_path / "ke-hoach-151.txt"
    document.write_text(text, encoding="utf-8")

    page = new_page()
    page.goto("/admin/login/?next=/admin/")
    page.locator("input[name=username]").fill("importer")
    page.locator("input[name=password]").fill("pw-importer")
    page.locator("input[type=submit]").click()
    page.get_by_role("link", name="Nhập kế hoạch từ văn bản", exact=True).click()
    page.locator("input[type=file]").set_input_files(str(document))
    page.get_by_role("button", name="Đọc văn bản").click()

    expect(page.get_by_role("heading", name="Xem trước kế hoạch đọc được")).to_be_visible()
    expect(page.locator("#plan-header")).to_contain_text("151/KH-UBND")
    expect(page.locator("#plan-header")).to_contain_text("14/09/2023")
    expect(page.locator("#reporting")).to_contain_text("hằng năm")
    expect(page.locator("#tasks")).to_contain_text("24 nhiệm vụ")
    expect(page.locator("#task-6\\.1")).to_contain_text("30/11/2024")
    expect(page.locator("#task-6\\.5")).to_contain_text("01 hội nghị tập huấn/1 năm")
    new_row = page.locator("tr.name-new", has_text="Trung tâm Dữ liệu tỉnh")
    expect(new_row).to_contain_text("mới: sẽ tạo")
    new_row.locator("select").select_option("office")
    assert Plan.objects.count() == 0  # nothing written before the confirm
    shot(page, "plan-import-preview")

    page.get_by_role("button", name="Xác nhận nhập kế hoạch").click()
    expect(page.locator(".messagelist")).to_contain_text("Đã nhập kế hoạch 151/KH-UBND: 24 nhiệm vụ")
    plan = Plan.objects.get()
    expect(page).to_have_url(re.compile(rf"/admin/tasks/plan/{plan.pk}/change/"))
    assert Task.objects.filter(plan=plan).count() == 24
    created = Assignment.objects.get(task__plan=plan, task__number="7.2", role="coordinator").agency
    assert (created.name, created.kind) == ("Trung tâm Dữ liệu tỉnh", "office")
    shot(page, "plan-import-done")
