"""Issue #13, item 2: a reorganisation entered in the admin as one change, previewed, applied whole or refused whole."""

import datetime
import re

import pytest
from django.urls import reverse

from agencies.models import Agency, AgencyChange, Membership
from reports.models import AgencyReport, TaskReport
from reports.services import open_reporting_year

ADD = reverse("admin:agencies_agencychange_add")


def _text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _form(**fields):
    data = {
        "code": "2025-so-tttt", "kind": "split", "effective_date": "01/03/2025", "act_number": "45/2025/NĐ-CP",
        "act_date": "28/02/2025", "act_title": "Nghị định về cơ quan chuyên môn", "note": "",
        "new_name": "", "new_short_name": "",
        "routings-TOTAL_FORMS": "0", "routings-INITIAL_FORMS": "0", "routings-MIN_NUM_FORMS": "0",
        "routings-MAX_NUM_FORMS": "1000",
    }
    routes = fields.pop("routes", [])
    for i, (task, agency) in enumerate(routes):
        data[f"routings-{i}-task"] = str(task.pk)
        data[f"routings-{i}-successor"] = str(agency.pk)
    data["routings-TOTAL_FORMS"] = str(len(routes))
    data.update(fields)
    return data


@pytest.fixture
def agencies(seed):
    return Agency.objects.in_bulk(field_name="code")


@pytest.fixture
def opened(seed, admin_user):
    open_reporting_year(seed, 2025, admin_user)
    return seed


def _enter(client, agencies, **fields):
    response = client.post(ADD, _form(**fields))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    return AgencyChange.objects.get(code=fields.get("code", "2025-so-tttt"))


def test_a_split_is_entered_previewed_and_applied_whole(opened, agencies, admin_user, client, django_user_model):
    tasks = {t.number: t for t in opened.tasks.all()}
    officer = django_user_model.objects.create_user("tttt-coordinator", password="pw")
    Membership.objects.create(user=officer, agency=agencies["so-tttt"], role=Membership.Role.COORDINATOR)
    client.force_login(admin_user)
    a = agencies
    change = _enter(client, agencies, predecessors=[a["so-tttt"].pk],
                    successors=[a["so-van-hoa-tt-dl"].pk, a["so-khoa-hoc-cong-nghe"].pk],
                    default_successor=a["so-van-hoa-tt-dl"].pk, routes=[(tasks["5.4"], a["so-khoa-hoc-cong-nghe"])])
    assert change.applied_at is None and a["so-tttt"].valid_to is None  # entered, nothing moved yet
    page = client.get(reverse("admin:agencies_agencychange_change", args=[change.pk])).content.decode()
    url = reverse("admin:agencies_agencychange_apply", args=[change.pk])
    assert url in page

    html = client.get(url).content.decode()
    text = _text(html)
    moves = _text(html.split('id="moves"', 1)[1].split("</table>", 1)[0])
    assert "5.4." in moves and re.search(r"5\.4\..*?Sở Thông tin và Truyền thông Sở Khoa học và Công nghệ 2025, 2026",
                                         moves)
    assert re.search(r"5\.2\..*?Sở Thông tin và Truyền thông Sở Văn hóa, Thể thao và Du lịch 2025, 2026", moves)
    assert "Sở Khoa học và Công nghệ" not in moves.split("5.2.", 1)[1].split("5.3.", 1)[0]
    assert "Sở Thông tin và Truyền thông · 2025: chưa ai nhập" in text
    assert "tttt-coordinator (Cán bộ đầu mối tổng hợp, Sở Thông tin và Truyền thông): hết quyền" in text
    assert "Sở Thông tin và Truyền thông — đến hết ngày 28/02/2025" in text
    assert a["so-tttt"].reports.filter(year=2025).exists()  # the preview wrote nothing

    response = client.post(url, {"apply": "1"})
    assert response.status_code == 302
    change.refresh_from_db()
    tttt = Agency.objects.get(code="so-tttt")
    assert change.applied_at is not None and tttt.valid_to == datetime.date(2025, 2, 28)
    assert not tttt.reports.filter(year=2025).exists()  # the empty 2025 draft moved to the successors
    lines = TaskReport.objects.filter(report__year=2025, task__number__in=["5.2", "5.4"]).values_list(
        "report__agency__code", "task__number")
    assert ("so-khoa-hoc-cong-nghe", "5.4") in lines and ("so-van-hoa-tt-dl", "5.2") in lines
    assert ("so-van-hoa-tt-dl", "5.4") not in lines
    # An applied change is history: read-only, not deleted, not applied twice.
    assert client.post(reverse("admin:agencies_agencychange_change", args=[change.pk]), _form()).status_code == 403
    assert client.get(url).status_code == 302
    assert change.history.count() >= 2 and tttt.history.filter(valid_to=datetime.date(2025, 2, 28)).exists()


def _snapshot():
    return (list(Agency.objects.values_list("code", "valid_from", "valid_to", "name").order_by("code")),
            list(Agency.successors.through.objects.values_list("from_agency_id", "to_agency_id").order_by("pk")),
            list(AgencyReport.objects.values_list("pk", "agency_id", "year").order_by("pk")),
            Agency.history.count(), AgencyReport.history.count())


def test_routing_to_a_body_that_is_not_a_successor_is_refused_and_nothing_is_written(opened, agencies, admin_user,
                                                                                        client):
    tasks = {t.number: t for t in opened.tasks.all()}
    client.force_login(admin_user)
    a = agencies
    change = _enter(client, agencies, predecessors=[a["so-tttt"].pk],
                    successors=[a["so-van-hoa-tt-dl"].pk, a["so-khoa-hoc-cong-nghe"].pk],
                    default_successor=a["so-van-hoa-tt-dl"].pk, routes=[(tasks["5.4"], a["cong-an-tinh"])])
    before = _snapshot()
    url = reverse("admin:agencies_agencychange_apply", args=[change.pk])
    text = _text(client.get(url).content.decode())
    message = "Nhiệm vụ 5.4 được chuyển cho Công an tỉnh, không phải cơ quan kế thừa của thay đổi này."
    assert message in text and "Chưa thể áp dụng" in text and 'name="apply"' not in client.get(url).content.decode()
    response = client.post(url, {"apply": "1"})
    assert response.status_code == 400 and message in _text(response.content.decode())
    change.refresh_from_db()
    assert change.applied_at is None and _snapshot() == before


def test_a_split_without_default_names_the_tasks_left_without_a_successor(opened, agencies, admin_user, client):
    tasks = {t.number: t for t in opened.tasks.all()}
    client.force_login(admin_user)
    a = agencies
    change = _enter(client, agencies, predecessors=[a["so-tttt"].pk],
                    successors=[a["so-van-hoa-tt-dl"].pk, a["so-khoa-hoc-cong-nghe"].pk],
                    routes=[(tasks["5.4"], a["so-khoa-hoc-cong-nghe"]), (tasks["2.2"], a["so-van-hoa-tt-dl"])])
    before = _snapshot()
    url = reverse("admin:agencies_agencychange_apply", args=[change.pk])
    response = client.post(url, {"apply": "1"})
    text = _text(response.content.decode())
    assert response.status_code == 400
    left = re.search(r"Các nhiệm vụ ([0-9., ]+) chưa có cơ quan nhận: chuyển giao từng nhiệm vụ hoặc chọn cơ quan nhận "
                     r"phần còn lại\.", text).group(1).split(", ")
    assert left[:4] == ["1.1", "1.2", "2.1", "2.3"] and "5.2" in left and "7.2" in left  # its own and its groups'
    assert "5.4" not in left and "2.2" not in left  # routed
    assert _snapshot() == before and not AgencyChange.objects.filter(applied_at__isnull=False).exists()


def test_routing_a_task_the_predecessor_does_not_hold_is_refused(opened, agencies, admin_user, client):
    tasks = {t.number: t for t in opened.tasks.all()}
    client.force_login(admin_user)
    a = agencies
    other = next(n for n, t in tasks.items() if not t.assignments.filter(agency=a["so-ngoai-vu"]).exists()
                 and not t.assignments.filter(group__members=a["so-ngoai-vu"]).exists())
    change = _enter(client, agencies, predecessors=[a["so-ngoai-vu"].pk], successors=[a["van-phong-ubnd-tinh"].pk],
                    kind="merge", routes=[(tasks[other], a["van-phong-ubnd-tinh"])])
    text = _text(client.post(reverse("admin:agencies_agencychange_apply", args=[change.pk])).content.decode())
    assert f"Nhiệm vụ {other} không phải nhiệm vụ của cơ quan trước thay đổi." in text


def test_a_rename_preview_and_the_former_name_in_the_admin(seed, agencies, admin_user, client):
    client.force_login(admin_user)
    change = _enter(client, agencies, code="ubnd-ten", kind="rename", effective_date="01/07/2025",
                    predecessors=[agencies["ubnd-tinh-bac-giang"].pk], new_name="Ủy ban nhân dân tỉnh Bắc Ninh",
                    new_short_name="UBND tỉnh Bắc Ninh")
    url = reverse("admin:agencies_agencychange_apply", args=[change.pk])
    text = _text(client.get(url).content.decode())
    assert "Ủy ban nhân dân tỉnh Bắc Giang → Ủy ban nhân dân tỉnh Bắc Ninh" in text
    assert client.post(url, {"apply": "1"}).status_code == 302
    names = _text(client.get(reverse("admin:agencies_agencyname_changelist")).content.decode())
    assert "Ủy ban nhân dân tỉnh Bắc Giang" in names


def test_a_successors_coordinator_reviews_from_the_day_the_body_exists(db, django_user_model):
    """Rights follow the agencies rule (active_on_q): a body created by a change still to come grants nothing yet;
    its officers and a ceased body's officers keep their own agency's reports."""
    from accounts import roles

    today = datetime.date.today()
    future = Agency.objects.create(code="moi", name="Sở mới", valid_from=today + datetime.timedelta(days=1))
    started = Agency.objects.create(code="da-co", name="Sở đã có", valid_from=today)
    gone = Agency.objects.create(code="cu", name="Sở cũ", valid_to=today - datetime.timedelta(days=1))
    waiting, in_force, officer = (django_user_model.objects.create_user(n) for n in ("w", "i", "o"))
    Membership.objects.create(user=waiting, agency=future, role=Membership.Role.COORDINATOR)
    Membership.objects.create(user=in_force, agency=started, role=Membership.Role.COORDINATOR)
    Membership.objects.create(user=officer, agency=gone, role=Membership.Role.OFFICER)
    assert not roles.is_coordinator(waiting) and not roles.may_review(waiting)
    assert roles.is_coordinator(in_force) and roles.may_review(in_force)
    assert roles.officer_agency_ids(officer) == {gone.pk}


def test_a_group_answers_with_its_members_on_the_due_date_and_its_successor_after_it_ends(db):
    """Item 2 of #13: dated group membership, and a group's successor, in the obligations of a year."""
    from agencies.models import AgencyGroup, GroupMemberPeriod
    from reports.services import obligations
    from testing.factories import make_plan, make_section, make_task

    plan = make_plan(start_year=2024, end_year=2026)
    d1, d2, leaving = (Agency.objects.create(code=c, name=c, kind="district") for c in ("d1", "d2", "leaving"))
    c1 = Agency.objects.create(code="c1", name="c1", kind="commune", valid_from=datetime.date(2025, 7, 1))
    districts = AgencyGroup.objects.create(code="huyen", name="UBND các huyện, thành phố")
    districts.members.set([d1, d2, leaving])
    GroupMemberPeriod.objects.create(group=districts, agency=leaving, valid_to=datetime.date(2024, 12, 31))
    communes = AgencyGroup.objects.create(code="xa", name="UBND các xã, phường", valid_from=datetime.date(2025, 7, 1))
    communes.members.set([c1])
    make_task(make_section(plan), lead=districts, number="1.1")

    def obliged(year):
        return sorted(a.code for a in obligations(plan, year))

    assert obliged(2024) == ["d1", "d2", "leaving"]
    assert obliged(2025) == ["d1", "d2"]  # its membership ended on 31/12/2024; it still exists
    districts.valid_to, districts.successor = datetime.date(2025, 6, 30), communes
    districts.save()
    assert obliged(2024) == ["d1", "d2", "leaving"]
    assert obliged(2025) == ["c1"] and obliged(2026) == ["c1"]  # the successor group's members on the due date


def test_the_2025_reorganisation_records_the_districts_group_successor(seed):
    from io import StringIO

    from django.core.management import call_command

    from agencies.models import AgencyGroup

    call_command("load_reorganisation_2025", stdout=StringIO())
    districts = AgencyGroup.objects.get(code="ubnd-cap-huyen")
    assert districts.valid_to == datetime.date(2025, 6, 30) and districts.successor.name == "UBND các xã, phường"
    assert districts.successor.members.count() == 5 and not districts.members.filter(kind="commune").exists()
    assert "NQ 203/2025/QH15" in districts.successor.description


def test_the_obliged_lists_side_by_side(seed):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_reorganisation_2025", stdout=StringIO())
    out = StringIO()
    call_command("obliged_lists", "2024", "2026", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split(" | ")[0].startswith("2024 (hạn 15/11/2024): 31 phải báo cáo, 6 được mời")
    assert lines[0].split(" | ")[1].startswith("2026 (hạn 15/11/2026): 21 phải báo cáo, 4 được mời")
    left = [line.split(" | ")[0] for line in lines[2:]]
    right = [line.split(" | ")[1] if " | " in line else "" for line in lines[2:]]
    assert any(x.startswith("Sở Thông tin và Truyền thông [") for x in left)
    assert not any("Thông tin và Truyền thông" in x for x in right)
    assert any(x.startswith("UBND phường Việt Yên (mẫu) [") for x in right)
    assert any(x.startswith("(mời) Bộ Thông tin và Truyền thông") for x in left)


def test_the_plans_rule_for_one_body_overrides_its_kind(seed, admin_user, client):
    from reports.services import obligations
    from tasks.models import PlanAgencyRule

    def invited(code, year=2024):
        return {a.code: ob.invited for a, ob in obligations(seed, year).items()}[code]

    assert invited("dai-ptth-bac-giang") and not invited("so-tu-phap")
    client.force_login(admin_user)
    page = client.get(reverse("admin:tasks_plan_change", args=[seed.pk])).content.decode()
    assert "agency_rules-TOTAL_FORMS" in page  # edited in the plan admin
    PlanAgencyRule.objects.create(plan=seed, agency=Agency.objects.get(code="dai-ptth-bac-giang"), obliged=True)
    PlanAgencyRule.objects.create(plan=seed, agency=Agency.objects.get(code="so-tu-phap"), obliged=False)
    seed.refresh_from_db()
    seed.__dict__.pop("_agency_rules", None)
    assert not invited("dai-ptth-bac-giang") and invited("so-tu-phap")


def test_the_onward_recipients_of_2025_and_2026_are_the_successor_bodies(seed, admin_user, client):
    """Nơi nhận: the year opened after the reorganisation names the ministry that took over Bộ TT&TT's press work;
    2024, opened before, and its export stay as they were."""
    import io as _io

    import docx as _docx
    from django.core.management import call_command

    from reports.models import ReportingYear

    open_reporting_year(seed, 2024, admin_user)
    call_command("load_reorganisation_2025", stdout=_io.StringIO())
    plan = type(seed).objects.get(pk=seed.pk)  # its recipient as it stands now
    for year in (2025, 2026):
        open_reporting_year(plan, year, admin_user)
    onward = {y.year: y.onward_list for y in ReportingYear.objects.filter(plan=seed)}
    assert onward[2024] == ["UBND tỉnh", "Bộ Thông tin và Truyền thông"]
    assert onward[2025] == onward[2026] == ["UBND tỉnh", "Bộ Văn hóa, Thể thao và Du lịch"]
    client.force_login(admin_user)
    content = client.get(reverse("reports:year-export-docx", args=[seed.pk, 2025])).content
    document = _docx.Document(_io.BytesIO(content))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert "- Bộ Văn hóa, Thể thao và Du lịch;" in text and "Bộ Thông tin và Truyền thông;" not in text


def test_mail_goes_to_the_coordinators_of_the_years_receiving_body(seed, admin_user, django_user_model):
    """Item 5 of #13: the year's recipient (ReportingYear), and coordinators by role: a coordinator of the ceased
    Sở TT&TT hears nothing of 2025's reports, the successor's coordinator does."""
    from io import StringIO

    from django.core.management import call_command

    from notifications.recipients import NOTIFICATIONS, coordinators_and_officers, coordinators_by_plan
    from reports.models import ReportingYear

    call_command("load_reorganisation_2025", stdout=StringIO())
    plan = type(seed).objects.get(pk=seed.pk)
    open_reporting_year(plan, 2025, admin_user)
    people = {}
    for code in ("so-tttt", "so-van-hoa-tt-dl", "so-tu-phap"):
        user = django_user_model.objects.create_user(f"dm-{code}", email=f"{code}@example.vn")
        Membership.objects.create(user=user, agency=Agency.objects.get(code=code), role=Membership.Role.COORDINATOR)
        people[code] = user
    coordinators, _officers = coordinators_and_officers(plan, [], NOTIFICATIONS, year=2025)
    assert [r.email for r in coordinators] == ["so-van-hoa-tt-dl@example.vn"]
    year = ReportingYear.objects.get(plan=plan, year=2025)
    by_plan = coordinators_by_plan([plan], NOTIFICATIONS, {plan.pk: year.recipient_id})
    assert [r.email for r in by_plan[plan.pk]] == ["so-van-hoa-tt-dl@example.vn"]
    everyone = coordinators_by_plan([plan], NOTIFICATIONS)  # the plan's own recipient has ceased: every coordinator
    assert sorted(r.email for r in everyone[plan.pk]) == ["so-tu-phap@example.vn", "so-van-hoa-tt-dl@example.vn"]
