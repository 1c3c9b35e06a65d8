"""Estimate the Windows bundle and installer from the Linux build and the Windows wheels.

No Windows Python can be had on this Linux machine, so the Windows bundle cannot be
frozen here. This script stages its closest stand-in and compiles the real installer
script over it:

1. the Linux bundle (``python packaging/build.py`` first) gives the list of what the
   program carries;
2. every extension module and Qt file in it is replaced by its counterpart from the
   **Windows wheels** of the same requirements (``pip download --platform win_amd64``),
   Qt's files chosen by packaging/trim.py with ``windows=True``;
3. Linux-only libraries (X11, ICU, GLib, the wheels' ``*.libs``) are left out, and the
   CPython runtime (libpython, lib-dynload, SQLite) stays as a stand-in for
   python311.dll, the standard library's .pyd files and sqlite3.dll;
4. makensis compiles packaging/installer.nsi over the staged folder.

Run: ``python benchmarks/windows_bundle.py [--keep DIR]``. Needs the package index
(for the wheels) and makensis. The result is an estimate; the Windows CI workflow
measures the real thing.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINUX_BUNDLE = ROOT / "dist" / "dqsa"
LINUX_EXTENSION = re.compile(r"\.(cpython-\d+-[^.]+|abi3)\.so(\.[\d.]+)?$")
#: Linux files kept as stand-ins for the CPython runtime that Windows carries instead.
RUNTIME_STAND_INS = ("libpython", "libsqlite3", "python3.")
#: Qt libraries only the Linux platform plugin needs.
LINUX_ONLY_QT = ("Qt6DBus", "Qt6XcbQpa")


def load_trim():
    spec = importlib.util.spec_from_file_location("dqsa_trim", ROOT / "packaging" / "trim.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def requirements() -> list[str]:
    """dqsa's runtime requirements, as pyproject.toml states them."""
    with (ROOT / "pyproject.toml").open("rb") as stream:
        return tomllib.load(stream)["project"]["dependencies"]


def download_windows_wheels(folder: Path) -> None:
    command = [
        sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--platform", "win_amd64",
        "--python-version", f"{sys.version_info.major}.{sys.version_info.minor}", "-d", str(folder),
        *requirements(),
    ]  # fmt: skip
    subprocess.run(command, check=True)


def unpack(wheels: Path, into: Path) -> None:
    for wheel in wheels.glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(into)


def windows_extension(linux_file: Path, windows_root: Path, relative: Path) -> Path | None:
    """``pkg/_mod.cpython-311-x86_64-linux-gnu.so`` -> ``pkg/_mod.cp311-win_amd64.pyd`` (or ``_mod.pyd``)."""
    stem = LINUX_EXTENSION.sub("", linux_file.name)
    folder = windows_root / relative.parent
    matches = sorted(folder.glob(f"{stem}.*pyd")) if folder.is_dir() else []
    return matches[0] if matches else None


def stage(staging: Path, windows_root: Path) -> Counter:
    """Build the stand-in Windows bundle in ``staging``; returns bytes by origin."""
    trim = load_trim()
    internal = LINUX_BUNDLE / "_internal"
    origin: Counter = Counter()
    missing: list[str] = []

    def put(source: Path, relative: Path, kind: str) -> None:
        target = staging / "_internal" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        origin[kind] += source.stat().st_size

    for path in sorted(internal.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        relative = path.relative_to(internal)
        top = relative.parts[0]
        if top in {"PySide6", "shiboken6"} or top.endswith(".libs"):
            continue  # Qt comes from the Windows wheel below; *.libs are Linux-only
        if top.startswith(RUNTIME_STAND_INS):
            put(path, relative, "CPython runtime (Linux stand-in)")
        elif len(relative.parts) == 1 and ".so" in path.name and not LINUX_EXTENSION.search(path.name):
            origin["left out: Linux system libraries"] += path.stat().st_size
        elif LINUX_EXTENSION.search(path.name):
            counterpart = windows_extension(path, windows_root, relative)
            if counterpart is None:
                missing.append(str(relative))
                put(path, relative, "extension modules without a Windows counterpart (Linux kept)")
            else:
                put(counterpart, relative.with_name(counterpart.name), "Windows wheels: extension modules")
        else:
            put(path, relative, "same on both: data, Python archives, resources")

    linux_qt = {p.name for p in (internal / "PySide6").rglob("*")} | {p.name for p in internal.glob("*.so*")}
    for path in sorted((windows_root / "PySide6").rglob("*")) + sorted(
        (windows_root / "shiboken6").rglob("*")
    ):
        if not path.is_file():
            continue
        relative = path.relative_to(windows_root)
        name = path.name
        in_plugins = "plugins" in relative.parts
        if in_plugins or "translations" in relative.parts:
            wanted = trim.kept(str(relative), windows=True) and name.endswith((".dll", ".qm"))
        elif name.endswith(".dll") and name.startswith("Qt6"):
            wanted = f"lib{name.removesuffix('.dll')}.so.6" in linux_qt and not name.startswith(LINUX_ONLY_QT)
        elif name.endswith(".pyd"):
            wanted = f"{name.removesuffix('.pyd')}.abi3.so" in linux_qt
        else:  # pyside6/shiboken6 and the MSVC runtime the wheel ships beside them
            wanted = name.endswith(".dll") and name.lower().startswith(
                ("pyside6", "shiboken6", "msvcp140", "vcruntime140", "concrt140")
            )
        if wanted:
            put(path, relative, "Windows wheels: Qt")
    shutil.copyfile(LINUX_BUNDLE / "dqsa", staging / "dqsa.exe")  # bootloader + Python archive
    origin["same on both: data, Python archives, resources"] += (staging / "dqsa.exe").stat().st_size
    if missing:
        print("no Windows counterpart found (Linux file kept):", ", ".join(missing))
    return origin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="stage here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    if not (LINUX_BUNDLE / "dqsa").is_file():
        sys.exit("build the Linux bundle first: python packaging/build.py")
    build_spec = importlib.util.spec_from_file_location("dqsa_build", ROOT / "packaging" / "build.py")
    build = importlib.util.module_from_spec(build_spec)
    build_spec.loader.exec_module(build)

    with tempfile.TemporaryDirectory(prefix="dqsa-winsize-") as temp:
        work = Path(temp)
        download_windows_wheels(work / "wheels")
        unpack(work / "wheels", work / "windows")
        staging = args.keep or work / "stage"
        if staging.exists() and any(staging.iterdir()):
            sys.exit(f"{staging} is not empty: name a new or empty folder")
        origin = stage(staging, work / "windows")
        total = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file())
        print("\nstaged Windows bundle (estimate):")
        for kind, size in sorted(origin.items(), key=lambda item: -item[1]):
            print(f"  {size / 2**20:7.1f} MB  {kind}")
        print(f"  {total / 2**20:7.1f} MB  in all (left-out lines excluded)")
        out = work / "dqsa-setup-windows-estimate.exe"
        if build.makensis(build.version(), staging, out) != 0:
            sys.exit("makensis failed")
        print(f"installer over the staged bundle: {out.stat().st_size / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
