"""Issue #12, item 4: odd input answers 400/404 or a form error in Vietnamese, never 500, and what the person typed
is kept. Several of these only failed on PostgreSQL (integer range, NUL in text): run on both databases."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exchange.formats import CSV, FORMATS, XLSX
from reports.models import AgencyReport, Evidence, ReportEvent, TaskReport
from reports.services import StaleReport, save_report, submit_report
from tasks.models import Task
from testing.factories import fill_report, make_agency, make_plan, make_section, make_task, make_user, report_world

from .test_report_pages import PDF, form_data


@pytest.fixture
def world(db, django_user_model, tmp_media):
    w = report_world(django_user_model)
    return w.plan, w.report, w.officer, w.coordinator


@pytest.fixture
def client(client):
    client.raise_request_exception = False  # a 500 is an answer to look at, not an exception in the test
    return client


# --- The report's version: required, a whole number, never a reason to skip the stale check ---------------------

BAD_VERSIONS = [None, "", "abc", "1.5", "-1", "0", "99999999999999999999", "1\x00"]


@pytest.mark.parametrize("version", BAD_VERSIONS)
def test_submit_without_a_whole_version_is_400_with_a_message_and_nothing_is_submitted(client, world, version):
    plan, report, officer, coordinator = world
    report = fill_report(report, officer)
    client.force_login(officer)
    data = {} if version is None else {"version": version}
    response = client.post(reverse("reports:report-submit", args=[report.pk]), data)
    assert response.status_code == 400
    assert "thiếu số phiên bản" in response.content.decode()
    assert 'name="version"' in response.content.decode()  # the confirm page again, to confirm properly
    report.refresh_from_db()
    assert report.status == "draft" and not report.events.filter(action=ReportEvent.Action.SUBMITTED).exists()


def test_a_missing_version_does_not_skip_the_stale_check(client, world, django_user_model):
    plan, report, officer, coordinator = world
    report = fill_report(report, officer)
    client.force_login(officer)
    confirm = client.get(reverse("reports:report-submit", args=[report.pk]))
    seen = confirm.context["report"].version
    colleague = make_user(django_user_model, "colleague", report.agency)
    save_report(report, colleague, expected_version=seen, general={"proposals": "Ý của đồng nghiệp"})
    for data in ({}, {"version": seen}):
        client.post(reverse("reports:report-submit", args=[report.pk]), data)
        report.refresh_from_db()
        assert report.status == "draft"
    client.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})
    report.refresh_from_db()
    assert report.status == "submitted"


@pytest.mark.parametrize("version", BAD_VERSIONS)
def test_save_without_a_whole_version_is_400_and_the_typed_text_stays(client, world, version):
    plan, report, officer, coordinator = world
    client.force_login(officer)
    data = form_data(report, difficulties="Điều tôi vừa gõ")
    if version is None:
        del data["version"]
    else:
        data["version"] = version
    response = client.post(report.get_absolute_url(), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "thiếu số phiên bản" in html and "Điều tôi vừa gõ" in html
    report.refresh_from_db()
    assert report.difficulties == "" and report.version == 1


def test_the_services_never_skip_the_version_check(world, django_user_model):
    plan, report, officer, coordinator = world
    with pytest.raises(TypeError):
        save_report(report, officer, expected_version=None, general={"proposals": "x"})
    with pytest.raises(TypeError):
        save_report(report, officer, expected_version="1", general={"proposals": "x"})
    stale = AgencyReport.objects.get(pk=report.pk)
    fill_report(report, officer)
    with pytest.raises(StaleReport):  # no version given: the one of the object the caller read
        submit_report(stale, officer)
    assert AgencyReport.objects.get(pk=report.pk).status == "draft"


# --- Numbers beyond the database's integer ------------------------------------------------------------------------

@pytest.mark.parametrize("quantity, saved", [("2147483647", True), ("2147483648", False), ("99999999999999999999", False)])
def test_a_quantity_beyond_the_integer_column_is_a_form_error(client, world, quantity, saved):
    plan, report, officer, coordinator = world
    line = report.lines.get(task__number="1.2")  # the task with a target quantity
    TaskReport.objects.filter(pk=line.pk).update(role="lead")  # the quantity is asked of a lead only
    client.force_login(officer)
    response = client.post(report.get_absolute_url(), form_data(
        report, difficulties="Điều tôi vừa gõ", **{f"line-{line.pk}-quantity_achieved": quantity}))
    line.refresh_from_db()
    if saved:
        assert response.status_code == 302 and line.quantity_achieved == 2147483647
    else:
        assert response.status_code == 400
        html = response.content.decode()
        assert "Số quá lớn" in html and "Điều tôi vừa gõ" in html and quantity in html
        assert line.quantity_achieved is None


def test_an_indicator_beyond_its_column_is_a_form_error(client, world):
    plan, report, officer, coordinator = world
    indicator = plan.indicators.get()
    client.force_login(officer)
    for value in ("1" * 17, "1e400", "NaN", "Infinity"):
        response = client.post(report.get_absolute_url(), form_data(report, **{f"indicator-{indicator.pk}": value}))
        assert response.status_code == 400, value
    assert not report.indicator_values.exclude(value=None).exists()


# --- Years and ids in addresses -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/reports/plan/{plan}/70000/submissions/", "/reports/plan/{plan}/0/submissions/",
    "/reports/plan/{plan}/2019/submissions/", "/reports/plan/{plan}/99999999999999999999/submissions/",
    "/reports/{plan}/70000/", "/reports/{plan}/70000/tasks/", "/reports/{plan}/70000/indicators/",
    "/reports/{plan}/70000/feedback/", "/reports/{plan}/70000/export.xlsx", "/reports/{plan}/70000/export.docx",
    "/reports/{plan}/70000/tasks/{task}/", "/reports/{plan}/2024/tasks/99999999999999999999/",
    "/reports/99999999999999999999/", "/reports/99999999999999999999/history/",
    "/reports/99999999999999999999/submit/", "/reports/evidence/99999999999999999999/",
    "/reports/plan/99999999999999999999/2024/submissions/", "/reports/99999999999999999999/years/",
    # The year pages read the plan and the task by statements compiled once (reports.statements): an id outside
    # its column's range never reaches the database (which would refuse it: a 500), nor a year beyond any plan's.
    "/reports/99999999999999999999/2024/", "/reports/99999999999999999999/2024/tasks/",
    "/reports/99999999999999999999/2024/indicators/", "/reports/99999999999999999999/2024/feedback/",
    "/reports/99999999999999999999/2024/tasks/{task}/", "/reports/9223372036854775808/2024/indicators/",
    "/reports/9223372036854775808/years/", "/reports/9223372036854775807/years/",
    "/reports/9223372036854775807/2024/tasks/{task}/", "/reports/{plan}/2024/tasks/9223372036854775808/",
    "/reports/{plan}/99999999999999999999/", "/reports/{plan}/99999999999999999999/indicators/",
    "/reports/{plan}/99999999999999999999/tasks/{task}/",
    "/reports/99999999999999999999/2024/export.xlsx", "/reports/99999999999999999999/2024/export.docx",
    "/reports/99999999999999999999/2024/draft/",
])
def test_out_of_range_years_and_ids_answer_404(client, world, path):
    plan, report, officer, coordinator = world
    client.force_login(coordinator)
    url = path.format(plan=plan.pk, task=plan.tasks.first().pk)
    assert client.get(url).status_code == 404


def test_a_year_with_reports_still_opens_after_the_plan_was_shortened(client, world):
    plan, report, officer, coordinator = world
    plan.end_year = 2023
    plan.save()
    client.force_login(coordinator)
    assert client.get(reverse("reports:year-submissions", args=[plan.pk, 2024])).status_code == 200


# --- NUL: in admin filters and searches, in imported cells, in uploaded file names ---------------------------------

@pytest.mark.parametrize("query", [
    "reports/agencyreport/?q=%00", "reports/agencyreport/?agency__id__exact=%00",
    "reports/agencyreport/?status__exact=%00", "reports/agencyreport/?status__exact=a%00b&year=2024",
    "reports/agencyreport/?%00=1", "tasks/task/?q=%00", "agencies/agency/?q=%00", "auth/user/?q=%00",
    "reports/agencyreport/1/history/?q=%00",
    "autocomplete/?term=%00&app_label=reports&model_name=indicatorvalue&field_name=indicator",
])
def test_a_nul_in_an_admin_query_string_is_400_with_a_message(client, world, admin_user, query):
    client.force_login(admin_user)
    response = client.get("/admin/" + query)
    assert response.status_code == 400
    assert "ký tự NUL" in response.content.decode()


def test_admin_filters_without_nul_still_work(client, world, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/reports/agencyreport/?status__exact=draft&q=th%E1%BB%AD").status_code == 200


@pytest.fixture
def import_plan(db):
    plan = make_plan(code="kh-thu")
    make_task(make_section(plan, code="II.1"), lead=make_agency(), number="1.1")
    return plan


TASK_HEADER = ["plan", "number", "section", "title", "timeframe_kind"]


def _xlsx(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append([XLSX_ESCAPE(c) for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def XLSX_ESCAPE(text):
    from exchange.formats import escape_xlsx_text

    return escape_xlsx_text(text)


def _csv(rows):
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


@pytest.mark.parametrize("file_format, build", [(CSV, _csv), (XLSX, _xlsx)], ids=["csv", "xlsx"])
def test_a_nul_in_an_imported_cell_is_refused_at_preview_with_its_row(client, import_plan, admin_user, file_format,
                                                                        build):
    rows = [TASK_HEADER, ["kh-thu", "1.1", "II.1", "Tên mới", "ongoing"],
            ["kh-thu", "1.2", "II.1", "Tên có \x00 ở giữa", "ongoing"],
            ["kh\x00-thu", "1.3", "II.1", "Mã kế hoạch có NUL", "ongoing"]]
    before = list(Task.objects.values_list("number", "title"))
    client.force_login(admin_user)
    response = client.post(reverse("admin:tasks_task_import"), {
        "format": str(FORMATS.index(file_format)), "resource": "0",
        "import_file": SimpleUploadedFile("tasks." + file_format().get_title(), build(rows)),
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dòng 3, cột “Nhiệm vụ”: ô có ký tự NUL" in html and "Dòng 4, cột “Mã kế hoạch”: ô có ký tự NUL" in html
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert list(Task.objects.values_list("number", "title")) == before


def test_a_nul_in_an_uploaded_file_name_is_dropped(client, world):
    plan, report, officer, coordinator = world
    line = report.lines.first()
    client.force_login(officer)
    response = client.post(report.get_absolute_url(), form_data(
        report, **{f"line-{line.pk}-evidence": SimpleUploadedFile("biên\x00bản.pdf", PDF)}))
    assert response.status_code == 302
    assert Evidence.objects.get().original_name == "biênbản.pdf"


def test_a_nul_byte_in_the_agency_suggestions_is_a_400_not_a_500(client, django_user_model):
    client.force_login(make_user(django_user_model, "canbo.nul"))
    response = client.get(reverse("portal:suggest"), {"q": "so\x00tu"})
    assert response.status_code == 400
    assert "không hợp lệ" in response.json()["error"]


@pytest.mark.parametrize("path", ["/reports/plan/99999999999999999999/2024/parameters/",
                                  "/reports/plan/99999999999999999999/open/",
                                  "/reports/99999999999999999999/2024/draft/regenerate/"])
def test_a_post_to_a_plan_id_no_column_holds_answers_404(client, world, admin_user, path):
    client.force_login(admin_user)
    assert client.post(path, {"year": "2024", "revision": "0"}).status_code == 404
