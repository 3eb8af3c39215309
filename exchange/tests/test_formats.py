"""The CSV and XLSX formats: formulas never reach a spreadsheet, round trips are exact, unreadable
or oversized files get a message, and calamine reads a workbook as openpyxl does."""

import csv
import datetime
import io
import zipfile

import openpyxl
import pytest
import tablib

from exchange.formats import (
    CSV,
    FORMULA_PREFIXES,
    XLSX,
    FileReadError,
    escape_csv_cell,
    looks_like_formula,
    read_dataset,
)


def csv_rows(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# --- Formula injection -----------------------------------------------------------------------------

DANGEROUS = [prefix + "cmd|' /C calc'!A0" for prefix in FORMULA_PREFIXES]


def one_column(values):
    dataset = tablib.Dataset(headers=["value"])
    for value in values:
        dataset.append([value])
    return dataset


def test_one_rule_decides_what_looks_like_a_formula():
    for prefix in FORMULA_PREFIXES:
        assert looks_like_formula(prefix + "x")
        assert escape_csv_cell(prefix + "x") == "'" + prefix + "x"
    for text in ["", "x=1", " =1", "#N/A", "Đặng", "_x000D_=1"]:
        assert not looks_like_formula(text)
        assert escape_csv_cell(text) == text


@pytest.mark.parametrize("value", DANGEROUS, ids=[repr(p) for p in FORMULA_PREFIXES])
def test_csv_export_puts_an_apostrophe_before_formula_characters(value):
    data = CSV().export_data(one_column([value]))

    rows = csv_rows(data)
    assert rows[1] == ["'" + value]


@pytest.mark.parametrize("value", DANGEROUS, ids=[repr(p) for p in FORMULA_PREFIXES])
def test_csv_import_removes_that_apostrophe_so_the_round_trip_is_exact(value):
    data = CSV().export_data(one_column([value]))

    assert CSV().create_dataset(data)["value"] == [value]


@pytest.mark.parametrize("value", ["'abc", "'=x", "''+1", "it's = fine", "plain"])
def test_csv_round_trip_is_exact_for_texts_with_apostrophes_of_their_own(value):
    data = CSV().export_data(one_column([value]))

    assert CSV().create_dataset(data)["value"] == [value]


@pytest.mark.parametrize("value", DANGEROUS, ids=[repr(p) for p in FORMULA_PREFIXES])
def test_xlsx_export_stores_formula_characters_as_text_never_as_formula(value):
    data = XLSX().export_data(one_column([value]))

    cell = openpyxl.load_workbook(io.BytesIO(data)).active["A2"]
    assert cell.data_type == "s"
    assert cell.quotePrefix  # Excel keeps it text even when the cell is edited
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml
    assert XLSX().create_dataset(data)["value"] == [value]


@pytest.mark.parametrize("value", ["#N/A", "1.10", "15/11/2025", "a_x000D_b", "x\r\ny"])
def test_xlsx_keeps_texts_that_look_like_numbers_errors_or_escapes(value):
    data = XLSX().export_data(one_column([value]))

    assert openpyxl.load_workbook(io.BytesIO(data)).active["A2"].data_type == "s"
    assert XLSX().create_dataset(data)["value"] == [value]


# --- Reading files ---------------------------------------------------------------------------------


def test_csv_not_in_utf8_is_refused_with_a_message():
    with pytest.raises(FileReadError, match="UTF-8"):
        # "Sở" as plain "CSV" from Excel on Vietnamese Windows writes it: cp1258, ơ + combining hook.
        CSV().create_dataset(b"code,name\r\nx,S\xf5\xd2\r\n")


def test_files_over_the_size_cap_are_refused(settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 10
    with pytest.raises(FileReadError, match="Tệp quá lớn"):
        read_dataset(b"code,name\r\nabc,def\r\n", CSV)


def tricky_workbook():
    dataset = tablib.Dataset(headers=["text", "number", "date", "empty", "flag"])
    texts = ["=SUM(A1)", "+x", "-y", "@z", "\tt", "\rr", "\0n", "_x0041_", "_x005F_", "a\r\nb", "'=x", "#N/A",
             "6", "1.1", "00123", "Đặng Thị Hà", " lề "]
    for i, text in enumerate(texts):
        dataset.append([text, i, "", "", ""])
    book = openpyxl.load_workbook(io.BytesIO(XLSX().export_data(dataset)))
    sheet = book.active
    sheet["B3"], sheet["B4"], sheet["B5"] = 2.5, -7, 10**12
    sheet["C2"], sheet["C3"] = datetime.datetime(2025, 3, 1), datetime.datetime(2025, 3, 1, 10, 30)
    sheet["E2"], sheet["E3"] = True, False
    sheet.insert_rows(1)  # a blank first row and column: row numbers must stay the spreadsheet's
    sheet.insert_cols(1)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def test_calamine_reads_a_workbook_exactly_as_openpyxl_does():
    data = tricky_workbook()

    fast = XLSX._read_calamine(data)

    assert fast == XLSX._read_openpyxl(data)
    assert fast[2][1:4] == ["=SUM(A1)", 0, datetime.datetime(2025, 3, 1)]


def test_a_workbook_with_formula_errors_is_read_with_openpyxl_keeping_the_error_text():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["plan", "number"])
    sheet.append(["kh", "1.1"])
    sheet["B2"].value, sheet["B2"].data_type = "#N/A", "e"
    stream = io.BytesIO()
    book.save(stream)

    dataset = XLSX().create_dataset(stream.getvalue())

    assert list(dataset[0]) == ["kh", "#N/A"]
