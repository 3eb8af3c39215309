"""Enqueueing the site's background tasks (django-tasks; README "The notification worker: `manage.py db_worker`").

With NOTIFICATIONS_QUEUED (production) a task is enqueued into the database (django-tasks-db, backend "default")
*inside the caller's transaction*: the task row commits with the caller's change or not at all, so a rollback runs
nothing and a crash after the commit loses nothing; ``manage.py db_worker`` runs it. Off (``make run``, the tests)
the task runs in this process right after the commit (backend "immediate")."""

import contextlib
import datetime
import signal
import threading

from django.conf import settings
from django.db import transaction
from django.utils import timezone

# django-tasks has no retries: a task whose work failed enqueues itself again this much later (retry_later).
RETRY_AFTER = datetime.timedelta(minutes=5)


def queued():
    """NOTIFICATIONS_QUEUED: tasks go through the database queue and ``manage.py db_worker``."""
    return getattr(settings, "NOTIFICATIONS_QUEUED", False)


def enqueue(a_task, *args, on_commit=True, **kwargs):
    """Queued: enqueue ``a_task(*args, **kwargs)`` now, in the caller's transaction. Otherwise run it in this
    process: after the caller's commit (``on_commit``), or at once (the caller has committed already). Returns the
    TaskResult (None while an on-commit run waits)."""
    if queued():
        return a_task.using(backend="default").enqueue(*args, **kwargs)
    run = a_task.using(backend="immediate")
    if on_commit:
        transaction.on_commit(lambda: run.enqueue(*args, **kwargs), robust=True)
        return None
    return run.enqueue(*args, **kwargs)


def retry_later(a_task, *args, **kwargs):
    """Queued: run ``a_task(*args, **kwargs)`` again RETRY_AFTER from now (otherwise the next daily run retries)."""
    if queued():
        a_task.using(backend="default", run_after=timezone.now() + RETRY_AFTER).enqueue(*args, **kwargs)


class InsideTransaction(RuntimeError):
    """Rows were to be taken for sending inside a caller's transaction (``claiming``)."""


@contextlib.contextmanager
def claiming(what):
    """The short transaction that takes rows for sending (``what``: the mails, the password resets), committed
    before any mail goes out. Refused (InsideTransaction) inside a caller's transaction: there the claim would
    commit only with the caller, and a rollback after the mails went out would put the rows back to waiting, to be
    sent again; two senders would not see each other's claims either. Senders run after the commit (a task,
    ``transaction.on_commit``, a management command) in autocommit.

    Django's durable atomic block is the check: it refuses to nest in another atomic block, except directly in a
    test case's own (Django's TestCase and pytest-django's ``db``), so the tests keep their fast rolled-back
    transaction and a test's own ``transaction.atomic()`` around a sender still meets the rule.
    ``savepoint=False``: no savepoint in the test case's transaction either (the same statements as in
    production)."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(transaction.atomic(savepoint=False, durable=True))
        except RuntimeError as error:  # "A durable atomic block cannot be nested within another atomic block."
            raise InsideTransaction(
                f"Taking {what} for sending must run outside any transaction (autocommit), so that the claim is "
                "committed before the mails go out: inside a caller's transaction.atomic() a rollback after sending "
                "would send them again. Send after the commit (transaction.on_commit, a task)."
            ) from error
        yield


class Hold:
    """The rows of one claim (``claimed``: rows of ``model`` carrying the claim's token in ``claim`` and its time in
    ``claimed_at``) that this sender still holds, asked just before each mail goes out (``holds``).

    A sweep returns rows "sending" for over ``stranded_after`` to waiting (their sender was killed), and another
    sender may then take them and send them. A sender that was only slow (a batch of 200 mails to a mail server
    that times out each after 20 s takes over an hour) must then send none of them: ``holds`` answers from memory
    while the claim is younger than half ``stranded_after`` (no sweep can have taken its rows: no query), and after
    that renews the hold on the rows still "sending" under this token (one UPDATE of their ``claimed_at``, then one
    SELECT of which they are) and answers from those, so a live sender's rows are never taken while it is on them,
    and a row taken meanwhile is not sent by it. Two queries every half ``stranded_after`` of a slow batch, none
    in a batch sent in minutes."""

    def __init__(self, model, claimed, *, sending, stranded_after):
        self.model, self.sending, self.renew_after = model, sending, stranded_after / 2
        self.token = claimed[0].claim if claimed else None
        self.since = min((row.claimed_at for row in claimed), default=None)
        self.pks = {row.pk for row in claimed}

    def holds(self, row):
        """Whether ``row`` (one of the claim's) is still this sender's to send."""
        if self.since is None or timezone.now() - self.since >= self.renew_after:
            self.renew()
        return row.pk in self.pks

    def renew(self):
        stamp = timezone.now()
        # First the UPDATE (it waits for, or wins over, a sweep's UPDATE on the same rows), then which rows it kept.
        rows = self.model._base_manager.filter(pk__in=self.pks, claim=self.token, status=self.sending)
        rows.update(claimed_at=stamp)
        self.pks = set(rows.values_list("pk", flat=True))
        self.since = stamp


# Set by SIGTERM/SIGINT while a long send runs (stopping_on_signal): the sender stops between two batches.
_stop = threading.Event()
_handling = False  # stopping_on_signal's handlers are in place (nested uses leave them, and the flag, to it)


def stop_requested():
    """Whether the process was asked to stop (SIGTERM: ``systemctl stop``; SIGINT) during ``stopping_on_signal``."""
    return _stop.is_set()


@contextlib.contextmanager
def stopping_on_signal():
    """Around a long send (the daily sweep): SIGTERM or SIGINT no longer kills the process in the middle of a batch
    (which would leave its rows "sending" until the next day's run returns them) but sets ``stop_requested``, so
    the sender stops after the batch in hand. A handler already there (db_worker's: finish the task in hand, then
    exit) still runs, except Python's default SIGINT one (KeyboardInterrupt: mid-batch). Signal handlers belong to
    the main thread: elsewhere (a gunicorn thread) this does nothing. Nested (send_reminders around the mails'
    sweep and the password resets' after it) only the outermost installs the handlers and clears the flag, so a
    stop asked during the first sweep is still seen after it, and the next is skipped."""
    global _handling
    if threading.current_thread() is not threading.main_thread() or _handling:
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT)}

    def handler(signum, frame):
        _stop.set()
        before = previous[signum]
        if callable(before) and before is not signal.default_int_handler:
            before(signum, frame)

    _stop.clear()
    for signum in previous:
        signal.signal(signum, handler)
    _handling = True
    try:
        yield
    finally:
        _handling = False
        for signum, before in previous.items():
            signal.signal(signum, before)
        _stop.clear()
