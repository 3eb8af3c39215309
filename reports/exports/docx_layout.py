"""The page and paragraph layout of an administrative document, written with python-docx: ``_Doc``, which
``docx.build_docx`` fills.

Decree 30/2020/NĐ-CP, Appendix I: A4; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times
New Roman; body 13–14 pt, justified, first line indented 1–1.27 cm, at least 6 pt between paragraphs; page
numbers centred in the top margin, none on the first page.
"""

import io
import re

from django.utils import timezone

from .common import _clean

_RUN_BREAKS = re.compile(r"[\t\r\n]+")

FONT = "Times New Roman"
BODY_PT = 13  # the Decree allows 13–14 pt: 13 keeps the signed body within about ten pages


def _set_fonts(rpr_parent):
    """Times New Roman for every script, dropping the theme fonts that would otherwise win in Word."""
    from docx.oxml.ns import qn

    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)


# The elements that follow w:pBdr inside w:pPr (ECMA-376 CT_PPrBase, then CT_PPr).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def _border(paragraph, side, size=6):
    """A single solid line on one side of a paragraph (the Decree's short rules under headings)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), "000000")
    bdr.append(line)
    # pBdr must sit at its place in the schema's sequence, or Word reports the file as damaged.
    ppr.insert_element_before(bdr, *_AFTER_PBDR)


def _page_number_field(paragraph):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        return run

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    char("separate")
    paragraph.add_run("2")
    char("end")


def _no_table_borders(table):
    """A borderless table with no cell padding on the sides (the header and signature blocks)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    # In the schema's order (CT_TblPr), or Word offers to repair the file.
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                                 "w:tblDescription", "w:tblPrChange")
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _indent_table(table, mm):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), str(round(mm * 1440 / 25.4)))  # twentieths of a point
    ind.set(qn("w:type"), "dxa")
    table._tbl.tblPr.insert_element_before(ind, "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                           "w:tblCaption", "w:tblDescription", "w:tblPrChange")


# Advance widths of Times New Roman in ems (of the font size): digits and the common marks; other characters
# are taken at the width of a wide letter, so that an estimate never falls short.
_EM = {**dict.fromkeys("0123456789", 0.5), ".": 0.25, ",": 0.25, " ": 0.25, "\u00a0": 0.25, "%": 0.833,
       "-": 0.333, "/": 0.278}


def text_width_mm(text, size_pt):
    """The width ``text`` takes on one line at ``size_pt`` (Times New Roman), in millimetres: what a table
    column must give a number so that it never wraps mid-number."""
    return sum(_EM.get(ch, 0.72) for ch in text) * size_pt * 25.4 / 72


class _Doc:
    """python-docx with the few paragraph kinds a Vietnamese administrative report uses."""

    def __init__(self):
        from docx import Document
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt, RGBColor

        self.doc = Document()
        self.Pt, self.Mm = Pt, Mm
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.header_distance = section.footer_distance = Mm(10)
        self.text_width = Mm(165)

        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            fonts = rpr_default.find(qn("w:rPr")).find(qn("w:rFonts"))
            if fonts is not None:
                for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                    fonts.attrib.pop(qn(f"w:{attr}"), None)
                for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
                    fonts.set(qn(f"w:{attr}"), FONT)
            lang = rpr_default.find(qn("w:rPr")).find(qn("w:lang"))
            if lang is not None:
                lang.set(qn("w:val"), "vi-VN")

        normal = self.doc.styles["Normal"]
        _set_fonts(normal.element)
        normal.font.size = Pt(BODY_PT)
        normal.paragraph_format.space_before = Pt(6)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.0  # single: the least of the Decree's range (single to 1.5 lines)
        # Body text: justified, first line indented 1 cm; headings, cells and titles set their own.
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        normal.paragraph_format.first_line_indent = Mm(10)
        normal.paragraph_format.widow_control = True
        for name, size, italic in (("Heading 1", BODY_PT, False), ("Heading 2", BODY_PT, False),
                                   ("Heading 3", BODY_PT, True)):
            style = self.doc.styles[name]
            _set_fonts(style.element)
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = italic
            style.font.color.rgb = RGBColor(0, 0, 0)
            fmt = style.paragraph_format
            fmt.space_before, fmt.space_after = Pt(6), Pt(0)
            fmt.first_line_indent = Mm(10)
            fmt.line_spacing = 1.0
            from docx.enum.text import WD_ALIGN_PARAGRAPH

            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        self.headings = {level: self.doc.styles[f"Heading {level}"] for level in (1, 2, 3)}
        self.heading_ids = {level: style.style_id for level, style in self.headings.items()}
        table_style = self.doc.styles["Table Grid"]
        _set_fonts(table_style.element)

        # Page numbers: centred in the top margin, from page 2 on.
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number_field(header)
        for run in header.runs:
            run.font.size = Pt(BODY_PT)
        self.body = self.doc.element.body
        # Appending before the final sectPr is what python-docx does per paragraph, by a linear search of
        # the body: with thousands of paragraphs that search dominates. Take sectPr out while writing.
        self._sect_pr = self.body.sectPr
        self.body.remove(self._sect_pr)

    # -- paragraphs ---------------------------------------------------------------------------
    # python-docx's add_paragraph() and add_run() look for the place of each new element among its
    # siblings, and run.text walks the text a character at a time: with thousands of paragraphs (500
    # agencies × 24 tasks) that is quadratic. Body paragraphs and runs are appended as elements instead.

    def _p(self):
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        p = OxmlElement("w:p")
        self.body.append(p)
        return Paragraph(p, self.doc._body)

    def para(self, text="", *, bold=False, italic=False, size=None, align=None, before=None, after=None,
             keep_next=False):
        """A body paragraph: justified with its first line indented (the Normal style), unless ``align``."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p = self._p()
        if align is not None or before is not None or after is not None or keep_next:
            fmt = p.paragraph_format
            if align is not None:
                fmt.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                                 "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
                fmt.first_line_indent = 0
            if before is not None:
                fmt.space_before = self.Pt(before)
            if after is not None:
                fmt.space_after = self.Pt(after)
            if keep_next:
                fmt.keep_with_next = True
        if text:
            self.run(p, text, bold=bold, italic=italic, size=size)
        return p

    def run(self, paragraph, text, *, bold=False, italic=False, size=None):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        r = OxmlElement("w:r")
        if bold or italic or size:
            rpr = OxmlElement("w:rPr")  # children in the schema's order: b, i, sz, szCs
            if bold:
                rpr.append(OxmlElement("w:b"))
            if italic:
                rpr.append(OxmlElement("w:i"))
            if size:
                for tag in ("w:sz", "w:szCs"):
                    el = OxmlElement(tag)
                    el.set(qn("w:val"), str(round(size * 2)))  # half-points
                    rpr.append(el)
            r.append(rpr)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = _RUN_BREAKS.sub(" ", _clean(text))
        r.append(t)
        paragraph._p.append(r)
        return r

    def heading(self, text, level):
        p = self._p()
        # The style by its id: paragraph.style = … looks the style up by name in the styles part each time.
        p._p.get_or_add_pPr().style = self.heading_ids[level]
        self.run(p, text)
        return p

    def labelled(self, label, text, *, label_italic=False, size=None):
        """"- Label: text", the text's further lines as paragraphs of their own."""
        lines = [line.strip() for line in _clean(text).splitlines() if line.strip()] or [""]
        p = self.para()
        self.run(p, label, italic=label_italic, size=size)
        self.run(p, lines[0], size=size)
        for line in lines[1:]:
            self.para(line, size=size)
        return p

    def repeat_header(self, row):
        """The row repeated at the top of each page the table runs onto."""
        from docx.oxml import OxmlElement

        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))

    def cell_para(self, cell, text, *, bold=False, italic=False, size=13, first=False, align="center",
                  before=0):
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p = cell.paragraphs[0] if first else cell.add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                         "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        fmt.first_line_indent = 0
        fmt.space_before = self.Pt(before)
        fmt.space_after = self.Pt(0)
        fmt.line_spacing = 1.0
        if text:
            self.run(p, text, bold=bold, italic=italic, size=size)
        return p

    def rule(self, cell_or_none, width_mm, total_mm):
        """A short centred horizontal line of ``width_mm`` in a space ``total_mm`` wide."""
        from docx.shared import Mm

        p = self.cell_para(cell_or_none, "", size=2) if cell_or_none is not None else self.para(align="center")
        side = (total_mm - width_mm) / 2
        p.paragraph_format.left_indent = Mm(side)
        p.paragraph_format.right_indent = Mm(side)
        p.paragraph_format.space_before = self.Pt(0)
        p.paragraph_format.space_after = self.Pt(0)
        p.paragraph_format.line_spacing = self.Pt(8)
        _border(p, "bottom", size=6)
        return p

    def table(self, rows, cols, widths_mm, *, grid=True):
        from docx.shared import Mm

        # Straight to the body: Document.add_table() would look for the sectPr taken out in __init__.
        table = self.doc._body.add_table(rows, cols, self.text_width)
        if grid:
            table.style = self.doc.styles["Table Grid"]
        else:
            _no_table_borders(table)
        table.autofit = False
        for row in table.rows:
            for cell, width in zip(row.cells, widths_mm):
                cell.width = Mm(width)
        for column, width in zip(table.columns, widths_mm):
            column.width = Mm(width)
        return table

    def grid_table(self, widths_mm, heads, rows, *, size=11, aligns=None):
        """A bordered table written as one piece of XML: fast at any length (python-docx's cell objects cost
        a millisecond a cell, minutes for 500 bodies × 24 tasks). ``heads``: the header row, repeated on each
        page; ``rows``: lists of texts, or a single string for a row merged across (bold, left: a group's
        title). ``aligns``: "left", "center" or "right" per column (centred by default)."""
        from xml.sax.saxutils import escape

        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        twips = [round(w * 1440 / 25.4) for w in widths_mm]
        aligns = aligns or ["center"] * len(widths_mm)
        half = round(size * 2)
        run_pr = f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        p_pr = '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>' \
               '<w:ind w:firstLine="0"/><w:jc w:val="%s"/></w:pPr>'

        def cell(text, width, align, bold=False, span=1):
            grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            run = (f'<w:r><w:rPr>{"<w:b/>" if bold else ""}{run_pr}</w:rPr><w:t xml:space="preserve">'
                   f'{escape(_RUN_BREAKS.sub(" ", _clean(text)))}</w:t></w:r>') if text else ""
            return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}</w:tcPr>'
                    f'<w:p>{p_pr % align}{run}</w:p></w:tc>')

        out = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
               f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
               '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
               'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
        out += [f'<w:gridCol w:w="{w}"/>' for w in twips]
        out.append('</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>')
        out += [cell(text, w, "center", bold=True) for text, w in zip(heads, twips)]
        out.append("</w:tr>")
        for row in rows:
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            if isinstance(row, str):
                out.append(cell(row, sum(twips), "left", bold=True, span=len(twips)))
            else:
                out += [cell(text, w, align) for text, w, align in zip(row, twips, aligns)]
            out.append("</w:tr>")
        out.append("</w:tbl>")
        table = parse_xml("".join(out))
        self.body.append(table)
        return table

    def picture(self, png, width_mm):
        """A centred image (a chart), ``width_mm`` wide."""
        import io as _io

        p = self.para(align="center", keep_next=True)
        p.add_run().add_picture(_io.BytesIO(png), width=self.Mm(width_mm))
        return p

    def page_break(self):
        from docx.enum.text import WD_BREAK

        p = self._p()
        p.add_run().add_break(WD_BREAK.PAGE)

    def save(self, core_title, author):
        props = self.doc.core_properties
        now = timezone.now().replace(microsecond=0)
        props.title = core_title
        props.author = props.last_modified_by = author
        props.language = "vi-VN"
        props.created = props.modified = now.replace(tzinfo=None)
        props.revision = 1
        props.comments = ""
        props.keywords = ""
        props.subject = ""
        props.category = ""
        self.body.append(self._sect_pr)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()
