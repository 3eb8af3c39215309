"""Per-year reporting parameters (issue #13, item 4): who receives and compiles the reports, and what heads the
compiled report, copied from the plan when a year is opened and edited for that year only. Changing 2025's
leaves the 2023 and 2024 exports as they were; renaming an agency later changes no opened year's header."""

import io

import django.contrib.auth

import docx
import openpyxl
import pytest
from django.urls import reverse

from agencies.models import Agency, Membership
from reports.models import ReportingYear
from reports.services import open_reporting_year
from reports.tests.test_overview import scenario  # noqa: F401 (the fixture)
from testing.factories import fill_report, make_agency, make_user

NEW = {
    "recipient_name": "Sở Văn hóa, Thể thao và Du lịch",
    "superior_name": "UBND tỉnh Bắc Ninh",
    "place": "Bắc Ninh",
    "onward_to": "UBND tỉnh\nBộ Văn hóa, Thể thao và Du lịch",
    "revision": 0,  # the revision of a year just opened, as the page's hidden field gives it
}


def _export(client, s, year, kind):
    client.force_login(s.coordinator)
    response = client.get(reverse(f"reports:year-export-{kind}", args=[s.plan.pk, year]))
    assert response.status_code == 200
    return response.content


def _docx_text(content):
    """Every paragraph of the document, the tables' cells included, in order."""
    document = docx.Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return texts


def _xlsx_values(content):
    book = openpyxl.load_workbook(io.BytesIO(content))
    return {sheet.title: [list(r) for r in sheet.iter_rows(values_only=True)] for sheet in book.worksheets} | {
        "creator": book.properties.creator}


def _header(content):
    head = docx.Document(io.BytesIO(content)).tables[0]
    return head.cell(0, 0).text.splitlines(), head.cell(1, 1).text


def _onward(content):
    tables = docx.Document(io.BytesIO(content)).tables
    sign = next(t for t in tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    return sign.cell(0, 0).text.splitlines()


def _snapshot(client, s, years=(2023, 2024)):
    return {(y, k): (_docx_text if k == "docx" else _xlsx_values)(_export(client, s, y, k))
            for y in years for k in ("docx", "xlsx")}


def _edit(client, s, year, **values):
    client.force_login(s.coordinator)
    return client.post(reverse("reports:year-parameters", args=[s.plan.pk, year]), {**NEW, **values})


def test_opening_a_year_copies_the_plans_parameters_as_text(scenario):
    ry = open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    recipient = scenario.plan.report_recipient
    assert (ry.recipient, ry.recipient_name, ry.superior_name, ry.place, ry.onward_to) == (
        recipient, "Sở Thông tin và Truyền thông", "UBND tỉnh Bắc Giang", "Bắc Giang",
        "UBND tỉnh\nBộ Thông tin và Truyền thông")
    assert ry.onward_list == ["UBND tỉnh", "Bộ Thông tin và Truyền thông"]
    assert ry.history.count() == 1


def test_changing_2025s_parameters_leaves_2023_and_2024_exports_as_they_were(client, scenario):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    before = _snapshot(client, scenario)
    assert _header(_export(client, scenario, 2025, "docx"))[0] == ["UBND TỈNH BẮC GIANG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]

    response = _edit(client, scenario, 2025)
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:year-submissions", args=[scenario.plan.pk, 2025])

    assert _snapshot(client, scenario) == before
    new = _export(client, scenario, 2025, "docx")
    assert _header(new) == (["UBND TỈNH BẮC NINH", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"], "Bắc Ninh, ngày … tháng … năm …")
    assert _onward(new)[:3] == ["Nơi nhận:", "- UBND tỉnh;", "- Bộ Văn hóa, Thể thao và Du lịch;"]
    texts = _docx_text(new)
    assert any("Sở Văn hóa, Thể thao và Du lịch báo cáo kết quả thực hiện năm 2025" in t for t in texts)
    assert not any("Sở Thông tin và Truyền thông" in t for t in texts)
    # The plan itself is the plan: issued by UBND tỉnh Bắc Giang in 2023, still cited as such.
    assert any("của UBND tỉnh Bắc Giang về" in t for t in texts)
    overview = _xlsx_values(_export(client, scenario, 2025, "xlsx"))
    assert ["Cơ quan tổng hợp", "Sở Văn hóa, Thể thao và Du lịch"] == overview["Tổng quan"][6][:2]
    assert overview["creator"] == "Sở Văn hóa, Thể thao và Du lịch"
    ry = ReportingYear.objects.get(plan=scenario.plan, year=2025)
    latest = ry.history.first()
    assert (latest.history_user, latest.history_change_reason, latest.recipient_name) == (
        scenario.coordinator, "parameters", "Sở Văn hóa, Thể thao và Du lịch")


def test_renaming_the_recipient_agency_later_changes_no_opened_years_header(client, scenario):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    before = _snapshot(client, scenario, years=(2023, 2024, 2025))
    recipient = scenario.plan.report_recipient
    recipient.name = "Sở Khoa học và Công nghệ"
    recipient.save()
    # The plan corrected for the years still to open (its issuer stays: the plan was issued by UBND tỉnh Bắc Giang).
    scenario.plan.report_recipient = make_agency(name="Sở Văn hóa, Thể thao và Du lịch", kind="department")
    scenario.plan.place = "Bắc Ninh"
    scenario.plan.report_onward_to = "UBND tỉnh; Bộ Khoa học và Công nghệ"
    scenario.plan.save()
    assert _snapshot(client, scenario, years=(2023, 2024, 2025)) == before
    assert _header(_export(client, scenario, 2025, "docx"))[0] == ["UBND TỈNH BẮC GIANG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]


def test_a_year_never_opened_takes_the_plans_parameters(client, scenario):
    assert not ReportingYear.objects.filter(plan=scenario.plan, year=2025).exists()
    Agency.objects.filter(pk=scenario.plan.report_recipient_id).update(name="Sở Khoa học và Công nghệ")
    content = _export(client, scenario, 2025, "docx")
    assert _header(content)[0] == ["UBND TỈNH BẮC GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    client.force_login(scenario.coordinator)
    page = client.get(reverse("reports:year-submissions", args=[scenario.plan.pk, 2025])).content.decode()
    assert "lấy thông số của kế hoạch" in page and "Sở Khoa học và Công nghệ" in page
    assert 'action="%s"' % reverse("reports:year-parameters", args=[scenario.plan.pk, 2025]) not in page
    # Nothing to edit before the year is opened.
    assert _edit(client, scenario, 2025).status_code == 404


def test_reopening_a_year_keeps_its_edited_parameters(client, scenario):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    _edit(client, scenario, 2025)
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    ry = ReportingYear.objects.get(plan=scenario.plan, year=2025)
    assert {k: getattr(ry, k) for k in NEW if k != "revision"} == {k: v for k, v in NEW.items() if k != "revision"}
    assert ry.recipient == scenario.plan.report_recipient  # the link is the admin's to change


def test_the_submissions_page_shows_the_years_parameters_and_the_form_to_coordinators(client, scenario):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    _edit(client, scenario, 2025)
    url = reverse("reports:year-submissions", args=[scenario.plan.pk, 2025])
    client.force_login(scenario.coordinator)
    page = client.get(url).content.decode()
    assert "UBND tỉnh Bắc Ninh" in page and "UBND tỉnh; Bộ Văn hóa, Thể thao và Du lịch" in page
    assert 'action="%s"' % reverse("reports:year-parameters", args=[scenario.plan.pk, 2025]) in page
    assert "csrfmiddlewaretoken" in page
    client.force_login(scenario.viewer)
    page = client.get(url).content.decode()
    assert "UBND tỉnh Bắc Ninh" in page
    assert reverse("reports:year-parameters", args=[scenario.plan.pk, 2025]) not in page


@pytest.mark.parametrize("persona", ["viewer", "officer", "other_coordinator_none"])
def test_the_edit_is_refused_to_non_coordinators(client, scenario, django_user_model, persona):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    user = {"viewer": scenario.viewer, "officer": scenario.officer}.get(persona) or make_user(
        django_user_model, "staff", is_staff=True)
    client.force_login(user)
    response = client.post(reverse("reports:year-parameters", args=[scenario.plan.pk, 2025]), NEW)
    assert response.status_code == 403
    ry = ReportingYear.objects.get(plan=scenario.plan, year=2025)
    assert ry.recipient_name == "Sở Thông tin và Truyền thông"


def test_a_coordinator_of_another_agency_may_edit_as_they_may_open_years(client, scenario, django_user_model):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    other = make_user(django_user_model, "coord2", make_agency(name="Sở khác", kind="department"),
                      role=Membership.Role.COORDINATOR)
    client.force_login(other)
    assert client.post(reverse("reports:year-parameters", args=[scenario.plan.pk, 2025]), NEW).status_code == 302


def test_bad_input_is_refused_with_vietnamese_messages_and_nothing_saved(client, scenario):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    response = _edit(client, scenario, 2025, recipient_name="   ", place="x" * 101)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Cần ghi tên cơ quan tổng hợp báo cáo" in page
    assert "Chưa lưu thông số báo cáo năm 2025" in page
    assert "101" in page and "100" in page  # Django's own message on the length, in Vietnamese
    assert "<details open>" in page
    ry = ReportingYear.objects.get(plan=scenario.plan, year=2025)
    assert (ry.recipient_name, ry.place) == ("Sở Thông tin và Truyền thông", "Bắc Giang")
    assert ry.history.count() == 1


def test_the_edit_needs_a_post_with_csrf(scenario):
    from django.test import Client

    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(scenario.coordinator)
    url = reverse("reports:year-parameters", args=[scenario.plan.pk, 2025])
    assert strict.post(url, NEW).status_code == 403
    assert strict.get(url).status_code == 405


def test_the_admin_edits_a_years_parameters(client, scenario, django_user_model):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    ry = ReportingYear.objects.get(plan=scenario.plan, year=2025)
    admin = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(admin)
    url = reverse("admin:reports_reportingyear_change", args=[ry.pk])
    assert client.get(url).status_code == 200
    new_recipient = make_agency(name="Sở Văn hóa, Thể thao và Du lịch", kind="department")
    response = client.post(url, {**NEW, "recipient": new_recipient.pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    ry.refresh_from_db()
    assert (ry.recipient, ry.superior_name, ry.plan, ry.year) == (new_recipient, "UBND tỉnh Bắc Ninh", scenario.plan, 2025)
    assert ReportingYear.objects.get(plan=scenario.plan, year=2024).superior_name == "UBND tỉnh Bắc Giang"
    assert client.get(reverse("admin:reports_reportingyear_history", args=[ry.pk])).status_code == 200


def test_compile_year_reads_the_opened_years_parameters_else_the_plans(client, scenario):
    from reports import aggregates
    from reports.tests.test_overview import TODAY

    assert aggregates.compile_year(scenario.plan, 2025, TODAY).params.pk is None  # never opened: the plan's
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    _edit(client, scenario, 2025)
    params = aggregates.compile_year(scenario.plan, 2025, TODAY).params
    assert (params.pk, params.superior_name) == (ReportingYear.objects.get(plan=scenario.plan, year=2025).pk,
                                                 "UBND tỉnh Bắc Ninh")


def test_the_data_migration_fills_years_opened_before_from_their_plan(scenario):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("reports.migrations.0003_reportingyear_parameters")
    ReportingYear.objects.update(recipient=None, recipient_name="", superior_name="", place="", onward_to="")
    migration.copy_from_plans(apps, None)
    got = {(ry.year, ry.recipient_id, ry.recipient_name, ry.superior_name, ry.place, ry.onward_to)
           for ry in ReportingYear.objects.filter(plan=scenario.plan)}
    assert got == {(y, scenario.plan.report_recipient_id, "Sở Thông tin và Truyền thông", "UBND tỉnh Bắc Giang",
                    "Bắc Giang", "UBND tỉnh\nBộ Thông tin và Truyền thông") for y in (2023, 2024)}


def test_an_agency_submitting_is_told_the_years_recipient(client, scenario):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    _edit(client, scenario, 2025)
    report = fill_report(scenario.plan.agency_reports.get(year=2025, agency=scenario.agencies["A"]), scenario.officer)
    client.force_login(scenario.officer)
    page = client.get(reverse("reports:report-submit", args=[report.pk])).content.decode()
    assert "chuyển tới Sở Văn hóa, Thể thao và Du lịch" in page
    assert client.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version},
                       follow=True).content.decode().count("Đã gửi báo cáo tới Sở Văn hóa, Thể thao và Du lịch.") == 1
    officer = make_user(django.contrib.auth.get_user_model(), "officer-d1", scenario.agencies["D1"])
    report_2023 = fill_report(scenario.plan.agency_reports.get(year=2023, agency=scenario.agencies["D1"]), officer)
    client.force_login(officer)
    page = client.get(reverse("reports:report-submit", args=[report_2023.pk])).content.decode()
    assert "chuyển tới Sở Thông tin và Truyền thông" in page


def test_header_and_signature_from_the_years_parameters_are_printed_and_remembered(client, scenario):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    response = _edit(client, scenario, 2025, report_number="125/BC-SVHTTDL", report_date="2026-01-15",
                     addressee="UBND tỉnh Bắc Ninh", signer_capacity="KT. GIÁM ĐỐC\nPhó Giám đốc",
                     signer_name="Nguyễn Văn Ký")
    assert response.status_code == 302
    document = docx.Document(io.BytesIO(_export(client, scenario, 2025, "docx")))
    head = document.tables[0]
    assert head.cell(1, 0).text == "Số: 125/BC-SVHTTDL"
    assert head.cell(1, 1).text == "Bắc Ninh, ngày 15 tháng 01 năm 2026"
    texts = [p.text for p in document.paragraphs]
    assert "Kính gửi: UBND tỉnh Bắc Ninh." in texts
    sign = next(t for t in document.tables if "Nơi nhận:" in t.cell(0, 0).text).cell(0, 1).text.splitlines()
    assert sign[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and sign[-1] == "Nguyễn Văn Ký"
    assert "(Kèm theo Báo cáo số 125/BC-SVHTTDL ngày 15 tháng 01 năm 2026 của Sở Văn hóa, Thể thao và Du lịch)" \
        in texts
    # Remembered for the year: the form shows them when the page is opened again.
    page = client.get(reverse("reports:year-submissions", args=[scenario.plan.pk, 2025])).content.decode()
    assert 'value="125/BC-SVHTTDL"' in page and "Nguyễn Văn Ký" in page and 'value="2026-01-15"' in page


def test_a_second_coordinator_does_not_overwrite_the_first_silently(client, scenario):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    # Both opened the page on revision 0; the first saves, the second's form is refused, nothing overwritten.
    assert _edit(client, scenario, 2025, signer_name="Người thứ nhất").status_code == 302
    response = _edit(client, scenario, 2025, signer_name="Người thứ hai")
    assert response.status_code == 409
    assert "một người khác đã lưu thông số sau khi bạn mở trang" in response.content.decode()
    ry = ReportingYear.objects.get(plan=scenario.plan, year=2025)
    assert (ry.signer_name, ry.revision) == ("Người thứ nhất", 1)
    assert 'name="revision" value="1"' in response.content.decode()  # the page again, on the new revision
    assert _edit(client, scenario, 2025, signer_name="Người thứ hai", revision=1).status_code == 302


def test_a_bad_report_date_is_refused_in_vietnamese(client, scenario):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    response = _edit(client, scenario, 2025, report_date="31/02/2026")
    assert response.status_code == 400
    assert "Ngày báo cáo không hợp lệ" in response.content.decode()


# --- the parameters' section, cached without the request (reports.views._year_submissions_page) --------------------

def _section(page):
    return page[page.index('<section class="year-parameters">'):page.index("</section>")]


def test_the_cached_parameters_follow_each_save_and_each_reader(client, scenario):
    """Each reader's own section (the form only to those who may edit), their own CSRF token, the stored values
    and revision after every save: the form read from the cache posts on the right revision."""
    from django.test import Client

    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    url = reverse("reports:year-submissions", args=[scenario.plan.pk, 2025])
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(scenario.coordinator)
    first = strict.get(url).content.decode()
    assert 'name="revision" value="0"' in first
    viewer = Client()
    viewer.force_login(scenario.viewer)
    assert 'name="revision"' not in _section(viewer.get(url).content.decode())  # never the coordinator's form
    again = strict.get(url).content.decode()
    token = lambda page: page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]  # noqa: E731
    assert "stand-in" not in token(again) and token(again)
    post = {**NEW, "csrfmiddlewaretoken": token(again)}
    assert strict.post(reverse("reports:year-parameters", args=[scenario.plan.pk, 2025]), post).status_code == 302
    after = _section(strict.get(url).content.decode())
    assert 'name="revision" value="1"' in after and "UBND tỉnh Bắc Ninh" in after
    post = {**NEW, "signer_name": "Người ký lần hai", "revision": 1, "csrfmiddlewaretoken": token(again)}
    assert strict.post(reverse("reports:year-parameters", args=[scenario.plan.pk, 2025]), post).status_code == 302
    assert "Người ký lần hai" in _section(strict.get(url).content.decode())


def test_a_refused_edit_is_never_the_cached_section(client, scenario):
    open_reporting_year(scenario.plan, 2025, scenario.coordinator)
    url = reverse("reports:year-submissions", args=[scenario.plan.pk, 2025])
    client.force_login(scenario.coordinator)
    client.get(url)
    refused = _edit(client, scenario, 2025, recipient_name="   ", place="Nơi gõ sai " + "x" * 95)
    assert refused.status_code == 400 and "Nơi gõ sai" in refused.content.decode()
    clean = _section(client.get(url).content.decode())
    assert "Nơi gõ sai" not in clean and "<details open>" not in clean and "Bắc Giang" in clean
    # Another refused edit shows its own typed text, never the first one's.
    other = _edit(client, scenario, 2025, recipient_name="   ", place="Nơi khác sai " + "y" * 95).content.decode()
    assert "Nơi khác sai" in other and "Nơi gõ sai" not in other
