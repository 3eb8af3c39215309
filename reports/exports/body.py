"""The generated body of the compiled report, as parts of plain text (``body_parts``): what the DOCX prints
and what the coordinator's draft starts from and regenerates.

Each part has a key (stable across regenerations: "submissions", "tasks-1", "difficulties", …), a heading
and a text of paragraphs, one per line. In a part's text a line that starts with a task's number ("1.2. …") is
printed as the task's heading; every other line is a body paragraph.

Short enough to sign (about a page per group of tasks): per task the count of each status across its
responsible bodies, the lead's own result, and at most ``OTHERS`` results of the other bodies, chosen by
``pick_others``; the difficulties and proposals said once however many bodies wrote them (``grouping``). The
bodies' full texts are in the appendices.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..aggregates.rollup import LEAD, NOT_REPORTED
from ..models import TaskReport
from . import grouping
from .common import agency_name, vn_number

#: How many results of bodies other than the lead a task shows: two, three when ``MANY`` bodies or more
#: answer for it; how many of its leads are quoted (the others counted); how long a quote may be.
OTHERS = (2, 3)
MANY = 40
LEADS = 2
LEAD_CHARS = 200
OTHER_CHARS = 90
TITLE_CHARS = 130  # a task's title in the body (whole in the appendices)
#: How many bodies a grouped difficulty, proposal or assessment names; the rest are counted ("và 7 đơn vị
#: khác"), every one of them named in Phụ lục 3.
NAMED = 5

TASK_HEADING = re.compile(r"^\d+(?:\.\d+)+\.\s")

_STATUS_RANK = {TaskReport.Status.COMPLETED: 0, TaskReport.Status.DONE_FOR_YEAR: 1,
                TaskReport.Status.IN_PROGRESS: 2, TaskReport.Status.NOT_STARTED: 3}


@dataclass
class Part:
    key: str
    title: str
    text: str
    level: int = 1  # 1: a Roman-numbered heading (I., II.); 2: a group of tasks; 0: no heading

    @property
    def paragraphs(self):
        return [line.strip() for line in self.text.splitlines() if line.strip()]


def pct(value):
    """A percentage (0–100) as text with one decimal, Vietnamese style: "85,7%"; "—" when undefined."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",") + "%"


def d(date):
    return date.strftime("%d/%m/%Y") if date else ""


_NUMBER_WORD = re.compile(r"\s+[\d.,%]+$")


def shorten(text, limit):
    """``text`` on one line, cut at a word before ``limit`` characters with "…" when longer; never after a bare
    number, whose unit the cut would take away ("cho báo chí 6…" reads as a six-something)."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    cut = _NUMBER_WORD.sub("", cut).rstrip(",;:.")
    return cut + "…"


def spread_line(spread):
    """"- Tình hình thực hiện (36 đơn vị có trách nhiệm): 10 hoàn thành, 20 đã thực hiện trong năm, …, 3 chưa
    báo cáo."."""
    parts = [f"{vn_number(n)} {str(label).lower()}" for code, label, n in spread.items if n]
    return _("- Tình hình thực hiện (%(total)s đơn vị có trách nhiệm): %(items)s.") % {
        "total": vn_number(spread.total), "items": ", ".join(parts) or _("chưa có đơn vị báo cáo")}


def pick_others(lines, count):
    """The results of bodies other than the leads shown in the body, by this rule: lines with a result
    (not "nothing to report"), most advanced status first (completed, done for the year, in progress, not
    started), then the larger quantity achieved, then the longer text; a text alike to one already chosen
    (``grouping.SIMILAR``) is passed over, so that the examples differ."""
    candidates = [ln for ln in lines if ln.line.role != LEAD and ln.text
                  and ln.line.status in _STATUS_RANK]
    candidates.sort(key=lambda ln: (_STATUS_RANK[ln.line.status], -(ln.line.quantity_achieved or 0),
                                    -len(ln.text)))
    chosen, keys, passed = [], [], set()
    for ln in candidates:
        key = grouping.normalise(ln.text)
        # A text met before was passed over (alike to a chosen one, which stays chosen) or chosen: no second
        # comparison. At national scale most texts repeat word for word; each is compared once.
        if key in passed or key in keys:
            continue
        if any(grouping.ratio(key, other) >= grouping.SIMILAR for other in keys):
            passed.add(key)
            continue
        chosen.append(ln)
        keys.append(key)
        if len(chosen) == count:
            break
    return chosen


def _task_lines(row, lines, data):
    t = row.task
    out = [f"{t.number}. {shorten(t.title, TITLE_CHARS)}"]
    out.append(spread_line(row.all))
    leads = [ln for ln in lines if ln.line.role == LEAD]
    if not t.leads:
        out.append(_("- Đơn vị chủ trì: không có đơn vị cụ thể."))
    elif not leads:
        out.append(_("- Đơn vị chủ trì (%(leads)s): chưa báo cáo.") % {"leads": "; ".join(row.leads)})
    for ln in leads[:LEADS]:
        text = shorten(ln.text, LEAD_CHARS) if ln.line.status != TaskReport.Status.NOTHING_TO_REPORT else \
            _("không có nội dung báo cáo trong năm") + (f" ({shorten(ln.text, 200)})" if ln.text else "")
        out.append(_("- Đơn vị chủ trì %(agency)s (%(status)s): %(text)s") % {
            "agency": agency_name(ln.agency, data), "status": str(ln.spread_label).lower(), "text": text})
    if len(leads) > LEADS:
        out.append(_("- Các đơn vị chủ trì khác: %(n)s đơn vị (xem Phụ lục 3).") % {
            "n": vn_number(len(leads) - LEADS)})
    if t.target_quantity:
        target = t.target_text or f"{vn_number(t.target_quantity)} {t.target_unit}"
        out.append(_("- Chỉ tiêu: %(target)s; đơn vị chủ trì đạt %(lead)s %(unit)s, các đơn vị đạt tổng cộng "
                     "%(all)s %(unit)s.") % {"target": target, "lead": vn_number(row.lead.quantity or 0),
                                             "all": vn_number(row.all.quantity or 0), "unit": t.target_unit})
    others = pick_others(lines, OTHERS[1] if row.all.total >= MANY else OTHERS[0])
    if others:
        line = _("- Một số kết quả của các đơn vị phối hợp: %(items)s.") % {"items": "; ".join(
            f"{agency_name(ln.agency, data)}: {shorten(ln.text, OTHER_CHARS).rstrip('.')}" for ln in others)}
        out.append(line[:-1] if line.endswith("….") else line)  # "…" ends the sentence: no full stop after it
    if row.overdue:
        out.append(_("- Nhiệm vụ đã quá hạn hoàn thành (%(due)s) nhưng đơn vị chủ trì chưa báo cáo hoàn thành.")
                   % {"due": d(t.due_date)})
    return out


def grouped_lines(entries, data, *, singles=True):
    """One line per group of alike items: "8 đơn vị nêu: … (A, B, C, D, E và 3 đơn vị khác)."; one body: "- A: …".
    A group names its first ``NAMED`` bodies (in the order of the submissions list) and counts the others."""
    out = []
    for group in grouping.group_items(entries, name_of=lambda a: agency_name(a, data)):
        names = ", ".join(agency_name(a, data) for a in group.bodies[:NAMED])
        if len(group.bodies) > NAMED:
            names += " " + _("và %(n)s đơn vị khác") % {"n": vn_number(len(group.bodies) - NAMED)}
        text = group.wording.rstrip(" .;")
        if len(group.bodies) > 1:
            out.append(_("- %(n)s đơn vị nêu: %(text)s (%(names)s).") % {
                "n": vn_number(len(group.bodies)), "text": text, "names": names})
        elif singles:
            out.append(f"- {names}: {text}.")
    return out


def _feedback_entries(data, field):
    return [(item.agency, getattr(item.report, field)) for g in data.feedback for item in g.rows
            if getattr(item.report, field).strip()]


def body_parts(data):
    """The generated parts of the report's body, in order."""
    plan, year, f, rollup = data.plan, data.year, data.overview.figures, data.rollup
    today, recipient = data.today, data.recipient
    past_due = f.is_past_due(today)
    parts = []

    title = plan.title[:1].lower() + plan.title[1:]
    parts.append(Part("intro", "", _(
        "Thực hiện %(doc)s số %(number)s ngày %(date)s của %(issuer)s về %(title)s; trên cơ sở báo cáo của các cơ "
        "quan, đơn vị, %(recipient)s báo cáo kết quả thực hiện năm %(year)s như sau:") % {
        "doc": plan.document_type, "number": plan.number, "date": d(plan.issue_date),
        "issuer": plan.issuer_name or "…", "title": title, "recipient": recipient, "year": year}, level=0))

    text = _("Năm %(year)s có %(obliged)s cơ quan, đơn vị phải báo cáo kết quả thực hiện (hạn gửi ngày %(due)s). "
             "Đến ngày %(today)s, %(submitted)s cơ quan, đơn vị đã gửi báo cáo, đạt %(completeness)s; trong đó "
             "%(on_time)s cơ quan, đơn vị gửi đúng hạn (%(timeliness)s), %(late)s cơ quan, đơn vị gửi muộn.") % {
        "year": year, "obliged": vn_number(f.obliged), "due": d(f.due_date), "today": d(today),
        "submitted": vn_number(f.submitted), "completeness": pct(f.completeness), "on_time": vn_number(f.on_time),
        "timeliness": pct(f.timeliness), "late": vn_number(f.late)}
    if past_due:
        text += " " + _("Còn %(missing)s cơ quan, đơn vị chưa gửi báo cáo.") % {"missing": vn_number(f.missing(today))}
    else:
        text += " " + _("Còn %(n)s cơ quan, đơn vị chưa gửi (chưa đến hạn).") % {"n": vn_number(f.not_submitted)}
    if f.returned:
        text += " " + _("%(n)s báo cáo đã được trả lại để đơn vị bổ sung, hoàn thiện.") % {"n": vn_number(f.returned)}
    text += "\n" + _(
        "Tính theo từng nhiệm vụ của từng cơ quan, đơn vị: %(sub)s/%(cells)s nội dung đã được báo cáo (%(gc)s), "
        "%(on)s nội dung báo cáo đúng hạn (%(gt)s). Danh sách chi tiết tại Phụ lục 1 và Phụ lục 2.") % {
        "sub": vn_number(f.cells_submitted), "cells": vn_number(f.cells), "gc": pct(f.grid_completeness),
        "on": vn_number(f.cells_on_time), "gt": pct(f.grid_timeliness)}
    parts.append(Part("submissions", _("I. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ"), text))

    parts.append(Part("tasks", _("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"), _(
        "Trong năm %(year)s có %(n)s nhiệm vụ phải thực hiện; %(done)s nhiệm vụ đã hoàn thành hoặc đã thực hiện "
        "trong năm (%(share)s) theo báo cáo của đơn vị chủ trì. Mỗi nhiệm vụ nêu kết quả của đơn vị chủ trì và "
        "một số kết quả của đơn vị phối hợp (ưu tiên đơn vị đã hoàn thành, đạt số lượng lớn hơn, nội dung đầy đủ "
        "hơn); toàn văn tại Phụ lục 3.") % {"year": year, "n": vn_number(len(rollup.tasks)), "done": vn_number(rollup.done),
                         "share": pct(rollup.share)}))
    for sec in rollup.sections:
        lines = []
        for row in sec.tasks:
            lines += _task_lines(row, data.lines.get(row.task.pk, []), data)
        parts.append(Part(f"tasks-{sec.section.number}", f"{sec.section.number}. {sec.section.title}",
                          "\n".join(lines), level=2))

    if data.indicators:
        parts.append(Part("indicators", _("III. MỘT SỐ CHỈ TIÊU CHỦ YẾU"), _(
            "Số liệu tổng hợp từ các báo cáo đã gửi, so với năm %(previous)s:") % {"previous": year - 1}))

    lines = [_("Tỷ lệ cơ quan, đơn vị gửi báo cáo đạt %(c)s, gửi đúng hạn đạt %(t)s; %(done)s/%(n)s nhiệm vụ đã "
               "hoàn thành hoặc đã thực hiện trong năm.") % {
        "c": pct(f.completeness), "t": pct(f.timeliness), "done": vn_number(rollup.done),
        "n": vn_number(len(rollup.tasks))}]
    if rollup.overdue:
        items = [f"{t.number} ({_('hạn')} {d(t.due_date)}, {_('chủ trì')} "
                 f"{', '.join(a.assignee_name for a in t.leads) or '…'})" for t in rollup.overdue]
        lines.append(_("Nhiệm vụ quá hạn hoàn thành, đơn vị chủ trì chưa báo cáo hoàn thành: %(items)s.") % {
            "items": "; ".join(items)})
    assessments = grouped_lines(_feedback_entries(data, "overall_assessment"), data, singles=False)
    if assessments:
        lines.append(_("Đánh giá chung được nhiều cơ quan, đơn vị nêu:"))
        lines += assessments
    parts.append(Part("assessment", _("IV. ĐÁNH GIÁ CHUNG"), "\n".join(lines)))

    stated = ""
    for key, field, title, empty in (
        ("difficulties", "difficulties", _("V. KHÓ KHĂN, VƯỚNG MẮC"),
         _("Các báo cáo đã gửi không nêu khó khăn, vướng mắc.")),
        ("proposals", "proposals", _("VI. ĐỀ XUẤT, KIẾN NGHỊ"), _("Các báo cáo đã gửi không nêu đề xuất, kiến nghị.")),
    ):
        lines = grouped_lines(_feedback_entries(data, field), data)
        if lines:
            # The rule stated once: in full above the first grouped list, by reference above the second.
            lines.insert(0, grouping.rule_text(NAMED) if not stated else _("(Gộp ý kiến như tại mục %(section)s.)") % {
                "section": stated})
            stated = stated or title.split(".")[0]
        parts.append(Part(key, title, "\n".join(lines) or empty))

    parts.append(Part("closing", "", _(
        "Trên đây là báo cáo kết quả thực hiện %(doc)s số %(number)s năm %(year)s của %(recipient)s./.") % {
        "doc": plan.document_type, "number": plan.number, "year": year, "recipient": recipient}, level=0))
    return parts


def is_task_heading(line):
    return bool(TASK_HEADING.match(line))


__all__ = ["Part", "body_parts", "pick_others", "grouped_lines", "NOT_REPORTED"]
