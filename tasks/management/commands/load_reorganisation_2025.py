"""Apply the seed province's 2025 reorganisation (DESIGN.md "Agencies change") to the agencies of plan 151/KH-UBND:
the new bodies, the dated changes with their legal acts, the routing of Sở Thông tin và Truyền thông's tasks, and the
former names. Idempotent: re-running changes nothing. ``make run`` runs it after the seed fixtures, before the demo.

Sources (named in each change's note): Nghị định 45/2025/NĐ-CP (the provinces' specialised departments, from
1/3/2025); Nghị quyết 176/2025/QH15 (the Government's ministries, from 1/3/2025); Nghị quyết 202/2025/QH15 (Bắc Giang
and Bắc Ninh merged into Bắc Ninh, from 1/7/2025); Nghị quyết 203/2025/QH15 (the Constitution amended: two levels of
local government, the district level ends on 1/7/2025); the provincial resolutions and decisions that set up the
merged departments, the Party's boards and the communes. Numbers marked "chưa đối chiếu" were not checked against
the published text.

Choices where the facts are unconfirmed, said so in the notes:
* the merged press body is named "Báo và Phát thanh, Truyền hình Bắc Ninh" from 1/7/2025;
* Sở Ngoại vụ's work went to Văn phòng UBND tỉnh on 1/3/2025;
* UBND tỉnh Bắc Giang (the plan's issuer) and HĐND tỉnh Bắc Giang are kept as the same bodies, renamed "… tỉnh
  Bắc Ninh" on 1/7/2025 (in law the two provinces merged: the merged province's bodies sit in former Bắc Giang);
* the 99 communes and wards of the new Bắc Ninh are not listed: five DEMO communes ("(mẫu)" in their names) take
  the work of two former districts each. Real data would list every commune and route each district to its own.

The group "UBND các huyện, thành phố" ends on 30/6/2025 with the districts; its successor group "UBND các xã, phường"
(the demo communes, who join it as their districts' successors) answers for its tasks from 1/7/2025."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agencies.models import Agency, AgencyChange, AgencyGroup
from agencies.succession import apply_change
from tasks.models import Plan, PlanAgencyRule, Task, TaskRouting

PLAN_CODE = "151-kh-ubnd-2023-bac-giang"
D_0301 = datetime.date(2025, 3, 1)
D_0701 = datetime.date(2025, 7, 1)
DEMO_COMMUNE = ("Đơn vị cấp xã MẪU cho bản trình diễn (không phải danh sách thật): tỉnh Bắc Ninh mới có 99 xã, phường "
                "từ 1/7/2025; bản mẫu chỉ có 5 xã, phường, mỗi đơn vị nhận công việc của hai huyện cũ.")

PRESS_RULE = ("LỰA CHỌN CỦA BẢN MẪU: nhiệm vụ 7.3 chỉ giao cho các cơ quan báo chí, mà mục V chỉ mời báo cáo; từ "
              "1/7/2025 Báo và Phát thanh, Truyền hình Bắc Ninh (hợp nhất Báo Bắc Giang và Đài PT-TH Bắc Giang, đơn vị sự "
              "nghiệp thuộc UBND tỉnh) phải báo cáo kế hoạch này, để 7.3 có cơ quan chủ trì phải trả lời. Năm 2023, 2024 "
              "giữ như cũ (7.3 không có cơ quan chủ trì phải báo cáo).")
DISTRICT_GROUP, COMMUNE_GROUP = "ubnd-cap-huyen", "ubnd-cap-xa"
GROUP_NOTE = ("Từ 1/7/2025 (NQ 203/2025/QH15: chính quyền địa phương hai cấp), nhiệm vụ giao “UBND các huyện, thành "
              "phố” do “UBND các xã, phường” thực hiện. Bản mẫu: nhóm xã, phường có 5 đơn vị MẪU.")

# (code, name, short name, kind, valid from, note)
NEW_AGENCIES = [
    ("so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", "department", D_0301, ""),
    ("ban-tuyen-giao-dan-van-tu", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban TG&DV Tỉnh ủy", "party", D_0301, ""),
    ("bao-ptth-bac-ninh", "Báo và Phát thanh, Truyền hình Bắc Ninh", "Báo và PT-TH Bắc Ninh", "press", D_0701,
     "Tên cuối cùng chưa xác nhận; ngày 1/7/2025 là lựa chọn của bản mẫu."),
    ("bo-khoa-hoc-cong-nghe", "Bộ Khoa học và Công nghệ", "Bộ KH&CN", "ministry", None, ""),
    ("bo-van-hoa-tt-dl", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ VH,TT&DL", "ministry", None, ""),
    ("ubnd-phuong-bac-giang-mau", "UBND phường Bắc Giang (mẫu)", "UBND phường Bắc Giang (mẫu)", "commune", D_0701,
     DEMO_COMMUNE),
    ("ubnd-phuong-viet-yen-mau", "UBND phường Việt Yên (mẫu)", "UBND phường Việt Yên (mẫu)", "commune", D_0701,
     DEMO_COMMUNE),
    ("ubnd-xa-lang-giang-mau", "UBND xã Lạng Giang (mẫu)", "UBND xã Lạng Giang (mẫu)", "commune", D_0701, DEMO_COMMUNE),
    ("ubnd-xa-luc-ngan-mau", "UBND xã Lục Ngạn (mẫu)", "UBND xã Lục Ngạn (mẫu)", "commune", D_0701, DEMO_COMMUNE),
    ("ubnd-xa-son-dong-mau", "UBND xã Sơn Động (mẫu)", "UBND xã Sơn Động (mẫu)", "commune", D_0701, DEMO_COMMUNE),
]

ND45 = ("45/2025/NĐ-CP", datetime.date(2025, 2, 28),
        "Nghị định quy định tổ chức các cơ quan chuyên môn thuộc UBND tỉnh, thành phố trực thuộc trung ương")
NQ176 = ("176/2025/QH15", datetime.date(2025, 2, 18), "Nghị quyết về cơ cấu tổ chức của Chính phủ nhiệm kỳ Quốc hội khóa XV")
NQ202 = ("202/2025/QH15", datetime.date(2025, 6, 12), "Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh")
NQ203 = ("203/2025/QH15", datetime.date(2025, 6, 16), "Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp")
PROVINCIAL = "Nghị quyết của HĐND tỉnh Bắc Giang về thành lập, tổ chức lại các cơ quan chuyên môn (số hiệu chưa đối chiếu)"

DISTRICTS = {  # former district -> the demo commune that takes its work
    "ubnd-tp-bac-giang": "ubnd-phuong-bac-giang-mau", "ubnd-huyen-yen-dung": "ubnd-phuong-bac-giang-mau",
    "ubnd-huyen-viet-yen": "ubnd-phuong-viet-yen-mau", "ubnd-huyen-hiep-hoa": "ubnd-phuong-viet-yen-mau",
    "ubnd-huyen-lang-giang": "ubnd-xa-lang-giang-mau", "ubnd-huyen-tan-yen": "ubnd-xa-lang-giang-mau",
    "ubnd-huyen-luc-nam": "ubnd-xa-luc-ngan-mau", "ubnd-huyen-luc-ngan": "ubnd-xa-luc-ngan-mau",
    "ubnd-huyen-son-dong": "ubnd-xa-son-dong-mau", "ubnd-huyen-yen-the": "ubnd-xa-son-dong-mau",
}


def _change(code, kind, date, act, predecessors, successors=(), default=None, routing=None, note="", new_name="",
            new_short_name=""):
    return {"code": code, "kind": kind, "effective_date": date, "act": act, "predecessors": predecessors,
            "successors": successors, "default": default, "routing": routing or {}, "note": note,
            "new_name": new_name, "new_short_name": new_short_name}


K = AgencyChange.Kind
CHANGES = [
    _change("2025-so-tttt", K.SPLIT, D_0301, ND45, ["so-tttt"],
            ["so-van-hoa-tt-dl", "so-khoa-hoc-cong-nghe", "cong-an-tinh"], default="so-van-hoa-tt-dl",
            routing={"5.4": "so-khoa-hoc-cong-nghe", "7.2": "cong-an-tinh"},
            note="Sở TT&TT chấm dứt: công nghệ thông tin, chuyển đổi số, bưu chính sang Sở KH&CN (nhiệm vụ 5.4); báo "
                 "chí, xuất bản, thông tin cơ sở, thông tin đối ngoại (công tác truyền thông của Chỉ thị 07: các nhiệm "
                 "vụ còn lại, và việc nhận báo cáo) sang Sở VH,TT&DL; an toàn thông tin mạng sang Công an tỉnh (7.2). "
                 f"Nguồn: NĐ 45/2025/NĐ-CP; {PROVINCIAL}."),
    _change("2025-so-khdt", K.MERGE, D_0301, ND45, ["so-ke-hoach-dau-tu"], ["so-tai-chinh"],
            note=f"Hợp nhất vào Sở Tài chính. Nguồn: NĐ 45/2025/NĐ-CP; {PROVINCIAL}."),
    _change("2025-so-gtvt", K.MERGE, D_0301, ND45, ["so-giao-thong-van-tai"], ["so-xay-dung"],
            note=f"Hợp nhất vào Sở Xây dựng. Nguồn: NĐ 45/2025/NĐ-CP; {PROVINCIAL}."),
    _change("2025-so-nnmt", K.MERGE, D_0301, ND45, ["so-tai-nguyen-moi-truong", "so-nong-nghiep-ptnt"],
            ["so-nong-nghiep-moi-truong"],
            note=f"Sở TN&MT và Sở NN&PTNT hợp nhất thành Sở Nông nghiệp và Môi trường. Nguồn: NĐ 45/2025/NĐ-CP; {PROVINCIAL}."),
    _change("2025-so-ldtbxh", K.SPLIT, D_0301, ND45, ["so-lao-dong-tbxh"],
            ["so-noi-vu", "so-y-te", "so-giao-duc-dao-tao"], default="so-noi-vu",
            note="Sở LĐ-TB&XH chấm dứt: lao động, người có công sang Sở Nội vụ (nhận các nhiệm vụ của kế hoạch); bảo trợ "
                 f"xã hội sang Sở Y tế; giáo dục nghề nghiệp sang Sở GD&ĐT. Nguồn: NĐ 45/2025/NĐ-CP; {PROVINCIAL}."),
    _change("2025-so-ngoai-vu", K.MERGE, D_0301, ND45, ["so-ngoai-vu"], ["van-phong-ubnd-tinh"],
            note="CHƯA XÁC NHẬN: nơi Sở Ngoại vụ chuyển về; bản mẫu chọn Văn phòng UBND tỉnh (nhận nhiệm vụ 5.5). "
                 f"Nguồn: NĐ 45/2025/NĐ-CP; {PROVINCIAL}."),
    _change("2025-ban-tuyen-giao", K.MERGE, D_0301,
            ("", None, "Quyết định của Ban Thường vụ Tỉnh ủy về thành lập Ban Tuyên giáo và Dân vận (số hiệu chưa đối chiếu)"),
            ["ban-tuyen-giao-tu"], ["ban-tuyen-giao-dan-van-tu"],
            note="Ban Tuyên giáo Tỉnh ủy và Ban Dân vận Tỉnh ủy (không có trong kế hoạch) hợp nhất. Nguồn: chủ trương "
                 "sắp xếp bộ máy của Trung ương năm 2025; quyết định của Tỉnh ủy (chưa đối chiếu)."),
    _change("2025-bo-tttt", K.SPLIT, D_0301, NQ176, ["bo-tttt"], ["bo-van-hoa-tt-dl", "bo-khoa-hoc-cong-nghe"],
            default="bo-van-hoa-tt-dl", routing={"5.4": "bo-khoa-hoc-cong-nghe"},
            note="Bộ TT&TT hợp nhất vào Bộ KH&CN (chuyển đổi số, công nghệ thông tin: nhiệm vụ 5.4); báo chí, xuất "
                 "bản, thông tin cơ sở sang Bộ VH,TT&DL. Nguồn: NQ 176/2025/QH15 (số hiệu chưa đối chiếu)."),
    _change("2025-bao-ptth", K.MERGE, D_0701, ("", None, "Quyết định của UBND tỉnh về hợp nhất cơ quan báo chí (chưa đối chiếu)"),
            ["bao-bac-giang", "dai-ptth-bac-giang"], ["bao-ptth-bac-ninh"],
            note="CHƯA XÁC NHẬN: tên cuối cùng và ngày hợp nhất của cơ quan báo chí hợp nhất; bản mẫu chọn "
                 "“Báo và Phát thanh, Truyền hình Bắc Ninh”, từ 1/7/2025. Nguồn: NQ 202/2025/QH15; quyết định của tỉnh."),
    _change("2025-ubnd-tinh", K.RENAME, D_0701, NQ202, ["ubnd-tinh-bac-giang"],
            new_name="Ủy ban nhân dân tỉnh Bắc Ninh", new_short_name="UBND tỉnh Bắc Ninh",
            note="Tỉnh Bắc Giang và tỉnh Bắc Ninh hợp nhất thành tỉnh Bắc Ninh (trung tâm hành chính tại Bắc Giang cũ). "
                 "Bản mẫu giữ UBND tỉnh là cùng một cơ quan, đổi tên từ 1/7/2025. Nguồn: NQ 202/2025/QH15."),
    _change("2025-hdnd-tinh", K.RENAME, D_0701, NQ202, ["hdnd-tinh-bac-giang"],
            new_name="Hội đồng nhân dân tỉnh Bắc Ninh", new_short_name="HĐND tỉnh Bắc Ninh",
            note="Như UBND tỉnh: cùng một cơ quan, đổi tên từ 1/7/2025. Nguồn: NQ 202/2025/QH15."),
] + [
    _change(f"2025-{district}", K.DISSOLVE, D_0701, NQ203, [district], [commune],
            note="Kết thúc hoạt động của cấp huyện từ 1/7/2025; công việc chuyển cho UBND cấp xã. Bản mẫu: đơn vị cấp "
                 "xã nhận là đơn vị MẪU (5 trong 99 xã, phường của tỉnh Bắc Ninh mới). Nguồn: NQ 203/2025/QH15; "
                 "NQ 202/2025/QH15; nghị quyết của UBTVQH về sắp xếp ĐVHC cấp xã tỉnh Bắc Ninh năm 2025 (chưa đối chiếu).")
    for district, commune in DISTRICTS.items()
]


class Command(BaseCommand):
    help = ("Apply the seed province's 2025 reorganisation (departments merged and split on 1/3/2025, districts ended "
            "and the provinces merged on 1/7/2025; five demo communes) to plan 151's agencies. Idempotent.")

    @transaction.atomic
    def handle(self, *args, **options):
        plan = Plan.objects.filter(code=PLAN_CODE).first()
        if plan is None:
            raise CommandError(f"Load the seed plan first (manage.py loaddata fixtures/…): no plan {PLAN_CODE}.")
        for code, name, short_name, kind, valid_from, note in NEW_AGENCIES:
            Agency.objects.get_or_create(code=code, defaults={
                "name": name, "short_name": short_name, "kind": kind, "valid_from": valid_from})
        agencies = Agency.objects.in_bulk(field_name="code")
        # The plan's "UBND các huyện, thành phố" ends with the district level; its tasks go to the communes' group.
        communes, _created = AgencyGroup.objects.get_or_create(code=COMMUNE_GROUP, defaults={
            "name": "UBND các xã, phường", "valid_from": D_0701, "description": GROUP_NOTE})
        districts = AgencyGroup.objects.get(code=DISTRICT_GROUP)
        if districts.successor_id is None:
            districts.valid_to, districts.successor = D_0701 - datetime.timedelta(days=1), communes
            districts.description = "\n".join(x for x in (districts.description, GROUP_NOTE) if x)
            districts.save()
        # Task 7.3 is led by the press group alone, which section V only invites: the merged broadcaster is obliged
        # by the plan's own rule for it (a stated choice, see PRESS_RULE), so that the task has a lead that must answer.
        PlanAgencyRule.objects.get_or_create(plan=plan, agency=agencies["bao-ptth-bac-ninh"],
                                             defaults={"obliged": True, "reason": PRESS_RULE})
        tasks = {t.number: t for t in Task.objects.filter(plan=plan)}
        applied = 0
        for spec in CHANGES:
            number, act_date, title = spec["act"]
            change, _created = AgencyChange.objects.get_or_create(code=spec["code"], defaults={
                "kind": spec["kind"], "effective_date": spec["effective_date"], "act_number": number,
                "act_date": act_date, "act_title": title, "note": spec["note"], "new_name": spec["new_name"],
                "new_short_name": spec["new_short_name"],
                "default_successor": agencies[spec["default"]] if spec["default"] else None})
            if change.applied_at is not None:
                continue
            change.predecessors.set([agencies[c] for c in spec["predecessors"]])
            change.successors.set([agencies[c] for c in spec["successors"]])
            routing = []
            for task_number, code in spec["routing"].items():
                row, _created = TaskRouting.objects.update_or_create(
                    change=change, task=tasks[task_number], defaults={"successor": agencies[code]})
                routing.append((row.task, row.successor))
            apply_change(change, routing=routing)
            applied += 1
        self.stdout.write(f"Reorganisation 2025: {applied} change(s) applied, {len(CHANGES) - applied} already in place.")
