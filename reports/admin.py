from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import AgencyReport, Evidence, Indicator, IndicatorValue, ReportEvent, ReportingYear, TaskReport


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "plan", "order"]
    list_filter = ["plan"]
    list_select_related = ["plan"]
    search_fields = ["name", "code"]
    ordering = ["plan", "order"]


@admin.register(ReportingYear)
class ReportingYearAdmin(SimpleHistoryAdmin):
    """A year's reporting parameters are copied from the plan when it is opened; edited here, they change that
    year's compiled report only (the plan's stay for the years opened later)."""

    list_display = ["plan", "year", "recipient_name", "superior_name", "place", "opened_at", "opened_by"]
    list_filter = ["plan", "year"]
    list_select_related = ["plan", "opened_by"]
    readonly_fields = ["plan", "year", "opened_at", "opened_by"]
    autocomplete_fields = ["recipient"]
    fieldsets = [
        (None, {"fields": ["plan", "year", "opened_at", "opened_by"]}),
        (_("Thông số báo cáo tổng hợp của năm"),
         {"fields": ["recipient", "recipient_name", "superior_name", "place", "onward_to"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Years are opened by the service (which creates the reports); here plan and year are fixed.
        return self.readonly_fields if obj is not None else ["opened_at", "opened_by"]

    def save_model(self, request, obj, form, change):
        if not change:  # a year added here takes the plan's parameters where none were given, as opening does
            for name, value in ReportingYear.parameters_from(obj.plan).items():
                if not getattr(obj, name):
                    setattr(obj, name, value)
            obj.opened_by = obj.opened_by or request.user
        super().save_model(request, obj, form, change)


class TaskReportInline(admin.TabularInline):
    model = TaskReport
    extra = 0
    fields = ["task", "role", "status", "achievements", "quantity_achieved", "no_report_reason"]
    readonly_fields = ["task", "role"]
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("task")


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0
    autocomplete_fields = ["indicator"]


class ReportEventInline(admin.TabularInline):
    model = ReportEvent
    extra = 0
    fields = ["at", "action", "actor", "comment"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AgencyReport)
class AgencyReportAdmin(SimpleHistoryAdmin):
    list_display = ["agency", "plan", "year", "status", "first_submitted_at", "on_time"]
    list_filter = ["plan", "year", "status", "agency__kind"]
    list_select_related = ["agency", "plan"]
    search_fields = ["agency__search_text"]
    raw_id_fields = ["agency", "plan"]
    # State changes go through the services (the report page's review and reopen buttons), so they are
    # recorded with their comment; here they are read-only.
    readonly_fields = ["status", "first_submitted_at", "submitted_at", "reviewed_at", "reviewed_by", "version",
                       "updated_at", "updated_by"]
    inlines = [TaskReportInline, IndicatorValueInline, ReportEventInline]

    @admin.display(boolean=True, description=_("đúng hạn"))
    def on_time(self, obj):
        return obj.is_on_time

    def get_search_results(self, request, queryset, search_term):
        from plan_tracker.text import fold

        return super().get_search_results(request, queryset, fold(search_term))


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["original_name", "task_report", "content_type", "size", "uploaded_at", "uploaded_by"]
    list_select_related = ["task_report__report__agency", "task_report__report__plan", "task_report__task", "uploaded_by"]
    raw_id_fields = ["task_report"]
    readonly_fields = ["content_type", "size", "uploaded_at", "uploaded_by"]
