"""Round 20: general rules for the patterns round 19's blind set showed (devset/blind19/README.md), each on a made-up
text with other bodies and words than those documents."""

import pytest

from planimport.parser import parse_blocks
from planimport.readers import blocks_from_text
from planimport.tests.test_variants import HEADER as HEADER_TEXT, T, got, read


def test_paragraphs_under_a_topical_item_are_a_task_each():
    # "1. Phát triển nông nghiệp" over paragraphs that each assign work ("Giao X chủ trì …", "X chủ trì …", "Đề nghị X
    # phối hợp với Y …"): a task per paragraph, and per sentence of a paragraph that assigns again; "1.1", "1.2" …
    plan = read("II. NHIỆM VỤ\n1. Phát triển nông nghiệp\n"
                "Giao Phòng Kinh tế chủ trì, phối hợp với Trung tâm Khuyến nông huyện tổ chức tập huấn cho nông dân, hoàn "
                "thành trong Quý II/2026. Phòng Tài chính chủ trì, phối hợp với Phòng Kinh tế bố trí kinh phí hỗ trợ "
                "giống, thực hiện hằng năm.\n"
                "Đề nghị Hội Nông dân huyện phối hợp với Phòng Kinh tế tuyên truyền mô hình mới.\n"
                "2. Bảo vệ rừng\n"
                "Giao Hạt Kiểm lâm huyện chủ trì, phối hợp với UBND các xã kiểm tra việc khai thác gỗ; thời gian "
                "thực hiện: 6 tháng đầu năm 2026.\n"
                "Giao Công an huyện phối hợp với Hạt Kiểm lâm huyện kiểm tra các cơ sở chế biến gỗ, thực hiện thường "
                "xuyên.\n")
    assert got(plan) == [
        T("Giao Phòng Kinh tế chủ trì, phối hợp với Trung tâm Khuyến nông huyện tổ chức tập huấn cho nông dân, hoàn thành "
          "trong Quý II/2026.", ["Phòng Kinh tế"], ["Trung tâm Khuyến nông huyện"], "hoàn thành trong Quý II/2026",
          "deadline", "2026-06-30"),
        T("Phòng Tài chính chủ trì, phối hợp với Phòng Kinh tế bố trí kinh phí hỗ trợ giống, thực hiện hằng năm.",
          ["Phòng Tài chính"], ["Phòng Kinh tế"], "thực hiện hằng năm", "annual"),
        T("Đề nghị Hội Nông dân huyện phối hợp với Phòng Kinh tế tuyên truyền mô hình mới.", ["Hội Nông dân huyện"],
          ["Phòng Kinh tế"]),
        T("Giao Hạt Kiểm lâm huyện chủ trì, phối hợp với UBND các xã kiểm tra việc khai thác gỗ",
          ["Hạt Kiểm lâm huyện"], ["UBND các xã"], "6 tháng đầu năm 2026", "deadline", "2026-06-30"),
        T("Giao Công an huyện phối hợp với Hạt Kiểm lâm huyện kiểm tra các cơ sở chế biến gỗ, thực hiện thường xuyên.",
          ["Công an huyện"], ["Hạt Kiểm lâm huyện"], "thực hiện thường xuyên", "ongoing")]
    assert [t.number for t in plan.tasks] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    # the topical items are sections
    assert [s.title for s in plan.sections if s.number in ("1", "2")] == ["Phát triển nông nghiệp", "Bảo vệ rừng"]


def test_a_topical_item_over_one_assigning_paragraph_stays_one_task():
    # one paragraph, one sentence: the item is the task, titled by its heading (as before)
    plan = read("II. NHIỆM VỤ\n1. Phát triển nông nghiệp\n"
                "Giao Phòng Kinh tế chủ trì, phối hợp với Trung tâm Khuyến nông huyện tổ chức tập huấn cho nông dân, hoàn "
                "thành trong Quý II/2026. Kết quả báo cáo UBND huyện.\n")
    assert [(t.title, t.lead) for t in plan.tasks] == [("Phát triển nông nghiệp", ["Phòng Kinh tế"])]


def test_a_paragraph_that_assigns_nothing_keeps_the_item_one_task():
    # a paragraph of background before the assignment: the item is one task, as before
    plan = read("II. NHIỆM VỤ\n1. Phát triển nông nghiệp\n"
                "Năm 2025, diện tích lúa chất lượng cao của huyện tăng 12%.\n"
                "Giao Phòng Kinh tế chủ trì, phối hợp với Trung tâm Khuyến nông huyện tổ chức tập huấn, hoàn thành trong "
                "Quý II/2026.\n"
                "Giao Phòng Tài chính chủ trì bố trí kinh phí, thực hiện hằng năm.\n")
    assert [t.lead for t in plan.tasks] == [["Phòng Kinh tế"]]


def test_a_discipline_in_a_name():
    # "Viện Sinh thái học …": the "-học" of a discipline ends the name, the verb after it does not join it
    plan = read("II. NHIỆM VỤ\n1. Bảo tồn đa dạng sinh học\n"
                "Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Viện Sinh thái học điều tra hiện trạng "
                "các loài chim, hoàn thành trong năm 2026.\n")
    assert [t.coordinators for t in plan.tasks] == [["Viện Sinh thái học"]]


def test_an_assignment_with_its_own_time_under_the_organisation_part_is_a_task():
    # "IV. TỔ CHỨC THỰC HIỆN" / "2. Giao X chủ trì, phối hợp với Y …, hoàn thành trước tháng 10/2026.": a task, tracked
    # by its deadline, though the plan assigns its work elsewhere; a standing duty with no time of its own ("… căn cứ
    # chức năng, nhiệm vụ chủ động triển khai …", "… theo dõi, đôn đốc, báo cáo UBND tỉnh") stays a responsibility
    plan = read("II. NHIỆM VỤ\n1. Cải tạo chợ trung tâm\n- Chủ trì: UBND thị xã\n- Thời gian: Năm 2027\n"
                "2. Lắp đặt camera giám sát giao thông\n- Chủ trì: Công an tỉnh\n- Thời gian: Quý IV/2026\n"
                "III. TỔ CHỨC THỰC HIỆN\n"
                "1. Giao Sở Xây dựng chủ trì, phối hợp với các sở, ngành theo dõi, đôn đốc, tổng hợp kết quả thực hiện "
                "Kế hoạch, báo cáo UBND tỉnh.\n"
                "2. Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng thẩm định dự toán kinh phí, hoàn thành trước "
                "tháng 10/2026.\n"
                "3. Đề nghị Báo Quảng Trị, Đài Phát thanh và Truyền hình tỉnh phối hợp với Sở Xây dựng tuyên truyền về "
                "Kế hoạch, thực hiện trong năm 2026.\n"
                "4. Các sở, ban, ngành, UBND các huyện căn cứ chức năng, nhiệm vụ chủ động triển khai thực hiện Kế "
                "hoạch này.\n"
                # a span the work covers, not its time
                "5. Sở Xây dựng chủ trì, phối hợp với Sở Tài chính đánh giá hiệu quả đầu tư các chợ giai đoạn 2021 - "
                "2025.\n")
    assert got(plan)[2:] == [
        T("Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng thẩm định dự toán kinh phí, hoàn thành trước tháng "
          "10/2026.", ["Sở Tài chính"], ["Sở Xây dựng"], "hoàn thành trước tháng 10/2026", "deadline", "2026-09-30"),
        T("Đề nghị Báo Quảng Trị, Đài Phát thanh và Truyền hình tỉnh phối hợp với Sở Xây dựng tuyên truyền về Kế "
          "hoạch, thực hiện trong năm 2026.", ["Báo Quảng Trị", "Đài Phát thanh và Truyền hình tỉnh"], ["Sở Xây dựng"],
          "thực hiện trong năm 2026", "deadline", "2026-12-31")]
    assert len(plan.tasks) == 4 and [r.number for r in plan.responsibilities] == ["1", "4", "5"]


def test_a_table_row_wrapped_onto_a_row_with_no_number_goes_on_the_row_above():
    # "| 2 | Kiểm tra … các cơ sở | Sở Y tế | Công an tỉnh; | Quý III/2026 |" / "| | kinh doanh thực phẩm | | UBND các
    # huyện | |": the title and the coordinators go on, cell by cell; no task of its own
    plan = read("II. NHIỆM VỤ\n"
                "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
                "| 1 | Tập huấn an toàn thực phẩm cho bếp ăn tập thể | Sở Y tế | Sở GD&ĐT | Quý II/2026 |\n"
                "| 2 | Kiểm tra an toàn thực phẩm tại các cơ sở | Sở Y tế | Công an tỉnh; | Quý III/2026 |\n"
                "| | kinh doanh thức ăn đường phố | | UBND các huyện | |\n"
                "| 3 | Xây dựng chợ an toàn thực phẩm | Sở Công Thương | UBND các huyện | Năm 2027 |\n")
    assert got(plan)[1:] == [
        T("Kiểm tra an toàn thực phẩm tại các cơ sở kinh doanh thức ăn đường phố", ["Sở Y tế"],
          ["Công an tỉnh", "UBND các huyện"], "Quý III/2026", "deadline", "2026-09-30"),
        T("Xây dựng chợ an toàn thực phẩm", ["Sở Công Thương"], ["UBND các huyện"], "Năm 2027", "deadline",
          "2027-12-31")]


@pytest.mark.parametrize("point, coordinators", [
    # whom the lead works with, named in a clause after the work: ", phối hợp với X và Y; thời gian: …"
    ("b) Hướng dẫn hộ kinh doanh đăng ký thuế điện tử, phối hợp với Thuế tỉnh và Liên minh Hợp tác xã tỉnh; thời gian: "
     "Năm 2026.", ["Thuế tỉnh", "Liên minh Hợp tác xã tỉnh"]),
    ("b) Tổ chức hội chợ hàng nông sản, phối hợp với UBND các xã, phường; thực hiện hằng năm.", ["UBND các xã, phường"]),
    # not a clause of whom: "phối hợp với" inside what is done, after its object
    ("b) Xây dựng quy chế phối hợp với Công an tỉnh; thời gian: Năm 2026.", []),
    # a further clause with its own verb: round 29 reads X as whom the point's lead works with, as the keys of real
    # documents (165/KH-UBND Cần Thơ, 773/QĐ-TTg) and blind25 do (test_round29.py); "nobody in particular" ("…; phối
    # hợp với cơ quan liên quan xử lý …") and a point with its own subject still name none
    ("b) Kiểm tra các chợ đầu mối; phối hợp với Công an tỉnh xử lý vi phạm; thời gian: Năm 2026.", ["Công an tỉnh"]),
    ("b) Kiểm tra các chợ đầu mối; phối hợp với cơ quan liên quan xử lý vi phạm; thời gian: Năm 2026.", []),
])
def test_coordinators_named_after_the_work(point, coordinators):
    plan = read("II. NHIỆM VỤ\n2. Giao Sở Công Thương chủ trì thực hiện các nhiệm vụ sau:\n"
                "a) Rà soát mạng lưới chợ; thời gian: Quý II/2026.\n" + point + "\n")
    assert [t.lead for t in plan.tasks] == [["Sở Công Thương"]] * 2
    assert plan.tasks[1].coordinators == coordinators


def test_a_page_number_inside_a_title_of_a_laid_out_pdf_text():
    # a PDF's page laid out as text: the item's title breaks at the page's foot ("… giá" / "" / "   4" / "" / "trị
    # …"): the page number is dropped and the title goes on across it; a paragraph ended before the break stays ended
    text = (
        "     ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "       HUYỆN TAM NÔNG                  Độc lập - Tự do - Hạnh phúc\n\n"
        "    Số: 21/KH-UBND                   Tam Nông, ngày 12 tháng 2 năm 2026\n\n"
        "                                   KẾ HOẠCH\n"
        "          Phát triển làng nghề truyền thống năm 2026\n\n"
        "      Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn\n"
        "2026 - 2030, Ủy ban nhân dân huyện ban hành Kế hoạch phát triển làng nghề\n"
        "truyền thống năm 2026 như sau:\n"
        "      I. MỤC ĐÍCH, YÊU CẦU\n"
        "      Bảo tồn, phát triển các làng nghề truyền thống gắn với du lịch nông thôn và\n"
        "xây dựng nông thôn mới; tạo việc làm, tăng thu nhập cho lao động nông thôn,\n"
        "nhất là lao động nữ và người dân tộc thiểu số ở các xã vùng cao.\n"
        "      II. NHIỆM VỤ\n"
        "      1. Khôi phục nghề dệt thổ cẩm tại các xã vùng cao, gắn với đào tạo nghề cho\n"
        "lao động nông thôn.\n"
        "      - Chủ trì: Phòng Kinh tế.\n"
        "      - Thời gian: Quý III/2026.\n"
        "      2. Hỗ trợ các hộ làm nghề đăng ký nhãn hiệu tập thể, tham gia chuỗi cung\n\n"
        "                                       4\n\n"
        "ứng sản phẩm OCOP của huyện.\n"
        "      - Chủ trì: Phòng Nông nghiệp.\n"
        "      - Thời gian: Năm 2026.\n"
        "      3. Quảng bá sản phẩm làng nghề trên sàn thương mại điện tử.\n\n"
        "                                       5\n\n"
        "      - Chủ trì: Phòng Văn hóa.\n"
        "      - Thời gian: Thường xuyên.\n")
    plan = parse_blocks(blocks_from_text(text))
    assert [t.title for t in plan.tasks] == [
        "Khôi phục nghề dệt thổ cẩm tại các xã vùng cao, gắn với đào tạo nghề cho lao động nông thôn.",
        "Hỗ trợ các hộ làm nghề đăng ký nhãn hiệu tập thể, tham gia chuỗi cung ứng sản phẩm OCOP của huyện.",
        "Quảng bá sản phẩm làng nghề trên sàn thương mại điện tử."]
    assert [t.lead for t in plan.tasks] == [["Phòng Kinh tế"], ["Phòng Nông nghiệp"], ["Phòng Văn hóa"]]


@pytest.mark.parametrize("text, period, due, to", [
    # "theo quý" is the period, "tháng cuối quý" its month
    ("Định kỳ theo quý, các sở, ngành báo cáo kết quả thực hiện, gửi về Sở Công Thương để tổng hợp, báo cáo UBND "
     "tỉnh.", "quarterly", None, ["Sở Công Thương"]),
    ("Các đơn vị gửi báo cáo về Sở Y tế trước ngày 22 của tháng cuối quý.", "quarterly", "22", ["Sở Y tế"]),
    # "theo quy định" is no period
    ("Các đơn vị báo cáo kết quả thực hiện theo quy định, gửi về Sở Y tế trước ngày 10/12 hằng năm.", "yearly",
     "12-10", ["Sở Y tế"]),
    # the body reported to, not the office in brackets it goes through
    ("Định kỳ 6 tháng, năm, các cơ quan báo cáo kết quả về Sở Nội vụ (qua Phòng Công chức, viên chức) để tổng hợp.",
     "semiannual", None, ["Sở Nội vụ"]),
])
def test_reporting_rules_of_round_20(text, period, due, to):
    plan = read("II. NHIỆM VỤ\n1. Việc một\n- Chủ trì: Sở Y tế\nIII. TỔ CHỨC THỰC HIỆN\n" + text + "\n")
    assert (plan.reporting.period, plan.reporting.due, plan.reporting.to) == (period, due, to)


def test_a_centred_title_stops_at_the_first_part_of_a_laid_out_pdf_page():
    # a PDF page's text laid out: the centred title's last line, then "I. MỤC ĐÍCH, YÊU CẦU" at the margin: a part
    # of its own, not the title's end (nor is "II. NHIỆM VỤ" the end of the paragraph above it)
    text = ("                     ỦY BAN NHÂN DÂN\n"
            "                     TỈNH LẠNG SƠN\n"
            "                     Số: 64/KH-UBND\n"
            "               Lạng Sơn, ngày 02 tháng 6 năm 2026\n"
            "                         KẾ HOẠCH\n"
            "  Phòng, chống buôn lậu, gian lận thương mại và hàng giả qua biên\n"
            "                       giới năm 2026\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n"
            "Ngăn chặn kịp thời các hành vi buôn lậu qua đường mòn, lối mở; xử lý nghiêm\n"
            "các vi phạm.\n"
            "II. NHIỆM VỤ CỤ THỂ\n"
            "| STT | Nội dung | Thời gian | Cơ quan chủ trì |\n"
            "| 1 | Tuần tra, kiểm soát các đường mòn, lối mở biên giới | Thường xuyên | Bộ đội Biên phòng tỉnh |\n")
    plan = parse_blocks(blocks_from_text(text))
    assert plan.title == "Phòng, chống buôn lậu, gian lận thương mại và hàng giả qua biên giới năm 2026"
    assert [(t.title, t.lead) for t in plan.tasks] == [
        ("Tuần tra, kiểm soát các đường mòn, lối mở biên giới", ["Bộ đội Biên phòng tỉnh"])]
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ CỤ THỂ"]


def test_a_name_broken_at_a_line_end_goes_on():
    # "… báo cáo UBND tỉnh và Ban" / "Chỉ đạo 389 tỉnh.": a line ending on a name's first word after a lower-case
    # word goes on with the next line
    blocks = blocks_from_text("Các đơn vị báo cáo kết quả về Sở Công Thương trước ngày 25 hằng tháng để tổng hợp, "
                              "báo cáo UBND tỉnh và Ban\nChỉ đạo 389 tỉnh.\nNơi nhận:\n")
    assert blocks[0] == ("p", "Các đơn vị báo cáo kết quả về Sở Công Thương trước ngày 25 hằng tháng để tổng hợp, "
                              "báo cáo UBND tỉnh và Ban Chỉ đạo 389 tỉnh.")
    # a line whose last word is no name's first word, or a capitalised line of its own, stays apart
    assert blocks_from_text("Giao Sở Y tế chủ trì\nKiểm tra các cơ sở\n")[1] == ("p", "Kiểm tra các cơ sở")
    assert blocks_from_text("2. Thanh tra Sở\nChủ trì kiểm tra các cơ sở.\n")[1] == ("p", "Chủ trì kiểm tra các cơ sở.")


@pytest.mark.parametrize("sentence, coordinators", [
    # a group last in a list keeps its qualifier ("… đặc khu ven biển", "… có rừng ngập mặn"), up to the verb
    ("Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính và UBND các xã, phường ven biển tổ chức kiểm tra các công "
     "trình kè; hoàn thành trong Quý II/2026.", ["Sở Tài chính", "UBND các xã, phường ven biển"]),
    # "khu" is a place's level only in "đặc khu": "Ban Quản lý khu Kinh tế" goes on
    ("Giao Sở Công Thương chủ trì, phối hợp với Ban Quản lý khu Kinh tế tỉnh điều tiết hàng hóa xuất khẩu; thực "
     "hiện thường xuyên.", ["Ban Quản lý khu Kinh tế tỉnh"]),
    # "Mặt trận": "trận" is no level of a place ("thị trấn"), the name goes on ("Tổ quốc Việt Nam cấp xã")
    ("Giao Phòng Tư pháp chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã củng cố các tổ hòa giải; "
     "hoàn thành trong Quý II/2026.", ["Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã"]),
])
def test_coordinator_names_with_lower_case_words(sentence, coordinators):
    plan = read("II. NHIỆM VỤ\n1. Phòng chống thiên tai\n- " + sentence + "\n")
    assert [t.coordinators for t in plan.tasks] == [coordinators]


def test_an_assigning_sentence_without_chu_tri_ends_its_coordinator_at_the_work():
    # "Giao X phối hợp với Y <work the parser has no verb for> …": Y ends where its name does (a proper name, initials)
    plan = read("II. NHIỆM VỤ\n1. Giữ gìn an ninh biên giới\n"
                "Giao Công an tỉnh phối hợp với UBND huyện Bát Xát canh gác các mốc giới, thực hiện thường xuyên.\n"
                "Đề nghị Bộ Chỉ huy Bộ đội Biên phòng tỉnh phối hợp với Sở NN&MT truy quét lâm tặc trong rừng phòng hộ.\n"
                "Giao Bộ Chỉ huy Quân sự tỉnh phối hợp với UBND đặc khu Vân Đồn canh gác bờ biển, thực hiện thường "
                "xuyên.\n")
    assert [t.coordinators for t in plan.tasks] == [["UBND huyện Bát Xát"], ["Sở NN&MT"], ["UBND đặc khu Vân Đồn"]]
