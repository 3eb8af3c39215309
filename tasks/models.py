import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from agencies.models import Agency, AgencyGroup
from plan_tracker.text import fold, nfc


def _nfc_fields(instance, names):
    for name in names:
        setattr(instance, name, nfc(getattr(instance, name)) or "")


def all_agency_kinds():
    """Every agency kind: a plan's default "who must report" (everyone named on a task is obliged)."""
    return list(Agency.Kind.values)


class PlanManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Plan(models.Model):
    """An implementation plan ("Kế hoạch số 151/KH-UBND"), with its yearly reporting rule (section V)."""

    code = models.SlugField(
        _("mã kế hoạch"), max_length=64, unique=True,
        help_text=_("Mã ổn định dùng khi nhập/xuất tệp, ví dụ 151-kh-ubnd-2023-bg."),
    )
    number = models.CharField(_("số, ký hiệu"), max_length=64, help_text=_("Ví dụ: 151/KH-UBND"))
    document_type = models.CharField(_("loại văn bản"), max_length=64, default="Kế hoạch")
    issuer = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="issued_plans", verbose_name=_("cơ quan ban hành"),
        null=True, blank=True,
    )
    issuer_name = models.CharField(_("tên cơ quan ban hành"), max_length=255, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issue_date = models.DateField(_("ngày ban hành"))
    title = models.TextField(_("trích yếu"))
    signer_name = models.CharField(_("người ký"), max_length=100, blank=True)
    signer_capacity = models.CharField(
        _("thẩm quyền, chức vụ người ký"), max_length=255, blank=True, help_text=_("Ví dụ: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
    )
    legal_basis = models.TextField(_("căn cứ"), blank=True)
    purpose = models.TextField(_("mục đích"), blank=True)
    requirements = models.TextField(_("yêu cầu"), blank=True)
    funding = models.TextField(_("kinh phí thực hiện"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("năm bắt đầu"))
    end_year = models.PositiveSmallIntegerField(
        _("năm kết thúc"), null=True, blank=True,
        help_text=_("Để trống khi kế hoạch không ghi năm kết thúc: kế hoạch chạy tới năm hiện tại."),
    )
    report_due_day = models.PositiveSmallIntegerField(_("ngày hạn báo cáo"), default=15)
    report_due_month = models.PositiveSmallIntegerField(_("tháng hạn báo cáo"), default=11)
    report_recipient = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="received_plans", null=True, blank=True,
        verbose_name=_("cơ quan nhận báo cáo"),
    )
    report_onward_to = models.CharField(
        _("tổng hợp báo cáo lên"), max_length=255, blank=True, help_text=_("Ví dụ: UBND tỉnh, Bộ Thông tin và Truyền thông")
    )
    reporting_text = models.TextField(_("chế độ báo cáo (nguyên văn)"), blank=True)
    # Who must report (DESIGN.md "Reporting rules"): the kinds of agencies the plan obliges; a body of any other
    # kind named on a task is invited (it may report, and is never counted missing or late).
    obliged_kinds = models.JSONField(
        _("loại cơ quan phải báo cáo"), default=all_agency_kinds, blank=True,
        help_text=_("Cơ quan thuộc các loại này, chủ trì hoặc phối hợp một nhiệm vụ, phải báo cáo hằng năm; "
                    "cơ quan thuộc loại khác (cấp trên, cơ quan Đảng, đoàn thể…) được mời báo cáo: "
                    "không tính là thiếu hay muộn."),
    )
    closing_text = models.TextField(_("đoạn kết"), blank=True)
    recipients_text = models.TextField(_("nơi nhận"), blank=True)

    history = HistoricalRecords()
    objects = PlanManager()

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = pgettext_lazy("plural", "kế hoạch")
        ordering = ["-issue_date", "number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=models.F("start_year")),
                name="tasks_plan_years_ordered",
            ),
            models.CheckConstraint(
                condition=Q(report_due_month__gte=1, report_due_month__lte=12, report_due_day__gte=1, report_due_day__lte=31),
                name="tasks_plan_report_due_valid",
            ),
        ]

    def __str__(self):
        return self.number

    def natural_key(self):
        return (self.code,)

    def get_absolute_url(self):
        return reverse("portal:plan-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        _nfc_fields(self, ["number", "issuer_name", "place", "title", "signer_name", "signer_capacity",
                           "legal_basis", "purpose", "requirements", "funding", "report_onward_to",
                           "reporting_text", "closing_text", "recipients_text"])
        super().save(*args, **kwargs)

    @property
    def last_year(self):
        """The plan's last year: its end year, or the current year for a plan with no end."""
        if self.end_year is not None:
            return self.end_year
        return max(self.start_year, timezone.localdate().year)

    @property
    def years(self):
        return range(self.start_year, self.last_year + 1)

    def runs_in(self, year):
        return self.start_year <= year <= self.last_year

    def obliges(self, agency):
        """Whether ``agency``, named on a task of the plan, must report (else it is invited): the plan's own word for
        that body (``PlanAgencyRule``, e.g. a broadcaster obliged whatever its kind), else its kind
        (``obliged_kinds``). The plan's rules are read once per plan object, in one query."""
        rules = self.__dict__.get("_agency_rules")
        if rules is None:
            if "agency_rules" in getattr(self, "_prefetched_objects_cache", {}):  # several plans: prefetched at once
                rules = {rule.agency_id: rule.obliged for rule in self.agency_rules.all()}
            else:
                rules = dict(self.agency_rules.values_list("agency_id", "obliged"))
            self.__dict__["_agency_rules"] = rules
        if agency.pk in rules:
            return rules[agency.pk]
        return agency.kind in (self.obliged_kinds or ())

    def report_due_date(self, year):
        """The yearly report's due date for ``year`` (seed: 15 November)."""
        return datetime.date(year, self.report_due_month, self.report_due_day)


class SectionManager(models.Manager):
    def get_by_natural_key(self, code, plan_code):
        return self.get(code=code, plan__code=plan_code)

    def outline(self, plan, tasks=None):
        """The plan's sections as a tree, each with ``subsections`` and ``task_list``, in two queries
        (plus the prefetches of ``tasks``): top-level sections are returned in order."""
        sections = list(self.filter(plan=plan).order_by("order"))
        by_id = {s.pk: s for s in sections}
        for s in sections:
            s.subsections = []
            s.task_list = []
        roots = []
        for s in sections:
            (by_id[s.parent_id].subsections if s.parent_id in by_id else roots).append(s)
        task_qs = (tasks if tasks is not None else Task.objects.all()).filter(plan=plan).order_by("order", "number")
        for t in task_qs:
            if t.section_id in by_id:
                by_id[t.section_id].task_list.append(t)
        return roots


class Section(models.Model):
    """A numbered part of the plan: I, II… and their groups 1, 2…; ``code`` is the path ("II.3")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections", verbose_name=_("kế hoạch"))
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("mục cha")
    )
    code = models.CharField(_("mã mục"), max_length=32, help_text=_("Đường dẫn số mục, duy nhất trong kế hoạch: II.3"))
    number = models.CharField(_("số mục"), max_length=16, help_text=_("Như trong văn bản: I, II, 1, 2…"))
    title = models.TextField(_("tiêu đề"))
    text = models.TextField(_("nội dung"), blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    history = HistoricalRecords()
    objects = SectionManager()

    class Meta:
        verbose_name = _("mục")
        verbose_name_plural = pgettext_lazy("plural", "mục")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="tasks_section_unique_code_per_plan"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"[:80]

    def natural_key(self):
        return (self.code,) + self.plan.natural_key()

    natural_key.dependencies = ["tasks.plan"]

    def save(self, *args, **kwargs):
        _nfc_fields(self, ["code", "number", "title", "text"])
        super().save(*args, **kwargs)


class TaskQuerySet(models.QuerySet):
    def with_agencies(self):
        """Everything the plan page shows per task, in a fixed number of queries."""
        return self.select_related("section", "plan").prefetch_related(
            models.Prefetch("assignments", queryset=Assignment.objects.select_related("agency", "group"))
        )

    def for_agency(self, agency, role=None):
        """Tasks ``agency`` leads or coordinates (``role``: Assignment.Role, or either when None),
        directly or through a group it belongs to. ``agency``: an Agency or its id; one subquery."""
        direct = Assignment.objects.filter(agency=agency)
        through_groups = Assignment.objects.filter(group__members=agency)
        if role:
            direct, through_groups = direct.filter(role=role), through_groups.filter(role=role)
        # Two IN subqueries rather than one over an OR of both join paths (which PostgreSQL cannot
        # drive by an index: 16-24 ms per query at national scale).
        return self.filter(Q(pk__in=direct.values("task_id")) | Q(pk__in=through_groups.values("task_id")))

    def search(self, text):
        """Accent- and case-insensitive search on number, title and content: every word must occur
        ("truyen thong" finds "truyền thông")."""
        q = Q()
        for word in fold(text).split():
            q &= Q(search_text__contains=word)
        return self.filter(q)

    def by_deadline(self):
        """Nearest due date first; tasks without one after them, in plan order."""
        return self.order_by(F("due_date").asc(nulls_last=True), "-plan__issue_date", "plan_id", "order", "number")

    def in_plan_order(self):
        return self.order_by("-plan__issue_date", "plan_id", "order", "number")


class TaskManager(models.Manager.from_queryset(TaskQuerySet)):
    def get_by_natural_key(self, number, plan_code):
        return self.get(number=number, plan__code=plan_code)


class Task(models.Model):
    class Timeframe(models.TextChoices):
        ONGOING = "ongoing", _("Thường xuyên")
        ANNUAL = "annual", _("Hàng năm")
        ANNUAL_ON_REQUEST = "annual_on_request", _("Hàng năm và đột xuất")
        PERIOD = "period", _("Theo giai đoạn")
        DEADLINE = "deadline", _("Có thời hạn hoàn thành")
        BUDGET_CYCLE = "budget_cycle", _("Theo chu kỳ dự toán ngân sách")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("kế hoạch"))
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("mục"))
    number = models.CharField(_("số"), max_length=16, help_text=_("Ví dụ: 1.1"))
    title = models.TextField(_("nhiệm vụ"))
    content = models.TextField(_("nội dung"), blank=True)
    target_quantity = models.PositiveIntegerField(_("chỉ tiêu số lượng"), null=True, blank=True)
    target_unit = models.CharField(_("đơn vị chỉ tiêu"), max_length=100, blank=True)
    target_per_year = models.BooleanField(_("chỉ tiêu theo năm"), default=False)
    target_text = models.TextField(_("hình thức/số lượng (nguyên văn)"), blank=True)
    timeframe_kind = models.CharField(_("loại thời gian"), max_length=20, choices=Timeframe, default=Timeframe.ONGOING)
    start_date = models.DateField(_("từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    timeframe_text = models.CharField(_("thời gian (nguyên văn)"), max_length=255, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    search_text = models.TextField(editable=False, blank=True, default="")

    history = HistoricalRecords()
    objects = TaskManager()

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = pgettext_lazy("plural", "nhiệm vụ")
        ordering = ["plan", "order", "number"]
        permissions = [("import_task", _("Nhập nhiệm vụ từ tệp")), ("export_task", _("Xuất nhiệm vụ ra tệp"))]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="tasks_task_unique_number_per_plan"),
            models.CheckConstraint(
                condition=~Q(timeframe_kind="deadline") | Q(due_date__isnull=False),
                name="tasks_task_deadline_has_due_date",
            ),
            models.CheckConstraint(
                condition=~Q(timeframe_kind="period") | Q(start_date__isnull=False, end_date__isnull=False),
                name="tasks_task_period_has_dates",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"[:80]

    def natural_key(self):
        return (self.number,) + self.plan.natural_key()

    natural_key.dependencies = ["tasks.plan", "tasks.section"]

    def get_absolute_url(self):
        return reverse("portal:plan-detail", args=[self.plan_id]) + f"#task-{self.number}"

    def prepare(self):
        """Fill what a save stores besides the fields as given: NFC text, the plan from the section, the
        search text. save() calls it; bulk writes (the import) call it themselves."""
        _nfc_fields(self, ["number", "title", "content", "target_unit", "target_text", "timeframe_text"])
        if self.section_id and not self.plan_id:
            self.plan_id = self.section.plan_id
        self.search_text = fold(" ".join([self.number, self.title, self.content]))

    def save(self, *args, **kwargs):
        self.prepare()
        super().save(*args, **kwargs)

    @property
    def leads(self):
        """Lead assignments, from the prefetched ``assignments`` when present."""
        return [a for a in self.assignments.all() if a.role == Assignment.Role.LEAD]

    @property
    def coordinators(self):
        return [a for a in self.assignments.all() if a.role == Assignment.Role.COORDINATOR]

    def is_active_in_year(self, year):
        """Whether the task asks for work (and a report line) in ``year``."""
        if not self.plan.runs_in(year):
            return False
        if self.timeframe_kind == self.Timeframe.PERIOD:
            return self.start_date.year <= year <= self.end_date.year
        if self.timeframe_kind == self.Timeframe.DEADLINE:
            return year <= self.due_date.year
        return True


class AssignmentManager(models.Manager):
    def get_by_natural_key(self, role, agency_code, group_code, related_text, task_number, plan_code):
        return self.get(
            task__number=task_number, task__plan__code=plan_code, role=role,
            agency__code=agency_code or None, group__code=group_code or None, related_text=related_text,
        )


class Assignment(models.Model):
    """Who does a task: one agency, one group of agencies, or unspecified "related agencies" as text."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Chủ trì")
        COORDINATOR = "coordinator", _("Phối hợp")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("nhiệm vụ"))
    role = models.CharField(_("vai trò"), max_length=20, choices=Role)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="assignments", verbose_name=_("cơ quan")
    )
    group = models.ForeignKey(
        AgencyGroup, on_delete=models.PROTECT, null=True, blank=True, related_name="assignments",
        verbose_name=_("nhóm cơ quan"),
    )
    related_text = models.CharField(
        _("cơ quan liên quan (không xác định)"), max_length=255, blank=True,
        help_text=_("Ví dụ: “các cơ quan, đơn vị có liên quan” — lưu nguyên văn, không gán cho ai."),
    )
    note = models.CharField(
        _("ghi chú"), max_length=255, blank=True, help_text=_("Nguyên văn hoặc phạm vi, ví dụ “có liên quan”.")
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    history = HistoricalRecords()
    objects = AssignmentManager()

    class Meta:
        verbose_name = _("phân công")
        verbose_name_plural = pgettext_lazy("plural", "phân công")
        ordering = ["task", "role", "order", "pk"]
        permissions = [
            ("import_assignment", _("Nhập phân công từ tệp")),
            ("export_assignment", _("Xuất phân công ra tệp")),
        ]
        constraints = [
            # Exactly one of: an agency, a group, a free text.
            models.CheckConstraint(
                condition=(
                    Q(agency__isnull=False, group__isnull=True, related_text="")
                    | Q(agency__isnull=True, group__isnull=False, related_text="")
                    | (Q(agency__isnull=True, group__isnull=True) & ~Q(related_text=""))
                ),
                name="tasks_assignment_exactly_one_assignee",
            ),
            models.UniqueConstraint(
                fields=["task", "role", "agency"], condition=Q(agency__isnull=False),
                name="tasks_assignment_unique_agency",
            ),
            models.UniqueConstraint(
                fields=["task", "role", "group"], condition=Q(group__isnull=False),
                name="tasks_assignment_unique_group",
            ),
            models.UniqueConstraint(
                fields=["task", "role", "related_text"], condition=~Q(related_text=""),
                name="tasks_assignment_unique_text",
            ),
        ]

    def __str__(self):
        return f"{self.task.number} · {self.get_role_display()} · {self.assignee_name}"

    @property
    def is_lead(self):
        return self.role == self.Role.LEAD

    @property
    def assignee_name(self):
        if self.agency_id:
            return self.agency.name
        if self.group_id:
            return self.group.name
        return self.related_text

    def natural_key(self):
        return (
            self.role,
            self.agency.code if self.agency_id else "",
            self.group.code if self.group_id else "",
            self.related_text,
        ) + self.task.natural_key()

    natural_key.dependencies = ["tasks.task", "agencies.agency", "agencies.agencygroup"]

    def prepare(self):
        """NFC text, as a save stores it (see Task.prepare)."""
        _nfc_fields(self, ["related_text", "note"])

    def save(self, *args, **kwargs):
        self.prepare()
        super().save(*args, **kwargs)


class ResponsibilityManager(models.Manager):
    def get_by_natural_key(self, number, plan_code):
        return self.get(number=number, plan__code=plan_code)


class Responsibility(models.Model):
    """A paragraph of section IV ("Tổ chức thực hiện"): an agency's or group's standing duties."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="responsibilities", verbose_name=_("kế hoạch"))
    number = models.CharField(_("số"), max_length=16)
    heading = models.CharField(_("tiêu đề như trong văn bản"), max_length=255)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="responsibilities", verbose_name=_("cơ quan"))
    groups = models.ManyToManyField(AgencyGroup, blank=True, related_name="responsibilities", verbose_name=_("nhóm cơ quan"))
    text = models.TextField(_("nội dung"))
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    history = HistoricalRecords(m2m_fields=[agencies, groups])
    objects = ResponsibilityManager()

    class Meta:
        verbose_name = _("trách nhiệm tổ chức thực hiện")
        verbose_name_plural = pgettext_lazy("plural", "trách nhiệm tổ chức thực hiện")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="tasks_responsibility_unique_number_per_plan"),
        ]

    def __str__(self):
        return f"{self.number}. {self.heading}"[:80]

    def natural_key(self):
        return (self.number,) + self.plan.natural_key()

    natural_key.dependencies = ["tasks.plan", "agencies.agency", "agencies.agencygroup"]

    def save(self, *args, **kwargs):
        _nfc_fields(self, ["number", "heading", "text"])
        super().save(*args, **kwargs)


class PlanAgencyRule(models.Model):
    """A plan's word for one body, over its kind (``Plan.obliges``, ``obliged_kinds``): obliged, or only invited,
    to report on the plan whatever kind of body it is."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="agency_rules", verbose_name=_("kế hoạch"))
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="plan_rules", verbose_name=_("cơ quan"))
    obliged = models.BooleanField(
        _("phải báo cáo"), default=True,
        help_text=_("Đánh dấu: cơ quan phải báo cáo dù thuộc loại được mời; bỏ dấu: chỉ được mời báo cáo dù thuộc "
                    "loại phải báo cáo."))
    reason = models.CharField(_("lý do"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quy định riêng cho cơ quan")
        verbose_name_plural = pgettext_lazy("plural", "quy định riêng cho cơ quan")
        constraints = [models.UniqueConstraint(fields=["plan", "agency"], name="tasks_one_rule_per_plan_agency")]

    def __str__(self):
        return f"{self.agency} · {self.plan}"


class TaskRouting(models.Model):
    """Which successor takes ``task`` when the bodies of ``change`` (``agencies.AgencyChange``) cease: a split routes
    each task it names to one successor, the rest to the change's default successor (``agencies.succession``)."""

    change = models.ForeignKey("agencies.AgencyChange", on_delete=models.CASCADE, related_name="routings",
                               verbose_name=_("thay đổi tổ chức"))
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="routings", verbose_name=_("nhiệm vụ"))
    successor = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="routed_tasks",
                                  verbose_name=_("cơ quan nhận nhiệm vụ"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chuyển giao nhiệm vụ")
        verbose_name_plural = pgettext_lazy("plural", "chuyển giao nhiệm vụ")
        constraints = [models.UniqueConstraint(fields=["change", "task"], name="tasks_one_routing_per_change_task")]

    def __str__(self):
        return f"{self.task} → {self.successor}"

    @classmethod
    def as_map(cls):
        """{(change id, task id): successor id} of every routing: one query."""
        return {(c, t): s for c, t, s in cls.objects.values_list("change_id", "task_id", "successor_id")}
