"""A criteria pack's internal consistency: numbering, points, rules, vocabulary.

Every problem is a Chinese line naming where it is; :class:`CriteriaPack` refuses
a pack with any (``dqsa criteria check`` prints them all).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, get_args

from dqsa.domain.criteria import (
    CHECKLIST_RULES,
    Item,
    ManualRule,
    ShareOfStaffRule,
    Table,
    ThresholdRule,
    rule_facts,
)
from dqsa.domain.numbers import is_multiple
from dqsa.domain.text import describe, refused_characters
from dqsa.domain.vocabulary import ITEM_TARGET, ProfileFieldName, Ratio, RosterCount

if TYPE_CHECKING:
    from dqsa.domain.criteria import CriteriaPack

#: The fact types each rule may read.
_RULE_FACT_TYPES: dict[str, set[str]] = {
    "yes_no": {"bool"},
    "share_of_list": {"bool"},
    "share_of_staff": {"int"},
    "count_toward_target": {"int", "number"},
    "threshold_by_level": {"int", "number", "rate"},
}


def pack_problems(pack: CriteriaPack) -> list[str]:
    """Everything inconsistent in ``pack``; an empty list means it is usable."""
    problems: list[str] = []
    level_codes = [lv.code for lv in pack.levels]
    page_ids = {p.id for p in pack.pages}
    problems += _duplicates("级别代码", level_codes)
    problems += _duplicates("事实", [f.id for f in pack.facts])
    problems += _duplicates("页面", [p.id for p in pack.pages])
    problems += [f"事实 {f.id}：页面 {f.page} 未定义" for f in pack.facts if f.page not in page_ids]
    problems += _vocabulary_problems(pack, page_ids)
    known = pack.known_facts()
    all_ids: list[str] = []
    for table in pack.tables:
        problems += _table_problems(pack, table, known, set(level_codes), page_ids, all_ids)
    problems += _duplicates("条目", all_ids)
    problems += [f"id_map：新条目 {new} 不存在" for new in pack.id_map.values() if new not in all_ids]
    problems += _text_problems(pack.model_dump(mode="python", by_alias=True))
    return problems


def _text_problems(data: object, where: str = "") -> list[str]:
    """Texts of the pack holding characters no report or workbook can show (see :mod:`dqsa.domain.text`)."""
    if isinstance(data, str):
        bad = refused_characters(data)
        if not bad:
            return []
        shown = "、".join(describe(char) for char in bad[:3])
        return [f"{where or '标准包'}：文字中含有不能使用的隐藏字符（{shown}）"]
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _text_problems(value, f"{where}.{key}".strip("."))]
    if isinstance(data, list | tuple):
        return [p for n, value in enumerate(data) for p in _text_problems(value, f"{where}[{n}]")]
    return []


# --- the scoring table -----------------------------------------------------------------------


def _table_problems(
    pack: CriteriaPack,
    table: Table,
    known: dict[str, str],
    levels: set[str],
    pages: set[str],
    all_ids: list[str],
) -> list[str]:
    problems: list[str] = []
    scored = pack.kind == "scored"
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
            problems += [f"{where}：适用级别 {c} 未定义" for c in item.applies_to or [] if c not in levels]
            problems += _rule_problems(pack, where, item, known, levels)
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


def _rule_problems(
    pack: CriteriaPack, where: str, item: Item, known: dict[str, str], levels: set[str]
) -> list[str]:
    rule = item.rule
    problems: list[str] = []
    if pack.kind == "checklist" and rule.type not in CHECKLIST_RULES:
        problems.append(f"{where}：核查清单不能使用规则 {rule.type}")
    if pack.kind == "scored" and rule.type == "checklist":
        problems.append(f"{where}：计分标准包不能使用规则 checklist")
    wanted = _RULE_FACT_TYPES.get(rule.type, set())
    for fact in rule_facts(rule):
        if fact not in known:
            problems.append(f"{where}：规则读取的事实 {fact} 未定义")
        elif known[fact] not in wanted:
            problems.append(f"{where}：事实 {fact} 的类型 {known[fact]} 不适用于规则 {rule.type}")
    if isinstance(rule, ShareOfStaffRule):
        counted = {d.id for d, _ in pack.roster_counts()}
        problems += [
            f"{where}：{fact} 不是由工作人员名单计数的推导事实"
            for fact in (rule.fact, rule.of)
            if fact in known and fact not in counted
        ]
    if isinstance(rule, ThresholdRule):
        problems += [f"{where}：阈值中的级别 {c} 未定义" for c in rule.by_level if c not in levels]
        applies = set(item.applies_to or levels)
        missing = sorted(c for c in applies if rule.minimum_for(c) is None)
        if missing:
            problems.append(f"{where}：级别 {'、'.join(missing)} 没有阈值")
    if isinstance(rule, ManualRule) and item.max_points and not is_multiple(item.max_points, rule.step):
        problems.append(f"{where}：分值 {item.max_points} 不是步长 {rule.step} 的整数倍")
    return problems


# --- the vocabulary --------------------------------------------------------------------------


def _vocabulary_problems(pack: CriteriaPack, pages: set[str]) -> list[str]:
    from dqsa.domain.answers import catalog_lists, roster_flags

    problems: list[str] = []
    lists = catalog_lists()
    problems += _duplicates("目录", [c.id for c in pack.catalogs])
    problems += _duplicates("目录的答卷字段", [c.answers for c in pack.catalogs])
    for catalog in pack.catalogs:
        where = f"目录 {catalog.id}"
        if catalog.id == ITEM_TARGET:
            problems.append(f"{where}：代码 {ITEM_TARGET} 留给附在条目上的证明材料，目录请换一个代码")
        problems += _duplicates(f"{where} 的条目", [e.id for e in catalog.entries])
        if catalog.page not in pages:
            problems.append(f"{where}：页面 {catalog.page} 未定义")
        shape = lists.get(catalog.answers)
        if shape is None:
            problems.append(f"{where}：答卷没有列表 {catalog.answers}（可用：{'、'.join(sorted(lists))}）")
            continue
        if catalog.flag not in shape.flags:
            problems.append(f"{where}：答卷 {catalog.answers} 的条目没有是/否字段 {catalog.flag}")
        if catalog.area and not shape.has_area:
            problems.append(f"{where}：答卷 {catalog.answers} 的条目不能填面积")
    problems += _duplicates("事实分组", [g.label for g in pack.fact_groups])
    for group in pack.fact_groups:
        members = pack.group_facts(group.label)
        if not members:
            problems.append(f"事实分组 {group.label}：没有事实属于这个分组")
        if group.style == "checklist":
            problems += [
                f"事实分组 {group.label}：勾选清单中的 {f.id} 应是是/否事实"
                for f in members
                if f.type != "bool"
            ]
    problems += _derived_problems(pack, roster_flags())
    if pack.roster is not None and pack.roster.page not in pages:
        problems.append(f"工作人员名单：页面 {pack.roster.page} 未定义")
    if pack.profile.page not in pages:
        problems.append(f"中心概况：页面 {pack.profile.page} 未定义")
    declared = [f.field for f in pack.profile.fields]
    problems += _duplicates("中心概况字段", declared)
    problems += [
        f"中心概况：字段 {name} 没有说明是否长期沿用"
        for name in get_args(ProfileFieldName)
        if name not in declared
    ]
    every = (
        [f.id for f in pack.facts]
        + [c.fact_id(e.id) for c in pack.catalogs for e in c.entries]
        + [d.id for d in pack.derived_facts]
    )
    problems += _duplicates("事实（含目录条目与推导事实）", every)
    return problems


def _derived_problems(pack: CriteriaPack, flags: frozenset[str]) -> list[str]:
    problems = _duplicates("推导事实", [d.id for d in pack.derived_facts])
    counts = {d.id for d, _ in pack.roster_counts()}
    for derived in pack.derived_facts:
        where = f"推导事实 {derived.id}"
        how = derived.derive
        if isinstance(how, RosterCount):
            if pack.roster is None:
                problems.append(f"{where}：标准包没有工作人员名单（roster）")
            if how.flag is not None and how.flag not in flags:
                problems.append(f"{where}：名单没有是/否列 {how.flag}（可用：{'、'.join(sorted(flags))}）")
            if derived.type != "int":
                problems.append(f"{where}：人数的类型应为 int")
        elif isinstance(how, Ratio):
            for fact in (how.part, how.whole):
                declared = pack.fact_def(fact)
                if fact in counts:
                    continue
                if declared is None:
                    problems.append(f"{where}：比例读取的事实 {fact} 未定义")
                elif declared.type == "bool":
                    problems.append(f"{where}：比例读取的事实 {fact} 应是数字")
            if derived.type != "rate":
                problems.append(f"{where}：比例的类型应为 rate")
    return problems


def _duplicates(what: str, ids: Sequence[str]) -> list[str]:
    counts = Counter(ids)
    return [f"{what}编号重复：{d}" for d in sorted(i for i, n in counts.items() if n > 1)]
