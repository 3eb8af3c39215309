from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

admin.site.site_header = "Plan Tracker"
admin.site.site_title = "Plan Tracker"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("reports/", include("reports.urls")),
    path("notifications/", include("notifications.urls")),
    # Browsers ask for /favicon.ico on pages that link none (the admin's): the static icon.
    # (Resolved on request: the hashed name exists only once collectstatic has run.)
    path("favicon.ico", lambda request: redirect(static("favicon.ico"), permanent=True)),
    path("", include("portal.urls")),
]


# A database that is away (restarting) answers 503 "try again" rather than 500 (operations.views).
handler500 = "operations.views.server_error_or_unavailable"
