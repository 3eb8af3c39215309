"""Issue #19, item 6: an upgrade from the previous landed version. That version's code (``git archive``) creates and
fills a database (the seed plan, its reorganisation, the demo accounts and reports), as a province's server would
hold it; this version's ``migrate`` then upgrades it, and every report, line, indicator value and event is still
there, and no migration is left unapplied or missing.

PREVIOUS_RELEASE is the version landed before this one: bump it when a release lands. Runs once per CI run, on
PostgreSQL (the production database); skipped on SQLite."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from testing.tools import require_tool, unavailable

ROOT = Path(__file__).resolve().parents[2]
# main as landed by session 16 (7 December 2026, 64ebd65): the release this one upgrades.
PREVIOUS_RELEASE = "64ebd6529ae536fd565a9a9f77491225e983a950"

COUNTS = ("import json; from reports.models import AgencyReport, TaskReport, IndicatorValue, ReportEvent, Evidence; "
          "print(json.dumps({m.__name__: m.objects.count() for m in "
          "(AgencyReport, TaskReport, IndicatorValue, ReportEvent, Evidence)}))")
# The previous release fills its database in one process (five commands, one start-up).
FILL = ("import io; from django.core.management import call_command as c; out = io.StringIO(); "
        "c('migrate', interactive=False, verbosity=0); "
        "c('loaddata', 'fixtures/seed_151_kh_ubnd_2023.json', 'fixtures/indicators_151_kh_ubnd_2023.json', "
        "verbosity=0); c('load_reorganisation_2025', stdout=out); c('load_demo', stdout=out); "
        "c('load_demo_reports', stdout=out); ")
# This release upgrades it, checks nothing is left unapplied, and counts.
UPGRADE = ("import io; from django.core.management import call_command as c; "
           "c('migrate', interactive=False, verbosity=0); c('migrate', check_unapplied=True, verbosity=0); ")


def run(code_dir, *args, env):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=code_dir, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, f"{code_dir.name}: manage.py {' '.join(args)}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.mark.django_db
def test_the_previous_release_s_database_upgrades_to_this_one(tmp_path):
    git = require_tool("git", install="apt-get install git")
    if connection.vendor != "postgresql":
        pytest.skip("the upgrade is tested once, on PostgreSQL: this test runs in the PostgreSQL pass of `make test`")
    previous = tmp_path / "previous"
    previous.mkdir()
    archive = subprocess.run([git, "archive", "--format=tar", PREVIOUS_RELEASE], cwd=ROOT, capture_output=True)
    if archive.returncode:
        unavailable(f"git cannot read the previous release {PREVIOUS_RELEASE[:9]} (a shallow clone?)",
                    install="git fetch --unshallow")
    subprocess.run(["tar", "-x", "-C", str(previous)], input=archive.stdout, check=True)

    settings = connection.settings_dict
    name = f"{settings['NAME']}_upgrade"[:63]
    server = f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"

    def psql(sql):
        subprocess.run(["psql", f"{server}/postgres", "-qc", sql], check=True, capture_output=True)

    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{name}"')
    env = {**{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
           "DJANGO_SETTINGS_MODULE": "plan_tracker.settings", "DATABASE_URL": f"{server}/{name}",
           "DEBUG": "true", "MEDIA_ROOT": str(tmp_path / "media")}
    try:
        before = json.loads(run(previous, "shell", "-c", FILL + COUNTS, env=env).strip().splitlines()[-1])
        assert before["AgencyReport"] > 50 and before["ReportEvent"] > 50
        after = json.loads(run(ROOT, "shell", "-c", UPGRADE + COUNTS, env=env).strip().splitlines()[-1])
        assert after == before
    finally:
        psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
