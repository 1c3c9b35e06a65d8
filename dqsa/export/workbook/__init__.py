"""The packet's Excel workbook: the summary, the scoring tables laid out like the standard's
Appendix A, the staff roster, zones and contents, corrective actions, the comparison with
last year, the evidence list, and 汇总行: one row per center for a county to stack.

Scores and points are numbers formatted "0.0"; subtotals, totals and percentages are
formulas over the item cells, stored with their results. The self-assessment is locked as
signed; a reviewer's 复核得分 (column F, open) carries through its own subtotals, totals and
the summary's 复核后得分, in Excel, WPS and LibreOffice alike. Every sheet shows the same columns in the same order: the item,
its number, its wording, 分值, 得分. Every sheet is protected against accidental edits
(no password) except the reviewer's cells (复核得分, 审核意见, 审核人, 日期), and set up
to print on A4 without a page holding a few leftover rows. The columns of 汇总行 are
fixed and documented in docs/材料包格式.md. openpyxl is imported only when a workbook is
built.

The sheets are written by their own modules: :mod:`.summary` (汇总), :mod:`.scoring` (one
per table), :mod:`.lists` (工作人员, the catalogues, 改进措施, 证明材料),
:mod:`.comparison` (与上年对比) and :mod:`.rollup` (汇总行); :mod:`.layout` writes a
sheet row by row and sets it up to print; :mod:`.cells` holds the numbers and formulas;
:mod:`.results` stores each formula's result with it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from dqsa.export.content import ReportInput
from dqsa.export.workbook.cells import MISSING_MEASURE
from dqsa.export.workbook.comparison import comparison_sheet
from dqsa.export.workbook.layout import (
    SCORE_FORMAT,
    Col,
    Sheet,
    Styles,
    valid_sheet_name,
)
from dqsa.export.workbook.lists import (
    catalogue_blocks,
    catalogue_sheet,
    evidence_sheet,
    measures_sheet,
    staff_sheet,
)
from dqsa.export.workbook.results import with_results
from dqsa.export.workbook.rollup import (
    ROLLUP_FIXED,
    ROLLUP_SHEET,
    rollup_columns,
    rollup_sheet,
    set_properties,
)
from dqsa.export.workbook.scoring import scoring_sheet
from dqsa.export.workbook.summary import summary_sheet

__all__ = [
    "MISSING_MEASURE",
    "ROLLUP_FIXED",
    "ROLLUP_SHEET",
    "SCORE_FORMAT",
    "build_workbook",
    "catalogue_blocks",
    "rollup_columns",
]


def build_workbook(data: ReportInput) -> bytes:
    """The packet's Excel workbook (.xlsx bytes)."""
    from openpyxl import Workbook

    styles = Styles()
    wb = Workbook()
    wb.remove(wb.active)
    used: list[str] = []
    made: list[Sheet] = []

    def sheet(name: str, columns: Sequence[Col], *, landscape: bool = False) -> Sheet:
        title = valid_sheet_name(name, used)
        used.append(title)
        made.append(Sheet(wb.create_sheet(title), columns, styles, landscape=landscape))
        return made[-1]

    totals = {table.table_id: scoring_sheet(sheet, data, table) for table in data.card.tables}
    summary_sheet(sheet, data, totals)
    wb.move_sheet(wb[used[-1]], offset=-(len(used) - 1))  # 汇总 first, as a reader expects
    staff_sheet(sheet, data)
    catalogue_sheet(sheet, data)
    measures_sheet(sheet, data)
    if data.comparison is not None:
        comparison_sheet(sheet, data)
    evidence_sheet(sheet, data)
    rollup_sheet(sheet, data)
    set_properties(wb, data)
    # Every formula is stored with dqsa's result for it (a reader that computes nothing reads the
    # totals); Excel and WPS are still asked to compute them all on opening, as LibreOffice does.
    wb.calculation.fullCalcOnLoad = True
    buffer = io.BytesIO()
    wb.save(buffer)
    position = {ws.title: n for n, ws in enumerate(wb.worksheets, start=1)}  # sheetN.xml, as saved
    return with_results(buffer.getvalue(), {position[s.ws.title]: s.results for s in made})
