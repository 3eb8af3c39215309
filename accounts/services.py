"""Password reset without giving anything away (README "Security").

The request (``request_reset``) records the address typed and answers; it never looks for the account, so a
known and an unknown address cost the same statements and the same time, and get the same page. Requests over
the hourly limits (per address, per client address) are dropped, with the same page. The mails are written and
sent afterwards by ``send_password_resets``: right after the answer has gone out (NOTIFICATIONS_QUEUED off), or
by its task (``accounts.tasks.send_password_reset_mails``) that ``manage.py db_worker`` runs (on, in production). Links are built from SITE_URL, never from the request's
Host header."""

import datetime
import logging
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from plan_tracker.background import Hold, InsideTransaction, claiming, stop_requested

from .models import PasswordResetRequest

logger = logging.getLogger("accounts")

Status = PasswordResetRequest.Status
HOUR = datetime.timedelta(hours=1)
# Rows are kept this long (the hour of the limits, and a trace for the admin), then deleted.
KEEP = datetime.timedelta(days=7)
# A request still "sending" this long after a sender took it (claimed_at) was taken by a sender that was killed
# before it recorded the outcome (an attempt takes a few seconds): the daily sweep puts it back as failed.
STRANDED_AFTER = datetime.timedelta(hours=1)
# Requests taken per claim (the daily sweep).
BATCH = 200
SMTP_TIMEOUT_SECONDS = 20

SUBJECT_TEMPLATE = "registration/password_reset_subject.txt"
TEXT_TEMPLATE = "registration/password_reset_email.html"  # plain text, Django's name for it


def request_reset(email, ip_address, language):
    """Record a reset request for ``email`` from ``ip_address``, unless an hourly limit is reached. Returns the
    row, or None when the request was over a limit (the caller answers the same either way)."""
    email = email.strip().lower()
    since = timezone.now() - HOUR
    recent = PasswordResetRequest.objects.filter(requested_at__gte=since)
    by_address = recent.filter(email=email).count()
    by_client = recent.filter(ip_address=ip_address).count() if ip_address else 0
    if (by_address >= settings.PASSWORD_RESET_MAX_PER_ADDRESS_PER_HOUR
            or by_client >= settings.PASSWORD_RESET_MAX_PER_IP_PER_HOUR):
        logger.warning("Password reset refused (hourly limit): %s requests for this address, %s from %s.",
                       by_address, by_client, ip_address)
        return None
    return PasswordResetRequest.objects.create(email=email, ip_address=ip_address, language=language)


def site_url():
    return settings.SITE_URL.rstrip("/")


def _accounts_for(email):
    """The active accounts with a usable password that have ``email`` (Django's own rule: PasswordResetForm)."""
    return list(PasswordResetForm().get_users(email))


def _message(user, email, language, connection):
    with translation.override(language):
        context = {
            "email": email,
            "user": user,
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
            "site_name": urlsplit(settings.SITE_URL).hostname or "localhost",
            "site_url": site_url(),
            "protocol": urlsplit(settings.SITE_URL).scheme or "https",
            "domain": urlsplit(settings.SITE_URL).netloc,
            "valid_hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600),
        }
        context["reset_url"] = site_url() + reverse(
            "password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]})
        subject = "".join(loader.render_to_string(SUBJECT_TEMPLATE, context).splitlines())
        body = loader.render_to_string(TEXT_TEMPLATE, context)
    to = getattr(user, user.get_email_field_name())
    return EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [to], connection=connection,
                                  headers={"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All"})


def _claim(queryset, limit, after_pk):
    """Take up to ``limit`` waiting rows of ``queryset`` (by pk, above ``after_pk``) for this run, in one UPDATE in
    its own short transaction (PostgreSQL: its subquery SKIP LOCKED: two tasks running at once each take other
    rows), and return them. Refused inside a caller's transaction (``plan_tracker.background.claiming``): the claim
    must be committed before the mail goes out."""
    token = uuid.uuid4()
    waiting = [Status.PENDING, Status.FAILED]
    todo = (queryset.filter(status__in=waiting, attempts__lt=PasswordResetRequest.MAX_ATTEMPTS, pk__gt=after_pk)
            .order_by("pk").select_for_update(skip_locked=True).values("pk")[:limit])
    # Picked by one SELECT, then updated by id (an UPDATE … IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED) can take
    # more than n rows on PostgreSQL: notifications.delivery._claim).
    with claiming("password-reset requests"):
        pks = [row["pk"] for row in todo]
        taken = pks and PasswordResetRequest.objects.filter(pk__in=pks, status__in=waiting).update(
            status=Status.SENDING, claim=token, claimed_at=timezone.now(), attempts=F("attempts") + 1)
    if not taken:
        return []
    return list(PasswordResetRequest.objects.filter(claim=token, status=Status.SENDING).order_by("pk"))


def return_stranded_resets():
    """Requests left "sending" over STRANDED_AFTER since a sender took them (claimed_at; not since they were made: a
    retry may take a request hours after it) back to failed (the attempt counted), so the sweep tries them again up
    to MAX_ATTEMPTS. Rows taken before claimed_at was recorded (none) count from the request. The claim token stays
    until another sender takes the row, so a sender that was only slow still records what it did (``_send``).
    Returns how many."""
    cutoff = timezone.now() - STRANDED_AFTER
    return PasswordResetRequest.objects.filter(
        Q(claimed_at__lt=cutoff) | Q(claimed_at__isnull=True, requested_at__lt=cutoff), status=Status.SENDING,
    ).update(status=Status.FAILED,
             last_error="interrupted: taken for sending and never finished (the sender was stopped)")


def send_password_resets(queryset=None, *, batch=None):
    """Send the waiting reset mails (of ``queryset``, default all), one per account that has the address;
    mark each request sent, without account, or failed (tried again later, up to MAX_ATTEMPTS: its task
    RETRY_AFTER later when queued, and the daily ``send_reminders``). Each request is tried once per call, in
    batches of ``batch`` (BATCH); between two it stops when asked (SIGTERM during send_reminders:
    ``plan_tracker.background.stop_requested``). Deletes requests older than a week. Returns the number of mails
    sent. Never raises, except called inside a caller's transaction (InsideTransaction: the caller's mistake)."""
    sent_mails, batch = 0, batch or BATCH
    try:
        if queryset is None:  # the daily sweep: first the requests a killed sender left "sending"
            return_stranded_resets()
            queryset = PasswordResetRequest.objects.all()
        last_pk = 0
        while not stop_requested():
            claimed = _claim(queryset, batch, last_pk)
            if not claimed:
                break
            last_pk = claimed[-1].pk
            sent_mails += _send(claimed)
            if len(claimed) < batch:
                break
        PasswordResetRequest.objects.filter(requested_at__lt=timezone.now() - KEEP).delete()
    except InsideTransaction:
        raise
    except Exception:
        logger.exception("Sending password reset mails failed; the next run tries again.")
    return sent_mails


def _send(claimed):
    """Send each request's mails and record its outcome, only where the row still carries this run's claim token: a
    request taken back meanwhile (``return_stranded_resets``) and taken by another sender is that sender's to
    record, never overwritten with this one's result, nor sent by this one (``Hold``, asked before each request's
    mails: a batch held for over half STRANDED_AFTER renews its hold, and sends none another sender took). Returns
    the number of mails sent."""
    sent = 0
    hold = Hold(PasswordResetRequest, claimed, sending=Status.SENDING, stranded_after=STRANDED_AFTER)
    connection = get_connection(timeout=getattr(settings, "EMAIL_TIMEOUT", None) or SMTP_TIMEOUT_SECONDS)
    try:
        for row in claimed:
            users = _accounts_for(row.email)
            if users and not hold.holds(row):  # taken back (this batch took over an hour) and by another sender
                logger.warning("Password reset request %s was taken by another sender before this one sent it: not "
                               "sent by this one.", row.pk)
                continue
            if not users:
                row.status = Status.NO_ACCOUNT
            else:
                errors = []
                for user in users:
                    try:
                        if connection.send_messages([_message(user, row.email, row.language, connection)]) == 1:
                            sent += 1
                        else:
                            errors.append("not sent")
                    except Exception as error:  # a refused address, a mail server away: try again next run
                        logger.warning("Password reset mail to %s failed: %s", row.email, error)
                        errors.append(f"{type(error).__name__}: {error}"[:1000])
                        try:
                            connection.close()
                        except Exception:
                            pass
                row.status = Status.FAILED if errors else Status.SENT
                row.last_error = "\n".join(errors)
                row.sent_at = None if errors else timezone.now()
            token, row.claim = row.claim, None
            if not PasswordResetRequest.objects.filter(pk=row.pk, claim=token).update(
                    status=row.status, last_error=row.last_error, sent_at=row.sent_at, claim=None):
                logger.warning("Password reset request %s was taken by another sender while this one sent it: its "
                               "outcome is left to that sender.", row.pk)
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("Closing the email connection failed", exc_info=True)
    return sent
