"""The mail the site sends, for admins to look into: who was told what and when, what failed and why
(and send it again), reminders by rung, people's mail settings, calendar addresses (revoke one).

Mail is recorded by ``workflow`` (reports' workflow events) and ``reminders`` (send_reminders), never added by
hand here."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from plan_tracker.admin_search import FoldedSearchMixin

from .models import CalendarToken, Delivery, Preference, Reminder


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(FoldedSearchMixin, ReadOnlyAdmin):
    list_display = ("created_at", "kind", "email", "agency", "status", "attempts", "sent_at", "error")
    list_filter = ("status", "kind", "created_at")
    search_fields = ("agency__search_text",)  # shows the search box; FoldedSearchMixin does the search
    folded_search_fields = ("agency__search_text",)
    plain_search_fields = ("email", "user__username")
    date_hierarchy = "created_at"
    list_select_related = ("agency",)
    ordering = ("-created_at", "-pk")
    actions = ["send_again"]

    @admin.display(description=_("lỗi lần gửi cuối"))
    def error(self, delivery):
        return Truncator(delivery.last_error).chars(80)

    def has_delete_permission(self, request, obj=None):
        return False

    def has_resend_permission(self, request):
        return request.user.has_perm("notifications.change_delivery")

    @admin.action(description=_("Gửi lại các thư gửi lỗi đã chọn (ở lượt gửi kế tiếp)"), permissions=["resend"])
    def send_again(self, request, queryset):
        # Only failed mail: what was sent is not sent twice, what is being sent is not touched.
        ids = list(queryset.filter(status=Delivery.Status.FAILED).values_list("pk", flat=True))
        count = Delivery.objects.filter(pk__in=ids, status=Delivery.Status.FAILED).update(
            status=Delivery.Status.PENDING, attempts=0, claim=None)
        if count:  # their sending task (these rows only): db_worker runs it within seconds (NOTIFICATIONS_QUEUED),
            # else right now
            from plan_tracker.background import enqueue

            from .reminders import today_local
            from .tasks import send_reminder_mails

            enqueue(send_reminder_mails, today_local().isoformat(), None, ids)
        self.message_user(request, ngettext(
            "%(n)s thư sẽ được gửi lại ở lượt gửi kế tiếp.", "%(n)s thư sẽ được gửi lại ở lượt gửi kế tiếp.", count,
        ) % {"n": count}, messages.SUCCESS if count else messages.WARNING)


class DeliveryInline(admin.TabularInline):
    model = Delivery
    fields = ("email", "is_copy", "status", "attempts", "sent_at", "last_error")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Reminder)
class ReminderAdmin(FoldedSearchMixin, ReadOnlyAdmin):
    list_display = ("run_date", "kind", "reporting_year", "report", "offset_days")
    list_filter = ("kind", "run_date")
    list_select_related = ("reporting_year__plan", "report__agency", "report__plan")
    search_fields = folded_search_fields = ("report__agency__search_text",)
    ordering = ("-run_date", "-pk")
    inlines = [DeliveryInline]


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "reminders", "notifications", "language", "updated_at")
    list_filter = ("reminders", "notifications", "language")
    list_select_related = ("user",)
    search_fields = ("user__username", "user__email")
    raw_id_fields = ("user",)


@admin.register(CalendarToken)
class CalendarTokenAdmin(FoldedSearchMixin, ReadOnlyAdmin):
    list_display = ("agency", "created_by", "created_at", "revoked_at", "revoked_by")
    list_filter = ("revoked_at",)
    list_select_related = ("agency", "created_by", "revoked_by")
    search_fields = folded_search_fields = ("agency__search_text",)
    exclude = ("token",)  # the secret stays out of the admin's pages
    actions = ["revoke"]

    def has_revoke_permission(self, request):
        return request.user.has_perm("notifications.change_calendartoken")

    @admin.action(description=_("Thu hồi các địa chỉ lịch đã chọn"), permissions=["revoke"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now(), revoked_by=request.user)
        self.message_user(request, ngettext(
            "Đã thu hồi %(n)s địa chỉ lịch.", "Đã thu hồi %(n)s địa chỉ lịch.", count) % {"n": count})
