"""Shared test helpers: small factories and the personas of DESIGN.md."""

import datetime
import itertools

import pytest
from django.core.management import call_command

from agencies.models import Agency, AgencyGroup, Membership
from tasks.models import Assignment, Plan, Section, Task

SEED_FIXTURE = "fixtures/seed_151_kh_ubnd_2023.json"
INDICATORS_FIXTURE = "fixtures/indicators_151_kh_ubnd_2023.json"

_seq = itertools.count(1)


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
    user = django_user_model.objects.create_user(username=username, password="pw-" + username, **extra)
    if agency is not None:
        Membership.objects.create(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def seed(db):
    """The seed plan 151/KH-UBND loaded from the fixture, as an admin would."""
    call_command("loaddata", SEED_FIXTURE, INDICATORS_FIXTURE, verbosity=0)
    return Plan.objects.get(number="151/KH-UBND")


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser(username="admin", password="pw-admin", email="admin@example.vn")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
