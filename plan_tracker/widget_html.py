"""Python twins of Django's own Jinja2 widget templates (``django/forms/jinja2/django/forms/widgets/``): the same HTML
from the same context, without a template rendering per widget, per option and per attribute list.

The report form has ~35 widgets and ~70 options; through the templates each widget is 2–6 Jinja2 renderings (the
widget, its ``attrs.html``, each option and its ``attrs.html``): ~40 % of the form's rendering (issue #18). The
twins cover the templates whose HTML is plain (inputs of every type, text areas, selects and their options, the
file input without an initial file); anything else (an initial file, an option of another template, a template
not listed) renders from the template as before. ``plan_tracker/tests/test_widget_html.py`` renders every twin's
template both ways and checks that Django's templates are still the ones the twins were written from."""

from .jinja2 import finalize

#: Templates that are only ``{% include "django/forms/widgets/input.html" %}`` (the test checks it).
INPUT_TEMPLATES = tuple(f"django/forms/widgets/{name}.html" for name in (
    "input", "text", "number", "email", "url", "password", "hidden", "date", "datetime", "time", "search", "tel",
    "color", "checkbox", "file"))
SELECT_OPTION = "django/forms/widgets/select_option.html"


def attrs(values):
    """``attrs.html``: `` name="value"`` per attribute, `` name`` for True, nothing for False."""
    out = []
    for name, value in values.items():
        if value is False:
            continue
        if value is True:
            out.append(f" {finalize(name)}")
        else:
            out.append(f' {finalize(name)}="{finalize(value)}"')
    return "".join(out)


def input_html(widget):
    value = widget["value"]
    shown = f' value="{finalize(value)}"' if value != None else ""  # noqa: E711 (the template's test, as written)
    return f'<input type="{finalize(widget["type"])}" name="{finalize(widget["name"])}"{shown}{attrs(widget["attrs"])}>'


def textarea_html(widget):
    value = widget["value"]
    return (f'<textarea name="{finalize(widget["name"])}"{attrs(widget["attrs"])}>\n'
            f'{finalize(value) if value else ""}</textarea>')


def select_html(widget):
    parts = [f'<select name="{finalize(widget["name"])}"{attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{finalize(group_name)}">')
        for option in group_choices:
            if option["template_name"] != SELECT_OPTION:
                return None
            parts.append(f'\n  <option value="{finalize(option["value"])}"{attrs(option["attrs"])}>'
                         f'{finalize(option["label"])}</option>')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def clearable_file_input_html(widget):
    if widget["is_initial"]:
        return None
    return f'<input type="{finalize(widget["type"])}" name="{finalize(widget["name"])}"{attrs(widget["attrs"])}>'


TWINS = {
    **{name: input_html for name in INPUT_TEMPLATES},
    "django/forms/widgets/textarea.html": textarea_html,
    "django/forms/widgets/select.html": select_html,
    "django/forms/widgets/clearable_file_input.html": clearable_file_input_html,
}


def render(template_name, context):
    """The widget's HTML as its template would write it (stripped, as the form renderer returns it), or None
    where the template must render it."""
    twin = TWINS.get(template_name)
    if twin is None or set(context) != {"widget"}:
        return None
    html = twin(context["widget"])
    return None if html is None else html.strip()
