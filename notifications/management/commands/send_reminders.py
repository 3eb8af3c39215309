"""Daily deadline reminders and the coordinators' digest; also retries mails that failed before."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from notifications.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Email the officers of agencies whose yearly report is not yet submitted, on the reminder ladder "
        "(REMINDER_OFFSETS_DAYS before the due date, on it, then every REMINDER_OVERDUE_EVERY_DAYS), send the "
        "coordinators' digest on the same days, and retry mails that failed. Safe to run many times a day: "
        "each reminder is recorded and never sent twice. Meant for cron or a systemd timer, once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
            help=f"Run as if today were this local date ({settings.TIME_ZONE}). Default: today.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would be sent; record and send nothing.")

    def handle(self, *args, date=None, dry_run=False, **options):
        try:
            result = send_reminders(date, dry_run=dry_run)
        except ValueError as error:  # pragma: no cover - argparse already checks the date
            raise CommandError(str(error)) from error
        self.stdout.write(f"send_reminders for {result.today:%d/%m/%Y} ({settings.TIME_ZONE})"
                          + (" — dry run, nothing recorded or sent" if dry_run else ""))
        for line in result.lines:
            self.stdout.write(f"  {line}")
        self.stdout.write(
            f"{result.reminders} reminder(s) to agencies ({result.unreachable} with nobody to remind), "
            f"{result.digests} digest(s)."
        )
        if result.stranded:
            self.stdout.write(f"Mails left \"sending\" over an hour (a stopped sender), returned to waiting: "
                              f"{result.stranded}.")
        if result.queued:
            self.stdout.write("Mails queued for the worker (manage.py db_worker).")
        elif not dry_run:
            self.stdout.write(f"Mails sent: {result.sent}, failed (retried next run): {result.failed}, "
                              f"cancelled: {result.cancelled}; password-reset mails sent: {result.password_resets}.")
        if result.stopped:
            self.stdout.write(gettext("Đã dừng theo yêu cầu (SIGTERM/SIGINT): các thư còn chờ, kể cả thư đặt lại "
                                      "mật khẩu, sẽ được gửi ở lượt chạy sau."))
