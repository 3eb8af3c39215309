"""``{% static %}`` and Jinja2's ``static()`` with each address worked out once per process (issue #18).

Django's ``static(path)`` asks the app registry whether staticfiles is installed, imports the storage and has it
build the address (``urljoin`` of STATIC_URL, with the URL prefix when STATIC_URL is relative; the manifest's hashed
name in production): ~45 us a call, and every page has four or five (``base.html``'s stylesheet and icons, the
pages' scripts), ~2 ms of an officer's deadline-day journey. The address is a function of the path and the settings:
the storage is made once per process (again after a change of STATIC_URL or STATIC_ROOT: Django's own receiver), its
base URL (with the URL prefix of the moment when STATIC_URL is relative) and its manifest read once. So it is kept per
path, emptied whenever a setting changes (tests), bounded. What Django raises (a file missing from a strict manifest)
is raised as before, never kept.

Django's templates get it as the ``static_urls`` library (``TEMPLATES``' ``libraries``; the project's pages load it in
place of ``static``, which stays Django's own: a library replacing ``static`` makes Django warn, templates.W003):
Django's own tags (``static``, ``get_static_prefix``, ``get_media_prefix``), the ``static`` tag's node asking
``static_url`` for its address. The output is the same either way."""

from django import template
from django.core.signals import setting_changed
from django.templatetags import static as django_static

from plan_tracker.memo import memo

_URLS = {}
LIMIT = 2_000


def static_url(path):
    """``django.templatetags.static.static(path)``, once per path in this process."""
    return memo(_URLS, path, lambda: django_static.static(path), LIMIT)


def _forget(**kwargs):
    _URLS.clear()


setting_changed.connect(_forget, dispatch_uid="plan_tracker.static_urls")


class StaticNode(django_static.StaticNode):
    @classmethod
    def handle_simple(cls, path):
        return static_url(path)


register = template.Library()
register.tags.update(django_static.register.tags)
register.filters.update(django_static.register.filters)


@register.tag("static")
def do_static(parser, token):
    """Django's ``{% static %}`` (``path``, ``as varname``), the address from ``static_url``."""
    return StaticNode.handle_token(parser, token)
