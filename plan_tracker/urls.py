from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Plan Tracker"
admin.site.site_title = "Plan Tracker"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("reports/", include("reports.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("portal.urls")),
]


# A database that is away (restarting) answers 503 "try again" rather than 500 (operations.views).
handler500 = "operations.views.server_error_or_unavailable"
