import datetime

import pytest

from reports.models import AgencyReport, TaskReport
from reports.services import obligations, open_reporting_year
from tasks.models import Task
from testing.factories import make_agency, make_section, make_task, small_plan


def _codes(result):
    return {a.code: {t.number: role for t, role in ob.roles.items()} for a, ob in result.items()}


def test_district_officer_sees_group_led_and_group_coordinated_tasks(seed):
    result = _codes(obligations(seed, 2024))
    district = result["ubnd-huyen-viet-yen"]
    # led through "UBND các huyện, thành phố"
    for n in ["1.2", "4.1", "4.2", "4.3", "5.1", "5.3", "6.2"]:
        assert district[n] == "lead", n
    # coordinated through the group
    for n in ["1.1", "2.1", "2.2", "2.3", "2.4", "5.2", "6.1", "6.4"]:
        assert district[n] == "coordinator", n
    assert "7.2" not in district  # led by Sở TT&TT and Công an tỉnh, coordinated by unnamed "related agencies"


def test_lead_wins_when_an_agency_leads_and_coordinates(seed):
    result = _codes(obligations(seed, 2024))
    # Sở TT&TT leads 5.3 directly and through "Các sở, ban, ngành"
    assert result["so-tttt"]["5.3"] == "lead"
    # Sở Tư pháp coordinates 4.1 by name but also leads it as one of "Các sở, ban, ngành"
    assert result["so-tu-phap"]["4.1"] == "lead"
    # Công an tỉnh, in no group: leads 7.2, coordinates 3.2
    assert result["cong-an-tinh"] == {"3.2": "coordinator", "7.2": "lead"}


def test_agency_with_no_tasks_has_no_obligation_and_no_report(seed):
    result = _codes(obligations(seed, 2024))
    assert "hoi-nha-bao-tinh" not in result
    assert "hdnd-tinh-bac-giang" not in result
    open_reporting_year(seed, 2024, None)
    assert not AgencyReport.objects.filter(agency__code="hoi-nha-bao-tinh").exists()
    assert AgencyReport.objects.filter(plan=seed, year=2024).count() == len(result)


def test_deadline_task_drops_out_after_its_due_year_except_for_leads_that_owe_it(seed):
    in_2024 = _codes(obligations(seed, 2024))
    in_2025 = _codes(obligations(seed, 2025))
    assert "6.1" in in_2024["so-noi-vu"] and "6.3" in in_2024["so-noi-vu"]
    # Nobody reported 6.1 or 6.3 completed: their lead carries them over (issue #13); coordinators drop them.
    assert in_2025["so-noi-vu"]["6.1"] == "lead" and in_2025["so-noi-vu"]["6.3"] == "lead"
    assert in_2024["so-tu-phap"]["6.1"] == "coordinator" and "6.1" not in in_2025["so-tu-phap"]
    # the 2023-2024 period task too
    assert "1.1" in in_2024["so-tttt"] and "1.1" not in in_2025["so-tttt"]


def test_an_agency_is_obliged_only_if_it_exists_on_the_years_due_date(db):
    """Judged on Plan.report_due_date (15/11), not the calendar year: a body ended on 30/6 does not report that
    year; one that exists on the due date itself does; one created after it starts the next year."""
    plan, who = small_plan(n_districts=3)
    gone, last_day, late_start = who["districts"][:3]
    gone.valid_to = datetime.date(2024, 6, 30)
    gone.save()
    last_day.valid_to = datetime.date(2024, 11, 15)
    last_day.save()
    late_start.valid_from = datetime.date(2024, 11, 16)
    late_start.save()
    in_2024, in_2025 = obligations(plan, 2024), obligations(plan, 2025)
    assert gone in obligations(plan, 2023) and gone not in in_2024 and gone not in in_2025
    assert last_day in in_2024 and last_day not in in_2025
    assert late_start not in in_2024 and late_start in in_2025


def test_obligations_take_six_queries_whatever_the_size(db, django_assert_num_queries):
    plan, who = small_plan(n_districts=30)
    # tasks, assignments (+agency); the groups, their dated memberships, their members (GroupMembers); the plan's
    # rules for single bodies (Plan.obliges)
    with django_assert_num_queries(6):
        result = obligations(plan, 2024)
    assert len(result) == 31


def test_opening_a_year_creates_reports_with_their_lines_and_is_rerunnable(db):
    plan, who = small_plan()
    open_reporting_year(plan, 2024, None)
    report = AgencyReport.objects.get(plan=plan, year=2024, agency=who["dept"])
    assert {(line.task.number, line.role) for line in report.lines.all()} == {("1.1", "lead"), ("1.2", "coordinator")}
    line = report.lines.get(task__number="1.1")
    line.achievements = "Đã viết"
    line.save()
    extra = make_agency()
    make_task(make_section(plan), lead=extra, number="9.1")
    open_reporting_year(plan, 2024, None)
    assert AgencyReport.objects.filter(plan=plan, year=2024).count() == 4
    assert TaskReport.objects.get(pk=line.pk).achievements == "Đã viết"
    assert TaskReport.objects.filter(report__plan=plan, report__year=2024).count() == 2 + 2 * 2 + 1


def test_opening_a_year_outside_the_plan_is_refused(db):
    from django.core.exceptions import ValidationError

    plan, _ = small_plan()
    with pytest.raises(ValidationError, match="ngoài thời gian"):
        open_reporting_year(plan, 2030, None)


def test_task_active_years_follow_the_timeframe(db):
    plan, _ = small_plan()
    t = make_task(make_section(plan), timeframe_kind=Task.Timeframe.PERIOD,
                  start_date=datetime.date(2023, 1, 1), end_date=datetime.date(2023, 12, 31))
    assert [y for y in plan.years if t.is_active_in_year(y)] == [2023]
