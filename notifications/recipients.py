"""Who receives what: an agency's officers, the coordinators of a plan. Each helper is one query."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, OuterRef, Q, QuerySet

from django.utils import timezone

from accounts import roles
from plan_tracker.compiled import Statement
from agencies.models import Membership

from .models import Preference

REMINDERS = "reminders"
NOTIFICATIONS = "notifications"


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    user: object = None

    @property
    def key(self):
        return self.email.lower()


def _memberships(*conditions, **filters):
    return (
        Membership.objects.filter(*conditions, user__is_active=True, **filters)
        .exclude(user__email="")
        .select_related("user__notification_preference")
        .order_by("agency_id", "user__username")
    )


_DEFAULT = []  # [an unsaved Preference holding the defaults]: made once, read only (``_preference``)


def _preference(user):
    """``Preference.for_user(user)``, a user without a saved one given one shared unsaved instance of the defaults
    (read only here) instead of a new instance each: deadline day's submissions tell ~24 people each, most of whom
    never saved a preference (issue #18)."""
    try:
        return user.notification_preference
    except ObjectDoesNotExist:
        if not _DEFAULT:
            _DEFAULT.append(Preference())
        return _DEFAULT[0]


def _recipient(user, flag):
    preference = _preference(user)
    if not getattr(preference, flag):
        return None
    return Recipient(user.email.strip(), preference.language or "vi", user)


def _officers(memberships, flag):
    result = defaultdict(list)
    for membership in memberships:
        recipient = _recipient(membership.user, flag)
        if recipient and recipient.key not in {r.key for r in result[membership.agency_id]}:
            result[membership.agency_id].append(recipient)
    return {agency_id: people for agency_id, people in result.items() if people}


def _coordinators(plans, memberships, flag, recipients=None):
    result = {}
    for plan in plans:
        receiving = (recipients or {}).get(plan.pk, plan.report_recipient_id)
        own = [m for m in memberships if m.agency_id == receiving]
        people = []
        for membership in own or memberships:
            recipient = _recipient(membership.user, flag)
            if recipient and recipient.key not in {r.key for r in people}:
                people.append(recipient)
        result[plan.pk] = people
    return result


def officers_by_agency(agency_ids, flag):
    """{agency_id: [Recipient]}: the agencies' active officers with an email who have not turned ``flag``
    (REMINDERS or NOTIFICATIONS) off. Agencies with nobody left are absent."""
    return _officers(_memberships(role=Membership.Role.OFFICER, agency_id__in=list(agency_ids)), flag)


def coordinators_by_plan(plans, flag, recipients=None):
    """{plan_id: [Recipient]}: the coordinators who receive ``plans``' reports. Those of the receiving agency (the
    year's, ``recipients``: {plan_id: agency_id} from ``ReportingYear.recipient``; else the plan's) when it has any
    coordinator, else every coordinator, so that a province running several plans through different departments
    does not send each department all the mail. A coordinator is one by role (``accounts.roles``): a membership in
    a body that has ceased makes nobody a coordinator."""
    today = timezone.localdate()
    return _coordinators(plans, list(_memberships(roles.coordinator_memberships_q(today))), flag, recipients)


def _coordinators_and_officers_query(plan_id, agency_ids, year, today):
    officers_of = agency_ids if isinstance(agency_ids, QuerySet) else list(agency_ids)
    conditions = (roles.coordinator_memberships_q(today) | Q(role=Membership.Role.OFFICER, agency_id__in=officers_of))
    memberships = _memberships(conditions)
    if year is not None:  # the year's receiving body, read in the same query
        from reports.models import ReportingYear

        memberships = memberships.annotate(receives=Exists(ReportingYear.objects.filter(
            plan_id=plan_id, year=year, recipient_id=OuterRef("agency_id"))))
    return memberships


def coordinators_and_officers(plan, agency_ids, flag, year=None):
    """``coordinators_by_plan([plan], flag)[plan.pk]`` and ``officers_by_agency(agency_ids, flag)`` in one
    query: who hears of a submission (the receiving coordinators and the lead agencies' officers).
    ``agency_ids`` may be a subquery (a queryset of ids)."""
    memberships = list(_coordinators_and_officers_query(plan.pk, agency_ids, year, timezone.localdate()))
    return _split(plan, memberships, flag, year)


def submission_recipients(report, flag):
    """``coordinators_and_officers(report.plan, lead_agencies_told(report), flag, year=report.year)``: who hears of
    ``report``'s submission, by the same query, built and compiled once a day per database instead of at every
    submission (~5 ms of CPU, a quarter of the submit request: issue #18) and run with the report's values.

    The compiled part is ``lead_agencies_told`` (and ``_coordinators_and_officers_query``) applied to a stand-in
    report: they must not branch on the report's values (its year, plan, agency, due date), only pass them into the
    query; a branch would be taken for the stand-in once a day and hold for every report (``plan_tracker.compiled.Statement`` refuses a
    stand-in missing from the parameters, not a branch). The agencies' validity dates are the data's, compared in SQL
    with the report's year's due date (tests: test_submission_recipients)."""
    due = report.plan.report_due_date(report.year)
    memberships = _submission_statement(timezone.localdate()).rows(
        report.pk, report.agency_id, report.plan_id, report.year, due)
    return _split(report.plan, memberships, flag, report.year)


#: Stand-ins (plan_tracker.compiled) the generated ones cannot be: the year's inside its small-integer column's range
#: (a value outside it would make Django drop the condition), the due date a date.
_STAND_IN_YEAR = 32_101
_STAND_IN_DUE = datetime.date(1, 2, 3)
#: {local date: Statement}: today's (the coordinators' rule is dated).
_SUBMISSION = {}


class _ReportValues:
    """What ``lead_agencies_told`` reads of a report, as the statement's values (stand-ins when it is compiled)."""

    def __init__(self, pk, agency_id, plan_id, year, due):
        self.pk, self.agency_id, self.plan_id, self.year = pk, agency_id, plan_id, year
        self.plan = _PlanValues(plan_id, due)


class _PlanValues:
    def __init__(self, pk, due):
        self.pk, self._due = pk, due

    def report_due_date(self, year):
        return self._due


def _submission_statement(today):
    found = _SUBMISSION.get(today)
    if found is None:
        from .coordination import lead_agencies_told

        def build(report_id, agency_id, plan_id, year, due):
            report = _ReportValues(report_id, agency_id, plan_id, year, due)
            return _coordinators_and_officers_query(plan_id, lead_agencies_told(report), year, today)

        found = Statement(build, stand_ins=(None, None, None, _STAND_IN_YEAR, _STAND_IN_DUE))
        _SUBMISSION.clear()  # yesterday's
        _SUBMISSION[today] = found
    return found


def _split(plan, memberships, flag, year):
    coordinators = [m for m in memberships if m.role == Membership.Role.COORDINATOR]
    officers = [m for m in memberships if m.role == Membership.Role.OFFICER]
    recipients = None
    if year is not None:
        receiving = next((m.agency_id for m in coordinators if m.receives), None)
        recipients = {plan.pk: receiving} if receiving else None
    return _coordinators([plan], coordinators, flag, recipients)[plan.pk], _officers(officers, flag)
