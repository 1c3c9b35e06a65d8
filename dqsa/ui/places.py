"""Where file dialogs start, and the folders the person used last (remembered in the settings).

A dialog first offers the folder used last for the same purpose; the first time, the
place a person would look: packets and photos arrive in Downloads or Pictures, a packet
to send is put on the Desktop. The window hands its settings over once
(:func:`use_settings`); without them (tests, a dialog on its own) nothing is remembered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dqsa import paths
from dqsa.settings import Settings, save_settings

#: The first choices per purpose, in order; the home folder when none exists.
_DEFAULTS: dict[str, tuple[Callable[[], Path | None], ...]] = {
    "export": (paths.desktop_dir, paths.documents_dir),
    "review-result": (paths.desktop_dir, paths.documents_dir),  # the desk's signed 审核结果
    "packet": (paths.downloads_dir, paths.desktop_dir, paths.documents_dir),
    "evidence": (paths.pictures_dir, paths.downloads_dir, paths.desktop_dir),
    "center": (paths.documents_dir,),
}

_settings: Settings | None = None


def use_settings(settings: Settings | None) -> None:
    """Remember folders in ``settings`` (saved on every change); None: remember nothing."""
    global _settings
    _settings = settings


def start_folder(purpose: str) -> Path:
    """The folder a dialog for ``purpose`` should open in."""
    if _settings is not None:
        last = _settings.folders.get(purpose)
        if last and Path(last).is_dir():
            return Path(last)
    for candidate in _DEFAULTS.get(purpose, ()):
        folder = candidate()
        if folder is not None and folder.is_dir():
            return folder
    return Path.home()


def remember_folder(purpose: str, folder: Path) -> None:
    """``folder`` was used for ``purpose``: offer it first next time."""
    if _settings is None:
        return
    text = str(folder)
    if _settings.folders.get(purpose) != text:
        _settings.folders[purpose] = text
        save_settings(_settings)
