"""The year's figures cached per (plan, year), and thrown away on every change that feeds them (issue #18).

The year's pages (overview, task roll-up, one task, indicators, the agencies' words, year over year) cache
what ``reports.aggregates`` computes under a key made of: the plan and year (and the task), today's local date
(overdue depends on the day), the language, the date the agency names are taken on (``agencies.naming``:
the agencies in the cached value carry that date's names), and the generations (``plan_tracker.cache``) of the
plan and of "everything". Both backends pickle: a cached value is a copy, never shared with another request.

What bumps a generation, once now and once at commit (so no request can cache the old figures for good):

* a save, delete or many-to-many change of any model of ``agencies``, ``tasks`` or ``reports`` (history
  rows apart, they are written with the row they record; receivers connected per model, so other apps keep
  Django's fast bulk delete): the report side (reports, lines, indicator values, evidence, events, comments, the
  year's parameters, the compiled draft) bumps its plan, found through the related rows the row holds (a save
  with none loaded costs one query; a delete never queries, it bumps everything instead); the rest (plans,
  sections, tasks, assignments, indicators, agencies, groups, memberships, names, changes, routings…) bumps
  everything;
* ``reports.signals.report_event`` (submit, return, accept, reopen): the report's plan;
* writes that bypass the signals (``bulk_create``/``bulk_update``/``QuerySet.update``) call ``bump_plan`` or
  ``bump_everything`` themselves: ``services.open_reporting_year``, the plan import (planimport), the admin's
  file imports (exchange.resources).

The one exception: an agency's own writes to a report nobody else reads yet (a draft or a returned report, saved,
its evidence added or deleted, last year's text copied: ``services``) run inside ``agency_writes(report)``. The
year's pages and exports read such a report only through its state (not started / drafting, from
``version == 1``), status, first submission and flags (``shown``), never its texts, line statuses, figures, evidence
or events (content comes from submitted and accepted reports only: ``reports.aggregates``), so the rows written
there bump nothing, and the block bumps the plan itself when ``shown`` changed: the first save (not started →
drafting) bumps, the hundreds of later draft saves and autosaves of deadline day do not.
"""

import contextvars
from contextlib import contextmanager

from django.apps import apps
from django.core.cache import cache as default_cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import get_script_prefix
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from agencies.naming import names_date
from plan_tracker import cache as generations
from plan_tracker.cache import EVERYTHING, bump, plan_scope, remember, version_tag

from .rules import CONTENT_STATUSES
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


def page(name, plan, year, today, render, *extra):
    """A year page's body, ``render()``'s HTML, cached under the same key as ``figures`` would be: rendered once
    per generation of the plan (one process renders it, the others wait for it: ``remember``), then served as
    it is. ``render`` must not use the request (no CSRF token, no user): the body is the same for every reader
    who may see the page."""
    return mark_safe(remember(f"page:{name}", _parts(plan.pk, year, today, *extra), scopes(plan.pk), render))


def site_page(name, parts, today, render):
    """A page's body that spans plans (``render()``'s HTML), cached for ``parts`` (what else it differs by, reader to
    reader), ``today`` (the date ``render`` uses: the view reads it once and gives both the same), the language, the
    names date, the URL prefix, this release and SITE's generation (bumped with every plan's, and by every write
    that is not an agency's own quiet draft write, ``agency_writes``: those move nothing such a page may show but
    ``shown(report)``, and a change of that bumps). ``render`` must not use the request: a form's CSRF token is the
    stand-in (``plan_tracker.csrf``)."""
    parts = (*parts, today.isoformat(), translation.get_language(), names_date(), get_script_prefix())
    return mark_safe(remember(f"page:{name}", parts, (generations.SITE,), lambda: str.__str__(render())))


# Raise when the report page's body changes shape (a deploy's processes never read an older body).
REPORT_BODY_FORMAT = 1
REPORT_BODY_TIMEOUT = 3600  # s


def report_body(report, reader, today, render):
    """The body of a report's page (``render()``'s HTML: the facts, the officer's form or the read-only report, the
    review forms, the events), rendered once per state of the report and kind of reader (issue #18), then served
    as it is. Its tag is made of:

    * the report row as read for this request, every column: ``version`` moves with every save (a file added with
      it), file deleted (``services.delete_evidence``), copy of last year's text, submission, return, acceptance and
      reopening, and the other columns (status, texts, who saved, when) say the rest;
    * today (days left or late), the names date, the active time zone and URL prefix, this release;
    * SITE's generation: every write that is not the agency's own quiet draft writes (``agency_writes``, all of
      which move ``version``) bumps it: the plan's tasks and sections, the indicators, the agencies' names, the
      review's comments and events, last year's report, a user's name (``portal.fragments``).

    One entry per report, kind of reader (``reader``: what the reader may do with it: edit it, read its content,
    review it, reopen it; a coordinator never gets the officer's form, an officer never the review form) and
    language, holding (tag, HTML): a new state of the report replaces the last one instead of adding an entry
    (deadline day: a thousand officers saving every few minutes would otherwise leave a 60 kB body per save in the
    cache for an hour). An entry whose tag differs is a miss, never served. No lock (``remember``'s): one report's
    page is rarely computed by two requests at once, and a race costs only a second rendering.

    ``render`` must not use the request: its CSRF token is the stand-in (``plan_tracker.csrf``), and messages stay
    in the page around the body. A page showing what someone typed (an invalid or stale save) is never cached."""
    row = tuple(getattr(report, field.attname) for field in report._meta.concrete_fields)
    tag = version_tag(REPORT_BODY_FORMAT, row, today.isoformat(), names_date(),
                      timezone.get_current_timezone_name(), get_script_prefix(), scopes=(generations.SITE,))
    kind = "".join("1" if right else "0" for right in reader)
    slot = f"pt{generations.FORMAT}:page:report:{report.pk}:{kind}:{translation.get_language()}"
    found = default_cache.get(slot)
    if found is not None and found[0] == tag:
        return mark_safe(found[1])
    # Stored as a plain str (str() of a SafeString is a SafeString, pickled with its class name).
    html = str.__str__(render())
    default_cache.set(slot, (tag, html), REPORT_BODY_TIMEOUT)
    return mark_safe(html)


def etag(name, plan_id, year, today, *extra):
    """An ETag for what is made of the year's figures: it changes whenever a cached figure would."""
    return '"%s"' % version_tag(name, *_parts(plan_id, year, today, *extra), scopes=scopes(plan_id))


# --- what bumps -------------------------------------------------------------------------------------------

def _plan_paths():
    """{model: the chain of foreign keys from the row to the one holding plan_id} ((): the row holds it)."""
    m = apps.get_model
    return {
        m("reports", "AgencyReport"): (),
        m("reports", "ReportingYear"): (),
        m("reports", "CompiledDraft"): (),
        m("reports", "TaskReport"): ("report",),
        m("reports", "IndicatorValue"): ("report",),
        m("reports", "ReportEvent"): ("report",),
        m("reports", "Evidence"): ("task_report", "report"),
        m("reports", "LineComment"): ("line", "report"),
        m("reports", "DraftPart"): ("draft",),
    }


_PATHS = {}


def _plan_of(instance, *, query):
    """The plan id of a report-side row: through the related rows it holds already, else (``query``) one query;
    None when it cannot tell (then everything is bumped)."""
    chain = _PATHS[type(instance)]
    row = instance
    for attr in chain:
        if not getattr(type(row), attr).is_cached(row):
            break
        row = getattr(row, attr)
        if row is None:
            return None
    else:
        return row.plan_id
    if not query:
        return None
    first = getattr(type(instance), chain[0]).field
    pk = getattr(instance, first.attname)
    lookup = "__".join([*chain[1:], "plan_id"])
    return first.related_model.objects.filter(pk=pk).values_list(lookup, flat=True).first()


# True inside ``agency_writes``: report-side rows saved or deleted there bump nothing (the block decides).
_agency_writes = contextvars.ContextVar("reports_cache_agency_writes", default=False)


def shown(report):
    """What the year's cached pages, exports and feeds show of one report row that is not readable by others (not
    in CONTENT_STATUSES): its status, its submission state (reports.rules: not started while ``version`` is 1,
    then drafting; on time or late from its first submission), its invitation, its plan, year and agency."""
    return (report.status, report.version == 1, report.first_submitted_at, report.invited, report.plan_id,
            report.year, report.agency_id)


@contextmanager
def agency_writes(report):
    """The agency's own writes to ``report`` (locked by the caller, and not readable by others): the report-side rows
    saved or deleted in the block bump nothing; at its end the plan is bumped if ``shown(report)`` changed (the
    first save of a draft: not started → drafting), else nothing is (a later save changes nothing a cached page
    shows). A report whose content others read (submitted, accepted) is never written quietly: its rows bump as
    usual."""
    if report.status in CONTENT_STATUSES:
        yield
        return
    before = shown(report)
    token = _agency_writes.set(True)
    try:
        yield
    finally:
        _agency_writes.reset(token)
    if shown(report) != before:
        bump_plan(report.plan_id)


def _saved(sender, instance, **kwargs):
    if sender in _PATHS:
        if not _agency_writes.get():
            bump_plan(_plan_of(instance, query=True))
    else:
        bump_everything()


def _deleted(sender, instance, **kwargs):
    # No query here: a cascade deletes rows by the thousand, each unaware of its report; everything goes instead.
    if sender in _PATHS:
        if not _agency_writes.get():
            bump_plan(_plan_of(instance, query=False))
    else:
        bump_everything()


def _m2m_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        bump_everything()


def _report_event(sender, event=None, **kwargs):
    report = getattr(event, "report", None)
    bump_plan(getattr(report, "plan_id", None))


def feeding_models():
    """The models of the apps the figures are made from, history rows apart (written with the row they record)."""
    return [model for label in FEEDING_APPS for model in apps.get_app_config(label).get_models()
            if not model.__name__.startswith("Historical")]


def connect():
    """Receivers per model, not for every sender: a post_delete receiver for all senders would cost every other
    app's bulk deletes Django's fast path (sessions, sign-in attempts…)."""
    _PATHS.update(_plan_paths())
    for model in feeding_models():
        uid = f"reports.cache.{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid + ".saved")
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid + ".deleted")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(_m2m_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}.{field.name}")
    report_event.connect(_report_event, dispatch_uid="reports.cache.report_event")


__all__ = ["agency_writes", "bump_everything", "bump_plan", "connect", "etag", "figures", "page", "generations", "shown",
           "site_page"]
