"""Opening a center file safely: checks, lock, pragmas, migrations, backups.

Pragmas, chosen for a laptop that may lose power at any moment:

- ``journal_mode=WAL``: a commit appends to the write-ahead log and needs one
  fsync; readers (an export running in the background) never block the writer.
  On a clean close the log is checkpointed and truncated, so the ``.dqsa`` file
  alone is the whole record again (safe to copy or email).
- ``synchronous=FULL``: the log is fsynced at every commit, so a committed edit
  survives power loss, not only a crash of the program.
- ``foreign_keys=ON``: deleting an assessment removes its answers, never leaves
  orphans.
- ``application_id`` marks the file as a dqsa center file, so another program's
  SQLite database is recognised and refused.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from dqsa.store import backups
from dqsa.store.errors import CorruptFile, NewerFile, NotACenterFile, StoreError
from dqsa.store.lock import FileLock

log = logging.getLogger(__name__)

APPLICATION_ID = 0x44515341  # "DQSA"
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The newest schema revision this program knows (a test checks it is Alembic's head).
SCHEMA_HEAD = "0001"
KNOWN_REVISIONS = ("0001",)
_MIGRATIONS = Path(__file__).parent / "migrations"


def _configure(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA busy_timeout=5000")


def raw_connect(path: Path) -> sqlite3.Connection:
    """A configured sqlite3 connection (paths with any characters work)."""
    connection = sqlite3.connect(path, check_same_thread=False)
    _configure(connection)
    return connection


def check_header(path: Path, backup_folder: Path) -> None:
    """Refuse what is plainly not an intact SQLite file, before SQLite touches it."""
    newest = backups.newest_backup(backup_folder)
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except PermissionError:
        raise StoreError(f"没有权限读取这个文件：{path}", path=path) from None
    except IsADirectoryError:
        raise NotACenterFile(f"{path} 是一个文件夹，不是中心文件。", path=path) from None
    if size == 0:
        raise NotACenterFile(f"这是一个空文件，不是中心文件：{path}", path=path, backup=newest)
    if not header.startswith(SQLITE_MAGIC):
        raise NotACenterFile(
            f"这不是 dqsa 中心文件（也不是 SQLite 数据库）：{path}\n请确认选择的是扩展名为 .dqsa 的文件。",
            path=path,
            backup=newest,
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if len(header) < 100 or size % page_size or (counter_valid and size < page_count * page_size):
        raise CorruptFile(
            f"中心文件不完整（可能复制或下载时被截断）：{path}\n请改用完整的原文件或自动备份，本程序不会改动这个文件。",
            path=path,
            backup=newest,
        )


class Database:
    """An open center file: the SQLAlchemy engine, sessions, and the lock."""

    def __init__(self, path: Path, lock: FileLock | None, backup_folder: Path, keep: int) -> None:
        self.path = path
        self.backup_folder = backup_folder
        self.keep = keep
        self._lock = lock
        self.engine: Engine = create_engine("sqlite://", creator=lambda: raw_connect(path))
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.closed = False

    @contextlib.contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """The underlying sqlite3 connection (for backups and checks)."""
        with self.engine.connect() as connection:
            yield connection.connection.driver_connection  # type: ignore[misc]

    def session(self) -> Session:
        return self.sessions()

    def backup(self, reason: str) -> Path:
        """Take a consistent backup now."""
        with self.raw() as raw:
            return backups.take_backup(raw, self.backup_folder, reason=reason, keep=self.keep)

    def close(self) -> None:
        """Checkpoint the log into the file, close connections, release the lock (once)."""
        if self.closed:
            return
        self.closed = True
        try:
            with self.raw() as raw:
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except (sqlite3.Error, DBAPIError) as exc:  # the data is safe in the log, replayed next open
            log.warning("checkpoint on close failed: %s", exc)
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def open_database(
    path: Path,
    *,
    create: bool,
    backups_root: Path,
    keep: int = backups.DEFAULT_KEEP,
    lock: bool = True,
) -> Database:
    """Open (or create) a center file, or raise a :class:`StoreError` saying why not."""
    path = Path(path)
    folder = backups.backup_folder(backups_root, path)
    exists = path.exists()
    if not exists and not create:
        raise StoreError(f"找不到中心文件：{path}", path=path, backup=backups.newest_backup(folder))
    if exists:
        check_header(path, folder)
    file_lock = FileLock(path) if lock else None
    if file_lock is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            file_lock.acquire()
        except PermissionError:
            raise StoreError(
                f"无法在这个文件夹中工作（只读或没有权限）：{path.parent}\n请把文件复制到“文档”等可写的文件夹后再打开。",
                path=path,
            ) from None
    try:
        if exists:
            _check_and_migrate(path, folder, keep)
        else:
            _create(path)
        database = Database(path, file_lock, folder, keep)
        if exists and backups.backup_due(folder):
            database.backup("auto")
        return database
    except BaseException:
        if file_lock is not None:
            file_lock.release()
        raise


def _create(path: Path) -> None:
    try:
        connection = raw_connect(path)
        try:
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            connection.commit()
        finally:
            connection.close()
        _upgrade(path)
    except BaseException:
        path.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise


def _read_only_connect(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (checks run before we know it is ours)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _check_and_migrate(path: Path, folder: Path, keep: int) -> None:
    newest = backups.newest_backup(folder)
    try:
        connection = _read_only_connect(path)
    except sqlite3.DatabaseError as exc:
        raise CorruptFile(f"中心文件已损坏，无法打开：{path}（{exc}）", path=path, backup=newest) from None
    try:
        (app_id,) = connection.execute("PRAGMA application_id").fetchone()
        if app_id != APPLICATION_ID:
            raise NotACenterFile(
                f"这是其他程序的数据库，不是 dqsa 中心文件：{path}\n本程序不会改动它。",
                path=path,
                backup=newest,
            )
        (result,) = connection.execute("PRAGMA quick_check").fetchone()
        if result != "ok":
            raise CorruptFile(f"中心文件已损坏（完整性检查未通过）：{path}", path=path, backup=newest)
        revision = _revision(connection)
        if revision is None:
            raise CorruptFile(f"中心文件缺少数据结构信息，无法读取：{path}", path=path, backup=newest)
        if revision not in KNOWN_REVISIONS:
            raise NewerFile(
                f"这个文件由更新版本的 dqsa 保存（数据结构 {revision}），本程序无法读取：{path}\n"
                "请安装最新版本的 dqsa 后再打开。文件没有被改动。",
                path=path,
            )
        needs_upgrade = revision != SCHEMA_HEAD
        if needs_upgrade:
            backups.take_backup(connection, folder, reason=f"before-upgrade-{revision}", keep=keep)
    except sqlite3.DatabaseError as exc:
        raise CorruptFile(f"中心文件已损坏，无法读取：{path}（{exc}）", path=path, backup=newest) from None
    finally:
        connection.close()
    if needs_upgrade:
        log.info("upgrading %s from schema %s to %s", path, revision, SCHEMA_HEAD)
        _upgrade(path)


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def _upgrade(path: Path) -> None:
    """Run the bundled Alembic migrations up to head (imported only when needed)."""
    from alembic import command
    from alembic.config import Config

    script_location = _MIGRATIONS

    engine = create_engine("sqlite://", creator=lambda: raw_connect(path))
    try:
        with engine.begin() as sa_connection:
            config = Config()
            config.set_main_option("script_location", str(script_location))
            config.attributes["connection"] = sa_connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()


def restore_backup(path: Path, backup: Path, *, backups_root: Path) -> Path:
    """Replace a (closed) center file's content with a backup's; returns the safety copy taken first.

    The backup is checked like any file being opened; the current file, if it is a
    readable SQLite file, is copied to the backups first, so the restore can be undone.
    """
    folder = backups.backup_folder(backups_root, path)
    check_header(backup, folder)
    _check_and_migrate_read_only(backup)
    lock = FileLock(path)
    lock.acquire()
    try:
        safety = folder / f"{datetime.now():%Y%m%d-%H%M%S-%f}-before-restore.dqsa"
        if path.exists():
            shutil.copy2(path, safety)
        source = _read_only_connect(backup)
        try:
            backups.copy_database(source, path.with_name(path.name + ".restoring"))
        finally:
            source.close()
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        path.with_name(path.name + ".restoring").replace(path)
        return safety
    finally:
        lock.release()


def _check_and_migrate_read_only(path: Path) -> None:
    """Refuse a backup that is not a dqsa file (without changing it)."""
    connection = _read_only_connect(path)
    try:
        (app_id,) = connection.execute("PRAGMA application_id").fetchone()
        (result,) = connection.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise CorruptFile(f"备份文件已损坏：{path}（{exc}）", path=path) from None
    finally:
        connection.close()
    if app_id != APPLICATION_ID:
        raise NotACenterFile(f"这不是 dqsa 的备份文件：{path}", path=path)
    if result != "ok":
        raise CorruptFile(f"备份文件已损坏：{path}", path=path)
