"""The draft compiled report of the year (báo cáo tổng hợp, ``build_docx``): its headings, paragraphs,
tables and appendix in the layout of Decree 30/2020/NĐ-CP (``docx_layout``), for the clerk to number, sign
and send."""

from django.utils.translation import gettext as _

from ..aggregates.rollup import LEAD, NOT_REPORTED
from ..models import TaskReport
from .common import _in_vietnamese, _lead_status, _local, _status_text
from .docx_layout import _Doc, _indent_table

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _pct(value):
    """A percentage (0–100) as text with one decimal, Vietnamese style: "85,7%"; "—" when undefined."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",") + "%"


def _d(date):
    return date.strftime("%d/%m/%Y") if date else ""


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
    d.cell_para(head.cell(1, 0), "Số: …/BC-…", size=13, first=True, before=6)
    place = params.place or ""
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
    for name in params.onward_list:
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
