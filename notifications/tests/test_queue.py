"""NOTIFICATIONS_QUEUED: the request only records the workflow mails, in the event's own transaction; the
send_notifications worker sends them once, retries failures, and stops cleanly on SIGTERM."""

import io
import logging
import signal
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notifications import delivery, workflow
from notifications.models import Delivery
from notifications.coordination import coordination_lines, lead_agencies_told
from notifications.workflow import send_notifications
from reports.models import ReportEvent
from reports.services import review_report, submit_report
from testing.factories import fill_report

COORD = "dieuphoi@example.vn"
DISTRICT = "canbo.huyen@example.vn"  # officer of a district in the group that leads 1.2, which the dept coordinates
OFFICER = "canbo.so@example.vn"


@pytest.fixture(autouse=True)
def queued(settings):
    settings.NOTIFICATIONS_QUEUED = True


def submit_through_the_site(client, world, django_capture_on_commit_callbacks):
    report = fill_report(world.report(world.dept), world.officer)
    client.force_login(world.officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})
    assert response.status_code == 302
    return report


def run_worker(*args):
    out = io.StringIO()
    call_command("send_notifications", *args, stdout=out)
    return out.getvalue()


def test_a_submit_sends_nothing_in_the_request_and_records_pending_mails(world, client,
                                                                         django_capture_on_commit_callbacks):
    submit_through_the_site(client, world, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    rows = Delivery.objects.order_by("email")
    assert [(d.email, d.kind, d.status) for d in rows] == [
        (DISTRICT, Delivery.Kind.COORDINATION, Delivery.Status.PENDING),
        (COORD, Delivery.Kind.SUBMITTED, Delivery.Status.PENDING),
    ]
    assert rows.get(email=DISTRICT).agency == world.district


def test_the_worker_sends_each_mail_once(world, client, django_capture_on_commit_callbacks):
    report = submit_through_the_site(client, world, django_capture_on_commit_callbacks)

    out = run_worker()

    assert "Notifications sent: 2, failed (retried later): 0, cancelled: 0." in out
    assert sorted(m.to[0] for m in mail.outbox) == [DISTRICT, COORD]
    coordinator_mail = next(m for m in mail.outbox if m.to == [COORD])
    assert coordinator_mail.subject == f"Sở Thử nghiệm đã gửi báo cáo năm 2025 ({world.plan.number})"
    assert f"https://baocao.example.gov.vn/reports/{report.pk}/" in coordinator_mail.body
    district_mail = next(m for m in mail.outbox if m.to == [DISTRICT])
    assert district_mail.subject.startswith("Sở Thử nghiệm (coordinating) reported")  # in the officer's English
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}

    mail.outbox.clear()
    assert "Notifications sent: 0," in run_worker()  # a second run: nothing left
    assert mail.outbox == []


def test_the_mails_are_recorded_in_the_events_transaction(world):
    report = fill_report(world.report(world.dept), world.officer)

    with transaction.atomic():
        submit_report(report, world.officer)
        # Before the commit: recorded with the event, so a crash after the commit cannot lose them.
        assert Delivery.objects.filter(event__report=report, status=Delivery.Status.PENDING).count() == 2

    assert mail.outbox == []


def test_a_rolled_back_change_records_nothing(world, django_capture_on_commit_callbacks):
    report = fill_report(world.report(world.dept), world.officer)

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                submit_report(report, world.officer)
                raise RuntimeError("something after the submit failed")

    assert not Delivery.objects.exists() and not ReportEvent.objects.filter(action="submitted").exists()
    assert "Notifications sent: 0," in run_worker()


def test_recording_costs_the_request_four_queries(world):
    report = fill_report(world.report(world.dept), world.officer)
    report = submit_report(report, world.officer)
    event = report.events.get(action=ReportEvent.Action.SUBMITTED)
    Delivery.objects.all().delete()
    event.report = report

    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            workflow.report_event_created(event=event)

    # A savepoint, the recipients (one query), the insert, the savepoint's release.
    assert len(queries.captured_queries) == 4, [q["sql"] for q in queries.captured_queries]
    assert Delivery.objects.count() == 2


def test_a_failed_mail_is_retried_by_a_later_run(world, smtp, client, django_capture_on_commit_callbacks):
    smtp.refuse.add(COORD)
    submit_through_the_site(client, world, django_capture_on_commit_callbacks)

    out = run_worker()

    assert "Notifications sent: 1, failed (retried later): 1," in out
    failed = Delivery.objects.get(email=COORD)
    assert failed.status == Delivery.Status.FAILED and failed.attempts == 1 and "550" in failed.last_error
    assert smtp.envelopes == [DISTRICT]

    smtp.refuse.clear()
    run_worker()

    failed.refresh_from_db()
    assert failed.status == Delivery.Status.SENT and failed.attempts == 2
    assert smtp.envelopes == [DISTRICT, COORD]


def test_a_run_tries_a_failing_mail_once_and_gives_up_after_five_runs(world, smtp, client, caplog,
                                                                        django_capture_on_commit_callbacks):
    smtp.refuse.add(COORD)
    submit_through_the_site(client, world, django_capture_on_commit_callbacks)

    run_worker("--batch", "1")  # batches go up the ids: the failed row is not taken again by the same run
    assert Delivery.objects.get(email=COORD).attempts == 1

    with caplog.at_level(logging.ERROR, logger="notifications"):
        for _ in range(6):
            run_worker()
    failed = Delivery.objects.get(email=COORD)
    assert failed.status == Delivery.Status.FAILED and failed.attempts == Delivery.MAX_ATTEMPTS
    assert any("Giving up" in r.getMessage() for r in caplog.records)
    assert smtp.envelopes == [DISTRICT]


def test_watch_mode_sends_new_mails_and_stops_on_sigterm(world, client, monkeypatch,
                                                         django_capture_on_commit_callbacks):
    submit_through_the_site(client, world, django_capture_on_commit_callbacks)
    rounds = []

    def one_round(**kwargs):
        kwargs.pop("stopping")
        rounds.append(kwargs)
        result = send_notifications(**kwargs)
        if len(rounds) == 2:
            signal.raise_signal(signal.SIGTERM)  # as systemd stops the service
        return result

    monkeypatch.setattr("notifications.management.commands.send_notifications.send_notifications", one_round)
    before = signal.getsignal(signal.SIGTERM)

    out = run_worker("--watch", "0.01", "--retry-every", "3600")

    assert len(rounds) == 2 and rounds[0]["retry_failed"] and not rounds[1]["retry_failed"]
    assert "Notifications sent: 2," in out and out.rstrip().endswith("send_notifications: stopped.")
    assert len(mail.outbox) == 2
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_stop_ends_the_run_between_two_batches(world, client, django_capture_on_commit_callbacks):
    submit_through_the_site(client, world, django_capture_on_commit_callbacks)
    asked = []

    result = send_notifications(batch=1, stopping=lambda: len(asked) > 0 or asked.append(1))

    assert result.sent == 1 and len(mail.outbox) == 1  # the batch in hand went out, the next one waits
    assert Delivery.objects.filter(status=Delivery.Status.PENDING).count() == 1
    assert send_notifications().sent == 1


def test_the_command_refuses_a_bad_interval(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--watch"):
        run_worker("--watch", "0")


def test_a_failure_while_recording_never_breaks_the_submit_and_is_recorded_after_the_commit(
        world, client, caplog, monkeypatch, django_capture_on_commit_callbacks):
    real, calls = workflow._event_rows, []

    def fails_once(event):
        calls.append(event.pk)
        if len(calls) == 1:
            raise RuntimeError("recipients unavailable")
        return real(event)

    monkeypatch.setattr("notifications.workflow._event_rows", fails_once)

    with caplog.at_level(logging.ERROR, logger="notifications"):
        report = submit_through_the_site(client, world, django_capture_on_commit_callbacks)

    report.refresh_from_db()
    assert report.status == "submitted"
    assert any("trying again after the commit" in r.getMessage() for r in caplog.records)
    assert len(calls) == 2 and mail.outbox == []  # recorded after the commit, still not sent by the request
    assert Delivery.objects.filter(status=Delivery.Status.PENDING).count() == 2


def test_review_mails_are_queued_too(world):
    report = submit_report(fill_report(world.report(world.dept), world.officer), world.officer)
    Delivery.objects.all().delete()

    review_report(report, world.coordinator, accept=False, comment="Bổ sung số liệu")
    assert Delivery.objects.get().email == OFFICER and mail.outbox == []

    run_worker()
    message, = mail.outbox
    assert "bị trả lại" in message.subject and "Bổ sung số liệu" in message.body


def test_one_mail_is_rendered_once_for_all_its_recipients(world, django_user_model, monkeypatch):
    from testing.factories import make_user
    from agencies.models import Membership

    for n in range(3):
        make_user(django_user_model, f"dieuphoi{n}", world.coordinating_agency, role=Membership.Role.COORDINATOR,
                  email=f"dieuphoi{n}@example.vn")
    report = fill_report(world.report(world.district), world.district_officer)
    submit_report(report, world.district_officer)
    renders = []
    real = delivery.render_email
    monkeypatch.setattr("notifications.delivery.render_email", lambda *a: renders.append(a[0]) or real(*a))

    run_worker()

    assert sorted(renders) == ["coordination", "submitted"]  # 4 coordinators, one rendering
    assert len(mail.outbox) == 5 and len({m.body for m in mail.outbox if m.to[0].startswith("dieuphoi")}) == 1


def test_the_lead_agencies_recorded_in_the_request_are_those_the_mail_lists_lines_for(world):
    # The district (in the group leading 1.2) and the department (leading 1.1) each coordinate the other's task.
    dept_report = submit_report(fill_report(world.report(world.dept), world.officer), world.officer)
    district_report = submit_report(fill_report(world.report(world.district), world.district_officer),
                                    world.district_officer)
    silent_report = world.report(world.silent)

    for report in (dept_report, district_report, silent_report):
        expected = set(coordination_lines([report]).get(report.pk, {}))
        assert set(lead_agencies_told(report).values_list("pk", flat=True)) == expected
    assert set(lead_agencies_told(dept_report).values_list("pk", flat=True)) == {world.district.pk, world.silent.pk}
    assert set(lead_agencies_told(district_report).values_list("pk", flat=True)) == {world.dept.pk}


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_mail_once(world, smtp, django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database locks whole tables against concurrent writers")
    from testing.factories import make_user
    from agencies.models import Membership

    for n in range(30):
        make_user(django_user_model, f"dieuphoi{n}", world.coordinating_agency, role=Membership.Role.COORDINATOR,
                  email=f"dieuphoi{n}@example.vn")
    submit_report(fill_report(world.report(world.dept), world.officer), world.officer)
    assert Delivery.objects.filter(status=Delivery.Status.PENDING).count() == 32
    errors = []

    def worker():
        try:
            send_notifications(batch=3)
        except Exception as error:  # pragma: no cover - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert not errors
    assert len(smtp.envelopes) == 32 and len(set(smtp.envelopes)) == 32
    assert set(Delivery.objects.values_list("status", "attempts")) == {(Delivery.Status.SENT, 1)}
