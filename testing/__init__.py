"""Helpers for the test suite, in one place (not a Django app, never imported by the site).

- ``testing.factories``: small model factories (``make_agency``, ``make_task``, …), a small plan with
  obliged agencies (``small_plan``), filled and submitted reports, dates in local time.
- ``testing.scenarios``: the known world of the browsing pages' tests (``build_world``).
- ``testing.tools``: ``require_tool``: a test that needs Chromium, GNU gettext or LibreOffice skips
  where the tool is missing, except under ``CI=true``, where it fails.

The pytest fixtures (``seed``, ``admin_client``, the personas…) stay in the conftest files and use these.
"""
