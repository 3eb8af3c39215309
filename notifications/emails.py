"""Rendering and sending one email: plain text + HTML, in the recipient's language, one address per
SMTP envelope (so a refused address fails alone), with absolute links built from SITE_URL. A mail that goes to many
addresses (a submission's to 20 coordinators) is built once (``PreparedMail``): its MIME parts are made once and
written once; per address only the envelope, To, Date and Message-ID are made."""

import copy
import logging
from email.generator import BytesGenerator
from email.utils import formatdate, make_msgid
from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import DNS_NAME, SafeMIMEMultipart, forbid_multi_line_headers
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


#: The mails written by Jinja2 (templates_jinja2/notifications/email/): those of every submission, the deadline day's
#: bulk (~0.6 ms of CPU each by Django's engine, 6 a submission: issue #18). Byte for byte what Django's templates
#: (kept in notifications/tests/reference/ as the tests' reference) write; the other mails are Django's.
JINJA_MAILS = frozenset({"submitted", "submitted_many", "coordination"})


def render_email(template, context, language):
    """(subject, text, html) of templates/notifications/email/<template>{_subject.txt,.txt,.html} (Django's), or of
    templates_jinja2/notifications/email/ for JINJA_MAILS."""
    with translation.override(language):
        context = {
            "site_url": settings.SITE_URL.rstrip("/"),
            "preferences_url": absolute_url(reverse("notifications:preferences")),
            "language": language,
            **context,
        }
        if template in JINJA_MAILS:
            html_env, text_env = _jinja_environments()
            subject = html_env.get_template(f"notifications/email/{template}_subject.txt").render(context)
            text = text_env.get_template(f"notifications/email/{template}.txt").render(context)
            html = html_env.get_template(f"notifications/email/{template}.html").render(context)
        else:
            subject = render_to_string(f"notifications/email/{template}_subject.txt", context)
            text = render_to_string(f"notifications/email/{template}.txt", context)
            html = render_to_string(f"notifications/email/{template}.html", context)
    return " ".join(subject.split()), text, html


_ENVIRONMENTS = []


def _jinja_environments():
    """(escaping, plain): the site's Jinja2 environment (plan_tracker.jinja2: Django's escaping and translations) as
    Django's templates render a mail: every file's last newline kept; the subject and the HTML escaped (Django's
    engine escapes every template: a subject too), the text not (its templates are ``{% autoescape off %}``, their
    includes too)."""
    if not _ENVIRONMENTS:
        from django.template import engines

        site = engines["jinja2"].env
        _ENVIRONMENTS.extend([site.overlay(keep_trailing_newline=True),
                              site.overlay(keep_trailing_newline=True, autoescape=False, finalize=None)])
    return _ENVIRONMENTS


def _headers(unsubscribe, to_header, cc_header):
    headers = {
        "Message-ID": make_msgid(domain=site_host()),
        # RFC 3834: out-of-office robots should not answer.
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "All",
        "List-Unsubscribe": unsubscribe,
    }
    if to_header:
        headers["To"] = ", ".join(to_header)
    if cc_header:
        headers["Cc"] = ", ".join(cc_header)
    return headers


def _unsubscribe():
    return "<{}>".format(absolute_url(reverse("notifications:preferences")))


def build_message(address, subject, text, html, *, to_header=None, cc_header=None, connection=None):
    """A message whose envelope holds ``address`` only. ``to_header``/``cc_header`` (lists) are what the
    recipient sees in To and Cc: the agency's officers and its head contact read the same heading, while
    each of them is one delivery that can fail and be retried alone."""
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [address], headers=_headers(_unsubscribe(), to_header, cc_header),
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


_BOUNDARY_RUN = "=" * 15  # how every boundary Python's email writer picks begins

#: The headers Django's EmailMessage.message() writes that differ from one address to the next of the same mail.
_PER_ADDRESS = frozenset({"to", "date", "message-id"})


class PreparedMail:
    """One mail (subject, text, HTML, the To and Cc headings) for many addresses, each its own envelope
    (``message``: what ``build_message`` makes, field for field). Its MIME tree, as Django's
    ``EmailMessage.message()`` builds it, is built for the first address; each other address's is a copy of it with
    that address's To, Date and Message-ID (made as Django makes them), sharing the parts; and written (``as_bytes``,
    what the SMTP and console backends send) from the parts and headers written once per line ending: per address
    only its three headers are written. About a tenth of a millisecond per address instead of ~2 ms (issue #18).

    A message whose fields were changed after it was made (anything but its envelope, To, Date, Message-ID) is
    built by Django's own ``message()``: the shared tree is only ever used for the mail it was built from."""

    def __init__(self, subject, text, html, *, to_header=None, cc_header=None):
        self.subject, self.text, self.html = subject, text, html
        self.to_header, self.cc_header = to_header, cc_header
        self.unsubscribe = _unsubscribe()
        self._template = None  # (the fields it was built from, the MIME tree)
        # Header lines and the body as written: {(line ending, name, value): bytes, line ending: bytes}.
        self._written = {}

    def message(self, address, connection=None):
        message = PreparedMessage(
            self.subject, self.text, settings.DEFAULT_FROM_EMAIL, [address],
            headers=_headers(self.unsubscribe, self.to_header, self.cc_header), connection=connection,
        )
        message.attach_alternative(self.html, "text/html")
        message.prepared = self
        return message

    def mime(self, message):
        fields = _shared_fields(message)
        if self._template is None:
            tree = EmailMultiAlternatives.message(message)
            # The boundary a writer would pick when writing it (random), picked now: shared by every copy. A writer
            # checks that the written parts do not hold it; they cannot when the texts hold no run of 15 "=" (written
            # as they are, or quoted-printable: "=3D"); else the writer picks it, writing the whole tree once more.
            if _BOUNDARY_RUN in message.body or any(_BOUNDARY_RUN in str(content) for content, _ in message.alternatives):
                tree.as_bytes()
            else:
                tree.set_boundary(BytesGenerator._make_boundary())
            self._template = (fields, tree)
        built_from, template = self._template
        if fields != built_from:
            return EmailMultiAlternatives.message(message)
        tree = copy.copy(template)
        tree.__class__ = _PreparedMIME
        tree._prepared = self
        tree._payload = list(template._payload)
        own = _per_address_values(message, template.encoding)
        tree._headers = [(name, own[name.lower()]) if name.lower() in _PER_ADDRESS else (name, value)
                         for name, value in template._headers]
        return tree


class PreparedMessage(EmailMultiAlternatives):
    """One address's message of a ``PreparedMail``."""

    prepared = None

    def message(self):
        if self.prepared is None:
            return super().message()
        return self.prepared.mime(self)


def _shared_fields(message):
    """What a message's MIME tree is made of, but for the headers that differ from one address to the next."""
    return (message.subject, message.body, message.from_email, message.cc, message.bcc, message.reply_to,
            message.alternatives, message.attachments, message.encoding, message.content_subtype,
            message.mixed_subtype, message.alternative_subtype,
            [(k, v) for k, v in message.extra_headers.items() if k.lower() not in _PER_ADDRESS])


def _per_address_values(message, encoding):
    """To, Date and Message-ID as Django's ``EmailMessage.message()`` writes them for ``message``."""
    extra = {name.lower(): value for name, value in message.extra_headers.items()}
    to = message.extra_headers["To"] if "To" in message.extra_headers else ", ".join(str(v) for v in message.to)
    values = {
        "to": to,
        "date": extra["date"] if "date" in extra else formatdate(localtime=settings.EMAIL_USE_LOCALTIME),
        "message-id": extra["message-id"] if "message-id" in extra else make_msgid(domain=DNS_NAME),
    }
    return {name: forbid_multi_line_headers(name, value, encoding)[1] for name, value in values.items()}


class _PreparedMIME(SafeMIMEMultipart):
    """One address's MIME tree of a PreparedMail: a complete message (its headers, its parts); written from what
    the mail has written already."""

    _prepared = None

    def as_bytes(self, unixfrom=False, linesep="\n"):
        out = BytesIO()
        _PreparedWriter(out, mangle_from_=False, written=self._prepared._written).flatten(
            self, unixfrom=unixfrom, linesep=linesep)
        return out.getvalue()


class _PreparedWriter(BytesGenerator):
    """Writes a _PreparedMIME as Django's as_bytes() does (``BytesGenerator(mangle_from_=False)``), the header lines
    other than To, Date and Message-ID and the body (the boundary, the parts) taken from ``written``, the mail's
    own, once written."""

    def __init__(self, *args, written=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._written_once = written

    def _write_headers(self, msg):
        written = self._written_once
        if written is None:  # a part, written the first time (clone())
            return super()._write_headers(msg)
        linesep = self.policy.linesep
        for name, value in msg.raw_items():
            key = (linesep, name, value)
            line = written.get(key)
            if line is None:
                if name.lower() in _PER_ADDRESS:
                    line = _fold_short(self.policy, name, value)
                else:
                    line = written[key] = self.policy.fold_binary(name, value)
            self._fp.write(line)
        self.write(self._NL)

    def _handle_multipart(self, msg):
        written = self._written_once
        if written is None:
            return super()._handle_multipart(msg)
        key = self.policy.linesep
        body = written.get(key)
        if body is None:
            super()._handle_multipart(msg)  # into the buffer that holds this message's body only (Generator._write)
            written[key] = self._fp.getvalue()
        else:
            self._fp.write(body)


def _fold_short(policy, name, value):
    """``policy.fold_binary(name, value)`` (the compat32 policy Django's messages use), written directly when the
    header fits on one line as it is: printable ASCII (the policy splits lines at some control characters), and
    ``name: value`` within the policy's line length; then the fold is that line (a test holds the two to each
    other). An address's To, Date and Message-ID are such lines: ~50 µs a mail less (issue #18). Anything else is
    folded by the policy."""
    limit = policy.max_line_length
    if limit and value.isascii() and value.isprintable() and len(name) + 2 + len(value) <= limit:
        return f"{name}: {value}{policy.linesep}".encode("ascii")
    return policy.fold_binary(name, value)


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
