"""Tools from outside Python that some tests need (Chromium, GNU gettext, LibreOffice): skip here,
fail in CI.

On a developer's machine a missing tool skips the test that needs it, saying what to install. Under
``CI=true`` (``.ci/run`` exports it) the same test fails instead, so a CI machine that lost a tool cannot
pass by skipping what it was meant to check.
"""

import os
import shutil

import pytest


def in_ci():
    """True under CI=true (any case), as ``.ci/run`` and most CI services set it."""
    return os.environ.get("CI", "").strip().lower() == "true"


def unavailable(reason, *, install=""):
    """Skip the calling test (or fixture) locally; fail it under CI=true. ``install`` says how to get it."""
    hint = f" ({install})" if install else ""
    if in_ci():
        pytest.fail(f"{reason}{hint}. Under CI=true the tests that need it must run, not skip.", pytrace=False)
    pytest.skip(f"{reason}{hint}")


def find_tool(name, path=None):
    """The executable's path: ``path`` if it is one (absolute or a name on PATH), else ``name`` on PATH."""
    candidate = path or name
    if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
        return candidate
    return shutil.which(candidate)


def require_tool(*names, path=None, install=""):
    """The path of the tool (a list of paths for several names); if one is missing, unavailable().

        soffice = require_tool("soffice", install="apt-get install libreoffice-writer-nogui")
        require_tool("xgettext", "msgmerge", install="apt-get install gettext")
        require_tool("Chromium", path="/usr/bin/chromium", install="apt-get install chromium")

    ``path`` (one name only) is where to look instead of the name on PATH.
    """
    if not names or (path is not None and len(names) != 1):
        raise TypeError("require_tool() takes one or more tool names, and path= with a single name only")
    found, missing = [], []
    for name in names:
        where = find_tool(name, path)
        found.append(where)
        if where is None:
            missing.append(f"{name} at {path}" if path else name)
    if missing:
        unavailable(f"{', '.join(missing)} not found", install=install)
    return found[0] if len(names) == 1 else found
