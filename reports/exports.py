"""The year's compiled exports, from exactly the figures the pages show (``aggregates.compile_year``):

* ``build_xlsx``: a workbook for the coordinator's own tables — Vietnamese headers, dates as dates,
  numbers and shares as numbers, text always text (never a formula).
* ``build_docx``: the draft of the compiled report (báo cáo tổng hợp) in the layout of Decree
  30/2020/NĐ-CP on administrative documents, for the clerk to number, sign and send.

Both contain submitted and accepted content only (see ``aggregates``): no draft text can reach them.
"""

import datetime
import functools
import io
import re
import zoneinfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from exchange.formats import escape_xlsx_text, looks_like_formula

from .aggregates import KIND_GROUPS, LEAD, NOT_REPORTED, SPREAD_LABELS, AgencyReport, State, TaskReport

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Control characters XML cannot carry (tab, LF and CR are allowed). Report texts pasted from Word
# sometimes hold them; they are dropped.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_RUN_BREAKS = re.compile(r"[\t\r\n]+")


def _clean(text):
    return _XML_ILLEGAL.sub("", text or "")


def _local(dt):
    return dt.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)) if dt is not None else None


def _pct(value):
    """A percentage (0–100) as text with one decimal, Vietnamese style: "85,7%"; "—" when undefined."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",") + "%"


def _d(date):
    return date.strftime("%d/%m/%Y") if date else ""


def _lead_status(row):
    """The lead's status in words: one lead's status, or how many of several leads are done."""
    if row.lead.total == 0:
        return _("Không có đơn vị chủ trì cụ thể")
    if row.lead.total == 1:
        return str(row.lead.single_label)
    return _("%(done)s/%(total)s đơn vị chủ trì đã hoàn thành hoặc đã thực hiện") % {
        "done": row.lead.done, "total": row.lead.total}


def _status_text(agency_row, past_due):
    """An agency's submission in the words of the appendix and the workbook."""
    if agency_row.state == State.ON_TIME:
        return _("Đúng hạn")
    if agency_row.state == State.LATE:
        return _("Muộn %(days)s ngày") % {"days": agency_row.days_late}
    return _("Chưa gửi") if past_due else _("Chưa gửi (chưa đến hạn)")


# ==================================================================================================
# XLSX

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
PERCENT_FORMAT = "0.0%"
NUMBER_FORMAT = "#,##0.##"


class _Sheet:
    """A worksheet written row by row, with safe text cells and typed numbers and dates."""

    WRAP = "Văn bản dài"
    HEAD = "Tiêu đề cột"

    def __init__(self, book, title, widths):
        from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
        from openpyxl.utils import get_column_letter

        # Named styles, registered once per workbook: giving each cell its own Alignment object costs a
        # style lookup per cell, which dominates with thousands of long texts.
        if self.WRAP not in book.named_styles:
            book.add_named_style(NamedStyle(name=self.WRAP, alignment=Alignment(wrap_text=True, vertical="top")))
            book.add_named_style(NamedStyle(name=self.HEAD, font=Font(bold=True),
                                            fill=PatternFill("solid", fgColor="DCE6F1"),
                                            alignment=Alignment(wrap_text=True, vertical="top")))
        self.ws = book.create_sheet(title=title)
        self.row = 0
        self.bold = Font(bold=True)
        self.title_font = Font(bold=True, size=13)

        for i, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width

    def put(self, column, value, number_format=None):
        cell = self.ws.cell(row=self.row, column=column)
        if isinstance(value, Promise):
            value = str(value)  # a lazy translation
        if value is None or value == "":
            return cell
        if isinstance(value, str):
            text = escape_xlsx_text(_clean(value))
            cell.value = text
            # Never a formula, an error code or a number: always a string cell.
            cell.data_type = "s"
            if "\n" in text or len(text) > 60:
                cell.style = self.WRAP  # before quotePrefix: a named style replaces the cell's style
            if looks_like_formula(text):
                cell.quotePrefix = True
        elif isinstance(value, datetime.datetime):
            cell.value = _local(value).replace(tzinfo=None)  # spreadsheets have no time zones
            cell.number_format = number_format or DATETIME_FORMAT
        elif isinstance(value, datetime.date):
            cell.value = value
            cell.number_format = number_format or DATE_FORMAT
        else:
            cell.value = value
            if number_format:
                cell.number_format = number_format
        return cell

    def append(self, values, formats=None, bold=False):
        self.row += 1
        for column, value in enumerate(values, start=1):
            cell = self.put(column, value, (formats or {}).get(column))
            if bold:
                cell.font = self.bold
        return self.row

    def title(self, text):
        self.row += 1
        self.put(1, text).font = self.title_font

    def blank(self):
        self.row += 1

    def header(self, names, table=False):
        """A header row; ``table=True`` makes it the sheet's one table: frozen and filterable."""
        self.row += 1
        for column, name in enumerate(names, start=1):
            cell = self.put(column, str(name))
            cell.style = self.HEAD
        if table:
            self.ws.freeze_panes = self.ws.cell(row=self.row + 1, column=1)
            self._table_start = (self.row, len(names))
        return self.row

    def close_table(self):
        from openpyxl.utils import get_column_letter

        start, width = getattr(self, "_table_start", (None, 0))
        if start is not None and self.row > start:
            self.ws.auto_filter.ref = f"A{start}:{get_column_letter(width)}{self.row}"


def _share_fraction(value):
    return None if value is None else value / 100.0


def _in_vietnamese(build):
    """The files go to Vietnamese bodies (the provincial People's Committee, the ministry) and the DOCX is
    an administrative document: both are written in Vietnamese whatever language the page is shown in."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        with translation.override("vi"):
            return build(*args, **kwargs)

    return wrapper


@_in_vietnamese
def build_xlsx(data):
    """The workbook of the year, as bytes."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    plan, year, ov, f = data.plan, data.year, data.overview, data.overview.figures
    today = data.today
    past_due = f.is_past_due(today)
    pct = {3: PERCENT_FORMAT}

    # -- Overview -------------------------------------------------------------------------------
    s = _Sheet(book, _("Tổng quan"), [52, 16, 12, 12, 14, 14])
    s.title(_("Tổng hợp kết quả thực hiện %(doc)s số %(number)s năm %(year)s") % {
        "doc": plan.document_type, "number": plan.number, "year": year})
    s.append([_("Kế hoạch"), plan.number])
    s.append([_("Trích yếu"), plan.title])
    s.append([_("Năm báo cáo"), year])
    s.append([_("Hạn gửi báo cáo"), f.due_date])
    s.append([_("Số liệu tính đến ngày"), today])
    s.append([_("Cơ quan tổng hợp"), plan.report_recipient.name if plan.report_recipient else ""])
    s.blank()
    s.header([_("Chỉ số"), _("Số lượng"), _("Tỷ lệ")])
    s.append([_("Cơ quan, đơn vị phải báo cáo"), f.obliged])
    for state in State.ORDER:
        s.append([str(State.LABELS[state]), f.count(state), _share_fraction(f.share(state))], pct)
    s.append([_("Chưa gửi khi đã quá hạn (thiếu báo cáo)"), f.missing(today)])
    s.append([_("Bị trả lại để bổ sung (đã tính là đã gửi)"), f.returned])
    s.append([_("Đã tiếp nhận"), f.accepted])
    s.append([_("Tỷ lệ đầy đủ (đã gửi ÷ phải báo cáo)"), f.submitted, _share_fraction(f.completeness)], pct)
    s.append([_("Tỷ lệ đúng hạn (đúng hạn ÷ phải báo cáo)"), f.on_time, _share_fraction(f.timeliness)], pct)
    s.append([_("Ô nhiệm vụ × cơ quan phải báo cáo"), f.cells])
    s.append([_("Ô nhiệm vụ × cơ quan đã gửi"), f.cells_submitted, _share_fraction(f.grid_completeness)], pct)
    s.append([_("Ô nhiệm vụ × cơ quan gửi đúng hạn"), f.cells_on_time, _share_fraction(f.grid_timeliness)], pct)
    rollup = data.rollup
    s.append([_("Nhiệm vụ phải thực hiện trong năm"), len(rollup.tasks)])
    s.append([_("Nhiệm vụ đã hoàn thành hoặc đã thực hiện"), rollup.done, _share_fraction(rollup.share)], pct)
    s.append([_("Nhiệm vụ quá hạn hoàn thành"), len(rollup.overdue)])
    s.blank()
    s.header([_("Nhóm nhiệm vụ"), _("Số nhiệm vụ"), _("Đã xong"), _("Tỷ lệ")])
    for sec in rollup.sections:
        s.append([f"{sec.section.number}. {sec.section.title}", len(sec.tasks), sec.done,
                  _share_fraction(sec.share)], {4: PERCENT_FORMAT})
    s.blank()
    s.header([_("Nhóm cơ quan"), _("Phải báo cáo"), *[str(State.LABELS[st]) for st in State.ORDER]])
    for g in ov.groups:
        s.append([str(g.group.label), g.total, *[g.counts[st] for st in State.ORDER]])

    # Labels translated once (get_FOO_display() and lazy strings cost a lookup per cell).
    report_statuses = {k: str(v) for k, v in AgencyReport.Status.choices}
    roles = {k: str(v) for k, v in TaskReport._meta.get_field("role").choices}
    spread_labels = {k: str(v) for k, v in SPREAD_LABELS.items()}

    # -- Per agency -------------------------------------------------------------------------------
    s = _Sheet(book, _("Đơn vị báo cáo"), [6, 22, 46, 16, 20, 18, 12])
    s.header([_("STT"), _("Nhóm cơ quan"), _("Cơ quan, đơn vị"), _("Trạng thái"), _("Tình trạng gửi"),
              _("Gửi lần đầu lúc"), _("Số ngày muộn")], table=True)
    n = 0
    for g in ov.groups:
        for row in g.rows:
            n += 1
            s.append([n, str(g.group.label), row.agency.name, report_statuses[row.report.status],
                      _status_text(row, past_due), row.report.first_submitted_at,
                      row.days_late if row.state == State.LATE else None])
    s.close_table()

    # -- Per task ---------------------------------------------------------------------------------
    spread_codes = list(SPREAD_LABELS)
    s = _Sheet(book, _("Nhiệm vụ"), [10, 8, 60, 18, 13, 30, 30, 10, *[11] * len(spread_codes), 12, 16, 10, 12, 10, 10])
    s.header([_("Mục"), _("Số"), _("Nhiệm vụ"), _("Thời gian"), _("Hạn hoàn thành"), _("Đơn vị chủ trì"),
              _("Tình trạng của đơn vị chủ trì"), _("Số đơn vị"), *[spread_labels[c] for c in spread_codes],
              pgettext("task target", "Chỉ tiêu"), _("Đơn vị chỉ tiêu"), _("Chủ trì đạt"), _("Tất cả đơn vị đạt"),
              _("Đã xong"), _("Quá hạn")], table=True)
    for row in rollup.tasks:
        t = row.task
        s.append([t.section.number, t.number, t.title, t.timeframe_text or t.get_timeframe_kind_display(),
                  t.due_date, "; ".join(row.leads), _lead_status(row), row.all.total,
                  *[row.all.counts[c] for c in spread_codes],
                  t.target_quantity, t.target_unit, row.lead.quantity, row.all.quantity,
                  _("Có") if row.is_done else _("Chưa"), _("Có") if row.overdue else ""])
    s.close_table()
    if rollup.overdue:
        s.blank()
        s.title(_("Nhiệm vụ quá hạn hoàn thành (đơn vị chủ trì chưa báo cáo hoàn thành)"))
        s.header([_("Mục"), _("Số"), _("Nhiệm vụ"), _("Thời gian"), _("Hạn hoàn thành"), _("Đơn vị chủ trì")])
        for t in rollup.overdue:
            s.append([t.section.number, t.number, t.title, t.timeframe_text, t.due_date,
                      "; ".join(a.assignee_name for a in t.leads)])

    # -- Each agency's results, per task -------------------------------------------------------------
    s = _Sheet(book, _("Kết quả theo đơn vị"), [8, 40, 36, 12, 22, 12, 80])
    s.header([_("Số"), _("Nhiệm vụ"), _("Cơ quan, đơn vị"), _("Vai trò"), _("Tình trạng"), _("Số lượng đạt"),
              _("Kết quả đạt được / lý do không có nội dung")], table=True)
    for row in rollup.tasks:
        for line in data.lines.get(row.task.pk, []):
            s.append([row.task.number, row.task.title, line.agency.name, roles[line.line.role],
                      spread_labels[line.spread_code], line.line.quantity_achieved, line.text])
    s.close_table()

    # -- Indicators ---------------------------------------------------------------------------------
    s = _Sheet(book, _("Chỉ tiêu"), [52, 14, *[16] * len(KIND_GROUPS), 16, 14])
    s.header([_("Chỉ tiêu"), _("Đơn vị tính"), *[str(g.label) for g in KIND_GROUPS], _("Tổng"),
              _("Số đơn vị báo cáo")], table=True)
    number = {c: NUMBER_FORMAT for c in range(3, 4 + len(KIND_GROUPS))}
    for ind in data.indicators:
        s.append([ind.indicator.name, ind.indicator.unit, *ind.group_totals, ind.total, len(ind.reporters)], number)
    s.close_table()

    # -- Indicators by agency -------------------------------------------------------------------------
    s = _Sheet(book, _("Chỉ tiêu theo đơn vị"), [22, 46, *[16] * len(data.indicators)])
    s.header([_("Nhóm cơ quan"), _("Cơ quan, đơn vị"),
              *[f"{i.indicator.name} ({i.indicator.unit})" if i.indicator.unit else i.indicator.name
                for i in data.indicators]], table=True)
    matrix = {}
    for column, ind in enumerate(data.indicators):
        for agency, value in ind.reporters:
            matrix.setdefault(agency.pk, (agency, {}))[1][column] = value
    from .aggregates import _agency_order, kind_group

    labels = {g.code: str(g.label) for g in KIND_GROUPS}
    number = {c: NUMBER_FORMAT for c in range(3, 3 + len(data.indicators))}
    for agency, values in sorted(matrix.values(), key=lambda av: _agency_order(av[0])):
        s.append([labels[kind_group(agency.kind)], agency.name,
                  *[values.get(c) for c in range(len(data.indicators))]], number)
    s.close_table()

    # -- The agencies' words ---------------------------------------------------------------------------
    s = _Sheet(book, _("Đánh giá, khó khăn, đề xuất"), [22, 40, 60, 60, 60])
    s.header([_("Nhóm cơ quan"), _("Cơ quan, đơn vị"), _("Đánh giá chung"), _("Khó khăn, vướng mắc"),
              _("Đề xuất, kiến nghị")], table=True)
    for g in data.feedback:
        for item in g.rows:
            r = item.report
            s.append([str(g.group.label), item.agency.name, r.overall_assessment, r.difficulties, r.proposals])
    s.close_table()

    # -- Year over year ------------------------------------------------------------------------------
    s = _Sheet(book, _("Qua các năm"), [8, 14, 13, 12, 12, 14, 14, 12, 13, 13, 13, 13])
    s.header([_("Năm"), _("Hạn gửi"), _("Phải báo cáo"), _("Đúng hạn"), _("Muộn"), _("Đang soạn"),
              _("Chưa bắt đầu"), _("Bị trả lại"), _("Tỷ lệ đầy đủ"), _("Tỷ lệ đúng hạn"),
              _("Đầy đủ theo ô nhiệm vụ"), _("Đúng hạn theo ô nhiệm vụ")], table=True)
    for y in data.years:
        s.append([y.year, y.due_date, y.obliged, y.on_time, y.late, y.drafting, y.not_started, y.returned,
                  _share_fraction(y.completeness), _share_fraction(y.timeliness),
                  _share_fraction(y.grid_completeness), _share_fraction(y.grid_timeliness)],
                 {c: PERCENT_FORMAT for c in range(9, 13)})
    s.close_table()

    book.properties.title = _("Tổng hợp kết quả thực hiện %(number)s năm %(year)s") % {
        "number": plan.number, "year": year}
    book.properties.creator = plan.report_recipient.name if plan.report_recipient else "Plan Tracker"
    book.properties.language = "vi-VN"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ==================================================================================================
# DOCX — Decree 30/2020/NĐ-CP, Appendix I: A4; margins top and bottom 20–25 mm, left 30–35 mm, right
# 15–20 mm; Times New Roman; body 13–14 pt, justified, first line indented 1–1.27 cm, at least 6 pt
# between paragraphs; page numbers centred in the top margin, none on the first page.

FONT = "Times New Roman"
BODY_PT = 14


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
        normal.paragraph_format.line_spacing = 1.15
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
            fmt.line_spacing = 1.15
            from docx.enum.text import WD_ALIGN_PARAGRAPH

            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        self.headings = {level: self.doc.styles[f"Heading {level}"] for level in (1, 2, 3)}
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
        p.style = self.headings[level]
        self.run(p, text)
        return p

    def labelled(self, label, text, *, label_italic=False):
        """"- Label: text", the text's further lines as paragraphs of their own."""
        lines = [line.strip() for line in _clean(text).splitlines() if line.strip()] or [""]
        p = self.para()
        self.run(p, label, italic=label_italic)
        self.run(p, lines[0])
        for line in lines[1:]:
            self.para(line)
        return p

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


def _sentence_list(items):
    return "; ".join(items)


def _spread_sentence(spread):
    parts = [f"{n} {str(label).lower()}" for code, label, n in spread.items if n and code != NOT_REPORTED]
    text = _("%(reported)s/%(total)s đơn vị đã báo cáo") % {"reported": spread.reported, "total": spread.total}
    if parts:
        text += " (" + ", ".join(parts) + ")"
    return text


@_in_vietnamese
def build_docx(data):
    """The draft compiled report (báo cáo tổng hợp) of the year, as bytes."""
    plan, year, ov, f, rollup = data.plan, data.year, data.overview, data.overview.figures, data.rollup
    today = data.today
    past_due = f.is_past_due(today)
    recipient = plan.report_recipient.name if plan.report_recipient else _("Cơ quan tổng hợp")
    d = _Doc()

    # -- Header: issuing body and number | national title, motto, place and date --------------------
    # Sizes within the Decree's ranges: names of the issuing body and the national title 12–13 pt
    # upper case, the motto 13–14 pt; a short rule under the body's name, one as long as the motto under it.
    # The block is 170 mm wide, 5 mm into the left margin, so that a department's full name fits one line.
    left_w, right_w = 78, 92
    head = d.table(2, 2, [left_w, right_w], grid=False)
    _indent_table(head, -5)
    left, right = head.cell(0, 0), head.cell(0, 1)
    parent = plan.issuer_name or (plan.issuer.name if plan.issuer else "")
    first = True
    if parent and parent != recipient:
        d.cell_para(left, parent.upper(), size=12, first=True)
        first = False
    d.cell_para(left, recipient.upper(), bold=True, size=12, first=first)
    d.rule(left, 24, left_w)
    d.cell_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, first=True)
    d.cell_para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
    d.rule(right, 60, right_w)
    d.cell_para(head.cell(1, 0), "Số: …/BC-…", size=13, first=True, before=6)
    place = plan.place or ""
    d.cell_para(head.cell(1, 1), f"{place}, ngày … tháng … năm …" if place else "…, ngày … tháng … năm …",
                italic=True, size=14, first=True, before=6)

    # -- Title and summary --------------------------------------------------------------------------
    d.para("BÁO CÁO", bold=True, align="center", before=18)
    summary = _("Kết quả thực hiện %(doc)s số %(number)s năm %(year)s") % {
        "doc": plan.document_type, "number": plan.number, "year": year}
    d.para(summary, bold=True, align="center", before=0)
    d.rule(None, 40, 165)

    title = plan.title[:1].lower() + plan.title[1:]
    d.para(_("Thực hiện %(doc)s số %(number)s ngày %(date)s của %(issuer)s về %(title)s; trên cơ sở báo cáo của "
             "các cơ quan, đơn vị, %(recipient)s báo cáo kết quả thực hiện năm %(year)s như sau:") % {
        "doc": plan.document_type, "number": plan.number, "date": f"{plan.issue_date.day}/{plan.issue_date.month}/"
        f"{plan.issue_date.year}", "issuer": plan.issuer_name or "…", "title": title, "recipient": recipient,
        "year": year}, before=12)

    # -- I. Submissions ------------------------------------------------------------------------------
    d.heading(_("I. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ"), 1)
    text = _("Năm %(year)s có %(obliged)s cơ quan, đơn vị phải báo cáo kết quả thực hiện (hạn gửi ngày %(due)s). "
             "Đến ngày %(today)s, %(submitted)s cơ quan, đơn vị đã gửi báo cáo, đạt %(completeness)s; trong đó "
             "%(on_time)s cơ quan, đơn vị gửi đúng hạn (%(timeliness)s), %(late)s cơ quan, đơn vị gửi muộn.") % {
        "year": year, "obliged": f.obliged, "due": _d(f.due_date), "today": _d(today), "submitted": f.submitted,
        "completeness": _pct(f.completeness), "on_time": f.on_time, "timeliness": _pct(f.timeliness),
        "late": f.late}
    if past_due:
        text += " " + _("Còn %(missing)s cơ quan, đơn vị chưa gửi báo cáo.") % {"missing": f.missing(today)}
    else:
        text += " " + _("Còn %(n)s cơ quan, đơn vị chưa gửi (chưa đến hạn).") % {"n": f.not_submitted}
    if f.returned:
        text += " " + _("%(n)s báo cáo đã được trả lại để đơn vị bổ sung, hoàn thiện.") % {"n": f.returned}
    d.para(text)
    d.para(_("Tính theo từng nhiệm vụ của từng cơ quan, đơn vị: %(sub)s/%(cells)s nội dung đã được báo cáo "
             "(%(gc)s), %(on)s nội dung báo cáo đúng hạn (%(gt)s). Danh sách chi tiết tại Phụ lục kèm theo.") % {
        "sub": f.cells_submitted, "cells": f.cells, "gc": _pct(f.grid_completeness), "on": f.cells_on_time,
        "gt": _pct(f.grid_timeliness)})

    # -- II. Tasks, by the plan's task groups ---------------------------------------------------------
    d.heading(_("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"), 1)
    d.para(_("Trong năm %(year)s có %(n)s nhiệm vụ phải thực hiện; %(done)s nhiệm vụ đã hoàn thành hoặc đã thực "
             "hiện trong năm (%(share)s) theo báo cáo của đơn vị chủ trì.") % {
        "year": year, "n": len(rollup.tasks), "done": rollup.done, "share": _pct(rollup.share)})
    for sec in rollup.sections:
        d.heading(f"{sec.section.number}. {sec.section.title}", 2)
        for row in sec.tasks:
            t = row.task
            d.heading(f"{t.number}. {t.title}", 3)
            leads = "; ".join(row.leads) or _("không có đơn vị cụ thể")
            d.labelled(_("- Đơn vị chủ trì: "), f"{leads}. " + _("Tình trạng: %(s)s.") % {"s": _lead_status(row)})
            if t.target_quantity:
                target = t.target_text or f"{t.target_quantity} {t.target_unit}"
                d.labelled(_("- Chỉ tiêu: "), _("%(target)s; đơn vị chủ trì đạt %(lead)s %(unit)s, các đơn vị "
                                                "đạt tổng cộng %(all)s %(unit)s.") % {
                    "target": target, "lead": row.lead.quantity or 0, "all": row.all.quantity or 0,
                    "unit": t.target_unit})
            d.labelled(_("- Tình hình báo cáo: "), _spread_sentence(row.all) + ".")
            if row.overdue:
                d.para(_("Nhiệm vụ đã quá hạn hoàn thành (%(due)s) nhưng đơn vị chủ trì chưa báo cáo hoàn "
                         "thành.") % {"due": _d(t.due_date)}, italic=True)
            lines = data.lines.get(t.pk, [])
            written = [ln for ln in lines if ln.line.status != TaskReport.Status.NOTHING_TO_REPORT and ln.text]
            nothing = [ln for ln in lines if ln.line.status == TaskReport.Status.NOTHING_TO_REPORT]
            if written:
                d.para(_("- Kết quả:"), bold=True, keep_next=True)
                for ln in written:
                    role = _("chủ trì") + ", " if ln.line.role == LEAD else ""
                    d.labelled(f"+ {ln.agency.name} ({role}{str(ln.spread_label).lower()}): ", ln.text,
                               label_italic=True)
            if nothing:
                d.labelled(_("- Không có nội dung báo cáo trong năm: "),
                           ", ".join(ln.agency.name for ln in nothing) + ".")

    # -- III. Indicators -----------------------------------------------------------------------------
    if data.indicators:
        d.heading(_("III. MỘT SỐ CHỈ TIÊU CHỦ YẾU"), 1)
        d.para(_("Số liệu tổng hợp từ các báo cáo đã gửi:"))
        # Totals only: the split by kind of agency is on the page and in the workbook (a budget in đồng
        # does not fit five number columns of an A4 page).
        widths = [12, 88, 25, 28, 12]
        table = d.table(1 + len(data.indicators), len(widths), widths)
        heads = [_("STT"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Tổng cộng"), _("Số đơn vị")]
        for cell, text in zip(table.rows[0].cells, heads):
            d.cell_para(cell, text, bold=True, size=12, first=True)
        for i, ind in enumerate(data.indicators, start=1):
            values = [str(i), ind.indicator.name, ind.indicator.unit, _number(ind.total), str(len(ind.reporters))]
            for j, (cell, text) in enumerate(zip(table.rows[i].cells, values)):
                d.cell_para(cell, text, size=12, first=True, align="left" if j == 1 else
                            ("right" if j == 3 else "center"))

    # -- IV–VI. Assessment, difficulties, proposals ------------------------------------------------------
    d.heading(_("IV. ĐÁNH GIÁ CHUNG"), 1)
    d.para(_("Tỷ lệ cơ quan, đơn vị gửi báo cáo đạt %(c)s, gửi đúng hạn đạt %(t)s; %(done)s/%(n)s nhiệm vụ đã "
             "hoàn thành hoặc đã thực hiện trong năm.") % {
        "c": _pct(f.completeness), "t": _pct(f.timeliness), "done": rollup.done, "n": len(rollup.tasks)})
    if rollup.overdue:
        items = [f"{t.number} ({_('hạn')} {_d(t.due_date)}, {_('chủ trì')} "
                 f"{', '.join(a.assignee_name for a in t.leads) or '…'})" for t in rollup.overdue]
        d.para(_("Nhiệm vụ quá hạn hoàn thành, đơn vị chủ trì chưa báo cáo hoàn thành: %(items)s.") % {
            "items": _sentence_list(items)})
    _agency_texts(d, data.feedback, "overall_assessment", _("Đánh giá của các cơ quan, đơn vị:"),
                  _("Chưa có đánh giá trong các báo cáo đã gửi."))
    d.heading(_("V. KHÓ KHĂN, VƯỚNG MẮC"), 1)
    _agency_texts(d, data.feedback, "difficulties", None,
                  _("Các báo cáo đã gửi không nêu khó khăn, vướng mắc."))
    d.heading(_("VI. ĐỀ XUẤT, KIẾN NGHỊ"), 1)
    _agency_texts(d, data.feedback, "proposals", None, _("Các báo cáo đã gửi không nêu đề xuất, kiến nghị."))
    d.para(_("Trên đây là báo cáo kết quả thực hiện %(doc)s số %(number)s năm %(year)s của %(recipient)s./.") % {
        "doc": plan.document_type, "number": plan.number, "year": year, "recipient": recipient})

    # -- Recipients and signature ------------------------------------------------------------------
    sign = d.table(1, 2, [80, 85], grid=False)
    left, right = sign.cell(0, 0), sign.cell(0, 1)
    d.cell_para(left, _("Nơi nhận:"), bold=True, italic=True, size=12, first=True, align="left", before=12)
    onward = [x.strip() for x in re.split(r"[,;]", plan.report_onward_to or "") if x.strip()]
    for name in onward:
        d.cell_para(left, f"- {name};", size=11, align="left")
    d.cell_para(left, _("- Lưu: VT, …"), size=11, align="left")
    d.cell_para(right, "………………………", bold=True, size=14, first=True, before=12)
    d.cell_para(right, _("(Quyền hạn, chức vụ của người ký)"), italic=True, size=12)
    for _i in range(4):
        d.cell_para(right, "", size=14)
    d.cell_para(right, "………………………", bold=True, size=14)
    d.cell_para(right, _("(Họ và tên người ký)"), italic=True, size=12)

    # -- Appendix: submissions --------------------------------------------------------------------------
    d.page_break()
    d.para(_("Phụ lục"), bold=True, align="center", before=0)
    d.para(_("DANH SÁCH CƠ QUAN, ĐƠN VỊ GỬI BÁO CÁO NĂM %(year)s") % {"year": year}, bold=True, align="center",
           before=0)
    d.para(_("(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của %(recipient)s)") % {"recipient": recipient},
           italic=True, align="center", before=0, size=13)
    widths = [12, 80, 28, 45]
    n_rows = 1 + sum(1 + len(g.rows) for g in ov.groups)
    table = d.table(n_rows, 4, widths)
    for cell, text in zip(table.rows[0].cells, [_("STT"), _("Cơ quan, đơn vị"), _("Ngày gửi"), _("Tình trạng")]):
        d.cell_para(cell, text, bold=True, size=13, first=True)
    r, n = 1, 0
    roman = ["I", "II", "III", "IV", "V", "VI"]
    rows = list(table.rows)  # table.rows[i] would rebuild the list of rows each time
    for gi, g in enumerate(ov.groups):
        row = rows[r]
        merged = row.cells[0].merge(row.cells[3])
        d.cell_para(merged, f"{roman[gi]}. {g.group.label}", bold=True, size=13, first=True, align="left")
        r += 1
        for agency_row in g.rows:
            n += 1
            cells = rows[r].cells
            sent = _local(agency_row.report.first_submitted_at)
            status = _status_text(agency_row, past_due)
            if agency_row.report.status == agency_row.report.Status.RETURNED:
                status += " " + _("(bị trả lại, đang bổ sung)")
            for j, text in enumerate([str(n), agency_row.agency.name, _d(sent.date()) if sent else "", status]):
                d.cell_para(cells[j], text, size=13, first=True, align="left" if j == 1 else "center")
            r += 1
    d.para(_("Tổng số: %(obliged)s cơ quan, đơn vị; đúng hạn: %(on_time)s; muộn: %(late)s; chưa gửi: %(unsent)s.") % {
        "obliged": f.obliged, "on_time": f.on_time, "late": f.late, "unsent": f.not_submitted}, size=13)

    return d.save(summary, recipient)


def _number(value):
    """A Decimal as Vietnamese text: 1.234,5 (no decimals when whole); "" for None."""
    if value is None:
        return ""
    whole = value == value.to_integral_value()
    text = f"{value:,.0f}" if whole else f"{value:,.2f}".rstrip("0")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _agency_texts(d, groups, field, intro, empty):
    items = [(g, item) for g in groups for item in g.rows if getattr(item.report, field).strip()]
    if not items:
        d.para(empty)
        return
    if intro:
        d.para(intro)
    current = None
    for g, item in items:
        if g is not current and len(groups) > 1:
            d.para(str(g.group.label), italic=True, bold=True, keep_next=True)
            current = g
        d.labelled(f"- {item.agency.name}: ", getattr(item.report, field), label_italic=True)
