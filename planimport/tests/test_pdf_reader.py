"""A plan's PDF read by position (pdfplumber): its task tables come back as table blocks, as from the DOCX it was
made from (the dev set's two PDFs are LibreOffice exports of its DOCX documents), the rest of the page as text."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from planimport.readers import DocumentError, _join_wrapped, _laid_out, _page_lines, read_blocks
from tasks.models import Plan, Task

from .test_admin_import import upload
from .test_seed_import import agencies_only  # noqa: F401

DEVSET = Path(__file__).resolve().parent / "devset"
HA_TINH = DEVSET / "layout-pdf-table-ha-tinh.pdf"  # ruled, over two pages, header row repeated, a row split
UNRULED = DEVSET / "layout-pdf-table.pdf"  # a DOCX table without borders


def blocks(path):
    return read_blocks(path.name, path.read_bytes())


def test_a_ruled_table_over_two_pages_is_one_table_with_its_header_once():
    read = blocks(HA_TINH)
    tables = [b[1] for b in read if b[0] == "table"]
    assert len(tables) == 1
    rows = tables[0]
    header = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành",
              "Kết quả/sản phẩm"]
    assert rows[0] == header and header not in rows[1:]  # the second page's repeat dropped
    assert len(rows) == 1 + 3 + 12  # three Roman section rows, twelve tasks
    assert rows[1] == ["I", "HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH"]  # merged across: kept once
    # the row the page break split, joined; a cell's wrapped lines joined
    assert rows[6][:3] == ["4", "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, kết nối với Cơ "
                                "sở dữ liệu quốc gia về dân cư để tự động điền thông tin công dân vào biểu mẫu điện "
                                "tử; bảo đảm an toàn thông tin theo cấp độ", "Sở KH&CN"]
    assert rows[7][0] == "5"
    assert rows[-2][4] == "Trước 30/11/2026"  # "30/11/202" / "6" in its narrow cell
    text = [b[1] for b in read if b[0] == "p"]
    position = read.index(("table", rows))
    assert ("p", "II. NHIỆM VỤ CỤ THỂ") in read[:position] and ("p", "III. KINH PHÍ THỰC HIỆN") in read[position:]
    assert "Hà Tĩnh, ngày 18 tháng 4 năm 2026" in text and "Số: 215/KH-UBND" in text


def test_a_table_without_rules_is_read_from_its_columns():
    read = blocks(UNRULED)
    tables = [b[1] for b in read if b[0] == "table"]
    assert len(tables) == 1
    rows = tables[0]
    assert rows[0] == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
    assert rows[1] == ["A. Chính quyền số"]  # a section row across the table
    assert rows[2] == ["1", "Ban hành danh mục dữ liệu mở của tỉnh", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành",
                       "Quý II/2026", "Quyết định"]
    # the last row's cell goes on at the next page's top ("UBND cấp" / "xã")
    assert rows[-1] == ["4", "Đào tạo kỹ năng số cho công chức cấp xã", "Sở Nội vụ", "UBND cấp xã",
                        "trước 30/11/2026", "Lớp đào tạo"]
    assert ("p", "III. CHẾ ĐỘ BÁO CÁO") in read and ("p", "I. MỤC ĐÍCH, YÊU CẦU") in read


@pytest.mark.parametrize("pdf, docx", [("layout-pdf-table-ha-tinh.pdf", "layout-pdf-table-ha-tinh.docx"),
                                       ("layout-pdf-table.pdf", "layout-docx-table.docx")])
def test_a_pdf_imports_as_the_docx_it_was_made_from(pdf, docx):
    def read(name):
        out = io.StringIO()
        call_command("import_plan", str(DEVSET / name), "--json", stdout=out)
        return json.loads(out.getvalue())

    from_pdf, from_docx = read(pdf), read(docx)
    assert from_pdf == from_docx
    key = json.loads((DEVSET / pdf.replace(".pdf", ".key.json")).read_text(encoding="utf-8"))
    fields = ("title", "lead", "coordinators", "timeframe", "kind", "due")
    assert [{f: t[f] for f in fields} for t in from_pdf["tasks"]] == [{f: t[f] for f in fields} for t in key["tasks"]]


def test_words_broken_by_a_narrow_cell_are_joined_without_a_space():
    assert _join_wrapped("trước 30/11/202", "6") == "trước 30/11/2026"
    assert _join_wrapped("ST", "T") == "STT"
    assert _join_wrapped("Quý", "II/2026") == "Quý II/2026"
    assert _join_wrapped("Sở Tài", "chính") == "Sở Tài chính"
    assert _join_wrapped("UBND cấp", "xã") == "UBND cấp xã"


def test_an_encrypted_pdf_is_refused_in_vietnamese():
    data = (Path(__file__).resolve().parent / "encrypted-plan.pdf").read_bytes()
    with pytest.raises(DocumentError, match="tệp hỏng hoặc được bảo vệ"):
        read_blocks("plan.pdf", data)


def test_the_admin_previews_and_writes_a_pdf_plan_with_a_task_table(admin_client, agencies_only):  # noqa: F811
    response = upload(admin_client, "215-KH-UBND.pdf", HA_TINH.read_bytes())
    assert response.status_code == 302 and Plan.objects.count() == 0
    html = admin_client.get(response["Location"]).content.decode()
    assert "215/KH-UBND" in html and "12 nhiệm vụ" in html and "Trước 30/11/2026" in html
    done = admin_client.post(response["Location"])
    assert done.status_code == 302
    plan = Plan.objects.get()
    assert Task.objects.filter(plan=plan).count() == 12


def test_a_cell_merged_down_rows_is_given_in_each_row_and_a_page_number_is_dropped():
    """A lead cell merged over two rows (LibreOffice's PDF of a DOCX made with python-docx) is each row's lead, as
    python-docx gives the DOCX; the footer's page number "1" is no paragraph."""
    read = blocks(Path(__file__).resolve().parent / "merged-lead.pdf")
    rows = next(b[1] for b in read if b[0] == "table")
    assert rows[1:] == [["1", "Kiểm tra hệ thống đê điều", "Sở Nông nghiệp và Môi trường", "Quý II/2026"],
                        ["2", "Diễn tập cứu hộ vùng lũ", "Sở Nông nghiệp và Môi trường", "Tháng 7/2026"],
                        ["3", "Tập huấn kỹ năng phòng tránh lũ quét", "Sở Giáo dục và Đào tạo", "Tháng 9/2026"]]
    assert ("p", "1") not in read and read[-1][1].startswith("Các sở, ngành báo cáo")


def test_a_pdf_with_no_table_reads_its_text_as_before(monkeypatch):
    """No table on its pages: pypdf's text, read as text (the parser's PDF rules were written on it)."""
    import matplotlib
    from matplotlib.figure import Figure

    from planimport import readers

    monkeypatch.setitem(matplotlib.rcParams, "pdf.fonttype", 42)
    figure = Figure(figsize=(8.27, 11.69))
    lines = ["Số: 7/KH-UBND", "Huế, ngày 2 tháng 2 năm 2026", "KẾ HOẠCH", "Chuyển đổi số", "I. NHIỆM VỤ",
             "1. Giao Sở Y tế chủ trì triển khai bệnh án điện tử, hoàn thành trong Quý II/2026."]
    for k, line in enumerate(lines):
        figure.text(0.1, 0.9 - 0.04 * k, line, fontsize=11)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    called = []
    monkeypatch.setattr(readers, "_blocks_from_pdf_text",
                        lambda data, real=readers._blocks_from_pdf_text: called.append(1) or real(data))
    assert read_blocks("plan.pdf", buffer.getvalue()) == [("p", line) for line in lines] and called


def word(x0, x1, text, top=100.0):
    return {"x0": x0, "x1": x1, "top": top, "bottom": top + 12, "text": text}


def test_a_lines_words_part_into_cells_at_wide_gaps_only():
    """Words 3-4 points apart (a paragraph's, justified) are one piece; 12 points apart, two cells."""
    line = _page_lines([word(90, 110, "Sở"), word(113.5, 140, "Tài"), word(143, 170, "chính"),
                        word(182, 200, "Quý"), word(203, 240, "II/2026")])[0]
    assert [s[2] for s in line["segments"]] == ["Sở Tài chính", "Quý II/2026"]


def test_a_line_off_a_table_is_laid_out_as_pdftotext_layout_writes_it():
    """Its indent and its gaps from the page's margin and positions, a space a character's width."""
    line = {"segments": [[100.0, 160.0, "1. Việc một"], [220.0, 260.0, "Hà Nội"]]}
    assert _laid_out(line, 90.0, 5.0) == "  1. Việc một            Hà Nội"
