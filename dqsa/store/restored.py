"""A received packet restored into the center file: all of it in one transaction, or nothing.

:mod:`dqsa.export.restore` validates a packet completely in memory first; this writes
what it validated (the answers, the pack, every piece of evidence, the signed state and
the snapshot of what was sent, with the digest of the imported zip, and an accepted
change of signing identity) through the same session-level functions the rest of the
store uses (:func:`~dqsa.store.mapping.write_answers`,
:func:`~dqsa.store.evidence_links.link_evidence`, :func:`~dqsa.store.sent.sign`,
:func:`~dqsa.store.identity_events.add_identity_event`), in ONE transaction: a
failure at any step (a full disk at the last write, say) leaves the file as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from dqsa.domain.answers import Answers
from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.errors import InvalidInput, Problem
from dqsa.store import models as m
from dqsa.store.core import StoreCore
from dqsa.store.evidence import PreparedEvidence
from dqsa.store.evidence_links import drop_unlinked_evidence, link_evidence
from dqsa.store.identity_events import IdentityRecord, add_identity_event
from dqsa.store.mapping import write_answers
from dqsa.store.sent import SentPacket, sign
from dqsa.store.totals import write_center_display, write_totals


class EvidenceToRestore(Protocol):
    """One piece of a packet's evidence, checked and prepared (a ``RestoredEvidence`` is one)."""

    @property
    def target_kind(self) -> str: ...

    @property
    def target_id(self) -> str: ...

    @property
    def caption(self) -> str: ...

    @property
    def prepared(self) -> PreparedEvidence: ...


class RestoreMixin(StoreCore):
    """Writing a validated packet as a signed year."""

    def restore_signed_year(
        self,
        answers: Answers,
        pack: CriteriaPack,
        evidence: Sequence[EvidenceToRestore],
        *,
        signer: str,
        fingerprint: str,
        signed_at: datetime,
        packet: SentPacket,
        identity_event: IdentityRecord | None = None,
    ) -> None:
        """Store a received packet's year, signed as it was sent, in one transaction.

        ``signed_at`` is the manifest's time, with the signer's UTC offset when the packet
        gives one: the snapshot keeps it whole, the year's row the signer's wall time.
        The year must not exist yet (:class:`~dqsa.store.errors.StoreError` otherwise).
        On any failure nothing is written.
        """
        if (pack.id, pack.version) != (answers.pack.id, answers.pack.version):
            raise InvalidInput([Problem("pack", "答卷与随附的标准包不一致")])

        def write(session: Session) -> None:
            row = write_answers(session, self._packs, answers, replace=False, pack=pack)
            chosen = self._pack(session, row.pack_ref)
            for item in evidence:
                link_evidence(
                    session, row, chosen, item.target_kind, item.target_id, item.prepared, item.caption
                )
            write_totals(session, row, chosen)
            center = session.get(m.Center, 1)
            if center is not None and center.pack_id == chosen.id and session.get(m.CenterDisplay, 1) is None:
                write_center_display(session, center, chosen)
            sign(
                session,
                self._packs,
                row,
                signer=signer,
                fingerprint=fingerprint,
                at=signed_at,
                packet=packet,
                origin="restore",
            )
            drop_unlinked_evidence(session)
            if identity_event is not None:
                add_identity_event(session, identity_event)

        self._write(f"从材料包恢复 {answers.year} 年度自评", write)
