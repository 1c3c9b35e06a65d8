"""What the workbook and the PDF report are made from: one assessment, scored, with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from dqsa.domain.answers import Answers
from dqsa.domain.comparison import Comparison
from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.scoring import Scorecard

if TYPE_CHECKING:
    from dqsa.store.reviews import ReviewRecord


@dataclass(frozen=True)
class EvidenceItem:
    """A photo or document of the assessment, as it goes into the packet."""

    packet_name: str  # path inside the packet, e.g. "evidence/03-接待区照片.jpg"
    original_name: str
    caption: str
    target_kind: str  # item | zone | mechanism | ledger
    target_id: str
    target_label: str  # e.g. "综合接待区" or "A1.site.1"
    kind: str  # photo | document
    media_type: str
    data: bytes = field(repr=False)
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Signer:
    """Who signs the packet, and with which certificate."""

    name: str
    title: str
    fingerprint: str  # SHA-256 of the certificate, hex pairs separated by ':'
    signed_at: datetime


@dataclass(frozen=True)
class ReportInput:
    """Everything a workbook or a report shows."""

    pack: CriteriaPack
    answers: Answers
    card: Scorecard
    evidence: tuple[EvidenceItem, ...]
    signer: Signer
    program_version: str
    comparison: Comparison | None = None  # with the previous year, when the center has one
    #: The level above's review of that previous year, when the center imported one.
    earlier_review: ReviewRecord | None = None
