from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    """Import/export machinery for the domain apps (formats, widgets, base resource, admin mixin, zip-bomb guard).
    One model (``PendingImport``: an admin import's file between preview and confirm), no URLs; its admin template
    is ``templates/admin/exchange/import.html``."""

    name = "exchange"
