import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(tmp_media):
    """Evidence files go to a throw-away folder per test."""
