import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Evidence files go to a throw-away folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
