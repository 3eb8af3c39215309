"""How the blind17 DOCX documents were written (python-docx), kept for the record (round 17 wrote them in
blind17/; round 18 moved them here): run once, from this folder: ../../../.venv/bin/python make_docx_blind17.py.
The PDF is LibreOffice's: soffice --headless --convert-to pdf blind17-mixed-1.docx"""

import unicodedata

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH


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


def table(doc, head, rows, vmerge=()):
    """rows: a list; a str is a section row ("I|title"): its first cell the numeral, the rest merged across."""
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
            cells[i].text = nfc(v)
    for (r1, r2, col) in vmerge:  # merge a column over table rows r1..r2 (0 = header row); the first row's text stays
        top = t.rows[r1].cells[col]
        text = top.text
        merged = top.merge(t.rows[r2].cells[col])
        merged.text = nfc(text)
    return t


def table_1():
    doc = Document()
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("TỈNH HÀ TĨNH", True, True), ("Số: 126/KH-UBND", True, False),
                 ("Hà Tĩnh, ngày 27 tháng 3 năm 2026", True, False), ("KẾ HOẠCH", True, True),
                 ("Triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử "
                  "(Đề án 06) trên địa bàn tỉnh Hà Tĩnh năm 2026", True, True)])
    para(doc, "Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch "
              "triển khai Đề án 06 năm 2026 như sau:")
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Phát huy hiệu quả dữ liệu dân cư phục vụ giải quyết thủ tục hành chính, phát triển kinh tế - xã hội.")
    para(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    para(doc, "(Có bảng phân công nhiệm vụ kèm theo)")
    table(doc, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"], [
        "I|Hoàn thiện thể chế, chính sách",
        ["1", "Rà soát, đề xuất sửa đổi quy định về cung cấp dịch vụ công trực tuyến toàn trình", "Sở Tư pháp",
         "Văn phòng UBND tỉnh; Công an tỉnh", "Quý II/2026", "Báo cáo rà soát"],
        ["2", "Ban hành quy chế khai thác, chia sẻ dữ liệu dân cư của tỉnh", "Công an tỉnh", "Sở KH&CN, Sở Tư pháp",
         "trước 30/9/2026", "Quyết định của UBND tỉnh"],
        "II|Phát triển hạ tầng, dữ liệu",
        ["3", "Làm sạch dữ liệu hộ tịch, kết nối với Cơ sở dữ liệu quốc gia về dân cư", "Sở Tư pháp",
         "Công an tỉnh, UBND các xã, phường", "Tháng 10/2026", "Dữ liệu được làm sạch"],
        ["4", "Nâng cấp Trung tâm dữ liệu tỉnh đáp ứng yêu cầu bảo đảm an toàn thông tin cấp độ 3",
         "Sở Khoa học và Công nghệ", "Sở Tài chính", "Năm 2026", "Trung tâm dữ liệu được nâng cấp"],
        ["5", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Các sở, ban, ngành; UBND các xã, phường",
         "Trung tâm Phục vụ hành chính công tỉnh", "Thường xuyên", "Hồ sơ được số hóa"],
        "III|Tuyên truyền, đào tạo",
        ["6", "Tuyên truyền lợi ích của tài khoản định danh điện tử VNeID", "Sở VHTTDL",
         "Báo và Phát thanh, Truyền hình Hà Tĩnh; các cơ quan, đơn vị có liên quan", "Hằng năm", "Tin, bài, phóng sự"],
        ["7", "Tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng", "Sở KH&CN", "UBND các xã, phường; Tỉnh đoàn",
         "Quý III/2026", "Lớp tập huấn"],
        ["8", "Sơ kết, đánh giá việc thực hiện Đề án 06 trên địa bàn tỉnh", "Công an tỉnh", "Các sở, ban, ngành",
         "trước ngày 15/11 hằng năm", "Báo cáo sơ kết"],
    ])
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Định kỳ trước ngày 15/11 hằng năm, các sở, ban, ngành, UBND các xã, phường báo cáo kết quả thực hiện về "
              "Công an tỉnh để tổng hợp, báo cáo UBND tỉnh.")
    para(doc, "Nơi nhận:")
    para(doc, "- Bộ Công an (b/c);")
    para(doc, "- Lưu: VT, NC.")
    para(doc, "TM. ỦY BAN NHÂN DÂN")
    para(doc, "CHỦ TỊCH")
    doc.save("blind17-table-1.docx")


def table_2():
    doc = Document()
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("HUYỆN KRÔNG PẮC", True, True), ("Số: 318/KH-UBND", True, False),
                 ("Krông Pắc, ngày 12 tháng 12 năm 2024", True, False), ("KẾ HOẠCH", True, True),
                 ("Phòng cháy, chữa cháy rừng mùa khô 2024 - 2025 trên địa bàn huyện Krông Pắc", True, True)])
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Chủ động phòng ngừa, phát hiện sớm và xử lý kịp thời các vụ cháy rừng; hạn chế thấp nhất thiệt hại.")
    para(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    table(doc, ["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp", "Ghi chú"], [
        "A|Công tác tuyên truyền",
        ["1", "Tuyên truyền trên hệ thống truyền thanh cơ sở về phòng cháy, chữa cháy rừng", "Thường xuyên",
         "Trung tâm Văn hóa - Thể thao và Truyền thông huyện", "UBND các xã, thị trấn", ""],
        ["2", "Tổ chức ký cam kết bảo vệ rừng với các hộ dân sống gần rừng", "Tháng 12/2024", "UBND các xã, thị trấn",
         "Hạt Kiểm lâm huyện", "Các xã có rừng"],
        "B|Công tác chuẩn bị lực lượng, phương tiện",
        ["3", "Kiện toàn Ban Chỉ huy phòng cháy, chữa cháy rừng của huyện", "trước 31/12/2024", "Hạt Kiểm lâm huyện",
         "Phòng Nông nghiệp và Phát triển nông thôn", ""],
        ["4", "Xây dựng phương án phòng cháy, chữa cháy rừng theo phương châm bốn tại chỗ", "Quý I/2025", "",
         "Công an huyện; Ban Chỉ huy Quân sự huyện", ""],
        ["5", "Mua sắm, bổ sung trang thiết bị chữa cháy rừng", "Năm 2025", "Phòng Tài chính - Kế hoạch",
         "Hạt Kiểm lâm huyện", "Theo dự toán được duyệt"],
        ["6", "Tổ chức trực phòng cháy, chữa cháy rừng 24/24 giờ trong các tháng cao điểm mùa khô", "Hằng năm",
         "Ban Chỉ huy Quân sự huyện", "Hạt Kiểm lâm huyện, Công an huyện", ""],
        "C|Công tác kiểm tra, xử lý vi phạm",
        ["7", "Kiểm tra, xử lý vi phạm quy định về sử dụng lửa trong rừng và ven rừng", "Thường xuyên",
         "Hạt Kiểm lâm huyện", "Công an huyện; các cơ quan, đơn vị có liên quan", ""],
        ["8", "Trồng rừng thay thế, phục hồi diện tích rừng bị cháy", "2025-2030",
         "Phòng Nông nghiệp và Phát triển nông thôn", "UBND các xã, thị trấn; các chủ rừng", ""],
    ], vmerge=[(5, 6, 3)])  # rows 5-6 of the table (tasks 3 and 4): "Đơn vị chủ trì" merged
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các cơ quan, đơn vị, UBND các xã, thị trấn báo cáo kết quả thực hiện trước ngày 20 hằng tháng về Hạt "
              "Kiểm lâm huyện (cơ quan thường trực Ban Chỉ huy) để tổng hợp, báo cáo UBND huyện.")
    para(doc, "Nơi nhận:")
    para(doc, "- UBND tỉnh Đắk Lắk (b/c);")
    para(doc, "- Lưu: VT.")
    para(doc, "TM. ỦY BAN NHÂN DÂN")
    para(doc, "KT. CHỦ TỊCH")
    para(doc, "PHÓ CHỦ TỊCH")
    doc.save("blind17-table-2.docx")


def mixed_1():
    doc = Document()
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("TỈNH GIA LAI", True, True), ("Số: 97/KH-UBND", True, False),
                 ("Gia Lai, ngày 24 tháng 4 năm 2026", True, False), ("KẾ HOẠCH", True, True),
                 ("Triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững", True, True),
                 ("trên địa bàn tỉnh Gia Lai năm 2026", True, True)])
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều; hỗ trợ người nghèo tiếp cận các dịch vụ xã hội cơ bản.")
    para(doc, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True)
    para(doc, "1. Sở Nông nghiệp và Môi trường:")
    para(doc, "a) Chủ trì, phối hợp với UBND các xã, phường hướng dẫn xây dựng và nhân rộng mô hình giảm nghèo về sinh "
              "kế; hoàn thành trong Quý III/2026.")
    para(doc, "b) Tổ chức rà soát hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều giai đoạn 2026 - 2030; thời gian "
              "thực hiện: Tháng 10/2026.")
    para(doc, "c) Theo dõi, đôn đốc, tổng hợp kết quả thực hiện Chương trình; thực hiện thường xuyên.")
    para(doc, "2. Sở Tài chính chủ trì thực hiện các nhiệm vụ sau:")
    para(doc, "- Tham mưu phân bổ vốn ngân sách trung ương và vốn đối ứng của tỉnh thực hiện Chương trình năm 2026; "
              "hoàn thành trước 30/6/2026.")
    para(doc, "- Hướng dẫn thanh toán, quyết toán kinh phí thực hiện Chương trình; thực hiện hằng năm.")
    para(doc, "3. Giao Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh triển khai hỗ trợ mua thẻ bảo hiểm y tế cho "
              "người thuộc hộ cận nghèo, hoàn thành trong Quý II/2026.")
    para(doc, "4. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Nội vụ và UBND các xã, phường thực hiện chính sách "
              "miễn, giảm học phí cho học sinh thuộc hộ nghèo; thời gian hoàn thành trước 30/9/2026.")
    para(doc, "5. Các sở, ban, ngành, UBND các xã, phường:")
    para(doc, "- Lồng ghép các nguồn lực thực hiện mục tiêu giảm nghèo với Chương trình xây dựng nông thôn mới; thực "
              "hiện thường xuyên.")
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Định kỳ trước ngày 15/11 hằng năm, các sở, ban, ngành, UBND các xã, phường báo cáo kết quả thực hiện về "
              "Sở Nông nghiệp và Môi trường để tổng hợp, báo cáo UBND tỉnh.")
    para(doc, "Nơi nhận:")
    para(doc, "- Bộ Nông nghiệp và Môi trường (b/c);")
    para(doc, "- Lưu: VT, KGVX.")
    para(doc, "TM. ỦY BAN NHÂN DÂN")
    para(doc, "KT. CHỦ TỊCH")
    para(doc, "PHÓ CHỦ TỊCH")
    doc.save("blind17-mixed-1.docx")


if __name__ == "__main__":
    table_1()
    table_2()
    mixed_1()
