"""Helpers for report tests: a small plan with obliged agencies, and filled-in reports."""

import datetime

from conftest import make_agency, make_group, make_plan, make_section, make_task
from reports.models import Indicator, TaskReport
from reports.services import open_reporting_year, save_report


def small_plan(n_districts=2):
    """A plan with a department lead, a district group coordinating, one indicator.

    Returns (plan, {"dept": agency, "districts": [agencies], "group": group})."""
    plan = make_plan(start_year=2023, end_year=2025)
    section = make_section(plan)
    dept = make_agency(name="Sở Thử nghiệm", kind="department")
    districts = [make_agency(name=f"UBND huyện {i}", kind="district") for i in range(n_districts)]
    group = make_group(districts, name="UBND các huyện, thành phố")
    make_task(section, lead=dept, coordinators=[group], number="1.1")
    make_task(section, lead=group, coordinators=[dept, "các cơ quan, đơn vị có liên quan"], number="1.2",
              target_quantity=1, target_unit="hội nghị", target_per_year=True)
    Indicator.objects.create(plan=plan, code="tin-bai", name="Tin, bài", unit="tin, bài", order=1)
    return plan, {"dept": dept, "districts": districts, "group": group}


def fill_report(report, user, status=TaskReport.Status.DONE_FOR_YEAR):
    """Fill every required part of ``report`` so it can be submitted."""
    lines = {
        line.pk: {"status": status, "achievements": f"Đã làm nhiệm vụ {line.task.number}",
                  "quantity_achieved": 1 if line.task.target_quantity else None}
        for line in report.lines.select_related("task")
    }
    indicators = {i.pk: 3 for i in report.plan.indicators.all()}
    return save_report(report, user, expected_version=report.version,
                       general={"overall_assessment": "Hoàn thành tốt."}, lines=lines, indicators=indicators)


def open_year(plan, year=2024, user=None):
    open_reporting_year(plan, year, user)


def local(y, m, d, hh=0, mm=0, ss=0):
    """An aware datetime in Asia/Ho_Chi_Minh."""
    import zoneinfo

    return datetime.datetime(y, m, d, hh, mm, ss, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))
