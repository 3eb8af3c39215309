"""The bodies the importer knows by name: a province's standard bodies after the July 2025 reform, the names older plans
still write, their common abbreviations, the local branches of the national companies a plan names ("Viettel Tây
Ninh", "VNPT Tây Ninh"), the national bodies (the ministries after March 2025 and before, the Government's and the
state's central bodies, a ministry's units, the central mass organisations, the state groups), and, when the import
has a database, the agencies' own names, short names and aliases (``matching.known_names``, through
``known_names_in_force``). The one home of that list.

A known name is matched accent- and case-free with its abbreviations expanded (``names.name_key``: "Sở VHTTDL" is "Sở
Văn hóa, Thể thao và Du lịch"), then runs on over its place ("… tỉnh", "… tỉnh Cà Mau", "… Tây Ninh", "… khu vực
VI"); a national one does not ("Bộ Tài chính"), and "Văn phòng Bộ" runs on over its owner's known name ("Văn phòng Bộ
Tài chính"). The parser uses it before its wording rules: a known name is never cut inside ("Trung tâm Kiểm soát bệnh
tật tỉnh" is not cut at the verb "kiểm soát"), nor a list split inside one ("Văn phòng Đoàn ĐBQH và HĐND tỉnh"), and
two known names written "X, Y" or "X và Y" are two ("Viettel Tây Ninh, VNPT Tây Ninh"). Pure Python, no database."""

import contextlib
import functools
import itertools
import contextvars
import re

from plan_tracker.text import fold

# The bodies' names as written, without their place: "tỉnh" written last is the place's level (it may be "tỉnh X",
# "thành phố", "xã" …, or the province's name), not part of what is matched.
STANDARD_BODIES = (
    # a province's departments after 1 July 2025 (its 14 Sở and the bodies of that rank)
    "Sở Nội vụ", "Sở Tài chính", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
    "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Tư pháp", "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng HĐND và UBND", "Ban Quản lý Khu kinh tế tỉnh",
    "Ban Quản lý các khu công nghiệp tỉnh",
    # the names older plans still write (before the 2025 merger)
    "Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội",
    "Sở Lao động, Thương binh và Xã hội", "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải",
    "Sở Nông nghiệp và Phát triển nông thôn", "Ban Dân tộc tỉnh", "Cục Thuế tỉnh", "Kho bạc Nhà nước tỉnh",
    "Ngân hàng Nhà nước chi nhánh tỉnh", "Cục Thống kê tỉnh", "Cục Hải quan tỉnh", "Đài Phát thanh và Truyền hình tỉnh",
    # bodies of the state, the army and the police in a province
    "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Thuế tỉnh",
    "Bảo hiểm xã hội tỉnh", "Kho bạc Nhà nước khu vực", "Ngân hàng Nhà nước chi nhánh Khu vực", "Chi cục Thống kê tỉnh",
    "Chi cục Hải quan khu vực", "Cục Quản lý thị trường tỉnh", "Chi cục Quản lý thị trường tỉnh",
    "Trung tâm Kiểm soát bệnh tật tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "Báo và Phát thanh, Truyền hình tỉnh",
    "Báo tỉnh", "Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh", "Cục Thi hành án dân sự tỉnh",
    "Trường Chính trị tỉnh", "Quỹ Đầu tư phát triển tỉnh",
    # round 34: the forest rangers' branch every province with forest has under its Sở Nông nghiệp và Môi trường
    "Chi cục Kiểm lâm tỉnh",
    # round 30: the public-service units every province has under its Sở (Tư pháp's auction centre, the land fund's)
    "Trung tâm Dịch vụ đấu giá tài sản tỉnh", "Trung tâm Phát triển quỹ đất tỉnh",
    # a province's (or a commune's, a special zone's) board for public construction projects
    "Ban Quản lý dự án đầu tư xây dựng tỉnh",
    # the Front and the mass organisations
    "Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Liên hiệp Phụ nữ tỉnh",
    "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh", "Liên đoàn Lao động tỉnh", "Tỉnh đoàn",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", "Hội Chữ thập đỏ tỉnh", "Liên minh Hợp tác xã tỉnh",
    "Hiệp hội Doanh nghiệp tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
    # a commune's own bodies
    "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế, Hạ tầng và Đô thị", "Trạm Y tế",
    "Bưu điện văn hóa xã",  # round 30: Vietnam Post's point in every commune
    "Ban Chỉ huy Quân sự", "Công an",
    # the local branches of the national companies plans name beside the state's bodies
    "Viettel", "VNPT", "MobiFone", "Bưu điện tỉnh", "Điện lực", "Công ty Điện lực", "Viễn thông",
    # abbreviations names.name_key does not expand
    "BCH Quân sự tỉnh", "CDC tỉnh", "KBNN khu vực", "NHNN chi nhánh Khu vực", "LĐLĐ tỉnh", "Hội LHPN tỉnh",
    "UBMTTQ Việt Nam tỉnh", "Đài PT-TH tỉnh", "UBND tỉnh",
)

# --- round 29 (issue #17): the national bodies and the state's other standard bodies, in blocks of their own ---------
# Their provincial and regional forms: like STANDARD_BODIES, a place may follow ("… tỉnh Gia Lai", "… khu vực XIV").
PROVINCIAL_BRANCHES = (
    # the Social Policy Bank's and the State Bank's branches, the State Treasury's, the audit's and the courts' regions
    "Ngân hàng Chính sách xã hội tỉnh", "Ngân hàng Chính sách xã hội chi nhánh tỉnh",
    "Chi nhánh Ngân hàng Chính sách xã hội tỉnh", "Ngân hàng Nhà nước khu vực", "Kho bạc Nhà nước",
    "Ngân hàng Nhà nước tỉnh", "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh",
    "Kiểm toán nhà nước khu vực", "Chi cục Thuế khu vực", "Thi hành án dân sự tỉnh", "Chi cục Thi hành án dân sự",
    "Phòng Thi hành án dân sự khu vực", "Ban Chỉ huy Phòng thủ khu vực", "Bộ Tư lệnh Quân khu", "Thành đoàn",
    "Bộ đội Biên phòng tỉnh",
    # the police's and the services' provincial units ("Phòng Cảnh sát giao thông Công an tỉnh …")
    "Phòng Cảnh sát giao thông", "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "Trung tâm Dịch vụ việc làm tỉnh",
    "Trung tâm Công tác xã hội tỉnh", "Trung tâm Khuyến nông tỉnh",
    # abbreviations names.name_key does not expand
    "NHCSXH tỉnh", "NHCSXH chi nhánh tỉnh", "Chi nhánh NHCSXH tỉnh", "Ngân hàng CSXH tỉnh",
    "Ngân hàng CSXH chi nhánh tỉnh", "NHNN khu vực", "Hội CCB tỉnh",
)

# The national bodies: no place follows one ("Bộ Tài chính Gia Lai" is no name), unless it is also listed above with
# one ("Kho bạc Nhà nước", "Cục Thuế").
NATIONAL_BODIES = (
    # the Government's 14 ministries and 3 ministerial-level bodies after 1 March 2025
    "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Tài chính", "Bộ Công Thương",
    "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ",
    "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Dân tộc và Tôn giáo", "Ngân hàng Nhà nước Việt Nam",
    "Ngân hàng Nhà nước", "Thanh tra Chính phủ", "Văn phòng Chính phủ",
    # their names before 2025
    "Bộ Kế hoạch và Đầu tư", "Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Giao thông vận tải", "Bộ Thông tin và Truyền thông", "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Lao động, Thương binh và Xã hội", "Ủy ban Dân tộc",
    # the Government's bodies (and those it held before 2025)
    "Thông tấn xã Việt Nam", "Đài Tiếng nói Việt Nam", "Đài Truyền hình Việt Nam",
    "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Viện Hàn lâm Khoa học xã hội Việt Nam", "Bảo hiểm xã hội Việt Nam",
    "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh", "Học viện Chính trị quốc gia Hồ Chí Minh", "Đại học Quốc gia Hà Nội",
    "Đại học Quốc gia Thành phố Hồ Chí Minh", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp",
    "Ban Cơ yếu Chính phủ", "Ban Tôn giáo Chính phủ", "Ban Thi đua - Khen thưởng Trung ương",
    "Ủy ban Chứng khoán Nhà nước", "Ủy ban Cạnh tranh Quốc gia", "Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia",
    "Ủy ban Nhà nước về người Việt Nam ở nước ngoài",
    # the state's other central bodies, the National Assembly's councils and committees (2025, and 2021–2025)
    "Văn phòng Quốc hội", "Văn phòng Chủ tịch nước", "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao",
    "Tòa án nhân dân cấp cao", "Viện kiểm sát nhân dân cấp cao", "Kiểm toán nhà nước", "Ủy ban Thường vụ Quốc hội",
    "Hội đồng Dân tộc", "Ủy ban Pháp luật và Tư pháp", "Ủy ban Kinh tế và Tài chính",
    "Ủy ban Quốc phòng, An ninh và Đối ngoại", "Ủy ban Văn hóa và Xã hội", "Ủy ban Khoa học, Công nghệ và Môi trường",
    "Ban Công tác đại biểu", "Viện Nghiên cứu lập pháp", "Ủy ban Pháp luật", "Ủy ban Tư pháp", "Ủy ban Kinh tế",
    "Ủy ban Tài chính, Ngân sách", "Ủy ban Quốc phòng và An ninh", "Ủy ban Đối ngoại", "Ủy ban Văn hóa, Giáo dục",
    "Ủy ban Xã hội",
    # the Party's central bodies plans name beside the state's
    "Văn phòng Trung ương Đảng", "Ban Tổ chức Trung ương", "Ban Tuyên giáo và Dân vận Trung ương",
    "Ban Nội chính Trung ương", "Ban Chính sách, chiến lược Trung ương", "Ủy ban Kiểm tra Trung ương",
    "Ban Đối ngoại Trung ương", "Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương", "Ban Kinh tế Trung ương",
    "Đảng ủy Chính phủ", "Đảng ủy Quốc hội", "Ban cán sự đảng Chính phủ",
    # the army's central commands
    "Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam", "Bộ Tổng Tham mưu", "Tổng cục Chính trị Quân đội nhân dân Việt Nam",
    "Tổng cục Chính trị", "Bộ Tư lệnh Bộ đội Biên phòng", "Bộ đội Biên phòng", "Bộ Tư lệnh Cảnh sát biển Việt Nam",
    "Cảnh sát biển Việt Nam", "Bộ Tư lệnh Thủ đô Hà Nội",
    # the central Front and mass organisations (VCCI: "Phòng …" before 2025)
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Tổng Liên đoàn Lao động Việt Nam",
    "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Trung ương Đoàn", "Trung ương Hội Nông dân Việt Nam",
    "Hội Nông dân Việt Nam", "Trung ương Hội Liên hiệp Phụ nữ Việt Nam", "Hội Liên hiệp Phụ nữ Việt Nam",
    "Trung ương Hội Cựu chiến binh Việt Nam", "Hội Cựu chiến binh Việt Nam", "Hội Chữ thập đỏ Việt Nam",
    "Liên minh Hợp tác xã Việt Nam", "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
    "Liên đoàn Thương mại và Công nghiệp Việt Nam", "Phòng Thương mại và Công nghiệp Việt Nam",
    "Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam",
    # state groups and corporations
    "Tập đoàn Điện lực Việt Nam", "Tổng công ty Điện lực miền Bắc", "Tổng công ty Điện lực miền Trung",
    "Tổng công ty Điện lực miền Nam", "Tổng công ty Điện lực thành phố Hà Nội",
    "Tổng công ty Điện lực Thành phố Hồ Chí Minh", "Tổng công ty Truyền tải điện Quốc gia",
    "Tổng công ty Bưu điện Việt Nam", "Tập đoàn Bưu chính Viễn thông Việt Nam",
    "Tập đoàn Công nghiệp - Viễn thông Quân đội", "Tổng công ty Viễn thông MobiFone", "Tập đoàn Dầu khí Việt Nam",
    "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam", "Ngân hàng Chính sách xã hội", "Ngân hàng Phát triển Việt Nam",
    "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam", "Bảo hiểm tiền gửi Việt Nam",
    "Tổng công ty Đầu tư và Kinh doanh vốn nhà nước",
    # abbreviations names.name_key does not expand
    "EVN", "EVNNPC", "EVNCPC", "EVNSPC", "EVNHANOI", "EVNHCMC", "EVNNPT", "NHCSXH", "VCCI", "TTXVN", "VTV", "VOV",
    "NHNN Việt Nam", "BHXH Việt Nam", "KBNN", "TLĐLĐ Việt Nam", "Tổng LĐLĐ Việt Nam", "Hội LHPN Việt Nam",
    "Ủy ban Trung ương MTTQ Việt Nam", "UBTW MTTQ Việt Nam", "TW Đoàn", "Trung ương Đoàn TNCS Hồ Chí Minh",
)

# A ministry's own units, as its plans name them (their names in 2025 after the restructuring, and before it):
# no place follows one either.
MINISTRY_UNITS = (
    # the units most ministries have
    "Văn phòng Bộ", "Thanh tra Bộ", "Vụ Pháp chế", "Vụ Kế hoạch - Tài chính", "Vụ Hợp tác quốc tế",
    "Vụ Tổ chức cán bộ", "Vụ Thi đua - Khen thưởng", "Vụ Khoa học và Công nghệ",
    "Vụ Khoa học, Công nghệ và Môi trường", "Vụ Tổng hợp", "Vụ Kế hoạch", "Vụ Tài chính", "Vụ Quản lý doanh nghiệp",
    "Vụ Môi trường", "Cục Hợp tác quốc tế", "Cục Công nghệ thông tin",
    # Tài chính (the tax, customs, treasury and statistics offices are its own since 2025)
    "Cục Thuế", "Cục Hải quan", "Cục Thống kê", "Tổng cục Thuế", "Tổng cục Hải quan", "Tổng cục Thống kê",
    "Cục Quản lý công sản", "Cục Quản lý nợ và Kinh tế đối ngoại", "Cục Quản lý giá",
    "Cục Phát triển doanh nghiệp nhà nước", "Cục Phát triển doanh nghiệp tư nhân và kinh tế tập thể",
    "Cục Đầu tư nước ngoài", "Cục Quản lý đấu thầu", "Cục Dự trữ Nhà nước", "Tổng cục Dự trữ Nhà nước",
    "Cục Quản lý, giám sát bảo hiểm", "Vụ Ngân sách nhà nước",
    # Công an
    "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "Cục Cảnh sát giao thông",
    "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
    "Cục Cảnh sát điều tra tội phạm về ma túy", "Cục Cảnh sát điều tra tội phạm về trật tự xã hội",
    "Cục Cảnh sát kinh tế", "Cục Cảnh sát phòng, chống tội phạm về môi trường", "Cục Quản lý xuất nhập cảnh",
    # Nông nghiệp và Môi trường (and the former Nông nghiệp và Phát triển nông thôn, Tài nguyên và Môi trường)
    "Cục Lâm nghiệp và Kiểm lâm", "Cục Kiểm lâm", "Cục Lâm nghiệp", "Cục Trồng trọt và Bảo vệ thực vật",
    "Cục Trồng trọt", "Cục Bảo vệ thực vật", "Cục Chăn nuôi và Thú y", "Cục Chăn nuôi", "Cục Thú y",
    "Cục Thủy sản và Kiểm ngư", "Cục Thủy sản", "Cục Kiểm ngư", "Cục Thủy lợi",
    "Cục Quản lý đê điều và Phòng, chống thiên tai", "Cục Chất lượng, Chế biến và Phát triển thị trường",
    "Cục Quản lý chất lượng nông lâm sản và thủy sản", "Cục Kinh tế hợp tác và Phát triển nông thôn",
    "Cục Biến đổi khí hậu", "Cục Bảo tồn thiên nhiên và Đa dạng sinh học", "Cục Kiểm soát ô nhiễm môi trường",
    "Cục Môi trường", "Cục Quản lý tài nguyên nước", "Cục Địa chất và Khoáng sản Việt Nam", "Cục Khí tượng Thủy văn",
    "Cục Biển và Hải đảo Việt Nam", "Cục Viễn thám quốc gia", "Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam",
    "Cục Quản lý đất đai", "Tổng cục Lâm nghiệp", "Tổng cục Thủy sản", "Tổng cục Thủy lợi",
    "Tổng cục Phòng, chống thiên tai", "Tổng cục Môi trường", "Tổng cục Quản lý đất đai",
    "Tổng cục Khí tượng Thủy văn", "Trung tâm Dự báo khí tượng thủy văn quốc gia", "Trung tâm Khuyến nông quốc gia",
    "Viện Chiến lược, Chính sách tài nguyên và môi trường",
    "Viện Khoa học Khí tượng Thủy văn và Biến đổi khí hậu", "Viện Khoa học lâm nghiệp Việt Nam",
    # Công Thương
    "Cục Quản lý và Phát triển thị trường trong nước", "Tổng cục Quản lý thị trường", "Cục Quản lý thị trường",
    "Cục Điện lực", "Cục Điều tiết điện lực", "Cục Xúc tiến thương mại", "Cục Thương mại điện tử và Kinh tế số",
    "Cục Xuất nhập khẩu", "Cục Phòng vệ thương mại", "Cục Công nghiệp", "Cục Hóa chất",
    "Cục Kỹ thuật an toàn và Môi trường công nghiệp", "Cục Cạnh tranh và Bảo vệ người tiêu dùng",
    # Xây dựng (and the former Giao thông vận tải)
    "Cục Đường bộ Việt Nam", "Tổng cục Đường bộ Việt Nam", "Cục Hàng hải và Đường thủy Việt Nam",
    "Cục Hàng hải Việt Nam", "Cục Đường thủy nội địa Việt Nam", "Cục Hàng không Việt Nam", "Cục Đường sắt Việt Nam",
    "Cục Đăng kiểm Việt Nam", "Cục Quản lý hoạt động xây dựng",
    "Cục Giám định nhà nước về chất lượng công trình xây dựng", "Cục Kinh tế - Quản lý đầu tư xây dựng",
    "Cục Quản lý nhà và thị trường bất động sản", "Cục Phát triển đô thị", "Vụ Quy hoạch - Kiến trúc",
    "Vụ Vật liệu xây dựng",
    # Khoa học và Công nghệ (and the former Thông tin và Truyền thông)
    "Cục Chuyển đổi số quốc gia", "Cục Viễn thông", "Cục Tần số vô tuyến điện", "Cục Bưu điện Trung ương",
    "Cục An toàn thông tin", "Cục Công nghiệp công nghệ thông tin", "Cục Sở hữu trí tuệ", "Cục Đổi mới sáng tạo",
    "Cục Khởi nghiệp và Doanh nghiệp công nghệ", "Cục Năng lượng nguyên tử", "Cục An toàn bức xạ và hạt nhân",
    "Tổng cục Tiêu chuẩn Đo lường Chất lượng", "Cục Tin học hóa", "Cục Kinh tế số và Xã hội số",
    # Văn hóa, Thể thao và Du lịch (the press and publishing since 2025)
    "Cục Bản quyền tác giả", "Cục Di sản văn hóa", "Cục Nghệ thuật biểu diễn", "Cục Điện ảnh",
    "Cục Mỹ thuật, Nhiếp ảnh và Triển lãm", "Cục Văn hóa cơ sở, Gia đình và Thư viện", "Cục Văn hóa cơ sở",
    "Cục Thể dục thể thao Việt Nam", "Cục Du lịch Quốc gia Việt Nam", "Tổng cục Thể dục thể thao", "Tổng cục Du lịch",
    "Cục Báo chí", "Cục Phát thanh, truyền hình và thông tin điện tử", "Cục Xuất bản, In và Phát hành",
    "Cục Thông tin cơ sở và Thông tin đối ngoại", "Cục Thông tin cơ sở", "Cục Thông tin đối ngoại",
    # Tư pháp
    "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính", "Cục Kiểm tra văn bản quy phạm pháp luật",
    "Cục Hộ tịch, quốc tịch, chứng thực", "Cục Bổ trợ tư pháp", "Cục Trợ giúp pháp lý",
    "Cục Quản lý thi hành án dân sự", "Tổng cục Thi hành án dân sự", "Cục Phổ biến, giáo dục pháp luật",
    "Vụ Phổ biến, giáo dục pháp luật", "Cục Đăng ký quốc gia giao dịch bảo đảm", "Cục Con nuôi",
    "Viện Khoa học pháp lý",
    # Nội vụ (and the former Lao động - Thương binh và Xã hội)
    "Cục Việc làm", "Cục Người có công", "Cục Văn thư và Lưu trữ nhà nước", "Cục Quan hệ lao động và Tiền lương",
    "Cục An toàn lao động", "Tổng cục Giáo dục nghề nghiệp", "Cục Trẻ em", "Vụ Công chức - Viên chức",
    "Vụ Chính quyền địa phương", "Vụ Tổ chức - Biên chế",
    # Y tế
    "Cục Quản lý Dược", "Cục Quản lý Khám, chữa bệnh", "Cục Y tế dự phòng", "Cục Phòng bệnh",
    "Cục An toàn thực phẩm", "Cục Quản lý môi trường y tế", "Cục Bà mẹ và Trẻ em", "Cục Dân số",
    "Cục Bảo trợ xã hội", "Cục Quản lý Y, Dược cổ truyền", "Cục Khoa học công nghệ và Đào tạo",
    "Vụ Bảo hiểm y tế", "Viện Vệ sinh dịch tễ Trung ương",
    # Giáo dục và Đào tạo
    "Cục Quản lý chất lượng", "Cục Nhà giáo và Cán bộ quản lý giáo dục", "Cục Khoa học công nghệ và Thông tin",
    "Cục Giáo dục nghề nghiệp và Giáo dục thường xuyên", "Vụ Giáo dục Mầm non", "Vụ Giáo dục Phổ thông",
    "Vụ Giáo dục Đại học", "Vụ Giáo dục thường xuyên",
    # Ngoại giao, Dân tộc và Tôn giáo
    "Cục Lãnh sự", "Cục Lễ tân Nhà nước", "Vụ Thông tin Báo chí", "Vụ Chính sách dân tộc",
    # the academies of the ministries and the Party
    "Học viện Hành chính và Quản trị công", "Học viện Hành chính quốc gia", "Học viện Báo chí và Tuyên truyền",
    "Học viện Ngoại giao", "Học viện Tư pháp", "Học viện Tài chính", "Học viện Nông nghiệp Việt Nam",
    "Học viện Công nghệ Bưu chính Viễn thông", "Học viện Chính sách và Phát triển",
)

# a unit named by its owner's kind, which may be written after it: "Văn phòng Bộ" (Tài chính), "Thanh tra Sở" (Y tế
# tỉnh Gia Lai) run on over the owner's known name (``known_end``)
OWNER_UNITS = ("Văn phòng Bộ", "Thanh tra Bộ", "Văn phòng Sở", "Thanh tra Sở")

# a place's levels, as written, that may follow a body's name ("Công an tỉnh", "Trạm Y tế xã", "đặc khu")
_LEVELS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu", "khu vực")
_LEVEL_RE = re.compile(r"(?i:" + "|".join(sorted(map(re.escape, _LEVELS), key=len, reverse=True)) + r")(?=$|[\s,;.:)])")
# a place's own name after its level or after the body ("Tây Ninh", "Cà Mau", "VI", "10")
_PLACE_WORD = re.compile(r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]"
                         r"[^\s,;.:()]*|[IVX]{1,4}|\d{1,2}")
_WORD = re.compile(r"\S+")


@functools.lru_cache(maxsize=65536)
def _key(name):
    from .names import name_key

    return name_key(name)


def _core(name):
    """A listed name without its last level word ("Công an tỉnh" → "Công an"), and whether a place must follow (a
    one-word core: "Thuế" alone is no body, "Thuế tỉnh" is)."""
    words = name.split()
    if len(words) > 1 and fold(words[-1]) == "tinh":
        core = " ".join(words[:-1])
        return core, len(words) == 2 or _key(core) in ("thanh tra", "ban dan toc", "bao")
    return name, False


def _index(names):
    keys = {}
    for name in names:
        core, needs_place = _core(name)
        key = _key(core)
        if key:
            keys[key] = keys.get(key, True) and needs_place
    return keys


_STANDARD = {}  # filled on first use (names.name_key imports this module)
_NO_PLACE = set()  # the keys of the national bodies and the ministries' units, never listed with a place
_EXTRA = contextvars.ContextVar("known_bodies_extra", default=None)


@contextlib.contextmanager
def known_names_in_force(names):
    """Within the block, the database's agency names (``names``: their names, short names, aliases valid on the
    plan's date) are known too."""
    index = _index(n for n in names if n) if names else None
    # the first words of the standard names and the database's, joined once for the block (``_first_words``)
    token = _EXTRA.set((index, _first_words() | {k.split()[0] for k in index}) if index else None)
    try:
        yield
    finally:
        _EXTRA.reset(token)


def _standard():
    if not _STANDARD:
        placed = _index(STANDARD_BODIES + PROVINCIAL_BRANCHES)
        national = _index(NATIONAL_BODIES + MINISTRY_UNITS + OWNER_UNITS)
        _NO_PLACE.update(k for k in national if k not in placed)
        _STANDARD.update(national)
        _STANDARD.update(placed)
    return _STANDARD


def _no_place(key):
    """Whether the known name of ``key`` takes no place after it: a national body's, a ministry's unit's, unless the
    database knows the name too."""
    extra = _EXTRA.get()
    return key in _NO_PLACE and not (extra and key in extra[0])


def _lookup(key):
    found = _standard().get(key)
    extra = _EXTRA.get()
    if extra and key in extra[0]:
        found = extra[0][key] if found is None else (found and extra[0][key])
    return found


_FIRST_KEYS = None


def _first_words():
    global _FIRST_KEYS
    if _FIRST_KEYS is None:
        _FIRST_KEYS = frozenset(k.split()[0] for k in _standard())
    extra = _EXTRA.get()
    return extra[1] if extra else _FIRST_KEYS


#: How many known names in a row ``known_end`` looks through for a name's place (each looks at the next word: is it a
#: known name's start?). Real lists part their names with commas; a run of hundreds with none ("Viettel Viettel …")
#: would otherwise recurse a level a word, past Python's limit.
_MAX_CHAIN = 24


def known_end(text, start=0, max_words=16, _chain=0):
    """The end offset of the longest known name at ``text[start:]`` (its place included), or None."""
    if _chain > _MAX_CHAIN:
        return None
    words = list(itertools.islice(_WORD.finditer(text, start), max_words))
    if not words or words[0].start() != start:
        return None
    first = _key(words[0].group(0))
    if not first or first.split()[0] not in _first_words():
        return None
    for n in range(min(len(words), max_words), 0, -1):
        end = words[n - 1].end()
        while end > start and text[end - 1] in ",;:.":
            end -= 1  # "Sở Công Thương, …": the word's comma is the list's
        piece = text[start:end]
        if not piece or piece[-1:] == "(" or piece.count("(") != piece.count(")"):
            continue
        if _key(piece.split()[-1]) in ("", "va", "cac", "cua", "cap", "thuoc", "truc", "de", "nghi"):
            continue  # "Sở Công Thương, các …": a word the key drops ends no name
        key = _key(piece)
        needs_place = _lookup(key)
        if needs_place is None:
            continue
        if _no_place(key):
            if key.rsplit(" ", 1)[-1] in ("bo", "so") and n > 1:
                # "Văn phòng Bộ Tài chính", "Thanh tra Sở Y tế tỉnh Gia Lai": its owner's known name, when written
                owner = known_end(text, words[n - 1].start(), _chain=_chain + 1)
                return end if owner is None else owner
            return end
        place_end = _place_end(text, end, _chain)
        if needs_place and place_end == end:
            continue
        return place_end
    return None


def _place_end(text, end, _chain=0):
    """Where a body's place ends after ``end``: its level ("tỉnh", "xã", "khu vực") and the place's name in capitals
    ("tỉnh Cà Mau", "khu vực VI"), or the name alone ("Viettel Tây Ninh"); ``end`` when none follows."""
    pos = end
    m = re.compile(r"\s+").match(text, pos)
    if not m:
        return end
    after = m.end()
    level = _LEVEL_RE.match(text, after)
    if level and not (level.group(0).lower() == "xã" and re.match(r"\s+hội\b", text[level.end():])):
        pos = level.end()  # "xã hội" is no commune
    taken = 0
    for _ in range(4):
        m = re.compile(r"\s+").match(text, pos)
        if not m:
            break
        w = _PLACE_WORD.match(text, m.end())
        if not w or known_end(text, m.end(), _chain=_chain + 1) is not None:
            break
        from .names import _STARTER_RE

        if _STARTER_RE.match(text[m.end():]):
            break  # the next body's name, not this one's place
        pos = w.end()
        taken += 1
    if taken == 1 and not level and re.match(r"\s+(?!(?:và|các|cấp)\b)[a-zà-ỹđ]", text[pos:]):
        return end  # "Báo Văn hóa": one capitalised word and a lower-case one after it are the body's name, no place
    return pos


def known_spans(text):
    """[(start, end)] of the known names in ``text``, each at a word that starts with a capital or initials."""
    return _spans(text) if _EXTRA.get() is None else _find_spans(text)


@functools.lru_cache(maxsize=8192)
def _spans(text):
    return _find_spans(text)


def _find_spans(text):
    spans, pos = [], 0
    for m in _WORD.finditer(text):
        if m.start() < pos or not m.group(0)[:1].isupper():
            continue
        end = known_end(text, m.start())
        if end is not None:
            spans.append((m.start(), end))
            pos = end
    return spans


def is_known(name):
    """Whether ``name`` is one known name, whole ("Viettel Tây Ninh", "Sở VHTTDL", "Trung tâm Kiểm soát bệnh tật
    tỉnh Cà Mau")."""
    name = " ".join((name or "").split()).strip(" .;:,")
    return bool(name) and known_end(name) == len(name)
