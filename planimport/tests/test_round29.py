"""Round 29: general rules about a document's structure (not its wording), from round 26's blind set (devset/SOURCES.md,
"Round 26: ninth blind set"), each on a made-up text with other provinces, bodies and words than those documents."""

from planimport.parser import parse_blocks
from planimport.readers import blocks_from_text
from planimport.tests.test_variants import read


def test_a_closing_clause_that_ties_the_work_to_a_yearly_cycle_is_its_timeframe():
    # "…; thực hiện theo <a cycle> hằng năm." closing a point: the clause whole is its time (the budget's cycle is
    # DESIGN.md's budget_cycle, shown as annual); a cadence inside the work ("… kế hoạch kiểm tra hằng năm theo …") is
    # not
    plan = read("II. NHIỆM VỤ\n"
                "1. Phòng Kế hoạch - Tài chính:\n"
                "- Bố trí kinh phí mua sắm trang thiết bị cho các trạm quan trắc; thực hiện theo chu kỳ lập dự toán "
                "ngân sách hằng năm.\n"
                "- Rà soát định mức chi cho hoạt động quan trắc; triển khai theo tiến độ giao vốn hằng quý.\n"
                "- Xây dựng kế hoạch kiểm tra hằng năm theo hướng giảm trùng lặp; thời gian: Quý I/2027.\n")
    tasks = plan.tasks
    assert [t.timeframe.text for t in tasks] == [
        "thực hiện theo chu kỳ lập dự toán ngân sách hằng năm", "triển khai theo tiến độ giao vốn hằng quý",
        "Quý I/2027"]
    assert [t.timeframe.json_kind for t in tasks] == ["annual", "ongoing", "deadline"]


def test_a_central_departments_name_runs_on_in_lower_case_up_to_the_verb():
    # "Cục Di sản văn hóa", "Tổng cục Thể dục thể thao": a ministry's department names its field in lower case after
    # its first capitalised word; the name ends at the verb ("kiểm tra", "rà soát", "thanh tra"), not at its second
    # lower-case word. Other bodies keep the rule they had ("Cục Thuế tỉnh hướng dẫn …")
    plan = read("II. NHIỆM VỤ\n"
                "1. Văn phòng Bộ:\n"
                "- Chủ trì, phối hợp với Cục Di sản văn hóa kiểm tra các bảo tàng ngoài công lập; thời gian: Năm "
                "2027.\n"
                "- Chủ trì, phối hợp với Tổng cục Thể dục thể thao rà soát các giải đấu cấp quốc gia; thời gian: "
                "Quý II/2027.\n"
                "- Chủ trì, phối hợp với Cục Bảo tồn thiên nhiên và Đa dạng sinh học thanh tra các khu bảo tồn; thời "
                "gian: Quý III/2027.\n"
                "- Chủ trì, phối hợp với Cục Thuế tỉnh hướng dẫn các doanh nghiệp lữ hành; thời gian: Năm 2027.\n")
    assert [t.coordinators for t in plan.tasks] == [
        ["Cục Di sản văn hóa"], ["Tổng cục Thể dục thể thao"], ["Cục Bảo tồn thiên nhiên và Đa dạng sinh học"],
        ["Cục Thuế tỉnh"]]


def test_a_unit_named_in_brackets_after_its_body_is_no_part_of_the_name():
    # "Bộ Quốc phòng (Cục Cứu hộ - Cứu nạn)": the body, its unit in brackets saying which of its units works; the
    # name is the body's (the keys' convention). A bracket that is no unit's name stays ("Trung tâm Y tế (cũ)")
    plan = read("II. NHIỆM VỤ\n"
                "1. Xây dựng quy chế phối hợp tìm kiếm cứu nạn trên biển\n"
                "- Đơn vị chủ trì: Văn phòng Bộ.\n"
                "- Đơn vị phối hợp: Bộ Quốc phòng (Cục Cứu hộ - Cứu nạn); Bộ Ngoại giao (Vụ Luật pháp và Điều ước quốc "
                "tế, Cục Lãnh sự); Trung tâm Y tế huyện Bình Sơn (cũ).\n"
                "- Thời gian hoàn thành: Quý IV/2027.\n")
    assert plan.tasks[0].coordinators == ["Bộ Quốc phòng", "Bộ Ngoại giao", "Trung tâm Y tế huyện Bình Sơn (cũ)"]


def test_a_partner_named_in_a_later_clause_of_a_point_with_no_subject():
    # under a heading that names the lead, "<work>; phối hợp với Y <more work>; thời gian: …" names Y, whom the lead
    # works with (up to the verb); a point with its own subject ("X có trách nhiệm …; phối hợp với Y xử lý …") keeps
    # round 22's reading: Y is in X's further duty, no coordinator
    plan = read("II. NHIỆM VỤ\n"
                "1. Trung tâm Văn hóa tỉnh:\n"
                "- Biên soạn tài liệu giới thiệu di sản của tỉnh; phối hợp với Đài Phát thanh và Truyền hình tỉnh "
                "phát sóng các phóng sự chuyên đề; thời gian: Quý II/2027.\n"
                "- Tổ chức triển lãm ảnh về di sản; phối hợp với các nghệ nhân trưng bày hiện vật; thời gian: Năm "
                "2027.\n"
                "- Phục dựng lễ hội truyền thống; phối hợp với cơ quan liên quan quảng bá lễ hội, thực hiện hằng năm.\n"
                "- Số hóa tư liệu về các làng nghề; phối hợp với Báo Văn nghệ giới thiệu các làng nghề; thời gian: "
                "Năm 2027.\n"
                "2. Bảo vệ di tích\n"
                "- Ban Quản lý di tích tỉnh có trách nhiệm tu bổ các di tích xuống cấp; phối hợp với Công an tỉnh "
                "xử lý hành vi xâm phạm di tích, thực hiện thường xuyên.\n")
    assert [t.coordinators for t in plan.tasks] == [["Đài Phát thanh và Truyền hình tỉnh"], [], [], ["Báo Văn nghệ"],
                                                    []]


def test_a_partners_proper_name_ends_at_the_lower_case_word_after_it():
    # "Phối hợp với Công ty Cấp nước Hòa Bình bảo vệ …": the company's name ends with its place, at a verb the parser
    # has no word for; a kind of body in lower case and its qualifier ("các doanh nghiệp viễn thông") stays whole
    plan = read("II. NHIỆM VỤ\n"
                "1. Sở Xây dựng:\n"
                "- Phối hợp với Công ty Cấp nước Hòa Bình bảo vệ hành lang an toàn đường ống, xử lý các trường hợp vi "
                "phạm; thời gian: Năm 2027.\n"
                "- Phối hợp với Viettel Hòa Bình kéo cáp quang tới các xã vùng cao; thời gian: Quý III/2027.\n"
                "- Phối hợp với các doanh nghiệp viễn thông lắp đặt trạm phát sóng; thời gian: Năm 2027.\n")
    assert [t.coordinators for t in plan.tasks] == [["Công ty Cấp nước Hòa Bình"], ["Viettel Hòa Bình"],
                                                    ["các doanh nghiệp viễn thông"]]


DIRECTIVE = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 07/CT-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 15 tháng 4 năm 2027\n\nCHỈ THỊ\n"
             "VỀ VIỆC TĂNG CƯỜNG PHÒNG, CHỐNG ĐUỐI NƯỚC CHO HỌC SINH DỊP HÈ NĂM 2027\n\n")


def directive(body):
    return parse_blocks(blocks_from_text(DIRECTIVE + body))


def test_office_holders_lead_a_directives_items_as_written():
    # a Chỉ thị asks office holders: "2. Giám đốc X chỉ đạo … phối hợp với Y …" is one task of the holder (Y whom the
    # force he directs works with); "3. Giám đốc Sở X, Tổng Biên tập Tạp chí Y:" two holders, parted at the comma
    # before the second title (their bodies' names may hold commas), leading its dash
    plan = directive(
        "Năm học vừa qua, công tác bảo đảm an toàn trường học được các cấp quan tâm. Để chủ động phòng ngừa tai nạn, "
        "đuối nước cho học sinh trong dịp hè, Chủ tịch UBND tỉnh yêu cầu:\n"
        "1. Giám đốc Sở Giáo dục và Đào tạo:\n"
        "- Chỉ đạo các trường học tổ chức tuyên truyền kỹ năng phòng, chống đuối nước cho học sinh trước khi nghỉ hè; "
        "thời gian: Tháng 5/2027.\n"
        "- Chủ trì, phối hợp với Tỉnh đoàn tổ chức các lớp dạy bơi miễn phí cho học sinh tiểu học; thời gian: Tháng "
        "7/2027.\n"
        "2. Giám đốc Bảo hiểm xã hội tỉnh chỉ đạo các phòng nghiệp vụ phối hợp với Sở Y tế rà soát việc tham gia bảo "
        "hiểm y tế học sinh; thực hiện hằng năm.\n"
        "3. Giám đốc Sở Tài chính, Tổng Biên tập Tạp chí Văn nghệ tỉnh:\n"
        "- Bố trí kinh phí và đăng tải các bài viết về phòng, chống đuối nước trẻ em; thời gian: Quý II/2027.\n"
        "4. Chủ tịch UBND các xã, phường:\n"
        "- Rà soát, cắm biển cảnh báo tại các ao, hồ, sông, suối nguy hiểm, hoàn thành trước ngày 31/5/2027.\n")
    tasks = {t.number: t for t in plan.tasks}
    assert sorted(tasks) == ["1.1", "1.2", "2", "3.1", "4.1"]
    assert tasks["2"].lead == ["Giám đốc Bảo hiểm xã hội tỉnh"]
    assert tasks["2"].coordinators == ["Sở Y tế"]
    assert tasks["2"].timeframe.text == "thực hiện hằng năm"
    assert tasks["2"].title.startswith("Giám đốc Bảo hiểm xã hội tỉnh chỉ đạo các phòng nghiệp vụ")
    assert tasks["3.1"].lead == ["Giám đốc Sở Tài chính", "Tổng Biên tập Tạp chí Văn nghệ tỉnh"]
    assert tasks["1.1"].lead == ["Giám đốc Sở Giáo dục và Đào tạo"] and tasks["1.1"].coordinators == []


def test_a_directives_only_rule_a_report_on_request_is_read_with_no_period():
    # "… báo cáo đột xuất … về Sở X khi có yêu cầu": the one reporting rule stated, with no period ("other"), to Sở X
    # ("khi có yêu cầu" no part of the name); a plan with a periodic rule keeps it
    plan = directive(
        "Chủ tịch UBND tỉnh yêu cầu:\n"
        "1. Giám đốc Sở Giáo dục và Đào tạo:\n"
        "- Chỉ đạo các trường học tổ chức tuyên truyền kỹ năng phòng, chống đuối nước; thời gian: Tháng 5/2027.\n"
        "Giao Sở Giáo dục và Đào tạo theo dõi, đôn đốc việc thực hiện Chỉ thị này. Các sở, ngành, UBND các xã, phường "
        "báo cáo đột xuất tình hình thực hiện về Sở Giáo dục và Đào tạo khi có yêu cầu để tổng hợp, báo cáo Chủ tịch "
        "UBND tỉnh.\n")
    assert (plan.reporting.period, plan.reporting.to) == ("other", ["Sở Giáo dục và Đào tạo"])
    assert plan.reporting.text.startswith("Các sở, ngành, UBND các xã, phường báo cáo đột xuất")
    plan = directive(
        "Chủ tịch UBND tỉnh yêu cầu:\n"
        "1. Giám đốc Sở Giáo dục và Đào tạo:\n"
        "- Chỉ đạo các trường học tổ chức tuyên truyền kỹ năng phòng, chống đuối nước; thời gian: Tháng 5/2027.\n"
        "Các sở, ngành báo cáo đột xuất về Sở Giáo dục và Đào tạo khi có yêu cầu; định kỳ hằng quý báo cáo kết quả "
        "gửi Sở Giáo dục và Đào tạo trước ngày 20 tháng cuối quý.\n")
    assert plan.reporting.period == "quarterly"


def test_a_project_board_is_a_known_body_not_cut_at_its_verbs():
    # "Ban Quản lý dự án đầu tư xây dựng" (a province's, a region's or a commune's board for public works; bodies.py)
    # holds the words "đầu tư", "xây dựng" that read as work elsewhere: the name runs on over them to its place
    plan = read("II. NHIỆM VỤ\n"
                "1. Phòng Kinh tế, Hạ tầng và Đô thị xã:\n"
                "- Phối hợp với Ban Quản lý dự án đầu tư xây dựng khu vực Tây Nguyên kiểm tra tiến độ các công trình "
                "trường học; thời gian: Quý II/2027.\n"
                "- Phối hợp với Ban Quản lý dự án đầu tư xây dựng xã nghiệm thu các công trình; thời gian: Năm 2027.\n")
    assert [t.coordinators for t in plan.tasks] == [["Ban Quản lý dự án đầu tư xây dựng khu vực Tây Nguyên"],
                                                    ["Ban Quản lý dự án đầu tư xây dựng xã"]]


def test_a_units_name_of_two_fields_heads_its_points_whole():
    # "2. Phòng Quản lý xử lý vi phạm hành chính và Bổ trợ tư pháp:" — a unit named by its fields, the second
    # capitalised after "và": its lower-case words that read as work ("xử lý") are its name's; a heading whose verb
    # is followed by a body ("2. Sở Y tế chỉ đạo các bệnh viện và Trung tâm Y tế:") is no such name
    plan = read("II. NHIỆM VỤ\n"
                "1. Phòng Quản lý đầu tư công và Hợp tác quốc tế:\n"
                "- Rà soát danh mục dự án sử dụng vốn vay ODA; thời gian: Quý I/2027.\n"
                "- Phối hợp với Kho bạc Nhà nước khu vực X giải ngân vốn đầu tư công; thực hiện thường xuyên.\n"
                "2. Phòng Ngân sách:\n"
                "- Thẩm định dự toán chi thường xuyên của các sở; thời gian: Tháng 11/2027.\n"
                "3. Sở Y tế chỉ đạo các bệnh viện và Trung tâm Kiểm soát bệnh tật tỉnh:\n"
                "- Chuẩn bị đủ thuốc, vật tư y tế; thời gian: Quý I/2027.\n")
    assert [t.lead for t in plan.tasks] == [["Phòng Quản lý đầu tư công và Hợp tác quốc tế"]] * 2 + [
        ["Phòng Ngân sách"], ["Sở Y tế"]]
