"""The signed-in user and their roles in one statement a request (``accounts.middleware._backend_user`` with
``accounts.roles.with_grants``; issue #18, session 16): the same roles as the roles' own statement
(``roles.grant_rows``) for every kind of grant, read afresh at every request (a membership or permission changed
shows at the next request: nothing is kept from one request to the next), on the day's dates."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import middleware, roles
from agencies.models import Membership
from testing.factories import make_agency, make_user

from .test_request_user import request_with


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@pytest.fixture
def people(db, django_user_model):
    today = timezone.localdate()
    live, ceased = make_agency(), make_agency(valid_to=today - datetime.timedelta(days=1))
    later = make_agency(valid_from=today + datetime.timedelta(days=1))
    officer = make_user(django_user_model, "two-agencies", live)
    Membership.objects.create(user=officer, agency=ceased, role=Membership.Role.OFFICER)  # an officer's always
    coordinator = make_user(django_user_model, "coord", live, role=Membership.Role.COORDINATOR)
    Membership.objects.create(user=coordinator, agency=ceased, role=Membership.Role.VIEWER)  # not today
    Membership.objects.create(user=coordinator, agency=later, role=Membership.Role.VIEWER)  # not yet
    direct = make_user(django_user_model, "direct")
    direct.user_permissions.add(_permission(roles.REVIEW_PERMISSION), _permission("reports.view_agencyreport"))
    grouped = make_user(django_user_model, "grouped")
    group = Group.objects.create(name="Lãnh đạo")
    group.permissions.add(_permission(roles.VIEW_ALL_PERMISSION), _permission(roles.REOPEN_PERMISSION))
    grouped.groups.add(group)
    nobody = make_user(django_user_model, "nobody")
    admin = User.objects.create_superuser("admin-roles", "a@example.org", "Mật-khẩu-dài-9")
    return {"officer": officer, "coordinator": coordinator, "direct": direct, "grouped": grouped, "nobody": nobody,
            "admin": admin, "live": live, "ceased": ceased, "later": later, "group": group}


def _request_user(client, user):
    client.force_login(user)
    request = request_with(client)
    with CaptureQueriesContext(connection) as queries:
        found = middleware.get_user(request)
        answers = (roles.officer_agency_ids(found), roles.overseen_agency_ids(found), roles.is_coordinator(found),
                   roles.is_viewer(found), roles.may_reopen(found), roles.may_manage_calendar(found, 1))
    return found, answers, len(queries)


@pytest.mark.parametrize("who", ["officer", "coordinator", "direct", "grouped", "nobody", "admin"])
def test_the_roles_read_with_the_user_are_the_roles_statements(client, people, who):
    user = people[who]
    found, answers, queries = _request_user(client, user)
    assert queries == 1  # the user with their roles; every role check after it asks nothing
    assert found.pk == user.pk and roles.GRANTS_COLUMN not in found.__dict__
    assert getattr(found, roles._CACHE) == frozenset(roles.grant_rows(user.pk))
    fresh = User.objects.get(pk=user.pk)  # the roles' own statement (roles.grant_rows), read at the first check
    assert answers == (roles.officer_agency_ids(fresh), roles.overseen_agency_ids(fresh), roles.is_coordinator(fresh),
                       roles.is_viewer(fresh), roles.may_reopen(fresh), roles.may_manage_calendar(fresh, 1))


def test_the_grants_of_each_kind(client, people):
    live, ceased = people["live"].pk, people["ceased"].pk
    assert getattr(_request_user(client, people["officer"])[0], roles._CACHE) == {(live, "officer"), (ceased, "officer")}
    assert getattr(_request_user(client, people["coordinator"])[0], roles._CACHE) == {(live, "coordinator")}
    assert getattr(_request_user(client, people["direct"])[0], roles._CACHE) == {(None, roles.REVIEW_PERMISSION)}
    assert getattr(_request_user(client, people["grouped"])[0], roles._CACHE) == {
        (None, roles.VIEW_ALL_PERMISSION), (None, roles.REOPEN_PERMISSION)}
    assert getattr(_request_user(client, people["nobody"])[0], roles._CACHE) == frozenset()


def test_a_change_of_roles_shows_at_the_next_request(client, people):
    user = people["nobody"]
    assert _request_user(client, user)[1][:5] == (set(), set(), False, False, False)
    Membership.objects.create(user=user, agency=people["live"], role=Membership.Role.OFFICER)
    assert _request_user(client, user)[1][0] == {people["live"].pk}
    user.groups.add(people["group"])
    assert _request_user(client, user)[1][3:5] == (True, True)  # viewer, may reopen
    people["group"].permissions.remove(_permission(roles.REOPEN_PERMISSION))
    assert _request_user(client, user)[1][3:5] == (True, False)
    Membership.objects.filter(user=user).update(role=Membership.Role.COORDINATOR)
    assert _request_user(client, user)[1][:4] == (set(), {people["live"].pk}, True, False)
    Membership.objects.filter(user=user).delete()
    user.groups.clear()
    assert _request_user(client, user)[1][:5] == (set(), set(), False, False, False)
    # Through the site: the page's request sees the change made since the last one.
    client.force_login(user)
    assert not roles.is_officer(client.get(reverse("portal:home")).wsgi_request.user)
    Membership.objects.create(user=user, agency=people["live"], role=Membership.Role.OFFICER)
    assert roles.is_officer(client.get(reverse("portal:home")).wsgi_request.user)


def test_the_days_memberships(client, people):
    """A coordinator's or viewer's membership grants while its agency exists: the statement is the day's."""
    user = people["coordinator"]
    today = timezone.localdate()
    for day, expected in [(today, {(people["live"].pk, "coordinator")}),
                          (today + datetime.timedelta(days=1), {(people["live"].pk, "coordinator"),
                                                                (people["later"].pk, "viewer")}),
                          (today - datetime.timedelta(days=1), {(people["live"].pk, "coordinator"),
                                                                (people["ceased"].pk, "viewer")})]:
        with mock.patch("django.utils.timezone.localdate", return_value=day):
            found = _request_user(client, user)[0]
            assert getattr(found, roles._CACHE) == expected == frozenset(roles.grant_rows(user.pk, day))


def test_forgotten_roles_are_read_again(client, people):
    found = _request_user(client, people["nobody"])[0]
    Membership.objects.create(user=found, agency=people["live"], role=Membership.Role.OFFICER)
    assert not roles.is_officer(found)  # this request's roles, as read with the user
    roles.forget_roles(found)
    assert roles.is_officer(found)


def test_an_inactive_user_is_no_user(client, people):
    user = people["officer"]
    client.force_login(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    request = request_with(client)
    assert not middleware.get_user(request).is_authenticated


def test_anonymous_requests_read_no_roles(db):
    request = RequestFactory().get("/")
    from django.contrib.sessions.backends.cache import SessionStore

    request.session = SessionStore()
    with CaptureQueriesContext(connection) as queries:
        assert not middleware.get_user(request).is_authenticated
    assert len(queries) == 0
