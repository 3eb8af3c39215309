"""A dash or a topical item's paragraph holding several sentences (``parser._sentence_units``, one home since session 13
for what rounds 20, 22 and 23 wrote twice): a task per sentence that assigns work; a sentence that assigns none goes
with the task before it, in its title."""

from planimport.tests.test_variants import T, got, read


def test_a_sentence_that_assigns_nothing_stays_in_the_task_before_it_in_a_dash():
    plan = read("II. NHIỆM VỤ\n1. Phát triển thể thao quần chúng\n"
                "- Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Liên đoàn Bóng đá tỉnh tổ chức giải bóng "
                "đá thiếu niên, hoàn thành trong Quý III/2026.\n"
                "- Trung tâm Huấn luyện thể thao tỉnh chịu trách nhiệm duy trì các lớp năng khiếu; thực hiện thường "
                "xuyên. Kết quả được tổng hợp vào báo cáo năm. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Tỉnh Đoàn "
                "tổ chức Hội khỏe Phù Đổng cấp tỉnh, hoàn thành trước ngày 30/11/2026.\n")
    assert got(plan)[1:] == [
        T("Trung tâm Huấn luyện thể thao tỉnh chịu trách nhiệm duy trì các lớp năng khiếu; thực hiện thường xuyên. "
          "Kết quả được tổng hợp vào báo cáo năm.", ["Trung tâm Huấn luyện thể thao tỉnh"], [],
          "thực hiện thường xuyên", "ongoing"),
        T("Sở Giáo dục và Đào tạo chủ trì, phối hợp với Tỉnh Đoàn tổ chức Hội khỏe Phù Đổng cấp tỉnh, hoàn thành "
          "trước ngày 30/11/2026.", ["Sở Giáo dục và Đào tạo"], ["Tỉnh Đoàn"], "hoàn thành trước ngày 30/11/2026",
          "deadline", "2026-11-30")]


def test_a_sentence_that_assigns_nothing_stays_in_the_task_before_it_in_a_paragraph():
    plan = read("II. NHIỆM VỤ\n1. Phát triển thể thao quần chúng\n"
                "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Liên đoàn Bóng đá tỉnh tổ chức giải bóng "
                "đá thiếu niên, hoàn thành trong Quý III/2026. Giải được tổ chức luân phiên tại các xã.\n"
                "Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với Tỉnh Đoàn tổ chức Hội khỏe Phù Đổng cấp tỉnh, "
                "hoàn thành trước ngày 30/11/2026.\n")
    assert [t[0] for t in got(plan)] == [
        T("Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Liên đoàn Bóng đá tỉnh tổ chức giải bóng đá "
          "thiếu niên, hoàn thành trong Quý III/2026. Giải được tổ chức luân phiên tại các xã.", [])[0],
        T("Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với Tỉnh Đoàn tổ chức Hội khỏe Phù Đổng cấp tỉnh, hoàn "
          "thành trước ngày 30/11/2026.", [])[0]]
