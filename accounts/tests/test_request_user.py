"""The signed-in user of every request read by a statement compiled once per process (accounts.middleware,
issue #18): the same user, the same session checks as Django's ``get_user``."""

import hashlib
import inspect

import django.contrib.auth
import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import middleware, roles

HOME = "/"


def fields(user):
    return {f.attname: getattr(user, f.attname) for f in User._meta.concrete_fields}


@pytest.fixture
def person(db):
    return User.objects.create_user("officer-mw", "mw@example.org", "Mật-khẩu-dài-1", first_name="Lan")


def request_with(client, **session):
    """A request with a session of its own holding the client's session data (after the changes in ``session``)."""
    from importlib import import_module

    from django.conf import settings

    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    data = {**dict(client.session.items()), **session}
    store = store_class()
    store.update(data)
    store.create()
    request = RequestFactory().get(HOME)
    request.session = store_class(store.session_key)
    return request


def test_the_same_user_as_djangos(client, person):
    client.force_login(person)
    ours = middleware.get_user(request_with(client))
    theirs = django.contrib.auth.get_user(request_with(client))
    assert type(ours) is User and ours.pk == person.pk
    assert fields(ours) == fields(theirs) == fields(User.objects.get(pk=person.pk))
    assert (ours._state.db, ours._state.adding) == (theirs._state.db, theirs._state.adding)


def test_one_query_for_the_user_as_django(client, person):
    client.force_login(person)
    request = request_with(client)
    request.session.load()
    with CaptureQueriesContext(connection) as ours:
        middleware.get_user(request)
    request = request_with(client)
    request.session.load()
    with CaptureQueriesContext(connection) as theirs:
        django.contrib.auth.get_user(request)
    assert len(ours) == len(theirs)
    # Django's statement, with one more column: the user's roles (accounts.roles.with_grants).
    columns, rest = theirs[-1]["sql"].replace(" LIMIT 21", "").split(' FROM "auth_user"')
    assert ours[-1]["sql"].startswith(columns + ", (SELECT ")
    assert ours[-1]["sql"].endswith(f' AS "{roles.GRANTS_COLUMN}" FROM "auth_user"{rest}')


def test_a_page_shows_the_signed_in_user(client, person):
    client.force_login(person)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert response.wsgi_request.user.pk == person.pk
    assert "officer-mw" in response.content.decode()


@pytest.mark.parametrize("change", ["password", "inactive", "deleted", "hash", "no hash", "backend", "no user"])
def test_the_session_checks_as_djangos(client, person, change):
    client.force_login(person)
    if change == "password":
        person.set_password("Mật-khẩu-khác-2")
        person.save()
    elif change == "inactive":
        User.objects.filter(pk=person.pk).update(is_active=False)
    elif change == "deleted":
        person.delete()
    extra = {"hash": {HASH_SESSION_KEY: "x" * 64}, "backend": {BACKEND_SESSION_KEY: "elsewhere.Backend"},
             "no user": {SESSION_KEY: str(2_000_000_000)}}.get(change, {})
    if change == "no hash":
        store = client.session
        del store[HASH_SESSION_KEY]
        store.save()
    answers = []
    for get_user in (middleware.get_user, django.contrib.auth.get_user):
        request = request_with(client, **extra)
        user = get_user(request)
        answers.append((user.is_authenticated, dict(request.session.items()), request.session.session_key is None))
    assert answers[0] == answers[1]
    assert answers[0][0] is False


def test_an_old_secret_still_verifies_the_session_and_rotates_it(client, person, settings):
    client.force_login(person)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "another-secret-key-for-the-test-0123456789abcdefghijklmnopqrstuvwxyz"
    answers = []
    for get_user in (middleware.get_user, django.contrib.auth.get_user):
        request = request_with(client)
        old_key = request.session.session_key
        user = get_user(request)
        answers.append((user.pk, request.session[HASH_SESSION_KEY], request.session.session_key != old_key))
    assert answers[0] == answers[1] == (person.pk, person.get_session_auth_hash(), True)


def test_another_backend_reads_its_own_user(person):
    class Other(ModelBackend):
        def get_user(self, user_id):
            return "from the backend"

    assert middleware._backend_user(Other(), person.pk) == "from the backend"
    assert middleware._backend_user(ModelBackend(), str(person.pk)).pk == person.pk  # not an int: Django's get
    assert middleware._backend_user(ModelBackend(), 2**40) is None  # out of the column's range: Django's get


def test_the_site_uses_this_middleware(settings):
    assert "accounts.middleware.AuthenticationMiddleware" in settings.MIDDLEWARE
    assert "django.contrib.auth.middleware.AuthenticationMiddleware" not in settings.MIDDLEWARE


def test_pinned_django_get_user():
    """``accounts.middleware.get_user`` copies Django 5.2's ``get_user`` and relies on ModelBackend's: an upgrade
    that changes either must be read again (then update the hashes)."""
    def digest(function):
        return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]

    assert digest(django.contrib.auth.get_user) == "08a852f701f765bc"
    assert digest(ModelBackend.get_user) == "ab2f0fe767938110"
    assert digest(ModelBackend.user_can_authenticate) == "5b8b04b353c75ae1"
