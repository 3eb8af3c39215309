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
