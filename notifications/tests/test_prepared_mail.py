"""A mail built once for many addresses (``notifications.emails.PreparedMail``) is, for each address, byte for byte
what Django's own ``EmailMessage.message()`` writes for that address's message; and a submission's mails cost the
same queries however many people receive them."""

import random

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from agencies.models import Membership
from notifications import emails
from notifications.emails import PreparedMail
from reports.services import submit_report
from testing.factories import fill_report, local, make_user

SUBJECT = "Sở Tài nguyên và Môi trường đã gửi báo cáo năm 2025 (151/KH-UBND) — lần gửi đầu tiên, đúng hạn"
TEXT = "Kính gửi cán bộ đầu mối,\n\nSở Tài nguyên và Môi trường đã gửi báo cáo năm 2025.\n" * 3
HTML = "<p>Kính gửi cán bộ đầu mối,</p><p>Sở Tài nguyên và Môi trường đã gửi báo cáo năm 2025.</p>"


@pytest.fixture
def date(monkeypatch):
    """The Date header both builders write: ``date.now`` (Django's and ours read the clock separately)."""
    class Clock:
        now = "Mon, 10 Nov 2025 02:30:00 -0000"

    clock = Clock()
    monkeypatch.setattr(emails, "formatdate", lambda localtime=False: clock.now)
    monkeypatch.setattr("django.core.mail.message.formatdate", lambda localtime=False: clock.now)
    return clock


def djangos(message, boundary):
    """What Django's own message() writes for ``message``, with ``boundary`` (random, picked when first written)."""
    tree = EmailMultiAlternatives.message(message)
    tree.set_boundary(boundary)
    return tree


@pytest.mark.parametrize("to_header, cc_header", [
    (None, None),
    (["canbo.a@example.vn", "canbo.b@example.vn"], ["giamdoc.so@example.vn"]),
    ([f"canbo.phu.trach.bao.cao.{n}@example.vn" for n in range(4)], None),  # a To folded over several lines
])
def test_each_address_gets_what_djangos_own_message_writes(date, to_header, cc_header):
    prepared = PreparedMail(SUBJECT, TEXT, HTML, to_header=to_header, cc_header=cc_header)

    for n, address in enumerate(["canbo.a@example.vn", "dieuphoi@example.vn", "coordinator.en@example.vn"]):
        date.now = f"Mon, 10 Nov 2025 02:30:0{n} -0000"  # a later second for each: each address its own Date
        message = prepared.message(address)
        ours = message.message()
        expected = djangos(message, ours.get_boundary())
        assert message.to == [address] and message.recipients() == [address]
        for linesep in ("\n", "\r\n", "\n"):
            assert ours.as_bytes(linesep=linesep) == expected.as_bytes(linesep=linesep)
        assert ours.as_string() == expected.as_string()
        assert ours["To"] == (", ".join(to_header) if to_header else address)
        assert ours["Message-ID"] == message.extra_headers["Message-ID"]
        assert ours["Date"] == date.now
    first, second = prepared.message("x@example.vn"), prepared.message("y@example.vn")
    assert first.extra_headers["Message-ID"] != second.extra_headers["Message-ID"]


@pytest.mark.parametrize("linesep", ["\n", "\r\n"])
def test_a_header_written_on_one_line_is_what_the_policy_folds(linesep):
    from email import policy

    compat32 = policy.compat32.clone(linesep=linesep)
    values = ["Mon, 10 Nov 2025 02:30:00 -0000", "<176123.123.456@baocao.example.gov.vn>", "a@b.vn", "x", "a  b",
              " leading", "trailing ", "tab\there", "Sở Thử", "", "a,b;c d", "a\x0bb", "a\x1cb", "\x0c"]
    values += ["d" * n + "@example.vn" for n in range(50, 80)]  # each side of the line length
    values += [", ".join(["canbo.phu.trach@example.vn"] * n) for n in (1, 2, 3, 4)]
    for name in ("To", "Date", "Message-ID"):
        for value in values:
            assert emails._fold_short(compat32, name, value) == compat32.fold_binary(name, value), (name, value)


def test_a_text_holding_a_boundary_gets_another_boundary(date, monkeypatch):
    """A boundary is "=" * 15, a random number and "==": a text with a line "--<boundary>" (here the one the random
    number gives) gets another boundary, as Python's writer picks it."""
    monkeypatch.setattr(random, "randrange", lambda *args: 1234)
    taken = "=" * 15 + "%019d" % 1234 + "=="
    prepared = PreparedMail(SUBJECT, TEXT + "--" + taken + "\n", HTML)

    message = prepared.message("canbo.a@example.vn")
    ours = message.message()

    assert ours.get_boundary() == taken + ".0"
    assert ours.as_bytes() == djangos(message, ours.get_boundary()).as_bytes()


def test_a_message_changed_after_it_was_made_is_written_as_changed(date):
    prepared = PreparedMail(SUBJECT, TEXT, HTML)
    prepared.message("canbo.a@example.vn").message()  # the shared tree is built
    message = prepared.message("dieuphoi@example.vn")
    message.subject = "Một tiêu đề khác"
    message.extra_headers["Reply-To"] = "hotro@example.vn"

    ours = message.message()

    assert ours["Subject"] != prepared.message("z@example.vn").message()["Subject"]
    assert ours.as_bytes() == djangos(message, ours.get_boundary()).as_bytes()


def test_the_tests_backend_and_smtp_get_the_same_fields(date, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    prepared = PreparedMail(SUBJECT, TEXT, HTML, cc_header=["giamdoc.so@example.vn"])
    connection = emails.open_connection()

    assert connection.send_messages([prepared.message("a@example.vn"), prepared.message("b@example.vn")]) == 2

    a, b = mail.outbox
    assert (a.subject, a.body, a.alternatives, a.to, b.to) == (SUBJECT, TEXT, [(HTML, "text/html")], ["a@example.vn"],
                                                               ["b@example.vn"])
    assert a.extra_headers["Cc"] == "giamdoc.so@example.vn" and a.message()["Cc"] == "giamdoc.so@example.vn"


@pytest.mark.parametrize("coordinators", [0, 5])
def test_a_submissions_mails_cost_the_same_queries_for_any_number_of_recipients(
        world, settings, django_user_model, django_capture_on_commit_callbacks, django_assert_num_queries,
        coordinators):
    """The mails' task (queue off, as in the tests: run right after the commit, it records them too): 1 recorded
    already?; 2 the event; 3 who hears of it; 4 insert the rows; 5-6 claim (SELECT … FOR UPDATE SKIP LOCKED, UPDATE);
    7 the rows with their people; 8 their events with report, plan, agency, actor (once, not per row); 9 the agencies'
    former names; 10-12 the coordination lines and their lead agencies (and groups' members); 13 mark them sent."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for i in range(coordinators):
        make_user(django_user_model, f"dieuphoi{i}", world.coordinating_agency, role=Membership.Role.COORDINATOR,
                  email=f"dieuphoi{i}@example.vn")
    report = fill_report(world.report(world.dept), world.officer)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit_report(report, world.officer, now=local(2025, 11, 10, 9))

    with django_assert_num_queries(13):
        for callback in callbacks:
            callback()

    assert len(mail.outbox) == 2 + coordinators  # the coordinators, and the district's officer (coordination)
