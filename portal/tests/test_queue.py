"""The coordinator's queue on the home page and on its own page; "next report" after a review."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agencies.models import Membership
from portal import queue
from reports.models import AgencyReport
from reports.services import review_report, submit_report
from testing.factories import fill_report, make_agency, make_user, open_year, small_plan

HOME = reverse("portal:home")
QUEUE = reverse("portal:queue")


@pytest.fixture
def setup(db, django_user_model):
    plan, who = small_plan(n_districts=3)
    receiving = make_agency(name="Sở Thông tin và Truyền thông", code="so-tttt-q")
    plan.report_recipient = receiving
    plan.save()
    open_year(plan, 2025)
    dept, districts = who["dept"], who["districts"]
    coordinator = make_user(django_user_model, "dieuphoi", receiving, role=Membership.Role.COORDINATOR)
    officer = make_user(django_user_model, "canbo.so", dept, email="canbo.so@example.vn", first_name="An",
                        last_name="Nguyễn Văn")
    Membership.objects.filter(user=officer).update(phone="0204 3854 123")
    district_officers = [make_user(django_user_model, f"canbo.huyen{i}", d, email=f"h{i}@example.vn")
                         for i, d in enumerate(districts)]
    reports = {a.pk: AgencyReport.objects.get(plan=plan, year=2025, agency=a) for a in [dept, *districts]}
    # Two districts submit (the first one earlier); the third district's is returned; the department owes it.
    for i in (1, 0):
        report = fill_report(reports[districts[i].pk], district_officers[i])
        submit_report(report, district_officers[i], now=timezone.now() - datetime.timedelta(days=5 if i == 1 else 1))
    report = fill_report(reports[districts[2].pk], district_officers[2])
    report = submit_report(report, district_officers[2])
    review_report(report, coordinator, accept=False, comment="Bổ sung")
    return plan, coordinator, officer, dept, districts, reports


def test_home_shows_the_queue_with_counts_links_and_contacts(client, setup, django_assert_max_num_queries):
    plan, coordinator, officer, dept, districts, reports = setup
    client.force_login(coordinator)
    html = client.get(HOME).content.decode()
    assert "Chờ xem xét (2)" in html and "Chưa gửi (1)" in html and "Bị trả lại, chưa gửi lại (1)" in html
    # Awaiting review: the one submitted first comes first.
    first, second = reports[districts[1].pk], reports[districts[0].pk]
    assert html.index(first.get_absolute_url()) < html.index(second.get_absolute_url())
    assert "Nhắc ngay các cơ quan chưa gửi năm 2025" in html
    # The copyable list: agency, officer's name, phone and email.
    assert "Sở Thử nghiệm (2025): Nguyễn Văn An, 0204 3854 123, canbo.so@example.vn" in html
    assert 'href="tel:02043854123"' in html


def test_the_queue_page_is_for_coordinators_and_its_queries_do_not_grow(client, setup, django_user_model,
                                                                          django_assert_max_num_queries):
    plan, coordinator, officer, dept, districts, reports = setup
    client.force_login(officer)
    assert client.get(QUEUE).status_code == 403
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        html = client.get(QUEUE).content.decode()
    assert "Chờ xem xét (2)" in html
    for i in range(5):
        extra = make_agency(name=f"UBND xã {i}")
        AgencyReport.objects.create(plan=plan, agency=extra, year=2025)
        make_user(django_user_model, f"xa{i}", extra, email=f"xa{i}@example.vn")
    with django_assert_max_num_queries(12):
        html = client.get(QUEUE).content.decode()
    assert "Chưa gửi (6)" in html


def test_a_review_leads_to_the_next_report_awaiting_then_home(client, setup):
    plan, coordinator, officer, dept, districts, reports = setup
    client.force_login(coordinator)
    first, second = reports[districts[1].pk], reports[districts[0].pk]
    response = client.post(reverse("reports:report-review", args=[first.pk]), {"decision": "accept"})
    assert response["Location"] == second.get_absolute_url()
    response = client.post(reverse("reports:report-review", args=[second.pk]),
                           {"decision": "return", "comment": "Thiếu số liệu"}, follow=True)
    assert response.redirect_chain[-1][0] == HOME
    html = response.content.decode()
    assert "Không còn báo cáo nào chờ xem xét." in html
    assert "Chờ xem xét (0)" in html and "Bị trả lại, chưa gửi lại (2)" in html


def test_viewers_and_officers_have_no_queue(client, setup, django_user_model):
    plan, coordinator, officer, *_ = setup
    viewer = make_user(django_user_model, "lanhdao", make_agency(name="UBND tỉnh"), role=Membership.Role.VIEWER)
    for user in (officer, viewer):
        client.force_login(user)
        assert "Nhắc ngay" not in client.get(HOME).content.decode()


def _page(client, url):
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(url).content.decode()
    # Each response masks the CSRF token afresh.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html), len(ctx.captured_queries)


def test_the_queue_reads_only_the_columns_it_shows_and_shows_what_whole_rows_show(client, setup, monkeypatch):
    """``portal.queue.COLUMNS`` (issue #18): every list and state, as with every column read, in as many queries."""
    plan, coordinator, officer, dept, districts, reports = setup
    AgencyReport.objects.filter(pk=reports[dept.pk].pk).update(version=2)  # a draft once saved: "Đang soạn"
    untouched = make_agency(name="UBND xã <b>Đông</b>", short_name="UBND xã Đông", head_email="xadong@example.vn")
    AgencyReport.objects.create(plan=plan, agency=untouched, year=2025)  # no officer: the head's email instead
    AgencyReport.objects.create(plan=plan, agency=make_agency(name="Báo Mời"), year=2025, invited=True)
    client.force_login(coordinator)
    seen = {}
    for name, columns in (("some", queue.COLUMNS), ("all", None)):
        monkeypatch.setattr(queue, "COLUMNS", columns)
        cache.clear()  # the home's queue is cached per generation
        seen[name] = (_page(client, HOME), _page(client, QUEUE))
    (home, home_queries), (page, page_queries) = seen["some"]
    assert seen["some"] == seen["all"]
    assert "Chờ xem xét (2)" in page and "Chưa gửi (2)" in page and "Bị trả lại, chưa gửi lại (1)" in page
    assert "Đang soạn, chưa gửi" in page and "Chưa bắt đầu" in page and "gửi muộn" in page
    assert "UBND xã &lt;b&gt;Đông&lt;/b&gt; (2025): xadong@example.vn" in home and "Báo Mời" not in page
    assert "Kế hoạch " + plan.number + ", năm 2025: 2 cơ quan chưa gửi." in page


def test_the_home_reads_the_first_rows_of_long_lists_and_counts_them_all(client, setup, monkeypatch,
                                                                         django_user_model):
    """The home shows HOME_ROWS reports awaiting review and returned, and how many there are: read as the first rows
    with a window count (issue #18), the page is the one the whole lists give."""
    plan, coordinator, officer, dept, districts, reports = setup
    for i in range(queue.HOME_ROWS + 2):  # 10 more awaiting review, submitted a day apart, and 10 more returned
        for returned in (False, True):
            agency = make_agency(name=f"UBND xã {'Trả' if returned else 'Chờ'} {i:02d}")
            AgencyReport.objects.create(
                plan=plan, agency=agency, year=2025, status="returned" if returned else "submitted", version=3,
                first_submitted_at=timezone.now() - datetime.timedelta(days=30 - i),
                submitted_at=timezone.now() - datetime.timedelta(days=30 - i),
                reviewed_at=timezone.now() - datetime.timedelta(days=20 - i) if returned else None)
    result = queue.coordinator_queue([plan], rows=queue.HOME_ROWS)
    assert len(result.awaiting) == len(result.returned) == queue.HOME_ROWS  # read: no more than shown
    assert (result.awaiting_count, result.returned_count, result.total) == (12, 11, 12 + 1 + 11)
    client.force_login(coordinator)
    home, queries = _page(client, HOME)
    assert "Chờ xem xét (12)" in home and "Bị trả lại, chưa gửi lại (11)" in home
    assert 'class="figure">12</span> chờ xem xét' in home and 'class="figure">11</span> bị trả lại' in home
    assert "Xem tất cả báo cáo chờ xem xét" in home and "Xem tất cả báo cáo bị trả lại" in home
    # The longest waiting first; the ninth and later are on the queue's page only.
    assert home.count("UBND xã Chờ") == queue.HOME_ROWS and "UBND xã Chờ 07" in home and "UBND xã Chờ 08" not in home
    assert home.count("UBND xã Trả") == queue.HOME_ROWS
    page, _ = _page(client, QUEUE)
    assert page.count("UBND xã Chờ") == 10 and page.count("UBND xã Trả") == 10
    # The same home as the whole lists give, in as many queries (each computed afresh); the home asks for HOME_ROWS.
    whole = queue.coordinator_queue
    asked = []
    monkeypatch.setattr("portal.views.coordinator_queue",
                        lambda plans, rows=None: asked.append(rows) or whole(plans, rows))
    cache.clear()
    limited = _page(client, HOME)
    assert asked == [queue.HOME_ROWS]
    monkeypatch.setattr("portal.views.coordinator_queue", lambda plans, rows=None: whole(plans))
    cache.clear()
    assert limited == _page(client, HOME) and limited[0] == home


def test_an_empty_queue_counts_nothing(client, db, django_user_model):
    plan, who = small_plan(n_districts=1)
    coordinator = make_user(django_user_model, "dieuphoi2", plan.report_recipient or make_agency(),
                            role=Membership.Role.COORDINATOR)
    result = queue.coordinator_queue([plan], rows=queue.HOME_ROWS)
    assert (result.awaiting, result.awaiting_count, result.returned, result.returned_count) == ([], 0, [], 0)
    client.force_login(coordinator)
    assert "Chờ xem xét (0)" in client.get(HOME).content.decode()
