"""Reviews: a state, a comment, a reviewer and per item a 复核得分 with its reason; autosaved edit by edit.

Every setter is one small committed transaction that also records the change (old
and new value) in the history, so the window can save as the reviewer types. An
invalid entry raises :class:`InvalidInput` naming the field and saves nothing:

- a scored standard (湖州): a number from 0 to the item's maximum, on the item's step
  (a manual item's step is in the pack; automatic items 0.1); the item must apply to
  the center;
- a checklist standard (温州): 符合 / 不符合 / 不适用 (:class:`Verdict`);
- a reason whenever the reviewer's word differs from the center's own.

Only the counted packet of a center's year is reviewed: a held packet waits for its
identity, a superseded one was replaced by a newer version.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from dqsa.domain.criteria import CriteriaPack, ManualRule
from dqsa.domain.errors import InvalidInput, Problem
from dqsa.domain.numbers import ONE_DECIMAL, fmt, is_multiple
from dqsa.domain.rollup import REVIEW_LABELS, ReviewState
from dqsa.domain.text import multi_line, single_line
from dqsa.store.desk import models as dm
from dqsa.store.desk.core import DeskCore
from dqsa.store.desk.records import (
    VERDICT_LABELS,
    ItemReview,
    ItemSheetRow,
    PacketState,
    ReviewRecord,
    Verdict,
)
from dqsa.store.records import now

T = TypeVar("T")

MAX_COMMENT = 20_000
MAX_REASON = 2_000
MAX_REVIEWER = 200

#: What a person may type for a review state or a checklist verdict (Chinese or the code).
STATE_WORDS: dict[str, ReviewState] = {
    **{label: state for state, label in REVIEW_LABELS.items()},
    **{state.value: state for state in ReviewState},
    "退回": ReviewState.RETURNED,
}
VERDICT_WORDS: dict[str, Verdict] = {
    **{label: verdict for verdict, label in VERDICT_LABELS.items()},
    **{verdict.value: verdict for verdict in Verdict},
    "已符合": Verdict.MET,
    "n/a": Verdict.NOT_APPLICABLE,
}


def review_state_of(value: ReviewState | str) -> ReviewState:
    """A review state from its code or its Chinese label, or :class:`InvalidInput`."""
    if isinstance(value, ReviewState):
        return value
    found = STATE_WORDS.get(value.strip())
    if found is None:
        choices = "、".join(REVIEW_LABELS.values())
        raise InvalidInput([Problem("state", f"审核状态只能是 {choices}，而这里是“{value[:20]}”")])
    return found


def verdict_of(value: Verdict | str) -> Verdict:
    if isinstance(value, Verdict):
        return value
    found = VERDICT_WORDS.get(value.strip().lower()) or VERDICT_WORDS.get(value.strip())
    if found is None:
        raise InvalidInput(
            [Problem("score", f"核查清单的条目只能填 符合、不符合 或 不适用，而这里是“{value[:20]}”")]
        )
    return found


def item_step(pack: CriteriaPack, item_id: str) -> Decimal:
    """The step a reviewer's score of this item must be on (a manual item's own, else 0.1)."""
    item = pack.item(item_id)
    if item is not None and isinstance(item.rule, ManualRule):
        return item.rule.step
    return ONE_DECIMAL


class ReviewMixin(DeskCore):
    """Reading and editing reviews."""

    def review(self, packet_id: int) -> ReviewRecord:
        """The review of a packet (pending and empty until someone edits it)."""
        return self._read(lambda session: self._review(session, packet_id))

    def _review(self, session: Session, packet_id: int) -> ReviewRecord:
        self._packet_row(session, packet_id)
        row = session.get(dm.Review, packet_id)
        items = {
            i.item_id: ItemReview(i.item_id, i.score, i.applicable, i.reason, i.updated_at)
            for i in session.scalars(select(dm.ReviewItem).where(dm.ReviewItem.packet_id == packet_id))
        }
        if row is None:
            return ReviewRecord(packet_id, ReviewState.PENDING, "", "", None, items)
        return ReviewRecord(
            packet_id, ReviewState(row.state), row.comment, row.reviewer, row.updated_at, items
        )

    def review_sheet(self, packet_id: int) -> list[ItemSheetRow]:
        """Every item of the packet in the pack's order: self score, maximum, what may be entered, the review."""
        return self._read(lambda session: self._review_sheet(session, packet_id))

    def _review_sheet(self, session: Session, packet_id: int) -> list[ItemSheetRow]:
        packet = self._packet_row(session, packet_id)
        pack = self._pack(session, packet.pack_ref)
        marks = {
            m.item_id: m
            for m in session.scalars(select(dm.ItemMark).where(dm.ItemMark.packet_id == packet_id))
        }
        reviews = {
            i.item_id: ItemReview(i.item_id, i.score, i.applicable, i.reason, i.updated_at)
            for i in session.scalars(select(dm.ReviewItem).where(dm.ReviewItem.packet_id == packet_id))
        }
        checklist = pack.kind == "checklist"
        rows = []
        for table, section, item in pack.items():
            mark = marks.get(item.id)
            if mark is None:
                continue
            rows.append(
                ItemSheetRow(
                    item_id=item.id,
                    table_id=table.id,
                    section_id=section.id,
                    number=item.number,
                    table_title=table.title,
                    section_title=section.title,
                    text=item.text,
                    score=mark.score,
                    max_points=mark.max_points,
                    applicable=mark.applicable,
                    answered=mark.answered,
                    entry="checklist" if checklist else "scored",
                    step=Decimal(1) if checklist else item_step(pack, item.id),
                    review=reviews.get(item.id),
                )
            )
        return rows

    # -- editing ------------------------------------------------------------------------------------------

    def set_review_state(
        self, packet_id: int, state: ReviewState | str, *, reviewer: str | None = None
    ) -> None:
        """Set the review state (待审核 / 通过 / 退回补充 / 有问题, or its code)."""
        self.update_review(packet_id, state=state, reviewer=reviewer)

    def set_review_comment(self, packet_id: int, comment: str, *, reviewer: str | None = None) -> None:
        """Set the reviewer's comment (审核意见); an empty text clears it."""
        self.update_review(packet_id, comment=comment, reviewer=reviewer)

    def set_reviewer(self, packet_id: int, reviewer: str) -> None:
        """Set who reviews this packet (审核人)."""
        self.update_review(packet_id, reviewer=reviewer)

    def set_item_review(
        self,
        packet_id: int,
        item_id: str,
        value: Decimal | int | str | Verdict | None,
        reason: str = "",
        *,
        reviewer: str | None = None,
    ) -> None:
        """Set (or with ``value`` None, clear) the reviewer's word on one item, with the reason.

        Scored standards take a number (or its text: "8.5"); checklists a :class:`Verdict`
        or 符合 / 不符合 / 不适用. A reason is required when the word differs from the
        center's own score. Invalid input raises :class:`InvalidInput` and saves nothing.
        """
        self.update_review(packet_id, items=[(item_id, value, reason)], reviewer=reviewer)

    def update_review(
        self,
        packet_id: int,
        *,
        state: ReviewState | str | None = None,
        comment: str | None = None,
        reviewer: str | None = None,
        items: Sequence[tuple[str, Decimal | int | str | Verdict | None, str]] = (),
    ) -> None:
        """Several review edits in one transaction: all saved, or (with every problem named) none.

        ``items`` are (item id, value or None to clear, reason), as for :meth:`set_item_review`.
        """
        problems: list[Problem] = []
        chosen = _collect(problems, lambda: review_state_of(state)) if state is not None else None
        if comment is not None:
            comment = _collect(problems, lambda: _checked_text("comment", "审核意见", comment or ""))
        if comment is not None and len(comment) > MAX_COMMENT:
            problems.append(Problem("comment", f"审核意见太长（最多 {MAX_COMMENT} 字）"))
        checked_reviewer = (
            _collect(problems, lambda: _checked_reviewer(reviewer)) if reviewer is not None else None
        )
        if problems:
            raise InvalidInput(problems)

        def work(session: Session) -> None:
            packet = self._reviewable(session, packet_id)
            pack = self._pack(session, packet.pack_ref)
            stamp = now()
            edits = []
            for item_id, value, reason in items:
                try:
                    edits.append(self._item_edit(session, pack, packet_id, item_id, value, reason))
                except InvalidInput as exc:
                    problems.extend(
                        Problem(f"{item_id} {p.field}" if len(items) > 1 else p.field, p.message)
                        for p in exc.problems
                    )
            if problems:
                raise InvalidInput(problems)
            row = self._review_row(session, packet_id, stamp)
            changes: list[tuple[str, Any, Any]] = []
            for item_id, value, score, applicable, reason in edits:
                existing = session.get(dm.ReviewItem, (packet_id, item_id))
                old = _item_json(existing)
                if value is None:
                    if existing is not None:
                        session.delete(existing)
                else:
                    if existing is None:
                        existing = dm.ReviewItem(packet_id=packet_id, item_id=item_id)
                        session.add(existing)
                    existing.score, existing.applicable = score, applicable
                    existing.reason, existing.updated_at = reason, stamp
                changes.append(
                    (f"review.item.{item_id}", old, _item_json(existing) if value is not None else None)
                )
            if chosen is not None:
                changes.append(("review.state", row.state, chosen.value))
                row.state = chosen.value
            if comment is not None:
                changes.append(("review.comment", row.comment, comment))
                row.comment = comment
            if checked_reviewer is not None:
                changes.append(("review.reviewer", row.reviewer, checked_reviewer))
                row.reviewer = checked_reviewer
            for what, old, new in changes:
                if old != new:
                    self._change(
                        session, what, center_id=packet.center_id, packet_id=packet_id, old=old, new=new
                    )

        self._write("审核", work)

    def check_item_review(
        self, packet_id: int, item_id: str, value: Decimal | int | str | Verdict, reason: str = ""
    ) -> None:
        """Raise :class:`InvalidInput` if :meth:`set_item_review` would refuse this entry (nothing is saved)."""

        def read(session: Session) -> None:
            packet = self._reviewable(session, packet_id)
            self._item_edit(session, self._pack(session, packet.pack_ref), packet_id, item_id, value, reason)

        self._read(read)

    @staticmethod
    def _item_edit(
        session: Session,
        pack: CriteriaPack,
        packet_id: int,
        item_id: str,
        value: Decimal | int | str | Verdict | None,
        reason: str,
    ) -> tuple[str, Decimal | int | str | Verdict | None, Decimal | None, bool, str]:
        """(item id, value, score, applicable, reason) of a valid entry, or :class:`InvalidInput`."""
        reason = _checked_text("reason", "理由", reason).strip()
        if len(reason) > MAX_REASON:
            raise InvalidInput([Problem("reason", f"理由太长（最多 {MAX_REASON} 字）")])
        mark = session.get(dm.ItemMark, (packet_id, item_id))
        if mark is None or pack.item(item_id) is None:
            raise InvalidInput([Problem("item", f"这个材料包的标准中没有条目 {item_id}")])
        if value is None:
            return item_id, None, None, True, ""
        score, applicable = _checked_value(pack, mark, value)
        differs = applicable != mark.applicable or (applicable and score != mark.score)
        if differs and not reason:
            raise InvalidInput(
                [Problem("reason", "复核结果与中心自评不同，请填写理由（例如：现场查看缺少相关台账）")]
            )
        return item_id, value, score, applicable, reason

    # -- helpers ----------------------------------------------------------------------------------------------

    def _reviewable(self, session: Session, packet_id: int) -> dm.Packet:
        packet = self._packet_row(session, packet_id)
        if packet.state == PacketState.HELD:
            raise InvalidInput(
                [Problem("packet", "这个材料包的签署身份还没有核实（暂扣），请先核实并接受身份再审核。")]
            )
        if packet.state == PacketState.SUPERSEDED:
            raise InvalidInput(
                [Problem("packet", "这个材料包已被同一中心同一年度的新版本替换，请审核新版本。")]
            )
        return packet

    @staticmethod
    def _review_row(session: Session, packet_id: int, stamp: Any) -> dm.Review:
        row = session.get(dm.Review, packet_id)
        if row is None:
            row = dm.Review(packet_id=packet_id, state=ReviewState.PENDING.value, comment="", reviewer="")
            session.add(row)
        row.updated_at = stamp
        return row


def _collect(problems: list[Problem], work: Callable[[], T]) -> T | None:
    try:
        return work()
    except InvalidInput as exc:
        problems.extend(exc.problems)
        return None


def _checked_reviewer(name: str) -> str:
    name = " ".join(name.split())
    if len(name) > MAX_REVIEWER:
        raise InvalidInput([Problem("reviewer", f"审核人姓名太长（最多 {MAX_REVIEWER} 字）")])
    try:
        return single_line(name)
    except ValueError as exc:
        raise InvalidInput([Problem("reviewer", f"审核人姓名{exc}")]) from None


def _checked_text(field: str, label: str, text: str) -> str:
    """Several lines of a reviewer's text, line breaks made ``\\n`` (see :mod:`dqsa.domain.text`)."""
    try:
        return multi_line(text)
    except ValueError as exc:
        raise InvalidInput([Problem(field, f"{label}{exc}")]) from None


def _item_json(row: dm.ReviewItem | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"score": row.score, "applicable": row.applicable, "reason": row.reason}


def _checked_value(
    pack: CriteriaPack, mark: dm.ItemMark, value: Decimal | int | str | Verdict
) -> tuple[Decimal | None, bool]:
    """(score, applicable) of a reviewer's entry, or :class:`InvalidInput` naming the field."""
    if pack.kind == "checklist":
        if isinstance(value, Decimal | int) and not isinstance(value, bool) and value in (0, 1):
            verdict = Verdict.MET if value == 1 else Verdict.NOT_MET
        elif isinstance(value, str | Verdict):
            verdict = verdict_of(value)
        else:
            raise InvalidInput([Problem("score", "核查清单的条目只能填 符合、不符合 或 不适用")])
        if verdict is Verdict.NOT_APPLICABLE:
            return None, False
        return (Decimal(1) if verdict is Verdict.MET else Decimal(0)), True
    if isinstance(value, Verdict | bool):
        raise InvalidInput([Problem("score", "请填写复核得分（数字）")])
    if not mark.applicable:
        raise InvalidInput([Problem("score", "这一项不适用于该中心（按其级别），不能复核评分")])
    if isinstance(value, str):
        text = value.strip().replace("分", "").strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise InvalidInput([Problem("score", f"复核得分应是数字，而这里是“{value[:20]}”")]) from None
    else:
        number = Decimal(value)
    if not number.is_finite():
        raise InvalidInput([Problem("score", "复核得分应是数字")])
    if number < 0 or number > mark.max_points:
        raise InvalidInput(
            [Problem("score", f"复核得分应在 0 到 {fmt(mark.max_points)} 分之间，而这里是 {fmt(number)}")]
        )
    step = item_step(pack, mark.item_id)
    if not is_multiple(number, step):
        raise InvalidInput([Problem("score", f"复核得分应是 {fmt(step)} 的整数倍，而这里是 {fmt(number)}")])
    return (Decimal(int(number)) if number == number.to_integral_value() else number.normalize()), True
