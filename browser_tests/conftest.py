"""Real-browser tests: Debian's Chromium driven by Playwright for Python against pytest-django's
live_server. Run them apart from the rest of the suite:

    DJANGO_ALLOW_ASYNC_UNSAFE=true .venv/bin/pytest browser_tests

Without Chromium (or Playwright) they skip on a developer's machine and FAIL under CI=true, so a CI
machine that lost its browser cannot pass silently (testing.tools). Screenshots of the key pages go to screenshots/
(ignored by git)."""

import os
from pathlib import Path

import pytest

from testing.tools import require_tool, unavailable

try:
    # Playwright's waiting assertions, for the tests (from .conftest import expect): without Playwright the
    # browser fixture below skips the tests (fails them under CI=true) instead of an import error.
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover
    expect = None
else:
    # As long as the actions' timeout (new_page): on a loaded 2-core machine a page can take seconds.
    expect.set_options(timeout=15_000)

# Playwright's sync API runs an event loop in this thread: Django would refuse database access from
# it (SynchronousOnlyOperation), even in test setup. Only this separate test run allows it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def browser():
    chromium = require_tool("Chromium", path=CHROMIUM, install="apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed", install="pip install -r requirements-test.txt")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
    except Exception as error:  # a broken install fails the same way as a missing one
        playwright.stop()
        unavailable(f"Chromium does not start: {error}", install="apt-get install chromium")
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def new_page(browser, live_server):
    """new_page(viewport=DESKTOP) -> a page in a fresh browser context (own cookies), Vietnamese first."""
    contexts = []

    def make(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="vi-VN", base_url=live_server.url)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def shot():
    """shot(page, "name") saves screenshots/<name>.png (the full page) and returns its path."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def save(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
