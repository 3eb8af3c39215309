"""Round 38: general rules about a document's structure (not its wording), from the fifteenth blind set (blind31;
devset/SOURCES.md, "Fifteenth blind set"), each on a made-up text with other provinces, bodies and words than those
documents."""

from planimport.tests.test_variants import read


def _by_number(plan):
    return [(t.number, t.title.rstrip("."), t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]


def test_one_responsibility_cell_x_chu_tri_then_partners():
    # one "Trách nhiệm" column: "X (chủ trì); Y, Z" — X leads, the names after ";" coordinate; a name alone leads
    tasks = _by_number(read(
        "II. NHIỆM VỤ CỤ THỂ\n"
        "| STT | Nội dung | Trách nhiệm | Thời gian |\n"
        "| 1 | Chuẩn hóa danh mục dữ liệu mở của tỉnh | Trung tâm Chuyển đổi số (chủ trì); Phòng Pháp chế, "
        "Văn phòng Sở | Quý III/2029 |\n"
        "| 2 | Vận hành cổng dữ liệu mở | Trung tâm Chuyển đổi số | Thường xuyên |\n"
        "III. TỔ CHỨC THỰC HIỆN\n"))
    assert [t[2:] for t in tasks] == [
        (["Trung tâm Chuyển đổi số"], ["Phòng Pháp chế", "Văn phòng Sở"], "Quý III/2029"),
        (["Trung tâm Chuyển đổi số"], [], "Thường xuyên")]


TAB_TABLE = ("II. NHIỆM VỤ\n"
             "STT\tNội dung\tChủ trì\tPhối hợp\tThời gian\n"
             "1\tDọn dẹp hành lang an toàn đường sắt qua khu dân cư\tPhòng Quản lý đô thị\tCông an xã,\tQuý II/2029\n"
             "\t\t\tBan Quản lý các thôn\t\n"
             "2\tLắp đặt biển cảnh báo tại các lối đi tự mở qua\n"
             "\tđường sắt\tPhòng Quản lý đô thị\tCông an xã\tQuý III/2029\n"
             "3\tTuần tra, ngăn chặn họp chợ lấn chiếm lòng đường\n"
             "\t\tCông an xã\tĐoàn Thanh niên xã\tThường xuyên\n"
             "III. TỔ CHỨC THỰC HIỆN\n")


def test_a_tab_table_s_wrapped_rows_go_on():
    # a TAB text table whose row breaks after its work (one tab on the line): the next line, its first cell empty,
    # goes on that row (the work's last words, or only the other cells)
    tasks = _by_number(read(TAB_TABLE))
    assert [t[1:] for t in tasks] == [
        ("Dọn dẹp hành lang an toàn đường sắt qua khu dân cư", ["Phòng Quản lý đô thị"],
         ["Công an xã", "Ban Quản lý các thôn"], "Quý II/2029"),
        ("Lắp đặt biển cảnh báo tại các lối đi tự mở qua đường sắt", ["Phòng Quản lý đô thị"], ["Công an xã"],
         "Quý III/2029"),
        ("Tuần tra, ngăn chặn họp chợ lấn chiếm lòng đường", ["Công an xã"], ["Đoàn Thanh niên xã"], "Thường xuyên")]


def test_unit_word_labels_over_word_numbered_tasks():
    # "Nhiệm vụ n: work." over "Khoa/Phòng chủ trì:", "Khoa/Phòng phối hợp:", "Thời hạn:" (a unit word before the role)
    tasks = _by_number(read(
        "II. CÁC NHIỆM VỤ\n"
        "Nhiệm vụ 1: Chuẩn hóa quy trình tiếp nhận người bệnh cấp cứu.\n"
        "   Khoa/Phòng chủ trì: Khoa Cấp cứu\n"
        "   Khoa/Phòng phối hợp: Phòng Điều dưỡng, Khoa Nội tổng hợp\n"
        "   Thời hạn: Quý II/2029\n"
        "Nhiệm vụ 2: Kiểm tra hồ sơ bệnh án hằng tháng.\n"
        "   Phòng chủ trì: Phòng Kế hoạch tổng hợp\n"
        "   Thời hạn: Hằng tháng\n"
        "III. TỔ CHỨC THỰC HIỆN\n"))
    assert [t[1:] for t in tasks] == [
        ("Chuẩn hóa quy trình tiếp nhận người bệnh cấp cứu", ["Khoa Cấp cứu"],
         ["Phòng Điều dưỡng", "Khoa Nội tổng hợp"], "Quý II/2029"),
        ("Kiểm tra hồ sơ bệnh án hằng tháng", ["Phòng Kế hoạch tổng hợp"], [], "Hằng tháng")]


def test_a_point_ending_with_its_doer_after_a_dash():
    # "a) work, time — X thực hiện, phối hợp với Y." — the title the words before the dash, X leads, Y coordinates
    tasks = _by_number(read(
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "1. Nhiệm vụ\n"
        "a) Khảo sát nhu cầu học nghề của thanh niên vùng biên giới, trong quý III/2029 — Phòng Lao động thực "
        "hiện, phối hợp với Trường Cao đẳng Kỹ thuật tỉnh và Hội Nông dân tỉnh.\n"
        "b) Cấp học bổng cho học sinh nghèo vượt khó — Văn phòng Ban thực hiện.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"))
    assert [t[1:] for t in tasks] == [
        ("Khảo sát nhu cầu học nghề của thanh niên vùng biên giới, trong quý III/2029", ["Phòng Lao động"],
         ["Trường Cao đẳng Kỹ thuật tỉnh", "Hội Nông dân tỉnh"], "trong quý III/2029"),
        ("Cấp học bổng cho học sinh nghèo vượt khó", ["Văn phòng Ban"], [], "")]


def test_a_report_of_the_year_s_results_by_a_date_is_yearly():
    # "Các đơn vị báo cáo kết quả thực hiện năm 2029 về X (qua Y) trước ngày 25/11/2029": a yearly rule to X
    plan = read("II. NHIỆM VỤ\n"
                "1. Rà soát hồ sơ đất đai; Chủ trì: Phòng Kinh tế; Thời gian: Quý II/2029.\n"
                "III. TỔ CHỨC THỰC HIỆN\n"
                "1. Các phòng tổ chức triển khai Kế hoạch này.\n"
                "2. Các phòng, đơn vị báo cáo kết quả thực hiện năm 2029 về Ban Dân tộc tỉnh (qua Văn phòng Ban) trước "
                "ngày 25/11/2029 để tổng hợp.\n")
    assert (plan.reporting.period, plan.reporting.to) == ("yearly", ["Ban Dân tộc tỉnh"])
    assert (plan.reporting.due_day, plan.reporting.due_month) == (25, 11)


def test_a_team_and_a_department_are_names_in_a_list():
    # "Công an xã, Đội Dân phòng xã": a team ("Đội …") starts a name of its own in a list parted by commas; "đội ngũ"
    # (staff) does not
    tasks = _by_number(read(
        "II. NHIỆM VỤ\n"
        "| STT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n"
        "| 1 | Tuần tra phòng cháy khu chợ | Ban Chỉ huy Quân sự xã | Công an xã, Đội Dân phòng xã | Quý I/2029 |\n"
        "III. TỔ CHỨC THỰC HIỆN\n"))
    assert tasks[0][3] == ["Công an xã", "Đội Dân phòng xã"]
