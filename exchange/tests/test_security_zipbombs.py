"""Issue #12, item 3 (imports): an uploaded XLSX is checked for what it unpacks to before any of its parts is read
(exchange.zipguard), and refused with a message: too much in all, packed too many times, more than it declares,
too many parts. Real bombs, written as a stream to tmp_path; the memory a refused bomb costs is measured in a
child process (VmHWM: its own peak, not the parent's)."""

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exchange.formats import FORMATS, XLSX, FileReadError, read_dataset
from exchange.zipguard import ZipBombError, check_archive
from testing.zipbombs import write_bomb

MB = 1024 * 1024


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    """A 1.2 GB-looking workbook would take seconds to write; 300 MB shows the same (the cap is 100 MB)."""
    folder = tmp_path_factory.mktemp("bombs")
    return {
        "honest": write_bomb(folder / "honest.xlsx", "xlsx", unpacked=300 * MB),
        "lying": write_bomb(folder / "lying.xlsx", "xlsx", unpacked=300 * MB, lie_about_size=True),
        "dense": write_bomb(folder / "dense.xlsx", "xlsx", unpacked=20 * MB),  # under the cap, packed ~1000×
    }


def declared(path):
    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist())


def test_the_bombs_are_real(bombs):
    assert os.path.getsize(bombs["honest"]) < 400_000 and declared(bombs["honest"]) > 300 * MB
    assert os.path.getsize(bombs["lying"]) < 400_000 and declared(bombs["lying"]) < 100_000
    with zipfile.ZipFile(bombs["lying"]) as archive, archive.open("xl/worksheets/sheet1.xml") as sheet:
        sheet._left = 1 << 40  # read past what it declares, in pieces: it really holds ~300 MB
        unpacked = 0
        while piece := sheet.read(MB):
            unpacked += len(piece)
            if unpacked > 300 * MB:
                break
        assert unpacked > 300 * MB


@pytest.mark.parametrize("kind, message", [
    ("honest", "khi giải nén ra tới 300,"),
    ("lying", "giải nén ra nhiều hơn kích thước ghi trong tệp"),
    ("dense", r"nén tới 10\d\d lần"),
])
def test_a_bomb_is_refused_with_a_message_before_it_is_read(bombs, kind, message):
    with pytest.raises(FileReadError, match=message):
        read_dataset(bombs[kind].read_bytes(), XLSX)


def test_an_archive_with_too_many_parts_is_refused_before_its_directory_is_read(settings):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(settings.UPLOAD_ZIP_MAX_MEMBERS + 1):
            archive.writestr(f"x/{i}", b"")
    with pytest.raises(ZipBombError, match="10001 tệp nén bên trong, quá giới hạn 10000"):
        check_archive(buffer.getvalue(), "nhieu.xlsx")


def test_ordinary_workbooks_pass(settings):
    import openpyxl

    book = openpyxl.Workbook()
    for r in range(20_000):  # a sheet of ~8 MB, packed ~20×
        book.active.append([f"Nhiệm vụ {r}", r, "Thường xuyên", "Sở Tư pháp", r * 1.5])
    data = io.BytesIO()
    book.save(data)
    check_archive(data.getvalue())
    assert len(read_dataset(data.getvalue(), XLSX)) == 19_999


def test_the_limits_are_settings(bombs, settings):
    settings.UPLOAD_ZIP_MAX_RATIO = 2000
    check_archive(bombs["dense"].read_bytes())  # 20 MB at 1024×: under both limits now
    settings.UPLOAD_ZIP_MAX_UNPACKED_BYTES = 10 * MB
    with pytest.raises(ZipBombError, match="quá giới hạn 10,0"):
        check_archive(bombs["dense"].read_bytes())


def test_the_admin_import_shows_the_message_and_imports_nothing(admin_client, bombs):
    from tasks.models import Task

    response = admin_client.post(reverse("admin:tasks_task_import"), {
        "format": str(FORMATS.index(XLSX)), "resource": "0",
        "import_file": SimpleUploadedFile("nhiem-vu.xlsx", bombs["honest"].read_bytes()),
    })
    assert response.status_code == 200
    assert "khi giải nén ra tới 300," in response.content.decode()
    assert not response.context.get("confirm_form") and not Task.objects.exists()


MEASURE = """
import json, sys, time
import django
django.setup()
from exchange.formats import XLSX, FileReadError, read_dataset

def peak():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM"))

data = open(sys.argv[1], "rb").read()
before, started = peak(), time.monotonic()
try:
    read_dataset(data, XLSX)
    outcome = "read"
except FileReadError as error:
    outcome = str(error)
print(json.dumps({"before": before, "after": peak(), "seconds": time.monotonic() - started, "outcome": outcome}))
"""


@pytest.mark.parametrize("kind", ["honest", "lying"])
def test_a_refused_bomb_costs_no_memory(bombs, kind):
    """Before the guard a 1.2 MB workbook whose sheet unpacks to 1.2 GB took the reader from 61 to 2,475 MiB in
    12 s (2,110 MiB when the sheet declares 1 KiB: ZipFile.read() inflates it all before cutting to the declared
    size); refused by the guard, it stays at 61 MiB. These 300 MB bombs cost nothing measurable either."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "plan_tracker.test_settings"}
    out = subprocess.run([sys.executable, "-c", MEASURE, str(bombs[kind])], cwd=settings.BASE_DIR, env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["outcome"] != "read"
    assert figures["after"] - figures["before"] < 10, figures  # MiB
    assert figures["seconds"] < 2, figures
