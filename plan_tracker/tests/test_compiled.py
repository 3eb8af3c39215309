"""plan_tracker.compiled.Statement: a queryset compiled once per shape gives, for any values, the rows the queryset
itself gives (with their select_related objects, no query more), without compiling again; a build that does not pass
a value into the SQL as a parameter is refused at once; and the report page's officer statements give 404 for a
report id no column could hold. ``set_prefetched`` sets a reverse foreign key's rows as Django's prefetch does."""

from unittest import mock

import pytest
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.db import connection
from django.db.models import Prefetch

from plan_tracker.compiled import Statement, fits, set_prefetched
from reports.models import AgencyReport, TaskReport
from testing.factories import fill_report, make_user, open_year, small_plan


@pytest.fixture
def reports(db, django_user_model):
    plan, who = small_plan()
    open_year(plan, 2024)
    officer = make_user(django_user_model, "canbo", who["dept"])
    found = list(AgencyReport.objects.filter(plan=plan, year=2024).order_by("pk"))
    fill_report(found[0], officer)
    return found


def _lines_queryset(report_id):
    return (TaskReport.objects.filter(report_id=report_id).select_related("task__section")
            .order_by("task__order", "task__number"))


def _shown(lines):
    return [(line.pk, line.report_id, line.task.number, line.task.section.title, line.achievements) for line in lines]


def test_rows_equal_the_querysets_for_every_value(reports):
    statement = Statement(_lines_queryset)
    for report in reports + reports[::-1]:
        with CaptureQueriesContext(connection) as queries:
            got = statement.rows(report.pk)
            shown = _shown(got)  # tasks and sections read with the lines: no query more
        assert len(queries) == 1
        assert shown == _shown(_lines_queryset(report.pk))
    assert any(_shown(statement.rows(r.pk)) for r in reports)
    assert statement.rows(-5) == []


def test_compiled_once_per_shape(reports):
    statement = Statement(lambda pk, agency_ids: AgencyReport.objects.filter(pk=pk, agency_id__in=agency_ids))
    report, other = reports[0], reports[1]
    with mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql) as as_sql:
        assert statement.rows(report.pk, [report.agency_id]) == [report]
        assert statement.rows(other.pk, [other.agency_id]) == [other]
        assert statement.rows(report.pk, [other.agency_id]) == []
        assert as_sql.call_count == 1  # one shape: compiled once
        # Another list length is another shape, compiled once more; its values all reach the SQL.
        assert statement.rows(report.pk, [other.agency_id, report.agency_id]) == [report]
        assert statement.rows(other.pk, [report.agency_id, other.agency_id]) == [other]
        assert statement.rows(other.pk, [report.agency_id, report.agency_id]) == []
        assert as_sql.call_count == 2


def test_a_value_the_build_drops_is_refused(reports):
    ignores = Statement(lambda pk, agency_id: AgencyReport.objects.filter(pk=pk))
    with pytest.raises(RuntimeError, match="does not take"):
        ignores.rows(reports[0].pk, reports[0].agency_id)


def test_a_small_integer_column_takes_its_own_stand_in(reports):
    report = reports[0]
    generated = Statement(lambda year, pk: AgencyReport.objects.filter(year=year, pk=pk))
    with pytest.raises(RuntimeError):  # Django drops a year of -2,100,000,000: the statement would ignore the year
        generated.rows(report.year, report.pk)
    explicit = Statement(lambda year, pk: AgencyReport.objects.filter(year=year, pk=pk), stand_ins=(32_101, None))
    assert explicit.rows(report.year, report.pk) == [report]
    assert explicit.rows(report.year + 1, report.pk) == []


def test_a_uuid_column_takes_a_uuid_stand_in(db):
    import uuid

    from notifications.models import Delivery

    tokens = [uuid.uuid4(), uuid.uuid4()]
    rows = [Delivery.objects.create(kind="submitted", email=f"{n}@example.vn", claim=token, status="sending")
            for n, token in enumerate(tokens)]
    Delivery.objects.create(kind="submitted", email="waiting@example.vn", claim=tokens[0], status="pending")
    claimed = Statement(lambda token: Delivery.objects.filter(claim=token, status="sending"),
                        stand_ins=(uuid.UUID(int=0x5CA1AB1E),))
    for row, token in zip(rows, tokens):
        assert claimed.rows(token) == [row]
    assert claimed.rows(uuid.uuid4()) == []


def test_a_datetime_column_takes_an_instant_as_django_passes_it(reports):
    """An instant stand-in (``DATETIME_STAND_IN``) is a parameter on every backend (SQLite: UTC text); run with
    another instant, in any time zone, the statement finds what the queryset finds, to the microsecond; a date or a
    naive date-time is refused (Django would guess its time zone)."""
    import datetime
    import zoneinfo

    from plan_tracker.compiled import DATETIME_STAND_IN

    sent = datetime.datetime(2024, 11, 15, 16, 30, 0, 123_456, tzinfo=datetime.timezone.utc)
    AgencyReport.objects.filter(pk=reports[0].pk).update(first_submitted_at=sent, status="submitted")

    def build(plan_id, before):
        return AgencyReport.objects.filter(plan_id=plan_id, first_submitted_at__lt=before)

    statement = Statement(build, stand_ins=(None, DATETIME_STAND_IN))
    hanoi = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
    for before in (sent, sent + datetime.timedelta(microseconds=1), sent.astimezone(hanoi),
                   (sent + datetime.timedelta(microseconds=1)).astimezone(hanoi), sent - datetime.timedelta(days=1)):
        assert statement.rows(reports[0].plan_id, before) == list(build(reports[0].plan_id, before)), before
    assert statement.rows(reports[0].plan_id, sent + datetime.timedelta(microseconds=1)) == [reports[0]]
    assert statement.rows(reports[0].plan_id, sent) == []
    for wrong in (datetime.date(2024, 11, 16), datetime.datetime(2024, 11, 16)):
        with pytest.raises(TypeError, match="aware date-times"):
            statement.rows(reports[0].plan_id, wrong)
    # A date statement still refuses a date-time.
    from tasks.models import Task

    dated = Statement(lambda on: Task.objects.filter(due_date__lt=on), stand_ins=(datetime.date(1, 2, 3),))
    with pytest.raises(TypeError, match="takes dates"):
        dated.rows(sent)


def test_fits_the_columns_range(db):
    field = AgencyReport._meta.pk
    assert fits(field, 1)
    assert fits(field, 2**63 - 1)
    assert not fits(field, 2**63)
    assert not fits(field, -(2**63) - 1)


def test_report_page_of_an_id_no_column_holds_is_404(reports, client, django_user_model):
    officer = django_user_model.objects.get(username="canbo")
    own = next(r for r in reports if r.agency_id == officer.memberships.get().agency_id)
    client.force_login(officer)
    assert client.get(f"/reports/{own.pk}/").status_code == 200
    assert client.get(f"/reports/{2**63}/").status_code == 404
    assert client.get(f"/reports/{2**63 - 1}/").status_code == 404


def test_a_row_lock_outside_a_transaction_is_refused_as_django_refuses_it(reports, transactional_db):
    from django.db import transaction
    from django.db.transaction import TransactionManagementError

    locking = Statement(lambda pk: AgencyReport.objects.select_for_update().filter(pk=pk))
    report = reports[0]
    with transaction.atomic():
        assert locking.rows(report.pk) == [report]

    def outcome(run):
        try:
            return run()
        except TransactionManagementError:
            return "refused"

    djangos = outcome(lambda: list(AgencyReport.objects.select_for_update().filter(pk=report.pk)))
    assert djangos == ("refused" if connection.features.has_select_for_update else [report])
    assert outcome(lambda: locking.rows(report.pk)) == djangos


# --- set_prefetched: a reverse foreign key's rows set as Django's prefetch sets them ------------------------------

def _lines_of(plan_id):
    return TaskReport.objects.filter(report__plan_id=plan_id).select_related("task").order_by("-pk")


def _by_report(reports):
    return {r.pk: [(line.pk, line.task.number, line.report is r) for line in r.lines.all()] for r in reports}


def test_set_prefetched_gives_what_djangos_prefetch_gives(reports):
    plan_id = reports[0].plan_id
    TaskReport.objects.filter(report=reports[-1]).delete()  # one instance without rows: an empty list, no query
    djangos = list(AgencyReport.objects.filter(pk__in=[r.pk for r in reports]).order_by("pk")
                   .prefetch_related(Prefetch("lines", _lines_of(plan_id))))
    ours = list(AgencyReport.objects.filter(pk__in=[r.pk for r in reports]).order_by("pk"))
    with CaptureQueriesContext(connection) as queries:
        set_prefetched(ours, "lines", lambda: list(_lines_of(plan_id)), TaskReport.objects.all())
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        assert _by_report(ours) == _by_report(djangos)
        assert ours[-1].lines.all().count() == 0 and len(ours[0].lines.all()) > 1
        assert all(seen for lines in _by_report(ours).values() for _pk, _number, seen in lines)
    assert len(queries) == 0
    assert {line.pk for line in ours[0].lines.filter(status=TaskReport.Status.DONE_FOR_YEAR)} <= {
        line.pk for line in ours[0].lines.all()}  # a further filter queries, as on Django's prefetch


def test_set_prefetched_leaves_a_prefetch_done_already(reports):
    done = list(AgencyReport.objects.filter(pk=reports[0].pk).prefetch_related("lines"))
    before = done[0]._prefetched_objects_cache["lines"]
    called = []
    with CaptureQueriesContext(connection) as queries:
        set_prefetched(done, "lines", lambda: called.append(1) or [], TaskReport.objects.all())
    assert called == [] and len(queries) == 0
    assert done[0]._prefetched_objects_cache["lines"] is before
    fresh = [AgencyReport.objects.get(pk=reports[1].pk)]
    set_prefetched(done + fresh, "lines", lambda: called.append(1) or list(TaskReport.objects.all()),
                   TaskReport.objects.all())
    assert called == [1] and done[0]._prefetched_objects_cache["lines"] is before
    assert [line.pk for line in fresh[0].lines.all()] == [
        line.pk for line in TaskReport.objects.filter(report=fresh[0]).order_by("pk")]


# ------------------------------------------------------------------------------------ the rows' converters, once

def _typed(report_id):
    """The report's row with columns Django converts on one backend or the other (a date-time, a date, a decimal
    of an annotation, a boolean) and its plan's (select_related)."""
    from django.db.models import DecimalField, Value

    return (AgencyReport.objects.filter(pk=report_id).select_related("plan")
            .annotate(weight=Value("2.50", output_field=DecimalField(max_digits=5, decimal_places=2))))


def _typed_values(rows):
    return [(r.pk, r.updated_at, r.first_submitted_at, r.invited, r.weight, type(r.weight), r.plan.issue_date,
             r.plan.report_due_month) for r in rows]


def test_the_rows_converters_are_worked_out_once_and_give_djangos_values(reports):
    statement = Statement(_typed)
    with mock.patch.object(SQLCompiler, "get_converters", autospec=True,
                           side_effect=SQLCompiler.get_converters) as get_converters:
        for report in reports + reports:
            assert _typed_values(statement.rows(report.pk)) == _typed_values(_typed(report.pk))
    # Django's own querysets asked once each (len(reports) * 2); the statement once in all.
    assert get_converters.call_count == len(reports) * 2 + 1
    assert statement.rows(reports[0].pk)[0].weight == __import__("decimal").Decimal("2.50")


def test_the_converters_are_worked_out_again_for_another_connection_or_other_expressions(reports):
    from django.db import connections

    statement = Statement(_typed)
    statement.rows(reports[0].pk)
    compiled = next(iter(statement._compiled.values()))
    compiler = compiled.queryset.query.get_compiler(using="default")
    fields = [s[0] for s in compiled.state[0][:compiled.state[3]]]
    first = compiled.converters(compiler, fields)
    assert compiled.converters(compiler, fields) is first
    other = connections.create_connection("default")
    try:
        compiler.connection = other
        again = compiled.converters(compiler, fields)
        assert again is not first and again.keys() == first.keys()
    finally:
        other.close()
    fewer = compiled.converters(compiler, fields[:2])
    assert fewer is not again and set(fewer) <= {0, 1}
    reordered = fields[::-1]  # as many expressions, other ones at each place
    assert _shape(compiled.converters(compiler, reordered)) == _shape(SQLCompiler.get_converters(compiler, reordered))
    assert _shape(compiled.converters(compiler, fields)) == _shape(SQLCompiler.get_converters(compiler, fields))


def _shape(converters):
    # (SQLite's decimal converter is a closure made at each call: compared by what it converts, not by identity.)
    return {i: (len(functions), id(expression)) for i, (functions, expression) in converters.items()}
