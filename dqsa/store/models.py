"""The center file's tables (SQLAlchemy 2 declarative models).

One file holds one center and all its yearly assessments, the criteria packs they
were scored against, evidence as BLOBs, and the history of every change. Numbers
that must stay exact (areas, scores) are stored as decimal text.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class DecimalText(TypeDecorator[Decimal]):
    """A :class:`~decimal.Decimal` kept as text, so 12.5 stays 12.5 exactly."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: object) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: object) -> Decimal | None:
        return None if value is None else Decimal(value)


class ZonedDateTime(TypeDecorator[datetime]):
    """A time kept as ISO 8601 text, with its UTC offset when it has one (a packet's ``signed_at``).

    SQLAlchemy's ``DateTime`` on SQLite drops the zone; this keeps "2026-11-30T14:05:00+08:00"
    as it was written in the signed manifest.
    """

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: object) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class Base(DeclarativeBase):
    """Declarative base of the center file."""


class Center(Base):
    """The center this file belongs to (a single row)."""

    __tablename__ = "center"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    pack_id: Mapped[str] = mapped_column(String(80))


class StoredPack(Base):
    """A criteria pack as it was when an assessment first used it (canonical JSON)."""

    __tablename__ = "criteria_pack"
    __table_args__ = (UniqueConstraint("pack_id", "version", "content_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[str] = mapped_column(String(80))
    version: Mapped[str] = mapped_column(String(40))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    content: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[datetime] = mapped_column(DateTime)


class Assessment(Base):
    """One year's self-assessment."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    pack_ref: Mapped[int] = mapped_column(ForeignKey("criteria_pack.id"))
    center_name: Mapped[str] = mapped_column(String(200))
    center_level: Mapped[str] = mapped_column(String(40))
    center_region: Mapped[str] = mapped_column(String(200), default="")
    center_contact: Mapped[str] = mapped_column(String(200), default="")
    assessor: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    staff_answered: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    modified_at: Mapped[datetime] = mapped_column(DateTime)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    signer: Mapped[str | None] = mapped_column(String(200), nullable=True)
    fingerprint: Mapped[str | None] = mapped_column(String(128), nullable=True)

    pack: Mapped[StoredPack] = relationship()


class FactAnswer(Base):
    """A fact's value, as JSON text (true / false / 12 / "12.5")."""

    __tablename__ = "fact"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    fact_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(String(60))


class StaffMember(Base):
    """A line of the staff roster, in roster order."""

    __tablename__ = "staff_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(200), default="")
    full_time: Mapped[bool] = mapped_column(Boolean, default=False)
    party_member: Mapped[bool] = mapped_column(Boolean, default=False)
    trained: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")


class CatalogAnswer(Base):
    """A zone, mechanism or ledger of the pack's catalogues: present / established / kept."""

    __tablename__ = "catalog_answer"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    catalog: Mapped[str] = mapped_column(String(20), primary_key=True)  # zone | mechanism | ledger
    entry_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    present: Mapped[bool] = mapped_column(Boolean)
    area_m2: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ItemAnswer(Base):
    """What a person said about one item: manual score or status, override, note, action."""

    __tablename__ = "item_answer"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    manual_score: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    checklist_status: Mapped[str | None] = mapped_column(String(10), nullable=True)
    override_score: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    override_status: Mapped[str | None] = mapped_column(String(10), nullable=True)
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    corrective_action: Mapped[str] = mapped_column(Text, default="")


class EvidenceBlob(Base):
    """A photo (downscaled JPEG) or document, stored once however often it is linked."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # photo | document
    media_type: Mapped[str] = mapped_column(String(100))
    original_name: Mapped[str] = mapped_column(String(260))
    original_sha256: Mapped[str] = mapped_column(String(64))
    original_size: Mapped[int] = mapped_column(Integer)
    original_date: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    width: Mapped[int | None] = mapped_column(Integer, nullable=True)
    height: Mapped[int | None] = mapped_column(Integer, nullable=True)
    size: Mapped[int] = mapped_column(Integer)
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class EvidenceLink(Base):
    """Evidence attached to an item, a zone, a mechanism or a ledger of one assessment."""

    __tablename__ = "evidence_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    target_kind: Mapped[str] = mapped_column(String(20))  # item | zone | mechanism | ledger
    target_id: Mapped[str] = mapped_column(String(80))
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id"), index=True)
    caption: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer)

    evidence: Mapped[EvidenceBlob] = relationship()


class Change(Base):
    """One change to an answer: what, old value, new value, when (JSON text values)."""

    __tablename__ = "change"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    field: Mapped[str] = mapped_column(String(200))
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)


class AssessmentTotals(Base):
    """The year list's figures for one assessment (a cache of its scorecard's totals).

    Read at start-up with plain ``sqlite3`` before the store and the domain are loaded
    (:mod:`dqsa.store.year_list`). Valid while ``program`` is this program's version and
    ``computed_for`` the assessment's ``modified_at`` (an edit outdates it); otherwise
    scored again (see :mod:`dqsa.store.totals` for when).
    """

    __tablename__ = "assessment_totals"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    program: Mapped[str] = mapped_column(String(40))
    computed_for: Mapped[datetime] = mapped_column(DateTime)
    content: Mapped[str] = mapped_column(Text)  # JSON, see dqsa.store.totals


class CenterDisplay(Base):
    """How the center's heading reads in the year list (level and pack as words), cached likewise."""

    __tablename__ = "center_display"

    id: Mapped[int] = mapped_column(primary_key=True)
    program: Mapped[str] = mapped_column(String(40))
    content: Mapped[str] = mapped_column(Text)  # JSON, see dqsa.store.totals


class SentSnapshot(Base):
    """What was signed and sent, frozen at signing: one row per signing, the latest is "what was sent".

    Written in the same transaction as the signature mark (see :mod:`dqsa.store.sent`) and
    never changed afterwards: edits of the year (after it is reopened) leave it as it was.
    ``answers_json`` is the answers document exactly as put in the packet; ``packet_sha256``
    is the SHA-256 of the zip file as written (or as imported), so the center can find
    the packet it actually sent by digest. A row with ``origin`` ``before-0003`` marks a
    signing made before this table existed: only who, when and the fingerprint are known.
    """

    __tablename__ = "sent_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    #: export (this program wrote the packet) | restore (imported from a packet) |
    #: marked (signed without a packet record) | before-0003 (signed by an older program: content unknown)
    origin: Mapped[str] = mapped_column(String(20))
    signed_at: Mapped[datetime] = mapped_column(ZonedDateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    signer: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(128))
    packet_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    packet_size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    packet_name: Mapped[str | None] = mapped_column(String(260), nullable=True)
    manifest_format: Mapped[str | None] = mapped_column(String(40), nullable=True)
    pack_ref: Mapped[int | None] = mapped_column(ForeignKey("criteria_pack.id"), nullable=True)
    answers_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    scorecard_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The year list's figures of what was sent (the format of ``assessment_totals.content``).
    totals_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    program: Mapped[str | None] = mapped_column(String(40), nullable=True)


class IdentityEvent(Base):
    """A change of the center's signing identity, with its date (created, replaced, restored, accepted).

    Re-encrypting the key with a stronger KDF is not a change of identity and is not recorded.
    """

    __tablename__ = "identity_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: created | replaced | restored | accepted (a packet's new identity accepted on import)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(ZonedDateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    center_name: Mapped[str] = mapped_column(String(200))
    old_fingerprint: Mapped[str | None] = mapped_column(String(128), nullable=True)
    new_fingerprint: Mapped[str] = mapped_column(String(128))
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ReviewResult(Base):
    """A review result (审核结果) received from the level above and imported, kept as it was signed.

    One row per imported result; a year may have several (the desk reviewed again, or
    reviewed a packet sent again): the one signed last is the one shown (``current``),
    the others stay. Rows are keyed by year, not by the assessment's row, so a year
    replaced from answers (``import --replace --reopen``) keeps the reviews of what it sent.
    ``result_zip`` is the result file exactly as imported (its SHA-256 is ``result_sha256``);
    ``items_json`` the items as the center reads them (see :mod:`dqsa.store.reviews`).
    """

    __tablename__ = "review_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    #: The packet the result is about (the SHA-256 of the zip this center sent).
    packet_sha256: Mapped[str] = mapped_column(String(64))
    desk_name: Mapped[str] = mapped_column(String(200))
    desk_fingerprint: Mapped[str] = mapped_column(String(128))
    #: passed | returned | problem | pending
    state: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer_name: Mapped[str] = mapped_column(String(200))
    reviewer_title: Mapped[str] = mapped_column(String(200))
    reviewed_at: Mapped[datetime] = mapped_column(ZonedDateTime)
    signed_at: Mapped[datetime] = mapped_column(ZonedDateTime)
    pack_kind: Mapped[str] = mapped_column(String(20))
    total_self: Mapped[Decimal] = mapped_column(DecimalText)
    total_reviewed: Mapped[Decimal] = mapped_column(DecimalText)
    total_max: Mapped[Decimal] = mapped_column(DecimalText)
    items_json: Mapped[str] = mapped_column(Text)
    result_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    result_name: Mapped[str] = mapped_column(String(260))
    result_zip: Mapped[bytes] = mapped_column(LargeBinary)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    #: The result shown for its year (the one signed last).
    current: Mapped[bool] = mapped_column(Boolean, default=False)


class ReviewDesk(Base):
    """A desk certificate this center trusts for review results: pinned on the first import.

    The one with ``retired_at`` None is the pinned one. A different certificate is accepted
    only when a person says so (``--accept-new-reviewer``, or the window's warning): the old
    row is retired and a new one says who was replaced (``old_fingerprint``) and when.
    """

    __tablename__ = "review_desk"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(128))
    desk_name: Mapped[str] = mapped_column(String(200))
    #: pinned (the first import) | accepted (a new certificate accepted by a person)
    kind: Mapped[str] = mapped_column(String(20))
    pinned_at: Mapped[datetime] = mapped_column(DateTime)
    old_fingerprint: Mapped[str | None] = mapped_column(String(128), nullable=True)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    #: The year of the result that brought it.
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
