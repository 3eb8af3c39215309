"""A reorganisation in the admin (issue #13, item 2): an ``AgencyChange`` entered with its legal act, predecessors,
successors, default successor and per-task routing (``TaskRouting`` inline), then previewed and applied from its
page ("Xem trước và áp dụng"): the preview (``reports.reorganisation.preview``) lists the tasks that change hands,
the open reports that move and the coordinator and viewer rights that end or start; confirming applies it whole
(``apply_reorganisation``), a wrong or partial routing is refused with its message and nothing is written. An applied
change is read-only here (its history stays). It lives in ``reports`` because the preview reads the reports."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agencies.models import AgencyChange
from tasks.models import TaskRouting

from .reorganisation import apply_reorganisation, preview


class TaskRoutingInline(admin.TabularInline):
    model = TaskRouting
    fields = ("task", "successor")
    autocomplete_fields = ("task", "successor")
    extra = 0


class AgencyChangeForm(forms.ModelForm):
    class Meta:
        model = AgencyChange
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        default = cleaned.get("default_successor")
        successors = cleaned.get("successors")
        if default is not None and successors is not None and default not in successors:
            self.add_error("default_successor", gettext("Cơ quan nhận phần còn lại phải là một trong các cơ quan kế thừa."))
        return cleaned


@admin.register(AgencyChange)
class AgencyChangeAdmin(SimpleHistoryAdmin):
    form = AgencyChangeForm
    list_display = ("__str__", "kind", "effective_date", "act_number", "act_date", "applied_at")
    list_filter = ("kind", ("applied_at", admin.EmptyFieldListFilter))
    search_fields = ("code", "act_number", "act_title", "note", "new_name")
    date_hierarchy = "effective_date"
    autocomplete_fields = ("predecessors", "successors", "default_successor")
    fieldsets = (
        (None, {"fields": ("code", "kind", "effective_date", "apply_link")}),
        (_("Văn bản"), {"fields": ("act_number", "act_date", "act_title", "note")}),
        (_("Cơ quan"), {"fields": ("predecessors", "successors", "default_successor", "new_name", "new_short_name")}),
    )
    readonly_fields = ("apply_link",)
    inlines = [TaskRoutingInline]

    def has_change_permission(self, request, obj=None):
        # An applied change is history: read-only (its effects are in the agencies and their history).
        if obj is not None and obj.applied_at is not None:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.applied_at is not None:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description=_("áp dụng"))
    def apply_link(self, obj):
        if obj is None or obj.pk is None:
            return gettext("Lưu thay đổi trước, rồi xem trước và áp dụng.")
        if obj.applied_at is not None:
            return gettext("Đã áp dụng lúc %(when)s.") % {"when": obj.applied_at.strftime("%H:%M %d/%m/%Y")}
        return format_html('<a class="button" href="{}">{}</a>',
                           reverse("admin:agencies_agencychange_apply", args=[obj.pk]),
                           gettext("Xem trước và áp dụng"))

    def get_urls(self):
        return [
            path("<int:pk>/apply/", self.admin_site.admin_view(self.apply_view), name="agencies_agencychange_apply"),
        ] + super().get_urls()

    def apply_view(self, request, pk):
        change = get_object_or_404(AgencyChange, pk=pk)
        if change.applied_at is not None:
            messages.info(request, gettext("Thay đổi này đã được áp dụng."))
            return HttpResponseRedirect(reverse("admin:agencies_agencychange_change", args=[change.pk]))
        # Applying writes the agencies (their dates, successors, names) and the open years' reports.
        if not (self.has_change_permission(request, change) and request.user.has_perm("agencies.change_agency")):
            raise PermissionDenied
        refused = []
        if request.method == "POST":
            try:
                apply_reorganisation(change, request.user)
            except ValidationError as error:
                refused = error.messages
            else:
                messages.success(request, gettext("Đã áp dụng thay đổi %(change)s.") % {"change": change})
                return HttpResponseRedirect(reverse("admin:agencies_agencychange_change", args=[change.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": change,
            "title": gettext("Xem trước thay đổi tổ chức"),
            "preview": preview(change),
            "refused": refused,
        }
        return TemplateResponse(request, "admin/agencies/agencychange/apply.html", context,
                                status=400 if refused else 200)
