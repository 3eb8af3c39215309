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


PASSWORD = "Mat-khau-cu-5821"


@pytest.fixture
def officer(db, django_user_model):
    """An officer of an agency, signed in with ``PASSWORD`` (the session tests' user)."""
    from testing.factories import make_agency, make_user

    user = make_user(django_user_model, "officer", make_agency(), email="officer@example.vn")
    user.set_password(PASSWORD)
    user.save()
    return user
