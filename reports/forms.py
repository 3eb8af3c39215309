from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plan_tracker.text import nfc
from tasks.models import Task

from .models import ReportingYear, TaskReport
from .uploads import skipped_message, validate_evidence

#: The largest value of an integer column (PositiveIntegerField) on PostgreSQL; SQLite would store more, so
#: the form refuses more everywhere (a bigger number would answer 500 on PostgreSQL).
DB_INT_MAX = 2_147_483_647

# "done for this year" only makes sense where the task repeats every year.
_YEARLY = {Task.Timeframe.ONGOING, Task.Timeframe.ANNUAL, Task.Timeframe.ANNUAL_ON_REQUEST, Task.Timeframe.BUDGET_CYCLE}


def _status_choices(task):
    choices = [("", _("— chọn —"))]
    for value, label in TaskReport.Status.choices:
        if value == TaskReport.Status.DONE_FOR_YEAR and task.timeframe_kind not in _YEARLY:
            continue
        choices.append((value, label))
    return choices


class ReportForm(forms.Form):
    """The whole yearly report in one form: a block of fields per task line, the plan's indicators,
    the general parts, and the version the form was opened at (for the stale-save check)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=DB_INT_MAX, error_messages={
        k: _("Biểu mẫu thiếu số phiên bản của báo cáo (hoặc số đó không hợp lệ) nên chưa lưu được: hãy sao lại nội "
             "dung bạn vừa gõ, tải lại trang và nhập lại.") for k in ("required", "invalid", "min_value", "max_value")})
    overall_assessment = forms.CharField(label=_("Đánh giá chung"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    difficulties = forms.CharField(label=_("Khó khăn, vướng mắc"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    proposals = forms.CharField(label=_("Đề xuất, kiến nghị"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    GENERAL = ("overall_assessment", "difficulties", "proposals")

    def __init__(self, *args, report, lines, indicators, values, skipped=None, **kwargs):
        initial = {"version": report.version, **{name: getattr(report, name) for name in self.GENERAL}}
        for line in lines:
            p = f"line-{line.pk}-"
            initial.update({p + "status": line.status, p + "achievements": line.achievements,
                            p + "quantity_achieved": line.quantity_achieved, p + "no_report_reason": line.no_report_reason})
        for indicator in indicators:
            initial[f"indicator-{indicator.pk}"] = values.get(indicator.pk)
        super().__init__(*args, initial=initial, **kwargs)
        # Files the upload handler did not take in (reports.uploads.EvidenceUploadHandler): field -> (name, reason)
        self.skipped = skipped or {}
        self.lines = lines
        self.indicators = indicators
        for line in lines:
            p = f"line-{line.pk}-"
            n = line.task.number
            self.fields[p + "status"] = forms.ChoiceField(
                label=_("Tình trạng (nhiệm vụ %(n)s)") % {"n": n}, choices=_status_choices(line.task), required=False)
            self.fields[p + "achievements"] = forms.CharField(
                label=_("Kết quả đạt được (nhiệm vụ %(n)s)") % {"n": n}, required=False,
                widget=forms.Textarea(attrs={"rows": 3}))
            if line.task.target_quantity:
                self.fields[p + "quantity_achieved"] = forms.IntegerField(
                    label=_("Số lượng đạt được (%(unit)s, chỉ tiêu %(target)s)")
                    % {"unit": line.task.target_unit, "target": line.task.target_quantity},
                    min_value=0, max_value=DB_INT_MAX, required=False,
                    error_messages={"max_value": _("Số quá lớn: tối đa %(limit_value)s.")})
            self.fields[p + "no_report_reason"] = forms.CharField(
                label=_("Lý do không có nội dung báo cáo (nhiệm vụ %(n)s)") % {"n": n}, required=False,
                widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[p + "evidence"] = forms.FileField(
                label=_("Thêm tệp minh chứng (nhiệm vụ %(n)s): PDF, DOCX, XLSX, JPG, PNG") % {"n": n}, required=False,
                widget=forms.ClearableFileInput(attrs=evidence_input_attrs()))
        for indicator in indicators:
            self.fields[f"indicator-{indicator.pk}"] = forms.DecimalField(
                label=f"{indicator.name} ({indicator.unit})" if indicator.unit else indicator.name,
                help_text=indicator.help_text, min_value=0, max_digits=18, decimal_places=2, required=False,
                localize=True)

    def blocks(self):
        """(line, its bound fields) for the template, in task order."""
        for line in self.lines:
            p = f"line-{line.pk}-"
            yield line, {name: self[p + name] for name in
                         ("status", "achievements", "quantity_achieved", "no_report_reason", "evidence")
                         if p + name in self.fields}

    def indicator_fields(self):
        return [self[f"indicator-{i.pk}"] for i in self.indicators]

    def general_fields(self):
        return [self[name] for name in self.GENERAL]

    def clean(self):
        data = super().clean()
        for key, (file_name, reason) in self.skipped.items():
            self.add_error(key if key in self.fields else None, skipped_message(file_name, reason))
        self.upload_types = {}
        for key, value in list(data.items()):
            if isinstance(value, str):
                data[key] = nfc(value)
            elif key.endswith("-evidence") and value:
                try:
                    self.upload_types[key] = validate_evidence(value)
                except forms.ValidationError as error:
                    self.add_error(key, error)
        return data

    def general_data(self):
        return {name: self.cleaned_data[name] for name in self.GENERAL}

    def line_data(self):
        out = {}
        for line in self.lines:
            p = f"line-{line.pk}-"
            values = {
                "status": self.cleaned_data[p + "status"],
                "achievements": self.cleaned_data[p + "achievements"],
                "no_report_reason": self.cleaned_data[p + "no_report_reason"],
            }
            if p + "quantity_achieved" in self.cleaned_data:
                values["quantity_achieved"] = self.cleaned_data[p + "quantity_achieved"]
            out[line.pk] = values
        return out

    def indicator_data(self):
        return {i.pk: self.cleaned_data[f"indicator-{i.pk}"] for i in self.indicators}

    def uploads(self):
        """[(line, uploaded file, its sniffed content type)] for the lines that got a new file."""
        return [(line, self.cleaned_data[key], self.upload_types[key]) for line in self.lines
                if self.cleaned_data.get(key := f"line-{line.pk}-evidence")]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Tiếp nhận")), ("return", _("Trả lại"))], widget=forms.RadioSelect,
                                 label=_("Quyết định"))
    comment = forms.CharField(label=_("Ý kiến (bắt buộc khi trả lại)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReopenForm(forms.Form):
    comment = forms.CharField(label=_("Lý do mở lại"), widget=forms.Textarea(attrs={"rows": 2}))


class OpenYearForm(forms.Form):
    year = forms.IntegerField(label=_("Năm báo cáo"))


class YearParametersForm(forms.ModelForm):
    """The coordinator's edit of one year's reporting parameters (what heads and signs that year's compiled
    report: the bodies, the place, the number and date, "Kính gửi", the signer). The recipient agency itself (a
    link, not printed) is changed in the admin. ``revision``: the parameters' revision the page was opened on
    (the view refuses a form from an older page instead of overwriting what another coordinator saved)."""

    TEXT_FIELDS = ("recipient_name", "superior_name", "place", "onward_to", "report_number", "addressee",
                   "signer_capacity", "signer_name")

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = ReportingYear
        fields = ["recipient_name", "superior_name", "place", "onward_to", "report_number", "report_date",
                  "addressee", "signer_capacity", "signer_name"]
        widgets = {"onward_to": forms.Textarea(attrs={"rows": 3}), "addressee": forms.Textarea(attrs={"rows": 2}),
                   "signer_capacity": forms.Textarea(attrs={"rows": 2}),
                   "report_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {
            "recipient_name": {"required": _("Cần ghi tên cơ quan tổng hợp báo cáo: tên này đứng ở tiêu đề báo cáo.")},
            "report_date": {"invalid": _("Ngày báo cáo không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 15/01/2025.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient_name"].required = True
        self.fields["report_date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        if not self.is_bound:
            self.initial["revision"] = self.instance.revision

    def clean(self):
        data = super().clean()
        for name in self.TEXT_FIELDS:
            if isinstance(data.get(name), str):
                data[name] = nfc(data[name]).strip()
        return data


def evidence_input_attrs():
    """What the browser needs to refuse a file before sending it (static/js/evidence-check.js): the
    accepted types and the size cap, with the message in the user's language. The server checks again."""
    return {
        "accept": ".pdf,.docx,.xlsx,.jpg,.jpeg,.png",
        "data-max-bytes": settings.EVIDENCE_MAX_BYTES,
        "data-too-big": gettext("Tệp “{name}” nặng {size}, quá giới hạn {max}: hãy chọn tệp nhỏ hơn (tệp chưa được gửi).")
        .replace("{max}", filesizeformat(settings.EVIDENCE_MAX_BYTES)),
        "data-max-total": settings.EVIDENCE_MAX_BYTES_PER_SAVE,
        "data-too-much": gettext("Các tệp đã chọn nặng {size} cộng lại, quá giới hạn {max} của một lần lưu: chưa chọn "
                                 "tệp “{name}”. Hãy lưu với các tệp kia trước, rồi gửi tiếp tệp này.")
        .replace("{max}", filesizeformat(settings.EVIDENCE_MAX_BYTES_PER_SAVE)),
    }
