import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parents[2]


def _run_django(code, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )


def test_production_without_secret_key_fails_saying_what_to_set():
    result = _run_django(
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='plan_tracker.settings'; django.setup()",
        DEBUG="false",
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "set the SECRET_KEY environment variable" in result.stderr


def test_production_with_secret_key_starts():
    result = _run_django(
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='plan_tracker.settings'; django.setup(); print('ok')",
        DEBUG="false", SECRET_KEY="x" * 60, ALLOWED_HOSTS="example.vn",
    )
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_migrations_match_models(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_vietnamese_first_in_local_time(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_vietnamese_unless_the_switcher_chose_english(client, db):
    # An English browser still gets Vietnamese: only the switcher's cookie changes the language.
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="vi"' in page.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert 'lang="en"' in client.get("/accounts/login/").content.decode()


def test_cache_url_redis_gives_the_projects_redis_cache_sharing_one_client_per_pool():
    """CACHE_URL=redis://… (production) names plan_tracker.redis_cache.RedisCache: Django's, but one redis client per
    connection pool, not one built at every cache call (~0.1 ms of CPU each)."""
    from testing.cache_backends import REDIS_URL, redis_answers
    from testing.tools import unavailable

    if not redis_answers():
        unavailable("Redis does not answer at 127.0.0.1:6379",
                    install="redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ''")
    result = _run_django(
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='plan_tracker.settings'; django.setup()\n"
        "from django.conf import settings; from django.core.cache import cache\n"
        "print(settings.CACHES['default']['BACKEND'])\n"
        "clients = {id(cache._cache.get_client(write=w)) for w in (True, False, True, False)}\n"
        "cache.set('plan-tracker-settings-test', 1, 5); print(cache.get('plan-tracker-settings-test'), len(clients))",
        DEBUG="false", SECRET_KEY="x" * 60, ALLOWED_HOSTS="example.vn", CACHE_URL=REDIS_URL,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["plan_tracker.redis_cache.RedisCache", "1", "1"]


@pytest.mark.parametrize("cache_url, debug, engine", [
    ("redis://127.0.0.1:6379/15", "false", "accounts.sessions"),
    (None, "false", "django.contrib.sessions.backends.db"),  # no cache shared by the workers: the database only
    ("locmemcache://", "false", "django.contrib.sessions.backends.db"),  # one memory per gunicorn worker
    (None, "true", "accounts.sessions"),  # `make run`: one process, local memory
])
def test_sessions_are_read_through_the_cache_only_where_every_process_shares_it(cache_url, debug, engine):
    env = {"DEBUG": debug, "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.vn",
           "DATABASE_URL": "postgres://u@127.0.0.1:5432/plan_tracker_site"}
    if cache_url:
        env["CACHE_URL"] = cache_url
    result = _run_django(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='plan_tracker.settings'\n"
        "from django.conf import settings\n"
        "print(settings.SESSION_ENGINE, settings.CACHES['default'].get('KEY_PREFIX', '-'))", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [engine, "plan_tracker_site" if cache_url and "redis" in cache_url else "-"]
