"""Round 27: general rules about a document's structure (not its wording), from Nghị quyết 394/NQ-CP's first blind run
(devset/SOURCES.md, rounds 25 and 27), each on a made-up text with other places, bodies and words than that document."""

from planimport.parser import parse_blocks
from planimport.readers import blocks_from_text


def parse(text):
    return parse_blocks(blocks_from_text(text))


TOPICAL_ITEM_WITH_BODY_HEADINGS = (
    "KẾ HOẠCH\nBảo vệ nguồn nước sinh hoạt\n\n"
    "I. NHIỆM VỤ, GIẢI PHÁP\n\n"
    "1. Nâng cao chất lượng nguồn nước\n\n"
    "a) Hoàn thiện quy định về khai thác nước ngầm\n\n"
    "- Sở Xây dựng\n\n"
    "+ Ban hành quy chuẩn kỹ thuật cấp nước nông thôn.\n\n"
    "+ Hướng dẫn kiểm định đồng hồ đo nước, hoàn thành trước ngày 30 tháng 6 năm 2027.\n\n"
    "- Sở Y tế\n\n"
    "+ Giám sát chất lượng nước ăn uống tại các trạm cấp nước.\n\n"
    "- Sở Giáo dục và Đào tạo tổ chức ngoại khóa về sử dụng nước sạch trong trường học.\n\n"
    "- Các trường học, bệnh viện thực hành tiết kiệm nước trong sinh hoạt hằng ngày.\n\n"
    "- Sở Tài chính\n\n"
    "+ Chủ trì, phối hợp với Sở Xây dựng bố trí kinh phí kiểm định.\n\n"
    "b) Đầu tư hệ thống cấp nước tập trung\n\n"
    "Ủy ban nhân dân các huyện, thị xã:\n\n"
    "- Lập danh mục công trình cấp nước tập trung cần đầu tư.\n\n"
    "- Bố trí vốn duy tu các công trình cấp nước.\n\n"
    "2. Nâng cao nhận thức của người dân\n\n"
    "a) Báo Quảng Bình\n\n"
    "- Mở chuyên mục về sử dụng nước tiết kiệm.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n\n"
    "Các sở, ngành triển khai thực hiện Kế hoạch này.\n")


def test_body_headings_inside_a_topical_item_lead_their_points():
    # a topical lettered item ("a) Hoàn thiện …") holding dashed bodies' headings with "+" points, a subject-led dash,
    # and a body's own line "X:" over dashes: each point a task of its heading's body; the subject-led dash one task;
    # the topical item no task; and the items after it are still read; a dash among them that names no body as its
    # subject ("- Các trường học, bệnh viện thực hành …") is content, not a reason to read none of them
    tasks = parse(TOPICAL_ITEM_WITH_BODY_HEADINGS).tasks
    assert [t.title[:22] for t in tasks] == [
        "Ban hành quy chuẩn kỹ ", "Hướng dẫn kiểm định đồ", "Giám sát chất lượng nư",
        "Sở Giáo dục và Đào tạo", "Chủ trì, phối hợp với ", "Lập danh mục công trìn", "Bố trí vốn duy tu các ",
        "Mở chuyên mục về sử dụ"]
    assert [t.lead for t in tasks] == [["Sở Xây dựng"]] * 2 + [["Sở Y tế"], ["Sở Giáo dục và Đào tạo"], ["Sở Tài chính"]] + [
        ["Ủy ban nhân dân các huyện, thị xã"]] * 2 + [["Báo Quảng Bình"]]
    assert [t.coordinators for t in tasks] == [[]] * 4 + [["Sở Xây dựng"]] + [[]] * 3
    assert tasks[1].timeframe.due.isoformat() == "2027-06-30"


WRAPPED_PARAGRAPHS = (
    "KẾ HOẠCH\n\nPhòng chống dịch bệnh mùa mưa\n\n"
    "Nhằm chủ động phòng chống dịch bệnh\nmùa mưa năm 2027, giảm số ca mắc\nvà tử vong do sốt xuất huyết, Ủy ban\n"
    "nhân dân tỉnh ban hành Kế hoạch\nnhư sau.\n\n"
    "I. NHIỆM VỤ\n\n"
    "1. Giám sát dịch\n\n"
    "a) Ủy ban nhân dân các huyện,\nthị xã, thành phố\n\n"
    "- Chỉ đạo Trung tâm Y tế\nHuyện tổ chức phun hóa chất diệt muỗi tại các ổ dịch, hoàn thành trước\n"
    "ngày 30 tháng 9 năm 2027.\n\n"
    "- Chỉ đạo Hội Chữ thập đỏ\nHuyện vận động người dân dọn vệ sinh nơi ở.\n\n"
    "b) Báo Hà Giang, Đài Phát thanh và Truyền hình Hà\nGiang đưa tin về tình hình dịch bệnh trên địa bàn.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n\n"
    "Các sở, ngành triển khai thực hiện Kế hoạch này.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n")


def test_a_line_wrapped_before_a_capitalised_word_goes_on_its_paragraph():
    # a text whose paragraphs are set off by blank lines and wrapped in the middle of their sentences: a line right
    # under another that has not ended its sentence goes on its paragraph even when it opens with a capital ("… Trung
    # tâm Y tế" / "Huyện tổ chức …", "… Truyền hình Hà" / "Giang đưa tin …"); a heading in capitals and the lines
    # of a signature stay lines of their own
    from planimport.readers import blocks_from_text
    texts = [v for _k, v in blocks_from_text(WRAPPED_PARAGRAPHS)]
    assert "- Chỉ đạo Trung tâm Y tế Huyện tổ chức phun hóa chất diệt muỗi tại các ổ dịch, hoàn thành trước ngày " \
           "30 tháng 9 năm 2027." in texts
    assert "- Chỉ đạo Hội Chữ thập đỏ Huyện vận động người dân dọn vệ sinh nơi ở." in texts
    assert texts[-3:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]
    tasks = parse(WRAPPED_PARAGRAPHS).tasks
    assert [t.lead for t in tasks] == [["Ủy ban nhân dân các huyện, thị xã, thành phố"]] * 2 + [
        ["Báo Hà Giang", "Đài Phát thanh và Truyền hình Hà Giang"]]
    assert tasks[0].timeframe.due.isoformat() == "2027-09-30"


PIPE_CELL_APPENDIX = (
    "KẾ HOẠCH\n\nPhát triển du lịch cộng đồng\n\n"
    "I. NHIỆM VỤ\n\n"
    "1. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng bộ tiêu chí homestay, hoàn thành trong năm 2027.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
    "|\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn B\n|\n\n"
    "PHỤ LỤC\n\nDANH MỤC DỰ ÁN ƯU TIÊN\n\n"
    "|\n**STT**\n|\n**Tên dự án**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n**Thời hạn**\n|\n"
    "|\n1\n|\nDự án bảo tồn làng nghề\ndệt thổ cẩm\n|\nSở Văn hóa, Thể thao và Du lịch\n|\nSở Công Thương\n|\n2028\n|\n"
    "|\nỦy ban nhân dân huyện Mèo Vạc\n|\nHội Liên hiệp Phụ nữ huyện\n|\n"
    "|\n2\n|\nDự án đường vào bản Lô Lô Chải\n|\nSở Xây dựng\n|\nSở Tài chính\n|\n2029\n|\n")


def test_a_table_written_one_cell_a_line_between_lone_pipes_is_read_as_a_table():
    # a web page's table saved as text, each cell between lines of "|" alone and two such lines between rows: a
    # table; a shorter row under a numbered one (its number, title and time cells merged with the row above) adds
    # its lead and coordinators to that row's task; the signature's cells are no table
    tasks = parse(PIPE_CELL_APPENDIX).tasks
    assert [t.title for t in tasks[1:]] == ["Dự án bảo tồn làng nghề dệt thổ cẩm", "Dự án đường vào bản Lô Lô Chải"]
    assert tasks[1].lead == ["Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân huyện Mèo Vạc"]
    assert tasks[1].coordinators == ["Sở Công Thương", "Hội Liên hiệp Phụ nữ huyện"]
    assert tasks[1].timeframe.due.isoformat() == "2028-12-31"
    assert tasks[2].lead == ["Sở Xây dựng"] and tasks[2].coordinators == ["Sở Tài chính"]


HEADERLESS_RESOLUTION = (
    "**NGHỊ QUYẾT**\n\n"
    "VỀ PHÁT TRIỂN RỪNG GỖ LỚN;\nNÂNG CAO GIÁ TRỊ LÂM SẢN\n\n"
    "**ỦY BAN NHÂN DÂN TỈNH BẮC KẠN**\n\n"
    "*Căn cứ Luật Lâm nghiệp ngày 15 tháng 11 năm 2017;*\n\n"
    "**QUYẾT NGHỊ:**\n\n"
    "I. NHIỆM VỤ\n\n"
    "1. Sở Nông nghiệp và Môi trường chủ trì rà soát quỹ đất trồng rừng gỗ lớn, hoàn thành trong năm 2027.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
    "PHỤ LỤC\n\nDANH MỤC VÙNG TRỒNG RỪNG\n\n"
    "*(Kèm theo Nghị quyết số 27/NQ-UBND ngày 09 tháng 4 năm 2026 của Ủy ban nhân dân tỉnh Bắc Kạn)*\n\n"
    "Vùng 1: các xã phía Bắc.\n")


def test_a_page_without_header_cells_takes_its_number_date_and_issuer_from_its_own_annex_and_enacting_line():
    # a page that lost its header cells: the title in capitals stops before the enacting body's line (a line in
    # capitals over "Căn cứ …"), which names the issuer; the number and date are the document's own annex note's
    # ("(Kèm theo Nghị quyết số … ngày …)", the kind its heading names)
    plan = parse(HEADERLESS_RESOLUTION)
    assert plan.title == "PHÁT TRIỂN RỪNG GỖ LỚN; NÂNG CAO GIÁ TRỊ LÂM SẢN"
    assert plan.issuer == "UBND tỉnh Bắc Kạn"
    assert plan.number == "27/NQ-UBND" and plan.date.isoformat() == "2026-04-09"


def test_an_asking_heading_without_a_verb_leads_the_dashes_under_it():
    # "c) Đề nghị <a name the parser's lists do not know>" over dashes: whom it asks leads each dash (the bodies a dash
    # tells it to direct are no leads); a heading with a verb stays a topic
    plan = parse("I. NHIỆM VỤ\n\n1. Huy động xã hội\n\n"
                 "a) Đề nghị Trung ương Hội Người cao tuổi Việt Nam\n\n"
                 "- Chỉ đạo liên minh các tỉnh vận động hợp tác xã tham gia thu gom phế liệu.\n\n"
                 "- Chỉ đạo Quỹ Hỗ trợ phát triển hợp tác xã ưu tiên cho vay dự án tái chế.\n\n"
                 "b) Đề nghị tăng cường tuyên truyền trên báo chí\n\n"
                 "- Đăng tải tin bài về mô hình tái chế.\n")
    tasks = plan.tasks
    assert [t.title[:24] for t in tasks] == ["Chỉ đạo liên minh các tỉ", "Chỉ đạo Quỹ Hỗ trợ phát "]
    assert [t.lead for t in tasks] == [["Trung ương Hội Người cao tuổi Việt Nam"]] * 2


def test_a_dated_point_under_an_office_holders_heading_of_the_organisation_part_is_their_task():
    # "Tổ chức thực hiện" / "1. Giám đốc các sở, Chủ tịch Ủy ban nhân dân các huyện" (office holders, parted at their
    # titles) / "a) …" / "b) Trước ngày …, ban hành kế hoạch …": the dated point is a task of the holders as written;
    # the undated points and a yearly report are no tasks
    plan = parse("I. NHIỆM VỤ\n\n1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại chợ đầu mối, hoàn thành trong năm 2027.\n\n"
                 "II. TỔ CHỨC THỰC HIỆN\n\n"
                 "1. Giám đốc các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện, thị xã\n\n"
                 "a) Chịu trách nhiệm trước Ủy ban nhân dân tỉnh về kết quả thực hiện Kế hoạch này.\n\n"
                 "b) Trước ngày 30 tháng 6 năm 2027, ban hành kế hoạch triển khai tại cơ quan, địa phương mình.\n\n"
                 "c) Trước ngày 10 tháng 12 hằng năm, báo cáo kết quả thực hiện gửi Sở Y tế để tổng hợp.\n\n"
                 "2. Sở Y tế theo dõi, đôn đốc thực hiện Kế hoạch này.\n")
    tasks = plan.tasks
    assert [t.title[:30] for t in tasks] == ["Sở Y tế chủ trì kiểm tra an to", "Trước ngày 30 tháng 6 năm 2027"]
    assert tasks[1].lead == ["Giám đốc các sở, ban, ngành", "Chủ tịch Ủy ban nhân dân các huyện, thị xã"]
    assert tasks[1].timeframe.due.isoformat() == "2027-06-30"


def test_a_subject_naming_one_kind_of_body_at_two_levels_keeps_them_one_name():
    # "… và các cơ quan báo chí trung ương và địa phương có trách nhiệm …": the "và" between two levels (trung ương,
    # địa phương) joins one kind of body, one name; the bodies before it are names of their own
    plan = parse("I. NHIỆM VỤ\n\n1. Truyền thông\n\n"
                 "a) Báo Lạng Sơn, Đài Phát thanh và Truyền hình Lạng Sơn và các cơ quan báo chí trung ương và địa "
                 "phương có trách nhiệm mở chuyên mục về phòng chống cháy rừng.\n")
    assert [t.lead for t in plan.tasks] == [
        ["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình Lạng Sơn", "các cơ quan báo chí trung ương và địa phương"]]


def test_schools_as_a_kind_of_body_and_long_ghep_as_a_verb_in_a_subject_led_dash():
    # "- Sở X và các cơ sở giáo dục nghề nghiệp lồng ghép …" among bodies' headings: both lead ("các cơ sở giáo
    # dục …" a kind of body, lower-case; "lồng ghép" the work's verb)
    text = TOPICAL_ITEM_WITH_BODY_HEADINGS.replace(
        "- Sở Giáo dục và Đào tạo tổ chức ngoại khóa về sử dụng nước sạch trong trường học.",
        "- Sở Giáo dục và Đào tạo và các cơ sở giáo dục nghề nghiệp lồng ghép kiến thức sử dụng nước sạch vào "
        "hoạt động ngoại khóa.")
    tasks = parse(text).tasks
    assert tasks[3].title.startswith("Sở Giáo dục và Đào tạo và các cơ sở")
    assert tasks[3].lead == ["Sở Giáo dục và Đào tạo", "các cơ sở giáo dục nghề nghiệp"]


def test_a_weekly_day_is_the_points_time_kind_other():
    # "… vào sáng thứ Bảy hằng tuần …", "… ngày Chủ nhật hoặc thứ Hai hàng tuần": the point's rhythm, kept as written
    # (kind other: a week has no kind of its own); a weekly word without a day ("họp giao ban hằng tuần") is none
    plan = parse("I. NHIỆM VỤ\n\n1. Vệ sinh môi trường\n\n"
                 "a) Ủy ban nhân dân các xã\n\n"
                 "- Tổ chức dọn vệ sinh kênh mương vào ngày Chủ nhật hoặc thứ Hai hàng tuần tại các thôn, bản.\n\n"
                 "- Duy trì họp giao ban hằng tuần về công tác vệ sinh.\n")
    tasks = plan.tasks
    assert (tasks[0].timeframe.text, tasks[0].timeframe.kind) == ("ngày Chủ nhật hoặc thứ Hai hàng tuần", "other")
    assert tasks[1].timeframe.kind == "none"
