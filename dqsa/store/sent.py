"""What was sent stays what was sent: the frozen snapshot kept at every signing.

Signing a year (exporting its packet, or restoring it from a received packet) writes,
in the same transaction as the signature mark, one :class:`~dqsa.store.models.SentSnapshot`:
the answers document exactly as put in the packet, the scorecard, the year list's
figures, the packet's SHA-256, size and file name, the manifest format, the certificate
fingerprint, the signer and the zoned signing time. Every signing adds one (a packet
sent again keeps the earlier ones); the latest is "what was sent".

A signed year cannot be edited (:mod:`dqsa.store.edits` refuses with
:class:`~dqsa.store.errors.SignedYear`) until it is explicitly reopened
(:meth:`SentMixin.reopen`, recorded in the history): it then reads
``reopened`` (已报送后修改), the snapshot stays, and the year must be sent again.

A file of an older revision, read without being migrated (read-only media), has no
snapshot table: its signed years read as migration 0003 marks them, with a snapshot
whose content is unknown (:attr:`SentRecord.known` is False). Nothing is invented for
a packet signed before this program kept snapshots.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from dqsa import __version__
from dqsa.domain.answers import Answers
from dqsa.domain.fingerprint import plain_fingerprint
from dqsa.domain.scoring import Scorecard, score, scorecard_to_dict
from dqsa.domain.status import AssessmentStatus
from dqsa.store import models as m
from dqsa.store.core import StoreCore
from dqsa.store.errors import AssessmentNotFound, StoreError
from dqsa.store.records import now, to_json
from dqsa.store.totals import totals_content
from dqsa.store.year_list import Totals, parse_totals

if TYPE_CHECKING:
    from dqsa.domain.criteria import CriteriaPack
    from dqsa.store.stored_packs import StoredPacks

#: How a snapshot came to be.
Origin = Literal["export", "restore", "marked", "before-0003"]
#: The origin of a signing made before snapshots were kept (migration 0003): content unknown.
BEFORE_SNAPSHOTS = "before-0003"


@dataclass(frozen=True)
class SentPacket:
    """The packet as written (or as received), handed to the store when the year is signed.

    ``answers_json`` is the ``answers.json`` member's bytes, exactly; ``scorecard`` the
    scorecard the packet shows (scored here from the answers when None). ``based_on`` is
    the ``modified_at`` of the state the packet was made from: if the year changed
    meanwhile, it is marked reopened rather than signed (the file no longer matches).
    """

    sha256: str
    size: int
    file_name: str
    manifest_format: str
    answers_json: bytes
    scorecard: Scorecard | None = None
    based_on: datetime | None = None


@dataclass(frozen=True)
class SentRecord:
    """One signing of one year, as the file keeps it (without the answers' bytes)."""

    year: int
    #: 1 for the year's first signing kept, 2 for the next …
    number: int
    origin: str
    #: When it was signed: with the signer's UTC offset when known (a packet of format 2).
    signed_at: datetime
    signer: str
    fingerprint: str
    sha256: str | None
    size: int | None
    file_name: str | None
    manifest_format: str | None
    #: The year list's figures of what was sent (None when unknown).
    totals: Totals | None
    recorded_at: datetime | None

    @property
    def known(self) -> bool:
        """Whether the file keeps what was sent (False for a packet signed before this program kept it)."""
        return self.origin != BEFORE_SNAPSHOTS


# --- reading ------------------------------------------------------------------------------------------


def has_snapshots(session: Session) -> bool:
    """Whether the file has the snapshot tables (revision 0003 or later)."""
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sent_snapshot'")
    ).first()
    return found is not None


def _record(a: m.Assessment, number: int, row: m.SentSnapshot) -> SentRecord:
    totals = parse_totals(json.loads(row.totals_json)) if row.totals_json else None
    return SentRecord(
        a.year,
        number,
        row.origin,
        row.signed_at,
        row.signer,
        row.fingerprint,
        row.packet_sha256,
        row.packet_size,
        row.packet_name,
        row.manifest_format,
        totals,
        row.recorded_at,
    )


def snapshot_rows(session: Session, a: m.Assessment) -> list[m.SentSnapshot]:
    """The year's snapshots, oldest first (an older file's signing: one made up in memory, never written)."""
    if has_snapshots(session):
        return list(
            session.scalars(
                select(m.SentSnapshot).where(m.SentSnapshot.assessment_id == a.id).order_by(m.SentSnapshot.id)
            )
        )
    if a.signed_at is None:
        return []
    return [
        m.SentSnapshot(
            assessment_id=a.id,
            origin=BEFORE_SNAPSHOTS,
            signed_at=a.signed_at,
            signer=a.signer or "",
            fingerprint=a.fingerprint or "",
        )
    ]


def history_of(session: Session, a: m.Assessment) -> list[SentRecord]:
    """Every signing of the year kept in the file, oldest first."""
    return [_record(a, n, row) for n, row in enumerate(snapshot_rows(session, a), start=1)]


def _chosen(session: Session, a: m.Assessment, number: int | None) -> m.SentSnapshot:
    rows = snapshot_rows(session, a)
    if not rows:
        raise StoreError(f"{a.year} 年度的自评还没有签署报送过。")
    if number is None:
        return rows[-1]
    if not 1 <= number <= len(rows):
        raise StoreError(f"{a.year} 年度没有第 {number} 次报送的记录（共 {len(rows)} 次）。")
    return rows[number - 1]


def _known(a: m.Assessment, row: m.SentSnapshot) -> tuple[str, int]:
    if row.answers_json is None or row.pack_ref is None:
        raise StoreError(
            f"{a.year} 年度是用本程序以前的版本签署报送的，当时没有保存报送内容的副本，无法显示报送时的内容。"
        )
    return row.answers_json, row.pack_ref


def sent_version(
    session: Session, packs: StoredPacks, a: m.Assessment, number: int | None = None
) -> tuple[CriteriaPack, Answers, Scorecard]:
    """The pack, answers and scorecard of what was sent (the latest signing, or signing ``number``).

    The scorecard is scored again from the frozen answers with the frozen pack (the same
    arithmetic as at signing); the frozen scorecard itself is :func:`sent_scorecard_data`.
    """
    from dqsa.answers_file import parse_answers_bytes

    answers_text, pack_ref = _known(a, _chosen(session, a, number))
    pack = packs.get(session, pack_ref)
    answers = parse_answers_bytes(answers_text.encode("utf-8"), what="已报送的答卷")
    return pack, answers, score(pack, answers, validate=False)


def sent_scorecard_data(session: Session, a: m.Assessment, number: int | None = None) -> dict[str, object]:
    """The scorecard frozen at signing, as JSON data (``dqsa-scorecard/1``)."""
    row = _chosen(session, a, number)
    _known(a, row)
    data: dict[str, object] = json.loads(row.scorecard_json or "{}")
    return data


def sent_answers_text(session: Session, a: m.Assessment, number: int | None = None) -> str:
    """The answers document exactly as it was put in the packet."""
    return _known(a, _chosen(session, a, number))[0]


# --- writing -------------------------------------------------------------------------------------------


def sign(
    session: Session,
    packs: StoredPacks,
    a: m.Assessment,
    *,
    signer: str,
    fingerprint: str,
    at: datetime | None = None,
    packet: SentPacket | None = None,
    origin: Origin = "export",
) -> m.SentSnapshot:
    """Mark ``a`` signed and freeze what was sent, in the caller's transaction; the new snapshot.

    ``at`` is the signing time as the packet says it (with its UTC offset); the
    assessment row keeps the signer's wall time, without the zone (as every time in the
    file), the snapshot keeps it whole. Without ``packet`` (a signature recorded with
    no packet at hand) the year's current answers are frozen and the digest is unknown.
    """
    from dqsa.answers_file import answers_json, parse_answers_bytes
    from dqsa.store.mapping import answers_of

    when = at or datetime.now().astimezone().replace(microsecond=0)
    pack = packs.of(session, a)
    old = AssessmentStatus.of(a.status, a.signed_at)
    changed_meanwhile = (
        packet is not None and packet.based_on is not None and packet.based_on != a.modified_at
    )
    if packet is None:
        origin = "marked" if origin == "export" else origin
        session.flush()
        answers = answers_of(session, a, pack)
        frozen = answers_json(answers)
        card = score(pack, answers, validate=False)
    else:
        frozen = packet.answers_json.decode("utf-8")
        answers = parse_answers_bytes(packet.answers_json, what="材料包中的答卷")
        if answers.year != a.year:
            raise StoreError(f"材料包中的答卷是 {answers.year} 年度的，不是 {a.year} 年度。")
        card = packet.scorecard or score(pack, answers, validate=False)
    status = AssessmentStatus.REOPENED if changed_meanwhile else AssessmentStatus.SIGNED
    a.status = status
    a.signed_at, a.signer, a.fingerprint = when.replace(tzinfo=None), signer, fingerprint
    snapshot = m.SentSnapshot(
        assessment_id=a.id,
        origin=origin,
        signed_at=when,
        recorded_at=now(),
        signer=signer,
        fingerprint=fingerprint,
        packet_sha256=packet.sha256 if packet else None,
        packet_size=packet.size if packet else None,
        packet_name=packet.file_name if packet else None,
        manifest_format=packet.manifest_format if packet else None,
        pack_ref=a.pack_ref,
        answers_json=frozen,
        scorecard_json=json.dumps(scorecard_to_dict(card), ensure_ascii=False, sort_keys=True),
        totals_json=json.dumps(totals_content(card), ensure_ascii=False, sort_keys=True),
        program=__version__,
    )
    session.add(snapshot)
    record: dict[str, object] = {"signed": signer, "fingerprint": fingerprint}
    if packet is not None:
        record["packet_sha256"] = packet.sha256
    if changed_meanwhile:
        record["changed_while_exporting"] = True
    session.add(
        m.Change(
            assessment_id=a.id, at=now(), field="status", old_value=to_json(old), new_value=to_json(record)
        )
    )
    if changed_meanwhile:
        session.add(
            m.Change(
                assessment_id=a.id,
                at=now(),
                field="status",
                old_value=to_json(AssessmentStatus.SIGNED),
                new_value=to_json({"reopened": "导出材料包期间本年度又有修改，与报送的材料包不一致"}),
            )
        )
    session.flush()
    return snapshot


def reopen(session: Session, a: m.Assessment, reason: str) -> bool:
    """Open a signed year for changes (recorded with ``reason``); False when it was not signed.

    A year reopened already stays so; a draft was never sent and cannot be reopened.
    """
    status = AssessmentStatus.of(a.status, a.signed_at)
    if status is AssessmentStatus.REOPENED:
        return False
    if status is not AssessmentStatus.SIGNED:
        raise StoreError(f"{a.year} 年度的自评还没有签署报送，可以直接修改。")
    a.status = AssessmentStatus.REOPENED
    session.add(
        m.Change(
            assessment_id=a.id,
            at=now(),
            field="status",
            old_value=to_json(AssessmentStatus.SIGNED),
            new_value=to_json({"reopened": reason.strip() or "（未说明原因）"}),
        )
    )
    return True


def keep_snapshots(session: Session, a: m.Assessment) -> Callable[[m.Assessment], None]:
    """Before ``a`` is replaced by a new row of the same year: a function that gives the new row
    ``a``'s snapshots of what was sent, its signature and its history.

    Replacing a year's answers (``dqsa import --replace --reopen``) deletes its row;
    what was sent, and the record of how the year got here, must outlive that.
    """
    from dqsa.store.mapping import copy_row

    session.flush()
    kept = [copy_row(row) for row in snapshot_rows(session, a) if row.id is not None]
    history = [
        copy_row(row)
        for row in session.scalars(
            select(m.Change).where(m.Change.assessment_id == a.id).order_by(m.Change.id)
        )
    ]
    signed = (a.signed_at, a.signer, a.fingerprint)

    def give(new: m.Assessment) -> None:
        for snapshot in kept:
            snapshot.assessment_id = new.id
            session.add(snapshot)
        for change in history:
            change.assessment_id = new.id
            session.add(change)
        if kept:
            new.status = AssessmentStatus.REOPENED
            new.signed_at, new.signer, new.fingerprint = signed
        session.flush()

    return give


def signed_fingerprints_in(session: Session) -> tuple[str, ...]:
    """Every fingerprint this file's years were signed with, or that its identity events name,
    oldest first, each once: the identities the level above has seen or been told of.

    Three column reads, whatever the number of years (the export page asks after every save).
    """
    # Times are kept to the second: two signings in one second are ordered by the order they
    # were kept in (snapshot and event ids), and a year's row, which holds its latest signing, last.
    signed = select(m.Assessment.signed_at, m.Assessment.fingerprint).where(
        m.Assessment.signed_at.is_not(None)
    )
    rows: list[tuple[datetime | None, int, int, str | None]] = [
        (w, 1, 0, f) for w, f in session.execute(signed)
    ]
    if has_snapshots(session):  # an identity made or accepted counts even if its year was deleted since
        snapshots = select(m.SentSnapshot.signed_at, m.SentSnapshot.id, m.SentSnapshot.fingerprint)
        events = select(m.IdentityEvent.at, m.IdentityEvent.id, m.IdentityEvent.new_fingerprint)
        rows += [(w, 0, i, f) for w, i, f in session.execute(snapshots)]
        rows += [(w, 0, i, f) for w, i, f in session.execute(events)]
    found = sorted(
        (when.replace(tzinfo=None), rank, i, value) for when, rank, i, value in rows if when and value
    )
    unique: dict[str, str] = {}
    for *_, fingerprint in found:
        unique.setdefault(plain_fingerprint(fingerprint), fingerprint)
    return tuple(unique.values())


# --- the store's methods ------------------------------------------------------------------------------------


class SentMixin(StoreCore):
    """What was sent: the snapshots, reopening a signed year, finding a sent packet by digest."""

    def sent(self, year: int) -> SentRecord | None:
        """What was sent for ``year`` (its latest signing), or None when it was never signed."""
        history = self.sent_history(year)
        return history[-1] if history else None

    def sent_history(self, year: int) -> list[SentRecord]:
        """Every signing of ``year`` the file keeps, oldest first."""
        return self._read(lambda s: history_of(s, self._assessment(s, year)))

    def sent_answers(self, year: int, number: int | None = None) -> Answers:
        """The answers as sent (the latest signing, or signing ``number``); :class:`StoreError` if not kept."""
        return self._read(lambda s: sent_version(s, self._packs, self._assessment(s, year), number)[1])

    def sent_answers_text(self, year: int, number: int | None = None) -> str:
        """The answers document exactly as it was put in the packet."""
        return self._read(lambda s: sent_answers_text(s, self._assessment(s, year), number))

    def sent_scorecard(self, year: int, number: int | None = None) -> Scorecard:
        """What was sent, scored (with the pack it was sent with)."""
        return self._read(lambda s: sent_version(s, self._packs, self._assessment(s, year), number)[2])

    def sent_scorecard_data(self, year: int, number: int | None = None) -> dict[str, object]:
        """The scorecard exactly as frozen at signing (``dqsa-scorecard/1`` JSON data)."""
        return self._read(lambda s: sent_scorecard_data(s, self._assessment(s, year), number))

    def find_sent(self, sha256: str) -> SentRecord | None:
        """The signing whose packet has this SHA-256 (a result from the level above names it), or None."""
        digest = sha256.strip().lower()

        def read(session: Session) -> SentRecord | None:
            if not has_snapshots(session):
                return None
            row = session.scalar(
                select(m.SentSnapshot)
                .where(m.SentSnapshot.packet_sha256 == digest)
                .order_by(m.SentSnapshot.id)
            )
            if row is None:
                return None
            a = session.get(m.Assessment, row.assessment_id)
            if a is None:
                return None
            rows = snapshot_rows(session, a)
            return _record(a, [r.id for r in rows].index(row.id) + 1, row)

        return self._read(read)

    def signed_fingerprints(self) -> tuple[str, ...]:
        """Every fingerprint this file's years were signed with, oldest first (never replace them silently)."""
        return self._read(signed_fingerprints_in)

    def reopen(self, year: int, *, reason: str) -> None:
        """Open a signed year for changes: recorded in the history; the snapshot of what was sent stays.

        Afterwards the year reads 已报送后修改 and must be signed and sent again. Reopening
        a year already reopened does nothing; a draft is refused (it was never sent).
        """

        def write(session: Session) -> None:
            reopen(session, self._assessment(session, year), reason)

        try:
            self._write(f"{year} 年度修改（需重新报送）", write)
        except AssessmentNotFound as exc:
            raise AssessmentNotFound(str(exc), path=self.path) from None
