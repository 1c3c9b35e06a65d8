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


def sum_of(rows: Sequence[int], column: str, result: Decimal) -> Formula:
    """``=D8+D14+D20``: the subtotals, added up (0 for a table without sections)."""
    return Formula("=" + "+".join(f"{column}{r}" for r in rows) if rows else "=0", num(result))


def percent_formula(score: str, maximum: str, result: Decimal) -> Formula:
    """The percentage with one decimal, as dqsa rounds it (half up); 0 when there is no maximum."""
    return Formula(f"=IF({maximum}=0,0,ROUND({score}/{maximum}*100,1))", num(result))


def rate_formula(score: str, maximum: str, percent: Decimal) -> Formula:
    """``得分率 88.7%`` as a formula."""
    return Formula(
        f'="得分率 "&TEXT(IF({maximum}=0,0,ROUND({score}/{maximum}*100,1)),"0.0")&"%"',
        f"得分率 {percent:.1f}%",
    )


def checklist_rate(met: str, applicable: str, counts: tuple[Decimal, Decimal, Decimal]) -> Formula:
    """``符合 4 / 适用 5，符合率 80.0%`` (or ``无适用项``) as a formula; ``counts``: met, applicable, percent."""
    n_met, n_applicable, percent = counts
    result = (
        f"符合 {wording.fmt(n_met)} / 适用 {wording.fmt(n_applicable)}，符合率 {percent:.1f}%"
        if n_applicable
        else "无适用项"
    )
    return Formula(
        f'=IF({applicable}=0,"无适用项","符合 "&{met}&" / 适用 "&{applicable}&"，符合率 "'
        f'&TEXT(ROUND({met}/{applicable}*100,1),"0.0")&"%")',
        result,
    )


def change_formula(row: int, old: Decimal | None, new: Decimal | None) -> Formula:
    """The later year minus the earlier, blank when either is missing."""
    result = "" if old is None or new is None else num(new - old)
    return Formula(f'=IF(OR(D{row}="",E{row}=""),"",E{row}-D{row})', result)


def reviewed_formula(first: int, last: int, *, checklist: bool, result: Decimal) -> Formula:
    """A section's result after review: each item's 复核 cell (column F) where the reviewer filled
    one in, its self-assessment (column E) where not. ``result``: the self-assessment's (no cell
    is reviewed when the workbook is made).

    Scored: ``SUM(E)-SUMIF(F,"<>",E)+SUM(F)``. Checklist: items reviewed 符合, plus items not
    reviewed that the center assessed 符合.
    """
    e, f = f"E{first}:E{last}", f"F{first}:F{last}"
    if checklist:
        return Formula(f'=COUNTIF({f},"符合")+COUNTIFS({f},"",{e},"符合")', num(result))
    return Formula(f'=SUM({e})-SUMIF({f},"<>",{e})+SUM({f})', num(result))
