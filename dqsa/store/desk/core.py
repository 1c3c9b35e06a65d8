"""What every part of the desk store stands on: the open file, its packets folder, packs, transactions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from dqsa.domain.criteria import CriteriaPack
from dqsa.store.database import Database
from dqsa.store.desk import models as dm
from dqsa.store.desk.blobs import PacketFolder
from dqsa.store.errors import StoreError
from dqsa.store.records import now, to_json

T = TypeVar("T")


class PacketNotFound(StoreError):
    """No packet (or no center's packet for the year asked) in this desk."""


class DeskCore:
    """One open desk file: the database, the packets folder beside it, parsed packs, reads and writes."""

    def __init__(self, database: Database, folder: PacketFolder) -> None:
        self._db = database
        self._folder = folder
        self._parsed_packs: dict[int, CriteriaPack] = {}

    @property
    def path(self) -> Path:
        """The desk file's path, as it was given when opened."""
        return self._db.path

    @property
    def packets_folder(self) -> Path:
        """The folder beside the file that holds every received packet."""
        return self._folder.root

    @property
    def read_only(self) -> str | None:
        """Why the file is open read-only (a sentence saying what to do), or None when edits are saved."""
        return self._db.read_only

    @property
    def closed(self) -> bool:
        return self._db.closed

    def _write(self, describe: str, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one committed transaction; storage failures → :class:`SaveFailed`."""
        return self._db.write(describe, work)

    def _read(self, work: Callable[[Session], T]) -> T:
        return self._db.read(work)

    # -- packs ---------------------------------------------------------------------------------

    def _pack(self, session: Session, pack_ref: int) -> CriteriaPack:
        """A stored pack (as the packet carried it), parsed once per open file."""
        if pack_ref not in self._parsed_packs:
            from dqsa.store.pack_content import read_stored_pack

            row = session.get(dm.DeskPack, pack_ref)
            if row is None:
                raise LookupError(f"no stored pack {pack_ref}")
            self._parsed_packs[pack_ref] = read_stored_pack(
                row.content,
                row.content_hash,
                pack_id=row.pack_id,
                version=row.version,
                noun="审核台账",
                path=self.path,
            )
        return self._parsed_packs[pack_ref]

    def _store_pack(self, session: Session, content_hash: str, content: str, pack: dict[str, str]) -> int:
        """The row id of this exact pack content (added when new)."""
        found = session.scalar(select(dm.DeskPack.id).where(dm.DeskPack.content_hash == content_hash))
        if found is not None:
            return found
        row = dm.DeskPack(content_hash=content_hash, content=content, **pack)
        session.add(row)
        session.flush()
        return row.id

    # -- the packet a center sent for a year ------------------------------------------------------

    def _packet_row(self, session: Session, packet_id: int) -> dm.Packet:
        row = session.get(dm.Packet, packet_id)
        if row is None:
            raise PacketNotFound(f"台账中没有编号为 {packet_id} 的材料包。", path=self.path)
        return row

    # -- history -------------------------------------------------------------------------------------

    @staticmethod
    def _change(
        session: Session,
        what: str,
        *,
        center_id: int | None = None,
        packet_id: int | None = None,
        old: Any = None,
        new: Any = None,
    ) -> None:
        session.add(
            dm.DeskChange(
                at=now(),
                what=what,
                center_id=center_id,
                packet_id=packet_id,
                old_value=to_json(old),
                new_value=to_json(new),
            )
        )
