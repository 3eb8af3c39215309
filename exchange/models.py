import datetime
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_hex(16)


class PendingImport(models.Model):
    """An admin import's file between its preview and its confirm (``exchange.admin``: the storage the preview
    writes to, and the row the confirm takes). Taking it is deleting it, in the confirm's transaction: the file is
    imported once, however often the confirm is posted; a confirm that fails midway leaves it for another try.
    Previews never confirmed are deleted after IMPORT_PREVIEW_MAX_AGE_HOURS (by the next preview, and by
    ``manage.py clean_orphan_files``)."""

    token = models.CharField(_("mã"), max_length=32, unique=True, default=new_token)
    data = models.BinaryField(_("nội dung tệp"))
    created_at = models.DateTimeField(_("tải lên lúc"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("tệp nhập chờ xác nhận")
        verbose_name_plural = _("tệp nhập chờ xác nhận")

    def __str__(self):
        return self.token

    @classmethod
    def expired(cls, now=None):
        """Previews older than IMPORT_PREVIEW_MAX_AGE_HOURS: nobody will confirm them any more."""
        from django.conf import settings

        age = datetime.timedelta(hours=settings.IMPORT_PREVIEW_MAX_AGE_HOURS)
        return cls.objects.filter(created_at__lt=(now or timezone.now()) - age)
