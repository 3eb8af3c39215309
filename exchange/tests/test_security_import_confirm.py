"""Issue #12, item 5: a confirmed admin import is applied exactly once. The preview keeps the file in a
PendingImport row; the confirm takes (locks, deletes) that row in its own transaction, so a second post of the same
confirm (double click, back and resubmit, two tabs) finds it gone and gets a message, never a second import or a
500. Previews that offer no confirm keep nothing; unconfirmed ones go after IMPORT_PREVIEW_MAX_AGE_HOURS."""

import csv
import datetime
import io
import threading

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from exchange.formats import CSV, FORMATS
from exchange.models import PendingImport
from tasks.models import Task
from testing.factories import make_agency, make_plan, make_section

IMPORT = reverse("admin:tasks_task_import")
CONFIRM = reverse("admin:tasks_task_process_import")
CHANGELIST = reverse("admin:tasks_task_changelist")
ROWS = [["plan", "number", "section", "title", "timeframe_kind"],
        ["kh-thu", "1.1", "II.1", "Nhiệm vụ một", "ongoing"], ["kh-thu", "1.2", "II.1", "Nhiệm vụ hai", "ongoing"]]


def csv_file(rows=ROWS):
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return SimpleUploadedFile("nhiem-vu.csv", out.getvalue().encode("utf-8"))


@pytest.fixture
def plan(db):
    make_agency()
    plan = make_plan(code="kh-thu")
    make_section(plan, code="II.1")
    return plan


def preview(client, rows=ROWS):
    response = client.post(IMPORT, {"format": str(FORMATS.index(CSV)), "resource": "0", "import_file": csv_file(rows)})
    assert response.status_code == 200
    return response


def written():
    return Task.objects.count(), Task.history.count(), LogEntry.objects.count()


def test_the_same_confirm_posted_twice_imports_once_and_answers_with_a_message(admin_client, plan):
    confirm = preview(admin_client).context["confirm_form"].initial
    assert PendingImport.objects.count() == 1
    first = admin_client.post(CONFIRM, confirm)
    assert first.status_code == 302 and first["Location"] == CHANGELIST
    once = written()
    assert once[:2] == (2, 2)
    admin_client.raise_request_exception = False
    second = admin_client.post(CONFIRM, confirm)
    assert second.status_code == 302 and second["Location"] == CHANGELIST
    assert any("Tệp này đã được nhập" in str(m) for m in get_messages(second.wsgi_request))
    assert written() == once
    assert PendingImport.objects.count() == 0


def test_a_confirm_with_an_unknown_file_or_format_is_a_message(admin_client, plan):
    confirm = dict(preview(admin_client).context["confirm_form"].initial)
    admin_client.raise_request_exception = False
    response = admin_client.post(CONFIRM, {**confirm, "import_file_name": "0" * 32})
    assert response.status_code == 302 and "Tệp này đã được nhập" in str(list(get_messages(response.wsgi_request)))
    for bad in ("9", "x"):
        response = admin_client.post(CONFIRM, {**confirm, "format": bad})
        assert response.status_code == 302 and response["Location"] == IMPORT
    assert admin_client.post(CONFIRM, {**confirm, "import_file_name": "../../etc/passwd"}).status_code == 302
    assert written()[0] == 0 and PendingImport.objects.count() == 1  # the real preview is still there


def test_a_confirm_that_fails_midway_keeps_the_file_for_another_try(admin_client, plan, monkeypatch):
    from exchange.admin import ExchangeAdminMixin

    confirm = preview(admin_client).context["confirm_form"].initial

    def crash(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(ExchangeAdminMixin, "process_result", crash)
    admin_client.raise_request_exception = False
    assert admin_client.post(CONFIRM, confirm).status_code == 500
    assert written()[0] == 0 and PendingImport.objects.count() == 1  # rolled back, the file with it
    monkeypatch.undo()
    assert admin_client.post(CONFIRM, confirm).status_code == 302
    assert written()[:2] == (2, 2) and PendingImport.objects.count() == 0


def test_a_preview_without_a_confirm_keeps_nothing(admin_client, plan):
    bad = [ROWS[0], ["kh-thu", "1.1", "II.9", "Mục không có", "ongoing"]]
    response = preview(admin_client, bad)
    assert not response.context.get("confirm_form")
    assert PendingImport.objects.count() == 0


def test_unconfirmed_previews_go_after_their_age(admin_client, plan, settings):
    settings.IMPORT_PREVIEW_MAX_AGE_HOURS = 24
    preview(admin_client)
    PendingImport.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    confirm = preview(admin_client).context["confirm_form"].initial  # the next preview deletes the old one
    assert list(PendingImport.objects.values_list("token", flat=True)) == [confirm["import_file_name"]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_confirms_at_the_same_moment_import_once(plan, admin_user):
    client = Client()
    client.force_login(admin_user)
    confirm = preview(client).context["confirm_form"].initial
    barrier = threading.Barrier(2)
    answers = []

    def post():
        from django.db import connections

        own = Client()
        own.force_login(admin_user)
        own.raise_request_exception = False
        barrier.wait()
        response = own.post(CONFIRM, confirm)
        answers.append((response.status_code, [str(m) for m in get_messages(response.wsgi_request)]))
        connections.close_all()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(status for status, _ in answers) == [302, 302]
    assert sum(any("Tệp này đã được nhập" in m for m in msgs) for _, msgs in answers) == 1
    assert written()[:2] == (2, 2)
