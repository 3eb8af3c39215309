"""Carry-over (issue #13, item 6): a deadline task not reported completed by a lead stays on that lead's report
every later year, marked "Quá hạn từ dd/mm/yyyy", until the lead reports it completed; then it stops being
overdue for that lead, and for the task once every lead has."""

import datetime

from django.urls import reverse

from agencies.models import Agency
from reports import aggregates, completion
from reports.models import AgencyReport, TaskReport
from reports.services import open_reporting_year, submit_report
from tasks.models import Task
from testing.factories import fill_report, local, make_agency, make_group, make_plan, make_section, make_task, make_user
from testing.pages import task_cards


def _send(plan, agency, year, user, status=TaskReport.Status.COMPLETED):
    report = AgencyReport.objects.get(plan=plan, year=year, agency=agency)
    return submit_report(fill_report(report, user, status=status), user, now=local(year, 11, 1, 9))


def _home_state(client, user, number):
    client.force_login(user)
    states = {card.number: card.state for card in task_cards(client.get(reverse("portal:home")).content.decode())}
    return states.get(number)


def test_a_lead_that_missed_6_2_carries_it_until_it_reports_it_completed(seed, client, django_user_model):
    viet_yen = Agency.objects.get(code="ubnd-huyen-viet-yen")
    hiep_hoa = Agency.objects.get(code="ubnd-huyen-hiep-hoa")
    tu_phap = Agency.objects.get(code="so-tu-phap")
    officer = make_user(django_user_model, "vietyen", viet_yen)
    other = make_user(django_user_model, "hiephoa", hiep_hoa)
    task = Task.objects.get(plan=seed, number="6.2")
    open_reporting_year(seed, 2024, None)
    _send(seed, tu_phap, 2024, make_user(django_user_model, "tuphap", tu_phap))  # completes 6.2 in 2024
    _send(seed, viet_yen, 2024, officer, status=TaskReport.Status.IN_PROGRESS)  # does not

    open_reporting_year(seed, 2025, None)
    line = TaskReport.objects.get(report__agency=viet_yen, report__year=2025, task=task)
    assert line.role == "lead"
    assert not TaskReport.objects.filter(report__agency=tu_phap, report__year=2025, task=task).exists()
    # Sở Nội vụ coordinates 6.2 by name and leads it as one of "các sở, ban, ngành": it owes it as a lead.
    assert TaskReport.objects.get(report__agency__code="so-noi-vu", report__year=2025, task=task).role == "lead"
    lines_2025 = TaskReport.objects.filter(report__year=2025).count()
    open_reporting_year(seed, 2025, None)  # re-opened: nothing added twice
    assert TaskReport.objects.filter(report__year=2025).count() == lines_2025

    client.force_login(officer)
    form = client.get(line.report.get_absolute_url()).content.decode()
    assert "Quá hạn từ 30/11/2024" in form
    report_2024 = AgencyReport.objects.get(plan=seed, year=2024, agency=viet_yen)
    assert "Quá hạn từ" not in client.get(report_2024.get_absolute_url()).content.decode()  # due that year
    assert _home_state(client, officer, "6.2") == "overdue"

    _send(seed, viet_yen, 2025, officer)  # completes it (and every other line) in 2025
    client.force_login(officer)
    page = client.get(line.report.get_absolute_url()).content.decode()
    assert "Quá hạn từ 30/11/2024" in page  # the submitted report still says where the line came from
    assert _home_state(client, officer, "6.2") == "completed"  # done for Việt Yên …
    assert _home_state(client, other, "6.2") == "overdue"  # … still owed by Hiệp Hòa
    assert completion.overdue(Task.objects.filter(pk=task.pk), datetime.date(2026, 1, 1)).exists()  # the task

    open_reporting_year(seed, 2026, None)
    assert not TaskReport.objects.filter(report__agency=viet_yen, report__year=2026, task=task).exists()
    assert TaskReport.objects.filter(report__agency=hiep_hoa, report__year=2026, task=task, role="lead").exists()


def test_the_task_stops_being_overdue_once_every_lead_has_completed_it(db, django_user_model):
    a, b = make_agency(name="Sở A"), make_agency(name="Sở B")
    plan = make_plan(start_year=2024, end_year=2026)
    task = make_task(make_section(plan), lead=make_group([a, b]), number="6.2", timeframe_kind=Task.Timeframe.DEADLINE,
                     due_date=datetime.date(2024, 11, 30), timeframe_text="Hoàn thành trước tháng 12/2024")
    user_a, user_b = make_user(django_user_model, "a", a), make_user(django_user_model, "b", b)
    open_reporting_year(plan, 2024, None)
    _send(plan, a, 2024, user_a)
    open_reporting_year(plan, 2025, None)
    assert [r.agency for r in AgencyReport.objects.filter(plan=plan, year=2025)] == [b]  # only b owes it
    assert [t.pk for t in aggregates.overdue_tasks(plan, 2025, datetime.date(2025, 12, 31))] == [task.pk]
    _send(plan, b, 2025, user_b)
    assert aggregates.overdue_tasks(plan, 2025, datetime.date(2025, 12, 31)) == []
    open_reporting_year(plan, 2026, None)
    assert not AgencyReport.objects.filter(plan=plan, year=2026).exists()


def test_a_lead_that_no_longer_exists_carries_nothing(db):
    a, b = make_agency(), make_agency(valid_to=datetime.date(2024, 12, 31))
    plan = make_plan(start_year=2024, end_year=2026)
    make_task(make_section(plan), lead=make_group([a, b]), timeframe_kind=Task.Timeframe.DEADLINE,
              due_date=datetime.date(2024, 11, 30))
    open_reporting_year(plan, 2025, None)
    assert [r.agency for r in AgencyReport.objects.filter(plan=plan, year=2025)] == [a]


def test_obligations_query_count_with_carry_over_does_not_grow(db, django_assert_num_queries):
    from reports.services import obligations

    for n in (2, 12):
        plan = make_plan(start_year=2024, end_year=2026)
        leads = make_group([make_agency() for _ in range(n)])
        for i in range(n):
            make_task(make_section(plan), lead=leads, number=f"6.{i}", timeframe_kind=Task.Timeframe.DEADLINE,
                      due_date=datetime.date(2024, 11, 30))
        # tasks, assignments (+agency); the groups, their dated memberships, their members; who completed the
        # carried-over tasks; the plan's rules for single bodies (Plan.obliges)
        with django_assert_num_queries(7):
            assert len(obligations(plan, 2025)) == n


def test_a_later_year_opened_early_drops_the_untouched_line_once_the_lead_has_completed_the_task(db, django_user_model):
    a = make_agency(name="Sở A")
    plan = make_plan(start_year=2024, end_year=2026)
    task = make_task(make_section(plan), lead=a, number="6.2", timeframe_kind=Task.Timeframe.DEADLINE,
                     due_date=datetime.date(2024, 11, 30))
    make_task(make_section(plan), lead=a, number="1.1")  # an ongoing task keeps the 2025 report
    open_reporting_year(plan, 2024, None)
    open_reporting_year(plan, 2025, None)  # before the 2024 report came in: 6.2 carried over
    assert TaskReport.objects.filter(report__year=2025, task=task).exists()
    _send(plan, a, 2024, make_user(django_user_model, "a", a))
    open_reporting_year(plan, 2025, None)
    assert not TaskReport.objects.filter(report__year=2025, task=task).exists()
    assert TaskReport.objects.filter(report__year=2025, task__number="1.1").exists()


def test_a_carried_over_task_is_in_the_years_roll_up_and_a_leads_own_page_says_what_it_did(db, client, django_user_model):
    """The 2025 compiled results list the 2024 deadline task carried over (its 2025 "completed" line reaches the
    roll-up); the agency page of the lead that completed it says "completed" while another lead still owes it."""
    a, b = make_agency(name="Sở A", code="so-a"), make_agency(name="Sở B", code="so-b")
    plan = make_plan(start_year=2024, end_year=2026)
    task = make_task(make_section(plan), lead=make_group([a, b]), number="6.2", timeframe_kind=Task.Timeframe.DEADLINE,
                     due_date=datetime.date(2024, 11, 30))
    user_a = make_user(django_user_model, "a", a)
    open_reporting_year(plan, 2024, None)
    open_reporting_year(plan, 2025, None)
    _send(plan, a, 2025, user_a)  # a completes it in 2025; b never does

    rollup = aggregates.task_rollup(plan, 2025, datetime.date(2025, 12, 31))
    row, = [r for r in rollup.tasks if r.task.pk == task.pk]
    assert row.lead.counts[TaskReport.Status.COMPLETED] == 1 and row.overdue
    client.force_login(user_a)
    page = client.get(reverse("portal:agency-detail", args=["so-a"])).context
    assert [t.deadline.state for t in page["led"]] == ["completed"]
    assert [t.deadline.state for t in client.get(reverse("portal:agency-detail", args=["so-b"])).context["led"]] == [
        "overdue"]
