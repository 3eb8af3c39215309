"""The mail worker's collector freezes what the warm worker holds (``manage.py db_worker`` started as a program:
``notifications/management/commands/db_worker.py``, ``plan_tracker.gc_warm.install_for_tasks``; issue #18, session 17)."""

import gc
import signal
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core.management import ManagementUtility, get_commands, load_command_class
from django.core.signals import request_finished
from django.db import connections
from django_tasks.signals import task_finished
from django_tasks_db.management.commands.db_worker import Command as WorkerCommand
from django_tasks_db.models import DBTaskResult

from notifications.tasks import send_event_mails
from plan_tracker import gc_warm
from testing.worker import run_worker


@pytest.fixture
def calls(monkeypatch):
    """gc.collect and gc.freeze recorded, not run (a frozen test process would keep every test's objects)."""
    made = []
    monkeypatch.setattr(gc, "collect", lambda *a: made.append("collect"))
    monkeypatch.setattr(gc, "freeze", lambda: made.append("freeze"))
    yield made
    task_finished.disconnect(dispatch_uid=gc_warm.TASKS_DISPATCH_UID)


def connected():
    return sum(entry[0][0] == gc_warm.TASKS_DISPATCH_UID for entry in task_finished.receivers)


def enqueue(n, capture):
    with capture(execute=True):
        for _ in range(n):
            send_event_mails.enqueue(event_id=0, retry=False)  # no such event: the task sends nothing and ends


def run_as_program():
    """``manage.py db_worker --batch …`` as the shell runs it (its argv through Django's ManagementUtility), in this
    process; the test process's signal handlers put back, its connections left open (as testing.worker does)."""
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT)}
    try:
        # run_from_argv closes every connection when the command ends (the test's own, on PostgreSQL): not here.
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None), \
                mock.patch.object(connections, "close_all", lambda: None):
            ManagementUtility(["manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"]).execute()
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)


def test_db_worker_is_django_tasks_dbs_command_from_notifications():
    assert get_commands()["db_worker"] == "notifications"
    command = load_command_class(get_commands()["db_worker"], "db_worker")
    assert isinstance(command, WorkerCommand)


def test_the_worker_started_as_a_program_freezes_after_its_first_task(calls, db, django_capture_on_commit_callbacks,
                                                                      capsys):
    enqueue(3, django_capture_on_commit_callbacks)
    run_as_program()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert calls == ["collect", "freeze"]  # after the 1st of 3 tasks only (then the 100th, the 1,000th)
    assert connected()


def test_the_worker_called_from_code_never_freezes_its_caller(calls, db, django_capture_on_commit_callbacks):
    enqueue(2, django_capture_on_commit_callbacks)
    run_worker()  # call_command("db_worker", …): the tests' way
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert calls == [] and not connected()


def finish():
    """What the worker sends after a task (its result: id, task, status)."""
    task_finished.send(sender=None, task_result=SimpleNamespace(
        id="t", status="SUCCESSFUL", task=SimpleNamespace(module_path="notifications.tasks.send_event_mails")))


def test_freezes_at_the_given_tasks_then_disconnects_and_requests_do_not_count(calls, db):
    receiver = gc_warm.install_for_tasks(at=(1, 3))
    request_finished.send(sender=None)
    assert calls == []  # requests are the server's count, not the worker's
    finish()
    assert calls == ["collect", "freeze"]
    finish()
    assert calls == ["collect", "freeze"] and connected()
    finish()
    assert calls == ["collect", "freeze"] * 2 and receiver.freezes == 2
    assert not connected()
    finish()
    assert calls == ["collect", "freeze"] * 2


def test_installed_once_per_process(calls):
    first = gc_warm.install_for_tasks(at=(1,))
    second = gc_warm.install_for_tasks(at=(1,))
    assert connected() == 1
    finish()
    assert calls == ["collect", "freeze"] and second.freezes == 1 and first.freezes == 0
