"""Issue #18: the report's page (the officer's form, the read-only report, the coordinator's review) renders its body
once per state of the report and per kind of reader (``reports.cache.report_body``), and never shows a stale value.

Every test runs on local memory and on Redis. What a test reads is the page's HTML, as the browser gets it: the
second request comes from the cache (fewer queries, the same HTML); each change the page shows shows at once (a
draft save, a file added or deleted, a return, an acceptance, a new day, the language); another reader never gets
the owner's form; each reader's form carries its own CSRF token, and text typed as the token's stand-in stays text."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agencies.models import Membership
from plan_tracker.csrf import CSRF_STAND_IN
from reports import services
from reports.models import AgencyReport, Evidence
from testing.cache_backends import backend_fixture
from testing.factories import fill_report, make_user, report_world

from .test_report_pages import PDF, form_data

backend = backend_fixture()

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@pytest.fixture
def world(db, django_user_model, tmp_media):
    w = report_world(django_user_model)
    who = w.who
    colleague = make_user(django_user_model, "colleague", who["dept"])
    other = make_user(django_user_model, "other", who["districts"][0])
    viewer = make_user(django_user_model, "viewer", who["districts"][1], role=Membership.Role.VIEWER)
    return {"plan": w.plan, "report": w.report, "officer": w.officer, "colleague": colleague, "other": other,
            "coordinator": w.coordinator, "viewer": viewer}


def signed_in(user, **kwargs):
    browser = Client(**kwargs)
    browser.force_login(user)
    return browser


def get(browser, report):
    response = browser.get(report.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def same(html):
    """The page with its CSRF tokens blanked (Django masks each anew)."""
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


def counted(browser, report):
    with CaptureQueriesContext(connection) as captured:
        html = get(browser, report)
    return html, len(captured)


def fresh(report):
    return AgencyReport.objects.get(pk=report.pk)


def test_the_second_request_comes_from_the_cache_and_reads_the_same(world):
    browser = signed_in(world["officer"])
    services.save_report(world["report"], world["officer"], expected_version=1, general={"difficulties": "Thiếu người"})
    first, computed = counted(browser, world["report"])
    second, cached = counted(browser, world["report"])
    assert 'id="report-form"' in first and "Thiếu người" in first
    assert same(second) == same(first)
    # From the cache: the user with their agencies (one statement: accounts.roles.with_grants; the session from the
    # cache), the report (its row is the key: every change of the report, a file deleted too, moves its version), its
    # agency's name on the due date.
    assert cached == 3 < computed


def test_the_cached_page_costs_the_same_queries_whatever_the_number_of_lines(world):
    from reports.models import TaskReport
    from tasks.models import Section, Task
    from testing.factories import make_task

    browser = signed_in(world["officer"])
    get(browser, world["report"])
    _html, few = counted(browser, world["report"])
    section = Section.objects.filter(plan=world["plan"]).first()
    for n in range(5):
        make_task(section, lead=world["report"].agency, number=f"9.{n}")
    # Five more lines (written before the tasks' bump is read: the next page is computed afresh).
    TaskReport.objects.bulk_create([TaskReport(report=world["report"], task=t, role="lead")
                                    for t in Task.objects.filter(number__startswith="9.")])
    html, _computed = counted(browser, world["report"])
    assert "9.4." in html
    _html, many = counted(browser, world["report"])
    assert many == few


def a_first_save(world):
    """The draft saved once: its later saves bump no generation (reports.cache.agency_writes); only the report's
    row (its version) tells the page has changed."""
    report = world["report"]
    services.save_report(report, world["officer"], expected_version=1, general={"difficulties": "Lần đầu"})
    return fresh(report)


def test_a_draft_save_shows_at_once(world):
    browser = signed_in(world["officer"])
    report = a_first_save(world)
    get(browser, report)
    response = browser.post(report.get_absolute_url(), form_data(report, difficulties="Khó khăn mới ghi"))
    assert response.status_code == 302
    html = get(browser, report)
    assert "Khó khăn mới ghi" in html
    assert f'name="version" value="{fresh(report).version}"' in html


def test_a_colleagues_save_shows_at_once(world):
    """Two officers of the agency: what one saves, the other sees on their next look."""
    report = a_first_save(world)
    mine, theirs = signed_in(world["officer"]), signed_in(world["colleague"])
    get(mine, report), get(theirs, report)
    theirs.post(report.get_absolute_url(), form_data(report, proposals="Đề xuất của đồng nghiệp"))
    assert "Đề xuất của đồng nghiệp" in get(mine, report)


def test_a_file_added_and_deleted_shows_at_once(world):
    browser = signed_in(world["officer"])
    report = a_first_save(world)
    line = report.lines.order_by("pk").first()
    assert 'class="files"' not in get(browser, report)
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    browser.post(report.get_absolute_url(), {**form_data(report), f"line-{line.pk}-evidence": upload})
    evidence = Evidence.objects.get()
    listed = f'href="{reverse("reports:evidence-download", args=[evidence.pk])}"'
    version = fresh(report).version
    assert version == report.version + 1  # a file comes with a save: the version moves
    html = get(browser, report)
    assert listed in html and f'name="version" value="{version}"' in html
    # Deleted from its own page (no draft saved): a change of the report, its version moves (the body's key).
    response = browser.post(reverse("reports:evidence-delete", args=[evidence.pk]))
    assert response.status_code == 302
    html = get(browser, report)
    assert listed not in html and 'class="files"' not in html
    assert f'name="version" value="{version + 1}"' in html and fresh(report).version == version + 1


def test_a_return_and_an_acceptance_show_at_once(world):
    officer, coordinator = world["officer"], world["coordinator"]
    report = world["report"]
    fill_report(report, officer)
    services.submit_report(fresh(report), officer)
    mine, theirs = signed_in(officer), signed_in(coordinator)
    read_only = get(mine, report)
    assert 'id="report-form"' not in read_only and 'id="review-form"' not in read_only
    assert 'id="review-form"' in get(theirs, report)
    theirs.post(reverse("reports:report-review", args=[report.pk]), {"decision": "return", "comment": "Bổ sung số liệu"})
    html = get(mine, report)
    assert 'id="report-form"' in html and "Bổ sung số liệu" in html
    assert 'id="review-form"' not in get(theirs, report)
    fill_report(fresh(report), officer)
    services.submit_report(fresh(report), officer)
    get(mine, report)
    theirs.post(reverse("reports:report-review", args=[report.pk]), {"decision": "accept", "comment": ""})
    html = get(mine, report)
    assert 'id="report-form"' not in html and "status-accepted" in html


def test_other_readers_never_get_the_owners_form(world):
    report = world["report"]
    services.save_report(report, world["officer"], expected_version=1, general={"difficulties": "Bản nháp riêng"})
    owner = get(signed_in(world["officer"]), report)
    assert 'id="report-form"' in owner and "Bản nháp riêng" in owner
    for name in ("coordinator", "viewer"):
        html = get(signed_in(world[name]), report)  # a draft: its state only
        assert 'id="report-form"' not in html and "Bản nháp riêng" not in html
    assert signed_in(world["other"]).get(report.get_absolute_url()).status_code == 404


def test_the_owner_never_gets_the_reviewers_form(world):
    report = world["report"]
    fill_report(report, world["officer"])
    services.submit_report(fresh(report), world["officer"])
    assert 'id="review-form"' in get(signed_in(world["coordinator"]), report)
    for name in ("officer", "viewer"):
        html = get(signed_in(world[name]), report)
        assert 'id="review-form"' not in html and 'id="report-form"' not in html


def test_each_reader_gets_a_token_of_their_own_that_works(world):
    report = world["report"]
    first = signed_in(world["officer"], enforce_csrf_checks=True)
    second = signed_in(world["officer"], enforce_csrf_checks=True)
    get(first, report)
    html = get(second, report)  # from the cache
    tokens = TOKEN.findall(html)
    assert tokens and CSRF_STAND_IN not in html
    form = html.split('id="report-form"')[1]
    token = TOKEN.search(form).group(1)
    assert token not in get(first, report)  # each browser's own
    response = second.post(report.get_absolute_url(), {**form_data(report), "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_text_typed_as_the_stand_in_never_gets_a_token(world):
    report = world["report"]
    typed = f'name="csrfmiddlewaretoken" value="{CSRF_STAND_IN}"'
    services.save_report(report, world["officer"], expected_version=1,
                         general={"difficulties": CSRF_STAND_IN, "proposals": typed})
    browser = signed_in(world["officer"])
    get(browser, report)
    html = get(browser, report)  # from the cache
    tokens = TOKEN.findall(html)
    assert tokens and CSRF_STAND_IN not in tokens
    difficulties = html.split('name="difficulties"')[1].split("</textarea>")[0]
    proposals = html.split('name="proposals"')[1].split("</textarea>")[0]
    assert CSRF_STAND_IN in difficulties and CSRF_STAND_IN in proposals
    assert not any(token in difficulties + proposals for token in tokens)


def test_a_refused_save_shows_what_was_typed_and_is_never_cached(world):
    browser = signed_in(world["officer"])
    report = world["report"]
    indicator = world["plan"].indicators.get()
    get(browser, report)
    response = browser.post(report.get_absolute_url(), form_data(
        report, difficulties="Điều tôi vừa gõ", **{f"indicator-{indicator.pk}": "12,5,3"}))
    html = response.content.decode()
    assert response.status_code == 400 and "Điều tôi vừa gõ" in html and "error-summary" in html
    again = get(browser, report)
    assert "Điều tôi vừa gõ" not in again and "error-summary" not in again


def test_a_stale_save_keeps_what_was_typed(world):
    browser = signed_in(world["officer"])
    report = world["report"]
    get(browser, report)
    data = form_data(report, difficulties="Gõ trên trang cũ")
    services.save_report(report, world["colleague"], expected_version=1, general={"difficulties": "Của đồng nghiệp"})
    response = browser.post(report.get_absolute_url(), data)
    assert response.status_code == 409 and "Gõ trên trang cũ" in response.content.decode()
    html = get(browser, report)
    assert "Của đồng nghiệp" in html and "Gõ trên trang cũ" not in html


def test_messages_stay_out_of_the_cached_page(world):
    browser = signed_in(world["officer"])
    report = world["report"]
    browser.post(report.get_absolute_url(), form_data(report))
    assert "Đã lưu bản nháp." in get(browser, report)
    assert "Đã lưu bản nháp." not in get(browser, report)  # the same page from the cache, without the message


def test_a_new_day_shows_at_once(world, monkeypatch):
    browser = signed_in(world["officer"])
    report = world["report"]
    days = (report.due_date - timezone.localdate()).days
    late = f"quá hạn {-days} ngày"
    assert late in get(browser, report)
    real = timezone.localdate

    def tomorrow(value=None, timezone=None):
        return real(value, timezone) if value is not None else real() + datetime.timedelta(days=1)

    monkeypatch.setattr("django.utils.timezone.localdate", tomorrow)
    html = get(browser, report)
    assert f"quá hạn {1 - days} ngày" in html and late not in html


def test_the_language_is_part_of_the_key(world, settings):
    browser = signed_in(world["officer"])
    report = world["report"]
    assert "Lưu nháp" in get(browser, report)
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = get(browser, report)
    assert "Save draft" in english and "Lưu nháp" not in english
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    assert "Lưu nháp" in get(browser, report)


def test_a_renamed_saver_shows_at_once(world):
    """The page names who saved last: a user's new name shows on the next look."""
    report = world["report"]
    colleague = world["colleague"]
    services.save_report(report, colleague, expected_version=1, general={"difficulties": "x"})
    browser = signed_in(world["officer"])
    get(browser, report)
    assert "— colleague" in get(browser, report)
    colleague.username = "lan-nguyen"
    colleague.save()
    html = get(browser, report)
    assert "— lan-nguyen" in html and "— colleague" not in html


def stored_bodies(backend, report):
    """The cache entries holding a body of ``report``'s page."""
    from django.core.cache import cache

    marker = f"page:report:{report.pk}:"
    if backend == "redis":
        client = cache._cache.get_client()
        return [k for k in client.scan_iter(f"{cache.key_prefix}:*") if marker in k.decode()]
    return [k for k in cache._cache if marker in k]


def test_each_new_state_replaces_the_last_entry(world, backend):
    """Deadline day: officers save every few minutes; each state's body takes the place of the last (one entry per
    report, kind of reader and language), never one more entry per save."""
    browser = signed_in(world["officer"])
    report = a_first_save(world)
    for n in range(3):
        get(browser, report)
        browser.post(report.get_absolute_url(), form_data(fresh(report), difficulties=f"Lần lưu {n}"))
    assert "Lần lưu 2" in get(browser, report)
    get(signed_in(world["coordinator"]), report)  # another kind of reader: its own entry
    assert len(stored_bodies(backend, report)) == 2


def test_another_time_zone_shows_at_once(world, settings, monkeypatch):
    """The page shows when it was saved, in the active time zone: part of the key (as the overview's rows). Today
    held still (in another zone it may be another date, which is in the key on its own)."""
    real = timezone.localdate
    day = real()
    monkeypatch.setattr("django.utils.timezone.localdate",
                        lambda value=None, timezone=None: real(value, timezone) if value is not None else day)
    report = world["report"]
    services.save_report(report, world["colleague"], expected_version=1, general={"difficulties": "x"})
    browser = signed_in(world["officer"])
    saved = AgencyReport.objects.get(pk=report.pk).updated_at
    shown = timezone.localtime(saved).strftime("%H:%M")
    assert shown in get(browser, report)
    settings.TIME_ZONE = "America/Lima"  # UTC-5: twelve hours from Hà Nội
    lima = timezone.localtime(saved).strftime("%H:%M")
    html = get(browser, report)
    assert lima != shown and lima in html
