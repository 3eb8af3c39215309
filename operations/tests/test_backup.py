"""Issue #19, item 3: the restore drill on the demo data. ``manage.py backup`` of the seed plan, its reorganisation,
the demo accounts and reports and some evidence files; ``manage.py restore`` into a new empty database and an empty
storage (another process, as on the day a disk died); every report, line, indicator value, event and evidence row,
and every evidence file's checksum, the same afterwards. On PostgreSQL with the evidence in the database
(FILE_STORAGE=database, pg_dump), on SQLite with the evidence on disk (the SQLite backup API, files copied)."""

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from operations.backup import MANIFEST

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


def fingerprint():
    """Every row of the reports app (reports, lines, indicator values, events, evidence, reporting years and their
    history), ordered by id, and each evidence file's SHA-256 read back from the storage."""
    from reports.models import Evidence

    rows = {model._meta.label: list(model._base_manager.order_by("pk").values())
            for model in apps.get_app_config("reports").get_models()}
    rows["evidence files"] = []
    for evidence in Evidence.objects.order_by("pk"):
        with evidence.file.open("rb") as f:
            rows["evidence files"].append((evidence.pk, evidence.file.name, hashlib.sha256(f.read()).hexdigest()))
    return json.loads(json.dumps(rows, default=str, sort_keys=True))


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    kind = "database" if connection.vendor == "postgresql" else "filesystem"
    if kind == "database":
        settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "operations.storage.DatabaseStorage"}}
    call_command("loaddata", "fixtures/seed_151_kh_ubnd_2023.json", "fixtures/indicators_151_kh_ubnd_2023.json",
                 verbosity=0)
    call_command("load_reorganisation_2025", stdout=io.StringIO())
    call_command("load_demo", allow_production=True, stdout=io.StringIO())
    call_command("load_demo_reports", allow_production=True, stdout=io.StringIO())
    from reports.models import Evidence, TaskReport

    for i, line in enumerate(TaskReport.objects.order_by("pk")[:6]):
        Evidence.objects.create(task_report=line, file=ContentFile(os.urandom(2000 + i * 5000), name="x.pdf"),
                                original_name=f"Minh chứng {i}.pdf", content_type="application/pdf",
                                size=2000 + i * 5000)
    return kind


def target_database(tmp_path):
    """A new, empty database of the same kind as the test database: its URL and how to drop it."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}", lambda: None
    name = f"{settings['NAME']}_restore"[:63]
    server = f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"

    def psql(sql):
        subprocess.run(["psql", f"{server}/postgres", "-qc", sql], check=True, capture_output=True)

    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}", lambda: psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args, env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_restore_drill_gives_back_every_report_line_event_and_evidence_file(demo, tmp_path):
    before = fingerprint()
    assert len(before["reports.AgencyReport"]) > 50 and len(before["evidence files"]) == 6
    folder = tmp_path / "backup"
    call_command("backup", str(folder), stdout=io.StringIO())
    manifest = json.loads((folder / MANIFEST).read_text())
    assert len(manifest["files"]) == 6 and manifest["file_storage"] == demo
    assert manifest["rows"]["reports.agencyreport"] == len(before["reports.AgencyReport"])

    url, drop = target_database(tmp_path)
    env = {**{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
           "DJANGO_SETTINGS_MODULE": "plan_tracker.settings", "DATABASE_URL": url,
           "MEDIA_ROOT": str(tmp_path / "restored-media"), "FILE_STORAGE": demo}
    try:
        restored = manage("restore", str(folder), env=env)
        assert restored.returncode == 0, restored.stderr
        assert "every checksum and count verified" in restored.stdout
        after = manage("shell", "-c", "import json; from operations.tests.test_backup import fingerprint; "
                                      "print(json.dumps(fingerprint()))", env=env)
        assert after.returncode == 0, after.stderr
        assert json.loads(after.stdout.strip().splitlines()[-1]) == before
        # A second restore into the now full database is refused, touching nothing.
        again = manage("restore", str(folder), env=env)
        assert again.returncode != 0 and "not empty" in again.stderr
    finally:
        drop()


def test_a_damaged_backup_is_refused_before_anything_is_restored(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    folder = tmp_path / "backup"
    call_command("backup", str(folder), stdout=io.StringIO())
    dump = next(p for p in folder.iterdir() if p.name.startswith("database."))
    with open(dump, "r+b") as f:
        f.seek(dump.stat().st_size // 2)
        byte = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([byte[0] ^ 1]))
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(folder), "--check-only")
    with pytest.raises(CommandError, match="not empty: a backup goes into a new folder"):
        call_command("backup", str(folder))
