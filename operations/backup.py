"""Backups and restores of the database and the uploaded files (``manage.py backup DIR``, ``manage.py restore DIR``;
README "Backups and the restore drill").

A backup folder holds:

* ``database.dump``: ``pg_dump --format=custom`` of the PostgreSQL database, taken from a snapshot the command exports
  and keeps open, so that the dump, the row counts and the database-stored files of the manifest are one instant;
  or, on SQLite, ``database.sqlite3``: a copy made with SQLite's online backup API (``sqlite3.Connection.backup``:
  page by page, consistent, while the site runs; not ``dumpdata``, which is slower and loses nothing but is not a
  snapshot);
* ``files/``: the uploaded files of a ``FILE_STORAGE=filesystem`` site (with ``FILE_STORAGE=database`` they are in
  the dump already);
* ``manifest.json``: the SHA-256 of the dump and of every uploaded file (wherever stored), the row count of every
  table, the applied migrations, the engine and the storage.

``restore`` checks every checksum first, refuses a database or storage that is not empty, restores, then checks the
files and the row counts again against the manifest."""

import contextlib
import datetime
import hashlib
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import connection, transaction

from .storage import DatabaseStorage

MANIFEST = "manifest.json"
FORMAT = 1
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def sha256_stored(storage, name):
    digest = hashlib.sha256()
    with storage.open(name, "rb") as f:
        for block in f.chunks(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def walk(storage, folder=""):
    """The name of every file in ``storage`` under ``folder``."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield posixpath.join(folder, name) if folder else name
    for sub in folders:
        yield from walk(storage, posixpath.join(folder, sub) if folder else sub)


def row_counts():
    """{"app_label.model": rows} for every concrete model with a table (Django's and the libraries' too)."""
    counts = {}
    tables = set(connection.introspection.table_names())
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy and model._meta.db_table in tables:
            counts[model._meta.label_lower] = model._base_manager.using(connection.alias).count()
    return dict(sorted(counts.items()))


def applied_migrations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [f"{app}.{name}" for app, name in cursor.fetchall()]


def pg_environment():
    """libpq's variables for the default database (pg_dump and pg_restore read them)."""
    settings = connection.settings_dict
    env = dict(os.environ)
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD"),
                          ("NAME", "PGDATABASE")):
        if settings.get(key):
            env[variable] = str(settings[key])
    return env


def storage_kind():
    return "database" if isinstance(storages["default"], DatabaseStorage) else "filesystem"


def _empty_target(folder):
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: a backup goes into a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup(folder, log=print):
    """Write a backup into ``folder`` (new or empty); return the manifest."""
    started = time.monotonic()
    folder = _empty_target(folder)
    storage = default_storage
    kind = storage_kind()
    manifest = {"format": FORMAT, "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
                "engine": connection.vendor, "file_storage": kind, "files": {}}
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    # The dump and everything read below see the same instant.
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    cursor.execute("SELECT pg_export_snapshot()")
                    snapshot = cursor.fetchone()[0]
                dump = folder / "database.dump"
                subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--no-acl", f"--snapshot={snapshot}",
                                f"--file={dump}"], env=pg_environment(), check=True, capture_output=True, text=True)
            elif connection.vendor == "sqlite":
                dump = folder / "database.sqlite3"
                connection.ensure_connection()
                target = sqlite3.connect(dump)
                with contextlib.closing(target):
                    connection.connection.backup(target)
            else:
                raise BackupError(f"no backup for the {connection.vendor} database")
            manifest["database"] = {"file": dump.name, "sha256": sha256_file(dump), "size": dump.stat().st_size}
            manifest["rows"] = row_counts()
            manifest["migrations"] = applied_migrations()
            # Files: listed (and, on a disk, copied) after the snapshot. Files are written once under new names, so
            # every file a row of the dump names is there, unless deleted meanwhile (restore lists such rows).
            for name in sorted(walk(storage)):
                if kind == "filesystem":
                    copy = folder / "files" / name
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    with storage.open(name, "rb") as source, open(copy, "wb") as target_file:
                        shutil.copyfileobj(source, target_file, CHUNK)
                    manifest["files"][name] = {"sha256": sha256_file(copy), "size": copy.stat().st_size}
                else:
                    manifest["files"][name] = {"sha256": sha256_stored(storage, name), "size": storage.size(name)}
    except subprocess.CalledProcessError as error:
        raise BackupError(f"pg_dump failed: {error.stderr.strip()}") from error
    manifest["seconds"] = round(time.monotonic() - started, 2)
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    log(f"Backup written to {folder}: database {manifest['database']['size']:,} bytes, "
        f"{len(manifest['files'])} files, {manifest['seconds']} s")
    return manifest


def read_manifest(folder):
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise BackupError(f"{path} is missing: not a backup folder")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    return manifest


def verify(folder, manifest=None):
    """Check the backup's own files against its manifest; raise BackupError naming each mismatch."""
    folder = Path(folder)
    manifest = manifest or read_manifest(folder)
    problems = []
    dump = folder / manifest["database"]["file"]
    if not dump.is_file() or sha256_file(dump) != manifest["database"]["sha256"]:
        problems.append(f"{dump.name}: missing or its checksum differs")
    if manifest["file_storage"] == "filesystem":
        for name, meta in manifest["files"].items():
            copy = folder / "files" / name
            if not copy.is_file() or sha256_file(copy) != meta["sha256"]:
                problems.append(f"files/{name}: missing or its checksum differs")
    if problems:
        raise BackupError("the backup is damaged: " + "; ".join(problems[:20]))
    return manifest


def restore(folder, log=print):
    """Restore the backup in ``folder`` into the (empty) default database and (empty) storage."""
    started = time.monotonic()
    folder = Path(folder)
    manifest = verify(folder)
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"a {manifest['engine']} backup cannot be restored into {connection.vendor}")
    if connection.introspection.table_names():
        raise BackupError("the database is not empty: restore into a new, empty database")
    storage = default_storage
    kind = storage_kind()
    if kind == "filesystem" and next(walk(storage), None) is not None:
        raise BackupError("the file storage (MEDIA_ROOT) is not empty: restore into an empty one")
    dump = folder / manifest["database"]["file"]
    if connection.vendor == "postgresql":
        connection.close()
        result = subprocess.run(["pg_restore", "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction",
                                 f"--dbname={connection.settings_dict['NAME']}", str(dump)],
                                env=pg_environment(), capture_output=True, text=True)
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    else:
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        with contextlib.closing(source):
            source.backup(connection.connection)
    # The files: from the backup's folder, or (saved by a database storage) from the restored table.
    from .models import StoredFile

    for name, meta in manifest["files"].items():
        if manifest["file_storage"] == "filesystem":
            if kind == "database" or not storage.exists(name):
                with open(folder / "files" / name, "rb") as f:
                    saved = storage.save(name, ContentFile(f.read()) if kind == "database" else f)
                if saved != name:
                    raise BackupError(f"{name} was stored as {saved}")
        elif kind == "filesystem":  # database-stored files into a disk storage
            content = StoredFile.objects.values_list("content", flat=True).get(name=name)
            if storage.save(name, ContentFile(bytes(content))) != name:
                raise BackupError(f"{name} could not keep its name")
    if manifest["file_storage"] == "database" and kind == "filesystem":
        StoredFile.objects.all().delete()
    # The same rows and the same bytes as the manifest says.
    problems = [f"{name}: checksum differs after restore" for name, meta in manifest["files"].items()
                if sha256_stored(storage, name) != meta["sha256"]]
    counts = row_counts()
    if manifest["file_storage"] != kind:
        counts.pop("operations.storedfile", None)
        manifest["rows"].pop("operations.storedfile", None)
    problems += [f"{label}: {counts.get(label)} rows, the backup had {rows}"
                 for label, rows in manifest["rows"].items() if counts.get(label) != rows]
    if problems:
        raise BackupError("the restore does not match the backup: " + "; ".join(problems[:20]))
    seconds = round(time.monotonic() - started, 2)
    log(f"Restored {folder}: {sum(manifest['rows'].values()):,} rows in {len(manifest['rows'])} tables, "
        f"{len(manifest['files'])} files, every checksum and count verified, {seconds} s")
    return manifest


def prune(parent, keep):
    """Keep the ``keep`` newest backup folders (those with a manifest) in ``parent``; delete the older ones."""
    folders = sorted((p for p in Path(parent).iterdir() if (p / MANIFEST).is_file()), key=lambda p: p.name)
    for old in folders[:-keep] if keep > 0 else []:
        shutil.rmtree(old)
    return folders[-keep:] if keep > 0 else folders
