from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plan_tracker import fresh_widgets
from plan_tracker.text import nfc
from . import rules
from .models import ReportingYear, TaskReport
from .uploads import skipped_message, validate_evidence

from plan_tracker.numbers import DB_INT_MAX, VNDecimalField, VNIntegerField

#: The longest texts a report takes (characters): a result or an assessment, a reason, a reviewer's comment. The
#: page counts down as one types (static/js/report_form.js); the server refuses more with a Vietnamese message.
TEXT_MAX = 10_000
REASON_MAX = 2_000
COMMENT_MAX = 2_000


def _text(label, max_length, rows):
    return forms.CharField(
        label=label, required=False, max_length=max_length,
        error_messages={"max_length": _("Tối đa %(limit_value)s ký tự (đang có %(show_value)s): hãy rút gọn.")},
        # made here for this field: not copied again by it (plan_tracker.fresh_widgets)
        widget=fresh_widgets.Textarea(attrs={"rows": rows, "maxlength": max_length, "data-counter": ""}))


def _status_choices(task, current=""):
    return list(_STATUS_CHOICES.get((task.timeframe_kind, current)) or _status_choices_of(task.timeframe_kind, current))


#: {(timeframe kind, current status): a line's status choices}: the same for every line of that kind and status, in
#: every language (the labels are lazy: translated where they are shown). Worked out once per process (each line of
#: each report form read the statuses' enum again: ~7 % of building the form).
_STATUS_CHOICES = {}


def _status_choices_of(timeframe_kind, current):
    labels = dict(TaskReport.Status.choices)
    values = list(rules.line_statuses(timeframe_kind))
    if current and current not in values:  # a status saved before the sets were split stays selectable
        values.append(current)
    choices = _STATUS_CHOICES[(timeframe_kind, current)] = tuple(
        [("", _("— chọn —"))] + [(v, labels[v]) for v in values])
    return choices


class ReportForm(forms.Form):
    """The whole yearly report in one form: a block of fields per task line, the plan's indicators,
    the general parts, and the version the form was opened at (for the stale-save check).

    Fields fit the line: the quantity only where the task has a target and the agency leads it; the reason is kept
    only with "nothing to report" (static/js/report_form.js hides it otherwise; without the script the server drops
    a reason left under another status)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=DB_INT_MAX, error_messages={
        k: _("Biểu mẫu thiếu số phiên bản của báo cáo (hoặc số đó không hợp lệ) nên chưa lưu được: hãy sao lại nội "
             "dung bạn vừa gõ, tải lại trang và nhập lại.") for k in ("required", "invalid", "min_value", "max_value")})
    overall_assessment = _text(_("Đánh giá chung"), TEXT_MAX, 4)
    difficulties = _text(_("Khó khăn, vướng mắc"), TEXT_MAX, 3)
    proposals = _text(_("Đề xuất, kiến nghị"), TEXT_MAX, 3)

    GENERAL = ("overall_assessment", "difficulties", "proposals")
    #: Parts a submission needs (services.missing_parts decides; these are marked on the form).
    REQUIRED_TO_SUBMIT = ("status", "achievements", "quantity_achieved", "overall_assessment")

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
        file_attrs = evidence_input_attrs()  # once per form, not per line (each widget copies it)
        for line in lines:
            p = f"line-{line.pk}-"
            n = line.task.number
            self.fields[p + "status"] = forms.ChoiceField(
                label=_("Tình trạng (nhiệm vụ %(n)s)") % {"n": n}, choices=_status_choices(line.task, line.status),
                required=False, widget=fresh_widgets.Select(attrs={"data-status": ""}))
            self.fields[p + "achievements"] = _text(_("Kết quả đạt được (nhiệm vụ %(n)s)") % {"n": n}, TEXT_MAX, 3)
            if line.task.target_quantity and line.role == "lead":
                self.fields[p + "quantity_achieved"] = VNIntegerField(
                    label=_("Số lượng đạt được (%(unit)s, chỉ tiêu %(target)s)")
                    % {"unit": line.task.target_unit, "target": line.task.target_quantity}, required=False)
            self.fields[p + "no_report_reason"] = _text(
                _("Lý do không có nội dung báo cáo (nhiệm vụ %(n)s)") % {"n": n}, REASON_MAX, 2)
            # Set to 1 by static/js/report_form.js when it copies last year's text into the box.
            self.fields[p + "copied"] = forms.BooleanField(required=False, widget=forms.HiddenInput)
            self.fields[p + "evidence"] = forms.FileField(
                label=_("Thêm tệp minh chứng (nhiệm vụ %(n)s): PDF, DOCX, XLSX, JPG, PNG") % {"n": n}, required=False,
                widget=fresh_widgets.ClearableFileInput(attrs=file_attrs))
        for indicator in indicators:
            self.fields[f"indicator-{indicator.pk}"] = VNDecimalField(
                label=f"{indicator.name} ({indicator.unit})" if indicator.unit else indicator.name,
                help_text=indicator.help_text, required=False)
        for name, field in self.fields.items():
            field.required_to_submit = (name.rsplit("-", 1)[-1] in self.REQUIRED_TO_SUBMIT
                                        or name.startswith("indicator-"))

    def full_clean(self):
        super().full_clean()
        # Each field's message tied to it (aria-describedby: its id in _field.html), and the field marked invalid.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update({
                    "aria-invalid": "true", "aria-describedby": f"{self[name].auto_id}-error"})

    def error_links(self):
        """[(anchor or None, label, message)]: every error of the form, for the list at its top (links to fields)."""
        out = [(None, None, e) for e in self.non_field_errors()]
        for name, field in self.fields.items():
            if name in self.errors and name != "version":
                out.extend((self[name].auto_id, field.label, e) for e in self.errors[name])
        return out

    def blocks(self):
        """(line, its bound fields, its hidden "copied" field) for the template, in task order."""
        for line in self.lines:
            p = f"line-{line.pk}-"
            yield line, {name: self[p + name] for name in
                         ("status", "quantity_achieved", "achievements", "no_report_reason", "evidence")
                         if p + name in self.fields}, self[p + "copied"]

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
            status = self.cleaned_data[p + "status"]
            reason = self.cleaned_data[p + "no_report_reason"]
            values = {
                "status": status,
                "achievements": self.cleaned_data[p + "achievements"],
                # The reason belongs to "nothing to report" only: left under another chosen status, it is dropped.
                "no_report_reason": reason if status in ("", TaskReport.Status.NOTHING_TO_REPORT) else "",
            }
            if self.cleaned_data.get(p + "copied"):
                values["copied_from_last_year"] = True
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

    def valid_uploads(self):
        """After a failed validation: the new files that passed their own checks (kept by saving them alone)."""
        cleaned = getattr(self, "cleaned_data", {})
        return [(line, cleaned[key], self.upload_types[key]) for line in self.lines
                if (key := f"line-{line.pk}-evidence") not in self.errors and cleaned.get(key)
                and key in getattr(self, "upload_types", {})]

    def refused_files(self):
        """The names of the files chosen in this POST that were refused, for "choose again" (after an error)."""
        names = [name for name, _reason in self.skipped.values()]
        for line in self.lines:
            key = f"line-{line.pk}-evidence"
            if key in self.errors and key in self.files:
                names.append(self.files[key].name)
        return names


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Tiếp nhận")), ("return", _("Trả lại"))], widget=forms.RadioSelect,
                                 label=_("Quyết định"))
    comment = _text(_("Ý kiến chung (khi trả lại: ghi ở đây hoặc bên từng nhiệm vụ)"), COMMENT_MAX, 3)


    def line_comments(self, data):
        """{line id: comment} from the per-line boxes ("line-comment-<id>", beside each line of the page), each
        cut to COMMENT_MAX characters."""
        out = {}
        for key, value in data.items():
            if key.startswith("line-comment-") and key[len("line-comment-"):].isdigit() and value.strip():
                out[int(key[len("line-comment-"):])] = nfc(value.strip())[:COMMENT_MAX]
        return out


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
