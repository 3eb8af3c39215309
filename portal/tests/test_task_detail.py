"""One task: its full text, who leads and coordinates (groups expandable to their members), its
timeframe and target, its deadline state, and the reports on it year by year."""

import pytest
from django.urls import reverse

from agencies.models import Membership
from reports.models import AgencyReport, TaskReport
from testing.factories import make_agency, make_user, submitted_report, today


def url(task):
    return reverse("portal:task-detail", args=[task.pk])


def login(client, django_user_model, agency, role=Membership.Role.OFFICER, username="u"):
    user = make_user(django_user_model, username, agency, role=role)
    client.force_login(user)
    return user


def test_anonymous_is_sent_to_log_in(client, world):
    response = client.get(url(world.t1))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_unknown_task_is_404(client, django_user_model, world):
    login(client, django_user_model, world.noivu)
    assert client.get(reverse("portal:task-detail", args=[999999])).status_code == 404


def test_shows_text_agencies_and_group_members(client, django_user_model, world):
    world.t1.content = "Tập trung tuyên truyền các chính sách mới."
    world.t1.save()
    login(client, django_user_model, world.noivu)
    html = client.get(url(world.t1)).content.decode()
    assert "Tổ chức truyền thông chính sách về pháp luật mới" in html
    assert "Tập trung tuyên truyền các chính sách mới." in html
    assert reverse("portal:agency-detail", args=["so-tu-phap"]) in html
    # The group shows by the plan's name, and expands (a <details>) to its members.
    details = html.split("<details>", 1)[1].split("</details>", 1)[0]
    assert "UBND các huyện, thành phố" in details
    assert reverse("portal:agency-detail", args=["ubnd-huyen-viet-yen"]) in details
    assert reverse("portal:plan-detail", args=[world.plan_a.pk]) in html


def test_shows_timeframe_with_its_original_words_target_and_overdue_state(client, django_user_model, world):
    world.t3.target_quantity, world.t3.target_unit, world.t3.target_per_year = 1200, "lượt", True
    world.t3.target_text = "1.200 lượt/năm"
    world.t3.save()
    login(client, django_user_model, world.noivu)
    html = client.get(url(world.t3)).content.decode()
    assert "Có thời hạn hoàn thành" in html and "Hoàn thành trước hạn" in html
    assert world.t3.due_date.strftime("%d/%m/%Y") in html
    assert "quá hạn 10 ngày" in html
    # Numbers in the Vietnamese way.
    assert "chỉ tiêu: 1.200 lượt/năm" in html


def test_completed_deadline_task_says_so(client, django_user_model, world):
    login(client, django_user_model, world.noivu)
    html = client.get(url(world.t5)).content.decode()
    assert "đã báo cáo hoàn thành" in html and "quá hạn" not in html


def reports_part(response):
    return response.content.decode().split("Báo cáo về nhiệm vụ qua các năm", 1)[1]


def _lines_2_years(world):
    """t1's lines: Sở Tư pháp submitted last year and this year; the district's draft this year."""
    year = today().year
    last = submitted_report(world.plan_a, world.tuphap, year - 1, status=AgencyReport.Status.ACCEPTED)
    TaskReport.objects.create(report=last, task=world.t1, role="lead", status=TaskReport.Status.DONE_FOR_YEAR,
                              achievements="Năm trước: 3 hội nghị")
    this = AgencyReport.objects.get(plan=world.plan_a, agency=world.tuphap, year=year)
    TaskReport.objects.create(report=this, task=world.t1, role="lead", status=TaskReport.Status.IN_PROGRESS,
                              achievements="Năm nay: đang làm")
    draft = AgencyReport.objects.create(plan=world.plan_a, agency=world.huyen, year=year)
    TaskReport.objects.create(report=draft, task=world.t1, role="coordinator", status=TaskReport.Status.NOT_STARTED,
                              achievements="Bản nháp của huyện")
    return year


def test_reports_year_by_year_show_submitted_lines_to_a_coordinator(client, django_user_model, world):
    year = _lines_2_years(world)
    login(client, django_user_model, make_agency(), role=Membership.Role.COORDINATOR)
    response = client.get(url(world.t1))
    html = reports_part(response)
    assert [y["year"] for y in response.context["by_year"]] == [year, year - 1]
    assert html.index(f"Năm {year}") < html.index(f"Năm {year - 1}")
    assert "Năm nay: đang làm" in html and "Năm trước: 3 hội nghị" in html
    # Another agency's draft stays private, but counts as not yet submitted.
    assert "Bản nháp của huyện" not in html and "UBND huyện Việt Yên</a>" not in html
    assert "1/2 cơ quan đã gửi báo cáo" in html


def test_officer_sees_their_own_draft_and_only_the_state_of_others(client, django_user_model, world):
    _lines_2_years(world)
    login(client, django_user_model, world.huyen)
    html = reports_part(client.get(url(world.t1)))
    assert "Bản nháp của huyện" in html  # their own line, in any state
    assert "Năm nay: đang làm" not in html  # Sở Tư pháp's text is not theirs to read…
    assert "Đang thực hiện" in html and "Sở Tư pháp" in html  # …but its state is shown


def test_viewer_reads_submitted_lines_with_links_to_the_reports(client, django_user_model, world):
    _lines_2_years(world)
    login(client, django_user_model, world.noivu, role=Membership.Role.VIEWER)
    response = client.get(url(world.t1))
    html = response.content.decode()
    line = TaskReport.objects.get(task=world.t1, achievements="Năm nay: đang làm")
    assert f"{line.report.get_absolute_url()}#line-{line.pk}" in html


@pytest.mark.parametrize("n_agencies", [1, 12])
def test_query_count_does_not_grow_with_members_and_lines(client, django_user_model, world,
                                                          django_assert_num_queries, n_agencies):
    year = today().year
    for i in range(n_agencies):
        agency = make_agency(name=f"UBND huyện {i}", kind="district")
        world.districts.members.add(agency)
        report = submitted_report(world.plan_a, agency, year)
        TaskReport.objects.create(report=report, task=world.t1, role="coordinator",
                                  status=TaskReport.Status.DONE_FOR_YEAR, achievements=f"Huyện {i}")
    login(client, django_user_model, world.noivu, role=Membership.Role.VIEWER)
    # 1 session, 2 user, 3 the task (+plan, section, parent section, completion), 4 its assignments
    # (+agency, group), 5 the groups' members, 6 the user's memberships, 7 the report lines shown
    # (+report, agency), 8 the per-year counts. The user and their memberships: one statement
    # (accounts.roles.with_grants).
    with django_assert_num_queries(6):
        response = client.get(url(world.t1))
    assert response.content.decode().count("Huyện ") >= n_agencies


def test_a_tasks_target_reads_target_in_english_not_indicator(client, django_user_model, world, settings):
    """"Chỉ tiêu" is a task's target here, and a reporting indicator on the year's pages: two words in English."""
    world.t1.target_quantity, world.t1.target_unit, world.t1.target_per_year = 1, "hội nghị", True
    world.t1.save()
    login(client, django_user_model, world.noivu)
    assert "chỉ tiêu: 1 hội nghị/năm" in client.get(url(world.t1)).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(url(world.t1)).content.decode()
    assert "target: 1 hội nghị/year" in html and "indicator:" not in html
