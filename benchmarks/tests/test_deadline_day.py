"""The deadline-day driver against a live server, and the database check that follows it."""

import datetime

import pytest
from django.db import connection

from benchmarks import deadline, loadtest
from benchmarks.scale import Generator, Scale
from reports.models import ReportEvent, TaskReport

MINI = Scale("dl", provinces=1, departments=2, communes=3, press=1, others=0, plans=1, tasks_per_plan=10, years=1,
             deadline=True, coordinators=2)


@pytest.fixture
def day(live_server, transactional_db):
    Generator(MINI, seed=5, today=datetime.date.today(), password="pw").build()
    # SQLite's shared-cache test database locks whole tables against concurrent writers ("database table
    # is locked"): there the journeys run one after another, without coordinators. PostgreSQL runs them at once.
    concurrent = connection.vendor == "postgresql"
    officers, coordinators, plan, year = deadline.participants("dl", 3, 1 if concurrent else 0)
    config = {
        "base": live_server.url, "password": "pw", "officers": officers, "coordinators": coordinators,
        "overview": deadline.overview_path(plan, year), "ramp_s": 0.2, "think_s": [0, 0.01],
        "coordinator_every_s": [0.05, 0.1], "max_requests": 400, "max_seconds": 60, "seed": 1,
        "max_concurrency": None if concurrent else 1,
    }
    result = loadtest.run(config)
    return result, plan, year


def test_officers_submit_and_every_submission_is_in_the_database_once_as_sent(day):
    result, plan, year = day
    summary = loadtest.summarise(result)
    assert summary["errors"] == 0 and not summary["officers_failed"], summary
    assert summary["officers_submitted"] == 3
    kinds = summary["by_kind"]
    assert kinds["save draft"]["count"] == 6 and kinds["submit"]["count"] == 3
    if connection.vendor == "postgresql":
        assert kinds["year overview"]["count"] >= 1 and kinds["year overview"]["errors"] == 0
    found = deadline.verify(result["officers"], plan, year)
    assert found["checked"] == 3 and not found["lost"] and not found["doubled"] and not found["unfinished"], found
    assert found["submitted_in_year"] == 3 and found["agencies_with_two_reports"] == 0
    text = deadline.summary_table(summary, found)
    assert "0 lost, 0 doubled" in text


def test_the_run_counts_the_mails_of_the_submissions(day):
    result, plan, year = day
    found = deadline.notifications(result["officers"])
    # NOTIFICATIONS_QUEUED off here: sent inside the requests, to the scale's coordinators at least.
    assert found["submissions"] == 3 and found["without_mail"] == 0
    assert found["recorded"] >= 3 * 2 and found["sent"] == found["recorded"] and found["pending"] == 0
    assert found["delay_p95_s"] is not None and found["delay_p95_s"] < 60
    assert "0 pending" in deadline.notifications_line(found)


def test_queued_mails_wait_for_the_worker(live_server, transactional_db, settings):
    from testing.worker import run_worker

    settings.NOTIFICATIONS_QUEUED = True
    Generator(MINI, seed=7, today=datetime.date.today(), password="pw").build()
    officers, _, plan, year = deadline.participants("dl", 1, 0)
    config = {
        "base": live_server.url, "password": "pw", "officers": officers, "coordinators": [],
        "overview": deadline.overview_path(plan, year), "ramp_s": 0, "think_s": [0, 0],
        "coordinator_every_s": [1, 1], "max_requests": 50, "max_seconds": 60, "seed": 1,
    }
    result = loadtest.run(config)

    waiting = deadline.notifications(result["officers"])
    assert waiting["submissions"] == 1 and waiting["recorded"] >= 2 and waiting["pending"] == waiting["recorded"]
    assert waiting["sent"] == 0 and waiting["delay_p50_s"] is None

    run_worker()  # django-tasks-db's worker, as `manage.py db_worker` in production

    found = deadline.notifications(result["officers"])
    assert found["sent"] == found["recorded"] == waiting["recorded"] and found["pending"] == 0


def test_the_check_finds_a_changed_field_and_a_second_submission(day):
    result, plan, year = day
    record = next(iter(result["officers"].values()))
    line = TaskReport.objects.filter(report_id=record["report"]).first()
    line.achievements = "sửa sau khi gửi"
    line.save()
    ReportEvent.objects.create(report_id=record["report"], action=ReportEvent.Action.SUBMITTED)
    found = deadline.verify(result["officers"], plan, year)
    assert len(found["lost"]) == 1 and "achievements" in found["lost"][0]
    assert len(found["doubled"]) == 1 and "2 submissions" in found["doubled"][0]


def test_the_budget_stops_the_run():
    budget = loadtest.Budget(max_requests=2, max_seconds=60)
    assert budget.take() and budget.take() and not budget.take() and budget.stopped.is_set()
    assert not loadtest.Budget(max_requests=10, max_seconds=-1).take()


def test_officers_already_signed_in_skip_the_login_form(live_server, transactional_db):
    Generator(MINI, seed=6, today=datetime.date.today(), password="pw").build()
    officers, _, plan, year = deadline.participants("dl", 1, 0)
    config = {
        "base": live_server.url, "password": "not used", "officers": officers, "coordinators": [],
        "overview": deadline.overview_path(plan, year), "ramp_s": 0, "think_s": [0, 0],
        "coordinator_every_s": [1, 1], "max_requests": 50, "max_seconds": 60, "seed": 1,
        "session_cookie": "sessionid", "sessions": deadline.signed_in_sessions(officers),
    }
    result = loadtest.run(config)
    summary = loadtest.summarise(result)
    assert summary["officers_submitted"] == 1 and summary["errors"] == 0, summary
    assert "log in" not in summary["by_kind"] and summary["by_kind"]["home"]["count"] == 1
    assert not deadline.verify(result["officers"], plan, year)["lost"]


def test_a_person_answered_503_tries_again_and_each_failed_try_is_an_error():
    """--retries (issue #19: PostgreSQL restarted under load): 503 twice, then the page; the log keeps all three."""
    import http.server
    import threading

    answers = [503, 503, 200]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            status = answers.pop(0)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        log = []
        browser = loadtest.Browser(f"http://127.0.0.1:{server.server_port}", log,
                                   loadtest.Budget(max_requests=10, max_seconds=60), retries=3)
        status, _, _ = browser.post("/reports/1/", {"version": 1}, "save draft")
        browser.close()
    finally:
        server.shutdown()
        server.server_close()
    assert status == 200 and [entry["status"] for entry in log] == [503, 503, 200]
    assert loadtest.summarise({"log": log, "elapsed_s": 1, "requests": 3, "budget_exhausted": False,
                               "officers": {}, "failures": []})["errors"] == 2


def test_postgresql_cpu_is_its_processes_own_time_and_their_exited_backends(tmp_path):
    """deadline_day's PostgreSQL figure (``postgres_cpu_seconds``): every ``postgres`` process's utime + stime +
    cutime + cstime from /proc/<pid>/stat, nothing of other processes; None where no PostgreSQL process is seen."""
    import os

    from benchmarks.management.commands.deadline_day import postgres_cpu_seconds

    def stat(pid, name, utime, stime, cutime, cstime):
        (tmp_path / str(pid)).mkdir()
        rest = ["S", "1", "1", "1", "0", "-1", "4194560", "0", "0", "0", "0", utime, stime, cutime, cstime, "20", "0"]
        (tmp_path / str(pid) / "stat").write_text(f"{pid} ({name}) " + " ".join(map(str, rest)) + "\n")

    tick = os.sysconf("SC_CLK_TCK")
    assert postgres_cpu_seconds(str(tmp_path)) is None
    stat(10, "postgres", 100, 50, 7000, 300)  # the postmaster: its backends' time is in cutime, cstime
    stat(11, "postgres", 20, 10, 0, 0)
    stat(12, "gunicorn (x) y", 999, 999, 999, 999)  # a name with a parenthesis and spaces: not PostgreSQL
    (tmp_path / "self").mkdir()
    assert postgres_cpu_seconds(str(tmp_path)) == pytest.approx((100 + 50 + 7000 + 300 + 20 + 10) / tick)
