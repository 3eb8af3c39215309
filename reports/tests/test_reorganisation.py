"""Issue #13: the seed province's 2025 reorganisation (manage.py load_reorganisation_2025) as the demo shows it."""

import datetime
import io
import re

import docx
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from accounts import roles
from agencies.models import Agency
from reports import completion
from reports.models import AgencyReport, TaskReport
from reports.services import obligations, submit_report
from tasks.models import Task
from testing.factories import fill_report

TODAY = datetime.date(2026, 12, 6)
NOV_2024 = datetime.datetime(2024, 11, 10, 3, tzinfo=datetime.timezone.utc)


def _docx_text(content):
    document = docx.Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return texts


def _text(html):
    """What a person reads on a page: the tags (and their per-request nonces and tokens) left out."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _pages(client, plan, years=(2023, 2024)):
    pages = {}
    for year in years:
        for name in ("year-overview", "year-tasks"):
            pages[(year, name)] = _text(client.get(reverse(f"reports:{name}", args=[plan.pk, year])).content.decode())
        response = client.get(reverse("reports:year-export-docx", args=[plan.pk, year]))
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        pages[(year, "docx")] = _docx_text(response.content)
    return pages


def _it():
    """A superuser of IT (load_demo resets the demo's own admin, and with it any session)."""
    return get_user_model().objects.create_superuser("it", password="pw-it", email="it@example.vn")


def _demo(settings, *, reorganised_first=True):
    settings.DEBUG = True
    out = io.StringIO()
    if reorganised_first:
        call_command("load_reorganisation_2025", stdout=out)
    call_command("load_demo", stdout=out)
    call_command("load_demo_reports", stdout=out)


def test_2023_and_2024_pages_and_docx_are_the_same_before_and_after_the_reorganisation(seed, settings, client):
    _demo(settings, reorganised_first=False)
    client.force_login(_it())
    before = _pages(client, seed)
    assert "Sở Thông tin và Truyền thông" in " ".join(before[(2024, "docx")])
    call_command("load_reorganisation_2025", stdout=io.StringIO())
    after = _pages(client, seed)
    for key in before:
        assert after[key] == before[key], key


@pytest.fixture
def demo(seed, settings):
    """What `make run` sets up: the seed, the reorganisation, the demo accounts and reports."""
    _demo(settings)
    return seed


def test_the_2026_submissions_list_names_no_body_that_had_ceased_by_the_due_date(demo, client):
    client.force_login(_it())
    html = client.get(reverse("reports:year-submissions", args=[demo.pk, 2026])).content.decode()
    listed = html.split("</details>", 1)[1]  # after the year's parameters
    ceased = Agency.objects.filter(valid_to__lt=demo.report_due_date(2026))
    assert ceased.count() >= 20
    for agency in ceased:
        assert agency.name not in listed, agency.name
    for name in ("Sở Văn hóa, Thể thao và Du lịch", "Sở Nông nghiệp và Môi trường", "UBND phường Việt Yên (mẫu)"):
        assert name in listed
    reports = AgencyReport.objects.filter(plan=demo, year=2026).select_related("agency")
    assert all(r.agency.is_active_on(demo.report_due_date(2026)) for r in reports)


def _without_obliged_lead(plan, year):
    led = {task.number for ob in obligations(plan, year).values() if not ob.invited
           for task, role in ob.roles.items() if role == "lead"}
    return {t.number for t in Task.objects.filter(plan=plan) if t.is_active_in_year(year)} - led


def test_every_task_has_an_obliged_lead_in_2025_and_2026_as_in_2024(demo):
    # 7.3 is led by the press group alone, which the plan invites (section V): so it was in 2024. From 1/7/2025 the
    # merged broadcaster is obliged by the plan's rule for it (PlanAgencyRule, a stated choice of the seed).
    assert _without_obliged_lead(demo, 2024) == {"7.3"}
    assert _without_obliged_lead(demo, 2025) == set()
    assert _without_obliged_lead(demo, 2026) == set()
    in_2026 = {a.code: {t.number: r for t, r in ob.roles.items()} for a, ob in obligations(demo, 2026).items()}
    # Sở TT&TT's tasks by the routing: 5.4 to Sở KH&CN, 7.2 to Công an tỉnh, the rest to Sở VH,TT&DL.
    assert in_2026["so-khoa-hoc-cong-nghe"]["5.4"] == "lead"
    assert in_2026["cong-an-tinh"]["7.2"] == "lead"
    assert in_2026["so-van-hoa-tt-dl"]["5.2"] == "lead" and "5.4" not in in_2026["so-van-hoa-tt-dl"]
    assert in_2026["van-phong-ubnd-tinh"]["5.5"] == "lead"  # Sở Ngoại vụ's (a stated choice)
    assert in_2026["ubnd-phuong-viet-yen-mau"]["1.2"] == "lead"  # the districts' group work
    assert "so-tttt" not in in_2026 and "ubnd-huyen-viet-yen" not in in_2026
    assert in_2026["bao-ptth-bac-ninh"]["7.3"] == "lead"
    assert not obligations(demo, 2026)[Agency.objects.get(code="bao-ptth-bac-ninh")].invited


def test_reports_already_submitted_stay_with_the_body_that_wrote_them(demo):
    old = AgencyReport.objects.filter(plan=demo, year=2024, agency__code="so-tttt").get()
    assert old.first_submitted_at is not None or old.status == AgencyReport.Status.DRAFT
    assert not AgencyReport.objects.filter(plan=demo, year=2025, agency__code="so-tttt").exists()
    assert AgencyReport.objects.filter(plan=demo, year=2025, agency__code="so-van-hoa-tt-dl").exists()


def test_the_2025_docx_is_headed_by_the_successor_body(demo, client):
    client.force_login(_it())
    content = client.get(reverse("reports:year-export-docx", args=[demo.pk, 2025])).content
    head = docx.Document(io.BytesIO(content)).tables[0]
    assert head.cell(0, 0).text.splitlines() == ["UBND TỈNH BẮC NINH", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]
    content = client.get(reverse("reports:year-export-docx", args=[demo.pk, 2024])).content
    head = docx.Document(io.BytesIO(content)).tables[0]
    assert head.cell(0, 0).text.splitlines() == ["UBND TỈNH BẮC GIANG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]


def test_a_lead_that_missed_6_2_reports_it_completed_in_2026_and_it_stops_being_overdue_for_it(demo):
    task = Task.objects.get(plan=demo, number="6.2")
    line = TaskReport.objects.filter(task=task, report__year=2026).select_related("report__agency").first()
    assert line is not None and line.role == "lead"
    report, agency = line.report, line.report.agency
    officer = get_user_model().objects.create_user("xa.mau", password="pw")
    assert completion.overdue_for(Task.objects.filter(pk=task.pk), agency.pk, TODAY, 2026).exists()
    report = fill_report(report, officer)
    TaskReport.objects.filter(pk=line.pk).update(status=TaskReport.Status.COMPLETED)
    report.refresh_from_db()
    submit_report(report, officer)
    assert not completion.overdue_for(Task.objects.filter(pk=task.pk), agency.pk, TODAY, 2026).exists()


def test_the_demo_people_follow_their_bodies(demo, client):
    User = get_user_model()
    coordinator, officer = User.objects.get(username="dieuphoi"), User.objects.get(username="huyen.vietyen")
    assert roles.is_coordinator(coordinator)
    assert roles.agency_ids(coordinator, roles.COORDINATOR) == {Agency.objects.get(code="so-van-hoa-tt-dl").pk}
    district, commune = Agency.objects.get(code="ubnd-huyen-viet-yen"), Agency.objects.get(code="ubnd-phuong-viet-yen-mau")
    assert roles.officer_agency_ids(officer) == {district.pk, commune.pk}
    client.force_login(officer)
    past = AgencyReport.objects.get(plan=demo, year=2024, agency=district)
    assert client.get(reverse("reports:report-detail", args=[past.pk])).status_code == 200
    current = AgencyReport.objects.get(plan=demo, year=2026, agency=commune)
    assert client.get(reverse("reports:report-detail", args=[current.pk])).status_code == 200
    assert roles.is_viewer(User.objects.get(username="lanhdao"))  # UBND tỉnh: the same body, renamed


def test_a_coordinator_of_a_body_that_has_ceased_loses_review_rights_from_the_change(db, django_user_model):
    gone = Agency.objects.create(code="gone", name="Sở đã giải thể", valid_to=datetime.date.today() - datetime.timedelta(days=1))
    ending = Agency.objects.create(code="ending", name="Sở còn hôm nay", valid_to=datetime.date.today())
    from agencies.models import Membership

    a, b = django_user_model.objects.create_user("a"), django_user_model.objects.create_user("b")
    Membership.objects.create(user=a, agency=gone, role=Membership.Role.COORDINATOR)
    Membership.objects.create(user=b, agency=ending, role=Membership.Role.COORDINATOR)
    assert not roles.is_coordinator(a) and not roles.may_review(a)
    assert roles.is_coordinator(b)


def _completed_6_2_in_2024(plan, code):
    task = Task.objects.get(plan=plan, number="6.2")
    report = AgencyReport.objects.create(plan=plan, agency=Agency.objects.get(code=code), year=2024,
                                         status=AgencyReport.Status.ACCEPTED, submitted_at=NOV_2024,
                                         first_submitted_at=NOV_2024)
    TaskReport.objects.create(report=report, task=task, role="lead", status=TaskReport.Status.COMPLETED, achievements="x")


def test_a_carried_over_task_passes_to_the_successor_only_for_the_work_its_predecessors_left(seed):
    call_command("load_reorganisation_2025", stdout=io.StringIO())

    def owes(code, year=2026):
        ob = {a.code: ob for a, ob in obligations(seed, year).items()}.get(code)
        return ob is not None and any(t.number == "6.2" for t in ob.roles)

    assert owes("ubnd-phuong-viet-yen-mau")  # nobody completed it
    _completed_6_2_in_2024(seed, "ubnd-huyen-viet-yen")
    assert owes("ubnd-phuong-viet-yen-mau")  # Hiệp Hòa, its other predecessor, did not
    _completed_6_2_in_2024(seed, "ubnd-huyen-hiep-hoa")
    assert not owes("ubnd-phuong-viet-yen-mau")  # both did: nothing passes on


def test_succession_follows_routing_default_and_chains(db):
    from agencies.models import AgencyChange
    from agencies.succession import Succession, apply_change

    old, a, b, later = (Agency.objects.create(code=c, name=c) for c in ("old", "a", "b", "later"))
    split = AgencyChange.objects.create(code="split", kind="split", effective_date=datetime.date(2025, 3, 1),
                                        default_successor=a)
    split.predecessors.set([old])
    split.successors.set([a, b])
    apply_change(split)
    merge = AgencyChange.objects.create(code="merge", kind="merge", effective_date=datetime.date(2026, 1, 1))
    merge.predecessors.set([a])
    merge.successors.set([later])
    apply_change(merge)
    s = Succession.load({(split.pk, 7): b.pk})
    old.refresh_from_db()
    assert old.valid_to == datetime.date(2025, 2, 28)
    assert s.resolve(old, 7, datetime.date(2025, 2, 28)) == [old]
    assert s.resolve(old, 7, datetime.date(2025, 11, 15)) == [b]  # routed
    assert s.resolve(old, 8, datetime.date(2025, 11, 15)) == [Agency.objects.get(code="a")]  # default
    assert s.resolve(old, 8, datetime.date(2026, 11, 15)) == [later]  # a chain of changes
    assert set(old.successors.all()) == {a, b}


def test_a_wrong_routing_is_refused_and_changes_nothing(db):
    from django.core.exceptions import ValidationError

    from agencies.models import AgencyChange
    from agencies.succession import apply_change

    old, a, b, other = (Agency.objects.create(code=c, name=c) for c in ("old", "a", "b", "other"))
    split = AgencyChange.objects.create(code="split", kind="split", effective_date=datetime.date(2025, 3, 1))
    split.predecessors.set([old])
    split.successors.set([a, b])
    with pytest.raises(ValidationError, match="cơ quan nhận các nhiệm vụ còn lại"):
        apply_change(split)
    split.default_successor = a
    split.save()
    task = type("T", (), {"number": "5.4"})()
    with pytest.raises(ValidationError, match="không phải cơ quan kế thừa"):
        apply_change(split, routing=[(task, other)])
    old.refresh_from_db()
    split.refresh_from_db()
    assert old.valid_to is None and split.applied_at is None and not old.successors.exists()


def test_a_rename_keeps_the_name_in_force_on_each_date(db):
    from agencies.models import AgencyChange
    from agencies.succession import apply_change

    body = Agency.objects.create(code="ubnd", name="UBND tỉnh Bắc Giang", short_name="UBND tỉnh")
    rename = AgencyChange.objects.create(code="r", kind="rename", effective_date=datetime.date(2025, 7, 1),
                                         new_name="UBND tỉnh Bắc Ninh", new_short_name="UBND tỉnh Bắc Ninh")
    rename.predecessors.set([body])
    apply_change(rename)
    body.refresh_from_db()
    assert body.name == "UBND tỉnh Bắc Ninh" and body.valid_to is None
    assert body.name_on(datetime.date(2025, 6, 30)) == ("UBND tỉnh Bắc Giang", "UBND tỉnh")
    assert body.name_on(datetime.date(2025, 7, 1)) == ("UBND tỉnh Bắc Ninh", "UBND tỉnh Bắc Ninh")


def _completed_both_ways(task, year):
    """The task's completion by ``year`` in SQL and in Python (asserted equal), with the lead progress n/m."""
    in_sql = completion.annotate_completion(Task.objects.filter(pk=task.pk), year).get().is_completed
    progress = completion.annotate_lead_progress(Task.objects.filter(pk=task.pk), year).get()
    tasks = list(Task.objects.filter(pk=task.pk).prefetch_related("assignments__agency", "assignments__group__members"))
    stand_ins = completion.stand_ins_by(tasks, year)
    in_python = completion.completed_in_python(completion.lead_agencies(tasks[0], stand_ins),
                                               completion.completed_by(tasks, year).get(task.pk, set()),
                                               completion.due_on(tasks[0], year))
    completion.with_lead_progress(tasks, year)
    assert in_sql == in_python == (0 < progress.lead_completed == progress.lead_count)
    assert (progress.lead_count, progress.lead_completed) == (tasks[0].lead_count, tasks[0].lead_completed)
    return in_sql, (progress.lead_completed, progress.lead_count)


def test_a_task_whose_only_lead_has_ceased_is_completed_when_the_body_standing_in_for_it_completes_it(demo):
    """5.4 is led by Sở Thông tin và Truyền thông alone, which ceased on 28/2/2025: the successor the routing gives
    it to holds its lead line in 2026 and answers for it; its "completed" completes the task (SQL and Python)."""
    task = Task.objects.get(plan=demo, number="5.4")
    lead_lines = TaskReport.objects.filter(task=task, report__year=2026, role="lead").select_related("report__agency")
    assert [line.report.agency.code for line in lead_lines] != []
    assert not any(a.agency and a.agency.is_active_in_year(2026) for a in task.assignments.filter(role="lead"))
    done, (completed_leads, leads) = _completed_both_ways(task, 2026)
    assert not done and leads == len({line.report.agency_id for line in lead_lines}) and completed_leads == 0
    officer = get_user_model().objects.create_user("ke.thua", password="pw")
    for line in lead_lines:
        report = fill_report(line.report, officer)
        TaskReport.objects.filter(pk=line.pk).update(status=TaskReport.Status.COMPLETED)
        report.refresh_from_db()
        submit_report(report, officer)
    done, (completed_leads, leads) = _completed_both_ways(task, 2026)
    assert done and completed_leads == leads > 0
    assert not _completed_both_ways(task, 2024)[0]  # a later year's line completes nothing before it


def test_a_body_standing_in_that_has_not_completed_holds_the_task_open(demo):
    """6.2 (due 30/11/2024) stays overdue in 2026 while any body holding its lead line has not completed it."""
    task = Task.objects.get(plan=demo, number="6.2")
    lines = list(TaskReport.objects.filter(task=task, report__year=2026, role="lead").select_related("report"))
    assert len(lines) >= 2
    officer = get_user_model().objects.create_user("ke.thua", password="pw")
    for line in lines[:-1]:
        report = fill_report(line.report, officer)
        TaskReport.objects.filter(pk=line.pk).update(status=TaskReport.Status.COMPLETED)
        report.refresh_from_db()
        submit_report(report, officer)
    assert not _completed_both_ways(task, 2026)[0]
    assert completion.overdue(Task.objects.filter(pk=task.pk), TODAY, 2026).exists()
    last = lines[-1]
    report = fill_report(last.report, officer)
    TaskReport.objects.filter(pk=last.pk).update(status=TaskReport.Status.COMPLETED)
    report.refresh_from_db()
    submit_report(report, officer)
    assert _completed_both_ways(task, 2026)[0]
    assert not completion.overdue(Task.objects.filter(pk=task.pk), TODAY, 2026).exists()


def test_the_districts_ended_on_30_6_2025_answer_for_nothing_in_2025_their_communes_do(demo):
    """The district level ended on 30/6/2025, before the 2025 due date (15/11/2025): the districts are not obliged
    for 2025 and are not among task 1.2's leads for 2025 (though they existed for half of it); the demo communes
    that succeeded them are, and once every 2025 lead line is completed the task is completed for 2025."""
    due = demo.report_due_date(2025)
    districts = Agency.objects.filter(kind=Agency.Kind.DISTRICT)
    assert districts.count() == 10 and all(d.valid_to == datetime.date(2025, 6, 30) for d in districts)
    in_2025 = obligations(demo, 2025)
    assert not [a for a in in_2025 if a.kind == Agency.Kind.DISTRICT]
    communes = {a.code for a, ob in in_2025.items() if a.kind == Agency.Kind.COMMUNE
                and any(t.number == "1.2" and r == "lead" for t, r in ob.roles.items())}
    assert len(communes) == 5
    task = Task.objects.get(plan=demo, number="1.2")
    lines = TaskReport.objects.filter(task=task, report__year=2025, role="lead")
    holders = set(lines.values_list("report__agency__code", flat=True))
    assert communes <= holders and not holders & set(districts.values_list("code", flat=True))
    done, (completed_leads, leads) = _completed_both_ways(task, 2025)
    assert not done and leads == len(holders)  # the leads that answer: those that exist on 15/11/2025
    lines.update(status=TaskReport.Status.COMPLETED)
    now = datetime.datetime(2025, 11, 10, 3, tzinfo=datetime.timezone.utc)
    AgencyReport.objects.filter(lines__in=lines).update(status=AgencyReport.Status.SUBMITTED, first_submitted_at=now,
                                                         submitted_at=now)
    assert all(Agency.objects.get(code=code).is_active_on(due) for code in holders)
    done, (completed_leads, leads) = _completed_both_ways(task, 2025)
    assert done and completed_leads == leads == len(holders)  # no district holds 1.2 open for 2025


def test_a_new_body_joins_the_group_in_force_on_its_date_as_the_groups_obligations_read_it(db):
    """One definition of "the group in force on a date" (``AgencyGroup.in_force_on``) for the change that makes a
    body and for the obligations that read the group: a new body whose predecessor sat in a group that has ended
    joins the successor group, which answers for the old group's tasks on that date; a group ended with no
    successor gains nobody."""
    from agencies.models import AgencyChange, AgencyGroup, GroupMembers
    from agencies.succession import apply_change
    from testing.factories import make_plan, make_section, make_task

    district, other = (Agency.objects.create(code=c, name=c, kind="district") for c in ("district", "other"))
    communes = AgencyGroup.objects.create(code="communes", name="UBND các xã", valid_from=datetime.date(2025, 7, 1))
    districts = AgencyGroup.objects.create(code="districts", name="UBND các huyện", successor=communes,
                                           valid_to=datetime.date(2025, 6, 30))
    closed = AgencyGroup.objects.create(code="closed", name="Nhóm đã kết thúc", valid_to=datetime.date(2025, 6, 30))
    districts.members.set([district, other])
    closed.members.set([district])
    commune = Agency.objects.create(code="commune", name="UBND xã", kind="commune",
                                    valid_from=datetime.date(2025, 7, 1))
    change = AgencyChange.objects.create(code="end-district", kind="dissolve", effective_date=datetime.date(2025, 7, 1))
    change.predecessors.set([district])
    change.successors.set([commune])
    apply_change(change)
    assert set(commune.groups.all()) == {communes}
    on = datetime.date(2025, 11, 15)
    assert districts.in_force_on(on) == communes and closed.in_force_on(on) is None
    assert districts.in_force_on(datetime.date(2025, 6, 30)) == districts
    assert communes.in_force_on(datetime.date(2025, 6, 30)) is None  # not yet in force
    assert GroupMembers.load({districts.pk}).on(districts.pk, on) == [commune]
    plan = make_plan(start_year=2025, end_year=2025)
    make_task(make_section(plan), lead=districts, number="1.2")
    assert [a.code for a in obligations(plan, 2025)] == ["commune"]
