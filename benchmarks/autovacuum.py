"""Autovacuum's analyze for a benchmark run on a PostgreSQL whose autovacuum is off (issue #18).

PostgreSQL's default is ``autovacuum = on``: in production the tables deadline day fills (events, mails, tasks,
sessions, sign-in records, the reports' lines once written) are re-analysed as they grow, and the planner's reused
plans follow. This machine's PostgreSQL runs with it off, so a run's statements would be planned for the tables as
the scale generator left them (nearly empty) all the way through: figures no production server gives. While the
load runs, ``AutoAnalyze`` does what autovacuum's launcher would: every ``naptime`` seconds it looks at
``pg_stat_user_tables`` and analyses each table of this database whose rows changed since its last analyse beyond
autovacuum's own threshold (``autovacuum_analyze_threshold`` + ``autovacuum_analyze_scale_factor`` × its rows, 50 +
10 % by default, read from the server) and vacuums each whose dead rows passed the vacuum threshold (50 + 20 %).
Where autovacuum is on it does nothing: the server does it."""

import threading

SETTINGS = ("autovacuum", "autovacuum_naptime", "autovacuum_analyze_threshold", "autovacuum_analyze_scale_factor",
            "autovacuum_vacuum_threshold", "autovacuum_vacuum_scale_factor")

# The tables due, by autovacuum's rule (PostgreSQL's autovacuum.c: relation_needs_vacanalyze; reltuples < 0, never
# analysed, counts as 0). Schema-qualified and quoted by the server.
DUE = """
SELECT format('%%I.%%I', s.schemaname, s.relname),
       s.n_dead_tup > %(vacuum_threshold)s + %(vacuum_scale)s * greatest(c.reltuples, 0)
FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
WHERE s.n_mod_since_analyze > %(analyze_threshold)s + %(analyze_scale)s * greatest(c.reltuples, 0)
   OR s.n_dead_tup > %(vacuum_threshold)s + %(vacuum_scale)s * greatest(c.reltuples, 0)
ORDER BY 1
"""


def server_settings(cursor):
    cursor.execute("SELECT name, setting FROM pg_settings WHERE name = ANY(%s)", [list(SETTINGS)])
    return dict(cursor.fetchall())


def run_once(cursor, found=None):
    """One look, as autovacuum's worker takes it: the tables due analysed (and vacuumed where their dead rows are
    due). Returns their names. ``cursor``: an autocommit connection's (VACUUM runs outside a transaction)."""
    found = found or server_settings(cursor)
    cursor.execute(DUE, {
        "analyze_threshold": int(found["autovacuum_analyze_threshold"]),
        "analyze_scale": float(found["autovacuum_analyze_scale_factor"]),
        "vacuum_threshold": int(found["autovacuum_vacuum_threshold"]),
        "vacuum_scale": float(found["autovacuum_vacuum_scale_factor"]),
    })
    done = []
    for table, vacuum in cursor.fetchall():
        cursor.execute(f"{'VACUUM (ANALYZE)' if vacuum else 'ANALYZE'} {table}")
        done.append(table)
    return done


class AutoAnalyze(threading.Thread):
    """``start()`` it beside the load, ``stop()`` after: on its own connection (``conninfo``: psycopg's keywords), every ``naptime`` s
    (the server's ``autovacuum_naptime`` unless given) ``run_once``. ``active`` is False (and the thread idles)
    where the server's autovacuum is on. ``passes`` and ``tables`` count what it did."""

    def __init__(self, conninfo, naptime=None):
        super().__init__(daemon=True, name="autoanalyze")
        import psycopg

        self.connection = psycopg.connect(autocommit=True, **conninfo)
        with self.connection.cursor() as cursor:
            self.settings = server_settings(cursor)
        self.active = self.settings["autovacuum"] != "on"
        self.naptime = float(naptime if naptime is not None else self.settings["autovacuum_naptime"])
        self.passes, self.tables = 0, []
        self._stopping = threading.Event()

    def run(self):
        try:
            while self.active and not self._stopping.wait(self.naptime):
                with self.connection.cursor() as cursor:
                    self.tables += run_once(cursor, self.settings)
                self.passes += 1
        finally:
            self.connection.close()

    def stop(self):
        self._stopping.set()
        self.join(timeout=300)


def conninfo(database):
    """psycopg's keywords for a Django ``DATABASES`` entry (PostgreSQL)."""
    keys = {"NAME": "dbname", "USER": "user", "PASSWORD": "password", "HOST": "host", "PORT": "port"}
    return {keyword: str(database[key]) for key, keyword in keys.items() if database.get(key)}
