"""Zip bombs: an XLSX or DOCX file is a zip archive, and what a member unpacks to has nothing to do with the file's
size (a 1.2 MB workbook whose sheet unpacks to 1.2 GB took an import to 2.4 GB of memory). ``check_archive`` runs
before anything reads a member of an uploaded archive (the import's XLSX reader, the evidence check), and refuses
with a message for the person:

1. the number of members, read from the archive's end record before the central directory is parsed (a directory
   of 400,000 empty entries is ~200 MB of Python objects);
2. the unpacked sizes the archive declares: in all (``UPLOAD_ZIP_MAX_UNPACKED_BYTES``), and the ratio of unpacked to
   packed size of each member over 1 MiB (``UPLOAD_ZIP_MAX_RATIO``);
3. what each member really unpacks to, decompressed as a stream in 64 KiB pieces and counted, never kept: declared
   sizes are written by whoever made the file, and readers do not keep to them (Python's ``ZipFile.read()``
   decompresses the whole member before cutting it to the declared size: a sheet declared as 1 KiB that unpacks to
   1.2 GB took 2.1 GB). A member that unpacks to more than it declares is refused.

Only stored and deflated members (what Office writes) are accepted. Costs ~20 ms for a 10,000-row workbook and at
most the time to inflate ``UPLOAD_ZIP_MAX_UNPACKED_BYTES`` (~0.3 s for 100 MB); memory stays flat."""

import io
import struct
import zipfile
import zlib

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext

#: Members smaller than this are not judged by their ratio: they cannot unpack to much whatever it is.
RATIO_FLOOR = 1024 * 1024
_PIECE = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # signature … name length, extra length: 30 bytes


class ZipBombError(ValueError):
    """An archive refused before reading it; the message is for the person who sent it."""


def _label(name):
    return gettext("Tệp “%(name)s”") % {"name": name} if name else gettext("Tệp này")


def limits():
    return (settings.UPLOAD_ZIP_MAX_UNPACKED_BYTES, settings.UPLOAD_ZIP_MAX_RATIO, settings.UPLOAD_ZIP_MAX_MEMBERS)


def check_archive(file, name=""):
    """Refuse (ZipBombError) an archive that unpacks to too much, or would be costly to open. ``file``: bytes or a
    seekable binary file, left at the position it had; ``name``: the file's name for the message. Raises
    zipfile.BadZipFile for what is no zip at all, or a broken one."""
    max_unpacked, max_ratio, max_members = limits()
    fileobj = io.BytesIO(file) if isinstance(file, (bytes, bytearray, memoryview)) else file
    position = fileobj.tell()
    try:
        fileobj.seek(0)
        end = zipfile._EndRecData(fileobj)  # the end record, before ZipFile reads the whole directory
        if end is None:
            raise zipfile.BadZipFile("no end of central directory record")
        members = end[zipfile._ECD_ENTRIES_TOTAL]
        if members > max_members:
            raise ZipBombError(gettext(
                "%(file)s chứa %(count)s tệp nén bên trong, quá giới hạn %(max)s: không đọc tệp này."
            ) % {"file": _label(name), "count": members, "max": max_members})
        fileobj.seek(0)
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
            _check_declared(infos, name, max_unpacked, max_ratio)
            for info in infos:
                _check_unpacked(fileobj, info, name)
    finally:
        fileobj.seek(position)


def _too_big(name, size, max_unpacked):
    return ZipBombError(gettext(
        "%(file)s khi giải nén ra tới %(size)s, quá giới hạn %(max)s (tệp bị làm phồng hoặc quá lớn): "
        "không đọc tệp này. Hãy gửi tệp nhỏ hơn, hoặc chia thành nhiều tệp."
    ) % {"file": _label(name), "size": filesizeformat(size), "max": filesizeformat(max_unpacked)})


def _check_declared(infos, name, max_unpacked, max_ratio):
    total = sum(info.file_size for info in infos)
    if total > max_unpacked:
        raise _too_big(name, total, max_unpacked)
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > max_ratio * max(info.compress_size, 1):
            raise ZipBombError(gettext(
                "%(file)s có phần “%(member)s” nén tới %(ratio)s lần (%(packed)s giải nén thành %(size)s), "
                "quá mức %(max)s lần của một tệp bình thường: không đọc tệp này."
            ) % {"file": _label(name), "member": info.filename, "ratio": info.file_size // max(info.compress_size, 1),
                 "packed": filesizeformat(info.compress_size), "size": filesizeformat(info.file_size),
                 "max": max_ratio})


def _check_unpacked(fileobj, info, name):
    """Inflate ``info``'s data as a stream and count: refuse when it unpacks to more than it declares."""
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ZipBombError(gettext(
            "%(file)s được nén hoặc mã hóa theo cách không hỗ trợ: hãy lưu lại bằng Word hoặc Excel rồi gửi lại."
        ) % {"file": _label(name)})
    fileobj.seek(info.header_offset)
    header = fileobj.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {info.filename!r}")
    name_length, extra_length = _LOCAL_HEADER.unpack(header)[-2:]
    fileobj.seek(name_length + extra_length, io.SEEK_CUR)
    left = info.compress_size
    if info.compress_type == zipfile.ZIP_STORED:
        if left != info.file_size:
            raise _lies(name, info)
        return
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    unpacked = 0
    while left > 0 and not inflate.eof:
        piece = fileobj.read(min(_PIECE, left))
        if not piece:
            break
        left -= len(piece)
        while piece and not inflate.eof:
            try:
                unpacked += len(inflate.decompress(piece, _PIECE))
            except zlib.error:
                raise zipfile.BadZipFile(f"bad deflate data in {info.filename!r}") from None
            if unpacked > info.file_size:
                raise _lies(name, info)
            piece = inflate.unconsumed_tail
    while not inflate.eof:  # output zlib still holds once the input is all in
        try:
            out = inflate.decompress(b"", _PIECE)
        except zlib.error:
            raise zipfile.BadZipFile(f"bad deflate data in {info.filename!r}") from None
        if not out:
            break
        unpacked += len(out)
        if unpacked > info.file_size:
            raise _lies(name, info)


def _lies(name, info):
    return ZipBombError(gettext(
        "%(file)s có phần “%(member)s” giải nén ra nhiều hơn kích thước ghi trong tệp (tệp hỏng hoặc bị "
        "làm giả): không đọc tệp này."
    ) % {"file": _label(name), "member": info.filename})
