"""The import benchmark (manage.py bench_import) still runs end to end: a small file through the admin's
preview and confirm, every task and its history row written, then removed again."""

from benchmarks import importbench
from tasks.models import Plan, Task


def test_the_import_benchmark_imports_a_small_file_with_history(db):
    content = importbench.prepare(40)

    result = importbench.run_import(content)

    assert result["preview_s"] > 0 and result["confirm_s"] > 0 and result["peak_rss_mib"] > 0
    # The statements of each pass (session and user included) do not grow with the 40 rows.
    assert 0 < result["preview_statements"] < 40 and 0 < result["confirm_statements"] < 40
    assert importbench.verify(40) == {"tasks": 40, "history_rows": 40, "ok": True}
    importbench.cleanup()
    assert not Plan.objects.filter(code=importbench.PLAN_CODE).exists()
    assert not Task.history.filter(title__endswith="(đợt 1)").exists()  # its history rows went too
