"""Round 29 (issue #17): the national and other standard bodies the importer knows by name (planimport/bodies.py):
the ministries and ministerial-level bodies after the March 2025 restructuring and their earlier names, the Government's
bodies, the central state bodies, a ministry's own units, the central mass organisations, the state groups and their
provincial branches. Every sentence here is made up; no document of the development set was looked at for a name."""

from planimport.bodies import is_known, known_end
from planimport.names import split_names
from planimport.parser import _cut_at_verb, _point_attrs
from planimport.tests.test_variants import read


def test_the_ministries_after_2025_their_earlier_names_and_the_central_bodies_are_known():
    for name in ("Bộ Tài chính", "Bộ Nông nghiệp và Môi trường", "Bộ Dân tộc và Tôn giáo", "Bộ Quốc phòng",
                 "Bộ Văn hóa, Thể thao và Du lịch", "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ",
                 "Văn phòng Chính phủ", "Văn phòng Quốc hội", "Văn phòng Chủ tịch nước", "Kiểm toán nhà nước",
                 "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao", "Thông tấn xã Việt Nam",
                 "Viện Hàn lâm Khoa học xã hội Việt Nam", "Bảo hiểm xã hội Việt Nam",
                 # the names documents before 2025 write, and their abbreviations (names.name_key expands them)
                 "Bộ Thông tin và Truyền thông", "Bộ TT&TT", "Bộ Kế hoạch và Đầu tư", "Bộ KH&ĐT",
                 "Bộ Tài nguyên và Môi trường", "Bộ Lao động - Thương binh và Xã hội", "Bộ LĐ-TB&XH", "Ủy ban Dân tộc",
                 "Bộ Giao thông vận tải", "Bộ Nông nghiệp và Phát triển nông thôn"):
        assert is_known(name), name
    # "tư" of "Đầu tư", "Tư pháp" is no abbreviation of "Trung ương"; "TƯ" in capitals is
    assert is_known("Sở KH&ĐT tỉnh Gia Lai") and is_known("Bộ Tư pháp")
    assert is_known("Ban Tổ chức TƯ") and is_known("Ủy ban Kiểm tra Trung ương")
    # a ministry is no province's: nothing after it is read as its place
    assert not is_known("Bộ Tài chính Gia Lai")
    assert not is_known("Bộ Tài")


def test_a_ministrys_units_are_read_whole_up_to_the_verb():
    # lower-case words inside a unit's name ("tác giả", "số quốc gia", "cán bộ", "tối cao") are its own, not the work
    cases = {
        "Cục Bản quyền tác giả tổ chức kiểm tra việc thực thi quyền tác giả": "Cục Bản quyền tác giả",
        "Cục Chuyển đổi số quốc gia hướng dẫn các bộ kết nối dữ liệu": "Cục Chuyển đổi số quốc gia",
        "Vụ Tổ chức cán bộ tham mưu sắp xếp biên chế": "Vụ Tổ chức cán bộ",
        "Vụ Hợp tác quốc tế vận động tài trợ": "Vụ Hợp tác quốc tế",
        "Vụ Thi đua - Khen thưởng tổng hợp hồ sơ khen thưởng": "Vụ Thi đua - Khen thưởng",
        "Thanh tra Chính phủ hướng dẫn tiếp công dân": "Thanh tra Chính phủ",
        "Tòa án nhân dân tối cao hướng dẫn áp dụng thống nhất pháp luật": "Tòa án nhân dân tối cao",
        "Cục Di sản văn hóa hướng dẫn tu bổ di tích": "Cục Di sản văn hóa",
        "Cục Phát thanh, truyền hình và thông tin điện tử xử lý tin giả trên mạng": (
            "Cục Phát thanh, truyền hình và thông tin điện tử"),
        "Học viện Chính trị quốc gia Hồ Chí Minh biên soạn tài liệu": "Học viện Chính trị quốc gia Hồ Chí Minh",
        "Cục Trồng trọt và Bảo vệ thực vật kiểm tra sinh vật gây hại": "Cục Trồng trọt và Bảo vệ thực vật",
    }
    for text, name in cases.items():
        assert _cut_at_verb(text) == name, text


def test_a_units_office_or_inspectorate_runs_on_over_its_owners_known_name_only():
    # "Văn phòng Bộ", "Thanh tra Bộ" are names of their own; the ministry written after one is its owner, the same body
    assert is_known("Văn phòng Bộ") and is_known("Thanh tra Bộ")
    assert is_known("Văn phòng Bộ Tài chính")
    assert is_known("Thanh tra Bộ Xây dựng")
    assert is_known("Văn phòng Sở Y tế tỉnh Gia Lai")
    # a capitalised word that is no known owner is not taken as a place
    text = "Văn phòng Bộ Thương mại cũ"
    assert known_end(text) == len("Văn phòng Bộ")


def test_a_companys_name_ends_at_the_verb_known_or_not():
    assert _cut_at_verb("Tổng công ty Điện lực miền Trung bảo đảm cấp điện cho các xã vùng cao") == (
        "Tổng công ty Điện lực miền Trung")
    assert _cut_at_verb("Tập đoàn Công nghiệp - Viễn thông Quân đội hỗ trợ hạ tầng") == (
        "Tập đoàn Công nghiệp - Viễn thông Quân đội")
    # a state company the list does not hold: "công ty" is a name's own words after "Tổng"
    assert _cut_at_verb("Tổng công ty Đường sắt Việt Nam nâng cấp nhà ga") == "Tổng công ty Đường sắt Việt Nam"


def test_central_mass_organisations_and_state_groups_are_parted_in_a_list():
    assert split_names("Tổng Liên đoàn Lao động Việt Nam, Hội Liên hiệp Phụ nữ Việt Nam và Trung ương Đoàn Thanh niên "
                       "Cộng sản Hồ Chí Minh") == [
        "Tổng Liên đoàn Lao động Việt Nam", "Hội Liên hiệp Phụ nữ Việt Nam",
        "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]
    assert _point_attrs("Phối hợp với Tập đoàn Điện lực Việt Nam, Tổng công ty Bưu điện Việt Nam và Ngân hàng Chính "
                        "sách xã hội triển khai chi trả không dùng tiền mặt.")["coordinators"] == [
        "Tập đoàn Điện lực Việt Nam", "Tổng công ty Bưu điện Việt Nam", "Ngân hàng Chính sách xã hội"]
    # provincial branches, with their place
    for name in ("Ngân hàng Chính sách xã hội chi nhánh tỉnh Gia Lai", "Chi nhánh NHCSXH tỉnh Gia Lai",
                 "Công ty Điện lực Gia Lai", "Bưu điện tỉnh Gia Lai", "Kho bạc Nhà nước khu vực XIV",
                 "Ngân hàng Nhà nước Khu vực 10", "Chi cục Hải quan khu vực VIII", "Thuế tỉnh Gia Lai",
                 "Hội Cựu chiến binh tỉnh Gia Lai", "Liên đoàn Thương mại và Công nghiệp Việt Nam",
                 "Phòng Thương mại và Công nghiệp Việt Nam", "Kiểm toán nhà nước khu vực XII"):
        assert is_known(name), name


MINISTRY_PLAN = """II. NHIỆM VỤ
1. Giao Cục Bản quyền tác giả chủ trì, phối hợp với Vụ Pháp chế và Vụ Kế hoạch - Tài chính rà soát quy định về quyền tác giả, hoàn thành trong Quý II/2027.
2. Bộ Tài chính (Cục Quản lý công sản) chủ trì, phối hợp với Thanh tra Chính phủ kiểm tra việc quản lý tài sản công; thời gian: Năm 2027.
3. Công ty Điện lực Quảng Ngãi chủ trì, phối hợp với Tổng công ty Điện lực miền Trung bảo đảm cấp điện cho các xã vùng cao; thời gian: Quý III/2027.
4. Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao chủ trì, phối hợp với Cục Chuyển đổi số quốc gia bảo đảm an toàn hệ thống; thời gian: Năm 2027.
5. Giao Văn phòng Bộ chủ trì, phối hợp với Thanh tra Bộ và Vụ Tổ chức cán bộ tổng hợp kết quả; thời gian: Tháng 12/2027.
6. Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam chủ trì, phối hợp với Tổng Liên đoàn Lao động Việt Nam, Hội Liên hiệp Phụ nữ Việt Nam và Liên đoàn Thương mại và Công nghiệp Việt Nam giám sát việc thực hiện; thời gian: Hằng năm.
"""


def test_a_ministrys_plan_names_its_units_and_the_central_bodies_whole():
    plan = read(MINISTRY_PLAN)
    assert [(t.lead, t.coordinators) for t in plan.tasks] == [
        (["Cục Bản quyền tác giả"], ["Vụ Pháp chế", "Vụ Kế hoạch - Tài chính"]),
        # a ministry then a bracket naming its unit: the ministry leads, the bracket says which unit works
        (["Bộ Tài chính"], ["Thanh tra Chính phủ"]),
        # a company's name up to the verb
        (["Công ty Điện lực Quảng Ngãi"], ["Tổng công ty Điện lực miền Trung"]),
        (["Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao"], ["Cục Chuyển đổi số quốc gia"]),
        (["Văn phòng Bộ"], ["Thanh tra Bộ", "Vụ Tổ chức cán bộ"]),
        (["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"], ["Tổng Liên đoàn Lao động Việt Nam",
                                                          "Hội Liên hiệp Phụ nữ Việt Nam",
                                                          "Liên đoàn Thương mại và Công nghiệp Việt Nam"]),
    ]


def test_the_databases_names_are_known_whatever_their_first_word_and_only_within_the_block():
    # a name whose first word no standard body starts with ("Xí nghiệp …"): its first word is joined to the standard
    # ones for the block, and no longer known after it
    from planimport.bodies import known_names_in_force

    name = "Xí nghiệp Thủy nông Ayun Hạ"
    assert not is_known(name)
    with known_names_in_force([name]):
        assert is_known(name)
        assert is_known("Bộ Tài chính")
        assert _cut_at_verb(f"{name} nạo vét kênh mương nội đồng") == name
    assert not is_known(name)


def test_a_names_last_tinh_is_its_places_level_however_it_is_written():
    # "Thanh tra tỉnh" is "Thanh tra" at a place's level: also "Thanh tra huyện X"; a name the database writes with
    # "Tỉnh" in capitals ("Trung tâm Y tế Tỉnh") is read as one written "tỉnh"
    from planimport.bodies import known_names_in_force

    assert is_known("Thanh tra huyện Krông Pa")
    with known_names_in_force(["Trung tâm Y tế Tỉnh"]):
        assert is_known("Trung tâm Y tế huyện Krông Pa")


def test_a_verb_written_as_a_names_words_after_a_known_name_is_the_work():
    # "thanh tra" (to inspect), "kiểm sát" (to supervise) are the words of "Thanh tra …", "Viện kiểm sát …": right
    # after a known name, whole with its place, they are what it does
    assert _cut_at_verb("Thanh tra Chính phủ thanh tra trách nhiệm người đứng đầu") == "Thanh tra Chính phủ"
    assert _cut_at_verb("Viện kiểm sát nhân dân tối cao kiểm sát việc tạm giữ, tạm giam") == (
        "Viện kiểm sát nhân dân tối cao")
    assert _cut_at_verb("Thanh tra tỉnh thanh tra việc quản lý đất đai") == "Thanh tra tỉnh"
    assert _point_attrs("Phối hợp với Thanh tra Chính phủ thanh tra việc quản lý đất đai.")["coordinators"] == [
        "Thanh tra Chính phủ"]
    # inside a name they stay its own
    assert _cut_at_verb("Viện Kiểm sát nhân dân tỉnh Gia Lai tổ chức hội nghị") == "Viện Kiểm sát nhân dân tỉnh Gia Lai"
