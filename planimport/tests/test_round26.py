"""Round 26: general rules about a document's structure (not its wording), from round 24's blind set (devset/SOURCES.md,
"Round 25: eighth blind set"), each on a made-up text with other provinces, bodies and words than those documents."""

from planimport.parser import parse_blocks
from planimport.readers import blocks_from_text
from planimport.tests.test_variants import read


def parse(text):
    return parse_blocks(blocks_from_text(text))


def test_a_heading_that_assigns_lead_and_coordinators_over_its_points_is_no_task():
    # "X chủ trì, phối hợp với Y thực hiện các nhiệm vụ sau:" (or "… các nội dung sau:", "Giao X chủ trì, phối hợp
    # với Y và Z triển khai những công việc sau:"): X leads and Y coordinates each dash or lettered point under it;
    # the heading itself is no task
    plan = read("II. NHIỆM VỤ\n"
                "1. Trung tâm Khuyến nông tỉnh chủ trì, phối hợp với Hội Nông dân tỉnh thực hiện các nhiệm vụ sau:\n"
                "- Xây dựng mô hình trồng lúa hữu cơ tại ba hợp tác xã; thời hạn: Quý II/2027.\n"
                "- Tập huấn kỹ thuật canh tác cho nông dân, hoàn thành trong tháng 8/2027.\n"
                "2. Giao Chi cục Thủy lợi chủ trì, phối hợp với Công ty Khai thác công trình thủy lợi và UBND các xã "
                "triển khai những nội dung sau:\n"
                "a) Nạo vét kênh mương nội đồng trước mùa mưa; thời hạn: Tháng 4/2027.\n"
                "b) Kiểm tra an toàn hồ chứa nước trước mùa mưa bão; thực hiện hằng năm.\n")
    tasks = plan.tasks
    assert [t.title[:24] for t in tasks] == [
        "Xây dựng mô hình trồng l", "Tập huấn kỹ thuật canh t", "Nạo vét kênh mương nội đ", "Kiểm tra an toàn hồ chứa"]
    assert [t.lead for t in tasks] == [["Trung tâm Khuyến nông tỉnh"]] * 2 + [["Chi cục Thủy lợi"]] * 2
    assert [t.coordinators for t in tasks] == [["Hội Nông dân tỉnh"]] * 2 + [
        ["Công ty Khai thác công trình thủy lợi", "UBND các xã"]] * 2
    assert [t.timeframe.text for t in tasks] == ["Quý II/2027", "hoàn thành trong tháng 8/2027", "Tháng 4/2027",
                                                 "thực hiện hằng năm"]


def test_the_reporting_rule_is_the_follow_up_parts_not_a_report_a_task_sends():
    # a task's own report ("… lập báo cáo chuyên đề gửi Bộ X trước ngày 15/11/2027", in a dash or a paragraph of an
    # item with its own lead) is that task's work; the plan's rule is the point of "Tổ chức thực hiện" that says who
    # reports to whom ("… báo cáo kết quả thực hiện về Sở Y trước ngày …"), even without "gửi"
    plan = read("II. NHIỆM VỤ\n"
                "1. Phòng Giáo dục thường xuyên:\n"
                "- Rà soát nhu cầu học tập của người lớn tuổi; thời hạn: Quý I/2027.\n"
                "- Tổng hợp số liệu, lập báo cáo chuyên đề gửi Bộ Giáo dục và Đào tạo trước ngày 15/11/2027.\n"
                "III. TỔ CHỨC THỰC HIỆN\n"
                "1. Văn phòng Sở bảo đảm kinh phí thực hiện.\n"
                "2. Định kỳ 6 tháng, các đơn vị báo cáo kết quả thực hiện về Sở Giáo dục và Đào tạo trước ngày 10/6 "
                "và 10/12 để tổng hợp.\n")
    assert plan.reporting.period == "semiannual"
    assert plan.reporting.to == ["Sở Giáo dục và Đào tạo"]
    plan = read("II. NHIỆM VỤ\n"
                "1. Xây dựng cơ sở dữ liệu người học\n"
                "- Chủ trì: Phòng Kế hoạch - Tài chính.\n"
                "- Thời gian: Quý II/2027.\n"
                "Tổng hợp, báo cáo kết quả gửi Bộ Giáo dục và Đào tạo trước ngày 20/12/2027.\n"
                "2. Bồi dưỡng giáo viên\n"
                "- Chủ trì: Trung tâm Ngoại ngữ tỉnh.\n"
                "- Thời gian: Năm 2027.\n"
                "III. TỔ CHỨC THỰC HIỆN\n"
                "1. Văn phòng Sở bảo đảm kinh phí thực hiện.\n"
                "2. Hằng năm, các đơn vị báo cáo kết quả thực hiện về Sở Giáo dục và Đào tạo trước ngày 05/12.\n")
    rep = plan.reporting
    assert (rep.period, rep.due_day, rep.due_month, rep.to) == ("yearly", 5, 12, ["Sở Giáo dục và Đào tạo"])
    # with no rule stated elsewhere, the report a task sends is still read as the rule
    plan = read("II. NHIỆM VỤ\n"
                "1. Xây dựng cơ sở dữ liệu người học\n"
                "- Chủ trì: Phòng Kế hoạch - Tài chính.\n"
                "- Thời gian: Quý II/2027.\n"
                "Tổng hợp, báo cáo kết quả gửi Bộ Giáo dục và Đào tạo trước ngày 20/12 hằng năm.\n")
    assert (plan.reporting.period, plan.reporting.to) == ("yearly", ["Bộ Giáo dục và Đào tạo"])


def test_the_lower_committee_of_a_two_line_header_issues_at_any_level():
    # "UBND TỈNH QUẢNG NINH" / "ỦY BAN NHÂN DÂN ĐẶC KHU VÂN ĐỒN": the lower committee issues whatever its level's word
    # (round 24 read "xã", "phường"; a đặc khu, a thị trấn are levels too)
    for level, written in (("ĐẶC KHU VÂN ĐỒN", "UBND đặc khu Vân Đồn"), ("THỊ TRẤN CÁI RỒNG", "UBND thị trấn Cái Rồng")):
        plan = parse(f"UBND TỈNH QUẢNG NINH\nỦY BAN NHÂN DÂN {level}\nSố: 77/KH-UBND\n"
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                     "Vân Đồn, ngày 9 tháng 3 năm 2027\n\n"
                     "KẾ HOẠCH\nPhòng chống rác thải nhựa trên biển năm 2027\n\n"
                     "I. NHIỆM VỤ\n1. Phòng Kinh tế:\na) Ra quân thu gom rác thải ven biển; thời hạn: Quý II/2027.\n")
        assert plan.issuer == written
        assert plan.title == "Phòng chống rác thải nhựa trên biển năm 2027"


def test_a_plans_title_ends_before_its_annex_note():
    # a decision, then its plan: "KẾ HOẠCH" / its title / "(Ban hành kèm theo Quyết định số … của …)": the title is
    # the line(s) under "KẾ HOẠCH", not the note under them
    plan = parse("ỦY BAN NHÂN DÂN\nXÃ TÂN HIỆP\nSố: 27/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Độc lập - Tự do - Hạnh phúc\nTân Hiệp, ngày 12 tháng 1 năm 2027\n\n"
                 "QUYẾT ĐỊNH\nBan hành Kế hoạch phát triển thư viện cộng đồng năm 2027\n\n"
                 "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển thư viện cộng đồng năm 2027.\n"
                 "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n\n"
                 "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nCHỦ TỊCH\nLê Văn Bình\n\n"
                 "KẾ HOẠCH\nPhát triển thư viện cộng đồng trên địa bàn xã Tân Hiệp năm 2027\n"
                 "(Ban hành kèm theo Quyết định số 27/QĐ-UBND ngày 12/01/2027 của Chủ tịch UBND xã Tân Hiệp)\n\n"
                 "I. NHIỆM VỤ\n1. Công chức Văn hóa - Xã hội:\n"
                 "a) Mở thêm hai điểm đọc sách tại nhà văn hóa ấp; thời hạn: Quý III/2027.\n")
    assert plan.title == "Phát triển thư viện cộng đồng trên địa bàn xã Tân Hiệp năm 2027"
    assert plan.issuer == "UBND xã Tân Hiệp"


def test_a_group_heading_of_the_units_under_a_body_leads_its_one_point():
    # "6. Các cơ quan, đơn vị trực thuộc UBND phường:" over a single dash: the group (kinds joined by a comma, then
    # "trực thuộc"/"thuộc" and the body they belong to, at any level) leads that dash, which is a task
    from planimport.names import group_keys

    plan = read("II. NHIỆM VỤ\n"
                "1. Phòng Văn hóa - Thông tin phường:\n"
                "- Rà soát các thiết chế văn hóa khu phố; thời hạn: Quý I/2027.\n"
                "2. Các cơ quan, đơn vị trực thuộc UBND phường:\n"
                "- Treo băng rôn tuyên truyền theo hướng dẫn; hoàn thành: Tháng 10/2027.\n"
                "III. TỔ CHỨC THỰC HIỆN\n"
                "1. Văn phòng HĐND và UBND phường bảo đảm kinh phí thực hiện.\n")
    assert [(t.lead, t.title) for t in plan.tasks][1:] == [
        (["Các cơ quan, đơn vị trực thuộc UBND phường"], "Treo băng rôn tuyên truyền theo hướng dẫn")]
    assert plan.tasks[1].timeframe.text == "Tháng 10/2027"
    for name in ("Các cơ quan, đơn vị trực thuộc UBND đặc khu", "các đơn vị, cơ quan thuộc Ủy ban nhân dân xã",
                 "các đơn vị trực thuộc Sở"):
        assert group_keys(name) == ["units"], name


def test_a_coordinator_named_after_the_work_and_ending_in_dac_khu():
    # ", phối hợp với Y; thời hạn: …" after a point's work names Y as coordinator under a heading that gave only the
    # lead; "đặc khu" (a place's level since 2025, two words) closes a name as "xã", "phường" do
    plan = read("II. NHIỆM VỤ\n"
                "1. Giao Ban Quản lý các khu du lịch đặc khu chủ trì thực hiện các nhiệm vụ sau:\n"
                "a) Xây dựng bến đón khách du lịch tại cảng Bến Đầm; thời hạn: Quý III/2027.\n"
                "b) Lắp đặt biển chỉ dẫn song ngữ tại các điểm du lịch, phối hợp với Phòng Văn hóa, Thể thao và Du lịch "
                "đặc khu; thời hạn: 6 tháng đầu năm 2027.\n"
                "c) Chủ trì, phối hợp với Công an đặc khu và Hội Nông dân đặc khu tổ chức ra quân dọn vệ sinh bãi biển "
                "(thời gian: Quý II/2027).\n")
    tasks = plan.tasks
    assert [t.lead for t in tasks] == [["Ban Quản lý các khu du lịch đặc khu"]] * 3
    assert [t.coordinators for t in tasks] == [[], ["Phòng Văn hóa, Thể thao và Du lịch đặc khu"],
                                               ["Công an đặc khu", "Hội Nông dân đặc khu"]]
    assert tasks[1].timeframe.text == "6 tháng đầu năm 2027"


def test_the_lead_of_an_assigning_heading_is_every_word_before_chu_tri():
    # "2. Giao Ban Quản lý dự án phát triển đô thị xã chủ trì thực hiện các nhiệm vụ sau:": the heading's own words
    # end the name, so lower-case words in it that read as work elsewhere ("phát triển") stay the name's; its points
    # inherit it and read their own coordinators after their work
    plan = read("II. NHIỆM VỤ\n"
                "1. Phòng Kinh tế xã:\n"
                "- Rà soát quỹ đất công trên địa bàn xã; thời hạn: Quý I/2027.\n"
                "2. Giao Ban Quản lý dự án phát triển đô thị xã chủ trì thực hiện các nhiệm vụ sau:\n"
                "a) Hoàn thành nâng cấp chợ trung tâm xã (thời gian: Tháng 9/2027).\n"
                "b) Cải tạo hệ thống thoát nước khu dân cư, phối hợp với Công ty Cấp nước Thanh Sơn; thời hạn: "
                "Quý IV/2027.\n")
    tasks = plan.tasks
    assert [t.title[:20] for t in tasks] == ["Rà soát quỹ đất công", "Hoàn thành nâng cấp ", "Cải tạo hệ thống tho"]
    assert [t.lead for t in tasks[1:]] == [["Ban Quản lý dự án phát triển đô thị xã"]] * 2
    assert [t.coordinators for t in tasks] == [[], [], ["Công ty Cấp nước Thanh Sơn"]]
    assert [t.timeframe.text for t in tasks[1:]] == ["Tháng 9/2027", "Quý IV/2027"]


def test_a_coordinator_label_after_a_points_work_is_its_coordinator():
    # "- <work> (phối hợp: Y); thời hạn: …" or "(phối hợp: Y; thời gian: …)" under a heading naming the lead: Y
    # coordinates, the labels leave the title as a time label alone does
    plan = read("II. NHIỆM VỤ\n"
                "1. Phòng Kinh tế xã:\n"
                "- Lắp đặt đèn chiếu sáng các tuyến đường liên thôn (phối hợp: Điện lực Hương Khê); thời hạn: Quý II/2027.\n"
                "- Tổ chức hội chợ nông sản của xã (phối hợp: Hội Nông dân xã, Hội Phụ nữ xã; thời gian: Quý III/2027).\n"
                "- Rà soát quỹ đất công trên địa bàn xã; thời hạn: Quý I/2027.\n"
                "- Vận động Nhân dân hiến đất mở đường (phối hợp: Ban Công tác Mặt trận các thôn).\n")
    tasks = plan.tasks
    assert [t.title for t in tasks] == ["Lắp đặt đèn chiếu sáng các tuyến đường liên thôn",
                                        "Tổ chức hội chợ nông sản của xã", "Rà soát quỹ đất công trên địa bàn xã",
                                        "Vận động Nhân dân hiến đất mở đường"]
    assert [t.coordinators for t in tasks] == [["Điện lực Hương Khê"], ["Hội Nông dân xã", "Hội Phụ nữ xã"], [],
                                               ["Ban Công tác Mặt trận các thôn"]]
    assert [t.timeframe.text for t in tasks] == ["Quý II/2027", "Quý III/2027", "Quý I/2027", ""]
