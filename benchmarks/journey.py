"""One deadline-day officer's journey (benchmarks/loadtest.py's ``officer_journey``, request by request) replayed in
this process with Django's test client, for the Django CPU time and the queries of each kind of request.

Used by ``manage.py officer_journey`` (benchmarks.settings). Not a timed test: a measurement tool.
"""

import re
import statistics
import time
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

from django.db import connection
from django.test import Client

try:  # what the server's workers install (plan_tracker.wsgi); absent from a tree measured from before it
    from plan_tracker import gc_warm
except ImportError:
    gc_warm = None

from . import loadtest

# The requests of one journey, in the load driver's order (its log's "kind", made distinct where a kind repeats).
KINDS = (
    "login page",
    "log in",
    "home",
    "my reports",
    "report form (untouched)",
    "save draft 1",
    "report form (drafting)",
    "save draft 2 (submit)",
    "submit confirm",
    "submit",
    "report form (submitted)",
)

CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')


class QueryCounter:
    """Counts the statements a connection runs (an execute wrapper: no debug cursor, little overhead)."""

    def __init__(self):
        self.count = 0
        self.statements = None  # a list to record the SQL into, while set

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        if self.statements is not None:
            self.statements.append(sql)
        return execute(sql, params, many, context)


class Journey:
    """One officer's browser: the test client's cookies, one request at a time, each timed (process CPU) and its
    queries counted."""

    def __init__(self, client, counter, samples, pages=None, profiles=None, sql=None, clock=None):
        self.client, self.counter, self.samples, self.pages = client, counter, samples, pages
        self.profiles = profiles or {}
        self.sql = sql
        self.clock = clock

    def request(self, kind, method, path, data=None):
        if method != "GET":
            data = {**data, "csrfmiddlewaretoken": self.client.cookies["csrftoken"].value}
        profile = self.profiles.get(kind)
        before_queries = self.counter.count
        if self.sql is not None:
            self.counter.statements = self.sql.setdefault(kind, [])
        if self.clock is not None:
            self.clock.label = kind
        if profile is not None:
            profile.enable()
        started = time.process_time()
        response = self.client.get(path) if method == "GET" else self.client.post(path, data)
        cpu_ms = (time.process_time() - started) * 1000
        if profile is not None:
            profile.disable()
        self.counter.statements = None
        self.samples.setdefault(kind, []).append((cpu_ms, self.counter.count - before_queries))
        if self.pages is not None:
            self.pages[kind] = CSRF_VALUE.sub(r"\1…\2", response.content.decode())
        return response

    def follow(self, kind, response, expected=200):
        assert response.status_code == 302, (kind, response.status_code)
        location = urlsplit(response["Location"])
        followed = self.request(kind, "GET", location.path + (f"?{location.query}" if location.query else ""))
        assert followed.status_code == expected, (kind, followed.status_code)
        return followed

    def run(self, username, password):
        """The load driver's officer_journey, the same requests with the same data."""
        response = self.request("login page", "GET", "/accounts/login/")
        assert response.status_code == 200
        response = self.request("log in", "POST", "/accounts/login/", {"username": username, "password": password})
        assert response.status_code == 302, f"log in: {response.status_code}"
        self.follow("home", response)
        page = self.request("my reports", "GET", "/reports/").content.decode()
        report = int(loadtest.REPORT_LINK.findall(page)[0])
        path = f"/reports/{report}/"
        page = self.request("report form (untouched)", "GET", path).content.decode()
        version = int(loadtest.VERSION.search(page).group(1))
        lines = sorted({int(x) for x in loadtest.LINE_STATUS.findall(page)})
        quantities = {int(x) for x in loadtest.LINE_QUANTITY.findall(page)}
        finished = {int(pk): "completed" if 'value="completed"' in options else "done_for_year"
                    for pk, options in loadtest.LINE_SELECT.findall(page)}
        indicators = sorted({int(x) for x in loadtest.INDICATOR.findall(page)})
        for n in (1, 2):
            data = loadtest.report_form(username, n, lines, quantities, indicators, version, finished)
            data["save" if n == 1 else "submit"] = ""
            kind = "save draft 1" if n == 1 else "save draft 2 (submit)"
            response = self.request(kind, "POST", path, data)
            page = self.follow("report form (drafting)" if n == 1 else "submit confirm", response).content.decode()
            version = int(loadtest.VERSION.search(page).group(1))
        response = self.request("submit", "POST", f"/reports/{report}/submit/", {"version": version})
        self.follow("report form (submitted)", response)
        return report


def replay(usernames, password, pages=None, profiles=None, sql=None, clock=None, runs=None, freeze=False):
    """Each officer's journey in turn through one test client (one handler, as a gunicorn worker has: its
    middleware built once), a fresh cookie jar per officer; ``sql``: a dict that gets the first journey's statements
    per kind; ``clock``: a ``benchmarks.pg_time.StatementClock`` installed, labelled by kind, each journey's range of
    its records appended to ``runs``; ``freeze``: the collector as in a gunicorn worker (``plan_tracker.gc_warm``,
    installed by ``plan_tracker.wsgi``: frozen after the process's requests 1, 100 and 1,000). Returns
    {kind: [(cpu ms, queries), …]}."""
    client = Client(enforce_csrf_checks=True)
    counter = QueryCounter()
    samples = {}
    if freeze and gc_warm is not None:
        gc_warm.install()
    with connection.execute_wrapper(counter):
        for i, username in enumerate(usernames):
            client.cookies = SimpleCookie()
            start = len(clock.records) if clock is not None else 0
            Journey(client, counter, samples, pages if i == 0 else None, profiles if i else None,
                    sql if i == 0 else None, clock).run(username, password)
            if clock is not None and runs is not None:
                runs.append((start, len(clock.records)))
    return samples


def table(samples, warmup=1):
    """Rows (kind, min ms, median ms, queries) per kind, the first ``warmup`` journeys left out of the times."""
    rows = []
    for kind in KINDS:
        got = samples.get(kind, [])
        times = [ms for ms, _ in got[warmup:]] or [ms for ms, _ in got]
        queries = sorted({q for _, q in got[warmup:]} or {q for _, q in got})
        rows.append((kind, min(times), statistics.median(times), "/".join(str(q) for q in queries)))
    return rows
