"""Running django-tasks-db's worker (`manage.py db_worker`) inside a test."""

import io
import signal
from unittest import mock

from django.core.management import call_command


def run_worker():
    """One pass of the worker, in this process: every task ready, then it exits; returns its output. (Its
    close_old_connections() would close the test's connection, inside the test's transaction on PostgreSQL: a
    no-op here; notifications/tests/test_queue.py runs two real worker processes too.)"""
    out = io.StringIO()
    # The worker installs its SIGTERM/SIGINT/SIGQUIT handlers (stop after the task in hand) and leaves them: put
    # the test process's own back, or a later test's signal would reach a finished worker's handler.
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT)}
    try:
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None):
            call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=out)
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    return out.getvalue()
