"""Views about a reporting year show each agency by the name in force on the year's due date
(``agencies.naming.names_on``): the year's pages and exports, a report's pages. Two queries a request (the date,
the former names), whatever the number of agencies shown."""

from functools import wraps

from agencies.naming import names_on
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
