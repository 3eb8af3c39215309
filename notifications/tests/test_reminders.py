"""send_reminders over a real SMTP server: the ladder, once per rung, only while the report is missing."""

import datetime
import logging
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from notifications.models import Delivery, Preference, Reminder
from notifications.reminders import send_reminders
from notifications.tests.conftest import DUE
from reports.models import AgencyReport
from reports.services import review_report, submit_report
from testing.factories import fill_report, local

OFFICER = "canbo.so@example.vn"
DISTRICT = "canbo.huyen@example.vn"
HEAD = "giamdoc.so@example.vn"
COORD = "dieuphoi@example.vn"


def day(offset):
    """The local date ``offset`` days after the due date (negative: before)."""
    return DUE + datetime.timedelta(days=offset)


def submit(world, agency, when=local(2025, 11, 1, 9)):
    report = fill_report(world.report(agency), world.officer)
    return submit_report(report, world.officer, now=when)


# --- The ladder -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("offset, expected, subject_part", [
    (-31, [], None),
    (-30, [COORD, OFFICER, DISTRICT], "còn 30 ngày"),
    (-7, [COORD, OFFICER, DISTRICT], "còn 7 ngày"),
    (-1, [COORD, OFFICER, DISTRICT], "còn 1 ngày"),
    (0, [COORD, OFFICER, DISTRICT], "Hôm nay là hạn gửi"),
    # After the due date the head contact is copied. A first run on day +1 sends the due-date rung, late.
    (1, [COORD, HEAD, OFFICER, DISTRICT], "đã quá hạn 1 ngày"),
    (8, [COORD, HEAD, OFFICER, DISTRICT], "đã quá hạn 8 ngày"),
])
def test_a_run_on_each_rung_sends_exactly_the_expected_mails(world, smtp, offset, expected, subject_part):
    send_reminders(day(offset))

    assert smtp.envelopes == sorted(expected)
    if subject_part:
        officer_mail, = smtp.to(OFFICER)
        assert subject_part in officer_mail.subject
        assert "Sở Thử nghiệm" in officer_mail.subject


def test_a_daily_cron_sends_each_rung_once_and_nothing_in_between(world, smtp):
    sent_on = {}
    for offset in range(-35, 23):
        smtp.clear()
        send_reminders(day(offset))
        if smtp.received:
            sent_on[offset] = smtp.envelopes

    everyone = sorted([COORD, OFFICER, DISTRICT])
    after = sorted([COORD, HEAD, OFFICER, DISTRICT])
    assert sent_on == {-30: everyone, -7: everyone, -1: everyone, 0: everyone, 7: after, 14: after, 21: after}


def test_overdue_reminders_stop_after_reminder_overdue_max(world, smtp, settings):
    settings.REMINDER_OVERDUE_MAX = 2
    sent_on, digests_on = [], []
    for offset in range(0, 36):
        smtp.clear()
        send_reminders(day(offset))
        if smtp.to(OFFICER):
            sent_on.append(offset)
        if smtp.to(COORD):
            digests_on.append(offset)
    assert sent_on == [0, 7, 14]  # the due date, two overdue, then nothing however long it stays missing
    assert digests_on == [0, 7, 14, 21, 28, 35]  # the coordinators' digest goes on


def test_a_cron_that_runs_only_on_the_listed_days_sends_no_backlog(world, smtp):
    sent_on = {}
    for offset in (-30, -7, -1, 0, 1, 8):
        smtp.clear()
        send_reminders(day(offset))
        sent_on[offset] = len(smtp.to(OFFICER))

    # +1: the due-date rung went out on the day; +8: the +7 rung, missed on its day, goes out once.
    assert sent_on == {-30: 1, -7: 1, -1: 1, 0: 1, 1: 0, 8: 1}
    assert sorted(Reminder.objects.filter(report=world.report(world.dept)).values_list("offset_days", flat=True)) == [
        -7, 0, 1, 7, 30]


def test_a_first_run_long_after_the_due_date_sends_one_mail_not_every_missed_rung(world, smtp):
    send_reminders(day(20))

    officer_mail, = smtp.to(OFFICER)
    assert "đã quá hạn 20 ngày" in officer_mail.subject
    assert list(Reminder.objects.filter(report=world.report(world.dept)).values_list("offset_days", flat=True)) == [-14]


def test_a_run_a_few_days_after_a_missed_rung_sends_it_with_the_true_days_left(world, smtp):
    send_reminders(day(-3))

    officer_mail, = smtp.to(OFFICER)
    assert "còn 3 ngày" in officer_mail.subject
    assert Reminder.objects.get(report=world.report(world.dept)).offset_days == 7


def test_two_runs_on_the_same_day_send_nothing_new(world, smtp):
    send_reminders(day(-7))
    first = len(smtp.received)
    result = send_reminders(day(-7))

    assert first == 3
    assert len(smtp.received) == first
    assert (result.reminders, result.digests, result.sent) == (0, 0, 0)


def test_the_offsets_come_from_settings(world, smtp, settings):
    settings.REMINDER_OFFSETS_DAYS = [14, 3]
    settings.REMINDER_OVERDUE_EVERY_DAYS = 0  # no reminders after the due-date one

    sent_on = []
    for offset in range(-20, 30):
        smtp.clear()
        send_reminders(day(offset))
        if smtp.to(OFFICER):
            sent_on.append(offset)

    assert sent_on == [-14, -3, 0]


# --- Who gets them --------------------------------------------------------------------------------------


def test_a_submitted_report_stops_its_reminders(world, smtp):
    send_reminders(day(-30))
    submit(world, world.dept, when=local(2025, 11, 2, 10))
    smtp.clear()

    send_reminders(day(-7))

    assert OFFICER not in smtp.envelopes
    assert DISTRICT in smtp.envelopes
    assert not Reminder.objects.filter(report=world.report(world.dept), offset_days=7).exists()


def test_a_returned_report_gets_no_reminder_but_stays_in_the_digest(world, smtp):
    report = submit(world, world.dept)
    review_report(report, world.coordinator, accept=False, comment="Bổ sung số liệu chỉ tiêu")

    send_reminders(day(-7))

    assert OFFICER not in smtp.envelopes
    digest, = smtp.to(COORD)
    assert "BỊ TRẢ LẠI, CHỜ GỬI LẠI (1)" in digest.text
    assert "Sở Thử nghiệm" in digest.text.split("BỊ TRẢ LẠI")[1]


def test_an_officer_who_turned_reminders_off_gets_none(world, smtp):
    Preference.objects.create(user=world.officer, reminders=False)

    send_reminders(day(-7))

    assert OFFICER not in smtp.envelopes
    assert DISTRICT in smtp.envelopes


def test_an_agency_whose_officers_all_opted_out_is_listed_in_the_digest_instead(world, smtp):
    Preference.objects.create(user=world.officer, reminders=False)

    send_reminders(day(-7))

    digest, = smtp.to(COORD)
    nobody = digest.text.split("KHÔNG CÓ AI NHẬN THƯ NHẮC")[1]
    assert "Sở Thử nghiệm" in nobody and "UBND huyện 1" in nobody  # the opted-out and the officer-less
    assert "UBND huyện 0" not in nobody


def test_inactive_officers_and_officers_without_email_are_not_reminded(world, smtp, django_user_model):
    from testing.factories import make_user

    world.officer.is_active = False
    world.officer.save()
    make_user(django_user_model, "no-email", world.dept, email="")

    result = send_reminders(day(-7))

    assert OFFICER not in smtp.envelopes
    assert result.unreachable == 2  # the department and the officer-less district


def test_after_the_due_date_the_head_is_copied_on_the_same_message(world, smtp):
    send_reminders(day(7))

    head_mail, = smtp.to(HEAD)
    officer_mail, = smtp.to(OFFICER)
    # Each address is its own envelope; both read the same To and Cc.
    assert head_mail.rcpt_tos == [HEAD] and officer_mail.rcpt_tos == [OFFICER]
    assert officer_mail.message["To"] == OFFICER and officer_mail.message["Cc"] == HEAD
    assert head_mail.message["Cc"] == HEAD
    assert "Kính gửi Thủ trưởng Sở Thử nghiệm" in head_mail.text
    assert "bản sao" in head_mail.text
    assert Delivery.objects.get(email=HEAD).is_copy


def test_before_the_due_date_the_head_is_not_copied(world, smtp):
    send_reminders(day(-1))

    assert HEAD not in smtp.envelopes
    assert smtp.to(OFFICER)[0].message["Cc"] is None


# --- What the mails say ---------------------------------------------------------------------------------


def test_the_reminder_links_to_the_report_on_the_site_address(world, smtp):
    send_reminders(day(-7))

    officer_mail, = smtp.to(OFFICER)
    url = f"https://baocao.example.gov.vn/reports/{world.report(world.dept).pk}/"
    assert url in officer_mail.text
    assert f'href="{url}"' in officer_mail.html
    assert "15/11/2025" in officer_mail.text
    assert officer_mail.message["Auto-Submitted"] == "auto-generated"
    assert officer_mail.message["List-Unsubscribe"] == "<https://baocao.example.gov.vn/notifications/preferences/>"


def test_a_user_who_chose_english_gets_the_reminder_in_english(world, smtp):
    send_reminders(day(-7))

    english, = smtp.to(DISTRICT)
    vietnamese, = smtp.to(OFFICER)
    assert english.subject == "Reminder: the 2025 report of UBND huyện 0 is due in 7 days"
    assert "Dear officer in charge of reporting at UBND huyện 0," in english.text
    assert 'lang="en"' in english.html
    assert vietnamese.subject == "Nhắc hạn: báo cáo năm 2025 của Sở Thử nghiệm, còn 7 ngày"
    assert 'lang="vi"' in vietnamese.html


def test_the_digest_lists_missing_late_and_unreachable_agencies_with_links(world, smtp):
    submit(world, world.district, when=local(2025, 11, 16, 8))  # one day late

    send_reminders(day(7))

    digest, = smtp.to(COORD)
    text = digest.text
    assert digest.subject == "Tình hình báo cáo năm 2025 (%s): 2 đơn vị chưa gửi" % world.plan.number
    assert "Đã gửi: 1/3 đơn vị; gửi đúng hạn: 0." in text
    reminded, rest = text.split("CHƯA GỬI, ĐÃ QUÁ HẠN — đã nhắc qua email (1):")[1].split("KHÔNG CÓ AI NHẬN THƯ NHẮC")
    assert "Sở Thử nghiệm" in reminded
    unreachable, late = rest.split("GỬI MUỘN (1):")
    assert "UBND huyện 1" in unreachable
    assert "UBND huyện 0 — gửi lần đầu ngày 16/11/2025" in late
    assert f"https://baocao.example.gov.vn/reports/{world.report(world.silent).pk}/" in unreachable
    assert f"https://baocao.example.gov.vn/reports/plan/{world.plan.pk}/2025/submissions/" in text


def test_no_digest_once_every_report_is_in(world, smtp):
    for agency in (world.dept, world.district, world.silent):
        submit(world, agency)

    result = send_reminders(day(-7))

    assert smtp.received == []
    assert result.digests == 0


def test_the_digest_goes_to_the_coordinators_of_the_receiving_agency_only(world, smtp, django_user_model):
    from agencies.models import Membership
    from testing.factories import make_agency, make_user

    make_user(django_user_model, "other-coord", make_agency(), role=Membership.Role.COORDINATOR,
              email="other@example.vn")

    send_reminders(day(-7))

    assert "other@example.vn" not in smtp.envelopes
    assert COORD in smtp.envelopes


# --- Failures -------------------------------------------------------------------------------------------


def test_a_refused_recipient_is_logged_recorded_and_retried_next_run_without_stopping_the_others(
        world, smtp, caplog):
    smtp.refuse = {DISTRICT}
    with caplog.at_level(logging.WARNING, logger="notifications"):
        result = send_reminders(day(-7))

    assert smtp.envelopes == sorted([COORD, OFFICER])
    assert (result.sent, result.failed) == (2, 1)
    failed = Delivery.objects.get(email=DISTRICT)
    assert failed.status == Delivery.Status.FAILED and "550" in failed.last_error
    assert any(DISTRICT in r.getMessage() for r in caplog.records)

    smtp.refuse = set()
    smtp.clear()
    result = send_reminders(day(-6))  # the next day's run

    assert smtp.envelopes == [DISTRICT]  # only the failed one, not the others again
    assert "due in 6 days" in smtp.received[0].subject  # rendered on the day it goes, in English
    assert Delivery.objects.get(email=DISTRICT).status == Delivery.Status.SENT


def test_a_failed_reminder_is_dropped_when_a_newer_rung_goes_out(world, smtp):
    smtp.refuse = {DISTRICT}
    send_reminders(day(-7))
    smtp.refuse = set()
    smtp.clear()

    send_reminders(day(-1))

    assert len(smtp.to(DISTRICT)) == 1  # the 1-day reminder, not the old 7-day one as well
    assert "due in 1 day" in smtp.to(DISTRICT)[0].subject
    assert Delivery.objects.get(email=DISTRICT, reminder__offset_days=7).status == Delivery.Status.CANCELLED


def test_a_failed_reminder_is_not_retried_once_the_report_is_submitted(world, smtp):
    smtp.refuse = {OFFICER}
    send_reminders(day(-7))
    submit(world, world.dept)
    smtp.refuse = set()
    smtp.clear()

    send_reminders(day(-6))

    assert OFFICER not in smtp.envelopes
    assert Delivery.objects.get(email=OFFICER).status == Delivery.Status.CANCELLED


def test_an_smtp_server_that_is_down_fails_every_mail_and_the_next_run_sends_them(world, smtp, settings):
    smtp.stop()

    result = send_reminders(day(-7))

    assert (result.sent, result.failed) == (0, 3)
    assert Delivery.objects.filter(status=Delivery.Status.FAILED).count() == 3

    smtp.start()
    send_reminders(day(-7))

    assert smtp.envelopes == sorted([COORD, OFFICER, DISTRICT])


def test_a_mail_is_given_up_after_max_attempts(world, smtp):
    smtp.refuse = {OFFICER}
    for _ in range(Delivery.MAX_ATTEMPTS + 2):
        send_reminders(day(-7))

    assert Delivery.objects.get(email=OFFICER).attempts == Delivery.MAX_ATTEMPTS


# --- The time zone --------------------------------------------------------------------------------------


@pytest.mark.parametrize("utc_time, sends", [
    # 7 Nov 2025 23:30 in Hanoi is 16:30 UTC: still 8 days before the due date.
    (datetime.datetime(2025, 11, 7, 16, 30, tzinfo=datetime.timezone.utc), False),
    # 8 Nov 00:30 in Hanoi while UTC is still on 7 Nov: the 7-day rung is due.
    (datetime.datetime(2025, 11, 7, 17, 30, tzinfo=datetime.timezone.utc), True),
])
def test_the_day_boundary_is_asia_ho_chi_minh_not_utc(world, smtp, monkeypatch, utc_time, sends):
    send_reminders(day(-30))  # the 30-day rung went out; the next one is the 7-day rung, on 8 November
    smtp.clear()
    monkeypatch.setattr("django.utils.timezone.now", lambda: utc_time)

    result = send_reminders()

    assert result.today == (datetime.date(2025, 11, 8) if sends else datetime.date(2025, 11, 7))
    assert bool(smtp.to(OFFICER)) is sends


def test_a_report_submitted_at_0030_local_on_the_16th_counts_as_late_in_the_digest(world, smtp):
    # 15 Nov 17:30 UTC = 16 Nov 00:30 in Hanoi: one day late, although UTC still says the 15th.
    submit(world, world.district, when=datetime.datetime(2025, 11, 15, 17, 30, tzinfo=datetime.timezone.utc))

    send_reminders(day(7))

    digest, = smtp.to(COORD)
    assert "UBND huyện 0 — gửi lần đầu ngày 16/11/2025" in digest.text


# --- The command ----------------------------------------------------------------------------------------


def test_the_command_takes_a_date_and_reports_what_it_sent(world, smtp):
    out = StringIO()
    call_command("send_reminders", "--date", "2025-11-08", stdout=out)

    text = out.getvalue()
    assert "send_reminders for 08/11/2025 (Asia/Ho_Chi_Minh)" in text
    assert "remind Sở Thử nghiệm -> canbo.so@example.vn" in text
    assert "nobody to remind at 1 agencies (listed in the digest): UBND huyện 1" in text
    assert "Mails sent: 3, failed (retried next run): 0" in text
    assert smtp.envelopes == sorted([COORD, OFFICER, DISTRICT])


def test_a_dry_run_records_and_sends_nothing(world, smtp):
    out = StringIO()
    call_command("send_reminders", "--date", "2025-11-08", "--dry-run", stdout=out)

    assert "dry run" in out.getvalue()
    assert "remind UBND huyện 0 -> canbo.huyen@example.vn" in out.getvalue()
    assert smtp.received == []
    assert not Reminder.objects.exists() and not Delivery.objects.exists()


def test_a_bad_date_is_refused(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_reminders", "--date", "8/11/2025")


def test_years_not_opened_get_no_reminders(world, smtp):
    AgencyReport.objects.filter(year=2025).delete()
    world.plan.reporting_years.all().delete()

    send_reminders(day(-7))

    assert smtp.received == []


# --- Query counts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("extra_agencies", [0, 6])
def test_a_run_costs_the_same_number_of_queries_at_any_size(db, django_user_model, django_assert_num_queries,
                                                              settings, extra_agencies):
    """A run with N agencies reminded (each with an officer) and one digest."""
    from testing.factories import make_agency, make_section, make_task, make_user
    from reports.services import open_reporting_year
    from tasks.models import Plan

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    plan = Plan.objects.create(code="p", number="1/KH", issue_date=datetime.date(2023, 1, 1), title="t",
                               start_year=2023, end_year=2025)
    section = make_section(plan)
    for i in range(2 + extra_agencies):
        agency = make_agency()
        make_task(section, lead=agency)
        make_user(django_user_model, f"officer{i}", agency, email=f"o{i}@example.vn")
    make_user(django_user_model, "coord", make_agency(), role="coordinator", email="c@example.vn")
    open_reporting_year(plan, 2025, None)

    # 1 reporting years + plans; 2 their reports + agencies; 3 the agencies' former names (each year's mails name
    # them as on its due date); 4 officers of owing agencies (+ preferences); 5 coordinators; 6 rungs already
    # reached; 7-10 savepoint, insert reminders, insert deliveries, release; 11-16 the sending task
    # (tasks.send_reminder_mails, here run at once) reads the open years afresh (its arguments are JSON: the run's
    # own view of them is not passed): 6 queries as 1-6; 17 return the rows a killed sender left "sending" over an
    # hour (UPDATE); 18-19 claim a batch (SELECT … LIMIT 200 FOR UPDATE SKIP LOCKED, UPDATE those ids); 20 read the
    # claimed rows back; 21 prefetch the reminders' deliveries; 22 mark the sent ones (a batch smaller than 200:
    # no second claim); 23-25 the password-reset sweep (accounts.tasks): return requests a killed sender left
    # "sending", claim (nothing), delete week-old requests.
    with django_assert_num_queries(25):
        result = send_reminders(day(-7))

    assert result.sent == 3 + extra_agencies
    assert len(mail.outbox) == 3 + extra_agencies


def test_the_digest_tells_a_report_sent_on_the_due_day_from_one_sent_the_day_after(world, smtp):
    """On time and late are the report's own verdict (reports.rules): 23:59:59 local on the due day is on time,
    00:00 the next day is late. Only the late one is listed as late; the on-time one counts as on time."""
    submit(world, world.dept, when=local(2025, 11, 15, 23, 59, 59))
    submit(world, world.district, when=local(2025, 11, 16, 0, 0, 0))

    send_reminders(day(7))

    digest, = smtp.to(COORD)
    assert "Đã gửi: 2/3 đơn vị; gửi đúng hạn: 1." in digest.text
    late = digest.text.split("GỬI MUỘN (1):")[1]
    assert "UBND huyện 0 — gửi lần đầu ngày 16/11/2025" in late
    assert "Sở Thử nghiệm" not in late


def test_the_digest_counts_a_returned_report_as_sent_by_its_first_submission(world, smtp):
    """As on the year's pages: a returned report was submitted (on time here), and waits to be sent again."""
    report = submit(world, world.dept, when=local(2025, 11, 10, 9))
    review_report(report, world.coordinator, accept=False, comment="Bổ sung số liệu.")

    send_reminders(day(7))

    digest, = smtp.to(COORD)
    assert "Đã gửi: 1/3 đơn vị; gửi đúng hạn: 1." in digest.text
    assert "BỊ TRẢ LẠI, CHỜ GỬI LẠI (1)" in digest.text
    assert "GỬI MUỘN" not in digest.text


# --- Names on the year's due date (issue #13) -------------------------------------------------------------


def test_each_years_reminders_name_the_agency_as_on_that_years_due_date(world, smtp):
    """The department was renamed on 1/3/2025: the reminder and digest of 2024 (due 15/11/2024) name it as it was
    then, those of 2025 by its name now, as the year's pages do."""
    from agencies.models import AgencyName
    from testing.factories import open_year

    AgencyName.objects.create(agency=world.dept, name="Sở Tên Cũ", short_name="Sở Cũ",
                              used_until=datetime.date(2025, 2, 28))
    open_year(world.plan, 2024)
    send_reminders(datetime.date(2024, 11, 8))  # 2024's seven-day rung; 2025's are a year away
    officer_mail, = smtp.to(OFFICER)
    assert "Sở Tên Cũ" in officer_mail.subject and "Sở Tên Cũ" in officer_mail.text
    assert "Sở Thử nghiệm" not in officer_mail.subject + officer_mail.text
    digest, = smtp.to(COORD)
    assert "Sở Tên Cũ" in digest.text and "Sở Thử nghiệm" not in digest.text
    smtp.clear()
    send_reminders(day(-7))  # 2025's seven-day rung (2024's, long overdue, may go out too: each by its own name)
    by_year = {y: [m for m in smtp.to(OFFICER) if f"năm {y}" in m.subject] for y in (2024, 2025)}
    officer_mail, = by_year[2025]
    assert "Sở Thử nghiệm" in officer_mail.subject and "Sở Tên Cũ" not in officer_mail.subject + officer_mail.text
    assert all("Sở Tên Cũ" in m.subject for m in by_year[2024])
    digest, = [m for m in smtp.to(COORD) if "2025" in m.subject]
    assert "Sở Thử nghiệm" in digest.text and "Sở Tên Cũ" not in digest.text
    world.dept.refresh_from_db()
    assert world.dept.name == "Sở Thử nghiệm"  # nothing renamed in the database

