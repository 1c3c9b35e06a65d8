"""The fonts of the PDF report and stamp: one bundled face, a user's choice, and a glyph check.

The report is drawn in WenQuanYi Micro Hei, bundled in ``resources/fonts`` (TrueType
outlines, Latin digits, all of GBK), so it looks the same on every machine. A user may
choose another TrueType font (setting, or the ``DQSA_PDF_FONT`` environment variable; a
chosen file that cannot be used is said, :class:`ChosenFontUnusable`, never passed over);
every character that face lacks is then drawn in the bundled face, and a character no
face has is never drawn as an empty box: the export stops with a Chinese message naming
it (:class:`MissingGlyphs`). reportlab only embeds TrueType outlines: CFF/PostScript-
flavoured OpenType fonts such as Noto Sans CJK ``.otf`` are refused, and the built-in
``STSong-Light`` CID font is never used (it is not embedded).

Search order: the font the user chose, the bundled font, then (only when the bundle is
broken, or for a character the bundled face lacks) the Windows fonts folder and
fontconfig. reportlab is imported only when a font is actually checked.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from dqsa.domain.text import printable

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

#: Environment variable naming a font file (used when no font is configured).
FONT_ENV = "DQSA_PDF_FONT"
#: The bundled face (``resources/fonts``): WenQuanYi Micro Hei, face 0 of the collection.
BUNDLED_FONT = "wqy-microhei.ttc"
#: A chosen font must have glyphs for all of these to be taken as a Chinese font at all.
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
            "找不到可用的中文 TrueType 字体，无法生成 PDF 报告（程序自带的字体 resources/fonts/"
            f"{BUNDLED_FONT} 缺失，安装可能不完整，请重新安装）。"
            "也可以自选字体：Windows 上的宋体（SimSun）、黑体（SimHei）或微软雅黑；"
            "Linux 上的 fonts-wqy-zenhei（例如 sudo apt install fonts-wqy-zenhei）；"
            "在数据文件夹的 settings.json 中把 pdf_font 设为一个 .ttf 或 .ttc 字体文件的路径（也可设置环境变量 DQSA_PDF_FONT）。"
            "注意：OpenType/CFF 字体（如思源黑体、Noto Sans CJK 的 .otf 文件）不能使用。"
        )
        if refused:
            message += "\n不能使用的字体：\n" + "\n".join(refused)
        super().__init__(message)
        self.refused = list(refused or [])


class MissingGlyphs(FontNotFound):
    """Characters that no available face can draw: the export stops instead of printing boxes."""

    def __init__(self, characters: Iterable[str]) -> None:
        chars = sorted(set(characters))
        self.characters = chars
        self.refused = []
        shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in chars[:20]) + ("等" if len(chars) > 20 else "")
        Exception.__init__(
            self,
            f"报告中有 {len(chars)} 个字符在所有可用字体中都没有字形，打印出来会是空白或方框，"
            f"因此没有生成材料包：{shown}。"
            "请把这些字符改为常用写法，或在设置中选择一个包含这些字符的 TrueType 字体（.ttf 或 .ttc）。",
        )


class ChosenFontUnusable(FontNotFound):
    """The font the user chose (settings.json's ``pdf_font`` or ``DQSA_PDF_FONT``) cannot be used.

    Said, not passed over: a person who chose a font expects it in the report, and a report
    quietly drawn in another face looks like the choice was taken.
    """

    def __init__(self, path: Path, reason: str, source: str) -> None:
        self.refused = [f"{path}：{reason}"]
        self.path, self.reason, self.source = path, reason, source
        Exception.__init__(
            self,
            f"选定的 PDF 字体不能使用（{source}）：{path}\n原因：{reason}。\n"
            f"请把{source}改为一个中文 TrueType 字体文件（.ttf 或 .ttc，如 Windows 的 simhei.ttf、simsun.ttc），"
            "或者删除这项设置，程序会使用自带的字体。注意：OpenType/CFF 字体（如思源黑体、Noto Sans CJK 的 .otf 文件）不能使用。",
        )


#: Where a chosen font was given, as the message names it.
SETTING_SOURCE = "数据文件夹中 settings.json 的 pdf_font 设置"
ENV_SOURCE = f"环境变量 {FONT_ENV}"


@dataclass(frozen=True)
class FontChoice:
    """One face of a font file."""

    path: Path
    subfont_index: int  # 0 for a .ttf
    family: str  # human name, e.g. "WenQuanYi Micro Hei"


# --- finding ---------------------------------------------------------------------------


def find_cjk_font(configured: str | None = None) -> FontChoice:
    """The first usable Chinese TrueType face, or :class:`FontNotFound`.

    ``configured`` is a font file chosen by the user (settings.json's ``pdf_font``), else the
    ``DQSA_PDF_FONT`` environment variable; when the chosen file is not usable (missing, not
    a font, a CFF font, no Chinese glyphs) that is :class:`ChosenFontUnusable`, naming the
    file, why, and where it was chosen.
    """
    for source, path, indices in _candidates(configured):
        reason = ""
        for index in indices:
            choice, reason = _check(path, index)
            if choice is not None:
                return choice
            log.debug("font %s (face %d) is not usable: %s", path, index, reason)
        if source:
            log.warning("the chosen font %s is not usable: %s", path, reason)
            raise ChosenFontUnusable(path, reason, source)
    raise FontNotFound()


def bundled_font() -> FontChoice | None:
    """The bundled face, or None when the installation lacks it (then system fonts serve)."""
    for path, index in _bundled_fonts():
        if path.name == BUNDLED_FONT:
            choice, reason = _check(path, index or 0)
            if choice is None:
                log.warning("the bundled font %s is not usable: %s", path, reason)
            return choice
    return None


def _candidates(configured: str | None) -> Iterator[tuple[str, Path, list[int]]]:
    """(where the user chose it, "" if not chosen; file; faces to try) in search order, each file once.

    A font chosen in the settings comes first, and the environment variable only when none is."""
    seen: set[str] = set()

    def fresh(path: Path) -> bool:
        key = os.path.normcase(str(path.absolute()))
        if key in seen:
            return False
        seen.add(key)
        return True

    chosen = [(SETTING_SOURCE, configured), (ENV_SOURCE, os.environ.get(FONT_ENV))]
    source, text = next(((where, text) for where, text in chosen if text and text.strip()), ("", None))
    if text:
        path = Path(text.strip()).expanduser()
        fresh(path)
        yield source, path, _all_faces(path)
    for path, index in (*_bundled_fonts(), *_system_fonts()):
        if fresh(path):
            yield "", path, [index] if index is not None else _all_faces(path)


def _bundled_fonts() -> list[tuple[Path, int | None]]:
    """The bundled font first (face 0 of the collection), then any other file in the folder."""
    try:
        from dqsa.paths import resource_path

        folder = resource_path("fonts")
    except FileNotFoundError:
        return []
    if not folder.is_dir():
        return []
    files = sorted(
        (p for p in folder.iterdir() if p.suffix.lower() in _FONT_SUFFIXES),
        key=lambda p: (p.name != BUNDLED_FONT, p.name),
    )
    return [(p, 0 if p.name == BUNDLED_FONT else None) for p in files]


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
_checked: dict[tuple[str, int, int, int], tuple[TTFont | None, str]] = {}


def _check(path: Path, index: int) -> tuple[FontChoice | None, str]:
    """A usable :class:`FontChoice` for this face, or None and the reason why not."""
    if not path.is_file():
        return None, "文件不存在或不是文件"
    font, reason = _loaded(path, index)
    if font is None:
        return None, reason
    return FontChoice(path=path, subfont_index=index, family=_family_name(font)), ""


def _loaded(path: Path, index: int) -> tuple[TTFont | None, str]:
    """The face loaded by reportlab (cached while the file is unchanged), or None and why."""
    try:
        info = path.stat()
    except OSError:
        return None, "文件不存在或无法读取"
    key = (str(path.absolute()), index, info.st_mtime_ns, info.st_size)
    if key not in _checked:
        _checked[key] = _load(path, index)
    return _checked[key]


def _load(path: Path, index: int) -> tuple[TTFont | None, str]:
    from reportlab.pdfbase.ttfonts import TTFError

    try:
        font = _recording_font_class()(_font_name(path, index), str(path), subfontIndex=index, shapable=False)
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


_RECORDING_CLASS: type[TTFont] | None = None


def _recording_font_class() -> type[TTFont]:
    """reportlab's TTFont, noting every character it is asked to draw but has no glyph for.

    reportlab draws such a character as the empty ``.notdef`` glyph without a word; this
    is the net under :class:`ReportFonts`, which normally routes those characters to
    another face before they get here.
    """
    global _RECORDING_CLASS
    if _RECORDING_CLASS is None:
        from reportlab.pdfbase.ttfonts import TTFont

        class RecordingTTFont(TTFont):  # type: ignore[misc]  # reportlab has no type hints
            missing: set[str]

            def splitString(self, text: str | bytes, doc: object, encoding: str = "utf-8") -> object:
                if isinstance(text, bytes):
                    text = text.decode(encoding)
                glyphs = self.face.charToGlyph
                for char in text:
                    code = ord(char)
                    if code >= 0x20 and code != 0xA0 and code not in glyphs:
                        self.__dict__.setdefault("missing", set()).add(char)
                return super().splitString(text, doc, encoding)

        _RECORDING_CLASS = RecordingTTFont
    return _RECORDING_CLASS


def _family_name(font: TTFont) -> str:
    raw: bytes | str = getattr(font.face, "familyName", b"") or getattr(font.face, "name", b"")
    name = raw if isinstance(raw, str) else ""
    if isinstance(raw, bytes):
        for encoding in ("utf-8", "utf-16-be", "latin-1"):
            try:
                name = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return name.strip() or Path(font.face.filename).stem


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


def _drawable(char: str) -> bool:
    """Whether a character is drawn with a glyph (not a control character or a line break)."""
    return ord(char) >= 0x20 and char != "\xa0"


@dataclass
class ReportFonts:
    """The faces one report (or stamp) is drawn in: the chosen face first, then fallbacks.

    :meth:`markup` and :meth:`face_for` send every character to the first face that has
    a glyph for it; :meth:`check` raises :class:`MissingGlyphs` when anything was drawn
    without one (no face had it).
    """

    primary: str
    fallbacks: list[str]
    _glyphs: dict[str, dict[int, int]] = field(default_factory=dict, repr=False)
    _system_tried: bool = field(default=False, repr=False)

    @property
    def names(self) -> list[str]:
        return [self.primary, *self.fallbacks]

    def has(self, name: str, char: str) -> bool:
        if name not in self._glyphs:
            from reportlab.pdfbase import pdfmetrics

            self._glyphs[name] = pdfmetrics.getFont(name).face.charToGlyph
        return ord(char) in self._glyphs[name]

    def face_of(self, char: str) -> str:
        """The first face with a glyph for ``char`` (the chosen face when none has one)."""
        if not _drawable(char) or self.has(self.primary, char):
            return self.primary
        for name in self.fallbacks:
            if self.has(name, char):
                return name
        if not self._system_tried:
            self._system_tried = True
            self._add_system_fallbacks()
            return self.face_of(char)
        return self.primary

    def lacking(self, text: str) -> list[str]:
        """The characters of ``text`` no face (not even the machine's own fonts) can draw.

        Only what would be drawn counts: what :meth:`markup` leaves out (control characters,
        bidi overrides, non-characters that got in before the checks at entry) stops nothing.
        """
        shown = printable(text)
        return [c for c in dict.fromkeys(shown) if _drawable(c) and not self.has(self.face_of(c), c)]

    def face_for(self, text: str) -> str:
        """One face for a string drawn in a single font (page footer, chart labels)."""
        for name in self.names:
            if all(not _drawable(c) or self.has(name, c) for c in text):
                return name
        return self.face_of(next((c for c in text if not self.has(self.primary, c)), " "))

    def markup(self, text: str) -> str:
        """``text`` escaped for a reportlab paragraph, with ``<font>`` runs where the chosen face lacks glyphs.

        What cannot be shown (control characters, bidi overrides, lone surrogates: text that got
        in before the checks at entry) is left out, never written into the PDF.
        """
        text = printable(text)
        if all(not _drawable(c) or self.has(self.primary, c) for c in text):
            return escape(text)
        parts: list[str] = []
        run: list[str] = []
        current = self.primary

        def flush() -> None:
            if run:
                chunk = escape("".join(run))
                parts.append(chunk if current == self.primary else f'<font name="{current}">{chunk}</font>')
                run.clear()

        for char in text:
            face = self.face_of(char) if _drawable(char) else current
            if face != current:
                flush()
                current = face
            run.append(char)
        flush()
        return "".join(parts)

    def reset(self) -> None:
        """Forget what earlier drawing found missing (call before building)."""
        from reportlab.pdfbase import pdfmetrics

        for name in self.names:
            pdfmetrics.getFont(name).__dict__.pop("missing", None)

    def release(self) -> None:
        """Drop reportlab's per-document subset state (call after building).

        A registered TTFont keeps a state per document it was used in, and through it the
        whole document with its images: without this every export added ~35 MB for good.
        """
        from reportlab.pdfbase import pdfmetrics

        for name in self.names:
            state = getattr(pdfmetrics.getFont(name), "state", None)
            if isinstance(state, dict):
                state.clear()

    def check(self) -> None:
        """:class:`MissingGlyphs` when any face was asked for a character it has no glyph for."""
        from reportlab.pdfbase import pdfmetrics

        missing: set[str] = set()
        for name in self.names:
            missing |= pdfmetrics.getFont(name).__dict__.get("missing", set())
        if missing:
            raise MissingGlyphs(missing)

    def _add_system_fallbacks(self) -> None:
        """The machine's Chinese fonts, for characters neither the chosen nor the bundled face has."""
        for path, index in _system_fonts():
            for face in [index] if index is not None else _all_faces(path):
                choice, _ = _check(path, face)
                if choice is not None:
                    name = register_reportlab_font(choice)
                    if name not in self.names:
                        self.fallbacks.append(name)


def report_fonts(choice: FontChoice) -> ReportFonts:
    """The chosen face, with the bundled face behind it for the characters it lacks."""
    primary = register_reportlab_font(choice)
    fallbacks: list[str] = []
    bundled = bundled_font()
    if bundled is not None:
        name = register_reportlab_font(bundled)
        if name != primary:
            fallbacks.append(name)
    return ReportFonts(primary, fallbacks)
