"""Round 28: a task table laid out as text in columns of spaces (what `pdftotext -layout` prints for a PDF page with a
table, pasted into a .txt), read by planimport/spacetable.py into the table rows the other table readers give. Every
text here is made up; the last is `pdftotext -layout` on a PDF that LibreOffice made from a python-docx table
(planimport/tests/spacetable/make_pdf.py)."""

from pathlib import Path

import pytest

from planimport.parser import parse_document
from planimport.readers import blocks_from_text
from planimport.tests.test_variants import read

HERE = Path(__file__).parent / "spacetable"


def by_number(plan):
    return {t.number: t for t in plan.tasks}


SIMPLE = """II. NHIỆM VỤ VÀ PHÂN CÔNG
STT   Nội dung nhiệm vụ                          Cơ quan chủ trì       Cơ quan phối hợp        Thời hạn hoàn thành
1     Xây dựng cổng dữ liệu mở của tỉnh          Sở Khoa học và        Sở Tài chính            Quý III/2026
                                                 Công nghệ
2     Đào tạo kỹ năng số cho công chức cấp xã    Sở Nội vụ             UBND các xã, phường     Năm 2026
3     Kiểm tra an toàn thông tin các hệ thống    Công an tỉnh          Sở Khoa học và Công     Thường xuyên
      thông tin dùng chung                                             nghệ
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo kết quả trước ngày 15 tháng 12 hằng năm gửi Sở Khoa học và Công nghệ.
"""


def test_a_one_row_header_table_in_columns_of_spaces_gives_its_tasks():
    plan = read(SIMPLE)
    tasks = by_number(plan)
    assert sorted(tasks) == ["1", "2", "3"]
    assert tasks["1"].title == "Xây dựng cổng dữ liệu mở của tỉnh"
    # the lead cell wrapped onto the next line (not the last column) is joined to its row
    assert tasks["1"].lead == ["Sở Khoa học và Công nghệ"]
    assert tasks["1"].coordinators == ["Sở Tài chính"]
    assert tasks["1"].timeframe.text == "Quý III/2026"
    assert tasks["2"].coordinators == ["UBND các xã, phường"]
    assert tasks["3"].title == "Kiểm tra an toàn thông tin các hệ thống thông tin dùng chung"
    assert tasks["3"].coordinators == ["Sở Khoa học và Công nghệ"]
    assert tasks["3"].timeframe.kind == "ongoing"


TWO_ROW = """III. NHIỆM VỤ CỤ THỂ
Nhiệm vụ cụ thể tại bảng sau:

                                                     Đơn vị thực hiện
 TT     Nhiệm vụ                            Chủ trì                 Phối hợp                   Thời gian      Ghi chú

 A      NHÓM NHIỆM VỤ VỀ THỂ CHẾ

 1      Rà soát, sửa đổi quy chế quản lý    Sở Tư pháp              Văn phòng UBND tỉnh;       Tháng 6/2026
        hoạt động của hệ thống thông tin                            Sở Nội vụ; các sở,
        báo cáo của tỉnh                                            ngành liên quan

 2      Ban hành danh mục dữ liệu dùng      Sở Khoa học và          Các sở, ban, ngành         Quý IV/2026    Trình UBND
        chung của tỉnh                      Công nghệ                                                         tỉnh
                                                                                                  7
\f                                                     Đơn vị thực hiện
 TT     Nhiệm vụ                            Chủ trì                 Phối hợp                   Thời gian      Ghi chú
 B      NHÓM NHIỆM VỤ VỀ HẠ TẦNG
 3      Mở rộng mạng truy nhập Internet     Ban Quản lý các khu     Viễn thông Ninh Bình;      Năm 2026 -
        băng rộng tới các thôn, bản đặc     công nghiệp tỉnh        Viettel Ninh Bình;         2027
        biệt khó khăn                                               UBND các xã

 4      Chuyển đổi trung tâm dữ liệu của    Sở Khoa học và          Sở Tài chính               Trước
        tỉnh sang nền tảng điện toán đám    Công nghệ                                          30/11/2026
        mây
"""


def test_a_two_row_header_wrapped_cells_a_page_break_and_a_repeated_header():
    plan = read(TWO_ROW)
    tasks = by_number(plan)
    assert sorted(tasks) == ["1", "2", "3", "4"]
    one, two, three, four = (tasks[n] for n in "1234")
    assert one.title == "Rà soát, sửa đổi quy chế quản lý hoạt động của hệ thống thông tin báo cáo của tỉnh"
    assert one.lead == ["Sở Tư pháp"]
    # a coordinator cell over three lines: its list whole
    assert one.coordinators == ["Văn phòng UBND tỉnh", "Sở Nội vụ", "các sở, ngành liên quan"]
    assert one.timeframe.text == "Tháng 6/2026"
    assert two.lead == ["Sở Khoa học và Công nghệ"]
    assert two.title == "Ban hành danh mục dữ liệu dùng chung của tỉnh"
    # the page's number, the form feed and the header repeated on the next page are not rows
    assert three.title == "Mở rộng mạng truy nhập Internet băng rộng tới các thôn, bản đặc biệt khó khăn"
    assert three.lead == ["Ban Quản lý các khu công nghiệp tỉnh"]
    assert three.coordinators == ["Viễn thông Ninh Bình", "Viettel Ninh Bình", "UBND các xã"]
    assert three.timeframe.kind == "period"
    assert four.title == "Chuyển đổi trung tâm dữ liệu của tỉnh sang nền tảng điện toán đám mây"
    assert four.timeframe.text == "Trước 30/11/2026"
    # the letter rows are the table's sections
    assert one.section.endswith("A") and three.section.endswith("B")
    assert "7" not in " ".join(t.title for t in plan.tasks)


MIXED = """II. NHIỆM VỤ
1. Tuyên truyền về chuyển đổi số
- Chủ trì: Sở Văn hóa, Thể thao và Du lịch.
- Phối hợp: Báo Quảng Trị.
- Thời gian: Năm 2026.
2. Rà soát các quy trình nội bộ để đưa lên môi trường số, hoàn thành trong Quý III/2026.
III. NHIỆM VỤ VỀ DỮ LIỆU
Giao các cơ quan thực hiện các nhiệm vụ theo bảng dưới đây:

TT   Tên nhiệm vụ                       Đơn vị chủ trì         Đơn vị phối hợp          Tiến độ
I.   Dữ liệu chuyên ngành
1    Cập nhật cơ sở dữ liệu đất đai     Sở Nông nghiệp và      UBND các xã              Quý II/2026
                                        Môi trường
2    Số hóa hồ sơ hộ tịch               Sở Tư pháp             UBND các xã,             Năm 2026
                                                               phường
II.  Dữ liệu dùng chung
3    Xây dựng kho dữ liệu dùng          Sở Khoa học và         Các sở, ngành            Quý IV/2026
     chung                              Công nghệ

IV. TỔ CHỨC THỰC HIỆN
Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch này, báo cáo UBND tỉnh trước ngày 20 tháng 12 năm 2026.
"""


def test_a_space_table_among_items_and_prose():
    plan = read(MIXED)
    titles = [t.title for t in plan.tasks]
    assert "Tuyên truyền về chuyển đổi số" in titles
    table = [t for t in plan.tasks if t.title in ("Cập nhật cơ sở dữ liệu đất đai", "Số hóa hồ sơ hộ tịch",
                                                    "Xây dựng kho dữ liệu dùng chung")]
    assert len(table) == 3
    land, civil, store = table
    assert land.lead == ["Sở Nông nghiệp và Môi trường"] and land.timeframe.text == "Quý II/2026"
    assert civil.coordinators == ["UBND các xã, phường"]
    assert store.lead == ["Sở Khoa học và Công nghệ"] and store.coordinators == ["Các sở, ngành"]
    assert [t.section for t in table] == ["III.I", "III.I", "III.II"]
    # the part after the table is not a cell of its last row
    assert "TỔ CHỨC" not in " ".join(t.title for t in table)


def test_the_table_ends_at_a_paragraph_after_it_at_the_margin_or_indented_across_its_columns():
    table = MIXED[MIXED.index("TT   Tên"):MIXED.index("IV. TỔ CHỨC")].rstrip("\n")
    for after in ("Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ nêu trên theo quy định của pháp luật.",
                  "      Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ nêu trên theo quy định của pháp luật,",
                  "      Sở Tài chính bố trí kinh phí thực hiện"):
        for gap in ("\n", "\n\n"):
            blocks = blocks_from_text(table + gap + after + "\n")
            rows = [value for kind, value in blocks if kind == "table"]
            assert len(rows) == 1 and len(rows[0]) == 6, (after, gap)
            assert rows[0][-1] == ["3", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ", "Các sở, ngành",
                                   "Quý IV/2026"]
            assert blocks[-1] == ("p", after.strip())


def test_lines_in_columns_that_are_no_task_table_stay_text():
    # the header's two columns and a signature block: no column names, no table
    text = ("ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH QUẢNG TRỊ                 Độc lập - Tự do - Hạnh phúc\n")
    assert not any(kind == "table" for kind, _ in blocks_from_text(text))


@pytest.mark.parametrize("name", ["pdftotext-layout-phu-tho.txt", "pdftotext-layout-phu-tho-centred.txt"])
def test_pdftotext_layout_of_a_libreoffice_pdf_table_over_three_pages(name):
    # a landscape appendix with a two-row header, Roman group rows, cells wrapped over up to six lines, and columns
    # that pdftotext places differently on each page (no header repeated after the first page); in the second, every
    # cell is centred vertically: a row's number sits on its middle line, its title's first lines above it
    plan = parse_document("phu-tho.txt", (HERE / name).read_bytes())
    assert plan.number == "215/KH-UBND"
    tasks = by_number(plan)
    assert sorted(tasks, key=int) == [str(n) for n in range(1, 13)]
    assert tasks["1"].title == ("Nâng cấp đường truyền số liệu chuyên dùng kết nối Văn phòng Đăng ký đất đai với các "
                                "chi nhánh")
    assert tasks["1"].lead == ["Sở Khoa học và Công nghệ"]
    assert tasks["1"].coordinators == ["Văn phòng Đăng ký đất đai tỉnh", "Viễn thông Phú Thọ"]
    assert tasks["1"].product == "Đường truyền được nâng cấp"
    assert tasks["3"].coordinators == ["Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ"]
    # the row the page break split: "đất đai" on the next page ends its title
    assert tasks["4"].title == "Cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục đăng ký biến động đất đai"
    assert tasks["4"].lead == ["Văn phòng Đăng ký đất đai tỉnh"]
    assert tasks["6"].lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert tasks["6"].coordinators == ["Báo và Phát thanh, Truyền hình Phú Thọ", "UBND các xã, phường"]
    assert tasks["6"].timeframe.kind == "period"
    assert tasks["10"].title.endswith("nhóm xã số 3 phục vụ cấp giấy chứng nhận quyền sử dụng đất lần đầu")
    assert tasks["11"].timeframe.text == "Quý IV/2028"
    assert tasks["11"].lead == ["UBND các xã, phường"]
    assert tasks["1"].section.endswith("I") and tasks["4"].section.endswith("II")
    assert plan.reporting.period == "yearly"


def test_a_part_or_a_numbered_point_right_after_the_table_is_not_a_row_of_it():
    plan = read(SIMPLE)
    assert [s.title for s in plan.sections if s.code == "III"] == ["TỔ CHỨC THỰC HIỆN"]
    assert sorted(t.number for t in plan.tasks) == ["1", "2", "3"]
    text = SIMPLE.replace("III. TỔ CHỨC THỰC HIỆN\n", "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí.\n")
    blocks = blocks_from_text(text)
    assert ("p", "1. Sở Tài chính bố trí kinh phí.") in blocks
    assert [len(v) for k, v in blocks if k == "table"] == [4]


REPEATED = """II. NHIỆM VỤ
                                           Đơn vị thực hiện
STT   Nội dung                       Chủ trì             Phối hợp            Thời gian
----------------------------------------------------------------------------------------
1.    Cập nhật bản đồ số các điểm    Sở Xây dựng         Sở Tài chính        Quý I/2027
      du lịch của tỉnh
----------------------------------------------------------------------------------------

                                           - 5 -

                                           Đơn vị thực hiện
STT   Nội dung                       Chủ trì             Phối hợp            Thời gian
2.    Xây dựng ứng dụng hướng dẫn    Sở Văn hóa, Thể     Trung tâm Xúc       Quý II/2027
      du lịch thông minh             thao và Du lịch     tiến du lịch
"""


def test_a_header_repeated_without_a_form_feed_its_upper_line_and_ruled_lines_are_skipped():
    tasks = by_number(read(REPEATED))
    assert sorted(tasks) == ["1", "2"]
    assert tasks["1"].title == "Cập nhật bản đồ số các điểm du lịch của tỉnh"
    assert tasks["1"].lead == ["Sở Xây dựng"] and tasks["1"].coordinators == ["Sở Tài chính"]
    assert tasks["1"].timeframe.text == "Quý I/2027"
    assert tasks["2"].lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert tasks["2"].coordinators == ["Trung tâm Xúc tiến du lịch"]


def test_a_group_row_wrapped_at_the_first_column_goes_on_its_name():
    text = """II. NHIỆM VỤ
TT   Nhiệm vụ                          Cơ quan chủ trì      Thời gian
A.   NHÓM NHIỆM VỤ NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ LÀM CÔNG TÁC
     CHUYỂN ĐỔI SỐ Ở CẤP XÃ
1    Mở lớp bồi dưỡng kỹ năng số       Sở Nội vụ            Quý II/2027
"""
    plan = read(text)
    assert [(t.number, t.lead, t.timeframe.text) for t in plan.tasks] == [("1", ["Sở Nội vụ"], "Quý II/2027")]
    assert any(s.title == "NHÓM NHIỆM VỤ NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ LÀM CÔNG TÁC CHUYỂN ĐỔI SỐ Ở CẤP XÃ"
               for s in plan.sections)


CENTRED_CELLS = """III. DANH MỤC NHIỆM VỤ

  TT              Tên nhiệm vụ                    Sản phẩm            Đơn vị thực hiện              Thời gian       Ghi chú
                                                                   Chủ trì         Phối hợp

  1     Xây dựng quy chế phối hợp chia sẻ     Quyết định của     Sở Nội vụ       Văn phòng          Tháng
        dữ liệu giữa các cơ quan              UBND tỉnh                          UBND tỉnh         6/2026

  2     Triển khai chữ ký số cho người        Chữ ký số được     Sở Khoa học     Công an tỉnh;   Trong năm 2026
        dân                                   cấp                và Công nghệ    Bưu điện tỉnh

                                                  - 3 -

  3     Tổ chức tập huấn sử dụng chữ ký số    Lớp tập huấn       Sở Khoa học                     Quý III/2026
                                                                 và Công nghệ
IV. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo kết quả trước ngày 15 tháng 12 hằng năm.
"""


def test_cells_centred_across_their_column_an_empty_cell_and_a_name_wrapped_before_a_capital():
    plan = read(CENTRED_CELLS)
    tasks = by_number(plan)
    assert sorted(tasks) == ["1", "2", "3"]
    # "Văn phòng" / "UBND tỉnh": one name the width broke; "Trong năm 2026" starts left of "Tháng": both the time's
    assert tasks["1"].coordinators == ["Văn phòng UBND tỉnh"]
    assert tasks["1"].timeframe.text == "Tháng 6/2026"
    assert tasks["1"].product == "Quyết định của UBND tỉnh"
    assert tasks["2"].timeframe.text == "Trong năm 2026"
    assert tasks["2"].coordinators == ["Công an tỉnh", "Bưu điện tỉnh"]
    assert tasks["3"].lead == ["Sở Khoa học và Công nghệ"] and tasks["3"].coordinators == []
    assert tasks["3"].timeframe.text == "Quý III/2026"
    assert [s.title for s in plan.sections if s.code == "IV"] == ["TỔ CHỨC THỰC HIỆN"]


def test_a_names_cell_with_one_name_a_line():
    text = """II. NHIỆM VỤ
TT   Nội dung                        Chủ trì            Phối hợp
1    Kiểm kê tài sản công            Sở Tài chính       Sở Nội vụ
                                                        Kho bạc Nhà nước
                                                        khu vực VII
"""
    assert read(text).tasks[0].coordinators == ["Sở Nội vụ", "Kho bạc Nhà nước khu vực VII"]


def test_a_header_cell_over_two_named_below_an_empty_column_and_a_date_the_width_broke():
    text = """II. NHIỆM VỤ
TT   Nội dung                        Sản phẩm    Chủ trì         Thời gian thực hiện
                                                                 Bắt đầu    Hoàn thành
1    Lập quy hoạch mạng lưới trạm                Sở Xây dựng     1/2027     Trước 30/11/202
     sạc xe điện                                                            7
2    Lắp đặt trạm sạc tại các trụ                Sở Công         3/2027     Quý IV/2027
     sở cơ quan nhà nước                         Thương
"""
    tasks = by_number(read(text))
    # "Thời gian thực hiện" over "Bắt đầu | Hoàn thành": the due date is the "Hoàn thành" column's, not the start's
    assert tasks["1"].timeframe.text == "Trước 30/11/2027"
    assert tasks["2"].timeframe.text == "Quý IV/2027"
    # "Sản phẩm" names a column no row fills: a column of its own, not the title's
    assert tasks["1"].product == "" and tasks["1"].title == "Lập quy hoạch mạng lưới trạm sạc xe điện"
    assert tasks["2"].lead == ["Sở Công Thương"]


def test_a_number_one_space_from_its_title_and_a_justified_paragraph_naming_columns():
    text = """II. NHIỆM VỤ
TT  Nội dung                          Chủ trì              Thời gian
1 Khảo sát hiện trạng hạ tầng số      Sở Khoa học và       Quý I/2027
  của các xã                          Công nghệ
2 Lập danh mục dịch vụ công           Văn phòng UBND       Quý II/2027
  cần tái cấu trúc                    tỉnh
"""
    tasks = by_number(read(text))
    assert tasks["1"].title == "Khảo sát hiện trạng hạ tầng số của các xã"
    assert tasks["1"].lead == ["Sở Khoa học và Công nghệ"]
    assert tasks["2"].lead == ["Văn phòng UBND tỉnh"] and tasks["2"].timeframe.text == "Quý II/2027"
    # a justified line of prose whose gaps part "chủ trì", "nội dung", "thời gian": no header
    prose = ("      Giao   Sở Tài chính   chủ trì,   rà soát   nội dung   và   thời gian   thực hiện\n"
             "2.  Sở Xây dựng   kiểm tra   các công trình   trọng điểm\n")
    assert not any(kind == "table" for kind, _ in blocks_from_text(prose))


APPENDIX = """PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND tỉnh Quảng Trị)

                                          Cơ quan          Cơ quan          Thời hạn
 STT          Nội dung công việc          chủ trì          phối hợp        hoàn thành
  1.   Triển khai nền tảng học tập số    Sở Giáo dục     Sở Khoa học và    Năm 2026
       cho học sinh trung học            và Đào tạo      Công nghệ
  2.   Tổ chức hội thi tin học trẻ       Tỉnh Đoàn       Sở Giáo dục và      Hằng năm
                                                         Đào tạo
 10.   Đánh giá mức độ chuyển đổi số     Sở Khoa học     Các sở, ngành;   Quý IV/2026
       của các cơ quan                   và Công nghệ    UBND các xã
"""


def test_an_appendix_sent_alone_with_its_header_words_over_two_lines():
    # "Cơ quan" over "chủ trì": the header's names in lower case under capitalised words; numbers "1." and "10."
    plan = read(APPENDIX)
    tasks = by_number(plan)
    assert sorted(tasks, key=int) == ["1", "2", "10"]
    assert tasks["1"].lead == ["Sở Giáo dục và Đào tạo"] and tasks["1"].coordinators == ["Sở Khoa học và Công nghệ"]
    assert tasks["2"].timeframe.kind == "annual"
    assert tasks["10"].coordinators == ["Các sở, ngành", "UBND các xã"]
