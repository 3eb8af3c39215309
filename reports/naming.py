"""Views about a reporting year show each agency by the name in force on the year's due date
(``agencies.naming.names_on``): the year's pages and exports, a report's pages. Two queries a request (the date,
the former names), whatever the number of agencies shown."""

from contextlib import contextmanager
from functools import wraps

from agencies.naming import names_date, names_on, rename_loaded
from tasks.models import Plan

from .models import AgencyReport


def _due(year, month_day):
    if month_day is None:
        return None
    month, day = month_day
    try:
        return Plan(report_due_month=month, report_due_day=day).report_due_date(year)
    except (ValueError, OverflowError):  # a year no plan runs in: the view answers 404 itself
        return None


def names_of_the_year(view):
    """For a view taking ``plan_pk`` and ``year``."""
    @wraps(view)
    def wrapper(request, plan_pk, year, *args, **kwargs):
        month_day = Plan.objects.filter(pk=plan_pk).values_list("report_due_month", "report_due_day").first()
        with names_on(_due(year, month_day)):
            return view(request, plan_pk, year, *args, **kwargs)
    return wrapper


def names_of_the_report(view):
    """For a view taking a report's ``pk``."""
    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        row = AgencyReport.objects.filter(pk=pk).values_list(
            "year", "plan__report_due_month", "plan__report_due_day").first()
        with names_on(_due(row[0], row[1:]) if row else None):
            return view(request, pk, *args, **kwargs)
    return wrapper


@contextmanager
def names_on_due_date(plan, year, loaded=()):
    """The agencies loaded in the block by their names on ``plan``'s due date for ``year``, for a view that has read
    the plan already (the exports: one query fewer than ``names_of_the_year``); ``loaded``: agencies read before
    the block, renamed too. Inside a block already (a draft view): that block's names stand."""
    if names_date() is not None:
        yield
        return
    with names_on(_due(year, (plan.report_due_month, plan.report_due_day))):
        for agency in loaded:
            if agency is not None:
                rename_loaded(agency)
        yield
