"""The officer's report form, session 17 (issue #18): its fields' widgets not copied by their fields
(``plan_tracker.fresh_widgets``) and a line's status choices worked out once per (kind, status) (``reports.forms``).
Read through the page and the form: the same HTML, no widget shared between two forms or two fields, the same choices
in every language."""

import copy
import re

import pytest
from django import forms
from django.core.cache import cache
from django.utils import translation

from plan_tracker import fresh_widgets
from plan_tracker.numbers import VNDecimalField, VNIntegerField
from reports import views
from reports.forms import ReportForm
from reports.models import TaskReport
from testing.factories import report_world

from .test_report_pages import form_data


@pytest.fixture
def world(db, django_user_model):
    cache.clear()
    return report_world(django_user_model)


def _form(report, **kwargs):
    lines = views._lines(report)
    return ReportForm(report=report, lines=lines, indicators=list(report.plan.indicators.order_by("order", "pk")),
                      values={}, **kwargs)


def _widgets(form):
    return [field.widget for field in form.fields.values()]


@pytest.mark.parametrize("make", [
    lambda: forms.CharField(max_length=5, widget=fresh_widgets.Textarea(attrs={"rows": 2})),
    lambda: forms.ChoiceField(choices=[("a", "A")], widget=fresh_widgets.Select(attrs={"data-x": ""})),
    lambda: forms.FileField(widget=fresh_widgets.ClearableFileInput(attrs={"accept": ".pdf"})),
    lambda: VNDecimalField(),
    lambda: VNIntegerField(),
])
def test_a_fresh_widget_is_its_fields_own_and_every_later_copy_is_a_real_one(make):
    field = make()
    widget = field.widget
    assert isinstance(widget, fresh_widgets.FreshWidget) and "_fresh" not in widget.__dict__  # taken by its field
    again = copy.deepcopy(field)  # as a form copies its class-level fields
    assert again.widget is not widget and again.widget.attrs == widget.attrs
    again.widget.attrs["aria-invalid"] = "true"
    assert "aria-invalid" not in widget.attrs
    assert copy.deepcopy(again).widget is not again.widget


def test_no_widget_is_shared_between_fields_or_forms_and_an_invalid_forms_marks_stay_its_own(world):
    report = world.report
    first, second = _form(report), _form(report)
    ids = [id(w) for w in _widgets(first) + _widgets(second)]
    assert len(ids) == len(set(ids))
    declared = {name: field.widget for name, field in ReportForm.base_fields.items()}
    for name, widget in declared.items():  # the class-level fields (version, the general parts): copied per form
        assert first.fields[name].widget is not widget and second.fields[name].widget is not widget
    line = report.lines.order_by("pk").first()
    long_text = "x" * 10_001
    invalid = _form(report, data={**form_data(report), "overall_assessment": long_text,
                                  f"line-{line.pk}-achievements": long_text})
    assert not invalid.is_valid()
    assert invalid.fields["overall_assessment"].widget.attrs["aria-invalid"] == "true"
    assert invalid.fields[f"line-{line.pk}-achievements"].widget.attrs["aria-invalid"] == "true"
    for form in (first, second, _form(report)):
        assert not any("aria-invalid" in widget.attrs for widget in _widgets(form))
    assert not any("aria-invalid" in widget.attrs for widget in declared.values())


def test_the_page_after_an_invalid_save_marks_its_fields_and_the_next_page_does_not(client, world):
    report = world.report
    client.force_login(world.officer)
    refused = client.post(report.get_absolute_url(), form_data(report, overall_assessment="x" * 10_001))
    assert refused.status_code == 400 and 'aria-invalid="true"' in refused.content.decode()
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'aria-invalid' not in page and 'name="overall_assessment"' in page


def _choices(form, line):
    return [(value, str(label)) for value, label in form.fields[f"line-{line.pk}-status"].choices]


def test_a_lines_status_choices_follow_its_kind_its_saved_status_and_the_language(world):
    report = world.report
    lines = list(report.lines.select_related("task").order_by("pk"))
    old, other = lines[0], lines[1]
    # The same kind of task for both, and a status saved before the sets were split on the first line only.
    other.task.timeframe_kind = old.task.timeframe_kind
    other.task.save(update_fields=["timeframe_kind"])
    outside = "completed" if "completed" not in dict(_choices(_form(report), old)) else "done_for_year"
    TaskReport.objects.filter(pk=old.pk).update(status=outside)
    for language, choose in (("vi", "— chọn —"), ("en", None)):
        with translation.override(language):
            form = _form(report)
            for _ in range(2):  # worked out once, then the same
                mine, theirs = _choices(form, old), _choices(form, other)
                assert [v for v, _ in mine] == [v for v, _ in theirs] + [outside]
                assert [v for v, _ in theirs][0] == "" and outside not in [v for v, _ in theirs]
                labels = dict(TaskReport.Status.choices)
                assert mine[1:] == [(v, str(labels[v])) for v, _ in mine[1:]]
                if choose:
                    assert mine[0] == ("", choose)
                form = _form(report)
    with translation.override("en"):
        english = dict(_choices(_form(report), old))
    with translation.override("vi"):
        vietnamese = dict(_choices(_form(report), old))
    assert english["not_started"] != vietnamese["not_started"]  # translated where shown, not when first worked out


def test_the_report_page_is_the_same_html_with_django_copying_every_widget(client, world, monkeypatch):
    """The page (untouched, then after a save) with every fresh widget copied as Django copies any other."""
    report = world.report
    client.force_login(world.officer)
    pages = []
    for fresh in (True, False):
        if not fresh:
            monkeypatch.setattr(fresh_widgets.FreshWidget, "__deepcopy__",
                                lambda self, memo: super(fresh_widgets.FreshWidget, self).__deepcopy__(memo))
        cache.clear()
        pages.append(re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", client.get(
            report.get_absolute_url()).content.decode()))
    assert pages[0] == pages[1] and 'data-status=""' in pages[0]
