"""Round 37: general rules about a document's structure (not its wording), from the fourteenth blind set (blind30;
devset/SOURCES.md, "Fourteenth blind set"), each on a made-up text with other provinces, bodies and words than those
documents."""

from planimport.tests.test_variants import read


def test_giao_label_on_the_task_line_names_the_lead():
    # each task one numbered line: its work, then "Giao: X; Phối hợp: Y; Thời gian: Z." — "Giao:" labels the lead
    plan = read("II. NHIỆM VỤ\n"
                "1. Cập nhật bản đồ vùng nguy cơ ngập úng trên địa bàn phường. Giao: Phòng Quản lý đô thị; "
                "Phối hợp: Công an phường và Trạm Y tế phường; Thời gian: Quý III/2029.\n"
                "2. Kiểm tra hệ thống thoát nước trước mùa mưa. Giao: Ban Chỉ huy Quân sự phường; "
                "Thời gian: thường xuyên.\n"
                "III. TỔ CHỨC THỰC HIỆN\n")
    # (the title the work before "Giao:", its full stop aside)
    assert [(t.number, t.title.rstrip("."), t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        ("1", "Cập nhật bản đồ vùng nguy cơ ngập úng trên địa bàn phường", ["Phòng Quản lý đô thị"],
         ["Công an phường", "Trạm Y tế phường"], "Quý III/2029"),
        ("2", "Kiểm tra hệ thống thoát nước trước mùa mưa", ["Ban Chỉ huy Quân sự phường"], [], "thường xuyên")]


def _by_number(plan):
    return [(t.number, t.title.rstrip("."), t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]


GROUP_HEADING = ("II. NHIỆM VỤ\n"
                 "\n"
                 "1. Ban Thường vụ Hội Cựu chiến binh phường:\n"
                 "– Tổ chức tập huấn nghiệp vụ cho cán bộ hội; thời gian: tháng 02/2029.\n"
                 "\n"
                 "2. Các chi hội cựu chiến binh khu phố:\n"
                 "– Sinh hoạt chi hội theo định kỳ; thời gian: hằng tháng.\n"
                 "– Tham gia giữ gìn trật tự đô thị; thời gian: thường xuyên.\n"
                 "\n"
                 "3. Các chi đoàn thanh niên thôn:\n"
                 "– Ra quân làm sạch kênh mương; thời gian: Quý II/2029.\n"
                 "\n"
                 "III. TỔ CHỨC THỰC HIỆN\n")


def test_a_mass_organisation_s_branches_lead_the_dashes_under_them():
    # "Các chi hội …:" / "Các chi đoàn …:": an association's (the Youth Union's) branches, a group that leads its points
    tasks = _by_number(read(GROUP_HEADING))
    assert tasks[1:] == [
        ("II.2.1", "Sinh hoạt chi hội theo định kỳ", ["Các chi hội cựu chiến binh khu phố"], [], "hằng tháng"),
        ("II.2.2", "Tham gia giữ gìn trật tự đô thị", ["Các chi hội cựu chiến binh khu phố"], [], "thường xuyên"),
        ("II.3.1", "Ra quân làm sạch kênh mương", ["Các chi đoàn thanh niên thôn"], [], "Quý II/2029")]


def test_a_heading_x_leads_with_y_then_a_bare_thuc_hien_colon():
    # "3. X chủ trì, phối hợp với A và B thực hiện:" over dashes (no "các nhiệm vụ sau"): X leads each, A and B
    # coordinate, the heading is no task
    tasks = _by_number(read(
        "II. NHIỆM VỤ\n"
        "\n"
        "1. Văn phòng Hội Cựu chiến binh phường chủ trì, phối hợp với Công an phường và Trường Tiểu học Hòa Bình "
        "thực hiện:\n"
        "– Tổ chức giáo dục truyền thống cho học sinh; thời gian: tháng 12/2029.\n"
        "– Vận động quỹ nghĩa tình đồng đội; thời gian: trong quý III/2029.\n"
        "\n"
        "2. Ủy ban Kiểm tra Hội Cựu chiến binh phường:\n"
        "– Kiểm tra việc thu, chi hội phí; thời gian: Quý IV/2029.\n"
        "\n"
        "III. TỔ CHỨC THỰC HIỆN\n"))
    pair = ["Công an phường", "Trường Tiểu học Hòa Bình"]
    assert tasks == [
        ("II.1.1", "Tổ chức giáo dục truyền thống cho học sinh", ["Văn phòng Hội Cựu chiến binh phường"], pair,
         "tháng 12/2029"),
        ("II.1.2", "Vận động quỹ nghĩa tình đồng đội", ["Văn phòng Hội Cựu chiến binh phường"], pair,
         "trong quý III/2029"),
        ("II.2.1", "Kiểm tra việc thu, chi hội phí", ["Ủy ban Kiểm tra Hội Cựu chiến binh phường"], [], "Quý IV/2029")]


def test_a_field_in_lower_case_ends_a_partner_s_name_not_before_it():
    # "phối hợp với Phòng Quản lý đô thị vận động …", "… Trung tâm Xúc tiến du lịch quảng bá …": the field ("đô
    # thị", "du lịch") is the partner's name's last words, the verb after it the work
    tasks = _by_number(read(
        "II. NHIỆM VỤ\n"
        "1. Đề nghị Công an phường phối hợp với Phòng Quản lý đô thị vận động các hộ kinh doanh không lấn chiếm "
        "vỉa hè, trong quý II/2029.\n"
        "2. Giao Văn phòng Sở chủ trì, phối hợp với Trung tâm Xúc tiến du lịch quảng bá điểm đến mùa hè; thời gian: "
        "Quý II/2029.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"))
    assert [(t[2], t[3]) for t in tasks] == [(["Công an phường"], ["Phòng Quản lý đô thị"]),
                                             (["Văn phòng Sở"], ["Trung tâm Xúc tiến du lịch"])]


def test_a_bank_s_transaction_office_is_one_name():
    # "Ngân hàng … - Phòng giao dịch X": "giao dịch" (transactions) is no "giao" (to assign): the office's name whole
    tasks = _by_number(read(
        "II. NHIỆM VỤ\n"
        "1. Ban Thường vụ Hội Phụ nữ xã và Ngân hàng Nông nghiệp - Phòng giao dịch Bắc Sơn:\n"
        "– Rà soát các tổ vay vốn; thời gian: Quý III/2029.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"))
    assert tasks[0][2] == ["Ban Thường vụ Hội Phụ nữ xã", "Ngân hàng Nông nghiệp - Phòng giao dịch Bắc Sơn"]


def test_the_budget_as_assigned_is_no_yearly_cycle():
    # "Theo dự toán ngân sách được phân bổ": the work follows the budget given, no rhythm ("other"); "… dự toán ngân
    # sách hằng năm" is the yearly budget cycle
    plan = read("II. NHIỆM VỤ\n"
                "1. Mua sắm trang thiết bị cứu hộ cho lực lượng xung kích. Giao: Phòng Kinh tế; "
                "Thời gian: Theo dự toán ngân sách được phân bổ.\n"
                "2. Bảo dưỡng trang thiết bị cứu hộ. Giao: Phòng Kinh tế; "
                "Thời gian: Theo dự toán ngân sách hằng năm.\n"
                "3. Sửa chữa nhà văn hóa các thôn. Giao: Phòng Kinh tế; "
                "Thời gian: Theo kế hoạch dự toán được giao hằng năm.\n"
                "III. TỔ CHỨC THỰC HIỆN\n")
    assert [t.timeframe.kind for t in plan.tasks] == ["other", "budget_cycle", "budget_cycle"]


def test_a_closing_periodically_clause_is_the_time():
    # "Giao X cập nhật …, định kỳ hằng quý.": the closing clause is the point's rhythm
    tasks = _by_number(read(
        "II. NHIỆM VỤ\n"
        "1. Giao Trung tâm Văn hóa tỉnh cập nhật lịch biểu diễn nghệ thuật lên cổng thông tin, định kỳ hằng quý.\n"
        "2. Giao Phòng Văn hóa - Xã hội bổ sung sách cho các điểm đọc cộng đồng, định kỳ hằng tháng.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"))
    assert [(t[2], t[4]) for t in tasks] == [(["Trung tâm Văn hóa tỉnh"], "định kỳ hằng quý"),
                                             (["Phòng Văn hóa - Xã hội"], "định kỳ hằng tháng")]
