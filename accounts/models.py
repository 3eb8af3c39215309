"""Password-reset requests: the limit's count and the mail's queue at once (README "Security")."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PasswordResetRequest(models.Model):
    """One accepted request of the "forgot password" form: the address typed (folded to lower case), whether or
    not an account has it, and who asked. The request writes this row and nothing else, so it does the same
    work for a known and an unknown address; the mail is composed and sent later (accounts.services), when
    the accounts that have the address are looked up. Requests over the hourly limits are not recorded."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENDING = "sending", _("Đang gửi")
        SENT = "sent", _("Đã gửi")
        NO_ACCOUNT = "no_account", _("Không có tài khoản dùng địa chỉ này")
        FAILED = "failed", _("Gửi lỗi, sẽ gửi lại")

    MAX_ATTEMPTS = 5

    email = models.EmailField(_("địa chỉ email"), max_length=254)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    language = models.CharField(_("ngôn ngữ"), max_length=10, default="vi")
    requested_at = models.DateTimeField(_("yêu cầu lúc"), default=timezone.now, db_index=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    last_error = models.TextField(_("lỗi lần gửi cuối"), blank=True)
    # Set by the run that takes the row for sending: two runs never send the same row.
    claim = models.UUIDField(null=True, blank=True, editable=False)
    # When that run took it: a row "sending" long after was left by a sender that was killed
    # (services.return_stranded_resets). Not requested_at: a retry may take a request hours after it was made.
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("yêu cầu đặt lại mật khẩu")
        verbose_name_plural = pgettext_lazy("plural", "yêu cầu đặt lại mật khẩu")
        ordering = ["-requested_at", "-pk"]
        indexes = [
            # The limits' two counts: requests for one address, and from one client, in the last hour.
            models.Index(fields=["email", "requested_at"], name="accounts_reset_email_time"),
            models.Index(fields=["ip_address", "requested_at"], name="accounts_reset_ip_time"),
            # The sender's query: the few rows still waiting.
            models.Index(fields=["status"], condition=models.Q(status__in=["pending", "failed"]),
                         name="accounts_reset_todo"),
        ]

    def __str__(self):
        return f"{self.email} · {timezone.localtime(self.requested_at):%d/%m/%Y %H:%M}"
