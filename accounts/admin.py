"""Password-reset requests, for admins to look into (who asked for which address, from where, and what became of
it); written by the "forgot password" form only (accounts.services), never by hand."""

from django.contrib import admin

from .models import PasswordResetRequest


@admin.register(PasswordResetRequest)
class PasswordResetRequestAdmin(admin.ModelAdmin):
    list_display = ("requested_at", "email", "ip_address", "status", "attempts", "sent_at")
    list_filter = ("status", "requested_at")
    search_fields = ("email", "ip_address")
    date_hierarchy = "requested_at"
    ordering = ("-requested_at", "-pk")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
