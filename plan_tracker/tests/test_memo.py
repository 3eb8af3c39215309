"""plan_tracker.memo.memo: a hit returns the stored value without rendering; a miss renders once and stores; the
store never holds more than its limit (emptied when full, then the new value stored)."""

from plan_tracker.memo import memo


def counting(value):
    calls = []

    def render():
        calls.append(value)
        return value

    return render, calls


def test_a_miss_renders_and_stores():
    store = {}
    render, calls = counting("<li>a</li>")
    assert memo(store, "a", render, 10) == "<li>a</li>"
    assert calls == ["<li>a</li>"] and store == {"a": "<li>a</li>"}


def test_a_hit_is_served_without_rendering():
    store = {"a": "<li>stored</li>"}
    render, calls = counting("<li>rendered</li>")
    assert memo(store, "a", render, 10) == "<li>stored</li>"
    assert memo(store, "a", render, 10) == "<li>stored</li>"
    assert calls == []


def test_each_key_renders_once():
    store = {}
    seen = [memo(store, key, counting(f"v{key}")[0], 10) for key in (1, 2, 1, 2, 3)]
    assert seen == ["v1", "v2", "v1", "v2", "v3"] and len(store) == 3


def test_the_store_is_bounded_emptied_when_full():
    store = {}
    for key in range(3):
        memo(store, key, lambda key=key: f"v{key}", 3)
    assert len(store) == 3
    # Full: the next miss empties the store, then keeps its own value.
    assert memo(store, "new", lambda: "fresh", 3) == "fresh"
    assert store == {"new": "fresh"}
    # A hit on a full store empties nothing.
    for key in range(2):
        memo(store, key, lambda key=key: f"v{key}", 3)
    assert memo(store, "new", lambda: "other", 3) == "fresh" and len(store) == 3


def test_a_limit_of_one_keeps_the_latest_value_only():
    store = {}
    memo(store, "a", lambda: "A", 1)
    memo(store, "b", lambda: "B", 1)
    assert store == {"b": "B"}
