"""A SQLite file of one kind: what marks it, how it is connected to, checked and migrated.

The lower half of :mod:`dqsa.store.durable` (which opens, locks, backs up and restores
files): no table is named here, only the :class:`FileKind`'s mark, migrations and
revisions. Plain ``sqlite3``; Alembic and SQLAlchemy are imported only to migrate.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from dqsa.store.errors import CorruptFile, NewerFile, NotACenterFile, StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileKind:
    """What distinguishes one kind of dqsa file: its mark, its words, its migrations."""

    #: ``PRAGMA application_id`` of every file of this kind.
    application_id: int
    #: What a person calls the file, in messages (中心文件).
    noun: str
    #: The file name's extension, also used for its backups.
    suffix: str
    #: Alembic's script folder for this kind (``env.py`` + ``versions/``).
    migrations: Path
    #: The newest schema revision this program writes (a test checks it is Alembic's head).
    head: str
    #: Every revision this program can open (older ones are migrated to ``head``).
    known_revisions: tuple[str, ...]
    #: Older revisions whose tables this program reads unchanged, so a file that cannot be
    #: written (and so cannot be migrated) can still be viewed read-only.
    readable_revisions: tuple[str, ...] = ()

    def readable_without_upgrade(self, revision: str) -> bool:
        return revision == self.head or revision in self.readable_revisions


def sidecars(path: Path) -> tuple[Path, Path]:
    """SQLite's ``-wal`` log and ``-shm`` index beside a file."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def unclean(kind: FileKind, path: Path, newest: Path | None) -> StoreError:
    wal = sidecars(path)[0]
    return StoreError(
        f"这个{kind.noun}上次没有正常关闭，最后的修改还在旁边的“{wal.name}”文件里，"
        f"但现在无法写入，不能安全地打开：{path}\n请把 {path.name} 和 {wal.name} 一起复制到“文档”文件夹后再打开。",
        path=path,
        backup=newest,
    )


def configure(connection: sqlite3.Connection) -> None:
    """The pragmas of every writing connection."""
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA busy_timeout=5000")


def raw_connect(path: Path) -> sqlite3.Connection:
    """A configured read-write sqlite3 connection (paths with any characters work)."""
    connection = sqlite3.connect(path, check_same_thread=False)
    try:
        configure(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def frozen_connect(path: Path) -> sqlite3.Connection:
    """A connection that can neither change the file nor create anything beside it.

    ``immutable=1``: no ``-wal`` or ``-shm`` is made and no lock taken, so it works on
    read-only media. It does not read a ``-wal`` log: use it where none is, or for
    what the log cannot change (the checks before a file is opened).
    """
    connection = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
    )
    connection.execute("PRAGMA query_only=ON")
    return connection


def check_header(path: Path, kind: FileKind, newest: Path | None = None) -> None:
    """Refuse what is plainly not an intact SQLite file, before SQLite touches it."""
    noun = kind.noun
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except IsADirectoryError:
        raise NotACenterFile(f"{path} 是一个文件夹，不是{noun}。", path=path) from None
    except PermissionError:
        raise StoreError(f"没有权限读取这个文件：{path}", path=path) from None
    except OSError as exc:
        raise StoreError(f"读取文件失败：{path}（{exc.strerror or exc}）", path=path, backup=newest) from None
    if size == 0:
        raise NotACenterFile(f"这是一个空文件，不是{noun}：{path}", path=path, backup=newest)
    if not header.startswith(SQLITE_MAGIC):
        raise NotACenterFile(
            f"这不是 dqsa {noun}（也不是 SQLite 数据库）：{path}\n请确认选择的是扩展名为 {kind.suffix} 的文件。",
            path=path,
            backup=newest,
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if (
        len(header) < 100
        or not page_size
        or size % page_size
        or (counter_valid and size < page_count * page_size)
    ):
        raise CorruptFile(
            f"{noun}不完整（可能复制或下载时被截断）：{path}\n请改用完整的原文件或自动备份，本程序不会改动这个文件。",
            path=path,
            backup=newest,
        )


def check_contents(path: Path, kind: FileKind, newest: Path | None = None, *, what: str | None = None) -> str:
    """Application id, integrity and schema revision, read without changing anything; returns the revision."""
    what = what or kind.noun
    wal, shm = sidecars(path)
    made_shm = False
    try:
        if has_content(wal):
            # The log holds the last commits (a crash, or open elsewhere): read through it, read-only.
            made_shm = not shm.exists()
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            connection.execute("PRAGMA query_only=ON")
        else:
            connection = frozen_connect(path)
    except sqlite3.Error as exc:
        if made_shm:
            shm.unlink(missing_ok=True)
        if has_content(wal):
            raise unclean(kind, path, newest) from None
        raise CorruptFile(f"{what}已损坏，无法打开：{path}（{exc}）", path=path, backup=newest) from None
    try:
        (app_id,) = connection.execute("PRAGMA application_id").fetchone()
        if app_id != kind.application_id:
            raise NotACenterFile(
                f"这是其他程序的数据库，不是 dqsa {kind.noun}：{path}\n本程序不会改动它。",
                path=path,
                backup=newest,
            )
        (result,) = connection.execute("PRAGMA quick_check").fetchone()
        if result != "ok":
            raise CorruptFile(f"{what}已损坏（完整性检查未通过）：{path}", path=path, backup=newest)
        revision = _revision(connection)
    except (sqlite3.Error, ValueError) as exc:  # ValueError: text SQLite holds that is not UTF-8
        raise CorruptFile(f"{what}已损坏，无法读取：{path}（{exc}）", path=path, backup=newest) from None
    finally:
        connection.close()
        if made_shm:
            with contextlib.suppress(OSError):
                shm.unlink(missing_ok=True)
    if revision is None:
        raise CorruptFile(f"{what}缺少数据结构信息，无法读取：{path}", path=path, backup=newest)
    if revision not in kind.known_revisions:
        raise NewerFile(
            f"这个文件由更新版本的 dqsa 保存（数据结构 {revision}），本程序无法读取：{path}\n"
            "请安装最新版本的 dqsa 后再打开。文件没有被改动。",
            path=path,
        )
    return revision


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


def upgrade(path: Path, kind: FileKind) -> None:
    """Run the kind's Alembic migrations up to head (Alembic and SQLAlchemy imported only now)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://", creator=lambda: raw_connect(path))
    try:
        with engine.begin() as sa_connection:
            config = Config()
            config.set_main_option("script_location", str(kind.migrations))
            config.attributes["connection"] = sa_connection
            command.upgrade(config, kind.head)
    finally:
        engine.dispose()
