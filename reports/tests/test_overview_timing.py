"""Timing of the year overview and both exports at 500 obliged agencies — run by hand, prints figures:

    OVERVIEW_TIMING=1 .venv/bin/pytest -q -s reports/tests/test_overview_timing.py

Skipped otherwise (it builds ~8,500 report lines). It asserts nothing about time: the machine decides
that; the figures go into the notes. The data is written in bulk (not through the services), as a load
test would: the pages only read it.
"""

import datetime
import os
import statistics
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agencies.models import Agency, AgencyGroup, Membership
from reports.models import AgencyReport, IndicatorValue, TaskReport
from reports.services import open_reporting_year
from testing.factories import local, make_user

pytestmark = pytest.mark.skipif(not os.environ.get("OVERVIEW_TIMING"), reason="timing run by hand: OVERVIEW_TIMING=1")

N_AGENCIES = 500


def _grow_to(plan, n):
    """Add agencies to the plan's groups until ``n`` are obliged, then open 2024 and fill it in bulk:
    80 % on time, 10 % late, 5 % drafting, 5 % untouched; every submitted line written."""
    groups = {g.code: g for g in AgencyGroup.objects.filter(code__in=["so-ban-nganh", "ubnd-cap-huyen", "co-quan-bao-chi"])}
    existing = 37
    kinds = [("so-ban-nganh", "department"), ("ubnd-cap-huyen", "district"), ("co-quan-bao-chi", "press")]
    new = []
    for i in range(n - existing):
        code, kind = kinds[i % 3] if i % 5 else kinds[1]
        new.append((code, Agency(code=f"timing-{i}", name=f"Đơn vị thử tải {i:03d}", kind=kind, search_text=f"t{i}")))
    Agency.objects.bulk_create([a for _c, a in new], batch_size=500)
    for code in groups:
        groups[code].members.add(*[a for c, a in new if c == code])
    open_reporting_year(plan, 2024, None)
    reports = list(AgencyReport.objects.filter(plan=plan, year=2024).order_by("pk"))
    assert len(reports) == n
    due = plan.report_due_date(2024)
    for i, r in enumerate(reports):
        bucket = i % 20
        if bucket < 16:
            r.first_submitted_at = r.submitted_at = local(due.year, due.month, 1 + i % 15, 10)
        elif bucket < 18:
            r.first_submitted_at = r.submitted_at = local(due.year, due.month, 20, 10)
        if r.first_submitted_at:
            r.status = "accepted" if i % 3 == 0 else "submitted"
            r.overall_assessment = f"Đánh giá của đơn vị {i}"
            r.difficulties = f"Khó khăn {i}" if i % 2 else ""
            r.proposals = f"Đề xuất {i}" if i % 4 == 0 else ""
        r.version = 1 if bucket == 19 else 2
    AgencyReport.objects.bulk_update(reports, ["first_submitted_at", "submitted_at", "status", "overall_assessment",
                                               "difficulties", "proposals", "version"], batch_size=500)
    lines = list(TaskReport.objects.filter(report__plan=plan, report__year=2024).select_related("task"))
    statuses = ["done_for_year", "done_for_year", "in_progress", "completed", "nothing_to_report"]
    for j, line in enumerate(lines):
        line.status = statuses[j % 5]
        line.achievements = f"Kết quả thực hiện nhiệm vụ {line.task.number}: đã triển khai {j % 9 + 1} hoạt động."
        line.no_report_reason = "Không phát sinh." if line.status == "nothing_to_report" else ""
        line.quantity_achieved = 1 if line.task.target_quantity else None
    TaskReport.objects.bulk_update(lines, ["status", "achievements", "no_report_reason", "quantity_achieved"],
                                   batch_size=1000)
    indicators = list(plan.indicators.all())
    IndicatorValue.objects.bulk_create(
        [IndicatorValue(report=r, indicator=ind, value=Decimal(k + i % 50)) for i, r in enumerate(reports)
         for k, ind in enumerate(indicators)], batch_size=1000)
    return len(lines)


def _time(client, url, runs=5):
    client.get(url)  # warm up (template loading, first connection use)
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
        size = len(response.content)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), min(times), len(queries), size


def test_time_the_overview_and_exports_at_500_agencies(client, seed, django_user_model):
    n_lines = _grow_to(seed, N_AGENCIES)
    coordinator = make_user(django_user_model, "coord", Agency.objects.get(code="so-tttt"),
                            role=Membership.Role.COORDINATOR)
    client.force_login(coordinator)
    args = [seed.pk, 2024]
    rows = [("overview", reverse("reports:year-overview", args=args)),
            ("tasks", reverse("reports:year-tasks", args=args)),
            ("task 1.2", reverse("reports:year-task", args=args + [seed.tasks.get(number="1.2").pk])),
            ("indicators", reverse("reports:year-indicators", args=args)),
            ("feedback", reverse("reports:year-feedback", args=args)),
            ("years", reverse("reports:plan-years", args=[seed.pk])),
            ("export.xlsx", reverse("reports:year-export-xlsx", args=args)),
            ("export.docx", reverse("reports:year-export-docx", args=args))]
    print(f"\n{N_AGENCIES} agencies, {n_lines} report lines, {connection.vendor}, {datetime.date.today()}")
    print(f"{'page':<12} {'median ms':>10} {'min ms':>8} {'queries':>8} {'bytes':>10}")
    for label, url in rows:
        median, fastest, queries, size = _time(client, url, runs=3 if label.startswith("export") else 5)
        print(f"{label:<12} {median:>10.0f} {fastest:>8.0f} {queries:>8} {size:>10}")
