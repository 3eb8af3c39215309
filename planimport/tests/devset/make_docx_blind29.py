"""How blind29's DOCX document was written (python-docx, the shared helpers in docx_tools.py, unchanged; written in
blind29/, moved here in round 35); run once, from this folder: ../../../.venv/bin/python make_docx_blind29.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_tools import header, header_table, new_document, paras, signature, table  # noqa: E402

MOTTO = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)]


def table_1():
    """Sở Y tế tỉnh Phú Thọ: a Sở's plan (phòng, chống sốt xuất huyết và bệnh truyền nhiễm năm 2027) whose Word
    table has its LEAD column merged vertically across groups of rows (a lead given once for rows 1–3, 5–7 and 9–10),
    coordinators as paragraphs of a cell without commas, Roman group rows merged across."""
    doc = new_document()
    header_table(doc, [("UBND TỈNH PHÚ THỌ", False), ("SỞ Y TẾ", True), ("", False), ("Số: 2207/KH-SYT", False)],
                 MOTTO + [("", False), ("Phú Thọ, ngày 18 tháng 12 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Phòng, chống sốt xuất huyết và một số bệnh truyền nhiễm gây dịch năm 2027", True, True)])
    paras(doc, [
        "Căn cứ tình hình dịch bệnh năm 2026 và dự báo năm 2027 trên địa bàn tỉnh sau sắp xếp đơn vị hành chính; "
        "thực hiện chỉ đạo của UBND tỉnh, Sở Y tế ban hành Kế hoạch phòng, chống sốt xuất huyết và một số bệnh "
        "truyền nhiễm gây dịch năm 2027 như sau:",
        "**I. MỤC TIÊU",
        "1. Giảm 10% số mắc sốt xuất huyết so với trung bình 5 năm; không để tử vong do sốt xuất huyết.",
        "2. 100% ổ dịch được phát hiện và xử lý kịp thời theo quy định tại các xã, phường.",
        "**II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN",
    ])
    table(doc, ["STT", "Nội dung hoạt động", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"], [
        "I|Giám sát, phát hiện và xử lý ổ dịch",
        ["1", "Giám sát ca bệnh, ổ dịch sốt xuất huyết, tay chân miệng, sởi tại các xã, phường",
         "Trung tâm Kiểm soát bệnh tật tỉnh", "Trạm Y tế các xã, phường", "Thường xuyên"],
        ["2", "Tổ chức chiến dịch diệt lăng quăng, bọ gậy tại các khu vực có ổ dịch cũ", "",
         "UBND các xã, phường\nHội Chữ thập đỏ tỉnh", "Trong tháng 3/2027"],
        ["3", "Cung ứng hóa chất, máy phun, vật tư phòng, chống dịch cho các Trung tâm Y tế khu vực", "",
         "Phòng Kế hoạch - Tài chính", "6 tháng đầu năm 2027"],
        "II|Thu dung, điều trị bệnh nhân",
        ["4", "Xây dựng phương án thu dung, điều trị bệnh nhân sốt xuất huyết nặng khi dịch bùng phát",
         "Bệnh viện Đa khoa tỉnh", "Bệnh viện Sản Nhi tỉnh\nCác Trung tâm Y tế khu vực", "Trước ngày 31/3/2027"],
        ["5", "Tập huấn phác đồ chẩn đoán, điều trị sốt xuất huyết cho nhân viên y tế tuyến cơ sở",
         "Phòng Nghiệp vụ Y", "Bệnh viện Đa khoa tỉnh", "Quý II/2027"],
        ["6", "Kiểm tra công tác phân luồng, cách ly, kiểm soát nhiễm khuẩn tại các cơ sở khám bệnh, chữa bệnh",
         "", "Thanh tra Sở", "Hằng quý"],
        ["7", "Rà soát, bổ sung cơ số thuốc, dịch truyền dự phòng cho các bệnh viện và Trung tâm Y tế khu vực", "",
         "Phòng Kế hoạch - Tài chính\nTrung tâm Kiểm nghiệm tỉnh", "Từ nay đến hết năm 2027"],
        "III|Truyền thông, huy động cộng đồng",
        ["8", "Truyền thông phòng, chống dịch trên Báo và Phát thanh, Truyền hình Phú Thọ và mạng xã hội",
         "Văn phòng Sở", "Báo và Phát thanh, Truyền hình Phú Thọ", "Hằng tháng"],
        ["9", "Hướng dẫn học sinh diệt lăng quăng tại gia đình thông qua hoạt động ngoại khóa",
         "Trung tâm Kiểm soát bệnh tật tỉnh", "Sở GD&ĐT", "Năm học 2026 - 2027"],
        ["10", "Vận động đoàn viên, hội viên tham gia tổng vệ sinh môi trường, loại bỏ vật dụng chứa nước đọng", "",
         "Tỉnh đoàn\nHội Liên hiệp Phụ nữ tỉnh\nUBND các xã, phường", "Trong tháng 4/2027"],
        ["11", "Sơ kết, đánh giá kết quả; đề xuất khen thưởng tập thể, cá nhân có thành tích", "Văn phòng Sở",
         "Các đơn vị trực thuộc Sở", "Tháng 12/2027"],
    ], widths=[1.2, 7.0, 3.6, 4.0, 2.6], merge_down=[(1, 2, 3), (6, 2, 3), (11, 2, 2)])
    paras(doc, [
        "**III. TỔ CHỨC THỰC HIỆN",
        "1. Các đơn vị được giao chủ trì chủ động xây dựng kế hoạch chi tiết, bố trí kinh phí, nhân lực để triển "
        "khai các hoạt động đúng tiến độ.",
        "2. Phòng Nghiệp vụ Y là đầu mối theo dõi, đôn đốc việc thực hiện Kế hoạch.",
        "3. Định kỳ hằng quý, trước ngày 20 của tháng cuối quý, các đơn vị gửi báo cáo kết quả thực hiện về Sở Y tế "
        "(qua Phòng Nghiệp vụ Y) để tổng hợp, báo cáo UBND tỉnh.",
    ])
    signature(doc, ["- UBND tỉnh (để b/c);", "- Giám đốc, các Phó Giám đốc Sở;", "- Các đơn vị trực thuộc Sở;",
                    "- UBND các xã, phường;", "- Lưu: VT, NVY."],
              ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đinh Thị Hồng Nhung"])
    doc.save(str(Path(__file__).resolve().parent / "blind29-table-1.docx"))


if __name__ == "__main__":
    table_1()
