import datetime

from reports.models import AgencyReport, TaskReport
from reports.services import open_reporting_year, save_report, submit_report
from tasks.models import Task
from testing.factories import make_agency, make_group, make_plan, make_section, make_task, make_user


def _complete(task, agency, user, submit=True):
    report = AgencyReport.objects.get(plan=task.plan, year=2024, agency=agency)
    line = report.lines.get(task=task)
    report = save_report(report, user, expected_version=report.version,
                         general={"overall_assessment": "Xong"},
                         lines={line.pk: {"status": TaskReport.Status.COMPLETED, "achievements": "Đã hoàn thành"}})
    if submit:
        submit_report(report, user)


def test_a_group_led_deadline_task_stays_overdue_until_every_lead_completes(db, django_user_model):
    a, b = make_agency(), make_agency()
    plan = make_plan(start_year=2024, end_year=2024)
    task = make_task(make_section(plan), lead=make_group([a, b]), timeframe_kind=Task.Timeframe.DEADLINE,
                     due_date=datetime.date(2024, 11, 30))
    open_reporting_year(plan, 2024, None)
    after = datetime.date(2024, 12, 1)
    assert list(Task.objects.overdue(after)) == [task]
    assert list(Task.objects.overdue(datetime.date(2024, 11, 30))) == []  # due that day: not yet overdue

    _complete(task, a, make_user(django_user_model, "a", a))
    assert list(Task.objects.overdue(after)) == [task]  # b has not finished its part
    _complete(task, b, make_user(django_user_model, "b", b), submit=False)
    assert list(Task.objects.overdue(after)) == [task]  # a draft does not count
    submit_report(AgencyReport.objects.get(agency=b, year=2024), django_user_model.objects.get(username="b"))
    assert list(Task.objects.overdue(after)) == []
    assert Task.objects.with_completion().get().is_completed
