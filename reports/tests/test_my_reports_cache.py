"""The officer's "my reports" page (reports:my-reports): its body is rendered once per SITE generation for what it
differs by, reader to reader (reports.views.my_reports, reports.cache.site_page), and never shows a stale value.

Every test runs on local memory and on Redis. What a test reads is the page's HTML: each change the page shows (a
first save, a submission, a return, an acceptance, a renamed agency or plan, a new year, the language, a new day)
shows on the next look, and the page from the cache reads exactly as the page rendered with no cache at all
(``uncached``: Django's dummy cache, every value computed afresh). Each reader gets the body of their own agencies
and roles; the coordinator's open-year forms carry the reader's own CSRF token."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, set_script_prefix

from agencies.models import Membership
from plan_tracker.csrf import CSRF_STAND_IN
from reports import services
from reports.models import AgencyReport
from testing.cache_backends import backend_fixture
from testing.factories import fill_report, make_user, open_year, report_world

backend = backend_fixture()

URL = reverse("reports:my-reports")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@pytest.fixture
def world(db, django_user_model):
    w = report_world(django_user_model)
    who = w.who
    return {
        "plan": w.plan, "who": who, "report": w.report, "officer": w.officer, "coordinator": w.coordinator,
        "district_officer": make_user(django_user_model, "district", who["districts"][0]),
        "viewer": make_user(django_user_model, "viewer", who["districts"][1], role=Membership.Role.VIEWER),
        "nobody": make_user(django_user_model, "nobody"),
    }


def signed_in(user, **kwargs):
    browser = Client(**kwargs)
    browser.force_login(user)
    return browser


def get(browser, **extra):
    response = browser.get(URL, **extra)
    assert response.status_code == 200
    return response.content.decode()


def same(html):
    """The page with its CSRF tokens blanked (Django masks each anew)."""
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


def uncached(browser, settings, **extra):
    """The page rendered with no cache at all (every value computed afresh), the backend put back afterwards."""
    kept = settings.CACHES
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    try:
        return get(browser, **extra)
    finally:
        settings.CACHES = kept


def shown(browser, settings, **extra):
    """The page as served (the cache warm: the second look), checked against the page rendered with no cache."""
    get(browser, **extra)
    html = get(browser, **extra)
    assert same(html) == same(uncached(browser, settings, **extra))
    return html


def main(html):
    """The page's own content (the header around it has its forms and the language menu)."""
    return html.split('<main id="content">')[1].split("</main>")[0]


def row(html, report):
    """The table row of ``report``."""
    found = re.search(r'<tr>\s*<td><a href="%s">.*?</tr>' % re.escape(report.get_absolute_url()), html, re.S)
    assert found, f"no row for report {report.pk}"
    return found.group(0)


def fresh(report):
    return AgencyReport.objects.get(pk=report.pk)


def test_the_second_request_comes_from_the_cache_and_reads_as_rendered_afresh(world, settings):
    browser = signed_in(world["officer"])
    with CaptureQueriesContext(connection) as computed:
        first = get(browser)
    with CaptureQueriesContext(connection) as cached:
        second = get(browser)
    # (counted now: the next request empties the connection's log of queries)
    # The user with their memberships (every role check; one statement: accounts.roles.with_grants; the session from
    # the cache); computed: their agencies' reports (+plan, agency) too, one query whatever their number; from the
    # cache, none of the body's.
    assert (len(computed), len(cached)) == (2, 1)
    assert same(second) == same(first) == same(uncached(browser, settings))
    assert "Báo cáo năm 2024" in first and "Sở Thử nghiệm" in first


def test_a_first_save_shows_at_once(world, settings):
    browser = signed_in(world["officer"])
    report = world["report"]
    assert "Chưa bắt đầu" in row(shown(browser, settings), report)
    services.save_report(report, world["officer"], expected_version=1, general={"difficulties": "x"})
    assert "Đang soạn, chưa gửi" in row(shown(browser, settings), report)


def test_a_submission_shows_at_once(world, settings):
    browser = signed_in(world["officer"])
    report = world["report"]
    fill_report(report, world["officer"])
    before = row(shown(browser, settings), report)
    assert "status-draft" in before and "gửi đúng hạn" not in before and "gửi muộn" not in before
    services.submit_report(fresh(report), world["officer"])
    after = row(shown(browser, settings), report)
    assert "status-submitted" in after and "status-draft" not in after
    assert "gửi muộn" in after or "gửi đúng hạn" in after


def test_a_return_and_an_acceptance_show_at_once(world, settings):
    officer, coordinator = world["officer"], world["coordinator"]
    report = world["report"]
    fill_report(report, officer)
    services.submit_report(fresh(report), officer)
    browser = signed_in(officer)
    assert "status-submitted" in row(shown(browser, settings), report)
    services.review_report(fresh(report), coordinator, accept=False, comment="Bổ sung số liệu")
    assert "status-returned" in row(shown(browser, settings), report)
    fill_report(fresh(report), officer)
    services.submit_report(fresh(report), officer)
    assert "status-submitted" in row(shown(browser, settings), report)
    services.review_report(fresh(report), coordinator, accept=True)
    assert "status-accepted" in row(shown(browser, settings), report)


def test_a_renamed_agency_and_plan_show_at_once(world, settings):
    browser = signed_in(world["officer"])
    report = world["report"]
    assert "Sở Thử nghiệm" in row(shown(browser, settings), report)
    dept = world["who"]["dept"]
    dept.name = "Sở Văn hóa, Thể thao và Du lịch"
    dept.save()
    html = row(shown(browser, settings), report)
    assert "Sở Văn hóa, Thể thao và Du lịch" in html and "Sở Thử nghiệm" not in html
    plan = world["plan"]
    old_number = plan.number
    plan.number = "999/KH-UBND"
    plan.save()
    html = row(shown(browser, settings), report)
    assert "999/KH-UBND" in html and old_number not in html


def test_a_new_year_shows_at_once(world, settings):
    browser = signed_in(world["officer"])
    assert "Báo cáo năm 2025" not in shown(browser, settings)
    open_year(world["plan"], 2025)
    html = shown(browser, settings)
    assert "Báo cáo năm 2025" in html
    assert row(html, AgencyReport.objects.get(year=2025, agency=world["who"]["dept"]))


def test_the_language_is_part_of_the_key(world, settings):
    browser = signed_in(world["officer"])
    assert "Báo cáo của đơn vị tôi" in shown(browser, settings)
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = main(shown(browser, settings))
    assert "Báo cáo của đơn vị tôi" not in english and "My agency's reports" in english
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    assert "Báo cáo của đơn vị tôi" in shown(browser, settings)


def test_each_agencys_officers_get_their_own_rows(world, settings):
    dept_report = world["report"]
    district_report = AgencyReport.objects.get(year=2024, agency=world["who"]["districts"][0])
    mine = shown(signed_in(world["officer"]), settings)
    theirs = shown(signed_in(world["district_officer"]), settings)
    assert row(mine, dept_report) and dept_report.get_absolute_url() not in theirs
    assert row(theirs, district_report) and district_report.get_absolute_url() not in mine


def test_each_role_gets_its_own_body(world, settings):
    """Asked in this order, a key without the roles would serve the one before's body: no agency (the notice), a
    viewer (the years, no forms), a coordinator (the years and the open-year forms)."""
    nobody = main(shown(signed_in(world["nobody"]), settings))
    assert "chưa được gán cho cơ quan nào" in nobody and "Các kỳ báo cáo" not in nobody
    viewer = main(shown(signed_in(world["viewer"]), settings))
    assert "Các kỳ báo cáo" in viewer and "chưa được gán" not in viewer and "<form" not in viewer
    coordinator = main(shown(signed_in(world["coordinator"]), settings))
    assert "Các kỳ báo cáo" in coordinator and reverse("reports:open-year", args=[world["plan"].pk]) in coordinator


def test_a_new_day_selects_its_year_in_the_open_year_forms(world, settings, monkeypatch):
    browser = signed_in(world["coordinator"])
    day = {"value": datetime.date(2024, 12, 31)}
    monkeypatch.setattr("reports.views._today", lambda: day["value"])
    assert '<option value="2024" selected>' in shown(browser, settings)
    day["value"] = datetime.date(2025, 1, 1)
    html = shown(browser, settings)
    assert '<option value="2025" selected>' in html and '<option value="2024" selected>' not in html


def test_the_url_prefix_is_part_of_the_key(world, settings):
    """A site served under a prefix (SCRIPT_NAME; the test client sets none: set here as WSGIHandler would)."""
    browser = signed_in(world["officer"])
    report_url = world["report"].get_absolute_url()
    set_script_prefix("/pt/")
    try:
        assert f'href="/pt{report_url}"' in main(shown(browser, settings))
    finally:
        set_script_prefix("/")
    html = main(shown(browser, settings))
    assert f'href="{report_url}"' in html and "/pt/" not in html


def test_each_coordinator_gets_a_token_of_their_own_that_works(world, django_user_model):
    first = signed_in(world["coordinator"], enforce_csrf_checks=True)
    second = signed_in(world["coordinator"], enforce_csrf_checks=True)
    get(first)
    html = get(second)  # from the cache
    tokens = TOKEN.findall(html)
    assert tokens and CSRF_STAND_IN not in html
    assert tokens[0] not in get(first)  # each browser's own
    response = second.post(reverse("reports:open-year", args=[world["plan"].pk]),
                           {"year": 2025, "csrfmiddlewaretoken": tokens[0]})
    assert response.status_code == 302
    assert "Báo cáo năm 2025" in get(signed_in(world["officer"]))


def test_a_body_rendered_for_a_names_date_is_kept_apart(db):
    """``cache.site_page`` keys on the names date (agencies.naming): a body rendered with the names of one date is
    never served in a block of another date, nor outside one (my-reports runs outside any: its agencies carry their
    names of today)."""
    from agencies.naming import names_on
    from reports.cache import site_page

    today = datetime.date(2025, 12, 1)

    def body(text):
        return lambda: text

    assert site_page("t", (), today, body("today's names")) == "today's names"
    with names_on(datetime.date(2024, 11, 15)):
        assert site_page("t", (), today, body("2024's names")) == "2024's names"
    with names_on(datetime.date(2025, 11, 15)):
        assert site_page("t", (), today, body("2025's names")) == "2025's names"
        assert site_page("t", (), today, body("again")) == "2025's names"  # cached
    assert site_page("t", (), today, body("again")) == "today's names"
