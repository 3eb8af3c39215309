"""``{% jinja "tasks/_task_cards.html" tasks=page.object_list %}``: a fragment rendered by the Jinja2
engine (plan_tracker/jinja2.py) inside a Django template, with the request (csrf, user) and the given
keywords as its context."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

from plan_tracker.jinja2 import ChoiceLabels, PageUrls  # noqa: F401 (defined beside the environment: reports renders with them too)

register = template.Library()


@register.simple_tag(takes_context=True)
def jinja(context, name, **values):
    fragment = engines["jinja2"].get_template(name)
    values.setdefault("url", PageUrls())
    values.setdefault("label", ChoiceLabels())
    # The Jinja2 backend's render() adds request, csrf_input and csrf_token; the output is escaped already.
    return mark_safe(fragment.render(values, context.get("request")))
