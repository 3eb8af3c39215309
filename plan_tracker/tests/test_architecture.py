"""The apps talk downward (STYLE.md §21; README "Architecture"): every import of one app by another goes from a
higher layer to a lower one, so no two apps import each other, directly or in a circle. Reports announce their
workflow events by a signal (reports.signals) that notifications connects to; tasks need nothing from reports.

The walk reads every module of every app (tests and migrations aside: tests may use any app) and every import
in it, at module level or inside a function alike."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Lowest first. An app may import the apps listed before it, never one listed after it.
LAYERS = [
    "plan_tracker",  # settings, urls (which include the apps by name, not by import), small project helpers
    "exchange",  # import/export machinery: formats, widgets, constraint checks, base resource, admin mixin
    "agencies",  # agencies, groups, memberships
    "accounts",  # sign-in, and roles (accounts.roles) from memberships and permissions
    "tasks",  # plans, sections, tasks, assignments, responsibilities
    "planimport",  # reading a plan's document into a plan (import_plan, the admin's upload, preview, confirm)
    "reports",  # yearly reports, their workflow and rules, the year's figures and exports
    "notifications",  # reminders, workflow mails, calendar feeds: listens to reports.signals
    "portal",  # the pages people browse, which join all of the above
    "operations",  # running the site: /healthz, the database file storage, backup, restore
    "benchmarks",  # tooling, installed only by benchmarks.settings
]
RANK = {app: i for i, app in enumerate(LAYERS)}


def _imports():
    """(importing app, imported app, file, line) for every import of one app by another."""
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "tests" in parts or "migrations" in parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                else:
                    continue
                for name in names:
                    target = name.split(".")[0]
                    if target in RANK and target != app:
                        yield app, target, path.relative_to(ROOT).as_posix(), node.lineno


def test_every_app_is_placed_in_a_layer():
    apps = {name for name in settings.INSTALLED_APPS if "." not in name and (ROOT / name).is_dir()}
    assert apps - set(LAYERS) == set()


def test_apps_import_only_the_layers_below_them():
    upward = [f"{path}:{line}: {app} imports {target}" for app, target, path, line in _imports()
              if RANK[target] > RANK[app]]
    assert upward == [], "\n".join(upward)


def test_the_walk_sees_the_imports_it_judges():
    """The guard itself: it finds known downward imports (a walk that found nothing would pass anything)."""
    edges = {(app, target) for app, target, _path, _line in _imports()}
    assert {("reports", "tasks"), ("tasks", "agencies"), ("notifications", "reports"), ("portal", "reports"),
            ("agencies", "exchange"), ("accounts", "agencies")} <= edges
