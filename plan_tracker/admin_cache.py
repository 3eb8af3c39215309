"""Admin changelists served from the cache (issue #18): the task list (100 rows, a plan filter of 200 plans)
cost ~115 ms of CPU to render at national scale, the agency list ~50 ms; nearly all of it Django's admin
templates (a cell at a time), none of it queries.

``CachedChangelistMixin`` (first among a ModelAdmin's bases) keeps the whole HTML of a changelist page, as
rendered for one user, under a key made of (``plan_tracker.cache.remember``: this release is in every key):

* the generation of ``SITE``: bumped by every save, delete or many-to-many change of any model of agencies,
  tasks and reports (``reports.cache``; the one exception, an agency's own draft saves, writes only report rows,
  which no cached changelist shows). So the mixin goes only on admins whose page shows nothing but such data
  (every column, filter and link): Task, Agency. Not on Membership (it shows users), nor on anything showing
  users, notifications, imports or history;
* the model, the full path with its query string (filters, ordering, page, popup), the language, the time zone
  and today's date (an agency's "active today", the validity filter). Not the date agency names are taken on
  (``agencies.naming``): these lists show the names as stored, and this module stays below the apps (layers);
* the static files' manifest (``collectstatic``'s hash): the page links the hashed names of the admin's CSS and
  scripts, and ``release()`` hashes .py, .html and .mo files only, so a deploy that changes only a stylesheet
  must not serve pages linking the old file's name;
* the user: id, username and names (the header greets them), and what they may do (superuser, or every
  permission they hold: the action box, the add/import/export buttons, the links and the sidebar's models).

Never cached (rendered as Django does, and not stored): anything but GET, a request with messages waiting (they
show on the page that reads them), a search (``q``: one-off pages, and the page echoes its text), a query string
holding the CSRF stand-in, a response other than a 200 template (the redirect of a bad filter, a 403/400).

The CSRF token: the page's forms (the action form, the sign-out button) hold the token of the request that
rendered it; it is stored as ``CSRF_STAND_IN`` and replaced by the reading request's own token
(``get_token``) on every read. The permission check of the view runs on every read too (a cached page is never
served to a user who may no longer see the list: their permissions are in the key, and the check is repeated).
"""

import re

from django.contrib.messages import get_messages
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils import timezone, translation

from plan_tracker.cache import SITE, remember

FORMAT = 1  # raise when what is cached changes shape
TIMEOUT = 600  # s: a page whose generation moved on is unreachable; this bounds how long it lingers
CSRF_STAND_IN = "csrf-stand-in-admin-7d41c2a9e3"
SEARCH_PARAM = "q"
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_FIELD = 'name="csrfmiddlewaretoken" value="%s"'


class _NotCacheable(Exception):
    """Carries a response that must not be stored out of ``remember``'s computation (nothing is stored)."""

    def __init__(self, response):
        super().__init__()
        self.response = response


def user_part(user):
    """What of the user a changelist page shows or depends on."""
    perms = "*" if user.is_superuser else sorted(user.get_all_permissions())
    return (user.pk, user.get_username(), user.first_name, user.last_name, user.is_staff, user.is_superuser, perms,
            user.has_usable_password())  # (the header offers "Change password" only then)


def cacheable(request):
    if request.method != "GET":
        return False
    if request.GET.get(SEARCH_PARAM):
        return False
    if CSRF_STAND_IN in request.get_full_path() or CSRF_STAND_IN in request.GET.urlencode():
        return False
    return len(get_messages(request)) == 0  # counts without marking them read


def static_version():
    """The hash of collectstatic's manifest ('' without a manifest: development, tests)."""
    return getattr(staticfiles_storage, "manifest_hash", "")


def key_parts(model_admin, request):
    opts = model_admin.model._meta
    return (FORMAT, opts.label_lower, static_version(), request.get_full_path(), translation.get_language(),
            timezone.get_current_timezone_name(), timezone.localdate().isoformat(),
            *user_part(request.user))


def _stored(response):
    """The page's HTML with its CSRF token(s) as the stand-in."""
    html = response.content.decode(response.charset)
    # Only the forms' token fields: the token's characters, or the stand-in, typed into a title stay as typed.
    html = _TOKEN.sub(_FIELD % CSRF_STAND_IN, html)
    return response["Content-Type"], html


class CachedChangelistMixin:
    def changelist_view(self, request, extra_context=None):
        if extra_context or not cacheable(request):
            return super().changelist_view(request, extra_context)
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied

        def render():
            response = super(CachedChangelistMixin, self).changelist_view(request)
            if response.status_code != 200 or not isinstance(response, TemplateResponse):
                raise _NotCacheable(response)
            response.render()
            return _stored(response)

        try:
            content_type, html = remember("admin-changelist", key_parts(self, request), (SITE,), render,
                                          timeout=TIMEOUT)
        except _NotCacheable as refused:
            return refused.response
        # The stand-in only where it is a token field's value (user data holding the stand-in's text is escaped
        # data, never this markup: a title typed as the stand-in must not show the reader's token).
        return HttpResponse(html.replace(_FIELD % CSRF_STAND_IN, _FIELD % get_token(request)), content_type=content_type)
