"""The page benchmark runs (at a tiny scale, so it cannot rot) and judges its targets."""

import datetime
import io

import pytest
from django.core.management import call_command

from benchmarks import harness
from benchmarks.management.commands.run_benchmarks import scale_database_url
from benchmarks.pages import FLOOR, PAGES


@pytest.fixture
def tiny(db):
    call_command("generate_scale_data", "--scale", "tiny", "--today", datetime.date.today().isoformat(),
                 stdout=io.StringIO())


def test_harness_measures_every_page_at_tiny_scale(tiny):
    result = harness.measure("tiny", requests=1, export_requests=1, warmup=0)
    assert [row["label"] for row in result["pages"]] == [page.label for page in PAGES]
    for row in [result["floor"], *result["pages"]]:
        assert row["available"], f"{row['label']}: {row['url_name']} is not in the site"
        assert row["status"] == 200, row
        assert row["queries"] > 0 and row["median_ms"] > 0 and row["p95_ms"] >= row["median_ms"]
    # The floor is what it claims: the user and its own single query (the session is read from the cache).
    assert result["floor"]["queries"] == 2  # the user, its own (the session from the cache)
    text = harness.table([result], harness.combine([result]))
    for page in PAGES:
        assert page.label[:34] in text
    # It says which cache the pages ran with (the test settings: local memory).
    assert result["cache"] == "LocMemCache" and text.endswith("cache: local memory")


def _result(scale, floor_ms, pages):
    def row(label, queries, median, export=False):
        return {"label": label, "persona": "officer", "export": export, "available": True, "status": 200,
                "queries": queries, "median_ms": median, "p95_ms": median * 1.2, "sql_ms": 1.0, "bytes": 2048}

    return {"scale": scale, "floor": row(FLOOR.label, 3, floor_ms),
            "pages": [row(*p) for p in pages]}


def test_the_officers_home_the_task_list_and_the_year_pages_are_judged_at_3_x_the_floor():
    """Issue #18, item 1: every page within 5 × the floor, the officer's home, the task list and the year pages
    within 3 ×."""
    from benchmarks.pages import PAGES

    tight = {p.label for p in PAGES if p.floor_target == 3.0}
    assert {"home · officer", "task list", "year overview", "per-task roll-up", "one task's roll-up",
            "indicator totals", "difficulties and proposals", "plan's years", "year submissions"} <= tight
    assert {"home · coordinator", "report form (officer)", "my reports", "agency list"}.isdisjoint(tight)
    small = _result("province", 2.0, [("year overview", 5, 6.0), ("my reports", 5, 6.0)])
    large = _result("national", 2.0, [("year overview", 5, 7.0), ("my reports", 5, 7.0)])
    for result in (small, large):
        result["pages"][0]["floor_target"] = 3.0
    rows = {r["label"]: r for r in harness.combine([small, large])}
    assert rows["year overview"]["checks"]["≤ 3 × floor"] == "MISS"  # 3.5 ×
    assert rows["my reports"]["checks"]["≤ 5 × floor"] == "PASS"


def test_combine_flags_growing_query_counts_slow_growth_and_slow_exports():
    small = _result("province", 2.0, [("steady", 5, 6.0), ("grows", 5, 6.0), ("slows", 5, 4.0),
                                      ("export", 9, 300.0, True)])
    large = _result("national", 2.0, [("steady", 5, 8.0), ("grows", 7, 8.0), ("slows", 5, 20.0),
                                      ("export", 9, 12_000.0, True)])
    rows = {r["label"]: r for r in harness.combine([small, large])}
    assert set(rows["steady"]["checks"].values()) == {"PASS"}
    assert rows["grows"]["checks"]["queries same, ≤ 15"] == "MISS"
    assert rows["slows"]["growth"] == 5.0
    assert rows["slows"]["checks"]["national ÷ province ≤ 2"] == "MISS"
    assert rows["slows"]["checks"]["≤ 5 × floor"] == "MISS"  # 20 ms against a 2 ms floor
    assert rows["export"]["checks"]["≤ 10 s"] == "MISS" and "≤ 5 × floor" not in rows["export"]["checks"]
    text = harness.table([small, large], list(rows.values()))
    assert "MISS: queries same" in text and "PASS" in text
    md = harness.markdown([small, large], list(rows.values()))
    assert md.count("\n") == len(rows) + 4 and "| grows | officer | 5/7 |" in md
    assert md.endswith("\n\nCache: not recorded.")


def test_each_scale_gets_its_own_database_name():
    assert scale_database_url("postgres://u@h:5432/bench", "national") == "postgres://u@h:5432/bench_national"
    assert scale_database_url("postgres://u@h/bench?sslmode=off", "tiny") == "postgres://u@h/bench_tiny?sslmode=off"
    assert scale_database_url("sqlite:////tmp/db.sqlite3", "province") == "sqlite:////tmp/db_province.sqlite3"


def test_percentile_is_nearest_rank():
    values = list(range(1, 21))
    assert harness.percentile(values, 95) == 19 and harness.percentile(values, 50) == 10


def test_rounds_pool_their_timings_and_keep_the_highest_query_count():
    def result(times, queries):
        row = {"label": "page", "persona": "officer", "export": False, "available": True, "status": 200,
               "queries": queries, "sql_ms": 1.0, "times_ms": times}
        floor = {**row, "label": FLOOR.label, "queries": 3}
        return {"scale": "province", "floor": floor, "pages": [row]}

    merged = harness.merge([result([1.0, 2.0], 5), result([3.0, 4.0, 5.0], 6)])
    page = merged["pages"][0]
    assert page["times_ms"] == [1.0, 2.0, 3.0, 4.0, 5.0] and page["median_ms"] == 3.0 and page["p95_ms"] == 5.0
    assert page["queries"] == 6 and merged["rounds"] == 2 and merged["floor"]["requests"] == 5


def test_one_scale_cannot_judge_the_targets_that_compare_two_and_never_says_pass():
    only = _result("province", 2.0, [("fine", 5, 6.0), ("many queries", 20, 6.0), ("export", 9, 300.0, True)])
    rows = {r["label"]: r for r in harness.combine([only])}
    reason = "not judged: needs two scales; only province measured"
    for row in rows.values():
        assert row["checks"]["queries same at both scales"] == reason
        assert row["checks"]["growth ≤ 2"] == reason
        assert "growth" not in row
    # Every target this scale can judge is met: still not PASS.
    assert rows["fine"]["checks"]["queries ≤ 15"] == "PASS" and rows["fine"]["checks"]["≤ 5 × floor"] == "PASS"
    assert harness.verdict(rows["fine"]["checks"]) == (
        "not judged: queries same at both scales; growth ≤ 2 (needs two scales; only province measured)")
    assert rows["many queries"]["checks"]["queries ≤ 15"] == "MISS"
    assert rows["export"]["checks"]["≤ 10 s"] == "PASS"  # a target of one scale is judged at it
    assert harness.verdict(rows["many queries"]["checks"]).startswith("MISS: queries ≤ 15 · not judged: ")
    for text in (harness.table([only], list(rows.values())), harness.markdown([only], list(rows.values()))):
        page_lines = [line for line in text.splitlines() if "fine" in line or "export" in line or "many" in line]
        assert len(page_lines) == 3
        assert all("not judged: queries same at both scales; growth ≤ 2" in line for line in page_lines)
        assert "PASS" not in text


def test_two_scales_judge_every_target():
    small = _result("province", 2.0, [("fine", 5, 6.0)])
    large = _result("national", 2.0, [("fine", 5, 8.0)])
    (row,) = harness.combine([small, large])
    assert harness.verdict(row["checks"]) == "PASS" and "not judged" not in harness.table([small, large], [row])
