"""Fixtures shared by every app's tests. The helpers behind them (factories, scenarios, tools) live in
the ``testing`` package."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from tasks.models import Plan
from testing.factories import INDICATORS_FIXTURE, SEED_FIXTURE


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (local memory, one per process): the database is rolled back between
    tests, and a row id reused by the next test must not find the figures cached for the last one."""
    cache.clear()
    yield
    # A page requested in English leaves English active in this thread (LocaleMiddleware activates, nothing
    # deactivates): the next test would read labels in English.
    translation.deactivate()


@pytest.fixture
def seed(db):
    """The seed plan 151/KH-UBND loaded from the fixture, as an admin would."""
    call_command("loaddata", SEED_FIXTURE, INDICATORS_FIXTURE, verbosity=0)
    return Plan.objects.get(number="151/KH-UBND")


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser(username="admin", password="pw-admin", email="admin@example.vn")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def tmp_media(settings, tmp_path):
    """MEDIA_ROOT in this test's own throw-away folder (uploaded evidence, generated files)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
