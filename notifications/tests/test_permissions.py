"""Who may do what on every URL of the notifications app (the same matrix as reports/tests).

``test_every_url_is_in_the_matrix`` fails when a URL is added without a row."""

import pytest
from django.urls import URLPattern, reverse

from agencies.models import Membership
from notifications.tokens import new_calendar_token
from testing.factories import make_agency, make_user

PERSONAS = ["anonymous", "officer", "other_officer", "coordinator", "viewer", "admin", "staff"]
LOGIN = 302  # anonymous users are sent to the login page
OK = 302  # a successful POST redirects back to the preferences page

# (url name, object, method): statuses for anonymous, officer, other_officer, coordinator, viewer, admin, staff
# (staff: may enter the Django admin, with no permission and no membership). Managing an agency's calendar is a
# power over that agency: without it the answer is 403, whichever agency (agencies are not secret).
MATRIX = {
    ("notifications:preferences", None, "get"): [LOGIN, 200, 200, 200, 200, 200, 200],
    ("notifications:preferences", None, "post"): [LOGIN, OK, OK, OK, OK, OK, OK],
    # Agency A: the officer's. The coordinator and the viewer belong to agency C.
    ("notifications:calendar-token-new", "agency_a", "get"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("notifications:calendar-token-new", "agency_a", "post"): [LOGIN, OK, 403, 403, 403, OK, 403],
    ("notifications:calendar-token-new", "agency_c", "post"): [LOGIN, 403, 403, OK, 403, OK, 403],
    ("notifications:calendar-token-revoke", "agency_a", "get"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("notifications:calendar-token-revoke", "agency_a", "post"): [LOGIN, OK, 403, 403, 403, OK, 403],
    ("notifications:calendar-token-revoke", "agency_c", "post"): [LOGIN, 403, 403, OK, 403, OK, 403],
    # The feed needs no sign-in: the token is the key, for everybody alike.
    ("notifications:calendar-feed", "live_token", "get"): [200, 200, 200, 200, 200, 200, 200],
    ("notifications:calendar-feed", "live_token", "post"): [405, 405, 405, 405, 405, 405, 405],
    ("notifications:calendar-feed", "revoked_token", "get"): [404, 404, 404, 404, 404, 404, 404],
    ("notifications:calendar-feed", "wrong_token", "get"): [404, 404, 404, 404, 404, 404, 404],
}


@pytest.fixture
def world(db, django_user_model):
    a, b, c = make_agency(), make_agency(), make_agency()
    users = {
        "officer": make_user(django_user_model, "officer", a, email="o@example.vn"),
        "other_officer": make_user(django_user_model, "other", b, email="b@example.vn"),
        "coordinator": make_user(django_user_model, "coord", c, role=Membership.Role.COORDINATOR),
        "viewer": make_user(django_user_model, "viewer", c, role=Membership.Role.VIEWER),
        "admin": django_user_model.objects.create_superuser("root", password="x"),
        "staff": make_user(django_user_model, "staff", is_staff=True),
    }
    revoked = new_calendar_token(b, None)
    new_calendar_token(b, None)  # revokes the first
    objects = {"agency_a": a, "agency_c": c, "live_token": new_calendar_token(a, None), "revoked_token": revoked}
    return users, objects


def _url(name, obj, objects):
    if obj is None:
        return reverse(name)
    if obj == "wrong_token":
        return reverse(name, args=["not-a-token"])
    if obj.endswith("_token"):
        return reverse(name, args=[objects[obj].token])
    return reverse(name, args=[objects[obj].pk])


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("key", list(MATRIX), ids=["{}-{}-{}".format(*k) for k in MATRIX])
def test_permission_matrix(client, world, persona, key):
    users, objects = world
    name, obj, method = key
    expected = MATRIX[key][PERSONAS.index(persona)]
    if persona != "anonymous":
        client.force_login(users[persona])
    data = {"reminders": "on", "notifications": "on", "language": "vi"} if method == "post" else None

    response = getattr(client, method)(_url(name, obj, objects), data)

    assert response.status_code == expected, (persona, key, response.status_code)
    if expected == LOGIN and persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))


def _names(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLPattern):
            yield prefix + p.name


def test_every_url_is_in_the_matrix():
    """A new URL under notifications/ must get its rows here."""
    import notifications.urls

    names = {"notifications:" + n for n in _names(notifications.urls.urlpatterns)}
    assert names == {name for name, _obj, _m in MATRIX}
