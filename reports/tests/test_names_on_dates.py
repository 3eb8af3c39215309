"""Issue #13: every screen about a date names each agency by the name in force on that date (agencies.naming)."""

import datetime
import io
import re

import docx
import openpyxl
import pytest
from django.urls import reverse

from agencies.models import Agency, AgencyChange
from agencies.succession import apply_change
from reports.models import AgencyReport
from reports.services import open_reporting_year
from tasks.models import Task

OLD, NEW = "Sở Tư pháp", "Sở Pháp chế và Tư pháp tỉnh"


def _text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _xlsx_text(content):
    book = openpyxl.load_workbook(io.BytesIO(content))
    return " ".join(str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
                    if c is not None)


def _docx_text(content):
    document = docx.Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(texts)


@pytest.fixture
def renamed(seed, admin_user):
    for year in (2024, 2026):
        open_reporting_year(seed, year, admin_user)
    body = Agency.objects.get(code="so-tu-phap")
    assert body.name == OLD
    change = AgencyChange.objects.create(code="doi-ten-stp", kind="rename", effective_date=datetime.date(2026, 3, 1),
                                         new_name=NEW, act_number="12/NQ-HĐND", act_date=datetime.date(2026, 2, 20))
    change.predecessors.set([body])
    apply_change(change)
    return seed


def _pages(client, plan, year):
    texts = {}
    for name in ("year-overview", "year-tasks", "year-submissions"):
        texts[name] = _text(client.get(reverse(f"reports:{name}", args=[plan.pk, year])).content.decode())
    texts["xlsx"] = _xlsx_text(client.get(reverse("reports:year-export-xlsx", args=[plan.pk, year])).content)
    texts["docx"] = _docx_text(client.get(reverse("reports:year-export-docx", args=[plan.pk, year])).content)
    report = AgencyReport.objects.get(plan=plan, year=year, agency__code="so-tu-phap")
    texts["report"] = _text(client.get(report.get_absolute_url()).content.decode())
    return texts


def test_a_rename_in_2026_leaves_the_2024_pages_and_exports_with_the_old_name(renamed, admin_user, client):
    client.force_login(admin_user)
    for where, text in _pages(client, renamed, 2024).items():
        assert OLD in text and NEW not in text, where
    for where, text in _pages(client, renamed, 2026).items():
        if where in ("docx",):
            continue  # the compiled text names no agency that has nothing to report
        assert NEW in text, where
    assert Agency.objects.get(code="so-tu-phap").name == NEW  # the stored name is the new one


def test_an_agency_shown_with_a_past_name_cannot_be_saved(renamed):
    from agencies.naming import names_on

    with names_on(datetime.date(2024, 11, 15)):
        body = Agency.objects.get(code="so-tu-phap")
        assert body.name == OLD and body.name_on(datetime.date(2026, 11, 15))[0] == NEW
        with pytest.raises(RuntimeError):
            body.save()
    assert Agency.objects.get(code="so-tu-phap").name == NEW


def test_the_officers_form_shown_again_after_a_refused_save_names_the_agency_as_on_the_due_date(
        renamed, client, django_user_model):
    from testing.factories import make_user

    body = Agency.objects.get(code="so-tu-phap")
    client.force_login(make_user(django_user_model, "officer-stp", body))
    report = AgencyReport.objects.get(plan=renamed, year=2024, agency=body)
    page = client.post(report.get_absolute_url(), {"version": "", "overall_assessment": "x"})
    assert page.status_code == 400 and 'name="save"' in page.content.decode()
    text = _text(page.content.decode())
    assert OLD in text and NEW not in text
    text = _text(client.get(report.get_absolute_url()).content.decode())
    assert OLD in text and NEW not in text
    report = AgencyReport.objects.get(plan=renamed, year=2026, agency=body)
    assert NEW in _text(client.post(report.get_absolute_url(), {"version": ""}).content.decode())


def test_every_year_page_names_the_agency_as_on_the_years_due_date(renamed, admin_user, client, django_user_model):
    """One task's roll-up, the indicator totals and the agencies' words (each takes the due date from the plan it
    read: ``reports.naming.names_on_due_date``) name a body as on the year's due date, as the overview does: the
    name before the 2026 rename on the 2024 pages, the new one on the 2026 pages; from the cache too."""
    from reports.services import submit_report
    from testing.factories import fill_report, make_user

    body = Agency.objects.get(code="so-tu-phap")
    officer = make_user(django_user_model, "officer-stp", body)
    for year in (2024, 2026):
        report = AgencyReport.objects.get(plan=renamed, year=year, agency=body)
        fill_report(report, officer)
        submit_report(AgencyReport.objects.get(pk=report.pk), officer)
    task = Task.objects.filter(task_reports__report__agency=body, task_reports__report__year=2024).filter(
        task_reports__report__agency=body, task_reports__report__year=2026).order_by("pk").first()  # on both years' reports
    client.force_login(admin_user)
    for year, shown, not_shown in ((2024, OLD, NEW), (2026, NEW, OLD)):
        for _read in ("computed", "from the cache"):
            pages = {
                "task": reverse("reports:year-task", args=[renamed.pk, year, task.pk]),
                "indicators": reverse("reports:year-indicators", args=[renamed.pk, year]),
                "feedback": reverse("reports:year-feedback", args=[renamed.pk, year]),
            }
            for where, url in pages.items():
                response = client.get(url)
                assert response.status_code == 200, (where, year)
                text = _text(response.content.decode())
                assert shown in text and not_shown not in text, (where, year, _read)
