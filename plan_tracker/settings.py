"""Settings for Plan Tracker, read from the environment through django-environ.

Development defaults are safe to run locally (SQLite file, DEBUG on, console email).
With DEBUG off, a missing SECRET_KEY stops start-up with a message saying what to set.
"""

import datetime
import re
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env file is optional; the process environment wins over it.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off, set the SECRET_KEY environment variable "
            "to a long random string, e.g. "
            "SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Django's admin, with the project's site (plan_tracker/admin_site.py: query strings with NUL answer 400).
    "plan_tracker.admin_site.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "import_export",
    "simple_history",
    # Sign-in throttling: failed logins per (username, IP), the lock-out, its admin (README "Security").
    "accounts.apps.AxesConfig",
    # The Content-Security-Policy header (its settings below).
    "csp",
    # Import/export machinery the domain apps' resources and admins use (one model: import previews awaiting confirm).
    "exchange",
    "agencies",
    "tasks",
    "reports",
    "accounts",
    # Reading a plan's document (DOCX, text, PDF) into a plan: manage.py import_plan and the admin's upload.
    "planimport",
    # Deadline reminders, notifications by email, agencies' calendar feeds. Before django_tasks_db: its
    # `manage.py db_worker` is django-tasks-db's, its collector frozen once warm (notifications/management/commands).
    "notifications",
    # The mails' background tasks (django-tasks, the backport of Django 6's django.tasks) and their table
    # (django-tasks-db: the queue in this database, run by `manage.py db_worker`; TASKS below).
    "django_tasks",
    "django_tasks_db",
    # The pages people browse: home by role, plans, tasks, agencies (above the domain apps).
    "portal",
    # Running the site: /healthz, the database file storage, backup and restore (README "Running in production").
    "operations",
    # Not "benchmarks": the benchmark tooling is installed by benchmarks.settings (and the test settings) only.
]

MIDDLEWARE = [
    # /healthz answers here, before sessions, CSRF, sign-in, axes and the HTTPS redirect (README "Running in
    # production"): no cookie, no session, no login, any Host.
    "operations.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "plan_tracker.middleware.CSPMiddleware",  # django-csp's, the policy built once per process
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "plan_tracker.middleware.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "accounts.middleware.AuthenticationMiddleware",  # Django's, the user read by a statement compiled once
    # Pages for signed-in people are never cached; Permissions-Policy (README "Security").
    "plan_tracker.middleware.SecurityHeadersMiddleware",
    # A signed-in session ends after SESSION_COOKIE_AGE without a request.
    "accounts.middleware.SessionActivityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a lock-out (axes) into the "try again at …" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "plan_tracker.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # {% load static_urls %}: Django's static tags, each address worked out once per process
            # (plan_tracker/static_urls.py); a name of its own: Django warns (templates.W003) when one replaces "static".
            "libraries": {"static_urls": "plan_tracker.static_urls"},
        },
    },
    # The fragments repeated per row, rendered by Jinja2 inside Django's pages (plan_tracker/jinja2.py).
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates_jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "plan_tracker.jinja2.environment"},
    },
]
# Django's own widgets render from their Jinja2 templates, everything else of a form from Django's (README "Performance").
FORM_RENDERER = "plan_tracker.jinja2.WidgetRenderer"

WSGI_APPLICATION = "plan_tracker.wsgi.application"

# SQLite file in the project unless DATABASE_URL says otherwise (postgres://… in production and CI).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)

# The cache (the year's figures, reports/cache.py): local memory in one process (`make run`, tests); Redis shared
# by every process in production, e.g. CACHE_URL=redis://127.0.0.1:6379/1 (Django's RedisCache, the redis package).
# With DEBUG off and no CACHE_URL, no cache at all: gunicorn runs several processes, and local memory in each would
# let one process serve figures another process's change has made stale. django-environ names local memory
# `locmemcache://` (its `locmem://` is no scheme).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://" if DEBUG else "dummycache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Django's, with one redis client per connection pool rather than one per cache call (plan_tracker/redis_cache.py).
    CACHES["default"]["BACKEND"] = "plan_tracker.redis_cache.RedisCache"
    # Each site its own keys (its sessions above all) should two deployments share a Redis database: the database's
    # name unless CACHE_URL sets one (?key_prefix=…).
    CACHES["default"].setdefault("KEY_PREFIX", str(DATABASES["default"]["NAME"]).rpartition("/")[2])
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # PostgreSQL's JIT compiles any query its planner costs above jit_above_cost: on the national-scale
    # benchmark that spent 250-2,300 ms compiling queries that run in 10-200 ms (README, Performance).
    # Short web queries never repay it. A DATABASE_URL ?options=… of its own wins.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    # Prepared statements (psycopg 3): the year's completion rules are a dozen nested subqueries that PostgreSQL
    # took 40-150 ms to plan at every request, longer than it takes to run them (README, Performance). Bound on
    # the server, a query that runs a second time on a connection is prepared (psycopg's prepare_threshold) and,
    # with plan_cache_mode=force_generic_plan, planned once per connection instead of per request. Behind a
    # connection pooler in transaction mode (PgBouncer < 1.21) prepared statements break: DB_PREPARED_STATEMENTS=false.
    if env.bool("DB_PREPARED_STATEMENTS", default=True):
        DATABASES["default"]["OPTIONS"].setdefault("server_side_binding", True)
        DATABASES["default"]["OPTIONS"].setdefault("prepare_threshold", 1)
        # A plan_cache_mode in DATABASE_URL's own options (…?options=-c%20plan_cache_mode%3Dauto) wins.
        if not re.search(r"plan[_-]cache[_-]mode", DATABASES["default"]["OPTIONS"]["options"], re.IGNORECASE):
            DATABASES["default"]["OPTIONS"]["options"] += " -c plan_cache_mode=force_generic_plan"
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Argon2id first, with OWASP's recommended parameters (plan_tracker/hashers.py; needs argon2-cffi): ~34 ms of
# CPU a check on the 2-core server, against ~0.3 s for Django's Argon2 defaults and ~0.5 s for PBKDF2 with
# Django 5.2's 1,000,000 iterations (README "Deadline day"). The others stay so that existing hashes still
# verify; each is re-hashed with the first at its next login.
PASSWORD_HASHERS = [
    "plan_tracker.hashers.Argon2OwaspPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
# A password-reset link works once, for one day (Django's default is three).
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Vietnamese first, English second; dates d/m/Y in and out (plan_tracker/formats/).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["plan_tracker.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language switcher's choice outlives the browser session.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (evidence, import previews): FILE_STORAGE=filesystem (the default: MEDIA_ROOT on this server's disk)
# or database (operations.storage.DatabaseStorage: in the database every app server shares, backed up with it).
FILE_STORAGE = env.str("FILE_STORAGE", default="filesystem")
_FILE_STORAGES = {
    "filesystem": "django.core.files.storage.FileSystemStorage",
    "database": "operations.storage.DatabaseStorage",
}
if FILE_STORAGE not in _FILE_STORAGES:
    raise ImproperlyConfigured(f"FILE_STORAGE={FILE_STORAGE!r}: use one of {', '.join(_FILE_STORAGES)}.")
STORAGES = {
    "default": {"BACKEND": _FILE_STORAGES[FILE_STORAGE]},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# In development whitenoise serves straight from the app folders; in production run collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Behind nginx with FILE_STORAGE=filesystem: the evidence view checks the permission, then answers with
# "X-Accel-Redirect: <this prefix><file name>" and nginx sends the file from its `internal` location of that prefix
# (deploy/nginx/plan-tracker-app.conf). Empty (the default, and with the database storage): the app streams it.
EVIDENCE_ACCEL_REDIRECT_PREFIX = env.str("EVIDENCE_ACCEL_REDIRECT_PREFIX", default="")

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="plan-tracker@localhost")
# The site's public address, for absolute links in emails and calendar feeds.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Deadline reminders (manage.py send_reminders): days before the yearly report's due date, then every
# REMINDER_OVERDUE_EVERY_DAYS after it while the report is missing (0 turns the overdue reminders off).
REMINDER_OFFSETS_DAYS = env.list("REMINDER_OFFSETS_DAYS", cast=int, default=[30, 7, 1])
REMINDER_OVERDUE_EVERY_DAYS = env.int("REMINDER_OVERDUE_EVERY_DAYS", default=7)
# At most this many reminders after the due date (0: no limit); then the coordinators' digest lists who is missing.
REMINDER_OVERDUE_MAX = env.int("REMINDER_OVERDUE_MAX", default=4)
# Mails (workflow notifications, reminders, password resets) are sent by tasks (notifications/tasks.py). Off: the
# tasks run in the process right after the change commits ("immediate" backend: make run, the tests). On
# (production): they are enqueued into the database ("default": django-tasks-db), in the change's own transaction,
# and the worker `manage.py db_worker` runs them (README "The notification worker").
NOTIFICATIONS_QUEUED = env.bool("NOTIFICATIONS_QUEUED", default=False)
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# django-import-export: import and export each need their own permission
# (import_<model>, export_<model>, declared in each model's Meta).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_USE_TRANSACTIONS = True
# Uploaded import files larger than this are refused (Django does not cap file uploads).
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", default=5 * 1024 * 1024)

if not DEBUG:
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # HTTPS on: browsers remember for a year to use nothing else (sent on HTTPS responses only). HTTPS off
    # (SECURE_SSL_REDIRECT=false, e.g. the benchmarks on 127.0.0.1): none. README "Security".
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600 if SECURE_SSL_REDIRECT else 0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    # Preloading is a decision for the owner of the whole domain (the browsers' list is hard to leave): off,
    # hence the one warning of `check --deploy` (security.W021), README "Security".
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_CONTENT_TYPE_NOSNIFF = True

# --- Security (README "Security") ---------------------------------------------------------------------

# The client's address, for the sign-in lock-out and the password-reset limits: REMOTE_ADDR, or, behind
# REVERSE_PROXY_COUNT proxies that each append to X-Forwarded-For (nginx: proxy_add_x_forwarded_for), the
# address the outermost of them saw. 0 (the default) never reads the header, which anyone can forge.
REVERSE_PROXY_COUNT = env.int("REVERSE_PROXY_COUNT", default=0)

# django-axes: AXES_FAILURE_LIMIT wrong passwords in a row for one username from one address lock that pair
# (never the username alone: one office behind one NAT shares an address, and a colleague typing someone
# else's name must not lock them out) for AXES_COOLOFF_MINUTES. A lock-out answers 429 with the time to try
# again; an admin unlocks by deleting the pair's "access attempt" in the admin, or
# `manage.py axes_reset_username NAME`. A successful sign-in clears the pair's count and locks nothing.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
# axes' database handler with the sign-in's two deletes (expired attempts, the pair's) made one (accounts.axes_handler).
AXES_HANDLER = "accounts.axes_handler.DatabaseHandler"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_MINUTES = env.int("AXES_COOLOFF_MINUTES", default=15)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Guesses made while locked out are refused without being counted, so the lock ends at the time the page says.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "accounts.security.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# Who signed in, when and from where (AccessLog, in the admin); `manage.py axes_reset_logs --age 90` trims it.
AXES_DISABLE_ACCESS_LOG = env.bool("AXES_DISABLE_ACCESS_LOG", default=False)
AXES_VERBOSE = False

# Password reset: the request only records the address (the same work whether or not an account has it);
# the mail is sent after the answer (NOTIFICATIONS_QUEUED off) or by `send_notifications` (on). At most this
# many requests an hour per address and per client address; more get the same answer and no mail.
PASSWORD_RESET_MAX_PER_ADDRESS_PER_HOUR = env.int("PASSWORD_RESET_MAX_PER_ADDRESS_PER_HOUR", default=3)
PASSWORD_RESET_MAX_PER_IP_PER_HOUR = env.int("PASSWORD_RESET_MAX_PER_IP_PER_HOUR", default=10)

# A signed-in session ends after this many seconds without a request (default 9 hours: a working day).
# accounts.middleware.SessionActivityMiddleware pushes the end back at most every SESSION_REFRESH_SECONDS.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=9 * 3600)
SESSION_REFRESH_SECONDS = env.int("SESSION_REFRESH_SECONDS", default=300)
SESSION_COOKIE_HTTPONLY = True
# Sessions are kept in the database and read through the cache when the cache is shared by every process (Redis:
# CACHE_URL; or local memory in one process under DEBUG, `make run` and the tests): every signed-in request read its
# session row from PostgreSQL (one query of ~10 per page; README "Deadline day"). The cached copy is kept at most
# 10 minutes (accounts/sessions.py: a copy that outlives a sign-out lets its cookie in that long at most); signing
# out deletes both. Local memory in several gunicorn workers (CACHE_URL=locmemcache:// with DEBUG off) or no cache:
# the database alone, as before (a sign-out in one worker would leave the copy in the others).
_BACKEND = CACHES["default"]["BACKEND"]
SESSION_ENGINE = ("accounts.sessions" if _BACKEND == "plan_tracker.redis_cache.RedisCache"
                  or (DEBUG and _BACKEND == "django.core.cache.backends.locmem.LocMemCache")
                  else "django.contrib.sessions.backends.db")

# Content-Security-Policy (django-csp): scripts, styles, images and fonts from this site only; no inline
# script or style, no plugins, no framing, forms post to this site only. Our templates have no inline
# script, handler or style; three library admin templates have a style="…" attribute each (django-import-export's
# export page, simple-history's history list): those three exact values are allowed by their hashes.
THIRD_PARTY_STYLE_ATTRIBUTES = ["padding: 0;", "font-weight: bold;", "border-top: 0"]


def _csp_hash(text):
    import base64
    import hashlib

    return "'sha256-{}'".format(base64.b64encode(hashlib.sha256(text.encode()).digest()).decode())


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-hashes'", *map(_csp_hash, THIRD_PARTY_STYLE_ATTRIBUTES)],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
# Permissions-Policy (plan_tracker.middleware.SecurityHeadersMiddleware): no page needs these features.
PERMISSIONS_POLICY = {feature: [] for feature in (
    "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer", "microphone",
    "midi", "payment", "usb", "serial", "xr-spatial-tracking",
)}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Evidence files attached to reports: largest accepted upload (bytes). Default 20 MB.
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=20 * 1024 * 1024)
# All the evidence files one save may send together (one file per task line) and all a report may hold: 50 and
# 200 MB. The per-save cap stops the upload as the bytes arrive (reports.uploads.EvidenceUploadHandler).
EVIDENCE_MAX_BYTES_PER_SAVE = env.int("EVIDENCE_MAX_BYTES_PER_SAVE", default=50 * 1024 * 1024)
EVIDENCE_MAX_BYTES_PER_REPORT = env.int("EVIDENCE_MAX_BYTES_PER_REPORT", default=200 * 1024 * 1024)
# Zip bombs (exchange/zipguard.py): an uploaded XLSX/DOCX (imports, evidence) is refused before any part of it is
# read when it unpacks to more than this in all, when a part over 1 MiB is packed more than this many times, or
# when it holds more parts than this.
UPLOAD_ZIP_MAX_UNPACKED_BYTES = env.int("UPLOAD_ZIP_MAX_UNPACKED_BYTES", default=100 * 1024 * 1024)
UPLOAD_ZIP_MAX_RATIO = env.int("UPLOAD_ZIP_MAX_RATIO", default=200)
UPLOAD_ZIP_MAX_MEMBERS = env.int("UPLOAD_ZIP_MAX_MEMBERS", default=10_000)
# An import's preview waits this long for its confirm (exchange.PendingImport); older ones are deleted by the next
# preview and by `manage.py clean_orphan_files`.
IMPORT_PREVIEW_MAX_AGE_HOURS = env.int("IMPORT_PREVIEW_MAX_AGE_HOURS", default=24)
# Largest non-file form body (a report with long texts); uploaded files are capped by EVIDENCE_MAX_BYTES.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)
