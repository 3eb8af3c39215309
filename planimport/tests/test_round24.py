"""Round 24: general rules about a document's structure (not its wording), from round 22's blind set
(devset/blind22/README.md), each on a made-up text with other provinces, bodies and words than those documents."""

from planimport.parser import parse_blocks
from planimport.readers import blocks_from_text
from planimport.tests.test_variants import read


def parse(text):
    return parse_blocks(blocks_from_text(text))


def test_parenthesised_headings_ending_with_a_colon_name_the_lead_of_their_points():
    # "(1) X chịu trách nhiệm chính:", "(2) Giao X:", "(3) X và Y:", "(4) Đề nghị X:", "(5) X:" right under a part:
    # each heading names the lead of the "a)" points under it, whatever the heading's numbering; a heading with
    # one point keeps it
    plan = read("II. NHIỆM VỤ VÀ GIẢI PHÁP\n"
                "(1) Phòng Tài nguyên và Môi trường xã chịu trách nhiệm chính:\n"
                "a) Rà soát các điểm tập kết rác thải trên địa bàn xã; thời hạn: Quý III/2027.\n"
                "b) Tổ chức ra quân làm sạch kênh rạch hằng tháng.\n"
                "(2) Giao Trạm Y tế xã:\n"
                "a) Tuyên truyền phòng dịch bệnh mùa mưa; thực hiện thường xuyên.\n"
                "(3) Công an xã và Ban Chỉ huy Quân sự xã:\n"
                "a) Kiểm tra việc xả thải trái phép; thời hạn: Năm 2027.\n"
                "(4) Đề nghị Hội Nông dân xã:\n"
                "a) Vận động hội viên thu gom bao bì thuốc bảo vệ thực vật.\n"
                "(5) Văn phòng HĐND và UBND xã:\n"
                "a) Đăng tin về kết quả thực hiện trên cổng thông tin của xã.\n"
                "b) Tổng hợp báo cáo kết quả thực hiện.\n")
    tasks = plan.tasks
    assert [t.title[:20] for t in tasks] == [
        "Rà soát các điểm tập", "Tổ chức ra quân làm ", "Tuyên truyền phòng d", "Kiểm tra việc xả thả",
        "Vận động hội viên th", "Đăng tin về kết quả ", "Tổng hợp báo cáo kết"]
    assert [t.lead for t in tasks] == [["Phòng Tài nguyên và Môi trường xã"]] * 2 + [["Trạm Y tế xã"]] + [
        ["Công an xã", "Ban Chỉ huy Quân sự xã"], ["Hội Nông dân xã"]] + [["Văn phòng HĐND và UBND xã"]] * 2


def test_a_name_ending_with_its_place_level_runs_whole_up_to_the_verb():
    # "Hội Cựu chiến binh xã", "Trung tâm Dịch vụ nông nghiệp huyện" before "tổ chức …": lower-case words ending in a
    # place's level ("xã", "tỉnh") are the name's own, not the work's
    from planimport.parser import _point_attrs
    got_ = _point_attrs("Chủ trì, phối hợp với Hội Nông dân xã, Hội Cựu chiến binh xã tổ chức ngày hội trồng cây.")
    assert got_["coordinators"] == ["Hội Nông dân xã", "Hội Cựu chiến binh xã"]
    got_ = _point_attrs("Chủ trì, phối hợp với Trung tâm Dịch vụ nông nghiệp huyện tổ chức tập huấn cho nông dân.")
    assert got_["coordinators"] == ["Trung tâm Dịch vụ nông nghiệp huyện"]
    # a lower-case work with no verb the parser knows is still cut off
    got_ = _point_attrs("Chủ trì, phối hợp với Sở Tư pháp công bố thủ tục hành chính.")
    assert got_["coordinators"] == ["Sở Tư pháp"]


def test_chu_tri_straight_before_the_work_assigns_as_chu_tri_phoi_hop_does():
    # "Giao X chủ trì <work> …" and "X chủ trì <work> …" (no comma, no "phối hợp") under a topical heading: each
    # paragraph a task of X, as "X chủ trì, phối hợp với Y …" is
    plan = read("II. NHIỆM VỤ\n1. Phát triển lâm nghiệp bền vững\n"
                "Giao Sở Nông nghiệp và Môi trường chủ trì rà soát quy hoạch ba loại rừng, hoàn thành trong Quý III/2027.\n\n"
                "Chi cục Kiểm lâm tỉnh có trách nhiệm phối hợp với Công an tỉnh tuần tra bảo vệ rừng, "
                "thực hiện thường xuyên.\n\n"
                "2. Bảo đảm nguồn lực\n"
                "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tham mưu bố trí biên chế kiểm lâm; thời hạn: Năm 2027.\n\n"
                "Sở Kế hoạch chủ trì cân đối vốn đầu tư công cho các dự án lâm nghiệp theo phân cấp.\n")
    tasks = plan.tasks
    assert [t.lead for t in tasks] == [["Sở Nông nghiệp và Môi trường"], ["Chi cục Kiểm lâm tỉnh"],
                                       ["Sở Tài chính"], ["Sở Kế hoạch"]]
    assert tasks[0].title.startswith("Giao Sở Nông nghiệp và Môi trường chủ trì rà soát")
    assert tasks[3].title.startswith("Sở Kế hoạch chủ trì cân đối vốn")


def test_charged_to_work_with_names_whom_it_works_with():
    # "X có trách nhiệm phối hợp với Y <work> …": Y coordinates, as in "X có trách nhiệm <work>, phối hợp với Y …"
    plan = read("II. NHIỆM VỤ\n1. Ứng phó với thiên tai\n"
                "Giao Sở Xây dựng chủ trì rà soát, gia cố hệ thống đê bao, hoàn thành trong Quý II/2027.\n\n"
                "UBND các xã miền núi có trách nhiệm phối hợp với Ban Chỉ huy Quân sự tỉnh tổ chức sơ tán dân khỏi vùng "
                "sạt lở, thực hiện hằng năm trong mùa mưa bão.\n")
    assert plan.tasks[1].lead == ["UBND các xã miền núi"]
    assert plan.tasks[1].coordinators == ["Ban Chỉ huy Quân sự tỉnh"]


def test_the_lower_of_two_peoples_committees_in_the_header_issues():
    # "UBND TỈNH NINH BÌNH" / "ỦY BAN NHÂN DÂN XÃ GIA VIỄN": the commune's committee, the lower line, issues
    plan = parse("UBND TỈNH NINH BÌNH\nỦY BAN NHÂN DÂN XÃ GIA VIỄN\nSố: 41/KH-UBND\n"
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nGia Viễn, ngày 3 tháng 4 năm 2027\n\n"
                "KẾ HOẠCH\nPhát triển du lịch cộng đồng trên địa bàn xã Gia Viễn năm 2027\n\n"
                "I. NHIỆM VỤ\n1. Giao Công chức Văn hóa - Xã hội xã:\na) Xây dựng bản đồ du lịch của xã; thời hạn: Quý II/2027.\n")
    assert plan.issuer == "UBND xã Gia Viễn"
    # one line naming a province's committee stays the province's
    plan = parse("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nSố: 41/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\nNinh Bình, ngày 3 tháng 4 năm 2027\n\nKẾ HOẠCH\nPhát triển du lịch năm 2027\n\n"
                "I. NHIỆM VỤ\n1. Giao Sở Du lịch:\na) Xây dựng bản đồ du lịch của tỉnh; thời hạn: Quý II/2027.\n")
    assert plan.issuer == "UBND tỉnh Ninh Bình"
