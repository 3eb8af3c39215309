"""The daily sweep sends in batches (notifications.delivery.deliver, README "The notification worker"): a sender
killed mid-run leaves one batch at most "sending", and the next daily run returns rows "sending" for over an hour
to waiting and sends them; rows taken minutes ago are left to their sender. A batch that fails as a whole is
recorded failed; a stop asked between batches (SIGTERM) leaves the rest waiting, never "sending"."""

import datetime
import io
import os
import signal

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from notifications import delivery
from notifications.models import Delivery
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


def test_a_stop_between_batches_leaves_the_rest_waiting_and_the_next_run_sends_them(recorded, smtp, monkeypatch):
    monkeypatch.setattr(delivery, "BATCH", 1)
    real = delivery.send_one

    def send_then_sigterm(connection, message):
        error = real(connection, message)
        os.kill(os.getpid(), signal.SIGTERM)  # systemctl stop, in the middle of the first batch
        return error

    monkeypatch.setattr(delivery, "send_one", send_then_sigterm)
    before = signal.signal(signal.SIGTERM, signal.SIG_DFL)  # as under systemd: SIGTERM would kill the process
    try:
        out = run()
        handler = signal.getsignal(signal.SIGTERM)
    finally:
        signal.signal(signal.SIGTERM, before)

    assert "Mails sent: 1," in out  # the batch in hand was finished and recorded, then the run stopped
    assert len(smtp.envelopes) == 1
    statuses = sorted(Delivery.objects.values_list("status", flat=True))
    assert statuses == ["pending", "pending", "sent"]  # nothing "sending"
    assert handler == signal.SIG_DFL  # the process's own handler is back

    monkeypatch.setattr(delivery, "send_one", real)
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


def test_in_db_worker_a_sigterm_finishes_the_batch_in_hand_and_the_task(recorded, smtp, monkeypatch, settings):
    """Queued: the sweep's task runs in db_worker, whose own SIGTERM handler (finish the task in hand, then exit)
    still runs; the sweep stops after its batch and the task ends successfully."""
    from testing.worker import run_worker

    settings.NOTIFICATIONS_QUEUED = True
    monkeypatch.setattr(delivery, "BATCH", 1)
    real = delivery.send_one

    def send_then_sigterm(connection, message):
        error = real(connection, message)
        os.kill(os.getpid(), signal.SIGTERM)
        return error

    monkeypatch.setattr(delivery, "send_one", send_then_sigterm)
    run()  # enqueues the sweep's tasks
    run_worker()

    assert len(smtp.envelopes) == 1
    assert sorted(Delivery.objects.values_list("status", flat=True)) == ["pending", "pending", "sent"]
    sweep = DBTaskResult.objects.get(task_path="notifications.tasks.send_reminder_mails")
    assert sweep.status == "SUCCESSFUL"
    # The worker's own handler ran too: it took no further task (the password resets' sweep waits for it).
    assert DBTaskResult.objects.get(task_path="accounts.tasks.send_password_reset_mails").status == "READY"
