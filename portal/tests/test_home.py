"""The home page by role: an officer's agency work this year, the province overview for coordinators
and viewers, login for anonymous visitors; and the language switch that every page carries."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from agencies.models import Membership
from reports.models import AgencyReport
from reports.services import open_reporting_year, review_report, submit_report
from tasks.models import Task
from portal.views import year_page_url
from testing.factories import (
    deadline, fill_report, make_agency, make_group, make_plan, make_section, make_task, make_user, today
)
from testing.pages import task_cards

HOME = reverse("portal:home")


def cards(html):
    """[(task number, the agency's role)] of the page's task cards, in its order."""
    return [(card.number, card.role) for card in task_cards(html)]


def current_plan(n_districts=2, **overrides):
    """A plan running this year, due 31 December (so submitting today is on time), with a department
    leading, a district group coordinating, and deadline tasks around today."""
    year = today().year
    values = {"start_year": year - 1, "end_year": year + 1, "report_due_month": 12, "report_due_day": 31,
              "number": "99/KH-UBND"}
    values.update(overrides)
    plan = make_plan(**values)
    section = make_section(plan)
    dept = make_agency(name="Sở Thử nghiệm", code="so-thu-nghiem")
    districts = [make_agency(name=f"UBND huyện {i}", kind="district") for i in range(n_districts)]
    group = make_group(districts, name="UBND các huyện, thành phố")
    make_task(section, lead=dept, coordinators=[group], number="1.1", order=1, title="Nhiệm vụ thường xuyên")
    make_task(section, lead=dept, number="1.2", order=2, title="Nhiệm vụ sắp đến hạn", **deadline(20))
    make_task(section, lead=group, coordinators=[dept], number="1.3", order=3, title="Nhiệm vụ quá hạn",
              **deadline(-5))
    make_task(section, lead=dept, number="1.4", order=4, title="Nhiệm vụ còn xa", **deadline(300))
    return plan, dept, districts, group


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/"


def test_user_without_agency_is_told_to_ask_the_admin(client, django_user_model, db):
    client.force_login(make_user(django_user_model, "lonely"))
    html = client.get(HOME).content.decode()
    assert "chưa được gán cho cơ quan nào" in html


# ------------------------------------------------------------------------------ officer

def test_officer_sees_report_state_days_to_due_and_tasks_nearest_deadline_first(client, django_user_model, db):
    plan, dept, _, _ = current_plan(report_due_month=11, report_due_day=15)
    open_reporting_year(plan, today().year, None)
    client.force_login(make_user(django_user_model, "officer", dept))
    response = client.get(HOME)
    html = response.content.decode()
    report = AgencyReport.objects.get(agency=dept, year=today().year)
    due = datetime.date(today().year, 11, 15)
    days = (due - today()).days
    assert "Sở Thử nghiệm" in html
    assert report.get_absolute_url() in html and "Chưa bắt đầu" in html and "Đang soạn" not in html  # never saved: one state, not two
    assert "15/11/" + str(today().year) in html
    assert (f"còn {days} ngày" if days > 0 else f"quá hạn {-days} ngày" if days < 0 else "hạn cuối là hôm nay") in html
    # Overdue first, then the nearest deadline, the far one, and the tasks without a deadline.
    assert cards(html) == [("1.3", "coordinator"), ("1.2", "lead"), ("1.4", "lead"), ("1.1", "lead")]
    assert "Đơn vị chủ trì 3 và phối hợp 1 nhiệm vụ" in html
    # A shareable link to the agency's lead tasks in the task list.
    assert f"{reverse('portal:task-list')}?agency=so-thu-nghiem&amp;role=lead" in html


def test_officer_of_a_group_member_sees_the_groups_tasks(client, django_user_model, db):
    plan, _, districts, _ = current_plan()
    client.force_login(make_user(django_user_model, "district", districts[0]))
    response = client.get(HOME)
    assert cards(response.content.decode()) == [("1.3", "lead"), ("1.1", "coordinator")]
    assert "Kỳ báo cáo năm nay chưa được mở" in response.content.decode()


def test_officer_sees_all_their_reports_and_the_returned_comment(client, django_user_model, db):
    plan, dept, districts, _ = current_plan()
    year = today().year
    officer = make_user(django_user_model, "officer", dept)
    coordinator = make_user(django_user_model, "coord", districts[1], role=Membership.Role.COORDINATOR)
    open_reporting_year(plan, year - 1, None)
    open_reporting_year(plan, year, None)
    report = AgencyReport.objects.get(agency=dept, year=year)
    submit_report(fill_report(report, officer), officer)
    review_report(report, coordinator, accept=False, comment="Bổ sung số liệu tập huấn.")
    client.force_login(officer)
    html = client.get(HOME).content.decode()
    assert "Bổ sung số liệu tập huấn." in html and "Bị trả lại" in html
    assert f"Báo cáo năm {year - 1}" in html
    assert AgencyReport.objects.get(agency=dept, year=year - 1).get_absolute_url() in html


def test_officer_home_lists_an_old_deadline_task_still_overdue(client, django_user_model, db):
    plan, dept, _, _ = current_plan()
    make_task(plan.sections.first(), lead=dept, number="1.9", title="Hạn từ năm ngoái",
              timeframe_kind=Task.Timeframe.DEADLINE, due_date=datetime.date(today().year - 1, 11, 30))
    client.force_login(make_user(django_user_model, "officer", dept))
    html = client.get(HOME).content.decode()
    assert cards(html)[0] == ("1.9", "lead")
    first = html.split('<article class="task-card">')[1].split("</article>")[0]
    days = (today() - datetime.date(today().year - 1, 11, 30)).days
    assert f'<span class="badge late">quá hạn {days} ngày</span>' in first


# ------------------------------------------------------------------------------ coordinator, viewer

def _province(django_user_model, n_districts=2):
    plan, dept, districts, group = current_plan(n_districts=n_districts)
    year = today().year
    open_reporting_year(plan, year, None)
    officer = make_user(django_user_model, f"officer{n_districts}", dept)
    submit_report(fill_report(AgencyReport.objects.get(agency=dept, year=year), officer), officer)
    # One district submitted late: first submission after the due date.
    late = AgencyReport.objects.get(agency=districts[0], year=year)
    after_due = timezone.make_aware(datetime.datetime(year + 1, 1, 2, 9, 0))
    AgencyReport.objects.filter(pk=late.pk).update(status="submitted", first_submitted_at=after_due,
                                                   submitted_at=after_due)
    return plan, dept, districts


@pytest.mark.parametrize("role", [Membership.Role.COORDINATOR])
def test_coordinator_sees_headline_figures_and_the_year_page_link(client, django_user_model, db, role):
    plan, dept, districts = _province(django_user_model)
    client.force_login(make_user(django_user_model, "boss", make_agency(), role=role))
    response = client.get(HOME)
    html = response.content.decode()
    row = response.context["overview"]["plan_years"][0]
    # 3 obliged (the department and two districts), 2 submitted, 1 of them on time.
    assert (row.obliged, row.submitted, row.on_time, row.returned) == (3, 2, 1, 0)
    assert "2/3</span> đã gửi" in html and "(67%)" in html
    assert "1/3</span> đúng hạn" in html and "(33%)" in html
    assert year_page_url(plan.pk, today().year) in html
    assert "officer" not in response.context


def test_year_page_link_goes_to_the_years_overview(db):
    assert year_page_url(7, 2026) == "/reports/7/2026/"


def test_coordinator_sees_tasks_overdue_or_due_within_90_days(client, django_user_model, db):
    _province(django_user_model)
    client.force_login(make_user(django_user_model, "boss", make_agency(), role=Membership.Role.COORDINATOR))
    response = client.get(HOME)
    tasks = response.context["overview"]["tasks"]
    assert [t.number for t in tasks] == ["1.3", "1.2"]  # not 1.4 (in 300 days), not the ongoing 1.1
    html = response.content.decode()
    assert "quá hạn 5 ngày" in html and "còn 20 ngày" in html
    # One plan running: the link keeps to it.
    plan_id = response.context["overview"]["plan_years"][0].plan.pk
    assert f"{reverse('portal:task-list')}?overdue=on&amp;due_within=90&amp;plan={plan_id}&amp;sort=deadline" in html
    assert "nhiệm vụ có hạn gần nhất" not in html


def test_overseers_see_their_own_plans_and_the_nearest_tasks_only(client, django_user_model, db):
    """A national roll-out: a department sees the plans it receives the reports of, not every plan; the
    home page lists the nearest HOME_TASKS overdue or due tasks and links to the rest."""
    from portal.views import HOME_TASKS

    year = today().year
    ours, dept, _, _ = current_plan(number="1/KH-UBND")
    section = ours.sections.first()
    for i in range(HOME_TASKS):
        make_task(section, lead=dept, number=f"9.{i}", order=90 + i, title=f"Việc {i}", **deadline(-i - 1))
    theirs = make_plan(number="2/KH-UBND", start_year=year - 1, end_year=year + 1)
    make_task(make_section(theirs), lead=make_agency(), number="1.1", title="Việc của tỉnh khác", **deadline(-3))
    receiver = make_agency(name="Sở Thông tin và Truyền thông", code="so-tttt")
    ours.report_recipient = receiver
    ours.save()
    client.force_login(make_user(django_user_model, "dieuphoi", receiver, role=Membership.Role.COORDINATOR))
    response = client.get(HOME)
    overview = response.context["overview"]
    assert [py.plan for py in overview["plan_years"]] == [ours]
    assert len(overview["tasks"]) == HOME_TASKS and overview["more_tasks"]
    assert all(t.plan_id == ours.pk for t in overview["tasks"])
    html = response.content.decode()
    assert f"Đây là {HOME_TASKS} nhiệm vụ có hạn gần nhất." in html and "Xem tất cả trong danh sách nhiệm vụ" in html
    # Someone whose agency neither issues nor receives a plan (or staff) sees every plan.
    client.force_login(make_user(django_user_model, "lanhdao", make_agency(), role=Membership.Role.VIEWER))
    assert len(client.get(HOME).context["health"]) == 2


def test_not_yet_opened_year_says_so_and_offers_to_open_it(client, django_user_model, db):
    current_plan()
    client.force_login(make_user(django_user_model, "boss", make_agency(), role=Membership.Role.COORDINATOR))
    html = client.get(HOME).content.decode()
    assert f"Kỳ báo cáo năm {today().year} chưa mở." in html
    assert reverse("reports:my-reports") in html


def test_large_figures_use_vietnamese_grouping(client, django_user_model, db):
    from portal.views import PlanYear

    row = PlanYear(plan=None, year=2026, opened=True, due=today(), obliged=1234567, submitted=1234)
    from django.template import Context, Template

    html = Template("{% load humanize %}{{ row.obliged|intcomma }} {{ row.submitted|intcomma }}").render(
        Context({"row": row}))
    assert html == "1.234.567 1.234"


# ------------------------------------------------------------------------------ query counts

@pytest.mark.parametrize("n_districts", [2, 12])
def test_officer_home_query_count_does_not_grow(client, django_user_model, db, django_assert_num_queries,
                                               n_districts):
    plan, dept, districts, group = current_plan(n_districts=n_districts)
    for i in range(n_districts):
        make_task(plan.sections.first(), lead=group, coordinators=[dept], number=f"5.{i}", order=50 + i)
    open_reporting_year(plan, today().year - 1, None)
    open_reporting_year(plan, today().year, None)
    client.force_login(make_user(django_user_model, "officer", districts[0]))
    # 1 session, 2 user, 3 memberships, 4 the officer's agencies, 5 their group memberships,
    # 6 their tasks (+plan, section, completion), 7 those tasks' assignments (+agency, group),
    # 8 who completed those tasks (a lead's own deadline state, issue #13 carry-over), 9 the agencies' reports
    # (+plan). Re-pinned from 8 when each lead's own overdue state came to the home page. The user and their
    # memberships: one statement (accounts.roles.with_grants).
    with django_assert_num_queries(7):
        response = client.get(HOME)
    reports = response.content.decode().split("Các báo cáo của đơn vị</h3>")[1].split("</table>")[0]
    assert reports.count("<tr><td>") == 2


@pytest.mark.parametrize("n_districts", [2, 12])
def test_overview_home_query_count_does_not_grow(client, django_user_model, db, django_assert_num_queries,
                                                n_districts):
    plan, dept, districts = _province(django_user_model, n_districts=n_districts)
    for i in range(n_districts):
        make_task(plan.sections.first(), lead=dept, number=f"5.{i}", order=50 + i, **deadline(i))
    client.force_login(make_user(django_user_model, "boss", make_agency(), role=Membership.Role.COORDINATOR))
    # 1 session, 2 user, 3 memberships, 4 plans, 5 opened years, 6 this year's report counts per plan,
    # 7 overdue / due tasks (+plan, section, completion), 8 their assignments; the queue (portal.queue): 9 its
    # plans, 10 awaiting review, 11 returned, 12 not sent, 13 the officers to chase. The user and their memberships:
    # one statement (accounts.roles.with_grants).
    with django_assert_num_queries(11):
        response = client.get(HOME)
    assert response.context["overview"]["plan_years"][0].obliged == n_districts + 1


# ------------------------------------------------------------------------------ language

def test_language_switch_is_remembered_in_the_language_cookie(client, django_user_model, db):
    client.force_login(make_user(django_user_model, "someone"))
    response = client.post(reverse("set_language"), {"language": "en", "next": HOME})
    assert response.status_code == 302 and response["Location"] == HOME
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in client.get(HOME).content.decode()
    assert '<html lang="en">' in client.get(reverse("portal:task-list")).content.decode()
    # A new browser session that kept only the cookie still gets English.
    other = client.__class__()
    other.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="en">' in other.get(reverse("login")).content.decode()
    client.post(reverse("set_language"), {"language": "vi", "next": HOME})
    assert '<html lang="vi">' in client.get(HOME).content.decode()


def test_vietnamese_is_the_default_and_the_switcher_is_labelled(client, db):
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="vi">' in html
    assert '<label for="language-select">' in html
    assert '<option value="vi" selected>' in html


def test_after_a_reorganisation_the_successors_coordinators_see_the_plan_on_their_home(client, django_user_model, db):
    """The plan names the old receiving body; this year's reporting parameters name its successor (issue #13):
    the successor's coordinators and viewers find the plan, its year and its queue on their home."""
    from reports.models import ReportingYear

    year = today().year
    old = make_agency(name="Sở Thông tin và Truyền thông", code="so-tttt", valid_to=datetime.date(year - 1, 2, 28))
    successor = make_agency(name="Sở Văn hóa, Thể thao và Du lịch", code="so-vhttdl")
    ours, _dept, _, _ = current_plan(number="1/KH-UBND", report_recipient=old)
    own = make_plan(number="2/KH-UBND", start_year=year - 1, end_year=year + 1, report_recipient=successor)
    other = make_plan(number="3/KH-UBND", start_year=year - 1, end_year=year + 1, report_recipient=make_agency())
    for plan in (ours, own, other):
        open_reporting_year(plan, year, None)
    ReportingYear.objects.filter(plan=ours, year=year).update(recipient=successor)
    client.force_login(make_user(django_user_model, "dieuphoi", successor, role=Membership.Role.COORDINATOR))
    response = client.get(HOME)
    assert {py.plan for py in response.context["overview"]["plan_years"]} == {ours, own}
    from portal.views import queue_plans
    assert set(queue_plans({successor.pk})) == {ours, own}
    client.force_login(make_user(django_user_model, "lanhdao.moi", successor, role=Membership.Role.VIEWER))
    assert {h.plan for h in client.get(HOME).context["health"]} == {ours, own}
