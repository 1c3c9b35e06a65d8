"""与上年对比: both years' table and section totals, then every item with its change and the domain's note."""

from __future__ import annotations

from decimal import Decimal

from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.workbook.cells import change_formula, num
from dqsa.export.workbook.layout import SCORE_FORMAT, Col, NewSheet


def comparison_sheet(sheet: NewSheet, data: ReportInput) -> None:
    """与上年对比: table and section subtotals of both years, then every item, with its change
    and the domain's note on it (an unanswered year, an override in one year only)."""
    from dqsa.domain.comparison import TREND_LABELS

    c = data.comparison
    if c is None:
        return
    s = sheet(
        "与上年对比",
        [
            Col("项目或条目", minimum=14, maximum=24, wrap=True),
            Col("编号", minimum=8, maximum=16),
            Col("名称或考评内容", minimum=30, maximum=60, wrap=True),
            Col(f"{c.old_year}年", minimum=8, maximum=10, align="center"),
            Col(f"{c.new_year}年", minimum=8, maximum=10, align="center"),
            Col("变化", minimum=7, maximum=8, align="center"),
            Col("趋势", minimum=8, maximum=10, align="center"),
            Col("说明", minimum=16, maximum=36, wrap=True),
        ],
        landscape=True,
    )
    s.title(f"{c.new_year} 年度与 {c.old_year} 年度对比")
    s.header()

    def number(value: Decimal | None, answered: bool = True) -> int | float | None:
        """A year's score; none for a year that did not answer the item (it is not a 0)."""
        return None if value is None or not answered else num(value)

    for part in (*c.tables, *c.sections):
        r = s.next_row()
        s.put(r, 1, part.title)
        s.put(r, 2, part.part_id)
        s.put(r, 3, "")
        s.put(r, 4, number(part.old_score), number_format=SCORE_FORMAT)
        s.put(r, 5, number(part.new_score), number_format=SCORE_FORMAT)
        s.put(r, 6, change_formula(r, part.old_score, part.new_score), number_format=SCORE_FORMAT)
        s.put(r, 7, "")
        note = part.unanswered_text
        s.put(
            r,
            8,
            f"{note}（按 0 分计，变化不一定是实际的进步或退步）" if note else "",
            fill="missing" if note else None,
        )
    for item in c.items:
        r = s.next_row()
        s.put(r, 1, wording.item_label(data.pack, item.item_id))
        s.put(r, 2, item.item_id)
        s.put(r, 3, item.text)
        s.put(r, 4, number(item.old_score, item.old_answered), number_format=SCORE_FORMAT)
        s.put(r, 5, number(item.new_score, item.new_answered), number_format=SCORE_FORMAT)
        old = item.old_score if item.old_answered else None
        new = item.new_score if item.new_answered else None
        s.put(r, 6, change_formula(r, old, new), number_format=SCORE_FORMAT)
        unanswered = "missing" if item.trend == "unanswered" else None
        s.put(r, 7, TREND_LABELS[item.trend], fill=unanswered)
        s.put(r, 8, item.note)
    s.note(wording.trend_counts(c) + "。年度得分空白表示该年度未填写（不按 0 分比较，也不算退步）。")
    for line in c.facts:
        s.note(line)
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)
