"""Round 33: task tables laid out one cell line per line (what a PDF's text layer gives for a table drawn in narrow
columns, the Công báo's appendices), read by planimport/celltable.py into the "|" rows the other table readers give.
Every table here is made up: other column sets and orders than the dev set's, cells wrapped over lines, a page break
inside a row with the running head, the page's number, the header again and a footnote, two cells on one line, group
rows, a sub-row naming the row's bodies again."""

from planimport import celltable
from planimport.tests.test_variants import read


def by_number(plan):
    return {t.number: t for t in plan.tasks}


BASIC = """II. NHIỆM VỤ CỤ THỂ
Các nhiệm vụ cụ thể tại bảng sau:
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Kết quả
(Sản phẩm)
Thời gian
hoàn thành
1
Xây dựng cơ sở dữ liệu đất
đai dùng chung của tỉnh
Sở Nông nghiệp và
Môi trường
Sở Tài chính,
Công an tỉnh
Cơ sở dữ liệu
được vận hành
Quý II/2026
2  Tổ chức tập huấn kỹ năng số cho
cán bộ, công chức cấp xã
Sở Nội vụ
UBND các xã,
phường
Các lớp tập
huấn
Thường
xuyên
3
Kiểm tra việc thực hiện quy chế
bảo đảm an toàn thông tin
Công an tỉnh
Sở Khoa học và
Công nghệ
Báo cáo kết quả
kiểm tra
Tháng
9/2026
"""


def test_a_table_one_cell_line_per_line_gives_its_tasks():
    tasks = by_number(read(BASIC))
    assert sorted(tasks) == ["1", "2", "3"]
    assert tasks["1"].title == "Xây dựng cơ sở dữ liệu đất đai dùng chung của tỉnh"
    assert tasks["1"].lead == ["Sở Nông nghiệp và Môi trường"]  # a name wrapped over two lines
    assert tasks["1"].coordinators == ["Sở Tài chính", "Công an tỉnh"]
    assert tasks["1"].timeframe.text == "Quý II/2026"
    # the number and the title's first line on one line, parted by a run of spaces
    assert tasks["2"].title == "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã"
    assert tasks["2"].lead == ["Sở Nội vụ"]
    assert tasks["2"].coordinators == ["UBND các xã, phường"]
    assert tasks["2"].timeframe.kind == "ongoing"  # "Thường" / "xuyên"
    assert tasks["3"].lead == ["Công an tỉnh"]
    assert tasks["3"].coordinators == ["Sở Khoa học và Công nghệ"]
    assert tasks["3"].timeframe.text == "Tháng 9/2026" and str(tasks["3"].timeframe.due) == "2026-09-30"


# the time before the agencies, no product, a "Ghi chú" column last; the header's cells in another order
TIME_FIRST = """III. PHÂN CÔNG NHIỆM VỤ
STT
Nội dung nhiệm vụ
Thời gian
thực hiện
Đơn vị chủ trì
Đơn vị phối hợp
Ghi chú
1
Rà soát, sửa đổi quy chế phối hợp
quản lý cụm công nghiệp
Tháng 6/2026
Sở Công Thương
Sở Xây dựng,
Sở Tài chính
Trình UBND tỉnh
2
Tổ chức hội nghị xúc tiến đầu tư
vào các cụm công nghiệp
2026 và
hằng năm
Ban Quản lý các
khu công nghiệp
Sở Công Thương
3
Đánh giá kết quả thực hiện
Quý IV/2026
Sở Công Thương
Các sở, ngành
"""


def test_the_columns_order_is_read_from_the_header():
    tasks = by_number(read(TIME_FIRST))
    assert sorted(tasks) == ["1", "2", "3"]
    assert tasks["1"].title == "Rà soát, sửa đổi quy chế phối hợp quản lý cụm công nghiệp"
    assert tasks["1"].timeframe.text == "Tháng 6/2026"
    assert tasks["1"].lead == ["Sở Công Thương"]
    assert tasks["1"].coordinators == ["Sở Xây dựng", "Sở Tài chính"]
    assert tasks["2"].timeframe.text == "2026 và hằng năm" and tasks["2"].timeframe.kind == "annual"
    assert tasks["2"].lead == ["Ban Quản lý các khu công nghiệp"]
    assert tasks["2"].coordinators == ["Sở Công Thương"]
    # a row with no note and a group of coordinators
    assert tasks["3"].lead == ["Sở Công Thương"] and tasks["3"].coordinators == ["Các sở, ngành"]


# a page break inside row 2: the page's foot with a footnote, the running head and the page's number, the header
# again; the row's title, its coordinators and its product go on after it
PAGE_BREAK = """CÔNG BÁO/Số 15/Ngày 10-01-2026
31
PHỤ LỤC
DANH MỤC NHIỆM VỤ
TT
Tên nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời hạn
1
Xây dựng kế hoạch chuyển đổi số
ngành tư pháp giai đoạn 2026 - 2030
Bộ Tư pháp
Bộ Khoa học và
Công nghệ
Kế hoạch được
ban hành
Quý I/2026
2
Hoàn thiện quy định về chứng thực
điện tử, bảo đảm kết nối với Cơ sở
Bộ Tư pháp
Bộ Công an,
Bộ Tài
Nghị định được
 
1 Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo.

CÔNG BÁO/Số 15/Ngày 10-01-2026
32
TT
Tên nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Sản phẩm
Thời hạn
dữ liệu quốc gia về dân cư
chính
ban hành
Năm 2026
3
Tổng kết việc thi hành pháp luật về
công chứng
Bộ Tư pháp
Các bộ, ngành
Báo cáo tổng kết
Tháng 10/2026
"""


def test_a_row_goes_on_after_a_page_break_its_furniture_dropped():
    tasks = by_number(read(PAGE_BREAK))
    assert sorted(tasks) == ["1", "2", "3"]
    assert tasks["1"].coordinators == ["Bộ Khoa học và Công nghệ"]
    # the title as it reads up to the break (the dev set's keys' convention: a title verbatim in the text)
    assert tasks["2"].title == "Hoàn thiện quy định về chứng thực điện tử, bảo đảm kết nối với Cơ sở"
    assert tasks["2"].lead == ["Bộ Tư pháp"]
    # "Bộ Tài" / (the break) / "chính": the name whole
    assert tasks["2"].coordinators == ["Bộ Công an", "Bộ Tài chính"]
    assert tasks["2"].timeframe.text == "Năm 2026"
    assert tasks["3"].lead == ["Bộ Tư pháp"] and tasks["3"].timeframe.text == "Tháng 10/2026"
    text = " ".join(f"{t.title} {t.product if hasattr(t, 'product') else ''}" for t in tasks.values())
    assert "CÔNG BÁO" not in text and "57-NQ/TW" not in text and "Tên nhiệm vụ" not in text


def test_the_furniture_is_not_in_any_cell():
    rows = [line for line in celltable.take_tables(PAGE_BREAK) if line.startswith("|")]
    assert len(rows) == 4  # the header and three rows
    assert not any("CÔNG BÁO" in r or "Nghị quyết số 57" in r or "Cơ quan chủ trì" in r for r in rows[1:])
    assert rows[2].split(" | ")[4].startswith("Nghị định được")


# two cells on one line, parted by a run of spaces; a cell's own run of spaces at a line's end
TWO_ON_A_LINE = """II. NHIỆM VỤ
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời gian
hoàn thành
1
Thực hiện nghiêm quy định về công khai
thủ tục hành chính
Các bộ,          
cơ quan ngang bộ  Bộ Tư pháp
Thường xuyên
2
Xây dựng bộ chỉ số đánh giá
Bộ Tư pháp  Các bộ, ngành
2026
"""


def test_two_cells_on_one_line_are_two_cells():
    tasks = by_number(read(TWO_ON_A_LINE))
    assert tasks["1"].lead == ["Các bộ, cơ quan ngang bộ"]
    assert tasks["1"].coordinators == ["Bộ Tư pháp"]
    assert tasks["1"].timeframe.kind == "ongoing"
    assert tasks["2"].lead == ["Bộ Tư pháp"] and tasks["2"].coordinators == ["Các bộ, ngành"]
    assert str(tasks["2"].timeframe.due) == "2026-12-31"


# Roman group rows with their headings, rows numbered anew under each; a row's number and title parted by one space
GROUPS = """PHỤ LỤC
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
I.
Hoàn thiện thể chế về
kinh tế số
1.
Xây dựng Luật Kinh tế số
Bộ Khoa học và
Công nghệ
Bộ Tư pháp
Năm 2026
2.
Rà soát các văn bản hướng dẫn
Bộ Tư pháp
Bộ Khoa học và
Công nghệ
Quý III/2026
II.
Phát triển hạ tầng số
1. Đầu tư mạng 5G tại các khu
công nghiệp
Bộ Khoa học và
Công nghệ
UBND các tỉnh,
thành phố
2026 - 2030
"""


def test_group_rows_are_sections_and_rows_number_anew_under_them():
    plan = read(GROUPS)
    titles = [t.title for t in plan.tasks]
    assert titles == ["Xây dựng Luật Kinh tế số", "Rà soát các văn bản hướng dẫn",
                      "Đầu tư mạng 5G tại các khu công nghiệp"]
    sections = {s.title for s in plan.sections}
    assert "Hoàn thiện thể chế về kinh tế số" in sections and "Phát triển hạ tầng số" in sections
    last = plan.tasks[-1]
    assert last.lead == ["Bộ Khoa học và Công nghệ"]
    assert last.coordinators == ["UBND các tỉnh, thành phố"]
    assert last.timeframe.kind == "period"
    assert plan.tasks[0].lead == ["Bộ Khoa học và Công nghệ"] and plan.tasks[0].coordinators == ["Bộ Tư pháp"]


# a row going on in a second, unnumbered sub-row: its bodies again, a second product, a later time
SUB_ROW = """PHỤ LỤC
TT
Tên nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Kết quả
Thời gian hoàn thành
1
Thể chế hóa chủ trương phát triển
kinh tế tư nhân
Bộ Tài chính
Các bộ, ngành
Báo cáo chuyên
đề
Tháng 5/2026
Bộ Tài chính
Các bộ, ngành
Báo cáo kết quả
thể chế hóa
Tháng 11/2026
2
Tổng kết thi hành Luật Doanh nghiệp
Bộ Tài chính
Bộ Tư pháp
Báo cáo tổng kết
Năm 2026
"""


def test_a_sub_row_naming_the_bodies_again_is_the_same_task():
    tasks = by_number(read(SUB_ROW))
    assert sorted(tasks) == ["1", "2"]
    assert tasks["1"].lead == ["Bộ Tài chính"]
    assert tasks["1"].coordinators == ["Các bộ, ngành"]
    assert tasks["1"].timeframe.text == "Tháng 5/2026"  # the row's first time
    assert tasks["2"].coordinators == ["Bộ Tư pháp"]


# a lead cell with a role in brackets, a second lead after it; "Thủ tướng" / "Chính phủ" in a product's lines
ROLES = """PHỤ LỤC
TT
Tên nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Kết quả
Thời gian hoàn thành
1
Rà soát điều kiện đầu tư kinh doanh
Bộ Tư pháp (đối
với thủ tục hành
chính), Bộ Tài
chính
Các bộ, cơ quan
ngang bộ
Đề án trình Thủ tướng
Chính phủ
Tháng 8/2026
2
Xây dựng chuyên mục pháp luật trên
Đài Truyền hình Việt Nam
Bộ Tư pháp
Đài Truyền hình
Việt Nam, Đài
Tiếng nói Việt
Nam
Các số chuyên
mục được phát
sóng
Thường xuyên
"""


def test_a_role_in_brackets_is_no_part_of_a_name_and_names_wrap_anywhere():
    tasks = by_number(read(ROLES))
    assert tasks["1"].lead == ["Bộ Tư pháp", "Bộ Tài chính"]
    assert tasks["1"].coordinators == ["Các bộ, cơ quan ngang bộ"]
    assert tasks["1"].timeframe.text == "Tháng 8/2026"
    assert tasks["2"].coordinators == ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam"]
    assert tasks["2"].timeframe.kind == "ongoing"


def test_text_without_such_a_table_is_left_alone():
    text = """KẾ HOẠCH
Triển khai nhiệm vụ năm 2026
I. NHIỆM VỤ
1. Xây dựng kho dữ liệu dùng chung
- Chủ trì: Sở Khoa học và Công nghệ
- Phối hợp: Sở Tài chính
- Thời gian: Quý II/2026
2. Tập huấn kỹ năng số
- Chủ trì: Sở Nội vụ
- Thời gian: Năm 2026
3. Kiểm tra an toàn thông tin
- Chủ trì: Công an tỉnh
- Thời gian: Thường xuyên
"""
    assert celltable.take_tables(text) is None
    assert celltable.pipe_tables(text) == text


# a task given as one table row in labelled, numbered lines (a resolution's article amending one task)
RECORD = """Điều 2. Điều chỉnh nhiệm vụ tại mục IV của Phụ lục như sau:
1. Tên nhiệm vụ: Xây dựng Đề án phát triển mạng lưới chuyên gia
pháp lý hỗ trợ doanh nghiệp nhỏ và vừa.
2. Cơ quan chủ trì: Bộ Tư pháp.
3. Cơ quan phối hợp: Bộ Tài chính, Bộ Công Thương.
4. Kết quả: Quyết định của Thủ tướng Chính phủ phê duyệt Đề án.
5. Thời gian hoàn thành: Quý III/2026.
Điều 3. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.
"""


def test_a_task_in_labelled_numbered_lines_is_one_task():
    plan = read(RECORD)
    assert len(plan.tasks) == 1
    task = plan.tasks[0]
    assert task.title.startswith("Xây dựng Đề án phát triển mạng lưới chuyên gia pháp lý hỗ trợ")
    assert task.lead == ["Bộ Tư pháp"]
    assert task.coordinators == ["Bộ Tài chính", "Bộ Công Thương"]
    assert task.timeframe.text == "Quý III/2026"


# narrow columns wrapped word by word: initials closing a name, a place's name over two lines, a cell broken after a
# phrase's word ("tại", "Ủy") at a page's foot, a list of bodies going on after the page break
NARROW = """CÔNG BÁO/Số 20/Ngày 15-02-2026
41
PHỤ LỤC
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ
quan
phối hợp
Kết quả
Thời hạn
hoàn thành
1.
Phổ biến pháp luật cho các tổ chức
phi chính phủ nước ngoài.
Bộ Ngoại
giao
Các
Bộ,
ngành, Ủy
ban Công tác
về
các
tổ
chức
PCPNN
Chương trình, kế
hoạch tuyên truyền
Thường
xuyên
2.
Nâng cao vai trò của các cơ quan đại
diện ở nước ngoài.
Bộ Ngoại
giao
Các cơ quan
đại diện Việt
Nam
tại
nước ngoài
Chương trình, kế
hoạch triển khai
Thường
xuyên
3.
Kiện toàn tổ chức của Ủy ban Công
tác về các tổ chức phi chính phủ tại
Bộ Ngoại
giao
Bộ Công an,
Bộ
Tài
chính,
các
Quyết định kiện
toàn Ủy
2026
 

CÔNG BÁO/Số 20/Ngày 15-02-2026
42
Việt Nam theo hướng tinh gọn.
Bộ,
ngành
liên quan
ban Công tác
4.
Tổng kết công tác phi chính phủ
Bộ Ngoại
giao
Các
Bộ,
ngành
Báo cáo
2027
"""


def test_narrow_columns_wrapped_word_by_word():
    tasks = by_number(read(NARROW))
    assert sorted(tasks) == ["1", "2", "3", "4"]
    assert tasks["1"].lead == ["Bộ Ngoại giao"]
    # "PCPNN" closes the name before the product's cell
    assert tasks["1"].coordinators == ["Các Bộ, ngành", "Ủy ban Công tác về các tổ chức PCPNN"]
    # "Việt" / "Nam": a proper name going on, not the product's first word
    assert tasks["2"].coordinators == ["Các cơ quan đại diện Việt Nam tại nước ngoài"]
    # the lead after a title line ending "tại"; the time after a product line ending "Ủy"
    assert tasks["3"].title == "Kiện toàn tổ chức của Ủy ban Công tác về các tổ chức phi chính phủ tại"
    assert tasks["3"].lead == ["Bộ Ngoại giao"]
    assert str(tasks["3"].timeframe.due) == "2026-12-31"
    # the coordinators' "các" / (the break) / "Bộ, ngành liên quan": the list goes on, not the lead
    assert tasks["3"].coordinators == ["Bộ Công an", "Bộ Tài chính", "các Bộ, ngành liên quan"]
    assert tasks["4"].coordinators == ["Các Bộ, ngành"] and str(tasks["4"].timeframe.due) == "2027-12-31"


# --- a reviewer's findings (session 16): long tables, a time cell repeated before the next row's number, long rows --

LEADS = ["Sở Nội vụ", "Sở Tài chính", "Công an tỉnh", "Sở Y tế", "Sở Xây dựng"]


def _long_table(rows, time=lambda k: f"Quý {'I' * (1 + k % 3)}/2026"):
    out = ["II. NHIỆM VỤ CỤ THỂ", "TT", "Tên nhiệm vụ", "Cơ quan", "chủ trì", "Cơ quan", "phối hợp", "Thời gian",
           "hoàn thành"]
    for k in range(1, rows + 1):
        out += [str(k), f"Xây dựng cơ sở dữ liệu chuyên ngành", f"số {k} của tỉnh", LEADS[k % 5],
                "UBND các xã,", "phường", time(k)]
    return "\n".join(out) + "\n"


def test_a_table_of_more_than_99_rows_reads_every_row():
    tasks = by_number(read(_long_table(105)))
    assert len(tasks) == 105
    assert tasks["100"].title == "Xây dựng cơ sở dữ liệu chuyên ngành số 100 của tỉnh"
    assert tasks["100"].lead == [LEADS[0]] and tasks["105"].lead == [LEADS[0]]
    assert tasks["99"].lead == [LEADS[4]]


def test_a_time_cell_repeated_before_the_next_rows_number_is_no_running_head():
    tasks = by_number(read(_long_table(4, time=lambda k: "Quý IV/2026" if k == 4 else "Năm 2026")))
    assert sorted(tasks) == ["1", "2", "3", "4"]
    assert [tasks[n].lead for n in "1234"] == [[LEADS[1]], [LEADS[2]], [LEADS[3]], [LEADS[4]]]
    assert tasks["2"].timeframe.text == "Năm 2026" and tasks["4"].timeframe.text == "Quý IV/2026"


def test_a_row_of_hundreds_of_lines_is_no_row_of_this_layout():
    text = _long_table(3)
    # rows numbered out of any sequence this reader follows: their lines would all go on row 3
    text += "\n".join(f"{k * 7}\nRà soát hồ sơ thứ {k}\nSở Tư pháp\nNăm 2026" for k in range(1, 150)) + "\n"
    assert celltable.take_tables(text) is None
