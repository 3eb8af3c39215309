from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from axes.apps import AppConfig as AxesAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self):
        from django.contrib.auth import get_user_model

        from .validators import add_to_username_field

        # Usernames in one script only (README "Security").
        add_to_username_field(get_user_model())


class AxesConfig(AxesAppConfig):
    """django-axes under a name staff read in the admin's index (INSTALLED_APPS names this class)."""

    verbose_name = _("Khóa đăng nhập")
