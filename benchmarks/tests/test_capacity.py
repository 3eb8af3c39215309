"""The deadline-day capacity search (benchmarks/capacity.py): the rule on made-up runs, the judge on made-up
reports. The real runs take minutes each and are made by hand (README, Performance)."""

import pytest

from benchmarks import capacity


def threshold(limit, calls):
    def holds(n):
        calls.append(n)
        return n <= limit
    return holds


@pytest.mark.parametrize("limit", [1, 249, 250, 1499, 1500, 1501, 2400, 2500, 2749, 3333, 5999, 6000])
def test_the_search_finds_the_capacity_within_the_resolution(limit):
    calls = []
    found, tried = capacity.search(threshold(limit, calls), start=1500, step=500, resolution=250, ceiling=6000)
    assert found <= limit < found + 250 or found == limit == 6000
    assert tried == [(n, n <= limit) for n in calls]
    assert len(calls) == len(set(calls))  # never the same run twice


def test_the_search_never_goes_past_the_ceiling_and_reports_it_when_everything_held():
    calls = []
    found, _ = capacity.search(threshold(10_000, calls), start=1500, step=500, resolution=250, ceiling=2600)
    assert found == 2600 and max(calls) == 2600


def test_the_search_reports_zero_when_nothing_holds():
    calls = []
    found, _ = capacity.search(threshold(0, calls), start=1500, step=500, resolution=250, ceiling=6000)
    assert found == 0 and min(calls) == 1


def report(errors=0, lost=0, doubled=0, submit=120.0, overview=300.0, coordinators=20, exhausted=False):
    return {
        "coordinators": coordinators,
        "summary": {"budget_exhausted": exhausted, "by_kind": {
            "submit": {"p95_ms": submit}, "year overview": {"p95_ms": overview}}},
        "checks": {"0 errors": not errors, "0 lost": not lost, "0 doubled": not doubled},
    }


def test_a_run_holds_only_when_every_target_is_met():
    assert capacity.judge(report()) == (True, [])
    assert capacity.judge(report(submit=500, overview=500))[0]
    for broken, expected in [({"errors": 1}, "0 errors"), ({"lost": 1}, "0 lost"), ({"doubled": 1}, "0 doubled"),
                             ({"submit": 501}, "submit p95"), ({"overview": 501}, "overview p95"),
                             ({"exhausted": True}, "budget")]:
        held, missed = capacity.judge(report(**broken))
        assert not held and any(expected in m for m in missed), broken
    assert capacity.judge(report(coordinators=0, overview=None))[0]


@pytest.mark.parametrize("limit", [1, 7, 1499, 1500, 2137, 2999, 4000])
def test_at_resolution_one_the_search_finds_the_exact_capacity(limit):
    found, _ = capacity.search(threshold(limit, []), start=1500, step=500, resolution=1, ceiling=6000)
    assert found == limit
