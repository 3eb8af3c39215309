"""Import/export of agencies and agency groups, keyed by their codes (never by id)."""

from django.utils.translation import gettext_lazy as _
from import_export.fields import Field

from exchange.resources import CodeKeyedResource
from exchange.widgets import CodeListWidget

from .models import Agency, AgencyGroup

UNKNOWN_AGENCY = _("không có cơ quan mã %(codes)s.")


class AgencyResource(CodeKeyedResource):
    headers = {
        "code": "Mã cơ quan", "name": "Tên đầy đủ", "short_name": "Tên viết tắt", "kind": "Loại cơ quan",
        "valid_from": "Hoạt động từ ngày", "valid_to": "Hoạt động đến ngày", "head_email": "Email thủ trưởng",
        "successors": "Cơ quan kế thừa (mã)",
    }

    # Successors must already exist, or come earlier in the same file.
    successors = Field(
        attribute="successors", column_name="successors", widget=CodeListWidget(Agency, missing=UNKNOWN_AGENCY)
    )

    class Meta(CodeKeyedResource.Meta):
        model = Agency
        name = _("Cơ quan, đơn vị (theo mã)")
        import_id_fields = ("code",)
        fields = ("code", "name", "short_name", "kind", "valid_from", "valid_to", "head_email", "successors")

    def get_queryset(self):
        return Agency.objects.prefetch_related("successors")

    def filter_export(self, queryset, **kwargs):
        return queryset.prefetch_related("successors")


class AgencyGroupResource(CodeKeyedResource):
    headers = {"code": "Mã nhóm", "name": "Tên nhóm", "description": "Mô tả", "members": "Thành viên (mã cơ quan)"}

    members = Field(attribute="members", column_name="members", widget=CodeListWidget(Agency, missing=UNKNOWN_AGENCY))

    class Meta(CodeKeyedResource.Meta):
        model = AgencyGroup
        name = _("Nhóm cơ quan (theo mã)")
        import_id_fields = ("code",)
        fields = ("code", "name", "description", "members")

    def get_queryset(self):
        return AgencyGroup.objects.prefetch_related("members")

    def filter_export(self, queryset, **kwargs):
        return queryset.prefetch_related("members")
