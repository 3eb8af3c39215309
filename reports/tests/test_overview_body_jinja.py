"""The year overview's body renders with Jinja2 (templates_jinja2/reports/_overview_body.html, session 14): the same
HTML, byte for byte and nothing normalised, as the Django template it replaced (kept as the reference in
reports/tests/reference/reports/overview/_overview_body.html), for one context rendered by both — before, on and after
the due date, a year not opened, overdue tasks and none, invited bodies (sent and not), what people typed in an
agency's name and a task's title, in Vietnamese and English."""

import datetime

import pytest
from django.template import Context
from django.utils import translation

from reports import overview_views
from reports.models import AgencyReport
from reports.naming import names_on_due_date
from reports.tests.test_overview import TODAY, build_scenario
from reports.tests.test_report_body_jinja import ODD, reference_engine
from testing.factories import make_agency

REFERENCE = None


def django_body(plan, year, context):
    global REFERENCE
    if REFERENCE is None:
        REFERENCE = reference_engine()
    template = REFERENCE.get_template("reports/overview/_overview_body.html")
    return template.render(Context({"plan": plan, "year": year, **context}, autoescape=True))


@pytest.fixture
def scenario(db, django_user_model):
    s = build_scenario(django_user_model)
    agency = s.agencies["D2"]
    agency.name = f"UBND huyện {ODD}"
    agency.save()
    task = s.tasks["2.3"]
    task.title = f"Nhiệm vụ {ODD} có tên rất dài " + " ".join(f"từ{i}" for i in range(30))
    task.save()
    guest = make_agency(name=f"Bộ Khách mời {ODD}", kind="ministry")
    AgencyReport.objects.create(plan=s.plan, year=2024, agency=guest, invited=True, version=3,
                                status=AgencyReport.Status.SUBMITTED,
                                first_submitted_at=datetime.datetime(2024, 11, 2, 8, tzinfo=datetime.timezone.utc))
    other = make_agency(name="Bộ Khách mời chưa gửi", kind="ministry")
    AgencyReport.objects.create(plan=s.plan, year=2024, agency=other, invited=True)
    return s


def _both(plan, year, today):
    with names_on_due_date(plan, year):
        context = overview_views._overview_context(plan, year, today)
        return overview_views._body("overview", plan, year, **context), django_body(plan, year, context)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("today", [datetime.date(2024, 6, 1), datetime.date(2024, 11, 12), datetime.date(2024, 11, 15),
                                   TODAY, datetime.date(2025, 3, 1)])
def test_the_jinja2_body_is_the_django_templates(scenario, language, today):
    with translation.override(language):
        jinja, django = _both(scenario.plan, 2024, today)
    assert jinja == django
    assert "&lt;b&gt;&amp;&quot;&#x27;" in jinja and ODD not in jinja
    assert "Bộ Khách mời chưa gửi" in jinja


def test_every_part_of_the_body_is_compared(scenario):
    """The cases above reach every branch: days left, the due day, days past; overdue tasks and none."""
    seen = {}
    for today in (datetime.date(2024, 6, 1), datetime.date(2024, 11, 15), TODAY, datetime.date(2025, 3, 1)):
        seen[today] = _both(scenario.plan, 2024, today)[0]
    assert "còn 167 ngày" in seen[datetime.date(2024, 6, 1)]
    assert "hạn là hôm nay" in seen[datetime.date(2024, 11, 15)]
    assert "đã quá hạn" in seen[datetime.date(2025, 3, 1)]
    assert "Nhiệm vụ quá hạn hoàn thành" in seen[datetime.date(2025, 3, 1)]
    assert "Nhiệm vụ quá hạn hoàn thành" not in seen[datetime.date(2024, 6, 1)]
    assert "Thiếu (quá hạn chưa gửi)" in seen[datetime.date(2025, 3, 1)]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_year_not_opened_is_the_django_templates(scenario, language):
    with translation.override(language):
        jinja, django = _both(scenario.plan, 2025, TODAY)
    assert jinja == django
    assert "reporting period" in jinja or "kỳ báo cáo chưa được mở" in jinja
