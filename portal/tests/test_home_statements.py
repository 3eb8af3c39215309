"""The officer's home read by compiled statements (portal.statements, issue #18): the same tasks, assignments, order,
completions and reports as the ORM querysets they replace (the reference here), and the same page byte for byte."""

import pytest
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.db import connection

from agencies.models import Agency
from portal import statements
from portal import views
from reports import completion
from reports.models import AgencyReport, TaskReport
from reports.services import open_reporting_year, submit_report
from tasks.models import Assignment
from testing.factories import deadline, fill_report, make_agency, make_group, make_task, make_user, today
from testing.scenarios import build_world, more_tasks


def reference_tasks(agency_ids, group_ids):
    """What the home read before the statements: listed_tasks with its assignments prefetched."""
    return list(views.listed_tasks(today()).filter(
        pk__in=Assignment.objects.filter(Q(agency_id__in=agency_ids) | Q(group_id__in=group_ids)).values("task_id")
    ).by_deadline())


def reference_reports(agency_ids):
    return list(AgencyReport.objects.filter(agency_id__in=agency_ids).select_related("plan").order_by(
        "-year", "plan__number"))


class _Reference:
    """portal.statements' interface answered by the ORM querysets (the reference of the page)."""

    class _Rows:
        def __init__(self, rows):
            self.rows = rows

    AGENCIES = _Rows(lambda ids: list(Agency.objects.filter(pk__in=ids).vietnamese_order()))
    MEMBERSHIPS = _Rows(lambda ids: list(Agency.groups.through.objects.filter(agency_id__in=ids).values_list(
        "agency_id", "agencygroup_id")))
    REPORTS = _Rows(reference_reports)

    @staticmethod
    def tasks(year, agency_ids, group_ids):
        return reference_tasks(agency_ids, group_ids)

    @staticmethod
    def with_assignments(tasks, agency_ids, group_ids):
        return tasks

    @staticmethod
    def completed_by(year, agency_ids, group_ids):
        return completion.completed_by(reference_tasks(agency_ids, group_ids), year)


def groups_of(agency_ids):
    return sorted(set(Agency.groups.through.objects.filter(agency_id__in=agency_ids).values_list(
        "agencygroup_id", flat=True)))


def shown(tasks):
    """What the home reads of each task: its columns, completion, plan, section and assignments in order."""
    return [(t.pk, t.number, t.is_completed, t.plan_id, t.plan.number, t.section.code,
             [(a.pk, a.role, a.agency_id, a.agency and a.agency.name, a.group_id, a.group and a.group.name,
               a.related_text, a.note) for a in t.assignments.all()]) for t in tasks]


@pytest.fixture
def world(db, django_user_model):
    """build_world (two plans, a group, every timeframe, a completed task), more tasks, a second group with a
    task of its own, and this year's reports opened, one submitted with a completed deadline line."""
    w = build_world()
    more_tasks(w, 3)
    other = make_agency(code="ubnd-huyen-tan-yen", name="UBND huyện Tân Yên", kind="district")
    press = make_group([w.huyen, other], code="bao-chi", name="Các cơ quan báo chí")
    make_task(w.s2, lead=press, coordinators=[w.tuphap], number="2.9", order=9, title="Tuyên truyền", **deadline(-3))
    make_task(w.s2, lead=other, coordinators=[w.noivu], number="2.8", order=8, title="Rà soát", **deadline(5))
    open_reporting_year(w.plan_a, today().year - 1, None)
    open_reporting_year(w.plan_a, today().year, None)
    officer = make_user(django_user_model, "officer-huyen", w.huyen)
    report = AgencyReport.objects.get(agency=w.huyen, plan=w.plan_a, year=today().year)
    report = fill_report(report, officer)
    TaskReport.objects.filter(report=report, task__number="2.9").update(status=TaskReport.Status.COMPLETED)
    submit_report(report, officer)
    w.other = other
    return w


def agency_sets(w):
    every = sorted(Agency.objects.values_list("pk", flat=True))
    return [[pk] for pk in every] + [every, [w.huyen.pk, w.other.pk], [w.tuphap.pk, w.noivu.pk]]


def test_the_statements_read_what_the_orm_querysets_read(world):
    year = today().year
    for agency_ids in agency_sets(world):
        group_ids = groups_of(agency_ids)
        tasks = statements.with_assignments(statements.tasks(year, agency_ids, group_ids), agency_ids, group_ids)
        reference = reference_tasks(agency_ids, group_ids)
        assert shown(tasks) == shown(reference), agency_ids
        assert statements.completed_by(year, agency_ids, group_ids) == completion.completed_by(reference, year)
        assert statements.REPORTS.rows(agency_ids) == reference_reports(agency_ids)
        assert [a.pk for a in statements.AGENCIES.rows(agency_ids)] == [
            a.pk for a in Agency.objects.filter(pk__in=agency_ids).vietnamese_order()]
    # Something was read: tasks through a group, a completed deadline task, a group membership.
    assert statements.completed_by(year, [world.huyen.pk], groups_of([world.huyen.pk]))
    assert len(groups_of([world.huyen.pk])) == 2
    assert len({r.year for r in statements.REPORTS.rows([world.huyen.pk])}) == 2


def test_the_officer_home_is_the_same_page_byte_for_byte(world, monkeypatch):
    for agency_ids in agency_sets(world):
        compiled = views.officer_home_html(views._officer_home(set(agency_ids), today()), today().year)
        with monkeypatch.context() as patch:
            patch.setattr(views, "statements", _Reference)
            reference = views.officer_home_html(views._officer_home(set(agency_ids), today()), today().year)
        assert compiled == reference, agency_ids
        assert "task-card" in compiled or len(agency_ids) == 1


def test_a_compiled_statement_answers_for_the_values_it_is_given_not_the_first(world):
    """One shape (one agency, one group) compiled for one agency answers for the next with that agency's tasks."""
    year = today().year
    first = statements.tasks(year, [world.tuphap.pk], [world.districts.pk])
    second = statements.tasks(year, [world.other.pk], [world.districts.pk])
    assert [t.pk for t in first] == [t.pk for t in reference_tasks([world.tuphap.pk], [world.districts.pk])]
    assert [t.pk for t in second] == [t.pk for t in reference_tasks([world.other.pk], [world.districts.pk])]
    assert {t.number for t in second} != {t.number for t in first}


def test_the_assignments_are_set_as_a_prefetch_sets_them(world):
    agency_ids, group_ids = [world.tuphap.pk], groups_of([world.tuphap.pk])
    tasks = statements.with_assignments(statements.tasks(today().year, agency_ids, group_ids), agency_ids, group_ids)
    with CaptureQueriesContext(connection) as queries:
        for task in tasks:
            for assignment in task.assignments.all():
                assert assignment.task is task
                assert assignment.agency_id is None or assignment.agency.name
                assert assignment.group_id is None or assignment.group.name
            assert task.leads or task.coordinators
    assert len(queries) == 0


def test_a_task_without_assignments_of_its_own_in_the_result_has_none(world):
    """A task found (through the agency) keeps exactly its own assignments, never another task's."""
    agency_ids, group_ids = [world.noivu.pk], groups_of([world.noivu.pk])
    tasks = statements.with_assignments(statements.tasks(today().year, agency_ids, group_ids), agency_ids, group_ids)
    for task in tasks:
        assert {a.pk for a in task.assignments.all()} == set(Assignment.objects.filter(task=task).values_list(
            "pk", flat=True))
