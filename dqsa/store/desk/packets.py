"""Stored packets for viewing: their rows, their bytes, the files inside them, last year's, the logs.

A packet's members are read straight from the kept zip (never unpacked to disk):
the whole packet is checked against the digest it was received under, then the
member against the digest its signed manifest lists.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dqsa.domain.rollup import Standard
from dqsa.fileio import OutputFailed, write_bytes_atomic
from dqsa.store.desk import models as dm
from dqsa.store.desk.core import DeskCore, PacketNotFound
from dqsa.store.desk.listing import parse_tables
from dqsa.store.desk.records import (
    HistoryEntry,
    MemberInfo,
    MemberKind,
    Outcome,
    PacketState,
    PacketSummary,
    Receipt,
)
from dqsa.store.errors import SaveFailed, StoreError
from dqsa.store.records import from_json

#: A member larger than this is not read into memory for viewing (the verifier's own limit).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
_FIXED_KINDS: dict[str, MemberKind] = {
    "answers.json": "answers",
    "criteria-pack.json": "pack",
}


def summary_of(row: dm.Packet) -> PacketSummary:
    return PacketSummary(
        id=row.id,
        sha256=row.sha256,
        size=row.size,
        received_at=row.received_at,
        source_name=row.source_name,
        center_id=row.center_id,
        center_name=row.center_name,
        level=row.center_level,
        level_label=row.level_label or row.center_level,
        region=row.center_region,
        year=row.year,
        standard=Standard(row.pack_id, row.pack_version, row.pack_kind, row.pack_title),
        fingerprint=row.fingerprint,
        signer_name=row.signer_name,
        signer_title=row.signer_title,
        signed_at=datetime.fromisoformat(row.signed_at),
        manifest_format=row.manifest_format,
        state=PacketState(row.state),
        superseded_by=row.superseded_by,
        held_reason=row.held_reason,
        held_for=row.held_for,
        total=row.total,
        max_total=row.max_total,
        percent=row.percent,
        unanswered=row.unanswered,
        tables=parse_tables(row.tables_json),
    )


def members_of(manifest: dict[str, Any]) -> list[MemberInfo]:
    """The files a manifest lists: the report and workbook first, then the evidence in its order."""
    evidence = {e["file"]: e for e in manifest.get("evidence", [])}
    members: list[MemberInfo] = []
    for name, entry in manifest.get("files", {}).items():
        if name in evidence:
            continue
        kind: MemberKind
        if name in _FIXED_KINDS:
            kind = _FIXED_KINDS[name]
        elif name.lower().endswith(".pdf"):
            kind = "report"
        elif name.lower().endswith(".xlsx"):
            kind = "workbook"
        else:
            kind = "document"
        members.append(MemberInfo(name, int(entry["size"]), str(entry["sha256"]), kind))
    order = {"report": 0, "workbook": 1, "answers": 2, "pack": 3, "document": 4}
    members.sort(key=lambda m: order[m.kind])
    files = manifest.get("files", {})
    for name, e in evidence.items():
        entry = files.get(name, {})
        members.append(
            MemberInfo(
                name,
                int(entry.get("size", 0)),
                str(entry.get("sha256", "")),
                "photo" if e.get("kind") == "photo" else "document",
                media_type=e.get("media_type"),
                target_kind=e.get("target_kind"),
                target_id=e.get("target_id"),
                caption=str(e.get("caption", "")),
                original_name=str(e.get("original_name", "")),
            )
        )
    return members


class PacketsMixin(DeskCore):
    """Stored packets, their bytes and members, the receipt log and the history."""

    def packet(self, packet_id: int) -> PacketSummary:
        """One stored packet; :class:`PacketNotFound` if there is none with this id."""
        return self._read(lambda s: summary_of(self._packet_row(s, packet_id)))

    def packets(
        self,
        *,
        center_id: int | None = None,
        year: int | None = None,
        states: tuple[PacketState, ...] | None = None,
    ) -> list[PacketSummary]:
        """Stored packets (every state unless ``states``), by year then signing time, newest first."""

        def read(session: Session) -> list[PacketSummary]:
            query = select(dm.Packet)
            if center_id is not None:
                query = query.where(dm.Packet.center_id == center_id)
            if year is not None:
                query = query.where(dm.Packet.year == year)
            if states is not None:
                query = query.where(dm.Packet.state.in_([s.value for s in states]))
            query = query.order_by(dm.Packet.year.desc(), dm.Packet.signed_utc.desc(), dm.Packet.id.desc())
            return [summary_of(row) for row in session.scalars(query)]

        return self._read(read)

    def held_packets(self) -> list[PacketSummary]:
        """Packets waiting for a reviewer to accept their signing identity."""
        return self.packets(states=(PacketState.HELD,))

    def counted_packet(self, center: int | str, year: int) -> PacketSummary:
        """The packet counted for a center (by id or name) and year; :class:`PacketNotFound` if none."""

        def read(session: Session) -> PacketSummary:
            query = select(dm.Packet).where(dm.Packet.year == year, dm.Packet.state == PacketState.ACCEPTED)
            if isinstance(center, int):
                query = query.where(dm.Packet.center_id == center)
            else:
                name = " ".join(center.split())
                ids = select(dm.DeskCenter.id).where(dm.DeskCenter.name == name)
                query = query.where(dm.Packet.center_id.in_(ids) | (dm.Packet.center_name == name))
            row = session.scalars(query.order_by(dm.Packet.id)).first()
            if row is None:
                held = session.scalar(
                    select(dm.Packet.id).where(
                        dm.Packet.year == year,
                        dm.Packet.state == PacketState.HELD,
                        dm.Packet.center_name == (center if isinstance(center, str) else ""),
                    )
                )
                extra = "（它的材料包因身份变化被暂扣，请先核实并接受身份）" if held else ""
                raise PacketNotFound(
                    f"台账中没有“{center}” {year} 年度已接收的材料包{extra}。", path=self.path
                )
            return summary_of(row)

        return self._read(read)

    def previous_packet(self, packet_id: int) -> PacketSummary | None:
        """The same center's counted packet of the latest earlier year (for comparing), or None."""

        def read(session: Session) -> PacketSummary | None:
            row = self._packet_row(session, packet_id)
            if row.center_id is None:
                return None
            earlier = session.scalars(
                select(dm.Packet)
                .where(
                    dm.Packet.center_id == row.center_id,
                    dm.Packet.year < row.year,
                    dm.Packet.state == PacketState.ACCEPTED,
                )
                .order_by(dm.Packet.year.desc())
            ).first()
            return summary_of(earlier) if earlier is not None else None

        return self._read(read)

    # -- bytes -----------------------------------------------------------------------------------------------

    def packet_path(self, packet_id: int) -> Path:
        """Where the packet's bytes are kept (read-only for everyone but the desk)."""
        return self._folder.path_of(self._read(lambda s: self._packet_row(s, packet_id).sha256))

    def packet_bytes(self, packet_id: int) -> bytes:
        """The packet exactly as received; :class:`StoreError` when its file is missing or damaged."""
        return self._folder.read(self._read(lambda s: self._packet_row(s, packet_id).sha256))

    def save_packet(self, packet_id: int, target: Path) -> Path:
        """Write the packet exactly as received to ``target`` (through a temporary file: never half a packet)."""
        data = self.packet_bytes(packet_id)
        target = Path(target)
        try:
            write_bytes_atomic(target, data)
        except OutputFailed as exc:  # names the folder, why, and what to do; nothing is left behind
            raise SaveFailed(str(exc), path=target) from exc
        return target

    def members(self, packet_id: int) -> list[MemberInfo]:
        """The files inside a packet, as its signed manifest lists them (report, workbook, … photos)."""
        return members_of(self._manifest(packet_id))

    def manifest(self, packet_id: int) -> dict[str, Any]:
        """The packet's manifest as plain data."""
        return self._manifest(packet_id)

    def _manifest(self, packet_id: int) -> dict[str, Any]:
        text = self._read(lambda s: self._packet_row(s, packet_id).manifest_json)
        data = json.loads(text)
        assert isinstance(data, dict)
        return data

    def member_bytes(self, packet_id: int, name: str) -> bytes:
        """One file inside a packet, checked against the digest the signed manifest lists."""
        files = self._manifest(packet_id).get("files", {})
        if name not in files:
            raise StoreError(f"材料包中没有 {name}", path=self.path)
        entry = files[name]
        data = self.packet_bytes(packet_id)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                info = archive.getinfo(name)
                if info.file_size > MAX_MEMBER_BYTES or info.file_size != entry["size"]:
                    raise StoreError(f"材料包中的 {name} 大小与清单不符", path=self.path)
                with archive.open(info) as handle:
                    content = handle.read(MAX_MEMBER_BYTES + 1)
        except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise StoreError(f"无法读取材料包中的 {name}（{exc}）", path=self.path) from None
        if hashlib.sha256(content).hexdigest() != entry["sha256"]:
            raise StoreError(f"材料包中的 {name} 与清单中的摘要不符", path=self.path)
        return content

    # -- logs --------------------------------------------------------------------------------------------------

    def receipts(self, limit: int | None = 500) -> list[Receipt]:
        """The receipt log, newest first."""

        def read(session: Session) -> list[Receipt]:
            query = select(dm.Receipt).order_by(dm.Receipt.id.desc())
            if limit is not None:
                query = query.limit(limit)
            return [
                Receipt(
                    Outcome(r.outcome),
                    r.source_name,
                    r.message,
                    sha256=r.sha256,
                    packet_id=r.packet_id,
                    center_name=r.center_name,
                    year=r.year,
                    at=r.at,
                )
                for r in session.scalars(query)
            ]

        return self._read(read)

    def history(
        self, *, center_id: int | None = None, packet_id: int | None = None, limit: int | None = None
    ) -> list[HistoryEntry]:
        """Recorded changes, oldest first (of one center or packet when given)."""

        def read(session: Session) -> list[HistoryEntry]:
            query = select(dm.DeskChange)
            if center_id is not None:
                query = query.where(dm.DeskChange.center_id == center_id)
            if packet_id is not None:
                query = query.where(dm.DeskChange.packet_id == packet_id)
            query = query.order_by(dm.DeskChange.id.desc())
            if limit is not None:
                query = query.limit(limit)
            rows = list(session.scalars(query))
            rows.reverse()
            return [
                HistoryEntry(
                    r.at, r.what, r.center_id, r.packet_id, from_json(r.old_value), from_json(r.new_value)
                )
                for r in rows
            ]

        return self._read(read)
