"""The password-reset mails' task (plan_tracker.background; README "The notification worker")."""

import logging

from django_tasks import task

from plan_tracker.background import retry_later

logger = logging.getLogger("accounts")


@task()
def send_password_reset_mails(request_id=None):
    """The mail of one reset request (``request_id``; accounts.services), tried again RETRY_AFTER later while it
    fails (up to MAX_ATTEMPTS): only that request, so one address that fails never spends another's attempts.
    ``None``: every request still waiting (the daily ``send_reminders`` sweep), not retried before the next day.
    Never raises."""
    from .models import PasswordResetRequest
    from .services import send_password_resets

    rows = None if request_id is None else PasswordResetRequest.objects.filter(pk=request_id)
    sent = send_password_resets(rows)  # None: the sweep (it also takes back what a killed sender left "sending")
    try:
        if request_id is not None and rows.filter(status=PasswordResetRequest.Status.FAILED,
                                                  attempts__lt=PasswordResetRequest.MAX_ATTEMPTS).exists():
            retry_later(send_password_reset_mails, request_id)
    except Exception:
        logger.exception("Enqueueing the retry of password reset %s failed; send_reminders sends it.", request_id)
    return {"sent": sent}
