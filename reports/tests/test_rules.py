"""The reporting rules, each defined once (reports.rules, reports.completion): their boundaries as a user meets
them on the pages, and the parity of each rule's SQL and Python forms over generated data (the tiny scale)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Prefetch
from django.urls import reverse

from agencies.models import Agency
from reports import aggregates, completion, rules
from reports.models import AgencyReport, TaskReport
from reports.services import obligations, open_reporting_year, save_report, submit_report
from tasks.models import Assignment, Plan, Task
from testing.factories import (
    deadline, local, make_agency, make_group, make_plan, make_section, make_task, make_user, submitted_report, today,
)
from testing.pages import task_cards


def _complete(task, agency, user, year=2024, submit=True):
    report = AgencyReport.objects.get(plan=task.plan, year=year, agency=agency)
    line = report.lines.get(task=task)
    report = save_report(report, user, expected_version=report.version,
                         general={"overall_assessment": "Xong"},
                         lines={line.pk: {"status": TaskReport.Status.COMPLETED, "achievements": "Đã hoàn thành"}})
    if submit:
        submit_report(report, user)


def _overdue(on, year=None):
    return list(completion.overdue(Task.objects.all(), on, year))


# --- Overdue and completed ----------------------------------------------------------------------------------


def test_a_group_led_deadline_task_stays_overdue_until_every_lead_completes(db, django_user_model):
    a, b = make_agency(), make_agency()
    plan = make_plan(start_year=2024, end_year=2024)
    task = make_task(make_section(plan), lead=make_group([a, b]), timeframe_kind=Task.Timeframe.DEADLINE,
                     due_date=datetime.date(2024, 11, 30))
    open_reporting_year(plan, 2024, None)
    after = datetime.date(2024, 12, 1)
    assert _overdue(after) == [task]
    assert _overdue(datetime.date(2024, 11, 30)) == []  # due that day: not yet overdue

    _complete(task, a, make_user(django_user_model, "a", a))
    assert _overdue(after) == [task]  # the group is partly done: b has not finished its part
    assert [(t.lead_completed, t.lead_count) for t in aggregates.overdue_tasks(plan, 2024, after)] == [(1, 2)]
    _complete(task, b, make_user(django_user_model, "b", b), submit=False)
    assert _overdue(after) == [task]  # a draft does not count
    submit_report(AgencyReport.objects.get(agency=b, year=2024), django_user_model.objects.get(username="b"))
    assert _overdue(after) == []
    assert completion.annotate_completion(Task.objects.all(), 2024).get().is_completed
    assert aggregates.overdue_tasks(plan, 2024, after) == []


def test_a_task_due_today_is_due_not_overdue_on_every_page(client, db, django_user_model):
    """The due day itself: "due today" on the task list, the task page and the home page; one day later,
    overdue everywhere."""
    agency = make_agency()
    plan = make_plan(start_year=today().year - 1, end_year=today().year + 1)
    section = make_section(plan)
    due_today = make_task(section, lead=agency, number="1.1", **deadline(0))
    due_yesterday = make_task(section, lead=agency, number="1.2", **deadline(-1))
    client.force_login(make_user(django_user_model, "canbo", agency))

    listed = client.get(reverse("portal:task-list"), {"overdue": "on"}).context["page"].object_list
    assert [t.number for t in listed] == ["1.2"]
    assert [t.number for t in _overdue(today())] == ["1.2"]
    assert client.get(reverse("portal:task-detail", args=[due_today.pk])).context["task"].deadline.state == "due"
    assert client.get(reverse("portal:task-detail", args=[due_yesterday.pk])).context["task"].deadline.state == "overdue"
    cards = task_cards(client.get(reverse("portal:home")).content.decode())
    assert {card.number: (card.state, card.days) for card in cards} == {"1.1": ("due", 0), "1.2": ("overdue", 1)}


def test_a_lead_that_no_longer_exists_does_not_hold_a_task_open(client, db, django_user_model):
    """Two named leads; one was dissolved before the task's year without reporting, the other completed it.
    The home page, the task list and the year overview all say: completed, not overdue."""
    gone = make_agency(name="Sở đã giải thể", valid_to=datetime.date(2023, 2, 28))
    staying = make_agency(name="Sở còn hoạt động")
    plan = make_plan(start_year=2024, end_year=2024)
    task = make_task(make_section(plan), lead=staying, timeframe_kind=Task.Timeframe.DEADLINE,
                     due_date=datetime.date(2024, 11, 30))
    Assignment.objects.create(task=task, role=Assignment.Role.LEAD, agency=gone, order=1)
    open_reporting_year(plan, 2024, None)
    assert not AgencyReport.objects.filter(agency=gone).exists()  # it is not obliged: it cannot report
    officer = make_user(django_user_model, "canbo", staying)
    after = datetime.date(2025, 1, 10)
    assert _overdue(after, 2024) == [task]  # nobody has completed it yet
    _complete(task, staying, officer)

    assert _overdue(after, 2024) == [] and _overdue(today()) == []
    assert aggregates.overdue_tasks(plan, 2024, after) == []
    client.force_login(officer)
    assert client.get(reverse("portal:task-list"), {"overdue": "on"}).context["page"].object_list == []
    assert client.get(reverse("portal:task-detail", args=[task.pk])).context["task"].deadline.state == "completed"


def test_a_lead_that_completed_its_part_and_then_ceased_to_exist_still_counts_as_done(db, django_user_model):
    """The overdue list's "leads completed n/m": a lead that completed the task and later ceased to exist is one
    of the m (and of the n); an agency named as lead and also a member of a lead group is counted once."""
    done_then_gone = make_agency(name="Sở đã sáp nhập")
    still_owing = make_agency(name="Sở còn nợ")
    plan = make_plan(start_year=2024, end_year=2026)
    task = make_task(make_section(plan), lead=done_then_gone, timeframe_kind=Task.Timeframe.DEADLINE,
                     due_date=datetime.date(2024, 11, 30))
    Assignment.objects.create(task=task, role=Assignment.Role.LEAD, agency=still_owing, order=1)
    Assignment.objects.create(task=task, role=Assignment.Role.LEAD, group=make_group([still_owing]), order=2)
    open_reporting_year(plan, 2024, None)
    _complete(task, done_then_gone, make_user(django_user_model, "canbo", done_then_gone))
    Agency.objects.filter(pk=done_then_gone.pk).update(valid_to=datetime.date(2025, 2, 28))

    overdue, = aggregates.overdue_tasks(plan, 2026, datetime.date(2026, 12, 1))
    assert (overdue.lead_completed, overdue.lead_count) == (1, 2)


def test_a_deadline_task_with_no_lead_agency_is_never_completed(db):
    plan = make_plan(start_year=2024, end_year=2024)
    task = make_task(make_section(plan), lead="các cơ quan, đơn vị có liên quan",
                     timeframe_kind=Task.Timeframe.DEADLINE, due_date=datetime.date(2024, 6, 30))
    assert _overdue(datetime.date(2024, 7, 1)) == [task]


# --- On time ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("when, on_time", [
    (local(2024, 11, 15, 23, 59, 59), True),  # the due day, last second, local time
    (local(2024, 11, 16, 0, 0, 0), False),  # the next day
    (datetime.datetime(2024, 11, 15, 16, 59, 59, tzinfo=datetime.timezone.utc), True),  # 23:59:59 in Hanoi
    (datetime.datetime(2024, 11, 15, 17, 0, 0, tzinfo=datetime.timezone.utc), False),  # 00:00 on the 16th
])
def test_on_time_is_by_the_local_due_day_in_sql_and_python(db, when, on_time):
    plan = make_plan(start_year=2024, end_year=2024)
    report = AgencyReport.objects.create(plan=plan, agency=make_agency(), year=2024, status="submitted",
                                         first_submitted_at=when)
    assert rules.is_on_time(when, plan, 2024) is on_time
    assert report.is_on_time is on_time
    assert AgencyReport.objects.filter(rules.on_time_q(plan, [2024])).exists() is on_time
    state = rules.State.ON_TIME if on_time else rules.State.LATE
    assert rules.submission_state(report) == state
    assert aggregates.year_figures(plan, [2024])[2024].count(state) == 1


# --- SQL and Python forms agree, over generated data --------------------------------------------------------


@pytest.fixture
def tiny(db, settings, tmp_path):
    settings.BENCHMARK_DATA_ALLOWED = True
    settings.MEDIA_ROOT = tmp_path
    call_command("generate_scale_data", "--scale", "tiny", "--seed", "11", "--today", "2026-12-01", stdout=StringIO())
    # Agencies end, so that the "lead that no longer exists" case occurs: every third agency ends in 2025.
    ended = list(Agency.objects.filter(code__startswith="tiny-").order_by("code"))[::3]
    Agency.objects.filter(pk__in=[a.pk for a in ended]).update(valid_to=datetime.date(2025, 6, 30))
    return list(Plan.objects.filter(code__startswith="tiny-"))


def test_completion_sql_and_python_agree_over_generated_data(tiny):
    members = Prefetch("group__members", queryset=Agency.objects.all())
    compared = outcomes = 0
    seen = set()
    for plan in tiny:
        for year in (None, *plan.years):
            tasks = list(completion.annotate_completion(Task.objects.filter(plan=plan), year).prefetch_related(
                Prefetch("assignments", queryset=Assignment.objects.select_related("agency", "group")
                         .prefetch_related(members))))
            done = completion.completed_by(tasks, year)
            stand_ins = completion.stand_ins_by(tasks, year)
            progress = {t.pk: (t.lead_count, t.lead_completed)
                        for t in completion.annotate_lead_progress(Task.objects.filter(plan=plan), year)}
            completion.with_lead_progress(tasks, year)
            for task in tasks:
                assert progress[task.pk] == (task.lead_count, task.lead_completed), (plan.code, year, task.number)
                assert task.is_completed == (0 < task.lead_completed == task.lead_count)
                expected = completion.completed_in_python(completion.lead_agencies(task, stand_ins), done.get(task.pk, set()),
                                                           completion.due_on(task, year))
                assert task.is_completed == expected, (plan.code, year, task.number)
                compared += 1
                seen.add(expected)
                due = task.due_date
                for on in (due, due + datetime.timedelta(days=1), datetime.date(due.year, 12, 31)) if due else ():
                    if year == on.year:  # the task was annotated as of the year the SQL judges by
                        in_sql = completion.overdue(Task.objects.filter(pk=task.pk), on, year).exists()
                        assert completion.is_overdue(task, on) == in_sql, (plan.code, year, task.number, on)
                        outcomes += 1
    assert compared > 50 and outcomes >= 5 and seen == {True, False}  # both answers occur


def test_the_compiled_completion_rule_agrees_with_the_orm_and_python_however_it_is_used(tiny):
    """``completed_q`` and the lead counts are the ORM-built rules compiled once per process and year
    (reports.completion.CompiledRule): annotated, filtered on, excluded, inside a subquery (its own aliases must not
    shadow the outer query's U0…) and under an aggregate they answer as the ORM-built rules and the Python twins."""
    from django.db.models import Count, Exists, OuterRef
    members = Prefetch("group__members", queryset=Agency.objects.all())
    compared, seen = 0, set()
    for plan in tiny:
        for year in (None, *plan.years):
            tasks = list(Task.objects.filter(plan=plan).prefetch_related(
                Prefetch("assignments", queryset=Assignment.objects.select_related("agency", "group")
                         .prefetch_related(members))).select_related("plan"))
            done, stand_ins = completion.completed_by(tasks, year), completion.stand_ins_by(tasks, year)
            python = {t.pk for t in tasks if completion.completed_in_python(
                completion.lead_agencies(t, stand_ins), done.get(t.pk, set()), completion.due_on(t, year))}
            of_plan = Task.objects.filter(plan=plan)
            orm = set(of_plan.filter(completion._completed_q(year)).values_list("pk", flat=True))
            assert orm == python, (plan.code, year)
            assert set(of_plan.filter(completion.completed_q(year)).values_list("pk", flat=True)) == python
            assert set(of_plan.exclude(completion.completed_q(year)).values_list("pk", flat=True)) == {
                t.pk for t in tasks} - python
            counts = {t.pk: (t.lead_count, t.lead_completed) for t in completion.annotate_lead_progress(of_plan, year)}
            completion.with_lead_progress(tasks, year)
            assert counts == {t.pk: (t.lead_count, t.lead_completed) for t in tasks}
            assert counts == {t.pk: (t.n, t.d) for t in of_plan.annotate(
                n=completion._rule("leads", year), d=completion._rule("leads_done", year))}
            annotated = {t.pk: t.is_completed for t in completion.annotate_completion(of_plan, year)}
            assert {pk for pk, done_ in annotated.items() if done_} == python
            # Inside a subquery (its aliases are U0…) and inside an EXISTS of another query.
            inner = completion.completed(Task.objects.filter(plan=plan), year).values("pk")
            assert set(Task.objects.filter(pk__in=inner).values_list("pk", flat=True)) == python
            outer = Task.objects.filter(plan=plan).filter(Exists(completion.not_completed(
                Task.objects.filter(pk=OuterRef("pk")), year)))
            assert set(outer.values_list("pk", flat=True)) == {t.pk for t in tasks} - python
            # Grouped: the count of completed tasks per section.
            grouped = dict(completion.annotate_completion(of_plan, year).filter(is_completed=True)
                           .values("section").annotate(n=Count("pk")).values_list("section", "n"))
            assert sum(grouped.values()) == len(python)
            compared += len(tasks)
            seen |= {"completed"} if python else set()
            seen |= {"open"} if len(python) < len(tasks) else set()
    assert compared > 50 and seen == {"completed", "open"}


def test_submission_states_sql_and_python_agree_over_generated_data(tiny):
    seen = set()
    for plan in tiny:
        years = list(plan.years)
        reports = list(AgencyReport.objects.filter(plan=plan).select_related("plan"))
        for state in rules.State.ORDER:
            in_sql = set(AgencyReport.objects.filter(plan=plan).filter(rules.state_q(state, plan, years))
                         .values_list("pk", flat=True))
            in_python = {r.pk for r in reports if rules.submission_state(r) == state}
            assert in_sql == in_python, (plan.code, state)
            if in_sql:
                seen.add(state)
    assert seen == set(rules.State.ORDER)  # every state occurs in the data


def test_per_lead_overdue_sql_and_python_agree_over_generated_data(tiny):
    """A lead's own overdue state of a deadline task (issue #13 carry-over): ``overdue_for`` and ``is_overdue_for``."""
    # Half the leads' sent lines on deadline tasks say "completed", so that both answers occur per lead.
    sent = list(TaskReport.objects.filter(report__plan__in=tiny, task__timeframe_kind=Task.Timeframe.DEADLINE,
                                          role="lead", report__status__in=rules.CONTENT_STATUSES)
                .order_by("pk").values_list("pk", flat=True))
    TaskReport.objects.filter(pk__in=sent[::2]).update(status=TaskReport.Status.COMPLETED)
    seen = set()
    for plan in tiny:
        tasks = list(Task.objects.filter(plan=plan, timeframe_kind=Task.Timeframe.DEADLINE).prefetch_related(
            Prefetch("assignments", queryset=Assignment.objects.select_related("agency", "group")
                     .prefetch_related("group__members"))))
        for year in plan.years:
            done = completion.completed_by(tasks, year)
            for task in tasks:
                for lead in completion.lead_agencies(task):
                    for on in (task.due_date, datetime.date(year, 12, 31)):
                        in_sql = completion.overdue_for(Task.objects.filter(pk=task.pk), lead.pk, on, year).exists()
                        in_python = completion.is_overdue_for(task, lead.pk, on, done.get(task.pk, set()))
                        assert in_sql == in_python, (plan.code, year, task.number, lead.code, on)
                        seen.add((in_sql, lead.pk in done.get(task.pk, set())))
    assert {overdue for overdue, _ in seen} == {True, False} and {did for _, did in seen} == {True, False}


# --- Who answers for a year: existence on the plan's due date, per row (issue #13) ------------------------


def _answers_both_ways(tasks, year):
    """{task number: (completed, answering leads)} in SQL (one query over tasks of several plans, each judged by its
    own plan's due date) and in Python, asserted equal."""
    in_sql = {t.number: (t.is_completed, t.lead_count) for t in completion.annotate_lead_progress(
        completion.annotate_completion(Task.objects.filter(pk__in=[t.pk for t in tasks]), year), year)}
    loaded = list(Task.objects.filter(pk__in=[t.pk for t in tasks]).select_related("plan")
                  .prefetch_related("assignments__agency", "assignments__group__members"))
    done, stand_ins = completion.completed_by(loaded, year), completion.stand_ins_by(loaded, year)
    completion.with_lead_progress(loaded, year)
    in_python = {t.number: (completion.completed_in_python(completion.lead_agencies(t, stand_ins),
                                                           done.get(t.pk, set()), completion.due_on(t, year)),
                            t.lead_count) for t in loaded}
    assert in_sql == in_python
    return in_sql


@pytest.mark.parametrize("valid_from, valid_to, in_november, in_july", [
    (None, datetime.date(2025, 11, 14), False, True),  # ended the day before the November due date
    (None, datetime.date(2025, 11, 15), True, True),  # ended on the due date: it exists that day
    (datetime.date(2025, 11, 15), None, True, False),  # created on the due date
    (datetime.date(2025, 11, 16), None, False, False),  # created after it
    (None, datetime.date(2025, 6, 30), False, False),  # the districts: ended before either due date
    (None, datetime.date(2025, 7, 1), False, True),  # ended on the July due date
    (datetime.date(2025, 7, 2), None, True, False),  # created the day after the July due date
])
def test_a_lead_answers_for_a_year_only_if_it_exists_on_the_plans_due_date(db, valid_from, valid_to, in_november,
                                                                             in_july):
    """Two plans due 15/11 and 1/7; each task led by a body that completed it and by the body on the edge, which
    has not: the task is completed exactly when the edge body does not answer (SQL per row and Python agree), and
    the edge body is obliged for 2025 exactly when it answers."""
    edge = make_agency(name="Cơ quan ở ranh giới", valid_from=valid_from, valid_to=valid_to)
    done_by = make_agency(name="Cơ quan đã hoàn thành")
    expected, tasks = {}, []
    for number, (month, answers) in {"11.1": (11, in_november), "7.1": (7, in_july)}.items():
        plan = make_plan(start_year=2025, end_year=2025, report_due_month=month, report_due_day=15 if month == 11 else 1)
        task = make_task(make_section(plan), lead=done_by, number=number)
        Assignment.objects.create(task=task, role=Assignment.Role.LEAD, agency=edge, order=1)
        report = submitted_report(plan, done_by, 2025)
        TaskReport.objects.create(report=report, task=task, role="lead", status=TaskReport.Status.COMPLETED)
        tasks.append(task)
        expected[number] = (not answers, 1 + answers)
        assert (edge in obligations(plan, 2025)) is answers
    assert _answers_both_ways(tasks, 2025) == expected
    assert _answers_both_ways(tasks, 2024) == {"11.1": (False, 2 - (valid_from is not None)),
                                               "7.1": (False, 2 - (valid_from is not None))}


def test_a_body_taken_off_a_task_stops_being_a_lead_whatever_lines_it_holds(db, django_user_model):
    """A body that held a lead line on a task and was then taken off it (no successor of a lead) does not hold
    the task open: the current assignments decide, here and on the year's obligations."""
    removed, staying = make_agency(name="Sở bị bỏ khỏi nhiệm vụ"), make_agency(name="Sở vẫn chủ trì")
    plan = make_plan(start_year=2024, end_year=2025)
    task = make_task(make_section(plan), lead=staying, number="1.1")
    Assignment.objects.create(task=task, role=Assignment.Role.LEAD, agency=removed, order=1)
    open_reporting_year(plan, 2024, None)
    assert TaskReport.objects.filter(task=task, report__agency=removed, role="lead").exists()
    Assignment.objects.filter(task=task, agency=removed).delete()
    open_reporting_year(plan, 2025, None)
    assert not AgencyReport.objects.filter(agency=removed, year=2025).exists()
    _complete(task, staying, make_user(django_user_model, "canbo", staying), year=2025)
    assert _answers_both_ways([task], 2025) == {"1.1": (True, 1)}
    # A successor of a lead still stands in: the removed body now succeeds the staying one, and has not completed.
    staying.successors.add(removed)
    assert _answers_both_ways([task], 2025) == {"1.1": (False, 2)}


def test_the_compiled_rules_constants_are_written_into_their_sql():
    """A compiled rule's roles and year reach the SQL as literals (PostgreSQL's generic plans then read the columns'
    statistics: ``role = 'lead'`` is rare, ``role = $1`` a guess of one line in two); a status (its share moves within
    minutes on deadline day), any value of another shape stays a parameter, in its place; a literal percent sign is
    kept."""
    from django.db import connection
    from reports.completion import _compiled_rule, inline_constants

    words = frozenset(Assignment.Role.values)
    sql, params = inline_constants(
        "a = %s AND b LIKE 'x%%' AND c <= %s AND d IN (%s, %s) AND e = %s AND f = %s AND g = %s",
        [Assignment.Role.LEAD, 2024, "it's", datetime.date(2024, 1, 1), True, "Lead", "completed"], words)
    assert sql == "a = 'lead' AND b LIKE 'x%%' AND c <= 2024 AND d IN (%s, %s) AND e = %s AND f = %s AND g = %s"
    assert params == ("it's", datetime.date(2024, 1, 1), True, "Lead", "completed")
    with pytest.raises(AssertionError):
        inline_constants("a = %s", [1, 2], words)
    sql, params = _compiled_rule(connection, "completed", 2024)
    assert "\"role\" = 'lead'" in sql and "<= 2024" in sql and "'completed'" not in sql
    assert "completed" in params and "submitted" in params
    assert not [p for p in params if isinstance(p, int) or p in words]
