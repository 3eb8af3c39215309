"""The portal's page bodies cached as HTML (issue #18): rendering 50–500 rows cost 15–50 ms of CPU per request.

``body(name, parts, render)`` is the HTML ``render()`` returns, cached with ``plan_tracker.cache.remember`` under
``name``, ``parts`` and what every portal body depends on: the language, today's local date (deadline badges,
"overdue", an agency no longer active), the date agency names are taken on (``agencies.naming.names_date``), and the
generation of ``SITE`` (bumped with every scope: every save, delete or many-to-many change of an agencies, tasks or
reports model, ``reports.cache``; and here, a user's save that writes a name, email or state: ``connect``). The pages
span plans, so they key on SITE, never on one plan. A body holding a form (the coordinator's queue) renders its
CSRF token as a stand-in, replaced by the request's own (``with_csrf_token``).

What ``parts`` must name: everything else the body depends on — the object shown, the query string's filters and
page, the user's agencies and roles where the body differs per user, and for what is written without a bump (an
agency's own draft saves, ``reports.cache.agency_writes``) a cheap token of it (the versions of the user's own
reports). What a body must never hold: anything of the request (CSRF tokens, messages, the user's name): those stay
in the page around it. ``render()`` runs the body's queries too: a cached body costs none of them.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from agencies.naming import names_date
from plan_tracker.cache import SITE, bump, remember
# A body holding a form renders its CSRF token as a stand-in; ``with_csrf_token`` puts the request's in its place.
from plan_tracker.csrf import CSRF_STAND_IN, with_csrf_token  # noqa: F401 (the portal's views use them from here)

FORMAT = 1  # raise when a body's template changes shape (a deploy renders new bodies, never reads old ones)


def body(name, parts, render, today=None):
    """``render()`` (a str of HTML, or a tuple of them: a title and a body), cached for ``parts``, the language,
    today, the names date and SITE's generation. ``today``: the date ``render`` uses, when the view took it before
    (a view's today taken before midnight and a key's after would file yesterday's page under today's key)."""
    today = today or timezone.localdate()
    key = (FORMAT, *parts, translation.get_language(), today.isoformat(), names_date())
    value = remember(f"html:{name}", key, (SITE,), lambda: _plain(render()))
    return tuple(map(mark_safe, value)) if isinstance(value, tuple) else mark_safe(value)


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
