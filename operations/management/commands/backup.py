"""manage.py backup DIR [--keep N]: the database (pg_dump custom format, or SQLite's backup API) and the uploaded
files, with a manifest of SHA-256 checksums (operations/backup.py; README "Backups and the restore drill")."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup, prune


class Command(BaseCommand):
    help = "Write a consistent backup of the database and the uploaded files into a new folder DIR."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--keep", type=int, default=0,
                            help="then keep only the N newest backups in DIR's parent folder (0: keep all)")

    def handle(self, folder, keep, **options):
        try:
            backup(folder, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if keep:
            prune(folder.parent, keep)
