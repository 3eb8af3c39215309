"""Round 26: general rules about a document's structure (not its wording), from round 24's blind set
(devset/blind24/README.md), each on a made-up text with other provinces, bodies and words than those documents."""

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
