"""The admin's plan import: upload, preview (what was read, every name matched / ambiguous / new), confirm writes
everything in one transaction; nothing before it."""

import re

import pytest
from django.urls import reverse

from agencies.models import Agency
from exchange.models import PendingImport
from tasks.models import Assignment, Plan, Task

from .test_seed_import import SEED_TEXT, agencies_only  # noqa: F401

UPLOAD = "admin:planimport_plandocument_changelist"


def upload(client, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse(UPLOAD), {"document": SimpleUploadedFile(name, content)})


def test_upload_preview_confirm(admin_client, agencies_only):  # noqa: F811
    response = upload(admin_client, "151.txt", SEED_TEXT.read_bytes())
    assert response.status_code == 302 and Plan.objects.count() == 0
    preview = admin_client.get(response["Location"])
    html = preview.content.decode()
    assert "151/KH-UBND" in html and "14/09/2023" in html
    assert "24 nhiệm vụ" in html and "30/11/2024" in html and "Hoàn thành trước tháng 12/2024" in html
    assert "01 hội nghị tập huấn/1 năm" in html
    # "Sở Thông tin Truyền thông" (1.1, without "và") is matched to the agency
    row = re.search(r'<tr class="name-(\w+)">\s*<td>Sở Thông tin Truyền thông</td>', html)
    assert row and row.group(1) == "matched"
    assert "Ứng dụng hiện chỉ thu báo cáo hằng năm" not in html
    assert Plan.objects.count() == 0
    done = admin_client.post(response["Location"])
    assert done.status_code == 302
    plan = Plan.objects.get()
    assert done["Location"] == reverse("admin:tasks_plan_change", args=[plan.pk])
    assert Task.objects.filter(plan=plan).count() == 24
    # every written row keeps who wrote it
    assert Task.history.filter(plan_id=plan.pk).count() == 24
    assert {h.history_user.username for h in Assignment.history.filter(task__plan=plan)} == {"admin"}
    assert plan.history.get().history_user.username == "admin"
    assert PendingImport.objects.count() == 0
    again = admin_client.post(response["Location"])  # a second post of the same confirm
    assert again.status_code == 302 and Plan.objects.count() == 1


PLAN_WITH_NEW_AND_AMBIGUOUS = """ỦY BAN NHÂN DÂN TỈNH BẮC GIANG
Số: 12/KH-UBND
Bắc Giang, ngày 10 tháng 3 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
I. NHIỆM VỤ
1. Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính và UBND cấp xã triển khai thương mại điện tử, hoàn thành trong Quý II/2026.
2. Xây dựng kho dữ liệu.
- Chủ trì: Trung tâm Dữ liệu tỉnh
- Phối hợp: Sở Mới
- Thời gian: trước 30/6/2025
II. CHẾ ĐỘ BÁO CÁO
Các sở, ban, ngành báo cáo kết quả định kỳ hằng quý (trước ngày 20 tháng cuối quý) gửi Sở Tài chính tổng hợp.
"""


def test_new_and_ambiguous_names_and_a_period_the_app_cannot_collect(admin_client, agencies_only):  # noqa: F811
    Agency.objects.create(code="so-moi-a", name="Sở Mới", kind="department")
    Agency.objects.create(code="so-moi-b", name="Sở Mới", kind="department")
    response = upload(admin_client, "12.txt", PLAN_WITH_NEW_AND_AMBIGUOUS.encode())
    html = admin_client.get(response["Location"]).content.decode()
    assert "hằng quý" in html and "Ứng dụng hiện chỉ thu báo cáo hằng năm" in html
    assert re.search(r'<tr class="name-new">\s*<td>Trung tâm Dữ liệu tỉnh</td>', html)
    assert re.search(r'<tr class="name-ambiguous">\s*<td>Sở Mới</td>', html)
    assert "30/06/2026" in html and "30/06/2025" in html
    refused = admin_client.post(response["Location"])  # no choice made for "Sở Mới"
    assert "Chọn cơ quan cho tên “Sở Mới”" in refused.content.decode()
    assert Plan.objects.count() == 0 and not Agency.objects.filter(name="Trung tâm Dữ liệu tỉnh").exists()
    names = re.findall(r'name="(choice-\d+|kind-\d+)"', html)
    data = {n: ("" if n.startswith("kind") else str(Agency.objects.get(code="so-moi-b").pk)) for n in names}
    data.update({n: "press" for n in names if n.startswith("kind")})
    done = admin_client.post(response["Location"], data)
    assert done.status_code == 302
    task = Task.objects.get(number="2")
    assert task.due_date.isoformat() == "2025-06-30"
    lead = Assignment.objects.get(task=task, role="lead")
    assert lead.agency.name == "Trung tâm Dữ liệu tỉnh" and lead.agency.kind == "press"
    assert Assignment.objects.get(task=task, role="coordinator").agency.code == "so-moi-b"
    first = Task.objects.get(number="1")
    assert first.due_date.isoformat() == "2026-06-30"
    assert {a.agency.code for a in first.assignments.filter(role="lead")} == {"so-cong-thuong"}
    coords = first.assignments.filter(role="coordinator").select_related("agency", "group")
    assert {(a.agency.code if a.agency else a.group.name) for a in coords} == {"so-tai-chinh", "UBND cấp xã"}


def test_an_unreadable_upload_is_refused_and_nothing_is_kept(admin_client, agencies_only):  # noqa: F811
    response = upload(admin_client, "plan.docx", b"PK\x03\x04not really")
    assert response.status_code == 200
    assert "Không đọc được tệp DOCX" in response.content.decode()
    assert PendingImport.objects.count() == 0


@pytest.mark.django_db
def test_staff_without_the_rights_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("clerk", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(reverse(UPLOAD)).status_code == 403


def test_the_previews_query_count_does_not_grow_with_the_plan(admin_client, agencies_only):  # noqa: F811
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for name, content in (("12.txt", PLAN_WITH_NEW_AND_AMBIGUOUS.encode()), ("151.txt", SEED_TEXT.read_bytes())):
        location = upload(admin_client, name, content)["Location"]
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(location).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]  # 2 tasks and 24 tasks, 5 names and 30
