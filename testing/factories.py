"""Small factories for the tests: agencies, groups, plans, sections, tasks, users; a small plan with
obliged agencies, filled-in and submitted reports; dates in local time."""

import datetime
import itertools
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

from agencies.models import Agency, AgencyGroup, Membership
from reports.models import AgencyReport, Indicator, TaskReport
from reports.services import open_reporting_year, save_report
from tasks.models import Assignment, Plan, Section, Task

SEED_FIXTURE = "fixtures/seed_151_kh_ubnd_2023.json"
INDICATORS_FIXTURE = "fixtures/indicators_151_kh_ubnd_2023.json"

_seq = itertools.count(1)


# --- Dates.

def today():
    """Today in the site's time zone (Asia/Ho_Chi_Minh)."""
    return timezone.localdate()


def local(y, m, d, hh=0, mm=0, ss=0):
    """An aware datetime in Asia/Ho_Chi_Minh."""
    return datetime.datetime(y, m, d, hh, mm, ss, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))


def deadline(days_from_today, text="Hoàn thành trước hạn"):
    """make_task() fields of a task due ``days_from_today`` days from today (negative: overdue)."""
    return {"timeframe_kind": Task.Timeframe.DEADLINE, "due_date": today() + datetime.timedelta(days=days_from_today),
            "timeframe_text": text}


# --- Agencies, plans, tasks, users.

def make_agency(**overrides):
    n = next(_seq)
    values = {"code": f"agency-{n}", "name": f"Cơ quan thử {n}", "kind": Agency.Kind.DEPARTMENT}
    values.update(overrides)
    return Agency.objects.create(**values)


def make_group(members=(), **overrides):
    n = next(_seq)
    values = {"code": f"group-{n}", "name": f"Nhóm thử {n}"}
    values.update(overrides)
    group = AgencyGroup.objects.create(**values)
    group.members.set(members)
    return group


def make_plan(**overrides):
    n = next(_seq)
    values = {
        "code": f"plan-{n}",
        "number": f"{n}/KH-UBND",
        "issue_date": datetime.date(2023, 9, 14),
        "title": f"Kế hoạch thử {n}",
        "start_year": 2023,
        "end_year": 2025,
    }
    values.update(overrides)
    return Plan.objects.create(**values)


def make_section(plan=None, **overrides):
    n = next(_seq)
    plan = plan or make_plan()
    values = {"plan": plan, "code": f"II.{n}", "number": str(n), "title": f"Nhóm nhiệm vụ {n}", "order": n}
    values.update(overrides)
    return Section.objects.create(**values)


def make_task(section=None, lead=None, coordinators=(), **overrides):
    """A task; ``lead``/``coordinators`` may be agencies, groups or strings (related text)."""
    n = next(_seq)
    section = section or make_section()
    values = {
        "plan": section.plan,
        "section": section,
        "number": f"{n}.1",
        "title": f"Nhiệm vụ thử {n}",
        "timeframe_kind": Task.Timeframe.ONGOING,
        "timeframe_text": "Thường xuyên",
        "order": n,
    }
    values.update(overrides)
    task = Task.objects.create(**values)
    for role, assignees in ((Assignment.Role.LEAD, [lead] if lead else []), (Assignment.Role.COORDINATOR, coordinators)):
        for i, who in enumerate(assignees):
            kwargs = {"task": task, "role": role, "order": i}
            if isinstance(who, Agency):
                kwargs["agency"] = who
            elif isinstance(who, AgencyGroup):
                kwargs["group"] = who
            else:
                kwargs["related_text"] = who
            Assignment.objects.create(**kwargs)
    return task


def make_user(django_user_model, username, agency=None, role=Membership.Role.OFFICER, **extra):
    """A user whose password is "pw-<username>", a member of ``agency`` (in ``role``) if given."""
    user = django_user_model.objects.create_user(username=username, password="pw-" + username, **extra)
    if agency is not None:
        Membership.objects.create(user=user, agency=agency, role=role)
    return user


# --- Reports.

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


def open_year(plan, year=2024, user=None):
    open_reporting_year(plan, year, user)


@dataclass
class ReportWorld:
    """``report_world``'s: the small plan, its agencies (``small_plan``'s ``who``), the department's 2024 report, its
    officer and (unless left out) a coordinator."""
    plan: Plan
    who: dict
    report: AgencyReport
    officer: object
    coordinator: object = None


def report_world(django_user_model, *, coordinator=True):
    """The report tests' usual world: ``small_plan``, its year 2024 opened, the department's 2024 report (a draft
    never saved), an officer of the department ("officer") and, unless ``coordinator=False``, a coordinator ("coord",
    a member of the second district). Each test file's ``world`` fixture adds its own users and returns the shape
    its tests read."""
    plan, who = small_plan()
    open_year(plan, 2024)
    report = AgencyReport.objects.get(plan=plan, year=2024, agency=who["dept"])
    officer = make_user(django_user_model, "officer", who["dept"])
    coord = (make_user(django_user_model, "coord", who["districts"][1], role=Membership.Role.COORDINATOR)
             if coordinator else None)
    return ReportWorld(plan, who, report, officer, coord)


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


def submitted_report(plan, agency, year, status=AgencyReport.Status.SUBMITTED, **fields):
    """An AgencyReport written straight to the database as submitted now (no lines, no workflow)."""
    return AgencyReport.objects.create(plan=plan, agency=agency, year=year, status=status,
                                       first_submitted_at=timezone.now(), submitted_at=timezone.now(), **fields)
