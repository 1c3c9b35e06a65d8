"""The scoring engine: (criteria pack, answers) → scorecard, exactly, with reasons.

Arithmetic is :class:`~decimal.Decimal`; every computed item score is rounded
half-up to one decimal, subtotals are sums of item scores. Missing answers never
raise: the item is scored zero, marked unanswered and listed. Each result says
how it was obtained (auto / manual / override) and why, in Chinese.

For a checklist pack each applicable item is worth one point (met = 1), so the
same subtotals and percentages give "the share of applicable items met".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from pydantic import JsonValue

from dqsa.domain.answers import (
    CHECKLIST_LABELS,
    Answers,
    FactValue,
    catalog_answers,
    catalog_flag,
    ensure_valid,
)
from dqsa.domain.criteria import (
    CriteriaPack,
    Item,
    ManualRule,
)

# fmt, percent and round_score are imported from here by the ui, export and cli (re-exported).
from dqsa.domain.numbers import fmt as fmt
from dqsa.domain.numbers import percent as percent
from dqsa.domain.numbers import round_score as round_score
from dqsa.domain.rules import InputValue as InputValue  # re-exported: ItemResult.inputs
from dqsa.domain.rules import Outcome, Rules, checklist_sentence, scored_sentence
from dqsa.domain.vocabulary import Ratio

Method = Literal["auto", "manual", "override"]
Status = Literal["met", "not_met", "na", "unanswered"]


@dataclass(frozen=True)
class ItemResult:
    """One item's result and the reason for it."""

    item_id: str
    table_id: str
    section_id: str
    number: int
    text: str
    rule: str
    max_points: Decimal
    score: Decimal
    method: Method
    answered: bool
    applicable: bool
    explanation: str
    inputs: Mapping[str, InputValue] = field(default_factory=dict)
    auto_score: Decimal | None = None
    override_reason: str | None = None
    status: Status | None = None
    note: str = ""
    corrective_action: str = ""

    @property
    def below_full(self) -> bool:
        """Applicable and short of full marks (for a checklist: not met)."""
        return self.applicable and self.score < self.max_points


@dataclass(frozen=True)
class SectionResult:
    """A section's subtotal."""

    section_id: str
    title: str
    max_points: Decimal
    score: Decimal
    items: tuple[ItemResult, ...]

    @property
    def percent(self) -> Decimal:
        return percent(self.score, self.max_points)


@dataclass(frozen=True)
class TableResult:
    """A table's total."""

    table_id: str
    title: str
    short_title: str
    max_points: Decimal
    score: Decimal
    sections: tuple[SectionResult, ...]

    @property
    def percent(self) -> Decimal:
        return percent(self.score, self.max_points)


@dataclass(frozen=True)
class Scorecard:
    """The whole result of scoring one assessment."""

    pack_id: str
    pack_version: str
    pack_kind: str
    level: str
    level_label: str
    year: int
    center_name: str
    tables: tuple[TableResult, ...]

    @property
    def total(self) -> Decimal:
        return sum((t.score for t in self.tables), Decimal(0))

    @property
    def max_total(self) -> Decimal:
        return sum((t.max_points for t in self.tables), Decimal(0))

    @property
    def percent(self) -> Decimal:
        return percent(self.total, self.max_total)

    def items(self) -> list[ItemResult]:
        return [i for t in self.tables for s in t.sections for i in s.items]

    def item(self, item_id: str) -> ItemResult:
        return next(i for i in self.items() if i.item_id == item_id)

    @property
    def unanswered(self) -> list[str]:
        """Applicable items without an answer, in table order."""
        return [i.item_id for i in self.items() if i.applicable and not i.answered]

    @property
    def below_full(self) -> list[str]:
        """Applicable items short of full marks (the standard's 7.5 持续改进)."""
        return [i.item_id for i in self.items() if i.below_full]

    @property
    def without_measures(self) -> list[str]:
        """Items short of full marks that have no improvement measure (改进措施) written yet."""
        return [i.item_id for i in self.items() if i.below_full and not i.corrective_action.strip()]


# --- facts -------------------------------------------------------------------------


def resolve_facts(pack: CriteriaPack, answers: Answers) -> dict[str, FactValue]:
    """Every fact a rule may read: the answered ones, the catalogue entries, the derived ones.

    A fact that is missing here is unanswered. Catalogue entries the answers do not
    mention stay missing; the roster's counts exist once a roster (even empty) is
    given; a rate exists once both of its facts are answered (0 when the whole is 0).
    """
    facts: dict[str, FactValue] = {k: v for k, v in answers.facts.items() if v is not None}
    for catalog in pack.catalogs:
        for entry in catalog_answers(answers, catalog.answers):
            facts[catalog.fact_id(entry.id)] = catalog_flag(entry, catalog)
    if answers.staff is not None:
        for derived, count in pack.roster_counts():
            flag = count.flag
            facts[derived.id] = sum(1 for person in answers.staff if flag is None or getattr(person, flag))
    for derived in pack.derived_facts:
        if isinstance(derived.derive, Ratio):
            part, whole = facts.get(derived.derive.part), facts.get(derived.derive.whole)
            if part is not None and whole is not None:
                facts[derived.id] = Decimal(part) / Decimal(whole) if whole else Decimal(0)
    return facts


# --- the engine ------------------------------------------------------------------------


def score(pack: CriteriaPack, answers: Answers, *, validate: bool = True) -> Scorecard:
    """Score ``answers`` against ``pack``.

    Raises :class:`~dqsa.domain.errors.InvalidInput` for answers that do not fit the
    pack (``validate=False`` skips that for answers already checked).
    """
    if validate:
        ensure_valid(pack, answers)
    level = answers.center.level
    rules = Rules(pack, resolve_facts(pack, answers), level)
    tables = []
    for table in pack.tables:
        sections = []
        for section in table.sections:
            items = tuple(
                _score_item(pack, rules, answers, table.id, section.id, item) for item in section.items
            )
            sections.append(
                SectionResult(
                    section_id=section.id,
                    title=section.title,
                    max_points=sum((i.max_points for i in items), Decimal(0)),
                    score=sum((i.score for i in items), Decimal(0)),
                    items=items,
                )
            )
        tables.append(
            TableResult(
                table_id=table.id,
                title=table.title,
                short_title=table.short_title,
                max_points=sum((s.max_points for s in sections), Decimal(0)),
                score=sum((s.score for s in sections), Decimal(0)),
                sections=tuple(sections),
            )
        )
    return Scorecard(
        pack_id=pack.id,
        pack_version=pack.version,
        pack_kind=pack.kind,
        level=level,
        level_label=pack.level_label(level),
        year=answers.year,
        center_name=answers.center.name,
        tables=tuple(tables),
    )


@dataclass(frozen=True)
class _Verdict:
    """What was decided for one item; :func:`_result` adds the item's identity."""

    max_points: Decimal
    score: Decimal
    method: Method
    answered: bool
    explanation: str
    applicable: bool = True
    status: Status | None = None
    inputs: Mapping[str, InputValue] = field(default_factory=dict)
    auto_score: Decimal | None = None
    override_reason: str | None = None


def _result(answers: Answers, table_id: str, section_id: str, item: Item, verdict: _Verdict) -> ItemResult:
    return ItemResult(
        item_id=item.id,
        table_id=table_id,
        section_id=section_id,
        number=item.number,
        text=item.text,
        rule=item.rule.type,
        max_points=verdict.max_points,
        score=verdict.score,
        method=verdict.method,
        answered=verdict.answered,
        applicable=verdict.applicable,
        explanation=verdict.explanation,
        inputs=verdict.inputs,
        auto_score=verdict.auto_score,
        override_reason=verdict.override_reason,
        status=verdict.status,
        note=answers.notes.get(item.id, ""),
        corrective_action=answers.corrective_actions.get(item.id, ""),
    )


def _score_item(
    pack: CriteriaPack, rules: Rules, answers: Answers, table_id: str, section_id: str, item: Item
) -> ItemResult:
    return _result(answers, table_id, section_id, item, _verdict(pack, rules, answers, item))


def _verdict(pack: CriteriaPack, rules: Rules, answers: Answers, item: Item) -> _Verdict:
    checklist = pack.kind == "checklist"
    if not item.applies_to_level(rules.level):
        why = f"此项不适用于{pack.level_label(rules.level)}"
        return _Verdict(
            Decimal(0), Decimal(0), "auto", answered=True, applicable=False, explanation=why,
            status="na" if checklist else None,
        )  # fmt: skip
    if checklist:
        return _checklist_verdict(rules, answers, item)
    max_points = item.max_points or Decimal(0)
    if isinstance(item.rule, ManualRule):
        given = answers.manual_scores.get(item.id)
        whole = f"满分 {fmt(max_points)} 分"
        if given is None:
            return _Verdict(max_points, Decimal(0), "manual", False, f"尚未评分：此项由评估人评定（{whole}）")
        return _Verdict(max_points, given, "manual", True, f"评估人评定 {fmt(given)} 分（{whole}）")
    outcome = rules.outcome(item.rule)
    auto = round_score(max_points * outcome.share)
    explanation = scored_sentence(outcome, auto, max_points)
    override = answers.overrides.get(item.id)
    if override is not None and override.score is not None:
        return _Verdict(
            max_points, override.score, "override", True,
            f"{explanation}；人工更正为 {fmt(override.score)} 分，理由：{override.reason}",
            inputs=outcome.inputs, auto_score=auto, override_reason=override.reason,
        )  # fmt: skip
    return _Verdict(
        max_points, auto, "auto", outcome.answered, explanation, inputs=outcome.inputs, auto_score=auto
    )


def _checklist_verdict(rules: Rules, answers: Answers, item: Item) -> _Verdict:
    def verdict(
        status: Status,
        method: Method,
        explanation: str,
        outcome: Outcome | None = None,
        auto: Status | None = None,
        reason: str | None = None,
    ) -> _Verdict:
        applicable = status != "na"
        return _Verdict(
            max_points=Decimal(1) if applicable else Decimal(0),
            score=Decimal(1) if status == "met" else Decimal(0),
            method=method,
            answered=status != "unanswered",
            explanation=explanation,
            applicable=applicable,
            status=status,
            inputs=outcome.inputs if outcome else {},
            auto_score=None if auto is None else Decimal(1 if auto == "met" else 0),
            override_reason=reason,
        )

    if item.rule.type == "checklist":
        status = answers.checklist.get(item.id)
        if status is None:
            return verdict("unanswered", "manual", "尚未核查：此项由评估人判定")
        return verdict(status, "manual", f"评估人核查：{CHECKLIST_LABELS[status]}")
    outcome = rules.outcome(item.rule)
    auto: Status = "unanswered" if not outcome.answered else ("met" if outcome.share == 1 else "not_met")
    explanation = checklist_sentence(outcome, auto == "met")
    override = answers.overrides.get(item.id)
    if override is not None and override.status is not None:
        return verdict(
            override.status, "override",
            f"{explanation}；人工更正为{CHECKLIST_LABELS[override.status]}，理由：{override.reason}",
            outcome, auto, override.reason,
        )  # fmt: skip
    return verdict(auto, "auto", explanation, outcome)


def scorecard_to_dict(card: Scorecard) -> dict[str, JsonValue]:
    """The scorecard as JSON-ready data (scores as numbers)."""

    def num(value: Decimal | None) -> float | int | None:
        if value is None:
            return None
        return int(value) if value == value.to_integral_value() else float(value)

    def item_dict(i: ItemResult) -> dict[str, JsonValue]:
        return {
            "id": i.item_id,
            "number": i.number,
            "text": i.text,
            "rule": i.rule,
            "max": num(i.max_points),
            "score": num(i.score),
            "method": i.method,
            "answered": i.answered,
            "applicable": i.applicable,
            "status": i.status,
            "explanation": i.explanation,
            "auto_score": num(i.auto_score),
            "override_reason": i.override_reason,
            "inputs": {k: num(v) if isinstance(v, Decimal) else v for k, v in i.inputs.items()},
            "note": i.note,
            "corrective_action": i.corrective_action,
        }

    return {
        "format": "dqsa-scorecard/1",
        "pack": {"id": card.pack_id, "version": card.pack_version, "kind": card.pack_kind},
        "center": card.center_name,
        "level": card.level,
        "level_label": card.level_label,
        "year": card.year,
        "total": num(card.total),
        "max_total": num(card.max_total),
        "percent": num(card.percent),
        "tables": [
            {
                "id": t.table_id,
                "title": t.title,
                "score": num(t.score),
                "max": num(t.max_points),
                "percent": num(t.percent),
                "sections": [
                    {
                        "id": s.section_id,
                        "title": s.title,
                        "score": num(s.score),
                        "max": num(s.max_points),
                        "percent": num(s.percent),
                        "items": [item_dict(i) for i in s.items],
                    }
                    for s in t.sections
                ],
            }
            for t in card.tables
        ],
        "unanswered": [*card.unanswered],
        "below_full": [*card.below_full],
    }
