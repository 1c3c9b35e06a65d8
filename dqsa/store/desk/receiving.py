"""The store side of receiving: who sent a verified packet, what it replaces, and one transaction for the rows.

The checks that need the export layer (the signature, the members, re-scoring) are
done before, by :mod:`dqsa.export.receive`, which hands a :class:`IncomingPacket` in.
Here (DESK.md, "Receiving one packet"):

1. the same bytes again are a **duplicate**: nothing added but the receipt log line;
2. the packet's bytes are written to the packets folder (fsynced) before the rows;
3. the center is found by the certificate fingerprint; an unknown fingerprint whose
   center name is pinned to another one (by an earlier packet or the roster) is
   **held** (身份变化，需核实), never counted until a reviewer accepts the new identity
   with a reason; otherwise a roster entry with this fingerprint, or else the first
   packet, pins it;
4. a newer packet (by signing time) for the same center and year **supersedes** the
   counted one, which stays as ``superseded``; an older one arriving later is kept as
   superseded at once (**outdated**).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from dqsa.domain.errors import InvalidInput, Problem
from dqsa.domain.numbers import fmt
from dqsa.store.desk import models as dm
from dqsa.store.desk.core import DeskCore
from dqsa.store.desk.records import (
    IncomingPacket,
    Outcome,
    PacketState,
    Receipt,
)
from dqsa.store.errors import ReadOnlyFile
from dqsa.store.records import now

#: A format-1 packet's signing time has no zone: it was written in China.
CHINA = timezone(timedelta(hours=8))
MAX_REASON = 2000


def utc_of(moment: datetime) -> datetime:
    """A signing time as naive UTC, for ordering (a time without zone is taken as China's)."""
    aware = moment if moment.utcoffset() is not None else moment.replace(tzinfo=CHINA)
    return aware.astimezone(UTC).replace(tzinfo=None)


def measure_text(total: object, max_total: object, percent: object, *, checklist: bool) -> str:
    """ "85.5/200 分" for a scored standard, "符合 80%（适用项）" for a checklist."""
    from decimal import Decimal

    if checklist:
        return f"适用项符合 {fmt(Decimal(str(percent)))}%"
    return f"{fmt(Decimal(str(total)))}/{fmt(Decimal(str(max_total)))} 分"


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


class ReceivingMixin(DeskCore):
    """Receiving packets into the desk, and accepting a held identity."""

    # -- receiving -------------------------------------------------------------------------------

    def has_packet(self, sha256: str) -> bool:
        """Whether a packet with these exact bytes is already in the desk."""
        return self._read(
            lambda s: s.scalar(select(dm.Packet.id).where(dm.Packet.sha256 == sha256)) is not None
        )

    def add_packet(self, incoming: IncomingPacket) -> Receipt:
        """Store a verified packet: duplicate, accepted, superseded, outdated or held (see the module).

        The packet's bytes are written beside the file first, then every row in one
        transaction. A read-only desk raises :class:`ReadOnlyFile` and a failure to
        save :class:`SaveFailed`; nothing is changed in either case.
        """
        self._check_writable("接收材料包")
        duplicate = self.note_duplicate(incoming.sha256, incoming.source_name)
        if duplicate is not None:
            return duplicate
        self._folder.write(incoming.sha256, incoming.data)
        return self._write("接收材料包", lambda s: self._add_rows(s, incoming))

    def record_refusal(self, source_name: str, message: str, *, sha256: str | None = None) -> Receipt:
        """Log a packet that was refused (nothing else is stored); a read-only desk logs nothing."""
        receipt = Receipt(Outcome.REFUSED, source_name, message, sha256=sha256, at=now())
        if self.read_only is None:
            self._write("记录拒收", lambda s: self._log(s, receipt))
        return receipt

    def _check_writable(self, describe: str) -> None:
        if self.read_only is not None:
            raise ReadOnlyFile(
                f"台账以只读方式打开，不能接收材料包。\n{self.read_only}", path=self.path, pending=describe
            )

    def note_duplicate(self, sha256: str, source_name: str) -> Receipt | None:
        """A DUPLICATE receipt (logged) when these exact bytes are already in the desk; else None.

        Checked before verifying: receiving a folder twice costs one digest per packet.
        """
        if self.read_only is not None:
            found = self._read(lambda s: s.scalar(select(dm.Packet).where(dm.Packet.sha256 == sha256)))
            if found is None:
                return None
            return Receipt(
                Outcome.DUPLICATE,
                source_name,
                "这个材料包已经接收过，没有改动。",
                sha256=sha256,
                packet_id=found.id,
            )

        def work(session: Session) -> Receipt | None:
            row = session.scalar(select(dm.Packet).where(dm.Packet.sha256 == sha256))
            if row is None:
                return None
            receipt = Receipt(
                Outcome.DUPLICATE,
                source_name,
                f"这个材料包已于 {_when(row.received_at)} 接收过，没有改动。",
                sha256=sha256,
                packet_id=row.id,
                center_id=row.center_id,
                center_name=row.center_name,
                year=row.year,
                fingerprint=row.fingerprint,
                at=now(),
            )
            self._log(session, receipt)
            return receipt

        return self._write("记录重复的材料包", work)

    @staticmethod
    def _log(session: Session, receipt: Receipt) -> None:
        session.add(
            dm.Receipt(
                at=receipt.at or now(),
                source_name=receipt.source_name,
                sha256=receipt.sha256,
                outcome=receipt.outcome.value,
                message=receipt.message,
                packet_id=receipt.packet_id,
                center_name=receipt.center_name,
                year=receipt.year,
            )
        )

    def _add_rows(self, session: Session, incoming: IncomingPacket) -> Receipt:
        stamp = now()
        existing = session.scalar(select(dm.Packet.id).where(dm.Packet.sha256 == incoming.sha256))
        if existing is not None:  # received meanwhile (another window of this program)
            receipt = Receipt(
                Outcome.DUPLICATE,
                incoming.source_name,
                "这个材料包已经接收过，没有改动。",
                sha256=incoming.sha256,
                packet_id=existing,
                at=stamp,
            )
            self._log(session, receipt)
            return receipt
        center_id, held_for, held_reason = self._identify(session, incoming, stamp)
        standard = incoming.standard
        pack_ref = self._store_pack(
            session,
            incoming.pack_hash,
            incoming.pack_json,
            {
                "pack_id": standard.pack_id,
                "version": standard.version,
                "kind": standard.kind,
                "title": standard.title,
            },
        )
        row = dm.Packet(
            sha256=incoming.sha256,
            size=len(incoming.data),
            received_at=stamp,
            source_name=incoming.source_name,
            center_name=incoming.center_name,
            center_level=incoming.center_level,
            level_label=incoming.level_label,
            center_region=incoming.center_region,
            year=incoming.year,
            pack_ref=pack_ref,
            pack_id=standard.pack_id,
            pack_version=standard.version,
            pack_kind=standard.kind,
            pack_title=standard.title,
            fingerprint=incoming.fingerprint,
            signer_name=incoming.signer_name,
            signer_title=incoming.signer_title,
            signed_at=incoming.signed_at.isoformat(),
            signed_utc=utc_of(incoming.signed_at),
            manifest_format=incoming.manifest_format,
            center_id=center_id,
            state=PacketState.HELD if center_id is None else PacketState.ACCEPTED,
            held_reason=held_reason,
            held_for=held_for,
            total=incoming.total,
            max_total=incoming.max_total,
            percent=incoming.percent,
            unanswered=incoming.unanswered,
            tables_json=json.dumps({k: [str(s), str(m)] for k, (s, m) in incoming.tables.items()}),
            manifest_json=json.dumps(incoming.manifest, ensure_ascii=False, sort_keys=True),
        )
        session.add(row)
        session.flush()
        session.execute(
            insert(dm.ItemMark),
            [
                {
                    "packet_id": row.id,
                    "item_id": mark.item_id,
                    "position": position,
                    "score": mark.score,
                    "max_points": mark.max_points,
                    "applicable": mark.applicable,
                    "answered": mark.answered,
                }
                for position, mark in enumerate(incoming.marks)
            ],
        )
        checklist = standard.kind == "checklist"
        measure = measure_text(incoming.total, incoming.max_total, incoming.percent, checklist=checklist)
        what = f"{incoming.center_name} {incoming.year} 年度（{measure}）"
        other: int | None = None
        if center_id is None:
            outcome, message = Outcome.HELD, held_reason
        else:
            outcome, other = self._settle(session, row)
            if outcome is Outcome.SUPERSEDED:
                message = f"{what}，替换了之前接收的版本（编号 {other}，仍保留在记录中）。"
            elif outcome is Outcome.OUTDATED:
                message = (
                    f"{what} 签署于 {_when(utc_of(incoming.signed_at) + timedelta(hours=8))}，"
                    f"早于已接收的版本（编号 {other}），已保存但不计入。"
                )
            else:
                message = f"{what}。"
        self._change(
            session,
            "packet.received",
            center_id=center_id,
            packet_id=row.id,
            new={"sha256": incoming.sha256, "outcome": outcome.value, "source": incoming.source_name},
        )
        receipt = Receipt(
            outcome,
            incoming.source_name,
            message,
            sha256=incoming.sha256,
            packet_id=row.id,
            center_id=center_id,
            center_name=incoming.center_name,
            year=incoming.year,
            fingerprint=incoming.fingerprint,
            other_packet_id=other,
            at=stamp,
        )
        self._log(session, receipt)
        return receipt

    # -- who sent it -----------------------------------------------------------------------------------

    def _identify(
        self, session: Session, incoming: IncomingPacket, stamp: datetime
    ) -> tuple[int | None, int | None, str]:
        """(center id, None, "") when the sender is known or may be pinned now; (None, claimed center, why) when held."""
        fingerprint = incoming.fingerprint
        name = incoming.center_name.strip()
        identity = session.scalar(
            select(dm.CenterIdentity).where(dm.CenterIdentity.fingerprint == fingerprint)
        )
        if identity is not None:
            if identity.retired_at is not None:
                return (
                    None,
                    identity.center_id,
                    f"身份变化，需核实：这个证书（指纹 {fingerprint}）已于 {_when(identity.retired_at)} 停用。",
                )
            self._refresh_center(session, identity.center_id, incoming)
            return identity.center_id, None, ""
        by_fingerprint = session.scalar(
            select(dm.RosterEntry).where(dm.RosterEntry.fingerprint == fingerprint)
        )
        by_name = session.scalar(select(dm.RosterEntry).where(dm.RosterEntry.name == name))
        if by_fingerprint is not None:
            linked = session.scalar(
                select(dm.DeskCenter).where(dm.DeskCenter.roster_entry_id == by_fingerprint.id)
            )
            if linked is not None:  # the roster (the desk's own word) names a further certificate of it
                self._pin(session, linked.id, fingerprint, "roster", stamp)
                return linked.id, None, ""
            center = self._new_center(session, incoming, by_fingerprint.id, stamp)
            self._pin(session, center.id, fingerprint, "roster", stamp)
            return center.id, None, ""
        pinned = session.scalars(
            select(dm.DeskCenter).where(dm.DeskCenter.name == name).order_by(dm.DeskCenter.id)
        ).first()
        if pinned is not None:
            known = session.scalars(
                select(dm.CenterIdentity.fingerprint).where(
                    dm.CenterIdentity.center_id == pinned.id, dm.CenterIdentity.retired_at.is_(None)
                )
            ).all()
            return (
                None,
                pinned.id,
                f"身份变化，需核实：本台账中“{name}”的证书指纹是 {'、'.join(known) or '（已停用）'}，"
                f"这个材料包的是 {fingerprint}。请向该中心核实后再接受新身份。",
            )
        if by_name is not None and by_name.fingerprint:
            return (
                None,
                None,
                f"身份变化，需核实：名册中“{name}”登记的证书指纹是 {by_name.fingerprint}，"
                f"这个材料包的是 {fingerprint}。请向该中心核实后再接受新身份。",
            )
        center = self._new_center(session, incoming, by_name.id if by_name is not None else None, stamp)
        self._pin(session, center.id, fingerprint, "first_packet", stamp)
        return center.id, None, ""

    def _new_center(
        self, session: Session, incoming: IncomingPacket, roster_id: int | None, stamp: datetime
    ) -> dm.DeskCenter:
        center = dm.DeskCenter(
            name=incoming.center_name.strip(),
            level=incoming.center_level,
            level_label=incoming.level_label,
            region=incoming.center_region,
            roster_entry_id=roster_id,
            created_at=stamp,
        )
        session.add(center)
        session.flush()
        self._change(
            session,
            "center.created",
            center_id=center.id,
            new={"name": center.name, "level": center.level, "region": center.region, "roster": roster_id},
        )
        return center

    def _pin(
        self,
        session: Session,
        center_id: int,
        fingerprint: str,
        how: str,
        stamp: datetime,
        *,
        reason: str = "",
        by: str = "",
    ) -> None:
        session.add(
            dm.CenterIdentity(
                center_id=center_id,
                fingerprint=fingerprint,
                since=stamp,
                how=how,
                reason=reason,
                accepted_by=by,
            )
        )
        self._change(
            session,
            "identity.pinned",
            center_id=center_id,
            new={"fingerprint": fingerprint, "how": how, "reason": reason, "by": by},
        )

    @staticmethod
    def _refresh_center(session: Session, center_id: int, incoming: IncomingPacket) -> None:
        """A known center's level and region follow its newest year (its name is kept as first pinned)."""
        center = session.get(dm.DeskCenter, center_id)
        newest = session.scalar(
            select(dm.Packet.year)
            .where(dm.Packet.center_id == center_id, dm.Packet.state == PacketState.ACCEPTED)
            .order_by(dm.Packet.year.desc())
        )
        if center is not None and (newest is None or incoming.year >= newest):
            center.level, center.level_label = incoming.center_level, incoming.level_label
            center.region = incoming.center_region or center.region

    # -- which packet counts --------------------------------------------------------------------------

    def _settle(self, session: Session, row: dm.Packet) -> tuple[Outcome, int | None]:
        """Make ``row`` (accepted, of a known center) the counted packet of its year, or mark it outdated."""
        current = session.scalar(
            select(dm.Packet).where(
                dm.Packet.center_id == row.center_id,
                dm.Packet.year == row.year,
                dm.Packet.state == PacketState.ACCEPTED,
                dm.Packet.id != row.id,
            )
        )
        if current is None:
            row.state = PacketState.ACCEPTED
            return Outcome.ACCEPTED, None
        if row.signed_utc >= current.signed_utc:
            current.state, current.superseded_by = PacketState.SUPERSEDED, row.id
            row.state = PacketState.ACCEPTED
            self._change(
                session,
                "packet.superseded",
                center_id=row.center_id,
                packet_id=current.id,
                old={"state": "accepted"},
                new={"state": "superseded", "by": row.id},
            )
            return Outcome.SUPERSEDED, current.id
        row.state, row.superseded_by = PacketState.SUPERSEDED, current.id
        return Outcome.OUTDATED, current.id

    # -- a held identity ------------------------------------------------------------------------------

    def accept_identity(self, packet_id: int, *, reason: str, by: str = "") -> Receipt:
        """Accept a held packet's certificate as its center's (recorded with the reason and who).

        The packet (and any other packet held for the same certificate) is then
        counted as if it had been received now: it may supersede an earlier one of
        the same year, or be outdated by a later one. The center's earlier
        certificates stay valid. An empty reason, or a packet that is not held,
        raises :class:`InvalidInput` and changes nothing.
        """
        reason = reason.strip()
        by = by.strip()
        problems = []
        if not reason:
            problems.append(Problem("reason", "请填写接受新身份的理由（例如：已电话向该中心核实新指纹）"))
        elif len(reason) > MAX_REASON:
            problems.append(Problem("reason", f"理由太长（最多 {MAX_REASON} 字）"))
        if len(by) > 200:
            problems.append(Problem("by", "审核人姓名太长（最多 200 字）"))
        if problems:
            raise InvalidInput(problems)

        def work(session: Session) -> Receipt:
            row = self._packet_row(session, packet_id)
            if row.state != PacketState.HELD:
                raise InvalidInput([Problem("packet", "这个材料包没有被暂扣，不需要接受身份。")])
            stamp = now()
            center_id = row.held_for
            if center_id is None:
                roster = session.scalar(select(dm.RosterEntry).where(dm.RosterEntry.name == row.center_name))
                center = dm.DeskCenter(
                    name=row.center_name,
                    level=row.center_level,
                    level_label=row.level_label,
                    region=row.center_region,
                    roster_entry_id=roster.id if roster is not None else None,
                    created_at=stamp,
                )
                session.add(center)
                session.flush()
                center_id = center.id
            identity = session.scalar(
                select(dm.CenterIdentity).where(dm.CenterIdentity.fingerprint == row.fingerprint)
            )
            if identity is None:
                self._pin(session, center_id, row.fingerprint, "accepted", stamp, reason=reason, by=by)
            else:  # a retired certificate taken back into use
                identity.retired_at = None
                identity.reason, identity.accepted_by, identity.how = reason, by, "accepted"
                self._change(
                    session,
                    "identity.reinstated",
                    center_id=center_id,
                    new={"fingerprint": row.fingerprint, "reason": reason, "by": by},
                )
            held = session.scalars(
                select(dm.Packet)
                .where(dm.Packet.fingerprint == row.fingerprint, dm.Packet.state == PacketState.HELD)
                .order_by(dm.Packet.signed_utc)
            ).all()
            result: tuple[Outcome, int | None] = (Outcome.ACCEPTED, None)
            for packet in held:
                packet.center_id, packet.held_for, packet.held_reason = center_id, None, ""
                session.flush()
                outcome = self._settle(session, packet)
                self._change(
                    session,
                    "packet.released",
                    center_id=center_id,
                    packet_id=packet.id,
                    old={"state": "held"},
                    new={"state": packet.state, "reason": reason, "by": by},
                )
                if packet.id == row.id:
                    result = outcome
            session.flush()
            receipt = Receipt(
                result[0],
                row.source_name,
                f"已接受新的签署身份（{row.fingerprint}），理由：{reason}",
                sha256=row.sha256,
                packet_id=row.id,
                center_id=center_id,
                center_name=row.center_name,
                year=row.year,
                fingerprint=row.fingerprint,
                other_packet_id=result[1],
                at=stamp,
            )
            self._log(session, receipt)
            return receipt

        return self._write("接受新的签署身份", work)

    def retire_identity(
        self, center_id: int, fingerprint: str, *, reason: str, by: str = "", uncount: bool = False
    ) -> list[int]:
        """Stop accepting one of a center's certificates; recorded with the reason. Returns the packets un-counted.

        Later packets signed with it are held. With ``uncount`` (a certificate that was
        never the center's: a forger's packet arrived first and pinned the name), its
        packets already counted are held too, and for each such year the newest earlier
        packet signed with another of the center's certificates is counted again.
        """
        reason = reason.strip()
        if not reason:
            raise InvalidInput([Problem("reason", "请填写停用这个证书的理由")])

        def work(session: Session) -> list[int]:
            identity = session.scalar(
                select(dm.CenterIdentity).where(
                    dm.CenterIdentity.center_id == center_id, dm.CenterIdentity.fingerprint == fingerprint
                )
            )
            if identity is None:
                raise InvalidInput([Problem("fingerprint", "这个中心没有这个证书指纹")])
            others = session.scalars(
                select(dm.CenterIdentity.fingerprint).where(
                    dm.CenterIdentity.center_id == center_id,
                    dm.CenterIdentity.retired_at.is_(None),
                    dm.CenterIdentity.fingerprint != fingerprint,
                )
            ).all()
            if uncount and not others:
                raise InvalidInput(
                    [Problem("fingerprint", "这个中心没有别的有效证书：请先接受它真正的证书，再停用这个")]
                )
            stamp = now()
            if identity.retired_at is None:
                identity.retired_at = stamp
                self._change(
                    session,
                    "identity.retired",
                    center_id=center_id,
                    old={"fingerprint": fingerprint},
                    new={"reason": reason, "by": by, "uncount": uncount},
                )
            if not uncount:
                return []
            uncounted = []
            for packet in session.scalars(
                select(dm.Packet).where(
                    dm.Packet.center_id == center_id,
                    dm.Packet.fingerprint == fingerprint,
                    dm.Packet.state != PacketState.HELD,
                )
            ).all():
                was = packet.state
                packet.state, packet.held_for, packet.center_id = PacketState.HELD, center_id, None
                packet.held_reason = f"证书已停用（{reason}），不计入。"
                packet.superseded_by = None
                uncounted.append(packet.id)
                self._change(
                    session,
                    "packet.uncounted",
                    center_id=center_id,
                    packet_id=packet.id,
                    old={"state": was},
                    new={"state": "held", "reason": reason, "by": by},
                )
                if was == PacketState.ACCEPTED:
                    earlier = session.scalars(
                        select(dm.Packet)
                        .where(
                            dm.Packet.center_id == center_id,
                            dm.Packet.year == packet.year,
                            dm.Packet.state == PacketState.SUPERSEDED,
                            dm.Packet.fingerprint.in_(others),
                        )
                        .order_by(dm.Packet.signed_utc.desc())
                    ).first()
                    if earlier is not None:
                        earlier.state, earlier.superseded_by = PacketState.ACCEPTED, None
                        self._change(
                            session,
                            "packet.counted_again",
                            center_id=center_id,
                            packet_id=earlier.id,
                            old={"state": "superseded"},
                            new={"state": "accepted"},
                        )
            return uncounted

        return self._write("停用证书", work)
