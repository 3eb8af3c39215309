"""The compiled report's body rules: Vietnamese numbers, near-duplicate difficulties said once, the other
bodies' results picked by the stated rule."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from reports.exports import grouping
from reports.exports.body import pick_others, shorten
from reports.exports.common import vn_number
from reports.exports.docx_layout import text_width_mm


@pytest.mark.parametrize("value, text", [
    (1066, "1.066"), (Decimal("4576000"), "4.576.000"), (Decimal("4576000.00"), "4.576.000"),
    (Decimal("12.5"), "12,5"), (Decimal("1234.25"), "1.234,25"), (0, "0"), (None, ""), (999, "999"),
])
def test_numbers_in_vietnamese_format(value, text):
    assert vn_number(value) == text


def _body(name):
    return SimpleNamespace(name=name)


def test_alike_items_are_grouped_with_their_bodies_named_most_first():
    a, b, c, e = _body("A"), _body("B"), _body("C"), _body("E")
    groups = grouping.group_items([
        (a, "- Kinh phí còn hạn chế.\n- Cán bộ kiêm nhiệm."),
        (b, "[Dữ liệu mẫu] Cán bộ kiêm nhiệm"),          # the same, tag and full stop apart
        (c, "cán bộ KIÊM NHIỆM!\nKinh phi con han che"),    # case, accents and punctuation apart
        (e, "Công khai 5 dự thảo văn bản để lấy ý kiến.\nCông khai 7 dự thảo văn bản để lấy ý kiến."),
    ])
    assert [(g.text, [x.name for x in g.bodies]) for g in groups] == [
        ("Cán bộ kiêm nhiệm.", ["A", "B", "C"]),
        ("Kinh phí còn hạn chế.", ["A", "C"]),
        ("Công khai 5 dự thảo văn bản để lấy ý kiến.", ["E"]),  # alike (≥ 85%): one item, the body once
    ]


def test_different_items_on_one_theme_stay_apart():
    groups = grouping.group_items([(_body("A"), "Kinh phí còn hạn chế."),
                                   (_body("B"), "Kinh phí chưa được bố trí kịp thời cho cơ sở.")])
    assert len(groups) == 2


def _line(name, status, text, quantity=None, role="coordinate"):
    line = SimpleNamespace(role=role, status=status, quantity_achieved=quantity)
    return SimpleNamespace(line=line, text=text, agency=_body(name))


def test_other_results_completed_first_then_quantity_then_length_alike_passed_over():
    lines = [
        _line("Lead", "completed", "Chủ trì làm xong.", role="lead"),
        _line("P", "in_progress", "Đang làm một việc rất dài " * 5),
        _line("Q", "done_for_year", "Đã tổ chức 3 hội nghị.", quantity=3),
        _line("R", "done_for_year", "Đã tổ chức 9 hội nghị.", quantity=9),  # alike to Q's: one of them
        _line("S", "completed", "Hoàn thành việc khác."),
        _line("T", "nothing_to_report", "Không có."),
    ]
    assert [ln.agency.name for ln in pick_others(lines, 3)] == ["S", "R", "P"]
    assert [ln.agency.name for ln in pick_others(lines, 2)] == ["S", "R"]


def test_shorten_cuts_at_a_word():
    assert shorten("một hai ba bốn", 9) == "một hai…"
    assert shorten("một  hai", 20) == "một hai"


def test_shorten_never_ends_on_a_number_without_its_unit():
    assert shorten("cung cấp thông tin cho báo chí 6 lần; trả lời", 33) == "cung cấp thông tin cho báo chí…"
    assert shorten("đã chi 4.576.000 đồng cho việc", 18) == "đã chi…"


def test_a_number_column_is_measured_wide_enough():
    # 13 characters of "4.576.000.000" at 12 pt: about 24 mm in Times New Roman (digits half an em).
    assert 20 < text_width_mm("4.576.000.000", 12) < 26


def test_a_templated_sentence_naming_its_own_body_is_the_same_thing_said_by_each():
    a, b = _body("Sở Tư pháp"), _body("UBND huyện Yên Dũng")
    groups = grouping.group_items([(a, "Năm 2024, Sở Tư pháp đã triển khai đầy đủ kế hoạch."),
                                   (b, "Năm 2024, UBND huyện Yên Dũng đã triển khai đầy đủ kế hoạch.")],
                                  name_of=lambda x: x.name)
    assert len(groups) == 1 and groups[0].wording == "Năm 2024, đơn vị đã triển khai đầy đủ kế hoạch."
    assert len(grouping.group_items([(a, "Năm 2024, Sở Tư pháp đã triển khai đầy đủ kế hoạch."),
                                     (b, "Năm 2024, UBND huyện Yên Dũng đã triển khai đầy đủ kế hoạch.")])) == 2


def test_a_sentence_with_a_remark_added_or_naming_its_writer_joins_its_group():
    a, b, c = _body("Sở Y tế"), _body("Sở Thông tin và Truyền thông"), _body("Sở Tư pháp")
    text = "Đề nghị Sở Thông tin và Truyền thông tổ chức tập huấn kỹ năng cho cán bộ cơ sở."
    groups = grouping.group_items([(c, text), (a, text[:-1] + " (Bổ sung theo ý kiến của cơ quan tổng hợp)."),
                                   (b, text)], name_of=lambda x: x.name)
    assert [[x.name for x in g.bodies] for g in groups] == [["Sở Tư pháp", "Sở Y tế", "Sở Thông tin và Truyền thông"]]


def test_a_group_names_its_first_five_bodies_and_counts_the_others():
    from reports.exports.body import NAMED, grouped_lines

    bodies = [_body(f"Sở {n}") for n in "ABCDEFGH"]
    lines = grouped_lines([(b, "Kinh phí còn hạn chế.") for b in bodies] + [(bodies[0], "Cán bộ kiêm nhiệm.")], None)
    assert NAMED == 5
    assert lines == ["- 8 đơn vị nêu: Kinh phí còn hạn chế (Sở A, Sở B, Sở C, Sở D, Sở E và 3 đơn vị khác).",
                     "- Sở A: Cán bộ kiêm nhiệm."]
    five = grouped_lines([(b, "Kinh phí còn hạn chế.") for b in bodies[:5]], None)
    assert five == ["- 5 đơn vị nêu: Kinh phí còn hạn chế (Sở A, Sở B, Sở C, Sở D, Sở E)."]
