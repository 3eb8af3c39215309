"""The compiled report as PDF: the DOCX converted by LibreOffice (``soffice --headless --convert-to pdf``) where
it is installed on the server. The DOCX is always available; the PDF link shows only where ``available()``.

Each conversion runs in a temporary directory with its own LibreOffice profile (two at once would otherwise
fight over the user's profile and one would fail), with a time limit.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

PDF_CONTENT_TYPE = "application/pdf"
TIMEOUT = 120


class PdfUnavailable(Exception):
    """LibreOffice is missing, or the conversion failed or took too long."""


def soffice():
    """The path of LibreOffice's ``soffice`` (or ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def available():
    return soffice() is not None


def docx_to_pdf(content):
    """The PDF of a DOCX (bytes in, bytes out)."""
    program = soffice()
    if program is None:
        raise PdfUnavailable("soffice not found")
    with tempfile.TemporaryDirectory(prefix="plan-tracker-pdf-") as tmp:
        source = Path(tmp) / "bao-cao.docx"
        source.write_bytes(content)
        try:
            result = subprocess.run(
                [program, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", tmp, str(source)],
                capture_output=True, timeout=TIMEOUT, check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfUnavailable(str(error)) from error
        pdf = Path(tmp) / "bao-cao.pdf"
        if result.returncode != 0 or not pdf.exists():
            raise PdfUnavailable(result.stderr.decode("utf-8", "replace")[-500:])
        return pdf.read_bytes()
