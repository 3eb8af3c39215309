"""Round 30: general rules about a document's structure (not its wording), from round 27's blind set (devset/SOURCES.md,
"Round 27: tenth blind set"), each on a made-up text with other provinces, bodies and words than those documents."""

from planimport.parser import parse_blocks
from planimport.readers import blocks_from_text
from planimport.tests.test_variants import read
from planimport.timeframes import read_timeframe


def test_a_timeframe_of_two_parts_takes_the_recurring_parts_kind():
    # "<a date> và <a cadence>": the work is first done by the date, then kept up; its kind is the recurring part's
    # (as "Hằng năm và đột xuất" is annual), the text kept whole. A date alone or two dates keep their reading
    got = [read_timeframe(t) for t in ("Tháng 5/2028 và hằng năm", "Quý II/2028 và duy trì thường xuyên",
                                       "Năm 2028 và hằng quý", "Quý II/2028 và Quý IV/2028", "Tháng 5/2028")]
    assert [(t.text, t.json_kind, t.due) for t in got][:3] == [
        ("Tháng 5/2028 và hằng năm", "annual", None), ("Quý II/2028 và duy trì thường xuyên", "ongoing", None),
        ("Năm 2028 và hằng quý", "ongoing", None)]
    assert [t.json_kind for t in got[3:]] == ["deadline", "deadline"]


def test_a_timeframe_that_follows_a_programme_named_by_its_year_is_other():
    # "Theo <a programme, a plan> năm 2028 của …": the work follows another document's schedule; the year names that
    # document, no deadline. A date after it ("Theo kế hoạch, trước ngày …") is still the deadline
    got = [read_timeframe(t) for t in ("Theo Kế hoạch hợp tác quốc tế năm 2028 của tỉnh",
                                       "Theo lịch công tác năm 2028 của Ban Thường vụ",
                                       "Theo kế hoạch, trước ngày 30/6/2028")]
    assert [(t.json_kind, t.due) for t in got][:2] == [("other", None), ("other", None)]
    assert (got[2].json_kind, str(got[2].due)) == ("deadline", "2028-06-30")


def test_decimal_points_under_a_heading_that_names_the_lead_read_their_partners_and_closing_times():
    # "2. Văn phòng Tổng cục" over "2.1. Phối hợp với X, Y …; thực hiện hằng tháng.": a decimal point under a lead's
    # heading is read as a lettered or dashed one is: whom it works with, and the time its closing phrase states
    # (kept in the title, as written); a label "; thời gian: …" still cut
    plan = read("II. NHIỆM VỤ CỤ THỂ\n"
                "1. Văn phòng Tổng cục\n"
                "1.1. Phối hợp với Báo Hải quan, Đài Tiếng nói Việt Nam mở chuyên mục hỏi đáp; thực hiện hằng tháng.\n"
                "1.2. Chỉ đạo Hải quan cửa khẩu tổ chức các đợt tập huấn; thực hiện thường xuyên.\n"
                "1.3. Lập bộ chỉ số cảnh báo sớm đối với doanh nghiệp xuất khẩu; hoàn thành trong tháng 4/2028.\n"
                "1.4. Sơ kết việc áp dụng bộ chỉ số; thời gian: Tháng 10/2028.\n")
    tasks = plan.tasks
    assert [t.lead for t in tasks] == [["Văn phòng Tổng cục"]] * 4
    assert [t.coordinators for t in tasks] == [["Báo Hải quan", "Đài Tiếng nói Việt Nam"], [], [], []]
    assert [t.timeframe.text for t in tasks] == [
        "thực hiện hằng tháng", "thực hiện thường xuyên", "hoàn thành trong tháng 4/2028", "Tháng 10/2028"]
    assert tasks[0].title.endswith("; thực hiện hằng tháng.") and tasks[3].title == "Sơ kết việc áp dụng bộ chỉ số"


def test_a_units_heading_whose_fields_run_on_in_lower_case_is_its_name_whole():
    # "1. Ban Quản lý nợ, cá nhân và thu khác" (no colon): a unit of a Cục named by its fields, the later ones in lower
    # case after a comma and "và"; a field that reads as a kind of actor ("cá nhân") is still the unit's word. A
    # heading that adds a group ("Ban X, các đơn vị có liên quan") keeps its two names
    plan = read("II. NHIỆM VỤ CỤ THỂ\n"
                "1. Ban Quản lý nợ, cá nhân và thu khác\n"
                "1.1. Rà soát danh sách người nộp thuế nợ đọng; thời gian: Tháng 3/2028.\n"
                "1.2. Phối hợp với Ban Pháp chế đề xuất biện pháp cưỡng chế; thời gian: Quý II/2028.\n"
                "2. Văn phòng Cục, các đơn vị có liên quan\n"
                "2.1. Tổ chức hội nghị sơ kết; thời gian: Tháng 7/2028.\n")
    assert [(t.number, t.lead) for t in plan.tasks] == [
        ("1.1", ["Ban Quản lý nợ, cá nhân và thu khác"]), ("1.2", ["Ban Quản lý nợ, cá nhân và thu khác"]),
        ("2.1", ["Văn phòng Cục", "các đơn vị có liên quan"])]


NOTICE = ("UBND TỈNH QUẢNG TRỊ\nVĂN PHÒNG\nSố: 77/TB-VPUBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nQuảng Trị, ngày 10 tháng 01 năm 2028\n\nTHÔNG BÁO\n"
          "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về sửa chữa trụ sở công\n\n"
          "Ngày 05/01/2028, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về sửa chữa trụ sở công. Phó Chủ tịch UBND tỉnh "
          "kết luận như sau:\n\n"
          "1. Đánh giá chung\nCác cơ quan đã tích cực triển khai việc sắp xếp trụ sở.\n"
          "2. Nhiệm vụ trong thời gian tới\n")


def notice(body):
    return parse_blocks(blocks_from_text(NOTICE + body))


def test_lettered_points_under_no_lead_that_ask_a_body_without_chu_tri_are_tasks():
    # under a topical item ("2. Nhiệm vụ trong thời gian tới"), a lettered point that asks ("Giao X …") or charges
    # ("Giám đốc Sở X chịu trách nhiệm …") a body or an office holder is a task as one with "chủ trì" is; so is a
    # point that states a policy and then asks ("…; giao X và Y rà soát …"), the point whole its title
    plan = notice(
        "a) Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập danh mục công trình xuống cấp, hoàn thành trong "
        "Quý II/2028.\n"
        "b) Ưu tiên bố trí trụ sở dôi dư làm nhà văn hóa cộng đồng; giao Sở Văn hóa, Thể thao và Du lịch và Sở Nội vụ "
        "rà soát nhu cầu, gửi Sở Xây dựng trước ngày 31/3/2028.\n"
        "c) Giám đốc Sở Tư pháp chịu trách nhiệm chỉ đạo rà soát hồ sơ pháp lý các khu đất; thời hạn: Quý III/2028.\n"
        "d) Giao Chủ tịch UBND các phường rà soát, bảo vệ nguyên trạng tài sản công dôi dư trên địa bàn; thực hiện "
        "thường xuyên.\n")
    tasks = plan.tasks
    assert [t.number for t in tasks] == ["2.a", "2.b", "2.c", "2.d"]
    assert [t.lead for t in tasks] == [["Sở Xây dựng"], ["Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ"],
                                       ["Giám đốc Sở Tư pháp"], ["Chủ tịch UBND các phường"]]
    assert [t.timeframe.text for t in tasks] == ["hoàn thành trong Quý II/2028", "trước ngày 31/3/2028",
                                                 "Quý III/2028", "thực hiện thường xuyên"]
    assert tasks[1].title.startswith("Ưu tiên bố trí") and tasks[1].coordinators == []
    assert tasks[2].title == "Giám đốc Sở Tư pháp chịu trách nhiệm chỉ đạo rà soát hồ sơ pháp lý các khu đất"


def test_a_topical_items_paragraph_whose_later_sentence_builds_on_the_first_is_two_tasks():
    # "3. Về …" over one paragraph: "Giao X chủ trì, … gửi Sở Y trước ngày …. Trên cơ sở đó, Sở Y tổng hợp, trình …
    # trong tháng …": the second sentence, its subject after the connective, is a task of its own ("3.1", "3.2")
    plan = notice(
        "a) Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập danh mục công trình xuống cấp, hoàn thành trong "
        "Quý II/2028.\n"
        "3. Về sửa chữa trụ sở các trường học\n"
        "Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với UBND các phường rà soát, lập danh mục trường học cần sửa "
        "chữa, gửi Sở Tài chính trước ngày 30/4/2028. Trên cơ sở đó, Sở Tài chính tổng hợp, trình UBND tỉnh bố trí "
        "kinh phí trong tháng 6/2028.\n")
    got = [(t.number, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks[1:]]
    assert got == [("3.1", ["Sở Giáo dục và Đào tạo"], ["UBND các phường"], "trước ngày 30/4/2028"),
                   ("3.2", ["Sở Tài chính"], [], "trong tháng 6/2028")]
    assert plan.tasks[2].title.startswith("Trên cơ sở đó, Sở Tài chính tổng hợp")


def test_a_committees_office_under_its_name_is_the_issuer():
    # "UBND TỈNH QUẢNG TRỊ" / "VĂN PHÒNG": the office of the committee signs (a Thông báo kết luận); the issuer is
    # "Văn phòng UBND tỉnh Quảng Trị", not the committee with a word after it
    assert notice("a) Giao Sở Xây dựng chủ trì lập danh mục công trình, hoàn thành trong Quý II/2028.\n").issuer == (
        "Văn phòng UBND tỉnh Quảng Trị")


def _docx_with_header(left, right, body):
    import io

    import docx

    doc = docx.Document()
    t = doc.add_table(rows=len(left), cols=2)
    for i, (a, b) in enumerate(zip(left, right)):
        t.rows[i].cells[0].text, t.rows[i].cells[1].text = a, b
    for line in body:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_departments_name_wrapped_over_two_header_lines_under_its_province_is_read_whole():
    # a two-column header read row by row: "UBND TỈNH AN GIANG" | motto, then the department's name over two lines,
    # the second ending at its level ("… THIÊN TAI TỈNH"): one name, the place once, after it
    from planimport.parser import parse_document
    data = _docx_with_header(
        ["UBND TỈNH AN GIANG", "BAN CHỈ HUY PHÒNG, CHỐNG", "THIÊN TAI VÀ TÌM KIẾM CỨU NẠN TỈNH", "Số: 12/KH-BCH"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
         "An Giang, ngày 05 tháng 01 năm 2028"],
        ["KẾ HOẠCH", "Phòng, chống thiên tai năm 2028", "I. NHIỆM VỤ",
         "1. Giao Sở Xây dựng chủ trì rà soát các công trình, hoàn thành trong Quý II/2028."])
    plan = parse_document("kh.docx", data)
    # (its words' capitals as the department's always are: each after a comma or "và" capitalised)
    assert plan.issuer == "Ban Chỉ huy phòng, Chống thiên tai và Tìm kiếm cứu nạn tỉnh An Giang"


LETTER = """ỦY BAN NHÂN DÂN
TỈNH THÁI NGUYÊN
Số: 915/UBND-NC
V/v triển khai các giải pháp phòng, chống rác thải nhựa năm 2028
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thái Nguyên, ngày 12 tháng 01 năm 2028

Kính gửi:
- Các sở, ban, ngành tỉnh;
- UBND các xã, phường.

Thực hiện chỉ đạo của Bộ Nông nghiệp và Môi trường, Chủ tịch UBND tỉnh yêu cầu:

1. Các sở, ban, ngành tỉnh, UBND các xã, phường khẩn trương thực hiện các nội dung tại Phụ lục kèm theo Công văn này; thủ trưởng cơ quan chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả.

2. Các cơ quan, đơn vị báo cáo kết quả thực hiện định kỳ hằng quý (trước ngày 15 của tháng cuối quý) về Sở Công Thương để tổng hợp, báo cáo UBND tỉnh.

Nơi nhận:
- Như trên;
- Lưu: VT, NC.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn B

PHỤ LỤC
NHIỆM VỤ PHÒNG, CHỐNG RÁC THẢI NHỰA NĂM 2028
(Kèm theo Công văn số 915/UBND-NC ngày 12/01/2028 của UBND tỉnh Thái Nguyên)
| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
| 1 | Tuyên truyền hạn chế túi ni lông khó phân hủy | Sở Văn hóa, Thể thao và Du lịch | UBND các xã, phường | Quý I/2028 |
| 2 | Kiểm tra cơ sở sản xuất túi ni lông | Sở Công Thương | Công an tỉnh | Năm 2028 |
"""


def test_a_letters_order_to_carry_out_its_appendix_is_no_task_and_its_numbered_report_point_is_the_rule():
    # a Công văn whose tasks are the rows of a "PHỤ LỤC" after its signature: the body's "1. Các sở, … thực hiện các
    # nội dung tại Phụ lục kèm theo Công văn này; …" orders them carried out (no task); "2. Các cơ quan, đơn vị báo
    # cáo … định kỳ hằng quý (…) về Sở X …", a numbered point of the letter itself, is its reporting rule
    plan = parse_blocks(blocks_from_text(LETTER))
    assert [(t.number, t.lead) for t in plan.tasks] == [("1", ["Sở Văn hóa, Thể thao và Du lịch"]),
                                                        ("2", ["Sở Công Thương"])]
    assert (plan.reporting.period, plan.reporting.to) == ("quarterly", ["Sở Công Thương"])


def test_standard_bodies_a_province_and_a_commune_have_and_a_thoi_bao_are_named_whole():
    # "Trung tâm Dịch vụ đấu giá tài sản tỉnh" (every Sở Tư pháp's), "Bưu điện văn hóa xã" (Vietnam Post's point in
    # every commune) are known bodies, not cut at their first lower-case word; "Thời báo X" is a paper as "Báo X" is
    plan = read("II. NHIỆM VỤ\n"
                "1. Sở Tư pháp:\n"
                "- Chủ trì, phối hợp với Sở Tài chính, Trung tâm Dịch vụ đấu giá tài sản tỉnh tổ chức bán tài sản "
                "công dôi dư; thời gian: Năm 2028.\n"
                "2. UBND các xã:\n"
                "- Phối hợp với Bưu điện văn hóa xã, các hợp tác xã trên địa bàn hướng dẫn người dân mua bán trực "
                "tuyến; thời gian: Quý III/2028.\n"
                "3. Sở Công Thương:\n"
                "- Phối hợp với Báo Lào Cai, Thời báo Kinh tế Việt Nam đăng tải chuyên mục thương mại điện tử; thời "
                "gian: Hằng quý.\n")
    assert [t.coordinators for t in plan.tasks] == [
        ["Sở Tài chính", "Trung tâm Dịch vụ đấu giá tài sản tỉnh"],
        ["Bưu điện văn hóa xã", "các hợp tác xã trên địa bàn"], ["Báo Lào Cai", "Thời báo Kinh tế Việt Nam"]]


def test_to_notify_ends_the_partners_names():
    # "…; phối hợp với UBND các phường, đặc khu thông báo, hướng dẫn …": "thông báo" is the work (to notify), not a
    # word of the group's name
    plan = read("II. NHIỆM VỤ\n"
                "1. Thuế tỉnh:\n"
                "- Lập danh sách doanh nghiệp chậm nộp thuế; phối hợp với UBND các phường, đặc khu thông báo, đôn đốc "
                "từng doanh nghiệp, hoàn thành trước ngày 31/3/2028.\n")
    assert plan.tasks[0].coordinators == ["UBND các phường, đặc khu"]


def test_a_units_second_field_after_a_comma_goes_on_its_name_up_to_the_verb():
    # "… phối hợp với Ban Kế hoạch, tài chính hướng dẫn …": a unit named by two fields, the second in lower case after
    # the comma, a few words up to the verb, is one name; a group after the comma ("Ban Dân vận, các cơ quan liên
    # quan") stays a name of its own
    plan = read("II. NHIỆM VỤ\n"
                "1. Văn phòng Bộ:\n"
                "- Chủ trì, phối hợp với Ban Kế hoạch, tài chính hướng dẫn các đơn vị lập dự toán; thời gian: Quý "
                "III/2028.\n"
                "- Chủ trì, phối hợp với Ban Dân vận, các cơ quan liên quan tổ chức đối thoại; thời gian: Năm 2028.\n")
    assert [t.coordinators for t in plan.tasks] == [["Ban Kế hoạch, tài chính"],
                                                    ["Ban Dân vận", "các cơ quan liên quan"]]
