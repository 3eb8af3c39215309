"""Round 17: made-up variants of the issue's four layouts (labelled lines, tables, prose, a lead on a heading),
each a small document a provincial office could plausibly write. They test the parser's rules for generality: the
wording, order and punctuation change, the facts do not. Every task is compared as the accuracy report compares it
(planimport.accuracy._norm on title and timeframe; lead and coordinator sets; kind; due)."""

import datetime
import io

import pytest

from planimport.accuracy import _norm
from planimport.parser import parse_blocks, parse_document
from planimport.readers import blocks_from_text

HEADER = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 45/KH-UBND
Quảng Trị, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Triển khai chuyển đổi số năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm thực hiện đồng bộ, hiệu quả.
"""


def T(title, lead, coordinators=(), timeframe="", kind="none", due=None):
    return (_norm(title), sorted(_norm(n) for n in lead), sorted(_norm(n) for n in coordinators),
            _norm(timeframe), kind, due)


def got(plan):
    return [T(t.title, t.lead, t.coordinators, t.timeframe.text, t.timeframe.json_kind,
              t.timeframe.due.isoformat() if t.timeframe.due else None) for t in plan.tasks]


def read(body):
    return parse_blocks(blocks_from_text(HEADER + body))


VARIANTS = {
    # --- 1. numbered items with labelled lines -------------------------------------------------------------------
    "labels-agency-words": ("""II. NHIỆM VỤ
1. Xây dựng kho dữ liệu dùng chung của tỉnh
- Cơ quan chủ trì: Sở Khoa học và Công nghệ.
- Cơ quan phối hợp: Sở Tài chính, Công an tỉnh.
- Thời hạn hoàn thành: Quý II/2026.
2. Rà soát thủ tục hành chính trực tuyến
- Đơn vị chủ trì: Văn phòng UBND tỉnh.
- Đơn vị phối hợp: Các sở, ban, ngành.
- Thời hạn: Thường xuyên.
""", [T("Xây dựng kho dữ liệu dùng chung của tỉnh", ["Sở Khoa học và Công nghệ"], ["Sở Tài chính", "Công an tỉnh"],
        "Quý II/2026", "deadline", "2026-06-30"),
      T("Rà soát thủ tục hành chính trực tuyến", ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành"], "Thường xuyên",
        "ongoing")]),
    "labels-other-order": ("""II. NHIỆM VỤ
1. Tập huấn kỹ năng số cho cán bộ cấp xã
+ Thời gian thực hiện: Tháng 10/2026.
+ Đơn vị thực hiện: Sở Nội vụ.
+ Đơn vị phối hợp: UBND các huyện, thị xã, thành phố.
2. Nâng cấp Cổng thông tin điện tử tỉnh
+ Tiến độ: Năm 2026.
+ Cơ quan thực hiện: Sở TT&TT.
""", [T("Tập huấn kỹ năng số cho cán bộ cấp xã", ["Sở Nội vụ"], ["UBND các huyện, thị xã, thành phố"],
        "Tháng 10/2026", "deadline", "2026-10-31"),
      T("Nâng cấp Cổng thông tin điện tử tỉnh", ["Sở TT&TT"], [], "Năm 2026", "deadline", "2026-12-31")]),
    "labels-one-line-semicolons": ("""II. NHIỆM VỤ
1. Xây dựng Đề án phát triển kinh tế số
Chủ trì: Sở KH&ĐT; phối hợp: Sở Tài chính, Sở Công Thương; thời gian: trước 30/6/2026.
2. Đào tạo nghề cho lao động nông thôn
Cơ quan chủ trì: Sở LĐ-TB&XH; Cơ quan phối hợp: UBND các huyện; Thời hạn: Hằng năm.
""", [T("Xây dựng Đề án phát triển kinh tế số", ["Sở KH&ĐT"], ["Sở Tài chính", "Sở Công Thương"], "trước 30/6/2026",
        "deadline", "2026-06-30"),
      T("Đào tạo nghề cho lao động nông thôn", ["Sở LĐ-TB&XH"], ["UBND các huyện"], "Hằng năm", "annual")]),
    "labels-one-line-periods": ("""II. NHIỆM VỤ
1. Số hóa hồ sơ học sinh
- Đơn vị chủ trì: Sở GD&ĐT. Đơn vị phối hợp: Sở Tài chính. Thời hạn hoàn thành: Quý IV/2026.
2. Số hóa di sản văn hóa
- Đơn vị chủ trì: Sở VHTTDL. Tiến độ: Giai đoạn 2026-2030.
""", [T("Số hóa hồ sơ học sinh", ["Sở GD&ĐT"], ["Sở Tài chính"], "Quý IV/2026", "deadline", "2026-12-31"),
      T("Số hóa di sản văn hóa", ["Sở VHTTDL"], [], "Giai đoạn 2026-2030", "period")]),
    "labels-bold-markdown": ("""II. NHIỆM VỤ
1. Diễn tập phòng thủ dân sự
**Chủ trì:** BCH Quân sự tỉnh.
**Phối hợp:** Công an tỉnh, Sở Y tế.
**Thời gian:** Quý III/2026.
""", [T("Diễn tập phòng thủ dân sự", ["BCH Quân sự tỉnh"], ["Công an tỉnh", "Sở Y tế"], "Quý III/2026", "deadline",
        "2026-09-30")]),
    "labels-inline-parenthesis": ("""II. NHIỆM VỤ
1. Tổ chức Ngày hội chuyển đổi số (Chủ trì: Sở TT&TT; phối hợp: Tỉnh đoàn; thời gian: Tháng 10/2026).
2. Tổng kết việc thực hiện Kế hoạch (Cơ quan chủ trì: Sở Nội vụ; Thời hạn hoàn thành: Năm 2026).
""", [T("Tổ chức Ngày hội chuyển đổi số", ["Sở TT&TT"], ["Tỉnh đoàn"], "Tháng 10/2026", "deadline", "2026-10-31"),
      T("Tổng kết việc thực hiện Kế hoạch", ["Sở Nội vụ"], [], "Năm 2026", "deadline", "2026-12-31")]),
    "labels-dotted-items": ("""II. NHIỆM VỤ
1. Hạ tầng số
1.1. Phủ sóng 5G các khu công nghiệp
- Chủ trì: Sở TT&TT
- Phối hợp: Ban Quản lý Khu kinh tế tỉnh
- Thời gian: Năm 2026
1.2. Kết nối mạng truyền số liệu chuyên dùng đến cấp xã
- Chủ trì: Sở TT&TT
- Phối hợp: UBND cấp xã
- Thời gian: trước 30/6/2026
""", [T("Phủ sóng 5G các khu công nghiệp", ["Sở TT&TT"], ["Ban Quản lý Khu kinh tế tỉnh"], "Năm 2026", "deadline",
        "2026-12-31"),
      T("Kết nối mạng truyền số liệu chuyên dùng đến cấp xã", ["Sở TT&TT"], ["UBND cấp xã"], "trước 30/6/2026",
        "deadline", "2026-06-30")]),
    # --- 2. tables -------------------------------------------------------------------------------------------------
    "table-synonyms": ("""II. NHIỆM VỤ CỤ THỂ
| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn | Kết quả/Sản phẩm | Ghi chú |
| 1 | Xây dựng kế hoạch truyền thông | Sở TT&TT | Báo Quảng Trị | Quý I/2026 | Kế hoạch | |
| 2 | Kiểm tra an toàn thông tin | Công an tỉnh | Sở TT&TT | Hằng năm | Báo cáo | |
""", [T("Xây dựng kế hoạch truyền thông", ["Sở TT&TT"], ["Báo Quảng Trị"], "Quý I/2026", "deadline", "2026-03-31"),
      T("Kiểm tra an toàn thông tin", ["Công an tỉnh"], ["Sở TT&TT"], "Hằng năm", "annual")]),
    "table-other-order": ("""II. NHIỆM VỤ
| STT | Tên nhiệm vụ | Tiến độ | Đơn vị phối hợp | Đơn vị chủ trì | Ghi chú |
| 1 | Lập quy hoạch hạ tầng số | Năm 2026 | Sở Xây dựng | Sở TT&TT | |
| 2 | Chuyển đổi số trong y tế | Thường xuyên | | Sở Y tế | |
""", [T("Lập quy hoạch hạ tầng số", ["Sở TT&TT"], ["Sở Xây dựng"], "Năm 2026", "deadline", "2026-12-31"),
      T("Chuyển đổi số trong y tế", ["Sở Y tế"], [], "Thường xuyên", "ongoing")]),
    "table-section-rows-and-continuation": ("""II. NHIỆM VỤ
| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| I | CHÍNH QUYỀN SỐ | | | |
| 1 | Triển khai hệ thống quản lý văn bản | Văn phòng UBND tỉnh | Các sở, ban, ngành | Quý II/2026 |
| | liên thông bốn cấp | | | |
| II | KINH TẾ SỐ | | | |
| 1 | Phát triển thương mại điện tử | Sở Công Thương | Sở TT&TT | Năm 2026 |
""", [T("Triển khai hệ thống quản lý văn bản liên thông bốn cấp", ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành"],
        "Quý II/2026", "deadline", "2026-06-30"),
      T("Phát triển thương mại điện tử", ["Sở Công Thương"], ["Sở TT&TT"], "Năm 2026", "deadline", "2026-12-31")]),
    "table-two-row-header": ("""II. NHIỆM VỤ
| STT | Nội dung nhiệm vụ | Phân công thực hiện | | Thời hạn |
| | | Chủ trì | Phối hợp | |
| 1 | Đánh giá mức độ chuyển đổi số cấp xã | Sở TT&TT | UBND cấp xã | Quý IV/2026 |
| 2 | Ban hành chính sách hỗ trợ doanh nghiệp | Sở KH&ĐT | Sở Tài chính | trước 30/6/2026 |
""", [T("Đánh giá mức độ chuyển đổi số cấp xã", ["Sở TT&TT"], ["UBND cấp xã"], "Quý IV/2026", "deadline",
        "2026-12-31"),
      T("Ban hành chính sách hỗ trợ doanh nghiệp", ["Sở KH&ĐT"], ["Sở Tài chính"], "trước 30/6/2026", "deadline",
        "2026-06-30")]),
    "table-tabs-letter-sections": ("II. NHIỆM VỤ\n"
                                   "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\n"
                                   "A\tNHIỆM VỤ CHUNG\t\t\t\n"
                                   "1\tTuyên truyền về chuyển đổi số\tSở VHTTDL\tĐài Phát thanh - Truyền hình tỉnh\tThường xuyên\n"
                                   "B\tNHIỆM VỤ CỤ THỂ\t\t\t\n"
                                   "1\tXây dựng nền tảng số y tế\tSở Y tế\tSở TT&TT\tTháng 10/2026\n",
                                   [T("Tuyên truyền về chuyển đổi số", ["Sở VHTTDL"], ["Đài Phát thanh - Truyền hình tỉnh"],
                                      "Thường xuyên", "ongoing"),
                                    T("Xây dựng nền tảng số y tế", ["Sở Y tế"], ["Sở TT&TT"], "Tháng 10/2026", "deadline",
                                      "2026-10-31")]),
    # --- 3. prose --------------------------------------------------------------------------------------------------
    "prose-giao": ("""II. NHIỆM VỤ
1. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính, Sở Xây dựng và UBND các huyện triển khai rà soát quỹ đất, hoàn thành trong Quý II/2026.
2. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ tham mưu UBND tỉnh ban hành quy chế phối hợp trước ngày 30/6/2026.
""", [T("Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính, Sở Xây dựng và UBND các huyện triển "
        "khai rà soát quỹ đất, hoàn thành trong Quý II/2026.", ["Sở Nông nghiệp và Môi trường"],
        ["Sở Tài chính", "Sở Xây dựng", "UBND các huyện"], "hoàn thành trong Quý II/2026", "deadline", "2026-06-30"),
      T("Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ tham mưu UBND tỉnh ban hành quy chế phối hợp trước ngày 30/6/2026.",
        ["Sở Tư pháp"], ["Sở Nội vụ"], "trước ngày 30/6/2026", "deadline", "2026-06-30")]),
    "prose-organisation-part": ("""II. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao nhận thức về chuyển đổi số.
III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp báo cáo UBND tỉnh trước ngày 15/12/2026.
2. Đề nghị Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền, vận động Nhân dân tham gia.
3. Đề nghị Liên đoàn Lao động tỉnh và các đoàn thể tỉnh phổ biến kỹ năng số cho đoàn viên, hội viên.
4. UBND các huyện, thị xã, thành phố: xây dựng kế hoạch triển khai tại địa phương, hoàn thành trong tháng 4/2026.
""", [T("Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng "
        "hợp báo cáo UBND tỉnh trước ngày 15/12/2026.", ["Sở Khoa học và Công nghệ"], ["các sở, ngành"],
        "trước ngày 15/12/2026", "deadline", "2026-12-15"),
      T("Đề nghị Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền, vận động Nhân dân tham gia.",
        ["Ủy ban MTTQ tỉnh", "các tổ chức chính trị - xã hội tỉnh"], []),
      T("Đề nghị Liên đoàn Lao động tỉnh và các đoàn thể tỉnh phổ biến kỹ năng số cho đoàn viên, hội viên.",
        ["Liên đoàn Lao động tỉnh", "các đoàn thể tỉnh"], []),
      # "X: …" (the agency as the point's heading): the words after the colon are the title, as the keys have it
      T("xây dựng kế hoạch triển khai tại địa phương, hoàn thành trong tháng 4/2026.",
        ["UBND các huyện, thị xã, thành phố"], [], "hoàn thành trong tháng 4/2026", "deadline", "2026-04-30")]),
    # --- 4. a lead on a heading ------------------------------------------------------------------------------------
    "heading-agency-colon": ("""II. NHIỆM VỤ
1. Sở Y tế:
- Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh, hoàn thành trong năm 2026.
- Phối hợp với Bảo hiểm xã hội tỉnh kết nối dữ liệu khám chữa bệnh, thực hiện thường xuyên.
2. Sở GD&ĐT:
- Triển khai học bạ số, hoàn thành trước 30/6/2026.
""", [T("Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh, hoàn thành trong năm 2026.", ["Sở Y tế"], [],
        "hoàn thành trong năm 2026", "deadline", "2026-12-31"),
      T("Phối hợp với Bảo hiểm xã hội tỉnh kết nối dữ liệu khám chữa bệnh, thực hiện thường xuyên.", ["Sở Y tế"],
        ["Bảo hiểm xã hội tỉnh"], "thực hiện thường xuyên", "ongoing"),
      T("Triển khai học bạ số, hoàn thành trước 30/6/2026.", ["Sở GD&ĐT"], [], "hoàn thành trước 30/6/2026",
        "deadline", "2026-06-30")]),
    "heading-chu-tri-cac-nhiem-vu-sau": ("""II. NHIỆM VỤ
1. Sở Y tế chủ trì thực hiện các nhiệm vụ sau:
a) Triển khai hồ sơ sức khỏe điện tử; thời gian: Năm 2026.
b) Xây dựng trung tâm điều hành y tế thông minh; thời gian: Giai đoạn 2026-2030.
2. Giao Sở Nội vụ:
a) Triển khai hồ sơ công việc trên môi trường điện tử; thời gian: Quý III/2026.
""", [T("Triển khai hồ sơ sức khỏe điện tử", ["Sở Y tế"], [], "Năm 2026", "deadline", "2026-12-31"),
      T("Xây dựng trung tâm điều hành y tế thông minh", ["Sở Y tế"], [], "Giai đoạn 2026-2030", "period"),
      T("Triển khai hồ sơ công việc trên môi trường điện tử", ["Sở Nội vụ"], [], "Quý III/2026", "deadline",
        "2026-09-30")]),
    # --- second batch (written after the first rules) -----------------------------------------------------------
    "labels-coordinators-first-bold-outside": ("""II. NHIỆM VỤ
1. Kiểm tra việc sử dụng chữ ký số
- **Cơ quan phối hợp**: Sở Nội vụ.
- **Cơ quan chủ trì**: Sở TT&TT.
- **Thời gian hoàn thành**: trước 30/6/2026.
""", [T("Kiểm tra việc sử dụng chữ ký số", ["Sở TT&TT"], ["Sở Nội vụ"], "trước 30/6/2026", "deadline",
        "2026-06-30")]),
    "labels-lettered-points": ("""II. NHIỆM VỤ
1. Phát triển xã hội số
a) Phổ cập kỹ năng số cho người dân
Chủ trì: Tỉnh đoàn. Phối hợp: Sở GD&ĐT, Hội Liên hiệp Phụ nữ tỉnh. Thời gian: Hằng năm.
b) Phát triển tổ công nghệ số cộng đồng
Chủ trì: UBND các huyện, thị xã, thành phố; Thời gian: Thường xuyên.
""", [T("Phổ cập kỹ năng số cho người dân", ["Tỉnh đoàn"], ["Sở GD&ĐT", "Hội Liên hiệp Phụ nữ tỉnh"], "Hằng năm",
        "annual"),
      T("Phát triển tổ công nghệ số cộng đồng", ["UBND các huyện, thị xã, thành phố"], [], "Thường xuyên", "ongoing")]),
    "table-no-number-column": ("""II. NHIỆM VỤ
| Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | Ghi chú |
| Ban hành danh mục cơ sở dữ liệu dùng chung | Sở KH&ĐT | Các sở, ban, ngành | Quý II/2026 | |
| Vận hành Trung tâm giám sát an toàn thông tin | Công an tỉnh | Sở TT&TT | Thường xuyên | |
""", [T("Ban hành danh mục cơ sở dữ liệu dùng chung", ["Sở KH&ĐT"], ["Các sở, ban, ngành"], "Quý II/2026",
        "deadline", "2026-06-30"),
      T("Vận hành Trung tâm giám sát an toàn thông tin", ["Công an tỉnh"], ["Sở TT&TT"], "Thường xuyên", "ongoing")]),
    "table-product-before-lead-dotted-sections": ("""II. NHIỆM VỤ
| TT | Nhiệm vụ | Kết quả/Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
| 1 | Nhóm nhiệm vụ về thể chế | | | | |
| 1.1 | Ban hành quy chế quản lý dữ liệu | Quyết định của UBND tỉnh | Sở KH&ĐT | Sở Tư pháp | Quý III/2026 |
| 1.2 | Sửa đổi quy chế tiếp nhận văn bản | Quyết định | Văn phòng UBND tỉnh | | Năm 2026 |
| 2 | Nhóm nhiệm vụ về nhân lực | | | | |
| 2.1 | Đào tạo chuyên gia an toàn thông tin | Lớp đào tạo | Sở Nội vụ | Sở TT&TT | Giai đoạn 2026-2030 |
""", [T("Ban hành quy chế quản lý dữ liệu", ["Sở KH&ĐT"], ["Sở Tư pháp"], "Quý III/2026", "deadline", "2026-09-30"),
      T("Sửa đổi quy chế tiếp nhận văn bản", ["Văn phòng UBND tỉnh"], [], "Năm 2026", "deadline", "2026-12-31"),
      T("Đào tạo chuyên gia an toàn thông tin", ["Sở Nội vụ"], ["Sở TT&TT"], "Giai đoạn 2026-2030", "period")]),
    "prose-dashes-under-a-topic": ("""II. NHIỆM VỤ, GIẢI PHÁP
1. Về phát triển hạ tầng
- Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Sở Nông nghiệp và Môi trường và UBND các huyện triển khai quy hoạch hạ tầng kỹ thuật, hoàn thành trong Quý II/2026.
- Sở Công Thương chủ trì, phối hợp với Sở TT&TT tham mưu UBND tỉnh ban hành đề án phát triển thương mại điện tử trước ngày 30/6/2026.
""", [T("Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Sở Nông nghiệp và Môi trường và UBND các huyện triển "
        "khai quy hoạch hạ tầng kỹ thuật, hoàn thành trong Quý II/2026.", ["Sở Xây dựng"],
        ["Sở Tài chính", "Sở Nông nghiệp và Môi trường", "UBND các huyện"], "hoàn thành trong Quý II/2026", "deadline",
        "2026-06-30"),
      T("Sở Công Thương chủ trì, phối hợp với Sở TT&TT tham mưu UBND tỉnh ban hành đề án phát triển thương mại điện "
        "tử trước ngày 30/6/2026.", ["Sở Công Thương"], ["Sở TT&TT"], "trước ngày 30/6/2026", "deadline",
        "2026-06-30")]),
    "heading-leads-under-organisation": ("""II. NHIỆM VỤ
1. Nâng cao nhận thức về chuyển đổi số.
III. TỔ CHỨC THỰC HIỆN
1. Sở LĐ-TB&XH:
- Chủ trì, phối hợp với Sở Nội vụ đào tạo kỹ năng số cho người lao động, thực hiện hằng năm.
2. BCH Quân sự tỉnh, Công an tỉnh:
- Bảo đảm an ninh, an toàn thông tin trên địa bàn tỉnh, thực hiện thường xuyên.
3. UBND các huyện, thị xã, thành phố:
- Bố trí nhân lực chuyển đổi số cấp xã, hoàn thành trong năm 2026.
""", [T("Chủ trì, phối hợp với Sở Nội vụ đào tạo kỹ năng số cho người lao động, thực hiện hằng năm.", ["Sở LĐ-TB&XH"],
        ["Sở Nội vụ"], "thực hiện hằng năm", "annual"),
      T("Bảo đảm an ninh, an toàn thông tin trên địa bàn tỉnh, thực hiện thường xuyên.",
        ["BCH Quân sự tỉnh", "Công an tỉnh"], [], "thực hiện thường xuyên", "ongoing"),
      T("Bố trí nhân lực chuyển đổi số cấp xã, hoàn thành trong năm 2026.", ["UBND các huyện, thị xã, thành phố"], [],
        "hoàn thành trong năm 2026", "deadline", "2026-12-31")]),
    "heading-giao-with-dashes": ("""II. NHIỆM VỤ CỤ THỂ
1. Giao Sở Nội vụ:
- Xây dựng Đề án vị trí việc làm về chuyển đổi số, hoàn thành trước 30/6/2026.
- Hướng dẫn đánh giá cán bộ theo kết quả số hóa, hằng năm.
2. Sở Tài chính chủ trì thực hiện các nhiệm vụ sau:
- Bố trí kinh phí thực hiện Kế hoạch, hằng năm.
""", [T("Xây dựng Đề án vị trí việc làm về chuyển đổi số, hoàn thành trước 30/6/2026.", ["Sở Nội vụ"], [],
        "hoàn thành trước 30/6/2026", "deadline", "2026-06-30"),
      T("Hướng dẫn đánh giá cán bộ theo kết quả số hóa, hằng năm.", ["Sở Nội vụ"], [], "hằng năm", "annual"),
      T("Bố trí kinh phí thực hiện Kế hoạch, hằng năm.", ["Sở Tài chính"], [], "hằng năm", "annual")]),
    # --- third batch -----------------------------------------------------------------------------------------------
    "labels-on-the-item-line": ("""II. NHIỆM VỤ
1. Xây dựng cơ sở dữ liệu đất đai. Chủ trì: Sở Nông nghiệp và Môi trường; thời hạn: Quý II/2026.
2. Rà soát quy hoạch sử dụng đất - Cơ quan chủ trì thực hiện: UBND các huyện - Thời gian: Năm 2026.
""", [T("Xây dựng cơ sở dữ liệu đất đai", ["Sở Nông nghiệp và Môi trường"], [], "Quý II/2026", "deadline",
        "2026-06-30"),
      T("Rà soát quy hoạch sử dụng đất", ["UBND các huyện"], [], "Năm 2026", "deadline", "2026-12-31")]),
    "labels-en-dash-and-two-values": ("""II. NHIỆM VỤ
1. Phát triển du lịch thông minh
– Chủ trì thực hiện: Sở VHTTDL.
– Phối hợp thực hiện: Sở TT&TT; UBND các huyện, thị xã, thành phố.
– Thời gian thực hiện: Thường xuyên, hằng năm.
""", [T("Phát triển du lịch thông minh", ["Sở VHTTDL"], ["Sở TT&TT", "UBND các huyện, thị xã, thành phố"],
        "Thường xuyên, hằng năm", "annual")]),  # the yearly word wins (timeframes.py tries it first)
    "table-roman-dotted-numbers-and-two-leads": ("""II. NHIỆM VỤ
| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành | Sản phẩm |
| I. | NHIỆM VỤ VỀ THỂ CHẾ | | | | |
| 1. | Ban hành quy định về chia sẻ dữ liệu | Sở KH&ĐT | Các sở, ban, ngành | Tháng 10/2026 | Quyết định |
| 2. | Xây dựng chính sách thu hút nhân lực số | Sở Nội vụ; Sở Tài chính | Sở TT&TT | Năm 2025 | Nghị quyết |
""", [T("Ban hành quy định về chia sẻ dữ liệu", ["Sở KH&ĐT"], ["Các sở, ban, ngành"], "Tháng 10/2026", "deadline",
        "2026-10-31"),
      T("Xây dựng chính sách thu hút nhân lực số", ["Sở Nội vụ", "Sở Tài chính"], ["Sở TT&TT"], "Năm 2025",
        "deadline", "2025-12-31")]),
    "prose-related-bodies-and-police": ("""II. NHIỆM VỤ
1. Giao UBND các huyện, thị xã, thành phố chủ trì, phối hợp với các cơ quan có liên quan triển khai thu gom rác thải, hoàn thành trước ngày 31/12/2026.
2. Công an tỉnh chủ trì, phối hợp với BCH Quân sự tỉnh bảo đảm an ninh trật tự, thực hiện thường xuyên.
""", [T("Giao UBND các huyện, thị xã, thành phố chủ trì, phối hợp với các cơ quan có liên quan triển khai thu gom rác "
        "thải, hoàn thành trước ngày 31/12/2026.", ["UBND các huyện, thị xã, thành phố"], ["các cơ quan có liên quan"],
        "hoàn thành trước ngày 31/12/2026", "deadline", "2026-12-31"),
      T("Công an tỉnh chủ trì, phối hợp với BCH Quân sự tỉnh bảo đảm an ninh trật tự, thực hiện thường xuyên.",
        ["Công an tỉnh"], ["BCH Quân sự tỉnh"], "thực hiện thường xuyên", "ongoing")]),
    "heading-lettered-agencies": ("""II. NHIỆM VỤ
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành
a) Sở Y tế:
- Xây dựng kế hoạch phòng chống dịch, hoàn thành trong Quý I/2026.
b) Sở GD&ĐT:
- Tổ chức khám sức khỏe học sinh, hằng năm.
""", [T("Xây dựng kế hoạch phòng chống dịch, hoàn thành trong Quý I/2026.", ["Sở Y tế"], [],
        "hoàn thành trong Quý I/2026", "deadline", "2026-03-31"),
      T("Tổ chức khám sức khỏe học sinh, hằng năm.", ["Sở GD&ĐT"], [], "hằng năm", "annual")]),
    "heading-agency-without-colon-and-a-paragraph": ("""II. NHIỆM VỤ
III. TRÁCH NHIỆM THỰC HIỆN
1. Sở Tài chính
Chủ trì, phối hợp với Sở KH&ĐT tham mưu bố trí kinh phí thực hiện Kế hoạch, hằng năm.
2. Sở Tư pháp
Thẩm định các văn bản quy phạm pháp luật liên quan, thường xuyên.
""", [T("Chủ trì, phối hợp với Sở KH&ĐT tham mưu bố trí kinh phí thực hiện Kế hoạch, hằng năm.", ["Sở Tài chính"],
        ["Sở KH&ĐT"], "hằng năm", "annual"),
      T("Thẩm định các văn bản quy phạm pháp luật liên quan, thường xuyên.", ["Sở Tư pháp"], [], "thường xuyên",
        "ongoing")]),
    # --- fourth batch ----------------------------------------------------------------------------------------------
    "labels-who-leads-and-who-helps-in-one-value": ("""II. NHIỆM VỤ
1. Xây dựng bản đồ số du lịch
- Cơ quan thực hiện: Sở VHTTDL chủ trì; Sở TT&TT, UBND các huyện phối hợp.
- Thời gian: Quý IV/2026.
""", [T("Xây dựng bản đồ số du lịch", ["Sở VHTTDL"], ["Sở TT&TT", "UBND các huyện"], "Quý IV/2026", "deadline",
        "2026-12-31")]),
    "table-tabs-two-row-header": ("II. NHIỆM VỤ\n"
                                  "STT\tNhiệm vụ, giải pháp\tCơ quan, đơn vị thực hiện\t\tThời gian hoàn thành\n"
                                  "\t\tChủ trì\tPhối hợp\t\n"
                                  "1\tCải cách thủ tục hành chính\tVăn phòng UBND tỉnh\tSở Tư pháp\tTrước 30/6/2025\n"
                                  "2\tĐo lường sự hài lòng của người dân\tSở Nội vụ\t\tGiai đoạn 2026-2030\n",
                                  [T("Cải cách thủ tục hành chính", ["Văn phòng UBND tỉnh"], ["Sở Tư pháp"],
                                     "Trước 30/6/2025", "deadline", "2025-06-30"),
                                   T("Đo lường sự hài lòng của người dân", ["Sở Nội vụ"], [], "Giai đoạn 2026-2030",
                                     "period")]),
    "heading-group-under-tasks-part": ("""II. NHIỆM VỤ CỤ THỂ
1. UBND các huyện, thị xã, thành phố:
- Kiện toàn Ban Chỉ đạo chuyển đổi số cấp huyện, hoàn thành trong Quý I/2026.
2. Các sở, ban, ngành:
- Cập nhật dữ liệu chuyên ngành lên hệ thống, thường xuyên.
""", [T("Kiện toàn Ban Chỉ đạo chuyển đổi số cấp huyện, hoàn thành trong Quý I/2026.",
        ["UBND các huyện, thị xã, thành phố"], [], "hoàn thành trong Quý I/2026", "deadline", "2026-03-31"),
      T("Cập nhật dữ liệu chuyên ngành lên hệ thống, thường xuyên.", ["Các sở, ban, ngành"], [], "thường xuyên",
        "ongoing")]),
    # --- fifth batch -----------------------------------------------------------------------------------------------
    "organisation-colon-paragraphs": ("""II. NHIỆM VỤ
1. Nâng cao nhận thức về cải cách hành chính.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định, hằng năm.
2. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố: Căn cứ chức năng, nhiệm vụ, xây dựng kế hoạch thực hiện, gửi Sở Nội vụ trước ngày 30/4/2026.
3. Báo Quảng Trị, Đài Phát thanh - Truyền hình tỉnh: Mở chuyên mục tuyên truyền về cải cách hành chính, thường xuyên.
4. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh: Phối hợp tuyên truyền, vận động Nhân dân.
""", [T("Tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định, hằng năm.", ["Sở Tài chính"], [], "hằng năm",
        "annual"),
      T("Căn cứ chức năng, nhiệm vụ, xây dựng kế hoạch thực hiện, gửi Sở Nội vụ trước ngày 30/4/2026.",
        ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"], [], "trước ngày 30/4/2026", "deadline",
        "2026-04-30"),
      T("Mở chuyên mục tuyên truyền về cải cách hành chính, thường xuyên.",
        ["Báo Quảng Trị", "Đài Phát thanh - Truyền hình tỉnh"], [], "thường xuyên", "ongoing"),
      T("Phối hợp tuyên truyền, vận động Nhân dân.",
        ["Ủy ban MTTQ Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"], [])]),
    "prose-dash-with-related-and-dotted-heading": ("""II. NHIỆM VỤ
1. Y tế
- Sở Y tế chủ trì, phối hợp với Sở Tài chính, Bảo hiểm xã hội tỉnh và các cơ quan liên quan triển khai thanh toán không dùng tiền mặt tại bệnh viện, hoàn thành trước ngày 30/9/2026.
2. Công Thương
2.1. Sở Công Thương:
- Xây dựng sàn giao dịch thương mại điện tử của tỉnh, hoàn thành trong Quý IV/2026.
- Hỗ trợ doanh nghiệp đưa sản phẩm lên sàn, thường xuyên.
""", [T("Sở Y tế chủ trì, phối hợp với Sở Tài chính, Bảo hiểm xã hội tỉnh và các cơ quan liên quan triển khai thanh "
        "toán không dùng tiền mặt tại bệnh viện, hoàn thành trước ngày 30/9/2026.", ["Sở Y tế"],
        ["Sở Tài chính", "Bảo hiểm xã hội tỉnh", "các cơ quan liên quan"], "hoàn thành trước ngày 30/9/2026",
        "deadline", "2026-09-30"),
      T("Xây dựng sàn giao dịch thương mại điện tử của tỉnh, hoàn thành trong Quý IV/2026.", ["Sở Công Thương"], [],
        "hoàn thành trong Quý IV/2026", "deadline", "2026-12-31"),
      T("Hỗ trợ doanh nghiệp đưa sản phẩm lên sàn, thường xuyên.", ["Sở Công Thương"], [], "thường xuyên",
        "ongoing")]),
    # --- sixth batch -----------------------------------------------------------------------------------------------
    "item-heading-then-a-giao-paragraph": ("""II. NHIỆM VỤ
1. Rà soát, sắp xếp các đơn vị sự nghiệp công lập
Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và các đơn vị liên quan tổ chức thực hiện; thời gian hoàn thành: Quý II/2026.
2. Chuyển đổi số trong quản lý tài sản công
Giao Sở Tài chính chủ trì, phối hợp với Sở KH&ĐT tham mưu UBND tỉnh triển khai trong năm 2026.
""", [T("Rà soát, sắp xếp các đơn vị sự nghiệp công lập", ["Sở Nội vụ"], ["Sở Tài chính", "các đơn vị liên quan"],
        "Quý II/2026", "deadline", "2026-06-30"),
      T("Chuyển đổi số trong quản lý tài sản công", ["Sở Tài chính"], ["Sở KH&ĐT"], "trong năm 2026", "deadline",
        "2026-12-31")]),
    "table-two-cell-section-rows-and-a-lead-marked-chu-tri": ("""II. NHIỆM VỤ
| STT | Nội dung | Đơn vị thực hiện | Thời gian |
| A | NHIỆM VỤ TRỌNG TÂM |
| 1 | Triển khai Đề án 06 | Công an tỉnh | Năm 2026 |
| B | NHIỆM VỤ THƯỜNG XUYÊN |
| 1 | Cập nhật dữ liệu dân cư | UBND cấp xã | Thường xuyên |
""", [T("Triển khai Đề án 06", ["Công an tỉnh"], [], "Năm 2026", "deadline", "2026-12-31"),
      T("Cập nhật dữ liệu dân cư", ["UBND cấp xã"], [], "Thường xuyên", "ongoing")]),
    # --- seventh batch ---------------------------------------------------------------------------------------------
    "labels-wrapped-value-and-other-labels": ("""II. NHIỆM VỤ
1. Xây dựng hệ thống camera giám sát giao thông
- Cơ quan chủ trì thực hiện: Công an tỉnh.
- Cơ quan phối hợp: Sở Xây dựng, Sở Tài chính, UBND các huyện,
thị xã, thành phố.
- Kinh phí: Ngân sách tỉnh.
- Thời gian hoàn thành: Trong năm 2026.
""", [T("Xây dựng hệ thống camera giám sát giao thông", ["Công an tỉnh"],
        ["Sở Xây dựng", "Sở Tài chính", "UBND các huyện, thị xã, thành phố"], "Trong năm 2026", "deadline",
        "2026-12-31")]),
    "table-no-outer-pipes-long-headers": ("""II. NHIỆM VỤ
TT | Nhiệm vụ | Cơ quan chủ trì thực hiện | Cơ quan phối hợp thực hiện | Thời gian thực hiện/hoàn thành
1 | Xây dựng khung kiến trúc số của tỉnh | Sở KH&CN | Các sở, ban, ngành | Quý II/2026
2 | Đánh giá an toàn hệ thống thông tin cấp độ | Công an tỉnh | Sở KH&CN | Hằng năm
""", [T("Xây dựng khung kiến trúc số của tỉnh", ["Sở KH&CN"], ["Các sở, ban, ngành"], "Quý II/2026", "deadline",
        "2026-06-30"),
      T("Đánh giá an toàn hệ thống thông tin cấp độ", ["Công an tỉnh"], ["Sở KH&CN"], "Hằng năm", "annual")]),
    "prose-topic-colon-giao": ("""II. NHIỆM VỤ
1. Về đào tạo: Giao Sở Nội vụ chủ trì, phối hợp với Sở KH&CN tổ chức bồi dưỡng kỹ năng số cho công chức, hoàn thành trong Quý III/2026.
2. Về quốc phòng: Giao BCH Quân sự tỉnh chủ trì, phối hợp với Công an tỉnh xây dựng kế hoạch diễn tập, thực hiện hằng năm.
""", [T("Về đào tạo: Giao Sở Nội vụ chủ trì, phối hợp với Sở KH&CN tổ chức bồi dưỡng kỹ năng số cho công chức, hoàn "
        "thành trong Quý III/2026.", ["Sở Nội vụ"], ["Sở KH&CN"], "hoàn thành trong Quý III/2026", "deadline",
        "2026-09-30"),
      T("Về quốc phòng: Giao BCH Quân sự tỉnh chủ trì, phối hợp với Công an tỉnh xây dựng kế hoạch diễn tập, thực "
        "hiện hằng năm.", ["BCH Quân sự tỉnh"], ["Công an tỉnh"], "thực hiện hằng năm", "annual")]),
    "heading-with-a-standing-role": ("""II. NHIỆM VỤ
III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ (cơ quan thường trực):
- Hướng dẫn, đôn đốc các cơ quan triển khai Kế hoạch, thường xuyên.
- Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12/2026.
""", [T("Hướng dẫn, đôn đốc các cơ quan triển khai Kế hoạch, thường xuyên.", ["Sở Khoa học và Công nghệ"], [],
        "thường xuyên", "ongoing"),
      T("Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12/2026.", ["Sở Khoa học và Công nghệ"], [],
        "trước ngày 15/12/2026", "deadline", "2026-12-15")]),
    # --- eighth batch ----------------------------------------------------------------------------------------------
    "labels-under-lettered-points-with-dashes": ("""II. NHIỆM VỤ
1. Chuyển đổi số trong nông nghiệp
a) Xây dựng cơ sở dữ liệu vùng trồng
- Chủ trì: Sở Nông nghiệp và Môi trường;
- Phối hợp: UBND các huyện, thị xã, thành phố;
- Thời hạn: Quý IV/2026.
b) Truy xuất nguồn gốc nông sản
- Chủ trì: Sở Nông nghiệp và Môi trường;
- Thời hạn: Thường xuyên.
""", [T("Xây dựng cơ sở dữ liệu vùng trồng", ["Sở Nông nghiệp và Môi trường"], ["UBND các huyện, thị xã, thành phố"],
        "Quý IV/2026", "deadline", "2026-12-31"),
      T("Truy xuất nguồn gốc nông sản", ["Sở Nông nghiệp và Môi trường"], [], "Thường xuyên", "ongoing")]),
    "table-pipes-with-section-text-rows": ("""II. NHIỆM VỤ
| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn | Ghi chú |
| 1 | Nhiệm vụ về hạ tầng | | | | |
| - | Nâng cấp Trung tâm dữ liệu tỉnh | Sở KH&CN | Sở Tài chính | Quý II/2026 | |
| - | Mở rộng mạng WAN tỉnh | Sở KH&CN | | Năm 2026 | |
""", [T("Nâng cấp Trung tâm dữ liệu tỉnh", ["Sở KH&CN"], ["Sở Tài chính"], "Quý II/2026", "deadline", "2026-06-30"),
      T("Mở rộng mạng WAN tỉnh", ["Sở KH&CN"], [], "Năm 2026", "deadline", "2026-12-31")]),
    "prose-ubnd-cac-huyen-with-dashes": ("""II. NHIỆM VỤ
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí kinh phí, hằng năm.
2. UBND các huyện, thị xã, thành phố:
- Chỉ đạo UBND cấp xã triển khai Kế hoạch tại địa phương, thường xuyên.
- Báo cáo kết quả thực hiện về Sở Tài chính trước ngày 15/11 hằng năm.
""", [T("Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí kinh phí, hằng năm.",
        ["Sở Tài chính"], ["các cơ quan liên quan"], "hằng năm", "annual"),
      T("Chỉ đạo UBND cấp xã triển khai Kế hoạch tại địa phương, thường xuyên.",
        ["UBND các huyện, thị xã, thành phố"], [], "thường xuyên", "ongoing"),
      T("Báo cáo kết quả thực hiện về Sở Tài chính trước ngày 15/11 hằng năm.", ["UBND các huyện, thị xã, thành phố"],
        [])]),  # a report's recurring date is the reporting rule's, not the task's timeframe (the keys' convention)
}


def test_a_row_under_a_title_ended_by_its_full_stop_does_not_go_on_with_it():
    """A transcription's spill ("| | … công bố kết quả. | | |" repeating the end of the row above) is no more title."""
    plan = read("""II. NHIỆM VỤ
| TT | Nội dung | Cơ quan chủ trì | Thời hạn |
| 1 | Xây dựng bộ tiêu chí đánh giá. Công bố kết quả. | Sở Nội vụ | Năm 2026 |
| | công bố kết quả. | | |
""")
    assert [t.title for t in plan.tasks] == ["Xây dựng bộ tiêu chí đánh giá. Công bố kết quả."]


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_variant_is_read_right(name):
    body, want = VARIANTS[name]
    assert got(read(body)) == want


def _docx(rows, merged=()):
    from docx import Document

    document = Document()
    for line in HEADER.strip().splitlines() + ["II. NHIỆM VỤ"]:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, c in enumerate(row):
            table.cell(i, j).text = c
    for i, a, b in merged:
        table.cell(i, a).merge(table.cell(i, b))
    buffer = io.BytesIO()
    document.save(buffer)
    return parse_document("plan.docx", buffer.getvalue())


def test_a_docx_table_with_a_two_row_header_and_a_merged_section_row():
    plan = _docx([["STT", "Tên nhiệm vụ", "Phân công", "", "Tiến độ", "Ghi chú"],
                  ["", "", "Đơn vị chủ trì", "Đơn vị phối hợp", "", ""],
                  ["I", "HẠ TẦNG SỐ", "", "", "", ""],
                  ["1", "Phủ sóng di động vùng lõm", "Sở TT&TT", "UBND các huyện", "Quý II/2026", ""],
                  ["2", "Kết nối cáp quang đến thôn", "Sở TT&TT", "", "Năm 2026", ""]],
                 merged=[(0, 2, 3), (2, 1, 5)])
    assert got(plan) == [T("Phủ sóng di động vùng lõm", ["Sở TT&TT"], ["UBND các huyện"], "Quý II/2026", "deadline",
                           "2026-06-30"),
                         T("Kết nối cáp quang đến thôn", ["Sở TT&TT"], [], "Năm 2026", "deadline", "2026-12-31")]


def test_a_docx_two_row_header_whose_first_cells_are_merged_down():
    """python-docx gives a vertically merged cell's words again in the row below: "STT" over "STT"."""
    from docx import Document

    document = Document()
    for line in HEADER.strip().splitlines() + ["II. NHIỆM VỤ"]:
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=6)
    for j, c in enumerate(["STT", "Nội dung", "Thời hạn", "Phân công", "", "Ghi chú"]):
        table.cell(0, j).text = c
    for j, c in enumerate(["", "", "", "Chủ trì", "Phối hợp", ""]):
        table.cell(1, j).text = c
    for j, c in enumerate(["1", "Cấp chữ ký số cho cán bộ", "Quý I/2026", "Sở Nội vụ", "Sở TT&TT", ""]):
        table.cell(2, j).text = c
    table.cell(0, 3).merge(table.cell(0, 4))
    for j in (0, 1, 2, 5):
        table.cell(0, j).merge(table.cell(1, j))
    buffer = io.BytesIO()
    document.save(buffer)
    plan = parse_document("plan.docx", buffer.getvalue())
    assert got(plan) == [T("Cấp chữ ký số cho cán bộ", ["Sở Nội vụ"], ["Sở TT&TT"], "Quý I/2026", "deadline",
                           "2026-03-31")]


def test_docx_paragraphs_with_bold_labels_and_an_inherited_lead():
    from docx import Document

    document = Document()
    for line in HEADER.strip().splitlines() + ["II. NHIỆM VỤ", "1. Xây dựng kho dữ liệu nông nghiệp"]:
        document.add_paragraph(line)
    for label, value in [("Đơn vị chủ trì: ", "Sở Nông nghiệp và Môi trường."), ("Đơn vị phối hợp: ", "Sở KH&ĐT."),
                         ("Thời hạn: ", "Quý II/2026.")]:
        paragraph = document.add_paragraph("- ")
        paragraph.add_run(label).bold = True
        paragraph.add_run(value)
    for line in ["2. Sở Y tế chủ trì thực hiện các nhiệm vụ sau:", "- Triển khai tiêm chủng số, hằng năm."]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    plan = parse_document("plan.docx", buffer.getvalue())
    assert got(plan) == [T("Xây dựng kho dữ liệu nông nghiệp", ["Sở Nông nghiệp và Môi trường"], ["Sở KH&ĐT"],
                           "Quý II/2026", "deadline", "2026-06-30"),
                         T("Triển khai tiêm chủng số, hằng năm.", ["Sở Y tế"], [], "hằng năm", "annual")]


def test_a_docx_table_whose_cells_hold_several_paragraphs():
    plan = _docx([["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"],
                  ["1", "Xây dựng cơ sở dữ liệu ngành", "Sở Y tế", "Sở TT&TT\nSở Tài chính", "Quý III/2026"],
                  ["2", "Đào tạo nhân lực y tế số", "Sở Y tế", "Sở Nội vụ;\nUBND các huyện", "Hằng năm"]])
    assert got(plan) == [T("Xây dựng cơ sở dữ liệu ngành", ["Sở Y tế"], ["Sở TT&TT", "Sở Tài chính"], "Quý III/2026",
                           "deadline", "2026-09-30"),
                         T("Đào tạo nhân lực y tế số", ["Sở Y tế"], ["Sở Nội vụ", "UBND các huyện"], "Hằng năm",
                           "annual")]


def test_a_docx_table_with_merged_part_rows_and_dotted_numbers():
    plan = _docx([["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Sản phẩm"],
                  ["A", "NHIỆM VỤ CHUNG", "", "", "", ""],
                  ["1", "Quán triệt, phổ biến Kế hoạch", "Các sở, ban, ngành", "", "Quý I/2026", "Hội nghị"],
                  ["B", "NHIỆM VỤ CỤ THỂ", "", "", "", ""],
                  ["1", "Lĩnh vực y tế", "", "", "", ""],
                  ["1.1", "Triển khai bệnh án điện tử", "Sở Y tế", "Bảo hiểm xã hội tỉnh", "Năm 2026", "Hệ thống"]],
                 merged=[(1, 0, 5), (3, 0, 5), (4, 1, 5)])
    assert got(plan) == [T("Quán triệt, phổ biến Kế hoạch", ["Các sở, ban, ngành"], [], "Quý I/2026", "deadline",
                           "2026-03-31"),
                         T("Triển khai bệnh án điện tử", ["Sở Y tế"], ["Bảo hiểm xã hội tỉnh"], "Năm 2026", "deadline",
                           "2026-12-31")]


def test_docx_word_numbered_items_with_labels_on_one_line():
    from docx import Document

    document = Document()
    for line in HEADER.strip().splitlines() + ["II. NHIỆM VỤ"]:
        document.add_paragraph(line)
    document.add_paragraph("Hoàn thiện Cổng dịch vụ công của tỉnh", style="List Number")
    document.add_paragraph("Cơ quan chủ trì: Văn phòng UBND tỉnh; cơ quan phối hợp: Sở KH&CN; thời hạn: Quý II/2026.")
    document.add_paragraph("Số hóa kết quả giải quyết thủ tục hành chính", style="List Number")
    document.add_paragraph("Cơ quan chủ trì: Các sở, ban, ngành; thời hạn: Thường xuyên.")
    buffer = io.BytesIO()
    document.save(buffer)
    plan = parse_document("plan.docx", buffer.getvalue())
    assert got(plan) == [T("Hoàn thiện Cổng dịch vụ công của tỉnh", ["Văn phòng UBND tỉnh"], ["Sở KH&CN"], "Quý II/2026",
                           "deadline", "2026-06-30"),
                         T("Số hóa kết quả giải quyết thủ tục hành chính", ["Các sở, ban, ngành"], [], "Thường xuyên",
                           "ongoing")]


def test_a_docx_table_in_another_column_order():
    plan = _docx([["TT", "Đơn vị chủ trì", "Nội dung", "Thời hạn hoàn thành", "Đơn vị phối hợp"],
                  ["1", "Sở Tài chính", "Bố trí kinh phí thực hiện", "Hằng năm", "Sở KH&ĐT"]])
    assert got(plan) == [T("Bố trí kinh phí thực hiện", ["Sở Tài chính"], ["Sở KH&ĐT"], "Hằng năm", "annual")]


@pytest.mark.parametrize("text, period, due, to", [
    ("Các sở, ban, ngành báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/11 hằng năm.",
     # the body reported to, not the office in brackets the reports go through (round 20; "gửi về X (qua Y)" was
     # read so already; before, the office in brackets)
     "yearly", "11-15", ["UBND tỉnh"]),
    ("Các sở, ban, ngành báo cáo kết quả thực hiện trước ngày 15 tháng 11 hằng năm về UBND tỉnh.",
     "yearly", "11-15", ["UBND tỉnh"]),
    ("Định kỳ 6 tháng, năm, các cơ quan, đơn vị báo cáo kết quả gửi Sở TT&TT để tổng hợp, báo cáo UBND tỉnh.",
     "semiannual", None, ["Sở TT&TT"]),
    ("Các đơn vị báo cáo tình hình thực hiện trước ngày 20 hằng tháng về Sở Tài chính.", "monthly", "20",
     ["Sở Tài chính"]),
    ("Định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12), các đơn vị gửi báo cáo về Sở Nội vụ để tổng hợp.",
     "semiannual", "06-15", ["Sở Nội vụ"]),
    ("Các sở, ngành báo cáo kết quả hằng quý gửi Sở KH&ĐT trước ngày 20 của tháng cuối quý.", "quarterly", "20",
     ["Sở KH&ĐT"]),
])
def test_reporting_rule_variants(text, period, due, to):
    plan = read("II. NHIỆM VỤ\n1. Việc một\n- Chủ trì: Sở Y tế\nIII. CHẾ ĐỘ BÁO CÁO\n" + text + "\n")
    assert (plan.reporting.period, plan.reporting.due, plan.reporting.to) == (period, due, to)
