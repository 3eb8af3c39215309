"""Tasks (and assignments) are imported in bulk: a number of queries that does not grow with the file,
one history row per created or changed task with the importing user, what save() computes filled in,
the same row-numbered Vietnamese messages for bad files (which write nothing), and a preview that
writes nothing. Also the Python-side checks the import relies on, compared with Django's own."""

import csv
import datetime
import io
import unicodedata

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import CheckConstraint, F, Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from import_export.fields import Field

from agencies.models import Agency
from agencies.resources import AgencyResource
from exchange.constraints import NotInPython, RefersToExcluded, compile_condition
from exchange.formats import CSV, FORMATS, XLSX, read_dataset
from exchange.resources import CodeKeyedResource, import_dataset, result_messages
from exchange.widgets import CodeListWidget
from plan_tracker.text import fold
from tasks.models import Assignment, Plan, Task
from tasks.resources import AssignmentResource, TaskResource
from testing.factories import make_agency, make_plan, make_section, make_task

COLUMNS = ["plan", "number", "section", "title", "content", "timeframe_kind", "start_date", "end_date", "due_date",
           "order"]


def csv_bytes(rows, columns=COLUMNS):
    stream = io.StringIO(newline="")
    writer = csv.writer(stream)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns] if isinstance(row, dict) else row)
    return stream.getvalue().encode("utf-8")


def task_row(number, section="II.1", **values):
    return {"plan": "kh-bulk", "number": number, "section": section, "title": f"Nhiệm vụ {number}",
            "timeframe_kind": "ongoing", "order": "1", **values}


def run(data, user=None, resource_class=TaskResource, dry_run=False):
    return import_dataset(resource_class(), read_dataset(data, CSV), user=user, dry_run=dry_run)


def history_rows():
    return Task.history.count() + Assignment.history.count()


def types(result):
    return [row.import_type for row in result.rows]


@pytest.fixture
def plan(db):
    plan = make_plan(code="kh-bulk")
    s1 = make_section(plan, code="II.1")
    make_section(plan, code="II.2")
    for i in range(1, 4):
        make_task(s1, number=f"1.{i}", title=f"Nhiệm vụ có sẵn {i}", order=i)
    return plan


@pytest.fixture
def importer(django_user_model):
    return django_user_model.objects.create_user(username="nguoi-nhap", password="x")


# --- Queries: a fixed number, whatever the rows ------------------------------------------------


def split(sqls):
    """(the other statements, the INSERT and UPDATE statements)."""
    writes = [sql for sql in sqls if sql.startswith(("INSERT", "UPDATE"))]
    return [sql for sql in sqls if sql not in writes], writes


def max_write_statements(rows):
    """Per batch of 1,000 rows, one INSERT or UPDATE per table; SQLite's 999-variable limit cuts a batch
    into statements of at least 999 // 45 rows (the widest write: a bulk UPDATE of 15 columns)."""
    per_statement = 1000 if connection.features.max_query_params is None else connection.features.max_query_params // 45
    return -(-rows // per_statement)


def import_queries(rows, user):
    with CaptureQueriesContext(connection) as ctx:
        result = run(csv_bytes(rows), user=user)
    assert not result.has_errors() and not result.has_validation_errors(), result_messages(result)
    return [q["sql"] for q in ctx.captured_queries]


def test_an_import_runs_the_same_few_queries_for_30_or_300_new_and_changed_tasks(plan, importer):
    few = [task_row(f"5.{i}") for i in range(30)]
    many = [task_row(f"6.{i}") for i in range(300)]
    import_queries(few + many, importer)  # both sets exist now: the next imports change them
    for rows in (few, many):
        rows[:] = [{**row, "title": row["title"] + " (sửa)"} for row in rows]

    small_reads, small_writes = split(import_queries(few + [task_row(f"7.{i}") for i in range(30)], importer))
    large_reads, large_writes = split(import_queries(many + [task_row(f"8.{i}") for i in range(300)], importer))

    # Plans, sections and the file's existing tasks are read once; transaction steps. Nothing per row.
    assert len(small_reads) == len(large_reads) <= 15, "\n".join(large_reads)
    # New tasks and their history rows, changed tasks and their history rows: a statement each (per
    # batch of 1,000 rows; on SQLite, per statement's worth of variables).
    for writes, rows in ((small_writes, 30), (large_writes, 300)):
        tables = [sql.split('"')[1] for sql in writes]
        assert set(tables) == {"tasks_task", "tasks_historicaltask"}
        assert len(writes) <= 4 * max_write_statements(rows), writes
    if connection.features.max_query_params is None:  # PostgreSQL: the same statements, whatever the rows
        assert len(small_writes) == len(large_writes) == 4
    # Only the changed columns are written: the title, and the search text computed from it.
    updates = [sql for sql in large_writes if sql.startswith("UPDATE")]
    assert updates
    assert all('"title" = ' in sql and '"search_text" = ' in sql and '"content"' not in sql for sql in updates)


def test_an_assignment_import_runs_the_same_few_queries_whatever_the_rows(plan):
    agencies = [make_agency(code=f"co-quan-{i}") for i in range(40)]
    columns = ["plan", "task", "role", "agency", "group", "related_text", "note", "order"]

    def rows(n):
        return csv_bytes([["kh-bulk", "1.1", "coordinator", a.code, "", "", "", "1"] for a in agencies[:n]], columns)

    counts = []
    for n in (4, 40):
        Assignment.objects.all().delete()
        with CaptureQueriesContext(connection) as ctx:
            result = run(rows(n), resource_class=AssignmentResource)
        assert types(result) == ["new"] * n, result_messages(result)
        reads, writes = split([q["sql"] for q in ctx.captured_queries])
        assert len(writes) <= 2 * max_write_statements(n)
        counts.append(len(reads))
    assert counts[0] == counts[1] <= 20


# --- History and computed fields ---------------------------------------------------------------


def test_every_created_or_changed_task_gets_one_history_row_with_the_importing_user(plan, importer):
    before = Task.history.count()
    rows = [task_row(f"5.{i}") for i in range(200)]
    rows.append(task_row("1.1", title="Nhiệm vụ có sẵn 1 (đổi tên)"))  # changed
    rows.append(task_row("1.2", title="Nhiệm vụ có sẵn 2", order="2"))  # unchanged: skipped, no history row

    result = run(csv_bytes(rows), user=importer)

    assert types(result) == ["new"] * 200 + ["update", "skip"], result_messages(result)
    assert Task.history.count() == before + 201
    created = Task.history.filter(number__startswith="5.")
    assert created.count() == 200
    assert set(created.values_list("history_type", "history_user", "history_change_reason")) == {
        ("+", importer.pk, None)
    }
    changed = Task.objects.get(plan=plan, number="1.1").history.latest()
    assert (changed.history_type, changed.history_user, changed.title) == ("~", importer, "Nhiệm vụ có sẵn 1 (đổi tên)")
    assert Task.objects.get(plan=plan, number="1.2").history.count() == 1  # its creation only
    # The history rows are the tasks as stored.
    task = Task.objects.get(plan=plan, number="5.7")
    assert task.history.get().search_text == task.search_text != ""


def test_bulk_written_tasks_hold_what_save_computes(plan, importer):
    nfd = unicodedata.normalize("NFD", "Tuyên truyền chính sách Đặng")
    rows = [task_row("5.1", title=nfd, content="  Nội dung  "), task_row("1.1", title=nfd + " mới")]

    result = run(csv_bytes(rows), user=importer)

    assert types(result) == ["new", "update"], result_messages(result)
    for number in ("5.1", "1.1"):
        task = Task.objects.get(plan=plan, number=number)
        stored = {f.attname: getattr(task, f.attname) for f in Task._meta.concrete_fields}
        task.save()  # what a row-by-row import would have stored
        task.refresh_from_db()
        assert stored == {f.attname: getattr(task, f.attname) for f in Task._meta.concrete_fields}
    task = Task.objects.get(plan=plan, number="5.1")
    assert task.title == unicodedata.normalize("NFC", nfd)
    assert task.search_text == fold(f"5.1 {nfd} Nội dung") == "5.1 tuyen truyen chinh sach dang noi dung"


def test_an_unchanged_file_writes_nothing(plan, importer):
    data = XLSX().export_data(TaskResource().export())
    before = history_rows()

    result = import_dataset(TaskResource(), read_dataset(data, XLSX), user=importer)

    assert set(types(result)) == {"skip"}
    assert history_rows() == before


# --- Bad files: row-numbered messages, nothing written -------------------------------------------


BAD_FILES = {
    "new-twice": (
        [task_row("5.1"), task_row("5.2"), task_row("5.1", title="Lần hai")],
        "Dòng 4: trùng với dòng 2 (Mã kế hoạch “kh-bulk”, Số nhiệm vụ “5.1”): mỗi nhiệm vụ chỉ được ghi ở một dòng.",
    ),
    "existing-twice": (
        [task_row("1.1", title="Một"), task_row("5.2"), task_row("1.1", title="Hai")],
        "Dòng 4: trùng với dòng 2 (Mã kế hoạch “kh-bulk”, Số nhiệm vụ “1.1”): mỗi nhiệm vụ chỉ được ghi ở một dòng.",
    ),
    "unknown-plan": (
        [task_row("5.1"), {**task_row("5.2"), "plan": "kh-xyz"}],
        "Dòng 3: không có kế hoạch mã “kh-xyz”.",
    ),
    "unknown-section": (
        [task_row("5.1"), task_row("5.2", section="II.9")],
        "Dòng 3: kế hoạch “kh-bulk” không có mục mã “II.9”.",
    ),
    "deadline-without-due-date": (
        [task_row("5.1"), task_row("5.2", timeframe_kind="deadline")],
        "Dòng 3: nhiệm vụ có thời hạn cần ngày ở cột “Hạn hoàn thành”.",
    ),
    "period-without-dates": (
        [task_row("5.1"), task_row("5.2", timeframe_kind="period", end_date="31/12/2026")],
        "Dòng 3: nhiệm vụ theo giai đoạn cần ngày ở cột “Từ ngày”.",
    ),
    "number-too-long": (
        [task_row("5.1"), task_row("5." + "1" * 20)],
        "Dòng 3: ",
    ),
}


@pytest.mark.parametrize("rows, message", BAD_FILES.values(), ids=BAD_FILES.keys())
@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "preview"])
def test_a_bad_file_is_refused_whole_with_the_rows_number(plan, importer, rows, message, dry_run):
    before = (Task.objects.count(), history_rows(), list(Task.objects.values_list("title", flat=True)))

    result = run(csv_bytes(rows), user=importer, dry_run=dry_run)

    assert result.has_validation_errors()
    assert any(m.startswith(message) for m in result_messages(result)), result_messages(result)
    assert (Task.objects.count(), history_rows(), list(Task.objects.values_list("title", flat=True))) == before


def test_a_constraint_violation_gets_djangos_message_without_a_query_per_row(plan):
    # The resource's own wording of the two check constraints replaced: the model's constraint speaks.
    class PlainTaskResource(TaskResource):
        def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
            CodeKeyedResource.validate_instance(self, instance, import_validation_errors, validate_unique)

    constraint = next(c for c in Task._meta.constraints if c.name == "tasks_task_deadline_has_due_date")
    rows = [task_row(f"5.{i}") for i in range(30)] + [task_row("5.99", timeframe_kind="deadline")]

    with CaptureQueriesContext(connection) as ctx:
        result = run(csv_bytes(rows), resource_class=PlainTaskResource)

    assert f"Dòng 32: {constraint.get_violation_error_message()}" in result_messages(result)
    assert len(ctx.captured_queries) < 20  # not one per row
    assert not Task.objects.filter(number__startswith="5.").exists()


# A resource keyed on more columns than the model's unique constraints: those are then checked against
# the database's rows (read once) and the file's.
class AssignmentByNoteResource(AssignmentResource):
    class Meta(AssignmentResource.Meta):
        import_id_fields = ("task", "role", "agency", "group", "related_text", "note")


ASSIGNMENT_COLUMNS = ["plan", "task", "role", "agency", "group", "related_text", "note", "order"]


def test_a_unique_constraint_beyond_the_key_is_checked_against_the_database_and_the_file(plan):
    so = make_agency(code="so-a")
    make_agency(code="so-b")
    task = Task.objects.get(plan=plan, number="1.1")
    Assignment.objects.create(task=task, role="lead", agency=so)
    constraint = next(c for c in Assignment._meta.constraints if c.name == "tasks_assignment_unique_agency")
    before = (Assignment.objects.count(), history_rows())
    rows = [
        ["kh-bulk", "1.1", "lead", "so-a", "", "", "ghi chú khác", "1"],  # the database has (1.1, lead, so-a)
        ["kh-bulk", "1.2", "coordinator", "so-b", "", "", "một", "1"],
        ["kh-bulk", "1.2", "coordinator", "so-b", "", "", "hai", "1"],  # row 3 has (1.2, coordinator, so-b)
    ]

    with CaptureQueriesContext(connection) as ctx:
        result = run(csv_bytes(rows, ASSIGNMENT_COLUMNS), resource_class=AssignmentByNoteResource)

    messages = result_messages(result)
    assert f"Dòng 2: {constraint.get_violation_error_message()}" in messages, messages
    assert any(m.startswith("Dòng 4: trùng với dòng 3 (Số nhiệm vụ “1.2”, Vai trò “coordinator”, Mã cơ quan “so-b”)")
               for m in messages), messages
    assert (Assignment.objects.count(), history_rows()) == before
    assert len(ctx.captured_queries) < 20


# --- Through the admin: the preview writes nothing, the confirm writes in bulk --------------------


def admin_import_queries(client, rows):
    url = reverse("admin:tasks_task_import")
    upload = SimpleUploadedFile("tasks.csv", csv_bytes(rows))
    with CaptureQueriesContext(connection) as preview_ctx:
        preview = client.post(url, {"format": str(FORMATS.index(CSV)), "resource": "0", "import_file": upload})
    assert "confirm_form" in preview.context, preview.content.decode()[:2000]
    with CaptureQueriesContext(connection) as confirm_ctx:
        done = client.post(reverse("admin:tasks_task_process_import"), preview.context["confirm_form"].initial)
    assert done.status_code == 302
    return preview, [q["sql"] for q in preview_ctx.captured_queries], [q["sql"] for q in confirm_ctx.captured_queries]


def test_admin_preview_writes_nothing_and_confirm_writes_in_bulk_with_history(admin_client, admin_user, plan):
    counts = []
    for prefix, n in (("5", 20), ("6", 200)):
        rows = [task_row(f"{prefix}.{i}", content="a < b & c") for i in range(n)]
        ContentType.objects.clear_cache()  # the admin log reads it once per process
        preview, preview_sql, confirm_sql = admin_import_queries(admin_client, rows)
        assert not [sql for sql in preview_sql if sql.startswith(("INSERT INTO \"tasks", "UPDATE \"tasks"))]
        assert [r.import_type for r in preview.context["result"].rows] == ["new"] * n
        page = preview.content.decode()
        assert "<ins style=\"background:#e6ffe6;\">a &lt; b &amp; c</ins>" in page
        confirm_reads, confirm_writes = split(confirm_sql)
        assert len(confirm_writes) <= 3 * max_write_statements(n)  # tasks, history rows, admin log entries
        counts.append((len(preview_sql), len(confirm_reads)))
        created = Task.objects.filter(plan=plan, number__startswith=f"{prefix}.")
        assert created.count() == n
        assert Task.history.filter(number__startswith=f"{prefix}.", history_type="+",
                                   history_user=admin_user).count() == n
        log = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Task), action_flag=ADDITION,
                                      object_id__in=[str(pk) for pk in created.values_list("pk", flat=True)])
        assert log.count() == n
    assert counts[0] == counts[1], counts


def test_admin_import_of_changes_records_them_as_the_admin(admin_client, admin_user, plan):
    rows = [task_row("1.1", title="Tên mới"), task_row("1.2", title="Nhiệm vụ có sẵn 2", order="2")]

    admin_import_queries(admin_client, rows)

    task = Task.objects.get(plan=plan, number="1.1")
    assert task.title == "Tên mới"
    assert (task.history.latest().history_type, task.history.latest().history_user) == ("~", admin_user)
    assert Task.objects.get(plan=plan, number="1.2").history.count() == 1
    assert LogEntry.objects.filter(object_id=str(task.pk), action_flag=CHANGE).count() == 1


# --- The Python-side checks, against Django's ----------------------------------------------------


CHECK_CASES = [
    Task(timeframe_kind="deadline", due_date=None),
    Task(timeframe_kind="deadline", due_date=datetime.date(2025, 1, 1)),
    Task(timeframe_kind="period", start_date=datetime.date(2025, 1, 1), end_date=None),
    Task(timeframe_kind="period", start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 2, 1)),
    Task(timeframe_kind="ongoing"),
    Plan(start_year=2025, end_year=2024),
    Plan(start_year=2025, end_year=2025, report_due_month=13),
    Plan(start_year=2025, end_year=None, report_due_day=0),
    Plan(start_year=2025, end_year=2030),
    Plan(start_year=2025, end_year=2030, report_due_day=None),  # NULL: unknown, which passes
    Assignment(agency_id=1),
    Assignment(group_id=1),
    Assignment(related_text="các cơ quan liên quan"),
    Assignment(),
    Assignment(agency_id=1, group_id=2),
    Assignment(agency_id=1, related_text="x"),
]


@pytest.mark.parametrize("instance", CHECK_CASES, ids=lambda i: f"{type(i).__name__}-{CHECK_CASES.index(i)}")
def test_check_constraints_evaluated_in_python_agree_with_the_database(db, instance):
    model = type(instance)
    for constraint in model._meta.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        python = compile_condition(constraint.condition, model)(instance)
        against = instance._get_field_expression_map(meta=model._meta)
        assert (python is not False) == Q(constraint.condition).check(against), constraint.name


def test_a_condition_on_a_field_with_an_error_is_not_evaluated_and_other_conditions_are_djangos(db):
    deadline = compile_condition(~Q(timeframe_kind="deadline") | Q(due_date__isnull=False), Task)
    with pytest.raises(RefersToExcluded):
        deadline(Task(timeframe_kind="deadline"), {"due_date"})
    for condition in (Q(plan__code="x"), Q(title__icontains="x"), Q(order__gt=F("order") + 1)):
        with pytest.raises(NotInPython):
            compile_condition(condition, Task)


def test_use_bulk_refuses_many_to_many_cells(db):
    class BulkAgencyResource(AgencyResource):
        successors = Field(attribute="successors", column_name="successors", widget=CodeListWidget(Agency))

        class Meta(AgencyResource.Meta):
            use_bulk = True

    with pytest.raises(ImproperlyConfigured):
        BulkAgencyResource()


# --- A refused batch, a repeated row --------------------------------------------------------------


def test_a_batch_the_database_refuses_is_reported_and_nothing_is_written(plan, importer):
    # A resource that cannot see task 1.1 takes its row for a new task: the database refuses the insert.
    class BlindTaskResource(TaskResource):
        def get_queryset(self):
            return super().get_queryset().exclude(number="1.1")

    before = (Task.objects.count(), history_rows())
    rows = [task_row("5.1"), task_row("1.1", title="Trùng")]

    result = run(csv_bytes(rows), user=importer, resource_class=BlindTaskResource)

    assert result.has_errors()
    assert result_messages(result)[0].startswith("Không ghi được vào cơ sở dữ liệu: ")
    assert (Task.objects.count(), history_rows()) == before


def test_a_second_row_for_the_same_task_leaves_the_first_rows_values_alone(plan, importer):
    # Without rollback (a caller's choice; the admin and import_dataset() always roll back) the valid
    # first row is written as it was, not with the refused second row's cells.
    rows = [task_row("1.1", title="Một"), task_row("1.1", title="Hai", section="II.2")]

    result = TaskResource().import_data(read_dataset(csv_bytes(rows), CSV), user=importer)

    assert types(result) == ["update", "invalid"]
    assert result_messages(result) == [
        "Dòng 3: trùng với dòng 2 (Mã kế hoạch “kh-bulk”, Số nhiệm vụ “1.1”): mỗi nhiệm vụ chỉ được ghi ở một dòng."
    ]
    task = Task.objects.get(plan=plan, number="1.1")
    assert (task.title, task.section.code) == ("Một", "II.1")
    assert task.history.latest().title == "Một"
