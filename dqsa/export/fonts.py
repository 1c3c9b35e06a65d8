"""Finding a Chinese TrueType font for the PDF report, and making it usable.

The report embeds subsets of a TrueType font found on the machine (we bundle none).
reportlab only embeds TrueType outlines: CFF/PostScript-flavoured OpenType fonts such
as Noto Sans CJK ``.otf`` are refused, and the built-in ``STSong-Light`` CID font is
never used (it is not embedded, so the reader's machine would have to supply it).

Search order: the font the user chose (setting, or the ``DQSA_PDF_FONT`` environment
variable), fonts in the bundled ``resources/fonts`` folder, the Windows fonts folder,
then fontconfig (``fc-list``) on Linux and macOS. reportlab and fontTools are imported
only when a font is actually checked or converted.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Environment variable naming a font file (used when no font is configured).
FONT_ENV = "DQSA_PDF_FONT"
#: A font must have glyphs for all of these to be usable.
TEST_CHARACTERS = "党群服务中心，：评分"
#: Windows font files, in order of preference (all TrueType outlines).
WINDOWS_FONTS = ("simhei.ttf", "simsun.ttc", "msyh.ttc", "msyh.ttf", "simkai.ttf")
#: macOS files with TrueType outlines and Chinese glyphs (fontconfig is rarely installed there).
MACOS_FONTS = (
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
_FONT_SUFFIXES = (".ttf", ".ttc")
_FC_LIST_TIMEOUT = 5.0


class FontNotFound(Exception):
    """No usable Chinese TrueType font: the message says how to get one."""

    def __init__(self, refused: list[str] | None = None) -> None:
        message = (
            "找不到可用的中文 TrueType 字体，无法生成 PDF 报告。"
            "解决办法：Windows 上安装宋体（SimSun）、黑体（SimHei）或微软雅黑；"
            "Linux 上安装 fonts-wqy-zenhei（例如 sudo apt install fonts-wqy-zenhei）；"
            "或在数据文件夹的 settings.json 中把 pdf_font 设为一个 .ttf 或 .ttc 字体文件的路径（也可设置环境变量 DQSA_PDF_FONT）。"
            "注意：OpenType/CFF 字体（如思源黑体、Noto Sans CJK 的 .otf 文件）不能使用。"
        )
        if refused:
            message += "\n不能使用的字体：\n" + "\n".join(refused)
        super().__init__(message)
        self.refused = list(refused or [])


@dataclass(frozen=True)
class FontChoice:
    """One face of a font file."""

    path: Path
    subfont_index: int  # 0 for a .ttf
    family: str  # human name, e.g. "WenQuanYi Zen Hei"


# --- finding ---------------------------------------------------------------------------


def find_cjk_font(configured: str | None = None) -> FontChoice:
    """The first usable Chinese TrueType face, or :class:`FontNotFound`.

    ``configured`` is a font file chosen by the user; when it is not usable (not a font,
    a CFF font, no Chinese glyphs) the search goes on and the reason is logged.
    """
    refused: list[str] = []
    for user_given, path, indices in _candidates(configured):
        for index in indices:
            choice, reason = _check(path, index)
            if choice is not None:
                return choice
            if user_given:
                refused.append(f"{path}：{reason}")
                log.warning("font %s (face %d) is not usable: %s", path, index, reason)
            else:
                log.debug("font %s (face %d) is not usable: %s", path, index, reason)
    raise FontNotFound(refused)


def _candidates(configured: str | None) -> Iterator[tuple[bool, Path, list[int]]]:
    """(given by the user, file, faces to try) in search order, each file once."""
    seen: set[str] = set()

    def fresh(path: Path) -> bool:
        key = os.path.normcase(str(path.absolute()))
        if key in seen:
            return False
        seen.add(key)
        return True

    for text in (configured, os.environ.get(FONT_ENV)):
        if text and text.strip():
            path = Path(text.strip()).expanduser()
            if fresh(path):
                yield True, path, _all_faces(path)
    for path, index in (*_bundled_fonts(), *_system_fonts()):
        if fresh(path):
            yield False, path, [index] if index is not None else _all_faces(path)


def _bundled_fonts() -> list[tuple[Path, int | None]]:
    try:
        from dqsa.paths import resource_path

        folder = resource_path("fonts")
    except FileNotFoundError:
        return []
    if not folder.is_dir():
        return []
    return [(p, None) for p in sorted(folder.iterdir()) if p.suffix.lower() in _FONT_SUFFIXES]


def _system_fonts() -> list[tuple[Path, int | None]]:
    found: list[tuple[Path, int | None]] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir or sys.platform == "win32":
        fonts = Path(windir or r"C:\Windows") / "Fonts"
        found += [(fonts / name, None) for name in WINDOWS_FONTS if (fonts / name).is_file()]
    if sys.platform != "win32":
        found += _fontconfig_fonts()
    if sys.platform == "darwin":
        found += [(Path(p), None) for p in MACOS_FONTS if Path(p).is_file()]
    return found


def _fontconfig_fonts() -> list[tuple[Path, int | None]]:
    """Chinese fonts fontconfig knows, TrueType files first, first faces first."""
    try:
        result = subprocess.run(
            ["fc-list", ":lang=zh", "file", "index"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=_FC_LIST_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("fc-list failed: %s", exc)
        return []
    entries: set[tuple[Path, int]] = set()
    for line in result.stdout.splitlines():
        entry = parse_fc_list_line(line)
        if entry is not None:
            entries.add(entry)

    def preference(entry: tuple[Path, int]) -> tuple[bool, int, str]:
        path, index = entry
        return path.suffix.lower() not in _FONT_SUFFIXES, index, str(path)

    return [(path, index) for path, index in sorted(entries, key=preference)]


def parse_fc_list_line(line: str) -> tuple[Path, int] | None:
    """``/usr/share/fonts/x.ttc: :index=1`` → (path, 1); None for an empty line."""
    text = line.strip()
    if not text:
        return None
    head, marker, tail = text.rpartition(":index=")
    index = 0
    if marker:
        text = head
        try:
            index = int(tail.strip())
        except ValueError:
            index = 0
    path = text.rstrip().rstrip(":").rstrip()
    return (Path(path), index) if path else None


def _all_faces(path: Path) -> list[int]:
    """Every face index of a file: 0..n-1 for a collection, [0] otherwise."""
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        return [0]
    if len(head) == 12 and head[:4] == b"ttcf":
        count = int.from_bytes(head[8:12], "big")
        return list(range(min(count, 64))) or [0]
    return [0]


#: Checked faces: (path, index, mtime, size) → (loaded reportlab font or None, reason).
_checked: dict[tuple[str, int, int, int], tuple[Any, str]] = {}


def _check(path: Path, index: int) -> tuple[FontChoice | None, str]:
    """A usable :class:`FontChoice` for this face, or None and the reason why not."""
    if not path.is_file():
        return None, "文件不存在或不是文件"
    font, reason = _loaded(path, index)
    if font is None:
        return None, reason
    return FontChoice(path=path, subfont_index=index, family=_family_name(font)), ""


def _loaded(path: Path, index: int) -> tuple[Any, str]:
    """The face loaded by reportlab (cached while the file is unchanged), or None and why."""
    try:
        info = path.stat()
    except OSError:
        return None, "文件不存在或无法读取"
    key = (str(path.absolute()), index, info.st_mtime_ns, info.st_size)
    if key not in _checked:
        _checked[key] = _load(path, index)
    return _checked[key]


def _load(path: Path, index: int) -> tuple[Any, str]:
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        font = TTFont(_font_name(path, index), str(path), subfontIndex=index)
    except TTFError as exc:
        text = str(exc)
        if "postscript" in text.lower() or "cff" in text.lower():
            return None, "这是 OpenType/CFF（PostScript 轮廓）字体，无法嵌入，请选择 TrueType 字体"
        return None, f"不是可用的 TrueType 字体（{text}）"
    except Exception as exc:  # a damaged or foreign file may fail anywhere in the parser
        return None, f"不是可用的 TrueType 字体（{type(exc).__name__}: {exc}）"
    glyphs = font.face.charToGlyph
    missing = [c for c in TEST_CHARACTERS if not glyphs.get(ord(c))]
    if missing:
        return None, "字体中没有中文字形（缺少：" + "".join(missing) + "）"
    return font, ""


def _family_name(font: Any) -> str:
    name = getattr(font.face, "familyName", b"") or getattr(font.face, "name", b"")
    if isinstance(name, bytes):
        for encoding in ("utf-8", "utf-16-be", "latin-1"):
            try:
                name = name.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return str(name).strip() or Path(font.face.filename).stem


def _font_name(path: Path, index: int) -> str:
    """A stable reportlab font name for one face of one file."""
    digest = hashlib.sha256(f"{os.path.normcase(str(path.absolute()))}|{index}".encode()).hexdigest()
    return f"DQSA-CJK-{digest[:10]}"


# --- using -----------------------------------------------------------------------------


def register_reportlab_font(choice: FontChoice) -> str:
    """Register the face with reportlab (once) and return its font name.

    The name is also registered as its own bold/italic family so that ``<b>`` in a
    paragraph never falls back to a standard (non-embedded) font.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    name = _font_name(choice.path, choice.subfont_index)
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    font, reason = _loaded(choice.path, choice.subfont_index)
    if font is None:
        raise FontNotFound([f"{choice.path}：{reason}"])
    pdfmetrics.registerFont(font)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    return name


def single_face_file(choice: FontChoice, cache_dir: Path) -> Path:
    """A TrueType file holding only the chosen face (for tools that cannot read a .ttc).

    A plain font file is returned as it is; a face of a collection is extracted once
    with fontTools and cached in ``cache_dir`` under a name derived from the file's
    path, face index and modification time.
    """
    if not _is_collection(choice.path):
        return choice.path
    info = choice.path.stat()
    key = f"{choice.path.absolute()}|{choice.subfont_index}|{info.st_mtime_ns}|{info.st_size}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    target = cache_dir / f"{choice.path.stem}-{choice.subfont_index}-{digest}.ttf"
    if target.is_file() and target.stat().st_size > 0:
        return target
    from fontTools.ttLib import TTCollection

    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    collection = TTCollection(str(choice.path))
    try:
        collection.fonts[choice.subfont_index].save(str(partial))
    finally:
        collection.close()
    os.replace(partial, target)
    return target


def _is_collection(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"ttcf"
    except OSError:
        return False
