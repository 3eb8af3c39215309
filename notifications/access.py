"""One access helper per protected object (STYLE.md §6): managing an agency's calendar address is a power over
that agency (accounts.roles.may_manage_calendar); without it the answer is 403, for a missing agency 404."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from accounts import roles
from agencies.models import Agency

# Who may give out or revoke an agency's calendar address: its officers and coordinators.
CALENDAR_ROLES = (roles.OFFICER, roles.COORDINATOR)


def calendar_agencies(user):
    """The agencies whose calendar ``user`` manages, each with ``live_token`` (or None). Two queries."""
    from django.db.models import Prefetch

    from .models import CalendarToken

    if not roles.signed_in(user):
        return []
    agencies = (
        Agency.objects.filter(memberships__user=user, memberships__role__in=CALENDAR_ROLES)
        .prefetch_related(Prefetch("calendar_tokens", queryset=CalendarToken.objects.live(), to_attr="live_tokens"))
        .order_by("name")
    )
    result = list(agencies)
    for agency in result:
        agency.live_token = agency.live_tokens[0] if agency.live_tokens else None
    return result


def get_calendar_agency_for_user(user, agency_pk):
    """The agency if ``user`` may manage its calendar address (accounts.roles.may_manage_calendar), else 403
    (agencies are public to signed-in users: nothing to hide behind a 404); 404 for no such agency."""
    if not roles.may_manage_calendar(user, agency_pk):
        raise PermissionDenied
    return get_object_or_404(Agency, pk=agency_pk)
