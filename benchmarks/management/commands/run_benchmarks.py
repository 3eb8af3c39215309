"""The page benchmark at two scales: one command, a table on stdout and a JSON file.

    DJANGO_SETTINGS_MODULE=benchmarks.settings DATABASE_URL=postgres://postgres@127.0.0.1:5432/plan_tracker_bench \\
        .venv/bin/python manage.py run_benchmarks --build

measures every page at scale ``province`` in database ``plan_tracker_bench_province`` and at scale
``national`` in ``plan_tracker_bench_national`` (created, migrated and filled first with --build), each
in its own process with benchmarks.settings (DEBUG off), then prints the comparison and writes
benchmarks/results.json.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

import django
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks import harness
from benchmarks.scale import SCALES, is_present


def scale_database_url(base_url, scale):
    """``base_url`` with ``_<scale>`` appended to its database name (or SQLite file stem)."""
    head, sep, query = base_url.partition("?")
    root, _, name = head.rpartition("/")
    if name.endswith(".sqlite3") or name.endswith(".db"):
        stem, dot, ext = name.rpartition(".")
        name = f"{stem}_{scale}.{ext}"
    else:
        name = f"{name}_{scale}"
    return f"{root}/{name}{sep}{query}"


def ensure_postgres_database(url):
    """Create the PostgreSQL database named in ``url`` if it does not exist."""
    import psycopg
    from psycopg import sql
    from urllib.parse import urlparse

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    params = {"host": parts.hostname, "port": parts.port or 5432, "user": parts.username, "password": parts.password}
    try:
        psycopg.connect(dbname=name, **params).close()
        return False
    except psycopg.OperationalError as error:
        if "does not exist" not in str(error):
            raise
    conn = psycopg.connect(dbname="postgres", autocommit=True, **params)
    with conn.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.close()
    return True


def machine():
    memory = ""
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {"cores": os.cpu_count(), "memory": memory, "platform": platform.platform(),
            "python": platform.python_version(), "django": django.get_version(),
            # Other work on the machine skews every figure: the 1-minute load average when measuring.
            "load_average": round(os.getloadavg()[0], 2)}


class Command(BaseCommand):
    help = (
        "Benchmark the key pages at two scales (default: province and national) and compare: SQL queries, "
        "median and p95 server time over --requests warm requests (Django test client in-process, DEBUG off), "
        "growth between the scales and the ratio to a trivial signed-in floor page measured in the same run. "
        "Each scale lives in its own database: DATABASE_URL's name + '_<scale>'. Prints a table, writes JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scales", nargs="+", default=["province", "national"], choices=sorted(SCALES))
        parser.add_argument("--requests", type=int, default=20, help="Timed warm requests per page (default 20).")
        parser.add_argument("--export-requests", type=int, default=None,
                            help="Timed requests per export (default: --requests).")
        parser.add_argument("--rounds", type=int, default=2,
                            help="Alternate the scales this many times, splitting --requests between the rounds.")
        parser.add_argument("--build", action="store_true",
                            help="Create, migrate and fill each scale's database first when the scale is missing.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--base-url", default=None,
                            help="Database URL whose name gets '_<scale>' (default: DATABASE_URL).")
        parser.add_argument("--json", default=str(Path(settings.BASE_DIR) / "benchmarks" / "results.json"))
        parser.add_argument("--only", nargs="+", help="Only pages whose label contains one of these words.")
        parser.add_argument("--markdown", action="store_true", help="Also print the table as Markdown.")
        parser.add_argument("--computed", action="store_true",
                            help="Measure every request as computed, not served from the cache: the target plan's "
                                 "cache generation is bumped before each one, as a submission bumps it (the first "
                                 "look after a change). Needs a cache (CACHE_URL) to mean anything.")
        # Internal: measure one scale in this process's database and write its result to --json.
        parser.add_argument("--measure", choices=sorted(SCALES), help=argparse.SUPPRESS)

    def handle(self, *args, **options):
        if options["measure"]:
            return self.measure_here(options)
        base = options["base_url"] or os.environ.get("DATABASE_URL")
        if not base:
            raise CommandError("Set DATABASE_URL (or --base-url): each scale gets its own database, named after it.")
        envs = {}
        for scale in options["scales"]:
            url = scale_database_url(base, scale)
            envs[scale] = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
            if options["build"]:
                self.build(scale, url, envs[scale], options["seed"])
        rounds = max(1, options["rounds"])
        per_round = -(-options["requests"] // rounds)
        exports = -(-(options["export_requests"] or options["requests"]) // rounds)
        started_load = machine()["load_average"]
        by_scale = {scale: [] for scale in options["scales"]}
        for n in range(1, rounds + 1):
            for scale in options["scales"]:
                with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
                    out = tmp.name
                cmd = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "run_benchmarks", "--measure",
                       scale, "--json", out, "--requests", str(per_round), "--export-requests", str(exports)]
                if options["only"]:
                    cmd += ["--only", *options["only"]]
                if options["computed"]:
                    cmd.append("--computed")
                self.stdout.write(f"Round {n}/{rounds}: scale “{scale}” in "
                                  f"{envs[scale]['DATABASE_URL'].rpartition('/')[2]}…")
                done = subprocess.run(cmd, env=envs[scale], cwd=settings.BASE_DIR)
                if done.returncode:
                    raise CommandError(f"Measuring scale {scale} failed (exit {done.returncode}).")
                with open(out) as f:
                    by_scale[scale].append(json.load(f))
                os.unlink(out)
        results = [harness.merge(by_scale[scale]) for scale in options["scales"]]
        rows = harness.combine(results)
        self.stdout.write("")
        self.stdout.write(harness.table(results, rows))
        if options["markdown"]:
            self.stdout.write("\n" + harness.markdown(results, rows))
        report = {
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": {**machine(), "load_average_at_start": started_load},
            "rounds": rounds,
            "computed": options["computed"],
            "method": harness.__doc__.strip(),
            "requests": options["requests"],
            "targets": {"queries": harness.TARGET_QUERIES, "growth": harness.TARGET_GROWTH,
                        "floor_ratio": harness.TARGET_FLOOR, "export_s": harness.TARGET_EXPORT_S},
            "results": results,
            "rows": rows,
        }
        Path(options["json"]).parent.mkdir(parents=True, exist_ok=True)
        with open(options["json"], "w") as f:
            json.dump(report, f, ensure_ascii=False, indent=1, default=str)
        misses = sum(1 for r in rows for v in r["checks"].values() if v == "MISS")
        unjudged = sum(1 for r in rows for v in r["checks"].values() if str(v).startswith(harness.NOT_JUDGED))
        self.stdout.write(f"\n{len(rows)} pages, {misses} missed target(s)"
                          + (f", {unjudged} not judged (one scale measured)" if unjudged else "")
                          + f". JSON: {options['json']}")

    def build(self, scale, url, env, seed):
        if url.startswith("postgres") and ensure_postgres_database(url):
            self.stdout.write(f"Created database {url.rpartition('/')[2]}.")
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, cwd=settings.BASE_DIR, check=True)
        subprocess.run([*manage, "generate_scale_data", "--scale", scale, "--seed", str(seed)], env=env,
                       cwd=settings.BASE_DIR, check=True)

    def measure_here(self, options):
        scale = options["measure"]
        if not is_present(scale):
            raise CommandError(f"Scale “{scale}” is not in this database: run generate_scale_data --scale {scale} "
                               "(or run_benchmarks --build).")
        result = harness.measure(scale, requests=options["requests"], export_requests=options["export_requests"],
                                 only=options["only"], stdout=self.stdout, computed=options["computed"])
        with open(options["json"], "w") as f:
            json.dump(result, f, ensure_ascii=False, default=str)

