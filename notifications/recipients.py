"""Who receives what: an agency's officers, the coordinators of a plan. Each helper is one query."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet

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


def _recipient(user, flag):
    preference = Preference.for_user(user)
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


def _coordinators(plans, memberships, flag):
    result = {}
    for plan in plans:
        own = [m for m in memberships if m.agency_id == plan.report_recipient_id]
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


def coordinators_by_plan(plans, flag):
    """{plan_id: [Recipient]}: the coordinators who receive ``plans``' reports. Those of the plan's receiving
    agency (plan.report_recipient) when it has any coordinator, else every coordinator, so that a province
    running several plans through different departments does not send each department all the mail."""
    return _coordinators(plans, list(_memberships(role=Membership.Role.COORDINATOR)), flag)


def coordinators_and_officers(plan, agency_ids, flag):
    """``coordinators_by_plan([plan], flag)[plan.pk]`` and ``officers_by_agency(agency_ids, flag)`` in one
    query: who hears of a submission (the receiving coordinators and the lead agencies' officers).
    ``agency_ids`` may be a subquery (a queryset of ids)."""
    officers_of = agency_ids if isinstance(agency_ids, QuerySet) else list(agency_ids)
    conditions = Q(role=Membership.Role.COORDINATOR) | Q(role=Membership.Role.OFFICER, agency_id__in=officers_of)
    memberships = list(_memberships(conditions))
    coordinators = [m for m in memberships if m.role == Membership.Role.COORDINATOR]
    officers = [m for m in memberships if m.role == Membership.Role.OFFICER]
    return _coordinators([plan], coordinators, flag)[plan.pk], _officers(officers, flag)
