"""plan_tracker.bulk.update_by_pk writes exactly what Django's bulk_update writes, in one statement, on SQLite and
PostgreSQL: texts (quotes, Vietnamese), an integer column all NULL or mixed, booleans, decimals."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plan_tracker.bulk import update_by_pk
from reports.models import AgencyReport, IndicatorValue, TaskReport
from testing.factories import fill_report, make_user, open_year, small_plan

VALUES = [
    {"status": "completed", "achievements": "Đã tổ chức 02 hội nghị; \"báo cáo\" 'đủ' — 100%", "quantity_achieved": None,
     "no_report_reason": "", "copied_from_last_year": True},
    {"status": "", "achievements": "", "quantity_achieved": 2147483647, "no_report_reason": "Không có; lý do: x",
     "copied_from_last_year": False},
]
FIELDS = sorted(VALUES[0])


@pytest.fixture
def two_reports(db, django_user_model):
    plan, who = small_plan()
    open_year(plan, 2024)
    officer = make_user(django_user_model, "canbo", who["dept"])
    reports = list(AgencyReport.objects.filter(plan=plan, year=2024).order_by("pk")[:2])
    for report in reports:
        fill_report(report, officer)
    return reports


def _lines(report):
    return list(TaskReport.objects.filter(report=report).order_by("task__order", "task__number"))


def _stored(report, fields):
    return [tuple(getattr(line, f) for f in fields) for line in _lines(report)]


@pytest.mark.parametrize("nulls", [False, True])
def test_update_by_pk_writes_what_bulk_update_writes_in_one_statement(two_reports, nulls):
    ours, django = two_reports
    mine, theirs = _lines(ours), _lines(django)
    assert len(mine) == len(theirs) >= 2
    for lines in (mine, theirs):
        for i, line in enumerate(lines):
            for name, value in VALUES[i % 2].items():
                setattr(line, name, None if nulls and name == "quantity_achieved" else value)
    with CaptureQueriesContext(connection) as statements:
        assert update_by_pk(TaskReport, mine, FIELDS) == len(mine)
    assert len(statements) == 1
    TaskReport.objects.bulk_update(theirs, FIELDS)
    assert _stored(ours, FIELDS) == _stored(django, FIELDS)
    assert _stored(ours, FIELDS)[0] == tuple(None if nulls and f == "quantity_achieved" else VALUES[0][f]
                                             for f in FIELDS)


def test_update_by_pk_writes_decimals_and_leaves_other_rows_and_columns_alone(two_reports):
    ours, other = two_reports
    values = list(IndicatorValue.objects.filter(report=ours).order_by("pk"))
    before_other = list(IndicatorValue.objects.filter(report=other).values_list("value", flat=True).order_by("pk"))
    for big in (Decimal("12345.67"), Decimal("1234567890123456.78")):
        values[0].value = big
        values[0].report_id = other.pk  # not written
        update_by_pk(IndicatorValue, values[:1], ["value"])
        stored = IndicatorValue.objects.get(pk=values[0].pk)
        saved = IndicatorValue.objects.get(pk=values[0].pk)
        saved.value = big
        saved.save(update_fields=["value"])  # what a save stores (SQLite keeps a decimal as a float: 16 digits)
        assert stored.value == IndicatorValue.objects.get(pk=values[0].pk).value and stored.report_id == ours.pk
        assert stored.value == big or connection.vendor == "sqlite"
    assert list(IndicatorValue.objects.filter(report=other).values_list("value", flat=True).order_by("pk")) == \
        before_other


def test_update_by_pk_refuses_what_it_cannot_write(two_reports):
    line = _lines(two_reports[0])[0]
    with pytest.raises(ValueError):
        update_by_pk(TaskReport, [line], ["id"])
    with pytest.raises(ValueError):
        update_by_pk(TaskReport, [TaskReport(status="x")], ["status"])
    assert update_by_pk(TaskReport, [], ["status"]) == 0
