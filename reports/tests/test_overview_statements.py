"""The year overview's compiled statements (``reports.statements``, session 15): the overdue tasks and the task × agency
cells give what the ORM's queries give (``aggregates.overdue_tasks``; the cells' aggregate ``figures_from_tally`` ran
before), for every year and day, on SQLite and on PostgreSQL (run this file with ``DATABASE_URL`` set to one)."""

import datetime

import pytest
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext
from django.db import connection

from reports import aggregates, rules, statements
from reports.models import AgencyReport, TaskReport
from reports.rules import State
from reports.services import open_reporting_year, submit_report
from reports.tests.test_overview import TODAY, build_scenario, write
from testing.factories import make_task


@pytest.fixture
def scenario(db, django_user_model):
    return build_scenario(django_user_model)


def _orm_cells(plan, year):
    """The cells as ``figures_from_tally`` counted them before (session 14): the ORM's aggregate, built each time."""
    found = TaskReport.objects.filter(report__plan=plan, report__year=year, report__invited=False).aggregate(
        cells=Count("pk"),
        cells_submitted=Count("pk", filter=Q(report__first_submitted_at__isnull=False)),
        cells_on_time=Count("pk", filter=rules.state_q(State.ON_TIME, plan, [year], prefix="report__")),
    )
    return found["cells"], found["cells_submitted"], found["cells_on_time"]


def _compiled_cells(plan, year):
    (found,) = statements.CELLS.rows(plan.pk, year, rules.deadline_end(plan, year))
    return found


def test_the_cells_are_the_orm_aggregates_for_every_year(scenario):
    plan = scenario.plan
    assert _compiled_cells(plan, 2024) == _orm_cells(plan, 2024) == (12, 9, 6)
    assert _compiled_cells(plan, 2023) == _orm_cells(plan, 2023)
    assert _compiled_cells(plan, 2025) == _orm_cells(plan, 2025) == (0, 0, 0)  # never opened: one row of zeros
    # An invited body's lines are left out; another plan's id finds nothing.
    AgencyReport.objects.filter(pk=scenario.reports["A"].pk).update(invited=True)
    assert _compiled_cells(plan, 2024) == _orm_cells(plan, 2024) == (9, 6, 3)
    assert statements.CELLS.rows(plan.pk + 1000, 2024, rules.deadline_end(plan, 2024)) == [(0, 0, 0)]


@pytest.mark.parametrize("offset,on_time", [(-1, True), (0, False), (1, False)])
def test_a_first_submission_a_microsecond_either_side_of_the_deadline(scenario, offset, on_time):
    plan, end = scenario.plan, rules.deadline_end(scenario.plan, 2024)
    AgencyReport.objects.filter(pk=scenario.reports["B"].pk).update(
        first_submitted_at=end + datetime.timedelta(microseconds=offset))
    cells = _compiled_cells(plan, 2024)
    assert cells == _orm_cells(plan, 2024)
    assert cells[2] == (9 if on_time else 6)  # B's three lines


def test_the_cells_statement_is_compiled_once(scenario):
    _compiled_cells(scenario.plan, 2024)
    with CaptureQueriesContext(connection) as queries:
        assert _compiled_cells(scenario.plan, 2023) == _orm_cells(scenario.plan, 2023)
    assert len(queries) == 2  # the statement and the reference: one query each
    assert len(statements.CELLS._compiled) == 1


def _shown(tasks):
    return [(t.pk, t.number, t.title, t.due_date, t.lead_completed, t.lead_count) for t in tasks]


def _every_view(plan):
    for year in (2023, 2024, 2025):
        for today in (datetime.date(2024, 6, 30), datetime.date(2024, 7, 1), datetime.date(2024, 10, 31),
                      datetime.date(2024, 11, 1), TODAY):
            assert _shown(statements.overdue_tasks(plan, year, today)) == _shown(
                aggregates.overdue_tasks(plan, year, today)), (year, today)


def test_the_overdue_tasks_are_the_orm_querys_for_every_year_and_day(scenario, django_user_model):
    plan = scenario.plan
    assert _shown(statements.overdue_tasks(plan, 2024, TODAY)) == [
        (scenario.tasks["2.3"].pk, "2.3", scenario.tasks["2.3"].title, datetime.date(2024, 10, 31), 0, 1)]
    _every_view(plan)
    # A task led by a group, completed by one member of two (overdue); one with no lead (never completed: overdue);
    # one completed by its only lead (not overdue); one due after the day (not yet).
    group = scenario.tasks["2.2"].assignments.get(role="lead").group
    make_task(scenario.sections[1], lead=group, number="2.4", order=6, timeframe_kind="deadline",
              due_date=datetime.date(2024, 9, 30))
    make_task(scenario.sections[1], number="2.5", order=7, timeframe_kind="deadline",
              due_date=datetime.date(2024, 8, 31))
    make_task(scenario.sections[1], lead=scenario.agencies["O"], number="2.6", order=8, timeframe_kind="deadline",
              due_date=datetime.date(2024, 10, 1))
    make_task(scenario.sections[1], lead=scenario.agencies["O"], number="2.7", order=9, timeframe_kind="deadline",
              due_date=datetime.date(2025, 3, 1))
    open_reporting_year(plan, 2024, scenario.coordinator)
    open_reporting_year(plan, 2025, scenario.coordinator)
    d1 = AgencyReport.objects.get(pk=scenario.reports["D1"].pk)
    write(d1, lines={"2.4": ("completed", "D1 xong 2.4", None), "1.1": ("done_for_year", "x", None),
                     "2.2": ("done_for_year", "x", None)}, overall_assessment="D1 gửi lại")
    submit_report(AgencyReport.objects.get(pk=d1.pk), None)
    o = AgencyReport.objects.get(plan=plan, year=2025, agency=scenario.agencies["O"])
    write(o, lines={"2.6": ("completed", "O xong 2.6", None), "2.2": ("nothing_to_report", "O", None),
                    "2.7": ("in_progress", "O làm 2.7", None)},
          indicators={"tin-bai": 0, "kinh-phi": 0}, overall_assessment="O năm 2025")
    submit_report(AgencyReport.objects.get(pk=o.pk), None)
    overdue = {t.number: (t.lead_completed, t.lead_count) for t in statements.overdue_tasks(plan, 2024, TODAY)}
    assert overdue == {"2.3": (0, 1), "2.4": (1, 2), "2.5": (0, 0), "2.6": (0, 1)}  # 2.6 completed in 2025 only
    assert "2.6" not in {t.number for t in statements.overdue_tasks(plan, 2025, TODAY)}
    assert {"2.3", "2.4", "2.5", "2.7"} <= {t.number for t in statements.overdue_tasks(plan, 2025, TODAY)}
    _every_view(plan)


def test_the_overdue_statement_is_compiled_once_per_year_and_reads_no_more(scenario):
    plan = scenario.plan
    statements._OVERDUE.clear()
    statements.overdue_tasks(plan, 2024, TODAY)
    with CaptureQueriesContext(connection) as queries:
        found = statements.overdue_tasks(plan, 2024, datetime.date(2024, 11, 1))
        shown = [(t.pk, t.number, t.title, t.due_date, t.lead_count) for t in found]  # what the page shows
    assert len(queries) == 1 and shown
    assert list(statements._OVERDUE) == [2024] and len(statements._OVERDUE[2024]._compiled) == 1
    statements.overdue_tasks(plan, 2023, TODAY)
    assert sorted(statements._OVERDUE) == [2023, 2024]


def test_the_overdue_statements_are_bounded(scenario, monkeypatch):
    monkeypatch.setattr(statements, "_OVERDUE_MAX", 2)
    statements._OVERDUE.clear()
    for year in (2023, 2024):
        statements.overdue_tasks(scenario.plan, year, TODAY)
    assert sorted(statements._OVERDUE) == [2023, 2024]
    statements.overdue_tasks(scenario.plan, 2025, TODAY)
    assert sorted(statements._OVERDUE) == [2025]
