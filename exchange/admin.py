"""The admin side of import/export: ``ExchangeAdminMixin`` for the domain apps' ModelAdmins. Nothing
is registered here."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from import_export.admin import ImportExportMixin
from import_export.forms import ImportForm

from .formats import FORMATS, FileReadError, too_big_message
from .resources import result_messages


class CappedImportForm(ImportForm):
    """The import form, refusing files over ``settings.IMPORT_MAX_UPLOAD_BYTES``."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(too_big_message(upload.size), code="too_big")
        return upload


class ExchangeAdminMixin(ImportExportMixin):
    """django-import-export in the admin, our way.

    * Formats: our XLSX and CSV only (formula-safe).
    * Importing needs ``import_<model>`` *and* add + change permission; exporting needs
      ``export_<model>`` and view permission (settings set the "import"/"export" codes).
    * Files over the size cap are refused; unreadable files get a Vietnamese message.
    * A file with any bad row writes nothing, preview and confirm alike.
    """

    formats = FORMATS
    import_form_class = CappedImportForm
    import_template_name = "admin/exchange/import.html"

    def has_import_permission(self, request):
        return (
            super().has_import_permission(request)
            and self.has_add_permission(request)
            and self.has_change_permission(request)
        )

    def has_export_permission(self, request):
        return super().has_export_permission(request) and self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, FileReadError):
            form.add_error("import_file", str(e))
        else:
            form.add_error(
                "import_file",
                gettext("Không đọc được tệp. Hãy chọn đúng định dạng (XLSX hoặc CSV UTF-8) và thử lại."),
            )

    def process_result(self, result, request):
        """After confirm: if the file went bad meanwhile, say so (nothing was written)."""
        if result.has_errors() or result.has_validation_errors():
            for message in result_messages(result)[:20]:
                messages.error(request, message)
            messages.error(request, gettext("Không nhập tệp: có dòng lỗi nên không ghi dòng nào."))
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_import", current_app=self.admin_site.name)
            )
        return super().process_result(result, request)
