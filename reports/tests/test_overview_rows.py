"""The year overview's agency rows, worked out once per process for the values they show (reports/overview_rows.py):
after any change, the page's rows are exactly what working them out afresh gives. Each test warms the memo with the
page as it was, makes one change, and compares the page with a rendering whose memo was emptied first."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils.safestring import mark_safe

from reports import overview_rows
from reports.models import AgencyReport
from reports.services import review_report, save_report, submit_report
from reports.tests.test_overview import TODAY, build_scenario, write

YEAR = 2024


@pytest.fixture
def scenario(db, django_user_model):
    return build_scenario(django_user_model)


@pytest.fixture
def today(monkeypatch):
    day = {"value": TODAY}
    monkeypatch.setattr("reports.overview_views._today", lambda: day["value"])
    return day


def _rows(client, plan):
    """The agencies' tables of the overview, its body computed now (the page cache emptied, the row memo kept)."""
    cache.clear()
    html = client.get(reverse("reports:year-overview", args=[plan.pk, YEAR])).content.decode()
    tables = re.findall(r'<table class="agencies">.*?</table>', html, flags=re.S)
    assert tables
    return tables


def _fresh(client, plan):
    overview_rows.clear()
    return _rows(client, plan)


def _signed_in(client, scenario):
    client.force_login(scenario.coordinator)
    return client


def _check(client, scenario, change):
    before = _rows(client, scenario.plan)
    change()
    after = _rows(client, scenario.plan)
    assert after != before, "the change shows on the page"
    assert after == _fresh(client, scenario.plan)
    return after


def test_rows_in_another_language(client, scenario, today):
    _signed_in(client, scenario)
    after = _check(client, scenario, lambda: client.cookies.load({"django_language": "en"}))
    assert "Submitted late" in "".join(after)


def test_a_renamed_agency(client, scenario, today):
    _signed_in(client, scenario)
    agency = scenario.agencies["B"]

    def rename():
        agency.name = "Sở Đô thị và Nhà ở thử"
        agency.save()

    after = _check(client, scenario, rename)
    assert "Sở Đô thị và Nhà ở thử" in "".join(after)


def test_a_report_started(client, scenario, today):
    """P never touched its report: a save makes it drafting (its status changes, nothing else of its row)."""
    _signed_in(client, scenario)
    report = AgencyReport.objects.get(pk=scenario.reports["P"].pk)
    _check(client, scenario, lambda: save_report(report, None, expected_version=report.version,
                                                 general={"overall_assessment": "P bắt đầu soạn."}))


def test_a_report_accepted(client, scenario, today):
    """Accepting changes the report's status only (its state, on time, and first submission stay)."""
    _signed_in(client, scenario)
    report = AgencyReport.objects.get(pk=scenario.reports["O"].pk)
    after = _check(client, scenario, lambda: review_report(report, scenario.coordinator, accept=True))
    assert "status-accepted" in "".join(after)


def test_days_late_counted_to_an_earlier_due_date(client, scenario, today):
    """The plan's due date moved five days earlier: B, late by 1 day, is late by 6 (its report is unchanged)."""
    _signed_in(client, scenario)

    def earlier():
        scenario.plan.report_due_day = 10
        scenario.plan.save()

    after = _check(client, scenario, earlier)
    assert "6 ngày" in "".join(after)


def test_first_submission_shown_in_another_time_zone(client, scenario, today, settings):
    _signed_in(client, scenario)
    _check(client, scenario, lambda: setattr(settings, "TIME_ZONE", "Europe/Paris"))


def test_a_submission_late(client, scenario, today):
    _signed_in(client, scenario)
    def submit():
        report = AgencyReport.objects.get(pk=scenario.reports["D2"].pk)
        write(report, indicators={"kinh-phi": 0})
        submit_report(AgencyReport.objects.get(pk=report.pk), None)

    after = _check(client, scenario, submit)
    assert "".join(after).count("state-late") == 2  # B, and now D2


def test_a_first_submission_corrected(client, scenario, today):
    """An admin corrects when O first sent its report (an hour earlier, still on time): only the time changes."""
    _signed_in(client, scenario)
    report = AgencyReport.objects.get(pk=scenario.reports["O"].pk)

    def correct():
        AgencyReport.objects.filter(pk=report.pk).update(
            first_submitted_at=report.first_submitted_at - datetime.timedelta(hours=1))

    after = _check(client, scenario, correct)
    assert "08:00 01/11/2024" in "".join(after)


# --- the year pages' nav (reports.overview_views._nav: rendered once per process for the values it shows) ---------

def _nav_html(client, plan, name="reports:year-overview", year=YEAR):
    html = client.get(reverse(name, args=[plan.pk, year])).content.decode()
    return html[html.index('<p class="meta">'):html.index("</nav>", html.index('<nav class="subnav"'))]


def test_the_nav_is_each_readers_own_and_follows_the_plan_the_tab_and_the_language(client, scenario, today):
    from django.test import Client

    from reports import overview_views

    plan = scenario.plan
    client.force_login(scenario.coordinator)
    coordinator = _nav_html(client, plan)
    viewer = Client()
    viewer.force_login(scenario.viewer)
    seen = _nav_html(viewer, plan)
    assert "XLSX" not in seen and "XLSX" in coordinator  # the viewer does not export
    tasks = _nav_html(client, plan, "reports:year-tasks")
    assert tasks != coordinator and 'aria-current="page">Nhiệm vụ' in tasks
    assert '<strong aria-current="true">2023</strong>' in _nav_html(client, plan, year=2023)
    plan.title = "Kế hoạch được đổi tên để thử"
    plan.save()
    assert "Kế hoạch được đổi tên để thử" in _nav_html(client, plan)
    client.cookies.load({"django_language": "en"})
    english = _nav_html(client, plan)
    overview_views._NAVS.clear()
    assert english == _nav_html(client, plan) and "Overview" in english


def _reference_groups(plan, year, state_labels, status_labels):
    """What ``overview_rows.groups`` gives, made the slow way: model instances (``agency_rows``), every row rendered
    afresh from them, the reports counted by ``year_figures``."""
    from django.template import engines

    from reports.aggregates import State, year_figures
    from reports.aggregates.overview import agency_rows

    template = engines["jinja2"].get_template("reports/_overview_row.html")
    groups, invited = agency_rows(plan, year)
    for g in groups:
        g.rows_html = mark_safe("".join("\n    " + template.render({
            "url": reverse("reports:report-detail", args=[row.report.pk]), "name": row.agency.name,
            "state": row.state, "state_label": state_labels[row.state],
            "days_late": row.days_late if row.state == "late" else None,
            "status": row.report.status, "status_label": status_labels[row.report.status],
            "first": row.first_submitted_local}) for row in g.rows))
    f = year_figures(plan, [year])[year]
    return groups, invited, overview_rows.Tally({s: f.count(s) for s in State.ORDER}, f.returned, f.accepted)


def slow_way(m):
    """Make the overview the slow way from now on (``m``: a monkeypatch or its context): the rows by
    ``_reference_groups``, the figures by ``year_figures``, the overdue tasks by ``aggregates.overdue_tasks`` (the ORM's
    queries, built at each request: what the compiled statements of session 15 replaced)."""
    from reports import aggregates, overview_views, statements

    m.setattr(overview_rows, "groups", _reference_groups)
    m.setattr(overview_views, "figures_from_tally",
              lambda plan, year, tally: aggregates.year_figures(plan, [year])[year])
    m.setattr(statements, "overdue_tasks", aggregates.overdue_tasks)


def test_the_pages_rows_are_what_model_rows_give(client, scenario, today, monkeypatch):
    """The overview page reads its agencies as tuples, each worked out once per process (``overview_rows.groups``):
    the page is the one model instances give (``agency_rows``, each row rendered afresh, the figures counted by
    ``year_figures``), byte for byte, with every state, an invited body, a returned report, an agency shown by the
    name it bore on the year's due date, and in English."""
    from agencies.models import AgencyName
    from testing.factories import make_agency

    _signed_in(client, scenario)
    AgencyName.objects.create(agency=scenario.agencies["D1"], name="UBND huyện Một cũ", short_name="H1 cũ",
                              used_until=datetime.date(2025, 1, 1))
    guest = make_agency(name="Bộ Khách mời thử", kind="ministry")
    AgencyReport.objects.create(plan=scenario.plan, year=YEAR, agency=guest, invited=True, version=3,
                                status=AgencyReport.Status.SUBMITTED,
                                first_submitted_at=datetime.datetime(2024, 11, 2, 8, tzinfo=datetime.timezone.utc))
    returned = AgencyReport.objects.get(pk=scenario.reports["B"].pk)
    if returned.status == AgencyReport.Status.SUBMITTED:
        review_report(returned, scenario.coordinator, accept=False, comment="Bổ sung số liệu")

    def page():
        cache.clear()
        html = client.get(reverse("reports:year-overview", args=[scenario.plan.pk, YEAR])).content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)  # masked anew for every response

    fast = page(), page()  # the second with every row remembered
    client.cookies.load({"django_language": "en"})
    fast_english = page()
    client.cookies.load({"django_language": "vi"})
    assert fast[0] == fast[1]
    assert "UBND huyện Một cũ" in fast[0] and "Bộ Khách mời thử" in fast[0]
    for state in ("on_time", "late", "drafting", "not_started"):
        assert f"state-{state}" in fast[0], state
    assert "status-returned" in fast[0] and "status-accepted" in fast[0]
    assert "Nhiệm vụ quá hạn hoàn thành" in fast[0] and "chủ trì báo cáo hoàn thành: 0/1" in fast[0]  # 2.3
    slow_way(monkeypatch)
    assert page() == fast[0]
    client.cookies.load({"django_language": "en"})
    assert page() == fast_english and "Submitted late" in fast_english
