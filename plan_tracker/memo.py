"""A bounded memo local to the process, for HTML that is a pure function of its key.

What it holds needs no invalidation: the key names everything the value depends on (the values shown, the
language, the URL prefix…), so a changed value is another key and an entry can never differ from what computing it
now would give. No cache round trip, no lock (one thread may render a value another is rendering: both get the
same). Bounded: emptied when full (cheaper than an LRU, and the working set is refilled by the next requests)."""


def memo(store, key, render, limit):
    """``store[key]``, else ``render()`` stored under ``key`` (``store`` emptied first when it holds ``limit``
    entries). ``render()`` must not return None (None reads as a miss)."""
    value = store.get(key)
    if value is None:
        value = render()
        if len(store) >= limit:
            store.clear()
        store[key] = value
    return value
