"""``{% site_header %}``: the site's header (templates/includes/_site_header.html) on every page, rendered once per
process for each (language, URL prefix, page kind, signed in, staff; the path for a visitor not signed in) and served
from memory after that (issue #18: ~2-3 ms of Django's template engine per page, ten URL reversals and a dozen
translations, the same for every page a user opens). What differs per request is put back into the stored HTML: the
signed-in user's name on the sign-out button (a stand-in in the stored HTML: on deadline day every officer's first
page of each kind would otherwise render a header of its own), the CSRF token (``plan_tracker.csrf``) and the page's
own path in the language form's ``next`` field. The header shows nothing else of the request: a new thing it shows
must go into the key."""

from django import template
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from plan_tracker.csrf import CSRF_STAND_IN, with_csrf_token
from plan_tracker.memo import memo

register = template.Library()

TEMPLATE = "includes/_site_header.html"
_FULL_PATH = "full-path-stand-in-7c2d9e4a"
_FIELD = 'value="%s"'
_MEMO = {}
LIMIT = 5_000  # keys held before the memo is emptied (a key per page kind, language, staff or not; per path, visitors)


_USERNAME = "username-stand-in-3b8e51d7c0"
_BUTTON = "(%s)</button>"  # the sign-out button's end, as the template writes it: the name appears nowhere else


class _User:
    """What the header reads of a signed-in user, with the name a stand-in."""

    is_authenticated = True

    def __init__(self, user):
        self.is_staff = user.is_staff

    def get_username(self):
        return _USERNAME


class _Request:
    """What the header reads of the request, with the page's path a stand-in."""

    def __init__(self, request):
        self.resolver_match = request.resolver_match
        self.path = request.path

    def get_full_path(self):
        return _FULL_PATH


@register.simple_tag(takes_context=True)
def site_header(context):
    request, user = context.get("request"), context.get("user")
    if request is None or "csrf_token" not in context or user is None:  # a page rendered without its request
        return get_template(TEMPLATE).render(context.flatten())
    match = getattr(request, "resolver_match", None)
    signed_in = user.is_authenticated
    language = translation.get_language()
    key = (language, get_script_prefix(), match.namespace if match else None, match.url_name if match else None,
           signed_in, user.is_staff, None if signed_in else request.path)
    html = memo(_MEMO, key, lambda: get_template(TEMPLATE).render({
        "request": _Request(request), "user": _User(user) if signed_in else user, "csrf_token": CSRF_STAND_IN,
        "LANGUAGE_CODE": language}), LIMIT)
    if signed_in:  # first: a name is escaped (no quote), so it can never make the path's or the token's field
        html = html.replace(_BUTTON % _USERNAME, _BUTTON % escape(user.get_username()))
    html = html.replace(_FIELD % _FULL_PATH, _FIELD % escape(request.get_full_path()))
    return mark_safe(with_csrf_token(html, request))
