"""Which year a new assessment may be for, and what starting from an earlier year carries over.

One place for the rule and its words, for the window's dialog and ``dqsa new-year``
(plain Python: no Qt). A center assesses a year once it has ended or while it runs: in
January–March the year just ended is the one still to assess, later in the year the
current one. A year missed in the past can still be created, within reason.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # plain words at import time: the pack is only read when asked
    from dqsa.domain.criteria import CriteriaPack, FactDef

#: How many years back a missed assessment can still be created…
YEARS_BACK = 10
#: …and how far ahead (none: a year that has not begun cannot be assessed).
YEARS_AHEAD = 0
#: Until the end of this month, the year just ended is the one suggested.
LAST_MONTH_OF_LAST_YEAR = 3


def QT_TR_NOOP(text: str) -> str:  # the name Qt's lupdate looks for
    """Marks text for the translation file; the window translates it when showing it."""
    return text


#: What “start from an earlier year” copies, in plain words: the one place it is said, for the
#: window's dialog and ``dqsa new-year``. The lists come from the pack (:func:`carried_and_yearly`).
CARRIED = QT_TR_NOOP("会复制 {0} 年度填写的长期不变的情况：{1}；照片和文件随所属内容一起复制。")
YEARLY = QT_TR_NOOP("每年重新填写的不复制：{0}（新年度中标为“待更新”）。")
NEVER_CARRIED = QT_TR_NOOP("人工评分、更正、说明、改进措施和签署都不复制。新建后请逐页核对。")
#: A catalogue only some of whose entries last: “台账中的服务手册” lasts, “其他台账” does not.
SOME_OF = QT_TR_NOOP("{0}中的{1}")
THE_OTHER = QT_TR_NOOP("其他{0}")


def carried_and_yearly(
    pack: CriteriaPack, translate: Callable[[str], str] = str
) -> tuple[list[str], list[str]]:
    """What a new year copies from an earlier one and what starts empty, as the pack names them.

    In the order of the pack's pages: the profile fields, the roster, each group of facts
    each catalogue (by its name, or the entries that differ), each group of facts (by its name
    when all its facts agree, else the facts that differ by their own), each fact without a group.
    """
    carried: list[str] = []
    yearly: list[str] = []

    def put(label: str, lasts: bool) -> None:
        listed = carried if lasts else yearly
        label = f"“{label}”" if "、" in label else label  # a label that is itself a list stays one
        if label not in listed:
            listed.append(label)

    for field in pack.profile.fields:
        put(field.label, field.lasts)
    for page in pack.pages:
        if pack.roster is not None and pack.roster.page == page.id:
            put(pack.roster.label, pack.roster.lasts)
        for catalog in (c for c in pack.catalogs if c.page == page.id):
            lasting = [e.label for e in catalog.entries if catalog.entry_lasts(e)]
            if len(lasting) in {0, len(catalog.entries)}:
                put(catalog.label, bool(lasting))
            elif catalog.lasts:  # most last: the catalogue by name, the exceptions by their own
                put(catalog.label, True)
                for entry in catalog.entries:
                    if not catalog.entry_lasts(entry):
                        put(entry.label, False)
            else:
                put(translate(SOME_OF).format(catalog.label, "、".join(lasting)), True)
                put(translate(THE_OTHER).format(catalog.label), False)
        facts = [f for f in pack.facts if f.page == page.id]
        for fact in facts:
            group = [f for f in facts if fact.group and f.group == fact.group]
            if not group:
                put(fact.label, fact.lasts)
            elif all(f.lasts == fact.lasts for f in group) or fact.lasts == _most(group):
                put(fact.group or fact.label, fact.lasts)
            else:
                put(fact.label, fact.lasts)
    return carried, yearly


def _most(facts: list[FactDef]) -> bool:
    """Whether most of a group's facts last (ties: they do)."""
    return 2 * sum(f.lasts for f in facts) >= len(facts)


#: When the pack is not at hand (it could not be read): the rule without the lists.
CARRIED_BY_THE_PACK = QT_TR_NOOP(
    "会复制 {0} 年度填写的长期不变的情况（评分标准规定哪些内容长期不变）；"
    "每年重新填写的不复制，新年度中标为“待更新”。"
)


def carry_over(pack: CriteriaPack | None, from_year: int, translate: Callable[[str], str] = str) -> str:
    """What starting from ``from_year`` copies and what it leaves empty, in plain words."""
    if pack is None:
        return translate(CARRIED_BY_THE_PACK).format(from_year) + translate(NEVER_CARRIED)
    carried, yearly = carried_and_yearly(pack, translate)
    parts = [translate(CARRIED).format(from_year, "、".join(carried) or "—")]
    if yearly:
        parts.append(translate(YEARLY).format("、".join(yearly)))
    parts.append(translate(NEVER_CARRIED))
    return "".join(parts)


def default_year(today: date) -> int:
    """The year to assess: the one just ended during January–March, else the current one."""
    return today.year - 1 if today.month <= LAST_MONTH_OF_LAST_YEAR else today.year


def year_range(today: date) -> range:
    """Every year an assessment may be created for."""
    return range(today.year - YEARS_BACK, today.year + YEARS_AHEAD + 1)


def offered_years(existing: Collection[int], today: date) -> list[int]:
    """The years not yet in the file, newest first."""
    return [year for year in reversed(year_range(today)) if year not in existing]


def suggested_year(existing: Collection[int], today: date) -> int | None:
    """The default year if it is free; else the nearest free one (later years first)."""
    offered = offered_years(existing, today)
    if not offered:
        return None
    default = default_year(today)
    return min(offered, key=lambda year: (abs(year - default), -year))


def earlier_year(existing: Collection[int], year: int) -> int | None:
    """The latest year in the file before ``year`` (the one a new year may start from)."""
    return max((y for y in existing if y < year), default=None)


def year_problem(year: int, existing: Collection[int], today: date) -> str | None:
    """Why an assessment cannot be created for ``year`` (None: it can)."""
    if year in existing:
        return f"{year} 年度的自评已经存在，请直接打开它。"
    span = year_range(today)
    if year not in span:
        return f"年度 {year} 超出范围：只能新建 {span.start}–{span[-1]} 年度的自评。"
    return None
