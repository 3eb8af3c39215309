"""How blind30's DOCX document was written (python-docx, the shared helpers in docx_tools.py, unchanged; written in
blind30/, moved here in round 37); run once, from this folder: ../../../.venv/bin/python make_docx_blind30.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_tools import header, header_table, new_document, paras, signature, table  # noqa: E402

MOTTO = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)]
LEAD = "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công"

ROWS = [
    "I|HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH",
    ["1", "Xây dựng Thông tư hướng dẫn kiểm toán năng lượng đối với cơ sở sử dụng năng lượng trọng điểm", LEAD,
     "Vụ Pháp chế; Văn phòng Bộ", "Quý III/2027", "Thông tư"],
    ["2", "Rà soát định mức tiêu hao năng lượng trong các ngành thép, xi măng, giấy", "Vụ Công nghiệp",
     "Viện Năng lượng, các hiệp hội ngành hàng có liên quan", "Quý III/2027", "Báo cáo rà soát"],
    "II|TRUYỀN THÔNG, NÂNG CAO NĂNG LỰC, KIỂM TRA",
    ["3", "Tập huấn cho người quản lý năng lượng tại các cơ sở sử dụng năng lượng trọng điểm", LEAD,
     "Sở Công Thương các tỉnh, thành phố", "Hằng quý", "Lớp tập huấn"],
    ["4", "Kiểm tra việc chấp hành quy định về sử dụng năng lượng tiết kiệm và hiệu quả", LEAD,
     "Thanh tra Bộ; Sở Công Thương các tỉnh, thành phố", "Hằng quý", "Kết luận kiểm tra"],
    ["5", "Xây dựng cơ sở dữ liệu năng lượng của các cơ sở sử dụng năng lượng trọng điểm", "Cục Điện lực",
     "Cục Thương mại điện tử và Kinh tế số", "Trước ngày 30/6/2027", "Cơ sở dữ liệu"],
    ["6", "Tổ chức Giải thưởng \"Hiệu quả năng lượng\" năm 2027", LEAD, "Báo Công Thương và Tạp chí Công Thương",
     "Tháng 10/2027", "Lễ trao giải"],
    ["7", "Tuyên truyền về sử dụng năng lượng tiết kiệm trên Cổng Thông tin điện tử Bộ Công Thương", "Văn phòng Bộ",
     "Báo Công Thương", "Tháng 10/2027", "Tin, bài"],
    "III|HƯỚNG DẪN ĐỊA PHƯƠNG, KINH PHÍ, SƠ KẾT",
    ["8", "Hướng dẫn xây dựng kế hoạch sử dụng năng lượng tiết kiệm và hiệu quả cấp tỉnh", LEAD,
     "Ủy ban nhân dân các tỉnh, thành phố", "Trong quý I/2027", "Văn bản hướng dẫn"],
    ["9", "Bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch", "Vụ Kế hoạch - Tài chính", LEAD,
     "Theo dự toán ngân sách được giao", "Quyết định giao dự toán"],
    ["10", "Tổng kết tình hình thực hiện Kế hoạch, báo cáo Bộ trưởng", LEAD, "Các đơn vị thuộc Bộ",
     "Tháng 12/2027", "Báo cáo tổng kết"],
]


def table_1():
    """Bộ Công Thương: a ministry's plan whose Word table has SIX columns (Đơn vị chủ trì and Đơn vị phối hợp apart,
    a "Kết quả/sản phẩm" column last) and the "Thời hạn" cell merged down over two rows three times."""
    doc = new_document()
    header_table(doc, [("BỘ CÔNG THƯƠNG", True), ("", False), ("Số: 3318/KH-BCT", False)],
                 MOTTO + [("Hà Nội, ngày 21 tháng 12 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Triển khai Luật Sử dụng năng lượng tiết kiệm và hiệu quả năm 2027", True, True)])
    paras(doc, [
        "Thực hiện Luật Sử dụng năng lượng tiết kiệm và hiệu quả (sửa đổi), Bộ Công Thương ban hành Kế hoạch triển "
        "khai năm 2027 như sau:",
        "**I. MỤC ĐÍCH, YÊU CẦU",
        "1. Xác định rõ nhiệm vụ, đơn vị chủ trì, thời hạn và sản phẩm của từng nhiệm vụ.",
        "2. Bảo đảm sự phối hợp chặt chẽ giữa các đơn vị thuộc Bộ và các địa phương sau sắp xếp đơn vị hành chính.",
        "**II. NHIỆM VỤ CỤ THỂ",
    ])
    table(doc, ["STT", "Nhiệm vụ cụ thể", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Kết quả/sản phẩm"],
          ROWS, widths=[1.0, 6.0, 3.2, 3.2, 2.2, 2.4], merge_down=[(1, 4, 2), (4, 4, 2), (7, 4, 2)])
    paras(doc, [
        "**III. TỔ CHỨC THỰC HIỆN",
        "1. Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm tổ chức thực hiện các nhiệm vụ được giao.",
        "2. Định kỳ hằng quý, trước ngày 15 của tháng cuối quý, các đơn vị báo cáo kết quả thực hiện về Bộ Công "
        "Thương (qua Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công) để tổng hợp, báo cáo Bộ trưởng.",
    ])
    signature(doc, ["- Bộ trưởng (để b/c);", "- Các Thứ trưởng;", "- Các đơn vị thuộc Bộ;", "- Lưu: VT, ĐMST."],
              ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn Khải"])
    doc.save(str(Path(__file__).resolve().parent / "blind30-table-1.docx"))


if __name__ == "__main__":
    table_1()
