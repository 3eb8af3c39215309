"""The notification worker: sends the report-workflow mails that requests recorded (NOTIFICATIONS_QUEUED)."""

import logging
import signal
import threading
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, connection

from notifications.workflow import send_notifications

logger = logging.getLogger("notifications")


class Command(BaseCommand):
    help = (
        "Send the notifications of reports' workflow events (submitted, returned, accepted, a coordinating "
        "agency's results) that are waiting: recorded by the requests when NOTIFICATIONS_QUEUED is on, or "
        "failed before (retried up to 5 times). Once, or with --watch SECONDS in a loop until SIGTERM or "
        "SIGINT (it finishes the batch in hand, then exits). Several may run at once: each mail is taken by "
        "one of them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--watch", type=float, default=None, metavar="SECONDS",
                            help="Keep running: look for waiting mails every SECONDS (e.g. 5).")
        parser.add_argument("--retry-every", type=float, default=300.0, metavar="SECONDS",
                            help="With --watch: send failed mails again at most this often (default 300).")
        parser.add_argument("--batch", type=int, default=200, help="Mails taken at a time (default 200).")

    def handle(self, *args, watch=None, retry_every=300.0, batch=200, **options):
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        if watch is None:
            self.report(send_notifications(batch=batch), always=True)
            return
        if watch <= 0:
            raise CommandError("--watch must be a positive number of seconds.")
        stop = threading.Event()
        previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)}
        self.stdout.write(f"send_notifications: every {watch:g} s (failed mails every {retry_every:g} s); "
                          "SIGTERM or Ctrl-C to stop.")
        last_retry = None
        try:
            while not stop.is_set():
                if not connection.in_atomic_block:  # (never, but in a test's transaction)
                    close_old_connections()  # a database restart or an idle timeout must not end the worker
                retry = last_retry is None or time.monotonic() - last_retry >= retry_every
                if retry:
                    last_retry = time.monotonic()
                try:
                    self.report(send_notifications(retry_failed=retry, batch=batch, stopping=stop.is_set))
                except Exception:  # the database went away…: log, wait, try again
                    logger.exception("send_notifications: this round failed; trying again in %g s.", watch)
                stop.wait(watch)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write("send_notifications: stopped.")

    def report(self, result, always=False):
        if always or result.sent or result.failed or result.cancelled:
            self.stdout.write(f"Notifications sent: {result.sent}, failed (retried later): {result.failed}, "
                              f"cancelled: {result.cancelled}.")
            self.stdout.flush()
