"""manage.py load_demo_reports: a labelled, deterministic, re-runnable demo set of 2023–2025 reports."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from reports import aggregates, rules
from reports.models import AgencyReport, IndicatorValue, ReportEvent, TaskReport

DEMO = "[Dữ liệu mẫu]"


def _run(*args):
    out = io.StringIO()
    call_command("load_demo_reports", *args, stdout=out)
    return out.getvalue()


def _snapshot():
    return (
        list(AgencyReport.objects.order_by("pk").values_list("pk", "status", "version", "first_submitted_at")),
        ReportEvent.objects.count(), AgencyReport.history.count(), TaskReport.history.count(),
        IndicatorValue.objects.count(),
    )


def test_demo_reports_are_a_labelled_realistic_mix_and_loading_again_changes_nothing(seed, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    planned = _run("--dry-run")
    assert "Dry run: nothing was saved." in planned
    assert not AgencyReport.objects.filter(year__in=[2023, 2024, 2025]).exists()

    loaded = _run()
    # Deterministic: the real load does what the dry run announced.
    assert loaded.splitlines()[:3] == planned.splitlines()[:3]

    years = {f.year: f for f in aggregates.years_overview(seed)}
    for year in (2023, 2024, 2025):
        f = years[year]
        assert f.obliged > 30, year
        assert f.on_time > f.obliged / 2, year  # most on time
        assert f.late >= 2 and f.returned >= 1 and f.accepted >= 1, year  # some late, some returned
        assert 1 <= f.not_submitted <= f.obliged / 5, year  # a few missing
        assert f.drafting >= 1 and f.not_started >= 1, year
    assert years[2025].late > years[2024].late  # the reorganisation year
    assert years[2026].obliged == years[2026].not_started  # the current year is left to the demo officers

    # Every text the demo wrote is marked as demo data.
    reports = AgencyReport.objects.filter(year__in=[2023, 2024, 2025], version__gt=1)
    for r in reports:
        for text in (r.overall_assessment, r.difficulties, r.proposals):
            assert not text or text.startswith(DEMO), text
    lines = TaskReport.objects.filter(report__in=reports).exclude(status="")
    assert lines.exists()
    assert all(line.achievements.startswith(DEMO) or line.no_report_reason.startswith(DEMO) for line in lines)

    # Submissions sit in their reporting season; the officer's 2024 report awaits his fixes.
    submitted = AgencyReport.objects.filter(first_submitted_at__isnull=False, year__in=[2023, 2024, 2025])
    for r in submitted:
        days = (rules.local_date(r.first_submitted_at) - r.due_date).days
        assert -15 <= days <= 25, (r, days)
    tuphap = AgencyReport.objects.get(plan=seed, year=2024, agency__code="so-tu-phap")
    assert tuphap.status == "returned" and tuphap.review_comment.startswith(DEMO)
    assert aggregates.overdue_tasks(seed, 2024, datetime.date(2026, 11, 28))  # something to show

    before = _snapshot()
    again = _run()
    assert again.count("nothing to add") == 3
    assert _snapshot() == before


def test_demo_reports_are_refused_with_debug_off(seed, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        _run()


def test_demo_reports_need_the_seed_plan(db, settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="seed plan"):
        _run()
