"""Known data for the browsing pages' tests: two plans, a few agencies and a group, tasks of every
timeframe with deadlines placed around today, and reports that complete one of them."""

import datetime
from dataclasses import dataclass

from reports.models import AgencyReport, TaskReport
from tasks.models import Task

from .factories import (deadline, make_agency, make_group, make_plan, make_section, make_task, make_user,
                        submitted_report, today)


@dataclass
class World:
    plan_a: object
    plan_b: object
    part: object  # section II of plan A, holding s1 and s2
    s1: object
    s2: object
    tuphap: object
    noivu: object
    huyen: object
    districts: object  # group "UBND các huyện, thành phố" = [huyen]
    t1: object
    t2: object
    t3: object
    t4: object
    t5: object
    t6: object


def build_world():
    """
    plan A (10/KH-UBND, newer)            lead                 coordinators       timeframe
      II.1  t1 1.1 Tổ chức truyền thông   Sở Tư pháp           group(huyện)       ongoing
            t2 1.2 Phổ biến pháp luật     group(huyện)         Sở Nội vụ          annual
      II.2  t3 2.1 Bố trí cán bộ          Sở Nội vụ            Sở Tư pháp         deadline today-10 (overdue)
            t4 2.2 Hướng dẫn vị trí…      Sở Nội vụ            —                  deadline today+30
            t5 2.3 Rà soát văn bản        Sở Tư pháp           —                  deadline today-40, completed
    plan B (20/KH-UBND, older)
      I     t6 1.1 TRUYỀN THÔNG mạng xã hội  UBND huyện (direct)  —               deadline today+200
    """
    year = today().year
    plan_a = make_plan(number="10/KH-UBND", start_year=year - 1, end_year=year + 1,
                       issue_date=datetime.date(year - 1, 3, 1))
    plan_b = make_plan(number="20/KH-UBND", start_year=year - 2, end_year=year + 1,
                       issue_date=datetime.date(year - 2, 3, 1))
    part = make_section(plan_a, code="II", number="II", title="NỘI DUNG, NHIỆM VỤ", order=1)
    s1 = make_section(plan_a, code="II.1", number="1", title="Truyền thông chính sách", parent=part, order=2)
    s2 = make_section(plan_a, code="II.2", number="2", title="Nguồn lực", parent=part, order=3)
    sb = make_section(plan_b, code="I", number="I", title="NHIỆM VỤ", order=1)
    tuphap = make_agency(code="so-tu-phap", name="Sở Tư pháp")
    noivu = make_agency(code="so-noi-vu", name="Sở Nội vụ")
    huyen = make_agency(code="ubnd-huyen-viet-yen", name="UBND huyện Việt Yên", kind="district")
    districts = make_group([huyen], code="ubnd-cap-huyen", name="UBND các huyện, thành phố")
    t1 = make_task(s1, lead=tuphap, coordinators=[districts], number="1.1", order=1,
                   title="Tổ chức truyền thông chính sách về pháp luật mới")
    t2 = make_task(s1, lead=districts, coordinators=[noivu], number="1.2", order=2, title="Phổ biến pháp luật",
                   timeframe_kind=Task.Timeframe.ANNUAL, timeframe_text="Hàng năm")
    t3 = make_task(s2, lead=noivu, coordinators=[tuphap], number="2.1", order=3, title="Bố trí cán bộ đầu mối",
                   **deadline(-10))
    t4 = make_task(s2, lead=noivu, number="2.2", order=4, title="Hướng dẫn vị trí việc làm", **deadline(30))
    t5 = make_task(s2, lead=tuphap, number="2.3", order=5, title="Rà soát văn bản", **deadline(-40))
    t6 = make_task(sb, lead=huyen, number="1.1", order=1, title="TRUYỀN THÔNG trên mạng xã hội", **deadline(200))
    # t5 is completed: its lead said so in a submitted report. A coordinator's "completed" line and a
    # lead's line in a draft would not complete anything (t3 has both).
    report = submitted_report(plan_a, tuphap, year)
    TaskReport.objects.create(report=report, task=t5, role="lead", status=TaskReport.Status.COMPLETED,
                              achievements="Đã rà soát xong")
    TaskReport.objects.create(report=report, task=t3, role="coordinator", status=TaskReport.Status.COMPLETED,
                              achievements="Đã phối hợp")
    draft = AgencyReport.objects.create(plan=plan_a, agency=noivu, year=year)
    TaskReport.objects.create(report=draft, task=t3, role="lead", status=TaskReport.Status.COMPLETED,
                              achievements="Nháp")
    return World(plan_a, plan_b, part, s1, s2, tuphap, noivu, huyen, districts, t1, t2, t3, t4, t5, t6)


def log_in_viewer(client, django_user_model, world):
    """A viewer of Sở Nội vụ (sees every plan's tasks, reports nothing), logged in on ``client``."""
    from agencies.models import Membership

    user = make_user(django_user_model, "viewer", world.noivu, role=Membership.Role.VIEWER)
    client.force_login(user)
    return user


def more_tasks(world, n):
    """``n`` more ongoing tasks in plan A, led by Sở Tư pháp with the district group coordinating."""
    for i in range(n):
        make_task(world.s1, lead=world.tuphap, coordinators=[world.districts, world.noivu], number=f"9.{i + 1}",
                  order=100 + i, title=f"Nhiệm vụ truyền thông bổ sung {i + 1}")
