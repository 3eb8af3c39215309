"""A signed-in session ends after a working day without activity (README "Security")."""

import time

from django.conf import settings

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
