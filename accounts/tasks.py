"""The password-reset mails' task (plan_tracker.background; README "The notification worker")."""

from django_tasks import task

from plan_tracker.background import retry_later


@task()
def send_password_reset_mails():
    """The password-reset mails waiting (accounts.services); failed ones are tried again RETRY_AFTER later."""
    from .models import PasswordResetRequest
    from .services import send_password_resets

    sent = send_password_resets()
    if PasswordResetRequest.objects.filter(status=PasswordResetRequest.Status.FAILED,
                                           attempts__lt=PasswordResetRequest.MAX_ATTEMPTS).exists():
        retry_later(send_password_reset_mails)
    return {"sent": sent}
