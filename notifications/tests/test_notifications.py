"""Notifications of the report workflow, over a real SMTP server: submitted → coordinators, returned /
accepted → the agency, a coordinating agency's report → the lead agency; only after the commit."""

import datetime
import logging

import pytest
from django.db import transaction
from django.urls import reverse

from notifications.models import Delivery, Preference
from notifications.reminders import send_reminders
from notifications.tests.conftest import DUE
from reports.models import TaskReport
from reports.services import reopen_report, review_report, save_report, submit_report
from testing.factories import fill_report, local

OFFICER = "canbo.so@example.vn"
DISTRICT = "canbo.huyen@example.vn"
COORD = "dieuphoi@example.vn"


def filled(world, agency, officer):
    return fill_report(world.report(agency), officer)


def test_coordinators_are_told_when_a_report_is_submitted(world, smtp, committed):
    report = filled(world, world.dept, world.officer)

    committed(submit_report, report, world.officer, now=local(2025, 11, 10, 9))

    mail, = smtp.to(COORD)
    assert mail.subject == f"Sở Thử nghiệm đã gửi báo cáo năm 2025 ({world.plan.number})"
    assert "lúc 09:00 10/11/2025" in mail.text
    assert "Lần gửi đầu tiên đúng hạn." in mail.text
    assert f"https://baocao.example.gov.vn/reports/{report.pk}/" in mail.text
    assert OFFICER not in smtp.envelopes  # nobody is told what they just did


def test_a_late_submission_says_so(world, smtp, committed):
    report = filled(world, world.dept, world.officer)

    committed(submit_report, report, world.officer, now=local(2025, 11, 16, 0, 5))

    assert "báo cáo muộn" in smtp.to(COORD)[0].text


def test_the_agency_is_told_when_its_report_is_returned_with_the_comment(world, smtp, committed):
    report = submit_report(filled(world, world.dept, world.officer), world.officer)

    committed(review_report, report, world.coordinator, accept=False, comment="Bổ sung số liệu tin, bài\nvà kinh phí")

    mail, = smtp.to(OFFICER)
    assert "bị trả lại: cần sửa và gửi lại" in mail.subject
    assert "Bổ sung số liệu tin, bài\nvà kinh phí" in mail.text
    assert "Bổ sung số liệu tin, bài<br>và kinh phí" in mail.html
    assert f"https://baocao.example.gov.vn/reports/{report.pk}/" in mail.text
    assert COORD not in smtp.envelopes


def test_the_agency_is_told_when_its_report_is_accepted(world, smtp, committed):
    report = submit_report(filled(world, world.dept, world.officer), world.officer)

    committed(review_report, report, world.coordinator, accept=True)

    mail, = smtp.to(OFFICER)
    assert mail.subject == f"Báo cáo năm 2025 ({world.plan.number}) đã được tiếp nhận"


def test_an_english_officer_is_told_in_english(world, smtp, committed):
    report = submit_report(filled(world, world.district, world.district_officer), world.district_officer)

    committed(review_report, report, world.coordinator, accept=False, comment="Thiếu số liệu")

    mail, = smtp.to(DISTRICT)
    assert mail.subject == f"Your 2025 report ({world.plan.number}) was returned: please correct and resubmit"
    assert "Comment:\nThiếu số liệu" in mail.text


def test_the_agency_is_told_when_an_admin_reopens_its_report(world, smtp, committed, django_user_model):
    report = review_report(submit_report(filled(world, world.dept, world.officer), world.officer),
                           world.coordinator, accept=True)
    admin = django_user_model.objects.create_superuser("root", password="x", email="root@example.vn")

    committed(reopen_report, report, admin, comment="Sửa năm báo cáo")

    mail, = smtp.to(OFFICER)
    assert "được mở lại để sửa" in mail.subject and "Sửa năm báo cáo" in mail.text


def test_the_lead_agency_is_told_when_a_coordinating_agency_reports_on_its_task(world, smtp, committed):
    # Task 1.1 is led by the department, coordinated by the districts' group.
    report = filled(world, world.district, world.district_officer)
    line = report.lines.get(task__number="1.1")
    TaskReport.objects.filter(pk=line.pk).update(achievements="Đăng 12 tin bài về nhiệm vụ 1.1")

    committed(submit_report, report, world.district_officer)

    mail, = smtp.to(OFFICER)
    assert mail.subject == "UBND huyện 0 (phối hợp) đã báo cáo năm 2025 về nhiệm vụ đơn vị chủ trì"
    assert "Nhiệm vụ 1.1." in mail.text and "Đăng 12 tin bài về nhiệm vụ 1.1" in mail.text
    assert "1.2" not in mail.text  # the district leads 1.2 itself (through its group): not the department's
    assert "https://baocao.example.gov.vn" + line.task.get_absolute_url() in mail.text
    assert Delivery.objects.get(email=OFFICER).agency == world.dept


def test_a_coordinating_line_with_nothing_to_report_tells_the_lead_nothing(world, smtp, committed):
    report = filled(world, world.district, world.district_officer)
    report.lines.filter(task__number="1.1").update(status=TaskReport.Status.NOTHING_TO_REPORT,
                                                    no_report_reason="Không có hoạt động")

    committed(submit_report, report, world.district_officer)

    assert OFFICER not in smtp.envelopes
    assert COORD in smtp.envelopes


def test_a_rolled_back_change_sends_nothing(world, smtp, django_capture_on_commit_callbacks):
    report = filled(world, world.dept, world.officer)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                submit_report(report, world.officer)
                raise RuntimeError("something after the submit failed")

    assert callbacks == []
    assert smtp.received == []
    assert not Delivery.objects.exists()


def test_an_officer_who_turned_notifications_off_gets_none(world, smtp, committed):
    Preference.objects.create(user=world.officer, notifications=False)
    report = submit_report(filled(world, world.dept, world.officer), world.officer)

    committed(review_report, report, world.coordinator, accept=True)

    assert smtp.received == []


def test_a_mail_failure_never_breaks_the_submit_and_is_retried_by_the_next_run(world, smtp, client, caplog,
                                                                               django_capture_on_commit_callbacks):
    report = filled(world, world.dept, world.officer)
    smtp.stop()  # the mail server is down
    client.force_login(world.officer)

    with caplog.at_level(logging.WARNING, logger="notifications"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted"
    failed = Delivery.objects.get(email=COORD)
    assert failed.status == Delivery.Status.FAILED and failed.last_error
    assert any(COORD in r.getMessage() for r in caplog.records)

    smtp.start()
    send_reminders(DUE)  # tonight's cron: the failed notifications, and the due date's digest

    subjects = sorted(m.subject for m in smtp.to(COORD))
    assert subjects == [f"Sở Thử nghiệm đã gửi báo cáo năm 2025 ({world.plan.number})",
                        f"Tình hình báo cáo năm 2025 ({world.plan.number}): 2 đơn vị chưa gửi"]
    # The department coordinates 1.2, which the districts' group leads: that mail was retried too.
    assert smtp.to(DISTRICT)[0].subject.startswith("Sở Thử nghiệm (coordinating) reported")


def test_an_error_while_preparing_notifications_is_logged_not_raised(world, smtp, client, caplog, monkeypatch,
                                                                      django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise RuntimeError("template missing")

    monkeypatch.setattr("notifications.workflow._event_rows", broken)
    report = filled(world, world.dept, world.officer)
    client.force_login(world.officer)

    with caplog.at_level(logging.ERROR, logger="notifications"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})

    assert response.status_code == 302
    assert any("Notifications for report event" in r.getMessage() for r in caplog.records)


def test_a_replayed_event_sends_nothing_twice(world, smtp, committed):
    from notifications.tasks import send_event_mails

    report = committed(submit_report, filled(world, world.dept, world.officer), world.officer)
    event = report.events.get(action="submitted")

    send_event_mails.call(event.pk)  # the task run again (a retry, a second worker)

    assert len(smtp.to(COORD)) == 1


def test_a_resubmission_after_return_tells_the_coordinators_again(world, smtp, committed):
    report = submit_report(filled(world, world.dept, world.officer), world.officer)
    report = review_report(report, world.coordinator, accept=False, comment="Sửa")
    report = save_report(report, world.officer, expected_version=report.version, general={"proposals": "Đã sửa"})

    committed(submit_report, report, world.officer)

    mail, = smtp.to(COORD)
    assert "đã gửi lại báo cáo" in mail.subject


def test_a_report_mail_names_the_agency_as_on_its_years_due_date(world, smtp, committed):
    """The department was renamed on 1/3/2025: the "submitted" mail of its 2024 report names it as it was on
    15/11/2024, as the report's pages do; its 2025 report's mail by its name now (issue #13)."""
    from agencies.models import AgencyName
    from testing.factories import open_year

    AgencyName.objects.create(agency=world.dept, name="Sở Tên Cũ", used_until=datetime.date(2025, 2, 28))
    open_year(world.plan, 2024)
    report = fill_report(world.report(world.dept, 2024), world.officer)
    committed(submit_report, report, world.officer, now=local(2024, 11, 1, 9))
    mail, = smtp.to(COORD)
    assert mail.subject.startswith("Sở Tên Cũ đã gửi báo cáo năm 2024") and "Sở Thử nghiệm" not in mail.text
    smtp.clear()
    committed(submit_report, filled(world, world.dept, world.officer), world.officer, now=local(2025, 11, 10, 9))
    mail, = smtp.to(COORD)
    assert mail.subject.startswith("Sở Thử nghiệm đã gửi báo cáo năm 2025") and "Sở Tên Cũ" not in mail.text
