import re
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from agencies.models import Agency
from plan_tracker.text import nfc
from tasks.models import Plan, Task

from . import rules
from .rules import local_date


class IndicatorManager(models.Manager):
    def get_by_natural_key(self, code, plan_code):
        return self.get(code=code, plan__code=plan_code)


class Indicator(models.Model):
    """A figure every yearly report of a plan fills in (news items, trainees, budget spent…)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("kế hoạch"))
    code = models.SlugField(_("mã"), max_length=64)
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit = models.CharField(_("đơn vị tính"), max_length=64, blank=True)
    help_text = models.CharField(_("hướng dẫn"), max_length=255, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    history = HistoricalRecords()
    objects = IndicatorManager()

    class Meta:
        verbose_name = _("chỉ tiêu báo cáo")
        verbose_name_plural = pgettext_lazy("plural", "chỉ tiêu báo cáo")
        ordering = ["plan", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="reports_indicator_unique_code_per_plan")]

    def __str__(self):
        return f"{self.name} ({self.unit})" if self.unit else self.name

    def natural_key(self):
        return (self.code,) + self.plan.natural_key()

    natural_key.dependencies = ["tasks.plan"]


def onward_lines(text):
    """A plan's onward recipients ("UBND tỉnh, Bộ Thông tin và Truyền thông": one a comma) as the year keeps
    them, one a line: a year's may then name "Bộ Văn hóa, Thể thao và Du lịch", whose name holds commas."""
    return "\n".join(x.strip() for x in re.split(r"[,;\n]", text or "") if x.strip())


class ReportingYear(models.Model):
    """A plan's reporting year, opened by the coordinator; opening creates the empty reports.

    It also holds the year's reporting parameters: who receives and compiles the reports, and what heads the
    compiled report (the superior body's line, the compiling body, the place, the onward recipients under
    "Nơi nhận"). They are copied from the plan, as text, when the year is opened (``parameters_from``) and
    edited for that year only: a later rename or merger of an agency, or a change to the plan, leaves an
    opened year's pages and exports as they were. A year never opened reads the plan's (``for_plan_year``)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reporting_years", verbose_name=_("kế hoạch"))
    year = models.PositiveSmallIntegerField(_("năm"))
    opened_at = models.DateTimeField(_("mở lúc"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người mở"),
    )
    recipient = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("cơ quan nhận báo cáo"),
        help_text=_("Cơ quan nhận và tổng hợp báo cáo năm này. Tên in trên báo cáo là tên ghi dưới đây."),
    )
    recipient_name = models.CharField(
        _("tên cơ quan tổng hợp báo cáo"), max_length=255, blank=True,
        help_text=_("In trên tiêu đề và trong nội dung báo cáo tổng hợp, ví dụ: Sở Văn hóa, Thể thao và Du lịch."),
    )
    superior_name = models.CharField(
        _("tên cơ quan chủ quản"), max_length=255, blank=True,
        help_text=_("Dòng trên tên cơ quan tổng hợp ở tiêu đề báo cáo, ví dụ: UBND tỉnh Bắc Ninh."),
    )
    place = models.CharField(_("địa danh"), max_length=100, blank=True, help_text=_("Ví dụ: Bắc Ninh"))
    onward_to = models.TextField(
        _("tổng hợp báo cáo lên (nơi nhận)"), blank=True,
        help_text=_("Các cơ quan nhận báo cáo tổng hợp, mỗi cơ quan một dòng (tên có thể chứa dấu phẩy)."),
    )
    # What heads and signs the year's compiled report (filled before download, kept for the year).
    report_number = models.CharField(
        _("số báo cáo"), max_length=50, blank=True, help_text=_("Ví dụ: 125/BC-STTTT. Để trống: in “…/BC-…”."))
    report_date = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    addressee = models.TextField(
        _("kính gửi"), blank=True,
        help_text=_("Cơ quan nhận báo cáo, mỗi cơ quan một dòng; in dưới tên báo cáo sau “Kính gửi:”."))
    signer_capacity = models.TextField(
        _("quyền hạn, chức vụ người ký"), blank=True,
        help_text=_("Mỗi dòng in một dòng, ví dụ: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC."))
    signer_name = models.CharField(_("họ và tên người ký"), max_length=255, blank=True)
    #: Raised on each save of the parameters: a form sent from an older page is refused, not applied over.
    revision = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords()

    #: The fields copied from the plan when the year is opened, and edited for the year.
    PARAMETERS = ("recipient", "recipient_name", "superior_name", "place", "onward_to")

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = pgettext_lazy("plural", "kỳ báo cáo")
        ordering = ["plan", "-year"]
        constraints = [models.UniqueConstraint(fields=["plan", "year"], name="reports_one_reporting_year_per_plan")]

    def __str__(self):
        return f"{self.plan} · {self.year}"

    @property
    def due_date(self):
        return self.plan.report_due_date(self.year)

    def save(self, *args, **kwargs):
        for name in ("recipient_name", "superior_name", "place", "onward_to", "report_number", "addressee",
                     "signer_capacity", "signer_name"):
            setattr(self, name, (nfc(getattr(self, name)) or "").strip())
        super().save(*args, **kwargs)

    @staticmethod
    def parameters_from(plan, year=None):
        """The plan's reporting parameters, names as text, for a year being opened. With ``year``, as they stand on
        the year's due date: a recipient that has ceased to exist by then is replaced by its successor
        (``agencies.succession``), each body named by the name in force then (``Agency.name_on``: the 2025 report of
        plan 151 is compiled by Sở Văn hóa, Thể thao và Du lịch under UBND tỉnh Bắc Ninh); without, as they read
        today. ``plan`` with ``report_recipient`` and ``issuer`` at hand or fetched."""
        recipient = plan.report_recipient
        superior = plan.issuer_name or (plan.issuer.name if plan.issuer_id else "")
        recipient_name = recipient.name if recipient else ""
        onward = onward_lines(plan.report_onward_to)
        if year is not None:
            from agencies.succession import Succession

            due = plan.report_due_date(year)
            succession = None
            if recipient is not None and not recipient.is_active_on(due):
                succession = Succession.load()
                recipient = succession.successor_on(recipient, due)
            # An onward recipient named as an agency that has ceased by the due date: its successor, by its name then
            # (plan 151's "Bộ Thông tin và Truyền thông" is "Bộ Văn hóa, Thể thao và Du lịch" from 2025).
            lines = onward.split("\n") if onward else []
            named = {}
            for agency in Agency.objects.filter(Q(name__in=lines) | Q(short_name__in=lines)):
                named.setdefault(agency.name, agency)
                if agency.short_name:
                    named.setdefault(agency.short_name, agency)
            for i, line in enumerate(lines):
                agency = named.get(line)
                if agency is not None and not agency.is_active_on(due):
                    succession = succession or Succession.load()
                    successor = succession.successor_on(agency, due)
                    if successor is not None:
                        lines[i] = successor.name_on(due)[0]
            onward = "\n".join(lines)
            recipient_name = recipient.name_on(due)[0] if recipient else ""
            issuer = plan.issuer if plan.issuer_id else None
            if issuer is not None and issuer.name_on(due) != issuer.name_on(plan.issue_date):
                superior = issuer.name_on(due)[1] or issuer.name_on(due)[0]
        return {
            "recipient": recipient,
            "recipient_name": recipient_name,
            "superior_name": superior,
            "place": plan.place,
            "onward_to": onward,
        }

    @classmethod
    def for_plan_year(cls, plan, year):
        """The year's parameters: the opened year's own, or for a year never opened the plan's (unsaved)."""
        opened = _opened_year().first(plan.pk, year)
        return opened or cls(plan=plan, year=year, **cls.parameters_from(plan))

    @property
    def onward_list(self):
        """The onward recipients, one name each ("Nơi nhận" of the compiled report)."""
        return [x.strip() for x in re.split(r"[;\n]", self.onward_to or "") if x.strip()]


_OPENED_YEAR = []


def _opened_year():
    """``ReportingYear.objects.filter(plan=…, year=…).select_related("recipient")``, compiled once
    (plan_tracker.compiled; the year a small integer: its own stand-in)."""
    if not _OPENED_YEAR:
        from plan_tracker.compiled import Statement

        _OPENED_YEAR.append(Statement(
            lambda plan_id, year: ReportingYear.objects.filter(plan_id=plan_id, year=year).select_related("recipient"),
            stand_ins=(None, 32_101)))
    return _OPENED_YEAR[0]


def visible_agency_ids(user):
    """Whose reports ``user`` may see: None for every agency's (admins, coordinators and viewers), else the ids of
    the agencies they are an officer of (none when signed out). The one home of the rule: ``visible_to`` and
    ``reports.access.get_report_for_user`` ask it."""
    from accounts import roles

    if not roles.signed_in(user):
        return set()
    if roles.sees_all_reports(user):
        return None
    return roles.officer_agency_ids(user)


class AgencyReportQuerySet(models.QuerySet):
    def for_year(self, plan, year):
        return self.filter(plan=plan, year=year)

    def visible_to(self, user):
        """Reports a user may see (``visible_agency_ids``)."""
        agency_ids = visible_agency_ids(user)
        if agency_ids is None:
            return self
        return self.filter(agency_id__in=agency_ids) if agency_ids else self.none()

    def submitted(self):
        return self.filter(status__in=[AgencyReport.Status.SUBMITTED, AgencyReport.Status.ACCEPTED])

    def awaiting_review(self):
        """Submitted (or resubmitted) and not yet accepted or returned, the longest waiting first: the coordinator's
        queue and its "next report" after a review."""
        return self.filter(status=AgencyReport.Status.SUBMITTED).order_by("submitted_at", "pk")


class AgencyReport(models.Model):
    """One agency's yearly results report on one plan."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi")
        RETURNED = "returned", _("Bị trả lại")
        ACCEPTED = "accepted", _("Đã tiếp nhận")

    # No index of its own: reports_one_report_per_agency_year (plan, year, agency) leads with it (README "PostgreSQL
    # per journey, session 15": an index another one's leading column covers costs every write, serves no read).
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="agency_reports", verbose_name=_("kế hoạch"),
                             db_index=False)
    year = models.PositiveSmallIntegerField(_("năm"))
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="reports", verbose_name=_("cơ quan"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status, default=Status.DRAFT)
    # Set when the year is opened (services.open_reporting_year), from the plan's rule (Plan.obliged_kinds): an
    # invited body may report, and is never counted in obliged, completeness, timeliness, missing or late.
    invited = models.BooleanField(_("được mời báo cáo"), default=False)
    overall_assessment = models.TextField(_("đánh giá chung"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    first_submitted_at = models.DateTimeField(_("gửi lần đầu lúc"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người xem xét"),
    )
    review_comment = models.TextField(_("ý kiến của cơ quan tổng hợp"), blank=True)
    # A sort of optimistic lock: every save bumps it; a save carrying an older number is refused.
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người cập nhật"),
    )

    # Its history is read by report (id) and date only (reports.changes): the other keys are not indexed there.
    history = HistoricalRecords(no_db_index=["plan", "agency", "reviewed_by", "updated_by"])
    objects = AgencyReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo của cơ quan")
        verbose_name_plural = pgettext_lazy("plural", "báo cáo của cơ quan")
        ordering = ["plan", "-year", "agency__name"]
        # Roles given without a membership (accounts.roles): a coordinator's, a leader's, an admin's power.
        permissions = [
            ("review_agencyreport", _("Xem xét (tiếp nhận, trả lại) báo cáo, mở kỳ báo cáo, xuất báo cáo tổng hợp")),
            ("view_all_agencyreports", _("Xem mọi báo cáo đã gửi và số liệu tổng hợp")),
            ("reopen_agencyreport", _("Mở lại báo cáo đã tiếp nhận")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["plan", "year", "agency"], name="reports_one_report_per_agency_year"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(first_submitted_at__isnull=False),
                name="reports_agencyreport_submitted_has_time",
            ),
        ]
        indexes = [
            # The coordinator's year list and the overview: reports of one plan and year by status.
            models.Index(fields=["plan", "year", "status"], name="reports_ar_plan_year_status"),
        ]

    def __str__(self):
        return f"{self.agency} · {self.plan} · {self.year}"

    def get_absolute_url(self):
        return reverse("reports:report-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        for name in ("overall_assessment", "difficulties", "proposals", "review_comment"):
            setattr(self, name, nfc(getattr(self, name)) or "")
        super().save(*args, **kwargs)

    @property
    def due_date(self):
        return self.plan.report_due_date(self.year)

    @property
    def status_label(self):
        """The status as pages say it: a draft says whether it was ever saved ("Chưa bắt đầu" / "Đang soạn, chưa
        gửi": reports.rules), so a page never shows "Đang soạn" beside "Chưa bắt đầu"."""
        if self.status == self.Status.DRAFT:
            return rules.State.LABELS[rules.submission_state(self)]
        return self.get_status_display()

    @property
    def is_untouched(self):
        """Never saved by its agency since the year was opened (reports.rules: not started)."""
        return self.first_submitted_at is None and rules.submission_state(self) == rules.State.NOT_STARTED

    @property
    def is_editable_by_agency(self):
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def is_submitted(self):
        return self.status in (self.Status.SUBMITTED, self.Status.ACCEPTED)

    @property
    def is_on_time(self):
        """True/False once submitted (reports.rules.is_on_time); None before."""
        return rules.is_on_time(self.first_submitted_at, self.plan, self.year)

    @property
    def timeliness(self):
        """"on_time", "late" or None (not yet submitted, or an invited body's): reports.rules.timeliness."""
        return rules.timeliness(self)

    @property
    def owes_report(self):
        return rules.owes_report(self)

    def days_to_due(self, today=None):
        """Days left to the due date (negative: days late), counted in local calendar days."""
        today = today or local_date(timezone.now())
        return (self.due_date - today).days


class TaskReport(models.Model):
    """One line of a report: what the agency did on one task that year."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa triển khai")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        COMPLETED = "completed", _("Hoàn thành")
        DONE_FOR_YEAR = "done_for_year", _("Đã thực hiện trong năm")
        NOTHING_TO_REPORT = "nothing_to_report", _("Không có nội dung báo cáo trong năm")

    # No index of its own: reports_one_line_per_task (report, task) leads with it.
    report = models.ForeignKey(AgencyReport, on_delete=models.CASCADE, related_name="lines", verbose_name=_("báo cáo"),
                               db_index=False)
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="task_reports", verbose_name=_("nhiệm vụ"))
    role = models.CharField(_("vai trò"), max_length=20, choices=[("lead", _("Chủ trì")), ("coordinator", _("Phối hợp"))])
    status = models.CharField(_("tình trạng"), max_length=20, choices=Status, blank=True)
    achievements = models.TextField(_("kết quả đạt được"), blank=True)
    quantity_achieved = models.PositiveIntegerField(_("số lượng đạt được"), null=True, blank=True)
    no_report_reason = models.TextField(_("lý do không có nội dung"), blank=True)
    # Set when last year's text was copied into the line ("Chép từ năm trước"): while the text still reads as last
    # year's, the report cannot be submitted (services.line_problems).
    copied_from_last_year = models.BooleanField(_("chép từ năm trước"), default=False)

    # Its history is read by report and date (reports.changes), never by task.
    history = HistoricalRecords(no_db_index=["task"])

    class Meta:
        verbose_name = _("kết quả nhiệm vụ")
        verbose_name_plural = pgettext_lazy("plural", "kết quả nhiệm vụ")
        ordering = ["report", "task__order", "task__number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "task"], name="reports_one_line_per_task"),
        ]

    def __str__(self):
        return f"{self.report} · {self.task.number}"

    @property
    def overdue_since(self):
        """A lead's line on a deadline task carried over from an earlier year: the task's due date, shown as
        "Quá hạn từ dd/mm/yyyy" (reports.completion); None otherwise."""
        from .completion import overdue_since

        return overdue_since(self.task, self.report.year) if self.role == "lead" else None

    def save(self, *args, **kwargs):
        self.achievements = nfc(self.achievements) or ""
        self.no_report_reason = nfc(self.no_report_reason) or ""
        super().save(*args, **kwargs)


class IndicatorValue(models.Model):
    # No index of its own: reports_one_value_per_indicator (report, indicator) leads with it.
    report = models.ForeignKey(AgencyReport, on_delete=models.CASCADE, related_name="indicator_values", verbose_name=_("báo cáo"),
                               db_index=False)
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("chỉ tiêu"))
    value = models.DecimalField(_("giá trị"), max_digits=18, decimal_places=2, null=True, blank=True)

    # Its history is read by report and date (reports.changes), never by indicator.
    history = HistoricalRecords(no_db_index=["indicator"])

    class Meta:
        verbose_name = _("giá trị chỉ tiêu")
        verbose_name_plural = pgettext_lazy("plural", "giá trị chỉ tiêu")
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="reports_one_value_per_indicator")]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


def evidence_path(instance, filename):
    # Random names, outside any public URL: files are only served through the permission-checked view.
    return f"evidence/{instance.task_report.report.year}/{uuid.uuid4().hex}"


class Evidence(models.Model):
    task_report = models.ForeignKey(TaskReport, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("dòng báo cáo"))
    file = models.FileField(_("tệp"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(_("loại tệp"), max_length=100)
    size = models.PositiveBigIntegerField(_("kích thước"))
    uploaded_at = models.DateTimeField(_("tải lên lúc"), default=timezone.now)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tệp minh chứng")
        verbose_name_plural = pgettext_lazy("plural", "tệp minh chứng")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("reports:evidence-download", args=[self.pk])


class ReportEvent(models.Model):
    """The workflow log a person reads: who submitted, returned (with what comment), accepted, reopened."""

    class Action(models.TextChoices):
        OPENED = "opened", _("Tạo báo cáo")
        SAVED = "saved", _("Lưu nháp")
        SUBMITTED = "submitted", _("Gửi báo cáo")
        RETURNED = "returned", _("Trả lại")
        ACCEPTED = "accepted", _("Tiếp nhận")
        REOPENED = "reopened", _("Mở lại (quản trị)")

    report = models.ForeignKey(AgencyReport, on_delete=models.CASCADE, related_name="events", verbose_name=_("báo cáo"))
    action = models.CharField(_("thao tác"), max_length=20, choices=Action)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("người thực hiện"))
    at = models.DateTimeField(_("lúc"), default=timezone.now)
    comment = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        verbose_name = _("diễn biến báo cáo")
        verbose_name_plural = pgettext_lazy("plural", "diễn biến báo cáo")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.report} · {self.get_action_display()}"


class LineCommentQuerySet(models.QuerySet):
    def of_last_return(self, report):
        """The comments of the report's latest return (one query): what the officer must see beside the lines."""
        last = (ReportEvent.objects.filter(report=report, action=ReportEvent.Action.RETURNED)
                .order_by("-at", "-pk").values("pk")[:1])
        return self.filter(event=models.Subquery(last)).select_related("line__task").order_by(
            "line__task__order", "line__task__number", "pk")


class LineComment(models.Model):
    """The coordinator's comment on one line of a report, made when returning it (issue #14 item 6)."""

    event = models.ForeignKey(ReportEvent, on_delete=models.CASCADE, related_name="line_comments",
                              verbose_name=_("lần trả lại"))
    line = models.ForeignKey(TaskReport, on_delete=models.CASCADE, related_name="comments",
                             verbose_name=_("dòng báo cáo"))
    text = models.TextField(_("ý kiến"))

    objects = LineCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("ý kiến theo nhiệm vụ")
        verbose_name_plural = pgettext_lazy("plural", "ý kiến theo nhiệm vụ")
        ordering = ["event", "pk"]

    def __str__(self):
        return f"{self.line} · {self.text[:40]}"

    def save(self, *args, **kwargs):
        self.text = nfc(self.text) or ""
        super().save(*args, **kwargs)


class CompiledDraft(models.Model):
    """The coordinator's draft of a plan's compiled report for a year: the body's parts (``DraftPart``),
    generated from the year's figures (``reports.exports.body``), edited in the browser, regenerated on request
    without losing edits (``reports.drafts``). The DOCX prints its text."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+", verbose_name=_("kế hoạch"))
    year = models.PositiveSmallIntegerField(_("năm"))
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    generated_at = models.DateTimeField(_("tạo lại từ số liệu lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("dự thảo báo cáo tổng hợp")
        verbose_name_plural = pgettext_lazy("plural", "dự thảo báo cáo tổng hợp")
        constraints = [models.UniqueConstraint(fields=["plan", "year"], name="reports_one_compiled_draft_per_year")]

    def __str__(self):
        return f"{self.plan} · {self.year}"


class DraftPart(models.Model):
    """One part of a draft (I., a group of tasks of II., III.–VI., the opening and closing lines): its text as
    edited, the text last generated, whether the coordinator changed it, and a version for the stale-edit check."""

    draft = models.ForeignKey(CompiledDraft, on_delete=models.CASCADE, related_name="parts",
                              verbose_name=_("dự thảo"))
    key = models.CharField(_("mã phần"), max_length=50)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("tiêu đề"), max_length=500, blank=True)
    level = models.PositiveSmallIntegerField(_("cấp tiêu đề"), default=1)
    text = models.TextField(_("nội dung"), blank=True)
    generated = models.TextField(_("nội dung tạo từ số liệu"), blank=True)
    edited = models.BooleanField(_("đã sửa"), default=False)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    updated_at = models.DateTimeField(_("sửa lúc"), default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("người sửa"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phần dự thảo báo cáo")
        verbose_name_plural = pgettext_lazy("plural", "phần dự thảo báo cáo")
        ordering = ["draft", "order"]
        constraints = [models.UniqueConstraint(fields=["draft", "key"], name="reports_one_draft_part_per_key")]

    def __str__(self):
        return self.title or self.key
