"""A signed-in session ends after a working day without activity (README "Security")."""

import time

from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware as _AuthenticationMiddleware
from django.utils.functional import SimpleLazyObject

#: When the session's end was last pushed back (seconds since the epoch), kept in the session itself.
LAST_SEEN = "_plan_tracker_last_seen"


def mark_seen(session, now=None):
    session[LAST_SEEN] = int(now if now is not None else time.time())


class SessionActivityMiddleware:
    """Each request of a signed-in person pushes the session's end back to SESSION_COOKIE_AGE from now, so it
    ends after that long *without a request* (9 hours by default), not that long after signing in.

    Django's SESSION_SAVE_EVERY_REQUEST would do it with a database write per request; this writes at most once
    every SESSION_REFRESH_SECONDS (5 minutes) per session: the session then ends between SESSION_COOKIE_AGE minus
    that and SESSION_COOKIE_AGE after the last request. Signing in marks the session (accounts.apps), so the
    first pages after it write nothing more."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated and not session.is_empty():
            now = time.time()
            last = session.get(LAST_SEEN)
            if not isinstance(last, int) or now - last >= settings.SESSION_REFRESH_SECONDS:
                mark_seen(session, now)  # modified: SessionMiddleware saves it with a new expiry, and a new cookie
        return response


# --- The signed-in user by one compiled statement (issue #18) ------------------------------------------------------

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


#: {(database alias, local date): the statement of the user with their grants} (``roles.with_grants``), compiled once
#: a day (the grants' coordinator and viewer memberships depend on the day); None: the grants cannot be read with the
#: user there (another database for the memberships, or no aggregate), the user alone then.
_USERS = {}


def _users_statement(model):
    from django.db import router
    from django.utils import timezone

    from accounts import roles
    from agencies.models import Membership
    from plan_tracker.compiled import Statement

    alias, on = router.db_for_read(model), timezone.localdate()
    key = (alias, on)
    statement = _USERS.get(key)
    if statement is None:
        # kept in a local: under a threaded server another thread may clear the dict before this one returns
        if router.db_for_read(Membership) == alias and roles.with_grants(model._default_manager.none(), 1, on,
                                                                         alias) is not None:
            statement = Statement(lambda pk: roles.with_grants(model._default_manager.filter(pk=pk), pk, on, alias))
        else:
            statement = Statement(lambda pk: model._default_manager.filter(pk=pk))
        _USERS.clear()  # yesterday's
        _USERS[key] = statement
    return statement


def _backend_user(backend, user_id):
    """``backend.get_user(user_id)``; for Django's ModelBackend (every session here), its query compiled once a day
    (``plan_tracker.compiled``) instead of built and compiled at every request (~0.2 ms of CPU): the same row
    (``WHERE id = %s``, without ``get``'s ``LIMIT 21``: the key is unique) made into the same instance, and the same
    "may this user sign in" check (``is_active``). The same statement reads the user's roles (``roles.with_grants``:
    their memberships and role permissions, as ``roles`` reads them, at every request: nothing kept from one request
    to the next): one statement a signed-in request instead of two (issue #18)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.backends import ModelBackend

    from accounts import roles
    from plan_tracker.compiled import fits

    model = get_user_model()
    if type(backend) is not ModelBackend or type(user_id) is not int or not fits(model._meta.pk, user_id):
        return backend.get_user(user_id)
    user = _users_statement(model).first(user_id)
    if user is not None and roles.GRANTS_COLUMN in user.__dict__:
        roles.take_grants(user)
    return user if user is not None and backend.user_can_authenticate(user) else None


def get_user(request):
    """Django's ``django.contrib.auth.get_user`` (5.2), line for line, but for ``_backend_user``.
    ``accounts/tests/test_request_user.py`` pins Django's source this copies."""
    from django.contrib.auth import (BACKEND_SESSION_KEY, HASH_SESSION_KEY, _get_user_session_key, load_backend)
    from django.contrib.auth.models import AnonymousUser
    from django.utils.crypto import constant_time_compare

    user = None
    try:
        user_id = _get_user_session_key(request)
        backend_path = request.session[BACKEND_SESSION_KEY]
    except KeyError:
        pass
    else:
        if backend_path in settings.AUTHENTICATION_BACKENDS:
            backend = load_backend(backend_path)
            user = _backend_user(backend, user_id)
            # Verify the session
            if hasattr(user, "get_session_auth_hash"):
                session_hash = request.session.get(HASH_SESSION_KEY)
                if not session_hash:
                    session_hash_verified = False
                else:
                    session_auth_hash = user.get_session_auth_hash()
                    session_hash_verified = constant_time_compare(session_hash, session_auth_hash)
                if not session_hash_verified:
                    # If the current secret does not verify the session, try with the fallback secrets and stop
                    # when a matching one is found.
                    if session_hash and any(
                        constant_time_compare(session_hash, fallback_auth_hash)
                        for fallback_auth_hash in user.get_session_auth_fallback_hash()
                    ):
                        request.session.cycle_key()
                        request.session[HASH_SESSION_KEY] = session_auth_hash
                    else:
                        request.session.flush()
                        user = None

    return user or AnonymousUser()


def _cached_user(request):
    if not hasattr(request, "_cached_user"):
        request._cached_user = get_user(request)
    return request._cached_user


class AuthenticationMiddleware(_AuthenticationMiddleware):
    """Django's, ``request.user`` read by ``get_user`` above (``request.auser``, for async code, is Django's)."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _cached_user(request))
