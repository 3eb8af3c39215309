from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    # The signed-in user's email settings and their agencies' calendar addresses
    path("preferences/", views.preferences, name="preferences"),
    path("calendar/agency/<int:agency_pk>/new/", views.calendar_token_new, name="calendar-token-new"),
    path("calendar/agency/<int:agency_pk>/revoke/", views.calendar_token_revoke, name="calendar-token-revoke"),
    # The feed itself: no sign-in, the secret token is the key (calendar apps cannot log in)
    path("calendar/<slug:token>.ics", views.calendar_feed, name="calendar-feed"),
]
