"""``{% jinja "tasks/_task_cards.html" tasks=page.object_list %}``: a fragment rendered by the Jinja2
engine (plan_tracker/jinja2.py) inside a Django template, with the request (csrf, user) and the given
keywords as its context."""

from django import template
from django.template import engines
from django.urls import reverse
from django.utils.safestring import mark_safe

register = template.Library()


class PageUrls:
    """``url(name, *args)`` for one rendering: each distinct address is reversed once (the same agencies
    appear on many cards)."""

    def __init__(self):
        self.known = {}

    def __call__(self, name, *args):
        key = (name, args)
        try:
            return self.known[key]
        except KeyError:
            address = self.known[key] = reverse(name, args=args or None)
            return address


@register.simple_tag(takes_context=True)
def jinja(context, name, **values):
    fragment = engines["jinja2"].get_template(name)
    values.setdefault("url", PageUrls())
    # The Jinja2 backend's render() adds request, csrf_input and csrf_token; the output is escaped already.
    return mark_safe(fragment.render(values, context.get("request")))
