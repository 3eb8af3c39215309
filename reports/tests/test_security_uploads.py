"""Issue #12, item 3 (evidence): a DOCX or XLSX sent as evidence is checked for what it unpacks to before its
parts are read; the files of one save are capped together (as they arrive, not after Django wrote them all to
disk), and a report's files in all. Each refusal is a message on the form (400), with what was typed kept, and
nothing saved: no row, no file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from reports.models import Evidence
from reports.services import EvidenceLimit, save_report
from testing.factories import report_world
from testing.zipbombs import write_bomb

from .test_report_pages import PDF, form_data

MB = 1024 * 1024


@pytest.fixture
def world(db, django_user_model, tmp_media):
    w = report_world(django_user_model)
    return w.report, w.officer, tmp_media


def files_on_disk(media):
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


def pdf(name, size):
    return SimpleUploadedFile(name, PDF + b"0" * (size - len(PDF)))


@pytest.mark.parametrize("kind, lie, message", [
    ("docx", False, "khi giải nén ra tới 200,"),
    ("xlsx", False, "khi giải nén ra tới 200,"),
    ("docx", True, "giải nén ra nhiều hơn kích thước ghi trong tệp"),
])
def test_an_evidence_bomb_is_refused_with_a_message(client, world, tmp_path, kind, lie, message):
    report, officer, media = world
    bomb = write_bomb(tmp_path / f"bien-ban.{kind}", kind, unpacked=200 * MB, lie_about_size=lie)
    line = report.lines.first()
    client.force_login(officer)
    response = client.post(report.get_absolute_url(), form_data(
        report, difficulties="Điều tôi vừa gõ",
        **{f"line-{line.pk}-evidence": SimpleUploadedFile(bomb.name, bomb.read_bytes())}))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and f"Tệp “bien-ban.{kind}”" in html and "Điều tôi vừa gõ" in html
    assert not Evidence.objects.exists() and files_on_disk(media) == []


def test_the_files_of_one_save_are_capped_together(client, world, settings):
    report, officer, media = world
    settings.EVIDENCE_MAX_BYTES_PER_SAVE = 5000
    first, second = report.lines.all()[:2]
    client.force_login(officer)
    response = client.post(report.get_absolute_url(), form_data(
        report, difficulties="Điều tôi vừa gõ", **{f"line-{first.pk}-evidence": pdf("mot.pdf", 3000),
                                                 f"line-{second.pk}-evidence": pdf("hai.pdf", 3000)}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tệp “hai.pdf” chưa được nhận: các tệp gửi trong một lần lưu cộng lại tối đa 4,9" in html
    assert "Điều tôi vừa gõ" in html  # the text fields after the skipped file were still read
    # The file that was taken in is kept (saved alone, issue #14: nothing lost); the other is named to choose again.
    assert [e.original_name for e in Evidence.objects.all()] == ["mot.pdf"] and len(files_on_disk(media)) == 1
    assert "hãy chọn lại: hai.pdf" in html
    report.refresh_from_db()
    assert report.difficulties == ""  # the texts wait for the errors to be fixed
    # Under the cap, both go.
    response = client.post(report.get_absolute_url(), form_data(
        report, **{f"line-{first.pk}-evidence": pdf("mot.pdf", 2000), f"line-{second.pk}-evidence": pdf("hai.pdf", 2000)}))
    assert response.status_code == 302 and Evidence.objects.count() == 3


def test_a_file_over_its_cap_is_dropped_as_it_arrives(client, world, settings):
    report, officer, media = world
    settings.EVIDENCE_MAX_BYTES = 1000
    line = report.lines.first()
    client.force_login(officer)
    response = client.post(report.get_absolute_url(), form_data(
        report, proposals="Đề xuất vừa gõ", **{f"line-{line.pk}-evidence": pdf("lon.pdf", 5000)}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tệp “lon.pdf” quá lớn; tối đa 1000" in html and "Đề xuất vừa gõ" in html
    assert not Evidence.objects.exists()


def test_the_service_caps_one_save_too(world, settings):
    report, officer, media = world
    settings.EVIDENCE_MAX_BYTES_PER_SAVE = 5000
    first, second = report.lines.all()[:2]
    with pytest.raises(EvidenceLimit, match="cộng lại tối đa"):
        save_report(report, officer, expected_version=report.version,
                    uploads=[(first, pdf("mot.pdf", 3000), "application/pdf"),
                             (second, pdf("hai.pdf", 3000), "application/pdf")])
    assert not Evidence.objects.exists() and files_on_disk(media) == []


def test_a_reports_files_are_capped_in_all(client, world, settings):
    report, officer, media = world
    settings.EVIDENCE_MAX_BYTES_PER_REPORT = 5000
    line = report.lines.first()
    client.force_login(officer)
    assert client.post(report.get_absolute_url(), form_data(
        report, **{f"line-{line.pk}-evidence": pdf("mot.pdf", 3000)})).status_code == 302
    report.refresh_from_db()
    response = client.post(report.get_absolute_url(), form_data(
        report, difficulties="Điều tôi vừa gõ", **{f"line-{line.pk}-evidence": pdf("hai.pdf", 3000)}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Báo cáo đã có 2,9" in html and "quá hạn mức 4,9" in html and "Điều tôi vừa gõ" in html
    assert list(Evidence.objects.values_list("original_name", flat=True)) == ["mot.pdf"]
    assert len(files_on_disk(media)) == 1
    report.refresh_from_db()
    assert report.difficulties == ""


def test_the_report_form_still_checks_csrf(world):
    report, officer, media = world
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    line = report.lines.first()
    response = client.post(report.get_absolute_url(), form_data(
        report, difficulties="x", **{f"line-{line.pk}-evidence": pdf("mot.pdf", 3000)}))
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.difficulties == "" and not Evidence.objects.exists()
