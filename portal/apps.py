from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The pages people browse, which join plans, agencies and their reports: the home page by role, plans,
    tasks, agencies and groups. It sits above the domain apps (agencies, tasks, reports) and nothing imports it."""

    name = "portal"
    verbose_name = _("Trang tra cứu")

    def ready(self):
        from . import fragments

        fragments.connect()
