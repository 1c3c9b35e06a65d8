"""The workbook's values and formulas: numbers Excel adds up, and the formulas of subtotals, totals and rates."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from dqsa.export import wording
from dqsa.export.workbook.layout import Formula

#: What stands in the measure column of an item that has none: a gap, not a blank.
MISSING_MEASURE = "【缺】未填写改进措施"


def num(value: Decimal | int) -> int | float:
    """A number Excel can add up: whole numbers as int, others as float."""
    number = wording.json_number(value)
    assert number is not None
    return number


def ref(sheet_name: str, cell: str) -> str:
    """``'建设工作'!E31``: a cell of another sheet (quotes doubled inside the name)."""
    return "'" + sheet_name.replace("'", "''") + "'!" + cell


def sum_of(rows: Sequence[int], column: str) -> Formula:
    """``=D8+D14+D20``: the subtotals, added up (0 for a table without sections)."""
    return Formula("=" + "+".join(f"{column}{r}" for r in rows) if rows else "=0")


def percent_formula(score: str, maximum: str) -> Formula:
    """The percentage with one decimal, as dqsa rounds it (half up); 0 when there is no maximum."""
    return Formula(f"=IF({maximum}=0,0,ROUND({score}/{maximum}*100,1))")


def rate_formula(score: str, maximum: str) -> Formula:
    """``得分率 88.7%`` as a formula."""
    return Formula(f'="得分率 "&TEXT(IF({maximum}=0,0,ROUND({score}/{maximum}*100,1)),"0.0")&"%"')


def checklist_rate(met: str, applicable: str) -> Formula:
    """``符合 4 / 适用 5，符合率 80.0%`` (or ``无适用项``) as a formula."""
    return Formula(
        f'=IF({applicable}=0,"无适用项","符合 "&{met}&" / 适用 "&{applicable}&"，符合率 "'
        f'&TEXT(ROUND({met}/{applicable}*100,1),"0.0")&"%")'
    )


def change_formula(row: int) -> Formula:
    """The later year minus the earlier, blank when either is missing."""
    return Formula(f'=IF(OR(D{row}="",E{row}=""),"",E{row}-D{row})')
