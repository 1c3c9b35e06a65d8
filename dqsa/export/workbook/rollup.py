"""汇总行: one header row and one row of plain values for this center (what a county stacks), and the file's properties."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dqsa.domain.answers import CHECKLIST_LABELS
from dqsa.domain.text import printable
from dqsa.export.content import ReportInput
from dqsa.export.workbook.cells import num
from dqsa.export.workbook.layout import SCORE_FORMAT, Col, NewSheet, Value

if TYPE_CHECKING:
    from openpyxl import Workbook

#: The sheet a county stacks: one row per center (columns in docs/材料包格式.md).
ROLLUP_SHEET = "汇总行"
#: 汇总行's fixed columns before the table totals, the total and the items.
ROLLUP_FIXED = ("中心名称", "级别", "所在地区", "年度", "标准包编号", "标准包版本")


def rollup_columns(data: ReportInput) -> list[str]:
    """汇总行's header row: the fixed columns, one per table, 合计, then every item by id."""
    tables = [t.table_id for t in data.card.tables]
    return [*ROLLUP_FIXED, *tables, "合计", *(i.item_id for i in data.card.items())]


def rollup_sheet(sheet: NewSheet, data: ReportInput) -> None:
    """One header row and exactly one row for this center: what a county copies below the others'.

    Values, not formulas (a copied formula would point into a workbook that is not there).
    A scored pack gives each item's score; a checklist each item's result (符合 …).
    """
    card, pack, answers = data.card, data.pack, data.answers
    checklist = pack.kind == "checklist"
    names = rollup_columns(data)
    s = sheet(
        ROLLUP_SHEET, [Col(name, minimum=8, maximum=40 if k < 3 else 14) for k, name in enumerate(names)]
    )
    s.header()
    r = s.next_row()
    values: list[Value] = [
        card.center_name,
        card.level_label,
        answers.center.region,
        card.year,
        pack.id,
        pack.version,
        *(num(t.score) for t in card.tables),
        num(card.total),
    ]
    for item in card.items():
        if checklist:
            values.append(CHECKLIST_LABELS[item.status or "unanswered"])
        else:
            values.append(num(item.score) if item.applicable else None)
    for col, value in enumerate(values, start=1):
        numeric = isinstance(value, int | float) and col > len(ROLLUP_FIXED)
        s.put(r, col, value, number_format=SCORE_FORMAT if numeric else None)
    s.finish(title_rows=(1, 1), freeze_row=2, freeze_col=2)


def set_properties(wb: Workbook, data: ReportInput) -> None:
    props = wb.properties
    creator = f"dqsa {data.program_version}"
    props.title = printable(f"{data.card.center_name} {data.card.year}年度自评", lines=False)
    props.subject = printable(data.pack.title, lines=False)
    props.creator = creator
    props.lastModifiedBy = creator
    props.keywords = f"{data.pack.id} {data.pack.version}"
    props.description = "党群服务中心年度自评材料（由 dqsa 生成，各表已保护以防误改，复核栏可填写）"
    props.language = "zh-CN"
