from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"
    verbose_name = _("Nhắc hạn và thông báo")

    def ready(self):
        from reports.signals import report_event

        from .workflow import report_event_created

        report_event.connect(report_event_created, dispatch_uid="notifications.report_event_created")
