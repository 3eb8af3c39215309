"""Headers and sessions (issue #12, item 7; README "Security"): a Content-Security-Policy without inline script,
Permissions-Policy, HSTS of a year when HTTPS is on, ``Cache-Control: private, no-store`` on every page a signed-in
person sees, sessions that end after a working day without a request, and `check --deploy` clean but for the
warning the README explains."""

import datetime
import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.cache import cache
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import plan_tracker.settings as production
from accounts.middleware import LAST_SEEN
from accounts.sessions import SessionStore
from reports.tests.test_permissions import MATRIX, _url, world  # noqa: F401  (world: the matrix's fixture)

BASE_DIR = Path(__file__).resolve().parents[2]
ALLOWED_STYLE_ATTRIBUTES = set(production.THIRD_PARTY_STYLE_ATTRIBUTES)


def read(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


# --- Content-Security-Policy --------------------------------------------------------------------------


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part}


def test_the_policy_allows_scripts_from_this_site_only(client, db):
    policy = directives(client.get(reverse("login")))
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    everything = " ".join(sum(policy.values(), []))
    assert "'unsafe-inline'" not in everything and "'unsafe-eval'" not in everything
    # Style attributes: only three exact values of library admin templates, by hash.
    assert policy["style-src-attr"][0] == "'unsafe-hashes'"
    assert len(policy["style-src-attr"]) == 1 + len(ALLOWED_STYLE_ATTRIBUTES)
    assert all(h.startswith("'sha256-") for h in policy["style-src-attr"][1:])


class InlineCode(HTMLParser):
    """What a policy without 'unsafe-inline' refuses: <script> without src, <style>, on…= handlers,
    javascript: URLs, style="…" attributes (but the allowed three)."""

    def __init__(self):
        super().__init__()
        self.found = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not attrs.get("src"):
            self.in_script = True
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"{name}={value!r}")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{name}={value!r}")
            if name == "style" and value not in ALLOWED_STYLE_ATTRIBUTES:
                self.found.append(f"style={value!r}")


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


@pytest.fixture
def pages(world, django_user_model):  # noqa: F811
    """(persona, url) of every page of the app each persona may open: the matrix's 200s, the browsing pages, the
    admin pages an admin uses (lists, a change form, import, export, history, the axes lists)."""
    users, objects = world
    urls = []
    for (name, obj, method), statuses in MATRIX.items():
        for persona in ("officer", "coordinator", "admin"):
            if method == "get" and statuses[["anonymous", "officer", "other_officer", "coordinator", "viewer",
                                              "admin", "staff"].index(persona)] == 200:
                urls.append((persona, _url(name, obj, objects, users)))
    plan = objects["plan"]
    task = plan.tasks.order_by("number").first()
    agency = objects["draft"].agency
    for persona in ("officer", "coordinator", "admin"):
        urls += [(persona, u) for u in [
            reverse("portal:home"), reverse("portal:plan-list"), reverse("portal:plan-detail", args=[plan.pk]),
            reverse("portal:task-list"), reverse("portal:task-detail", args=[task.pk]),
            reverse("portal:agency-list"), reverse("portal:agency-detail", args=[agency.code]),
            reverse("portal:suggest") + "?q=so", reverse("notifications:preferences"),
        ]]
    urls += [("admin", u) for u in [
        "/admin/", "/admin/tasks/task/", f"/admin/tasks/task/{task.pk}/change/", f"/admin/tasks/task/{task.pk}/history/",
        "/admin/tasks/task/import/", "/admin/tasks/task/export/", "/admin/agencies/agency/", "/admin/auth/user/",
        f"/admin/auth/user/{users['officer'].pk}/change/", "/admin/auth/user/add/", "/admin/axes/accessattempt/",
        "/admin/axes/accesslog/", "/admin/accounts/passwordresetrequest/",
    ]]
    return users, urls


def test_no_page_has_inline_script_or_style(client, pages):
    users, urls = pages
    problems = []
    for persona, url in urls:
        client.force_login(users[persona])
        response = client.get(url)
        assert response.status_code == 200, (persona, url, response.status_code)
        if "html" not in response.get("Content-Type", ""):
            read(response)
            continue
        html = response.content.decode()
        found = inline_code(html)
        if url.endswith("/export/"):
            # django-import-export's "select all" box: its inline handler cut, our static script binds it instead.
            assert "js/admin-export.js" in html and 'class="select-toggle"' in html
        problems += [f"{url} ({persona}): {what}" for what in found]
        assert "Content-Security-Policy" in response.headers, url
    assert problems == []


def test_our_templates_hold_no_inline_script_handler_or_style():
    """Every template of the site's pages (mails aside: no policy applies to them, and mail programs need
    inline styles)."""
    found = []
    for path in sorted(BASE_DIR.glob("templates/**/*.html")) + sorted(BASE_DIR.glob("*/templates/**/*.html")):
        relative = path.relative_to(BASE_DIR).as_posix()
        if "/email/" in relative or relative.endswith("password_reset_email.html") or ".venv" in relative:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (r"<script(?![^>]*\bsrc=)[^>]*>", r"<style\b", r"\son[a-z]+\s*=", r"\sstyle\s*=",
                        r"javascript:"):
            found += [f"{relative}: {m.group(0)}" for m in re.finditer(pattern, text, flags=re.I)]
    assert found == []


def test_the_export_page_cuts_the_exact_handler_the_library_writes():
    """After an upgrade of django-import-export, the handler cut by templates/admin/import_export/export.html must
    still be the library's (else the page test above finds the new one)."""
    import import_export

    library = Path(import_export.__file__).parent / "templates/admin/import_export/export.html"
    assert 'onchange="onSelectToggleChange(event)"' in library.read_text()
    assert "cut:'onchange=\"onSelectToggleChange(event)\"'" in (
        BASE_DIR / "templates/admin/import_export/export.html").read_text()
    script = (BASE_DIR / "static/js/admin-export.js").read_text()
    assert "onSelectToggleChange" in script


# --- Permissions-Policy, HSTS ---------------------------------------------------------------------------


def test_permissions_policy_on_every_response(client, admin_user):
    for response in (client.get(reverse("login")), client.get("/no-such-page/")):
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert "microphone=()" in response["Permissions-Policy"]
    client.force_login(admin_user)
    assert "payment=()" in client.get("/admin/")["Permissions-Policy"]


def test_hsts_for_a_year_on_https(client, db, settings):
    settings.SECURE_HSTS_SECONDS = production.SECURE_HSTS_SECONDS if not production.DEBUG else 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get(reverse("login"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in client.get(reverse("login"))  # never on plain HTTP


def _settings_in_production(**env):
    """Settings values read by a fresh process with the README's production environment plus ``env``."""
    base = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECURE_HSTS_SECONDS",
                                                             "SECURE_SSL_REDIRECT", "SESSION_COOKIE_AGE"}}
    base.update(DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="plans.example.gov.vn",
                DJANGO_SETTINGS_MODULE="plan_tracker.settings", **env)
    code = ("import django; django.setup(); from django.conf import settings as s; "
            "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT, "
            "s.SESSION_COOKIE_AGE, s.SESSION_COOKIE_SECURE, s.AXES_ENABLED)")
    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=base, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_production_sends_hsts_for_a_year_when_https_is_on_and_none_when_it_is_off():
    assert _settings_in_production() == ["31536000", "True", "True", "32400", "True", "True"]
    assert _settings_in_production(SECURE_SSL_REDIRECT="false")[:3] == ["0", "True", "False"]
    assert _settings_in_production(SESSION_COOKIE_AGE="28800")[3] == "28800"


# --- Cache-Control ----------------------------------------------------------------------------------------


def test_every_page_a_signed_in_person_sees_is_private_and_never_stored(client, pages):
    users, urls = pages
    wrong = []
    for persona, url in urls:
        client.force_login(users[persona])
        response = client.get(url)
        read(response)
        control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
        if not {"private", "no-store"} <= control or "public" in control:
            wrong.append(f"{url} ({persona}): {response.get('Cache-Control')!r}")
    assert wrong == []


def test_report_downloads_and_exports_are_private_and_never_stored(client, world):  # noqa: F811
    users, objects = world
    client.force_login(users["coordinator"])
    for name, obj in [("reports:evidence-download", "evidence_submitted"), ("reports:year-export-xlsx", "plan_year"),
                      ("reports:year-export-docx", "plan_year"), ("reports:report-detail", "submitted"),
                      ("reports:report-history", "submitted")]:
        response = client.get(_url(name, obj, objects, users))
        read(response)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"], name


def test_anonymous_pages_and_static_files_are_left_alone(client, admin_user):
    client.force_login(admin_user)
    static = client.get("/static/css/app.css")
    assert static.status_code == 200
    assert "no-store" not in static.get("Cache-Control", "")
    read(static)


# --- Sessions ----------------------------------------------------------------------------------------------


def test_sessions_last_a_working_day_without_activity_by_default():
    assert production.SESSION_COOKIE_AGE == 9 * 3600
    assert production.SESSION_REFRESH_SECONDS == 300
    assert production.SESSION_COOKIE_HTTPONLY is True


def _session_row(client):
    return Session.objects.get(session_key=client.session.session_key)


def test_a_session_unused_for_longer_than_a_working_day_has_ended(client, admin_user, settings):
    client.force_login(admin_user)
    row = _session_row(client)
    assert abs((row.expire_date - timezone.now()) - datetime.timedelta(hours=9)) < datetime.timedelta(minutes=1)
    Session.objects.filter(pk=row.pk).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    # The cached copy ends with the session, or sooner (accounts/tests/test_cached_sessions.py).
    cache.delete(SessionStore.cache_key_prefix + row.pk)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_request_pushes_the_end_of_the_session_back(client, admin_user):
    """8 hours after the last push, a request: the session now ends 9 hours from this request, not 1 hour."""
    client.force_login(admin_user)
    session = client.session
    session[LAST_SEEN] = int(timezone.now().timestamp()) - 8 * 3600
    session.save()
    Session.objects.filter(pk=session.session_key).update(expire_date=timezone.now() + datetime.timedelta(hours=1))

    response = client.get("/admin/")
    assert response.status_code == 200
    end = _session_row(client).expire_date
    assert abs((end - timezone.now()) - datetime.timedelta(hours=9)) < datetime.timedelta(minutes=1)
    assert response.cookies["sessionid"]["max-age"] == 9 * 3600


def test_requests_soon_after_the_last_push_write_nothing(client, admin_user):
    client.force_login(admin_user)
    with CaptureQueriesContext(connection) as queries:
        client.get("/admin/")
        client.get(reverse("portal:home"))
    writes = [q["sql"] for q in queries.captured_queries if "django_session" in q["sql"]
              and not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []


@pytest.mark.parametrize("seconds_ago, pushed", [(4 * 60, False), (6 * 60, True)])
def test_the_end_is_pushed_back_at_most_every_five_minutes(client, admin_user, seconds_ago, pushed):
    client.force_login(admin_user)
    session = client.session
    session[LAST_SEEN] = int(timezone.now().timestamp()) - seconds_ago
    session.save()
    Session.objects.filter(pk=session.session_key).update(expire_date=timezone.now() + datetime.timedelta(hours=1))
    client.get("/admin/")
    left = _session_row(client).expire_date - timezone.now()
    assert (left > datetime.timedelta(hours=8)) is pushed


def test_signing_out_ends_the_session(client, admin_user):
    client.force_login(admin_user)
    key = client.session.session_key
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=key).exists()


# --- check --deploy ----------------------------------------------------------------------------------------

# The README's production settings (README "Security": "Production settings").
PRODUCTION_ENV = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "plans.example.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://plans.example.gov.vn",
    "SITE_URL": "https://plans.example.gov.vn",
    "NOTIFICATIONS_QUEUED": "true",
    "REVERSE_PROXY_COUNT": "1",
}
#: The warnings README "Security" explains, and why they stay.
EXPLAINED = {"security.W021"}  # SECURE_HSTS_PRELOAD off: preloading is the whole domain owner's decision


def test_check_deploy_with_the_readmes_production_settings_prints_only_explained_warnings():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_SETTINGS_MODULE", "SECURE_", "SESSION_",
                                                                      "CSRF_", "AXES_"))}
    env.update(PRODUCTION_ENV, SECRET_KEY=secrets.token_urlsafe(50), DJANGO_SETTINGS_MODULE="plan_tracker.settings")
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    found = set(re.findall(r"\(([\w.]+\.[EW]\d+)\)", output))
    assert found == EXPLAINED, output
    assert "ERRORS" not in output
    readme = (BASE_DIR / "README.md").read_text(encoding="utf-8")
    for warning in EXPLAINED:
        assert warning in readme.split("## Security", 1)[1], f"README 'Security' does not explain {warning}"
    for name, value in PRODUCTION_ENV.items():
        assert f"{name}={value}" in readme, f"README's production settings lack {name}={value}"
