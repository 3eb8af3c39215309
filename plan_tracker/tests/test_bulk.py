"""plan_tracker.bulk.update_by_pk writes exactly what Django's bulk_update writes, in one statement, on SQLite and
PostgreSQL: texts (quotes, Vietnamese), an integer column all NULL or mixed, booleans, decimals, dates, date-times and
times (SQLite gives those columns NUMERIC affinity: a CAST there would turn '2026-12-06' into 2026); in statements under
the backend's parameter limit; through Django's bulk_update on an SQLite without UPDATE … FROM."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection, models
from django.test.utils import CaptureQueriesContext, isolate_apps

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


# A model of every kind of column update_by_pk may write (the app's models have no time column), its table made in
# the test's own transaction (rolled back with it, on SQLite and PostgreSQL alike).
SAMPLE_VALUES = [
    {"text": "Đã tổ chức \"hội nghị\" 'đủ'", "day": datetime.date(2026, 12, 6),
     "at": datetime.datetime(2026, 12, 6, 10, 0, 0, tzinfo=datetime.timezone.utc), "time": datetime.time(10, 30, 15),
     "amount": Decimal("12345.67"), "count": None, "flag": True},
    {"text": "", "day": None, "at": None, "time": None, "amount": None, "count": 7, "flag": False},
    {"text": "x", "day": datetime.date(1999, 1, 31),
     "at": datetime.datetime(2025, 2, 28, 23, 59, 58, 123456, tzinfo=datetime.timezone.utc),
     "time": datetime.time(0, 0, 1), "amount": Decimal("-0.05"), "count": 0, "flag": True},
]
SAMPLE_FIELDS = sorted(SAMPLE_VALUES[0])


@pytest.fixture
def sample_model(db):
    with isolate_apps("reports"):
        class BulkSample(models.Model):
            text = models.CharField(max_length=100, blank=True)
            day = models.DateField(null=True)
            at = models.DateTimeField(null=True)
            time = models.TimeField(null=True)
            amount = models.DecimalField(max_digits=18, decimal_places=2, null=True)
            count = models.IntegerField(null=True)
            flag = models.BooleanField(default=False)

            class Meta:
                app_label = "reports"
                db_table = "test_bulk_sample"

        sql, params = connection.schema_editor().table_sql(BulkSample)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
        yield BulkSample


def _samples(model, n):
    objs = model.objects.bulk_create([model() for _ in range(n)])
    objs = list(model.objects.order_by("pk"))[-n:]
    for i, obj in enumerate(objs):
        for name, value in SAMPLE_VALUES[i % len(SAMPLE_VALUES)].items():
            setattr(obj, name, value)
    return objs


def _stored_samples(model, objs):
    return list(model.objects.filter(pk__in=[o.pk for o in objs]).order_by("pk").values_list(*SAMPLE_FIELDS))


def _expected(n):
    return [tuple(SAMPLE_VALUES[i % len(SAMPLE_VALUES)][f] for f in SAMPLE_FIELDS) for i in range(n)]


def test_update_by_pk_writes_dates_times_decimals_and_nulls_as_bulk_update_does(sample_model):
    mine, theirs = _samples(sample_model, 3), _samples(sample_model, 3)
    with CaptureQueriesContext(connection) as statements:
        assert update_by_pk(sample_model, mine, SAMPLE_FIELDS) == 3
    assert len(statements) == 1
    sample_model.objects.bulk_update(theirs, SAMPLE_FIELDS)
    assert _stored_samples(sample_model, mine) == _stored_samples(sample_model, theirs) == _expected(3)


def test_update_by_pk_batches_under_the_backends_parameter_limit(sample_model, monkeypatch):
    # 9 parameters a row (the key, 7 columns, the key again in the IN list): a limit of 23 lets 2 rows through a
    # statement (3 would be 27), so 5 rows take 3 statements, in one transaction.
    monkeypatch.setattr(connection.features, "max_query_params", 23)
    objs = _samples(sample_model, 5)
    with CaptureQueriesContext(connection) as statements:
        assert update_by_pk(sample_model, objs, SAMPLE_FIELDS) == 5
    updates = [q["sql"] for q in statements if q["sql"].startswith("UPDATE")]
    assert len(updates) == 3 and all("VALUES" in sql for sql in updates)
    assert _stored_samples(sample_model, objs) == _expected(5)


def test_update_by_pk_names_its_rows_keys_as_a_condition_on_the_table(sample_model):
    """The keys once more in an IN list on the table's own key column, besides the join to the VALUES: PostgreSQL then
    reads the rows by the key's index even when its statistics say the table is empty (a generic plan made so read
    the whole table at every save). Only the rows named are written."""
    objs, other = _samples(sample_model, 3), _samples(sample_model, 1)[0]
    before = _stored_samples(sample_model, [other])
    with CaptureQueriesContext(connection) as statements:
        assert update_by_pk(sample_model, objs[:2], SAMPLE_FIELDS) == 2
    (sql,) = [q["sql"] for q in statements if q["sql"].startswith("UPDATE")]
    table, key = connection.ops.quote_name(sample_model._meta.db_table), connection.ops.quote_name("id")
    assert f"{table}.{key} IN ({objs[0].pk}, {objs[1].pk})" in sql
    assert _stored_samples(sample_model, objs[:2]) == _expected(2)
    assert _stored_samples(sample_model, [other]) == before


@pytest.mark.parametrize("version, statement", [((3, 32, 3), "CASE"), ((3, 33, 0), "VALUES")])
def test_update_by_pk_falls_back_to_bulk_update_on_sqlite_without_update_from(sample_model, monkeypatch, version,
                                                                              statement):
    if connection.vendor != "sqlite":
        pytest.skip("UPDATE … FROM came in SQLite 3.33; Django 5.2 supports 3.31")
    monkeypatch.setattr(connection.Database, "sqlite_version_info", version)
    objs = _samples(sample_model, 3)
    with CaptureQueriesContext(connection) as statements:
        assert update_by_pk(sample_model, objs, SAMPLE_FIELDS) == 3
    updates = [q["sql"] for q in statements if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1 and statement in updates[0]
    assert _stored_samples(sample_model, objs) == _expected(3)
