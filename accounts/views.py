"""Thin layers over django.contrib.auth's views; everything else is Django's own behaviour."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _


class LogoutView(auth_views.LogoutView):
    """POST only (Django's own rule); says so on the page it redirects to (LOGOUT_REDIRECT_URL)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        # Added after the session is flushed: the message travels in the messages cookie.
        messages.info(request, _("Bạn đã đăng xuất."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Tells the email how long the link lasts, read from PASSWORD_RESET_TIMEOUT at send time."""

    def form_valid(self, form):
        self.extra_email_context = {"valid_hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)}
        return super().form_valid(form)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in while (username, address) is locked (AXES_LOCKOUT_CALLABLE): 429, in
    the person's language, with the time they may try again (AXES_COOLOFF_TIME after the last counted failure)."""
    from axes.helpers import get_client_username, get_cool_off
    from axes.models import AccessAttempt

    username = get_client_username(request, credentials) or ""
    cool_off = get_cool_off(request)
    last = (AccessAttempt.objects.filter(username=username, ip_address=getattr(request, "axes_ip_address", None))
            .order_by("-attempt_time").values_list("attempt_time", flat=True).first())
    until = (last or timezone.now()) + cool_off
    minutes = max(1, -(-int((until - timezone.now()).total_seconds()) // 60))  # rounded up
    context = {
        "username": username,
        "until": timezone.localtime(until),
        "minutes": minutes,
        "cool_off_minutes": int(cool_off.total_seconds() // 60),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "accounts/locked_out.html", context, status=429)
