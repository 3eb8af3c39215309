"""Issue #18: the year's figures are cached per (plan, year), and every change that feeds them shows at once.

Every test runs twice: on local memory (one process, ``make run``) and on Redis (many processes, production),
through ``override_settings(CACHES=…)``. Redis is skipped where it does not answer, and fails under CI=true
(testing/tools.py; ``.ci/run`` starts it). Each Redis run uses its own key prefix: nothing is flushed, parallel
runs do not meet.

Each invalidation test reads a page (caching it), changes one thing the way the app does, and reads the page
again: the change must show. The last tests check the cache is really used (the second read runs fewer queries),
that the generation moves again at commit, and the HTTP validators of the exports and the calendar feed."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agencies.models import AgencyChange, Membership
from agencies.succession import apply_change
from exchange.formats import CSV, read_dataset
from exchange.resources import import_dataset
from notifications.tokens import new_calendar_token
from plan_tracker.cache import EVERYTHING, SITE, generations, plan_scope
from reports import aggregates, overview_views, services
from reports.models import AgencyReport, Evidence, Indicator, ReportingYear, TaskReport
from reports.services import open_reporting_year, reopen_report, review_report, submit_report
from reports.tests.test_overview import computed_overviews
from tasks.models import Assignment, Task
from tasks.resources import TaskResource
from testing.factories import fill_report, make_agency, make_task, make_user, small_plan
from testing.cache_backends import backend_fixture

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"



backend = backend_fixture()


@pytest.fixture
def world(db, django_user_model):
    plan, who = small_plan()
    admin = django_user_model.objects.create_superuser(username="admin", password="pw", email="a@example.vn")
    open_reporting_year(plan, 2024, admin)
    coordinator = make_user(django_user_model, "coord", who["dept"], role=Membership.Role.COORDINATOR)
    officer = make_user(django_user_model, "canbo", who["dept"])
    report = AgencyReport.objects.get(plan=plan, year=2024, agency=who["dept"])
    return plan, who, admin, coordinator, officer, report


def _get(client, name, plan, year=2024, *extra, **headers):
    args = [plan.pk] if year is None else [plan.pk, year, *extra]
    response = client.get(reverse(f"reports:{name}", args=args), **headers)
    assert response.status_code in (200, 304), response.status_code
    return response


def _text(response):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def figures(client, plan, year=2024):
    """The overview's headline figures as the coordinator reads them: {label: number}."""
    html = _get(client, "year-overview", plan, year).content.decode()
    return {dt: int(dd) for dt, dd in re.findall(r"<dt>([^<]+)</dt><dd>(\d+)", html)}


def _refresh(report):
    return AgencyReport.objects.get(pk=report.pk)


def client_class_for(client):
    """A second browser (the officer's) beside the coordinator's."""
    return type(client)()


# --- every change that feeds the figures shows at once -------------------------------------------------------

def test_a_draft_saved_then_submitted_shows_at_once(client, world):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    assert figures(client, plan)["Chưa bắt đầu"] == 3

    fill_report(report, officer)
    assert figures(client, plan)["Đang soạn"] == 1

    submit_report(_refresh(report), officer)
    after = figures(client, plan)
    assert after["Đã gửi (đầy đủ)"] == 1 and after["Đang soạn"] == 0


def test_the_coordinators_list_shows_a_save_a_submission_and_a_review_at_once(client, world):
    """The year's list of reports (its counts and rows cached per generation) follows each step of a report."""
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)

    def listing():
        text = _text(_get(client, "year-submissions", plan))
        counts = re.search(r"Đang soạn: (\d+) · Đã gửi: (\d+) · Bị trả lại: (\d+) · Đã tiếp nhận: (\d+)", text)
        row = text.rsplit(who["dept"].name, 1)[1].split("UBND", 1)[0]  # its row in the table
        status = next(label for label in ("Chưa bắt đầu", "Đang soạn", "Đã gửi", "Bị trả lại", "Đã tiếp nhận")
                      if label in row)
        return tuple(int(n) for n in counts.groups()), status

    first = listing()
    assert listing() == first and first[1] == "Chưa bắt đầu"  # (the second from the cache)
    fill_report(report, officer)
    submit_report(_refresh(report), officer)
    assert listing() == ((first[0][0] - 1, 1, 0, 0), "Đã gửi")
    review_report(_refresh(report), coordinator, accept=True)
    assert listing() == ((first[0][0] - 1, 0, 0, 1), "Đã tiếp nhận")


def test_a_review_and_a_reopen_show_at_once(client, world):
    plan, who, admin, coordinator, officer, report = world
    fill_report(report, officer)
    submit_report(_refresh(report), officer)
    client.force_login(coordinator)
    assert figures(client, plan)["Đã tiếp nhận"] == 0

    review_report(_refresh(report), coordinator, accept=False, comment="Bổ sung số liệu.")
    assert figures(client, plan)["Bị trả lại, đang bổ sung"] == 1

    submit_report(_refresh(report), officer)
    review_report(_refresh(report), coordinator, accept=True)
    assert figures(client, plan)["Đã tiếp nhận"] == 1

    reopen_report(_refresh(report), admin, comment="Mở lại để sửa.")
    now = figures(client, plan)
    assert now["Đã tiếp nhận"] == 0 and now["Bị trả lại, đang bổ sung"] == 1


def test_the_task_rollup_and_one_task_show_a_submission_at_once(client, world):
    plan, who, admin, coordinator, officer, report = world
    task = plan.tasks.get(number="1.1")
    client.force_login(coordinator)
    assert "Đã làm nhiệm vụ 1.1" not in _text(_get(client, "year-task", plan, 2024, task.pk))
    _get(client, "year-tasks", plan)
    fill_report(report, officer)
    submit_report(_refresh(report), officer)

    assert "Đã làm nhiệm vụ 1.1" in _text(_get(client, "year-task", plan, 2024, task.pk))
    rollup = _get(client, "year-tasks", plan).context["rollup"]
    assert rollup.tasks[0].lead.done == 1


def test_indicator_totals_show_a_submission_and_a_renamed_indicator_at_once(client, world):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    assert [r.total for r in _get(client, "year-indicators", plan).context["rows"]] == [None]
    fill_report(report, officer)
    submit_report(_refresh(report), officer)
    assert [r.total for r in _get(client, "year-indicators", plan).context["rows"]] == [3]

    indicator = Indicator.objects.get(plan=plan)
    indicator.name = "Số tin, bài đã đăng"
    indicator.save()
    assert "Số tin, bài đã đăng" in _text(_get(client, "year-indicators", plan))


def test_the_agencies_words_show_a_submission_at_once(client, world):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    assert "Hoàn thành tốt." not in _text(_get(client, "year-feedback", plan))
    fill_report(report, officer)
    submit_report(_refresh(report), officer)
    assert "Hoàn thành tốt." in _text(_get(client, "year-feedback", plan))


def test_opening_a_year_shows_at_once_on_the_year_and_on_year_over_year(client, world):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    assert figures(client, plan, 2025) == {}  # not opened: no figures, an invitation to open it
    years = _get(client, "plan-years", plan, None).context["rows"]
    assert [f.opened for f in years] == [False, True, False]

    open_reporting_year(plan, 2025, admin)

    assert figures(client, plan, 2025)["Phải báo cáo"] == 3
    assert [f.opened for f in _get(client, "plan-years", plan, None).context["rows"]] == [False, True, True]


def test_a_task_edited_and_its_lead_changed_show_at_once(client, world):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(admin)
    _get(client, "year-tasks", plan)
    # As the admin's change form saves it.
    task = Task.objects.get(plan=plan, number="1.1")
    response = client.get(reverse("admin:tasks_task_change", args=[task.pk]))
    assert response.status_code == 200
    task.title = "Tổ chức hội nghị tập huấn mới"
    task.save()
    assert "Tổ chức hội nghị tập huấn mới" in _text(_get(client, "year-tasks", plan))

    other = make_agency(name="Sở Khác thử", kind="department")
    lead = Assignment.objects.get(task=task, role=Assignment.Role.LEAD)
    lead.agency = other
    lead.save()
    row = next(r for r in _get(client, "year-tasks", plan).context["rollup"].tasks if r.task.pk == task.pk)
    assert row.leads == ["Sở Khác thử"]


def test_tasks_imported_in_bulk_from_the_admins_file_show_at_once(client, world):
    """The admin's import writes with bulk_update (no post_save): exchange.resources bumps."""
    plan, who, admin, coordinator, officer, report = world
    task = Task.objects.get(plan=plan, number="1.1")
    task.title = "Tiêu đề trước khi nhập"
    task.save()
    client.force_login(coordinator)
    assert "Tiêu đề trước khi nhập" in _text(_get(client, "year-tasks", plan))
    data = CSV().export_data(TaskResource().export())
    data = data.replace("Tiêu đề trước khi nhập".encode(), "Tiêu đề nhập từ tệp".encode())
    result = import_dataset(TaskResource(), read_dataset(data, CSV), user=admin)
    assert not result.has_errors() and not result.has_validation_errors()
    assert Task.objects.get(pk=task.pk).title == "Tiêu đề nhập từ tệp"
    assert "Tiêu đề nhập từ tệp" in _text(_get(client, "year-tasks", plan))


def test_a_new_task_and_a_renamed_section_show_at_once(client, world):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    section = plan.sections.get()
    _get(client, "year-tasks", plan)
    make_task(section, lead=who["dept"], number="1.3", title="Nhiệm vụ thêm giữa năm")
    section.title = "Mục đã đổi tên thử"
    section.save()
    text = _text(_get(client, "year-tasks", plan))
    assert "Nhiệm vụ thêm giữa năm" in text and "Mục đã đổi tên thử" in text


def test_the_plans_due_date_and_the_years_parameters_show_at_once(client, world, monkeypatch):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    computed = computed_overviews(monkeypatch)
    _get(client, "year-overview", plan)
    assert computed[0]["data"].due_date == plan.report_due_date(2024)
    plan.report_due_day, plan.report_due_month = 20, 12
    plan.save()
    assert "<strong>20/12/2024</strong>" in _get(client, "year-overview", plan).content.decode()
    assert computed[0]["data"].due_date == datetime.date(2024, 12, 20) and len(computed) == 2


def test_a_renamed_agency_and_an_applied_agency_change_show_at_once(client, world):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    district = who["districts"][0]
    assert district.name in _text(_get(client, "year-overview", plan))

    district.name = "UBND thị xã Thử Nghiệm"
    district.save()
    assert "UBND thị xã Thử Nghiệm" in _text(_get(client, "year-overview", plan))

    # A rename applied from the year before: the 2024 pages, about 2024's due date, take the former name.
    change = AgencyChange.objects.create(code="doi-ten-thu", kind="rename", effective_date=datetime.date(2024, 1, 1),
                                         new_name="UBND thành phố Thử Nghiệm", act_number="1/NQ-HĐND",
                                         act_date=datetime.date(2023, 12, 1))
    change.predecessors.set([district])
    apply_change(change)
    text = _text(_get(client, "year-overview", plan))
    assert "UBND thành phố Thử Nghiệm" in text and "UBND thị xã Thử Nghiệm" not in text


def test_a_group_membership_change_bumps_and_the_year_opened_again_shows_at_once(client, world):
    """A many-to-many change (agencies.AgencyGroup.members) saves no row: it bumps all the same. The year
    opened again writes the new member's report with bulk_create (no signal): open_reporting_year bumps."""
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    assert figures(client, plan)["Phải báo cáo"] == 3
    newcomer = make_agency(name="UBND huyện Mới", kind="district")
    before = generations(EVERYTHING)
    who["group"].members.add(newcomer)
    assert generations(EVERYTHING) != before
    assert figures(client, plan)["Phải báo cáo"] == 3  # not obliged until the year is opened again
    open_reporting_year(plan, 2024, admin)
    assert figures(client, plan)["Phải báo cáo"] == 4


def test_the_overdue_tasks_follow_the_day(client, world, monkeypatch):
    plan, who, admin, coordinator, officer, report = world
    make_task(plan.sections.get(), lead=who["dept"], number="1.9", timeframe_kind="deadline",
              due_date=datetime.date(2024, 6, 30))
    client.force_login(coordinator)
    computed = computed_overviews(monkeypatch)
    monkeypatch.setattr(overview_views, "_today", lambda: datetime.date(2024, 6, 30))
    assert "Nhiệm vụ quá hạn hoàn thành" not in _get(client, "year-overview", plan).content.decode()
    assert [t.number for t in computed[0]["data"].overdue] == []
    monkeypatch.setattr(overview_views, "_today", lambda: datetime.date(2024, 7, 1))
    assert "Nhiệm vụ quá hạn hoàn thành" in _get(client, "year-overview", plan).content.decode()
    assert [t.number for t in computed[0]["data"].overdue] == ["1.9"] and len(computed) == 2


def test_a_body_computed_at_midnight_is_cached_under_the_day_it_was_computed_for(client, world, monkeypatch):
    """Today is read once per request: a request whose clock passes midnight between two reads must not store
    30 June's body as 1 July's (it would be served all through 1 July)."""
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    days = iter([datetime.date(2024, 6, 30)] + [datetime.date(2024, 7, 1)] * 50)
    monkeypatch.setattr(overview_views, "_today", lambda: next(days))
    for name in ("year-overview", "year-tasks"):
        _get(client, name, plan)  # the first read of each: 30 June (then the clock says 1 July)
        days = iter([datetime.date(2024, 6, 30)] + [datetime.date(2024, 7, 1)] * 50)
    monkeypatch.setattr(overview_views, "_today", lambda: datetime.date(2024, 7, 1))
    assert "số liệu đến ngày 01/07/2024" in _text(_get(client, "year-overview", plan))
    fresh = _text(_get(client, "year-tasks", plan))
    services.cache.bump_everything()
    assert _text(_get(client, "year-tasks", plan)) == fresh


def test_a_years_names_do_not_leak_into_another_year(client, world):
    """The same plan, the same day: 2024 shows the name in force in 2024, 2025 the one in force in 2025."""
    plan, who, admin, coordinator, officer, report = world
    open_reporting_year(plan, 2025, admin)
    district = who["districts"][0]
    change = AgencyChange.objects.create(code="doi-ten-2025", kind="rename", effective_date=datetime.date(2025, 1, 1),
                                         new_name="UBND thành phố Hai Lăm", act_number="2/NQ-HĐND",
                                         act_date=datetime.date(2024, 12, 1))
    change.predecessors.set([district])
    apply_change(change)
    client.force_login(coordinator)
    for _ in range(2):  # the second round comes from the cache
        old, new = _text(_get(client, "year-overview", plan, 2024)), _text(_get(client, "year-overview", plan, 2025))
        assert district.name in old and "UBND thành phố Hai Lăm" not in old
        assert "UBND thành phố Hai Lăm" in new


# --- a draft's later saves keep the figures: they change nothing a cached page shows --------------------------

def _form(report, n, status="in_progress"):
    """The report form as the officer sends it on their n-th save (texts, statuses and figures differ each time)."""
    data = {"version": report.version, "overall_assessment": f"Đánh giá lần {n}.", "difficulties": f"Khó khăn {n}",
            "proposals": ""}
    for line in report.lines.select_related("task"):
        p = f"line-{line.pk}-"
        data.update({p + "status": status, p + "achievements": f"Lần {n}: đã làm {line.task.number}",
                     p + "no_report_reason": ""})
        if line.task.target_quantity:
            data[p + "quantity_achieved"] = str(n)
    for indicator in report.plan.indicators.all():
        data[f"indicator-{indicator.pk}"] = str(10 * n)
    return data


def _save_in_the_page(client, report, n, **extra):
    response = client.post(report.get_absolute_url(), {**_form(_refresh(report), n), **extra})
    assert response.status_code == 302, response.content.decode()[:2000]
    return _refresh(report)


def _cached_pages(client, plan, task):
    """What the coordinator reads on every cached year page, as text (the overview's figures and rows included)."""
    return [_text(_get(client, name, plan, 2024, *extra)) for name, extra in (
        ("year-overview", ()), ("year-tasks", ()), ("year-task", (task.pk,)), ("year-indicators", ()),
        ("year-feedback", ()), ("year-submissions", ()))] + [_text(_get(client, "plan-years", plan, None))]


def _scopes(plan):
    return generations(SITE, EVERYTHING, plan_scope(plan.pk))


def test_a_first_save_in_the_page_shows_at_once_as_drafting(client, world):
    """(a) The first save of an untouched report turns "not started" into "drafting": the figures are bumped."""
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    before = figures(client, plan)
    assert (before["Chưa bắt đầu"], before["Đang soạn"]) == (3, 0)
    generation = _scopes(plan)[plan_scope(plan.pk)]
    officer_client = client_class_for(client)
    officer_client.force_login(officer)
    _save_in_the_page(officer_client, report, 1)
    assert _scopes(plan)[plan_scope(plan.pk)] != generation
    after = figures(client, plan)
    assert (after["Chưa bắt đầu"], after["Đang soạn"]) == (2, 1)
    html = _get(client, "year-overview", plan).content.decode()
    row = re.search(r'<tr><td><a href="%s">.*?</tr>' % re.escape(report.get_absolute_url()), html, re.S).group(0)
    assert "Đang soạn, chưa gửi" in row


def test_later_saves_of_a_draft_keep_the_cached_figures_and_they_are_not_stale(client, world, tmp_media):
    """(b) Once drafting, a save in the page (texts, every line's status, quantities, indicators, an evidence file),
    an autosave, a copy of last year's text and a deleted file change nothing a cached page or export shows: no
    generation moves (the pages come from the cache), and each page still reads exactly as freshly computed."""
    plan, who, admin, coordinator, officer, report = world
    task = plan.tasks.get(number="1.1")
    officer_client = client_class_for(client)
    officer_client.force_login(officer)
    report = _save_in_the_page(officer_client, report, 1)  # drafting now
    client.force_login(coordinator)
    cached = _cached_pages(client, plan, task)
    export = _get(client, "year-export-xlsx", plan)
    kept = _scopes(plan)

    line = report.lines.first()
    report = _save_in_the_page(officer_client, report, 2, status="not_started", **{
        f"line-{line.pk}-evidence": SimpleUploadedFile("minh-chung.pdf", PDF, content_type="application/pdf")})
    report = _save_in_the_page(officer_client, report, 3, status="done_for_year")
    autosave = officer_client.post(report.get_absolute_url(), _form(report, 4, status="done_for_year"), HTTP_X_AUTOSAVE="1")
    assert autosave.status_code == 200 and autosave.json()["ok"]
    evidence = Evidence.objects.get(task_report__report=report)
    services.delete_evidence(evidence, officer)
    report = _refresh(report)
    assert (report.version, report.status, TaskReport.objects.filter(report=report, status="done_for_year").count(),
            report.lines.count()) == (6, "draft", report.lines.count(), report.lines.count())

    assert _scopes(plan) == kept
    with CaptureQueriesContext(connection) as reads:
        assert _cached_pages(client, plan, task) == cached
    assert not any("reports_taskreport" in q["sql"] for q in reads.captured_queries)  # all from the cache
    assert _get(client, "year-export-xlsx", plan, HTTP_IF_NONE_MATCH=export["ETag"]).status_code == 304
    # Not stale: what the pages show is what the figures computed afresh say.
    services.cache.bump_everything()  # (never cache.clear(): on Redis it would empty other runs' keys too)
    assert _cached_pages(client, plan, task) == cached
    fresh = aggregates.year_overview(plan, 2024, overview_views._today())
    assert (fresh.figures.drafting, fresh.figures.not_started) == (1, 2)


def test_a_copy_of_last_years_text_bumps_only_as_a_first_save(client, world):
    plan, who, admin, coordinator, officer, report = world
    last = AgencyReport.objects.create(plan=plan, year=2023, agency=who["dept"], status="accepted", version=3,
                                       first_submitted_at=datetime.datetime(2023, 11, 1, tzinfo=datetime.UTC))
    line = report.lines.select_related("task").first()
    TaskReport.objects.create(report=last, task=line.task, role=line.role, status="in_progress",
                              achievements="Năm trước đã làm.")
    client.force_login(coordinator)
    assert figures(client, plan)["Đang soạn"] == 0
    before = _scopes(plan)
    assert services.copy_last_year(_refresh(report), line.pk, officer) is not None  # the first save of the report
    assert _scopes(plan) != before
    assert figures(client, plan)["Đang soạn"] == 1

    other = report.lines.exclude(pk=line.pk).select_related("task").first()
    TaskReport.objects.create(report=last, task=other.task, role=other.role, status="in_progress",
                              achievements="Năm trước cũng đã làm.")
    kept = _scopes(plan)
    assert services.copy_last_year(_refresh(report), other.pk, officer) is not None
    assert _scopes(plan) == kept


def test_a_returned_reports_saves_keep_the_figures_and_its_resubmission_shows(client, world):
    plan, who, admin, coordinator, officer, report = world
    fill_report(report, officer)
    submit_report(_refresh(report), officer)
    review_report(_refresh(report), coordinator, accept=False, comment="Bổ sung.")
    client.force_login(coordinator)
    returned = figures(client, plan)
    assert returned["Bị trả lại, đang bổ sung"] == 1
    kept = _scopes(plan)
    officer_client = client_class_for(client)
    officer_client.force_login(officer)
    report = _save_in_the_page(officer_client, report, 7, status="done_for_year")
    assert _scopes(plan) == kept and figures(client, plan) == returned
    submit_report(_refresh(report), officer)
    assert figures(client, plan)["Bị trả lại, đang bổ sung"] == 0


def test_a_submitted_reports_rows_written_by_the_admin_still_bump(world):
    """Only the agency's writes to a report nobody else reads yet are quiet: a submitted report's line edited
    (the admin) bumps as before."""
    plan, who, admin, coordinator, officer, report = world
    fill_report(report, officer)
    submit_report(_refresh(report), officer)
    before = _scopes(plan)
    line = report.lines.first()
    line.achievements = "Sửa bởi quản trị."
    line.save()
    assert _scopes(plan)[plan_scope(plan.pk)] != before[plan_scope(plan.pk)]
    before = _scopes(plan)
    with services.cache.agency_writes(_refresh(report)):  # submitted: never quiet
        line.save()
    assert _scopes(plan)[plan_scope(plan.pk)] != before[plan_scope(plan.pk)]


# --- the cache is used, and moves at commit -----------------------------------------------------------------

@pytest.mark.parametrize("name", ["year-overview", "year-tasks", "year-indicators", "year-feedback",
                                  "year-submissions"])
def test_the_second_read_of_a_year_page_comes_from_the_cache(client, world, name):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as first:
        _get(client, name, plan)
    with CaptureQueriesContext(connection) as second:
        _get(client, name, plan)
    # The figures' queries (one to four) are gone; the user, roles, plan and names remain (the session: cached).
    assert len(second) < len(first), (len(first), len(second))


def test_a_change_bumps_the_generation_again_when_it_commits(world, django_capture_on_commit_callbacks):
    """A request reading between the change and its commit may cache the old figures under the first new
    generation: the commit moves it once more."""
    plan, who, admin, coordinator, officer, report = world
    scopes = (EVERYTHING, plan_scope(plan.pk))
    before = generations(*scopes)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        fill_report(report, officer)
        during = generations(*scopes)
    after = generations(*scopes)
    assert callbacks
    assert during[plan_scope(plan.pk)] != before[plan_scope(plan.pk)]
    assert after[plan_scope(plan.pk)] != during[plan_scope(plan.pk)]
    assert after[EVERYTHING] == before[EVERYTHING]  # a report's change leaves the other plans' figures alone


# --- HTTP validators ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["year-export-xlsx", "year-export-docx"])
def test_a_repeated_export_answers_304_until_something_changes(client, world, name):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    first = _get(client, name, plan)
    assert first.status_code == 200 and first["ETag"]
    again = _get(client, name, plan, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""

    fill_report(report, officer)
    submit_report(_refresh(report), officer)
    changed = _get(client, name, plan, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"] and changed.content

    ReportingYear.objects.filter(plan=plan, year=2024).get().save()  # the year's parameters edited
    assert _get(client, name, plan, HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 200


def test_an_etag_gives_no_export_to_who_may_not_export(client, world, django_user_model):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    etag = _get(client, "year-export-xlsx", plan)["ETag"]
    viewer = make_user(django_user_model, "viewer", who["dept"], role=Membership.Role.VIEWER)
    client.force_login(viewer)
    response = client.get(reverse("reports:year-export-xlsx", args=[plan.pk, 2024]), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 403 and not response.has_header("ETag")


def test_a_calendar_app_polling_an_unchanged_feed_gets_304(client, world):
    plan, who, admin, coordinator, officer, report = world
    token = new_calendar_token(who["dept"], officer).token
    url = reverse("notifications:calendar-feed", args=[token])
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    make_task(plan.sections.get(), lead=who["dept"], number="1.8", timeframe_kind="deadline",
              due_date=datetime.date(2025, 5, 31))
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and b"1.8" in changed.content


# --- the year pages' bodies are cached as HTML (reports.cache.page) -------------------------------------------

def test_a_cached_body_is_the_one_of_its_task_and_language(client, world, settings):
    """The body is cached per task and per language: another task's page or the English page never shows it."""
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    first, second = plan.tasks.order_by("pk")[:2]
    for _round in range(2):  # the second round reads every body from the cache
        one = _get(client, "year-task", plan, 2024, first.pk).content.decode()
        other = _get(client, "year-task", plan, 2024, second.pk).content.decode()
        assert f"<p class=\"prose\">{first.title}</p>" in one and first.title not in other
        assert f"<p class=\"prose\">{second.title}</p>" in other
    vietnamese = _get(client, "year-overview", plan).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = _get(client, "year-overview", plan).content.decode()
    assert "Các cơ quan, đơn vị phải báo cáo" in vietnamese and "Các cơ quan, đơn vị phải báo cáo" not in english
    assert "Tình hình gửi báo cáo" not in english


@pytest.mark.parametrize("name", ["year-overview", "year-tasks", "year-indicators", "year-feedback"])
def test_the_export_buttons_are_the_readers_not_the_cached_bodys(client, world, django_user_model, name):
    """The body is shared by every reader; the buttons around it are each reader's own."""
    plan, who, admin, coordinator, officer, report = world
    viewer = make_user(django_user_model, "viewer", who["dept"], role=Membership.Role.VIEWER)
    export = reverse("reports:year-export-xlsx", args=[plan.pk, 2024])
    for reader, sees in ((coordinator, True), (viewer, False), (coordinator, True)):
        client.force_login(reader)
        assert (export in _get(client, name, plan).content.decode()) is sees


def test_the_body_is_rendered_once_per_generation(client, world, monkeypatch):
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    rendered = []
    real = overview_views._body
    monkeypatch.setattr(overview_views, "_body", lambda *a, **k: rendered.append(a[0]) or real(*a, **k))

    def body():  # what follows the year pages' nav (the page's head holds a CSRF token of its own)
        return _get(client, "year-overview", plan).content.decode().split('aria-label="Các trang tổng hợp"')[1]

    first = body()
    assert body() == first and rendered == ["overview"]
    fill_report(report, officer)
    submit_report(_refresh(report), officer)
    assert body() != first and rendered == ["overview"] * 2


def test_no_cached_body_holds_a_form_token_or_the_readers_name(client, world, monkeypatch):
    """What is cached is the same for every reader: no CSRF token, no user."""
    plan, who, admin, coordinator, officer, report = world
    client.force_login(coordinator)
    bodies = []
    real = overview_views._body
    monkeypatch.setattr(overview_views, "_body", lambda *a, **k: bodies.append(real(*a, **k)) or bodies[-1])
    _cached_pages(client, plan, plan.tasks.get(number="1.1"))
    assert len(bodies) == 6
    for body in bodies:
        assert "csrfmiddlewaretoken" not in body and coordinator.username not in body
