"""Task tables laid out as text in columns of spaces: what `pdftotext -layout` prints for a PDF page with a table (a
landscape appendix "PHỤ LỤC … DANH MỤC NHIỆM VỤ"), pasted into a .txt, or typed so by hand.

``take_tables(lines)`` finds each such table by its header (a line whose cells, parted by runs of two spaces or more,
name two of the columns the other table readers know: TT, Nội dung/Nhiệm vụ, Chủ trì, Phối hợp, Thời gian …; a
header's lines above and below it joined column by column, a cell spanning others over them, "Đơn vị thực hiện" over
"Chủ trì  Phối hợp", dropped), works out the columns from where the body's numbered rows put their cells, page by page
(pdftotext places a table's columns anew on each page), and writes the table as "| a | b |" rows, the header row
first (``pipe_tables``): the "|" reader gives them to the parser's table code (``parser._table_into``) as the DOCX
and PDF readers give theirs. A row starts at
a line with a number (or a Roman numeral or a letter: a group's row) in the first column; the lines under it, up to
the next such line, go on its cells, column by column; a page number, a form feed, blank lines and the header repeated
on the next page are skipped; the table ends at a line whose first column holds words, or whose words cross its
columns (a paragraph), or at a "|" or tab line."""

import re

from plan_tracker.text import fold

from .names import _STARTER_RE


_SEGMENT = re.compile(r"\S+(?: \S+)*")  # a cell's words on a line: runs of words parted by single spaces
_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXL]{1,6}\.?|[A-ZĐ][.)]?|[a-zđ]\))$")
_MARKED = re.compile(r"^(\d{1,3}(?:\.\d{1,2})*\.?|[IVXL]{1,6}\.|[A-ZĐ][.)]|[a-zđ]\))\s+(\S.*)$")
_NAMES = re.compile(r"chu tri|phoi hop|thuc hien|trach nhiem")
_TOLERANCE = 2  # a column's cells start within this many characters of one another (a number "1" / "10" centred)


def _segments(line):
    return [(m.start(), m.end(), m.group()) for m in _SEGMENT.finditer(line)]


def _column_names():
    from .parser import _COLUMNS  # the parser's column names: one list for every table reader

    return _COLUMNS


def _names_a_column(text):
    name = fold(text)
    return any(pattern.search(name) for _key, pattern in _column_names())


def _is_header(line):
    """A header line: three cells or more, two of them column names, none a long text."""
    if "|" in line or "\t" in line:
        return False
    segs = _segments(line.replace("\f", " "))
    # a justified line of prose may part "chủ trì" and "thời gian" by wide gaps: a header's cells are column names
    # or capitalised ("Cơ quan" over "chủ trì")
    return (len(segs) >= 3 and sum(_names_a_column(s[2]) for s in segs) >= 2 and all(len(s[2]) <= 40 for s in segs)
            and all(not s[2][:1].islower() or _names_a_column(s[2]) for s in segs))


def _is_page_number(line):
    # stripped first: "\s*" on both sides of an optional dash backtracks over a long run of spaces
    return re.fullmatch(r"[-–]?\s*\d{1,3}\s*[-–]?", line.replace("\f", "").strip()) is not None


def _row_marker(segs, starts):
    """The row's number when the line starts a row: its first cell, in the first column, a number or a group's mark."""
    if not segs or (len(starts) > 1 and segs[0][0] >= starts[1] - _TOLERANCE):
        return None
    text = segs[0][2]
    if _NUMBER.match(text):
        return text
    m = _MARKED.match(text)
    return m.group(1) if m else None


def _cluster(positions):
    """Column starts: positions within ``_TOLERANCE`` of one another are one column (its leftmost)."""
    starts = []
    for p in sorted(set(positions)):
        if starts and p - starts[-1][-1] <= _TOLERANCE:
            starts[-1].append(p)
        else:
            starts.append([p])
    return [c[0] for c in starts]


def _body_starts(lines):
    """A page's column starts: where its numbered rows' first lines start their cells (three cells or more)."""
    positions = []
    for line in lines:
        segs = _segments(line)
        if len(segs) >= 3 and _NUMBER.match(segs[0][2]):
            positions += [s[0] for s in segs]
    if not positions:  # no row starts on the page: every line's cells
        positions = [s[0] for line in lines for s in _segments(line)]
    return _cluster(positions)


def _column_of(starts, position):
    j = 0
    for k, s in enumerate(starts):
        if s <= position + _TOLERANCE:
            j = k
    return j


def _header_columns(header, starts):
    """The columns named by the header's lines over a page whose cells start at ``starts``: (starts, names). A cell
    spanning two columns or more that another header line names apart ("Đơn vị thực hiện" over "Chủ trì  Phối hợp")
    is dropped; two header cells over one body column (a column empty on every row, "Ghi chú") make two."""
    starts = list(starts)
    segs = [(n, s) for n, line in enumerate(header) for s in _segments(line)]
    for n, (a, b, _text) in segs:
        same = [s for m, s in segs if m == n and s[0] != a and _column_of(starts, s[0]) == _column_of(starts, a)]
        if same and a > min(s[0] for s in same) and not any(abs(a - s) <= _TOLERANCE for s in starts):
            starts = sorted(starts + [a])
    names = [[] for _ in starts]
    for n, (a, b, text) in segs:
        covered = [k for k, s in enumerate(starts) if a - _TOLERANCE <= s < b - _TOLERANCE]
        if len(covered) >= 2 and any(m != n and _column_of(starts, s[0]) in covered for m, s in segs):
            continue  # a cell spanning the cells named under it
        names[_column_of(starts, a)].append(text)
    return starts, [" ".join(ns) for ns in names]


def _unnamed_into_named(starts, names):
    """Each column's index among the named columns: a column no header cell names (cells centred across their
    column start at places of their own: "Trong năm 2026" left of "Tháng") is the nearest named column's."""
    named = [k for k, n in enumerate(names) if n]
    if not named:
        return list(range(len(starts))), names
    index = {k: m for m, k in enumerate(named)}
    return [index.get(k, index[min(named, key=lambda n: abs(starts[n] - starts[k]))]) for k in range(len(starts))], \
        [names[k] for k in named]


def _map_page(starts, first, page_lines, first_lines):
    """A later page's column starts mapped onto the first page's columns: one to one when as many, else by place
    across the table's width."""
    if all(any(abs(s - f) <= _TOLERANCE for f in first) for s in starts):
        return [min(range(len(first)), key=lambda k: abs(first[k] - s)) for s in starts]  # placed as on the first page
    if len(starts) == len(first):
        return list(range(len(first)))

    def extent(lines):
        segs = [s for line in lines for s in _segments(line)]
        return (min(s[0] for s in segs), max(s[1] for s in segs)) if segs else (0, 1)

    lo, hi = extent(page_lines)
    flo, fhi = extent(first_lines)
    out = []
    for s in starts:
        x = flo + (s - lo) * (fhi - flo) / max(1, hi - lo)
        out.append(min(range(len(first)), key=lambda k: abs(first[k] - x)))
    return out


def _name_ends(text):
    """Whether a names cell's line ends a name: its last name has words past its kind ("Sở Tài chính", not "Văn
    phòng" / "UBND tỉnh", "Sở Khoa học và" / "Công nghệ") and no list mark ends it (then a space joins as well)."""
    last = re.split(r"[;,]", text)[-1].strip()
    m = _STARTER_RE.match(last)
    return bool(m and last[m.end():].strip() and not re.search(r"(?:\s(?:và|của|các|cấp|thuộc)|[&\-–/])$", last))


def _join(a, b, names):
    if not a or not b:
        return a or b
    if names and _name_ends(a) and _STARTER_RE.match(b):
        return f"{a}; {b}"  # one name a line ("Sở Tài chính" / "Sở Nội vụ"): a list of names
    if re.search(r"\d/\d{1,3}$", a) and b[:1].isdigit():
        return a + b  # a date the column's width broke ("30/11/202" / "6")
    return f"{a} {b}"


def _header_block(lines, h, first):
    """(top, bottom) of the header around its line ``h``: lines above it inside its columns (not at the first
    column: "Đơn vị thực hiện", "Cơ quan" over "chủ trì"), lines below it that are no row (wrapped header words)."""
    top = h
    lead = _segments(lines[h])[0][0]
    while top > h - 2 and top - 1 >= 0 and lines[top - 1].strip() and "|" not in lines[top - 1]:
        segs = _segments(lines[top - 1].replace("\f", " "))
        if not segs or segs[0][0] <= lead + _TOLERANCE or any(len(s[2]) > 30 for s in segs):
            break
        if not first and not _names_a_column(lines[top - 1]) and not "\f" in lines[top - 1]:
            break
        top -= 1
    bottom = h
    while bottom < h + 3 and bottom + 1 < len(lines) and lines[bottom + 1].strip():
        segs = _segments(lines[bottom + 1].replace("\f", " "))
        if (not segs or _NUMBER.match(segs[0][2]) or _MARKED.match(segs[0][2]) or "|" in lines[bottom + 1]
                or any(len(s[2]) > 30 for s in segs)):
            break
        bottom += 1
    return top, bottom


def _task_row_follows(lines, i):
    """Whether a task's row (a number, then cells) comes after the line ``i`` before any other line at the first
    column: a group's row is followed by its rows."""
    for line in lines[i + 1:i + 9]:
        segs = _segments(line.replace("\f", " "))
        if not segs or _is_page_number(line) or _is_header(line):
            continue
        if _NUMBER.match(segs[0][2]) or _MARKED.match(segs[0][2]):
            return len(segs) >= 3
    return False


def _header_follows(lines, i):
    """Whether line ``i`` is a header's upper line: the header's line of names right under it."""
    return (i + 1 < len(lines) and _is_header(lines[i + 1]) and _header_block(lines, i + 1, False)[0] <= i)


def _title_column(names):
    title = dict(_column_names())["title"]
    return next((j for j, n in enumerate(names) if title.search(fold(n)) and not _NAMES.search(fold(n))), 1)


_PAGE_LINES = 150  # more lines than a page of pdftotext -layout holds (~60–90)


def _read_table(lines, h):
    """The table whose header line is ``h``: (first line, line after its last, rows). First the table's lines, each a
    row's start or a line of cells going on a row; then the lines given to their rows (``_centred_split``)."""
    top, bottom = _header_block(lines, h, True)
    header = [ln.replace("\f", " ") for ln in lines[top:bottom + 1]]
    header = [ln for ln in header if not re.fullmatch(r"\s*(?:\(\d+\)\s*)+", ln)]
    # the first page's lines: up to the next form feed, at most a page's (_PAGE_LINES: a text with no form feed is not
    # read whole again at every header-like line)
    k = bottom + 1
    while k < len(lines) and k <= bottom + _PAGE_LINES and "\f" not in lines[k]:
        k += 1
    first_lines = [ln for ln in lines[bottom + 1:k]]
    starts, names = _header_columns(header, _body_starts(first_lines) or [0])
    into, names = _unnamed_into_named(starts, names)
    width = len(names)
    name_cols = {j for j, n in enumerate(names) if _NAMES.search(fold(n))}
    title_col = _title_column(names)
    entries = []  # (marker or None, [(column, text)], a group's row)
    rows_at_last_header = -1  # how many entries there were at the last header repeated
    page_starts, mapping = starts, into
    i = bottom + 1
    end = i
    wide = False
    while i < len(lines):
        raw = lines[i]
        if "|" in raw or "\t" in raw:
            break
        if "\f" in raw:
            # a new page: the header repeated on it skipped, its columns placed anew
            j = i
            while j < len(lines) and j < i + 4 and not _is_header(lines[j]):
                j += 1
            page_end = _header_block(lines, j, False)[1] + 1 if j < len(lines) and _is_header(lines[j]) else i
            n = page_end + 1
            while n < len(lines) and "\f" not in lines[n]:
                n += 1
            page = [ln.replace("\f", " ") for ln in lines[page_end:n]]
            page_starts = _body_starts(page) or starts
            mapping = [into[k] for k in _map_page(page_starts, starts, page, first_lines)]
            if i != page_end:
                i = page_end
                continue
            raw = raw.replace("\f", " ")
        if not raw.strip():
            i += 1
            continue
        if _is_page_number(raw) and (not entries or (len(page_starts) > 1 and _segments(raw)[0][0] >= page_starts[1]
                                                     - _TOLERANCE) or "\f" in lines[i] or i + 1 >= len(lines)
                                     or not lines[i + 1].strip() or "\f" in lines[i + 1]):
            i += 1  # a page's number: at the page's foot (a form feed or blank lines after it) or off the columns
            continue
        if re.fullmatch(r"\s*(?:\(\d+\)\s*)+", raw):
            i += 1
            continue
        if _is_header(raw):  # the header repeated without a form feed (a page pasted after another)
            if len(entries) == rows_at_last_header:
                break  # a header again with no row since the last: no table goes on here
            rows_at_last_header = len(entries)
            i = _header_block(lines, i, False)[1] + 1
            continue
        if _header_follows(lines, i):
            i += 1  # a repeated header's line above its names ("Đơn vị thực hiện" over "Chủ trì  Phối hợp")
            continue
        if re.fullmatch(r"\s*[-_=+.]{3,}\s*", raw):
            i += 1  # a ruled line between rows
            continue
        segs = _segments(raw)
        marker = _row_marker(segs, page_starts)
        group = False
        if marker is not None and len(segs) == 1 and segs[0][2] != marker:
            if not _task_row_follows(lines, i):
                marker = None  # "III. TỔ CHỨC THỰC HIỆN", "1. Sở X …" after the table: its next part, not a group
            group = True
        if marker is not None:
            # "I", "A" with the group's name and nothing else: a group's row
            group = group or (_roman_or_letter(marker) is not None and len(segs) <= 2)
            if segs[0][2] != marker:  # "1. Việc …", "I. Nhóm …": the mark and its words in one run
                rest = _MARKED.match(segs[0][2]).group(2)
                segs = [(segs[0][0], segs[0][0], marker),
                        (page_starts[min(title_col, len(page_starts) - 1)], segs[0][1], rest)] + segs[1:]
        else:
            last_group = bool(entries) and entries[-1][2] and bool(lines[i - 1].strip())
            if (last_group and len(segs) == 1 and _task_row_follows(lines, i)
                    and (len(page_starts) < 2 or segs[0][0] < page_starts[1] - _TOLERANCE or wide)):
                # a group's row wrapped ("II. Dịch vụ công và đào tạo cho" / "cán bộ cấp xã"): its name goes on
                entries[-1][1].append((title_col, segs[0][2]))
                i += 1
                end = i
                continue
            if len(page_starts) > 1 and segs[0][0] < page_starts[1] - _TOLERANCE:
                break  # words in the first column: a paragraph after the table
            if any(j + 1 < len(page_starts) and b > page_starts[j + 1] + _TOLERANCE
                   for a, b, _text in segs for j in [_column_of(page_starts, a)]):
                break  # the words run across the columns: a paragraph, not a cell
        cells = []
        for a, _b, text in segs:
            c = _column_of(page_starts, a)
            cells.append((mapping[c] if c < len(mapping) else width - 1, text.strip()))
        entries.append((marker, cells, group))
        # a group's row whose name runs past the title's column: a line of words under it is its name going on
        wide = group and title_col + 1 < len(page_starts) and segs[-1][1] > page_starts[title_col + 1] + _TOLERANCE
        i += 1
        end = i
    rows = [names]
    for marker, group, cells in _centred_split(entries, title_col):
        row = [""] * width
        for j, text in cells:
            row[j] = _join(row[j], text, j in name_cols)
        if any(row):
            rows.append(row)
    return top, end, rows


def _roman_or_letter(marker):
    return re.fullmatch(r"(?:[IVXL]{1,6}|[A-ZĐ])[.)]?", marker)


def _centred_split(entries, title_col):
    """The rows: (marker, a group's row, [(column, text)]). A line of cells goes on the row above it, but in a table
    whose cells are centred vertically (a row's title has lines above its number's line: the line after the header or
    a group's row is no row's start) a row's number sits on its middle line: the lines between two rows' numbers are
    parted where the next row's title starts (a capital in the title's column) nearest to as many lines below the
    row's number as it had above."""
    starts = [n for n, e in enumerate(entries) if e[0] is not None]
    centred = any(e[0] is None and (n == 0 or (entries[n - 1][0] is not None and entries[n - 1][2]))
                  for n, e in enumerate(entries))
    rows = []
    if not centred:
        for marker, cells, group in entries:
            if marker is not None:
                rows.append([marker, group, list(cells)])
            elif rows:
                rows[-1][2] += cells
        return rows
    above, pending = 0, []  # the lines above the next row's number
    for n, (marker, cells, group) in enumerate(entries):
        if marker is None:
            continue
        nxt = next((k for k in range(n + 1, len(entries)) if entries[k][0] is not None), len(entries))
        gap = entries[n + 1:nxt]
        row = [marker, group, [c for e in pending for c in e[1]] + list(cells)]
        rows.append(row)
        if nxt == len(entries) or entries[nxt][2]:
            k = len(gap)  # the last row, or before a group's row: every line the row's own
        elif group:
            k = 0  # after a group's row: the next row's lines
        else:
            def opens(e):
                return any(j == title_col and t[:1].isupper() for j, t in e[1])
            choices = [k for k in range(len(gap) + 1) if k == len(gap) or opens(gap[k])]
            k = min(choices, key=lambda k: (abs(k - above), k < above))
        row[2] += [c for e in gap[:k] for c in e[1]]
        pending = gap[k:]
        above = len(pending)
    return rows


def pipe_tables(text):
    """The text with each task table in columns of spaces written as "| a | b |" rows, one a row (a cell's "|" a
    "/"), for ``readers.blocks_from_text``'s table rows."""
    if "  " not in text:
        return text
    lines, tables = take_tables(text.split("\n"))
    if not tables:
        return text
    out = []
    for line in lines:
        if line.startswith(_PLACEHOLDER):
            rows = tables[int(line[len(_PLACEHOLDER):])]
            out += ["| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in row) + " |" for row in rows]
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


_PLACEHOLDER = "\x1etable "  # the line that stands for a table taken out


def take_tables(lines):
    """The lines with each task table in columns of spaces taken out: (lines, tables), a table's lines replaced by
    one line ``_PLACEHOLDER + its index``. Tables with fewer than one row are left as text."""
    out, tables, i = [], [], 0
    while i < len(lines):
        if _is_header(lines[i]):
            top, end, rows = _read_table(lines, i)
            header = fold(" ".join(rows[0]))
            if len(rows) >= 2 and _NAMES.search(header) and end > i:
                del out[len(out) - (i - top):]
                out.append(f"{_PLACEHOLDER}{len(tables)}")
                tables.append(rows)
                i = end
                continue
        out.append(lines[i])
        i += 1
    return out, tables
