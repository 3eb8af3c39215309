"""How blind18's DOCX documents were written (python-docx), kept for the record (round 18 wrote them in blind18/;
round 19 moved them here): run once, from this folder: ../../../.venv/bin/python make_docx_blind18.py. The PDFs are
LibreOffice's:
soffice --headless --convert-to pdf blind18-table-2.docx blind18-mixed-1.docx"""

import unicodedata

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
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


def table(doc, head, rows, vmerge=(), widths=None):
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
    for (r1, r2, col) in vmerge:  # merge a column over table rows r1..r2 (0 = header row); the first row's text stays
        top = t.rows[r1].cells[col]
        text = top.text
        merged = top.merge(t.rows[r2].cells[col])
        merged.text = nfc(text)
    if widths:  # column widths in cm, as an office sets them (a narrow STT, a wide task column)
        t.autofit = False
        for i, w in enumerate(widths):
            t.columns[i].width = Cm(w)
        for row in t.rows:
            for i, cell in enumerate(row.cells):
                cell.width = Cm(widths[i])
    return t


def table_1():
    doc = Document()
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("TỈNH THÁI NGUYÊN", True, True), ("Số: 145/KH-UBND", True, False),
                 ("Thái Nguyên, ngày 08 tháng 5 năm 2026", True, False), ("KẾ HOẠCH", True, True),
                 ("Chuyển đổi số, phát triển kinh tế số và xã hội số tỉnh Thái Nguyên năm 2026", True, True)])
    para(doc, "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, "
              "đổi mới sáng tạo và chuyển đổi số quốc gia, UBND tỉnh ban hành Kế hoạch như sau:")
    para(doc, "I. MỤC TIÊU", bold=True)
    para(doc, "Phát triển đồng bộ chính quyền số, kinh tế số, xã hội số; bảo đảm an toàn, an ninh mạng.")
    para(doc, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True)
    para(doc, "Chi tiết tại bảng phân công dưới đây:")
    table(doc, ["TT", "Nội dung công việc", "Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị phối hợp",
                "Thời gian thực hiện", "Kết quả đầu ra"], [
        "I|Phát triển chính quyền số",
        ["1", "Triển khai nền tảng họp trực tuyến đến 100% UBND các xã, phường", "Sở Khoa học và Công nghệ",
         "Văn phòng UBND tỉnh; UBND các xã, phường", "Quý III/2026", "Nền tảng được triển khai"],
        ["2", "Số hóa, tái sử dụng kết quả giải quyết thủ tục hành chính", "Văn phòng UBND tỉnh",
         "Các sở, ban, ngành", "Thường xuyên", "Kết quả được số hóa"],
        ["3", "Vận hành Trung tâm Giám sát, điều hành thông minh của tỉnh", "", "Sở KH&CN", "Năm 2026",
         "Trung tâm vận hành ổn định"],
        "II|Phát triển kinh tế số",
        ["4", "Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số", "Sở Tài chính", "Sở KH&CN; Hiệp hội Doanh nghiệp tỉnh",
         "2026–2030", "Doanh nghiệp được hỗ trợ"],
        ["5", "Phát triển thương mại điện tử cho sản phẩm chè Thái Nguyên", "Sở Công Thương",
         "Sở NN&MT; UBND các xã, phường", "Tháng 9/2026", "Gian hàng trên sàn thương mại điện tử"],
        "III|Phát triển xã hội số",
        ["6", "Phổ cập kỹ năng số cho người dân thông qua Tổ công nghệ số cộng đồng", "UBND các xã, phường",
         "Sở KH&CN;\nTỉnh đoàn", "Hằng năm", "Người dân được hướng dẫn"],
        ["7", "Triển khai học bạ số tại các cơ sở giáo dục phổ thông", "Sở GD&ĐT", "Sở KH&CN", "trước 31/12/2026",
         "Học bạ số được cấp"],
        ["8", "Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh", "Sở Y tế", "Bảo hiểm xã hội tỉnh",
         "6 tháng đầu năm 2026", "Bệnh án điện tử"],
        "IV|Bảo đảm an toàn thông tin",
        ["9", "Diễn tập thực chiến bảo đảm an toàn thông tin mạng", "Công an tỉnh", "Sở KH&CN; BCH Quân sự tỉnh",
         "Quý IV/2026", "Cuộc diễn tập"],
    ], vmerge=[(3, 4, 2)])
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Trước ngày 15/11 hằng năm, các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ để "
              "tổng hợp, báo cáo UBND tỉnh và Bộ Khoa học và Công nghệ.")
    para(doc, "Nơi nhận:")
    para(doc, "- Bộ KH&CN (b/c);")
    para(doc, "- Lưu: VT, KGVX.")
    para(doc, "TM. ỦY BAN NHÂN DÂN")
    para(doc, "CHỦ TỊCH")
    doc.save("blind18-table-1.docx")


def table_2():
    doc = Document()
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("TỈNH CÀ MAU", True, True), ("Số: 89/KH-UBND", True, False),
                 ("Cà Mau, ngày 02 tháng 6 năm 2026", True, False), ("KẾ HOẠCH", True, True),
                 ("Phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão năm 2026 trên địa bàn tỉnh Cà Mau", True, True)])
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Chủ động phòng ngừa, ứng phó kịp thời với thiên tai; giảm thiểu thiệt hại về người và tài sản.")
    para(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    table(doc, ["STT", "Nhiệm vụ", "Thời hạn", "Chủ trì", "Phối hợp"], [
        "1|Công tác phòng ngừa",
        ["1.1", "Rà soát, cập nhật phương án ứng phó bão mạnh, siêu bão", "Tháng 7/2026",
         "Sở Nông nghiệp và Môi trường", "BCH Quân sự tỉnh; Công an tỉnh"],
        ["1.2", "Kiểm tra, gia cố các đoạn đê biển Tây xung yếu", "trước 31/8/2026", "Sở NN&MT",
         "UBND các xã, phường ven biển"],
        ["1.3", "Di dời dân cư ra khỏi khu vực sạt lở nguy hiểm", "2026–2030", "UBND các xã, phường",
         "Sở Xây dựng; Sở Tài chính"],
        "2|Công tác ứng phó",
        ["2.1", "Tổ chức trực ban phòng, chống thiên tai 24/24 giờ trong mùa mưa bão", "Thường xuyên", "Sở NN&MT",
         "Đài Khí tượng Thủy văn tỉnh"],
        ["2.2", "Bảo đảm thông tin liên lạc cho tàu cá hoạt động trên biển", "Thường xuyên",
         "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Viettel Cà Mau; VNPT Cà Mau"],
        ["2.3", "Diễn tập ứng phó thiên tai và tìm kiếm cứu nạn cấp tỉnh", "Quý III/2026", "BCH Quân sự tỉnh",
         "Các sở, ban, ngành; UBND các xã, phường"],
        "3|Công tác khắc phục hậu quả",
        ["3.1", "Dự trữ lương thực, thuốc men, nhu yếu phẩm phục vụ người dân vùng bị ảnh hưởng", "Hằng năm",
         "Sở Công Thương", "Sở Y tế; UBMTTQ Việt Nam tỉnh"],
        ["3.2", "Hỗ trợ khôi phục sản xuất nông nghiệp, nuôi trồng thủy sản sau thiên tai", "Năm 2026", "Sở NN&MT",
         "Sở Tài chính; Ngân hàng Chính sách xã hội chi nhánh tỉnh Cà Mau"],
    ], widths=[1.2, 6.5, 2.6, 3.4, 4.0])
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các sở, ban, ngành, UBND các xã, phường báo cáo tình hình thực hiện trước ngày 20 hằng tháng về Sở Nông "
              "nghiệp và Môi trường (cơ quan thường trực Ban Chỉ huy Phòng thủ dân sự tỉnh) để tổng hợp, báo cáo UBND tỉnh.")
    para(doc, "Nơi nhận:")
    para(doc, "- Ban Chỉ đạo Phòng thủ dân sự quốc gia (b/c);")
    para(doc, "- Lưu: VT, KT.")
    para(doc, "TM. ỦY BAN NHÂN DÂN")
    para(doc, "KT. CHỦ TỊCH")
    para(doc, "PHÓ CHỦ TỊCH")
    doc.save("blind18-table-2.docx")


def mixed_1():
    doc = Document()
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("TỈNH LÀO CAI", True, True), ("Số: 264/KH-UBND", True, False),
                 ("Lào Cai, ngày 10 tháng 7 năm 2026", True, False), ("KẾ HOẠCH", True, True),
                 ("Nâng cao Chỉ số cải cách hành chính và Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ "
                  "của cơ quan hành chính nhà nước tỉnh Lào Cai năm 2026", True, True)])
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Khắc phục các chỉ số thành phần giảm điểm; nâng cao thứ hạng Chỉ số cải cách hành chính của tỉnh.")
    para(doc, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True)
    para(doc, "1. Sở Nội vụ:")
    para(doc, "a) Tham mưu UBND tỉnh ban hành Kế hoạch cải cách hành chính giai đoạn 2026–2030; thời gian: Quý III/2026.")
    para(doc, "b) Phối hợp với Văn phòng UBND tỉnh kiểm tra công tác cải cách hành chính tại các xã, phường; "
              "thời gian: Tháng 10/2026.")
    para(doc, "2. Văn phòng UBND tỉnh chủ trì thực hiện các nhiệm vụ sau:")
    para(doc, "- Công khai tiến độ giải quyết hồ sơ trên Cổng Dịch vụ công của tỉnh; thực hiện thường xuyên.")
    para(doc, "- Đánh giá chất lượng giải quyết thủ tục hành chính theo Bộ chỉ số phục vụ người dân, doanh nghiệp; "
              "hoàn thành trước 31/12/2026.")
    para(doc, "3. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Công an tỉnh tích hợp xác thực tài khoản định danh "
              "điện tử VNeID trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, hoàn thành trong Quý IV/2026.")
    para(doc, "4. Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ và UBND các xã, phường kiểm tra việc thi hành pháp luật "
              "về xử lý vi phạm hành chính, thực hiện trong năm 2026.")
    para(doc, "5. Sở Tài chính:")
    para(doc, "- Chủ trì, phối hợp với Sở Nội vụ tham mưu bố trí kinh phí thực hiện Kế hoạch, trước ngày 15/11 hằng năm.")
    para(doc, "6. UBND các xã, phường:")
    para(doc, "- Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa và trên Trang thông tin điện tử của xã, "
              "phường; thực hiện thường xuyên.")
    para(doc, "- Phối hợp với Sở Nội vụ khảo sát sự hài lòng của người dân tại Bộ phận Một cửa; thời gian: Quý III/2026.")
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Các sở, ban, ngành, UBND các xã, phường báo cáo kết quả thực hiện trước ngày 15/11 hằng năm về Sở Nội vụ để "
              "tổng hợp, báo cáo UBND tỉnh.")
    para(doc, "Nơi nhận:")
    para(doc, "- Bộ Nội vụ (b/c);")
    para(doc, "- Lưu: VT, NC.")
    para(doc, "TM. ỦY BAN NHÂN DÂN")
    para(doc, "CHỦ TỊCH")
    doc.save("blind18-mixed-1.docx")


def heading_1():
    doc = Document()
    header(doc, [("ỦY BAN NHÂN DÂN", True, True), ("PHƯỜNG TÂN ĐỊNH", True, True), ("Số: 45/KH-UBND", True, False),
                 ("Tân Định, ngày 26 tháng 02 năm 2026", True, False), ("KẾ HOẠCH", True, True),
                 ("Bảo đảm trật tự an toàn giao thông, trật tự đô thị trên địa bàn phường Tân Định năm 2026",
                  True, True)])
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Kéo giảm tai nạn giao thông; lập lại trật tự lòng đường, vỉa hè trên các tuyến đường của phường.")
    para(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    para(doc, "1. Công an phường:", bold=True)
    para(doc, "- Chủ trì, phối hợp với Phòng Kinh tế, Hạ tầng và Đô thị tổ chức ra quân lập lại trật tự lòng đường, "
              "vỉa hè; thực hiện thường xuyên.")
    para(doc, "- Tuần tra, xử lý vi phạm nồng độ cồn, đua xe trái phép vào dịp lễ, Tết; thời gian: Hằng năm.")
    para(doc, "2. Phòng Kinh tế, Hạ tầng và Đô thị chủ trì thực hiện các nhiệm vụ sau:", bold=True)
    para(doc, "a) Rà soát, đề xuất lắp đặt biển báo, đèn tín hiệu tại các nút giao thông có nguy cơ mất an toàn; "
              "thời gian: Quý II/2026.")
    para(doc, "b) Phối hợp với Công an phường quản lý việc sử dụng tạm thời lòng đường, vỉa hè; thời gian: Thường xuyên.")
    para(doc, "3. Phòng Văn hóa - Xã hội:", bold=True)
    para(doc, "- Tuyên truyền pháp luật về trật tự an toàn giao thông trên hệ thống loa, trang thông tin điện tử của "
              "phường; thực hiện thường xuyên.")
    para(doc, "- Chủ trì, phối hợp với các trường học trên địa bàn phường tổ chức ký cam kết chấp hành pháp luật giao "
              "thông cho học sinh; hoàn thành trong tháng 9/2026.")
    para(doc, "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường và các tổ chức chính trị - xã hội phường:", bold=True)
    para(doc, "- Vận động hội viên, đoàn viên và Nhân dân chấp hành quy định về trật tự đô thị; thực hiện thường xuyên.")
    para(doc, "5. Ban Chỉ huy Quân sự phường:", bold=True)
    para(doc, "- Phối hợp với Công an phường duy trì lực lượng dân quân tham gia giữ gìn trật tự an toàn giao thông tại "
              "các tuyến đường trọng điểm; thực hiện thường xuyên.")
    para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "Định kỳ trước ngày 05/12 hằng năm, các đơn vị báo cáo kết quả thực hiện về Công an phường để tổng hợp, "
              "báo cáo UBND phường.")
    para(doc, "Nơi nhận:")
    para(doc, "- UBND Thành phố Hồ Chí Minh (b/c);")
    para(doc, "- Lưu: VT.")
    para(doc, "TM. ỦY BAN NHÂN DÂN")
    para(doc, "CHỦ TỊCH")
    doc.save("blind18-heading-1.docx")


if __name__ == "__main__":
    table_1()
    table_2()
    mixed_1()
    heading_1()
