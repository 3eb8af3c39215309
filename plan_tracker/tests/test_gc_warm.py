"""The server process's collector freezes what the warm process holds (plan_tracker.gc_warm, issue #18)."""

import gc
import importlib

import pytest
from django.core.signals import request_finished

from plan_tracker import gc_warm


@pytest.fixture
def calls(monkeypatch):
    """gc.collect and gc.freeze recorded, not run (a frozen test process would keep every test's objects). The tests
    that send request_finished take ``db``: its other receivers (close_old_connections) touch the connections."""
    made = []
    monkeypatch.setattr(gc, "collect", lambda *a: made.append("collect"))
    monkeypatch.setattr(gc, "freeze", lambda: made.append("freeze"))
    yield made
    request_finished.disconnect(dispatch_uid=gc_warm.DISPATCH_UID)


def connected():
    return sum(entry[0][0] == gc_warm.DISPATCH_UID for entry in request_finished.receivers)


def test_freezes_after_a_full_collection_at_the_given_requests_then_disconnects(calls, db):
    receiver = gc_warm.install(at=(1, 3, 5))
    assert connected()
    request_finished.send(sender=None)
    assert calls == ["collect", "freeze"]  # the garbage of the moment freed first, never frozen
    request_finished.send(sender=None)
    assert calls == ["collect", "freeze"]
    request_finished.send(sender=None)
    assert calls == ["collect", "freeze"] * 2
    request_finished.send(sender=None)
    assert connected()
    request_finished.send(sender=None)
    assert calls == ["collect", "freeze"] * 3 and receiver.freezes == 3
    assert not connected()  # never again in the process's life
    for _ in range(10):
        request_finished.send(sender=None)
    assert calls == ["collect", "freeze"] * 3


def test_installed_once_per_process(calls, db):
    first = gc_warm.install(at=(2,))
    second = gc_warm.install(at=(2,))
    assert connected() == 1
    request_finished.send(sender=None)
    request_finished.send(sender=None)
    assert calls == ["collect", "freeze"] and second.freezes == 1 and first.freezes == 0


def test_the_server_installs_it_and_the_test_client_does_not(calls, client):
    client.get("/healthz")
    assert calls == []  # tests and commands never freeze (the mail worker as a program does: test_worker_gc.py)
    import plan_tracker.wsgi

    importlib.reload(plan_tracker.wsgi)
    assert connected()
    client.get("/healthz")
    assert calls == ["collect", "freeze"]


def test_real_freeze_stops_the_collector_walking_what_exists():
    try:
        gc.collect()
        gc.freeze()
        assert gc.get_freeze_count() > 1000
        assert len(gc.get_objects()) < gc.get_freeze_count()
    finally:
        gc.unfreeze()
