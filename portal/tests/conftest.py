"""The browsing pages' known data (testing.scenarios), shared by the portal's tests."""

import pytest

from testing.scenarios import build_world, log_in_viewer


@pytest.fixture
def world(db):
    """testing.scenarios.build_world: two plans, a few agencies and a group, tasks of every timeframe."""
    return build_world()


@pytest.fixture
def viewer(db, django_user_model, client, world):
    """A viewer of Sở Nội vụ, logged in on ``client``."""
    return log_in_viewer(client, django_user_model, world)
