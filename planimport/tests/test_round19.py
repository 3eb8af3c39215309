"""Round 19: general rules for the patterns round 18's blind set showed (SOURCES.md "Round 18: blind set"), each on a
made-up text with other bodies, places and words than those documents."""

import pytest

from planimport.names import split_names
from planimport.tests.test_variants import T, got, read


@pytest.mark.parametrize("sentence, coordinators", [
    # a verb the parser does not know after a name of two capitalised words past its first ("Sở Công Thương")
    ("Giao Sở Xây dựng chủ trì, phối hợp với Sở Công Thương ngăn chặn tình trạng lấn chiếm vỉa hè; thực hiện "
     "thường xuyên.", ["Sở Công Thương"]),
    # … after a place's name ("huyện Đakrông", one word), after initials ("Sở GTVT")
    ("Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND huyện Đakrông nạo vét kênh mương nội đồng; "
     "hoàn thành trước 30/9/2026.", ["UBND huyện Đakrông"]),
    ("Giao Công an tỉnh chủ trì, phối hợp với Sở Y tế, Đài PT-TH Lạng Sơn dọn dẹp hành lang an toàn giao thông; "
     "thực hiện thường xuyên.", ["Sở Y tế", "Đài PT-TH Lạng Sơn"]),
    ("Giao Công an tỉnh chủ trì, phối hợp với Sở Y tế, Sở GTVT dọn dẹp hành lang an toàn giao thông; thực hiện "
     "thường xuyên.", ["Sở Y tế", "Sở GTVT"]),
    # in a list, only its last name can run into the work: the names before it keep their lower-case words
    ("Giao Công an tỉnh chủ trì, phối hợp với Sở Giao thông vận tải, Cục Hải quan tỉnh ngăn chặn buôn lậu qua "
     "cửa khẩu; thực hiện thường xuyên.", ["Sở Giao thông vận tải", "Cục Hải quan tỉnh"]),
    # the lower-case words names do go on with: a level, "và", "các", a lower-case term of a real name
    ("Giao Sở Y tế chủ trì, phối hợp với Ngân hàng Chính sách xã hội Việt Nam chi nhánh tỉnh, Hội Liên hiệp Phụ nữ "
     "tỉnh nhân rộng mô hình bếp ăn an toàn; thực hiện hằng năm.",
     ["Ngân hàng Chính sách xã hội Việt Nam chi nhánh tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"]),
    ("Giao Sở Tài chính chủ trì, phối hợp với Ban Quản lý các khu công nghiệp, Cục Quản lý thị trường tỉnh ngăn "
     "chặn hàng giả tại cửa khẩu; thực hiện thường xuyên.",
     ["Ban Quản lý các khu công nghiệp", "Cục Quản lý thị trường tỉnh"]),
    ("Giao Sở Nội vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch dựng pano tuyên truyền tại các "
     "trục đường chính; hoàn thành trong Quý II/2026.", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Giao Phòng Kinh tế chủ trì, phối hợp với Sở Nội vụ và Ủy ban nhân dân phường Đông Hà dọn dẹp vỉa hè; "
     "thực hiện thường xuyên.", ["Sở Nội vụ", "Ủy ban nhân dân phường Đông Hà"]),
    # "các Bộ" and its members' names: the name starts after "các"
    ("Giao Sở Tư pháp chủ trì, phối hợp với các Bộ Kế hoạch và Đầu tư, Công Thương soạn thảo quy chế; hoàn thành "
     "trong năm 2026.", ["Bộ Kế hoạch và Đầu tư", "Bộ Công Thương"]),
])
def test_a_coordinator_ends_where_a_name_cannot_go_on(sentence, coordinators):
    plan = read("II. NHIỆM VỤ\n1. Trật tự đô thị\n- " + sentence + "\n")
    assert [sorted(t.coordinators) for t in plan.tasks] == [sorted(coordinators)]


def test_a_group_then_an_organisation_after_a_comma_is_two_names():
    # "UBND các xã, thị trấn, Hợp tác xã X": the group's places run in lower case, a capitalised name after them is
    # another body
    assert split_names("UBND các xã, thị trấn, Hợp tác xã Dịch vụ nông nghiệp Cam Lộ") == [
        "UBND các xã, thị trấn", "Hợp tác xã Dịch vụ nông nghiệp Cam Lộ"]
    assert split_names("Các sở, ban, ngành, Câu lạc bộ Doanh nhân trẻ") == ["Các sở, ban, ngành",
                                                                          "Câu lạc bộ Doanh nhân trẻ"]
    # a body whose kind starts no name the parser knows
    assert split_names("Các sở, ban, ngành, Nhà Thiếu nhi tỉnh") == ["Các sở, ban, ngành", "Nhà Thiếu nhi tỉnh"]
    assert split_names("Sở Y tế, Nhà Thiếu nhi tỉnh") == ["Sở Y tế, Nhà Thiếu nhi tỉnh"]  # after a group only
    # a group's own levels or kinds written with capitals stay in it
    assert split_names("UBND các Huyện, Thị xã, Thành phố") == ["UBND các Huyện, Thị xã, Thành phố"]
    assert split_names("UBND các xã, Phường, Thị trấn; Sở Y tế") == ["UBND các xã, Phường, Thị trấn", "Sở Y tế"]
    plan = read("II. NHIỆM VỤ\n2. Bảo vệ môi trường nông thôn (Chủ trì: Phòng Kinh tế; phối hợp: UBND các xã, thị "
                "trấn, Hợp tác xã Dịch vụ nông nghiệp Cam Lộ)\na) Thu gom vỏ bao bì phân bón; thời gian: Thường xuyên.\n")
    assert [t.coordinators for t in plan.tasks] == [["UBND các xã, thị trấn", "Hợp tác xã Dịch vụ nông nghiệp Cam Lộ"]]


@pytest.mark.parametrize("ending, timeframe", [
    # "thực hiện trong giai đoạn …" kept whole, as "thực hiện trong năm …" is
    ("thực hiện trong giai đoạn 2026-2028.", "thực hiện trong giai đoạn 2026-2028"),
    ("trong giai đoạn 2027 - 2029.", "trong giai đoạn 2027 - 2029"),
])
def test_a_period_after_trong_keeps_its_words(ending, timeframe):
    plan = read("II. NHIỆM VỤ\n1. Nông nghiệp\n- Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính "
                "hỗ trợ doanh nghiệp đổi mới công nghệ, " + ending + "\n")
    assert [(t.timeframe.text, t.timeframe.json_kind) for t in plan.tasks] == [(timeframe, "period")]


def test_a_numbered_heading_in_capitals_at_a_pdfs_margin_is_not_the_title_going_on():
    # a PDF's page layout whose header is centred and whose body starts at the margin: "I. MỤC ĐÍCH, YÊU CẦU" under
    # the centred title is a heading of its own, not the title's next line
    from planimport.parser import parse_blocks
    from planimport.readers import blocks_from_text

    text = ("                     ỦY BAN NHÂN DÂN\n                      TỈNH HÀ GIANG\n"
            "                     Số: 57/KH-UBND\n              Hà Giang, ngày 12 tháng 5 năm 2026\n"
            "                        KẾ HOẠCH\n   Phòng, chống dịch bệnh trên đàn gia súc, gia cầm năm 2026\n"
            "                 trên địa bàn tỉnh Hà Giang\n"
            "I. MỤC ĐÍCH, YÊU CẦU\nChủ động phòng, chống dịch bệnh; không để dịch lây lan diện rộng trên địa bàn\n"
            "các xã, phường.\nII. NHIỆM VỤ CỤ THỂ\n"
            "1. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND các xã, phường tổ chức tiêm phòng\n"
            "vắc xin cho đàn gia súc; hoàn thành trong Quý III/2026.\n"
            "2. Giao Sở Tài chính chủ trì bố trí kinh phí mua vắc xin; hoàn thành trước 30/6/2026.\n"
            "III. TỔ CHỨC THỰC HIỆN\nCác sở, ngành báo cáo kết quả về Sở Nông nghiệp và Môi trường trước ngày\n"
            "15/11 hằng năm.\n")
    plan = parse_blocks(blocks_from_text(text))
    assert plan.title == "Phòng, chống dịch bệnh trên đàn gia súc, gia cầm năm 2026 trên địa bàn tỉnh Hà Giang"
    assert [(t.lead, t.timeframe.text) for t in plan.tasks] == [
        (["Sở Nông nghiệp và Môi trường"], "hoàn thành trong Quý III/2026"),
        (["Sở Tài chính"], "hoàn thành trước 30/6/2026")]
    # a wrapped line at the margin still goes on its paragraph
    assert plan.tasks[0].title.endswith("vắc xin cho đàn gia súc; hoàn thành trong Quý III/2026.")


@pytest.mark.parametrize("written, names", [
    # the convention (README "Importing a plan"): a group's list parts at "và" like any list, the bodies after it are
    # a name of their own ("địa phương (liên quan)", "UBND các xã", "các cơ quan liên quan")
    ("các bộ, ngành và địa phương liên quan", ["các bộ, ngành", "địa phương liên quan"]),
    ("Các sở, ngành và UBND các xã", ["Các sở, ngành", "UBND các xã"]),
    ("các sở, ban, ngành và các cơ quan, đơn vị liên quan", ["các sở, ban, ngành", "các cơ quan, đơn vị liên quan"]),
    # … but not inside a body's own name, nor in "những cơ quan của A và B"
    ("các đơn vị trực thuộc Bộ Khoa học và Công nghệ", ["các đơn vị trực thuộc Bộ Khoa học và Công nghệ"]),
])
def test_a_group_parts_at_va(written, names):
    assert split_names(written) == names
