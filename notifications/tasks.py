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

from django.db.models import Q
from django_tasks import task

from plan_tracker.background import queued, retry_later, stop_requested, stopping_on_signal

logger = logging.getLogger("notifications")


@task()
def send_event_mails(event_id, retry=True):
    """Send the recorded mails of a report's workflow event (``notifications.workflow``): record them first if
    the request could not, then send them, with every other event's mails waiting their first try (batching: on
    deadline day the worker falls behind, and one run then sends the mails of all the submissions that came in
    meanwhile; their own tasks find nothing left and end at once). An address that failed is tried again
    ``RETRY_AFTER`` later by a retry of its own event's task (``retry``: it also takes the event's failed mails).
    The first run, enqueued with the event, passes ``retry=False`` and leaves them to that retry; a task without
    the argument is a retry (a release before batching enqueued its retries so: they still take their failed
    mails). Unqueued (NOTIFICATIONS_QUEUED off: the task runs inside the user's request) only the event's own mails
    are sent: a request never sends other people's."""
    from .delivery import deliver
    from .models import Delivery

    result = SimpleNamespace(sent=0, failed=0, cancelled=0, retry_events=set())
    raised = False
    try:
        deliver(_event_mails(event_id, retry), result=result)
    except Exception:
        raised = True
        logger.exception("Notifications for report event %s failed; send_reminders will send what was recorded.",
                         event_id)
    try:  # also when sending failed as a whole (the mail backend could not be opened: the rows are marked failed)
        # Each event whose mails failed in this run (this one's or another's, taken with it) is retried under its
        # own event. When the run broke off or was stopped before it could say, this event's failed mails are asked.
        events = result.retry_events
        if (raised or stop_requested()) and event_id not in events and Delivery.objects.filter(
                event_id=event_id, status=Delivery.Status.FAILED, attempts__lt=Delivery.MAX_ATTEMPTS).exists():
            events.add(event_id)
        for failed_event in sorted(events):  # rare: only after a failure; one retry task per event
            retry_later(send_event_mails, failed_event, retry=True)
    except Exception:
        logger.exception("Enqueueing the retry of report event %s failed; send_reminders sends it.", event_id)
    return None if raised else _counts(result)


def _event_mails(event_id, retry):
    """What one run of ``send_event_mails`` sends: the event's mails (recorded here if the request could not), and
    every workflow mail waiting its first try. Reminders and digests are not workflow mails: the daily run sends
    them (they need the day's state)."""
    from .models import Delivery
    from .workflow import record_event_mails

    record_event_mails(event_id)
    if not queued():
        return Delivery.objects.filter(event_id=event_id)
    first_tries = Q(event__isnull=False, status=Delivery.Status.PENDING)
    return Delivery.objects.filter(Q(event_id=event_id) | first_tries if retry else first_tries)


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
