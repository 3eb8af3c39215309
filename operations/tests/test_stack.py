"""Issue #19, items 1 and 2: the production stack on this machine (deploy/stack: nginx from Debian, two gunicorn
instances, the notification worker, one PostgreSQL database). An officer signs in, uploads evidence and submits
through instance A; the coordinator downloads it through instance B, both through nginx; the officer's session
works on B too; the worker (beside both) sends the submission's mail.

Runs once per CI run: on PostgreSQL (the stack's database), skipped on SQLite. Needs nginx (`testing.tools`: skipped
where it is missing, failed under CI=true)."""

import http.cookiejar
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection

from testing.tools import require_tool

ROOT = Path(__file__).resolve().parents[2]
STACK = ROOT / "deploy" / "stack"

SETUP = """
import json
from django.contrib.auth import get_user_model
from agencies.models import Membership
from reports.models import AgencyReport
from reports.tests.test_report_pages import form_data
from testing.factories import make_user, open_year, small_plan

plan, who = small_plan()
open_year(plan, 2024)
report = AgencyReport.objects.get(plan=plan, year=2024, agency=who["dept"])
User = get_user_model()
make_user(User, "officer", who["dept"], email="officer@example.gov.vn")
make_user(User, "coord", who["districts"][1], role=Membership.Role.COORDINATOR, email="coord@example.gov.vn")
line = report.lines.order_by("pk").first()
print(json.dumps({"report": report.get_absolute_url(), "submit": f"/reports/{report.pk}/submit/",
                  "form": form_data(report), "evidence_field": f"line-{line.pk}-evidence"}))
"""


def free_base_port():
    for _ in range(50):
        base = random.randrange(20000, 60000, 10)
        sockets = []
        try:
            for port in range(base, base + 5):
                s = socket.socket()
                sockets.append(s)  # closed below even when bind fails (a port in use): no unclosed socket
                s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no five free ports in a row")


class Browser:
    """A person's browser: its own cookies, the CSRF token from the cookie, no redirects followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), self.NoRedirect)

    def at(self, base):
        """The same browser (same cookies) talking to another address."""
        other = Browser(base)
        other.jar, other.opener = self.jar, self.opener
        return other

    def request(self, path, data=None, headers=None):
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def csrf(self):
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def post(self, path, fields, files=None):
        fields = {**fields, "csrfmiddlewaretoken": self.csrf()}
        boundary = uuid.uuid4().hex
        body = bytearray()
        for name, value in fields.items():
            body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
        for name, (filename, content, content_type) in (files or {}).items():
            body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; "
                     f"filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n").encode()
            body += content + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        return self.request(path, bytes(body), {"Content-Type": f"multipart/form-data; boundary={boundary}",
                                                "Referer": self.base + path})

    def sign_in(self, username):
        status, _, _ = self.request("/accounts/login/")
        assert status == 200
        status, headers, _ = self.post("/accounts/login/", {"username": username, "password": "pw-" + username})
        assert status == 302, f"sign-in of {username} failed ({status})"


@pytest.fixture
def stack(tmp_path):
    require_tool("nginx", path=shutil.which("nginx") or "/usr/sbin/nginx", install="apt-get install nginx")
    if connection.vendor != "postgresql":
        pytest.skip("the stack runs on PostgreSQL: this test runs in the PostgreSQL pass of `make test`")
    settings = connection.settings_dict
    name = f"{settings['NAME']}_stack"[:63]
    server = f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    url = f"{server}/{name}"
    subprocess.run(["psql", f"{server}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'],
                   check=True)
    base = free_base_port()
    directory = tmp_path / "stack"
    command = [sys.executable, str(STACK), "--dir", str(directory), "--python", sys.executable, "--workers", "1"]
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    try:
        subprocess.run([*command[:2], "up", *command[2:], "--port", str(base), "--database-url", url], env=env,
                       check=True, timeout=240)
        # The stack's own settings (its env file: production settings, Argon2 passwords).
        app_env = {**env, "DJANGO_SETTINGS_MODULE": "plan_tracker.settings", **dict(
            line.split("=", 1) for line in (directory / "plan-tracker.env").read_text().splitlines())}
        setup = subprocess.run([sys.executable, "manage.py", "shell", "-c", SETUP], cwd=ROOT, env=app_env,
                               check=True, capture_output=True, text=True, timeout=120)
        yield {"base": base, "dir": directory, "data": json.loads(setup.stdout.strip().splitlines()[-1])}
    finally:
        subprocess.run([*command[:2], "down", *command[2:]], env=env, timeout=120)
        subprocess.run(["psql", f"{server}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'])


@pytest.mark.django_db
def test_upload_and_submit_through_a_download_through_b(stack):
    base, data = stack["base"], stack["data"]
    nginx, via_a, via_b = (f"http://127.0.0.1:{base + n}" for n in (0, 3, 4))
    content = b"%PDF-1.4\n" + os.urandom(300_000) + b"\n%%EOF\n"

    officer = Browser(via_a)
    officer.sign_in("officer")
    status, headers, _ = officer.post(data["report"], data["form"],
                                      {data["evidence_field"]: ("Biên bản họp.pdf", content, "application/pdf")})
    assert status == 302, status
    # The same session on instance B: sessions live in the database both share.
    status, _, page = officer.at(via_b).request(data["report"])
    assert status == 200 and "Biên bản họp.pdf" in page.decode()
    status, _, page = officer.request(data["submit"])
    version = page.decode().split('name="version" value="', 1)[1].split('"', 1)[0]
    status, _, _ = officer.post(data["submit"], {"version": version})
    assert status == 302

    coordinator = Browser(via_b)
    coordinator.sign_in("coord")
    status, _, page = coordinator.request(data["report"])
    assert status == 200
    link = page.decode().split('href="/reports/evidence/', 1)[1].split('"', 1)[0]
    status, headers, body = coordinator.request(f"/reports/evidence/{link}")
    assert status == 200 and body == content
    assert "attachment" in headers["Content-Disposition"]
    assert "Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp.pdf" in headers["Content-Disposition"]
    # Through the balanced port too, whichever instance answers; and never to someone signed out.
    assert Browser(nginx).request(f"/reports/evidence/{link}")[0] == 302
    assert coordinator.at(nginx).request(f"/reports/evidence/{link}")[2] == content

    # Each instance logged its own requests: the upload landed on A, the download on B.
    logs = stack["dir"] / "logs"
    assert "POST " + data["report"] in (logs / "gunicorn-a.log").read_text()
    assert f"GET /reports/evidence/{link}" in (logs / "gunicorn-b.log").read_text()
    # The worker sent the submission's mail to the coordinator (console backend, into its log).
    deadline = time.monotonic() + 20
    while "coord@example.gov.vn" not in (logs / "worker.log").read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert "coord@example.gov.vn" in (logs / "worker.log").read_text()
