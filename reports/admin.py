"""The reports in the Django admin: plan-level definitions (indicators, reporting years) are edited here;
report content (reports, their lines, indicator values, evidence files, events) is read-only.

Report content changes only through the workflow (``reports.services``: save, submit, review, reopen), which
checks the report's version and records an event. An admin who must change an accepted report reopens it from
the report's page in the app (``reports.reopen_agencyreport``); the agency then corrects it and submits again.
Nothing here adds, changes or deletes that content: no change form, no inline, no bulk action, no revert from
history, no import."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
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

    def has_add_permission(self, request):
        # A year is opened by reports.services.open_reporting_year (which creates its reports and their events),
        # from the coordinator's pages; never added here.
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # deleting it would orphan the year's reports from their parameters


class ReadOnlyContent:
    """Viewing only: no add, change or delete, whatever the user's permissions (superusers included).

    With no change permission Django's change form shows the values as text and refuses a POST (403); the
    delete view and the "delete selected" action need the delete permission. simple-history's "revert" form
    (``history/<id>/``) saves on POST after checking only the *view* permission: refused here too."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        raise PermissionDenied

    def delete_model(self, request, obj):
        raise PermissionDenied

    def delete_queryset(self, request, queryset):
        raise PermissionDenied

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class TaskReportInline(ReadOnlyContent, admin.TabularInline):
    model = TaskReport
    extra = 0
    fields = ["task", "role", "status", "achievements", "quantity_achieved", "no_report_reason"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("task")


class IndicatorValueInline(ReadOnlyContent, admin.TabularInline):
    model = IndicatorValue
    extra = 0
    fields = ["indicator", "value"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("indicator")


class ReportEventInline(ReadOnlyContent, admin.TabularInline):
    model = ReportEvent
    extra = 0
    fields = ["at", "action", "actor", "comment"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


@admin.register(AgencyReport)
class AgencyReportAdmin(ReadOnlyContent, SimpleHistoryAdmin):
    list_display = ["agency", "plan", "year", "status", "invited", "first_submitted_at", "on_time"]
    list_filter = ["plan", "year", "status", "invited", "agency__kind"]
    list_select_related = ["agency", "plan"]
    search_fields = ["agency__search_text"]
    # Read-only: the workflow's pages change a report (the "view on site" link opens it in the app, where an
    # admin may reopen an accepted report).
    readonly_fields = ["agency", "plan", "year", "status", "overall_assessment", "difficulties", "proposals",
                       "first_submitted_at", "submitted_at", "reviewed_at", "reviewed_by", "review_comment",
                       "version", "updated_at", "updated_by"]
    inlines = [TaskReportInline, IndicatorValueInline, ReportEventInline]
    actions = None

    @admin.display(boolean=True, description=_("đúng hạn"))
    def on_time(self, obj):
        return obj.is_on_time

    def get_search_results(self, request, queryset, search_term):
        from plan_tracker.text import fold

        return super().get_search_results(request, queryset, fold(search_term))


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyContent, admin.ModelAdmin):
    list_display = ["original_name", "task_report", "content_type", "size", "uploaded_at", "uploaded_by"]
    list_select_related = ["task_report__report__agency", "task_report__report__plan", "task_report__task", "uploaded_by"]
    # The file itself is downloaded from the report's page (the permission-checked view), not from here.
    fields = ["task_report", "original_name", "content_type", "size", "uploaded_at", "uploaded_by"]
    readonly_fields = fields
    actions = None

from . import admin_reorganisation  # noqa: E402,F401  the reorganisation screen (agencies.AgencyChange)
