"""Round 18: general rules for the patterns round 17's blind set showed (SOURCES.md "Round 17: blind set"), each on a
made-up text with other bodies and words than those documents."""

import pytest

from planimport.names import split_names
from planimport.tests.test_variants import HEADER as HEADER_TEXT, T, got, read


def test_an_office_serving_both_councils_is_one_name():
    # "Văn phòng HĐND và UBND huyện": one office, not "Văn phòng HĐND" and "UBND huyện"
    assert split_names("Văn phòng HĐND và UBND huyện, Phòng Tư pháp") == ["Văn phòng HĐND và UBND huyện", "Phòng Tư pháp"]
    assert split_names("Văn phòng Đoàn ĐBQH và HĐND tỉnh; Sở Nội vụ") == ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Sở Nội vụ"]
    # an office with its own place is a name of its own
    assert split_names("Văn phòng UBND tỉnh và UBND các huyện") == ["Văn phòng UBND tỉnh", "UBND các huyện"]
    plan = read("II. NHIỆM VỤ\n1. Văn phòng HĐND và UBND phường:\n"
                "- Cập nhật danh mục thủ tục hành chính trên cổng thông tin; thực hiện thường xuyên.\n")
    assert [t.lead for t in plan.tasks] == [["Văn phòng HĐND và UBND phường"]]


def test_a_utility_branch_is_a_name():
    # "Phối hợp với Điện lực huyện …" under a heading lead: the utility's branch coordinates
    plan = read("II. NHIỆM VỤ\n1. Phòng Hạ tầng:\n"
                "- Phối hợp với Điện lực huyện kiểm tra hệ thống chiếu sáng công cộng; hoàn thành trước 31/8/2026.\n")
    assert got(plan) == [T("Phối hợp với Điện lực huyện kiểm tra hệ thống chiếu sáng công cộng; hoàn thành trước "
                           "31/8/2026.", ["Phòng Hạ tầng"], ["Điện lực huyện"], "hoàn thành trước 31/8/2026",
                           "deadline", "2026-08-31")]


def test_a_dash_under_a_heading_lead_loses_its_time_label():
    # "- …; thời gian: Quý III/2026." under "2. Phòng Y tế:": the label leaves the title, its value is the time
    plan = read("II. NHIỆM VỤ\n2. Phòng Y tế:\n"
                "- Phối hợp với Trung tâm Y tế, Phòng Giáo dục tổ chức khám sức khỏe học sinh; thời gian: Quý III/2026.\n"
                "- Kiểm tra an toàn thực phẩm bếp ăn tập thể; thực hiện thường xuyên.\n")
    assert got(plan) == [
        T("Phối hợp với Trung tâm Y tế, Phòng Giáo dục tổ chức khám sức khỏe học sinh", ["Phòng Y tế"],
          ["Trung tâm Y tế", "Phòng Giáo dục"], "Quý III/2026", "deadline", "2026-09-30"),
        T("Kiểm tra an toàn thực phẩm bếp ăn tập thể; thực hiện thường xuyên.", ["Phòng Y tế"], [],
          "thực hiện thường xuyên", "ongoing")]


def test_a_heading_of_groups_and_an_office_holder_keeps_its_dash():
    # "3. Các ban, ngành, đoàn thể phường và Trưởng khu phố:": both lead the dash under it
    assert split_names("Các hội, đoàn thể và Trưởng khu phố") == ["Các hội, đoàn thể", "Trưởng khu phố"]
    plan = read("II. NHIỆM VỤ\n3. Các ban, ngành, đoàn thể phường và Trưởng khu phố:\n"
                "- Tuyên truyền người dân phân loại rác tại nguồn; thực hiện thường xuyên.\n")
    assert got(plan) == [T("Tuyên truyền người dân phân loại rác tại nguồn; thực hiện thường xuyên.",
                           ["Các ban, ngành, đoàn thể phường", "Trưởng khu phố"], [], "thực hiện thường xuyên",
                           "ongoing")]


@pytest.mark.parametrize("sentence, coordinators", [
    # a kind of body in lower case and the words that say which, up to the verb
    ("Giao Sở Tài chính chủ trì, phối hợp với các ngân hàng thương mại mở rộng cho vay tiêu dùng; thực hiện "
     "thường xuyên.", ["các ngân hàng thương mại"]),
    ("Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các hợp tác xã nông nghiệp trên địa bàn triển khai "
     "mô hình tưới tiết kiệm; thực hiện thường xuyên.", ["các hợp tác xã nông nghiệp trên địa bàn"]),
    # a one-syllable verb after a name whose words are all capitalised
    ("Giao Sở Tư pháp chủ trì, phối hợp với UBND thành phố Bảo Lộc đưa tiêu chí tiếp cận pháp luật vào đánh giá cán "
     "bộ; thực hiện thường xuyên.", ["UBND thành phố Bảo Lộc"]),
])
def test_a_coordinator_ends_at_its_verb(sentence, coordinators):
    plan = read("II. NHIỆM VỤ\n1. Cải cách hành chính\n- " + sentence + "\n")
    assert [sorted(t.coordinators) for t in plan.tasks] == [sorted(coordinators)]


@pytest.mark.parametrize("first, second, timeframe, due", [
    ("hoàn thành trong Quý", "III/2026.", "hoàn thành trong Quý III/2026", "2026-09-30"),
    ("hoàn thành trước ngày", "15/8/2026.", "hoàn thành trước ngày 15/8/2026", "2026-08-15"),
])
def test_a_time_broken_over_two_pdf_lines_is_joined(first, second, timeframe, due):
    # a PDF's line ends at the time's word, the next opens with its value ("III/2026." is no part "III")
    from planimport.parser import parse_blocks
    from planimport.readers import blocks_from_text

    blocks = blocks_from_text(HEADER_TEXT + "II. NHIỆM VỤ\n")
    blocks += [("p", "1. Giao Sở Xây dựng chủ trì, phối hợp với Công an tỉnh kiểm tra an toàn phòng cháy tại các chung "
                     "cư, " + first), ("p", second), ("p", "2. Giao Sở Y tế chủ trì tổ chức tiêm chủng; thực hiện "
                                                         "thường xuyên.")]
    plan = parse_blocks(blocks)
    assert [(t.timeframe.text, t.timeframe.json_kind, str(t.timeframe.due)) for t in plan.tasks] == [
        (timeframe, "deadline", due), ("thực hiện thường xuyên", "ongoing", "None")]
    assert [t.lead for t in plan.tasks] == [["Sở Xây dựng"], ["Sở Y tế"]]


def test_a_topical_heading_over_one_paragraph_naming_its_lead():
    # "3. Nâng cao năng lực cán bộ" / "Phòng Nội vụ chủ trì, …": the paragraph is the task; a heading that is a
    # sentence of its own, or a paragraph that asks ("Giao Phòng X chủ trì …"), keeps the heading as the title
    plan = read("II. NHIỆM VỤ\n1. Nâng cao năng lực cán bộ\n"
                "Phòng Nội vụ chủ trì, phối hợp với Trung tâm Chính trị huyện tổ chức bồi dưỡng kỹ năng số cho công "
                "chức; thời gian hoàn thành trước 30/11/2026.\n"
                "2. Hoàn thành số hóa hồ sơ địa chính của huyện.\n"
                "Phòng Tài nguyên chủ trì, phối hợp với Chi nhánh Văn phòng đăng ký đất đai thực hiện; thời gian "
                "hoàn thành trước 31/12/2026.\n"
                "3. Phát triển du lịch cộng đồng\n"
                "Giao Phòng Văn hóa chủ trì, phối hợp với UBND các xã xây dựng sản phẩm du lịch; thực hiện thường xuyên.\n")
    assert [t.title for t in plan.tasks] == [
        "Phòng Nội vụ chủ trì, phối hợp với Trung tâm Chính trị huyện tổ chức bồi dưỡng kỹ năng số cho công chức; "
        "thời gian hoàn thành trước 30/11/2026.",
        "Hoàn thành số hóa hồ sơ địa chính của huyện.",
        "Phát triển du lịch cộng đồng"]
    assert [t.lead for t in plan.tasks] == [["Phòng Nội vụ"], ["Phòng Tài nguyên"], ["Phòng Văn hóa"]]
    assert plan.tasks[0].coordinators == ["Trung tâm Chính trị huyện"]
    assert plan.tasks[0].timeframe.due.isoformat() == "2026-11-30"


@pytest.mark.parametrize("item, period, due, to", [
    # the rule as a numbered item of the organisation part, named for it, reported "về" a body (no "gửi")
    ("2. Chế độ báo cáo: Định kỳ 6 tháng, năm, các phòng, ban báo cáo kết quả thực hiện về Phòng Nội vụ để tổng hợp, "
     "báo cáo UBND huyện.", "semiannual", None, ["Phòng Nội vụ"]),
    ("2. Chế độ báo cáo: Định kỳ trước ngày 25 hằng tháng, các xã báo cáo tiến độ về Hạt Quản lý đê điều huyện để "
     "tổng hợp.", "monthly", "25", ["Hạt Quản lý đê điều huyện"]),
])
def test_a_reporting_rule_in_an_item_of_the_organisation_part(item, period, due, to):
    plan = read("II. NHIỆM VỤ\n1. Việc một\n- Chủ trì: Phòng Nội vụ\nIII. TỔ CHỨC THỰC HIỆN\n"
                "1. Các phòng, ban, UBND các xã có trách nhiệm tổ chức triển khai thực hiện Kế hoạch này.\n"
                + item + "\n")
    assert (plan.reporting.period, plan.reporting.due, plan.reporting.to) == (period, due, to)


@pytest.mark.parametrize("heading", [
    [("p", "2. Phòng Tư pháp chủ trì thực hiện các nhiệm vụ sau:")],
    # a PDF's heading broken over two lines, its end on the next
    [("p", "2. Phòng Tư pháp chủ trì thực hiện các nhiệm"), ("p", "vụ sau:")],
])
def test_a_lead_heading_over_dashes_in_pdf_lines(heading):
    from planimport.parser import parse_blocks
    from planimport.readers import blocks_from_text

    blocks = (blocks_from_text(HEADER_TEXT + "II. NHIỆM VỤ\n") + heading
              + [("p", "- Rà soát văn bản quy phạm pháp luật của huyện; hoàn thành trước 30/9/2026."),
                 ("p", "- Tổ chức Ngày Pháp luật; thực hiện hằng năm."),
                 ("p", "3. Phòng Nội vụ:"), ("p", "- Kiện toàn bộ máy các cơ quan chuyên môn; thực hiện thường xuyên.")])
    plan = parse_blocks(blocks)
    assert [(t.title, t.lead) for t in plan.tasks] == [
        ("Rà soát văn bản quy phạm pháp luật của huyện; hoàn thành trước 30/9/2026.", ["Phòng Tư pháp"]),
        ("Tổ chức Ngày Pháp luật; thực hiện hằng năm.", ["Phòng Tư pháp"]),
        ("Kiện toàn bộ máy các cơ quan chuyên môn; thực hiện thường xuyên.", ["Phòng Nội vụ"])]
