"""What an evidence document's bytes really are, whatever its name says.

A document is accepted by its extension only if its content is of that kind: a PDF
starts with ``%PDF-``; Word/Excel/PowerPoint files (``.docx`` …) are zip packages
with the matching Office parts; OpenDocument files are zip packages that declare
their type; old Office and WPS files (``.doc``, ``.xls``, ``.ppt``, ``.wps``, ``.et``)
are OLE compound files (a ``.doc`` may also be RTF, which Word saves under that name);
text is text. Random bytes named ``.doc`` or a web page named ``.xls`` are refused.

Plain Python (zipfile for the packages), no Pillow: nothing is decoded.
"""

from __future__ import annotations

import codecs
import io
import struct
import zipfile

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
#: A real Office or OpenDocument package has a few dozen parts; far more is not a document.
_MAX_PACKAGE_PARTS = 10_000
_TEXT_SAMPLE = 64 * 1024

#: What each document extension's content may be (kinds from :func:`content_kind`).
ACCEPTED_CONTENT: dict[str, frozenset[str]] = {
    "pdf": frozenset({"pdf"}),
    "docx": frozenset({"docx"}),
    "xlsx": frozenset({"xlsx"}),
    "pptx": frozenset({"pptx"}),
    "odt": frozenset({"odt"}),
    "ods": frozenset({"ods"}),
    "doc": frozenset({"ole", "rtf"}),
    "xls": frozenset({"ole"}),
    "ppt": frozenset({"ole"}),
    "wps": frozenset({"ole", "docx"}),
    "et": frozenset({"ole", "xlsx"}),
    "txt": frozenset({"text"}),
}

#: How each extension's expected content is named to a person.
EXPECTED_LABELS = {
    "pdf": "PDF",
    "docx": "Word",
    "xlsx": "Excel",
    "pptx": "PowerPoint",
    "odt": "OpenDocument",
    "ods": "OpenDocument",
    "doc": "Word",
    "xls": "Excel",
    "ppt": "PowerPoint",
    "wps": "WPS 文字",
    "et": "WPS 表格",
    "txt": "文本",
}

#: How each content kind is named to a person ("it looks like …").
KIND_LABELS = {
    "pdf": "PDF 文档",
    "docx": "Word 文档（.docx）",
    "xlsx": "Excel 表格（.xlsx）",
    "pptx": "PowerPoint 演示文稿（.pptx）",
    "odt": "OpenDocument 文本（.odt）",
    "ods": "OpenDocument 表格（.ods）",
    "ole": "旧版 Office/WPS 文件",
    "rtf": "RTF 文档",
    "zip": "压缩包（zip）",
    "html": "网页（HTML）",
    "xml": "XML 文件",
    "picture": "图片",
    "text": "纯文本",
    "unknown": "无法识别的数据",
}


def content_kind(data: bytes) -> str:
    """The kind of ``data``, one of the keys of :data:`KIND_LABELS`."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_OLE):
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_ZIP):
        return _package_kind(data)
    if looks_like_picture(head):
        return "picture"
    if _is_text(data[:_TEXT_SAMPLE]):
        lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:512]:
            return "html"
        if lowered.startswith(b"<?xml"):
            return "html" if b"<html" in lowered else "xml"
        return "text"
    return "unknown"


def _package_kind(data: bytes) -> str:
    """docx/xlsx/pptx/odt/ods for an Office or OpenDocument package, else ``zip``."""
    parts = _zip_part_count(data)
    if parts is None or parts > _MAX_PACKAGE_PARTS:
        return "zip"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "mimetype" in names:
                info = package.getinfo("mimetype")
                if info.file_size <= 100:
                    declared = package.read(info).strip()
                    return {
                        b"application/vnd.oasis.opendocument.text": "odt",
                        b"application/vnd.oasis.opendocument.spreadsheet": "ods",
                    }.get(declared, "zip")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return "zip"
    if "[Content_Types].xml" not in names:
        return "zip"
    for prefix, kind in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
        if any(name.startswith(prefix) for name in names):
            return kind
    return "zip"


def _zip_part_count(data: bytes) -> int | None:
    """The number of parts the zip's end record declares (read before zipfile lists them all)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return None
    (count,) = struct.unpack("<H", data[end + 10 : end + 12])
    return None if count == 0xFFFF else count  # a zip64 package is no Office document


#: Sizes of the BMP info headers Pillow reads (bytes 14-17 of a BMP file).
_BMP_HEADER_SIZES = frozenset({12, 16, 40, 52, 56, 64, 108, 124})


def looks_like_picture(head: bytes) -> bool:
    """Whether ``head`` (the first bytes of a file) starts like a JPEG, PNG, GIF, WEBP, TIFF or BMP."""
    return (
        head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*"))
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        or (
            head[:2] == b"BM"
            and len(head) >= 18
            and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES
        )
    )


def _is_text(sample: bytes) -> bool:
    """Text in UTF-8, GB18030 (GBK) or UTF-16 with a BOM: no control bytes other than white space."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        if b"\x00" in sample:
            return False
        encodings = ["utf-8-sig", "gb18030"]
    for encoding in encodings:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            text = decoder.decode(sample, final=False)  # the sample may end inside a character
        except UnicodeDecodeError:
            continue
        return not any(ord(ch) < 32 and ch not in "\t\n\r\f\v\x1a" for ch in text)
    return False
