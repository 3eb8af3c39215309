"""The year overview's agencies (2,500 on a large deadline day): read in one query, each row's state, group, place
and HTML worked out once per process for the values it shows.

The overview's body is computed afresh after every submission (its figures changed), but a submission changes one
row. Each row is read as a tuple of its columns (the report's id, status, whether untouched, first submission and
invitation; its agency's id, names in force on the names date, sort key, code and kind), and everything the page
takes from it (its state, days late, kind group and place in the list, and its HTML: a URL, translated labels, a date
in the reader's language and time zone) is a pure function of that tuple and of what the rendering itself depends on: the
year's due date and deadline, the language, the formats of the language, the project's and the active time zone, the
URL prefix. So the memo is keyed on exactly those: it can never serve a row that differs from what working it out now
would give, and needs no invalidation (a changed value is another key). Only rows whose values changed since they
were last seen are worked out again; the rest are dictionary look-ups, their HTML joined as stored strings, the
counts summed from the stored states (session 14: a computed overview at 2,500 agencies spent ~17 ms of its ~30 ms
of CPU making objects, states, sort keys and look-ups per row, README "The overview's CPU, session 14").
Local to the process (no cache round trip), bounded (emptied when full)."""

import zoneinfo
from collections import Counter
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.db import connections, router
from django.db.models import BooleanField, CharField, ExpressionWrapper
from django.db.models.functions import Cast
from django.template import engines
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.formats import get_format
from django.utils.safestring import mark_safe

from agencies.naming import former_names
from plan_tracker.compiled import Statement

from . import rules
from .aggregates.kinds import GROUP_ORDER, KIND_GROUPS, GroupRows, kind_group
from .aggregates.overview import AgencyRow, _ShownAgency, _ShownReport
from .models import AgencyReport
from .rules import State

MAX_ROWS = 20_000  # rows in all contexts (~1.2 KB each: ~25 MB per process)
MAX_CONTEXTS = 64  # (language, time zone, due date…) combinations kept at once
_contexts = {}

#: The columns a row is read with, in the order of its tuple (the memo's key). Of the report's version, only whether
#: it is untouched (``rules.is_untouched``: never saved): a draft saved again (a new version) is the same row, not a
#: miss (session 15). The first submission is read as the
#: database writes it out (text: exact to the microsecond, with its offset on PostgreSQL, in UTC on SQLite) and made a
#: date-time only when a row is worked out: Django's loader of PostgreSQL's date-times is Python, ~4 us a value (6 of
#: a computed overview's ~18 ms once 1,400 of 2,500 had submitted).
COLUMNS = ("pk", "status", "untouched", "first_text", "invited", "agency_id", "agency__name",
           "agency__short_name", "agency__sort_key", "agency__code", "agency__kind")
PK, STATUS, UNTOUCHED, FIRST, INVITED, AGENCY, NAME, SHORT, SORT_KEY, CODE, KIND = range(len(COLUMNS))

#: A plan year's reports with their agencies, as tuples (compiled once: ``plan_tracker.compiled``); the year is a
#: small integer: its own stand-in.
ROWS = Statement(lambda plan_id, year: AgencyReport.objects.filter(plan_id=plan_id, year=year).order_by()
                 .annotate(first_text=Cast("first_submitted_at", CharField()),
                           untouched=ExpressionWrapper(rules.untouched_q(), output_field=BooleanField()))
                 .values_list(*COLUMNS),
                 stand_ins=(None, 32_101))


def first_submitted(text):
    """The first submission's instant from its text as read (None: never submitted); naive text (SQLite) is in the
    database's time zone, as Django reads it (UTC unless ``DATABASES`` sets another)."""
    if text is None:
        return None
    found = parse_datetime(text)
    if found is None:
        raise ValueError(f"not a date-time: {text!r}")
    return found if found.tzinfo is not None else found.replace(tzinfo=connections[ROWS_DB].timezone)


ROWS_DB = router.db_for_read(AgencyReport)

# An entry: (place in the list, group code, state, status, invited, HTML).
_PLACE, _GROUP, _STATE, _STATUS, _INVITED, _HTML = range(6)


def clear():
    """Forget every row (tests: a page rendered with nothing remembered)."""
    _contexts.clear()


def _template():
    return engines["jinja2"].get_template("reports/_overview_row.html")


class _Worker:
    """Works a row's entry out (on a miss): its state and days late against the year's deadline, its group and
    place, its HTML with the page's labels."""

    def __init__(self, plan, year, state_labels, status_labels):
        self.plan, self.year = plan, year
        self.end, self.due = rules.deadline_end(plan, year), rules.due_date(plan, year)
        self.state_labels, self.status_labels = state_labels, status_labels
        self.template = None

    def entry(self, row):
        first, status = first_submitted(row[FIRST]), row[STATUS]
        state = rules.state_of(first, row[UNTOUCHED], self.end)
        group = kind_group(row[KIND])
        place = (GROUP_ORDER[group], row[SORT_KEY], row[CODE])
        if row[INVITED]:  # shown in the invited bodies' own table (``invited``), made per request: no HTML here
            return (place, group, state, status, True, None)
        days_late = rules.days_late_after(first, self.due) if state == State.LATE else None
        self.template = self.template or _template()  # looked up once, on the first miss
        html = "\n    " + self.template.render({
            "url": reverse("reports:report-detail", args=[row[PK]]), "name": row[NAME],
            "state": state, "state_label": self.state_labels[state], "days_late": days_late,
            "status": status, "status_label": self.status_labels[status],
            "first": first.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)) if first is not None else None,
        })
        return (place, group, state, status, False, html)

    def invited(self, row):
        """An invited body's row for the page's own table (few: made as objects each time)."""
        agency = _ShownAgency(row[AGENCY], row[NAME], row[SHORT], row[SORT_KEY], row[CODE], row[KIND])
        first = first_submitted(row[FIRST])
        report = _ShownReport(self.plan, self.plan.pk, row[PK], self.year, row[STATUS], first, row[INVITED], agency)
        return AgencyRow(report, rules.state_of(first, row[UNTOUCHED], self.end))


def _store(worker):
    """The rows remembered for the page's context; every context's emptied once they hold ``MAX_ROWS`` rows in all
    (or ``MAX_CONTEXTS`` contexts): a bound of the process's memory, at most one page's rows over it."""
    key = (translation.get_language(), get_script_prefix(), get_format("SHORT_DATETIME_FORMAT"),
           timezone.get_current_timezone_name(), settings.TIME_ZONE, worker.due, worker.end,
           tuple(worker.state_labels.items()), tuple(worker.status_labels.items()))
    if sum(map(len, _contexts.values())) >= MAX_ROWS or (key not in _contexts and len(_contexts) >= MAX_CONTEXTS):
        _contexts.clear()
    return _contexts.setdefault(key, {})


class Tally:
    """The obliged reports counted: by state, returned, accepted (``aggregates.figures.figures_from_tally``)."""

    __slots__ = ("states", "returned", "accepted")

    def __init__(self, states, returned, accepted):
        self.states, self.returned, self.accepted = states, returned, accepted


def groups(plan, year, state_labels, status_labels):
    """The year's obliged reports by kind group, in Vietnamese order, each group's ``rows_html`` its rows' HTML (each
    row after a new line and four spaces, one safe string), ``counts`` by state and ``rows`` its rows' entries (for
    ``total``); the invited bodies' rows apart (``AgencyRow``, in the same order); the obliged reports' ``Tally``.
    One query (the former names of the names date aside: ``agencies.naming``, read once per request)."""
    worker = _Worker(plan, year, state_labels, status_labels)
    store = _store(worker)
    former = former_names()
    entries, invited = [], []
    get, append = store.get, entries.append
    for row in ROWS.rows(plan.pk, year):
        if former and row[AGENCY] in former:
            row = (*row[:NAME], *former[row[AGENCY]], *row[SORT_KEY:])
        entry = get(row)
        if entry is None:
            entry = store[row] = worker.entry(row)
        if entry[_INVITED]:
            invited.append((entry[_PLACE], worker.invited(row)))
        else:
            append(entry)
    place = itemgetter(_PLACE)
    entries.sort(key=place)
    invited.sort(key=place)
    found, states = [], Counter()
    kinds = {g.code: g for g in KIND_GROUPS}
    for code, own in groupby(entries, itemgetter(_GROUP)):  # the place begins with the group's order
        own = list(own)
        counts = Counter(map(itemgetter(_STATE), own))
        states.update(counts)
        group = GroupRows(kinds[code], own, {s: counts[s] for s in State.ORDER})
        group.rows_html = mark_safe("".join(map(itemgetter(_HTML), own)))
        found.append(group)
    statuses = Counter(map(itemgetter(_STATUS), entries))
    tally = Tally({s: states[s] for s in State.ORDER}, statuses[AgencyReport.Status.RETURNED],
                  statuses[AgencyReport.Status.ACCEPTED])
    return found, [row for _place, row in invited], tally
