"""How blind21's DOCX documents were written (python-docx), kept for the record (round 21 wrote them in blind21/;
round 23 moved them here): run once, from this folder: ../../../.venv/bin/python make_docx_blind21.py. The PDF is LibreOffice's:
soffice --headless --convert-to pdf blind21-table-2.docx"""

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
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("THÀNH PHỐ ĐÀ NẴNG", True, True),
                 ("Số: 388/KH-UBND", True, False),
                 ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, True), ("Độc lập - Tự do - Hạnh phúc", True, True),
                 ("Đà Nẵng, ngày 09 tháng 9 năm 2026", True, False),
                 ("KẾ HOẠCH", True, True),
                 ("Phát triển chính quyền số và chuyển đổi số trong cơ quan nhà nước thành phố Đà Nẵng năm 2026 - "
                  "2027", True, True)])
    para(doc, "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công "
              "nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; UBND thành phố ban hành Kế hoạch như sau:")
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "100% hồ sơ công việc tại cấp thành phố, cấp xã được xử lý trên môi trường mạng; dữ liệu được kết nối, "
              "chia sẻ thông suốt.")
    para(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    table(doc, ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành", "Ghi chú"], [
        "I|Hạ tầng số và nền tảng số",
        ["1", "Nâng cấp Trung tâm dữ liệu thành phố đáp ứng tiêu chuẩn an toàn thông tin cấp độ 4", "Sở KH&CN",
         "Sở Tài chính; Công an thành phố", "Quý I/2027", "Dự án chuyển tiếp"],
        ["2", "Triển khai nền tảng tích hợp, chia sẻ dữ liệu (LGSP) kết nối với các cơ sở dữ liệu quốc gia",
         "Sở KH&CN", "Văn phòng UBND thành phố\nCông an thành phố", "Trước ngày 15/10/2026", ""],
        ["3", "Phủ sóng di động 5G tại các khu công nghiệp, khu công nghệ cao và trung tâm các xã, phường",
         "Các doanh nghiệp viễn thông", "Sở KH&CN, UBND các xã, phường", "2026–2027", "Vốn doanh nghiệp"],
        "II|Dữ liệu số và dịch vụ công trực tuyến",
        ["4", "Xây dựng kho dữ liệu dùng chung của thành phố và danh mục dữ liệu mở", "Sở KH&CN",
         "Các sở, ban, ngành; UBND các xã, phường", "Năm 2026", ""],
        ["5", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", "Các sở, ngành theo chức năng",
         "Trung tâm Phục vụ hành chính công thành phố", "Thường xuyên", "Theo Nghị định 107/2021/NĐ-CP"],
        ["6", "Cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục đủ điều kiện",
         "Văn phòng UBND thành phố", "Sở KH&CN", "Hằng quý", "Rà soát, công bố"],
        ["7", "Hoàn thiện cơ sở dữ liệu đất đai và kết nối với Cổng dịch vụ công quốc gia", "Sở NN&MT",
         "Sở KH&CN, Sở Tài chính", "Tháng 12/2026", ""],
        "III|Nhân lực số và an toàn thông tin",
        ["8", "Tổ chức đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức", "Sở Nội vụ",
         "Sở KH&CN, Đại học Đà Nẵng", "Hằng năm", ""],
        ["9", "Diễn tập thực chiến bảo đảm an toàn thông tin mạng cho các hệ thống thông tin của thành phố",
         "Công an thành phố", "Sở KH&CN", "6 tháng cuối năm 2026", ""],
        ["10", "Đánh giá, xếp hạng mức độ chuyển đổi số của các sở, ngành và UBND các xã, phường", "Sở KH&CN",
         "", "Quý I/2027", "Công bố kết quả"],
    ], widths=[1.0, 6.0, 2.8, 3.2, 2.2, 2.4])
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Giao Sở Khoa học và Công nghệ là cơ quan thường trực, giúp UBND thành phố theo dõi, đôn đốc việc thực "
              "hiện Kế hoạch. Định kỳ hằng tháng, trước ngày 20, các cơ quan, đơn vị gửi báo cáo tiến độ về Sở Khoa "
              "học và Công nghệ để tổng hợp, báo cáo Chủ tịch UBND thành phố.")
    signature(doc, ["- Bộ Khoa học và Công nghệ;", "- TT Thành ủy, TT HĐND thành phố;", "- Các sở, ban, ngành;",
                    "- UBND các xã, phường;", "- Lưu: VT, KGVX."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hồ Kỳ Minh"])
    doc.save("blind21-table-1.docx")


def table_2():
    doc = Document()
    header_table(doc, [("ỦY BAN NHÂN DÂN", True), ("TỈNH ĐẮK LẮK", True), ("Số: 207/KH-UBND", False)],
                 [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                  ("Đắk Lắk, ngày 25 tháng 8 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Phòng, chống dịch bệnh truyền nhiễm trên địa bàn tỉnh Đắk Lắk năm 2026 - 2027", True, True)])
    para(doc, "Căn cứ Luật Phòng, chống bệnh truyền nhiễm năm 2007; theo đề nghị của Sở Y tế, UBND tỉnh ban hành Kế "
              "hoạch như sau:")
    para(doc, "I. MỤC TIÊU", bold=True)
    para(doc, "Chủ động phát hiện sớm, khoanh vùng, xử lý kịp thời các ổ dịch sốt xuất huyết, tay chân miệng, sởi, "
              "bạch hầu; không để dịch bùng phát, lan rộng.")
    para(doc, "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", bold=True)
    table(doc, ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Kết quả/sản phẩm"], [
        "A|Giám sát, phát hiện và xử lý dịch",
        ["1", "Giám sát chủ động các bệnh truyền nhiễm lưu hành tại cộng đồng và cơ sở khám bệnh, chữa bệnh",
         "Sở Y tế", "UBND các xã, phường", "Thường xuyên", "Báo cáo giám sát"],
        ["2", "Tổ chức chiến dịch diệt lăng quăng, bọ gậy phòng, chống sốt xuất huyết tại các xã trọng điểm",
         "UBND các xã, phường", "Sở Y tế; Ủy ban MTTQ Việt Nam tỉnh", "Quý III/2027",
         "Chỉ số véc-tơ dưới ngưỡng"],
        ["3", "Tiêm vắc xin phòng sởi, bạch hầu cho trẻ em tại các xã vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu "
              "số", "Sở Y tế", "Sở GD&ĐT, UBND các xã vùng sâu, vùng xa", "Theo kế hoạch của Bộ Y tế",
         "Tỷ lệ tiêm chủng đạt trên 95%"],
        ["4", "Kiểm dịch y tế biên giới tại Cửa khẩu quốc tế Đắk Ruê", "Trung tâm Kiểm soát bệnh tật tỉnh",
         "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Hằng tháng", ""],
        "B|Bảo đảm nguồn lực",
        ["5", "Bảo đảm cơ số thuốc, hóa chất, vật tư, trang thiết bị phòng, chống dịch", "Sở Y tế",
         "Sở Tài chính", "Trước 31/3/2027", "Danh mục cơ số dự phòng"],
        ["6", "Bố trí kinh phí phòng, chống dịch bệnh trong dự toán ngân sách tỉnh", "Sở Tài chính", "Sở Y tế",
         "Hằng năm", ""],
        ["7", "Kiện toàn đội đáp ứng nhanh phòng, chống dịch cấp tỉnh và cấp xã", "Sở Y tế",
         "UBND các xã, phường", "Tháng 12/2026", "Quyết định kiện toàn"],
        ["8", "Đầu tư nâng cấp khoa truyền nhiễm Bệnh viện Đa khoa vùng Tây Nguyên", "Sở Y tế",
         "Sở Tài chính, Sở Xây dựng", "2026–2028", "Dự án hoàn thành"],
        ["9", "Tuyên truyền, hướng dẫn người dân các biện pháp phòng bệnh trên hệ thống thông tin cơ sở",
         "Sở VHTTDL", "Sở Y tế, Báo và Phát thanh, Truyền hình Đắk Lắk", "Năm 2026", ""],
        ["10", "Kiểm tra công tác phòng, chống dịch tại các cơ sở giáo dục, trường mầm non", "Sở GD&ĐT",
         "Sở Y tế", "Hằng quý", "Biên bản kiểm tra"],
    ], widths=[1.0, 5.8, 2.5, 3.0, 2.2, 2.8])
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Sở Y tế là cơ quan thường trực, theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch. Các sở, ngành, UBND "
              "các xã, phường báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Y tế) trước ngày 10/12 hằng năm.")
    signature(doc, ["- Bộ Y tế;", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Các sở, ban, ngành;", "- Lưu: VT, KGVX."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "H' Yim Kđoh"])
    doc.save("blind21-table-2.docx")


def mixed_1():
    doc = Document()
    header_table(doc, [("ỦY BAN NHÂN DÂN", True), ("THÀNH PHỐ HÀ NỘI", True), ("Số: 355/KH-UBND", False)],
                 [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                  ("Hà Nội, ngày 30 tháng 9 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Thu hút đầu tư trực tiếp nước ngoài và xúc tiến đầu tư thành phố Hà Nội năm 2026 - 2027",
                  True, True)])
    para(doc, "Thực hiện Nghị quyết số 50-NQ/TW ngày 20/8/2019 của Bộ Chính trị về định hướng hoàn thiện thể chế, "
              "chính sách, nâng cao chất lượng, hiệu quả hợp tác đầu tư nước ngoài, UBND thành phố ban hành Kế hoạch "
              "như sau:")
    para(doc, "I. MỤC TIÊU", bold=True)
    para(doc, "Thu hút vốn đầu tư trực tiếp nước ngoài đạt tối thiểu 4 tỷ USD mỗi năm, ưu tiên công nghệ cao, bán dẫn.")
    para(doc, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True)
    para(doc, "1. Hoàn thiện môi trường đầu tư", bold=True)
    para(doc, "Giao Sở Tài chính chủ trì, phối hợp với Sở Tư pháp, Sở NN&MT rà soát, đề xuất cắt giảm thủ tục đầu tư "
              "đối với dự án công nghệ cao, hoàn thành trước ngày 15/10/2026. Đồng thời, Sở Tài chính xây dựng bộ "
              "tiêu chí lựa chọn nhà đầu tư chiến lược, trình UBND thành phố trong Quý I/2027.")
    para(doc, "Đề nghị Cục Thuế thành phố Hà Nội phối hợp với Sở Tài chính hướng dẫn nhà đầu tư thực hiện ưu đãi thuế "
              "theo quy định; thực hiện thường xuyên.")
    para(doc, "2. Xúc tiến đầu tư", bold=True)
    para(doc, "a. Tổ chức Hội nghị xúc tiến đầu tư thành phố Hà Nội năm 2027.")
    para(doc, "Chủ trì: Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch thành phố; phối hợp: Sở Tài chính, Sở Ngoại vụ.")
    para(doc, "Thời hạn hoàn thành: Quý I/2027.")
    para(doc, "b. Xây dựng cơ sở dữ liệu dự án kêu gọi đầu tư bằng tiếng Việt, tiếng Anh, tiếng Hàn, tiếng Nhật.")
    para(doc, "Chủ trì: Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch thành phố; phối hợp: các cơ quan, đơn vị có liên "
              "quan.")
    para(doc, "Thời hạn hoàn thành: Tháng 12/2026.")
    para(doc, "c. Làm việc với các tập đoàn đa quốc gia trong lĩnh vực bán dẫn, trí tuệ nhân tạo.")
    para(doc, "Chủ trì: Sở Ngoại vụ.")
    para(doc, "Thời hạn hoàn thành: Hằng quý.")
    para(doc, "3. Hạ tầng và nguồn nhân lực phục vụ thu hút đầu tư", bold=True)
    table(doc, ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"], [
        ["1", "Đầu tư hạ tầng Khu công nghệ cao sinh học Hà Nội", "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội",
         "Sở Xây dựng, Sở NN&MT", "Giai đoạn 2026–2030"],
        ["2", "Đào tạo nguồn nhân lực ngành vi mạch bán dẫn theo đặt hàng của doanh nghiệp", "Sở GD&ĐT",
         "Các trường đại học trên địa bàn; Sở Nội vụ", "2026–2028"],
        ["3", "Giải phóng mặt bằng các khu công nghiệp mới thành lập", "UBND các xã có khu công nghiệp",
         "Sở NN&MT", "Năm 2027"],
        ["4", "Hỗ trợ doanh nghiệp FDI kết nối với doanh nghiệp trong nước tham gia chuỗi cung ứng", "Sở Công Thương",
         "Hiệp hội Doanh nghiệp nhỏ và vừa thành phố", "Hằng năm"],
    ], widths=[1.0, 6.5, 3.5, 3.5, 2.5])
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các sở, ngành, UBND các xã, phường theo chức năng, nhiệm vụ chủ động phối hợp tháo gỡ khó khăn cho nhà "
              "đầu tư.")
    para(doc, "Định kỳ 6 tháng (trước ngày 20/6 và 20/12), các cơ quan, đơn vị báo cáo kết quả về Sở Tài chính để tổng "
              "hợp, báo cáo UBND thành phố.")
    signature(doc, ["- Bộ Tài chính;", "- TT Thành ủy, TT HĐND thành phố;", "- Các sở, ban, ngành;",
                    "- Lưu: VT, KT."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Mạnh Quyền"])
    doc.save("blind21-mixed-1.docx")


if __name__ == "__main__":
    table_1()
    table_2()
    mixed_1()
