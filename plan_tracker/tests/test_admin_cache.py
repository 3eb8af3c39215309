"""Issue #18: the task and agency changelists of the admin served from the cache (plan_tracker.admin_cache).

Every test runs on local memory and on Redis (DB 15, a key prefix of its own, only its own keys deleted), as
reports/tests/test_figures_cache.py does. What an admin sees must be what a fresh rendering shows: every change
at once, their own permissions, their own messages, a CSRF token that works."""

import datetime
import re

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency
from plan_tracker import admin_cache
from tasks.models import Task
from testing.factories import make_agency, make_section, make_task
from testing.cache_backends import backend_fixture

TASKS = reverse("admin:tasks_task_changelist")
AGENCIES = reverse("admin:agencies_agency_changelist")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')



backend = backend_fixture()


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser(username="quantri", password="pw", email="a@example.vn",
                                                      first_name="Lan")


@pytest.fixture
def tasks(db):
    lead = make_agency(name="Sở Thử nghiệm")
    section = make_section()
    return [make_task(section, lead=lead, number=f"{i}.1", title=f"Nhiệm vụ số {i}") for i in range(1, 4)]


def client_for(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def get(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def without_token(html):
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


def staff(django_user_model, username, *codenames):
    user = django_user_model.objects.create_user(username=username, password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return django_user_model.objects.get(pk=user.pk)  # no stale permission cache


@pytest.mark.parametrize("url", [TASKS, AGENCIES])
def test_second_read_comes_from_the_cache_and_is_the_fresh_page(admin_user, tasks, url):
    client = client_for(admin_user)
    fresh, fresh_queries = get(client, url)
    cached, cached_queries = get(client, url)
    assert cached_queries < fresh_queries
    assert without_token(cached) == without_token(fresh)
    assert admin_cache.CSRF_STAND_IN not in cached
    assert TOKEN.findall(cached)  # the forms keep a real token


def test_a_task_edited_in_the_admin_shows_at_once(admin_user, tasks):
    client = client_for(admin_user)
    get(client, TASKS)
    task = tasks[0]
    data = {
        "plan": task.plan_id, "section": task.section_id, "number": task.number, "title": "Tên mới của nhiệm vụ",
        "content": "", "order": task.order, "target_quantity": "", "target_unit": "", "target_text": "",
        "timeframe_kind": task.timeframe_kind, "timeframe_text": "", "start_date": "", "end_date": "",
        "due_date": "",
        "assignments-TOTAL_FORMS": "0", "assignments-INITIAL_FORMS": "0",
        "assignments-MIN_NUM_FORMS": "0", "assignments-MAX_NUM_FORMS": "1000",
    }
    response = client.post(reverse("admin:tasks_task_change", args=[task.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    html, _ = get(client, TASKS)
    assert "Tên mới của nhiệm vụ" in html


def test_tasks_added_changed_and_deleted_elsewhere_show_at_once(admin_user, tasks):
    client = client_for(admin_user)
    get(client, TASKS)
    make_task(tasks[0].section, number="9.1", title="Nhiệm vụ thêm sau")
    html, _ = get(client, TASKS)
    assert "Nhiệm vụ thêm sau" in html
    Task.objects.filter(pk=tasks[1].pk).delete()
    html, _ = get(client, TASKS)
    assert "Nhiệm vụ số 2" not in html
    lead = tasks[0].assignments.get().agency
    lead.name = "Sở Đổi tên"
    lead.save()  # the lead column shows the agency's name
    html, _ = get(client, TASKS)
    assert "Sở Đổi tên" in html


def test_an_agency_added_or_edited_shows_at_once(admin_user, tasks):
    client = client_for(admin_user)
    get(client, AGENCIES)
    agency = make_agency(name="Sở Mới lập")
    html, _ = get(client, AGENCIES)
    assert "Sở Mới lập" in html
    agency.name = "Sở Mới đổi tên"
    agency.save()
    html, _ = get(client, AGENCIES)
    assert "Sở Mới đổi tên" in html and "Sở Mới lập" not in html


def test_another_user_never_sees_the_first_users_page(admin_user, tasks, django_user_model):
    get(client_for(admin_user), TASKS)
    viewer = staff(django_user_model, "xem", "view_task")
    html, _ = get(client_for(viewer), TASKS)
    assert 'name="_selected_action"' not in html  # no action box: they may not delete
    assert reverse("admin:tasks_task_add") not in html
    # the page's CSRF token is random letters: "Lan" once stood in one (CI, 7/12/2026); look at the rest of the page
    shown = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    assert "quantri" not in shown and "Lan" not in shown
    nobody = staff(django_user_model, "khong", "view_agency")
    assert client_for(nobody).get(TASKS).status_code == 403


def test_a_permission_given_shows_at_once(admin_user, tasks, django_user_model):
    viewer = staff(django_user_model, "xem", "view_task")
    html, _ = get(client_for(viewer), TASKS)
    assert 'name="_selected_action"' not in html
    viewer.user_permissions.add(Permission.objects.get(codename="delete_task"))  # bumps nothing of SITE
    html, _ = get(client_for(django_user_model.objects.get(pk=viewer.pk)), TASKS)
    assert 'name="_selected_action"' in html


def test_the_users_new_name_shows_in_the_header(admin_user, tasks):
    client = client_for(admin_user)
    html, _ = get(client, TASKS)
    assert "Lan" in html
    admin_user.first_name = "Hồng"
    admin_user.save()
    html, _ = get(client, TASKS)
    assert "Hồng" in html


def test_filters_search_ordering_and_pages_have_their_own_pages(admin_user, tasks, settings):
    client = client_for(admin_user)
    everything, _ = get(client, TASKS)
    assert all(f"Nhiệm vụ số {i}" in everything for i in range(1, 4))
    other_plan_task = make_task(number="7.1", title="Nhiệm vụ kế hoạch khác")
    filtered, _ = get(client, TASKS, plan__id__exact=other_plan_task.plan_id)
    assert "Nhiệm vụ kế hoạch khác" in filtered and "Nhiệm vụ số 1" not in filtered
    searched, _ = get(client, TASKS, q="số 2")
    assert "Nhiệm vụ số 2" in searched and "Nhiệm vụ số 1" not in searched
    up, _ = get(client, TASKS, o="2")
    down, _ = get(client, TASKS, o="-2")
    assert up.index("Nhiệm vụ số 1") < up.index("Nhiệm vụ số 3")
    assert down.index("Nhiệm vụ số 3") < down.index("Nhiệm vụ số 1")


def test_pages_of_the_list(admin_user, tasks, monkeypatch):
    from tasks.admin import TaskAdmin

    monkeypatch.setattr(TaskAdmin, "list_per_page", 2)
    client = client_for(admin_user)
    first, _ = get(client, TASKS, o="2")
    second, _ = get(client, TASKS, o="2", p="2")
    assert "Nhiệm vụ số 1" in first and "Nhiệm vụ số 3" not in first
    assert "Nhiệm vụ số 3" in second and "Nhiệm vụ số 1" not in second


def test_messages_after_an_action_are_shown(admin_user, tasks):
    client = client_for(admin_user)
    get(client, TASKS)
    get(client, TASKS)  # cached now
    # An action with no task ticked changes nothing (no bump) and leaves a message for the next page.
    response = client.post(TASKS, {"action": "delete_selected", "index": "0"})
    assert response.status_code == 302
    html, _ = get(client, TASKS)
    assert 'class="messagelist"' in html
    html, _ = get(client, TASKS)
    assert 'class="messagelist"' not in html  # read once


def test_the_action_form_of_a_cached_page_posts(admin_user, tasks):
    get(client_for(admin_user, enforce_csrf_checks=True), TASKS)  # cached by one browser…
    client = client_for(admin_user, enforce_csrf_checks=True)  # …read by another (its own CSRF secret)
    html, queries = get(client, TASKS)
    token = TOKEN.findall(html)[0]
    response = client.post(TASKS, {"csrfmiddlewaretoken": token, "action": "delete_selected", "index": "0",
                                   "_selected_action": [tasks[0].pk], "post": "yes"})
    assert response.status_code == 302
    assert not Task.objects.filter(pk=tasks[0].pk).exists()


def test_a_title_typed_as_the_stand_in_never_shows_the_readers_token(admin_user, tasks):
    from plan_tracker.admin_cache import CSRF_STAND_IN

    task = Task.objects.get(pk=tasks[0].pk)
    task.title = CSRF_STAND_IN + " và việc khác"
    task.save()  # (bumps SITE)
    get(client_for(admin_user, enforce_csrf_checks=True), TASKS)
    html, _ = get(client_for(admin_user, enforce_csrf_checks=True), TASKS)  # from the cache
    tokens = TOKEN.findall(html)
    assert tokens and CSRF_STAND_IN not in tokens  # every form carries a real token
    assert CSRF_STAND_IN + " và việc khác" in html  # the title, as typed


def test_the_language_has_its_own_page(admin_user, tasks):
    client = client_for(admin_user)
    vietnamese, _ = get(client, TASKS)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    english, _ = get(client, TASKS)
    assert "Select task to change" in english or "Select" in english
    assert without_token(english) != without_token(vietnamese)


def test_an_agency_ending_today_is_no_longer_active_tomorrow(admin_user, db, monkeypatch):
    today = timezone.localdate()
    make_agency(name="Sở Sắp giải thể", valid_to=today)
    client = client_for(admin_user)
    html, _ = get(client, AGENCIES, hieu_luc="active")
    assert "Sở Sắp giải thể" in html
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow)
    html, _ = get(client, AGENCIES, hieu_luc="active")
    assert "Sở Sắp giải thể" not in html


def test_not_cached_search_post_or_stand_in(admin_user, tasks, rf):
    request = rf.get(TASKS, {"q": "x"})
    assert not admin_cache.cacheable(request)
    assert not admin_cache.cacheable(rf.post(TASKS))
    assert not admin_cache.cacheable(rf.get(TASKS, {"x": admin_cache.CSRF_STAND_IN}))


def test_a_bad_filter_redirects_every_time(admin_user, tasks):
    client = client_for(admin_user)
    for _ in range(2):
        response = client.get(TASKS, {"due_date__gte": "khong-phai-ngay"})
        assert response.status_code == 302 and "e=1" in response["Location"]


def test_new_static_files_render_the_page_again(admin_user, tasks, monkeypatch):
    client = client_for(admin_user)
    _, fresh_queries = get(client, TASKS)
    _, cached_queries = get(client, TASKS)
    monkeypatch.setattr(admin_cache, "staticfiles_storage", type("Storage", (), {"manifest_hash": "moi"})())
    _, queries = get(client, TASKS)
    assert queries == fresh_queries > cached_queries


# --- the key: the query the changelist acts on, never the query string as typed ---------------------------------

@pytest.fixture
def stored(monkeypatch):
    """The pages stored (a page read from the cache is not); ``stored.rendered``: every changelist Django rendered,
    stored or not."""
    from django.contrib.admin.options import ModelAdmin

    pages = Pages()
    real, real_view = admin_cache._stored, ModelAdmin.changelist_view

    def counted(response):
        pages.append(response)
        return real(response)

    def rendered(self, request, extra_context=None):
        pages.rendered += 1
        return real_view(self, request, extra_context)

    monkeypatch.setattr(admin_cache, "_stored", counted)
    monkeypatch.setattr(ModelAdmin, "changelist_view", rendered)
    return pages


class Pages(list):
    rendered = 0


@pytest.mark.parametrize("variants", [
    [{}, {"e": "1"}, {"p": "1"}, {"p": "abc"}, {"p": "3"}, {"q": ""}, {"o": "junk"}, {"o": "99"}],
    [{"o": "2"}, {"o": "2.2"}, {"o": "2.x.-99"}, {"o": "2", "e": "1", "p": "1"}],
    [{"_popup": "1"}, {"_popup": "khac"}],
    [{"all": ""}, {"all": "1"}, {"all": "", "p": "2"}],
], ids=["plain", "ordering", "popup", "all"])
def test_a_parameter_the_changelist_ignores_reads_the_same_page(admin_user, tasks, stored, variants):
    """One list of 3 on one page: ?p=3 shows it as ?p=1 does (Django shows the only page); the error flag, an empty
    search, an ordering by no column change nothing on the page, nor the key."""
    client = client_for(admin_user)
    first, _ = get(client, TASKS, **variants[0])
    for params in variants[1:]:
        html, _ = get(client, TASKS, **params)
        assert without_token(html) == without_token(first), params
    assert len(stored) == 1 and stored.rendered == 1


def test_an_unknown_parameter_redirects_and_is_never_stored(admin_user, tasks, stored):
    client = client_for(admin_user)
    for junk in ("1", "2"):
        response = client.get(TASKS, {"x": junk})
        assert response.status_code == 302 and response["Location"].endswith("?e=1")
    response = client.get(TASKS, {"x": "1", "e": "1"})  # Django's "invalid setup" page: not stored either
    assert response.status_code == 200 and "Nhiệm vụ số 1" not in response.content.decode()
    assert stored == []
    html, _ = get(client, TASKS, e="1")  # where the redirect leads: the plain list
    assert "Nhiệm vụ số 1" in html and len(stored) == 1


def test_pages_and_filters_each_have_their_own_entry(admin_user, tasks, stored, monkeypatch):
    from tasks.admin import TaskAdmin

    monkeypatch.setattr(TaskAdmin, "list_per_page", 2)
    other = make_task(number="7.1", title="Nhiệm vụ kế hoạch khác")
    client = client_for(admin_user)
    addresses = {
        (("o", "2"),): ["Nhiệm vụ kế hoạch khác", "Nhiệm vụ số 1"],
        (("o", "2"), ("p", "2")): ["Nhiệm vụ số 2", "Nhiệm vụ số 3"],
        (("o", "-2"),): ["Nhiệm vụ số 3", "Nhiệm vụ số 2"],
        (("o", "-2"), ("p", "2")): ["Nhiệm vụ số 1", "Nhiệm vụ kế hoạch khác"],
        (("plan__id__exact", str(other.plan_id)),): ["Nhiệm vụ kế hoạch khác"],
        (("o", "2"), ("all", "")): ["Nhiệm vụ kế hoạch khác", "Nhiệm vụ số 1", "Nhiệm vụ số 2", "Nhiệm vụ số 3"],
    }
    fresh = {}
    for params, titles in addresses.items():  # each rendered once (two sharing a key: the second reads the first's)
        fresh[params], _ = get(client, TASKS, **dict(params))
        shown = re.findall(r"Nhiệm vụ (?:số \d|kế hoạch khác)", fresh[params])
        assert list(dict.fromkeys(shown)) == titles, params
    assert len(stored) == len(addresses)
    for params in addresses:
        html, _ = get(client, TASKS, **dict(params))
        assert without_token(html) == without_token(fresh[params]), params
    assert len(stored) == len(addresses)  # every one read back from the cache
    # A page past the end: Django's redirect (?e=1), never stored; ?p=2.0 is not a number: the first page.
    response = client.get(TASKS, {"o": "2", "p": "3"})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")
    html, _ = get(client, TASKS, o="2", p="2.0")
    assert without_token(html) == without_token(fresh[(("o", "2"),)]) and len(stored) == len(addresses)
