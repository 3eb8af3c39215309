"""How blind27's DOCX document was written (python-docx, the shared helpers in docx_tools.py, unchanged; written in
blind27/, moved here in round 32); run once, from this folder: ../../../.venv/bin/python make_docx_blind27.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_tools import header, header_table, new_document, para, paras, signature, table  # noqa: E402

MOTTO = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)]


def table_1():
    """UBND tỉnh Gia Lai: a decision issuing a plan (giải ngân vốn đầu tư công năm 2027); the plan after the
    decision's signature, its tasks in a Word table with a "Kết quả đầu ra" column, Roman group rows merged across over
    rows numbered on 1–11, a lead cell merged down two rows, coordinators by ";", by "," with "và các cơ quan, đơn vị
    có liên quan", and as two paragraphs of a cell; empty product cells."""
    doc = new_document()
    header_table(doc, [("ỦY BAN NHÂN DÂN", True), ("TỈNH GIA LAI", True), ("Số: 1986/QĐ-UBND", False)],
                 MOTTO + [("Gia Lai, ngày 28 tháng 11 năm 2026", False)])
    header(doc, [("QUYẾT ĐỊNH", True, True),
                 ("Ban hành Kế hoạch đẩy mạnh giải ngân vốn đầu tư công năm 2027 trên địa bàn tỉnh Gia Lai", True, True),
                 ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH GIA LAI", True, True)])
    paras(doc, [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024;",
        "Căn cứ Nghị quyết của HĐND tỉnh về kế hoạch đầu tư công năm 2027;",
        "Theo đề nghị của Giám đốc Sở Tài chính.",
    ])
    para(doc, "QUYẾT ĐỊNH:", bold=True, center=True)
    paras(doc, [
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch đẩy mạnh giải ngân vốn đầu tư công năm 2027 trên địa bàn "
        "tỉnh Gia Lai.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh, Chủ tịch UBND các xã, "
        "phường, các chủ đầu tư và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
    ])
    signature(doc, ["- Như Điều 3;", "- Bộ Tài chính (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
                    "- CT, các PCT UBND tỉnh;", "- Lưu: VT, KT."],
              ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Tuấn Thanh"])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Đẩy mạnh giải ngân vốn đầu tư công năm 2027 trên địa bàn tỉnh Gia Lai", True, True)])
    para(doc, "(Ban hành kèm theo Quyết định số 1986/QĐ-UBND ngày 28/11/2026 của Chủ tịch UBND tỉnh Gia Lai)",
         italic=True, center=True)
    paras(doc, [
        "**I. MỤC ĐÍCH, YÊU CẦU",
        "1. Phấn đấu giải ngân 100% kế hoạch vốn đầu tư công năm 2027 được giao; đến hết Quý III/2027 giải ngân đạt "
        "trên 60% kế hoạch.",
        "2. Xác định rõ trách nhiệm của từng cơ quan, đơn vị, chủ đầu tư và người đứng đầu trong giải ngân vốn.",
        "**II. NHIỆM VỤ, GIẢI PHÁP",
    ])
    table(doc, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành", "Kết quả đầu ra"], [
        "I|Công tác chỉ đạo, điều hành",
        ["1", "Giao chi tiết kế hoạch vốn đầu tư công năm 2027 cho các chủ đầu tư ngay sau khi được HĐND tỉnh "
              "quyết định", "Sở Tài chính (cơ quan thường trực)", "Các sở, ban, ngành; UBND các xã, phường",
         "Tháng 01/2027", "Quyết định giao vốn"],
        ["2", "Thành lập các Tổ công tác đặc biệt của UBND tỉnh đôn đốc giải ngân đối với các dự án trọng điểm",
         "Văn phòng UBND tỉnh", "Sở Tài chính, Sở Xây dựng và các cơ quan, đơn vị có liên quan",
         "Trước ngày 31/01/2027", "Quyết định thành lập Tổ công tác"],
        ["3", "Rà soát, điều chuyển vốn từ các dự án giải ngân chậm sang các dự án có khả năng giải ngân tốt",
         "Sở Tài chính", "Chủ đầu tư các dự án", "Quý III/2027", "Tờ trình điều chuyển vốn"],
        "II|Tháo gỡ vướng mắc về đất đai, giải phóng mặt bằng, vật liệu xây dựng",
        ["4", "Đẩy nhanh bồi thường, hỗ trợ, tái định cư Dự án đường bộ cao tốc Quy Nhơn - Pleiku",
         "UBND các xã, phường có dự án đi qua",
         "Sở Nông nghiệp và Môi trường\nBan Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
         "Trước ngày 30/6/2027", "Mặt bằng bàn giao cho nhà thầu"],
        ["5", "Xác định giá đất cụ thể để tính tiền bồi thường kịp thời, đúng quy định",
         "Sở Nông nghiệp và Môi trường", "UBND các xã, phường có dự án đi qua", "Hằng tháng", ""],
        ["6", "Cấp phép khai thác mỏ vật liệu xây dựng thông thường phục vụ các dự án đầu tư công", "",
         "Sở Xây dựng; Công an tỉnh", "Quý II/2027", "Giấy phép khai thác"],
        "III|Thanh toán, kiểm tra, giám sát",
        ["7", "Kiểm soát, thanh toán vốn đầu tư công bảo đảm thời gian không quá 03 ngày làm việc kể từ khi nhận "
              "đủ hồ sơ hợp lệ", "Kho bạc Nhà nước khu vực XIV", "Chủ đầu tư các dự án", "Thường xuyên", ""],
        ["8", "Lập hồ sơ nghiệm thu, thanh toán ngay khi có khối lượng hoàn thành; đăng ký tiến độ giải ngân theo "
              "từng quý", "Chủ đầu tư các dự án", "Kho bạc Nhà nước khu vực XIV", "Hằng quý",
         "Bản đăng ký tiến độ giải ngân"],
        ["9", "Kiểm tra, xử lý trách nhiệm tổ chức, cá nhân gây chậm trễ trong giải ngân vốn đầu tư công",
         "Thanh tra tỉnh", "Sở Nội vụ, Sở Tài chính", "Trước tháng 12/2027", "Kết luận kiểm tra"],
        ["10", "Đưa kết quả giải ngân vào tiêu chí đánh giá, xếp loại mức độ hoàn thành nhiệm vụ của người đứng "
               "đầu cơ quan, đơn vị", "Sở Nội vụ", "Sở Tài chính", "Năm 2027", ""],
        ["11", "Tổng hợp, báo cáo Bộ Tài chính tình hình giải ngân; kiến nghị tháo gỡ vướng mắc vượt thẩm quyền",
         "Sở Tài chính", "Các sở, ban, ngành\nUBND các xã, phường", "Theo tiến độ của Bộ Tài chính",
         "Báo cáo định kỳ"],
    ], widths=[1.1, 7.0, 3.6, 4.4, 2.6, 3.0], merge_down=[(6, 2, 2)])
    paras(doc, [
        "**III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tài chính là cơ quan thường trực, theo dõi, đôn đốc các cơ quan, đơn vị, chủ đầu tư thực hiện Kế "
        "hoạch; kịp thời tham mưu UBND tỉnh xử lý các vướng mắc.",
        "2. Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các xã, phường và các chủ đầu tư chịu trách "
        "nhiệm trước Chủ tịch UBND tỉnh về kết quả giải ngân của cơ quan, đơn vị mình.",
        "3. Chế độ báo cáo: Các chủ đầu tư, UBND các xã, phường báo cáo tình hình giải ngân trước ngày 05 hằng "
        "tháng về Sở Tài chính để tổng hợp, báo cáo UBND tỉnh.",
    ])
    doc.save("blind27-table-1.docx")


if __name__ == "__main__":
    table_1()
