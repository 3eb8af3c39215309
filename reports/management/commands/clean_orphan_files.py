"""Find and remove what uploads leave behind: evidence files with no Evidence row, and admin import previews never
confirmed.

    manage.py clean_orphan_files --dry-run     # list only
    manage.py clean_orphan_files               # remove

* Evidence files (``evidence/`` in the evidence storage, MEDIA_ROOT by default) that no Evidence row names and older
  than ``--min-age`` minutes (default 60: a save still in its transaction has written its files seconds before
  its commit). A failed save deletes its own files (``reports.services.save_report``); these are the ones a
  process killed between the write and the commit left, a caller's transaction rolled back after the save, or a
  file whose removal after a delete failed.
* Evidence rows whose file is missing are listed (never deleted: the row is the record of what was sent).
* Import previews (exchange.PendingImport) older than IMPORT_PREVIEW_MAX_AGE_HOURS.

Run it daily from cron (after the nightly backup), or whenever the counts look odd; it is safe to run at any time.
"""

import datetime
import posixpath

from django.core.management.base import BaseCommand
from django.db.models.functions import Length
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from exchange.models import PendingImport
from reports.models import Evidence

ROOT = "evidence"


def walk(storage, folder):
    """(name, size, modified time) of every file under ``folder`` in ``storage``."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        path = posixpath.join(folder, name)
        yield path, storage.size(path), storage.get_modified_time(path)
    for sub in folders:
        yield from walk(storage, posixpath.join(folder, sub))


class Command(BaseCommand):
    help = "Remove evidence files no Evidence row names, and import previews never confirmed (--dry-run: list)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list what would be removed, remove nothing")
        parser.add_argument("--min-age", type=int, default=60, metavar="MINUTES",
                            help="only files older than this (default 60: a save may be between write and commit)")

    def handle(self, *args, dry_run=False, min_age=60, **options):
        storage = Evidence._meta.get_field("file").storage
        known = set(Evidence.objects.annotate(n=Length("file")).filter(n__gt=0).values_list("file", flat=True))
        cutoff = timezone.now() - datetime.timedelta(minutes=min_age)
        orphans, young, seen = [], 0, set()
        for name, size, modified in walk(storage, ROOT):
            seen.add(name)
            if name in known:
                continue
            if modified > cutoff:
                young += 1
                continue
            orphans.append((name, size))
        verb = "would remove" if dry_run else "removed"
        for name, size in orphans:
            if not dry_run:
                storage.delete(name)
            self.stdout.write(f"{verb} orphan evidence file {name} ({filesizeformat(size)})")
        for pk, name in Evidence.objects.filter(file__in=known - seen).values_list("pk", "file").order_by("pk"):
            self.stdout.write(self.style.WARNING(f"evidence {pk}: its file {name} is missing"))
        expired = PendingImport.expired()
        previews = expired.count()
        if not dry_run:
            expired.delete()
        done = "to remove" if dry_run else "removed"
        self.stdout.write(
            f"{len(orphans)} orphan evidence file(s) {done} ({filesizeformat(sum(s for _n, s in orphans))}); "
            f"{young} newer than {min_age} min kept; {len(known - seen)} row(s) without a file; "
            f"{previews} import preview(s) never confirmed {done}."
        )
