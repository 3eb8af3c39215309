"""Numbers as Vietnamese write them, read and shown in one place (issue #14 item 3).

Read: "1.000.000", "1.000.000,5", "1000000", "1 000 000" and "1000000,50" are all numbers. The comma is the decimal
mark and the dot groups thousands. A dot that does not group thousands ("2.5", "1.23") is taken as a decimal mark
(a number typed the English way): "1.500" is one thousand five hundred, never one and a half.

Shown: "1.000.000", "1.000.000,5", "125" — dots between thousands, a comma before decimals, and no trailing ",00"
when the value is whole.

``VNDecimalField`` and ``VNIntegerField`` are the form fields every number typed on the site goes through: a text
input with ``inputmode`` for the phone's number keyboard, and Vietnamese messages for a wrong or too large number."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plan_tracker.fresh_widgets import FreshWidget

#: The largest value of an integer column (PositiveIntegerField) on PostgreSQL.
DB_INT_MAX = 2_147_483_647

_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_SPACES = re.compile(r"[\s\u00a0\u202f]")


def parse_vn_number(text):
    """The Decimal a person wrote in ``text`` (None for an empty text); ValueError when it is not a number."""
    if text is None:
        return None
    text = _SPACES.sub("", str(text))
    if not text:
        return None
    if "," in text:
        if text.count(",") > 1:
            raise ValueError(text)
        whole, _sep, decimals = text.partition(",")
        if "." in whole and not _GROUPED.match(whole):
            raise ValueError(text)
        text = whole.replace(".", "") + "." + decimals
    elif _GROUPED.match(text):
        text = text.replace(".", "")
    elif text.count(".") > 1:
        raise ValueError(text)
    if not re.match(r"^[+-]?(\d+\.?\d*|\.\d+)$", text):
        raise ValueError(text)
    try:
        return Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the pattern above lets only numbers through
        raise ValueError(text) from error


def format_vn_number(value):
    """``value`` (Decimal, int, float, or a text Django or a form holds) the Vietnamese way: "1.000.000",
    "1.000.000,5"; "" for None or ""; a text that is not a number is given back as it is."""
    if value is None or value == "":
        return ""
    if not isinstance(value, Decimal):
        try:
            value = Decimal(str(value))
        except InvalidOperation:
            return str(value)
    if not value.is_finite():
        return str(value)
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _sep, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    grouped = ""
    while len(whole) > 3:
        grouped = "." + whole[-3:] + grouped
        whole = whole[:-3]
    grouped = whole + grouped
    return sign + grouped + ("," + decimals if decimals else "")


class _VNNumberInput(FreshWidget, forms.TextInput):
    """A text input (type="number" would refuse "1.000.000") showing its value the Vietnamese way. Made by its field
    for itself, so not copied again by it (``plan_tracker.fresh_widgets``)."""

    def format_value(self, value):
        if isinstance(value, str):
            return value  # what the person typed, shown back as typed (after an error too)
        return format_vn_number(value) or None


class VNDecimalField(forms.DecimalField):
    """A decimal read and shown the Vietnamese way (module docstring), within the column's digits."""

    def __init__(self, *, max_digits=18, decimal_places=2, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", Decimal(10) ** (max_digits - decimal_places) - Decimal(1).scaleb(-decimal_places))
        kwargs.setdefault("widget", _VNNumberInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)
        self.error_messages.update({
            "invalid": _("Hãy nhập một số, ví dụ 1.000.000 hoặc 1.000.000,5 (dấu chấm ngăn hàng nghìn, dấu phẩy "
                         "trước phần thập phân)."),
            "max_value": _("Số quá lớn: tối đa %(limit_value)s."),
            "min_value": _("Không nhập số âm."),
            "max_decimal_places": _("Tối đa %(max)s chữ số sau dấu phẩy."),
            "max_digits": _("Số quá lớn: tối đa %(max)s chữ số."),
            "max_whole_digits": _("Số quá lớn: tối đa %(max)s chữ số trước dấu phẩy."),
        })

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            number = parse_vn_number(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return number

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        for key in ("min", "max", "step"):  # a text input: the browser's own checks would read "1.000" as 1
            attrs.pop(key, None)
        return attrs

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except ValidationError as error:
            # "tối đa 9999999999999999.99": the limit shown the Vietnamese way too.
            raise ValidationError([
                ValidationError(e.message, code=e.code, params={
                    k: format_vn_number(v) if k == "limit_value" else v for k, v in (e.params or {}).items()})
                for e in error.error_list]) from None


class VNIntegerField(VNDecimalField):
    """A whole number read and shown the Vietnamese way, within PostgreSQL's integer column."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_value", DB_INT_MAX)
        kwargs.setdefault("widget", _VNNumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(max_digits=10, decimal_places=0, **kwargs)
        self.error_messages.update({
            "invalid": _("Hãy nhập một số nguyên, ví dụ 1.250 hoặc 1250."),
            "max_decimal_places": _("Hãy nhập một số nguyên, ví dụ 1.250 hoặc 1250."),
        })

    def clean(self, value):
        number = super().clean(value)
        return None if number is None else int(number)
