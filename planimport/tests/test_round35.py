"""Round 35: the cell-per-line reader (planimport/celltable.py) made general on tables it was not tuned on. Every
table here is made up (other bodies, other words than the dev set's): rows numbered on across Roman group rows,
coordinators listed one a line without commas and closing with a group, numbered group rows over decimal rows, group
rows that are tasks of their own, six columns with the product before the time, header wordings, product cells that
open with words a body's name opens with, a row cut by a page break."""

from planimport import celltable
from planimport.tests.test_variants import read


def by_number(plan):
    return {t.number: t for t in plan.tasks}


# Roman group rows; the tasks numbered on across them (4 after 3 under II); coordinators one a line, no commas
ONE_A_LINE = """PHỤ LỤC
TT
Nhiệm vụ
Chủ trì
Phối hợp
Thời hạn
I
NHÓM NHIỆM VỤ VỀ THỂ CHẾ
1
Sửa đổi Luật Bảo vệ môi trường
Bộ Nông nghiệp và Môi trường
Bộ Tư pháp
Bộ Công Thương
Bộ Y tế
Năm 2027
2
Ban hành quy chuẩn nước thải sinh hoạt
Bộ Nông nghiệp và Môi trường
Bộ Y tế
Bộ Xây dựng
Các cơ quan, tổ chức liên quan
Quý IV/2026
3
Xây dựng cơ sở dữ liệu quốc gia về
môi trường
Bộ Nông nghiệp và Môi trường
Bộ Công an
Bộ Khoa học và Công nghệ
Ủy ban nhân dân các tỉnh, thành phố
trực thuộc trung ương
2026 - 2028
II
NHÓM NHIỆM VỤ VỀ TRUYỀN THÔNG
4
Tuyên truyền về phân loại rác thải
tại nguồn
Bộ Văn hóa, Thể thao và Du lịch
Đài Truyền hình Việt Nam
Đài Tiếng nói Việt Nam
Thông tấn xã Việt Nam
Thường xuyên
5
Tổ chức Ngày Môi trường thế giới
Bộ Nông nghiệp và Môi trường
Trung ương Đoàn Thanh niên Cộng sản
Hồ Chí Minh
Hội Liên hiệp Phụ nữ Việt Nam
Hằng năm
6
Phát triển du lịch sinh thái gắn với
bảo tồn rừng
Bộ Văn hóa, Thể thao và
Du lịch
Bộ Nông nghiệp và Môi trường
UBND các xã, phường
Các cơ quan, tổ chức liên quan
Năm 2028
"""


def test_rows_numbered_on_across_roman_group_rows():
    plan = read(ONE_A_LINE)
    tasks = by_number(plan)
    assert sorted(tasks) == ["1", "2", "3", "4", "5", "6"]
    assert tasks["4"].title == "Tuyên truyền về phân loại rác thải tại nguồn"
    assert tasks["4"].timeframe.kind == "ongoing"
    assert tasks["5"].title == "Tổ chức Ngày Môi trường thế giới"
    assert "NHÓM NHIỆM VỤ VỀ TRUYỀN THÔNG" in {s.title for s in plan.sections}


def test_coordinators_listed_one_a_line_without_commas():
    tasks = by_number(read(ONE_A_LINE))
    assert tasks["1"].lead == ["Bộ Nông nghiệp và Môi trường"]
    assert tasks["1"].coordinators == ["Bộ Tư pháp", "Bộ Công Thương", "Bộ Y tế"]
    assert tasks["3"].coordinators == ["Bộ Công an", "Bộ Khoa học và Công nghệ",
                                       "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]
    assert tasks["4"].lead == ["Bộ Văn hóa, Thể thao và Du lịch"]
    assert tasks["4"].coordinators == ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam",
                                       "Thông tấn xã Việt Nam"]
    # one long name wrapped over two lines ("… Cộng sản" / "Hồ Chí Minh") is one name
    assert tasks["5"].lead == ["Bộ Nông nghiệp và Môi trường"]
    assert tasks["5"].coordinators == ["Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
                                       "Hội Liên hiệp Phụ nữ Việt Nam"]


def test_a_list_one_a_line_closing_with_a_group():
    tasks = by_number(read(ONE_A_LINE))
    assert tasks["2"].lead == ["Bộ Nông nghiệp và Môi trường"]
    assert tasks["2"].coordinators == ["Bộ Y tế", "Bộ Xây dựng", "Các cơ quan, tổ chức liên quan"]
    assert tasks["2"].timeframe.text == "Quý IV/2026"
    # a group ended ("… xã, phường") and the next line opening a name: two names
    assert tasks["6"].lead == ["Bộ Văn hóa, Thể thao và Du lịch"]
    assert tasks["6"].coordinators == ["Bộ Nông nghiệp và Môi trường", "UBND các xã, phường",
                                       "Các cơ quan, tổ chức liên quan"]


# numbered group rows (1., 2.) over decimal rows; group row 2 a task of its own; six columns, the product before the
# time; a coordinators' list one a line before a product that opens like a body's name ("Quyết định của Thủ tướng")
GROUPED = """PHỤ LỤC
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Sản phẩm
Thời gian
hoàn thành
1.
Phát triển nguồn nhân lực ngành
y tế
1.1
Đào tạo bác sĩ gia đình cho tuyến
xã
Bộ Y tế
Bộ Giáo dục và Đào tạo
Bộ Nội vụ
Chương trình đào tạo
được phê duyệt
Quý II/2027
1.2
Thu hút nhân lực y tế về vùng khó
khăn
Bộ Y tế
Ủy ban nhân dân các tỉnh
Báo cáo Thủ tướng
Chính phủ
Năm 2027
2.
Nâng cao năng lực y tế cơ sở
Bộ Y tế
Các địa phương
Đề án được phê duyệt
2026 - 2030
2.1
Đầu tư trang thiết bị cho trạm y tế
xã
Bộ Y tế
Bộ Tài chính
Ủy ban nhân dân các tỉnh,
thành phố
Quyết định của Thủ tướng
Chính phủ
Tháng 12/2026
"""


def test_group_rows_over_decimal_rows_and_a_group_row_with_cells_of_its_own():
    plan = read(GROUPED)
    tasks = by_number(plan)
    assert sorted(tasks) == ["1.1", "1.2", "2", "2.1"]
    assert "Phát triển nguồn nhân lực ngành y tế" in {s.title for s in plan.sections}
    assert tasks["1.1"].coordinators == ["Bộ Giáo dục và Đào tạo", "Bộ Nội vụ"]
    assert tasks["1.2"].coordinators == ["Ủy ban nhân dân các tỉnh"]
    assert tasks["1.2"].timeframe.text == "Năm 2027"
    assert tasks["2"].lead == ["Bộ Y tế"] and tasks["2"].coordinators == ["Các địa phương"]
    assert tasks["2"].timeframe.kind == "period"
    assert tasks["2.1"].coordinators == ["Bộ Tài chính", "Ủy ban nhân dân các tỉnh, thành phố"]
    assert tasks["2.1"].timeframe.text == "Tháng 12/2026"


def test_a_product_opening_like_a_name_stays_the_product():
    rows = [r for r in celltable.take_tables(GROUPED) if r.startswith("|")]
    last = rows[-1].strip("| ").split(" | ")
    assert last[4] == "Quyết định của Thủ tướng Chính phủ"


# a row cut by a page break (the running head, the page's number, the header again), going on in a sub-row that names
# its lead again under a coordinators' cell that ended in a group ("Các sở, ngành"): the lead is not a coordinator
SUB_ROW_AFTER_BREAK = """CÔNG BÁO/Số 77/Ngày 03-03-2026
11
PHỤ LỤC
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Kết quả
Thời gian
hoàn thành
1
Rà soát quy hoạch mạng lưới cơ sở
giáo dục nghề nghiệp
Sở Giáo dục và Đào tạo
Các sở, ngành
Báo cáo rà soát
Quý II/2026
2
Hoàn thiện cơ chế đặt hàng đào tạo
nhân lực chất lượng cao cho các khu
Sở Giáo dục và Đào tạo
Các sở, ngành
Báo cáo đề xuất
cơ chế, chính
Tháng
6/2026

CÔNG BÁO/Số 77/Ngày 03-03-2026
12
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Kết quả
Thời gian
hoàn thành
công nghiệp của tỉnh
sách đặt hàng
đào tạo
Sở Giáo dục và Đào tạo
Các sở, ngành
Quyết định của
UBND tỉnh
Tháng
10/2026
3
Tổng kết công tác tuyển sinh
Sở Giáo dục và Đào tạo
Sở Nội vụ
Báo cáo tổng kết
Năm 2026
"""


def test_a_sub_row_after_a_page_break_under_a_group_is_no_coordinator():
    tasks = by_number(read(SUB_ROW_AFTER_BREAK))
    assert sorted(tasks) == ["1", "2", "3"]
    assert tasks["2"].lead == ["Sở Giáo dục và Đào tạo"]
    assert tasks["2"].coordinators == ["Các sở, ngành"]
    assert tasks["2"].timeframe.text == "Tháng 6/2026"
    assert tasks["3"].coordinators == ["Sở Nội vụ"]


# header cells "Cơ quan, đơn vị" / "chủ trì"; a place's name wrapped ("Thành phố" / "Hồ Chí Minh"), a proper name
# ending a line ("… Việt Nam") before a product opening with a document's word ("Báo cáo …"); other time cells
WRAPPED_NAMES = """CÔNG BÁO/Số 412/Ngày 20-06-2026
5
PHỤ LỤC
KẾ HOẠCH TRIỂN KHAI
STT
Nhiệm vụ, giải pháp
Cơ quan, đơn vị
chủ trì
Cơ quan, đơn vị
phối hợp
Sản phẩm
Thời gian
hoàn thành
1.
Xây dựng cơ chế thí điểm phát triển
trung tâm tài chính quốc tế
Bộ Tài chính
Ngân hàng Nhà nước
Việt Nam
Ủy ban nhân dân Thành phố
Hồ Chí Minh
Nghị quyết của Chính phủ
Quý I năm 2027
2.
Phát triển thị trường trái phiếu doanh
nghiệp minh bạch
Ủy ban Chứng khoán Nhà nước
Liên đoàn Thương mại và Công
nghiệp Việt Nam
Hiệp hội Ngân hàng Việt Nam
Báo cáo đánh giá
Trước ngày 30/6/2026
3.
Rà soát danh mục dự án đầu tư công
trung hạn
Bộ Tài chính
Các bộ, ngành, địa phương
Danh mục được rà soát
6 tháng đầu năm 2026
4.
Tăng cường kiểm tra dự án chậm
tiến độ
Thanh tra Chính phủ
Bộ Tài chính
Bộ Xây dựng
Kết luận kiểm tra
Tháng 12 năm 2026
"""


def test_a_name_wrapped_at_a_place_and_a_product_after_a_proper_name():
    tasks = by_number(read(WRAPPED_NAMES))
    assert sorted(tasks) == ["1", "2", "3", "4"]
    assert tasks["1"].lead == ["Bộ Tài chính"]
    assert tasks["1"].coordinators == ["Ngân hàng Nhà nước Việt Nam", "Ủy ban nhân dân Thành phố Hồ Chí Minh"]
    assert tasks["1"].timeframe.text == "Quý I năm 2027"
    assert tasks["2"].lead == ["Ủy ban Chứng khoán Nhà nước"]
    assert tasks["2"].coordinators == ["Liên đoàn Thương mại và Công nghiệp Việt Nam", "Hiệp hội Ngân hàng Việt Nam"]
    assert str(tasks["2"].timeframe.due) == "2026-06-30"
    assert tasks["3"].coordinators == ["Các bộ, ngành, địa phương"]
    assert tasks["4"].lead == ["Thanh tra Chính phủ"] and tasks["4"].coordinators == ["Bộ Tài chính", "Bộ Xây dựng"]


# lettered group rows (A, B) over Roman groups and numbered rows; a dash for an empty coordinators' cell
LETTERED = """PHỤ LỤC
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời gian hoàn thành
A
NHIỆM VỤ CHUNG
1
Quán triệt nội dung Chiến lược tới
cán bộ, công chức
Các bộ, ngành, địa phương
-
Hội nghị quán triệt
Quý III/2026
2
Xây dựng kế hoạch thực hiện Chiến
lược
Các bộ, ngành, địa phương
Bộ Tài chính
Kế hoạch
Năm 2026
B
NHIỆM VỤ CỤ THỂ
I
Lĩnh vực năng lượng
1
Điều chỉnh quy hoạch phát triển điện
lực quốc gia
Bộ Công Thương
Bộ Tài chính
Quyết định của Thủ tướng
Chính phủ
Năm 2027
2
Phát triển điện gió ngoài khơi
Bộ Công Thương
Bộ Quốc phòng
Bộ Ngoại giao
Đề án
2026 - 2030
"""


def test_lettered_group_rows_over_roman_groups():
    plan = read(LETTERED)
    titles = [t.title for t in plan.tasks]
    assert titles == ["Quán triệt nội dung Chiến lược tới cán bộ, công chức",
                      "Xây dựng kế hoạch thực hiện Chiến lược",
                      "Điều chỉnh quy hoạch phát triển điện lực quốc gia", "Phát triển điện gió ngoài khơi"]
    sections = {s.title for s in plan.sections}
    assert {"NHIỆM VỤ CHUNG", "NHIỆM VỤ CỤ THỂ", "Lĩnh vực năng lượng"} <= sections
    first, second, third, fourth = plan.tasks
    assert first.lead == ["Các bộ, ngành, địa phương"] and first.coordinators == []
    assert first.timeframe.text == "Quý III/2026"
    assert second.coordinators == ["Bộ Tài chính"]
    assert third.lead == ["Bộ Công Thương"] and third.coordinators == ["Bộ Tài chính"]
    assert fourth.coordinators == ["Bộ Quốc phòng", "Bộ Ngoại giao"] and fourth.timeframe.kind == "period"


# a coordinators' list one a line cut by a page break before the row's product and time: the list goes on after it
LIST_ACROSS_A_BREAK = """CÔNG BÁO/Số 520/Ngày 02-07-2026
33
PHỤ LỤC
TT
Nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Sản phẩm
Thời gian
thực hiện
1
Xây dựng Đề án phát triển nhân lực
ngành bán dẫn đến năm 2030
Bộ Giáo dục và
Đào tạo
Bộ Khoa học và
Công nghệ
Bộ Tài chính
Đề án trình Thủ
tướng Chính phủ
Quý
III/2026
2
Hình thành quỹ hỗ trợ đổi mới sáng
tạo trong doanh nghiệp nhỏ và vừa
Bộ Tài chính
Bộ Khoa học và
Công nghệ

CÔNG BÁO/Số 520/Ngày 02-07-2026
34
TT
Nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Sản phẩm
Thời gian
thực hiện
Ngân hàng Nhà
nước Việt Nam
Quyết định thành
lập Quỹ
2026 -
2027
3
Tổ chức đánh giá năng lực đổi mới
sáng tạo cấp tỉnh
Bộ Khoa học và
Công nghệ
Bộ Nội vụ
Báo cáo đánh giá
Hằng năm
"""


def test_a_list_one_a_line_goes_on_after_a_page_break():
    tasks = by_number(read(LIST_ACROSS_A_BREAK))
    assert sorted(tasks) == ["1", "2", "3"]
    assert tasks["1"].lead == ["Bộ Giáo dục và Đào tạo"]
    assert tasks["1"].coordinators == ["Bộ Khoa học và Công nghệ", "Bộ Tài chính"]
    assert tasks["1"].timeframe.text == "Quý III/2026"
    assert tasks["2"].lead == ["Bộ Tài chính"]
    assert tasks["2"].coordinators == ["Bộ Khoa học và Công nghệ", "Ngân hàng Nhà nước Việt Nam"]
    assert tasks["2"].timeframe.text == "2026 - 2027" and tasks["2"].timeframe.kind == "period"
    rows = [r for r in celltable.take_tables(LIST_ACROSS_A_BREAK) if r.startswith("| 2 |")]
    assert rows[0].split(" | ")[4] == "Quyết định thành lập Quỹ"


# a header of two levels: "Cơ quan thực hiện" spanning "Chủ trì" and "Phối hợp", the sub-header's cells read after
# the top level's (after "Thời gian hoàn thành" too)
TWO_LEVELS = """PHỤ LỤC
TT
Nhiệm vụ
Cơ quan thực hiện
Thời gian
hoàn thành
Chủ trì
Phối hợp
1
Xây dựng hướng dẫn kỹ thuật về
chuyển đổi xanh
Bộ Công Thương
Bộ Tài chính
Quý IV/2026
2
Đánh giá tác động của chính sách
Bộ Công Thương
Các bộ, ngành
Năm 2027
"""


def test_a_header_of_two_levels_gives_its_sub_columns_their_place():
    tasks = by_number(read(TWO_LEVELS))
    assert sorted(tasks) == ["1", "2"]
    assert tasks["1"].title == "Xây dựng hướng dẫn kỹ thuật về chuyển đổi xanh"
    assert tasks["1"].lead == ["Bộ Công Thương"] and tasks["1"].coordinators == ["Bộ Tài chính"]
    assert tasks["1"].timeframe.text == "Quý IV/2026"
    assert tasks["2"].coordinators == ["Các bộ, ngành"] and tasks["2"].timeframe.text == "Năm 2027"
    # the sub-header right under its spanning cell reads the same
    adjacent = TWO_LEVELS.replace("Thời gian\nhoàn thành\nChủ trì\nPhối hợp\n",
                                  "Chủ trì\nPhối hợp\nThời gian\nhoàn thành\n")
    assert [(t.lead, t.coordinators) for t in read(adjacent).tasks] == [(t.lead, t.coordinators)
                                                                         for t in read(TWO_LEVELS).tasks]


# names the importer does not know, one a line: a line ending in a proper name ("… Việt Nam", "… Khánh Hòa") and the
# next opening a body's name ("Ủy ban …", "Trường …") are two names; a name wrapped before its place is one
UNKNOWN_NAMES = """PHỤ LỤC
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời gian hoàn thành
1
Nâng cấp nhà ga hành khách
Bộ Xây dựng
Cục Hàng không Việt Nam
Tổng công ty Cảng hàng không
Việt Nam
Ủy ban nhân dân tỉnh Khánh Hòa
Nhà ga được đưa vào khai thác
Năm 2028
2
Đào tạo nhân lực kiểm soát không lưu
Tổng công ty Quản lý bay Việt Nam
Học viện Hàng không Việt Nam
Trường Đại học Giao thông vận tải
Chương trình đào tạo
Thường xuyên
"""


def test_unknown_names_one_a_line_part_at_a_proper_name():
    tasks = by_number(read(UNKNOWN_NAMES))
    assert tasks["1"].lead == ["Bộ Xây dựng"]
    assert tasks["1"].coordinators == ["Cục Hàng không Việt Nam", "Tổng công ty Cảng hàng không Việt Nam",
                                       "Ủy ban nhân dân tỉnh Khánh Hòa"]
    assert tasks["1"].timeframe.text == "Năm 2028"
    assert tasks["2"].lead == ["Tổng công ty Quản lý bay Việt Nam"]
    assert tasks["2"].coordinators == ["Học viện Hàng không Việt Nam", "Trường Đại học Giao thông vận tải"]


# a page break after a row's lead, its coordinators one a line on the next page; a time cell cut by a break ("Quý" /
# "III/2026")
COORDINATORS_AFTER_BREAK = """CÔNG BÁO/Số 700/Ngày 01-09-2026
9
PHỤ LỤC
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời gian hoàn thành
1
Xây dựng chiến lược phát triển
ngành dược
Bộ Y tế
Bộ Công Thương
Chiến lược được
phê duyệt
Năm 2026
2
Phát triển vùng trồng dược liệu gắn
với chế biến sâu tại các tỉnh miền
núi phía Bắc
Bộ Nông nghiệp và
Môi trường

CÔNG BÁO/Số 700/Ngày 01-09-2026
10
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời gian hoàn thành
Bộ Y tế
Ủy ban nhân dân các
tỉnh liên quan
Đề án phát triển
vùng dược liệu
2026 - 2030
3
Kiểm tra chất lượng thuốc lưu hành
Bộ Y tế
Bộ Công an
Bộ Công Thương
Báo cáo kiểm tra
Quý

CÔNG BÁO/Số 700/Ngày 01-09-2026
11
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời gian hoàn thành
III/2026
4
Tổng kết chương trình
Bộ Y tế
Các bộ, ngành
Báo cáo
Năm 2030
"""


def test_coordinators_one_a_line_after_a_page_break():
    tasks = by_number(read(COORDINATORS_AFTER_BREAK))
    assert sorted(tasks) == ["1", "2", "3", "4"]
    assert tasks["2"].lead == ["Bộ Nông nghiệp và Môi trường"]
    assert tasks["2"].coordinators == ["Bộ Y tế", "Ủy ban nhân dân các tỉnh liên quan"]
    assert tasks["2"].timeframe.kind == "period"
    assert tasks["3"].coordinators == ["Bộ Công an", "Bộ Công Thương"]
    assert tasks["3"].timeframe.text == "Quý III/2026"
    assert tasks["4"].coordinators == ["Các bộ, ngành"]


# one agency column ("Cơ quan thực hiện"), no coordinators' column: its bodies one a line are its list
ONE_AGENCY_COLUMN = """PHỤ LỤC
TT
Nội dung
Cơ quan thực hiện
Thời gian
1
Tổ chức tuyên truyền về Luật Dữ liệu
Bộ Công an
Bộ Văn hóa, Thể thao và Du lịch
Năm 2026
2
Kiểm tra việc thực hiện
Bộ Công an
Quý IV/2026
3
Báo cáo kết quả
Các bộ, ngành
Ủy ban nhân dân các tỉnh, thành phố
Tháng 12/2026
"""


def test_one_agency_column_lists_its_bodies_one_a_line():
    tasks = by_number(read(ONE_AGENCY_COLUMN))
    assert tasks["1"].lead == ["Bộ Công an", "Bộ Văn hóa, Thể thao và Du lịch"]
    assert tasks["2"].lead == ["Bộ Công an"]
    assert tasks["3"].title == "Báo cáo kết quả"
    assert tasks["3"].lead == ["Các bộ, ngành", "Ủy ban nhân dân các tỉnh, thành phố"]
    assert tasks["3"].timeframe.text == "Tháng 12/2026"


# a header in capitals, each name over lines ("CƠ QUAN" / "CHỦ TRÌ", "THỜI GIAN" / "HOÀN THÀNH")
CAPITALS = """PHỤ LỤC
TT
NỘI DUNG NHIỆM VỤ
CƠ QUAN
CHỦ TRÌ
CƠ QUAN
PHỐI HỢP
KẾT QUẢ
ĐẦU RA
THỜI GIAN
HOÀN THÀNH
1
Ban hành kế hoạch chuyển đổi số
ngành ngân hàng
Ngân hàng Nhà nước Việt Nam
Bộ Khoa học và Công nghệ
Kế hoạch
Quý III/2026
2
Xây dựng hệ thống giám sát giao dịch
điện tử
Ngân hàng Nhà nước Việt Nam
Bộ Công an
Hệ thống được vận hành
Năm 2027
"""


def test_a_header_in_capitals():
    rows = [r for r in celltable.take_tables(CAPITALS) if r.startswith("|")]
    assert rows[0] == ("| TT | NỘI DUNG NHIỆM VỤ | CƠ QUAN CHỦ TRÌ | CƠ QUAN PHỐI HỢP | KẾT QUẢ ĐẦU RA "
                       "| THỜI GIAN HOÀN THÀNH |")
    tasks = by_number(read(CAPITALS))
    assert tasks["1"].lead == ["Ngân hàng Nhà nước Việt Nam"]
    assert tasks["1"].coordinators == ["Bộ Khoa học và Công nghệ"]
    assert tasks["1"].timeframe.text == "Quý III/2026"
    assert tasks["2"].coordinators == ["Bộ Công an"] and tasks["2"].timeframe.text == "Năm 2027"


# the product right after the title (its cell opening with a document's word), a note after the time
PRODUCT_AFTER_TITLE = """PHỤ LỤC
TT
Nhiệm vụ
Sản phẩm
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian thực hiện
Ghi chú
1
Xây dựng Chiến lược phát triển
ngành công nghiệp văn hóa
Quyết định của Thủ tướng
Chính phủ
Bộ Văn hóa, Thể thao và Du lịch
Bộ Tài chính
Bộ Công Thương
Năm 2026
Nhiệm vụ mới
2
Tổ chức Tuần lễ Văn hóa Việt Nam ở
nước ngoài
Chương trình sự kiện
Bộ Văn hóa, Thể thao và Du lịch
Bộ Ngoại giao
Hằng năm
3
Đề án bảo tồn di sản văn hóa phi
vật thể
Đề án trình Thủ tướng Chính phủ
Bộ Văn hóa, Thể thao và Du lịch
Ủy ban nhân dân các tỉnh
2026 - 2027
Chuyển tiếp
"""


def test_a_product_right_after_the_title_and_a_note_after_the_time():
    tasks = by_number(read(PRODUCT_AFTER_TITLE))
    assert tasks["1"].title == "Xây dựng Chiến lược phát triển ngành công nghiệp văn hóa"
    assert tasks["1"].lead == ["Bộ Văn hóa, Thể thao và Du lịch"]
    assert tasks["1"].coordinators == ["Bộ Tài chính", "Bộ Công Thương"]
    assert tasks["1"].timeframe.text == "Năm 2026"
    assert tasks["2"].title == "Tổ chức Tuần lễ Văn hóa Việt Nam ở nước ngoài"
    assert tasks["3"].title == "Đề án bảo tồn di sản văn hóa phi vật thể"
    assert tasks["3"].timeframe.text == "2026 - 2027"
    rows = [r for r in celltable.take_tables(PRODUCT_AFTER_TITLE) if r.startswith("| 1 |")]
    assert rows[0].split(" | ")[2] == "Quyết định của Thủ tướng Chính phủ"
    assert rows[0].split(" | ")[6].strip(" |") == "Nhiệm vụ mới"


# a group named by its level ("Các bộ, cơ quan trung ương", "Các đơn vị ở trung ương") ends a name too
GROUPS_BY_LEVEL = """PHỤ LỤC
TT
Tên nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Kết quả
Thời gian hoàn thành
1
Hoàn thiện cơ chế quản lý tài sản
công tại đơn vị sự nghiệp
Bộ Tài chính
Các bộ, cơ quan trung ương
Ủy ban nhân dân cấp tỉnh
Nghị định sửa đổi
Năm 2026
2
Kiểm tra việc quản lý tài sản công
Bộ Tài chính
Các đơn vị ở trung ương
Kho bạc Nhà nước
Báo cáo kiểm tra
Hằng năm
"""


def test_a_group_named_by_its_level_ends_a_name():
    tasks = by_number(read(GROUPS_BY_LEVEL))
    assert tasks["1"].coordinators == ["Các bộ, cơ quan trung ương", "Ủy ban nhân dân cấp tỉnh"]
    assert tasks["1"].timeframe.text == "Năm 2026"
    assert tasks["2"].coordinators == ["Các đơn vị ở trung ương", "Kho bạc Nhà nước"]


# a product opening with "Bộ" or "Sở" in its common sense ("Bộ chỉ số …", "Bộ công cụ …"): no ministry's name
A_SET_NOT_A_MINISTRY = """PHỤ LỤC
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời gian hoàn thành
1
Đánh giá mức độ chuyển đổi số
Bộ Khoa học và Công nghệ
Văn phòng Chính phủ
Bộ chỉ số đánh giá
2026 - 2030
2
Hướng dẫn tự đánh giá an toàn dữ liệu
Bộ Công an
Bộ Khoa học và Công nghệ
Bộ công cụ hướng dẫn
Năm 2027
"""


def test_a_set_named_bo_is_no_ministry():
    tasks = by_number(read(A_SET_NOT_A_MINISTRY))
    assert tasks["1"].coordinators == ["Văn phòng Chính phủ"]
    assert tasks["1"].timeframe.kind == "period"
    assert tasks["2"].coordinators == ["Bộ Khoa học và Công nghệ"]


# a dash marking an empty cell ("-" for no coordinators, no product, no time) is no cell's words
DASHES = """PHỤ LỤC
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời gian hoàn thành
1
Quán triệt nội dung Chiến lược
Các bộ, ngành, địa phương
-
Hội nghị quán triệt
Quý III/2026
2
Xây dựng kế hoạch hành động
Bộ Tài chính
Các bộ, ngành
-
Năm 2026
3
Theo dõi, đôn đốc thực hiện
Văn phòng Chính phủ
Các bộ, ngành
Báo cáo
–
"""


def test_a_dash_for_an_empty_cell_is_no_words():
    tasks = by_number(read(DASHES))
    assert tasks["1"].coordinators == [] and tasks["1"].timeframe.text == "Quý III/2026"
    assert tasks["2"].timeframe.text == "Năm 2026"
    assert tasks["3"].timeframe.text == ""
    rows = [r for r in celltable.take_tables(DASHES) if r.startswith("|")]
    assert not any(" - " in r or " – " in r or "| -" in r for r in rows)
