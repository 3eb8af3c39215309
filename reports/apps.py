from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = 'django.db.models.BigAutoField'
    name = 'reports'
    verbose_name = _("Báo cáo")

    def ready(self):
        # The year's figures are cached; every change that feeds them throws them away (reports/cache.py).
        from plan_tracker.cache import release

        from . import cache

        cache.connect()
        # This release's token, taken when the process starts (not at its first cached page: by then an upgrade may
        # have checked out the next release's files under a worker still running this one).
        release()
        # simple-history's ``Model.history`` without a new manager class at every access (plan_tracker/history.py).
        from plan_tracker import history

        history.install()
