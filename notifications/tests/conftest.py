"""A real SMTP server (aiosmtpd on 127.0.0.1, a free port) and a small reporting world for the mail tests."""

import datetime
import email
import email.policy
import socket
from dataclasses import dataclass

import pytest
from aiosmtpd.controller import Controller

from agencies.models import Membership
from notifications.models import Preference
from reports.models import AgencyReport
from testing.factories import make_agency, make_user, open_year, small_plan

DUE = datetime.date(2025, 11, 15)  # small_plan's plan: due 15 November; the tests open 2025


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list
    message: email.message.EmailMessage
    raw: bytes = b""  # the DATA as received, byte for byte

    @property
    def subject(self):
        # Django folds a long encoded subject onto a continuation line; mail clients drop that leading space.
        return str(self.message["Subject"]).strip()

    @property
    def text(self):
        return self.message.get_body(("plain",)).get_content().replace("\r\n", "\n")  # SMTP sends CRLF

    @property
    def html(self):
        return self.message.get_body(("html",)).get_content().replace("\r\n", "\n")


class Inbox:
    """aiosmtpd handler: keeps every message that arrives; answers 550 to the addresses in ``refuse``."""

    def __init__(self):
        self.received = []
        self.refuse = set()
        self.controller = None
        self.port = free_port()

    def start(self):
        """Listen on 127.0.0.1:``port`` (again, after stop(): a stopped controller cannot restart)."""
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message, envelope.original_content))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [r for r in self.received if address in r.rcpt_tos]

    @property
    def envelopes(self):
        """Sorted recipient addresses, one per message received."""
        return sorted(a for r in self.received for a in r.rcpt_tos)

    def clear(self):
        self.received.clear()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def point_django_at(settings, port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1; Django's EMAIL_BACKEND sends to it over SMTP."""
    inbox = Inbox()
    inbox.start()
    point_django_at(settings, inbox.port)
    try:
        yield inbox
    finally:
        inbox.stop()


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = "https://baocao.example.gov.vn"
    settings.REMINDER_OFFSETS_DAYS = [30, 7, 1]
    settings.REMINDER_OVERDUE_EVERY_DAYS = 7


@dataclass
class World:
    plan: object
    dept: object
    district: object  # has an officer who reads English
    silent: object  # a district with no officer at all
    coordinating_agency: object
    officer: object
    district_officer: object
    coordinator: object

    def report(self, agency, year=2025):
        return AgencyReport.objects.get(plan=self.plan, year=year, agency=agency)


@pytest.fixture
def world(db, django_user_model):
    """small_plan (department lead of 1.1, two districts through a group; the group leads 1.2 with the
    department coordinating), year 2025 open; the department has a head contact; one officer per agency
    except the second district; the coordinator belongs to the plan's receiving agency."""
    plan, who = small_plan()
    dept, (district, silent) = who["dept"], who["districts"]
    dept.head_email = "giamdoc.so@example.vn"
    dept.save()
    coordinating_agency = make_agency(name="Sở Thông tin và Truyền thông", code="so-tttt-test")
    plan.report_recipient = coordinating_agency
    plan.save()
    open_year(plan, 2025)
    officer = make_user(django_user_model, "canbo.so", dept, email="canbo.so@example.vn")
    district_officer = make_user(django_user_model, "canbo.huyen", district, email="canbo.huyen@example.vn")
    Preference.objects.create(user=district_officer, language="en")
    coordinator = make_user(django_user_model, "dieuphoi", coordinating_agency, role=Membership.Role.COORDINATOR,
                            email="dieuphoi@example.vn")
    return World(plan, dept, district, silent, coordinating_agency, officer, district_officer, coordinator)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what is registered with transaction.on_commit, as a real commit would."""
    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)
    return run
