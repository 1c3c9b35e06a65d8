"""Criteria packs: a published standard's scoring table, as validated data.

A pack names its levels, the facts its rules read, the catalogues of zones,
mechanisms and ledgers a center answers about, and its tables → sections → items.
Every item has a stable id, the standard's wording, its points and a rule. The
rule *types* are implemented by :mod:`dqsa.domain.scoring`; their parameters are
the pack's data, so a county can change a threshold without touching code.

This module validates a pack given as plain data (a ``dict``); reading YAML or
JSON files is :mod:`dqsa.packs`' job.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, model_validator

from dqsa.domain.numbers import is_multiple

PACK_SCHEMA = "dqsa-criteria/1"

#: No item is worth more than this; a section or table no more than MAX_TOTAL_POINTS.
MAX_ITEM_POINTS = Decimal(1000)
MAX_TOTAL_POINTS = Decimal(100_000)

_ID = r"^[a-z][a-z0-9_]*$"
_FACT_ID = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$"
_ITEM_ID = r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$"

#: Facts the engine derives from structured answers; packs may read them by name.
DERIVED_FACTS: dict[str, str] = {
    "staff.count": "工作人员总数",
    "staff.full_time": "专职工作人员数",
    "staff.party_members": "党员工作人员数",
    "staff.trained": "受过培训的工作人员数",
    "survey.satisfaction_rate": "群众满意率",
}
#: The survey facts a pack must declare when it reads ``survey.satisfaction_rate``.
SURVEY_FACTS = ("survey.respondents", "survey.satisfied")


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


class CatalogEntry(_Model):
    """One entry of a catalogue (a functional zone, a mechanism, a ledger)."""

    id: Annotated[str, Field(pattern=_ID)]
    label: Annotated[str, Field(min_length=1)]
    group: str | None = None


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
    """Max × (staff with a property ÷ staff listed); zero staff scores zero."""

    type: Literal["share_of_staff"]
    fact: str = "staff.party_members"
    of: str = "staff.count"


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


def rule_inputs(rule: Rule, level: str) -> list[str]:
    """The facts a center answers for ``rule`` at ``level``, in order.

    Unlike :func:`rule_facts` (every fact the rule may read, for checking a pack),
    this is what a person fills in: only the level's own threshold fact, the staff
    share's numerator, and the two survey counts instead of the derived rate.
    """
    if isinstance(rule, ThresholdRule):
        found = rule.minimum_for(level)
        facts = [found[0]] if found else []
    elif isinstance(rule, ShareOfStaffRule):
        facts = [rule.fact]
    else:
        facts = rule_facts(rule)
    inputs: list[str] = []
    for fact in facts:
        inputs += list(SURVEY_FACTS) if fact == "survey.satisfaction_rate" else [fact]
    return inputs


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


class CriteriaPack(_Model):
    """A whole criteria pack; construction validates its internal consistency."""

    schema_: Literal["dqsa-criteria/1"] = Field(alias="schema")
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    title: Annotated[str, Field(min_length=1)]
    kind: Literal["scored", "checklist"]
    source: Source
    levels: Annotated[list[Level], Field(min_length=1)]
    pages: Annotated[list[Page], Field(min_length=1)]
    facts: list[FactDef] = Field(default_factory=list)
    zones: list[CatalogEntry] = Field(default_factory=list)
    mechanisms: list[CatalogEntry] = Field(default_factory=list)
    ledgers: list[CatalogEntry] = Field(default_factory=list)
    tables: Annotated[list[Table], Field(min_length=1)]
    id_map: dict[str, str] = Field(default_factory=dict)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    # -- look-ups ---------------------------------------------------------------

    def items(self) -> Iterator[tuple[Table, Section, Item]]:
        """Every item with its table and section, in table order."""
        for table in self.tables:
            for section in table.sections:
                for item in section.items:
                    yield table, section, item

    def item(self, item_id: str) -> Item | None:
        """The item with this id, or None."""
        return self._item_index().get(item_id)

    def level_label(self, code: str) -> str:
        """The Chinese label of a level code (the code itself if unknown)."""
        return next((lv.label for lv in self.levels if lv.code == code), code)

    def fact_def(self, fact_id: str) -> FactDef | None:
        """The declared fact with this id, or None (derived facts are not declared)."""
        return next((f for f in self.facts if f.id == fact_id), None)

    def fact_label(self, fact_id: str) -> str:
        """A human label for any fact a rule may read."""
        declared = self.fact_def(fact_id)
        if declared:
            return declared.label
        if fact_id in DERIVED_FACTS:
            return DERIVED_FACTS[fact_id]
        kind, _, entry_id = fact_id.partition(".")
        catalog = {"zone": self.zones, "mechanism": self.mechanisms, "ledger": self.ledgers}
        for entry in catalog.get(kind, []):
            if entry.id == entry_id:
                return entry.label
        return fact_id

    def known_facts(self) -> dict[str, str]:
        """Every fact id a rule may read, with its value type ("bool", "int", "number")."""
        known: dict[str, str] = {f.id: f.type for f in self.facts}
        known.update({f"zone.{z.id}": "bool" for z in self.zones})
        known.update({f"mechanism.{m.id}": "bool" for m in self.mechanisms})
        known.update({f"ledger.{x.id}": "bool" for x in self.ledgers})
        known.update({"staff.count": "int", "staff.full_time": "int"})
        known.update({"staff.party_members": "int", "staff.trained": "int"})
        if all(f in known for f in SURVEY_FACTS):
            known["survey.satisfaction_rate"] = "number"
        return known

    def content_hash(self) -> str:
        """SHA-256 of the pack's canonical JSON form (stable across file formats)."""
        canonical = json.dumps(
            self.model_dump(mode="json", by_alias=True),
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def _item_index(self) -> dict[str, Item]:
        return {item.id: item for _, _, item in self.items()}

    # -- consistency ------------------------------------------------------------

    @model_validator(mode="after")
    def _check_consistency(self) -> CriteriaPack:
        problems: list[str] = []
        level_codes = [lv.code for lv in self.levels]
        page_ids = {p.id for p in self.pages}
        problems += _duplicates("级别代码", level_codes)
        problems += _duplicates("事实", [f.id for f in self.facts])
        problems += _duplicates("页面", [p.id for p in self.pages])
        for name, catalog in (("功能区", self.zones), ("机制", self.mechanisms), ("台账", self.ledgers)):
            problems += _duplicates(name, [e.id for e in catalog])
        problems += [f"事实 {f.id}：页面 {f.page} 未定义" for f in self.facts if f.page not in page_ids]
        known = self.known_facts()
        all_ids: list[str] = []
        for table in self.tables:
            problems += self._check_table(table, known, set(level_codes), page_ids, all_ids)
        problems += _duplicates("条目", all_ids)
        problems += [f"id_map：新条目 {new} 不存在" for new in self.id_map.values() if new not in all_ids]
        if problems:
            raise ValueError("评分标准包内容不一致：\n" + "\n".join(problems))
        return self

    def _check_table(
        self,
        table: Table,
        known: dict[str, str],
        levels: set[str],
        pages: set[str],
        all_ids: list[str],
    ) -> list[str]:
        problems: list[str] = []
        scored = self.kind == "scored"
        section_sum = Decimal(0)
        for section in table.sections:
            if not section.id.startswith(table.id + "."):
                problems.append(f"分项 {section.id} 的编号应以 {table.id}. 开头")
            item_sum = Decimal(0)
            for number, item in enumerate(section.items, start=1):
                all_ids.append(item.id)
                where = f"条目 {item.id}"
                if item.id != f"{section.id}.{number}" or item.number != number:
                    problems.append(f"{where}：编号应为 {section.id}.{number}（序号 {number}）")
                if item.page not in pages:
                    problems.append(f"{where}：页面 {item.page} 未定义")
                problems += [
                    f"{where}：适用级别 {c} 未定义" for c in item.applies_to or [] if c not in levels
                ]
                problems += self._check_rule(where, item, known, levels)
                if scored and item.max_points is None:
                    problems.append(f"{where}：计分标准包的条目必须有分值")
                if not scored and item.max_points is not None:
                    problems.append(f"{where}：核查清单的条目不设分值")
                item_sum += item.max_points or 0
            if scored:
                if section.max_points != item_sum:
                    problems.append(f"分项 {section.id}：分值 {section.max_points} ≠ 条目合计 {item_sum}")
                section_sum += section.max_points or 0
        if scored and table.max_points != section_sum:
            problems.append(f"表 {table.id}：分值 {table.max_points} ≠ 分项合计 {section_sum}")
        return problems

    def _check_rule(self, where: str, item: Item, known: dict[str, str], levels: set[str]) -> list[str]:
        rule = item.rule
        problems: list[str] = []
        if self.kind == "checklist" and rule.type not in CHECKLIST_RULES:
            problems.append(f"{where}：核查清单不能使用规则 {rule.type}")
        if self.kind == "scored" and rule.type == "checklist":
            problems.append(f"{where}：计分标准包不能使用规则 checklist")
        for fact in rule_facts(rule):
            if fact not in known:
                problems.append(f"{where}：规则读取的事实 {fact} 未定义")
        wanted = {"yes_no": {"bool"}, "share_of_list": {"bool"}}.get(rule.type, {"int", "number"})
        for fact in rule_facts(rule):
            if fact in known and known[fact] not in wanted:
                problems.append(f"{where}：事实 {fact} 的类型 {known[fact]} 不适用于规则 {rule.type}")
        if isinstance(rule, ThresholdRule):
            problems += [f"{where}：阈值中的级别 {c} 未定义" for c in rule.by_level if c not in levels]
            applies = set(item.applies_to or levels)
            missing = sorted(c for c in applies if rule.minimum_for(c) is None)
            if missing:
                problems.append(f"{where}：级别 {'、'.join(missing)} 没有阈值")
        if isinstance(rule, ManualRule) and item.max_points and not is_multiple(item.max_points, rule.step):
            problems.append(f"{where}：分值 {item.max_points} 不是步长 {rule.step} 的整数倍")
        return problems


def _duplicates(what: str, ids: list[str]) -> list[str]:
    counts = Counter(ids)
    return [f"{what}编号重复：{d}" for d in sorted(i for i, n in counts.items() if n > 1)]


def pack_json_schema() -> dict[str, JsonValue]:
    """The JSON Schema of a criteria pack file (shipped in resources/ for editors)."""
    return CriteriaPack.model_json_schema(by_alias=True)
