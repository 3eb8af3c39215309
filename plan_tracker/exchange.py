"""Import/export shared by the apps: file formats, widgets keyed by business codes, a base resource,
and the admin mixins (accent-free search, import/export with our formats and permissions).

Rules every import follows (see ENGINEERING.md, django-import-export 4.4):

* Rows are found by business codes (agency code, plan code + task number…), never by ids.
* An unchanged row is skipped: re-importing an export writes nothing and adds no history row.
* One bad row refuses the whole file: ``rollback_on_validation_errors=True`` everywhere, and the
  admin offers no confirm step. Messages name the spreadsheet row: “Dòng 3: …” (the header is row 1).
* Validation is the model's own (fields, ``clean()``, check and unique constraints), done in Python
  against what the import read once, not with queries per row; two rows with the same key are refused.
* Rows are saved one by one through ``Model.save()``, or, for resources that set ``use_bulk`` (tasks,
  assignments), in batches that still fill what ``save()`` computes (NFC text, ``search_text``) and
  write one simple-history row per created or changed object. The admin's preview writes nothing.
* Text that a spreadsheet could take for a formula (= + - @ tab CR NUL first) never becomes one:
  CSV cells get a leading apostrophe (OWASP ASVS 1.2.10) that import removes again; XLSX cells are
  written as text.
"""

import csv
import datetime
import functools
import io
import operator
import re
import zipfile
from functools import partial, reduce
from operator import or_

import tablib
from diff_match_patch import diff_match_patch
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db import router
from django.db.models import CheckConstraint, F, Model, Q, UniqueConstraint
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ImportForm
from import_export.instance_loaders import ModelInstanceLoader
from import_export.results import RowResult
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from plan_tracker.text import fold, nfc

# --------------------------------------------------------------------------------------------
# Formula injection (OWASP ASVS 1.2.10 lists = + - @ tab NUL; OWASP's CSV-injection page adds CR)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")

# A cell gets an apostrophe when it starts with a formula character, possibly behind apostrophes
# of its own: "'=x" is written "''=x". Import removes exactly one apostrophe under the same rule,
# so the round trip is exact for every string (an "'abc" that was never escaped stays as it is).
_CSV_NEEDS_QUOTE = re.compile(r"'*[=+\-@\t\r\0]")


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
                xml = archive.read(name)
                if b't="e"' in xml or b"t='e'" in xml:
                    return True
    return False


class XLSX(base_formats.XLSX):
    """XLSX whose text cells are always text: never a formula, an error code or a number.

    Read with calamine (Rust; a 10,000-row sheet in 0.3 s, openpyxl takes 2.7 s), its cells made
    what openpyxl gives (``_xlsx_cell``); a workbook with formula-error cells is read with openpyxl.
    """

    def create_dataset(self, in_stream, **kwargs):
        try:
            rows = None if _xlsx_has_error_cells(in_stream) else self._read_calamine(in_stream)
            if rows is None:
                rows = self._read_openpyxl(in_stream)
        except Exception:  # zipfile, XML, calamine and openpyxl errors all mean "not an XLSX file"
            raise FileReadError(gettext("Không đọc được tệp XLSX: tệp hỏng hoặc không phải bảng tính Excel.")) from None
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
                if isinstance(value, str):
                    cell.value = escape_xlsx_text(value)
                    # openpyxl would store "=…" as a formula and "#N/A" as an error: force text.
                    cell.data_type = "s"
                    if value.startswith(FORMULA_PREFIXES):
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


# --------------------------------------------------------------------------------------------
# Widgets. Each raises ValueError with a Vietnamese message; the resource adds “Dòng N: ”.


def _cell_text(value):
    """A cell as text, NFC-normalised and stripped like the models' save(); empty cells are ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet turned "6" into 6.0
    return nfc(value)


class TextWidget(widgets.CharWidget):
    """Text, NFC-normalised and stripped like the models' save(); empty cells are ""."""

    def clean(self, value, row=None, **kwargs):
        return _cell_text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class DateWidget(widgets.Widget):
    """Dates as d/m/Y (15/11/2025); ISO dates and spreadsheet date cells are read too."""

    FORMAT = "%d/%m/%Y"
    INPUT_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y")

    def clean(self, value, row=None, **kwargs):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        match = _DMY.fullmatch(text)
        if match:  # the common case, without strptime's cost
            try:
                return datetime.date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                pass  # 31/11/2024: refused below, like any other text
        for fmt in self.INPUT_FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                pass
        raise ValueError(
            gettext("“%(value)s” không phải ngày hợp lệ (ngày/tháng/năm, ví dụ 15/11/2025).") % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        return value.strftime(self.FORMAT) if value else ""


class IntegerWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        if re.fullmatch(r"[+-]?\d{1,18}", text):
            return int(text)
        raise ValueError(gettext("“%(value)s” không phải số nguyên.") % {"value": text})

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class BooleanWidget(widgets.BooleanWidget):
    TRUE = {"1", "true", "co", "x", "yes", "dung"}
    FALSE = {"0", "false", "khong", "no", "sai"}

    def clean(self, value, row=None, **kwargs):
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return value
        key = fold(str(value))
        if key in self.TRUE:
            return True
        if key in self.FALSE:
            return False
        raise ValueError(gettext("“%(value)s” không phải có/không (dùng 1 hoặc 0).") % {"value": value})


class ChoiceWidget(widgets.Widget):
    """A choice field: exports the stable code, imports the code or the Vietnamese label."""

    def __init__(self, choices, **kwargs):
        kwargs.pop("allow_blank", None)
        super().__init__(coerce_to_string=kwargs.pop("coerce_to_string", True))
        self.choices = [(str(v), str(label)) for v, label in choices]
        self._codes = {}  # folded code or label -> code (the first choice that has it), once per widget
        for code, label in self.choices:
            self._codes.setdefault(fold(code), code)
            self._codes.setdefault(fold(label), code)

    def clean(self, value, row=None, **kwargs):
        if value is None or not str(value).strip():
            return ""
        code = self._codes.get(value) if isinstance(value, str) else None  # an exported code, as it is
        if code is None:
            code = self._codes.get(fold(str(value)))
        if code is not None:
            return code
        raise ValueError(
            gettext("“%(value)s” không hợp lệ; dùng một trong: %(choices)s.")
            % {"value": nfc(value), "choices": ", ".join(f"{c} ({label})" for c, label in self.choices)}
        )


class CodeWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related object's code ("so-tu-phap").

    All objects are read once at the first lookup (one query per import, not one per row). With
    ``refresh_missing`` (the default) a code that is not in that cache is looked up again, once, so an
    object created by an earlier row of the same file is found (agencies naming their successors);
    without it an unknown code is simply unknown (files that cannot create what they refer to, such as
    tasks naming their plan). ``missing`` is the message for an unknown code, with ``%(code)s``.
    """

    def __init__(self, model, field="code", missing=None, refresh_missing=True, **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.missing = missing or _("không có %(model)s mã “%(code)s”.")
        self.refresh_missing = refresh_missing
        self._cache = None

    def _lookup(self, code):
        if self._cache is None:
            self._cache = {str(getattr(obj, self.field)): obj for obj in self.get_queryset(None, None)}
        if code not in self._cache:
            self._cache[code] = (
                self.get_queryset(None, None).filter(**{self.field: code}).first() if self.refresh_missing else None
            )
        return self._cache[code]

    def clean(self, value, row=None, **kwargs):
        code = _cell_text(value)
        if not code:
            return None
        obj = self._lookup(code)
        if obj is None:
            raise ValueError(self.missing % {"code": code, "model": self.model._meta.verbose_name})
        return obj

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(getattr(value, self.field))

    def __deepcopy__(self, memo):
        # Resources deep-copy their fields per instance: start each copy with an empty cache.
        clone = self.__class__.__new__(self.__class__)
        clone.__dict__.update(self.__dict__)
        clone._cache = None
        return clone


class ScopedCodeWidget(CodeWidget):
    """A foreign key whose code is unique only within a plan: sections by code, tasks by number.

    ``scope`` resolves the plan from another column of the same row (``scope_column``); objects are
    cached per plan. ``missing`` may use ``%(code)s`` and ``%(scope)s``.
    """

    def __init__(self, model, field, scope, scope_column, scope_field, missing, **kwargs):
        super().__init__(model, field=field, missing=missing, **kwargs)
        self.scope, self.scope_column, self.scope_field = scope, scope_column, scope_field

    def _lookup_in(self, scope_obj, code):
        if self._cache is None:
            self._cache = {}
        if scope_obj.pk not in self._cache:
            qs = self.get_queryset(None, None).filter(**{self.scope_field: scope_obj}).select_related(self.scope_field)
            self._cache[scope_obj.pk] = {str(getattr(obj, self.field)): obj for obj in qs}
        cached = self._cache[scope_obj.pk]
        if code not in cached:
            qs = self.get_queryset(None, None).select_related(self.scope_field)
            filters = {self.scope_field: scope_obj, self.field: code}
            cached[code] = qs.filter(**filters).first() if self.refresh_missing else None
        return cached[code]

    def clean(self, value, row=None, **kwargs):
        code = _cell_text(value)
        if not code:
            return None
        scope_obj = self.scope.clean((row or {}).get(self.scope_column))
        if scope_obj is None:
            raise ValueError(
                gettext("cần cột “%(column)s” để tìm “%(code)s”.") % {"column": self.scope_column, "code": code}
            )
        obj = self._lookup_in(scope_obj, code)
        if obj is None:
            raise ValueError(self.missing % {"code": code, "scope": getattr(scope_obj, self.scope.field)})
        return obj

    def __deepcopy__(self, memo):
        clone = super().__deepcopy__(memo)
        clone.scope = self.scope.__deepcopy__(memo)
        return clone


class CodeListWidget(widgets.ManyToManyWidget):
    """A many-to-many field written as codes separated by commas ("so-tu-phap, so-noi-vu").

    Unlike the library's widget, an unknown code is an error, not silently dropped.
    """

    SPLIT = re.compile(r"[,;\s]+")

    def __init__(self, model, field="code", missing=None, **kwargs):
        super().__init__(model, separator=", ", field=field, **kwargs)
        self.codes = CodeWidget(model, field=field)
        self.missing = missing or _("không có %(model)s mã %(codes)s.")

    def clean(self, value, row=None, **kwargs):
        text = _cell_text(value)
        found, unknown = [], []
        for code in dict.fromkeys(c for c in self.SPLIT.split(text) if c):
            obj = self.codes._lookup(code)
            (found if obj is not None else unknown).append(obj if obj is not None else code)
        if unknown:
            raise ValueError(
                self.missing
                % {"codes": ", ".join(f"“{c}”" for c in unknown), "model": self.model._meta.verbose_name}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return self.separator.join(sorted(str(getattr(o, self.field)) for o in value.all()))

    def __deepcopy__(self, memo):
        clone = self.__class__.__new__(self.__class__)
        clone.__dict__.update(self.__dict__)
        clone.codes = self.codes.__deepcopy__(memo)
        return clone


# --------------------------------------------------------------------------------------------
# Model validation in Python: the check and unique constraints a row must meet, without a query per
# row. Django's Model.full_clean() asks the database for each (“SELECT 1 WHERE …” per check
# constraint, “SELECT 1 … LIMIT 1” per unique constraint and per foreign key): 5 statements a task row.


class _NotInPython(Exception):
    """A condition this module cannot evaluate itself: Django's own (database) check is used for it."""


class _RefersToExcluded(Exception):
    """The condition uses a field that already has an error; Django skips such a constraint too."""


_COMPARISONS = {
    "exact": operator.eq, "gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le,
}


def _column(opts, name):
    """(field name, attname) of one of the model's own columns; ``pk`` too."""
    if name == "pk":
        return "pk", "pk"
    try:
        field = opts.get_field(name)
    except FieldDoesNotExist:
        raise _NotInPython from None
    if not field.concrete or field.many_to_many or getattr(field, "generated", False):
        raise _NotInPython
    return field.name, field.attname


def _compile_lookup(opts, lookup, rhs, refs):
    name, _sep, op = lookup.partition(LOOKUP_SEP)
    op = op or "exact"
    name, attname = _column(opts, name)
    refs.add(name)
    rhs_attname = None
    if isinstance(rhs, F):
        rhs_name, rhs_attname = _column(opts, rhs.name)
        refs.add(rhs_name)
    elif isinstance(rhs, Model):
        rhs = rhs.pk
    elif hasattr(rhs, "resolve_expression"):
        raise _NotInPython
    if op == "isnull":
        if rhs_attname is not None or not isinstance(rhs, bool):
            raise _NotInPython
        return lambda instance: (getattr(instance, attname) is None) == rhs
    if op not in _COMPARISONS:
        raise _NotInPython  # another lookup, a transform or a related field's column
    compare = _COMPARISONS[op]

    def holds(instance):
        value = getattr(instance, attname)
        other = rhs if rhs_attname is None else getattr(instance, rhs_attname)
        if op == "exact" and other is None:
            return value is None  # Django turns “= None” into IS NULL
        if value is None or other is None:
            return None  # SQL: a comparison with NULL is unknown
        try:
            return bool(compare(value, other))
        except TypeError:
            raise _NotInPython from None

    return holds


def _compile_q(q, opts, refs):
    if not isinstance(q, Q) or q.connector not in (Q.AND, Q.OR):
        raise _NotInPython
    parts = []
    for child in q.children:
        if isinstance(child, Q):
            parts.append(_compile_q(child, opts, refs))
        elif isinstance(child, tuple) and len(child) == 2:
            parts.append(_compile_lookup(opts, child[0], child[1], refs))
        else:
            raise _NotInPython
    decisive = q.connector == Q.OR  # OR: one True decides; AND: one False does
    negated = q.negated

    def holds(instance):
        unknown = False
        for part in parts:
            value = part(instance)
            if value is decisive:
                return (not decisive) if negated else decisive
            if value is None:
                unknown = True
        if unknown:
            return None  # NOT unknown is unknown too
        return decisive if negated else not decisive

    return holds


def compile_condition(q, model):
    """A function ``(instance, exclude=()) -> True, False or None`` telling whether an instance of
    ``model`` meets the condition ``q`` by SQL's rules (None: unknown, as with NULL).

    Knows AND/OR/NOT of lookups exact, gt, gte, lt, lte and isnull on the model's own columns,
    compared with constants, ``F("other_field")`` or model instances. Raises ``_NotInPython`` (now,
    or when two values cannot be compared) for anything else. Like Django's check, a condition that
    uses a field in ``exclude`` (one with an error already) is not evaluated: the function raises
    ``_RefersToExcluded``."""
    refs = set()
    holds = _compile_q(q, model._meta, refs)

    def condition(instance, exclude=()):
        if exclude and not refs.isdisjoint(exclude):
            raise _RefersToExcluded
        return holds(instance)

    return condition


def _python_condition(q, model):
    """``compile_condition(q, model)``, or None when the condition is not for Python."""
    try:
        return compile_condition(q, model)
    except _NotInPython:
        return None


class _UniqueRule:
    """One set of columns the database keeps unique, optionally only for rows meeting ``condition``."""

    def __init__(self, model_class, names, condition=None, constraint=None):
        self.model_class = model_class
        self.names = tuple(names)
        self.attnames = tuple(model_class._meta.get_field(name).attname for name in names)
        self.condition = condition
        # None: no condition, or one that Django must check (constraint.validate(), a query per row).
        self.holds = None if condition is None else _python_condition(condition, model_class)
        self.constraint = constraint

    def error(self, instance):
        """Django's own message for a clash with a row already in the database."""
        constraint = self.constraint
        if constraint is not None and (
            constraint.condition is not None
            or constraint.violation_error_message != constraint.default_violation_error_message
        ):
            error = ValidationError(constraint.get_violation_error_message(), code=constraint.violation_error_code)
        else:
            error = instance.unique_error_message(self.model_class, self.names)
        key = self.names[0] if len(self.names) == 1 and error.code == "unique" else NON_FIELD_ERRORS
        return key, error


@functools.cache
def _model_rules(model):
    """(unique rules, [(model, other constraint, its Python condition or None)], whether Django's
    validate_unique() is still needed for unique_for_date and friends)."""
    rules, checks, by_django = [], [], False
    for model_class in (model, *model._meta.all_parents):
        opts = model_class._meta
        for field in opts.local_fields:
            if field.unique and not field.primary_key:
                rules.append(_UniqueRule(model_class, [field.name]))
            if getattr(field, "unique_for_date", None) or getattr(field, "unique_for_year", None) or getattr(
                field, "unique_for_month", None
            ):
                by_django = True
        rules.extend(_UniqueRule(model_class, names) for names in opts.unique_together)
        for constraint in opts.constraints:
            if isinstance(constraint, CheckConstraint):
                checks.append((model_class, constraint, _python_condition(constraint.condition, model_class)))
            elif isinstance(constraint, UniqueConstraint):
                if (
                    constraint.fields
                    and not constraint.expressions
                    and constraint.nulls_distinct is not False
                    and not any(opts.get_field(name).generated for name in constraint.fields)
                ):
                    rules.append(_UniqueRule(model_class, constraint.fields, constraint.condition, constraint))
                else:
                    checks.append((model_class, constraint, None))  # Django's validate(), a query per row
    return rules, checks, by_django


def _prepare_for_bulk(instance):
    """Fill what the model's save() computes (NFC text, ``search_text``…) through its ``prepare()``, the
    method save() itself calls, so bulk-written rows equal saved ones. Only models with one are written
    in bulk (``use_bulk``)."""
    instance.prepare()


_DIFF_MARKUP = {diff_match_patch.DIFF_EQUAL: "<span>%s</span>",
                diff_match_patch.DIFF_INSERT: '<ins style="background:#e6ffe6;">%s</ins>'}


def _diff_html(op, text):
    """diff_match_patch's diff_prettyHtml() of a one-piece diff: the same escaping and markup."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "&para;<br>")
    return _DIFF_MARKUP[op] % text


class _RowDiff:
    """A preview row's cells (old and new export texts), turned into the library's HTML diff only
    when the page shows them, and only diffed where they differ. Iterating gives each cell's HTML,
    as the library's ``RowResult.diff`` list does (same markup as its ``Diff.as_html``); ``__html__``
    gives the row's ``<td>`` cells at once (templates/admin/exchange/import.html)."""

    _dmp = diff_match_patch()

    def __init__(self, left, right, new):
        self.left, self.right, self.new = left, right, new

    def __iter__(self):
        for v1, v2 in zip(self.left, self.right):
            v1 = v1 if v1.__class__ is str else force_str(v1)
            v2 = v2 if v2.__class__ is str else force_str(v2)
            if v1 == v2:
                yield mark_safe(_diff_html(diff_match_patch.DIFF_EQUAL, v2) if v2 else "")
            elif self.new:  # the library shows a new row's cells as inserted
                yield mark_safe(_diff_html(diff_match_patch.DIFF_INSERT, v2) if v2 else "")
            else:
                diff = self._dmp.diff_main(v1, v2)
                self._dmp.diff_cleanupSemantic(diff)
                yield mark_safe(self._dmp.diff_prettyHtml(diff))

    def __html__(self):
        return mark_safe("".join([f"<td>{cell}</td>" for cell in self]))

    __str__ = __html__  # the template engine turns a value into str before escaping it


# --------------------------------------------------------------------------------------------
# Resources


class CodeInstanceLoader(ModelInstanceLoader):
    """Finds the existing objects of a file's rows by their ``import_id_fields`` in one query.

    The library's cached loader handles a single id field only; ours takes several (plan + number).
    Objects are read by the first id field's values, then matched on all of them in Python. A row
    whose ids cannot be resolved (unknown plan…) counts as new: ``import_instance`` then reports the
    unknown code with its row number.
    """

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.id_fields = [resource.fields[name] for name in resource.get_import_id_fields()]
        self.instances = None

    @staticmethod
    def _norm(value):
        return getattr(value, "pk", value)

    def _row_key(self, row):
        return tuple(self._norm(field.clean(row)) for field in self.id_fields)

    def _instance_key(self, obj):
        key = []
        for field in self.id_fields:
            model_field = obj._meta.get_field(field.attribute)
            key.append(getattr(obj, model_field.attname))
        return tuple(key)

    def _load(self):
        first = self.id_fields[0]
        values = set()
        for row in self.dataset.dict if self.dataset is not None else []:
            if first.column_name not in row:
                continue
            try:
                value = first.clean(row)
            except ValueError:
                continue
            if value not in (None, ""):
                values.add(value)
        qs = self.get_queryset().filter(**{f"{first.attribute}__in": values}) if values else []
        self.instances = {self._instance_key(obj): obj for obj in qs}

    def get_instance(self, row):
        if any(field.column_name not in row for field in self.id_fields):
            return None
        if self.instances is None:
            self._load()
        try:
            return self.instances.get(self._row_key(row))
        except ValueError:
            return None


def _prefix_line(error, line):
    """``error`` with “Dòng N: ” in front of each message (N: spreadsheet row, header is row 1)."""

    def prefix(message):
        return gettext("Dòng %(line)s: %(message)s") % {"line": line, "message": message}

    if hasattr(error, "error_dict"):
        return ValidationError({f: [prefix(m) for m in msgs] for f, msgs in error.message_dict.items()})
    return ValidationError([prefix(m) for m in error.messages])


class ImportWriteError(Exception):
    """The database refused a batch of rows that passed validation; the message is for the user."""


class CodeKeyedResource(resources.ModelResource):
    """Base resource: business-code keys, NFC text, d/m/Y dates, Vietnamese row messages.

    Validation is the model's own — field validation, ``clean()``, check constraints, unique
    constraints — but without a query per row: foreign keys the row's widgets read from the
    database are not looked up again, check constraints are evaluated in Python
    (``compile_condition``; Django's query only for a condition it cannot read), and unique
    constraints are checked against the rows
    of the file seen so far plus one read of the existing keys per constraint (the import key itself
    needs no read: the instance loader has found the row that has it). Two rows with the same import
    key are refused, naming both rows.

    Writing: row by row through ``save()`` by default. A resource whose rows have no many-to-many
    cells and never refer to another row of the same file may set ``use_bulk = True`` in Meta: rows
    are then written ``batch_size`` at a time with simple-history's bulk helpers (one history row per
    created or updated object, with the importing user), after running the model's ``prepare()`` (the
    part of its ``save()`` that fills NFC text, ``search_text``…) so that rows are what a save would
    store; and a dry run (the admin's preview) writes nothing at all.
    """

    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "CharField": TextWidget,
        "SlugField": TextWidget,
        "TextField": TextWidget,
        "EmailField": TextWidget,
        "DateField": DateWidget,
        "IntegerField": IntegerWidget,
        "PositiveIntegerField": IntegerWidget,
        "PositiveSmallIntegerField": IntegerWidget,
        "SmallIntegerField": IntegerWidget,
        "BigIntegerField": IntegerWidget,
        "BooleanField": BooleanWidget,
    }

    #: Columns needed besides the ``import_id_fields`` (e.g. the plan a task number belongs to).
    required_columns = ()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        # Model validation turns bad values into row messages instead of database errors.
        clean_model_instances = True
        instance_loader_class = CodeInstanceLoader
        # No deep copy of each instance and no HTML diff of every cell: unchanged rows are found from
        # a snapshot of the row's values (skip_row), and the preview's cells are diffed only when
        # shown (_RowDiff).
        skip_diff = True
        # Row by row through save() unless a resource opts in (see the class docstring).
        use_bulk = False
        batch_size = 1000

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self._meta.use_bulk and any(isinstance(f.widget, widgets.ManyToManyWidget) for f in self.fields.values()):
            raise ImproperlyConfigured(f"{type(self).__name__}: use_bulk cannot write many-to-many cells.")
        if self._meta.use_bulk and not callable(getattr(self._meta.model, "prepare", None)):
            raise ImproperlyConfigured(f"{type(self).__name__}: use_bulk needs {self._meta.model.__name__}.prepare(), "
                                       "the part of save() that fills computed fields.")
        self._reset_import_state()

    def _reset_import_state(self):
        self._line = None  # the spreadsheet row being imported (the header is row 1)
        self._row_state = None  # (instance, its values before the row, its export texts before the row)
        self._blank_state = None  # the same for a new instance
        self._keys_seen = {}  # import key -> first row that has it
        self._unique_seen = {}  # unique rule -> {key: (row, pk)} for rows of this file
        self._unique_existing = {}  # unique rule -> ({key: pk}, {pk: key}) read from the database
        self._unique_moved = {}  # unique rule -> pks of existing objects this file gives another key

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if getattr(f, "choices", None):
            return partial(ChoiceWidget, choices=f.choices)
        return super().widget_from_django_field(f, default)

    def get_import_fields(self):
        # Called several times per row by the library; the fields do not change during an import.
        fields = self.__dict__.get("_import_fields")
        if fields is None:
            fields = self._import_fields = super().get_import_fields()
        return fields

    def before_import(self, dataset, **kwargs):
        """Refuse a file whose columns are missing or unknown, before reading any row."""
        self._reset_import_state()
        dataset.headers = [nfc(h) if isinstance(h, str) else h for h in dataset.headers or []]
        headers = [h for h in dataset.headers if h not in (None, "")]
        known = {field.column_name for field in self.fields.values()}
        required = [self.fields[name].column_name for name in self.get_import_id_fields()]
        required += [c for c in self.required_columns if c not in required]
        problems = []
        missing = [c for c in required if c not in headers]
        if missing:
            problems.append(gettext("Tệp thiếu cột bắt buộc: %(columns)s.") % {"columns": ", ".join(missing)})
        unknown = [c for c in headers if c not in known]
        if unknown:
            problems.append(
                gettext("Tệp có cột không nhận ra: %(unknown)s. Các cột dùng được: %(known)s.")
                % {"unknown": ", ".join(map(str, unknown)), "known": ", ".join(self.get_export_headers())}
            )
        if len(headers) != len(dataset.headers):
            problems.append(gettext("Có cột không có tiêu đề ở dòng 1."))
        if problems:
            del dataset[0 : len(dataset)]  # nothing else to check once the columns are wrong
            raise ValueError(" ".join(problems))

    def before_import_row(self, row, **kwargs):
        number = kwargs.get("row_number")
        self._line = None if number is None else number + 1
        self._row_state = None

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        if row_result.validation_error is not None and kwargs.get("row_number") is not None:
            row_result.validation_error = _prefix_line(row_result.validation_error, kwargs["row_number"] + 1)
        return row_result

    def after_init_instance(self, instance, new, row, **kwargs):
        """Remember the instance's values before the row: skip_row() compares with them, and the
        preview shows them (export texts, only read in a dry run)."""
        dry_run = self._is_dry_run(kwargs)
        blank = self._blank_state
        if new and blank is not None and (blank[1] is not None or not dry_run):
            before, texts = blank  # every new instance starts as the same blank model()
        else:
            fields = self.get_import_fields()
            before = [self._current_value(field, instance) for field in fields]
            texts = [field.export(instance) for field in fields] if dry_run else None
            if new and type(self).init_instance is resources.ModelResource.init_instance:
                self._blank_state = (before, texts)
        self._row_state = (instance, before, texts)
        if self._meta.use_bulk and not new and not dry_run and "_import_stored_values" not in instance.__dict__:
            # bulk_update() writes the columns that differ from these (kept from the object's first row)
            stored = {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}
            instance._import_stored_values = stored

    @staticmethod
    def _current_value(field, instance):
        if isinstance(field.widget, widgets.ManyToManyWidget):
            return [] if instance.pk is None else sorted(obj.pk for obj in field.get_value(instance).all())
        return field.get_value(instance)

    def import_instance(self, instance, row, **kwargs):
        """Also check many-to-many cells now (the library only reads them after saving). A second row
        with the same import key is refused before any of its cells is set: the instance loader hands
        both rows the same object, which the first row may already have queued for writing."""
        duplicate = self._duplicate_key_error(row)
        if duplicate is not None:
            raise ValidationError({NON_FIELD_ERRORS: [duplicate]})
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row and not field.readonly:
                try:
                    field.clean(row, **kwargs)
                except ValueError as e:
                    errors[field.attribute] = [ValidationError(str(e), code="invalid")]
        if errors:
            raise ValidationError(errors)

    def _import_key_fields(self):
        """The model fields of ``import_id_fields`` (None when one is not a field of the model)."""
        if "_key_fields" not in self.__dict__:
            opts = self._meta.model._meta
            try:
                self._key_fields = [opts.get_field(self.fields[name].attribute) for name in self.get_import_id_fields()]
            except FieldDoesNotExist:
                self._key_fields = None
        return self._key_fields

    def _duplicate_key_error(self, row):
        """The error for a row whose import key an earlier row of the file has, else None."""
        if self._line is None or all(value in (None, "") for value in row.values()):
            return None  # outside import_row(), or a blank row inside the table
        try:
            key = tuple(getattr(value, "pk", value) for value in (
                self.fields[name].clean(row) for name in self.get_import_id_fields()
            ))
        except (KeyError, ValueError):
            return None  # a bad key cell: import_instance() reports it
        first = self._keys_seen.setdefault(key, self._line)
        if first == self._line:
            return None
        columns = [*self.required_columns, *(self.fields[name].column_name for name in self.get_import_id_fields())]
        cells = {column: _cell_text(row.get(column)) for column in dict.fromkeys(columns)}
        message = gettext("trùng với dòng %(line)s (%(cells)s): mỗi %(model)s chỉ được ghi ở một dòng.") % {
            "line": first,
            "cells": ", ".join(f"{column} “{text}”" for column, text in cells.items() if text),
            "model": self._meta.model._meta.verbose_name,
        }
        return ValidationError(message, code="duplicate_row")

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """A blank row, or a row that changes none of the instance's values (``original`` is not
        used: Meta.skip_diff spares the deep copy, the values before the row are kept instead)."""
        if all(value in (None, "") for value in row.values()):
            return True  # a blank row inside the table
        if not self._meta.skip_unchanged or import_validation_errors:
            return False
        state = self._row_state
        if state is None or state[0] is not instance:
            return False
        for field, before in zip(self.get_import_fields(), state[1]):
            if isinstance(field.widget, widgets.ManyToManyWidget):
                # Their new values are still in the row: they are written after the instance.
                if field.column_name in row and sorted(obj.pk for obj in field.clean(row)) != before:
                    return False
            elif field.get_value(instance) != before:
                return False
        return True

    def after_import_row(self, row, row_result, **kwargs):
        """In a dry run, give the preview its cells: old and new texts, diffed if the page shows them."""
        state, self._row_state = self._row_state, None
        if state is None or state[2] is None or row_result.import_type not in RowResult.valid_import_types:
            return
        after = [field.export(state[0]) for field in self.get_import_fields()]
        row_result.diff = _RowDiff(state[2], after, new=row_result.import_type == RowResult.IMPORT_TYPE_NEW)

    # --- validation -------------------------------------------------------------------------

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """``Model.full_clean()``'s checks, in Python where Django would ask the database."""
        errors = {field: list(msgs) for field, msgs in (import_validation_errors or {}).items()}
        duplicate = any(getattr(e, "code", None) == "duplicate_row" for e in errors.get(NON_FIELD_ERRORS, ()))
        if self._meta.clean_model_instances and not duplicate:  # a duplicate row's cells were not read
            exclude = {name for name in errors if name != NON_FIELD_ERRORS}
            try:
                instance.full_clean(
                    exclude=exclude | self._loaded_relations(instance),
                    validate_unique=False,
                    validate_constraints=False,
                )
            except ValidationError as e:
                errors = e.update_error_dict(errors)
            # Like full_clean(): constraints only for the fields that passed validation.
            exclude |= {name for name in errors if name != NON_FIELD_ERRORS}
            if validate_unique:
                self._validate_unique(instance, exclude, errors)
                exclude |= {name for name in errors if name != NON_FIELD_ERRORS}
            self._validate_constraints(instance, exclude, errors)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _loaded_relations(instance):
        """Foreign keys whose object was read from the database by this import (a widget, or the
        instance loader's select_related): full_clean() need not query that it exists."""
        names = set()
        for field in instance._meta.concrete_fields:
            if not field.is_relation or field.many_to_many or field.get_limit_choices_to():
                continue
            if not field.is_cached(instance):
                continue
            related = field.get_cached_value(instance)
            if (
                related is not None
                and not related._state.adding
                and getattr(related, field.target_field.attname) == getattr(instance, field.attname)
            ):
                names.add(field.name)
        return names

    def _validate_constraints(self, instance, exclude, errors):
        model = type(instance)
        using = router.db_for_write(model, instance=instance)
        for model_class, constraint, condition in _model_rules(model)[1]:
            try:
                if condition is not None:
                    try:
                        holds = condition(instance, exclude)
                    except _RefersToExcluded:
                        continue
                    except _NotInPython:
                        constraint.validate(model_class, instance, exclude=exclude, using=using)
                        continue
                    if holds is False:  # unknown (NULL) passes, as in the database
                        raise ValidationError(
                            constraint.get_violation_error_message(), code=constraint.violation_error_code
                        )
                else:
                    constraint.validate(model_class, instance, exclude=exclude, using=using)
            except ValidationError as e:
                fields = getattr(constraint, "fields", ())
                if getattr(e, "code", None) == "unique" and len(fields) == 1:
                    errors.setdefault(fields[0], []).append(e)
                else:
                    e.update_error_dict(errors)

    def _is_import_key_rule(self, rule):
        key_fields = self._import_key_fields()
        return (
            key_fields is not None
            and rule.condition is None
            and rule.model_class is self._meta.model
            and set(rule.names) == {f.name for f in key_fields}
        )

    def _existing_keys(self, rule):
        """Keys the database has for ``rule``: one query per rule and import, at its first use."""
        if rule not in self._unique_existing:
            qs = rule.model_class._default_manager.all()
            if rule.condition is not None:
                qs = qs.filter(rule.condition)
            by_key, by_pk = {}, {}
            for pk, *values in qs.values_list("pk", *rule.names).iterator(chunk_size=5000):
                by_key[tuple(values)] = pk
                by_pk[pk] = tuple(values)
            self._unique_existing[rule] = (by_key, by_pk)
        return self._unique_existing[rule]

    def _rule_key(self, rule, instance, exclude):
        """The instance's key under ``rule``, or None when the rule does not apply to it."""
        if any(name in exclude for name in rule.names):
            raise _RefersToExcluded
        key = tuple(getattr(instance, attname) for attname in rule.attnames)
        if any(value is None for value in key):
            return None  # NULLs are distinct
        if rule.condition is not None:
            if rule.holds is None:
                raise _NotInPython
            if rule.holds(instance, exclude) is not True:
                return None
        return key

    def _validate_unique(self, instance, exclude, errors):
        model = type(instance)
        rules, _checks, date_checks = _model_rules(model)
        if date_checks:
            # unique_for_date and friends: Django's own checks (unique fields and unique_together too).
            try:
                instance.validate_unique(exclude=exclude)
            except ValidationError as e:
                e.update_error_dict(errors)
            rules = [rule for rule in rules if rule.constraint is not None]
        for rule in rules:
            if self._is_import_key_rule(rule):
                continue  # the loader found the row that has the key; duplicates in the file: import_instance()
            try:
                key = self._rule_key(rule, instance, exclude)
            except _RefersToExcluded:
                continue
            except _NotInPython:
                try:
                    rule.constraint.validate(
                        rule.model_class, instance, exclude=exclude, using=router.db_for_write(model, instance=instance)
                    )
                except ValidationError as e:
                    e.update_error_dict(errors)
                continue
            existing, existing_by_pk = self._existing_keys(rule)
            moved = self._unique_moved.setdefault(rule, set())
            if instance.pk is not None and existing_by_pk.get(instance.pk) != key:
                moved.add(instance.pk)  # its old key is free for the rows after this one
            if key is None:
                continue
            seen = self._unique_seen.setdefault(rule, {})
            earlier = seen.get(key)
            if earlier is not None and (earlier[1] is None or earlier[1] != instance.pk):
                cells = []
                for name, value in zip(rule.names, key):
                    field = next((f for f in self.fields.values() if f.attribute == name), None)
                    text = field.export(instance) if field is not None else force_str(value)
                    cells.append(f"{field.column_name if field is not None else name} “{text}”")
                self.add_error(
                    errors,
                    NON_FIELD_ERRORS,
                    gettext("trùng với dòng %(line)s (%(cells)s): mỗi %(model)s chỉ được ghi ở một dòng.")
                    % {"line": earlier[0], "cells": ", ".join(cells), "model": model._meta.verbose_name},
                )
                continue
            seen[key] = (self._line, instance.pk)
            owner = existing.get(key)
            if owner is not None and owner != instance.pk and owner not in moved:
                field_name, error = rule.error(instance)
                errors.setdefault(field_name, []).append(error)

    # --- writing ----------------------------------------------------------------------------

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        if user is not None and user.is_authenticated:
            instance._history_user = user  # simple-history: who made this change

    def _write(self, instances, write, dry_run, raise_errors, result):
        try:
            if instances and not dry_run:
                for instance in instances:
                    _prepare_for_bulk(instance)
                write(instances)
        except Exception as e:
            error = ImportWriteError(gettext("Không ghi được vào cơ sở dữ liệu: %(error)s") % {"error": e})
            self.handle_import_error(result, error, raise_errors)
        finally:
            instances.clear()

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """New rows of a ``use_bulk`` resource, with their history rows; nothing in a dry run."""
        model = self._meta.model
        self._write(
            self.create_instances,
            lambda objs: bulk_create_with_history(objs, model, batch_size=batch_size),
            dry_run, raise_errors, result,
        )

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """Changed rows of a ``use_bulk`` resource, with their history rows; nothing in a dry run.

        Only the columns that changed are written (computed ones included): Django's bulk_update()
        costs per row and column (a CASE WHEN each), ~200 µs, so a file changing one column of
        10,000 rows writes 2 columns (with ``search_text``) in ~4 s instead of 15 in ~30 s. Rows are
        grouped by the columns they change; every row still gets its history row."""
        model = self._meta.model
        fields = [f for f in model._meta.concrete_fields if not f.primary_key and not f.generated]

        def write(objs):
            groups = {}
            for obj in objs:
                stored = obj.__dict__.pop("_import_stored_values", {})
                changed = tuple(
                    f.name for f in fields if f.attname not in stored or getattr(obj, f.attname) != stored[f.attname]
                )
                groups.setdefault(changed, []).append(obj)
            for changed, group in groups.items():
                bulk_update_with_history(group, model, list(changed), batch_size=batch_size)

        self._write(self.update_instances, write, dry_run, raise_errors, result)

    @staticmethod
    def add_error(errors, field, message):
        errors.setdefault(field, []).append(ValidationError(message, code="invalid"))


def read_dataset(data, file_format):
    """A Dataset from uploaded bytes in one of FORMATS, refusing files over the size cap."""
    if len(data) > settings.IMPORT_MAX_UPLOAD_BYTES:
        raise FileReadError(_too_big_message(len(data)))
    return file_format().create_dataset(data)


def import_dataset(resource, dataset, *, dry_run=False, user=None, **kwargs):
    """Import outside the admin (commands, services): all rows or none, like the admin does."""
    return resource.import_data(
        dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True, user=user, **kwargs
    )


def result_messages(result):
    """Every message of an import result, row messages first, for a page or a command's output."""
    out = []
    for row in result.invalid_rows:
        for msgs in row.error_dict.values():
            out.extend(str(m) for m in msgs)
    for row in result.error_rows:
        for e in row.errors:
            out.append(gettext("Dòng %(line)s: %(message)s") % {"line": row.number + 1, "message": e.error})
    out.extend(str(e.error) for e in result.base_errors)
    return out


# --------------------------------------------------------------------------------------------
# Admin


def _too_big_message(size):
    return gettext("Tệp quá lớn (%(size)s); chỉ nhận tệp đến %(max)s.") % {
        "size": filesizeformat(size),
        "max": filesizeformat(settings.IMPORT_MAX_UPLOAD_BYTES),
    }


class CappedImportForm(ImportForm):
    """The import form, refusing files over ``settings.IMPORT_MAX_UPLOAD_BYTES``."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_too_big_message(upload.size), code="too_big")
        return upload


class FoldedSearchMixin:
    """Admin search that ignores accents and case: "so tu phap" and "SỞ TƯ PHÁP" find "Sở Tư pháp".

    Each word of the query must match one of the fields: ``folded_search_fields`` are accent-folded
    columns (``search_text``, maintained on save with ``plan_tracker.text.fold``) matched with
    ``__contains``; ``plain_search_fields`` are matched with ``__icontains``;
    ``exact_search_fields`` must equal the whole query (a task number "6.1").
    """

    folded_search_fields = ("search_text",)
    plain_search_fields = ()
    exact_search_fields = ()
    search_help_text = _("Gõ có dấu hay không dấu, chữ hoa hay thường đều được.")

    def get_search_results(self, request, queryset, search_term):
        words = fold(search_term).split()
        if not words or not (self.folded_search_fields or self.plain_search_fields):
            return queryset, False
        raw_words = nfc(search_term).split()
        q = Q()
        for folded, raw in zip(words, raw_words):
            options = [Q(**{f"{f}__contains": folded}) for f in self.folded_search_fields]
            options += [Q(**{f"{f}__icontains": raw}) for f in self.plain_search_fields]
            q &= reduce(or_, options)
        for f in self.exact_search_fields:
            q |= Q(**{f: nfc(search_term)})
        fields = (*self.folded_search_fields, *self.plain_search_fields, *self.exact_search_fields)
        may_have_duplicates = any(lookup_spawns_duplicates(self.opts, f) for f in fields)
        return queryset.filter(q), may_have_duplicates


class ExchangeAdminMixin(ImportExportMixin):
    """django-import-export in the admin, our way.

    * Formats: our XLSX and CSV only (formula-safe).
    * Importing needs ``import_<model>`` *and* add + change permission; exporting needs
      ``export_<model>`` and view permission (settings set the "import"/"export" codes).
    * Files over the size cap are refused; unreadable files get a Vietnamese message.
    * A file with any bad row writes nothing, preview and confirm alike.
    """

    formats = FORMATS
    import_form_class = CappedImportForm
    import_template_name = "admin/exchange/import.html"

    def has_import_permission(self, request):
        return (
            super().has_import_permission(request)
            and self.has_add_permission(request)
            and self.has_change_permission(request)
        )

    def has_export_permission(self, request):
        return super().has_export_permission(request) and self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, FileReadError):
            form.add_error("import_file", str(e))
        else:
            form.add_error(
                "import_file",
                gettext("Không đọc được tệp. Hãy chọn đúng định dạng (XLSX hoặc CSV UTF-8) và thử lại."),
            )

    def process_result(self, result, request):
        """After confirm: if the file went bad meanwhile, say so (nothing was written)."""
        if result.has_errors() or result.has_validation_errors():
            for message in result_messages(result)[:20]:
                messages.error(request, message)
            messages.error(request, gettext("Không nhập tệp: có dòng lỗi nên không ghi dòng nào."))
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_import", current_app=self.admin_site.name)
            )
        return super().process_result(result, request)
