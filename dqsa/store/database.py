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

from sqlalchemy import Engine, create_engine, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from dqsa.domain.errors import InvalidInput
from dqsa.store.durable import DurableFile
from dqsa.store.errors import CorruptFile, ReadOnlyFile, SaveFailed, StoreClosed, StoreError

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
            try:
                yield driver
            except StoreError:
                raise
            except (DBAPIError, sqlite3.Error, ValueError, ArithmeticError) as exc:
                raise self.unreadable(exc) from exc

    def session(self) -> Session:
        self._check_open()
        return self.sessions()

    def read(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in a session that only reads; what cannot be read → :class:`StoreError`.

        A value SQLite cannot decode, a damaged page, a row whose text is not what the
        program wrote (bad JSON, a status it does not know): :class:`CorruptFile` saying so,
        never a traceback. :class:`InvalidInput` (a question the caller asked wrongly) passes.
        """
        with self.session() as session:
            try:
                return work(session)
            except (InvalidInput, StoreError):
                raise
            except (DBAPIError, sqlite3.Error, ValueError, ArithmeticError) as exc:
                raise self.unreadable(exc) from exc

    def unreadable(self, exc: BaseException) -> StoreError:
        """What a person is told when the file's content cannot be read (damaged, or the disk went away)."""
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        detail = detail.split(" with text '")[0][:200]  # not the undecodable bytes themselves
        noun, path = self.file.kind.noun, self.path
        log.warning("cannot read %s: %s", path, exc, exc_info=exc)
        if any(word in detail.lower() for word in ("disk i/o", "unable to open", "no such file")):
            return StoreError(
                f"读取{noun}时出错（{detail}）：{path}\n请检查 U 盘或磁盘是否已拔出，然后重新打开文件。",
                path=path,
            )
        newest = self.file.backups()
        return CorruptFile(
            f"{noun}的内容已损坏，无法读取（{detail}）：{path}\n"
            "本程序不会改动这个文件。请从自动备份恢复（文件 → 备份与恢复），或改用完好的副本。",
            path=path,
            backup=newest[0] if newest else None,
        )

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
            if _damaged(exc):
                raise self.unreadable(exc) from exc
            raise SaveFailed(save_failure_message(exc), path=self.path, pending=describe) from exc
        except sqlite3.Error as exc:  # raised by a raw connection, not wrapped by SQLAlchemy
            if _damaged(exc):
                raise self.unreadable(exc) from exc
            raise SaveFailed(save_failure_message(exc), path=self.path, pending=describe) from exc
        except (ValueError, ArithmeticError) as exc:  # a row read on the way is damaged
            raise self.unreadable(exc) from exc
        finally:
            session.close()

    def backup(self, reason: str) -> Path:
        """Take a consistent backup now."""
        with self.raw() as raw:
            return self.file.backup(reason, raw)

    def restore(self, backup: Path, *, check: Callable[[Path, Path], None] | None = None) -> Path:
        """Replace the file's content with a backup's, read whole by ``check`` first (see :meth:`DurableFile.restore`)."""
        self._check_open()
        return self.file.restore(backup, release=self._release, check=check)

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


def read_every_row(session: Session, base: type[DeclarativeBase], *, skip: tuple[type, ...] = ()) -> None:
    """Load every row of every table of ``base`` (each column decoded as the program reads it).

    A text SQLite cannot decode, a date that is not a date: the error a later read would
    meet, met now (see :mod:`dqsa.store.checkup`). Tables in ``skip`` (large blobs) are the caller's.
    """
    for mapper in base.registry.mappers:
        model = mapper.class_
        if issubclass(model, skip):
            continue
        for _ in session.scalars(select(model)).yield_per(500):
            pass
        session.expunge_all()


def _damaged(exc: DBAPIError | sqlite3.Error) -> bool:
    """The file's content is damaged (not the disk full or read-only)."""
    text = str(getattr(exc, "orig", exc)).lower()
    return "could not decode" in text or "malformed" in text or "not a database" in text


def save_failure_message(exc: DBAPIError | sqlite3.Error) -> str:
    """What a person is told when an edit could not be written (SQLAlchemy's error or sqlite3's own)."""
    cause = getattr(exc, "orig", exc)
    text = str(cause).lower()
    if isinstance(exc, IntegrityError | sqlite3.IntegrityError):
        return f"保存失败：数据不一致（{cause}）。刚才的修改没有保存，已保存的内容不受影响。"
    if "full" in text:
        return (
            "磁盘空间已满，刚才的修改没有保存。请删除一些不需要的文件腾出空间后再试；已保存的内容不受影响。"
        )
    if "readonly" in text or "read-only" in text or "permission" in text:
        return "文件或所在文件夹是只读的，刚才的修改没有保存。请把文件复制到可写的文件夹（如“文档”）后再打开；已保存的内容不受影响。"
    if "locked" in text or "busy" in text:
        return "文件正被其他程序占用，刚才的修改没有保存。请稍后再试。"
    return f"读写磁盘出错，刚才的修改没有保存（{cause}）。请检查磁盘或 U 盘是否已拔出；已保存的内容不受影响。"
