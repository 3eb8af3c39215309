"""The year overview's agency rows (500 on deadline day), each rendered once per process for the values it shows.

The overview's body is computed afresh after every submission (its figures changed), but a submission changes one
row: rendering the other 499 again (a URL, a translated label, a date formatted in the reader's language, each) was
two thirds of the page's CPU (README "Deadline day"). A row is a pure function of its key: the report's id, the
agency's name, the row's state and days late, the report's status and first submission, and what the rendering
itself depends on (language, the formats of the language and the time zone, the URL prefix). So the memo can
never serve a row that differs from what rendering it now would give, and needs no invalidation: a changed value
is another key. Local to the process (no cache round trip), bounded (emptied when full: ``plan_tracker.memo``)."""

from functools import partial

from django.template import engines
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.formats import get_format
from django.utils.safestring import mark_safe

from plan_tracker.memo import memo

MAX_ROWS = 20_000  # ~1 KB each: at most ~20 MB per process
_rows = {}


def _template():
    return engines["jinja2"].get_template("reports/_overview_row.html")


def rows_html(rows, state_labels, status_labels):
    """The HTML of ``rows`` (``aggregates.overview.AgencyRow``) in order, each after a new line and four spaces, as
    one safe string (the table's body: one value for the template to print, not 2,500)."""
    context_key = (translation.get_language(), get_script_prefix(), get_format("SHORT_DATETIME_FORMAT"),
                   timezone.get_current_timezone_name())
    template = None

    def render(row, days_late):
        nonlocal template
        template = template or _template()  # looked up once, on the first miss
        report = row.report
        return mark_safe(template.render({
            "url": reverse("reports:report-detail", args=[report.pk]), "name": row.agency.name,
            "state": row.state, "state_label": state_labels[row.state], "days_late": days_late,
            "status": report.status, "status_label": status_labels[report.status],
            "first": row.first_submitted_local,
        }))

    out = []
    for row in rows:
        report = row.report
        first = report.first_submitted_at
        days_late = row.days_late if row.state == "late" else None
        key = (context_key, report.pk, row.agency.name, row.state, days_late, report.status,
               first.isoformat() if first is not None else None)
        out.append(memo(_rows, key, partial(render, row, days_late), MAX_ROWS))
    return mark_safe("".join(["\n    " + html for html in out]))
