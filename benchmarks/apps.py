from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Performance tooling only: scale data, the page benchmark, the deadline-day load test and the
    import benchmark. No models, no URLs in the site: production never depends on it."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
