"""Where things live: bundled resources, the user's data, backups and logs.

Every other module asks here instead of building paths itself. One override
point: the ``DQSA_HOME`` environment variable (tests, smoke runs), and portable
mode (a file named ``portable`` beside the executable) keeps everything beside
the program, for a USB stick.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "dqsa"
DEFAULT_FILE_NAME = "本中心.dqsa"


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


#: The marker file that makes a frozen program folder portable.
PORTABLE_MARKER = "portable"
#: The data folder a portable program keeps beside itself.
PORTABLE_DATA = "dqsa-data"


def portable_root() -> Path | None:
    """The frozen program's folder when a ``portable`` marker file stands beside the executable.

    Only a frozen program (PyInstaller) is portable: beside a Python interpreter the
    marker means nothing.
    """
    if not getattr(sys, "frozen", False):
        return None
    executable_dir = Path(sys.executable).resolve().parent
    return executable_dir if (executable_dir / PORTABLE_MARKER).is_file() else None


def data_dir() -> Path:
    """The user's data folder (created on demand by the callers that write to it)."""
    override = os.environ.get("DQSA_HOME")
    if override:
        return Path(override) / "data"
    portable = portable_root()
    if portable is not None:
        return portable / PORTABLE_DATA
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def log_dir() -> Path:
    """Where the rotating log file lives."""
    override = os.environ.get("DQSA_HOME")
    if override:
        return Path(override) / "logs"
    portable = portable_root()
    if portable is not None:
        return portable / PORTABLE_DATA / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def backups_dir() -> Path:
    """Automatic backups of center files, beside the user's data."""
    return data_dir() / "backups"


def default_center_file() -> Path:
    """The center file the program opens when none is named."""
    return data_dir() / DEFAULT_FILE_NAME


def documents_dir() -> Path:
    """Where a person expects to save what they send: their Documents folder (home if there is none).

    On Windows this follows a redirected Documents folder (D:\\文档, OneDrive) through the system's known folder.
    """
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def user_guide() -> Path | None:
    """The Chinese user guide shipped with the program (frozen, wheel or checkout)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen_root) / "docs"] if frozen_root else []
    candidates += [_PACKAGE_DIR / "docs", _PACKAGE_DIR.parent / "docs"]
    return next((c / "用户指南.md" for c in candidates if (c / "用户指南.md").is_file()), None)


def _known_folder(name: str) -> Path | None:
    """A folder of the user's (``desktop``, ``downloads``, ``pictures``) when it exists.

    platformdirs asks Windows for the known folder, so a redirected one (D:\\桌面, OneDrive) is found.
    """
    import platformdirs

    folder = Path(getattr(platformdirs, f"user_{name}_dir")())
    return folder if folder.is_dir() else None


def desktop_dir() -> Path | None:
    """The user's Desktop (None when there is none)."""
    return _known_folder("desktop")


def downloads_dir() -> Path | None:
    """The user's Downloads folder, where e-mailed packets land (None when there is none)."""
    return _known_folder("downloads")


def pictures_dir() -> Path | None:
    """The user's Pictures folder, where phone photos are usually copied (None when there is none)."""
    return _known_folder("pictures")
