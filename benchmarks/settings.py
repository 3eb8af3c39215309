"""Production-like settings for the benchmarks: DEBUG off, the real password hasher, persistent
database connections; plain HTTP on 127.0.0.1 (no HTTPS redirect, cookies not "secure"), static files
served from the app folders (no collectstatic needed). Benchmark data may be written (generate_scale_data).

Used by every benchmark command (``DJANGO_SETTINGS_MODULE=benchmarks.settings manage.py run_benchmarks``…:
the ``benchmarks`` app is installed here, not in the site's settings), by ``run_benchmarks``' in-process
measurements and by the deadline-day load test's gunicorn and notification worker.
Never point it at a real database."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "benchmark-only-key-never-used-in-production-0123456789abcdef")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
# As in production: requests only record the report-workflow mails; send_notifications sends them.
os.environ.setdefault("NOTIFICATIONS_QUEUED", "true")

from plan_tracker.settings import *  # noqa: E402,F401,F403

# The benchmark tooling is installed here only, never in the site's settings: its management commands
# (generate_scale_data, run_benchmarks, deadline_day, bench_import) exist with these settings. The floor
# page's URLconf (benchmarks.urls) is switched on by the harness around its measurements.
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
BENCHMARK_DATA_ALLOWED = True
STATIC_ROOT = None  # nothing collected: whitenoise serves from the app folders (finders)

# Bounded runs: a query that runs longer than this fails its page (a 500 the benchmark reports) instead of
# holding the run for minutes.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["OPTIONS"]["options"] += " -c statement_timeout=" + os.environ.get(  # noqa: F405
        "BENCHMARK_STATEMENT_TIMEOUT", "30s")

# One cache key prefix per database: the scales' databases (and a deadline-day run) may share one Redis, and
# their plans' ids (hence their generations' scopes, "plan:5") coincide. (With Redis, plan_tracker.settings has set
# the database's name as the prefix already.)
CACHES["default"].setdefault("KEY_PREFIX", "bench-" + str(DATABASES["default"]["NAME"]).rpartition("/")[2])  # noqa: F405
