"""Signing in rotates the session key (no session fixation) and writes the new session's row once (accounts.sessions:
``cycle_key`` leaves the row to the response's save; issue #18): the key from before sign-in is gone from the
database and the cache, the new one holds the signed-in user and what the session held before, django-axes' sign-in
record names the new session, and a key already taken is never reused. On local memory and on Redis, with axes on
(as in production; the test settings turn it off)."""

import hashlib

import pytest
from axes.models import AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import sessions
from accounts.sessions import SessionStore
from accounts.tests.conftest import PASSWORD  # the officer fixture's password
from testing.cache_backends import backend_fixture

backend = backend_fixture()


pytestmark = pytest.mark.usefixtures("axes_on")  # accounts/tests/conftest.py


def _session_before_sign_in(client):
    """A session that exists before sign-in (as one fixed by an attacker would), holding a value."""
    store = SessionStore()
    store["before"] = "giá trị"
    store.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key
    return store.session_key


def _cached(key):
    return cache.get(SessionStore.cache_key_prefix + key)


def _sign_in(client, officer):
    response = client.post(reverse("login"), {"username": officer.username, "password": PASSWORD})
    assert response.status_code == 302
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_signing_in_gives_a_new_key_and_ends_the_old_one(client, officer, backend):
    old = _session_before_sign_in(client)
    assert _cached(old) is not None
    new = _sign_in(client, officer)
    assert new != old
    assert not Session.objects.filter(session_key=old).exists() and _cached(old) is None
    stored = SessionStore(new).load()
    assert stored["_auth_user_id"] == str(officer.pk) and stored["before"] == "giá trị"
    assert Session.objects.get(session_key=new).get_decoded() == stored
    assert client.get("/").status_code == 200  # signed in with the new key
    # The old cookie signs nobody in.
    client.cookies[settings.SESSION_COOKIE_NAME] = old
    assert client.get("/").status_code == 302


def test_signing_in_without_a_session_before_gives_a_fresh_one(client, officer, backend):
    key = _sign_in(client, officer)
    assert SessionStore(key).load()["_auth_user_id"] == str(officer.pk)
    assert Session.objects.filter(session_key=key).count() == 1


def _session_statements(queries):
    return [q["sql"].split()[0] for q in queries.captured_queries if '"django_session"' in q["sql"]]


def test_the_signed_in_session_row_is_written_once(client, officer, backend):
    with CaptureQueriesContext(connection) as queries:
        _sign_in(client, officer)
    # The new row inserted with the signed-in data: no look for the key first, no second write after.
    assert _session_statements(queries) == ["INSERT"]
    _session_before_sign_in(client)
    with CaptureQueriesContext(connection) as queries:
        _sign_in(client, officer)
    # With a session before: the old row read and deleted (Django's delete), then the one INSERT.
    assert _session_statements(queries) == ["SELECT", "DELETE", "INSERT"]


def test_the_sign_in_record_names_the_new_session_and_signing_out_closes_it(client, officer, backend):
    key = _sign_in(client, officer)
    log = AccessLog.objects.get(username=officer.username)
    assert log.session_hash == hashlib.sha256(key.encode()).hexdigest()
    assert client.post(reverse("logout")).status_code == 302
    log.refresh_from_db()
    assert log.logout_time is not None
    assert not Session.objects.filter(session_key=key).exists() and _cached(key) is None


def test_a_key_already_taken_is_never_reused(client, officer, backend, monkeypatch):
    """Should the random key drawn at sign-in be someone's session already, that session stays as it was and the
    signed-in one gets another key."""
    other = SessionStore()
    other["_auth_user_id"] = "someone else"
    other.save()
    monkeypatch.setattr(sessions, "get_random_string", lambda *args: other.session_key)
    key = _sign_in(client, officer)
    assert key != other.session_key
    assert Session.objects.get(session_key=other.session_key).get_decoded() == {"_auth_user_id": "someone else"}
    assert SessionStore(key).load()["_auth_user_id"] == str(officer.pk)
    assert client.get("/").status_code == 200
