"""Django's Redis cache, with one redis client per connection pool instead of one per operation.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` around the shared pool at every cache call;
building one fills its table of ~170 response callbacks (redis-py 5+), ~0.1 ms of CPU. A page makes 5-15 cache
calls (the session, the generations, the cached body, the single-flight lock), so that was ~1 ms of every
request (README "Deadline day"). A ``redis.Redis`` is safe to share between threads (each command takes a
connection from the pool and gives it back), so one per pool is kept. The pools themselves are Django's, made
after the fork (gunicorn loads the app in each worker), so no connection crosses a fork.

``settings.CACHES`` names this backend in place of Django's when CACHE_URL is ``redis://…``."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _Client(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)  # (with replicas, a read picks one at random: one client per pool)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _Client
