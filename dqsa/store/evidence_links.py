"""Evidence in the center file: photos and documents stored once, linked to items, zones,
mechanisms and ledgers of an assessment. (Preparing a file is :mod:`dqsa.store.evidence`'s.)

The linking is done by functions of a :class:`~sqlalchemy.orm.Session`, so a restored
packet can link all its evidence in the same transaction as its answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.errors import InvalidInput, Problem
from dqsa.domain.text import multi_line, printable
from dqsa.store import models as m
from dqsa.store.edits import EditsMixin
from dqsa.store.errors import StoreError
from dqsa.store.evidence import PreparedEvidence, prepare_file
from dqsa.store.mapping import known_targets
from dqsa.store.records import EvidenceRef, TargetKind, now


def check_target(pack: CriteriaPack, kind: str, target_id: str) -> None:
    """Refuse evidence for something the pack does not have."""
    if target_id not in known_targets(pack).get(kind, set()):
        raise InvalidInput([Problem(f"evidence.{kind}", f"标准包 {pack.id} 中没有 {kind} {target_id!r}")])


#: The longest caption of a photo or file (a caption is a line or two, not a report).
MAX_CAPTION = 1000


def check_caption(caption: str) -> str:
    """A caption as it is kept (line breaks made ``\\n``), or :class:`InvalidInput` naming it."""
    try:
        caption = multi_line(caption)
    except ValueError as exc:
        raise InvalidInput([Problem("evidence.caption", f"说明{exc}")]) from None
    if len(caption) > MAX_CAPTION:
        raise InvalidInput(
            [Problem("evidence.caption", f"说明太长（{len(caption)} 个字，最多 {MAX_CAPTION} 个字）")]
        )
    return caption


def link_evidence(
    session: Session,
    a: m.Assessment,
    pack: CriteriaPack,
    target_kind: str,
    target_id: str,
    prepared: PreparedEvidence,
    caption: str = "",
) -> m.EvidenceLink:
    """Attach prepared evidence to one target of ``a`` (its bytes stored once per file); the new link."""
    check_target(pack, target_kind, target_id)
    caption = check_caption(caption)
    blob = session.scalar(select(m.EvidenceBlob).where(m.EvidenceBlob.sha256 == prepared.sha256))
    if blob is None:
        blob = m.EvidenceBlob(
            sha256=prepared.sha256,
            kind=prepared.kind,
            media_type=prepared.media_type,
            original_name=printable(prepared.original_name, lines=False),  # a file name may hold anything
            original_sha256=prepared.original_sha256,
            original_size=prepared.original_size,
            original_date=prepared.original_date,
            width=prepared.width,
            height=prepared.height,
            size=len(prepared.data),
            thumbnail=prepared.thumbnail,
            data=prepared.data,
            added_at=now(),
        )
        session.add(blob)
        session.flush()
    position = session.scalar(
        select(func.count()).where(
            m.EvidenceLink.assessment_id == a.id,
            m.EvidenceLink.target_kind == target_kind,
            m.EvidenceLink.target_id == target_id,
        )
    )
    link = m.EvidenceLink(
        assessment_id=a.id,
        target_kind=target_kind,
        target_id=target_id,
        evidence_id=blob.id,
        caption=caption,
        position=position,
    )
    session.add(link)
    session.flush()
    return link


def drop_unlinked_evidence(session: Session) -> None:
    """Delete the bytes nothing links to any more."""
    linked = select(m.EvidenceLink.evidence_id)
    session.execute(delete(m.EvidenceBlob).where(m.EvidenceBlob.id.not_in(linked)))


def evidence_refs(
    session: Session, a: m.Assessment, target_kind: str | None = None, target_id: str | None = None
) -> list[EvidenceRef]:
    """Evidence of an assessment (optionally of one target), in order, without its bytes."""
    link, blob = m.EvidenceLink, m.EvidenceBlob
    query = (
        select(
            link.id.label("link_id"),
            blob.id.label("evidence_id"),
            link.target_kind,
            link.target_id,
            blob.kind,
            blob.media_type,
            blob.original_name,
            blob.original_sha256,
            blob.original_date,
            blob.width,
            blob.height,
            blob.size,
            link.caption,
            blob.original_size,
        )  # only the columns listed: never load the bytes to list them
        .join(blob, link.evidence_id == blob.id)
        .where(link.assessment_id == a.id)
    )
    if target_kind is not None:
        query = query.where(link.target_kind == target_kind)
    if target_id is not None:
        query = query.where(link.target_id == target_id)
    query = query.order_by(link.target_kind, link.target_id, link.position)
    return [EvidenceRef(**row._asdict()) for row in session.execute(query).all()]


def evidence_bytes(session: Session, evidence_id: int) -> bytes | None:
    return session.scalar(select(m.EvidenceBlob.data).where(m.EvidenceBlob.id == evidence_id))


class EvidenceMixin(EditsMixin):
    """Attaching, detaching and reading evidence (each attach or detach is a recorded edit)."""

    def add_evidence_file(
        self, year: int, target_kind: TargetKind, target_id: str, path: Path, caption: str = ""
    ) -> EvidenceRef:
        """Prepare a photo or document from disk and attach it."""
        return self.add_evidence(year, target_kind, target_id, prepare_file(Path(path)), caption)

    def add_evidence(
        self,
        year: int,
        target_kind: TargetKind,
        target_id: str,
        prepared: PreparedEvidence,
        caption: str = "",
    ) -> EvidenceRef:
        """Attach prepared evidence to an item, zone, mechanism or ledger."""
        link_ids: list[int] = []

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple[Any, Any]:
            link = link_evidence(session, a, pack, target_kind, target_id, prepared, caption)
            link_ids.append(link.id)
            return None, {"name": prepared.original_name, "sha256": prepared.original_sha256}

        self._edit(year, f"evidence.{target_kind}.{target_id}", change)
        return next(e for e in self.evidence(year) if e.link_id == link_ids[0])

    def remove_evidence(self, year: int, link_id: int) -> None:
        """Detach evidence; its bytes are dropped when nothing links to them any more."""

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple[Any, Any]:
            link = session.get(m.EvidenceLink, link_id)
            if link is None or link.assessment_id != a.id:
                raise StoreError("这份证明材料已经不存在。", path=self.path)
            old = {"name": link.evidence.original_name, "sha256": link.evidence.original_sha256}
            session.delete(link)
            session.flush()
            drop_unlinked_evidence(session)
            return old, None

        def where(session: Session) -> str:
            target = session.get(m.EvidenceLink, link_id)
            return f"evidence.{target.target_kind}.{target.target_id}" if target else "evidence"

        self._edit(year, self._read(where), change)

    def evidence(
        self, year: int, target_kind: str | None = None, target_id: str | None = None
    ) -> list[EvidenceRef]:
        """Evidence of an assessment (optionally of one target), in order, without bytes."""
        return self._read(lambda s: evidence_refs(s, self._assessment(s, year), target_kind, target_id))

    def evidence_data(self, evidence_id: int) -> bytes | None:
        """The stored bytes of a photo or document (None when nothing links to it any more)."""
        return self._read(lambda s: evidence_bytes(s, evidence_id))

    def evidence_thumbnail(self, evidence_id: int) -> bytes | None:
        """A photo's small JPEG thumbnail (None for documents)."""
        return self._read(
            lambda s: s.scalar(select(m.EvidenceBlob.thumbnail).where(m.EvidenceBlob.id == evidence_id))
        )
