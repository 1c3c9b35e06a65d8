"""Adding up many centers' results: the arithmetic of the receiving desk's roll-up.

The desk stores each accepted packet's item scores; this module turns a list of
them into what a township or county looks at: totals with the reviewer's
corrections, the distribution of totals, the average per section, the weakest
items (the share of centers at full marks), the change since last year and who
has not submitted. Results made against different criteria packs (or versions)
are never added together: :func:`by_standard` keeps them apart, and every
function here refuses a mixed list.

For a checklist pack every applicable item is worth one point, so the same sums
give "the share of applicable items met" (see :mod:`dqsa.domain.scoring`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.scoring import Scorecard, percent, round_score
from dqsa.domain.status import REVIEW_LABELS as REVIEW_LABELS  # re-exported: the desk names them here
from dqsa.domain.status import ReviewState as ReviewState


@dataclass(frozen=True)
class Standard:
    """The criteria pack (and version) a result was made against: results of two standards never mix."""

    pack_id: str
    version: str
    kind: str  # "scored" | "checklist"
    title: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return self.pack_id, self.version


@dataclass(frozen=True)
class ItemMark:
    """One item's self score in a submitted result (checklist: met = 1 of 1, n/a = 0 of 0)."""

    item_id: str
    score: Decimal
    max_points: Decimal
    applicable: bool = True
    answered: bool = True

    @property
    def full(self) -> bool:
        return self.applicable and self.score >= self.max_points


@dataclass(frozen=True)
class Submission:
    """One center's accepted result for one year, with the reviewer's corrections if any."""

    center: str  # the desk's stable key for the center
    name: str
    level: str
    region: str
    year: int
    standard: Standard
    items: tuple[ItemMark, ...]
    review_state: ReviewState = ReviewState.PENDING
    #: Item id → the reviewer's score (复核得分) where the reviewer gave one.
    reviewer_scores: Mapping[str, Decimal] = field(default_factory=dict)
    #: Item id → whether the reviewer found the item applicable, where that differs from the
    #: center's own word (a checklist item the reviewer marked 不适用, or one the center had
    #: marked 不适用 and the reviewer marked 符合 / 不符合).
    reviewer_applicable: Mapping[str, bool] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum((i.score for i in self.items if i.applicable), Decimal(0))

    @property
    def max_total(self) -> Decimal:
        return sum((i.max_points for i in self.items if i.applicable), Decimal(0))

    @property
    def percent(self) -> Decimal:
        return percent(self.total, self.max_total)

    @property
    def reviewed(self) -> bool:
        """Whether the reviewer gave any item a score of their own."""
        return bool(self.reviewer_scores or self.reviewer_applicable)

    def reviewed_mark(self, item: ItemMark) -> ItemMark:
        """An item as the reviewer sees it: their score and applicability where they gave one.

        A checklist item the center marked 不适用 (0 of 0) that the reviewer finds
        applicable is worth one point like every applicable checklist item.
        """
        applicable = self.reviewer_applicable.get(item.item_id, item.applicable)
        if not applicable:
            return ItemMark(item.item_id, Decimal(0), Decimal(0), applicable=False, answered=item.answered)
        maximum = item.max_points
        if not item.applicable and self.standard.kind == "checklist":
            maximum = Decimal(1)
        score = self.reviewer_scores.get(item.item_id, item.score if item.applicable else Decimal(0))
        return ItemMark(item.item_id, score, maximum, True, item.answered)

    @property
    def reviewed_total(self) -> Decimal:
        """The total with every reviewer score (and applicability) in place of the center's own."""
        marks = (self.reviewed_mark(i) for i in self.items)
        return sum((m.score for m in marks if m.applicable), Decimal(0))

    @property
    def reviewed_max_total(self) -> Decimal:
        """The maximum over the items the reviewer finds applicable (differs only for a checklist)."""
        marks = (self.reviewed_mark(i) for i in self.items)
        return sum((m.max_points for m in marks if m.applicable), Decimal(0))

    @property
    def reviewed_percent(self) -> Decimal:
        return percent(self.reviewed_total, self.reviewed_max_total)

    def table_total(self, table_items: Iterable[str]) -> tuple[Decimal, Decimal]:
        """(score, max) over the given item ids (a table or a section of the pack)."""
        wanted = set(table_items)
        chosen = [i for i in self.items if i.item_id in wanted and i.applicable]
        return sum((i.score for i in chosen), Decimal(0)), sum((i.max_points for i in chosen), Decimal(0))


def marks_from_scorecard(card: Scorecard) -> tuple[ItemMark, ...]:
    """Every item's self score of a scored assessment, in the pack's order."""
    return tuple(
        ItemMark(i.item_id, i.score, i.max_points, applicable=i.applicable, answered=i.answered)
        for i in card.items()
    )


class MixedStandards(ValueError):
    """Results of different criteria packs or versions were given to one roll-up."""


def by_standard(submissions: Iterable[Submission]) -> dict[tuple[str, str], list[Submission]]:
    """Group results by (pack id, version), in the order first seen."""
    groups: dict[tuple[str, str], list[Submission]] = {}
    for submission in submissions:
        groups.setdefault(submission.standard.key, []).append(submission)
    return groups


def _one_standard(submissions: Sequence[Submission]) -> Standard | None:
    keys = {s.standard.key for s in submissions}
    if len(keys) > 1:
        names = "、".join(f"{pack} {version}" for pack, version in sorted(keys))
        raise MixedStandards(f"不同评分标准的结果不能合计：{names}")
    return submissions[0].standard if submissions else None


def mean(values: Sequence[Decimal]) -> Decimal | None:
    """The average, rounded half-up to one decimal; None for no values."""
    if not values:
        return None
    return round_score(sum(values, Decimal(0)) / len(values))


@dataclass(frozen=True)
class Bucket:
    """One bar of the distribution: results whose percentage is in [low, high) (the last bar includes 100)."""

    low: int
    high: int
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high}%"


def distribution(submissions: Sequence[Submission], *, width: int = 10) -> list[Bucket]:
    """How many results fall into each band of ``width`` percentage points, 0 to 100."""
    _one_standard(submissions)
    if width <= 0 or 100 % width:
        raise ValueError("width must divide 100")
    counts = [0] * (100 // width)
    for submission in submissions:
        index = min(int(submission.percent // width), len(counts) - 1)
        counts[max(index, 0)] += 1
    return [Bucket(n * width, (n + 1) * width, count) for n, count in enumerate(counts)]


@dataclass(frozen=True)
class PartAverage:
    """The average share of full marks (or of applicable items met) in one table or section."""

    part_id: str
    title: str
    percent: Decimal | None
    centers: int


def part_averages(submissions: Sequence[Submission], pack: CriteriaPack) -> list[PartAverage]:
    """Per table and per section of ``pack``: the average percentage across the results."""
    standard = _one_standard(submissions)
    if standard is not None and standard.pack_id != pack.id:
        raise MixedStandards(f"结果使用的标准是 {standard.pack_id}，不是 {pack.id}")
    parts: list[PartAverage] = []
    for table in pack.tables:
        table_ids = [item.id for section in table.sections for item in section.items]
        parts.append(_average(table.id, table.short_title, table_ids, submissions))
        for section in table.sections:
            parts.append(_average(section.id, section.title, [i.id for i in section.items], submissions))
    return parts


def _average(part_id: str, title: str, item_ids: list[str], submissions: Sequence[Submission]) -> PartAverage:
    shares = []
    for submission in submissions:
        score, maximum = submission.table_total(item_ids)
        if maximum:
            shares.append(percent(score, maximum))
    return PartAverage(part_id, title, mean(shares), len(shares))


@dataclass(frozen=True)
class ItemShare:
    """How many of the centers an item applies to have it at full marks (or met)."""

    item_id: str
    full: int
    applicable: int

    @property
    def percent(self) -> Decimal:
        return percent(Decimal(self.full), Decimal(self.applicable))


def weakest_items(submissions: Sequence[Submission], *, limit: int | None = 10) -> list[ItemShare]:
    """Items by the share of centers at full marks, lowest first (ties: the order of the pack)."""
    _one_standard(submissions)
    order: dict[str, int] = {}
    full: dict[str, int] = {}
    applicable: dict[str, int] = {}
    for submission in submissions:
        for position, item in enumerate(submission.items):
            order.setdefault(item.item_id, position)
            if item.applicable:
                applicable[item.item_id] = applicable.get(item.item_id, 0) + 1
                full[item.item_id] = full.get(item.item_id, 0) + int(item.full)
    shares = [ItemShare(item_id, full[item_id], count) for item_id, count in applicable.items()]
    shares.sort(key=lambda s: (s.percent, order[s.item_id]))
    return shares if limit is None else shares[:limit]


@dataclass(frozen=True)
class YearChange:
    """One center's percentage this year against last year (None where a year is missing)."""

    center: str
    name: str
    before: Decimal | None
    after: Decimal | None

    @property
    def change(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def year_changes(current: Sequence[Submission], previous: Sequence[Submission]) -> list[YearChange]:
    """Each center of either year with its percentage in both, in the order of ``current`` then the rest.

    Results of another standard than this year's are not compared (a changed pack is
    not a change of the center); such a center shows ``before=None``.
    """
    standard = _one_standard(current)
    earlier = {s.center: s for s in previous if standard is None or s.standard.key == standard.key}
    changes = [
        YearChange(s.center, s.name, earlier[s.center].percent if s.center in earlier else None, s.percent)
        for s in current
    ]
    seen = {s.center for s in current}
    changes += [
        YearChange(s.center, s.name, s.percent, None) for s in earlier.values() if s.center not in seen
    ]
    return changes


def missing(expected: Iterable[str], submissions: Iterable[Submission]) -> list[str]:
    """The expected centers (by key) that have no result, in the order expected."""
    present = {s.center for s in submissions}
    return [center for center in expected if center not in present]
