"""``{% jinja "tasks/_task_cards.html" tasks=page.object_list %}``: a fragment rendered by the Jinja2
engine (plan_tracker/jinja2.py) inside a Django template, with the request (csrf, user) and the given
keywords as its context."""

from django import template
from django.template import engines
from django.urls import reverse
from django.utils.safestring import mark_safe

register = template.Library()


class PageUrls:
    """``url(name, *args)`` for one rendering. Each distinct address is reversed once (the same agencies appear
    on many cards); an address whose arguments are all positive integers (primary keys: a row per report or
    task) is reversed once per URL name, with stand-in numbers, and the row's numbers are put in their place:
    Django writes an ``<int:…>`` argument as ``str(n)``, so the address is the same as reverse() gives."""

    STAND_IN = 918_273_645_001

    def __init__(self):
        self.known = {}
        self.patterns = {}

    def __call__(self, name, *args):
        key = (name, args)
        try:
            return self.known[key]
        except KeyError:
            pass
        if args and all(type(a) is int and a > 0 for a in args):
            pattern = self.patterns.get((name, len(args)))
            if pattern is None:
                stand_ins = [str(self.STAND_IN + i) for i in range(len(args))]
                pattern = reverse(name, args=stand_ins).replace("%", "%%")
                for i, stand_in in enumerate(stand_ins):
                    pattern = pattern.replace(stand_in, "%(" + str(i) + ")s")
                self.patterns[(name, len(args))] = pattern
            address = pattern % {str(i): a for i, a in enumerate(args)}
        else:
            address = reverse(name, args=args or None)
        self.known[key] = address
        return address


class ChoiceLabels:
    """``label(obj, "status")`` = ``obj.get_status_display()``, worked out once per (model, field, value) in one
    rendering: Django's ``get_FOO_display`` rebuilds the field's choices (translated) at every call, ~0.2 ms each,
    and a page of 300 report lines asks it 600 times."""

    def __init__(self):
        self.known = {}

    def __call__(self, obj, field_name):
        key = (type(obj), field_name, getattr(obj, field_name))
        try:
            return self.known[key]
        except KeyError:
            label = self.known[key] = getattr(obj, f"get_{field_name}_display")()
            return label


@register.simple_tag(takes_context=True)
def jinja(context, name, **values):
    fragment = engines["jinja2"].get_template(name)
    values.setdefault("url", PageUrls())
    values.setdefault("label", ChoiceLabels())
    # The Jinja2 backend's render() adds request, csrf_input and csrf_token; the output is escaped already.
    return mark_safe(fragment.render(values, context.get("request")))
