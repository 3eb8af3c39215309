"""Sessions read from the cache (SESSION_ENGINE cached_db; README "Deadline day"): a signed-in request reads no
session row from the database, and the cached copy never outlives what the database says: it ends with the
session, signing out and a password change end it everywhere, and a lost cache (Redis restarted) only sends the
read back to the database. On local memory (``make run``, the tests) and on Redis (production, CACHE_URL)."""

import datetime
import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.middleware import LAST_SEEN
from accounts.sessions import CACHE_SECONDS, SessionStore
from accounts.tests.conftest import PASSWORD  # the officer fixture's password
from testing.cache_backends import backend_fixture

backend = backend_fixture()
HOME = "/"


def _signed_in(client, user):
    assert client.post(reverse("login"), {"username": user.username, "password": PASSWORD}).status_code == 302
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _is_signed_in(client):
    response = client.get(HOME)
    return response.status_code == 200


def _cache_ttl(session_key):
    """Seconds the cached copy of ``session_key`` has left, from the backend itself."""
    key = cache.make_and_validate_key(SessionStore.cache_key_prefix + session_key)
    if hasattr(cache, "_expire_info"):  # local memory
        return cache._expire_info[key] - time.time()
    return cache._cache.get_client(key).ttl(key)


def _session_queries(queries):
    return [q["sql"] for q in queries.captured_queries if "django_session" in q["sql"]]


def test_a_signed_in_request_reads_no_session_row_from_the_database(client, officer, backend):
    _signed_in(client, officer)
    with CaptureQueriesContext(connection) as queries:
        assert _is_signed_in(client)
        assert client.get(reverse("reports:my-reports")).status_code == 200
    assert _session_queries(queries) == []


def test_the_cached_copy_is_kept_ten_minutes_at_most_and_never_past_the_sessions_end(client, officer, backend):
    """A copy that outlives its row (a request that read the row just before a sign-out writes it back just after;
    a Redis restored from a snapshot) lets its cookie in for ten minutes at most, not the session's nine hours."""
    key = _signed_in(client, officer)
    assert settings.SESSION_COOKIE_AGE > CACHE_SECONDS == 600
    assert abs(_cache_ttl(key) - CACHE_SECONDS) < 5
    # 8 hours 55 later the session has five minutes left: the copy read back from the database ends with it.
    session = client.session
    session[LAST_SEEN] = int(time.time())  # (no push of the end by this request)
    session.save()
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + datetime.timedelta(minutes=5))
    cache.delete(SessionStore.cache_key_prefix + key)
    assert _is_signed_in(client)
    assert 280 < _cache_ttl(key) <= 300
    # A push of the session's end (every 5 minutes of activity): the copy is kept ten minutes again.
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 6 * 60
    session.save()
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + datetime.timedelta(minutes=5))
    cache.touch(SessionStore.cache_key_prefix + key, 60)
    assert _is_signed_in(client)
    assert abs(_cache_ttl(key) - CACHE_SECONDS) < 5
    assert Session.objects.get(pk=key).expire_date > timezone.now() + datetime.timedelta(hours=8)


def test_signing_out_ends_the_session_in_the_cache_too(client, officer, backend):
    key = _signed_in(client, officer)
    assert cache.get(SessionStore.cache_key_prefix + key) is not None
    client.post(reverse("logout"))
    assert cache.get(SessionStore.cache_key_prefix + key) is None
    assert not Session.objects.filter(pk=key).exists()
    client.cookies[settings.SESSION_COOKIE_NAME] = key  # the old cookie, kept by a stolen copy of it
    assert not _is_signed_in(client)


def test_a_password_change_signs_out_the_other_sessions_though_they_are_cached(client, officer, backend,
                                                                               django_user_model):
    from django.test import Client

    other = Client()
    _signed_in(other, officer)
    assert _is_signed_in(other)
    _signed_in(client, officer)
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "Mat-khau-moi-9302", "new_password2": "Mat-khau-moi-9302"})
    assert response.status_code == 302
    assert _is_signed_in(client)  # the session that changed it stays signed in
    assert not _is_signed_in(other)


def test_a_lost_cache_reads_the_session_back_from_the_database(client, officer, backend):
    key = _signed_in(client, officer)
    cache.delete(SessionStore.cache_key_prefix + key)  # Redis restarted, or flushed
    with CaptureQueriesContext(connection) as queries:
        assert _is_signed_in(client)
    assert any(q.lstrip().upper().startswith("SELECT") for q in _session_queries(queries))
    assert cache.get(SessionStore.cache_key_prefix + key) is not None  # and kept again
    with CaptureQueriesContext(connection) as queries:
        assert _is_signed_in(client)
    assert _session_queries(queries) == []


def test_a_session_deleted_from_the_database_and_the_cache_is_over(client, officer, backend):
    """What clearsessions and an ended session leave: nothing in either place, and the cookie signs in nobody."""
    key = _signed_in(client, officer)
    Session.objects.filter(pk=key).delete()
    cache.delete(SessionStore.cache_key_prefix + key)
    assert not _is_signed_in(client)
