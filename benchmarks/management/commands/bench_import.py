"""Import speed: a task XLSX through the admin import (preview and confirm), time and peak memory."""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks import importbench

from .run_benchmarks import machine

TARGET_S = 20.0
TARGET_MIB = 500.0


class Command(BaseCommand):
    help = (
        "Time a --rows task XLSX (default 10,000) through the admin import, preview then confirm, in a child process "
        "with benchmarks.settings; report each pass's time and the child's peak resident memory, check that every "
        "task and its history row were written, then remove the benchmark plan again. Benchmark databases only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)
        parser.add_argument("--json", dest="json_path",
                            default=str(Path(settings.BASE_DIR) / "benchmarks" / "results-import.json"))
        parser.add_argument("--child", help=argparse.SUPPRESS)  # internal: import this file, in this process

    def handle(self, *args, rows, json_path, child, **options):
        if not (settings.DEBUG or getattr(settings, "BENCHMARK_DATA_ALLOWED", False)):
            raise CommandError("DEBUG is off: the import benchmark writes a plan; run it on a benchmark database.")
        if child:
            result = importbench.run_import(Path(child).read_bytes())
            Path(json_path).write_text(json.dumps(result))
            return
        self.stdout.write(f"Building a {rows:,}-row task XLSX…")
        content = importbench.prepare(rows)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                path, out = Path(tmp) / "tasks.xlsx", Path(tmp) / "result.json"
                path.write_bytes(content)
                env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
                done = subprocess.run([sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "bench_import",
                                       "--child", str(path), "--json", str(out)], env=env, cwd=settings.BASE_DIR)
                if done.returncode:
                    raise CommandError("The import failed; see above.")
                result = json.loads(out.read_text())
            result.update(importbench.verify(rows), rows=rows, file_kib=len(content) // 1024)
        finally:
            importbench.cleanup()
        checks = {f"both passes ≤ {TARGET_S:g} s": result["total_s"] <= TARGET_S,
                  f"peak memory ≤ {TARGET_MIB:g} MB": result["peak_rss_mib"] <= TARGET_MIB,
                  "every row and its history written": result["ok"]}
        self.stdout.write(
            f"{rows:,} rows ({result['file_kib']} KiB XLSX): preview {result['preview_s']:.1f} s, confirm "
            f"{result['confirm_s']:.1f} s, total {result['total_s']:.1f} s; peak RSS {result['peak_rss_mib']:.0f} MiB "
            f"(before import {result['baseline_rss_mib']:.0f} MiB); {result['tasks']:,} tasks and "
            f"{result['history_rows']:,} history rows written")
        self.stdout.write(
            f"  SQL statements: preview {result['preview_statements']}, confirm {result['confirm_statements']}; "
            f"CPU time: preview {result['preview_cpu_s']:.1f} s, confirm {result['confirm_cpu_s']:.1f} s; "
            f"load average {result['load_average']:.1f} on {os.cpu_count()} CPUs")
        for name, ok in checks.items():
            self.stdout.write(f"  {'PASS' if ok else 'MISS'}  {name}")
        report = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"), "machine": machine(),
                  **result, "checks": checks}
        Path(json_path).parent.mkdir(parents=True, exist_ok=True)
        Path(json_path).write_text(json.dumps(report, indent=1))
