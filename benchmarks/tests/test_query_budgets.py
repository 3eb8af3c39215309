"""Every benchmarked page runs the same number of queries on a small and a larger data set.

Both data sets come from the scale generator, so they hold what real years hold — reports on time,
late, returned, accepted, drafts and untouched ones, lines of every status, indicator values — which
the hand-made fixtures of the pages' own tests do not always cover (a page can be flat on drafts and
grow by one query per submitted report). The exact counts are pinned in each page's own tests; the
≤ 15 budget is judged by the benchmark (manage.py run_benchmarks)."""

import datetime

import pytest

from benchmarks import harness
from benchmarks.pages import PAGES
from agencies.models import Agency
from benchmarks.scale import Generator, Scale, agency_code, plan_code
from tasks.models import Plan, Task
from testing.factories import make_task

TODAY = datetime.date(2026, 11, 28)
SMALL = Scale("qsmall", provinces=1, departments=3, communes=4, press=1, others=2, plans=2, tasks_per_plan=6, years=2)
LARGE = Scale("qlarge", provinces=2, departments=6, communes=18, press=2, others=4, plans=5, tasks_per_plan=16, years=3)


def add_overdue_task(scale):
    """An overdue deadline task in the benchmarked plan, so that every list the pages show has rows
    (an empty list skips its prefetch queries: fewer queries, but not a smaller budget)."""
    plan = Plan.objects.get(code=plan_code(scale.name, 1, 1))
    make_task(plan.sections.filter(parent__isnull=False).first(),
              lead=Agency.objects.get(code=agency_code(scale.name, 1, "so", 1)), number="9.9",
              timeframe_kind=Task.Timeframe.DEADLINE, due_date=datetime.date(TODAY.year - 1, 11, 30))


@pytest.fixture
def counts(db):
    result = {}
    for scale in (SMALL, LARGE):
        Generator(scale, seed=3, today=TODAY, password="pw").build()
        add_overdue_task(scale)
        result[scale.name] = harness.count_queries(scale.name)
    return result


def test_every_page_runs_as_many_queries_on_a_larger_data_set(counts):
    small, large = counts["qsmall"], counts["qlarge"]
    assert set(small) == {p.label for p in PAGES}
    assert all(status == 200 for status, _ in [*small.values(), *large.values()]), (small, large)
    grew = {label: (small[label][1], large[label][1]) for label in small if small[label][1] != large[label][1]}
    assert not grew, f"queries (small, large) differ: {grew}"
