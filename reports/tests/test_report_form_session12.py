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
