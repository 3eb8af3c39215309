from django import forms
from django.contrib import admin
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from exchange.admin import ExchangeAdminMixin
from plan_tracker.admin_a11y import LabelledInlineMixin
from plan_tracker.admin_cache import CachedChangelistMixin
from plan_tracker.admin_search import FoldedSearchMixin

from .models import Agency, AgencyGroup, AgencyName, GroupMemberPeriod, Membership
from .resources import AgencyGroupResource, AgencyResource


class ActiveFilter(admin.SimpleListFilter):
    """Agencies by validity on today's date (they are merged, split and dissolved)."""

    title = _("hiệu lực")
    parameter_name = "hieu_luc"

    def lookups(self, request, model_admin):
        return [
            ("active", _("đang hoạt động")),
            ("ended", _("đã thôi hoạt động")),
            ("future", _("chưa bắt đầu")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "active":
            return queryset.filter(
                Q(valid_from__isnull=True) | Q(valid_from__lte=today), Q(valid_to__isnull=True) | Q(valid_to__gte=today)
            )
        if self.value() == "ended":
            return queryset.filter(valid_to__lt=today)
        if self.value() == "future":
            return queryset.filter(valid_from__gt=today)
        return queryset


class MembershipInline(LabelledInlineMixin, admin.TabularInline):
    model = Membership
    fields = ("user", "role", "phone")
    autocomplete_fields = ("user",)
    extra = 0


class AgencyAdminForm(forms.ModelForm):
    """The agency with the groups it belongs to: a new body in no group would get none of the tasks the plans give
    to groups ("Các sở, ban, ngành"), so the form offers them."""

    groups = forms.ModelMultipleChoiceField(
        AgencyGroup.objects.order_by("name"), required=False, label=_("thuộc các nhóm"),
        widget=forms.CheckboxSelectMultiple,  # a few groups: ticked in one glance
        help_text=_("Nhiệm vụ kế hoạch giao cho một nhóm (ví dụ “Các sở, ban, ngành”) là nhiệm vụ của mọi cơ quan "
                    "trong nhóm. Cơ quan mới cần được đưa vào nhóm của mình."),
    )

    class Meta:
        model = Agency
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["groups"].initial = list(self.instance.groups.values_list("pk", flat=True))


@admin.register(Agency)
class AgencyAdmin(CachedChangelistMixin, FoldedSearchMixin, ExchangeAdminMixin, SimpleHistoryAdmin):
    form = AgencyAdminForm
    resource_classes = [AgencyResource]
    list_display = ("name", "short_name", "code", "kind", "valid_from", "valid_to", "active_today")
    list_filter = ("kind", ActiveFilter, ("valid_to", admin.EmptyFieldListFilter))
    search_fields = ("search_text",)
    autocomplete_fields = ("successors",)
    fields = ("code", "name", "short_name", "aliases", "kind", "groups", ("valid_from", "valid_to"), "successors",
              "head_email")
    inlines = [MembershipInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.groups.set(form.cleaned_data["groups"])

    @admin.display(boolean=True, description=_("đang hoạt động"))
    def active_today(self, obj):
        today = timezone.localdate()
        return (obj.valid_from is None or obj.valid_from <= today) and (obj.valid_to is None or obj.valid_to >= today)


class GroupMemberPeriodInline(admin.TabularInline):
    """Dated memberships: a member listed here answers for the group only between these dates."""

    model = GroupMemberPeriod
    fields = ("agency", "valid_from", "valid_to", "note")
    autocomplete_fields = ("agency",)
    extra = 0


@admin.register(AgencyGroup)
class AgencyGroupAdmin(FoldedSearchMixin, ExchangeAdminMixin, SimpleHistoryAdmin):
    resource_classes = [AgencyGroupResource]
    list_display = ("name", "code", "member_count")
    search_fields = ("search_text",)
    filter_horizontal = ("members",)
    fields = ("code", "name", "description", ("valid_from", "valid_to"), "successor", "members")
    autocomplete_fields = ("successor",)
    inlines = [GroupMemberPeriodInline]

    def get_queryset(self, request):
        # One COUNT per page in the list's own query, not one query per row.
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description=_("số thành viên"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count


@admin.register(Membership)
class MembershipAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ("user", "agency", "role", "phone")
    list_filter = ("role", "agency__kind")
    list_select_related = ("user", "agency")
    search_fields = ("agency__search_text",)
    folded_search_fields = ("agency__search_text",)
    plain_search_fields = ("user__username", "user__first_name", "user__last_name")
    autocomplete_fields = ("user", "agency")


@admin.register(AgencyName)
class AgencyNameAdmin(SimpleHistoryAdmin):
    """Former names, written by a rename (``agencies.succession.apply_change``); corrected here when a date or a
    spelling was wrong."""

    list_display = ("name", "agency", "used_until", "change")
    list_select_related = ("agency", "change")
    search_fields = ("name", "agency__search_text")
    autocomplete_fields = ("agency",)
    raw_id_fields = ("change",)
