"""One assessment as it stood at one moment: what an export is made from.

The export reads answers, pack, scores, evidence and last year's comparison in one
read transaction (:meth:`CenterStore.export_snapshot`), so an edit that lands while
a packet is being built can never mix two states in one packet.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from dqsa.store.records import EvidenceRef

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from dqsa.domain.answers import Answers
    from dqsa.domain.comparison import Comparison
    from dqsa.domain.criteria import CriteriaPack
    from dqsa.domain.scoring import Scorecard
    from dqsa.store import models as m
    from dqsa.store.reviews import ReviewRecord
    from dqsa.store.stored_packs import StoredPacks


@dataclass(frozen=True)
class EvidenceCopy:
    """A piece of evidence with its bytes, as it stood in the snapshot."""

    ref: EvidenceRef
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class ExportSnapshot:
    """Everything a packet shows, read in one transaction."""

    year: int
    answers: Answers
    pack: CriteriaPack
    scorecard: Scorecard
    evidence: tuple[EvidenceCopy, ...]
    #: Comparison with the latest earlier year, when the file has one.
    comparison: Comparison | None = None
    #: The year's ``modified_at`` as read: the signing compares it, so an edit that landed
    #: while the packet was being built marks the year reopened, not signed.
    modified_at: datetime | None = None
    #: Every fingerprint the file's years were signed with (a missing key is never replaced silently).
    fingerprints: tuple[str, ...] = ()
    #: The level above's review of the compared earlier year, when one was imported.
    earlier_review: ReviewRecord | None = None


def scored(session: Session, packs: StoredPacks, a: m.Assessment) -> tuple[CriteriaPack, Answers, Scorecard]:
    """An assessment's pack, answers and scorecard, read in ``session``."""
    from dqsa.domain.scoring import score
    from dqsa.store.mapping import answers_of

    pack = packs.of(session, a)
    answers = answers_of(session, a, pack)
    return pack, answers, score(pack, answers, validate=False)


def compare_in(session: Session, packs: StoredPacks, old: m.Assessment, new: m.Assessment) -> Comparison:
    """Two assessments compared, each against its own pack."""
    from dqsa.domain.comparison import compare

    old_pack, old_answers, old_card = scored(session, packs, old)
    new_pack, new_answers, new_card = scored(session, packs, new)
    return compare(old_card, old_answers, old_pack, new_card, new_answers, new_pack)


def read_snapshot(session: Session, packs: StoredPacks, year: int) -> ExportSnapshot:
    """The snapshot of ``year``: every read below in one SQLite read transaction."""
    from sqlalchemy import func, select

    from dqsa.store import models as m
    from dqsa.store.errors import CorruptFile, StoreError
    from dqsa.store.evidence_links import evidence_bytes, evidence_refs
    from dqsa.store.mapping import find_assessment
    from dqsa.store.sent import signed_fingerprints_in

    session.connection().exec_driver_sql("BEGIN")  # one snapshot of the file for every read below
    a = find_assessment(session, year)
    pack, answers, card = scored(session, packs, a)
    copies = []
    # In the standard's order (its parts, then catalogue entries and items as it lists them), as
    # the packet numbers the files and the report shows them: not by the file's internal ids.
    refs = sorted(evidence_refs(session, a), key=lambda r: pack.target_order(r.target_kind, r.target_id))
    for ref in refs:
        data = evidence_bytes(session, ref.evidence_id)
        if data is None:  # cannot happen inside one transaction: a link keeps its bytes
            raise StoreError(f"证明材料 {ref.original_name} 的内容缺失。")
        digest = session.scalar(select(m.EvidenceBlob.sha256).where(m.EvidenceBlob.id == ref.evidence_id))
        if hashlib.sha256(data).hexdigest() != digest:  # never signed and sent as the evidence it was
            raise CorruptFile(
                f"证明材料“{ref.original_name}”在中心文件中已损坏（内容与保存时的摘要不一致），没有导出。"
                "请删除它后重新添加原文件，或从自动备份恢复（文件 → 备份与恢复）。"
            )
        copies.append(EvidenceCopy(ref, data))
    earlier = session.scalar(select(func.max(m.Assessment.year)).where(m.Assessment.year < year))
    comparison = None
    earlier_review = None
    if earlier is not None:
        from dqsa.store.reviews import current_review_in

        comparison = compare_in(session, packs, find_assessment(session, earlier), a)
        earlier_review = current_review_in(session, earlier)
    return ExportSnapshot(
        year,
        answers,
        pack,
        card,
        tuple(copies),
        comparison,
        modified_at=a.modified_at,
        fingerprints=signed_fingerprints_in(session),
        earlier_review=earlier_review,
    )
