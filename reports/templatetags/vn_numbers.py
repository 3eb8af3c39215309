"""``{{ value|vn_number }}``: a number the Vietnamese way ("1.000.000", "1.000.000,5"; plan_tracker.numbers)."""

from django import template

from plan_tracker.numbers import format_vn_number

register = template.Library()


@register.filter
def vn_number(value):
    return format_vn_number(value)
