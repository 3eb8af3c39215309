"""Sessions kept in the database and read through the shared cache, the cached copy kept at most
``CACHE_SECONDS`` (Django's ``cached_db`` keeps it as long as the session: 9 hours).

Why a cap: on a cache hit nothing asks the database, so the copy alone lets its cookie in. Signing out deletes
the row and then the copy, but a copy can come back or stay: a request that read the row just before the
sign-out writes it to the cache just after; a Redis restored from a snapshot brings back copies deleted since;
a sign-out while Redis cannot be reached deletes the row only (and fails). With the cap any of these lets the
cookie in for at most ten minutes, not hours, and a session's officer still reads it from the cache on nearly
every request (a deadline-day journey is a few minutes). A session that ends before the cap ends in the cache
too (its remaining age is the TTL when it is shorter).

Signing in rotates the key (``cycle_key``: a session fixed before sign-in is never the signed-in one) with one write
of the new row, when the response saves the signed-in session (issue #18), where Django's rotation asks whether
its random key exists, inserts the new row with the data from before sign-in and then updates it with the
signed-in data: three statements and a cache look-up on every sign-in."""

import logging

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError
from django.contrib.sessions.backends.db import SessionStore as DBStore
from django.utils.crypto import get_random_string

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

    _unwritten = None  # a key given by cycle_key whose row is not written yet

    def cycle_key(self):
        """A new random key for the session's data (Django's rotation at sign-in), the old key's row and cached
        copy deleted now; the new row is written by the next ``save`` (the response's), as a new row: an INSERT
        that a key already taken refuses (then another key is drawn, as ``create`` does)."""
        data = self._session
        key = self.session_key
        self._session_key = self._unwritten = get_random_string(32, VALID_KEY_CHARS)
        self._session_cache = data
        self.modified = True
        if key:
            self.delete(key)

    def save(self, must_create=False):
        if self._unwritten is None or self._unwritten != self.session_key:
            return self._write(must_create)
        while True:
            try:
                self._write(must_create=True)
            except CreateError:  # the key is taken: another one
                self._session_key = self._unwritten = self._get_new_session_key()
                continue
            self._unwritten = None
            return

    def _write(self, must_create):
        DBStore.save(self, must_create)
        try:
            self._cache.set(self.cache_key, self._session, self._cache_seconds())
        except Exception:
            logger.exception("Error saving to cache (%s)", self._cache)
