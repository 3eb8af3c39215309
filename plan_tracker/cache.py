"""Generations: what lets a cached value be thrown away the moment the data it was computed from changes.

A *scope* ("all", "plan:12", …) has a generation, an opaque token kept in the cache (Django's default cache:
local memory in one process, Redis shared by every process in production, ``CACHE_URL``). A value computed from
data of some scopes is cached under a key that holds their generations; bumping a scope (a new random token)
makes every key that held the old one unreachable, in every process at once. Nothing is ever looked up by
pattern or deleted one by one.

``bump(*scopes)`` gives the scopes a new generation now **and** again when the current transaction commits: the
bump at commit is the one that counts (a request reading between the change and its commit may have cached the
old figures under the first new token); the immediate one serves a transaction that reads its own writes.

A generation lost from the cache (evicted, Redis flushed) comes back as a new random token, never as an old one,
so a lost generation can only cost a recomputation, never bring back a stale value.

``SITE`` is bumped with every scope: whatever depends on "anything at all" (the calendar feeds) keys on it.
"""

import functools
import hashlib
import os
import pickle
import threading
import time
from pathlib import Path
import uuid

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import transaction

SITE = "site"
EVERYTHING = "all"
FORMAT = 1  # raise when what is cached changes shape: old entries are then never read
_PREFIX = f"pt{FORMAT}:gen:"
# A generation expires 30 days after its last bump (a lost generation is only a new token): no key lives for ever.
GENERATION_TIMEOUT = 30 * 24 * 3600


def _new_token():
    return uuid.uuid4().hex[:16]


def generations(*scopes):
    """{scope: token}, in one cache round trip (two when a generation is missing; one more first when this thread
    owes bumps: ``bump``)."""
    _pay_owed_bumps()
    keys = {scope: _PREFIX + scope for scope in scopes}
    found = cache.get_many(keys.values())
    result = {}
    for scope, key in keys.items():
        token = found.get(key)
        if token is None:
            # add() keeps a token another process set first; read again to agree with it.
            cache.add(key, _new_token(), timeout=GENERATION_TIMEOUT)
            token = cache.get(key) or _new_token()
        result[scope] = token
    return result


def _bump_now(scopes):
    cache.set_many({_PREFIX + scope: _new_token() for scope in {*scopes, SITE}}, timeout=GENERATION_TIMEOUT)


class _Owed(threading.local):
    """Per thread (a thread's database connection is its own): the scopes bumped since this thread last read a
    generation or last committed (``now``), and the bump at commit that the transaction's bumps share (``batch``)."""

    def __init__(self):
        self.now = set()
        self.batch = None


_owed = _Owed()


class _Batch:
    """The bumps at commit of one transaction: each bump registers its own callback (``_AtCommit``: Django drops
    those of a savepoint rolled back, as before), and each scope is written once per commit, by the first callback
    that names it."""

    def __init__(self):
        self.bumped = set()

    def pending(self):
        """Whether this is the current transaction's: a callback of it still waits for the commit (after a commit
        or a rollback none does: the next transaction's bumps get a batch of their own)."""
        connection = transaction.get_connection()
        return connection.in_atomic_block and any(
            isinstance(func, _AtCommit) and func.batch is self for _savepoints, func, _robust in connection.run_on_commit)


class _AtCommit:
    def __init__(self, batch, scopes):
        self.batch, self.scopes = batch, scopes

    def __call__(self):
        todo = self.scopes - self.batch.bumped
        if todo:
            self.batch.bumped |= todo
            _bump_now(todo)
            _owed.now -= todo  # the bump at commit is newer than any owed immediate one


def _pay_owed_bumps():
    if _owed.now:
        scopes, _owed.now = _owed.now, set()
        _bump_now(scopes)


def bump(*scopes):
    """New generations for ``scopes`` (and SITE): before this thread next reads a generation (``generations``: a
    transaction reading its own writes), and again once the current transaction commits (the one that counts: a
    request reading between the change and its commit may have cached the old figures under the first new token).

    Both are owed, not paid at once: the bumps of one transaction are one write of the cache at its commit (a
    submission bumps its plan three times: its report, its event, the workflow's signal; they were six round
    trips), and the immediate ones one write before the transaction's first read of a generation after them, if it
    reads any (none of the journey's saves and submissions does). A transaction rolled back bumps nothing at commit
    (as before); what it owes now is paid at the thread's next read, or by its next commit."""
    scopes = {*scopes, SITE}
    _owed.now |= scopes
    batch = _owed.batch
    if batch is None or not batch.pending():
        batch = _owed.batch = _Batch()
    transaction.on_commit(_AtCommit(batch, scopes), robust=True)


def plan_scope(plan_id):
    return f"plan:{plan_id}"


# What the code of this release is: a cached value (figures pickled from this code's classes, HTML rendered from
# its templates and translations) is never read by another release's processes. An upgrade leaves the old
# release's entries unreachable, as a bump does, instead of serving the old pages until the next change.
RELEASE_SUFFIXES = (".py", ".html", ".mo")
RELEASE_SKIP = {".git", ".venv", "venv", "node_modules", "__pycache__", "tests", "media", "staticfiles"}


@functools.cache
def release():
    """A hash of the project's code, templates, compiled translations and pinned requirements, and of the versions
    of Python, Django and Jinja2 (their date formats, translations and pickles): once per process, at its start
    (``reports.apps``: a worker still running the old code after the new files are checked out keeps the old
    release's token), ~10–20 ms."""
    import sys

    import django
    import jinja2
    from django.conf import settings

    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{sys.version}|{django.__version__}|{jinja2.__version__}".encode())
    root = Path(settings.BASE_DIR)
    for requirements in sorted(root.glob("requirements*.txt")):
        digest.update(requirements.read_bytes())
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in RELEASE_SKIP and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(RELEASE_SUFFIXES):
                path = Path(folder, name)
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def version_tag(*parts, scopes=()):
    """A short hash of ``parts``, this release and the current generations of ``scopes``: an ETag, a cache key's
    tail."""
    gens = generations(*scopes) if scopes else {}
    text = "|".join([str(FORMAT), release(), *(str(p) for p in parts), *(f"{s}={gens[s]}" for s in scopes)])
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


# One computation per key at a time (issue #18): on deadline day twenty coordinators ask for the same freshly
# invalidated overview within the same second; one computes it, the others wait for its value instead of each
# computing it (which costs every one of them the same CPU and makes every one of them slower). Never stale: they
# wait for the value of the very key (same generations) they asked for.
LOCK_TIMEOUT = 60  # s: gunicorn's timeout; a computation that died (killed worker) holds the key's lock this long
WAIT = 10  # s: a waiter whose neighbour's computation takes longer than this computes the value itself
WAIT_STEP = 0.01  # s, doubled up to WAIT_STEP_MAX between looks at the key
WAIT_STEP_MAX = 0.1


def remember(name, parts, scopes, compute, timeout=3600, *, wait=WAIT):
    """``compute()``, cached under ``name`` + ``parts`` + the generations of ``scopes``. The value is pickled
    (both backends): it must not hold anything that depends on the request beyond what ``parts`` name. A ``None``
    is never cached (it reads as a miss).

    A miss takes the key's lock (``cache.add`` of a token of its own: atomic on Redis and within one process on
    local memory) and computes; a miss that finds the lock taken waits for the value. When the lock goes without a
    value (the computation raised), the first waiter to take it again computes, the others go on waiting; after
    ``wait`` seconds a waiter computes the value itself. A lock is released only by its holder, in one step
    (``release_lock``)."""
    key = f"pt{FORMAT}:{name}:{version_tag(*parts, scopes=scopes)}"
    value = cache.get(key)
    if value is not None:
        return value
    lock, token = key + ":lock", _new_token()
    held = cache.add(lock, token, timeout=LOCK_TIMEOUT)
    deadline = time.monotonic() + wait
    step = WAIT_STEP
    while not held and time.monotonic() < deadline:
        time.sleep(step)
        step = min(step * 2, WAIT_STEP_MAX)
        value = cache.get(key)
        if value is not None:
            return value
        if cache.get(lock) is None:  # the computation ended without a value: look once more, then take the lock
            value = cache.get(key)
            if value is not None:
                return value
            held = cache.add(lock, token, timeout=LOCK_TIMEOUT)
    try:
        value = compute()
        cache.set(key, value, timeout)
    finally:
        if held:
            release_lock(lock, token)
    return value


# Compare-and-delete in one step on the Redis server: the lock is deleted only if it still holds our token.
_RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


def release_lock(lock, token):
    """Delete ``lock`` if it still holds ``token``, in one step: a holder whose lock expired (its computation
    outlived LOCK_TIMEOUT) and was taken by another request never deletes that request's lock. A look then a delete
    would: the lock could expire and be taken between the two.

    Redis: a Lua script (atomic on the server), the key and the token as Django's RedisCache writes them (its key
    prefix and version, its serializer). Local memory: under the cache's own lock (one process). Any other backend
    (none is configured): a look then a delete, the race above left open."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        key = backend.make_and_validate_key(lock)
        client = backend._cache.get_client(key, write=True)
        client.eval(_RELEASE_SCRIPT, 1, key, backend._cache._serializer.dumps(token))
    elif isinstance(backend, LocMemCache):
        key = backend.make_and_validate_key(lock)
        with backend._lock:
            if not backend._has_expired(key) and pickle.loads(backend._cache[key]) == token:
                backend._delete(key)
    elif backend.get(lock) == token:
        backend.delete(lock)
