"""A Django storage over operations.StoredFile: files kept in PostgreSQL (or SQLite) beside the rows that name them.

Why the database rather than a shared disk or an object store: every app server already reaches it, one
``pg_dump`` (``manage.py backup``) then holds the data and the evidence in one consistent snapshot, and a province
runs no second service (NFS, S3) to keep up. Evidence is small (20 MB a file, 200 MB a report at most, settings
``EVIDENCE_MAX_BYTES*``); a file is read whole into memory to be served, as ``FileResponse`` would stream it.

Not django-db-file-storage (0.5.6.1, January 2024): it keeps the bytes base64-encoded in a text column (a third
larger, decoded in Python) and brings its own file-serving URL, which must then be kept away from the app's
permission checks. This is the storage API's seven methods over one model (Django's documented way to write a
storage: https://docs.djangoproject.com/en/5.2/howto/custom-file-storage/).

Selected by ``FILE_STORAGE=database`` (settings); ``make run`` and the tests keep the local disk by default."""

import posixpath

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from .models import StoredFile


@deconstructible(path="operations.storage.DatabaseStorage")
class DatabaseStorage(Storage):
    def _open(self, name, mode="rb"):
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("DatabaseStorage opens files for reading only; save() writes them")
        try:
            content = StoredFile.objects.values_list("content", flat=True).get(name=self._clean(name))
        except StoredFile.DoesNotExist:
            raise FileNotFoundError(name) from None
        file = ContentFile(bytes(content), name=name)
        file.mode = mode
        return file

    def _save(self, name, content):
        name = self._clean(name)
        if hasattr(content, "seek"):
            content.seek(0)
        data = b"".join(content.chunks()) if hasattr(content, "chunks") else content.read()
        # get_available_name() already chose a free name; the unique name still refuses a race.
        with transaction.atomic():
            StoredFile.objects.create(name=name, content=data, size=len(data), modified_at=timezone.now())
        return name

    def delete(self, name):
        StoredFile.objects.filter(name=self._clean(name)).delete()

    def exists(self, name):
        return StoredFile.objects.filter(name=self._clean(name)).exists()

    def listdir(self, path):
        prefix = self._clean(path).strip("/")
        prefix = f"{prefix}/" if prefix else ""
        folders, files = set(), []
        for name in StoredFile.objects.filter(name__startswith=prefix).values_list("name", flat=True):
            rest = name[len(prefix):]
            if "/" in rest:
                folders.add(rest.split("/", 1)[0])
            else:
                files.append(rest)
        return sorted(folders), sorted(files)

    def size(self, name):
        return self._row(name, "size")

    def url(self, name):
        # Never a public address: evidence is served by the app's permission-checked view only.
        raise NotImplementedError("DatabaseStorage files have no public URL; serve them through a view")

    def get_modified_time(self, name):
        return self._row(name, "modified_at")

    def get_created_time(self, name):
        return self._row(name, "modified_at")

    def get_accessed_time(self, name):
        return self._row(name, "modified_at")

    def check(self):
        """For /healthz: the table answers (raises if not)."""
        StoredFile.objects.exists()

    def _row(self, name, field):
        try:
            return StoredFile.objects.values_list(field, flat=True).get(name=self._clean(name))
        except StoredFile.DoesNotExist:
            raise FileNotFoundError(name) from None

    @staticmethod
    def _clean(name):
        return posixpath.normpath(str(name).replace("\\", "/")).lstrip("/") if name not in ("", ".") else ""
