"""Who hears of a submission: ``submission_recipients`` (the query compiled once a day) answers what
``coordinators_and_officers`` answers for the report, on SQLite and PostgreSQL."""

import datetime

import pytest
from django.utils import timezone

from agencies.models import Membership
from notifications import recipients
from notifications.coordination import lead_agencies_told
from notifications.models import Preference
from notifications.recipients import NOTIFICATIONS, REMINDERS, coordinators_and_officers, submission_recipients
from reports.models import ReportingYear
from testing.factories import fill_report, make_agency, make_user, open_year


def _keys(answer):
    coordinators, officers = answer
    return ([(r.email, r.language, r.user.pk) for r in coordinators],
            {agency_id: [(r.email, r.language, r.user.pk) for r in people] for agency_id, people in officers.items()})


def _both(report, flag=NOTIFICATIONS):
    expected = coordinators_and_officers(report.plan, lead_agencies_told(report), flag, year=report.year)
    return _keys(submission_recipients(report, flag)), _keys(expected)


def test_the_compiled_query_names_the_same_people_as_the_orm_one(world, django_user_model):
    dept_report = fill_report(world.report(world.dept), world.officer)
    district_report = fill_report(world.report(world.district), world.district_officer)
    got, expected = _both(dept_report)
    assert got == expected
    assert expected[0] and expected[1]  # coordinators, and the district's officer told of the dept's lines
    assert _both(district_report)[0] == _both(district_report)[1]
    # Another coordinator elsewhere, one who turned the mails off, one in a body that has ceased, the year's
    # receiving body changed: each changes the answer, the same way for both.
    other = make_agency(name="Văn phòng UBND tỉnh", code="vp-ubnd-test")
    make_user(django_user_model, "dieuphoi2", other, role=Membership.Role.COORDINATOR, email="dp2@example.vn")
    ceased = make_agency(name="Sở cũ", code="so-cu-test", valid_to=datetime.date(2020, 1, 1))
    make_user(django_user_model, "dieuphoi3", ceased, role=Membership.Role.COORDINATOR, email="dp3@example.vn")
    Preference.objects.create(user=world.coordinator, notifications=False)
    for report in (dept_report, district_report):
        got, expected = _both(report)
        assert got == expected
        assert _both(report, REMINDERS)[0] == _both(report, REMINDERS)[1]
    ReportingYear.objects.filter(plan=world.plan, year=2025).update(recipient=other)
    got, expected = _both(dept_report)
    assert got == expected and [email for email, _lang, _pk in got[0]] == ["dp2@example.vn"]


def test_the_query_is_compiled_once_a_day_and_runs_as_one_query(world, monkeypatch, django_assert_num_queries):
    report = fill_report(world.report(world.dept), world.officer)
    recipients._SUBMISSION.clear()
    submission_recipients(report, NOTIFICATIONS)
    built = []
    real = recipients._coordinators_and_officers_query
    monkeypatch.setattr(recipients, "_coordinators_and_officers_query", lambda *a: built.append(a) or real(*a))
    with django_assert_num_queries(1):
        submission_recipients(report, NOTIFICATIONS)
    assert built == []
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(recipients.timezone, "localdate", lambda *a: tomorrow)
    submission_recipients(report, NOTIFICATIONS)
    assert [args[3] for args in built] == [tomorrow] and list(recipients._SUBMISSION) == [tomorrow]


@pytest.mark.parametrize("valid_from, valid_to, told", [
    (None, None, True),
    (None, -1, False),  # ceased the day before the year's due date
    (None, 0, True),  # ceases on the due date: still exists on it
    (1, None, False),  # founded the day after
    (0, None, True),
    (-400, -1, False),
    (-400, 400, True),
])
def test_a_lead_agency_is_told_only_if_it_exists_on_the_years_due_date(world, valid_from, valid_to, told):
    """The lead agencies told of a coordinator's lines (``lead_agencies_told``): those existing on the report's
    year's due date, in the query compiled once a day as in the ORM one. The compiled query is reused (the same
    day): the dates are the data's and the report's, never the stand-in's."""
    report = fill_report(world.report(world.dept), world.officer)
    submission_recipients(report, NOTIFICATIONS)  # compiled today, before the dates change
    due = world.plan.report_due_date(report.year)
    shift = lambda days: None if days is None else due + datetime.timedelta(days=days)  # noqa: E731
    world.district.valid_from, world.district.valid_to = shift(valid_from), shift(valid_to)
    world.district.save()
    got, expected = _both(report)
    assert got == expected
    assert (world.district.pk in got[1]) is told
    assert world.dept.pk not in got[1]  # the reporting agency itself: never


def test_the_due_date_is_the_reports_years_not_the_compiled_ones(world, django_user_model):
    """Two reports of two years through the one compiled query: an agency that ceased between the two years' due
    dates hears of the earlier year's report only."""
    later = fill_report(world.report(world.dept), world.officer)
    open_year(world.plan, 2024)
    earlier = fill_report(world.report(world.dept, 2024), world.officer)
    world.district.valid_to = world.plan.report_due_date(2024) + datetime.timedelta(days=1)
    world.district.save()
    assert world.district.pk not in submission_recipients(later, NOTIFICATIONS)[1]
    assert world.district.pk in submission_recipients(earlier, NOTIFICATIONS)[1]
    for report in (earlier, later):
        got, expected = _both(report)
        assert got == expected
