"""Round 36: the prose of central-government documents as their Công báo PDF's extracted text, made general on
made-up texts (other ministries, other subjects than the dev set's): a Nghị quyết's "Chương trình hành động", a Chỉ thị
of the Thủ tướng, a Quyết định's "Điều 2. Tổ chức thực hiện". Lines wrapped at ~85 characters mid-sentence, the
Công báo's running head ("CÔNG BÁO/Số 415/Ngày 03-07-2026 22") between lines, body headings over points or paragraphs,
paragraphs opening with their body, deadlines in the sentence."""

from planimport.parser import parse_blocks
from planimport.readers import blocks_from_text

GOV_HEADER = """CÔNG BÁO/Số 415/Ngày 03-07-2026 21
THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1290/QĐ-TTg
Hà Nội, ngày 25 tháng 6 năm 2026
QUYẾT ĐỊNH
Phê duyệt Đề án phát triển kinh tế biển xanh đến năm 2030
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Đề án phát triển kinh tế biển xanh đến năm 2030.
"""


def read_gov(body):
    return parse_blocks(blocks_from_text(GOV_HEADER + body))


def tasks_of(plan):
    return [(t.title, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]


# the running head of a Công báo page between two lines of one paragraph, its page number after it (odd pages) or
# before it (even pages): no text of the paragraph, no task
RUNNING_HEAD = """Điều 2. Tổ chức thực hiện
1. Bộ Nông nghiệp và Môi trường
Chủ trì, phối hợp với các bộ, cơ quan, địa phương liên quan xây dựng hệ thống quan trắc môi
trường biển, hoàn thành trong năm 2027.
2. Bộ Tài chính
Chủ trì, phối hợp với Bộ Nông nghiệp và Môi trường cân đối, bố trí vốn đầu tư công để thực
hiện các dự án thuộc Đề án theo quy định.
CÔNG BÁO/Số 415/Ngày 03-07-2026 22
3. Bộ Ngoại giao
Chủ trì, phối hợp với Bộ Quốc phòng đẩy mạnh hợp tác quốc tế về biển, thực hiện thường
24 CÔNG BÁO/Số 415/Ngày 03-07-2026
xuyên.
"""


def test_running_head_is_no_task_and_no_text():
    plan = read_gov(RUNNING_HEAD)
    titles = [t.title for t in plan.tasks]
    assert not any("CÔNG BÁO" in t for t in titles), titles
    assert len(plan.tasks) == 3
    third = plan.tasks[2]
    assert third.lead == ["Bộ Ngoại giao"]
    assert third.title.endswith("thực hiện thường xuyên.")
    assert third.timeframe.json_kind == "ongoing"


# the head on a line of its own and the page's number on the next, inside a sentence wrapped across the page
HEAD_NUMBER_APART = """Điều 2. Tổ chức thực hiện
1. Bộ Y tế
Chủ trì, phối hợp với Bộ Tài chính rà soát danh mục thuốc thiết yếu, trình Thủ tướng Chính
CÔNG BÁO/Số 415/Ngày 03-07-2026
23
phủ trong tháng 10 năm 2026.
2. Bộ Nội vụ
Hướng dẫn sắp xếp biên chế các cơ sở y tế công lập, hoàn thành trong quý IV năm 2026.
"""


def test_page_number_next_to_the_head_is_no_text():
    plan = read_gov(HEAD_NUMBER_APART)
    first = plan.tasks[0]
    assert first.lead == ["Bộ Y tế"] and first.coordinators == ["Bộ Tài chính"]
    assert first.title.endswith("trình Thủ tướng Chính phủ trong tháng 10 năm 2026.")
    assert first.timeframe.due.isoformat() == "2026-10-31"
    assert [t.lead for t in plan.tasks] == [["Bộ Y tế"], ["Bộ Nội vụ"]]


CT_HEADER = """THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 14/CT-TTg
Hà Nội, ngày 15 tháng 4 năm 2026
CHỈ THỊ
Về tăng cường công tác phòng, chống thiên tai mùa mưa bão năm 2026
Năm 2025, thiên tai diễn biến phức tạp, gây thiệt hại lớn về người và tài sản. Để chủ động
ứng phó, Thủ tướng Chính phủ yêu cầu:
"""

# a paragraph whose subject is the Government's own groups of bodies ("Các bộ, cơ quan ngang bộ", "cơ quan thuộc
# Chính phủ"), wrapped over two lines, a qualifier between the subject and its verb
CENTRAL_GROUPS = """1. Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương
theo chức năng, nhiệm vụ được giao tập trung rà soát phương án ứng phó thiên tai theo cấp độ
rủi ro, hoàn thành trước ngày 31 tháng 5 năm 2026.
2. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ bố trí lực lượng, phương tiện sẵn sàng
tham gia cứu hộ, cứu nạn khi có yêu cầu.
3. Bộ Công Thương chỉ đạo các chủ hồ thủy điện vận hành hồ chứa đúng quy trình, thực hiện
thường xuyên trong mùa mưa bão.
"""


def test_central_groups_lead_a_subject_paragraph():
    plan = parse_blocks(blocks_from_text(CT_HEADER + CENTRAL_GROUPS))
    assert [t.lead for t in plan.tasks] == [
        ["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
        ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"],
        ["Bộ Công Thương"]]
    assert plan.tasks[0].timeframe.due.isoformat() == "2026-05-31"
    assert plan.tasks[0].title.startswith("Các bộ, cơ quan ngang bộ, Ủy ban nhân dân")


# the closing articles after "Điều 2. Tổ chức thực hiện": a new article ends the last body's heading, its words are no
# task of that body
CLOSING_ARTICLES = """Điều 2. Tổ chức thực hiện
1. Bộ Văn hóa, Thể thao và Du lịch
Chủ trì, phối hợp với các bộ, cơ quan liên quan tổ chức triển khai Đề án; định kỳ hằng năm
tổng hợp kết quả thực hiện, báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 12.
2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương
Xây dựng kế hoạch thực hiện Đề án tại địa phương, hoàn thành trong quý IV năm 2026.
Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.
Điều 4. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh,
thành phố trực thuộc trung ương chịu trách nhiệm thi hành Quyết định này.
"""


def test_next_article_ends_the_last_body_heading():
    plan = read_gov(CLOSING_ARTICLES)
    assert [t.lead for t in plan.tasks] == [["Bộ Văn hóa, Thể thao và Du lịch"],
                                            ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]]
    assert plan.tasks[1].title == "Xây dựng kế hoạch thực hiện Đề án tại địa phương, hoàn thành trong quý IV năm 2026."


NQ_HEADER = """CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 142/NQ-CP
Hà Nội, ngày 08 tháng 8 năm 2026
NGHỊ QUYẾT
Về các nhiệm vụ, giải pháp bảo đảm trật tự, an toàn giao thông giai đoạn 2026 - 2030
CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
QUYẾT NGHỊ:
I. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
"""

# a topic heading (no body) over paragraphs that each open with their bodies, one of them a group and a colon
# ("Các bộ, ngành, địa phương: …", the body heading's form run into its work)
TOPIC_GROUP_COLON = """1. Tăng cường tuần tra, kiểm soát
Các bộ, ngành, địa phương: tăng cường tuần tra, kiểm soát, xử lý nghiêm các hành vi vi phạm
về nồng độ cồn, tốc độ; thực hiện thường xuyên.
Bộ Quốc phòng chỉ đạo lực lượng kiểm soát quân sự xử lý vi phạm của phương tiện quân sự,
hoàn thành trong quý IV năm 2026.
2. Phát triển kết cấu hạ tầng giao thông
Bộ Xây dựng chủ trì, phối hợp với Bộ Tài chính đầu tư nâng cấp các tuyến quốc lộ trọng yếu,
hoàn thành trong năm 2028.
"""


def test_group_and_colon_opens_a_paragraph_under_a_topic():
    plan = parse_blocks(blocks_from_text(NQ_HEADER + TOPIC_GROUP_COLON))
    assert [t.lead for t in plan.tasks] == [["Các bộ, ngành, địa phương"], ["Bộ Quốc phòng"], ["Bộ Xây dựng"]]
    first = plan.tasks[0]
    assert "tăng cường tuần tra, kiểm soát, xử lý nghiêm" in first.title
    assert first.timeframe.json_kind == "ongoing"
    assert plan.tasks[1].timeframe.due.isoformat() == "2026-12-31"


# a body's numbered item, its name and a colon, then "chủ trì" and its work on the same line ("2. Bộ Công an: chủ trì
# …", "3. Bộ Tư pháp: chủ trì, phối hợp với …")
COLON_CHU_TRI = """1. Bộ Y tế:
a) Ban hành bộ tiêu chí bệnh viện thông minh, trình Thủ tướng Chính phủ trong quý I năm 2027.
2. Bộ Công an: chủ trì bảo đảm an ninh, an toàn dữ liệu sức khỏe của người dân, thực hiện
thường xuyên.
3. Bộ Tư pháp: chủ trì, phối hợp với Bộ Y tế rà soát quy định về hồ sơ bệnh án điện tử, hoàn
thành trong tháng 11 năm 2026.
"""


def test_body_colon_then_chu_tri_leads():
    plan = parse_blocks(blocks_from_text(CT_HEADER + COLON_CHU_TRI))
    assert [(t.lead, t.coordinators) for t in plan.tasks] == [
        (["Bộ Y tế"], []), (["Bộ Công an"], []), (["Bộ Tư pháp"], ["Bộ Y tế"])]
    assert plan.tasks[1].timeframe.json_kind == "ongoing"
    assert plan.tasks[2].timeframe.due.isoformat() == "2026-11-30"


# a body heading qualified by the bodies' remit before its colon ("Các bộ, ngành, địa phương theo chức năng, nhiệm vụ
# được giao:", "Bộ Y tế trong phạm vi quản lý:"): the remit is no part of the name, the dashes under it its tasks
QUALIFIED_HEADING = """1. Các bộ, ngành, địa phương theo chức năng, nhiệm vụ được giao:
- Rà soát, công bố danh mục công nghệ cần chuyển giao, hoàn thành trong quý I năm 2027.
- Tổ chức kết nối cung - cầu công nghệ tại địa phương, thực hiện hằng năm.
2. Bộ Công Thương trong phạm vi quản lý:
- Hỗ trợ doanh nghiệp đổi mới công nghệ sản xuất, thực hiện thường xuyên.
3. Bộ Tài chính hướng dẫn cơ chế định giá tài sản trí tuệ, hoàn thành trước ngày 31 tháng 12 năm 2026.
"""


def test_remit_after_a_heading_body_is_no_name():
    plan = parse_blocks(blocks_from_text(CT_HEADER + QUALIFIED_HEADING))
    assert [t.lead for t in plan.tasks] == [["Các bộ, ngành, địa phương"], ["Các bộ, ngành, địa phương"],
                                            ["Bộ Công Thương"], ["Bộ Tài chính"]]
    assert plan.tasks[0].timeframe.due.isoformat() == "2027-03-31"
