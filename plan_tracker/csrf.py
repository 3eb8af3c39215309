"""A cached body that holds a form renders its CSRF token as a stand-in; ``with_csrf_token`` puts the reading
request's own token in its place, only inside the token fields (issue #18: the portal's bodies, the report's page)."""

from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe

CSRF_STAND_IN = "csrf-stand-in-0f6c1e9b2d"

_FIELD = 'name="csrfmiddlewaretoken" value="%s"'  # as {% csrf_token %} writes it


def with_csrf_token(html, request):
    """The stand-in replaced only where it is a token field's value: a name or an email typed as the stand-in's text
    is data, and must never show the reader's token (it would go out in the copied contact list)."""
    field = _FIELD % CSRF_STAND_IN
    return mark_safe(html.replace(field, _FIELD % get_token(request))) if field in html else html
