"""Session 12 (issue #18, helper "form3"): the officer's report form, its saves and its submission made cheaper,
seen through the pages: what each page shows stays what it showed (files per line in upload order, the review and
reopen forms only for who may use them), with query counts that do not grow with the data."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agencies.models import Agency
from reports import services
from reports.models import AgencyReport, Evidence
from testing.factories import fill_report, make_user, report_world


@pytest.fixture
def world(db, django_user_model):
    return report_world(django_user_model)


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def page(browser, report):
    response = browser.get(report.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def line_part(html, line):
    """The HTML of one line's block (the form's fieldset, or the read-only page's line)."""
    found = re.search(rf'id="line-{line.pk}".*?(?=id="line-|<section id="general"|<h2 id="indicators"|'
                      rf'<h2 id="general"|$)', html, re.S)
    assert found, f"line {line.pk} not on the page"
    return found.group(0)


def add_file(line, name, minutes):
    return Evidence.objects.create(
        task_report=line, file=f"evidence/2024/{name}", original_name=name, content_type="application/pdf",
        size=1234, uploaded_at=timezone.now() - datetime.timedelta(minutes=minutes))


def listed(html):
    return re.findall(r'<a href="/[^"]*evidence/\d+/[^"]*">([^<]+)</a>', html)


def test_each_line_lists_its_own_files_in_upload_order(world):
    report, officer = world.report, world.officer
    first, second = report.lines.order_by("pk")[:2]
    # Uploaded in the order b, a (the later row first): shown by upload time, not by id.
    add_file(first, "sau.pdf", minutes=1)
    add_file(first, "truoc.pdf", minutes=5)
    add_file(second, "cua-dong-hai.pdf", minutes=3)
    # Another agency's report of the same plan and year: its files are never on this page.
    other = AgencyReport.objects.filter(plan=report.plan, year=report.year).exclude(pk=report.pk).first()
    add_file(other.lines.first(), "cua-don-vi-khac.pdf", minutes=2)
    html = page(signed_in(officer), report)
    assert 'id="report-form"' in html
    assert listed(line_part(html, first)) == ["truoc.pdf", "sau.pdf"]
    assert listed(line_part(html, second)) == ["cua-dong-hai.pdf"]
    assert "cua-don-vi-khac.pdf" not in html
    # Each file's delete button names its own file.
    assert re.search(r'name="delete_evidence" value="\d+" class="link" data-name="truoc.pdf"', html)


def test_the_read_only_page_lists_the_files_too(world):
    report, officer = world.report, world.officer
    fill_report(report, officer)
    line = report.lines.order_by("pk").first()
    add_file(line, "b.pdf", minutes=1)
    add_file(line, "a.pdf", minutes=9)
    services.submit_report(AgencyReport.objects.get(pk=report.pk), officer)
    for reader in (officer, world.coordinator):
        html = page(signed_in(reader), report)
        assert 'id="report-form"' not in html
        assert listed(line_part(html, line)) == ["a.pdf", "b.pdf"]


def queries(browser, report):
    with CaptureQueriesContext(connection) as captured:
        page(browser, report)
    return len(captured)


def test_the_form_page_reads_as_many_statements_with_more_files(world):
    report, officer = world.report, world.officer
    browser = signed_in(officer)
    page(browser, report)  # the session's first request
    services.save_report(report, officer, expected_version=1, general={"difficulties": "Một"})
    few = queries(browser, report)
    for line in report.lines.all():
        for n in range(3):
            add_file(line, f"tep-{line.pk}-{n}.pdf", minutes=n)
    report = AgencyReport.objects.get(pk=report.pk)
    services.save_report(report, officer, expected_version=report.version, general={"difficulties": "Hai"})
    assert queries(browser, report) == few


def three_indicators(world):
    """The plan's indicator "Tin, bài" and two more; the report: one value given, one row without a value, one
    without a row; another agency's report of the year: a value for each (never this report's)."""
    from reports.models import Indicator, IndicatorValue

    plan, report = world.plan, world.report
    given = Indicator.objects.get(plan=plan, code="tin-bai")
    empty = Indicator.objects.create(plan=plan, code="hoi-nghi", name="Hội nghị", unit="cuộc", order=2)
    absent = Indicator.objects.create(plan=plan, code="lop-hoc", name="Lớp tập huấn", unit="lớp", order=3)
    IndicatorValue.objects.create(report=report, indicator=given, value=42)
    IndicatorValue.objects.create(report=report, indicator=empty, value=None)
    other = AgencyReport.objects.filter(plan=plan, year=report.year).exclude(pk=report.pk).first()
    for n, indicator in enumerate((given, empty, absent)):
        IndicatorValue.objects.create(report=other, indicator=indicator, value=7771 + n)
    return given, empty, absent


def test_the_form_and_the_confirm_page_see_the_reports_own_indicator_values(world):
    from django.urls import reverse

    report, officer = world.report, world.officer
    given, empty, absent = three_indicators(world)
    # Every line and the assessment (fill_report without its indicators): the indicators as above.
    lines = {line.pk: {"status": "done_for_year", "achievements": "Đã làm",
                       "quantity_achieved": 1 if line.task.target_quantity else None}
             for line in report.lines.select_related("task")}
    report = services.save_report(report, officer, expected_version=report.version, lines=lines,
                                  general={"overall_assessment": "Hoàn thành tốt."})
    browser = signed_in(officer)
    html = page(browser, report)
    assert f'name="indicator-{given.pk}" value="42"' in html
    assert re.search(rf'<input type="text" name="indicator-{empty.pk}"(?! value)', html)
    assert re.search(rf'<input type="text" name="indicator-{absent.pk}"(?! value)', html)
    assert "7771" not in html and "7772" not in html and "7773" not in html
    confirm = browser.get(reverse("reports:report-submit", args=[report.pk])).content.decode()
    assert "Chỉ tiêu “Tin, bài”" not in confirm
    assert f'href="{report.get_absolute_url()}#id_indicator-{empty.pk}"' in confirm
    assert f'href="{report.get_absolute_url()}#id_indicator-{absent.pk}"' in confirm
    # The submission is refused for the same two, and goes once they are given.
    refused = browser.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Chỉ tiêu “Hội nghị”" in text and "Chỉ tiêu “Lớp tập huấn”" in text and "Chỉ tiêu “Tin, bài”" not in text
    services.save_report(report, officer, expected_version=report.version, indicators={empty.pk: 0, absent.pk: 3})
    report = AgencyReport.objects.get(pk=report.pk)
    done = browser.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})
    assert done.status_code == 302 and AgencyReport.objects.get(pk=report.pk).status == AgencyReport.Status.SUBMITTED
    # Read-only now: the table shows this report's values.
    html = page(browser, report)
    assert "<th scope=\"row\">Tin, bài</th><td>42 tin, bài</td>" in html and "7771" not in html


def test_the_form_and_confirm_pages_read_as_many_statements_with_more_indicators(world):
    from django.urls import reverse

    from reports.models import Indicator

    report, officer = world.report, world.officer
    browser = signed_in(officer)
    page(browser, report)
    confirm = reverse("reports:report-submit", args=[report.pk])

    def counts():
        services.save_report(AgencyReport.objects.get(pk=report.pk), officer,
                             expected_version=AgencyReport.objects.get(pk=report.pk).version,
                             general={"difficulties": str(timezone.now())})
        fresh = AgencyReport.objects.get(pk=report.pk)
        with CaptureQueriesContext(connection) as on_page:
            page(browser, fresh)
        with CaptureQueriesContext(connection) as on_confirm:
            assert browser.get(confirm).status_code == 200
        return len(on_page), len(on_confirm)

    few = counts()
    for n in range(6):
        Indicator.objects.create(plan=world.plan, code=f"them-{n}", name=f"Thêm {n}", order=10 + n)
    assert counts() == few
