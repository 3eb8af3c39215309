"""Task tables laid out one cell line per line: what a PDF's text layer gives for a table drawn in narrow columns
(the Công báo's appendices: "TT" / "Tên nhiệm vụ" / "Cơ quan" / "chủ trì" / … then each row as its number on a line,
its title's lines, its lead's lines, its coordinators' lines, its product's, its time's, with nothing between cells).

``pipe_tables(text)`` finds such a table by its header (column names over consecutive short lines, each name over one
line or more, in any order or subset: the order read from it), drops what a page break puts inside it (the running
head "CÔNG BÁO/Số …" and the page number, the header repeated, the footnotes at the page's foot) and writes each row
as a "| a | b |" row, the header row first, for ``readers.blocks_from_text``'s table rows (as ``spacetable`` does for
tables in columns of spaces): the parser's table code reads them as it reads every other table.

A row starts at a line that is only a number ("1", "1.1", "2.", "I", "IV.") following the row before ("2" after "1",
"1.1" after "1", "1" after "I"), or a number and words parted by a run of spaces ("7  Đề án …"). Its lines are
parted into cells by what they are: a line may end a cell unless it ends inside a list or a phrase (a comma, "và",
"của", "các" …, an open bracket or quote); the cells are then given to the columns in their order (a monotone
alignment, by dynamic programming) by a score per cell and column: names the importer knows (``bodies``) or that
start as bodies' names (``names._STARTER_RE``) in a lead or coordinators column, a timeframe (``timeframes``) in the
time column, a document cited in a "Căn cứ" column, anything in the title and product columns. Two cells on one line
(parted by a run of spaces) are two cells. A row's cells after its last column that name its bodies again (a second
sub-row: the same lead, a second product, a later time) add their names; its time is the first. A row broken by a
page break goes on after it from its title column: each column's words go on the cell above (its title is kept as
it reads up to the break). A row whose only cell is its title (a group's row "I", "II") is a section row.

Round 35 made it general on made-up tables: a coordinators' cell may list its bodies one a line without commas (a
name ends at a known name, a group's kind, a closed bracket or a proper word; a lead's names so listed are the lead and
then the coordinators); lettered group rows ("A", "B") head Roman ones and rows number on across group rows; a header
of two levels ("Cơ quan thực hiện" over "Chủ trì" / "Phối hợp") or in capitals is read.

A task given as one row in labelled, numbered lines ("1. Tên nhiệm vụ: …" / "2. Cơ quan chủ trì: …" / … / "5. Thời
gian hoàn thành: …", each label a column's name) is written as a one-row table too."""

import functools
import re

from plan_tracker.text import fold

from .bodies import is_known, known_spans
from .names import _STARTER_RE
from .timeframes import read_timeframe

# --- the header ---------------------------------------------------------------------------------------------------

_EXTRA_COLUMNS = [
    ("basis", re.compile(r"^can cu")),  # "Căn cứ bổ sung", "Căn cứ": the document that asks for the task
    ("other", re.compile(r"kinh phi|nguon von|du toan")),
]
_NUMBER_NAME = re.compile(r"^(s?tt|so tt|so thu tu)$")


def _column_names():
    from .parser import _COLUMNS  # the parser's column names: one list for every table reader

    return _COLUMNS


def _column_key(text):
    name = fold(text).strip(" .:")
    if _NUMBER_NAME.match(name):
        return "number"
    for key, pattern in _EXTRA_COLUMNS:
        if pattern.search(name):
            return key
    for key, pattern in _column_names():
        if key != "number" and pattern.search(name):
            if key == "title" and re.search(r"chu tri|phoi hop|thoi gian", name):
                continue
            return key
    return None


_RUN = re.compile(r"\s{2,}")


def _pieces(line):
    """A line's cells: the words parted by runs of two spaces or more ("cơ quan ngang bộ  Bộ Tư pháp")."""
    return [p for p in _RUN.split(line.strip()) if p]


# the words a column's name opens with: in a header in capitals a line opening so starts a name
_HEADER_OPENS = re.compile(r"^(?:co quan|don vi|thoi gian|thoi han|tien do|san pham|ket qua|ghi chu|noi dung|"
                           r"nhiem vu|ten|chu tri|phoi hop|can cu|kinh phi|s?tt)\b")


def _capitals_go_on(cell, piece):
    """In a header in capitals ("CƠ QUAN" / "CHỦ TRÌ", "THỜI GIAN" / "HOÀN THÀNH", "KẾT QUẢ" / "ĐẦU RA") a line goes on
    the name above when that is no column's name yet, or when it opens no name of its own (round 35)."""
    if not (cell.isupper() and piece.isupper()):
        return False
    return _column_key(cell) is None or not _HEADER_OPENS.match(fold(piece))


def _header_cells(lines, i):
    """The header's cells read from line ``i`` on: (cells, end) or None. A cell starts at a capital ("Cơ quan") and
    goes on over lines in lower case or in brackets ("chủ trì", "(Sản phẩm)"); the header ends before a row's
    number."""
    cells, j = [], i
    while j < len(lines) and j - i < 30:
        line = lines[j].strip()
        if not line:
            j += 1
            continue
        if _MARKER.match(line) or _MARKED.match(line) and cells:
            break
        pieces = _pieces(line)
        if any(len(p) > 40 for p in pieces):
            break
        for p in pieces:
            goes_on = cells and ((p[:1].islower() or p[:1] in "(/&-") and not (
                _column_key(cells[-1]) and not _column_key(f"{cells[-1]} {p}")) or _capitals_go_on(cells[-1], p))
            if goes_on:
                cells[-1] = f"{cells[-1]} {p}"
            else:
                cells.append(p)
        j += 1
    cells = _spanning_roles(cells)
    keys = [_column_key(c) for c in cells]
    named = [k for k in keys if k]
    if (len(named) < 3 or "lead" not in named or not ({"title", "number"} & set(named))
            or len(set(named)) != len(named) or sum(k is None for k in keys) > 2):
        return None
    return cells, j


_SPANNING = re.compile(r"^(?:co quan|don vi)(?:,? (?:co quan|don vi))? (?:thuc hien|chiu trach nhiem)$")


def _spanning_roles(cells):
    """A header of two levels ("Cơ quan thực hiện" over "Chủ trì" / "Phối hợp"): the text gives the top level's
    cells first, the sub-header's after them (after "Thời gian hoàn thành" too); the sub-header's two cells take the
    spanning cell's place (round 35)."""
    span = next((k for k, c in enumerate(cells) if _SPANNING.match(fold(c).strip(" .:"))), None)
    if span is None:
        return cells
    subs = [k for k in range(span + 1, len(cells))
            if _column_key(cells[k]) in ("lead", "coordinators") and len(fold(cells[k]).split()) <= 4]
    if sorted(_column_key(cells[k]) for k in subs) != ["coordinators", "lead"]:
        return cells
    rest = [c for k, c in enumerate(cells) if k != span and k not in subs]
    return rest[:span] + [cells[k] for k in subs] + rest[span:]


# --- page furniture -------------------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^[-–]?\s*\d{1,4}\s*[-–]?$")


def _running_heads(lines):
    """Lines that head a page: the same line twice or more, each time followed by a page's number ("CÔNG BÁO/Số 238/
    Ngày 21-04-2026" / "95")."""
    seen = {}
    for n, line in enumerate(lines[:-1]):
        s = line.strip()
        if len(s) >= 8 and not _MARKER.match(s) and _PAGE_NUMBER.match(lines[n + 1].strip()):
            seen[s] = seen.get(s, 0) + 1
    return {s for s, count in seen.items() if count >= 2}


# --- a row's number -------------------------------------------------------------------------------------------------

# (a lone capital A–H: a lettered group row over Roman ones, "A" / "NHIỆM VỤ CHUNG", round 35)
_MARKER = re.compile(r"^(\d{1,3}(?:\.\d{1,2})*|[IVXL]{1,5}|[A-H])\.?$")
_MARKED = re.compile(r"^(\d{1,3}(?:\.\d{1,2})*|[IVXL]{1,5}|[A-H])\.?\s{2,}(\S.*)$")
# a row's number and its title's first words parted by one space ("1.1 Nghiên cứu …", "II. Phát triển …")
_NUMBERED = re.compile(r"^(\d{1,3}(?:\.\d{1,2})*\.?|[IVXL]{1,5}\.)\s(?=[A-ZĐ“\"(])(.*)$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_LETTER = re.compile(r"[A-H]")


def _roman(s):
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def _follows(number, last):
    """Whether ``number`` can be the row after ``last`` (a dict: the last letter, Roman and decimal numbers)."""
    if _LETTER.fullmatch(number):
        return ord(number) - ord("A") == last.get("letter", -1) + 1
    if re.fullmatch(r"[IVXL]+", number):
        return _roman(number) == last["roman"] + 1 and _roman(number) > 0
    parts = tuple(int(p) for p in number.split("."))
    prev = last["decimal"]
    if not prev:
        return parts in ((1,), (1, 1)) or parts in _next_numbers(last.get("carried", ()))
    return parts in _next_numbers(prev) | {prev + (1,)}


def _next_numbers(prev):
    """The numbers that go on from ``prev`` at one of its levels ("1.3" → "1.4", "2")."""
    return {prev[:k] + (prev[k] + 1,) for k in range(len(prev))}


def _advance(number, last):
    if _LETTER.fullmatch(number):
        # a lettered group row: the Roman groups under it number anew, the rows as under a Roman one
        last["carried"] = last["decimal"] or last.get("carried", ())
        last["letter"], last["roman"], last["decimal"] = ord(number) - ord("A"), 0, ()
    elif re.fullmatch(r"[IVXL]+", number):
        # a Roman group row: the rows under it number anew from 1, or on from the rows before it (round 35)
        last["carried"] = last["decimal"] or last.get("carried", ())
        last["roman"], last["decimal"] = _roman(number), ()
    else:
        last["decimal"] = tuple(int(p) for p in number.split("."))


# --- a cell's words --------------------------------------------------------------------------------------------------

# a line ending so goes on in the next one: a list's comma, a phrase's word that ends nothing
_GOES_ON = re.compile(r"(?:[,;\-–/(“\"]|\b(?:và|của|về|với|theo|các|cho|trong|tại|đến|để|từ|trên|những|hoặc|gồm|thuộc|"
                      r"giữa|đối|qua|bằng|được|có|sự|nhằm|ngày|là|ở|do|vào|trình|Các|Bộ|Ủy|Sở|Ban|Cơ|Đài|UBND|Tháng|tháng|Quý|quý|Năm))$")


_NAME_GOES_ON = re.compile(r"(?:^|\s)[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]"
                           r"[a-zà-ỹđ]+$")  # a line ending in a capitalised word: a proper name may go on


def _may_end(text):
    t = text.rstrip()
    if _GOES_ON.search(t):
        return False
    if t.count("(") > t.count(")") or t.count("“") > t.count("”") or t.count('"') % 2:
        return False
    return True


def _join(a, b):
    if not a:
        return b
    if not b:
        return a
    return f"{a} {b}"




def _join_names(a, b):
    """A names cell going on: a name ended ("Bộ Tư pháp (đối với …)", a known name) and a new one starting ("Bộ Tài
    chính …") are two, parted by a comma."""
    if not a or not b:
        return a or b
    if not a.rstrip().endswith((",", ";")) and _STARTER_RE.match(b) and _whole_name(a):
        return f"{a.rstrip()}, {b}"
    return f"{a} {b}"


_KINDS = (r"(?:bộ|ngành|sở|ban|cơ quan(?: ngang bộ)?|địa phương|đơn vị|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|"
          r"doanh nghiệp|tổ chức|đoàn thể|hội|hiệp hội|tập đoàn|viện|trường|cấp)")
# (a group named by its level ends a name too: "Các bộ, cơ quan trung ương", "các cơ quan ở trung ương", round 35)
_GROUP_END = re.compile(r"(?i)\b" + _KINDS + r"(?:\s+(?:có\s+)?liên quan|\s+trực thuộc trung ương|\s+nhân dân|"
                        r"\s+(?:ở\s+)?trung ương)?$")


def _ends_group(text):
    """Whether the names end with a group's kind ("Các bộ, cơ quan ngang bộ", "các Bộ, ngành liên quan")."""
    return bool(_GROUP_END.search(text.rstrip(" .;,")))


def _whole_name(text):
    """Whether a names cell's words so far end a name: a role in brackets closed, a known name, a group's kind ("UBND
    các xã, phường"), a proper name ("… Việt Nam", "… tỉnh Khánh Hòa", initials) where a next line opening a name
    starts another (round 35)."""
    return text.rstrip().endswith(")") or _ends_known(text) or _ends_group(text) or _ends_proper(text)


def _ends_proper(text):
    t = text.rstrip(" .;,")
    return _may_end(t) and bool(_NAME_GOES_ON.search(t) or re.search(r"(?:^|\s)[A-ZĐ&]{2,}$", t))


def _starts_known(text):
    """Whether the text opens with a name the importer knows, though no word a name opens with starts it ("Trung ương
    Đoàn Thanh niên Cộng sản Hồ Chí Minh")."""
    spans = known_spans(text)
    return bool(spans) and spans[0][0] == 0


def _ends_known(text):
    t = text.rstrip(" .;,")
    spans = known_spans(t)
    return bool(spans) and spans[-1][1] == len(t)


# --- scores ----------------------------------------------------------------------------------------------------------

_PROSE = re.compile(r"\b(được|để|nhằm|xây dựng|thực hiện|ban hành|bảo đảm|tổ chức thực|triển khai|báo cáo|trình|"
                    r"hoàn thiện|nâng cao|tăng cường|đề xuất|sửa đổi|kế hoạch|chương trình|đề án|văn bản|quy định|"
                    r"hội nghị|chiến lược|bộ tiêu chí|dữ liệu|cơ chế|chính sách)\b", re.I)
_ACRONYM = re.compile(r"[A-ZĐ&]{2,}(?:\s+[A-ZĐ&]{2,})*")


# a document or a result named inside a names cell's words ("Các sở, ngành Quyết định của UBND tỉnh", "Bộ Y tế Báo
# cáo trình Chính phủ"): the next column's cell (a product) has started, no body's name goes on so (round 35)
_DOCUMENT_NAMED = re.compile(r"\s(?:Quyết định|Báo cáo|Đề án|Nghị định|Nghị quyết|Thông tư|Kế hoạch|Chỉ thị|Tờ trình|"
                             r"Văn bản|Chương trình|Hội nghị)\s+(?:của|trình|được|về|số|ban hành|phê duyệt|"
                             r"tổng kết|sơ kết|đánh giá|kết quả)\b")


def _names_document(part):
    """Whether a names cell's part runs on into a document's or a result's name (the product's first words)."""
    return bool(_DOCUMENT_NAMED.search(part))


# "Bộ" or "Sở" before a word in lower case ("Bộ chỉ số …", "Bộ công cụ …", "Sở hữu …"): the common word, no body's name
# ("Bộ Tư pháp", "Bộ, ngành" are) (round 35)
_COMMON_SENSE = re.compile(r"(?:Bộ|Sở)\s+[a-zà-ỹđ]")


@functools.lru_cache(maxsize=4096)
def _names_score(text):
    t = text.strip(" .;,")
    if not t:
        return 0.0
    words = len(t.split())
    if words > 40 or not (_STARTER_RE.match(t) or re.match(r"[A-ZĐ&]{2,}\b", t) or _starts_known(t)):
        return -1.5 - words / 4  # a names cell starts with a name
    from .names import split_names

    parts = split_names(t)
    if not parts:
        return -2.0
    score = 0.0
    for part in parts:
        words = len(part.split())
        if is_known(part):
            score += 2.5
        elif _ACRONYM.fullmatch(part):
            score += 1.5
        elif (_STARTER_RE.match(part) and words <= 14 and not _PROSE.search(part) and not _names_document(part)
              and not _COMMON_SENSE.match(part)
              and not re.match(r"(?i)các\s+(?!" + _KINDS + r"\b)\w+", part)):
            # ("các Quyết định …": "các" before a word that is no body's kind opens no name)
            score += 1.5 if words <= 9 else 0.5
            if re.search(r"\S\s+Các\s", part):
                score -= 2.0  # "UBND các xã, phường Các lớp tập huấn": "Các" opens the next cell
        else:
            score -= 1.5 + words / 4
    return score


_TIME_START = re.compile(r"^(?:thực hiện\s+|nhiệm vụ\s+)?(?:thường xuyên|hằng|hàng|năm|quý|tháng|trước|trong|từ|đến|"
                         r"giai đoạn|kỳ họp|theo|định kỳ|liên tục|hoàn thành|sau|khi|ngày|\d)", re.I)


_NOT_TIME = re.compile(r"\b(được|để|nhằm|ban hành|xây dựng|báo cáo|đề án|kế hoạch|chương trình)\b", re.I)


_YEAR_THEN = re.compile(r"\b(?:19|20)\d\d\)?\s+(\S+)")


def _after_the_time(text):
    """Whether a capitalised word that opens no time follows a year ("2026 - 2027 Chuyển tiếp"; not "2026 và hằng
    năm", "Năm 2026 - Quý I/2027") (round 35)."""
    return any(m.group(1)[:1].isupper() and not _TIME_START.match(text[m.start(1):])
               for m in _YEAR_THEN.finditer(text))


@functools.lru_cache(maxsize=4096)
def _time_score(text):
    t = text.strip()
    if not t:
        return 0.0
    words = len(t.split())
    if _NOT_TIME.search(t) and not re.match(r"(?i)theo\b", t):
        return -2.0 - words / 10  # "2026 được tổ chức thành công": a product that names its year
    if _after_the_time(t):
        return -2.0 - words / 10  # "Năm 2026 Nhiệm vụ mới": the next column's (a note's) words after the time
    kind = read_timeframe(t).kind
    if _TIME_START.match(t):
        if kind not in ("none", "other"):
            return 3.0 if words <= 30 else 0.0
        return 1.0 if words <= 12 else -1.0
    if kind not in ("none", "other") and words <= 3:
        return 1.0
    return -2.0 - words / 10


_CITED = re.compile(r"^(?:Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kết luận|Luật|Thông tư|Chương trình|Kế hoạch|"
                    r"Công văn|Thông báo|Văn bản|Đề án)\b")


def _score(kind, text):
    if kind in ("lead", "coordinators"):
        return _names_score(text)
    if kind == "time":
        return _time_score(text)
    if kind == "basis":
        return 1.0 if _CITED.match(text) else -0.5
    if kind == "title":
        return 0.3  # the title takes what none of the other columns claims
    if kind == "product" and re.match(r"[A-ZĐ&]{2,}(?:,|$|\s+[A-ZĐ])", text):
        return -1.0  # "PCPNN" / "Chương trình, …": the initials end the names' cell before it
    if kind == "product" and _OPENS_DOCUMENT.match(text):
        return 0.5  # "Quyết định của …", "Đề án trình …": a product of its own, also right after the title (round 35)
    return 0.0  # product, note, other


# --- a row ------------------------------------------------------------------------------------------------------------


# a line opening with a document's or a result's word opens a product's cell, no proper name's next line ("… Việt Nam" /
# "Báo cáo đánh giá") (round 35)
_OPENS_DOCUMENT = re.compile(r"(?:Báo cáo|Quyết định|Đề án|Nghị định|Nghị quyết|Thông tư|Kế hoạch|Chỉ thị|Tờ trình|"
                             r"Văn bản|Chương trình|Hội nghị|Danh mục)\b")


def _known_ended(cell, text):
    """Whether a cell's words end a known name that the next line does not go on ("UBND tỉnh Khánh Hòa" / "Nhà ga được
    …", not "Ngân hàng Nhà nước" / "Việt Nam"): no proper name goes on there (round 35)."""
    return _ends_known(cell) and not _ends_known(_join(cell, text))


def _opens_nothing(text):
    """The cost of starting a cell at a line that opens with a capital but with no word a cell of any column opens
    with (no body's name, no time, no document, no initials, no digit): more likely a name's words going on ("Ủy ban
    nhân dân Thành phố" / "Hồ Chí Minh"), though a product may start so ("Nền tảng …"). A tie-breaker (round 35)."""
    if not text[:1].isupper() or _STARTER_RE.match(text) or _TIME_START.match(text) or _OPENS_DOCUMENT.match(text):
        return 0.0
    if re.match(r"[A-ZĐ&]{2,}\b", text) or _starts_known(text):
        return 0.0
    return 0.4


def _cells_of(units, loose=False):
    """A segment's lines ([(line number, text)]) parted where a cell may end: [(text, start unit)]. A cell starts
    with a capital, a digit or a quote after a line that may end one; after a page break (``loose``) each column's
    words go on in lower case, so a line in lower case may start one too."""
    out = []
    for n, (line_no, text) in enumerate(units):
        if out:
            prev_line, prev = units[n - 1]
            lower = text[:1].islower()
            if prev_line == line_no:
                soft = 0.0
            elif re.search(r"\bsố$", prev) and text[:1].isdigit():
                soft = None  # "Nghị quyết số" / "68-NQ/TW": one cell
            elif re.match(r"(?:có\s+)?liên quan\b|trực thuộc\b", text):
                soft = None  # "các Bộ, ngành" / "liên quan": a name's tail starts no cell
            elif _may_end(out[-1][0]):
                if lower and not prev.rstrip().endswith("."):
                    # after a page break each column's words go on in lower case: a cell may start so, at a cost
                    soft = (0.5 if prev.rstrip().endswith(")") else 1.0) if loose else None
                elif (_NAME_GOES_ON.search(prev) and text[:1].isupper() and not _STARTER_RE.match(text)
                      and not _TIME_START.match(text) and not _OPENS_DOCUMENT.match(text)
                      and not _known_ended(out[-1][0], text)):
                    soft = 2.5  # "Việt" / "Nam", "Thủ tướng" / "Chính phủ": a proper name going on
                else:
                    soft = _opens_nothing(text)
            else:
                # a line ending in a phrase's word ("các", "tại") goes on, unless the cell broke there at a page's
                # foot: a capital after it may start the next cell, at a cost
                soft = 2.5 if (text[:1].isupper() or text[:1].isdigit()) else None
            if soft is None:
                out[-1] = (_join(out[-1][0], text), out[-1][1], out[-1][2])
                continue
            out.append((text, n, soft))
            continue
        out.append((text, n, False))
    return out


def _same_line(units, cells, k):
    """Whether cell ``k`` starts on the line cell ``k - 1`` ends on (two cells on one line)."""
    start = cells[k][1]
    return start > 0 and units[start - 1][0] == units[start][0]


# a coordinators' cell may list its bodies one a line without commas ("Bộ Tư pháp" / "Bộ Tài chính" / "Các cơ quan,
# tổ chức liên quan"); a lead's names so listed are rather the lead and then the coordinators, and after a page break
# the lead named again in a sub-row (round 35)
_LISTED_ONE_A_LINE = 0.3

# no cell of more pieces (lines) than this: bounds the alignment's work on a row (a title wrapped over 30 lines of a
# narrow column is the most seen)
_MAX_CELL_PIECES = 30
# a row of more pieces is no row of this layout (rows not told apart: the reader gives the table up)
_MAX_ROW_PIECES = 80


def _align(units, kinds, first, above=None):
    """The cells of a segment given to columns: [(column, text, sub-row)]. ``first``: the row's first segment (its
    title and lead should be there); ``above``: the row's cells so far when this segment goes on after a page break."""
    cells = _cells_of(units, loose=above is not None)
    n, m = len(cells), len(kinds)
    if not n:
        return []
    names_cols = [c for c, k in enumerate(kinds) if k in ("lead", "coordinators", "product")]
    time_col = next((c for c, k in enumerate(kinds) if k == "time"), m)
    cache = {}

    def _text(i, j, kind):
        text = ""
        for k in range(i, j):
            text = _join_names(text, cells[k][0]) if kind in ("lead", "coordinators") else _join(text, cells[k][0])
        return text

    def _listed_apart(i, j):
        """Names in one cell come with a comma between them: cells that start a name after a whole one without it
        ("Bộ Ngoại giao" / "Các Bộ, ngành") are two columns' cells."""
        return sum(1 for k in range(i + 1, j) if _name_ends_before(i, k))

    def _name_ends_before(i, k):
        """Whether cells[i:k]'s words, not only cell k - 1's, end a name that cell k's opening name follows without a
        comma ("Bộ Văn hóa, Thể thao và" / "Du lịch" / "Bộ Tư pháp")."""
        key = ("ends", i, k)
        if key not in cache:
            words = " ".join(cells[n][0] for n in range(i, k))
            cache[key] = bool(not words.rstrip().endswith((",", ";")) and _STARTER_RE.match(cells[k][0])
                              and _whole_name(words))
        return cache[key]

    # one agency column and no coordinators' column: its names one a line are its list, no other column's (round 35)
    lone_names = "coordinators" not in kinds

    def _list_cut(c):
        """Whether the page broke inside column ``c``'s list of names: nothing of the row's later columns above it."""
        return (kinds[c] == "coordinators" or lone_names) and not any(above.get(k) for k in range(c + 1, m))

    def cell_score(i, j, c, fresh):
        key = (i, j, c, fresh)
        if key not in cache:
            kind = kinds[c]
            if kind in ("lead", "coordinators", "time", "basis") and j - i > 8:
                cache[key] = float("-inf")  # no names' or time's cell of so many pieces
                return cache[key]
            text = _text(i, j, kind)
            if not fresh and above is not None and above.get(c) and kind in ("lead", "coordinators", "time"):
                joined = _join_names(above[c], text) if kind != "time" else _join(above[c], text)
                s = _score(kind, joined) - _score(kind, above[c])
                if kind != "time" and (not _may_end(above[c]) or not (_ends_known(above[c])
                                                                       or _ends_group(above[c]))):
                    # a name the page broke ("Ủy ban Công tác" / "về các tổ chức …") goes on; a list broken after a
                    # phrase's word ("…, các" / "Bộ, ngành liên quan") surely does
                    s += 1.0 if _may_end(above[c]) else 1.5
                    if _ends_known(joined):
                        s += 1.5  # … and is whole again ("Bộ Tài" / "chính")
                elif (kind != "time" and _STARTER_RE.match(text) and not above[c].rstrip().endswith((",", ";", ")"))
                      and (_ends_known(above[c]) or _ends_group(above[c]))):
                    # "Bộ Ngoại giao" / (the break) / "Bộ, ngành …": no comma, another column's names; but a
                    # coordinators' list one a line the break cut before the row's later cells goes on (round 35)
                    s -= _LISTED_ONE_A_LINE if _list_cut(c) else 2.0
            else:
                s = _score(kind, text)
                if (not fresh and above is not None and above.get(c) and kind not in ("title", "lead", "coordinators")
                        and not _may_end(above[c])):
                    s += 1.5  # a cell the page broke inside a phrase ("… kiện toàn Ủy" / "ban Công tác …") goes on
                if kind in ("lead", "coordinators"):
                    s += 0.5  # a names column filled: the next cell a column of its own rather than a name more
            if kind in ("lead", "coordinators"):
                # (after a page break a name starting a line more likely opens a sub-row, the lead named again,
                # unless the break came before the row's later cells)
                listing = (kind == "coordinators" or lone_names) and (above is None or _list_cut(c))
                listed = _LISTED_ONE_A_LINE if listing else 2.0
                s -= listed * _listed_apart(i, j)
            cache[key] = s - 0.2  # fewer, longer cells where the scores tie
        return cache[key]

    # best[i][c]: the best score with cells[:i] given, the last one to column c (c = -1: none yet)
    NEG = float("-inf")
    best = [[NEG] * (m + 1) for _ in range(n + 1)]
    wrapped = [[False] * (m + 1) for _ in range(n + 1)]  # the best path there went into a sub-row
    back = {}
    best[0][0] = 0.0  # index c + 1
    for i in range(n):
        for cp in range(-1, m):
            here = best[i][cp + 1]
            if here == NEG:
                continue
            for j in range(i + 1, min(n, i + _MAX_CELL_PIECES) + 1):
                if j - 1 > i and _same_line(units, cells, j - 1):
                    break  # two cells on one line are two
                for c in range(m):
                    wrap = c <= cp
                    # a sub-row: the row's bodies named again after its last cells (after its time; after a page
                    # break, after any column's rest)
                    reach = min(time_col, m - 1) if above is None else 1
                    if wrap and not (c in names_cols and cp >= reach and c > 0):
                        continue
                    s = here + cell_score(i, j, c, wrap or wrapped[i][cp + 1]) - (2.0 if wrap else 0.0) - (cells[i][2] if i else 0.0)
                    if first and not wrap:
                        # a row's first segment: its title and lead are not left empty
                        skipped = range(cp + 1, c)
                        s -= sum(3.0 if kinds[k] in ("title", "lead") else 0.5 if kinds[k] == "time" else 0.0
                                 for k in skipped)
                    if s > best[j][c + 1]:
                        best[j][c + 1] = s
                        back[(j, c + 1)] = (i, cp + 1)
                        wrapped[j][c + 1] = wrap or wrapped[i][cp + 1]
    end = max(range(m + 1), key=lambda c: best[n][c])
    path, j, c = [], n, end
    while j > 0:
        i, cp = back[(j, c)]
        path.append((c - 1, _text(i, j, kinds[c - 1])))
        j, c = i, cp
    path.reverse()
    out, sub, last = [], 0, -1
    for col, text in path:
        if col <= last:
            sub += 1
        out.append((col, text, sub))
        last = col
    return out


def _row_cells(number, segments, kinds):
    """The row's cells, one a column (the number first)."""
    cells = {0: number} if kinds and kinds[0] == "number" else {}
    body = [c for c in range(len(kinds)) if kinds[c] != "number"]
    sub_kinds = [kinds[c] for c in body]
    had_time = set()
    for s, units in enumerate(segments):
        above = {k: cells.get(body[k], "") for k in range(len(body))} if s else None
        for col, text, sub in _align(units, sub_kinds, first=(s == 0), above=above):
            c = body[col]
            kind = kinds[c]
            old = cells.get(c, "")
            if sub and kind == "time":
                continue  # a sub-row's later time: the row's time is its first
            if kind == "title" and s:
                continue  # the title as it reads up to the page break
            if kind in ("lead", "coordinators"):
                if (sub or (s and _STARTER_RE.match(text) and _ends_known(old))) and old:
                    # a sub-row names the row's bodies again: only the names not given yet are added
                    from .names import split_names

                    given = {fold(n) for n in split_names(old)}
                    new = [n for n in split_names(text) if fold(n) not in given]
                    if new:
                        cells[c] = f"{old.rstrip(' ,;')}, {', '.join(new)}"
                    continue
                cells[c] = _join_names(old, text)
            elif kind == "time" and old and c in had_time and not s:
                cells[c] = _join(old, text)
            else:
                cells[c] = _join(old, text)
            if kind == "time":
                had_time.add(c)
    for c, kind in enumerate(kinds):
        if kind in ("lead", "coordinators") and cells.get(c):
            cells[c] = cells[c].strip()
    return [cells.get(c, "").strip() for c in range(len(kinds))]


# --- the table ------------------------------------------------------------------------------------------------------

_ENDS = re.compile(r"^(?:Nơi nhận|TM\.|KT\.|Điều \d+\.|PHỤ LỤC|Phụ lục\b|[IVXL]{1,5}\.\s+[A-ZĐ ]{6,}$)")


def _is_footnote(line, last):
    """A footnote at a page's foot: its mark, one space, a long line of text ("1 Nghị quyết số 66-NQ/TW ngày …"),
    not the row that follows."""
    m = re.match(r"^(\d{1,2})\s(?!\s)(\S.*)$", line.strip())
    return bool(m and len(line.strip()) >= 60 and not _follows(m.group(1), last))


def _past_header(lines, i, header_lines):
    """After a page's head: past the table's header when the page repeats it (its lines as the first page had them)."""
    k, j = 0, i
    while j < len(lines) and k < len(header_lines):
        if not lines[j].strip():
            j += 1
            continue
        if fold(lines[j].strip()) != header_lines[k]:
            return i
        j, k = j + 1, k + 1
    return j


# a dash marking an empty cell ("-", "–", "—"): no cell's words (round 35)
_EMPTY_MARK = re.compile(r"^[-–—]$")


def _read_table(lines, h, heads):
    """(rows, end) for the table whose header starts at line ``h``."""
    header, i = _header_cells(lines, h)
    kinds = [_column_key(c) or "other" for c in header]
    header_lines = [fold(ln.strip()) for ln in lines[h:i] if ln.strip()]
    rows, current, last = [header], None, {"roman": 0, "decimal": ()}
    segments = []  # the current row's segments: [[(line number, text)]]

    def close():
        if current is not None:
            rows.append(_row_cells(current, [s for s in segments if s], kinds))

    n = len(lines)
    while i < n:
        raw = lines[i]
        line = raw.strip().replace("\f", "")
        if not line:
            i += 1
            continue
        if (line in heads and not _row_number_next(lines, i + 1, last)) or "\f" in raw:
            # a page break: the running head, the page's number, the header again; the row goes on after it
            i += 1
            while i < n and (not lines[i].strip() or _PAGE_NUMBER.match(lines[i].strip())):
                i += 1
            i = _past_header(lines, i, header_lines)
            if current is not None:
                segments.append([])
            continue
        if _ENDS.match(line):
            break
        if _is_footnote(line, last):
            # the footnotes to the page's foot
            i += 1
            while i < n and lines[i].strip() not in heads and "\f" not in lines[i]:
                i += 1
            continue
        pieces = _pieces(line)
        marker = _MARKER.match(pieces[0])
        numbered = None if marker else _NUMBERED.match(pieces[0])
        if numbered:
            marker = _MARKER.match(numbered.group(1))
            pieces = [numbered.group(1), numbered.group(2)] + pieces[1:]
        if marker and _follows(marker.group(1), last):
            close()
            current = marker.group(1)
            _advance(current, last)
            segments = [[(i, p) for p in pieces[1:]]]
            i += 1
            continue
        if current is None:
            break  # words before any row: no table of this kind
        for p in pieces:
            if not _EMPTY_MARK.match(p):
                segments[-1].append((i, p))
        if sum(len(s) for s in segments) > _MAX_ROW_PIECES:
            return rows[:1], i  # rows not told apart (numbers this reader does not follow): not this layout
        i += 1
    close()
    return rows, i


def _row_number_next(lines, i, last):
    """Whether the next line with words is the next row's number alone: a line repeated before such numbers is a
    row's last cell ("Năm 2026" / "3"), not a page's running head."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines):
        return False
    marker = _MARKER.match(lines[i].strip())
    return bool(marker) and _follows(marker.group(1), last)


_LABELLED = re.compile(r"^(\d{1,2})\.\s+([^:]{2,40}?)\s*:\s*(.*)$")


def _record(lines, i):
    """A task given as one table row in labelled, numbered lines ("1. Tên nhiệm vụ: …" / "2. Cơ quan chủ trì: …" /
    "3. Cơ quan phối hợp: …" / … / "5. Thời gian hoàn thành: …"), each label a column's name, the first the task's,
    a value's wrapped lines under it: (header, row, end) or None."""
    m = _LABELLED.match(lines[i].strip())
    if not m or m.group(1) != "1" or _column_key(m.group(2)) != "title":
        return None
    labels, values, j = [m.group(2)], [m.group(3)], i + 1
    while j < len(lines):
        line = lines[j].strip()
        if not line:
            j += 1
            continue
        m = _LABELLED.match(line)
        if m and int(m.group(1)) == len(labels) + 1 and _column_key(m.group(2)):
            labels.append(m.group(2))
            values.append(m.group(3))
        elif m or _MARKED.match(line) or re.match(r"^(?:Điều \d+|[IVXL]{1,5}\.|\d{1,2}\.\s|[a-zđ]\)|[-–+•])", line):
            break
        else:
            values[-1] = _join(values[-1], line)
        j += 1
    keys = [_column_key(lb) for lb in labels]
    if "lead" not in keys or len(set(keys)) != len(keys):
        return None
    return labels, values, j


def take_tables(text):
    """The text's lines with each table of this layout replaced by "| … |" rows (None when it has none)."""
    lines = text.split("\n")
    if len(lines) < 12:
        return None
    heads = None
    out, i, found = [], 0, False
    while i < len(lines):
        line = lines[i].strip()
        record = _record(lines, i) if line.startswith("1.") else None
        if record:
            labels, values, end = record
            out += ["| " + " | ".join(c.replace("|", "/") for c in labels) + " |",
                    "| " + " | ".join(c.replace("|", "/") for c in values) + " |", ""]
            found, i = True, end
            continue
        if line and len(line) <= 40 and _column_key(line) in ("number", "title") and not _MARKER.match(line):
            got = _header_cells(lines, i)
            if got:
                if heads is None:
                    heads = _running_heads(lines)
                rows, end = _read_table(lines, i, heads)
                if len(rows) >= 2 and any(r[1:] and any(r[1:]) for r in rows[1:]):
                    out += ["| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in rows]
                    out.append("")
                    found = True
                    i = end
                    continue
        out.append(lines[i])
        i += 1
    return out if found else None


def pipe_tables(text):
    """The text with each task table laid out one cell line per line written as "| a | b |" rows."""
    if "\n" not in text:
        return text
    lines = take_tables(text)
    return text if lines is None else "\n".join(lines)
