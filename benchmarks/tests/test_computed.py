"""The page benchmark's computed mode (``run_benchmarks --computed``) and the chains of mergers it can be run on
(``generate_scale_data --chains N``, ``benchmarks.scale.add_chains``): both run on small data, so they cannot rot."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from agencies.models import Agency, AgencyChange, AgencyGroup
from benchmarks import harness, scale
from benchmarks.pages import PAGES, targets
from benchmarks.scale import Generator, Scale, add_chains, agency_code, group_code, plan_code
from reports.models import AgencyReport, TaskReport
from tasks.models import Assignment

TODAY = datetime.date(2026, 11, 28)
SHAPE = dict(provinces=2, departments=6, communes=8, press=1, others=2, plans=3, tasks_per_plan=12, years=3)
CACHED = ["home · officer", "task list", "report form (officer)", "year overview", "per-task roll-up",
          "indicator totals"]


@pytest.fixture
def tiny(db):
    call_command("generate_scale_data", "--scale", "tiny", "--today", datetime.date.today().isoformat(),
                 stdout=io.StringIO())


def test_computed_requests_miss_the_cache_every_time(tiny):
    warm = harness.measure("tiny", requests=2, warmup=1, only=CACHED)
    computed = harness.measure("tiny", requests=2, warmup=1, only=CACHED, computed=True)
    assert computed["computed"] and not warm["computed"]
    for w, c in zip(warm["pages"], computed["pages"]):
        assert w["label"] == c["label"] and w["status"] == c["status"] == 200, (w, c)
        # A page computed afresh reads what the cache held: more queries than the same page served from it.
        assert c["queries"] > w["queries"], (c["label"], w["queries"], c["queries"])
        assert len(c["times_ms"]) == 2 and c["slowest_queries"] and c["cpu_ms"] > 0
    text = harness.table([computed], harness.combine([computed]))
    assert text.endswith("every request computed (the target plan's generation bumped before it, as a submission does)")
    assert "computed" not in harness.table([warm], harness.combine([warm])).splitlines()[-1]
    # The same counts as count_queries gives, warm and computed.
    for result, flag in ((warm, False), (computed, True)):
        counts = harness.count_queries("tiny", [p for p in PAGES if p.label in CACHED], computed=flag)
        assert {r["label"]: r["queries"] for r in result["pages"] if r["label"] in CACHED} == {
            k: q for k, (_, q) in counts.items()}


def test_run_benchmarks_passes_computed_to_each_scales_process(monkeypatch, tmp_path):
    from benchmarks.management.commands import run_benchmarks

    seen = []
    real_run = run_benchmarks.subprocess.run

    def fake_run(cmd, **kwargs):
        if "run_benchmarks" not in cmd:
            return real_run(cmd, **kwargs)
        seen.append(cmd)
        out = cmd[cmd.index("--json") + 1]
        row = {"label": "floor", "persona": "officer", "export": False, "available": True, "status": 200,
               "queries": 2, "median_ms": 1.0, "p95_ms": 1.0, "sql_ms": 0, "bytes": 10, "times_ms": [1.0]}
        import json
        with open(out, "w") as f:
            json.dump({"scale": "tiny", "floor": row, "pages": [], "cache": "RedisCache", "computed": True}, f)
        return type("Done", (), {"returncode": 0})()

    monkeypatch.setattr(run_benchmarks.subprocess, "run", fake_run)
    out = io.StringIO()
    call_command("run_benchmarks", "--scales", "tiny", "--computed", "--base-url", "sqlite:///x.sqlite3",
                 "--json", str(tmp_path / "r.json"), stdout=out)
    assert seen and all("--computed" in cmd for cmd in seen)
    assert "every request computed" in out.getvalue()
    seen.clear()
    call_command("run_benchmarks", "--scales", "tiny", "--base-url", "sqlite:///x.sqlite3",
                 "--json", str(tmp_path / "r.json"), stdout=io.StringIO())
    assert seen and not any("--computed" in cmd for cmd in seen)


def build(name, chains=None):
    Generator(Scale(name, **SHAPE), seed=3, today=TODAY, password="pw").build()
    return add_chains(name, leads=chains) if chains else None


def test_chains_of_mergers_end_the_leads_and_give_their_reports_to_the_successors(db):
    counts = build("qchain", chains=10)
    assert counts["deepest chain"] == 3 and counts["successor groups"] == 2
    successors = Agency.objects.filter(code__contains="-hn-")
    assert successors.count() == counts["successors"]
    ended = Agency.objects.filter(successors__in=successors).exclude(code__contains="-hn-").distinct()
    assert ended.count() == counts["predecessors"] == 10
    assert set(ended.values_list("valid_to", flat=True)) == {datetime.date(2025, 6, 30)}
    # Three deep: a predecessor's successor's successor's successor, the last one in force on the year's due date.
    deep = Agency.objects.filter(code__endswith="-3", code__contains="-hn-").order_by("code").first()
    middle = deep.predecessors.get()
    first = middle.predecessors.get()
    assert first.valid_from == datetime.date(2025, 7, 1) and deep.valid_from == datetime.date(2026, 7, 1)
    assert first.predecessors.exists() and deep.valid_to is None
    assert AgencyChange.objects.filter(applied_at__isnull=False).count() == counts["changes"]
    # The predecessors hold no report of 2025 or 2026 any more; the tasks still name them as leads.
    assert not AgencyReport.objects.filter(agency__in=ended, year__gte=2025).exists()
    assert AgencyReport.objects.filter(agency=deep, year=2026).exists()
    assert Assignment.objects.filter(agency__in=ended, role=Assignment.Role.LEAD).exists()
    stand_ins = TaskReport.objects.filter(report__agency__in=successors, role=Assignment.Role.LEAD,
                                          task__assignments__agency__in=ended)
    assert stand_ins.exists()
    # Province 1's communes group ended; two successor groups follow it, members the communes in force.
    group = AgencyGroup.objects.get(code=group_code("qchain", 1, "communes"))
    assert group.valid_to == datetime.date(2025, 6, 30)
    assert group.in_force_on(datetime.date(2026, 11, 15)) == group.successor.successor
    merged_communes = group.members.filter(valid_to__isnull=False)
    assert merged_communes.count() == 2
    assert not group.successor.successor.members.filter(pk__in=merged_communes).exists()
    assert group.successor.successor.members.filter(code__contains="-hn-").count() == 1
    # The benchmark's own department stays as it was.
    busy = Agency.objects.get(code=agency_code("qchain", 1, "so", 1))
    assert busy.valid_to is None and not busy.successors.exists()
    with pytest.raises(ValueError, match="already has its chains"):
        add_chains("qchain", leads=10)


def test_the_year_overview_names_the_successor_that_reports_now(db, client):
    build("qchain", chains=10)
    t = targets("qchain")
    deep = AgencyReport.objects.filter(plan=t.plan, year=t.year, agency__code__contains="-hn-").first().agency
    ended = Agency.objects.filter(code__regex=r"^qchain-t01-so-", valid_to__isnull=False).first()
    client.force_login(t.users["coordinator"])
    page = client.get(t.url("reports:year-overview", t.plan.pk, t.year)).content.decode()
    assert deep.name in page and ended.name not in page


def test_pages_run_as_many_queries_computed_with_chains_of_mergers_as_without(db):
    build("qplain")
    build("qchain", chains=10)
    plain = harness.count_queries("qplain", computed=True)
    chained = harness.count_queries("qchain", computed=True)
    assert all(status == 200 for status, _ in [*plain.values(), *chained.values()]), (plain, chained)
    differ = {label: (plain[label][1], chained[label][1]) for label in plain if plain[label] != chained[label]}
    assert not differ, f"queries (without, with chains) differ: {differ}"


def test_generate_scale_data_adds_the_chains_to_a_present_scale(db):
    out = io.StringIO()
    call_command("generate_scale_data", "--scale", "tiny", "--today", TODAY.isoformat(), stdout=out)
    call_command("generate_scale_data", "--scale", "tiny", "--chains", "4", stdout=out)
    assert "Chains of mergers: predecessors 4" in out.getvalue()
    assert scale.chains_present("tiny")
    with pytest.raises(CommandError, match="already has its chains"):
        call_command("generate_scale_data", "--scale", "tiny", "--chains", "4", stdout=out)
    # remove_scale takes the successors, groups and changes with it.
    call_command("generate_scale_data", "--scale", "tiny", "--remove", stdout=out)
    assert not Agency.objects.exists() and not AgencyChange.objects.exists() and not AgencyGroup.objects.exists()


def _judged(computed):
    def row(label, median, export=False):
        return {"label": label, "persona": "officer", "export": export, "available": True, "status": 200,
                "queries": 5, "median_ms": median, "p95_ms": median, "sql_ms": 1.0, "bytes": 10}

    result = {"scale": "national", "computed": computed, "floor": row("floor", 2.0),
              "pages": [row("fast", 300.0), row("slow", 301.0), row("export", 9_000.0, True)]}
    return {r["label"]: r["checks"] for r in harness.combine([result])}


def test_a_computed_page_is_judged_on_its_own_budget_not_the_floor_ratio():
    checks = _judged(computed=True)
    assert checks["fast"]["computed ≤ 300 ms"] == "PASS" and checks["slow"]["computed ≤ 300 ms"] == "MISS"
    assert not any("floor" in name for c in checks.values() for name in c)
    assert checks["export"] == {"status 200": "PASS", "queries ≤ 15": "PASS", "queries same at both scales":
                                checks["export"]["queries same at both scales"], "growth ≤ 2":
                                checks["export"]["growth ≤ 2"], "≤ 10 s": "PASS"}
    warm = _judged(computed=False)
    assert warm["fast"]["≤ 5 × floor"] == "MISS" and not any("computed" in n for c in warm.values() for n in c)
