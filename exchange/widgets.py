"""Widgets: spreadsheet cells to model values and back. Text is NFC, dates d/m/Y, choices by code
or Vietnamese label, foreign keys and many-to-many fields by business code (read once per import).

Each raises ValueError with a Vietnamese message; the resource adds “Dòng N: ”.
"""

import datetime
import re

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import widgets

from plan_tracker.text import fold, nfc


def cell_text(value):
    """A cell as text, NFC-normalised and stripped like the models' save(); empty cells are ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet turned "6" into 6.0
    return nfc(value)


class Cell(str):
    """A cell's text that also carries its value: CSV files and the import preview show the text (15/11/2025), an
    XLSX file stores the value itself (a real date or number cell: exchange.formats.XLSX)."""

    def __new__(cls, text, value):
        cell = super().__new__(cls, text)
        cell.value = value
        return cell


class TextWidget(widgets.CharWidget):
    """Text, NFC-normalised and stripped like the models' save(); empty cells are ""."""

    def clean(self, value, row=None, **kwargs):
        return cell_text(value)

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
        return Cell(value.strftime(self.FORMAT), value) if value else ""


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
        return "" if value is None else Cell(str(value), value)


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
        code = cell_text(value)
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
        code = cell_text(value)
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
        text = cell_text(value)
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
