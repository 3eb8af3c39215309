"""The compiled exports, parsed back: the XLSX workbook (openpyxl) and the DOCX report (python-docx), from
the known scenario of test_overview (plan 77/KH-UBND, 2024)."""

import datetime
import io
import subprocess
import zipfile

import docx
import openpyxl

from exchange.formats import FORMULA_PREFIXES, unescape_xlsx_text
import pytest
from django.urls import reverse
from docx.shared import Pt

from reports.exports.common import _clean
from reports.exports.xlsx import XLSX_CONTENT_TYPE, _Sheet
from reports.tests.test_overview import MARKER, TODAY, scenario  # noqa: F401 (the fixture)
from testing.tools import require_tool


def _get(client, s, kind):
    client.force_login(s.coordinator)
    response = client.get(reverse(f"reports:year-export-{kind}", args=[s.plan.pk, 2024]))
    assert response.status_code == 200
    return response


def _book(client, s):
    return openpyxl.load_workbook(io.BytesIO(_get(client, s, "xlsx").content))


def _rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _table(sheet):
    """The cells of the sheet's first table: from the header down to the first empty row."""
    rows = []
    for row in sheet.iter_rows():
        if all(c.value is None for c in row):
            break
        rows.append(row)
    return rows


def _labelled(sheet):
    """{first cell: the row's other cells} of a label/value sheet."""
    return {row[0]: row[1:] for row in _rows(sheet) if row and isinstance(row[0], str)}


# --------------------------------------------------------------------------------------------------
# XLSX


def test_workbook_download_is_named_and_typed(client, scenario):
    response = _get(client, scenario, "xlsx")
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-tong-hop-77kh-ubnd-2024.xlsx"'


def test_workbook_has_the_pages_sheets_with_vietnamese_headers(client, scenario):
    book = _book(client, scenario)
    assert book.sheetnames == ["Tổng quan", "Biểu đồ", "Đơn vị báo cáo", "Nhiệm vụ", "Kết quả theo đơn vị", "Chỉ tiêu",
                               "Chỉ tiêu theo đơn vị", "Đánh giá, khó khăn, đề xuất", "Qua các năm"]
    agencies = _rows(book["Đơn vị báo cáo"])
    assert agencies[0] == ["STT", "Nhóm cơ quan", "Cơ quan, đơn vị", "Trạng thái", "Tình trạng gửi",
                           "Gửi lần đầu lúc", "Số ngày muộn"]
    assert len(agencies) == 1 + 6
    tasks = _rows(book["Nhiệm vụ"])
    assert tasks[0][:8] == ["Mục", "Số", "Nhiệm vụ", "Thời gian", "Hạn hoàn thành", "Đơn vị chủ trì",
                            "Tình trạng của đơn vị chủ trì", "Số đơn vị"]
    assert [r[1].value for r in _table(book["Nhiệm vụ"])[1:]] == ["1.1", "1.2", "2.1", "2.2", "2.3"]
    assert tasks[len(_table(book["Nhiệm vụ"])) + 1][0] == "Nhiệm vụ quá hạn hoàn thành (đơn vị chủ trì chưa báo cáo hoàn thành)"
    assert len(_rows(book["Kết quả theo đơn vị"])) == 1 + 7  # A 3 + B 3 + O 1 lines; no draft, no returned
    assert len(_rows(book["Chỉ tiêu"])) == 1 + 2
    assert len(_rows(book["Chỉ tiêu theo đơn vị"])) == 1 + 3
    assert len(_rows(book["Đánh giá, khó khăn, đề xuất"])) == 1 + 3
    assert [r[0] for r in _rows(book["Qua các năm"])[1:]] == [2023, 2024, 2025]


def test_workbook_overview_holds_the_figures_as_numbers(client, scenario):
    sheet = _labelled(_book(client, scenario)["Tổng quan"])
    assert sheet["Cơ quan, đơn vị phải báo cáo"][0] == 6
    assert sheet["Gửi đúng hạn"][:2] == [3, 0.5]
    assert sheet["Gửi muộn"][0] == 1
    assert sheet["Đang soạn, chưa gửi"][0] == 1
    assert sheet["Chưa bắt đầu"][0] == 1
    assert sheet["Chưa gửi khi đã quá hạn (thiếu báo cáo)"][0] == 2
    assert sheet["Bị trả lại để bổ sung (đã tính là đã gửi)"][0] == 1
    assert sheet["Tỷ lệ đầy đủ (đã gửi ÷ phải báo cáo)"][1] == pytest.approx(4 / 6)
    assert sheet["Ô nhiệm vụ × cơ quan đã gửi"][:2] == [9, 0.75]
    assert sheet["Nhiệm vụ quá hạn hoàn thành"][0] == 1
    assert sheet["Năm báo cáo"][0] == 2024
    assert sheet["Hạn gửi báo cáo"][0] == datetime.datetime(2024, 11, 15)


def test_workbook_dates_are_dates_and_counts_are_numbers(client, scenario):
    book = _book(client, scenario)
    sheet = book["Đơn vị báo cáo"]
    by_name = {row[2].value: row for row in sheet.iter_rows(min_row=2)}
    a = by_name["Sở Dân tộc thử"]
    assert a[5].value == datetime.datetime(2024, 11, 15, 23, 30)  # local time, as the office reads it
    assert a[5].number_format == "dd/mm/yyyy hh:mm"
    assert by_name["Sở Đô thị thử"][6].value == 1
    assert by_name["Báo Thử"][5].value is None
    assert by_name["Báo Thử"][4].value == "Chưa gửi"
    tasks = {row[1].value: row for row in _table(book["Nhiệm vụ"])[1:]}
    assert tasks["2.1"][4].value == datetime.datetime(2024, 6, 30)
    assert tasks["2.1"][4].number_format == "dd/mm/yyyy"
    assert tasks["1.1"][7].value == 4  # agencies
    header = [c.value for c in next(book["Nhiệm vụ"].iter_rows(max_row=1))]
    assert tasks["1.1"][header.index("Chưa báo cáo")].value == 3
    assert tasks["1.2"][header.index("Chủ trì đạt")].value == 2
    assert tasks["2.3"][header.index("Quá hạn")].value == "Có"
    indicators = {row[0].value: row for row in book["Chỉ tiêu"].iter_rows(min_row=2)}
    assert indicators["Tin, bài đã đăng"][2].value == 15  # departments
    assert indicators["Tin, bài đã đăng"][6].value == 18  # total
    assert indicators["Kinh phí đã chi"][6].value == 1_500_000


def test_workbook_numbers_show_no_stray_separator(client, scenario):
    """Whole numbers "#,##0", fractions "#,##0.00": never "#,##0.##", which Excel and LibreOffice show as
    "1.500.000," for a whole number."""
    book = _book(client, scenario)
    indicators = {row[0].value: row for row in book["Chỉ tiêu"].iter_rows(min_row=2)}
    money = indicators["Kinh phí đã chi"][6]
    assert (money.value, money.number_format) == (1_500_000, "#,##0")
    formats = {c.number_format for ws in book.worksheets for row in ws.iter_rows() for c in row
               if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)}
    assert "#,##0.##" not in formats
    from reports.exports.xlsx import FRACTION_FORMAT, NUMBER_FORMAT

    sheet = _Sheet(openpyxl.Workbook(), "t", [10])
    sheet.append([12.5, 12, 12.0], {1: NUMBER_FORMAT, 2: NUMBER_FORMAT, 3: NUMBER_FORMAT})
    assert [c.number_format for c in next(sheet.ws.iter_rows())] == [FRACTION_FORMAT, NUMBER_FORMAT, NUMBER_FORMAT]


def _cells(sheet, ref):
    """The values of the cells a chart reference ("'Biểu đồ'!$B$3:$B$4") points at."""
    sheet_name, cells = ref.rsplit("!", 1)
    assert sheet_name.strip("'") == sheet.title
    found = sheet[cells.replace("$", "")]
    rows = found if isinstance(found, tuple) else ((found,),)
    return [c.value for row in rows for c in (row if isinstance(row, tuple) else (row,))]


def test_workbook_summary_sheet_has_native_charts_over_its_tables(client, scenario):
    sheet = _book(client, scenario)["Biểu đồ"]
    charts = sheet._charts
    # Submissions over the years, completion by task group, and one per main indicator (2 in the scenario).
    assert len(charts) == 4
    rows = _rows(sheet)
    assert rows[0][0] == "Tình hình gửi báo cáo qua các năm"
    assert rows[1][:3] == ["Năm", "Tỷ lệ gửi báo cáo", "Tỷ lệ gửi đúng hạn"]
    assert [r[0] for r in rows[2:4]] == ["2023", "2024"] and rows[4][0] is None  # opened years up to the report's
    refs = [s.val.numRef.f for c in charts for s in c.series]
    assert refs[:2] == ["'Biểu đồ'!$B$3:$B$4", "'Biểu đồ'!$C$3:$C$4"]  # the table's two shares, 2023–2024
    assert all(c.title is not None for c in charts)

    # Every series reads its values, its name and its categories from the table beside the chart.
    def series(chart):
        return [(_cells(sheet, s.tx.strRef.f), _cells(sheet, (s.cat.strRef or s.cat.numRef).f),
                 _cells(sheet, s.val.numRef.f)) for s in chart.series]
    y23, y24 = rows[2:4]
    submissions, groups, *indicators = charts
    assert series(submissions) == [(["Tỷ lệ gửi báo cáo"], ["2023", "2024"], [y23[1], y24[1]]),
                                   (["Tỷ lệ gửi đúng hạn"], ["2023", "2024"], [y23[2], y24[2]])]
    head = rows.index(["Nhóm", "Tỷ lệ", "Nhóm nhiệm vụ", None, None, None][:len(rows[0])])
    group_rows = rows[head + 1:head + 3]
    assert series(groups) == [(["Tỷ lệ"], ["1", "2"], [group_rows[0][1], group_rows[1][1]])]
    assert [r[2].split(".")[0] for r in group_rows] == ["1", "2"]  # the number on the axis, the title in the table
    head = next(i for i, r in enumerate(rows) if i > head and r[0] == "Năm")
    names = rows[head][1:3]
    values = [r for r in rows[head + 1:] if r[0] in ("2023", "2024")]
    assert [series(c) for c in indicators] == [
        [([names[n]], ["2023", "2024"], [values[0][1 + n], values[1][1 + n]])] for n in range(2)]
    assert {n.split(" (")[0] for n in names} == {c.title.tx.rich.p[0].r[0].t for c in indicators}
    # Each bar labelled with its value alone; the axes from zero; every chart inside the printed area.
    for chart in charts:
        for s in chart.series:
            # Said explicitly: LibreOffice shows the series' and category's names where the file says nothing.
            assert s.dLbls.showVal and (s.dLbls.showSerName, s.dLbls.showCatName, s.dLbls.showLegendKey) == (False,) * 3
        assert chart.y_axis.scaling.min == 0
    last_row = int(sheet.print_area[0].split("$")[-1]) if isinstance(sheet.print_area, list) else \
        int(sheet.print_area.split("$")[-1])
    assert all(c.anchor._from.row + 12 <= last_row for c in charts)


def test_libreoffice_draws_the_workbooks_charts(client, scenario, tmp_path):
    """The summary sheet as LibreOffice Calc prints it: each chart drawn (its title printed beside the table's)."""
    soffice = require_tool("soffice", install="LibreOffice: apt-get install libreoffice-calc-nogui")
    pdftotext = require_tool("pdftotext", install="apt-get install poppler-utils")
    (tmp_path / "book.xlsx").write_bytes(_get(client, scenario, "xlsx").content)
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                             "pdf", "--outdir", str(tmp_path), str(tmp_path / "book.xlsx")], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0 and (tmp_path / "book.pdf").exists(), result.stderr
    text = subprocess.run([pdftotext, str(tmp_path / "book.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    text = " ".join(text.split())
    # The tables' titles once, the charts' titles once more; the indicators' names in the table and the chart.
    assert text.count("Tình hình gửi báo cáo qua các năm") >= 2
    assert text.count("theo nhóm nhiệm vụ") >= 2
    for name in ("Tin, bài đã đăng", "Kinh phí đã chi"):
        assert text.count(name) >= 3, name  # the summary's table, the chart, the indicators' sheet


def test_workbook_text_is_never_a_formula(client, scenario):
    content = _get(client, scenario, "xlsx").content
    book = openpyxl.load_workbook(io.BytesIO(content))
    rows = {row[1].value: row for row in book["Đánh giá, khó khăn, đề xuất"].iter_rows(min_row=2)}
    o = rows["Công an thử"]
    assert [c.value for c in o[2:]] == ["@SUM(A1) O đánh giá", "=1+1", "-2 đề xuất của O"]
    assert all(c.data_type == "s" for c in o[2:])
    assert all(c.quotePrefix for c in o[2:])
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        assert not any("<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "#N/A"])
def test_a_text_cell_stays_text_whatever_it_starts_with(text):
    book = openpyxl.Workbook()
    sheet = _Sheet(book, "t", [10])
    sheet.append([text, "a\x07b"])
    out = io.BytesIO()
    book.save(out)
    cell, cleaned = next(openpyxl.load_workbook(io.BytesIO(out.getvalue()))["t"].iter_rows())
    # openpyxl leaves OOXML's _xHHHH_ escapes (CR is stored as _x000D_) for the reader to undo, as Excel does.
    assert cell.data_type == "s" and unescape_xlsx_text(cell.value) == text
    assert cleaned.value == "ab"  # a control character XML cannot carry is dropped


def test_only_nul_of_the_formula_prefixes_is_dropped_as_a_control_character():
    assert [p for p in FORMULA_PREFIXES if not _clean(p)] == ["\0"]


@pytest.mark.parametrize("prefix", [p for p in FORMULA_PREFIXES if _clean(p)], ids=repr)
def test_a_text_starting_with_a_formula_prefix_gets_the_stays_text_mark(prefix):
    # CR included: escaped to "_x000D_" in the file, it is a CR again in Excel, ahead of "=1+1".
    text = prefix + "=1+1"
    book = openpyxl.Workbook()
    _Sheet(book, "t", [10]).append([text])
    out = io.BytesIO()
    book.save(out)
    (cell,) = next(openpyxl.load_workbook(io.BytesIO(out.getvalue()))["t"].iter_rows())
    assert cell.data_type == "s" and unescape_xlsx_text(cell.value) == text
    assert cell.quotePrefix


# --------------------------------------------------------------------------------------------------
# DOCX


def _document(client, s):
    return docx.Document(io.BytesIO(_get(client, s, "docx").content))


def _texts(document):
    return [p.text for p in document.paragraphs]


def test_report_is_a4_with_the_decrees_margins_and_font(client, scenario):
    document = _document(client, scenario)
    section = document.sections[0]
    # Word stores twentieths of a point: compare to the tenth of a millimetre.
    sizes = [section.page_width, section.page_height, section.top_margin, section.bottom_margin,
             section.left_margin, section.right_margin]
    assert [round(x.mm, 1) for x in sizes] == [210, 297, 20, 20, 30, 15]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(13)
    assert document.styles["Heading 2"].font.name == "Times New Roman"
    assert section.different_first_page_header_footer  # page numbers from page 2
    assert "PAGE" in section.header._element.xml


def test_report_header_title_and_summary(client, scenario):
    document = _document(client, scenario)
    head = document.tables[0]
    left, right = head.cell(0, 0).text, head.cell(0, 1).text
    assert left.splitlines() == ["UBND TỈNH BẮC GIANG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]
    assert right.splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert head.cell(1, 0).text == "Số: …/BC-…"
    place = head.cell(1, 1).paragraphs[0]
    assert place.text == "Bắc Giang, ngày … tháng … năm …" and all(r.italic for r in place.runs)
    assert all(r.bold for r in head.cell(0, 1).paragraphs[0].runs)
    texts = _texts(document)
    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold and title.alignment == 1  # centred
    assert "Kết quả thực hiện Kế hoạch số 77/KH-UBND năm 2024" in texts


def test_report_body_follows_the_plans_task_groups_with_combined_results(client, scenario):
    document = _document(client, scenario)
    body = document.paragraphs[:next(i for i, p in enumerate(document.paragraphs) if p.text == "Phụ lục 1")]
    headings = [(p.style.name, p.text) for p in body if p.style.name.startswith("Heading")]
    level2 = [t for s, t in headings if s == "Heading 2"]
    assert level2 == ["1. Nâng cao nhận thức về truyền thông chính sách", "2. Bảo đảm nguồn lực thực hiện"]
    level3 = [t.split(".")[0] + "." + t.split(".")[1] for s, t in headings if s == "Heading 3"]
    assert level3 == ["1.1", "1.2", "2.1", "2.2", "2.3"]
    level1 = [t for s, t in headings if s == "Heading 1"]
    assert level1 == ["I. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
                      "III. MỘT SỐ CHỈ TIÊU CHỦ YẾU", "IV. ĐÁNH GIÁ CHUNG", "V. KHÓ KHĂN, VƯỚNG MẮC",
                      "VI. ĐỀ XUẤT, KIẾN NGHỊ"]
    text = "\n".join(p.text for p in body)
    # The lead's own result; the counts of each status across the task's bodies.
    assert "- Đơn vị chủ trì Sở Dân tộc thử (đã thực hiện trong năm): A làm 1.1 năm 2024" in text
    assert "- Tình hình thực hiện (4 đơn vị có trách nhiệm): 1 đã thực hiện trong năm, 3 chưa báo cáo." in text
    assert "đơn vị chủ trì đạt 2 hội nghị" in text
    assert "Nhiệm vụ đã quá hạn hoàn thành (31/10/2024)" in text
    assert "Năm 2024 có 6 cơ quan, đơn vị phải báo cáo" in text and "đạt 66,7%" in text
    assert "- Sở Dân tộc thử: A khó khăn 2024." in text
    # The grouping rule in full above V's list, by reference above VI's.
    assert text.count("được gộp thành một ý") == 1 and "(Gộp ý kiến như tại mục V.)" in text
    assert text.index("được gộp thành một ý") < text.index("VI. ĐỀ XUẤT") < text.index("(Gộp ý kiến như tại mục V.)")
    assert "Nơi nhận:" in "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)


def test_report_indicators_beside_the_year_before_in_vietnamese_numbers(client, scenario):
    document = _document(client, scenario)
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Chỉ tiêu")
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2023", "Năm 2024", "Số đơn vị"]
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name["Tin, bài đã đăng"][4] == "18"
    assert by_name["Kinh phí đã chi"][4] == "1.500.000"  # Vietnamese grouping, no decimals when whole


def test_report_appendices_status_per_task_and_full_texts(client, scenario):
    document = _document(client, scenario)
    texts = _texts(document)
    assert [t for t in texts if t.startswith("Phụ lục ")] == ["Phụ lục 1", "Phụ lục 2", "Phụ lục 3"]
    status = next(t for t in document.tables if t.rows[0].cells[0].text == "STT" and
                  t.rows[0].cells[2].text == "Vai trò")
    rows = [[c.text for c in row.cells] for row in status.rows]
    assert rows[0] == ["STT", "Cơ quan, đơn vị", "Vai trò", "Tình trạng", "Số lượng đạt"]
    assert rows[1][0].startswith("1.1. ")  # the task's row, merged across
    appendix3 = "\n".join(texts[texts.index("Phụ lục 3"):])
    assert "+ Sở Dân tộc thử (chủ trì, đã thực hiện trong năm): A làm 1.1 năm 2024" in appendix3
    assert "- Không có nội dung báo cáo trong năm: Công an thử." in appendix3


def test_no_draft_or_returned_text_in_either_export(client, scenario):
    for kind in ("xlsx", "docx"):
        with zipfile.ZipFile(io.BytesIO(_get(client, scenario, kind).content)) as z:
            text = "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        assert MARKER not in text, kind
        assert "98765" not in text and "98.765" not in text, kind
        assert "D1 nội dung bị trả lại" not in text and "D1 khó khăn bị trả lại" not in text, kind


def test_exports_are_the_coordinators(client, scenario):
    client.force_login(scenario.viewer)
    assert client.get(reverse("reports:year-export-xlsx", args=[scenario.plan.pk, 2024])).status_code == 403
    client.force_login(scenario.officer)  # no power to export: 403, whatever the plan
    assert client.get(reverse("reports:year-export-xlsx", args=[scenario.plan.pk, 2024])).status_code == 403


def test_report_opens_in_libreoffice(client, scenario, tmp_path):
    soffice = require_tool("soffice", install="LibreOffice: apt-get install libreoffice-writer-nogui")
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(_get(client, scenario, "docx").content)
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / "bao-cao.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_the_workbook_says_what_the_pages_show(client, scenario, monkeypatch):
    """The summary sheet of the XLSX against the overview and task pages the coordinator sees (their context),
    and both against the scenario's known counts: exports and pages build from the same figures."""
    from reports.tests.test_overview import computed_overviews

    client.force_login(scenario.coordinator)
    computed = computed_overviews(monkeypatch)
    client.get(reverse("reports:year-overview", args=[scenario.plan.pk, 2024]))
    overview = computed[0]
    rollup = client.get(reverse("reports:year-tasks", args=[scenario.plan.pk, 2024])).context["rollup"]
    summary = {row[0]: row[1] for row in _book(client, scenario).worksheets[0].iter_rows(values_only=True) if row[0]}
    f = overview["f"]
    shown = {
        "Cơ quan, đơn vị phải báo cáo": f.obliged,
        "Gửi đúng hạn": f.on_time,
        "Gửi muộn": f.late,
        "Đang soạn, chưa gửi": f.drafting,
        "Chưa bắt đầu": f.not_started,
        "Chưa gửi khi đã quá hạn (thiếu báo cáo)": overview["missing"],
        "Bị trả lại để bổ sung (đã tính là đã gửi)": f.returned,
        "Tỷ lệ đầy đủ (đã gửi ÷ phải báo cáo)": f.submitted,
        "Nhiệm vụ phải thực hiện trong năm": len(rollup.tasks),
        "Nhiệm vụ đã hoàn thành hoặc đã thực hiện": rollup.done,
        "Nhiệm vụ quá hạn hoàn thành": len(overview["data"].overdue),
    }
    assert {label: summary[label] for label in shown} == shown
    assert list(shown.values()) == [6, 3, 1, 1, 1, 2, 1, 4, len(rollup.tasks), rollup.done, 1]
    assert [t.number for t in rollup.overdue] == [t.number for t in overview["data"].overdue] == ["2.3"]
    assert _get(client, scenario, "docx").content[:2] == b"PK"




def test_exports_read_a_fixed_number_of_queries(client, scenario):
    """Every figure, line and text of the year in a fixed number of queries, whatever the number of bodies:
    the workbook 13, the document 14 (the coordinator's draft, if any, in one more). Two are the request's
    (the user with their roles, one statement: accounts.roles.with_grants; the session from the cache); the plan's opened years' parameters with the plan are one (which gives the due date
    for the agencies' former names, reports.naming, one more: no query of its own for the due date, nor for the
    opened years); the year's reports are read once for the submissions and the feedback; the indicators' kind
    totals are summed from the values read for the reporters' list."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(scenario.coordinator)
    counts = {}
    for kind in ("xlsx", "docx"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(f"reports:year-export-{kind}", args=[scenario.plan.pk, 2024])).status_code == 200
        counts[kind] = len(queries)
    assert counts == {"xlsx": 12, "docx": 13}
