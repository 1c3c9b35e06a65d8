"""Criteria packs: a published standard's scoring table, as validated data.

A pack names its levels, the facts its rules read, its vocabulary (catalogues of
zones, mechanisms and ledgers, fact groups, derived facts, the staff roster, the
profile fields: :mod:`dqsa.domain.vocabulary`), what lasts from one year to the
next, and its tables → sections → items. Every item has a stable id, the
standard's wording, its points and a rule. The rule *types* are implemented by
:mod:`dqsa.domain.scoring`; their parameters are the pack's data, so a county can
change a threshold without touching code.

This module validates a pack given as plain data (a ``dict``); reading YAML or
JSON files is :mod:`dqsa.packs`' job. A pack of format 1 (written before the
vocabulary was data) is upgraded on reading (:mod:`dqsa.domain.legacy`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationInfo, model_validator

from dqsa.domain.legacy import PACK_SCHEMA_1, upgrade_pack_data
from dqsa.domain.numbers import fmt, percent

# The vocabulary's models are part of a pack: importable from here as before (re-exported).
from dqsa.domain.vocabulary import (
    FACT_ID_PATTERN,
    ID_PATTERN,
    ITEM_TARGET,
    Ratio,
    RosterCount,
    split_catalog_fact_id,
)
from dqsa.domain.vocabulary import Catalog as Catalog
from dqsa.domain.vocabulary import CatalogEntry as CatalogEntry
from dqsa.domain.vocabulary import DerivedFact as DerivedFact
from dqsa.domain.vocabulary import FactGroup as FactGroup
from dqsa.domain.vocabulary import Profile as Profile
from dqsa.domain.vocabulary import Roster as Roster
from dqsa.domain.vocabulary import catalog_fact_id as catalog_fact_id

PACK_SCHEMA = "dqsa-criteria/2"
#: No item is worth more than this; a section or table no more than MAX_TOTAL_POINTS.
MAX_ITEM_POINTS = Decimal(1000)
MAX_TOTAL_POINTS = Decimal(100_000)

_ID = ID_PATTERN
_FACT_ID = FACT_ID_PATTERN
_ITEM_ID = r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Level(_Model):
    """A level (type) of center the standard distinguishes, e.g. 村(社区)."""

    code: Annotated[str, Field(pattern=_ID)]
    label: Annotated[str, Field(min_length=1)]


class FactDef(_Model):
    """A fact the center answers directly, and that rules may read."""

    id: Annotated[str, Field(pattern=_FACT_ID)]
    label: Annotated[str, Field(min_length=1)]
    type: Literal["bool", "int", "number"]
    page: Annotated[str, Field(pattern=_ID)]
    unit: str | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    group: str | None = None
    help: str | None = None
    lasts: bool = Field(description="true：长期不变，新年度沿用上年答案；false：每年重新填写")
    lasts_why: str | None = Field(default=None, description="为什么这样判断（不明显时写明）")


# --- rules -------------------------------------------------------------------


class ManualRule(_Model):
    """The assessor gives a score from 0 to the item's maximum, in steps."""

    type: Literal["manual"]
    step: Annotated[Decimal, Field(gt=0)] = Decimal("0.5")


class ChecklistRule(_Model):
    """The assessor marks the item met, not met or not applicable."""

    type: Literal["checklist"]


class YesNoRule(_Model):
    """Full marks (or met) when a yes/no fact is yes, else zero."""

    type: Literal["yes_no"]
    fact: str


class LevelMinimum(_Model):
    """A level's own threshold, optionally on another fact than the rule's."""

    value: Decimal
    fact: str | None = None


class ThresholdRule(_Model):
    """Full marks (or met) when a fact reaches the center level's threshold."""

    type: Literal["threshold_by_level"]
    fact: str
    comparison: Literal["at_least", "greater_than"] = "at_least"
    value: Decimal | None = None
    by_level: dict[str, Decimal | LevelMinimum] = Field(default_factory=dict)

    def minimum_for(self, level: str) -> tuple[str, Decimal] | None:
        """The (fact, threshold) that applies to ``level``, or None if none does."""
        entry = self.by_level.get(level)
        if isinstance(entry, LevelMinimum):
            return entry.fact or self.fact, entry.value
        if entry is not None:
            return self.fact, entry
        if self.value is not None:
            return self.fact, self.value
        return None


class ShareOfListRule(_Model):
    """Max × (yes facts ÷ facts listed)."""

    type: Literal["share_of_list"]
    facts: Annotated[list[str], Field(min_length=1)]


class ShareOfStaffRule(_Model):
    """Max × (``fact`` ÷ ``of``), two counts of the staff roster; no staff scores zero."""

    type: Literal["share_of_staff"]
    fact: str
    of: str


class CountTargetRule(_Model):
    """Max × min(count ÷ target, 1)."""

    type: Literal["count_toward_target"]
    fact: str
    target: Annotated[Decimal, Field(gt=0)]


Rule = Annotated[
    ManualRule
    | ChecklistRule
    | YesNoRule
    | ThresholdRule
    | ShareOfListRule
    | ShareOfStaffRule
    | CountTargetRule,
    Field(discriminator="type"),
]

#: Rules a checklist pack may use: each must end in met / not met.
CHECKLIST_RULES = frozenset({"checklist", "yes_no", "threshold_by_level"})


def rule_facts(rule: Rule) -> list[str]:
    """Every fact id a rule may read (all levels)."""
    match rule:
        case YesNoRule() | CountTargetRule():
            return [rule.fact]
        case ThresholdRule():
            extra = [e.fact for e in rule.by_level.values() if isinstance(e, LevelMinimum) and e.fact]
            return [rule.fact, *extra]
        case ShareOfListRule():
            return list(rule.facts)
        case ShareOfStaffRule():
            return [rule.fact, rule.of]
    return []


def _own_facts(rule: Rule, level: str) -> list[str]:
    """What a rule reads at ``level`` that a person answers: the level's own threshold
    fact, and the numerator only of a staff share (its denominator is the roster)."""
    if isinstance(rule, ThresholdRule):
        found = rule.minimum_for(level)
        return [found[0]] if found else []
    if isinstance(rule, ShareOfStaffRule):
        return [rule.fact]
    return rule_facts(rule)


# --- structure -----------------------------------------------------------------


class Item(_Model):
    """One line of a scoring table."""

    id: Annotated[str, Field(pattern=_ITEM_ID)]
    number: Annotated[int, Field(ge=1)]
    text: Annotated[str, Field(min_length=1)]
    max_points: Annotated[Decimal, Field(gt=0, le=MAX_ITEM_POINTS)] | None = None
    rule: Rule
    page: Annotated[str, Field(pattern=_ID)]
    applies_to: list[str] | None = None
    clause: str | None = None

    def applies_to_level(self, level: str) -> bool:
        """Whether centers of this level are assessed on this item (all levels unless listed)."""
        return self.applies_to is None or level in self.applies_to


class Section(_Model):
    """A 项目 of a table (e.g. 选址要求 10分)."""

    id: Annotated[str, Field(pattern=_ITEM_ID)]
    title: Annotated[str, Field(min_length=1)]
    max_points: Annotated[Decimal, Field(gt=0, le=MAX_TOTAL_POINTS)] | None = None
    items: Annotated[list[Item], Field(min_length=1)]


class Table(_Model):
    """A scoring table (e.g. 表A.1 建设工作)."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$")]
    title: Annotated[str, Field(min_length=1)]
    short_title: Annotated[str, Field(min_length=1)]
    max_points: Annotated[Decimal, Field(gt=0, le=MAX_TOTAL_POINTS)] | None = None
    sections: Annotated[list[Section], Field(min_length=1)]


class Source(_Model):
    """The document a pack was taken from."""

    document: Annotated[str, Field(min_length=1)]
    issuer: str
    part: str
    kind: Literal["standard", "explanatory_note"]
    note: str | None = None


class Page(_Model):
    """A wizard page the pack's facts and items are shown on."""

    id: Annotated[str, Field(pattern=_ID)]
    title: Annotated[str, Field(min_length=1)]
    intro: str | None = Field(default=None, description="页面标题下的一段填写说明")


class CriteriaPack(_Model):
    """A whole criteria pack; construction validates its internal consistency."""

    schema_: Literal["dqsa-criteria/2"] = Field(alias="schema")
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    title: Annotated[str, Field(min_length=1)]
    kind: Literal["scored", "checklist"]
    source: Source
    levels: Annotated[list[Level], Field(min_length=1)]
    pages: Annotated[list[Page], Field(min_length=1)]
    profile: Profile
    roster: Roster | None = None
    facts: list[FactDef] = Field(default_factory=list)
    fact_groups: list[FactGroup] = Field(default_factory=list)
    catalogs: list[Catalog] = Field(default_factory=list)
    derived_facts: list[DerivedFact] = Field(default_factory=list)
    tables: Annotated[list[Table], Field(min_length=1)]
    id_map: dict[str, str] = Field(default_factory=dict)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    # -- the scoring table ------------------------------------------------------

    def items(self) -> Iterator[tuple[Table, Section, Item]]:
        """Every item with its table and section, in table order."""
        for table in self.tables:
            for section in table.sections:
                for item in section.items:
                    yield table, section, item

    def item(self, item_id: str) -> Item | None:
        """The item with this id, or None."""
        return next((item for _, _, item in self.items() if item.id == item_id), None)

    def level_label(self, code: str) -> str:
        """The Chinese label of a level code (the code itself if unknown)."""
        return next((lv.label for lv in self.levels if lv.code == code), code)

    def page(self, page_id: str) -> Page | None:
        """The page with this id, or None."""
        return next((p for p in self.pages if p.id == page_id), None)

    def target_order(self, target_kind: str, target_id: str) -> tuple[int, int, int, int, str]:
        """Where a piece of evidence's target stands in the standard, to sort by: its page (the
        standard's parts in order), on a page the catalogues before the items, each in the pack's
        order. A target the pack does not know comes last, by its id."""
        pages = {page.id: n for n, page in enumerate(self.pages)}
        if target_kind == ITEM_TARGET:
            for n, (_, _, item) in enumerate(self.items()):
                if item.id == target_id:
                    return pages.get(item.page, len(pages)), 1, 0, n, ""
        for k, catalog in enumerate(self.catalogs):
            if catalog.id == target_kind:
                for n, entry in enumerate(catalog.entries):
                    if entry.id == target_id:
                        return pages.get(catalog.page, len(pages)), 0, k, n, ""
        return len(pages) + 1, 0, 0, 0, f"{target_kind}/{target_id}"

    # -- facts ------------------------------------------------------------------

    def fact_def(self, fact_id: str) -> FactDef | None:
        """The declared fact with this id, or None (derived and catalogue facts are not declared)."""
        return next((f for f in self.facts if f.id == fact_id), None)

    def derived_fact(self, fact_id: str) -> DerivedFact | None:
        """The derived fact with this id, or None."""
        return next((d for d in self.derived_facts if d.id == fact_id), None)

    def fact_label(self, fact_id: str) -> str:
        """A human label for any fact a rule may read (the id itself if unknown)."""
        declared = self.fact_def(fact_id)
        if declared:
            return declared.label
        derived = self.derived_fact(fact_id)
        if derived:
            return derived.label
        found = self.catalog_fact(fact_id)
        return found[1].label if found else fact_id

    def fact_unit(self, fact_id: str) -> str | None:
        """The unit a fact's number is given in (None for yes/no facts and rates)."""
        declared = self.fact_def(fact_id)
        if declared:
            return declared.unit
        derived = self.derived_fact(fact_id)
        return derived.unit if derived else None

    def known_facts(self) -> dict[str, str]:
        """Every fact id a rule may read, with its value type ("bool", "int", "number", "rate")."""
        known: dict[str, str] = {f.id: f.type for f in self.facts}
        for catalog in self.catalogs:
            known.update({catalog.fact_id(e.id): "bool" for e in catalog.entries})
        known.update({d.id: d.type for d in self.derived_facts})
        return known

    def yes_no_words(self, fact_id: str) -> tuple[str, str]:
        """How "yes" and "no" are said for a yes/no fact (已设置 / 未设置 for a zone)."""
        found = self.catalog_fact(fact_id)
        if found:
            return found[0].yes_word, found[0].no_word
        group = self.fact_group_of(fact_id)
        if group:
            return group.yes_word, group.no_word
        return "是", "否"

    def value_text(self, fact_id: str, value: bool | int | Decimal) -> str:
        """A fact's value as a person reads it: "150 m²", "已设置", "87.5%"."""
        if isinstance(value, bool):
            yes, no = self.yes_no_words(fact_id)
            return yes if value else no
        derived = self.derived_fact(fact_id)
        if derived is not None and derived.type == "rate":
            return f"{fmt(percent(Decimal(value), Decimal(1)))}%"
        unit = self.fact_unit(fact_id)
        return f"{fmt(Decimal(value))} {unit}" if unit else fmt(Decimal(value))

    def rule_inputs(self, rule: Rule, level: str) -> list[str]:
        """The facts a center answers for ``rule`` at ``level``, in order.

        Unlike :func:`rule_facts` (every fact the rule may read, for checking a pack),
        this is what a person fills in: only the level's own threshold fact, the staff
        share's numerator, and a rate's two facts instead of the rate.
        """
        inputs: list[str] = []
        for fact in _own_facts(rule, level):
            derived = self.derived_fact(fact)
            if derived is not None and isinstance(derived.derive, Ratio):
                inputs += [derived.derive.whole, derived.derive.part]
            else:
                inputs.append(fact)
        return inputs

    def facts_checked_with(self, fact_id: str) -> set[str]:
        """The declared facts whose check depends on ``fact_id`` (itself, and the other
        fact of every rate it takes part in: a part may not exceed its whole)."""
        related = {fact_id}
        for derived in self.derived_facts:
            if isinstance(derived.derive, Ratio) and fact_id in {derived.derive.part, derived.derive.whole}:
                related |= {derived.derive.part, derived.derive.whole}
        return related

    def ratio_inputs(self) -> set[str]:
        """The declared facts that are only the inputs of a rate (shown through the rate)."""
        return {
            fact
            for d in self.derived_facts
            if isinstance(d.derive, Ratio)
            for fact in (d.derive.part, d.derive.whole)
        }

    def roster_counts(self) -> list[tuple[DerivedFact, RosterCount]]:
        """The derived facts counted from the staff roster, with how."""
        return [(d, d.derive) for d in self.derived_facts if isinstance(d.derive, RosterCount)]

    # -- fact groups --------------------------------------------------------------

    def fact_group(self, label: str) -> FactGroup | None:
        """The declared group with this label, or None (an undeclared group is a plain heading)."""
        return next((g for g in self.fact_groups if g.label == label), None)

    def fact_group_of(self, fact_id: str) -> FactGroup | None:
        """The declared group of a declared fact, or None."""
        declared = self.fact_def(fact_id)
        return self.fact_group(declared.group) if declared and declared.group else None

    def group_facts(self, label: str) -> list[FactDef]:
        """The declared facts of a group, in pack order."""
        return [f for f in self.facts if f.group == label]

    def is_checklist_fact(self, fact_id: str) -> bool:
        """Whether a fact is a tick of a checklist group (shown as a check box, not a question)."""
        group = self.fact_group_of(fact_id)
        return group is not None and group.style == "checklist"

    # -- catalogues ---------------------------------------------------------------

    def catalog(self, catalog_id: str) -> Catalog | None:
        """The catalogue with this id (e.g. the zones), or None."""
        return next((c for c in self.catalogs if c.id == catalog_id), None)

    def catalog_for_answers(self, field: str) -> Catalog | None:
        """The catalogue kept in this list of the answers file, or None."""
        return next((c for c in self.catalogs if c.answers == field), None)

    def catalog_fact(self, fact_id: str) -> tuple[Catalog, CatalogEntry] | None:
        """The catalogue and entry a fact id names (``zone.reception``), or None."""
        catalog_id, entry_id = split_catalog_fact_id(fact_id)
        catalog = self.catalog(catalog_id)
        entry = catalog.entry(entry_id) if catalog is not None else None
        return (catalog, entry) if catalog is not None and entry is not None else None

    # -- identity -------------------------------------------------------------------

    def content_hash(self) -> str:
        """SHA-256 of the pack's canonical JSON form (stable across file formats)."""
        return pack_data_digest(self.model_dump(mode="json", by_alias=True))

    # -- reading and consistency -----------------------------------------------------

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: object, info: ValidationInfo) -> object:
        """A pack of format 1 gets the vocabulary that format implied (see :mod:`legacy`)."""
        if isinstance(data, dict) and data.get("schema") == PACK_SCHEMA_1:
            reference = (info.context or {}).get("reference")
            return upgrade_pack_data(data, reference if isinstance(reference, CriteriaPack) else None)
        return data

    @model_validator(mode="after")
    def _check_consistency(self) -> CriteriaPack:
        from dqsa.domain.pack_checks import pack_problems

        problems = pack_problems(self)
        if problems:
            raise ValueError("评分标准包内容不一致：\n" + "\n".join(problems))
        return self


def pack_data_digest(data: object) -> str:
    """SHA-256 of plain pack data in canonical JSON form.

    ``CriteriaPack.content_hash()`` is this of the pack's own dump. For a pack stored
    or sent by an earlier program (format 1), this of the data *as written* is the
    digest that program recorded (in the center file and in a packet's manifest).
    """
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def pack_json_schema() -> dict[str, JsonValue]:
    """The JSON Schema of a criteria pack file (shipped in resources/ for editors)."""
    return CriteriaPack.model_json_schema(by_alias=True)
