"""The year overview's rows and figures, worked out once per process per row (reports/overview_rows.py, session 14):
every change that can move a row or a figure shows in the next overview, and the page is exactly the one made the
slow way (model instances, every row rendered afresh, the reports counted by ``year_figures``).

Each case reads the overview (so the memo holds every row as it was), makes one change the way the app makes it, and
reads it again: the page must differ where the change shows, and equal the page made the slow way. Run on local
memory and on Redis (the page's body is cached there; the rows' memo is the process's own)."""

import datetime
import re

import pytest
from django.urls import reverse

from agencies.models import AgencyChange
from agencies.succession import apply_change
from reports import cache as figures_cache
from reports import overview_rows
from reports.models import AgencyReport
from reports.services import reopen_report, review_report, submit_report
from reports.tests.test_overview import TODAY, build_scenario, write
from reports.tests.test_overview_rows import slow_way
from testing.cache_backends import backend_fixture

YEAR = 2024

backend = backend_fixture()


@pytest.fixture
def scenario(db, django_user_model, backend):
    s = build_scenario(django_user_model)
    s.admin = django_user_model.objects.create_superuser(username="admin", password="pw", email="a@example.vn")
    return s


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("reports.overview_views._today", lambda: TODAY)


def _page(client, plan):
    html = client.get(reverse("reports:year-overview", args=[plan.pk, YEAR])).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def _slow(client, plan, monkeypatch):
    """The page with its body computed the slow way (the cached body thrown away by a bump, not by emptying a cache
    other runs share)."""
    figures_cache.bump_plan(plan.pk)
    with monkeypatch.context() as m:
        slow_way(m)
        return _page(client, plan)


def _figures(html):
    return {dt: int(dd) for dt, dd in re.findall(r"<dt>([^<]+)</dt><dd>(\d+)", html)}


def _report(scenario, key):
    return AgencyReport.objects.get(pk=scenario.reports[key].pk)


def _submit_late(s):
    report = _report(s, "D2")
    write(report, indicators={"kinh-phi": 0})
    submit_report(_report(s, "D2"), None)


def _rename(s):
    agency = s.agencies["D2"]
    agency.name = "UBND huyện Năm"  # after "UBND huyện Một" now: its place in the list moves too
    agency.save()


def _reorganised(effective):
    def change(s):
        change = AgencyChange.objects.create(code=f"doi-ten-{effective:%Y}", kind="rename", effective_date=effective,
                                             new_name="UBND thị xã Một", act_number="1/NQ-HĐND",
                                             act_date=effective - datetime.timedelta(days=30))
        change.predecessors.set([s.agencies["D1"]])
        apply_change(change)
    return change


def _kind_changed(s):
    agency = s.agencies["P"]
    agency.kind = "department"  # from the press's group to the departments'
    agency.save()


def _due_date_moved(s):
    s.plan.report_due_day, s.plan.report_due_month = 20, 11  # B, late by a day, is on time now
    s.plan.save()


def _plan_renamed(s):
    s.plan.title = "Kế hoạch được đổi tên để thử"
    s.plan.save()


CHANGES = {
    # change: (make it, what the page shows after it)
    "a submission": (_submit_late, lambda html, s: html.count("state-late") == 2),
    "a return": (lambda s: review_report(_report(s, "O"), s.coordinator, accept=False, comment="Bổ sung"),
                 lambda html, s: html.count("status-returned") == 2),
    "an acceptance": (lambda s: review_report(_report(s, "B"), s.coordinator, accept=True),
                      lambda html, s: _figures(html)["Đã tiếp nhận"] == 2),
    "a reopening": (lambda s: reopen_report(_report(s, "A"), s.admin, comment="Mở lại để sửa"),
                    lambda html, s: _figures(html)["Đã tiếp nhận"] == 0),
    "a resubmission": (lambda s: submit_report(_report(s, "D1"), None),
                       lambda html, s: "status-returned" not in html),
    "an agency renamed": (_rename, lambda html, s: html.index("UBND huyện Một") < html.index("UBND huyện Năm")),
    "a rename in force on the due date": (_reorganised(datetime.date(2024, 1, 1)),
                                          lambda html, s: "UBND thị xã Một" in html),
    "a rename after the due date": (_reorganised(datetime.date(2025, 1, 1)),
                                    lambda html, s: "UBND thị xã Một" not in html and "UBND huyện Một" in html),
    "an agency's kind changed": (_kind_changed, lambda html, s: "Cơ quan báo chí" not in html),
    "the due date moved": (_due_date_moved, lambda html, s: "state-late" not in html),
    "the plan renamed": (_plan_renamed, lambda html, s: "Kế hoạch được đổi tên để thử" in html),
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_change_shows_in_the_next_overview_as_made_the_slow_way(client, scenario, monkeypatch, name):
    change, shows = CHANGES[name]
    client.force_login(scenario.coordinator)
    before = _page(client, scenario.plan)
    assert before == _slow(client, scenario.plan, monkeypatch)
    _page(client, scenario.plan)  # every row remembered as it was
    change(scenario)
    after = _page(client, scenario.plan)
    # A rename taking effect after the year's due date leaves the year's page as it was (it names the agency as on
    # that date); every other change shows.
    assert (after == before) == (name == "a rename after the due date")
    assert shows(after, scenario), name
    assert after == _slow(client, scenario.plan, monkeypatch)


def test_the_figures_follow_each_step_of_a_report(client, scenario, monkeypatch):
    """One report through submission, return, resubmission, acceptance and reopening: after each step the page's
    figures are ``year_figures``' and its page the slow way's."""
    from reports.aggregates import year_figures

    client.force_login(scenario.coordinator)
    write(_report(scenario, "D2"), indicators={"kinh-phi": 0})
    steps = [
        lambda: submit_report(_report(scenario, "D2"), None),
        lambda: review_report(_report(scenario, "D2"), scenario.coordinator, accept=False, comment="Bổ sung"),
        lambda: submit_report(_report(scenario, "D2"), None),
        lambda: review_report(_report(scenario, "D2"), scenario.coordinator, accept=True),
        lambda: reopen_report(_report(scenario, "D2"), scenario.admin, comment="Mở lại"),
    ]
    seen = [_page(client, scenario.plan)]
    for step in steps:
        step()
        html = _page(client, scenario.plan)
        f = year_figures(scenario.plan, [YEAR])[YEAR]
        assert _figures(html) == {
            "Phải báo cáo": f.obliged, "Đúng hạn": f.on_time, "Muộn": f.late, "Đang soạn": f.drafting,
            "Chưa bắt đầu": f.not_started, "Bị trả lại, đang bổ sung": f.returned, "Đã tiếp nhận": f.accepted,
            "Đã gửi (đầy đủ)": f.submitted, **({"Thiếu (quá hạn chưa gửi)": f.missing(TODAY)}
                                               if f.missing(TODAY) else {})}
        assert html == _slow(client, scenario.plan, monkeypatch)
        seen.append(html)
    assert all(a != b for a, b in zip(seen, seen[1:]))  # each step shows (a resubmission reads as the first one)


def test_first_submissions_a_microsecond_either_side_of_the_deadline(client, scenario, monkeypatch):
    """The first submission is read as the database writes it out (text) and made a date-time for a row worked out:
    a microsecond before the deadline's end is on time, the end itself is late (by a day), as the slow way says."""
    from reports import rules

    client.force_login(scenario.coordinator)
    _page(client, scenario.plan)
    end = rules.deadline_end(scenario.plan, YEAR)
    for key, first in (("D2", end - datetime.timedelta(microseconds=1)), ("P", end)):
        AgencyReport.objects.filter(pk=scenario.reports[key].pk).update(
            first_submitted_at=first, version=3, status=AgencyReport.Status.SUBMITTED)
    figures_cache.bump_plan(scenario.plan.pk)  # an update() sends no signal
    html = _page(client, scenario.plan)
    assert html == _slow(client, scenario.plan, monkeypatch)
    rows = dict(re.findall(r">([^<>]+)</a></td>\s*<td><span class=\"badge state-(\w+)\"", html))
    assert rows["UBND huyện Hai"] == "on_time" and rows["Báo Thử"] == "late"
    assert overview_rows.first_submitted(str(end - datetime.timedelta(microseconds=1))) == \
        end - datetime.timedelta(microseconds=1)


def test_the_rows_remembered_are_bounded(client, scenario, monkeypatch):
    """Once the memo holds MAX_ROWS rows in all it is emptied (the process's memory bounded), and the page is the
    same; so with a language more."""
    client.force_login(scenario.coordinator)
    monkeypatch.setattr(overview_rows, "MAX_ROWS", 6)
    overview_rows.clear()
    first = _page(client, scenario.plan)
    assert sum(map(len, overview_rows._contexts.values())) == 6  # the year's six reports
    figures_cache.bump_plan(scenario.plan.pk)
    assert _page(client, scenario.plan) == first
    client.cookies.load({"django_language": "en"})
    figures_cache.bump_plan(scenario.plan.pk)
    _page(client, scenario.plan)
    assert sum(map(len, overview_rows._contexts.values())) == 6 and len(overview_rows._contexts) == 1
    monkeypatch.setattr(overview_rows, "MAX_ROWS", 20_000)
    monkeypatch.setattr(overview_rows, "MAX_CONTEXTS", 1)
    client.cookies.load({"django_language": "vi"})
    figures_cache.bump_plan(scenario.plan.pk)
    assert _page(client, scenario.plan) == first
    assert len(overview_rows._contexts) == 1


def _worked_out(monkeypatch):
    """The reports whose rows are worked out (memo misses) from now on, by id."""
    worked, real = [], overview_rows._Worker.entry
    monkeypatch.setattr(overview_rows._Worker, "entry", lambda self, row: worked.append(row[overview_rows.PK])
                        or real(self, row))
    return worked


def test_a_draft_saved_again_is_the_same_row_and_a_first_save_is_not(client, scenario, monkeypatch):
    """A row reads whether its report is untouched, not its version (session 15): a draft saved again (D2, a new
    version) is a memo hit, its row as before; a first save (P: untouched to drafting) is worked out and shows."""
    client.force_login(scenario.coordinator)
    before = _page(client, scenario.plan)
    worked = _worked_out(monkeypatch)
    version = _report(scenario, "D2").version
    write(_report(scenario, "D2"), overall_assessment="D2 lưu lại lần nữa")
    assert _report(scenario, "D2").version > version > 1
    figures_cache.bump_plan(scenario.plan.pk)  # the figures computed afresh, as after any submission
    assert _page(client, scenario.plan) == before and worked == []
    write(_report(scenario, "P"), overall_assessment="P lưu lần đầu")
    figures_cache.bump_plan(scenario.plan.pk)
    after = _page(client, scenario.plan)
    assert worked == [scenario.reports["P"].pk]
    assert after.count("state-drafting") == before.count("state-drafting") + 1
    assert after == _slow(client, scenario.plan, monkeypatch)


def test_an_invited_bodys_row_is_not_rendered_for_the_obliged_table(client, scenario, monkeypatch):
    """An invited body's report is shown in its own table (made per request): its row in the obliged table's memo
    holds no HTML, none is rendered for it; the page is the slow way's."""
    AgencyReport.objects.filter(pk=scenario.reports["P"].pk).update(invited=True)
    rendered, real = [], overview_rows._template

    class Counting:
        def __init__(self, template):
            self.template = template

        def render(self, context):
            rendered.append(context["name"])
            return self.template.render(context)

    monkeypatch.setattr(overview_rows, "_template", lambda: Counting(real()))
    overview_rows.clear()
    client.force_login(scenario.coordinator)
    html = _page(client, scenario.plan)
    assert sorted(rendered) == sorted(a.name for k, a in scenario.agencies.items() if k != "P")
    assert "Được mời báo cáo" in html and "Báo Thử" in html
    assert html == _slow(client, scenario.plan, monkeypatch)
