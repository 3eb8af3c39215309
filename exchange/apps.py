from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    """Import/export machinery for the domain apps (formats, widgets, base resource, admin mixin).
    No models and no URLs; its admin template is ``templates/admin/exchange/import.html``."""

    name = "exchange"
