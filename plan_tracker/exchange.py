"""Import/export shared by the apps: file formats, widgets keyed by business codes, a base resource,
and the admin mixins (accent-free search, import/export with our formats and permissions).

Rules every import follows (see ENGINEERING.md, django-import-export 4.4):

* Rows are found by business codes (agency code, plan code + task number…), never by ids.
* An unchanged row is skipped: re-importing an export writes nothing and adds no history row.
* One bad row refuses the whole file: ``rollback_on_validation_errors=True`` everywhere, and the
  admin offers no confirm step. Messages name the spreadsheet row: “Dòng 3: …” (the header is row 1).
* Rows are saved one by one through ``Model.save()`` (no ``use_bulk``), so NFC normalisation,
  ``search_text`` and simple-history keep working.
* Text that a spreadsheet could take for a formula (= + - @ tab CR NUL first) never becomes one:
  CSV cells get a leading apostrophe (OWASP ASVS 1.2.10) that import removes again; XLSX cells are
  written as text.
"""

import csv
import datetime
import io
import re
from functools import partial, reduce
from operator import or_

import tablib
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ImportForm
from import_export.instance_loaders import ModelInstanceLoader

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


class XLSX(base_formats.XLSX):
    """XLSX whose text cells are always text: never a formula, an error code or a number."""

    def create_dataset(self, in_stream, **kwargs):
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        except Exception:  # zipfile, XML and openpyxl errors all mean "not an XLSX file"
            raise FileReadError(gettext("Không đọc được tệp XLSX: tệp hỏng hoặc không phải bảng tính Excel.")) from None
        try:
            sheet = book.worksheets[0]
            rows = [
                [unescape_xlsx_text(v) if isinstance(v, str) else v for v in row]
                for row in sheet.iter_rows(values_only=True)
            ]
        finally:
            book.close()
        return _dataset(rows)

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


class TextWidget(widgets.CharWidget):
    """Text, NFC-normalised and stripped like the models' save(); empty cells are ""."""

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a spreadsheet turned "6" into 6.0
        return nfc(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


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

    def clean(self, value, row=None, **kwargs):
        if value is None or not str(value).strip():
            return ""
        key = fold(str(value))
        for code, label in self.choices:
            if key in (fold(code), fold(label)):
                return code
        raise ValueError(
            gettext("“%(value)s” không hợp lệ; dùng một trong: %(choices)s.")
            % {"value": nfc(value), "choices": ", ".join(f"{c} ({label})" for c, label in self.choices)}
        )


class CodeWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related object's code ("so-tu-phap").

    All objects are read once at the first lookup (one query per import, not one per row); a code
    that is not in that cache is looked up again, so an object created by an earlier row of the same
    file is found. ``missing`` is the message for an unknown code, with ``%(code)s``.
    """

    def __init__(self, model, field="code", missing=None, **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.missing = missing or _("không có %(model)s mã “%(code)s”.")
        self._cache = None

    def _lookup(self, code):
        if self._cache is None:
            self._cache = {str(getattr(obj, self.field)): obj for obj in self.get_queryset(None, None)}
        if code not in self._cache:
            self._cache[code] = self.get_queryset(None, None).filter(**{self.field: code}).first()
        return self._cache[code]

    def clean(self, value, row=None, **kwargs):
        code = TextWidget().clean(value)
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
            cached[code] = qs.filter(**{self.scope_field: scope_obj, self.field: code}).first()
        return cached[code]

    def clean(self, value, row=None, **kwargs):
        code = TextWidget().clean(value)
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
        text = TextWidget().clean(value)
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


class CodeKeyedResource(resources.ModelResource):
    """Base resource: business-code keys, NFC text, d/m/Y dates, Vietnamese row messages."""

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
        # Never bulk: bulk_create/bulk_update skip save() (NFC, search_text) and history.
        use_bulk = False

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if getattr(f, "choices", None):
            return partial(ChoiceWidget, choices=f.choices)
        return super().widget_from_django_field(f, default)

    def before_import(self, dataset, **kwargs):
        """Refuse a file whose columns are missing or unknown, before reading any row."""
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

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        if row_result.validation_error is not None and kwargs.get("row_number") is not None:
            row_result.validation_error = _prefix_line(row_result.validation_error, kwargs["row_number"] + 1)
        return row_result

    def import_instance(self, instance, row, **kwargs):
        """Also check many-to-many cells now: the library only reads them after saving."""
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

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if all(value in (None, "") for value in row.values()):
            return True  # a blank row inside the table
        return super().skip_row(instance, original, row, import_validation_errors)

    def after_init_instance(self, instance, new, row, **kwargs):
        # import_row() deep-copies each instance to compare it afterwards, and QuerySet.__deepcopy__
        # drops results: the prefetched many-to-many values would be queried again for every row.
        # The copy may share them: Django replaces, never mutates, a prefetched list on set()/add().
        cache = getattr(instance, "_prefetched_objects_cache", {})
        for prefetched in cache.values():
            prefetched.__deepcopy__ = lambda memo, same=prefetched: same

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        if user is not None and user.is_authenticated:
            instance._history_user = user  # simple-history: who made this change

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
