"""The widgets' Python twins (plan_tracker.widget_html) write what Django's Jinja2 widget templates write."""

import datetime
from pathlib import Path

import django.forms
import pytest
from django import forms
from django.forms.renderers import get_default_renderer
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from plan_tracker import widget_html
from plan_tracker.jinja2 import WidgetRenderer, _WidgetTemplates
from reports.tests.test_report_pages import world  # noqa: F401 (the fixture)

TRICKY = 'x "y" & <z> \'q\' Đặng'


class _File:
    """An initial file, as a FileField's value: shown with a link and a "clear" box by the template."""

    url = "/media/a%20b.pdf"

    def __str__(self):
        return "a <b>.pdf"


WIDGETS = [
    (forms.TextInput(attrs={"placeholder": TRICKY, "required": True, "disabled": False, "data-zero": 0,
                            "data-none": None, "maxlength": 10}), TRICKY),
    (forms.TextInput(), None),
    (forms.TextInput(), ""),
    (forms.NumberInput(attrs={"step": "any"}), 5),
    (forms.EmailInput(), "a@b.vn"),
    (forms.URLInput(), "https://x.vn/?a=1&b=2"),
    (forms.PasswordInput(render_value=True), "p&w"),
    (forms.PasswordInput(), "secret"),
    (forms.HiddenInput(), 3),
    (forms.DateInput(format="%d/%m/%Y"), datetime.date(2026, 11, 15)),
    (forms.SearchInput(), "sở tư"),
    (forms.TelInput(), "0240 123"),
    (forms.ColorInput(), "#ff0000"),
    (forms.CheckboxInput(), True),
    (forms.CheckboxInput(), False),
    (forms.CheckboxInput(), "on"),
    (forms.FileInput(attrs={"accept": ".pdf"}), None),
    (forms.ClearableFileInput(attrs={"accept": ".pdf,.docx", "data-max-bytes": 10}), None),
    (forms.ClearableFileInput(), _File()),
    (forms.Textarea(attrs={"rows": 3, "maxlength": 100, "data-counter": ""}), ""),
    (forms.Textarea(), None),
    (forms.Textarea(), "dòng 1\ndòng 2 <b>&amp;</b> \"x\"\n"),
    (forms.Textarea(), mark_safe("<b>safe</b>")),
    (forms.Select(attrs={"data-status": ""}, choices=[("", gettext_lazy("— chọn —")), ("a", TRICKY), (1, "một")]),
     "a"),
    (forms.Select(choices=[("", "—"), ("a", "A")]), None),
    (forms.Select(choices=[(1, "một"), (2, "hai")]), 2),
    (forms.Select(choices=[("Nhóm <1>", [("x", "X"), ("y", "Y")]), ("z", "Z"), ("Nhóm 2", [("w", "W")])]), "y"),
    (forms.SelectMultiple(choices=[("x", "X"), ("y", "Y"), ("z", "Z")]), ["x", "z"]),
    (forms.NullBooleanSelect(), True),
    (forms.RadioSelect(choices=[("accept", "Tiếp nhận"), ("return", "Trả lại")]), "return"),
    (forms.CheckboxSelectMultiple(choices=[("a", "A"), ("b", "B")]), ["b"]),
    (forms.SelectDateWidget(years=[2025, 2026]), datetime.date(2026, 1, 2)),
    (forms.SplitDateTimeWidget(), datetime.datetime(2026, 1, 2, 3, 4)),
]


@pytest.mark.parametrize("widget,value", WIDGETS, ids=lambda x: type(x).__name__ if isinstance(x, forms.Widget) else "")
def test_every_widget_renders_the_same_html_as_its_template(widget, value):
    templates = _WidgetTemplates()
    for attrs in (None, {"id": "id_f", "aria-invalid": "true", "aria-describedby": "id_f-error"}):
        assert (widget.render("line-7-f", value, attrs=attrs, renderer=WidgetRenderer())
                == widget.render("line-7-f", value, attrs=attrs, renderer=templates))


def test_the_plain_widgets_are_written_by_their_twins_and_the_others_by_their_templates():
    assert widget_html.render("django/forms/widgets/text.html", forms.TextInput().get_context("n", "v", None)) \
        == '<input type="text" name="n" value="v">'
    assert widget_html.render("django/forms/widgets/select.html", forms.Select(
        choices=[("a", "A")]).get_context("s", "a", None)) == '<select name="s">\n  <option value="a" selected>A</option>\n</select>'
    # An initial file (link and "clear" box), radio buttons, a template outside the list: the template writes them.
    assert widget_html.render("django/forms/widgets/clearable_file_input.html",
                              forms.ClearableFileInput().get_context("f", _File(), None)) is None
    assert widget_html.render("django/forms/widgets/radio.html", forms.RadioSelect(
        choices=[("a", "A")]).get_context("r", "a", None)) is None


def test_djangos_templates_are_the_ones_the_twins_were_written_from():
    """A Django upgrade that changes a widget template fails here: compare the twin with the new template."""
    folder = Path(django.forms.__file__).parent / "jinja2"
    include = '{% include "django/forms/widgets/input.html" %}\n'
    for name in widget_html.INPUT_TEMPLATES:
        if not name.endswith("/input.html"):
            assert (folder / name).read_text() == include, name
    assert (folder / "django/forms/widgets/attrs.html").read_text() == (
        '{% for name, value in widget.attrs.items() %}{% if value is not sameas False %} {{ name }}{% if value is not '
        'sameas True %}="{{ value }}"{% endif %}{% endif %}{% endfor %}\n')
    assert (folder / "django/forms/widgets/input.html").read_text() == (
        '<input type="{{ widget.type }}" name="{{ widget.name }}"{% if widget.value != None %} value="{{ widget.value '
        '}}"{% endif %}{% include "django/forms/widgets/attrs.html" %}>\n')
    assert (folder / "django/forms/widgets/select_option.html").read_text() == (
        '<option value="{{ widget.value }}"{% include "django/forms/widgets/attrs.html" %}>{{ widget.label }}'
        '</option>\n')


def test_the_site_renderer_uses_the_twins():
    assert isinstance(get_default_renderer(), WidgetRenderer)


def _page(client, url, data=None):
    import re

    response = client.get(url) if data is None else client.post(url, data)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_the_report_form_page_is_the_same_with_and_without_the_twins(client, world, monkeypatch):
    """The officer's report form, untouched and shown again with errors (aria attributes, typed values)."""
    from reports.tests.test_report_pages import form_data

    _plan, report, officer, _coordinator = world
    client.force_login(officer)
    url = report.get_absolute_url()
    bad = form_data(report, overall_assessment=TRICKY, **{f"indicator-{i.pk}": "abc" for i in report.plan.indicators.all()})
    with_twins = [_page(client, url), _page(client, url, bad)]
    assert 'aria-invalid="true"' in with_twins[1] and "<select" in with_twins[0]
    monkeypatch.setattr(get_default_renderer(), "_twin", lambda *args: None)
    assert [_page(client, url), _page(client, url, bad)] == with_twins
