"""The Jinja2 environment of the hottest page fragments (README "Performance").

Django's template engine renders every page; the fragments repeated per row (the task cards of the task
list, the home pages and the agency pages) are rendered by Jinja2, 5-10 times faster per row, through
``{% jinja "name" key=value %}`` (``portal/templatetags/jinja.py``). The fragments live in ``templates_jinja2/`` and
keep what Django's templates give: auto-escaping, with Django's ``conditional_escape`` (Django's safe strings stay
safe: they have ``__html__``; the values inside a ``{% trans %}`` are escaped as ``{% blocktranslate %}`` escapes
them, ``&quot;`` and ``&#x27;``, not MarkupSafe's ``&#34;`` and ``&#39;``),
the same translations (``jinja2.ext.i18n`` bound to Django's gettext: ``{% trans %}`` makes the same
msgids as ``{% blocktranslate %}``), ``url()`` and ``static()``, and Django's own ``date``,
``truncatewords``, ``truncatechars``, ``linebreaksbr``, ``linebreaks``, ``floatformat``, ``stringformat``,
``filesizeformat`` (Django's, in place of Jinja2's own), humanize's ``intcomma`` and our ``vn_number`` filters, and
``regroup`` (Django's ``{% regroup items by a.b as groups %}``: ``items|regroup("a.b")``, (key, items) pairs of
consecutive equal keys, never sorted, unlike Jinja2's ``groupby``). Django's ``|default:x`` is ``or x`` (Jinja2's
``default`` only replaces what is undefined).
"""

import html
import itertools
from pathlib import Path

import django.forms
from django.forms.renderers import BaseRenderer
from django.forms.renderers import DjangoTemplates as DjangoTemplatesRenderer
from django.forms.renderers import Jinja2 as Jinja2Renderer
from django.contrib.humanize.templatetags import humanize
from django.template import defaultfilters
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise, cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from jinja2 import Environment, pass_context
from markupsafe import Markup

from plan_tracker.numbers import format_vn_number
from plan_tracker.static_urls import static_url


def date(value, arg=None):
    """Django's ``date`` filter as Django's templates apply it: an aware datetime in the current time zone first."""
    return defaultfilters.date(template_localtime(value), arg)


def finalize(value, _str=str, _int=int, _escape=html.escape, _safe=SafeString, _promise=Promise):
    """Django's ``conditional_escape`` without its per-call cost (``escape`` is ``keep_lazy``: every call looks for
    lazy arguments; a page of 500 rows finalizes ~3,700 values): the same output for every value. A plain string
    is escaped (``SafeString(html.escape(...))``, as Django's ``escape``), an int written as it is (no character
    to escape), safe, a lazy string made a string first, anything with ``__html__`` (Django's safe strings, Markup)
    passes as it is."""
    kind = type(value)
    if kind is _str:
        return _safe(_escape(value))
    if kind is _int:
        return _safe(_str(value))
    if isinstance(value, _promise):
        value = _str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _safe(_escape(_str(value)))


def regroup(items, attribute):
    """Django's ``{% regroup items by attribute as groups %}``: [(key, [items])] of consecutive items with equal
    keys (``attribute`` dotted: "task.section"), in their order."""
    names = attribute.split(".")

    def key(item):
        for name in names:
            item = getattr(item, name)
        return item

    return [(k, list(group)) for k, group in itertools.groupby(items, key)]


def _escaped(variables):
    """The values of a ``{% trans %}`` escaped as ``{% blocktranslate %}`` escapes them (``finalize``: Django's
    ``conditional_escape``); MarkupSafe's ``%`` then leaves them as they are (they have ``__html__``)."""
    return {name: finalize(value) for name, value in variables.items()}


@pass_context
def _gettext(__context, __string, **variables):
    """Jinja2's new-style ``gettext`` (jinja2.ext), with the values escaped as Django's templates escape them."""
    rv = __context.call(translation.gettext, __string)
    if __context.eval_ctx.autoescape:
        return Markup(rv) % _escaped(variables)
    return rv % variables


@pass_context
def _ngettext(__context, __singular, __plural, __num, **variables):
    variables.setdefault("num", __num)
    rv = __context.call(translation.ngettext, __singular, __plural, __num)
    if __context.eval_ctx.autoescape:
        return Markup(rv) % _escaped(variables)
    return rv % variables


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options):
    options.setdefault("extensions", []).append("jinja2.ext.i18n")
    # Every {{ value }} escaped as Django escapes it (&quot; and &#x27;, where MarkupSafe writes &#34; and &#39;):
    # Django's safe strings and Jinja2's Markup pass as they are.
    options["finalize"] = finalize
    env = Environment(**options)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translation.gettext, translation.ngettext, newstyle=True,
        pgettext=translation.pgettext, npgettext=translation.npgettext)
    env.policies["ext.i18n.trimmed"] = True
    # {% trans %} and _() through Django's gettext, their values escaped as {% blocktranslate %} escapes them.
    env.globals.update(gettext=_gettext, ngettext=_ngettext)
    env.globals.update(url=url, static=static_url)  # Django's static(), each address once per process
    env.filters.update(
        date=date,
        truncatewords=defaultfilters.truncatewords,
        truncatechars=defaultfilters.truncatechars,
        linebreaksbr=defaultfilters.linebreaksbr,
        linebreaks=defaultfilters.linebreaks_filter,
        floatformat=defaultfilters.floatformat,
        stringformat=defaultfilters.stringformat,
        intcomma=humanize.intcomma,
        filesizeformat=defaultfilters.filesizeformat,
        vn_number=format_vn_number,
        regroup=regroup,
    )
    return env


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


class _WidgetTemplates(Jinja2Renderer):
    """Django's Jinja2 widget templates, escaping as Django's templates do (``finalize`` as above)."""

    @cached_property
    def engine(self):
        return self.backend({"APP_DIRS": True, "DIRS": [Path(django.forms.__file__).parent / "jinja2"],
                             "NAME": "djangoforms", "OPTIONS": {"finalize": conditional_escape}})


class WidgetRenderer(BaseRenderer):
    """The form renderer (``FORM_RENDERER``): Django's own widgets (``django/forms/widgets/…``: inputs, selects
    and their options, text areas) render from Django's Jinja2 twins of their templates, ~3 times faster, as
    the report form's ~200 fields and the filters' options are (the plainest of them written by their Python twins,
    ``plan_tracker.widget_html``: the same HTML); every other form template (the forms' own
    layouts, the admin's widgets, this project's templates) renders with Django's engine as before."""

    def __init__(self):
        from .widget_html import render as twin

        self.jinja = _WidgetTemplates()
        self.django = DjangoTemplatesRenderer()
        self._twin = twin

    def render(self, template_name, context, request=None):
        # The plain widgets (inputs, text areas, selects) from their Python twins: the same HTML without a
        # template rendering per widget, option and attribute list (plan_tracker.widget_html).
        html = self._twin(template_name, context)
        if html is not None:
            return html
        return super().render(template_name, context, request=request)

    def get_template(self, template_name):
        if template_name.startswith("django/forms/widgets/"):
            return self.jinja.get_template(template_name)
        return self.django.get_template(template_name)
