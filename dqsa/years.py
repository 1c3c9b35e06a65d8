"""Which year a new assessment may be for, and what starting from an earlier year carries over.

One place for the rule and its words, for the window's dialog and ``dqsa new-year``
(plain Python: no Qt). A center assesses a year once it has ended or while it runs: in
January–March the year just ended is the one still to assess, later in the year the
current one. A year missed in the past can still be created, within reason.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

#: How many years back a missed assessment can still be created…
YEARS_BACK = 10
#: …and how far ahead (none: a year that has not begun cannot be assessed).
YEARS_AHEAD = 0
#: Until the end of this month, the year just ended is the one suggested.
LAST_MONTH_OF_LAST_YEAR = 3


def QT_TR_NOOP(text: str) -> str:  # the name Qt's lupdate looks for
    """Marks text for the translation file; the window translates it when showing it."""
    return text


#: What “start from an earlier year” copies, in plain words. The one place it is said
#: (phase 2 will name the lasting facts from the criteria pack instead).
CARRY_OVER = QT_TR_NOOP(
    "会复制 {0} 年度填写的全部情况：场地和面积、标识、工作人员名单、联系方式、功能区、制度和台账、"
    "照片和文件，也包括培训次数、调研课题、满意度调查、资金等数字。"
    "不复制人工评分、更正、说明、改进措施和签署。"
    "新建后请逐页核对，把每年不同的数字改成本年度的实际情况。"
)


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
