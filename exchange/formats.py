"""File formats: formula escaping (CSV and XLSX), the CSV and XLSX formats offered for import and
export (``FORMATS``), and reading an uploaded file into a dataset (``read_dataset``)."""

import csv
import datetime
import io
import re
import zipfile

import tablib
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from import_export.formats import base_formats

from .zipguard import ZipBombError, check_archive


# --------------------------------------------------------------------------------------------
# Formula injection (OWASP ASVS 1.2.10 lists = + - @ tab NUL; OWASP's CSV-injection page adds CR)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")


def looks_like_formula(text):
    """Whether a spreadsheet could take ``text`` for a formula: it starts with one of
    FORMULA_PREFIXES. openpyxl would store "=…" as a formula; Excel would also run "+", "-", "@" and
    tab-led text typed back into a cell. The one rule for every CSV and XLSX file the site writes."""
    return text.startswith(FORMULA_PREFIXES)


# A cell gets an apostrophe when it starts with a formula character, possibly behind apostrophes
# of its own: "'=x" is written "''=x". Import removes exactly one apostrophe under the same rule,
# so the round trip is exact for every string (an "'abc" that was never escaped stays as it is).
_CSV_NEEDS_QUOTE = re.compile("'*[%s]" % re.escape("".join(FORMULA_PREFIXES)))


def escape_csv_cell(value):
    if isinstance(value, str) and _CSV_NEEDS_QUOTE.match(value):
        return "'" + value
    return value


def unescape_csv_cell(value):
    if isinstance(value, str) and value.startswith("'") and _CSV_NEEDS_QUOTE.match(value):
        return value[1:]
    return value


# XLSX is XML: NUL and most control characters cannot be stored, and XML readers turn CR into LF.
# OOXML's own escape (_xHHHH_, with "_x005F_" for a literal underscore before such a sequence) keeps
# them; Excel reads and writes the same escapes.
_XLSX_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f]")
_XLSX_LITERAL_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_XLSX_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escape_xlsx_text(value):
    value = _XLSX_LITERAL_ESCAPE.sub("_x005F_", value)
    return _XLSX_CONTROL.sub(lambda m: "_x%04X_" % ord(m.group()), value)


def unescape_xlsx_text(value):
    return _XLSX_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)


class FileReadError(ValueError):
    """A file that cannot be read as a table; the message is for the user."""


def _trim_trailing_blank_rows(rows):
    while rows and all(cell in (None, "") for cell in rows[-1]):
        rows.pop()
    return rows


def _dataset(rows):
    """A tablib Dataset from a header row and data rows, padded to the header's width.

    Blank rows inside the table are kept, so row numbers in messages match the spreadsheet.
    """
    rows = _trim_trailing_blank_rows(list(rows))
    if not rows:
        return tablib.Dataset()
    headers = list(rows[0])
    # Spreadsheets often carry empty formatted columns on the right.
    while headers and headers[-1] in (None, ""):
        headers.pop()
    width = len(headers)
    dataset = tablib.Dataset(headers=["" if h is None else str(h) for h in headers])
    for number, row in enumerate(rows[1:], start=2):
        row = list(row)
        extra = row[width:]
        if any(cell not in (None, "") for cell in extra):
            raise FileReadError(
                gettext("Dòng %(line)s có nhiều ô hơn dòng tiêu đề (%(width)s cột).") % {"line": number, "width": width}
            )
        row = row[:width] + [None] * (width - len(row))
        dataset.append(row)
    return dataset


class CSV(base_formats.CSV):
    """UTF-8 CSV (with a BOM on export, so Excel shows Vietnamese), formula-safe both ways.

    Declared binary so django-import-export hands us bytes: we decode them ourselves and keep CR/LF
    inside quoted cells exactly (text-mode reading would turn "\\r\\n" into "\\n").
    """

    CONTENT_TYPE = "text/csv; charset=utf-8"

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            if in_stream.startswith(b"PK\x03\x04"):
                raise FileReadError(gettext("Tệp này là bảng tính XLSX: hãy chọn định dạng xlsx."))
            try:
                in_stream = in_stream.decode(self.encoding or "utf-8-sig")
            except UnicodeDecodeError:
                raise FileReadError(
                    gettext("Tệp CSV không ở mã UTF-8. Trong Excel, hãy lưu bằng “CSV UTF-8 (Comma delimited)”.")
                ) from None
        text = in_stream.removeprefix("\ufeff")
        first_line = text.split("\n", 1)[0]
        # Excel with Vietnamese regional settings separates CSV cells with ";".
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        try:
            rows = [
                [unescape_csv_cell(cell) for cell in row]
                for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            ]
        except csv.Error as e:
            raise FileReadError(gettext("Không đọc được tệp CSV: %(error)s") % {"error": e}) from None
        return _dataset(rows)

    def export_data(self, dataset, **kwargs):
        stream = io.StringIO(newline="")
        writer = csv.writer(stream)
        if dataset.headers:
            writer.writerow([escape_csv_cell(h) for h in dataset.headers])
        for row in dataset:
            writer.writerow([escape_csv_cell(cell) for cell in row])
        return stream.getvalue().encode("utf-8-sig")


def _xlsx_cell(value):
    """A cell read by calamine, as openpyxl reads it: None when empty, int for whole numbers,
    datetime for date cells."""
    kind = type(value)
    if kind is str:
        return value or None
    if kind is float and value.is_integer():
        return int(value)
    if kind is datetime.date:
        return datetime.datetime(value.year, value.month, value.day)
    return value


def _xlsx_has_error_cells(data):
    """Whether a worksheet has a cell showing a formula error (#N/A, #REF!…): calamine reads those
    as empty, openpyxl as their text, which the row's checks then refuse or keep as it was typed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                # Read in pieces (a sheet may be tens of MB), each searched with the end of the one before.
                with archive.open(name) as sheet:
                    tail = b""
                    while piece := sheet.read(1024 * 1024):
                        window = tail + piece
                        if b't="e"' in window or b"t='e'" in window:
                            return True
                        tail = window[-4:]
    return False


class XLSX(base_formats.XLSX):
    """XLSX whose text cells are always text: never a formula, an error code or a number.

    Read with calamine (Rust; a 10,000-row sheet in 0.3 s, openpyxl takes 2.7 s), its cells made
    what openpyxl gives (``_xlsx_cell``); a workbook with formula-error cells is read with openpyxl.
    """

    def create_dataset(self, in_stream, **kwargs):
        # Before any member is read: a small file may unpack to gigabytes (exchange.zipguard).
        unreadable = gettext("Không đọc được tệp XLSX: tệp hỏng hoặc không phải bảng tính Excel.")
        try:
            check_archive(in_stream)
        except ZipBombError as e:
            raise FileReadError(str(e)) from None
        except Exception:  # no zip, or a broken one
            raise FileReadError(unreadable) from None
        try:
            rows = None if _xlsx_has_error_cells(in_stream) else self._read_calamine(in_stream)
            if rows is None:
                rows = self._read_openpyxl(in_stream)
        except Exception:  # zipfile, XML, calamine and openpyxl errors all mean "not an XLSX file"
            raise FileReadError(unreadable) from None
        return _dataset(rows)

    @staticmethod
    def _read_calamine(data):
        from python_calamine import CalamineWorkbook, SheetTypeEnum

        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            sheets = [i for i, meta in enumerate(book.sheets_metadata) if meta.typ == SheetTypeEnum.WorkSheet]
            if not sheets:
                return []
            # calamine decodes the _xHHHH_ escapes itself.
            table = book.get_sheet_by_index(sheets[0]).to_python(skip_empty_area=False)
        return [[_xlsx_cell(v) for v in row] for row in table]

    @staticmethod
    def _read_openpyxl(data):
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            return [
                [unescape_xlsx_text(v) if isinstance(v, str) else v for v in row]
                for row in sheet.iter_rows(values_only=True)
            ]
        finally:
            book.close()

    def export_data(self, dataset, **kwargs):
        import openpyxl
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = re.sub(r"[\\*?:/\[\]]", "-", dataset.title or "Sheet1")[:31]
        rows = ([list(dataset.headers)] if dataset.headers else []) + [list(row) for row in dataset]
        widths = {}
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = sheet.cell(row=r, column=c)
                native = getattr(value, "value", None)  # exchange.widgets.Cell: a date or a number
                if isinstance(native, (datetime.date, int)) and not isinstance(native, bool):
                    cell.value = native
                    if isinstance(native, datetime.date):
                        cell.number_format = "DD/MM/YYYY"
                elif isinstance(value, str):
                    cell.value = escape_xlsx_text(value)
                    # openpyxl would store "=…" as a formula and "#N/A" as an error: force text.
                    cell.data_type = "s"
                    if looks_like_formula(value):
                        # Excel's "text, not formula" flag: stays text even when the cell is edited.
                        cell.quotePrefix = True
                else:
                    cell.value = value
                widths[c] = max(widths.get(c, 0), len(str(value)))
        if dataset.headers:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            sheet.freeze_panes = "A2"
        for c, width in widths.items():
            sheet.column_dimensions[get_column_letter(c)].width = min(max(width, 8) + 2, 60)
        stream = io.BytesIO()
        book.save(stream)
        return stream.getvalue()


#: The only formats offered for import and export (admin ``formats``).
FORMATS = [XLSX, CSV]


def too_big_message(size):
    return gettext("Tệp quá lớn (%(size)s); chỉ nhận tệp đến %(max)s.") % {
        "size": filesizeformat(size),
        "max": filesizeformat(settings.IMPORT_MAX_UPLOAD_BYTES),
    }


def read_dataset(data, file_format):
    """A Dataset from uploaded bytes in one of FORMATS, refusing files over the size cap."""
    if len(data) > settings.IMPORT_MAX_UPLOAD_BYTES:
        raise FileReadError(too_big_message(len(data)))
    return file_format().create_dataset(data)
