"""Shared python-docx helpers for the constructed blind sets' DOCX documents (paragraphs, headings, the borderless
two-column header, task tables with section rows merged across and an optional two-row header, the signature).
Taken from make_docx_blind22.py's helpers (blind21's) in round 24 (blind24), so that the next set imports them
instead of copying them: ``from docx_tools import new_document, header_table, para, table, signature``.
Every text is NFC-normalised on its way in."""

import unicodedata

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm


def nfc(s):
    return unicodedata.normalize("NFC", s)


def new_document():
    return Document()


def header(doc, lines):
    """lines: (text, centred, bold) each a paragraph, e.g. the "KẾ HOẠCH" line and the title under it."""
    for text, center, bold in lines:
        p = doc.add_paragraph()
        r = p.add_run(nfc(text))
        r.bold = bold
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def para(doc, text, bold=False, italic=False, center=False):
    p = doc.add_paragraph()
    r = p.add_run(nfc(text))
    r.bold = bold
    r.italic = italic
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def paras(doc, texts, bold=False):
    """Several plain paragraphs; a text starting with "**" is written in bold without the stars."""
    for t in texts:
        if t.startswith("**"):
            para(doc, t[2:], bold=True)
        else:
            para(doc, t, bold=bold)


def no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tbl_pr.append(borders)


def header_table(doc, left, right):
    """The usual two-column header of an official document, drawn without rules: issuer left, the national motto
    right. left, right: (text, bold) a row each, as many rows on each side."""
    t = doc.add_table(rows=len(left), cols=2)
    no_borders(t)
    for i, (a, b) in enumerate(zip(left, right)):
        for cell, (text, bold) in ((t.rows[i].cells[0], a), (t.rows[i].cells[1], b)):
            cell.text = ""
            p = cell.paragraphs[0]
            r = p.add_run(nfc(text))
            r.bold = bold
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return t


def fill(cell, value):
    """A cell's value; "\\n" in it starts another paragraph of the cell."""
    parts = value.split("\n")
    cell.text = nfc(parts[0])
    for extra in parts[1:]:
        cell.add_paragraph(nfc(extra))


def table(doc, head, rows, widths=None, sub_head=None, span=None, merge_down=()):
    """A ruled task table. rows: a list; a str is a section row ("I|title"): its first cell the numeral, the rest
    merged across. A cell value holding "\\n" is written as several paragraphs. sub_head: a second header row; span:
    (first, last) columns of the first header row merged over the second's cells, the other header cells merged down.
    merge_down: (row index in rows, column, n) — that cell merged with the same column of the n-1 rows below it (the
    value of the first row kept)."""
    top_rows = 2 if sub_head else 1
    t = doc.add_table(rows=top_rows, cols=len(head))
    t.style = "Table Grid"
    for i, h in enumerate(head):
        t.rows[0].cells[i].text = nfc(h)
    if sub_head:
        for i, h in enumerate(sub_head):
            t.rows[1].cells[i].text = nfc(h)
        a, b = span
        for i in range(len(head)):
            if i < a or i > b:
                top = t.rows[0].cells[i]
                text = top.text
                merged = top.merge(t.rows[1].cells[i])
                merged.text = nfc(text)
        text = t.rows[0].cells[a].text
        merged = t.rows[0].cells[a].merge(t.rows[0].cells[b])
        merged.text = nfc(text)
    for row in rows:
        cells = t.add_row().cells
        if isinstance(row, str):
            num, title = row.split("|")
            cells[0].text = nfc(num)
            merged = cells[1].merge(cells[-1])
            merged.text = nfc(title)
            continue
        for i, v in enumerate(row):
            fill(cells[i], v)
    for first, col, n in merge_down:
        r0 = top_rows + first
        text = t.rows[r0].cells[col].text
        merged = t.rows[r0].cells[col].merge(t.rows[r0 + n - 1].cells[col])
        merged.text = nfc(text)
    if widths:
        t.autofit = False
        for i, w in enumerate(widths):
            t.columns[i].width = Cm(w)
        for row in t.rows:
            for i, cell in enumerate(row.cells):
                cell.width = Cm(widths[i])
    return t


def signature(doc, receivers, lines):
    para(doc, "Nơi nhận:")
    for r in receivers:
        para(doc, r)
    for line in lines:
        para(doc, line, bold=True)


def docx_text(path):
    """The document's text as the key checker sees it: paragraphs, then every table cell."""
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def bullet_numbering(doc, char="-"):
    """A list drawn by Word (automatic numbering), its one level a bullet ``char`` ("-" as Vietnamese plans type
    their dashes): adds an abstract numbering and a numbering instance to the document's numbering part and returns
    the instance's id for ``list_para``. Added in blind25; the helpers above are unchanged."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "bullet"), ("w:lvlText", char), ("w:lvlJc", "left")):
        e = OxmlElement(tag)
        e.set(qn("w:val"), val)
        lvl.append(e)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), "720")
    ind.set(qn("w:hanging"), "360")
    ppr.append(ind)
    lvl.append(ppr)
    abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    return num_id


def list_para(doc, text, num_id, level=0):
    """A paragraph of a list drawn by Word: its bullet or number is not in its text (see ``bullet_numbering``)."""
    p = doc.add_paragraph()
    p.add_run(nfc(text))
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
    return p
