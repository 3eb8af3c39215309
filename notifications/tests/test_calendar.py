"""The agency calendar feed: parses with icalendar, holds the agency's deadlines; secret, revocable token."""

import datetime
import re

import icalendar
import pytest
from django.urls import reverse

from agencies.models import Membership
from notifications.models import CalendarToken
from notifications.tokens import new_calendar_token, revoke_calendar_token
from reports.services import open_reporting_year, submit_report
from testing.factories import fill_report, make_agency, make_group, make_plan, make_section, make_task, make_user


@pytest.fixture
def agency_world(db, django_user_model, settings):
    """A department leading a deadline task (6.1, due 30/11/2024) and an ongoing one, coordinating another
    deadline task through a group; a task of someone else with a deadline; plan 2023–2025, 2024 opened."""
    settings.SITE_URL = "https://baocao.example.gov.vn"
    plan = make_plan(number="151/KH-UBND", start_year=2023, end_year=2025)
    section = make_section(plan)
    dept = make_agency(name="Sở Tư pháp", code="so-tu-phap")
    other = make_agency(name="Sở Y tế")
    group = make_group([dept, other], name="Các sở, ban, ngành")
    make_task(section, lead=dept, number="6.1", title="Xây dựng bộ tài liệu", timeframe_kind="deadline",
              due_date=datetime.date(2024, 11, 30), timeframe_text="Hoàn thành trước tháng 12/2024")
    make_task(section, lead=dept, number="6.2", title="Tuyên truyền thường xuyên")
    make_task(section, lead=other, coordinators=[group], number="6.3", title="Hội nghị tập huấn",
              timeframe_kind="deadline", due_date=datetime.date(2025, 6, 30))
    make_task(section, lead=other, number="6.4", title="Việc riêng của Sở Y tế", timeframe_kind="deadline",
              due_date=datetime.date(2025, 3, 31))
    officer = make_user(django_user_model, "canbo", dept, email="canbo@example.vn")
    open_reporting_year(plan, 2024, officer)
    token = new_calendar_token(dept, officer)
    return plan, dept, officer, token


def fetch(client, token):
    response = client.get(reverse("notifications:calendar-feed", args=[token]))
    return response, (icalendar.Calendar.from_ical(response.content) if response.status_code == 200 else None)


def events(calendar):
    return {(str(e["summary"]), e["dtstart"].dt) for e in calendar.walk("VEVENT")}


def test_the_feed_parses_and_holds_the_agencys_task_deadlines_and_report_due_dates(client, agency_world):
    plan, dept, officer, token = agency_world

    response, calendar = fetch(client, token.token)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["x-wr-calname"]) == "Hạn báo cáo — Sở Tư pháp"
    assert events(calendar) == {
        ("Hạn hoàn thành nhiệm vụ 6.1 (151/KH-UBND)", datetime.date(2024, 11, 30)),
        ("Hạn hoàn thành nhiệm vụ 6.3 (151/KH-UBND)", datetime.date(2025, 6, 30)),  # coordinates, via the group
        ("Hạn gửi báo cáo năm 2023 (151/KH-UBND)", datetime.date(2023, 11, 15)),
        ("Hạn gửi báo cáo năm 2024 (151/KH-UBND)", datetime.date(2024, 11, 15)),
        ("Hạn gửi báo cáo năm 2025 (151/KH-UBND)", datetime.date(2025, 11, 15)),
    }


def test_feed_events_are_all_day_with_stable_uids_links_and_a_reminder_before_report_due_dates(client, agency_world):
    plan, dept, officer, token = agency_world

    _, first = fetch(client, token.token)
    _, second = fetch(client, token.token)

    by_summary = {str(e["summary"]): e for e in first.walk("VEVENT")}
    task = by_summary["Hạn hoàn thành nhiệm vụ 6.1 (151/KH-UBND)"]
    assert task["dtend"].dt == datetime.date(2024, 12, 1)
    assert isinstance(task["dtstart"].dt, datetime.date) and not isinstance(task["dtstart"].dt, datetime.datetime)
    assert str(task["url"]) == "https://baocao.example.gov.vn" + plan.tasks.get(number="6.1").get_absolute_url()
    assert "Vai trò: Chủ trì" in str(task["description"])
    assert "Hoàn thành trước tháng 12/2024" in str(task["description"])
    report_event = by_summary["Hạn gửi báo cáo năm 2024 (151/KH-UBND)"]
    report = dept.reports.get(year=2024)
    assert str(report_event["url"]) == f"https://baocao.example.gov.vn/reports/{report.pk}/"
    alarm, = report_event.walk("VALARM")
    assert alarm["trigger"].dt == -datetime.timedelta(days=7)
    assert {str(e["uid"]) for e in first.walk("VEVENT")} == {str(e["uid"]) for e in second.walk("VEVENT")}


def test_a_submitted_year_says_so_in_the_feed(client, agency_world):
    plan, dept, officer, token = agency_world
    submit_report(fill_report(dept.reports.get(year=2024), officer), officer)

    _, calendar = fetch(client, token.token)

    assert ("Hạn gửi báo cáo năm 2024 (151/KH-UBND) — đã gửi", datetime.date(2024, 11, 15)) in events(calendar)


def test_an_agency_with_no_tasks_has_an_empty_but_valid_feed(client, db, django_user_model):
    agency = make_agency()
    token = new_calendar_token(agency, None)

    response, calendar = fetch(client, token.token)

    assert response.status_code == 200 and events(calendar) == set()


@pytest.mark.parametrize("token", ["wrong-token", "x" * 43, ""])
def test_a_wrong_token_answers_404(client, agency_world, token):
    if not token:
        response = client.get("/notifications/calendar/.ics")
    else:
        response, _ = fetch(client, token)

    assert response.status_code == 404


def test_a_revoked_token_answers_404(client, agency_world):
    plan, dept, officer, token = agency_world

    revoke_calendar_token(dept, officer)

    response, _ = fetch(client, token.token)
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_by == officer


def test_a_new_address_replaces_the_old_one(client, agency_world):
    plan, dept, officer, token = agency_world

    new = new_calendar_token(dept, officer)

    assert fetch(client, token.token)[0].status_code == 404
    assert fetch(client, new.token)[0].status_code == 200
    assert new.token != token.token and len(new.token) >= 40
    assert CalendarToken.objects.live().filter(agency=dept).count() == 1


def test_the_feed_is_kept_out_of_search_engines_and_referrers(client, agency_world):
    response, _ = fetch(client, agency_world[3].token)

    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_feed_costs_the_same_number_of_queries_at_any_size(client, agency_world, django_assert_num_queries):
    plan, dept, officer, token = agency_world
    section = make_section(plan)
    for n in range(5):
        make_task(section, lead=dept, number=f"9.{n}", timeframe_kind="deadline",
                  due_date=datetime.date(2025, 1, n + 1))
    other_plan = make_plan(start_year=2024, end_year=2025)
    make_task(make_section(other_plan), coordinators=[dept])

    # 0 the token is live (its ETag); 1 the token with its agency; 2 the agency's assignments with tasks, plans and
    # receiving agencies; 3 the agency's reports; 4 the plans' rules for single bodies (Plan.obliges); 5 the years'
    # receiving bodies.
    with django_assert_num_queries(6):
        response, calendar = fetch(client, token.token)

    assert response.status_code == 200
    assert len(calendar.walk("VEVENT")) == 2 + 5 + 3 + 2


# --- Giving out and revoking the address, through the pages ---------------------------------------------


def test_an_officer_creates_regenerates_and_revokes_the_address_from_the_preferences_page(client, agency_world):
    plan, dept, officer, token = agency_world
    client.force_login(officer)

    page = client.get(reverse("notifications:preferences"))
    url = f"https://baocao.example.gov.vn/notifications/calendar/{token.token}.ics"
    assert url in page.content.decode()
    assert f"webcal://baocao.example.gov.vn/notifications/calendar/{token.token}.ics" in page.content.decode()

    response = client.post(reverse("notifications:calendar-token-new", args=[dept.pk]))
    assert response.status_code == 302
    new = CalendarToken.objects.live().get(agency=dept)
    assert new.token != token.token and new.created_by == officer

    client.post(reverse("notifications:calendar-token-revoke", args=[dept.pk]))
    assert not CalendarToken.objects.live().filter(agency=dept).exists()
    assert "Chưa có địa chỉ lịch." in client.get(reverse("notifications:preferences")).content.decode()


def test_an_officer_cannot_touch_another_agencys_address(client, agency_world, django_user_model):
    plan, dept, officer, token = agency_world
    stranger = make_user(django_user_model, "stranger", make_agency(), email="s@example.vn")
    client.force_login(stranger)

    assert client.post(reverse("notifications:calendar-token-revoke", args=[dept.pk])).status_code == 403
    assert CalendarToken.objects.live().get(agency=dept) == token


def test_a_viewer_of_the_agency_cannot_change_its_address(client, agency_world, django_user_model):
    plan, dept, officer, token = agency_world
    viewer = make_user(django_user_model, "viewer", dept, role=Membership.Role.VIEWER)
    client.force_login(viewer)

    assert client.post(reverse("notifications:calendar-token-new", args=[dept.pk])).status_code == 403


# RFC 5545 §3.3.6: dur-value = ["+" / "-"] "P" (dur-date / dur-time / dur-week).
_TIME = r"T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)"
ICAL_DURATION = re.compile(rf"^[+-]?P(?:\d+W|\d+D(?:{_TIME})?|{_TIME})$")


def test_published_ttl_and_refresh_interval_are_valid_durations(client, agency_world):
    """Outlook reads X-PUBLISHED-TTL, others REFRESH-INTERVAL: both a DURATION ("PT6H"), never "6:00:00"."""
    plan, dept, officer, token = agency_world
    response, calendar = fetch(client, token.token)
    lines = response.content.decode().split("\r\n")
    ttl = next(line for line in lines if line.startswith("X-PUBLISHED-TTL"))
    refresh = next(line for line in lines if line.startswith("REFRESH-INTERVAL"))
    assert ttl == "X-PUBLISHED-TTL:PT6H"
    assert refresh == "REFRESH-INTERVAL;VALUE=DURATION:PT6H"
    for line in (ttl, refresh):
        value = line.split(":", 1)[1]
        assert ICAL_DURATION.match(value), line
        assert icalendar.vDuration.from_ical(value) == datetime.timedelta(hours=6)
    for good in ("P1W", "P15DT5H0M20S", "PT15M", "-PT5M", "P7D"):
        assert ICAL_DURATION.match(good), good
    for bad in ("6:00:00", "PT", "P", "6H", "PT6H30", "P1W2D"):
        assert not ICAL_DURATION.match(bad), bad
