"""Update ``resources/i18n/dqsa_en.ts`` from the sources and compile it to ``.qm``.

Chinese is the source language (the strings in the code and forms). Run after
changing interface text, translate the new entries (Qt Linguist or a text
editor), run again: ``python -m dqsa.ui.build_translations``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "resources" / "i18n"
LANGUAGES = ("en",)
#: Translations of Qt's own dialogs that Qt's catalogue lacks, written by hand (no lupdate).
QT_SUPPLEMENTS = ("qtbase_supplement_zh_CN",)


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    ui = REPO / "dqsa" / "ui"
    python = [p for p in sorted(ui.glob("*.py")) if not p.name.startswith("build_")]
    python += sorted((ui / "desk").glob("*.py"))  # the receiving desk's window
    python.append(REPO / "dqsa" / "years.py")  # the carry-over wording, marked with QT_TR_NOOP
    return [str(p) for p in python + sorted((REPO / "forms").glob("*.ui"))]


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = I18N / f"dqsa_{language}.ts"
        subprocess.run(
            [tool("pyside6-lupdate"), "-no-obsolete", "-source-language", "zh_CN", "-target-language", language,
             *sources(), "-ts", str(ts)],
            check=True,
        )  # fmt: skip
        release(ts, I18N / f"dqsa_{language}.qm")
    for name in QT_SUPPLEMENTS:
        release(I18N / f"{name}.ts", I18N / f"{name}.qm")


if __name__ == "__main__":
    main()
