"""Where an assessment stands: a draft, signed and sent upward, or reopened after sending.

The values are the words stored in the center file and written in history
(``"draft"``, ``"signed"``, ``"reopened"``); the enum compares equal to them, so code
and data that still use the bare strings keep working. Plain Python: no Qt, no database.

- ``draft``: never sent (or not since this program keeps what was sent);
- ``signed``: signed and sent; the file keeps the packet's snapshot and the year cannot
  be edited until it is explicitly reopened;
- ``reopened``: sent, then opened again for changes: the packet already sent no longer
  matches and the year must be signed and sent again (the snapshot of what was sent stays).
"""

from __future__ import annotations

from enum import StrEnum


class AssessmentStatus(StrEnum):
    """An assessment's status; ``label`` is what a person reads, ``explanation`` says what it means."""

    DRAFT = "draft"
    SIGNED = "signed"
    REOPENED = "reopened"

    @classmethod
    def of(cls, stored: str, signed_at: object | None) -> AssessmentStatus:
        """The status of a row as stored, read the same way in every schema revision.

        A file of the first releases (before the snapshot of what was sent) turned an
        edited signed year back into ``draft`` while keeping its ``signed_at``: that is a
        year reopened after sending, and is read as such (migration 0003 rewrites it so).
        """
        status = cls(stored)
        if status is cls.DRAFT and signed_at is not None:
            return cls.REOPENED
        return status

    @property
    def label(self) -> str:
        """草稿 / 已签署 / 已报送后修改."""
        return _LABELS[self]

    @property
    def explanation(self) -> str:
        """One sentence on what the status means for the person."""
        return _EXPLANATIONS[self]

    @property
    def was_sent(self) -> bool:
        """Signed and sent at least once (whether or not changed since)."""
        return self is not AssessmentStatus.DRAFT

    @property
    def editable(self) -> bool:
        """Whether the store accepts edits (a signed year must be reopened first)."""
        return self is not AssessmentStatus.SIGNED


_LABELS: dict[AssessmentStatus, str] = {
    AssessmentStatus.DRAFT: "草稿",
    AssessmentStatus.SIGNED: "已签署",
    AssessmentStatus.REOPENED: "已报送后修改",
}

_EXPLANATIONS: dict[AssessmentStatus, str] = {
    AssessmentStatus.DRAFT: "草稿，尚未报送",
    AssessmentStatus.SIGNED: "已签署报送，内容与报送的材料包一致",
    AssessmentStatus.REOPENED: "修改中，与已报送的材料包不一致，需重新报送",
}


class ReviewState(StrEnum):
    """Where a reviewer stands on one center's year (the desk's review, the center's imported result)."""

    PENDING = "pending"
    PASSED = "passed"
    RETURNED = "returned"
    PROBLEM = "problem"

    @property
    def label(self) -> str:
        return REVIEW_LABELS[self]


REVIEW_LABELS: dict[ReviewState, str] = {
    ReviewState.PENDING: "待审核",
    ReviewState.PASSED: "通过",
    ReviewState.RETURNED: "退回补充",
    ReviewState.PROBLEM: "有问题",
}


def review_label(state: str) -> str:
    """通过 / 退回补充 / 有问题 / 待审核 (the code itself for a state this program does not know).

    Here, not in :mod:`dqsa.domain.review`, so the year list can name a review without
    importing the criteria models (pydantic) before it is on screen.
    """
    try:
        return REVIEW_LABELS[ReviewState(state)]
    except ValueError:
        return state
