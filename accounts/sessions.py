"""Sessions kept in the database and read through the shared cache, the cached copy kept at most
``CACHE_SECONDS`` (Django's ``cached_db`` keeps it as long as the session: 9 hours).

Why a cap: on a cache hit nothing asks the database, so the copy alone lets its cookie in. Signing out deletes
the row and then the copy, but a copy can come back or stay: a request that read the row just before the
sign-out writes it to the cache just after; a Redis restored from a snapshot brings back copies deleted since;
a sign-out while Redis cannot be reached deletes the row only (and fails). With the cap any of these lets the
cookie in for at most ten minutes, not hours, and a session's officer still reads it from the cache on nearly
every request (a deadline-day journey is a few minutes). A session that ends before the cap ends in the cache
too (its remaining age is the TTL when it is shorter)."""

import logging

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.db import SessionStore as DBStore

logger = logging.getLogger("django.contrib.sessions")

CACHE_SECONDS = 600


class SessionStore(cached_db.SessionStore):
    cache_key_prefix = "plan_tracker.sessions:"

    def _cache_seconds(self, expiry=None):
        return max(0, min(self.get_expiry_age(expiry=expiry) if expiry is not None else self.get_expiry_age(),
                          CACHE_SECONDS))

    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except Exception:  # as Django's: an unusable key (or cache) reads the database
            data = None
        if data is None:
            row = self._get_session_from_db()
            if row:
                data = self.decode(row.session_data)
                self._cache.set(self.cache_key, data, self._cache_seconds(row.expire_date))
            else:
                data = {}
        return data

    def save(self, must_create=False):
        DBStore.save(self, must_create)
        try:
            self._cache.set(self.cache_key, self._session, self._cache_seconds())
        except Exception:
            logger.exception("Error saving to cache (%s)", self._cache)
