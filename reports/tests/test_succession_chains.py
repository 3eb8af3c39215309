"""A lead that ceased and whose successor ceased again, any number of times (a district office merged into a district
body, that into a commune, that commune merged again; a Sở renamed then merged): the body at the end of the chain
stands in for the lead named on the task, on every page that judges the task (README "Agencies that change").
``reports.completion._stands_for_a_lead`` follows the successions to any depth in one SQL statement (a recursive
query), a cycle in the data ends it; ``agencies.succession.Succession.resolve`` walks the loaded successions."""

import datetime
import io
import re

import docx
import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agencies.models import Agency, AgencyChange, AgencyGroup
from agencies.succession import Succession, apply_change
from reports import completion
from reports.models import AgencyReport, TaskReport
from reports.services import open_reporting_year, submit_report
from tasks.models import Task
from testing.factories import fill_report, make_agency, make_plan, make_section, make_task

D = datetime.date
TITLE = "Rà soát quy hoạch ba loại rừng"


def _text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _merge(code, before, after, on):
    change = AgencyChange.objects.create(code=code, kind=AgencyChange.Kind.MERGE, effective_date=on)
    change.predecessors.set([before])
    change.successors.set([after])
    apply_change(change)


def _chain(successions, prefix="x"):
    """A plan (2023–2027) whose deadline task (due 30/6/2024) is led by a body that ceased in 2025 through
    ``successions`` merges in a row, each successor merged again: (plan, task, [bodies from the lead to the last])."""
    plan = make_plan(start_year=2023, end_year=2027)
    bodies = [make_agency(code=f"{prefix}-0", name=f"UBND huyện Ia Pa {prefix}", kind="district")]
    for k in range(1, successions + 1):
        bodies.append(make_agency(code=f"{prefix}-{k}", name=f"Cơ quan kế thừa {prefix} {k}", kind="commune",
                                  valid_from=D(2025, 1, 1) + datetime.timedelta(days=30 * k)))
    for k in range(successions):
        _merge(f"{prefix}-m{k}", bodies[k], bodies[k + 1], bodies[k + 1].valid_from)
    task = make_task(make_section(plan), lead=bodies[0], number="3.1", title=TITLE,
                     timeframe_kind=Task.Timeframe.DEADLINE, due_date=D(2024, 6, 30), timeframe_text="Tháng 6/2024")
    return plan, task, bodies


def _complete(plan, body, year=2026):
    report = AgencyReport.objects.get(plan=plan, agency=body, year=year)
    officer = get_user_model().objects.create_user(f"officer-{body.code}", password="pw")
    report = fill_report(report, officer, status=TaskReport.Status.COMPLETED)
    submit_report(report, officer)


def _seen(client, plan, task, year=2026):
    """What a coordinator reads about the task: the year's overview and task list (its overdue list, leads n/m), the
    exports (docx, xlsx: the overdue tasks), and the task's own page (its deadline badge)."""
    cache.clear()
    out = {}
    for name in ("year-overview", "year-tasks"):
        out[name] = _text(client.get(reverse(f"reports:{name}", args=[plan.pk, year])).content.decode())
    response = client.get(reverse("reports:year-export-docx", args=[plan.pk, year]))
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    out["docx"] = " ".join([p.text for p in document.paragraphs]
                           + [c.text for t in document.tables for r in t.rows for c in r.cells])
    response = client.get(reverse("reports:year-export-xlsx", args=[plan.pk, year]))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    out["xlsx"] = " ".join(str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
                           if c is not None)
    out["task"] = _text(client.get(reverse("portal:task-detail", args=[task.pk])).content.decode())
    return out


@pytest.fixture
def it_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("it", password="pw-it", email="it@example.vn"))
    return client


@pytest.mark.parametrize("successions", [3, 4])
def test_the_body_at_the_end_of_a_chain_of_successions_stands_in_for_the_lead_on_every_page(it_client, successions):
    plan, task, bodies = _chain(successions)
    last = bodies[-1]
    open_reporting_year(plan, 2026, None)
    # obligations gave the ceased lead's carried-over task to the body at the end of the chain
    assert TaskReport.objects.filter(task=task, role="lead", report__agency=last, report__year=2026).exists()
    before = _seen(it_client, plan, task)
    assert "chủ trì báo cáo hoàn thành: 0/1" in before["year-overview"]  # the successor answers for it: one lead
    assert TITLE in before["docx"] and TITLE in before["xlsx"]
    assert "quá hạn" in before["task"] and "đã báo cáo hoàn thành" not in before["task"]
    _complete(plan, last)
    after = _seen(it_client, plan, task)
    assert TITLE not in after["year-overview"] and "chủ trì báo cáo hoàn thành" not in after["year-overview"]
    assert "quá hạn" not in after["task"] and "đã báo cáo hoàn thành" in after["task"]
    assert "Nhiệm vụ quá hạn hoàn thành, đơn vị chủ trì chưa báo cáo hoàn thành" not in after["docx"]
    assert "Nhiệm vụ đã quá hạn hoàn thành (30/06/2024)" in before["docx"]
    assert "Nhiệm vụ đã quá hạn hoàn thành (30/06/2024)" not in after["docx"]
    # completion figures, SQL and Python alike
    tasks = list(Task.objects.filter(pk=task.pk).prefetch_related("assignments__agency", "assignments__group__members"))
    assert completion.annotate_completion(Task.objects.filter(pk=task.pk), 2026).get().is_completed
    progress = completion.annotate_lead_progress(Task.objects.filter(pk=task.pk), 2026).get()
    assert (progress.lead_completed, progress.lead_count) == (1, 1)
    stand_ins = completion.stand_ins_by(tasks, 2026)
    assert last in stand_ins[task.pk]
    assert completion.completed_in_python(completion.lead_agencies(tasks[0], stand_ins),
                                          completion.completed_by(tasks, 2026)[task.pk], completion.due_on(task, 2026))


def test_a_body_in_the_middle_of_the_chain_that_completed_before_it_ceased_still_counts(db):
    plan, task, bodies = _chain(4)
    open_reporting_year(plan, 2025, None)  # 15/11/2025: the fourth body is the one that exists
    assert TaskReport.objects.filter(task=task, report__year=2025, report__agency=bodies[-1]).exists()
    _complete(plan, bodies[-1], 2025)
    assert completion.annotate_completion(Task.objects.filter(pk=task.pk), 2026).get().is_completed


def _overview_queries(client, plan):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("reports:year-overview", args=[plan.pk, 2026])).status_code == 200
    return len(queries)


def test_the_overviews_query_count_does_not_grow_with_the_chain(it_client):
    counts = {}
    for n in (1, 3, 8):
        plan, task, bodies = _chain(n, prefix=f"c{n}")
        open_reporting_year(plan, 2026, None)
        _complete(plan, bodies[-1])
        _overview_queries(it_client, plan)  # the first page of a process compiles the rule
        counts[n] = _overview_queries(it_client, plan)
        assert completion.annotate_completion(Task.objects.filter(pk=task.pk), 2026).get().is_completed, n
    assert counts[1] == counts[3] == counts[8], counts


def test_a_cycle_of_successions_ends(db):
    """A cycle (a data error: A's successor B names A as its successor) stands nobody in and ends, in SQL and Python."""
    plan, task, (a, b) = _chain(1, prefix="cy")
    Agency.objects.filter(pk=b.pk).update(valid_to=D(2025, 6, 30))
    b.successors.add(a)  # B → A: a cycle
    AgencyReport.objects.create(plan=plan, agency=b, year=2025, status=AgencyReport.Status.SUBMITTED,
                                submitted_at=datetime.datetime(2025, 5, 1, tzinfo=datetime.timezone.utc),
                                first_submitted_at=datetime.datetime(2025, 5, 1, tzinfo=datetime.timezone.utc))
    TaskReport.objects.create(report=AgencyReport.objects.get(agency=b), task=task, role="lead",
                              status=TaskReport.Status.COMPLETED, achievements="x")
    assert completion.annotate_completion(Task.objects.filter(pk=task.pk), 2026).get().is_completed
    tasks = list(Task.objects.filter(pk=task.pk).prefetch_related("assignments__agency"))
    assert completion.stand_ins_by(tasks, 2026)[task.pk] == [b]
    # a line of the cycle's body on a task whose lead is outside the cycle: the walk finds no lead, and ends
    other = make_task(task.section, lead=make_agency(code="z", name="Sở khác"), number="3.2")
    TaskReport.objects.create(report=AgencyReport.objects.get(agency=b), task=other, role="lead",
                              status=TaskReport.Status.COMPLETED, achievements="x")
    assert not completion.annotate_completion(Task.objects.filter(pk=other.pk), 2026).get().is_completed
    assert other.pk not in completion.stand_ins_by([other], 2026)
    back = AgencyChange.objects.create(code="back", kind=AgencyChange.Kind.MERGE, effective_date=D(2025, 7, 1))
    back.predecessors.set([b])
    back.successors.set([a])
    back.applied_at = datetime.datetime(2025, 7, 1, tzinfo=datetime.timezone.utc)
    back.save()
    a.refresh_from_db()
    assert Succession.load().resolve(a, task.pk, D(2026, 11, 15)) == []


def test_resolve_follows_a_chain_longer_than_any_fixed_depth(db):
    plan, task, bodies = _chain(30, prefix="long")
    assert Succession.load().resolve(Agency.objects.get(pk=bodies[0].pk), task.pk, D(2027, 11, 15)) == [bodies[-1]]
    open_reporting_year(plan, 2027, None)  # who reports: the last body, for the first one's carried-over task
    assert TaskReport.objects.filter(task=task, report__year=2027, role="lead", report__agency=bodies[-1]).exists()


def test_a_group_follows_its_successor_groups_to_any_depth(db):
    groups = [AgencyGroup.objects.create(code="g0", name="Nhóm 0", valid_to=D(2024, 1, 1))]
    for k in range(1, 30):
        groups.append(AgencyGroup.objects.create(code=f"g{k}", name=f"Nhóm {k}", valid_from=D(2024, 1, 1) +
                                                 datetime.timedelta(days=k), valid_to=D(2024, 1, 1) + datetime.timedelta(days=k)))
        groups[k - 1].successor = groups[k]
        groups[k - 1].save()
    groups[-1].valid_to = None
    groups[-1].save()
    assert groups[0].in_force_on(D(2026, 1, 1)) == groups[-1]


def test_a_member_of_a_lead_groups_successor_groups_successor_stands_in_for_the_group(db):
    """The task's lead group ended, its successor group ended too (a chain of groups), and a member of the last one
    was merged again: the body at the end answers for the group's task, and its "completed" completes it."""
    plan = make_plan(start_year=2023, end_year=2027)
    district = make_agency(code="huyen", name="UBND huyện Ia Pa", kind="district")
    groups = [AgencyGroup.objects.create(code="g-huyen", name="UBND các huyện", valid_to=D(2025, 2, 28))]
    groups.append(AgencyGroup.objects.create(code="g-xa-1", name="UBND các xã (1)", valid_from=D(2025, 3, 1),
                                             valid_to=D(2025, 6, 30)))
    groups.append(AgencyGroup.objects.create(code="g-xa-2", name="UBND các xã (2)", valid_from=D(2025, 7, 1)))
    for before, after in zip(groups, groups[1:]):
        before.successor = after
        before.save()
    groups[0].members.add(district)
    commune = make_agency(code="xa", name="UBND xã Ia Pa", kind="commune", valid_from=D(2025, 7, 1))
    groups[2].members.add(commune)
    merged = make_agency(code="xa-moi", name="UBND xã Ia Pa mới", kind="commune", valid_from=D(2026, 1, 1))
    _merge("m-xa", commune, merged, D(2026, 1, 1))
    Agency.objects.filter(pk=district.pk).update(valid_to=D(2025, 6, 30))  # the district level ended
    task = make_task(make_section(plan), lead=groups[0], number="4.1", title="Tuyên truyền bảo vệ rừng")  # yearly
    open_reporting_year(plan, 2026, None)
    assert TaskReport.objects.filter(task=task, role="lead", report__agency=merged, report__year=2026).exists()
    qs = Task.objects.filter(pk=task.pk)
    assert not completion.annotate_completion(qs, 2026).get().is_completed
    progress = completion.annotate_lead_progress(qs, 2026).get()
    assert (progress.lead_completed, progress.lead_count) == (0, 1)
    _complete(plan, merged)
    assert completion.annotate_completion(qs, 2026).get().is_completed
    progress = completion.annotate_lead_progress(qs, 2026).get()
    assert (progress.lead_completed, progress.lead_count) == (1, 1)


def test_a_member_of_a_lead_groups_successor_group_that_succeeds_no_body_stands_in_for_the_group(db):
    """A commune in the lead group's successor group that is no body's successor answers for the group's task through
    the groups alone: the stand-ins' check walks when a lead group of the task has a successor group, not only for
    bodies that succeed one (``completion._StandsForALead``'s first probes, README "Computed pages at national scale,
    session 16")."""
    for k in range(5):  # the groups' ids differ from the task's and the assignments' (no join on a wrong column holds)
        AgencyGroup.objects.create(code=f"g-other-{k}", name=f"Nhóm khác {k}")
    plan = make_plan(start_year=2023, end_year=2027)
    district = make_agency(code="huyen-kp", name="UBND huyện Krông Pa", kind="district", valid_to=D(2025, 6, 30))
    before = AgencyGroup.objects.create(code="g-huyen-kp", name="UBND các huyện", valid_to=D(2025, 6, 30))
    after = AgencyGroup.objects.create(code="g-xa-kp", name="UBND các xã", valid_from=D(2025, 7, 1))
    before.successor = after
    before.save()
    before.members.add(district)
    commune = make_agency(code="xa-kp", name="UBND xã Krông Pa", kind="commune", valid_from=D(2025, 7, 1))
    after.members.add(commune)
    assert not commune.predecessors.exists()
    task = make_task(make_section(plan), lead=before, number="4.2", title="Tuyên truyền phòng cháy rừng")  # yearly
    open_reporting_year(plan, 2026, None)
    assert TaskReport.objects.filter(task=task, role="lead", report__agency=commune, report__year=2026).exists()
    qs = Task.objects.filter(pk=task.pk)
    assert not completion.annotate_completion(qs, 2026).get().is_completed
    progress = completion.annotate_lead_progress(qs, 2026).get()
    assert (progress.lead_completed, progress.lead_count) == (0, 1)
    _complete(plan, commune)
    assert completion.annotate_completion(qs, 2026).get().is_completed
    progress = completion.annotate_lead_progress(qs, 2026).get()
    assert (progress.lead_completed, progress.lead_count) == (1, 1)


def test_a_cycle_of_successor_groups_answers_nobody(db):
    first = AgencyGroup.objects.create(code="c1", name="Nhóm 1", valid_to=D(2024, 1, 1))
    second = AgencyGroup.objects.create(code="c2", name="Nhóm 2", valid_to=D(2024, 6, 1), successor=first)
    first.successor = second
    first.save()
    assert first.in_force_on(D(2025, 1, 1)) is None
