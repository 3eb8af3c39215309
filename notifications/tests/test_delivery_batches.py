"""The daily sweep sends in batches (notifications.delivery.deliver, README "The notification worker"): a sender
killed mid-run leaves one batch at most "sending", and the next daily run returns rows "sending" for over an hour
to waiting and sends them; rows taken minutes ago are left to their sender. A batch that fails as a whole is
recorded failed; a stop asked between batches (SIGTERM) leaves the rest waiting, never "sending"."""

import contextlib
import datetime
import io
import logging
import os
import signal
import uuid

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from notifications import delivery
from notifications.models import Delivery
from notifications.reminders import OpenYears
from notifications.tests.conftest import DUE

OFFICER = "canbo.so@example.vn"
DISTRICT = "canbo.huyen@example.vn"
COORD = "dieuphoi@example.vn"
WEEK_BEFORE = (DUE - datetime.timedelta(days=7)).isoformat()  # a rung: both officers and the digest


class CannotOpen:
    """A mail backend that cannot even be created (a wrong EMAIL_URL, a missing certificate…)."""

    def __init__(self, *args, **kwargs):
        raise OSError("mail backend misconfigured")


def run(*args):
    out = io.StringIO()
    call_command("send_reminders", "--date", WEEK_BEFORE, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def recorded(world, settings):
    """The week-before rung recorded (three mails) and nothing sent: as if its task were lost."""
    settings.NOTIFICATIONS_QUEUED = True
    run()
    DBTaskResult.objects.all().delete()
    settings.NOTIFICATIONS_QUEUED = False
    rows = {d.email: d for d in Delivery.objects.all()}
    assert sorted(rows) == sorted([OFFICER, DISTRICT, COORD])
    assert {d.status for d in rows.values()} == {Delivery.Status.PENDING}
    return rows


@pytest.fixture
def sigterm_after_each_mail(monkeypatch):
    """A stand-in for ``systemctl stop`` in the middle of the first batch: batches of one row, and each mail handed to
    the mail server (``delivery.send_one``) followed by a SIGTERM to this process. Returns a function that ends the
    stand-in (the mails of a later run go out plainly)."""
    monkeypatch.setattr(delivery, "BATCH", 1)
    real = delivery.send_one

    def send_then_sigterm(connection, message):
        error = real(connection, message)
        os.kill(os.getpid(), signal.SIGTERM)
        return error

    monkeypatch.setattr(delivery, "send_one", send_then_sigterm)
    return lambda: monkeypatch.setattr(delivery, "send_one", real)


@contextlib.contextmanager
def sigterm_kills():
    """SIGTERM with its default action (as under systemd: it would kill the process), the test's handler back after."""
    before = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def left_sending(row, ago):
    Delivery.objects.filter(pk=row.pk).update(status=Delivery.Status.SENDING, attempts=1, claim=None,
                                              claimed_at=timezone.now() - ago)


def test_rows_left_sending_hours_ago_are_sent_by_the_next_run_and_recent_ones_are_left_alone(recorded, smtp):
    left_sending(recorded[OFFICER], datetime.timedelta(hours=2))  # a sender SIGKILLed two hours ago
    left_sending(recorded[COORD], datetime.timedelta(minutes=5))  # another sender may be on it

    out = run()

    assert 'Mails left "sending" over an hour (a stopped sender), returned to waiting: 1.' in out
    assert "Mails sent: 2, failed (retried next run): 0" in out
    assert smtp.envelopes == sorted([OFFICER, DISTRICT])
    statuses = {d.email: (d.status, d.attempts) for d in Delivery.objects.all()}
    assert statuses == {OFFICER: ("sent", 2), DISTRICT: ("sent", 1), COORD: ("sending", 1)}


def test_a_stop_between_batches_leaves_the_rest_waiting_and_the_next_run_sends_them(recorded, smtp,
                                                                                   sigterm_after_each_mail):
    with sigterm_kills():
        out = run()
        handler = signal.getsignal(signal.SIGTERM)

    assert "Mails sent: 1," in out  # the batch in hand was finished and recorded, then the run stopped
    assert len(smtp.envelopes) == 1
    statuses = sorted(Delivery.objects.values_list("status", flat=True))
    assert statuses == ["pending", "pending", "sent"]  # nothing "sending"
    assert handler == signal.SIG_DFL  # the process's own handler is back

    sigterm_after_each_mail()  # ends the stand-in
    run()
    assert smtp.envelopes == sorted([OFFICER, DISTRICT, COORD])  # each once


def test_a_batch_that_cannot_be_sent_is_recorded_failed_and_the_others_wait(recorded, smtp, monkeypatch, settings):
    monkeypatch.setattr(delivery, "BATCH", 2)
    settings.EMAIL_BACKEND = f"{__name__}.CannotOpen"

    out = run()  # never raises

    assert "Mails sent: 0, failed (retried next run): 2" in out
    rows = Delivery.objects.order_by("pk")
    assert [(d.status, d.attempts) for d in rows] == [("failed", 1), ("failed", 1), ("pending", 0)]
    assert all("mail backend misconfigured" in d.last_error for d in rows[:2])

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    run()
    assert smtp.envelopes == sorted([OFFICER, DISTRICT, COORD])
    assert sorted(Delivery.objects.values_list("status", "attempts")) == [("sent", 1), ("sent", 2), ("sent", 2)]


def test_each_row_is_tried_once_per_run_across_batches(recorded, smtp, monkeypatch):
    monkeypatch.setattr(delivery, "BATCH", 1)
    smtp.refuse.add(OFFICER)

    run()

    assert smtp.envelopes == sorted([DISTRICT, COORD])
    officer = Delivery.objects.get(email=OFFICER)
    assert (officer.status, officer.attempts) == ("failed", 1)  # not taken again by the next batch


def test_in_db_worker_a_sigterm_finishes_the_batch_in_hand_and_the_task(recorded, smtp, sigterm_after_each_mail,
                                                                         settings):
    """Queued: the sweep's task runs in db_worker, whose own SIGTERM handler (finish the task in hand, then exit)
    still runs; the sweep stops after its batch and the task ends successfully."""
    from testing.worker import run_worker

    settings.NOTIFICATIONS_QUEUED = True
    run()  # enqueues the sweep's tasks
    run_worker()

    assert len(smtp.envelopes) == 1
    assert sorted(Delivery.objects.values_list("status", flat=True)) == ["pending", "pending", "sent"]
    sweep = DBTaskResult.objects.get(task_path="notifications.tasks.send_reminder_mails")
    assert sweep.status == "SUCCESSFUL"
    # The worker's own handler ran too: it took no further task (the password resets' sweep waits for it).
    assert DBTaskResult.objects.get(task_path="accounts.tasks.send_password_reset_mails").status == "READY"


# A sender records only what it still holds (its claim token): a row taken back and re-claimed by another sender
# while the first was sending is that other sender's to record.

OTHER = uuid.UUID("00000000-0000-0000-0000-0000000000b2")


@pytest.mark.parametrize("outcome", ["sent", "failed", "cancelled"])
def test_a_row_taken_by_another_sender_meanwhile_keeps_that_senders_claim(recorded, smtp, monkeypatch, caplog,
                                                                         outcome):
    """Sender A takes the officer's mail; before A records it, the row is returned (stranded) and taken by sender B
    (another claim). Whatever A's outcome, A must not overwrite B's row: B records it."""
    real = delivery._wanted
    officer = recorded[OFFICER]

    def taken_meanwhile(row):
        if row.pk == officer.pk:
            Delivery.objects.filter(pk=row.pk).update(claim=OTHER, claimed_at=timezone.now())
            if outcome == "cancelled":
                return False
        return real(row)

    monkeypatch.setattr(delivery, "_wanted", taken_meanwhile)
    if outcome == "failed":
        smtp.refuse.add(OFFICER)

    with caplog.at_level(logging.WARNING, logger="notifications"):
        run()

    officer.refresh_from_db()
    assert (officer.status, officer.claim, officer.last_error) == ("sending", OTHER, "")  # B's, untouched
    others = Delivery.objects.exclude(pk=officer.pk)
    assert set(others.values_list("status", "claim")) == {("sent", None)}  # A recorded its own rows
    assert any("another sender" in r.getMessage() for r in caplog.records)


def test_a_slow_sender_whose_row_was_put_back_but_not_taken_again_still_records_it(recorded, smtp, monkeypatch):
    """The daily run put the officer's row back (its sender took over an hour) and nobody has taken it since: the
    slow sender's "sent" is still recorded, so the next run does not send it a second time."""
    real = delivery._wanted
    officer = recorded[OFFICER]

    def put_back_meanwhile(row):
        if row.pk == officer.pk:
            Delivery.objects.filter(pk=row.pk).update(claimed_at=timezone.now() - datetime.timedelta(hours=2))
            assert delivery.return_stranded() == 1
        return real(row)

    monkeypatch.setattr(delivery, "_wanted", put_back_meanwhile)
    run()
    monkeypatch.setattr(delivery, "_wanted", real)
    run()

    assert smtp.envelopes == sorted([OFFICER, DISTRICT, COORD])  # each once
    assert set(Delivery.objects.values_list("status", "claim")) == {("sent", None)}


@pytest.mark.parametrize("taken_by_another", [True, False])
def test_a_slow_sender_whose_rows_were_put_back_sends_none_of_them(recorded, smtp, monkeypatch, caplog,
                                                                   taken_by_another):
    """Sender A has been on its batch for two hours (a mail server timing out each mail) when it comes to its first
    mail: the hourly sweep has put the batch back, and sender B took and sent it (or nobody has yet: the next run
    sends it, and could take it while A sends). A sends none of those rows."""
    real, real_now, taken = delivery._wanted, timezone.now, []

    def put_back_meanwhile(row):
        if not taken:
            taken.append(row.pk)
            monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(hours=2))
            assert delivery.return_stranded() == 3
            if taken_by_another:
                delivery.deliver(Delivery.objects.all(), state=OpenYears(datetime.date.fromisoformat(WEEK_BEFORE)))
                assert len(smtp.envelopes) == 3
        return real(row)

    monkeypatch.setattr(delivery, "_wanted", put_back_meanwhile)
    with caplog.at_level(logging.WARNING, logger="notifications"):
        run()  # sender A

    assert len(smtp.envelopes) == (3 if taken_by_another else 0)
    if not taken_by_another:
        monkeypatch.setattr(delivery, "_wanted", real)
        run()  # the next run
    assert smtp.envelopes == sorted([OFFICER, DISTRICT, COORD])  # each once
    assert set(Delivery.objects.values_list("status", "claim")) == {("sent", None)}
    assert any("not sent by this one" in r.getMessage() for r in caplog.records)


def test_a_sender_still_on_its_batch_after_half_an_hour_renews_its_hold_and_the_sweep_leaves_it(recorded, smtp,
                                                                                                 monkeypatch):
    real, real_now, calls = delivery._wanted, timezone.now, []

    def slow(row):
        calls.append(row.pk)
        if len(calls) == 1:  # 40 minutes into the batch: the hold is renewed before this mail goes out
            monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(minutes=40))
        elif len(calls) == 2:  # 70 minutes: the hourly sweep leaves the rows alone (held 30 minutes ago)
            monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(minutes=70))
            assert delivery.return_stranded() == 0
        return real(row)

    monkeypatch.setattr(delivery, "_wanted", slow)
    run()

    assert smtp.envelopes == sorted([OFFICER, DISTRICT, COORD])
    assert set(Delivery.objects.values_list("status", "claim", "attempts")) == {("sent", None, 1)}


def test_a_batch_that_fails_as_a_whole_leaves_a_row_another_sender_took_alone(recorded, smtp, monkeypatch,
                                                                              settings):
    real = delivery._claim

    def claim_then_taken(*args):
        claimed = real(*args)
        Delivery.objects.filter(pk=recorded[OFFICER].pk).update(claim=OTHER)
        return claimed

    monkeypatch.setattr(delivery, "_claim", claim_then_taken)
    settings.EMAIL_BACKEND = f"{__name__}.CannotOpen"

    run()

    statuses = {d.email: (d.status, d.claim) for d in Delivery.objects.all()}
    assert statuses == {OFFICER: ("sending", OTHER), DISTRICT: ("failed", None), COORD: ("failed", None)}


# Claims are committed before any mail goes out: never inside a caller's transaction, where a rollback after the
# sending would put the rows back to waiting and send them again.


def test_sending_inside_a_callers_transaction_is_refused_and_sends_nothing(recorded, smtp):
    with transaction.atomic():
        with pytest.raises(RuntimeError, match="outside any transaction"):
            delivery.deliver(Delivery.objects.all())

    assert smtp.envelopes == []
    assert set(Delivery.objects.values_list("status", "attempts")) == {("pending", 0)}


@pytest.mark.django_db(transaction=True)
def test_in_autocommit_the_claim_commits_before_sending_and_inside_a_transaction_it_is_refused(world, smtp):
    """Without the test's own transaction (as in db_worker and send_reminders): the rule itself, not the tests'
    exemption (Django's durable atomic blocks allow a test case's transaction around them)."""
    from accounts.models import PasswordResetRequest
    from accounts.services import send_password_resets

    run()  # autocommit: reaches the week-before rung, claims and sends
    assert smtp.envelopes == sorted([OFFICER, DISTRICT, COORD])
    PasswordResetRequest.objects.create(email=OFFICER)

    with transaction.atomic():
        with pytest.raises(RuntimeError, match="outside any transaction"):
            send_password_resets()
        with pytest.raises(RuntimeError, match="outside any transaction"):
            delivery.deliver(Delivery.objects.all())

    assert send_password_resets() == 1  # in autocommit: sent
    assert PasswordResetRequest.objects.get().status == "sent"


# SIGTERM/SIGINT during send_reminders: the mails' sweep stops between batches, and the password-reset sweep after
# it is skipped (it waits for the next run), and the output says so.


def test_a_stop_during_the_mails_skips_the_password_reset_sweep_and_says_so(recorded, smtp, sigterm_after_each_mail):
    from accounts.models import PasswordResetRequest

    waiting = PasswordResetRequest.objects.create(email=OFFICER)
    stranded = PasswordResetRequest.objects.create(  # a killed sender's: the sweep would first put it back
        email=OFFICER, status="sending", attempts=1, claimed_at=timezone.now() - datetime.timedelta(hours=2))
    with sigterm_kills():
        out = run()
        handler = signal.getsignal(signal.SIGTERM)

    assert "Mails sent: 1," in out
    assert STOPPED_LINE in out
    assert len(smtp.envelopes) == 1  # the reminder in hand only: no password-reset mail
    # The whole sweep waits for the next run (the stranded row is not even put back).
    assert dict(PasswordResetRequest.objects.values_list("pk", "status")) == {waiting.pk: "pending",
                                                                              stranded.pk: "sending"}
    assert handler == signal.SIG_DFL

    sigterm_after_each_mail()  # ends the stand-in
    out = run()
    assert STOPPED_LINE not in out
    assert "password-reset mails sent: 2." in out
    assert set(PasswordResetRequest.objects.values_list("status", flat=True)) == {"sent"}


def test_a_stop_during_the_password_reset_sweep_stops_it_between_batches(recorded, smtp, monkeypatch):
    from accounts import services
    from accounts.models import PasswordResetRequest

    for _ in range(3):
        PasswordResetRequest.objects.create(email=OFFICER)
    monkeypatch.setattr(services, "BATCH", 1)
    real = services._send

    def send_then_sigterm(claimed):
        sent = real(claimed)
        os.kill(os.getpid(), signal.SIGTERM)
        return sent

    monkeypatch.setattr(services, "_send", send_then_sigterm)
    with sigterm_kills():
        out = run()

    assert "Mails sent: 3," in out and "password-reset mails sent: 1." in out
    assert STOPPED_LINE in out
    assert sorted(PasswordResetRequest.objects.values_list("status", flat=True)) == ["pending", "pending", "sent"]


STOPPED_LINE = ("Đã dừng theo yêu cầu (SIGTERM/SIGINT): các thư còn chờ, kể cả thư đặt lại mật khẩu, sẽ được "
                "gửi ở lượt chạy sau.")
