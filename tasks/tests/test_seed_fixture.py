"""The seed fixture holds plan 151/KH-UBND of Bắc Giang faithfully, and loads idempotently.

Every expected value below is written by hand from the seed text (shared/seed/151-KH-UBND-2023-bac-giang.txt beside the repository);
nothing is computed from the fixture, so a wrong mapping in the fixture makes a test fail.
"""

import datetime
import json
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import models

from agencies.models import Agency, AgencyGroup
from tasks.models import Assignment, Plan, Responsibility, Section, Task

SEED_FIXTURE = "fixtures/seed_151_kh_ubnd_2023.json"
PLAN = "151-kh-ubnd-2023-bac-giang"
SBN, HUYEN, PRESS = "so-ban-nganh", "ubnd-cap-huyen", "co-quan-bao-chi"


def A(code, note=""):
    return ("agency", code, note)


def G(code, note=""):
    return ("group", code, note)


def R(text):
    return ("text", text, "")


TWO_GROUPS = [G(SBN), G(HUYEN)]
ONGOING = ("ongoing", None, None, None, "Thường xuyên")
D = datetime.date

# number: (section, first words of the title, leads, coordinators, (kind, start, end, due, timeframe_text))
EXPECTED_TASKS = {
    "1.1": ("II.1", "Tham mưu UBND tỉnh tổ chức hội nghị phổ biến", [A("so-tttt")], TWO_GROUPS,
            ("period", D(2023, 1, 1), D(2024, 12, 31), None, "Năm 2023 -2024")),
    "1.2": ("II.1", "Tổ chức phổ biến, tuyên truyền nâng cao nhận thức", TWO_GROUPS,
            [A("ban-tuyen-giao-tu"), A("bao-bac-giang"), A("dai-ptth-bac-giang")], ONGOING),
    "2.1": ("II.2", "Rà soát, nghiên cứu đề xuất hoàn thiện các quy định", [A("so-tu-phap")], TWO_GROUPS, ONGOING),
    "2.2": ("II.2", "Rà soát, nghiên cứu đề xuất hoàn thiện các văn bản", [A("so-tttt")], TWO_GROUPS, ONGOING),
    "2.3": ("II.2", "Kiểm tra, đánh giá, tổng hợp việc thực hiện và công khai", [A("so-tu-phap")], TWO_GROUPS, ONGOING),
    "2.4": ("II.2", "Kiểm tra, đánh giá, tổng hợp các sở, ban, ngành", [A("so-tttt")], TWO_GROUPS, ONGOING),
    "3.1": ("II.3", "Theo dõi thông tin báo chí, Internet", [A("so-tttt")],
            [G(PRESS, "Các cơ quan thông tin, báo chí của tỉnh"), R("các cơ quan, đơn vị có liên quan")], ONGOING),
    "3.2": ("II.3", "Quản lý thông tin về tỉnh Bắc Giang", [A("so-tttt")],
            [A("ban-tuyen-giao-tu"), A("cong-an-tinh"), R("các cơ quan, đơn vị liên quan")], ONGOING),
    "4.1": ("II.4", "Rà soát, thực hiện tốt việc công khai thông tin", TWO_GROUPS,
            [A("so-tttt"), A("so-tu-phap")], ONGOING),
    "4.2": ("II.4", "Chủ động, đổi mới phương thức truyền thông", TWO_GROUPS,
            [A("so-tttt"), A("so-tu-phap")], ONGOING),
    "4.3": ("II.4", "Tăng cường phối hợp chặt chẽ, kịp thời", TWO_GROUPS,
            [A("so-tttt"), G(PRESS, "cơ quan thông tin, báo chí tỉnh")], ONGOING),
    "5.1": ("II.5", "Đề xuất nội dung, xây dựng kế hoạch và dự toán", TWO_GROUPS, [],
            ("annual_on_request", None, None, None, "Hàng năm và đột xuất (khi có yêu cầu cầu)")),
    "5.2": ("II.5", "Hướng dẫn các cơ quan, đơn vị đề xuất nội dung", [A("so-tttt")], TWO_GROUPS,
            ("annual", None, None, None, "Hàng năm")),
    "5.3": ("II.5", "Chủ động tổ chức truyền thông liên quan", [G(SBN), G(HUYEN), A("so-tttt")], [G(PRESS)],
            ("annual", None, None, None, "Hàng năm")),
    "5.4": ("II.5", "Nghiên cứu ứng dụng công nghệ hiện đại", [A("so-tttt")],
            [A("van-phong-ubnd-tinh"), A("bo-tttt"), R("các cơ quan, đơn vị có quan liên quan")], ONGOING),
    "5.5": ("II.5", "Triển khai truyền thông chính sách đối với người Bắc Giang", [A("so-ngoai-vu")],
            [G(SBN), G(HUYEN, "UBND cấp huyện có liên quan")], ONGOING),
    "6.1": ("II.6", "Tham mưu UBND tỉnh bố trí, sắp xếp", [A("so-noi-vu")],
            [G(SBN), G(HUYEN), R("cơ quan có liên quan")],
            ("deadline", None, None, D(2024, 11, 30), "Hoàn thành trước tháng 12/2024")),
    "6.2": ("II.6", "Sắp xếp, bố trí cán bộ phụ trách", TWO_GROUPS, [A("so-noi-vu"), R("cơ quan có liên quan")],
            ("deadline", None, None, D(2024, 11, 30), "Hoàn thành trước tháng 12/2024")),
    "6.3": ("II.6", "Hướng dẫn về vị trí việc làm", [A("so-noi-vu")], [A("so-tttt"), R("cơ quan có liên quan")],
            ("deadline", None, None, D(2024, 5, 31), "Hoàn thành trước tháng 6/2024")),
    "6.4": ("II.6", "Căn cứ Kế hoạch được phê duyệt", [A("so-tai-chinh")], TWO_GROUPS,
            ("budget_cycle", None, None, None,
             "Thực hiện theo kế hoạch xây dựng dự toán hàng năm của các cơ quan, đơn vị")),
    "6.5": ("II.6", "Bồi dưỡng, tập huấn nâng cao nghiệp vụ", [A("so-tttt")],
            [G(SBN, "Các sở, ngành, đơn vị, địa phương"), G(HUYEN, "Các sở, ngành, đơn vị, địa phương")],
            ("annual", None, None, None, "")),
    "7.1": ("II.7", "Theo dõi, quản lý chặt chẽ thông tin", [A("so-tttt")],
            [R("Các cơ quan, đơn vị có liên quan")], ONGOING),
    "7.2": ("II.7", "Phối hợp với các cơ quan, đơn vị thuộc Bộ Thông tin", [A("so-tttt"), A("cong-an-tinh")],
            [R("Cơ quan, đơn vị có liên quan")], ONGOING),
    "7.3": ("II.7", "Tăng cường, nâng cao chất lượng truyền thông", [G(PRESS)], [A("so-tttt")], ONGOING),
}

# number: (heading, agency codes, group codes, first words of the text)
EXPECTED_RESPONSIBILITIES = {
    "1": ("Sở Thông tin và Truyền thông", {"so-tttt"}, set(), "Là cơ quan chủ trì, phối hợp"),
    "2": ("Sở Tư pháp", {"so-tu-phap"}, set(), "Chủ trì, phối hợp với các sở, cơ quan liên quan"),
    "3": ("Sở Nội vụ", {"so-noi-vu"}, set(), "Căn cứ đề án vị trí việc làm"),
    "4": ("Sở Ngoại vụ", {"so-ngoai-vu"}, set(), "Chủ trì, phối hợp với Sở Thông tin và Truyền thông triển khai"),
    "5": ("Sở Tài chính", {"so-tai-chinh"}, set(), "Căn cứ Kế hoạch được phê duyệt"),
    "6": ("Công an tỉnh", {"cong-an-tinh"}, set(), "Chủ trì, phối hợp với Sở Thông tin và Truyền thông theo dõi"),
    "7": ("Báo Bắc Giang, Đài Phát thanh và Truyền hình Bắc Giang, Tạp chí Sông Thương, Trung tâm Thông tin tỉnh",
          {"bao-bac-giang", "dai-ptth-bac-giang", "tap-chi-song-thuong", "trung-tam-thong-tin-tinh"}, set(),
          "Xây dựng, triển khai chuyên mục truyền thông chính sách."),
    "8": ("Văn phòng UBND tỉnh", {"van-phong-ubnd-tinh"}, set(), "Chủ động cung cấp thông tin, chỉ đạo điều hành"),
    "9": ("Các sở, ban, ngành, UBND các huyện, thành phố", set(), {SBN, HUYEN},
          "Tiếp tục nâng cao vai trò, trách nhiệm của người đứng đầu"),
    "10": ("Đề nghị Ban Tuyên giáo Tỉnh ủy", {"ban-tuyen-giao-tu"}, set(), "Phối hợp với Sở Thông tin và Truyền thông định hướng"),
}
# number: paragraphs in the text
RESPONSIBILITY_PARAGRAPHS = {"1": 5, "2": 3, "3": 2, "4": 1, "5": 1, "6": 1, "7": 2, "8": 1, "9": 5, "10": 1}

# code, parent, number, title (as written), order
EXPECTED_SECTIONS = [
    ("I", None, "I", "MỤC ĐÍCH, YÊU CẦU"),
    ("I.1", "I", "1", "Mục đích"),
    ("I.2", "I", "2", "Yêu cầu"),
    ("II", None, "II", "NỘI DUNG, NHIỆM VỤ TRỌNG TÂM"),
    ("II.1", "II", "1", "Nâng cao nhận thức và trách nhiệm của các cấp, các ngành, cơ quan, đơn vị về vị trí, "
                        "vai trò của công tác truyền thông chính sách"),
    ("II.2", "II", "2", "Rà soát, đề xuất hoàn thiện văn bản quy phạm pháp luật, thực hiện truyền thông chính sách"),
    ("II.3", "II", "3", "Công tác chỉ đạo, định hướng, cung cấp thông tin, quản lý thông tin trên báo chí, "
                        "Internet và mạng xã hội"),
    ("II.4", "II", "4", "Thực hiện tốt việc công khai thông tin theo quy định"),
    ("II.5", "II", "5", "Triển khai nhiệm vụ truyền thông chính sách của tỉnh, của từng ngành, từng địa phương"),
    ("II.6", "II", "6", "Đảm bảo nguồn lực, cơ chế triển khai truyền thông chính sách"),
    ("II.7", "II", "7", "Tăng cường công tác quản lý truyền thông, nâng cao chất lượng truyền thông chính sách"),
    ("III", None, "III", "KINH PHÍ THỰC HIỆN"),
    ("IV", None, "IV", "TỔ CHỨC THỰC HIỆN"),
    ("V", None, "V", "CHẾ ĐỘ BÁO CÁO"),
]

SO = [
    "so-noi-vu", "so-tu-phap", "so-ke-hoach-dau-tu", "so-tai-chinh", "so-cong-thuong", "so-nong-nghiep-ptnt",
    "so-giao-thong-van-tai", "so-xay-dung", "so-tai-nguyen-moi-truong", "so-tttt", "so-lao-dong-tbxh",
    "so-van-hoa-tt-dl", "so-khoa-hoc-cong-nghe", "so-giao-duc-dao-tao", "so-y-te", "so-ngoai-vu",
]
DISTRICTS = [
    "ubnd-tp-bac-giang", "ubnd-huyen-viet-yen", "ubnd-huyen-hiep-hoa", "ubnd-huyen-lang-giang", "ubnd-huyen-luc-nam",
    "ubnd-huyen-luc-ngan", "ubnd-huyen-son-dong", "ubnd-huyen-tan-yen", "ubnd-huyen-yen-dung", "ubnd-huyen-yen-the",
]
PRESS_MEMBERS = ["bao-bac-giang", "dai-ptth-bac-giang", "tap-chi-song-thuong", "trung-tam-thong-tin-tinh"]

# The agencies the brief names, with their kind.
NAMED_AGENCIES = {
    "so-tttt": ("Sở Thông tin và Truyền thông", "Sở TT&TT", "department"),
    "so-tu-phap": ("Sở Tư pháp", None, "department"),
    "so-noi-vu": ("Sở Nội vụ", None, "department"),
    "so-ngoai-vu": ("Sở Ngoại vụ", None, "department"),
    "so-tai-chinh": ("Sở Tài chính", None, "department"),
    "cong-an-tinh": ("Công an tỉnh", None, "police"),
    "ban-tuyen-giao-tu": ("Ban Tuyên giáo Tỉnh ủy", None, "party"),
    "bao-bac-giang": ("Báo Bắc Giang", None, "press"),
    "dai-ptth-bac-giang": ("Đài Phát thanh và Truyền hình Bắc Giang", None, "press"),
    "tap-chi-song-thuong": ("Tạp chí Sông Thương", None, "press"),
    "trung-tam-thong-tin-tinh": ("Trung tâm Thông tin tỉnh", None, "press"),
    "van-phong-ubnd-tinh": ("Văn phòng UBND tỉnh", None, "office"),
    "bo-tttt": ("Bộ Thông tin và Truyền thông", None, "ministry"),
    "ubnd-tinh-bac-giang": ("Ủy ban nhân dân tỉnh Bắc Giang", None, "province"),
    "hdnd-tinh-bac-giang": ("Hội đồng nhân dân tỉnh Bắc Giang", None, "province"),
    "hoi-nha-bao-tinh": ("Hội Nhà báo tỉnh Bắc Giang", None, "other"),
    "ubnd-huyen-viet-yen": (None, "UBND huyện Việt Yên", "district"),
}


def assignees(task, role):
    rows = []
    for a in task.assignments.filter(role=role).select_related("agency", "group").order_by("order", "pk"):
        if a.agency_id:
            rows.append(("agency", a.agency.code, a.note))
        elif a.group_id:
            rows.append(("group", a.group.code, a.note))
        else:
            rows.append(("text", a.related_text, a.note))
    return rows


# ---------------------------------------------------------------------------------------------- tasks

def test_all_24_tasks_in_document_order(seed):
    assert list(Task.objects.filter(plan=seed).order_by("order").values_list("number", flat=True)) == list(
        EXPECTED_TASKS
    )
    assert Task.objects.count() == 24


@pytest.mark.parametrize("number", list(EXPECTED_TASKS))
def test_task(seed, number):
    section, title_start, leads, coordinators, (kind, start, end, due, timeframe_text) = EXPECTED_TASKS[number]
    task = Task.objects.get(plan=seed, number=number)
    assert task.section.code == section
    assert task.section.plan_id == seed.pk
    assert task.title.startswith(title_start)
    assert not task.title.startswith(number)
    assert assignees(task, Assignment.Role.LEAD) == leads
    assert assignees(task, Assignment.Role.COORDINATOR) == coordinators
    assert task.timeframe_kind == kind
    assert (task.start_date, task.end_date, task.due_date) == (start, end, due)
    assert task.timeframe_text == timeframe_text
    assert task.assignments.count() == len(leads) + len(coordinators)
    # Only 1.2 has a "Nội dung:" line; only 6.5 has a quantitative target.
    if number == "1.2":
        assert task.content.startswith("Tập trung tuyên truyền nâng cao nhận thức của các sở, ban, ngành")
        assert task.content.endswith("tạo đồng thuận cao trong xã hội")
    else:
        assert task.content == ""
    if number == "6.5":
        assert (task.target_quantity, task.target_unit, task.target_per_year) == (1, "hội nghị tập huấn", True)
        assert task.target_text == "01 hội nghị tập huấn/1 năm hoặc lồng ghép các khóa bồi dưỡng, tập huấn khác"
    else:
        assert (task.target_quantity, task.target_unit, task.target_per_year, task.target_text) == (None, "", False, "")


def test_assignment_totals(seed):
    assert Assignment.objects.count() == 79
    assert Assignment.objects.filter(role="lead").count() == 33
    assert Assignment.objects.filter(role="coordinator").count() == 46
    assert Assignment.objects.exclude(related_text="").count() == 8


def test_search_text_filled_although_loaddata_skips_save(seed):
    assert list(Agency.objects.search("so tu phap").values_list("code", flat=True)) == ["so-tu-phap"]
    assert Task.objects.get(number="6.5").search_text.startswith("6.5 boi duong, tap huan")
    assert AgencyGroup.objects.get(code=SBN).search_text == "so-ban-nganh cac so, ban, nganh"


# ---------------------------------------------------------------------------------------------- plan

def test_plan_header(seed):
    plan = Plan.objects.get(code=PLAN)
    assert plan == seed
    assert plan.number == "151/KH-UBND"
    assert plan.document_type == "Kế hoạch"
    assert plan.issuer.code == "ubnd-tinh-bac-giang"
    assert plan.issuer_name == "UBND tỉnh Bắc Giang"
    assert plan.place == "Bắc Giang"
    assert plan.issue_date == datetime.date(2023, 9, 14)
    assert plan.title == (
        "Triển khai thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về việc tăng cường "
        "công tác truyền thông chính sách trên địa bàn tỉnh Bắc Giang"
    )
    assert plan.signer_name == "Mai Sơn"
    assert plan.signer_capacity == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    # The plan names no end year: it runs until closed (through the current year).
    assert (plan.start_year, plan.end_year) == (2023, None)
    assert (plan.report_due_day, plan.report_due_month) == (15, 11)
    assert plan.report_due_date(2024) == datetime.date(2024, 11, 15)
    assert plan.report_recipient.code == "so-tttt"
    assert plan.report_onward_to == "UBND tỉnh, Bộ Thông tin và Truyền thông"
    assert plan.legal_basis.startswith("Thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023")
    assert plan.legal_basis.endswith("trên địa bàn tỉnh Bắc Giang như sau:")
    assert plan.purpose.count("\n\n") == 1 and plan.purpose.startswith("Cụ thể hóa các hoạt động của tỉnh")
    assert plan.requirements.count("\n\n") == 1
    assert plan.requirements.endswith("cơ quan làm công tác truyền thông chính sách.")
    assert plan.funding.count("\n\n") == 1 and plan.funding.endswith("nguồn kinh phí hợp pháp khác (nếu có).")
    assert plan.reporting_text.startswith("Các sở, ban, ngành, UBND các huyện, thành phố báo cáo kết quả")
    assert "(trước ngày 15 tháng 11)" in plan.reporting_text
    assert plan.closing_text.startswith("Yêu cầu các sở, cơ quan, đơn vị, địa phương nghiêm túc")
    assert plan.closing_text.endswith("để xem xét, giải quyết./.")
    assert plan.recipients_text.splitlines()[0] == "- Bộ TT&TT;"
    assert "- UBND huyện, thành phố;" in plan.recipients_text.splitlines()
    assert len(plan.recipients_text.splitlines()) == 9


def test_sections(seed):
    rows = [
        (s.code, s.parent.code if s.parent_id else None, s.number, s.title)
        for s in Section.objects.filter(plan=seed).select_related("parent").order_by("order")
    ]
    assert rows == EXPECTED_SECTIONS
    orders = list(Section.objects.filter(plan=seed).order_by("order").values_list("order", flat=True))
    assert len(set(orders)) == len(orders) == 14
    sections = {s.code: s for s in Section.objects.filter(plan=seed)}
    assert sections["I.1"].text == seed.purpose
    assert sections["I.2"].text == seed.requirements
    assert sections["III"].text == seed.funding
    assert sections["V"].text == seed.reporting_text
    for code in ("I", "II", "IV") + tuple(f"II.{n}" for n in range(1, 8)):
        assert sections[code].text == ""
    # Task groups hold their tasks, and nothing else holds tasks.
    counts = {f"II.{n}": c for n, c in enumerate([2, 4, 2, 3, 5, 5, 3], 1)}
    for code, section in sections.items():
        assert section.tasks.count() == counts.get(code, 0), code


# ---------------------------------------------------------------------------------------------- section IV

def test_responsibilities(seed):
    rows = list(Responsibility.objects.filter(plan=seed).order_by("order"))
    assert [r.number for r in rows] == [str(n) for n in range(1, 11)]
    for r in rows:
        heading, agencies, groups, text_start = EXPECTED_RESPONSIBILITIES[r.number]
        assert r.heading == heading
        assert set(r.agencies.values_list("code", flat=True)) == agencies, r.number
        assert set(r.groups.values_list("code", flat=True)) == groups, r.number
        assert r.text.startswith(text_start), r.number
        assert len(r.text.split("\n\n")) == RESPONSIBILITY_PARAGRAPHS[r.number], r.number
    assert rows[-1].text.endswith("tạo sự đồng thuận trong Nhân dân.")


# ---------------------------------------------------------------------------------------------- agencies

def test_groups_and_members(seed):
    groups = {g.code: g for g in AgencyGroup.objects.all()}
    assert set(groups) == {SBN, HUYEN, PRESS}
    assert groups[SBN].name == "Các sở, ban, ngành"
    assert groups[HUYEN].name == "UBND các huyện, thành phố"
    assert groups[PRESS].name == "Các cơ quan báo chí, truyền thông của tỉnh"
    members = {code: set(g.members.values_list("code", flat=True)) for code, g in groups.items()}
    assert members[SBN] == set(SO) | {"thanh-tra-tinh", "ban-dan-toc-tinh", "ban-quan-ly-cac-kcn", "van-phong-ubnd-tinh"}
    assert len(members[SBN]) == 20
    assert members[HUYEN] == set(DISTRICTS) and len(members[HUYEN]) == 10
    assert members[PRESS] == set(PRESS_MEMBERS) and len(members[PRESS]) == 4
    assert {"so-tttt", "so-tu-phap", "so-noi-vu", "so-ngoai-vu", "so-tai-chinh"} <= members[SBN]
    assert "cong-an-tinh" not in members[SBN] and "ban-tuyen-giao-tu" not in members[SBN]
    assert all(Agency.objects.get(code=c).kind == "district" for c in members[HUYEN])
    assert all(Agency.objects.get(code=c).kind == "press" for c in members[PRESS])
    kinds = dict(Agency.objects.filter(code__in=members[SBN]).values_list("code", "kind"))
    assert kinds.pop("van-phong-ubnd-tinh") == "office"
    assert set(kinds.values()) == {"department"}


def test_named_agencies(seed):
    assert Agency.objects.count() == 40
    for code, (name, short_name, kind) in NAMED_AGENCIES.items():
        agency = Agency.objects.get(code=code)
        if name is not None:
            assert agency.name == name
        if short_name is not None:
            assert agency.short_name == short_name
        assert agency.kind == kind
    assert all(a.short_name for a in Agency.objects.all())
    assert not Agency.objects.filter(valid_to__isnull=False).exists()
    # Every agency is active in each year of the plan.
    assert Agency.objects.active_in_year(2023).count() == 40


def test_every_referenced_agency_exists(seed):
    codes = set(SO) | set(DISTRICTS) | set(PRESS_MEMBERS) | set(NAMED_AGENCIES)
    groups = {SBN, HUYEN, PRESS}
    for _, _, leads, coordinators, _ in EXPECTED_TASKS.values():
        for kind, value, _ in leads + coordinators:
            (codes if kind == "agency" else groups if kind == "group" else set()).add(value)
    for _, agencies, group_codes, _ in EXPECTED_RESPONSIBILITIES.values():
        codes |= agencies
        groups |= group_codes
    missing = codes - set(Agency.objects.values_list("code", flat=True))
    assert not missing
    assert groups == set(AgencyGroup.objects.values_list("code", flat=True))
    # And every agency natural key written in the fixture file names a loaded agency.
    data = json.loads((Path(settings.BASE_DIR) / SEED_FIXTURE).read_text(encoding="utf-8"))
    referenced = set()
    for obj in data:
        fields = obj["fields"]
        for name in ("agency", "issuer", "report_recipient"):
            if fields.get(name):
                referenced.add(fields[name][0])
        for name in ("members", "agencies", "successors"):
            referenced |= {key[0] for key in fields.get(name, [])}
    assert referenced and not referenced - set(Agency.objects.values_list("code", flat=True))


# ---------------------------------------------------------------------------------------------- loading

def snapshot():
    """Every seeded table's rows (with primary keys) and M2M pairs, sorted."""

    def rows(queryset, *fields):
        return sorted(repr(tuple(r)) for r in queryset.values_list(*fields))

    return {
        "agency": rows(Agency.objects.all(), "pk", "code", "name", "short_name", "kind", "valid_from", "valid_to",
                       "head_email", "search_text"),
        "agency_successors": rows(Agency.successors.through.objects.all(), "from_agency__code", "to_agency__code"),
        "group": rows(AgencyGroup.objects.all(), "pk", "code", "name", "description", "search_text"),
        "group_members": rows(AgencyGroup.members.through.objects.all(), "agencygroup__code", "agency__code"),
        "plan": rows(Plan.objects.all(), *[f.attname for f in Plan._meta.concrete_fields]),
        "section": rows(Section.objects.all(), *[f.attname for f in Section._meta.concrete_fields]),
        "task": rows(Task.objects.all(), *[f.attname for f in Task._meta.concrete_fields]),
        "assignment": rows(Assignment.objects.all(), *[f.attname for f in Assignment._meta.concrete_fields]),
        "responsibility": rows(Responsibility.objects.all(),
                               *[f.attname for f in Responsibility._meta.concrete_fields]),
        "responsibility_agencies": rows(Responsibility.agencies.through.objects.all(), "responsibility__number",
                                        "agency__code"),
        "responsibility_groups": rows(Responsibility.groups.through.objects.all(), "responsibility__number",
                                      "agencygroup__code"),
    }


def test_loading_twice_changes_nothing(seed):
    before = snapshot()
    assert len(before["assignment"]) == 79 and len(before["group_members"]) == 34
    call_command("loaddata", SEED_FIXTURE, verbosity=0)
    after = snapshot()
    for table in before:
        assert after[table] == before[table], table


def test_all_texts_nfc_and_stripped(seed):
    checked = 0
    for model in (Agency, AgencyGroup, Plan, Section, Task, Assignment, Responsibility):
        text_fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, (models.CharField, models.TextField))]
        for row in model.objects.values(*text_fields):
            for name, value in row.items():
                assert unicodedata.is_normalized("NFC", value), (model.__name__, name, value)
                assert value == value.strip(), (model.__name__, name, value)
                checked += 1
    assert checked > 700
