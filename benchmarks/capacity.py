"""The deadline-day capacity: the largest number of officers arriving within the ramp that one machine holds.

``search`` is the rule (step up while a run holds, then halve the gap between the last run that held and the
first that did not); ``judge`` says whether one deadline-day run held; the command ``deadline_capacity`` runs
``deadline_day`` for each number the search asks about."""

OVERVIEW_P95_MS = 500
SUBMIT_P95_MS = 500


def judge(report):
    """(held, [what missed]) of one deadline_day JSON report: 0 errors, 0 lost, 0 doubled, every officer
    finished, submit p95 and the coordinators' overview p95 within their targets."""
    summary, checks = report["summary"], report["checks"]
    missed = [name for name in ("0 errors", "0 lost", "0 doubled") if not checks.get(name)]
    if summary.get("budget_exhausted"):
        missed.append("request budget exhausted")
    submit = summary["by_kind"].get("submit", {}).get("p95_ms")
    if submit is None or submit > SUBMIT_P95_MS:
        missed.append(f"submit p95 ≤ {SUBMIT_P95_MS} ms ({'none' if submit is None else f'{submit:.0f} ms'})")
    overview = summary["by_kind"].get("year overview", {}).get("p95_ms")
    if report.get("coordinators") and (overview is None or overview > OVERVIEW_P95_MS):
        missed.append(f"overview p95 ≤ {OVERVIEW_P95_MS} ms ({'none' if overview is None else f'{overview:.0f} ms'})")
    return not missed, missed


def search(holds, start, step, resolution, ceiling):
    """The largest n in [1, ceiling] for which ``holds(n)`` is true, assuming that holding is monotone.

    Tries ``start``, then goes up by ``step`` while runs hold (down by ``step`` while they do not), then bisects
    the gap until it is at most ``resolution``. Returns (capacity or 0, [(n, held), …] in the order tried);
    capacity is ``ceiling`` if every run up to it held."""
    tried = []

    def run(n):
        held = holds(n)
        tried.append((n, held))
        return held

    low, high = 0, None  # low: the largest n known to hold; high: the smallest known not to
    n = max(1, min(start, ceiling))
    if run(n):
        low = n
        while low < ceiling:
            n = min(low + step, ceiling)
            if run(n):
                low = n
            else:
                high = n
                break
        if high is None:
            return low, tried
    else:
        high = n
        while high > 1:
            n = max(1, high - step)
            if run(n):
                low = n
                break
            high = n
        if low == 0:
            return 0, tried
    while high - low > resolution:
        n = (low + high) // 2
        if run(n):
            low = n
        else:
            high = n
    return low, tried
