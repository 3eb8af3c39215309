"""One access helper per protected object. Another agency's object and a missing one both answer 404;
a read-only role trying to write gets 403 (STYLE.md §6)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts import roles
from plan_tracker.compiled import Statement, fits

from . import rules

from .models import AgencyReport, Evidence, visible_agency_ids


def _report(pk):
    return AgencyReport.objects.select_related("plan", "agency", "updated_by", "reviewed_by").filter(pk=pk)


# ``AgencyReport.objects.visible_to(user)``'s two shapes (every report; the officer's agencies'), compiled once
# (plan_tracker.compiled: 2-3 ms of CPU per request otherwise, on every request of an officer's report).
_ANY_REPORT = Statement(_report)
_AGENCIES_REPORT = Statement(lambda pk, agency_ids: _report(pk).filter(agency_id__in=agency_ids))
# The same two, the report's row locked (``FOR UPDATE OF`` the report alone: PostgreSQL cannot lock the nullable side
# of the outer joins to updated_by and reviewed_by): ``lock=True``.
_ANY_REPORT_LOCKED = Statement(lambda pk: _report(pk).select_for_update(of=("self",)))
_AGENCIES_REPORT_LOCKED = Statement(
    lambda pk, agency_ids: _report(pk).filter(agency_id__in=agency_ids).select_for_update(of=("self",)))


def get_report_for_user(user, pk, *, lock=False):
    """The report if ``user`` may read it (``AgencyReport.objects.visible_to(user)``), else 404.

    ``lock``: read with its row locked until the current transaction ends (inside ``transaction.atomic``), for a
    change the caller then makes on this very row without reading it again (``services.save_report`` and
    ``submit_report`` with ``locked=True``): one statement instead of the read and the service's locked read."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    if not fits(AgencyReport._meta.pk, pk):
        raise Http404
    agency_ids = visible_agency_ids(user)
    if agency_ids is None:
        report = (_ANY_REPORT_LOCKED if lock else _ANY_REPORT).first(pk)
    else:
        statement = _AGENCIES_REPORT_LOCKED if lock else _AGENCIES_REPORT
        report = statement.first(pk, sorted(agency_ids)) if agency_ids else None
    if report is None:
        raise Http404
    return report


def get_writable_report_for_user(user, pk, *, lock=False):
    """The report if ``user`` is an officer of its agency (404 if they cannot see it, 403 if read-only); ``lock``: as
    ``get_report_for_user``'s."""
    report = get_report_for_user(user, pk, lock=lock)
    if report.agency_id not in roles.officer_agency_ids(user):
        raise PermissionDenied
    return report


def get_reviewable_report_for_user(user, pk):
    """The report if ``user`` may review it: 403 for anyone without the power (whatever the report), then 404."""
    if not roles.may_review(user):
        raise PermissionDenied
    return get_report_for_user(user, pk)


def shows_content(user, report, officer_ids=None):
    """Drafts stay private to their agency: others see a report's content once it has been submitted."""
    officer_ids = roles.officer_agency_ids(user) if officer_ids is None else officer_ids
    return report.agency_id in officer_ids or rules.readable_by_others(report)


def get_evidence_for_user(user, pk):
    evidence = get_object_or_404(Evidence.objects.select_related("task_report__report"), pk=pk)
    report = evidence.task_report.report
    if not AgencyReport.objects.visible_to(user).filter(pk=report.pk).exists() or not shows_content(user, report):
        raise Http404
    return evidence
