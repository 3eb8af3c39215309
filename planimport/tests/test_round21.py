"""Round 21: general rules for the patterns the real documents of blind19real and blind20real showed (their SOURCES.md),
each on a made-up text with other bodies and words than those documents."""

from planimport.parser import parse_blocks
from planimport.readers import blocks_from_text
from planimport.tests.test_variants import read


def test_bold_headings_broken_over_lines_are_read():
    # a web page saved as markdown: "**II. Tổ" / "chức thực hiện.**", "**1." / "Sở Xây dựng:**", "**2. Sở" /
    # "Giáo dục và Đào tạo:**": each heading one line, the points under it its tasks
    plan = read("**II. Tổ\nchức thực hiện.**\n\n**1.\nSở Xây dựng:**\n\n- Chủ trì rà soát quy hoạch\n"
                "giao thông nông thôn.\n\n**2. Sở\nGiáo dục và Đào tạo:**\n\nTổ chức tập huấn cho giáo viên về\n"
                "chuyển đổi số.\n")
    assert [(t.title, t.lead) for t in plan.tasks] == [
        ("Chủ trì rà soát quy hoạch giao thông nông thôn.", ["Sở Xây dựng"]),
        ("Tổ chức tập huấn cho giáo viên về chuyển đổi số.", ["Sở Giáo dục và Đào tạo"])]


def test_an_italic_span_over_lines_is_one_line():
    blocks = blocks_from_text("*b) Các biện pháp bảo vệ\nnguồn nước*\n\n- Khử khuẩn giếng.\n")
    assert blocks == [("p", "b) Các biện pháp bảo vệ nguồn nước"), ("p", "- Khử khuẩn giếng.")]


def test_a_bold_mark_never_closed_joins_nothing():
    blocks = blocks_from_text("**1. Sở Công Thương\n\nRà soát chợ.\n")
    assert blocks == [("p", "1. Sở Công Thương"), ("p", "Rà soát chợ.")]


def test_words_opening_a_sentence_about_a_thing_are_no_body():
    # "Báo cáo …" (a report), "Hội nghị …" (a meeting), "Phòng chống …" (preventing): not "Báo X", "Hội X", "Phòng X"
    plan = read("II. NỘI DUNG\n1. Hội nghị tập huấn cán bộ cơ sở\n- Số lượng: 02 hội nghị/năm.\n"
                "2. Phòng chống dịch bệnh trên cây trồng\n- Phun thuốc tại vùng có dịch.\n"
                "3. Báo cáo: Chế độ báo cáo định kỳ và đột xuất.\n")
    assert [t.lead for t in plan.tasks if t.lead] == []


def test_a_bold_signature_over_lines_keeps_its_lines():
    blocks = blocks_from_text("**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**\n")
    assert blocks == [("p", "TM. ỦY BAN NHÂN DÂN"), ("p", "CHỦ TỊCH")]


def test_content_giving_only_when_is_no_task():
    # "a. Thời gian thực hiện: …" under a topic, "- Thời gian: 02 ngày/hội thảo" under a meeting: when, not what
    # anyone does, in a plan whose "Tổ chức thực hiện" names the bodies
    plan = read("I. NỘI DUNG\n1. Khảo sát chất lượng đất\n1.1. Đối với vùng trồng lúa\n"
                "a. Thời gian thực hiện: Từ tháng 4 đến tháng 10 hằng năm.\n- Số điểm lấy mẫu: 12 điểm.\n"
                "2. Hội thảo giới thiệu giống mới\n- Thời gian: 02 ngày/hội thảo.\n"
                "II. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương:\n- Chủ trì kiểm tra thị trường.\n")
    assert [(t.title, t.lead) for t in plan.tasks] == [("Chủ trì kiểm tra thị trường.", ["Sở Công Thương"])]


def test_a_few_stray_subject_led_dashes_stay_content():
    # the activities' part names a body in two dashes among leadless ones; "Tổ chức thực hiện" assigns the work
    plan = read("I. CÁC HOẠT ĐỘNG\n1. Xử lý môi trường\n- Thu gom rác thải sau mưa.\n"
                "- Trung tâm Y tế huyện chủ động cung cấp hóa chất khử khuẩn cho các xã.\n- Khơi thông cống rãnh.\n"
                "2. Giám sát\n- Lấy mẫu nước giếng.\n- Phòng Giáo dục hướng dẫn vệ sinh trường lớp.\n"
                "II. TỔ CHỨC THỰC HIỆN\n1. Phòng Y tế:\n- Chủ trì triển khai kế hoạch.\n- Hướng dẫn khử khuẩn.\n"
                "2. Phòng Tài chính:\nTham mưu bố trí kinh phí.\n3. UBND các xã:\n- Tổ chức tổng vệ sinh.\n"
                "- Bố trí lực lượng tại chỗ.\n")
    assert [(t.title, t.lead) for t in plan.tasks] == [
        ("Chủ trì triển khai kế hoạch.", ["Phòng Y tế"]), ("Hướng dẫn khử khuẩn.", ["Phòng Y tế"]),
        ("Tham mưu bố trí kinh phí.", ["Phòng Tài chính"]), ("Tổ chức tổng vệ sinh.", ["UBND các xã"]),
        ("Bố trí lực lượng tại chỗ.", ["UBND các xã"])]


def test_an_empty_emphasis_line_is_no_paragraph():
    assert blocks_from_text("Tổ chức tập huấn.\n\n* *\n\n** **\n") == [("p", "Tổ chức tập huấn.")]


def test_a_heading_of_office_holders_leads_as_written():
    # each office holder over bodies leads, as written (the convention of "Giám đốc Sở Công Thương" headings)
    plan = read("II. NHIỆM VỤ\n1. Giám đốc các sở, ban, ngành; Chủ tịch UBND các huyện, thị xã\n"
                "a) Rà soát quy trình nội bộ giải quyết hồ sơ.\nb) Công khai kết quả giải quyết hồ sơ.\n"
                "2. Sở Tư pháp\na) Kiểm tra việc công bố thủ tục.\n")
    both = ["Giám đốc các sở, ban, ngành", "Chủ tịch UBND các huyện, thị xã"]
    assert [(t.title, t.lead) for t in plan.tasks] == [
        ("Rà soát quy trình nội bộ giải quyết hồ sơ.", both), ("Công khai kết quả giải quyết hồ sơ.", both),
        ("Kiểm tra việc công bố thủ tục.", ["Sở Tư pháp"])]


def test_the_documents_own_follow_up_is_no_task():
    plan = read("II. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND tỉnh\n"
                "a) Theo dõi, đôn đốc và báo cáo Chủ tịch UBND tỉnh kết quả thực hiện các nhiệm vụ được giao tại "
                "Kế hoạch này.\nb) Kiểm tra việc thực hiện kế hoạch sử dụng đất của các huyện.\n"
                "2. Sở Tài chính\n- Sở Tài chính chủ trì kiểm tra, đôn đốc thực hiện kế hoạch.\n- Bố trí kinh phí.\n")
    assert [(t.title, t.lead) for t in plan.tasks] == [
        ("Kiểm tra việc thực hiện kế hoạch sử dụng đất của các huyện.", ["Văn phòng UBND tỉnh"]),
        ("Bố trí kinh phí.", ["Sở Tài chính"])]


def test_a_daily_report_to_a_body_is_the_reporting_rule():
    plan = read("II. NỘI DUNG\n1. Giám sát, báo cáo\n- Thiết lập chế độ báo cáo nhanh hằng ngày trong mùa mưa.\n"
                "- Báo cáo tổng hợp hằng ngày gửi UBND huyện, Ban Chỉ huy Phòng thủ dân sự huyện.\n"
                "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Y tế:\n- Chủ trì triển khai kế hoạch.\n")
    rep = plan.reporting
    assert (rep.text, rep.period, rep.to) == (
        "- Báo cáo tổng hợp hằng ngày gửi UBND huyện, Ban Chỉ huy Phòng thủ dân sự huyện.", "other",
        ["UBND huyện", "Ban Chỉ huy Phòng thủ dân sự huyện"])
    assert [t.title for t in plan.tasks] == ["Chủ trì triển khai kế hoạch."]


def test_a_yearly_report_sentence_of_other_bodies_is_the_rule_only():
    # the closing sentence under the last heading names its own subject: the reporting rule, not that heading's task
    plan = read("II. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\n- Hướng dẫn nghiệp vụ hòa giải cơ sở.\n"
                "- Hàng năm, các sở, ngành và UBND các huyện báo cáo kết quả thực hiện về Sở Tư pháp tổng hợp, báo cáo "
                "UBND tỉnh./.\n")
    assert plan.reporting.period == "yearly"
    assert [t.title for t in plan.tasks] == ["Hướng dẫn nghiệp vụ hòa giải cơ sở."]


def test_a_line_in_lower_case_after_a_semicolon_goes_on_the_paragraph():
    assert blocks_from_text("Tổ chức tổng vệ sinh\nmôi trường;\nbố trí lực lượng tại chỗ.\n- Tuyên truyền.\n") == [
        ("p", "Tổ chức tổng vệ sinh môi trường; bố trí lực lượng tại chỗ."), ("p", "- Tuyên truyền.")]
    # a point of its own after a ";" stays one
    assert blocks_from_text("a) Rà soát hồ sơ;\nb) Công khai kết quả.\n") == [
        ("p", "a) Rà soát hồ sơ;"), ("p", "b) Công khai kết quả.")]


def _header(text):
    return parse_blocks(blocks_from_text(text))


def test_a_month_typed_apart_is_read():
    plan = _header("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n| Số: 41/KH-UBND | Hà Giang, ngày 12 tháng 0 4 năm 2025 |\n"
                   "KẾ HOẠCH\nPhát triển du lịch cộng đồng\nI. MỤC ĐÍCH\n")
    assert (plan.date.isoformat(), plan.place) == ("2025-04-12", "Hà Giang")


def test_a_title_line_ending_on_cua_goes_on_past_an_office():
    plan = _header("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 41/KH-UBND\nHà Giang, ngày 12 tháng 4 năm 2025\nKẾ HOẠCH\n"
                   "THỰC HIỆN CHỈ THỊ SỐ 05/CT-TTG NGÀY 02 THÁNG 3 NĂM 2025 CỦA\n"
                   "THỦ TƯỚNG CHÍNH PHỦ VỀ PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG\nI. MỤC ĐÍCH\n")
    assert plan.title == ("THỰC HIỆN CHỈ THỊ SỐ 05/CT-TTG NGÀY 02 THÁNG 3 NĂM 2025 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ PHÁT "
                          "TRIỂN DU LỊCH CỘNG ĐỒNG")


def test_a_title_ends_before_its_annex_note_on_the_same_line():
    plan = _header("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 41/KH-UBND\nHà Giang, ngày 12 tháng 4 năm 2025\nKẾ HOẠCH\n"
                   "PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG (Ban hành kèm theo Quyết định số 9/QĐ-UBND ngày 12/4/2025)\n"
                   "Để phát triển du lịch cộng đồng, UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert plan.title == "PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG"


def test_an_italic_dateline_over_two_lines_gives_its_place():
    plan = _header("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 41/KH-UBND\n*Hà Giang, ngày 12\ntháng 4 năm 2025 *\nKẾ HOẠCH\n"
                   "Phát triển du lịch cộng đồng\nI. MỤC ĐÍCH\n")
    assert (plan.date.isoformat(), plan.place) == ("2025-04-12", "Hà Giang")


def test_a_time_over_before_the_plan_is_no_timeframe():
    # the plan is of 10/3/2026: "năm 2024 của Ban Chỉ đạo" and "giai đoạn 1990 - 1995" are history the task cites
    plan = read("II. NHIỆM VỤ\n1. Sở Nội vụ:\n"
                "- Phối hợp với các cơ quan liên quan rà soát hồ sơ của người tham gia kháng chiến trong giai đoạn "
                "1990 - 1995 chưa được khen thưởng.\n"
                "- Tham mưu kiện toàn tổ công tác theo kết luận tại hội nghị năm 2024 của Ban Chỉ đạo tỉnh.\n"
                "- Tổng kết công tác thi đua; hoàn thành trong năm 2026.\n")
    assert [(t.timeframe.kind, t.timeframe.text) for t in plan.tasks] == [
        ("none", ""), ("none", ""), ("deadline", "hoàn thành trong năm 2026")]
