"""Who receives what: an agency's officers, the coordinators of a plan. Each helper is one query."""

from collections import defaultdict
from dataclasses import dataclass

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


def _memberships(role, **filters):
    return (
        Membership.objects.filter(role=role, user__is_active=True, **filters)
        .exclude(user__email="")
        .select_related("user__notification_preference")
        .order_by("agency_id", "user__username")
    )


def _recipient(user, flag):
    preference = Preference.for_user(user)
    if not getattr(preference, flag):
        return None
    return Recipient(user.email.strip(), preference.language or "vi", user)


def officers_by_agency(agency_ids, flag):
    """{agency_id: [Recipient]}: the agencies' active officers with an email who have not turned ``flag``
    (REMINDERS or NOTIFICATIONS) off. Agencies with nobody left are absent."""
    result = defaultdict(list)
    for membership in _memberships(Membership.Role.OFFICER, agency_id__in=list(agency_ids)):
        recipient = _recipient(membership.user, flag)
        if recipient and recipient.key not in {r.key for r in result[membership.agency_id]}:
            result[membership.agency_id].append(recipient)
    return {agency_id: people for agency_id, people in result.items() if people}


def coordinators_by_plan(plans, flag):
    """{plan_id: [Recipient]}: the coordinators who receive ``plans``' reports. Those of the plan's receiving
    agency (plan.report_recipient) when it has any coordinator, else every coordinator, so that a province
    running several plans through different departments does not send each department all the mail."""
    memberships = list(_memberships(Membership.Role.COORDINATOR))
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
