"""A task's timeframe as written ("Hoàn thành trước tháng 12/2024") → its kind and dates (DESIGN.md "Timeframes").

``read_timeframe(text)`` returns a ``Timeframe``: the words kept verbatim, the kind in the app's terms
(``tasks.Task.Timeframe``: ongoing, annual, annual_on_request, period, deadline, budget_cycle) or "other"/"none", and
the dates. ``json_kind`` maps it onto the six kinds of ``import_plan --json``. Pure Python, no database."""

import calendar
import datetime
import re
from dataclasses import dataclass

from plan_tracker.text import fold

ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass
class Timeframe:
    text: str
    kind: str  # ongoing | annual | annual_on_request | period | deadline | budget_cycle | other | none
    start: datetime.date | None = None
    end: datetime.date | None = None
    due: datetime.date | None = None

    @property
    def json_kind(self):
        return {"annual_on_request": "annual", "budget_cycle": "annual"}.get(self.kind, self.kind)


def _month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _before_month(year, month):
    """"Trước tháng 12/2024" is due on the last day of November (DESIGN.md)."""
    if month == 1:
        return datetime.date(year - 1, 12, 31)
    return _month_end(year, month - 1)


def _date(day, month, year):
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


YEAR = r"((?:19|20)\d\d)"
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*" + YEAR + r"(?!\d)")
_DATE_WORDS = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+(?:nam\s+)?" + YEAR)
_MONTH = re.compile(r"thang\s+(\d{1,2})\s*(?:/|-|nam)\s*" + YEAR)
_MONTH_BARE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*" + YEAR + r"(?![\d/])")
_QUARTER = re.compile(r"quy\s+(iv|iii|ii|i|[1-4])\s*(?:/|-|nam|,)?\s*(?:nam\s+)?" + YEAR)
_HALF = re.compile(r"6 thang (dau|cuoi) nam\s*" + YEAR)
_PERIOD = re.compile(YEAR + r"\s*(?:-|–|—|den|đen|toi)\s*(?:nam\s+)?" + YEAR)
_YEAR = re.compile(r"(?<![\d/])" + YEAR + r"(?![\d/])")
YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_ANY = re.compile(r"(?<!\d)" + YEAR + r"(?!\d)")
_QUARTERS = re.compile(r"quy\s+((?:iv|iii|ii|i|[1-4])(?:\s*,\s*(?:iv|iii|ii|i|[1-4]))+)\s*(?:/|-|nam)\s*(?:nam\s+)?" + YEAR)


_DOC = r"(?:luat|bo luat|nghi dinh|nghi quyet|quyet dinh|thong tu|chi thi|ke hoach|cong van|van ban|chuong trinh|ket luan|de an)"
_REFERENCES = [
    # a document's number: "180/2026/NĐ-CP", "số 54/2024/QH15", "1422/QĐ-TTg", "104-CTr/TU"
    re.compile(r"\b(?:so\s+)?\d+\s*(?:/\s*(?:19|20)\d\d)?\s*/\s*[a-z]+(?:[-.][a-z0-9]+)*\b"),
    # its date: "Quyết định số …/QĐ-… ngày 19/11/2024", "ngày 21 tháng 5 năm 2026 của Chính phủ"
    re.compile(r"\b" + _DOC + r"\b[^,;]{0,80}?\bngay\s+\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*|\s+thang\s+\d{1,2}\s+nam\s+)"
               r"(?:19|20)\d\d"),
    # a law named by its year: "Luật Địa chất và khoáng sản năm 2024" (not "Luật … trong năm 2026")
    re.compile(r"\b(?:bo )?luat\b(?:(?!\b(?:trong|hoan thanh|xong|truoc|den|tu)\b)[^,;]){0,80}?\bnam\s+(?:19|20)\d\d"),
]


def _without_references(f):
    """``f`` with the documents it cites taken out ("theo Luật … năm 2024, hoàn thành năm 2026" → "theo , hoàn thành
    năm 2026"): their numbers, dates and years are not the timeframe's."""
    for pattern in _REFERENCES:
        f = pattern.sub(" ", f)
    return " ".join(f.split())


# round 34: a comma inside the name of the document whose schedule is followed ("theo Kế hoạch thanh tra, giám sát năm
# 2027"): lower-case words that are no time after it, up to the name's year
_NAME_GOES_ON = (r"(?:(?!truoc|hoan thanh|xong|cham nhat|trong|hang|thuong xuyen|nam|quy|thang|den|tu)[a-z]+\s+){1,6}"
                 r"nam\s+(?:19|20)\d\d")


def _budget_cycle(f):
    """The yearly budget's cycle ("theo kế hoạch xây dựng dự toán hằng năm", "dự toán ngân sách hàng năm"); not the
    budget as assigned with no rhythm named ("Theo dự toán ngân sách được giao": other, round 37)."""
    if not re.search(r"du toan", f):
        return False
    return bool(re.search(r"hang nam", f)
                or (re.search(r"ngan sach", f) and not re.search(r"\bduoc (?:giao|phan bo)\b", f)))


def read_timeframe(text):
    """The timeframe of ``text`` (verbatim, stripped of a trailing full stop or semicolon)."""
    raw = " ".join((text or "").split()).rstrip(" .;,")
    f = fold(raw).replace("–", "-").replace("—", "-")
    if not f:
        return Timeframe(raw, "none")
    f = _without_references(f) or f
    if (re.match(r"theo\b", f) and YEAR_IN.search(f)
            and not re.search(r"[,;](?!\s*" + _NAME_GOES_ON + r")"
                              r"|\b(truoc|hoan thanh|xong|cham nhat|trong|hang|thuong xuyen)\b", f)):
        # "Theo Chương trình công tác năm 2027 của tỉnh": another document's schedule, its year no deadline
        return Timeframe(raw, "other")
    m = re.fullmatch(r"(.*\d.*?)\s+va\s+((?:duy tri|thuc hien|tiep tuc)\s+)?((?:hang|hàng) (?:nam|quy|thang)|thuong xuyen"
                     r"|lien tuc)\b(.*)", f.replace("hằng", "hang"))
    if m and YEAR_IN.search(m.group(1)):
        # "Quý III/2027 và hằng năm": done by the date, then kept up; the kind is the recurring part's
        return Timeframe(raw, read_timeframe(m.group(3) + m.group(4)).kind)
    before = bool(re.search(r"\b(truoc|cham nhat|xong truoc|khong muon hon|han)\b", f))
    m = re.fullmatch(r"(?:thang\s+)?(\d{1,2})\s*-\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)", f)
    if m and 1 <= int(m.group(1)) < int(m.group(2)) <= 12:
        # "10-11/2019", "01-4/2021" (a schedule's column): a range of months, not the day 10 of November
        year = int(m.group(3))
        return Timeframe(raw, "period", start=datetime.date(year, int(m.group(1)), 1),
                         end=_month_end(year, int(m.group(2))))

    m = _DATE.search(f) or _DATE_WORDS.search(f)
    if m:
        due = _date(*m.groups())
        if due:
            return Timeframe(raw, "deadline", due=due)
    years = sorted({int(y) for y in _YEAR_ANY.findall(f)})
    if len(years) >= 2 and not re.search(r"tu nam|cac nam tiep theo|tro di", f):
        # "Quý IV/2026, 2027": work that runs from one year into a later one
        return Timeframe(raw, "period", start=datetime.date(years[0], 1, 1), end=datetime.date(years[-1], 12, 31))
    m = _QUARTERS.search(f)
    if m:  # "Quý II, III/2026": due at the end of the last quarter named
        q, year = ROMAN_QUARTERS[re.split(r"\s*,\s*", m.group(1))[-1]], int(m.group(2))
        return Timeframe(raw, "deadline", due=_month_end(year, 3 * q))
    m = _QUARTER.search(f)
    if m:
        q, year = ROMAN_QUARTERS[m.group(1)], int(m.group(2))
        month = 3 * q
        due = _before_month(year, month - 2) if before and re.search(r"truoc\s+quy", f) else _month_end(year, month)
        return Timeframe(raw, "deadline", due=due)
    m = _HALF.search(f)
    if m:
        year = int(m.group(2))
        return Timeframe(raw, "deadline", due=_month_end(year, 6 if m.group(1) == "dau" else 12))
    m = _MONTH.search(f) or _MONTH_BARE.search(f)
    if m:
        month, year = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            if re.search(r"truoc\s+thang", f) or re.search(r"truoc\s+\d", f):
                return Timeframe(raw, "deadline", due=_before_month(year, month))
            return Timeframe(raw, "deadline", due=_month_end(year, month))
    m = _PERIOD.search(f)
    if m and int(m.group(1)) < int(m.group(2)):
        return Timeframe(raw, "period", start=datetime.date(int(m.group(1)), 1, 1),
                         end=datetime.date(int(m.group(2)), 12, 31))
    if _budget_cycle(f):
        return Timeframe(raw, "budget_cycle")
    yearly = re.search(r"\b(hang|hang) nam\b|\bhang nam\b|\bmoi nam\b|\bhan nam\b", f.replace("hằng", "hang"))
    if yearly:
        if re.search(r"dot xuat|khi co yeu cau|theo yeu cau", f):
            return Timeframe(raw, "annual_on_request")
        return Timeframe(raw, "annual")
    if re.search(r"thuong xuyen|lien tuc|hang thang|hang quy|dinh ky|ca nhiem ky", f):
        return Timeframe(raw, "ongoing")
    m = _YEAR.search(f)
    if m:
        year = int(m.group(1))
        if re.search(r"tu nam|cac nam tiep theo|nhung nam tiep theo|tro di", f):
            return Timeframe(raw, "ongoing")
        return Timeframe(raw, "deadline", due=datetime.date(year, 12, 31))
    return Timeframe(raw, "other")
