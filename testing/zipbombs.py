"""Decompression bombs for the tests: real XLSX and DOCX files whose main part unpacks to many times the file's
size (whitespace between the XML elements, which every reader accepts and deflate squeezes ~1000:1), written to
disk as a stream so that the test itself never holds the unpacked part in memory."""

import io
import struct
import zipfile

CHUNK = 1024 * 1024


def _template_xlsx():
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["plan", "number", "section", "title", "timeframe_kind"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), "xl/worksheets/sheet1.xml", b"</sheetData>"


def _template_docx():
    import docx

    document = docx.Document()
    document.add_paragraph("Biên bản")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), "word/document.xml", b"</w:body>"


def write_bomb(path, kind="xlsx", unpacked=300 * CHUNK, lie_about_size=False):
    """Write a ``kind`` ("xlsx" or "docx") file to ``path`` whose main part unpacks to about ``unpacked`` bytes.

    ``lie_about_size``: the zip's headers then declare that part 1 KiB unpacked (a reader trusting them is fooled;
    one that decompresses counting is not). Returns the path."""
    template, part, closing = {"xlsx": _template_xlsx, "docx": _template_docx}[kind]()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != part:
                bomb.writestr(info.filename, data)
                continue
            head, tail = data.split(closing)
            target = zipfile.ZipInfo(part, date_time=info.date_time)
            target.compress_type = zipfile.ZIP_DEFLATED
            with bomb.open(target, "w", force_zip64=unpacked > 2**31) as out:
                out.write(head)
                padding = b" " * CHUNK
                for _ in range(unpacked // CHUNK):
                    out.write(padding)
                out.write(closing + tail)
    if lie_about_size:
        _declare_size(path, part, 1024)
    return path


def _declare_size(path, part, size):
    """Overwrite the unpacked size of ``part`` in its local and central headers (zip without zip64 only)."""
    with open(path, "r+b") as f:
        data = f.read()
        name = part.encode()
        for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            start = 0
            while (at := data.find(signature, start)) != -1:
                start = at + 4
                name_at = at + (30 if signature == b"PK\x03\x04" else 46)
                if data[name_at:name_at + len(name)] == name:
                    f.seek(at + offset)
                    f.write(struct.pack("<I", size))
