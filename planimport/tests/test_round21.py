"""Round 21: general rules for the patterns the real documents of blind19real and blind20real showed (their SOURCES.md),
each on a made-up text with other bodies and words than those documents."""

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
