"""The page benchmark: query count, median and p95 server time per page, against a floor page.

Method: Django's test ``Client`` in the benchmark's own process, against the real database of the
scale (no network, no web server): the time is the server's whole handling of the request —
middleware, view, queries, template, and reading a streamed file to its end — as seen from outside
the handler. Each page gets ``warmup`` requests first (template and connection caches), then one
request with its queries captured (the count), then ``requests`` timed requests (queries not
captured). The floor page (``benchmarks.views.floor``) is measured the same way in the same run.
``run_benchmarks`` alternates the scales over several rounds and pools each page's timings, so that
a change in the machine's load during the run weighs on both scales alike.

``computed=True`` (``run_benchmarks --computed``) measures the page as the first look after a change: before
every request (outside its time) the target plan's cache generation is bumped, as a submission bumps it
(``reports.cache.bump_plan``: the plan, and SITE, which every page spanning plans keys on), so the shared
cache (the year's figures, the year pages' bodies, the lists' fragments, the report page's body) misses and the
page is computed. What each process keeps for itself (compiled statements, the overview's memoised rows, the year
pages' nav) stays warm, as in a running server's worker.
"""

import math
import statistics
import time

from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch

from .pages import FLOOR, PAGES, targets

TARGET_QUERIES = 15
TARGET_GROWTH = 2.0  # large ÷ small median
TARGET_FLOOR = 5.0  # large-scale median ÷ floor median (a page may ask for less: pages.Page.floor_target)
TARGET_EXPORT_S = 10.0
TARGET_COMPUTED_MS = 300.0  # a page computed afresh (--computed), at the large scale: judged instead of the floor ratio
SLOW_S = 10.0  # a page slower than this gets only two timed requests: the run stays bounded


def percentile(values, p):
    """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def _get(client, url):
    response = client.get(url)
    if getattr(response, "streaming", False):
        size = len(b"".join(response.streaming_content))
    else:
        size = len(response.content)
    return response.status_code, size


def measure_page(page, t, clients, requests, warmup, computed=False):
    row = {"label": page.label, "url_name": page.url_name, "persona": page.persona, "export": page.export,
           "floor_target": page.floor_target}
    if computed:
        from reports.cache import bump_plan

        def before():
            bump_plan(t.plan.pk)
    else:
        def before():
            pass

    try:
        url = page.build(t)
    except NoReverseMatch:
        row["available"] = False
        return row
    client = clients[page.persona]
    row.update(available=True, url=url)
    for _ in range(warmup):
        before()
        started = time.perf_counter()
        _get(client, url)
        if time.perf_counter() - started > SLOW_S:
            break
    before()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        status, size = _get(client, url)
    if time.perf_counter() - started > SLOW_S:
        requests = min(requests, 2)
    row.update(status=status, bytes=size, queries=len(ctx.captured_queries),
               sql_ms=round(sum(float(q.get("time") or 0) for q in ctx.captured_queries) * 1000, 1))
    slowest = sorted(ctx.captured_queries, key=lambda q: float(q.get("time") or 0), reverse=True)[:5]
    row["slowest_queries"] = [{"ms": round(float(q.get("time") or 0) * 1000, 2), "sql": q["sql"][:400]} for q in slowest]
    times, cpu = [], []
    for _ in range(requests):
        before()
        started, started_cpu = time.perf_counter(), time.process_time()
        _get(client, url)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    row["times_ms"] = [round(x * 1000, 3) for x in times]
    # This process's CPU (Django, the template, psycopg), not PostgreSQL's: on a shared machine it moves far less
    # with the load than the wall time does.
    row["cpu_ms"] = round(statistics.median(cpu) * 1000, 2) if cpu else None
    _summarise(row)
    return row


def _summarise(row):
    times = row["times_ms"]
    row.update(requests=len(times), median_ms=statistics.median(times), p95_ms=percentile(times, 95))


def merge(results):
    """One result from several rounds of the same scale: the timings pooled, the query count the
    highest seen (a round that differs is itself a finding)."""
    first = results[0]
    merged = {**first, "rounds": len(results)}
    rows = []
    for i, row in enumerate([first["floor"], *first["pages"]]):
        same = [r["floor"] if i == 0 else r["pages"][i - 1] for r in results]
        row = dict(row)
        if row.get("available"):
            row["times_ms"] = [t for r in same for t in r["times_ms"]]
            row["queries"] = max(r["queries"] for r in same)
            row["status"] = next((r["status"] for r in same if r["status"] != 200), 200)
            row["sql_ms"] = statistics.median(r["sql_ms"] for r in same)
            cpu = [r["cpu_ms"] for r in same if r.get("cpu_ms") is not None]  # results before session 16: none
            row["cpu_ms"] = statistics.median(cpu) if cpu else None
            _summarise(row)
        rows.append(row)
    merged["floor"], merged["pages"] = rows[0], rows[1:]
    return merged


def count_queries(scale_name, pages=PAGES, computed=False):
    """{label: (status, queries)} of one request per page at ``scale_name`` (after one warm-up); ``computed``: each
    request after a bump of the target plan's generation (``measure``)."""
    from reports.cache import bump_plan

    t = targets(scale_name)
    clients = {}
    for persona, user in t.users.items():
        clients[persona] = Client()
        clients[persona].force_login(user)
    counts = {}
    with override_settings(ROOT_URLCONF="benchmarks.urls"):
        for page in pages:
            url = page.build(t)
            _get(clients[page.persona], url)
            if computed:
                bump_plan(t.plan.pk)
            with CaptureQueriesContext(connection) as ctx:
                status, _ = _get(clients[page.persona], url)
            counts[page.label] = (status, len(ctx.captured_queries))
    return counts


def measure(scale_name, requests=20, export_requests=None, warmup=2, only=None, stdout=None, computed=False):
    """Measure the floor and every page at ``scale_name`` in the current database. Returns a dict. ``computed``:
    every request after a bump of the target plan's generation (the module's docstring)."""
    t = targets(scale_name)
    clients = {}
    for persona, user in t.users.items():
        # A page that fails answers 500 (and is reported) instead of stopping the run.
        clients[persona] = Client(raise_request_exception=False)
        clients[persona].force_login(user)
    pages = [p for p in PAGES if not only or any(o.lower() in p.label.lower() for o in only)]
    rows = []
    with override_settings(ROOT_URLCONF="benchmarks.urls"):
        for page in [FLOOR, *pages]:
            n = export_requests if page.export and export_requests else requests
            row = measure_page(page, t, clients, n, warmup, computed=computed)
            rows.append(row)
            if stdout is not None:
                if row["available"]:
                    stdout.write(f"  {scale_name:>9}  {page.label:<40} {row['queries']:>3} q  "
                                 f"median {row['median_ms']:8.1f} ms  p95 {row['p95_ms']:8.1f} ms  "
                                 f"(SQL {row['sql_ms']:.0f} ms, CPU {row['cpu_ms'] or 0:.0f} ms, {row['bytes'] // 1024} KiB)"
                                 f"  [{row['status']}]")
                else:
                    stdout.write(f"  {scale_name:>9}  {page.label:<40} not in this version of the site")
    return {
        "scale": scale_name,
        "targets": {"plan": t.plan.code, "year": t.year, "task": f"{t.task.number} (id {t.task.pk})",
                    "agency": t.agency.code, "report": t.report.pk},
        "database": f"{connection.vendor} {connection.pg_version if connection.vendor == 'postgresql' else ''}".strip(),
        # The cache the pages ran with (benchmarks.settings: none unless CACHE_URL is set; Redis in production).
        "cache": caches["default"].__class__.__name__,
        "computed": computed,
        "floor": rows[0],
        "pages": rows[1:],
    }


NOT_JUDGED = "not judged"


def _check(ok):
    return None if ok is None else ("PASS" if ok else "MISS")


def _not_judged(reason):
    return f"{NOT_JUDGED}: {reason}"


def verdict(checks):
    """A row's result: "PASS" only when every target was judged and met; the missed targets, and those
    not judged with the reason (a comparison of two scales when one was measured), otherwise."""
    misses = [name for name, value in checks.items() if value == "MISS"]
    unjudged = {}
    for name, value in checks.items():
        if isinstance(value, str) and value.startswith(NOT_JUDGED):
            unjudged.setdefault(value.partition(": ")[2], []).append(name)
    parts = ["MISS: " + "; ".join(misses)] if misses else []
    parts += [f"{NOT_JUDGED}: {'; '.join(names)} ({reason})" for reason, names in unjudged.items()]
    return " · ".join(parts) or "PASS"


def combine(results):
    """Rows comparing the scales: the first result is the small scale, the last the large one.

    A target that compares two scales (the same query count at both, growth) is "not judged" when only
    one scale was measured, never PASS; the targets of one scale (status, ≤ 15 queries, the floor ratio,
    the export time) are judged at the largest scale measured."""
    small, large = results[0], results[-1]
    two = len(results) > 1
    one_scale = _not_judged(f"needs two scales; only {small['scale']} measured")
    rows = []
    by_label = [{r["scale"]: next(p for p in r["pages"] if p["label"] == page["label"]) for r in results}
                for page in small["pages"]]
    for per_scale in by_label:
        s, l = per_scale[small["scale"]], per_scale[large["scale"]]
        row = {"label": s["label"], "persona": s["persona"], "export": s["export"], "available": s["available"],
               "scales": per_scale, "checks": {}}
        if not s["available"]:
            rows.append(row)
            continue
        ok_status = all(p.get("status") == 200 for p in per_scale.values())
        counts = {p["queries"] for p in per_scale.values()}
        row["checks"]["status 200"] = _check(ok_status)
        if two:
            row["checks"][f"queries same, ≤ {TARGET_QUERIES}"] = _check(
                len(counts) == 1 and max(counts) <= TARGET_QUERIES)
            row["growth"] = l["median_ms"] / s["median_ms"]
            row["checks"][f"{large['scale']} ÷ {small['scale']} ≤ {TARGET_GROWTH:g}"] = _check(row["growth"] <= TARGET_GROWTH)
        else:
            row["checks"][f"queries ≤ {TARGET_QUERIES}"] = _check(max(counts) <= TARGET_QUERIES)
            row["checks"]["queries same at both scales"] = one_scale
            row["checks"][f"growth ≤ {TARGET_GROWTH:g}"] = one_scale
        row["floor_ratio"] = l["median_ms"] / large["floor"]["median_ms"]
        if s["export"]:
            row["checks"][f"≤ {TARGET_EXPORT_S:g} s"] = _check(l["median_ms"] <= TARGET_EXPORT_S * 1000)
        elif large.get("computed"):
            # The floor ratio is a warm page's target; a computed one has its own budget.
            row["checks"][f"computed ≤ {TARGET_COMPUTED_MS:g} ms"] = _check(l["median_ms"] <= TARGET_COMPUTED_MS)
        else:
            target = s.get("floor_target", TARGET_FLOOR)
            row["checks"][f"≤ {target:g} × floor"] = _check(row["floor_ratio"] <= target)
        rows.append(row)
    return rows


def table(results, rows):
    """The comparison as fixed-width text."""
    small, large = results[0]["scale"], results[-1]["scale"]
    two = len(results) > 1
    scales = [small, large] if two else [small]
    head = f"{'page':<34} {'as':<11} {'queries':>9} "
    for sc in scales:
        head += f"{sc + ' med':>14} {'p95':>9} "
    head += f"{'growth':>7} {'×floor':>7}  result"
    lines = [head, "-" * len(head)]
    floor_line = f"{'floor':<34} {'officer':<11} "
    floor_line += f"{'/'.join(str(r['floor']['queries']) for r in (results if two else results[:1])):>9} "
    for r in (results if two else results[:1]):
        floor_line += f"{r['floor']['median_ms']:>11.1f} ms {r['floor']['p95_ms']:>6.1f} ms "
    lines.append(floor_line)
    for row in rows:
        if not row["available"]:
            lines.append(f"{row['label']:<34} {row['persona']:<11} not in this version of the site")
            continue
        per = row["scales"]
        q = "/".join(str(per[sc]["queries"]) for sc in scales)
        line = f"{row['label'][:34]:<34} {row['persona']:<11} {q:>9} "
        for sc in scales:
            line += f"{per[sc]['median_ms']:>11.1f} ms {per[sc]['p95_ms']:>6.1f} ms "
        growth = f"{row['growth']:.2f}" if "growth" in row else "—"
        line += f"{growth:>7} {row['floor_ratio']:>7.1f}  "
        line += verdict(row["checks"])
        lines.append(line)
    lines.append(f"cache: {cache_used(results)}")
    return "\n".join(lines)


def cache_used(results):
    """Which cache the pages ran with, in words (results of runs before 7 December 2026 do not say)."""
    names = sorted({r.get("cache", "?") for r in results})
    words = {"DummyCache": "none (DummyCache: every page computed afresh)",
             "RedisCache": "Redis (CACHE_URL: the figures and the year pages' bodies served per generation)",
             "LocMemCache": "local memory", "?": "not recorded"}
    text = ", ".join(words.get(n, n) for n in names)
    if any(r.get("computed") for r in results):
        text += "; every request computed (the target plan's generation bumped before it, as a submission does)"
    return text


def markdown(results, rows):
    """The comparison as a Markdown table (for the README's performance section)."""
    small, large = results[0], results[-1]
    out = [f"| page | as | queries | {small['scale']} median / p95 (ms) | {large['scale']} median / p95 (ms) | "
           f"{large['scale']} SQL (ms) | {large['scale']} KiB | growth | × floor | result |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
           f"| floor | officer | {small['floor']['queries']} | {small['floor']['median_ms']:.1f} / "
           f"{small['floor']['p95_ms']:.1f} | {large['floor']['median_ms']:.1f} / {large['floor']['p95_ms']:.1f} | "
           f"{large['floor']['sql_ms']:.0f} | {large['floor']['bytes'] // 1024} | | | |"]
    for row in rows:
        if not row["available"]:
            out.append(f"| {row['label']} | {row['persona']} | not in this version of the site | | | | | | | |")
            continue
        s, l = row["scales"][small["scale"]], row["scales"][large["scale"]]
        growth = f"{row['growth']:.2f}" if "growth" in row else ""
        out.append(
            f"| {row['label']} | {row['persona']} | {s['queries']}/{l['queries']} | {s['median_ms']:.0f} / {s['p95_ms']:.0f} "
            f"| {l['median_ms']:.0f} / {l['p95_ms']:.0f} | {l['sql_ms']:.0f} | {l['bytes'] // 1024} | {growth} | "
            f"{row['floor_ratio']:.1f} | {verdict(row['checks'])} |")
    out.append(f"\nCache: {cache_used(results)}.")
    return "\n".join(out)
