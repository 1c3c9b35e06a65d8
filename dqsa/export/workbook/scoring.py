"""The scoring tables laid out like the standard's Appendix A: item, number, wording, points, self score,
the reviewer's score, how it was scored; a subtotal per section and the table's total."""

from __future__ import annotations

from dqsa.domain.answers import CHECKLIST_LABELS
from dqsa.domain.scoring import ItemResult, TableResult
from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.workbook.cells import checklist_rate, num, rate_formula, sum_of
from dqsa.export.workbook.layout import SCORE_FORMAT, WORDING_WIDTH, Col, Formula, NewSheet
from dqsa.export.workbook.summary import Totals


def scoring_sheet(sheet: NewSheet, data: ReportInput, table: TableResult) -> Totals:
    checklist = data.pack.kind == "checklist"
    columns = [
        Col("项目", minimum=10, maximum=14, wrap=True, align="center"),
        Col("序号", minimum=5, maximum=6, align="center"),
        Col("核查内容" if checklist else "考评内容", width=WORDING_WIDTH, wrap=True),
        Col("适用" if checklist else "分值", minimum=6, maximum=8, align="center"),
        Col("核查结果" if checklist else "自评得分", minimum=10, maximum=10, align="center"),
        Col("复核结果" if checklist else "复核得分", minimum=10, maximum=10, align="center"),
        Col("说明" if checklist else "得分依据/说明", minimum=24, maximum=48, wrap=True),
    ]
    s = sheet(table.short_title, columns, landscape=True)
    s.title(table.title if not checklist else f"{table.title}（核查清单）")
    card = data.card
    s.subtitle(
        f"中心：{card.center_name}　级别：{card.level_label}　年度：{card.year}　"
        f"标准包：{card.pack_id} {card.pack_version}"
    )
    s.header()
    subtotals: list[int] = []
    for section in table.sections:
        first = s.row + 1
        for item in section.items:
            r = s.next_row()
            s.put(r, 2, item.number)
            s.put(r, 3, item.text)
            missing = "missing" if item.applicable and not item.answered else None
            if checklist:
                s.put(r, 4, wording.yes_no(item.applicable))
                s.put(r, 5, CHECKLIST_LABELS[item.status or "unanswered"], fill=missing)
            else:
                s.put(r, 4, num(item.max_points), number_format=SCORE_FORMAT)
                s.put(r, 5, num(item.score), fill=missing, number_format=SCORE_FORMAT)
            s.put(r, 6, None, editable=True, number_format=None if checklist else SCORE_FORMAT)
            s.put(r, 7, _basis(item, checklist=checklist))
        last = s.row
        r = s.next_row()
        subtotals.append(r)
        s.put(r, 2, "小计", kind="strong", fill="subtotal", span=2, align="center")
        if checklist:
            s.put(r, 4, Formula(f'=COUNTIF(D{first}:D{last},"是")'), kind="strong", fill="subtotal")
            s.put(r, 5, Formula(f'=COUNTIF(E{first}:E{last},"符合")'), kind="strong", fill="subtotal")
            s.put(r, 7, checklist_rate(f"E{r}", f"D{r}"), fill="subtotal")
        else:
            s.put(
                r,
                4,
                Formula(f"=SUM(D{first}:D{last})"),
                kind="strong",
                fill="subtotal",
                number_format=SCORE_FORMAT,
            )
            s.put(
                r,
                5,
                Formula(f"=SUM(E{first}:E{last})"),
                kind="strong",
                fill="subtotal",
                number_format=SCORE_FORMAT,
            )
            s.put(r, 7, rate_formula(f"E{r}", f"D{r}"), fill="subtotal")
        s.put(r, 6, None, fill="subtotal")
        title = section.title if checklist else f"{section.title}\n（{wording.fmt(section.max_points)}分）"
        s.merge_down(1, first, r, title)
    r = s.next_row()
    s.put(r, 1, "合计", span=3, align="center", kind="strong", fill="total")
    numbers = None if checklist else SCORE_FORMAT
    rate = checklist_rate(f"E{r}", f"D{r}") if checklist else rate_formula(f"E{r}", f"D{r}")
    for col, value, number_format in (
        (4, sum_of(subtotals, "D"), numbers),
        (5, sum_of(subtotals, "E"), numbers),
        (6, None, None),
        (7, rate, None),
    ):
        s.put(r, col, value, kind="strong", fill="total", number_format=number_format)
    if any(i.applicable and not i.answered for sec in table.sections for i in sec.items):
        s.note(
            "注：黄色底纹为未填写的条目（按 0 分计）。" if not checklist else "注：黄色底纹为未填写的条目。"
        )
    review = "复核结果" if checklist else "复核得分"
    s.note(f"“{review}”一栏留给上级审核时填写（该栏未锁定）；小计、合计和得分率是公式，随得分更正自动更新。")
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)
    return Totals(s.ws.title, f"E{r}", f"D{r}")


def _basis(item: ItemResult, *, checklist: bool) -> str:
    """How the item was scored and why, the assessor's note, the override reason."""
    if not item.applicable:
        parts = [item.explanation]
    else:
        parts = [f"【{wording.method_label(item.method, checklist=checklist)}】{item.explanation}"]
    if item.override_reason and item.override_reason not in item.explanation:
        parts.append(f"更正理由：{item.override_reason}")
    if item.note:
        parts.append(f"备注：{item.note}")
    return "\n".join(parts)
