"""CPU of a submission's notification mails (issue #18), in this process: what the request spends recording them
(``notifications.workflow.report_event_created``) and what the mail worker spends sending them (django-tasks-db's
``db_worker`` loop, run here in batch mode over the submissions' tasks). Not a test, not part of the benchmark.

    DJANGO_SETTINGS_MODULE=benchmarks.settings [DATABASE_URL=postgres://postgres@127.0.0.1:5432/plan_tracker_NAME] \\
        .venv/bin/python benchmarks/mail_cpu.py [--submissions K] [--coordinators C] [--leads L] \\
        [--backend console|smtp|locmem|dummy] [--keeping-up] [--profile] [--breakdown]

Builds its own world in a throw-away test database (``test_<name>``; SQLite in memory without DATABASE_URL; never a
benchmark database): a plan whose year's reports go to an agency with C coordinators (one reading English), K
reporting agencies, each coordinating on L tasks led by L agencies with one officer each. So each submission calls
for C + L mails (the deadline scale: ~24). Then K officers submit; the worker sends: after all of them came in (a
worker behind, as on a busy deadline day: one task's run sends the mails of every submission waiting), or with
``--keeping-up`` after each (a quiet queue: each task sends its own submission's mails). On SQLite the database's own
work is in this process (so in the figures); on PostgreSQL it is in the server's.

``console``: the console backend writing to /dev/null (what the deadline-day benchmark's worker does, into its log);
``smtp``: a real SMTP server on 127.0.0.1 (aiosmtpd in a thread of this process: its CPU is counted too, so the
figure is an upper bound); ``locmem``: the tests' backend (copies every message); ``dummy``: nothing sent."""

import argparse
import cProfile
import contextlib
import os
import pstats
import sys
import time

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

WARM = 5  # tasks the worker runs before it is measured

BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def build_world(submissions, coordinators, leads):
    from agencies.models import Membership
    from notifications.models import Preference
    from reports.models import AgencyReport
    from testing.factories import fill_report, make_agency, make_group, make_plan, make_section, make_task, make_user
    from testing.factories import open_year

    User = get_user_model()
    plan = make_plan(start_year=2023, end_year=2026)
    receiving = make_agency(name="Sở Kế hoạch và Đầu tư", code="so-khdt-bench")
    plan.report_recipient = receiving
    plan.save()
    for i in range(coordinators):
        user = make_user(User, f"dieuphoi-{i}", receiving, role=Membership.Role.COORDINATOR,
                         email=f"dieuphoi{i}@example.vn")
        if i == 0:
            Preference.objects.create(user=user, language="en")
    reporters = [make_agency(name=f"UBND xã Thử {i}", kind="commune", code=f"xa-{i}") for i in range(submissions)]
    group = make_group(reporters, name="UBND các xã")
    section = make_section(plan)
    lead_agencies = [make_agency(name=f"Sở Thử {i}", code=f"so-{i}") for i in range(leads)]
    for i, lead in enumerate(lead_agencies):
        make_user(User, f"canbo-so-{i}", lead, email=f"canbo.so{i}@example.vn")
        make_task(section, lead=lead, coordinators=[group], number=f"{i + 1}.1", title=f"Nhiệm vụ phối hợp số {i + 1}")
    officers = [make_user(User, f"canbo-xa-{i}", agency, email=f"canbo.xa{i}@example.vn")
                for i, agency in enumerate(reporters)]
    open_year(plan, 2025)
    reports = []
    for officer, agency in zip(officers, reporters):
        report = AgencyReport.objects.get(plan=plan, year=2025, agency=agency)
        reports.append((fill_report(report, officer), officer))
    return reports


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--coordinators", type=int, default=20)
    parser.add_argument("--leads", type=int, default=4)
    parser.add_argument("--backend", choices=sorted(BACKENDS), default="console")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keeping-up", action="store_true",
                        help="each submission's task run before the next submission (else all submitted first)")
    parser.add_argument("--breakdown", action="store_true", help="CPU per submission of the worker's main steps")
    o = parser.parse_args(argv[1:])

    settings.EMAIL_BACKEND = BACKENDS[o.backend]
    settings.NOTIFICATIONS_QUEUED = True
    settings.SITE_URL = "https://baocao.example.gov.vn"
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    smtp = None
    try:
        if o.backend == "smtp":
            from notifications.tests.conftest import Inbox, point_django_at

            class Sink(Inbox):
                async def handle_DATA(self, server, session, envelope):
                    self.received.append(len(envelope.content))
                    return "250 OK"

            smtp = Sink()
            smtp.start()
            point_django_at(settings, smtp.port)
        reports = build_world(o.submissions, o.coordinators, o.leads)
        run(reports, o)
    finally:
        if smtp is not None:
            smtp.stop()
        connection.creation.destroy_test_db(name, verbosity=0)


class _ServerCpu:
    """The CPU time of this connection's PostgreSQL server process between start() and stop(key), summed per key."""

    def __init__(self):
        from benchmarks.pg_time import backend_cpu_ns

        self._read = backend_cpu_ns
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self._pid = cursor.fetchone()[0]
        self.ns = {"request": 0, "worker": 0}
        self._at = None

    def start(self):
        # The worker closes a connection older than CONN_MAX_AGE between tasks (a new server process: its CPU
        # would not be counted): kept open while measured.
        connection.close_at = None
        self._at = self._read(self._pid)

    def stop(self, key):
        now = self._read(self._pid)
        if now is None or self._at is None or self.ns[key] is None:
            self.ns[key] = None
        else:
            self.ns[key] += now - self._at


def _timed(function, spent, key):
    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[key] += time.process_time() - started
    return timed


def run(reports, o):
    from django_tasks_db.management.commands.db_worker import Worker

    from notifications import workflow
    from notifications.models import Delivery
    from reports.services import submit_report

    recording = [0.0]
    real = workflow.report_event_created

    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            recording[0] += time.process_time() - started

    # The signal holds the function itself: swap it there.
    from reports.signals import report_event

    report_event.disconnect(dispatch_uid="notifications.report_event_created")
    report_event.connect(timed, dispatch_uid="notifications.report_event_created", weak=False)

    def worker(max_tasks=None):
        return Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                      max_tasks=max_tasks, worker_id="mail-cpu", excluded_queue_names=[])

    # The collector as in `manage.py db_worker` (frozen after the worker's 1st, 100th and 1,000th task: plan_tracker.
    # gc_warm); absent from a tree measured from before it.
    from plan_tracker import gc_warm

    if hasattr(gc_warm, "install_for_tasks"):
        gc_warm.install_for_tasks()
    devnull = open(os.devnull, "w")
    # A worker that has run a few tasks (its URLs resolved, its templates loaded), as on a deadline day.
    for report, officer in reports[:WARM]:
        submit_report(report, officer)
    with contextlib.redirect_stdout(devnull):
        worker().run()
    reports = reports[WARM:]
    k = len(reports)
    recording[0] = 0.0
    before = Delivery.objects.count()

    spent = {}
    if o.breakdown:
        import importlib

        for dotted in ("notifications.workflow.record_event_mails", "notifications.delivery.deliver",
                       "notifications.delivery._claim", "notifications.delivery._send",
                       "notifications.delivery.coordination_lines", "notifications.delivery._compose",
                       "notifications.delivery.render_email", "notifications.delivery.send_one"):
            module, _, name = dotted.rpartition(".")
            target = importlib.import_module(module)
            if not hasattr(target, name):  # a step the code measured does not have
                continue
            spent[dotted] = 0.0
            setattr(target, name, _timed(getattr(target, name), spent, dotted))

    # The messages handed to the mail backend (one per envelope): fewer than the rows once the coordinators'
    # "submitted" mails are coalesced (one mail listing the submissions waiting together).
    from notifications import delivery as _delivery

    messages = [0]
    _send_one = _delivery.send_one

    def counted_send_one(*args, **kwargs):
        messages[0] += 1
        return _send_one(*args, **kwargs)

    _delivery.send_one = counted_send_one

    from django.test.utils import CaptureQueriesContext

    profile = cProfile.Profile(time.process_time) if o.profile else None
    submit_cpu = cpu = wall = 0.0
    # PostgreSQL: the server process's CPU of this connection (benchmarks.pg_time), for the submissions and the worker.
    server = _ServerCpu() if connection.vendor == "postgresql" else None
    worker_queries = 0
    # Keeping up: each submission's task runs before the next submission comes in (a quiet queue: nothing to batch).
    # Behind (the default): every submission comes in before the worker runs (a worker that fell behind).
    rounds = [[one] for one in reports] if o.keeping_up else [reports]
    with contextlib.redirect_stdout(devnull):
        for batch in rounds:
            started = time.process_time()
            if server:
                server.start()
            for report, officer in batch:
                submit_report(report, officer)
            submit_cpu += time.process_time() - started
            if server:
                server.stop("request")
                server.start()
            with CaptureQueriesContext(connection) as queries:
                started, began = time.process_time(), time.perf_counter()
                if profile:
                    profile.enable()
                worker().run()
                if profile:
                    profile.disable()
                cpu, wall = cpu + time.process_time() - started, wall + time.perf_counter() - began
            worker_queries += len(queries)
            if server:
                server.stop("worker")
    mails = Delivery.objects.count() - before
    sent = Delivery.objects.filter(status=Delivery.Status.SENT).count() - before
    print(f"{k} submissions measured ({'keeping up: one task at a time' if o.keeping_up else 'behind: all waiting'}), "
          f"{mails} mails recorded ({mails / k:.1f} per submission), backend {o.backend}, {connection.vendor}")
    print(f"request: submit_report {1000 * submit_cpu / k:.2f} ms CPU per submission, of which recording the mails "
          f"{1000 * recording[0] / k:.2f} ms")
    print(f"worker (after {WARM} tasks): {sent} of {mails} sent; {1000 * cpu / k:.2f} ms CPU per submission, "
          f"{worker_queries / k:.1f} queries ({1000 * cpu / max(sent, 1):.3f} ms per mail; wall {wall:.2f} s)")
    print(f"worker: {messages[0]} messages to the mail backend ({messages[0] / k:.1f} per submission)")
    if server and server.ns["request"] is not None:
        print(f"PostgreSQL server CPU per submission: request {server.ns['request'] / 1e6 / k:.2f} ms, "
              f"worker {server.ns['worker'] / 1e6 / k:.2f} ms")
    for dotted, seconds in spent.items():
        print(f"  {dotted}: {1000 * seconds / k:.2f} ms per submission (inclusive)")
    if profile:
        stats = pstats.Stats(profile).sort_stats("cumulative")
        stats.print_stats(60)
        stats.print_callees("_claim|_send_each|send_event_mails")


if __name__ == "__main__":
    main(sys.argv)
