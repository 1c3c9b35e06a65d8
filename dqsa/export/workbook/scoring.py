"""The scoring tables laid out like the standard's Appendix A: item, number, wording, points, self score,
the reviewer's score, how it was scored; a subtotal per section and the table's total."""

from __future__ import annotations

from dqsa.domain.answers import CHECKLIST_LABELS
from dqsa.domain.scoring import ItemResult, TableResult
from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.workbook.cells import checklist_rate, num, rate_formula, reviewed_formula, sum_of
from dqsa.export.workbook.layout import SCORE_FORMAT, WORDING_WIDTH, Col, Formula, NewSheet, Sheet
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
            applicable = Formula(f'=COUNTIF(D{first}:D{last},"是")', num(section.max_points))
            s.put(r, 4, applicable, kind="strong", fill="subtotal")
            met = Formula(f'=COUNTIF(E{first}:E{last},"符合")', num(section.score))
            s.put(r, 5, met, kind="strong", fill="subtotal")
            counts = (section.score, section.max_points, section.percent)
            s.put(r, 7, checklist_rate(f"E{r}", f"D{r}", counts), fill="subtotal")
        else:
            s.put(
                r,
                4,
                Formula(f"=SUM(D{first}:D{last})", num(section.max_points)),
                kind="strong",
                fill="subtotal",
                number_format=SCORE_FORMAT,
            )
            s.put(
                r,
                5,
                Formula(f"=SUM(E{first}:E{last})", num(section.score)),
                kind="strong",
                fill="subtotal",
                number_format=SCORE_FORMAT,
            )
            s.put(r, 7, rate_formula(f"E{r}", f"D{r}", section.percent), fill="subtotal")
        reviewed = reviewed_formula(first, last, checklist=checklist, result=section.score)
        s.put(
            r, 6, reviewed, kind="strong", fill="subtotal", number_format=None if checklist else SCORE_FORMAT
        )
        _review_entries(s, first, last, checklist=checklist)
        title = section.title if checklist else f"{section.title}\n（{wording.fmt(section.max_points)}分）"
        s.merge_down(1, first, r, title)
    r = s.next_row()
    s.put(r, 1, "合计", span=3, align="center", kind="strong", fill="total")
    numbers = None if checklist else SCORE_FORMAT
    counts = (table.score, table.max_points, table.percent)
    rate = (
        checklist_rate(f"E{r}", f"D{r}", counts)
        if checklist
        else rate_formula(f"E{r}", f"D{r}", table.percent)
    )
    for col, value, number_format in (
        (4, sum_of(subtotals, "D", table.max_points), numbers),
        (5, sum_of(subtotals, "E", table.score), numbers),
        (6, sum_of(subtotals, "F", table.score), numbers),
        (7, rate, None),
    ):
        s.put(r, col, value, kind="strong", fill="total", number_format=number_format)
    if any(i.applicable and not i.answered for sec in table.sections for i in sec.items):
        s.note(
            "注：黄色底纹为未填写的条目（按 0 分计）。" if not checklist else "注：黄色底纹为未填写的条目。"
        )
    s.note(review_note(checklist=checklist))
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)
    return Totals(s.ws.title, f"E{r}", f"D{r}", f"F{r}")


def review_note(*, checklist: bool) -> str:
    """How a reviewer corrects a result in this sheet (the self-assessment column is locked, as signed)."""
    if checklist:
        return (
            "注：“核查结果”是中心签署的自评，已锁定，不能修改。上级审核时如认为某条的结果不对，请在该条的“复核结果”"
            "中选择符合、不符合或不适用（该栏未锁定）；空着表示同意自评。“复核结果”的小计和合计是复核后的符合项数："
            "填了复核结果的条目按复核结果计，其余按自评计，填写后自动重算。"
        )
    return (
        "注：“自评得分”是中心签署的自评，已锁定，不能修改。上级审核时如认为某条的得分不对，请在该条的“复核得分”"
        "中填写复核后的分数（该栏未锁定，0 到该条分值之间）；空着表示同意自评得分。“复核得分”的小计和合计是复核后的"
        "得分：填了复核得分的条目按复核得分计，其余按自评得分计，填写后自动重算。"
    )


def _review_entries(s: Sheet, first: int, last: int, *, checklist: bool) -> None:
    """What a reviewer may type in a section's 复核 cells: a score from 0 to the item's points, or a result."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if checklist:
        rule = DataValidation(type="list", formula1='"符合,不符合,不适用"', allow_blank=True)
        rule.error = "请选择：符合、不符合或不适用（空着表示同意自评）"
    else:  # D{first} is relative: each row is checked against its own item's points
        rule = DataValidation(
            type="decimal", operator="between", formula1="0", formula2=f"D{first}", allow_blank=True
        )
        rule.error = "复核得分应在 0 到该条分值之间（空着表示同意自评得分）"
    rule.errorTitle = "复核结果" if checklist else "复核得分"
    rule.showErrorMessage = True
    rule.add(f"F{first}:F{last}")
    s.ws.add_data_validation(rule)


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
