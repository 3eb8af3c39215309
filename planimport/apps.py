from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanImportConfig(AppConfig):
    name = "planimport"
    verbose_name = _("Nhập kế hoạch")
