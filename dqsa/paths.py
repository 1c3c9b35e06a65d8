"""Where things live: bundled resources (installed, editable or frozen).

User data, log and backup folders join this module when the store arrives; every
other module asks here instead of building paths itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding criteria packs, schemas, translations and examples.

    A wheel installs ``resources/`` inside the package; a source checkout (editable
    install) keeps it beside the package; PyInstaller unpacks it under ``_MEIPASS``.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates += [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if (candidate / "criteria").is_dir():
            return candidate
    raise FileNotFoundError(
        "找不到程序自带的资源文件夹 resources/（安装不完整？）。已查找：" + "、".join(map(str, candidates))
    )


def resource_path(*parts: str) -> Path:
    """A path inside the bundled resources folder."""
    return resources_dir().joinpath(*parts)
