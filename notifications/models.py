"""Who wants which emails, what was sent (so nothing goes twice), and the agencies' calendar feeds."""

import secrets

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from agencies.models import Agency
from reports.models import AgencyReport, ReportEvent, ReportingYear


def language_choices():
    return settings.LANGUAGES


class Preference(models.Model):
    """A user's choices about email. A user without a row gets the defaults: everything on, Vietnamese."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference",
        verbose_name=_("người dùng"),
    )
    reminders = models.BooleanField(
        _("nhận thư nhắc hạn báo cáo"), default=True,
        help_text=_("Thư nhắc trước và sau hạn gửi báo cáo năm; với cán bộ đầu mối: bản tổng hợp đơn vị chưa gửi."),
    )
    notifications = models.BooleanField(
        _("nhận thông báo về báo cáo"), default=True,
        help_text=_("Khi báo cáo được gửi, bị trả lại hoặc được tiếp nhận; khi đơn vị phối hợp báo cáo về nhiệm vụ "
                    "đơn vị mình chủ trì."),
    )
    language = models.CharField(_("ngôn ngữ của thư"), max_length=10, choices=language_choices, default="vi")
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("cài đặt thông báo")
        verbose_name_plural = pgettext_lazy("plural", "cài đặt thông báo")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        """The user's saved preference, or an unsaved one holding the defaults."""
        try:
            return user.notification_preference
        except ObjectDoesNotExist:
            return cls(user=user)


def new_calendar_token():
    return secrets.token_urlsafe(32)


class CalendarTokenQuerySet(models.QuerySet):
    def live(self):
        return self.filter(revoked_at__isnull=True)


class CalendarToken(models.Model):
    """The secret part of an agency's calendar feed address. Revoking keeps the row, so an old address
    answers 404 for good and the log says who revoked it; a new address is a new row."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="calendar_tokens", verbose_name=_("cơ quan"))
    token = models.CharField(_("mã bí mật"), max_length=64, unique=True, default=new_calendar_token, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người tạo"),
    )
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người thu hồi"),
    )

    objects = CalendarTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("lịch theo dõi hạn")
        verbose_name_plural = pgettext_lazy("plural", "lịch theo dõi hạn")
        constraints = [
            models.UniqueConstraint(
                fields=["agency"], condition=Q(revoked_at__isnull=True),
                name="notifications_one_live_calendar_token_per_agency",
            ),
        ]

    def __str__(self):
        return f"{self.agency} · {self.created_at:%d/%m/%Y}"

    @property
    def is_live(self):
        return self.revoked_at is None


class Reminder(models.Model):
    """One rung of the reminder ladder, reached once: for one report (mail to its agency) or for one
    reporting year (the coordinators' digest). The unique constraints are what make a second run on the
    same day, or a run racing another, send nothing new."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Nhắc đơn vị")
        # "Nhắc ngay": sent by a coordinator from the queue, outside the ladder; at most one a day per report.
        NOW = "now", _("Nhắc ngay (cán bộ đầu mối)")
        DIGEST = "digest", _("Tổng hợp cho cán bộ đầu mối")

    kind = models.CharField(_("loại"), max_length=10, choices=Kind)
    reporting_year = models.ForeignKey(
        ReportingYear, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("kỳ báo cáo"),
    )
    report = models.ForeignKey(
        AgencyReport, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders",
        verbose_name=_("báo cáo"),
    )
    # Days before the due date: 30, 7, 1; 0 on the due date; -7, -14… after it.
    offset_days = models.SmallIntegerField(_("số ngày trước hạn"))
    run_date = models.DateField(_("ngày chạy"))
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("lượt nhắc hạn")
        verbose_name_plural = pgettext_lazy("plural", "lượt nhắc hạn")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "offset_days"], condition=Q(kind="report"),
                name="notifications_one_reminder_per_report_rung",
            ),
            models.UniqueConstraint(
                fields=["reporting_year", "offset_days"], condition=Q(kind="digest"),
                name="notifications_one_digest_per_year_rung",
            ),
            models.UniqueConstraint(
                fields=["report", "run_date"], condition=Q(kind="now"),
                name="notifications_one_reminder_now_per_report_day",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["report", "now"], report__isnull=False) | Q(kind="digest", report__isnull=True),
                name="notifications_reminder_report_matches_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.report or self.reporting_year} · {self.offset_days:+d}"


class Delivery(models.Model):
    """One email to one address. Each address is its own SMTP envelope, so a refused address fails alone;
    a failed one is sent again by the next run of send_reminders (up to MAX_ATTEMPTS)."""

    MAX_ATTEMPTS = 5

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Nhắc hạn báo cáo")
        DIGEST = "digest", _("Tổng hợp tình hình báo cáo")
        SUBMITTED = "submitted", _("Đơn vị đã gửi báo cáo")
        RETURNED = "returned", _("Báo cáo bị trả lại")
        ACCEPTED = "accepted", _("Báo cáo được tiếp nhận")
        COORDINATION = "coordination", _("Đơn vị phối hợp đã báo cáo về nhiệm vụ chủ trì")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENDING = "sending", _("Đang gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi lỗi, sẽ gửi lại")
        CANCELLED = "cancelled", _("Đã hủy")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind)
    # Neither key has an index of its own: the unique constraints below lead with them (PostgreSQL serves
    # ``reminder_id = …`` and ``event_id IN (…)`` from those partial indexes: the column is not null there). A
    # submission writes ~24 rows and the worker rewrites each (its status): each index less is ~48 entries less.
    reminder = models.ForeignKey(
        Reminder, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries", verbose_name=_("lượt nhắc"),
        db_index=False,
    )
    event = models.ForeignKey(
        ReportEvent, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries",
        verbose_name=_("diễn biến báo cáo"), db_index=False,
    )
    # The recipient's agency, for mails about that agency's tasks (COORDINATION).
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("cơ quan nhận"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người nhận"),
    )
    email = models.EmailField(_("địa chỉ"))
    # The agency's head contact, copied on reminders after the due date.
    is_copy = models.BooleanField(_("bản sao (CC)"), default=False)
    language = models.CharField(_("ngôn ngữ"), max_length=10, default="vi")
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    last_error = models.TextField(_("lỗi lần gửi cuối"), blank=True)
    # Set by the run that takes the row for sending: two runs never send the same row.
    claim = models.UUIDField(null=True, blank=True, editable=False)
    # When that run took it: a row "sending" long after was left by a sender that was killed (return_stranded).
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thư đã gửi")
        verbose_name_plural = pgettext_lazy("plural", "thư đã gửi")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reminder", "email"], condition=Q(reminder__isnull=False),
                name="notifications_one_delivery_per_reminder_address",
            ),
            models.UniqueConstraint(
                fields=["event", "kind", "email"], condition=Q(event__isnull=False),
                name="notifications_one_delivery_per_event_kind_address",
            ),
        ]
        indexes = [
            # Each run's retry query: the few rows still waiting to go (pending or failed).
            models.Index(
                fields=["status"], condition=Q(status__in=["pending", "failed"]), name="notifications_delivery_todo",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.email} ({self.get_status_display()})"
