"""``plan_tracker.cache.remember``: one computation per key at a time, on local memory and on Redis (issue #18).

Deadline day: twenty coordinators open the overview just invalidated by a submission. Each computing it costs
each of them the same CPU; one computes it and the others wait for its value."""

import threading
import time

import pytest
from django.core.cache import caches

from plan_tracker import cache as generations
from testing.cache_backends import backend_fixture




backend = backend_fixture(autouse=False)


class Computation:
    def __init__(self, seconds=0.3, fail=False):
        self.calls = 0
        self.seconds = seconds
        self.fail = fail
        self.lock = threading.Lock()

    def __call__(self):
        with self.lock:
            self.calls += 1
            n = self.calls
        time.sleep(self.seconds)
        if self.fail:
            raise RuntimeError("the computation failed")
        return {"computed": n}


def _remember(compute, scope="plan:1", **kwargs):
    return generations.remember("fig:test", (1, 2024), ("all", scope), compute, **kwargs)


def _let_go():
    """A thread's own cache object (Django's are per thread): close its Redis connections before the thread ends."""
    for pool in getattr(getattr(caches["default"], "_cache", None), "_pools", {}).values():
        pool.disconnect()


def _thread(target):
    def run():
        try:
            target()
        finally:
            _let_go()

    return threading.Thread(target=run)


def _in_threads(n, target):
    results, errors = [None] * n, []

    def run(i):
        try:
            results[i] = target()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            _let_go()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results, errors


def test_concurrent_misses_compute_once_and_all_get_the_value(backend):
    compute = Computation()
    _remember(lambda: None)  # the generations exist before the race (as after any earlier request)
    results, errors = _in_threads(6, lambda: _remember(compute))
    assert not errors
    assert compute.calls == 1
    assert results == [{"computed": 1}] * 6


def test_a_waiter_never_gets_an_older_generations_value(backend):
    """A bump while the computation runs: a request arriving after it computes the new value itself (its key holds
    the new generation) and never receives the value of the old one."""
    compute = Computation(seconds=0.4)
    _remember(lambda: None)
    first, _ = [], None
    t = _thread(lambda: first.append(_remember(compute)))
    t.start()
    time.sleep(0.1)
    generations._bump_now(("plan:1",))  # (bump() without a database: only its immediate half)
    fresh = Computation(seconds=0.0)
    assert _remember(fresh) == {"computed": 1}
    assert fresh.calls == 1
    t.join(10)
    assert first == [{"computed": 1}] and compute.calls == 1


def test_a_computation_that_failed_leaves_no_lock_behind(backend):
    with pytest.raises(RuntimeError):
        _remember(Computation(seconds=0, fail=True))
    started = time.monotonic()
    assert _remember(Computation(seconds=0)) == {"computed": 1}
    assert time.monotonic() - started < 1


def test_a_lock_whose_holder_died_is_waited_for_at_most_wait_seconds(backend):
    _remember(lambda: None)
    key = f"pt{generations.FORMAT}:fig:test:{generations.version_tag(1, 2024, scopes=('all', 'plan:1'))}"
    caches["default"].add(key + ":lock", 1, timeout=60)  # a worker killed while computing
    started = time.monotonic()
    compute = Computation(seconds=0)
    assert _remember(compute, wait=0.5) == {"computed": 1}
    assert 0.4 <= time.monotonic() - started < 3
    assert compute.calls == 1


def _failing_holder(seconds=0.3):
    """A request that takes the key's lock and whose computation raises after ``seconds``, in a thread (started,
    and given 0.1 s to take the lock): join it."""
    _remember(lambda: None)  # the generations exist before the race
    t = _thread(lambda: pytest.raises(RuntimeError, _remember, Computation(seconds=seconds, fail=True)))
    t.start()
    time.sleep(0.1)
    return t


def test_a_waiter_whose_computing_neighbour_failed_computes_it_itself(backend):
    t = _failing_holder()
    started = time.monotonic()
    assert _remember(Computation(seconds=0)) == {"computed": 1}
    assert time.monotonic() - started < 2  # not the whole lock timeout
    t.join(10)


# --- a cached value belongs to one release ----------------------------------------------------------------------

@pytest.mark.parametrize("changed, counts", [
    ("reports/views.py", True), ("templates/reports/page.html", True), ("locale/vi/LC_MESSAGES/django.mo", True),
    ("reports/tests/test_page.py", False), (".venv/lib/site.py", False), ("README.md", False),
    ("requirements.txt", True), ("media/evidence/x.py", False),
])
def test_the_release_token_changes_with_the_code_templates_and_translations(settings, tmp_path, changed, counts):
    for name in ("reports/views.py", "templates/reports/page.html", "locale/vi/LC_MESSAGES/django.mo",
                 "reports/tests/test_page.py", ".venv/lib/site.py", "README.md", "requirements.txt",
                 "media/evidence/x.py"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("bản gốc")
    settings.BASE_DIR = tmp_path
    generations.release.cache_clear()
    try:
        before, tag = generations.release(), generations.version_tag("x", 2024)
        (tmp_path / changed).write_text("bản mới")
        generations.release.cache_clear()
        assert (generations.release() != before) is counts
        # Every cache key and ETag carries it: another release's entries are never read.
        assert (generations.version_tag("x", 2024) != tag) is counts
    finally:
        generations.release.cache_clear()


def test_when_the_computation_fails_one_waiter_computes_again_not_every_one(backend):
    t = _failing_holder()
    retry = Computation(seconds=0.3)
    results, errors = _in_threads(5, lambda: _remember(retry))
    t.join(10)
    assert not errors and results == [{"computed": 1}] * 5
    assert retry.calls == 1


def test_a_waiter_that_gave_up_leaves_the_holders_lock_alone(backend):
    _remember(lambda: None)
    key = f"pt{generations.FORMAT}:fig:test:{generations.version_tag(1, 2024, scopes=('all', 'plan:1'))}"
    caches["default"].add(key + ":lock", "someone-else", timeout=60)  # a holder still computing, slowly
    assert _remember(Computation(seconds=0), wait=0.3) == {"computed": 1}
    assert caches["default"].get(key + ":lock") == "someone-else"


def _lock_key():
    return f"pt{generations.FORMAT}:fig:test:{generations.version_tag(1, 2024, scopes=('all', 'plan:1'))}:lock"


def test_a_holder_whose_lock_expired_and_was_taken_never_deletes_the_takers_lock(backend):
    """The holder's computation outlived its lock (LOCK_TIMEOUT); another request took the lock with its own token.
    The holder's release leaves the taker's lock alone."""
    _remember(lambda: None)

    def slow_compute():
        caches["default"].set(_lock_key(), "taker", timeout=60)  # ours expired, another took it
        return {"computed": 1}

    assert _remember(slow_compute) == {"computed": 1}
    assert caches["default"].get(_lock_key()) == "taker"


def test_the_release_is_one_step_no_taker_slips_between_a_look_and_the_delete(backend, monkeypatch):
    """Release as compare-and-delete in one step (a Lua script on Redis, under the cache's lock on local memory):
    a release that looked at the lock (its own token), then deleted it, would delete the lock of a request that
    took it in between (the holder's own expiring at that instant). Simulated: every look at a lock that finds it
    held is followed at once by another request taking it; whatever the release does, the taker's lock stays."""
    backend_cache = caches["default"]
    _remember(lambda: None)
    real_get = backend_cache.get
    taken = []

    def get_then_taken(key, *args, **kwargs):
        value = real_get(key, *args, **kwargs)
        if key.endswith(":lock") and value is not None and value != "taker":
            backend_cache.set(key, "taker", timeout=60)  # the holder's lock expired just now; another took it
            taken.append(key)
        return value

    monkeypatch.setattr(backend_cache, "get", get_then_taken)
    assert _remember(Computation(seconds=0)) == {"computed": 1}
    monkeypatch.undo()
    # The release looked nowhere (nothing was taken) and deleted its own lock, or the taker's lock is still there.
    assert backend_cache.get(_lock_key()) == ("taker" if taken else None)
    assert not taken  # one step: the release never reads the lock first


def test_the_release_deletes_the_holders_own_lock(backend):
    _remember(Computation(seconds=0))
    assert caches["default"].get(_lock_key()) is None
