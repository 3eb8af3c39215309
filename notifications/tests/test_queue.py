"""NOTIFICATIONS_QUEUED: the request records the workflow mails and enqueues their task (django-tasks-db), in the
event's own transaction; ``manage.py db_worker`` runs the task: each mail sent once, failures retried later."""

import datetime
import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from notifications import delivery, workflow
from notifications.models import Delivery
from notifications.tasks import send_event_mails
from notifications.coordination import coordination_lines, lead_agencies_told
from reports.models import ReportEvent
from reports.services import review_report, submit_report
from testing.factories import fill_report
from testing.worker import run_worker
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


def tasks(status=None):
    rows = DBTaskResult.objects.all()
    return list((rows.filter(status=status) if status else rows).values_list("task_path", "args_kwargs"))


def in_five_minutes():
    """Bring the retries' time forward (the worker takes a task only once its run_after has passed)."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - datetime.timedelta(seconds=1))


def test_a_submit_sends_nothing_in_the_request_and_records_pending_mails_and_their_task(
        world, client, django_capture_on_commit_callbacks):
    report = submit_through_the_site(client, world, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    rows = Delivery.objects.order_by("email")
    assert [(d.email, d.kind, d.status) for d in rows] == [
        (DISTRICT, Delivery.Kind.COORDINATION, Delivery.Status.PENDING),
        (COORD, Delivery.Kind.SUBMITTED, Delivery.Status.PENDING),
    ]
    assert rows.get(email=DISTRICT).agency == world.district
    event = report.events.get(action=ReportEvent.Action.SUBMITTED)
    assert tasks("READY") == [("notifications.tasks.send_event_mails",
                               {"args": [event.pk], "kwargs": {"retry": False}})]


def test_the_worker_sends_each_mail_once(world, client, django_capture_on_commit_callbacks):
    report = submit_through_the_site(client, world, django_capture_on_commit_callbacks)

    run_worker()

    assert sorted(m.to[0] for m in mail.outbox) == [DISTRICT, COORD]
    coordinator_mail = next(m for m in mail.outbox if m.to == [COORD])
    assert coordinator_mail.subject == f"Sở Thử nghiệm đã gửi báo cáo năm 2025 ({world.plan.number})"
    assert f"https://baocao.example.gov.vn/reports/{report.pk}/" in coordinator_mail.body
    district_mail = next(m for m in mail.outbox if m.to == [DISTRICT])
    assert district_mail.subject.startswith("Sở Thử nghiệm (coordinating) reported")  # in the officer's English
    assert set(Delivery.objects.values_list("status", "attempts")) == {(Delivery.Status.SENT, 1)}
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"

    mail.outbox.clear()
    run_worker()  # a second run: nothing left
    assert mail.outbox == []


def test_the_mails_and_their_task_are_recorded_in_the_events_transaction(world):
    report = fill_report(world.report(world.dept), world.officer)

    with transaction.atomic():
        submit_report(report, world.officer)
        # Before the commit: recorded with the event, so a crash after the commit cannot lose them.
        assert Delivery.objects.filter(event__report=report, status=Delivery.Status.PENDING).count() == 2
        assert len(tasks("READY")) == 1

    assert mail.outbox == []


def test_a_rolled_back_change_records_and_enqueues_nothing(world, django_capture_on_commit_callbacks):
    report = fill_report(world.report(world.dept), world.officer)

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                submit_report(report, world.officer)
                raise RuntimeError("something after the submit failed")

    assert not Delivery.objects.exists() and not ReportEvent.objects.filter(action="submitted").exists()
    assert tasks() == []
    run_worker()
    assert mail.outbox == []


def test_recording_costs_the_request_five_queries(world):
    report = fill_report(world.report(world.dept), world.officer)
    report = submit_report(report, world.officer)
    event = report.events.get(action=ReportEvent.Action.SUBMITTED)
    Delivery.objects.all().delete()
    DBTaskResult.objects.all().delete()
    event.report = report

    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            workflow.report_event_created(event=event)

    # A savepoint, the recipients (one query), the insert, the task's insert, the savepoint's release.
    assert len(queries.captured_queries) == 5, [q["sql"] for q in queries.captured_queries]
    assert Delivery.objects.count() == 2 and len(tasks()) == 1


def test_the_requests_insert_writes_the_rows_bulk_create_would_and_a_replay_adds_none(world, django_user_model):
    from agencies.models import Membership
    from notifications.models import Preference
    from testing.factories import make_user

    # Two more coordinators, one reading English, one with no account (a Recipient without a user can only come from
    # here): every column the request writes takes more than one value.
    english = make_user(django_user_model, "dieuphoi.en", world.coordinating_agency,
                        role=Membership.Role.COORDINATOR, email="dieuphoi.en@example.vn")
    Preference.objects.create(user=english, language="en")
    report = submit_report(fill_report(world.report(world.dept), world.officer), world.officer)
    event = report.events.get(action=ReportEvent.Action.SUBMITTED)
    rows = workflow._event_rows(event) + [(Delivery.Kind.SUBMITTED, None, None, "vanthu@example.vn", "vi")]
    Delivery.objects.all().delete()

    workflow._insert(event.pk, rows)

    expected = Delivery.objects.bulk_create(
        [Delivery(event_id=event.pk, kind=kind, agency_id=agency, user_id=user, email=address, language=language)
         for kind, agency, user, address, language in rows], ignore_conflicts=True)
    fields = [f.attname for f in Delivery._meta.concrete_fields if f.name not in ("id", "created_at")]
    written = list(Delivery.objects.order_by("pk").values_list(*fields))
    assert written == [tuple(getattr(d, name) for name in fields) for d in expected]
    assert len(written) == 4 and len({row[fields.index("language")] for row in written}) == 2
    assert len({row[fields.index("agency_id")] for row in written}) == 2
    assert Delivery.objects.filter(created_at__lte=timezone.now()).count() == 4

    workflow._insert(event.pk, rows)  # a replayed event: (event, kind, address) is unique
    assert Delivery.objects.count() == 4


def test_a_failed_mail_is_retried_by_the_task_five_minutes_later(world, smtp, client,
                                                                   django_capture_on_commit_callbacks):
    smtp.refuse.add(COORD)
    submit_through_the_site(client, world, django_capture_on_commit_callbacks)

    run_worker()

    failed = Delivery.objects.get(email=COORD)
    assert failed.status == Delivery.Status.FAILED and failed.attempts == 1 and "550" in failed.last_error
    assert smtp.envelopes == [DISTRICT]
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after - timezone.now() > datetime.timedelta(minutes=4)
    run_worker()  # too early: the retry waits
    assert smtp.envelopes == [DISTRICT]

    smtp.refuse.clear()
    in_five_minutes()
    run_worker()

    failed.refresh_from_db()
    assert failed.status == Delivery.Status.SENT and failed.attempts == 2
    assert smtp.envelopes == [DISTRICT, COORD]
    assert not DBTaskResult.objects.filter(status="READY").exists()  # nothing more to retry


class CannotOpen:
    """A mail backend that cannot even be created (a wrong EMAIL_URL, a missing certificate…)."""

    def __init__(self, *args, **kwargs):
        raise OSError("mail backend misconfigured")


def test_mails_that_could_not_be_sent_at_all_are_retried_five_minutes_later_too(world, smtp, client, settings,
                                                                                django_capture_on_commit_callbacks):
    submit_through_the_site(client, world, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = f"{__name__}.CannotOpen"

    run_worker()

    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.FAILED}
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.task_path == "notifications.tasks.send_event_mails"
    assert retry.run_after - timezone.now() > datetime.timedelta(minutes=4)

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    in_five_minutes()
    run_worker()
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_a_failing_mail_is_tried_five_times_then_given_up(world, smtp, client, caplog,
                                                          django_capture_on_commit_callbacks):
    smtp.refuse.add(COORD)
    submit_through_the_site(client, world, django_capture_on_commit_callbacks)

    with caplog.at_level(logging.ERROR, logger="notifications"):
        for _ in range(7):
            run_worker()
            in_five_minutes()
    failed = Delivery.objects.get(email=COORD)
    assert failed.status == Delivery.Status.FAILED and failed.attempts == Delivery.MAX_ATTEMPTS
    assert any("Giving up" in r.getMessage() for r in caplog.records)
    assert smtp.envelopes == [DISTRICT]
    assert DBTaskResult.objects.filter(task_path__endswith="send_event_mails").count() == Delivery.MAX_ATTEMPTS
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_the_daily_reminders_run_sends_what_a_task_left_waiting(world, client, django_capture_on_commit_callbacks):
    submit_through_the_site(client, world, django_capture_on_commit_callbacks)
    DBTaskResult.objects.all().delete()  # as if the task were lost (a worker killed while running it)

    out = io.StringIO()
    call_command("send_reminders", "--date", "2025-06-01", stdout=out)
    assert "Mails queued for the worker" in out.getvalue() and mail.outbox == []
    run_worker()

    assert sorted(m.to[0] for m in mail.outbox) == [DISTRICT, COORD]


def test_a_failure_while_recording_never_breaks_the_submit_and_is_queued_after_the_commit(
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
    assert len(calls) == 1 and mail.outbox == [] and not Delivery.objects.exists()
    assert len(tasks("READY")) == 1  # enqueued after the commit; the task records the mails itself

    run_worker()
    assert len(calls) == 2 and sorted(m.to[0] for m in mail.outbox) == [DISTRICT, COORD]


def test_review_mails_are_queued_too(world):
    report = submit_report(fill_report(world.report(world.dept), world.officer), world.officer)
    Delivery.objects.all().delete()
    DBTaskResult.objects.all().delete()

    review_report(report, world.coordinator, accept=False, comment="Bổ sung số liệu")
    assert Delivery.objects.get().email == OFFICER and mail.outbox == []

    run_worker()
    message, = mail.outbox
    assert "bị trả lại" in message.subject and "Bổ sung số liệu" in message.body


def two_submissions_queued(world):
    """The department's and the district's reports submitted (each coordinates the other's task), nothing sent:
    four mails, two tasks waiting."""
    reports = [submit_report(fill_report(world.report(agency), officer), officer)
               for agency, officer in ((world.dept, world.officer), (world.district, world.district_officer))]
    events = [r.events.get(action=ReportEvent.Action.SUBMITTED).pk for r in reports]
    assert len(tasks("READY")) == 2 and Delivery.objects.filter(event__in=events, status="pending").count() == 4
    return events


def test_one_run_sends_the_mails_of_every_submission_waiting_and_their_own_tasks_then_send_nothing(world):
    first, second = two_submissions_queued(world)

    send_event_mails.call(first)  # the worker behind: the second submission came in before the first task ran

    # The coordinator's two "submitted" mails go as one listing both (coalesced: test_coalesced_mails.py).
    assert sorted(m.to[0] for m in mail.outbox) == sorted([COORD, DISTRICT, OFFICER])
    assert set(Delivery.objects.values_list("status", "attempts")) == {(Delivery.Status.SENT, 1)}
    mail.outbox.clear()
    run_worker()  # both tasks: nothing left to send, nothing sent twice
    assert mail.outbox == [] and set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_a_mail_of_another_submission_that_fails_in_that_run_is_retried_under_its_own_event_five_minutes_later(
        world, smtp):
    first, second = two_submissions_queued(world)
    smtp.refuse.add(OFFICER)  # the district's submission tells the department's officer

    send_event_mails.call(first)

    assert smtp.envelopes == sorted([COORD, DISTRICT])  # the coordinator's two in one mail (coalesced)
    failed = Delivery.objects.get(email=OFFICER)
    assert failed.event_id == second and (failed.status, failed.attempts) == (Delivery.Status.FAILED, 1)
    waiting = sorted((path, a["args"], sorted(a["kwargs"].items())) for path, a in tasks("READY"))
    path = "notifications.tasks.send_event_mails"
    assert waiting == [(path, [first], [("retry", False)]), (path, [second], [("retry", False)]),
                       (path, [second], [("retry", True)])]
    smtp.refuse.clear()
    run_worker()  # the two first tasks; the retry waits its five minutes: not tried again at once
    failed.refresh_from_db()
    assert failed.attempts == 1 and smtp.envelopes == sorted([COORD, DISTRICT])

    in_five_minutes()
    run_worker()
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Delivery.Status.SENT, 2)
    assert smtp.envelopes == sorted([COORD, DISTRICT, OFFICER])
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_a_workflow_run_leaves_the_reminders_and_digests_to_their_own_run(world):
    from notifications.models import Reminder
    from reports.models import ReportingYear

    reminder = Reminder.objects.create(kind=Reminder.Kind.DIGEST, reporting_year=ReportingYear.objects.get(
        plan=world.plan, year=2025), offset_days=7, run_date=datetime.date(2025, 11, 8))
    digest = Delivery.objects.create(kind=Delivery.Kind.DIGEST, reminder=reminder, email=COORD)
    first, _ = two_submissions_queued(world)

    send_event_mails.call(first)

    digest.refresh_from_db()
    assert (digest.status, digest.attempts) == (Delivery.Status.PENDING, 0)
    assert len(mail.outbox) == 3  # the coordinator's two "submitted" mails as one (coalesced)


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
def test_two_db_workers_at_once_send_each_mail_once(world, smtp, django_user_model):
    """Two `manage.py db_worker` processes (two servers) on the same PostgreSQL queue: 12 submissions (a report
    returned and submitted again) and 11 returns, 23 tasks, each run by one worker, every mail sent exactly once."""
    if connection.vendor != "postgresql":
        pytest.skip("two worker processes need a database server (the SQLite test database is in memory)")
    from testing.factories import make_user
    from agencies.models import Membership
    from reports.services import save_report

    for n in range(30):
        make_user(django_user_model, f"dieuphoi{n}", world.coordinating_agency, role=Membership.Role.COORDINATOR,
                  email=f"dieuphoi{n}@example.vn")
    report = submit_report(fill_report(world.report(world.dept), world.officer), world.officer)
    for n in range(11):
        report = review_report(report, world.coordinator, accept=False, comment=f"Sửa lần {n}")
        report = save_report(report, world.officer, expected_version=report.version, general={"proposals": str(n)})
        report = submit_report(report, world.officer)
    mails = Delivery.objects.count()
    assert mails == 12 * 32 + 11 and Delivery.objects.filter(status=Delivery.Status.PENDING).count() == mails
    assert DBTaskResult.objects.filter(status="READY").count() == 23

    db = connection.settings_dict
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "plan_tracker.settings", "NOTIFICATIONS_QUEUED": "true",
           "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
           "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}", "SITE_URL": "https://baocao.example.gov.vn",
           "CACHE_URL": "locmemcache://"}
    manage = Path(django_settings.BASE_DIR) / "manage.py"
    workers = [subprocess.Popen([sys.executable, str(manage), "db_worker", "--batch", "--no-reload",
                                 "--worker-id", f"worker-{n}"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True) for n in range(2)]
    outputs = [w.communicate(timeout=240)[0] for w in workers]

    assert [w.returncode for w in workers] == [0, 0], outputs
    # Every recorded mail carried once: the coordinators' "submitted" mails of submissions waiting together go as
    # one mail listing them (coalesced), so per coordinator the submissions its mails list add up to its rows (12);
    # the returns, one envelope per row.
    from notifications.tests.test_coalesced_mails import listed

    for address in {d.email for d in Delivery.objects.filter(kind=Delivery.Kind.SUBMITTED)}:
        assert sum(listed(r.subject) for r in smtp.to(address)) == 12, address
    assert len(smtp.to(OFFICER)) == 11 and len(smtp.to(DISTRICT)) == 12
    assert len(smtp.envelopes) < mails
    assert set(Delivery.objects.values_list("status", "attempts")) == {(Delivery.Status.SENT, 1)}
    runs = list(DBTaskResult.objects.values_list("status", "worker_ids"))
    assert len(runs) == 23 and all(status == "SUCCESSFUL" and len(ids) == 1 for status, ids in runs)


def test_a_retry_queued_by_the_release_before_batching_still_takes_its_failed_mails(world, smtp):
    """A task enqueued before this release, ``send_event_mails(event_id)`` without ``retry`` (that release's retries
    were enqueued so), is a retry: it sends its event's failed mails, as it did then."""
    first, second = two_submissions_queued(world)
    smtp.refuse.add(OFFICER)
    send_event_mails.call(first, retry=False)
    failed = Delivery.objects.get(email=OFFICER)
    assert (failed.event_id, failed.status) == (second, Delivery.Status.FAILED)
    smtp.refuse.clear()

    send_event_mails.call(second)  # as the release before this one enqueued its retry

    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Delivery.Status.SENT, 2)


def test_without_the_queue_a_request_sends_its_own_events_mails_only(world, settings):
    """NOTIFICATIONS_QUEUED off (the task runs inside the user's request, after the commit): the submission's own
    mails are sent, never other events' waiting ones (a request never sends other people's mails)."""
    first, second = two_submissions_queued(world)
    settings.NOTIFICATIONS_QUEUED = False

    send_event_mails.call(first, retry=False)

    assert Delivery.objects.filter(event=first, status=Delivery.Status.SENT).count() == 2
    assert Delivery.objects.filter(event=second, status=Delivery.Status.PENDING).count() == 2
    assert len(mail.outbox) == 2
