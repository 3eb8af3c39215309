"""The deadline-day load test: gunicorn on PostgreSQL, a load driver in a second process, then a check
of every submission in the database."""

import datetime
import io
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from environ import Env

from benchmarks import deadline
from benchmarks.autovacuum import AutoAnalyze, conninfo
from benchmarks.scale import is_present

from .run_benchmarks import machine


def machine_cpu_seconds():
    """CPU time the whole machine has spent busy so far (all processes, all cores), from /proc/stat."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def postgres_cpu_seconds(proc="/proc"):
    """CPU time PostgreSQL's processes on this machine have spent so far (every database's, not only the run's): each
    live ``postgres`` process's own time plus what its exited children spent (a backend's time passes to the
    postmaster that reaps it), from ``proc``/<pid>/stat. None when there is no such process to read (a remote server)."""
    ticks, found = 0, False
    for entry in os.scandir(proc):
        if not entry.name.isdigit():
            continue
        try:
            with open(os.path.join(entry.path, "stat")) as f:
                stat = f.read()
        except OSError:  # exited meanwhile, or not ours to read
            continue
        name, rest = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        if name == "postgres":
            found = True
            ticks += sum(int(x) for x in rest[11:15])  # utime, stime, cutime, cstime (fields 14-17)
    return ticks / os.sysconf("SC_CLK_TCK") if found else None


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stop(process, timeout):
    """SIGTERM, then SIGKILL if it has not exited within ``timeout`` seconds."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Command(BaseCommand):
    help = (
        "Deadline day on this database (PostgreSQL): writes the province scale if missing and a fresh 'deadline' "
        "scale (500 agencies, each with an untouched report and an officer), starts gunicorn (2 workers per core) "
        "on 127.0.0.1 with benchmarks.settings, runs benchmarks/loadtest.py in a second process (officers log in, "
        "open their report, save a draft twice and submit; coordinators refresh the year overview), with the "
        "mail worker (django-tasks-db's db_worker, as deploy/systemd runs it) beside it, stops gunicorn, waits for the worker to send "
        "what is waiting, and checks in the database that every submission is there exactly once with every field "
        "sent and that its mails were sent. "
        "Bounded by --max-requests and --max-seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--officers", type=int, default=500)
        parser.add_argument("--coordinators", type=int, default=20)
        parser.add_argument("--ramp", type=float, default=180.0, help="Officers arrive within this many seconds.")
        parser.add_argument("--think", type=float, nargs=2, default=[0.5, 2.0], metavar=("MIN", "MAX"),
                            help="Seconds an officer spends on a page before the next step.")
        parser.add_argument("--coordinator-every", type=float, nargs=2, default=[10.0, 20.0], metavar=("MIN", "MAX"),
                            help="Seconds between a coordinator's refreshes of the year overview.")
        parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
        parser.add_argument("--max-requests", type=int, default=15000)
        parser.add_argument("--max-seconds", type=float, default=900.0)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--keep-data", action="store_true", help="Reuse the deadline scale as it is.")
        parser.add_argument("--signed-in", action="store_true",
                            help="Officers and coordinators arrive already signed in (sessions made beforehand, as "
                                 "for people who logged in earlier that week): no login form, no password hashing.")
        parser.add_argument("--notify-every", type=float, default=1.0, metavar="SECONDS",
                            help="The mail worker's interval when it finds no task (db_worker --interval), as in "
                                 "production.")
        parser.add_argument("--worker-nice", type=int, default=10,
                            help="The worker's niceness, as the systemd unit's Nice= in the README: requests first.")
        parser.add_argument("--notifications-in-request", action="store_true",
                            help="NOTIFICATIONS_QUEUED off for the server: mails rendered and sent inside the submit "
                                 "request, as before the worker (for comparison).")
        parser.add_argument("--drain-seconds", type=float, default=300.0,
                            help="After the run, wait at most this long for the worker to send what is waiting.")
        parser.add_argument("--server", default="", metavar="URL",
                            help="Load a server already running (e.g. deploy/stack's nginx, with its own worker) "
                                 "instead of starting gunicorn and the worker here.")
        parser.add_argument("--during", nargs=2, default=None, metavar=("SECONDS", "COMMAND"),
                            help="Run this shell command that many seconds into the run (e.g. restart PostgreSQL).")
        parser.add_argument("--retries", type=int, default=0,
                            help="A person answered 502/503/504 waits 1 s and tries again, this many times.")
        parser.add_argument("--no-autoanalyze", action="store_true",
                            help="Where this PostgreSQL runs with autovacuum off, do not do its analyse during the run "
                                 "(benchmarks/autovacuum.py; by default the run does it, as a production server's "
                                 "autovacuum would).")
        parser.add_argument("--json", default=str(Path(settings.BASE_DIR) / "benchmarks" / "results-deadline.json"))

    def handle(self, *args, **o):
        if connection.vendor != "postgresql":
            raise CommandError("Deadline day runs on PostgreSQL: set DATABASE_URL=postgres://… (a benchmark database).")
        call_command("migrate", "--noinput", verbosity=0)
        if not is_present("province"):
            self.stdout.write("Writing the province scale…")
            call_command("generate_scale_data", "--scale", "province", "--seed", str(o["seed"]), stdout=io.StringIO())
        if not o["keep_data"] or not is_present("deadline"):
            self.stdout.write("Writing a fresh deadline scale…")
            # One agency (and officer) per arriving officer, 500 at least (the scale's own size).
            call_command("generate_scale_data", "--scale", "deadline", "--rebuild", "--seed", str(o["seed"]),
                         "--agencies", str(max(500, o["officers"])), stdout=io.StringIO())
        officers, coordinators, plan, year = deadline.participants("deadline", o["officers"], o["coordinators"])
        if len(officers) < o["officers"]:
            raise CommandError(f"Only {len(officers)} deadline officers in the database.")
        port = free_port()
        base = o["server"].rstrip("/") or f"http://127.0.0.1:{port}"
        workdir = Path(tempfile.mkdtemp(prefix="deadline-day-"))
        config = {
            "base": base, "password": "benchmark", "officers": officers, "coordinators": coordinators,
            "overview": deadline.overview_path(plan, year), "ramp_s": o["ramp"], "think_s": o["think"],
            "coordinator_every_s": o["coordinator_every"], "max_requests": o["max_requests"],
            "max_seconds": o["max_seconds"], "seed": o["seed"], "retries": o["retries"],
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "sessions": deadline.signed_in_sessions(officers + coordinators) if o["signed_in"] else None,
        }
        (workdir / "config.json").write_text(json.dumps(config))
        # The server signs sessions with this process's key, so the sessions made here (--signed-in) are valid there.
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings", "PYTHONUNBUFFERED": "1",
               "SECRET_KEY": settings.SECRET_KEY}
        if o["notifications_in_request"]:
            env["NOTIFICATIONS_QUEUED"] = "false"
        # benchmarks.settings turns NOTIFICATIONS_QUEUED on unless the environment says otherwise.
        queued = Env.parse_value(env.get("NOTIFICATIONS_QUEUED", "true"), bool)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        log = open(workdir / "gunicorn.log", "w")
        worker_log = open(workdir / "notifications.log", "w")
        external = bool(o["server"])
        if external:  # deploy/stack's nginx, gunicorns and worker: stand-ins here, that only wait to be stopped
            server, worker = (subprocess.Popen(["sleep", str(int(o["max_seconds"] + o["drain_seconds"] + 900))])
                              for _ in range(2))
        else:
            server = subprocess.Popen(
                [str(gunicorn), "plan_tracker.wsgi", "--workers", str(o["workers"]), "--bind", f"127.0.0.1:{port}",
                 "--timeout", "120"],
                cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
            # The mail worker, as in production (deploy/systemd/plan-tracker-notifications.service): it runs the
            # tasks the submits enqueued. Started in both modes (with the mails sent inside the requests it idles).
            worker = subprocess.Popen(
                [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "db_worker", "--interval",
                 str(o["notify_every"]), "--no-reload"],
                cwd=settings.BASE_DIR, env=env, stdout=worker_log, stderr=subprocess.STDOUT,
                preexec_fn=lambda: os.nice(o["worker_nice"]),
            )
        autoanalyze = None
        try:
            try:
                self.wait_until_up(base, server)
                self.stdout.write(f"gunicorn ({o['workers']} workers) on {base}, mail worker (db_worker) polling every "
                                  f"{o['notify_every']:g} s at nice {o['worker_nice']} (mails "
                                  f"{'queued' if queued else 'sent inside the request'}); "
                                  f"{len(officers)} officers {'(already signed in) ' if o['signed_in'] else ''}arrive "
                                  f"within {o['ramp']:.0f} s, {len(coordinators)} coordinators refresh "
                                  f"{config['overview']}…")
                machine_before, children_before = machine_cpu_seconds(), children_cpu_seconds()
                postgres_before = postgres_cpu_seconds()
                if not o["no_autoanalyze"]:
                    autoanalyze = AutoAnalyze(conninfo(settings.DATABASES["default"]))
                    autoanalyze.start()
                driver = subprocess.Popen(
                    [sys.executable, str(Path(__file__).resolve().parents[2] / "loadtest.py"),
                     str(workdir / "config.json"), str(workdir / "result.json")])
                if o["during"]:
                    try:
                        driver.wait(timeout=float(o["during"][0]))
                    except subprocess.TimeoutExpired:
                        at = time.monotonic()
                        done = subprocess.run(o["during"][1], shell=True, capture_output=True, text=True)
                        self.stdout.write(f"--during: `{o['during'][1]}` exit {done.returncode} in "
                                          f"{time.monotonic() - at:.1f} s {done.stdout.strip()[-300:]}"
                                          f"{done.stderr.strip()[-300:]}")
                try:
                    driver.wait(timeout=o["max_seconds"] + 300)
                except subprocess.TimeoutExpired:
                    driver.kill()
                    driver.wait()
                    raise CommandError("The load driver ran past --max-seconds + 300 s and was stopped.") from None
                driver_cpu = children_cpu_seconds() - children_before
                machine_busy = machine_cpu_seconds() - machine_before if machine_before is not None else None
                postgres_after = postgres_cpu_seconds()
                postgres_cpu = (postgres_after - postgres_before
                                if None not in (postgres_before, postgres_after) else None)
                if driver.returncode:
                    raise CommandError(f"The load driver failed (exit {driver.returncode}); gunicorn log: {workdir}")
            finally:
                if autoanalyze is not None:
                    autoanalyze.stop()
                stop(server, 30)
                log.close()
            # gunicorn's workers are reaped by its master, the master by this process: their CPU time adds up here.
            server_cpu = children_cpu_seconds() - children_before - driver_cpu
            result = json.loads((workdir / "result.json").read_text())
            drain_s, found = self.drain(result["officers"], o["drain_seconds"], worker)
        finally:
            before_worker = children_cpu_seconds()
            stop(worker, 60)
            worker_log.close()
        worker_cpu = children_cpu_seconds() - before_worker
        connection.close()  # the server wrote; read afresh
        verification = deadline.verify(result["officers"], plan, year)
        summary = result["summary"]
        self.stdout.write("")
        self.stdout.write(deadline.summary_table(summary, verification))
        self.stdout.write(deadline.notifications_line(found) + f"; waiting mails sent {drain_s:.0f} s after the run")
        errors_in_log = sum(1 for name in ("gunicorn.log", "notifications.log")
                            for line in (workdir / name).read_text(errors="replace").splitlines()
                            if "Traceback" in line or "[ERROR]" in line)
        submit_p95 = summary["by_kind"].get("submit", {}).get("p95_ms")
        checks = {
            "0 errors": summary["errors"] == 0 and not summary["officers_failed"],
            "0 lost": not verification["lost"] and not verification["unfinished"],
            "0 doubled": not verification["doubled"] and not verification["agencies_with_two_reports"],
            "submit p95 ≤ 500 ms": submit_p95 is not None and submit_p95 <= 500,
            "every notification sent": (found["submissions"] == verification["checked"] and not found["without_mail"]
                                        and found["sent"] == found["recorded"]),
        }
        cpu = {"machine_busy_s": machine_busy, "gunicorn_s": server_cpu, "driver_s": driver_cpu,
               "notification_worker_s": worker_cpu, "postgres_s": postgres_cpu, "wall_s": summary["seconds"],
               "cores": os.cpu_count()}
        if machine_busy is not None:
            cpu["postgres_and_other_s"] = machine_busy - server_cpu - driver_cpu
            self.stdout.write(
                f"CPU over the run: machine busy {machine_busy:.0f} s of {summary['seconds'] * (os.cpu_count() or 1):.0f} "
                f"core-seconds; gunicorn {server_cpu:.0f} s, load driver {driver_cpu:.0f} s, PostgreSQL, the "
                f"notification worker and the rest {cpu['postgres_and_other_s']:.0f} s (the worker: {worker_cpu:.0f} s "
                f"in all, its last {drain_s:.0f} s after the run included)"
                + (f"; PostgreSQL during the run {postgres_cpu:.0f} s (every database on this machine)"
                   if postgres_cpu is not None else ""))
        if autoanalyze is not None and autoanalyze.active:
            self.stdout.write(
                f"autovacuum is off on this PostgreSQL: its analyse done by the run, every {autoanalyze.naptime:g} s by "
                f"autovacuum's thresholds ({autoanalyze.passes} looks, {len(autoanalyze.tables)} tables analysed: "
                f"{', '.join(sorted(set(autoanalyze.tables)))[:300]})")
        for name, ok in checks.items():
            self.stdout.write(f"  {'PASS' if ok else 'MISS'}  {name}")
        for problem in (verification["lost"] + verification["doubled"] + summary["officers_failed"])[:10]:
            self.stdout.write(f"    {problem}")
        report = {
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": machine(), "workers": o["workers"], "config": {k: v for k, v in config.items()
                                                                     if k not in ("officers", "coordinators")},
            "officers": len(officers), "coordinators": len(coordinators), "signed_in": o["signed_in"],
            "autoanalyze": (None if autoanalyze is None or not autoanalyze.active
                            else {"naptime_s": autoanalyze.naptime, "passes": autoanalyze.passes,
                                  "tables": autoanalyze.tables}),
            "notifications_queued": queued, "notify_every_s": o["notify_every"], "worker_nice": o["worker_nice"],
            "summary": summary, "notifications": {**found, "drained_after_run_s": drain_s},
            "verification": verification, "checks": checks, "cpu": cpu, "server_log_errors": errors_in_log,
            "workdir": str(workdir),
        }
        Path(o["json"]).parent.mkdir(parents=True, exist_ok=True)
        Path(o["json"]).write_text(json.dumps(report, ensure_ascii=False, indent=1))
        self.stdout.write(f"JSON: {o['json']}; gunicorn and notification worker logs, raw timings: {workdir}")

    def drain(self, records, timeout, worker):
        """Wait (at most ``timeout`` s) until the worker has sent every mail the run's submissions recorded and
        run every task waiting (a retry included). Returns (seconds waited, deadline.notifications())."""
        from django_tasks_db.models import DBTaskResult

        from notifications.models import Delivery

        started = time.monotonic()
        while True:
            connection.close()  # a fresh look at what the worker wrote
            found = deadline.notifications(records)
            retried = found["failed"] and Delivery.objects.filter(
                status=Delivery.Status.FAILED, attempts__lt=Delivery.MAX_ATTEMPTS).exists()
            tasks = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()
            waiting = found["pending"] or found["sending"] or retried or tasks
            if not waiting or time.monotonic() - started > timeout or worker.poll() is not None:
                return time.monotonic() - started, found
            time.sleep(1)

    def wait_until_up(self, base, server, timeout=60):
        deadline_at = time.monotonic() + timeout
        while time.monotonic() < deadline_at:
            if server.poll() is not None:
                raise CommandError("gunicorn exited at start; see its log.")
            try:
                with urllib.request.urlopen(base + "/accounts/login/", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise CommandError("gunicorn did not answer within a minute.")
