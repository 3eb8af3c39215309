"""The officer's report form that never loses work (issue #14), through the test client: Vietnamese numbers,
errors at the top, files kept through an error, deleting asks first, autosave with the stale check, fields and
statuses that fit the line, last year's text."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plan_tracker.numbers import format_vn_number, parse_vn_number
from reports import services
from reports.cache import bump_plan
from reports.models import AgencyReport, Evidence, IndicatorValue, TaskReport
from testing.factories import make_user, open_year, report_world

from .test_report_pages import PDF, form_data


@pytest.fixture
def world(db, django_user_model, tmp_media):
    w = report_world(django_user_model, coordinator=False)
    return w.plan, w.report, w.officer


def page(client, report):
    return client.get(report.get_absolute_url()).content.decode()


# --- Numbers ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("1.000.000", Decimal("1000000")), ("1.000.000,5", Decimal("1000000.5")), ("1000000", Decimal("1000000")),
    ("1 000 000", Decimal("1000000")), ("125,00", Decimal("125.00")), ("2.5", Decimal("2.5")), ("1.500", Decimal("1500")),
    ("", None), ("0", Decimal("0")),
])
def test_vietnamese_numbers_are_read(text, value):
    assert parse_vn_number(text) == value


@pytest.mark.parametrize("text", ["1,2,3", "1.00.000", "abc", "1.000,5.3", "1..2"])
def test_what_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError):
        parse_vn_number(text)


@pytest.mark.parametrize("value, text", [
    (Decimal("1000000.00"), "1.000.000"), (Decimal("1000000.50"), "1.000.000,5"), (Decimal("125.00"), "125"),
    (250000000, "250.000.000"), (Decimal("0.25"), "0,25"), (None, ""),
])
def test_numbers_are_shown_the_vietnamese_way(value, text):
    assert format_vn_number(value) == text


def test_an_indicator_round_trips_the_vietnamese_way(client, world):
    plan, report, officer = world
    indicator = plan.indicators.get()
    client.force_login(officer)
    html = page(client, report)
    assert f'name="indicator-{indicator.pk}"' in html and 'inputmode="decimal"' in html
    response = client.post(report.get_absolute_url(), form_data(report, **{f"indicator-{indicator.pk}": "1.000.000,5"}))
    assert response.status_code == 302
    assert IndicatorValue.objects.get(report=report).value == Decimal("1000000.5")
    assert 'value="1.000.000,5"' in page(client, report)
    report.refresh_from_db()
    client.post(report.get_absolute_url(), form_data(report, **{f"indicator-{indicator.pk}": "250.000.000"}))
    html = page(client, report)
    assert 'value="250.000.000"' in html and "250000000" not in html
    services.submit_report(AgencyReport.objects.get(pk=report.pk), officer)
    assert "250.000.000" in page(client, report)  # the read-only report page too


def test_a_wrong_number_is_refused_in_vietnamese_listed_at_the_top_and_tied_to_its_field(client, world):
    plan, report, officer = world
    indicator = plan.indicators.get()
    client.force_login(officer)
    response = client.post(report.get_absolute_url(), form_data(
        report, difficulties="Điều tôi vừa gõ", **{f"indicator-{indicator.pk}": "12,5,3"}))
    html = response.content.decode()
    assert response.status_code == 400 and "Điều tôi vừa gõ" in html
    assert "Hãy nhập một số, ví dụ 1.000.000" in html
    field_id = f"id_indicator-{indicator.pk}"
    assert f'<a href="#{field_id}">' in html  # the list at the top links to the field
    assert f'aria-describedby="{field_id}-error"' in html and f'id="{field_id}-error"' in html
    assert 'aria-invalid="true"' in html


def test_text_length_is_limited_with_a_message(client, world):
    plan, report, officer = world
    client.force_login(officer)
    html = page(client, report)
    assert 'maxlength="10000"' in html
    response = client.post(report.get_absolute_url(), form_data(report, difficulties="x" * 10_001))
    assert response.status_code == 400 and "Tối đa 10000 ký tự" in response.content.decode()


# --- Statuses and fields that fit the line -------------------------------------------------------------------------

def test_one_status_set_per_timeframe_kind(client, world):
    from tasks.models import Task

    plan, report, officer = world
    Task.objects.filter(task_reports__report=report, number="1.1").update(
        timeframe_kind="deadline", due_date=datetime.date(2024, 11, 30))
    client.force_login(officer)
    html = page(client, report)
    kinds = set()
    for line in report.lines.select_related("task"):
        kinds.add(line.task.timeframe_kind)
        select = html.split(f'name="line-{line.pk}-status"')[1].split("</select>")[0]
        yearly = line.task.timeframe_kind in ("ongoing", "annual", "annual_on_request", "budget_cycle")
        assert ("Đã thực hiện trong năm" in select) == yearly
        assert ('value="completed"' in select) == (not yearly)
    assert "deadline" in kinds and kinds & {"ongoing", "annual"}


def test_the_reason_is_kept_only_with_nothing_to_report(client, world):
    plan, report, officer = world
    line = report.lines.first()
    client.force_login(officer)
    client.post(report.get_absolute_url(), form_data(report, **{
        f"line-{line.pk}-status": "in_progress", f"line-{line.pk}-no_report_reason": "Không có"}))
    line.refresh_from_db()
    assert line.no_report_reason == "" and line.status == "in_progress"  # another status: the reason is dropped
    report.refresh_from_db()
    client.post(report.get_absolute_url(), form_data(report, **{
        f"line-{line.pk}-status": "nothing_to_report", f"line-{line.pk}-no_report_reason": "Không có"}))
    line.refresh_from_db()
    assert line.no_report_reason == "Không có"


def test_the_quantity_is_asked_of_a_lead_only(client, world):
    plan, report, officer = world
    line = report.lines.get(task__number="1.2")  # a target; this agency coordinates
    client.force_login(officer)
    assert f'name="line-{line.pk}-quantity_achieved"' not in page(client, report)
    TaskReport.objects.filter(pk=line.pk).update(role="lead")
    bump_plan(plan.pk)  # a write that bypasses the signals bumps the cached pages itself (reports/cache.py)
    html = page(client, report)
    assert f'name="line-{line.pk}-quantity_achieved"' in html and 'inputmode="numeric"' in html


def test_progress_and_contents_show_the_empty_lines(client, world):
    plan, report, officer = world
    client.force_login(officer)
    total = report.lines.count()
    html = page(client, report)
    assert f"0/{total} nhiệm vụ đã điền" in html and html.count("chưa điền đủ") == total
    client.post(report.get_absolute_url(), form_data(report))
    assert f"{total}/{total} nhiệm vụ đã điền" in page(client, report)


# --- Nothing lost -----------------------------------------------------------------------------------------------------

def test_a_validation_error_keeps_the_files(client, world):
    plan, report, officer = world
    indicator = plan.indicators.get()
    line = report.lines.first()
    client.force_login(officer)
    response = client.post(report.get_absolute_url(), form_data(report, **{
        f"indicator-{indicator.pk}": "không phải số", f"line-{line.pk}-achievements": "Đã gõ",
        f"line-{line.pk}-evidence": SimpleUploadedFile("bien-ban.pdf", PDF)}))
    html = response.content.decode()
    assert response.status_code == 400
    assert [e.original_name for e in Evidence.objects.filter(task_report=line)] == ["bien-ban.pdf"]
    assert "đã được lưu vào báo cáo: bien-ban.pdf" in html and "Đã gõ" in html
    # The page stands on the version that holds the file: fixing the error saves without a stale refusal.
    report.refresh_from_db()
    assert f'name="version" value="{report.version}"' in html
    data = form_data(report, **{f"line-{line.pk}-achievements": "Đã gõ"})
    assert client.post(report.get_absolute_url(), data).status_code == 302


def test_deleting_evidence_asks_first_and_keeps_what_was_typed(client, world):
    plan, report, officer = world
    line = report.lines.first()
    client.force_login(officer)
    client.post(report.get_absolute_url(), form_data(report, **{f"line-{line.pk}-evidence": SimpleUploadedFile("a.pdf", PDF)}))
    evidence = Evidence.objects.get()
    report.refresh_from_db()
    response = client.post(report.get_absolute_url(), form_data(
        report, difficulties="Đang gõ dở", delete_evidence=str(evidence.pk)))
    assert response.status_code == 302 and response["Location"] == reverse("reports:evidence-delete", args=[evidence.pk])
    report.refresh_from_db()
    assert report.difficulties == "Đang gõ dở" and Evidence.objects.exists()  # saved, not deleted yet
    confirm = client.get(response["Location"]).content.decode()
    assert "Xóa tệp minh chứng?" in confirm and "a.pdf" in confirm
    client.post(response["Location"])
    assert not Evidence.objects.exists()


def test_a_delete_confirmed_in_the_page_saves_then_deletes(client, world):
    plan, report, officer = world
    line = report.lines.first()
    client.force_login(officer)
    client.post(report.get_absolute_url(), form_data(report, **{f"line-{line.pk}-evidence": SimpleUploadedFile("a.pdf", PDF)}))
    report.refresh_from_db()
    evidence = Evidence.objects.get()
    response = client.post(report.get_absolute_url(), form_data(
        report, difficulties="Đang gõ dở", delete_evidence=str(evidence.pk), delete_confirmed="1"))
    assert response.status_code == 302 and not Evidence.objects.exists()
    report.refresh_from_db()
    assert report.difficulties == "Đang gõ dở"


def test_autosave_saves_and_a_second_tab_is_told_not_overwritten(client, world):
    plan, report, officer = world
    client.force_login(officer)
    first_tab = form_data(report, difficulties="Tab một")
    second_tab = form_data(report, difficulties="Tab hai")  # opened at the same version
    response = client.post(report.get_absolute_url(), first_tab, headers={"X-Autosave": "1"})
    assert response.status_code == 200 and response.json()["ok"] and response.json()["version"] == report.version + 1
    response = client.post(report.get_absolute_url(), second_tab, headers={"X-Autosave": "1"})
    assert response.status_code == 409 and "sau khi bạn mở trang" in response.json()["message"]
    report.refresh_from_db()
    assert report.difficulties == "Tab một"
    # The first tab goes on from the version its autosave returned.
    response = client.post(report.get_absolute_url(), form_data(report, difficulties="Tab một, tiếp"),
                           headers={"X-Autosave": "1"})
    assert response.json()["ok"]


def test_autosave_of_a_wrong_form_saves_nothing(client, world):
    plan, report, officer = world
    indicator = plan.indicators.get()
    client.force_login(officer)
    response = client.post(report.get_absolute_url(), form_data(report, **{f"indicator-{indicator.pk}": "x"}),
                           headers={"X-Autosave": "1"})
    assert response.status_code == 400 and not response.json()["ok"]
    assert AgencyReport.objects.get(pk=report.pk).version == report.version


# --- Last year's text -------------------------------------------------------------------------------------------------

def test_last_years_text_is_copied_and_never_submitted_unchanged(client, world, django_user_model):
    plan, report, officer = world
    open_year(plan, 2023)
    last = AgencyReport.objects.get(plan=plan, year=2023, agency=report.agency)
    line_2023 = last.lines.get(task__number="1.1")
    services.save_report(last, officer, expected_version=last.version, general={"overall_assessment": "Tốt"},
                         lines={l.pk: {"status": "in_progress", "achievements": f"Năm 2023: {l.task.number}",
                                       "quantity_achieved": 1}
                                for l in last.lines.all()},
                         indicators={i.pk: Decimal(1) for i in plan.indicators.all()})
    services.submit_report(AgencyReport.objects.get(pk=last.pk), officer)
    line = report.lines.get(task=line_2023.task)
    client.force_login(officer)
    html = page(client, report)
    assert "Chép từ năm trước" in html and 'data-text="Năm 2023: 1.1"' in html
    data = form_data(report, copy_last_year=str(line.pk), **{f"line-{line.pk}-achievements": ""})
    assert client.post(report.get_absolute_url(), data).status_code == 302
    line.refresh_from_db()
    assert line.achievements == "Năm 2023: 1.1"
    report.refresh_from_db()
    problems = services.missing_parts(report)
    assert "Nhiệm vụ 1.1: kết quả còn y nguyên báo cáo năm trước: hãy sửa cho đúng năm nay." in problems
    response = client.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})
    assert response.status_code == 400 and AgencyReport.objects.get(pk=report.pk).status == "draft"
    # The same text typed by hand (not copied) is not refused: many lines rightly repeat.
    assert services.line_problems(TaskReport(task=line.task, achievements="Năm 2023: 1.1", status="in_progress",
                                             role="coordinator"), {line.task_id: "Năm 2023: 1.1"}) == []
    # Touched by the officer: it may go.
    client.post(report.get_absolute_url(), form_data(report, **{f"line-{line.pk}-achievements": "Năm 2023: 1.1; năm 2024 thêm 2 lớp"}))
    report.refresh_from_db()
    assert services.missing_parts(report) == []


# --- Comments on lines, changes since the return, history as a diff ------------------------------------------------

@pytest.fixture
def reviewed(world, django_user_model):
    from agencies.models import Membership
    from testing.factories import make_agency

    plan, report, officer = world
    coordinator = make_user(django_user_model, "coord", make_agency(name="Sở Điều phối"), role=Membership.Role.COORDINATOR)
    indicator = plan.indicators.get()
    from django.test import Client

    officer_client = Client()
    officer_client.force_login(officer)
    officer_client.post(report.get_absolute_url(), form_data(report, **{f"indicator-{indicator.pk}": "1.000.000"}))
    report.refresh_from_db()
    services.submit_report(report, officer)
    return plan, report, officer, coordinator, officer_client, indicator


def test_the_coordinator_comments_on_lines_and_the_officer_sees_them_beside_each(client, reviewed):
    plan, report, officer, coordinator, officer_client, indicator = reviewed
    first, second = report.lines.select_related("task").order_by("task__order", "task__number")[:2]
    client.force_login(coordinator)
    html = client.get(report.get_absolute_url()).content.decode()
    assert f'name="line-comment-{first.pk}" form="review-form"' in html
    response = client.post(reverse("reports:report-review", args=[report.pk]), {
        "decision": "return", "comment": "", f"line-comment-{first.pk}": "Thiếu số liệu hội nghị",
        f"line-comment-{second.pk}": "Ghi rõ số lớp"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "returned"
    html = officer_client.get(report.get_absolute_url()).content.decode()
    top = html.split('id="review-comments"')[1].split("</div>")[0]
    assert f'<a href="#line-{first.pk}">Nhiệm vụ {first.task.number}</a>: Thiếu số liệu hội nghị' in top
    assert f'<a href="#line-{second.pk}">Nhiệm vụ {second.task.number}</a>: Ghi rõ số lớp' in top
    block = html.split(f'id="line-{first.pk}"')[1].split("</fieldset>")[0]
    assert "Thiếu số liệu hội nghị" in block and "Ghi rõ số lớp" not in block


def test_returning_needs_a_comment_general_or_on_a_line(client, reviewed):
    plan, report, officer, coordinator, officer_client, indicator = reviewed
    client.force_login(coordinator)
    client.post(reverse("reports:report-review", args=[report.pk]), {"decision": "return", "comment": ""})
    report.refresh_from_db()
    assert report.status == "submitted"


def test_the_resubmitted_report_shows_what_changed_since_the_return_and_the_history_too(client, reviewed):
    plan, report, officer, coordinator, officer_client, indicator = reviewed
    line = report.lines.select_related("task").order_by("task__order", "task__number").first()
    client.force_login(coordinator)
    client.post(reverse("reports:report-review", args=[report.pk]), {
        "decision": "return", "comment": "Sửa", f"line-comment-{line.pk}": "Ghi rõ"})
    report.refresh_from_db()
    officer_client.post(report.get_absolute_url(), form_data(report, **{
        f"indicator-{indicator.pk}": "185.000.000", f"line-{line.pk}-achievements": f"Kết quả {line.task.number} rõ hơn"}))
    report.refresh_from_db()
    services.submit_report(report, officer)
    html = client.get(report.get_absolute_url()).content.decode()
    changes = html.split('id="changes"')[1].split("</section>")[0]
    assert f"Nhiệm vụ {line.task.number}" in changes and "<ins>rõ hơn</ins>" in changes
    assert "<del>1.000.000</del> → <ins>185.000.000</ins>" in changes
    assert "Đánh giá chung" not in changes  # unchanged parts are not listed
    history = client.get(reverse("reports:report-history", args=[report.pk])).content.decode()
    assert "<del>1.000.000</del> → <ins>185.000.000</ins>" in history and "<ins>rõ hơn</ins>" in history


def test_a_long_text_changed_in_one_word_is_shown_short():
    from reports.changes import word_diff

    old = " ".join(f"từ{i}" for i in range(5000))
    new = old.replace("từ2500", "TỪ")
    html = word_diff(old, new)
    assert "<del>từ2500</del> <ins>TỪ</ins>" in html and len(html) < 400


def test_a_copy_made_in_the_page_is_marked_and_refused_unchanged(client, world):
    plan, report, officer = world
    open_year(plan, 2023)
    last = AgencyReport.objects.get(plan=plan, year=2023, agency=report.agency)
    services.save_report(last, officer, expected_version=last.version, general={"overall_assessment": "Tốt"},
                         lines={l.pk: {"status": "in_progress", "achievements": f"Năm 2023: {l.task.number}",
                                       "quantity_achieved": 1} for l in last.lines.all()},
                         indicators={i.pk: Decimal(1) for i in plan.indicators.all()})
    services.submit_report(AgencyReport.objects.get(pk=last.pk), officer)
    line = report.lines.get(task__number="1.1")
    client.force_login(officer)
    # What static/js/report_form.js posts after copying in the page: the text and the hidden mark.
    client.post(report.get_absolute_url(), form_data(report, **{
        f"line-{line.pk}-achievements": "Năm 2023:  1.1 ", f"line-{line.pk}-copied": "True"}))
    report.refresh_from_db()
    assert any("y nguyên báo cáo năm trước" in p for p in services.missing_parts(report))


def test_the_submit_page_links_each_missing_part_to_its_place_in_the_form(client, world):
    plan, report, officer = world
    line = report.lines.select_related("task").order_by("task__order", "task__number").first()
    client.force_login(officer)
    html = client.get(reverse("reports:report-submit", args=[report.pk])).content.decode()
    url = report.get_absolute_url()
    assert f'<a href="{url}#line-{line.pk}">Nhiệm vụ {line.task.number}: chưa chọn tình trạng thực hiện.</a>' in html
    assert f'<a href="{url}#id_overall_assessment">Chưa ghi đánh giá chung.</a>' in html
