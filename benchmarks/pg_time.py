"""PostgreSQL's own time per statement, seen from the client: an execute wrapper that reads the connection's server
process CPU (``/proc/<backend pid>/schedstat``, nanoseconds on CPU: the server must run on this machine) and the wall
time around each statement, and around each commit (Django's ``connection.commit``: psycopg sends ``COMMIT``, and
the server flushes the WAL).

Used by ``manage.py officer_journey --pg`` and ``manage.py overview_cpu --pg``. A measurement tool, not a test.
"""

import re
import statistics
import time
from contextlib import contextmanager

from django.db import connection

NUMBERS = re.compile(r"\b\d+\b")
SAVEPOINT = re.compile(r'"s\d+_x\d+"')
# A list of placeholders (IN (%s, %s, …), a VALUES row), however long.
PLACEHOLDERS = re.compile(r"%s(?:, %s)+")


def _collapse_rows(text):
    """``(…), (…), (…)`` of identical parenthesised groups (the rows of a VALUES list) as ``(…), …``."""
    out, i = [], 0
    while i < len(text):
        if text[i] != "(":
            out.append(text[i])
            i += 1
            continue
        depth, j = 0, i
        while j < len(text):
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            if depth == 0:
                break
            j += 1
        group = text[i:j + 1]
        out.append(_collapse_rows(group[1:-1]).join("()") if len(group) > 2 else group)
        i = j + 1
        repeated = False
        while text.startswith(", " + group, i):
            i += 2 + len(group)
            repeated = True
        if repeated:
            out.append(", …")
    return "".join(out)


def backend_cpu_ns(pid):
    """The server process's time on CPU so far (ns), or None where it cannot be read (another machine)."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def shape(sql):
    """A statement's text with the parts that vary between runs (savepoint names, numbers written in) masked, so
    that the same statement of every journey is counted together."""
    text = NUMBERS.sub("N", SAVEPOINT.sub('"s_x"', " ".join(sql.split())))
    return _collapse_rows(PLACEHOLDERS.sub("%s, …", text))


class StatementClock:
    """Records (label, statement shape, wall ms, server CPU ms) for each statement the connection runs while it is
    installed (``with clock.installed(): …``); ``label`` is whatever the caller sets before each request."""

    def __init__(self):
        self.label = None
        self.records = []

    def _pid(self):
        return getattr(getattr(connection.connection, "info", None), "backend_pid", None)

    def _timed(self, what, run):
        pid = self._pid()
        cpu = backend_cpu_ns(pid) if pid else None
        started = time.perf_counter()
        try:
            return run()
        finally:
            wall = (time.perf_counter() - started) * 1000
            after = backend_cpu_ns(pid) if cpu is not None else None
            self.records.append((self.label, what, wall, (after - cpu) / 1e6 if after is not None else None))

    def __call__(self, execute, sql, params, many, context):
        return self._timed(shape(sql), lambda: execute(sql, params, many, context))

    @contextmanager
    def installed(self):
        commit = connection._commit

        def timed_commit():
            if connection.connection is None or connection.get_autocommit():
                return commit()
            return self._timed("COMMIT", commit)

        connection._commit = timed_commit
        try:
            with connection.execute_wrapper(self):
                yield self
        finally:
            del connection._commit

    def per_statement(self, runs):
        """[(label, shape, calls per run, wall ms per run, server CPU ms per run)] in first-seen order: each
        (label, shape)'s times summed within a run, the mean over ``runs`` (a list of record index ranges, one per
        run), so that the rows add up to the mean run."""
        order, per_run = [], []
        for start, stop in runs:
            sums = {}
            for label, what, wall, cpu in self.records[start:stop]:
                key = (label, what)
                if key not in sums:
                    sums[key] = [0, 0.0, 0.0]
                    if key not in order:
                        order.append(key)
                sums[key][0] += 1
                sums[key][1] += wall
                sums[key][2] += cpu or 0.0
            per_run.append(sums)
        rows = []
        for key in order:
            got = [run.get(key, [0, 0.0, 0.0]) for run in per_run]
            rows.append((*key, statistics.fmean(g[0] for g in got), statistics.fmean(g[1] for g in got),
                         statistics.fmean(g[2] for g in got)))
        return rows


def print_table(write, rows, width=150):
    """The rows of ``per_statement`` as text, the label's total after each label."""
    write(f"{'request':<26} {'n':>5} {'wall ms':>8} {'PG CPU ms':>9}  statement")
    totals = {}
    for label, what, calls, wall, cpu in rows:
        write(f"{str(label):<26} {calls:>5.2f} {wall:>8.2f} {cpu:>9.2f}  {what[:width]}")
        t = totals.setdefault(label, [0.0, 0.0])
        t[0] += wall
        t[1] += cpu
    write("")
    for label, (wall, cpu) in totals.items():
        write(f"{str(label):<26} {'':>5} {wall:>8.2f} {cpu:>9.2f}  (sum)")
    write(f"{'all':<26} {'':>5} {sum(t[0] for t in totals.values()):>8.2f} "
          f"{sum(t[1] for t in totals.values()):>9.2f}")
