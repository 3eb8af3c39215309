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
