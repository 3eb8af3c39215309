"""Documents in, blocks out: a plan's paragraphs and tables in document order, from DOCX (python-docx, which reads
both and keeps merged cells' text in each grid cell they cover), plain text (tables written as "a | b | c" lines) or
a PDF's text layer (pdfplumber, by position: its tables as tables, ruled or not, the rest as text; a PDF with no
table through pypdf's text, as before; scanned PDFs have no text layer and are refused). A block is ``("p", text)``
or ``("table", [[cell, …], …])``."""

import html
import io
import re
import unicodedata

from django.utils.translation import gettext

from plan_tracker.text import fold

from . import celltable, spacetable


class DocumentError(ValueError):
    """A document that cannot be read; the message is for the person who sent it."""


def _clean(text):
    text = unicodedata.normalize("NFC", text or "").replace("\xa0", " ").replace("\u200b", "")
    text = text.replace("**", "")
    return re.sub(r"[ \t]+", " ", text).strip()


# Markdown emphasis of a text copied from a converted DOCX ("*Hà Nội, ngày 02 tháng* *5 năm 2024*", "*V/v …*"): the
# marks go, the words stay; a "* " bullet (a mark and a space) is not emphasis
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])?\s*\*(?![\w*])")


def _unmark(text):
    return _EMPHASIS.sub(lambda m: m.group(1) or "", text)


# (and a point's marker as OCR misreads it: "ạ)", "b}", "©)" start a point as "a)" does, parser._ocr_sequence)
# round 38: a task numbered by a word and its number, "Nhiệm vụ 2: <work>" (parser._WORD_NUMBERED), starts a paragraph
# as "2. <work>" does: the labelled line above it ("Thời hạn: Quý II/2027", no full stop) does not run on into it
_WORD_ITEM = r"(?:Nhiệm vụ|Hoạt động|Công việc)\s{1,3}\d{1,2}\s{0,2}:\s"
_WORD_ITEM_RE = re.compile(_WORD_ITEM)
_STARTS_ITEM = re.compile(r"^(?:" + _WORD_ITEM
                          + r"|[-–—+•*▪◦·]|[IVXL]{1,6}\s*[.)/-]|\d{1,2}(?:\.\d{1,2})*\s*[.)/]|[a-zđ]\s*[).]\s|[A-Z]\s*[.)]\s"
                          r"|[a-zà-ỹđ©¢]\s*[)}\]]\s|[a-ikđ]\s(?=[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]))")
_DATE_LINE = re.compile(r"^\S[^,]{0,30},?\s*ngày\s+\d", re.I)


_MARKER_ONLY = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVXL]{1,5}\.?)$")
_DOCUMENT_KIND = re.compile(r"KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|ĐỀ ÁN|CHỈ THỊ|THÔNG BÁO|NGHỊ QUYẾT|QUYẾT ĐỊNH")
_GAP = re.compile(r"\S(\s{5,})\S")
_PAGE_NUMBER = re.compile(r"^\s{10,}\d{1,3}\s*$")
# the first word of a name ("Ban", "Sở", "Ủy ban" …) ending a line after a word that joins it to the sentence: "… báo
# cáo UBND tỉnh và Ban" / "Chỉ đạo quốc gia …" is one sentence, the name broken at the line's end (not a heading "2.
# Thanh tra Sở" over its paragraph)
_NAME_HEAD_END = re.compile(r"\s(?:và|với|của|cho|về|gửi|hoặc|tại|đến)\s+(?:Ban|Sở|Bộ|Cục|Phòng|Ủy|Uỷ|Hội|Trung|Viện|Văn|Chi|Tổng|Đài|Liên|Quỹ|Ngân|Hạt|Trạm)$")


def _goes_on_after_semicolon(previous, line):
    """A wrapped paragraph's line break right after a ";" ("… tổ chức tổng vệ sinh môi trường;" / "bố trí nguồn lực tại
    chỗ."): a line in lower case that is no point of its own ("a) …", "- …") goes on the clause list before it."""
    return previous.endswith(";") and line[:1].islower() and not _STARTS_ITEM.match(line) \
        and not _MARKER_ONLY.match(line)


def _continues(previous, line):
    """Whether ``line`` goes on the paragraph ``previous`` (text copied from a web page or a PDF wraps lines in the
    middle of a sentence: "Thực hiện Chỉ thị số 07/CT-TTg" / "ngày 21/3/2023 của Thủ tướng …")."""
    if _MARKER_ONLY.match(line) or _MARKER_ONLY.match(previous or ""):
        return False  # "1", "a)" alone on a line: a table's cell flattened to a line, never part of a sentence
    if re.fullmatch(r"(?i)số\s*:?", previous or ""):
        return True
    if previous and previous.isupper() and re.match(r"^\d{1,2}\s*[-–,]\s", line):
        return False  # "II. NHIỆM VỤ" / "1- Ban …": an item whose stop OCR misread, under a heading in capitals
    if previous and _goes_on_after_semicolon(previous, line):
        return True
    if not previous or _STARTS_ITEM.match(line) or previous.endswith((".", ";", "!", "?", "|", ":")):
        return False
    if _DOCUMENT_KIND.fullmatch(previous.strip()):
        return False  # "CHƯƠNG TRÌNH HÀNH ĐỘNG" / "thực hiện Kết luận …": the kind of document, then its title
    first = line[:1]
    if first.islower() or (first.isdigit() and not previous[-1:].isdigit()):
        return True
    if _DATE_LINE.match(line) and len(previous) < 30 and not previous.isupper() and not re.match(r"(?i)số\b", previous):
        return True
    if not previous.isupper() and re.search(r"\s(và|của|các|với|cho|về|tại|theo|trong|đến|để)$", previous):
        return True  # "… của Bộ Chính trị và" / "Chương trình hành động số 104 …": no sentence ends on "và"
    if _NAME_HEAD_END.search(previous) and first.isupper():
        return True  # "… báo cáo UBND tỉnh và Ban" / "Chỉ đạo quốc gia …": the name goes on
    return False


def _indented_layout(lines):
    """A PDF's text laid out as on the page: paragraphs start indented and their wrapped lines start at the margin.
    Then a line at the margin goes on the paragraph before it, whatever its first word ("Ban Quản lý khu" /
    "Kinh tế và các cơ quan …")."""
    body = [ln for ln in lines if ln.strip() and ln.count("|") < 2]
    if len(body) < 10:
        return False
    indented = sum(1 for ln in body if re.match(r"^ {2,}\S", ln))
    margin = sum(1 for ln in body if re.match(r"^\S", ln))
    return indented >= 0.15 * len(body) and margin >= 0.15 * len(body)


def _wrapped_width(lines):
    """The width of a plain PDF text's full lines (pdftotext without -layout: every paragraph wrapped at the page's
    width, most lines as long as it, paragraphs set off by blank lines), else 0: a text whose paragraphs are each one
    line (DOCX text, markdown, a web page) has no such width, and one without blank lines between its paragraphs (a
    PDF's text layer as pypdf gives it) cannot tell a paragraph's last full line from a wrapped one."""
    body = [ln.rstrip() for ln in lines if ln.strip() and ln.count("|") < 2]
    if len(body) < 30 or 5 * sum(1 for ln in lines if not ln.strip()) < len(body):
        return 0
    lengths = sorted(len(ln) for ln in body)
    width, median = lengths[int(0.9 * (len(lengths) - 1))], lengths[len(lengths) // 2]
    return width if 50 <= width <= 110 and median >= 0.7 * width else 0


def _blank_parted(lines):
    """Whether the text sets its paragraphs off by blank lines (a web page or a PDF copied as text, lines wrapped in
    the middle of sentences): most lines that end a sentence (a point's one-line entries aside) are
    followed by a blank line."""
    body = [(n, ln.strip()) for n, ln in enumerate(lines) if ln.strip() and ln.count("|") < 2]
    ends = [n for n, ln in body if ln.endswith(".") and not _STARTS_ITEM.match(ln) and n + 1 < len(lines)]
    if len(ends) < 4:
        return False
    # … and wraps its paragraphs' lines: lines going on in lower case under another are common (not a text whose
    # paragraphs are each one line under a heading of their own: "1. Truyền thông" / "Giao Sở X …")
    wraps = sum(1 for n, ln in body if n and lines[n - 1].strip() and ln[:1].islower() and not _STARTS_ITEM.match(ln))
    return sum(1 for n in ends if not lines[n + 1].strip()) >= 0.8 * len(ends) and wraps >= max(5, len(ends) // 2)


def _runs_on(previous, line):
    """In such a text, a line right under another that has not ended its sentence goes on it, whatever its first letter
    ("- Chỉ đạo Hội Liên hiệp" / "Phụ nữ Việt Nam đẩy mạnh …"): not a point of its own, nor under or over a heading in
    capitals or a signature's lines."""
    return (not previous.rstrip().endswith((".", ";", ":", "!", "?", "|")) and not previous.isupper()
            and not line.isupper() and not _STARTS_ITEM.match(line) and not _MARKER_ONLY.match(line)
            and not _MARKER_ONLY.match(previous))

def _pipe_cell_tables(lines):
    """A web page's table saved as text one cell a line, each cell after a line of "|" alone and two such lines
    between rows ("|" / "TT" / "|" / "Tên đề án" / … / "|" / "|" / "1" / "|" / "Đề án …" / …): its rows as "| a | b |"
    lines, a cell's wrapped lines joined. A row shorter than the header (its number, title and time merged with the
    row above) gives its cells from the third column on. Only a run of two rows or more whose first has three cells
    or more (a signature's "|" / "Nơi nhận: …" / "|" / "TM. …" / "|" is no table)."""
    out, n = [], 0
    while n < len(lines):
        if lines[n].strip() != "|":
            out.append(lines[n])
            n += 1
            continue
        end = n
        while end < len(lines) and lines[end].strip():
            end += 1
        cells, rows = [], []
        for ln in lines[n + 1:end]:
            if ln.strip() == "|":
                if cells and cells[-1] is None:
                    rows.append([c for c in cells[:-1]])
                    cells = []
                else:
                    cells.append(None)
            elif cells and cells[-1] is not None:
                cells[-1] += " " + ln.strip()
            else:
                if cells:
                    cells.pop()
                cells.append(ln.strip())
        if cells:
            rows.append([c for c in cells if c is not None])
        rows = [r for r in rows if r]
        if len(rows) < 2 or len(rows[0]) < 3 or any(c is None for r in rows for c in r):
            out.extend(lines[n:end])
            n = end
            continue
        width = len(rows[0])
        for row in rows:
            if len(row) < width:
                row = ([""] * min(2, width - len(row)) + row + [""] * width)[:width]
            out.append("| " + " | ".join(c.replace("|", "/") or " " for c in row) + " |")
        n = end
    return out

_HTML_TABLE = re.compile(r"<table\b[^>]*>(.*?)</table\s*>", re.I | re.S)


def _html_tables(text):
    """An HTML table inside a text (a PDF converted to markdown writes its tables as "<table>", "<tr>", "<td>"): its
    rows as "| a | b |" lines, a cell's "<br>" a space, its other tags dropped, entities ("&amp;") read."""
    def rows(m):
        out = []
        for tr in re.findall(r"<tr\b[^>]*>(.*?)</tr\s*>", m.group(1), re.I | re.S):
            cells = re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]\s*>", tr, re.I | re.S)
            cells = [html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"(?i)<br\s*/?>", " ", c))) for c in cells]
            cells = [" ".join(c.replace("|", "/").split()) for c in cells]
            if cells:
                out.append("| " + " | ".join(cells) + " |")
        return "\n" + "\n".join(out) + "\n"
    return _HTML_TABLE.sub(rows, text) if "<t" in text.lower() else text


# a footnote at a page's foot: its number, a space and a capital ("1 Nội dung thiết kế mỏ được quy định tại …"); the
# mark it explains is that number right after a word ("… thay đổi thiết kế mỏ1 .")
_FOOTNOTE = re.compile(r"^\s{0,12}(\d{1,2}) (?=[^\W\d_])")
# (or right after a year: "… Luật Địa chất và khoáng sản năm 20243." is the year 2024 and the mark 3)
_FOOTNOTE_MARK = re.compile(r"(?:[^\W\d_]|\b(?:19|20)\d\d)(\d{1,2})(?=[\s.,;:)]|$)")


def _without_footnotes(lines):
    """A PDF's page-layout text without its footnotes: a note numbered one past the last (from 1), whose mark a word
    earlier carries, runs to the next page's number (kept: the paragraph goes on across the break) or, with none
    after it, to the end. A note left unfinished at a page's foot (no full stop) goes on at the next page's foot:
    the block there that starts in lower case after two blank lines, right before that page's own note, is its rest."""
    out, marks, last, skipping, unfinished = [], set(), 0, False, False
    for raw in lines:
        m = _FOOTNOTE.match(raw)
        starts = m and int(m.group(1)) == last + 1 and (skipping or m.group(1) in marks) \
            and raw[m.end():m.end() + 1].isupper()
        if unfinished and not skipping and starts:
            k = len(out)
            while k and out[k - 1].strip():
                k -= 1
            if k < len(out) and out[k].strip()[:1].islower() and k >= 2 and not out[k - 1].strip() \
                    and not out[k - 2].strip():
                del out[k:]  # the rest of the note before, at this page's foot (set off by blank lines)
        if starts:
            last, skipping = last + 1, True
            unfinished = not raw.rstrip().endswith((".", ";", ")"))
            continue
        if skipping and not _PAGE_NUMBER.match(raw):
            if raw.strip():
                unfinished = not raw.rstrip().endswith((".", ";", ")"))
            continue
        skipping = False
        out.append(raw)
        marks.update(_FOOTNOTE_MARK.findall(raw))
    return out


_BOLD_OPEN = re.compile(r"^\s*(\*\*?)(?=[^\s*])")


def _join_emphasis_spans(lines):
    """Markdown of a web page wraps a bold or italic span over lines ("**V. TỔ" / "CHỨC THỰC HIỆN**", "**1." / "Sở Y
    tế:**", "*a) Các bệnh lây" / "truyền qua đường tiêu hóa*"): a numbered line that opens a span it does not close, and the
    lines up to the one that closes it (at most four, no blank line, no table row between), are one line. A span
    never closed is left as it is."""
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        m = _BOLD_OPEN.match(line) if line.count("|") < 2 else None
        head = line[m.end():].strip() if m else ""
        if m and (_STARTS_ITEM.match(head) or _MARKER_ONLY.match(head) or _DATE_LINE.match(head)):  # a numbered heading ("**V. TỔ", "**1."),
            # or a dateline ("*Cần Thơ, ngày 21" / "tháng 11 năm 2025*"), not a signature's or a header's lines set in
            # bold ("**KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH**": two lines)
            mark = m.group(1)
            opened = line.count("**") % 2 == 1 if mark == "**" else line.replace("**", "").count("*") % 2 == 1
            j = i + 1
            while opened and j < len(lines) and j <= i + 4 and lines[j].strip() and lines[j].count("|") < 2:
                closes = (lines[j].count("**") % 2 == 1 if mark == "**"
                          else lines[j].replace("**", "").count("*") % 2 == 1)
                if closes:
                    out.append(" ".join(x.strip() for x in lines[i:j + 1]))
                    i = j + 1
                    break
                j += 1
            else:
                out.append(line)
                i += 1
            continue
        out.append(line)
        i += 1
    return out


def _framed(row, table, framed):
    """Whether a " | " row's outer pipes frame it ("| a | b |"): as the table's first row is, or when the row has the
    table's width without them. In a table whose rows are not framed ("1 | Việc | Sở X | Năm 2026 |", a trailing pipe
    before an empty last cell), a row " | Hùng | | | |" holds an empty number cell, not a frame."""
    if not (row.startswith("|") and row.endswith("|")):
        return False
    return framed or not table or row[1:-1].count("|") + 1 == len(table[0])


# --- OCR'd pages (round 31) -------------------------------------------------------------------------------------
# a text OCR'd page by page marks its pages ("===== Trang 2 ====="); a page's own furniture is no text: its number
# alone on a line ("2", "- 2 -", "Trang 2", "2/7") and a running header or footer (a line the top or the foot of
# several pages repeat, its numbers aside)
_PAGE_MARK = re.compile(r"^\s*=+\s*Trang\s+(\d+)\s*=+\s*$")
_PAGE_NO = re.compile(r"^\s*[-–—]?\s*(?:(?i:trang)\s*)?(\d{1,3})(?:\s*/\s*\d{1,3})?\s*[-–—]?\s*$")


def _furniture_key(line):
    return re.sub(r"[^a-z]+", "", fold(line))


def _without_page_furniture(lines):
    pages, current = [], None  # (page number, [line indexes])
    for n, raw in enumerate(lines):
        m = _PAGE_MARK.match(raw)
        if m:
            current = (int(m.group(1)), [])
            pages.append(current)
        elif current is not None and raw.strip():
            current[1].append(n)
    if len(pages) < 2:
        return lines
    drop = set()
    # a page's number: first or last two lines of the page, the page's own number (or one the pages share an offset
    # from it: a cover not counted)
    numbers = []
    for page, idx in pages:
        for n in idx[:2] + idx[-2:]:
            m = _PAGE_NO.match(lines[n])
            if m:
                numbers.append((n, int(m.group(1)) - page))
    offsets = [d for _n, d in numbers]
    drop.update(n for n, d in numbers if d == 0 or offsets.count(d) >= 2)
    # a running header or footer: a line of the top (or foot) three of at least half the pages after the first (two
    # at least), its words the same
    later = pages[1:]
    for zone in (lambda idx: idx[:3], lambda idx: idx[-3:]):
        seen = {}
        for page, idx in later:
            for n in zone(idx):
                line = lines[n].strip()
                key = _furniture_key(line)
                if (n in drop or len(key) < 8 or len(line) > 120 or _STARTS_ITEM.match(line) or _MARKER_ONLY.match(line)
                        or line.endswith((".", ";", ",", ":"))):
                    continue
                seen.setdefault(key, {}).setdefault(page, n)
        for key, where in seen.items():
            if len(where) >= max(2, (len(later) + 1) // 2):
                drop.update(where.values())
    return [ln for n, ln in enumerate(lines) if n not in drop] if drop else lines


# --- the Công báo's running head (round 36) ------------------------------------------------------------------------
# a page of the official gazette heads its text with "CÔNG BÁO/Số 415/Ngày 03-07-2026" and the page's number after it
# (an odd page) or before it (an even one); the PDF's text gives it between two lines of a paragraph ("… để thực" /
# "CÔNG BÁO/Số 415/Ngày 03-07-2026 22" / "hiện các dự án …"): no text, the paragraph goes on across it
_GAZETTE_HEAD = re.compile(r"^\s*(?:\d{1,4}\s+)?(?i:công\s+báo)\s*/\s*(?i:số)\s+\d{1,4}(?:\s*[+&]\s*\d{1,4}){0,3}\s*/\s*"
                           r"(?i:ngày)\s+\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}(?:\s+\d{1,4})?\s*$")


def gazette_head(line):
    """Whether ``line`` is a Công báo page's running head (its page number before or after it)."""
    return len(line) < 80 and _GAZETTE_HEAD.match(line) is not None


def _gazette_furniture(lines, n):
    """Whether ``lines[n]`` is a Công báo running head inside a sentence (the line before it has not ended one: "…
    để thực" / "CÔNG BÁO/Số 415/Ngày 03-07-2026 22" / "hiện các dự án …"), or its page's number alone on the line next
    to such a head ("CÔNG BÁO/Số 242/Ngày 22-04-2026" / "95"). A head after a sentence's end stays a paragraph here
    (the lines after it start anew, as before) and the parser drops it (parser._without_gazette_heads)."""
    def near(step):
        k = n + step
        while 0 <= k < len(lines) and not lines[k].strip():
            k += step
        return k if 0 <= k < len(lines) else None

    if gazette_head(lines[n]):
        before, after = near(-1), near(1)
        return before is not None and after is not None and not lines[before].rstrip().endswith((".", ";", ":", "!", "?"))
    if re.fullmatch(r"\s*\d{1,4}\s*", lines[n]):
        return any(k is not None and gazette_head(lines[k]) and _gazette_furniture(lines, k) for k in (near(-1), near(1)))
    return False


# a word broken at a line's end by a hyphen ("… Sở Tài nguyên và Môi trư-" / "ờng …"): one word again when the text
# has it whole elsewhere or its second piece is no syllable (no vowel); "kinh tế-" / "xã hội" stays two words
_BROKEN_WORD = re.compile(r"([^\W\d_]+)-$")
_WORD_START = re.compile(r"^([^\W\d_]+)")


def _joined(previous, line, vocabulary):
    a, b = _BROKEN_WORD.search(previous), _WORD_START.match(line)
    if a and b and line[:1].islower():
        whole = fold(a.group(1) + b.group(1))
        if whole in vocabulary or not re.search(r"[aeiouy]", fold(b.group(1))):
            return previous[:-1] + line
    return previous + " " + line



# round 38: a TAB table's row broken after its work: "3⇥Tổ chức … trên" (one tab), its other cells on the next line
_SHORT_TAB_ROW = re.compile(r"^(?:\d{1,3}\.?)?\t[^\t]{2,}$")


def _short_tab_row(raw, table, tab_table):
    """A line of a TAB table (one whose rows are parted by tabs, four columns or more) holding one tab only: its
    number and work, the rest of its row on the lines below ("3⇥Tổ chức … trên" / "⇥địa bàn phường⇥Phòng X⇥…"); the
    row's cells, the missing ones empty, else None."""
    if table is None or not tab_table or not table or len(table[0]) < 4 or not _SHORT_TAB_ROW.match(raw.rstrip()):
        return None
    cells = [_clean(c) for c in raw.rstrip().split("\t")]
    return cells + [""] * (len(table[0]) - len(cells))


def blocks_from_text(text):
    """Lines of text: a line with two or more "|" is a table row (Markdown separator rows skipped); consecutive rows
    are one table. A line that only goes on the sentence of the line before is joined to it; lines of "|" or
    "---" alone (page furniture) are dropped. In a PDF's page layout (``_indented_layout``) a line at the margin
    continues the paragraph, page numbers alone on a line are dropped (the paragraph goes on across the page
    break) and a line in two columns (the header's "ỦY BAN NHÂN DÂN      CỘNG HÒA …") gives its columns as
    paragraphs. After a table that is only a header row, its cells come one a line: those lines are not joined."""
    text = celltable.pipe_tables(text.replace("\r\n", "\n").replace("\r", "\n"))  # tables one cell line per line
    text = spacetable.pipe_tables(text)  # tables in columns of spaces
    text = _html_tables(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = _without_page_furniture(_join_emphasis_spans(_pipe_cell_tables(text.split("\n"))))
    vocabulary = set(re.findall(r"[a-z]+", fold(text))) if re.search(r"[^\W\d_]-\n", text) else set()
    layout = _indented_layout(lines)
    parted = not layout and _blank_parted(lines)
    piped = False  # a line of "|" alone (page furniture, a flattened table's cell border) since the line before
    if layout:
        lines = _without_footnotes(lines)
    blocks, table, joinable, page_break, flattened, held = [], None, False, False, False, False
    tab_table = False  # the current table's rows parted by tabs
    blank = False  # a blank line just before this one
    framed = True  # the current " | " table's rows framed by outer pipes
    width = 0 if layout else _wrapped_width(lines)
    full = False  # the line before reached the page's width: wrapped there
    centred = False  # the line before was centred on a laid-out page (a title's line): a paragraph's line it is not
    for n, raw in enumerate(lines):
        if re.fullmatch(r"\s*[|_\-=*]+\s*", raw) or re.fullmatch(r"\s*\*[\s*]*\*\s*", raw):  # "* *": an empty span
            piped = True
            continue
        # "a | b | c", or cells copied with tabs; inside a table, also a row of two cells ("I | GIAI ĐOẠN 1: …", a
        # DOCX row whose merged cells gave one text)
        # inside a tab table, a row whose first cells are empty keeps them ("\t\tChủ trì\tPhối hợp\t" under a header
        # row: the second row of a two-row header)
        tabbed = table is not None and raw.count("\t") >= 2 and bool(raw.strip()) and raw.count("|") < 2
        short = _short_tab_row(raw, table, tab_table)
        if short:
            table.append(short)
            continue
        if (raw.count("|") >= 2 or raw.strip("\t ").count("\t") >= 2 or tabbed
                or (table is not None and raw.count("|") == 1 and re.search(r"\S\s\|\s\S", raw))):
            sep = "|" if raw.count("|") >= 2 or (raw.strip("\t ").count("\t") < 2 and not tabbed) else "\t"
            row = raw.strip(" ") if tabbed else raw.strip().strip("\t")
            if not table:
                framed = raw.lstrip().startswith("|")  # the table's first row: framed or not
            if sep == "|" and _framed(row, table, framed):
                row = row[1:-1]  # "| a | b |": the outer pipes frame the row; " | b | c" (a DOCX row joined by " | "
                # whose first cell is empty) keeps its empty first cell
            cells = [_clean(_unmark(c)) for c in row.split(sep)]
            if all(re.fullmatch(r":?-{2,}:?|", c) for c in cells):
                continue
            if table is None:
                table = []
                blocks.append(("table", table))
                tab_table = sep == "\t"
            table.append(cells)
            continue
        if table is not None:
            flattened = len(table) == 1  # a header row and no row under it: the cells follow one a line
        table = None
        if layout and _PAGE_NUMBER.match(raw):
            # the blank line above the number was the page's foot, not a paragraph's end ("… chuỗi giá" / "" / "2" /
            # "" / "trị gắn với …"): the paragraph before it may go on
            page_break, joinable = True, joinable or held
            continue
        if (not layout and blank and re.fullmatch(r"\s*\d{1,3}\s*", raw) and n + 1 < len(lines)
                and not lines[n + 1].strip() and not flattened):
            # plain PDF text (pdftotext without -layout): a page's number alone between blank lines, "…  ô nhiễm" / "" /
            # "6" / "" / "môi trường …": dropped, the paragraph may go on across it
            page_break = True
            continue
        if _gazette_furniture(lines, n):
            # the Công báo's running head inside the text, and its page's number on a line of its own next to it: no
            # text; a paragraph before it that has not ended its sentence may go on, one that has is ended (the page's
            # last line, as long as a wrapped one, wraps nothing onto the next page's first)
            continue
        if re.fullmatch(r"\s*[-–—]\s*\d{1,3}\s*[-–—]\s*", raw):
            # a page's number between dashes ("- 2 -"), on a line of its own: never a point, never text
            page_break = True
            continue
        line = _clean(_unmark(re.sub(r"^\s*#{1,6}\s+", "", raw)))  # a markdown heading: "# NGHỊ QUYẾT", "## Ban hành …"
        if not line:
            if not page_break:
                held = held if blank else joinable  # (unless a page's number follows: the foot of the page)
                joinable = False  # a blank line ends the paragraph
                flattened = False
            blank = True
            continue
        # plain PDF text puts blank lines inside a sentence too ("3.1. Tăng cường …, giáo" / "" / "dục nâng cao …";
        # "Trách nhiệm …: Đảng ủy Ủy" / "" / "ban nhân dân tỉnh."): after a blank line, a line in lower case (not a
        # point "a)") goes on the paragraph that has not ended its sentence (not a heading in capitals: "KẾ HOẠCH" /
        # "" / "khai thực hiện …" is a title of its own)
        resumes = (not layout and blank and not joinable and blocks and blocks[-1][0] == "p" and line[:1].islower()
                   and not _STARTS_ITEM.match(line) and not _MARKER_ONLY.match(blocks[-1][1])
                   and not blocks[-1][1].isupper()
                   and not blocks[-1][1].rstrip().endswith((".", ";", ":", "!", "?", "|")))
        blank = False
        if resumes:
            blocks[-1] = ("p", _joined(blocks[-1][1], line, vocabulary))
            joinable, page_break = True, False
            continue
        # a line at the margin goes on the paragraph before it, but not a centred line (a title's last line, "KẾ
        # HOẠCH" / "Phòng, chống … năm" / "            2026 - 2027" / "Căn cứ …"): the paragraph under it starts anew
        at_margin = layout and re.match(r"^\S", raw) is not None and not centred
        centred = layout and re.match(r"^ {10,}\S", raw) is not None
        # a dateline whose day or month was typed into a wide blank ("ngày 23 tháng               7    năm 2026"): one
        # piece, not columns
        raw = re.sub(r"(?i)\b(ngày|tháng)\s{5,}(?=\d{1,2}\s+(?:tháng|năm)\b)", r"\1 ", raw) if layout else raw
        # … or left blank in a draft ("Lào Cai, ngày       tháng     năm 2025")
        raw = re.sub(r"(?i)\b(ngày|tháng)\s{5,}(?=(?:tháng|năm)\b)", r"\1 ", raw) if layout else raw
        if layout and _GAP.search(raw.strip()):
            for piece in re.split(r"\s{5,}", raw.strip()):
                blocks.append(("p", _clean(piece)))
            joinable, page_break = False, False
            continue
        if _PAGE_MARK.match(line):
            # an OCR'd page's mark ("===== Trang 3 =====") goes on no paragraph ("… phối hợp với Sở X và" / mark /
            # "Thuế tỉnh …": the parser joins the point across it)
            blocks.append(("p", line))
            joinable, page_break, piped = True, False, False
            continue
        wrapped = full and not _STARTS_ITEM.match(line) and not _MARKER_ONLY.match(line)
        full = bool(width) and len(raw.rstrip()) >= width - 10
        if (joinable and not flattened and blocks and blocks[-1][0] == "p"
                # a heading in capitals ("QUYẾT ĐỊNH") is a line of its own: its title's lines at the margin under it
                # do not go on it
                and ((at_margin and not _MARKER_ONLY.match(line)
                      and not (blocks[-1][1].isupper() and not line.isupper())
                      # a numbered heading in capitals ("II. NHIỆM VỤ CỤ THỂ"), or a numbered line after a sentence's
                      # end, at the margin starts its own paragraph: a page whose body all starts at the margin under a
                      # centred title
                      and not (_STARTS_ITEM.match(line) and (line.isupper() or blocks[-1][1].endswith((".", ";", ":"))))
                      and not _WORD_ITEM_RE.match(line))
                     or wrapped or _continues(blocks[-1][1], line)
                     or (parted and not piped and _runs_on(blocks[-1][1], line)))):
            blocks[-1] = ("p", _joined(blocks[-1][1], line, vocabulary))
        else:
            blocks.append(("p", line))
        joinable, page_break, piped = True, False, False
    return blocks


def blocks_from_docx(data):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from exchange.zipguard import ZipBombError, check_archive

    try:
        check_archive(data)
        document = Document(io.BytesIO(data))
    except ZipBombError as e:
        raise DocumentError(str(e)) from e
    except Exception as e:  # python-docx raises many kinds on a file that is not a DOCX
        raise DocumentError(gettext("Không đọc được tệp DOCX: tệp hỏng hoặc không phải văn bản Word.")) from e
    blocks = []
    numbering = _Numbering(document)
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            label = numbering.label(item)
            for k, line in enumerate(item.text.split("\n")):
                if k == 0 and label:
                    line = f"{label} {line}"
                line = _clean(line)
                if line:
                    blocks.append(("p", line))
        elif isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells, previous = [], None
                for cell in row.cells:
                    # a horizontally merged cell comes back once per grid column: keep it once
                    if previous is not None and cell._tc is previous:
                        continue
                    previous = cell._tc
                    cells.append(_clean("\n".join(p.text for p in cell.paragraphs)))
                rows.append(cells)
            blocks.append(("table", rows))
    return blocks


_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n):
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


class _Numbering:
    """Word's automatic numbering ("I.", "1.", "a)", "-" drawn by Word, not typed): python-docx gives a paragraph's
    text without it, so the label is rebuilt from numbering.xml (level format and text) and counted here."""

    FORMATS = {"decimal": str, "upperRoman": _roman, "lowerRoman": lambda n: _roman(n).lower(),
               "lowerLetter": lambda n: "abcdefghiklmnopqrstuvxy"[(n - 1) % 23], "upperLetter": lambda n: "ABCDEFGHIKLMNOPQRSTUVXY"[(n - 1) % 23],
               "decimalZero": lambda n: f"{n:02d}"}

    def __init__(self, document):
        from docx.oxml.ns import qn

        self.qn, self.levels, self.counters = qn, {}, {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for a in root.findall(qn("w:abstractNum")):
            lv = {}
            for lvl in a.findall(qn("w:lvl")):
                fmt, text, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText")), lvl.find(qn("w:start"))
                lv[int(lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1)
            abstract[a.get(qn("w:abstractNumId"))] = lv
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.levels[num.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})

    def label(self, paragraph):
        qn = self.qn
        ppr = paragraph._p.pPr
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style = paragraph.style
        while numpr is None and style is not None:  # numbering given by the paragraph's style (List Number…)
            sppr = style.element.pPr
            numpr = sppr.find(qn("w:numPr")) if sppr is not None else None
            style = style.base_style
        if numpr is None:
            return ""
        num_id, ilvl = numpr.find(qn("w:numId")), numpr.find(qn("w:ilvl"))
        num_id = num_id.get(qn("w:val")) if num_id is not None else None
        level = int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        fmt, text, start = levels[level]
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        if fmt == "bullet":
            return "-"
        if fmt not in self.FORMATS:
            return ""

        def value(m):
            k = int(m.group(1)) - 1
            f = levels.get(k, ("decimal", "", 1))[0]
            return self.FORMATS.get(f, str)(counts.get(k, levels.get(k, ("", "", 1))[2]))

        return re.sub(r"%(\d)", value, text)


# a gap wider than this (points) between two words of a line parts two cells of a table without rules; a
# paragraph's words (justified too) stand 3-6 points apart
_CELL_GAP = 7.5


def _page_lines(words):
    """A page's words (pdfplumber) as lines, top to bottom, each a list of segments (words closer than
    ``_CELL_GAP``), a segment ``[x0, x1, text]``."""
    lines = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0] - w["top"]) < 2.5:
            lines[-1][1].append(w)
        else:
            lines.append([w["top"], [w], w["bottom"]])
    out = []
    for top, ws, bottom in lines:
        ws.sort(key=lambda w: w["x0"])
        segments = []
        for w in ws:
            if segments and w["x0"] - segments[-1][1] <= _CELL_GAP:
                segments[-1][1], segments[-1][2] = w["x1"], segments[-1][2] + " " + w["text"]
            else:
                segments.append([w["x0"], w["x1"], w["text"]])
        out.append({"top": top, "bottom": max(w["bottom"] for w in ws), "segments": segments})
    return out


def _char_width(lines):
    """A page's usual width of a character (points): its segments' widths over their lengths, the median."""
    widths = sorted((s[1] - s[0]) / len(s[2]) for ln in lines for s in ln["segments"] if len(s[2]) >= 4)
    return widths[len(widths) // 2] if widths else 5.0


def _laid_out(line, margin, width):
    """A line as ``pdftotext -layout`` writes it, which the text reader knows (``_indented_layout``): its indent from
    the page's margin and its gaps as spaces, one a character's width (a paragraph's first line indented, a wrapped
    line at the margin, the header's two columns far apart)."""
    out, x = "", margin
    for x0, x1, text in line["segments"]:
        out += " " * max(1 if out else 0, round((x0 - x) / width)) + text.replace("\xa0", " ").rstrip()
        x = x1
    return out


def _columns(lines):
    """The columns of a table without rules: the x-ranges its lines of two or more cells cover, apart."""
    spans = sorted((s[0], s[1]) for ln in lines if len(ln["segments"]) >= 2 for s in ln["segments"])
    columns = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1] + 1:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return columns


def _unruled_tables(lines, margin):
    """Tables drawn without rules (a DOCX table without borders): a run of lines parted into three cells or more by
    wide gaps, with the lines between them (a section row "A. …" at the margin between two such lines, a cell's
    wrapped words). Rows: a line whose first column has words starts one (its number, "1"; the header's first line),
    the lines under it go on with it cell by cell. Returns ``(first line, last line, rows)`` per table."""
    found, n = [], 0
    while n < len(lines):
        if len(lines[n]["segments"]) < 3:
            n += 1
            continue
        end = n
        k = n + 1
        while k < len(lines):
            ln = lines[k]
            if lines[k]["top"] - lines[k - 1]["bottom"] > 3 * (lines[k - 1]["bottom"] - lines[k - 1]["top"]) + 2:
                break
            if len(ln["segments"]) >= 2 or ln["segments"][0][0] > margin + 3:
                end = k
            elif not (k + 1 < len(lines) and len(lines[k + 1]["segments"]) >= 2):
                break  # a line at the margin that no row of cells follows: the text after the table
            k += 1
        region = lines[n:end + 1]
        columns = _columns(region)
        if len(columns) < 3 or sum(len(ln["segments"]) >= 3 for ln in region) < 2:
            n = end + 1
            continue
        found.append((n, end, _unruled_rows(region, columns)))
        n = end + 1
    return found


def _join_wrapped(a, b):
    """A cell's two lines as one: a date the cell's width broke inside ("30/11/202" / "6") is joined without a
    space, and so is a header word of capitals ("ST" / "T")."""
    if not a or not b:
        return a or b
    if re.fullmatch(r"[A-ZĐ]{1,3}", a) and re.fullmatch(r"[A-ZĐ]{1,2}", b):
        return a + b  # a narrow column's header word broken in two ("ST" / "T": "STT")
    return a + ("" if re.search(r"\d/\d{1,3}$", a) and b[:1].isdigit() else " ") + b


def _column_of(columns, segment):
    """The column a segment starts in (the last one starting at or before it)."""
    return max([k for k, (x0, x1) in enumerate(columns) if x0 <= segment[0] + 2] or [0])


def _unruled_rows(region, columns, rows=None):
    rows = rows if rows is not None else []
    for ln in region:
        cells = [""] * len(columns)
        for seg in ln["segments"]:
            k = _column_of(columns, seg)
            cells[k] = (cells[k] + " " + seg[2]).strip()
        spans = len(ln["segments"]) == 1 and ln["segments"][0][1] > columns[0][1] + 1 and cells[0]
        if spans:
            rows.append([cells[0]])  # a section row across the table ("A. Chính quyền số"): one merged cell
        elif not rows or (cells[0] and len(rows[-1]) > 1) or len(rows[-1]) == 1:
            rows.append(cells)
        else:
            rows[-1] = [_join_wrapped(a, b) for a, b in zip(rows[-1], cells)]
    return rows


def _ruled_rows(table):
    """A ruled table's rows (pdfplumber): a cell's lines joined; a cell merged across columns kept once; a cell
    merged down rows given in each row it covers, as python-docx gives a DOCX table."""
    texts = table.extract()
    rows = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, cell in enumerate(row.cells):
            text = texts[r][c]
            if cell is None:
                above = next((k for k in range(r - 1, -1, -1) if table.rows[k].cells[c] is not None), None)
                if above is None or table.rows[above].cells[c][3] < row.bbox[3] - 1:
                    continue  # merged across: the cell on its left holds the text
                text = rows[above][c] if c < len(rows[above]) and len(rows[above]) == len(row.cells) else ""
            lines = (text or "").split("\n")
            joined = lines[0]
            for line in lines[1:]:
                joined = _join_wrapped(joined.rstrip(), line.strip())
            cells.append(_clean(joined))
        rows.append(cells)
    return rows


def _same_row(a, b):
    return [re.sub(r"\W+", "", fold_key(c)) for c in a] == [re.sub(r"\W+", "", fold_key(c)) for c in b]


def fold_key(text):
    return unicodedata.normalize("NFC", text or "").lower()


def blocks_from_pdf(data):
    """A PDF's text layer read by position (pdfplumber): its ruled tables as table blocks (``_ruled_rows``), its
    tables without rules too (``_unruled_tables``), the rest of each page as text lines in reading order, read as
    text (``blocks_from_text``). A table that ends a page and one that starts the next with as many columns are one
    table, the next page's repeat of the header row dropped; lines at the next page's top inside the table's columns
    (a wrapped cell's end) go on with its last row."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    items = []  # ("text", line) and ("table", rows, continues): in reading order
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                ruled = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 3]
                boxes = [t.bbox for t in ruled]

                def outside(obj, boxes=boxes):
                    if obj.get("object_type") != "char":
                        return True
                    middle = ((obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2)
                    return not any(b[0] <= middle[0] <= b[2] and b[1] <= middle[1] <= b[3] for b in boxes)

                lines = _page_lines(page.filter(outside).extract_words(x_tolerance=1.5, keep_blank_chars=True))
                margin = min((ln["segments"][0][0] for ln in lines), default=0)
                width = _char_width(lines)
                pieces = [(t.bbox[1], "table", _ruled_rows(t), None) for t in ruled]
                taken = set()
                for first, last, rows in _unruled_tables(lines, margin):
                    pieces.append((lines[first]["top"], "table", rows, _columns(lines[first:last + 1])))
                    taken.update(range(first, last + 1))
                for k, ln in enumerate(lines):
                    if k not in taken:
                        pieces.append((ln["top"], "text", ln, None))
                pieces.sort(key=lambda p: p[0])
                page_items, started = [], True
                for top, kind, content, columns in pieces:
                    if kind == "text" and re.fullmatch(r"[-–\s]*\d{1,3}[-–\s]*",
                                                       " ".join(s[2] for s in content["segments"])):
                        continue  # a page number alone
                    last = items[-1] if items and not page_items else None
                    if kind == "text":
                        if (started and last and last[0] == "table" and last[3] and content["segments"][0][0]
                                > last[3][0][1] + 1):
                            # the previous page's table without rules goes on: a wrapped cell's last words
                            _unruled_rows([content], last[3], last[1])
                            continue
                        started = False
                        page_items.append(("text", _laid_out(content, margin, width)))
                    else:
                        if (started and last and last[0] == "table"
                                and len(max(content, key=len)) == len(max(last[1], key=len))):
                            rows = content[1:] if content and _same_row(content[0], last[1][0]) else content
                            if (rows and len(rows[0]) == len(last[1][-1]) > 2 and not rows[0][0]
                                    and last[1][-1][0]):
                                # a row the page break split: its rest, no number of its own, goes on with it
                                last[1][-1] = [_join_wrapped(a, b) for a, b in zip(last[1][-1], rows.pop(0))]
                            last[1].extend(rows)
                        else:
                            page_items.append(("table", content, None, columns))
                        started = False
                items.extend(page_items)
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, OSError, AttributeError) as e:
        raise DocumentError(gettext("Không đọc được tệp PDF: tệp hỏng hoặc được bảo vệ.")) from e
    except Exception as e:  # pdfminer raises its own kinds on an encrypted or broken file
        if type(e).__module__.startswith(("pdfminer", "pdfplumber", "pypdfium2")):
            raise DocumentError(gettext("Không đọc được tệp PDF: tệp hỏng hoặc được bảo vệ.")) from e
        raise
    text = sum(len(i[1]) for i in items if i[0] == "text") + sum(len(" ".join(map(" ".join, i[1])))
                                                                  for i in items if i[0] == "table")
    if text < 50:
        raise DocumentError(gettext("Tệp PDF không có lớp chữ (bản quét): hãy gửi bản DOCX hoặc PDF có chữ."))
    if not any(i[0] == "table" for i in items):
        return _blocks_from_pdf_text(data)
    blocks, lines = [], []
    for item in items + [("table", None, None, None)]:
        if item[0] == "text":
            lines.append(item[1])
            continue
        blocks.extend(blocks_from_text("\n".join(lines)))
        lines = []
        if item[1] is not None:
            blocks.append(("table", item[1]))
    return blocks


def _blocks_from_pdf_text(data):
    """A PDF with no table: its text layer as pypdf gives it, read as text, as before pdfplumber read tables (on
    LibreOffice's PDFs of the dev set's texts pypdf's lines read better than pdfplumber's words)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join((page.extract_text() or "") for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise DocumentError(gettext("Không đọc được tệp PDF: tệp hỏng hoặc được bảo vệ.")) from e
    return blocks_from_text(text)


def read_blocks(name, data):
    """The blocks of the document ``data`` (bytes) named ``name``; DocumentError when it cannot be read."""
    lower = (name or "").lower()
    if lower.endswith(".docx") or data[:2] == b"PK":
        return blocks_from_docx(data)
    if lower.endswith(".pdf") or data[:5] == b"%PDF-":
        return blocks_from_pdf(data)
    if lower.endswith(".doc"):
        raise DocumentError(gettext("Tệp .doc (Word 97-2003) chưa đọc được: hãy lưu lại thành .docx."))
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DocumentError(gettext("Không đọc được tệp văn bản: không phải UTF-8."))
    if "\x00" in text:
        raise DocumentError(gettext("Không đọc được tệp: không phải văn bản."))
    return blocks_from_text(text)
