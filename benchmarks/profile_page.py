"""Process CPU (and optionally cProfile) of GETs of one benchmark page (``benchmarks.pages.PAGES``, by its label),
in this process, against a scale's database, beside the floor page (issue #18). Process CPU, not wall time: a
figure that holds on a machine other work shares. Reads only (the cache aside). Not a test, not the benchmark.

    DJANGO_SETTINGS_MODULE=benchmarks.settings DATABASE_URL=postgres://…/plan_tracker_bench \\
        CACHE_URL=redis://127.0.0.1:6379/4 .venv/bin/python benchmarks/profile_page.py national "year submissions" \\
        [N] [--profile] [--sql] [--sort tottime]
"""

import cProfile
import os
import pstats
import statistics
import sys
import time

sys.path.insert(0, os.getcwd())

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import clear_url_caches, reverse  # noqa: E402

from benchmarks.pages import PAGES, targets  # noqa: E402


def cpu_ms(client, url, n):
    times = []
    for _ in range(n):
        started = time.process_time()
        response = client.get(url)
        times.append((time.process_time() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return times


def main(argv):
    scale, label = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 and argv[3].isdigit() else 200
    page = next(p for p in PAGES if p.label == label)
    t = targets(scale)
    client = Client()
    client.force_login(t.users[page.persona])
    url = page.build(t)
    cpu_ms(client, url, 3)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    print(f"{label}: {url}, queries {len(captured)}, {len(response.content)} bytes")
    if "--sql" in argv:
        for query in captured:
            print("  ", query["sql"][:300])
    times = cpu_ms(client, url, n)
    with override_settings(ROOT_URLCONF="benchmarks.urls"):
        clear_url_caches()
        floor_client = Client()
        floor_client.force_login(t.users["officer"])
        floor_url = reverse("benchmark-floor")
        cpu_ms(floor_client, floor_url, 3)
        floor = cpu_ms(floor_client, floor_url, n)
    clear_url_caches()
    page_ms, base = statistics.median(times), statistics.median(floor)
    print(f"page CPU median {page_ms:.2f} ms (min {min(times):.2f}), floor median {base:.2f} ms "
          f"(min {min(floor):.2f}): {page_ms / base:.2f} x (n={n})")
    if "--profile" in argv:
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for _ in range(50):
            client.get(url)
        profile.disable()
        sort = argv[argv.index("--sort") + 1] if "--sort" in argv else "cumulative"
        pstats.Stats(profile).sort_stats(sort).print_stats(45)


if __name__ == "__main__":
    main(sys.argv)
