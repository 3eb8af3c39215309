"""Import/export of tasks and assignments, keyed by business codes (never by id).

A task is found by its plan's code and its number ("151-kh-ubnd-2023-bg", "6.1"); its section by
code within that plan. An assignment is found by plan + task number + role + agency code, group
code or the related-agencies text.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.fields import Field

from agencies.models import Agency, AgencyGroup
from exchange.resources import CodeKeyedResource
from exchange.widgets import CodeWidget, ScopedCodeWidget, TextWidget

from .models import Assignment, Plan, Section, Task


def plan_widget():
    # Plans are never created by these files: an unknown code is not looked up again.
    return CodeWidget(Plan, missing=_("không có kế hoạch mã “%(code)s”."), refresh_missing=False)


TASK_HEADERS = {
    "plan": "Mã kế hoạch", "number": "Số nhiệm vụ", "section": "Mã mục", "title": "Nhiệm vụ", "content": "Nội dung",
    "target_quantity": "Chỉ tiêu số lượng", "target_unit": "Đơn vị chỉ tiêu", "target_per_year": "Chỉ tiêu theo năm",
    "target_text": "Chỉ tiêu (nguyên văn)", "timeframe_kind": "Loại thời gian", "start_date": "Từ ngày",
    "end_date": "Đến ngày", "due_date": "Hạn hoàn thành", "timeframe_text": "Thời gian (nguyên văn)",
    "order": "Thứ tự",
}


class TaskResource(CodeKeyedResource):
    headers = TASK_HEADERS

    plan = Field(attribute="plan", column_name="plan", widget=plan_widget())
    section = Field(
        attribute="section",
        column_name="section",
        widget=ScopedCodeWidget(
            Section, field="code", scope=plan_widget(), scope_column="plan", scope_field="plan",
            missing=_("kế hoạch “%(scope)s” không có mục mã “%(code)s”."), refresh_missing=False,
        ),
    )

    class Meta(CodeKeyedResource.Meta):
        model = Task
        name = _("Nhiệm vụ (theo mã kế hoạch và số nhiệm vụ)")
        import_id_fields = ("plan", "number")
        # No many-to-many cells, no row refers to another: written in batches, with history
        # (exchange.resources.CodeKeyedResource). 10,000 rows: README "Import speed".
        use_bulk = True
        fields = (
            "plan", "number", "section", "title", "content",
            "target_quantity", "target_unit", "target_per_year", "target_text",
            "timeframe_kind", "start_date", "end_date", "due_date", "timeframe_text", "order",
        )

    def get_queryset(self):
        return Task.objects.select_related("plan", "section")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("plan", "section")

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The model's check constraints, said in words a clerk understands.
        errors = dict(import_validation_errors or {})
        kind = instance.timeframe_kind
        if kind == Task.Timeframe.DEADLINE and not instance.due_date and "due_date" not in errors:
            self.add_error(errors, "due_date", gettext("nhiệm vụ có thời hạn cần ngày ở cột “%(column)s”.")
                           % {"column": self.column("due_date")})
        if kind == Task.Timeframe.PERIOD:
            for name in ("start_date", "end_date"):
                if not getattr(instance, name) and name not in errors:
                    message = gettext("nhiệm vụ theo giai đoạn cần ngày ở cột %(column)s.") % {
                        "column": f"“{self.column(name)}”"}
                    self.add_error(errors, name, message)
        super().validate_instance(instance, errors, validate_unique)


class AssignmentResource(CodeKeyedResource):
    headers = {
        "plan": "Mã kế hoạch", "task": "Số nhiệm vụ", "role": "Vai trò", "agency": "Mã cơ quan",
        "group": "Mã nhóm cơ quan", "related_text": "Cơ quan liên quan (nguyên văn)", "note": "Ghi chú",
        "order": "Thứ tự",
    }

    # The plan is part of the task's key; it is read from the row by the task widget.
    plan = Field(attribute="task__plan__code", column_name="plan", readonly=True, widget=TextWidget())
    task = Field(
        attribute="task",
        column_name="task",
        widget=ScopedCodeWidget(
            Task, field="number", scope=plan_widget(), scope_column="plan", scope_field="plan",
            missing=_("kế hoạch “%(scope)s” không có nhiệm vụ số “%(code)s”."), refresh_missing=False,
        ),
    )
    agency = Field(
        attribute="agency",
        column_name="agency",
        widget=CodeWidget(Agency, missing=_("không có cơ quan mã “%(code)s”."), refresh_missing=False),
    )
    group = Field(
        attribute="group",
        column_name="group",
        widget=CodeWidget(AgencyGroup, missing=_("không có nhóm cơ quan mã “%(code)s”."), refresh_missing=False),
    )

    required_columns = ("plan",)

    class Meta(CodeKeyedResource.Meta):
        model = Assignment
        name = _("Phân công (theo kế hoạch, số nhiệm vụ, vai trò, cơ quan)")
        import_id_fields = ("task", "role", "agency", "group", "related_text")
        fields = ("plan", "task", "role", "agency", "group", "related_text", "note", "order")
        use_bulk = True  # like tasks: no many-to-many cells, no row refers to another

    def get_queryset(self):
        return Assignment.objects.select_related("task__plan", "agency", "group")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("task__plan", "agency", "group")

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        named = [instance.agency_id is not None, instance.group_id is not None, bool(instance.related_text)]
        if not errors and sum(named) != 1:
            self.add_error(
                errors,
                NON_FIELD_ERRORS,
                gettext("mỗi dòng ghi đúng một trong ba cột %(columns)s (đang có %(n)s).")
                % {"n": sum(named), "columns": ", ".join(f"“{self.column(c)}”" for c in ("agency", "group",
                                                                                         "related_text"))},
            )
            # The row is refused already; the model's own constraint check would only repeat it.
            raise ValidationError(errors)
        super().validate_instance(instance, errors, validate_unique)
