"""Round 34: general rules about a document's structure (not its wording), from the twelfth blind set (blind28;
devset/SOURCES.md, "Twelfth blind set"), each on a made-up text with other provinces, bodies and words than those
documents."""

import io

from planimport.parser import parse_document
from planimport.tests.test_variants import read


def _docx_one_agency_column(rows):
    from docx import Document

    document = Document()
    for line in ["Số: 77/KH-SYT", "Cần Thơ, ngày 4 tháng 3 năm 2028", "KẾ HOẠCH", "Phòng, chống dịch sốt xuất huyết",
                 "II. NHIỆM VỤ"]:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows) + 1, cols=4)
    for j, c in enumerate(["TT", "Nội dung công việc", "Đơn vị thực hiện", "Thời hạn"]):
        table.cell(0, j).text = c
    for i, row in enumerate(rows, 1):
        for j, c in enumerate(row):
            paragraphs = c if isinstance(c, list) else [c]
            table.cell(i, j).text = paragraphs[0]
            for more in paragraphs[1:]:
                table.cell(i, j).add_paragraph(more)
    buffer = io.BytesIO()
    document.save(buffer)
    return parse_document("plan.docx", buffer.getvalue())


def test_one_agency_column_holding_both_roles_in_a_word_table():
    # "Đơn vị thực hiện" holds both roles: labels in either order, parted by ";" or ".", or as two paragraphs of the
    # cell; "Chủ trì" alone; the roles after the names ("X chủ trì; Y phối hợp"). The labels are no part of any name
    plan = _docx_one_agency_column([
        ["1", "Phun hóa chất diệt muỗi tại các ổ dịch", "Chủ trì: Trung tâm Kiểm soát bệnh tật; Phối hợp: UBND các "
         "xã, phường, Sở Tài nguyên", "Tháng 5/2028"],
        ["2", "Tập huấn điều trị cho tuyến cơ sở", ["Đơn vị chủ trì: Bệnh viện Nhi đồng", "Đơn vị phối hợp: Sở Nội vụ; "
         "Bệnh viện Đa khoa"], "Quý II/2028"],
        ["3", "Mua bổ sung thuốc, vật tư", "Phối hợp: Sở Tài chính. Chủ trì: Sở Y tế.", "Quý I/2028"],
        ["4", "Giám sát véc tơ truyền bệnh", "Chủ trì: Viện Pasteur", "Hằng tháng"],
        ["5", "Truyền thông phòng bệnh", "Báo Cần Thơ chủ trì; Đài Truyền hình, Tỉnh đoàn phối hợp", "Năm 2028"],
    ])
    assert [(t.lead, t.coordinators) for t in plan.tasks] == [
        (["Trung tâm Kiểm soát bệnh tật"], ["UBND các xã, phường", "Sở Tài nguyên"]),
        (["Bệnh viện Nhi đồng"], ["Sở Nội vụ", "Bệnh viện Đa khoa"]),
        (["Sở Y tế"], ["Sở Tài chính"]),
        (["Viện Pasteur"], []),
        (["Báo Cần Thơ"], ["Đài Truyền hình", "Tỉnh đoàn"])]


def test_one_agency_column_holding_both_roles_in_a_text_table():
    # the same in a table typed as text (cells parted by "|"); a cell with no role word stays a list of leads
    plan = read("II. NHIỆM VỤ\n"
                "| TT | Nội dung | Đơn vị thực hiện | Thời gian |\n"
                "| --- | --- | --- | --- |\n"
                "| 1 | Kiểm kê rừng phòng hộ | Chủ trì: Chi cục Lâm nghiệp; Phối hợp: Công an tỉnh | Quý III/2028 |\n"
                "| 2 | Cắm mốc ranh giới rừng | Sở Nông nghiệp chủ trì; Sở Tư pháp phối hợp | Năm 2028 |\n"
                "| 3 | Trồng rừng ven biển | Sở Nông nghiệp, Tỉnh đoàn | Năm 2028 |\n")
    assert [(t.lead, t.coordinators) for t in plan.tasks] == [
        (["Chi cục Lâm nghiệp"], ["Công an tỉnh"]), (["Sở Nông nghiệp"], ["Sở Tư pháp"]),
        (["Sở Nông nghiệp", "Tỉnh đoàn"], [])]


def test_a_numbered_list_inside_a_paragraph_is_a_task_a_piece():
    # "a) X chủ trì, phối hợp với Y thực hiện: (1) …; (2) …." and "2. Z có trách nhiệm: (1) …; (2) …": each "(n)"
    # piece one task with the paragraph's lead and coordinators, its title the piece as written (lower case, no ";"
    # nor final full stop), its own time phrase its timeframe; "(1)" alone, or numbers not running on, are no list
    plan = read("II. NHIỆM VỤ\n"
                "1. Nhiệm vụ cụ thể\n"
                "a) Sở Xây dựng chủ trì, phối hợp với Công an tỉnh, Sở Tư pháp thực hiện: (1) rà soát các công trình "
                "nhà ở riêng lẻ xây dựng trái phép, hoàn thành trong Quý II/2028; (2) xử lý dứt điểm các vi phạm "
                "trật tự xây dựng, thực hiện thường xuyên.\n"
                "b) Sở Tài chính chủ trì tổng hợp kinh phí theo các bước: (1) lập dự toán; (3) thẩm định; thời gian: "
                "Quý III/2028.\n"
                "III. TỔ CHỨC THỰC HIỆN\n"
                "2. UBND các xã, phường có trách nhiệm: (1) kiểm tra trật tự xây dựng trên địa bàn, thực hiện hằng "
                "tháng; (2) báo cáo vi phạm về Sở Xây dựng, trước ngày 20/12/2028.\n")
    assert [(t.title, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        ("rà soát các công trình nhà ở riêng lẻ xây dựng trái phép, hoàn thành trong Quý II/2028", ["Sở Xây dựng"],
         ["Công an tỉnh", "Sở Tư pháp"], "hoàn thành trong Quý II/2028"),
        ("xử lý dứt điểm các vi phạm trật tự xây dựng, thực hiện thường xuyên", ["Sở Xây dựng"],
         ["Công an tỉnh", "Sở Tư pháp"], "thực hiện thường xuyên"),
        ("Sở Tài chính chủ trì tổng hợp kinh phí theo các bước: (1) lập dự toán; (3) thẩm định", ["Sở Tài chính"], [],
         "Quý III/2028"),
        ("kiểm tra trật tự xây dựng trên địa bàn, thực hiện hằng tháng", ["UBND các xã, phường"], [],
         "thực hiện hằng tháng"),
        ("báo cáo vi phạm về Sở Xây dựng, trước ngày 20/12/2028", ["UBND các xã, phường"], [], "trước ngày 20/12/2028")]
    assert [t.number for t in plan.tasks][:2] == ["II.1.a.1", "II.1.a.2"]


CONCLUSION = ("II. NHIỆM VỤ TRONG THỜI GIAN TỚI\n"
              "Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành, UBND các xã thực hiện nghiêm các nội dung sau. Cụ thể:\n")


def test_the_signer_asking_a_body_or_an_office_holder_is_a_task_for_whom_it_asks():
    # a Thông báo kết luận's "Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở X chịu trách nhiệm …" and "UBND tỉnh giao X …":
    # whom the signer asks leads (an office holder as written); the general ask before the list is no task
    plan = read(CONCLUSION +
                "1. Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Xây dựng chịu trách nhiệm kiểm tra an toàn các chung cư cũ; "
                "báo cáo kết quả trước ngày 30/6/2028.\n"
                "2. UBND tỉnh giao Thanh tra tỉnh rà soát các dự án chậm tiến độ, hoàn thành trong Quý III/2028.\n"
                "3. Chủ tịch UBND tỉnh yêu cầu Sở Công Thương:\n"
                "- Kiểm tra thị trường hàng hóa dịp Tết; thời gian: Quý I/2028.\n")
    assert [(t.lead, t.timeframe.text) for t in plan.tasks] == [
        (["Giám đốc Sở Xây dựng"], "trước ngày 30/6/2028"), (["Thanh tra tỉnh"], "hoàn thành trong Quý III/2028"),
        (["Sở Công Thương"], "Quý I/2028")]


def test_a_numbered_paragraph_of_sentences_each_led_by_its_subject_is_a_task_a_sentence():
    # "4. Công an tỉnh chỉ đạo … trước ngày …. Bộ Chỉ huy … sẵn sàng … khi có yêu cầu.": each sentence opens with the
    # body that does it, two tasks ("4.1", "4.2"; the second with no time); a second sentence that names no body
    # first goes with the one before it
    plan = read(CONCLUSION +
                "1. Công an tỉnh chỉ đạo Phòng Cảnh sát giao thông phối hợp với Sở Giao thông vận tải kiểm tra xe "
                "chở khách tại các bến xe trước ngày 15/01/2028. Bộ Chỉ huy Quân sự tỉnh bố trí lực lượng hỗ trợ "
                "khi có yêu cầu.\n"
                "2. Sở Y tế chỉ đạo các bệnh viện bố trí trực cấp cứu 24/24 giờ trong dịp Tết. Việc trực phải được "
                "báo cáo hằng ngày.\n"
                "3. Sở Công Thương chỉ đạo Quản lý thị trường kiểm tra hàng hóa trước ngày 20/01/2028.\n")
    assert [(t.number, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        ("1.1", ["Công an tỉnh"], ["Sở Giao thông vận tải"], "trước ngày 15/01/2028"),
        ("1.2", ["Bộ Chỉ huy Quân sự tỉnh"], [], ""),
        ("2", ["Sở Y tế"], [], ""), ("3", ["Sở Công Thương"], [], "trước ngày 20/01/2028")]


def test_another_documents_schedule_whose_name_holds_a_comma_is_no_deadline():
    # "theo Kế hoạch kiểm tra, giám sát năm 2028 của Sở": the year is the followed plan's, the comma inside its name;
    # a comma before a time of the task's own ("theo kế hoạch, hoàn thành năm 2028") still dates it
    from planimport.timeframes import read_timeframe
    assert [(read_timeframe(t).kind, read_timeframe(t).due) for t in (
        "theo Kế hoạch kiểm tra, giám sát năm 2028 của Sở", "theo chương trình thanh tra, kiểm toán năm 2028",
        "theo kế hoạch, hoàn thành năm 2028")] == [("other", None), ("other", None),
                                                   ("deadline", __import__("datetime").date(2028, 12, 31))]


def test_a_heading_naming_a_party_committees_cells_leads_its_points():
    # "3. Các chi bộ trực thuộc Đảng ủy xã:" and "4. Các đảng bộ cơ sở:": party cells, a group as "Các phòng trực
    # thuộc Sở" is, lead the lettered points under them
    plan = read("II. NHIỆM VỤ\n"
                "3. Các chi bộ trực thuộc Đảng ủy xã:\n"
                "a) Đưa nội dung bảo vệ môi trường vào sinh hoạt chi bộ; thời gian: Quý II/2028.\n"
                "4. Các đảng bộ cơ sở:\n"
                "a) Quán triệt nghị quyết đến đảng viên; thời gian: Tháng 3/2028.\n")
    assert [(t.lead, t.timeframe.text) for t in plan.tasks] == [
        (["Các chi bộ trực thuộc Đảng ủy xã"], "Quý II/2028"), (["Các đảng bộ cơ sở"], "Tháng 3/2028")]


def test_a_national_bodys_branch_under_its_name_is_the_issuer():
    # "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM" / "CHI NHÁNH KHU VỰC 9" (or "… TỈNH X"): the branch issues, named after the body
    # as its list writes it (without "Việt Nam"), its area as written
    from planimport.parser import parse_blocks
    from planimport.readers import blocks_from_text

    def issuer(second):
        return parse_blocks(blocks_from_text(
            f"NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\n{second}\nSố: 88/KH-NHNN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nCần Thơ, ngày 3 tháng 2 năm 2028\nKẾ HOẠCH\nThanh toán không dùng tiền mặt "
            "năm 2028\nII. NHIỆM VỤ\n1. Phòng Thanh toán chủ trì, phối hợp với Phòng Tổng hợp rà soát mạng lưới ATM, "
            "hoàn thành trong Quý I/2028.\n")).issuer
    assert issuer("CHI NHÁNH KHU VỰC 9") == "Ngân hàng Nhà nước Chi nhánh Khu vực 9"
    assert issuer("CHI NHÁNH TỈNH AN GIANG") == "Ngân hàng Nhà nước Chi nhánh tỉnh An Giang"


def test_an_asked_known_body_ends_where_its_name_ends_before_an_unknown_verb():
    # "Giao Báo và Phát thanh, Truyền hình X mở chuyên mục …": the verb "mở" is no word the parser knows, but the body
    # is a known one with its place: the name ends there, before the lower-case word
    plan = read(CONCLUSION +
                "1. Giao Báo và Phát thanh, Truyền hình Hà Tĩnh mở chuyên mục phổ biến pháp luật; thực hiện hằng năm.\n"
                "2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Chi cục Kiểm lâm và Viettel Hà Tĩnh lắp camera "
                "giám sát, hoàn thành trong Quý II/2028.\n")
    assert [(t.lead, t.coordinators) for t in plan.tasks] == [
        (["Báo và Phát thanh, Truyền hình Hà Tĩnh"], []),
        (["Sở Khoa học và Công nghệ"], ["Chi cục Kiểm lâm", "Viettel Hà Tĩnh"])]


def test_a_subject_directing_its_own_unit_to_work_with_a_partner_names_the_partner():
    # "Sở Y tế chỉ đạo các bệnh viện tuyến tỉnh, tuyến huyện phối hợp với Y …": the unit directed is the subject's own
    # (its words hold a comma); whom it works with coordinates. A partner of the work's object is none ("… chỉ đạo
    # các phòng xây dựng quy chế, phối hợp với …": after a comma, a clause of the work, no unit directed to partner)
    plan = read(CONCLUSION +
                "1. Sở Y tế chỉ đạo các bệnh viện tuyến tỉnh, tuyến xã phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh "
                "giám sát ca bệnh, hoàn thành trong Quý I/2028. Công an tỉnh bảo đảm an ninh tại các điểm cách ly "
                "khi có yêu cầu.\n"
                "2. Sở Nội vụ chỉ đạo các phòng xây dựng quy chế, phối hợp với các tỉnh lân cận trong tuyển dụng, "
                "hoàn thành trong Quý II/2028. Sở Tài chính bố trí kinh phí khi có yêu cầu.\n")
    assert [(t.lead, t.coordinators) for t in plan.tasks] == [
        (["Sở Y tế"], ["Trung tâm Kiểm soát bệnh tật tỉnh"]), (["Công an tỉnh"], []), (["Sở Nội vụ"], []),
        (["Sở Tài chính"], [])]
