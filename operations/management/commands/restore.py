"""manage.py restore DIR: a backup of ``manage.py backup`` into an empty database and an empty file storage, every
checksum checked before and after (operations/backup.py; README "Backups and the restore drill")."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore, verify


class Command(BaseCommand):
    help = "Restore the backup in DIR into the (empty) database DATABASE_URL names and the (empty) file storage."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--check-only", action="store_true", help="only verify the backup's checksums")

    def handle(self, folder, check_only, **options):
        try:
            if check_only:
                manifest = verify(folder)
                self.stdout.write(f"{folder}: the dump and {len(manifest['files'])} files match the manifest")
            else:
                restore(folder, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
