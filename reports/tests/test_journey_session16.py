"""The officer's journey, session 16 (issue #18): the report's row read once, under its lock, in a save and in the
submission (``access.get_writable_report_for_user(…, lock=True)`` inside the view's transaction, then
``services.save_report`` / ``submit_report`` with ``locked=True``), and a save's lines read once, after that lock
(``current_lines``). Read through the pages and the rows they write: the same answers, rows and refusals as before.
"""

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notifications import workflow
from plan_tracker import cache as generations
from plan_tracker.cache import plan_scope
from notifications.models import Delivery
from reports import access, services
from reports.models import AgencyReport, IndicatorValue, ReportEvent, TaskReport
from testing.factories import fill_report, report_world

from .test_report_pages import form_data

REPORT_SELECT = re.compile(r'^SELECT "reports_agencyreport"\."id", ')  # the report's row (any other: its columns)
LINES_SELECT = re.compile(r'^SELECT "reports_taskreport"\."id", ')


@pytest.fixture
def world(db, django_user_model):
    cache.clear()
    return report_world(django_user_model)


def _signed_in(client, user):
    client.force_login(user)
    return client


def _selects(captured, pattern):
    return [q["sql"] for q in captured if pattern.match(q["sql"])]


def _read_locked(sql):
    """The report read under its row lock: the SQL says so where the database locks rows (PostgreSQL); on SQLite
    (no row locks) the locked statement is the one that was compiled and run."""
    if connection.features.has_select_for_update:
        return "FOR UPDATE" in sql
    return any(statement._compiled and statement.build(1, [1]).query.select_for_update
               for statement in (access._AGENCIES_REPORT_LOCKED,))


def test_a_save_reads_the_report_and_its_lines_once_and_writes_what_changed(client, world):
    report, officer = world.report, world.officer
    _signed_in(client, officer)
    assert client.post(report.get_absolute_url(), form_data(report)).status_code == 302  # the first save
    report.refresh_from_db()
    lines = list(report.lines.select_related("task").order_by("pk"))
    history = {line.pk: line.history.count() for line in lines}
    changed = lines[0]
    data = form_data(report, overall_assessment="Tốt hơn",
                     **{f"line-{changed.pk}-achievements": "Kết quả mới, đã sửa"})
    access._AGENCIES_REPORT_LOCKED._compiled.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.post(report.get_absolute_url(), data)
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    reads = _selects(captured.captured_queries, REPORT_SELECT)
    assert len(reads) == 1 and _read_locked(reads[0])
    assert len(_selects(captured.captured_queries, LINES_SELECT)) == 1
    version = report.version
    report.refresh_from_db()
    assert report.version == version + 1 and report.overall_assessment == "Tốt hơn"
    assert report.updated_by == officer
    # Only the line whose text changed is written, with its history row; the others as they were.
    for line in lines:
        line_now = TaskReport.objects.get(pk=line.pk)
        if line.pk == changed.pk:
            assert line_now.achievements == "Kết quả mới, đã sửa"
            assert line.history.count() == history[line.pk] + 1
            assert line.history.first().history_user == officer
        else:
            assert line_now.achievements == line.achievements and line.history.count() == history[line.pk]
    assert report.events.filter(action=ReportEvent.Action.SAVED).count() == 2
    assert report.history.first().history_change_reason == "save"


def test_a_stale_save_writes_nothing_keeps_what_was_typed_and_says_so(client, world):
    report, officer = world.report, world.officer
    _signed_in(client, officer)
    opened = form_data(report)  # the form as opened at version 1
    assert client.post(report.get_absolute_url(), form_data(report)).status_code == 302  # a colleague's save
    report.refresh_from_db()
    rows = (report.version, report.events.count(), report.history.count(),
            list(TaskReport.objects.filter(report=report).values_list("achievements", flat=True).order_by("pk")),
            IndicatorValue.objects.filter(report=report).count())
    opened["overall_assessment"] = "Gõ sau khi người khác đã lưu"
    response = client.post(report.get_absolute_url(), opened)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Gõ sau khi người khác đã lưu" in page and "Thay đổi của bạn chưa được lưu" in page
    report.refresh_from_db()
    assert rows == (report.version, report.events.count(), report.history.count(),
                    list(TaskReport.objects.filter(report=report).values_list("achievements", flat=True)
                         .order_by("pk")),
                    IndicatorValue.objects.filter(report=report).count())
    # The autosave's answer is the same refusal.
    response = client.post(report.get_absolute_url(), opened, headers={"X-Autosave": "1"})
    assert response.status_code == 409 and response.json()["stale"] is True
    # An invalid form is still refused after the lock is gone (400, what was typed kept).
    response = client.post(report.get_absolute_url(), form_data(report, version="x"))
    assert response.status_code == 400


def test_a_submission_reads_the_report_once_and_writes_the_same_rows(client, world, settings,
                                                                     django_capture_on_commit_callbacks):
    settings.NOTIFICATIONS_QUEUED = True
    report, officer = world.report, world.officer
    fill_report(report, officer)
    report.refresh_from_db()
    _signed_in(client, officer)
    access._AGENCIES_REPORT_LOCKED._compiled.clear()
    before = generations.generations(plan_scope(report.plan_id))
    with (CaptureQueriesContext(connection) as captured, mock.patch.object(cache, "set_many", wraps=cache.set_many) as
          cache_writes, django_capture_on_commit_callbacks(execute=True)):
        response = client.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    # Its report, its event and the workflow's signal each bump the plan's figures: one write of the cache, at commit.
    assert cache_writes.call_count == 1
    assert generations.generations(plan_scope(report.plan_id)) != before
    reads = _selects(captured.captured_queries, REPORT_SELECT)
    assert len(reads) == 1 and _read_locked(reads[0])
    version = report.version
    report.refresh_from_db()
    assert report.status == AgencyReport.Status.SUBMITTED and report.version == version + 1
    assert report.first_submitted_at == report.submitted_at and report.updated_by == officer
    assert report.history.first().history_change_reason == "submit"
    event = report.events.get(action=ReportEvent.Action.SUBMITTED)
    assert event.actor == officer and event.at == report.submitted_at
    # Its mails recorded with it, in the same transaction (who they go to: notifications/tests/test_queue.py).
    assert Delivery.objects.filter(event=event).count() == len(workflow._event_rows(event))
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Đã gửi báo cáo tới" in page


def test_a_refused_submission_writes_nothing(client, world):
    report, officer = world.report, world.officer
    _signed_in(client, officer)
    url = reverse("reports:report-submit", args=[report.pk])
    events = report.events.count()
    # Parts missing: the confirm page again (400) listing them; nothing written.
    response = client.post(url, {"version": report.version})
    assert response.status_code == 400 and "Chưa ghi đánh giá chung." in response.content.decode()
    report.refresh_from_db()
    assert report.status == AgencyReport.Status.DRAFT and report.version == 1 and report.events.count() == events
    # Stale (saved meanwhile): back to the report with the message; nothing written.
    fill_report(report, officer)
    response = client.post(url, {"version": 1})
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert "Thay đổi của bạn chưa được lưu" in client.get(report.get_absolute_url()).content.decode()
    report.refresh_from_db()
    assert report.status == AgencyReport.Status.DRAFT and report.version == 2
    assert not report.events.filter(action=ReportEvent.Action.SUBMITTED).exists()
    # No version: the confirm page again with its error (400), nothing written.
    response = client.post(url, {})
    assert response.status_code == 400 and "thiếu số phiên bản" in response.content.decode()
    report.refresh_from_db()
    assert report.status == AgencyReport.Status.DRAFT
    # Submitted, then a second submission: 403, nothing written.
    assert client.post(url, {"version": report.version}).status_code == 302
    report.refresh_from_db()
    assert report.status == AgencyReport.Status.SUBMITTED
    assert client.post(url, {"version": report.version}).status_code == 403
    assert report.events.filter(action=ReportEvent.Action.SUBMITTED).count() == 1


def test_a_save_given_the_lines_read_under_the_lock_writes_only_the_posted_ones(world):
    report, officer = world.report, world.officer
    lines = list(report.lines.select_related("task").order_by("pk"))
    assert len(lines) >= 2
    history = [line.history.count() for line in lines]
    posted = {lines[1].pk: {"achievements": "Chỉ dòng này", "status": TaskReport.Status.IN_PROGRESS}}
    with transaction.atomic():
        locked = access.get_writable_report_for_user(officer, report.pk, lock=True)
        services.save_report(locked, officer, expected_version=1, lines=posted, locked=True,
                             current_lines=list(reversed(lines)))
    assert [(line.achievements, line.status) for line in TaskReport.objects.filter(report=report).order_by("pk")] == [
        ("Chỉ dòng này", TaskReport.Status.IN_PROGRESS) if line.pk == lines[1].pk else (line.achievements, line.status)
        for line in lines]
    assert [line.history.count() for line in lines] == [n + (line.pk == lines[1].pk) for n, line in zip(history, lines)]
    report.refresh_from_db()
    assert report.version == 2


@pytest.mark.django_db(transaction=True)
def test_locked_is_refused_outside_a_transaction(django_user_model):
    world = report_world(django_user_model)
    report = AgencyReport.objects.get(pk=world.report.pk)
    with pytest.raises(TransactionManagementError):
        services.save_report(report, world.officer, expected_version=1, general={"proposals": "x"}, locked=True)
    with pytest.raises(TransactionManagementError):
        services.submit_report(report, world.officer, expected_version=1, locked=True)
    report.refresh_from_db()
    assert report.version == 1 and report.proposals == ""
