"""The mail in the admin: failed mail can be sent again (only failed mail), calendar addresses revoked;
nothing is added or edited by hand. (Every admin page opening is agencies/tests/test_admin.py's test.)"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from notifications.models import CalendarToken, Delivery, Reminder
from reports.models import ReportingYear
from testing.factories import make_agency, open_year, small_plan

CHANGELIST = reverse("admin:notifications_delivery_changelist")


@pytest.fixture
def deliveries(db):
    plan, _ = small_plan()
    open_year(plan, 2025)
    year = ReportingYear.objects.get(plan=plan, year=2025)
    reminder = Reminder.objects.create(kind=Reminder.Kind.DIGEST, reporting_year=year,
                                       offset_days=7, run_date=datetime.date(2025, 11, 8))
    made = {}
    for status in Delivery.Status.values:
        made[status] = Delivery.objects.create(kind=Delivery.Kind.DIGEST, reminder=reminder, email=f"{status}@example.vn",
                                               status=status, attempts=3, last_error="550" if status == "failed" else "")
    return made


def test_failed_mail_is_sent_again_at_the_next_run_and_nothing_else_is_touched(admin_client, deliveries):
    response = admin_client.post(CHANGELIST, {
        "action": "send_again", "_selected_action": [d.pk for d in deliveries.values()],
    }, follow=True)
    assert "1 thư sẽ được gửi lại ở lượt gửi kế tiếp." in response.content.decode()
    failed = Delivery.objects.get(pk=deliveries["failed"].pk)
    assert (failed.status, failed.attempts) == (Delivery.Status.PENDING, 0)
    for status in ("sent", "sending", "cancelled", "pending"):
        assert Delivery.objects.get(pk=deliveries[status].pk).attempts == 3  # untouched


def test_mail_is_not_added_or_edited_by_hand_and_the_list_searches_addresses(admin_client, deliveries):
    assert admin_client.get(reverse("admin:notifications_delivery_add")).status_code == 403
    change = reverse("admin:notifications_delivery_change", args=[deliveries["failed"].pk])
    assert admin_client.post(change, {"email": "x@example.vn"}).status_code == 403
    html = admin_client.get(CHANGELIST, {"q": "failed@"}).content.decode()
    assert "failed@example.vn" in html and "sent@example.vn" not in html


def test_a_calendar_address_can_be_revoked_and_its_secret_is_not_shown(admin_client, admin_user, db):
    token = CalendarToken.objects.create(agency=make_agency(name="Sở Tư pháp"), created_by=admin_user)
    change = admin_client.get(reverse("admin:notifications_calendartoken_change", args=[token.pk])).content.decode()
    assert token.token not in change
    admin_client.post(reverse("admin:notifications_calendartoken_changelist"),
                      {"action": "revoke", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == admin_user


def test_send_again_sends_the_selected_mail_only(admin_client, deliveries, settings,
                                                django_capture_on_commit_callbacks):
    """Queue off (`make run`): the action sends at once, the rows selected only; other mail waiting stays for its
    own task or the daily run."""
    settings.NOTIFICATIONS_QUEUED = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    other = Delivery.objects.create(kind=Delivery.Kind.DIGEST, reminder=deliveries["failed"].reminder,
                                    email="failed.too@example.vn", status="failed", attempts=1)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(CHANGELIST, {"action": "send_again", "_selected_action": [deliveries["failed"].pk]})

    assert [m.to for m in mail.outbox] == [["failed@example.vn"]]
    assert Delivery.objects.get(pk=deliveries["failed"].pk).status == Delivery.Status.SENT
    assert Delivery.objects.get(pk=deliveries["pending"].pk).status == Delivery.Status.PENDING
    assert Delivery.objects.get(pk=other.pk).status == Delivery.Status.FAILED
