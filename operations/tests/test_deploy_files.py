"""Issue #19: the files of deploy/ agree with the app: nginx's body limit with the upload caps, the units with the
commands and files they run."""

import math
import re
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands

DEPLOY = Path(settings.BASE_DIR) / "deploy"
MIB = 1024 * 1024


def test_nginx_accepts_the_largest_save_the_app_accepts_and_no_more_than_a_megabyte_beyond():
    conf = (DEPLOY / "nginx" / "plan-tracker-app.conf").read_text()
    limit = int(re.search(r"^client_max_body_size (\d+)m;", conf, re.M).group(1))
    largest = settings.EVIDENCE_MAX_BYTES_PER_SAVE + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert limit == math.ceil(largest / MIB) + 1
    assert limit * MIB > settings.IMPORT_MAX_UPLOAD_BYTES


def test_the_protected_media_location_is_internal_and_matches_the_example_prefix():
    conf = (DEPLOY / "nginx" / "plan-tracker-app.conf").read_text()
    block = conf.split("location /protected-media/ {", 1)[1].split("}", 1)[0]
    assert "internal;" in block and "alias /var/lib/plan-tracker/media/;" in block
    assert "#EVIDENCE_ACCEL_REDIRECT_PREFIX=/protected-media/" in (DEPLOY / "plan-tracker.env.example").read_text()


def test_the_units_run_commands_and_files_that_exist():
    commands = get_commands()
    for unit in (DEPLOY / "systemd").iterdir():
        for line in unit.read_text().splitlines():
            for command in re.findall(r"manage\.py (\w+)", line):
                assert command in commands, f"{unit.name}: manage.py {command} does not exist"
            for path in re.findall(r"-c (deploy/\S+)", line):
                assert (Path(settings.BASE_DIR) / path).is_file(), f"{unit.name}: {path} is missing"
