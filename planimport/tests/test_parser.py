"""The parser's pieces on their own: timeframes, agency lists, layouts, the reporting rule, readers."""

import datetime
import io

import pytest

from planimport.names import classify, group_keys, name_key, split_names
from planimport.parser import parse_blocks, parse_document
from planimport.readers import DocumentError, blocks_from_text, read_blocks
from planimport.timeframes import read_timeframe

D = datetime.date


@pytest.mark.parametrize("text, kind, due, start, end", [
    ("Thường xuyên", "ongoing", None, None, None),
    ("Hàng năm", "annual", None, None, None),
    ("Hàng năm và đột xuất (khi có yêu cầu)", "annual_on_request", None, None, None),
    ("Năm 2023 - 2024", "period", None, D(2023, 1, 1), D(2024, 12, 31)),
    ("Hoàn thành trước tháng 12/2024", "deadline", D(2024, 11, 30), None, None),
    ("Hoàn thành trước tháng 1/2025", "deadline", D(2024, 12, 31), None, None),
    ("Thực hiện theo kế hoạch xây dựng dự toán hàng năm", "budget_cycle", None, None, None),
    ("Quý II/2026", "deadline", D(2026, 6, 30), None, None),
    ("Quý IV năm 2025", "deadline", D(2025, 12, 31), None, None),
    ("Năm 2025", "deadline", D(2025, 12, 31), None, None),
    ("trước 30/6/2025", "deadline", D(2025, 6, 30), None, None),
    ("Tháng 10/2026", "deadline", D(2026, 10, 31), None, None),
    ("10-11/2019", "period", None, D(2019, 10, 1), D(2019, 11, 30)),  # a range of months, not the day 10/11/2019
    ("01-4/2021", "period", None, D(2021, 1, 1), D(2021, 4, 30)),
    ("6 tháng đầu năm 2025", "deadline", D(2025, 6, 30), None, None),
    ("Quý II, III/2026", "deadline", D(2026, 9, 30), None, None),
    ("Quý IV/2026, 2027", "period", None, D(2026, 1, 1), D(2027, 12, 31)),
    ("Theo chỉ đạo của UBND tỉnh", "other", None, None, None),
    # a cited document's number, date or year is not the timeframe's
    ("theo Luật Xây dựng năm 2020, hoàn thành năm 2026", "deadline", D(2026, 12, 31), None, None),
    ("triển khai Nghị định 99/2025/NĐ-CP trong năm 2026", "deadline", D(2026, 12, 31), None, None),
    ("Quyết định số 75/QĐ-UBND ngày 2/3/2025, xong trong quý III/2026", "deadline", D(2026, 9, 30), None, None),
    ("theo Kế hoạch số 12/KH-UBND ngày 5 tháng 1 năm 2024, trước 30/6/2025", "deadline", D(2025, 6, 30), None, None),
    ("Năm 2025 - 2027 theo Luật Đất đai năm 2024", "period", None, D(2025, 1, 1), D(2027, 12, 31)),
    ("", "none", None, None, None),
])
def test_timeframes(text, kind, due, start, end):
    tf = read_timeframe(text)
    assert (tf.kind, tf.due, tf.start, tf.end) == (kind, due, start, end)
    assert tf.text == text


def test_agency_lists_keep_groups_and_related_wording():
    names = split_names("Các sở, ban, ngành; UBND các huyện, thành phố và cơ quan có liên quan.")
    assert names == ["Các sở, ban, ngành", "UBND các huyện, thành phố", "cơ quan có liên quan"]
    assert [classify(n) for n in names] == ["group", "group", "related"]
    assert split_names("Sở Văn hóa, Thể thao và Du lịch, Sở Tài chính và UBND cấp xã") == [
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính", "UBND cấp xã"]
    assert group_keys("Các sở, ngành, đơn vị, địa phương") == ["departments", "districts"]
    assert group_keys("các đơn vị trực thuộc Bộ") == ["units"]
    assert classify("UBND cấp huyện có liên quan") == "group"


def test_abbreviations_share_a_key():
    assert name_key("Sở TT&TT") == name_key("Sở Thông tin và Truyền thông") == name_key("Sở Thông tin Truyền thông")
    assert name_key("Sở VHTTDL") == name_key("Sở Văn hóa, Thể thao và Du lịch")
    assert name_key("UBND tỉnh") == name_key("Ủy ban nhân dân tỉnh")
    assert name_key("Sở Tư pháp") != name_key("Sở Tài chính")


PROSE = """Số: 5/KH-UBND
Hà Nội, ngày 3 tháng 1 năm 2026
KẾ HOẠCH
Thử
I. NHIỆM VỤ
1. Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính và UBND cấp xã triển khai chương trình, hoàn thành trong Quý II/2026.
2. Nhóm nhiệm vụ về dữ liệu
- Chủ trì: Sở Khoa học và Công nghệ.
a) Xây dựng kho dữ liệu; thời gian: Năm 2026.
b) Chia sẻ dữ liệu mở; thời gian: Thường xuyên.
II. CHẾ ĐỘ BÁO CÁO
Các sở, ban, ngành báo cáo trước ngày 20 hằng tháng gửi Sở Tài chính.
"""


def test_prose_heading_lead_and_a_monthly_rule():
    plan = parse_blocks(blocks_from_text(PROSE))
    first, second, third = plan.tasks
    assert (first.lead, first.coordinators) == (["Sở Công Thương"], ["Sở Tài chính", "UBND cấp xã"])
    assert first.timeframe.due == D(2026, 6, 30)
    assert (second.lead, second.timeframe.due, third.timeframe.kind) == (
        ["Sở Khoa học và Công nghệ"], D(2026, 12, 31), "ongoing")
    assert [t.number for t in plan.tasks] == ["1", "I.2.a", "I.2.b"]
    assert (plan.reporting.period, plan.reporting.due, plan.reporting.collectable) == ("monthly", "20", False)
    assert plan.reporting.to == ["Sở Tài chính"]


def test_table_text_with_section_rows_and_repeated_numbers():
    text = """Số: 9/KH-UBND
Huế, ngày 2 tháng 2 năm 2026
KẾ HOẠCH
Thử bảng
I. NHIỆM VỤ
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
| A | Nhóm một | | | | |
| 1 | Việc một | Sở Y tế | Sở Tài chính | Quý I/2026 | Báo cáo |
| B | Nhóm hai | | | | |
| 1 | Việc hai | Sở Nội vụ | | Thường xuyên | |
"""
    plan = parse_blocks(blocks_from_text(text))
    assert [(t.number, t.title, t.lead, t.product) for t in plan.tasks] == [
        ("I.A.1", "Việc một", ["Sở Y tế"], "Báo cáo"), ("I.B.1", "Việc hai", ["Sở Nội vụ"], "")]
    assert [s.code for s in plan.sections] == ["I", "I.A", "I.B"]


def test_docx_reads_paragraphs_and_tables_in_order():
    from docx import Document

    document = Document()
    for line in ["Số: 3/KH-UBND", "Huế, ngày 2 tháng 2 năm 2026", "KẾ HOẠCH", "Thử", "I. NHIỆM VỤ"]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=4)
    for j, c in enumerate(["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"]):
        table.cell(0, j).text = c
    for j, c in enumerate(["1", "Việc một", "Sở Y tế", "trước 30/6/2026"]):
        table.cell(1, j).text = c
    buffer = io.BytesIO()
    document.save(buffer)
    plan = parse_document("plan.docx", buffer.getvalue())
    assert [(t.title, t.lead, t.timeframe.due) for t in plan.tasks] == [("Việc một", ["Sở Y tế"], D(2026, 6, 30))]
    assert (plan.number, plan.date) == ("3/KH-UBND", D(2026, 2, 2))


def test_wrapped_lines_are_joined():
    blocks = blocks_from_text("Số:\n36/KH-UBND\nCà\nMau, ngày 21 tháng 02 năm 2022\n1.1. Việc một của\ntỉnh (Chủ trì: Sở Y tế).")
    assert [b[1] for b in blocks] == ["Số: 36/KH-UBND", "Cà Mau, ngày 21 tháng 02 năm 2022",
                                      "1.1. Việc một của tỉnh (Chủ trì: Sở Y tế)."]


def test_a_pdf_without_text_is_refused():
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8.27, 11.69))  # a page with a drawing and no text layer, as a scan's
    figure.add_subplot().axis("off")
    figure.gca().plot([0, 1], [0, 1])
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    with pytest.raises(DocumentError, match="không có lớp chữ"):
        read_blocks("scan.pdf", buffer.getvalue())


def test_leads_given_only_under_organisation_and_in_a_responsibility_label():
    text = """Số: 12/KH-UBND
Ninh Bình, ngày 3 tháng 3 năm 2026
KẾ HOẠCH
Thử
I. MỤC ĐÍCH
Thử nghiệm.
II. TỔ CHỨC THỰC HIỆN
1. Sở Y tế:
- Chủ trì tổ chức tiêm chủng mở rộng, hoàn thành trong Quý II/2026.
- Phối hợp với Sở Tài chính bố trí kinh phí, thực hiện hằng năm.
2. Đề nghị Ủy ban MTTQ tỉnh: tuyên truyền vận động Nhân dân.
"""
    plan = parse_blocks(blocks_from_text(text))
    assert [(t.lead, t.timeframe.kind, t.timeframe.due) for t in plan.tasks] == [
        (["Sở Y tế"], "deadline", D(2026, 6, 30)), (["Sở Y tế"], "annual", None), (["Ủy ban MTTQ tỉnh"], "none", None)]
    labelled = parse_blocks(blocks_from_text(text.replace("II. TỔ CHỨC THỰC HIỆN", "II. NHIỆM VỤ").replace(
        "1. Sở Y tế:", "1. Tiêm chủng mở rộng\n- Trách nhiệm thực hiện: Sở Y tế chủ trì, phối hợp với Sở Tài chính.")))
    assert (labelled.tasks[0].lead, labelled.tasks[0].coordinators) == (["Sở Y tế"], ["Sở Tài chính"])


def test_word_numbering_is_read_as_written():
    from docx import Document

    document = Document()
    for line in ["Số: 4/KH-UBND", "Huế, ngày 2 tháng 2 năm 2026", "KẾ HOẠCH", "Thử", "I. NHIỆM VỤ"]:
        document.add_paragraph(line)
    document.add_paragraph("Việc một", style="List Number")
    document.add_paragraph("Chủ trì: Sở Y tế", style="List Bullet")
    document.add_paragraph("Việc hai", style="List Number")
    document.add_paragraph("Chủ trì: Sở Nội vụ", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    plan = parse_document("plan.docx", buffer.getvalue())
    assert [(t.number, t.title, t.lead) for t in plan.tasks] == [("1", "Việc một", ["Sở Y tế"]),
                                                                  ("2", "Việc hai", ["Sở Nội vụ"])]


def test_tab_separated_tables_and_a_numeric_date():
    text = ("Số: 7/KH-UBND\nHuế, ngày 05/3/2026\nKẾ HOẠCH\nThử\nI. NHIỆM VỤ\n"
            "TT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\n"
            "1\tViệc một\tSở Y tế\tSở Tài chính\tQuý III/2026\n")
    plan = parse_blocks(blocks_from_text(text))
    assert plan.date == D(2026, 3, 5) and plan.place == "Huế"
    assert [(t.title, t.lead, t.coordinators, t.timeframe.due) for t in plan.tasks] == [
        ("Việc một", ["Sở Y tế"], ["Sở Tài chính"], D(2026, 9, 30))]


PDF_PAGE = """     ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
       TỈNH LÀO CAI                       Độc lập - Tự do - Hạnh phúc

      Số: 7 /KH-UBND                   Lào Cai, ngày 26 tháng 3 năm 2026

                                KẾ HOẠCH
  Phát triển cụm công nghiệp năm 2026

      Căn cứ Nghị định số 32/2024/NĐ-CP ngày 15 tháng 3 năm 2024 của Chính
phủ quy định về quản lý, phát triển cụm công nghiệp.
      I. MỤC ĐÍCH
      Phát triển các cụm công nghiệp theo hướng xanh.
      II. NỘI DUNG
      1. Thành lập mới các cụm công nghiệp
      - Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghiệp tỉnh đầu tư,
hoàn thiện hạ tầng kỹ thuật các khu công nghiệp.
      - Ủy ban nhân dân cấp xã: hướng dẫn nhà đầu tư trình thành lập cụm công
nghiệp; Chủ trì, phối hợp với các Sở, ban ngành, nhà đầu tư thứ cấp, chủ đầu tư
kinh doanh hạ tầng kỹ thuật giải phóng mặt bằng.
      2. Hoàn thành di dời cụm công nghiệp Sơn Mãn.
      UBND phường Lào Cai chủ trì, phối hợp với Sở Xây dựng, Ban Quản lý khu
Kinh tế và các cơ quan liên quan thực hiện di dời các cơ sở tới vị trí mới,
                                        2

hoàn thành trong quý IV năm 2026.
      3. Xử lý nước thải tập trung đạt chuẩn 100%.
      Ban Quản lý Khu kinh tế triển khai xây dựng hoàn thành trong năm 2026.
"""


def test_a_pdf_page_layout_reads_as_written():
    """PDF text laid out as on the page: the header's two columns, paragraphs wrapped at the margin whatever their
    next word, a page number in the middle of a sentence; leads given as the subject of a dashed item or a
    paragraph, without "chủ trì"."""
    blocks = blocks_from_text(PDF_PAGE)
    assert [v for _k, v in blocks[:6]] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH LÀO CAI",
                                           "Độc lập - Tự do - Hạnh phúc", "Số: 7 /KH-UBND",
                                           "Lào Cai, ngày 26 tháng 3 năm 2026"]
    plan = parse_blocks(blocks)
    assert (plan.number, plan.date, plan.issuer, plan.title) == (
        "7/KH-UBND", D(2026, 3, 26), "UBND tỉnh Lào Cai", "Phát triển cụm công nghiệp năm 2026")
    got = {t.title[:30]: (t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks}
    assert got == {
        "Ban Quản lý Khu kinh tế và Ban": (["Ban Quản lý Khu kinh tế", "Ban Quản lý các Khu công nghiệp tỉnh"], [], ""),
        "Ủy ban nhân dân cấp xã: hướng ": (["Ủy ban nhân dân cấp xã"], ["các Sở, ban ngành", "nhà đầu tư thứ cấp",
                                                                "chủ đầu tư kinh doanh hạ tầng kỹ thuật"], ""),
        "Hoàn thành di dời cụm công ngh": (["UBND phường Lào Cai"],
                                           ["Sở Xây dựng", "Ban Quản lý khu Kinh tế", "các cơ quan liên quan"],
                                           "hoàn thành trong quý IV năm 2026"),
        "Xử lý nước thải tập trung đạt ": (["Ban Quản lý Khu kinh tế"], [], "hoàn thành trong năm 2026"),
    }


LETTER = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
Số: 59 /UBND-KT
Lào Cai, ngày 11 tháng 6 năm 2026
V/v tăng cường kiểm tra hoạt động khoáng sản
Kính gửi: Các sở, ban, ngành.
Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
1. Trách nhiệm chung của các cơ quan, đơn vị
- Thực hiện thanh tra, kiểm tra có trọng tâm, trọng điểm.
2. Thanh tra tỉnh
- Chủ trì, phối hợp với các Sở, ban, ngành và địa phương xây dựng kế hoạch thanh tra hàng năm theo hướng có trọng tâm.
- Theo dõi, đôn đốc việc thực hiện các kết luận thanh tra.
3. Sở Xây dựng
- Thường xuyên kiểm tra các bến, bãi tập kết cát, sỏi.
- Chủ trì, phối hợp với cơ quan liên quan rà soát các phương tiện khai thác cát, sỏi, thời gian thực hiện xong trong tháng 6/2026.
4. Ủy ban nhân dân các xã, phường
- Phối hợp chặt chẽ với Công an tỉnh, Sở Xây dựng và các cơ quan liên quan kiểm tra, xử lý tàu cuốc.
- Thực hiện nhiệm vụ theo Luật Địa chất và khoáng sản năm 2024.
"""


def test_a_letter_without_parts_whose_headings_name_the_lead():
    """A directive letter: numbered agency headings, no Roman-numbered part; each dashed point under an agency is
    that agency's task; a heading that is not an agency ("Trách nhiệm chung …") gives no task; a point that starts
    "Phối hợp với X" names its coordinators; "thường xuyên", "hằng năm" inside a sentence are not its timeframe, nor
    the year of a law's name."""
    plan = parse_blocks(blocks_from_text(LETTER))
    assert (plan.number, plan.title) == ("59/UBND-KT", "tăng cường kiểm tra hoạt động khoáng sản")
    got = [(t.lead, t.coordinators, t.timeframe.text, t.timeframe.due) for t in plan.tasks]
    assert got == [
        (["Thanh tra tỉnh"], ["các Sở, ban, ngành", "địa phương"], "", None),
        (["Thanh tra tỉnh"], [], "", None),
        (["Sở Xây dựng"], [], "", None),
        (["Sở Xây dựng"], ["cơ quan liên quan"], "thời gian thực hiện xong trong tháng 6/2026", D(2026, 6, 30)),
        (["Ủy ban nhân dân các xã, phường"], ["Công an tỉnh", "Sở Xây dựng", "các cơ quan liên quan"], "", None),
        (["Ủy ban nhân dân các xã, phường"], [], "", None),
    ]


APPENDIX = """BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG
Số: 9/KH-BTNMT
Hà Nội, ngày 6 tháng 8 năm 2024
KẾ HOẠCH
Quản lý tín chỉ các-bon
I. TỔ CHỨC THỰC HIỆN
1. Cục Biến đổi khí hậu theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
PHỤ LỤC
CÁC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH
| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian thực hiện
1
Tuyên truyền, phổ biến
a)
Tổ chức hội nghị phổ biến Nghị định.
Cục Biến đổi khí hậu
Vụ Pháp chế; các đơn vị có liên quan
Quý II, III/2026
b)
Xây dựng tiêu chuẩn tín chỉ các-bon; đo đạc,
Viện Khoa học Khí tượng thủy văn, Cục
Vụ Khoa học và Công nghệ
Quý IV/2026, 2027
báo cáo, thẩm định kết quả giảm phát thải.
Biến đổi khí hậu
"""


def test_an_appendix_after_the_signature_and_a_table_flattened_to_lines():
    """The task table of an appendix ("PHỤ LỤC" after "Nơi nhận") is read; a PDF table whose cells come one a line
    after its header row is rebuilt: a header cell out of the row, a section row, a cell wrapped past the row."""
    plan = parse_blocks(blocks_from_text(APPENDIX))
    got = [(t.title, t.lead, t.coordinators, t.timeframe.kind, t.timeframe.due) for t in plan.tasks]
    assert got == [
        ("Tổ chức hội nghị phổ biến Nghị định.", ["Cục Biến đổi khí hậu"], ["Vụ Pháp chế", "các đơn vị có liên quan"],
         "deadline", D(2026, 9, 30)),
        ("Xây dựng tiêu chuẩn tín chỉ các-bon; đo đạc, báo cáo, thẩm định kết quả giảm phát thải.",
         ["Viện Khoa học Khí tượng thủy văn", "Cục Biến đổi khí hậu"], ["Vụ Khoa học và Công nghệ"], "period", None),
    ]
    assert [s.title for s in plan.sections][-1] == "Tuyên truyền, phổ biến"


GROUP_LETTER = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
Lào Cai, ngày 10 tháng 7 năm 2026
Số: 71 /UBND-TH V/v triển khai thực hiện Nghị định số 178/2026/NĐ-CP của Chính phủ
Kính gửi: Các sở, ban, ngành.
Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện các nội dung sau:
2. Các sở quản lý nhà nước chuyên ngành về hạ tầng
Giao các sở quản lý nhà nước chuyên ngành về hạ tầng theo ngành, lĩnh vực gồm:
- Sở Công Thương (đối với tài sản kết cấu hạ tầng cụm công nghiệp);
- Ban Quản lý Khu kinh tế, Ban Quản lý các khu công nghiệp (đối với tài sản khu công nghiệp).
Có trách nhiệm:
a) Chủ trì, phối hợp với các cơ quan, đơn vị, địa phương rà soát toàn bộ tài sản.
b) Hướng dẫn các cơ quan, đơn vị lập hồ sơ tài sản.
3. Ủy ban nhân dân các xã, phường
a) Chủ trì, phối hợp với các sở quản lý nhà nước chuyên ngành về hạ tầng và các cơ quan có liên quan rà soát tài sản.
b) Phối hợp với các cơ quan quản lý chuyên ngành trong quá trình quản lý tài sản.
4. Các cơ quan, tổ chức, đơn vị, doanh nghiệp được giao quản lý tài sản kết cấu hạ tầng
a) Thực hiện quản lý tài sản đúng mục đích.
5. Thanh tra tỉnh
Chủ trì, phối hợp với Sở Tài chính tăng cường thanh tra việc quản lý tài sản.
7. Sở Xây dựng
Thực hiện các nhiệm vụ sau:
- Rà soát các bến bãi tập kết vật liệu.
6. Tổ chức thực hiện
a) Các cơ quan, đơn vị khẩn trương triển khai thực hiện; định kỳ hoặc đột xuất báo cáo Ủy ban nhân dân tỉnh (qua Sở Tài chính).
Các sở quản lý chuyên ngành định kỳ tổng hợp báo cáo như sau:
- Báo cáo 6 tháng: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 05/7.
- Báo cáo năm: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 15/12.
Nơi nhận:
- Như trên.
"""


def test_a_letter_whose_headings_name_groups_members_and_paragraphs():
    """The subject "V/v …" on the number's line; a heading naming a group whose members are listed under it ("… gồm:
    - Sở Công Thương (đối với …);") gives them as the lead of its lettered points; "các sở quản lý nhà nước chuyên
    ngành …" is a name, not the verb "quản lý"; a lettered point "Phối hợp với X trong …" names X; a heading naming a
    group by what it was given ("Các cơ quan, … được giao quản lý …") is the lead; one paragraph under an agency's
    heading is its task, not a line that introduces its points ("Thực hiện các nhiệm vụ sau:"). (A reporting rule that names its period, "Báo cáo 6 tháng", read before one that only says
    "định kỳ": test_accuracy, the tuned 7103/UBND-TH's reporting period.)"""
    plan = parse_blocks(blocks_from_text(GROUP_LETTER))
    assert (plan.number, plan.title) == ("71/UBND-TH", "triển khai thực hiện Nghị định số 178/2026/NĐ-CP của Chính phủ")
    members = ["Sở Công Thương", "Ban Quản lý Khu kinh tế", "Ban Quản lý các khu công nghiệp"]
    got = [(t.title[:30], t.lead, t.coordinators) for t in plan.tasks]
    assert got[:7] == [
        ("Chủ trì, phối hợp với các cơ q", members, ["các cơ quan, đơn vị, địa phương"]),
        ("Hướng dẫn các cơ quan, đơn vị ", members, []),
        ("Chủ trì, phối hợp với các sở q", ["Ủy ban nhân dân các xã, phường"],
         ["các sở quản lý nhà nước chuyên ngành về hạ tầng", "các cơ quan có liên quan"]),
        ("Phối hợp với các cơ quan quản ", ["Ủy ban nhân dân các xã, phường"], ["các cơ quan quản lý chuyên ngành"]),
        ("Thực hiện quản lý tài sản đúng",
         ["Các cơ quan, tổ chức, đơn vị, doanh nghiệp được giao quản lý tài sản kết cấu hạ tầng"], []),
        ("Chủ trì, phối hợp với Sở Tài c", ["Thanh tra tỉnh"], ["Sở Tài chính"]),
        ("Rà soát các bến bãi tập kết vậ", ["Sở Xây dựng"], []),
    ]


SUBJECTS = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 512/UBND-KT
Hà Giang, ngày 3 tháng 4 năm 2026
V/v triển khai thực hiện
Nghị định số 99/2026/NĐ-CP của Chính phủ
Kính gửi: Các sở, ban, ngành.
Chủ tịch Ủy ban nhân dân tỉnh giao:
1. Sở Xây dựng chủ động nghiên cứu, tham mưu triển khai thực hiện Nghị định trên địa bàn tỉnh.
2. Các sở, ban, ngành theo chức năng, nhiệm vụ, phối hợp với Sở Xây dựng triển khai thực hiện, hoàn thành trong năm 2026.
3. Vườn quốc gia Ba Bể, các Công ty Cao su chủ động triển khai thực hiện các nội dung thuộc thẩm quyền.
4. Các tổ chức, cá nhân được cấp giấy phép xây dựng có trách nhiệm bảo đảm an toàn công trình.
5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các cơ quan liên quan: Tăng cường giám sát việc thực hiện.
6. Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các cơ quan nghiêm túc thực hiện.
Nơi nhận:
- Như trên.
"""


def test_numbered_paragraphs_whose_subject_is_the_lead():
    """A letter's numbered paragraphs that each start with the agencies that do them, without "chủ trì" (4390/UBND-NLN's
    layout): the subject is the lead, without a qualifier ("theo chức năng, nhiệm vụ"); "…, phối hợp với X" after it
    names the coordinators; "các Công ty …" is a name; a group named by what it was given ("Các tổ chức, cá nhân được
    cấp giấy phép …") before "có trách nhiệm"; "Đề nghị X và các cơ quan liên quan: …" gives X as lead, the related
    bodies as coordinators and the words after the colon as the title; the issuer's own demand ("Chủ tịch … yêu cầu")
    is no task. The wrapped "V/v" subject is the title."""
    plan = parse_blocks(blocks_from_text(SUBJECTS))
    assert (plan.number, plan.title) == ("512/UBND-KT", "triển khai thực hiện Nghị định số 99/2026/NĐ-CP của Chính phủ")
    got = [(t.number, t.title[:25], t.lead, t.coordinators, t.timeframe.due) for t in plan.tasks]
    assert got == [
        ("1", "Sở Xây dựng chủ động nghi", ["Sở Xây dựng"], [], None),
        ("2", "Các sở, ban, ngành theo c", ["Các sở, ban, ngành"], ["Sở Xây dựng"], D(2026, 12, 31)),
        ("3", "Vườn quốc gia Ba Bể, các ", ["Vườn quốc gia Ba Bể", "các Công ty Cao su"], [], None),
        ("4", "Các tổ chức, cá nhân được", ["Các tổ chức, cá nhân được cấp giấy phép xây dựng"], [], None),
        ("5", "Tăng cường giám sát việc ", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], ["các cơ quan liên quan"], None),
    ]


PARTY = """ĐẢNG BỘ TỈNH HÀ GIANG
ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY CÁC CƠ QUAN TỈNH
Hà Giang, ngày 07 tháng 9 năm 2026
Số 318 -CV/ĐU
về việc triển khai thực hiện Chương trình hành động
số 21-CTr/TU ngày 30/8/2026 của Tỉnh ủy
Kính gửi: Các chi bộ trực thuộc.
1. Ủy ban nhân dân tỉnh, chỉ đạo các sở, ngành có liên quan:
- Cụ thể hóa các mục tiêu của Chương trình thành kế hoạch hằng năm.
- Thường xuyên kiểm tra, đôn đốc việc thực hiện.
2. Các cơ quan tham mưu, giúp việc Đảng ủy; các chi bộ, đảng bộ cơ sở
Các cấp ủy chủ động quán triệt Chương trình của Tỉnh ủy và
Kết luận của Trung ương đến toàn thể đảng viên.
Giao Văn phòng Đảng ủy chủ trì, phối hợp với Ban Tuyên giáo Đảng ủy theo dõi, đôn đốc việc thực hiện.
Đề nghị các chi bộ nghiêm túc triển khai thực hiện.
Nơi nhận:
- Như trên.
"""


def test_a_party_letter_with_a_directing_heading_and_two_groups():
    """A party committee's letter (2449-CV/ĐU's layout): the committee under "ĐẢNG BỘ …" issues it; "Số 318 -CV/ĐU"
    (no colon, a dash) and a "về việc" subject wrapped onto the next line; a heading "X, chỉ đạo …:" gives X as the
    lead of its points; a heading naming two groups split by ";" leads its paragraph; a further paragraph there that
    names its own lead ("Giao Văn phòng … chủ trì") is a task of its own; a line ending "và" goes on."""
    plan = parse_blocks(blocks_from_text(PARTY))
    assert (plan.number, plan.issuer, plan.date) == ("318-CV/ĐU", "Đảng ủy các cơ quan tỉnh", D(2026, 9, 7))
    assert plan.title == "triển khai thực hiện Chương trình hành động số 21-CTr/TU ngày 30/8/2026 của Tỉnh ủy"
    got = [(t.title[:25], t.lead, t.coordinators) for t in plan.tasks]
    groups = ["Các cơ quan tham mưu, giúp việc Đảng ủy", "các chi bộ, đảng bộ cơ sở"]
    assert got == [
        ("Cụ thể hóa các mục tiêu c", ["Ủy ban nhân dân tỉnh"], []),
        ("Thường xuyên kiểm tra, đô", ["Ủy ban nhân dân tỉnh"], []),
        ("Các cấp ủy chủ động quán ", groups, []),
        ("Giao Văn phòng Đảng ủy ch", ["Văn phòng Đảng ủy"], ["Ban Tuyên giáo Đảng ủy"]),
    ]
    assert plan.tasks[2].title.endswith("đến toàn thể đảng viên.")


NATIONAL = """THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
KẾ HOẠCH QUỐC GIA
Phòng, chống thiên tai giai đoạn 2026 - 2030
(Kèm theo Quyết định số 88/QĐ-TTg
ngày 12 tháng 3 năm 2026 của Thủ tướng Chính phủ)
I. GIÁM SÁT
- Các bộ, ngành chịu trách nhiệm giám sát việc thực hiện Kế hoạch trong phạm vi quản lý.
II. TỔ CHỨC THỰC HIỆN
1. Bộ Xây dựng
- Chủ trì, phối hợp với các bộ, ngành liên quan theo dõi, đôn đốc việc thực hiện Kế hoạch;
- Phối hợp với Bộ Tài chính, Bộ Công an trong quá trình xây dựng cơ chế, chính sách.
2. Bộ Tài chính
Chủ trì, phối hợp với Bộ Xây dựng và các bộ, cơ quan trung ương cân đối kinh phí hằng năm.
3. Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh
- Bố trí nguồn lực triển khai các nhiệm vụ của Kế hoạch;
- Thực hiện giám sát, định kỳ hằng năm báo cáo, gửi về Bộ Xây dựng trước ngày 25 tháng 12 để tổng hợp;
- Căn cứ nội dung Kế hoạch phòng, chống thiên tai giai đoạn 2026 - 2030, xây dựng dự toán kinh phí.
"""


def test_a_plan_whose_work_is_assigned_under_its_organisation_part():
    """A national plan (QĐ 1422/QĐ-TTg's layout) assigns its work only in "Tổ chức thực hiện" ("1. Bộ X" / "- Chủ trì,
    phối hợp với …"); one subject-led point elsewhere does not turn those points into standing responsibilities.
    "Phối hợp với X trong …" names X; a report's date ("báo cáo, gửi về … trước ngày 25 tháng 12") and a plan's name
    after "Căn cứ" ("… giai đoạn 2026 - 2030") are no timeframe. The number and date come from "(Kèm theo Quyết định
    số …" under the title "KẾ HOẠCH QUỐC GIA"."""
    plan = parse_blocks(blocks_from_text(NATIONAL))
    assert (plan.number, plan.date, plan.title) == ("88/QĐ-TTg", D(2026, 3, 12),
                                                    "Phòng, chống thiên tai giai đoạn 2026 - 2030")
    got = [(t.title[:20], t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    members = ["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh"]
    assert got[-6:] == [
        ("Chủ trì, phối hợp vớ", ["Bộ Xây dựng"], ["các bộ, ngành liên quan"], ""),
        ("Phối hợp với Bộ Tài ", ["Bộ Xây dựng"], ["Bộ Tài chính", "Bộ Công an"], ""),
        ("Chủ trì, phối hợp vớ", ["Bộ Tài chính"], ["Bộ Xây dựng", "các bộ, cơ quan trung ương"], ""),
        ("Bố trí nguồn lực tri", members, [], ""),
        ("Thực hiện giám sát, ", members, [], ""),
        ("Căn cứ nội dung Kế h", members, [], ""),
    ]


TOURISM = """ỦY BAN NHÂN DÂN TỈNH BẮC KẠN
Số: 41/KH-UBND
Bắc Kạn, ngày 3 tháng 4 năm 2026
KẾ HOẠCH
Phát triển du lịch cộng đồng năm 2026
I. MỤC TIÊU
1. Mục tiêu cụ thể
a) Các cơ sở lưu trú du lịch đạt chuẩn phục vụ khách quốc tế.
b) Ủy ban nhân dân các xã có điểm du lịch bố trí ít nhất 01 cán bộ phụ trách du lịch.
II. NHIỆM VỤ
1. Phát triển sản phẩm du lịch
a) Sở Văn hóa, Thể thao và Du lịch chủ động xây dựng bộ tiêu chí, hoàn thành trong quý II năm 2026.
b) Ủy ban nhân dân các huyện lựa chọn điểm du lịch cộng đồng.
2. Ủy ban nhân dân các thành phố rà soát điểm du lịch và thực hiện các nội dung sau:
- Lập danh mục điểm du lịch.
- Hỗ trợ hộ dân cải tạo nhà ở.
3. Sở Tài chính chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch bố trí kinh phí.
III. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch
- Hướng dẫn các huyện triển khai Kế hoạch.
- Tổng hợp kết quả thực hiện.
2. Sở Công Thương
- Quảng bá sản phẩm du lịch.
- Phối hợp với Sở Văn hóa, Thể thao và Du lịch tổ chức hội chợ.
3. Ủy ban nhân dân các huyện
- Bố trí nhân lực.
- Kiểm tra việc thực hiện.
Nơi nhận:
- Như trên.
"""


def test_subject_led_points_below_a_heading_and_a_subject_that_introduces_points():
    """A lettered point that starts with the agency that does it is a task, as a numbered one is; a target in the
    objectives that starts with an agency is not. "2. X rà soát … và thực hiện các nội dung sau:" introduces points:
    X leads each dashed point and the line itself is no task. Six "Tổ chức thực hiện" points against five tasks stay
    standing responsibilities (only a plan with four times as many points there as tasks elsewhere takes them)."""
    plan = parse_blocks(blocks_from_text(TOURISM))
    got = [(t.title[:25], t.lead, t.coordinators, t.timeframe.due) for t in plan.tasks]
    assert got == [
        ("Sở Văn hóa, Thể thao và D", ["Sở Văn hóa, Thể thao và Du lịch"], [], D(2026, 6, 30)),
        ("Ủy ban nhân dân các huyện", ["Ủy ban nhân dân các huyện"], [], None),
        ("Lập danh mục điểm du lịch", ["Ủy ban nhân dân các thành phố"], [], None),
        ("Hỗ trợ hộ dân cải tạo nhà", ["Ủy ban nhân dân các thành phố"], [], None),
        ("Sở Tài chính chủ trì, phố", ["Sở Tài chính"], ["Sở Văn hóa, Thể thao và Du lịch"], None),
    ]
    assert [r.heading for r in plan.responsibilities] == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương",
                                                          "Ủy ban nhân dân các huyện"]


MINISTRY_LETTER = """BỘ XÂY DỰNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc Số: 512/BXD-QLN | Hà Nội, ngày 05 tháng 3 năm 2026
V/v triển khai Nghị định số 12/2026/NĐ-CP
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương
Ngày 10/02/2026, Chính phủ ban hành Nghị định số 12/2026/NĐ-CP về nhà ở xã hội.
Để triển khai Nghị định, Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh, thành phố khẩn trương thực hiện các nội dung như sau:
1. Về quy hoạch
a) Rà soát quỹ đất dành cho nhà ở xã hội, báo cáo Thủ tướng Chính phủ trong quý II năm 2026 theo hướng ưu tiên khu công nghiệp.
b) Phối hợp với Bộ Tài chính trong công tác bố trí vốn, trình Hội đồng nhân dân quyết định trong quý IV năm 2026.
c) Tổng hợp kết quả thực hiện gửi
Bộ Xây dựng, các bộ liên quan trước ngày 15 tháng 12 hằng năm.
d) Cung cấp thông tin tình hình thực hiện dự án nhà ở xã hội định kỳ hằng năm gửi về Bộ Xây dựng.
2. Về kiểm tra
a) Hằng năm, kiểm tra các dự án nhà ở xã hội. Đến năm 2028, hoàn thành việc rà soát.
b) Định kỳ 6 tháng, báo cáo kết quả, gửi về Bộ Xây dựng trước ngày 20 tháng 6 để tổng hợp.
3. Bộ Tài chính:
a) Chủ trì, phối hợp với các bộ, địa phương liên quan tiến hành đánh giá nguồn vốn.
b) Phối hợp với các bộ, ngành và địa phương liên quan hướng dẫn thực hiện:
- Bố trí vốn đầu tư công cho nhà ở xã hội.
- Hướng dẫn cơ chế ưu đãi thuế.
Bộ Xây dựng trân trọng cảm ơn sự phối hợp của Quý Ủy ban./.
Nơi nhận:
- Như trên.
"""


def test_a_letter_whose_addressee_does_the_points():
    """A ministry's letter (9389/BNNMT-BĐKH's and 1153/BNNMT-QLĐĐ's layout) asks its addressee to do the points ("…
    đề nghị Ủy ban nhân dân các tỉnh, thành phố khẩn trương thực hiện … như sau:"): the addressee, without the adverb,
    leads each point that names no lead of its own, with "Phối hợp với X" as coordinators, and a point's line that
    goes on with the sentence before it ("… gửi" / "Bộ Xây dựng, các bộ …") names no lead: it is the point's title still. A deadline with its year
    after "báo cáo Thủ tướng Chính phủ" or "trình … quyết định" is the task's and ends at the time; the date a product
    is sent by is the task's too; a recurring report date ("báo cáo …, gửi về … trước ngày 20 tháng 6") is not.
    "Hằng năm, …" opening a point is its frequency, and so is "định kỳ hằng năm" inside its last clause. Coordinators end before "tiến hành" / "trong công tác"; dashed
    sub-points of a lettered point that introduces them under a lead heading are tasks with its coordinators (Chỉ thị
    07/CT-TTg's layout). The closing courtesy line is no task. Header cells joined by " | " and the motto joined to the
    number line are split."""
    plan = parse_blocks(blocks_from_text(MINISTRY_LETTER))
    assert (plan.number, plan.date, plan.place, plan.title) == (
        "512/BXD-QLN", D(2026, 3, 5), "Hà Nội", "triển khai Nghị định số 12/2026/NĐ-CP")
    provinces = ["Ủy ban nhân dân các tỉnh, thành phố"]
    related = ["các bộ, ngành", "địa phương liên quan"]
    got = [(t.title[:20], t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    assert got == [
        ("Rà soát quỹ đất dành", provinces, [], "trong quý II năm 2026"),
        ("Phối hợp với Bộ Tài ", provinces, ["Bộ Tài chính"], "trong quý IV năm 2026"),
        ("Tổng hợp kết quả thự", provinces, [], "trước ngày 15 tháng 12 hằng năm"),
        ("Cung cấp thông tin t", provinces, [], "định kỳ hằng năm"),
        ("Hằng năm, kiểm tra c", provinces, [], "Hằng năm"),
        ("Định kỳ 6 tháng, báo", provinces, [], ""),
        ("Chủ trì, phối hợp vớ", ["Bộ Tài chính"], ["các bộ, địa phương liên quan"], ""),
        ("Bố trí vốn đầu tư cô", ["Bộ Tài chính"], related, ""),
        ("Hướng dẫn cơ chế ưu ", ["Bộ Tài chính"], related, ""),
    ]
    assert plan.tasks[2].title.endswith("gửi Bộ Xây dựng, các bộ liên quan trước ngày 15 tháng 12 hằng năm.")


@pytest.mark.parametrize("text, names", [
    # a group noun, a colon and its members' own names: one name each, the noun before each
    ("Các Sở: Tư pháp, Nội vụ, Khoa học và Công nghệ",
     ["Sở Tư pháp", "Sở Nội vụ", "Sở Khoa học và Công nghệ"]),
    ("Các Bộ: Quốc phòng, Văn hóa, Thể thao và Du lịch, Ngoại giao và Y tế",
     ["Bộ Quốc phòng", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Ngoại giao", "Bộ Y tế"]),
    ("Các Bộ: Tài chính, Kế hoạch và Đầu tư", ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"]),
    ("UBND các tỉnh, thành phố: Đà Nẵng, Quảng Nam và Kon Tum",
     ["UBND thành phố Đà Nẵng", "UBND tỉnh Quảng Nam", "UBND tỉnh Kon Tum"]),
    ("Ủy ban nhân dân các huyện: Văn Bàn, Bảo Yên", ["Ủy ban nhân dân huyện Văn Bàn", "Ủy ban nhân dân huyện Bảo Yên"]),
    # the members end at a name of another kind
    ("Các Sở: Y tế, Giáo dục và Đào tạo; UBND các xã", ["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND các xã"]),
    ("Các Sở: Y tế, Nội vụ, Công an tỉnh và các cơ quan liên quan",
     ["Sở Y tế", "Sở Nội vụ", "Công an tỉnh", "các cơ quan liên quan"]),
    # no colon, no list of names: as before
    ("Các sở, ban, ngành", ["Các sở, ban, ngành"]),
])
def test_a_group_noun_followed_by_a_colon_and_its_members(text, names):
    assert split_names(text) == names


MARKDOWN_DIRECTIVE = """| ỦY BAN NHÂN DÂN TỈNH YÊN BÁI ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc  --------------- |
| --- | --- |
| Số: 45/CT-UBND | *Yên Bái, ngày 12 tháng* *3 năm 2025* |
CHỈ THỊ
VỀ TĂNG CƯỜNG QUẢN LÝ BẾN BÃI VEN SÔNG
Để chấn chỉnh công tác quản lý bến bãi, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
1. Các Sở: Giao thông vận tải, Khoa học và Công nghệ, Y tế:
a) Rà soát các bến bãi trên địa bàn, hoàn thành trong quý II năm 2025;
b) Chủ trì, phối hợp với Công an tỉnh, các cơ quan liên quan và các xã có bến khẩn trương lập bản đồ số các bến bãi cấp tỉnh, huyện đến năm 2030 và có tính đến năm 2045;
c) Chủ trì, phối hợp với Sở Tài chính và các huyện có sông lớn xác định nhu cầu vốn, hoàn thành trước ngày 30 tháng 9 năm 2025.
2. Ủy ban nhân dân các huyện: Văn Bàn, Bảo Yên:
a) Phối hợp với Công an tỉnh kiểm tra các bến bãi tự phát.
3. Sở Xây dựng chủ trì, phối hợp với các sở, ngành liên quan xây dựng quy hoạch bến bãi đến năm 2030, tầm nhìn đến năm 2050.
4. Chủ tịch Ủy ban nhân dân các huyện, Giám đốc các sở, Thủ trưởng các ban, ngành chịu trách nhiệm thi hành Chỉ thị này./.
Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện.
| *Nơi nhận:* - Như trên; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH     Nguyễn Văn A |
| --- | --- |
"""


def test_a_directive_in_markdown_rows_with_member_lists_horizons_and_its_closing_order():
    """A directive copied as markdown text (13/CT-TTg's layout): its header in "| … |" rows (a separator row "| --- |",
    a rule "-------" inside the issuer's cell, "*…*" emphasis splitting the date) is read as a header; "CHỈ THỊ" / "VỀ
    …" gives the title without "về". "1. Các Sở: A, B, C:" names three departments, each leading the points under it.
    Coordinators end at an adverb or verb that opens the predicate ("… các xã có bến khẩn trương lập …", "… các huyện
    có sông lớn xác định …"). A horizon ("đến năm 2030 và có tính đến năm 2045", "tầm nhìn đến năm 2050") is no
    timeframe. The closing order to carry out the directive, and the office that monitors it, are no task."""
    plan = parse_blocks(blocks_from_text(MARKDOWN_DIRECTIVE))
    assert (plan.number, plan.date, plan.place, plan.issuer, plan.title) == (
        "45/CT-UBND", D(2025, 3, 12), "Yên Bái", "UBND tỉnh Yên Bái", "TĂNG CƯỜNG QUẢN LÝ BẾN BÃI VEN SÔNG")
    assert plan.document_type == "Chỉ thị"
    three = ["Sở Giao thông vận tải", "Sở Khoa học và Công nghệ", "Sở Y tế"]
    got = [(t.title[:12], t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    assert got == [
        ("Rà soát các ", three, [], "hoàn thành trong quý II năm 2025"),
        ("Chủ trì, phố", three, ["Công an tỉnh", "các cơ quan liên quan", "các xã có bến"], ""),
        ("Chủ trì, phố", three, ["Sở Tài chính", "các huyện có sông lớn"],
         "hoàn thành trước ngày 30 tháng 9 năm 2025"),
        ("Phối hợp với", ["Ủy ban nhân dân huyện Văn Bàn", "Ủy ban nhân dân huyện Bảo Yên"], ["Công an tỉnh"], ""),
        ("Sở Xây dựng ", ["Sở Xây dựng"], ["các sở, ngành liên quan"], ""),
    ]


def test_markdown_table_rows_and_emphasis_in_text():
    """A task table written as markdown rows: the header row, its "|---|" or "| :--- |" separator (skipped), then the
    rows; "*…*" emphasis is dropped from cells and lines, a "* " bullet kept as a bullet."""
    blocks = blocks_from_text(
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | *Số hóa* hồ sơ | Sở Nội vụ | Sở Tư pháp | Quý III/2026 | Cơ sở dữ liệu |\n"
        "| :--- | :---: | --- | --- | --- | --- |\n"
        "| 2 | Tập huấn cán bộ | Sở Y tế | | Năm 2026 | Lớp tập huấn |\n"
        "* Ghi chú *chung*\n")
    assert blocks == [
        ("table", [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
                   ["1", "Số hóa hồ sơ", "Sở Nội vụ", "Sở Tư pháp", "Quý III/2026", "Cơ sở dữ liệu"],
                   ["2", "Tập huấn cán bộ", "Sở Y tế", "", "Năm 2026", "Lớp tập huấn"]]),
        ("p", "* Ghi chú chung"),
    ]


TABLE_PLAN_WITH_OWN_DUTIES = """BỘ Y TẾ
Số: 21/KH-BYT
Hà Nội, ngày 5 tháng 4 năm 2026
KẾ HOẠCH
Triển khai Chỉ thị số 3/CT-TTg về y tế cơ sở
I. MỤC ĐÍCH
Bảo đảm thực hiện hiệu quả Chỉ thị.
II. NHIỆM VỤ CHỦ YẾU CỦA BỘ Y TẾ
1. Chủ trì, phối hợp với các Bộ, cơ quan liên quan xây dựng Nghị định về y tế cơ sở.
2. Nghiên cứu mô hình trạm y tế xã.
3. Chủ trì, phối hợp với Bộ Tài chính bố trí kinh phí, hoàn thành năm 2027.
Nơi nhận:
- Như trên.
PHỤ LỤC
CÁC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |
| --- | --- | --- | --- | --- |
| 1. | Xây dựng dự thảo Nghị định về y tế cơ sở | Vụ Pháp chế | Cục Quản lý khám, chữa bệnh | Tháng 9/2026 |
| 2. | Bố trí kinh phí cho trạm y tế xã | Vụ Kế hoạch - Tài chính | Bộ Tài chính | Năm 2027 |
"""


def test_items_naming_no_lead_beside_a_task_table_are_no_tasks():
    """A plan whose task table names each task's lead (09/KH-BTNMT's appendix) states its issuer's own duties in
    numbered items that name no lead ("1. Chủ trì, phối hợp với …"): they restate the table's work, so only the table's
    rows are tasks. Without such a table, the same items stay tasks (their lead left for the person to fill in)."""
    plan = parse_blocks(blocks_from_text(TABLE_PLAN_WITH_OWN_DUTIES))
    assert [(t.title[:20], t.lead) for t in plan.tasks] == [
        ("Xây dựng dự thảo Ngh", ["Vụ Pháp chế"]), ("Bố trí kinh phí cho ", ["Vụ Kế hoạch - Tài chính"])]
    without_table = TABLE_PLAN_WITH_OWN_DUTIES.split("PHỤ LỤC")[0]
    plan = parse_blocks(blocks_from_text(without_table))
    assert [(t.title[:20], t.lead, t.coordinators) for t in plan.tasks] == [
        ("Chủ trì, phối hợp vớ", [], ["các Bộ, cơ quan liên quan"]), ("Chủ trì, phối hợp vớ", [], ["Bộ Tài chính"])]


def test_a_leadless_item_with_its_own_timeframe_beside_a_task_table_is_no_task_but_is_kept():
    """Round 7's decision on round 6's risk: an item naming no lead beside a task table is no task even when it
    carries its own timeframe ("3. Chủ trì, phối hợp với Bộ Tài chính bố trí kinh phí, hoàn thành năm 2027": the table
    names who does it, "Năm 2027" included); its words are kept as a section of its part, not lost."""
    plan = parse_blocks(blocks_from_text(TABLE_PLAN_WITH_OWN_DUTIES))
    assert not any("hoàn thành năm 2027" in t.title for t in plan.tasks)
    assert any("bố trí kinh phí, hoàn thành năm 2027" in s.title for s in plan.sections)


ASSIGNMENT_LETTER = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 512/UBND-TH
Hà Giang, ngày 3 tháng 9 năm 2026
V/v sắp xếp trụ sở làm việc sau hợp nhất
Kính gửi:
- Các Sở: Tài chính, Nội vụ, Tư pháp;
- Ủy ban nhân dân xã Minh Tân.
Ủy ban nhân dân tỉnh nhận được Văn bản số 12/CV-MT ngày 20/8/2026 của Ủy ban nhân dân xã Minh Tân về việc bố trí trụ sở.
Sau khi xem xét, Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ, Sở Tư pháp và Ủy ban nhân dân xã Minh Tân tham mưu phương án sắp xếp trụ sở làm việc, hoàn thành trước ngày 15/9/2026.
Yêu cầu Sở Tài chính, Sở Nội vụ, Sở Tư pháp, Ủy ban nhân dân xã Minh Tân triển khai thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""

OPINION_LETTER = """| VĂN PHÒNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
| --- | --- |
| Số: 77/VPCP-KGVX *V/v Đề án y tế cơ sở* | *Hà Nội, ngày 9 tháng 3 năm 2025* |
Về đề nghị của Bộ Y tế tại Tờ trình số 5/TTr-BYT, Phó Thủ tướng Chính phủ có ý kiến như sau:
Bộ Y tế báo cáo kết quả thí điểm mô hình trạm y tế xã; trên cơ sở đó chủ trì, phối hợp với Bộ Nội vụ và các cơ quan có liên quan hoàn thiện Đề án, báo cáo Thủ tướng Chính phủ.
Văn phòng Chính phủ thông báo để các Bộ: Y tế, Nội vụ và các cơ quan liên quan biết, thực hiện./.
| *Nơi nhận:* - Như trên; - Lưu: VT. | KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM |
| --- | --- |
"""


def test_a_letter_whose_only_task_is_one_assignment_paragraph():
    """A letter with no numbered item whose work is one paragraph: "… Ủy ban nhân dân tỉnh giao Sở X chủ trì, phối
    hợp với … tham mưu …, hoàn thành trước …" is its task; the paragraphs around it (what was received, the closing
    "Yêu cầu … triển khai thực hiện") are none. "Bộ X báo cáo …; trên cơ sở đó chủ trì, phối hợp với …": the
    sentence's subject leads the clause after the semicolon; the closing "Văn phòng Chính phủ thông báo để … biết,
    thực hiện" is no task."""
    plan = parse_blocks(blocks_from_text(ASSIGNMENT_LETTER))
    assert [(t.number, t.title[:30], t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        ("1", "Sau khi xem xét, Ủy ban nhân d", ["Sở Tài chính"],
         ["Sở Nội vụ", "Sở Tư pháp", "Ủy ban nhân dân xã Minh Tân"], "hoàn thành trước ngày 15/9/2026")]
    assert plan.tasks[0].timeframe.due == D(2026, 9, 15)
    plan = parse_blocks(blocks_from_text(OPINION_LETTER))
    assert [(t.title[:25], t.lead, t.coordinators) for t in plan.tasks] == [
        ("Bộ Y tế báo cáo kết quả t", ["Bộ Y tế"], ["Bộ Nội vụ", "các cơ quan có liên quan"])]


CONCLUSION_NOTICE = """| VĂN PHÒNG UBND TỈNH NINH BÌNH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
| --- | --- |
| Số: 88/TB-VPUBND | *Ninh Bình, ngày 2 tháng 11 năm 2026* |
THÔNG BÁO
KẾT LUẬN CỦA PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VỀ DỰ ÁN BẾN XE PHÍA NAM
Ngày 28 tháng 10 năm 2026, Phó Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp về dự án bến xe phía Nam. Sau khi nghe báo cáo, Phó Chủ tịch kết luận như sau:
1. Bến xe phía Nam là công trình trọng điểm. Nghị quyết số 15/NQ-HĐND của Hội đồng nhân dân tỉnh giao Sở Giao thông vận tải chủ trì lập dự án. Thời gian qua, Tỉnh ủy đã giao Ban Quản lý dự án chủ trì giải phóng mặt bằng.
2. Thực hiện Kế hoạch số 5/KH-UBND, Sở Nội vụ đã chủ trì, phối hợp với các huyện sắp xếp cán bộ.
3. Sở Xây dựng thực hiện nghiêm các ý kiến chỉ đạo tại Thông báo số 40/TB-VPUBND ngày 5 tháng 9 năm 2026; chủ trì, phối hợp chặt chẽ với các Sở Tài chính, Nội vụ và Tư pháp để khẩn trương hoàn thiện hồ sơ dự án, trình Ủy ban nhân dân tỉnh trước ngày 30 tháng 11 năm 2026. Trong đó chú ý một số nội dung sau:
- Về quy hoạch bến xe:
Sở Xây dựng nghiên cứu kỹ quy hoạch chung, trao đổi, thống nhất với Sở Tài chính về quy mô bến xe.
Sở Giao thông vận tải chủ trì, phối hợp với Công an tỉnh rà soát phương án tổ chức giao thông.
- Về vốn đầu tư:
Sở Tài chính căn cứ quy định của Luật Ngân sách nhà nước để cân đối vốn theo quy định tại Khoản
2 - Điều 5 Luật Đầu tư công, ưu tiên vốn thực hiện Chương trình phát triển giao thông đô thị đến năm 2030.
Sở Nội vụ đã tổ chức lấy ý kiến các huyện về phương án nhân sự.
4. Sở Xây dựng hoàn thiện dự thảo Quyết định theo hướng rõ cơ quan chủ trì, rõ tiến độ.
5. Sở Xây dựng chủ trì, phối hợp với Sở Tài chính xây dựng hệ thống thông tin bến bãi, hoàn thành đến năm 2030, tầm nhìn đến năm 2045.
6. Tiếp tục rà soát các bến bãi tự phát trên địa bàn.
Văn phòng Ủy ban nhân dân tỉnh thông báo để các sở, ngành liên quan biết, thực hiện./.
| *Nơi nhận:* - Như trên; - Lưu: VT. | KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG |
| --- | --- |
"""


def test_a_notice_of_conclusions_with_topic_dashes_recitals_and_its_closing():
    """A notice of a meeting's conclusions (467/TB-VPCP's layout): the title after "THÔNG BÁO" is read; a
    conclusion that recites earlier assignments ("Nghị quyết … giao Sở X chủ trì …", "… đã giao Ban X chủ trì …",
    "Thực hiện …, Sở X đã chủ trì …") is no task; "Sở X thực hiện nghiêm …; chủ trì, phối hợp chặt chẽ với các Sở A, B
    và C …" keeps lead Sở X and names Sở A, Sở B, Sở C; under its topic dashes ("- Về …:") each paragraph that names
    its lead as subject is a task (numbered after the conclusion), a line that goes on with it joins it, "thống nhất
    với X" names no coordinator, "Sở X đã tổ chức …" (what was done) is none, a year inside a programme's name
    ("Chương trình … đến năm 2030") is no timeframe; "rõ cơ quan chủ trì" names no lead, so the subject leads; the
    plain "hoàn thành đến năm 2030" before a horizon stays the deadline; the closing "Văn phòng … thông báo để … biết,
    thực hiện" leads nothing."""
    plan = parse_blocks(blocks_from_text(CONCLUSION_NOTICE))
    assert (plan.number, plan.date, plan.document_type) == ("88/TB-VPUBND", D(2026, 11, 2), "Thông báo")
    assert plan.title == "KẾT LUẬN CỦA PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VỀ DỰ ÁN BẾN XE PHÍA NAM"
    got = [(t.number, t.title[:20], t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    assert got == [
        ("3", "Sở Xây dựng thực hiệ", ["Sở Xây dựng"], ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"],
         "trước ngày 30 tháng 11 năm 2026"),
        ("3.1", "Sở Xây dựng nghiên c", ["Sở Xây dựng"], [], ""),
        ("3.2", "Sở Giao thông vận tả", ["Sở Giao thông vận tải"], ["Công an tỉnh"], ""),
        ("3.3", "Sở Tài chính căn cứ ", ["Sở Tài chính"], [], ""),
        ("4", "Sở Xây dựng hoàn thi", ["Sở Xây dựng"], [], ""),
        ("5", "Sở Xây dựng chủ trì,", ["Sở Xây dựng"], ["Sở Tài chính"], "hoàn thành đến năm 2030"),
    ]
    assert plan.tasks[3].title.endswith("Khoản 2 - Điều 5 Luật Đầu tư công, ưu tiên vốn thực hiện Chương trình phát "
                                        "triển giao thông đô thị đến năm 2030.")
    assert plan.tasks[-1].timeframe.due == D(2030, 12, 31)


@pytest.mark.parametrize("text, names", [
    ("các Bộ Y tế, Công an và Quốc phòng", ["Bộ Y tế", "Bộ Công an", "Bộ Quốc phòng"]),
    ("các Bộ Tài nguyên và Môi trường, Khoa học và Công nghệ", ["Bộ Tài nguyên và Môi trường",
                                                               "Bộ Khoa học và Công nghệ"]),
    ("các Sở, ban, ngành", ["các Sở, ban, ngành"]),
    ("các Bộ Y tế", ["các Bộ Y tế"]),
])
def test_a_group_noun_followed_by_its_members_without_a_colon(text, names):
    assert split_names(text) == names


@pytest.mark.parametrize("recital", [
    "Nghị quyết số 15/NQ-HĐND của Hội đồng nhân dân tỉnh giao Sở Giao thông vận tải chủ trì lập dự án.",
    "Thời gian qua, Tỉnh ủy đã giao Ban Quản lý dự án chủ trì giải phóng mặt bằng.",
    "Thực hiện Kế hoạch số 5/KH-UBND, Sở Nội vụ đã chủ trì, phối hợp với các huyện sắp xếp cán bộ.",
    "Sở Nội vụ đã tổ chức lấy ý kiến các huyện về phương án nhân sự.",
])
def test_a_recital_of_an_earlier_assignment_is_no_task(recital):
    """Background that recites an assignment already made (a law or resolution as subject, "đã giao", "… đã chủ trì",
    "Sở X đã tổ chức …") names no lead: the item is no task."""
    plan = parse_blocks(blocks_from_text(
        "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nSố: 9/KH-UBND\nNinh Bình, ngày 2 tháng 11 năm 2026\nKẾ HOẠCH\nBến xe\n"
        f"1. {recital}\n2. Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập hồ sơ dự án.\n"))
    assert [(t.number, t.lead) for t in plan.tasks] == [("2", ["Sở Xây dựng"])]


DEPARTMENT_LETTER = """ỦY BAN NHÂN DÂN TỈNH NGHỆ AN                  CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ Y TẾ                                        Độc lập - Tự do - Hạnh phúc
Số: 512/SYT-NVY                                Nghệ An, ngày 4 tháng 5 năm 2026
V/v triển khai Thông tư về phòng, chống dịch
Kính gửi:
- Công an tỉnh;
- Các sở, ban, ngành của tỉnh.
Ngày 20/4/2026, Bộ Y tế đã ban hành Thông tư số 10/2026/TT-BYT về phòng, chống dịch.
Để triển khai kịp thời, Sở Y tế đề nghị Công an tỉnh; các sở, ban, ngành của tỉnh; Bệnh viện Đa khoa tỉnh và các tổ chức, cá nhân có liên quan tổ chức phổ biến và triển khai thực hiện nghiêm Thông tư số 10/2026/TT-BYT.
Trong quá trình thực hiện nếu có khó khăn, vướng mắc, đề nghị Công an tỉnh và các sở, ban, ngành kịp thời phản ánh về Sở Y tế để được hướng dẫn./.
"""


def test_a_department_letter_that_asks_without_chu_tri():
    """A department writing under its province's name ("ỦY BAN NHÂN DÂN TỈNH X" then "SỞ Y") is the issuer; the
    opening's "Ngày 20/4/2026, …" (a sentence) is not the document's date when its dateline exists; the paragraph
    "Sở Y đề nghị A; B; C và các tổ chức … có liên quan … triển khai thực hiện nghiêm …" is a task led by the bodies
    it names, the related ones coordinating; "đề nghị các cơ quan, đơn vị phản ánh về Sở Y" is no task."""
    plan = parse_blocks(blocks_from_text(DEPARTMENT_LETTER))
    assert (plan.number, plan.date, plan.issuer) == ("512/SYT-NVY", D(2026, 5, 4), "Sở Y tế tỉnh Nghệ An")
    assert [(t.number, t.title[:15], t.lead, t.coordinators) for t in plan.tasks] == [
        ("1", "Để triển khai k", ["Công an tỉnh", "các sở, ban, ngành của tỉnh", "Bệnh viện Đa khoa tỉnh"],
         ["các tổ chức, cá nhân có liên quan"])]


@pytest.mark.parametrize("paragraph, lead", [
    ("Sở Tư pháp đề nghị Ủy ban nhân dân các huyện, thị xã thực hiện rà soát các văn bản đã ban hành.",
     ["Ủy ban nhân dân các huyện, thị xã"]),
    ("Đề nghị UBND các huyện; Ban Dân tộc tỉnh triển khai thực hiện nghiêm Quyết định số 3/QĐ-UBND.",
     ["UBND các huyện", "Ban Dân tộc tỉnh"]),
])
def test_a_letter_paragraph_that_asks_its_addressees_is_a_task(paragraph, lead):
    plan = parse_blocks(blocks_from_text(
        "SỞ TƯ PHÁP\nSố: 40/STP-VB\nHà Tĩnh, ngày 2 tháng 3 năm 2026\nV/v rà soát văn bản\n"
        f"Kính gửi: Các cơ quan, đơn vị.\n{paragraph}\nTrân trọng./.\n"))
    assert [(t.number, t.lead) for t in plan.tasks] == [("1", lead)]


OCR_LETTER = """BỘ XÂY DỰNG
Số: 77/BXD-KHTC                      Hà Nội, ngày 3 tháng 3 năm 2026
V/v triển khai Nghị định số 50/2026/NĐ-CP
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.
Ngày 1/2/2026, Chính phủ đã ban hành Nghị định số 50/2026/NĐ-CP. Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương lưu ý các nhiệm vụ sau:
I. Tuyên truyền, phổ biến nội dung Nghị định số 50/2026/NĐ-CP.
2. Rà soát các văn bản đã ban hành.
3. Đối với các Bộ quản lý chuyên ngành (theo quy định tại khoản 5 Điều 3
Nghị định số 50/2026/NĐ-CP)
a) Công bố danh mục công trình trong thời hạn 03 tháng, cụ thể như sau:
- Công trình giao thông - Bộ Giao thông vận tải.
- Công trình thủy lợi, đê điều — Bộ Nông nghiệp và Môi trường.
b) Trường hợp có quy định mới về công trình thì trong thời hạn 03 tháng, Bộ quản lý chuyên ngành có trách nhiệm cập nhật danh mục.
c) Hướng dẫn việc bảo trì công trình.
d) Kiểm tra việc bảo trì công trình.
e) Tổng hợp kết quả bảo trì công trình.
8) Thực hiện các nhiệm vụ khác theo quy định.
h) Thực hiện các nhiệm vụ tại mục 4 Công văn này.
3. Ủy ban nhân dân cấp tỉnh có trách nhiệm chỉ đạo lập hồ sơ công trình.
5. Trường hợp công trình bị hư hỏng thì trong thời hạn 05 ngày, Sở Xây dựng các tỉnh báo cáo Bộ Xây dựng.
Trân trọng./.
"""


def test_ocr_noise_dashes_naming_their_agency_and_a_subject_after_truong_hop():
    """OCR noise that is general: "I." inside an Arabic-numbered list is "1.", "8)" inside a lettered list is "g)",
    a number off the sequence ("3." between "3." and "5.") is the missing "4."; a heading's parenthesis that runs on
    to the next line joins it; "h) Thực hiện … tại mục 4 Công văn này" points elsewhere, no task;
    a dash that names its agency at its end ("- Công trình … - Bộ X.") is that agency's task, under its point's
    timeframe; "Trường hợp … thì …, X có trách nhiệm …" is led by X; "X có trách nhiệm …" leads with X alone."""
    plan = parse_blocks(blocks_from_text(OCR_LETTER))
    got = [(t.number, t.lead) for t in plan.tasks]
    ubnd = ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]
    assert got[:2] == [("1", ubnd), ("2", ubnd)]
    dashes = [t for t in plan.tasks if t.number.startswith("3.a.")]
    assert [(t.lead, t.timeframe.text) for t in dashes] == [
        (["Bộ Giao thông vận tải"], "trong thời hạn 03 tháng"),
        (["Bộ Nông nghiệp và Môi trường"], "trong thời hạn 03 tháng")]
    b = next(t for t in plan.tasks if t.number == "3.b")  # the heading's group, named again after "thì"
    assert (b.lead, b.timeframe.text) == (["các Bộ quản lý chuyên ngành"], "trong thời hạn 03 tháng")
    assert "3.g" in [t.number for t in plan.tasks] and "3.8" not in [t.number for t in plan.tasks]
    assert "3.h" not in [t.number for t in plan.tasks]
    assert not [t for t in plan.tasks if t.title.startswith("Nghị định")]
    assert next(t for t in plan.tasks if t.number == "4").lead == ["Ủy ban nhân dân cấp tỉnh"]
    assert next(t for t in plan.tasks if t.number == "5").lead == ["Sở Xây dựng các tỉnh"]


GUIDANCE = """BỘ XÂY DỰNG                   CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 VỤ QUY HOẠCH,                         Độc lập - Tự do - Hạnh phúc
  KIẾN TRÚC VÀ
     PHÁT TRIỂN ĐÔ THỊ
     Số: 512 /QHKT-ĐT                        Hà Nội, ngày 14 tháng 8 năm 2025
V/v hướng dẫn về quy hoạch chung đô thị

                     Kính gửi: Sở Xây dựng tỉnh Gia Lai

       Ngày 05 tháng 8 năm 2025, Vụ nhận được Công văn số 88/SXD của Sở Xây dựng tỉnh Gia Lai; Vụ có ý kiến như sau:
       1. Về thẩm quyền phê duyệt
       Ủy ban nhân dân cấp tỉnh phê duyệt quy hoạch chung theo quy định.
       2. Về ranh giới quy hoạch
       Hiện nay, các đơn vị hành chính đã được sắp xếp. Vì vậy, đề nghị địa phương căn cứ ranh giới
mới để rà soát quy hoạch chung; điều chỉnh (nếu có).
       Trên đây là ý kiến của Vụ, đề nghị Sở Xây dựng tỉnh Gia Lai nghiên cứu, thực hiện./.
"""

REPLY = """===== Trang 1 =====
BỘ CÔNG AN CỘNG HOÀ XÃ HỘI É
Độc lập - Tự do - Hạnh phúc

Số:4 7 1 5/BCA-C07 Hà Nội, ngày 1Ü tháng 9Ä năm 2O2l
V/v hướng dẫn khám chữa bệnh

Kính gửi: UBND tỉnh Quảng Nam

Trả lời đề nghị của UBND tỉnh Quảng Nam về việc hướng dẫn khám chữa bệnh ban hành ngày 10 tháng
6 năm 2020, Bộ Y tế có ý kiến như sau:

Theo khoản 2 Điều 9 Thông tư số 12/2020/TT-BYT ngày 10 tháng 6 năm 2020, cơ sở phải đăng ký.

Ngày 03 tháng 5 năm 2021, Chính phủ đã ban hành Nghị định số 40/2021/NĐ-CP về khám bệnh.

Trên đây là ý kiến của Bộ Y tế, đề nghị UBND tỉnh Quảng Nam chỉ đạo Sở Y tế thực hiện.
"""


def test_a_ministry_department_letter_of_guidance():
    """A ministry department's name wrapped over lines under its ministry's ("BỘ X" / "VỤ A," / "B VÀ" / "C") is its
    issuer (not "UBND tỉnh …"), also beside a motto written "CỘNG HÕA"; a request inside a "Về …" point of guidance
    ("Vì vậy, đề nghị địa phương căn cứ …", over wrapped lines) is that point's task, led by whom it asks; a point
    that only states who decides is none; the closing "Trên đây là …, đề nghị X … thực hiện" is no task."""
    plan = parse_blocks(blocks_from_text(GUIDANCE))
    assert (plan.number, plan.date, plan.place) == ("512/QHKT-ĐT", D(2025, 8, 14), "Hà Nội")
    assert plan.issuer == "Vụ quy hoạch, kiến trúc và phát triển đô thị"
    assert [(t.number, t.title, t.lead) for t in plan.tasks] == [
        ("2", "Về ranh giới quy hoạch", ["địa phương"])]


def test_a_garbled_reply_gives_no_wrong_date_nor_place():
    """An OCR'd reply: a number with its digits spaced ("Số:4 7 1 5/BCA-C07") is read; the dateline's day lost to the
    OCR leaves no date (the opening's "Ngày 03 tháng 5 năm 2021, Chính phủ …" is a sentence, never the dateline, and
    neither is "Trả lời đề nghị của UBND tỉnh X … ban hành ngày 10 tháng 6 năm 2020" nor "… Thông tư số 12/2020/TT-BYT
    ngày …", a sentence of many words or with a number), its place read beside the number; the
    ministry ("BỘ CÔNG AN" beside the motto: "CÔNG" starts no motto) issues; the closing "Trên đây là …, đề nghị X chỉ đạo … thực hiện" is
    no task."""
    plan = parse_blocks(blocks_from_text(REPLY))
    assert (plan.number, plan.date, plan.place) == ("4715/BCA-C07", None, "Hà Nội")
    assert plan.issuer.lower() == "bộ công an"  # its "CÔNG" no motto
    assert plan.tasks == []


PARTY_PLAN = """      ## ĐẢNG CỘNG SẢN VIỆT NAM

**BAN CHẤP HÀNH TRUNG ƯƠNG**
**ĐẢNG ĐOÀN MẶT TRẬN TỔ QUỐC VIỆT NAM**

Số 118-KH/ĐĐMT

Hà Nội, ngày 05 tháng 3 năm 2026

**KẾ HOẠCH**

**triển khai thực hiện Nghị quyết số 68-NQ/TW**
**về phát triển kinh tế tư nhân**

---

Ngày 04/5/2025, Bộ Chính trị đã ban hành Nghị quyết số 68-NQ/TW về phát triển kinh tế tư nhân.

**I. MỤC ĐÍCH, YÊU CẦU**

*   Quán triệt đầy đủ nội dung Nghị quyết đến đoàn viên, hội viên.

**II. PHÂN CÔNG NHIỆM VỤ**

**1. Tuyên truyền, quán triệt Nghị quyết**

*   Ban Tuyên giáo Trung ương phối hợp với Hội Doanh nhân trẻ Việt Nam tổ chức quán triệt Nghị quyết đến đoàn viên.

**2. Giám sát, phản biện xã hội**

**2.1. Để bảo đảm thực hiện hiệu quả Nghị quyết, Đảng đoàn Mặt trận Tổ quốc Việt Nam xác định các nhiệm vụ sau:**

*   Xây dựng chương trình giám sát chuyên đề về kinh tế tư nhân; hoàn thành trong năm 2026.
*   Tổng hợp ý kiến, kiến nghị của cử tri về kinh tế tư nhân.

**2.2. Các đảng đoàn thành viên thực hiện các nhiệm vụ sau:**

**a) Tổ đảng ở Ban Thường trực Hội Liên hiệp Phụ nữ Việt Nam**

*   Vận động hội viên phát triển hộ kinh doanh.
"""


def test_a_party_plan_in_markdown_bullets_assigns_its_tasks_under_phan_cong_nhiem_vu():
    """A party body's plan as a markdown text: "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐẢNG ĐOÀN …" (the party body under the
    Central Committee issues; "## ĐẢNG CỘNG SẢN VIỆT NAM" is its motto), a title over bold lines ending before the
    dated opening sentence ("Ngày 04/5/2025, …", after a "---" rule); "II. PHÂN CÔNG NHIỆM VỤ" assigns the tasks (no
    standing responsibilities): a "*" bullet naming its subject ("Ban X phối hợp với Hội Y tổ chức …": X leads, Y
    coordinates); an item whose purpose clause comes first ("Để …, Đảng đoàn X xác định các nhiệm vụ sau:") leads
    the bullets under it; a lettered heading naming a party cell ("a) Tổ đảng ở …") leads its own."""
    plan = parse_blocks(blocks_from_text(PARTY_PLAN))
    assert (plan.number, plan.date, plan.place) == ("118-KH/ĐĐMT", D(2026, 3, 5), "Hà Nội")
    assert plan.issuer.lower() == "đảng đoàn mặt trận tổ quốc việt nam"
    assert plan.title == "triển khai thực hiện Nghị quyết số 68-NQ/TW về phát triển kinh tế tư nhân"
    got = [(t.title[:30], t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    assert got == [
        ("Ban Tuyên giáo Trung ương phối", ["Ban Tuyên giáo Trung ương"], ["Hội Doanh nhân trẻ Việt Nam"], ""),
        ("Xây dựng chương trình giám sát", ["Đảng đoàn Mặt trận Tổ quốc Việt Nam"], [], "hoàn thành trong năm 2026"),
        ("Tổng hợp ý kiến, kiến nghị của", ["Đảng đoàn Mặt trận Tổ quốc Việt Nam"], [], ""),
        ("Vận động hội viên phát triển h", ["Tổ đảng ở Ban Thường trực Hội Liên hiệp Phụ nữ Việt Nam"], [], ""),
    ]
    assert plan.responsibilities == []


RESOLUTION = """# HỘI ĐỒNG NHÂN DÂN TỈNH NINH BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc

Số: 12/NQ-HĐND  
Ninh Bình, ngày 15 tháng 4 năm 2026

# NGHỊ QUYẾT
## Ban hành Chương trình hành động về chuyển đổi số của tỉnh năm 2026

# HỘI ĐỒNG NHÂN DÂN TỈNH NINH BÌNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

# QUYẾT NGHỊ:

**Điều 1.** Ban hành kèm theo Nghị quyết này Chương trình hành động về chuyển đổi số của tỉnh năm 2026.

**Điều 2.** Ủy ban nhân dân tỉnh, các Sở, ban, ngành chịu trách nhiệm thi hành Nghị quyết này.

*Nơi nhận:*
- Như Điều 2;
- Lưu: VT.

TM. HỘI ĐỒNG NHÂN DÂN  
CHỦ TỊCH  
Nguyễn Văn An

PHỤ LỤC

DANH MỤC NHIỆM VỤ

(Kèm theo Nghị quyết số 12/NQ-HĐND ngày 15 tháng 4 năm 2026 của Hội đồng nhân dân tỉnh)

| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |
|---|---|---|---|---|---|
| **I.** | Hạ tầng số |  |  |  |  |
| 1. | Phủ sóng 5G các khu công nghiệp | Sở Khoa học và Công nghệ | VNPT, MBF, VTL | Báo cáo | 9/2026 |
| 2. | Số hóa hồ sơ đất đai | Sở, ngành, địa phương | Sở Nông nghiệp và Môi trường, sở, ngành liên quan | Cơ sở dữ liệu | 12/2026 |
| **II.** | Kinh tế số |  |  |  | các năm tiếp theo |
| 3. | Hỗ trợ hộ kinh doanh bán hàng trực tuyến | Tổng công ty, doanh nghiệp bưu chính | Các sở, ngành, địa phương, doanh nghiệp công nghệ số | Chương trình | Thường xuyên |
"""

ANNEX_ALONE = """PHỤ LỤC II

DANH MỤC NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN CHUYỂN ĐỔI SỐ

(Kèm theo Kế hoạch tại Quyết định số  /QĐ-UBND ngày 20 tháng 02 năm 2026 của Ủy ban nhân dân tỉnh Ninh Bình)

| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1. | Xây dựng kho dữ liệu dùng chung | Sở Khoa học và Công nghệ | Các sở, ngành | 6/2026 |
"""


def test_a_resolution_in_markdown_with_its_task_annex_and_an_annex_on_its_own():
    """A resolution transcribed to markdown: "#" heading marks go (its issuer beside the motto on one line); "NGHỊ
    QUYẾT" gives the title after it, which ends at the enacting body's caps line; its task annex after the signature
    is read: a Roman-numbered row that names nobody is a part even with words in its time cell; a cell of initials
    ("VNPT, MBF, VTL") names each; kinds written bare ("Sở, ngành, địa phương", "Tổng công ty, doanh nghiệp bưu
    chính") are one group; after a body's own name a lower-case "sở, ngành liên quan" is a group of its own; the
    state's bodies end at "địa phương" ("…, doanh nghiệp công nghệ số" is another name). An annex sent on its own
    ("PHỤ LỤC II" / its title / "(Kèm theo … số  /QĐ-UBND ngày … của Ủy ban nhân dân tỉnh X)"): its title, and the
    date and issuer of the document it goes with (the blank number stays blank)."""
    plan = parse_blocks(blocks_from_text(RESOLUTION))
    assert (plan.number, plan.date, plan.place) == ("12/NQ-HĐND", D(2026, 4, 15), "Ninh Bình")
    assert plan.issuer.lower() == "hội đồng nhân dân tỉnh ninh bình"
    assert plan.title == "Ban hành Chương trình hành động về chuyển đổi số của tỉnh năm 2026"
    got = [(t.number, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    assert got == [
        ("1", ["Sở Khoa học và Công nghệ"], ["VNPT", "MBF", "VTL"], "9/2026"),
        ("2", ["Sở, ngành, địa phương"], ["Sở Nông nghiệp và Môi trường", "sở, ngành liên quan"], "12/2026"),
        ("3", ["Tổng công ty, doanh nghiệp bưu chính"], ["Các sở, ngành, địa phương", "doanh nghiệp công nghệ số"],
         "Thường xuyên"),
    ]
    assert [t.section for t in plan.tasks][-1].endswith("II")
    alone = parse_blocks(blocks_from_text(ANNEX_ALONE))
    assert (alone.number, alone.date, alone.place) == ("", D(2026, 2, 20), "")
    assert alone.issuer == "UBND tỉnh Ninh Bình"
    assert alone.title == "DANH MỤC NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN CHUYỂN ĐỔI SỐ"
    assert [(t.number, t.lead, t.timeframe.text) for t in alone.tasks] == [("1", ["Sở Khoa học và Công nghệ"], "6/2026")]


def test_a_title_wrapped_at_its_date_goes_on_and_the_dated_opening_sentence_ends_it():
    """A title whose lines break before "ngày …" ("Thực hiện Nghị quyết số 57-NQ/TW" / "ngày 22/12/2024 của Bộ Chính
    trị") goes on; the opening sentence "Ngày 05/3/2026, Bộ X đã ban hành …" (a capital, a date, a comma) ends it."""
    text = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 5/KH-UBND\nHà Nam, ngày 2 tháng 3 năm 2026\nKẾ HOẠCH\n"
            "Thực hiện Nghị quyết số 57-NQ/TW\n\nngày 22/12/2024 của Bộ Chính trị\n\n"
            "Ngày 05/3/2026, Bộ Khoa học và Công nghệ đã ban hành hướng dẫn.\n\nI. MỤC ĐÍCH\n1. Mục đích\n")
    plan = parse_blocks(blocks_from_text(text))
    assert plan.title == "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"


# --- round 11: layouts the blind documents showed (made-up documents, other agencies) ---------------------------

PROGRAMME_RESOLUTION = """CHÍNH PHỦ
------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 41/NQ-CP | Hà Nội, ngày 3 tháng 5 năm 2027

NGHỊ QUYẾT
VỀ VIỆC BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ PHÁT TRIỂN THỦY SẢN BỀN VỮNG ĐẾN NĂM 2035
CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
QUYẾT NGHỊ:
Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động về phát triển thủy sản bền vững đến năm 2035.
Điều 2. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh ven biển chịu trách nhiệm thi hành Nghị quyết này.

Nơi nhận:
- Như Điều 2;
- Lưu: VT, NN (2). | TM. CHÍNH PHỦ
THỦ TƯỚNG

Nguyễn Văn Hải

CHƯƠNG TRÌNH HÀNH ĐỘNG
VỀ PHÁT TRIỂN THỦY SẢN BỀN VỮNG ĐẾN NĂM 2035
(Kèm theo Nghị quyết số 41/NQ-CP ngày 3 tháng 5 năm 2027 của Chính phủ)
I. MỤC TIÊU
Phát triển thủy sản thành ngành kinh tế hiện đại, bền vững.
II. TỔ CHỨC THỰC HIỆN
1. Các bộ, ngành, địa phương xây dựng kế hoạch thực hiện Chương trình này.
2. Định kỳ trước ngày 15 tháng 12 hằng năm, các bộ, ngành, địa phương gửi Bộ Nông nghiệp và Môi trường kết quả thực hiện để tổng hợp, báo cáo Thủ tướng Chính phủ.

DANH MỤC NHIỆM VỤ
(Kèm theo Chương trình hành động tại Nghị quyết số 41/NQ-CP ngày 3 tháng 5 năm 2027 của Chính phủ)

TT | Nội dung công việc | Sản phẩm | Cơ quan chủ trì thực hiện | Cơ quan phối hợp thực hiện | Thời gian trình
1 | Xây dựng Đề án phát triển nuôi biển công nghiệp | Đề án | Bộ Nông nghiệp và Môi trường | Bộ Tài chính, Bộ Quốc phòng | Quý II năm 2028
 | Rà soát quy hoạch hệ thống cảng cá | Báo cáo | Bộ Xây dựng | Ủy ban nhân dân các tỉnh ven biển | Năm 2028
"""


def test_a_resolution_whose_programme_and_task_list_follow_its_signature():
    """A resolution (or decision) that issues a programme or plan: the programme comes after the resolution's own
    signature ("Nơi nhận: …"), under its heading and "(Kèm theo Nghị quyết số …)", and its task list after the
    programme's "Tổ chức thực hiện". The programme is read (not taken for the signature's tail); the task list is a
    part of its own, not a table inside the last item of "Tổ chức thực hiện"; a row whose first cell is empty (" | Rà
    soát …", no number) keeps its empty cell; the title ends before the enacting body's line ("CHÍNH PHỦ")."""
    plan = parse_blocks(blocks_from_text(PROGRAMME_RESOLUTION))
    assert plan.title == "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ PHÁT TRIỂN THỦY SẢN BỀN VỮNG ĐẾN NĂM 2035"
    assert [(t.title, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        ("Xây dựng Đề án phát triển nuôi biển công nghiệp", ["Bộ Nông nghiệp và Môi trường"],
         ["Bộ Tài chính", "Bộ Quốc phòng"], "Quý II năm 2028"),
        ("Rà soát quy hoạch hệ thống cảng cá", ["Bộ Xây dựng"], ["Ủy ban nhân dân các tỉnh ven biển"], "Năm 2028")]
    assert plan.tasks[0].product == "Đề án"
    assert plan.reporting.period == "yearly"
    # the programme itself is read: its "Tổ chức thực hiện" items are standing responsibilities
    assert [r.heading[:40] for r in plan.responsibilities][:1] == ["Các bộ, ngành, địa phương xây dựng kế ho"]


def test_a_row_with_an_empty_first_cell_and_no_outer_pipes_keeps_its_cells():
    rows = [b for b in blocks_from_text("TT | Nội dung | Chủ trì\n | Rà soát | Bộ Y tế\n| a | b | c |\n") if b[0] == "table"]
    assert rows == [("table", [["TT", "Nội dung", "Chủ trì"], ["", "Rà soát", "Bộ Y tế"], ["a", "b", "c"]])]


HEADINGS_LETTER = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC KẠN                            Độc lập - Tự do - Hạnh phúc
Số: 512/UBND-NNTN                      Bắc Kạn, ngày 9 tháng 3 năm 2027
V/v bảo đảm an toàn hồ chứa nước mùa mưa lũ năm 2027

Kính gửi: Các sở, ngành; Ủy ban nhân dân các xã, phường.

Để bảo đảm an toàn hồ chứa nước, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các cơ quan thực hiện một số nhiệm vụ sau:
1. Sở Nông nghiệp và Môi trường, Ủy ban nhân dân các xã, phường
Theo chức năng, nhiệm vụ tổ chức rà soát hiện trạng các hồ chứa nước trên địa bàn.
Đối với các hồ chứa xung yếu, hướng dẫn chủ đập lập phương án ứng phó, hoàn thành trước ngày 30 tháng 4 năm 2027.
Nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Sở Nông nghiệp và Môi trường.
2. Giao Sở Tài chính
Chủ trì, phối hợp với Sở Nội vụ tham mưu bố trí kinh phí sửa chữa hồ chứa.
Đồng thời, chủ trì phối hợp với Kho bạc Nhà nước khu vực VIII hướng dẫn thanh toán kinh phí sửa chữa.
Trong quá trình thực hiện, các đơn vị chủ động trao đổi với Sở Nội vụ.
3. Đề nghị các Sở: Xây dựng, Công Thương; Công ty Thủy nông Bắc Kạn
Chủ trì, phối hợp với Sở Nông nghiệp và Môi trường kiểm tra các công trình thủy lợi.
Đề nghị các đơn vị nghiêm túc thực hiện.
4. Ban Chỉ huy phòng thủ dân sự tỉnh (Giao Văn phòng thường trực)
- Theo dõi tình hình mưa lũ, cảnh báo kịp thời cho người dân.
- Phối hợp với các địa phương, đơn vị liên quan tổ chức diễn tập ứng phó sự cố vỡ đập.
5. Tổ chức thực hiện
Thủ trưởng các sở, ngành; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm tổ chức triển khai thực hiện nghiêm túc các nội dung nêu trên./.
"""


def test_agency_headings_with_several_paragraphs_giao_de_nghi_and_a_parenthesis():
    """Numbered agency headings: each paragraph under one is a task of the heading's bodies (not only the first; one
    that opens "Đồng thời, chủ trì phối hợp với X …" too); "2. Giao Sở X" and "3. Đề nghị các Sở: A, B; Công ty C"
    name their bodies ("Giao", "Đề nghị" are the asking words); "4. Ban X (Giao Văn phòng thường trực)": the
    parenthesis names who inside the body does it, not part of its name; "Phối hợp với các địa phương, đơn vị liên
    quan tổ chức …": the coordinators (one related group) end at the verb, also after "chủ trì phối hợp với X"
    without a comma; the closing "Tổ chức thực hiện" paragraph, "Nếu có khó khăn, vướng mắc, …" and "Trong quá trình
    thực hiện, …" are no tasks."""
    plan = parse_blocks(blocks_from_text(HEADINGS_LETTER))
    got = [(t.title[:40], t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    assert got == [
        ("Theo chức năng, nhiệm vụ tổ chức rà soát", ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã, phường"],
         [], ""),
        ("Đối với các hồ chứa xung yếu, hướng dẫn ", ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã, phường"],
         [], "hoàn thành trước ngày 30 tháng 4 năm 2027"),
        ("Chủ trì, phối hợp với Sở Nội vụ tham mưu", ["Sở Tài chính"], ["Sở Nội vụ"], ""),
        ("Đồng thời, chủ trì phối hợp với Kho bạc ", ["Sở Tài chính"], ["Kho bạc Nhà nước khu vực VIII"], ""),
        ("Chủ trì, phối hợp với Sở Nông nghiệp và ", ["Sở Xây dựng", "Sở Công Thương", "Công ty Thủy nông Bắc Kạn"],
         ["Sở Nông nghiệp và Môi trường"], ""),
        ("Theo dõi tình hình mưa lũ, cảnh báo kịp ", ["Ban Chỉ huy phòng thủ dân sự tỉnh"], [], ""),
        ("Phối hợp với các địa phương, đơn vị liên", ["Ban Chỉ huy phòng thủ dân sự tỉnh"],
         ["các địa phương, đơn vị liên quan"], ""),
    ]


DOTTED_HEADINGS_PLAN = """SỞ Y TẾ TỈNH HÀ NAM
Số: 27/KH-SYT
KẾ HOẠCH
Phòng, chống sốt xuất huyết năm 2027
1. MỤC TIÊU
Giảm số ca mắc sốt xuất huyết.
2. TỔ CHỨC THỰC HIỆN
2.1 Trung tâm Kiểm soát bệnh tật tỉnh (Giao Khoa Phòng, chống bệnh truyền nhiễm)
- Phối hợp với Sở Xây dựng, các cơ quan liên quan tháo gỡ khó khăn trong xử lý môi trường.
- Tham mưu cho Sở Y tế ban hành hướng dẫn giám sát ca bệnh.
2.2 Các bệnh viện tuyến tỉnh
Chủ động xây dựng phương án thu dung người bệnh;
chủ động bố trí nhân lực, thuốc, vật tư.
"""


def test_dotted_agency_headings_take_their_dashes_and_paragraph():
    """"2.1 Trung tâm X (Giao Khoa Y)" and "2.2 Các bệnh viện tuyến tỉnh" (dotted headings, a plan without Roman
    parts) lead the dashes or the paragraph under them; "tháo gỡ" opens the predicate after the coordinators."""
    plan = parse_blocks(blocks_from_text(DOTTED_HEADINGS_PLAN))
    assert [(t.title[:29], t.lead, t.coordinators) for t in plan.tasks] == [
        ("Phối hợp với Sở Xây dựng, các", ["Trung tâm Kiểm soát bệnh tật tỉnh"], ["Sở Xây dựng", "các cơ quan liên quan"]),
        ("Tham mưu cho Sở Y tế ban hành", ["Trung tâm Kiểm soát bệnh tật tỉnh"], []),
        ("Chủ động xây dựng phương án t", ["Các bệnh viện tuyến tỉnh"], []),
    ]
    # the paragraph a PDF broke after its ";" is one task
    assert plan.tasks[-1].title == ("Chủ động xây dựng phương án thu dung người bệnh; chủ động bố trí nhân lực, "
                                    "thuốc, vật tư.")


DECISION_AND_ITS_PLAN = """BỘ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 12/QĐ-BYT | Hà Nội, ngày 5 tháng 1 năm 2027
QUYẾT ĐỊNH
Ban hành Kế hoạch tiêm chủng mở rộng năm 2027
BỘ TRƯỞNG BỘ Y TẾ
QUYẾT ĐỊNH:
1. Ban hành kèm theo Quyết định này Kế hoạch tiêm chủng mở rộng năm 2027.
2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như trên;
- Lưu: VT, DP.
BỘ TRƯỞNG
KẾ HOẠCH
TIÊM CHỦNG MỞ RỘNG NĂM 2027
(Ban hành kèm theo Quyết định số 12/QĐ-BYT ngày 5 tháng 1 năm 2027 của Bộ trưởng Bộ Y tế)
1. Cục Phòng bệnh chủ trì, phối hợp với Viện Pasteur Nha Trang tổ chức tiêm chủng cho trẻ em, hoàn thành trong Quý IV/2027.
2. Vụ Truyền thông chủ trì, phối hợp với Đài Truyền hình Việt Nam tuyên truyền về tiêm chủng, hoàn thành trong Quý II/2027.
"""


def test_the_plan_a_decision_issues_after_its_signature_is_read():
    """A decision whose own points ("1. Ban hành kèm theo …") come before its signature, then the plan it issues
    ("KẾ HOẠCH" / its title / "(Ban hành kèm theo Quyết định số …)") with numbered items: the plan is read, not taken
    for the signature's tail."""
    plan = parse_blocks(blocks_from_text(DECISION_AND_ITS_PLAN))
    assert [(t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        (["Cục Phòng bệnh"], ["Viện Pasteur Nha Trang"], "hoàn thành trong Quý IV/2027"),
        (["Vụ Truyền thông"], ["Đài Truyền hình Việt Nam"], "hoàn thành trong Quý II/2027"),
    ]


HTML_TABLE_PLAN = """# 3. PHỤ LỤC

<table>
  <tbody>
    <tr>
      <td>TT</td>
      <td>Nhiệm vụ</td>
      <td>Đơn vị chủ trì</td>
      <td>Đơn vị phối hợp</td>
      <td>Thời gian thực hiện</td>
      <td>Kết quả</td>
    </tr>
    <tr>
      <td>I</td>
      <td>Phát triển du lịch số</td>
      <td></td><td></td><td></td><td></td>
    </tr>
    <tr>
      <td>1</td>
      <td>Xây dựng bản đồ du lịch số</td>
      <td>Sở Văn hóa, Thể thao và Du lịch</td>
      <td>Sở Khoa học và Công nghệ; UBND các</td>
      <td>2027</td>
      <td>Bản đồ số các điểm du lịch của tỉnh, cập nhật theo quy định của</td>
    </tr>
  </tbody>
</table>

II Quảng bá điểm đến

<table>
  <tbody>
    <tr>
      <td></td><td></td><td></td>
      <td>xã, phường</td>
      <td></td>
      <td>pháp luật về du lịch.</td>
    </tr>
    <tr>
      <td>2</td>
      <td>Quảng bá điểm đến trên nền tảng số</td>
      <td>Trung tâm Xúc tiến du lịch</td>
      <td>Các doanh nghiệp lữ hành &amp; khách sạn</td>
      <td>Thường<br>xuyên</td>
      <td></td>
    </tr>
  </tbody>
</table>
"""


def test_an_html_task_table_in_text_broken_over_pages():
    """A text whose task table is HTML (a PDF converted to markdown: "<table>", "<tr>", "<td>" lines) is read as a
    table ("<br>" a space, "&amp;" "&"); a table with no header row after a task table, of the same width, goes on
    with it (the PDF's next page), and a row that names neither number nor task goes on with the row before it, cell
    by cell ("UBND các" / "xã, phường")."""
    plan = parse_blocks(blocks_from_text(HTML_TABLE_PLAN))
    assert [(t.number, t.title, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks] == [
        ("1", "Xây dựng bản đồ du lịch số", ["Sở Văn hóa, Thể thao và Du lịch"],
         ["Sở Khoa học và Công nghệ", "UBND các xã, phường"], "2027"),
        ("2", "Quảng bá điểm đến trên nền tảng số", ["Trung tâm Xúc tiến du lịch"],
         ["Các doanh nghiệp lữ hành & khách sạn"], "Thường xuyên"),
    ]
    assert plan.tasks[0].product.endswith("theo quy định của pháp luật về du lịch.")


SCHEDULE_PLAN = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 77/QĐ-BNNMT | Hà Nội, ngày 2 tháng 3 năm 2027
KẾ HOẠCH
LẬP ĐỀ ÁN PHÁT TRIỂN CẢNG CÁ ĐẾN NĂM 2035
(Ban hành kèm theo Quyết định số 77/QĐ-BNNMT ngày 2 tháng 3 năm 2027)
I. MỤC ĐÍCH
Phân công các đơn vị lập đề án.
II. TỔ CHỨC THỰC HIỆN
1. Giao Cục Thủy sản là cơ quan lập đề án.
2. Các Vụ, Văn phòng Bộ có trách nhiệm phối hợp chặt chẽ trong quá trình lập đề án.
NỘI DUNG CHI TIẾT

Thời gian | Nội dung công việc | Cơ quan chịu trách nhiệm theo quy định | Thực hiện
 |  |  | Đơn vị chủ trì | Đơn vị phối hợp
I | GIAI ĐOẠN 1: CHUẨN BỊ
1 | Khảo sát
3-4/2027 | Khảo sát hiện trạng cảng cá | Cơ quan lập đề án | Cục Thủy sản | - Vụ Pháp chế; - Văn phòng Bộ.
 | Tổng hợp số liệu khảo sát | Cơ quan lập đề án | Cục Thủy sản/ Viện Kinh tế thủy sản | - Vụ Tài chính.
 | Lấy ý kiến chuyên gia | Hội đồng thẩm định | Do Chủ tịch Hội đồng quyết định (*) | - Vụ Pháp chế.
5/2027 | Phê duyệt đề cương | Bộ trưởng |  | 
II | GIAI ĐOẠN 2: LẬP ĐỀ ÁN
6-9/2027 | Lập đề án | Cơ quan lập đề án | Cục Thủy sản /Tư vấn được lựa chọn | - Vụ Pháp chế; - Vụ Tài chính.
"""


def test_a_schedule_whose_time_comes_first_over_merged_rows():
    """A schedule ("Thời gian | Nội dung công việc | Cơ quan chịu trách nhiệm … | Thực hiện", then "Đơn vị chủ trì |
    Đơn vị phối hợp" under "Thực hiện" in a wider second header row): the lead is the "chủ trì" column, not the
    responsibility column before it; the time is the first column and an empty time cell goes on with the time above
    (a merged cell); a row whose time cell is only "I" or "1" and names nobody is a part; a step that names neither
    lead nor coordinator ("Phê duyệt đề cương | Bộ trưởng"), or whose lead cell names no body ("Do Chủ tịch Hội đồng
    quyết định"), is no task; "A/ B" or "A /B" in a lead cell names two;
    "- Vụ A; - Vụ B." names two; a month range ("3-4/2027") is a period."""
    plan = parse_blocks(blocks_from_text(SCHEDULE_PLAN))
    assert [(t.title, t.lead, t.coordinators, t.timeframe.text, t.timeframe.kind) for t in plan.tasks] == [
        ("Khảo sát hiện trạng cảng cá", ["Cục Thủy sản"], ["Vụ Pháp chế", "Văn phòng Bộ"], "3-4/2027", "period"),
        ("Tổng hợp số liệu khảo sát", ["Cục Thủy sản", "Viện Kinh tế thủy sản"], ["Vụ Tài chính"], "3-4/2027", "period"),
        ("Lập đề án", ["Cục Thủy sản", "Tư vấn được lựa chọn"], ["Vụ Pháp chế", "Vụ Tài chính"], "6-9/2027", "period"),
    ]
    tf = plan.tasks[0].timeframe
    assert (tf.start, tf.end, tf.due) == (D(2027, 3, 1), D(2027, 4, 30), None)
    assert [s.title for s in plan.sections][-3:] == ["GIAI ĐOẠN 1: CHUẨN BỊ", "Khảo sát", "GIAI ĐOẠN 2: LẬP ĐỀ ÁN"]


def test_a_deadline_cham_nhat_and_whose_requirement_it_is():
    """"… chậm nhất đến ngày D theo yêu cầu của Bộ X": the time phrase starts at "chậm nhất" and ends at the date."""
    from planimport.parser import _time_clause
    text = ("Rà soát các trạm bơm, bảo đảm sửa chữa các trạm hư hỏng chậm nhất đến ngày 15 tháng 5 năm 2027 theo yêu "
            "cầu của Bộ Nông nghiệp và Môi trường.")
    assert _time_clause(text) == "chậm nhất đến ngày 15 tháng 5 năm 2027"
    assert read_timeframe(_time_clause(text)).due == D(2027, 5, 15)
    assert _time_clause("Tổ chức diễn tập, hoàn thành trước ngày 30/6/2027 theo quy định của Bộ Quốc phòng.") == (
        "hoàn thành trước ngày 30/6/2027")


HEADLESS_DEPARTMENT_PLAN = """Căn cứ Quyết định số 12/QĐ-UBND ngày 3/1/2027 của UBND tỉnh Hà Nam; Sở Y tế ban hành Kế hoạch phòng, chống dịch bệnh mùa hè năm 2027, với những nội dung sau
1. MỤC TIÊU
Giảm số ca mắc bệnh truyền nhiễm.
2. PHỤ LỤC
(Kèm theo Kế hoạch số /KH-SYT ngày / /2027 của Sở Y tế tỉnh Hà Nam)
| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
| 1 | Giám sát ca bệnh | Trung tâm Kiểm soát bệnh tật tỉnh | Các bệnh viện | Thường xuyên |
"""


def test_a_plan_without_header_lines_takes_its_title_and_issuer_from_its_text():
    """A text that starts at the plan's opening paragraph (no issuer, number or date lines): its title from "… Sở X
    ban hành Kế hoạch <title>, với những nội dung sau", its issuer from the appendix line "(Kèm theo Kế hoạch số …
    của Sở X tỉnh Y)", not a default "UBND tỉnh"."""
    plan = parse_blocks(blocks_from_text(HEADLESS_DEPARTMENT_PLAN))
    assert (plan.number, plan.issuer, plan.title) == ("", "Sở Y tế tỉnh Hà Nam",
                                                      "phòng, chống dịch bệnh mùa hè năm 2027")
    assert [t.lead for t in plan.tasks] == [["Trung tâm Kiểm soát bệnh tật tỉnh"]]


OFFICE_LETTER = """UBND TỈNH HÀ GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ Y TẾ | Độc lập - Tự do - Hạnh phúc
Số: 731 /SYT-NVD                  Hà Giang, ngày 3 tháng 5 năm 2027
V/v triển khai nhiệm vụ quản lý thuốc được ủy quyền
Kính gửi:
- Bà Trần Thị B - Trưởng phòng Nghiệp vụ Dược;
- Thanh tra Sở.
Để triển khai kịp thời các nhiệm vụ được ủy quyền, Giám đốc Sở Y tế yêu cầu các đơn vị, cá nhân thực hiện các nội dung sau:
1. Trưởng phòng Nghiệp vụ Dược - Trần Thị B
Trực tiếp tham mưu cấp chứng chỉ hành nghề dược theo ủy quyền; chịu trách nhiệm trước Giám đốc Sở về kết quả thực hiện.
2. Thanh tra Sở
Chủ trì, phối hợp với Phòng Kế hoạch - Tài chính kiểm tra các cơ sở bán lẻ thuốc trên địa bàn, gồm:
- Kiểm tra điều kiện kinh doanh của nhà thuốc;
- Kiểm tra việc niêm yết giá thuốc.
Yêu cầu Trưởng phòng Nghiệp vụ Dược và Chánh Thanh tra Sở nghiêm túc triển khai thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_a_department_letter_to_an_office_holder_and_an_office():
    """A department's letter to its own staff: "1. Trưởng phòng X - <name>" (an office holder) leads the paragraph
    under it; the paragraph under "2. Thanh tra Sở" that introduces dashes ("Chủ trì, phối hợp với Y …, gồm:") gives
    each dash its coordinators; the dateline beside the number ("Số: 731 /SYT-NVD  Hà Giang, ngày …") gives the place
    without the number."""
    plan = parse_blocks(blocks_from_text(OFFICE_LETTER))
    assert (plan.number, plan.date, plan.place) == ("731/SYT-NVD", datetime.date(2027, 5, 3), "Hà Giang")
    assert [(t.title[:24], t.lead, t.coordinators) for t in plan.tasks] == [
        ("Trực tiếp tham mưu cấp c", ["Trưởng phòng Nghiệp vụ Dược - Trần Thị B"], []),
        ("Kiểm tra điều kiện kinh ", ["Thanh tra Sở"], ["Phòng Kế hoạch - Tài chính"]),
        ("Kiểm tra việc niêm yết g", ["Thanh tra Sở"], ["Phòng Kế hoạch - Tài chính"]),
    ]


COMPANY_LETTER = """        UBND TỈNH YÊN BÁI                       CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
          SỞ CÔNG THƯƠNG                              Độc lập - Tự do - Hạnh phúc

      Số: 412 /SCT-QLNL                           Yên Bái, ngày 9 tháng 3 năm 2027
V/v thực hiện các quy định sau khi hồ
      chứa được phê duyệt

          Kính gửi: Công ty TNHH Thủy điện Suối Hoa
             (Địa chỉ: thôn 3, xã Mỏ Vàng, tỉnh Yên Bái)

      Hồ chứa thủy điện Suối Hoa đã được phê duyệt quy trình vận hành. Để bảo đảm
an toàn đập, Sở Công Thương đề nghị Công ty thực hiện đầy đủ các nội dung sau:
      1. Trước khi tích nước hồ chứa
      - Lắp đặt hệ thống cảnh báo xả lũ cho vùng hạ du theo quy trình vận
hành1.
      - Chủ động phối hợp với UBND xã Mỏ Vàng tổ chức diễn tập phương án ứng phó
1 Quy trình vận hành được ban hành kèm theo Quyết định số 15/QĐ-UBND ngày 2/1/2027
                                                   2

với tình huống khẩn cấp.
      2. Trong quá trình vận hành
      - Quan trắc mực nước hồ hằng ngày và lưu giữ số liệu.
      - Kiểm định an toàn đập theo quy định.
      Sở Công Thương yêu cầu Công ty TNHH Thủy điện Suối Hoa nghiêm túc thực hiện;
trong quá trình thực hiện có khó khăn, vướng mắc kịp thời phản ánh về Sở Công Thương./.
"""


def test_a_letter_to_one_company_whose_points_are_dashes_under_stage_headings():
    """A department's letter to one company ("Kính gửi: Công ty TNHH X" / "… đề nghị Công ty thực hiện … các nội dung
    sau:"): the company (by its full name) leads every dash under the stage headings ("1. Trước khi …"), each a task,
    "Chủ động phối hợp với UBND xã Y" its coordinator; a PDF's footnote ("1 Quy trình …" under the page, its mark
    "vận hành1.") is dropped and the dash goes on over the page break; the closing request is no task."""
    plan = parse_blocks(blocks_from_text(COMPANY_LETTER))
    company = ["Công ty TNHH Thủy điện Suối Hoa"]
    assert [(t.title, t.lead, t.coordinators) for t in plan.tasks] == [
        ("Lắp đặt hệ thống cảnh báo xả lũ cho vùng hạ du theo quy trình vận hành1.", company, []),
        ("Chủ động phối hợp với UBND xã Mỏ Vàng tổ chức diễn tập phương án ứng phó với tình huống khẩn cấp.", company,
         ["UBND xã Mỏ Vàng"]),
        ("Quan trắc mực nước hồ hằng ngày và lưu giữ số liệu.", company, []),
        ("Kiểm định an toàn đập theo quy định.", company, []),
    ]
    assert (plan.number, plan.place) == ("412/SCT-QLNL", "Yên Bái")


REQUIRED_COMPANY_LETTER = """        UBND TỈNH TUYÊN QUANG                     CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
          SỞ XÂY DỰNG                                  Độc lập - Tự do - Hạnh phúc

      Số: 88 /SXD-QLXD                         Tuyên Quang, ngày 14 tháng           6    năm 2027
V/v yêu cầu thực hiện các quy định sau khi
      được cấp Giấy phép xây dựng

          Kính gửi: Công ty TNHH Xây lắp Sông Lô

      Để việc thi công bảo đảm đúng quy định, Sở Xây dựng yêu cầu Công ty TNHH
Xây lắp Sông Lô thực hiện đầy đủ các nội dung sau:
      1. Trước khi khởi công
      - Gửi thông báo khởi công theo Luật Xây dựng năm 20251.
      - Phối hợp với UBND xã Hùng Lợi và Công an xã Hùng Lợi bố trí mặt bằng tập kết
vật liệu.
      2. Trong quá trình thi công
      - Lắp đặt biển báo công trình tại công trường.

      1 Mẫu thông báo khởi công được quy định tại Phụ lục kèm theo Nghị định số 175/2024/NĐ-CP của

Chính phủ về quản lý hoạt động xây dựng và Thông tư hướng dẫn
                                                    2

      - Thực hiện quan trắc lún theo thiết kế được duyệt2.


công trình xây dựng chuyên ngành.
      2 Quan trắc theo tiêu chuẩn quốc gia hiện hành.
                                                    3

      Sở Xây dựng yêu cầu Công ty TNHH Xây lắp Sông Lô nghiêm túc thực hiện./.
"""


def test_a_letter_that_requires_one_company_with_a_typed_in_date_and_notes_over_a_page():
    """"… Sở X yêu cầu Công ty Y thực hiện đầy đủ các nội dung sau:" asks one named body as "đề nghị" does (not a
    group: "Chủ tịch … yêu cầu các sở, ban, ngành …" leaves the headings' own leads); a dateline whose month was typed
    into a wide blank is read; a note's mark after a year ("năm 20251.") is a mark, and a note left unfinished at a
    page's foot goes on at the next page's foot, before that page's own note: both are dropped."""
    plan = parse_blocks(blocks_from_text(REQUIRED_COMPANY_LETTER))
    assert (plan.number, plan.date, plan.place) == ("88/SXD-QLXD", datetime.date(2027, 6, 14), "Tuyên Quang")
    company = ["Công ty TNHH Xây lắp Sông Lô"]
    assert [(t.title, t.lead, t.coordinators) for t in plan.tasks] == [
        ("Gửi thông báo khởi công theo Luật Xây dựng năm 20251.", company, []),
        ("Phối hợp với UBND xã Hùng Lợi và Công an xã Hùng Lợi bố trí mặt bằng tập kết vật liệu.", company,
         ["UBND xã Hùng Lợi", "Công an xã Hùng Lợi"]),
        ("Lắp đặt biển báo công trình tại công trường.", company, []),
        ("Thực hiện quan trắc lún theo thiết kế được duyệt2.", company, []),
    ]
    grouped = parse_blocks(blocks_from_text(REQUIRED_COMPANY_LETTER.replace(
        "yêu cầu Công ty TNHH\nXây lắp Sông Lô thực hiện", "yêu cầu các sở, ban, ngành thực hiện")))
    assert not any(t.lead for t in grouped.tasks)


# --- round 13: a decision whose appendix table has a group column and bulleted activities ------------------------

PROGRAMME_DECISION = """| BỘ TRƯỞNG BỘ Y TẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc  --------------- |
| --- | --- |
| Số: 77/QĐ-BYT | *Hà Nội, ngày 12 tháng 3 năm 2027* |
QUYẾT ĐỊNH
BAN HÀNH CHƯƠNG TRÌNH PHÒNG, CHỐNG BỆNH KHÔNG LÂY NHIỄM GIAI ĐOẠN 2027 - 2030
BỘ TRƯỞNG BỘ Y TẾ
*Căn cứ Luật Khám bệnh, chữa bệnh ngày 09 tháng 01 năm 2023;*
QUYẾT ĐỊNH:
Điều 1. Ban hành Chương trình phòng, chống bệnh không lây nhiễm với các nội dung sau:
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
| *Nơi nhận:* - Như Điều 2; - Lưu: VT. | BỘ TRƯỞNG     Nguyễn Văn A |
| --- | --- |
PHỤ LỤC
CÁC HOẠT ĐỘNG CỦA CHƯƠNG TRÌNH
| STT | Nhóm nhiệm vụ | Nhiệm vụ cụ thể | Đơn vị chủ trì | Đơn vị phối hợp | Kinh phí | Thời gian |
| --- | --- | --- | --- | --- | --- | --- |
| 1 | Nhóm nhiệm vụ về truyền thông |
| - | Nâng cao hiểu biết của người dân về bệnh không lây nhiễm. | + Xây dựng bộ tài liệu truyền thông về tăng huyết áp. | Cục Y tế dự phòng. | Sở Y tế các tỉnh, tổ chức phi chính phủ, hộ gia đình. | Ngân sách nhà nước | 2027 - 2028 |
|  |  | + Tập huấn cho nhân viên y tế thôn bản. | Trung tâm Kiểm soát bệnh tật tỉnh | Ủy ban nhân dân xã, cộng đồng, cơ quan liên quan. | ODA | 2027 - 2030 |
|  |  | . Tổ chức ngày hội sức khỏe tại trường học. | Sở Giáo dục và Đào tạo. | Đoàn Thanh niên, tổ chức xã hội, tổ chức quốc tế. | Xã hội hóa | 2028 |
"""


def test_a_decision_whose_appendix_groups_its_bulleted_activities():
    """"QUYẾT ĐỊNH" / "BAN HÀNH …" gives the decision's title when no plan of its own has a heading; in a table
    "Nhóm nhiệm vụ | Nhiệm vụ cụ thể | Đơn vị chủ trì …" the group's column is no task's title: each activity is
    ("+ …", ". …": the bullet dropped), a group's row is a part; after a
    body's own name a lower-case kind of non-state actor ("tổ chức phi chính phủ", "hộ gia đình", "cộng đồng") is a
    name of its own, also after another such kind ("tổ chức xã hội, tổ chức quốc tế")."""
    plan = parse_blocks(blocks_from_text(PROGRAMME_DECISION))
    assert plan.title == "BAN HÀNH CHƯƠNG TRÌNH PHÒNG, CHỐNG BỆNH KHÔNG LÂY NHIỄM GIAI ĐOẠN 2027 - 2030"
    got = [(t.title, t.lead, t.coordinators, t.timeframe.text) for t in plan.tasks]
    assert got == [
        ("Xây dựng bộ tài liệu truyền thông về tăng huyết áp.", ["Cục Y tế dự phòng"],
         ["Sở Y tế các tỉnh", "tổ chức phi chính phủ", "hộ gia đình"], "2027 - 2028"),
        ("Tập huấn cho nhân viên y tế thôn bản.", ["Trung tâm Kiểm soát bệnh tật tỉnh"],
         ["Ủy ban nhân dân xã", "cộng đồng", "cơ quan liên quan"], "2027 - 2030"),
        ("Tổ chức ngày hội sức khỏe tại trường học.", ["Sở Giáo dục và Đào tạo"],
         ["Đoàn Thanh niên", "tổ chức xã hội", "tổ chức quốc tế"], "2028"),
    ]
    assert any(s.title == "Nhóm nhiệm vụ về truyền thông" for s in plan.sections)
    # a decision that issues a plan with its own heading keeps the plan's title
    with_plan = parse_blocks(blocks_from_text(PROGRAMME_DECISION.replace(
        "PHỤ LỤC\n", "KẾ HOẠCH\nTruyền thông phòng bệnh năm 2027\n", 1)))
    assert with_plan.title != plan.title


def test_lower_case_kinds_of_actor_after_a_body_are_names_of_their_own():
    assert split_names("Sở Nông nghiệp và Môi trường, chủ rừng, hợp tác xã, cơ quan liên quan.") == [
        "Sở Nông nghiệp và Môi trường", "chủ rừng", "hợp tác xã", "cơ quan liên quan"]
    assert split_names("các tổ chức, cá nhân có liên quan") == ["các tổ chức, cá nhân có liên quan"]
    assert split_names("Sở Tư pháp, tổ chức tuyên truyền") == ["Sở Tư pháp, tổ chức tuyên truyền"]


# a city party committee's action programme as pdftotext writes it without -layout: every paragraph wrapped at the
# page's width, blank lines between paragraphs and inside a wrapped heading or sentence, page numbers alone between
# blank lines; the points' lead named after them ("Trách nhiệm chỉ đạo thực hiện: …")
PARTY_PROGRAMME = """THÀNH UỶ CẦN THƠ
*
Số         -CTr/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Cần Thơ, ngày        tháng 3 năm 2027

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết của Ban Chấp hành Đảng bộ thành phố về phát triển 
văn hóa, thể thao và du lịch giai đoạn 2027 - 2030
-----

Thực hiện Nghị quyết của Ban Chấp hành Đảng bộ thành phố về phát triển văn 
hóa, thể thao và du lịch giai đoạn 2027 - 2030, Ban Thường vụ Thành ủy ban 
hành Chương trình hành động với các nội dung chủ yếu, cụ thể như sau: 

I. NHIỆM VỤ VÀ GIẢI PHÁP

1. Nhiệm vụ thường xuyên

1.1. Đổi mới công tác tuyên truyền, nâng cao nhận thức về vai trò của văn 

hóa trong phát triển bền vững

- Tổ chức quán triệt sâu rộng Nghị quyết đến cán bộ, đảng viên các cấp. 
Đưa nội dung Nghị quyết vào sinh hoạt chi bộ, sinh hoạt của các đoàn thể ở 
cơ sở bằng nhiều hình thức phù hợp với từng đối tượng. 

- Xây dựng chuyên mục về văn hóa trên báo chí của thành phố, cổng thông tin; 
đưa tin kịp thời các hoạt động văn hóa tiêu biểu, mô hình hay ở cơ sở và 
biểu dương các tập thể, cá nhân có thành tích xuất sắc. 

Trách nhiệm chỉ đạo thực hiện: Đảng ủy Mặt trận Tổ quốc, các đoàn thể 

thành phố; Đảng ủy Ủy ban nhân dân thành phố.

1.2. Phát triển du lịch gắn với bảo tồn và phát huy giá trị di sản văn hóa

- Bảo tồn, phát huy giá trị các di tích lịch sử - văn hóa trên địa bàn thành 
phố theo quy hoạch được duyệt; ưu tiên tu bổ các di tích đang xuống cấp, có 
nguy cơ bị hư hỏng, gắn với phát triển các tuyến du lịch trải nghiệm. 

- Phát triển sản phẩm du lịch sông nước đặc trưng của thành phố; hướng tới 
xây dựng Cần Thơ trở thành trung tâm du lịch, dịch vụ của vùng đồng bằng 
sông Cửu Long vào năm 2030. 

2

- Phối hợp chặt chẽ với các tỉnh trong vùng và các cơ quan Trung ương 
trong kiểm soát chất lượng dịch vụ du lịch, bảo vệ môi trường tại các khu, 
điểm du lịch trên địa bàn thành phố. 

Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân thành phố.

1.3. Nâng cao chất lượng phong trào thể dục, thể thao quần chúng

- Phát triển phong trào thể dục, thể thao quần chúng ở khu dân cư, trường 
học; tổ chức các giải thi đấu truyền thống của thành phố theo kế hoạch 

3

được duyệt, thu hút đông đảo Nhân dân tham gia. 

Trách nhiệm chỉ đạo thực hiện: Các cấp ủy, tổ chức đảng.

II. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo và Dân vận Thành ủy

- Hướng dẫn, theo dõi, đôn đốc việc thực hiện Chương trình hành động này; 
định kỳ sơ kết, tổng kết, báo cáo Ban Thường vụ Thành ủy theo quy định. 

T/M THÀNH ỦY
PHÓ BÍ THƯ

Nguyễn Văn A
"""


def test_a_party_programme_whose_points_name_their_lead_after_them():
    """Under "1. Nhiệm vụ thường xuyên" each item's dashes are tasks of the bodies its closing "Trách nhiệm chỉ đạo
    thực hiện: A; B." names, ongoing ("Nhiệm vụ thường xuyên"); "Đảng ủy Mặt trận Tổ quốc, các đoàn thể thành phố" is
    one body; "hướng tới … vào năm 2030" is a goal, not a deadline; "Phối hợp chặt chẽ với A và B trong kiểm soát …"
    names A and B. The header: a city party committee, the dateline's day blank, the title under "CHƯƠNG TRÌNH HÀNH
    ĐỘNG" in lower case. "Tổ chức thực hiện" stays the bodies' standing responsibilities."""
    plan = parse_blocks(blocks_from_text(PARTY_PROGRAMME))
    assert (plan.number, plan.date, plan.issuer, plan.place) == ("", None, "Thành ủy Cần Thơ", "Cần Thơ")
    assert plan.title == ("thực hiện Nghị quyết của Ban Chấp hành Đảng bộ thành phố về phát triển văn hóa, thể thao "
                          "và du lịch giai đoạn 2027 - 2030")
    front, city, party = (["Đảng ủy Mặt trận Tổ quốc, các đoàn thể thành phố", "Đảng ủy Ủy ban nhân dân thành phố"],
                          ["Đảng ủy Ủy ban nhân dân thành phố"], ["Các cấp ủy, tổ chức đảng"])
    got = [(t.title[:30], t.lead, t.coordinators, t.timeframe.text, t.timeframe.kind) for t in plan.tasks]
    always = ("Nhiệm vụ thường xuyên", "ongoing")
    assert got == [
        ("Tổ chức quán triệt sâu rộng Ng", front, [], *always),
        ("Xây dựng chuyên mục về văn hóa", front, [], *always),
        ("Bảo tồn, phát huy giá trị các ", city, [], *always),
        ("Phát triển sản phẩm du lịch sô", city, [], *always),
        ("Phối hợp chặt chẽ với các tỉnh", city, ["các tỉnh trong vùng", "các cơ quan Trung ương"], *always),
        ("Phát triển phong trào thể dục,", party, [], *always),
    ]
    assert plan.tasks[0].title.endswith("các cấp. Đưa nội dung Nghị quyết vào sinh hoạt chi bộ, sinh hoạt của các "
                                        "đoàn thể ở cơ sở bằng nhiều hình thức phù hợp với từng đối tượng.")
    assert "kế hoạch được duyệt, thu hút" in plan.tasks[-1].title  # across the page number "3"
    assert any(s.title == "Đổi mới công tác tuyên truyền, nâng cao nhận thức về vai trò của văn hóa trong phát triển "
               "bền vững" for s in plan.sections)
    assert split_names("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh; Sở Y tế") == [
        "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "Sở Y tế"]
    assert split_names("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các đoàn thể chính trị - xã hội tỉnh") == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các đoàn thể chính trị - xã hội tỉnh"]


def test_plain_pdf_text_wrapped_at_the_page_width_is_joined_by_it():
    """pdftotext without -layout: a line as long as the text's full lines was wrapped there, so the next line goes on
    it even after a full stop or ";"; after a blank line a lower-case line goes on a sentence left open (not a heading
    in capitals: "KẾ HOẠCH" / "" / "khai thực hiện …" is a document's kind, then its title); a page's number alone
    between blank lines is dropped. A text of one-line paragraphs (DOCX text, markdown) has no such width."""
    paras = [v for k, v in blocks_from_text(PARTY_PROGRAMME) if k == "p"]
    assert "- Tổ chức quán triệt sâu rộng Nghị quyết đến cán bộ, đảng viên các cấp. Đưa nội dung Nghị quyết " \
           "vào sinh hoạt chi bộ, sinh hoạt của các đoàn thể ở cơ sở bằng nhiều hình thức phù hợp với từng đối " \
           "tượng." in paras
    assert "- Xây dựng chuyên mục về văn hóa trên báo chí của thành phố, cổng thông tin; đưa tin kịp thời các hoạt " \
           "động văn hóa tiêu biểu, mô hình hay ở cơ sở và biểu dương các tập thể, cá nhân có thành tích xuất sắc." \
           in paras
    assert "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Mặt trận Tổ quốc, các đoàn thể thành phố; Đảng ủy Ủy ban nhân " \
           "dân thành phố." in paras
    assert "2" not in paras and "3" not in paras
    assert paras[paras.index("CHƯƠNG TRÌNH HÀNH ĐỘNG") + 1].startswith("thực hiện Nghị quyết")
    # the same text without its blank lines (a PDF's text layer as pypdf gives it): a full line may end a paragraph
    solid = [v for _k, v in blocks_from_text("\n".join(ln for ln in PARTY_PROGRAMME.split("\n") if ln.strip()))]
    assert any(v.startswith("Đưa nội dung Nghị quyết vào sinh hoạt chi bộ") for v in solid)
    short = blocks_from_text("KẾ HOẠCH\n\nkhai thực hiện Nghị quyết số 57-NQ/TW\n\n1. Tổ chức quán triệt\n\n"
                             "Bộ X chủ trì.\nCác bộ phối hợp.")
    assert [v for _k, v in short] == ["KẾ HOẠCH", "khai thực hiện Nghị quyết số 57-NQ/TW", "1. Tổ chức quán triệt",
                                      "Bộ X chủ trì.", "Các bộ phối hợp."]


STRATEGY_DECISION = """\
THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
Số: 55/QĐ-TTg | Hà Nội, ngày 3 tháng 3 năm 2027
QUYẾT ĐỊNH
PHÊ DUYỆT CHIẾN LƯỢC PHÁT TRIỂN THỦY SẢN ĐẾN NĂM 2035
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Chiến lược phát triển thủy sản đến năm 2035.
Điều 2. Tổ chức thực hiện
1. Bộ Nông nghiệp và Môi trường
- Chủ trì, phối hợp với các bộ, ngành tổ chức thực hiện Chiến lược.
- Xây dựng kế hoạch kiểm tra hằng năm theo hướng tập trung vào các cảng cá.
2. Bộ Công Thương
- Phát triển thị trường tiêu thụ sản phẩm thủy sản; định kỳ hằng năm có báo cáo kết quả thực hiện gửi Bộ Nông nghiệp và Môi trường để tổng hợp, báo cáo Thủ tướng Chính phủ.
3. Ủy ban nhân dân các tỉnh, thành phố ven biển
- Bố trí kinh phí thực hiện Chiến lược.
- Hằng năm có báo cáo kết quả thực hiện Chiến lược gửi Bộ Nông nghiệp và Môi trường.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_a_yearly_report_asked_in_a_points_last_clause_is_its_frequency_and_the_plans_rule():
    """"…; định kỳ hằng năm có báo cáo kết quả … gửi Bộ X …" closing a point, or "Hằng năm có báo cáo …" opening it,
    is that point's yearly frequency, and (no other rule stated) the plan's yearly reporting rule to Bộ X; "kế hoạch
    kiểm tra hằng năm theo hướng …" inside a point is no timeframe."""
    plan = parse_blocks(blocks_from_text(STRATEGY_DECISION))
    got = [(t.title[:25], t.timeframe.text, t.timeframe.kind) for t in plan.tasks]
    assert got == [
        ("Chủ trì, phối hợp với các", "", "none"),
        ("Xây dựng kế hoạch kiểm tr", "", "none"),
        ("Phát triển thị trường tiê", "định kỳ hằng năm", "annual"),
        ("Bố trí kinh phí thực hiện", "", "none"),
        ("Hằng năm có báo cáo kết q", "Hằng năm", "annual"),
    ]
    assert (plan.reporting.period, plan.reporting.to) == ("yearly", ["Bộ Nông nghiệp và Môi trường"])


ARTICLES_RESOLUTION = """\
| CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
| --- | --- |
| Số: 77/NQ-CP | *Hà Nội, ngày 5 tháng 5 năm 2027* |
NGHỊ QUYẾT
VỀ VIỆC PHÊ DUYỆT HIỆP ĐỊNH HỢP TÁC NGHỀ CÁ GIỮA VIỆT NAM VÀ NHẬT BẢN
CHÍNH PHỦ
*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*
QUYẾT NGHỊ:
Điều 1. Phê duyệt Hiệp định hợp tác nghề cá giữa Việt Nam và Nhật Bản ký ngày 2 tháng 4 năm 2027.
Điều 2. Bộ Ngoại giao thực hiện các thủ tục đối ngoại về hiệu lực của Hiệp định.
Điều 3. Cục Thủy sản và Kiểm ngư có trách nhiệm công bố và phối hợp với Ủy ban nhân dân các tỉnh ven biển theo dõi việc thực hiện Hiệp định.
Điều 4. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh ven biển chịu trách nhiệm thi hành Nghị quyết này./.
| *Nơi nhận:* - Như Điều 4; - Lưu: VT. | TM. CHÍNH PHỦ THỦ TƯỚNG     Nguyễn Văn B |
| --- | --- |
PHỤ LỤC
DANH SÁCH CÁC CẢNG CÁ ĐƯỢC TIẾP NHẬN TÀU NHẬT BẢN
| STT | Tên cảng | Địa chỉ |
| --- | --- | --- |
| 1 | Cảng cá Cửa Lò | Phường Nghi Tân, tỉnh Nghệ An |
"""


def test_a_resolution_whose_articles_assign_its_work():
    """In a decision or resolution with no numbered item (an appendix table of facts aside), each article whose
    subject is a body is a task numbered by the article, its title the article's text ("Điều 2. Bộ Ngoại giao thực
    hiện …": "Ngoại giao" is a name, not the verb "giao"); the subject ends before "có trách nhiệm", and "… có trách
    nhiệm công bố và phối hợp với Y theo dõi …" gives Y; the approving article and the closing order ("… chịu trách
    nhiệm thi hành Nghị quyết này") are none."""
    plan = parse_blocks(blocks_from_text(ARTICLES_RESOLUTION))
    got = [(t.number, t.title[:30], t.lead, t.coordinators) for t in plan.tasks]
    assert got == [
        ("2", "Bộ Ngoại giao thực hiện các th", ["Bộ Ngoại giao"], []),
        ("3", "Cục Thủy sản và Kiểm ngư có tr", ["Cục Thủy sản và Kiểm ngư"],
         ["Ủy ban nhân dân các tỉnh ven biển"]),
    ]
    assert (plan.number, plan.issuer) == ("77/NQ-CP", "Chính phủ")


PARTY_SCHEME_DRAFT = """\
  TỈNH ỦY HÀ GIANG                              ĐẢNG CỘNG SẢN VIỆT NAM
         *
   Số     - ĐA/TU                          Hà Giang, ngày       tháng     năm 2027
     (DỰ THẢO)
                                   ĐỀ ÁN
       Phát triển nông nghiệp hữu cơ gắn với xây dựng nông thôn mới
                       giai đoạn 2027 - 2030
                                 -------------
                                Phần thứ ba
                            TỔ CHỨC THỰC HIỆN
        I. PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN ĐỀ ÁN
        1. Các đảng ủy xã, phường quán triệt Đề án đến cán bộ, đảng viên; xây dựng
kế hoạch thực hiện tại địa phương phù hợp với điều kiện thực tế.
        2. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan có liên
quan tuyên truyền về Đề án thường xuyên và liên tục.
        3. Đảng ủy UBND tỉnh chỉ đạo UBND tỉnh cụ thể hóa Đề án thành kế hoạch cụ thể.
Chỉ đạo các cấp, các ngành triển khai thực hiện nghiêm túc Đề án này.
        4. Các cơ quan tham mưu, giúp việc của Tỉnh ủy và Đảng ủy UBND tỉnh theo
chức năng nhiệm vụ đôn đốc, kiểm tra, giám sát việc triển khai thực hiện.
        II. CHẾ ĐỘ BÁO CÁO
        Định kỳ 6 tháng, hằng năm cơ quan chủ trì tổng hợp, báo cáo kết quả triển khai
thực hiện Đề án với Tỉnh ủy./.
 Nơi nhận:                                  T/M BAN CHẤP HÀNH
- Ban Thường vụ Tỉnh ủy,                          BÍ THƯ
- Lưu Văn phòng Tỉnh uỷ.
"""


def test_a_party_schemes_draft_whose_organisation_items_name_their_subjects():
    """A scheme ("ĐỀ ÁN") assigning its work only in "Phân công trách nhiệm": each numbered paragraph is a task of
    its subject ("Các đảng ủy xã, phường", "Các cơ quan tham mưu, giúp việc của Tỉnh ủy và Đảng ủy UBND tỉnh": one
    name, "tham mưu" there no verb), also one that ends with an order to carry the scheme out; "thường xuyên và liên
    tục" closing its sentence is a timeframe. The draft's header: the number and dateline left blank, "(DỰ THẢO)" no
    issuer, "Phần thứ ba" no part of the title."""
    plan = parse_blocks(blocks_from_text(PARTY_SCHEME_DRAFT))
    assert (plan.number, plan.date, plan.issuer, plan.place) == ("", None, "Tỉnh ủy Hà Giang", "Hà Giang")
    assert plan.title == "Phát triển nông nghiệp hữu cơ gắn với xây dựng nông thôn mới giai đoạn 2027 - 2030"
    got = [(t.number, t.lead, t.coordinators, t.timeframe.text, t.timeframe.kind) for t in plan.tasks]
    assert got == [
        ("1", ["Các đảng ủy xã, phường"], [], "", "none"),
        ("2", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], ["các cơ quan có liên quan"], "thường xuyên và liên tục",
         "ongoing"),
        ("3", ["Đảng ủy UBND tỉnh"], [], "", "none"),
        ("4", ["Các cơ quan tham mưu, giúp việc của Tỉnh ủy và Đảng ủy UBND tỉnh"], [], "", "none"),
    ]
    assert plan.reporting.period == "semiannual"


def test_a_heading_in_capitals_on_a_pdf_page_keeps_its_title_under_it():
    """pdftotext -layout: "QUYẾT ĐỊNH" centred, its title's lines at the margin under it: the title is read."""
    text = ("BỘ Y TẾ                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "                                        Độc lập - Tự do - Hạnh phúc\n\n"
            "     Số: 88/QĐ-BYT                 Hà Nội, ngày 9 tháng 9 năm 2027\n\n"
            "                                 QUYẾT ĐỊNH\n"
            "Ban hành hướng dẫn phòng, chống dịch bệnh tại các cơ sở khám bệnh, chữa bệnh\n"
            "thuộc phạm vi quản lý của Bộ Y tế\n\n"
            "                        BỘ TRƯỞNG BỘ Y TẾ\n\n"
            "      Căn cứ Luật Khám bệnh, chữa bệnh năm 2023;\n"
            "                                QUYẾT ĐỊNH:\n"
            "      Điều 1. Ban hành kèm theo Quyết định này hướng dẫn phòng, chống dịch bệnh.\n"
            "      Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    plan = parse_blocks(blocks_from_text(text))
    assert plan.title == ("Ban hành hướng dẫn phòng, chống dịch bệnh tại các cơ sở khám bệnh, chữa bệnh thuộc phạm "
                          "vi quản lý của Bộ Y tế")


def test_a_board_of_supervisors_is_a_name_not_the_verb_to_control():
    """"Ban kiểm soát Quỹ …" (lower case, as often written) is a board's name: "kiểm soát" there is no verb ending the
    subject; "… trong kiểm soát chất lượng …" after a name still is."""
    own = parse_blocks(blocks_from_text(
        "KẾ HOẠCH\nKiểm tra Quỹ bảo trì đường bộ năm 2027\n"
        "1. Ban kiểm soát Quỹ bảo trì đường bộ tỉnh kiểm tra việc thu, chi của Quỹ, xong trong quý II năm 2027.\n"
        "2. Sở Xây dựng phối hợp với các cơ quan Trung ương trong kiểm soát tải trọng xe, hoàn thành năm 2027.\n"))
    assert [(t.lead, t.coordinators) for t in own.tasks] == [
        (["Ban kiểm soát Quỹ bảo trì đường bộ tỉnh"], []),
        (["Sở Xây dựng"], ["các cơ quan Trung ương"]),
    ]


PROJECT_DECISION = """\
| THỦ TƯỚNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
| --- | --- |
| Số: 977/QĐ-TTg | *Hà Nội, ngày 14 tháng 9 năm 2027* |
QUYẾT ĐỊNH
PHÊ DUYỆT DỰ ÁN HỖ TRỢ KỸ THUẬT “NÂNG CAO NĂNG LỰC Y TẾ CƠ SỞ” DO ADB TÀI TRỢ
THỦ TƯỚNG CHÍNH PHỦ
*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 2 năm 2025;*
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Dự án hỗ trợ kỹ thuật “Nâng cao năng lực y tế cơ sở” như sau:
- Cơ quan chủ quản: Bộ Y tế.
- Thời gian thực hiện Dự án: 24 tháng sau khi Văn kiện Dự án được phê duyệt.
Điều 2. Giao Bộ Y tế:
- Hoàn thiện Văn kiện Dự án, bảo đảm triển khai đúng tiến độ;
- Chủ trì, điều phối và phối hợp với các Bộ: Tài chính, Nội vụ triển khai thực hiện Dự án.
Điều 3. Ngân hàng Phát triển Việt Nam ký với ADB Hiệp định Dự án theo quy định.
Điều 4. Trung tâm Dịch vụ kỹ thuật y tế quốc gia tổ chức tập huấn cho cán bộ y tế cơ sở.
Điều 5. Ban Thư ký Hội đồng Y tế quốc gia tổng hợp kết quả thực hiện Dự án.
Điều 6. Quyết định này có hiệu lực kể từ ngày ký.
Bộ trưởng các Bộ: Y tế, Tài chính, Nội vụ, Thống đốc Ngân hàng Nhà nước Việt Nam chịu trách nhiệm thi hành Quyết định này./.
"""


def test_a_decision_whose_article_gives_a_body_its_dashes_and_whose_articles_sign():
    """"Điều 2. Giao Bộ X:" with dashes: each dash a task of X ("chủ trì, điều phối và phối hợp với các Bộ: A, B" gives
    each ministry as coordinator); "Điều 3. <bank> ký với …": "ký" (to sign) ends the subject, while "kỹ thuật" and
    "Ban Thư ký" stay in names; the project's data in Điều 1 and the closing order are no tasks."""
    plan = parse_blocks(blocks_from_text(PROJECT_DECISION))
    got = [(t.title[:24], t.lead, t.coordinators) for t in plan.tasks]
    assert got == [
        ("Hoàn thiện Văn kiện Dự á", ["Bộ Y tế"], []),
        ("Chủ trì, điều phối và ph", ["Bộ Y tế"], ["Bộ Tài chính", "Bộ Nội vụ"]),
        ("Ngân hàng Phát triển Việ", ["Ngân hàng Phát triển Việt Nam"], []),
        ("Trung tâm Dịch vụ kỹ thu", ["Trung tâm Dịch vụ kỹ thuật y tế quốc gia"], []),
        ("Ban Thư ký Hội đồng Y tế", ["Ban Thư ký Hội đồng Y tế quốc gia"], []),
    ]


PROVINCE_TO_MINISTRY = """\
ỦY BAN NHÂN DÂN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH HÀ TĨNH                                Độc lập - Tự do - Hạnh phúc

       Số: 512 /UBND-NL                            Hà Tĩnh, ngày 04 tháng 3 năm 2027
V/v kiến nghị tháo gỡ vướng mắc
      trong cấp phép khai thác cát


                                        Kính gửi: Bộ Nông nghiệp và Môi trường

      Ủy ban nhân dân tỉnh Hà Tĩnh nhận được phản ánh của các doanh nghiệp về
vướng mắc trong cấp phép khai thác cát lòng sông. Ủy ban nhân dân tỉnh Hà Tĩnh
báo cáo và đề nghị Bộ Nông nghiệp và Môi trường nội dung như sau:
     1. Quy định hiện hành
       Theo quy định tại Luật Địa chất và khoáng sản, việc cấp phép khai thác cát
thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh.
      2. Khó khăn, vướng mắc
       Các doanh nghiệp chưa được hướng dẫn lập hồ sơ đánh giá tác động dòng chảy.
      3. Kiến nghị
       Để kịp thời tháo gỡ khó khăn cho doanh nghiệp, Ủy ban nhân dân tỉnh Hà Tĩnh
trân trọng đề nghị Bộ Nông nghiệp và Môi trường:
       (i). Ban hành văn bản hướng dẫn lập hồ sơ đánh giá tác động dòng chảy
đối với hoạt động khai thác cát lòng sông.
       (ii). Chỉ đạo Cục Quản lý tài nguyên nước phối hợp với địa phương kiểm tra
thực địa các mỏ cát trên địa bàn tỉnh.
     Ủy ban nhân dân tỉnh Hà Tĩnh trân trọng đề nghị Bộ Nông nghiệp và Môi trường
quan tâm, sớm xem xét, chỉ đạo giải quyết./.
Nơi nhận:                                                TM. ỦY BAN NHÂN DÂN
- Như trên;                                                   CHỦ TỊCH
- Lưu: VT, NL.
                                                             Trần Văn An
"""

ADDRESSEE_CONTENTS = """\
BỘ XÂY DỰNG                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                   Độc lập - Tự do - Hạnh phúc
Số: 88/BXD-HĐXD                    Hà Nội, ngày 02 tháng 6 năm 2027
V/v triển khai Thông tư số 11/2027/TT-BXD
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố
Để triển khai Thông tư số 11/2027/TT-BXD, Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh, thành phố một số nội dung
sau:
1. Rà soát các công trình thuộc phạm vi quản lý.
2. Hoàn thành việc cấp đổi chứng chỉ năng lực trong quý III năm 2027.
Trân trọng./.
"""


def test_a_letter_that_reports_then_asks_its_addressee_points_of_its_own():
    """A letter that "báo cáo và đề nghị Bộ X nội dung như sau:" reports in its numbered parts and asks in one of
    them ("… trân trọng đề nghị Bộ X:" / "(i). …" / "(ii). …"): each point of the request is a task of X, the parts
    before it none; "nội dung như sau" / "một số nội dung sau" ends whom a letter asks."""
    plan = parse_blocks(blocks_from_text(PROVINCE_TO_MINISTRY))
    got = [(t.number, t.title[:20], t.lead) for t in plan.tasks]
    assert got == [("3.i", "Ban hành văn bản hướ", ["Bộ Nông nghiệp và Môi trường"]),
                   ("3.ii", "Chỉ đạo Cục Quản lý ", ["Bộ Nông nghiệp và Môi trường"])]
    plan = parse_blocks(blocks_from_text(ADDRESSEE_CONTENTS))
    assert [(t.number, t.lead, t.timeframe.due) for t in plan.tasks] == [
        ("1", ["Ủy ban nhân dân các tỉnh, thành phố"], None),
        ("2", ["Ủy ban nhân dân các tỉnh, thành phố"], D(2027, 9, 30))]


STRATEGY_ORGANISATION = """\
                          THỦ TƯỚNG CHÍNH PHỦ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                            Độc lập - Tự do - Hạnh phúc
       Số: 640/QĐ-TTg                                      Hà Nội, ngày 03 tháng 5 năm 2027
                                        QUYẾT ĐỊNH
                   Phê duyệt Chiến lược quốc gia về phòng, chống thiên tai
                                    đến năm 2040
                                  THỦ TƯỚNG CHÍNH PHỦ
                                        QUYẾT ĐỊNH:
     Điều 1. Phê duyệt Chiến lược quốc gia về phòng, chống thiên tai với những nội dung
sau:
     V. TỔ CHỨC THỰC HIỆN
    1. Bộ Nông nghiệp và Môi trường
     - Chủ trì, phối hợp với các bộ, ngành hướng dẫn thực hiện Chiến lược.
    2. Các Bộ: Xây dựng, Giáo dục và Đào tạo, Văn hóa, Thể thao và Du lịch, Khoa học
và Công nghệ
     - Rà soát các quy chuẩn kỹ thuật về phòng, chống thiên tai của ngành.
     - Lồng ghép nội dung phòng, chống thiên tai vào kế hoạch của ngành.
    3. Ủy ban nhân dân các tỉnh: xây dựng kế hoạch phòng, chống thiên tai của địa
phương.
     Điều 2. Quyết định này có hiệu lực từ ngày ký.
"""


def test_an_organisation_heading_that_names_a_group_and_its_members_over_two_lines():
    """"2. Các Bộ: Xây dựng, …, Khoa học" / "và Công nghệ" (a heading wrapped on a PDF page): the group noun and its
    members lead each dash under it, the heading no task of its own; "3. Ủy ban nhân dân các tỉnh: xây dựng …" stays a
    subject and its task."""
    plan = parse_blocks(blocks_from_text(STRATEGY_ORGANISATION))
    got = [(t.title[:22], t.lead) for t in plan.tasks]
    members = ["Bộ Xây dựng", "Bộ Giáo dục và Đào tạo", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ"]
    assert got == [
        ("Chủ trì, phối hợp với ", ["Bộ Nông nghiệp và Môi trường"]),
        ("Rà soát các quy chuẩn ", members),
        ("Lồng ghép nội dung phò", members),
        ("xây dựng kế hoạch phòn", ["Ủy ban nhân dân các tỉnh"]),
    ]


DELEGATION_DECISION = """\
ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH QUẢNG TRỊ                         Độc lập - Tự do - Hạnh phúc

  Số: 418 /QĐ-UBND                 Quảng Trị, ngày07 tháng 13 năm 2027

                                QUYẾT ĐỊNH
             Về việc ủy quyền cho Giám đốc Sở Y tế thực hiện
           một số nhiệm vụ, quyền hạn của UBND tỉnh trong lĩnh vực dược

                   ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ

      Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;
                            QUYẾT ĐỊNH:
       Điều 1. Ủy quyền cho Giám đốc Sở Y tế thực hiện một số nhiệm vụ của Ủy ban
nhân dân tỉnh trong lĩnh vực dược. (Chi tiết tại Phụ lục kèm theo)
       Điều 2. Tổ chức thực hiện
       1. Việc thực hiện nhiệm vụ được ủy quyền phải tuân thủ quy định của pháp luật.
       2. Giám đốc Sở Y tế:
       a) Tổ chức thực hiện các thủ tục hành chính được ủy quyền đúng quy định.
       b) Chịu trách nhiệm xử lý các vấn đề phát sinh khi thực hiện Quyết định này.
       c) Định kỳ hàng năm báo cáo Ủy ban nhân dân tỉnh hoặc đột xuất theo yêu cầu.
       Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
       Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:                                           TM. ỦY BAN NHÂN DÂN
- Như Điều 3;                                                CHỦ TỊCH
- Lưu: VT.
                                                       Lê Văn Bình
                                                     PHỤ LỤC
                  (Kèm theo Quyết định số 418 /QĐ-UBND ngày 07 / 11 /2027 của UBND tỉnh Quảng Trị)
STT   NỘI DUNG NHIỆM VỤ ỦY QUYỀN                          CĂN CỨ PHÁP LÝ
 I.   Lĩnh vực dược
 1    Cấp chứng chỉ hành nghề dược                        Luật Dược năm 2016
"""


def test_a_delegating_decision_whose_appendix_alone_has_roman_parts():
    """A decision whose items are "1.", "2. Giám đốc Sở X:" / "a) …" and whose appendix after the signature has a
    Roman part ("I. Lĩnh vực dược"): its body starts at its first item (not the appendix's part), each lettered
    point a task of the office holder; "… phát sinh khi thực hiện Quyết định này" is a duty, not the closing order;
    "Định kỳ hàng năm báo cáo Ủy ban nhân dân tỉnh …" is the yearly rule, to that body; the dateline "ngày07 tháng 13"
    gives the place, the annex line naming the document's own number its date."""
    plan = parse_blocks(blocks_from_text(DELEGATION_DECISION))
    assert [(t.number, t.title[:24], t.lead) for t in plan.tasks] == [
        ("2.a", "Tổ chức thực hiện các th", ["Giám đốc Sở Y tế"]),
        ("2.b", "Chịu trách nhiệm xử lý c", ["Giám đốc Sở Y tế"]),
        ("2.c", "Định kỳ hàng năm báo cáo", ["Giám đốc Sở Y tế"]),
    ]
    assert plan.tasks[2].timeframe.kind == "annual"
    assert (plan.reporting.period, plan.reporting.to) == ("yearly", ["Ủy ban nhân dân tỉnh"])
    assert (plan.number, plan.place, plan.date) == ("418/QĐ-UBND", "Quảng Trị", D(2027, 11, 7))
    # the same as a DOCX's text, the number and the dateline on one line
    plain = "\n".join(line.strip() for line in DELEGATION_DECISION.splitlines())
    plain = plain.replace("Số: 418 /QĐ-UBND\nQuảng Trị,", "Số: 418 /QĐ-UBND    Quảng Trị,")
    plan = parse_blocks(blocks_from_text(plain))
    assert (plan.number, plan.place, plan.date, len(plan.tasks)) == ("418/QĐ-UBND", "Quảng Trị", D(2027, 11, 7), 3)
