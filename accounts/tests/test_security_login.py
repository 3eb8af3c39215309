"""Brute force on the sign-in pages (issue #12, item 2; README "Security"): django-axes locks a (username, client
address) pair after AXES_FAILURE_LIMIT wrong passwords, for AXES_COOLOFF_TIME, with a Vietnamese page saying when
to try again; never a username alone; both /accounts/login/ and /admin/login/; admins unlock.

Axes is off in the test settings (Django's Client.login() gives it no request); these tests switch it on and sign
in through the forms, as a browser does."""

import datetime
import time

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import plan_tracker.settings as production
from accounts.security import client_ip
from testing.factories import make_agency, make_user

OFFICE = "203.0.113.10"  # one agency's NAT: every clerk of the office signs in from it
HOME = "198.51.100.7"
LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
LOCKED = 429


pytestmark = pytest.mark.usefixtures("axes_on")  # accounts/tests/conftest.py


@pytest.fixture
def officer(db, django_user_model):
    return make_user(django_user_model, "so.tuphap", make_agency(), email="tuphap@example.vn")


@pytest.fixture
def colleague(db, django_user_model):
    return make_user(django_user_model, "canbo.huyen", make_agency(code="huyen"))


def sign_in(client, username, password, ip=OFFICE, url=LOGIN, **extra):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def signed_in(client):
    return client.session.get("_auth_user_id") is not None


def guesses(client, n, username="so.tuphap", ip=OFFICE, url=LOGIN):
    return [sign_in(client, username, f"wrong-{i}", ip=ip, url=url).status_code for i in range(n)]


def test_the_production_settings_lock_username_and_address_together_for_a_finite_time():
    assert production.AXES_ENABLED is True
    assert production.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert production.AXES_FAILURE_LIMIT == 5
    assert production.AXES_COOLOFF_TIME == datetime.timedelta(minutes=15)
    assert production.AXES_RESET_ON_SUCCESS is True
    assert production.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is False
    assert production.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert production.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN])
def test_fifty_wrong_passwords_then_the_right_one_the_fifth_locks_and_the_right_one_is_refused(
    client, officer, url
):
    if url == ADMIN_LOGIN:
        officer.is_staff = True
        officer.save()
    started = time.perf_counter()
    statuses = guesses(client, 50, url=url)
    last = sign_in(client, "so.tuphap", "pw-so.tuphap", url=url)
    elapsed = time.perf_counter() - started

    # 4 guesses answered "wrong password", the 5th and every later one the lock-out page: 5 passwords tried.
    assert statuses == [200] * 4 + [LOCKED] * 46
    assert last.status_code == LOCKED
    assert not signed_in(client)
    print(f"\n{url}: guesses checked before the lock-out: {statuses.count(200) + 1} of 50 "
          f"(the 5th is answered by the lock-out page); 51 requests in {elapsed:.2f} s")


def test_the_lock_out_page_says_in_vietnamese_when_to_try_again(client, officer):
    guesses(client, 4)
    before = timezone.now()
    response = sign_in(client, "so.tuphap", "wrong-5")
    assert response.status_code == LOCKED
    text = response.content.decode()
    until = timezone.localtime(before + datetime.timedelta(minutes=15))
    assert "Tạm khóa đăng nhập" in text
    assert "Đã nhập sai mật khẩu 5 lần liên tiếp cho tài khoản này từ máy của bạn" in text
    assert f"Bạn có thể thử lại sau {until:%H:%M} ngày {until:%d/%m/%Y} (khoảng 15 phút nữa)." in text
    assert "nhờ quản trị viên mở khóa" in text
    assert 'href="/accounts/password_reset/"' in text
    # The refused right password says the same, with the time left.
    again = sign_in(client, "so.tuphap", "pw-so.tuphap")
    assert again.status_code == LOCKED and f"thử lại sau {until:%H:%M}" in again.content.decode()


def test_the_lock_out_page_in_english(client, officer, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    guesses(client, 4)
    text = sign_in(client, "so.tuphap", "wrong-5").content.decode()
    assert "Sign-in temporarily locked" in text
    assert "You can try again after" in text and "(in about 15 minutes)" in text


def test_a_colleague_behind_the_same_address_and_the_owner_elsewhere_still_sign_in(client, officer, colleague):
    """Never the username alone, never the address alone."""
    guesses(client, 5)
    assert sign_in(client, "so.tuphap", "pw-so.tuphap").status_code == LOCKED

    colleague_client = client.__class__()
    assert sign_in(colleague_client, "canbo.huyen", "pw-canbo.huyen", ip=OFFICE).status_code == 302
    assert signed_in(colleague_client)

    owner_at_home = client.__class__()
    assert sign_in(owner_at_home, "so.tuphap", "pw-so.tuphap", ip=HOME).status_code == 302
    assert signed_in(owner_at_home)


def test_guesses_at_many_usernames_from_one_address_lock_each_pair_only(client, officer, colleague):
    # Someone tries four names five times each from the office: each pair is locked, the address is not.
    for name in ("a", "b", "c", "d"):
        assert guesses(client, 5, username=name)[-1] == LOCKED
    assert sign_in(client.__class__(), "canbo.huyen", "pw-canbo.huyen").status_code == 302


def test_the_lock_ends_after_the_cool_off_and_guesses_during_it_do_not_extend_it(client, officer):
    from axes.models import AccessAttempt

    guesses(client, 5)
    guesses(client, 10)  # more guesses while locked: refused, not counted
    assert AccessAttempt.objects.get().failures_since_start == 5

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=14, seconds=50))
    assert sign_in(client, "so.tuphap", "pw-so.tuphap").status_code == LOCKED
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=15, seconds=1))
    response = sign_in(client, "so.tuphap", "pw-so.tuphap")
    assert response.status_code == 302 and signed_in(client)


def test_typos_then_the_right_password_start_the_count_again(client, officer):
    for _round in range(3):
        assert guesses(client, 4) == [200] * 4
        assert sign_in(client, "so.tuphap", "pw-so.tuphap").status_code == 302
        client.post(reverse("logout"))
    assert guesses(client, 4) == [200] * 4  # 16 typos in all, never 5 in a row: never locked


def test_five_hundred_officers_signing_in_from_one_address_lock_nothing(client, db, django_user_model):
    """Deadline day (benchmarks' deadline_day): every officer from one address, right passwords."""
    agency = make_agency()
    names = [f"canbo{i}" for i in range(500)]
    django_user_model.objects.bulk_create([django_user_model(username=n) for n in names])
    for user in django_user_model.objects.filter(username__in=names):
        user.set_password("pw-" + user.username)
        user.save(update_fields=["password"])
    del agency
    statuses = [sign_in(client.__class__(), name, "pw-" + name).status_code for name in names]
    assert statuses == [302] * 500


def test_an_admin_unlocks_in_the_admin(client, officer, admin_user):
    from axes.models import AccessAttempt

    guesses(client, 5)
    attempt = AccessAttempt.objects.get(username="so.tuphap")
    admin = client.__class__()
    admin.force_login(admin_user)
    listing = admin.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200 and "so.tuphap" in listing.content.decode()
    response = admin.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert response.status_code == 302

    assert sign_in(client, "so.tuphap", "pw-so.tuphap").status_code == 302


def test_a_staff_member_without_the_permission_cannot_unlock(client, officer, django_user_model):
    guesses(client, 5)
    staff = make_user(django_user_model, "staff", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_accessattempt"))
    staff_client = client.__class__()
    staff_client.force_login(staff)
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.get()
    assert staff_client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]),
                             {"post": "yes"}).status_code == 403
    assert sign_in(client, "so.tuphap", "pw-so.tuphap").status_code == LOCKED


def test_an_admin_unlocks_from_the_command_line(client, officer):
    guesses(client, 5)
    call_command("axes_reset_username", "so.tuphap", verbosity=0)
    assert sign_in(client, "so.tuphap", "pw-so.tuphap").status_code == 302


def test_a_password_reset_lifts_the_lock(client, officer, settings):
    from django.core import mail

    guesses(client, 5)
    client.post(reverse("password_reset"), {"email": "tuphap@example.vn"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    form = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": "Mat-khau-moi-2931", "new_password2": "Mat-khau-moi-2931"})
    assert sign_in(client, "so.tuphap", "Mat-khau-moi-2931").status_code == 302


# The client's address.


def test_x_forwarded_for_is_ignored_unless_a_proxy_is_configured(client, officer):
    """Without REVERSE_PROXY_COUNT, a forged header cannot give each guess a new address."""
    statuses = [sign_in(client, "so.tuphap", f"wrong-{i}", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}").status_code
                for i in range(6)]
    assert statuses == [200] * 4 + [LOCKED] * 2


def test_behind_one_proxy_the_address_nginx_saw_counts_and_a_forged_one_does_not(client, officer, settings):
    settings.REVERSE_PROXY_COUNT = 1
    nginx = "127.0.0.1"
    # nginx appends the peer it saw; whatever the client forged stays on the left.
    statuses = [sign_in(client, "so.tuphap", f"wrong-{i}", ip=nginx,
                        HTTP_X_FORWARDED_FOR=f"10.0.0.{i}, {OFFICE}").status_code for i in range(5)]
    assert statuses == [200] * 4 + [LOCKED]
    # The same person from another office, through the same nginx: not locked.
    response = sign_in(client.__class__(), "so.tuphap", "pw-so.tuphap", ip=nginx, HTTP_X_FORWARDED_FOR=HOME)
    assert response.status_code == 302


@pytest.mark.parametrize("proxies, remote, forwarded, expected", [
    (0, "127.0.0.1", "203.0.113.10", "127.0.0.1"),
    (1, "127.0.0.1", "203.0.113.10", "203.0.113.10"),
    (1, "127.0.0.1", "6.6.6.6, 203.0.113.10", "203.0.113.10"),
    (1, "127.0.0.1", "", "127.0.0.1"),  # straight to gunicorn, not through nginx
    (2, "10.0.0.2", "203.0.113.10, 10.0.0.1", "203.0.113.10"),
    (1, "127.0.0.1", "not-an-address", "127.0.0.1"),
    (0, "", "", None),
])
def test_client_ip(rf, settings, proxies, remote, forwarded, expected):
    settings.REVERSE_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_the_deadline_day_driver_signs_every_officer_in_from_one_address_with_the_lock_out_on(
    live_server, transactional_db
):
    """benchmarks' deadline-day load test (officers signing in through the form from 127.0.0.1, then saving and
    submitting), against a live server with axes on: nobody locked, every report submitted."""
    from axes.models import AccessAttempt, AccessLog
    from django.db import connection

    from benchmarks import deadline, loadtest
    from benchmarks.tests.test_deadline_day import MINI
    from benchmarks.scale import Generator

    Generator(MINI, seed=11, today=datetime.date.today(), password="pw").build()
    concurrent = connection.vendor == "postgresql"
    officers, coordinators, plan, year = deadline.participants("dl", 3, 0)
    result = loadtest.run({
        "base": live_server.url, "password": "pw", "officers": officers, "coordinators": coordinators,
        "overview": deadline.overview_path(plan, year), "ramp_s": 0.2, "think_s": [0, 0.01],
        "coordinator_every_s": [1, 1], "max_requests": 200, "max_seconds": 60, "seed": 1,
        "max_concurrency": None if concurrent else 1,
    })
    summary = loadtest.summarise(result)
    assert summary["errors"] == 0 and summary["officers_submitted"] == 3, summary
    assert AccessAttempt.objects.count() == 0
    assert AccessLog.objects.filter(ip_address="127.0.0.1").count() == 3
