"""Agency list and detail, group detail: what an agency leads and coordinates (directly or through its
groups), its reports by year (other agencies' officers see the state only), its groups, predecessors
and successors; query counts at two sizes."""

import datetime

import pytest
from django.urls import reverse

from agencies.models import Agency, Membership
from reports.models import AgencyReport
from testing.factories import make_agency, make_user, submitted_report, today
from testing.scenarios import more_tasks

LIST = reverse("portal:agency-list")


def detail(code):
    return reverse("portal:agency-detail", args=[code])


def login(client, django_user_model, agency=None, role=Membership.Role.OFFICER, username="u"):
    user = make_user(django_user_model, username, agency, role=role)
    client.force_login(user)
    return user


@pytest.mark.parametrize("url", [LIST, detail("so-tu-phap"), reverse("portal:group-detail", args=["ubnd-cap-huyen"])])
def test_anonymous_is_sent_to_log_in(client, world, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_unknown_agency_or_group_is_404(client, django_user_model, world):
    login(client, django_user_model)
    assert client.get(detail("no-such")).status_code == 404
    assert client.get(reverse("portal:group-detail", args=["no-such"])).status_code == 404


# ------------------------------------------------------------------------------ list

def test_list_shows_every_agency_with_its_groups_and_the_groups(client, django_user_model, world):
    login(client, django_user_model)
    response = client.get(LIST)
    html = response.content.decode()
    assert [a.name for a in response.context["agencies"]] == ["Sở Nội vụ", "Sở Tư pháp", "UBND huyện Việt Yên"]
    assert detail("ubnd-huyen-viet-yen") in html
    assert reverse("portal:group-detail", args=["ubnd-cap-huyen"]) in html
    assert "1 cơ quan" in html


@pytest.mark.parametrize("q", ["tu phap", "TƯ PHÁP", "so-tu-phap"])
def test_list_search_ignores_accents_and_case(client, django_user_model, world, q):
    login(client, django_user_model)
    assert [a.code for a in client.get(LIST, {"q": q}).context["agencies"]] == ["so-tu-phap"]


def test_list_filters_by_kind(client, django_user_model, world):
    login(client, django_user_model)
    assert [a.code for a in client.get(LIST, {"kind": "district"}).context["agencies"]] == ["ubnd-huyen-viet-yen"]


@pytest.mark.parametrize("n", [3, 130])
def test_list_query_count_does_not_grow(client, django_user_model, world, django_assert_num_queries, n):
    for i in range(n):
        world.districts.members.add(make_agency(name=f"UBND huyện {i}", kind="district"))
    login(client, django_user_model)
    # 1 session, 2 user, 3 COUNT, 4 the page's agencies, 5 their groups, 6 the groups with member counts.
    with django_assert_num_queries(5):
        response = client.get(LIST)
    assert len(response.context["agencies"]) == min(n + 3, 100)


def test_list_is_paged_and_pages_keep_the_search(client, django_user_model, world):
    from portal.agencies import AGENCIES_PER_PAGE

    for i in range(AGENCIES_PER_PAGE + 5):
        make_agency(name=f"UBND xã Số {i:03d}", kind="commune")
    login(client, django_user_model)
    response = client.get(LIST, {"q": "ubnd xa"})
    html = response.content.decode()
    assert f"{AGENCIES_PER_PAGE + 5} cơ quan" in html and "Trang 1/2" in html
    assert 'href="?q=ubnd+xa&amp;page=2"' in html
    second = client.get(LIST, {"q": "ubnd xa", "page": 2}).content.decode()
    assert "UBND xã Số 104" in second and "UBND xã Số 000" not in second


# ------------------------------------------------------------------------------ detail

def test_detail_splits_led_and_coordinated_tasks_including_through_groups(client, django_user_model, world):
    login(client, django_user_model, world.noivu, role=Membership.Role.VIEWER)
    response = client.get(detail("ubnd-huyen-viet-yen"))
    led = [(t.plan.number, t.number) for t in response.context["led"]]
    coordinated = [(t.plan.number, t.number) for t in response.context["coordinated"]]
    assert led == [("10/KH-UBND", "1.2"), ("20/KH-UBND", "1.1")]
    assert coordinated == [("10/KH-UBND", "1.1")]
    html = response.content.decode()
    assert "qua nhóm “UBND các huyện, thành phố”" in html
    assert reverse("portal:task-detail", args=[world.t2.pk]) in html


def test_detail_shows_groups_predecessors_and_successors(client, django_user_model, world):
    old = make_agency(code="so-cu", name="Sở Cũ", valid_to=datetime.date(2025, 2, 28))
    new = make_agency(code="so-moi", name="Sở Mới", valid_from=datetime.date(2025, 3, 1))
    old.successors.add(world.tuphap)
    world.tuphap.successors.add(new)
    login(client, django_user_model)
    html = client.get(detail("so-tu-phap")).content.decode()
    assert "Kế thừa từ" in html and detail("so-cu") in html
    assert "Cơ quan kế thừa" in html and detail("so-moi") in html
    html = client.get(detail("ubnd-huyen-viet-yen")).content.decode()
    assert reverse("portal:group-detail", args=["ubnd-cap-huyen"]) in html


def test_dissolved_agency_is_marked(client, django_user_model, world):
    make_agency(code="so-cu", name="Sở Cũ", valid_to=datetime.date(today().year - 1, 6, 30))
    login(client, django_user_model)
    assert "không còn hoạt động năm nay" in client.get(detail("so-cu")).content.decode()


def _reports(world):
    year = today().year
    accepted = submitted_report(world.plan_a, world.tuphap, year - 1, status=AgencyReport.Status.ACCEPTED)
    return year, accepted, AgencyReport.objects.get(agency=world.tuphap, year=year)


def test_own_officer_and_coordinator_get_links_to_the_reports(client, django_user_model, world):
    year, accepted, current = _reports(world)
    login(client, django_user_model, world.tuphap)
    html = client.get(detail("so-tu-phap")).content.decode()
    assert accepted.get_absolute_url() in html and current.get_absolute_url() in html
    assert "Đã tiếp nhận" in html and "Đã gửi" in html
    login(client, django_user_model, make_agency(), role=Membership.Role.COORDINATOR, username="c")
    assert accepted.get_absolute_url() in client.get(detail("so-tu-phap")).content.decode()


def test_officer_of_another_agency_sees_report_states_only(client, django_user_model, world):
    year, accepted, current = _reports(world)
    login(client, django_user_model, world.huyen)
    html = client.get(detail("so-tu-phap")).content.decode()
    assert f"Báo cáo năm {year - 1}" in html and "Đã tiếp nhận" in html
    assert accepted.get_absolute_url() not in html and current.get_absolute_url() not in html


def test_detail_lists_the_agencys_standing_responsibilities(client, django_user_model, world):
    from tasks.models import Responsibility

    r = Responsibility.objects.create(plan=world.plan_a, number="9", heading="UBND các huyện",
                                      text="Chỉ đạo triển khai tại địa phương.", order=9)
    r.groups.set([world.districts])
    login(client, django_user_model)
    html = client.get(detail("ubnd-huyen-viet-yen")).content.decode()
    assert "Chỉ đạo triển khai tại địa phương." in html


@pytest.mark.parametrize("n", [0, 30])
def test_detail_query_count_does_not_grow(client, django_user_model, world, django_assert_num_queries, n):
    more_tasks(world, n)
    for i in range(n):
        submitted_report(world.plan_b, make_agency(), today().year)  # other agencies' reports
    for year in range(today().year - 3, today().year):
        submitted_report(world.plan_a, world.tuphap, year)
    login(client, django_user_model, world.noivu, role=Membership.Role.VIEWER)
    # 1 session, 2 user, 3 the agency, 4 its groups, 5 successors, 6 predecessors, 7 its tasks (+plan,
    # section, completion), 8 their assignments (+agency, group), 9 the "completed" lines of the tasks it leads
    # (its own deadline state: reports.completion.deadline_state_for), 10 memberships, 11 its reports (+plan),
    # 12 responsibilities (+plan). The user and their memberships: one statement (accounts.roles.with_grants).
    with django_assert_num_queries(10):
        response = client.get(detail("so-tu-phap"))
    assert len(response.context["led"]) == 2 + n
    assert len(response.context["reports"]) == 4


# ------------------------------------------------------------------------------ group

def test_group_page_lists_members_and_its_tasks(client, django_user_model, world):
    world.districts.members.add(make_agency(name="Thành phố Bắc Giang", code="tp-bac-giang", kind="district"))
    login(client, django_user_model)
    response = client.get(reverse("portal:group-detail", args=["ubnd-cap-huyen"]))
    html = response.content.decode()
    assert [t.number for t in response.context["led"]] == ["1.2"]
    assert [t.number for t in response.context["coordinated"]] == ["1.1"]
    assert html.index("Thành phố Bắc Giang") < html.index("UBND huyện Việt Yên")
    assert "2 cơ quan thành viên" in html


@pytest.mark.parametrize("n", [0, 30])
def test_group_query_count_does_not_grow(client, django_user_model, world, django_assert_num_queries, n):
    more_tasks(world, n)
    for i in range(n):
        world.districts.members.add(make_agency(kind="district"))
    login(client, django_user_model)
    # 1 session, 2 user, 3 the group, 4 its members, 5 its tasks (+plan, section, completion),
    # 6 their assignments.
    with django_assert_num_queries(5):
        response = client.get(reverse("portal:group-detail", args=["ubnd-cap-huyen"]))
    assert len(response.context["coordinated"]) == 1 + n
    assert Agency.objects.count() >= 3
