"""Import/export of agencies, groups, tasks and assignments (django-import-export, our formats)."""

import csv
import datetime
import io
import unicodedata

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agencies.models import Agency, AgencyGroup
from agencies.resources import AgencyGroupResource, AgencyResource
from exchange.formats import CSV, FORMATS, XLSX, read_dataset
from exchange.resources import import_dataset, result_messages
from tasks.models import Assignment, Plan, Section, Task
from tasks.resources import AssignmentResource, TaskResource
from testing.factories import make_agency, make_group, make_plan, make_section, make_task

RESOURCES = {
    "agency": (AgencyResource, Agency),
    "group": (AgencyGroupResource, AgencyGroup),
    "task": (TaskResource, Task),
    "assignment": (AssignmentResource, Assignment),
}
HISTORY_MODELS = (Agency, AgencyGroup, Plan, Section, Task, Assignment)


def history_count():
    return sum(model.history.count() for model in HISTORY_MODELS)


def export_bytes(resource_class, file_format, queryset=None):
    return file_format().export_data(resource_class().export(queryset))


def import_bytes(resource_class, data, file_format, **kwargs):
    return import_dataset(resource_class(), read_dataset(data, file_format), **kwargs)


def csv_bytes(rows):
    stream = io.StringIO(newline="")
    csv.writer(stream).writerows(rows)
    return stream.getvalue().encode("utf-8")


def csv_rows(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def import_types(result):
    return [row.import_type for row in result.rows]


@pytest.fixture
def plan_data(db):
    """A small plan using every kind of assignee, dates, a target, and texts that look like formulas."""
    tu_phap = make_agency(code="so-tu-phap", name="Sở Tư pháp")
    noi_vu = make_agency(
        code="so-noi-vu", name="Sở Nội vụ", valid_from=datetime.date(2020, 1, 1), valid_to=datetime.date(2025, 6, 30)
    )
    noi_vu.successors.set([tu_phap])
    make_agency(code="bao-bac-giang", name="=Báo Bắc Giang", kind=Agency.Kind.PRESS)
    so_nganh = make_group(code="cac-so-nganh", name="Các sở, ban, ngành", members=[tu_phap, noi_vu])
    plan = make_plan(code="kh-thu")
    s1 = make_section(plan, code="II.1")
    s2 = make_section(plan, code="II.2")
    make_task(
        s1, lead=tu_phap, coordinators=[so_nganh, "các cơ quan, đơn vị có liên quan"], number="1.1",
        title="-Tuyên truyền +chính sách @mọi nơi", content="Dòng một\r\nDòng hai\nDòng ba",
        target_quantity=1, target_unit="hội nghị", target_per_year=True, target_text="01 hội nghị/1 năm",
    )
    make_task(
        s2, lead=so_nganh, number="2.1", title="=SUM(A1:A2) không phải công thức",
        timeframe_kind=Task.Timeframe.DEADLINE, due_date=datetime.date(2024, 11, 30),
        timeframe_text="Hoàn thành trước tháng 12/2024",
    )
    make_task(
        s2, lead=noi_vu, coordinators=[tu_phap], number="2.2", title="Nhiệm vụ giai đoạn",
        timeframe_kind=Task.Timeframe.PERIOD,
        start_date=datetime.date(2023, 1, 1), end_date=datetime.date(2024, 12, 31),
    )
    return plan


@pytest.mark.parametrize("file_format", [CSV, XLSX])
def test_exported_resource_file_escapes_formula_texts_and_imports_back_unchanged(plan_data, file_format):
    before = history_count()
    data = export_bytes(TaskResource, file_format)

    if file_format is CSV:
        titles = [row[3] for row in csv_rows(data)[1:]]
        assert "'=SUM(A1:A2) không phải công thức" in titles
        assert "'-Tuyên truyền +chính sách @mọi nơi" in titles
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        assert all(cell.data_type == "s" for cell in sheet["D"][1:])
    result = import_bytes(TaskResource, data, file_format)
    assert set(import_types(result)) == {"skip"}
    assert history_count() == before


def test_csv_with_semicolons_from_vietnamese_excel_is_read(plan_data):
    data = "\ufeffcode;name;short_name;kind;valid_from;valid_to;head_email;successors\r\n".encode()
    data += "so-tu-phap;Sở Tư pháp;;Sở, ban, ngành;;;;\r\n".encode()

    result = import_bytes(AgencyResource, data, CSV)

    assert not result.has_validation_errors(), result_messages(result)
    assert import_types(result) == ["skip"]


# --- Round trips: exporting then importing the same file changes nothing ----------------------


@pytest.mark.parametrize("file_format", [XLSX, CSV], ids=["xlsx", "csv"])
@pytest.mark.parametrize("name", RESOURCES)
def test_reimporting_an_export_changes_nothing(plan_data, name, file_format):
    resource_class, model = RESOURCES[name]
    before = history_count()
    data = export_bytes(resource_class, file_format)

    result = import_bytes(resource_class, data, file_format)

    assert not result.has_errors() and not result.has_validation_errors(), result_messages(result)
    assert import_types(result) == ["skip"] * model.objects.count()
    assert history_count() == before


@pytest.mark.parametrize("file_format", [XLSX, CSV], ids=["xlsx", "csv"])
@pytest.mark.parametrize("name", RESOURCES)
def test_reimporting_an_export_of_the_seed_changes_nothing(seed, name, file_format):
    resource_class, model = RESOURCES[name]
    before = history_count()
    data = export_bytes(resource_class, file_format)

    result = import_bytes(resource_class, data, file_format)

    assert not result.has_errors() and not result.has_validation_errors(), result_messages(result)
    assert model.objects.count() > 0
    assert import_types(result) == ["skip"] * model.objects.count()
    assert history_count() == before


def selects_during_reimport(resource_class):
    data = export_bytes(resource_class, CSV)
    with CaptureQueriesContext(connection) as ctx:
        result = import_bytes(resource_class, data, CSV)
    assert set(import_types(result)) == {"skip"}
    return [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("SELECT")]


def more_rows(n):
    plan = Plan.objects.get(code="kh-thu")
    for _ in range(n):
        agency = make_agency()
        agency.successors.set([make_agency()])
        group = make_group(members=[agency])
        make_task(make_section(plan), lead=agency, coordinators=[group, "các đơn vị liên quan"])


@pytest.mark.parametrize("name", RESOURCES)
def test_reimport_reads_the_database_a_fixed_number_of_times_whatever_the_rows(plan_data, name):
    # Lookups are cached per file (codes, plans, a plan's sections or tasks) and the existing objects
    # are read in one go: only SAVEPOINT/RELEASE (one transaction step per row) grow with the file.
    resource_class = RESOURCES[name][0]
    more_rows(3)
    few = selects_during_reimport(resource_class)
    more_rows(30)
    many = selects_during_reimport(resource_class)

    assert len(few) == len(many) <= 5, many


# --- Edits -----------------------------------------------------------------------------------


def test_an_edited_row_updates_that_row_and_history_records_it(plan_data, django_user_model):
    user = django_user_model.objects.create_user(username="nhap", password="x")
    rows = csv_rows(export_bytes(TaskResource, CSV))
    header = rows[0]
    # The exported file's headers are Vietnamese (TaskResource.headers).
    assert header[:3] == ["Mã kế hoạch", "Số nhiệm vụ", "Mã mục"]
    row = next(r for r in rows if r[header.index("Số nhiệm vụ")] == "2.2")
    row[header.index("Nhiệm vụ")] = "Nhiệm vụ giai đoạn (đã sửa)"
    row[header.index("Đến ngày")] = "31/12/2025"
    before = Task.history.count()

    result = import_bytes(TaskResource, csv_bytes(rows), CSV, user=user)

    assert sorted(import_types(result)) == ["skip", "skip", "update"]
    task = Task.objects.get(plan__code="kh-thu", number="2.2")
    assert task.title == "Nhiệm vụ giai đoạn (đã sửa)"
    assert task.end_date == datetime.date(2025, 12, 31)
    assert Task.history.count() == before + 1
    latest = task.history.latest()
    assert latest.history_type == "~" and latest.history_user == user


def test_an_edited_xlsx_cell_updates_the_agency(plan_data):
    book = openpyxl.load_workbook(io.BytesIO(export_bytes(AgencyResource, XLSX)))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("Mã cơ quan")].value == "so-noi-vu":
            row[header.index("Hoạt động đến ngày")].value = datetime.datetime(2025, 3, 1)  # typed as a date in Excel
            row[header.index("Tên đầy đủ")].value = "Sở Nội vụ tỉnh"
    stream = io.BytesIO()
    book.save(stream)

    result = import_bytes(AgencyResource, stream.getvalue(), XLSX)

    assert import_types(result).count("update") == 1
    agency = Agency.objects.get(code="so-noi-vu")
    assert (agency.name, agency.valid_to) == ("Sở Nội vụ tỉnh", datetime.date(2025, 3, 1))
    assert agency.search_text.startswith("so-noi-vu so noi vu tinh")


def test_new_rows_are_created_and_choice_labels_are_accepted(plan_data):
    rows = [
        ["plan", "task", "role", "agency", "group", "related_text", "note", "order"],
        ["kh-thu", "2.1", "Phối hợp", "so-noi-vu", "", "", "", "3"],
    ]

    result = import_bytes(AssignmentResource, csv_bytes(rows), CSV)

    assert import_types(result) == ["new"], result_messages(result)
    assert Assignment.objects.filter(task__number="2.1", role="coordinator", agency__code="so-noi-vu").exists()


def test_group_members_are_replaced_from_the_code_list(plan_data):
    rows = [
        ["code", "name", "description", "members"],
        ["cac-so-nganh", "Các sở, ban, ngành", "", "so-tu-phap; bao-bac-giang"],
    ]

    result = import_bytes(AgencyGroupResource, csv_bytes(rows), CSV)

    assert import_types(result) == ["update"], result_messages(result)
    group = AgencyGroup.objects.get(code="cac-so-nganh")
    assert sorted(group.members.values_list("code", flat=True)) == ["bao-bac-giang", "so-tu-phap"]


def test_imported_text_is_stored_nfc_and_an_nfd_copy_counts_as_unchanged(plan_data):
    nfd = unicodedata.normalize("NFD", "Sở Tư pháp")
    rows = [
        ["code", "name", "short_name", "kind"],
        ["so-tu-phap", nfd, "", "department"],
        ["so-moi", nfd + " mới", "", "department"],
    ]

    result = import_bytes(AgencyResource, csv_bytes(rows), CSV)

    assert import_types(result) == ["skip", "new"], result_messages(result)
    assert Agency.objects.get(code="so-moi").name == unicodedata.normalize("NFC", "Sở Tư pháp mới")


# --- Bad rows: the whole file is refused, with the row's number --------------------------------

ASSIGNMENT_HEADER = ["plan", "task", "role", "agency", "group", "related_text", "note", "order"]
GOOD_ASSIGNMENT = ["kh-thu", "2.2", "coordinator", "bao-bac-giang", "", "", "", "5"]


@pytest.mark.parametrize(
    "bad_row, message",
    [
        (["kh-thu", "2.1", "coordinator", "xyz", "", "", "", "1"], "Dòng 3: không có cơ quan mã “xyz”."),
        (["kh-thu", "2.1", "coordinator", "", "nhom-xyz", "", "", "1"], "Dòng 3: không có nhóm cơ quan mã “nhom-xyz”."),
        (["kh-xyz", "2.1", "coordinator", "so-noi-vu", "", "", "", "1"], "Dòng 3: không có kế hoạch mã “kh-xyz”."),
        (
            ["kh-thu", "9.9", "coordinator", "so-noi-vu", "", "", "", "1"],
            "Dòng 3: kế hoạch “kh-thu” không có nhiệm vụ số “9.9”.",
        ),
        (["kh-thu", "2.1", "giám sát", "so-noi-vu", "", "", "", "1"], "Dòng 3: “giám sát” không hợp lệ"),
        (["kh-thu", "2.1", "coordinator", "", "", "", "", "1"], "Dòng 3: mỗi dòng ghi đúng một trong ba cột"),
    ],
    ids=["agency", "group", "plan", "task", "role", "no-assignee"],
)
def test_a_file_with_one_bad_row_is_refused_whole_with_that_rows_number(plan_data, bad_row, message):
    before = (Assignment.objects.count(), history_count())
    data = csv_bytes([ASSIGNMENT_HEADER, GOOD_ASSIGNMENT, bad_row])

    result = import_bytes(AssignmentResource, data, CSV)

    assert result.has_validation_errors()
    assert any(m.startswith(message) for m in result_messages(result)), result_messages(result)
    assert (Assignment.objects.count(), history_count()) == before  # the good row 2 was not kept


TASK_HEADER = ["plan", "number", "section", "title", "timeframe_kind", "due_date"]
TASK_RENAMED = ["kh-thu", "1.1", "II.1", "Đổi tên", "ongoing", ""]


@pytest.mark.parametrize(
    "resource_class, rows, message",
    [
        (
            AgencyGroupResource,
            [
                ["code", "name", "members"],
                ["cac-so-nganh", "Các sở", "so-tu-phap"],
                ["nhom-moi", "Nhóm mới", "so-tu-phap, xyz"],
            ],
            "Dòng 3: không có cơ quan mã “xyz”.",
        ),
        (
            TaskResource,
            [TASK_HEADER, TASK_RENAMED, ["kh-thu", "3.1", "II.9", "Mới", "ongoing", ""]],
            "Dòng 3: kế hoạch “kh-thu” không có mục mã “II.9”.",
        ),
        (
            TaskResource,
            [TASK_HEADER, TASK_RENAMED, ["kh-thu", "2.1", "II.2", "x", "deadline", "31/11/2024"]],
            "Dòng 3: “31/11/2024” không phải ngày hợp lệ",
        ),
        (
            TaskResource,
            [TASK_HEADER, TASK_RENAMED, ["kh-thu", "2.1", "II.2", "x", "deadline", ""]],
            "Dòng 3: nhiệm vụ có thời hạn cần ngày ở cột “Hạn hoàn thành”.",
        ),
        (
            AgencyResource,
            [
                ["code", "name", "successors"],
                ["so-tu-phap", "Sở Tư pháp mới", ""],
                ["so-noi-vu", "Sở Nội vụ", "so-xyz"],
            ],
            "Dòng 3: không có cơ quan mã “so-xyz”.",
        ),
    ],
    ids=["group-member", "task-section", "task-date", "task-deadline", "agency-successor"],
)
def test_other_resources_refuse_the_whole_file_too(plan_data, resource_class, rows, message):
    before = history_count()

    result = import_bytes(resource_class, csv_bytes(rows), CSV)

    assert result.has_validation_errors()
    assert any(m.startswith(message) for m in result_messages(result)), result_messages(result)
    assert history_count() == before


def test_a_file_without_the_key_columns_is_refused_with_a_message(plan_data):
    result = import_bytes(TaskResource, csv_bytes([["number", "title"], ["1.1", "x"]]), CSV)

    assert result.has_errors()
    assert result_messages(result) == ["Tệp thiếu cột bắt buộc: Mã kế hoạch."]


def test_a_file_with_an_unknown_column_is_refused_before_any_row(plan_data):
    before = history_count()
    result = import_bytes(TaskResource, csv_bytes([["plan", "number", "titel"], ["kh-thu", "1.1", "x"]]), CSV)

    assert result.has_errors()
    assert "Tệp có cột không nhận ra: titel." in result_messages(result)[0]
    assert history_count() == before


def test_blank_rows_inside_the_table_are_skipped_and_keep_row_numbers(plan_data):
    rows = [ASSIGNMENT_HEADER, GOOD_ASSIGNMENT, [""] * 8, ["kh-thu", "2.1", "coordinator", "xyz", "", "", "", "1"]]

    result = import_bytes(AssignmentResource, csv_bytes(rows), CSV)

    assert any(m.startswith("Dòng 4: không có cơ quan mã “xyz”.") for m in result_messages(result))


# --- Through the admin ------------------------------------------------------------------------

CSV_INDEX = str(FORMATS.index(CSV))
XLSX_INDEX = str(FORMATS.index(XLSX))


def admin_export(client, model, file_format_index):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_export")
    form = client.get(url).context["form"]
    data = {name: "on" for name, field in form.fields.items() if getattr(field, "is_selectable_field", False)}
    response = client.post(url, {"format": file_format_index, "resource": "0", **data})
    assert response.status_code == 200
    return response.content


def admin_import(client, model, content, file_format_index, filename):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")
    upload = SimpleUploadedFile(filename, content)
    return client.post(url, {"format": file_format_index, "resource": "0", "import_file": upload})


def admin_confirm(client, model, response):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_process_import")
    return client.post(url, response.context["confirm_form"].initial, follow=True)


@pytest.mark.parametrize("index, filename", [(CSV_INDEX, "tasks.csv"), (XLSX_INDEX, "tasks.xlsx")])
def test_admin_export_then_import_and_confirm_changes_nothing(admin_client, plan_data, index, filename):
    before = history_count()
    content = admin_export(admin_client, Task, index)

    preview = admin_import(admin_client, Task, content, index, filename)
    assert preview.status_code == 200
    assert "confirm_form" in preview.context, preview.content.decode()[:3000]
    assert [r.import_type for r in preview.context["result"].rows] == ["skip"] * 3
    done = admin_confirm(admin_client, Task, preview)

    assert done.redirect_chain[-1][0] == reverse("admin:tasks_task_changelist")
    # django-import-export's message, in Vietnamese from locale/vi.
    assert "Nhập xong: 0 mới, 0 cập nhật, 0 xóa, 3 bỏ qua" in done.content.decode()
    assert history_count() == before


def test_admin_round_trip_of_the_seed_changes_nothing(admin_client, seed):
    before = history_count()
    content = admin_export(admin_client, Assignment, CSV_INDEX)

    preview = admin_import(admin_client, Assignment, content, CSV_INDEX, "assignments.csv")
    admin_confirm(admin_client, Assignment, preview)

    assert set(r.import_type for r in preview.context["result"].rows) == {"skip"}
    assert history_count() == before


def test_admin_import_of_an_edit_is_saved_with_the_admin_as_history_user(admin_client, admin_user, plan_data):
    rows = csv_rows(admin_export(admin_client, Task, CSV_INDEX))
    header = rows[0]
    rows[1][header.index("Nhiệm vụ")] = "Tiêu đề mới"
    number = rows[1][header.index("Số nhiệm vụ")]

    preview = admin_import(admin_client, Task, csv_bytes(rows), CSV_INDEX, "tasks.csv")
    admin_confirm(admin_client, Task, preview)

    task = Task.objects.get(plan__code="kh-thu", number=number)
    assert task.title == "Tiêu đề mới"
    assert task.history.latest().history_user == admin_user


def test_admin_import_with_a_bad_row_shows_its_number_and_offers_no_confirm(admin_client, plan_data):
    before = (Task.objects.count(), history_count())
    rows = [
        ["plan", "number", "section", "title"],
        ["kh-thu", "5.1", "II.1", "Nhiệm vụ mới hợp lệ"],
        ["xyz", "5.2", "II.1", "Kế hoạch không có"],
    ]

    response = admin_import(admin_client, Task, csv_bytes(rows), CSV_INDEX, "tasks.csv")

    assert response.status_code == 200
    assert "confirm_form" not in response.context
    page = response.content.decode()
    assert "Dòng 3: không có kế hoạch mã “xyz”." in page
    assert "Traceback" not in page
    assert (Task.objects.count(), history_count()) == before


def test_admin_import_of_a_file_missing_columns_shows_a_message_not_a_traceback(admin_client, plan_data):
    response = admin_import(admin_client, Task, csv_bytes([["number", "title"], ["1.1", "x"]]), CSV_INDEX, "t.csv")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Tệp thiếu cột bắt buộc: Mã kế hoạch." in page
    assert "Traceback" not in page and "confirm_form" not in response.context


def test_admin_import_of_an_unreadable_file_shows_a_message(admin_client, plan_data):
    response = admin_import(admin_client, Task, b"not a spreadsheet", XLSX_INDEX, "tasks.xlsx")

    assert response.status_code == 200
    assert "Không đọc được tệp XLSX" in response.content.decode()


def test_admin_refuses_an_import_file_over_the_size_cap(admin_client, plan_data, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    before = history_count()
    rows = [["plan", "number", "section", "title"]] + [["kh-thu", f"9.{i}", "II.1", "x" * 20] for i in range(10)]
    content = csv_bytes(rows)

    response = admin_import(admin_client, Task, content, CSV_INDEX, "tasks.csv")

    assert response.status_code == 200
    assert "Tệp quá lớn" in response.content.decode()
    assert "confirm_form" not in response.context
    assert history_count() == before


def test_admin_confirm_refuses_a_file_that_went_bad_after_the_preview(admin_client, plan_data):
    rows = [["plan", "number", "section", "title"], ["kh-thu", "5.1", "II.1", "Mới"]]
    preview = admin_import(admin_client, Task, csv_bytes(rows), CSV_INDEX, "tasks.csv")
    Section.objects.filter(code="II.1").update(code="II.9")  # someone renamed the section meanwhile

    done = admin_confirm(admin_client, Task, preview)

    page = done.content.decode()
    assert "Dòng 2: kế hoạch “kh-thu” không có mục mã “II.1”." in page
    assert not Task.objects.filter(number="5.1").exists()


def test_exported_xlsx_has_vietnamese_headers_and_real_date_and_number_cells(plan_data):
    book = openpyxl.load_workbook(io.BytesIO(export_bytes(TaskResource, XLSX)))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert "Hạn hoàn thành" in header and "due_date" not in header and "plan" not in header
    cells = {c.value: i for i, c in enumerate(sheet[1])}
    rows = list(sheet.iter_rows(min_row=2))
    dates = [r[cells["Hạn hoàn thành"]] for r in rows if r[cells["Hạn hoàn thành"]].value is not None]
    assert dates and all(c.is_date and c.number_format == "DD/MM/YYYY" for c in dates)
    assert all(isinstance(r[cells["Thứ tự"]].value, int) for r in rows)
    # Read back, the file changes nothing.
    assert set(import_types(import_bytes(TaskResource, export_bytes(TaskResource, XLSX), XLSX))) == {"skip"}


def test_headers_are_read_without_accents_and_old_machine_headers_still_work(plan_data):
    rows = [["ma ke hoach", "SO NHIEM VU", "role", "Mã cơ quan", "group", "related_text", "note", "order"],
            ["kh-thu", "2.1", "coordinator", "so-noi-vu", "", "", "", "3"]]
    result = import_bytes(AssignmentResource, csv_bytes(rows), CSV)
    assert import_types(result) == ["new"], result_messages(result)


def test_admin_preview_starts_with_a_summary_and_shows_changed_rows_first(admin_client, plan_data):
    rows = csv_rows(admin_export(admin_client, Task, CSV_INDEX))
    header = rows[0]
    last = rows[-1]
    last[header.index("Nhiệm vụ")] = "Tiêu đề đã sửa ở dòng cuối"
    new = list(last)
    new[header.index("Số nhiệm vụ")] = "9.9"
    rows.append(new)

    page = admin_import(admin_client, Task, csv_bytes(rows), CSV_INDEX, "tasks.csv").content.decode()

    summary = page.split('class="import-summary"')[1].split("</ul>")[0]
    unchanged = len(rows) - 3
    assert "<strong>1</strong> dòng thay đổi" in summary and "<strong>1</strong> dòng mới" in summary
    assert f"<strong>{unchanged}</strong> dòng không đổi" in summary and "<strong>0</strong> dòng lỗi" in summary
    table = page.split('class="import-preview"')[1]
    assert table.index('class="update"') < table.index('class="new"') < table.index('class="skip"')


def test_admin_preview_names_a_bad_rows_column_by_its_vietnamese_header(admin_client, plan_data):
    rows = [["Mã kế hoạch", "Số nhiệm vụ", "Mã mục", "Nhiệm vụ", "Loại thời gian"],
            ["kh-thu", "5.1", "II.1", "Nhiệm vụ có hạn", "deadline"]]
    page = admin_import(admin_client, Task, csv_bytes(rows), CSV_INDEX, "tasks.csv").content.decode()
    assert "<code>Hạn hoàn thành</code> · Dòng 2: nhiệm vụ có thời hạn cần ngày ở cột “Hạn hoàn thành”." in page
    assert "<code>due_date</code>" not in page
