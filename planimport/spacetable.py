"""Task tables laid out as text in columns of spaces: what `pdftotext -layout` prints for a PDF page with a table (a
landscape appendix "PHỤ LỤC … DANH MỤC NHIỆM VỤ"), pasted into a .txt, or typed so by hand.

``take_tables(lines)`` finds each such table by its header (a line whose cells, parted by runs of two spaces or more,
name two of the columns the other table readers know: TT, Nội dung/Nhiệm vụ, Chủ trì, Phối hợp, Thời gian …; a
header's lines above and below it joined column by column, a cell spanning others over them, "Đơn vị thực hiện" over
"Chủ trì  Phối hợp", dropped), works out the columns from where the body's numbered rows put their cells, page by page
(pdftotext places a table's columns anew on each page), and gives the table as rows of cells, the header row first:
the rows the DOCX, PDF and "|" readers give, read by the parser's table code (``parser._table_into``). A row starts at
a line with a number (or a Roman numeral or a letter: a group's row) in the first column; the lines under it, up to
the next such line, go on its cells, column by column; a page number, a form feed, blank lines and the header repeated
on the next page are skipped; the table ends at a line whose first column holds words, or whose words cross its
columns (a paragraph), or at a "|" or tab line."""

import re

from plan_tracker.text import fold

PLACEHOLDER = "\x1etable "  # the line that stands for a table taken out (readers.blocks_from_text puts it back)

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
    return (len(segs) >= 3 and sum(_names_a_column(s[2]) for s in segs) >= 2
            and all(len(s[2]) <= 40 for s in segs))


def _is_page_number(line):
    return re.fullmatch(r"\s*[-–]?\s*\d{1,3}\s*[-–]?\s*", line.replace("\f", "")) is not None


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


def _join(a, b, names):
    if not a or not b:
        return a or b
    if names:
        return f"{a}\n{b}"  # a names cell's lines: the parser reads each as a name or joins a name the width broke
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


def _read_table(lines, h):
    """The table whose header line is ``h``: (first line, line after its last, rows)."""
    top, bottom = _header_block(lines, h, True)
    header = [ln.replace("\f", " ") for ln in lines[top:bottom + 1]]
    header = [ln for ln in header if not re.fullmatch(r"\s*(?:\(\d+\)\s*)+", ln)]
    # the first page's lines: up to the next form feed
    k = bottom + 1
    while k < len(lines) and "\f" not in lines[k]:
        k += 1
    first_lines = [ln for ln in lines[bottom + 1:k]]
    starts, names = _header_columns(header, _body_starts(first_lines) or [0])
    width = len(starts)
    name_cols = {j for j, n in enumerate(names) if _NAMES.search(fold(n))}
    rows = [names]
    current = None
    page_starts, mapping, page_first = starts, list(range(width)), first_lines
    i = bottom + 1
    end = i
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
            mapping = _map_page(page_starts, starts, page, first_lines)
            if i != page_end:
                i = page_end
                continue
            raw = raw.replace("\f", " ")
        if not raw.strip():
            i += 1
            continue
        if _is_page_number(raw) and (current is None or (len(page_starts) > 1 and _segments(raw)[0][0] >= page_starts[1] - _TOLERANCE) or "\f" in lines[i]
                                     or i + 1 >= len(lines) or not lines[i + 1].strip() or "\f" in lines[i + 1]):
            i += 1  # a page's number: at the page's foot (a form feed or blank lines after it) or off the columns
            continue
        if re.fullmatch(r"\s*(?:\(\d+\)\s*)+", raw):
            i += 1
            continue
        if _is_header(raw):  # the header repeated without a form feed (a page pasted after another)
            _t, b = _header_block(lines, i, False)
            i = b + 1
            continue
        segs = _segments(raw)
        marker = _row_marker(segs, page_starts)
        if marker is not None:
            current = [""] * width
            rows.append(current)
            first = segs[0][2]
            if first != marker:  # "1. Việc …", "I. Nhóm …": the mark and its words in one run
                rest = _MARKED.match(first).group(2)
                segs = [(segs[0][0], segs[0][0], marker), (page_starts[min(1, len(page_starts) - 1)], segs[0][1], rest)] + segs[1:]
        else:
            if current is None:
                break
            if len(page_starts) > 1 and segs[0][0] < page_starts[1] - _TOLERANCE:
                break  # words in the first column: a paragraph after the table
            group = not any(current[2:])  # a group's row: its words may run across the columns
            crosses = any(j + 1 < len(page_starts) and b > page_starts[j + 1] + _TOLERANCE
                          for a, b, _text in segs for j in [_column_of(page_starts, a)])
            if crosses and not (group and len(segs) == 1):
                break  # the words run across the columns: a paragraph, not a cell
        for a, _b, text in segs:
            j = mapping[_column_of(page_starts, a)] if _column_of(page_starts, a) < len(mapping) else width - 1
            current[j] = _join(current[j], text.strip(), j in name_cols)
        i += 1
        end = i
    rows = [rows[0]] + [r for r in rows[1:] if any(r)]
    return top, end, rows


def take_tables(lines):
    """The lines with each task table in columns of spaces taken out: (lines, tables), a table's lines replaced by
    one line ``PLACEHOLDER + its index``. Tables with fewer than one row are left as text."""
    out, tables, i = [], [], 0
    while i < len(lines):
        if _is_header(lines[i]):
            top, end, rows = _read_table(lines, i)
            header = fold(" ".join(rows[0]))
            if len(rows) >= 2 and _NAMES.search(header) and end > i:
                del out[len(out) - (i - top):]
                out.append(f"{PLACEHOLDER}{len(tables)}")
                tables.append(rows)
                i = end
                continue
        out.append(lines[i])
        i += 1
    return out, tables
