"""The mails' background tasks (django-tasks; README "The notification worker: `manage.py db_worker`").

Each task sends mails already recorded (``notifications.Delivery``, ``accounts.PasswordResetRequest``: the record
of what was sent to whom, sent/failed/attempts); the task queue only says when. With NOTIFICATIONS_QUEUED
(production) a task is enqueued into the database (django-tasks-db, backend "default") *inside the caller's
transaction*: the task row commits with the report's change or not at all, so a rollback sends nothing and a
crash after the commit loses nothing; ``manage.py db_worker`` runs it (each task row is taken by one worker:
``SELECT … FOR UPDATE SKIP LOCKED``, then marked running). Off (``make run``, the tests) the task runs in this
process right after the commit (backend "immediate").

Retries: django-tasks has none (a task that raises is marked failed, once). So the tasks never raise: each
address's failure is recorded on its row, and a workflow mail or a password reset that failed is tried again by
the same task enqueued to run ``RETRY_AFTER`` later (queued mode; up to ``Delivery.MAX_ATTEMPTS`` in all); every
mail still waiting is also sent by the next ``send_reminders`` run (the daily sweep), which also sends what a
crashed task left pending.
"""

import datetime
import logging
from types import SimpleNamespace

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger("notifications")

RETRY_AFTER = datetime.timedelta(minutes=5)


def queued():
    """NOTIFICATIONS_QUEUED: mails go through the database queue and ``manage.py db_worker``."""
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


def _retry_later(a_task, *args):
    if queued():
        a_task.using(backend="default", run_after=timezone.now() + RETRY_AFTER).enqueue(*args)


@task()
def send_event_mails(event_id):
    """Send the recorded mails of a report's workflow event (``notifications.workflow``): record them first if
    the request could not, then send those waiting; a failed address is tried again ``RETRY_AFTER`` later."""
    from .delivery import deliver
    from .models import Delivery
    from .workflow import record_event_mails

    try:
        record_event_mails(event_id)
        result = deliver(Delivery.objects.filter(event_id=event_id), result=SimpleNamespace(sent=0, failed=0,
                                                                                           cancelled=0))
        if Delivery.objects.filter(event_id=event_id, status=Delivery.Status.FAILED,
                                   attempts__lt=Delivery.MAX_ATTEMPTS).exists():
            _retry_later(send_event_mails, event_id)
    except Exception:
        logger.exception("Notifications for report event %s failed; send_reminders will send what was recorded.",
                         event_id)
        return None
    return _counts(result)


@task()
def send_reminder_mails(today, reminder_ids=None):
    """Send the reminders' and digests' mails waiting (of ``reminder_ids``; None: every mail waiting, failed
    workflow mails included, as ``send_reminders`` does daily), as of the local date ``today`` (ISO)."""
    from .delivery import deliver
    from .models import Delivery
    from .reminders import OpenYears, RunResult

    day = datetime.date.fromisoformat(today)
    waiting = Delivery.objects.all() if reminder_ids is None else Delivery.objects.filter(reminder__in=reminder_ids)
    return _counts(deliver(waiting, state=OpenYears(day), result=RunResult(today=day)))


@task()
def send_password_reset_mails():
    """The password-reset mails waiting (accounts.services); failed ones are tried again ``RETRY_AFTER`` later."""
    from accounts.models import PasswordResetRequest
    from accounts.services import send_password_resets

    sent = send_password_resets()
    if PasswordResetRequest.objects.filter(status=PasswordResetRequest.Status.FAILED,
                                           attempts__lt=PasswordResetRequest.MAX_ATTEMPTS).exists():
        _retry_later(send_password_reset_mails)
    return {"sent": sent}


def _counts(result):
    return {"sent": result.sent, "failed": result.failed, "cancelled": result.cancelled}
