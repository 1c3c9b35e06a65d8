"""A durable file seen through SQLAlchemy: an engine, sessions and one-transaction writes.

Generic (no table named here): the center store uses it, and so can any other kind of
dqsa file. Opening, locking, pragmas, migrations, backups and restore are
:mod:`dqsa.store.durable`'s; this adds the ORM and turns storage failures into
:class:`~dqsa.store.errors.SaveFailed` with a Chinese message.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from dqsa.domain.errors import InvalidInput
from dqsa.store.durable import DurableFile
from dqsa.store.errors import ReadOnlyFile, SaveFailed, StoreClosed, StoreError

log = logging.getLogger(__name__)
T = TypeVar("T")


class Database:
    """An open durable file: the SQLAlchemy engine, sessions and transactions."""

    def __init__(self, file: DurableFile) -> None:
        self.file = file
        self.engine: Engine = create_engine("sqlite://", creator=file.connect)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def read_only(self) -> str | None:
        return self.file.read_only

    @property
    def closed(self) -> bool:
        return self.file.closed

    def _check_open(self) -> None:
        if self.file.closed:
            raise StoreClosed(f"{self.file.kind.noun}已经关闭：{self.path}\n请重新打开文件。", path=self.path)

    @contextlib.contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """The underlying sqlite3 connection (for backups and checks)."""
        self._check_open()
        with self.engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            yield driver

    def session(self) -> Session:
        self._check_open()
        return self.sessions()

    def read(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in a session that only reads."""
        with self.session() as session:
            return work(session)

    def write(self, describe: str, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one committed transaction; storage failures → :class:`SaveFailed`.

        ``describe`` names the edit for the message of a failure (and the caller's retry).
        """
        if self.file.read_only is not None:
            raise ReadOnlyFile(
                f"文件以只读方式打开，刚才的修改没有保存。\n{self.file.read_only}",
                path=self.path,
                pending=describe,
            )
        session = self.session()
        try:
            with session.begin():
                result = work(session)
            return result
        except (InvalidInput, StoreError):
            raise
        except DBAPIError as exc:
            raise SaveFailed(save_failure_message(exc), path=self.path, pending=describe) from exc
        finally:
            session.close()

    def backup(self, reason: str) -> Path:
        """Take a consistent backup now."""
        with self.raw() as raw:
            return self.file.backup(reason, raw)

    def restore(self, backup: Path) -> Path:
        """Replace the file's content with a backup's (see :meth:`DurableFile.restore`)."""
        self._check_open()
        return self.file.restore(backup, release=self._release)

    def _release(self) -> None:
        self.file.checkpoint()
        self.engine.dispose()

    def close(self) -> None:
        """Checkpoint the log into the file, close connections, release the lock (once)."""
        if self.file.closed:
            return
        try:
            self._release()
        finally:
            self.file.close()

    def discard(self) -> None:
        """Close and delete a file this open created (see :meth:`DurableFile.discard`)."""
        self.engine.dispose()
        self.file.discard()


def save_failure_message(exc: DBAPIError) -> str:
    """What a person is told when an edit could not be written."""
    text = str(exc.orig).lower()
    if isinstance(exc, IntegrityError):
        return f"保存失败：数据不一致（{exc.orig}）。刚才的修改没有保存，已保存的内容不受影响。"
    if "full" in text:
        return (
            "磁盘空间已满，刚才的修改没有保存。请删除一些不需要的文件腾出空间后再试；已保存的内容不受影响。"
        )
    if "readonly" in text or "read-only" in text or "permission" in text:
        return "文件或所在文件夹是只读的，刚才的修改没有保存。请把文件复制到可写的文件夹（如“文档”）后再打开；已保存的内容不受影响。"
    if "locked" in text or "busy" in text:
        return "文件正被其他程序占用，刚才的修改没有保存。请稍后再试。"
    return (
        f"读写磁盘出错，刚才的修改没有保存（{exc.orig}）。请检查磁盘或 U 盘是否已拔出；已保存的内容不受影响。"
    )
