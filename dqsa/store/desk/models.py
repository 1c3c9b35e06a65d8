"""The desk file's tables (SQLAlchemy 2 declarative models).

One desk file holds what a township or county knows about the centers it expects and
the packets they sent: the roster, the centers and the certificate fingerprints each
is known by, one small row per received packet (the packet itself is kept byte-exact
beside the file, see :mod:`dqsa.store.desk.blobs`), every item's self score (the
table the roll-up reads), the reviews, a log of every receipt and the history of
every change. Exact numbers are decimal text, as in the center file.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from dqsa.store.models import DecimalText


class DeskBase(DeclarativeBase):
    """Declarative base of the desk file (its own metadata and migrations)."""


class Desk(DeskBase):
    """The desk itself (a single row): whose desk it is, and the signing identity it uses."""

    __tablename__ = "desk"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    #: The desk file's own id (32 hex digits, made once): its signing identity is keyed by it,
    #: so a rename keeps the identity and no center of the same name can share it.
    uid: Mapped[str] = mapped_column(String(32))
    #: The certificate fingerprint the desk signs review results with (AA:BB:…), once it has one.
    signing_fingerprint: Mapped[str | None] = mapped_column(String(100), nullable=True)


class DeskIdentityEvent(DeskBase):
    """A change of the desk's own signing identity: made, replaced (a new key on purpose)."""

    __tablename__ = "desk_identity_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    #: ``created`` | ``replaced``
    kind: Mapped[str] = mapped_column(String(20))
    fingerprint: Mapped[str] = mapped_column(String(100))
    old_fingerprint: Mapped[str | None] = mapped_column(String(100), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ReviewReturn(DeskBase):
    """A signed review result (审核结果) written for one packet: when, its digest, what it said."""

    __tablename__ = "review_return"

    id: Mapped[int] = mapped_column(primary_key=True)
    packet_id: Mapped[int] = mapped_column(ForeignKey("packet.id"), index=True)
    returned_at: Mapped[datetime] = mapped_column(DateTime)
    #: SHA-256 and size of the result zip as written, and its file name.
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(Text, default="")
    #: :class:`dqsa.domain.rollup.ReviewState` as returned.
    state: Mapped[str] = mapped_column(String(20))
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    #: The desk's certificate fingerprint it was signed with.
    fingerprint: Mapped[str] = mapped_column(String(100))
    #: ``review.json`` exactly as signed (UTF-8 text).
    review_json: Mapped[str] = mapped_column(Text)


class RosterEntry(DeskBase):
    """A center the desk expects (名册): from a roster file or typed in."""

    __tablename__ = "roster_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    level: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    #: The certificate fingerprint the center told the desk beforehand (AA:BB:…), if any.
    fingerprint: Mapped[str | None] = mapped_column(String(100), nullable=True)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class DeskCenter(DeskBase):
    """A center known to the desk (from its first accepted packet)."""

    __tablename__ = "center"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    level: Mapped[str] = mapped_column(String(100), default="")
    level_label: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    roster_entry_id: Mapped[int | None] = mapped_column(ForeignKey("roster_entry.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class CenterIdentity(DeskBase):
    """A certificate fingerprint a center is known by; a center may have several over time."""

    __tablename__ = "center_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("center.id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(100), unique=True)
    since: Mapped[datetime] = mapped_column(DateTime)
    #: ``first_packet`` | ``roster`` | ``accepted``
    how: Mapped[str] = mapped_column(String(20))
    #: Why a reviewer accepted this identity (``accepted`` only), and who.
    reason: Mapped[str] = mapped_column(Text, default="")
    accepted_by: Mapped[str] = mapped_column(String(200), default="")
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class DeskPack(DeskBase):
    """A criteria pack exactly as a packet carried it (canonical JSON), stored once per content."""

    __tablename__ = "criteria_pack"

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[str] = mapped_column(String(80))
    version: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(400), default="")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    content: Mapped[str] = mapped_column(Text)


class Packet(DeskBase):
    """One received packet: what it claims, how it was identified, its totals (the bytes are beside the file)."""

    __tablename__ = "packet"
    __table_args__ = (
        Index("ix_packet_year_state", "year", "state"),
        Index("ix_packet_center_year", "center_id", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    source_name: Mapped[str] = mapped_column(Text, default="")
    # what the packet claims
    center_name: Mapped[str] = mapped_column(String(200))
    center_level: Mapped[str] = mapped_column(String(100))
    level_label: Mapped[str] = mapped_column(String(100), default="")
    center_region: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[int] = mapped_column(Integer)
    pack_ref: Mapped[int] = mapped_column(ForeignKey("criteria_pack.id"))
    pack_id: Mapped[str] = mapped_column(String(80))
    pack_version: Mapped[str] = mapped_column(String(40))
    pack_kind: Mapped[str] = mapped_column(String(20))
    pack_title: Mapped[str] = mapped_column(String(400), default="")
    fingerprint: Mapped[str] = mapped_column(String(100), index=True)
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    #: As the packet wrote it (ISO 8601; format 1 has no zone).
    signed_at: Mapped[str] = mapped_column(String(40))
    #: The same moment in UTC, for ordering (format 1's zone-less time is taken as +08:00).
    signed_utc: Mapped[datetime] = mapped_column(DateTime)
    manifest_format: Mapped[str] = mapped_column(String(40))
    # how the desk took it
    center_id: Mapped[int | None] = mapped_column(ForeignKey("center.id"), nullable=True)
    #: ``accepted`` | ``superseded`` | ``held``
    state: Mapped[str] = mapped_column(String(20))
    superseded_by: Mapped[int | None] = mapped_column(ForeignKey("packet.id"), nullable=True)
    held_reason: Mapped[str] = mapped_column(Text, default="")
    #: The center a held packet claims to be (the one pinned to another fingerprint).
    held_for: Mapped[int | None] = mapped_column(ForeignKey("center.id"), nullable=True)
    # totals, exactly as re-scored (and equal to the manifest's)
    total: Mapped[Decimal] = mapped_column(DecimalText)
    max_total: Mapped[Decimal] = mapped_column(DecimalText)
    percent: Mapped[Decimal] = mapped_column(DecimalText)
    unanswered: Mapped[int] = mapped_column(Integer, default=0)
    #: {"A1": ["30.5", "100"], …} in the pack's table order.
    tables_json: Mapped[str] = mapped_column(Text)
    #: The parsed manifest (its evidence list names the photos and documents).
    manifest_json: Mapped[str] = mapped_column(Text)


class ItemMark(DeskBase):
    """One item's self score in one packet (re-scored at receipt): the table the roll-up reads."""

    __tablename__ = "item_mark"

    packet_id: Mapped[int] = mapped_column(ForeignKey("packet.id"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    score: Mapped[Decimal] = mapped_column(DecimalText)
    max_points: Mapped[Decimal] = mapped_column(DecimalText)
    applicable: Mapped[bool] = mapped_column(Boolean)
    answered: Mapped[bool] = mapped_column(Boolean)


class Review(DeskBase):
    """A reviewer's state and comment on one packet (one center's year as sent)."""

    __tablename__ = "review"

    packet_id: Mapped[int] = mapped_column(ForeignKey("packet.id"), primary_key=True)
    #: :class:`dqsa.domain.rollup.ReviewState`
    state: Mapped[str] = mapped_column(String(20), default="pending")
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ReviewItem(DeskBase):
    """A reviewer's score (复核得分) of one item, with the reason when it differs from the self score."""

    __tablename__ = "review_item"

    packet_id: Mapped[int] = mapped_column(ForeignKey("packet.id"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    #: None when the reviewer found the item not applicable (checklist 不适用).
    score: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    applicable: Mapped[bool] = mapped_column(Boolean, default=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Receipt(DeskBase):
    """Every attempt to receive a packet, whatever came of it (refused packets are only here)."""

    __tablename__ = "receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    source_name: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: :class:`dqsa.store.desk.records.Outcome`
    outcome: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text, default="")
    packet_id: Mapped[int | None] = mapped_column(ForeignKey("packet.id"), nullable=True)
    center_name: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DeskChange(DeskBase):
    """One change: what, to which center or packet, old and new value (JSON text), when."""

    __tablename__ = "change"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    what: Mapped[str] = mapped_column(String(100))
    center_id: Mapped[int | None] = mapped_column(ForeignKey("center.id"), nullable=True, index=True)
    packet_id: Mapped[int | None] = mapped_column(ForeignKey("packet.id"), nullable=True, index=True)
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)


__all__ = [
    "CenterIdentity",
    "Desk",
    "DeskBase",
    "DeskCenter",
    "DeskChange",
    "DeskIdentityEvent",
    "DeskPack",
    "ItemMark",
    "Packet",
    "Receipt",
    "Review",
    "ReviewItem",
    "ReviewReturn",
    "RosterEntry",
]
