"""The deadline-day capacity search: deadline_day at growing numbers of officers until a run misses."""

import json
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from benchmarks import capacity


class Command(BaseCommand):
    help = (
        "Finds the largest number of officers arriving within --ramp seconds that deadline day holds on this "
        "machine: 0 errors, 0 lost, 0 doubled, submit p95 ≤ 500 ms and the coordinators' year overview p95 ≤ "
        "500 ms. Runs deadline_day (a fresh deadline scale of that many agencies each time) at --start officers, "
        "then up by --step while runs hold, then halves the gap to --resolution. Prints every run and the "
        "capacity found. Each run takes the ramp plus a minute or two: run it on an otherwise idle machine."
    )

    def add_arguments(self, parser):
        parser.add_argument("--start", type=int, default=1500, help="Officers of the first run (default 1,500).")
        parser.add_argument("--step", type=int, default=500)
        parser.add_argument("--resolution", type=int, default=250,
                            help="Stop when the last run that held and the first that missed are this close.")
        parser.add_argument("--ceiling", type=int, default=6000, help="Never try more officers than this.")
        parser.add_argument("--ramp", type=float, default=180.0, help="Officers arrive within this many seconds.")
        parser.add_argument("--coordinators", type=int, default=20)
        parser.add_argument("--signed-in", action="store_true", help="Passed to deadline_day.")
        parser.add_argument("--json", default=str(Path(settings.BASE_DIR) / "benchmarks" / "results-capacity.json"))

    def handle(self, *args, **o):
        if connection.vendor != "postgresql":
            raise CommandError("Deadline day runs on PostgreSQL: set DATABASE_URL=postgres://… (a benchmark database).")
        if min(o["start"], o["step"], o["resolution"], o["ceiling"]) < 1:
            raise CommandError("--start, --step, --resolution and --ceiling must be at least 1.")
        workdir = Path(tempfile.mkdtemp(prefix="deadline-capacity-"))
        runs = []

        def holds(officers):
            path = workdir / f"run-{officers}.json"
            started = time.monotonic()
            self.stdout.write(f"— {officers:,} officers within {o['ramp']:.0f} s …")
            args = ["--officers", str(officers), "--coordinators", str(o["coordinators"]), "--ramp", str(o["ramp"]),
                    # each officer makes ~7 requests; the coordinators one every 15 s on average
                    "--max-requests", str(officers * 12 + 5000), "--max-seconds", str(o["ramp"] + 600),
                    "--json", str(path)]
            if o["signed_in"]:
                args.append("--signed-in")
            try:
                call_command("deadline_day", *args, stdout=self.stdout if o["verbosity"] > 1 else _Quiet())
            except CommandError as error:  # a run that could not finish did not hold
                self.stdout.write(f"   did not finish: {error}")
                runs.append({"officers": officers, "held": False, "missed": [str(error)]})
                return False
            report = json.loads(path.read_text())
            held, missed = capacity.judge(report)
            s = report["summary"]
            row = {
                "officers": officers, "held": held, "missed": missed, "requests": s["requests"],
                "requests_per_s": round(s["requests_per_s"], 1), "errors": s["errors"],
                "lost": len(report["verification"]["lost"]), "doubled": len(report["verification"]["doubled"]),
                "submit_p95_ms": s["by_kind"].get("submit", {}).get("p95_ms"),
                "overview_p95_ms": s["by_kind"].get("year overview", {}).get("p95_ms"),
                "cpu": report["cpu"], "notifications": report["notifications"], "wall_s": time.monotonic() - started,
            }
            runs.append(row)
            self.stdout.write(table_row(row))
            return held

        found, _ = capacity.search(holds, o["start"], o["step"], o["resolution"], o["ceiling"])
        self.stdout.write("")
        self.stdout.write("| officers | requests | req/s | errors | lost | doubled | submit p95 | overview p95 | "
                          "machine busy (core-s) | result |")
        self.stdout.write("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for row in sorted(runs, key=lambda r: r["officers"]):
            self.stdout.write(table_row(row))
        self.stdout.write(self.style.SUCCESS(
            f"Capacity: {found:,} officers arriving within {o['ramp']:.0f} s (resolution {o['resolution']:,}; "
            f"{'signed in beforehand' if o['signed_in'] else 'with logins'})."
            if found else "Capacity: 0 — no run held, down to 1 officer."))
        Path(o["json"]).parent.mkdir(parents=True, exist_ok=True)
        Path(o["json"]).write_text(json.dumps({"capacity": found, "ramp_s": o["ramp"], "signed_in": o["signed_in"],
                                               "runs": runs}, ensure_ascii=False, indent=1))


def table_row(row):
    if "requests" not in row:
        return f"| {row['officers']:,} | | | | | | | | | did not finish: {'; '.join(row['missed'])} |"
    busy = row["cpu"].get("machine_busy_s")
    return (f"| {row['officers']:,} | {row['requests']:,} | {row['requests_per_s']} | {row['errors']} | "
            f"{row['lost']} | {row['doubled']} | {_ms(row['submit_p95_ms'])} | {_ms(row['overview_p95_ms'])} | "
            f"{'' if busy is None else f'{busy:.0f}'} | "
            f"{'held' if row['held'] else 'MISS: ' + '; '.join(row['missed'])} |")


def _ms(value):
    return "" if value is None else f"{value:.0f} ms"


class _Quiet:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass
