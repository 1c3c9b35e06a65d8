"""汇总: the center, the standard, each table's total (referring to its sheet), the signature, the reviewer's part."""

from __future__ import annotations

from dataclasses import dataclass

from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.workbook.cells import num, percent_formula, ref
from dqsa.export.workbook.layout import SCORE_FORMAT, Col, Formula, NewSheet


@dataclass(frozen=True)
class Totals:
    """Where a scoring sheet keeps its table total: the cells the summary refers to."""

    sheet: str
    score: str  # e.g. "E31"
    maximum: str
    reviewed: str  # e.g. "F31": the total after review


def summary_sheet(sheet: NewSheet, data: ReportInput, totals: dict[str, Totals]) -> None:
    card, pack, answers, signer = data.card, data.pack, data.answers, data.signer
    checklist = pack.kind == "checklist"
    s = sheet(
        "汇总",
        [
            Col("", minimum=16, maximum=20, wrap=True),
            Col("", minimum=12, maximum=16, align="center"),
            Col("", minimum=12, maximum=16, align="center"),
            Col("", minimum=14, maximum=18, align="center"),
            Col("", minimum=12, maximum=16, align="center"),
        ],
    )
    s.title(f"{card.year}年度党群服务中心自评汇总表")

    s.band("一、基本情况")
    s.pair("中心名称", card.center_name)
    s.pair("级别", card.level_label)
    s.pair("所在地区", answers.center.region or "（未填写）")
    s.pair("评价年度", card.year)
    if answers.assessor:
        s.pair("填表人", answers.assessor)
    if answers.center.contact:
        s.pair("联系方式", answers.center.contact)

    s.band("二、评价标准")
    s.pair("评价标准", pack.title)
    s.pair("标准包编号", pack.id)
    s.pair("标准包版本", pack.version)
    s.pair("依据文件", pack.source.document)
    if pack.source.issuer:
        s.pair("发布单位", pack.source.issuer)
    s.pair("依据部分", pack.source.part)
    if pack.source.kind == "explanatory_note":
        nature = (
            "据该标准的《编制说明》整理，不是正式发布的标准文本；正式标准发布后应据其修订，本次结果仅供参考。"
        )
    else:
        nature = "正式发布的标准"
    s.pair("依据性质", nature)
    if pack.source.note:
        s.pair("来源说明", pack.source.note)

    s.band("三、评价结果")
    heads = (
        ("核查表", "符合项", "适用项", "符合率（%）", "复核后符合项")
        if checklist
        else ("评分表", "得分", "分值", "得分率（%）", "复核后得分")
    )
    r = s.next_row()
    for col, head in enumerate(heads, start=1):
        s.put(r, col, head, kind="header", align="center", wrap=True)
    first = r + 1
    for table in card.tables:
        r = s.next_row()
        where = totals[table.table_id]
        s.put(r, 1, table.short_title)
        for col, value in (
            (2, Formula(f"={ref(where.sheet, where.score)}", num(table.score))),
            (3, Formula(f"={ref(where.sheet, where.maximum)}", num(table.max_points))),
            (4, percent_formula(f"B{r}", f"C{r}", table.percent)),
            (5, Formula(f"={ref(where.sheet, where.reviewed)}", num(table.score))),
        ):
            s.put(r, col, value, align="center", number_format=SCORE_FORMAT)
    last = r
    r = s.next_row()
    s.put(r, 1, "合计", kind="strong", fill="total")
    for col, value in (
        (2, Formula(f"=SUM(B{first}:B{last})", num(card.total)) if card.tables else 0),
        (3, Formula(f"=SUM(C{first}:C{last})", num(card.max_total)) if card.tables else 0),
        (4, percent_formula(f"B{r}", f"C{r}", card.percent)),
        (5, Formula(f"=SUM(E{first}:E{last})", num(card.total)) if card.tables else 0),
    ):
        s.put(r, col, value, kind="strong", fill="total", align="center", number_format=SCORE_FORMAT)
    unanswered, below = card.unanswered, card.below_full
    labels = "；".join(wording.item_label(pack, i) for i in unanswered)
    s.pair_count("未填写条目数", len(unanswered), labels or "无")
    below_label = "未符合条目数" if checklist else "未达满分条目数"
    missing = len(card.without_measures)
    detail = "见“改进措施”表" + (f"（其中 {missing} 项未填写改进措施）" if missing else "") if below else "无"
    s.pair_count(below_label, len(below), detail)

    s.band("四、签署")
    s.pair("签署人", signer.name)
    s.pair("职务", signer.title)
    s.pair("签署时间", wording.datetime_text(signer.signed_at, zone=True))
    s.pair("证书指纹（SHA-256）", wording.fingerprint_text(signer.fingerprint))
    s.pair("程序版本", f"dqsa {data.program_version}")

    s.band("五、上级审核（由审核部门填写）")
    s.pair("审核意见", None, editable=True, height=90.0)
    s.pair("审核人", None, editable=True)
    s.pair("日期", None, editable=True)
    s.pair("盖章", None, editable=True, height=75.0)
    s.finish(title_rows=(1, 1), freeze_row=2)
