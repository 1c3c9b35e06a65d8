"""Compile ``forms/*.ui`` into ``dqsa/ui/forms/ui_*.py`` with pyside6-uic.

Run after editing a form in Qt Designer: ``python -m dqsa.ui.build_forms``.
A test checks that the generated files are up to date.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FORMS = REPO / "forms"
GENERATED = Path(__file__).resolve().parent / "forms"
HEADER = "# Automatically generated from forms/{name} by dqsa.ui.build_forms - do not edit.\n"


def uic_command() -> list[str]:
    tool = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if tool is None:
        raise SystemExit("pyside6-uic not found (it comes with PySide6)")
    return [tool]


def compile_form(form: Path) -> str:
    """The Python code for one form, without uic's version-stamped comment lines."""
    output = subprocess.run(
        [*uic_command(), "--from-imports", str(form)],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    ).stdout
    body = "".join(line for line in output.splitlines(keepends=True) if not line.startswith("##"))
    return HEADER.format(name=form.name) + body.lstrip("\n")


def main() -> None:
    GENERATED.mkdir(exist_ok=True)
    (GENERATED / "__init__.py").write_text(
        '"""Python generated from forms/*.ui (do not edit)."""\n', encoding="utf-8"
    )
    for form in sorted(FORMS.glob("*.ui")):
        (GENERATED / f"ui_{form.stem}.py").write_text(compile_form(form), encoding="utf-8")


if __name__ == "__main__":
    main()
