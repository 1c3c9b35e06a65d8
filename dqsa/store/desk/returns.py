"""The desk signs and returns review results (审核结果, issue 16): its own identity, and what it returned.

The desk's signing identity (key and certificate) lives in the user's data folder like a
center's (:mod:`dqsa.export.identity`); the desk file keeps what others rely on:

- its own id (:attr:`DeskSigning.uid`), which the identity is keyed by, so renaming the
  desk keeps the identity and a center of the same name can never share it;
- the fingerprint it signs with (pinned: :meth:`ReturnsMixin.pin_signing_identity`), and
  every change of it (created, replaced on purpose), in the history too. A different key
  never becomes the desk's silently: replacing is an explicit act, recorded;
- every returned result: when, the zip's SHA-256, the state it carried, who signed, with
  which fingerprint, and ``review.json`` exactly as signed.

Reading what a result says is one transaction (:meth:`ReturnsMixin.return_snapshot`):
the packet, its pack, the review, every item and the reviewed totals, as they stand
together. Building and signing the file is the export layer's job
(:mod:`dqsa.export.review_result`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.rollup import ReviewState, Submission
from dqsa.store.desk import models as dm
from dqsa.store.desk.listing import ListingMixin
from dqsa.store.desk.packets import summary_of
from dqsa.store.desk.records import ItemSheetRow, PacketSummary, ReviewRecord
from dqsa.store.desk.reviews import ReviewMixin
from dqsa.store.errors import StoreError
from dqsa.store.records import now

__all__ = [
    "DeskIdentityChange",
    "DeskSigning",
    "NewReturn",
    "ReturnRecord",
    "ReturnSnapshot",
    "ReturnsMixin",
    "SigningConflict",
]


class SigningConflict(StoreError):
    """The identity offered is not the one the desk file has pinned (never replaced silently)."""


@dataclass(frozen=True)
class DeskIdentityChange:
    """One change of the desk's signing identity."""

    at: datetime
    #: ``created`` | ``replaced``
    kind: str
    fingerprint: str
    old_fingerprint: str | None = None
    note: str = ""


@dataclass(frozen=True)
class DeskSigning:
    """What the desk file knows of its signing identity."""

    uid: str
    name: str
    #: The fingerprint the desk signs with; None before its first signing.
    fingerprint: str | None
    #: Every change, oldest first.
    changes: tuple[DeskIdentityChange, ...] = ()

    @property
    def known_fingerprints(self) -> tuple[str, ...]:
        """Every fingerprint the desk has signed with (so a lost key is never silently remade)."""
        seen = [c.fingerprint for c in self.changes]
        if self.fingerprint:
            seen.append(self.fingerprint)
        return tuple(dict.fromkeys(seen))


@dataclass(frozen=True)
class ReturnRecord:
    """A review result the desk wrote and signed."""

    id: int
    packet_id: int
    returned_at: datetime
    sha256: str
    size: int
    file_name: str
    state: ReviewState
    signer_name: str
    signer_title: str
    fingerprint: str
    review_json: str


@dataclass(frozen=True)
class NewReturn:
    """What the export hands the desk once a result is written."""

    packet_id: int
    returned_at: datetime
    sha256: str
    size: int
    file_name: str
    state: ReviewState
    signer_name: str
    signer_title: str
    fingerprint: str
    review_json: str


@dataclass(frozen=True)
class ReturnSnapshot:
    """Everything a review result says, read in one transaction."""

    desk_name: str
    signing: DeskSigning
    packet: PacketSummary
    pack: CriteriaPack
    review: ReviewRecord
    #: Every item of the packet, in the pack's order, with the reviewer's word where given.
    sheet: tuple[ItemSheetRow, ...]
    #: The packet's marks with the reviewer's scores: the reviewed totals.
    submission: Submission
    #: Results returned for this packet before, oldest first.
    earlier: tuple[ReturnRecord, ...] = ()


class ReturnsMixin(ListingMixin, ReviewMixin):
    """The desk's signing identity and the results it returns."""

    # -- the identity -------------------------------------------------------------------------------------

    def signing(self) -> DeskSigning:
        """The desk's id, name, pinned fingerprint and the identity's history."""
        return self._read(self._signing)

    def _signing(self, session: Session) -> DeskSigning:
        desk = session.get(dm.Desk, 1)
        if desk is None:
            raise StoreError(f"审核台账缺少单位信息，可能已损坏：{self.path}", path=self.path)
        changes = tuple(
            DeskIdentityChange(e.at, e.kind, e.fingerprint, e.old_fingerprint, e.note)
            for e in session.scalars(select(dm.DeskIdentityEvent).order_by(dm.DeskIdentityEvent.id))
        )
        return DeskSigning(desk.uid, desk.name, desk.signing_fingerprint, changes)

    def pin_signing_identity(
        self, fingerprint: str, *, replaced: bool = False, note: str = ""
    ) -> DeskSigning:
        """Record that the desk signs with ``fingerprint`` (its first identity, or with ``replaced`` a new one).

        A first identity is pinned once; another fingerprint later is refused
        (:class:`SigningConflict`) unless ``replaced`` says it is a deliberate new identity.
        Pinning the fingerprint already pinned changes nothing.
        """

        def work(session: Session) -> DeskSigning:
            desk = session.get(dm.Desk, 1)
            assert desk is not None
            old = desk.signing_fingerprint
            if old == fingerprint:
                return self._signing(session)
            if old is not None and not replaced:
                raise SigningConflict(
                    f"本台账登记的签署证书指纹是 {old}，而这台电脑上的签署身份是 {fingerprint}。"
                    "不会悄悄改用另一个签署身份：请用原来的签署身份，或明确新建签署身份（各中心会看到新的指纹）。",
                    path=self.path,
                )
            kind = "replaced" if old is not None else "created"
            session.add(
                dm.DeskIdentityEvent(
                    at=now(), kind=kind, fingerprint=fingerprint, old_fingerprint=old, note=note
                )
            )
            self._change(session, f"desk.identity.{kind}", old=old, new=fingerprint)
            desk.signing_fingerprint = fingerprint
            session.flush()
            return self._signing(session)

        return self._write("签署身份", work)

    # -- returning a result ----------------------------------------------------------------------------------

    def return_snapshot(self, packet_id: int) -> ReturnSnapshot:
        """What a result for this packet says, as it stands now (a held or superseded packet is refused)."""

        def read(session: Session) -> ReturnSnapshot:
            row = self._reviewable(session, packet_id)
            submission = self._submissions(session, [packet_id])[packet_id]
            desk = self._signing(session)
            return ReturnSnapshot(
                desk_name=desk.name,
                signing=desk,
                packet=summary_of(row),
                pack=self._pack(session, row.pack_ref),
                review=self._review(session, packet_id),
                sheet=tuple(self._review_sheet(session, packet_id)),
                submission=submission,
                earlier=tuple(_returns(session, packet_id)),
            )

        return self._read(read)

    def record_return(self, returned: NewReturn) -> ReturnRecord:
        """Record a written result; refused if it was signed with another identity than the pinned one."""

        def work(session: Session) -> ReturnRecord:
            desk = session.get(dm.Desk, 1)
            assert desk is not None
            if desk.signing_fingerprint != returned.fingerprint:
                raise SigningConflict(
                    "审核结果的签署证书与本台账登记的签署身份不一致，没有记录。", path=self.path
                )
            packet = self._packet_row(session, returned.packet_id)
            row = dm.ReviewReturn(
                packet_id=returned.packet_id,
                returned_at=returned.returned_at,
                sha256=returned.sha256,
                size=returned.size,
                file_name=returned.file_name,
                state=returned.state.value,
                signer_name=returned.signer_name,
                signer_title=returned.signer_title,
                fingerprint=returned.fingerprint,
                review_json=returned.review_json,
            )
            session.add(row)
            session.flush()
            self._change(
                session,
                "review.returned",
                center_id=packet.center_id,
                packet_id=packet.id,
                new={"sha256": returned.sha256, "state": returned.state.value, "file": returned.file_name},
            )
            return _record(row)

        return self._write("审核结果", work)

    def returns(self, packet_id: int | None = None) -> list[ReturnRecord]:
        """Results returned (for one packet, or all), oldest first."""
        return self._read(lambda session: _returns(session, packet_id))


def _returns(session: Session, packet_id: int | None) -> list[ReturnRecord]:
    query = select(dm.ReviewReturn).order_by(dm.ReviewReturn.id)
    if packet_id is not None:
        query = query.where(dm.ReviewReturn.packet_id == packet_id)
    return [_record(row) for row in session.scalars(query)]


def _record(row: dm.ReviewReturn) -> ReturnRecord:
    return ReturnRecord(
        id=row.id,
        packet_id=row.packet_id,
        returned_at=row.returned_at,
        sha256=row.sha256,
        size=row.size,
        file_name=row.file_name,
        state=ReviewState(row.state),
        signer_name=row.signer_name,
        signer_title=row.signer_title,
        fingerprint=row.fingerprint,
        review_json=row.review_json,
    )
