from django.utils.translation import gettext_lazy as _

from tasks.models import Plan


class PlanDocument(Plan):
    """The admin's entry "Nhập kế hoạch từ văn bản" (planimport.admin): a proxy of the plan, no table of its own.
    The uploaded document waits for its confirm in ``exchange.PendingImport``."""

    class Meta:
        proxy = True
        verbose_name = _("nhập kế hoạch từ văn bản")
        verbose_name_plural = _("nhập kế hoạch từ văn bản")
