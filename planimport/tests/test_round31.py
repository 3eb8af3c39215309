"""Round 31: a scanned plan read by OCR slips in its numbering, its role words and its pages' furniture. What was meant
is read from the list around a slip (after "a)" comes "b)", after "II." comes "III."), never from a document's
wording. Every text here is made up (other provinces, bodies and words than any document of the dev set), the slips
those OCR makes of a scan: "8)" or "ạ)" for "a)", "e)" for "c)", "b}" or "b" for "b)", "HI-", "Ill.", "lI.", "V1."
for Roman numerals, "l." and "1l." for "1." and "11.", "2 .1." for "2.1.", "Chú trì" and "Phôi hợp", a page's
number and running header between its lines, a word broken by a hyphen at a line's end."""

from planimport.parser import parse_blocks
from planimport.readers import blocks_from_text

HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH HẬU GIANG\nSố: 21/KH-UBND\nHậu Giang, ngày 12 tháng 01 năm 2028\n"
          "KẾ HOẠCH\nPhát triển thương mại điện tử năm 2028\n")


def read(body, header=HEADER):
    return parse_blocks(blocks_from_text(header + body))


def test_lettered_points_misread_by_ocr_are_read_by_their_neighbours():
    # "8)" between "a)" and "c)" is "b)"; "e)" after "b)", a "d)" after it, is "c)"; "d}" is "d)" with another
    # bracket; "ạ)" before a "b)" is "a)"; the role labels' words with OCR's marks ("Chú trì", "Phôi hợp")
    plan = read("I. MỤC ĐÍCH\nThúc đẩy giao dịch trực tuyến.\nII. NHIỆM VỤ\n"
                "1. Hạ tầng thanh toán\n"
                "ạ) Mở rộng thanh toán không dùng tiền mặt tại chợ truyền thống\n"
                "- Chú trì: Sở Công Thương.\n- Phôi hợp: Ngân hàng Nhà nước chi nhánh Khu vực 14.\n"
                "- Thời gian: Quý II/2028.\n"
                "b) Kết nối cổng thanh toán với hệ thống dịch vụ công\n"
                "- Chù trì: Văn phòng UBND tỉnh.\n- Thời gian: Tháng 6/2028.\n"
                "2. Đào tạo kỹ năng\n"
                "a) Tập huấn bán hàng trực tuyến cho hợp tác xã\n- Chủ trì: Sở Công Thương.\n- Thời gian: Quý III/2028.\n"
                "8) Tập huấn an toàn thông tin cho doanh nghiệp nhỏ\n- Chủ trì: Sở Khoa học và Công nghệ.\n"
                "- Thời gian: Quý III/2028.\n"
                "e) Xây dựng tài liệu hướng dẫn cho hộ kinh doanh\n- Chủ trì: Sở Tư pháp.\n- Thời gian: Năm 2028.\n"
                "d} Tổ chức diễn đàn thương mại điện tử\n- Chủ trì: Sở Công Thương.\n- Phoi hop: Đoàn Thanh niên tỉnh.\n"
                "- Thời gian: Tháng 10/2028.\n")
    tasks = plan.tasks
    assert [t.number for t in tasks] == ["II.1.a", "II.1.b", "II.2.a", "II.2.b", "II.2.c", "II.2.d"]
    assert [t.lead for t in tasks] == [["Sở Công Thương"], ["Văn phòng UBND tỉnh"], ["Sở Công Thương"],
                                       ["Sở Khoa học và Công nghệ"], ["Sở Tư pháp"], ["Sở Công Thương"]]
    assert [t.coordinators for t in tasks] == [["Ngân hàng Nhà nước chi nhánh Khu vực 14"], [], [], [], [],
                                               ["Đoàn Thanh niên tỉnh"]]
    assert [t.timeframe.text for t in tasks] == ["Quý II/2028", "Tháng 6/2028", "Quý III/2028", "Quý III/2028",
                                                 "Năm 2028", "Tháng 10/2028"]
    assert tasks[3].title == "Tập huấn an toàn thông tin cho doanh nghiệp nhỏ"


def test_a_point_whose_bracket_ocr_lost_is_read_in_its_running_list():
    # "b Rà soát …": the letter after "a)" alone, a capital after it; a "c)" follows. A sentence's "ở" or a lone
    # letter out of sequence is no point
    plan = read("I. NHIỆM VỤ\n1. Văn phòng UBND tỉnh\n"
                "a) Xây dựng quy chế phối hợp cung cấp thông tin; hoàn thành trong Quý I/2028.\n"
                "b Rà soát danh mục dịch vụ công trực tuyến; hoàn thành trong Quý II/2028.\n"
                "c) Tổng hợp kết quả thực hiện; thực hiện hằng quý.\n")
    assert [(t.number, t.lead, t.timeframe.text) for t in plan.tasks] == [
        ("I.1.a", ["Văn phòng UBND tỉnh"], "hoàn thành trong Quý I/2028"),
        ("I.1.b", ["Văn phòng UBND tỉnh"], "hoàn thành trong Quý II/2028"),
        ("I.1.c", ["Văn phòng UBND tỉnh"], "thực hiện hằng quý")]


def test_an_arabic_list_of_bracketed_numbers_is_left_as_it_is():
    # "7)", "8)", "9)": a list of its own, not a point "b)" read wrong, even after lettered points
    plan = read("I. NHIỆM VỤ\n1. Sở Nội vụ\na) Rà soát vị trí việc làm; hoàn thành trong Quý I/2028.\n"
                "7) Sở Tài chính chủ trì bố trí kinh phí tập huấn, hoàn thành trong Quý II/2028.\n"
                "8) Sở Y tế chủ trì kiểm tra an toàn thực phẩm, hoàn thành trong Quý III/2028.\n"
                "9) Sở Xây dựng chủ trì rà soát quy hoạch, hoàn thành trong Quý IV/2028.\n")
    assert [t.number for t in plan.tasks][1:] == ["7", "8", "9"]
    assert [t.lead for t in plan.tasks][1:] == [["Sở Tài chính"], ["Sở Y tế"], ["Sở Xây dựng"]]


HEADINGS = ("TỈNH ỦY ĐIỆN BIÊN\nSố: 40-CTr/TU\nĐiện Biên, ngày 08 tháng 02 năm 2028\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
            "Thực hiện Nghị quyết về phát triển kinh tế tư nhân\n")


def test_roman_parts_misread_by_ocr_are_the_next_in_sequence():
    # "lI." and "HI-" and "Ill." and "V1.": the part after the one before ("II.", "III.", "IV."?) when the OCR form,
    # its "l", "1", "H" read as "I"s, is the next numeral; a valid numeral between two that leave one gap ("II." again
    # between "IV." and "VI.") is the gap's. Under them, headings with the lead and "l." / "1l." / "2 .1."
    plan = read("I. MỤC TIÊU\nNâng tỷ trọng kinh tế tư nhân.\n"
                "lI. NHIỆM VỤ VỀ THỂ CHẾ\n"
                "l. Ban Tuyên giáo và Dân vận Tỉnh ủy\n"
                "Chủ trì tuyên truyền Nghị quyết đến cán bộ, đảng viên; thời gian: Quý I/2028.\n"
                "2. Ủy ban nhân dân tỉnh\n"
                "2 .1. Rà soát thủ tục đầu tư kinh doanh; thời gian: Quý II/2028.\n"
                "2. 2. Xây dựng cơ sở dữ liệu doanh nghiệp; thời gian: Quý III/2028.\n"
                "HI- NHIỆM VỤ VỀ NGUỒN LỰC\n"
                "1. Sở Tài chính\nChủ trì bố trí vốn hỗ trợ doanh nghiệp nhỏ; thời gian: Năm 2028.\n"
                "Ill. NHIỆM VỤ VỀ ĐỔI MỚI SÁNG TẠO\n"
                "1. Sở Khoa học và Công nghệ\nChủ trì hỗ trợ doanh nghiệp đổi mới công nghệ; thời gian: Năm 2028.\n"
                "V. NHIỆM VỤ VỀ THỊ TRƯỜNG\n"
                "1. Sở Công Thương\nChủ trì xúc tiến thương mại; thời gian: Quý IV/2028.\n"
                "II. NHIỆM VỤ VỀ NHÂN LỰC\n"
                "1. Sở Nội vụ\nChủ trì đào tạo nhân lực quản trị; thời gian: Năm 2028.\n"
                "VII. TỔ CHỨC THỰC HIỆN\nCác cơ quan báo cáo kết quả về Tỉnh ủy.\n", HEADINGS)
    assert [s.code for s in plan.sections if "." not in s.code] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert [(t.section, t.lead) for t in plan.tasks] == [
        ("II.1", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]), ("II.2", ["Ủy ban nhân dân tỉnh"]),
        ("II.2", ["Ủy ban nhân dân tỉnh"]), ("III.1", ["Sở Tài chính"]), ("IV.1", ["Sở Khoa học và Công nghệ"]),
        ("V.1", ["Sở Công Thương"]), ("VI.1", ["Sở Nội vụ"])]
    assert [t.number for t in plan.tasks][1:3] == ["2.1", "2.2"]
    assert [t.timeframe.due.isoformat() for t in plan.tasks][1:3] == ["2028-06-30", "2028-09-30"]


def test_an_arabic_number_with_an_l_for_its_one_is_the_next_item():
    # "1l." after "10." is "11."; "I." right under a part, a "2." after it, is "1."; an "l)" after "k)" stays a
    # point
    items = "".join(f"{n}. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức sự kiện số {n}; thời gian: Năm 2028.\n"
                    for n in range(2, 11))
    plan = read("I. NHIỆM VỤ\n"
                "I. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức sự kiện số 1; thời gian: Năm 2028.\n" + items
                + "1l. Sở Du lịch chủ trì quảng bá điểm đến; thời gian: Năm 2028.\n"
                + "12. Sở Y tế chủ trì kiểm tra cơ sở lưu trú; thời gian: Năm 2028.\n")
    assert [t.number for t in plan.tasks] == [str(n) for n in range(1, 13)]
    assert plan.tasks[10].lead == ["Sở Du lịch"]


def test_a_plans_page_numbers_and_running_header_are_no_text():
    # an OCR'd text marked page by page: the page's number ("- 1 -", "2" at the page's foot) and a running header ("Kế hoạch số
    # 21/KH-UBND ngày 12/01/2028 của UBND tỉnh" atop pages 2 and 3) are dropped, the point broken over the page
    # goes on; a word broken by a hyphen at a line's end is one word again when the text has it whole
    text = ("===== Trang 1 =====\n" + HEADER + "I. NHIỆM VỤ\n"
            "1. Phát triển sàn thương mại điện tử của tỉnh\n"
            "a) Giao Sở Công Thương chủ trì, phối hợp với Sở Khoa học và Công nghệ nâng cấp\n"
            "sàn giao dịch nông sản của tỉnh, hoàn thành trong Quý II/2028.\n"
            "b) Giao Sở Nông nghiệp và Môi trư-\nờng chủ trì, phối hợp với Liên minh Hợp tác xã tỉnh đưa sản phẩm\n"
            "OCOP lên sàn, hoàn thành trong Quý III/2028.\n"
            "- 1 -\n"
            "===== Trang 2 =====\n"
            "Kế hoạch số 21/KH-UBND ngày 12/01/2028 của UBND tỉnh\n"
            "c) Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND các xã tổ chức\n"
            "tập huấn cho hợp tác xã, hoàn thành trong Quý III/2028.\n"
            "d) Giao Sở Tài chính chủ trì, phối hợp với Sở Công Thương và\n"
            "2\n"
            "===== Trang 3 =====\n"
            "Kế hoạch số 21/KH-UBND ngày 12/01/2028 của UBND tỉnh\n"
            "Thuế tỉnh hướng dẫn kê khai thuế cho người bán hàng trực tuyến, hoàn thành trong Quý IV/2028.\n"
            "3\n")
    plan = parse_blocks(blocks_from_text(text))
    tasks = plan.tasks
    assert [t.number for t in tasks] == ["I.1.a", "I.1.b", "I.1.c", "I.1.d"]
    assert [t.lead for t in tasks] == [["Sở Công Thương"], ["Sở Nông nghiệp và Môi trường"],
                                       ["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"]]
    assert [t.coordinators for t in tasks] == [["Sở Khoa học và Công nghệ"], ["Liên minh Hợp tác xã tỉnh"],
                                               ["UBND các xã"], ["Sở Công Thương", "Thuế tỉnh"]]
    assert [t.timeframe.text for t in tasks] == ["hoàn thành trong Quý II/2028", "hoàn thành trong Quý III/2028",
                                                 "hoàn thành trong Quý III/2028", "hoàn thành trong Quý IV/2028"]
    assert not any("Kế hoạch số" in t.title or " 2 " in t.title for t in tasks)


def test_a_hyphen_at_a_lines_end_between_two_words_stays():
    # "kinh tế-" / "xã hội": two words a hyphen joins, the text never has "tếxã": the line goes on after a space
    blocks = blocks_from_text("Giao Sở Tài chính chủ trì đánh giá tác động kinh tế-\nxã hội của chương trình.\n"
                              "Giao Sở Y tế chủ trì, phối hợp với Sở Nội vụ rà soát nhân lực y tế cơ sở.\n")
    assert blocks[0] == ("p", "Giao Sở Tài chính chủ trì đánh giá tác động kinh tế- xã hội của chương trình.")


def test_role_words_in_prose_read_with_ocr_marks():
    # "… chú trì, phôi hợp với …" in an assigning paragraph: the lead and partners as "chủ trì, phối hợp với"
    plan = read("I. NHIỆM VỤ\n1. Về hạ tầng logistics\n"
                "Giao Sở Xây dựng chú trì, phôi hợp với Sở Công Thương, UBND các phường rà soát quy hoạch kho bãi, "
                "hoàn thành trong Quý II/2028.\n"
                "2. Về nguồn nhân lực\n"
                "Giao Sở Giáo dục và Đào tạo chù trì, phoi hợp với Sở Nội vụ, Liên minh Hợp tác xã tỉnh mở lớp đào tạo "
                "logistics, thực hiện hằng năm.\n")
    got = [(t.number, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    assert got == [("1", ["Sở Xây dựng"], ["Sở Công Thương", "UBND các phường"], "hoàn thành trong Quý II/2028"),
                   ("2", ["Sở Giáo dục và Đào tạo"], ["Sở Nội vụ", "Liên minh Hợp tác xã tỉnh"],
                    "thực hiện hằng năm")]


# a party committee's action programme, OCR'd page by page: party bodies' headings over lettered points, a page's number
# and running header, a word broken by a hyphen ("các-" / "bon": two words the text never has as one)
PROGRAMME = (    "===== Trang 1 =====\n"
    "TỈNH ỦY LAI CHÂU\n"
    "Số: 52-CTr/TU\n"
    "ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Lai Châu, ngày 15 tháng 3 năm 2028\n"
    "CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
    "của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết về chuyển đổi xanh\n"
    "\n"
    "I. MỤC TIÊU\n"
    "Đến năm 2030, tỷ lệ che phủ rừng đạt 52%.\n"
    "\n"
    "lI. NHIỆM VỤ, GIẢI PHÁP\n"
    "1. Ban Tuyên giáo và Dân vận Tỉnh ủy\n"
    "ạ) Chú trì, phôi hợp với Ủy ban Mặt trận Tổ quốc tỉnh tuyên truyền Nghị quyết trong\n"
    "toàn Đảng bộ; hoàn thành trong Quý II/2028.\n"
    "b} Hướng dẫn các cấp ủy học tập, quán triệt Nghị quyết; hoàn thành trong Quý II/2028.\n"
    "2, Đảng ủy Ủy ban nhân dân tỉnh\n"
    "a) Lãnh đạo xây dựng Đề án phát triển năng lượng tái tạo; hoàn thành trong Quý IV/2028.\n"
    "8) Chỉ đạo rà soát quy hoạch sử dụng đất rừng; hoàn thành trong năm 2028.\n"
    "e) Lãnh đạo xây dựng cơ chế thu hút đầu tư xanh; hoàn thành trong Quý III/2028.\n"
    "d) Chỉ đạo sơ kết việc thực hiện Nghị quyết; thực hiện hằng năm.\n"
    "- 1 -\n"
    "===== Trang 2 =====\n"
    "2\n"
    "Chương trình hành động số 52-CTr/TU\n"
    "đ) Chỉ đạo phối hợp với Bộ Nông nghiệp và Môi trường triển khai thị trường tín chỉ các-\n"
    "bon rừng; hoàn thành trong năm 2029.\n"
    "3 Ủy ban Kiểm tra Tỉnh ủy\n"
    "Chủ trì kiểm tra, giám sát việc thực hiện Nghị quyết; thực hiện hằng năm.\n"
    "HI- TỔ CHỨC THỰC HIỆN\n"
    "1. Các cấp ủy, tổ chức đảng căn cứ Chương trình này xây dựng kế hoạch thực hiện.\n"
    "2. Văn phòng Tỉnh ủy theo dõi, đôn đốc, định kỳ hằng năm báo cáo Ban Thường vụ Tỉnh ủy.\n"
    "===== Trang 3 =====\n"
    "3\n"
    "Chương trình hành động số 52-CTr/TU\n"
    "T/M BAN THƯỜNG VỤ\n")
# the slips, and what the document says
PROGRAMME_SLIPS = [("lI. NHIỆM VỤ", "II. NHIỆM VỤ"), ("ạ) Chú trì, phôi hợp", "a) Chủ trì, phối hợp"), ("b} Hướng", "b) Hướng"),
                   ("2, Đảng ủy", "2. Đảng ủy"), ("8) Chỉ đạo", "b) Chỉ đạo"), ("e) Lãnh đạo", "c) Lãnh đạo"),
                   ("3 Ủy ban", "3. Ủy ban"), ("HI- TỔ CHỨC", "III. TỔ CHỨC"), ("- 1 -\n", ""), ("2\nChương trình hành động số 52-CTr/TU\n", ""),
                   ("3\nChương trình hành động số 52-CTr/TU\n", "")]

# a Government resolution's article of duties: "X có trách nhiệm:" items over lettered points
RESOLUTION = (    "===== Trang 1 =====\n"
    "CHÍNH PHỦ\n"
    "Số: 140/NQ-CP\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Hà Nội, ngày 20 tháng 4 năm 2028\n"
    "NGHỊ QUYẾT\n"
    "Về các nhiệm vụ phát triển hạ tầng số quốc gia\n"
    "CHÍNH PHỦ\n"
    "Căn cứ Luật Tổ chức Chính phủ;\n"
    "QUYẾT NGHỊ:\n"
    "Điều 1. Mục tiêu\n"
    "Phủ sóng băng rộng đến mọi thôn, bản.\n"
    "Điều 2. Tổ chức thực hiện\n"
    "l. Bộ Khoa học và Công nghệ có trách nhiệm:\n"
    "a) Chú trì, phôi hợp với các bộ, ngành xây dựng Chiến lược hạ tầng số, trình Thủ tướng\n"
    "Chính phủ trong Quý III/2028.\n"
    "b} Hướng dẫn các doanh nghiệp viễn thông dùng chung hạ tầng; hoàn thành trong năm 2028.\n"
    "e) Tổng hợp, báo cáo Chính phủ kết quả thực hiện Nghị quyết trước ngày 15 tháng 12 hằng năm.\n"
    "2 . Bộ Tài chính có trách nhiệm:\n"
    "ạ) Bố trí kinh phí thực hiện các nhiệm vụ của Nghị quyết; thực hiện hằng năm.\n"
    "b) Hướng dẫn cơ chế ưu đãi thuế cho doanh nghiệp hạ tầng số; hoàn thành trong Quý IV/2028.\n"
    "- 1 -\n"
    "===== Trang 2 =====\n"
    "Nghị quyết số 140/NQ-CP\n"
    "3, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương có trách nhiệm:\n"
    "a) Bố trí quỹ đất xây dựng trạm viễn thông; thực hiện thường xuyên.\n"
    "8) Phối hợp với Bộ Khoa học và Công nghệ triển khai hạ tầng số tại địa phương; thực hiện thường xuyên.\n"
    "Điều 3. Hiệu lực thi hành\n"
    "Nghị quyết này có hiệu lực từ ngày ký.\n"
    "===== Trang 3 =====\n"
    "Nghị quyết số 140/NQ-CP\n"
    "TM. CHÍNH PHỦ\n")
RESOLUTION_SLIPS = [("l. Bộ Khoa", "1. Bộ Khoa"), ("a) Chú trì, phôi hợp", "a) Chủ trì, phối hợp"), ("b} Hướng", "b) Hướng"),
                    ("e) Tổng hợp", "c) Tổng hợp"), ("2 . Bộ Tài", "2. Bộ Tài"), ("ạ) Bố trí kinh", "a) Bố trí kinh"),
                    ("3, Ủy ban", "3. Ủy ban"), ("8) Phối hợp", "b) Phối hợp"), ("- 1 -\n", ""),
                    ("Nghị quyết số 140/NQ-CP\n", "")]


def _clean(text, slips):
    for slip, meant in slips:
        assert slip in text
        text = text.replace(slip, meant)
    return text


def test_an_ocr_read_action_programme_reads_as_its_clean_text():
    ocr = parse_blocks(blocks_from_text(PROGRAMME)).as_json()
    clean = parse_blocks(blocks_from_text(_clean(PROGRAMME, PROGRAMME_SLIPS))).as_json()
    assert ocr["tasks"] == clean["tasks"] and ocr["plan"] == clean["plan"]
    assert [(t["number"], t["lead"]) for t in ocr["tasks"]][:3] == [
        ("II.1.a", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]), ("II.1.b", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]),
        ("II.2.a", ["Đảng ủy Ủy ban nhân dân tỉnh"])]
    assert [t["number"] for t in ocr["tasks"]][3:7] == ["II.2.b", "II.2.c", "II.2.d", "II.2.đ"]
    assert ocr["tasks"][0]["coordinators"] == ["Ủy ban Mặt trận Tổ quốc tỉnh"]
    assert (ocr["tasks"][-1]["lead"], ocr["tasks"][-1]["title"]) == (
        ["Ủy ban Kiểm tra Tỉnh ủy"], "Chủ trì kiểm tra, giám sát việc thực hiện Nghị quyết; thực hiện hằng năm.")
    assert not any("Chương trình hành động số" in t["title"] for t in ocr["tasks"])


def test_an_ocr_read_resolution_reads_as_its_clean_text():
    ocr = parse_blocks(blocks_from_text(RESOLUTION)).as_json()
    clean = parse_blocks(blocks_from_text(_clean(RESOLUTION, RESOLUTION_SLIPS))).as_json()
    assert ocr["tasks"] == clean["tasks"]
    assert [t["number"] for t in ocr["tasks"]] == ["1.a", "1.b", "1.c", "2.a", "2.b", "3.a", "3.b"]
    assert [t["lead"] for t in ocr["tasks"]][-1] == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]
    assert [t["coordinators"] for t in ocr["tasks"]][-1] == ["Bộ Khoa học và Công nghệ"]
    assert [t["kind"] for t in ocr["tasks"]][3:] == ["annual", "deadline", "ongoing", "ongoing"]


def test_a_lone_point_whose_letter_has_a_mark_is_the_point():
    # "ạ)" with no point after it to tell: a letter OCR gave a mark it never has is that letter
    plan = read("I. NHIỆM VỤ\n1. Sở Tư pháp\nạ) Phổ biến pháp luật cho doanh nghiệp; thực hiện hằng quý.\n"
                "2. Sở Nội vụ\na) Rà soát biên chế; hoàn thành trong Quý II/2028.\n")
    assert [(t.number, t.lead) for t in plan.tasks] == [("I.1.a", ["Sở Tư pháp"]), ("I.2.a", ["Sở Nội vụ"])]


def test_a_points_letter_read_as_a_capital_is_the_point():
    # "B)" after "a)": a point, not a part "B." of the plan's own sections
    plan = read("I. NHIỆM VỤ\n1. Sở Ngoại vụ\na) Xây dựng kế hoạch đối ngoại; hoàn thành trong Quý I/2028.\n"
                "B) Tổ chức đón đoàn doanh nghiệp nước ngoài; hoàn thành trong Quý III/2028.\n"
                "c) Tổng kết công tác đối ngoại; hoàn thành trong Quý IV/2028.\n")
    assert [(t.number, t.lead) for t in plan.tasks] == [
        ("I.1.a", ["Sở Ngoại vụ"]), ("I.1.b", ["Sở Ngoại vụ"]), ("I.1.c", ["Sở Ngoại vụ"])]


def test_a_page_number_between_dashes_is_dropped_without_page_marks():
    # "- 2 -" on a line of its own in a text with no page marks: the page's number, never a dash point "2 -"
    plan = read("I. NHIỆM VỤ\n1. Sở Y tế\n"
                "a) Kiểm tra an toàn thực phẩm tại bếp ăn\n"
                "- 2 -\n"
                "tập thể; hoàn thành trong Quý II/2028.\n"
                "b) Tập huấn cho cơ sở sản xuất thực phẩm; hoàn thành trong Quý III/2028.\n")
    assert [t.number for t in plan.tasks] == ["I.1.a", "I.1.b"]
    assert plan.tasks[0].title == "Kiểm tra an toàn thực phẩm tại bếp ăn tập thể; hoàn thành trong Quý II/2028."
    assert plan.tasks[0].timeframe.text == "hoàn thành trong Quý II/2028"


def test_a_point_that_is_a_note_is_no_task():
    # "c) Lưu ý: …" (a "©)" OCR gives for "c)"): a note on the points before it, no work of its own; "d)" goes on
    plan = read("I. NHIỆM VỤ\n1. Sở Xây dựng\na) Rà soát danh mục công trình; hoàn thành trong Quý I/2028.\n"
                "b) Lập kế hoạch bảo trì công trình; hoàn thành trong Quý II/2028.\n"
                "©) Lưu ý: Danh mục nêu tại điểm a, điểm b gồm các công trình cấp III trở lên.\n"
                "d) Báo cáo kết quả bảo trì; thực hiện hằng năm.\n")
    assert [t.number for t in plan.tasks] == ["I.1.a", "I.1.b", "I.1.d"]


def test_a_labels_colon_and_a_dates_digits_misread_are_read():
    # "- Chủ trì; Sở X", "- Phối hợp, Sở Y", "- Thời gian. Quý II/2O28" (a label's colon read as ";", "," or "."; an
    # "O" for a "0"), "trước ngày 3O/6/2028": the labels and dates they are. A specks before a marker ("' b)") is
    # dropped
    plan = read("I. NHIỆM VỤ\n1. Xây dựng bản đồ số du lịch\n- Chủ trì; Sở Văn hóa, Thể thao và Du lịch.\n"
                "- Phối hợp, Sở Khoa học và Công nghệ, Sở Nông nghiệp và Môi trường.\n- Thời gian. Quý II/2O28.\n"
                "2. Quảng bá điểm đến\n"
                "a) Giao Sở Ngoại vụ chủ trì tổ chức đoàn khảo sát, hoàn thành trước ngày 3O/6/2028.\n"
                "' b) Giao Đài Phát thanh và Truyền hình tỉnh chủ trì sản xuất phóng sự, hoàn thành trong tháng "
                "l0/2028.\n")
    tasks = plan.tasks
    assert [(t.number, t.lead) for t in tasks] == [
        ("1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("I.2.a", ["Sở Ngoại vụ"]),
        ("I.2.b", ["Đài Phát thanh và Truyền hình tỉnh"])]
    assert tasks[0].coordinators == ["Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường"]
    assert [str(t.timeframe.due) for t in tasks] == ["2028-06-30", "2028-06-30", "2028-10-31"]


def test_a_roman_or_decimal_number_whose_stop_ocr_misread_is_the_next_one():
    # "II NHIỆM VỤ" (the stop lost) and "III, TỔ CHỨC THỰC HIỆN" before a heading in capitals; "1,2." under
    # "1." with a capital after it ("1,5 tỷ đồng" is a number)
    plan = read("I. MỤC ĐÍCH\nNâng cao năng lực phòng cháy.\nII NHIỆM VỤ\n1. Công an tỉnh\n"
                "1.1. Kiểm tra an toàn phòng cháy tại chợ; thời gian: Quý II/2028.\n"
                "1,2. Tập huấn đội dân phòng; thời gian: Quý III/2028.\n"
                "III, TỔ CHỨC THỰC HIỆN\nCác cơ quan báo cáo kết quả về Công an tỉnh.\n")
    assert [s.code for s in plan.sections if "." not in s.code] == ["I", "II", "III"]
    assert [(t.number, t.lead, t.timeframe.text) for t in plan.tasks] == [
        ("1.1", ["Công an tỉnh"], "Quý II/2028"), ("1.2", ["Công an tỉnh"], "Quý III/2028")]


def test_a_point_d_with_a_bar_ocr_read_as_eth_is_the_point():
    plan = read("I. NHIỆM VỤ\n1. Sở Nội vụ\na) Việc một; hoàn thành trong Quý I/2028.\nb) Việc hai; hoàn thành trong Quý I/2028.\n"
                "c) Việc ba; hoàn thành trong Quý I/2028.\nd) Việc bốn; hoàn thành trong Quý I/2028.\n"
                "ð) Việc năm; hoàn thành trong Quý II/2028.\n")
    assert [t.number for t in plan.tasks] == ["I.1.a", "I.1.b", "I.1.c", "I.1.d", "I.1.đ"]


def test_a_role_word_before_a_comma_and_its_sentence_is_no_label():
    # "- Chủ trì, điều phối và phối hợp với …": the work's own words after the comma (in lower case, whatever its
    # first letter's marks), not a label whose colon OCR misread
    from planimport.parser import _ocr_role_words
    for line in ("- Chủ trì, điều phối và phối hợp với các sở triển khai dự án.",
                 "- Chủ trì, ủy quyền cho Sở Y tế tổ chức hội nghị.", "Thời gian, địa điểm do Ban Tổ chức quyết định."):
        assert _ocr_role_words(line) == line
    assert _ocr_role_words("- Chủ trì, Ủy ban nhân dân các xã.") == "- Chủ trì: Ủy ban nhân dân các xã."


def test_a_marker_ocr_read_on_a_line_of_its_own_numbers_the_line_after_it():
    # "1." / "Sở Nông nghiệp và Môi trường", "a)" / "Chủ trì, …": the marker and its text; not in a document with
    # a table (a flattened table's rows start with lone numbers)
    plan = parse_blocks(blocks_from_text(
        "===== Trang 1 =====\n" + HEADER + "I. NHIỆM VỤ\n1.\nSở Nông nghiệp và Môi trường\na)\n"
        "Chủ trì, phối hợp với UBND các xã kiểm tra chất lượng con giống; thực hiện thường xuyên.\n"
        "b) Hướng dẫn quy trình nuôi tôm công nghệ cao; hoàn thành trong Quý II/2028.\n"
        "===== Trang 2 =====\n2. Sở Tài chính\nChủ trì bố trí kinh phí hỗ trợ; hoàn thành trong Quý I/2028.\n"))
    assert [(t.number, t.lead, t.coordinators) for t in plan.tasks][:2] == [
        ("I.1.a", ["Sở Nông nghiệp và Môi trường"], ["UBND các xã"]), ("I.1.b", ["Sở Nông nghiệp và Môi trường"], [])]
    assert plan.tasks[2].lead == ["Sở Tài chính"]


# a resolution whose articles number their items anew: "Điểu 2," (the article's word and stop misread), "l." and
# "2-" for its items "1." and "2."
ARTICLES = (    "CHÍNH PHỦ\n"
    "Số: 141/NQ-CP\n"
    "Hà Nội, ngày 20 tháng 4 năm 2028\n"
    "NGHỊ QUYẾT\n"
    "Về phát triển hạ tầng số\n"
    "Điều 1. Mục tiêu\n"
    "1. Phủ sóng băng rộng đến mọi thôn, bản.\n"
    "2. Hình thành các trung tâm dữ liệu vùng.\n"
    "3. Bảo đảm an toàn thông tin.\n"
    "Điểu 2, Tổ chức thực hiện\n"
    "l. Bộ Khoa học và Công nghệ có trách nhiệm:\n"
    "a) Chủ trì xây dựng Chiến lược hạ tầng số, trình Thủ tướng Chính phủ trong Quý III/2028.\n"
    "b) Hướng dẫn các doanh nghiệp viễn thông dùng chung hạ tầng; hoàn thành trong năm 2028.\n"
    "2- Bộ Tài chính có trách nhiệm:\n"
    "a) Bố trí kinh phí thực hiện các nhiệm vụ của Nghị quyết; thực hiện hằng năm.\n"
    "Điều 3. Hiệu lực thi hành\n"
    "Nghị quyết này có hiệu lực từ ngày ký.\n")


def test_an_articles_items_misread_by_ocr_are_numbered_anew_under_it():
    ocr = parse_blocks(blocks_from_text(ARTICLES)).as_json()
    clean = parse_blocks(blocks_from_text(_clean(ARTICLES, [("Điểu 2,", "Điều 2."), ("l. Bộ", "1. Bộ"),
                                                            ("2- Bộ", "2. Bộ")]))).as_json()
    assert ocr["tasks"] == clean["tasks"]
    assert [(t["number"], t["lead"]) for t in ocr["tasks"]] == [
        ("1-2.a", ["Bộ Khoa học và Công nghệ"]), ("1-2.b", ["Bộ Khoa học và Công nghệ"]), ("2-2.a", ["Bộ Tài chính"])]


def test_a_decisions_article_whose_word_ocr_misread_is_its_task():
    # "Điểu 2, Bộ X chủ trì …" in a decision whose articles are its tasks: the article "Điều 2."
    plan = read("QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Đề án phát triển thị trường trong nước năm 2028.\n"
                "Điểu 2, Bộ Công Thương chủ trì, phối hợp với Bộ Tài chính tổ chức thực hiện Đề án, hoàn thành trong "
                "năm 2028.\nĐiều 3. Quyết định này có hiệu lực kể từ ngày ký.\n",
                "THỦ TƯỚNG CHÍNH PHỦ\nSố: 300/QĐ-TTg\nHà Nội, ngày 05 tháng 02 năm 2028\nQUYẾT ĐỊNH\n"
                "Phê duyệt Đề án phát triển thị trường trong nước\n")
    assert [(t.number, t.lead, t.coordinators) for t in plan.tasks] == [("2", ["Bộ Công Thương"], ["Bộ Tài chính"])]


def test_items_numbered_with_a_dash_for_their_stop_are_items():
    # "1- Ban …" / "2- Sở …" (the stop OCR read as a dash), the first one read because a "2" follows it
    plan = read("I. NHIỆM VỤ\n1- Ban Dân vận Tỉnh ủy\na) Hướng dẫn công tác dân vận; hoàn thành trong Quý II/2028.\n"
                "2- Sở Nội vụ\na) Rà soát tổ chức bộ máy; hoàn thành trong Quý III/2028.\n")
    assert [(t.number, t.lead) for t in plan.tasks] == [("I.1.a", ["Ban Dân vận Tỉnh ủy"]), ("I.2.a", ["Sở Nội vụ"])]
