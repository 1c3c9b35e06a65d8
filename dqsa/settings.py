"""User settings, declared in one place with type, default and meaning (no Qt).

Stored as JSON in the user's data folder. A damaged settings file is set aside
and defaults are used: settings are never worth refusing to start over.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from dqsa.fileio import write_text_atomic
from dqsa.paths import data_dir

log = logging.getLogger(__name__)
MAX_RECENT = 8
#: The text sizes offered (percent of the system's size).
TEXT_SCALES = (100, 125, 150)


@dataclass
class Settings:
    """Every setting of the program."""

    #: Interface language: "zh_CN" (default) or "en".
    language: str = "zh_CN"
    #: Center files opened recently, newest first.
    recent_files: list[str] = field(default_factory=list)
    #: A TrueType font chosen by the user for PDF reports (empty: automatic).
    pdf_font: str = ""
    #: Text size in the windows, percent of the system's size: one of TEXT_SCALES.
    text_scale: int = 100
    #: The folder last used, per purpose ("export", "packet", "evidence", "center").
    folders: dict[str, str] = field(default_factory=dict)

    def remember(self, path: Path) -> None:
        """Put a file at the top of the recent list."""
        text = str(path)
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]


def settings_path() -> Path:
    return data_dir() / "settings.json"


def load_settings() -> Settings:
    """The saved settings, or defaults."""
    path = settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        known = {f.name for f in fields(Settings)}
        settings = Settings(**{k: v for k, v in data.items() if k in known})
        if not isinstance(settings.recent_files, list) or not isinstance(settings.language, str):
            raise ValueError("wrong types")
        if settings.text_scale not in TEXT_SCALES:
            settings.text_scale = 100  # a damaged or hand-edited size: the normal one, not a refusal
        if not isinstance(settings.folders, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in settings.folders.items()
        ):
            settings.folders = {}
        return settings
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, TypeError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()


def save_settings(settings: Settings) -> None:
    """Save settings; a failure is logged, never raised."""
    try:
        write_text_atomic(settings_path(), json.dumps(asdict(settings), ensure_ascii=False, indent=2))
    except OSError as exc:
        log.warning("could not save settings: %s", exc)
