"""What the desk store hands out and takes in: plain frozen data classes, no SQL.

The window (``dqsa.ui.desk``), the command line (``dqsa.cli.desk``) and the receiving
code (``dqsa.export.receive``) all speak these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from dqsa.domain.fingerprint import plain_fingerprint
from dqsa.domain.rollup import ItemMark, ReviewState, Standard

__all__ = [
    "CenterRecord",
    "DeskInfo",
    "HistoryEntry",
    "IdentityHow",
    "IdentityRecord",
    "IncomingPacket",
    "ItemReview",
    "ItemSheetRow",
    "ListRow",
    "MemberInfo",
    "MissingCenter",
    "Outcome",
    "PacketState",
    "PacketSummary",
    "Receipt",
    "ReviewRecord",
    "RosterImport",
    "RosterRecord",
    "RosterRow",
    "Verdict",
    "canonical_fingerprint",
]


class Outcome(StrEnum):
    """What became of one packet given to the desk."""

    #: Verified, identified, counted (the first packet of that center and year).
    ACCEPTED = "accepted"
    #: The very same bytes were received before: nothing added.
    DUPLICATE = "duplicate"
    #: Accepted, and it replaces an earlier packet of the same center and year (signed earlier).
    SUPERSEDED = "superseded"
    #: Verified and kept, but signed before the packet already counted for that center and
    #: year: stored as superseded at once, not counted.
    OUTDATED = "outdated"
    #: Kept but not counted: the center name is pinned to another certificate (身份变化，需核实).
    HELD = "held"
    #: Not kept: verification failed (the verifier's message says why).
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]

    @property
    def fine(self) -> bool:
        """Nothing for a person to look into (exit code 0 of ``dqsa desk receive``)."""
        return self not in (Outcome.HELD, Outcome.REFUSED)


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.ACCEPTED: "已接收",
    Outcome.DUPLICATE: "重复",
    Outcome.SUPERSEDED: "已接收（替换旧版）",
    Outcome.OUTDATED: "较旧版本",
    Outcome.HELD: "暂扣",
    Outcome.REFUSED: "拒收",
}


class PacketState(StrEnum):
    """Where a stored packet stands."""

    ACCEPTED = "accepted"
    SUPERSEDED = "superseded"
    HELD = "held"

    @property
    def label(self) -> str:
        return {"accepted": "已接收", "superseded": "已被替换", "held": "身份待核实"}[self.value]


IdentityHow = Literal["first_packet", "roster", "accepted"]

IDENTITY_HOW_LABELS: dict[str, str] = {
    "first_packet": "首次报送时确定",
    "roster": "名册中登记",
    "accepted": "审核人确认接受",
}


class Verdict(StrEnum):
    """A reviewer's word on one item of a checklist standard (温州)."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "na"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.MET: "符合",
    Verdict.NOT_MET: "不符合",
    Verdict.NOT_APPLICABLE: "不适用",
}


def canonical_fingerprint(text: str) -> str:
    """A SHA-256 fingerprint as manifests write it (``AA:BB:…``, 32 groups), from any spelling.

    Colons, spaces and dashes are ignored and case does not matter; anything that is
    not 64 hexadecimal digits raises :class:`ValueError`.
    """
    plain = plain_fingerprint(text)
    if len(plain) != 64 or any(ch not in "0123456789ABCDEF" for ch in plain):
        raise ValueError("证书指纹应是 64 位十六进制数字（可用冒号分隔，如 AB:CD:…）")
    return ":".join(plain[i : i + 2] for i in range(0, 64, 2))


# --- the desk -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeskInfo:
    """The desk as a whole."""

    name: str
    created_at: datetime
    path: Path
    #: The folder beside the file where every received packet is kept (``<file>.packets``).
    packets_folder: Path
    roster_size: int
    centers: int
    packets: int
    held: int
    years: tuple[int, ...]
    #: Why the file is open read-only, or None.
    read_only: str | None = None


# --- the roster -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RosterRow:
    """One line of a roster as given (from a file or typed in); ``line`` names it in messages."""

    name: str
    level: str = ""
    region: str = ""
    fingerprint: str | None = None
    line: int = 0


@dataclass(frozen=True)
class RosterRecord:
    """A center the desk expects."""

    id: int
    name: str
    level: str
    region: str
    fingerprint: str | None
    added_at: datetime
    #: The center this entry was matched to (by name or fingerprint), if it has sent anything.
    center_id: int | None = None


@dataclass(frozen=True)
class RosterImport:
    """What a roster import did."""

    added: int
    updated: int
    unchanged: int
    total: int


# --- centers and identities -----------------------------------------------------------------------


@dataclass(frozen=True)
class IdentityRecord:
    """One certificate fingerprint a center is known by."""

    fingerprint: str
    since: datetime
    how: str
    reason: str = ""
    accepted_by: str = ""
    retired_at: datetime | None = None

    @property
    def how_label(self) -> str:
        return IDENTITY_HOW_LABELS.get(self.how, self.how)

    @property
    def active(self) -> bool:
        return self.retired_at is None


@dataclass(frozen=True)
class CenterRecord:
    """A center known to the desk, with its identities (oldest first)."""

    id: int
    name: str
    level: str
    level_label: str
    region: str
    roster_entry_id: int | None
    created_at: datetime
    identities: tuple[IdentityRecord, ...] = ()

    @property
    def fingerprints(self) -> tuple[str, ...]:
        return tuple(i.fingerprint for i in self.identities if i.active)


@dataclass(frozen=True)
class MissingCenter:
    """A roster entry without an accepted packet for the year asked."""

    name: str
    level: str
    region: str
    #: The roster entry (None when the desk has no roster and the center sent an earlier year).
    roster_id: int | None = None
    center_id: int | None = None
    #: A packet of this name is held for an identity check (missing only until a reviewer decides).
    held: bool = False
    #: The last year this center sent a packet for, if any.
    last_year: int | None = None


# --- receiving --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncomingPacket:
    """A verified, re-scored packet ready to be stored (made by ``dqsa.export.receive``).

    Everything here was checked: the signature, every member's digest, the manifest's
    shape, the answers against the packet's own criteria pack, and that re-scoring
    gives exactly the manifest's totals.
    """

    data: bytes
    sha256: str
    source_name: str
    manifest_format: str
    center_name: str
    center_level: str
    level_label: str
    center_region: str
    year: int
    standard: Standard
    #: The packet's ``criteria-pack.json`` in canonical JSON, and its content hash.
    pack_json: str
    pack_hash: str
    fingerprint: str
    signer_name: str
    signer_title: str
    signed_at: datetime
    total: Decimal
    max_total: Decimal
    percent: Decimal
    unanswered: int
    #: Table id → (score, max), in the pack's order.
    tables: Mapping[str, tuple[Decimal, Decimal]]
    marks: tuple[ItemMark, ...]
    #: The manifest as plain JSON data.
    manifest: Mapping[str, Any]


@dataclass(frozen=True)
class Receipt:
    """What became of one packet (also kept in the desk's receipt log)."""

    outcome: Outcome
    source_name: str
    message: str
    sha256: str | None = None
    packet_id: int | None = None
    center_id: int | None = None
    center_name: str = ""
    year: int | None = None
    fingerprint: str | None = None
    #: For SUPERSEDED: the packet it replaced; for OUTDATED: the packet that stays counted.
    other_packet_id: int | None = None
    at: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "outcome_label": self.outcome.label,
            "source": self.source_name,
            "message": self.message,
            "sha256": self.sha256,
            "packet_id": self.packet_id,
            "center_id": self.center_id,
            "center": self.center_name,
            "year": self.year,
            "fingerprint": self.fingerprint,
            "other_packet_id": self.other_packet_id,
        }


# --- packets ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PacketSummary:
    """One stored packet: what it claims, how the desk took it, its totals."""

    id: int
    sha256: str
    size: int
    received_at: datetime
    source_name: str
    center_id: int | None
    center_name: str
    level: str
    level_label: str
    region: str
    year: int
    standard: Standard
    fingerprint: str
    signer_name: str
    signer_title: str
    signed_at: datetime
    manifest_format: str
    state: PacketState
    superseded_by: int | None
    held_reason: str
    held_for: int | None
    total: Decimal
    max_total: Decimal
    percent: Decimal
    unanswered: int
    tables: Mapping[str, tuple[Decimal, Decimal]]

    @property
    def checklist(self) -> bool:
        return self.standard.kind == "checklist"


MemberKind = Literal["report", "workbook", "answers", "pack", "photo", "document"]


@dataclass(frozen=True)
class MemberInfo:
    """One file inside a stored packet, as its signed manifest lists it."""

    name: str
    size: int
    sha256: str
    kind: MemberKind
    media_type: str | None = None
    #: For evidence: what it belongs to (item / zone / mechanism / ledger) and its id.
    target_kind: str | None = None
    target_id: str | None = None
    caption: str = ""
    original_name: str = ""


# --- listing --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListRow:
    """One line of the desk's list: a center's packet for a year (accepted or held), with its review."""

    packet_id: int
    center_id: int | None
    name: str
    level: str
    level_label: str
    region: str
    fingerprint: str
    status: PacketState
    year: int
    standard: Standard
    #: Table id → (score, max), in the pack's order (A1, A2 for Huzhou; B, F, R for Wenzhou).
    tables: Mapping[str, tuple[Decimal, Decimal]]
    total: Decimal
    max_total: Decimal
    percent: Decimal
    review_state: ReviewState
    #: The total with the reviewer's scores in place of the self scores; None when no item was re-scored.
    reviewed_total: Decimal | None
    reviewed_max: Decimal | None
    reviewed_percent: Decimal | None
    reviewer: str
    signed_at: datetime
    received_at: datetime
    unanswered: int
    held_reason: str = ""

    @property
    def checklist(self) -> bool:
        """A checklist standard (温州): its measure is the share of applicable items met."""
        return self.standard.kind == "checklist"

    @property
    def measure(self) -> Decimal:
        """The number this standard is judged by: the score (湖州) or the share met in % (温州)."""
        return self.percent if self.checklist else self.total


# --- reviews ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemReview:
    """A reviewer's word on one item: a score (or, for a checklist, 符合/不符合/不适用) and the reason."""

    item_id: str
    score: Decimal | None
    applicable: bool
    reason: str
    updated_at: datetime

    @property
    def verdict(self) -> Verdict:
        """The same as a checklist verdict (met when the score is 1)."""
        if not self.applicable:
            return Verdict.NOT_APPLICABLE
        return Verdict.MET if self.score is not None and self.score >= 1 else Verdict.NOT_MET


@dataclass(frozen=True)
class ReviewRecord:
    """A reviewer's state, comment and item scores on one packet."""

    packet_id: int
    state: ReviewState
    comment: str
    reviewer: str
    updated_at: datetime | None
    items: Mapping[str, ItemReview] = field(default_factory=dict)


@dataclass(frozen=True)
class ItemSheetRow:
    """One line of the review sheet: an item's self score beside the reviewer's, with what a reviewer may enter."""

    item_id: str
    table_id: str
    section_id: str
    number: int
    #: Where the item sits (``wording.item_label(pack, item_id)`` gives the standard's label).
    table_title: str
    section_title: str
    text: str
    score: Decimal
    max_points: Decimal
    applicable: bool
    answered: bool
    #: ``scored`` (a number on ``step``, 0 … max) or ``checklist`` (符合 / 不符合 / 不适用).
    entry: Literal["scored", "checklist"]
    step: Decimal
    review: ItemReview | None = None

    @property
    def self_verdict(self) -> Verdict:
        if not self.applicable:
            return Verdict.NOT_APPLICABLE
        return Verdict.MET if self.score >= self.max_points else Verdict.NOT_MET


# --- history ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change of the desk."""

    at: datetime
    what: str
    center_id: int | None
    packet_id: int | None
    old_value: Any
    new_value: Any
