"""The leader's home: the last complete year beside the current one, sections behind, indicators across years,
overdue tasks with the bodies holding them; the current year labelled partial."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.models import Membership
from reports.models import AgencyReport, IndicatorValue, TaskReport
from reports.services import open_reporting_year, submit_report
from testing.factories import (
    deadline, fill_report, make_agency, make_group, make_plan, make_section, make_task, make_user, today
)

HOME = reverse("portal:home")


def leader_world(django_user_model, n_districts=2, due=(12, 31)):
    year = today().year
    plan = make_plan(number="7/KH-UBND", start_year=year - 2, end_year=year + 1, report_due_month=due[0],
                     report_due_day=due[1])
    first = make_section(plan, number="1", code="1", title="Tuyên truyền", order=1)
    second = make_section(plan, number="2", code="2", title="Công khai thông tin", order=2)
    dept = make_agency(name="Sở Thử nghiệm", short_name="Sở TN", code="so-thu-nghiem")
    districts = [make_agency(name=f"UBND huyện {i}", kind="district") for i in range(n_districts)]
    group = make_group(districts, name="UBND các huyện")
    make_task(first, lead=dept, number="1.1", order=1, title="Việc thường xuyên")
    make_task(second, lead=group, number="2.1", order=2, title="Việc của các huyện")
    make_task(second, lead=dept, number="2.2", order=3, title="Việc quá hạn", **deadline(-400))
    from reports.models import Indicator
    Indicator.objects.create(plan=plan, code="tin-bai", name="Tin, bài", unit="tin, bài", order=1)
    officers = {}
    for agency in [dept, *districts]:
        officers[agency.pk] = make_user(django_user_model, f"cb{agency.pk}", agency)
    for y in (year - 1, year):
        open_reporting_year(plan, y, None)
    # Last year: the department completed its work (1.1 done, 2.2 completed); the districts did nothing on 2.1.
    last = AgencyReport.objects.get(plan=plan, year=year - 1, agency=dept)
    fill_report(last, officers[dept.pk], status=TaskReport.Status.DONE_FOR_YEAR)
    last.refresh_from_db()
    submit_report(last, officers[dept.pk], now=timezone.make_aware(datetime.datetime(year - 1, 11, 1, 9)))
    IndicatorValue.objects.filter(report=last).update(value=40)
    leader = make_user(django_user_model, "lanhdao", make_agency(name="UBND tỉnh"), role=Membership.Role.VIEWER)
    return plan, leader, dept, districts


def test_the_leader_sees_both_years_the_section_behind_and_the_overdue_task_holder(client, django_user_model, db):
    plan, leader, dept, districts = leader_world(django_user_model)
    year = today().year
    client.force_login(leader)
    response = client.get(HOME)
    html = response.content.decode()
    assert "overview" not in response.context and "queue" not in response.context
    assert f"Năm {year - 1}" in html and f"Năm {year}" in html
    # Last year: 1 of the 3 obliged agencies sent its report, on time.
    assert "33% <small>1/3</small>" in html
    # Section 2 is behind (the districts' task not done), section 1 is not.
    assert f"Mục chậm nhất năm {year - 1}:</strong>" in html
    answer = html.split('class="answer"')[1].split("</p>")[0]
    assert "2. Công khai thông tin" in answer and "1. Tuyên truyền" not in answer
    # The current year is labelled partial before its due date (31/12).
    assert "số liệu tạm tính" in html
    assert f"Hạn gửi báo cáo 31/12/{year}" in html
    # The overdue task and who holds it.
    overdue = html.split("Nhiệm vụ quá hạn (")[1]
    assert "2.2. Việc quá hạn" in overdue and "Sở TN" in overdue
    # Indicator totals across years, the SVG charts drawn on the server.
    assert "<svg class=\"hbars\"" in html and "<svg class=\"spark\"" in html
    assert "Tin, bài" in html


def test_after_the_due_date_with_reports_missing_the_current_year_says_incomplete(client, django_user_model, db):
    plan, leader, *_ = leader_world(django_user_model, due=(1, 1))
    client.force_login(leader)
    html = client.get(HOME).content.decode()
    assert "chưa đủ số liệu" in html and "số liệu tạm tính" not in html
    assert "còn 3 cơ quan chưa gửi báo cáo" in html


@pytest.mark.parametrize("n_districts", [2, 10])
def test_the_leader_home_query_count_does_not_grow(client, django_user_model, db, django_assert_num_queries,
                                                   n_districts):
    plan, leader, *_ = leader_world(django_user_model, n_districts=n_districts)
    client.force_login(leader)
    # 1 session, 2 user, 3 memberships, 4 plans; portal.health: 5 the two years' figures, 6-9 and 10-13 each year's
    # tasks, assignments, line spreads and overdue tasks' assignments (reports.aggregates), 14-16 the indicator
    # totals of three years (one query each: the values, summed by kind in Python; the indicators are the plan's
    # prefetched), 17 group members of the overdue tasks' leads, 18 who completed them, 19 the bodies standing in
    # for their leads (reports.completion.stand_ins_by: lead lines of successors of the leads named now; here none,
    # so no second query for their agencies -- one more when some body stands in). The user and their memberships:
    # one statement (accounts.roles.with_grants).
    with django_assert_num_queries(17):
        client.get(HOME)
