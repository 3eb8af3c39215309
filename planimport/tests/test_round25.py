"""Round 25: names ended and parted by the bodies the importer knows (planimport/bodies.py: a province's standard bodies
after the 2025 reform, the older names, their abbreviations, and the database's agencies when the import has one),
then round 23's blind set's other structural misses (devset/SOURCES.md, "Round 23: seventh blind set"); each on a made-up text with other
provinces, bodies and words than those documents."""

import pytest

from planimport.bodies import is_known, known_names_in_force
from planimport.names import split_names
from planimport.parser import _clause_coordinators, _cut_at_verb, _point_attrs
from planimport.tests.test_variants import read


def test_standard_bodies_are_known_accent_and_case_free_with_their_abbreviations_and_place():
    assert is_known("Sở Văn hóa, Thể thao và Du lịch")
    assert is_known("Sở VHTTDL")
    assert is_known("sở văn hoá, thể thao và du lịch")
    assert is_known("Sở TT&TT")
    assert is_known("Sở LĐ-TB&XH tỉnh Bắc Ninh")
    assert is_known("BCH Quân sự tỉnh")
    assert is_known("Trung tâm Kiểm soát bệnh tật tỉnh Gia Lai")
    assert is_known("Kho bạc Nhà nước khu vực XII")
    assert is_known("MobiFone Gia Lai")
    # a one-word core is a body only with its place; a part of a name is none
    assert not is_known("Thuế")
    assert is_known("Thuế tỉnh Gia Lai")
    assert not is_known("Sở Văn hóa")
    assert not is_known("Trung tâm Kiểm soát")


def test_a_known_name_is_not_cut_at_a_verb_inside_it():
    # "kiểm soát" is a verb, "bệnh tật" lower-case words: inside a known name neither ends it
    assert _cut_at_verb("Trung tâm Kiểm soát bệnh tật tỉnh triển khai tiêm chủng mở rộng") == \
        "Trung tâm Kiểm soát bệnh tật tỉnh"
    # "phát triển" (to develop) in lower case inside "Quỹ Đầu tư phát triển tỉnh" is its own, not the work
    assert _cut_at_verb("Quỹ Đầu tư phát triển tỉnh cho vay ưu đãi các hợp tác xã") == "Quỹ Đầu tư phát triển tỉnh"
    got = _point_attrs("Chủ trì, phối hợp với Hội Chữ thập đỏ tỉnh và Trung tâm Kiểm soát bệnh tật tỉnh "
                       "hướng dẫn phòng dịch sau lũ.")
    assert got["coordinators"] == ["Hội Chữ thập đỏ tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh"]


def test_a_coordinator_clause_after_the_work_reads_a_known_name_whole():
    # "…, phối hợp với <known name> (thời gian: …)": the bracketed time is not the name's
    got = _clause_coordinators("Phun hóa chất diệt muỗi tại các ổ dịch, phối hợp với Trung tâm Kiểm soát bệnh tật "
                               "tỉnh (thời gian: Quý III/2027).")
    assert got == ["Trung tâm Kiểm soát bệnh tật tỉnh"]


def test_a_known_name_is_not_split_inside_and_two_known_names_are_parted():
    assert split_names("Sở Văn hóa, Thể thao và Du lịch, Sở Giáo dục và Đào tạo") == [
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo"]
    assert split_names("Văn phòng Đoàn ĐBQH và HĐND tỉnh") == ["Văn phòng Đoàn ĐBQH và HĐND tỉnh"]
    # the national companies' local branches, written with their province: two bodies
    assert split_names("MobiFone Gia Lai, Viettel Gia Lai") == ["MobiFone Gia Lai", "Viettel Gia Lai"]
    assert split_names("Công an tỉnh, VNPT Gia Lai và Bưu điện tỉnh Gia Lai") == [
        "Công an tỉnh", "VNPT Gia Lai", "Bưu điện tỉnh Gia Lai"]
    # a known name then a group: the group keeps its comma, the word the key drops ("các") ends no known name
    assert split_names("Sở Tài chính, các cơ quan, đơn vị có liên quan") == [
        "Sở Tài chính", "các cơ quan, đơn vị có liên quan"]


def test_a_bracket_after_a_known_name_is_no_part_of_it():
    plan = read("II. NHIỆM VỤ\n1. Kiểm tra an toàn thực phẩm dịp Tết\n"
                "- Cơ quan chủ trì: Sở Y tế (Cơ quan Thường trực Ban Chỉ đạo liên ngành an toàn thực phẩm).\n"
                "- Cơ quan phối hợp: Sở Công Thương.\n- Thời hạn hoàn thành: Quý I/2027.\n")
    assert plan.tasks[0].lead == ["Sở Y tế"]


@pytest.mark.django_db
def test_the_databases_agencies_are_known_too_when_the_import_has_them():
    # a body no list holds ("Ban Quản lý rừng phòng hộ Ayun Pa") is cut at its lower-case words without the database;
    # known from it, it runs whole
    text = "Chủ trì, phối hợp với Ban Quản lý rừng phòng hộ Ayun Pa tuần tra bảo vệ rừng."
    assert _point_attrs(text)["coordinators"] != ["Ban Quản lý rừng phòng hộ Ayun Pa"]
    with known_names_in_force(["Ban Quản lý rừng phòng hộ Ayun Pa"]):
        assert _point_attrs(text)["coordinators"] == ["Ban Quản lý rừng phòng hộ Ayun Pa"]


ARMY_PLAN = """ỦY BAN NHÂN DÂN TỈNH GIA LAI
Số: 77/KH-UBND
Gia Lai, ngày 12 tháng 3 năm 2027
KẾ HOẠCH
Bảo vệ rừng mùa khô năm 2027
I. NHIỆM VỤ
1. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ban Quản lý rừng phòng hộ Ayun Pa tuần tra các vùng rừng trọng điểm, hoàn thành trong Quý II/2027.
"""


@pytest.mark.django_db
def test_import_plan_writing_to_the_database_knows_its_agencies_names(tmp_path, capsys):
    # the command that writes the plan reads the names with the database's agencies: the coordinator the database
    # holds is matched whole, no agency "Ban Quản lý" made; --json (nothing written) reads without them
    import json

    from django.core.management import call_command

    from agencies.models import Agency
    from tasks.models import Assignment

    Agency.objects.create(code="so-nnmt", name="Sở Nông nghiệp và Môi trường", kind="department")
    forest = Agency.objects.create(code="bql-ayun-pa", name="Ban Quản lý rừng phòng hộ Ayun Pa", kind="other")
    path = tmp_path / "77.txt"
    path.write_text(ARMY_PLAN, encoding="utf-8")
    call_command("import_plan", str(path), "--json")
    assert json.loads(capsys.readouterr().out)["tasks"][0]["coordinators"] != ["Ban Quản lý rừng phòng hộ Ayun Pa"]
    call_command("import_plan", str(path))
    assert [a.agency for a in Assignment.objects.filter(role="coordinator")] == [forest]
    assert not Agency.objects.filter(name="Ban Quản lý").exists()


def test_a_heading_asking_a_body_by_name_leads_its_one_point_whatever_the_bodys_first_word():
    # "Đề nghị X:" / "Giao X:" ending with a colon: X is the body asked, even when its first word is no kind the
    # importer knows ("Đồn", "Hải đội"); its single dash is its task
    plan = read("II. NHIỆM VỤ\n"
                "1. Giao Công an xã:\n- Tuần tra kiểm soát tại các bến đò ngang; thực hiện thường xuyên.\n\n"
                "2. Đề nghị Đồn Công an Cửa khẩu Lệ Thanh:\n"
                "- Phối hợp với Công an xã kiểm tra người qua lại khu vực cửa khẩu (thời gian: Năm 2027).\n\n"
                "3. Giao Hải đội Dân quân thường trực:\n- Tuần tra vùng biển ven bờ; thời hạn: Hằng tháng.\n")
    assert [t.lead for t in plan.tasks] == [["Công an xã"], ["Đồn Công an Cửa khẩu Lệ Thanh"],
                                           ["Hải đội Dân quân thường trực"]]
    assert plan.tasks[1].coordinators == ["Công an xã"]
    assert plan.tasks[1].timeframe.text == "Năm 2027"


def test_a_named_body_as_subject_opens_a_task_among_a_topical_headings_assigning_paragraphs():
    # under a topical heading whose paragraphs assign work, one whose subject is a named body and its verb ("X tham
    # mưu …", no "chủ trì" nor "trách nhiệm") is a task too, the heading none; a closing paragraph of a group about
    # the plan itself ("Các đơn vị … căn cứ Kế hoạch này …") is still no task
    plan = read("II. NHIỆM VỤ\n1. Chỉnh trang đô thị\n"
                "Phòng Quản lý đô thị tham mưu Chủ tịch UBND phường ban hành quy chế quản lý vỉa hè, hoàn thành "
                "trước tháng 6/2027.\n\n"
                "Đề nghị Công an phường phối hợp với Ban Chỉ huy Quân sự phường ra quân lập lại trật tự lòng đường; "
                "thực hiện hằng tháng.\n\n"
                "Các trường học trên địa bàn phường chịu trách nhiệm tuyên truyền học sinh giữ gìn vệ sinh đường phố.\n\n"
                "Các đơn vị thuộc phường căn cứ Kế hoạch này chủ động triển khai thực hiện.\n\n"
                "2. Giữ gìn vệ sinh môi trường\n"
                "Phòng Quản lý đô thị chủ trì, phối hợp với Công an phường xử lý vi phạm về vệ sinh, hoàn thành trong "
                "Quý III/2027.\n\n"
                "Đề nghị Đoàn Thanh niên phường tổ chức ra quân ngày chủ nhật xanh; thực hiện hằng tháng.\n\n"
                "Các phòng chuyên môn thuộc UBND phường chủ động lồng ghép nội dung trong kế hoạch công tác năm.\n")
    tasks = plan.tasks[:3]
    assert [t.lead for t in plan.tasks[3:]] == [["Phòng Quản lý đô thị"], ["Đoàn Thanh niên phường"]]
    assert [t.lead for t in tasks] == [["Phòng Quản lý đô thị"], ["Công an phường"],
                                       ["Các trường học trên địa bàn phường"]]
    assert tasks[0].title.startswith("Phòng Quản lý đô thị tham mưu Chủ tịch UBND phường")
    assert tasks[0].coordinators == []
    assert tasks[1].coordinators == ["Ban Chỉ huy Quân sự phường"]


def test_a_union_and_a_known_company_are_bodies_a_charged_body_works_with():
    # "Công đoàn …" is a kind of body as "Hội …", "Liên đoàn …" are; a known company's branch ("MobiFone Gia Lai")
    # is a body without any kind word
    plan = read("II. NHIỆM VỤ\n1. Chăm lo đời sống người lao động\n"
                "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát chế độ phụ cấp, hoàn thành trong Quý I/2027.\n\n"
                "Các bệnh viện tuyến huyện chịu trách nhiệm tổ chức khám sức khỏe định kỳ, phối hợp với Công đoàn "
                "Viên chức tỉnh; thời gian: Quý II/2027.\n\n"
                "Các trường học trên địa bàn tỉnh chịu trách nhiệm số hóa hồ sơ nhân sự, phối hợp với MobiFone Gia Lai; "
                "thời gian: Năm 2027.\n")
    assert [t.coordinators for t in plan.tasks] == [["Sở Tài chính"], ["Công đoàn Viên chức tỉnh"],
                                                   ["MobiFone Gia Lai"]]
    assert _point_attrs("Phối hợp với VNPT Gia Lai lắp đặt camera giám sát tại các chốt.")["coordinators"] == [
        "VNPT Gia Lai"]


def test_a_periodic_report_to_a_body_as_an_item_of_the_organisation_part_is_the_reporting_rule():
    # "2. Định kỳ hằng tháng (trước ngày 25), các X báo cáo kết quả về <body> (qua …) …": the rule, though it says
    # "về" where others say "gửi"
    plan = read("II. NHIỆM VỤ\n1. Giao Sở Xây dựng chủ trì, phối hợp với Công an tỉnh kiểm tra các công trình, "
                "hoàn thành trong Quý II/2027.\n"
                "III. TỔ CHỨC THỰC HIỆN\n"
                "1. Các sở, ban, ngành căn cứ Kế hoạch này chủ động triển khai thực hiện.\n"
                "2. Định kỳ hằng tháng (trước ngày 25), các cơ quan được giao nhiệm vụ báo cáo kết quả về Sở Xây dựng "
                "(qua Phòng Quản lý chất lượng) để tổng hợp, báo cáo UBND tỉnh.\n")
    assert plan.reporting.period == "monthly"
    assert plan.reporting.to == ["Sở Xây dựng"]
    assert plan.reporting.due_day == 25


@pytest.mark.django_db
def test_the_admins_preview_knows_the_databases_agencies(admin_client):
    # the admin's upload and preview read the names with the database's agencies: the coordinator is matched whole
    import re

    from agencies.models import Agency
    from planimport.tests.test_admin_import import upload

    Agency.objects.create(code="so-nnmt", name="Sở Nông nghiệp và Môi trường", kind="department")
    Agency.objects.create(code="bql-ayun-pa", name="Ban Quản lý rừng phòng hộ Ayun Pa", kind="other")
    response = upload(admin_client, "77.txt", ARMY_PLAN.encode())
    html = admin_client.get(response["Location"]).content.decode()
    row = re.search(r'<tr class="name-(\w+)">\s*<td>Ban Quản lý rừng phòng hộ Ayun Pa</td>', html)
    assert row and row.group(1) == "matched"
