"""The name in force on the date a page is about (issue #13: "every screen that names an agency shows the name in
force on the date it is about").

A view about a date (a year's pages and exports are about the year's due date, a report's page about its year's)
runs inside ``names_on(date)``: every ``Agency`` loaded from the database there, directly or through
``select_related``, carries the name and short name in force on that date (``Agency.name_on``; the former names
are read once, in one query, when the block first needs them: a page whose body comes from the cache loads no agency
and pays no query for them), so templates, exports and mails that print ``agency.name`` or
``agency`` need no change and no query per row. Such an object is for showing: saving it is refused (its stored
name is not the one it carries). Values read with ``values()`` are not renamed."""

import contextvars
import datetime
import copy
from contextlib import ContextDecorator

_NAMES = contextvars.ContextVar("agency_names_on", default=None)
_FORMER = None  # the former names' Statement, once the models are loaded
_DATE_STAND_IN = datetime.date(1, 2, 3)


class _Names:
    """A ``names_on`` block's date and its former names, read on first use (one query, compiled once)."""

    __slots__ = ("on", "_former")

    def __init__(self, on):
        self.on, self._former = on, None

    @property
    def former(self):
        if self._former is None:
            self._former = _read_former(self.on)
        return self._former


def _read_former(on):
    from .models import AgencyName

    global _FORMER
    if _FORMER is None:  # compiled once (plan_tracker.compiled): every report page and export starts here
        from plan_tracker.compiled import Statement

        _FORMER = Statement(lambda on: AgencyName.objects.filter(used_until__gte=on).order_by("used_until")
                            .values_list("agency_id", "name", "short_name"), stand_ins=(_DATE_STAND_IN,))
    former = {}
    if on is not None:
        for agency_id, name, short_name in _FORMER.rows(on):
            former.setdefault(agency_id, (name, short_name))  # the earliest name still in force on the date
    return former


class names_on(ContextDecorator):
    def __init__(self, on):
        self.on = on
        self._token = None

    def __enter__(self):
        self._token = _NAMES.set(_Names(self.on))
        return self

    def __exit__(self, *exc):
        _NAMES.reset(self._token)
        return False


def rename_loaded(agency):
    """Give ``agency`` (just loaded) the name in force on the current ``names_on`` date, if any differs."""
    state = _NAMES.get()
    if state is None or state.on is None or "name" not in agency.__dict__:
        return
    on = state.on
    names = state.former.get(agency.pk)
    if names is None:
        return
    agency._stored_names = (agency.name, agency.short_name)
    agency.name, agency.short_name = names
    agency._named_on = on


def former_names():
    """{agency id: (name, short name)} of the agencies whose names on the current ``names_on`` date differ from their
    names now (empty outside a block): what ``rename_loaded`` gives loaded agencies, for names read with
    ``values()``."""
    state = _NAMES.get()
    return {} if state is None else state.former


def names_date():
    """The date of the current ``names_on`` block (None outside one, or in a block for no date): what a value
    cached from agencies loaded here must be keyed on."""
    state = _NAMES.get()
    return None if state is None else state.on


def named_on(agency, on):
    """``agency`` as ``names_on(on)`` would have loaded it: a copy carrying the name in force on ``on`` (read from
    its prefetched ``former_names``, or one query without), or ``agency`` itself when that is its name. For agencies
    loaded once for several dates, where no one ``names_on`` block fits (the reminders of every open year, each
    about its own due date). Like the others, such a copy refuses to be saved."""
    names = agency.name_on(on)
    if on is None or names == (agency.name, agency.short_name):
        return agency
    renamed = copy.copy(agency)
    renamed._stored_names = (agency.name, agency.short_name)
    renamed.name, renamed.short_name = names
    renamed._named_on = on
    return renamed
