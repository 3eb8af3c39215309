"""Made-up plan with a landscape appendix task table (python-docx), for `soffice --headless --convert-to pdf` and
`pdftotext -layout`: round 28's realistic space-column table.
    python make_pdf.py plan.docx [centre] && soffice --headless --convert-to pdf plan.docx && pdftotext -layout plan.pdf
(LibreOffice 7.4.7, pdftotext 22.12): pdftotext-layout-phu-tho.txt, and -centred.txt with "centre"."""
import sys
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

doc = Document()
st = doc.styles["Normal"]; st.font.name = "Times New Roman"; st.font.size = Pt(12)
for line in ["ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", "Số: 215/KH-UBND", "Phú Thọ, ngày 12 tháng 3 năm 2027", "KẾ HOẠCH",
             "Chuyển đổi số trong quản lý đất đai giai đoạn 2027 - 2028",
             "I. MỤC ĐÍCH, YÊU CẦU",
             "Bảo đảm dữ liệu đất đai đầy đủ, chính xác, được cập nhật thường xuyên.",
             "II. NHIỆM VỤ",
             "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.",
             "III. TỔ CHỨC THỰC HIỆN",
             "Các sở, ngành, địa phương báo cáo kết quả thực hiện trước ngày 10 tháng 12 hằng năm gửi Sở Nông nghiệp và Môi trường để tổng hợp."]:
    doc.add_paragraph(line)
sec = doc.add_section()
sec.orientation = WD_ORIENT.LANDSCAPE
sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
for line in ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ TRONG QUẢN LÝ ĐẤT ĐAI",
             "(Kèm theo Kế hoạch số 215/KH-UBND ngày 12/3/2027 của UBND tỉnh Phú Thọ)"]:
    doc.add_paragraph(line)
t = doc.add_table(rows=2, cols=6)
t.style = "Table Grid"
h = t.rows[0].cells
h[0].text, h[1].text, h[4].text, h[5].text = "TT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Sản phẩm"
m = h[2].merge(h[3]); m.text = "Đơn vị thực hiện"
for j in (0, 1, 4, 5):
    t.rows[0].cells[j].merge(t.rows[1].cells[j])
t.rows[1].cells[2].text, t.rows[1].cells[3].text = "Chủ trì", "Phối hợp"
rows = [
    ("I", "Hoàn thiện hạ tầng và cơ sở dữ liệu", "", "", "", ""),
    ("1", "Nâng cấp đường truyền số liệu chuyên dùng kết nối Văn phòng Đăng ký đất đai với các chi nhánh",
     "Sở Khoa học và Công nghệ", "Văn phòng Đăng ký đất đai tỉnh; Viễn thông Phú Thọ", "Quý II/2027", "Đường truyền được nâng cấp"),
    ("2", "Số hóa hồ sơ địa chính của các xã, phường còn lại và đưa vào cơ sở dữ liệu đất đai dùng chung của tỉnh",
     "Sở Nông nghiệp và Môi trường", "UBND các xã, phường; Sở Tài chính", "Năm 2027", "Hồ sơ được số hóa"),
    ("3", "Xây dựng cơ sở dữ liệu giá đất và kết nối với hệ thống thông tin giải quyết thủ tục hành chính của tỉnh",
     "Sở Tài chính", "Sở Nông nghiệp và Môi trường; Sở Khoa học và Công nghệ", "Quý IV/2027", "Cơ sở dữ liệu giá đất"),
    ("II", "Dịch vụ công và đào tạo", "", "", "", ""),
    ("4", "Cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục đăng ký biến động đất đai",
     "Văn phòng Đăng ký đất đai tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "Tháng 9/2027", "Dịch vụ công toàn trình"),
    ("5", "Tập huấn kỹ năng khai thác cơ sở dữ liệu đất đai cho cán bộ địa chính cấp xã",
     "Sở Nông nghiệp và Môi trường", "UBND các xã, phường", "Hằng năm", "Lớp tập huấn"),
    ("6", "Tuyên truyền, hướng dẫn người dân sử dụng ứng dụng tra cứu thông tin đất đai trên thiết bị di động",
     "Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình Phú Thọ; UBND các xã, phường", "Năm 2027 - 2028", "Tin, bài, video hướng dẫn"),
    ("7", "Bảo đảm an toàn thông tin cho hệ thống cơ sở dữ liệu đất đai theo cấp độ đã được phê duyệt",
     "Công an tỉnh", "Sở Khoa học và Công nghệ; Sở Nông nghiệp và Môi trường", "Thường xuyên", "Báo cáo kiểm tra"),
]
extra = [(str(8 + k), f"Rà soát, chuẩn hóa dữ liệu đất đai của nhóm xã số {k + 1} phục vụ cấp giấy chứng nhận quyền sử dụng đất lần đầu",
          "UBND các xã, phường", "Văn phòng Đăng ký đất đai tỉnh; Sở Nông nghiệp và Môi trường", f"Quý {['I','II','III','IV'][k % 4]}/2028",
          "Dữ liệu được chuẩn hóa") for k in range(5)]
for r in rows + extra:
    cells = t.add_row().cells
    if r[2] == "":
        mm = cells[0].merge(cells[5]); mm.text = f"{r[0]}. {r[1]}"
    else:
        for j, v in enumerate(r):
            cells[j].text = v
widths = [Cm(1.2), Cm(8.5), Cm(4.5), Cm(5.5), Cm(3.0), Cm(3.5)]
for row in t.rows:
    for j, c in enumerate(row.cells):
        c.width = widths[j]
if len(sys.argv) > 2:  # "centre": every cell centred vertically, as Word's tables often are
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    for row in t.rows:
        for c in row.cells:
            c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
doc.save(sys.argv[1])
