"""Evidence files: checked by their content, not their name (a DOCX or XLSX also for what it unpacks to), and
capped in size: each file, the files of one save (as they arrive: ``EvidenceUploadHandler``) and a report's in all
(``reports.services.save_report``)."""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from exchange.zipguard import ZipBombError, check_archive

ALLOWED = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}


def sniff(head, file, name=""):
    """The content type of ``file`` from its bytes, or None when it is none of the allowed kinds. A DOCX or XLSX
    (a zip) is first checked for what it unpacks to (exchange.zipguard): ZipBombError when too much."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        file.seek(0)
        try:
            check_archive(file, name)  # before any part is read: ZipBombError, a message for the user
            with zipfile.ZipFile(file) as z:
                names = set(z.namelist())
        except ZipBombError:
            raise
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            file.seek(0)
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return None


def validate_evidence(upload):
    """Return the content type of an acceptable upload, or raise ValidationError with a clear message."""
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s); tối đa %(limit)s.")
            % {"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    try:
        content_type = sniff(head, upload.file if hasattr(upload, "file") else io.BytesIO(upload.read()), upload.name)
    except ZipBombError as error:
        raise ValidationError(str(error)) from None
    if content_type is None:
        raise ValidationError(
            _("Tệp “%(name)s” không phải PDF, DOCX, XLSX, JPG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên).")
            % {"name": upload.name}
        )
    return content_type


class EvidenceUploadHandler(FileUploadHandler):
    """The report form's first upload handler: it stops taking in a file (SkipFile: the part received is dropped,
    the rest read and thrown away) as soon as that file passes EVIDENCE_MAX_BYTES, or the files of this request
    together pass EVIDENCE_MAX_BYTES_PER_SAVE. Without it Django writes all that arrives to temporary files (14 task
    lines × any size) before the form can look. Skipped files are noted in ``request.evidence_skipped`` (field name
    -> (file name, "file" or "save")) for the form's messages; the text fields after them are still read."""

    def __init__(self, request=None):
        super().__init__(request)
        self.total = 0
        self.size = 0
        request.evidence_skipped = {}

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self.size = 0

    def receive_data_chunk(self, raw_data, start):
        self.size += len(raw_data)
        if self.size > settings.EVIDENCE_MAX_BYTES:
            reason = "file"
        elif self.total + self.size > settings.EVIDENCE_MAX_BYTES_PER_SAVE:
            reason = "save"
        else:
            return raw_data
        self.request.evidence_skipped[self.field_name] = (self.file_name, reason)
        raise SkipFile

    def file_complete(self, file_size):
        self.total += file_size
        return None  # the next handlers store the file


def skipped_message(file_name, reason):
    """The form's message for a file EvidenceUploadHandler did not take in."""
    if reason == "file":
        return _("Tệp “%(name)s” quá lớn; tối đa %(limit)s (tệp chưa được nhận).") % {
            "name": file_name, "limit": filesizeformat(settings.EVIDENCE_MAX_BYTES)}
    return per_save_message(file_name)


def per_save_message(file_name=None):
    limit = filesizeformat(settings.EVIDENCE_MAX_BYTES_PER_SAVE)
    if file_name:
        return _("Tệp “%(name)s” chưa được nhận: các tệp gửi trong một lần lưu cộng lại tối đa %(limit)s. Hãy lưu "
                 "với các tệp khác trước, rồi gửi tiếp tệp này.") % {"name": file_name, "limit": limit}
    return _("Các tệp gửi trong một lần lưu cộng lại tối đa %(limit)s: hãy gửi bớt tệp, lưu, rồi gửi tiếp.") % {
        "limit": limit}
