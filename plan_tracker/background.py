"""Enqueueing the site's background tasks (django-tasks; README "The notification worker: `manage.py db_worker`").

With NOTIFICATIONS_QUEUED (production) a task is enqueued into the database (django-tasks-db, backend "default")
*inside the caller's transaction*: the task row commits with the caller's change or not at all, so a rollback runs
nothing and a crash after the commit loses nothing; ``manage.py db_worker`` runs it. Off (``make run``, the tests)
the task runs in this process right after the commit (backend "immediate")."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

# django-tasks has no retries: a task whose work failed enqueues itself again this much later (retry_later).
RETRY_AFTER = datetime.timedelta(minutes=5)


def queued():
    """NOTIFICATIONS_QUEUED: tasks go through the database queue and ``manage.py db_worker``."""
    return getattr(settings, "NOTIFICATIONS_QUEUED", False)


def enqueue(a_task, *args, on_commit=True):
    """Queued: enqueue ``a_task(*args)`` now, in the caller's transaction. Otherwise run it in this process: after
    the caller's commit (``on_commit``), or at once (the caller has committed already). Returns the TaskResult
    (None while an on-commit run waits)."""
    if queued():
        return a_task.using(backend="default").enqueue(*args)
    run = a_task.using(backend="immediate")
    if on_commit:
        transaction.on_commit(lambda: run.enqueue(*args), robust=True)
        return None
    return run.enqueue(*args)


def retry_later(a_task, *args):
    """Queued: run ``a_task(*args)`` again RETRY_AFTER from now (otherwise the next daily run retries)."""
    if queued():
        a_task.using(backend="default", run_after=timezone.now() + RETRY_AFTER).enqueue(*args)
