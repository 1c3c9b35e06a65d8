"""What the store hands out (profiles, summaries, evidence references, changes) and how
values are kept as JSON text in the file. No SQL here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from dqsa.domain.status import AssessmentStatus
from dqsa.domain.vocabulary import ITEM_TARGET

#: A catalogue of the pack, by its id (``pack.catalog(id)``: the zones, the mechanisms, …).
Catalog = str
#: What evidence is attached to: :data:`ITEM` or a catalogue's id.
TargetKind = str
#: The target kind of evidence attached to an item of the scoring table.
ITEM = ITEM_TARGET


@dataclass(frozen=True)
class CenterProfile:
    """The center this file belongs to."""

    name: str
    level: str
    pack_id: str
    region: str = ""
    contact: str = ""


@dataclass(frozen=True)
class AssessmentSummary:
    """One line of the list of assessments (no answers loaded)."""

    year: int
    status: AssessmentStatus
    pack_id: str
    pack_version: str
    center_name: str
    level: str
    created_at: datetime
    modified_at: datetime
    signed_at: datetime | None
    signer: str | None
    fingerprint: str | None


@dataclass(frozen=True)
class EvidenceRef:
    """Evidence attached to something, without its bytes."""

    link_id: int
    evidence_id: int
    target_kind: str
    target_id: str
    kind: str
    media_type: str
    original_name: str
    original_sha256: str
    original_date: datetime | None
    width: int | None
    height: int | None
    size: int
    caption: str
    original_size: int = 0


@dataclass(frozen=True)
class ChangeRecord:
    """One recorded change."""

    at: datetime
    field: str
    old_value: Any
    new_value: Any


def now() -> datetime:
    """Local time, to the microsecond (history is compared against export times)."""
    return datetime.now()


def plain(value: Any) -> Any:
    """JSON-ready data: exact decimals become ints or floats whose repr is the same digits."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "model_dump"):
        return plain(value.model_dump(mode="python"))
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def to_json(value: Any) -> str | None:
    """JSON text of a stored value (areas and scores have at most one decimal, so floats are exact)."""
    return None if value is None else json_text(value)


def json_text(value: Any) -> str:
    """JSON text of a value that is there (not None)."""
    return json.dumps(plain(value), ensure_ascii=False, sort_keys=True)


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text, parse_float=Decimal)


def normal_number(value: Any) -> Any:
    """Booleans and ints as they are; other numbers as exact Decimals."""
    if isinstance(value, float):
        return Decimal(repr(value))
    return value
