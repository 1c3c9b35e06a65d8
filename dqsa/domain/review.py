"""The level above's review of one year, as the center reads it: the reviewer's score beside its own.

A center imports a signed 审核结果 from its desk (``dqsa import-review``); what it keeps of
it, item by item, is a :class:`ReviewedItem`: the center's own score as the desk saw it in
the packet, the reviewer's score (scored tables) or verdict (checklists), and the reason.
:func:`apply_review` turns a scorecard into the scorecard as reviewed (the comparison with
last year may use it; its subtotals are the same sums as the scoring engine's), and
:func:`review_label` gives the state's words. Plain Python: no Qt, no database, no file format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from dqsa.domain.scoring import ItemResult, Scorecard, SectionResult, TableResult
from dqsa.domain.status import review_label as review_label  # re-exported

#: The checklist verdicts a reviewer gives, in words.
VERDICT_LABELS: dict[str, str] = {"met": "符合", "not_met": "不符合", "na": "不适用"}


@dataclass(frozen=True)
class ReviewedItem:
    """One item of a review result: ``reviewed`` and ``status`` None mean the reviewer kept the center's word."""

    item_id: str
    #: The center's own score in the packet (checklist: 1 met, 0 not met, None not applicable).
    self_score: Decimal | None
    #: The reviewer's score (scored tables; checklist: 1, 0, or None for not applicable).
    reviewed: Decimal | None
    #: The reviewer's checklist verdict: met, not_met, na; None on a scored table.
    status: str | None
    reason: str = ""

    @property
    def kept(self) -> bool:
        return self.reviewed is None and self.status is None

    def final_score(self) -> Decimal | None:
        """The score after the review (the center's own where the reviewer kept it)."""
        if self.kept:
            return self.self_score
        return self.reviewed

    def shown(self, max_points: Decimal | None = None) -> str:
        """The reviewer's score as a person reads it: "6", "6 / 10", "符合"; "" when kept."""
        from dqsa.domain.numbers import fmt

        if self.status is not None:
            return VERDICT_LABELS.get(self.status, self.status)
        if self.reviewed is None:
            return ""
        return f"{fmt(self.reviewed)} / {fmt(max_points)}" if max_points is not None else fmt(self.reviewed)


def apply_review(card: Scorecard, items: Mapping[str, ReviewedItem]) -> Scorecard:
    """``card`` with every item the reviewer scored differently set to the reviewer's score.

    Subtotals and totals are summed again, as :func:`~dqsa.domain.scoring.score` sums them.
    A checklist item the reviewer judged 不适用 leaves the applicable items (its maximum
    becomes 0); one judged 符合 / 不符合 is applicable, worth one point. An item not in
    ``items``, or kept, stays as the center scored it. A reviewer's score above the item's
    maximum (a desk of another pack version) is capped at the maximum.
    """
    tables = []
    for table in card.tables:
        sections = []
        for section in table.sections:
            scored = tuple(_reviewed(result, items.get(result.item_id)) for result in section.items)
            sections.append(
                SectionResult(
                    section_id=section.section_id,
                    title=section.title,
                    max_points=sum((i.max_points for i in scored), Decimal(0)),
                    score=sum((i.score for i in scored), Decimal(0)),
                    items=scored,
                )
            )
        tables.append(
            TableResult(
                table_id=table.table_id,
                title=table.title,
                short_title=table.short_title,
                max_points=sum((s.max_points for s in sections), Decimal(0)),
                score=sum((s.score for s in sections), Decimal(0)),
                sections=tuple(sections),
            )
        )
    return replace(card, tables=tuple(tables))


def _reviewed(result: ItemResult, item: ReviewedItem | None) -> ItemResult:
    if item is None or item.kept:
        return result
    why = f"复核：{item.reason}" if item.reason else "复核"
    if item.status is not None:  # a checklist verdict
        if item.status == "na":
            return replace(
                result,
                score=Decimal(0),
                max_points=Decimal(0),
                applicable=False,
                answered=True,
                status="na",
                explanation=why,
            )
        met = item.status == "met"
        return replace(
            result,
            score=Decimal(1 if met else 0),
            max_points=Decimal(1),
            applicable=True,
            answered=True,
            status="met" if met else "not_met",
            explanation=why,
        )
    if item.reviewed is None or not result.applicable:
        return result
    score = min(item.reviewed, result.max_points)
    return replace(result, score=score, answered=True, explanation=why)
