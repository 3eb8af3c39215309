"""How blind19's DOCX documents were written (python-docx), kept for the record (round 19 wrote them in blind19/;
round 20 moved them here): run once, from this folder: ../../../.venv/bin/python make_docx_blind19.py. The PDF is
LibreOffice's:
soffice --headless --convert-to pdf blind19-table-2.docx"""

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
    """The usual two-column header of an official letter, drawn without rules: issuer left, the national motto right."""
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


def table(doc, head, rows, widths=None):
    """rows: a list; a str is a section row ("I|title"): its first cell the numeral, the rest merged across.
    A cell value holding "\n" is written as several paragraphs."""
    t = doc.add_table(rows=1, cols=len(head))
    t.style = "Table Grid"
    for i, h in enumerate(head):
        t.rows[0].cells[i].text = nfc(h)
    for row in rows:
        cells = t.add_row().cells
        if isinstance(row, str):
            num, title = row.split("|")
            cells[0].text = nfc(num)
            merged = cells[1].merge(cells[-1])
            merged.text = nfc(title)
            continue
        for i, v in enumerate(row):
            parts = v.split("\n")
            cells[i].text = nfc(parts[0])
            for extra in parts[1:]:
                cells[i].add_paragraph(nfc(extra))
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
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("TỈNH ĐỒNG NAI", True, True), ("Số: 118/KH-UBND", True, False),
                 ("Đồng Nai, ngày 23 tháng 3 năm 2026", True, False), ("KẾ HOẠCH", True, True),
                 ("Phát triển các khu công nghiệp và thu hút đầu tư vào các khu công nghiệp trên địa bàn tỉnh Đồng Nai "
                  "năm 2026", True, True)])
    para(doc, "Căn cứ Nghị định số 35/2022/NĐ-CP ngày 28/5/2022 của Chính phủ quy định về quản lý khu công nghiệp và "
              "khu kinh tế; xét đề nghị của Ban Quản lý các khu công nghiệp tỉnh, UBND tỉnh ban hành Kế hoạch như sau:")
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Hoàn thiện hạ tầng kỹ thuật, hạ tầng xã hội các khu công nghiệp; thu hút các dự án công nghệ cao, "
              "thân thiện môi trường; bảo đảm nhà ở và đời sống cho người lao động.")
    para(doc, "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", bold=True)
    para(doc, "(Chi tiết tại bảng sau)")
    table(doc, ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"], [
        "I|Hoàn thiện quy hoạch, hạ tầng các khu công nghiệp",
        ["1", "Rà soát, điều chỉnh quy hoạch phân khu các khu công nghiệp phù hợp với Quy hoạch tỉnh sau sắp xếp",
         "Ban Quản lý các khu công nghiệp tỉnh", "Sở Xây dựng, Sở NN&MT, Sở Tài chính", "Quý III/2026",
         "Quyết định phê duyệt điều chỉnh quy hoạch"],
        ["2", "Đẩy nhanh bồi thường, giải phóng mặt bằng Khu công nghiệp Long Đức 3", "UBND các xã, phường có khu công nghiệp",
         "Sở NN&MT; Ban Quản lý các khu công nghiệp tỉnh; chủ đầu tư hạ tầng", "2026–2027", "Mặt bằng sạch được bàn giao"],
        ["3", "Đầu tư hệ thống xử lý nước thải tập trung, quan trắc tự động tại các khu công nghiệp",
         "Các doanh nghiệp kinh doanh hạ tầng khu công nghiệp", "Sở NN&MT\nBan Quản lý các khu công nghiệp tỉnh",
         "Trước ngày 30/6/2026", "Hệ thống vận hành, truyền số liệu"],
        ["4", "Xây dựng nhà ở xã hội, nhà lưu trú cho công nhân tại các khu công nghiệp", "Sở Xây dựng",
         "Ban Quản lý các khu công nghiệp tỉnh; Liên đoàn Lao động tỉnh; các doanh nghiệp", "Giai đoạn 2026–2030",
         "Dự án nhà ở xã hội"],
        "II|Thu hút đầu tư, cải thiện môi trường kinh doanh",
        ["5", "Xây dựng danh mục dự án kêu gọi đầu tư vào các khu công nghiệp năm 2026",
         "Ban Quản lý các khu công nghiệp tỉnh", "Sở Tài chính", "Quý I/2026", "Danh mục được UBND tỉnh phê duyệt"],
        ["6", "Tổ chức hội nghị xúc tiến đầu tư vào các khu công nghiệp tại Hàn Quốc, Nhật Bản",
         "Sở Tài chính, Ban Quản lý các khu công nghiệp tỉnh", "Văn phòng UBND tỉnh, Sở Công Thương", "Tháng 9/2026",
         "Hội nghị xúc tiến đầu tư"],
        ["7", "Giải quyết thủ tục đầu tư, cấp Giấy chứng nhận đăng ký đầu tư theo cơ chế một cửa",
         "Ban Quản lý các khu công nghiệp tỉnh", "Các sở, ban, ngành tỉnh", "Thường xuyên",
         "Hồ sơ được giải quyết đúng hạn"],
        ["8", "Chuyển đổi khu công nghiệp hiện hữu sang mô hình khu công nghiệp sinh thái",
         "Ban Quản lý các khu công nghiệp tỉnh", "Sở NN&MT;\ncác doanh nghiệp kinh doanh hạ tầng",
         "Theo tiến độ của Trung ương", "Báo cáo đánh giá"],
        "III|Bảo đảm an ninh, trật tự và nguồn nhân lực",
        ["9", "Bảo đảm an ninh, trật tự, phòng cháy, chữa cháy tại các khu công nghiệp", "Công an tỉnh",
         "Ban Quản lý các khu công nghiệp tỉnh;\nUBND các xã, phường", "Hằng năm", "Phương án được phê duyệt"],
        ["10", "Đào tạo, cung ứng lao động cho doanh nghiệp trong các khu công nghiệp", "Sở Nội vụ",
         "Sở GD&ĐT, Liên đoàn Lao động tỉnh, các cơ quan, đơn vị liên quan", "Năm 2026",
         "Lao động được đào tạo, giới thiệu việc làm"],
    ])
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các cơ quan, đơn vị được giao nhiệm vụ chủ động triển khai thực hiện; báo cáo kết quả thực hiện theo quý, "
              "gửi về Ban Quản lý các khu công nghiệp tỉnh trước ngày 25 của tháng cuối quý để tổng hợp, báo cáo UBND "
              "tỉnh.")
    signature(doc, ["- Bộ Tài chính (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Các sở, ban, ngành tỉnh;",
                    "- Lưu: VT, KTN."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Võ Văn Phi"])
    doc.save("blind19-table-1.docx")


def table_2():
    doc = Document()
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("TỈNH AN GIANG", True, True), ("Số: 156/KH-UBND", True, False),
                 ("An Giang, ngày 07 tháng 4 năm 2026", True, False), ("KẾ HOẠCH", True, True),
                 ("Triển khai các nhiệm vụ cấp bách chống khai thác hải sản bất hợp pháp, không báo cáo và không theo "
                  "quy định trên địa bàn tỉnh An Giang năm 2026", True, True)])
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Chấm dứt tình trạng tàu cá vi phạm vùng biển nước ngoài; quản lý chặt chẽ đội tàu cá; góp phần gỡ "
              "cảnh báo \"Thẻ vàng\" của Ủy ban châu Âu.")
    para(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    table(doc, ["STT", "Nội dung thực hiện", "Thời gian thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kinh phí"], [
        "I|Quản lý đội tàu cá",
        ["1", "Rà soát, cập nhật đầy đủ dữ liệu tàu cá vào Cơ sở dữ liệu nghề cá quốc gia (VNFishbase)", "Tháng 5/2026",
         "Sở NN&MT", "UBND các xã, phường, đặc khu ven biển", "Ngân sách tỉnh"],
        ["2", "Kiểm soát 100% tàu cá xuất, nhập bến tại các cảng cá, bến cá", "Thường xuyên",
         "Sở Nông nghiệp và Môi trường", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Công an tỉnh", "Ngân sách tỉnh"],
        ["3", "Lắp đặt thiết bị giám sát hành trình cho tàu cá có chiều dài từ 15 m trở lên còn thiếu", "trước 30/6/2026",
         "UBND các xã, phường, đặc khu ven biển", "Sở NN&MT; các chủ tàu cá", "Chủ tàu cá tự bảo đảm"],
        "II|Thực thi pháp luật",
        ["4", "Tuần tra, kiểm soát, ngăn chặn tàu cá vi phạm vùng biển nước ngoài", "Hằng năm",
         "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Sở NN&MT; Công an tỉnh", "Ngân sách trung ương, ngân sách tỉnh"],
        ["5", "Điều tra, xử lý hình sự các hành vi môi giới, đưa tàu cá, ngư dân đi khai thác trái phép ở vùng biển "
              "nước ngoài", "Quý III/2026", "Công an tỉnh",
         "Bộ Chỉ huy Bộ đội Biên phòng tỉnh; Viện Kiểm sát nhân dân tỉnh; Tòa án nhân dân tỉnh", "Ngân sách tỉnh"],
        ["6", "Xử lý dứt điểm các vụ vi phạm hành chính về khai thác IUU còn tồn đọng", "Hoàn thành trước tháng 8/2026",
         "Sở NN&MT", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh; UBND các xã, phường, đặc khu ven biển", "Không"],
        "III|Thông tin, tuyên truyền",
        ["7", "Tuyên truyền pháp luật về chống khai thác IUU cho cộng đồng ngư dân", "Thường xuyên", "Sở VHTTDL",
         "Báo và Phát thanh, Truyền hình An Giang; UBND các xã, phường, đặc khu ven biển", "Ngân sách tỉnh"],
        ["8", "Ký cam kết không vi phạm khai thác IUU với 100% chủ tàu, thuyền trưởng", "Quý II/2026",
         "UBND các xã, phường, đặc khu ven biển", "Sở NN&MT", "Ngân sách cấp xã"],
        ["9", "Sơ kết, đánh giá kết quả chống khai thác IUU năm 2026, báo cáo Ban Chỉ đạo quốc gia", "Tháng 12/2026",
         "Sở NN&MT", "Các sở, ban, ngành tỉnh; UBND các xã, phường, đặc khu ven biển", "Ngân sách tỉnh"],
    ], widths=[1.1, 5.6, 2.4, 2.8, 3.6, 2.3])
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường trước ngày 20 hằng tháng "
              "để tổng hợp, báo cáo UBND tỉnh và Ban Chỉ đạo quốc gia về chống khai thác IUU.")
    signature(doc, ["- Bộ Nông nghiệp và Môi trường (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                    "- UBND các xã, phường, đặc khu ven biển;", "- Lưu: VT, KT."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thanh Bình"])
    doc.save("blind19-table-2.docx")


def mixed_1():
    doc = Document()
    header_table(doc, [("ỦY BAN NHÂN DÂN", True), ("THÀNH PHỐ HỒ CHÍ MINH", True), ("Số: 1862/KH-UBND", False)],
                 [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                  ("Thành phố Hồ Chí Minh, ngày 14 tháng 4 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn Thành phố Hồ Chí Minh "
                  "năm 2026", True, True)])
    para(doc, "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân Thành phố ban hành Kế "
              "hoạch như sau:")
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Đưa khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thành động lực tăng trưởng của Thành phố sau "
              "hợp nhất; phân công rõ cơ quan chủ trì, thời hạn và sản phẩm của từng nhiệm vụ.")
    para(doc, "II. NHIỆM VỤ TRỌNG TÂM", bold=True)
    para(doc, "1. Hoàn thiện thể chế", bold=True)
    para(doc, "1.1. Xây dựng Đề án thành lập Trung tâm Đổi mới sáng tạo Thành phố.")
    para(doc, "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.")
    para(doc, "- Cơ quan phối hợp: Sở Nội vụ, Sở Tài chính.")
    para(doc, "- Thời gian: Quý II/2026.")
    para(doc, "1.2. Tham mưu ban hành cơ chế thử nghiệm có kiểm soát đối với các sản phẩm, dịch vụ công nghệ mới.")
    para(doc, "- Chủ trì: Sở KH&CN.")
    para(doc, "- Phối hợp: Sở Tư pháp; Ngân hàng Nhà nước Khu vực 2.")
    para(doc, "- Thời hạn: Tháng 11/2026.")
    para(doc, "2. Phát triển hạ tầng số", bold=True)
    para(doc, "2.1. Phủ sóng mạng di động 5G tại 100% xã, phường và đặc khu Côn Đảo.")
    para(doc, "- Chủ trì: Các doanh nghiệp viễn thông.")
    para(doc, "- Phối hợp: Sở KH&CN; UBND các xã, phường, đặc khu.")
    para(doc, "- Thời gian: Năm 2027.")
    para(doc, "2.2. Nâng cấp Trung tâm dữ liệu Thành phố đáp ứng tiêu chuẩn Tier III.")
    para(doc, "- Chủ trì: Sở KH&CN.")
    para(doc, "- Thời hạn: 30/9/2026.")
    para(doc, "III. DANH MỤC NHIỆM VỤ, DỰ ÁN CỤ THỂ", bold=True)
    table(doc, ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"], [
        ["1", "Xây dựng Nền tảng dữ liệu dùng chung của Thành phố", "Sở KH&CN",
         "Công an Thành phố; Văn phòng UBND Thành phố", "Quý IV/2026"],
        ["2", "Số hóa hồ sơ hộ tịch, đất đai tại UBND cấp xã", "UBND các xã, phường, đặc khu",
         "Sở Tư pháp, Sở NN&MT", "Trước ngày 31/10/2026"],
        ["3", "Hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo tham gia sàn giao dịch công nghệ", "Sở KH&CN",
         "Các trường đại học, viện nghiên cứu trên địa bàn; Hiệp hội Doanh nghiệp Thành phố", "Hằng năm"],
        ["4", "Đào tạo nguồn nhân lực ngành vi mạch bán dẫn", "Sở GD&ĐT",
         "Sở KH&CN;\nBan Quản lý Khu Công nghệ cao Thành phố", "Giai đoạn 2026–2030"],
    ])
    para(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ban, ngành Thành phố theo dõi, đôn đốc, "
              "tổng hợp kết quả thực hiện Kế hoạch; thực hiện thường xuyên.")
    para(doc, "2. Giao Sở Tài chính chủ trì, phối hợp với Sở KH&CN tham mưu bố trí kinh phí thực hiện Kế hoạch từ nguồn "
              "ngân sách Thành phố, hoàn thành trước tháng 12/2026.")
    para(doc, "3. Đề nghị Đài Truyền hình Thành phố Hồ Chí Minh, Báo Sài Gòn Giải Phóng phối hợp với Sở VHTTDL tuyên "
              "truyền về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, thực hiện trong năm 2026.")
    para(doc, "4. Các sở, ban, ngành Thành phố, UBND các xã, phường, đặc khu căn cứ chức năng, nhiệm vụ chủ động triển "
              "khai thực hiện Kế hoạch này.")
    para(doc, "V. CHẾ ĐỘ BÁO CÁO", bold=True)
    para(doc, "Định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12), các cơ quan, đơn vị báo cáo kết quả "
              "thực hiện về Sở Khoa học và Công nghệ để tổng hợp, báo cáo UBND Thành phố.")
    signature(doc, ["- Bộ Khoa học và Công nghệ (b/c);", "- TT Thành ủy, TT HĐND Thành phố;",
                    "- Các sở, ban, ngành Thành phố;", "- UBND các xã, phường, đặc khu;", "- Lưu: VT, KT."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Xuân Cường"])
    doc.save("blind19-mixed-1.docx")


if __name__ == "__main__":
    table_1()
    table_2()
    mixed_1()
