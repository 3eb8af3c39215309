"""Issue #19, item 2: evidence in storage every app server shares (FILE_STORAGE=database: operations.storage), and
the evidence download served after the permission check, by the app or by nginx (X-Accel-Redirect)."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from operations.models import StoredFile
from operations.storage import DatabaseStorage
from reports.models import Evidence
from reports.tests.test_report_pages import PDF, form_data
from testing.factories import make_user, report_world

DATABASE = {"BACKEND": "operations.storage.DatabaseStorage"}


@pytest.fixture
def world(db, django_user_model, tmp_media):
    w = report_world(django_user_model)
    make_user(django_user_model, "stranger", w.who["districts"][0])  # an officer of another agency
    return w.report, w.officer, w.coordinator, tmp_media


def upload_and_submit(report, officer, content=PDF + b"bang chung", name="Biên bản.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    browser = Client()
    browser.force_login(officer)
    line = report.lines.first()
    response = browser.post(report.get_absolute_url(), form_data(
        report, **{f"line-{line.pk}-evidence": SimpleUploadedFile(name, content, "application/pdf")}))
    assert response.status_code == 302
    report.refresh_from_db()
    assert browser.post(reverse("reports:report-submit", args=[report.pk]),
                        {"version": report.version}).status_code == 302
    return Evidence.objects.get(task_report__report=report)


def test_evidence_in_the_database_storage_is_downloaded_whole_and_never_touches_the_disk(world, settings):
    report, officer, coordinator, media = world
    settings.STORAGES = {**settings.STORAGES, "default": DATABASE}
    content = PDF + bytes(range(256)) * 400
    evidence = upload_and_submit(report, officer, content)
    assert StoredFile.objects.get(name=evidence.file.name).size == len(content)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))
    browser = Client()
    browser.force_login(coordinator)
    response = browser.get(evidence.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert "Bi%C3%AAn%20b%E1%BA%A3n.pdf" in response["Content-Disposition"]
    assert Client().get(evidence.get_absolute_url()).status_code == 302  # signed out: to the login page


def test_with_nginx_in_front_the_app_answers_x_accel_redirect_after_its_check(world, settings, django_user_model):
    report, officer, coordinator, media = world
    settings.EVIDENCE_ACCEL_REDIRECT_PREFIX = "/protected-media/"
    evidence = upload_and_submit(report, officer)
    browser = Client()
    browser.force_login(coordinator)
    response = browser.get(evidence.get_absolute_url())
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == "/protected-media/" + evidence.file.name
    assert (media / evidence.file.name).is_file()
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    other = Client()
    other.force_login(django_user_model.objects.get(username="stranger"))
    refused = other.get(evidence.get_absolute_url())
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused


def test_database_storage_behaves_as_a_storage(db):
    storage = DatabaseStorage()
    name = storage.save("evidence/2024/abc", ContentFile(b"hello"))
    assert name == "evidence/2024/abc"
    assert storage.save("evidence/2024/abc", ContentFile(b"second")) != name  # a free name, never overwritten
    storage.save("evidence/2025/def", ContentFile(b"x"))
    assert storage.exists(name) and storage.size(name) == 5
    with storage.open(name) as f:
        assert f.read() == b"hello"
    assert storage.listdir("evidence") == (["2024", "2025"], [])
    assert storage.listdir("evidence/2024/")[1][0] == "abc" and len(storage.listdir("evidence/2024")[1]) == 2
    storage.delete(name)
    assert not storage.exists(name)
    with pytest.raises(FileNotFoundError):
        storage.open(name)


def test_clean_orphan_files_works_on_the_database_storage(world, settings):
    report, officer, coordinator, media = world
    settings.STORAGES = {**settings.STORAGES, "default": DATABASE}
    evidence = upload_and_submit(report, officer)
    DatabaseStorage().save("evidence/2024/orphan", ContentFile(b"left by a crash"))
    StoredFile.objects.filter(name="evidence/2024/orphan").update(modified_at="2020-01-01T00:00:00Z")
    call_command("clean_orphan_files")
    assert list(StoredFile.objects.values_list("name", flat=True)) == [evidence.file.name]
