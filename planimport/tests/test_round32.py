"""Round 32: general rules about a document's structure (not its wording), from the eleventh blind set (blind27;
devset/SOURCES.md, "Eleventh blind set"), each on a made-up text with other provinces, bodies and words than those
documents."""

from planimport.tests.test_variants import read


def test_a_heading_that_names_its_bodies_then_only_verbs_of_directing_leads_its_points():
    # "2. Đảng ủy Sở X lãnh đạo, chỉ đạo:" over lettered points: the verbs have no object (the points are what is
    # directed), so the bodies before them lead every point; a heading whose verb has an object stays no lead
    plan = read("II. NHIỆM VỤ, GIẢI PHÁP\n"
                "1. Đảng ủy Sở Công Thương lãnh đạo, chỉ đạo:\n"
                "a) Rà soát quy hoạch mạng lưới chợ nông thôn; thời gian: Quý III/2028.\n"
                "b) Xây dựng đề án phát triển thương mại điện tử; thời gian: Năm 2028.\n"
                "2. Hội Nông dân tỉnh và Liên minh Hợp tác xã tỉnh tổ chức thực hiện:\n"
                "- Vận động hội viên tham gia chuỗi liên kết sản xuất; thực hiện hằng năm.\n")
    assert [(t.number, t.lead, t.timeframe.text) for t in plan.tasks] == [
        ("II.1.a", ["Đảng ủy Sở Công Thương"], "Quý III/2028"), ("II.1.b", ["Đảng ủy Sở Công Thương"], "Năm 2028"),
        ("II.2.1", ["Hội Nông dân tỉnh", "Liên minh Hợp tác xã tỉnh"], "thực hiện hằng năm")]


def test_a_partners_owner_in_brackets_is_no_part_of_its_name():
    # "…, phối hợp với Viện X (Viện Y) khảo nghiệm …": the bracket after the partner names the body it belongs to;
    # the partner is named without it (the words inside are not cut as the partner's, "Khoa học" read as a verb),
    # and its name still ends at the verb after the bracket
    plan = read("II. NHIỆM VỤ\n"
                "1. Sở Nông nghiệp và Môi trường:\n"
                "- Chọn giống cây ăn quả chịu hạn, phối hợp với Viện Nghiên cứu Rau quả (Viện Khoa học Nông nghiệp "
                "Việt Nam) khảo nghiệm tại các xã vùng cao; thời gian: Quý II/2028.\n")
    assert [(t.lead, t.coordinators) for t in plan.tasks] == [
        (["Sở Nông nghiệp và Môi trường"], ["Viện Nghiên cứu Rau quả"])]


def test_the_doer_named_in_brackets_after_the_work_leads_it():
    # "1.2. <work> (Phòng X thực hiện); thời hạn: …" and "(Trung tâm Y thực hiện, phối hợp với Z)" with the time on a
    # label line below: the bracket names the lead (and whom it works with); the bracket and the label leave the
    # title. A bracket of another kind ("(sau đây gọi là …)") is the work's own words, and the item no task
    plan = read("II. NHIỆM VỤ CỤ THỂ\n"
                "1. Cải cách thủ tục hành chính\n"
                "1.1. Chuẩn hóa quy trình tiếp nhận hồ sơ trực tuyến (Phòng Kiểm soát thủ tục hành chính thực hiện); "
                "thời hạn: trước 30/9/2028.\n"
                "1.2. Mở điểm hỗ trợ người dân nộp hồ sơ tại các bưu cục (Trung tâm Phục vụ hành chính công thực "
                "hiện, phối hợp với Bưu điện tỉnh).\n"
                "Thời hạn: Quý IV/2028\n"
                "1.3. Lập danh mục dịch vụ công (sau đây gọi là Danh mục) trình Chủ tịch.\n")
    assert [(t.number, t.title, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        ("1.1", "Chuẩn hóa quy trình tiếp nhận hồ sơ trực tuyến", ["Phòng Kiểm soát thủ tục hành chính"], [],
         "trước 30/9/2028"),
        ("1.2", "Mở điểm hỗ trợ người dân nộp hồ sơ tại các bưu cục", ["Trung tâm Phục vụ hành chính công"],
         ["Bưu điện tỉnh"], "Quý IV/2028")]


def test_leads_given_only_in_the_closing_part_by_the_tasks_numbers():
    # items that name no body ("2.1. …; thời hạn: …"), their lead and partners given at the end by number: "III. Tổ
    # chức thực hiện" / "1. Phòng X: chủ trì thực hiện các nhiệm vụ tại mục 2 Phần II; phối hợp với Y thực hiện nhiệm
    # vụ 2.1, phối hợp với Z thực hiện nhiệm vụ 2.2 và 2.3." Items that name their own lead keep it; the closing
    # point itself is no task
    plan = read("II. NHIỆM VỤ\n"
                "1. Chuyển đổi số\n"
                "1.1. Số hóa hồ sơ lưu trữ của Chi cục; thời hạn: Quý II/2028.\n"
                "Đơn vị thực hiện: Văn phòng Chi cục\n"
                "2. Quản lý chất lượng giống cây trồng\n"
                "2.1. Kiểm tra các cơ sở sản xuất giống lúa; thời hạn: Quý III/2028.\n"
                "2.2. Lấy mẫu kiểm nghiệm giống ngô, đậu tương; thời hạn: Tháng 8/2028.\n"
                "2.3. Công bố danh sách cơ sở đạt chuẩn; thời hạn: Tháng 12/2028.\n"
                "III. TỔ CHỨC THỰC HIỆN\n"
                "1. Phòng Trồng trọt: chủ trì thực hiện các nhiệm vụ tại mục 2 Phần II; phối hợp với Trung tâm Khuyến "
                "nông tỉnh thực hiện nhiệm vụ 2.1, phối hợp với Trung tâm Kiểm nghiệm giống thực hiện nhiệm vụ 2.2 "
                "và 2.3.\n"
                "2. Văn phòng Chi cục: bố trí kinh phí thực hiện Kế hoạch.\n")
    assert [(t.number, t.lead, t.coordinators) for t in plan.tasks] == [
        ("1.1", ["Văn phòng Chi cục"], []),
        ("2.1", ["Phòng Trồng trọt"], ["Trung tâm Khuyến nông tỉnh"]),
        ("2.2", ["Phòng Trồng trọt"], ["Trung tâm Kiểm nghiệm giống"]),
        ("2.3", ["Phòng Trồng trọt"], ["Trung tâm Kiểm nghiệm giống"])]


LETTER = ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 512/UBND-KT\nV/v khắc phục hậu quả hạn hán năm 2028\n"
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nNinh Thuận, ngày 03 tháng 5 năm 2028\n\n"
          "Kính gửi: Các sở, ban, ngành tỉnh\n\n"
          "Hạn hán kéo dài đã gây thiếu nước sinh hoạt tại nhiều xã. Chủ tịch UBND tỉnh giao nhiệm vụ như sau:\n\n")


def letter(body):
    from planimport.parser import parse_blocks
    from planimport.readers import blocks_from_text

    return parse_blocks(blocks_from_text(LETTER + body))


def test_a_numbered_paragraph_that_asks_without_chu_tri_is_a_task_and_a_connective_sentence_another():
    # numbered paragraphs under no lead: "1. Giao X <verb> …" (no "chủ trì") is a task of X as "Giao X chủ trì …" is;
    # "2. Giao X chủ trì … trước ngày …. Đồng thời, X <verb> …, hoàn thành …" is two tasks ("2.1", "2.2"); the
    # office's follow-up ("Giao X theo dõi, đôn đốc … thực hiện …", no time) is none, nor is the closing rule after it
    plan = letter(
        "1. Giao UBND các xã thiếu nước tổ chức chở nước sinh hoạt cho các hộ dân; hoàn thành trước ngày 20/5/2028.\n\n"
        "2. Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập danh mục công trình cấp nước cần sửa chữa, hoàn "
        "thành trước ngày 31/5/2028. Đồng thời, Sở Xây dựng hướng dẫn các xã khoan giếng dự phòng, hoàn thành trong "
        "Quý III/2028.\n\n"
        "3. Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng bố trí kinh phí, trình UBND tỉnh trước ngày 15/6/2028.\n\n"
        "4. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc các cơ quan thực hiện các nhiệm vụ tại văn bản này.\n\n"
        "Các sở, ban, ngành báo cáo kết quả thực hiện định kỳ hằng tháng, trước ngày 20, về Sở Xây dựng.\n")
    got = [(t.number, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    assert got == [
        ("1", ["UBND các xã thiếu nước"], [], "hoàn thành trước ngày 20/5/2028"),
        ("2.1", ["Sở Xây dựng"], ["Sở Tài chính"], "hoàn thành trước ngày 31/5/2028"),
        ("2.2", ["Sở Xây dựng"], [], "hoàn thành trong Quý III/2028"),
        ("3", ["Sở Tài chính"], ["Sở Xây dựng"], "trước ngày 15/6/2028")]
    assert plan.tasks[2].title.startswith("Đồng thời, Sở Xây dựng hướng dẫn")
    assert plan.reporting.period == "monthly"


def test_a_lone_group_keeps_its_qualifier_up_to_the_verb():
    # "phối hợp với UBND các xã bị ngập úng tổ chức …": one group named alone, its qualifier ("bị ngập úng") its
    # own up to the verb, as a group's last in a list already was; "lấp" (to fill) is no "lập" (to draw up), so
    # "… có kênh mương bị bồi lấp, sạt lở" runs on to the verb
    plan = letter(
        "1. Giao Sở Y tế chủ trì, phối hợp với UBND các xã bị ngập úng tổ chức phun khử khuẩn; thực hiện "
        "thường xuyên.\n\n"
        "2. Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính và UBND các xã có kênh mương bị bồi lấp, sạt lở "
        "khảo sát, lập phương án nạo vét; thời hạn: Quý III/2028.\n")
    assert [t.coordinators for t in plan.tasks] == [
        ["UBND các xã bị ngập úng"], ["Sở Tài chính", "UBND các xã có kênh mương bị bồi lấp, sạt lở"]]


def test_a_points_time_label_wins_over_a_year_in_its_words():
    # "- Giao chỉ tiêu tiêm chủng năm 2028 cho từng trạm y tế; thời gian: Tháng 3/2028." under an assigning heading:
    # the label says when; the year in the work's words ("năm 2028 cho từng trạm") is what the work is about
    plan = read("II. NHIỆM VỤ\n"
                "1. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì, phối hợp với Sở Y tế thực hiện các nhiệm vụ sau:\n"
                "- Giao chỉ tiêu tiêm chủng năm 2028 cho từng trạm y tế xã; thời gian: Tháng 3/2028.\n"
                "- Tổ chức chiến dịch tiêm bổ sung vắc xin sởi; hoàn thành trong Quý II/2028.\n")
    assert [(t.title, t.timeframe.text, str(t.timeframe.due)) for t in plan.tasks] == [
        ("Giao chỉ tiêu tiêm chủng năm 2028 cho từng trạm y tế xã", "Tháng 3/2028", "2028-03-31"),
        ("Tổ chức chiến dịch tiêm bổ sung vắc xin sởi; hoàn thành trong Quý II/2028.", "hoàn thành trong Quý II/2028",
         "2028-06-30")]


def test_a_subject_led_item_with_a_time_label_is_its_subjects_task():
    # "3. Sở Tư pháp chỉ đạo các phòng công chứng …; thời gian: Năm 2028." (no "chủ trì"): the label gives its time,
    # the subject before the verb its lead, as "Sở X chủ trì, …" would; a sentence about no body stays no task
    plan = read("II. NHIỆM VỤ CỦA CÁC CƠ QUAN\n"
                "1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát biên chế; hoàn thành trong Quý II/2028.\n"
                "2. Sở Tư pháp chỉ đạo các phòng công chứng niêm yết công khai phí dịch vụ; thời gian: Năm 2028.\n"
                "3. Tỷ lệ hồ sơ trực tuyến đạt 80% trở lên; thời gian: Năm 2028.\n")
    assert [(t.lead, t.timeframe.text) for t in plan.tasks] == [
        (["Sở Nội vụ"], "hoàn thành trong Quý II/2028"), (["Sở Tư pháp"], "Năm 2028")]
    assert plan.tasks[1].title == "Sở Tư pháp chỉ đạo các phòng công chứng niêm yết công khai phí dịch vụ"


def test_a_closing_point_that_asks_without_chu_tri_and_gives_its_time_is_a_task():
    # "Tổ chức thực hiện" / "1. Đề nghị Hội Nông dân tỉnh và Hội Liên hiệp Phụ nữ tỉnh vận động …; thực hiện hằng
    # năm.": asked (no "chủ trì") with a time of its own, a task as "Giao X chủ trì …, hoàn thành …" there is; the
    # follow-up with no time stays a responsibility
    plan = read("II. NHIỆM VỤ\n"
                "1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính xây dựng đề án; hoàn thành trong "
                "Quý III/2028.\n"
                "III. TỔ CHỨC THỰC HIỆN\n"
                "1. Đề nghị Hội Nông dân tỉnh và Hội Liên hiệp Phụ nữ tỉnh vận động hội viên tham gia mô hình; thực "
                "hiện hằng năm.\n"
                "2. Giao Sở Nông nghiệp và Môi trường theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n")
    assert [(t.lead, t.timeframe.text) for t in plan.tasks] == [
        (["Sở Nông nghiệp và Môi trường"], "hoàn thành trong Quý III/2028"),
        (["Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"], "thực hiện hằng năm")]


def test_a_lower_committee_beside_the_motto_issues():
    # a commune's header laid out in two columns: "UBND TỈNH X   CỘNG HÒA …" / "ỦY BAN NHÂN DÂN XÃ Y   Độc lập …":
    # the commune's committee (the second line, beside the motto's second line) issues, not the province's
    from planimport.parser import parse_blocks
    from planimport.readers import blocks_from_text

    text = ("   UBND TỈNH LÂM ĐỒNG                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "ỦY BAN NHÂN DÂN XÃ ĐẠ TẺH                          Độc lập - Tự do - Hạnh phúc\n\n"
            "   Số: 77/KH-UBND                            Đạ Tẻh, ngày 02 tháng 4 năm 2028\n\n"
            "                              KẾ HOẠCH\n"
            "         Chuyển đổi số trên địa bàn xã Đạ Tẻh năm 2028\n\n"
            "I. NHIỆM VỤ\n"
            "1. Công chức Văn phòng - Thống kê chủ trì, phối hợp với Bưu điện văn hóa xã hướng dẫn người dân cài "
            "đặt VNeID; hoàn thành trong Quý II/2028.\n")
    plan = parse_blocks(blocks_from_text(text))
    assert (plan.issuer, plan.place, plan.number) == ("UBND xã Đạ Tẻh", "Đạ Tẻh", "77/KH-UBND")


def test_a_titles_lines_end_before_an_opening_sentence_that_starts_with_a_time():
    # "CHỈ THỊ" / "Về việc …" / "… năm 2028" / "Năm 2027, tỷ lệ …": the opening paragraph starts with a time and a
    # comma (as "Ngày 20/5/2027, …" does); it is no part of the title
    from planimport.parser import parse_blocks
    from planimport.readers import blocks_from_text

    text = ("ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 05/CT-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nCao Bằng, ngày 10 tháng 2 năm 2028\n\nCHỈ THỊ\n"
            "Về việc tăng cường phòng, chống cháy rừng\ntrong mùa khô năm 2028\n\n"
            "Năm 2027, trên địa bàn tỉnh xảy ra 12 vụ cháy rừng, thiệt hại 40 ha rừng trồng.\n\n"
            "1. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công an tỉnh kiểm tra các vùng trọng điểm; "
            "hoàn thành trong Quý I/2028.\n")
    plan = parse_blocks(blocks_from_text(text))
    assert plan.title == "tăng cường phòng, chống cháy rừng trong mùa khô năm 2028"
