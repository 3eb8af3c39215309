"""The cyclic garbage collector of a server process, told what is permanent once the process is warm (issue #18).

A gunicorn worker holds ~155,000 objects the collector tracks once it has served its first journeys: Django and
every module imported, the URL resolvers, both template engines' compiled templates, the compiled statements
(``plan_tracker.compiled``), translations. They live as long as the process. CPython's collector still walks all of
them at every full (oldest-generation) collection: ~67 ms of CPU each on this machine, about one per 30 officers'
journeys on deadline day, and its younger collections carry the survivors along until they get there. Measured with
the officer's journey in one process (31 journeys, twice each): 4.0-4.3 ms of collection per journey before, 2.0-2.1
after freezing once warm.

``gc.freeze()`` moves every object tracked at that moment into a permanent generation the collector never walks.
It is called after a full collection (the garbage of the moment is freed, not frozen) when the worker has finished
its 1st, ``FREEZE_AT[1]``th and ``FREEZE_AT[2]``th request (what the first requests build: resolvers, templates,
compiled statements of every page shape), then never again: three collections per worker in its life. Objects
frozen that die later are still freed by their reference counts; only a reference cycle among them outlives its
use (bounded: what existed at three moments). Reference counting, the younger generations and their thresholds
work as before.

Installed by ``plan_tracker.wsgi`` (the server's processes only: gunicorn imports it; tests and management
commands do not), and by the mail worker (``manage.py db_worker`` started as a program: ``install_for_tasks``, counting
its finished tasks instead of requests; ``notifications/management/commands/db_worker.py``). The worker holds as
much (~166,000 objects: Django, the mails' templates, the compiled statements) and allocates more per task than a
request does (a submission's 24 mails' rows, messages and MIME trees): measured with ``benchmarks/mail_cpu.py``, a
full collection there costs ~80-110 ms, about one per 60-150 submissions on deadline day (README "The journey's CPU,
session 17")."""

import gc

from django.core.signals import request_finished

#: After which requests of the process the collector freezes what exists (the last one ends it).
FREEZE_AT = (1, 100, 1000)


class FreezeWhenWarm:
    """A ``request_finished`` receiver (or ``signal``'s: the worker's ``task_finished``): counts the process's finished
    requests (tasks) and freezes at ``at``'s counts."""

    def __init__(self, at=FREEZE_AT, signal=request_finished, dispatch_uid=None):
        self.signal = signal
        self.dispatch_uid = dispatch_uid or DISPATCH_UID
        self.at = frozenset(at)
        self.last = max(at)
        self.finished = 0
        self.freezes = 0

    def __call__(self, sender=None, **kwargs):
        self.finished += 1
        if self.finished in self.at:
            gc.collect()
            gc.freeze()
            self.freezes += 1
        if self.finished >= self.last:
            self.signal.disconnect(self, dispatch_uid=self.dispatch_uid)


DISPATCH_UID = "plan_tracker.gc_warm"
TASKS_DISPATCH_UID = "plan_tracker.gc_warm.tasks"


def install(at=FREEZE_AT):
    """Connect a ``FreezeWhenWarm`` to ``request_finished`` (once per process: a second call replaces the first)."""
    receiver = FreezeWhenWarm(at)
    request_finished.disconnect(dispatch_uid=DISPATCH_UID)
    request_finished.connect(receiver, dispatch_uid=DISPATCH_UID, weak=False)
    return receiver


def install_for_tasks(at=FREEZE_AT):
    """The same for the mail worker: a ``FreezeWhenWarm`` on django-tasks' ``task_finished`` (sent after each task the
    worker runs, done or failed), frozen after its 1st, 100th and 1,000th task (once per process)."""
    from django_tasks.signals import task_finished

    receiver = FreezeWhenWarm(at, signal=task_finished, dispatch_uid=TASKS_DISPATCH_UID)
    task_finished.disconnect(dispatch_uid=TASKS_DISPATCH_UID)
    task_finished.connect(receiver, dispatch_uid=TASKS_DISPATCH_UID, weak=False)
    return receiver
