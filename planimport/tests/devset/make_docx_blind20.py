"""How blind20's DOCX documents were written (python-docx), kept for the record (round 20 wrote them in blind20/;
round 22 moved them here): run once, from this folder: ../../../.venv/bin/python make_docx_blind20.py. The PDF is
LibreOffice's:
soffice --headless --convert-to pdf blind20-table-2.docx"""

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
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("THÀNH PHỐ HẢI PHÒNG", True, True),
                 ("Số: 205/KH-UBND", True, False), ("Hải Phòng, ngày 30 tháng 3 năm 2026", True, False),
                 ("KẾ HOẠCH", True, True),
                 ("Phát triển dịch vụ logistics và nâng cao năng lực cạnh tranh của hệ thống cảng biển thành phố Hải "
                  "Phòng năm 2026", True, True)])
    para(doc, "Căn cứ Quyết định số 140/QĐ-TTg ngày 16/01/2025 của Thủ tướng Chính phủ phê duyệt Chiến lược phát "
              "triển dịch vụ logistics Việt Nam thời kỳ 2025 - 2035, tầm nhìn đến năm 2050; xét đề nghị của Sở Công "
              "Thương, Ủy ban nhân dân thành phố ban hành Kế hoạch như sau:")
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Phát huy lợi thế cảng biển cửa ngõ phía Bắc; giảm chi phí logistics; phân công cụ thể cơ quan chủ trì, "
              "cơ quan phối hợp, thời gian thực hiện và sản phẩm của từng nhiệm vụ.")
    para(doc, "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", bold=True)
    table(doc, ["STT", "Nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian thực hiện", "Sản phẩm"], [
        "1|Phát triển hạ tầng logistics",
        ["1.1", "Hoàn thiện quy hoạch mạng lưới trung tâm logistics, cảng cạn trên địa bàn thành phố sau hợp nhất",
         "Sở Xây dựng", "Sở Công Thương; Sở Tài chính; Ban Quản lý Khu kinh tế Hải Phòng", "Quý III/2026",
         "Quyết định phê duyệt điều chỉnh quy hoạch"],
        ["1.2", "Đầu tư xây dựng Trung tâm logistics hàng không tại Cảng hàng không quốc tế Cát Bi",
         "Các doanh nghiệp đầu tư kinh doanh logistics", "Sở Xây dựng\nCảng vụ Hàng không miền Bắc", "2026–2027",
         "Dự án được khởi công"],
        ["1.3", "Nạo vét, duy tu luồng hàng hải Lạch Huyện và luồng Hải Phòng", "Cảng vụ Hàng hải Hải Phòng",
         "Sở Xây dựng, UBND các xã, phường, đặc khu ven biển", "Hằng năm", "Luồng bảo đảm độ sâu thiết kế"],
        ["1.4", "Đầu tư các tuyến giao thông kết nối từ khu công nghiệp đến cảng biển, cảng cạn",
         "Sở Xây dựng", "Ban Quản lý Khu kinh tế Hải Phòng;\nUBND các xã, phường có khu công nghiệp",
         "Giai đoạn 2026–2030", "Danh mục dự án ưu tiên đầu tư"],
        "2|Cải cách thủ tục và chuyển đổi số",
        ["2.1", "Thực hiện 100% thủ tục hành chính tại cảng biển Hải Phòng qua Cơ chế một cửa quốc gia",
         "Chi cục Hải quan khu vực III",
         "Cảng vụ Hàng hải Hải Phòng, Bộ Chỉ huy Bộ đội Biên phòng thành phố", "Trước ngày 31/7/2026",
         "Thủ tục được thực hiện trực tuyến toàn trình"],
        ["2.2", "Xây dựng Nền tảng số logistics thành phố kết nối doanh nghiệp cảng, vận tải và chủ hàng",
         "Sở KH&CN", "Sở Công Thương;\nHiệp hội Doanh nghiệp thành phố", "Quý IV/2026", "Nền tảng được vận hành"],
        ["2.3", "Rút ngắn thời gian thông quan hàng hóa xuất khẩu, nhập khẩu qua cảng biển",
         "Chi cục Hải quan khu vực III", "Công an thành phố, Bộ Chỉ huy Bộ đội Biên phòng thành phố",
         "Thường xuyên", "Báo cáo thời gian giải phóng hàng"],
        "3|Phát triển thị trường và nguồn nhân lực",
        ["3.1", "Tổ chức Diễn đàn logistics Hải Phòng năm 2026", "Sở Công Thương",
         "Sở Tài chính, Hiệp hội Doanh nghiệp thành phố", "Tháng 10/2026", "Diễn đàn được tổ chức"],
        ["3.2", "Hỗ trợ doanh nghiệp logistics chuyển đổi phương tiện sử dụng năng lượng sạch, phát triển logistics "
                "xanh", "Sở Công Thương, Sở Xây dựng", "Sở NN&MT", "Năm 2026", "Mô hình logistics xanh"],
        ["3.3", "Xây dựng chương trình đào tạo ngắn hạn nhân lực logistics", "Sở GD&ĐT",
         "Trường Đại học Hàng hải Việt Nam;\ncác trường cao đẳng trên địa bàn", "6 tháng đầu năm 2026",
         "Chương trình đào tạo được ban hành"],
        ["3.4", "Khảo sát, đánh giá Chỉ số năng lực logistics của thành phố", "Sở Công Thương", "",
         "Theo chỉ đạo của UBND thành phố", "Báo cáo đánh giá"],
    ], sub_head=["", "", "Chủ trì", "Phối hợp", "", ""], span=(2, 3))
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các cơ quan, đơn vị được giao chủ trì căn cứ nhiệm vụ được phân công chủ động xây dựng kế hoạch chi "
              "tiết. Định kỳ hằng tháng, trước ngày 22, các cơ quan, đơn vị báo cáo tiến độ thực hiện về Sở Công "
              "Thương để tổng hợp, báo cáo UBND thành phố.")
    signature(doc, ["- Bộ Công Thương (b/c);", "- TT Thành ủy, TT HĐND thành phố;", "- Các sở, ban, ngành thành phố;",
                    "- Lưu: VT, KT."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Anh Quân"])
    doc.save("blind20-table-1.docx")


def table_2():
    doc = Document()
    header_table(doc, [("ỦY BAN NHÂN DÂN", True), ("THÀNH PHỐ CẦN THƠ", True), ("Số: 172/KH-UBND", False)],
                 [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                  ("Cần Thơ, ngày 21 tháng 4 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Phòng, chống sạt lở bờ sông, kênh rạch và ứng phó thiên tai trên địa bàn thành phố Cần Thơ năm "
                  "2026", True, True)])
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Chủ động phòng ngừa, giảm thiểu thiệt hại do sạt lở, triều cường, xâm nhập mặn; bảo đảm an toàn tính "
              "mạng, tài sản của Nhân dân.")
    para(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    table(doc, ["TT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian hoàn thành", "Ghi chú"], [
        "I|Phòng ngừa sạt lở bờ sông, kênh rạch",
        ["1", "Rà soát, cập nhật bản đồ các điểm sạt lở, có nguy cơ sạt lở bờ sông, kênh rạch trên địa bàn thành phố",
         "Sở NN&MT", "UBND các xã, phường có nguy cơ sạt lở", "Trước ngày 15/5/2026", ""],
        ["2", "Cắm biển cảnh báo, di dời khẩn cấp hộ dân ra khỏi khu vực sạt lở nguy hiểm", "UBND các xã, phường",
         "Sở NN&MT; Công an thành phố", "Thường xuyên", ""],
        ["3", "Đầu tư xây dựng kè chống sạt lở bờ sông Hậu khu vực Cồn Ấu",
         "Ban Quản lý dự án đầu tư xây dựng thành phố", "Sở Xây dựng, Sở NN&MT, Sở Tài chính", "2026–2027",
         "Theo dự án được duyệt"],
        ["4", "Kiểm soát hoạt động khai thác cát lòng sông; xử lý nghiêm các trường hợp khai thác trái phép",
         "Sở NN&MT", "Công an thành phố; UBND các xã, phường ven sông", "Hằng năm", ""],
        "II|Ứng phó thiên tai, biến đổi khí hậu",
        ["1", "Xây dựng, phê duyệt Phương án ứng phó thiên tai theo cấp độ rủi ro thiên tai năm 2026",
         "Sở NN&MT", "Các sở, ban, ngành thành phố; UBND các xã, phường", "Quý II/2026", ""],
        ["2", "Tổ chức diễn tập ứng phó thiên tai và tìm kiếm cứu nạn cấp thành phố", "Bộ Chỉ huy Quân sự thành phố",
         "Sở NN&MT, Công an thành phố, UBND các xã, phường", "Quý III/2026", ""],
        ["3", "Nâng cấp hệ thống cống, đê bao ngăn triều cường, xâm nhập mặn", "Sở NN&MT", "UBND các xã, phường",
         "Giai đoạn 2026–2030", "Theo dự án được duyệt"],
        ["4", "Truyền tin cảnh báo sớm thiên tai đến người dân qua hệ thống truyền thanh cơ sở, mạng xã hội",
         "Sở VHTTDL", "Báo và Phát thanh, Truyền hình Cần Thơ; các doanh nghiệp viễn thông", "6 tháng cuối năm 2026",
         ""],
        ["5", "Tổng kết công tác phòng, chống thiên tai năm 2026, đề xuất nhiệm vụ năm 2027", "Sở NN&MT",
         "Các sở, ban, ngành thành phố", "Quý IV/2026", ""],
        ["6", "Bố trí kinh phí dự phòng cho công tác khắc phục hậu quả thiên tai", "Sở Tài chính", "",
         "Theo chỉ đạo của UBND thành phố", "Ngân sách thành phố"],
    ], widths=[1.0, 5.8, 2.6, 3.6, 2.4, 2.2])
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các sở, ban, ngành thành phố, UBND các xã, phường tổ chức thực hiện các nhiệm vụ được giao; báo cáo kết "
              "quả thực hiện trước ngày 05 tháng 12 hằng năm về Sở Nông nghiệp và Môi trường để tổng hợp, báo cáo UBND "
              "thành phố.")
    signature(doc, ["- Bộ Nông nghiệp và Môi trường (b/c);", "- TT Thành ủy, TT HĐND thành phố;",
                    "- Các sở, ban, ngành thành phố;", "- UBND các xã, phường;", "- Lưu: VT, KT."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Cảnh Tuyên"])
    doc.save("blind20-table-2.docx")


def mixed_1():
    doc = Document()
    header_table(doc, [("ỦY BAN NHÂN DÂN", True), ("TỈNH SƠN LA", True), ("Số: 96/KH-UBND", False)],
                 [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                  ("Sơn La, ngày 02 tháng 4 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Phát triển nông nghiệp ứng dụng công nghệ cao và thúc đẩy tiêu thụ nông sản trên địa bàn tỉnh Sơn "
                  "La năm 2026", True, True)])
    para(doc, "Thực hiện Nghị quyết của Tỉnh ủy về phát triển nông nghiệp hàng hóa, Ủy ban nhân dân tỉnh ban hành Kế "
              "hoạch như sau:")
    para(doc, "I. MỤC TIÊU", bold=True)
    para(doc, "Mở rộng diện tích cây ăn quả ứng dụng công nghệ cao; tăng giá trị xuất khẩu nông sản; xây dựng vùng "
              "nguyên liệu đạt tiêu chuẩn VietGAP, GlobalGAP và được cấp mã số vùng trồng.")
    para(doc, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True)
    para(doc, "1. Hoàn thiện cơ chế, chính sách", bold=True)
    para(doc, "- Giao Sở Nông nghiệp và Môi trường (cơ quan thường trực) chủ trì, phối hợp với Sở Tài chính, Sở Tư "
              "pháp tham mưu UBND tỉnh trình HĐND tỉnh Nghị quyết hỗ trợ phát triển nông nghiệp ứng dụng công nghệ cao; "
              "thời gian trình: Tháng 7/2026.")
    para(doc, "- Sở Tài chính có trách nhiệm cân đối, bố trí vốn đối ứng thực hiện chính sách, phối hợp với Sở NN&MT "
              "hướng dẫn thủ tục thanh toán, hoàn thành trong Quý IV/2026. Yêu cầu UBND các xã rà soát, đăng ký nhu "
              "cầu hỗ trợ gửi Sở NN&MT trước 30/6/2026.")
    para(doc, "2. Phát triển vùng sản xuất", bold=True)
    para(doc, "2.1. Cấp mã số vùng trồng, mã số cơ sở đóng gói cho các vùng cây ăn quả xuất khẩu.")
    para(doc, "- Đơn vị thực hiện: Sở NN&MT.")
    para(doc, "- Phối hợp thực hiện: UBND các xã có vùng trồng; các hợp tác xã.")
    para(doc, "- Hoàn thành: Năm 2026.")
    para(doc, "2.2. Chuyển giao công nghệ tưới tiết kiệm nước, nhà màng, nhà lưới cho hợp tác xã, trang trại.")
    para(doc, "- Đơn vị thực hiện: Sở KH&CN.")
    para(doc, "- Phối hợp thực hiện: Sở NN&MT; Trường Đại học Tây Bắc.")
    para(doc, "- Hoàn thành: Giai đoạn 2026–2030.")
    para(doc, "2.3. Phát triển vùng nguyên liệu cà phê chất lượng cao gắn với chế biến sâu.")
    para(doc, "- Đơn vị thực hiện: UBND các xã, phường.")
    para(doc, "- Hoàn thành: 2026–2027.")
    para(doc, "III. DANH MỤC NHIỆM VỤ XÚC TIẾN TIÊU THỤ NÔNG SẢN", bold=True)
    table(doc, ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Sản phẩm"], [
        ["1", "Tổ chức Tuần lễ Nông sản Sơn La tại Hà Nội và Thành phố Hồ Chí Minh", "Sở Công Thương",
         "Sở NN&MT; Sở VHTTDL", "Tháng 6/2026", "Tuần lễ được tổ chức"],
        ["2", "Hỗ trợ doanh nghiệp, hợp tác xã đưa nông sản lên sàn thương mại điện tử", "Sở Công Thương",
         "Các doanh nghiệp viễn thông, bưu chính", "Thường xuyên", "Sản phẩm được đưa lên sàn"],
        ["3", "Xúc tiến xuất khẩu xoài, nhãn, mận sang thị trường Trung Quốc, Hàn Quốc, Australia", "Sở Công Thương",
         "Sở NN&MT,\nHiệp hội Doanh nghiệp tỉnh", "Hằng năm", "Hợp đồng xuất khẩu được ký kết"],
        ["4", "Kiểm tra chất lượng, an toàn thực phẩm nông sản trước khi đưa vào lưu thông", "Sở NN&MT",
         "Sở Y tế, Công an tỉnh", "Tháng 10/2026", "Báo cáo kết quả kiểm tra"],
    ])
    para(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các sở, ban, ngành tỉnh, UBND các xã, phường căn cứ chức năng, nhiệm vụ chủ động triển khai thực hiện Kế "
              "hoạch này; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh về Sở Nông nghiệp và "
              "Môi trường để tổng hợp, báo cáo UBND tỉnh.")
    para(doc, "V. CHẾ ĐỘ BÁO CÁO", bold=True)
    para(doc, "Các cơ quan, đơn vị được giao nhiệm vụ báo cáo kết quả thực hiện trước ngày 25 hằng tháng, gửi Sở Nông "
              "nghiệp và Môi trường để tổng hợp, báo cáo Chủ tịch UBND tỉnh.")
    signature(doc, ["- Bộ Nông nghiệp và Môi trường (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                    "- Các sở, ban, ngành tỉnh;", "- UBND các xã, phường;", "- Lưu: VT, KT."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đặng Ngọc Hậu"])
    doc.save("blind20-mixed-1.docx")


if __name__ == "__main__":
    table_1()
    table_2()
    mixed_1()
