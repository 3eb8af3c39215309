import pytest


@pytest.fixture(autouse=True)
def benchmark_data_allowed(settings, tmp_media):
    """The test runner turns DEBUG off; the benchmark settings' flag lets the generator write."""
    settings.BENCHMARK_DATA_ALLOWED = True
