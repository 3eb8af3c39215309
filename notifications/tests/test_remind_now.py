""""Nhắc ngay": a coordinator reminds every agency still missing, through the reminders' records; never twice the
same day for one agency, whether the other reminder was the ladder's or an earlier click."""

import datetime

from django.test import Client
from django.urls import reverse

from notifications.models import Delivery, Reminder
from notifications.reminders import remind_now, send_reminders
from notifications.tests.conftest import DUE
from reports.services import submit_report
from testing.factories import fill_report, local

OFFICER = "canbo.so@example.vn"
DISTRICT = "canbo.huyen@example.vn"
HEAD = "giamdoc.so@example.vn"
COORD = "dieuphoi@example.vn"


def day(offset):
    return DUE + datetime.timedelta(days=offset)


def test_remind_now_mails_every_missing_agency_once_a_day(world, smtp):
    outcome = remind_now(world.plan, 2025, today=day(3))

    # The department's officer (head copied after the due date) and the district's officer; the silent district
    # has nobody to mail.
    assert smtp.envelopes == sorted([OFFICER, HEAD, DISTRICT])
    assert {a.pk for a in outcome.reminded} == {world.dept.pk, world.district.pk}
    assert [a.pk for a in outcome.unreachable] == [world.silent.pk]
    assert "đã quá hạn 3 ngày" in smtp.to(OFFICER)[0].subject
    assert Reminder.objects.filter(kind=Reminder.Kind.NOW, run_date=day(3)).count() == 2

    smtp.clear()
    again = remind_now(world.plan, 2025, today=day(3))
    assert smtp.envelopes == []
    assert {a.pk for a in again.already} == {world.dept.pk, world.district.pk}
    assert again.reminded == []

    smtp.clear()
    remind_now(world.plan, 2025, today=day(4))  # the next day: again
    assert smtp.envelopes == sorted([OFFICER, HEAD, DISTRICT])


def test_a_submitted_report_is_not_reminded(world, smtp):
    report = fill_report(world.report(world.dept), world.officer)
    submit_report(report, world.officer, now=local(2025, 11, 1, 9))
    remind_now(world.plan, 2025, today=day(3))
    assert smtp.envelopes == [DISTRICT]


def test_after_the_ladder_reminded_today_remind_now_sends_nothing(world, smtp):
    send_reminders(day(0))
    smtp.clear()
    outcome = remind_now(world.plan, 2025, today=day(0))
    assert smtp.envelopes == []
    assert len(outcome.already) == 2


def test_after_remind_now_the_ladder_waits_for_the_next_day(world, smtp):
    remind_now(world.plan, 2025, today=day(0))
    smtp.clear()
    send_reminders(day(0))
    # Only the coordinators' digest: the agencies had their reminder today.
    assert smtp.envelopes == [COORD]
    smtp.clear()
    send_reminders(day(1))
    assert sorted(set(smtp.envelopes)) == sorted([OFFICER, HEAD, DISTRICT])


def test_the_button_is_a_post_for_coordinators_only_with_csrf(world, smtp, client):
    url = reverse("portal:remind-now")
    data = {"plan": world.plan.pk, "year": 2025}
    client.force_login(world.officer)
    assert client.post(url, data).status_code == 403
    client.force_login(world.coordinator)
    assert client.get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.coordinator)
    assert strict.post(url, data).status_code == 403
    assert smtp.envelopes == []

    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("portal:home")
    assert "Đã gửi thư nhắc tới 2 cơ quan chưa gửi báo cáo năm 2025." in html
    assert "chưa có cán bộ nào có email để nhắc" in html and world.silent.name in html
    assert DISTRICT in smtp.envelopes
    assert Delivery.objects.filter(reminder__kind=Reminder.Kind.NOW, status=Delivery.Status.SENT).count() == 3

    html = client.post(url, {**data, "back": reverse("portal:queue")}, follow=True).content.decode()
    assert "2 cơ quan đã được nhắc hôm nay, không nhắc lại" in html


class CannotOpen:
    """A mail backend that cannot even be created (a wrong EMAIL_URL…)."""

    def __init__(self, *args, **kwargs):
        raise OSError("mail backend misconfigured")


def test_the_button_with_a_failing_mail_server_says_so_and_records_the_failure(world, client, settings):
    """Queue off (`make run`): the mails are sent in the request; a mail backend that fails is not a 500."""
    settings.NOTIFICATIONS_QUEUED = False
    settings.EMAIL_BACKEND = f"{__name__}.CannotOpen"
    client.force_login(world.coordinator)

    response = client.post(reverse("portal:remind-now"), {"plan": world.plan.pk, "year": 2025}, follow=True)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Chưa gửi được 3 thư nhắc vì máy chủ thư báo lỗi; thư sẽ được gửi lại ở lượt gửi kế tiếp." in html
    assert "Đã gửi thư nhắc" not in html
    rows = Delivery.objects.filter(reminder__kind=Reminder.Kind.NOW)
    assert sorted(rows.values_list("email", "status", "attempts")) == sorted(
        [(OFFICER, "failed", 1), (HEAD, "failed", 1), (DISTRICT, "failed", 1)])
    assert all("mail backend misconfigured" in d.last_error for d in rows)
