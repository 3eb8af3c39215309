"""accounts.axes_handler: a successful sign-in deletes the same failed attempts as django-axes' own handler (everyone's
expired ones, and the signing-in username and address pair's), in one statement less, and records the sign-in."""

import datetime

import pytest
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt, AccessLog
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.axes_handler import DatabaseHandler
from testing.factories import make_agency, make_user

OFFICE = "203.0.113.10"
HOME = "198.51.100.7"
LOGIN = "/accounts/login/"


pytestmark = pytest.mark.usefixtures("axes_on")  # accounts/tests/conftest.py


@pytest.fixture
def handler(request, settings):
    """The handler under test: ours (the settings') or axes' own, as the proxy loads it."""
    settings.AXES_HANDLER = request.param
    AxesProxyHandler.get_implementation(force=True)
    yield request.param
    settings.AXES_HANDLER = "accounts.axes_handler.DatabaseHandler"
    AxesProxyHandler.get_implementation(force=True)


OURS = "accounts.axes_handler.DatabaseHandler"
AXES = "axes.handlers.database.AxesDatabaseHandler"


def _attempt(username, ip, minutes_ago, failures=2, user_agent=""):
    attempt = AccessAttempt.objects.create(
        username=username, ip_address=ip, user_agent=user_agent, http_accept="", path_info=LOGIN, get_data="",
        post_data="", failures_since_start=failures)
    # (attempt_time is set on creation: moved back afterwards)
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=minutes_ago))
    return attempt


def _scenario(client, django_user_model):
    make_user(django_user_model, "so.tuphap", make_agency())
    left = {
        "officer from the office, now": _attempt("so.tuphap", OFFICE, 1),
        "officer from home, now": _attempt("so.tuphap", HOME, 2),
        "colleague from the office, now": _attempt("canbo.huyen", OFFICE, 3),
        "colleague from the office, expired": _attempt("canbo.huyen", OFFICE, 20, user_agent="old"),
        "someone elsewhere, expired": _attempt("khac", HOME, 60 * 24),
    }
    with CaptureQueriesContext(connection) as queries:
        response = client.post(LOGIN, {"username": "so.tuphap", "password": "pw-so.tuphap"}, REMOTE_ADDR=OFFICE)
    assert response.status_code == 302
    kept = {name for name, attempt in left.items() if AccessAttempt.objects.filter(pk=attempt.pk).exists()}
    attempt_reads = [q["sql"] for q in queries.captured_queries
                     if q["sql"].startswith("SELECT") and '"axes_accessattempt"."id"' in q["sql"]]
    return kept, len(attempt_reads)


@pytest.mark.parametrize("handler", [OURS, AXES], indirect=True)
def test_a_sign_in_deletes_the_expired_attempts_and_the_pairs_own_as_axes_does(client, django_user_model, db,
                                                                                handler):
    kept, reads = _scenario(client, django_user_model)
    # The officer's other address and the colleague's current attempt stay: locks are per (username, address).
    assert kept == {"officer from home, now", "colleague from the office, now"}
    assert reads == (1 if handler == OURS else 2)
    log = AccessLog.objects.get(username="so.tuphap")
    assert log.ip_address == OFFICE and log.session_hash and log.logout_time is None


def test_the_settings_use_it(db):
    assert isinstance(AxesProxyHandler.get_implementation(force=True), DatabaseHandler)


@pytest.mark.parametrize("handler", [OURS], indirect=True)
def test_another_configuration_is_left_to_axes(client, django_user_model, db, handler, settings):
    settings.AXES_RESET_ON_SUCCESS = False
    kept, reads = _scenario(client, django_user_model)
    assert kept == {"officer from the office, now", "officer from home, now", "colleague from the office, now"}
    assert reads == 1  # axes' clean-up of the expired ones only


def _writes_and_commits(client, data):
    """The POST's writing statements, each with whether it ran in a transaction, and the commits made."""
    writes, commits = [], []

    def record(execute, sql, params, many, context):
        if sql.split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            writes.append((sql.split('"')[1], connection.in_atomic_block))
        return execute(sql, params, many, context)

    real_commit = connection.commit

    def commit():
        commits.append(1)
        return real_commit()

    connection.commit = commit
    try:
        with connection.execute_wrapper(record):
            response = client.post(LOGIN, data, REMOTE_ADDR=OFFICE)
    finally:
        del connection.commit
    return response, writes, len(commits)


@pytest.mark.django_db(transaction=True)
def test_a_sign_in_writes_in_one_transaction_and_the_session_in_its_own(client, django_user_model):
    user = make_user(django_user_model, "so.tuphap", make_agency())
    _attempt("so.tuphap", OFFICE, 20)  # expired: the sign-in deletes it
    response, writes, commits = _writes_and_commits(client, {"username": "so.tuphap", "password": "pw-so.tuphap"})
    assert response.status_code == 302
    assert {table for table, _ in writes} >= {"axes_accesslog", "axes_accessattempt", "auth_user", "django_session"}
    assert all(in_transaction for _, in_transaction in writes)
    assert commits == 2  # the sign-in's, the session's
    user.refresh_from_db()
    assert user.last_login and AccessLog.objects.filter(username="so.tuphap").exists()
    assert not AccessAttempt.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_refused_sign_in_still_records_the_failure(client, django_user_model):
    make_user(django_user_model, "so.tuphap", make_agency())
    response, writes, commits = _writes_and_commits(client, {"username": "so.tuphap", "password": "sai"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get(username="so.tuphap").failures_since_start == 1
    assert commits >= 1 and all(in_transaction for _, in_transaction in writes)
