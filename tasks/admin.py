from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from agencies.models import Agency
from exchange.admin import ExchangeAdminMixin
from plan_tracker.admin_a11y import LabelledInlineMixin
from plan_tracker.admin_cache import CachedChangelistMixin
from plan_tracker.admin_search import FoldedSearchMixin

from .models import Assignment, Plan, PlanAgencyRule, Responsibility, Section, Task, TaskRouting
from .resources import AssignmentResource, TaskResource

SHORT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}}


def short(text, length=80):
    return Truncator(text).chars(length)


def count_of(model, fk):
    """A per-row count as a subquery: two counts as joins would multiply each other's rows."""
    counted = model.objects.filter(**{fk: OuterRef("pk")}).order_by().values(fk).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


# --- Plans and sections -----------------------------------------------------------------------


class SectionInline(LabelledInlineMixin, admin.TabularInline):
    model = Section
    fields = ("code", "number", "title", "order")
    formfield_overrides = SHORT_TEXT
    show_change_link = True
    extra = 0


class PlanAdminForm(forms.ModelForm):
    # Who must report: ticked kinds are obliged, the others invited (Plan.obliged_kinds).
    obliged_kinds = forms.MultipleChoiceField(
        label=_("loại cơ quan phải báo cáo"), choices=Agency.Kind.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=Plan._meta.get_field("obliged_kinds").help_text,
    )

    class Meta:
        model = Plan
        fields = "__all__"


class PlanAgencyRuleInline(admin.TabularInline):
    """Who must report, body by body, over the plan's kinds (Plan.obliges)."""

    model = PlanAgencyRule
    fields = ("agency", "obliged", "reason")
    autocomplete_fields = ("agency",)
    extra = 0
    verbose_name_plural = _("Quy định riêng: cơ quan phải báo cáo hoặc chỉ được mời, không theo loại")


@admin.register(Plan)
class PlanAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    form = PlanAdminForm
    list_display = ("number", "code", "short_title", "issue_date", "years", "issuer", "section_count", "task_count")
    list_filter = ("issue_date",)
    list_select_related = ("issuer",)
    search_fields = ("code", "number", "title")
    folded_search_fields = ()
    plain_search_fields = ("code", "number", "title")
    autocomplete_fields = ("issuer", "report_recipient")
    inlines = [SectionInline, PlanAgencyRuleInline]
    fieldsets = [
        (None, {"fields": ("code", "document_type", "number", "issue_date", "title", ("start_year", "end_year"))}),
        (_("Ban hành"), {"fields": ("issuer", "issuer_name", "place", "signer_name", "signer_capacity")}),
        (
            _("Nội dung"),
            {"fields": ("legal_basis", "purpose", "requirements", "funding", "closing_text", "recipients_text")},
        ),
        (
            _("Chế độ báo cáo"),
            {
                "fields": (
                    ("report_due_day", "report_due_month"), "report_recipient", "report_onward_to", "reporting_text",
                    "obliged_kinds",
                )
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            section_count=count_of(Section, "plan"), task_count=count_of(Task, "plan")
        )

    @admin.display(description=_("trích yếu"))
    def short_title(self, obj):
        return short(obj.title)

    @admin.display(description=_("thời gian"))
    def years(self, obj):
        return f"{obj.start_year}–{obj.end_year or ''}"

    @admin.display(description=_("số mục"), ordering="section_count")
    def section_count(self, obj):
        return obj.section_count

    @admin.display(description=_("số nhiệm vụ"), ordering="task_count")
    def task_count(self, obj):
        return obj.task_count


class TaskInlineForm(forms.ModelForm):
    """A task added under a section belongs to the section's plan; its number must be new there."""

    class Meta:
        model = Task
        fields = ("number", "title", "timeframe_kind", "due_date", "order")

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("number")
        if self.instance.section_id and number:
            plan_id = self.instance.section.plan_id
            taken = Task.objects.filter(plan_id=plan_id, number=number).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("number", gettext("Kế hoạch này đã có nhiệm vụ số %(number)s.") % {"number": number})
        return cleaned


class TaskInline(LabelledInlineMixin, admin.TabularInline):
    model = Task
    form = TaskInlineForm
    fields = ("number", "title", "timeframe_kind", "due_date", "order")
    formfield_overrides = SHORT_TEXT
    show_change_link = True
    extra = 0


@admin.register(Section)
class SectionAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ("code", "short_title", "plan", "parent_code", "task_count")
    list_filter = ("plan",)
    list_select_related = ("plan", "parent")
    search_fields = ("code", "title")
    folded_search_fields = ()
    plain_search_fields = ("code", "title")
    autocomplete_fields = ("parent",)
    fields = ("plan", "parent", "code", "number", "title", "text", "order")
    inlines = [TaskInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(task_count=Count("tasks"))

    @admin.display(description=_("tiêu đề"))
    def short_title(self, obj):
        return short(obj.title)

    @admin.display(description=_("mục cha"), ordering="parent__order")
    def parent_code(self, obj):
        return obj.parent.code if obj.parent_id else ""

    @admin.display(description=_("số nhiệm vụ"), ordering="task_count")
    def task_count(self, obj):
        return obj.task_count


# --- Tasks and assignments --------------------------------------------------------------------


class SectionFilter(admin.SimpleListFilter):
    """Sections of the plan chosen in the plan filter (the list of every plan's sections is useless)."""

    title = _("mục")
    parameter_name = "section"

    def lookups(self, request, model_admin):
        plan_id = request.GET.get("plan__id__exact")
        if not plan_id or not plan_id.isdigit():
            return []
        return [(s.pk, f"{s.code}. {short(s.title, 50)}") for s in Section.objects.filter(plan_id=plan_id)]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(section_id=self.value())
        return queryset


class AssignmentInline(LabelledInlineMixin, admin.TabularInline):
    model = Assignment
    fields = ("role", "agency", "group", "related_text", "note", "order")
    autocomplete_fields = ("agency", "group")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 24})}}
    extra = 0


class TaskAdminForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        plan, section = cleaned.get("plan"), cleaned.get("section")
        if plan and section and section.plan_id != plan.pk:
            self.add_error("section", gettext("Mục này thuộc kế hoạch khác."))
        return cleaned


@admin.register(Task)
class TaskAdmin(CachedChangelistMixin, FoldedSearchMixin, ExchangeAdminMixin, SimpleHistoryAdmin):
    resource_classes = [TaskResource]
    form = TaskAdminForm
    list_display = ("number", "short_title", "plan", "section_code", "timeframe_kind", "due_date", "leads")
    list_display_links = ("number", "short_title")
    list_filter = ("plan", SectionFilter, "timeframe_kind", "due_date")
    list_select_related = ("plan", "section")
    search_fields = ("search_text",)
    exact_search_fields = ("number",)
    autocomplete_fields = ("section",)
    inlines = [AssignmentInline]
    fieldsets = [
        (None, {"fields": ("plan", "section", "number", "title", "content", "order")}),
        (pgettext_lazy("task target", "Chỉ tiêu"), {"fields": ("target_quantity", "target_unit", "target_per_year", "target_text")}),
        (_("Thời gian"), {"fields": ("timeframe_kind", "timeframe_text", ("start_date", "end_date"), "due_date")}),
    ]

    def get_queryset(self, request):
        # The lead agencies of every task on the page in one extra query.
        leads = Assignment.objects.filter(role=Assignment.Role.LEAD).select_related("agency", "group")
        leads = Prefetch("assignments", leads, to_attr="lead_assignments")
        return super().get_queryset(request).prefetch_related(leads)

    @admin.display(description=_("nhiệm vụ"), ordering="title")
    def short_title(self, obj):
        return short(obj.title)

    @admin.display(description=_("mục"), ordering="section__order")
    def section_code(self, obj):
        return obj.section.code

    @admin.display(description=_("chủ trì"))
    def leads(self, obj):
        return "; ".join(a.assignee_name for a in obj.lead_assignments)


@admin.register(Assignment)
class AssignmentAdmin(FoldedSearchMixin, ExchangeAdminMixin, SimpleHistoryAdmin):
    resource_classes = [AssignmentResource]
    list_display = ("task_number", "plan", "role", "assignee", "note")
    list_filter = ("role", "task__plan")
    list_select_related = ("task__plan", "agency", "group")
    search_fields = ("agency__search_text",)
    folded_search_fields = ("agency__search_text", "group__search_text", "task__search_text")
    plain_search_fields = ("related_text",)
    exact_search_fields = ("task__number",)
    autocomplete_fields = ("task", "agency", "group")

    @admin.display(description=_("nhiệm vụ"), ordering="task__number")
    def task_number(self, obj):
        return obj.task.number

    @admin.display(description=_("kế hoạch"), ordering="task__plan__number")
    def plan(self, obj):
        return obj.task.plan

    @admin.display(description=_("cơ quan, nhóm hoặc cơ quan liên quan"))
    def assignee(self, obj):
        return obj.assignee_name


# --- Standing responsibilities (section IV) ---------------------------------------------------


@admin.register(Responsibility)
class ResponsibilityAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ("number", "heading", "plan", "assignees")
    list_filter = ("plan",)
    list_select_related = ("plan",)
    search_fields = ("heading",)
    folded_search_fields = ("agencies__search_text", "groups__search_text")
    plain_search_fields = ("number", "heading")
    autocomplete_fields = ("agencies", "groups")
    formfield_overrides = SHORT_TEXT

    def get_queryset(self, request):
        # Agencies and groups of the whole page: two queries, whatever the number of rows.
        return super().get_queryset(request).prefetch_related("agencies", "groups")

    @admin.display(description=_("cơ quan, nhóm"))
    def assignees(self, obj):
        return "; ".join([str(a) for a in obj.agencies.all()] + [g.name for g in obj.groups.all()])


@admin.register(TaskRouting)
class TaskRoutingAdmin(SimpleHistoryAdmin):
    """Which successor takes a task when a split's bodies cease; entered with the change (its inline) before the
    change is applied."""

    list_display = ("task", "successor", "change")
    list_select_related = ("task", "successor", "change")
    autocomplete_fields = ("task", "successor")
    raw_id_fields = ("change",)
