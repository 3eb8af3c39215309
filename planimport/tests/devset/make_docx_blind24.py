"""How blind24's two DOCX documents were written (python-docx, the shared helpers in docx_tools.py; written in blind24/,
moved here in round 26); run once, from this folder: ../../../.venv/bin/python make_docx_blind24.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_tools import header, header_table, new_document, para, paras, signature, table  # noqa: E402


def table_1():
    """Sở Công Thương tỉnh Hưng Yên: a task table with Roman group rows, a lead merged down two rows."""
    doc = new_document()
    header_table(doc, [("UBND TỈNH HƯNG YÊN", False), ("SỞ CÔNG THƯƠNG", True), ("Số: 1968/KH-SCT", False)],
                 [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                  ("Hưng Yên, ngày 12 tháng 11 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Phát triển thương mại điện tử tỉnh Hưng Yên năm 2027", True, True)])
    para(doc, "Căn cứ Quyết định số 645/QĐ-TTg ngày 15/5/2020 của Thủ tướng Chính phủ phê duyệt Kế hoạch tổng thể phát "
              "triển thương mại điện tử quốc gia; thực hiện chỉ đạo của UBND tỉnh, Sở Công Thương xây dựng Kế hoạch "
              "phát triển thương mại điện tử năm 2027 như sau:")
    paras(doc, [
        "**I. MỤC ĐÍCH, YÊU CẦU",
        "1. Đẩy mạnh ứng dụng thương mại điện tử trong doanh nghiệp, hợp tác xã và hộ kinh doanh; mở rộng kênh tiêu "
        "thụ sản phẩm chủ lực của tỉnh.",
        "2. Chỉ tiêu năm 2027: 60% dân số trưởng thành tham gia mua sắm trực tuyến; đạt 100% sản phẩm OCOP 3 sao trở lên "
        "được giới thiệu trên sàn thương mại điện tử; ít nhất 50% doanh nghiệp có website hoặc ứng dụng di động.",
        "**II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN",
        "Nhiệm vụ cụ thể, đơn vị chủ trì, đơn vị phối hợp và thời hạn hoàn thành theo bảng sau:",
    ])
    table(doc, ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành",
                "Kết quả/sản phẩm"], [
        "I|Hoàn thiện thể chế, nâng cao nhận thức",
        ["1", "Tham mưu UBND tỉnh ban hành Kế hoạch phát triển thương mại điện tử tỉnh Hưng Yên giai đoạn 2026 - 2030",
         "Phòng Quản lý thương mại", "Sở Tài chính; Sở Khoa học và Công nghệ", "Quý I/2027",
         "Kế hoạch được UBND tỉnh ban hành"],
        ["2", "Tuyên truyền, phổ biến pháp luật về thương mại điện tử; cảnh báo các hình thức lừa đảo trực tuyến",
         "Phòng Quản lý thương mại", "Công an tỉnh, Báo và Phát thanh, Truyền hình Hưng Yên", "Thường xuyên", ""],
        ["3", "Tập huấn kỹ năng kinh doanh trên sàn thương mại điện tử cho doanh nghiệp, hợp tác xã, hộ kinh doanh",
         "Trung tâm Khuyến công và Xúc tiến thương mại", "UBND các xã, phường\nHiệp hội Doanh nghiệp tỉnh",
         "Hằng năm", "Ít nhất 20 lớp tập huấn"],
        "II|Phát triển hạ tầng và dịch vụ hỗ trợ thương mại điện tử",
        ["1", "Đưa sản phẩm OCOP, nông sản chủ lực của tỉnh lên các sàn thương mại điện tử trong nước và quốc tế",
         "Trung tâm Khuyến công và Xúc tiến thương mại", "Sở Nông nghiệp và Môi trường; Bưu điện tỉnh Hưng Yên",
         "2027 - 2028", "100% sản phẩm OCOP 3 sao trở lên"],
        ["2", "Tổ chức Tuần lễ thương mại điện tử và phiên livestream bán hàng nông sản Hưng Yên", "",
         "Viettel Hưng Yên, VNPT Hưng Yên", "Tháng 9/2027", "01 Tuần lễ"],
        ["3", "Mở rộng thanh toán không dùng tiền mặt tại chợ, trung tâm thương mại, điểm bán lẻ",
         "Ngân hàng Nhà nước Chi nhánh Khu vực 4", "Phòng Quản lý thương mại; các ngân hàng thương mại trên địa bàn",
         "6 tháng đầu năm 2027", ""],
        ["4", "Phát triển dịch vụ logistics, giao nhận phục vụ thương mại điện tử tại khu vực nông thôn",
         "Phòng Quản lý thương mại", "Bưu điện tỉnh Hưng Yên và các doanh nghiệp chuyển phát", "trước 30/6/2027", ""],
        "III|Quản lý nhà nước, chống gian lận thương mại trên môi trường số",
        ["1", "Rà soát, quản lý thuế đối với hoạt động kinh doanh thương mại điện tử, livestream bán hàng",
         "Thuế tỉnh Hưng Yên", "Phòng Quản lý thương mại", "Hằng quý", ""],
        ["2", "Kiểm tra, xử lý vi phạm về hàng giả, hàng kém chất lượng, xâm phạm quyền sở hữu trí tuệ trên môi trường "
              "thương mại điện tử", "Chi cục Quản lý thị trường", "Công an tỉnh; Thuế tỉnh Hưng Yên", "Thường xuyên",
         "Báo cáo kết quả kiểm tra"],
        ["3", "Tích hợp dữ liệu thương mại điện tử của tỉnh với Hệ thống quản lý hoạt động thương mại điện tử quốc gia",
         "Phòng Quản lý thương mại", "Sở Khoa học và Công nghệ", "Theo tiến độ của Bộ Công Thương", ""],
    ], widths=[1.2, 6.2, 3.0, 3.6, 2.4, 2.6], merge_down=[(5, 2, 2)])
    paras(doc, [
        "**III. TỔ CHỨC THỰC HIỆN",
        "1. Các phòng, đơn vị thuộc Sở căn cứ nhiệm vụ được phân công xây dựng kế hoạch chi tiết, chủ động triển khai; "
        "đề nghị các cơ quan, đơn vị phối hợp thực hiện có hiệu quả các nội dung của Kế hoạch.",
        "2. Định kỳ hằng quý, trước ngày 15 của tháng cuối quý, các cơ quan, đơn vị gửi báo cáo tình hình thực hiện về "
        "Sở Công Thương (qua Phòng Quản lý thương mại) để tổng hợp, báo cáo UBND tỉnh và Bộ Công Thương.",
    ])
    signature(doc, ["- Bộ Công Thương (Cục TMĐT và KTS) (b/c);", "- UBND tỉnh (b/c);", "- Các sở, ban, ngành;",
                    "- UBND các xã, phường;", "- Lưu: VT, QLTM."],
              ["GIÁM ĐỐC", "Nguyễn Văn Thịnh"])
    doc.save("blind24-table-1.docx")


def mixed_1():
    """UBND phường Hạc Thành (Thanh Hóa): a decision, its plan after the signature: label items, a Word table, and
    numbered assignments in "Tổ chức thực hiện"."""
    doc = new_document()
    header_table(doc, [("ỦY BAN NHÂN DÂN", True), ("PHƯỜNG HẠC THÀNH", True), ("Số: 318/QĐ-UBND", False)],
                 [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                  ("Hạc Thành, ngày 02 tháng 12 năm 2026", False)])
    header(doc, [("QUYẾT ĐỊNH", True, True),
                 ("Ban hành Kế hoạch triển khai phong trào “Bình dân học vụ số” trên địa bàn phường Hạc Thành năm "
                  "2027", True, True),
                 ("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH", True, True)])
    paras(doc, [
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;",
        "Căn cứ Kế hoạch số 388/KH-UBND ngày 10/10/2026 của UBND tỉnh Thanh Hóa về triển khai phong trào “Bình dân "
        "học vụ số”;",
        "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội phường.",
    ])
    para(doc, "QUYẾT ĐỊNH:", bold=True, center=True)
    paras(doc, [
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai phong trào “Bình dân học vụ số” trên địa bàn "
        "phường Hạc Thành năm 2027.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Chánh Văn phòng HĐND và UBND phường, Trưởng các phòng chuyên môn, Thủ trưởng các cơ quan, đơn vị và "
        "Trưởng các tổ dân phố chịu trách nhiệm thi hành Quyết định này./.",
    ])
    signature(doc, ["- Như Điều 3;", "- UBND tỉnh (b/c);", "- TT Đảng ủy, TT HĐND phường;", "- Lưu: VT."],
              ["CHỦ TỊCH", "Lê Thị Hồng Nhung"])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Triển khai phong trào “Bình dân học vụ số” trên địa bàn phường Hạc Thành năm 2027", True, True),
                 ("(Ban hành kèm theo Quyết định số 318/QĐ-UBND ngày 02/12/2026 của Chủ tịch UBND phường Hạc Thành)",
                  True, False)])
    paras(doc, [
        "**I. MỤC ĐÍCH, YÊU CẦU",
        "- Phổ cập kỹ năng số cơ bản cho cán bộ, công chức và Nhân dân, góp phần xây dựng chính quyền số, xã hội số.",
        "- Phấn đấu năm 2027: đạt 100% cán bộ, công chức phường được phổ cập kỹ năng số; ít nhất 80% người dân trong "
        "độ tuổi lao động biết sử dụng dịch vụ công trực tuyến.",
        "**II. NHIỆM VỤ CỤ THỂ",
        "**1. Phổ cập kỹ năng số cho cán bộ, công chức",
        "1.1. Tổ chức bồi dưỡng kỹ năng số, kỹ năng khai thác dịch vụ công trực tuyến cho cán bộ, công chức, người "
        "hoạt động không chuyên trách của phường.",
        "Đơn vị chủ trì: Văn phòng HĐND và UBND phường.",
        "Đơn vị phối hợp: Trung tâm Phục vụ hành chính công phường; VNPT Thanh Hóa.",
        "Thời gian thực hiện: Quý II/2027.",
        "1.2. Ứng dụng trợ lý ảo, trí tuệ nhân tạo hỗ trợ xử lý văn bản, hồ sơ công việc tại các phòng chuyên môn.",
        "Đơn vị chủ trì: Văn phòng HĐND và UBND phường.",
        "Thời gian thực hiện: Năm 2027.",
        "1.3. Đánh giá kỹ năng số của cán bộ, công chức phường gắn với đánh giá, xếp loại chất lượng cuối năm.",
        "Thời gian thực hiện: Tháng 11/2027.",
        "Đơn vị chủ trì: Văn phòng HĐND và UBND phường.",
        "Đơn vị phối hợp: Các phòng chuyên môn thuộc UBND phường.",
        "**2. Phổ cập kỹ năng số cho Nhân dân",
    ])
    table(doc, ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"], [
        ["1", "Thành lập, duy trì hoạt động Tổ công nghệ số cộng đồng tại 100% tổ dân phố", "Phòng Văn hóa - Xã hội",
         "Trưởng các tổ dân phố; Đoàn Thanh niên phường", "Quý I/2027"],
        ["2", "Mở lớp “Bình dân học vụ số” hướng dẫn người dân cài đặt, sử dụng VNeID, dịch vụ công trực tuyến, thanh "
              "toán không dùng tiền mặt", "Phòng Văn hóa - Xã hội", "Công an phường Hạc Thành\nViettel Thanh Hóa",
         "Thường xuyên"],
        ["3", "Hướng dẫn hộ kinh doanh, tiểu thương sử dụng hóa đơn điện tử, bán hàng trên nền tảng số",
         "Phòng Kinh tế, Hạ tầng và Đô thị", "Thuế tỉnh Thanh Hóa, Ban Quản lý các chợ phường", "2027 - 2028"],
        ["4", "Tuyên truyền phong trào trên Trang thông tin điện tử phường, nhóm Zalo tổ dân phố và hệ thống truyền "
              "thanh cơ sở", "Trung tâm Văn hóa, Thông tin và Thể thao phường", "", "Hằng tháng"],
    ], widths=[1.0, 7.0, 3.2, 3.6, 2.4])
    paras(doc, [
        "**III. TỔ CHỨC THỰC HIỆN",
        "1. Giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với Văn phòng HĐND và UBND phường tham mưu sơ kết 6 tháng "
        "thực hiện phong trào, hoàn thành trong tháng 7/2027.",
        "2. Đề nghị Ủy ban MTTQ Việt Nam phường phối hợp với Phòng Văn hóa - Xã hội đưa tiêu chí “gia đình số” vào "
        "bình xét danh hiệu “Gia đình văn hóa”, thực hiện trong năm 2027.",
        "3. Các phòng chuyên môn, Trưởng các tổ dân phố căn cứ nhiệm vụ được giao chủ động triển khai thực hiện.",
        "4. Hằng quý, các cơ quan, đơn vị gửi báo cáo kết quả về UBND phường (qua Phòng Văn hóa - Xã hội) trước ngày "
        "18 của tháng cuối quý để tổng hợp, báo cáo UBND tỉnh.",
    ])
    para(doc, "CHỦ TỊCH", bold=True)
    para(doc, "Lê Thị Hồng Nhung", bold=True)
    doc.save("blind24-mixed-1.docx")


if __name__ == "__main__":
    table_1()
    mixed_1()
