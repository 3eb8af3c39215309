"""Round 35: general rules about a document's structure (not its wording), from the thirteenth blind set (blind29;
devset/SOURCES.md, "Thirteenth blind set"), each on a made-up text with other provinces, bodies and words than those
documents. (Another helper's round-35 tests, on tables one cell line per line, are in test_round35.py.)"""

from planimport.parser import parse_document
from planimport.tests.test_variants import read


def _letter(body):
    return parse_document("cong-van.txt", (LETTER + body).encode())


def test_tasks_as_numbered_word_headings_over_label_lines():
    # "Nhiệm vụ 1: <work>" headings (the work on the heading's line) over label lines: a task each, numbered "1", "2"
    plan = read("II. NHIỆM VỤ CỤ THỂ\n"
                "Nhiệm vụ 1: Xây dựng kho dữ liệu đất đai dùng chung của tỉnh.\n"
                "Đơn vị thực hiện: Sở Tài chính.\n"
                "Thời gian: Quý III/2029.\n"
                "\n"
                "Hoạt động 2: Tập huấn kỹ năng số cho công chức cấp xã.\n"
                "Đơn vị thực hiện: Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp và Công an tỉnh.\n"
                "Thời gian: trong tháng 8/2029.\n"
                "\n"
                "Nhiệm vụ 3: Kiểm tra việc ứng dụng chữ ký số.\n"
                "Đơn vị thực hiện: Thanh tra tỉnh; Sở Tư pháp.\n"
                "Thời gian: Hằng quý.\n"
                "III. TỔ CHỨC THỰC HIỆN\n")
    assert [(t.number, t.title, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        ("1", "Xây dựng kho dữ liệu đất đai dùng chung của tỉnh.", ["Sở Tài chính"], [], "Quý III/2029"),
        ("2", "Tập huấn kỹ năng số cho công chức cấp xã.", ["Sở Nội vụ"], ["Sở Tư pháp", "Công an tỉnh"],
         "trong tháng 8/2029"),
        ("3", "Kiểm tra việc ứng dụng chữ ký số.", ["Thanh tra tỉnh", "Sở Tư pháp"], [], "Hằng quý")]


def test_a_lone_word_heading_is_no_task():
    # one "Nhiệm vụ 1: …" line alone (no "Nhiệm vụ 2") is a line of the item above it, not a list of tasks
    plan = read("II. NHIỆM VỤ\n"
                "1. Sở Xây dựng chủ trì rà soát quy hoạch chung đô thị; thời gian: Quý II/2029.\n"
                "2. Sở Tài chính chủ trì bố trí kinh phí, gồm:\n"
                "Nhiệm vụ 1: Sở Nội vụ theo dõi, tổng hợp; thời gian: Quý IV/2029.\n"
                "3. Sở Y tế chủ trì khám sàng lọc; thời gian: Quý I/2029.\n")
    assert [t.number for t in plan.tasks] == ["1", "2", "3"]


def test_names_one_a_line_under_a_bare_role_label():
    # "Phối hợp:" / "Đơn vị phối hợp:" alone on its line, the names on the lines under it (no commas, no dashes) up to
    # the next label or item: each line one name; the label on its line with its names stays as it was
    plan = read("II. NHIỆM VỤ\n"
                "1. Cải tạo hệ thống chiếu sáng công cộng tại các tuyến đường trung tâm.\n"
                "Chủ trì: Sở Xây dựng.\n"
                "Phối hợp:\n"
                "Công ty Điện lực Bình Định\n"
                "Các sở, ban, ngành tỉnh\n"
                "UBND các xã, phường\n"
                "Thời gian: Quý IV/2029.\n"
                "2. Tổ chức diễn đàn thanh niên khởi nghiệp.\n"
                "Chủ trì: Tỉnh đoàn.\n"
                "Phối hợp: Sở Công Thương; Hội Doanh nhân trẻ tỉnh.\n"
                "Thời gian: tháng 5/2029.\n"
                "3. Lắp đặt camera giám sát giao thông.\n"
                "Đơn vị chủ trì:\n"
                "Công an tỉnh\n"
                "Đơn vị phối hợp:\n"
                "Sở Tài chính\n"
                "III. TỔ CHỨC THỰC HIỆN\n"
                "Sở Nội vụ theo dõi, tổng hợp.\n")
    assert [(t.number, t.title, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        ("1", "Cải tạo hệ thống chiếu sáng công cộng tại các tuyến đường trung tâm.", ["Sở Xây dựng"],
         ["Công ty Điện lực Bình Định", "Các sở, ban, ngành tỉnh", "UBND các xã, phường"], "Quý IV/2029"),
        ("2", "Tổ chức diễn đàn thanh niên khởi nghiệp.", ["Tỉnh đoàn"], ["Sở Công Thương", "Hội Doanh nhân trẻ tỉnh"],
         "tháng 5/2029"),
        ("3", "Lắp đặt camera giám sát giao thông.", ["Công an tỉnh"], ["Sở Tài chính"], "")]


LETTER = ("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN\n"
          "Số: 812/SCT-QLTM\n"
          "V/v tăng cường kiểm soát thị trường dịp Tết\n"
          "Lạng Sơn, ngày 02 tháng 12 năm 2028\n"
          "Kính gửi:\n"
          "- Chi cục Quản lý thị trường;\n"
          "- Ủy ban nhân dân các xã, phường.\n"
          "Sở Công Thương đề nghị các đơn vị, địa phương thực hiện các nội dung sau:\n")


def test_a_follow_up_point_stating_the_periodic_report_is_the_rule_not_a_task():
    # "Giao X là đầu mối theo dõi, tổng hợp …; định kỳ hằng quý, trước ngày 20, các đơn vị báo cáo … về Sở Y (qua Z)":
    # the document's follow-up (no task), its report clause the rule (the time in it no task's time)
    plan = _letter("1. Đề nghị Ủy ban nhân dân các xã, phường kiểm tra các điểm kinh doanh pháo nổ, hoàn thành trong "
                   "tháng 01/2029.\n"
                   "2. Giao Phòng Quản lý thương mại là đầu mối theo dõi, tổng hợp tình hình thị trường; định kỳ hằng "
                   "quý, trước ngày 20, các đơn vị báo cáo kết quả về Sở Công Thương (qua Phòng Quản lý thương mại) để "
                   "tổng hợp.\n")
    assert [t.title for t in plan.tasks] == [
        "Đề nghị Ủy ban nhân dân các xã, phường kiểm tra các điểm kinh doanh pháo nổ, hoàn thành trong tháng 01/2029."]
    assert (plan.reporting.period, plan.reporting.to) == ("quarterly", ["Sở Công Thương"])


def test_a_follow_up_point_with_a_time_of_its_own_stays_a_task():
    # the same words with the point's own deadline before its report clause: a task as before ("là đầu mối" no part
    # of its lead's name)
    plan = _letter("1. Giao Phòng Quản lý thương mại là đầu mối theo dõi, tổng hợp tình hình thị trường, hoàn thành "
                   "trước ngày 15/01/2029; định kỳ hằng quý báo cáo kết quả về Sở Công Thương.\n")
    assert [t.lead for t in plan.tasks] == [["Phòng Quản lý thương mại"]]


def test_a_paragraph_of_two_asks_under_a_letter_asking_all_is_two_tasks_only():
    # the letter asks "các đơn vị, địa phương" before its points; a point of two sentences, "Đề nghị X …; thời gian
    # hoàn thành: …. Đồng thời, X …", is two tasks (each its own lead), not a third task of the whole point
    plan = _letter("1. Đề nghị Chi cục Quản lý thị trường kiểm tra hàng hóa nhập lậu tại các chợ biên giới; thời gian "
                   "hoàn thành: chậm nhất ngày 20/01/2029. Đồng thời, Chi cục Quản lý thị trường chỉ đạo các Đội Quản "
                   "lý thị trường tăng cường kiểm tra ban đêm.\n"
                   "2. Đề nghị Ủy ban nhân dân các xã, phường kiểm tra các điểm kinh doanh pháo nổ, hoàn thành trong "
                   "tháng 01/2029.\n")
    assert [(t.number, t.lead, t.timeframe.text) for t in plan.tasks] == [
        ("1.1", ["Chi cục Quản lý thị trường"], "chậm nhất ngày 20/01/2029"),
        ("1.2", ["Chi cục Quản lý thị trường"], ""),
        ("2", ["Ủy ban nhân dân các xã, phường"], "hoàn thành trong tháng 01/2029")]
    assert plan.tasks[0].timeframe.due.isoformat() == "2029-01-20"


def test_a_body_named_short_in_the_next_sentence_is_the_body_named_before():
    # "Đề nghị Trung tâm Khuyến nông X …. Đồng thời, Trung tâm chỉ đạo …": the short name is the body named just before
    plan = _letter("1. Đề nghị Trung tâm Dịch vụ nông nghiệp tỉnh hướng dẫn nông dân che chắn chuồng trại; thời gian: "
                   "chậm nhất ngày 05/01/2029. Đồng thời, Trung tâm chỉ đạo các trạm khuyến nông theo dõi thời tiết.\n"
                   "2. Đề nghị Sở Y tế kiểm tra an toàn thực phẩm. Đồng thời, Chi cục Thú y chỉ đạo các trạm lấy "
                   "mẫu.\n")
    assert [(t.number, t.lead) for t in plan.tasks] == [
        ("1.1", ["Trung tâm Dịch vụ nông nghiệp tỉnh"]), ("1.2", ["Trung tâm Dịch vụ nông nghiệp tỉnh"]),
        ("2.1", ["Sở Y tế"]), ("2.2", ["Chi cục Thú y"])]


def test_at_the_latest_on_a_date_is_the_sentence_s_time():
    # ", chậm nhất ngày 10/01/2029" at a sentence's end is its time (a deadline on that day), not a year in its words
    plan = _letter("1. Đề nghị Phòng Kế hoạch - Tài chính tham mưu bố trí kinh phí mua vật tư dự phòng năm 2029, chậm "
                   "nhất ngày 10/01/2029.\n")
    (task,) = plan.tasks
    assert (task.timeframe.text, task.timeframe.kind, task.timeframe.due.isoformat()) == (
        "chậm nhất ngày 10/01/2029", "deadline", "2029-01-10")


def test_a_border_post_and_a_port_authority_are_bodies():
    # "Đồn Biên phòng X", "Cảng vụ Hàng hải X" start a body's name: a partner named after the work
    plan = _letter("1. Đề nghị Ủy ban nhân dân xã Quảng Đức kiểm soát việc vận chuyển gia cầm qua cửa khẩu, phối hợp "
                   "với Đồn Biên phòng Hải Hà, thời gian: từ nay đến hết tháng 4/2029.\n"
                   "2. Đề nghị Ban Quản lý cảng cá kiểm tra tàu cá cập cảng, phối hợp với Cảng vụ Hàng hải Quảng "
                   "Ninh.\n")
    assert [(t.lead, t.coordinators) for t in plan.tasks] == [
        (["Ủy ban nhân dân xã Quảng Đức"], ["Đồn Biên phòng Hải Hà"]),
        (["Ban Quản lý cảng cá"], ["Cảng vụ Hàng hải Quảng Ninh"])]


def test_a_representative_office_in_brackets_is_no_part_of_a_name():
    # "Cảng vụ Hàng hải X (Đại diện tại Y) và Cảng hàng không Y": two leads, the bracket (where it acts) no name's
    plan = _letter("1. Đề nghị Cảng vụ Hàng hải Quảng Ninh (Đại diện tại Vân Đồn) và Cảng hàng không Vân Đồn bảo "
                   "đảm an toàn, điều tiết lịch tàu, lịch bay trong dịp Tết.\n")
    assert [t.lead for t in plan.tasks] == [["Cảng vụ Hàng hải Quảng Ninh", "Cảng hàng không Vân Đồn"]]


def test_a_partner_named_after_the_work_of_a_subject_led_item():
    # "X <work>, phối hợp với Y <more work>; thời gian: …": Y coordinates (the same clause); after ";" it is another
    # duty's partner
    plan = read("II. NHIỆM VỤ\n"
                "1. Trung tâm Y tế xã Ea Tul bố trí đủ xe cứu thương, phối hợp với Ban Chỉ huy Quân sự xã xây dựng "
                "phương án sơ tán người dân; thời gian: từ nay đến hết năm 2029.\n"
                "2. Sở Y tế bố trí đủ thuốc dự phòng, hoàn thành trong năm 2029.\n")
    assert [(t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        (["Trung tâm Y tế xã Ea Tul"], ["Ban Chỉ huy Quân sự xã"], "từ nay đến hết năm 2029"),
        (["Sở Y tế"], [], "hoàn thành trong năm 2029")]


def test_a_point_closing_with_its_report_to_a_body_and_a_frequency():
    # "…; báo cáo UBND xã hằng tháng." closing a point: the point's rhythm (ongoing), its title whole
    plan = read("II. NHIỆM VỤ\n"
                "1. Công an xã Ea Tul:\n"
                "a) Chủ trì, phối hợp với Đồn Biên phòng Hải Hà xử lý các hành vi buôn lậu; báo cáo UBND xã hằng quý.\n"
                "b) Tuần tra bảo đảm an ninh tại chợ biên giới; thực hiện thường xuyên.\n")
    assert [(t.title, t.timeframe.text, t.timeframe.kind) for t in plan.tasks] == [
        ("Chủ trì, phối hợp với Đồn Biên phòng Hải Hà xử lý các hành vi buôn lậu; báo cáo UBND xã hằng quý.",
         "hằng quý", "ongoing"),
        ("Tuần tra bảo đảm an ninh tại chợ biên giới; thực hiện thường xuyên.", "thực hiện thường xuyên", "ongoing")]


def test_a_party_committee_s_ban_chi_dao_with_its_name_wrapped_issues():
    # "TỈNH ỦY X" over a Ban Chỉ đạo's name wrapped over three lines (one starting with "CÔNG …"): the Ban Chỉ đạo of
    # the province issues, its name whole
    plan = parse_document("kh.txt", ("TỈNH ỦY NGHỆ AN\n"
                                     "BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG,\n"
                                     "CÔNG TÁC KIỂM TRA, GIÁM SÁT\n"
                                     "VÀ CẢI CÁCH TƯ PHÁP\n"
                                     "*\n"
                                     "Số 12-KH/BCĐ\n"
                                     "ĐẢNG CỘNG SẢN VIỆT NAM\n"
                                     "Nghệ An, ngày 05 tháng 02 năm 2029\n"
                                     "KẾ HOẠCH\n"
                                     "hoạt động của Ban Chỉ đạo năm 2029\n"
                                     "I. MỤC ĐÍCH, YÊU CẦU\n"
                                     "Bảo đảm thực hiện nghiêm túc.\n").encode())
    assert (plan.issuer, plan.number, plan.place) == (
        "Ban Chỉ đạo phòng, chống tham nhũng, công tác kiểm tra, giám sát và cải cách tư pháp tỉnh Nghệ An",
        "12-KH/BCĐ", "Nghệ An")


def test_a_youth_union_s_provincial_committee_issues_as_the_tinh_doan():
    # "BCH ĐOÀN TNCS HỒ CHÍ MINH" / "TỈNH X": the province's Youth Union committee, "Tỉnh đoàn X" ("Thành đoàn" of a
    # city)
    def issuer(lines):
        return parse_document("kh.txt", (lines + "Số: 45-KH/TĐTN-VP\nLâm Đồng, ngày 10 tháng 01 năm 2029\nKẾ HOẠCH\n"
                                         "Tổ chức Tháng Thanh niên năm 2029\nI. MỤC ĐÍCH\nBảo đảm.\n").encode()).issuer
    assert issuer("BCH ĐOÀN TNCS HỒ CHÍ MINH\nTỈNH LÂM ĐỒNG\n***\nĐOÀN TNCS HỒ CHÍ MINH\n") == "Tỉnh đoàn Lâm Đồng"
    assert issuer("BAN CHẤP HÀNH ĐOÀN TNCS HỒ CHÍ MINH\nTHÀNH PHỐ ĐÀ NẴNG\n***\n") == "Thành đoàn Đà Nẵng"
