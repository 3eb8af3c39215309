"""The task list: each filter alone and combined against known data, accents, sorting, pagination,
shareable URLs, and a query count that does not grow with the data."""

import re

import pytest
from django.urls import reverse

from plan_tracker.collation import vi_sort_key
from portal.views import TASKS_PER_PAGE
from testing.factories import make_agency
from testing.scenarios import more_tasks

URL = reverse("portal:task-list")


def listed(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    # Read from the page as shown (its body may come from the cache: portal.fragments).
    return response, cards(response.content.decode())


CARD = re.compile(r'<article class="task-card">\s*<h3><a href="[^"]*" lang="vi">([^ ]+)\. .*?'
                  r'<p class="meta">Kế hoạch ([^ ]+) ·', re.S)


def cards(html):
    """(plan number, task number) of each task card, in page order."""
    return [(plan, number) for number, plan in CARD.findall(html)]


def numbers(client, **params):
    return set(listed(client, **params)[1])


A, B = "10/KH-UBND", "20/KH-UBND"
T1, T2, T3, T4, T5, T6 = (A, "1.1"), (A, "1.2"), (A, "2.1"), (A, "2.2"), (A, "2.3"), (B, "1.1")
ALL = {T1, T2, T3, T4, T5, T6}


def test_anonymous_is_sent_to_log_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_unfiltered_list_shows_every_task_of_every_plan_in_plan_order(client, viewer, world):
    response, rows = listed(client)
    # Plan A is newer, so it comes first; within a plan, the document's order.
    assert rows == [T1, T2, T3, T4, T5, T6]
    html = response.content.decode()
    assert "Sở Tư pháp" in html and "UBND các huyện, thành phố" in html


# ------------------------------------------------------------------------------ each filter alone

def test_filter_by_plan(client, viewer, world):
    assert numbers(client, plan=world.plan_b.pk) == {T6}
    assert numbers(client, plan=world.plan_a.pk) == {T1, T2, T3, T4, T5}


def test_filter_by_section_includes_its_subsections(client, viewer, world):
    assert numbers(client, section=world.s2.pk) == {T3, T4, T5}
    assert numbers(client, section=world.part.pk) == {T1, T2, T3, T4, T5}


def test_filter_by_agency_as_lead_or_coordinator(client, viewer, world):
    # Sở Tư pháp leads 1.1 and 2.3, coordinates 2.1.
    assert numbers(client, agency="so-tu-phap") == {T1, T3, T5}


def test_filter_by_agency_counts_its_groups(client, viewer, world):
    # UBND huyện Việt Yên: leads B 1.1 directly, leads A 1.2 and coordinates A 1.1 through its group.
    assert numbers(client, agency="ubnd-huyen-viet-yen") == {T1, T2, T6}


def test_filter_by_agency_and_role(client, viewer, world):
    assert numbers(client, agency="ubnd-huyen-viet-yen", role="lead") == {T2, T6}
    assert numbers(client, agency="ubnd-huyen-viet-yen", role="coordinator") == {T1}
    assert numbers(client, agency="so-tu-phap", role="coordinator") == {T3}


def test_role_alone_narrows_nothing(client, viewer, world):
    assert numbers(client, role="lead") == ALL


def test_filter_by_timeframe_kind(client, viewer, world):
    assert numbers(client, timeframe="deadline") == {T3, T4, T5, T6}
    assert numbers(client, timeframe="annual") == {T2}
    assert numbers(client, timeframe="ongoing") == {T1}


def test_overdue_means_deadline_passed_and_no_lead_reported_it_completed(client, viewer, world):
    # 2.3 is past its deadline but its lead reported it completed; 2.1 has only a coordinator's
    # "completed" and its lead's "completed" in a draft: still overdue.
    assert numbers(client, overdue="on") == {T3}


def test_due_within_days(client, viewer, world):
    assert numbers(client, due_within=60) == {T4}
    assert numbers(client, due_within=365) == {T4, T6}
    assert numbers(client, due_within=29) == set()


def test_overdue_together_with_due_within_shows_both(client, viewer, world):
    assert numbers(client, overdue="on", due_within=60) == {T3, T4}


@pytest.mark.parametrize("q", ["truyền thông", "truyen thong", "TRUYEN THONG", "Truyền  Thông", "thong truyen"])
def test_search_ignores_accents_case_and_word_order(client, viewer, world, q):
    # "Tổ chức truyền thông…" (1.1), "TRUYỀN THÔNG trên mạng xã hội" (B 1.1) and nothing else.
    assert numbers(client, q=q) == {T1, T6}


def test_search_with_and_without_accents_on_other_words(client, viewer, world):
    assert numbers(client, q="phap luat") == {T1, T2}
    assert numbers(client, q="pháp luật mới") == {T1}
    assert numbers(client, q="bo tri can bo") == {T3}
    assert numbers(client, q="đầu mối") == numbers(client, q="dau moi") == {T3}
    assert numbers(client, q="không có từ này") == set()


def test_search_finds_a_task_by_its_number(client, viewer, world):
    assert numbers(client, q="1.2") == {T2}


# ------------------------------------------------------------------------------ combined

def test_filters_combine(client, viewer, world):
    assert numbers(client, agency="ubnd-huyen-viet-yen", q="truyen thong") == {T1, T6}
    assert numbers(client, agency="ubnd-huyen-viet-yen", q="truyen thong", plan=world.plan_a.pk) == {T1}
    assert numbers(client, agency="so-noi-vu", timeframe="deadline") == {T3, T4}
    assert numbers(client, agency="so-noi-vu", role="lead", overdue="on") == {T3}
    assert numbers(client, section=world.s2.pk, due_within=365, agency="so-noi-vu") == {T4}
    assert numbers(client, agency="so-tu-phap", role="lead", timeframe="deadline", overdue="on") == set()


def test_invalid_filter_values_are_reported_and_ignored(client, viewer, world):
    response, rows = listed(client, agency="no-such-agency", due_within="abc")
    assert set(rows) == ALL
    form = response.context["filter"].form
    assert "agency" in form.errors and "due_within" in form.errors


# ------------------------------------------------------------------------------ sorting, pages, URLs

def test_sort_by_deadline_puts_nearest_first_and_undated_last(client, viewer, world):
    _, rows = listed(client, sort="deadline")
    assert rows == [T5, T3, T4, T6, T1, T2]


def test_sort_by_number_is_the_default(client, viewer, world):
    assert listed(client, sort="number")[1] == listed(client)[1]


def test_pages_keep_the_filters_in_their_links(client, viewer, world):
    more_tasks(world, TASKS_PER_PAGE)
    response, rows = listed(client, agency="so-tu-phap", sort="deadline")
    assert len(rows) == TASKS_PER_PAGE
    page = response.context["page"]
    assert page.paginator.count == TASKS_PER_PAGE + 3 and page.paginator.num_pages == 2
    html = response.content.decode()
    assert 'href="?agency=so-tu-phap&amp;sort=deadline&amp;page=2"' in html
    second = client.get(URL, {"agency": "so-tu-phap", "sort": "deadline", "page": 2})
    assert len(second.context["page"].object_list) == 3


def test_the_form_shows_the_filter_state_from_the_url(client, viewer, world):
    html = client.get(URL, {"agency": "so-noi-vu", "q": "cán bộ", "overdue": "on"}).content.decode()
    assert 'name="agency" value="Sở Nội vụ (so-noi-vu)"' in html
    assert 'value="cán bộ"' in html
    assert 'name="overdue" id="id_overdue" checked' in html


def test_every_field_has_a_label(client, viewer, world):
    html = client.get(URL).content.decode()
    for name in ("q", "plan", "section", "agency", "role", "timeframe", "overdue", "due_within", "sort"):
        assert f'<label for="id_{name}">' in html, name


# ------------------------------------------------------------------------------ the agency box

@pytest.mark.parametrize("typed", ["so tu phap", "SỞ TƯ PHÁP", "tư pháp", "Sở Tư pháp (so-tu-phap)", "so-tu-phap"])
def test_a_typed_agency_name_becomes_its_code_in_the_address(client, viewer, world, typed):
    response = client.get(URL, {"agency": typed, "role": "lead", "page": 2})
    assert response.status_code == 302 or typed == "so-tu-phap"
    if response.status_code == 302:
        assert response["Location"] == f"{URL}?agency=so-tu-phap&role=lead"
        response = client.get(response["Location"])
    assert 'value="Sở Tư pháp (so-tu-phap)"' in response.content.decode()
    assert numbers(client, agency="so-tu-phap", role="lead") == {T1, T5}


def test_an_agency_matching_several_or_none_is_an_error_in_vietnamese(client, viewer, world):
    make_agency(code="ubnd-huyen-tan-yen", name="UBND huyện Tân Yên", kind="district")
    response, rows = listed(client, agency="UBND huyện")  # Việt Yên and Tân Yên
    assert set(rows) == ALL
    assert "Có nhiều cơ quan khớp với “UBND huyện”" in str(response.context["filter"].form.errors["agency"])
    response, rows = listed(client, agency="Bộ Quốc phòng")
    assert "Không tìm thấy cơ quan “Bộ Quốc phòng”." in response.content.decode()


def test_agency_suggestions_are_accent_free_in_vietnamese_order(client, viewer, world):
    for name in ("UBND huyện Yên Dũng", "UBND huyện Ân Thi", "UBND huyện Âu Lạc", "UBND huyện An Dương"):
        make_agency(name=name, kind="district")
    results = client.get(reverse("portal:suggest"), {"q": "ubnd huyen"}).json()["results"]
    labels = [r["label"] for r in results]
    assert len(labels) == 5 and all(label.startswith("UBND huyện") for label in labels)
    assert labels == sorted(labels, key=vi_sort_key)  # Vietnamese order
    assert {"code": "ubnd-huyen-viet-yen", "label": "UBND huyện Việt Yên (ubnd-huyen-viet-yen)"} in results
    assert client.get(reverse("portal:suggest"), {"q": "u"}).json() == {"results": []}  # 2 letters at least
    client.logout()
    assert client.get(reverse("portal:suggest"), {"q": "ubnd"}).status_code == 302


def section_options(html):
    return html.split('name="section"', 1)[1].split("</select>", 1)[0].count('<option value="') - 1


def test_the_filter_form_does_not_list_every_agency_and_section(client, viewer, world):
    html = client.get(URL).content.decode()
    assert "Sở Tư pháp (so-tu-phap)" not in html  # agencies are typed, not listed
    assert section_options(html) == 0
    assert "Chọn kế hoạch trước" in html
    # With a plan chosen, its sections are offered, and only its own.
    html = client.get(URL, {"plan": world.plan_b.pk}).content.decode()
    assert section_options(html) == world.plan_b.sections.count()
    # A section in a shared address without its plan still filters and shows.
    response, rows = listed(client, section=world.s2.pk)
    assert set(rows) == {T3, T4, T5} and section_options(response.content.decode()) == 1


def test_deadline_states_are_shown(client, viewer, world):
    html = client.get(URL).content.decode()
    assert "quá hạn 10 ngày" in html
    assert "còn 30 ngày" in html
    assert "đã báo cáo hoàn thành" in html


# ------------------------------------------------------------------------------ query count

@pytest.mark.parametrize("extra", [0, 30])
def test_query_count_does_not_grow_with_tasks(client, viewer, world, django_assert_num_queries, extra):
    more_tasks(world, extra)
    # 1 session, 2 user, 3 the agency of ?agency= (validation), 4 COUNT of the filtered tasks, 5 the
    # page's task ids, 6 those tasks (+plan, section, completion EXISTS), 7 their assignments (+agency,
    # group), 8 the plan choices of the filter form (sections only once a plan is chosen; agencies are typed).
    with django_assert_num_queries(7):
        response = client.get(URL, {"agency": "so-tu-phap", "q": "truyen thong", "sort": "deadline"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1 + extra


@pytest.mark.parametrize("extra", [0, 30])
def test_query_count_unfiltered(client, viewer, world, django_assert_num_queries, extra):
    more_tasks(world, extra)
    # user (the session from the cache), COUNT, the page's task ids, those tasks, their assignments, plan choices.
    with django_assert_num_queries(6):
        client.get(URL)


def test_an_agency_code_is_found_by_its_unique_index_not_by_searching_every_name(client, viewer, world):
    """What the box and every shared link send is a code: one indexed look-up, not the search through every
    agency's folded names (2-4 ms at national scale on every filtered request). A typed name is still searched."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def agency_lookups(agency):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, {"agency": agency})
        assert response.status_code in (200, 302)  # a typed name is sent on to its code's address
        return [q["sql"] for q in queries.captured_queries if 'FROM "agencies_agency"' in q["sql"]
                and '"agencies_agency"."code" =' in q["sql"]]

    by_code = agency_lookups("so-tu-phap")
    assert by_code and not any("LIKE" in sql.upper() for sql in by_code)
    by_name = agency_lookups("Sở Tư pháp")
    assert any("LIKE" in sql.upper() for sql in by_name)
