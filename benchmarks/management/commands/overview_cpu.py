"""Django CPU time and queries of a computed year overview (the coordinators' page on deadline day), in this
process."""

import io
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks import deadline, pg_time
from benchmarks.scale import is_present
from reports import cache as figures_cache


class Command(BaseCommand):
    help = (
        "Requests the year overview of the 'deadline' scale's plan as one of its coordinators, --requests times, "
        "each after a bump of the plan's figures (as every submission makes on deadline day: the body is computed, "
        "not served from the cache), with Django's test client in this process, and prints the process CPU time "
        "(time.process_time: median and min, three warm-up requests left out), the queries and the page's size; "
        "then the same for a cached page. --agencies N writes a fresh deadline scale of N agencies first "
        "(benchmark databases only). PostgreSQL's own time is not in the figures."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=25)
        parser.add_argument("--scale", default="deadline", help="A scale with a deadline plan (default: deadline).")
        parser.add_argument("--agencies", type=int, default=None,
                            help="Write a fresh deadline scale of this many agencies first.")
        parser.add_argument("--pg", action="store_true",
                            help="Also time each statement of the computed overview: wall time and the PostgreSQL "
                                 "server process's CPU (/proc, a server on this machine), mean per request.")

    def handle(self, *args, **o):
        if o["agencies"] is not None or not is_present(o["scale"]):
            call_command("generate_scale_data", "--scale", o["scale"], "--rebuild",
                         *(["--agencies", str(o["agencies"])] if o["agencies"] else []), stdout=io.StringIO())
        _, coordinators, plan, year = deadline.participants(o["scale"], 0, 1)
        if not coordinators or year is None:
            raise CommandError(f"The scale {o['scale']} has no coordinator or no open year.")
        client = Client()
        client.force_login(get_user_model().objects.get(username=coordinators[0]))
        path = deadline.overview_path(plan, year)
        obliged = plan.agency_reports.filter(year=year, invited=False).count()

        clock, runs = (pg_time.StatementClock(), []) if o["pg"] else (None, None)
        if clock is not None:
            clock.label = "overview"

        def measure(bump):
            for _ in range(3):
                if bump:
                    figures_cache.bump_plan(plan.pk)
                client.get(path)
            times, queries, size = [], 0, 0
            for _ in range(o["requests"]):
                if bump:
                    figures_cache.bump_plan(plan.pk)
                with CaptureQueriesContext(connection) as captured:
                    started = time.process_time()
                    if clock is not None and bump:
                        start = len(clock.records)
                        with clock.installed():
                            response = client.get(path)
                        runs.append((start, len(clock.records)))
                    else:
                        response = client.get(path)
                    times.append((time.process_time() - started) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{path}: HTTP {response.status_code}")
                queries, size = len(captured.captured_queries), len(response.content)
            return statistics.median(times), min(times), queries, size

        self.stdout.write(f"year overview of {obliged:,} obliged agencies ({connection.vendor}), {o['requests']} "
                          f"requests each")
        self.stdout.write(f"{'request':<24} {'median ms':>9} {'min ms':>7} {'queries':>8} {'kB':>6}")
        for label, bump in (("computed (after a bump)", True), ("cached", False)):
            median, low, queries, size = measure(bump)
            self.stdout.write(f"{label:<24} {median:>9.1f} {low:>7.1f} {queries:>8} {size // 1000:>6}")
        if clock is not None:
            self.stdout.write("\nThe computed overview per statement, mean per request (Django's CPU above includes "
                              "the timing's own):")
            pg_time.print_table(self.stdout.write, clock.per_statement(runs))
