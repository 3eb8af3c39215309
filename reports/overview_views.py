"""The coordinator's year pages for a plan: overview, tasks, one task, indicators, the agencies' words,
year over year, and the compiled exports. Coordinators, viewers and admins read them; officers get 404
(they see their own agency's reports only); the exports are the coordinator's (viewers get 403).

Figures come from ``reports.aggregates``; the charts are inline SVG drawn from them (no JavaScript)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template import engines
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition, require_GET

from accounts import roles
from plan_tracker.compiled import fits
from plan_tracker.jinja2 import PageUrls
from plan_tracker.memo import memo
from tasks.models import Plan, Task

from . import aggregates, cache, drafts, exports, overview_rows, statements
from .aggregates.figures import figures_from_tally
from .models import AgencyReport, ReportingYear
from .exports import pdf
from .naming import names_on_due_date
from .exports.docx import DOCX_CONTENT_TYPE
from .exports.xlsx import XLSX_CONTENT_TYPE


def _plan_for(user, plan_pk, year, *, bodies=False):
    """The plan if ``user`` may read the year's aggregates (404 otherwise, like a missing plan), read by a statement
    compiled once (``reports.statements``, issue #18: built by the ORM per request it was a tenth of a year page's
    CPU): the plan alone (its pages name no body of it: the names date comes from its due date), with ``bodies``
    its report's recipient and its issuer too (the parameters of a year never opened). An id outside its column's
    range is a 404 without a query."""
    if not roles.sees_all_reports(user):
        raise Http404
    statement = statements.PLAN_WITH_BODIES if bodies else statements.PLAN
    plan = statement.first(plan_pk) if fits(Plan._meta.pk, plan_pk) else None
    if plan is None or (year is not None and not plan.runs_in(year)):
        raise Http404
    return plan


# The year pages' nav (the plan, the tabs, the years, the reader's export buttons), rendered once per process for
# the values it shows: a pure function of its key (no invalidation: a changed value is another key), ~20 URLs and a
# truncated title that were a third of a cached year page's CPU. Bounded: emptied when full (plan_tracker.memo).
_NAVS = {}
_NAVS_MAX = 5_000


def _nav(plan, year, tab, can_export, can_pdf):
    key = (translation.get_language(), get_script_prefix(), plan.pk, plan.document_type, plan.number, plan.title,
           year, tab, plan.start_year, plan.last_year, can_export, can_pdf)
    return mark_safe(memo(_NAVS, key, lambda: render_to_string("reports/overview/_nav.html", {
        "plan": plan, "year": year, "tab": tab, "plan_years": list(plan.years), "can_export": can_export,
        "can_pdf": can_pdf}), _NAVS_MAX))


def _page(request, template, plan, year, tab, **context):
    """A year page around its ``nav`` (rendered with the reader's export buttons, ``_nav``); of what the nav is
    made of, the pages read ``can_pdf`` only (draft.html's PDF button)."""
    can_export, can_pdf = roles.may_export(request.user), pdf.available()
    context.update({
        "plan": plan, "year": year, "tab": tab, "can_pdf": can_pdf, "nav": _nav(plan, year, tab, can_export, can_pdf),
    })
    return render(request, f"reports/overview/{template}", context)


def _segments(items):
    """Stacked-bar geometry from (code, label, count) items: x and width in percent of the bar."""
    total = sum(n for _code, _label, n in items)
    segments, x = [], 0.0
    for code, label, n in items:
        width = 100.0 * n / total if total else 0.0
        segments.append({"code": code, "label": label, "count": n, "x": x, "width": width, "mid": x + width / 2,
                         "share": width if total else None})
        x += width
    return segments


def _today():
    return timezone.localdate()


#: The bodies rendered by Jinja2 (templates_jinja2/, each the twin of the Django template it replaced, kept as the
#: tests' reference in reports/tests/reference/): the overview's, computed after every submission on deadline day.
_JINJA_BODIES = {"overview": "reports/_overview_body.html"}


def _body(template, plan, year, **context):
    """The page's body alone (``_<template>_body.html``), for the cache: no request, the same for every reader."""
    context = {"plan": plan, "year": year, **context}
    if template in _JINJA_BODIES:  # each address reversed once per URL name (PageUrls), as in {% jinja %}
        return mark_safe(engines["jinja2"].get_template(_JINJA_BODIES[template]).render({"url": PageUrls(), **context}))
    return render_to_string(f"reports/overview/_{template}_body.html", context)


def _cached_page(request, template, plan, year, tab, build, *extra, **context):
    """A year page whose body is rendered from ``build(today)``'s context once per generation of the plan's figures
    and served from the cache as HTML (``reports.cache.page``); the nav around it (the reader's export buttons)
    is rendered for each request. ``context``: what the page's title needs. Today is read once: the body computed
    for a day is cached under that day (a request at midnight must not store yesterday's body as today's)."""
    today = _today()
    body = cache.page(template, plan, year, today, lambda: _body(template, plan, year, **build(today)), *extra)
    return _page(request, f"{template}.html", plan, year, tab, body=body, **context)


def _overview_context(plan, year, today):
    # The states' and statuses' labels translated once, not once per row (2,500 on a large deadline day).
    state_labels = {s: str(aggregates.State.LABELS[s]) for s in aggregates.State.ORDER}
    status_labels = {value: str(label) for value, label in AgencyReport.Status.choices}
    groups, invited, tally = overview_rows.groups(plan, year, state_labels, status_labels)
    data = aggregates.year_overview(plan, year, today, rows=(groups, invited),
                                    figures=figures_from_tally(plan, year, tally),
                                    overdue=statements.overdue_tasks(plan, year, today))
    f = data.figures
    bars = [{"label": _("Tất cả"), "total": f.obliged,
             "segments": _segments([(s, aggregates.State.LABELS[s], f.count(s)) for s in aggregates.State.ORDER])}]
    for g in data.groups:
        bars.append({"label": g.group.label, "total": g.total,
                     "segments": _segments([(s, aggregates.State.LABELS[s], g.counts[s])
                                            for s in aggregates.State.ORDER])})
    return {"data": data, "f": f, "bars": bars, "legend": bars[0]["segments"], "missing": f.missing(data.today),
            "state_labels": state_labels, "status_labels": status_labels}


# The year pages below name each body as on the year's due date, taken from the plan they have read
# (``names_on_due_date``: no query of its own; the former names are read only when a body is rendered, not when the
# page's body comes from the cache).

@login_required
@require_GET
def overview(request, plan_pk, year):
    plan = _plan_for(request.user, plan_pk, year)
    with names_on_due_date(plan, year):
        return _cached_page(request, "overview", plan, year, "overview",
                            lambda today: _overview_context(plan, year, today))


def _tasks_context(plan, year, today):
    rollup = aggregates.task_rollup(plan, year, today)
    for row in rollup.tasks:
        row.segments = _segments(row.all.items)
    return {"rollup": rollup, "spread_labels": aggregates.SPREAD_LABELS}


@login_required
@require_GET
def tasks(request, plan_pk, year):
    plan = _plan_for(request.user, plan_pk, year)
    with names_on_due_date(plan, year):
        return _cached_page(request, "tasks", plan, year, "tasks", lambda today: _tasks_context(plan, year, today))


def _task_context(plan, year, task):
    lines = aggregates.task_lines(plan, year, task)
    spread, lead = aggregates.line_spreads(lines)
    return {"task": task, "lines": lines, "spread": spread, "lead": lead, "segments": _segments(spread.items),
            "lead_quantity": lead.quantity, "all_quantity": spread.quantity}


@login_required
@require_GET
def task_detail(request, plan_pk, year, task_pk):
    plan = _plan_for(request.user, plan_pk, year)
    task = statements.TASK.first(plan.pk, task_pk) if fits(Task._meta.pk, task_pk) else None
    if task is None:  # no such task, another plan's, or an id outside its column's range
        raise Http404
    with names_on_due_date(plan, year):
        return _cached_page(request, "task", plan, year, "tasks", lambda _today: _task_context(plan, year, task),
                            task.pk, task=task)


@login_required
@require_GET
def indicators(request, plan_pk, year):
    plan = _plan_for(request.user, plan_pk, year)
    with names_on_due_date(plan, year):
        return _cached_page(request, "indicators", plan, year, "indicators", lambda _today: {
            "rows": aggregates.indicator_totals(plan, year), "groups": aggregates.KIND_GROUPS})


@login_required
@require_GET
def feedback(request, plan_pk, year):
    plan = _plan_for(request.user, plan_pk, year)
    with names_on_due_date(plan, year):
        return _cached_page(request, "feedback", plan, year, "feedback",
                            lambda _today: {"groups": aggregates.feedback(plan, year)})


def _years_context(plan):
    rows = aggregates.years_overview(plan)
    # Grouped bars, two per year (completeness, timeliness); 100 % is 100 units high, the baseline at y=120.
    chart = []
    for i, f in enumerate(rows):
        c, t = f.completeness or 0.0, f.timeliness or 0.0
        x = 40 + i * 60
        chart.append({"figures": f, "completeness": c, "timeliness": t, "x1": x, "x2": x + 24, "xmid": x + 23,
                      "y1": 120 - c, "y2": 120 - t})
    return {"rows": rows, "chart": chart, "chart_width": 40 + max(len(chart), 1) * 60}


@login_required
@require_GET
def years(request, plan_pk):
    plan = _plan_for(request.user, plan_pk, None)
    return _cached_page(request, "years", plan, None, "years", lambda _today: _years_context(plan))


def _export(request, plan_pk, year, *, data=True):
    """The plan and the year's compiled figures (only the plan when ``data`` is false), for a coordinator. Runs in
    the view's ``_named`` block (the agencies by their names on the year's due date)."""
    if not roles.may_export(request.user):
        raise PermissionDenied
    if not fits(Plan._meta.pk, plan_pk):
        raise Http404  # the database would refuse the id (a lookup through the foreign key is not range-checked)
    # Every opened year's parameters with their plan in one query: the year's (what heads the compiled report; a
    # year never opened takes the plan's) and which years are opened (the charts over the years).
    opened = list(ReportingYear.objects.select_related("plan__report_recipient", "plan__issuer", "recipient")
                  .filter(plan_id=plan_pk))
    params = next((row for row in opened if row.year == year), None)
    if params is None or not params.plan.runs_in(year):
        plan = _plan_for(request.user, plan_pk, year, bodies=True)
        params = ReportingYear(plan=plan, year=year, **ReportingYear.parameters_from(plan))
    plan = params.plan
    if not data:
        return plan, None
    with names_on_due_date(plan, year, loaded=[params.recipient, plan.report_recipient, plan.issuer]):
        return plan, aggregates.compile_year(plan, year, _today(), params=params,
                                             opened={row.year for row in opened})


def _validated(kind):
    """ETag on an export (``condition``): made from the plan's cache generations (reports/cache.py), so a repeated
    download with If-None-Match answers 304 before anything is computed, and any change that would change the
    file changes it. Only for whoever may export (the view answers the others 403), and only on a file (a 503 or
    an error carries none). No Last-Modified: its one-second grain would call a file changed in the same second
    as it was sent unchanged."""
    def etag(request, plan_pk, year):
        if not roles.may_export(request.user):
            return None
        return cache.etag(f"export-{kind}", plan_pk, year, _today())

    def decorator(view):
        conditional = condition(etag_func=etag)(view)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = conditional(request, *args, **kwargs)
            if response.status_code not in (200, 304) and response.has_header("ETag"):
                del response["ETag"]
            return response
        return wrapper
    return decorator


def _download(content, content_type, plan, year, extension):
    name = f"bao-cao-tong-hop-{slugify(plan.number)}-{year}.{extension}"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    return response


@login_required
@require_GET
@_validated("xlsx")
def export_xlsx(request, plan_pk, year):
    plan, data = _export(request, plan_pk, year)
    return _download(exports.build_xlsx(data), XLSX_CONTENT_TYPE, plan, year, "xlsx")


@login_required
@require_GET
@_validated("docx")
def export_docx(request, plan_pk, year):
    plan, content = _report_docx(request, plan_pk, year)
    return _download(content, DOCX_CONTENT_TYPE, plan, year, "docx")


def _report_docx(request, plan_pk, year):
    plan, data = _export(request, plan_pk, year)
    # The coordinator's draft when there is one: its text, edits and all; else the text generated now.
    parts = drafts.parts_for(plan, year)
    return plan, exports.build_docx(data, parts)


@login_required
@require_GET
@_validated("pdf")
def export_pdf(request, plan_pk, year):
    """The same document as PDF, where LibreOffice is installed (404 where it is not: no link is shown)."""
    if not roles.may_export(request.user):
        raise PermissionDenied
    if not pdf.available():
        raise Http404
    plan, content = _report_docx(request, plan_pk, year)
    try:
        content = pdf.docx_to_pdf(content)
    except pdf.PdfUnavailable:
        return HttpResponse(str(_("Không tạo được bản PDF lúc này; hãy tải bản DOCX.")), status=503,
                            content_type="text/plain; charset=utf-8")
    return _download(content, pdf.PDF_CONTENT_TYPE, plan, year, "pdf")
