"""What can go wrong with a dqsa file, each with a Chinese message saying what to do."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


class StoreError(Exception):
    """A center file problem a person must know about."""

    def __init__(self, message: str, *, path: Path | None = None, backup: Path | None = None) -> None:
        self.path = path
        self.newest_backup = backup
        if backup is not None:
            message += f"\n最近的自动备份：{backup}（可在“文件 → 备份”中恢复）"
        super().__init__(message)


class NotACenterFile(StoreError):
    """The file is not a dqsa center file (random bytes, another program's database)."""


class CorruptFile(StoreError):
    """The file is a dqsa file but damaged (truncated, failed integrity check)."""


class NewerFile(StoreError):
    """The file was written by a newer dqsa whose schema this program does not know."""


class FileInUse(StoreError):
    """Another running copy of the program has the file open."""


class SaveFailed(StoreError):
    """An edit could not be saved (disk full, read-only folder, I/O error).

    ``pending`` describes the edit that was not saved, so the caller can keep it on
    screen and try again.
    """

    def __init__(self, message: str, *, path: Path | None = None, pending: str = "") -> None:
        super().__init__(message, path=path)
        self.pending = pending


class ReadOnlyFile(SaveFailed):
    """The file is open read-only (read-only media or folder, a read-only file, a full disk):
    no edit is saved. The message says why and what to do."""


class StoreClosed(StoreError):
    """The file was closed (or could not be reopened after a restore): nothing can be read or saved."""


class AssessmentNotFound(StoreError):
    """No assessment for the asked year."""


def backup_refusal(message: str, copy: Path, shown: Path, noun: str, what: str) -> str:
    """A damage found in a copy of a backup, told about the backup: its first line, then what to do."""
    first = message.splitlines()[0].replace(str(copy), str(shown)).replace(noun, what, 1)
    if str(shown) not in first:
        first += f"：{shown}"
    return f"{what}不能用来恢复，当前文件没有改动。{first}\n请选择其他备份。"


class SignedYear(StoreError):
    """The year was signed and sent: it is read-only until it is explicitly reopened.

    What was sent stays what was sent: an edit would make the file differ from the
    packet the level above holds, so it must be a decision (修改（需重新报送）,
    ``--reopen`` on the command line), recorded in the history.
    """

    def __init__(self, year: int, signed_at: datetime | None = None, *, path: Path | None = None) -> None:
        self.year = year
        when = (
            f"已于 {signed_at.year}年{signed_at.month}月{signed_at.day}日 " if signed_at is not None else "已"
        )
        super().__init__(
            f"{year} 年度的自评{when}签署报送，为与报送的材料包保持一致，现在不能修改。"
            "如确需修改，请先选择“修改（需重新报送）”（命令行加 --reopen）；修改后需要重新签署导出并报送。",
            path=path,
        )
