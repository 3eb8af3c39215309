"""The benchmark tooling is not part of the site: production settings do not install it, so its commands
exist only with DJANGO_SETTINGS_MODULE=benchmarks.settings (README, Performance)."""

import os
import subprocess
import sys

import plan_tracker.settings as production
from django.conf import settings

BENCHMARK_COMMANDS = {"generate_scale_data", "run_benchmarks", "deadline_day", "deadline_capacity", "bench_import",
                      "officer_journey", "overview_cpu"}


def _commands(settings_module):
    """The command names ``manage.py help --commands`` lists with ``settings_module`` (a fresh process, its
    environment free of the test run's settings, DEBUG and SECRET_KEY)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY"}}
    env["DJANGO_SETTINGS_MODULE"] = settings_module
    return subprocess.Popen([sys.executable, "manage.py", "help", "--commands"], cwd=settings.BASE_DIR, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_production_settings_do_not_install_the_benchmarks():
    assert "benchmarks" not in production.INSTALLED_APPS
    assert "benchmarks" in settings.INSTALLED_APPS  # the test settings do: the suite tests the commands


def test_the_benchmark_commands_exist_with_the_benchmark_settings_only():
    runs = {name: _commands(name) for name in ("plan_tracker.settings", "benchmarks.settings")}  # side by side
    listed = {}
    for name, run in runs.items():
        out, err = run.communicate(timeout=60)
        assert run.returncode == 0, err
        listed[name] = set(out.split())
    assert "send_reminders" in listed["plan_tracker.settings"] and "migrate" in listed["plan_tracker.settings"]
    assert not BENCHMARK_COMMANDS & listed["plan_tracker.settings"]
    assert BENCHMARK_COMMANDS <= listed["benchmarks.settings"]
