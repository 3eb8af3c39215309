"""Time (and optionally cProfile) GETs of the officer's report form, in this process, against a scale's database
(issue #18): the benchmark's own target (``benchmarks.pages.targets``: the officer of the scale's department and
its report), the floor page beside it. Reads only (the cache aside). Not a test, not part of the benchmark.

    DJANGO_SETTINGS_MODULE=benchmarks.settings DATABASE_URL=postgres://…/plan_tracker_bench_national \\
        CACHE_URL=redis://127.0.0.1:6379/9 .venv/bin/python benchmarks/profile_report_form.py national [N] \\
        [--miss] [--confirm] [--profile] [--sql]

``--miss``: every GET a cache miss (a new cache key prefix per request: what the first look after a save costs);
``--confirm``: the submit-confirm page instead; ``--profile``: cProfile ten GETs; ``--sql``: list the queries."""

import cProfile
import os
import pstats
import statistics
import sys
import time

sys.path.insert(0, os.getcwd())

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import clear_url_caches, reverse  # noqa: E402

from benchmarks.pages import targets  # noqa: E402


def main(argv):
    scale = argv[1]
    n = int(argv[2]) if len(argv) > 2 and argv[2].isdigit() else 30
    t = targets(scale)
    client = Client()
    client.force_login(t.users["officer"])
    url = reverse("reports:report-submit" if "--confirm" in argv else "reports:report-detail", args=[t.report.pk])
    miss = "--miss" in argv
    print(f"report {t.report.pk} ({t.report.status}, version {t.report.version}, {t.report.lines.count()} lines) {url}")

    def get():
        if miss:
            cache.key_prefix = f"miss-{time.perf_counter_ns()}"
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return response

    get(), get()
    with CaptureQueriesContext(connection) as captured:
        response = get()
    print(f"queries {len(captured)}, {len(response.content)} bytes")
    if "--sql" in argv:
        for query in captured:
            print("  ", query["sql"][:200])
    times = []
    for _ in range(n):
        started = time.perf_counter()
        get()
        times.append((time.perf_counter() - started) * 1000)
    with override_settings(ROOT_URLCONF="benchmarks.urls"):
        clear_url_caches()
        floor_url = reverse("benchmark-floor")
        floor = []
        for _ in range(n):
            started = time.perf_counter()
            client.get(floor_url)
            floor.append((time.perf_counter() - started) * 1000)
    clear_url_caches()
    page, base = statistics.median(times), statistics.median(floor)
    print(f"page median {page:.1f} ms (min {min(times):.1f}), floor median {base:.1f} ms (min {min(floor):.1f}): "
          f"{page / base:.1f} x (n={n}, miss={miss})")
    if "--profile" in argv:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(10):
            get()
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main(sys.argv)
