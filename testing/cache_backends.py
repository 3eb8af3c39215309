"""The cache tests' two backends: every test of a cached page or value runs on local memory (``make run``, the
tests) and on Redis (production, ``CACHE_URL``). Redis database 15, a key prefix of the test's own, and only that
prefix's keys deleted afterwards (other runs may share the database; never ``cache.clear()``)."""

import uuid

import pytest

from testing.tools import unavailable

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_answers():
    import redis

    try:
        with redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=1) as client:
            return client.ping()
    except redis.RedisError:
        return False


def _backend(request, settings):
    prefix = f"test-{uuid.uuid4().hex}"
    if request.param == "redis":
        if not redis_answers():
            unavailable("Redis does not answer at 127.0.0.1:6379",
                        install="redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ''")
        settings.CACHES = {"default": {"BACKEND": "plan_tracker.redis_cache.RedisCache",  # as CACHE_URL=redis://… gives
                                       "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}}
        yield request.param
        import redis

        with redis.Redis.from_url(REDIS_URL) as client:
            keys = list(client.scan_iter(f"{prefix}:*"))
            if keys:
                client.delete(*keys)  # this test's keys only: other runs share the database
        # Django's RedisCache keeps a connection pool per cache object: let go of this test's sockets.
        from django.core.cache import caches

        for pool in getattr(getattr(caches["default"], "_cache", None), "_pools", {}).values():
            pool.disconnect()
    else:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                       "LOCATION": prefix}}
        yield request.param


def backend_fixture(autouse=True):
    """``backend = backend_fixture()`` in a test module: each of its tests once per backend."""
    return pytest.fixture(params=["locmem", "redis"], autouse=autouse, name="backend")(_backend)
