"""The workbook of the year (``build_xlsx``): a sheet per table, Vietnamese headers, dates as dates, numbers
and shares as numbers, text always text (never a formula)."""

import datetime
import io

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from exchange.formats import escape_xlsx_text, looks_like_formula

from ..aggregates.kinds import KIND_GROUPS, _agency_order, kind_group
from ..aggregates.rollup import SPREAD_LABELS
from ..models import AgencyReport, TaskReport
from ..rules import State
from .common import _clean, _in_vietnamese, _lead_status, _local, _status_text

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
PERCENT_FORMAT = "0.0%"
# Whole numbers "#,##0"; a value with a fraction "#,##0.00" (chosen per cell, ``_Sheet.put``): "#,##0.##"
# would leave a stray separator after a whole number ("1.500.000,") in Excel and LibreOffice.
NUMBER_FORMAT = "#,##0"
FRACTION_FORMAT = "#,##0.00"


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
            cleaned = _clean(value)
            text = escape_xlsx_text(cleaned)
            cell.value = text
            # Never a formula, an error code or a number: always a string cell.
            cell.data_type = "s"
            if "\n" in text or len(text) > 60:
                cell.style = self.WRAP  # before quotePrefix: a named style replaces the cell's style
            # Asked of the text as the reader gets it back, not of its escaped form: a leading CR is stored
            # as "_x000D_", which does not look like a formula but is read back as a CR.
            if looks_like_formula(cleaned):
                cell.quotePrefix = True
        elif isinstance(value, datetime.datetime):
            cell.value = _local(value).replace(tzinfo=None)  # spreadsheets have no time zones
            cell.number_format = number_format or DATETIME_FORMAT
        elif isinstance(value, datetime.date):
            cell.value = value
            cell.number_format = number_format or DATE_FORMAT
        else:
            cell.value = value
            if number_format == NUMBER_FORMAT and value != int(value):
                number_format = FRACTION_FORMAT
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

def _bar_chart(title, y_title, *, horizontal=False, percent=False):
    from openpyxl.chart import BarChart

    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.y_axis.numFmt = "0%" if percent else NUMBER_FORMAT
    chart.y_axis.majorGridlines = None
    # openpyxl 3.1 hides the axes unless told (delete=True by default in its XML)
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    # From zero: an axis starting at 5.930 makes 5.981 against 5.947 look like a halving.
    chart.y_axis.scaling.min = 0
    if percent:
        chart.y_axis.scaling.max = 1
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # the first group on top, as in the table
    chart.width, chart.height = CHART_CM
    return chart


#: A chart's size (cm) on the summary sheet; the indicators' charts are smaller, two abreast.
CHART_CM = (18, 7.5)
INDICATOR_CHART_CM = (12, 6.5)
#: The summary sheet's columns: the tables in A–F, the charts from H; an indicator chart every 8 columns
#: (8 default columns are wider than INDICATOR_CHART_CM) and every 14 rows (taller than it).
CHART_COLUMN, INDICATOR_CHART_COLUMNS, INDICATOR_CHART_ROWS = "H", ("H", "P"), 14


def _tall_enough(ws, row, lengths, widths=None):
    """Give ``row`` the height of its longest wrapped text: LibreOffice keeps a row's stored height on opening,
    so a wrapped header would spill over the rows under it. ``lengths``: {column: characters}; a column holds
    about its width in characters a line."""
    from openpyxl.utils import get_column_letter

    lines = max(-(-n // max(int((widths or {}).get(c) or ws.column_dimensions[get_column_letter(c)].width or 10), 1))
                for c, n in lengths.items())
    if lines > 1:
        ws.row_dimensions[row].height = 15 * lines


def _value_labels(chart, fmt):
    """Each bar labelled with its value only: LibreOffice (unlike Excel) shows the series' and the category's
    names too unless told not to, which covers the chart with text."""
    from openpyxl.chart.label import DataLabelList

    for series in chart.series:
        series.dLbls = DataLabelList()
        series.dLbls.numFmt = fmt
        series.dLbls.showVal = True
        series.dLbls.showSerName = series.dLbls.showCatName = series.dLbls.showLegendKey = False
        series.dLbls.showPercent = series.dLbls.showBubbleSize = series.dLbls.showLeaderLines = False


def _chart_sheet(book, data):
    """The summary sheet: the DOCX's three figures as native charts (openpyxl), each beside its table (the
    chart reads its numbers from the table's cells)."""
    from openpyxl.chart import Reference
    from openpyxl.styles import Alignment

    from .charts import MAIN_INDICATORS

    s = _Sheet(book, _("Biểu đồ"), [12, 16, 16, 16, 16, 16])
    # Printed on one page wide, landscape: tables and charts side by side.
    s.ws.page_setup.orientation = "landscape"
    s.ws.sheet_properties.pageSetUpPr.fitToPage = True
    s.ws.page_setup.fitToWidth, s.ws.page_setup.fitToHeight = 1, 0

    def title(text):
        s.title(text)
        s.ws.cell(row=s.row, column=1).alignment = Alignment(wrap_text=False)  # over the empty cells beside

    def header(names):
        row = s.header(names)
        _tall_enough(s.ws, row, {column: len(str(name)) for column, name in enumerate(names, start=1)})
        return row

    # 1. Submissions over the years
    years = [y for y in data.years if y.opened and y.year <= data.year]
    title(_("Tình hình gửi báo cáo qua các năm"))
    head = header([_("Năm"), _("Tỷ lệ gửi báo cáo"), _("Tỷ lệ gửi đúng hạn")])
    for y in years:
        s.append([str(y.year), _share_fraction(y.completeness), _share_fraction(y.timeliness)],
                 {2: PERCENT_FORMAT, 3: PERCENT_FORMAT})
    if years:
        chart = _bar_chart(_("Tình hình gửi báo cáo qua các năm"), _("Tỷ lệ"), percent=True)
        chart.add_data(Reference(s.ws, min_col=2, max_col=3, min_row=head, max_row=s.row), titles_from_data=True)
        chart.set_categories(Reference(s.ws, min_col=1, min_row=head + 1, max_row=s.row))
        chart.legend.position = "b"  # under the bars: on the right it is cut to "Tỷ…"
        _value_labels(chart, "0.0%")
        s.ws.add_chart(chart, f"{CHART_COLUMN}{head - 1}")
    s.row = max(s.row, head + 15)

    # 2. Completion by task group: the groups' numbers on the chart's axis (their titles, in the table, would
    # squeeze the bars to nothing), the titles across C–F.
    s.blank()
    title(_("Tỷ lệ nhiệm vụ đã hoàn thành hoặc đã thực hiện, theo nhóm nhiệm vụ"))
    head = header([_("Nhóm"), _("Tỷ lệ"), _("Nhóm nhiệm vụ")])
    s.ws.merge_cells(start_row=head, start_column=3, end_row=head, end_column=6)
    for sec in data.rollup.sections:
        row = s.append([str(sec.section.number), _share_fraction(sec.share), f"{sec.section.number}. {sec.section.title}"],
                       {2: PERCENT_FORMAT})
        s.ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=6)
        for column in (1, 2, 3):
            s.ws.cell(row=row, column=column).alignment = Alignment(wrap_text=column == 3, vertical="top")
        _tall_enough(s.ws, row, {3: len(sec.section.title) + 4}, widths={3: 4 * 16})
    if data.rollup.sections:
        chart = _bar_chart(_("Tỷ lệ nhiệm vụ đã hoàn thành hoặc đã thực hiện, theo nhóm nhiệm vụ"), _("Tỷ lệ"),
                           horizontal=True, percent=True)
        chart.add_data(Reference(s.ws, min_col=2, min_row=head, max_row=s.row), titles_from_data=True)
        chart.set_categories(Reference(s.ws, min_col=1, min_row=head + 1, max_row=s.row))
        chart.legend = None
        chart.x_axis.title = _("Nhóm")
        _value_labels(chart, "0.0%")
        s.ws.add_chart(chart, f"{CHART_COLUMN}{head - 1}")
    s.row = max(s.row, head + 15)

    # 3. The main indicators over the years: one chart each (their units differ), two abreast
    s.blank()
    title(_("Một số chỉ tiêu chủ yếu qua các năm"))
    main = data.indicators[:MAIN_INDICATORS]
    head = header([_("Năm"), *[f"{i.indicator.name} ({i.indicator.unit})" if i.indicator.unit else i.indicator.name
                                 for i in main]])
    by = data.indicator_years or {}
    for y in years:
        s.append([str(y.year), *[by.get(i.indicator.pk, {}).get(y.year) for i in main]],
                 {c: NUMBER_FORMAT for c in range(2, 2 + len(main))})
    for n, ind in enumerate(main):
        if not years:
            break
        chart = _bar_chart(ind.indicator.name, ind.indicator.unit)
        chart.add_data(Reference(s.ws, min_col=2 + n, min_row=head, max_row=s.row), titles_from_data=True)
        chart.set_categories(Reference(s.ws, min_col=1, min_row=head + 1, max_row=s.row))
        chart.legend = None
        chart.width, chart.height = INDICATOR_CHART_CM
        _value_labels(chart, NUMBER_FORMAT)
        s.ws.add_chart(chart, f"{INDICATOR_CHART_COLUMNS[n % 2]}{head - 1 + INDICATOR_CHART_ROWS * (n // 2)}")
    # Printed down to the last chart's foot (LibreOffice prints the cells' range, cutting a chart below it) and
    # across to the right column of charts' edge.
    last = head - 1 + INDICATOR_CHART_ROWS * (-(-len(main) // 2)) if years and main else s.row
    s.ws.print_area = f"A1:W{max(last, s.row)}"


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
    s.append([_("Cơ quan tổng hợp"), data.params.recipient_name])
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

    _chart_sheet(book, data)

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
    book.properties.creator = data.params.recipient_name or "Plan Tracker"
    book.properties.language = "vi-VN"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
