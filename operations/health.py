"""``/healthz`` for a load balancer or a monitor: is the database reachable, is the file storage reachable?

Answered by a middleware placed first (settings.MIDDLEWARE), before the session, CSRF, authentication, axes and the
HTTPS redirect: no login, no cookie, no session row, no data; a poll every few seconds costs one ``SELECT 1`` and one
storage probe. 200 ``{"database": "ok", "storage": "ok"}`` when both answer, else 503 naming what failed (the error
goes to the log, not to the caller). Any Host header is accepted, as a balancer polling by IP address sends its own."""

import logging
import os

from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)

PATH = "/healthz"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_storage():
    storage = default_storage
    probe = getattr(storage, "check", None)
    if probe is not None:
        probe()
        return
    location = getattr(storage, "location", None)
    if location is not None:  # FileSystemStorage: the media folder exists (or can be made) and is writable
        os.makedirs(location, exist_ok=True)  # as the storage's first save would
        if not os.access(location, os.W_OK | os.X_OK):
            raise OSError(f"media folder {location} missing or not writable")
        return
    storage.exists("healthz")  # any other storage: one round trip


CHECKS = {"database": check_database, "storage": check_storage}


def health():
    """({"database": "ok" | "error", "storage": …}, all ok)."""
    result = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # noqa: BLE001 - any failure is a 503 for the balancer; the log has the details
            logger.exception("healthz: %s check failed", name)
            result[name] = "error"
            if name == "database" and not connection.in_atomic_block:
                connection.close()  # a broken connection is not reused: the next request connects afresh
        else:
            result[name] = "ok"
    return result, all(value == "ok" for value in result.values())


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != PATH or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        result, ok = health()
        response = JsonResponse(result, status=200 if ok else 503)
        response["Cache-Control"] = "no-store"
        return response
