"""The service API over one desk file (上级审核台账), used by the desk window, the command line and receiving.

:class:`DeskStore` is the one facade; its jobs live in their own modules:

- opening, locking, pragmas, migrations, backups and restore: the same durable-file
  layer as the center file (:mod:`dqsa.store.durable` with :data:`~dqsa.store.files.DESK_FILE`),
  seen through SQLAlchemy in :mod:`dqsa.store.database`;
- the packets folder beside the file: :mod:`dqsa.store.desk.blobs`;
- the roster: :mod:`~dqsa.store.desk.roster`; receiving (identification, superseding):
  :mod:`~dqsa.store.desk.receiving`; lists, roll-up inputs, who is missing:
  :mod:`~dqsa.store.desk.listing`; reviews: :mod:`~dqsa.store.desk.reviews`; stored
  packets, their members, the logs: :mod:`~dqsa.store.desk.packets`; the desk's own
  signing identity and the review results it returned: :mod:`~dqsa.store.desk.returns`.

Verifying and re-scoring a packet needs the export layer: ``dqsa.export.receive``
does that and hands the store an :class:`~dqsa.store.desk.records.IncomingPacket`
(``receive_packet(desk, path_or_bytes)`` is the one call for a window or a script).

Every edit is one committed transaction that also records the change. A file that
cannot be written opens read-only (:attr:`DeskStore.read_only` says why) and every
edit is refused with :class:`~dqsa.store.errors.ReadOnlyFile`.
"""

from __future__ import annotations

import sqlite3
import uuid
import zipfile
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dqsa.domain.errors import InvalidInput, Problem
from dqsa.domain.text import single_line
from dqsa.store.database import Database
from dqsa.store.desk import models as dm
from dqsa.store.desk.blobs import PacketFolder, packets_folder
from dqsa.store.desk.listing import ListingMixin
from dqsa.store.desk.packets import PacketsMixin
from dqsa.store.desk.receiving import ReceivingMixin
from dqsa.store.desk.records import DeskInfo, PacketState
from dqsa.store.desk.returns import ReturnsMixin
from dqsa.store.desk.reviews import ReviewMixin
from dqsa.store.desk.roster import RosterMixin
from dqsa.store.durable import open_file
from dqsa.store.errors import SaveFailed, StoreError
from dqsa.store.files import DESK_FILE
from dqsa.store.records import now

MAX_DESK_NAME = 200


def check_desk_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput([Problem("name", "请填写单位名称（例如：某某街道社会组织综合党委）")])
    if len(cleaned) > MAX_DESK_NAME:
        raise InvalidInput([Problem("name", f"单位名称太长（最多 {MAX_DESK_NAME} 字）")])
    try:
        return single_line(cleaned)
    except ValueError as exc:  # ESC, bidi overrides, …: see dqsa.domain.text
        raise InvalidInput([Problem("name", f"单位名称{exc}")]) from None


class DeskStore(RosterMixin, ReceivingMixin, ReturnsMixin, ListingMixin, ReviewMixin, PacketsMixin):
    """One open desk file and the packets folder beside it."""

    # -- opening --------------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = False,
        name: str | None = None,
        backups_root: Path | None = None,
        keep: int = 10,
        lock: bool = True,
    ) -> DeskStore:
        """Open (or with ``create``, make) a desk file; a :class:`StoreError` says why it cannot be.

        A new desk needs ``name`` (单位名称). Opening tidies the packets folder (leftovers of
        an interrupted receipt are removed, packets no row names moved to ``未入账/``).
        """
        if create and not Path(path).exists():
            name = check_desk_name(name or "")
        if backups_root is None:
            from dqsa.paths import backups_dir

            backups_root = backups_dir()
        file = open_file(
            Path(path), DESK_FILE, create=create, backups_root=backups_root, keep=keep, lock=lock
        )
        database = Database(file)
        store = cls(database, PacketFolder(packets_folder(file.real_path)))
        try:
            if file.created:
                assert name is not None
                store._write("新建审核台账", lambda s: store._init(s, name))
            elif file.read_only is None:
                store._folder.tidy(store._read(lambda s: list(s.scalars(select(dm.Packet.sha256)))))
        except BaseException:
            if file.created:
                database.discard()
            else:
                database.close()
            raise
        return store

    @classmethod
    def create(cls, path: Path, name: str, **options: object) -> DeskStore:
        """Make a new desk file (refused if ``path`` exists)."""
        if Path(path).exists():
            raise StoreError(f"文件已经存在：{path}\n请换一个文件名，或直接打开它。", path=Path(path))
        return cls.open(path, create=True, name=name, **options)  # type: ignore[arg-type]

    def _init(self, session: Session, name: str) -> None:
        session.add(dm.Desk(id=1, name=name, created_at=now(), uid=uuid.uuid4().hex))
        self._change(session, "desk.created", new={"name": name})

    @property
    def created(self) -> bool:
        """True when this open created the file."""
        return self._db.file.created

    def close(self) -> None:
        """Checkpoint and close the file (once)."""
        self._db.close()

    def __enter__(self) -> DeskStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the desk ------------------------------------------------------------------------------------

    def info(self) -> DeskInfo:
        """The desk's name and counts."""

        def read(session: Session) -> DeskInfo:
            desk = session.get(dm.Desk, 1)
            if desk is None:
                raise StoreError(f"审核台账缺少单位信息，可能已损坏：{self.path}", path=self.path)

            def count(model: type[dm.DeskBase], *where: object) -> int:
                return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]

            years = session.scalars(
                select(dm.Packet.year)
                .where(dm.Packet.state != PacketState.SUPERSEDED)
                .group_by(dm.Packet.year)
                .order_by(dm.Packet.year.desc())
            ).all()
            return DeskInfo(
                name=desk.name,
                created_at=desk.created_at,
                path=self.path,
                packets_folder=self.packets_folder,
                roster_size=count(dm.RosterEntry),
                centers=count(dm.DeskCenter),
                packets=count(dm.Packet),
                held=count(dm.Packet, dm.Packet.state == PacketState.HELD),
                years=tuple(years),
                read_only=self.read_only,
            )

        return self._read(read)

    def set_name(self, name: str) -> None:
        """Change the desk's 单位名称."""
        cleaned = check_desk_name(name)

        def work(session: Session) -> None:
            desk = session.get(dm.Desk, 1)
            assert desk is not None
            if desk.name != cleaned:
                self._change(session, "desk.name", old=desk.name, new=cleaned)
                desk.name = cleaned

        self._write("单位名称", work)

    # -- backups --------------------------------------------------------------------------------------

    def backups(self) -> list[Path]:
        """The desk file's automatic backups, newest first (the packets folder is not in them)."""
        return self._db.file.backups()

    def backup_now(self, reason: str = "manual") -> Path:
        return self._db.backup(reason)

    def restore(self, backup: Path) -> Path:
        """Replace the desk file's content with ``backup``'s; returns the safety copy taken first.

        Packets received after that backup stay in the packets folder and are moved to
        ``未入账/`` at the next open, from where they can be received again.
        """
        from dqsa.store.desk.checkup import check_desk_content

        try:
            return self._db.restore(backup, check=check_desk_content)
        finally:
            self._parsed_packs.clear()

    def export_backup(self, target: Path) -> Path:
        """One zip with a consistent copy of the desk file and every packet (文件 → 备份台账).

        Written through a temporary file beside ``target``: a failure (a full disk) leaves nothing.
        """
        from dqsa.fileio import OutputFailed, atomic_output
        from dqsa.store.backups import copy_database

        target = Path(target)
        stem = self.path.name
        try:
            with atomic_output(target, prefix=".desk-backup-") as temporary:
                copy = temporary.with_name(temporary.name + ".db")
                try:
                    with self._db.raw() as raw:
                        copy_database(raw, copy)
                    shas = self._read(lambda s: list(s.scalars(select(dm.Packet.sha256))))
                    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
                        archive.write(copy, stem)
                        for sha in shas:
                            path = self._folder.path_of(sha)
                            if path.is_file():
                                archive.write(path, f"{self.packets_folder.name}/{sha[:2]}/{sha}.zip")
                finally:
                    copy.unlink(missing_ok=True)
        except OutputFailed as exc:  # names the folder, why, and what to do; nothing is left behind
            raise SaveFailed(f"备份台账失败。{exc}", path=target) from exc
        except sqlite3.Error as exc:
            raise SaveFailed(f"备份台账失败（{exc}），没有写出备份文件。", path=target) from exc
        return target


__all__ = ["DeskStore", "check_desk_name"]
