"""Evidence files: photos become small upright JPEGs, documents are kept as they are."""

from __future__ import annotations

import builtins
import hashlib
import io
import pathlib
import random
import struct
import subprocess
import sys
import time
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from dqsa.store.evidence import (
    _DOCUMENT_TYPES,
    MAX_EVIDENCE_BYTES,
    MAX_LONG_SIDE,
    MAX_PIXELS,
    THUMBNAIL_SIDE,
    EvidenceError,
    PreparedEvidence,
    prepare_document,
    prepare_file,
    prepare_photo,
)

REPO_DIR = Path(__file__).resolve().parents[1]
ORIENTATION = 0x0112
DATE_TIME = 0x0132
EXIF_IFD = 0x8769
GPS_IFD = 0x8825
DATE_TIME_ORIGINAL = 0x9003
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def small_jpeg(size: tuple[int, int] = (64, 48)) -> bytes:
    return encode(Image.new("RGB", size, (30, 120, 200)), "JPEG", quality=90)


def camera_photo() -> bytes:
    """A 4000x3000 JPEG as a phone stores it: sideways, with orientation 6, dates and GPS."""
    picture = Image.new("RGB", (4000, 3000), (40, 90, 160))
    ImageDraw.Draw(picture).rectangle((0, 0, 399, 299), fill=(255, 0, 0))  # stored top-left corner
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[DATE_TIME] = "2024:06:02 08:00:00"
    exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = "2024:05:01 09:30:15"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (30.0, 15.0, 7.5)
    return encode(picture, "JPEG", quality=90, exif=exif)


def jpeg_segments(data: bytes) -> list[int]:
    """The marker bytes of a JPEG's header segments, up to the start of scan."""
    assert data[:2] == b"\xff\xd8"
    markers, pos = [], 2
    while pos < len(data):
        assert data[pos] == 0xFF
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
    return markers


def png_claiming(width: int, height: int, mode: str = "RGB") -> bytes:
    """A tiny real PNG whose IHDR is patched to claim ``width`` x ``height`` (valid CRC)."""
    data = bytearray(encode(Image.new(mode, (1, 1)), "PNG"))
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def is_near(pixel: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


# --- photos ---------------------------------------------------------------------------------


def test_camera_photo_is_turned_upright_downscaled_and_stripped() -> None:
    original = camera_photo()

    result = prepare_photo(original, "IMG_0001.jpg")

    assert result.kind == "photo"
    assert result.media_type == "image/jpeg"
    assert (result.width, result.height) == (1200, 1600)  # portrait after rotation, long side 1600
    assert result.original_sha256 == hashlib.sha256(original).hexdigest()
    assert result.original_size == len(original)
    assert result.sha256 == hashlib.sha256(result.data).hexdigest()
    assert result.original_date == datetime(2024, 5, 1, 9, 30, 15)  # DateTimeOriginal beats DateTime
    assert result.original_name == "IMG_0001.jpg"
    with Image.open(io.BytesIO(result.data)) as out:
        assert out.format == "JPEG"
        assert out.mode == "RGB"
        assert out.size == (1200, 1600)
        assert len(out.getexif()) == 0
        assert "exif" not in out.info
        assert out.info.get("progressive") or out.info.get("progression")
        # Orientation 6: the stored top-left corner is shown at the top right.
        assert is_near(out.getpixel((1150, 50)), (255, 0, 0))
        assert is_near(out.getpixel((50, 50)), (40, 90, 160))
    assert 0xE1 not in jpeg_segments(result.data)  # no APP1: neither EXIF (GPS) nor XMP
    assert b"Exif\x00\x00" not in result.data
    assert result.thumbnail is not None
    with Image.open(io.BytesIO(result.thumbnail)) as thumb:
        assert thumb.format == "JPEG"
        assert max(thumb.size) <= THUMBNAIL_SIDE
        assert thumb.size == (180, 240)
        assert len(thumb.getexif()) == 0


def test_photo_falls_back_to_exif_datetime() -> None:
    exif = Image.Exif()
    exif[DATE_TIME] = "2023:12:31 23:59:58"
    data = encode(Image.new("RGB", (40, 30), "white"), "JPEG", exif=exif)

    assert prepare_photo(data, "a.jpg").original_date == datetime(2023, 12, 31, 23, 59, 58)


@pytest.mark.parametrize("value", ["0000:00:00 00:00:00", "unknown", "    "])
def test_unusable_exif_date_is_none_not_an_error(value: str) -> None:
    exif = Image.Exif()
    exif[DATE_TIME] = value
    data = encode(Image.new("RGB", (40, 30), "white"), "JPEG", exif=exif)

    assert prepare_photo(data, "a.jpg").original_date is None


def test_photo_without_exif_has_no_date() -> None:
    assert prepare_photo(small_jpeg(), "a.jpg").original_date is None


def test_transparent_png_is_put_on_white_and_not_enlarged() -> None:
    picture = Image.new("RGBA", (120, 80), (0, 0, 0, 0))  # transparent black
    ImageDraw.Draw(picture).rectangle((60, 0, 119, 79), fill=(0, 160, 0, 255))
    data = encode(picture, "PNG")

    result = prepare_photo(data, "logo.png")

    assert (result.width, result.height) == (120, 80)
    assert result.original_date is None
    with Image.open(io.BytesIO(result.data)) as out:
        assert out.format == "JPEG"
        assert out.mode == "RGB"
        assert out.size == (120, 80)
        assert is_near(out.getpixel((10, 40)), (255, 255, 255))
        assert is_near(out.getpixel((110, 40)), (0, 160, 0))


def test_palette_png_with_transparent_index_is_put_on_white() -> None:
    picture = Image.new("P", (50, 50), 0)
    picture.putpalette([0, 0, 0, 200, 0, 0] + [0] * 762)
    ImageDraw.Draw(picture).rectangle((25, 0, 49, 49), fill=1)
    data = encode(picture, "PNG", transparency=0)

    with Image.open(io.BytesIO(prepare_photo(data, "p.png").data)) as out:
        assert is_near(out.getpixel((5, 25)), (255, 255, 255))
        assert is_near(out.getpixel((45, 25)), (200, 0, 0))


def test_large_png_is_downscaled_to_the_long_side() -> None:
    data = encode(Image.new("RGB", (2000, 3200), (10, 20, 30)), "PNG")

    result = prepare_photo(data, "scan.png")

    assert (result.width, result.height) == (1000, MAX_LONG_SIDE)


def test_animated_gif_gives_its_first_frame() -> None:
    frames = [Image.new("RGB", (64, 40), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    with Image.open(io.BytesIO(data)) as check:
        assert check.n_frames == 2

    result = prepare_photo(data, "动图.gif")

    assert (result.width, result.height) == (64, 40)
    with Image.open(io.BytesIO(result.data)) as out:
        assert is_near(out.getpixel((32, 20)), (255, 0, 0))


@pytest.mark.parametrize(
    ("fmt", "mode"),
    [("WEBP", "RGB"), ("BMP", "RGB"), ("TIFF", "RGB"), ("TIFF", "CMYK"), ("PNG", "L"), ("PNG", "I;16")],
)
def test_other_accepted_formats_become_rgb_jpeg(fmt: str, mode: str) -> None:
    data = encode(Image.new(mode, (30, 20)), fmt)

    result = prepare_photo(data, f"x.{fmt.lower()}")

    assert (result.width, result.height) == (30, 20)
    with Image.open(io.BytesIO(result.data)) as out:
        assert (out.format, out.mode) == ("JPEG", "RGB")


def test_sixteen_bit_grey_keeps_its_brightness() -> None:
    data = encode(Image.new("I;16", (30, 20), 32768), "PNG")  # mid grey, not clipped to white

    with Image.open(io.BytesIO(prepare_photo(data, "grey.png").data)) as out:
        assert is_near(out.getpixel((15, 10)), (128, 128, 128))


def test_photo_over_the_size_limit_is_refused() -> None:
    with pytest.raises(EvidenceError, match="50 MB") as caught:
        prepare_photo(bytes(MAX_EVIDENCE_BYTES + 1), "巨大的照片.jpg")
    assert "巨大的照片.jpg" in str(caught.value)


def test_random_bytes_named_jpg_are_not_a_picture() -> None:
    data = random.Random(20240501).randbytes(4096)

    with pytest.raises(EvidenceError, match="不是可以识别的图片") as caught:
        prepare_photo(data, "random.jpg")
    assert "random.jpg" in str(caught.value)


def test_truncated_jpeg_is_refused() -> None:
    data = camera_photo()

    with pytest.raises(EvidenceError, match="损坏或不完整") as caught:
        prepare_photo(data[: len(data) // 2], "half.jpg")
    assert "half.jpg" in str(caught.value)


def test_heic_gets_a_hint() -> None:
    with pytest.raises(EvidenceError, match="HEIC"):
        prepare_photo(b"\x00\x00\x00\x18ftypheic" + bytes(64), "IMG_1234.HEIC")


def test_pdf_is_not_a_photo() -> None:
    with pytest.raises(EvidenceError, match="不是可以识别的图片"):
        prepare_photo(b"%PDF-1.4\n%%EOF\n", "scan.pdf")


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (8001, 8001),  # just over MAX_PIXELS, below Pillow's own limit
        (10_000, 10_000),  # Pillow would only warn
        (20_000, 20_000),  # Pillow raises DecompressionBombError
        (1, MAX_PIXELS + 1),
    ],
)
def test_decompression_bomb_is_refused_from_the_header(width: int, height: int) -> None:
    data = png_claiming(width, height)
    assert width * height > MAX_PIXELS

    started = time.perf_counter()
    with pytest.raises(EvidenceError, match="像素太多") as caught:
        prepare_photo(data, "bomb.png")
    # Decoding would have failed as "damaged" (there is one pixel of data), after allocating the image.
    assert time.perf_counter() - started < 1
    assert "bomb.png" in str(caught.value)


def test_exactly_max_pixels_passes_the_header_check() -> None:
    # 8000x8000 grey claimed (64 MB decoded), one pixel of data: not refused as a bomb nor for
    # memory, refused as damaged on decoding.
    with pytest.raises(EvidenceError, match="损坏或不完整"):
        prepare_photo(png_claiming(8000, 8000, "L"), "edge.png")


def picture_bytes() -> st.SearchStrategy[bytes]:
    seeds = [
        small_jpeg(),
        encode(Image.new("RGBA", (20, 20), (1, 2, 3, 4)), "PNG"),
        encode(Image.new("P", (20, 20)), "GIF"),
        encode(Image.new("RGB", (20, 20)), "BMP"),
        encode(Image.new("RGB", (20, 20)), "TIFF"),
    ]

    @st.composite
    def damaged(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(st.sampled_from(seeds)))
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data[: draw(st.integers(1, len(data)))])

    return damaged() | st.binary(min_size=1, max_size=300)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(picture_bytes())
def test_any_bytes_give_a_photo_or_an_evidence_error(data: bytes) -> None:
    try:
        result = prepare_photo(data, "fuzz.jpg")
    except EvidenceError as exc:
        assert "fuzz.jpg" in str(exc)
    else:
        assert max(result.width or 0, result.height or 0) <= MAX_LONG_SIDE
        assert result.data.startswith(b"\xff\xd8\xff")


# --- documents ------------------------------------------------------------------------------


def test_pdf_is_kept_byte_for_byte() -> None:
    data = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"

    result = prepare_document(data, "会议 记录.pdf")

    assert result == PreparedEvidence(
        kind="document",
        data=data,
        media_type="application/pdf",
        thumbnail=None,
        width=None,
        height=None,
        original_name="会议 记录.pdf",
        original_sha256=hashlib.sha256(data).hexdigest(),
        original_size=len(data),
        original_date=None,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def office_package(kind: str) -> bytes:
    """A minimal but real Office (docx/xlsx/pptx) or OpenDocument (odt/ods) package."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        if kind in ("odt", "ods"):
            declared = {"odt": "text", "ods": "spreadsheet"}[kind]
            package.writestr("mimetype", f"application/vnd.oasis.opendocument.{declared}")
            package.writestr("content.xml", "<office:document-content/>")
        else:
            package.writestr("[Content_Types].xml", "<Types/>")
            part = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
            package.writestr(part[kind], "<x/>")
    return buffer.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pptx", "odt", "ods"])
def test_office_packages_are_accepted_by_content(kind: str) -> None:
    data = office_package(kind)

    result = prepare_document(data, f"制度.{kind.upper()}")

    assert result.data == data
    assert result.media_type == _DOCUMENT_TYPES[kind]


def test_a_real_workbook_is_accepted(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "台账 2026.xlsx"
    Workbook().save(path)

    assert prepare_file(path).media_type == _DOCUMENT_TYPES["xlsx"]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a.doc", OLE),
        ("a.doc", b"{\\rtf1\\ansi hello}"),
        ("a.xls", OLE),
        ("a.ppt", OLE),
        ("a.wps", OLE),
        ("a.et", OLE),
        ("a.txt", "会议记录：二〇二六年\n".encode()),
        ("a.txt", "会议记录（GBK）\n".encode("gb18030")),
        ("a.txt", "UTF-16 记录\n".encode("utf-16")),
    ],
)
def test_old_office_and_text_documents_are_accepted_by_content(name: str, data: bytes) -> None:
    assert prepare_document(data, name).media_type == _DOCUMENT_TYPES[name.rsplit(".", 1)[1]]


@pytest.mark.parametrize(
    ("name", "data", "looks_like"),
    [
        ("random.doc", random.Random(3).randbytes(5000), "无法识别"),
        ("报表.xls", b"<html><body><table><tr><td>1</td></tr></table></body></html>", "网页"),
        ("报表.xls", b"\xef\xbb\xbf<!DOCTYPE html>\n<html>", "网页"),
        ("报表.xls", office_package("xlsx"), ".xlsx"),
        ("a.ppt", b"anything at all", "纯文本"),
        ("a.wps", office_package("xlsx"), ".xlsx"),
        ("a.docx", b"PK\x03\x04" + bytes(100), "压缩包"),
        ("a.docx", office_package("xlsx"), "Excel"),
        ("a.odt", office_package("docx"), "Word"),
        ("a.txt", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(100), "无法识别"),
        ("a.txt", encode(Image.new("RGB", (4, 4)), "PNG"), "图片"),
    ],
)
def test_documents_whose_content_is_not_what_the_name_says_are_refused(
    name: str, data: bytes, looks_like: str
) -> None:
    with pytest.raises(EvidenceError, match="扩展名不对") as caught:
        prepare_document(data, name)
    assert name in str(caught.value)
    assert looks_like in str(caught.value)


def test_random_bytes_named_doc_and_html_named_xls_are_refused_from_a_file(tmp_path: Path) -> None:
    fake = tmp_path / "制度 汇编.doc"
    fake.write_bytes(random.Random(9).randbytes(20_000))
    page = tmp_path / "台账.xls"
    page.write_text("<html><head><meta charset='utf-8'></head><body>台账</body></html>", encoding="utf-8")

    for path in (fake, page):
        with pytest.raises(EvidenceError, match="扩展名不对"):
            prepare_file(path)


def test_a_zip_with_too_many_parts_is_not_an_office_document() -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<x/>")
        for n in range(10_001):
            package.writestr(f"p/{n}", b"")
    with pytest.raises(EvidenceError, match="压缩包"):
        prepare_document(buffer.getvalue(), "大.docx")


@pytest.mark.parametrize("name", ["x.pdf", "x.docx", "x.xlsx", "x.pptx", "x.odt"])
def test_document_with_wrong_content_is_refused(name: str) -> None:
    with pytest.raises(EvidenceError, match="损坏") as caught:
        prepare_document(b"this is not what the name says", name)
    assert name in str(caught.value)
    assert "扩展名" in str(caught.value)


@pytest.mark.parametrize("name", ["x.exe", "setup.bat", "README", "photo.jpg.lnk"])
def test_other_extensions_are_refused_with_the_accepted_list(name: str) -> None:
    with pytest.raises(EvidenceError, match="不是可以添加的文件类型") as caught:
        prepare_document(b"MZ\x90\x00", name)
    assert ".pdf" in str(caught.value)
    assert ".docx" in str(caught.value)


def test_empty_file_is_refused() -> None:
    with pytest.raises(EvidenceError, match="空的"):
        prepare_document(b"", "空.txt")


def test_document_over_the_size_limit_is_refused() -> None:
    with pytest.raises(EvidenceError, match="50 MB"):
        prepare_document(b"%PDF-" + bytes(MAX_EVIDENCE_BYTES), "big.pdf")


@pytest.mark.parametrize(
    ("given_name", "kept"),
    [
        ("C:\\Users\\张三\\Desktop\\活动 记录（一）.txt", "活动 记录（一）.txt"),
        ("/home/user/a b/#1 & 2 's.txt", "#1 & 2 's.txt"),
        ("plain.txt", "plain.txt"),
    ],
)
def test_only_the_final_name_is_kept(given_name: str, kept: str) -> None:
    assert prepare_document(b"x", given_name).original_name == kept


@pytest.mark.parametrize("given_name", ["", "  ", "folder/", "C:\\"])
def test_missing_name_becomes_unnamed(given_name: str) -> None:
    assert prepare_photo(small_jpeg(), given_name).original_name == "未命名"


# --- files ----------------------------------------------------------------------------------


def test_prepare_file_with_chinese_and_spaces_in_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "党群 资料 2024"
    folder.mkdir()
    photo = folder / "活动 照片（一）.jpg"
    photo.write_bytes(small_jpeg())
    document = folder / "会议 记录.pdf"
    document.write_bytes(b"%PDF-1.7\n%%EOF\n")

    taken = prepare_file(photo)
    kept = prepare_file(document)

    assert (taken.kind, taken.original_name, taken.width, taken.height) == ("photo", photo.name, 64, 48)
    assert taken.original_sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert (kept.kind, kept.original_name, kept.media_type) == ("document", document.name, "application/pdf")
    assert kept.data == document.read_bytes()


def test_prepare_file_picks_photo_by_content(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"  # a photo saved under the wrong extension
    path.write_bytes(encode(Image.new("RGB", (20, 10), "white"), "PNG"))

    result = prepare_file(path)

    assert (result.kind, result.media_type, result.width) == ("photo", "image/jpeg", 20)


def test_prepare_file_text_named_png_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_text("这不是图片，只是一段文字。\n", encoding="utf-8")

    with pytest.raises(EvidenceError, match="不是可以识别的图片") as caught:
        prepare_file(path)
    assert "photo.png" in str(caught.value)


def test_prepare_file_random_bytes_named_jpg_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "random.jpg"
    path.write_bytes(random.Random(7).randbytes(10_000))

    with pytest.raises(EvidenceError, match="不是可以识别的图片"):
        prepare_file(path)


def test_prepare_file_text_is_a_document(tmp_path: Path) -> None:
    path = tmp_path / "说明.txt"
    path.write_text("BM 开头的文字不是位图\n", encoding="utf-8")

    result = prepare_file(path)

    assert (result.kind, result.media_type) == ("document", "text/plain")


def test_prepare_file_refuses_a_big_file_before_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "录像 备份.jpg"
    with path.open("wb") as handle:
        handle.truncate(MAX_EVIDENCE_BYTES + 1)  # sparse: no data written
    assert path.stat().st_size == MAX_EVIDENCE_BYTES + 1

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(pathlib.Path, "open", no_reading)
    monkeypatch.setattr(pathlib.Path, "read_bytes", no_reading)
    monkeypatch.setattr(builtins, "open", no_reading)
    started = time.perf_counter()
    with pytest.raises(EvidenceError, match="50 MB") as caught:
        prepare_file(path)
    assert time.perf_counter() - started < 0.5
    assert "录像 备份.jpg" in str(caught.value)


def test_prepare_file_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvidenceError, match="找不到文件"):
        prepare_file(tmp_path / "不存在 的文件.jpg")


def test_prepare_file_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(EvidenceError, match="找不到文件"):
        prepare_file(tmp_path / "没有这个文件夹" / "a.pdf")


def test_prepare_file_folder(tmp_path: Path) -> None:
    folder = tmp_path / "照片 文件夹.jpg"
    folder.mkdir()

    with pytest.raises(EvidenceError, match="是文件夹"):
        prepare_file(folder)


def test_prepare_file_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4\n")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "open", denied)  # chmod does not stop root
    with pytest.raises(EvidenceError, match="没有权限"):
        prepare_file(path)


# --- import cost ----------------------------------------------------------------------------


def test_importing_the_module_does_not_import_pillow() -> None:
    code = "import sys, dqsa.store.evidence; print('PIL' in sys.modules)"

    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_DIR, capture_output=True, text=True, check=True
    )

    assert done.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("mode", "fmt"), [("LAB", "TIFF"), ("CMYK", "JPEG"), ("CMYK", "TIFF"), ("I;16", "PNG")]
)
def test_scanner_and_print_shop_colour_modes_become_rgb(mode: str, fmt: str) -> None:
    image = Image.new(mode, (300, 200))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)

    result = prepare_photo(buffer.getvalue(), f"scan.{fmt.lower()}")

    with Image.open(io.BytesIO(result.data)) as out:
        assert out.mode == "RGB" and out.size == (300, 200)


# --- memory: a picture's preparation stays under 300 MB whatever its size --------------------------


def png_rows(path: Path, width: int, height: int, depth: int, colour: int) -> None:
    """A large PNG written row by row (a gradient: a small file that decodes to a big picture)."""
    bands = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    row_bytes = width * bands * depth // 8

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    packer = zlib.compressobj(6)
    body = bytearray()
    for y in range(height):
        body += packer.compress(b"\x00" + bytes([y % 256]) * row_bytes)
    body += packer.flush()
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", bytes(body)) + chunk(b"IEND", b"")
    )


def peak_memory_of_preparing(path: Path) -> tuple[str, int]:
    """Prepare ``path`` in a fresh process; its outcome and its peak resident memory in MB."""
    code = (
        "import sys\n"
        "def peak():  # VmHWM: this process's own peak (ru_maxrss would include the parent's at exec)\n"
        "    try:\n"
        "        with open('/proc/self/status') as status:\n"
        "            return next(int(l.split()[1]) // 1024 for l in status if l.startswith('VmHWM:'))\n"
        "    except (OSError, StopIteration):\n"
        "        import resource\n"
        "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
        "from pathlib import Path\n"
        "from dqsa.store.evidence import EvidenceError, prepare_file\n"
        "try:\n"
        "    r = prepare_file(Path(sys.argv[1])); print('ok', r.width, r.height)\n"
        "except EvidenceError as e:\n"
        "    print('refused', e)\n"
        "print(peak())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], cwd=REPO_DIR, capture_output=True, text=True, check=True
    )
    outcome, peak = done.stdout.strip().rsplit("\n", 1)
    return outcome, int(peak)


def test_a_64_megapixel_16_bit_rgba_png_is_refused_without_decoding_it(tmp_path: Path) -> None:
    path = tmp_path / "扫描 8000.png"
    png_rows(path, 8000, 8000, depth=16, colour=6)  # 64 Mpx: at the pixel limit, 512 MB decoded

    outcome, peak = peak_memory_of_preparing(path)

    assert outcome.startswith("refused"), outcome
    assert "8000×8000" in outcome and "内存" in outcome and "JPEG" in outcome
    assert peak < 300, f"{peak} MB"


def test_the_largest_pictures_accepted_stay_under_300_mb(tmp_path: Path) -> None:
    grey = tmp_path / "grey16.png"
    png_rows(grey, 8000, 8000, depth=16, colour=0)  # 64 Mpx of 16-bit grey: accepted
    rgb = tmp_path / "rgb.png"
    png_rows(rgb, 6200, 6200, depth=8, colour=2)  # 38 Mpx RGB: just under the decode budget

    for path in (grey, rgb):
        outcome, peak = peak_memory_of_preparing(path)
        assert outcome.startswith("ok 1600 1600"), outcome
        assert peak < 300, f"{path.name}: {peak} MB"


# --- names -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "kind", "stored"),
    [
        ("现场 照片.png", "photo", "现场 照片.jpg"),
        ("IMG_1234.HEIC", "photo", "IMG_1234.jpg"),
        ("a.b.tiff", "photo", "a.b.jpg"),
        ("已经是.JPG", "photo", "已经是.JPG"),
        ("x.jpeg", "photo", "x.jpeg"),
        ("没有扩展名", "photo", "没有扩展名.jpg"),
        ("会议纪要.pdf", "document", "会议纪要.pdf"),
    ],
)
def test_a_stored_photo_is_named_as_the_jpeg_it_is(original: str, kind: str, stored: str) -> None:
    from dqsa.store.evidence import stored_file_name

    assert stored_file_name(original, kind) == stored
