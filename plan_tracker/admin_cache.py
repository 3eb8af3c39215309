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
* the model, the path and the query the changelist acts on (``canonical_query``: filters as given, since any
  other parameter makes Django redirect to ``?e=1``, never stored; ordering with the columns Django would skip
  dropped; ``all``/``_popup``/``_facets`` as present or not; no error flag, no empty search) with the page it shows
  (``_resolved``: ``?p=3`` on a one-page list is that page; a page past the end is Django's redirect, never
  stored), and the page rendered from that same query (``request.GET`` replaced while it renders): junk
  parameters and spellings never make a new entry.
  The language, the time zone and today's date (an agency's "active today", the validity filter). Not the date
  agency names are taken on (``agencies.naming``): these lists show the names as stored, and this module stays
  below the apps (layers);
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

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import (ALL_VAR, ERROR_FLAG, IS_FACETS_VAR, IS_POPUP_VAR, ORDER_VAR, PAGE_VAR,
                                             SEARCH_VAR)
from django.contrib.messages import get_messages
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils import timezone, translation

from plan_tracker.cache import SITE, remember

FORMAT = 1  # raise when what is cached changes shape
TIMEOUT = 600  # s: a page whose generation moved on is unreachable; this bounds how long it lingers
CSRF_STAND_IN = "csrf-stand-in-admin-7d41c2a9e3"
SEARCH_PARAM = SEARCH_VAR
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


def key_parts(model_admin, request, query=None):
    """``query``: the canonical query string (``canonical_query``); the request's as given when left out."""
    opts = model_admin.model._meta
    query = request.GET.urlencode() if query is None else query
    return (FORMAT, opts.label_lower, static_version(), request.path, query, translation.get_language(),
            timezone.get_current_timezone_name(), timezone.localdate().isoformat(),
            *user_part(request.user))


# What Django's ChangeList reads of the query string (django.contrib.admin.views.main): these, and the rest as
# lookups (filters). A parameter that is no lookup of the model (?x=1) makes ChangeList redirect to ?e=1: never
# cached. So the key holds the query the ChangeList would act on, the page rendered from that same query:
PRESENCE_ONLY = {ALL_VAR: "", IS_POPUP_VAR: "1", IS_FACETS_VAR: "True"}  # only "is it there" matters (one spelling)


def canonical_query(model_admin, request):
    """The query string as the changelist acts on it, one spelling per meaning, sorted: ``e`` (the error flag: the
    page is the same without it) and ``p`` (``resolved_page``) dropped; ``all``, ``_popup``, ``_facets`` as present
    or not; ``o`` (ordering) with the column numbers ChangeList would skip (not a number, no such column) and repeats
    dropped; an empty ``q``; every other parameter (a lookup: filters, ``_to_field``) as given."""
    canonical = QueryDict(mutable=True)
    for name, values in sorted(request.GET.lists()):
        if name in (ERROR_FLAG, PAGE_VAR) or (name == SEARCH_VAR and not request.GET.get(name)):
            continue
        if name in PRESENCE_ONLY:
            canonical[name] = PRESENCE_ONLY[name]
        elif name == ORDER_VAR:
            ordering = _ordering(model_admin, request, values[-1])
            if ordering:
                canonical[name] = ordering
        else:
            canonical.setlist(name, values)
    return canonical


def _ordering(model_admin, request, text):
    columns = len(model_admin.get_list_display(request))
    kept, seen = [], set()
    for part in text.split("."):
        _, minus, number = part.rpartition("-")
        try:
            index = int(number)
        except ValueError:
            continue
        if 0 <= index < columns and index not in seen:
            seen.add(index)
            kept.append(f"{minus}{index}")
    return ".".join(kept)


def requested_page(request):
    """The page number as ChangeList reads it (1 when not a number)."""
    try:
        return int(request.GET.get(PAGE_VAR, 1))
    except ValueError:
        return 1


def _stored(response):
    """The page's HTML with its CSRF token(s) as the stand-in."""
    html = response.content.decode(response.charset)
    # Only the forms' token fields: the token's characters, or the stand-in, typed into a title stay as typed.
    html = _TOKEN.sub(_FIELD % CSRF_STAND_IN, html)
    return response["Content-Type"], html


class _Query:
    """``request.GET`` replaced by ``query`` inside the block (what the ChangeList and the page read)."""

    def __init__(self, request, query):
        self.request, self.query = request, query

    def __enter__(self):
        self.original, self.request.GET = self.request.GET, self.query

    def __exit__(self, *exc):
        self.request.GET = self.original


class CachedChangelistMixin:
    def _page_facts(self, request, canonical):
        """(multi_page, can_show_all, num_pages) of the list the canonical query filters, cached as the pages are
        (one ChangeList built on a miss: its filters' and count queries). None when ChangeList refuses the query."""

        def compute():
            with _Query(request, canonical):
                try:
                    changelist = self.get_changelist_instance(request)
                except IncorrectLookupParameters:
                    return ("refused",)
            return (changelist.multi_page, changelist.can_show_all, changelist.paginator.num_pages)

        facts = remember("admin-changelist-pages", key_parts(self, request, canonical.urlencode()), (SITE,), compute,
                         timeout=TIMEOUT)
        return None if facts == ("refused",) else facts

    def _resolved(self, request):
        """The canonical query with the page the changelist shows for it (``p`` only past the first page), or None
        (a page that does not exist, a query ChangeList refuses: rendered as Django does, never stored)."""
        canonical = canonical_query(self, request)
        if PAGE_VAR not in request.GET:
            return canonical  # page 1 whatever the list's length: no count needed
        facts = self._page_facts(request, canonical)
        if facts is None:
            return None
        multi_page, can_show_all, num_pages = facts
        if (ALL_VAR in canonical and can_show_all) or not multi_page:
            return canonical  # one page shows the whole list: ?p=… changes nothing
        number = requested_page(request)
        if not 1 <= number <= num_pages:
            return None  # ChangeList redirects (?e=1)
        if number > 1:
            canonical[PAGE_VAR] = str(number)
        return canonical

    def changelist_view(self, request, extra_context=None):
        if extra_context or not cacheable(request):
            return super().changelist_view(request, extra_context)
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        canonical = self._resolved(request)
        if canonical is None:
            return super().changelist_view(request)

        def render():
            with _Query(request, canonical):
                response = super(CachedChangelistMixin, self).changelist_view(request)
                if response.status_code != 200 or not isinstance(response, TemplateResponse):
                    raise _NotCacheable(response)
                response.render()
            return _stored(response)

        try:
            content_type, html = remember("admin-changelist", key_parts(self, request, canonical.urlencode()),
                                          (SITE,), render, timeout=TIMEOUT)
        except _NotCacheable:
            return super().changelist_view(request)  # (as asked: Django redirects to ?e=1, or refuses)
        # The stand-in only where it is a token field's value (user data holding the stand-in's text is escaped
        # data, never this markup: a title typed as the stand-in must not show the reader's token).
        return HttpResponse(html.replace(_FIELD % CSRF_STAND_IN, _FIELD % get_token(request)), content_type=content_type)
