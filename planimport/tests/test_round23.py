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


def test_a_topical_heading_over_assigning_paragraphs_is_no_task_and_each_paragraph_is():
    # "2. Phát triển …" (a topic) over paragraphs that ask ("Yêu cầu X …"), charge ("X chịu trách nhiệm …") or
    # assign ("Giao X …"): each paragraph a task, the heading none; a closing standing paragraph no task
    plan = read("II. NHIỆM VỤ\n1. Truyền thông\n"
                "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Đài Phát thanh và Truyền hình Bến Tre "
                "mở chuyên mục về du lịch cộng đồng, hoàn thành trước ngày 30/9/2026.\n\n"
                "Đề nghị Hội Nông dân tỉnh phối hợp với Sở Công Thương giới thiệu sản phẩm OCOP, thực hiện trong "
                "tháng 8/2027.\n\n"
                "2. Phát triển sản phẩm du lịch\n"
                "Công an tỉnh chịu trách nhiệm chính, phối hợp với Sở Y tế bảo đảm an ninh tại các điểm du lịch; "
                "thực hiện thường xuyên.\n\n"
                "Yêu cầu UBND các xã, phường rà soát các homestay trên địa bàn, gửi Sở Tài chính trước ngày "
                "20/11/2026.\n\n"
                "Các sở, ban, ngành căn cứ chức năng, nhiệm vụ chủ động lồng ghép nội dung phát triển du lịch vào "
                "kế hoạch của đơn vị.\n\n"
                "III. TỔ CHỨC THỰC HIỆN\nSở Văn hóa, Thể thao và Du lịch theo dõi, đôn đốc thực hiện Kế hoạch này.\n")
    tasks = plan.tasks
    assert [t.title[:30] for t in tasks] == ["Giao Sở Văn hóa, Thể thao và D", "Đề nghị Hội Nông dân tỉnh phối",
                                            "Công an tỉnh chịu trách nhiệm ", "Yêu cầu UBND các xã, phường rà"]
    assert tasks[2].lead == ["Công an tỉnh"] and tasks[2].coordinators == ["Sở Y tế"]
    assert tasks[2].timeframe.text == "thực hiện thường xuyên"
    assert tasks[3].lead == ["UBND các xã, phường"]


def test_dong_thoi_opens_a_second_task_in_the_paragraph():
    # "… . Đồng thời, Sở X <làm> …": a second task of the same paragraph, its subject the lead; its title keeps
    # "Đồng thời,"
    plan = read("II. NHIỆM VỤ\n1. Cải thiện môi trường kinh doanh\n"
                "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát thủ tục hành chính liên thông, hoàn thành "
                "trước ngày 30/6/2027. Đồng thời, Sở Nội vụ xây dựng bộ chỉ số đánh giá năng lực điều hành cấp xã, "
                "trình UBND tỉnh trong Quý III/2027.\n"
                "Đề nghị Hiệp hội Doanh nghiệp tỉnh phối hợp với Sở Tài chính tổ chức đối thoại doanh nghiệp; thực "
                "hiện hằng năm.\n")
    tasks = plan.tasks
    assert len(tasks) == 3
    assert tasks[0].title.endswith("hoàn thành trước ngày 30/6/2027.")
    assert tasks[1].title.startswith("Đồng thời, Sở Nội vụ xây dựng")
    assert tasks[1].lead == ["Sở Nội vụ"] and tasks[1].coordinators == []
    assert tasks[1].timeframe.due.isoformat() == "2027-09-30"
    assert tasks[2].lead == ["Hiệp hội Doanh nghiệp tỉnh"]


def test_the_focal_body_and_the_chief_responsible_body_lead():
    # "X là cơ quan đầu mối, phối hợp với Y …" and "X chịu trách nhiệm chính, phối hợp với Y …": X leads, Y helps
    plan = read("II. NHIỆM VỤ\n1. Nâng cao chất lượng dân số\n"
                "Giao Sở Y tế chủ trì, phối hợp với Sở Tư pháp rà soát quy định về hôn nhân cận huyết, hoàn thành "
                "trước ngày 30/4/2027. Trung tâm Kiểm soát bệnh tật tỉnh là cơ quan đầu mối, phối hợp với Hội Liên "
                "hiệp Phụ nữ tỉnh tổ chức tư vấn tiền hôn nhân, thực hiện hằng quý.\n\n"
                "Bệnh viện Đa khoa tỉnh chịu trách nhiệm chính, phối hợp với Trung tâm Y tế các huyện tổ chức sàng lọc sơ "
                "sinh; thực hiện thường xuyên.\n")
    tasks = plan.tasks
    assert [t.lead for t in tasks] == [["Sở Y tế"], ["Trung tâm Kiểm soát bệnh tật tỉnh"], ["Bệnh viện Đa khoa tỉnh"]]
    assert tasks[1].coordinators == ["Hội Liên hiệp Phụ nữ tỉnh"]
    assert tasks[2].coordinators == ["Trung tâm Y tế các huyện"]


def test_giving_work_without_chu_tri_and_an_abbreviated_body_under_a_topical_heading():
    # "Giao X <làm> …; thời gian: …" asks X as "Yêu cầu X …" does; "Đề nghị BHXH tỉnh chủ trì …": an initialism
    # opening a name is a body
    plan = read("II. NHIỆM VỤ\n1. Bảo đảm nguồn lực\n"
                "Giao Sở Tài chính cân đối kinh phí sự nghiệp cho các xã biên giới; thời gian: Tháng 10/2026.\n\n"
                "Đề nghị KBNN tỉnh chủ trì, phối hợp với Sở Tài chính hướng dẫn thủ tục thanh toán vốn; thực hiện "
                "thường xuyên.\n\n2. Kiểm tra, giám sát\n"
                "Thanh tra tỉnh chủ trì, phối hợp với Sở Nội vụ kiểm tra việc sử dụng kinh phí, hoàn thành trong "
                "Quý IV/2027.\n")
    tasks = plan.tasks
    assert [t.lead for t in tasks] == [["Sở Tài chính"], ["KBNN tỉnh"], ["Thanh tra tỉnh"]]
    assert tasks[0].title == "Giao Sở Tài chính cân đối kinh phí sự nghiệp cho các xã biên giới"
    assert tasks[0].timeframe.text == "Tháng 10/2026"
    assert tasks[1].coordinators == ["Sở Tài chính"]


def test_half_year_phrase_kept_whole_as_the_time():
    # "… trong 6 tháng đầu năm 2027" closing a sentence: the whole phrase, not "năm 2027"
    plan = read("II. NHIỆM VỤ\n1. Chuyển đổi số\n"
                "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ số hóa hồ sơ, tài liệu lưu trữ; "
                "thực hiện thường xuyên.\n\n"
                "Sở Nội vụ có trách nhiệm bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã trong 6 tháng đầu năm "
                "2027.\n")
    assert plan.tasks[1].timeframe.text == "trong 6 tháng đầu năm 2027"
    assert plan.tasks[1].timeframe.due.isoformat() == "2027-06-30"


def test_a_laid_out_pages_centred_title_line_ends_the_title():
    # a PDF page as laid out: the title's last line centred, "Căn cứ …" at the margin under it starts a paragraph
    # of its own (a line at the margin otherwise goes on the paragraph before it)
    from planimport.readers import blocks_from_text
    text = ("       ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "         TỈNH GIA LAI                    Độc lập - Tự do - Hạnh phúc\n"
            "         Số: 77/KH-UBND              Gia Lai, ngày 3 tháng 9 năm 2026\n\n"
            "                                KẾ HOẠCH\n"
            "Phát triển cây dược liệu dưới tán rừng trên địa bàn tỉnh Gia Lai giai\n"
            "                           đoạn 2026 - 2030\n"
            "Căn cứ Luật Lâm nghiệp năm 2017; theo đề nghị của Sở Nông nghiệp và Môi\n"
            "trường, UBND tỉnh ban hành Kế hoạch như sau:\n"
            "     I. MỤC TIÊU\n"
            "     Phát triển vùng trồng dược liệu tập trung, gắn với bảo vệ và phát triển\n"
            "rừng bền vững.\n"
            "     II. NHIỆM VỤ\n"
            "     1. Rà soát quỹ đất dưới tán rừng phù hợp trồng dược liệu.\n"
            "     2. Xây dựng mô hình liên kết trồng và tiêu thụ dược liệu.\n")
    paras = [v for k, v in blocks_from_text(text) if k == "p"]
    assert "Phát triển cây dược liệu dưới tán rừng trên địa bàn tỉnh Gia Lai giai đoạn 2026 - 2030" in paras
    assert ("Căn cứ Luật Lâm nghiệp năm 2017; theo đề nghị của Sở Nông nghiệp và Môi trường, UBND tỉnh ban hành Kế "
            "hoạch như sau:") in paras
