"""The task list's filters (django-filter): every state lives in the query string, so a filtered list
can be bookmarked and shared ("/tasks/?agency=so-tu-phap&role=lead&sort=deadline")."""

import re
from functools import reduce
from operator import and_

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from plan_tracker.text import fold
from plan_tracker.widgets import QuickSelect

from reports import completion
from tasks.models import Assignment, Plan, Section, Task

MAX_DAYS = 3660  # ten years ahead is "any time"


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, plan):
        # Every province issues its own "151/KH-UBND": the place tells them apart.
        return f"{plan.number} · {plan.place}" if plan.place else plan.number


class PlanFilter(django_filters.ModelChoiceFilter):
    field_class = PlanChoiceField


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, section):
        title = section.title if len(section.title) <= 70 else section.title[:69] + "…"
        return f"{section.plan.number} · {section.code}. {title}"


class SectionFilter(django_filters.ModelChoiceFilter):
    field_class = SectionChoiceField


AGENCY_IN_TEXT = re.compile(r"\(([A-Za-z0-9_-]+)\)\s*$")  # "Sở Tư pháp (so-tu-phap)": a slug in brackets at the end
MAX_AGENCY_MATCHES = 20


def agency_label(agency):
    """What the agency box shows and the suggestions offer: the name and the code that makes it unique
    ("Sở Tư pháp (so-tu-phap)"); typed back, the code in brackets decides."""
    return f"{agency.name} ({agency.code})"


CODE_SHAPED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")  # "so-tu-phap": a typed name never looks like this


class AgencyField(forms.CharField):
    """An agency typed rather than picked from a list of every agency (a national roll-out has ~5,000):
    its code, its name or part of it, with or without accents. One query, whatever the number of agencies.
    The suggestions under the box come from portal:suggest (static/js/agency-suggest.js)."""

    def canonical(self, agency):
        """The agency as a cache key and an address hold it (portal.fragments.canonical_query): its code."""
        return agency.code

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        bracketed = AGENCY_IN_TEXT.search(text)
        code = bracketed.group(1) if bracketed else text.strip()
        if CODE_SHAPED.fullmatch(code):
            # What the box and every link send: a code, answered by its unique index (the search below reads every
            # agency's folded names: 2-4 ms at national scale, on every request of a filtered task list).
            found = Agency.objects.filter(code=code).first()
            if found is not None:
                return found
        words = fold(text).split()
        condition = Q(code=code)
        if words:
            condition |= reduce(and_, (Q(search_text__contains=word) for word in words))
        candidates = list(Agency.objects.filter(condition).vietnamese_order()[:MAX_AGENCY_MATCHES + 1])
        exact = [a for a in candidates if a.code == code]
        if not exact:
            exact = [a for a in candidates if fold(a.name) == fold(text)] or candidates
        if len(exact) == 1:
            return exact[0]
        if not exact:
            raise ValidationError(_("Không tìm thấy cơ quan “%(text)s”."), code="not_found", params={"text": text})
        raise ValidationError(
            _("Có nhiều cơ quan khớp với “%(text)s”: hãy chọn một cơ quan trong danh sách gợi ý."),
            code="ambiguous", params={"text": text},
        )


class AgencyFilter(django_filters.Filter):
    field_class = AgencyField


class TaskFilter(django_filters.FilterSet):
    SORT_NUMBER = "number"
    SORT_DEADLINE = "deadline"
    SORT_CHOICES = [(SORT_NUMBER, _("Theo số thứ tự trong kế hoạch")), (SORT_DEADLINE, _("Hạn gần nhất trước"))]

    q = django_filters.CharFilter(
        label=_("Tìm trong số hiệu và nội dung"), method="filter_text",
        help_text=_("Gõ có dấu hoặc không dấu: “truyen thong” tìm được “truyền thông”."),
    )
    plan = PlanFilter(
        widget=QuickSelect, label=_("Kế hoạch"), empty_label=_("Tất cả kế hoạch"),
        queryset=Plan.objects.only("id", "number", "place", "issue_date").order_by("-issue_date", "number"),
    )
    section = SectionFilter(
        widget=QuickSelect, label=_("Mục"), method="filter_section", empty_label=_("Tất cả các mục"),
        queryset=Section.objects.select_related("plan").order_by("-plan__issue_date", "plan_id", "order"),
    )
    agency = AgencyFilter(
        label=_("Cơ quan"), method="filter_agency",
        help_text=_("Gõ tên hoặc mã cơ quan rồi chọn trong gợi ý; tính cả khi cơ quan là thành viên của nhóm "
                    "được giao (ví dụ “Các sở, ban, ngành”)."),
        widget=forms.TextInput(attrs={"list": "agency-suggestions", "autocomplete": "off",
                                      "data-agency-suggest": ""}),
    )
    role = django_filters.ChoiceFilter(
        label=_("Vai trò của cơ quan"), choices=Assignment.Role.choices, method="filter_role",
        empty_label=_("Chủ trì hoặc phối hợp"), help_text=_("Dùng cùng với ô “Cơ quan”."),
    )
    timeframe = django_filters.ChoiceFilter(
        label=_("Loại thời gian"), field_name="timeframe_kind", choices=Task.Timeframe.choices,
        empty_label=_("Mọi loại thời gian"),
    )
    overdue = django_filters.BooleanFilter(
        label=_("Quá hạn (chưa báo cáo hoàn thành)"), method="filter_deadlines", widget=forms.CheckboxInput,
    )
    due_within = django_filters.NumberFilter(
        label=_("Đến hạn trong vòng (ngày)"), method="filter_deadlines", min_value=1, max_value=MAX_DAYS,
        help_text=_("Chọn cùng “Quá hạn” để xem cả hai."),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sắp xếp"), choices=SORT_CHOICES, method="sort_by", empty_label=None,
    )

    class Meta:
        model = Task
        fields = []

    def __init__(self, data=None, *args, today=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.today = today or timezone.localdate()
        self.form.fields["due_within"].widget.attrs.update({"inputmode": "numeric", "size": 5})
        # Sections are offered for the chosen plan only (a national roll-out has thousands); a section in
        # the URL without its plan still filters, and stays the one option.
        sections = self.filters["section"].queryset
        data = self.data or {}
        plan_id, section_id = data.get("plan"), data.get("section")
        if plan_id and str(plan_id).isdigit():
            sections = sections.filter(plan_id=plan_id)
        elif section_id and str(section_id).isdigit():
            sections = sections.filter(pk=section_id)
        else:
            sections = sections.none()
        self.form.fields["section"].queryset = sections
        if not plan_id:
            self.form.fields["section"].help_text = _("Chọn kế hoạch trước, rồi bấm “Lọc” để chọn mục của kế hoạch đó.")

    def show_agency(self, agency):
        """Show the resolved agency in its box as "name (code)", whatever was typed."""
        data = self.form.data.copy()
        data["agency"] = agency_label(agency)
        self.form.data = data

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            qs = super().qs
            # Sorting by number is the default, also when the query string has no "sort".
            if not (self.form.is_bound and self.form.is_valid() and self.form.cleaned_data.get("sort")):
                qs = qs.in_plan_order()
            self._qs = qs
        return self._qs

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def filter_section(self, queryset, name, section):
        """The section and everything below it (its code is a path: "II" holds "II.1", "II.1.a"…)."""
        return queryset.filter(
            Q(section=section) | Q(section__plan_id=section.plan_id, section__code__startswith=section.code + ".")
        )

    def filter_agency(self, queryset, name, agency):
        return queryset.for_agency(agency, role=self.form.cleaned_data.get("role") or None)

    def filter_role(self, queryset, name, value):
        # Applied together with the agency in filter_agency: a role alone names nobody.
        return queryset

    def filter_deadlines(self, queryset, name, value):
        # Applied once, for both fields, after the other filters (see filter_queryset).
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        overdue = self.form.cleaned_data.get("overdue")
        days = self.form.cleaned_data.get("due_within")
        if overdue and days:
            queryset = completion.overdue_or_due_within(queryset, int(days), self.today)
        elif overdue:
            queryset = completion.overdue(queryset, self.today)
        elif days:
            queryset = completion.due_within(queryset, int(days), self.today)
        return queryset

    def sort_by(self, queryset, name, value):
        if value == self.SORT_DEADLINE:
            return queryset.by_deadline()
        return queryset.in_plan_order()

    MAIN = ("q", "agency", "role")
    MORE = ("plan", "section", "timeframe", "overdue", "due_within", "sort")

    def main_fields(self):
        return [self.form[name] for name in self.MAIN]

    def more_fields(self):
        return [self.form[name] for name in self.MORE]

    @property
    def more_open(self):
        """Whether the "more filters" part should show open: one of its fields is set or wrong."""
        return any(self.data.get(name) for name in self.MORE) or any(name in self.form.errors for name in self.MORE)

    @property
    def active(self):
        """Whether any filter (not the sort order) narrows the list."""
        if not (self.form.is_bound and self.form.is_valid()):
            return False
        return any(v not in (None, "", False) for k, v in self.form.cleaned_data.items() if k != "sort")
