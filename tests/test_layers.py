"""The domain layer imports no Qt, database or file-format library."""

from __future__ import annotations

import ast
from pathlib import Path

import dqsa

PACKAGE = Path(dqsa.__file__).parent
FORBIDDEN_IN_DOMAIN = {
    "PySide6",
    "shiboken6",
    "sqlalchemy",
    "sqlite3",
    "alembic",
    "yaml",
    "openpyxl",
    "reportlab",
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_domain_is_plain_python() -> None:
    for path in (PACKAGE / "domain").rglob("*.py"):
        bad = imported_modules(path) & FORBIDDEN_IN_DOMAIN
        assert not bad, f"{path.name} imports {bad}"


def test_only_the_ui_package_imports_qt() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        assert "PySide6" not in imported_modules(path), path


def test_the_store_does_not_reach_up() -> None:
    """store ↛ export, ui, cli (the store is below them; import-linter checks the same, transitively)."""
    for path in (PACKAGE / "store").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("dqsa.export", "dqsa.ui", "dqsa.cli")), (
                    f"{path.name} imports {name}"
                )


def test_the_import_contracts_hold() -> None:
    """The contracts in pyproject.toml's [tool.importlinter] (run by .ci/run too)."""
    import shutil
    import subprocess
    import sys

    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint is not None, "import-linter is missing: pip install -e '.[test]'"
    done = subprocess.run(
        [lint], cwd=PACKAGE.parent, capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout
