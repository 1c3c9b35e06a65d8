"""A durable SQLite file: what every kind of dqsa file promises, whatever its tables.

A center file and (later) the receiving desk's file are both opened through here; a
:class:`FileKind` says which application id marks the file, where its migrations are
and which schema revisions this program knows. Nothing here knows a table.

What opening promises:

- the file is checked before SQLite may change it (header, application id, integrity,
  schema revision), through a connection that creates nothing beside the file
  (``immutable=1``): a refused file is left exactly as it was, with no ``-wal``,
  ``-shm`` or ``.lock`` beside it;
- a lock keyed to the file itself (:mod:`dqsa.store.lock`);
- pragmas for a laptop that may lose power at any moment: ``journal_mode=WAL`` (a
  commit appends to the log and needs one fsync; readers never block the writer; a
  clean close checkpoints and removes the log, so the file alone is the whole record),
  ``synchronous=FULL`` (the log is fsynced at every commit), ``foreign_keys=ON``;
- an older schema is backed up, then migrated (Alembic, imported only then); a newer
  one is refused;
- a backup at most daily, N deep (:mod:`dqsa.store.backups`);
- a file that cannot be written (read-only media or folder, a read-only file, a full
  disk) opens read-only, with :attr:`DurableFile.read_only` saying why and what to do,
  or is refused with a message when even that is not safe;
- restoring a backup checks it completely before anything is copied, keeps the lock
  throughout, and leaves the file closed, never half-open, if the reopen fails.

Plain ``sqlite3`` and the standard library: SQLAlchemy is not needed to open a file.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from dqsa.store import backups
from dqsa.store.errors import StoreClosed, StoreError
from dqsa.store.lock import UNWRITABLE, CannotLock, FileLock
from dqsa.store.sqlitefile import (
    SQLITE_MAGIC,
    FileKind,
    check_contents,
    check_header,
    configure,
    frozen_connect,
    has_content,
    raw_connect,
    sidecars,
    unclean,
    upgrade,
)

__all__ = [
    "SQLITE_MAGIC",
    "DurableFile",
    "FileKind",
    "configure",
    "frozen_connect",
    "open_file",
    "raw_connect",
]

log = logging.getLogger(__name__)

#: Below this much free space a file is opened read-only (SQLite needs room for its log).
MIN_FREE_BYTES = 256 * 1024


# --- why a file cannot be written -------------------------------------------------------------


def read_only_words(kind: FileKind, cause: str) -> str:
    """Why a file is open read-only and what to do, for a banner and for refused edits."""
    if cause == "full":
        return (
            "磁盘空间已满，文件只能查看，不能修改。请删除一些不需要的文件腾出空间后重新打开，"
            "或把文件复制到空间充足的磁盘（如“文档”文件夹）后再打开。"
        )
    if cause == "file":
        return (
            f"这个{kind.noun}被设为只读，只能查看，不能修改。如需修改，请把文件复制到“文档”文件夹后再打开"
            "（或在文件属性中取消“只读”）。"
        )
    return (
        f"{kind.noun}所在的位置是只读的（如光盘、写保护的 U 盘，或没有写入权限的文件夹），只能查看，不能修改。"
        "如需修改，请把文件复制到“文档”文件夹后再打开。"
    )


def _cause(error: OSError | None, folder: Path) -> str:
    if error is not None and error.errno in {errno.ENOSPC, errno.EDQUOT}:
        return "full"
    with contextlib.suppress(OSError):
        if shutil.disk_usage(folder).free < MIN_FREE_BYTES:
            return "full"
    return "place"


def _file_unwritable(path: Path) -> str | None:
    """ "file" when the file itself refuses writing, "place" for read-only media; None if writable."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError as exc:
        if exc.errno == errno.EROFS:
            return "place"
        if exc.errno in UNWRITABLE:
            return "file"
        raise
    os.close(fd)
    return None


def _probe(path: Path) -> sqlite3.Error | None:
    """Open a writing connection once (SQLite makes its ``-shm`` now); the error if it cannot.

    Whatever the failed attempt created beside the file is removed again.
    """
    before = {p for p in sidecars(path) if p.exists()}
    try:
        connection = raw_connect(path)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        for sidecar in sidecars(path):
            if sidecar not in before:
                with contextlib.suppress(OSError):
                    sidecar.unlink(missing_ok=True)
        return exc
    return None


# --- the open file ----------------------------------------------------------------------------


class DurableFile:
    """One open file of a kind: its connections, backups, lock and read-only state."""

    def __init__(
        self,
        path: Path,
        kind: FileKind,
        *,
        backup_folder: Path,
        keep: int,
        lock: FileLock | None,
        read_only: str | None = None,
        created: bool = False,
    ) -> None:
        #: The path as given (absolute): what the person chose and sees.
        self.path = path
        #: The resolved path: what SQLite opens, so its log sits beside the real file.
        self.real_path = path.resolve()
        self.kind = kind
        self.backup_folder = backup_folder
        self.keep = keep
        #: Why the file is open read-only (a sentence to show), or None when it can be written.
        self.read_only = read_only
        #: True when this open created the file.
        self.created = created
        self.closed = False
        self._lock = lock

    def connect(self) -> sqlite3.Connection:
        """A new connection: configured for writing, or one that cannot write when read-only."""
        if self.closed:
            raise StoreClosed(f"{self.kind.noun}已经关闭：{self.path}", path=self.path)
        if self.read_only is not None:
            return frozen_connect(self.real_path)
        return raw_connect(self.real_path)

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        connection = self.connect()
        try:
            yield connection
        finally:
            connection.close()

    def backups(self) -> list[Path]:
        """This file's backups, newest first."""
        return backups.list_backups(self.backup_folder, self.kind.suffix)

    def backup(self, reason: str, source: sqlite3.Connection | None = None) -> Path:
        """Take a consistent backup now (through ``source`` if given)."""
        if source is not None:
            return backups.take_backup(
                source, self.backup_folder, reason=reason, keep=self.keep, suffix=self.kind.suffix
            )
        with self.connection() as connection:
            return self.backup(reason, connection)

    def checkpoint(self) -> None:
        """Write the log into the file and empty it (before closing or replacing the file)."""
        if self.read_only is not None or self.closed:
            return
        try:
            with self.connection() as connection:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:  # the data is safe in the log, replayed at the next open
            log.warning("checkpoint failed: %s", exc)

    def close(self) -> None:
        """Release the lock (once). Connections must be closed first (see :meth:`checkpoint`)."""
        if self.closed:
            return
        self.closed = True
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def discard(self) -> None:
        """Close and delete the file this open created, with its log and lock (nothing else is touched)."""
        if not self.created:
            raise StoreError(f"只能丢弃刚刚新建的{self.kind.noun}：{self.path}", path=self.path)
        self.close()
        for leftover in (self.real_path, *sidecars(self.real_path)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)

    # -- restoring a backup ----------------------------------------------------------------

    def check_backup(self, backup: Path) -> str:
        """Refuse a backup that is not a whole file of this kind this program can open; its revision."""
        backup = Path(backup)
        what = "备份文件"
        check_header(backup, self.kind)
        if backup.with_name(backup.name + "-wal").exists():
            raise StoreError(
                f"这个备份文件正在被其他程序使用（旁边有 -wal 文件），请先关闭它：{backup}", path=backup
            )
        return check_contents(backup, self.kind, what=what)

    def restore(
        self, backup: Path, *, release: Callable[[], None], check: Callable[[Path, Path], None] | None = None
    ) -> Path:
        """Replace the file's content with ``backup``'s; returns the safety copy of the old content.

        The backup is checked completely before the file is touched: header, application
        id, integrity and revision, then a copy of it (migrated when older) is read whole
        by ``check(copy, backup)`` (what the program reads: packs, answers, evidence, …),
        which raises :class:`StoreError` naming ``backup`` at the first damage. A refused backup leaves the file, its
        backups and the open store as they were. ``release`` closes every connection just
        before the file is replaced; the lock is held throughout. If the restored file then
        cannot be opened, this file is closed (lock released) and :class:`StoreClosed` says
        where the old content is: nothing keeps working on a file that is not there any more.
        """
        if self.read_only is not None:
            raise StoreError(f"文件以只读方式打开，不能恢复备份。{self.read_only}", path=self.path)
        revision = self.check_backup(backup)
        real = self.real_path
        restoring = real.with_name(real.name + ".restoring")

        def discard_copy() -> None:
            for leftover in (restoring, *sidecars(restoring)):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)

        try:
            source = frozen_connect(Path(backup))
            try:
                backups.copy_database(source, restoring)
            finally:
                source.close()
            if revision != self.kind.head:
                upgrade(restoring, self.kind)
            if check is not None:
                check(restoring, Path(backup))
        except StoreError:
            discard_copy()
            raise
        except Exception as exc:  # a copy that cannot be made, migrated or read: nothing was changed
            discard_copy()
            log.warning("restore of %s refused: %s", backup, exc, exc_info=exc)
            raise StoreError(f"恢复失败，文件没有改动（{exc}）。", path=self.path) from exc
        if revision != self.kind.head:  # the backup as it was, before its migration (the copy is migrated)
            source = frozen_connect(Path(backup))
            try:
                self.backup(f"before-upgrade-{revision}", source)
            finally:
                source.close()
        safety = self.backup("before-restore")
        release()
        try:
            for sidecar in sidecars(real):
                sidecar.unlink(missing_ok=True)
            restoring.replace(real)
            if self._lock is not None:
                self._lock.hold_file()  # the restored file is a new file (a new inode)
            check_contents(real, self.kind)
        except BaseException as exc:
            discard_copy()
            self.close()
            raise StoreClosed(
                f"备份已复制，但恢复后的文件无法打开（{exc}），文件已关闭。\n"
                f"恢复前的内容保存在：{safety}\n请重新打开文件，或从“文件 → 备份与恢复”选择其他备份。",
                path=self.path,
            ) from exc
        return safety

    def backup_upgraded(self, revision: str) -> None:
        """Back up a file of an older revision, then migrate it (the backup first, always)."""
        self.backup(f"before-upgrade-{revision}")
        log.info("upgrading %s from schema %s to %s", self.path, revision, self.kind.head)
        upgrade(self.real_path, self.kind)


def open_file(
    path: Path,
    kind: FileKind,
    *,
    create: bool,
    backups_root: Path,
    keep: int = backups.DEFAULT_KEEP,
    lock: bool = True,
) -> DurableFile:
    """Open (or create) a file of ``kind``, or raise a :class:`StoreError` saying why not."""
    given = Path(path).absolute()
    real = given.resolve()
    folder = backups.backup_folder(backups_root, real)

    def newest() -> Path | None:
        return backups.newest_backup(folder, kind.suffix)

    exists = real.exists()
    if not exists and not create:
        raise StoreError(f"找不到{kind.noun}：{given}", path=given, backup=newest())
    if exists:
        check_header(real, kind, newest())
    if not exists:
        try:
            real.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _cannot_create(kind, real, exc) from None
    file_lock = FileLock(real) if lock else None
    cause: str | None = None
    if file_lock is not None:
        try:
            file_lock.acquire()
        except CannotLock as exc:
            if not exists:
                raise _cannot_create(kind, real, exc.error) from None
            file_lock, cause = None, _cause(exc.error, real.parent)
    try:
        if not exists:
            _create(real, kind)
            if file_lock is not None:
                file_lock.hold_file()
            return DurableFile(given, kind, backup_folder=folder, keep=keep, lock=file_lock, created=True)
        revision = check_contents(real, kind, newest())
        if cause is None:
            cause = _file_unwritable(real)
        if cause is None and _cause(None, real.parent) == "full":
            cause = "full"
        if cause is None:
            failure = _probe(real)
            if failure is not None:
                log.warning("cannot write %s: %s", real, failure)
                cause = _cause(None, real.parent)
        if cause is not None:
            _check_viewable(real, kind, revision, newest())
        durable = DurableFile(
            given,
            kind,
            backup_folder=folder,
            keep=keep,
            lock=file_lock,
            read_only=None if cause is None else read_only_words(kind, cause),
        )
        if cause is None and revision != kind.head:
            durable.backup_upgraded(revision)
        if backups.backup_due(folder, suffix=kind.suffix):
            try:
                durable.backup("auto")
            except (OSError, sqlite3.Error) as exc:  # a full disk: the file opens all the same
                log.warning("automatic backup of %s failed: %s", real, exc)
        return durable
    except BaseException:
        if file_lock is not None:
            file_lock.release()
        raise


def _cannot_create(kind: FileKind, path: Path, error: OSError) -> StoreError:
    if error.errno in {errno.ENOSPC, errno.EDQUOT}:
        why = "磁盘空间已满"
    elif error.errno in UNWRITABLE:
        why = "位置只读或没有写入权限"
    else:
        why = error.strerror or str(error)
    return StoreError(f"无法在这里新建{kind.noun}（{why}）：{path}\n请选择“文档”等可写的文件夹。", path=path)


def _check_viewable(path: Path, kind: FileKind, revision: str, newest: Path | None) -> None:
    """A file that cannot be written can be viewed only if nothing waits in its log and no migration is due."""
    if has_content(sidecars(path)[0]):
        raise unclean(kind, path, newest)
    if not kind.readable_without_upgrade(revision):
        raise StoreError(
            f"这个{kind.noun}由旧版本保存，需要先升级才能打开，但现在无法写入：{path}\n"
            "请把文件复制到“文档”文件夹后再打开（升级前会自动备份）。",
            path=path,
            backup=newest,
        )


def _create(path: Path, kind: FileKind) -> None:
    try:
        connection = raw_connect(path)
        try:
            connection.execute(f"PRAGMA application_id={kind.application_id}")
            connection.commit()
        finally:
            connection.close()
        upgrade(path, kind)
    except BaseException as exc:
        for leftover in (path, *sidecars(path)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_create(kind, path, exc) from exc
        if isinstance(exc, sqlite3.Error):
            code = errno.ENOSPC if _cause(None, path.parent) == "full" else errno.EIO
            raise _cannot_create(kind, path, OSError(code, str(exc))) from exc
        raise
