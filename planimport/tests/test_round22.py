"""Round 22: general rules for the patterns round 20's blind set showed (devset/blind20/README.md), each on a made-up
text with other bodies and words than those documents."""

import pytest

from planimport.tests.test_variants import T, got, read


@pytest.mark.parametrize("label", ["Hoàn thành", "Thời gian", "Thời hạn", "Tiến độ", "Thời gian trình",
                                   "Thời gian thực hiện", "Thời hạn hoàn thành", "Tiến độ thực hiện"])
def test_every_time_label_on_a_dash_line_of_its_own(label):
    # "- Hoàn thành: Quý III/2026." under a numbered point is the point's time, as "- Thời gian: …" is
    plan = read("II. NHIỆM VỤ\n1. Nâng cấp hệ thống thủy lợi\n"
                "1.1. Kiên cố hóa kênh mương nội đồng tại các xã vùng trũng\n"
                "- Cơ quan chủ trì: Sở Xây dựng.\n- Cơ quan phối hợp: Công ty TNHH MTV Khai thác thủy lợi.\n"
                f"- {label}: Quý III/2026.\n"
                "1.2. Nạo vét hồ chứa nước trước mùa mưa lũ\n- Cơ quan chủ trì: Công ty TNHH MTV Khai thác thủy lợi.\n")
    assert got(plan)[0] == T("Kiên cố hóa kênh mương nội đồng tại các xã vùng trũng", ["Sở Xây dựng"],
                             ["Công ty TNHH MTV Khai thác thủy lợi"], "Quý III/2026", "deadline", "2026-09-30")


@pytest.mark.parametrize("label", ["hoàn thành", "thời gian", "thời hạn", "tiến độ", "thời gian trình",
                                   "thời gian thực hiện", "Thời hạn hoàn thành"])
def test_every_time_label_inline_after_a_semicolon_leaves_the_title(label):
    # "…; hoàn thành: Tháng 11/2026." at a dash's end under a heading that names the lead: the label and its value
    # leave the title and are the time
    plan = read("II. NHIỆM VỤ\n1. Sở Giáo dục và Đào tạo:\n"
                f"- Chủ trì, phối hợp với Đại học Tây Nguyên biên soạn tài liệu giáo dục địa phương; {label}: "
                "Tháng 11/2026.\n")
    assert got(plan) == [T("Chủ trì, phối hợp với Đại học Tây Nguyên biên soạn tài liệu giáo dục địa phương",
                           ["Sở Giáo dục và Đào tạo"], ["Đại học Tây Nguyên"], "Tháng 11/2026", "deadline",
                           "2026-11-30")]


@pytest.mark.parametrize("label", ["hoàn thành", "thời gian trình", "tiến độ"])
def test_an_inline_time_label_in_an_assigning_sentence_leaves_the_title(label):
    plan = read("II. NHIỆM VỤ\n1. Phát triển giao thông nông thôn\n"
                "- Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập đề án cứng hóa đường trục xã; "
                f"{label}: Quý II/2027.\n"
                "- Giao Công an tỉnh chủ trì lắp đặt đèn tín hiệu tại các nút giao; thời gian: Năm 2027.\n")
    assert got(plan)[0] == T("Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập đề án cứng hóa đường trục xã",
                             ["Sở Xây dựng"], ["Sở Tài chính"], "Quý II/2027", "deadline", "2027-06-30")


def test_completion_in_a_sentence_is_no_label():
    # "hoàn thành" without a colon is the sentence's own time phrase, kept whole in the title as before
    plan = read("II. NHIỆM VỤ\n1. Sở Giáo dục và Đào tạo:\n"
                "- Chủ trì, phối hợp với Đại học Tây Nguyên biên soạn tài liệu giáo dục địa phương, hoàn thành trong "
                "Quý IV/2026.\n")
    assert got(plan) == [T("Chủ trì, phối hợp với Đại học Tây Nguyên biên soạn tài liệu giáo dục địa phương, hoàn "
                           "thành trong Quý IV/2026.", ["Sở Giáo dục và Đào tạo"], ["Đại học Tây Nguyên"],
                           "hoàn thành trong Quý IV/2026", "deadline", "2026-12-31")]


@pytest.mark.parametrize("phrase, kind", [("thực hiện hằng quý", "ongoing"), ("thực hiện hàng quý", "ongoing"),
                                          ("thực hiện hằng tháng", "ongoing"), ("thực hiện thường xuyên", "ongoing"),
                                          ("thực hiện hằng năm", "annual")])
def test_a_recurring_time_phrase_closing_a_point(phrase, kind):
    # "…; thực hiện hằng quý." closing a point: its timeframe, kept whole in the title (as "thực hiện thường xuyên")
    plan = read("II. NHIỆM VỤ\n1. Trung tâm Y tế huyện:\n"
                f"- Chủ trì, phối hợp với Bảo hiểm xã hội huyện khám sàng lọc bệnh mạn tính cho người cao tuổi; {phrase}.\n")
    assert got(plan) == [T("Chủ trì, phối hợp với Bảo hiểm xã hội huyện khám sàng lọc bệnh mạn tính cho người cao tuổi; "
                           f"{phrase}.", ["Trung tâm Y tế huyện"], ["Bảo hiểm xã hội huyện"], phrase, kind)]


def test_a_quarter_inside_a_sentence_is_no_recurring_time():
    # "báo cáo hằng quý" inside the work (not its last clause): no timeframe of the point
    plan = read("II. NHIỆM VỤ\n1. Trung tâm Y tế huyện:\n"
                "- Chủ trì, phối hợp với Bảo hiểm xã hội huyện tổng hợp số liệu hằng quý về bệnh mạn tính, công khai "
                "trên cổng thông tin của huyện.\n")
    assert [t.timeframe.text for t in plan.tasks] == [""]


def test_a_report_every_month_inside_the_work_is_no_time():
    plan = read("II. NHIỆM VỤ\n1. Trung tâm Y tế huyện:\n"
                "- Hướng dẫn các trạm y tế xã định kỳ hằng tháng báo cáo số ca bệnh truyền nhiễm gửi về Trung tâm Kiểm "
                "soát bệnh tật tỉnh để tổng hợp.\n")
    assert [t.timeframe.text for t in plan.tasks] == [""]


@pytest.mark.parametrize("sentence, lead, coordinators", [
    ("Giao Sở Văn hóa, Thể thao và Du lịch (cơ quan đầu mối) chủ trì, phối hợp với Sở Xây dựng lập đề án phát triển "
     "du lịch biển, hoàn thành trong năm 2026.", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Xây dựng"]),
    ("Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính (cơ quan thường trực Ban Chỉ đạo), Sở Công Thương rà soát "
     "quy hoạch bến cảng, hoàn thành trong năm 2026.", ["Sở Xây dựng"], ["Sở Tài chính", "Sở Công Thương"]),
    ("Đề nghị Liên đoàn Lao động tỉnh (đơn vị thường trực) chủ trì, phối hợp với Hội Nông dân tỉnh tổ chức hội thi "
     "tay nghề, hoàn thành trong năm 2026.", ["Liên đoàn Lao động tỉnh"], ["Hội Nông dân tỉnh"]),
])
def test_a_role_in_brackets_is_no_part_of_a_name_in_a_sentence(sentence, lead, coordinators):
    # "(cơ quan đầu mối)", "(cơ quan thường trực …)", "(đơn vị thường trực)" after a name in an assigning sentence:
    # the body's role, not its name nor the lead; the title keeps the sentence as written
    plan = read("II. NHIỆM VỤ\n1. Phát triển kinh tế biển\n- " + sentence + "\n"
                "- Giao Công an tỉnh chủ trì bảo đảm an ninh vùng biển, thực hiện thường xuyên.\n")
    task = plan.tasks[0]
    assert (task.title, task.lead, task.coordinators) == (sentence, lead, coordinators)


def _docx_table(rows):
    import io

    from docx import Document

    from planimport.parser import parse_document

    document = Document()
    for line in ["Số: 9/KH-UBND", "Huế, ngày 2 tháng 2 năm 2026", "KẾ HOẠCH", "Thử", "I. NHIỆM VỤ"]:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows) + 1, cols=5)
    for j, c in enumerate(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]):
        table.cell(0, j).text = c
    for i, row in enumerate(rows, 1):
        for j, c in enumerate(row):
            cell = table.cell(i, j)
            paragraphs = c if isinstance(c, list) else [c]
            cell.text = paragraphs[0]
            for more in paragraphs[1:]:
                cell.add_paragraph(more)
    buffer = io.BytesIO()
    document.save(buffer)
    return parse_document("plan.docx", buffer.getvalue())


def test_a_cells_paragraphs_with_no_separator_are_a_name_each():
    # a coordinator cell of two paragraphs, neither with a comma nor a starter word the parser knows ("Ga đường sắt
    # Huế" / "Cảng hàng không Phú Bài"): a name each, as "Sở X" / "Sở Y" paragraphs are
    plan = _docx_table([
        ["1", "Xây dựng bãi đỗ xe trung chuyển", "Sở Xây dựng", ["Ga đường sắt Huế", "Cảng hàng không Phú Bài"],
         "Năm 2026"],
        ["2", "Mở tuyến xe buýt kết nối", "Sở Xây dựng", ["Sở Tài chính", "Cảng hàng không Phú Bài"], "Năm 2026"],
        ["3", "Cải tạo nhà chờ", "Sở Xây dựng", ["Sở Văn hóa, Thể thao và", "Du lịch"], "Năm 2026"]])
    assert [t.coordinators for t in plan.tasks] == [["Ga đường sắt Huế", "Cảng hàng không Phú Bài"],
                                                    ["Sở Tài chính", "Cảng hàng không Phú Bài"],
                                                    ["Sở Văn hóa, Thể thao và Du lịch"]]


@pytest.mark.parametrize("title", [
    "Thanh tra, giám sát việc sử dụng đất của các dự án chậm tiến độ.",
    "Thanh tra việc chấp hành pháp luật về đất đai tại các xã.",
    "Thanh tra chuyên đề về quản lý khoáng sản",
    "Phòng, chống sạt lở bờ sông tại các xã ven sông.",
    "Phòng ngừa ô nhiễm nguồn nước tại các làng nghề.",
])
def test_a_title_opening_with_a_verb_that_also_names_a_body(title):
    # "Thanh tra" (to inspect) and "Phòng" (to prevent) open work, though "Thanh tra tỉnh" and "Phòng Kinh tế" are
    # bodies: the lead is the label's alone
    plan = read("II. NHIỆM VỤ\n1. Quản lý tài nguyên\n1.1. " + title + "\n- Chủ trì: Thanh tra tỉnh.\n"
                "- Phối hợp: Sở Nông nghiệp và Môi trường.\n- Thời gian: Năm 2026.\n")
    assert [(t.lead, t.coordinators) for t in plan.tasks] == [(["Thanh tra tỉnh"], ["Sở Nông nghiệp và Môi trường"])]


@pytest.mark.parametrize("line, lead", [
    ("2. Thanh tra tỉnh:", ["Thanh tra tỉnh"]), ("2. Thanh tra Sở Xây dựng:", ["Thanh tra Sở Xây dựng"]),
    ("2. Phòng Kinh tế huyện:", ["Phòng Kinh tế huyện"]), ("2. Thanh tra huyện, Phòng Tư pháp:", ["Thanh tra huyện",
                                                                                                  "Phòng Tư pháp"])])
def test_those_bodies_still_lead_from_a_heading(line, lead):
    plan = read("II. NHIỆM VỤ\n1. Sở Tài chính:\n- Bố trí kinh phí, thực hiện hằng năm.\n" + line +
                "\n- Kiểm tra việc bồi thường, hỗ trợ tái định cư, hoàn thành trong năm 2026.\n")
    assert [t.lead for t in plan.tasks] == [["Sở Tài chính"], lead]


def test_rows_without_outer_pipes_keep_an_empty_number_cell():
    # "1 | … | Sở X | … | Năm 2026 |" rows (no leading pipe, a trailing one before an empty last cell) and their
    # continuation rows " | … |" with an empty number cell: the cells stay in their columns, the row above goes on
    # (its title in a name broken at the row's end, its time, a coordinator after a cell ending in ";")
    plan = read("II. NHIỆM VỤ\n"
                "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn | Ghi chú\n"
                "1 | Nâng cấp đường vào Khu di tích lịch sử Đền | Sở Xây dựng | Sở Tài chính; | Quý IV/2026 |\n"
                " | Hùng | | UBND xã Hy Cương | |\n"
                "2 | Số hóa hiện vật của Bảo tàng tỉnh | Sở VHTTDL | Sở KH&CN | Hoàn thành trước |\n"
                " |  |  |  | ngày 15/10/2026 |\n"
                "3 | Tập huấn nghiệp vụ cho thuyết minh viên | Sở VHTTDL | | Năm 2026 | Hằng năm\n")
    assert got(plan) == [
        T("Nâng cấp đường vào Khu di tích lịch sử Đền Hùng", ["Sở Xây dựng"], ["Sở Tài chính", "UBND xã Hy Cương"],
          "Quý IV/2026", "deadline", "2026-12-31"),
        T("Số hóa hiện vật của Bảo tàng tỉnh", ["Sở VHTTDL"], ["Sở KH&CN"], "Hoàn thành trước ngày 15/10/2026",
          "deadline", "2026-10-15"),
        T("Tập huấn nghiệp vụ cho thuyết minh viên", ["Sở VHTTDL"], [], "Năm 2026", "deadline", "2026-12-31")]


def test_framed_rows_still_lose_their_outer_pipes():
    plan = read("II. NHIỆM VỤ\n"
                "| STT | Nội dung | Đơn vị chủ trì | Thời hạn |\n"
                "| 1 | Số hóa hiện vật của Bảo tàng tỉnh | Sở VHTTDL | Năm 2026 |\n")
    assert got(plan) == [T("Số hóa hiện vật của Bảo tàng tỉnh", ["Sở VHTTDL"], [], "Năm 2026", "deadline",
                           "2026-12-31")]


def test_a_name_broken_at_a_rows_end_goes_on_in_a_row_of_its_own():
    # "… Khu bảo tồn thiên nhiên Pù" / "| | Hu | | |": the title goes on; a longer row in capitals with no number is
    # a group's row, not the title going on
    plan = read("II. NHIỆM VỤ\n"
                "| STT | Nội dung | Đơn vị chủ trì | Thời hạn |\n"
                "| 1 | Điều tra đa dạng sinh học Khu bảo tồn thiên nhiên Pù | Sở NN&MT | Năm 2026 |\n"
                "| | Hu | | |\n"
                "| 2 | Trồng rừng phòng hộ đầu nguồn | Sở NN&MT | Năm 2027 |\n")
    assert [t.title for t in plan.tasks] == ["Điều tra đa dạng sinh học Khu bảo tồn thiên nhiên Pù Hu",
                                             "Trồng rừng phòng hộ đầu nguồn"]


@pytest.mark.parametrize("bullet", ["+", "•"])
def test_a_dash_that_introduces_points_under_a_heading_lead(bullet):
    # "1. Sở X:" / "- Chủ trì, phối hợp với Y triển khai …:" / "+ …" / "+ …": the "+" points are the tasks, each with
    # the heading's lead and the dash's coordinator (and its time where they give none); the dash is no task
    plan = read("II. NHIỆM VỤ\n1. Sở Văn hóa, Thể thao và Du lịch:\n"
                "- Tổ chức Tuần lễ văn hóa các dân tộc; thời gian: Tháng 4/2026.\n"
                "- Phối hợp với Hội Văn học nghệ thuật tỉnh, Trung tâm Văn hóa tỉnh triển khai bảo tồn di sản văn hóa phi vật thể:\n"
                f"{bullet} Kiểm kê các lễ hội truyền thống; thời gian: Quý III/2026.\n"
                f"{bullet} Phục dựng nghề dệt thổ cẩm tại các bản; thực hiện thường xuyên.\n"
                "- Xây dựng kế hoạch quảng bá du lịch; thời gian: Năm 2026.\n"
                "2. Sở Tài chính:\n- Bố trí kinh phí thực hiện, hằng năm.\n")
    rows = [(t.title, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    assert rows[:4] == [
        ("Tổ chức Tuần lễ văn hóa các dân tộc", ["Sở Văn hóa, Thể thao và Du lịch"], [], "Tháng 4/2026"),
        ("Kiểm kê các lễ hội truyền thống", ["Sở Văn hóa, Thể thao và Du lịch"],
         ["Hội Văn học nghệ thuật tỉnh", "Trung tâm Văn hóa tỉnh"], "Quý III/2026"),
        ("Phục dựng nghề dệt thổ cẩm tại các bản; thực hiện thường xuyên.", ["Sở Văn hóa, Thể thao và Du lịch"],
         ["Hội Văn học nghệ thuật tỉnh", "Trung tâm Văn hóa tỉnh"], "thực hiện thường xuyên"),
        ("Xây dựng kế hoạch quảng bá du lịch", ["Sở Văn hóa, Thể thao và Du lịch"], [], "Năm 2026")]
    assert len(rows) == 5


@pytest.mark.parametrize("sentence, coordinators", [
    ("Giao Sở Y tế chủ trì, phối hợp với Hội Đông y tỉnh sưu tầm tư liệu về y học cổ truyền, hoàn thành trong năm 2026.",
     ["Hội Đông y tỉnh"]),
    ("Giao Công an tỉnh chủ trì, phối hợp với Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân huyện đẩy nhanh việc giải "
     "quyết án tồn đọng, hoàn thành trong năm 2026.", ["Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân huyện"]),
    # the words names use after a level stay: "… tỉnh và …", "… huyện có liên quan"
    ("Giao Sở Y tế chủ trì, phối hợp với Hội Đông y tỉnh và Trung tâm Y tế các huyện có liên quan sưu tầm bài thuốc "
     "cổ truyền, hoàn thành trong năm 2026.", ["Hội Đông y tỉnh", "Trung tâm Y tế các huyện có liên quan"]),
])
def test_a_lower_case_word_after_a_names_level_ends_it(sentence, coordinators):
    # a guard: these passed before round 22 (``_cut_at_verb``'s lower-case rule ends such names); a rule of its own
    # for the level word was written, failed no test when mutated, and was removed
    plan = read("II. NHIỆM VỤ\n1. Chăm sóc sức khỏe Nhân dân\n- " + sentence + "\n"
                "- Giao Sở Tài chính chủ trì bố trí kinh phí, thực hiện hằng năm.\n")
    assert plan.tasks[0].coordinators == coordinators


def test_a_dash_holding_two_assignments_is_two_tasks():
    # "- X chịu trách nhiệm …; thực hiện thường xuyên. Y chủ trì, phối hợp với Z …, hoàn thành …": a task per
    # sentence that assigns, each with its own lead, coordinators and time
    plan = read("II. NHIỆM VỤ\n1. Bảo vệ nguồn nước\n"
                "- Giao Sở Xây dựng chủ trì, phối hợp với Công ty Cấp nước tỉnh nâng cấp nhà máy nước sạch, hoàn thành "
                "trong Quý IV/2026.\n"
                "- Chi cục Thủy lợi chịu trách nhiệm giám sát chất lượng nước các hồ chứa; thực hiện thường xuyên. "
                "Sở Y tế chủ trì, phối hợp với Bệnh viện Đa khoa tỉnh xét nghiệm mẫu nước sinh hoạt, hoàn "
                "thành trước ngày 31/8/2026.\n")
    assert got(plan) == [
        T("Giao Sở Xây dựng chủ trì, phối hợp với Công ty Cấp nước tỉnh nâng cấp nhà máy nước sạch, hoàn thành trong "
          "Quý IV/2026.", ["Sở Xây dựng"], ["Công ty Cấp nước tỉnh"], "hoàn thành trong Quý IV/2026", "deadline",
          "2026-12-31"),
        T("Chi cục Thủy lợi chịu trách nhiệm giám sát chất lượng nước các hồ chứa; thực hiện thường xuyên.",
          ["Chi cục Thủy lợi"], [], "thực hiện thường xuyên", "ongoing"),
        T("Sở Y tế chủ trì, phối hợp với Bệnh viện Đa khoa tỉnh xét nghiệm mẫu nước sinh hoạt, hoàn thành "
          "trước ngày 31/8/2026.", ["Sở Y tế"], ["Bệnh viện Đa khoa tỉnh"],
          "hoàn thành trước ngày 31/8/2026", "deadline", "2026-08-31")]


@pytest.mark.parametrize("dash, lead, coordinators, timeframe", [
    ("Yêu cầu UBND các huyện kiểm tra các công trình cấp nước nông thôn; thời hạn: Quý III/2026.", ["UBND các huyện"],
     [], "Quý III/2026"),
    ("Đề nghị Hội Nông dân tỉnh phối hợp với Sở Xây dựng vận động hội viên sử dụng nước tiết kiệm.",
     ["Hội Nông dân tỉnh"], ["Sở Xây dựng"], ""),
])
def test_a_dash_asking_a_body_without_chu_tri(dash, lead, coordinators, timeframe):
    # "Yêu cầu X …" and "Đề nghị X phối hợp với Y …" (no "chủ trì", perhaps no time): X leads, Y coordinates
    plan = read("II. NHIỆM VỤ\n1. Bảo vệ nguồn nước\n"
                "- Giao Sở Xây dựng chủ trì, phối hợp với Công ty Cấp nước tỉnh nâng cấp nhà máy nước sạch, hoàn thành "
                "trong Quý IV/2026.\n- " + dash + "\n")
    assert [(t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks][1:] == [(lead, coordinators, timeframe)]


@pytest.mark.parametrize("dash, coordinators", [
    ("Trung tâm Y tế huyện có trách nhiệm tổ chức tiêm vắc xin cho trẻ em dưới 5 tuổi và phối hợp với Phòng Giáo dục "
     "và Đào tạo, UBND các xã theo dõi trẻ chưa được tiêm, thực hiện hằng năm.",
     ["Phòng Giáo dục và Đào tạo", "UBND các xã"]),
    ("Phòng Tài chính - Kế hoạch chịu trách nhiệm thẩm định dự toán mua vắc xin, phối hợp với Kho bạc Nhà nước khu vực "
     "hướng dẫn thanh toán, hoàn thành trong Quý II/2026.", ["Kho bạc Nhà nước khu vực"]),
    # another duty after ";" is no coordination of the work
    ("Trung tâm Y tế huyện có trách nhiệm tổ chức tiêm vắc xin; phối hợp với Công an huyện xử lý cơ sở tiêm trái "
     "phép, thực hiện hằng năm.", []),
])
def test_a_body_charged_with_work_and_with_whom_it_works(dash, coordinators):
    # "X có/chịu trách nhiệm <work> (và|,) phối hợp với Y <work>": X leads, Y coordinates
    plan = read("II. NHIỆM VỤ\n1. Tiêm chủng mở rộng\n"
                "- Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính mua vắc xin, hoàn thành trong Quý I/2026.\n- "
                + dash + "\n")
    assert [(t.lead[:1], t.coordinators) for t in plan.tasks][1:] == [([dash.split(" có ")[0].split(" chịu ")[0]],
                                                                       coordinators)]


@pytest.mark.parametrize("end, timeframe, due", [
    ("gửi Sở Y tế trước 15/9/2026.", "trước 15/9/2026", "2026-09-15"),
    ("hoàn thành trước 31/10/2026.", "hoàn thành trước 31/10/2026", "2026-10-31"),
])
def test_a_date_after_truoc_without_ngay_closing_a_sentence(end, timeframe, due):
    # "… trước 15/9/2026." (no "ngày"): the sentence's deadline, as "trước ngày 15/9/2026"
    plan = read("II. NHIỆM VỤ\n1. Tiêm chủng mở rộng\n"
                "- Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính mua vắc xin, hoàn thành trong Quý I/2026.\n"
                "- Yêu cầu UBND các xã lập danh sách trẻ em chưa tiêm chủng " + end + "\n")
    assert [(t.timeframe.text, str(t.timeframe.due)) for t in plan.tasks][1:] == [(timeframe, due)]
