"""The compiled report as a clerk gets it, on the seed plan with the demo data: the coordinator makes the 2024
draft, edits one paragraph, downloads the DOCX; LibreOffice renders it to PDF (and poppler to images). The
body is short enough to sign, nothing is wider than the A4 text block, the charts are there, the edit is in."""

import datetime
import io
import re
import subprocess

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse

from agencies.models import Membership
from reports.models import CompiledDraft
from testing.tools import require_tool

#: The body (the pages before the one headed "Phụ lục 1": the appendices start on a page of their own) on the seed
#: plan with the demo data, in A4 pages: "about 6–10", charts, the coordinator's edit and the signature included.
BODY_PAGES = range(6, 11)
TEXT_WIDTH_TWIPS = round(165 * 1440 / 25.4)  # A4 less the Decree's margins (30 + 15 mm)


@pytest.fixture
def demo(seed, settings):
    settings.DEBUG = True  # the demo loaders refuse to run with DEBUG off
    for command in ("load_reorganisation_2025", "load_demo", "load_demo_reports"):
        call_command(command, stdout=io.StringIO())
    return seed


def _pdf(tmp_path, content):
    soffice = require_tool("soffice", install="LibreOffice: apt-get install libreoffice-writer-nogui")
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(content)
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                             "pdf", "--outdir", str(tmp_path), str(source)], capture_output=True, text=True,
                            timeout=300)
    pdf = tmp_path / "bao-cao.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    return pdf


def _pages(pdf):
    """The text of each page (pdftotext, form feeds between pages)."""
    pdftotext = require_tool("pdftotext", install="apt-get install poppler-utils")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def test_the_coordinator_edits_the_2024_draft_and_downloads_a_report_a_clerk_can_sign(client, demo, tmp_path,
                                                                                       django_user_model):
    coordinator = Membership.objects.filter(role=Membership.Role.COORDINATOR).select_related("user").first().user
    client.force_login(coordinator)
    draft_url = reverse("reports:year-draft", args=[demo.pk, 2024])
    assert client.post(reverse("reports:year-draft-regenerate", args=[demo.pk, 2024])).status_code == 302
    part = CompiledDraft.objects.get(plan=demo, year=2024).parts.get(key="assessment")
    page = client.get(draft_url).content.decode()
    version = re.search(r'id="part-%d".*?name="version" value="(\d+)"' % part.pk, page, re.S).group(1)
    edited = "Nhìn chung, các cơ quan, đơn vị đã triển khai nghiêm túc Kế hoạch; Sở đề nghị tiếp tục duy trì."
    response = client.post(reverse("reports:year-draft-part", args=[demo.pk, 2024, part.pk]),
                           {"text": part.text + "\n" + edited, "version": version})
    assert response.status_code == 302

    response = client.get(reverse("reports:year-export-docx", args=[demo.pk, 2024]))
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    assert edited in [p.text for p in document.paragraphs]
    # Nothing wider than the text block: every table's columns (the header's 5 mm into the margin apart).
    for table in document.tables:
        grid = [int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
                for col in table._tbl.tblGrid.iterchildren()]
        assert sum(grid) <= TEXT_WIDTH_TWIPS + round(5 * 1440 / 25.4) + 2, [c.text for c in table.rows[0].cells]
    # The three charts, as images no wider than the text block.
    pictures = document.inline_shapes
    assert len(pictures) == 3 and all(p.width <= docx.shared.Mm(165) for p in pictures)

    pdf = _pdf(tmp_path, response.content)
    pages = _pages(pdf)
    appendix = [i for i, text in enumerate(pages) if re.search(r"^\s*Phụ lục 1\s*$", text, re.M)]
    assert appendix, "no appendix"
    body = appendix[0]
    print(f"compiled report 2024: {body} body pages, {len(pages) - body} appendix pages")  # for the README (-s)
    assert body in BODY_PAGES, body
    assert any(edited[:40] in " ".join(p.split()) for p in pages[:body])
    assert all("Biểu đồ %d" % n in " ".join(pages[:body]) for n in (1, 2, 3))
    # Vietnamese numbers, never broken: the money total in one piece on its line.
    assert re.search(r"4\.\d{3}\.\d{3}", " ".join(pages[:body]))

    pdftoppm = require_tool("pdftoppm", install="apt-get install poppler-utils")
    subprocess.run([pdftoppm, "-r", "40", "-png", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == 2


def test_the_pdf_download_is_the_same_document(client, demo):
    from reports.exports import pdf

    if not pdf.available():
        pytest.skip("LibreOffice not installed: no PDF (the DOCX only)")
    coordinator = Membership.objects.filter(role=Membership.Role.COORDINATOR).select_related("user").first().user
    client.force_login(coordinator)
    response = client.get(reverse("reports:year-export-pdf", args=[demo.pk, 2024]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    page = client.get(reverse("reports:year-overview", args=[demo.pk, 2024])).content.decode()
    assert reverse("reports:year-export-pdf", args=[demo.pk, 2024]) in page


def test_without_libreoffice_no_pdf_link_and_404(client, demo, monkeypatch):
    from reports.exports import pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    coordinator = Membership.objects.filter(role=Membership.Role.COORDINATOR).select_related("user").first().user
    client.force_login(coordinator)
    page = client.get(reverse("reports:year-overview", args=[demo.pk, 2024])).content.decode()
    assert reverse("reports:year-export-pdf", args=[demo.pk, 2024]) not in page
    assert reverse("reports:year-export-docx", args=[demo.pk, 2024]) in page
    assert client.get(reverse("reports:year-export-pdf", args=[demo.pk, 2024])).status_code == 404
