import datetime
import unicodedata
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agencies.models import Membership
from reports.models import AgencyReport, ReportEvent, TaskReport
from reports.services import StaleReport, reopen_report, review_report, save_report, submit_report
from testing.factories import fill_report, local, make_task, make_user, open_year, small_plan


@pytest.fixture
def setup(db, django_user_model):
    plan, who = small_plan()
    open_year(plan, 2024)
    officer = make_user(django_user_model, "officer", who["dept"])
    coordinator = make_user(django_user_model, "coord", who["districts"][1], role=Membership.Role.COORDINATOR)
    admin = django_user_model.objects.create_superuser("root", password="x")
    report = AgencyReport.objects.get(plan=plan, year=2024, agency=who["dept"])
    return plan, report, officer, coordinator, admin


def test_draft_submit_return_resubmit_accept(setup):
    plan, report, officer, coordinator, admin = setup
    report = fill_report(report, officer)
    report = submit_report(report, officer, now=local(2024, 11, 10, 9))
    assert report.status == "submitted" and report.is_on_time
    report = review_report(report, coordinator, accept=False, comment="Bổ sung số liệu")
    assert report.status == "returned" and report.review_comment == "Bổ sung số liệu"
    report = save_report(report, officer, expected_version=report.version, general={"proposals": "Thêm kinh phí"})
    report = submit_report(report, officer, now=local(2024, 11, 20, 9))
    assert report.first_submitted_at == local(2024, 11, 10, 9)  # the first submission decides
    assert report.is_on_time
    report = review_report(report, coordinator, accept=True)
    assert report.status == "accepted"
    actions = list(report.events.order_by("pk").values_list("action", flat=True))
    assert actions[0] == "opened" and actions[-4:] == ["returned", "saved", "submitted", "accepted"]


def test_submitted_and_accepted_reports_are_read_only_to_the_agency(setup):
    plan, report, officer, coordinator, admin = setup
    report = submit_report(fill_report(report, officer), officer)
    with pytest.raises(PermissionDenied):
        save_report(report, officer, expected_version=report.version, general={"proposals": "x"})
    report = review_report(report, coordinator, accept=True)
    with pytest.raises(ValidationError):
        submit_report(report, officer)
    with pytest.raises(PermissionDenied):
        save_report(report, officer, expected_version=report.version, general={"proposals": "x"})


@pytest.mark.parametrize("accept", [True, False])
def test_a_draft_cannot_be_reviewed(setup, accept):
    plan, report, officer, coordinator, admin = setup
    with pytest.raises(ValidationError, match="đã gửi"):
        review_report(report, coordinator, accept=accept, comment="x")


def test_accepting_twice_is_refused(setup):
    plan, report, officer, coordinator, admin = setup
    report = review_report(submit_report(fill_report(report, officer), officer), coordinator, accept=True)
    with pytest.raises(ValidationError):
        review_report(report, coordinator, accept=True)


def test_nobody_reviews_what_they_submitted(setup):
    plan, report, officer, coordinator, admin = setup
    report = submit_report(fill_report(report, officer), officer)
    with pytest.raises(ValidationError, match="chính mình"):
        review_report(report, officer, accept=True)


def test_returning_needs_a_comment(setup):
    plan, report, officer, coordinator, admin = setup
    report = submit_report(fill_report(report, officer), officer)
    with pytest.raises(ValidationError, match="ý kiến"):
        review_report(report, coordinator, accept=False, comment="  ")


def test_only_an_admin_reopens_an_accepted_report_and_it_is_recorded(setup):
    plan, report, officer, coordinator, admin = setup
    report = review_report(submit_report(fill_report(report, officer), officer), coordinator, accept=True)
    with pytest.raises(PermissionDenied):
        reopen_report(report, coordinator, comment="sửa lại")
    report = reopen_report(report, admin, comment="Sai số liệu kinh phí")
    assert report.status == "returned"
    event = report.events.last()
    assert (event.action, event.actor, event.comment) == ("reopened", admin, "Sai số liệu kinh phí")
    assert report.history.first().history_user == admin


def test_submit_refuses_and_names_the_empty_parts(setup):
    plan, report, officer, coordinator, admin = setup
    line = report.lines.get(task__number="1.1")
    save_report(report, officer, expected_version=report.version,
                lines={line.pk: {"status": TaskReport.Status.NOTHING_TO_REPORT}})
    report.refresh_from_db()
    with pytest.raises(ValidationError) as err:
        submit_report(report, officer)
    messages = err.value.messages
    assert "Nhiệm vụ 1.1: cần ghi lý do không có nội dung báo cáo." in messages
    assert "Nhiệm vụ 1.2: chưa chọn tình trạng thực hiện." in messages
    assert "Chỉ tiêu “Tin, bài”: chưa nhập số liệu (ghi 0 nếu không có)." in messages
    assert "Chưa ghi đánh giá chung." in messages
    report.refresh_from_db()
    assert report.status == "draft" and report.first_submitted_at is None


def test_nothing_to_report_with_a_reason_counts_as_reported(setup):
    plan, report, officer, coordinator, admin = setup
    report = fill_report(report, officer)
    line = report.lines.get(task__number="1.2")
    report = save_report(report, officer, expected_version=report.version, lines={
        line.pk: {"status": TaskReport.Status.NOTHING_TO_REPORT, "achievements": "",
                  "no_report_reason": "Năm nay không có hoạt động phối hợp"}})
    assert submit_report(report, officer).status == "submitted"


def test_stale_save_is_refused_and_nothing_is_overwritten(setup, django_user_model):
    plan, report, officer, coordinator, admin = setup
    colleague = make_user(django_user_model, "colleague", report.agency)
    opened_version = report.version
    save_report(report, colleague, expected_version=opened_version, general={"difficulties": "Thiếu người"})
    with pytest.raises(StaleReport, match="colleague"):
        save_report(report, officer, expected_version=opened_version, general={"difficulties": "Thiếu kinh phí"})
    report.refresh_from_db()
    assert report.difficulties == "Thiếu người"


@pytest.mark.parametrize(
    "submitted, on_time",
    [
        (local(2024, 11, 15, 23, 59, 59), True),
        (local(2024, 11, 16, 0, 0, 0), False),
        # the same instants written in UTC: 16:59:59 and 17:00:00 on 15/11
        (datetime.datetime(2024, 11, 15, 16, 59, 59, tzinfo=datetime.timezone.utc), True),
        (datetime.datetime(2024, 11, 15, 17, 0, 0, tzinfo=datetime.timezone.utc), False),
    ],
)
def test_deadline_is_the_due_day_in_local_time(setup, settings, submitted, on_time):
    plan, report, officer, coordinator, admin = setup
    report = submit_report(fill_report(report, officer), officer, now=submitted)
    assert report.is_on_time is on_time


def test_days_to_due_count_local_days(setup):
    plan, report, officer, coordinator, admin = setup
    assert report.days_to_due(datetime.date(2024, 11, 8)) == 7
    assert report.days_to_due(datetime.date(2024, 11, 18)) == -3


def test_history_keeps_who_when_old_and_new(setup):
    plan, report, officer, coordinator, admin = setup
    save_report(report, officer, expected_version=report.version, general={"difficulties": "A"})
    report.refresh_from_db()
    save_report(report, officer, expected_version=report.version, general={"difficulties": "B"})
    newest, previous = report.history.all()[:2]
    delta = newest.diff_against(previous)
    change = next(c for c in delta.changes if c.field == "difficulties")
    assert (change.old, change.new, newest.history_user) == ("A", "B", officer)
    assert ReportEvent.objects.filter(report=report, action="saved").count() == 2


def test_a_save_records_one_history_row_per_changed_line_and_value_in_nfc(setup):
    plan, report, officer, coordinator, admin = setup
    decomposed = unicodedata.normalize("NFD", "Đã tổ chức hội nghị")
    line = report.lines.order_by("task__number").first()
    other = report.lines.exclude(pk=line.pk).first()
    indicator = plan.indicators.get()
    save_report(report, officer, expected_version=report.version,
                lines={line.pk: {"status": "in_progress", "achievements": decomposed},
                       other.pk: {"status": other.status, "achievements": other.achievements}},  # unchanged
                indicators={indicator.pk: Decimal("7")})
    line.refresh_from_db()
    assert line.achievements == unicodedata.normalize("NFC", decomposed) and line.status == "in_progress"
    newest = TaskReport.history.filter(id=line.pk).first()
    assert (newest.history_type, newest.history_user, newest.achievements) == ("~", officer, line.achievements)
    assert not TaskReport.history.filter(id=other.pk, history_type="~").exists()  # nothing changed: no row
    value = report.indicator_values.get(indicator=indicator)
    assert value.value == 7 and value.history.get().history_user == officer  # created, with its history row
    report.refresh_from_db()
    save_report(report, officer, expected_version=report.version, indicators={indicator.pk: Decimal("9")})
    assert [(h.value, h.history_type) for h in value.history.all()] == [(9, "~"), (7, "+")]


def test_a_save_costs_the_same_statements_for_two_lines_or_many(db, django_user_model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (2, 12):
        plan, who = small_plan()
        for i in range(n - 2):
            make_task(plan.sections.first(), lead=who["dept"], number=f"2.{i}")
        open_year(plan, 2024)
        officer = make_user(django_user_model, f"officer{n}", who["dept"])
        report = AgencyReport.objects.get(plan=plan, year=2024, agency=who["dept"])
        lines = {pk: {"status": "in_progress", "achievements": f"Dòng {pk}"}
                 for pk in report.lines.values_list("pk", flat=True)}
        assert len(lines) == n
        with CaptureQueriesContext(connection) as queries:
            save_report(report, officer, expected_version=report.version, lines=lines,
                        indicators={plan.indicators.get().pk: Decimal("1")})
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
