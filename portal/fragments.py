"""The portal's page bodies cached as HTML (issue #18): rendering 50–500 rows cost 15–50 ms of CPU per request.

``body(name, parts, render)`` is the HTML ``render()`` returns, cached with ``plan_tracker.cache.remember`` under
``name``, ``parts`` and what every portal body depends on: the language, today's local date (deadline badges,
"overdue", an agency no longer active), the date agency names are taken on (``agencies.naming.names_date``), and the
generation of ``SITE`` (bumped with every scope: every save, delete or many-to-many change of an agencies, tasks or
reports model, ``reports.cache``; and here, a user's save that writes a name, email or state: ``connect``). The pages
span plans, so they key on SITE, never on one plan. A body holding a form (the coordinator's queue) renders its
CSRF token as a stand-in, replaced by the request's own (``with_csrf_token``).

What ``parts`` must name: everything else the body depends on — the object shown, the filters as they mean (never
the query string as typed: ``canonical_query``) and the page shown (``page_number``), the user's agencies and
roles where the body differs per user, and for what is written without a bump (an agency's own draft saves,
``reports.cache.agency_writes``) a cheap token of it (the versions of the user's own reports). What a body
must never hold: anything of the request (CSRF tokens, messages, the user's name): those stay
in the page around it. ``render()`` runs the body's queries too: a cached body costs none of them.
"""

import datetime
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Model
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from agencies.naming import names_date
from plan_tracker.cache import SITE, bump, remember
# A body holding a form renders its CSRF token as a stand-in; ``with_csrf_token`` puts the request's in its place.
from plan_tracker.csrf import CSRF_STAND_IN, with_csrf_token  # noqa: F401 (the portal's views use them from here)
from plan_tracker.text import nfc

FORMAT = 1  # raise when a body's template changes shape (a deploy renders new bodies, never reads old ones)


def key(parts, today=None):
    """The parts of a cached portal value's key: ``parts``, the format, the language, today and the names date."""
    return _key(parts, today)


def _key(parts, today):
    today = today or timezone.localdate()
    return (FORMAT, *parts, translation.get_language(), today.isoformat(), names_date())


def body(name, parts, render, today=None):
    """``render()`` (a str of HTML, or a tuple of them: a title and a body), cached for ``parts``, the language,
    today, the names date and SITE's generation. ``today``: the date ``render`` uses, when the view took it before
    (a view's today taken before midnight and a key's after would file yesterday's page under today's key): every
    view passes the today it took once, and gives ``render`` that same date."""
    value = remember(f"html:{name}", _key(parts, today), (SITE,), lambda: _plain(render()))
    return tuple(map(mark_safe, value)) if isinstance(value, tuple) else mark_safe(value)


# ---------------------------------------------------------------------------------------------- a list's key
# A list's body is keyed on what its filters mean, never on the query string as typed: parameters the form does not
# know (?x=1, ?x=2…) and spellings of one value (" so ", "so"; a decomposed "Sở"; "05" and "5") must not each make a
# new entry (a signed-in user could bypass the cache and fill Redis). And on the page shown, not the page asked for:
# ?page=999 is the last page, ?page=abc the first. The body is rendered from the same canonical query, so what it
# shows (the form's values, the pages' links) is a function of its key alone.

def form_data(query, form_class):
    """The part of ``query`` (request.GET) that ``form_class`` reads: its fields only, each one value (the last, as
    a form reads it), NFC and stripped, empty ones dropped. None when nothing is left (an unbound form)."""
    data = QueryDict(mutable=True)
    for name in sorted(form_class.base_fields if hasattr(form_class, "base_fields") else form_class.base_filters):
        value = nfc(query.get(name))
        if value:
            data[name] = value
    return data or None


def _canonical(field, value):
    if isinstance(value, Model):
        canonical = getattr(field, "canonical", None)  # (the agency box: the agency's code)
        return canonical(value) if canonical else str(field.prepare_value(value))
    if isinstance(value, bool):
        return "on" if value else ""  # a checkbox: checked, or not there
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # "7.0", "07", "7e0": 7
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ",".join(sorted(_canonical(field, v) for v in value))
    return nfc(value) if value is not None else ""


def canonical_query(form):
    """What a bound ``form`` (validated) means, as a sorted QueryDict: each valid field's cleaned value in one
    spelling (``_canonical``), each invalid one as typed (NFC, stripped: its error message quotes it), empty values
    dropped. Unbound: empty."""
    canonical = QueryDict(mutable=True)
    if not form.is_bound:
        return canonical
    form.is_valid()
    for name in sorted(form.fields):
        if name in form.cleaned_data:
            value = _canonical(form.fields[name], form.cleaned_data[name])
        else:
            value = nfc(form.data.get(form.add_prefix(name)))
        if value:
            canonical[name] = value
    return canonical


def page_number(name, parts, count, per_page, requested, today=None):
    """(count, the number of the page shown for ``requested``): Paginator.get_page's (1 for "abc", the last for
    "999"). ``count()`` (the list's length: a query) is cached as a body is, for ``parts`` and today: a request whose
    body is cached makes no query for it."""
    total = remember(f"count:{name}", _key(parts, today), (SITE,), count)
    return total, Paginator(range(total), per_page).get_page(requested).number


def paginator(object_list, per_page, count):
    """A Paginator of ``object_list`` whose count is known already (``page_number``): no COUNT query again."""
    pages = Paginator(object_list, per_page)
    pages.count = count  # (a cached_property: set, it is never computed)
    return pages


def _plain(html):
    """Plain str (a SafeString pickles as its class: plain text is smaller and reads back as any other)."""
    return tuple(map(str, html)) if isinstance(html, tuple) else str(html)


def rendered(template, context):
    """``template`` rendered without the request (a cached body must not depend on it)."""
    return render_to_string(template, context)


# What a body shows of a user (the officers to chase in the coordinator's queue): their names, email, whether active.
USER_FIELDS = frozenset({"username", "first_name", "last_name", "email", "is_active"})


def _user_saved(sender, instance, update_fields=None, **kwargs):
    """A user's save bumps SITE (the portal's bodies), unless it wrote only what no body shows (the last sign-in,
    a rehashed password: every sign-in saves one of those)."""
    if update_fields is None or USER_FIELDS & set(update_fields):
        bump()


def _user_deleted(sender, instance, **kwargs):
    bump()


def connect():
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save

    User = get_user_model()
    post_save.connect(_user_saved, sender=User, dispatch_uid="portal.fragments.user_saved")
    post_delete.connect(_user_deleted, sender=User, dispatch_uid="portal.fragments.user_deleted")
