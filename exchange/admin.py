"""The admin side of import/export: ``ExchangeAdminMixin`` for the domain apps' ModelAdmins. Nothing
is registered here."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin
from import_export.forms import ImportForm
from import_export.tmp_storages import BaseStorage

from .formats import FORMATS, FileReadError, too_big_message
from .models import PendingImport
from .resources import result_messages


class PendingImportStorage(BaseStorage):
    """Where the preview keeps the uploaded file for the confirm: a PendingImport row (not a file in /tmp: one
    row per preview, shared by every app server, deleted when confirmed, and after
    IMPORT_PREVIEW_MAX_AGE_HOURS when not). ``name`` is the row's token, posted back by the confirm form."""

    def save(self, data):
        PendingImport.expired().delete()  # previews nobody confirmed
        self.name = PendingImport.objects.create(data=data).token
        self._data = data

    def read(self):
        data = getattr(self, "_data", None)
        if data is None:
            row = PendingImport.objects.filter(token=self.name).only("data").first()
            data = None if row is None else bytes(row.data)
        return data

    def remove(self):
        PendingImport.objects.filter(token=self.name).delete()


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
    * A confirmed file is imported exactly once: the confirm takes (deletes) the preview's PendingImport row in
      its own transaction; a second post of the same confirm (double click, back and resubmit) finds it gone and
      says so. A preview that offers no confirm keeps nothing.
    """

    formats = FORMATS
    import_form_class = CappedImportForm
    import_template_name = "admin/exchange/import.html"
    tmp_storage_class = PendingImportStorage

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

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        form = context.get("form")
        if request.method == "POST" and not context.get("confirm_form") and form is not None:
            # A preview refused (bad rows, unreadable file): nobody can confirm it, keep nothing.
            upload = getattr(form, "cleaned_data", {}).get("import_file")
            token = getattr(upload, "tmp_storage_name", None)
            if token:
                PendingImport.objects.filter(token=token).delete()
        return response

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        """The confirm: take the preview's file (its row, locked then deleted) and import it, in one transaction.
        A confirm posted again finds no row: a message and the list, never a second import or a 500."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            return super().process_import(request, **kwargs)  # the library's page with the form's errors
        opts = self.model._meta
        import_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_import", current_app=self.admin_site.name)
        try:
            format_class = self.get_import_formats()[int(confirm_form.cleaned_data["format"])]
        except (ValueError, IndexError):
            messages.error(request, gettext("Không nhận ra định dạng tệp: hãy tải tệp lên lại."))
            return HttpResponseRedirect(import_url)
        input_format = format_class(encoding=self.from_encoding)
        with transaction.atomic():
            pending = (PendingImport.objects.select_for_update()
                       .filter(token=confirm_form.cleaned_data["import_file_name"]).first())
            if pending is None:
                messages.warning(request, gettext(
                    "Tệp này đã được nhập (hoặc bản xem trước đã quá hạn) nên không nhập lại lần nữa. Kết quả lần "
                    "nhập ở danh sách dưới đây; muốn nhập lại, hãy tải tệp lên lần nữa."))
                return HttpResponseRedirect(
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist", current_app=self.admin_site.name))
            data = bytes(pending.data)
            pending.delete()
            try:
                dataset = input_format.create_dataset(data)
            except FileReadError as error:
                messages.error(request, str(error))
                return HttpResponseRedirect(import_url)
            result = self.process_dataset(dataset, confirm_form, request, **kwargs)
            return self.process_result(result, request)
