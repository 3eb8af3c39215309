"""How blind26's DOCX document was written (python-docx, the shared helpers in docx_tools.py, unchanged; written in
blind26/, moved here in round 30); run once, from this folder: ../../../.venv/bin/python make_docx_blind26.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_tools import header, header_table, new_document, para, paras, signature, table  # noqa: E402

MOTTO = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)]


def table_1():
    """Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Cà Mau: its yearly plan, a task table with a "Sản phẩm"
    column, Roman group rows merged across, a time cell merged down two rows, two leads in one cell (two
    paragraphs), a lead with its role in brackets, members of the Ban Chỉ đạo as a lead."""
    doc = new_document()
    header_table(doc, [("UBND TỈNH CÀ MAU", False), ("BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH", True),
                       ("MỤC TIÊU QUỐC GIA TỈNH", True), ("Số: 07/KH-BCĐ", False)],
                 MOTTO + [("", False), ("Cà Mau, ngày 04 tháng 12 năm 2026", False)])
    header(doc, [("KẾ HOẠCH", True, True),
                 ("Hoạt động năm 2027 của Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Cà Mau", True, True)])
    para(doc, "Căn cứ Quyết định số 412/QĐ-UBND ngày 20/3/2026 của UBND tỉnh về việc kiện toàn Ban Chỉ đạo các "
              "chương trình mục tiêu quốc gia tỉnh; Quy chế hoạt động của Ban Chỉ đạo, Ban Chỉ đạo các chương trình "
              "mục tiêu quốc gia tỉnh ban hành Kế hoạch hoạt động năm 2027 như sau:")
    paras(doc, [
        "**I. MỤC ĐÍCH, YÊU CẦU",
        "1. Lãnh đạo, chỉ đạo thực hiện đạt và vượt các chỉ tiêu giảm nghèo năm 2027: tỷ lệ hộ nghèo theo chuẩn "
        "nghèo đa chiều giảm 0,5% trở lên; giải ngân 100% vốn được giao.",
        "2. Phân công cụ thể nhiệm vụ cho các cơ quan thường trực, thành viên Ban Chỉ đạo và UBND các xã, phường.",
        "**II. NHIỆM VỤ TRỌNG TÂM",
        "Nội dung nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành và sản phẩm theo bảng sau:",
    ])
    table(doc, ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
                "Sản phẩm"], [
        "I|Công tác chỉ đạo, điều hành",
        ["1", "Tham mưu ban hành Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2027",
         "Sở Nông nghiệp và Môi trường (cơ quan thường trực)", "Các sở, ban, ngành là thành viên Ban Chỉ đạo",
         "Tháng 01/2027", "Kế hoạch của UBND tỉnh"],
        ["2", "Tham mưu phân bổ, giao dự toán vốn ngân sách trung ương và vốn đối ứng ngân sách địa phương thực hiện "
              "các chương trình mục tiêu quốc gia năm 2027", "Sở Tài chính",
         "Sở Nông nghiệp và Môi trường; Sở Dân tộc và Tôn giáo", "Quý I/2027", "Quyết định giao vốn"],
        ["3", "Hướng dẫn UBND các xã, phường lập danh mục dự án hỗ trợ phát triển sản xuất theo chuỗi giá trị, dự án "
              "cộng đồng", "Sở Nông nghiệp và Môi trường\nSở Dân tộc và Tôn giáo", "UBND các xã, phường", "",
         "Văn bản hướng dẫn"],
        ["4", "Tổ chức hội nghị tổng kết năm 2027 thực hiện các chương trình mục tiêu quốc gia", "Văn phòng UBND tỉnh",
         "Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo và Sở Xây dựng", "Tháng 12/2027",
         "Báo cáo tổng kết"],
        "II|Giảm nghèo bền vững, hỗ trợ sinh kế",
        ["1", "Chỉ đạo rà soát hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều giai đoạn 2026 - 2030",
         "UBND các xã, phường", "Sở Nông nghiệp và Môi trường", "Trước ngày 15/12/2027",
         "Quyết định công nhận kết quả rà soát"],
        ["2", "Cho vay ưu đãi hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo phát triển sản xuất, kinh doanh",
         "Ngân hàng Chính sách xã hội chi nhánh tỉnh Cà Mau",
         "UBND các xã, phường;\nHội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh, Tỉnh đoàn",
         "Thường xuyên", "Dư nợ cho vay"],
        ["3", "Hỗ trợ xây mới, sửa chữa nhà ở cho hộ nghèo, hộ cận nghèo có khó khăn về nhà ở", "Sở Xây dựng",
         "Ủy ban MTTQ Việt Nam tỉnh; UBND các xã, phường", "6 tháng cuối năm 2027", "Số nhà ở được hỗ trợ"],
        ["4", "Hỗ trợ người lao động thuộc hộ nghèo, hộ cận nghèo đi làm việc ở nước ngoài theo hợp đồng",
         "Sở Nội vụ", "Ngân hàng Chính sách xã hội chi nhánh tỉnh Cà Mau, các doanh nghiệp dịch vụ đưa người lao "
                      "động đi làm việc ở nước ngoài", "Năm 2027", "Số lao động được hỗ trợ"],
        ["5", "Hỗ trợ đóng bảo hiểm y tế cho người thuộc hộ cận nghèo, hộ mới thoát nghèo", "BHXH tỉnh", "Sở Y tế",
         "Hằng quý", ""],
        "III|Truyền thông, kiểm tra, giám sát",
        ["1", "Truyền thông về giảm nghèo bền vững; biểu dương các mô hình, điển hình thoát nghèo hiệu quả",
         "Báo và Phát thanh, Truyền hình Cà Mau", "Sở Văn hóa, Thể thao và Du lịch", "Thường xuyên",
         "Chuyên mục “Cà Mau chung tay vì người nghèo”"],
        ["2", "Kiểm tra, giám sát việc thực hiện các chương trình mục tiêu quốc gia tại các xã, phường",
         "Thành viên Ban Chỉ đạo theo địa bàn được phân công phụ trách", "Sở Nông nghiệp và Môi trường",
         "Theo kế hoạch kiểm tra của Trưởng Ban Chỉ đạo", "Báo cáo kết quả kiểm tra"],
        ["3", "Vận động doanh nghiệp, nhà hảo tâm ủng hộ Quỹ “Vì người nghèo” tỉnh", "Ủy ban MTTQ Việt Nam tỉnh",
         "Công ty Cổ phần Phân bón Dầu khí Cà Mau, Hiệp hội Doanh nghiệp tỉnh",
         "Đợt cao điểm từ 17/10 đến 18/11/2027", "Kết quả vận động"],
    ], widths=[1.2, 7.0, 3.6, 4.2, 2.6, 3.0], merge_down=[(2, 4, 2)])
    paras(doc, [
        "**III. TỔ CHỨC THỰC HIỆN",
        "1. Các thành viên Ban Chỉ đạo căn cứ nhiệm vụ được phân công chủ động chỉ đạo, đôn đốc, kiểm tra lĩnh vực, "
        "địa bàn phụ trách.",
        "2. Giao Sở Nông nghiệp và Môi trường (cơ quan thường trực Ban Chỉ đạo) theo dõi, tổng hợp tình hình thực "
        "hiện Kế hoạch.",
        "3. Chế độ báo cáo: Định kỳ hằng quý (trước ngày 15 của tháng cuối quý), các thành viên Ban Chỉ đạo, UBND "
        "các xã, phường báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường (cơ quan thường trực Ban Chỉ đạo) "
        "để tổng hợp, báo cáo Trưởng Ban Chỉ đạo.",
    ])
    signature(doc, ["- Ban Chỉ đạo Trung ương (để b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh (để b/c);",
                    "- Thành viên Ban Chỉ đạo;", "- UBND các xã, phường;", "- Lưu: VT, BCĐ."],
              ["TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND TỈNH", "Lâm Văn Bi"])
    doc.save("blind26-table-1.docx")


if __name__ == "__main__":
    table_1()
