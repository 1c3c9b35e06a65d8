"""Where an assessment stands: a draft being filled in, or signed and sent upward.

The values are the words stored in the center file and written in history
(``"draft"``, ``"signed"``); the enum compares equal to them, so code and data that
still use the bare strings keep working. Plain Python: no Qt, no database.
"""

from __future__ import annotations

from enum import StrEnum


class AssessmentStatus(StrEnum):
    """An assessment's status; ``label`` is what a person reads."""

    DRAFT = "draft"
    SIGNED = "signed"

    @property
    def label(self) -> str:
        """草稿 / 已签署."""
        return _LABELS[self]


_LABELS: dict[AssessmentStatus, str] = {
    AssessmentStatus.DRAFT: "草稿",
    AssessmentStatus.SIGNED: "已签署",
}
