import datetime

import pytest


@pytest.fixture
def axes_on(settings):
    """django-axes as in production: five failures lock a (username, address) pair out for 15 minutes; the client's
    address read from REMOTE_ADDR (no proxy in tests)."""
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    settings.REVERSE_PROXY_COUNT = 0
