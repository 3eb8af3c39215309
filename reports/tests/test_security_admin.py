"""Issue #12, item 1: report content changes only through the workflow (save, submit, review, reopen), with its
version check and its events. The Django admin shows reports, their lines, indicator values, events and evidence
read-only: its change, add, delete, bulk-action and history-revert paths write nothing, for a superuser too."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import AgencyReport, Evidence, IndicatorValue, ReportEvent, TaskReport
from reports.services import review_report, save_report, submit_report
from testing.factories import fill_report, make_user, report_world

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def world(db, django_user_model, tmp_media):
    w = report_world(django_user_model)
    plan, report, officer, coordinator = w.plan, w.report, w.officer, w.coordinator
    admin = django_user_model.objects.create_superuser("root", password="x")
    line = report.lines.first()
    report = save_report(report, officer, expected_version=report.version, general={"difficulties": "Thiếu người"},
                         uploads=[(line, SimpleUploadedFile("bien-ban.pdf", PDF), "application/pdf")])
    return plan, report, officer, coordinator, admin


def snapshot(report):
    """Everything the workflow owns about a report, as plain values."""
    report = AgencyReport.objects.get(pk=report.pk)
    return {
        "report": {f.attname: getattr(report, f.attname) for f in AgencyReport._meta.concrete_fields},
        "lines": sorted(TaskReport.objects.filter(report=report).values_list(
            "pk", "status", "achievements", "quantity_achieved", "no_report_reason")),
        "values": sorted(IndicatorValue.objects.filter(report=report).values_list("pk", "indicator_id", "value")),
        "evidence": sorted(Evidence.objects.filter(task_report__report=report).values_list(
            "pk", "file", "original_name", "size")),
        "events": list(ReportEvent.objects.filter(report=report).order_by("pk").values_list("pk", "action")),
        "history": report.history.count(),
    }


def change_form_post(report, **overrides):
    """What the admin's change form would post if it were editable: every field and inline, changed."""
    data = {
        "agency": report.agency_id, "plan": report.plan_id, "year": report.year, "status": "accepted",
        "overall_assessment": "Sửa bởi quản trị", "difficulties": "Sửa bởi quản trị", "proposals": "x",
        "review_comment": "", "version": 1, "_save": "Lưu",
    }
    lines = list(report.lines.all())
    data.update({"lines-TOTAL_FORMS": len(lines), "lines-INITIAL_FORMS": len(lines), "lines-MIN_NUM_FORMS": 0,
                 "lines-MAX_NUM_FORMS": 1000})
    for i, line in enumerate(lines):
        data.update({f"lines-{i}-id": line.pk, f"lines-{i}-report": report.pk, f"lines-{i}-status": "completed",
                     f"lines-{i}-achievements": "Sửa bởi quản trị", f"lines-{i}-DELETE": "on"})
    for prefix in ("indicator_values", "events"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0, f"{prefix}-MIN_NUM_FORMS": 0,
                     f"{prefix}-MAX_NUM_FORMS": 1000})
    data.update(overrides)
    return data


def test_the_change_form_shows_the_report_read_only(client, world):
    plan, report, officer, coordinator, admin = world
    client.force_login(admin)
    page = client.get(reverse("admin:reports_agencyreport_change", args=[report.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Thiếu người" in html
    assert 'name="difficulties"' not in html and 'name="lines-0-achievements"' not in html
    assert 'name="_save"' not in html


@pytest.mark.parametrize("state", ["draft", "accepted"])
def test_an_admin_post_to_the_change_form_changes_nothing(client, world, state):
    plan, report, officer, coordinator, admin = world
    if state == "accepted":
        report = review_report(submit_report(fill_report(report, officer), officer), coordinator, accept=True)
    before = snapshot(report)
    client.force_login(admin)
    response = client.post(reverse("admin:reports_agencyreport_change", args=[report.pk]), change_form_post(report))
    assert response.status_code == 403
    assert snapshot(report) == before


def test_a_staff_user_given_every_report_permission_cannot_edit_either(client, world, django_user_model):
    plan, report, officer, coordinator, admin = world
    staff = make_user(django_user_model, "clerk", is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(content_type__app_label="reports"))
    before = snapshot(report)
    client.force_login(staff)
    assert client.get(reverse("admin:reports_agencyreport_change", args=[report.pk])).status_code == 200
    response = client.post(reverse("admin:reports_agencyreport_change", args=[report.pk]), change_form_post(report))
    assert response.status_code == 403
    assert client.get(reverse("admin:reports_agencyreport_add")).status_code == 403
    assert snapshot(report) == before


def test_an_officers_save_after_an_admin_visit_is_not_lost(client, world):
    plan, report, officer, coordinator, admin = world
    opened_at = report.version  # the officer opens the form
    client.force_login(admin)
    client.get(reverse("admin:reports_agencyreport_change", args=[report.pk]))
    client.post(reverse("admin:reports_agencyreport_change", args=[report.pk]), change_form_post(report))
    saved = save_report(report, officer, expected_version=opened_at, general={"proposals": "Thêm kinh phí"})
    saved.refresh_from_db()
    assert (saved.proposals, saved.difficulties, saved.version) == ("Thêm kinh phí", "Thiếu người", opened_at + 1)
    assert list(saved.events.order_by("pk").values_list("action", flat=True)) == ["opened", "saved", "saved"]
    assert saved.history.first().history_user == officer


def test_history_revert_delete_and_bulk_actions_write_nothing(client, world):
    plan, report, officer, coordinator, admin = world
    old = report.history.order_by("history_id").first()  # the report as opened, before the officer's save
    report = save_report(report, officer, expected_version=report.version, general={"proposals": "Mới"})
    before = snapshot(report)
    client.force_login(admin)
    revert = reverse("admin:reports_agencyreport_simple_history", args=[report.pk, old.history_id])
    assert client.get(revert).status_code == 200  # viewing an old version is fine
    assert client.post(revert, change_form_post(report)).status_code == 403
    assert client.post(reverse("admin:reports_agencyreport_delete", args=[report.pk]), {"post": "yes"}).status_code == 403
    changelist = reverse("admin:reports_agencyreport_changelist")
    client.post(changelist, {"action": "delete_selected", "_selected_action": [report.pk], "post": "yes"})
    assert snapshot(report) == before


def test_evidence_is_read_only_in_the_admin_and_its_file_stays(client, world):
    plan, report, officer, coordinator, admin = world
    evidence = Evidence.objects.get()
    before = snapshot(report)
    client.force_login(admin)
    assert client.get(reverse("admin:reports_evidence_change", args=[evidence.pk])).status_code == 200
    response = client.post(reverse("admin:reports_evidence_change", args=[evidence.pk]), {
        "task_report": evidence.task_report_id, "original_name": "x.pdf", "content_type": "text/html", "size": 1,
        "file": SimpleUploadedFile("x.html", b"<script>"),
    })
    assert response.status_code == 403
    assert client.post(reverse("admin:reports_evidence_delete", args=[evidence.pk]), {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:reports_evidence_add")).status_code == 403
    client.post(reverse("admin:reports_evidence_changelist"),
                {"action": "delete_selected", "_selected_action": [evidence.pk], "post": "yes"})
    assert snapshot(report) == before
    assert evidence.file.storage.exists(evidence.file.name)
