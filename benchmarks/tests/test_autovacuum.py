"""deadline_day's stand-in for autovacuum's analyse (benchmarks/autovacuum.py): on a PostgreSQL with autovacuum off,
a table is analysed once its changed rows pass autovacuum's threshold (50 + 10 % of its rows by default), not
before, and vacuumed too once its dead rows pass the vacuum threshold."""

import pytest
from django.conf import settings
from django.db import connection

from benchmarks.autovacuum import AutoAnalyze, conninfo, run_once

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")

DEFAULTS = {"autovacuum_analyze_threshold": "50", "autovacuum_analyze_scale_factor": "0.1",
            "autovacuum_vacuum_threshold": "50", "autovacuum_vacuum_scale_factor": "0.2"}


@pytest.fixture
def probe(transactional_db):
    import psycopg

    with psycopg.connect(autocommit=True, **conninfo(settings.DATABASES["default"])) as db, db.cursor() as cursor:
        def write(sql):
            cursor.execute(sql)
            cursor.execute("SELECT pg_stat_force_next_flush()")  # the counters as the next look sees them

        cursor.execute("CREATE TABLE autoanalyze_probe (id integer)")
        # A reference table, not changed since its analyse: never due.
        cursor.execute("CREATE TABLE autoanalyze_still (id integer)")
        write("INSERT INTO autoanalyze_still SELECT generate_series(1, 1000)")
        write("ANALYZE autoanalyze_still")

        def look():
            return [t for t in run_once(cursor, DEFAULTS) if "autoanalyze_" in t]

        try:
            yield write, look, cursor
        finally:
            cursor.execute("DROP TABLE autoanalyze_probe, autoanalyze_still")


def _analysed(cursor):
    cursor.execute("SELECT analyze_count, vacuum_count FROM pg_stat_user_tables WHERE relname = 'autoanalyze_probe'")
    return cursor.fetchone()


def test_a_table_is_analysed_when_its_changes_pass_the_threshold_and_not_before(probe):
    write, look, cursor = probe
    write("INSERT INTO autoanalyze_probe SELECT generate_series(1, 200)")
    assert look() == ["public.autoanalyze_probe"]  # 200 changed rows > 50 + 10 % of 0 (never analysed)
    assert _analysed(cursor)[0] == 1
    assert look() == []  # just analysed: nothing changed since
    write("INSERT INTO autoanalyze_probe SELECT generate_series(1, 60)")
    assert look() == []  # 60 ≤ 50 + 10 % of 200
    write("INSERT INTO autoanalyze_probe SELECT generate_series(1, 11)")
    assert look() == ["public.autoanalyze_probe"]  # 71 > 70
    assert _analysed(cursor) == (2, 0)


def test_a_table_whose_dead_rows_pass_the_vacuum_threshold_is_vacuumed_too(probe):
    write, look, cursor = probe
    write("INSERT INTO autoanalyze_probe SELECT generate_series(1, 1000)")
    assert look() == ["public.autoanalyze_probe"]
    write("DELETE FROM autoanalyze_probe WHERE id <= 240")  # 240 dead ≤ 50 + 20 % of 1,000: analysed only
    assert look() == ["public.autoanalyze_probe"]
    assert _analysed(cursor) == (2, 0)
    write("DELETE FROM autoanalyze_probe WHERE id <= 260")  # 260 dead > 250: vacuumed (and analysed)
    assert look() == ["public.autoanalyze_probe"]
    assert _analysed(cursor) == (3, 1)  # VACUUM (ANALYZE): one of each


def test_the_thread_does_nothing_where_the_server_runs_autovacuum(transactional_db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        server_on = cursor.fetchone()[0] == "on"
    thread = AutoAnalyze(conninfo(settings.DATABASES["default"]), naptime=0.05)
    assert thread.active is not server_on
    thread.start()
    thread.stop()
    assert not thread.is_alive()
    assert thread.passes == 0 or not server_on
