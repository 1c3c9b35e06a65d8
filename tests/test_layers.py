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
