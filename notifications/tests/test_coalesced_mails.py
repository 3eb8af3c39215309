"""The coordinators' "submitted" mails coalesced (issue #18; README "The notification worker"): when the worker sends,
the submissions waiting their first mail reach each coordinator as ONE mail listing them all (same address, same
language, same plan and year); one waiting submission is today's mail, byte for byte. Each Delivery row is still
recorded per (event, address) and marked with the one mail that carried it; a refused address fails alone."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from agencies.models import Membership
from notifications.models import Delivery, Preference
from notifications.tasks import send_event_mails
from reports.models import ReportEvent
from reports.services import review_report, submit_report
from testing.factories import fill_report, make_user
from testing.worker import run_worker

COORD = "dieuphoi@example.vn"
COORD_EN = "dieuphoi.en@example.vn"
REFUSED = "dieuphoi.hong@example.vn"
SITE = "https://baocao.example.gov.vn"


def local(*args):
    return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture(autouse=True)
def queued(settings):
    settings.NOTIFICATIONS_QUEUED = True


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def submitted_rows(address):
    return Delivery.objects.filter(email=address, kind=Delivery.Kind.SUBMITTED)


def dept_returned_then_both_in(world):
    """The department submitted on time (10 Nov), its mail sent; the coordinator returned its report; then, the worker
    behind, the district submitted late (16 Nov, 8:00) and the department again (16 Nov, 9:15)."""
    dept = submit_report(fill_report(world.report(world.dept), world.officer), world.officer,
                         now=local(2025, 11, 10, 9, 30))
    run_worker()
    dept = review_report(dept, world.coordinator, accept=False, comment="Bổ sung số liệu")
    run_worker()
    mail.outbox.clear()
    submit_report(fill_report(world.report(world.district), world.district_officer), world.district_officer,
                  now=local(2025, 11, 16, 8))
    submit_report(dept, world.officer, now=local(2025, 11, 16, 9, 15))
    return dept


def test_several_submissions_waiting_reach_the_coordinator_as_one_mail_listing_them(world):
    dept = dept_returned_then_both_in(world)
    district = world.report(world.district)

    run_worker()

    message, = to(COORD)
    assert message.subject == f"2 cơ quan đã gửi báo cáo năm 2025 ({world.plan.number})"
    assert message.body == (
        f"2 cơ quan đã gửi báo cáo kết quả thực hiện Kế hoạch {world.plan.number} năm 2025:\n"
        "\n"
        f"1. {world.district.name} — gửi lúc 08:00 16/11/2025\n"
        "   Lần gửi đầu tiên sau hạn: báo cáo muộn.\n"
        f"   Xem và tiếp nhận hoặc trả lại báo cáo: {SITE}/reports/{district.pk}/\n"
        "\n"
        f"2. {world.dept.name} — gửi lúc 09:15 16/11/2025\n"
        "   Đây là lần gửi lại sau khi báo cáo bị trả lại.\n"
        "   Lần gửi đầu tiên đúng hạn.\n"
        f"   Xem và tiếp nhận hoặc trả lại báo cáo: {SITE}/reports/{dept.pk}/\n"
        "\n"
        f"Tình hình cả năm: {SITE}/reports/plan/{world.plan.pk}/2025/submissions/\n"
        "\n"
        "--\n"
        "Plan Tracker — thư gửi tự động, vui lòng không trả lời thư này.\n"
        f"Thay đổi cài đặt nhận thư: {SITE}/notifications/preferences/\n\n")  # as the single mail ends
    html = message.alternatives[0][0]
    assert html.count(f'href="{SITE}/reports/plan/{world.plan.pk}/2025/submissions/"') == 1
    assert f'href="{SITE}/reports/{district.pk}/"' in html and f'href="{SITE}/reports/{dept.pk}/"' in html
    assert html.index(world.district.name) < html.index(world.dept.name)
    assert "Đây là lần gửi lại sau khi báo cáo bị trả lại." in html and html.count("báo cáo muộn.") == 1
    assert html.count("Lần gửi đầu tiên đúng hạn.") == 1 and '<html lang="vi">' in html
    # Every row recorded per (event, address), each marked sent by that one mail, on its first try.
    rows = submitted_rows(COORD).filter(event__at__gte=local(2025, 11, 16))
    assert rows.count() == 2 and set(rows.values_list("status", "attempts")) == {(Delivery.Status.SENT, 1)}
    # The lead agencies' coordination mails are unchanged: one per submission.
    assert len(to("canbo.so@example.vn")) == 1 and len(to("canbo.huyen@example.vn")) == 1


def test_the_list_is_in_nfc_and_the_mail_written_once_per_language(world, django_user_model, monkeypatch):
    from notifications import delivery

    for n in range(3):
        make_user(django_user_model, f"dieuphoi{n}", world.coordinating_agency, role=Membership.Role.COORDINATOR,
                  email=f"dieuphoi{n}@example.vn")
    dept_returned_then_both_in(world)
    renders = []
    real = delivery.render_email
    monkeypatch.setattr("notifications.delivery.render_email", lambda *a: renders.append(a[0]) or real(*a))

    run_worker()

    assert sorted(renders) == ["coordination", "coordination", "submitted_many"]  # 4 coordinators, one rendering
    bodies = {m.body for m in mail.outbox if m.to[0].startswith("dieuphoi")}
    assert len(bodies) == 1 and len([m for m in mail.outbox if m.to[0].startswith("dieuphoi")]) == 4
    import unicodedata

    body, = bodies
    assert unicodedata.is_normalized("NFC", body)


def test_a_coordinator_who_reads_english_gets_the_list_in_english(world, django_user_model):
    english = make_user(django_user_model, "dieuphoi.en", world.coordinating_agency, role=Membership.Role.COORDINATOR,
                        email=COORD_EN)
    Preference.objects.create(user=english, language="en")
    dept_returned_then_both_in(world)

    run_worker()

    message, = to(COORD_EN)
    assert message.subject == f"2 agencies submitted their 2025 reports ({world.plan.number})"
    assert message.body.startswith(f"2 agencies submitted their 2025 results reports on plan {world.plan.number}:\n\n"
                                   f"1. {world.district.name} — submitted at ")
    assert "   First submitted after the due date: the report is late.\n" in message.body
    assert "   This is a resubmission after the report was returned.\n   First submitted on time.\n" in message.body
    assert "\nThe whole year: " in message.body and '<html lang="en">' in message.alternatives[0][0]
    assert to(COORD)[0].subject == f"2 cơ quan đã gửi báo cáo năm 2025 ({world.plan.number})"


def test_one_submission_waiting_is_todays_mail_byte_for_byte(world, settings):
    report = submit_report(fill_report(world.report(world.district), world.district_officer),
                           world.district_officer)
    run_worker()
    queued_mail, = to(COORD)
    assert queued_mail.subject == f"{world.district.name} đã gửi báo cáo năm 2025 ({world.plan.number})"

    # The same event's mail as the request sends it without the queue (never coalesced): the same mail.
    event = report.events.get(action=ReportEvent.Action.SUBMITTED)
    Delivery.objects.filter(event=event).update(status=Delivery.Status.PENDING, attempts=0)
    mail.outbox.clear()
    settings.NOTIFICATIONS_QUEUED = False
    send_event_mails.call(event.pk, retry=False)
    alone, = to(COORD)
    assert (alone.subject, alone.body, alone.alternatives) == (
        queued_mail.subject, queued_mail.body, queued_mail.alternatives)


def test_a_refused_address_fails_alone_and_its_rows_are_retried_each_under_its_event(world, smtp, django_user_model):
    make_user(django_user_model, "dieuphoi.hong", world.coordinating_agency, role=Membership.Role.COORDINATOR,
              email=REFUSED)
    for agency, officer in ((world.dept, world.officer), (world.district, world.district_officer)):
        submit_report(fill_report(world.report(agency), officer), officer)
    smtp.refuse.add(REFUSED)

    run_worker()

    coord, = smtp.to(COORD)
    assert coord.subject == f"2 cơ quan đã gửi báo cáo năm 2025 ({world.plan.number})" and smtp.to(REFUSED) == []
    assert set(submitted_rows(COORD).values_list("status", "attempts")) == {(Delivery.Status.SENT, 1)}
    refused = list(submitted_rows(REFUSED))
    assert len(refused) == 2 and {(d.status, d.attempts) for d in refused} == {(Delivery.Status.FAILED, 1)}
    assert all("550" in d.last_error for d in refused)

    smtp.refuse.clear()
    smtp.clear()
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    run_worker()  # the retries: each row alone, as today's mail

    assert sorted(r.subject for r in smtp.to(REFUSED)) == sorted(
        f"{agency.name} đã gửi báo cáo năm 2025 ({world.plan.number})" for agency in (world.dept, world.district))
    assert set(submitted_rows(REFUSED).values_list("status", "attempts")) == {(Delivery.Status.SENT, 2)}
    assert smtp.to(COORD) == []  # nothing sent twice


def test_a_coordinator_who_opted_out_gets_nothing_and_the_others_the_list(world, django_user_model):
    other = make_user(django_user_model, "dieuphoi.nghi", world.coordinating_agency,
                      role=Membership.Role.COORDINATOR, email="dieuphoi.nghi@example.vn")
    for agency, officer in ((world.dept, world.officer), (world.district, world.district_officer)):
        submit_report(fill_report(world.report(agency), officer), officer)
    Preference.objects.create(user=other, notifications=False)

    run_worker()

    assert to("dieuphoi.nghi@example.vn") == [] and len(to(COORD)) == 1
    assert set(submitted_rows("dieuphoi.nghi@example.vn").values_list("status", flat=True)) == {
        Delivery.Status.CANCELLED}


def test_another_plans_submission_is_not_in_the_list(world):
    from testing.factories import open_year, small_plan

    other_plan, who = small_plan()
    other_plan.report_recipient = world.coordinating_agency
    other_plan.save()
    open_year(other_plan, 2025)
    officer = make_user(type(world.officer), "canbo.khac", who["dept"], email="canbo.khac@example.vn")
    from reports.models import AgencyReport

    submit_report(fill_report(world.report(world.dept), world.officer), world.officer)
    submit_report(fill_report(world.report(world.district), world.district_officer), world.district_officer)
    submit_report(fill_report(AgencyReport.objects.get(plan=other_plan, year=2025, agency=who["dept"]), officer),
                  officer)

    run_worker()

    subjects = sorted(m.subject for m in to(COORD))
    assert len(subjects) == 2 and subjects[0].startswith("2 cơ quan đã gửi báo cáo năm 2025")
    assert subjects[1] == f"{who['dept'].name} đã gửi báo cáo năm 2025 ({other_plan.number})"


def listed(subject):
    """How many submissions a coordinator's "submitted" mail tells of: N in a list's subject, else one."""
    head = subject.split(" ", 1)[0]
    return int(head) if head.isdigit() and " cơ quan đã gửi báo cáo năm " in subject else 1


def test_failed_mails_sent_again_together_go_each_alone_as_todays_mail(world, smtp, django_user_model):
    """Only first tries are listed together: the admin's "send again" (or the daily sweep) taking a coordinator's two
    failed mails at once sends each as today's mail."""
    from notifications.tasks import send_reminder_mails

    make_user(django_user_model, "dieuphoi.hong", world.coordinating_agency, role=Membership.Role.COORDINATOR,
              email=REFUSED)
    for agency, officer in ((world.dept, world.officer), (world.district, world.district_officer)):
        submit_report(fill_report(world.report(agency), officer), officer)
    smtp.refuse.add(REFUSED)
    run_worker()
    refused = list(submitted_rows(REFUSED).values_list("pk", flat=True))
    smtp.refuse.clear()
    smtp.clear()

    send_reminder_mails.call(timezone.localdate().isoformat(), delivery_ids=refused)

    assert sorted(r.subject for r in smtp.to(REFUSED)) == sorted(
        f"{agency.name} đã gửi báo cáo năm 2025 ({world.plan.number})" for agency in (world.dept, world.district))
    assert set(submitted_rows(REFUSED).values_list("status", "attempts")) == {(Delivery.Status.SENT, 2)}
