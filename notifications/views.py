from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils import timezone, translation
from django.views.decorators.http import condition, require_POST, require_safe

from plan_tracker.cache import SITE, version_tag

from .access import calendar_agencies, get_calendar_agency_for_user
from .calendar import build_feed
from .emails import absolute_url
from .forms import PreferenceForm
from .models import CalendarToken, Preference
from .tokens import new_calendar_token, revoke_calendar_token


def _feed_urls(token):
    url = absolute_url(reverse("notifications:calendar-feed", args=[token.token]))
    return url, "webcal://" + url.split("://", 1)[1]


@login_required
def preferences(request):
    """GET: the user's email settings and their agencies' calendar addresses. POST: save the settings."""
    preference = Preference.for_user(request.user)
    if request.method == "POST":
        form = PreferenceForm(request.POST, instance=preference)
        if form.is_valid():
            form.save()
            messages.success(request, _("Đã lưu cài đặt thông báo."))
            return redirect("notifications:preferences")
        status = 400
    else:
        # A first visit suggests the language the user is reading the site in.
        initial = {"language": request.LANGUAGE_CODE} if preference.pk is None else None
        form = PreferenceForm(instance=preference, initial=initial)
        status = 200
    calendars = calendar_agencies(request.user)
    for agency in calendars:
        agency.feed_url, agency.webcal_url = _feed_urls(agency.live_token) if agency.live_token else (None, None)
    return render(request, "notifications/preferences.html", {"form": form, "calendars": calendars}, status=status)


@login_required
@require_POST
def calendar_token_new(request, agency_pk):
    agency = get_calendar_agency_for_user(request.user, agency_pk)
    new_calendar_token(agency, request.user)
    messages.success(request, _("Đã tạo địa chỉ lịch mới cho %(agency)s. Địa chỉ cũ (nếu có) không còn dùng được.")
                     % {"agency": agency.name})
    return redirect("notifications:preferences")


@login_required
@require_POST
def calendar_token_revoke(request, agency_pk):
    agency = get_calendar_agency_for_user(request.user, agency_pk)
    if revoke_calendar_token(agency, request.user):
        messages.success(request, _("Đã thu hồi địa chỉ lịch của %(agency)s.") % {"agency": agency.name})
    else:
        messages.info(request, _("%(agency)s chưa có địa chỉ lịch nào đang dùng.") % {"agency": agency.name})
    return redirect("notifications:preferences")


def _feed_etag(request, token):
    """The feed's ETag: the token, the day, the language and the site's cache generation (plan_tracker.cache: it
    moves with any change to agencies, tasks or reports), so a calendar app polling an unchanged feed gets 304.
    None for a wrong or revoked token (the view answers 404)."""
    if not CalendarToken.objects.live().filter(token=token).exists():
        return None
    return '"%s"' % version_tag("ics", token, timezone.localdate(), translation.get_language(), scopes=(SITE,))


@require_safe
@condition(etag_func=_feed_etag)
def calendar_feed(request, token):
    """The agency's deadlines for calendar apps. A wrong or revoked token answers 404, like any missing page."""
    found = CalendarToken.objects.live().select_related("agency").filter(token=token).first()
    if found is None:
        raise Http404
    response = HttpResponse(build_feed(found.agency), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="plan-tracker-{found.agency.code}.ics"'
    response["Cache-Control"] = "private, max-age=3600"
    # The address is a secret: keep it out of search engines and other sites' referrers.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
