from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self):
        from django.contrib.auth import get_user_model

        from .validators import add_to_username_field

        # Usernames in one script only (README "Security").
        add_to_username_field(get_user_model())
