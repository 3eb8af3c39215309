"""generate_scale_data: deterministic, idempotent per scale, consistent with the app's own rules."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from agencies.models import Agency, AgencyGroup
from benchmarks import scale
from reports.models import AgencyReport, ReportEvent, TaskReport
from reports.services import obligations, save_report, submit_report
from tasks.models import Assignment, Plan, Section, Task
from testing.factories import make_agency

TODAY = datetime.date(2026, 11, 28)


def run(*args):
    out = io.StringIO()
    call_command("generate_scale_data", *args, "--today", TODAY.isoformat(), stdout=out)
    return out.getvalue()


def rows(queryset):
    return sorted(repr(row) for row in queryset)  # repr: None and str do not compare


def snapshot(name):
    prefix = scale.scale_prefix(name)
    return {
        "agencies": rows(Agency.objects.filter(code__startswith=prefix).values_list("code", "name", "kind")),
        "tasks": rows(Task.objects.filter(plan__code__startswith=prefix).values_list(
            "plan__code", "number", "title", "timeframe_kind", "due_date", "target_quantity")),
        "assignments": rows(Task.objects.filter(plan__code__startswith=prefix).values_list(
            "plan__code", "number", "assignments__role", "assignments__agency__code", "assignments__group__code",
            "assignments__related_text")),
        "reports": rows(AgencyReport.objects.filter(plan__code__startswith=prefix).values_list(
            "plan__code", "year", "agency__code", "status", "first_submitted_at", "version", "overall_assessment")),
        "lines": rows(TaskReport.objects.filter(report__plan__code__startswith=prefix).values_list(
            "report__plan__code", "report__year", "report__agency__code", "task__number", "role", "status",
            "achievements", "quantity_achieved")),
    }


@pytest.fixture
def tiny(db):
    run("--scale", "tiny", "--seed", "7")
    return snapshot("tiny")


def test_tiny_scale_writes_plans_tasks_and_reports_in_every_state(tiny):
    assert Plan.objects.filter(code__startswith="tiny-").count() == 2
    assert Task.objects.filter(plan__code__startswith="tiny-").count() == 16
    reports = AgencyReport.objects.filter(plan__code__startswith="tiny-")
    statuses = set(reports.values_list("status", flat=True))
    assert {"draft", "submitted", "accepted"} <= statuses
    on_time = [r for r in reports if r.is_on_time]
    late = [r for r in reports if r.is_on_time is False]
    untouched = reports.filter(status="draft", version=1)
    assert on_time and late and untouched.exists()
    assert TaskReport.objects.filter(report__in=untouched).exclude(status="").count() == 0


def test_reports_and_lines_are_exactly_the_obligations_the_app_computes(tiny):
    for plan in Plan.objects.filter(code__startswith="tiny-"):
        for year in (2025, 2026):
            expected = {(agency.pk, task.pk, role) for agency, ob in obligations(plan, year).items()
                        for task, role in ob.roles.items()}
            written = set(TaskReport.objects.filter(report__plan=plan, report__year=year).values_list(
                "report__agency_id", "task_id", "role"))
            assert written == expected and expected


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(tiny):
    assert "removed" in run("--scale", "tiny", "--seed", "7", "--rebuild")
    assert snapshot("tiny") == tiny
    run("--scale", "tiny", "--seed", "8", "--rebuild")
    other = snapshot("tiny")
    assert other["agencies"] != tiny["agencies"] or other["reports"] != tiny["reports"]


def test_a_second_run_finds_the_scale_present_and_writes_nothing(tiny):
    before = Agency.objects.count(), TaskReport.objects.count()
    assert "already present" in run("--scale", "tiny", "--seed", "7")
    assert (Agency.objects.count(), TaskReport.objects.count()) == before


def test_dry_run_writes_nothing(db):
    out = run("--scale", "tiny", "--dry-run")
    assert "rolled back" in out and "reports.TaskReport" in out
    assert not scale.is_present("tiny")


def test_bulk_rows_hold_what_their_save_would_store(tiny):
    """The generator skips save(): every column save() computes (search_text, sort_key…) must match."""
    for model in (Agency, AgencyGroup, Plan, Section, Task, Assignment, AgencyReport, TaskReport):
        for obj in model.objects.filter(pk__in=model.objects.order_by("pk").values("pk")[:5]):
            fields = [f.attname for f in model._meta.concrete_fields if not getattr(f, "auto_now", False)]
            before = {f: getattr(obj, f) for f in fields}
            obj.save()
            obj.refresh_from_db()
            assert {f: getattr(obj, f) for f in fields} == before, model


def test_remove_deletes_the_scale_its_history_and_dependents_and_nothing_else(tiny, django_user_model):
    keep = make_agency(code="so-tu-phap", name="Sở Tư pháp")
    officer = django_user_model.objects.get(username="tiny-officer")
    report = AgencyReport.objects.get(plan__code=scale.plan_code("tiny", 1, 1), year=2026,
                                      agency__code=scale.agency_code("tiny", 1, "so", 1))
    lines = {line.pk: {"status": "done_for_year", "achievements": "Đã làm", "quantity_achieved": 1}
             for line in report.lines.all()}
    report = save_report(report, officer, expected_version=report.version, general={"overall_assessment": "Tốt"},
                         lines=lines, indicators={i.pk: 1 for i in report.plan.indicators.all()})
    submit_report(report, officer, expected_version=report.version)  # history rows, events, notifications
    assert AgencyReport.history.filter(id=report.pk).exists()
    run("--scale", "tiny", "--remove")
    assert not scale.is_present("tiny")
    assert not AgencyReport.history.filter(id=report.pk).exists()
    assert not ReportEvent.objects.exists() and not django_user_model.objects.filter(username__startswith="tiny-")
    assert Agency.objects.get() == keep


def test_refused_with_debug_off(db, settings):
    settings.DEBUG = False
    settings.BENCHMARK_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        run("--scale", "tiny")
    assert not scale.is_present("tiny")


def test_every_scale_has_a_description_for_the_help():
    assert all(s.description for s in scale.SCALES.values())
    assert {"province", "national", "deadline", "tiny"} <= set(scale.SCALES)


def test_the_deadline_scale_takes_a_number_of_agencies_each_with_an_officer(db, django_user_model):
    out = run("--scale", "deadline", "--agencies", "60")
    assert "Scale “deadline”" in out
    assert Agency.objects.filter(code__startswith="deadline-").count() == 60
    assert django_user_model.objects.filter(username__regex=r"^deadline-officer-\d+$").count() == 60
    # every agency has its untouched report of the year
    assert AgencyReport.objects.filter(plan__code__startswith="deadline-", status="draft", version=1).count() == 60


def test_only_the_deadline_scale_takes_a_number_of_agencies(db):
    with pytest.raises(CommandError, match="Only the deadline scale"):
        run("--scale", "tiny", "--agencies", "60")
    with pytest.raises(CommandError, match="more than 55 agencies"):
        run("--scale", "deadline", "--agencies", "55")
    assert not Agency.objects.exists()
