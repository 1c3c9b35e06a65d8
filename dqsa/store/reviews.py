"""Review results (审核结果) from the level above, kept in the center file; the desk certificates pinned.

The export layer checks a result file (signature, digests, format:
:mod:`dqsa.export.review_read`) and hands the store a :class:`ReceivedReview`; the store
then checks, in the one transaction that keeps it, what only the file knows:

- the result is about a packet this center sent (a snapshot of what was sent has its
  SHA-256), of the same year, the same center and the same criteria pack;
- the desk's certificate is the one pinned on the first import, or a person accepted the
  new one (``accept_new_reviewer``): the old pin is retired, the new one says which it replaced;
- the same result twice changes nothing (:attr:`ImportedReview.duplicate`);
- a result signed later than the one shown for its year replaces it on screen; the
  earlier one stays (:attr:`ReviewRecord.current`).

Anything refused raises :class:`ReviewRefused` (its ``kind`` says which check) and
nothing is written. A file of revision 0003 read without being migrated has no review
tables: it reads as having no results.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from dqsa.domain.fingerprint import plain_fingerprint
from dqsa.domain.review import ReviewedItem, review_label
from dqsa.domain.status import AssessmentStatus
from dqsa.store import models as m
from dqsa.store.core import StoreCore
from dqsa.store.errors import StoreError
from dqsa.store.records import now, to_json

if TYPE_CHECKING:
    from dqsa.domain.answers import Answers
    from dqsa.domain.criteria import CriteriaPack
    from dqsa.domain.scoring import Scorecard
    from dqsa.store.stored_packs import StoredPacks


@dataclass(frozen=True)
class ReceivedReview:
    """A result file that passed the signature and format checks, as the store keeps it."""

    result_sha256: str
    result_name: str
    result_zip: bytes = field(repr=False)
    desk_name: str
    desk_fingerprint: str
    center_name: str
    year: int
    pack_id: str
    pack_version: str
    pack_kind: str
    packet_sha256: str
    state: str
    comment: str
    reviewer_name: str
    reviewer_title: str
    reviewed_at: datetime
    signed_at: datetime
    total_self: Decimal
    total_reviewed: Decimal
    total_max: Decimal
    items: tuple[ReviewedItem, ...]


@dataclass(frozen=True)
class ReviewRecord:
    """One imported result, as the file keeps it (without the zip's bytes)."""

    year: int
    packet_sha256: str
    desk_name: str
    desk_fingerprint: str
    state: str
    comment: str
    reviewer_name: str
    reviewer_title: str
    reviewed_at: datetime
    signed_at: datetime
    pack_kind: str
    total_self: Decimal
    total_reviewed: Decimal
    total_max: Decimal
    items: tuple[ReviewedItem, ...]
    result_sha256: str
    result_name: str
    imported_at: datetime
    current: bool
    #: Which of the year's signings the result is about (1 for the first kept …), None if not found.
    sent_number: int | None = None
    #: When that packet was signed.
    sent_at: datetime | None = None
    #: The year was changed or sent again since the packet the result is about.
    outdated: bool = False

    @property
    def label(self) -> str:
        """通过 / 退回补充 / 有问题 / 待审核."""
        return review_label(self.state)

    @property
    def by_item(self) -> dict[str, ReviewedItem]:
        return {item.item_id: item for item in self.items}


@dataclass(frozen=True)
class ReviewDeskRecord:
    """A desk certificate this center pinned or accepted."""

    fingerprint: str
    desk_name: str
    kind: str
    pinned_at: datetime
    old_fingerprint: str | None
    retired_at: datetime | None
    year: int | None
    note: str


@dataclass(frozen=True)
class ImportedReview:
    """What an import did."""

    record: ReviewRecord
    #: The same result was imported before: nothing was added.
    duplicate: bool = False
    #: The desk's certificate was pinned by this import (the first result).
    pinned: bool = False
    #: A new desk certificate was accepted by this import (the old one given).
    accepted_over: str | None = None
    #: The result shown for the year before this one, now kept but no longer shown.
    replaced: ReviewRecord | None = None


class ReviewRefused(StoreError):
    """A result the file refuses; ``kind``: other_packet, other_year, other_center, other_pack,
    other_desk (``pinned`` and ``new`` given: the only one a person may accept), read_only."""

    def __init__(
        self,
        kind: str,
        message: str,
        *,
        path: Path | None = None,
        pinned: str | None = None,
        new: str | None = None,
    ) -> None:
        super().__init__(message, path=path)
        self.kind = kind
        self.pinned = pinned
        self.new = new


# --- reading ------------------------------------------------------------------------------------------


def has_reviews(session: Session) -> bool:
    """Whether the file has the review tables (revision 0004 or later)."""
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'review_result'")
    ).first()
    return found is not None


def _number(value: object) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value))


def items_to_json(items: tuple[ReviewedItem, ...]) -> str:
    data = [
        {
            "id": i.item_id,
            "self": None if i.self_score is None else str(i.self_score),
            "reviewed": None if i.reviewed is None else str(i.reviewed),
            "status": i.status,
            "reason": i.reason,
        }
        for i in items
    ]
    return json.dumps(data, ensure_ascii=False)


def items_from_json(content: str) -> tuple[ReviewedItem, ...]:
    data: list[dict[str, Any]] = json.loads(content)
    return tuple(
        ReviewedItem(str(i["id"]), _number(i["self"]), _number(i["reviewed"]), i["status"], str(i["reason"]))
        for i in data
    )


def _record(session: Session, row: m.ReviewResult) -> ReviewRecord:
    number, sent_at, outdated = _sent_position(session, row.year, row.packet_sha256)
    return ReviewRecord(
        year=row.year,
        packet_sha256=row.packet_sha256,
        desk_name=row.desk_name,
        desk_fingerprint=row.desk_fingerprint,
        state=row.state,
        comment=row.comment,
        reviewer_name=row.reviewer_name,
        reviewer_title=row.reviewer_title,
        reviewed_at=row.reviewed_at,
        signed_at=row.signed_at,
        pack_kind=row.pack_kind,
        total_self=row.total_self,
        total_reviewed=row.total_reviewed,
        total_max=row.total_max,
        items=items_from_json(row.items_json),
        result_sha256=row.result_sha256,
        result_name=row.result_name,
        imported_at=row.imported_at,
        current=row.current,
        sent_number=number,
        sent_at=sent_at,
        outdated=outdated,
    )


def _sent_position(session: Session, year: int, digest: str) -> tuple[int | None, datetime | None, bool]:
    """Which signing of ``year`` sent the packet ``digest``, when, and whether the year changed since."""
    a = session.scalar(select(m.Assessment).where(m.Assessment.year == year))
    if a is None:
        return None, None, False
    rows = list(
        session.scalars(
            select(m.SentSnapshot).where(m.SentSnapshot.assessment_id == a.id).order_by(m.SentSnapshot.id)
        )
    )
    for number, row in enumerate(rows, start=1):
        if row.packet_sha256 == digest:
            reopened = AssessmentStatus.of(a.status, a.signed_at) is AssessmentStatus.REOPENED
            return number, row.signed_at, reopened or number < len(rows)
    return None, None, True


def current_review_in(session: Session, year: int) -> ReviewRecord | None:
    """The result shown for ``year`` (the one signed last), or None."""
    if not has_reviews(session):
        return None
    row = session.scalar(
        select(m.ReviewResult).where(m.ReviewResult.year == year, m.ReviewResult.current.is_(True))
    )
    return None if row is None else _record(session, row)


def reviews_in(session: Session, year: int) -> list[ReviewRecord]:
    """Every result imported for ``year``, in the order imported."""
    if not has_reviews(session):
        return []
    rows = session.scalars(
        select(m.ReviewResult).where(m.ReviewResult.year == year).order_by(m.ReviewResult.id)
    )
    return [_record(session, row) for row in rows]


def _desk(row: m.ReviewDesk) -> ReviewDeskRecord:
    return ReviewDeskRecord(
        row.fingerprint,
        row.desk_name,
        row.kind,
        row.pinned_at,
        row.old_fingerprint,
        row.retired_at,
        row.year,
        row.note,
    )


def _pinned_row(session: Session) -> m.ReviewDesk | None:
    return session.scalar(
        select(m.ReviewDesk).where(m.ReviewDesk.retired_at.is_(None)).order_by(m.ReviewDesk.id.desc())
    )


def reviewed_version(
    session: Session, packs: StoredPacks, a: m.Assessment
) -> tuple[CriteriaPack, Answers, Scorecard]:
    """The year as the level above reviewed it: the version sent that its result is about, rescored
    with the reviewer's scores. :class:`StoreError` when the year has no result, or its packet's
    content was not kept."""
    from dqsa.domain.review import apply_review
    from dqsa.store.sent import sent_version

    review = current_review_in(session, a.year)
    if review is None:
        raise StoreError(f"{a.year} 年度还没有导入上级的审核结果，不能按复核得分对比。")
    if review.sent_number is None:
        raise StoreError(f"{a.year} 年度的审核结果针对的材料包不在中心文件中，不能按复核得分对比。")
    pack, answers, card = sent_version(session, packs, a, review.sent_number)
    return pack, answers, apply_review(card, review.by_item)


# --- importing ------------------------------------------------------------------------------------------


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def import_review_in(
    session: Session, received: ReceivedReview, *, accept_new_reviewer: bool, path: Path | None
) -> ImportedReview:
    """Check ``received`` against the file and keep it, in the caller's transaction."""
    if not has_reviews(session):  # pragma: no cover - a writable file is always migrated
        raise ReviewRefused("read_only", "中心文件是旧版本的，不能保存审核结果。", path=path)
    same = session.scalar(
        select(m.ReviewResult).where(m.ReviewResult.result_sha256 == received.result_sha256)
    )
    if same is not None:
        return ImportedReview(_record(session, same), duplicate=True)
    a = _check_packet(session, received, path)
    pinned, accepted_over = _check_desk(session, received, accept_new_reviewer, path)
    shown = session.scalar(
        select(m.ReviewResult).where(m.ReviewResult.year == received.year, m.ReviewResult.current.is_(True))
    )
    newest = shown is None or received.signed_at > shown.signed_at
    replaced = _record(session, shown) if shown is not None and newest else None
    if shown is not None and newest:
        shown.current = False
    row = m.ReviewResult(
        year=received.year,
        packet_sha256=received.packet_sha256,
        desk_name=received.desk_name,
        desk_fingerprint=received.desk_fingerprint,
        state=received.state,
        comment=received.comment,
        reviewer_name=received.reviewer_name,
        reviewer_title=received.reviewer_title,
        reviewed_at=received.reviewed_at,
        signed_at=received.signed_at,
        pack_kind=received.pack_kind,
        total_self=received.total_self,
        total_reviewed=received.total_reviewed,
        total_max=received.total_max,
        items_json=items_to_json(received.items),
        result_sha256=received.result_sha256,
        result_name=received.result_name,
        result_zip=received.result_zip,
        imported_at=now(),
        current=newest,
    )
    session.add(row)
    record: dict[str, object] = {
        "review_imported": received.result_sha256,
        "state": received.state,
        "desk": received.desk_name,
        "fingerprint": received.desk_fingerprint,
        "packet_sha256": received.packet_sha256,
    }
    if accepted_over is not None:
        record["accepted_new_reviewer_over"] = accepted_over
    if not newest:
        record["kept_not_shown"] = "比已显示的审核结果签署得早"
    session.add(
        m.Change(assessment_id=a.id, at=now(), field="review", old_value=None, new_value=to_json(record))
    )
    session.flush()
    return ImportedReview(
        _record(session, row), pinned=pinned, accepted_over=accepted_over, replaced=replaced
    )


def _check_packet(session: Session, received: ReceivedReview, path: Path | None) -> m.Assessment:
    """The result must be about a packet this center sent: same year, center and pack as sent."""
    snapshot = session.scalar(
        select(m.SentSnapshot)
        .where(m.SentSnapshot.packet_sha256 == received.packet_sha256.lower())
        .order_by(m.SentSnapshot.id)
    )
    a = session.get(m.Assessment, snapshot.assessment_id) if snapshot is not None else None
    if snapshot is None or a is None:
        raise ReviewRefused(
            "other_packet",
            f"这份审核结果针对的材料包（SHA-256 {received.packet_sha256[:16]}…，{received.year} 年度）"
            "不是本中心报送过的：本中心文件中没有这样一次签署报送。没有导入。",
            path=path,
        )
    if a.year != received.year:
        raise ReviewRefused(
            "other_year",
            f"这份审核结果写的是 {received.year} 年度，但它针对的材料包是本中心 {a.year} 年度报送的：前后不一致，没有导入。",
            path=path,
        )
    if not _same_name(a.center_name, received.center_name):
        raise ReviewRefused(
            "other_center",
            f"这份审核结果是给“{received.center_name}”的，而本中心报送这个材料包时的名称是“{a.center_name}”。没有导入。",
            path=path,
        )
    pack = session.get(m.StoredPack, snapshot.pack_ref) if snapshot.pack_ref is not None else None
    if pack is not None and (pack.pack_id, pack.version) != (received.pack_id, received.pack_version):
        raise ReviewRefused(
            "other_pack",
            f"这份审核结果所用的评分标准（{received.pack_id} {received.pack_version}）"
            f"与本中心报送时所用的（{pack.pack_id} {pack.version}）不同。没有导入。",
            path=path,
        )
    return a


def _check_desk(
    session: Session, received: ReceivedReview, accept: bool, path: Path | None
) -> tuple[bool, str | None]:
    """Pin the desk's certificate on the first import; a different one only when accepted."""
    pinned = _pinned_row(session)
    stamp = now()
    if pinned is None:
        session.add(
            m.ReviewDesk(
                fingerprint=received.desk_fingerprint,
                desk_name=received.desk_name,
                kind="pinned",
                pinned_at=stamp,
                year=received.year,
                note="第一次导入审核结果时登记",
            )
        )
        return True, None
    if plain_fingerprint(pinned.fingerprint) == plain_fingerprint(received.desk_fingerprint):
        return False, None
    if not accept:
        raise ReviewRefused(
            "other_desk",
            f"这份审核结果由另一个审核单位证书签署（“{received.desk_name}”）：本中心登记的审核单位证书指纹为 "
            f"{_groups(pinned.fingerprint)}，这份的为 {_groups(received.desk_fingerprint)}。"
            "可能是审核单位换了签署身份，也可能是冒名的审核结果：请先用电话等方式向审核单位核实新指纹。没有导入。",
            path=path,
            pinned=pinned.fingerprint,
            new=received.desk_fingerprint,
        )
    pinned.retired_at = stamp
    session.add(
        m.ReviewDesk(
            fingerprint=received.desk_fingerprint,
            desk_name=received.desk_name,
            kind="accepted",
            pinned_at=stamp,
            old_fingerprint=pinned.fingerprint,
            year=received.year,
            note="导入审核结果时经确认接受新的审核单位证书",
        )
    )
    return False, pinned.fingerprint


def _groups(fingerprint: str) -> str:
    """Four hex digits a group, as the program prints fingerprints everywhere."""
    plain = plain_fingerprint(fingerprint)
    return " ".join(plain[i : i + 4] for i in range(0, len(plain), 4))


# --- the store's methods --------------------------------------------------------------------------------------


class ReviewsMixin(StoreCore):
    """Review results from the level above: import, read, the pinned desk certificate."""

    def sent_packet_digests(self) -> set[str]:
        """The SHA-256 of every packet this file keeps a snapshot of (what a result may be about)."""

        def read(session: Session) -> set[str]:
            from dqsa.store.sent import has_snapshots

            if not has_snapshots(session):
                return set()
            digests = session.scalars(
                select(m.SentSnapshot.packet_sha256).where(m.SentSnapshot.packet_sha256.is_not(None))
            )
            return {d for d in digests if d}

        return self._read(read)

    def pinned_reviewer(self) -> ReviewDeskRecord | None:
        """The desk certificate pinned (or last accepted), or None before the first result."""

        def read(session: Session) -> ReviewDeskRecord | None:
            if not has_reviews(session):
                return None
            row = _pinned_row(session)
            return None if row is None else _desk(row)

        return self._read(read)

    def reviewer_history(self) -> list[ReviewDeskRecord]:
        """Every desk certificate pinned or accepted, oldest first."""

        def read(session: Session) -> list[ReviewDeskRecord]:
            if not has_reviews(session):
                return []
            return [_desk(row) for row in session.scalars(select(m.ReviewDesk).order_by(m.ReviewDesk.id))]

        return self._read(read)

    def review(self, year: int) -> ReviewRecord | None:
        """The result shown for ``year`` (the one the desk signed last), or None."""
        return self._read(lambda session: current_review_in(session, year))

    def reviews(self, year: int) -> list[ReviewRecord]:
        """Every result imported for ``year``, in the order imported."""
        return self._read(lambda session: reviews_in(session, year))

    def import_review(self, received: ReceivedReview, *, accept_new_reviewer: bool = False) -> ImportedReview:
        """Keep a checked result, in one transaction; :class:`ReviewRefused` says why not (nothing written)."""
        if self.read_only:
            raise ReviewRefused(
                "read_only",
                f"中心文件现在以只读方式打开，不能保存审核结果，没有导入。{self.read_only}",
                path=self.path,
            )
        return self._write(
            f"导入 {received.year} 年度审核结果",
            lambda session: import_review_in(
                session, received, accept_new_reviewer=accept_new_reviewer, path=self.path
            ),
        )
