"""How blind22's DOCX document was written (python-docx, blind21's helpers), kept for the record (written in blind22/, moved here in round 24); run once, from this folder:
../../../.venv/bin/python make_docx_blind22.py"""

import unicodedata

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm


def nfc(s):
    return unicodedata.normalize("NFC", s)


def header(doc, lines):
    for text, center, bold in lines:
        p = doc.add_paragraph()
        r = p.add_run(nfc(text))
        r.bold = bold
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def para(doc, text, bold=False):
    p = doc.add_paragraph()
    r = p.add_run(nfc(text))
    r.bold = bold
    return p


def no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tbl_pr.append(borders)


def header_table(doc, left, right):
    """The usual two-column header of an official document, drawn without rules: issuer left, the national motto right."""
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
    parts = value.split("\n")
    cell.text = nfc(parts[0])
    for extra in parts[1:]:
        cell.add_paragraph(nfc(extra))


def table(doc, head, rows, widths=None, sub_head=None, span=None):
    """rows: a list; a str is a section row ("I|title"): its first cell the numeral, the rest merged across.
    A cell value holding "\n" is written as several paragraphs. sub_head: a second header row; span: (first, last)
    columns of the first header row merged over the second's cells, the other header cells merged down."""
    t = doc.add_table(rows=2 if sub_head else 1, cols=len(head))
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


def table_1():
    doc = Document()
    header_table(doc, [("UBND TỈNH GIA LAI", False), ("SỞ TÀI CHÍNH", True), ("Số: 1876/KH-STC", False)],
                 [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                  ("Gia Lai, ngày 12 tháng 10 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Phát triển kinh tế tập thể, hợp tác xã trên địa bàn tỉnh Gia Lai năm 2027", True, True)])
    para(doc, "Thực hiện Kế hoạch số 145/KH-UBND ngày 01/9/2026 của UBND tỉnh về phát triển kinh tế tập thể giai đoạn "
              "2026 - 2030, Sở Tài chính xây dựng Kế hoạch năm 2027 như sau:")
    para(doc, "I. MỤC TIÊU", bold=True)
    para(doc, "Thành lập mới ít nhất 50 hợp tác xã; 70% hợp tác xã hoạt động hiệu quả; doanh thu bình quân của hợp tác "
              "xã tăng 10% so với năm 2026.")
    para(doc, "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", bold=True)
    table(doc, ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm"], [
        "1|Củng cố, nâng cao chất lượng hoạt động của hợp tác xã",
        ["1.1", "Rà soát, phân loại hợp tác xã theo Luật Hợp tác xã năm 2023; hướng dẫn giải thể hợp tác xã ngừng "
                "hoạt động", "Sở Tài chính", "UBND các xã, phường; Liên minh Hợp tác xã tỉnh", "Quý I/2027",
         "Danh sách phân loại"],
        ["1.2", "Hỗ trợ thành lập mới hợp tác xã nông nghiệp gắn với chuỗi giá trị cà phê, hồ tiêu, mắc ca",
         "Liên minh Hợp tác xã tỉnh", "Sở NN&MT, UBND các xã", "Năm 2027", "50 hợp tác xã"],
        ["1.3", "Bồi dưỡng kiến thức quản trị, kế toán cho cán bộ quản lý hợp tác xã", "Liên minh Hợp tác xã tỉnh",
         "Trường Cao đẳng Gia Lai", "Hằng quý", "04 lớp"],
        "2|Hỗ trợ tiếp cận vốn, đất đai và thị trường",
        ["2.1", "Cho vay ưu đãi từ Quỹ Hỗ trợ phát triển hợp tác xã tỉnh", "Quỹ Hỗ trợ phát triển hợp tác xã tỉnh",
         "Sở Tài chính", "Thường xuyên", ""],
        ["2.2", "Hướng dẫn hợp tác xã thủ tục thuê đất xây dựng kho bãi, cơ sở sơ chế, bảo quản nông sản", "Sở NN&MT",
         "UBND các xã, phường\nCác cơ quan, đơn vị có liên quan", "Trước ngày 30/9/2027", ""],
        ["2.3", "Kết nối tiêu thụ sản phẩm OCOP của hợp tác xã tại các hội chợ trong và ngoài tỉnh", "Sở Công Thương",
         "Sở NN&MT, Liên minh Hợp tác xã tỉnh và Hiệp hội Doanh nghiệp tỉnh", "6 tháng cuối năm 2027", ""],
        ["2.4", "Cho vay đối với thành viên hợp tác xã theo các chương trình tín dụng chính sách",
         "Ngân hàng Chính sách xã hội chi nhánh tỉnh Gia Lai", "Liên minh Hợp tác xã tỉnh",
         "Theo kế hoạch của Ngân hàng Chính sách xã hội", ""],
        "3|Chuyển đổi số và khen thưởng",
        ["3.1", "Xây dựng cơ sở dữ liệu hợp tác xã của tỉnh, kết nối với Hệ thống thông tin quốc gia về hợp tác xã",
         "Sở Tài chính", "Sở KH&CN", "2027-2028", "Cơ sở dữ liệu"],
        ["3.2", "Tổng kết, khen thưởng hợp tác xã điển hình tiên tiến", "Sở Nội vụ",
         "Sở Tài chính; Liên minh Hợp tác xã tỉnh", "Tháng 12/2027", ""],
    ], widths=[1.2, 6.0, 3.0, 3.5, 2.5, 2.3])
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các sở, ban, ngành, UBND các xã, phường căn cứ nhiệm vụ được phân công chủ động phối hợp triển khai. "
              "Định kỳ hằng quý (trước ngày 20 tháng cuối quý) và hằng năm (trước ngày 15/11), các đơn vị gửi báo cáo "
              "kết quả thực hiện về Sở Tài chính để tổng hợp, báo cáo UBND tỉnh.")
    signature(doc, ["- UBND tỉnh (để b/c);", "- Các sở, ban, ngành;", "- Liên minh HTX tỉnh;",
                    "- UBND các xã, phường;", "- Lưu: VT, KTTT."],
              ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Rơ Châm Y Blon"])
    doc.save("blind22-table-1.docx")


if __name__ == "__main__":
    table_1()
