"""Issue #18, a measurement, not a test (no timed assertion; not collected: run it by name, with -s):

    .venv/bin/pytest reports/tests/time_report_body.py -q -s -p no:cacheprovider

The report body (reports.views._report_body) of a test-sized report of 30 lines, for its officer (the form, the
case of the deadline-day journey: each view follows a save, a cache miss) and for a coordinator (read-only, the review
form), rendered by the Django template it used to be (the reference, reports/tests/reference/) and by Jinja2 (now):
the context built anew for each rendering, as a cache miss builds it; median of the runs, in milliseconds."""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reports import services, views
from reports.models import AgencyReport
from testing.factories import make_section, make_task

from .test_report_body_jinja import django_body, fill, fresh, world  # noqa: F401 (the fixture)

RUNS = 40


def timed(*fns):
    """Each function run RUNS times, interleaved (a busy machine slows them alike): [(median, min)] in ms."""
    times = [[] for _ in fns]
    for _ in range(RUNS):
        for fn, spent in zip(fns, times):
            start = time.perf_counter()
            fn()
            spent.append((time.perf_counter() - start) * 1000)
    return [(statistics.median(t), min(t)) for t in times]


def thirty_lines(world):
    """The test world's report with 25 more tasks of its agency (30 lines), filled in."""
    dept = world["report"].agency
    for s in range(3):
        section = make_section(world["plan"], title=f"Nhóm đo {s}")
        for n in range(8 if s < 2 else 9):
            make_task(section, lead=dept, number=f"{s + 3}.{n + 1}", title="Nhiệm vụ đo thời gian " * 4)
    AgencyReport.objects.filter(pk=world["report"].pk).delete()
    services.open_reporting_year(world["plan"], 2024, None)
    world["report"] = AgencyReport.objects.get(plan=world["plan"], year=2024, agency=dept)
    report = fresh(fill(world, files=False, every_indicator=True))
    return report


def test_time_the_body(world):
    report = thirty_lines(world)
    lines = report.lines.count()
    print(f"\nreport body, {lines} lines, median (min) of {RUNS} renderings, ms:")
    for who in ("officer", "coordinator"):
        if who == "coordinator":
            report = fresh(services.submit_report(fresh(report), world["officer"]))
        reader = views._reader(world[who], report)
        today = timezone.localdate()
        with CaptureQueriesContext(connection) as queries:
            views._report_body_context(report, reader, today)
        context = views._report_body_context(report, reader, today)
        assert views.render_body(context) == django_body(context)
        build, old, new = timed(lambda: views._report_body_context(report, reader, today),
                                lambda: django_body(views._report_body_context(report, reader, today)),
                                lambda: views.render_body(views._report_body_context(report, reader, today)))
        old_render, new_render = timed(lambda: django_body(context), lambda: views.render_body(context))
        size = len(views.render_body(context))
        print(f"  {who} ({size:,} bytes, {len(queries)} queries): context {build[0]:.2f} ({build[1]:.2f}); "
              f"body before (Django) {old[0]:.2f} ({old[1]:.2f}), after (Jinja2) {new[0]:.2f} ({new[1]:.2f}); "
              f"rendering alone {old_render[0]:.2f} ({old_render[1]:.2f}) -> {new_render[0]:.2f} ({new_render[1]:.2f})")


def test_profile_the_officers_body(world):
    """Where the officer's rendering goes (cProfile, the 25 costliest functions by their own time)."""
    import cProfile
    import pstats

    report = thirty_lines(world)
    reader = views._reader(world["officer"], report)
    today = timezone.localdate()
    context = views._report_body_context(report, reader, today)
    views.render_body(context)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(10):
        views.render_body(context)
    profile.disable()
    pstats.Stats(profile).sort_stats("tottime").print_stats(25)
