"""Import speed: a task XLSX of many rows through the admin's import, preview then confirm.

The file is built in one process; the two admin requests run in a fresh child process (Django's
test client as a signed-in admin, DEBUG off), so that the child's peak resident memory (VmHWM) is
the import's, not the file builder's."""

import datetime
import os
import re
import resource
import time

import tablib
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from exchange.formats import XLSX
from tasks.models import Plan, Section, Task
from tasks.resources import TaskResource

from .scale import TASK_TITLES, THEMES, _purge

PREFIX = "import-bench-"
PLAN_CODE = f"{PREFIX}kh"
ADMIN = f"{PREFIX}admin"


def prepare(rows, sections=20):
    """A plan with sections to import into, an admin, and the XLSX bytes of ``rows`` new tasks."""
    cleanup()
    plan = Plan.objects.create(code=PLAN_CODE, number="999/KH-UBND", issue_date=datetime.date(2026, 1, 5),
                               title="Kế hoạch thử nhập nhiệm vụ hàng loạt", start_year=2026, end_year=2030)
    codes = []
    for i in range(1, sections + 1):
        Section.objects.create(plan=plan, code=f"II.{i}", number=str(i), title=f"Nhóm nhiệm vụ {i}", order=i)
        codes.append(f"II.{i}")
    get_user_model().objects.create_superuser(ADMIN, f"{ADMIN}@bench.invalid", "benchmark")
    resource = TaskResource()
    names = [name for name, field in resource.fields.items() if field.column_name in resource.get_export_headers()]
    headers = [resource.fields[name].column_name for name in names]  # the file's Vietnamese headers
    dataset = tablib.Dataset(headers=headers)
    kinds = ["ongoing", "annual", "deadline", "period", "budget_cycle"]
    for n in range(rows):
        section = codes[n % sections]
        kind = kinds[n % len(kinds)]
        values = {
            "plan": PLAN_CODE, "number": f"{n % sections + 1}.{n // sections + 1}", "section": section,
            "title": TASK_TITLES[n % len(TASK_TITLES)].format(theme=THEMES[n % len(THEMES)]) + f" (đợt {n + 1})",
            "content": "Nội dung chi tiết của nhiệm vụ, báo cáo kết quả trong báo cáo năm.",
            "target_quantity": 2 if n % 5 == 0 else "", "target_unit": "hội nghị" if n % 5 == 0 else "",
            "target_per_year": 1 if n % 5 == 0 else 0, "target_text": "02 hội nghị/1 năm" if n % 5 == 0 else "",
            "timeframe_kind": kind, "start_date": "01/01/2026" if kind == "period" else "",
            "end_date": "31/12/2027" if kind == "period" else "", "due_date": "30/11/2027" if kind == "deadline" else "",
            "timeframe_text": "Thường xuyên", "order": n + 1,
        }
        dataset.append([values.get(name, "") for name in names])
    return XLSX().export_data(dataset)


def cleanup():
    """Remove the benchmark plan, its tasks and their history rows, and the benchmark admin."""
    _purge(Plan.objects.filter(code__startswith=PREFIX))
    _purge(get_user_model().objects.filter(username__startswith=PREFIX))


def _maxrss_mib():
    """This process's peak resident memory. Linux's ``ru_maxrss`` keeps the parent's peak across
    fork and exec (the file builder's, and the Argon2 hash of the admin's password): VmHWM is this
    program's own."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cpu_s():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class _StatementCounter:
    """Counts the SQL statements sent (connection.execute_wrapper: no query log, negligible cost)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def run_import(content, filename="tasks.xlsx"):
    """Preview, then confirm, as an admin would in the browser. Returns timings and memory."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=ADMIN))
    url = reverse("admin:tasks_task_import")
    page = client.get(url).content.decode()
    fmt = re.search(r'<option value="(\d+)"[^>]*>\s*xlsx', page, re.I)
    baseline = _maxrss_mib()
    preview_sql, confirm_sql = _StatementCounter(), _StatementCounter()
    started, cpu = time.perf_counter(), _cpu_s()
    with connection.execute_wrapper(preview_sql):
        preview = client.post(url, {"import_file": SimpleUploadedFile(filename, content),
                                    "format": fmt.group(1) if fmt else "0", "resource": "0"})
    preview_s, preview_cpu_s = time.perf_counter() - started, _cpu_s() - cpu
    html = preview.content.decode()
    form = re.search(r'<form[^>]+action="([^"]*process_import[^"]*)".*?</form>', html, re.S)
    if preview.status_code != 200 or not form:
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)[:3]
        raise RuntimeError(f"The preview offered no confirm step (HTTP {preview.status_code}): {errors}")
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0)))
    hidden.pop("csrfmiddlewaretoken", None)
    after_preview = _maxrss_mib()
    started, cpu = time.perf_counter(), _cpu_s()
    with connection.execute_wrapper(confirm_sql):
        confirm = client.post(form.group(1), hidden)
    confirm_s, confirm_cpu_s = time.perf_counter() - started, _cpu_s() - cpu
    if confirm.status_code != 302:
        raise RuntimeError(f"Confirm answered HTTP {confirm.status_code}")
    return {"preview_s": preview_s, "confirm_s": confirm_s, "total_s": preview_s + confirm_s,
            "baseline_rss_mib": baseline, "peak_rss_mib": _maxrss_mib(), "after_preview_rss_mib": after_preview,
            # This process's CPU time (the database server's is not in it), and the 1-minute load average
            # at the end: on a busy machine the wall-clock times grow while these stay.
            "preview_cpu_s": preview_cpu_s, "confirm_cpu_s": confirm_cpu_s, "load_average": os.getloadavg()[0],
            "preview_statements": preview_sql.count, "confirm_statements": confirm_sql.count}


def verify(rows):
    tasks = Task.objects.filter(plan__code=PLAN_CODE)
    created_history = Task.history.filter(plan_id__in=Plan.objects.filter(code=PLAN_CODE).values("pk"),
                                          history_type="+").count()
    return {"tasks": tasks.count(), "history_rows": created_history,
            "ok": tasks.count() == rows and created_history == rows}
