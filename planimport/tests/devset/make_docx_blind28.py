"""How blind28's DOCX document was written (python-docx, the shared helpers in docx_tools.py, unchanged; written in
blind28/, moved here in round 34); run once, from this folder: ../../../.venv/bin/python make_docx_blind28.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_tools import header, header_table, new_document, para, paras, signature, table  # noqa: E402

MOTTO = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)]


def table_1():
    """Bộ Giáo dục và Đào tạo: a ministry's plan (trường phổ thông nội trú liên cấp tại các xã biên giới), its tasks
    in a Word table whose ONE column "Đơn vị thực hiện" holds both roles: "Chủ trì: X; Phối hợp: Y" in a cell, the two
    labels as two paragraphs of a cell, "Chủ trì: X" alone, and once "X chủ trì; Y phối hợp"; the ministry's Vụ/Cục
    as leads; Roman group rows merged across over rows numbered on 1–11."""
    doc = new_document()
    header_table(doc, [("BỘ GIÁO DỤC VÀ ĐÀO TẠO", True), ("", False), ("Số: 2168/KH-BGDĐT", False)],
                 MOTTO + [("Hà Nội, ngày 16 tháng 11 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Triển khai Chương trình đầu tư xây dựng trường phổ thông nội trú liên cấp tại các xã biên giới "
                  "đất liền năm 2027", True, True)])
    paras(doc, [
        "Căn cứ Kết luận của Bộ Chính trị về chủ trương đầu tư xây dựng trường phổ thông nội trú liên cấp cho các "
        "xã biên giới đất liền; căn cứ chức năng, nhiệm vụ được giao, Bộ Giáo dục và Đào tạo ban hành Kế hoạch "
        "triển khai năm 2027 như sau:",
        "**I. MỤC ĐÍCH, YÊU CẦU",
        "1. Bảo đảm đến hết năm 2027 có ít nhất 100 trường phổ thông nội trú liên cấp được khởi công hoặc đưa vào "
        "sử dụng, đáp ứng tiêu chuẩn cơ sở vật chất theo quy định.",
        "2. Phân công cụ thể nhiệm vụ cho các đơn vị thuộc Bộ; phối hợp chặt chẽ với các bộ, ngành và Ủy ban nhân "
        "dân các tỉnh có xã biên giới đất liền.",
        "**II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN",
    ])
    table(doc, ["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Thời gian hoàn thành", "Sản phẩm"], [
        "I|Hoàn thiện thể chế, hướng dẫn chuyên môn",
        ["1", "Xây dựng, ban hành hướng dẫn tiêu chuẩn cơ sở vật chất trường phổ thông nội trú liên cấp tại các xã "
              "biên giới", "Chủ trì: Cục Cơ sở vật chất; Phối hợp: Vụ Giáo dục Phổ thông, Vụ Pháp chế",
         "Quý IV/2026", "Thông tư"],
        ["2", "Hướng dẫn các địa phương lập, thẩm định, phê duyệt chủ trương đầu tư các dự án trường nội trú liên "
              "cấp", "Chủ trì: Vụ Kế hoạch - Tài chính\nPhối hợp: Bộ Tài chính; Bộ Xây dựng",
         "Tháng 12/2026", "Văn bản hướng dẫn"],
        ["3", "Xây dựng chương trình giáo dục địa phương, tài liệu dạy tiếng dân tộc thiểu số cho học sinh nội trú",
         "Chủ trì: Vụ Giáo dục Phổ thông; Phối hợp: Sở Giáo dục và Đào tạo các tỉnh có xã biên giới đất liền",
         "Năm 2027", "Bộ tài liệu"],
        "II|Đầu tư xây dựng, bảo đảm cơ sở vật chất",
        ["4", "Tổng hợp nhu cầu, đề xuất phân bổ vốn ngân sách trung ương cho các dự án khởi công năm 2027",
         "Chủ trì: Vụ Kế hoạch - Tài chính; Phối hợp: Cục Cơ sở vật chất và các đơn vị liên quan",
         "Trước 31/3/2027", "Báo cáo đề xuất"],
        ["5", "Theo dõi, đôn đốc tiến độ thi công, giải ngân vốn các dự án trường nội trú liên cấp",
         "Chủ trì: Cục Cơ sở vật chất; Phối hợp: Ủy ban nhân dân các tỉnh có xã biên giới đất liền, Bộ Quốc phòng",
         "Định kỳ hằng quý", "Báo cáo tiến độ"],
        ["6", "Ban hành danh mục thiết bị dạy học tối thiểu cho trường nội trú liên cấp; hướng dẫn mua sắm tập "
              "trung", "Chủ trì: Cục Cơ sở vật chất", "Trước ngày 30 tháng 6 năm 2027", "Danh mục thiết bị"],
        ["7", "Kiểm tra, đánh giá chất lượng công trình, việc đưa vào sử dụng các trường đã hoàn thành",
         "Chủ trì: Thanh tra Bộ; Phối hợp: Cục Cơ sở vật chất, Bộ Xây dựng", "Hằng năm", "Kết luận kiểm tra"],
        "III|Đội ngũ nhà giáo, tổ chức dạy học và truyền thông",
        ["8", "Rà soát, bố trí đủ biên chế giáo viên, nhân viên cho các trường nội trú liên cấp mới đưa vào sử "
              "dụng", "Chủ trì: Cục Nhà giáo và Cán bộ quản lý giáo dục; Phối hợp: Bộ Nội vụ",
         "Giai đoạn 2026–2030", "Đề án vị trí việc làm"],
        ["9", "Bồi dưỡng năng lực quản lý nội trú, chăm sóc sức khỏe, tư vấn tâm lý cho cán bộ quản lý, giáo viên",
         "Chủ trì: Cục Nhà giáo và Cán bộ quản lý giáo dục, Vụ Giáo dục Chính trị và Công tác học sinh, sinh viên; "
         "Phối hợp: Sở Giáo dục và Đào tạo các tỉnh, thành phố", "Tháng 11/2026", "Lớp bồi dưỡng"],
        ["10", "Cập nhật dữ liệu trường, lớp, học sinh nội trú trên Cơ sở dữ liệu ngành giáo dục",
         "Cục Khoa học, Công nghệ và Thông tin chủ trì; Sở Giáo dục và Đào tạo các tỉnh, thành phố phối hợp",
         "Thường xuyên", ""],
        ["11", "Tuyên truyền về chủ trương đầu tư trường nội trú liên cấp tại các xã biên giới trên các phương tiện "
               "thông tin đại chúng", "Chủ trì: Văn phòng Bộ; Phối hợp: Báo Giáo dục và Thời đại, Tạp chí Giáo dục",
         "Theo kế hoạch truyền thông của Bộ", "Tin, bài, phóng sự"],
    ], widths=[1.2, 6.5, 5.0, 2.6, 2.7])
    paras(doc, [
        "**III. TỔ CHỨC THỰC HIỆN",
        "1. Thủ trưởng các đơn vị thuộc Bộ căn cứ nhiệm vụ được giao chủ động xây dựng kế hoạch chi tiết, bố trí "
        "nguồn lực để triển khai, bảo đảm tiến độ và chất lượng.",
        "2. Vụ Kế hoạch - Tài chính là đầu mối theo dõi, đôn đốc, tổng hợp tình hình thực hiện Kế hoạch.",
        "3. Định kỳ 6 tháng (trước ngày 20/6 và ngày 20/12), các đơn vị gửi báo cáo kết quả thực hiện về Vụ Kế "
        "hoạch - Tài chính để tổng hợp, báo cáo Bộ trưởng.",
    ])
    signature(doc, ["- Bộ trưởng (để b/c);", "- Các Thứ trưởng;", "- Các đơn vị thuộc Bộ (để t/h);",
                    "- UBND các tỉnh có xã biên giới đất liền;", "- Lưu: VT, KHTC."],
              ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Minh Tâm"])
    doc.save(str(Path(__file__).resolve().parent / "blind28-table-1.docx"))


if __name__ == "__main__":
    table_1()
