"""What the reporting workflow announces, for other apps to act on (notifications mails the people concerned).
``reports`` imports none of its listeners: they connect in their AppConfig.ready().

``report_event``: sent with ``event`` (a ReportEvent: submitted, returned, accepted, reopened) inside the
transaction that records it, right after the report's change. A receiver that writes to the database writes in
that transaction (committed with the change or not at all); one that acts outside it (a mail) must wait for the
commit (``transaction.on_commit``). Receivers must not raise: the user's action has already been decided."""

from django.dispatch import Signal

report_event = Signal()
