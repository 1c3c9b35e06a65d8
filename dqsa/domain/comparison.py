"""Compare two assessments of a center: what improved, what slipped, what changed.

Items are matched by their stable ids; the newer pack's ``id_map`` (old id → new
id) is followed when a pack version renamed items. Items found in only one of the
two are listed as such, never dropped. When the maximum of an item or section
differs between the packs, the trend compares percentages of full marks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Protocol

from dqsa.domain.answers import CHECKLIST_LABELS, Answers, FactValue
from dqsa.domain.criteria import Catalog, CriteriaPack, FactGroup
from dqsa.domain.numbers import fmt, percent
from dqsa.domain.scoring import ItemResult, Scorecard, TableResult, resolve_facts

Trend = Literal["improved", "regressed", "unchanged", "unanswered", "only_old", "only_new"]
#: The one source of the trends' Chinese labels (the windows, the report, the workbook, the CLI).
TREND_LABELS: dict[Trend, str] = {
    "improved": "进步",
    "regressed": "退步",
    "unchanged": "不变",
    "unanswered": "未填写",
    "only_old": "仅上年有",
    "only_new": "仅本年有",
}


@dataclass(frozen=True)
class ItemChange:
    """One item in both years (or in one of them)."""

    item_id: str
    old_id: str | None
    text: str
    old_score: Decimal | None
    old_max: Decimal | None
    new_score: Decimal | None
    new_max: Decimal | None
    old_status: str | None
    new_status: str | None
    trend: Trend
    old_answered: bool = True
    new_answered: bool = True
    note: str = ""
    """Why the change is not what the scores suggest: an unanswered year, an override
    made in one year only ("上年为人工更正（理由：…），本年未更正"); empty if nothing to say."""

    @property
    def both_unanswered(self) -> bool:
        """In both years and answered in neither: nothing changed, nothing to list as a change."""
        both = self.old_score is not None and self.new_score is not None
        return both and not self.old_answered and not self.new_answered

    @property
    def changed(self) -> bool:
        """Worth listing among the changes: not unchanged, and not unanswered in both years."""
        return self.trend != "unchanged" and not self.both_unanswered

    @property
    def change(self) -> Decimal | None:
        """New score − old score; None when either year is missing or unanswered."""
        if self.old_score is None or self.new_score is None or self.trend == "unanswered":
            return None
        return self.new_score - self.old_score

    def shown(self, year_side: Literal["old", "new"]) -> str:
        """The score as a person reads it: "7.5/10", "符合", or "—"."""
        score, maximum, status = (
            (self.old_score, self.old_max, self.old_status)
            if year_side == "old"
            else (self.new_score, self.new_max, self.new_status)
        )
        if score is None or maximum is None:
            return "—"
        if not (self.old_answered if year_side == "old" else self.new_answered):
            return "未填写"
        if status is not None:
            return CHECKLIST_LABELS[status]
        return f"{fmt(score)}/{fmt(maximum)}"


def _percent_or_none(score: Decimal | None, maximum: Decimal | None) -> Decimal | None:
    return None if score is None or maximum is None else percent(score, maximum)


class _Subtotal(Protocol):
    """A section's or a table's result: what :class:`PartChange` reads of it."""

    @property
    def score(self) -> Decimal: ...

    @property
    def max_points(self) -> Decimal: ...


@dataclass(frozen=True)
class PartChange:
    """A section's or table's subtotal in both years."""

    part_id: str
    title: str
    old_score: Decimal | None
    old_max: Decimal | None
    new_score: Decimal | None
    new_max: Decimal | None
    #: Items of the part not answered in each year (counted as 0): a drop they cause is no regression.
    old_unanswered: int = 0
    new_unanswered: int = 0

    @property
    def unanswered_text(self) -> str:
        """``上年 1 项、本年 2 项未填写``: why the part's score may move without a real change; or ""."""
        years = [
            f"{label} {count} 项"
            for label, count in (("上年", self.old_unanswered), ("本年", self.new_unanswered))
            if count
        ]
        return "、".join(years) + "未填写" if years else ""

    @property
    def old_percent(self) -> Decimal | None:
        return _percent_or_none(self.old_score, self.old_max)

    @property
    def new_percent(self) -> Decimal | None:
        return _percent_or_none(self.new_score, self.new_max)

    @property
    def change(self) -> Decimal | None:
        if self.old_score is None or self.new_score is None:
            return None
        return self.new_score - self.old_score


@dataclass(frozen=True)
class Comparison:
    """Everything that differs between two assessments."""

    old_year: int
    new_year: int
    old_pack: str
    new_pack: str
    pack_kind: str
    tables: tuple[PartChange, ...]
    sections: tuple[PartChange, ...]
    items: tuple[ItemChange, ...]
    facts: tuple[str, ...]
    old_total: Decimal
    old_max: Decimal
    new_total: Decimal
    new_max: Decimal

    def count(self, trend: Trend) -> int:
        return sum(1 for item in self.items if item.trend == trend)


def _trend(old: ItemResult, new: ItemResult) -> Trend:
    if not (old.answered and new.answered):  # an empty answer is not a regression
        return "unanswered"
    if old.max_points == new.max_points:
        before, after = old.score, new.score
    else:  # the pack changed the points: compare shares of full marks
        before, after = percent(old.score, old.max_points), percent(new.score, new.max_points)
    if after > before:
        return "improved"
    if after < before:
        return "regressed"
    return "unchanged"


def compare(
    old_card: Scorecard,
    old_answers: Answers,
    old_pack: CriteriaPack,
    new_card: Scorecard,
    new_answers: Answers,
    new_pack: CriteriaPack,
) -> Comparison:
    """Compare an earlier assessment with a later one."""
    old_items = {i.item_id: i for i in old_card.items()}
    renamed = {old: new for old, new in new_pack.id_map.items()}
    old_for_new = {new: old for old, new in renamed.items()}
    items: list[ItemChange] = []
    matched_old: set[str] = set()
    for new in new_card.items():
        old_id = old_for_new.get(new.item_id, new.item_id)
        old = old_items.get(old_id)
        if old is not None and old.applicable and new.applicable:
            matched_old.add(old_id)
            items.append(_item(new.item_id, old_id, new.text, old, new, _trend(old, new)))
        elif new.applicable:
            if old is not None:
                matched_old.add(old_id)
            items.append(_item(new.item_id, None, new.text, None, new, "only_new"))
    for old in old_card.items():
        if old.item_id not in matched_old and old.applicable:
            items.append(_item(old.item_id, old.item_id, old.text, old, None, "only_old"))
    return Comparison(
        old_year=old_card.year,
        new_year=new_card.year,
        old_pack=f"{old_card.pack_id} {old_card.pack_version}",
        new_pack=f"{new_card.pack_id} {new_card.pack_version}",
        pack_kind=new_card.pack_kind,
        tables=tuple(
            _parts(
                [(t.table_id, t.short_title, t, _table_unanswered(t)) for t in old_card.tables],
                [(t.table_id, t.short_title, t, _table_unanswered(t)) for t in new_card.tables],
            )
        ),
        sections=tuple(
            _parts(
                [
                    (s.section_id, s.title, s, _unanswered(s.items))
                    for t in old_card.tables
                    for s in t.sections
                ],
                [
                    (s.section_id, s.title, s, _unanswered(s.items))
                    for t in new_card.tables
                    for s in t.sections
                ],
            )
        ),
        items=tuple(items),
        facts=tuple(fact_changes(old_answers, old_pack, new_answers, new_pack)),
        old_total=old_card.total,
        old_max=old_card.max_total,
        new_total=new_card.total,
        new_max=new_card.max_total,
    )


def _item(
    item_id: str, old_id: str | None, text: str, old: ItemResult | None, new: ItemResult | None, trend: Trend
) -> ItemChange:
    return ItemChange(
        item_id=item_id,
        old_id=old_id,
        text=text,
        old_score=old.score if old else None,
        old_max=old.max_points if old else None,
        new_score=new.score if new else None,
        new_max=new.max_points if new else None,
        old_status=old.status if old else None,
        new_status=new.status if new else None,
        trend=trend,
        old_answered=old.answered if old else True,
        new_answered=new.answered if new else True,
        note=_note(old, new) if old and new else "",
    )


def _note(old: ItemResult, new: ItemResult) -> str:
    """What a reader must know to read the change right, in plain words."""
    notes: list[str] = []
    if not old.answered and not new.answered:
        notes.append("两年都未填写")
    elif not old.answered:
        notes.append("上年未填写")
    elif not new.answered:
        notes.append("本年未填写")
    old_override, new_override = old.method == "override", new.method == "override"
    if old_override and not new_override:
        notes.append(f"上年为人工更正（理由：{old.override_reason}），本年未更正")
    elif new_override and not old_override:
        notes.append(f"本年为人工更正（理由：{new.override_reason}），上年未更正")
    elif old_override and new_override:
        same = old.override_reason == new.override_reason
        notes.append(
            "两年都为人工更正" + ("（理由相同）" if same else f"（本年理由：{new.override_reason}）")
        )
    return "；".join(notes)


def _parts(
    old: Sequence[tuple[str, str, _Subtotal, int]], new: Sequence[tuple[str, str, _Subtotal, int]]
) -> list[PartChange]:
    """Parts (sections or tables) in both years; each with its number of unanswered items."""
    old_by_id = {part_id: (part, unanswered) for part_id, _, part, unanswered in old}
    result = []
    for part_id, title, part, unanswered in new:
        before, before_unanswered = old_by_id.pop(part_id, (None, 0))
        result.append(
            PartChange(
                part_id,
                title,
                before.score if before else None,
                before.max_points if before else None,
                part.score,
                part.max_points,
                old_unanswered=before_unanswered,
                new_unanswered=unanswered,
            )
        )
    for part_id, title, part, unanswered in old:
        if part_id in old_by_id:
            result.append(
                PartChange(part_id, title, part.score, part.max_points, None, None, old_unanswered=unanswered)
            )
    return result


def _table_unanswered(table: TableResult) -> int:
    return sum(_unanswered(section.items) for section in table.sections)


def _unanswered(items: Sequence[ItemResult]) -> int:
    return sum(1 for item in items if item.applicable and not item.answered)


# --- facts in plain words -------------------------------------------------------------------------


def fact_changes(
    old_answers: Answers, old_pack: CriteriaPack, new_answers: Answers, new_pack: CriteriaPack
) -> list[str]:
    """The facts that differ, each as a short sentence (e.g. "中心总面积 180 m² → 230 m²").

    Worded by the packs: a checklist group's ticks and a catalogue's entries are listed
    under their headings ("新增宣传展示内容：…", "新设功能区：…"); a rate is shown
    instead of the two facts it is computed from.
    """
    old_facts = resolve_facts(old_pack, old_answers)
    new_facts = resolve_facts(new_pack, new_answers)
    words = _Words(old_pack, new_pack, old_facts, new_facts)
    lines: list[str] = []
    ticks: dict[str, tuple[FactGroup, list[str], list[str]]] = {}
    hidden = old_pack.ratio_inputs() | new_pack.ratio_inputs()
    declared = {f.id: f for f in old_pack.facts} | {f.id: f for f in new_pack.facts}
    for fact_id, fact in declared.items():
        before, after = old_facts.get(fact_id), new_facts.get(fact_id)
        if fact_id in hidden or before == after:
            continue
        group = new_pack.fact_group_of(fact_id) or old_pack.fact_group_of(fact_id)
        if fact.type == "bool" and group is not None and group.added_heading and group.removed_heading:
            _, added, removed = ticks.setdefault(group.label, (group, [], []))
            (added if after else removed).append(fact.label)
            continue
        lines.append(words.change(fact_id, fact.label))
    for group, added, removed in ticks.values():
        lines += _listed(group.added_heading or "", added) + _listed(group.removed_heading or "", removed)
    derived = {d.id: d for d in old_pack.derived_facts} | {d.id: d for d in new_pack.derived_facts}
    for fact_id, computed in derived.items():
        if old_facts.get(fact_id) != new_facts.get(fact_id):
            lines.append(words.change(fact_id, computed.label))
    catalogs = {c.id: c for c in old_pack.catalogs} | {c.id: c for c in new_pack.catalogs}
    for catalog in catalogs.values():
        ids = [catalog.fact_id(e.id) for e in catalog.entries]
        ids += [
            k
            for k in {**old_facts, **new_facts}
            if k not in ids and _in_catalog(old_pack, new_pack, k, catalog)
        ]
        added = [words.label(k) for k in ids if new_facts.get(k) and not old_facts.get(k)]
        removed = [words.label(k) for k in ids if old_facts.get(k) and not new_facts.get(k)]
        lines += _listed(catalog.added_heading, added) + _listed(catalog.removed_heading, removed)
    return lines


def _in_catalog(old_pack: CriteriaPack, new_pack: CriteriaPack, fact_id: str, catalog: Catalog) -> bool:
    found = old_pack.catalog_fact(fact_id) or new_pack.catalog_fact(fact_id)
    return found is not None and found[0].id == catalog.id


def _listed(heading: str, labels: list[str]) -> list[str]:
    return [f"{heading}：" + "、".join(labels)] if labels else []


@dataclass(frozen=True)
class _Words:
    """Labels and values as the newer pack words them (the older one for what it alone knows)."""

    old_pack: CriteriaPack
    new_pack: CriteriaPack
    old_facts: Mapping[str, FactValue]
    new_facts: Mapping[str, FactValue]

    def _pack(self, fact_id: str) -> CriteriaPack:
        return self.new_pack if fact_id in self.new_pack.known_facts() else self.old_pack

    def label(self, fact_id: str) -> str:
        return self._pack(fact_id).fact_label(fact_id)

    def value(self, fact_id: str, value: FactValue | None) -> str:
        return "未填写" if value is None else self._pack(fact_id).value_text(fact_id, value)

    def change(self, fact_id: str, label: str) -> str:
        before = self.value(fact_id, self.old_facts.get(fact_id))
        after = self.value(fact_id, self.new_facts.get(fact_id))
        return f"{label} {before} → {after}"
