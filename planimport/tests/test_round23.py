"""Round 23: general rules about a document's structure (not its wording), from round 21's blind set
(devset/blind21/README.md), each on a made-up text with other provinces, bodies and words than those documents."""

from planimport.tests.test_variants import T, got, read


def test_parenthesised_items_under_lettered_headings_are_tasks_of_their_own():
    # "(1)" … "(4)" numbered on under "a." / "b.": each item its own task, the lettered heading none
    plan = read("II. NHIỆM VỤ TRỌNG TÂM\na. Phát triển nguồn nhân lực y tế\n"
                "(1) Đào tạo bác sĩ chuyên khoa cho tuyến xã\n"
                "Chủ trì: Sở Y tế; phối hợp: Trường Cao đẳng Y tế tỉnh\nThời gian: Năm 2027\n"
                "(2) Thu hút bác sĩ trẻ về công tác tại vùng khó khăn\nChủ trì: Sở Nội vụ\nThời gian: Thường xuyên\n"
                "b. Đầu tư cơ sở vật chất\n(3) Nâng cấp Trung tâm Y tế huyện miền núi\n"
                "Chủ trì: Sở Xây dựng; phối hợp: Sở Tài chính\nThời gian: Quý IV/2027\n")
    assert [t.title for t in plan.tasks] == ["Đào tạo bác sĩ chuyên khoa cho tuyến xã",
                                            "Thu hút bác sĩ trẻ về công tác tại vùng khó khăn",
                                            "Nâng cấp Trung tâm Y tế huyện miền núi"]
    assert got(plan)[0] == T("Đào tạo bác sĩ chuyên khoa cho tuyến xã", ["Sở Y tế"],
                             ["Trường Cao đẳng Y tế tỉnh"], "Năm 2027", "deadline", "2027-12-31")
    assert plan.tasks[2].lead == ["Sở Xây dựng"]


def test_roman_lettered_points_under_a_heading_that_names_the_lead():
    # "i)", "ii)", "iii)" under "1. Sở Công Thương:": each point its own task, led by the heading's body
    plan = read("II. NHIỆM VỤ\n1. Sở Công Thương:\n"
                "i) Chủ trì, phối hợp với Sở Tài chính xây dựng chương trình khuyến công; thời hạn: Quý II/2027.\n"
                "ii) Tổ chức hội chợ hàng nông sản hằng năm.\n"
                "iii) Theo dõi thị trường xăng dầu; thực hiện thường xuyên.\n"
                "2. Sở Tài chính:\ni) Bố trí kinh phí thực hiện Kế hoạch.\nii) Hướng dẫn thanh quyết toán kinh phí.\n")
    tasks = plan.tasks
    assert [t.title for t in tasks] == [
        "Chủ trì, phối hợp với Sở Tài chính xây dựng chương trình khuyến công",
        "Tổ chức hội chợ hàng nông sản hằng năm.", "Theo dõi thị trường xăng dầu; thực hiện thường xuyên.",
        "Bố trí kinh phí thực hiện Kế hoạch.", "Hướng dẫn thanh quyết toán kinh phí."]
    assert [t.lead for t in tasks] == [["Sở Công Thương"]] * 3 + [["Sở Tài chính"]] * 2
    assert tasks[0].coordinators == ["Sở Tài chính"]


def test_a_comma_before_a_body_name_written_with_capitals_splits_two_names():
    # "Tỉnh Đoàn", "Thành Đoàn" (each word capitalised) begin a body's name as "Tỉnh đoàn" does: two names
    from planimport.names import split_names
    assert split_names("Sở Tư pháp, Tỉnh Đoàn Gia Lai") == ["Sở Tư pháp", "Tỉnh Đoàn Gia Lai"]
    assert split_names("Công an thành phố, Thành Đoàn Cần Thơ") == ["Công an thành phố", "Thành Đoàn Cần Thơ"]
    assert split_names("Sở Y tế, Hội Liên Hiệp Phụ nữ tỉnh") == ["Sở Y tế", "Hội Liên Hiệp Phụ nữ tỉnh"]
    # a name whose own words hold a comma stays whole
    assert split_names("Báo và Phát thanh, Truyền hình Gia Lai") == ["Báo và Phát thanh, Truyền hình Gia Lai"]


def test_a_coordinator_line_of_two_bodies_at_a_comma():
    plan = read("II. NHIỆM VỤ\n1. Tổ chức Tháng hành động vì trẻ em\n- Cơ quan chủ trì: Sở Y tế.\n"
                "- Cơ quan phối hợp: Sở Giáo dục và Đào tạo, Tỉnh Đoàn Kon Tum.\n- Thời gian: Tháng 6/2027.\n")
    assert plan.tasks[0].coordinators == ["Sở Giáo dục và Đào tạo", "Tỉnh Đoàn Kon Tum"]
