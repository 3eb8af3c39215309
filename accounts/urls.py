"""Django's standard auth URL names with no namespace ("login", "password_reset_confirm"…), so that
LOGIN_URL = "login", the admin and the reset email's {% url %} all find them."""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    # Signing in and out (logout is POST only).
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    # Changing one's own password, signed in.
    path("password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # Resetting a forgotten password through a link sent by email.
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
