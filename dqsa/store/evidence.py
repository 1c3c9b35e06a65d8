"""Evidence files (photos and documents) turned into what the center file keeps as BLOBs.

Plain Python: no Qt, no database. Pillow is heavy, so it is imported only when a photo
is prepared, never when this module is imported.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import stat
import struct
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dqsa.store.evidence_kinds import (
    ACCEPTED_CONTENT,
    EXPECTED_LABELS,
    KIND_LABELS,
    content_kind,
    looks_like_picture,
)

if TYPE_CHECKING:
    from PIL import Image

#: Input larger than this is refused.
MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
#: Photos are downscaled so that their long side is at most this many pixels.
MAX_LONG_SIDE = 1600
#: Long side of the thumbnail shown in lists.
THUMBNAIL_SIDE = 240
#: A picture claiming more pixels than this is refused before decoding (decompression bomb).
MAX_PIXELS = 64_000_000
#: Memory a picture may take while it is decoded and converted (estimated from its header
#: before decoding); with the program itself and the file's bytes, a photo's preparation stays
#: well under 300 MB. A JPEG is decoded already reduced (1/2 to 1/8), so only other formats
#: come near this: an RGB PNG up to about 39 Mpx, a transparent one up to about 19 Mpx.
MAX_DECODE_BYTES = 150 * 1024 * 1024

UNNAMED = "未命名"

#: Pillow formats accepted for photos (an MPO camera file opens through the JPEG plugin).
_PILLOW_FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "GIF", "TIFF")
_PHOTO_EXTENSIONS = frozenset(
    {"jpg", "jpeg", "jpe", "jfif", "png", "webp", "bmp", "dib", "gif", "tif", "tiff", "heic", "heif"}
)
_DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "txt": "text/plain",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "wps": "application/kswps",
    "et": "application/kset",
}
_ACCEPTED_TYPES = (
    "文档：PDF（.pdf）、Word（.doc .docx）、Excel（.xls .xlsx）、PowerPoint（.ppt .pptx）、"
    "WPS（.wps .et）、OpenDocument（.odt .ods）、文本（.txt）；"
    "照片：JPEG、PNG、WEBP、BMP、GIF、TIFF"
)
_EXIF_IFD = 0x8769
_ORIENTATION = 0x0112
_DATE_TIME_ORIGINAL = 0x9003
_DATE_TIME = 0x0132


class EvidenceError(ValueError):
    """A file that cannot be added as evidence; the message (Chinese) says what is wrong and what to do."""


@dataclass(frozen=True)
class PreparedEvidence:
    """An evidence file ready to be stored: the bytes to keep plus what is known about the original."""

    kind: Literal["photo", "document"]
    #: Photo: the downscaled JPEG; document: the original bytes.
    data: bytes = field(repr=False)
    #: ``image/jpeg`` for photos; for documents by extension, e.g. ``application/pdf``.
    media_type: str
    #: Photo: a JPEG whose long side is at most THUMBNAIL_SIDE; documents: None.
    thumbnail: bytes | None = field(repr=False)
    #: Size of ``data`` for photos; None for documents.
    width: int | None
    height: int | None
    #: File name only (no folders), as given.
    original_name: str
    #: Hex SHA-256 of the original input bytes.
    original_sha256: str
    original_size: int
    #: Photo: EXIF DateTimeOriginal, else EXIF DateTime (naive); otherwise None.
    original_date: datetime | None
    #: Hex SHA-256 of ``data``.
    sha256: str


def prepare_photo(data: bytes, name: str) -> PreparedEvidence:
    """Upright, downscaled RGB JPEG (no EXIF) and thumbnail of a photo, or :class:`EvidenceError`."""
    name = _clean_name(name)
    _check_size(len(data), name)
    from PIL import Image

    with warnings.catch_warnings():
        # Pillow warns about odd but readable files (corrupt EXIF, ...): not the user's problem.
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture, taken = _decode_photo(data, name)
            jpeg = _jpeg_bytes(picture, quality=85, optimize=True, progressive=True)
            small = picture.copy()
            small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
            thumbnail = _jpeg_bytes(small, quality=80, optimize=True)
        except EvidenceError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise EvidenceError(_too_many_pixels(name)) from None
        except MemoryError:
            raise EvidenceError(f"图片「{name}」太大，电脑内存不够处理。请先把图片缩小后再添加。") from None
        except _pillow_errors():
            raise EvidenceError(_damaged_picture(name)) from None
    return PreparedEvidence(
        kind="photo",
        data=jpeg,
        media_type="image/jpeg",
        thumbnail=thumbnail,
        width=picture.width,
        height=picture.height,
        original_name=name,
        original_sha256=hashlib.sha256(data).hexdigest(),
        original_size=len(data),
        original_date=taken,
        sha256=hashlib.sha256(jpeg).hexdigest(),
    )


def prepare_document(data: bytes, name: str) -> PreparedEvidence:
    """A document kept byte for byte, accepted by extension and content, or :class:`EvidenceError`."""
    name = _clean_name(name)
    _check_size(len(data), name)
    extension = _extension(name)
    media_type = _DOCUMENT_TYPES.get(extension)
    if media_type is None:
        raise EvidenceError(f"「{name}」不是可以添加的文件类型。可以添加的有——{_ACCEPTED_TYPES}。")
    found = content_kind(data)
    if found not in ACCEPTED_CONTENT[extension]:
        raise EvidenceError(
            f"文件「{name}」看起来已损坏，或者扩展名不对（内容不是 {EXPECTED_LABELS[extension]} 文件，"
            f"内容像是：{KIND_LABELS[found]}）。请用原来的程序打开检查，另存为正确的格式后再添加。"
        )
    digest = hashlib.sha256(data).hexdigest()
    return PreparedEvidence(
        kind="document",
        data=data,
        media_type=media_type,
        thumbnail=None,
        width=None,
        height=None,
        original_name=name,
        original_sha256=digest,
        original_size=len(data),
        original_date=None,
        sha256=digest,
    )


def prepare_file(path: Path) -> PreparedEvidence:
    """Read a file the user picked and prepare it as a photo (by content or extension) or a document."""
    path = Path(path)
    name = _clean_name(path.name)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise EvidenceError(f"「{path}」是文件夹，不是文件。请选择文件夹里的照片或文档。")
        if not stat.S_ISREG(info.st_mode):
            raise EvidenceError(f"「{path}」不是普通文件，不能作为佐证材料。请选择照片或文档。")
        _check_size(info.st_size, name)  # before reading a byte
        with path.open("rb") as handle:
            data = handle.read(MAX_EVIDENCE_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise EvidenceError(f"找不到文件：{path}。它可能已被移动、改名或删除，请重新选择。") from None
    except IsADirectoryError:
        raise EvidenceError(f"「{path}」是文件夹，不是文件。请选择文件夹里的照片或文档。") from None
    except PermissionError:
        raise EvidenceError(
            f"没有权限读取文件：{path}。请关闭正在使用它的程序，或把它复制到“文档”文件夹后再添加。"
        ) from None
    except OSError as exc:
        raise EvidenceError(f"无法读取文件 {path}：{exc.strerror or exc}。请检查文件后重试。") from None
    _check_size(len(data), name)  # the file may have grown since stat()
    if looks_like_picture(data[:32]) or _extension(name) in _PHOTO_EXTENSIONS:
        return prepare_photo(data, name)
    return prepare_document(data, name)


# --- photos -------------------------------------------------------------------------------


def _decode_photo(data: bytes, name: str) -> tuple[Image.Image, datetime | None]:
    """The upright RGB picture, downscaled to MAX_LONG_SIDE, and the EXIF date of ``data``.

    Memory is bounded: the header says how large the decoded picture will be, and one
    that would need more than MAX_DECODE_BYTES is refused before decoding. JPEGs are
    decoded already reduced; other formats are downscaled before any colour conversion
    where Pillow can, so no second full-size copy is made.
    """
    from PIL import Image, JpegImagePlugin, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data), formats=_PILLOW_FORMATS)
    except UnidentifiedImageError:
        raise EvidenceError(_not_a_picture(name)) from None
    with image:
        width, height = image.size  # from the header: nothing is decoded yet
        if width * height > MAX_PIXELS:
            raise EvidenceError(_too_many_pixels(name, width, height))
        if isinstance(image, JpegImagePlugin.JpegImageFile):
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale (still >= the target size). The
            # target must keep the aspect ratio: with a square box a 4:3 photo gets no reduction.
            image.draft("RGB", _fitted_size(width, height, MAX_LONG_SIDE))
        needed = _decode_cost(image)
        if needed > MAX_DECODE_BYTES:
            raise EvidenceError(_needs_too_much_memory(name, width, height, needed))
        image.load()
        taken = _exif_date(image)
        icc_profile = _rgb_icc_profile(image)
        orientation = _orientation(image)
        picture = _downscaled(image)
    picture = _rgb_or_rgba(picture)
    if orientation is not None:  # turned after downscaling: the same result, a fraction of the memory
        picture = picture.transpose(orientation)
    if picture.mode == "RGBA":
        white = Image.new("RGBA", picture.size, (255, 255, 255, 255))
        white.alpha_composite(picture)
        picture = white.convert("RGB")
    picture.info = {"icc_profile": icc_profile} if icc_profile else {}
    return picture, taken


#: Modes Pillow resizes directly (with LANCZOS); the others are converted to RGB(A) first.
_RESIZABLE = frozenset({"RGB", "RGBA", "L", "LA", "I", "F", "CMYK", "I;16", "I;16L", "I;16B"})


def _bytes_per_pixel(mode: str) -> int:
    if mode in ("1", "L", "P"):
        return 1
    return 2 if mode.startswith("I;16") else 4  # Pillow keeps every other mode in 32 bits a pixel


def _decode_cost(image: Image.Image) -> int:
    """Bytes the decoded picture and its full-size working copies take (see :func:`_downscaled`)."""
    mode = image.mode
    per_pixel = _bytes_per_pixel(mode)
    if mode not in _RESIZABLE:
        per_pixel += 4  # converted to RGB(A) at full size
    if mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        per_pixel += 4  # Pillow premultiplies alpha into a full-size copy when it reduces
    return per_pixel * image.width * image.height


def _downscaled(image: Image.Image) -> Image.Image:
    """A new picture whose long side is at most MAX_LONG_SIDE (never enlarged); ``image`` is left as it is."""
    from PIL import Image

    if image.mode not in _RESIZABLE:
        image = _rgb_or_rgba(image)
    target = _fitted_size(image.width, image.height, MAX_LONG_SIDE)
    if target == image.size:
        return image.copy()
    # 16-bit grey cannot be reduced in steps, only resampled at once.
    gap = None if image.mode.startswith("I;16") else 2.0
    return image.resize(target, Image.Resampling.LANCZOS, reducing_gap=gap)


def _orientation(image: Image.Image) -> Image.Transpose | None:
    """How to turn the picture upright according to its EXIF orientation (None: as stored)."""
    from PIL import Image

    try:
        value = image.getexif().get(_ORIENTATION)
    except _exif_errors():
        return None
    return {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(value if isinstance(value, int) else 0)


def _rgb_or_rgba(image: Image.Image) -> Image.Image:
    """``image`` as RGBA if it has any transparency, else as RGB (``image`` itself if it already is)."""
    mode = image.mode
    if mode.startswith("I;16") or mode == "I":
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")  # 16-bit grey
    elif mode == "F":
        image = image.convert("L")
    has_alpha = image.mode in ("RGBA", "RGBa", "LA", "La", "PA") or "transparency" in image.info
    wanted = "RGBA" if has_alpha else "RGB"
    return image if image.mode == wanted else image.convert(wanted)


def _jpeg_bytes(picture: Image.Image, **options: object) -> bytes:
    """``picture`` saved as JPEG; only an RGB colour profile is carried over (no EXIF, no XMP)."""
    out = io.BytesIO()
    picture.save(out, "JPEG", icc_profile=picture.info.get("icc_profile"), **options)
    return out.getvalue()


def _rgb_icc_profile(image: Image.Image) -> bytes | None:
    """The embedded ICC profile if it describes RGB colours (a CMYK one would be wrong after conversion)."""
    profile = image.info.get("icc_profile")
    if isinstance(profile, bytes) and profile[16:20] == b"RGB " and image.mode in ("RGB", "RGBA", "P"):
        return profile
    return None


def _exif_date(image: Image.Image) -> datetime | None:
    """EXIF DateTimeOriginal, else DateTime, as a naive datetime; None if absent or unreadable."""
    try:
        exif = image.getexif()
        candidates = (exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL), exif.get(_DATE_TIME))
    except _exif_errors():
        return None
    for value in candidates:
        parsed = _parse_exif_datetime(value)
        if parsed is not None:
            return parsed
    return None


def _parse_exif_datetime(value: object) -> datetime | None:
    """``YYYY:MM:DD HH:MM:SS`` (also with ``-`` or ``/`` in the date); None for anything else."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    text = value.strip().strip("\x00").strip()
    text = text[:10].replace("-", ":").replace("/", ":") + text[10:19]
    try:
        return datetime.strptime(text, "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def _fitted_size(width: int, height: int, side: int) -> tuple[int, int]:
    """The size ``thumbnail((side, side))`` gives: aspect kept, long side <= ``side``, each >= 1."""
    if max(width, height) <= side:
        return width, height
    scale = side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _exif_errors() -> tuple[type[BaseException], ...]:
    """What reading a picture's EXIF may raise (Pillow's errors, and a missing attribute)."""
    return (*_pillow_errors(), AttributeError)


def _pillow_errors() -> tuple[type[BaseException], ...]:
    """What Pillow raises for unreadable, truncated or hostile picture files."""
    from PIL import Image

    return (
        OSError,
        SyntaxError,
        ValueError,
        TypeError,
        EOFError,
        IndexError,
        KeyError,
        ZeroDivisionError,
        struct.error,
        Image.DecompressionBombError,
    )


def _not_a_picture(name: str) -> str:
    message = f"「{name}」不是可以识别的图片。请选择 JPEG、PNG、WEBP、BMP、GIF 或 TIFF 格式的照片"
    if _extension(name) in ("heic", "heif"):
        return message + "；苹果手机的 HEIC 照片请先转存为 JPEG（或在相机设置中选择“兼容性最佳”）再添加。"
    return message + "；如果它是文档，请确认扩展名正确。"


def _damaged_picture(name: str) -> str:
    return f"图片「{name}」已损坏或不完整，无法读取。请重新拷贝或重新拍摄后再添加。"


def _needs_too_much_memory(name: str, width: int, height: int, needed: int) -> str:
    return (
        f"图片「{name}」有 {width}×{height} 像素，处理它需要约 {needed // (1024 * 1024)} MB 内存，"
        f"超过了 {MAX_DECODE_BYTES // (1024 * 1024)} MB 的上限。请先把图片缩小（例如长边不超过 4000 像素），"
        "或另存为 JPEG 格式后再添加。"
    )


def _too_many_pixels(name: str, width: int | None = None, height: int | None = None) -> str:
    size = f"（{width}×{height}）" if width and height else ""
    return (
        f"图片「{name}」的像素太多{size}，超过了 {MAX_PIXELS // 10_000} 万像素的上限，"
        "可能已损坏或是异常文件。请先把图片缩小后再添加。"
    )


# --- names and sizes ----------------------------------------------------------------------


def _clean_name(name: str) -> str:
    """The final path component of ``name`` (``/`` or ``\\``), or 未命名 if there is none."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base if base.strip() not in ("", ".", "..") else UNNAMED


def _extension(name: str) -> str:
    """Lower-case extension without the dot; empty if there is none."""
    _, dot, extension = name.strip().rpartition(".")
    return extension.lower() if dot else ""


def _check_size(size: int, name: str) -> None:
    if size > MAX_EVIDENCE_BYTES:
        raise EvidenceError(
            f"文件「{name}」有 {size / 1024 / 1024:.1f} MB，超过了 {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB "
            "的上限。请压缩图片或拆分文档后再添加。"
        )
    if size == 0:
        raise EvidenceError(f"文件「{name}」是空的（0 字节）。请确认选对了文件。")


def restore_evidence(
    data: bytes,
    *,
    kind: str,
    original_name: str,
    original_sha256: str,
    original_size: int,
    original_date: datetime | None,
) -> PreparedEvidence:
    """Evidence coming back from a packet: its stored bytes kept exactly, the original's details restored.

    The bytes must be what the store itself would keep: a photo is a JPEG no larger than
    MAX_LONG_SIDE that decodes; a document passes :func:`prepare_document` (extension
    and content). The thumbnail is made again. Anything else is an :class:`EvidenceError`.
    """
    if kind == "photo":
        if not data.startswith(b"\xff\xd8\xff"):
            raise EvidenceError(
                f"「{original_name}」标为照片，但内容不是 dqsa 保存照片所用的 JPEG（内容像是：{KIND_LABELS[content_kind(data)]}）。"
            )
        checked = prepare_photo(data, original_name)
        width, height = _stored_photo_size(data, original_name)
        checked = dataclasses.replace(checked, width=width, height=height)
    elif kind == "document":
        checked = prepare_document(data, original_name)
    else:
        raise EvidenceError(f"不认识的证明材料类型 {kind!r}（应是 photo 或 document）。")
    return dataclasses.replace(
        checked,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        original_sha256=original_sha256,
        original_size=original_size,
        original_date=original_date,
    )


def _stored_photo_size(data: bytes, name: str) -> tuple[int, int]:
    """The size of a stored photo (a JPEG that already decoded), refused when larger than the store keeps."""
    from PIL import Image

    with Image.open(io.BytesIO(data), formats=("JPEG",)) as image:
        width, height = image.size
    if max(width, height) > MAX_LONG_SIDE:
        raise EvidenceError(
            f"照片「{name}」有 {width}×{height} 像素，超过了 dqsa 保存照片的上限（长边 {MAX_LONG_SIDE}），"
            "不是 dqsa 做的材料包中的照片。"
        )
    return width, height


def stored_file_name(original_name: str, kind: str) -> str:
    """The name a stored evidence file goes by: the original's, with ``.jpg`` for a photo.

    A photo is kept as a JPEG whatever it was (PNG, HEIC, BMP …), so its name in a packet
    must say so: 现场.png becomes 现场.jpg; a document keeps its name.
    """
    name = _clean_name(original_name)
    if kind != "photo" or _extension(name) in ("jpg", "jpeg"):
        return name
    stem, dot, _ = name.rpartition(".")
    return f"{stem if dot and stem else name}.jpg"
