"""Thin layers over django.contrib.auth's views; everything else is Django's own behaviour."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
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
