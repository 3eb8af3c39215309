"""How blind31's DOCX document was written (python-docx, the shared helpers in docx_tools.py, unchanged; written in
blind31/, moved here in round 38); run once, from this folder: ../../../.venv/bin/python make_docx_blind31.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_tools import header, header_table, new_document, paras, signature, table  # noqa: E402

MOTTO = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)]
KS = "Cục Kiểm soát thủ tục hành chính"

ROWS = [
    "I|HOÀN THIỆN THỂ CHẾ, HƯỚNG DẪN",
    ["1", "Xây dựng Quy chế số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trên Cổng Dịch vụ công quốc gia",
     f"{KS} (chủ trì); Vụ Pháp luật, Cục Tin học và Thống kê", "Trước 15/01/2027"],
    ["2", "Hướng dẫn các bộ, ngành, địa phương rà soát, chuẩn hóa dữ liệu thủ tục hành chính sau sắp xếp",
     f"{KS} (chủ trì); các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố", "Quý I/2027"],
    ["3", "Rà soát, đề xuất cắt giảm thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước",
     "Vụ Tổ chức công vụ (chủ trì); Cục Kiểm soát thủ tục hành chính", "Trước 30/6/2027"],
    "II|TRIỂN KHAI, KIỂM TRA, ĐÁNH GIÁ",
    ["4", "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính, kết nối với Cơ sở dữ liệu quốc gia về dân cư",
     "Cục Tin học và Thống kê (chủ trì); Bộ Công an, Cục Kiểm soát thủ tục hành chính", "Trước 30/9/2027"],
    ["5", "Theo dõi, đôn đốc việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính của các bộ, ngành, địa phương",
     f"{KS} (chủ trì); Vụ Tổng hợp", "Hằng quý"],
    ["6", "Kiểm tra tình hình thực hiện tại một số bộ, ngành, địa phương",
     f"{KS} (chủ trì); Vụ Pháp luật, Vụ Kinh tế ngành", "Tháng 6 và tháng 12 hằng năm"],
    ["7", "Đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính",
     f"{KS} (chủ trì); Cổng Thông tin điện tử Chính phủ", "Quý IV hằng năm"],
    ["8", "Thông tin, tuyên truyền về kết quả số hóa hồ sơ thủ tục hành chính",
     "Cổng Thông tin điện tử Chính phủ", "Thường xuyên"],
    ["9", "Bảo đảm kinh phí thực hiện Đề án từ nguồn ngân sách nhà nước",
     "Vụ Kế hoạch - Tài chính (chủ trì); Cục Tin học và Thống kê", "Giai đoạn 2027-2030"],
    ["10", "Sơ kết 01 năm thực hiện Kế hoạch, báo cáo Thủ tướng Chính phủ",
     f"{KS} (chủ trì); Vụ Tổng hợp, các đơn vị thuộc Văn phòng Chính phủ", "Tháng 12/2027"],
]


def table_1():
    """Văn phòng Chính phủ: a four-column Word table whose "Trách nhiệm" column names lead and coordinators in one
    cell, "X (chủ trì); Y, Z"."""
    doc = new_document()
    header_table(doc, [("VĂN PHÒNG CHÍNH PHỦ", True), ("", False), ("Số: 9120/KH-VPCP", False)],
                 MOTTO + [("Hà Nội, ngày 23 tháng 12 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính năm 2027", True, True)])
    paras(doc, [
        "Thực hiện nhiệm vụ Thủ tướng Chính phủ giao về đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành "
        "chính, Văn phòng Chính phủ ban hành Kế hoạch năm 2027 như sau:",
        "**I. MỤC ĐÍCH, YÊU CẦU",
        "Bảo đảm 100% hồ sơ thủ tục hành chính được số hóa khi tiếp nhận; xác định rõ trách nhiệm và thời gian "
        "thực hiện từng nội dung công việc.",
        "**II. NỘI DUNG CÔNG VIỆC",
    ])
    table(doc, ["STT", "Nội dung công việc", "Trách nhiệm", "Thời gian"], ROWS, widths=[1.0, 8.0, 5.5, 2.5])
    paras(doc, [
        "**III. TỔ CHỨC THỰC HIỆN",
        "1. Thủ trưởng các vụ, cục, đơn vị thuộc Văn phòng Chính phủ chịu trách nhiệm tổ chức thực hiện các nội "
        "dung công việc được giao.",
        "2. Định kỳ hằng quý, trước ngày 20 của tháng cuối quý, các đơn vị báo cáo kết quả thực hiện về Văn phòng "
        "Chính phủ (qua Cục Kiểm soát thủ tục hành chính) để tổng hợp, báo cáo Bộ trưởng, Chủ nhiệm.",
    ])
    signature(doc, ["- Thủ tướng Chính phủ (để b/c);", "- Bộ trưởng, Chủ nhiệm;", "- Các Phó Chủ nhiệm;",
                    "- Các vụ, cục, đơn vị thuộc VPCP;", "- Lưu: VT, KSTT."],
              ["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Lê Thị Thu Hà"])
    doc.save(str(Path(__file__).resolve().parent / "blind31-table-1.docx"))


if __name__ == "__main__":
    table_1()
