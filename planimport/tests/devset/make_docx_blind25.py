"""How blind25's two DOCX documents were written (python-docx, the shared helpers in docx_tools.py, with
``bullet_numbering``/``list_para`` added in round 26 for dashes drawn by Word; written in blind25/, moved here in round
29); run once, from this folder: ../../../.venv/bin/python make_docx_blind25.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_tools import (bullet_numbering, header, header_table, list_para, new_document, para, paras,  # noqa: E402
                        signature, table)

MOTTO = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)]


def table_1():
    """Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk: a task table with a two-row header ("Đơn vị thực hiện" over
    "Chủ trì | Phối hợp"), Roman group rows merged across, a lead cell merged down two rows."""
    doc = new_document()
    header_table(doc, [("UBND TỈNH ĐẮK LẮK", False), ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", True),
                       ("Số: 3015/KH-SNNMT", False)],
                 MOTTO + [("Đắk Lắk, ngày 25 tháng 11 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Phòng cháy, chữa cháy rừng mùa khô 2026 - 2027 trên địa bàn tỉnh Đắk Lắk", True, True)])
    para(doc, "Căn cứ Luật Lâm nghiệp năm 2017; Nghị định số 156/2018/NĐ-CP ngày 16/11/2018 của Chính phủ quy định chi "
              "tiết thi hành một số điều của Luật Lâm nghiệp; thực hiện chỉ đạo của UBND tỉnh, Sở Nông nghiệp và Môi "
              "trường ban hành Kế hoạch phòng cháy, chữa cháy rừng mùa khô 2026 - 2027 như sau:")
    paras(doc, [
        "**I. MỤC ĐÍCH, YÊU CẦU",
        "1. Chủ động phòng ngừa, phát hiện sớm và dập tắt kịp thời các vụ cháy rừng theo phương châm “bốn tại chỗ”, "
        "hạn chế thấp nhất thiệt hại về rừng.",
        "2. Phấn đấu mùa khô 2026 - 2027 không để xảy ra cháy rừng lớn; 100% chủ rừng là tổ chức có phương án phòng "
        "cháy, chữa cháy rừng được phê duyệt.",
        "**II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN",
        "Nhiệm vụ, đơn vị chủ trì, đơn vị phối hợp và thời gian thực hiện theo bảng sau:",
    ])
    table(doc, ["TT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "", "Thời gian thực hiện", "Sản phẩm"], [
        "I|Tuyên truyền, kiện toàn tổ chức chỉ đạo",
        ["1", "Tham mưu UBND tỉnh kiện toàn Ban Chỉ đạo các chương trình lâm nghiệp bền vững và phòng cháy, chữa cháy "
              "rừng tỉnh", "Chi cục Kiểm lâm", "Sở Nội vụ", "Trước ngày 15/12/2026", "Quyết định kiện toàn"],
        ["2", "Tuyên truyền về phòng cháy, chữa cháy rừng trên sóng phát thanh, truyền hình và hệ thống truyền thanh "
              "cơ sở", "Báo và Phát thanh, Truyền hình Đắk Lắk", "Chi cục Kiểm lâm; UBND các xã, phường có rừng",
         "Mùa khô 2026 - 2027", "Chuyên mục, phóng sự"],
        ["3", "Tổ chức ký cam kết bảo vệ rừng, phòng cháy, chữa cháy rừng với các hộ gia đình sống gần rừng, canh tác "
              "nương rẫy", "UBND các xã, phường có rừng", "Hạt Kiểm lâm các khu vực", "Tháng 01/2027", "Bản cam kết"],
        "II|Phòng cháy, phát hiện sớm cháy rừng",
        ["1", "Xây dựng, cập nhật phương án phòng cháy, chữa cháy rừng của chủ rừng; tổ chức diễn tập tại các khu rừng "
              "trọng điểm", "Các chủ rừng là tổ chức", "Hạt Kiểm lâm các khu vực, Công an các xã, phường",
         "Quý I/2027", "Phương án được phê duyệt"],
        ["2", "Vận hành hệ thống cảnh báo nguy cơ cháy rừng, camera giám sát phát hiện sớm điểm cháy; thông báo cấp dự "
              "báo cháy rừng hằng ngày", "Chi cục Kiểm lâm", "Đài Khí tượng Thủy văn tỉnh Đắk Lắk\nViettel Đắk Lắk",
         "Thường xuyên", "Bản tin cấp dự báo cháy rừng"],
        ["3", "Đầu tư, sửa chữa chòi canh, đường ranh cản lửa, bể chứa nước phục vụ chữa cháy rừng",
         "Các Ban Quản lý rừng phòng hộ, rừng đặc dụng", "Sở Tài chính", "Trước 31/3/2027", ""],
        ["4", "Phát dọn thực bì, xử lý vật liệu cháy dưới tán rừng trồng", "", "Các công ty lâm nghiệp",
         "6 tháng đầu năm 2027", ""],
        "III|Chữa cháy, xử lý vi phạm, tổng kết",
        ["1", "Bố trí lực lượng, phương tiện sẵn sàng tham gia chữa cháy rừng khi có yêu cầu", "BCH Quân sự tỉnh",
         "Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Mùa khô 2026 - 2027", "Kế hoạch huy động lực lượng"],
        ["2", "Điều tra, xử lý nghiêm các hành vi vi phạm quy định về phòng cháy, chữa cháy rừng, đốt nương làm rẫy "
              "trái phép", "Công an tỉnh", "Chi cục Kiểm lâm và Viện kiểm sát nhân dân tỉnh", "Thường xuyên", ""],
        ["3", "Kiểm tra công tác phòng cháy, chữa cháy rừng tại các địa bàn trọng điểm; tổng kết công tác mùa khô",
         "Chi cục Kiểm lâm", "", "Tháng 6/2027", "Báo cáo tổng kết"],
    ], widths=[1.0, 6.4, 3.0, 3.4, 2.4, 2.4], sub_head=["", "", "Chủ trì", "Phối hợp", "", ""], span=(2, 3),
        merge_down=[(7, 2, 2)])
    paras(doc, [
        "**III. TỔ CHỨC THỰC HIỆN",
        "1. Chi cục Kiểm lâm là cơ quan thường trực, giúp Giám đốc Sở theo dõi, đôn đốc, kiểm tra việc thực hiện Kế "
        "hoạch; tham mưu xử lý kịp thời các tình huống cháy rừng.",
        "2. Các phòng, đơn vị thuộc Sở, các chủ rừng căn cứ nhiệm vụ được phân công chủ động triển khai; đề nghị các "
        "cơ quan, đơn vị, địa phương phối hợp thực hiện.",
        "3. Chế độ báo cáo: Trong mùa khô, các đơn vị báo cáo tình hình phòng cháy, chữa cháy rừng về Sở Nông nghiệp "
        "và Môi trường (qua Chi cục Kiểm lâm) trước ngày 25 hằng tháng; báo cáo nhanh ngay khi xảy ra cháy rừng.",
    ])
    signature(doc, ["- UBND tỉnh (b/c);", "- Cục Kiểm lâm (b/c);", "- Giám đốc, các Phó Giám đốc Sở;",
                    "- UBND các xã, phường có rừng;", "- Các chủ rừng;", "- Lưu: VT, CCKL."],
              ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Y Thịnh Niê"])
    doc.save("blind25-table-1.docx")


def heading_1():
    """UBND tỉnh Phú Thọ: a decision issuing an action programme after its signature; leads on headings, the
    dashes under them drawn by Word (automatic bullets), lettered points typed."""
    doc = new_document()
    dash = bullet_numbering(doc, "-")
    header_table(doc, [("ỦY BAN NHÂN DÂN", True), ("TỈNH PHÚ THỌ", True), ("Số: 2741/QĐ-UBND", False)],
                 MOTTO + [("Phú Thọ, ngày 03 tháng 12 năm 2026", False)])
    header(doc, [("QUYẾT ĐỊNH", True, True),
                 ("Ban hành Chương trình hành động của UBND tỉnh thực hiện Nghị quyết số 70-NQ/TW ngày 20/8/2025 của "
                  "Bộ Chính trị về bảo đảm an ninh năng lượng quốc gia đến năm 2030, tầm nhìn đến năm 2045", True,
                  True),
                 ("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", True, True)])
    paras(doc, [
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;",
        "Căn cứ Nghị quyết số 70-NQ/TW ngày 20/8/2025 của Bộ Chính trị về bảo đảm an ninh năng lượng quốc gia đến "
        "năm 2030, tầm nhìn đến năm 2045;",
        "Theo đề nghị của Giám đốc Sở Công Thương.",
    ])
    para(doc, "QUYẾT ĐỊNH:", bold=True, center=True)
    paras(doc, [
        "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động của UBND tỉnh thực hiện Nghị quyết số "
        "70-NQ/TW ngày 20/8/2025 của Bộ Chính trị.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh, Chủ tịch UBND các xã, "
        "phường và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
    ])
    signature(doc, ["- Như Điều 3;", "- Bộ Công Thương (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
                    "- CT, các PCT UBND tỉnh;", "- Lưu: VT, KT."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thanh Hải"])
    header(doc, [("CHƯƠNG TRÌNH HÀNH ĐỘNG", True, True),
                 ("Thực hiện Nghị quyết số 70-NQ/TW ngày 20/8/2025 của Bộ Chính trị về bảo đảm an ninh năng lượng "
                  "quốc gia đến năm 2030, tầm nhìn đến năm 2045", True, True),
                 ("(Ban hành kèm theo Quyết định số 2741/QĐ-UBND ngày 03/12/2026 của UBND tỉnh Phú Thọ)", True,
                  False)])
    paras(doc, [
        "**I. MỤC TIÊU",
        "1. Bảo đảm cung cấp đủ điện, năng lượng ổn định cho phát triển kinh tế - xã hội, quốc phòng, an ninh và đời "
        "sống Nhân dân trên địa bàn tỉnh.",
        "2. Đến năm 2030: tiết kiệm năng lượng đạt 8 - 10% tổng tiêu thụ năng lượng; 100% cơ sở sử dụng năng lượng "
        "trọng điểm thực hiện kiểm toán năng lượng; tỷ lệ điện mặt trời mái nhà tự sản xuất, tự tiêu thụ đạt 50% trụ "
        "sở cơ quan nhà nước.",
        "**II. NHIỆM VỤ, GIẢI PHÁP VÀ PHÂN CÔNG THỰC HIỆN",
        "**1. Sở Công Thương:",
    ])
    for t in [
        "Chủ trì, phối hợp với Sở Tài chính, Sở Nông nghiệp và Môi trường tham mưu UBND tỉnh triển khai Kế hoạch "
        "thực hiện Quy hoạch phát triển điện lực quốc gia trên địa bàn tỉnh, hoàn thành trong Quý II/2027.",
        "Chủ trì, phối hợp với Công ty Điện lực Phú Thọ kiểm tra việc thực hiện các quy định về sử dụng năng lượng "
        "tiết kiệm và hiệu quả tại các cơ sở sử dụng năng lượng trọng điểm; thời gian: Hằng năm.",
        "Hướng dẫn, thúc đẩy phát triển điện mặt trời mái nhà tự sản xuất, tự tiêu thụ tại các khu công nghiệp, trụ "
        "sở cơ quan nhà nước; thời gian: 2027 - 2030.",
    ]:
        list_para(doc, t, dash)
    paras(doc, [
        "**2. Giao Sở Xây dựng chủ trì thực hiện các nhiệm vụ sau:",
        "a) Lồng ghép yêu cầu sử dụng năng lượng tiết kiệm, hiệu quả trong thẩm định thiết kế công trình xây dựng; "
        "thực hiện thường xuyên.",
        "b) Quy hoạch, phát triển hạ tầng trạm sạc cho phương tiện giao thông sử dụng điện tại các bến xe, trung tâm "
        "thương mại, khu đô thị mới; thời gian: Năm 2028.",
        "**3. Sở Nông nghiệp và Môi trường, Ban Quản lý các khu công nghiệp tỉnh:",
    ])
    list_para(doc, "Phối hợp với Sở Công Thương bố trí quỹ đất, giải quyết thủ tục đất đai, môi trường cho các dự án "
                   "nguồn điện, lưới điện trọng điểm; thời hạn: trước ngày 30/9/2027.", dash)
    para(doc, "4. Đề nghị Công ty Điện lực Phú Thọ:", bold=True)
    list_para(doc, "Đầu tư, cải tạo lưới điện trung áp, hạ áp khu vực nông thôn, miền núi, bảo đảm cung cấp điện ổn "
                   "định cho sản xuất và sinh hoạt; thời gian: Theo kế hoạch của Tổng công ty Điện lực miền Bắc.", dash)
    list_para(doc, "Phối hợp với UBND các xã, phường tuyên truyền, vận động Nhân dân sử dụng điện tiết kiệm, an toàn; "
                   "thực hiện hằng năm.", dash)
    para(doc, "5. UBND các xã, phường:", bold=True)
    list_para(doc, "Phối hợp với Công ty Điện lực Phú Thọ bảo vệ hành lang an toàn lưới điện cao áp, xử lý các trường "
                   "hợp vi phạm trên địa bàn; thực hiện thường xuyên.", dash)
    paras(doc, [
        "**III. TỔ CHỨC THỰC HIỆN",
        "1. Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường căn cứ Chương trình hành động này xây dựng kế "
        "hoạch cụ thể, tổ chức thực hiện.",
        "2. Sở Công Thương là cơ quan thường trực, theo dõi, đôn đốc, kiểm tra việc thực hiện Chương trình hành động.",
        "3. Định kỳ hằng năm (trước ngày 10/12), các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Công Thương để "
        "tổng hợp, báo cáo UBND tỉnh, Bộ Công Thương.",
    ])
    for line in ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thanh Hải"]:
        para(doc, line, bold=True)
    doc.save("blind25-heading-1.docx")


if __name__ == "__main__":
    table_1()
    heading_1()
