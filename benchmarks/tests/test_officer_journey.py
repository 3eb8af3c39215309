"""The officer-journey measurement (benchmarks/journey.py, ``manage.py officer_journey``): it replays the load
driver's journey request by request and reports each kind. Not timed: whether it measures the right requests."""

import datetime

import pytest

from benchmarks import deadline, journey
from benchmarks.scale import Generator, Scale
from reports.models import AgencyReport

MINI = Scale("oj", provinces=1, departments=2, communes=3, press=1, others=0, plans=1, tasks_per_plan=10, years=1,
             deadline=True, coordinators=1)


@pytest.mark.django_db
def test_the_journey_makes_every_request_of_the_load_drivers_and_counts_their_queries():
    Generator(MINI, seed=5, today=datetime.date.today(), password="pw").build()
    officers, _, plan, year = deadline.participants("oj", 2, 0)
    pages, sql = {}, {}
    samples = journey.replay(officers, "pw", pages, sql=sql)
    assert list(samples) == list(journey.KINDS)
    assert all(len(got) == 2 for got in samples.values())
    # What each request is: the load driver's pages, in its order (a sign-in, a report saved twice, submitted).
    assert 'name="password"' in pages["login page"] and 'name="save"' in pages["report form (untouched)"]
    assert "Xác nhận gửi báo cáo" in pages["submit confirm"] and 'name="save"' not in pages["report form (submitted)"]
    assert 'name="csrfmiddlewaretoken" value="…"' in pages["report form (drafting)"]  # masked for comparisons
    assert AgencyReport.objects.filter(plan=plan, year=year, status="submitted").count() == 2
    # Queries counted per request (the SQL of the first journey kept when asked): none on the login page.
    assert samples["login page"][0][1] == 0 and sql["login page"] == []
    assert all(q == len(sql[kind]) for kind, got in samples.items() for q in [got[0][1]])
    assert all(q > 0 for kind, got in samples.items() if kind != "login page" for _ms, q in got)
    rows = journey.table(samples)
    assert [row[0] for row in rows] == list(journey.KINDS) and all(row[1] <= row[2] for row in rows)


@pytest.mark.django_db
def test_the_overview_measurement_computes_the_page_after_each_bump_and_then_serves_it_cached(monkeypatch):
    """``manage.py overview_cpu``: the computed overview (after a bump, as each submission makes) costs the queries of
    computing it; the cached one fewer (the body is served as it is)."""
    import io

    from django.core.management import call_command

    from reports import aggregates

    Generator(MINI, seed=5, today=datetime.date.today(), password="pw").build()
    computed = []
    real = aggregates.year_overview
    monkeypatch.setattr(aggregates, "year_overview", lambda *a, **k: computed.append(1) or real(*a, **k))
    out = io.StringIO()
    call_command("overview_cpu", "--scale", "oj", "--requests", "2", stdout=out)
    lines = {line.split("  ")[0].strip(): line.split() for line in out.getvalue().splitlines()[2:]}
    assert len(computed) == 3 + 2  # warm-up and measured requests, each computed; the cached ones none
    computed_queries, cached_queries = int(lines["computed (after a bump)"][-2]), int(lines["cached"][-2])
    assert computed_queries > cached_queries > 0


def test_statement_shapes_count_the_same_statement_of_every_journey_together():
    from benchmarks.pg_time import shape

    assert shape('SELECT a FROM t WHERE x IN (%s, %s, %s) AND y = 5') == "SELECT a FROM t WHERE x IN (%s, …) AND y = N"
    assert shape("UPDATE t SET a = v.c FROM (VALUES (CAST(%s AS bigint), CAST(%s AS numeric(18, 2))), "
                 "(CAST(%s AS bigint), CAST(%s AS numeric(18, 2)))) v") == \
        "UPDATE t SET a = v.c FROM (VALUES (CAST(%s AS bigint), CAST(%s AS numeric(N, N))), …) v"
    assert shape('SAVEPOINT "s140253845433216_x2"') == shape('SAVEPOINT "s1_x17"') == 'SAVEPOINT "s_x"'
    assert shape("SELECT (a), (b) FROM t") == "SELECT (a), (b) FROM t"


@pytest.mark.django_db
def test_the_statement_clock_times_every_statement_of_each_request():
    """``officer_journey --pg``: each statement of each journey recorded under its request's kind (with the server
    process's CPU where the server is on this machine), and the table adds up per journey."""
    from benchmarks.pg_time import StatementClock, print_table, shape

    Generator(MINI, seed=5, today=datetime.date.today(), password="pw").build()
    officers, _, _plan, _year = deadline.participants("oj", 2, 0)
    clock, runs, sql = StatementClock(), [], {}
    with clock.installed():
        journey.replay(officers, "pw", sql=sql, clock=clock, runs=runs)
    assert len(runs) == 2 and runs[0][1] == runs[1][0] and runs[1][1] == len(clock.records)
    first = clock.records[runs[0][0]:runs[0][1]]
    assert [(label, what) for label, what, _w, _c in first] == [
        (kind, shape(statement)) for kind in journey.KINDS for statement in sql[kind]]
    rows = clock.per_statement(runs[:1])
    assert sum(calls for _l, _s, calls, _w, _c in rows) == len(first)
    assert all(wall > 0 and cpu >= 0 for _l, _s, _n, wall, cpu in rows)
    out = []
    print_table(out.append, rows)
    assert out[-1].startswith("all")
