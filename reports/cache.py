"""The year's figures cached per (plan, year), and thrown away on every change that feeds them (issue #18).

The year's pages (overview, task roll-up, one task, indicators, the agencies' words, year over year) cache
what ``reports.aggregates`` computes under a key made of: the plan and year (and the task), today's local date
(overdue depends on the day), the language, the date the agency names are taken on (``agencies.naming``:
the agencies in the cached value carry that date's names), and the generations (``plan_tracker.cache``) of the
plan and of "everything". Both backends pickle: a cached value is a copy, never shared with another request.

What bumps a generation, once now and once at commit (so no request can cache the old figures for good):

* a save, delete or many-to-many change of any model of ``agencies``, ``tasks`` or ``reports`` (history
  rows apart, they are written with the row they record): the report side (reports, lines, indicator values,
  evidence, events, comments, the year's parameters, the compiled draft) bumps its plan, found through the
  row (one query when the row does not hold it already); the rest (plans, sections, tasks, assignments,
  indicators, agencies, groups, memberships, names, changes, routings…) bumps everything;
* ``reports.signals.report_event`` (submit, return, accept, reopen): the report's plan;
* writes that bypass the signals (``bulk_create``/``bulk_update``/``QuerySet.update``) call ``bump_plan`` or
  ``bump_everything`` themselves: ``services.open_reporting_year``, the plan import, the demo loaders.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from agencies.naming import names_date
from plan_tracker import cache as generations
from plan_tracker.cache import EVERYTHING, bump, plan_scope, remember, version_tag

from .signals import report_event

FEEDING_APPS = ("agencies", "tasks", "reports")


def bump_plan(plan_id):
    bump(plan_scope(plan_id)) if plan_id is not None else bump_everything()


def bump_everything():
    bump(EVERYTHING)


def scopes(plan_id):
    return (EVERYTHING, plan_scope(plan_id))


def _parts(plan_id, year, today, *extra):
    return (plan_id, year, *extra, today, translation.get_language(), names_date())


def figures(name, plan, year, today, compute, *extra):
    """``compute()`` cached for (plan, year, today, language, names date, ``extra``) and the plan's generations."""
    return remember(f"fig:{name}", _parts(plan.pk, year, today, *extra), scopes(plan.pk), compute)


def etag(name, plan_id, year, today, *extra):
    """An ETag for what is made of the year's figures: it changes whenever a cached figure would."""
    return '"%s"' % version_tag(name, *_parts(plan_id, year, today, *extra), scopes=scopes(plan_id))


# --- what bumps -------------------------------------------------------------------------------------------

def _plan_paths():
    """{model: (fk attribute, model it points to, lookup of the plan id there)}; None: the row holds plan_id."""
    m = apps.get_model
    return {
        m("reports", "AgencyReport"): None,
        m("reports", "ReportingYear"): None,
        m("reports", "CompiledDraft"): None,
        m("reports", "TaskReport"): ("report", m("reports", "AgencyReport"), "plan_id"),
        m("reports", "IndicatorValue"): ("report", m("reports", "AgencyReport"), "plan_id"),
        m("reports", "ReportEvent"): ("report", m("reports", "AgencyReport"), "plan_id"),
        m("reports", "Evidence"): ("task_report", m("reports", "TaskReport"), "report__plan_id"),
        m("reports", "LineComment"): ("line", m("reports", "TaskReport"), "report__plan_id"),
        m("reports", "DraftPart"): ("draft", m("reports", "CompiledDraft"), "plan_id"),
    }


_PATHS = {}


def _plan_of(instance):
    """The plan id a report-side row belongs to, or None (then everything is bumped)."""
    path = _PATHS[type(instance)]
    if path is None:
        return instance.plan_id
    attr, target, lookup = path
    descriptor = getattr(type(instance), attr)
    if descriptor.is_cached(instance):
        related = getattr(instance, attr)
        if related is not None and lookup == "plan_id":
            return related.plan_id
    pk = getattr(instance, f"{attr}_id")
    if pk is None:
        return None
    return target.objects.filter(pk=pk).values_list(lookup, flat=True).first()


def _feeds(model):
    return model._meta.app_label in FEEDING_APPS and not model.__name__.startswith("Historical")


def _changed(sender, instance=None, **kwargs):
    if not _feeds(sender):
        return
    if sender in _PATHS:
        bump_plan(_plan_of(instance))
    else:
        bump_everything()


def _m2m_changed(sender, action, **kwargs):
    if action.startswith("post_") and _feeds(sender):
        bump_everything()


def _report_event(sender, event=None, **kwargs):
    report = getattr(event, "report", None)
    bump_plan(getattr(report, "plan_id", None))


def connect():
    _PATHS.update(_plan_paths())
    post_save.connect(_changed, dispatch_uid="reports.cache.saved")
    post_delete.connect(_changed, dispatch_uid="reports.cache.deleted")
    m2m_changed.connect(_m2m_changed, dispatch_uid="reports.cache.m2m")
    report_event.connect(_report_event, dispatch_uid="reports.cache.report_event")


__all__ = ["bump_everything", "bump_plan", "connect", "etag", "figures", "generations"]
