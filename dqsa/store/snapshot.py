"""One assessment as it stood at one moment: what an export is made from.

The export reads answers, pack, scores, evidence and last year's comparison in one
read transaction (:meth:`CenterStore.export_snapshot`), so an edit that lands while
a packet is being built can never mix two states in one packet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dqsa.domain.answers import Answers
    from dqsa.domain.comparison import Comparison
    from dqsa.domain.criteria import CriteriaPack
    from dqsa.domain.scoring import Scorecard
    from dqsa.store.service import EvidenceRef


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
