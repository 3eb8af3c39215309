"""Rendering and sending one email: plain text + HTML, in the recipient's language, one address per
SMTP envelope (so a refused address fails alone), with absolute links built from SITE_URL."""

import logging
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger("notifications")

# An unanswered SMTP server must not hold a clerk's "Submit" click for minutes.
SMTP_TIMEOUT_SECONDS = 20


def absolute_url(path):
    """``path`` (from reverse() or get_absolute_url()) on the site's public address, SITE_URL."""
    return settings.SITE_URL.rstrip("/") + path


def site_host():
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def render_email(template, context, language):
    """(subject, text, html) of templates/notifications/email/<template>{_subject.txt,.txt,.html}."""
    with translation.override(language):
        context = {
            "site_url": settings.SITE_URL.rstrip("/"),
            "preferences_url": absolute_url(reverse("notifications:preferences")),
            "language": language,
            **context,
        }
        subject = render_to_string(f"notifications/email/{template}_subject.txt", context)
        text = render_to_string(f"notifications/email/{template}.txt", context)
        html = render_to_string(f"notifications/email/{template}.html", context)
    return " ".join(subject.split()), text, html


def build_message(address, subject, text, html, *, to_header=None, cc_header=None, connection=None):
    """A message whose envelope holds ``address`` only. ``to_header``/``cc_header`` (lists) are what the
    recipient sees in To and Cc: the agency's officers and its head contact read the same heading, while
    each of them is one delivery that can fail and be retried alone."""
    headers = {
        "Message-ID": make_msgid(domain=site_host()),
        # RFC 3834: out-of-office robots should not answer.
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "All",
        "List-Unsubscribe": "<{}>".format(absolute_url(reverse("notifications:preferences"))),
    }
    if to_header:
        headers["To"] = ", ".join(to_header)
    if cc_header:
        headers["Cc"] = ", ".join(cc_header)
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [address], headers=headers, connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def open_connection():
    """The EMAIL_URL backend with a bounded timeout (ignored by the console and locmem backends)."""
    return get_connection(timeout=getattr(settings, "EMAIL_TIMEOUT", None) or SMTP_TIMEOUT_SECONDS)


def send_one(connection, message):
    """Send ``message``; return None when sent, else the error text. Never raises: a failure is logged,
    the connection is reset for the next message, and the caller records it for a retry."""
    try:
        if connection.send_messages([message]) != 1:
            return "not sent"
        return None
    except Exception as error:  # SMTP refusals, timeouts, a server that went away…
        logger.warning("Email to %s failed: %s", ", ".join(message.to), error)
        try:
            connection.close()
        except Exception:  # the connection may already be broken; the next send opens a new one
            pass
        return f"{type(error).__name__}: {error}"[:1000]
