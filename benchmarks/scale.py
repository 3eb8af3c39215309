"""Realistic data at a given scale, for benchmarks and load tests.

A *scale* is a set of provinces shaped like one province after the 2025 reorganisation: ~22
departments, ~100 communes and wards, a few press and other agencies, four agency groups, plans of
30–50 tasks assigned to agencies and groups, and several years of reports spread across on time,
late, returned, draft and missing. ``national`` is 34 such provinces (~5,000 agencies, 200 plans,
~10,000 tasks, five years, ~500,000 task report lines); ``deadline`` is one plan whose current year
is open for 500 agencies, each with an officer, for the deadline-day load test.

Everything is written with ``bulk_create`` in batches, so the model's ``save()`` and simple-history's
signals do not run: the computed columns that ``save()`` fills (NFC text, ``search_text``, ``sort_key``) are filled
here, and the benchmark data has **no history rows** (the history of real changes still works, and
the load test's saves and submits record theirs). Every code and username starts with the scale's
name, so one database can hold several scales and ``remove_scale`` deletes exactly one.

The same ``seed`` gives the same data (for a given ``today``).
"""

import datetime
import random
import zoneinfo
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import models, transaction

from agencies.models import Agency, AgencyGroup, Membership
from plan_tracker import cache
from plan_tracker.collation import vi_sort_key
from plan_tracker.text import fold, nfc
from reports import completion
from reports.models import (
    AgencyReport,
    Evidence,
    Indicator,
    IndicatorValue,
    ReportEvent,
    ReportingYear,
    TaskReport,
)
from tasks.models import Assignment, Plan, Responsibility, Section, Task

BATCH = 5000


@dataclass(frozen=True)
class Scale:
    name: str
    provinces: int
    departments: int  # per province
    communes: int  # per province
    press: int  # per province
    others: int  # per province: the provincial People's Committee, its office, police, party… (≤ 5)
    plans: int  # in all, spread over the provinces
    tasks_per_plan: int  # on average: each plan has tasks_per_plan ± tasks_spread
    years: int  # reporting years, ending with the current one
    description: str = ""
    tasks_spread: int = 0
    # Province 1's own shape, when it differs from the others': (departments, communes, press, others,
    # plans, tasks per plan). The benchmark asks its pages about province 1, so giving it the province
    # scale's shape at national scale compares the same page content against a larger database.
    first_province: tuple | None = None
    # deadline-day data: only the current year, every report an untouched draft, one officer per agency
    deadline: bool = False
    coordinators: int = 1


SCALES = {
    "tiny": Scale("tiny", provinces=1, departments=4, communes=8, press=1, others=2, plans=2, tasks_per_plan=8,
                  years=2, description="a few dozen rows, for the test suite"),
    "province": Scale("province", provinces=1, departments=22, communes=99, press=5, others=4, plans=5,
                      tasks_per_plan=30, years=3, description="~130 agencies, 5 plans, ~150 tasks, 3 years"),
    "national": Scale("national", provinces=34, departments=22, communes=115, press=5, others=5, plans=200,
                      tasks_per_plan=50, tasks_spread=20, years=5, first_province=(22, 99, 5, 4, 5, 30),
                      description="~5,000 agencies, 200 plans, ~10,000 tasks, 5 years, ~500,000 lines; "
                                  "province 1 shaped like the province scale"),
    "deadline": Scale("deadline", provinces=1, departments=40, communes=445, press=15, others=0, plans=1,
                      tasks_per_plan=24, years=1, deadline=True, coordinators=20,
                      description="500 agencies with an untouched current-year report and an officer each"),
}

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")

PROVINCES = [
    "Bắc Ninh", "Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Cần Thơ", "Thành phố Hồ Chí Minh", "Lai Châu",
    "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng",
    "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi",
    "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp",
    "Cà Mau", "An Giang",
]
DEPARTMENTS = [
    "Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Giáo dục và Đào tạo", "Sở Y tế",
    "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh", "Ban Quản lý các khu công nghiệp",
    "Bộ Chỉ huy Quân sự tỉnh", "Bảo hiểm xã hội tỉnh", "Thuế tỉnh", "Kho bạc Nhà nước khu vực",
    "Thống kê tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh", "Trung tâm Phục vụ hành chính công tỉnh",
    "Liên minh Hợp tác xã tỉnh",
]
PRESS = ["Báo và Phát thanh, Truyền hình", "Tạp chí Văn nghệ", "Trung tâm Thông tin tỉnh", "Hội Nhà báo tỉnh",
         "Cổng Thông tin điện tử tỉnh"]
# (kind, name): the first ``others`` are created.
OTHERS = [
    (Agency.Kind.PROVINCE, "Ủy ban nhân dân tỉnh"), (Agency.Kind.OFFICE, "Văn phòng UBND tỉnh"),
    (Agency.Kind.POLICE, "Công an tỉnh"), (Agency.Kind.PARTY, "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    (Agency.Kind.OTHER, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
]
PLACE_SYLLABLES = [
    "Tân", "Hòa", "An", "Phú", "Đông", "Tây", "Nam", "Bắc", "Xuân", "Thanh", "Quang", "Minh", "Hưng", "Đức",
    "Phúc", "Vĩnh", "Long", "Bình", "Thái", "Hợp", "Trung", "Yên", "Hồng", "Kim", "Lạc", "Sơn", "Hải", "Việt",
]
THEMES = [
    "truyền thông chính sách", "chuyển đổi số", "cải cách hành chính", "phổ biến, giáo dục pháp luật",
    "phát triển du lịch", "bảo vệ môi trường", "phòng, chống thiên tai", "xây dựng nông thôn mới",
    "phát triển kinh tế số", "bảo đảm an toàn thông tin mạng", "bình đẳng giới", "phòng, chống ma túy",
]
TASK_TITLES = [
    "Tổ chức hội nghị phổ biến, quán triệt nâng cao nhận thức về {theme}",
    "Tuyên truyền, phổ biến nội dung về {theme} trên báo chí, cổng thông tin điện tử và mạng xã hội",
    "Rà soát, đề xuất hoàn thiện các văn bản quy phạm pháp luật về {theme}",
    "Kiểm tra, đánh giá, tổng hợp tình hình thực hiện {theme} tại các cơ quan, đơn vị",
    "Xây dựng kế hoạch và dự toán kinh phí thực hiện {theme} hằng năm",
    "Bồi dưỡng, tập huấn nâng cao năng lực cho đội ngũ cán bộ làm công tác {theme}",
    "Ứng dụng công nghệ thông tin trong quản lý, theo dõi {theme}",
    "Hướng dẫn các cơ quan, đơn vị xây dựng kế hoạch hằng năm về {theme}",
    "Sơ kết, tổng kết, khen thưởng tập thể, cá nhân có thành tích trong {theme}",
    "Xây dựng chuyên trang, chuyên mục về {theme} trên cổng thông tin điện tử",
    "Phối hợp cung cấp thông tin cho báo chí về {theme}",
    "Bố trí cán bộ phụ trách (hoặc kiêm nhiệm) công tác {theme} ở từng cơ quan, đơn vị",
    "Thanh tra, kiểm tra việc chấp hành quy định về {theme}",
    "Tổ chức đối thoại, lấy ý kiến người dân, doanh nghiệp về {theme}",
    "Huy động nguồn lực xã hội hóa để thực hiện {theme}",
    "Theo dõi, đôn đốc và báo cáo kết quả thực hiện {theme}",
]
SUBSECTION_TITLES = [
    "Nâng cao nhận thức", "Hoàn thiện thể chế, chính sách", "Tăng cường kiểm tra, giám sát",
    "Đổi mới phương thức thực hiện", "Bảo đảm nguồn lực", "Nâng cao năng lực đội ngũ", "Ứng dụng công nghệ",
    "Phối hợp giữa các cơ quan",
]
TARGETS = [(1, "hội nghị"), (2, "lớp tập huấn"), (4, "cuộc kiểm tra"), (12, "chuyên mục"), (50, "tin, bài")]
INDICATORS = [
    ("tin-bai", "Tin, bài đã đăng, phát", "tin, bài"), ("hoi-nghi", "Hội nghị, hội thảo đã tổ chức", "cuộc"),
    ("lop-tap-huan", "Lớp bồi dưỡng, tập huấn", "lớp"), ("hoc-vien", "Người tham gia bồi dưỡng, tập huấn", "người"),
    ("van-ban", "Văn bản chỉ đạo, hướng dẫn đã ban hành", "văn bản"), ("kinh-phi", "Kinh phí đã chi", "đồng"),
]
ACHIEVEMENTS = [
    "Đã tổ chức {n} hội nghị, thu hút {m} lượt người tham dự.",
    "Đăng tải {m} tin, bài trên cổng thông tin điện tử và trang mạng xã hội của đơn vị.",
    "Ban hành {n} văn bản hướng dẫn, đôn đốc các phòng, đơn vị trực thuộc triển khai.",
    "Phối hợp với cơ quan chủ trì thực hiện theo đề nghị; cử {n} cán bộ tham gia.",
    "Hoàn thành rà soát, gửi báo cáo kết quả về cơ quan chủ trì đúng thời hạn.",
    "Lồng ghép nội dung vào {n} hội nghị giao ban, sinh hoạt chuyên đề của cơ quan.",
]
NO_REPORT_REASONS = ["Trong năm không phát sinh nhiệm vụ thuộc phạm vi của đơn vị.",
                     "Cơ quan chủ trì chưa đề nghị phối hợp."]
ASSESSMENTS = [
    "Đơn vị đã triển khai cơ bản đầy đủ các nhiệm vụ được giao, bảo đảm tiến độ.",
    "Các nhiệm vụ thường xuyên được duy trì; một số nhiệm vụ có thời hạn còn chậm so với kế hoạch.",
    "Kết quả thực hiện đạt yêu cầu; công tác phối hợp với các cơ quan liên quan được tăng cường.",
]
DIFFICULTIES = ["", "Kinh phí còn hạn chế; cán bộ phụ trách chủ yếu kiêm nhiệm.",
                "Chưa có hướng dẫn cụ thể về định mức chi cho một số nội dung."]
PROPOSALS = ["", "Đề nghị bố trí kinh phí riêng cho nhiệm vụ này trong dự toán năm sau.",
             "Đề nghị tổ chức tập huấn chuyên sâu cho cán bộ cấp xã."]


def scale_prefix(name):
    return f"{name}-"


def plan_code(scale_name, province, n):
    """The code of a plan: the benchmark pages use plan 1 of province 1 at every scale."""
    return f"{scale_name}-t{province:02d}-kh-{n:02d}"


def agency_code(scale_name, province, kind, n):
    return f"{scale_name}-t{province:02d}-{kind}-{n:03d}"


def group_code(scale_name, province, key):
    """``key``: "departments", "communes" or "press"."""
    return f"{scale_name}-t{province:02d}-nhom-{key}"


def is_present(scale_name):
    return Plan.objects.filter(code__startswith=scale_prefix(scale_name)).exists() or Agency.objects.filter(
        code__startswith=scale_prefix(scale_name)
    ).exists()


def bulk(model, objs, batch_size=BATCH):
    """bulk_create in batches; returns the objects (with primary keys on PostgreSQL and SQLite)."""
    out = []
    for i in range(0, len(objs), batch_size):
        out.extend(model.objects.bulk_create(objs[i:i + batch_size]))
    return out


def _local(date, hour=9, minute=0):
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=TZ)


@dataclass
class _Province:
    n: int
    name: str
    departments: list = field(default_factory=list)
    communes: list = field(default_factory=list)
    press: list = field(default_factory=list)
    others: list = field(default_factory=list)
    groups: dict = field(default_factory=dict)  # "departments" / "communes" / "press" -> AgencyGroup


class Generator:
    """Builds one scale. ``counts`` holds what was (or would be) written, by model."""

    def __init__(self, scale, seed=1, today=None, password=None, stdout=None):
        self.scale = scale
        self.seed = seed
        self.rng = self._rng("start")
        self.today = today or datetime.date.today()
        self.current_year = self.today.year
        self.years = list(range(self.current_year - scale.years + 1, self.current_year + 1))
        self.password = password
        self.stdout = stdout
        self.counts = {}
        self.provinces = []
        self.group_members = {}  # group code -> [agencies]
        self.coordinator = None

    # -- helpers -------------------------------------------------------------------------------

    def _rng(self, *parts):
        """A random stream for one part of the data (a province's agencies, a plan's tasks, a plan-year's
        reports), seeded by the seed and the part only, not the scale: province 1 comes out the same at
        every scale of the same shape, and one part never shifts another's draws."""
        self.rng = random.Random(":".join(str(p) for p in (self.seed, *parts)))
        return self.rng

    def _say(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def _count(self, label, n):
        self.counts[label] = self.counts.get(label, 0) + n

    def _write(self, model, objs, label=None):
        self._count(label or model._meta.label, len(objs))
        return bulk(model, objs)

    def _agency(self, code, name, kind, short_name=""):
        name, short_name = nfc(name), nfc(short_name)
        # What Agency.save() computes (the bulk path skips save()).
        return Agency(code=code, name=name, short_name=short_name, kind=kind,
                      search_text=fold(" ".join([code, name, short_name])), sort_key=vi_sort_key(name))

    def _shape(self, province):
        """(departments, communes, press, others, plans, tasks per plan) of one province."""
        s = self.scale
        if province == 1 and s.first_province:
            return s.first_province
        rest = s.provinces - (1 if s.first_province else 0)
        plans = s.plans - (s.first_province[4] if s.first_province else 0)
        index = province - (2 if s.first_province else 1)
        return (s.departments, s.communes, s.press, s.others,
                plans // rest + (1 if index < plans % rest else 0), s.tasks_per_plan)

    # -- agencies, groups, users ----------------------------------------------------------------

    def build_agencies(self):
        s = self.scale
        agencies = []
        for p in range(1, s.provinces + 1):
            rng = self._rng("agencies", p)
            pname = PROVINCES[(p - 1) % len(PROVINCES)]
            suffix = f" – {pname}" if s.provinces > 1 else ""
            prov = _Province(p, pname)
            departments, communes, press, others = self._shape(p)[:4]
            for i in range(departments):
                base = DEPARTMENTS[i % len(DEPARTMENTS)]
                name = base if i < len(DEPARTMENTS) else f"{base} (đơn vị {i // len(DEPARTMENTS) + 1})"
                prov.departments.append(self._agency(
                    agency_code(s.name, p, "so", i + 1), f"{name}{suffix}", Agency.Kind.DEPARTMENT, short_name=name))
            names = set()
            for i in range(communes):
                while True:
                    place = f"{rng.choice(PLACE_SYLLABLES)} {rng.choice(PLACE_SYLLABLES)}"
                    if place.split()[0] != place.split()[1] and place not in names:
                        break
                    if len(names) > 600:  # the syllable pairs are used up: number the rest
                        place = f"{place} {i + 1}"
                        break
                names.add(place)
                level = "phường" if rng.random() < 0.15 else "xã"
                prov.communes.append(self._agency(
                    agency_code(s.name, p, "xa", i + 1), f"Ủy ban nhân dân {level} {place}{suffix}",
                    Agency.Kind.COMMUNE, short_name=f"UBND {level} {place}"))
            for i in range(press):
                base = PRESS[i % len(PRESS)]
                name = base if i < len(PRESS) else f"{base} {i // len(PRESS) + 1}"
                prov.press.append(self._agency(
                    agency_code(s.name, p, "bao", i + 1), f"{name}{suffix}", Agency.Kind.PRESS, short_name=name))
            for i, (kind, name) in enumerate(OTHERS[:others]):
                prov.others.append(self._agency(agency_code(s.name, p, "khac", i + 1), f"{name}{suffix}", kind,
                                                short_name=name))
            self.provinces.append(prov)
            agencies += prov.departments + prov.communes + prov.press + prov.others
        self._write(Agency, agencies)
        groups = []
        for prov in self.provinces:
            for key, name, members in (
                ("departments", "Các sở, ban, ngành", prov.departments),
                ("communes", "UBND các xã, phường", prov.communes),
                ("press", "Các cơ quan báo chí, truyền thông của tỉnh", prov.press),
            ):
                if not members:
                    continue
                code = group_code(s.name, prov.n, key)
                full = f"{name} ({prov.name})" if s.provinces > 1 else name
                group = AgencyGroup(code=code, name=nfc(full), search_text=fold(" ".join([code, full])))
                prov.groups[key] = group
                self.group_members[code] = members
                groups.append(group)
        self._write(AgencyGroup, groups)
        through = AgencyGroup.members.through
        self._write(through, [through(agencygroup_id=g.pk, agency_id=a.pk)
                              for g in groups for a in self.group_members[g.code]], "agencies.AgencyGroup_members")

    def build_users(self, busy_agency):
        """An officer per agency, coordinators at the report recipient, an admin and a viewer.

        Every user of the scale shares one password hash (hashed once: PBKDF2 costs most of a second a call)."""
        s = self.scale
        User = get_user_model()
        password = make_password(self.password) if self.password else make_password(None)
        first = self.provinces[0]
        users, memberships = [], []

        def user(username, **extra):
            u = User(username=username, password=password, email=f"{username}@bench.invalid", **extra)
            users.append(u)
            return u

        admin = user(f"{s.name}-admin", is_staff=True, is_superuser=True)
        recipient = first.departments[0]
        coordinators = [user(f"{s.name}-coordinator" + (f"-{j:02d}" if s.coordinators > 1 else ""))
                        for j in range(1, s.coordinators + 1)]
        viewer = user(f"{s.name}-viewer")
        officers = []
        n = 0
        for prov in self.provinces:
            for agency in prov.departments + prov.communes + prov.press + prov.others:
                n += 1
                officers.append((user(f"{s.name}-officer-{n:05d}"), agency))
        bench_officer = user(f"{s.name}-officer")
        self._write(User, users, "auth.User")
        for c in coordinators:
            memberships.append(Membership(user=c, agency=recipient, role=Membership.Role.COORDINATOR))
        memberships.append(Membership(user=viewer, agency=(first.others or first.departments)[0],
                                      role=Membership.Role.VIEWER))
        memberships += [Membership(user=u, agency=a, role=Membership.Role.OFFICER) for u, a in officers]
        memberships.append(Membership(user=bench_officer, agency=busy_agency, role=Membership.Role.OFFICER))
        self._write(Membership, memberships)
        self.coordinator = coordinators[0]
        self.admin = admin

    # -- plans ----------------------------------------------------------------------------------

    def _timeframe(self, plan_years):
        rng = self.rng
        kind = rng.choices(
            [Task.Timeframe.ONGOING, Task.Timeframe.ANNUAL, Task.Timeframe.ANNUAL_ON_REQUEST, Task.Timeframe.PERIOD,
             Task.Timeframe.DEADLINE, Task.Timeframe.BUDGET_CYCLE],
            weights=[40, 22, 5, 12, 15, 6],
        )[0]
        values = {"timeframe_kind": kind}
        if kind == Task.Timeframe.PERIOD:
            start = rng.choice(plan_years)
            end = min(start + rng.choice([0, 1, 2]), plan_years[-1])
            values.update(start_date=datetime.date(start, 1, 1), end_date=datetime.date(end, 12, 31),
                          timeframe_text=f"Năm {start} - {end}" if end != start else f"Năm {start}")
        elif kind == Task.Timeframe.DEADLINE:
            year = rng.choice(plan_years)
            values.update(due_date=datetime.date(year, 11, 30), timeframe_text=f"Hoàn thành trước tháng 12/{year}")
        else:
            values["timeframe_text"] = {
                Task.Timeframe.ONGOING: "Thường xuyên", Task.Timeframe.ANNUAL: "Hàng năm",
                Task.Timeframe.ANNUAL_ON_REQUEST: "Hàng năm và đột xuất (khi có yêu cầu)",
                Task.Timeframe.BUDGET_CYCLE: "Thực hiện theo kế hoạch xây dựng dự toán hàng năm",
            }[kind]
        return values

    def _assignments(self, prov, task_index, group_tasks):
        """(role, agency or None, group or None, related text) for one task.

        Agencies are mostly named one by one; groups are named on a few tasks per plan
        (``group_tasks``: group key -> set of task indexes), as in real plans."""
        rng = self.rng
        s = self.scale
        depts = prov.departments
        # A few departments lead much more than the rest (the recipient above all).
        weights = [6 if i == 0 else 3 if i < 5 else 1 for i in range(len(depts))]
        out = []
        lead_group = next((k for k, idx in group_tasks.items()
                           if task_index in idx and k.endswith(":lead") and k.split(":")[0] in prov.groups), None)
        if task_index == 0 or lead_group is None:
            if task_index == 0 or rng.random() < 0.9 or not prov.others:
                lead = depts[0] if task_index == 0 else rng.choices(depts, weights=weights)[0]
            else:
                lead = rng.choice(prov.others)
            out.append((Assignment.Role.LEAD, lead, None, ""))
        else:
            lead = None
            out.append((Assignment.Role.LEAD, None, prov.groups[lead_group.split(":")[0]], ""))
        picked = {lead.code} if lead else set()
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3] if not s.deadline else [1, 2, 3])):
            other = rng.choices(depts, weights=weights)[0]
            if other.code not in picked:
                picked.add(other.code)
                out.append((Assignment.Role.COORDINATOR, other, None, ""))
        for key, indexes in group_tasks.items():
            if task_index in indexes and key.endswith(":coord") and key.split(":")[0] in prov.groups:
                group = prov.groups[key.split(":")[0]]
                if not any(g is group for _, _, g, _ in out):
                    out.append((Assignment.Role.COORDINATOR, None, group, ""))
        if rng.random() < 0.3:
            out.append((Assignment.Role.COORDINATOR, None, None, "các cơ quan, đơn vị có liên quan"))
        return out

    def build_plans(self):
        s = self.scale
        plans, plan_meta = [], []
        for prov in self.provinces:
            count, tasks_per_plan = self._shape(prov.n)[4:]
            for k in range(1, count + 1):
                rng = self._rng("plan", prov.n, k)
                number = 100 + 40 * (k - 1) + rng.randint(1, 39)
                theme = THEMES[(prov.n * 7 + k) % len(THEMES)]
                start = self.years[0] - (1 if k % 3 == 0 else 0)
                end = None if k % 4 == 0 else self.years[-1] + rng.choice([0, 0, 1, 2])
                code = plan_code(s.name, prov.n, k)
                plan = Plan(
                    code=code, number=f"{number}/KH-UBND", issue_date=datetime.date(start - 1 if k == 1 else start, 9, 14),
                    title=nfc(f"Kế hoạch thực hiện {theme} trên địa bàn tỉnh {prov.name} giai đoạn {start}–{end or 2030}"),
                    issuer=prov.others[0] if prov.others else None, issuer_name=nfc(f"Ủy ban nhân dân tỉnh {prov.name}"),
                    place=prov.name, signer_name="Nguyễn Văn An", signer_capacity="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                    start_year=start, end_year=end, report_recipient=prov.departments[0],
                    report_onward_to="UBND tỉnh, Bộ Khoa học và Công nghệ",
                    reporting_text=nfc("Các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 15 tháng 11 hằng năm."),
                )
                spread = s.tasks_spread if not (prov.n == 1 and s.first_province) else 0
                plan._n_tasks = tasks_per_plan + (rng.randint(-spread, spread) if spread else 0)
                plan._where = (prov.n, k)
                plans.append(plan)
                plan_meta.append((plan, prov, theme))
        self._write(Plan, plans)

        # Sections: I, II (with its groups of tasks), III, IV.
        tops, subs, tasks, assignments, indicators, resp, resp_agencies, resp_groups = [], [], [], [], [], [], [], []
        self.plan_tasks = {}  # plan pk -> [(task, [(role, agency, group, text)])]
        for plan, prov, theme in plan_meta:
            top = {}
            for order, (code, title) in enumerate(
                [("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NHIỆM VỤ, GIẢI PHÁP"), ("III", "KINH PHÍ THỰC HIỆN"),
                 ("IV", "TỔ CHỨC THỰC HIỆN")], start=1):
                top[code] = Section(plan=plan, code=code, number=code, title=title, order=order * 100)
                tops.append(top[code])
            plan._top = top
        self._write(Section, tops)
        for plan, prov, theme in plan_meta:
            n_sub = max(2, plan._n_tasks // 7)
            plan._subs = []
            for i in range(n_sub):
                sub = Section(plan=plan, parent=plan._top["II"], code=f"II.{i + 1}", number=str(i + 1),
                              title=SUBSECTION_TITLES[i % len(SUBSECTION_TITLES)], order=200 + i + 1)
                plan._subs.append(sub)
                subs.append(sub)
        self._write(Section, subs)
        for plan, prov, theme in plan_meta:
            rng = self._rng("tasks", *plan._where)
            # Deadlines and periods fall in the plan's recent years (the same at every scale).
            plan_years = [y for y in range(plan.start_year, (plan.end_year or self.current_year) + 1)
                          if y >= self.current_year - 2] or [plan.start_year]
            n = plan._n_tasks
            # Groups named on a few tasks per plan, as in real plans (plan 151 names its district
            # group on 5 of 24 tasks); the communes group on 0–6, so most plans oblige every commune.
            if s.deadline:
                group_tasks = {"departments:coord": {1, 2, 3}, "communes:coord": {4, 5, 6, 7}, "press:coord": {8, 9}}
            else:
                group_tasks = {
                    "departments:lead": set(rng.sample(range(1, n), 1)),
                    "departments:coord": set(rng.sample(range(1, n), min(n - 1, rng.randint(2, 6)))),
                    "communes:lead": set(rng.sample(range(1, n), rng.choice([0, 0, 1]))),
                    "communes:coord": set(rng.sample(range(1, n), min(n - 1, rng.choice([0, 1, 2, 2, 3, 3, 4, 5])))),
                    "press:coord": set(rng.sample(range(1, n), rng.randint(1, 2))),
                }
            self.plan_tasks[plan.pk] = []
            for i in range(n):
                sub_index = min(i * len(plan._subs) // n, len(plan._subs) - 1)
                sub = plan._subs[sub_index]
                number = f"{sub_index + 1}.{sum(1 for t, _ in self.plan_tasks[plan.pk] if t.section is sub) + 1}"
                title = nfc(rng.choice(TASK_TITLES).format(theme=theme))
                content = nfc(f"Nội dung: {title.lower()}; báo cáo kết quả trong báo cáo năm.")
                values = self._timeframe(plan_years)
                if rng.random() < 0.2:
                    q, unit = rng.choice(TARGETS)
                    values.update(target_quantity=q, target_unit=unit, target_per_year=True,
                                  target_text=f"{q:02d} {unit}/1 năm")
                task = Task(plan=plan, section=sub, number=number, title=title, content=content, order=i + 1,
                            search_text=fold(" ".join([number, title, content])), **values)
                tasks.append(task)
                self.plan_tasks[plan.pk].append((task, self._assignments(prov, i, group_tasks)))
            for order, (code, name, unit) in enumerate(INDICATORS[: rng.randint(4, len(INDICATORS))], start=1):
                indicators.append(Indicator(plan=plan, code=code, name=name, unit=unit, order=order))
            whos = [prov.departments[0], prov.departments[1 % len(prov.departments)]] + [
                key for key in ("departments", "communes", "press") if key in prov.groups]
            for order, who in enumerate(whos, start=1):
                r = Responsibility(plan=plan, number=str(order), order=order, heading=str(who) if isinstance(who, Agency)
                                   else prov.groups[who].name,
                                   text=nfc(f"Chủ trì, phối hợp triển khai các nhiệm vụ được giao tại Kế hoạch về {theme}."))
                r._who = who
                resp.append(r)
        self._write(Task, tasks)
        for plan_pk, items in self.plan_tasks.items():
            for task, specs in items:
                for order, (role, agency, group, text) in enumerate(specs):
                    assignments.append(Assignment(task=task, role=role, agency=agency, group=group, related_text=text,
                                                  order=order))
        self._write(Assignment, assignments)
        self.indicators = {}
        for ind in self._write(Indicator, indicators):
            self.indicators.setdefault(ind.plan_id, []).append(ind)
        self._write(Responsibility, resp)
        prov_by_plan = {plan.pk: prov for plan, prov, _ in plan_meta}
        for r in resp:
            if isinstance(r._who, Agency):
                resp_agencies.append(Responsibility.agencies.through(responsibility_id=r.pk, agency_id=r._who.pk))
            else:
                resp_groups.append(Responsibility.groups.through(
                    responsibility_id=r.pk, agencygroup_id=prov_by_plan[r.plan_id].groups[r._who].pk))
        self._write(Responsibility.agencies.through, resp_agencies, "tasks.Responsibility_agencies")
        self._write(Responsibility.groups.through, resp_groups, "tasks.Responsibility_groups")
        self.plans = plans

    # -- reports --------------------------------------------------------------------------------

    def obligations(self, plan, year, completed=frozenset()):
        """{agency: {task: role}} as reports.services.obligations computes it, from what was built: ``completed``
        holds the (task id, agency id) of "completed" lines in submitted or accepted reports of earlier years, for
        the deadline tasks carried over to their leads (reports.completion.carries_over)."""
        result = {}
        for task, specs in self.plan_tasks[plan.pk]:
            carried = not task.is_active_in_year(year) and completion.is_carried_over(task, year)
            if not task.is_active_in_year(year) and not carried:
                continue
            for role, agency, group, text in specs:
                if carried and role != Assignment.Role.LEAD:
                    continue
                members = [agency] if agency else self.group_members[group.code] if group else []
                for a in members:
                    if carried and (task.pk, a.pk) in completed:
                        continue
                    roles = result.setdefault(a, {})
                    if roles.get(task) != Assignment.Role.LEAD:
                        roles[task] = role
        return result

    def _fate(self, year, due):
        """What became of one agency's report: on_time, late, returned, draft, missing (untouched)."""
        rng = self.rng
        if self.scale.deadline:
            return "missing"
        if self.today > due:
            kinds, weights = ["on_time", "late", "returned", "draft", "missing"], [66, 12, 3, 8, 11]
        else:  # the year is still open: some have sent already, many are writing
            kinds, weights = ["on_time", "draft", "missing"], [35, 35, 30]
        return rng.choices(kinds, weights=weights)[0]

    def _when(self, start, end):
        """A random working-hours moment between two dates (local time)."""
        days = max((end - start).days, 0)
        day = start + datetime.timedelta(days=self.rng.randint(0, days))
        return _local(day, self.rng.randint(7, 17), self.rng.randint(0, 59))

    def _line(self, line, fate, task):
        rng = self.rng
        if fate == "missing" or (fate == "draft" and rng.random() < 0.4):
            return
        yearly = task.timeframe_kind not in (Task.Timeframe.PERIOD, Task.Timeframe.DEADLINE)
        if line.role == Assignment.Role.COORDINATOR and rng.random() < 0.25:
            line.status = TaskReport.Status.NOTHING_TO_REPORT
            line.no_report_reason = rng.choice(NO_REPORT_REASONS)
            return
        if yearly:
            line.status = rng.choices([TaskReport.Status.DONE_FOR_YEAR, TaskReport.Status.IN_PROGRESS],
                                      weights=[80, 20])[0]
        else:
            line.status = rng.choices([TaskReport.Status.COMPLETED, TaskReport.Status.IN_PROGRESS,
                                       TaskReport.Status.NOT_STARTED], weights=[50, 40, 10])[0]
        if line.status != TaskReport.Status.NOT_STARTED:
            line.achievements = rng.choice(ACHIEVEMENTS).format(n=rng.randint(1, 6), m=rng.randint(10, 400))
        if task.target_quantity and line.role == Assignment.Role.LEAD:
            line.quantity_achieved = max(0, task.target_quantity + rng.randint(-1, 2))

    def build_reports(self, busy_agency):
        years_built = []
        for plan in self.plans:
            plan_reports, plan_lines, plan_values, plan_events, rys = [], [], [], [], []
            completed = set()  # (task id, agency id) completed in a submitted report of a year already built
            for year in self.years:
                if not plan.runs_in(year):
                    continue
                year_start = len(plan_reports)
                rng = self._rng("reports", *plan._where, year)
                due = plan.report_due_date(year)
                opened_at = _local(datetime.date(year, 1, 15))
                rys.append(ReportingYear(plan=plan, year=year, opened_at=opened_at, opened_by=self.coordinator))
                for agency, roles in self.obligations(plan, year, completed).items():
                    fate = self._fate(year, due)
                    if (agency is busy_agency and year == self.current_year and plan is self.plans[0]
                            and not self.scale.deadline):
                        fate = "draft"  # the benchmark officer's report is a form being filled in
                    report = AgencyReport(plan=plan, year=year, agency=agency, status=AgencyReport.Status.DRAFT,
                                          version=1)
                    report._fate, report._roles, report._opened_at = fate, roles, opened_at
                    if fate != "missing":
                        report.overall_assessment = rng.choice(ASSESSMENTS)
                        report.difficulties = rng.choice(DIFFICULTIES)
                        report.proposals = rng.choice(PROPOSALS)
                        report.version = rng.randint(2, 3)
                    if fate in ("on_time", "late", "returned"):
                        if fate == "late" or (fate == "returned" and rng.random() < 0.3):
                            late_end = min(due + datetime.timedelta(days=40), self.today - datetime.timedelta(days=1))
                            first = self._when(due + datetime.timedelta(days=1), max(late_end, due + datetime.timedelta(days=1)))
                        else:
                            first = self._when(due - datetime.timedelta(days=25), min(due, self.today))
                        report.first_submitted_at = report.submitted_at = first
                        report.status = AgencyReport.Status.SUBMITTED
                        report.version += 1
                        review = first + datetime.timedelta(days=rng.randint(1, 12))
                        if review.date() < self.today:
                            if fate == "returned":
                                report.status = AgencyReport.Status.RETURNED
                                report.review_comment = "Đề nghị bổ sung số liệu chỉ tiêu và kết quả nhiệm vụ chủ trì."
                            elif year < self.current_year or rng.random() < 0.4:
                                report.status = AgencyReport.Status.ACCEPTED
                            if report.status != AgencyReport.Status.SUBMITTED:
                                report.reviewed_at, report.reviewed_by = review, self.coordinator
                                report.version += 1
                    plan_reports.append(report)
                # The year's lines (and figures, events) right away: the next year's carry-over reads which leads
                # completed what. The rows are written once the plan's reports have their ids.
                rng = self._rng("lines", *plan._where, year)
                for report in plan_reports[year_start:]:
                    self._fill(report, plan, rng, completed, plan_lines, plan_values, plan_events)
            self._write(ReportingYear, rys)
            self._write(AgencyReport, plan_reports)
            self._write(TaskReport, plan_lines)
            self._write(IndicatorValue, plan_values)
            self._write(ReportEvent, plan_events)
            years_built.append(plan.code)
            if len(years_built) % 20 == 0:
                self._say(f"  … reports of {len(years_built)}/{len(self.plans)} plans written")

    def _fill(self, report, plan, rng, completed, plan_lines, plan_values, plan_events):
        """One report's lines, indicator values and events (unsaved); records its "completed" lines in
        ``completed`` when the report is submitted or accepted."""
        fate = report._fate
        for task, role in report._roles.items():
            line = TaskReport(report=report, task=task, role=role)
            self._line(line, fate, task)
            plan_lines.append(line)
            if (line.status == TaskReport.Status.COMPLETED
                    and report.status in (AgencyReport.Status.SUBMITTED, AgencyReport.Status.ACCEPTED)):
                completed.add((task.pk, report.agency.pk))
        if fate != "missing":
            for ind in self.indicators.get(plan.pk, []):
                if fate == "draft" and rng.random() < 0.5:
                    continue
                value = Decimal(rng.randint(0, 80) * (1_000_000 if ind.code == "kinh-phi" else 1))
                plan_values.append(IndicatorValue(report=report, indicator=ind, value=value))
        plan_events.append(ReportEvent(report=report, action=ReportEvent.Action.OPENED, actor=self.coordinator,
                                       at=report._opened_at))
        if fate != "missing":
            saved_at = (report.first_submitted_at or _local(report.due_date)) - datetime.timedelta(days=2)
            plan_events.append(ReportEvent(report=report, action=ReportEvent.Action.SAVED, at=saved_at))
        if report.first_submitted_at:
            plan_events.append(ReportEvent(report=report, action=ReportEvent.Action.SUBMITTED,
                                           at=report.first_submitted_at))
        if report.reviewed_at:
            action = (ReportEvent.Action.RETURNED if report.status == AgencyReport.Status.RETURNED
                      else ReportEvent.Action.ACCEPTED)
            plan_events.append(ReportEvent(report=report, action=action, actor=self.coordinator,
                                           at=report.reviewed_at, comment=report.review_comment))

    # -- all ------------------------------------------------------------------------------------

    def build(self):
        with transaction.atomic():
            self._say(f"Agencies and groups of {self.scale.provinces} province(s)…")
            self.build_agencies()
            busy = self.provinces[0].departments[0]
            self._say("Users (an officer per agency)…")
            self.build_users(busy)
            self._say(f"{self.scale.plans} plan(s) with sections, tasks, assignments, indicators…")
            self.build_plans()
            self._say(f"Reports of {len(self.years)} year(s)…")
            self.build_reports(busy)
        return self.counts


def _purge(qs):
    """Delete ``qs`` and, first, every row that depends on it (found through the models' reverse
    relations, so rows of other apps that point at benchmark rows go too), with set-based SQL.

    The ORM's ``delete()`` would load every row to send simple-history's signals: hours at national
    scale. Nullable SET_NULL references are cleared instead of deleted; history rows (which point at
    live rows by id, without a constraint) are deleted with the rows they describe."""
    model = qs.model
    for rel in model._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one)):
            continue
        field = rel.field
        if not field.db_constraint or rel.related_model is model:
            continue  # history rows are handled below; a self-reference goes in the same statement
        dependents = rel.related_model._base_manager.filter(**{f"{field.name}__in": qs})
        if not dependents.exists():
            continue
        if rel.on_delete is models.SET_NULL:
            dependents.update(**{field.name: None})
        else:
            _purge(dependents)
    history = getattr(model, "history", None)
    if history is not None and hasattr(history, "model"):
        rows = history.model._base_manager.filter(**{f"{model._meta.pk.attname}__in": qs.values("pk")})
        rows._raw_delete(rows.db)
    qs._raw_delete(qs.db)


def remove_scale(scale_name):
    """Delete every row of a scale and everything that depends on it, in one transaction."""
    prefix = scale_prefix(scale_name)
    with transaction.atomic():
        evidence = Evidence.objects.filter(task_report__report__plan__code__startswith=prefix)
        for stored in list(evidence.values_list("file", flat=True)):
            transaction.on_commit(lambda name=stored: Evidence.file.field.storage.delete(name))
        _purge(Plan.objects.filter(code__startswith=prefix))
        _purge(AgencyGroup.objects.filter(code__startswith=prefix))
        _purge(Agency.objects.filter(code__startswith=prefix))
        _purge(get_user_model().objects.filter(username__startswith=prefix))


def sized(scale, agencies):
    """The deadline scale with ``agencies`` agencies in all (the communes take up the difference), for a
    deadline day with more officers than its 500; other scales have a fixed shape."""
    if agencies is None or agencies == scale.provinces * (scale.departments + scale.communes + scale.press
                                                          + scale.others):
        return scale
    if not scale.deadline:
        raise ValueError(f"Only the deadline scale takes a number of agencies, not “{scale.name}”.")
    fixed = scale.departments + scale.press + scale.others
    if agencies <= fixed:
        raise ValueError(f"The deadline scale needs more than {fixed} agencies (its departments and press).")
    return replace(scale, communes=agencies - fixed,
                   description=f"{agencies} agencies with an untouched current-year report and an officer each")


def generate(scale_name, seed=1, today=None, password=None, stdout=None, agencies=None):
    """Build a scale (the caller checks it is not present). Returns {model label: rows written}.
    ``agencies``: the deadline scale's size (default 500)."""
    if not (settings.DEBUG or getattr(settings, "BENCHMARK_DATA_ALLOWED", False)):
        raise RuntimeError("DEBUG is off: benchmark data is never written to a production database.")
    counts = Generator(sized(SCALES[scale_name], agencies), seed=seed, today=today, password=password,
                       stdout=stdout).build()
    # Written with bulk_create (no post_save): nothing cached before (CACHE_URL=redis://… outlives a database) is
    # read again (plan_tracker/cache.py).
    cache.bump(cache.EVERYTHING)
    return counts


# -- chains of mergers -----------------------------------------------------------------------------

CHAIN_PREFIX = "hn"  # the successors' codes: <scale>-tPP-hn-NNN-S (step S of chain NNN)


def chains_present(scale_name):
    return Agency.objects.filter(code__regex=rf"^{scale_prefix(scale_name)}t[0-9]+-{CHAIN_PREFIX}-").exists()


def add_chains(scale_name, leads=50, stdout=None):
    """Mergers written into a built scale, so that the stand-ins' recursive SQL (``reports.completion
    ._StandsForALead``) runs on its volume: ``leads`` bodies the plans name (province 1's first) cease on 1 July of
    the year before the current one Y, merged in pairs (every fourth chain) or alone into a successor; a third of the
    chains go on 1 January of Y to a second successor, and a third of those... every third chain is 3 deep (the
    second successor merged again on 1 July of Y). A fifth of ``leads`` are communes of province 1 (leads through its
    communes group), merged in pairs; that group ends on 30 June of Y - 1 and is followed by a successor group and a
    second one (from 1 January of Y) whose members are the communes in force, the merged ones' successors in their
    place. The tasks keep naming the bodies and the group that ceased (plans are not rewritten): their successors
    stand in for them.

    The successors take the reports (lines, values, events) of Y - 1 (the first successor) and Y (the last one) from
    their predecessors, so no row is added but the agencies, groups, changes and memberships (the predecessors'
    officers join the last successor); where two merged bodies both had a report of a plan's year, the second one's
    is deleted (one body reports once). Names, validity dates, ``Agency.successors`` and applied ``AgencyChange``
    rows are written as ``agencies.succession.apply_change`` writes them. Returns {what: how many}."""
    from django.db.models import Count, Max

    from agencies.models import AgencyChange

    prefix = scale_prefix(scale_name)
    if chains_present(scale_name):
        raise ValueError(f"Scale “{scale_name}” already has its chains of mergers.")
    year = ReportingYear.objects.filter(plan__code__startswith=prefix).aggregate(y=Max("year"))["y"]
    if year is None:
        raise ValueError(f"Scale “{scale_name}” is not built.")
    merged_on = datetime.date(year - 1, 7, 1)
    second_on = datetime.date(year, 1, 1)
    third_on = datetime.date(year, 7, 1)
    busy = agency_code(scale_name, 1, "so", 1)  # the benchmark officer's and coordinator's department stays
    communes_group = AgencyGroup.objects.get(code=group_code(scale_name, 1, "communes"))
    n_communes = (leads // 5) // 2 * 2
    named = (Assignment.objects.filter(role=Assignment.Role.LEAD, agency__code__startswith=prefix)
             .exclude(agency__code=busy).values("agency_id", "agency__code").annotate(n=Count("id")))
    named = sorted(named, key=lambda r: (not r["agency__code"].startswith(f"{prefix}t01-"), -r["n"], r["agency__code"]))
    picked = [r["agency_id"] for r in named[:leads - n_communes]]
    communes = list(communes_group.members.exclude(code=busy).order_by("code").values_list("pk", flat=True)[:n_communes])
    bodies = Agency.objects.in_bulk(picked + communes)

    # Chains: (predecessors, depth); named leads in pairs every fourth chain, communes in pairs, depth 1.
    chains, i = [], 0
    while i < len(picked):
        pair = len(chains) % 4 == 0 and i + 1 < len(picked)
        chains.append(([bodies[p] for p in picked[i:i + (2 if pair else 1)]], 1 + len(chains) % 3))
        i += 2 if pair else 1
    commune_chains = [([bodies[communes[j]], bodies[communes[j + 1]]], 1) for j in range(0, len(communes), 2)]
    chains += commune_chains

    counts = {"predecessors": 0, "successors": 0, "changes": 0, "reports moved": 0, "reports deleted": 0,
              "deepest chain": 0}
    through = Agency.successors.through
    with transaction.atomic():
        last_of = {}  # a commune's id -> its chain's last successor
        for n, (preds, depth) in enumerate(chains, start=1):
            province = preds[0].code[len(prefix):].split("-")[0]  # "t07"
            steps = [merged_on, second_on, third_on][:depth]
            successors = []
            for s, start in enumerate(steps, start=1):
                end = steps[s] - datetime.timedelta(days=1) if s < depth else None
                base = " và ".join(p.short_name or p.name for p in preds)
                name = f"{base} (hợp nhất {start:%m/%Y})"
                code = f"{prefix}{province}-{CHAIN_PREFIX}-{n:03d}-{s}"
                a = Agency(code=code, name=nfc(name), short_name=nfc(name[:100]), kind=preds[0].kind, valid_from=start,
                           valid_to=end, search_text=fold(f"{code} {name}"), sort_key=vi_sort_key(nfc(name)))
                successors.append(a)
            bulk(Agency, successors)
            links = [through(from_agency_id=p.pk, to_agency_id=successors[0].pk) for p in preds]
            links += [through(from_agency_id=a.pk, to_agency_id=b.pk) for a, b in zip(successors, successors[1:])]
            through.objects.bulk_create(links)
            Agency.objects.filter(pk__in=[p.pk for p in preds]).update(valid_to=merged_on - datetime.timedelta(days=1))
            for s, (ending, start) in enumerate([(preds, merged_on)] + [([a], d) for a, d in zip(successors, steps[1:])]):
                change = AgencyChange.objects.create(
                    code=f"{prefix}{CHAIN_PREFIX}-{n:03d}-{s + 1}", kind=AgencyChange.Kind.MERGE, effective_date=start,
                    act_number=f"{n}/QĐ-UBND", act_title="Hợp nhất (dữ liệu đo hiệu năng)",
                    default_successor=successors[s], applied_at=_local(start))
                change.predecessors.set(ending)
                change.successors.set([successors[s]])
                counts["changes"] += 1
            # The reports: Y - 1 to the first successor, Y to the last; the second of a pair's where both reported.
            for target, y in ((successors[0], year - 1), (successors[-1], year)):
                taken = set()
                for p in preds:
                    rows = AgencyReport.objects.filter(agency=p, year=y)
                    clash = rows.filter(plan_id__in=taken)
                    counts["reports deleted"] += clash.count()
                    if clash.exists():
                        _purge(clash)
                    taken |= set(rows.values_list("plan_id", flat=True))
                    counts["reports moved"] += rows.update(agency=target)
            officers = Membership.objects.filter(agency__in=preds, role=Membership.Role.OFFICER)
            Membership.objects.bulk_create([Membership(user_id=m.user_id, agency=successors[-1], role=m.role)
                                            for m in officers])
            for p in preds:
                last_of[p.pk] = successors[-1]
            counts["predecessors"] += len(preds)
            counts["successors"] += len(successors)
            counts["deepest chain"] = max(counts["deepest chain"], depth)
        # Province 1's communes group ends with the merger; a successor group, then a second one, take its members.
        members = list(communes_group.members.all())
        in_force = [last_of.get(a.pk, a) for a in members]
        in_force = list({a.pk: a for a in in_force}.values())
        g3 = AgencyGroup.objects.create(code=f"{communes_group.code}-{CHAIN_PREFIX}-2", name=f"{communes_group.name} (từ {second_on:%d/%m/%Y})",
                                        valid_from=second_on)
        g2 = AgencyGroup.objects.create(code=f"{communes_group.code}-{CHAIN_PREFIX}-1", name=f"{communes_group.name} (từ {merged_on:%d/%m/%Y})",
                                        valid_from=merged_on, valid_to=second_on - datetime.timedelta(days=1),
                                        successor=g3)
        for g in (g2, g3):
            g.members.set(in_force)
        AgencyGroup.objects.filter(pk=communes_group.pk).update(valid_to=merged_on - datetime.timedelta(days=1),
                                                               successor=g2)
        counts["successor groups"] = 2
        cache.bump(cache.EVERYTHING)
    if stdout is not None:
        stdout.write("Chains of mergers: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return counts
