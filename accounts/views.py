"""Thin layers over django.contrib.auth's views; everything else is Django's own behaviour."""

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.signals import setting_changed
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plan_tracker.csrf import CSRF_STAND_IN, with_csrf_token
from plan_tracker.memo import memo

from . import services
from .security import client_ip


#: {(language, URL prefix, path): the sign-in page's HTML, its CSRF token fields stand-ins}: ``LoginView``'s.
_LOGIN_PAGES = {}
LOGIN_PAGES_LIMIT = 50
_TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _forget_login_pages(**kwargs):
    _LOGIN_PAGES.clear()  # a test's settings (templates, languages…) may change what the page is made of


setting_changed.connect(_forget_login_pages, dispatch_uid="accounts.views.login_pages")


class LoginView(auth_views.LoginView):
    """Django's sign-in view. Its plain page (a visitor not signed in, no query string: no ``next``; no message to
    show) is the same for everyone but its CSRF token: it is rendered once per process for each language, URL prefix
    and path (issue #18: ~2 ms of Django's template engine, the first page of every officer's deadline day), with
    every token field made a stand-in (the header's language form has one too), and each request gets it with its
    own token (``plan_tracker.csrf.with_csrf_token``, which sets the cookie as ``{% csrf_token %}`` does). Anything
    else (a ``next``, a signed-in user, a message after signing out, a refused POST) is Django's own rendering."""

    def get(self, request, *args, **kwargs):
        if request.GET or request.user.is_authenticated or len(messages.get_messages(request)):
            return super().get(request, *args, **kwargs)
        key = (translation.get_language(), get_script_prefix(), request.path)
        html = memo(_LOGIN_PAGES, key, lambda: self._plain_page(request), LOGIN_PAGES_LIMIT)
        return HttpResponse(with_csrf_token(html, request))

    def post(self, request, *args, **kwargs):
        """The sign-in's writes in one transaction (README "PostgreSQL per journey, session 15"): axes' access log and
        its clean-up of attempts, and ``last_login``, were three commits (two in autocommit), each a WAL flush on
        PostgreSQL; now one. A refused sign-in's recorded failure commits as before (the view returns, it does not
        raise); the session is saved after the view, by SessionMiddleware, in its own."""
        with transaction.atomic():
            return super().post(request, *args, **kwargs)

    def _plain_page(self, request):
        html = render_to_string(self.get_template_names(), self.get_context_data(), request)
        return _TOKEN_FIELD.sub(f'name="csrfmiddlewaretoken" value="{CSRF_STAND_IN}"', html)


class LogoutView(auth_views.LogoutView):
    """POST only (Django's own rule); says so on the page it redirects to (LOGOUT_REDIRECT_URL)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        # Added after the session is flushed: the message travels in the messages cookie.
        messages.info(request, _("Bạn đã đăng xuất."))
        return response


class SendAfterResponse(HttpResponseRedirect):
    """A redirect that runs ``after`` once the answer has gone out: the WSGI server (gunicorn, runserver, the
    test client) calls close() after writing the response, so the person's browser never waits for it."""

    def __init__(self, url, after):
        super().__init__(url)
        self._after = after

    def close(self):
        after, self._after = self._after, None
        try:
            if after is not None:
                after()  # never raises (accounts.services.send_password_resets)
        finally:  # the response's own closing (its resources, request_finished) whatever ``after`` did
            super().close()


class PasswordResetView(auth_views.PasswordResetView):
    """Records the request (accounts.services.request_reset) and answers the same page whatever happens: an
    address with an account or without, a request over the hourly limits. The mail goes after the answer, or
    with the mail task run by db_worker (NOTIFICATIONS_QUEUED): the answer never depends on it."""

    def form_valid(self, form):
        row = services.request_reset(form.cleaned_data["email"], client_ip(self.request),
                                     translation.get_language() or settings.LANGUAGE_CODE)
        url = self.get_success_url()
        if row is None:
            return HttpResponseRedirect(url)
        if getattr(settings, "NOTIFICATIONS_QUEUED", False):  # one INSERT: db_worker sends it
            from plan_tracker.background import enqueue

            from .tasks import send_password_reset_mails

            enqueue(send_password_reset_mails, row.pk)  # this request's mail only
            return HttpResponseRedirect(url)
        from .models import PasswordResetRequest

        return SendAfterResponse(url, lambda: services.send_password_resets(
            PasswordResetRequest.objects.filter(pk=row.pk)))


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Who proved they read the account's mailbox and set a new password may sign in again at once: the
    account's sign-in lock-outs (django-axes, every address) are lifted."""

    def form_valid(self, form):
        response = super().form_valid(form)
        from axes.utils import reset

        reset(username=form.user.get_username())
        return response


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
