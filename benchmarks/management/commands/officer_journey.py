"""Django CPU time and queries of each request of a deadline-day officer's journey, in this process."""

import cProfile
import time
import io
import pstats
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from benchmarks import deadline, journey, pg_time
from benchmarks.scale import is_present


class Command(BaseCommand):
    help = (
        "Replays benchmarks/loadtest.py's officer journey (login page, log in, home, my reports, report form, save, "
        "report form, save with 'submit', submit confirm, submit, report form) for --officers officers of the "
        "'deadline' scale, one after another, with Django's test client in this process, and prints per request "
        "kind the process CPU time (time.process_time: min and median, the first journey left out as warm-up) and "
        "the queries. Each journey submits its officer's report: --rebuild writes a fresh deadline scale first "
        "(benchmark databases only). Not a benchmark of the server: a measurement of Django's work per request."
    )

    def add_arguments(self, parser):
        parser.add_argument("--officers", type=int, default=31, help="Journeys (the first is the warm-up).")
        parser.add_argument("--offset", type=int, default=0, help="Skip this many officers of the scale.")
        parser.add_argument("--rebuild", action="store_true", help="Write a fresh deadline scale first.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--password", default="benchmark")
        parser.add_argument("--html", metavar="DIR", help="Write the first journey's pages there (CSRF masked).")
        parser.add_argument("--profile", nargs="*", metavar="KIND", default=None,
                            help="cProfile these request kinds (all if none named) over the journeys after the "
                                 "first; prints the top functions per kind.")
        parser.add_argument("--sql", action="store_true", help="Print the first journey's SQL, request by request.")
        parser.add_argument("--pg", action="store_true",
                            help="Time each statement and commit: wall time and the PostgreSQL server process's "
                                 "CPU (/proc, a server on this machine), mean per journey, the first left out.")
        parser.add_argument("--top", type=int, default=25)
        parser.add_argument("--sort", default="tottime")

    def handle(self, *args, **o):
        if o["rebuild"] or not is_present("deadline"):
            call_command("generate_scale_data", "--scale", "deadline", "--rebuild", "--seed", str(o["seed"]),
                         stdout=io.StringIO())
        officers, _, _, _ = deadline.participants("deadline", o["offset"] + o["officers"], 0)
        officers = officers[o["offset"]:]
        if len(officers) < o["officers"]:
            raise CommandError(f"Only {len(officers)} deadline officers left: --rebuild.")
        pages = {} if o["html"] else None
        profiles = None
        if o["profile"] is not None:
            profiles = {kind: cProfile.Profile(time.process_time) for kind in (o["profile"] or journey.KINDS)}
        sql = {} if o["sql"] else None
        clock, runs = (pg_time.StatementClock(), []) if o["pg"] else (None, None)
        if clock is not None:
            with clock.installed():
                samples = journey.replay(officers, o["password"], pages, profiles, sql, clock, runs, freeze=True)
        else:
            samples = journey.replay(officers, o["password"], pages, profiles, sql, freeze=True)
        self.stdout.write(f"{len(officers)} journeys ({connection.vendor}), the first left out of the times")
        self.stdout.write(f"{'request':<26} {'min ms':>7} {'median ms':>9} {'queries':>8}")
        total = 0.0
        for kind, low, median, queries in journey.table(samples):
            total += median
            self.stdout.write(f"{kind:<26} {low:>7.1f} {median:>9.1f} {queries:>8}")
        self.stdout.write(f"{'journey (sum of medians)':<26} {'':>7} {total:>9.1f}")
        if clock is not None:
            self.stdout.write("\nPer statement, mean per journey (the first journey left out):")
            pg_time.print_table(self.stdout.write, clock.per_statement(runs[1:] or runs))
        for kind, statements in (sql or {}).items():
            self.stdout.write(f"\n=== {kind}: {len(statements)} statements ===")
            for statement in statements:
                self.stdout.write("  " + statement[:300])
        if pages is not None:
            folder = Path(o["html"])
            folder.mkdir(parents=True, exist_ok=True)
            for n, kind in enumerate(journey.KINDS):
                if kind in pages:
                    (folder / f"{n:02d} {kind}.html").write_text(pages[kind])
        for kind, profile in (profiles or {}).items():
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(o["sort"]).print_stats(o["top"])
            self.stdout.write(f"\n=== {kind} ===\n" + out.getvalue())
