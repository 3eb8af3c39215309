"""A plan's document (blocks from ``planimport.readers``) → what it says: header, reporting rule, sections, tasks with
their lead and coordinating agencies as written, timeframes and targets. Pure Python, no database.

Layouts read, mixed freely in one document:

* numbered items (I., 1., 1.1., a), –) followed by labelled lines "Chủ trì: … / Phối hợp: … / Thời gian: …" (the
  seed), also inline in parentheses "(Chủ trì: …; thời gian: …)";
* prose: "Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính và UBND cấp xã triển khai …, hoàn thành trong Quý
  II/2026";
* a heading that names the lead once ("1. Nhóm nhiệm vụ … – Chủ trì: Sở Y tế"): the items under it inherit it;
* tables "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm" (DOCX tables or
  "|" text), with section rows ("I | Nhóm nhiệm vụ …") between task rows.

Which item is a task: one that carries (or inherits) a lead, a coordinator or a timeframe and has no such item under
it. Every other numbered item with tasks under it, and every top-level part, is a section; the parts on organisation
("Tổ chức thực hiện": each agency's standing duties), funding and reporting are read as such, not as tasks."""

import datetime
import itertools
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext

from plan_tracker.text import fold

from .bodies import is_known, known_end, known_names_in_force, known_spans
from .names import classify, group_keys, split_names, _STARTER_RE
from .readers import gazette_head
from .timeframes import Timeframe, read_timeframe


@dataclass
class ParsedSection:
    code: str
    number: str
    title: str
    parent: str | None
    text: str = ""
    order: int = 0


@dataclass
class ParsedTask:
    number: str
    title: str
    section: str
    lead: list
    coordinators: list
    timeframe: Timeframe
    content: str = ""
    target_text: str = ""
    target_quantity: int | None = None
    target_unit: str = ""
    target_per_year: bool = False
    product: str = ""
    order: int = 0


@dataclass
class Reporting:
    text: str = ""
    period: str = "none"  # yearly | semiannual | quarterly | monthly | other | none
    due_day: int | None = None
    due_month: int | None = None
    to: list = field(default_factory=list)
    onward: str = ""

    @property
    def due(self):
        """"MM-DD" for a yearly report, "DD" (day of the month) for a shorter period, else None."""
        if self.due_day and self.due_month:
            return f"{self.due_month:02d}-{self.due_day:02d}"
        if self.due_day:
            return f"{self.due_day:02d}"
        return None

    @property
    def collectable(self):
        """The app collects one report a year: only a yearly rule (or none) fits."""
        return self.period in ("yearly", "none")


@dataclass
class ParsedResponsibility:
    number: str
    heading: str
    text: str
    order: int = 0


@dataclass
class ParsedPlan:
    number: str = ""
    document_type: str = "Kế hoạch"
    date: datetime.date | None = None
    issuer: str = ""
    place: str = ""
    title: str = ""
    signer_name: str = ""
    signer_capacity: str = ""
    legal_basis: str = ""
    purpose: str = ""
    requirements: str = ""
    funding: str = ""
    closing_text: str = ""
    recipients_text: str = ""
    reporting: Reporting = field(default_factory=Reporting)
    sections: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    responsibilities: list = field(default_factory=list)

    def as_json(self):
        """The shape ``import_plan --json`` prints (README "Importing a plan")."""
        return {
            "plan": {
                "number": self.number, "date": self.date.isoformat() if self.date else None,
                "issuer": self.issuer, "place": self.place, "title": self.title,
            },
            "reporting": {
                "text": self.reporting.text, "period": self.reporting.period, "due": self.reporting.due,
                "to": list(self.reporting.to),
            },
            "tasks": [
                {
                    "number": t.number, "title": t.title, "section": t.section, "lead": list(t.lead),
                    "coordinators": list(t.coordinators), "timeframe": t.timeframe.text,
                    "kind": t.timeframe.json_kind,
                    "due": t.timeframe.due.isoformat() if t.timeframe.due else None,
                }
                for t in self.tasks
            ],
        }


# --- line shapes ------------------------------------------------------------------------------------------------

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_ROMAN = re.compile(r"^(?:PHẦN\s+|Phần\s+)?([IVXL]{1,6})\s*[.\-–/):]\s*(.*)$")
_UPPER_LETTER = re.compile(r"^([A-Z])\s*[.)/]\s+(\S.*)$")
_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\s*[.)/]?\s+(\S.*)$")
_ARABIC = re.compile(r"^(\d{1,2})\s*[.)/]\s*(\S.*)$")
_LETTER = re.compile(r"^([a-zđ])\s*[).]\s*(\S.*)$")
_LOWER_ROMAN = re.compile(r"^([ivx]{2,5})\s*\)\s*(\S.*)$")  # "ii)", "iv)": points as "a)" are, after an "i)"
_PAREN = re.compile(r"^\((\d{1,2}|[a-zđ])\)\s+(?=[^\W\d_])(.*)$")  # "(1)", "(a)": items a level below whatever holds them
_BULLET = re.compile(r"^(?:[-–—+•*▪◦·]\s*)+")

# round 38: a unit's kind before the role in a label, "Khoa/Phòng chủ trì:", "Phòng phối hợp:" (a hospital's, a Sở's
# units), as "Cơ quan chủ trì:" has it
_UNIT_KIND = r"(?:khoa|phong|ban)(?:\s{0,2}/\s{0,2}(?:khoa|phong|ban))?\s+"

_LABELS = [
    ("lead", r"(?:(?:co quan|don vi|bo phan|cq)(?:\s*/\s*(?:co quan|don vi))?\s+|" + _UNIT_KIND
             + r")?chu tri(?:\s+(?:thuc hien|thuc hien chinh))?"
             r"|(?:co quan|don vi)\s+(?:thuc hien|chiu trach nhiem)|trach nhiem (?:chi dao\s+)?thuc hien|chu tri thuc hien"
             # round 37: "… Giao: X; Phối hợp: Y; Thời gian: Z." on a task's line, "Giao:" (or "Đơn vị được giao:")
             # labels the body given the task, as "Chủ trì:" does (a label needs its colon: "giao" in a sentence is no
             # label)
             r"|(?:(?:co quan|don vi)\s+duoc\s+)?giao"),
    ("coordinators", r"(?:(?:co quan|don vi|cq)(?:\s*/\s*(?:co quan|don vi))?\s+|" + _UNIT_KIND
                     + r")?phoi hop(?:\s+thuc hien)?"),
    # every word that can label a time, on a line of its own ("- Hoàn thành: Quý III/2026") or inline ("…; thời gian
    # trình: Tháng 7/2026"); a label needs its colon, "…, hoàn thành trong năm 2026" is the sentence's own time
    ("time", r"thoi gian(?:\s+(?:thuc hien|hoan thanh|trien khai|trinh))?|thoi han(?:\s+(?:hoan thanh|trinh))?"
             r"|tien do(?:\s+(?:thuc hien|hoan thanh|trinh))?|hoan thanh"),
    ("content", r"noi dung(?:\s+thuc hien)?|yeu cau"),
    ("target", r"hinh thuc\s*/\s*so luong|hinh thuc,?\s+so luong|so luong|chi tieu"),
    ("product", r"san pham(?:\s+(?:dau ra|hoan thanh))?|ket qua(?:\s+(?:dau ra|can dat))?"),
]
_LABEL_RE = re.compile(r"^(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _LABELS) + r")\s*(?:\([^)]*\))?\s*:\s*")
_INLINE_LABEL_RE = re.compile(r"(?:^|[(;,.]\s*|\s[-–]\s*)(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _LABELS)
                              + r")\s*:\s*")

_VERBS = (
    "trien khai|thuc hien|to chuc|xay dung|tham muu|huong dan|ra soat|kiem tra|day manh|tang cuong|nghien cuu|de xuat|"
    "ban hanh|de|trong viec|trong qua trinh|tuyen truyen|cung cap|theo doi|quan ly|danh gia|tong hop|bo tri|pho bien|hoan thien|"
    "duy tri|nang cao|van hanh|cap nhat|phat trien|ung dung|chi dao|don doc|tham dinh|trinh|lap|chuan bi|sua doi|"
    "bo sung|tiep tuc|kip thoi|chu dong|giam sat|dam bao|bao dam|ho tro|tap huan|boi duong|tiep nhan|xu ly|"
    "hoan thanh|khao sat|dieu tra|thong ke|bien soan|phat hanh|so hoa|dau tu|nang cap|mua sam|thiet lap|ket noi|"
    "tich hop|van dong|dang tai|khen thuong|so ket|tong ket|bao cao|thuc thi|lam|dan dat|ky ket|dang ky|ky|phoi hop|tham gia|"
    "dao tao|thi diem|kien toan|thanh lap|cung co|lua chon|tuyen chon|phat dong|(?<!ngoai )giao|doi moi|thuc day|"
    "khuyen khich|"
    # "… phối hợp với UBND các xã, phường, đặc khu thông báo, hướng dẫn …": to notify ("Thông báo" as a document is
    # capitalised or after "tại"; a name never holds it)
    "(?<!tai )thong bao|"
    # "… phối hợp với Cục X thanh tra chuyên ngành …": an inspection as "kiểm tra" is ("Thanh tra tỉnh" is capitalised)
    "thanh tra|"
    "san tao|san lap|giai phong|di doi|thu hut|moi goi|can doi|tien hanh|trong cong tac|xac dinh|thao go|"
    # adverbs that open a predicate: a name never holds them ("… và địa phương có rừng khẩn trương xây dựng …")
    "khan truong|tich cuc|quyet liet|nghiem tuc|"
    # "… các cơ quan Trung ương trong kiểm soát chất lượng nước …"
    "kiem soat|"
    # "Bộ X căn cứ quy định … để phân công …": the subject acts on what it relies on
    "can cu|"
    # "… đề nghị Ủy ban nhân dân các tỉnh lưu ý các nhiệm vụ sau:"
    "luu y|"
    # "Cục X có trách nhiệm thông báo …", "Các cấp ủy … quán triệt Đề án …"
    "co trach nhiem|chiu trach nhiem|quan triet|"
    # "… phối hợp với Sở Y đưa nội dung … vào …", "… với các hợp tác xã mở rộng …"
    "dua|mo rong|"
    # "Bộ X và các cơ sở giáo dục lồng ghép nội dung … vào …"
    "long ghep"
)
_VERB_RE = re.compile(r"(?:^|[\s,])(" + _VERBS + r")\b")

_TIME_HINT = re.compile(
    r"(hoan thanh|thoi gian|thoi han|truoc ngay|truoc thang|trong (nam|quy|thang)|quy (i|ii|iii|iv|[1-4])\b|"
    r"thuong xuyen|hang nam|hang nam|nam 20\d\d|giai doan 20|"
    # "…; thực hiện hằng quý.", "…; hằng tháng.": a clause that is the frequency alone ("định kỳ hằng tháng báo cáo …"
    # is a report's rhythm, not the point's time)
    r"^\s*(?:thuc hien\s+|trien khai\s+)?hang (?:quy|thang)\s*$|"
    # round 37: "…, định kỳ hằng tháng.": the same rhythm, "periodically" before it
    r"^\s*dinh ky\s+hang (?:quy|thang)\s*$|"
    # "…; triển khai theo tiến độ giao vốn hằng quý.": the work follows a cycle of that rhythm
    r"^\s*(?:thuc hien|trien khai)\s+theo\s.*\bhang (?:quy|thang)\s*$|"
    # "… gửi Sở X trước 30/6/2026": a date after "trước" without "ngày"
    r"truoc \d{1,2}\s*/\s*\d{1,2}\s*/\s*20\d\d|"
    # "…, chậm nhất ngày 10/01/2027": a deadline on that day (round 35)
    r"cham nhat ngay \d)"
)

_SPECIAL_SECTIONS = [
    # "Phân công nhiệm vụ" assigns the plan's tasks (3260-KH/ĐĐQH15's part II): no standing responsibilities
    ("organisation", re.compile(r"to chuc thuc hien|trach nhiem thuc hien|phan cong trach nhiem")),
    ("reporting", re.compile(r"che do (thong tin,? )?bao cao|bao cao ket qua|thong tin,? bao cao|^bao cao")),
    ("funding", re.compile(r"kinh phi")),
    ("purpose", re.compile(r"muc dich|muc tieu|yeu cau|quan diem")),
]


def _roman_value(s):
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _label_of(line):
    """(kind, rest) when ``line`` (bullet stripped) is a labelled line, else None."""
    body = _BULLET.sub("", line)
    m = _LABEL_RE.match(fold(body))
    if not m:
        return None
    kind = next(k for k, _ in _LABELS if m.group(k))
    return kind, body[m.end():].strip()


def _marker(line):
    """(rank, number, text) of a numbered line, else None. Ranks: A. 0, I. 1, 1. 2, 1.1. 3, 1.1.1. 4, a) 5."""
    m = _ROMAN.match(line) if not re.match(r"(?i)^v/v\b", line) else None  # "V/v …": a letter's subject line
    if m and m.group(2) and (_roman_value(m.group(1)) < 40) and re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", m.group(1)):
        return 1, m.group(1), m.group(2).strip()
    m = _DOTTED.match(line)
    if m and not re.match(r"^\d", m.group(2)):
        return 1 + m.group(1).count(".") + 1, m.group(1), m.group(2).strip()
    m = _ARABIC.match(line)
    if m and not re.match(r"^\d", m.group(2)):
        return 2, m.group(1), m.group(2).strip()
    m = _LETTER.match(line)
    if m:
        return 5, m.group(1), m.group(2).strip()
    m = _LOWER_ROMAN.match(line)
    if m and re.fullmatch(r"x{0,3}(ix|iv|v?i{0,3})", m.group(1)):
        return 5, m.group(1), m.group(2).strip()
    m = _PAREN.match(line)
    if m and not re.match(r"^\d", m.group(2)):
        return 6, m.group(1), m.group(2).strip()
    m = _UPPER_LETTER.match(line)
    if m and m.group(1) not in "IVXL" and m.group(2)[:1].isupper():
        return 0, m.group(1), m.group(2).strip()
    return None


class _Node:
    def __init__(self, rank, number, text, parent, kind="item"):
        self.rank, self.number, self.text, self.parent, self.kind = rank, number, text, parent, kind
        self.children, self.body = [], []
        self.attrs = {}  # lead/coordinators: [names]; time/content/target/product: text
        self.special = parent.special if parent is not None else None
        self.table_tasks = []  # from tables under this node: (number, fields)
        self.lead_heading = False  # "2. Thanh tra tỉnh": the heading names the lead of the points under it
        self.paren_heading = False  # "(2) Giao X:" right under a part, ranked as "2. Giao X:" is
        self.subject_paras = []  # (text, attrs) of subject-led paragraphs under its topical dashes: tasks
        self.heading_swapped = False  # its heading went to its body, its paragraph whose subject leads is its text
        self.subject_led = False  # a dash whose own subject is its lead, among a part's content (_stray_dashes)
        self.members, self.members_read = [], False  # "Giao các sở … gồm: - Sở Công Thương (…); …": the group's members
        self.asked_units = False  # its sentences each ask their own body ("Đề nghị X …. Đồng thời, X …"): a section

    @property
    def has_info(self):
        return any(self.attrs.get(k) for k in ("lead", "coordinators", "time"))

    def info_below(self):
        return any(c.has_info or c.info_below() or c.table_tasks for c in self.children)


# --- inline (prose and parenthesised) assignments ---------------------------------------------------------------


# "BHXH tỉnh", "KBNN tỉnh", "NHNN khu vực 5": a body named by its initials and its level
_INITIALS_BODY = re.compile(r"^[A-ZĐ]{3,6}\s+(?:tỉnh|thành phố|huyện|xã|Việt Nam|khu vực)\b")


def _agency_suffix(names):
    """The longest run of names at the end of ``names`` that all look like agencies or groups."""
    out = []
    for name in reversed(names):
        if (_STARTER_RE.match(name) or _INITIALS_BODY.match(name) or group_keys(name) or classify(name) == "related"
                or is_known(name)):  # a body the importer knows, with no kind word ("Viettel Tây Ninh")
            out.insert(0, name)
        else:
            break
    return out


_NAME_WORDS = set(
    "tinh va cac cap huyen xa phuong thi tran thanh pho co lien quan don vi co quan ban nganh cua dia phuong chinh tri "
    "hoi to chuc nha nuoc khu vuc truc thuoc trung uong doan the thong tin bao chi truyen thong doanh nghiep "
    "nha dau tu thu chu "
    # the "-học" of a discipline closing a name ("Viện Xã hội học", "Viện Hải dương học")
    "hoc".split()
)


# "các doanh nghiệp viễn thông", "các tổ chức tín dụng trên địa bàn": a kind of body, then lower-case words that say
# which
_KIND_QUALIFIED = re.compile(r"^cac (?:doanh nghiep|to chuc|hop tac xa|co so|ngan hang|hiep hoi|benh vien|truong)\s+\S")


# "Cục …", "Tổng cục …" with a capitalised word after it: a ministry's department, its name a field in lower case
_CENTRAL_DEPARTMENT = re.compile(r"^(?:Tổng\s+cục|Cục)\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]")


def _transaction_office(folded, start):
    """"Phòng giao dịch" (a bank's transaction office, "Ngân hàng … - Phòng giao dịch X"): "giao" at ``start`` of the
    folded text is the office's name there, not the verb "giao" (to assign)."""
    return bool(re.match(r"giao dich\b", folded[start:start + 12])) and folded[:start].rstrip().endswith("phong")


def _cut_at_verb(text, verbs_only=False):
    """The agency list at the start of ``text``: up to the first lower-case verb ("triển khai", "để" …), or the
    first lower-case word that cannot go on a name ("Sở Tư pháp công bố …": a name's lower-case syllable follows a
    capitalised one, "Tư pháp", or is a word names use, "tỉnh", "các", "có liên quan")."""
    text = " ".join(text.split())  # fold() collapses spaces: the folded text's offsets are the text's only then
    f = fold(text)
    cut = len(text)
    known = known_spans(text)  # the bodies the importer knows: never cut inside one (bodies.py)
    for m in _VERB_RE.finditer(f):
        start = m.start(1)
        if start == 0 or not text[start].islower() or _inside(known, start):
            continue
        if m.group(1) == "giao" and text[start:start + 4] != "giao":
            continue  # "Ban Tuyên giáo": "giáo" folds to the verb "giao"
        if m.group(1) == "giao" and _transaction_office(f, start):
            continue  # round 37: "… - Phòng giao dịch X", a bank's office
        if m.group(1) == "lam" and text[start:start + 3].lower() != "làm":
            continue  # "Hạt Kiểm lâm", "Lâm nghiệp": "lâm" folds to the verb "làm"
        if m.group(1) == "lap" and text[start:start + 3].lower() == "lấp":
            continue  # round 32: "bị bồi lấp", "san lấp": "lấp" (to fill in) folds to the verb "lập" ("lắp" is one)
        before = f[:start].split()
        if before and before[-1] in ("cac", "nhung", "va", "nha", "chu", "phai"):
            # "các", "những": a noun follows; "nhà đầu tư", "chủ đầu tư": an actor, not a verb; "Chủ dự án phải thực
            # hiện kiểm kê …": what the named body must do, inside its name
            continue
        if m.group(1) == "ky" and (text[start:start + 2] not in ("ký", "kí") or before and before[-1] in ("thu", "chu")):
            continue  # "kỹ thuật"; "Ban Thư ký", "chữ ký": a noun, not "ký" (to sign)
        if m.group(1) == "kiem soat" and before and before[-1] == "ban":
            continue  # "Ban kiểm soát Quỹ …": a board's name, not "kiểm soát" (to control)
        if m.group(1) == "tham muu" and before[-2:] == ["co", "quan"]:
            continue  # "Các cơ quan tham mưu, giúp việc của Tỉnh ủy": a kind of body, not "tham mưu" (to advise)
        if m.group(1) == "trinh" and before and before[-1] == "cong":
            continue  # "Chủ các công trình …": the works, not "trình" (submit)
        if m.group(1) == "quan ly" and before and before[-1] in ("so", "quan", "ban", "vi", "bo") and (
                f[m.end(1):].lstrip().startswith(("nha nuoc", "chuyen nganh"))):
            continue  # "các sở quản lý nhà nước chuyên ngành", "cơ quan quản lý chuyên ngành": a body's name
        cut = start
        if before and before[-1] == "trong":  # "… Trung ương trong kiểm soát …": "trong" opens the verb's phrase
            cut = f.rfind("trong", 0, start)
        break
    cut = _verb_after_known(text, cut, known)
    if verbs_only:
        return text[:cut].rstrip(" ,;.")
    cut = _proper_name_end(text, cut, known)
    start = 0
    if cut < len(text):
        names = split_names(text[:cut])
        listed = len(names) > 1 and all(_STARTER_RE.match(n) for n in names)
        if (len(names) == 1 or listed) and _KIND_QUALIFIED.match(fold(names[-1])) and len(names[-1].split()) <= 9:
            # "các tổ chức tín dụng trên địa bàn đẩy mạnh …": a kind of body in lower case and what qualifies it,
            # up to the verb
            return text[:cut].rstrip(" ,;.")
        if (listed or _lone_group(names, text[:cut])) and (not names[-1][:1].isupper() or group_keys(names[-1])):
            # a list of names up to the verb that each start as a name does ("các Sở, ban ngành, chủ đầu tư kinh
            # doanh hạ tầng … thực hiện", "…, các địa phương có rừng"): their lower-case words are their own; so are
            # a group's last in the list ("… và UBND các xã, phường ven biển", its qualifier)
            return text[:cut].rstrip(" ,;.")
        if (len(names) == 1 or listed) and _CENTRAL_DEPARTMENT.match(names[-1]) and len(names[-1].split()) <= 10:
            # "Cục Di sản văn hóa kiểm tra …": a central department's name goes on in lower case ("Cục Bản quyền tác
            # giả", "Tổng cục Thể dục thể thao"), up to the verb
            return text[:cut].rstrip(" ,;.")
        if listed:
            # … but a last name in capitals may run into work the parser has no verb for ("…, Cục Quản lý thị
            # trường tỉnh ngăn chặn hàng giả …"): the lower-case rule below reads it
            end = len(text[:cut].rstrip(" ,;."))
            start = max(text.rfind(", ", 0, end), text.rfind("; ", 0, end), text.rfind(" và ", 0, end)) + 1
    # the first lower-case word after a lower-case word, outside the words (and two-word terms) names use
    previous_lower, compound = False, False
    words = list(re.finditer(r"\S+", text[:cut]))
    words = [w for w in words if w.start() >= start]
    for k, m in enumerate(words):
        word = m.group(0)
        bare = fold(word).strip(",;.()")
        lower = word[:1].islower()
        if _inside(known, m.start()):
            previous_lower, compound = lower, False  # a known name's own words
            continue
        nxt = fold(words[k + 1].group(0)).strip(",;.()") if k + 1 < len(words) else ""
        starts = lower and f"{bare} {nxt}" in _NAME_TERMS  # "… các khu công nghiệp", "Cục Quản lý thị trường"
        if (lower and previous_lower and text[:m.start()].endswith(", ") and k + 1 < len(words)
                and re.match(r"^(?:Ban|Vụ|Phòng)\s+[A-ZĐ]", text[_name_start(text, m.start() - 2):])
                and cut < len(text) and "," not in text[m.start():cut] and len(text[m.start():cut].split()) <= 4
                and not re.search(r"\b(?:cac|co quan|don vi|to chuc|lien quan|dia phuong|doanh nghiep|ca nhan|nha|"
                                  r"truong|chu|ho|cong dong|hop tac xa|nhan dan)\b", fold(text[m.start():cut]))):
            # "… phối hợp với Ban Chính sách, thuế quốc tế hướng dẫn …": a unit named by its fields, the second in
            # lower case after the comma, up to the verb (a few words: no group, no kind of actor, no other comma)
            break

        if (lower and previous_lower and bare not in _NAME_WORDS and not compound and not starts
                and not re.fullmatch(r"[-–&]", word)):
            tail = text[m.start():cut].rstrip(" ,;.").split()
            if (cut < len(text) and 1 < len(tail) <= 3 and fold(tail[-1]) in _PLACE_LEVELS - {"pho", "tran", "khu"}
                    and not re.search(r"[,;]", " ".join(tail))):
                break  # "Hội Cựu chiến binh phường tổ chức …": a name ending with its place's level, up to the verb
            cut = m.start()
            break
        compound = starts
        previous_lower = lower and bare not in ("cac", "va", "voi")
    return text[:cut].rstrip(" ,;.")


def _lone_group(names, text):
    """Round 32: one group of a body over places up to the verb, its qualifier after it ("UBND các xã, phường bị ảnh
    hưởng tổ chức …"): its lower-case words are its own, as a group's last in a list are (not a kind of body in lower
    case, "các doanh nghiệp X", whose qualifier may be work the parser has no verb for)."""
    return (len(names) == 1 and bool(group_keys(names[0])) and _STARTER_RE.match(names[0]) is not None
            and bool(re.search(r"\scac (?:xa|phuong|huyen|tinh|quan|thi xa|thanh pho|dac khu)\b", fold(names[0]))))


# two-word terms in lower case that agencies' names hold after their capitalised words ("Ban Quản lý các khu công
# nghiệp", "Cục Quản lý thị trường", "Chi cục Bảo vệ môi trường", "Ngân hàng Nhà nước … chi nhánh tỉnh", "Báo X điện
# tử", "Ủy ban nhân dân xã X", "Bộ Chỉ huy quân sự tỉnh", "Tổng công ty X"): a lower-case word after a lower-case
# one goes on the name when it starts one of them
_NAME_TERMS = {"cong nghiep", "thi truong", "moi truong", "nong thon", "xa hoi", "dan su", "chi nhanh", "dien tu",
               "cong ty", "kinh te", "cuu nan", "thien tai", "nhan dan", "kiem sat", "quan su",
               # "Phòng Văn hóa, Thể thao và Du lịch đặc khu", "Hội Nông dân đặc khu": a special zone's level (since
               # 2025), two words, closing a name as "xã", "phường" do
               "dac khu",
               # round 37: a field a unit manages or promotes, "Phòng Quản lý đô thị", "Trung tâm Xúc tiến du lịch"
               "do thi", "du lich"}
# the levels a place is named at: the capitalised words after one are a place's name ("huyện Đakrông")
_PLACE_LEVELS = {"tinh", "huyen", "xa", "phuong", "quan", "pho", "tran", "khu"}
# as written: "trận", "quân" are none; "đặc khu" (a special zone, since 2025) is one, "khu" alone no
_PLACE_LEVEL_WORDS = {"tỉnh", "huyện", "xã", "phường", "quận", "phố", "trấn", "khu"}
# the lower-case words a name goes on with after a proper name: a place's level ("… Việt Nam tỉnh", "thị xã"), "và",
# "các", "cấp", "có liên quan", "trực thuộc", "của", "khu vực", "trung ương"
_AFTER_PROPER = {"tinh", "huyen", "xa", "phuong", "thanh", "pho", "thi", "tran", "quan", "va", "cac", "cap", "co",
                 "lien", "truc", "thuoc", "cua", "khu", "vuc", "trung", "uong", "dia", "dac"}
_ACRONYM_WORD = re.compile(r"[A-ZĐ][A-ZĐ0-9&\-]*[A-ZĐ]")


# verbs written as a name's words are ("Thanh tra tỉnh", "Viện kiểm sát"): right after a known name, whole with its
# place, the work ("Thanh tra Chính phủ thanh tra …", "Viện kiểm sát nhân dân tối cao kiểm sát …")
_VERBS_LIKE_NAME_WORDS = re.compile(r"\s+(?:thanh tra|kiểm sát)\b")


def _verb_after_known(text, cut, known):
    """``cut``, or the start of such a verb right after a known name before it."""
    for _s, e in known:
        m = _VERBS_LIKE_NAME_WORDS.match(text, e)
        if m and m.start() < cut:
            return m.start()
    return cut


def _inside(spans, pos):
    """Whether ``pos`` falls inside one of the known names' ``spans`` (after its first character)."""
    return any(s < pos < e for s, e in spans)


def _name_start(text, at):
    """Where the name holding ``text[at]`` starts: after the list's last ", ", "; " or " và " before it."""
    return max([0] + [i + len(sep) for sep in (", ", "; ", " và ") for i in [text.rfind(sep, 0, at)] if i >= 0])


def _proper_name_end(text, cut, known=()):
    """Where a list of names ends before ``cut``: at a lower-case word right after a proper name, which no agency's
    name goes on with in lower case except in the words names use ("tỉnh", "và", "các", "có liên quan", "cấp xã", …):
    after two capitalised words past a name's first ("Sở Công Thương", "Báo … Quảng Trị"), after a place's name
    ("UBND huyện Đakrông") or after initials ("Sở VHTTDL"). One lower-case syllable after a single capitalised word
    goes on it ("Sở Tư pháp", "Hội Liên hiệp Phụ nữ tỉnh"): a name's words are capitalised first only."""
    first, proper, capitals, level = True, False, 0, False
    words = list(re.finditer(r"\S+", text[:cut]))
    for k, m in enumerate(words):
        word = m.group(0)
        core = word.strip(",;.()")
        bare = fold(core)
        if not core:
            continue
        if _inside(known, m.start()):
            # a known name's words: complete at its end, so a lower-case word after it that names do not go on
            # with ends the list
            first, proper, capitals, level = False, True, 0, False
            if word.endswith((",", ";")) and not _inside(known, m.end()):
                first, proper = True, False
            continue
        if core[:1].islower():
            nxt = fold(words[k + 1].group(0)).strip(",;.()") if k + 1 < len(words) else ""
            if proper and bare not in _AFTER_PROPER and f"{bare} {nxt}" not in _NAME_TERMS:
                return m.start()
            proper, capitals = False, 0
            level = bare in _PLACE_LEVELS and core.lower() in _PLACE_LEVEL_WORDS  # not "Mặt trận" ("thị trấn")
            if bare == "khu" and not (k and words[k - 1].group(0).lower() == "đặc"):
                level = False  # "đặc khu Vân Đồn" is a place; "Ban Quản lý khu Kinh tế" no
            first = bare in ("va", "voi", "cac")  # "các Bộ Kế hoạch …": the name starts after "các"
        elif core[:1].isupper():
            # a name's first word counts when it is no kind of body ("…, Công Thương": a member's own name)
            capitals = (0 if _STARTER_RE.match(text[m.start():]) else 1) if first else capitals + 1
            proper = bool(_ACRONYM_WORD.fullmatch(core)) or capitals >= 2 or level
            first = False
        else:
            proper, capitals, level = False, 0, False  # a number, a dash: neither
        if word.endswith((",", ";")):
            first, proper, capitals, level = True, False, 0, False  # the next name starts
    return cut


# the Government's own groups of bodies, as its resolutions, directives and decisions write them (round 36): "Các bộ,
# cơ quan ngang bộ", "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "các cơ quan thuộc Chính phủ", "Các bộ, cơ
# quan trung ương"
_CENTRAL_GROUP = re.compile(r"^(?:cac\s+bo\s*,\s*)?(?:cac\s+)?co quan\s+(?:ngang bo|thuoc chinh phu|trung uong)"
                            r"(?:\s*,\s*(?:cac\s+)?co quan\s+(?:ngang bo|thuoc chinh phu|trung uong)){0,2}$")


def _central_group(name):
    """Whether ``name`` is one of the Government's groups of bodies ("Các bộ, cơ quan ngang bộ")."""
    return len(name) < 120 and _CENTRAL_GROUP.match(re.sub(r"\s+", " ", fold(name)).strip()) is not None


def _agency_like(name):
    """A written name that is an agency or a group ("Thanh tra tỉnh", "Các sở, ban, ngành"), not a phrase that only
    starts like one ("Các nhiệm vụ trọng tâm")."""
    if _INITIALS_BODY.match(name) or is_known(name) or _central_group(name):
        return True
    if not _STARTER_RE.match(name):  # "Theo dõi, phát hiện … liên quan đến tỉnh" is no agency
        return False
    if group_keys(name) or classify(name) == "related":
        return True
    if re.match(r"^[Cc]ác\s+\w", name) and _STARTER_RE.match(name[4:]) and name[4:5].isupper():
        return True  # "các Công ty Lâm nghiệp": "các" and a capitalised agency name
    if re.match(r"^cac (?:doanh nghiep|benh vien|truong|cong ty|tong cong ty|tap doan|ngan hang|trung tam|vien|hoi|"
                r"dai|bao|chi cuc|cuc|vu|phong|dang uy|cap uy|co quan tham muu|"
                # "Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội tỉnh", "… và các đoàn thể tỉnh"
                r"to chuc chinh tri\s*-?\s*xa hoi|(?:hoi\s+)?doan the|"
                # "các cơ sở giáo dục, đào tạo", "các cơ sở giáo dục nghề nghiệp": schools, a kind of body
                r"co so giao duc|"
                # "Các ban, ngành, đoàn thể huyện": a commune's or a district's boards and branches
                r"ban\s*,?\s*nganh|"
                # round 34: a party committee's cells, "Các chi bộ trực thuộc Đảng ủy phường", "các đảng bộ cơ sở"
                r"chi bo|dang bo|to chuc co so dang|"
                # round 37: a mass organisation's branches, "Các chi hội nông dân ấp", "các tổ hội", "các chi đoàn"
                r"chi hoi|to hoi|chi doan)\b", fold(name)):
        return True  # "Các doanh nghiệp viễn thông", "Các bệnh viện tuyến tỉnh": "các" and a kind of body, lower-case
    return not fold(name).startswith(("cac ", "co quan", "don vi"))


def _cut_time_label(node):
    """A point under a heading lead whose time is a label after its work ("- Phối hợp với X kiểm tra …; thời gian:
    Quý III/2026."): the label and its value leave the title, the value is the time. Returns the text to read the
    point's other attributes from."""
    attrs, head = _inline_labels(node.text)
    if any(attrs.values()) and set(attrs) <= {"time", "coordinators"} and head != node.text:
        node.text = head
        if attrs.get("time"):
            node.attrs["time"] = attrs["time"]
        if attrs.get("coordinators"):
            # "- <work> (phối hợp: Y); thời hạn: …": whom the work is done with, labelled after it
            node.attrs["coordinators"] = attrs["coordinators"]
    return node.text


def _labelled_point_attrs(node):
    """Round 32: a point's attributes with its time label cut (``_cut_time_label``); the label's time is the point's,
    not a phrase of its words before it ("- Phân bổ chỉ tiêu năm 2026 đến từng xã; thời gian: Tháng 4/2026.")."""
    before = node.text
    text = _cut_time_label(node)
    attrs = _point_attrs(text)
    if text != before and node.attrs.get("time"):
        attrs["time"] = node.attrs["time"]
    return attrs


def _point_attrs(text, subject=False):
    """Coordinators and timeframe of a point under a heading that names its lead: "Chủ trì, phối hợp với X …", or a
    point that starts with "Phối hợp (chặt chẽ) với X …"."""
    attrs = {k: v for k, v in _prose(text, any_sentence=True).items() if k != "lead" and v}
    m = re.match(r"^(?:(?:chu dong|tich cuc)\s+)?phoi hop\s+(?:chat che\s+)?voi\s+", fold(text))
    if m and not attrs.get("coordinators"):
        partners = _cut_at_verb(text[m.end():], verbs_only=True)
        # "Phối hợp với Công ty Điện lực X bảo vệ …": a proper name ends at the lower-case word after it, a verb the
        # parser has no word for
        partners = partners[:_proper_name_end(partners, len(partners), known_spans(partners))].rstrip(" ,;.")
        names = _agency_suffix(split_names(partners))
        if names:
            attrs["coordinators"] = names
    if not attrs.get("coordinators"):
        names = _clause_coordinators(text, subject)
        if names:
            attrs["coordinators"] = names
    return attrs


def _clause_coordinators(text, subject=False):
    """Whom a point's lead works with, named in a clause of its own after the work ("Phổ biến pháp luật về thuế cho
    hộ kinh doanh, phối hợp với Thuế tỉnh và Hiệp hội Doanh nghiệp tỉnh; thời gian: Năm 2026."); [] when "phối hợp
    với" is part of what is done ("Xây dựng quy chế phối hợp với các tỉnh …") or names no body."""
    text = " ".join(text.split())
    m = re.search(r"[,;]\s+(?:và\s+|đồng thời\s+)?phối hợp\s+(?:chặt chẽ\s+)?với\s+([^;.]+)", text, re.I)
    if not m:
        return []
    clause = m.group(1).strip(" ,")
    # "… phối hợp với X (thời gian: Quý III/2027)": a labelled bracket after the names is none of them
    clause = re.sub(r"\s*\(([^()]*)\)\s*$", lambda b: "" if _label_of(b.group(1)) else b.group(0), clause)
    clause = _without_owner_bracket(clause)
    if _cut_at_verb(clause) != clause:
        if (subject or _STARTER_RE.match(_BULLET.sub("", text)) or not _cut_at_verb(clause)
                or any(classify(n) == "related" for n in split_names(_cut_at_verb(clause)))):
            # "X có trách nhiệm …; phối hợp với Y kiểm tra …": X's further duty, not whom the work is done with; nor
            # "…; phối hợp với cơ quan liên quan kiểm tra …" (nobody in particular)
            return []
        # a point with no subject (its lead the heading's): "Đăng tải …; phối hợp với Báo X tuyên truyền …" names
        # whom its lead works with, up to the verb
        clause = _cut_at_verb(clause)
    names = split_names(clause)
    return names if names and all(_agency_like(n) for n in names) else []


def _without_owner_bracket(clause):
    """Round 32: "… phối hợp với Trường Đại học X (Đại học Quốc gia Y) xây dựng …": a bracket right after the partner's
    name that names another body (its owner, capitalised) is no part of the name; the clause goes on after it."""
    return re.sub(r"^([A-ZĐ][^()]*?)\s*\((?=[A-ZĐ])[^()]*\)", r"\1", clause, count=1)


_BODY_WORDS = set("cac co quan to chuc don vi doanh nghiep ca nhan so ban nganh dia phuong".split())


def _given_group(text):
    """"Các cơ quan, tổ chức, đơn vị được giao quản lý …", "Các tổ chức, cá nhân được cấp giấy phép …": one group,
    named by what it was given."""
    m = re.match(r"^(Các\s.+?)\s+được\s+(?:giao|cấp|phân công)\b", text)
    return bool(m and set(re.findall(r"[a-z]+", fold(m.group(1)))) <= _BODY_WORDS)


# a verb that is also the first word of a body's name: "Thanh tra, kiểm tra …", "Thanh tra việc chấp hành …" (to
# inspect), "Phòng, chống …", "Phòng ngừa …" (to prevent); the body has a capital or its level after the word
# ("Thanh tra Sở X", "Thanh tra tỉnh", "Phòng Kinh tế")
_VERB_LIKE_BODY = re.compile(r"^\s*(?:[-–+•]\s*)?(?:Thanh tra|Phòng)(?=\s*(?:[,;.:]|và\s|$)|\s+(?!(?:tỉnh|huyện|thành phố|"
                             r"thị xã|xã|phường|quận|thị trấn|cấp|các)\b)[a-zà-ỹđ])")


def _opens_with_verb_like_body(text):
    """Whether ``text`` opens with a verb that names a body only with more words ("Thanh tra, kiểm tra …")."""
    return bool(_VERB_LIKE_BODY.match(text))


# the remit a body heading gives its bodies before its colon (round 36): "theo chức năng, nhiệm vụ (được giao)", "trong
# phạm vi quản lý", "trong phạm vi chức năng, nhiệm vụ", "căn cứ chức năng, nhiệm vụ"
_HEADING_REMIT = re.compile(r"(?i),?\s+(?:theo|căn cứ|trong phạm vi)\s+(?:chức năng|nhiệm vụ|quản lý|thẩm quyền)"
                            r"[^:;.()]{0,80}:\s*$")


def _heading_without_remit(text):
    """"Các bộ, ngành, địa phương theo chức năng, nhiệm vụ được giao:" → "Các bộ, ngành, địa phương:" (a heading
    whose bodies lead the points under it, their remit no part of their names)."""
    m = _HEADING_REMIT.search(text) if len(text) < 250 and text.rstrip().endswith(":") else None
    return text[:m.start()].rstrip() + ":" if m and m.start() > 2 else text


def _heading_lead(text):
    """The agencies a numbered heading names and nothing else ("2. Thanh tra tỉnh", "3. Sở Nông nghiệp và Môi
    trường:", "1. Cục Biến đổi khí hậu có trách nhiệm:"): the lead of the points under it."""
    if _opens_with_verb_like_body(text):
        return []
    directing = _directing_heading(text)
    if directing:
        return directing
    text = _heading_without_remit(text)
    colon = text.rstrip().endswith(":")
    m = re.match(r"^(.{3,120}?),\s+(?:chỉ đạo|yêu cầu|hướng dẫn|giao)\s+[^:]*:\s*$", text.strip())
    if m:  # "1. Ủy ban nhân dân tỉnh, chỉ đạo các cơ quan, đơn vị có liên quan:": the agency that directs leads
        names = split_names(m.group(1))
        if names and all(_agency_like(n) for n in names):
            return names
    # "3. Đối với các Bộ quản lý chuyên ngành (theo quy định tại khoản 5 Điều 3 …)": the group the points are for
    text = re.sub(r"^(?:Đối với|đối với)\s+(.+?)(?:\s*\([^()]*\)?)?\s*:?\s*$", r"\1", text.strip())
    # "2. Giao Sở Xây dựng", "4.3 Đề nghị Ủy ban nhân dân các huyện": the asking word, then whom it asks; "4.1 Sở X
    # (Giao Phòng Y)": who inside the body does it, not part of its name
    # a heading that asks a body by name and ends with a colon ("4. Đề nghị Đồn Biên phòng X:", "3. Giao Hải đội
    # Y:"): whom it asks is a body, whatever its first word
    signer = _SIGNER_ASKS.match(text)  # round 34: "3. Chủ tịch UBND tỉnh yêu cầu Sở X:", whom the signer asks
    if signer:
        text = "Giao " + text[signer.end():]
    asked = bool(re.match(r"^(?:Giao|Đề nghị)\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]", text)) and text.endswith(":")
    text = re.sub(r"^(?:Giao|Đề nghị)\s+(?=\S)", "", text)
    # "2. Sở Tài chính chủ trì thực hiện các nhiệm vụ sau:", "Sở Y tế có trách nhiệm triển khai những nội dung sau:"
    text = re.sub(r"(?i)\s+(?:(?:chủ trì|có trách nhiệm|chịu trách nhiệm)\s+)?(?:(?:thực hiện|triển khai)\s+)?"
                  r"(?:các|những)\s+(?:nhiệm vụ|nội dung|công việc)(?:\s+(?:cụ thể|chủ yếu|trọng tâm))?\s+(?:như\s+)?sau"
                  r"\s*:\s*$", "", text)
    text = re.sub(r"\s*\([^()]*\)\s*:?\s*$", "", text) if not text.startswith("(") else text
    text = re.sub(r"(?i)\s*(?:có trách nhiệm|chịu trách nhiệm(?:\s+chính)?|thực hiện)?\s*:?\s*$", "",
                  text.strip()).strip(" .:")
    if not text or len(text) > 150:
        return []
    parts = [p.strip() for p in text.split(";")]
    if len(parts) > 1 and all(re.match(r"^[Cc]ác\s+(?:cơ quan|chi bộ|đảng bộ|tổ chức|đơn vị|sở|ban|ngành)\b", p)
                              for p in parts):
        # "2. Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy; các chi bộ, đảng bộ cơ sở": groups, one a part
        return parts
    if len(parts) == 1 and _HOLDER_TITLE.match(text):
        # "5. Giám đốc Sở X, Tổng Biên tập Báo Y:": office holders parted by commas, each over his body (whose own
        # name may hold commas)
        parts = re.split(r",\s+(?=" + _HOLDER_WORDS + r"\s)", text)
    holders = _office_holders(parts)
    if holders:
        return holders
    if _given_group(text) and not re.search(r"\bchu tri\b|\b(co|chiu) trach nhiem\b", fold(text)):
        return [text]  # one group, named by what it was given
    if _UNIT_FIELDS.fullmatch(text) and not re.search(r"\b(?:cac|nhung|lien quan)\b", fold(text.split(",", 1)[1])):
        # "1. Ban Quản lý thuế hộ kinh doanh, cá nhân và thu khác": a unit named by its fields, the later ones in lower
        # case after a comma and "và" ("cá nhân" one of them, no actor): the heading is its name whole
        return [text]
    cut = _cut_at_verb(text, verbs_only=True)
    if cut != text:
        rest = text[len(cut):]
        if (colon and _STARTER_RE.match(text) and re.search(r"\svà\s+[A-ZĐ]", rest)
                and not any(_STARTER_RE.match(rest[w.start():]) for w in re.finditer(r"\S+", rest))):
            # "2. Phòng Quản lý xử lý vi phạm hành chính và Bổ trợ tư pháp:": a unit named by its fields, the second
            # capitalised after "và" and no body named after the "verb": the heading is the unit's name whole
            return [text]
        return []
    if _OFFICE_HOLDER.match(text) and len(text) <= 80 and "," not in text:
        return [text]  # "1. Phó Giám đốc Sở - Nguyễn Văn A": an office holder (with his name) leads what follows
    names = split_names(text)
    return names if names and all(_agency_like(n) or (asked and n[:1].isupper()) for n in names) else []


# round 32: a heading that names its bodies and then only the verbs of how they act on the points under it, "3. Đảng
# ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo:", "2. Sở Y tế chỉ đạo, hướng dẫn:", "UBND các xã tổ chức thực hiện:"
_DIRECTING_VERBS = re.compile(
    r"^(?P<bodies>.{3,150}?)\s+(?P<verbs>(?:(?:lãnh đạo|chỉ đạo|hướng dẫn|tổ chức thực hiện|thực hiện|triển khai"
    r"|chủ trì|chịu trách nhiệm|có trách nhiệm)(?:\s*,\s*|\s+và\s+|\s*(?=:)))+)\s*:\s*$")


def _directing_heading(text):
    """The bodies of a heading "X <verbs>:" whose only words after the bodies are verbs of directing or carrying out
    (no object: the points under it are what they direct), each a body as a heading's lead is; [] otherwise."""
    m = _DIRECTING_VERBS.match(text.strip())
    if not m:
        return []
    bodies = m.group("bodies").rstrip(" ,")
    if _cut_at_verb(bodies, verbs_only=True) != bodies:
        return []  # "Sở X phối hợp với Y chỉ đạo:": more than the bodies before the verbs
    names = split_names(bodies)
    return names if names and all(_agency_like(n) for n in names) else []


# a unit of a body named by its fields: "Ban Quản lý thuế hộ kinh doanh, cá nhân và thu khác", "Phòng X, y và z"
_UNIT_FIELDS = re.compile(r"(?:Ban|Phòng|Vụ|Cục|Trung tâm)\s+[^,;:()]+(?:,\s+[a-zà-ỹđ][^,;:()A-ZĐ]*)+\s+và\s+"
                          r"[a-zà-ỹđ][^,;:()A-ZĐ]*")


# "1. X chủ trì, phối hợp với Y thực hiện các nhiệm vụ sau:" (also "Giao X …", "… triển khai những nội dung sau:"): a
# heading whose whole assignment its points inherit, X their lead and Y their coordinators; the heading is no task
_ASSIGNING_HEADING = re.compile(
    r"^(?:Giao\s+|Đề nghị\s+)?(?P<lead>.{3,150}?)\s+chủ trì(?:\s*,?\s+phối hợp\s+(?:với\s+)?(?P<with>.{3,200}?))?\s+"
    r"(?:(?:tổ chức\s+)?(?:thực hiện|triển khai)\s+)?(?:các|những)\s+(?:nhiệm vụ|nội dung|công việc|hoạt động)"
    r"(?:\s+(?:cụ thể|chủ yếu|trọng tâm))?\s+(?:như\s+)?sau\s*:\s*$", re.I)


# round 37: "2. X chủ trì, phối hợp với A và B thực hiện:" (no "các nhiệm vụ sau"), the points under it following
_BARE_ASSIGNING_END = re.compile(r"(?i)(\s(?:tổ chức\s+)?(?:thực hiện|triển khai))\s*:\s*$")


def _bare_assigning(text):
    """A heading "X chủ trì, phối hợp với Y thực hiện:" read as "… thực hiện các nội dung sau:" (the same heading,
    its object left unsaid), so that X leads and Y coordinates the points under it; the text as it was otherwise."""
    if re.search(r"(?i)\schủ trì\b", text) and not re.search(r"(?i)\s(?:các|những)\s+\S+(?:\s+\S+)?\s+sau\s*:\s*$",
                                                               text):
        return _BARE_ASSIGNING_END.sub(r"\1 các nội dung sau:", text.rstrip(), count=1)
    return text


def _assigning_heading(text):
    """The lead and coordinators a heading "X chủ trì, phối hợp với Y thực hiện các nhiệm vụ sau:" gives its points,
    or None."""
    m = _ASSIGNING_HEADING.match(_bare_assigning(text.strip()))
    if not m:
        return None
    # the words before "chủ trì" are the lead whole, whatever lower-case words its name holds ("Ban Quản lý dự án đầu
    # tư xây dựng …"): the heading's own words end it
    lead = _heading_lead(m.group("lead")) or split_names(m.group("lead"))
    helpers = split_names(m.group("with") or "")
    if not lead or not all(_STARTER_RE.match(n) or _agency_like(n) for n in lead):
        return None
    if m.group("with") and (not helpers or not all(_agency_like(n) or group_keys(n) for n in helpers)):
        return None
    return lead, helpers


# an office holder heading a department's or a committee's points: "Phó Giám đốc Sở - Nguyễn Văn A", "Trưởng phòng X"
_OFFICE_HOLDER = re.compile(r"^(?:Phó\s+)?(?:Tổng Giám đốc|Giám đốc|Trưởng phòng|Trưởng ban|Chánh Văn phòng|Chánh Thanh tra|"
                            r"Thủ trưởng|Cục trưởng|Vụ trưởng|Chi cục trưởng|Viện trưởng|Hiệu trưởng)\b")


_HOLDER_WORDS = (r"(?:Phó\s+)?(?:Thủ trưởng|Chủ tịch|Giám đốc|Tổng Giám đốc|Người đứng đầu|Trưởng ban|Trưởng phòng|"
                 r"Chánh Văn phòng|Tổng Biên tập)")
_HOLDER_TITLE = re.compile(r"^" + _HOLDER_WORDS + r"\s+(\S.*)$")


def _office_holders(parts):
    """A heading of office holders over bodies, one a part ("Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã,
    phường"): each leads as written, as an office holder's heading does ("Giám đốc Sở Công Thương", "Phó Giám đốc Sở
    - …"); [] unless every part is a title over bodies."""
    if len(parts) < 2 or sum(len(p) for p in parts) > 150:
        return []
    for part in parts:
        m = _HOLDER_TITLE.match(part)
        names = split_names(m.group(1)) if m else []
        if not names or not all(_agency_like(n) for n in names) or _cut_at_verb(part, verbs_only=True) != part:
            return []
    return parts


def _subject_lead(text):
    """The agencies a sentence starts with as its subject, without "chủ trì": "Ban Quản lý Khu kinh tế và Ban Quản lý
    các Khu công nghiệp tỉnh đầu tư, hoàn thiện …", "Ủy ban nhân dân cấp xã: đầu tư …"."""
    body = _BULLET.sub("", text).strip()
    if _opens_with_verb_like_body(body):
        return []
    m = re.match(r"^Trường hợp\b.*?\bthì\s+", body)
    if m:  # "Trường hợp … thì (trong thời hạn …, kể từ …,) Sở X …": the subject after the condition and its time
        body = body[m.end():]
        if body[:1].islower():
            after = re.search(r",\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ])", body)
            if not after:
                return []
            body = body[after.end():]
    m = re.match(r"^Để\s.*?,\s+(?=" + _STARTER_RE.pattern[1:] + ")", body)
    if m:  # "Để thể chế hoá …, Đảng đoàn Quốc hội xác định …": the purpose first, then the subject
        body = body[m.end():]
    head, colon, rest = body.partition(":")
    if colon and len(head) < 100 and rest.strip():
        names = split_names(head)
        if names and all(_agency_like(n) for n in names):
            return names
    cut = _cut_at_verb(body, verbs_only=True)
    if not cut or len(cut) >= len(body) - 10 or len(cut) > 150:
        return []
    if re.search(r"\s(?:da|tung)$", fold(cut)) or re.match(r"\s*,?\s*(?:da|tung)\s", fold(body[len(cut):])):
        return []  # "Bộ X đã tổ chức …": what was done, background, no task
    cut = _QUALIFIER.sub("", cut).rstrip(" ,;")  # "Các sở, ban, ngành theo chức năng, nhiệm vụ, phối hợp …"
    cut = re.sub(r"\s+(?:có|chịu)\s+trách\s+nhiệm$", "", cut)  # "Sở X có trách nhiệm chỉ đạo …": Sở X
    cut = _SUBJECT_ROLE.sub("", cut)  # "Sở X là cơ quan đầu mối, phối hợp …", "Sở X chịu trách nhiệm chính, …": Sở X
    if re.search(r"\s(yêu cầu|đề nghị|giao|chỉ đạo)\s", cut):
        return []  # "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các cơ quan …": who asks, not who does
    names = _levels_joined(split_names(cut), cut)
    if names and all(_agency_like(n) for n in names):
        return names
    holder = _HOLDER_TITLE.match(cut)
    if holder and "," not in cut and _agency_like(holder.group(1)):
        return [cut]  # "Giám đốc Công an tỉnh chỉ đạo …": an office holder over his body, as written
    return []


def _levels_joined(names, text):
    """"… các cơ quan báo chí trung ương" / "địa phương" split at the "và" that joins one kind of body at two levels:
    one name again ("các cơ quan báo chí trung ương và địa phương"), as written."""
    out = []
    for name in names:
        if (out and fold(name) in ("dia phuong", "trung uong", "co so") and re.search(r"\b(?:trung uong|dia phuong|tinh)$",
                                                                                   fold(out[-1]))
                and f"{out[-1]} và {name}" in text):
            out[-1] = f"{out[-1]} và {name}"
        else:
            out.append(name)
    return out


# the role a subject is given before its work: "… là cơ quan đầu mối", "… là đơn vị thường trực", "… chịu trách nhiệm
# chính" (the body leads)
_SUBJECT_ROLE = re.compile(r"(?i)\s+(?:là\s+(?:cơ quan|đơn vị|bộ phận)\s+(?:đầu mối|thường trực|chủ trì|chủ quản)"
                           r"|là\s+đầu\s+mối"  # "Giao Phòng X là đầu mối theo dõi …" (round 35)
                           r"|(?:có|chịu)\s+trách\s+nhiệm\s+chính)\s*$")
# a qualifier after a subject: "theo chức năng, nhiệm vụ (được giao)", "trong phạm vi quản lý", "căn cứ chức năng …"
_QUALIFIER = re.compile(r"(?i),?\s+(?:theo|căn cứ|trong phạm vi)\s+(?:chức năng|nhiệm vụ|quản lý|thẩm quyền)\b.*$")


_THIS_DOCUMENT = re.compile(
    r"\b(?:thi hanh|thuc hien|trien khai)\s+(?:nghiem(?: tuc)?\s+|tot\s+|co hieu qua\s+)?(?:noi dung\s+)?"
    r"(?:chi thi|quyet dinh|ke hoach|cong van|nghi quyet|thong bao|van ban|chuong trinh|thong tu|de an)\s+nay\s*[./]*\s*$")


def _enforces_this_document(text):
    """The closing order to carry out the document itself ("8. Bộ trưởng, Thủ trưởng …, Chủ tịch Ủy ban nhân dân …
    tổ chức triển khai và chỉ đạo … thực hiện nghiêm Chỉ thị này.", "… chịu trách nhiệm thi hành Quyết định này./."):
    no task, whoever it names."""
    # "g) Thực hiện các nhiệm vụ, quyền hạn tại mục 6 Công văn này và …": a pointer to another point, no task
    m = _THIS_DOCUMENT.search(fold(text))
    if m and re.search(r"\b(?:khi|trong qua trinh)\s*$", fold(text)[:m.start()]):
        m = None  # "d) Chịu trách nhiệm hướng dẫn, … xử lý các vấn đề phát sinh khi thực hiện Quyết định này.": a duty
    return bool(m or re.match(
        r"^thuc hien\b[^.;]*\btai\s+(?:muc|diem|khoan)\s+\S+\s+(?:cua\s+)?(?:cong van|ke hoach|chi thi|quyet dinh"
        r"|van ban)\s+nay\b", fold(text)) or re.search(
        # "1. Các sở, …, UBND các xã, phường khẩn trương triển khai các nhiệm vụ tại Phụ lục kèm theo Công văn này; …":
        # the order to carry out the document's appendix, whose rows are the tasks
        r"^[^;.]*\b(?:thuc hien|trien khai)\s+(?:cac|nhung)\s+(?:nhiem vu|noi dung|giai phap)\s+(?:tai|theo|neu tai)\s+"
        r"phu luc\s+(?:\S+\s+)?(?:ban hanh\s+)?kem theo\s+(?:cong van|ke hoach|chi thi|quyet dinh|van ban)\s+nay\b",
        fold(text)))


_FOLLOW_UP = re.compile(
    r"^(?:[^,;:]{0,80}?\bchu tri\s*,?\s*)?(?:theo doi|kiem tra|don doc|giam sat)(?:\s*(?:,|va)\s*(?:theo doi|kiem tra|don doc"
    r"|giam sat|quan ly))*\s+(?:(?:va\s+)?(?:bao cao|tong hop)\s+[^.;]{0,80}?)?(?:viec\s+|tinh hinh\s+|ket qua\s+)?"
    r"(?:trien khai\s+)?thuc hien\s+(?:(?:cac|nhung)\s+nhiem vu\s+(?:duoc giao\s+)?(?:tai|trong|cua)\s+)?"
    r"(?:ke hoach|chi thi|quyet dinh|chuong trinh|de an|cong van)(?:\s+nay)?\s*[./]*\s*$")


def _follows_up_this_document(text):
    """The document's own follow-up: "Sở Y tế chủ trì kiểm tra, đôn đốc thực hiện kế hoạch.", "Theo dõi, kiểm tra,
    đôn đốc báo cáo Chủ tịch UBND tỉnh kết quả triển khai thực hiện các nhiệm vụ được giao tại Chỉ thị này.": whoever
    it names, no task (13/CT-TTg's and 2200/QĐ-BNNMT's convention)."""
    return bool(_FOLLOW_UP.match(fold(_BULLET.sub("", text)).strip()))


def _subject_task(text):
    """A numbered paragraph whose subject is its lead, without "chủ trì" ("1. Sở Y chủ động nghiên cứu, tham mưu …",
    "2. Các sở, ngành theo chức năng, nhiệm vụ, phối hợp với Sở Y triển khai …"): lead, coordinators ("…, phối hợp với
    X" right after the subject) and timeframe; {} when the paragraph does not start with agencies and a verb."""
    if text.rstrip().endswith(":") or (re.search(r"\bchu tri\b", fold(text)) and (
            _prose(text).get("lead") or not re.search(r"\bco quan chu tri\b", fold(text)))):
        return {}  # a "chủ trì" that names a lead is read by _prose; "rõ cơ quan chủ trì" names none
    head, colon, rest = text.partition(":")
    head = re.sub(r"(?i)^đề nghị\s+", "", head).strip()
    if colon and len(head) < 150 and rest.strip():
        # "Đề nghị Ủy ban X và các cơ quan liên quan: Tăng cường …": X leads, the related bodies coordinate
        names = split_names(head)
        if names and all(_agency_like(n) for n in names) and classify(names[0]) != "related":
            return {"lead": [n for n in names if classify(n) != "related"],
                    "coordinators": [n for n in names if classify(n) == "related"], "title": rest.strip()}
    m = re.match(r"^(.{3,150}?)\s+(?:có|chịu)\s+trách nhiệm\b", text)
    if m and _given_group(m.group(1)):  # "Các tổ chức, cá nhân được cấp giấy phép … có trách nhiệm bảo vệ …"
        lead, cut = [m.group(1)], m.group(0)
    else:
        lead, cut = _subject_lead(text), _cut_at_verb(text, verbs_only=True)
    if not lead:
        return {}
    attrs = {"lead": lead}
    rest = re.sub(r"^[\s,;]+", "", text[len(cut):])
    attrs.update({k: v for k, v in _point_attrs(rest, subject=True).items() if v})
    m = re.match(r"^(?:(?:co|chiu) trach nhiem\s+)?(?:[a-z]+\s+){1,3}va\s+phoi hop\s+(?:chat che\s+)?voi\s+",
                 fold(rest))
    if m and not attrs.get("coordinators"):  # "Cục X có trách nhiệm thông báo và phối hợp với Y theo dõi …"
        names = _agency_suffix(split_names(_cut_at_verb(rest[m.end():], verbs_only=True)))
        if names:
            attrs["coordinators"] = names
    if not attrs.get("coordinators"):
        names = _charged_with_whom(rest) or _partner_after_the_work(rest)
        if names:
            attrs["coordinators"] = names
    return attrs


def _partner_after_the_work(rest):
    """Whom a subject works with, named after its work in the same clause: "(Trung tâm Y tế X) bố trí …, phối hợp với
    Ban Chỉ huy Quân sự X xây dựng …; thời gian: …" (not after ";" or a full stop: another duty's), bodies named by
    their names only ("…, phối hợp với các tỉnh lân cận trong …" names no partner of the subject's: round 34) (round
    35)."""
    rest = " ".join(rest.split())  # fold() collapses spaces: the folded text's offsets are the text's only then
    m = re.match(r"^[^;.]{0,300}?,\s+phoi hop\s+(?:chat che\s+)?voi\s+", fold(rest))
    if not m:
        return []
    names = _agency_suffix(split_names(_cut_at_verb(rest[m.end():], verbs_only=True)))
    return names if names and all(n[:1].isupper() for n in names) else []


def _charged_with_whom(rest):
    """Whom a body charged with work does it with, later in the same clause: "(Sở X) có trách nhiệm tổ chức … và
    phối hợp với Y, Z theo dõi …", "… chịu trách nhiệm thẩm định …, phối hợp với Y hướng dẫn …" (not after ";" or a
    full stop: another duty)."""
    f = fold(rest)
    # "… có trách nhiệm phối hợp với Y sơ tán …": whom it works with straight after its charge
    m = re.match(r"^(?:co|chiu) trach nhiem\s(?:[^;.]*?(?:,|\sva)\s+)?phoi hop\s+(?:chat che\s+)?voi\s+", f)
    # "(Giám đốc Công an tỉnh) chỉ đạo lực lượng X phối hợp với Y điều tra …": the force it directs works with Y
    m = m or re.match(r"^chi dao\s[^;.,:]*?\sphoi hop\s+(?:chat che\s+)?voi\s+", f)
    if not m:
        return []
    return _agency_suffix(split_names(_cut_at_verb(rest[m.end():], verbs_only=True)))


def _subject_paragraph(text):
    """A paragraph that names its lead as subject ("Bộ X nghiên cứu …", "Bộ X chủ trì, phối hợp với Y rà soát …",
    "Bộ X làm việc, thống nhất với Y … theo hướng: Bộ Y chủ trì …"): the subject leads; coordinators only from its
    own "chủ trì, phối hợp với"; {} when it does not start with agencies and a verb."""
    attrs = _subject_task(text)
    if attrs.get("lead"):
        return attrs
    lead = _subject_lead(text)
    if not lead:
        return {}
    prose = _prose(text)
    if prose.get("lead") and fold(text).startswith(fold(prose["lead"][0])):
        return prose  # "Bộ X chủ trì, phối hợp với …": its own "chủ trì"
    return {"lead": lead, **({"time": prose["time"]} if prose.get("time") else {})}


# "Giao X …", "Đề nghị X …": the asking word before whom it asks
_ASKING = re.compile(r"^(?:Giao|Đề nghị)\s+(?=\S)")


def _assignment(sentence):
    """Lead, coordinators and timeframe of a sentence that opens by assigning work: "Giao X chủ trì, phối hợp với Y
    …", "X chủ trì, phối hợp với Y …", "Đề nghị A, B phối hợp với C …", "Giao X phối hợp với Y …" (the lead, then its
    "chủ trì" or "phối hợp" straight after it); a time given as a label ("…; thời gian thực hiện: 6 tháng đầu năm
    2026.") is cut from the sentence, which is returned as "title". {} for any other sentence."""
    text = " ".join(sentence.split())
    labels, head = _inline_labels(text)
    if labels.get("lead") or labels.get("coordinators"):
        return {}
    title = head if labels.get("time") and head != text else text
    body = _ASKING.sub("", title)
    if re.search(r"\bchu tri\b", fold(body)):
        attrs = _prose(title)
    else:
        attrs = _subject_task(body)
        attrs.pop("title", None)
        names = _named_after_phoi_hop(body)
        if names:
            attrs["coordinators"] = names
    lead = attrs.get("lead")
    if not lead or not fold(body).startswith(fold(lead[0])):
        return {}
    named = fold(_cut_at_verb(body, verbs_only=True))
    after = fold(body)[len(named):].lstrip(" ,")
    if not after.startswith(("chu tri", "phoi hop")) and not re.search(r"\bchu tri$", named):
        # "Giao X chủ trì rà soát …", "X chủ trì thẩm định …": "chủ trì" straight before the work, no comma
        return {}
    attrs = {k: v for k, v in attrs.items() if k in ("lead", "coordinators", "time") and v}
    if labels.get("time"):
        attrs["time"] = labels["time"]
    return {**attrs, "title": title}


# a connective opening a sentence that assigns more work: "Đồng thời, …", "Ngoài ra, …", "Bên cạnh đó, …"
_CONNECTIVE = re.compile(r"^(?:Đồng thời|Ngoài ra|Bên cạnh đó|Trên cơ sở đó)\s*,\s+(?=\S)")


def _asked_point(text):
    """A lettered point, under no lead, that asks or charges a body without "chủ trì" ("đ) Giao Chủ tịch UBND các
    phường rà soát …; thực hiện thường xuyên.", "c) Giám đốc Sở X chịu trách nhiệm chỉ đạo …; thời hạn: …"), or that
    states a policy and then asks ("b) Ưu tiên …; giao Sở X và Sở Y rà soát …, gửi Sở Z trước ngày …"): its lead,
    coordinators, time and title (the point whole, a time label cut); {} for any other point."""
    text = " ".join(text.split())
    attrs = _asked_or_charged(text)
    if attrs.get("lead") and fold(attrs["title"]) in fold(text):
        return attrs
    m = re.search(r";\s+giao\s+(?=[A-ZĐ])", text)
    if m:
        attrs = _asked_or_charged("Giao " + text[m.end():])
        if attrs.get("lead"):
            attrs["title"] = text
            return attrs
    return {}


_MAX_CONNECTIVES = 20  # "Đồng thời, Ngoài ra, …" before one sentence: a person writes one or two


# round 34: the one who signs asking, in a Thông báo kết luận: "Chủ tịch UBND tỉnh yêu cầu X …", "UBND thành phố giao
# X …" (a general ask ending "Cụ thể:" is no task: it names no work of its own)
_SIGNER_ASKS = re.compile(r"^(?:(?:Chủ tịch|Phó Chủ tịch)\s+)?(?:UBND|Ủy ban nhân dân)\s+(?:tỉnh|thành phố|xã|phường)"
                          r"(?:\s+[A-ZĐ]\w*)*\s+(?:yêu cầu|giao|đề nghị)\s+(?=\S)")


def _signer_asks(title):
    """The match of the words by which the signer asks ("Chủ tịch UBND tỉnh yêu cầu "), whom it asks after them; None
    for a sentence that asks no one by name or ends in a colon."""
    if title.rstrip().endswith(":"):
        return None
    return _SIGNER_ASKS.match(title)


def _known_body_first(body, lead):
    """Round 34: the body asked ("Giao Báo và Phát thanh, Truyền hình X mở chuyên mục …"), read as one name run on
    into the work (a verb the parser has no word for): the known name at the start with its place, when a lower-case
    word follows it; ``lead`` otherwise."""
    if not lead or len(lead) != 1:
        return lead
    end = known_end(body)
    if end and len(body[:end].strip()) < len(lead[0]) and fold(lead[0]).startswith(fold(body[:end].strip())) \
            and body[end:end + 1].isspace() and body[end:].lstrip()[:1].islower():
        return [body[:end].strip()]
    return lead


def _asked_or_charged(sentence, depth=0):
    """Lead, coordinators, timeframe and title of a sentence that asks or charges a body without "chủ trì": "Yêu cầu
    X rà soát …; thời gian thực hiện: …", "Đề nghị X phối hợp với Y …" (no time), "X chịu/có trách nhiệm …"; {} for
    any other sentence (``_assignment`` reads those with "chủ trì" or the subject's "phối hợp"). More than
    ``_MAX_CONNECTIVES`` connectives in a row: {} (no sentence is written so; the count bounds the recursion)."""
    attrs = _assignment(sentence)
    if attrs:
        return attrs
    m = _CONNECTIVE.match(" ".join(_BULLET.sub("", sentence).split()))
    if m and depth >= _MAX_CONNECTIVES:
        return {}
    if m:  # "Đồng thời, Sở X xây dựng …, trình … trong Quý I/2027.": a further task, its subject the lead
        whole = m.string
        inner = whole[m.end():]
        attrs = _asked_or_charged(inner, depth + 1)
        if not attrs:
            found = _subject_task(inner)
            if found.get("lead") and fold(inner).startswith(fold(found["lead"][0])):
                attrs = {k: v for k, v in found.items() if k in ("lead", "coordinators", "time") and v}
                time = _time_clause(inner)
                if time and not attrs.get("time"):
                    attrs["time"] = time
        if attrs:
            return {**attrs, "title": whole if attrs.get("title", inner) == inner else m.group(0) + attrs["title"]}
        return {}
    text = " ".join(_BULLET.sub("", sentence).split())
    labels, head = _inline_labels(text)
    if labels.get("lead") or labels.get("coordinators"):
        return {}
    title = head if labels.get("time") and head != text else text
    m = re.match(r"^(?:Yêu cầu|Đề nghị|Giao)\s+(?=\S)", title) or _signer_asks(title)  # "Giao X tham mưu …": X
    # asked, no "chủ trì"
    body = title[m.end():] if m else title
    if not m and not re.search(r"\b(?:co|chiu) trach nhiem\b", fold(body)):
        return {}
    attrs = _subject_task(body)
    lead = _known_body_first(body, attrs.get("lead"))
    if not lead or not fold(body).startswith(fold(lead[0])):
        return {}
    out = {"lead": lead, "title": title}
    if attrs.get("coordinators"):
        out["coordinators"] = attrs["coordinators"]
    time = labels.get("time") or _time_clause(title)
    if time:
        out["time"] = time
    return out


def _subject_sentences(text):
    """Round 34: a numbered paragraph of two sentences or more, each opening with the body that does its work ("4. Công
    an tỉnh chỉ đạo … trước ngày 31/01/2027. Bộ Chỉ huy Quân sự tỉnh chuẩn bị … khi có yêu cầu."): a task a sentence
    ([(title, attrs)], "4.1", "4.2"); None when a sentence names no body first."""
    sentences = re.split(r"(?<=[.!])\s+(?=[A-ZĐ])", text)
    if len(sentences) < 2:
        return None
    units = _sentence_units(text, named_subject=True)
    if not units or len(units) != len(sentences) or not all(attrs.get("lead") for _title, attrs in units):
        return None
    return [(title, attrs) for title, attrs in units]


def _numbered_assignment(node, text):
    """Round 32: a numbered paragraph under no lead that asks a body without "chủ trì" ("1. Giao UBND các xã bị ảnh
    hưởng rà soát …; hoàn thành trước …", "5. Giao Sở X chỉ đạo …") is a task as one with "chủ trì" is; one that
    assigns, then assigns again in a sentence opening with a connective ("… trước ngày 15/12. Đồng thời, Sở X chỉ
    đạo …, hoàn thành trong Quý I.") is two tasks (its sentences, "2.1", "2.2"), the item a section."""
    units = _sentence_units(" ".join(text.split()))
    subjects = None if units else _subject_sentences(" ".join(text.split()))  # (the first one's subject may have
    # been read as the item's lead: the item is a section, each sentence a task)
    if subjects:
        node.subject_paras = subjects
        for k in ("lead", "coordinators", "time"):
            node.attrs.pop(k, None)
        return
    if not units:
        if node.attrs.get("time") and not node.attrs.get("lead") and node.text != text:
            # "4. Sở X chỉ đạo các trường …; thời gian: Năm học …": a subject-led item whose time is a label (cut
            # from its text): its subject leads, as one with "chủ trì" does
            own = _subject_task(node.text)
            if own.get("lead") and fold(node.text).startswith(fold(own["lead"][0])):
                for k in ("lead", "coordinators"):
                    if own.get(k) and not node.attrs.get(k):
                        node.attrs[k] = own[k]
        return
    if len(units) == 1 and not node.attrs.get("lead") and _standing_follow_up(*units[0]):
        node.special = "closing"  # the document's follow-up: no task, nor the paragraph after it its lead's
        return
    if len(units) >= 2 and all(_CONNECTIVE.match(title) for title, _attrs in units[1:]):
        node.subject_paras = [(title, attrs) for title, attrs in _short_names_in_full(units)]
        node.asked_units = _each_asks_its_own(units)
        for k in ("lead", "coordinators", "time"):
            node.attrs.pop(k, None)
    elif (len(units) == 1 and (not node.attrs.get("lead") or _signer_asks(units[0][0]))
          and not _enforces_this_document(units[0][0])):  # ("UBND tỉnh giao X …": X, not the signer its subject)
        title, attrs = units[0]
        node.text = title
        node.attrs.update({k: v for k, v in attrs.items() if v})


def _short_names_in_full(units):
    """A later sentence's lead named short, by its kind alone ("Đồng thời, Chi cục chỉ đạo …" after "Đề nghị Chi cục
    X …"): the body of that kind the sentence before named (round 35)."""
    for k in range(1, len(units)):
        lead, before = units[k][1].get("lead") or [], units[k - 1][1].get("lead") or []
        if len(lead) == 1 and len(before) == 1 and len(lead[0].split()) <= 2:
            short, full = fold(lead[0]), fold(before[0])
            if full.startswith(short + " "):
                units[k][1]["lead"] = list(before)
    return units


def _each_asks_its_own(units):
    """Whether every sentence of a numbered paragraph split at its connectives ("Đề nghị X …. Đồng thời, X …") names
    its own lead: the paragraph is then a section of those tasks, not a task of a lead the letter asked above it
    ("… đề nghị các đơn vị, địa phương thực hiện các nội dung sau:") (round 35)."""
    return all(attrs.get("lead") for _title, attrs in units)


# "Giao X (cơ quan thường trực …) theo dõi, đôn đốc …", "Giao X là cơ quan đầu mối, theo dõi, đôn đốc, tổng hợp …"
_FOLLOW_UP_VERBS = re.compile(r"^(?:giao|de nghi|yeu cau)\s+[^;:]{3,200}?[\s,]\s*(?:theo doi|don doc)\s*(?:,|va)\s*"
                              r"(?:theo doi|don doc|kiem tra|giam sat|tong hop)\b")


def _standing_follow_up(title, attrs):
    """Whether an asked paragraph is the document's follow-up by a body: "Giao X … theo dõi, đôn đốc (các cơ quan)
    thực hiện …" with no time of its own (a standing duty, no task, as "Theo dõi, đôn đốc thực hiện Kế hoạch này")."""
    return bool(_FOLLOW_UP_VERBS.match(fold(title))) and (not attrs.get("time") or _report_clause(title))


def _report_clause(text):
    """The clause of a follow-up paragraph after its ";" that states the periodic report to a body ("Giao X là đầu
    mối theo dõi, tổng hợp …; định kỳ hằng tháng, trước ngày 25, các đơn vị báo cáo … về Sở Y …"): its time is the
    rule's, not a task's; "" when there is none (round 35)."""
    first, _sep, rest = text.partition(";")
    if not rest or _TIME_HINT.search(fold(first)):
        return ""
    clause = rest.strip()
    periodic = re.match(r"^(?:dinh ky|hang (?:thang|quy|nam))\b", fold(clause))
    return clause if periodic and _reports_to_a_body(clause) else ""


def _dash_sentences(line):
    """[(title, attrs)] of a dash whose sentences each assign work (a later sentence that does not goes with the
    one before it): "- X chịu trách nhiệm …; thực hiện thường xuyên. Y chủ trì, phối hợp với Z …" two tasks; [] when
    its first sentence assigns none."""
    units = _sentence_units(_BULLET.sub("", line).strip())
    return [tuple(u) for u in units] if units else []


def _sentence_units(text, named_subject=False):
    """[[title, attrs]] of ``text``'s sentences, a unit per sentence that assigns work (``_asked_or_charged``: "Giao
    X chủ trì …", "Yêu cầu X …", "X chịu trách nhiệm …"), a sentence that does not going with the one before it; None
    when the first sentence assigns none. (A dash's units: ``_dash_sentences``; a topical item's paragraphs':
    ``_assignment_paragraphs``, which also takes a named body's subject sentence: ``named_subject``.)"""
    units = []
    for k, sentence in enumerate(re.split(r"(?<=[.!])\s+(?=[A-ZĐ])", text)):
        attrs = _asked_or_charged(sentence) or (named_subject and (_named_subject(sentence)
                                                                  or _group_colon_subject(sentence)))
        if attrs:
            units.append([attrs.pop("title"), attrs])
        elif k == 0:
            return None
        else:
            units[-1][0] += " " + sentence
    return units


# the document itself, named in a sentence ("… căn cứ Kế hoạch này …"): a standing closing, no task
_THIS_PLAN = re.compile(r"\b(?:ke hoach|quyet dinh|chi thi|chuong trinh|de an|van ban|cong van|nghi quyet|thong bao)\s+nay\b")


def _named_subject(sentence):
    """Lead, coordinators, time and title of a sentence whose subject is a body named as one ("Phòng Kế hoạch - Tài
    chính tham mưu …, hoàn thành trước tháng 9/2027."), without "chủ trì" or "trách nhiệm"; {} for a group ("Các đơn
    vị …", "có liên quan"), or a sentence about the document itself."""
    text = " ".join(_BULLET.sub("", sentence).split())
    if _THIS_PLAN.search(fold(text)):
        return {}
    attrs = _subject_task(text)
    lead = attrs.get("lead")
    if not lead or not fold(text).startswith(fold(lead[0])) or not all(
            classify(n) == "agency" and n[:1].isupper() and not fold(n).startswith("cac ") for n in lead):
        return {}
    out = {k: v for k, v in attrs.items() if k in ("lead", "coordinators", "time") and v}
    if not out.get("coordinators"):
        partners = _directed_unit_partners(text)
        if partners:
            out["coordinators"] = partners
    time = _time_clause(text)
    if time and not out.get("time"):
        out["time"] = time
    return {**out, "title": text}


def _group_colon_subject(sentence):
    """Round 36: a paragraph under a topic that opens with a group of bodies and a colon, then its work ("Các bộ, ngành,
    địa phương: tăng cường …; thực hiện thường xuyên.", a body heading's form run into its paragraph): the group leads,
    the work after the colon is the task; {} for any other sentence (a related wording, a colon far in, a name's
    list that is no group, the document itself)."""
    text = " ".join(_BULLET.sub("", sentence).split())
    head, colon, rest = text.partition(":")
    if (not colon or len(head) > 120 or not rest.strip() or not rest.strip()[:1].islower()
            or _THIS_PLAN.search(fold(text))):
        return {}
    names = split_names(head)
    if not names or not any(classify(n) == "group" or _central_group(n) for n in names) or not all(
            _agency_like(n) and classify(n) != "related" for n in names):
        return {}
    out = {"lead": names}
    time = _time_clause(rest)
    if time:
        out["time"] = time
    return {**out, "title": rest.strip()}


def _directed_unit_partners(text):
    """Round 34: "Công an tỉnh chỉ đạo lực lượng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ phối hợp với Y tổ
    chức …": the subject directs its own unit (whose name holds commas) to work with Y: Y coordinates."""
    m = re.match(r"^[^;]{3,150}?\s(?:chỉ đạo|giao)\s+(?:lực lượng|các|phòng|đơn vị|bộ phận)\b[^;]*?[^,;]\s+phối hợp"
                 r"\s+(?:chặt chẽ\s+)?với\s", text)
    return _named_after_phoi_hop(text) if m else []


def _named_after_phoi_hop(text):
    """The coordinators after the subject's "phối hợp (chặt chẽ) với" ("X phối hợp với Y canh gác …"), ending where
    their names do (``_cut_at_verb`` as "chủ trì, phối hợp với" reads them: a verb, or a lower-case word after a
    proper name or initials), so work the parser has no verb for does not join them."""
    text = " ".join(text.split())  # fold() collapses spaces: the folded text's offsets are the text's only then
    m = re.search(r"\bphoi hop\s+(?:chat che\s+)?voi\s+", fold(text))
    if not m:
        return []
    return _agency_suffix(split_names(_cut_at_verb(text[m.end():])))


def _assignment_paragraphs(node):
    """[(title, attrs)] of a topical item ("1. Hoàn thiện cơ chế, chính sách") over paragraphs that each open by
    assigning work: a task per paragraph, and per later sentence of a paragraph that assigns again ("… hằng năm. Sở Y
    chủ trì, …"); a sentence that does not goes with the one before it. [] unless there are two or more, or when a
    paragraph opens otherwise (background, a dash) or the item is a sentence of its own."""
    heading = node.body[0] if node.heading_swapped else node.text
    paras = ([node.text] + node.body[1:]) if node.heading_swapped else list(node.body)
    if (node.rank < 2 or node.special or node.children or node.lead_heading or not paras
            or heading.rstrip().endswith((".", ":", ";"))):
        return []
    joined = []
    for line in paras:  # a paragraph wrapped over lines of its own (a PDF's) is one
        if joined and not joined[-1].rstrip().endswith((".", ";", ":", "!")) and line[:1].islower():
            joined[-1] += " " + line.strip()
        else:
            joined.append(line.strip())
    units = []
    for p, para in enumerate(joined):
        if _BULLET.match(para):
            return []
        # a paragraph that asks ("Yêu cầu X …", "Đề nghị X …") or charges ("X chịu trách nhiệm …") assigns as
        # "Giao X chủ trì …" does
        # … and so does a named body's subject sentence among them ("Phòng X tham mưu …")
        para_units = _sentence_units(para, named_subject=True)
        if para_units is None:
            if p > 0 and units and p == len(joined) - 1:
                break  # a closing standing paragraph after the tasks ("Các sở, ban, ngành … chủ động lồng ghép …")
            return []
        units.extend(para_units)
    return [tuple(u) for u in units] if len(units) >= 2 else []


def _timed_assignment(node):
    """A numbered point of the organisation part ("IV. Tổ chức thực hiện" / "2. Giao Sở X chủ trì, phối hợp với Y …,
    hoàn thành trước tháng 12/2026.") that assigns work and gives it a time of its own: its lead, coordinators and
    time (a task an officer tracks, though the plan assigns its work elsewhere); {} for a standing duty with no time
    ("… theo dõi, đôn đốc, tổng hợp, báo cáo UBND tỉnh", "… căn cứ chức năng, nhiệm vụ chủ động triển khai …")."""
    if (node.special != "organisation" or node.rank < 2 or node.parent is None or node.parent.rank > 1
            or node.children or node.body or node.has_info):
        return {}
    # (round 32: or asks without "chủ trì", "1. Đề nghị X và Y tuyên truyền …; thực hiện hằng năm.")
    attrs = _assignment(node.text) or _asked_or_charged(node.text)
    # the time a completion or an action phrase states ("hoàn thành trước …", "thực hiện trong năm …", "; thời gian:
    # …"), not the span a product covers ("… đánh giá mức hấp thụ các-bon rừng giai đoạn 2021 - 2030")
    own = re.match(r"(?:hoan thanh|thuc hien|trien khai|xong|cham nhat|truoc|trong|thoi gian|thoi han)\b",
                   fold(attrs.get("time", "")))
    return attrs if own or (attrs.get("time") and attrs["title"] != node.text) else {}


_NOTICE_CLOSING = re.compile(r"^\s*van phong (?:chinh phu|uy ban nhan dan|ubnd)\b.*\bthong bao\s+(?:de|cho)\b.*\bbiet\b")


def _inline_labels(text):
    """Labelled parts inside a paragraph: "(Chủ trì: Sở Y tế; Phối hợp: …; Thời gian: năm 2025)"."""
    f = fold(text)
    hits = [(m.start(), m.end(), next(k for k, _ in _LABELS if m.group(k))) for m in _INLINE_LABEL_RE.finditer(f)]
    hits = [h for h in hits if h[2] in ("lead", "coordinators", "time")]
    if not hits:
        return {}, text
    attrs = {}
    for i, (start, end, kind) in enumerate(hits):
        stop = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        value = text[end:stop]
        value = re.split(r"\)", value)[0] if "(" in text[:start + 1] else value
        value = value.strip(" ;,.)")
        if kind == "time":
            attrs.setdefault("time", value)
        else:
            attrs.setdefault(kind, split_names(value))
    head = text[:hits[0][0]].rstrip(" (;,-–")
    return attrs, head if len(head) > 10 else text


def _label_parts(text):
    """[(kind, value)] of a line that gives several labels in turn, the first at its start: "Chủ trì: Sở X; Phối hợp:
    Sở Y. Thời hạn: Năm 2026" (only lead, coordinators and time: a "Yêu cầu:" inside a value is no label)."""
    f = fold(text)
    hits = [(m.start(), m.end(), next(k for k, _ in _LABELS if m.group(k))) for m in _INLINE_LABEL_RE.finditer(f)]
    hits = [h for h in hits if h[2] in ("lead", "coordinators", "time")]
    if not hits or hits[0][0] != 0:
        return []
    return [(kind, text[end:hits[i + 1][0] if i + 1 < len(hits) else len(text)].strip(" ;,.")) for i, (_s, end, kind)
            in enumerate(hits)]


# "trong giai đoạn 2026–2030" as "trong năm 2026": the period with its "trong" ("thực hiện trong giai đoạn …" whole)
_TIME_START = re.compile(
    r"\b(?:(?:trong\s+)?\d{1,2} thang (?:dau|cuoi) nam|thoi gian|thoi han|hoan thanh|xong|cham nhat|truoc ngay|truoc thang|truoc quy|truoc|trong (?:nam|quy|thang|giai doan)|"
    r"quy (?:i|ii|iii|iv|[1-4])\b|nam 20\d\d|giai doan 20|tu nam|thuong xuyen|hang nam|dinh ky|hang (?:quy|thang))")


_HORIZON = re.compile(r"(?i)(?:\s*(?:cho\s+)?đến\s+năm\s+\d{4})?\s*(?:,|và)?\s*(?:có\s+tính\s+đến|có\s+xét\s+đến|tầm\s+nhìn"
                      r"(?:\s+đến)?|định\s+hướng\s+đến)\s+năm\s+\d{4}")


def _horizon_gone(m):
    """The horizon dropped; a plain "đến năm N" before it stays when a completion word makes it the task's own
    deadline ("…, hoàn thành đến năm 2030, tầm nhìn đến năm 2045")."""
    own = re.match(r"\s*(?:cho\s+)?đến\s+năm\s+\d{4}", m.group(0), re.I)
    before = fold(m.string[:m.start()])
    if own and re.search(r"\b(?:hoan thanh|xong|thoi gian(?: thuc hien)?|thoi han|truoc)\s*$", before):
        return own.group(0) + " "
    return " "


def _closing_report_rhythm(text, last):
    """"…; báo cáo UBND xã hằng tháng.": a point closing with its report to a body at a frequency (its last clause
    after ";", the body named straight after "báo cáo"): that frequency is the point's time (round 35)."""
    if last == text.rstrip(" .;"):
        return ""
    m = re.match(r"(?i)^\s*báo\s+cáo\s+(.{2,80}?)\s+((?:định\s+kỳ\s+)?h[àằ]ng\s+(?:tháng|quý|năm))\s*$", last)
    return m.group(2) if m and _STARTER_RE.match(m.group(1)) else ""


def _time_clause(text):
    """The timeframe a sentence states: the part of a clause from its time phrase on ("…, hoàn thành trong quý IV
    năm 2026", "thời gian thực hiện xong trong tháng 6/2026"). A dated phrase may stand anywhere; "thường xuyên",
    "hằng năm" only in the sentence's last clause ("…, thực hiện thường xuyên"), not as an adverb inside it
    ("Thường xuyên kiểm tra, …", "xây dựng kế hoạch thanh tra hằng năm theo hướng …"). A date inside a title
    ("Nghị định số 06/2022/NĐ-CP ngày 07 tháng 01 năm 2022") is not a timeframe."""
    # a horizon ("… cơ sở dữ liệu … đến năm 2030 và có tính đến năm 2050", "quy hoạch … đến năm 2030, tầm nhìn đến năm
    # 2050") is the scope of what the task makes, not its time
    text = _HORIZON.sub(_horizon_gone, text)
    m = re.search(r"(?i)\btrong\s+thời\s+hạn\s+\d+\s+(?:ngày|tháng|năm)(?:\s+làm\s+việc)?(?:,?\s+kể\s+từ\s+[^;,]+)?", text)
    if m:  # "Trong thời hạn 06 tháng, kể từ ngày Nghị định … có hiệu lực thi hành": a time counted from an event
        return m.group(0).strip()
    clauses = [c for c in re.split(r"[;,(]\s*|\.\s+", text.rstrip(" .);")) if c.strip()]
    if clauses and re.fullmatch(r"\s*(?:[-–+•]\s*)?(?:dinh ky\s+)?hang nam\s*", fold(clauses[0])):
        return _BULLET.sub("", clauses[0]).strip()  # "Hàng năm, tiến hành rà soát …": the whole point's frequency
    last = re.split(r";\s*", text.rstrip(" .;"))[-1]
    m = re.match(r"(?i)^\s*(?:[-–+•]\s*)?((?:định\s+kỳ\s+)?h[àằ]ng\s+năm)\s+(?:có\s+|gửi\s+)?báo\s+cáo\b", last)
    if m:  # "…; định kỳ hàng năm có báo cáo kết quả … gửi Bộ X", "Hàng năm có báo cáo …": the point's frequency
        return m.group(1)
    rhythm = _closing_report_rhythm(text, last)
    if rhythm:
        return rhythm
    reference = 0  # "Căn cứ nội dung Kế hoạch …, giai đoạn 2021 - 2030, xây dựng …": the clauses naming the document
    if clauses and re.match(r"^\s*(?:[-–+•]\s*)?can cu\b", fold(clauses[0])):
        reference = next((i for i, c in enumerate(clauses) if i and _VERB_RE.search(fold(c))), len(clauses))
    for k, c in enumerate(reversed(clauses)):
        fc = fold(c)
        if len(clauses) - 1 - k < reference or re.match(r"^\s*can cu\b", fc):
            continue  # a document's name, not a timeframe
        if not _TIME_HINT.search(fc):
            continue
        m = _TIME_START.search(fc)
        if not m:
            continue
        sentence = fold(next((x for x in re.split(r"\.\s+", text) if c.strip() in x), c))
        sent = re.search(r"\b(bao cao|gui ve)\b", fc[:m.start()]) or (
            re.search(r"\bgui\b", fc[:m.start()]) and re.search(r"\bbao cao\b", sentence))
        if (sent and not re.search(r"\bhoan thanh\b", fc)
                and (not re.search(r"\b(?:nam|/)\s*20\d\d\b", fc[m.start():])
                     or re.search(r"\b(dinh ky|hang nam|hang quy|6 thang)\b", fc))):
            # "… báo cáo tình hình thực hiện, gửi về Bộ X trước ngày 25 tháng 12": the reporting rule's recurring date;
            # not a one-off deadline with its year ("… báo cáo Thủ tướng Chính phủ trong quý III năm 2012"), nor the
            # date a product is sent by ("tổng hợp kết quả … gửi Bộ X trước ngày 30 tháng 6 hằng năm")
            continue
        lead_in = re.match(r"^\s*(thuc hien|trien khai|to chuc thuc hien)\s+", fc)
        start = 0 if lead_in and m.start() <= lead_in.end() + 1 else m.start()
        part = c[start:].strip(" .;)")
        later = re.search(r"\s(?:trình|gửi|báo cáo)\s.*?\s((?:trong|trước|hoàn thành)\s.*\d.*)$", part)
        if later:  # "năm 2020 trình Thủ tướng Chính phủ phê duyệt trong quý IV năm 2012": the submission's time
            part = later.group(1)
        # the time phrase ends at the time: "trong quý II năm 2012 theo hướng …", "… hằng năm để tổng hợp"
        # "… năm 2028 theo yêu cầu của Bộ X": whose deadline it is, after the time
        part = re.split(r"\s+(?:để|theo hướng|nhằm|bảo đảm|đảm bảo|theo yêu cầu|theo quy định)\s", part)[0].strip(" .;)")
        fp = fold(part)
        if re.search(r"\d", fp):
            if not fp.startswith(("trong ", "truoc ", "hoan thanh", "xong")) and re.search(
                    r"\b(so|nghi dinh|quyet dinh|thong tu|ke hoach|chi thi|nghi quyet|luat|dieu|khoan)\b",
                    fold(c[:m.start()])[-40:]):  # "Luật Địa chất và khoáng sản năm 2024": a name, not a time
                continue
            at = text.find(c)
            if (not fp.startswith(("trong ", "truoc ", "hoan thanh", "xong")) and at >= 0
                    and re.search(r"\b(?:Đề án|Chương trình|Chiến lược|Quy hoạch)\s[^;.:]{0,160}$",
                                  text[:at + m.start()])):
                continue  # "thực hiện Đề án một triệu ha lúa … vùng đồng bằng Sông Cửu Long đến năm 2030": its name
            if (not fp.startswith(("trong ", "truoc ", "hoan thanh", "xong")) and at >= 0
                    and re.search(r"\bhuong toi\b", fold(re.split(r"[;.]\s", text[:at + m.start()])[-1]))):
                continue  # "…; hướng tới xây dựng Sa Pa … trở thành khu du lịch xanh … vào năm 2030": a goal's horizon
            return part
        if k == 0 and re.search(r"thuong xuyen|hang nam|dinh ky|hang (?:quy|thang)", fp):
            if (lead_in and len(clauses) > 1 and fc[lead_in.end():].startswith("theo ")
                    and re.fullmatch(r"(?:dinh ky\s+)?hang (?:nam|quy|thang)", fold(c[m.start():]).strip(" .;)"))):
                # "…; thực hiện theo kế hoạch lập dự toán hằng năm.": the work follows a yearly cycle, the clause whole
                return c.strip(" .;)")
            # "… tuyên truyền về Đề án, Nghị quyết thường xuyên và liên tục.": the adverb closing the sentence
            if start == 0 or len(fc.split()) <= 6 or re.fullmatch(
                    r"thuong xuyen(?:,? va lien tuc)?", fold(c[start:]).strip(" .;)")):
                return part
            explicit = re.search(r"\bdinh ky hang (?:nam|quy|thang)\b", fc)
            if explicit:  # "… cung cấp thông tin … định kỳ hằng năm gửi về Bộ X": the task's own frequency
                return c[explicit.start():explicit.end()]
    m = _WEEKLY_DAY.search(text)
    if m:  # "… vào ngày thứ Bảy hoặc Chủ nhật hàng tuần tại …": the day a week the work is done on
        return m.group(0)
    return ""


_WEEK_DAY = r"(?:thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy)|Chủ\s+nhật|chủ\s+nhật)"
_WEEKLY_DAY = re.compile(r"(?:(?:ngày|sáng|chiều|tối)\s+)?" + _WEEK_DAY + r"(?:\s+(?:hoặc|và)\s+" + _WEEK_DAY
                         + r")*\s+h[àằ]ng\s+tuần\b")


# a sentence that recites an earlier assignment: a law or decree as its subject ("Luật … giao Bộ X chủ trì"), or
# "đã (được) giao" / "… đã chủ trì"
_RECITAL = re.compile(r"^\s*(?:[-–+•]\s*)?(?:luat|nghi dinh|nghi quyet|quyet dinh|thong tu|chi thi)\b.*\bgiao\b"
                      r"|\bda\s+(?:duoc\s+)?giao\b|\bda\s*$")


# a body's role in brackets after its name: "Sở X (cơ quan thường trực)", "(cơ quan đầu mối)", "(đơn vị thường trực
# Ban Chỉ đạo)", "(thường trực)"
_ROLE_IN_BRACKETS = re.compile(r"(?i)\s*\((?:(?:cơ quan|đơn vị|bộ phận)\s+)?(?:thường trực|đầu mối|tham mưu|chủ trì)\b[^()]*\)")


def _drop_roles(text):
    """``text`` without the roles in brackets after its names, to read the names from (a title keeps them)."""
    return _ROLE_IN_BRACKETS.sub("", text)


def _without_unit_bracket(before):
    """"Bộ Tài chính (Cục Quản lý công sản) chủ trì": a bracket between a known lead and "chủ trì" names the unit
    that does the work, none of the lead's name (as a bracket after a known name in a list is not, round 25)."""
    m = re.search(r"\s*\([^()]*\)\s*$", before)
    if m:
        head = before[:m.start()]
        spans = known_spans(head)
        if spans and spans[-1][1] == len(head):
            return head
    return before


def _named_before_colon(before):
    """Round 36: the words before "chủ trì" when they are only a body's name and a colon ("Bộ Công an: chủ trì …",
    "Bộ Tư pháp: chủ trì, phối hợp với …", a numbered item naming its body, then its work): that name, else ""."""
    m = re.fullmatch(r"\s*(?:[-–+•]\s*)?([^:;.()]{3,120}?)\s*:\s*", before)
    if not m:
        return ""
    names = split_names(m.group(1))
    return m.group(1) if names and all(_agency_like(n) and classify(n) != "related" for n in names) else ""


def _prose(text, any_sentence=False):
    """Lead, coordinators and timeframe stated in a sentence: "Giao Sở X chủ trì, phối hợp với Y thực hiện …,
    hoàn thành trong Quý II/2026"."""
    attrs = {}
    text = " ".join(text.split())  # fold() collapses spaces: the folded text's offsets are the text's only then
    f = fold(text)
    if not any_sentence and not re.search(r"\bchu tri\b", f):
        return attrs
    time = _time_clause(text)
    if time:
        attrs["time"] = time
    f = fold(text)
    # "rõ cơ quan chủ trì", "đơn vị chủ trì": a noun, no assignment ("là cơ quan chủ trì" is one)
    m = next((x for x in re.finditer(r"\bchu tri\b", f) if not re.search(r"\b(?:co quan|don vi)\s*$", f[:x.start()])
              or re.search(r"\bla\s+(?:co quan|don vi)\s*$", f[:x.start()])), None)
    if not m:
        return attrs
    before = _without_unit_bracket(_drop_roles(text[:m.start()]))
    sentence = re.split(r"\.\s+", before)[-1]
    if _RECITAL.search(fold(sentence)):
        # "Luật … và Nghị định … giao Bộ X chủ trì …", "Thời gian qua, Tỉnh ủy đã giao Sở X chủ trì …", "Thực hiện
        # …, Bộ X đã chủ trì …": an earlier assignment recited as background, no task
        return {}
    # the lead: after "Giao"/"Đề nghị"/the start of the clause, before "chủ trì"
    clause = re.split(r"[.;:(]\s*", before)[-1] or _named_before_colon(before)
    clause = re.sub(r"^\s*(?:[-–+•]\s*)?", "", clause)
    clause = re.sub(r"(?i)^.*?\b(giao cho|giao(?!\s+thông)|đề nghị|yêu cầu|do)\s+", "", clause)  # not "Giao thông"
    clause = re.sub(r"\s+(là cơ quan|làm đầu mối|là đơn vị|có trách nhiệm|tiếp tục|)$", "", clause.strip(), flags=re.I)
    names = _agency_suffix(split_names(clause))
    if not names and ";" in sentence and re.fullmatch(r"\s*(?:tren co so do|dong thoi|sau do|va)?\s*,?\s*",
                                                        fold(clause)):
        # "Bộ X thực hiện nghiêm …; chủ trì, phối hợp với …", "Bộ X báo cáo …; trên cơ sở đó chủ trì …": the
        # sentence's subject leads the clause after the semicolon
        names = _subject_lead(sentence)
    if names:
        attrs["lead"] = names
    after = text[m.end():]
    fa = fold(after)
    # "chủ trì, điều phối và phối hợp với …": another verb of the lead's may come before "phối hợp"
    pm = re.match(r"^\s*(?:thuc hien\s*)?(?:[,;]?\s*(?:dieu phoi|dieu hanh|huong dan|chi dao)\s*)?[,;]?\s*(?:va\s+)?"
                  r"phoi hop\s+(?:chat che\s+)?(?:voi\s+)?", fa)
    if pm:
        coord_text = _cut_at_verb(_drop_roles(after[pm.end():]))
        names = _agency_suffix(split_names(coord_text))
        if names:
            attrs["coordinators"] = names
    return attrs


# --- tables -----------------------------------------------------------------------------------------------------

_COLUMNS = [
    ("number", re.compile(r"^(s?tt|so tt|so thu tu|stt)$")),
    ("lead", re.compile(r"chu tri|(co quan|don vi) thuc hien|trach nhiem")),
    ("coordinators", re.compile(r"phoi hop")),
    ("time", re.compile(r"thoi gian|thoi han|tien do|hoan thanh|moc")),
    ("product", re.compile(r"san pham|ket qua")),
    ("note", re.compile(r"ghi chu")),
    ("title", re.compile(r"nhiem vu|noi dung|hoat dong|cong viec|giai phap|ten|de an|chuong trinh")),
]


def _names_roles(cells):
    """A row whose cells give roles to names ("Chủ trì: Sở X; Phối hợp: Sở Y", "Sở X chủ trì; Sở Y phối hợp"), a task's
    row under a header with one agency column (round 34), not the header's second row ("Chủ trì | Phối hợp")."""
    return any(re.search(r"chu tri|phoi hop", c) and re.search(r"[:;]\s*\S", c)
               for c in cells)


def _table_columns(rows):
    """(column map, index of the first data row) when the table is a task table, else (None, 0)."""
    for i, row in enumerate(rows[:3]):
        names = [fold(c) for c in row]
        if i + 1 < len(rows) and len(rows[i + 1]) >= len(row) and row:
            below = [fold(c) for c in rows[i + 1]]
            if (any(re.search(r"chu tri|phoi hop", b) for b in below)
                    and not any(re.search(r"chu tri", n) for n in names) and not _names_roles(below)):
                # "… | Thực hiện" over "… | Đơn vị chủ trì | Đơn vị phối hợp": a header cell spanning the cells under it
                # a DOCX row gives a merged cell once: it spans from the first cell named below it ("STT | Nhiệm vụ |
                # Phân công | Tiến độ" over "| | Chủ trì | Phối hợp |"), else it is the last
                # (a vertically merged cell gives its words again below: the words joined cell by cell keep them)
                first = next((j for j, b in enumerate(below) if b), len(names) - 1)
                first = min(first, len(names) - 1)
                names = names[:first] + [names[first]] * (len(below) - len(names) + 1) + names[first + 1:]
                names = [f"{a} {b}" if a != b else a for a, b in zip(names, below)]
                i += 1
        cols = {}
        lead_at = [j for j, name in enumerate(names) if re.search(r"chu tri", name)]
        for j, name in enumerate(names):
            for key, pattern in _COLUMNS:
                if key not in cols and pattern.search(name) and j not in cols.values():
                    if key == "title" and re.search(r"chu tri|phoi hop|thoi gian", name):
                        continue
                    if key == "lead" and lead_at and j not in lead_at:
                        continue  # "Cơ quan chịu trách nhiệm …" before "Đơn vị chủ trì": the one that leads is named so
                    cols[key] = j
                    break
        if "title" in cols and re.match(r"^nhom\b", names[cols["title"]]):
            # "Nhóm hoạt động | Hoạt động | Cơ quan chủ trì …": the group's column, then the task's own
            own = next((j for j in range(cols["title"] + 1, len(names)) if j not in cols.values()
                        and dict(_COLUMNS)["title"].search(names[j])
                        and not re.search(r"chu tri|phoi hop|thoi gian", names[j])), None)
            if own is not None:
                cols["group"], cols["title"] = cols["title"], own
        if "lead" in cols and ("title" in cols or "number" in cols):
            if "title" not in cols:
                cols["title"] = cols["number"] + 1
            return cols, i + 1
    return None, 0


_MARKER_ONLY = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVXL]{1,5}\.?)$")


def _ends_flattened(line):
    """The line after a flattened table: the next part or item, the signature, an appendix."""
    m = _marker(line)
    return bool((m and m[0] <= 2 and m[2]) or re.match(r"^(noi nhan|phu luc|tm\.|kt\.)", fold(line)))


def _unflatten(header, lines):
    """A table whose cells come one a line after its header row (a PDF table flattened to text): the rows again.
    Header cells left out of the header row ("Thời gian thực hiện") are the first lines that name a column; a row
    starts at a line that is only its number ("1", "a)"); a row with its title alone is a section row; lines past
    a row's last column wrap its cells in turn (a cell's second line comes after the row's first lines)."""
    header = list(header)
    k = 0
    while k < len(lines) and not _MARKER_ONLY.match(lines[k]) and len(lines[k]) < 60 and any(
            pattern.search(fold(lines[k])) for _key, pattern in _COLUMNS):
        header.append(lines[k])
        k += 1
    rows, current = [header], None
    for line in lines[k:]:
        if _MARKER_ONLY.match(line):
            current = [line]
            rows.append(current)
        elif current is not None:
            current.append(line)
    if len(rows) < 2:
        return None
    width = len(header)
    out = [header]
    for row in rows[1:]:
        cells = row[:width] + [""] * (width - len(row))
        for n, extra in enumerate(row[width:]):
            j = 1 + n % (width - 1)
            cells[j] = f"{cells[j]} {extra}".strip()
        out.append(cells)
    return out


def _cell(row, cols, key):
    j = cols.get(key)
    return row[j].strip() if j is not None and j < len(row) else ""


# --- the parse --------------------------------------------------------------------------------------------------


# --- OCR slips (round 31) ---------------------------------------------------------------------------------------
# A scanned document read by OCR slips in its numbering and its role words. What was meant is read from the list
# around a slip (after "a)" comes "b)"; after "II." comes "III."), never from a document's wording.

_PAGE_PREFIX = re.compile(r"^=+\s*Trang\s+\d+\s*=+\s*")
_VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
# what OCR reads for a point's letter ("©)" or "e)" for "c)", "h)" for "b)", "l)" for "i)"); a letter with a mark it
# never has ("ạ)", "é)") is its letter too (fold); a digit ("8)") is read by the points around it (_ocr_sequence)
_LETTER_LOOKALIKES = {"a": "@", "b": "h", "c": "e©¢(o", "đ": "ð", "e": "c©", "g": "q", "h": "b", "i": "l|!"}
# a point's marker as OCR gives it: one character and a bracket of any shape ("b}", "8)", "ạ)"), or its letter with
# the bracket lost ("b Tổ chức …": the expected letter alone, a capital after it)
_OCR_POINT = re.compile(r"^(\S)\s*[)}\]]\s*(?=\S)|^([a-zđ])\s+(?=[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ])")
# a part's Roman numeral as OCR gives it: "HI-", "Ill.", "lI.", "V1." (an "I" read as "l", "1", "|"; "II" as "H")
_ROMAN_LIKE = re.compile(r"^((?:PHẦN|Phần)\s+)?([IVXLHTl1|!ÍÌỈĨỊ]{2,6})\s*[.\-–—,:/)]\s*(?=\S)")
# … or its stop read as a comma or lost, before a heading in capitals ("II NHIỆM VỤ", "V, TỔ CHỨC THỰC HIỆN")
_ROMAN_UNSTOPPED = re.compile(r"^((?:PHẦN|Phần)\s+)?([IVXLHTl1|!ÍÌỈĨỊ]{1,6})\s*,?\s+(?=[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]{2})")
# an Arabic item's number with an "l" or "I" for its "1" ("l.", "1l.", "I."), and a decimal one with stray spaces
# ("2 .1.", "2. 1."); a number whose full stop OCR read as a comma or lost ("2, Ban …", "3 Ban …")
_ARABIC_LIKE = re.compile(r"^([0-9lI|]{1,2})\s*[.)]\s*(?=[^\W\d_])")
_ARABIC_UNSTOPPED = re.compile(r"^(\d{1,2})\s*[,:;\-–]?\s+(?!(?:Điều|Khoản|Điểm|Mục|Chương|Phần)\b)(?=[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ])")
_OCR_ARTICLE = re.compile(r"^([ĐđDd]i[eêềếểễệ]u|Chương|CHƯƠNG|Mục|MỤC)\s+(\d{1,2}|[IVXL]{1,5})\s*[.,:;]\s*(?=\S)")
_DOTTED_SPACED = re.compile(r"^(\d{1,2})\s*[.,]\s*([0-9lI|]{1,2})\s*[.,]\s*(?=[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ])")


def _successors(letter):
    """The letters a lettered point after ``letter`` may have: the next, and the one after "đ" (lists skip it)."""
    if letter is None:
        return ["a"]
    k = _VI_LETTERS.find(letter)
    if k < 0 or k + 1 >= len(_VI_LETTERS):
        return []
    nxt = [_VI_LETTERS[k + 1]]
    if nxt[0] == "đ" and k + 2 < len(_VI_LETTERS):
        nxt.append(_VI_LETTERS[k + 2])
    return nxt


def _roman_of(n):
    out = ""
    for v, s in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out


def _valid_roman(s):
    return bool(s) and re.fullmatch(r"(XL|L?X{0,3})(IX|IV|V?I{0,3})", s) is not None


def _ocr_role_words(text):
    """"Chú trì", "Chù trì", "Chu tri" → "Chủ trì"; "Phôi hợp", "Phoi hop" → "Phối hợp": the two role words whatever
    marks OCR gave or dropped (no other Vietnamese words fold to them), an "i" read as "l" or "1" too."""
    def role(m, word):
        w = m.group(0)
        if w == word or w == word.capitalize() or w == word.upper():
            return w
        return word.upper() if w.isupper() else (word.capitalize() if w[:1].isupper() else word)
    text = re.sub(r"(?i)\bch[uúùủũụưứừửữự]\s+tr[iìíỉĩịl1]\b", lambda m: role(m, "chủ trì"), text)
    text = re.sub(r"(?i)\bph[oóòỏõọôốồổỗộơớờởỡợ][iíìỉĩịl1]\s+h[oóòỏõọôốồổỗộơớờởỡợ]p\b",
                  lambda m: role(m, "phối hợp"), text)
    # a label's colon read as ";", "." or "," ("- Chủ trì; Sở X", "Thời gian. Quý II/2028"): its colon, a name or a
    # time after it
    label = _OCR_LABEL.match(text)
    if label:
        text = text[:label.start(2)] + ":" + text[label.end(2):]
    # a date's or year's digit read as a letter ("2O28", "3O/6/2028", "l0/2028"): its digit
    return _OCR_DATE.sub(lambda m: m.group(0).translate(_DIGIT_LOOKALIKES), text)


_OCR_LABEL = re.compile(r"^((?:[-–—+•*]\s*)?(?:(?:Cơ quan|Đơn vị|cơ quan|đơn vị)\s+)?(?:Chủ trì|chủ trì|Phối hợp|phối hợp|"
                        r"Thời gian|thời gian|Thời hạn|thời hạn)(?:\s+(?:thực hiện|hoàn thành))?)\s*([;.,])\s+"
                        r"(?=[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ0-9])")
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
# (a year "2O28", a date "3O/6/2028" or "l0/2028": a run of digits with a letter among them, beside a "/" or a year)
_OCR_DATE = re.compile(r"(?<![\w/])(?:2[0O]\d[\dO]|2[0O][\dO]\d)(?![\w/])|(?<![\w/])(?=[\dOol]*\d)(?=[\dOol]*[Ool])"
                       r"[\dOol]{2}(?=\s*/\s*\d)|(?<=/)(?=[\dO]*\d)(?=[\dO]*O)[\dO]{4}(?![\w/])")


_LONE_MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[IVXL]{1,5}\.)$")


def _lone_markers(blocks):
    """A marker OCR read on a line of its own ("1." / "Sở Nông nghiệp …", "a)" / "Chủ trì, …"): the line after it is
    its text. Not in a document with tables (a table flattened to a line a cell starts its rows with lone numbers)."""
    if any(kind != "p" for kind, _v in blocks):
        return blocks
    out = []
    for kind, v in blocks:
        if (out and _LONE_MARKER.match(_PAGE_PREFIX.sub("", out[-1][1]).strip()) and v.strip()
                and not _marker(v) and not _LONE_MARKER.match(v.strip()) and not _PAGE_PREFIX.match(v)):
            out[-1] = ("p", out[-1][1].rstrip() + " " + v.strip())
            continue
        out.append((kind, v))
    return out


def _ocr_sequence(blocks):
    """Numbering markers OCR misread, mended by their neighbours in the list (round 31): a lettered point's marker off
    its sequence ("8)", "ạ)", "b}", "e)" for "c)", "b" without its bracket) is the letter after the point before when
    it looks like it or the next point's letter is the one after it; a Roman numeral near the next part's ("HI-",
    "Ill.", "V1.") is it, and a valid one off the sequence between two that leave one gap is the gap's; an Arabic
    number with "l" or "I" for "1" ("l.", "1l.", "I." after a part "I.") is the expected next number; "2 .1." is
    "2.1.". Tables are left alone."""
    out = list(blocks)
    paras = [j for j, (kind, v) in enumerate(out) if kind == "p"]

    def split(v):
        pm = _PAGE_PREFIX.match(v)
        return (v[:pm.end()], v[pm.end():]) if pm else ("", v)

    def text_at(j):
        return split(out[j][1])[1]

    cache = {}

    def mark_at(j):
        if j not in cache:
            cache[j] = _marker(text_at(j))
        return cache[j]

    def set_text(j, text):
        out[j] = ("p", split(out[j][1])[0] + text)
        cache.pop(j, None)

    def next_mark(k, want):
        """The next proper marker after paragraph index k of the ranks ``want``, stopping at a higher rank."""
        for j in paras[k + 1:]:
            m = mark_at(j)
            if not m and 5 in want:
                pm = _OCR_POINT.match(text_at(j))  # "b}", "ạ)": a point's letter as OCR gives it
                m = (5, fold(pm.group(1)), "") if pm and pm.group(1) and pm.group(1).isalpha() else None
            if not m:
                continue
            if m[0] in want:
                return m
            if m[0] < min(want):
                return None
        return None

    def next_numbered(k):
        """The number of the next Arabic item after paragraph k, its stop read or not ("2.", "2,", "2 Ban …")."""
        for j in paras[k + 1:]:
            m = mark_at(j)
            if m and m[0] <= 1:
                return None
            if m and m[0] == 2:
                return int(m[1])
            um = _ARABIC_UNSTOPPED.match(text_at(j))
            if um:
                return int(um.group(1))
        return None

    def runs_on(k, digit):
        """Whether a "\\d)" item with the next number follows, before any higher item: an Arabic list."""
        for j in paras[k + 1:]:
            m = mark_at(j)
            if m and m[0] == 2:
                return m[1] == str(int(digit) + 1) and re.match(r"^\d{1,2}\s*\)", text_at(j)) is not None
            if m and m[0] < 2:
                return False
        return False

    for j in paras:
        # a speck OCR read before a marker ("' b) …", "| 2. …", ". a) …"): no part of the line
        speck = re.match(r"^[|'‘’`´_~.,:;*]\s*(?=\S)", text_at(j))
        if speck and (_marker(text_at(j)[speck.end():]) or _OCR_POINT.match(text_at(j)[speck.end():])):
            set_text(j, text_at(j)[speck.end():])
    prev_roman, prev_arabic, prev_letter = 0, 0, None
    last_paren = None  # the number of the last "7)" item since the last "1." one
    for k, j in enumerate(paras):
        v = text_at(j)
        article = _OCR_ARTICLE.match(v)
        if article:
            # "Điều 7." (or "Điểu 7,", "Diều 7:" as OCR reads it): an article, its items numbered anew
            if fold(article.group(1)) == "dieu" and article.group(0).rstrip() != f"Điều {article.group(2)}.":
                v = "Điều " + article.group(2) + ". " + v[article.end():]
                set_text(j, v)
            prev_arabic, prev_letter, last_paren = 0, None, None
            continue
        m = _marker(v)
        # --- a part's Roman numeral
        rm = _ROMAN_LIKE.match(v)
        if not rm and not m:
            rm = _ROMAN_UNSTOPPED.match(v)
            rm = rm if rm and v[rm.end():].upper() == v[rm.end():] and re.search(r"[IVX]", rm.group(2)) else None
        if (rm and not (m and m[0] == 1) and re.search(r"[IVXHTÍÌỈĨỊ]", rm.group(2))
                and not (re.fullmatch(r"[0-9lI|]+", rm.group(2))  # "1I." after "10.": the Arabic eleven
                         and int(re.sub(r"[lI|]", "1", rm.group(2))) == prev_arabic + 1)):
            read = re.sub(r"[l1|!TÍÌỈĨỊ]", "I", rm.group(2).replace("H", "II"))
            nxt = next_mark(k, (1,))
            if _valid_roman(read) and (_roman_value(read) == prev_roman + 1 and (prev_roman or len(read) == 1)
                                       or (nxt and _roman_value(nxt[1]) == prev_roman + 2)) and v[rm.end():][:1].isupper():
                v = (rm.group(1) or "") + _roman_of(prev_roman + 1) + ". " + v[rm.end():]
                set_text(j, v)
                m = _marker(v)
        if m and m[0] == 1:
            value = _roman_value(m[1])
            nxt = next_mark(k, (1,))
            if value != prev_roman + 1 and prev_roman and nxt and _roman_value(nxt[1]) == prev_roman + 2:
                mm = _ROMAN.match(v)
                v = v[:mm.start(1)] + _roman_of(prev_roman + 1) + v[mm.end(1):]
                set_text(j, v)
                m = _marker(v)
                value = prev_roman + 1
            if not (m[1] == "I" and prev_roman >= 1 and prev_arabic == 0 and not m[2].isupper()
                    and next_numbered(k) == 2):
                prev_roman, prev_arabic, prev_letter = value, 0, None
                continue
            # "I." right under a part, a "2." after it: the first Arabic item, its "1" read as "I"
            v = re.sub(r"^I\s*\.", "1.", v)
            set_text(j, v)
            m = _marker(v)
        # --- an Arabic item's number
        am = _ARABIC_LIKE.match(v)
        if am and re.search(r"[lI|]", am.group(1)) and not (m and m[0] == 5 and prev_letter and m[1] in _successors(prev_letter)):
            read = int(re.sub(r"[lI|]", "1", am.group(1)))
            if read == prev_arabic + 1 and (read > 1 or next_numbered(k) == 2):
                v = str(read) + ". " + v[am.end():]
                set_text(j, v)
                m = _marker(v)
        um = _ARABIC_UNSTOPPED.match(v) if not m else None
        if um and int(um.group(1)) == prev_arabic + 1 and (prev_arabic or next_numbered(k) == 2):
            v = f"{um.group(1)}. " + v[um.end():]
            set_text(j, v)
            m = _marker(v)
        dm = _DOTTED_SPACED.match(v)
        if dm and prev_arabic and int(dm.group(1)) == prev_arabic and not (m and m[0] == 3):
            v = f"{dm.group(1)}.{re.sub(r'[lI|]', '1', dm.group(2))}. " + v[dm.end():]
            set_text(j, v)
            m = _marker(v)
        if (m and m[0] == 0 and prev_letter and re.match(r"^[A-Z]\s*\)", v)
                and (m[1].lower() in _successors(prev_letter))):
            v = m[1].lower() + v[1:]  # "B)" after "a)": the point's letter read as a capital
            set_text(j, v)
            m = _marker(v)
        digit_point = m and m[0] == 2 and re.match(r"^\d\s*\)", v) and not runs_on(k, v[0])
        if m and m[0] <= 4 and not digit_point:
            # (a "8)" among points, no "9)" after it, may be a point's letter read wrong: read on)
            if m[0] == 2 and re.match(r"^\d{1,2}\s*\.", v):
                prev_arabic, last_paren = int(m[1]), None
            elif m[0] == 2 and re.match(r"^\d{1,2}\s*\)", v):
                last_paren = int(m[1])
            elif m[0] <= 1:
                last_paren = None
            prev_letter = None
            continue
        # --- a lettered point's letter
        expected = _successors(prev_letter)
        nxt = next_mark(k, (5,))
        nxt_letter = nxt[1] if nxt and len(nxt[1]) == 1 else None
        if m and m[0] == 5 and len(m[1]) == 1 and (m[1] in expected or not prev_letter):
            prev_letter = m[1]
            continue
        pm = _OCR_POINT.match(v)
        if not pm:
            if m and m[0] == 5:
                prev_letter = m[1] if len(m[1]) == 1 else prev_letter
            continue
        ch = pm.group(1) or pm.group(2)
        fixed = None
        for e in expected:
            # (the next point's letter, or one OCR gives for it: "8)" before an "e)" that is "c)")
            between = nxt_letter is not None and any(nxt_letter == f or nxt_letter in _LETTER_LOOKALIKES.get(f, "")
                                                     for f in _successors(e))
            looks = ch != e and (fold(ch) == e or ch in _LETTER_LOOKALIKES.get(e, ""))
            if pm.group(2) is not None:
                ok = ch == e and prev_letter is not None  # the bracket lost: the letter itself, in a running list
            elif ch == e:
                ok = True  # "b}": its own letter, another bracket
            elif ch.isdigit():
                # "8)" among lettered points, no Arabic "7)" before it nor "9)" after it: the point's letter misread
                ok = between or (prev_letter is not None and nxt_letter is None and not runs_on(k, ch)
                                 and last_paren != int(ch) - 1)
            elif fold(ch) == e:
                ok = nxt_letter is None or between or nxt_letter == ch  # "ạ)", "é)": the letter with a mark it never has
            else:
                ok = between or (looks and prev_letter is not None and (nxt_letter is None or between))
            if ok:
                fixed = e
                break
        if fixed:
            v = f"{fixed}) " + v[pm.end():]
            set_text(j, v)
            prev_letter = fixed
        elif m and m[0] == 5 and len(m[1]) == 1:
            prev_letter = m[1]
        elif digit_point:
            prev_letter, last_paren = None, int(m[1])  # an Arabic item "8)" after all: points under it start anew
    return out


def _ocr_markers(blocks):
    """OCR noise in item markers, mended where the list around it shows what was meant: "I." read for "1." in an
    Arabic-numbered list (no "II." anywhere, "2." follows); "8)" read for "g)" right after a point "e)"; an Arabic
    number off the sequence between two that leave one gap ("4." "3." "6." → "5.")."""
    # a PDF's page marker ("===== Trang 2 =====") is no text; a numbered item broken where a line starts with a
    # capital ("… kết cấu hạ tầng do" / "Nhà nước đầu tư, …") or at a page goes on in the lines after it
    mended, in_item = [], False
    # only in a text extracted page by page (its page markers show it): elsewhere a line's capital starts a paragraph
    paged = sum(kind == "p" and bool(re.match(r"^=+\s*Trang\s+\d+\s*=+", v)) for kind, v in blocks) >= 2
    blocks = _ocr_sequence(_lone_markers([(kind, _ocr_role_words(v) if kind == "p" else
                                           [[_ocr_role_words(c) for c in row] for row in v]) for kind, v in blocks]))
    for kind, v in blocks:
        if kind == "p":
            v = re.sub(r"^=+\s*Trang\s+\d+\s*=+\s*", "", v)
            if not v.strip():
                continue
            if (paged and in_item and mended and mended[-1][0] == "p" and not _marker(v) and not _BULLET.match(v)
                    # (not after a short line: a heading that names its body, "3. Ủy ban Kiểm tra Tỉnh ủy", ends
                    # there; a line broken at the page's width is long)
                    and len(mended[-1][1]) >= 50
                    and not mended[-1][1].rstrip().endswith((".", ":", ";", "!", "?", "./.")) and not v.isupper()
                    and not re.match(r"^(?:nơi nhận|kt\.|tm\.)", v, re.I)):
                mended[-1] = ("p", mended[-1][1].rstrip() + " " + v.strip())
                continue
            in_item = bool(_marker(v)) or (in_item and not _BULLET.match(v))
        else:
            in_item = False
        mended.append((kind, v))
    blocks = mended
    marks = [(j, _marker(v)) for j, (kind, v) in enumerate(blocks) if kind == "p"]
    marks = [(j, m) for j, m in marks if m]
    romans = [(j, m) for j, m in marks if m[0] == 1]
    out = list(blocks)
    if len(romans) == 1 and romans[0][1][1] == "I":
        j = romans[0][0]
        nxt = next((m for k, m in marks if k > j and m[0] <= 2), None)
        if nxt and nxt[0] == 2 and nxt[1] == "2":
            out[j] = ("p", re.sub(r"^I\s*\.", "1.", blocks[j][1]))
    previous = None
    for j, (kind, v) in enumerate(out):
        m = _marker(v) if kind == "p" else None
        if m and previous and previous[0] == 5 and previous[1] == "e" and re.match(r"^8\s*\)", v):
            out[j] = ("p", re.sub(r"^8\s*\)", "g)", v))
            m = _marker(out[j][1])
        if m:
            previous = m
    marks = [(j, _marker(v)) for j, (kind, v) in enumerate(out) if kind == "p"]
    arabic = [(j, int(m[1])) for j, m in marks if m and m[0] == 2 and re.match(r"^\d{1,2}\s*\.", out[j][1])]
    for (a, x), (b, y), (c, z) in zip(arabic, arabic[1:], arabic[2:]):
        if z == x + 2 and y != x + 1:
            out[b] = ("p", re.sub(r"^\d{1,2}", str(x + 1), out[b][1]))
    return out


def _join_continued_tables(blocks):
    """A task table broken over a PDF's pages: a table with no header row, as wide as the task table before it, with
    at most two short paragraphs between them (a repeated heading, a page's furniture), goes on with it; those
    paragraphs come after the joined table."""
    out, last, between = [], None, []
    for kind, value in blocks:
        if kind == "table":
            cols, _start = _table_columns(value)
            if (not cols and last is not None and len(between) <= 2 and value
                    and all(len(r) == len(last[1][0]) for r in value)):
                last[1].extend(value)
                out.extend(between)
                between = []
                continue
            out.extend(between)
            between = []
            block = (kind, [list(r) for r in value])
            out.append(block)
            last = block if cols and "lead" in cols else None
            continue
        if last is not None and kind == "p" and len(value) < 150 and not _marker(value) and len(between) < 3:
            between.append((kind, value))
            continue
        out.extend(between)
        between = []
        last = None
        out.append((kind, value))
    out.extend(between)
    return out


# a time broken over two PDF lines: a line ending in the time's word ("…, hoàn thành trong Quý", "… trước tháng") and
# the next line opening with its value ("II/2026.", "9/2026", "30/6/2026", "2027.")
_TIME_WORD_END = re.compile(r"(?:\b(?:quy|thang|nam|ngay|truoc|trong|den|giai doan))\s*$")
_TIME_VALUE_START = re.compile(r"^\s*(?:(?:[IVX]{1,4}|\d{1,2})\s*/\s*(?:\d{1,2}\s*/\s*)?\d{4}|\d{4})(?=$|[\s.,;)])")


def _join_broken_times(blocks):
    out = []
    for kind, value in blocks:
        if (kind == "p" and out and out[-1][0] == "p" and _TIME_VALUE_START.match(value)
                and _TIME_WORD_END.search(fold(out[-1][1])) and len(value) < 120):
            out[-1] = ("p", out[-1][1].rstrip() + " " + value.strip())
            continue
        if (kind == "p" and out and out[-1][0] == "p" and value.strip()[:1].islower() and len(value.strip()) <= 40
                and value.rstrip().endswith(":") and _marker(out[-1][1]) and not _marker(value)
                and not out[-1][1].rstrip().endswith((".", ":", ";"))):
            # a numbered heading broken over two PDF lines, its end on the next ("2. Sở X chủ trì thực hiện các nhiệm"
            # / "vụ sau:"): one heading, whose points follow
            out[-1] = ("p", out[-1][1].rstrip() + " " + value.strip())
            continue
        out.append((kind, value))
    return out


def parse_blocks(blocks, known=None):
    """Blocks → ParsedPlan. ``known``: the database's agency names on the plan's date (a function of the date read
    from the header, ``matching.known_names``), known as the standard bodies are (bodies.py)."""
    if known is None:
        return _parse_blocks(blocks, None)
    plan = ParsedPlan()
    _parse_blocks(blocks, plan, header_only=True)
    with known_names_in_force(known(plan.date) if callable(known) else known):
        return _parse_blocks(blocks, None)


def _names_one_a_line(blocks, i):
    """A role label alone on its line ("Phối hợp:", "Đơn vị phối hợp:" at ``blocks[i]``) over the names one a line,
    without commas between them, up to the next label line or item: (the names, the index of the last name's line),
    each line one name (a group's own commas kept: "Các sở, ban, ngành tỉnh"); else None (round 35)."""
    names, j = [], i
    while j + 1 < len(blocks) and blocks[j + 1][0] == "p" and len(names) < 12:
        line = _BULLET.sub("", blocks[j + 1][1]).strip()
        if _label_of(line) or _marker(line) or not line[:1].isupper() or len(line) > 100:
            break
        name = line.rstrip(" ;,.")
        if not name or len(name.split()) > 14:
            break
        names.append(name)
        j += 1
    return (names, j) if names else None


# "Nhiệm vụ 3: <work>", "Hoạt động 3: <work>": a task numbered by a word and its number, the work on its line (round 35)
_WORD_NUMBERED = re.compile(r"^(?:Nhiệm vụ|Hoạt động|Công việc)\s+(\d{1,2})\s*:\s*(\S.*)$")


def _word_numbered_tasks(blocks):
    """Tasks given as headings "Nhiệm vụ 1: <work>", "Nhiệm vụ 2: …" (a word and a running number, then the work)
    read as items "1. <work>", "2. …" are: their label lines under them give their roles. Only when the document runs
    such headings on from 1 (a lone "Nhiệm vụ 1: …" is a sentence)."""
    hits = [(j, _WORD_NUMBERED.match(v)) for j, (kind, v) in enumerate(blocks) if kind == "p"]
    hits = [(j, m) for j, m in hits if m]
    numbers = [int(m.group(1)) for _j, m in hits]
    if numbers[:2] != [1, 2]:
        return blocks
    out = list(blocks)
    for j, m in hits:
        out[j] = ("p", f"{m.group(1)}. {m.group(2)}")
    return out


_ARTICLE = re.compile(r"^\s*Điều\s+\d{1,2}\s*[.:]\s+\S")


def _article_ends_headings(line, stack):
    """A decision's next article ("Điều 3. Quyết định này có hiệu lực …", "Điều 4. Các Bộ trưởng, … chịu trách nhiệm
    thi hành …") after a heading that names its lead ("5. Ủy ban nhân dân các tỉnh ven biển" / "Xây dựng …"): the
    heading and the article it was in end there (round 36); the article is no task of that body."""
    return _ARTICLE.match(line) is not None and any(n.lead_heading for n in stack[1:])


def _without_gazette_heads(blocks):
    """The Công báo's running head a reader left as a paragraph of its own (after a sentence's end: "… theo quy định."
    / "CÔNG BÁO/Số 415/Ngày 03-07-2026 22" / "3. Bộ …") is no paragraph of the text (round 36): under a body's heading
    it would be one more task of that body."""
    return [b for b in blocks if not (b[0] == "p" and gazette_head(b[1]))]


def _parse_blocks(blocks, header_plan, header_only=False):
    plan = header_plan or ParsedPlan()
    blocks = _join_broken_times(_join_continued_tables(_ocr_markers(_word_numbered_tasks(blocks))))
    blocks = _without_gazette_heads(blocks)
    paragraphs_before = []
    i = 0
    # A document without Roman-numbered parts (a directive letter: "1. Trách nhiệm chung …", "2. Thanh tra tỉnh")
    # starts its body at its first numbered item.
    # (its own, not an appendix's after the signature: "Nơi nhận:" … "PHỤ LỤC" / "I. Lĩnh vực …" of a decision whose
    # articles' items are "1.", "2. Giám đốc Sở X:" / "a) …")
    own = len(blocks)
    for k, (kind, v) in enumerate(blocks):
        if kind == "p" and re.match(r"^\s*(?:Nơi nhận\b|PHỤ LỤC\b)", v) and any(
                kind2 == "p" and (_marker(v2) or (9,))[0] == 2 for kind2, v2 in blocks[:k]):
            own = k
            break
    parts = any(kind == "p" and (_marker(v) or (9,))[0] <= 1 for kind, v in blocks[:own])
    body_rank = 1 if parts else 2
    # The header: up to the first top-level part (I. …). Header tables (issuer | nation) read as their lines.
    while i < len(blocks):
        kind, value = blocks[i]
        if kind == "p":
            m = _marker(value)
            if m and m[0] <= 1 and paragraphs_before and fold(m[2]).upper() != fold(m[2]) and m[0] == 1:
                break
            if m and (m[0] == 1 or (m[0] == body_rank and paragraphs_before)):
                break
            paragraphs_before.append(value)
        else:
            cols, _start = _table_columns(value)
            if cols:
                break
            for row in value:
                for c in row:
                    paragraphs_before.extend(x.strip() for x in c.split("\n") if x.strip())
        i += 1
    _read_header(plan, paragraphs_before)
    _own_annex_header(plan, paragraphs_before, blocks)
    if not plan.date and plan.number:
        # a dateline no reading gives ("ngày15 tháng 54 năm 2026"): the date its own annex gives it ("(Kèm theo Quyết
        # định số 1696 /QĐ-UBND ngày 15 / 5 /2026 của …)")
        own = re.sub(r"\s+", "", fold(plan.number))
        for kind, v in blocks:
            m = re.search(r"kem theo\s+\S+(?:\s+\S+)?\s+so\s*([^\s]+(?:\s*/\s*[^\s]+)?)\s+ngay\s+(\d{1,2})\s*(?:/|thang)\s*"
                          r"(\d{1,2})\s*(?:/|nam)\s*(\d{4})", fold(v)) if kind == "p" else None
            if m and re.sub(r"\s+", "", m.group(1)) == own:
                try:
                    plan.date = datetime.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
                except ValueError:
                    continue
                break
    if not plan.issuer:
        plan.issuer = next((m.group(1).strip() for kind, v in blocks if kind == "p" for m in [re.match(
            r"^\(\s*(?:Ban hành\s+)?[Kk]èm theo\s+(?:Kế hoạch|Quyết định|Chương trình)\b.*\bcủa\s+((?:Sở|Ủy ban|UBND|Bộ|Ban)\s[^()]+?)\s*\)?\s*$",
            v)] if m), "")
    if header_only:
        return plan
    # the asking paragraph may come in lines of its own (a PDF's "…NĐ-" / "CP, Bộ X đề nghị …" / "(sau đây …) … sau:")
    addressee = next((a for a in map(_addressee, list(reversed(paragraphs_before[-3:]))
                                     + [" ".join(paragraphs_before[-2:]), " ".join(paragraphs_before[-3:])]) if a), [])
    addressee = _named_addressee(addressee, paragraphs_before)
    if i >= len(blocks):
        # no numbered item: a letter whose work is in a paragraph ("… giao Sở X chủ trì, phối hợp với …"); its
        # paragraphs are read as the body too (only one that assigns work gives a task)
        _read_body(plan, [b for b in blocks if b[0] == "p"], addressee)
        return plan
    _read_body(plan, blocks[i:], addressee)
    return plan


def _read_header(plan, lines):
    # a DOCX header row whose cells come joined on one line ("Số: 07/CT-TTg | Hà Nội, ngày 02 tháng 03 năm 2012",
    # "V/v … | Hà Nội, ngày …"): one line a cell
    # "Độc lập - Tự do - Hạnh phúc Số: 07/CT-TTg": the motto joined to the next line once a rule line between is gone
    # a rule under the issuer or the motto kept inside its cell ("THỦ TƯỚNG CHÍNH PHỦ -------", a DOCX header table's
    # cell written as a markdown "| … |" row): the rule ends the line
    lines = [cell.strip() for line in lines
             for cell in re.split(r"\s+\|\s+|(?<=Hạnh phúc)\s+|\s+[-_=]{3,}(?:\s+|$)"
                                  # "ỦY BAN NHÂN DÂN TỈNH X   CỘNG HÒA …", "SỞ Y   Độc lập - …": the two columns
                                  r"|(?<=\S)\s+(?=CỘNG\s+H(?:OÀ|ÒA)\s+XÃ HỘI|Độc lập\s*-)", line) if cell.strip()]
    lines = [_split_month_joined(x) for x in lines]
    dated = any(re.search(r",\s*ngay\s+\S*\s*thang\s+\d", fold(x)) for x in lines)
    title_at = None
    issuer_lines, issuer_done = [], False
    subject_at, annexed, decision_at = None, False, None
    for j, line in enumerate(lines):
        f = fold(line)
        if re.fullmatch(r"so\s*[:.]?\s*\d*", f) and j + 1 < len(lines) and lines[j + 1].lstrip().startswith(("/", "-")):
            # "Số: 4390" / "/UBND-NLN": a PDF's columns split the number; "Số" / "- ĐA/TU": a draft's, left blank
            line = line + " " + lines[j + 1].strip() if not re.search(r"\d", f) else line + lines[j + 1].strip()
            lines[j + 1] = ""
            f = fold(line)
        place = re.search(r"(?:^|\|)\s*([^|,]+?),\s*ngay\s+thang\s+(?:\d{1,2}\s+)?nam\b", f)
        if place and not plan.place and title_at is None:  # "Số:   /KH-UBND | | Lào Cai, ngày   tháng   năm 2026"
            plan.place = line[place.start(1):place.end(1)].strip()
        # "Số: 12/KH-UBND", "Số 2449 -CV/ĐU" (no colon, a dash before the symbol)
        spaced = re.match(r"^(so\s*[:.]?\s*)(\d(?: \d){2,})(?=\s*/)", f)
        if spaced:  # "Số:8 5 2 0/BCT-KHCN": an OCR that spaced the number's digits
            line = line[:spaced.start(2)] + spaced.group(2).replace(" ", "") + line[spaced.end(2):]
            f = fold(line)
        m = re.match(r"^so\s*[:.]?\s*(\d+)\s*(/|-)\s*([0-9a-z\-&]+)", f)
        if m and not plan.number:
            sym = re.match(r"^Số\s*[:.]?\s*\d+\s*[/-]\s*(\S+)", line, re.I)
            plan.number = f"{m.group(1)}{m.group(2)}{(sym.group(1) if sym else m.group(3)).upper().rstrip('.,;|')}"
            # "Số: 7103 /UBND-TH V/v triển khai …", "Số 2449 -CV/ĐU về việc …": the subject on its line
            v = re.search(r"\s(?:v/v|ve viec)\s*[:.]?\s*", f)
            if v and title_at is None and not plan.title:
                plan.title = line[v.end():].strip()
            # the place starts after the number's symbol ("Số: 2496 /UBND-KT Lào Cai, ngày …": not "2496 /UBND-KT
            # Lào Cai")
            # ("ngày15": the day typed without its space)
            d = re.search(r"\s(\S[^,]*?),\s*ngay\s*(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})", f[m.end():])
            if d and not plan.date:  # "Số: 512/SYT-NVY   Nghệ An, ngày 4 tháng 5 năm 2026": the dateline beside it
                plan.place = line[m.end() + d.start(1):m.end() + d.end(1)].strip()
                try:
                    plan.date = datetime.date(int(d.group(4)), int(d.group(3)), int(d.group(2)))
                except ValueError:
                    pass  # "ngày15 tháng 54 năm 2026": a mistyped month; the place stands
            p = re.match(r"\s+([^\d,/|]{2,30}?),\s*ngay\b", f[m.end():])
            if p and not plan.place and not d:  # "… Hà Nội, ngày 3Ù tháng 4Ä …": the day lost to OCR, the place read
                plan.place = line[m.end() + p.start(1):m.end() + p.end(1)].strip()
            continue
        m = re.search(r"\(?kem theo (?:quyet dinh|nghi quyet|chi thi) so\s*(\d+)\s*/\s*([0-9a-z\-&]+)", f)
        within = re.match(r"^\(?kem theo\b.*\b(?:quyet dinh|nghi quyet|chi thi|ke hoach)\s+so\s*(\d*)\s*/", f)
        if within and not m and not issuer_lines and title_at is not None:
            # "(Kèm theo Chương trình … tại Nghị quyết số  /NQ-CP ngày 01 tháng 01 năm 2025 của Chính phủ)" under an
            # annex on its own: the document it goes with gives the date and the issuer (its number left blank)
            d = re.search(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})", f)
            of = re.search(r"\bcủa\s+([^()]+?)\s*\)?\s*$", line)
            if d and not plan.date:
                try:
                    plan.date = datetime.date(int(d.group(3)), int(d.group(2)), int(d.group(1)))
                except ValueError:
                    pass
            if of:  # "… của Ủy ban nhân dân tỉnh Ninh Bình)": read as a header's issuer line is
                issuer_lines.append(of.group(1).upper())
            continue
        if m:
            annexed = True  # its date follows: "Ngày 19 tháng 11 năm 2024 của Thủ tướng Chính phủ)"
        if m and not plan.number:  # "(Kèm theo Quyết định số 1422/QĐ-TTg": a plan issued with a decision
            sym = re.search(r"số\s*\d+\s*/\s*([^\s,)]+)", line, re.I)
            plan.number = f"{m.group(1)}/{sym.group(1) if sym else m.group(2).upper()}"
        m = (re.search(r"^(.*?),?\s*ngay\s*(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})", f)  # also "ngày15"
             or re.search(r"^(.*?),?\s*ngay\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", f))
        if m and not m.group(1) and not annexed and (
                (dated and re.match(r"^ngay\s+[\d/.\- ]+,\s*\w", f))
                # "Ngày 02 tháng 02 năm 2018, Chính phủ đã ban hành …": a sentence, never the dateline (none better
                # than a wrong one when the OCR lost the real dateline)
                or re.match(r"^ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}\s*,\s*\w", f)):
            m = None  # "Ngày 20/5/2026, Chính phủ đã ban hành …": the opening's sentence, not the dateline
        if m and m.group(1) and not annexed and (len(m.group(1).split()) > 6 or re.search(r"\d", m.group(1))):
            # "Trả lời đề nghị của UBND tỉnh X về … ban hành ngày …", "Chương VI Nghị định số 77/2016/NĐ-CP ngày …": a
            # sentence (many words, or a number), not a place's dateline
            m = None
        if m and not plan.date and (title_at is None or annexed):  # above its title, not in it
            try:
                plan.date = datetime.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
            except ValueError:
                pass
            plan.place = line[:len(m.group(1))].strip(" ,") if m.group(1) else ""
            continue
        if j == 0 and re.fullmatch(r"phu luc(?:\s+[ivxl\d]+)?", f.strip()):
            # a document that is an annex on its own ("PHỤ LỤC II" / "DANH MỤC CÁC NHIỆM VỤ …" / "(Kèm theo …)"):
            # its title is the lines under that heading
            plan.document_type = "Phụ lục"
            title_at = j + 1
            continue
        if f.strip() == "quyet dinh" and line.isupper() and decision_at is None:
            decision_at = j  # "QUYẾT ĐỊNH" / "PHÊ DUYỆT …": the decision's title, unless a plan's own heading follows
        if re.fullmatch(r"(ke hoach|chuong trinh hanh dong|chuong trinh|de an|chi thi|thong bao|nghi quyet)( quoc gia)?", f.strip()) and title_at is None:
            plan.document_type = line.strip().capitalize()
            title_at = j + 1
            continue
        m = re.match(r"^(?:v/v|ve viec)\s*[:.]?\s*", f)
        if m and title_at is None and not plan.title:
            plan.title = line[m.end():].strip()
            subject_at = j
            continue
        if (subject_at is not None and j - subject_at <= 4 and plan.title and not line.isupper()
                and not re.match(r"^(kinh gui|can cu|thuc hien)\b", f) and not re.match(r"^Số\b", line)
                and not _marker(line) and not plan.title.endswith((".", ":"))
                and (re.match(r"^[a-zđ\d]", f) and not line[:1].isupper() or len(line) < 60)):
            plan.title += " " + line.strip()  # the subject wrapped onto the lines under it
            subject_at = j
            continue
        subject_at = None
        if title_at is None and line.isupper() and not plan.number and not plan.date:
            if re.fullmatch(r"dang cong san viet nam", f.strip()):
                continue  # a party document's motto, in the right column
            if re.fullmatch(r"doan (?:tncs|thanh nien cong san) ho chi minh", f.strip()) and issuer_lines:
                continue  # the Youth Union's, beside its committee's lines (round 35)
            if re.fullmatch(r"\(\s*du thao\s*\)", f.strip()):
                continue  # "(DỰ THẢO)": a draft's mark, not its issuer
            # (not "BỘ CÔNG THƯƠNG", nor a wrapped name's "CÔNG NGHỆ, …" line: round 35)
            if re.search(r"^cong(?:\s+hoa\b|\s*$)|hoa xa hoi|chu nghia|doc lap", f):  # ("CỘNG" / "HÒA …" broken)
                issuer_done = True
            elif (len(issuer_lines) >= 2 and re.match(r"^(?:cuc|vu|tong cuc|vien)\b", fold(issuer_lines[1]))
                  and re.search(r"(?:,|\bva)$", fold(issuer_lines[-1]))):
                issuer_lines.append(line)  # "CỤC ĐỔI MỚI SÁNG TẠO," / "CHUYỂN ĐỔI XANH VÀ" / "KHUYẾN CÔNG": wrapped
            elif (len(issuer_lines) == 2 and line.isupper() and re.match(r"^(?:uy ban nhan dan|ubnd)\b", fold(issuer_lines[0]))
                  and re.match(r"^(?:so|ban|chi cuc|cuc)\b", fold(issuer_lines[1]))
                  and re.search(r"\s(?:tinh|thanh pho)$", f.strip())):
                # "UBND TỈNH CÀ MAU" / "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH" / "MỤC TIÊU QUỐC GIA TỈNH": the department's name
                # wrapped, its second line ending at its level (the place the first line's)
                issuer_lines.append(line)
            elif not issuer_done or (len(issuer_lines) == 1 and (
                    re.match(r"^(tinh|thanh pho|huyen|xa|phuong)\b", f)
                    # "ỦY BAN NHÂN DÂN TỈNH X | CỘNG HÒA …" then "SỞ Y": a department under its province
                    or (re.match(r"^(?:uy ban nhan dan|ubnd)\b", fold(issuer_lines[0]))
                        and re.match(r"^(?:so|ban|chi cuc|thanh tra|cuc)\b", f))
                    or _lower_committee(issuer_lines[0], line)
                    # "BỘ CÔNG THƯƠNG | CỘNG HÒA …" then "CỤC …": a ministry's department
                    or (re.match(r"^bo\b", fold(issuer_lines[0])) and re.match(r"^(?:cuc|vu|tong cuc|vien)\b", f)))):
                issuer_lines.append(line)
    if title_at is None and not plan.title and decision_at is not None:
        title_at = decision_at + 1
    if title_at is not None:
        title, j = [], title_at
        while j < len(lines):
            line = lines[j]
            if re.match(r"^[-_*]{3,}$", line) or re.match(r"^\(?\s*(?:(?:duoc )?ban hanh\s+)?kem theo\b", fold(line)):
                break  # "(Kèm theo …)", "(Ban hành kèm theo Quyết định số …)": the plan's annex note, after its title
            if title and not line.isupper() and (
                    title[-1].isupper()
                    or re.match(r"^(can cu|thuc hien|de |nham |theo de nghi|phan thu \w+$)", fold(line))
                    # "Ngày 22/12/2024, Bộ Chính trị đã ban hành …": the opening sentence (capital, date, comma), not
                    # a title wrapped at "… Nghị quyết số 57-NQ/TW" / "ngày 22/12/2024 của Bộ Chính trị"
                    or re.match(r"^Ngày\s+\d{1,2}(?:/\d{1,2}/\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,", line)
                    or _opening_sentence(line)):
                break
            if title and line.isupper() and not any(t.isupper() for t in title):
                break  # "NGHỊ QUYẾT" / "Ban hành …" / "CHÍNH PHỦ": the enacting body after the title, not in it
            if title and line.isupper() and not _title_goes_on(title[-1]) and _enacting_line(lines, j):
                break  # "CHÍNH PHỦ" / "Căn cứ …": the enacting body over its legal bases, not the title's
            if title and line.isupper() and not _title_goes_on(title[-1]) and (
                    fold(line).strip() in {fold(x).strip() for x in issuer_lines[:1]}
                    or re.match(r"^(?:bo truong|chu tich|thu tuong)\b", fold(line))):
                break  # a title in capitals, then the enacting body ("CHÍNH PHỦ", "BỘ TRƯỞNG BỘ X"): not in it
            annex = re.search(r"\s*\(\s*(?:Ban hành\s+)?[Kk]èm theo\b", line) if title or line[:1] != "(" else None
            if annex and line[:annex.start()].isupper():
                # "THỰC HIỆN CHỈ THỊ … (Ban hành kèm theo Quyết định số …)" on one line (a web page): the title ends
                # before its annex note, the opening paragraph after it is no part of it
                title.append(line[:annex.start()])
                j += 1
                break
            title.append(line)
            j += 1
            if len(title) >= 6 or (not line.isupper() and line.endswith((".", ":", ";"))):
                break
        plan.title = " ".join(title).strip()
        if re.match(r"(?i)^về\s+(?:việc\s+)?\S", plan.title):  # "CHỈ THỊ" / "VỀ TĂNG CƯỜNG …": the subject after "về"
            plan.title = re.sub(r"(?i)^về\s+(?:việc\s+)?", "", plan.title)
        plan.legal_basis = "\n\n".join(lines[j:]).strip()
    if not plan.date:
        # "Hà Nội, ngày / tháng 6 năm 2026" (the day left blank, or lost to OCR) under a digital signature's stamp
        # "Thời gian ký: 19/06/2026 14:18:57": the stamp's day when its month and year agree
        stamp = next((re.search(r"thoi gian ky\s*:\s*(\d{1,2})/(\d{1,2})/(\d{4})", fold(x)) for x in lines
                      if re.search(r"thoi gian ky\s*:\s*\d", fold(x))), None)
        blank = next((re.search(r"^(.*?),?\s*ngay\s*[^\w\s]*\s*thang\s+(\d{1,2})\s+nam\s+(\d{4})", fold(x)) for x in lines
                      if re.search(r",?\s*ngay\s*[^\w\s]*\s*thang\s+\d{1,2}\s+nam\s+\d{4}", fold(x))), None)
        if stamp and blank and (int(stamp.group(2)), stamp.group(3)) == (int(blank.group(2)), blank.group(3)):
            plan.date = datetime.date(int(stamp.group(3)), int(stamp.group(2)), int(stamp.group(1)))
            if not plan.place:
                line = next(x for x in lines if fold(x).startswith(blank.group(0)[:20]))
                place = re.sub(r"^Số\s*[:.]?\s*\S+\s+", "", line[:len(blank.group(1))]).strip(" ,")
                plan.place = place
    plan.issuer = _issuer(issuer_lines, plan)
    if not issuer_lines and not plan.number:
        # no header lines (a text that starts at the plan's opening paragraph): "…, Sở X ban hành Kế hoạch <title>,
        # với những nội dung sau": the title; the issuer from the appendix line ("(Kèm theo Kế hoạch số … của X)")
        plan.issuer = ""
        if not plan.title:
            for line in lines:
                m = re.search(r"\bban hành\s+(?:Kế hoạch|Chương trình|Đề án)\s+(.+?)(?:,?\s+(?:với|gồm)\s+(?:những|các)\s+"
                              r"nội dung sau|,?\s+(?:cụ thể\s+)?như sau)", line)
                if m:
                    plan.title = m.group(1).strip(" ,")
                    break


def _lower_committee(first, line):
    """Round 32: "UBND TỈNH X | CỘNG HÒA …" then "ỦY BAN NHÂN DÂN XÃ Y | Độc lập …" (the motto beside both lines): the
    second line, a committee at a lower level, is the header's issuer line too (the lower one issues)."""
    return bool(re.match(r"^(?:uy ban nhan dan|ubnd)\b", fold(first)) and re.match(r"^(?:uy ban nhan dan|ubnd)\b", fold(line))
                and re.search(r"\b(?:XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ)\s+\S", line))


def _opening_sentence(line):
    """Round 32: a line under the title that opens the document's first paragraph with a time and a comma ("Năm 2025,
    tỷ lệ …", "Thời gian qua, …", "Trong năm 2027, …"): not the title's, as "Ngày 22/12/2024, …" is not."""
    return bool(re.match(r"^(?:Năm\s+\d{4}|Tháng\s+\d{1,2}(?:/\d{4})?|Quý\s+[IV]+(?:/\d{4})?|Trong\s+năm\s+\d{4}"
                         r"|Thời gian qua|Những năm qua|Thời gian gần đây)\s*,\s+\S", line))


def _enacting_line(lines, j):
    """Whether header line ``j`` is the enacting body's ("CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH X"): a short line in
    capitals right over the first "Căn cứ …" (the body, then the laws it acts on)."""
    line = lines[j]
    if not (line.isupper() and len(line.split()) <= 8 and not re.search(r"[\d.;:,]", line) and j + 1 < len(lines)
            and re.match(r"^\W*can cu\b", fold(lines[j + 1]))):
        return False
    # (a body's name: not a title's last line over the bases, "TỈNH ĐẮK LẮK", "… GIAI ĐOẠN 2026 - 2030")
    return fold(line).strip() in ("chinh phu", "thu tuong chinh phu") or _agency_like(_issuer([line], ParsedPlan()))


def _own_annex_header(plan, paragraphs, blocks):
    """A page that lost its header cells (no number, no date, no issuer): the issuer the enacting line names, the
    number and date the document's own annex note gives ("(Kèm theo Nghị quyết số 394/NQ-CP ngày 03 tháng 12 năm
    2025 của Chính phủ)": of the kind its heading names, "NGHỊ QUYẾT")."""
    if plan.number or plan.date:
        return
    if not plan.issuer:
        at = next((j for j in range(len(paragraphs)) if _enacting_line(paragraphs, j)), None)
        if at is not None:
            plan.issuer = _issuer([paragraphs[at]], plan)
    kinds = {fold(p).strip() for p in paragraphs[:3] if p.isupper() and len(p.split()) <= 4}
    for kind, v in blocks:
        m = re.search(r"kem theo\s+(\S+(?:\s+\S+)?)\s+so\s*(\S+)\s+ngay\s+(\d{1,2})\s*(?:/|thang)\s*(\d{1,2})\s*(?:/|nam)\s*"
                      r"(\d{4})", fold(v)) if kind == "p" else None
        if m and m.group(1).upper() in {k.upper() for k in kinds}:
            try:
                plan.date = datetime.date(int(m.group(5)), int(m.group(4)), int(m.group(3)))
            except ValueError:
                continue
            at = fold(v).find(m.group(2))
            plan.number = v[at:at + len(m.group(2))]  # (as written: fold keeps the text's length)
            return

def _split_month_joined(line):
    """A dateline whose month's two digits were typed apart ("ngày 26 tháng 0 6 năm 2018"): "tháng 06"."""
    return re.sub(r"(?i)\b(tháng\s+)0\s+([1-9])(?=\s+năm\b)", r"\g<1>0\2", line)


def _title_goes_on(line):
    """A title's line that stops on a word that needs what follows ("… NGÀY 15 THÁNG 8 NĂM 2024 CỦA" / "THỦ TƯỚNG
    CHÍNH PHỦ VỀ …"): the next line is the title's, even one that names an office."""
    return bool(re.search(r"\s(?:cua|va|ve|voi|cho|tai|theo|trong|doi voi)$", fold(line).strip()))


# a place's level as a header writes it: "TỈNH", "XÃ", "PHƯỜNG", "ĐẶC KHU" (after the 2025 reform), "THỊ TRẤN" …
_HEADER_LEVELS = r"TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|THỊ TRẤN|QUẬN|XÃ|PHƯỜNG|ĐẶC KHU"


def _national_branch(lines):
    """Round 34: "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM" / "CHI NHÁNH KHU VỰC 5": a national body's branch issues, named
    "<body> Chi nhánh <its area>" (the body as listed, without "Việt Nam"; the area as written, a province's name
    capitalised); "" for any other header."""
    from .bodies import NATIONAL_BODIES

    if len(lines) != 2 or not re.match(r"^chi nhanh\s+\S", fold(lines[1])):
        return ""
    body = next((n for n in NATIONAL_BODIES if fold(n) == fold(lines[0]).strip(" .")), "")
    if not body:
        return ""
    body = re.sub(r"\s+Việt Nam$", "", body)
    area = lines[1].split(None, 2)[2].lower()
    m = re.match(r"^(tỉnh|thành phố)\s+(.+)$", area)
    area = f"{m.group(1)} " + " ".join(w.capitalize() for w in m.group(2).split()) if m else area.capitalize()
    return f"{body} Chi nhánh {area}"


def _party_board(lines):
    """"TỈNH ỦY QUẢNG NINH" over "BAN CHỈ ĐẠO …" wrapped over lines: the Ban Chỉ đạo of the party committee's province
    issues, named whole and followed by its place ("Ban Chỉ đạo … tỉnh Quảng Ninh"); "" otherwise (round 35)."""
    m = re.match(r"^(TỈNH|THÀNH)\s+(?:ỦY|UỶ)\s+(\S.*)$", lines[0]) if len(lines) >= 2 else None
    if not m or not re.match(r"^ban chi dao\b", fold(lines[1])):
        return ""
    name = " ".join(x.strip() for x in lines[1:]).lower()
    level = "tỉnh" if m.group(1) == "TỈNH" else "thành phố"
    place = " ".join(w.capitalize() for w in m.group(2).lower().split())
    return "Ban Chỉ đạo" + name[len("ban chỉ đạo"):] + f" {level} {place}"


def _youth_union_committee(lines):
    """"BCH ĐOÀN TNCS HỒ CHÍ MINH" / "TỈNH GIA LAI": the province's Youth Union committee issues as its documents name
    it, "Tỉnh đoàn Gia Lai" ("Thành đoàn X" of a city); "" otherwise (round 35)."""
    if len(lines) != 2 or not re.match(r"^(?:bch|ban chap hanh)\s+doan (?:tncs|thanh nien cong san) ho chi minh$",
                                       fold(lines[0]).strip()):
        return ""
    m = re.match(r"^(TỈNH|THÀNH PHỐ)\s+(\S.*)$", lines[1].strip())
    if not m:
        return ""
    return ("Tỉnh đoàn " if m.group(1) == "TỈNH" else "Thành đoàn ") + " ".join(
        w.capitalize() for w in m.group(2).lower().split())


def _issuer(lines, plan):
    branch = _national_branch(lines) or _party_board(lines) or _youth_union_committee(lines)
    if branch:
        return branch
    if len(lines) >= 2 and re.match(r"^(dang bo|ban chap hanh trung uong)\b", fold(lines[0])) and re.match(
            r"^(dang uy|ban|chi bo|dang doan)\b", fold(lines[1])):
        # "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐẢNG ĐOÀN QUỐC HỘI": the party body under the Central Committee issues
        lines = lines[1:]  # "ĐẢNG BỘ TỈNH LÀO CAI" / "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH": the party committee under it issues
        text = " ".join(lines)
        return text[:1] + text[1:].lower()
    if (len(lines) == 2 and re.match(r"^(?:uy ban nhan dan|ubnd)\b", fold(lines[0]))
            and fold(lines[1]).strip(" .") == "van phong"):
        # "UBND TỈNH NGHỆ AN" / "VĂN PHÒNG": the committee's office issues (a Thông báo kết luận), named after it
        return "Văn phòng " + _issuer(lines[:1], plan)
    if (len(lines) >= 2 and re.match(r"^(?:uy ban nhan dan|ubnd)\b", fold(lines[0]))
            and re.match(r"^(?:so|ban|chi cuc|thanh tra|cuc)\b", fold(lines[1]))):
        # "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" / "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": the department under its province issues
        m = re.search(r"\b(" + _HEADER_LEVELS + r")\s+(.+)$", lines[0])
        dept = " ".join(lines[1:])
        kind, _, rest = dept.lower().partition(" ")  # "Sở Y tế", "Sở Nông nghiệp và Môi trường"
        dept = kind.capitalize() + " " + re.sub(r"(^|, | và )(\w)", lambda x: x.group(1) + x.group(2).upper(), rest)
        if m:
            # "Ban Chỉ đạo … quốc gia tỉnh" (its level closing a wrapped name): the place after it, the level once
            dept = re.sub(r"\s+" + m.group(1).lower() + r"$", "", dept)
            dept += f" {m.group(1).lower()} " + " ".join(w.capitalize() for w in m.group(2).lower().split())
        return dept
    if len(lines) >= 2 and re.match(r"^bo\b", fold(lines[0])) and re.match(r"^(?:cuc|vu|tong cuc|vien)\b", fold(lines[1])):
        text = " ".join(lines[1:])  # a ministry's department issues under its own (wrapped) name
        return text[:1] + text[1:].lower()
    text = " ".join(lines)
    if (len(lines) >= 2 and re.match(r"^(?:uy ban nhan dan|ubnd)\b", fold(lines[-1]))
            and re.search(r"\b(?:" + _HEADER_LEVELS + r")\s+\S", lines[-1])):
        # "UBND TỈNH QUẢNG TRỊ" / "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HÀ": the lower committee of a two-line header issues
        text = lines[-1]
    f = fold(text)
    sym = plan.number.split("/", 1)[1] if "/" in plan.number else ""
    level = "tỉnh"
    for word, lv in (("thanh pho", "thành phố"), ("huyen", "huyện"), ("xa", "xã"), ("tinh", "tỉnh")):
        if re.search(r"\b" + word + r"\b", f):
            level = lv
            break
    if "uy ban nhan dan" in f or sym.endswith("UBND") or not text:
        place = plan.place
        m = re.search(r"\b(" + _HEADER_LEVELS + r")\s+(.+)$", text)
        if m:
            level = m.group(1).lower()
            place = " ".join(w.capitalize() for w in m.group(2).lower().split())
        return f"UBND {level} {place}".strip()
    m = re.match(r"^(TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ)\s+(\S.*)$", text)
    if m:  # "TỈNH UỶ LÀO CAI": a province's party committee, its place's name capitalised
        return f"{m.group(1).capitalize()} ủy " + " ".join(w.capitalize() for w in m.group(2).lower().split())
    return text[:1] + text[1:].lower() if text else ""


def _read_body(plan, blocks, addressee=()):
    root = _Node(-1, "", "", None, kind="root")
    if addressee:
        root.attrs["addressee"] = list(addressee)
    stack = [root]
    tail = []  # paragraphs after the signature block starts
    in_tail = False
    root_paras = []  # paragraphs before the first numbered item
    topic_dash = None  # the item under whose topical dash ("- Về …:") the current paragraphs stand
    blocks = list(blocks)
    i = -1
    while i + 1 < len(blocks):
        i += 1
        kind, value = blocks[i]
        if in_tail:
            if kind == "p" and re.match(r"^phu luc\b", fold(value)) and len(value) < 120:
                in_tail = False
            elif kind == "p" and _attached_heading(blocks, i):
                in_tail = False  # the plan or programme a decision issues, after the decision's own signature
            elif kind == "p":
                tail.append(value)
                continue
            else:
                continue
        if kind == "table":
            cols, start = _table_columns(value)
            part = next((n for n in reversed(stack) if n is not root and n.rank <= 1), None)
            if cols and "lead" in cols and part is not None and part.special in ("organisation", "reporting", "funding"):
                # a task list after the programme's "Tổ chức thực hiện" ("DANH MỤC CÁC NHIỆM VỤ …" / "(Kèm theo …)"):
                # a part of its own, not a table inside the last item there
                heading = next((b for b in reversed(stack[-1].body[-3:]) if b.isupper()), "")
                stack[1:] = []
                node = _Node(1, "PL", heading, root)
                root.children.append(node)
                stack.append(node)
            if cols and start >= len(value):  # a header row only: the cells follow one a line
                lines, j = [], i
                while j + 1 < len(blocks) and blocks[j + 1][0] == "p" and not _ends_flattened(blocks[j + 1][1]):
                    j += 1
                    lines.append(blocks[j][1])
                rebuilt = _unflatten(value[-1], lines)
                if rebuilt:
                    value, i = rebuilt, j
            _table_into(stack[-1] if stack[-1].kind != "root" else root, value)
            continue
        line = value
        if re.match(r"^nơi nhận\s*:?", line, re.I):
            in_tail = True
            tail.append(line)
            continue
        if re.match(r"^phu luc\b", fold(line)) and len(line) < 120:
            # an appendix ("PHỤ LỤC", "Phụ lục 01: …"): a part of its own, after the signature too
            stack[1:] = []
            node = _Node(1, "PL" if not re.search(r"\d|[IVX]+$", line) else line.split()[-1].strip(":."), line, root)
            root.children.append(node)
            stack.append(node)
            continue
        if _article_ends_headings(line, stack):
            stack[1:] = []  # "Điều 3. Quyết định này có hiệu lực …" after the last body's heading: the document's own
        current = stack[-1]
        if (current is not root and current.text.count("(") > current.text.count(")") and not current.body
                and not current.children and ")" in line and not _marker(line) and not _BULLET.match(line)):
            current.text += " " + line.strip()  # "3. Đối với … (theo quy định tại khoản 5" / "Nghị định số …)"
            continue
        label = _label_of(line)
        if label and current is not root:
            kind_, rest = label
            parts = _label_parts(_BULLET.sub("", line))
            if len(parts) > 1 and parts[0][0] == kind_ and kind_ in ("lead", "coordinators", "time"):
                # "Chủ trì: Sở X; phối hợp: Sở Y; thời gian: Quý II/2026" / "Đơn vị chủ trì: Sở X. Tiến độ: Năm 2026":
                # several labels on one line, each its own value
                rest = parts[0][1]
                for k, value in parts[1:]:
                    if k == "time":
                        current.attrs.setdefault("time", value)
                    else:
                        current.attrs[k] = current.attrs.get(k, []) + split_names(value)
            if kind_ == "lead" and re.search(r"\bchu tri\b", fold(rest)):
                # "Trách nhiệm thực hiện: Sở Y tế chủ trì, phối hợp với Sở Tài chính"
                prose = _prose(rest)
                helped = re.match(r"^(.+?)\s+chủ trì\s*[;,.]\s*(.+?)\s+phối hợp\s*[.;]?\s*$", rest, re.I)
                if helped and not prose.get("coordinators"):
                    # "Cơ quan thực hiện: Sở X chủ trì; Sở Y, UBND các huyện phối hợp": who helps named before its verb
                    prose = {"lead": split_names(helped.group(1)), "coordinators": split_names(helped.group(2))}
                for k in ("lead", "coordinators"):
                    if prose.get(k):
                        current.attrs[k] = current.attrs.get(k, []) + prose[k]
                continue
            if (kind_ == "lead" and current.rank >= 2 and not current.special and not current.children
                    and not current.has_info and current.body and _BULLET.match(current.body[0])):
                # the points' lead named after them: "3.2. Nâng cao …" / "- Thường xuyên rà soát …" / "- Đẩy mạnh …"
                # / "Trách nhiệm chỉ đạo thực hiện: Đảng ủy X; Y." (a party's action programme): each dash is a task
                # of those bodies, the item a section
                names = split_names(rest)
                points = []
                for b in current.body:
                    if _BULLET.match(b) or not points:
                        points.append(b)
                    else:
                        points[-1] += " " + b.strip()  # a line going on the dash before it
                if names:
                    for point in points:
                        child = _Node(6, "-", _BULLET.sub("", point), current)
                        child.attrs.update({k: v for k, v in _point_attrs(child.text).items() if v})
                        child.attrs["lead"] = names
                        current.children.append(child)
                    current.body, current.attrs["lead"], current.lead_heading = [], names, True
                    continue
            if kind_ in ("lead", "coordinators"):
                current.attrs.setdefault(kind_, [])
                listed = None if rest else _names_one_a_line(blocks, i)
                if listed:
                    names, i = listed
                    current.attrs[kind_] = current.attrs[kind_] + names
                    continue
                current.attrs[kind_] = current.attrs[kind_] + split_names(rest)
            elif kind_ == "content" and not rest:
                pass
            else:
                current.attrs[kind_] = (current.attrs.get(kind_, "") + " " + rest).strip(" ;")
            continue
        m = _marker(line)
        paren_headed = any(n.rank == 2 and n.paren_heading for n in stack)
        if m and m[0] == 6 and (paren_headed or not any(n.rank >= 2 for n in stack if n.rank < 6)):
            if m[2].rstrip().endswith(":") and (_heading_lead(m[2]) or _subject_lead(m[2])):
                # "(2) Giao Phòng Y tế xã:" right under a part (or after such a heading): a heading naming the lead
                # of the points under it, whatever its numbering, ranked as a numbered heading is
                m = (2,) + m[1:] + (True,)
            elif paren_headed:
                pass
            else:
                m = None  # "(1) Tổng mức vốn …" under an article or a part: its content, not an item of a heading
        if m:
            rank, number, text = m[:3]
            if rank == 1 or rank == 0:
                while len(stack) > 1 and stack[-1].rank >= rank:
                    stack.pop()
            else:
                while len(stack) > 1 and stack[-1].rank >= rank:
                    stack.pop()
            parent = stack[-1]
            node = _Node(rank, number, text, parent)
            node.paren_heading = len(m) > 3
            if rank <= 1:
                ft = fold(text)
                node.special = next((name for name, p in _SPECIAL_SECTIONS if p.search(ft)), None)
            elif _enforces_this_document(text):
                node.special = "closing"  # the order to carry out the document: neither it nor what follows is a task
            parent.children.append(node)
            stack.append(node)
            if rank >= 2 and re.fullmatch(r"(?:cac\s+)?nhiem vu thuong xuyen", fold(text).strip(" .:")):
                node.attrs["time"] = text.strip(" .:")  # "3. Nhiệm vụ thường xuyên": the items under it are ongoing
            assigning = _assigning_heading(text) if rank >= 2 and not node.special else None
            if assigning:
                node.attrs["lead"], node.attrs["coordinators"] = assigning
                node.lead_heading = True
            elif not (rank >= 2 and text.rstrip().endswith(":") and re.search(r"\bchu tri\b", fold(text))
                      and _heading_lead(text)):
                # not "2. Sở Tài chính chủ trì thực hiện các nhiệm vụ sau:": a heading whose lead the points inherit
                _inline_into(node, text)
            if rank in (3, 4, 5) and parent.rank < rank and parent.lead_heading and not node.special:
                for k, v in _point_attrs(text).items():  # "d) Phối hợp với các cơ quan … trong …"
                    node.attrs.setdefault(k, v)
            if rank >= 2 and not node.special and not node.has_info:
                lead = _heading_lead(text)
                if lead:
                    node.attrs["lead"], node.lead_heading = lead, True
                elif rank >= 2 and (parent.kind == "root" or not parent.special):
                    attrs = _subject_task(text)
                    if attrs.get("title"):
                        node.text = attrs.pop("title")
                    node.attrs.update(attrs)
                    if not attrs and text.rstrip().endswith(":") and not re.search(r"\bchu tri\b", fold(text)):
                        # "2. Ủy ban nhân dân các huyện rà soát … và thực hiện các nội dung sau:": the subject
                        # leads the points under it, the line itself is no task
                        lead = _subject_lead(text)
                        if lead:
                            node.attrs["lead"], node.lead_heading = lead, True
            if (rank == 5 and not node.special and not node.attrs.get("lead") and not node.attrs.get("coordinators")
                    and not any(n.attrs.get("lead") for n in stack[:-1]) and not text.rstrip().endswith(":")):
                asked = _asked_point(text)
                if asked:
                    node.text = asked.pop("title")
                    node.attrs.update(asked)
            if (rank in (2, 3, 4) and not node.special and not node.lead_heading and not text.rstrip().endswith(":")
                    and not any(n.attrs.get("lead") for n in stack[:-1])):
                _numbered_assignment(node, text)
            continue
        # the members of the group a heading names, listed after "… gồm:" ("- Sở Công Thương (đối với …);"): the lead
        # of the points that follow ("Có trách nhiệm: a) …")
        if (current is not root and current.rank >= 2 and not current.children and current.body
                and fold(current.body[-1]).rstrip().endswith("gom:") and not current.special):
            if _BULLET.match(line):
                names = split_names(re.sub(r"\s*\(.*$", "", _BULLET.sub("", line)).strip(" ;.,"))
                if names and all(_agency_like(n) for n in names):
                    current.members = current.members + names
                    continue
        if current is not root and current.members and not _BULLET.match(line) and not current.members_read:
            current.attrs["lead"], current.lead_heading, current.members_read = current.members, True, True
            current.body.append(line)
            continue
        if _topical_with_headings(current) and (_BULLET.match(line) or line[:1].islower()):
            current.body.append(line)  # the next heading, point or dash among a topic's bodies' headings
            continue
        # one paragraph under a heading that names its lead ("5. Thanh tra tỉnh" / "Chủ trì, phối hợp với …"): a task;
        # not a line that introduces points ("… gồm:", "Thực hiện các nhiệm vụ sau:")
        if (current is not root and current.lead_heading and current.rank in (2, 3) and not current.children
                and not current.body and not _BULLET.match(line) and not line.rstrip().endswith(":")):
            node = _Node(6, current.number, line, current)
            current.children.append(node)
            node.attrs.update(_point_attrs(line))
            continue
        # a further paragraph under such a heading that names its own lead: "Giao Ban X chủ trì, hướng dẫn …"
        if (current is not root and current.lead_heading and current.rank in (2, 3) and current.children
                and all(c.rank == 6 for c in current.children) and not _BULLET.match(line)
                and re.search(r"\bchu tri\b", fold(line))):
            attrs = _prose(line)
            if attrs.get("lead"):
                node = _Node(6, current.number, line, current)
                current.children.append(node)
                node.attrs.update(attrs)
                continue
        # the paragraph going on in a line of its own, a PDF's break after its ";" ("… của doanh nghiệp;" / "chủ động bố
        # trí …"): the same task
        if (current is not root and current.lead_heading and current.rank in (2, 3) and current.children
                and current.children[-1].rank == 6 and current.children[-1].number == current.number
                and not current.body and not _BULLET.match(line) and line[:1].islower()
                and not current.children[-1].text.rstrip().endswith((".", ":", "./."))):
            current.children[-1].text = current.children[-1].text.rstrip() + " " + line.strip()
            continue
        # a further paragraph of the heading's own ("Đối với …, hướng dẫn …", "Đồng thời, chủ trì phối hợp với …"),
        # after one that ended its sentence: another task of the heading's bodies
        if (current is not root and current.lead_heading and current.rank in (2, 3) and current.children
                and all(c.rank == 6 and c.number == current.number and not c.attrs.get("lead")
                        for c in current.children) and not current.body
                and not _BULLET.match(line) and line[:1].isupper() and not line.rstrip().endswith(":")
                and not re.match(r"^(?:de nghi|yeu cau|tran trong|trong qua trinh)\b", fold(line))
                and not re.search(r"\bneu (?:co|phat sinh) kho khan\b", fold(line)) and not _enforces_this_document(line)
                and current.children[-1].text.rstrip().endswith((".", ";", "./."))):
            # (not after a paragraph that names its own lead, "Giao Văn phòng X chủ trì …", nor a closing request
            # "Đề nghị các chi bộ nghiêm túc triển khai thực hiện.")
            node = _Node(6, current.number, line, current)
            current.children.append(node)
            node.attrs.update(_point_attrs(re.sub(r"^Đồng thời,?\s*", "", line)))
            continue
        # "- Tài sản … cụm công nghiệp - Bộ Công Thương.": a dash that names its agency at its end is that agency's
        # task, under its point's timeframe
        tail_lead = []
        if _BULLET.match(line) and current is not root and current.rank >= 2:
            joined, j = line, i  # the dash may run on to lines of its own ("… khu chế xuất — Bộ" / "Tài chính.")
            while (not _dash_agency(joined) and j + 1 < len(blocks) and j - i < 3 and blocks[j + 1][0] == "p"
                   and not _marker(blocks[j + 1][1]) and not _BULLET.match(blocks[j + 1][1])
                   and not joined.rstrip().endswith((".", ":"))):
                j += 1
                joined += " " + blocks[j][1].strip()
            tail_lead = _dash_agency(joined)
            if tail_lead:
                line, i = joined, j
        if tail_lead and not current.special:
            host = current.parent if current.rank == 6 and current.parent is not None else current
            node = _Node(6, "-", _BULLET.sub("", line), host)
            host.children.append(node)
            node.attrs["lead"] = tail_lead
            time = host.attrs.get("time") or _time_clause(host.text)
            if time:
                node.attrs["time"] = time
            while len(stack) > 1 and stack[-1].rank >= 6:
                stack.pop()
            stack.append(node)
            continue
        # an unlabeled line under a task's lead: "- Các sở, ban, ngành; UBND huyện, thành phố;" (seed 1.1)
        if (current is not root and _BULLET.match(line) and current.attrs.get("lead") and not current.attrs.get("coordinators")
                and not current.special and not current.lead_heading
                and _cut_at_verb(_BULLET.sub("", line), verbs_only=True) == _BULLET.sub("", line).rstrip(" ,;.")):
            names = split_names(line)
            if names and all(_STARTER_RE.match(n) or group_keys(n) for n in names):
                current.attrs["coordinators"] = names
                continue
        # dashed sub-points of a lettered point that introduces them under a heading naming the lead ("đ) Phối hợp
        # với các Bộ, ngành … chỉ đạo, hướng dẫn triển khai:" / "- Xây dựng …"): a task each, with the point's attrs
        if (_BULLET.match(line) and current is not root and current.rank == 5 and current.parent is not None
                and current.parent.lead_heading and current.text.rstrip().endswith(":") and not current.body):
            node = _Node(6, "-", _BULLET.sub("", line), current)
            current.children.append(node)
            node.attrs.update({k: v for k, v in _labelled_point_attrs(node).items() if v})
            continue
        # "+" points under a dash that introduces them ("1. Sở X:" / "- Chủ trì, phối hợp với Y hỗ trợ …:" / "+ …"):
        # the points are the tasks, with the dash's coordinators and time where they give none; the dash is none
        intro = _introducing_dash(current, line) if current is not root else None
        if intro is not None:
            node = _Node(6, "-", _BULLET.sub("", line), intro)
            intro.children.append(node)
            node.attrs.update(_labelled_point_attrs(node))
            for k, v in _point_attrs(intro.text).items():
                if v:
                    node.attrs.setdefault(k, v)
            continue
        # a point under a heading that names its lead ("2. Thanh tra tỉnh" / "- Chủ trì, phối hợp với …"): a task;
        # after a paragraph that introduces the points ("Chủ trì, phối hợp với X tham mưu …, bao gồm:"), with that
        # paragraph's coordinators and time where the point names none
        if _BULLET.match(line) and current is not root and current.lead_heading:
            node = _Node(6, "-", _BULLET.sub("", line), current)
            current.children.append(node)
            node.attrs.update(_labelled_point_attrs(node))
            if current.body and current.body[-1].rstrip().endswith(":"):
                for k, v in _point_attrs(current.body[-1]).items():
                    node.attrs.setdefault(k, v)
            continue
        if (_BULLET.match(line) and current is not root and current.rank == 6 and current.parent is not None
                and current.parent.lead_heading):
            current = stack[-1] = current.parent  # the next point under the same heading
            node = _Node(6, "-", _BULLET.sub("", line), current)
            current.children.append(node)
            stack.append(node)
            node.attrs.update(_labelled_point_attrs(node))
            continue
        if (_BULLET.match(line) and current is not root and current.rank >= 2 and not current.children
                and re.match(r"^ve\b.*:\s*$", fold(_BULLET.sub("", line)))):
            topic_dash = current  # "- Về rà soát …:": a topic, the paragraphs under it may be tasks
        # a dash under a topical item that asks or charges bodies in sentences of its own ("- Yêu cầu X …", "- X chịu
        # trách nhiệm …. Y chủ trì, …"): a task per sentence
        units = _topical_dash_units(current, line) if current is not root else []
        if units:
            while len(stack) > 1 and stack[-1].rank >= 6:
                stack.pop()
            for title, attrs in units:
                node = _Node(6, "-", title, stack[-1])
                stack[-1].children.append(node)
                node.attrs.update({k: v for k, v in attrs.items() if v})
            stack.append(node)
            continue
        # a bullet item that states its own lead: a task of its own
        if _BULLET.match(line) and current is not root and current.special not in ("organisation", "reporting"):
            attrs, _head = _inline_labels(line)
            if not attrs.get("lead"):
                attrs = _prose(line) if re.search(r"\bchu tri\b", fold(line)) else attrs
            host = current.parent if current.rank == 6 and current.parent is not None else current
            if not attrs.get("lead") and not host.has_info and not host.special:
                lead = _subject_lead(line)
                own = _subject_task(_BULLET.sub("", line)) if lead else {}
                if own.get("lead") == lead and own.get("coordinators"):
                    # "- Sở X phối hợp với Sở Y tổ chức …": the subject leads, whom it works with coordinates
                    attrs = {k: v for k, v in own.items() if k != "title"}
                elif lead:
                    attrs = {k: v for k, v in _prose(line, any_sentence=True).items() if k != "lead"}
                    attrs["lead"] = lead
            if attrs.get("lead"):
                while len(stack) > 1 and stack[-1].rank >= 6:
                    stack.pop()
                node = _Node(6, "-", _BULLET.sub("", line), stack[-1])
                node.subject_led = not host.has_info and not host.special  # a stray subject-led dash in content
                stack[-1].children.append(node)
                stack.append(node)
                _inline_into(node, node.text)
                for k, v in attrs.items():
                    if v and not node.attrs.get(k):
                        node.attrs[k] = v
                continue
        if _COURTESY.search(fold(line)):
            continue  # "Bộ X trân trọng cảm ơn sự phối hợp …./.", "Trân trọng./.": a closing courtesy, no task
        if (current is not root and current.rank == 5 and not current.children and not current.body
                and not _BULLET.match(line) and (line[:1].islower() or not current.text.rstrip().endswith((".", ":", ";")))
                and not (line.rstrip().endswith(":") and _heading_lead(line.strip()))):
            # (not a body's own line over the points under a topic: "b) Đầu tư …" / "Ủy ban nhân dân các huyện:")
            current.text = current.text.rstrip() + " " + line.strip()  # a PDF's point going on in lines of its own
            continue
        if _NOTICE_CLOSING.search(fold(line)):
            continue  # "Văn phòng Chính phủ thông báo để các Bộ … biết, thực hiện./.": who conveys, no task, no lead
        if current is root:
            if not root.children:
                addressee = _addressee(line)
                if addressee:
                    root.attrs["addressee"] = addressee
                root_paras.append(line)
            continue
        if (current.rank >= 2 and not current.special and not _BULLET.match(line) and topic_dash is current
                and not current.children):
            # under a topical dash ("- Về …:"), a paragraph that names its lead as subject ("Bộ X nghiên cứu …",
            # "Sở X chủ trì, phối hợp với …"): a task; a line that goes on with the paragraph before it joins it
            if current.subject_paras and not current.subject_paras[-1][0].rstrip().endswith((".", ":", ";", "!")):
                text = current.subject_paras[-1][0].rstrip() + " " + line.strip()
                current.subject_paras[-1] = (text, _subject_paragraph(text))
                continue
            attrs = _subject_paragraph(line)
            if attrs.get("lead"):
                current.subject_paras.append((line, attrs))
                continue
        current.body.append(line)
        if not current.children and current.special not in ("organisation", "reporting"):
            # prose under a numbered item: "Giao Sở X chủ trì …" in the paragraph after the heading
            if not current.has_info and re.search(r"\bchu tri\b", fold(line)):
                _inline_into(current, line)
                lead = current.attrs.get("lead") or []
                if (len(current.body) == 1 and current.rank >= 2 and lead and not current.lead_heading
                        and fold(line).startswith(fold(lead[0])) and not current.text.rstrip().endswith((":", ".", ";"))
                        and len(current.text.split()) <= 10):
                    # "4. Bảo đảm cơ sở vật chất" / "Phòng X chủ trì, phối hợp với … ; thời gian …": the paragraph
                    # whose subject leads is the task, the heading's words its topic (a heading that is a sentence,
                    # "4. Hoàn thành di dời 01 khu công nghiệp …." over its lead's paragraph, is the task itself)
                    current.text, current.body[0] = line, current.text
                    current.heading_swapped = True
            elif (not current.has_info and not current.special and current.rank >= 2
                  and (current.body[-2] if len(current.body) > 1 else current.text).rstrip().endswith((".", ";", ":"))):
                # not a line that goes on with the sentence before it ("… gửi" / "Bộ X, bộ quản lý …")
                lead = _subject_lead(line)  # "Ban Quản lý … triển khai xây dựng hoàn thành trong năm 2026."
                if lead:
                    current.attrs["lead"] = lead
                    time = _time_clause(line)
                    if time:
                        current.attrs["time"] = time
    for node in list(_iter(root)):
        _body_headings_into(node)
        _holders_dated_points(node)
    for node in _iter(root):
        if node.rank >= 2 and not node.special and not node.children and not node.has_info and node.body:
            # a point of guidance "Về …" whose paragraphs (wrapped lines, joined) ask: "Vì vậy, đề nghị địa phương …"
            lead = _guidance_request(node.text, " ".join(x.strip() for x in node.body))
            if lead:
                node.attrs["lead"] = lead
    for node in _iter(root):
        units = _assignment_paragraphs(node)
        if units:  # "1. Hoàn thiện …" / "Giao Sở X chủ trì …" / "Sở Y chủ trì …": a task each, the item a section
            if node.heading_swapped:
                node.text, node.body = node.body[0], []
            node.subject_paras, node.body = units, []
            for k in ("lead", "coordinators", "time"):
                node.attrs.pop(k, None)
    asked_points = False
    for node in list(_iter(root)):
        if node.rank >= 2 and not node.special and not node.children and not node.has_info and node.body:
            # "3. Kiến nghị" / "…, Ủy ban nhân dân tỉnh X trân trọng đề nghị Bộ Y:" / "(i). Chỉ đạo …" / "(ii). …": each
            # point of the request is a task of the body it asks
            points = _request_points(node.body)
            if points:
                asked_points = True
                for number, text, lead in points:  # "(ii)" of "3. Kiến nghị": "3.ii"
                    child = _Node(6, f"{node.number}.{number}" if node.number else number, text, node)
                    child.attrs.update({k: v for k, v in _point_attrs(text).items() if v})
                    child.attrs["lead"] = lead
                    node.children.append(child)
                node.body = []
    if not root.table_tasks and not any(c.number != "PL" or c.has_info or c.info_below() or c.table_tasks
                                        for c in root.children):
        # a decision or resolution whose assignments are its articles ("Điều 2. Bộ X thực hiện …", "Điều 3. Cục Y
        # có trách nhiệm … phối hợp với Z …"): each article whose subject is a body is a task, numbered by the article
        # (not the closing order "Điều 4. Bộ trưởng, … chịu trách nhiệm thi hành Quyết định này")
        for at, line in enumerate(root_paras):
            m = re.match(r"(?i)^\s*điều\s+(\d{1,2})\s*[.:]\s*(\S.*)$", line)
            if not m or _enforces_this_document(m.group(2)):
                continue
            dashes = list(itertools.takewhile(lambda x: _BULLET.match(x), root_paras[at + 1:]))
            lead = _heading_lead(m.group(2)) if m.group(2).rstrip().endswith(":") and dashes else []
            if lead:
                # "Điều 2. Giao Bộ X:" / "- Thực hiện …" / "- Chủ trì, phối hợp với các Bộ: A, B …": each dash is a
                # task of the bodies the article names, the article a section
                node = _Node(2, m.group(1), m.group(2), root)
                root.children.append(node)
                for dash in dashes:
                    child = _Node(6, "-", _BULLET.sub("", dash), node)
                    child.attrs.update({k: v for k, v in _point_attrs(child.text).items() if v})
                    child.attrs["lead"] = lead
                    node.children.append(child)
                continue
            attrs = _subject_paragraph(m.group(2))
            if attrs.get("lead"):
                node = _Node(2, m.group(1), m.group(2), root)
                node.attrs.update({k: v for k, v in attrs.items() if k in ("lead", "coordinators", "time") and v})
                root.children.append(node)
        root_paras = [p for p in root_paras if not re.match(r"(?i)^\s*điều\s+\d", p)] if root.children else root_paras
    if not root.children and not root.table_tasks:
        # a letter with no numbered item: each paragraph that assigns work ("Chủ tịch UBND tỉnh giao Sở X chủ trì,
        # phối hợp với …", "Bộ X báo cáo …; trên cơ sở đó chủ trì, phối hợp với …") is a task
        paras = []
        for line in root_paras:  # a paragraph a PDF broke at its ";" ("…; Đài" / "Khí tượng …"): joined again
            if paras and not paras[-1].rstrip().endswith((".", ":", "!")) and not _BULLET.match(line) \
                    and not _BULLET.match(paras[-1]):
                paras[-1] += " " + line.strip()
            else:
                paras.append(line)
        for line in paras:
            attrs = _prose(line) or _asked(line)
            if attrs.get("lead"):
                node = _Node(2, str(len(root.children) + 1), line, root)
                node.attrs.update(attrs)
                root.children.append(node)
    if root.attrs.get("addressee") and not asked_points:
        # (not when a part of the letter asks again with points of its own: "… báo cáo và đề nghị Bộ Y nội dung như
        # sau:" / "1. Quy định …" / "2. Khó khăn, vướng mắc" / "3. Kiến nghị" / "… đề nghị Bộ Y:" / "(i). …": the parts
        # before report, the request's points are the tasks)
        # the letter asks its addressee to do the numbered points ("… đề nghị Ủy ban nhân dân các tỉnh … như sau:"):
        # the addressee leads every point that names no lead of its own
        for node in root.children:
            if node.special or node.has_info or node.table_tasks:
                continue
            if not node.info_below():
                node.attrs["lead"] = root.attrs["addressee"]
                if not node.children and not any(_BULLET.match(b) for b in node.body):
                    # "2. Hoàn thành … trong quý III năm 2027.": the point's own time (not a heading's over its dashes)
                    time = _time_clause(" ".join([node.text] + node.body))
                    if time:
                        node.attrs["time"] = time
            for child in node.children:  # "b) Phối hợp với Bộ X …": its coordinators and time, the addressee's lead
                if child.rank == 5 and not child.has_info:
                    whole = " ".join([child.text] + child.body)  # a PDF's point may run on in lines of its own
                    child.attrs.update({k: v for k, v in _point_attrs(whole).items() if v})
                    child.attrs.setdefault("lead", root.attrs["addressee"])
        # a heading of the addressee's points with only dashes under it ("1. Trước khi đưa mỏ vào hoạt động" / "- Thực
        # hiện …" / "- Phối hợp với UBND xã X …"): each dash is a task of the addressee, the heading a section
        for node in list(_iter(root)):
            body = list(node.body)
            while body and not _BULLET.match(body[-1]) and _CLOSING_REQUEST.search(fold(body[-1])):
                body.pop()  # "Sở X yêu cầu Công ty … nghiêm túc thực hiện; … có khó khăn vướng mắc …": no task
            if (node.rank >= 2 and node.rank != 6 and not node.children and not node.special
                    and not node.attrs.get("coordinators") and not node.attrs.get("time")
                    and node.attrs.get("lead", root.attrs["addressee"]) == root.attrs["addressee"] and body
                    and all(_BULLET.match(b) for b in body)):
                for line in body:
                    child = _Node(6, "-", _BULLET.sub("", line), node)
                    child.attrs.update({k: v for k, v in _point_attrs(child.text).items() if v})
                    child.attrs["lead"] = root.attrs["addressee"]
                    node.children.append(child)
                node.body = node.body[len(body):]
    _collect(plan, root, tail)


def _body_headings(body):
    """The bodies' headings inside a topical item's paragraphs ("a) Hoàn thiện thể chế …" / "- Bộ X" / "+ …" / "+ …" /
    "- Bộ Y rà soát …" / "- Bộ Z" / "+ …"; or "b) Hoàn thiện hạ tầng …" / "Ủy ban nhân dân các tỉnh:" / "- …"): a list
    of (lead, title, attrs, points) — a heading's points (its title None), or a subject-led dash (points None) —
    when every dash falls under a heading or names its own subject and one heading has points; else []."""
    items = []
    for line in body:
        bare = _BULLET.sub("", line).strip()
        plus = re.match(r"^\s*[+•◦▪]", line) is not None
        dash = _BULLET.match(line) is not None and not plus
        heading = items[-1] if items and items[-1][1] is None else None
        if heading is not None and (plus if heading[4] else dash):
            heading[3].append(bare)  # a point of the heading above: "+" under a dash, a dash under a line of its own
            continue
        lead = [] if plus or re.search(r"[.;!?]$", bare) else _heading_lead(bare)
        if lead:
            items.append([lead, None, {}, [], dash])
            continue
        if dash:
            attrs = _subject_task(bare)
            attrs.pop("title", None)
            items.append([attrs.pop("lead", []), bare, attrs, None, True])  # (no subject it reads: content)
            continue
        if not plus and items and line[:1].islower() and not bare.endswith(":"):
            last = items[-1]
            if last[3]:
                last[3][-1] += " " + bare  # a line going on the point before it
            elif last[1]:
                last[1] += " " + bare
            else:
                return []
            continue
        return []
    if not any(points for _lead, _title, _attrs, points, _dash in items if points):
        return []
    return [(lead, title, attrs, points) for lead, title, attrs, points, _dash in items]


def _topical_with_headings(node):
    """A topical item whose paragraphs so far are bodies' headings with points (``_body_headings``): what follows
    stays its paragraphs until its next item (read as a whole by ``_body_headings_into``)."""
    return (node is not None and node.kind != "root" and node.rank >= 2 and not node.special and not node.children
            and not node.attrs.get("lead") and not node.lead_heading and bool(node.body)
            and bool(_body_headings(node.body)))

def _asked_name(text):
    """Whom a heading asks or charges when it names nothing else: "Đề nghị Trung ương Hội X Việt Nam", "Giao Ban Y"
    (a capitalised name the lists may not know, no verb, no sentence), as a list; else []."""
    m = re.match(r"^(?:Giao|Đề nghị)\s+(.+?)\s*:?\s*$", text.strip())
    if not m or not m.group(1)[:1].isupper() or re.search(r"[,;.()]", m.group(1)) or len(m.group(1).split()) > 10:
        return []
    name = m.group(1)
    return [name] if _cut_at_verb(name, verbs_only=True) == name else []

_HOLDER_PART = re.compile(r"^(?:Phó\s+)?(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Tổng Giám đốc|Người đứng đầu|Trưởng ban|"
                          r"Trưởng phòng|Chánh Văn phòng)\b")


def _holders_dated_points(node):
    """Under the organisation part, a heading of office holders ("1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, …, Chủ
    tịch Ủy ban nhân dân các tỉnh, …", parted at each title) over lettered points: a point that opens with its own
    deadline ("c) Trước ngày 31 tháng 12 năm 2025, xây dựng …") is a task of the holders as written; the others
    (duties, a yearly report) stay as they are."""
    if (node.special != "organisation" or node.rank < 2 or node.parent is None or node.parent.rank > 1
            or node.attrs.get("lead") or not node.children or any(c.rank != 5 for c in node.children)):
        return
    parts = re.split(r",\s+(?=" + _HOLDER_PART.pattern[1:] + r"\s)", node.text.strip(" .:"))
    if len(parts) < 2 or not all(_HOLDER_PART.match(p) for p in parts):
        return
    for child in node.children:
        clause = _time_clause(child.text)
        if (clause and fold(child.text).startswith(fold(clause)) and read_timeframe(clause).kind == "deadline"
                and not child.has_info):
            child.attrs["lead"], child.attrs["time"] = parts, clause

def _body_headings_into(node):
    """A topical item (no lead of its own) whose paragraphs are bodies' headings with points (``_body_headings``):
    each heading a section of its points, each point a task of the heading's bodies, a subject-led dash a task; the
    item itself no task (what it seemed to name, the next line's body, is no coordinator of it)."""
    if (node.rank < 2 or node.special or node.children or node.attrs.get("lead") or node.lead_heading
            or not node.body or node.subject_paras or _heading_lead(node.text)):
        return
    asked = _asked_name(node.text)
    if asked and len(node.body) >= 2 and all(_BULLET.match(b) for b in node.body):
        # "c) Đề nghị Trung ương Hội X" / "- Chỉ đạo …" / "- Chỉ đạo …": whom it asks leads each dash
        node.attrs = {k: v for k, v in node.attrs.items() if k not in ("lead", "coordinators", "time")}
        node.attrs["lead"], node.lead_heading = asked, True
        for line in node.body:
            child = _Node(6, "-", _BULLET.sub("", line), node)
            child.attrs.update({k: v for k, v in _labelled_point_attrs(child).items() if v})
            node.children.append(child)
        node.body = []
        return
    items = _body_headings(node.body)
    if not items:
        return
    node.attrs = {k: v for k, v in node.attrs.items() if k not in ("lead", "coordinators", "time")}
    for k, (lead, title, attrs, points) in enumerate(items, 1):
        if points is None:
            child = _Node(6, str(k), title, node)
            if lead:
                child.attrs.update({key: v for key, v in attrs.items() if v})
                child.attrs["lead"] = lead
            node.children.append(child)
            continue
        host = node
        if len(items) > 1:
            host = _Node(6, str(k), ", ".join(lead), node)
            host.attrs["lead"], host.lead_heading = lead, True
            node.children.append(host)
        for j, point in enumerate(points, 1):
            child = _Node(7 if host is not node else 6, str(j), point, host)
            child.attrs.update({key: v for key, v in _point_attrs(point).items() if v})
            child.attrs["lead"] = lead
            host.children.append(child)
    node.body = []


# a letter's closing request to carry its points out: "… yêu cầu Công ty X nghiêm túc thực hiện; trong quá trình thực
# hiện có khó khăn vướng mắc kịp thời phản ánh …"
_CLOSING_REQUEST = re.compile(r"\bnghiem tuc (?:trien khai )?thuc hien\b|\bkho khan,? vuong mac\b")


def _topical_dash_units(current, line):
    """The tasks of a dash under a topical item ("1. Đấu tranh, triệt phá …" / "- …") that the rule for a dash with
    its own "chủ trì" does not read whole: two or more assigning sentences, or one that asks ("Yêu cầu X …", "Đề nghị
    X phối hợp với Y …") or charges ("X có trách nhiệm …") without "chủ trì"; [] otherwise."""
    host = current.parent if current.rank == 6 and current.parent is not None else current
    if (not _BULLET.match(line) or re.match(r"^\s*[+•◦▪]", line) or host.rank < 2 or host.special or host.has_info
            or host.lead_heading or current.special):
        return []
    units = _dash_sentences(line)
    if len(units) >= 2 or (units and not re.search(r"\bchu tri\b", fold(units[0][0]))
                           and re.match(r"(?:yeu cau|de nghi)\s", fold(units[0][0]))):
        return units
    return []


def _introducing_dash(current, line):
    """The dash under a heading that names its lead which introduces ``line``, a point with a bullet of its own ("+",
    "•") after it: the dash ends with ":" ("- Chủ trì, phối hợp với Y hỗ trợ hộ kinh doanh:"); else None."""
    if not (current.lead_heading and current.rank in (2, 3) and current.children and not current.body):
        return None
    dash = current.children[-1]
    if not re.match(r"^\s*[+•◦▪]", line) or dash.rank != 6 or not dash.text.rstrip().endswith(":"):
        return None
    return dash


def _attached_heading(blocks, i):
    """After a decision's or resolution's signature, the heading of the plan or programme it issues: "KẾ HOẠCH",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG", "DANH MỤC …" in capitals, with "(Kèm theo / Ban hành kèm theo Quyết định số …)" within
    the next lines."""
    value = blocks[i][1]
    if not (value.isupper() and len(value) < 200 and re.match(
            r"^(?:ke hoach|chuong trinh|de an|danh muc|quy che|phuong an)\b", fold(value))):
        return False
    return any(kind == "p" and re.match(r"^\(?(?:ban hanh )?kem theo\b", fold(v)) for kind, v in blocks[i + 1:i + 5])


_COURTESY = re.compile(r"\btran trong (?:cam on|de nghi\b.*\bquan tam)|^\s*tran trong\s*[./]*\s*$")


def _dash_agency(line):
    """The agency a dash names at its end, after a dash: "- Tài sản … thương mại - Bộ Công Thương." → ["Bộ Công
    Thương"]; [] when the line ends otherwise."""
    m = re.search(r"\s[-–—]\s+((?:Bộ|Sở|Ủy ban|Uỷ ban|UBND|Ban|Cục|Tổng cục|Thanh tra|Văn phòng|Công an|Đài)\s[^-–—:;]{2,80}?)"
                  r"\s*[.;]?\s*$", _BULLET.sub("", line))
    if not m:
        return []
    names = split_names(m.group(1))
    return names if len(names) == 1 and _agency_like(names[0]) and _cut_at_verb(m.group(1), verbs_only=True) == \
        m.group(1).rstrip(" ,;.") else []


def _asked(text):
    """A letter's paragraph that asks bodies to do the work without "chủ trì" ("…, Sở X đề nghị A; B; C và các tổ
    chức, cá nhân có liên quan tổ chức … triển khai thực hiện nghiêm …", "Đề nghị UBND các huyện thực hiện …"): the
    bodies it names lead, the related ones coordinate; {} for "nếu có khó khăn, vướng mắc, đề nghị … phản ánh về …"."""
    if text.rstrip().endswith(":") or re.search(r"\bvuong mac\b|\bphan anh\b|\btheo de nghi\b", fold(text)):
        return {}
    if re.match(r"^tren day la\b", fold(text).lstrip()):
        return {}  # the closing "Trên đây là ý kiến của …, đề nghị X chỉ đạo … thực hiện": no task of its own
    m = re.search(r"(?:^|\s)(?:Đ|đ)ề nghị\s+(.+)$", text.split(". ")[-1] if text.count(". ") else text, re.S)
    if not m:
        return {}
    parts = [p.strip() for p in m.group(1).split(";")]
    # the names run up to the part where the verb starts ("…; Chủ dự án … và các tổ chức … có liên quan tổ chức …")
    at = next((k for k, part in enumerate(parts) if _cut_at_verb(part, verbs_only=True) != part.strip(" ,;./")), None)
    if at is None:
        return {}
    last = _cut_at_verb(parts[at], verbs_only=True)
    if not last:
        return {}
    names = [n for part in parts[:at] for n in split_names(part)] + split_names(last)
    # "Chủ dự án/cơ sở phải thực hiện kiểm kê …", "Chủ đầu tư …": owners asked as bodies are
    if not names or not all(_agency_like(n) or re.match(r"^Chủ\s+\w", n) for n in names):
        return {}
    lead = [n for n in names if classify(n) != "related"]
    return {"lead": lead, "coordinators": [n for n in names if classify(n) == "related"]} if lead else {}


def _guidance_request(heading, text):
    """A request inside a point of guidance ("2. Về …" / "…. Vì vậy, đề nghị địa phương căn cứ … để xác định …"): the
    bodies it asks lead ("địa phương", the addressee's locality, as written); [] under any other heading."""
    if not re.match(r"^(?:\d+[.)]\s*)?ve\s", fold(heading).strip()):
        return []
    m = re.search(r"(?:^|[.;,]\s+)(?:Đ|đ)ề nghị\s+(.+)$", text, re.S)
    if not m:
        return []
    local = re.match(r"(?i)(?:các\s+)?(địa ph[ưƣ]ơng)\s+\w", m.group(1))
    if local:
        return [local.group(1)]
    return _asked("Đề nghị " + m.group(1)).get("lead", [])


def _named_addressee(names, lines):
    """["Công ty cổ phần X"] for ["Công ty"] (the short word a letter uses for its one addressee: "… đề nghị Công ty
    thực hiện …") or for a name cut short by a verb inside it ("Công ty TNHH Xây" of "Công ty TNHH Xây lắp Y") when
    the letter is addressed ("Kính gửi: …", its dashes) to one body whose name starts with it; ``names`` unchanged
    otherwise (none or two such addressees, two names asked)."""
    if len(names) != 1 or group_keys(names[0]) or re.search(r"(?:^|\s)cac\s", fold(names[0])):
        return names  # a group asked ("Ủy ban nhân dân các tỉnh, thành phố") is kept as written
    kind = re.sub(r"^quy\s+", "", fold(names[0]))
    candidates = []
    for j, line in enumerate(lines):
        m = re.match(r"(?i)^kính gửi\s*:?\s*\|?\s*", line)
        if not m:
            continue
        listed = [line[m.end():]]
        for nxt in lines[j + 1:j + 8]:
            if not _BULLET.match(nxt):
                break
            listed.append(nxt)
        for part in listed:
            for name in re.split(r"\s*;\s*|\s+-\s+(?=\S)|^\s*-\s*", part):
                name = re.sub(r"\s*\([^()]*\)?\s*$", "", name).strip(" .;,")
                if fold(name).startswith(kind + " "):
                    candidates.append(name)
    return [candidates[0]] if len(candidates) == 1 else names


_REQUEST_POINT = re.compile(r"^\s*(\((?:[ivx]{1,4}|\d{1,2})\)|[a-zđ]\))\.?\s+(?=\S)")


def _request_points(body):
    """[(marker, text, lead)] of the points a paragraph asking a body introduces ("…, Ủy ban nhân dân tỉnh X trân
    trọng đề nghị Bộ Y:" / "(i). Chỉ đạo …" / "(ii). Sớm …"); [] when the body holds no such request."""
    for k, line in enumerate(body):
        lead = _addressee(line) if line.rstrip().endswith(":") else []
        rest = body[k + 1:]
        if not lead or not rest or not _REQUEST_POINT.match(rest[0]):
            continue
        points = []
        for nxt in rest:
            m = _REQUEST_POINT.match(nxt)
            if m:
                points.append([m.group(1).strip("()"), nxt[m.end():].strip(), lead])
            elif points and not points[-1][1].rstrip().endswith("."):
                points[-1][1] += " " + nxt.strip()  # the point's own line going on
            else:
                break
        return [tuple(p) for p in points]
    return []


def _addressee(line):
    """The agencies a letter asks to do the points that follow, in the paragraph before them: "…, Bộ X đề nghị Ủy ban
    nhân dân các tỉnh, thành phố chỉ đạo … như sau:" → ["Ủy ban nhân dân các tỉnh, thành phố"]."""
    if not line.rstrip().endswith(":"):
        return []
    line = re.sub(r"\s*\([^()]*\)", "", line)  # "(sau đây gọi là Bộ, cơ quan trung ương)"
    # "… Sở X yêu cầu Công ty Y thực hiện đầy đủ các nội dung sau:" asks one body as "đề nghị" does (not "Chủ tịch …
    # yêu cầu các sở, ban, ngành … thực hiện:", the groups the numbered headings then name one by one)
    m = re.search(r"(?i)\b(đề nghị|yêu cầu)\s+(.+)$", line.split(". ")[-1])
    if not m:
        return []
    asked = m.group(2)
    # "… đề nghị Bộ X nội dung như sau:", "… đề nghị Bộ X một số nội dung sau:": whom it asks ends there
    ends = re.search(r"(?i)\s+(?:(?:các|một số)\s+)?(?:nội dung|vấn đề)(?:\s+cụ thể)?\s+(?:như\s+)?sau\s*:\s*$", asked)
    cut = _cut_at_verb(asked[:ends.start()] if ends else asked, verbs_only=True)
    if not cut or (not ends and cut == asked.rstrip(" :")):
        return []
    cut = re.sub(r"(?i)(?:\s+(?:khẩn trương|quan tâm|chủ động|tập trung|kịp thời|sớm|nghiêm túc))+$", "", cut.rstrip(" ,;"))
    names = split_names(cut)
    if fold(m.group(1)) == "yeu cau" and (len(names) != 1 or group_keys(names[0]) or fold(names[0]).startswith("cac ")):
        return []
    return names if names and all(_agency_like(n) for n in names) else []


# round 32: the doer named in brackets after the work, "… (Phòng X thực hiện)", "… (Trung tâm Y thực hiện, phối hợp
# với Z)", then at most a time label ("; tiến độ: …", "; thời hạn: …")
_BRACKETED_DOER = re.compile(r"^(?P<head>.{9,}?\S)\s*\(\s*(?P<lead>[A-ZĐ][^()]{2,150}?)\s+(?:thực hiện|chủ trì)"
                             r"(?:\s*[,;]\s*phối hợp(?:\s+với)?\s+(?P<with>[^()]{3,200}?))?\s*\)(?P<after>.*)$")


def _bracketed_doer(text):
    """The attributes a work's bracket "(X thực hiện[, phối hợp với Y])" gives (X its lead, Y its coordinators, a time
    label after the bracket its time) and the title before the bracket; ({}, text) when there is none."""
    m = _BRACKETED_DOER.match(text.strip())
    if not m:
        return {}, text
    after = m.group("after").strip(" .;,")
    labels = _inline_labels("; " + after)[0] if after else {}
    if after and not labels.get("time"):
        return {}, text  # words after the bracket that are no time label: the bracket is part of the sentence
    lead = split_names(m.group("lead"))
    helpers = split_names(m.group("with") or "")
    if not lead or not all(_agency_like(n) for n in lead) or not all(_agency_like(n) or group_keys(n) for n in helpers):
        return {}, text
    attrs = {"lead": lead, "coordinators": helpers}
    if labels.get("time"):
        attrs["time"] = labels["time"]
    return attrs, m.group("head").rstrip(" ,;")


# round 38: the doer after a dash closing the point, "a) <work>, <time> — X thực hiện[, phối hợp với Y [và Z]]."
_DASHED_DOER = re.compile(r"^(?P<head>.{9,}?\S)\s+[—–]\s+(?P<lead>[A-ZĐ][^—–;]{2,150}?)\s+thực hiện"
                          r"(?:\s*,\s*phối hợp(?:\s+với)?\s+(?P<with>[^—–;]{3,200}?))?\s*\.?$")


def _dashed_doer(text):
    """The attributes a point's closing "— X thực hiện[, phối hợp với Y]" gives (X its lead, Y its coordinators, the
    time phrase of the words before the dash its time) and the title before the dash; ({}, text) when there is none
    (or the names are no bodies)."""
    m = _DASHED_DOER.match(" ".join(text.split()))
    if not m:
        return {}, text
    lead = split_names(m.group("lead"))
    helpers = split_names(m.group("with") or "")
    if not lead or not all(_agency_like(n) for n in lead) or not all(_agency_like(n) or group_keys(n) for n in helpers):
        return {}, text
    attrs = {"lead": lead, "coordinators": helpers}
    time = _time_clause(m.group("head"))
    if time:
        attrs["time"] = time
    return attrs, m.group("head").rstrip(" ,;")


def _inline_into(node, text):
    if node.special in ("organisation", "reporting", "funding", "purpose") or node.rank <= 1:
        return
    doer, head = _bracketed_doer(text)
    if not doer:
        doer, head = _dashed_doer(text)
    if doer:
        node.text = head if node.text == text else node.text
        for k, v in doer.items():
            if v and not node.attrs.get(k):
                node.attrs[k] = v
        return
    attrs, head = _inline_labels(text)
    if attrs:
        node.text = head if node.text == text else node.text
        if not attrs.get("lead") and re.search(r"\bchu tri\b", fold(head)):
            # "Giao Sở X chủ trì, phối hợp với Sở Y …; thời gian hoàn thành: Quý II/2026": the lead in the words
            # before the label
            attrs = {**{k: v for k, v in _prose(head).items() if k in ("lead", "coordinators")}, **attrs}
    else:
        attrs = _prose(text)
    for k, v in attrs.items():
        if v and not node.attrs.get(k):
            node.attrs[k] = v


def _paragraphs_a_name_each(lines):
    """Whether a cell's paragraphs are a name (or list) each though no separator ends them ("Sở Xây dựng" / "Cảng vụ
    Hàng hải X"): each starts in capitals and none breaks off mid-name (ending in "và", "của", "các", a comma or a
    hyphen, "Sở Văn hóa, Thể thao và" / "Du lịch")."""
    return len(lines) > 1 and all(ln[:1].isupper() for ln in lines) and not any(
        re.search(r"(?:\s(?:và|của|các|cấp|thuộc|trực thuộc)|[,&\-–/])$", ln) for ln in lines[:-1])


def _cell_names(text):
    """The names in a table cell: a list ("A; B", "- Vụ A; - Vụ B."), also two bodies joined by "/" ("Vụ Kế hoạch -
    Tài chính/ Ban Quản lý quy hoạch", "Ban X /Tư vấn được lựa chọn"; not "UBND xã/phường")."""
    lines = [ln.strip(" ;,-–") for ln in text.split("\n") if ln.strip(" ;,-–")]
    if len(lines) > 1 and (all(_STARTER_RE.match(ln) for ln in lines) or _paragraphs_a_name_each(lines)):
        # a DOCX cell with one body a paragraph ("Sở TT&TT" / "Sở Tài chính"): each paragraph its names
        return [n for ln in lines for n in _cell_names(ln)]
    parts = re.split(r"\s*/\s*(?=[A-ZĐ][^\s/]*\s+\S)", text) if "/" in text else [text]
    if len(parts) > 1 and all(_STARTER_RE.match(p.strip(" -–")) or p[:1].isupper() for p in parts) \
            and _STARTER_RE.match(parts[0].strip(" -–")):
        return [n for p in parts for n in split_names(p)]
    return split_names(text)


# a role label in a cell that holds both roles: "Chủ trì: X", "Đơn vị phối hợp: Y" (round 34)
_CELL_ROLE_LABEL = re.compile(r"(?i)(?:(?:đơn vị|cơ quan)\s+)?(chủ trì|phối hợp)(?:\s+thực hiện)?\s*:")
# … or the role after the names: "X chủ trì", "Y phối hợp", "Z (phối hợp)"
_CELL_ROLE_AFTER = re.compile(r"(?i)^(?P<names>.+?)\s*[,(–-]?\s*(?P<role>chủ trì|phối hợp)\s*\)?\s*\.?$")


def _role_after_marked_lead(piece, role):
    """Round 38: one "Trách nhiệm" cell "X (chủ trì); Y, Z": a lead marked by its bracket, the names after its ";"
    that no role marks are its partners (as "X chủ trì; Y phối hợp" says in words); else the role goes on."""
    if role == "chủ trì" and re.search(r"(?i)\(\s{0,2}chủ trì\s{0,2}\)\s{0,2}\.?$", piece):
        return "phối hợp"
    return role


def _roles_in_one_cell(text):
    """One column "Đơn vị thực hiện" holding both roles (round 34): "Chủ trì: X; Phối hợp: Y, Z", the labels in any
    order, as paragraphs of the cell or parted by ";" or ".", only "Chủ trì: X", or "X chủ trì; Y phối hợp": (lead
    text, coordinators' text), or None when the cell names no role."""
    labels = list(_CELL_ROLE_LABEL.finditer(text))
    roles = {"chủ trì": [], "phối hợp": []}
    if labels and not text[:labels[0].start()].strip(" ;.,\n-–"):
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
            roles[m.group(1).lower()].append(text[m.end():end].strip(" ;.,\n"))
    else:
        role = None
        for piece in re.split(r"\s*(?:[;\n]|\.\s+(?=[A-ZĐ]))\s*", text):
            if not piece.strip(" .,-–"):
                continue
            m = _CELL_ROLE_AFTER.match(piece)
            if m:
                role = m.group("role").lower()
                marked, piece = piece, m.group("names")
            elif role is None:
                return None
            roles[role].append(piece.strip(" ;.,-–"))
            if m:
                role = _role_after_marked_lead(marked, role)
    if not roles["chủ trì"]:
        return None
    return "\n".join(roles["chủ trì"]), "\n".join(roles["phối hợp"])


def _name_goes_on(above, title, cols):
    """Whether a row's title in capitals goes on the title of the task row above: a name the row's end broke ("… Khu
    di tích lịch sử Đền" / "Hùng", "… và Khu du lịch" / "Hải Hòa"), a word or three under a title that has not ended
    (a group's row names more, or has its own number)."""
    return bool(title[:1].isupper() and len(title.split()) <= 3 and not title.isupper()
                and _cell(above, cols, "number") and _cell(above, cols, "title")
                and not re.search(r"[.;:]$", _cell(above, cols, "title")))


def _wraps_row_above(joined, row, cols):
    """A row with no number, no lead and no time whose title goes on in lower case, under a task's row whose title
    has not ended ("| 5 | Rà soát … đưa vào | Sở X | Công an tỉnh; | 2026 |" / "| | sử dụng trước … | | UBND các xã |
    |"): the row above wrapped, its title and its other cells (a coordinator) going on."""
    if not joined or len(row) != len(joined[-1]) or _cell(row, cols, "number"):
        return False
    above, title = joined[-1], _cell(row, cols, "title")
    return bool((title[:1].islower() or _name_goes_on(above, title, cols))
                and not _cell(row, cols, "lead") and not _cell(row, cols, "time")
                and _cell(row, cols, "coordinators") and _cell(above, cols, "number") and _cell(above, cols, "lead")
                and not re.search(r"[.;:]$", _cell(above, cols, "title")))


def _row_broke_after_work(joined, row, cols):
    """Round 38: a row with no number whose work goes on in lower case and whose names or time follow, under a task's
    row that has its number and work but no name nor time ("3⇥Tổ chức … trên" / "⇥địa bàn phường⇥Phòng X⇥Y⇥Tháng
    9/2027"): the row above broke after its work, this line its rest."""
    if not joined or len(row) != len(joined[-1]) or _cell(row, cols, "number"):
        return False
    above, title = joined[-1], _cell(row, cols, "title")
    return bool(title[:1].islower() and _cell(above, cols, "number") and _cell(above, cols, "title")
                and not any(_cell(above, cols, k) for k in ("lead", "coordinators", "time"))
                and any(_cell(row, cols, k) for k in ("lead", "coordinators", "time")))


def _names_go_on(above, below, k, cols):
    """Column ``k`` of a row going on in the row under it: the words joined ("… UBND các" / "xã, phường"); but in a
    names' column, a row of its own naming whole bodies (a second lead in a row under a task whose number, title and
    time cells span both) adds its names as further lines of the cell ("Sở X" / "UBND huyện Y")."""
    if not below.strip():
        return above
    if k in (cols.get("lead"), cols.get("coordinators")) and _paragraphs_a_name_each([above.strip(), below.strip()]):
        return f"{above.strip()}\n{below.strip()}"
    return f"{above} {below}".strip()

def _table_into(node, rows):
    cols, start = _table_columns(rows)
    if not cols:
        return
    section_number = None
    joined = []
    for row in rows[start:]:
        # a row that names neither number nor task but has words in its other cells: the row above going on past a
        # page break ("… UBND các" / "xã, phường"), cell by cell
        if (joined and any(c.strip() for c in row) and not _cell(row, cols, "number") and not _cell(row, cols, "title")
                and len(row) == len(joined[-1])):
            joined[-1] = [_names_go_on(a, b, k, cols) for k, (a, b) in enumerate(zip(joined[-1], row))]
            continue
        if _row_broke_after_work(joined, row, cols):
            joined[-1] = [_names_go_on(a, b, k, cols) for k, (a, b) in enumerate(zip(joined[-1], row))]
            continue
        title = _cell(row, cols, "title")
        if _wraps_row_above(joined, row, cols):
            joined[-1] = [f"{a} {b}".strip() if b.strip() else a for a, b in zip(joined[-1], row)]
            continue
        if (joined and (title[:1].islower() or _name_goes_on(joined[-1], title, cols)) and not _cell(row, cols, "number") and not any(
                _cell(row, cols, k) for k in ("lead", "coordinators", "time")) and _cell(joined[-1], cols, "title")
                and any(_cell(joined[-1], cols, k) for k in ("lead", "coordinators", "time"))
                and not re.search(r"[.;:]$", _cell(joined[-1], cols, "title"))):
            # "| | liên thông bốn cấp | | |" under a task's row: its title going on in a row of its own (a heading
            # row starts with a capital; a title ended by its full stop goes on no further: a transcription's spill)
            j = cols["title"]
            joined[-1] = list(joined[-1])
            joined[-1][j] = f"{joined[-1][j]} {title}"
            continue
        joined.append(list(row))
    time_first = cols.get("time") == 0  # a schedule: the time leads each row, merged over the rows it spans
    last_time = ""
    for row in joined:
        if not any(c.strip() for c in row):
            continue
        if time_first:
            when, names_any = _cell(row, cols, "time"), _cell(row, cols, "lead") or _cell(row, cols, "coordinators")
            if names_any and not _STARTER_RE.match(_cell(row, cols, "lead")):
                names_any = ""  # "Do Chủ tịch Hội đồng thẩm định quyết định (*)": the step's lead left to someone else
            if re.fullmatch(r"[IVXL]{1,6}|\d{1,2}", when) and not names_any:
                # "I | GIAI ĐOẠN 1: …", "1 | Lập nhiệm vụ": a phase or a step, numbered in the time column
                node.table_tasks.append(("section", when, _cell(row, cols, "title"), {}))
                continue
            if not names_any:
                continue  # "01/2020 | Phê duyệt … | Thủ tướng Chính phủ | |": done by nobody the plan assigns
            if when:
                last_time = when
            else:
                row = list(row)
                row[cols["time"]] = last_time
        if len(set(c for c in row if c)) == 1 and len(row) > 2:  # a merged row: a section heading
            text = next(c for c in row if c)
            m = _marker(text)
            section_number, title = (m[1], m[2]) if m else (None, text)
            node.table_tasks.append(("section", section_number, title, {}))
            continue
        number = _cell(row, cols, "number").rstrip(".")
        # "+ Rà soát …", ". Tiếp tục …": an activity's bullet, not its words
        title = re.sub(r"^[-–+•.]\s+", "", _cell(row, cols, "title"))
        lead = _cell(row, cols, "lead")
        coord = _cell(row, cols, "coordinators")
        time = _cell(row, cols, "time")
        if re.fullmatch(r"\(?\d+\)?", title) and re.fullmatch(r"\(?\d+\)?", lead or "x"):
            continue  # the "(1) (2) (3)" row under a header
        if not (lead or coord or time) or (not (lead or coord) and re.fullmatch(r"[IVXL]{1,6}", number)):
            # "| **IV.** | Phát triển … | | | | năm tiếp theo |": a Roman-numbered row that names nobody is a part's
            # heading, whatever words spilt into its time cell
            title = title or _cell(row, cols, "group")  # "a) | Nhóm hoạt động nhằm …": a group's row
            if title:
                if not number:
                    m = _marker(title)
                    number, title = (m[1], m[2]) if m else ("", title)
                node.table_tasks.append(("section", number or None, title, {}))
            continue
        if not title:
            continue
        roles = None if coord else _roles_in_one_cell(lead)
        if roles:
            lead, coord = roles
        node.table_tasks.append(("task", number, title, {
            "lead": _cell_names(lead), "coordinators": _cell_names(coord), "time": time,
            "product": _cell(row, cols, "product"),
        }))


# round 34: a numbered list inside a paragraph, "X chủ trì, phối hợp với Y thực hiện: (1) …; (2) …; (3) …."
_INLINE_LIST = re.compile(r"^(?P<head>[^()]{10,}?:)\s*\(1\)\s+(?P<rest>.+)$", re.S)


def _inline_numbered_list(text):
    """A paragraph whose work is a list numbered "(1) …; (2) …" after a colon, each piece one task (round 34): (the
    words before the list, [the pieces]), each piece from its first word to before its ";" or the final full stop,
    its own time phrase kept; None when there are not two pieces numbered on from (1)."""
    m = _INLINE_LIST.match(" ".join(text.split()))
    if not m:
        return None
    pieces = re.split(r"\s*;\s*\((\d{1,2})\)\s+", m.group("rest"))
    numbers = [int(n) for n in pieces[1::2]]
    if not numbers or numbers != list(range(2, len(numbers) + 2)):
        return None
    return m.group("head").strip(), [p.strip(" ;.") for p in pieces[0::2]]


# "c) Lưu ý: Danh mục … nêu tại điểm a, điểm b gồm …": a point that is a note on the points before it, no work of its own
_NOTE = re.compile(r"(?i)^\s*(?:lưu ý|ghi chú|chú ý)\s*:")


def _collect(plan, root, tail):
    sections, tasks, responsibilities = [], [], []
    order = {"section": 0, "task": 0}

    def add_section(node, parent_code, number=None, title=None):
        order["section"] += 1
        num = number if number is not None else node.number
        code = f"{parent_code}.{num}" if parent_code else num
        existing = {s.code for s in sections}
        base, k = code, 2
        while code in existing:
            code, k = f"{base}-{k}", k + 1
        sections.append(ParsedSection(code, num, title if title is not None else node.text, parent_code,
                                      "", order["section"]))
        return sections[-1]

    def add_task(own_number, title, section_code, attrs, body=()):
        if _follows_up_this_document(title) or _NOTE.match(title):
            return
        listed = _inline_numbered_list(title)
        if listed:
            head, pieces = listed
            lead = _heading_lead(head) or list(attrs.get("lead", []))
            if own_number and re.fullmatch(r"[a-zđ]", own_number.strip(" .)")) and section_code:
                own_number = f"{section_code}.{own_number.strip(' .)')}"  # "II.2.a.1", as a lettered point's own
            for k, piece in enumerate(pieces, 1):
                add_task(f"{own_number}.{k}" if own_number else str(k), piece, section_code,
                         {**attrs, "lead": lead, "time": _time_clause(piece) or ""}, body if k == 1 else ())
            return
        order["task"] += 1
        time_text = attrs.get("time", "")
        tf = read_timeframe(time_text)
        if _before_the_plan(tf, plan.date) and fold(time_text) in fold(title):  # (read from the task's own words,
            # not a "Thời gian" label or column, which says when whatever the year)
            tf = read_timeframe("")
        task = ParsedTask(own_number, " ".join(title.split()), section_code, list(attrs.get("lead", [])),
                          list(attrs.get("coordinators", [])), tf, order=order["task"])
        content = [attrs.get("content", "")] + list(body)
        task.content = "\n\n".join(c for c in content if c).strip()
        task.product = attrs.get("product", "")
        if attrs.get("target"):
            _read_target(task, attrs["target"])
        tasks.append(task)

    def walk(node, section_code, inherited, depth_in_part):
        for child in node.children:
            attrs = dict(inherited)
            for k, v in child.attrs.items():
                if v:
                    attrs[k] = v
            below = child.info_below()
            if child.special in ("organisation",) and child.rank <= 1:
                sec = add_section(child, section_code)
                with_tasks = [c for c in child.children if c.has_info or c.info_below()]
                for k, item in enumerate((c for c in child.children if c not in with_tasks), 1):
                    responsibilities.append(ParsedResponsibility(item.number, item.text,
                                                                 "\n\n".join(item.body + [_flat(c) for c in item.children]).strip(), k))
                    organisation_items.append((sec.code, item))
                    timed = _timed_assignment(item)
                    if timed:
                        organisation_timed.append((sec.code, item, timed, responsibilities[-1]))
                if with_tasks:  # numbered items with "Chủ trì:" lines under "Tổ chức thực hiện": tasks after all
                    part = _Node(child.rank, child.number, child.text, None)
                    part.children = with_tasks
                    walk(part, sec.code, {}, 1)
                if child.table_tasks:
                    table(child, sec.code, attrs)
                continue
            if child.rank <= 1:
                sec = add_section(child, section_code)
                sec.text = "\n\n".join(child.body)
                _special_text(plan, child)
                walk(child, sec.code, {}, 0)
                table(child, sec.code, {})
                continue
            if child.special == "closing" and depth_in_part > 0 and not child.has_info and not below:
                node.body.append(_flat(child))  # "g) Thực hiện … tại mục 6 Công văn này": under a lead, still no task
                continue
            info = any(attrs.get(k) for k in ("lead", "coordinators", "time"))
            if child.special in ("reporting", "funding", "purpose") and not below:
                if depth_in_part == 0:
                    sec = add_section(child, section_code)
                    sec.text = "\n\n".join(child.body + [_flat(c) for c in child.children])
                continue
            if below or (child.children and child.has_info):
                sec = add_section(child, section_code)
                walk(child, sec.code, attrs if child.has_info else inherited, depth_in_part + 1)
                table(child, sec.code, attrs)
                continue
            if child.subject_paras:
                if info and attrs.get("lead") and not child.asked_units:
                    add_task(child.number, child.text, section_code, attrs, child.body)
                    code = section_code
                else:
                    code = add_section(child, section_code).code
                for k, (text, own) in enumerate(child.subject_paras, 1):
                    add_task(f"{child.number}.{k}", text, code, own)
                continue
            if info and (attrs.get("lead") or not table_leads) and not _leadless_time_only(child, attrs, lead_named):
                # in a plan whose task table names each task's lead, an item outside it that names no lead (09/KH-BTNMT's
                # "II. Nhiệm vụ chủ yếu của Bộ": "1. Chủ trì, phối hợp với …") restates the table's work: no task
                add_task(child.number, child.text, section_code, attrs,
                         child.body + [_flat(c) for c in child.children])
                tasks[-1].subject_led = child.subject_led
                continue
            if child.table_tasks:
                sec = add_section(child, section_code)
                table(child, sec.code, attrs)
                continue
            if depth_in_part == 0:
                sec = add_section(child, section_code)
                sec.text = "\n\n".join(child.body + [_flat(c) for c in child.children])
            else:
                node.body.append(_flat(child))

    def table(node, section_code, inherited):
        current = section_code
        for kind, number, title, attrs in node.table_tasks:
            if kind == "section":
                sec = ParsedSection("", number or str(order["section"] + 1), title, section_code)
                order["section"] += 1
                code = f"{section_code}.{sec.number}" if section_code else sec.number
                existing = {s.code for s in sections}
                base, k = code, 2
                while code in existing:
                    code, k = f"{base}-{k}", k + 1
                sec.code, sec.order = code, order["section"]
                sections.append(sec)
                current = code
            else:
                merged = dict(inherited)
                merged.update({k: v for k, v in attrs.items() if v})
                add_task(number, title, current, merged)

    organisation_items = []
    organisation_timed = []  # (section code, item, attrs, responsibility): a "Tổ chức thực hiện" point with a time
    # (a "Tổ chức thực hiện" whose items are bodies' headings names leads too: its points are read after the walk)
    lead_named = any(n.attrs.get("lead") for n in _iter(root)) or any(
        n.special == "organisation" and n.rank <= 1 and any(_STARTER_RE.match(c.text) for c in n.children)
        for n in root.children)
    table_leads = any(kind == "task" and attrs.get("lead")
                      for node in [root, *_iter(root)] for kind, _n, _t, attrs in node.table_tasks)
    _roles_cited_in_organisation(root)
    walk(root, None, {}, 0)
    if root.table_tasks:
        table(root, None, {})
    points = []
    _tasks_from_organisation(organisation_items, lambda *args: points.append(args))
    if _stray_dashes(tasks, points):
        tasks[:] = [t for t in tasks if not getattr(t, "subject_led", False)]
        for args in points:
            add_task(*args)
    elif len(tasks) * 4 < len(points):
        # the plan assigns its work in "Tổ chức thực hiện" ("1. Bộ X" / "- Chủ trì, phối hợp với …"): no tasks
        # elsewhere, or a few against its many points there (QĐ 1422/QĐ-TTg: one subject-led point under
        # "Giám sát và đánh giá", eleven under "Tổ chức thực hiện")
        for args in points:
            add_task(*args)
    elif organisation_timed:
        # a plan that assigns its work elsewhere: its "Tổ chức thực hiện" points that assign work with a time of their
        # own are tasks too ("2. Giao Sở X chủ trì, …, hoàn thành trước tháng 12/2026."), the others responsibilities
        for code, item, attrs, duty in organisation_timed:
            add_task(item.number, attrs.pop("title"), code, attrs)
            responsibilities.remove(duty)
    _unique_numbers(tasks)
    plan.sections, plan.tasks, plan.responsibilities = sections, tasks, responsibilities
    _read_reporting(plan, root)
    _without_reporting_task(plan)
    _read_tail(plan, tail)


# round 32: "Tổ chức thực hiện" naming who does the tasks the plan numbered elsewhere without a body: "1. Phòng X: chủ
# trì thực hiện các nhiệm vụ tại mục 3 Phần II; phối hợp với Y thực hiện nhiệm vụ 3.1, phối hợp với Z thực hiện nhiệm
# vụ 3.2 và 3.3."
_CITED = r"(?:các\s+)?nhiệm vụ\s+(?:(?:tại|thuộc|nêu tại)\s+)?(?:(?:mục|điểm|tiểu mục)\s+)?(?P<refs>[\dIVX][\d.]*(?:\s*(?:,|và)\s*[\d][\d.]*)*)" \
         r"(?:\s+(?:Phần|phần|Mục|mục)\s+(?P<part>[IVX]+))?"
_CITED_LEAD = re.compile(r"\bchủ trì\s+(?:thực hiện\s+|triển khai\s+)?" + _CITED)
_CITED_HELPER = re.compile(r"\bphối hợp với\s+(?P<with>[^;:]{1,300}?)\s+(?:thực hiện|triển khai)\s+" + _CITED)


def _roles_cited_in_organisation(root):
    """The lead and coordinators a "Tổ chức thực hiện" point gives, by their numbers, to items of the plan that name
    no body: the lead to every item under a cited "mục N" (or the item "N.M" cited), the coordinators to each item
    cited after "phối hợp với Y thực hiện nhiệm vụ …". Items that name their own lead are left as they are."""
    parts = [n for n in root.children if n.rank <= 1]
    for part in parts:
        if part.special != "organisation":
            continue
        for item in part.children:
            head, colon, rest = item.text.partition(":")
            lead = split_names(head.strip()) if colon and len(head) < 120 else []
            if not lead or not all(_agency_like(n) for n in lead):
                continue
            for m in _CITED_LEAD.finditer(rest):
                for node in _cited_items(parts, m.group("refs"), m.group("part")):
                    for leaf in [node] if not node.children else node.children:
                        if not leaf.attrs.get("lead") and not leaf.children:
                            leaf.attrs["lead"] = list(lead)
            for m in _CITED_HELPER.finditer(rest):
                helpers = split_names(m.group("with"))
                if not helpers or not all(_agency_like(n) for n in helpers):
                    continue
                for node in _cited_items(parts, m.group("refs"), m.group("part")):
                    for leaf in [node] if not node.children else node.children:
                        if leaf.attrs.get("lead") == lead and not leaf.attrs.get("coordinators") and not leaf.children:
                            leaf.attrs["coordinators"] = list(helpers)


def _cited_items(parts, refs, part_number):
    """The items numbered as ``refs`` ("3", "3.1, 3.2 và 3.3") in the plan's parts (the one named "Phần II" when
    given), outside "Tổ chức thực hiện"; a number found in more than one part is not taken."""
    out = []
    for ref in re.split(r"\s*(?:,|và)\s*", refs.strip()):
        ref = ref.strip(" .")
        found = [n for part in parts if part.special != "organisation"
                 and (not part_number or part.number == part_number)
                 for n in _iter(part) if n.number == ref and n.rank >= 2]
        if len(found) == 1:
            out.append(found[0])
    return out


def _stray_dashes(tasks, points):
    """A plan that assigns its work under "Tổ chức thực hiện" (its bodies' headings, their points) and whose other
    parts name a body only in a few dashes of their content ("- Trung tâm X chủ trì điều phối hóa chất …" among
    leadless dashes): those dashes stay content, the points are the tasks (1422/QĐ-TTg's convention, for more than
    its one stray point against eleven)."""
    return bool(tasks) and all(getattr(t, "subject_led", False) for t in tasks) and len(tasks) * 2 <= len(points)


def _leadless_time_only(node, attrs, lead_named):
    """An item of content that gives only when ("a. Thời gian thực hiện: Từ tháng 3 đến tháng 11 hằng năm", "3. Hội
    nghị …" / "- Thời gian: 01 ngày/hội nghị") in a plan that names its tasks' leads elsewhere: no task of its own."""
    return (lead_named and not attrs.get("lead") and not attrs.get("coordinators") and not node.attrs.get("lead")
            and not node.lead_heading)


def _before_the_plan(tf, date):
    """A period or deadline over before the plan was issued ("trong giai đoạn 1974 - 1975" of those it helps, "Hội nghị
    … năm 2024 của Ban Chỉ đạo …" in a plan of 11/2025): history the task cites, not when it is due."""
    last = tf.end or tf.due
    return bool(date and last and tf.kind in ("period", "deadline") and last < date.replace(month=1, day=1))


def _tasks_from_organisation(items, add_task):
    """A plan whose only assignments are "Tổ chức thực hiện" items ("1. Sở Y tế: – Chủ trì tổ chức …; – Phối hợp …"):
    each item's heading is the lead of the points under it (its lettered or dashed items, else its paragraphs)."""
    for section_code, item in items:
        heading, _colon, rest = item.text.partition(":")
        heading = re.sub(r"(?i)^đề nghị\s+", "", heading).rstrip(" :.")
        # "1. Sở Khoa học và Công nghệ (cơ quan thường trực):": its role, not its name (as _heading_lead reads it)
        heading = re.sub(r"\s*\([^()]*\)$", "", heading) if not heading.startswith("(") else heading
        lead = split_names(heading)
        whole = item.text.strip(" :.")
        members = split_names(whole) if _colon and rest.strip(" .;") else []
        if (len(members) > 1 and all(_agency_like(n) for n in members)
                and _cut_at_verb(whole, verbs_only=True) == whole):
            # "4. Các Bộ: Công Thương, Giao thông vận tải, Xây dựng" (over two lines on a PDF page): the group noun
            # and its members, each a lead of the points under it; no task of its own after the colon
            lead, rest = members, ""
        if (not item.children and not item.body and not rest.strip(" .;")
                and not _enforces_this_document(re.split(r"(?<=\.)\s+", item.text)[0])):
            own = _subject_paragraph(item.text)
            asked = re.match(r"(?i)^(?:đề nghị|giao)\s+", item.text)
            if not own.get("lead") and asked:
                # "2. Đề nghị Ủy ban MTTQ tỉnh và các đoàn thể tuyên truyền …": whom the plan asks does it
                own = _subject_paragraph(item.text[asked.end():])
            if own.get("lead"):  # "3. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với … hướng dẫn …": its subject's task
                add_task(item.number, item.text, section_code, own)
            continue
        if not lead or not all(_STARTER_RE.match(n) or group_keys(n) for n in lead):
            continue
        points = []
        for c in item.children:
            own = _heading_lead(c.text) if c.text.rstrip().endswith(":") else []
            dashes = [b for b in c.body if _BULLET.match(b)]
            if own and (dashes or c.children):
                # "1. Các sở, ban, ngành" / "a) Sở Y tế:" / "- Xây dựng …": a member's heading, its dashes its tasks
                points += [(d.number if d.rank == 5 else "", d.text, d.body, own) for d in c.children]
                points += [("", _BULLET.sub("", b), [], own) for b in dashes]
            else:
                points.append((c.number if c.rank == 5 else "", c.text, c.body, lead))
        points += [("", _BULLET.sub("", b), [], lead) for b in item.body if _BULLET.match(b)]
        if rest.strip(" .;"):
            points.insert(0, ("", rest.strip(), [], lead))
        if not points:
            points = [("", b, [], lead) for b in item.body]
        for number, text, body, point_lead in points:
            attrs = {"lead": point_lead}
            prose = _point_attrs(text)  # "Chủ trì, phối hợp với X …", "Phối hợp với X …"
            if prose.get("coordinators"):
                attrs["coordinators"] = prose["coordinators"]
            if prose.get("time"):
                attrs["time"] = prose["time"]
            add_task(f"{item.number}.{number}" if number else "", text, section_code, attrs, body)


def _flat(node):
    parts = [f"{node.number}) {node.text}" if node.rank == 5 else (f"- {node.text}" if node.rank == 6 else f"{node.number}. {node.text}")]
    parts += node.body
    parts += [_flat(c) for c in node.children]
    return "\n".join(parts)


def _special_text(plan, node):
    text = "\n\n".join(node.body)
    if node.special == "funding" and not plan.funding:
        plan.funding = "\n\n".join(node.body + [_flat(c) for c in node.children])
    if node.special == "purpose":
        for c in node.children:
            fc = fold(c.text)
            ctext = "\n\n".join(c.body)
            if "muc dich" in fc or "muc tieu" in fc:
                plan.purpose = plan.purpose or ctext
            elif "yeu cau" in fc:
                plan.requirements = plan.requirements or ctext
        if not node.children:
            plan.purpose = plan.purpose or text


def _unique_numbers(tasks):
    """Tasks keep their own numbers where those are unique; repeated ones are qualified by their section ("II.1.a"),
    unnumbered ones numbered in order."""
    counts = {}
    for t in tasks:
        counts[t.number] = counts.get(t.number, 0) + 1
    seen = set()
    per_section = {}
    for t in tasks:
        n = (t.number or "").strip(" .)")
        if not n or n == "-" or counts.get(t.number, 0) > 1 or re.fullmatch(r"[a-zđ]", n):
            per_section[t.section] = per_section.get(t.section, 0) + 1
            own = n if n and n != "-" else str(per_section[t.section])
            n = f"{t.section}.{own}" if t.section else own
        base, k = n, 2
        while n in seen:
            n, k = f"{base}-{k}", k + 1
        seen.add(n)
        t.number = n


_QUANTITY = re.compile(r"^(\d{1,4})\s+([^/,;.()]+?)\s*(?:/\s*(?:01|1)?\s*(năm|lớp|khóa|quý|tháng))?(?=$|[\s,;.(]|\s+hoặc)", re.I)


def _read_target(task, text):
    task.target_text = text.strip(" .;")
    m = re.match(r"^(\d{1,4})\s+(.+?)\s*/\s*(?:0?1\s*)?năm\b", task.target_text, re.I)
    if m:
        task.target_quantity, task.target_unit, task.target_per_year = int(m.group(1)), m.group(2).strip(), True
        if task.timeframe.kind == "none":
            task.timeframe = Timeframe("", "annual")
        return
    m = _QUANTITY.match(task.target_text)
    if m:
        task.target_quantity, task.target_unit = int(m.group(1)), m.group(2).strip()


# --- reporting and the closing ------------------------------------------------------------------------------------


def _read_reporting(plan, root):
    candidates = []
    for node in _iter(root):
        if node.special == "reporting" and node.rank <= 1:
            candidates = [p for p in node.body if "báo cáo" in p.lower()] or node.body
            rest = node.body[len(candidates[:1]):] if candidates else []
            plan.closing_text = "\n\n".join(p for p in rest if p not in candidates[:1])
            break
    in_tasks = []  # said inside a task that names its own lead ("- … báo cáo … gửi Bộ X trước ngày 10/12/2027"): its work
    if not candidates:
        for node in _iter(root):
            for p in node.body:
                fp = fold(p)
                if "bao cao" in fp and re.search(r"dinh ky|truoc ngay|hang nam|hang nam|6 thang|hang quy|hang thang", fp):
                    (in_tasks if _led_work(node) else candidates).append(p)
    if not candidates:
        # "III. Tổ chức thực hiện" / "2. Định kỳ trước ngày 15 tháng 12 hằng năm, các bộ … gửi Bộ X kết quả thực hiện
        # để tổng hợp, báo cáo …": the rule stated as an item of the organisation part
        for node in _iter(root):
            fp = fold(node.text)
            # (or a letter's numbered point, its tasks in an appendix: "3. Các cơ quan, đơn vị báo cáo … định kỳ hằng
            # tháng (trước ngày 20) về Sở X …")
            if node.special == "closing" and _report_clause(node.text):
                # "9. Giao X là đầu mối theo dõi, tổng hợp …; định kỳ hằng tháng, … báo cáo … về Sở Y": the follow-up
                # point's report clause
                candidates.append(_report_clause(node.text))
                continue
            if ((node.special == "organisation" or (node.parent is root and not node.special and not _led_work(node)
                                                    and _reports_to_a_body(node.text)))
                    and node.rank >= 2 and re.search(r"\bbao cao\b|\bket qua thuc hien\b", fp)
                    and (re.search(r"dinh ky|hang nam|6 thang|hang quy|hang thang", fp) or _yearly_results_report(fp))
                    and (re.search(r"\bgui\b", fp) or re.match(r"^(?:che do|thong tin)(?:,? bao cao)?\s*:", fp)
                         or _reports_to_a_body(node.text))):
                # (or "2. Chế độ báo cáo: Định kỳ hằng năm, … báo cáo kết quả về Sở X": the item named for the rule;
                # or "2. Định kỳ hằng năm, các cơ quan báo cáo kết quả … về Sở X trước ngày 05/12": whom it goes to)
                candidates.append(node.text)
    if not candidates:
        candidates = in_tasks  # none stated elsewhere: the report a task sends is the rule
    if not candidates:
        # "- Chỉ đạo thực hiện …; định kỳ hàng năm có báo cáo kết quả thực hiện gửi Bộ X để tổng hợp …": a yearly
        # report asked in a task's last clause
        for node in _iter(root):
            last = re.split(r";\s*", node.text.rstrip(" .;"))[-1]
            fl = fold(last)
            asked = re.match(r"^\s*(?:[-–+•]\s*)?(?:dinh ky\s+)?hang nam\s+(?:co\s+)?bao cao\b", fl)
            # "… gửi Bộ X …", or "Định kỳ hàng năm báo cáo Ủy ban nhân dân tỉnh …": whom it reports to named
            if asked and (re.search(r"\bgui\b", fl) or _STARTER_RE.match(last[asked.end():].strip())):
                candidates.append(last)
    if not candidates:
        candidates = _daily_reports(root)
    if not candidates:
        # "Các sở, ngành báo cáo đột xuất … về Sở X khi có yêu cầu": the only rule stated has no period (period
        # other), the sentence that says whom the report goes to
        candidates = [sentence for node in [root, *_iter(root)] for p in [node.text, *node.body]
                      for sentence in re.split(r"(?<=\.)\s+", p or "")
                      if re.search(r"\bbao cao\b.*\b(?:dot xuat|khi co yeu cau)\b", fold(sentence))
                      and _reports_to_a_body(sentence)][:1]
    if not candidates:
        return
    # a rule that names its period ("- Báo cáo 6 tháng: … trước ngày 05/7") before one that only says "định kỳ"
    named = [p for p in candidates if re.search(r"6 thang|hang nam|hang quy|hang thang|bao cao nam|truoc ngay", fold(p))]
    text = (named or candidates)[0]
    rep = plan.reporting
    rep.text = text
    f = fold(text)
    if re.search(r"hang thang|hang thang|moi thang|dinh ky thang", f):
        rep.period = "monthly"
    elif re.search(r"hang quy|hang quy|moi quy|dinh ky quy", f) or _QUARTERLY.search(f):
        rep.period = "quarterly"
    elif re.search(r"6 thang|sau thang|nua nam|6 thang,? (va )?(ca )?nam", f):
        rep.period = "semiannual"
    elif re.search(r"hang nam|hang nam|moi nam|dinh ky nam|truoc ngay \d+ thang \d+\b(?! nam)|truoc ngay \d+/\d+\b(?!/)", f):
        rep.period = "yearly"
    elif _yearly_results_report(f):
        rep.period = "yearly"
    else:
        rep.period = "other"
    m = re.search(r"truoc ngay\s+(\d{1,2})\s*(?:thang\s+|/)\s*(\d{1,2})", f) or re.search(r"ngay\s+(\d{1,2})\s*(?:thang\s+|/)\s*(\d{1,2})", f)
    if m and rep.period in ("yearly", "semiannual", "other"):
        rep.due_day, rep.due_month = int(m.group(1)), int(m.group(2))
    else:
        m = re.search(r"truoc ngay\s+(\d{1,2})\b", f)
        if m:
            rep.due_day = int(m.group(1))
    m = re.search(r"\b(gui (ve )?)(.+?)(?=\s+(de\s+)?tong hop|\s+truoc ngay|[.;(]|$)", f)
    if m:
        start = m.start(3)
        written = text[start:start + len(m.group(3))]
        rep.to = [n for n in split_names(written) if _STARTER_RE.match(n)]
        after = text[m.end(3):]
        om = re.search(r"(?i)tổng hợp,?\s*báo cáo\s+(.+?)(?:\s+theo quy định|[.;]|$)", after)
        if om:
            rep.onward = om.group(1).strip(" ,.")
    m = re.search(r"(?i)\bbáo cáo\s+(.+?)(?=\s+(?:hoặc|và|để|theo|trước)\s|[.;,(]|$)", text)
    if not rep.to and m and _STARTER_RE.match(m.group(1)):
        rep.to = split_names(m.group(1))  # "Định kỳ hàng năm báo cáo Ủy ban nhân dân tỉnh hoặc đột xuất …"
    if not rep.to:
        # "… báo cáo tình hình thực hiện trước ngày 20 hằng tháng về Sở Tài chính": "về" and an agency (not "báo
        # cáo về tình hình …": what it is about)
        for m in re.finditer(r"\bve\s+", f):
            written = re.split(r"\s+(?:để|trước|theo|hoặc|khi)\s|[.;(]", text[m.end():])[0]
            if _STARTER_RE.match(written):
                rep.to = [n for n in split_names(written) if _STARTER_RE.match(n)]
                break
    m = re.search(r"\(qua ([^)]+)\)", text)
    if not rep.to and m:
        # "… (qua Sở X)" with no body named before it: the office it goes through is all the rule names ("… về Công
        # an tỉnh (qua Phòng …)" is to Công an tỉnh, read above)
        rep.to = split_names(m.group(1))


def _yearly_results_report(f):
    """Round 38: "… báo cáo kết quả thực hiện năm 2027 về Sở X … trước ngày 30/11/2027" (folded): the year's results
    reported by a date, a yearly rule though no "hằng năm" says so."""
    return re.search(r"\bbao cao\b[^.;]{0,40}?\bket qua\b[^.;]{0,40}?\bnam \d{4}\b[^.;]{0,200}?"
                     r"\btruoc ngay \d{1,2}(?:/| thang )\d{1,2}\b", f) is not None


def _reports_to_a_body(text):
    """"… các cơ quan … báo cáo kết quả về Sở X (qua …) …": a report sent to a body, said with "về" (to) where
    others say "gửi" (send)."""
    text = " ".join(text.split())
    for m in re.finditer(r"\bbao cao\b[^.;]*?\bve\s+", fold(text)):
        written = text[m.end():]
        if _STARTER_RE.match(written) or known_end(written) is not None:
            return True
    return False


def _led_work(node):
    """A node that is (or is inside) a task naming its own lead, outside the follow-up parts ("Tổ chức thực hiện",
    "Chế độ báo cáo"): what its paragraphs say is that task's work, not the plan's reporting rule."""
    if node.special in ("organisation", "reporting"):
        return False
    while node is not None:
        if node.attrs.get("lead"):
            return True
        node = node.parent
    return False


# a quarterly rule said without "hằng quý": "báo cáo kết quả thực hiện theo quý, gửi về …", "… trước ngày 25 của tháng
# cuối quý" (not "theo quy định")
_QUARTERLY = re.compile(r"\btheo quy(?=\s*(?:[,.;)]|va\b|$))|\bthang cuoi (?:moi )?quy\b")


def _daily_reports(root):
    """A daily report sent to a body ("- Báo cáo tổng hợp hằng ngày gửi UBND tỉnh, Ban Chỉ huy …"), where the plan
    states no periodic rule: the reporting rule, its period "other" (not "báo cáo nhanh hằng ngày" with no recipient)."""
    return [p for node in _iter(root) for p in node.body
            if re.search(r"\bbao cao\b[^.;]*\bhang ngay\b[^.;]*\bgui\s+(?:ve\s+)?\S", fold(p))
            and _STARTER_RE.match(re.split(r"(?i)\bgửi\s+(?:về\s+)?", p, maxsplit=1)[-1])]


def _without_reporting_task(plan):
    """The sentence read as the reporting rule ("Hàng năm, các bộ, ngành … báo cáo kết quả thực hiện về Bộ X tổng hợp,
    báo cáo …") is that rule only, not a task as well."""
    rule = fold(_BULLET.sub("", plan.reporting.text)).strip(" ./")
    if not rule:
        return
    # (only a sentence whose own subject is not the task's lead: the bodies it names report, whoever the heading above
    # it named; a heading's own yearly-report point, "đ) Định kỳ hằng năm báo cáo …", stays its task)
    subject = _subject_lead(re.sub(r"^[^,]{0,40},\s*", "", _BULLET.sub("", plan.reporting.text)))
    plan.tasks = [t for t in plan.tasks if fold(t.title).strip(" ./") != rule or not subject
                  or {fold(n) for n in subject} & {fold(n) for n in t.lead}]


def _iter(node):
    for c in node.children:
        yield c
        yield from _iter(c)


def _read_tail(plan, tail):
    recipients, rest = [], []
    for line in tail[1:]:
        if _BULLET.match(line) or line.startswith(" "):
            recipients.append(line)
        else:
            rest.append(line)
    plan.recipients_text = "\n".join(recipients)
    capacity = [ln for ln in rest if ln.isupper()]
    names = [ln for ln in rest if not ln.isupper() and len(ln.split()) <= 5 and not re.search(r"\d", ln)]
    plan.signer_capacity = "\n".join(capacity)
    plan.signer_name = names[-1] if names else ""


def parse_document(name, data, known=None):
    """The document's bytes → ParsedPlan (``readers.DocumentError`` when unreadable). ``known``: as ``parse_blocks``'s
    (the admin's import and ``import_plan`` pass ``matching.known_names``)."""
    from .readers import DocumentError, read_blocks

    blocks = read_blocks(name, data)
    try:
        return parse_blocks(blocks, known)
    except RecursionError as e:  # a structure nested past what any reading expects: a message, not a server error
        raise DocumentError(gettext("Không đọc được văn bản: cấu trúc lồng nhau quá sâu.")) from e
