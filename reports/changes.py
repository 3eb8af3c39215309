"""What changed in a report, line by line, indicators included (issue #14 item 6): since the version the
coordinator returned (shown on the resubmitted report), and save by save (the history page). Read from the
models' history (django-simple-history), a fixed number of queries whatever the number of lines or saves.

Texts are shown as a word diff (``word_diff``): removed words struck, added words marked, long unchanged runs
shortened to "…", so a long answer changed in one word reads as that word."""

import difflib
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from plan_tracker.numbers import format_vn_number

from .models import AgencyReport, Indicator, IndicatorValue, TaskReport

LINE_FIELDS = ("status", "achievements", "quantity_achieved", "no_report_reason")
GENERAL_FIELDS = ("overall_assessment", "difficulties", "proposals")
TEXT_FIELDS = {"achievements", "no_report_reason", *GENERAL_FIELDS}


@dataclass
class Change:
    anchor: str  # "line-12", "indicators", "general": where on the report page
    where: str  # "Nhiệm vụ 1.2", an indicator's name, the report
    field: str
    old: object
    new: object
    diff: str = ""  # a word diff (safe HTML) for texts
    at: object = None  # the save's time and person (history page)
    by: object = None


def word_diff(old, new, context=8):
    """Safe HTML: ``old`` → ``new`` word by word (<del>, <ins>), unchanged runs longer than 2×``context`` words
    shortened to their ends around "…"."""
    a, b = (old or "").split(), (new or "").split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            words = a[i1:i2]
            if len(words) > 2 * context:
                words = words[:context] + ["…"] + words[-context:]
            out.append(escape(" ".join(words)))
        else:
            if i2 > i1:
                out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
            if j2 > j1:
                out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(out))


def _shown(model, name, value):
    field = model._meta.get_field(name)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if name in ("value", "quantity_achieved"):
        return format_vn_number(value)
    return value


def _compare(model, fields, old, new, anchor, where, at=None, by=None):
    out = []
    for name in fields:
        before, after = getattr(old, name, None) if old is not None else None, getattr(new, name, None)
        if (None if before == "" else before) == (None if after == "" else after):
            continue
        label = capfirst(model._meta.get_field(name).verbose_name)
        out.append(Change(anchor, where, label, _shown(model, name, before), _shown(model, name, after),
                          word_diff(before, after) if name in TEXT_FIELDS else "", at, by))
    return out


def _latest(records, key):
    """{key(record): the newest record} of history records given oldest first."""
    out = {}
    for record in records:
        out[key(record)] = record
    return out


def changes_since(report, since):
    """[Change]: the report as it is now against how it stood at ``since`` (the return's time), line by line in
    task order, then the indicators, then the general parts. Five queries."""
    lines = list(report.lines.select_related("task").order_by("task__order", "task__number"))
    then_lines = _latest(TaskReport.history.filter(report_id=report.pk, history_date__lte=since)
                         .order_by("history_date", "history_id"), lambda r: r.id)
    out = []
    for line in lines:
        then = then_lines.get(line.pk)
        out += _compare(TaskReport, LINE_FIELDS, then, line, f"line-{line.pk}",
                        _task_label(line.task.number))
    indicators = {i.pk: i for i in Indicator.objects.filter(plan_id=report.plan_id)}
    then_values = _latest(IndicatorValue.history.filter(report_id=report.pk, history_date__lte=since)
                          .order_by("history_date", "history_id"), lambda r: r.indicator_id)
    for value in report.indicator_values.order_by("indicator__order", "indicator__code"):
        out += _compare(IndicatorValue, ("value",), then_values.get(value.indicator_id), value, "indicators",
                        str(indicators.get(value.indicator_id, "")))
    then_report = AgencyReport.history.filter(id=report.pk, history_date__lte=since).order_by(
        "-history_date", "-history_id").first()
    out += _compare(AgencyReport, GENERAL_FIELDS, then_report, report, "general", _report_label())
    return out


def history_changes(report, limit=300):
    """[Change], newest first: every save's changes to the lines and indicators, each against the record before
    it (a diff, not snapshots). Three queries."""
    tasks = dict(report.lines.values_list("pk", "task__number"))
    indicators = {i.pk: i for i in Indicator.objects.filter(plan_id=report.plan_id)}
    out = []
    for model, records, key, fields, where, anchor in (
        (TaskReport, TaskReport.history.filter(report_id=report.pk).select_related("history_user"),
         lambda r: r.id, LINE_FIELDS, lambda r: _task_label(tasks.get(r.id, "?")), lambda r: f"line-{r.id}"),
        (IndicatorValue, IndicatorValue.history.filter(report_id=report.pk).select_related("history_user"),
         lambda r: r.indicator_id, ("value",), lambda r: str(indicators.get(r.indicator_id, "")),
         lambda r: "indicators"),
    ):
        previous = {}
        for record in records.order_by("history_date", "history_id"):
            k = key(record)
            before = previous.get(k)
            previous[k] = record
            if record.history_type == "-":
                continue
            out += _compare(model, fields, before, record, anchor(record), where(record), record.history_date,
                            record.history_user)
    out.sort(key=lambda c: c.at, reverse=True)
    return out[:limit]


def _task_label(number):
    return gettext("Nhiệm vụ %(n)s") % {"n": number}


def _report_label():
    return gettext("Phần chung")
