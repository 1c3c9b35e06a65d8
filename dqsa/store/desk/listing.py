"""Reading the desk for lists and roll-ups: a year's rows, the domain's ``Submission``s, who is missing.

Fast by construction: the list reads one small row per packet (totals are columns,
table totals one short JSON text) with plain Core selects; item marks are read only
for the roll-up, or for the few packets a reviewer re-scored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.rollup import ItemMark, ReviewState, Standard, Submission
from dqsa.store.desk import models as dm
from dqsa.store.desk.core import DeskCore
from dqsa.store.desk.records import (
    CenterRecord,
    IdentityRecord,
    ListRow,
    MissingCenter,
    PacketState,
)

P = dm.Packet
_LIST_COLUMNS = (
    P.id,
    P.center_id,
    P.center_name,
    P.center_level,
    P.level_label,
    P.center_region,
    P.fingerprint,
    P.state,
    P.year,
    P.pack_id,
    P.pack_version,
    P.pack_kind,
    P.pack_title,
    P.tables_json,
    P.total,
    P.max_total,
    P.percent,
    P.signed_at,
    P.received_at,
    P.unanswered,
    P.held_reason,
    dm.Review.state,
    dm.Review.reviewer,
    dm.DeskCenter.name,
    dm.DeskCenter.region,
)


def parse_tables(text: str) -> dict[str, tuple[Decimal, Decimal]]:
    return {key: (Decimal(score), Decimal(maximum)) for key, (score, maximum) in json.loads(text).items()}


def _standard(pack_id: str, version: str, kind: str, title: str) -> Standard:
    return Standard(pack_id, version, kind, title)


class ListingMixin(DeskCore):
    """Lists, roll-up inputs, centers and who is missing."""

    # -- years and standards ---------------------------------------------------------------------------

    def years(self) -> list[int]:
        """Every year some packet (accepted or held) was received for, newest first."""
        return self._read(
            lambda s: list(
                s.scalars(
                    select(P.year)
                    .where(P.state != PacketState.SUPERSEDED)
                    .group_by(P.year)
                    .order_by(P.year.desc())
                )
            )
        )

    def standards(self, year: int) -> list[Standard]:
        """The standards (pack and version) the counted packets of a year were made against."""

        def read(session: Session) -> list[Standard]:
            rows = session.execute(
                select(P.pack_id, P.pack_version, P.pack_kind, func.max(P.pack_title))
                .where(P.year == year, P.state == PacketState.ACCEPTED)
                .group_by(P.pack_id, P.pack_version, P.pack_kind)
                .order_by(P.pack_id, P.pack_version)
            )
            return [_standard(*row) for row in rows]

        return self._read(read)

    def pack(self, standard: Standard | tuple[str, str]) -> CriteriaPack:
        """The criteria pack of a standard as the packets carried it (the newest copy received)."""
        pack_id, version = standard.key if isinstance(standard, Standard) else standard

        def read(session: Session) -> CriteriaPack:
            ref = session.scalar(
                select(dm.DeskPack.id)
                .where(dm.DeskPack.pack_id == pack_id, dm.DeskPack.version == version)
                .order_by(dm.DeskPack.id.desc())
            )
            if ref is None:
                raise LookupError(f"台账中没有标准 {pack_id} {version}")
            return self._pack(session, ref)

        return self._read(read)

    def pack_of(self, packet_id: int) -> CriteriaPack:
        """The criteria pack a packet carried (and was scored with)."""
        return self._read(lambda s: self._pack(s, self._packet_row(s, packet_id).pack_ref))

    # -- the list --------------------------------------------------------------------------------------------

    def list_rows(
        self,
        year: int | None = None,
        *,
        region: str | None = None,
        level: str | None = None,
        status: PacketState | str | None = None,
        review_state: ReviewState | str | None = None,
        standard: tuple[str, str] | None = None,
        include_superseded: bool = False,
    ) -> list[ListRow]:
        """One row per counted (accepted) or held packet, by year (newest first) then name.

        Filters: ``region`` and ``level`` match exactly (level by code or label),
        ``status`` accepted/held, ``review_state``, ``standard`` (pack id, version).
        """

        def read(session: Session) -> list[ListRow]:
            query = (
                select(*_LIST_COLUMNS)
                .outerjoin(dm.Review, dm.Review.packet_id == P.id)
                .outerjoin(dm.DeskCenter, dm.DeskCenter.id == P.center_id)
            )
            if not include_superseded:
                query = query.where(P.state != PacketState.SUPERSEDED)
            if year is not None:
                query = query.where(P.year == year)
            if status is not None:
                query = query.where(P.state == PacketState(status))
            if level is not None:
                query = query.where((P.center_level == level) | (P.level_label == level))
            if standard is not None:
                query = query.where(P.pack_id == standard[0], P.pack_version == standard[1])
            rows = session.execute(query.order_by(P.year.desc(), P.center_name, P.id)).all()
            wanted_review = ReviewState(review_state) if review_state is not None else None
            reviewed = self._reviewed_totals(session, [r[0] for r in rows])
            result = []
            for r in rows:
                row = _list_row(r, reviewed.get(r[0]))
                if region is not None and row.region != region:
                    continue
                if wanted_review is not None and row.review_state != wanted_review:
                    continue
                result.append(row)
            return result

        return self._read(read)

    def _reviewed_totals(
        self, session: Session, packet_ids: Sequence[int]
    ) -> dict[int, tuple[Decimal, Decimal, Decimal]]:
        """(reviewed total, max, percent) of the packets among ``packet_ids`` a reviewer re-scored."""
        with_items = set(
            session.scalars(select(dm.ReviewItem.packet_id).group_by(dm.ReviewItem.packet_id)).all()
        ) & set(packet_ids)
        if not with_items:
            return {}
        return {
            s_id: (s.reviewed_total, s.reviewed_max_total, s.reviewed_percent)
            for s_id, s in self._submissions(session, list(with_items)).items()
        }

    # -- the roll-up -------------------------------------------------------------------------------------------

    def submissions(self, year: int, standard: Standard | tuple[str, str] | None = None) -> list[Submission]:
        """Every counted packet of a year as the domain's :class:`Submission` (item marks and reviewer scores).

        With ``standard`` only that pack and version; without, all of them (group them
        with :func:`dqsa.domain.rollup.by_standard`: results of two standards never add up).
        The submission's ``center`` is the desk's center id as text. Ordered by name.
        """
        key = standard.key if isinstance(standard, Standard) else standard

        def read(session: Session) -> list[Submission]:
            query = select(P.id).where(P.year == year, P.state == PacketState.ACCEPTED)
            if key is not None:
                query = query.where(P.pack_id == key[0], P.pack_version == key[1])
            ids = list(session.scalars(query))
            found = self._submissions(session, ids)
            return sorted(found.values(), key=lambda s: (s.name, s.center))

        return self._read(read)

    def _submissions(self, session: Session, packet_ids: list[int]) -> dict[int, Submission]:
        if not packet_ids:
            return {}
        marks: dict[int, list[ItemMark]] = {i: [] for i in packet_ids}
        reviewer: dict[int, dict[str, Decimal]] = {}
        applicable: dict[int, dict[str, bool]] = {}
        states: dict[int, ReviewState] = {}
        for chunk in _chunks(packet_ids):
            for m in session.execute(
                select(
                    dm.ItemMark.packet_id,
                    dm.ItemMark.item_id,
                    dm.ItemMark.score,
                    dm.ItemMark.max_points,
                    dm.ItemMark.applicable,
                    dm.ItemMark.answered,
                )
                .where(dm.ItemMark.packet_id.in_(chunk))
                .order_by(dm.ItemMark.packet_id, dm.ItemMark.position)
            ):
                marks[m[0]].append(ItemMark(m[1], m[2], m[3], applicable=m[4], answered=m[5]))
            for packet_id, item_id, score, item_applicable in session.execute(
                select(
                    dm.ReviewItem.packet_id,
                    dm.ReviewItem.item_id,
                    dm.ReviewItem.score,
                    dm.ReviewItem.applicable,
                ).where(dm.ReviewItem.packet_id.in_(chunk))
            ):
                applicable.setdefault(packet_id, {})[item_id] = item_applicable
                if score is not None:
                    reviewer.setdefault(packet_id, {})[item_id] = score
            for packet_id, state in session.execute(
                select(dm.Review.packet_id, dm.Review.state).where(dm.Review.packet_id.in_(chunk))
            ):
                states[packet_id] = ReviewState(state)
        rows = {
            r.id: r
            for chunk in _chunks(packet_ids)
            for r in session.execute(
                select(
                    P.id,
                    P.center_id,
                    P.center_name,
                    P.center_level,
                    P.center_region,
                    P.year,
                    P.pack_id,
                    P.pack_version,
                    P.pack_kind,
                    P.pack_title,
                    dm.DeskCenter.name.label("known_name"),
                    dm.DeskCenter.region.label("known_region"),
                )
                .outerjoin(dm.DeskCenter, dm.DeskCenter.id == P.center_id)
                .where(P.id.in_(chunk))
            ).all()
        }
        result: dict[int, Submission] = {}
        for packet_id, r in rows.items():
            own = {m.item_id: m for m in marks[packet_id]}
            changed = {
                item_id: flag
                for item_id, flag in applicable.get(packet_id, {}).items()
                if item_id in own and own[item_id].applicable != flag
            }
            result[packet_id] = Submission(
                center=str(r.center_id) if r.center_id is not None else f"packet-{packet_id}",
                name=r.known_name or r.center_name,
                level=r.center_level,
                region=r.center_region or r.known_region or "",
                year=r.year,
                standard=_standard(r.pack_id, r.pack_version, r.pack_kind, r.pack_title),
                items=tuple(marks[packet_id]),
                review_state=states.get(packet_id, ReviewState.PENDING),
                reviewer_scores=reviewer.get(packet_id, {}),
                reviewer_applicable=changed,
            )
        return result

    # -- centers ------------------------------------------------------------------------------------------------

    def centers(self) -> list[CenterRecord]:
        """Every center known to the desk, by name, with its identities."""
        return self._read(lambda s: _centers(s, None))

    def center(self, center_id: int) -> CenterRecord:
        """One center with its identities; :class:`LookupError` if the desk has no such center."""
        found = self._read(lambda s: _centers(s, center_id))
        if not found:
            raise LookupError(f"台账中没有编号为 {center_id} 的中心")
        return found[0]

    def find_center(self, name: str) -> CenterRecord | None:
        """The center of this name (as pinned), or None."""
        wanted = " ".join(name.split())
        return next((c for c in self.centers() if c.name == wanted), None)

    # -- who is missing -----------------------------------------------------------------------------------------

    def missing(self, year: int) -> list[MissingCenter]:
        """The roster's centers without a counted packet for ``year``, by name.

        Without a roster, the centers that sent an earlier year but not this one.
        ``held`` says a packet in the center's name waits for an identity check.
        """

        def read(session: Session) -> list[MissingCenter]:
            present = set(
                session.scalars(
                    select(P.center_id).where(P.year == year, P.state == PacketState.ACCEPTED)
                ).all()
            )
            held_names = set(
                session.scalars(
                    select(P.center_name).where(P.year == year, P.state == PacketState.HELD)
                ).all()
            )
            last = dict(
                session.execute(
                    select(P.center_id, func.max(P.year))
                    .where(P.state == PacketState.ACCEPTED, P.year < year)
                    .group_by(P.center_id)
                ).all()
            )
            entries = session.scalars(select(dm.RosterEntry).order_by(dm.RosterEntry.name)).all()
            if entries:
                linked: dict[int, list[int]] = {}
                for center_id, roster_id in session.execute(
                    select(dm.DeskCenter.id, dm.DeskCenter.roster_entry_id).where(
                        dm.DeskCenter.roster_entry_id.is_not(None)
                    )
                ):
                    assert roster_id is not None
                    linked.setdefault(roster_id, []).append(center_id)
                result = []
                for entry in entries:
                    centers = linked.get(entry.id, [])
                    if any(c in present for c in centers):
                        continue
                    years = [last[c] for c in centers if c in last]
                    result.append(
                        MissingCenter(
                            entry.name,
                            entry.level,
                            entry.region,
                            roster_id=entry.id,
                            center_id=centers[0] if centers else None,
                            held=entry.name in held_names,
                            last_year=max(years) if years else None,
                        )
                    )
                return result
            known = session.scalars(
                select(dm.DeskCenter).where(dm.DeskCenter.id.in_(list(last))).order_by(dm.DeskCenter.name)
            ).all()
            return [
                MissingCenter(
                    c.name,
                    c.level_label or c.level,
                    c.region,
                    center_id=c.id,
                    held=c.name in held_names,
                    last_year=last[c.id],
                )
                for c in known
                if c.id not in present
            ]

        return self._read(read)


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _list_row(r: Sequence[Any], reviewed: tuple[Decimal, Decimal, Decimal] | None) -> ListRow:
    (
        packet_id,
        center_id,
        claimed,
        level,
        level_label,
        region,
        fingerprint,
        state,
        year,
        pack_id,
        version,
        kind,
        title,
        tables,
        total,
        max_total,
        percent,
        signed_at,
        received_at,
        unanswered,
        held_reason,
        review_state,
        reviewer,
        known_name,
        known_region,
    ) = tuple(r)
    assert isinstance(packet_id, int) and isinstance(year, int)
    assert isinstance(total, Decimal) and isinstance(max_total, Decimal) and isinstance(percent, Decimal)
    assert isinstance(received_at, datetime)
    return ListRow(
        packet_id=packet_id,
        center_id=center_id if isinstance(center_id, int) else None,
        name=str(known_name or claimed),
        level=str(level),
        level_label=str(level_label or level),
        region=str(region or known_region or ""),
        fingerprint=str(fingerprint),
        status=PacketState(str(state)),
        year=year,
        standard=_standard(str(pack_id), str(version), str(kind), str(title)),
        tables=parse_tables(str(tables)),
        total=total,
        max_total=max_total,
        percent=percent,
        review_state=ReviewState(str(review_state)) if review_state else ReviewState.PENDING,
        reviewed_total=reviewed[0] if reviewed else None,
        reviewed_max=reviewed[1] if reviewed else None,
        reviewed_percent=reviewed[2] if reviewed else None,
        reviewer=str(reviewer or ""),
        signed_at=datetime.fromisoformat(str(signed_at)),
        received_at=received_at,
        unanswered=int(str(unanswered)),
        held_reason=str(held_reason or ""),
    )


def _centers(session: Session, center_id: int | None) -> list[CenterRecord]:
    query = select(dm.DeskCenter).order_by(dm.DeskCenter.name, dm.DeskCenter.id)
    identities = select(dm.CenterIdentity).order_by(dm.CenterIdentity.since, dm.CenterIdentity.id)
    if center_id is not None:
        query = query.where(dm.DeskCenter.id == center_id)
        identities = identities.where(dm.CenterIdentity.center_id == center_id)
    known: dict[int, list[IdentityRecord]] = {}
    for i in session.scalars(identities):
        known.setdefault(i.center_id, []).append(
            IdentityRecord(i.fingerprint, i.since, i.how, i.reason, i.accepted_by, i.retired_at)
        )
    return [
        CenterRecord(
            c.id,
            c.name,
            c.level,
            c.level_label,
            c.region,
            c.roster_entry_id,
            c.created_at,
            tuple(known.get(c.id, [])),
        )
        for c in session.scalars(query)
    ]
