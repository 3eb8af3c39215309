"""Issue #12, item 6: nothing on disk without a row. A save that fails after writing evidence files deletes them
with its rollback; what a crash leaves (a process killed between write and commit, a caller's transaction rolled
back after the save) is found and removed by ``manage.py clean_orphan_files``, which also drops import previews
nobody confirmed."""

import datetime
import os
import time
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from exchange.models import PendingImport
from reports.models import Evidence, ReportEvent
from reports.services import save_report
from testing.factories import report_world

from .test_report_pages import PDF


@pytest.fixture
def world(db, django_user_model, tmp_media):
    w = report_world(django_user_model, coordinator=False)
    return w.report, w.officer, tmp_media


def files(media):
    return sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file()) if media.exists() else []


def uploads(report, *names):
    lines = list(report.lines.all())
    return [(lines[i % len(lines)], SimpleUploadedFile(name, PDF), "application/pdf") for i, name in enumerate(names)]


def age(media, name, minutes):
    then = time.time() - minutes * 60
    os.utime(media / name, (then, then))


def test_a_save_that_fails_after_writing_its_files_deletes_them(world, monkeypatch):
    report, officer, media = world

    def fail(*args, **kwargs):
        raise RuntimeError("the server stopped here")

    monkeypatch.setattr(ReportEvent.objects, "create", fail)  # the save's last step, after both files are written
    with pytest.raises(RuntimeError):
        save_report(report, officer, expected_version=report.version, uploads=uploads(report, "a.pdf", "b.pdf"))
    assert not Evidence.objects.exists()
    assert files(media) == []


def test_a_save_that_succeeds_keeps_its_files(world):
    report, officer, media = world
    save_report(report, officer, expected_version=report.version, uploads=uploads(report, "a.pdf"))
    assert files(media) == [Evidence.objects.get().file.name]


def test_the_command_removes_what_a_rolled_back_transaction_left(world):
    report, officer, media = world
    save_report(report, officer, expected_version=report.version, uploads=uploads(report, "giu.pdf"))
    kept = Evidence.objects.get().file.name
    report.refresh_from_db()
    with pytest.raises(RuntimeError), transaction.atomic():  # a caller's transaction, rolled back after the save
        save_report(report, officer, expected_version=report.version, uploads=uploads(report, "mo-coi.pdf"))
        raise RuntimeError
    assert list(Evidence.objects.values_list("file", flat=True)) == [kept]
    orphan = next(name for name in files(media) if name != kept)
    for name in (kept, orphan):
        age(media, name, 120)
    (media / "evidence" / "2023").mkdir(parents=True)
    (media / "evidence" / "2023" / "deadbeef").write_bytes(b"left by a killed process")  # written just now
    (media / "other.txt").write_text("not evidence: not ours to judge")

    out = StringIO()
    call_command("clean_orphan_files", "--dry-run", stdout=out)
    assert f"would remove orphan evidence file {orphan}" in out.getvalue()
    assert "1 orphan evidence file(s) to remove" in out.getvalue() and "1 newer than 60 min kept" in out.getvalue()
    assert len(files(media)) == 4

    call_command("clean_orphan_files", stdout=StringIO())
    assert files(media) == sorted([kept, "evidence/2023/deadbeef", "other.txt"])
    call_command("clean_orphan_files", "--min-age", "0", stdout=StringIO())
    assert files(media) == sorted([kept, "other.txt"])
    assert Evidence.objects.get().file.storage.exists(kept)


def test_the_command_lists_rows_whose_file_is_missing_and_keeps_them(world):
    report, officer, media = world
    save_report(report, officer, expected_version=report.version, uploads=uploads(report, "a.pdf"))
    evidence = Evidence.objects.get()
    os.remove(media / evidence.file.name)
    out = StringIO()
    call_command("clean_orphan_files", stdout=out)
    assert f"evidence {evidence.pk}: its file {evidence.file.name} is missing" in out.getvalue()
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_the_command_drops_import_previews_never_confirmed(db, settings, tmp_media):
    settings.IMPORT_PREVIEW_MAX_AGE_HOURS = 24
    old = PendingImport.objects.create(data=b"x", created_at=timezone.now() - datetime.timedelta(hours=25))
    new = PendingImport.objects.create(data=b"y")
    out = StringIO()
    call_command("clean_orphan_files", "--dry-run", stdout=out)
    assert "1 import preview(s) never confirmed to remove" in out.getvalue()
    assert PendingImport.objects.count() == 2
    call_command("clean_orphan_files", stdout=StringIO())
    assert list(PendingImport.objects.values_list("pk", flat=True)) == [new.pk]
    assert not PendingImport.objects.filter(pk=old.pk).exists()
