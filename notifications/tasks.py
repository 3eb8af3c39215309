"""The mails' background tasks (django-tasks; README "The notification worker: `manage.py db_worker`").

Each task sends mails already recorded (``notifications.Delivery``: the record of what was sent to whom,
sent/failed/attempts); the task queue only says when. How they are enqueued (in the caller's transaction, or run
at once): ``plan_tracker.background``; ``manage.py db_worker`` runs them (each task row is taken by one worker:
``SELECT … FOR UPDATE SKIP LOCKED``, then marked running). The password-reset mails' task: ``accounts.tasks``.

Retries: django-tasks has none (a task that raises is marked failed, once). So the tasks never raise: each
address's failure is recorded on its row, and a workflow mail or a password reset that failed is tried again by
the same task enqueued to run ``RETRY_AFTER`` (5 minutes) later (queued mode; up to ``Delivery.MAX_ATTEMPTS`` in all);
every mail still waiting is also sent by the next ``send_reminders`` run (the daily sweep), which also sends what a
crashed task left pending.
"""

import datetime
import logging
from types import SimpleNamespace

from django_tasks import task

from plan_tracker.background import retry_later, stop_requested, stopping_on_signal

logger = logging.getLogger("notifications")


@task()
def send_event_mails(event_id):
    """Send the recorded mails of a report's workflow event (``notifications.workflow``): record them first if
    the request could not, then send those waiting; a failed address is tried again ``RETRY_AFTER`` later."""
    from .delivery import deliver
    from .models import Delivery
    from .workflow import record_event_mails

    result = None
    try:
        record_event_mails(event_id)
        result = deliver(Delivery.objects.filter(event_id=event_id), result=SimpleNamespace(sent=0, failed=0,
                                                                                           cancelled=0))
    except Exception:
        logger.exception("Notifications for report event %s failed; send_reminders will send what was recorded.",
                         event_id)
    try:  # also when sending failed as a whole (the mail backend could not be opened: the rows are marked failed)
        # Every row of the event waiting was taken by this run, unless it was stopped or another sender held some:
        # when none of this run's failed, none is failed but another sender's (which retries its own). Else asked.
        if (result is None or result.failed or stop_requested()) and Delivery.objects.filter(
                event_id=event_id, status=Delivery.Status.FAILED, attempts__lt=Delivery.MAX_ATTEMPTS).exists():
            retry_later(send_event_mails, event_id)
    except Exception:
        logger.exception("Enqueueing the retry of report event %s failed; send_reminders sends it.", event_id)
    return None if result is None else _counts(result)


@task()
def send_reminder_mails(today, reminder_ids=None, delivery_ids=None):
    """Send the reminders' and digests' mails waiting (of ``reminder_ids``, or the deliveries ``delivery_ids``: the
    admin's "send again"; neither: every mail waiting, failed workflow mails included, as ``send_reminders`` does
    daily), as of the local date ``today`` (ISO). Never raises: what failed is recorded on its rows, logged, and
    counted as failed in the answer."""
    from .delivery import deliver
    from .models import Delivery
    from .reminders import OpenYears, RunResult

    day = datetime.date.fromisoformat(today)
    result = RunResult(today=day)
    try:
        waiting = Delivery.objects.all()
        if reminder_ids is not None:
            waiting = waiting.filter(reminder__in=reminder_ids)
        if delivery_ids is not None:
            waiting = waiting.filter(pk__in=delivery_ids)
        with stopping_on_signal():
            deliver(waiting, state=OpenYears(day), result=result)
    except Exception:
        logger.exception("Sending the reminders' mails failed; what was not sent is retried by send_reminders.")
    return _counts(result)


def _counts(result):
    return {"sent": result.sent, "failed": result.failed, "cancelled": result.cancelled}
