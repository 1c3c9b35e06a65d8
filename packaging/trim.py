"""What the frozen bundle keeps: the trimming rules of packaging/dqsa.spec, as plain code.

Kept apart from the spec so that tests can check them on Windows and Linux file
lists alike, and ``benchmarks/windows_bundle.py`` can apply them to the Windows
wheels. Paths are bundle destinations such as ``PySide6/plugins/platforms/qwindows.dll``
(Windows) or ``PySide6/Qt/plugins/platforms/libqxcb.so`` (Linux), with ``/`` or ``\\``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

#: Qt's own translations: only the languages the program speaks.
KEEP_TRANSLATIONS = frozenset({"qtbase_zh_CN.qm", "qtbase_en.qm"})
#: Linux is a build check (the users run Windows): X11 only; a Wayland desktop runs the
#: program through XWayland, and Wayland's plugins and libraries (with EGL and Qt's
#: OpenGL module) would add 3.5 MB.
WINDOWS_PLATFORMS = frozenset({"qwindows", "qoffscreen", "qminimal"})
LINUX_PLATFORMS = frozenset({"qoffscreen", "qxcb"})
#: Plugin folders a widget program needs: platforms, image formats for photos, icon
#: engines, input methods for Chinese, themes and styles.
KEEP_PLUGIN_DIRS = frozenset(
    {
        "platforms", "imageformats", "iconengines", "platforminputcontexts", "platformthemes",
        "styles", "xcbglintegrations",
    }
)  # fmt: skip
#: Photos are JPEG, PNG (built into Qt), GIF, WEBP; icons ICO and SVG.
KEEP_IMAGE_FORMATS = frozenset({"qjpeg", "qgif", "qico", "qsvg", "qwebp"})
#: The GTK theme plugin drags in GTK's whole stack (cairo, pango, gdk-pixbuf...): Qt's
#: own dialogs are used instead (the XDG portal theme stays). Qt's virtual keyboard is
#: a Qt Quick program, whose libraries are dropped.
DROP_PLUGINS = frozenset({"qgtk3", "qtvirtualkeyboardplugin"})
#: Libraries of Qt modules the program does not use, which hooks may still pull in.
DROP_LIBRARY_PREFIXES = (
    "Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6Pdf", "Qt6Designer", "Qt6Multimedia", "Qt6WebEngine",
    "Qt6Sql", "Qt6Test", "Qt6Charts", "Qt6Graphs", "Qt6Labs", "Qt6Lottie", "Qt6VirtualKeyboard",
    "Qt6ShaderTools", "Qt63D", "Qt6Wayland", "Qt6WlShell", "Qt6EglFS", "Qt6EglFs", "Qt6OpenGL",
    "Qt6Help",
    "opengl32sw",  # Windows software OpenGL (20 MB): the program draws with the raster engine
)  # fmt: skip


#: Font engines the program never runs (see packaging/dqsa.spec): left out of the bundle.
#: ``PIL._imagingft`` is Pillow's FreeType text drawing (with FreeType, HarfBuzz, libpng and
#: Brotli, 2.9 MB): ``PIL.ImageDraw`` imports ``PIL.ImageFont``, which runs without it until
#: text is drawn, and the program draws no text with Pillow.
FONT_ENGINES = ("uharfbuzz", "fontTools", "PIL._imagingft")


def _stem(name: str) -> str:
    """``libqxcb.so`` and ``qwindows.dll`` -> ``qxcb``, ``qwindows``."""
    return name.split(".")[0].removeprefix("lib")


def _plugin_kept(parts: tuple[str, ...], windows: bool) -> bool:
    index = parts.index("plugins")
    if index + 1 >= len(parts) - 1:  # a file directly in plugins/
        return True
    folder, stem = parts[index + 1], _stem(parts[-1])
    if folder not in KEEP_PLUGIN_DIRS:
        return False
    if folder == "platforms":
        return stem in (WINDOWS_PLATFORMS if windows else LINUX_PLATFORMS)
    if folder == "imageformats":
        return stem in KEEP_IMAGE_FORMATS
    return stem not in DROP_PLUGINS


def kept(dest: str, *, windows: bool) -> bool:
    """Whether the bundle keeps the file at ``dest`` (a PyInstaller TOC destination)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    name = parts[-1]
    if parts[0] == "resources" and name.endswith(".ts"):
        return False  # translation sources: the program loads the compiled .qm beside them
    if "PySide6" in parts:
        if "translations" in parts and name.endswith(".qm"):
            return name in KEEP_TRANSLATIONS
        if "plugins" in parts and not _plugin_kept(parts, windows):
            return False
    return not name.removeprefix("lib").startswith(DROP_LIBRARY_PREFIXES)


def is_shared_dependency(dest: str, kind: str) -> bool:
    """A shared library beside the others or in a wheel's ``*.libs`` folder (not an extension module)."""
    path = PurePosixPath(dest.replace("\\", "/"))
    beside = len(path.parts) == 1 or path.parent.name.endswith(".libs")
    return kind == "BINARY" and beside and ".so" in path.name and not path.name.startswith("libpython")


def prune_orphans(
    binaries: list[tuple[str, str, str]], needs: Callable[[str], Iterable[str]]
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Linux: drop shared libraries that no kept binary needs (what dropped plugins needed).

    ``binaries`` are PyInstaller TOC entries ``(dest, src, kind)``; ``needs(src)``
    names the libraries a binary links to. Roots are the extension modules, Qt's
    libraries and plugins and libpython; a shared library stays only when a root
    needs it, directly or through other kept libraries. Returns (kept, dropped names).
    """
    by_name: dict[str, tuple[str, str, str]] = {}
    for entry in binaries:
        by_name.setdefault(PurePosixPath(entry[0].replace("\\", "/")).name, entry)
    todo = [src for dest, src, kind in binaries if not is_shared_dependency(dest, kind)]
    needed: set[str] = set()
    seen: set[str] = set()
    while todo:
        src = todo.pop()
        if src in seen:
            continue
        seen.add(src)
        for name in needs(src):
            base = PurePosixPath(name).name
            if base in by_name and base not in needed:
                needed.add(base)
                todo.append(by_name[base][1])

    def keep(entry: tuple[str, str, str]) -> bool:
        name = PurePosixPath(entry[0].replace("\\", "/")).name
        return not is_shared_dependency(entry[0], entry[2]) or name in needed

    kept_entries = [entry for entry in binaries if keep(entry)]
    dropped = sorted(PurePosixPath(e[0].replace("\\", "/")).name for e in binaries if not keep(e))
    return kept_entries, dropped
