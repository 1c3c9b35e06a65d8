"""Consistent copies of a dqsa file through SQLite's backup API, kept N deep.

Generic: backups are named ``<time>-<reason><suffix>``, the suffix being the
file's own (``.dqsa`` for a center file), in a folder per file.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

DEFAULT_KEEP = 10
#: Automatic backups on open are taken at most this often.
AUTOMATIC_INTERVAL = timedelta(days=1)


def backup_folder(root: Path, center_file: Path) -> Path:
    """A folder per center file, named so two files of the same name do not mix."""
    digest = hashlib.sha256(str(center_file.resolve()).encode("utf-8")).hexdigest()[:8]
    return root / f"{center_file.stem}-{digest}"


def list_backups(folder: Path, suffix: str = ".dqsa") -> list[Path]:
    """Backups in a folder, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{suffix}"), key=lambda p: p.name, reverse=True)


def newest_backup(folder: Path, suffix: str = ".dqsa") -> Path | None:
    """The newest backup, if any."""
    backups = list_backups(folder, suffix)
    return backups[0] if backups else None


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live database consistently (the backup API), then fsync the copy.

    Nothing is left behind when the copy fails (a full disk): the partial copy is removed.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        partial.replace(target)
    except BaseException:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise


def take_backup(
    source: sqlite3.Connection, folder: Path, *, reason: str, keep: int = DEFAULT_KEEP, suffix: str = ".dqsa"
) -> Path:
    """Write a new backup named by time and reason; keep only the newest ``keep``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{stamp}-{reason}{suffix}"
    copy_database(source, target)
    for old in list_backups(folder, suffix)[keep:]:
        old.unlink(missing_ok=True)
    return target


def backup_due(folder: Path, now: datetime | None = None, suffix: str = ".dqsa") -> bool:
    """True when no backup was taken within :data:`AUTOMATIC_INTERVAL`."""
    newest = newest_backup(folder, suffix)
    if newest is None:
        return True
    taken = datetime.fromtimestamp(newest.stat().st_mtime)
    return (now or datetime.now()) - taken >= AUTOMATIC_INTERVAL
