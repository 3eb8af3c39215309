import pytest
from django.urls import reverse

from tasks.models import Responsibility
from testing.factories import make_agency, make_group, make_plan, make_section, make_task


def _plan_with_tasks(n_tasks):
    plan = make_plan()
    part = make_section(plan, code="II", number="II", title="NỘI DUNG, NHIỆM VỤ", parent=None)
    group = make_section(plan, code="II.1", number="1", title="Nhóm 1", parent=part)
    members = [make_agency() for _ in range(3)]
    grp = make_group(members, name="Các sở, ban, ngành")
    for i in range(n_tasks):
        make_task(group, lead=members[i % 3], coordinators=[grp, "các cơ quan, đơn vị có liên quan"], number=f"1.{i + 1}")
    make_section(plan, code="IV", number="IV", title="TỔ CHỨC THỰC HIỆN", parent=None)
    r = Responsibility.objects.create(plan=plan, number="1", heading="Sở A", text="Chủ trì.", order=1)
    r.agencies.set(members[:1])
    r.groups.set([grp])
    return plan


@pytest.mark.parametrize("n_tasks", [2, 20])
def test_plan_page_query_count_does_not_grow_with_tasks(client, db, django_assert_num_queries, n_tasks):
    plan = _plan_with_tasks(n_tasks)
    # plan (+issuer, recipient), sections, tasks, their assignments (+agency, group), responsibilities,
    # their agencies and their groups (section IV links every agency named).
    with django_assert_num_queries(7):
        response = client.get(reverse("portal:plan-detail", args=[plan.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="task"') == n_tasks
    assert 'id="responsibility-1"' in html


def test_plans_page_shows_the_only_plan_with_its_24_tasks(client, seed):
    response = client.get(reverse("portal:plan-list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "151/KH-UBND" in html
    assert html.count('class="task"') == 24
    # 7.2 has two lead agencies; groups show by the name the plan gives them.
    assert "Công an tỉnh" in html
    assert "Các sở, ban, ngành" in html
    assert "15/11" in html


def test_task_shows_leads_coordinators_and_timeframe(client, seed):
    html = client.get(reverse("portal:plan-detail", args=[seed.pk])).content.decode()
    block = html.split('id="task-6.1"', 1)[1].split("</article>", 1)[0]
    assert "Sở Nội vụ" in block
    assert "Hoàn thành trước tháng 12/2024" in block
    assert "30/11/2024" in block
    assert "cơ quan có liên quan" in block


def test_plans_page_lists_plans_when_there_are_several(client, db):
    a, b = make_plan(number="1/KH-UBND"), make_plan(number="2/KH-UBND")
    response = client.get(reverse("portal:plan-list"))
    html = response.content.decode()
    assert a.get_absolute_url() in html and b.get_absolute_url() in html


def test_unknown_plan_is_404(client, db):
    assert client.get(reverse("portal:plan-detail", args=[999999])).status_code == 404


def test_plan_page_links_every_task_and_agency_and_shows_the_reporting_rule(client, seed):
    from agencies.models import Agency
    from tasks.models import Task

    html = client.get(reverse("portal:plan-detail", args=[seed.pk])).content.decode()
    for task in Task.objects.filter(plan=seed):
        assert reverse("portal:task-detail", args=[task.pk]) in html, task.number
    # Every agency named in an assignment or a section IV responsibility has its link.
    named = Agency.objects.filter(assignments__task__plan=seed) | Agency.objects.filter(responsibilities__plan=seed)
    for code in set(named.values_list("code", flat=True)):
        assert reverse("portal:agency-detail", args=[code]) in html, code
    section_v = html.split('id="section-V"', 1)[1]
    assert "Hạn báo cáo hằng năm" in section_v and "trước ngày 15/11 hằng năm" in section_v
    assert reverse("portal:agency-detail", args=["so-tttt"]) in section_v
    section_iv = html.split('id="section-IV"', 1)[1].split('id="section-V"', 1)[0]
    assert reverse("portal:group-detail", args=["so-ban-nganh"]) in section_iv


@pytest.mark.parametrize("n_plans", [2, 12])
def test_plans_page_query_count_does_not_grow_with_plans(client, db, django_assert_num_queries, n_plans):
    for i in range(n_plans):
        make_task(make_section(make_plan(number=f"{i + 1}/KH-UBND")))
    # the first two plans (one plan: its outline instead), then every plan with its task count (+issuer)
    with django_assert_num_queries(2):
        response = client.get(reverse("portal:plan-list"))
    assert response.content.decode().count("/KH-UBND</a>") == n_plans
