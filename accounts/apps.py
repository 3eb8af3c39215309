from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from axes.apps import AppConfig as AxesAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in

        from .middleware import mark_seen
        from .validators import add_to_username_field

        # Usernames in one script only (README "Security").
        add_to_username_field(get_user_model())

        def session_starts_now(sender, request, user, **kwargs):
            # The idle timeout counts from here (accounts.middleware.SessionActivityMiddleware).
            if getattr(request, "session", None) is not None:
                mark_seen(request.session)

        user_logged_in.connect(session_starts_now, dispatch_uid="accounts.session_starts_now", weak=False)


class AxesConfig(AxesAppConfig):
    """django-axes under a name staff read in the admin's index (INSTALLED_APPS names this class)."""

    verbose_name = _("Khóa đăng nhập")
