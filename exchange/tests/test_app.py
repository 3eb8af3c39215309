"""exchange is generic machinery: it imports nothing from the domain apps that use it."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

EXCHANGE = Path(__file__).resolve().parent.parent


def project_apps():
    """The project's own apps (those in the repository), except exchange and the settings package."""
    base = Path(settings.BASE_DIR).resolve()
    return {
        config.name for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base and config.name != "exchange"
    }


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_exchange_imports_nothing_from_the_domain_apps():
    domain = project_apps()
    assert {"agencies", "tasks", "reports", "notifications", "accounts"} <= domain
    found = {
        f"{path.relative_to(EXCHANGE)}: {module}"
        for path in EXCHANGE.glob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in domain
    }
    assert not found
