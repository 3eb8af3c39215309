"""Sending a stored file after the view has checked who may have it (evidence downloads).

Behind nginx, with the files on this server's disk, the app only answers ``X-Accel-Redirect`` and nginx sends the
bytes from an ``internal`` location (deploy/nginx/plan-tracker-app.conf): a gunicorn worker is not held for the
length of a slow download. Otherwise (``make run``, the database storage) the app streams the file itself."""

from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header


def attachment_response(field_file, *, filename, content_type):
    prefix = settings.EVIDENCE_ACCEL_REDIRECT_PREFIX
    if prefix and isinstance(field_file.storage, FileSystemStorage):
        response = HttpResponse(content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field_file.name.lstrip("/"))
        return response
    return FileResponse(field_file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
