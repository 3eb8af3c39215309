"""Form widgets the site needs beyond Django's own."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A single ``<select>`` rendered in one pass of string formatting instead of one template per option.

    Django's Select renders every ``<option>`` through a template (~0.3 ms each): a list of 200 plans
    costs ~60 ms of a page. Same HTML as forms.Select for a single choice without groups (escaped labels
    and values, ``selected`` on the current value); attributes of the select itself as usual."""

    def render(self, name, value, attrs=None, renderer=None):
        values = {str(v) for v in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, attrs)
        options = format_html_join(
            "\n", '<option value="{}"{}>{}</option>',
            ((option_value, " selected" if str(option_value) in values else "", label)
             for option_value, label in self._flat_choices()),
        )
        # Attributes in the order Django's template writes them (name first, then the rest as given).
        rendered_attrs = mark_safe("".join(
            format_html(' {}="{}"', k, v) if v is not True else format_html(" {}", k)
            for k, v in final_attrs.items() if v is not False and v is not None))
        return format_html('<select name="{}"{}>\n{}\n</select>', name, rendered_attrs, options)

    def _flat_choices(self):
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):
                raise TypeError("QuickSelect does not render option groups")
            # ModelChoiceIterator yields ModelChoiceIteratorValue objects: str() gives the key.
            yield ("" if option_value is None else str(option_value)), label
