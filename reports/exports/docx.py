"""The draft compiled report of the year (báo cáo tổng hợp, ``build_docx``): its headings, paragraphs,
tables and appendix in the layout of Decree 30/2020/NĐ-CP (``docx_layout``), for the clerk to number, sign
and send."""

from django.utils.translation import gettext as _

import re

from ..aggregates.rollup import LEAD
from ..models import TaskReport
from . import charts
from .body import body_parts, pct, shorten, d as _d, is_task_heading
from .common import NBSP, _in_vietnamese, _local, _status_text, agency_name, vn_number
from .docx_layout import _Doc, _indent_table, text_width_mm

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

#: The charts' width in the body (mm of the 165 mm text block): legible, and a third of a page at most.
CHART_MM = 125
#: A group of tasks' title in chart 2's table, on one line of its column (whole in the body's headings).
SECTION_CHARS = 52


@_in_vietnamese
def build_docx(data, parts=None):
    """The compiled report (báo cáo tổng hợp) of the year, as bytes. ``parts``: the body's parts as the
    coordinator edited them (``body.Part``), else generated from the figures."""
    plan, year, ov, f, rollup = data.plan, data.year, data.overview, data.overview.figures, data.rollup
    # The header, the compiling body and "Nơi nhận" are the year's (ReportingYear), frozen when it was opened.
    params = data.params
    recipient = params.recipient_name or _("Cơ quan tổng hợp")
    d = _Doc()

    # -- Header: issuing body and number | national title, motto, place and date --------------------
    # Sizes within the Decree's ranges: names of the issuing body and the national title 12–13 pt
    # upper case, the motto 13–14 pt; a short rule under the body's name, one as long as the motto under it.
    # The block is 170 mm wide, 5 mm into the left margin, so that a department's full name fits one line.
    left_w, right_w = 78, 92
    head = d.table(2, 2, [left_w, right_w], grid=False)
    _indent_table(head, -5)
    left, right = head.cell(0, 0), head.cell(0, 1)
    parent = params.superior_name
    first = True
    if parent and parent != recipient:
        d.cell_para(left, parent.upper(), size=12, first=True)
        first = False
    d.cell_para(left, recipient.upper(), bold=True, size=12, first=first)
    d.rule(left, 24, left_w)
    d.cell_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, first=True)
    d.cell_para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
    d.rule(right, 60, right_w)
    d.cell_para(head.cell(1, 0), f"Số: {data.report_number}", size=13, first=True, before=6)
    place = params.place or ""
    d.cell_para(head.cell(1, 1), f"{place or '…'}, {data.report_date_text}",
                italic=True, size=14, first=True, before=6)

    # -- Title and summary --------------------------------------------------------------------------
    d.para("BÁO CÁO", bold=True, align="center", before=18)
    summary = _("Kết quả thực hiện %(doc)s số %(number)s năm %(year)s") % {
        "doc": plan.document_type, "number": plan.number, "year": year}
    d.para(summary, bold=True, align="center", before=0)
    d.rule(None, 40, 165)
    addressees = [line.strip() for line in (getattr(params, "addressee", "") or "").splitlines() if line.strip()]
    if addressees:
        # "Kính gửi: X" on one line; several recipients one a line, aligned after the colon, each with "-".
        if len(addressees) == 1:
            d.para(_("Kính gửi: %(to)s.") % {"to": addressees[0]}, align="center", before=6)
        else:
            d.para(_("Kính gửi:"), align="center", before=6)
            for line in addressees:
                p = d.para(f"- {line};", align="left", before=0)
                p.paragraph_format.left_indent = d.Mm(45)

    # -- The body: the draft's parts (or freshly generated ones), the indicators' table after III's text -------
    for part in parts if parts is not None else body_parts(data):
        if part.level and part.title:
            d.heading(part.title, part.level)
        for i, line in enumerate(part.paragraphs):
            if is_task_heading(line):
                d.heading(line, 3)
            elif part.key == "intro" and i == 0:
                d.para(line, before=12)
            else:
                _line(d, line)
        if part.key == "indicators":
            _indicator_table(d, data)
        if part.key in _FIGURES:
            _FIGURES[part.key](d, data)

    # -- Recipients and signature ------------------------------------------------------------------
    sign = d.table(1, 2, [80, 85], grid=False)
    left, right = sign.cell(0, 0), sign.cell(0, 1)
    d.cell_para(left, _("Nơi nhận:"), bold=True, italic=True, size=12, first=True, align="left", before=12)
    for name in params.onward_list:
        d.cell_para(left, f"- {name};", size=11, align="left")
    d.cell_para(left, _("- Lưu: VT, …"), size=11, align="left")
    capacity = [line.strip() for line in (getattr(params, "signer_capacity", "") or "").splitlines() if line.strip()]
    if capacity:
        for i, line in enumerate(capacity):
            d.cell_para(right, line.upper(), bold=True, size=14, first=i == 0, before=12 if i == 0 else 0)
    else:
        d.cell_para(right, "………………………", bold=True, size=14, first=True, before=12)
        d.cell_para(right, _("(Quyền hạn, chức vụ của người ký)"), italic=True, size=12)
    for _i in range(4):
        d.cell_para(right, "", size=14)
    signer = getattr(params, "signer_name", "") or ""
    if signer:
        d.cell_para(right, signer, bold=True, size=14)
    else:
        d.cell_para(right, "………………………", bold=True, size=14)
        d.cell_para(right, _("(Họ và tên người ký)"), italic=True, size=12)

    _appendix_submissions(d, data)
    _appendix_task_status(d, data)
    _appendix_texts(d, data)

    return d.save(summary, recipient)




_LABEL = re.compile(r"^([-+] [^:]{1,90}: )(.*)$")


def _line(d, line):
    """A body paragraph; "- Label: text" with its label in italics."""
    match = _LABEL.match(line)
    if match:
        p = d.para()
        d.run(p, match.group(1), italic=True)
        d.run(p, match.group(2))
    else:
        d.para(line)


def _fit_widths(widths, texts_by_column, size, *, flexible):
    """Column widths (mm) wide enough for the longest unbreakable text of each given column at ``size`` pt
    (a number never wraps mid-number), taken from the ``flexible`` column so that the total stays."""
    widths = list(widths)
    for column, texts in texts_by_column.items():
        need = max((text_width_mm(t, size) for t in texts if t), default=0) + 4  # + the cell's side margins
        if need > widths[column]:
            widths[flexible] -= need - widths[column]
            widths[column] = need
    return widths


def _header_row(d, table, heads, size):
    for cell, text in zip(table.rows[0].cells, heads):
        d.cell_para(cell, text, bold=True, size=size, first=True)
    d.repeat_header(table.rows[0])


def _indicator_table(d, data):
    """III: the year's indicator totals with the year before's beside them."""
    by_year = data.indicator_years or {}
    rows = []
    for i, ind in enumerate(data.indicators, start=1):
        before = by_year.get(ind.indicator.pk, {}).get(data.year - 1)
        rows.append([str(i), ind.indicator.name, ind.indicator.unit, vn_number(before), vn_number(ind.total),
                     vn_number(len(ind.reporters))])
    size = 11
    heads = [_("STT"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Năm %(y)s") % {"y": data.year - 1},
             _("Năm %(y)s") % {"y": data.year}, _("Số đơn vị")]
    widths = _fit_widths([12, 71, 22, 22, 22, 16], {3: [r[3] for r in rows], 4: [r[4] for r in rows]},
                         size, flexible=1)
    table = d.table(1 + len(rows), len(widths), widths)
    _header_row(d, table, heads, size)
    for cells, values in zip(list(table.rows)[1:], rows):
        for j, (cell, text) in enumerate(zip(cells.cells, values)):
            d.cell_para(cell, text, size=size, first=True,
                        align="left" if j == 1 else ("right" if j in (3, 4) else "center"))


def _appendix_title(d, number, title, data):
    # The break is the title's own (page break before): a paragraph holding a break could fall alone onto a
    # page of its own after a table that fills the page.
    d.para(_("Phụ lục %(n)s") % {"n": number}, bold=True, align="center", before=0).paragraph_format \
        .page_break_before = True
    d.para(title, bold=True, align="center", before=0)
    d.para(_("(Kèm theo Báo cáo số %(number)s %(date)s của %(recipient)s)") % {
        "number": data.report_number, "date": data.report_date_text, "recipient": data.recipient},
        italic=True, align="center", before=0, size=13)


def _appendix_submissions(d, data):
    """Phụ lục 1: each obliged body, its submission's date and status, by kind group."""
    ov, f, year = data.overview, data.overview.figures, data.year
    past_due = f.is_past_due(data.today)
    _appendix_title(d, 1, _("DANH SÁCH CƠ QUAN, ĐƠN VỊ GỬI BÁO CÁO NĂM %(year)s") % {"year": year}, data)
    roman = ["I", "II", "III", "IV", "V", "VI"]
    rows, n = [], 0
    for gi, g in enumerate(ov.groups):
        rows.append(f"{roman[gi]}. {g.group.label}")
        for agency_row in g.rows:
            n += 1
            sent = _local(agency_row.report.first_submitted_at)
            status = _status_text(agency_row, past_due)
            if agency_row.report.status == agency_row.report.Status.RETURNED:
                status += " " + _("(bị trả lại, đang bổ sung)")
            rows.append([vn_number(n), agency_name(agency_row.agency, data), _d(sent.date()) if sent else "", status])
    d.grid_table([13, 79, 28, 45], [_("STT"), _("Cơ quan, đơn vị"), _("Ngày gửi"), _("Tình trạng")], rows, size=13,
                 aligns=["center", "left", "center", "center"])
    d.para(_("Tổng số: %(obliged)s cơ quan, đơn vị; đúng hạn: %(on_time)s; muộn: %(late)s; chưa gửi: %(unsent)s.") % {
        "obliged": vn_number(f.obliged), "on_time": vn_number(f.on_time), "late": vn_number(f.late),
        "unsent": vn_number(f.not_submitted)}, size=13)


def _appendix_task_status(d, data):
    """Phụ lục 2: per task, each responsible body's role and status (and the quantity it achieved)."""
    _appendix_title(d, 2, _("TÌNH HÌNH THỰC HIỆN TỪNG NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ NĂM %(year)s") % {
        "year": data.year}, data)
    roles = {k: str(v) for k, v in TaskReport._meta.get_field("role").choices}
    rows = []
    for row in data.rollup.tasks:
        rows.append(f"{row.task.number}. {row.task.title}")
        for n, ln in enumerate(data.all_lines.get(row.task.pk, []), start=1):
            rows.append([vn_number(n), agency_name(ln.agency, data), roles.get(ln.line.role, ""), str(ln.spread_label),
                         vn_number(ln.line.quantity_achieved) if ln.shows_content else ""])
    size = 11
    widths = _fit_widths([13, 75, 20, 42, 15], {4: [r[4] for r in rows if not isinstance(r, str)]}, size,
                         flexible=1)
    d.grid_table(widths, [_("STT"), _("Cơ quan, đơn vị"), _("Vai trò"), _("Tình trạng"), _("Số lượng đạt")], rows,
                 size=size, aligns=["center", "left", "center", "center", "right"])


def _appendix_texts(d, data):
    """Phụ lục 3: the bodies' full texts, per task; then each body's assessment, difficulties and proposals."""
    _appendix_title(d, 3, _("KẾT QUẢ THỰC HIỆN DO CÁC CƠ QUAN, ĐƠN VỊ BÁO CÁO NĂM %(year)s") % {"year": data.year},
                    data)
    size = 13
    for sec in data.rollup.sections:
        d.heading(f"{sec.section.number}. {sec.section.title}", 2)
        for row in sec.tasks:
            d.heading(f"{row.task.number}. {row.task.title}", 3)
            lines = data.lines.get(row.task.pk, [])
            written = [ln for ln in lines if ln.line.status != TaskReport.Status.NOTHING_TO_REPORT and ln.text]
            nothing = [ln for ln in lines if ln.line.status == TaskReport.Status.NOTHING_TO_REPORT]
            for ln in written:
                role = _("chủ trì") + ", " if ln.line.role == LEAD else ""
                d.labelled(f"+ {agency_name(ln.agency, data)} ({role}{str(ln.spread_label).lower()}): ", ln.text,
                           label_italic=True, size=size)
            if nothing:
                d.labelled(_("- Không có nội dung báo cáo trong năm: "),
                           ", ".join(agency_name(ln.agency, data) for ln in nothing) + ".", size=size)
            if not lines:
                d.para(_("Chưa có đơn vị báo cáo."), italic=True, size=size)
    d.heading(_("Đánh giá, khó khăn, vướng mắc và đề xuất, kiến nghị của các cơ quan, đơn vị"), 2)
    labels = [("overall_assessment", _("Đánh giá: ")), ("difficulties", _("Khó khăn, vướng mắc: ")),
              ("proposals", _("Đề xuất, kiến nghị: "))]
    for g in data.feedback:
        d.para(str(g.group.label), italic=True, bold=True, keep_next=True, size=size)
        for item in g.rows:
            d.para(f"- {agency_name(item.agency, data)}:", bold=True, keep_next=True, size=size)
            for field, label in labels:
                text = getattr(item.report, field).strip()
                if text:
                    d.labelled(f"+ {label}", text, label_italic=True, size=size)


def _caption(d, text):
    d.para(text, italic=True, align="center", before=2, size=12)


def _small_table(d, heads, rows, widths, *, size=11, left=(0,)):
    """A table of a chart's numbers: text columns left, numbers right, widths made to fit the numbers."""
    widths = _fit_widths(widths, {j: [r[j] for r in rows] for j in range(len(heads)) if j not in left}, size,
                         flexible=0)
    table = d.table(1 + len(rows), len(heads), widths)
    _header_row(d, table, heads, size)
    for cells, values in zip(list(table.rows)[1:], rows):
        for j, (cell, text) in enumerate(zip(cells.cells, values)):
            d.cell_para(cell, text, size=size, first=True, align="left" if j in left else "right")
    return table


def _years_figure(d, data):
    """After I.: complete and on-time submissions over the years, chart and table."""
    years = [y for y in data.years if y.opened and y.year <= data.year]
    if not years:
        return
    labels = [_("Tỷ lệ gửi báo cáo"), _("Tỷ lệ gửi đúng hạn")]
    d.picture(charts.submissions_over_years([(y.year, y.completeness, y.timeliness) for y in years], labels,
                                            _("Tình hình gửi báo cáo qua các năm")), CHART_MM)
    _caption(d, _("Biểu đồ 1. Tỷ lệ cơ quan, đơn vị gửi báo cáo và gửi đúng hạn qua các năm"))
    _small_table(d, [_("Năm"), _("Phải báo cáo"), _("Đã gửi"), _("Đúng hạn"), *labels],
                 [[str(y.year), vn_number(y.obliged), vn_number(y.submitted), vn_number(y.on_time),
                   pct(y.completeness), pct(y.timeliness)] for y in years],
                 [25, 25, 25, 25, 32, 33])


def _sections_figure(d, data):
    """After II.'s opening: the share of tasks done by group of tasks, chart and table."""
    sections = data.rollup.sections
    if not sections:
        return
    d.picture(charts.completion_by_section([(f"{s.section.number}", s.share) for s in sections],
                                           _("Tỷ lệ nhiệm vụ đã hoàn thành hoặc đã thực hiện, theo nhóm nhiệm vụ")), CHART_MM)
    _caption(d, _("Biểu đồ 2. Tỷ lệ nhiệm vụ đã hoàn thành hoặc đã thực hiện trong năm, theo nhóm nhiệm vụ"))
    _small_table(d, [_("Nhóm nhiệm vụ"), _("Số nhiệm vụ"), _("Đã xong"), _("Tỷ lệ")],
                 [[f"{s.section.number}. {shorten(s.section.title, SECTION_CHARS)}", vn_number(len(s.tasks)), vn_number(s.done),
                   pct(s.share)] for s in sections], [102, 22, 20, 21])


def _indicators_figure(d, data):
    """After III.'s table: the main indicators (the plan's first ``charts.MAIN_INDICATORS``) over the years."""
    main = data.indicators[:charts.MAIN_INDICATORS]
    years = [y.year for y in data.years if y.opened and y.year <= data.year]
    by = data.indicator_years or {}
    if not main or not years:
        return
    series = [(row.indicator.name, row.indicator.unit, by.get(row.indicator.pk, {})) for row in main]
    d.picture(charts.indicators_over_years(series, years, _("Một số chỉ tiêu chủ yếu qua các năm")), CHART_MM)
    if set(years) <= {data.year - 1, data.year}:
        # The table of III above holds these years' numbers already: the chart's own table would repeat it.
        _caption(d, _("Biểu đồ 3. Một số chỉ tiêu chủ yếu qua các năm (số liệu tại bảng trên)"))
        return
    _caption(d, _("Biểu đồ 3. Một số chỉ tiêu chủ yếu qua các năm (số liệu tại bảng trên và bảng dưới)"))
    _small_table(d, [_("Chỉ tiêu"), *[str(y) for y in years]],
                 [[f"{name} ({unit})" if unit else name, *[vn_number(values.get(y)) or "—" for y in years]]
                  for name, unit, values in series], [165 - 27 * len(years), *[27] * len(years)])


_FIGURES = {"submissions": _years_figure, "tasks": _sections_figure, "indicators": _indicators_figure}
