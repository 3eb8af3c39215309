"""Calendar addresses: an agency's secret iCalendar address (a CalendarToken), made new or revoked."""

from django.db import transaction
from django.utils import timezone

from agencies.models import Agency

from .models import CalendarToken


@transaction.atomic
def new_calendar_token(agency, user):
    """Give the agency a new calendar address; the old one, if any, stops working at once."""
    Agency.objects.select_for_update().filter(pk=agency.pk).first()  # one new address at a time per agency
    CalendarToken.objects.live().filter(agency=agency).update(revoked_at=timezone.now(), revoked_by=user)
    return CalendarToken.objects.create(agency=agency, created_by=user)


@transaction.atomic
def revoke_calendar_token(agency, user):
    """The agency's calendar address stops working; returns how many were revoked (0 or 1)."""
    return CalendarToken.objects.live().filter(agency=agency).update(revoked_at=timezone.now(), revoked_by=user)
