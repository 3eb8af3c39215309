"""The coordinator's year pages: exact figures from a known scenario, scoping, and pinned query counts.

The scenario (plan 77/KH-UBND, year 2024, due 15/11/2024), six obliged agencies:

| agency | kind | 2024 report | lines |
| --- | --- | --- | --- |
| A Sở Dân tộc thử | department | first sent 15/11 23:30 local (on time), accepted | 1.1 lead, 1.2 coord, 2.1 lead |
| B Sở Đô thị thử | department | first sent 16/11 00:05 local (late, 1 day) | 1.2 lead, 2.1 coord, 2.3 lead |
| D1 UBND huyện Một | district | sent 10/11 (on time), returned | 1.1 coord, 2.2 lead (group) |
| D2 UBND huyện Hai | district | draft holding MARKER everywhere | 1.1 coord, 2.2 lead (group) |
| P Báo Thử | press | never touched | 1.1 coord |
| O Công an thử | police | sent 01/11 (on time), submitted | 2.2 coord |

In 2023 only A and B sent (on time); 2025 was never opened.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from agencies.models import Membership
from reports import aggregates, overview_views
from reports.models import AgencyReport, Indicator
from reports.services import open_reporting_year, review_report, save_report, submit_report
from testing.factories import (
    fill_report, local, make_agency, make_group, make_plan, make_section, make_task, make_user, small_plan
)

MARKER = "NHÁP-BÍ-MẬT-7Q3"
DRAFT_NUMBER = Decimal("98765")
TODAY = datetime.date(2026, 11, 28)


def write(report, user=None, *, lines=None, indicators=None, **general):
    """Save ``report`` as its agency would: lines by task number -> (status, text, quantity). The object passed is
    read again afterwards, as the next page would (submit_report checks the version it holds)."""
    held, report = report, AgencyReport.objects.get(pk=report.pk)
    by_number = {line.task.number: line for line in report.lines.select_related("task")}
    data = {}
    for number, (status, text, quantity) in (lines or {}).items():
        values = {"status": status, "quantity_achieved": quantity}
        values["no_report_reason" if status == "nothing_to_report" else "achievements"] = text
        data[by_number[number].pk] = values
    codes = {i.code: i.pk for i in report.plan.indicators.all()}
    values = {codes[code]: Decimal(v) for code, v in (indicators or {}).items()}
    saved = save_report(report, user, expected_version=report.version, general=general, lines=data, indicators=values)
    held.refresh_from_db()
    return saved


class Scenario:
    pass


def build_scenario(django_user_model):
    s = Scenario()
    recipient = make_agency(name="Sở Thông tin và Truyền thông", kind="department", code="so-tttt-thu")
    s.plan = plan = make_plan(
        number="77/KH-UBND", start_year=2023, end_year=2025, place="Bắc Giang", issuer_name="UBND tỉnh Bắc Giang",
        report_recipient=recipient, report_onward_to="UBND tỉnh, Bộ Thông tin và Truyền thông",
        title="Triển khai công tác truyền thông chính sách thử nghiệm",
    )
    s1 = make_section(plan, code="II.1", number="1", title="Nâng cao nhận thức về truyền thông chính sách", order=1)
    s2 = make_section(plan, code="II.2", number="2", title="Bảo đảm nguồn lực thực hiện", order=2)
    s.sections = (s1, s2)
    A = make_agency(name="Sở Dân tộc thử", kind="department")
    B = make_agency(name="Sở Đô thị thử", kind="department")
    D1 = make_agency(name="UBND huyện Một", kind="district")
    D2 = make_agency(name="UBND huyện Hai", kind="district")
    P = make_agency(name="Báo Thử", kind="press")
    O = make_agency(name="Công an thử", kind="police")
    s.agencies = {"A": A, "B": B, "D1": D1, "D2": D2, "P": P, "O": O}
    G = make_group([D1, D2], name="UBND các huyện thử")
    s.tasks = {
        "1.1": make_task(s1, lead=A, coordinators=[G, P], number="1.1", order=1),
        "1.2": make_task(s1, lead=B, coordinators=[A], number="1.2", order=2, timeframe_kind="annual",
                         target_quantity=1, target_unit="hội nghị", target_per_year=True, target_text="01 hội nghị/năm"),
        "2.1": make_task(s2, lead=A, coordinators=[B], number="2.1", order=3, timeframe_kind="deadline",
                         due_date=datetime.date(2024, 6, 30), timeframe_text="Hoàn thành trước tháng 7/2024"),
        "2.2": make_task(s2, lead=G, coordinators=[O], number="2.2", order=4),
        "2.3": make_task(s2, lead=B, number="2.3", order=5, timeframe_kind="deadline",
                         due_date=datetime.date(2024, 10, 31), timeframe_text="Trước ngày 31/10/2024"),
    }
    Indicator.objects.create(plan=plan, code="tin-bai", name="Tin, bài đã đăng", unit="tin, bài", order=1)
    Indicator.objects.create(plan=plan, code="kinh-phi", name="Kinh phí đã chi", unit="đồng", order=2)
    s.coordinator = make_user(django_user_model, "coord", recipient, role=Membership.Role.COORDINATOR)
    s.viewer = make_user(django_user_model, "viewer", recipient, role=Membership.Role.VIEWER)
    s.officer = make_user(django_user_model, "officer-a", A)
    open_reporting_year(plan, 2023, s.coordinator)
    open_reporting_year(plan, 2024, s.coordinator)
    report = {k: {y: AgencyReport.objects.get(plan=plan, year=y, agency=a) for y in (2023, 2024)}
              for k, a in s.agencies.items()}
    s.reports = {k: v[2024] for k, v in report.items()}

    # 2023: A and B on time, nobody else.
    write(report["A"][2023], lines={"1.1": ("done_for_year", "A năm 2023 làm 1.1", None),
                                    "1.2": ("done_for_year", "A năm 2023 phối hợp 1.2", None),
                                    "2.1": ("in_progress", "A năm 2023 đang làm 2.1", None)},
          indicators={"tin-bai": 4, "kinh-phi": 0}, overall_assessment="A đánh giá 2023")
    submit_report(report["A"][2023], None, now=local(2023, 11, 10, 9))
    write(report["B"][2023], lines={"1.2": ("done_for_year", "B năm 2023 làm 1.2", 1),
                                    "2.1": ("done_for_year", "B năm 2023 phối hợp 2.1", None),
                                    "2.3": ("in_progress", "B năm 2023 đang làm 2.3", None)},
          indicators={"tin-bai": 2, "kinh-phi": 0}, overall_assessment="B đánh giá 2023")
    submit_report(report["B"][2023], None, now=local(2023, 11, 14, 9))

    # 2024
    write(s.reports["A"], lines={"1.1": ("done_for_year", "A làm 1.1 năm 2024", None),
                                 "1.2": ("done_for_year", "A phối hợp 1.2 năm 2024", None),
                                 "2.1": ("completed", "A hoàn thành 2.1", None)},
          indicators={"tin-bai": 10, "kinh-phi": 1_000_000}, overall_assessment="A đánh giá 2024",
          difficulties="A khó khăn 2024", proposals="A đề xuất 2024")
    submit_report(s.reports["A"], None, now=local(2024, 11, 15, 23, 30))
    review_report(AgencyReport.objects.get(pk=s.reports["A"].pk), s.coordinator, accept=True)

    write(s.reports["B"], lines={"1.2": ("completed", "B tổ chức hội nghị 1.2", 2),
                                 "2.1": ("in_progress", "B đang phối hợp 2.1", None),
                                 "2.3": ("in_progress", "B đang làm 2.3", None)},
          indicators={"tin-bai": 5, "kinh-phi": 0}, overall_assessment="B đánh giá 2024")
    submit_report(s.reports["B"], None, now=local(2024, 11, 16, 0, 5))

    write(s.reports["D1"], lines={"1.1": ("done_for_year", "D1 nội dung bị trả lại 1.1", None),
                                  "2.2": ("done_for_year", "D1 nội dung bị trả lại 2.2", None)},
          indicators={"tin-bai": 7, "kinh-phi": 0}, overall_assessment="D1 đánh giá bị trả lại",
          difficulties="D1 khó khăn bị trả lại")
    submit_report(s.reports["D1"], None, now=local(2024, 11, 10, 8))
    review_report(AgencyReport.objects.get(pk=s.reports["D1"].pk), s.coordinator, accept=False,
                  comment="Bổ sung số liệu")

    write(s.reports["D2"], lines={"1.1": ("done_for_year", MARKER, None), "2.2": ("in_progress", MARKER, None)},
          indicators={"tin-bai": DRAFT_NUMBER}, overall_assessment=MARKER, difficulties=MARKER, proposals=MARKER)

    write(s.reports["O"], lines={"2.2": ("nothing_to_report", "O không phát sinh 2.2", None)},
          indicators={"tin-bai": 3, "kinh-phi": 500_000}, overall_assessment="@SUM(A1) O đánh giá",
          difficulties="=1+1", proposals="-2 đề xuất của O")
    submit_report(s.reports["O"], None, now=local(2024, 11, 1, 9))
    for key, r in s.reports.items():
        s.reports[key] = AgencyReport.objects.get(pk=r.pk)
    return s


@pytest.fixture
def scenario(db, django_user_model):
    return build_scenario(django_user_model)


# --------------------------------------------------------------------------------------------------
# Figures, to the unit


def test_year_figures_count_each_submission_state(scenario):
    f = aggregates.year_figures(scenario.plan, [2024])[2024]
    assert (f.obliged, f.on_time, f.late, f.drafting, f.not_started) == (6, 3, 1, 1, 1)
    assert (f.submitted, f.not_submitted, f.returned, f.accepted) == (4, 2, 1, 1)
    assert f.completeness == pytest.approx(100 * 4 / 6)
    assert f.timeliness == pytest.approx(50.0)
    # task × agency grid: A 3 + B 3 + D1 2 + D2 2 + P 1 + O 1 cells; sent: A, B, D1, O; on time: A, D1, O
    assert (f.cells, f.cells_submitted, f.cells_on_time) == (12, 9, 6)
    assert f.grid_completeness == pytest.approx(75.0)
    assert f.grid_timeliness == pytest.approx(50.0)
    assert f.missing(datetime.date(2024, 11, 15)) == 0
    assert f.missing(datetime.date(2024, 11, 16)) == 2


def computed_overviews(monkeypatch):
    """The context of every overview body computed from now on, the latest first (the body renders with Jinja2: the
    test client records no context for it)."""
    seen = []
    real = overview_views._overview_context
    monkeypatch.setattr(overview_views, "_overview_context", lambda *args: seen.insert(0, real(*args)) or seen[0])
    return seen


def test_the_overview_page_counts_its_figures_from_its_rows_as_year_figures_does(client, scenario, monkeypatch):
    """The page's overview (``reports.overview_rows.groups``) counts the reports from the rows it shows and only the
    task × agency cells by a query of its own: every figure is ``year_figures``', an invited body's report and its line
    left out."""
    AgencyReport.objects.filter(pk=scenario.reports["P"].pk).update(invited=True)
    expected = aggregates.year_figures(scenario.plan, [2024])[2024]
    assert (expected.obliged, expected.on_time, expected.late, expected.drafting, expected.not_started) == (5, 3, 1, 1, 0)
    assert (expected.returned, expected.accepted, expected.cells, expected.cells_submitted,
            expected.cells_on_time) == (1, 1, 11, 9, 6)
    client.force_login(scenario.coordinator)
    computed = computed_overviews(monkeypatch)
    client.get(reverse("reports:year-overview", args=[scenario.plan.pk, 2024]))
    assert computed[0]["f"] == expected
    client.get(reverse("reports:year-overview", args=[scenario.plan.pk, 2023]))
    assert computed[0]["f"] == aggregates.year_figures(scenario.plan, [2023])[2023]


def test_a_report_first_sent_late_on_the_due_date_local_time_is_on_time(scenario):
    """A was sent at 23:30 on 15/11 in Hà Nội (16:30 UTC), B at 00:05 on 16/11 (17:05 UTC on the 15th)."""
    rows = {row.agency.name: row for row in aggregates.year_overview(scenario.plan, 2024, TODAY).rows}
    assert rows["Sở Dân tộc thử"].state == aggregates.State.ON_TIME
    assert rows["Sở Đô thị thử"].state == aggregates.State.LATE
    assert rows["Sở Đô thị thử"].days_late == 1


def test_agencies_are_grouped_by_kind_in_vietnamese_order_with_their_state(scenario):
    overview = aggregates.year_overview(scenario.plan, 2024, TODAY)
    got = [(g.group.code, [(r.agency.name, r.state, r.report.status) for r in g.rows]) for g in overview.groups]
    assert got == [
        ("departments", [("Sở Dân tộc thử", "on_time", "accepted"), ("Sở Đô thị thử", "late", "submitted")]),
        ("districts", [("UBND huyện Hai", "drafting", "draft"), ("UBND huyện Một", "on_time", "returned")]),
        ("press", [("Báo Thử", "not_started", "draft")]),
        ("others", [("Công an thử", "on_time", "submitted")]),
    ]
    assert {g.group.code: g.counts for g in overview.groups}["districts"] == {
        "on_time": 1, "late": 0, "drafting": 1, "not_started": 0}
    assert overview.days_to_due == (datetime.date(2024, 11, 15) - TODAY).days
    assert overview.days_since_due == (TODAY - datetime.date(2024, 11, 15)).days


def test_task_rollup_spreads_statuses_counting_only_submitted_content(scenario):
    rollup = aggregates.task_rollup(scenario.plan, 2024, TODAY)
    rows = {row.task.number: row for row in rollup.tasks}
    assert list(rows) == ["1.1", "1.2", "2.1", "2.2", "2.3"]
    nz = {number: {k: v for k, v in row.all.counts.items() if v} for number, row in rows.items()}
    assert nz == {
        "1.1": {"done_for_year": 1, "not_reported": 3},  # D1 returned, D2 draft, P untouched
        "1.2": {"completed": 1, "done_for_year": 1},
        "2.1": {"completed": 1, "in_progress": 1},
        "2.2": {"nothing_to_report": 1, "not_reported": 2},  # both group leads not (validly) reported
        "2.3": {"in_progress": 1},
    }
    assert [rows[n].all.total for n in rows] == [4, 2, 2, 3, 1]
    assert [rows[n].all.reported for n in rows] == [1, 2, 2, 1, 1]
    assert rows["1.1"].lead.single_label == "Đã thực hiện trong năm"
    assert (rows["2.2"].lead.total, rows["2.2"].lead.counts["not_reported"]) == (2, 2)
    assert (rows["1.2"].lead.quantity, rows["1.2"].all.quantity) == (2, 2)
    assert [n for n, row in rows.items() if row.is_done] == ["1.1", "1.2", "2.1"]
    assert [(s.section.number, len(s.tasks), s.done, s.share) for s in rollup.sections] == [
        ("1", 2, 2, 100.0), ("2", 3, 1, pytest.approx(100 / 3))]
    assert (rollup.done, rollup.share) == (3, 60.0)
    # 2.1 is past its deadline but its lead reported it completed; 2.3 is not.
    assert [(t.number, t.lead_completed, t.lead_count) for t in rollup.overdue] == [("2.3", 0, 1)]
    assert [row.task.number for row in rollup.tasks if row.overdue] == ["2.3"]


def test_overdue_is_judged_from_the_year_viewed(scenario):
    assert aggregates.overdue_tasks(scenario.plan, 2023, TODAY) == []  # both deadlines fall in 2024
    assert [t.number for t in aggregates.overdue_tasks(scenario.plan, 2024, datetime.date(2024, 7, 15))] == []
    assert [t.number for t in aggregates.overdue_tasks(scenario.plan, 2024, datetime.date(2024, 11, 1))] == ["2.3"]


def test_a_task_led_by_a_group_stays_overdue_until_every_member_completes_it(scenario):
    group = scenario.tasks["2.2"].assignments.get(role="lead").group
    deadline = make_task(scenario.sections[1], lead=group, number="2.4", order=6, timeframe_kind="deadline",
                         due_date=datetime.date(2024, 9, 30))
    open_reporting_year(scenario.plan, 2024, scenario.coordinator)
    d1 = AgencyReport.objects.get(pk=scenario.reports["D1"].pk)
    write(d1, lines={"2.4": ("completed", "D1 xong 2.4", None), "1.1": ("done_for_year", "x", None),
                     "2.2": ("done_for_year", "x", None)}, overall_assessment="D1 gửi lại")
    submit_report(d1, None)
    overdue = {t.number: (t.lead_completed, t.lead_count) for t in aggregates.overdue_tasks(scenario.plan, 2024, TODAY)}
    assert overdue["2.4"] == (1, 2)  # D2 has not
    assert deadline.pk in {t.pk for t in aggregates.task_rollup(scenario.plan, 2024, TODAY).overdue}


def test_indicators_are_summed_by_kind_group_from_submitted_reports(scenario):
    rows = {row.indicator.code: row for row in aggregates.indicator_totals(scenario.plan, 2024)}
    news = rows["tin-bai"]
    assert news.total == Decimal("18")  # A 10 + B 5 + O 3; D1 returned (7) and D2's draft are left out
    assert news.by_group == {"departments": Decimal("15"), "others": Decimal("3")}
    assert news.group_totals == [Decimal("15"), None, None, Decimal("3")]
    assert [(a.name, v) for a, v in news.reporters] == [
        ("Sở Dân tộc thử", Decimal("10")), ("Sở Đô thị thử", Decimal("5")), ("Công an thử", Decimal("3"))]
    assert rows["kinh-phi"].total == Decimal("1500000")


def test_feedback_comes_from_submitted_reports_only(scenario):
    groups = aggregates.feedback(scenario.plan, 2024)
    got = [(g.group.code, [(i.agency.name, i.report.difficulties) for i in g.rows]) for g in groups]
    assert got == [
        ("departments", [("Sở Dân tộc thử", "A khó khăn 2024"), ("Sở Đô thị thử", "")]),
        ("others", [("Công an thử", "=1+1")]),
    ]


def test_years_overview_gives_every_plan_year(scenario):
    years = {f.year: f for f in aggregates.years_overview(scenario.plan)}
    assert list(years) == [2023, 2024, 2025]
    y23, y24, y25 = years[2023], years[2024], years[2025]
    assert (y23.opened, y23.obliged, y23.on_time, y23.late, y23.drafting, y23.not_started) == (True, 6, 2, 0, 0, 4)
    assert (y23.cells, y23.cells_submitted, y23.cells_on_time) == (12, 6, 6)
    assert y23.completeness == pytest.approx(100 * 2 / 6)
    assert (y24.obliged, y24.on_time, y24.late, y24.returned, y24.cells_on_time) == (6, 3, 1, 1, 6)
    assert (y25.opened, y25.obliged, y25.completeness, y25.timeliness) == (False, 0, None, None)


def test_vietnamese_sort_key_orders_letters_before_tones():
    from plan_tracker.collation import vi_sort_key

    words = ["Z", "Ưu", "Uy", "Ơn", "Ông", "Ong", "Đài", "Dân", "Ân", "Ăn", "Anh", "Án", "An"]
    assert sorted(words, key=vi_sort_key) == [
        "An", "Án", "Anh", "Ăn", "Ân", "Dân", "Đài", "Ong", "Ông", "Ơn", "Uy", "Ưu", "Z"]


def test_kind_groups_cover_every_agency_kind():
    from agencies.models import Agency

    assert {aggregates.kind_group(k) for k in Agency.Kind.values} == {"departments", "districts", "press", "others"}
    assert aggregates.kind_group("office") == "departments"
    assert aggregates.kind_group("commune") == "districts"


# --------------------------------------------------------------------------------------------------
# Pages


def _urls(s, year=2024):
    plan = s.plan.pk
    urls = [reverse(name, args=[plan, year]) for name in
            ("reports:year-overview", "reports:year-tasks", "reports:year-indicators", "reports:year-feedback")]
    urls += [reverse("reports:year-task", args=[plan, year, t.pk]) for t in s.tasks.values()]
    urls.append(reverse("reports:plan-years", args=[plan]))
    return urls


def test_overview_page_shows_the_figures_and_every_obliged_agency(client, scenario, monkeypatch):
    client.force_login(scenario.coordinator)
    computed = computed_overviews(monkeypatch)
    response = client.get(reverse("reports:year-overview", args=[scenario.plan.pk, 2024]))
    assert response.status_code == 200
    f = computed[0]["f"]
    assert (f.obliged, f.on_time, f.late, f.drafting, f.not_started, f.returned) == (6, 3, 1, 1, 1, 1)
    assert computed[0]["missing"] == 2
    bars = {str(bar["label"]): [s["count"] for s in bar["segments"]] for bar in computed[0]["bars"]}
    assert bars == {"Tất cả": [3, 1, 1, 1], "Sở, ban, ngành": [1, 1, 0, 0], "UBND cấp huyện, cấp xã": [1, 0, 1, 0],
                    "Cơ quan báo chí": [0, 0, 0, 1], "Cơ quan, đơn vị khác": [1, 0, 0, 0]}
    html = response.content.decode()
    for key, report in scenario.reports.items():
        assert reverse("reports:report-detail", args=[report.pk]) in html, key
    assert "66,7%" in html and "50,0%" in html  # completeness, timeliness
    assert "<svg" in html and "<script" not in html
    assert reverse("reports:year-export-docx", args=[scenario.plan.pk, 2024]) in html


def test_overview_rows_say_each_agencys_state_and_status_in_words(client, scenario):
    """Each obliged agency's row: its sending state and its report's status by their labels (translated once per
    page, not per row), the days late of a late report."""
    client.force_login(scenario.coordinator)
    html = client.get(reverse("reports:year-overview", args=[scenario.plan.pk, 2024])).content.decode()
    rows = {}
    for row in html.split("<tr><td>")[1:]:
        name = row.split("</a>")[0].rsplit(">", 1)[1]
        rows[name] = " ".join(row.split("</tr>")[0].split())
    expected = {
        "Sở Dân tộc thử": ('state-on_time">Gửi đúng hạn</span>', 'status-accepted">Đã tiếp nhận</span>'),
        "Sở Đô thị thử": ('state-late">Gửi muộn</span> <span class="meta">1 ngày</span>',
                          'status-submitted">Đã gửi</span>'),
        "UBND huyện Một": ('state-on_time">Gửi đúng hạn</span>', 'status-returned">Bị trả lại</span>'),
        "UBND huyện Hai": ('state-drafting">Đang soạn, chưa gửi</span>', 'status-draft">Đang soạn</span>'),
        "Báo Thử": ('state-not_started">Chưa bắt đầu</span>', 'status-draft">Đang soạn</span>'),
        "Công an thử": ('state-on_time">Gửi đúng hạn</span>', 'status-submitted">Đã gửi</span>'),
    }
    for name, (state, status) in expected.items():
        assert state in rows[name] and status in rows[name], (name, rows[name])


def test_task_page_shows_each_agencys_submitted_text(client, scenario):
    client.force_login(scenario.coordinator)
    response = client.get(reverse("reports:year-task", args=[scenario.plan.pk, 2024, scenario.tasks["1.1"].pk]))
    html = response.content.decode()
    assert "A làm 1.1 năm 2024" in html
    assert "D1 nội dung bị trả lại" not in html  # returned: being revised
    spread, lead = response.context["spread"], response.context["lead"]
    assert (spread.total, spread.reported, lead.total, lead.done) == (4, 1, 1, 1)
    assert [row.agency.name for row in response.context["lines"]] == [
        "Sở Dân tộc thử", "UBND huyện Hai", "UBND huyện Một", "Báo Thử"]


def test_task_page_of_another_plans_task_is_404(client, scenario):
    other = make_task(number="9.9")
    client.force_login(scenario.coordinator)
    assert client.get(reverse("reports:year-task", args=[scenario.plan.pk, 2024, other.pk])).status_code == 404


def test_years_outside_the_plan_are_404(client, scenario):
    client.force_login(scenario.coordinator)
    for year in (2022, 2026):
        assert client.get(reverse("reports:year-overview", args=[scenario.plan.pk, year])).status_code == 404
    assert client.get(reverse("reports:plan-years", args=[9999])).status_code == 404


def test_no_draft_content_reaches_any_page(client, scenario):
    client.force_login(scenario.coordinator)
    for url in _urls(scenario):
        html = client.get(url).content.decode()
        assert MARKER not in html, url
        assert "98765" not in html and "98.765" not in html, url


def test_officers_get_404_on_every_page_even_of_their_own_agency(client, scenario):
    client.force_login(scenario.officer)  # officer of A, which is obliged
    for url in _urls(scenario):
        assert client.get(url).status_code == 404, url
    # Exporting is a power officers lack (403 before any plan is looked up).
    assert client.get(reverse("reports:year-export-xlsx", args=[scenario.plan.pk, 2024])).status_code == 403


def test_viewers_read_the_pages_but_do_not_get_the_exports(client, scenario):
    client.force_login(scenario.viewer)
    for url in _urls(scenario):
        assert client.get(url).status_code == 200, url
    html = client.get(reverse("reports:year-overview", args=[scenario.plan.pk, 2024])).content.decode()
    assert "export.docx" not in html
    assert client.get(reverse("reports:year-export-docx", args=[scenario.plan.pk, 2024])).status_code == 403


def test_a_year_never_opened_says_so(client, scenario):
    client.force_login(scenario.coordinator)
    html = client.get(reverse("reports:year-overview", args=[scenario.plan.pk, 2025])).content.decode()
    assert "kỳ báo cáo chưa được mở" in html


# --------------------------------------------------------------------------------------------------
# Query counts: the same at 5 and at 50 obliged agencies


@pytest.fixture(params=[4, 49], ids=["5-agencies", "50-agencies"])
def grown(request, db, django_user_model):
    """small_plan with one department and n districts (5 or 50 obliged agencies); every other district
    sent its report."""
    plan, who = small_plan(n_districts=request.param)
    make_task(plan.sections.get(), lead=who["dept"], number="1.3", timeframe_kind="deadline",
              due_date=datetime.date(2024, 3, 31))
    open_reporting_year(plan, 2024, None)
    officer = make_user(django_user_model, "off", who["dept"])
    for i, agency in enumerate(who["districts"]):
        if i % 2 == 0:
            report = AgencyReport.objects.get(plan=plan, year=2024, agency=agency)
            submit_report(fill_report(report, officer), officer, now=local(2024, 11, 1 + i % 20, 10))
    coordinator = make_user(django_user_model, "coord", who["dept"], role=Membership.Role.COORDINATOR)
    assert AgencyReport.objects.filter(plan=plan, year=2024).count() == 1 + request.param
    return plan, coordinator


# (url name, extra args, queries). Every page: user with their memberships and role permissions (one statement answers
# every role check: accounts.roles.with_grants; the session comes from the cache: cached_db), the plan (alone, by a
# compiled statement: reports.statements.PLAN; the year's due date taken from it, no query of its own), ...
PAGES = [
    # + the task × agency cells (one aggregate), reports (+ agency), the deadline tasks due before the day with the
    #   leads' progress (reports.statements.overdue_tasks: no section, assignments; session 15, one query fewer)
    ("reports:year-overview", [], 5),
    # + the same tasks, their assignments, line spreads (one grouped query)
    ("reports:year-tasks", [], 5),
    # + the task (+ section), its lines (+ report, agency)
    ("reports:year-task", ["task"], 4),
    # + indicators, values (+ report, agency; summed by kind in Python: each value is read anyway)
    ("reports:year-indicators", [], 4),
    # + submitted reports with texts (+ agency)
    ("reports:year-feedback", [], 3),
    # + figures of every year (one grouped query), reporting years
    ("reports:plan-years", None, 4),
    # + figures of every year, reporting years, reports (+ agency, plan), tasks with is_completed and the leads'
    #   progress (the overdue ones are picked from them), assignments, line spreads, content lines (+ report,
    #   agency), indicators, values; the reports' texts (feedback) come with the reports, the opened years with
    #   the year's parameters (read in place of the plan; + recipient, issuer), the due date from that plan (no query
    #   of its own, as on every year page)
    ("reports:year-export-xlsx", [], 11),  # + every line of the year once, indicators of every year once
    ("reports:year-export-docx", [], 12),  # + the coordinator's draft
]


@pytest.mark.parametrize("name,extra,expected", PAGES, ids=[p[0] for p in PAGES])
def test_query_counts_are_pinned_whatever_the_number_of_agencies(client, grown, django_assert_num_queries,
                                                                  name, extra, expected):
    plan, coordinator = grown
    if extra is None:
        args = [plan.pk]
    else:
        args = [plan.pk, 2024] + [plan.tasks.get(number="1.1").pk for _ in extra]
    client.force_login(coordinator)
    if extra is not None:
        expected += 1  # the agencies' former names (names in force on the year's due date: reports.naming)
    with django_assert_num_queries(expected):
        response = client.get(reverse(name, args=args))
    assert response.status_code == 200


# Served from the cache: the user with their roles, the plan (and the task): no due-date query (the date comes from the
# plan read), no agency loaded, so no former names read (agencies.naming).
CACHED = [("reports:year-overview", [], 2), ("reports:year-tasks", [], 2), ("reports:year-task", ["task"], 3),
          ("reports:year-indicators", [], 2), ("reports:year-feedback", [], 2), ("reports:plan-years", None, 2)]


@pytest.mark.parametrize("name,extra,expected", CACHED, ids=[p[0] for p in CACHED])
def test_query_counts_of_a_year_page_served_from_the_cache(client, grown, django_assert_num_queries, name, extra,
                                                           expected):
    plan, coordinator = grown
    args = [plan.pk] if extra is None else [plan.pk, 2024] + [plan.tasks.get(number="1.1").pk for _ in extra]
    client.force_login(coordinator)
    first = client.get(reverse(name, args=args))
    with django_assert_num_queries(expected):
        again = client.get(reverse(name, args=args))
    assert first.status_code == again.status_code == 200
    token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')  # masked anew on every response
    assert token.sub(b"", again.content) == token.sub(b"", first.content)
