"""Write a realistic data set at a given scale, for benchmarks and the deadline-day load test."""

import datetime
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from benchmarks import scale as scales


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Write benchmark data at a scale: "
        + "; ".join(f"{s.name}: {s.description}" for s in scales.SCALES.values())
        + ". Deterministic for a --seed (and a --today). Bulk inserts: the models' save() and simple-history's "
        "signals do not run, so the generated rows have no history rows (computed columns such as search_text "
        "are filled by the generator). Codes and usernames start with the scale's name; a second run finds the "
        "scale present and says so, --rebuild replaces it. Refused with DEBUG off: never on a real database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(scales.SCALES), required=True)
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument("--rebuild", action="store_true", help="Delete the scale's data first, then write it again.")
        parser.add_argument("--remove", action="store_true", help="Only delete the scale's data.")
        parser.add_argument("--dry-run", action="store_true", help="Build everything, print the counts, roll back.")
        parser.add_argument(
            "--password", default="benchmark",
            help="Password of every user of the scale (default 'benchmark': benchmark databases only).",
        )
        parser.add_argument("--agencies", type=int, default=None, metavar="N",
                            help="The deadline scale only: N agencies (and officers) instead of 500, for deadline "
                                 "days with more officers.")
        parser.add_argument("--chains", type=int, default=None, metavar="N",
                            help="Add chains of mergers to the scale (built now or before): N bodies the plans name as "
                                 "leads merged into successors, chains up to 3 deep, a successor group "
                                 "(benchmarks.scale.add_chains), so the stand-ins' recursive SQL runs on the scale.")
        parser.add_argument("--today", type=datetime.date.fromisoformat,
                            help="Pretend today is this date (YYYY-MM-DD); the last reporting year is its year.")

    def handle(self, *args, scale, seed, rebuild, remove, dry_run, password, today, agencies=None, chains=None,
               **options):
        if not (settings.DEBUG or getattr(settings, "BENCHMARK_DATA_ALLOWED", False)):
            raise CommandError("DEBUG is off: benchmark data is never written to a production database.")
        try:
            scales.sized(scales.SCALES[scale], agencies)
        except ValueError as error:
            raise CommandError(str(error)) from None
        present = scales.is_present(scale)
        if remove or rebuild:
            if present:
                started = time.monotonic()
                scales.remove_scale(scale)
                self.stdout.write(f"Scale “{scale}” removed in {time.monotonic() - started:.1f} s.")
            if remove:
                return
        elif present:
            if chains:
                return self.add_chains(scale, chains)
            self.stdout.write(f"Scale “{scale}” is already present: nothing written (--rebuild replaces it).")
            return
        started = time.monotonic()
        try:
            with transaction.atomic():
                counts = scales.generate(scale, seed=seed, today=today, password=password, stdout=self.stdout,
                                         agencies=agencies)
                if dry_run:
                    raise _Rollback
        except _Rollback:
            pass
        if not dry_run and connection.vendor == "postgresql":
            # Fresh planner statistics, as autovacuum would gather on a live database after such growth.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        width = max(len(k) for k in counts)
        for label, n in sorted(counts.items()):
            self.stdout.write(f"  {label.ljust(width)}  {n:>9,}")
        verb = "would be written (rolled back)" if dry_run else "written"
        self.stdout.write(self.style.SUCCESS(
            f"Scale “{scale}” (seed {seed}): {sum(counts.values()):,} rows {verb} in {elapsed:.1f} s."))
        if chains and not dry_run:
            self.add_chains(scale, chains)

    def add_chains(self, scale, leads):
        started = time.monotonic()
        try:
            scales.add_chains(scale, leads=leads, stdout=self.stdout)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Chains of mergers added in {time.monotonic() - started:.1f} s."))
