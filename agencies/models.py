from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from plan_tracker.collation import MAX_LENGTH as SORT_KEY_LENGTH
from plan_tracker.collation import vi_sort_key
from plan_tracker.text import fold, nfc


def active_in_year_q(year, prefix=""):
    """SQL form of ``Agency.is_active_in_year``: the agency's validity overlaps the calendar year ``year``.
    ``prefix`` reaches the agency from another model (``"agency__"``)."""
    return (
        (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__year__lte": year}))
        & (Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__year__gte": year}))
    )


def exists_on_due_q(year, month, day, prefix=""):
    """SQL form of ``agency.is_active_on(plan.report_due_date(year))``: the agency exists on the day ``day`` of the
    month ``month`` of ``year`` -- a plan's due date for the year, where ``month`` and ``day`` may be expressions
    (``OuterRef("plan__report_due_month")``: the due day of each row's plan). (year, month, day) tuples are compared
    field by field, so it reads the same on SQLite and PostgreSQL. Who answers for a plan's year is judged on that
    day, not by the calendar year: a district that ended on 30/6/2025 does not answer for 2025 (due 15/11/2025)."""
    f, t = f"{prefix}valid_from", f"{prefix}valid_to"
    started = (Q(**{f"{f}__isnull": True}) | Q(**{f"{f}__year__lt": year})
               | Q(**{f"{f}__year": year, f"{f}__month__lt": month})
               | Q(**{f"{f}__year": year, f"{f}__month": month, f"{f}__day__lte": day}))
    not_ended = (Q(**{f"{t}__isnull": True}) | Q(**{f"{t}__year__gt": year})
                 | Q(**{f"{t}__year": year, f"{t}__month__gt": month})
                 | Q(**{f"{t}__year": year, f"{t}__month": month, f"{t}__day__gte": day}))
    return started & not_ended


def active_on_q(on, prefix=""):
    """SQL form of ``Agency.is_active_on``: the agency exists on the date ``on`` (valid_from <= on <= valid_to,
    either end open). ``prefix`` reaches the agency from another model (``"agency__"``)."""
    return (
        (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": on}))
        & (Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on}))
    )


class AgencyQuerySet(models.QuerySet):
    def active_on(self, on):
        """Agencies that exist on the date ``on``."""
        return self.filter(active_on_q(on))

    def active_in_year(self, year):
        """Agencies whose validity overlaps the calendar year ``year``."""
        return self.filter(active_in_year_q(year))

    def search(self, text):
        """Accent- and case-insensitive search on code, names ("so tu phap" finds "Sở Tư pháp")."""
        q = Q()
        for word in fold(text).split():
            q &= Q(search_text__contains=word)
        return self.filter(q)

    def vietnamese_order(self):
        """Ordered by name the Vietnamese way (Anh < Ân < Dũng < Đặng < Ơn), the same on SQLite and
        PostgreSQL: through the stored ``sort_key`` (see plan_tracker.collation)."""
        return self.order_by("sort_key", "code")


class AgencyManager(models.Manager.from_queryset(AgencyQuerySet)):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Agency(models.Model):
    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Sở, ban, ngành")
        DISTRICT = "district", _("UBND cấp huyện")
        COMMUNE = "commune", _("UBND cấp xã")
        PRESS = "press", _("Cơ quan báo chí")
        PARTY = "party", _("Cơ quan Đảng, đoàn thể")
        POLICE = "police", _("Công an")
        OFFICE = "office", _("Văn phòng")
        MINISTRY = "ministry", _("Bộ, ngành trung ương")
        PROVINCE = "province", _("Chính quyền cấp tỉnh")
        OTHER = "other", _("Khác")

    code = models.SlugField(_("mã"), max_length=64, unique=True, help_text=_("Mã ổn định, không đổi khi đổi tên."))
    name = models.CharField(_("tên đầy đủ"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind, default=Kind.OTHER)
    valid_from = models.DateField(_("hoạt động từ"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="predecessors", verbose_name=_("cơ quan kế thừa")
    )
    head_email = models.EmailField(_("email thủ trưởng"), blank=True)
    # Other names plans use for the agency ("Sở TT&TT", "UBND tỉnh"): one a line; the plan import matches them.
    aliases = models.TextField(
        _("tên gọi khác"), blank=True,
        help_text=_("Mỗi dòng một tên viết tắt hoặc tên gọi khác mà văn bản hay dùng, ví dụ “Sở TT&TT”."),
    )
    # Accent-free, lower-case copy of code and names, kept on save: works on SQLite and PostgreSQL.
    search_text = models.TextField(editable=False, blank=True, default="")
    # The name's Vietnamese sort key, kept on save: ORDER BY it sorts the Vietnamese way on any database.
    # Indexed for the agency list and the agency choices of the task filters (ORDER BY sort_key).
    sort_key = models.CharField(editable=False, max_length=SORT_KEY_LENGTH, blank=True, default="", db_index=True)

    history = HistoricalRecords(m2m_fields=[successors])
    objects = AgencyManager()

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "cơ quan, đơn vị")
        ordering = ["sort_key", "code"]  # the Vietnamese order everywhere (admin, choices, lists)
        permissions = [("import_agency", _("Nhập cơ quan từ tệp")), ("export_agency", _("Xuất cơ quan ra tệp"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="agencies_agency_valid_dates_ordered",
            ),
        ]

    def __str__(self):
        return self.short_name or self.name

    def natural_key(self):
        return (self.code,)

    @classmethod
    def from_db(cls, db, field_names, values):
        agency = super().from_db(db, field_names, values)
        from .naming import rename_loaded

        rename_loaded(agency)  # the name in force on the date the page is about (agencies.naming)
        return agency

    def save(self, *args, **kwargs):
        if getattr(self, "_named_on", None) is not None:
            raise RuntimeError("This agency carries its name of a past date (agencies.naming): fetch it again to save.")
        self.name = nfc(self.name)
        self.short_name = nfc(self.short_name)
        self.aliases = "\n".join(line for line in (nfc(a) for a in (self.aliases or "").splitlines()) if line)
        self.search_text = fold(" ".join([self.code, self.name, self.short_name, *self.alias_list]))
        self.sort_key = vi_sort_key(self.name)
        super().save(*args, **kwargs)

    @property
    def alias_list(self):
        return [a.strip() for a in (self.aliases or "").splitlines() if a.strip()]

    def is_active_on(self, on):
        """Whether the agency exists on the date ``on`` (SQL form: ``active_on_q``). Who must report for a plan's
        year is judged on the year's due date (``reports.services.obligations``)."""
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or self.valid_to >= on)

    def name_on(self, on):
        """(name, short name) in force on the date ``on``: the name before a later rename (``AgencyName``), else
        the current one. Reads the prefetched ``former_names`` when there."""
        for former in sorted(self.former_names.all(), key=lambda n: n.used_until):
            if on is not None and on <= former.used_until:
                return former.name, former.short_name
        return getattr(self, "_stored_names", None) or (self.name, self.short_name)

    def is_active_in_year(self, year):
        """Whether the agency exists during the calendar year ``year`` (SQL form: ``active_in_year_q``)."""
        return (self.valid_from is None or self.valid_from.year <= year) and (
            self.valid_to is None or self.valid_to.year >= year
        )


class AgencyGroupManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class AgencyGroup(models.Model):
    """A group the plans name as one ("Các sở, ban, ngành"): every member answers for its own scope."""

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên như trong kế hoạch"), max_length=255)
    description = models.TextField(_("mô tả"), blank=True)
    members = models.ManyToManyField(Agency, blank=True, related_name="groups", verbose_name=_("thành viên"))
    valid_from = models.DateField(_("áp dụng từ"), null=True, blank=True)
    valid_to = models.DateField(_("áp dụng đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="predecessors",
        verbose_name=_("nhóm kế thừa"),
        help_text=_("Sau ngày kết thúc, nhiệm vụ giao cho nhóm này do các thành viên của nhóm kế thừa thực hiện "
                    "(ví dụ: “UBND các huyện, thành phố” → “UBND các xã, phường” từ 1/7/2025)."),
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    history = HistoricalRecords(m2m_fields=[members])
    objects = AgencyGroupManager()

    class Meta:
        verbose_name = _("nhóm cơ quan")
        verbose_name_plural = pgettext_lazy("plural", "nhóm cơ quan")
        ordering = ["name"]
        permissions = [
            ("import_agencygroup", _("Nhập nhóm cơ quan từ tệp")),
            ("export_agencygroup", _("Xuất nhóm cơ quan ra tệp")),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.description = nfc(self.description)
        self.search_text = fold(" ".join([self.code, self.name]))
        super().save(*args, **kwargs)

    def in_force_on(self, on, groups=None):
        """The group that answers for this one on the date ``on``: itself while in force, its successor group once
        it has ended (chains followed), None when none is (not yet in force, or ended with no successor).
        ``groups``: {id: group} already loaded to follow successors in (``GroupMembers``); else read as needed.
        The one definition used by ``GroupMembers`` (obligations) and ``agencies.succession.apply_change``."""
        group, seen = self, set()
        while group is not None and group.pk not in seen:  # any length; a cycle (a data error) answers nobody
            seen.add(group.pk)
            if group.valid_from is not None and group.valid_from > on:
                return None
            if group.valid_to is None or group.valid_to >= on:
                return group
            if group.successor_id is None:
                return None
            group = groups.get(group.successor_id) if groups is not None else group.successor
        return None


class GroupMembers:
    """Who answers for a group on a date: a group that has ended by then is replaced by its successor group (chains
    followed), one not yet in force has nobody; a member whose membership is dated (``GroupMemberPeriod``) counts
    only within its dates. Members that have themselves ceased are kept: who stands for them is
    ``agencies.succession``'s to say. ``load`` reads the groups, their dated memberships and their members in three
    queries whatever the size; ``on`` answers in Python, for any number of dates. Members in the Vietnamese order."""

    def __init__(self, groups, periods, members):
        self._groups, self._periods, self._members = groups, periods, members

    @classmethod
    def load(cls, group_ids):
        if not group_ids:
            return cls({}, {}, {})
        groups = {g.pk: g for g in AgencyGroup.objects.only("pk", "valid_from", "valid_to", "successor_id")}
        reach, todo = set(), list(group_ids)
        while todo:
            gid = todo.pop()
            if gid in reach or gid not in groups:
                continue
            reach.add(gid)
            if groups[gid].successor_id:
                todo.append(groups[gid].successor_id)
        periods = {(p.group_id, p.agency_id): p for p in GroupMemberPeriod.objects.filter(group_id__in=reach)}
        members = {}
        rows = (AgencyGroup.members.through.objects.filter(agencygroup_id__in=reach).select_related("agency")
                .order_by("agency__sort_key", "agency__code"))
        for row in rows:
            members.setdefault(row.agencygroup_id, []).append(row.agency)
        return cls(groups, periods, members)

    def in_force(self, group_id, on):
        """The id of the group that answers for ``group_id`` on ``on`` (itself, or its successor), or None
        (``AgencyGroup.in_force_on``, over the groups loaded)."""
        group = self._groups.get(group_id)
        found = group.in_force_on(on, self._groups) if group is not None else None
        return None if found is None else found.pk

    def on(self, group_id, on):
        """[agency, ...] that answer for the group ``group_id`` on the date ``on``."""
        target = self.in_force(group_id, on)
        if target is None:
            return []
        result = []
        for agency in self._members.get(target, ()):
            period = self._periods.get((target, agency.pk))
            if period is None or period.covers(on):
                result.append(agency)
        return result


class GroupMemberPeriod(models.Model):
    """The dates of a body's membership in a group (a member of ``AgencyGroup.members``): outside them it does not
    answer for the group's tasks (``GroupMembers``). A member with no period row is a member while it exists."""

    group = models.ForeignKey(AgencyGroup, on_delete=models.CASCADE, related_name="member_periods",
                              verbose_name=_("nhóm"))
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="group_periods",
                               verbose_name=_("cơ quan"))
    valid_from = models.DateField(_("là thành viên từ"), null=True, blank=True)
    valid_to = models.DateField(_("là thành viên đến"), null=True, blank=True)
    note = models.CharField(_("ghi chú, văn bản"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thời hạn thành viên nhóm")
        verbose_name_plural = pgettext_lazy("plural", "thời hạn thành viên nhóm")
        constraints = [
            models.UniqueConstraint(fields=["group", "agency"], name="agencies_one_period_per_group_member"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="agencies_groupmemberperiod_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.agency} · {self.group}"

    def covers(self, on):
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or self.valid_to >= on)


class Membership(models.Model):
    """A user's role in one agency. Admins are Django staff and need no membership."""

    class Role(models.TextChoices):
        OFFICER = "officer", _("Cán bộ đơn vị")
        COORDINATOR = "coordinator", _("Cán bộ đầu mối tổng hợp")
        VIEWER = "viewer", _("Lãnh đạo / người xem")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("người dùng"))
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("cơ quan"))
    role = models.CharField(_("vai trò"), max_length=20, choices=Role, default=Role.OFFICER)
    # The person's work phone as this agency's contact: the coordinator's list of agencies still to chase shows it.
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True,
                             help_text=_("Số điện thoại liên hệ công việc, ví dụ 0204 3854 123."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành viên cơ quan")
        verbose_name_plural = pgettext_lazy("plural", "thành viên cơ quan")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency"], name="agencies_one_membership_per_user_agency"),
        ]

    def __str__(self):
        return f"{self.user} · {self.agency} · {self.get_role_display()}"


class AgencyName(models.Model):
    """A name an agency bore until a rename (``AgencyChange`` of kind rename): reports, pages and exports of a
    date up to ``used_until`` show it (``Agency.name_on``)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="former_names", verbose_name=_("cơ quan"))
    name = models.CharField(_("tên đầy đủ"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    used_until = models.DateField(_("dùng đến ngày"))
    change = models.ForeignKey("AgencyChange", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="former_names", verbose_name=_("thay đổi"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tên cũ của cơ quan")
        verbose_name_plural = pgettext_lazy("plural", "tên cũ của cơ quan")
        ordering = ["agency", "used_until"]

    def __str__(self):
        return f"{self.name} (→ {self.used_until:%d/%m/%Y})"


class AgencyChangeManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class AgencyChange(models.Model):
    """A dated change of the agencies, made by a legal act: created, renamed, merged, split or dissolved. Applied
    (``agencies.succession.apply_change``), it ends the predecessors the day before ``effective_date``, starts the
    successors on it and records ``Agency.successors``. Which successor takes which task of a split body is routed
    task by task (``tasks.TaskRouting``); the rest goes to ``default_successor`` (or, with none, to every successor)."""

    class Kind(models.TextChoices):
        CREATE = "create", _("Thành lập")
        RENAME = "rename", _("Đổi tên")
        MERGE = "merge", _("Hợp nhất, sáp nhập")
        SPLIT = "split", _("Chia tách, chuyển giao chức năng")
        DISSOLVE = "dissolve", _("Giải thể, kết thúc hoạt động")

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    kind = models.CharField(_("loại thay đổi"), max_length=20, choices=Kind)
    effective_date = models.DateField(_("có hiệu lực từ"))
    act_number = models.CharField(_("số, ký hiệu văn bản"), max_length=100, blank=True)
    act_date = models.DateField(_("ngày ban hành văn bản"), null=True, blank=True)
    act_title = models.CharField(_("trích yếu văn bản"), max_length=500, blank=True)
    note = models.TextField(_("ghi chú, nguồn"), blank=True)
    predecessors = models.ManyToManyField(Agency, blank=True, related_name="changes_ending",
                                          verbose_name=_("cơ quan trước thay đổi"))
    successors = models.ManyToManyField(Agency, blank=True, related_name="changes_starting",
                                        verbose_name=_("cơ quan kế thừa"))
    default_successor = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True,
                                          related_name="+", verbose_name=_("cơ quan nhận phần còn lại"))
    new_name = models.CharField(_("tên mới (đổi tên)"), max_length=255, blank=True)
    new_short_name = models.CharField(_("tên viết tắt mới"), max_length=100, blank=True)
    applied_at = models.DateTimeField(_("đã áp dụng lúc"), null=True, blank=True, editable=False)

    history = HistoricalRecords(m2m_fields=[predecessors, successors])
    objects = AgencyChangeManager()

    class Meta:
        verbose_name = _("thay đổi tổ chức")
        verbose_name_plural = pgettext_lazy("plural", "thay đổi tổ chức")
        ordering = ["effective_date", "code"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.effective_date:%d/%m/%Y} ({self.act_number or self.code})"

    def natural_key(self):
        return (self.code,)
