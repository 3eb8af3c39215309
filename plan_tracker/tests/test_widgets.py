"""QuickSelect renders what Django's Select renders, without a template per option."""

import re

import pytest
from django import forms

from plan_tracker.widgets import QuickSelect


def normalise(html):
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize("value", [None, "", "2", 2])
def test_quick_select_renders_like_djangos_select(value):
    choices = [("", "Tất cả kế hoạch"), (1, "151/KH-UBND <Bắc Giang> & “x”"), (2, "20/KH-UBND")]
    attrs = {"id": "id_plan", "aria-describedby": "id_plan_helptext"}
    quick = QuickSelect(choices=choices).render("plan", value, attrs=attrs)
    django = forms.Select(choices=choices).render("plan", value, attrs=attrs)
    assert normalise(quick) == normalise(django)
    assert "&lt;Bắc Giang&gt; &amp;" in quick


def test_quick_select_in_a_model_choice_field(db):
    from testing.factories import make_plan

    plan = make_plan(number="7/KH-UBND")
    field = forms.ModelChoiceField(queryset=type(plan).objects.all(), widget=QuickSelect, empty_label="—")
    html = field.widget.render("plan", plan.pk)
    assert f'<option value="{plan.pk}" selected>7/KH-UBND' in html and '<option value="">—</option>' in html
