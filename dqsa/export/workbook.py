"""The packet's Excel workbook: the summary, the scoring tables laid out like the standard's
Appendix A, the staff roster, zones and contents, corrective actions, the comparison with
last year, the evidence list, and 汇总行: one row per center for a county to stack.

Scores and points are numbers formatted "0.0"; subtotals, totals and percentages are
formulas over the item cells (a corrected score carries through, in Excel and in
LibreOffice alike). Every sheet shows the same columns in the same order: the item,
its number, its wording, 分值, 得分. Every sheet is protected against accidental edits
(no password) except the reviewer's cells (复核得分, 审核意见, 审核人, 日期), and set up
to print on A4 without a page holding a few leftover rows. The columns of 汇总行 are
fixed and documented in docs/材料包格式.md. openpyxl is imported only when a workbook is
built.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from dqsa.domain.answers import CHECKLIST_LABELS, catalog_answers, catalog_flag
from dqsa.domain.scoring import ItemResult, TableResult
from dqsa.export import wording
from dqsa.export.content import ReportInput

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.worksheet import Worksheet

#: A cell's value: what openpyxl writes (a string starting with "=" is a formula).
Value = str | int | float | None

#: Body text and headings; Excel on Windows substitutes a CJK font if one is missing.
BODY_FONT = "SimSun"
HEADING_FONT = "SimHei"
#: Points per wrapped line of 11 pt text (the row height estimate for long text).
LINE_HEIGHT = 15.0
#: Excel's largest row height.
MAX_ROW_HEIGHT = 409.0
#: Width of the column with the standard's wording, in characters.
WORDING_WIDTH = 60

#: Scores, points and percentages: one decimal, so that 9.0 and 24.9 line up.
SCORE_FORMAT = "0.0"
#: The sheet a county stacks: one row per center (columns in docs/材料包格式.md).
ROLLUP_SHEET = "汇总行"
#: 汇总行's fixed columns before the table totals, the total and the items.
ROLLUP_FIXED = ("中心名称", "级别", "所在地区", "年度", "标准包编号", "标准包版本")
#: Points of an A4 page a sheet can print on (margins of 0.5/0.5 and 0.6/0.7 inch taken off).
_PRINTABLE = {"portrait": (523.0, 748.0), "landscape": (770.0, 501.0)}
#: Less than this share of a page left for the last printed page: shrink it onto the one before.
ORPHAN_SHARE = 0.25
#: Points a row without an explicit height takes; points per unit of column width.
_DEFAULT_ROW = 15.0
_POINTS_PER_WIDTH = 5.6
_FORBIDDEN_IN_SHEET_NAMES = set("[]:*?/\\")
#: A row of the zones sheet: name, group, state, area (m²), note.
_Entry = tuple[str, str, str, Decimal | None, str]
#: What stands for an answer not given.
UNANSWERED = CHECKLIST_LABELS["unanswered"]
#: Makes a sheet with a (valid, unique) name, its columns, and its orientation.
_NewSheet = Callable[..., "_Sheet"]


def build_workbook(data: ReportInput) -> bytes:
    """The packet's Excel workbook (.xlsx bytes)."""
    from openpyxl import Workbook

    styles = _Styles()
    wb = Workbook()
    wb.remove(wb.active)
    used: list[str] = []

    def sheet(name: str, columns: Sequence[_Col], *, landscape: bool = False) -> _Sheet:
        title = _sheet_name(name, used)
        used.append(title)
        return _Sheet(wb.create_sheet(title), columns, styles, landscape=landscape)

    totals = {table.table_id: _scoring_table(sheet, data, table) for table in data.card.tables}
    _summary(sheet, data, totals)
    wb.move_sheet(wb[used[-1]], offset=-(len(used) - 1))  # 汇总 first, as a reader expects
    _staff(sheet, data)
    _zones(sheet, data)
    _corrective_actions(sheet, data)
    if data.comparison is not None:
        _comparison(sheet, data)
    _evidence(sheet, data)
    _rollup(sheet, data)
    _properties(wb, data)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class _Totals:
    """Where a scoring sheet keeps its table total: the cells the summary refers to."""

    sheet: str
    score: str  # e.g. "E31"
    maximum: str


# --- the sheets -------------------------------------------------------------------------


def _summary(sheet: _NewSheet, data: ReportInput, totals: dict[str, _Totals]) -> None:
    card, pack, answers, signer = data.card, data.pack, data.answers, data.signer
    checklist = pack.kind == "checklist"
    s = sheet(
        "汇总",
        [
            _Col("", minimum=16, maximum=20, wrap=True),
            _Col("", minimum=12, maximum=16, align="center"),
            _Col("", minimum=12, maximum=16, align="center"),
            _Col("", minimum=14, maximum=18, align="center"),
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
        ("核查表", "符合项", "适用项", "符合率（%）")
        if checklist
        else ("评分表", "得分", "分值", "得分率（%）")
    )
    r = s.next_row()
    for col, head in enumerate(heads, start=1):
        s.put(r, col, head, kind="header", align="center", wrap=True)
    first = r + 1
    for table in card.tables:
        r = s.next_row()
        where = totals[table.table_id]
        s.put(r, 1, table.short_title)
        s.put(r, 2, f"={_ref(where.sheet, where.score)}", align="center", number_format=SCORE_FORMAT)
        s.put(r, 3, f"={_ref(where.sheet, where.maximum)}", align="center", number_format=SCORE_FORMAT)
        s.put(r, 4, _percent_formula(f"B{r}", f"C{r}"), align="center", number_format=SCORE_FORMAT)
    last = r
    r = s.next_row()
    s.put(r, 1, "合计", kind="strong", fill="total")
    for col, value in (
        (2, f"=SUM(B{first}:B{last})" if card.tables else 0),
        (3, f"=SUM(C{first}:C{last})" if card.tables else 0),
        (4, _percent_formula(f"B{r}", f"C{r}")),
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


def _scoring_table(sheet: _NewSheet, data: ReportInput, table: TableResult) -> _Totals:
    checklist = data.pack.kind == "checklist"
    columns = [
        _Col("项目", minimum=10, maximum=14, wrap=True, align="center"),
        _Col("序号", minimum=5, maximum=6, align="center"),
        _Col("核查内容" if checklist else "考评内容", width=WORDING_WIDTH, wrap=True),
        _Col("适用" if checklist else "分值", minimum=6, maximum=8, align="center"),
        _Col("核查结果" if checklist else "自评得分", minimum=10, maximum=10, align="center"),
        _Col("复核结果" if checklist else "复核得分", minimum=10, maximum=10, align="center"),
        _Col("说明" if checklist else "得分依据/说明", minimum=24, maximum=48, wrap=True),
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
                s.put(r, 4, _num(item.max_points), number_format=SCORE_FORMAT)
                s.put(r, 5, _num(item.score), fill=missing, number_format=SCORE_FORMAT)
            s.put(r, 6, None, editable=True, number_format=None if checklist else SCORE_FORMAT)
            s.put(r, 7, _basis(item, checklist=checklist))
        last = s.row
        r = s.next_row()
        subtotals.append(r)
        s.put(r, 2, "小计", kind="strong", fill="subtotal", span=2, align="center")
        if checklist:
            s.put(r, 4, f'=COUNTIF(D{first}:D{last},"是")', kind="strong", fill="subtotal")
            s.put(r, 5, f'=COUNTIF(E{first}:E{last},"符合")', kind="strong", fill="subtotal")
            s.put(r, 7, _checklist_rate(f"E{r}", f"D{r}"), fill="subtotal")
        else:
            s.put(r, 4, f"=SUM(D{first}:D{last})", kind="strong", fill="subtotal", number_format=SCORE_FORMAT)
            s.put(r, 5, f"=SUM(E{first}:E{last})", kind="strong", fill="subtotal", number_format=SCORE_FORMAT)
            s.put(r, 7, _rate_formula(f"E{r}", f"D{r}"), fill="subtotal")
        s.put(r, 6, None, fill="subtotal")
        title = section.title if checklist else f"{section.title}\n（{wording.fmt(section.max_points)}分）"
        s.merge_down(1, first, r, title)
    r = s.next_row()
    s.put(r, 1, "合计", span=3, align="center", kind="strong", fill="total")
    numbers = None if checklist else SCORE_FORMAT
    rate = _checklist_rate(f"E{r}", f"D{r}") if checklist else _rate_formula(f"E{r}", f"D{r}")
    for col, value, number_format in (
        (4, _sum_of(subtotals, "D"), numbers),
        (5, _sum_of(subtotals, "E"), numbers),
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
    return _Totals(s.ws.title, f"E{r}", f"D{r}")


def _staff(sheet: _NewSheet, data: ReportInput) -> None:
    s = sheet(
        "工作人员",
        [
            _Col("姓名", minimum=10, maximum=16),
            _Col("职务", minimum=12, maximum=30, wrap=True),
            _Col("专职", minimum=6, maximum=6, align="center"),
            _Col("党员", minimum=6, maximum=6, align="center"),
            _Col("受过培训", minimum=10, maximum=10, align="center"),
            _Col("电话", minimum=14, maximum=18),
        ],
    )
    roster = data.pack.roster
    s.title(roster.label if roster is not None else s.ws.title)
    s.header()
    staff = data.answers.staff
    for person in staff or []:
        r = s.next_row()
        s.put(r, 1, person.name)
        s.put(r, 2, person.role)
        s.put(r, 3, wording.yes_no(person.full_time))
        s.put(r, 4, wording.yes_no(person.party_member))
        s.put(r, 5, wording.yes_no(person.trained))
        s.put(r, 6, person.phone, number_format="@")
    if staff is None:
        s.note("工作人员名单未填写（相关条目按未填写计）。", boxed=True)
    elif not staff:
        s.note("已填写：本中心没有工作人员。", boxed=True)
    else:
        counts = [
            f"{fact.label} {data.pack.value_text(fact.id, sum(bool(getattr(p, count.flag)) for p in staff))}"
            for fact, count in data.pack.roster_counts()
            if count.flag is not None
        ]
        s.note(f"共 {len(staff)} 人" + (f"；{'、'.join(counts)}" if counts else "") + "。")
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)


def catalogue_blocks(data: ReportInput) -> list[tuple[str, list[_Entry]]]:
    """The pack's catalogues (功能区, 工作机制, 台账, …) and checklist groups (宣传展示内容),
    each with every entry's state in the pack's words, in the order of the pages they are on."""
    pack, answers = data.pack, data.answers
    order = {page.id: n for n, page in enumerate(pack.pages)}
    blocks: list[tuple[int, str, list[_Entry]]] = []
    for catalog in pack.catalogs:
        answered = {a.id: a for a in catalog_answers(answers, catalog.answers)}
        rows: list[_Entry] = []
        for entry in catalog.entries:
            got = answered.get(entry.id)
            if got is None:
                state = UNANSWERED
            else:
                state = catalog.yes_word if catalog_flag(got, catalog) else catalog.no_word
            area = getattr(got, "area_m2", None) if catalog.area else None
            rows.append((entry.label, entry.group or "", state, area, got.note if got else ""))
        blocks.append((order.get(catalog.page, len(order)), catalog.label, rows))
    for group in pack.fact_groups:
        facts = pack.group_facts(group.label)
        if group.style != "checklist" or not facts:
            continue
        rows = []
        for fact in facts:
            value = answers.facts.get(fact.id)
            state = UNANSWERED if value is None else group.yes_word if value else group.no_word
            rows.append((fact.label, fact.group or "", state, None, ""))
        blocks.append((order.get(facts[0].page, len(order)), group.label, rows))
    # A page's catalogues before its checklists (stable sort: each in pack order).
    return [(label, rows) for _, label, rows in sorted(blocks, key=lambda block: block[0]) if rows]


def _zones(sheet: _NewSheet, data: ReportInput) -> None:
    blocks = catalogue_blocks(data)
    if not blocks:
        return
    labels = "、".join(label for label, _ in blocks)
    s = sheet(
        labels,
        [
            _Col("类别", minimum=8, maximum=12, wrap=True, align="center"),
            _Col("名称", minimum=12, maximum=26, wrap=True),
            _Col("分组", minimum=8, maximum=14, wrap=True),
            _Col("情况", minimum=8, maximum=8, align="center"),
            _Col("面积（m²）", minimum=8, maximum=12, align="center"),
            _Col("说明", minimum=16, maximum=32, wrap=True),
        ],
    )
    s.title(f"{labels}情况")
    s.header()
    for category, entries in blocks:
        first = s.row + 1
        for label, group, state, area, note in entries:
            r = s.next_row()
            s.put(r, 2, label)
            s.put(r, 3, group)
            s.put(r, 4, state, fill="missing" if state == UNANSWERED else None)
            s.put(r, 5, _num(area) if area is not None else None, number_format=SCORE_FORMAT)
            s.put(r, 6, note)
        s.merge_down(1, first, s.row, category)
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)


def _corrective_actions(sheet: _NewSheet, data: ReportInput) -> None:
    card, pack = data.card, data.pack
    checklist = pack.kind == "checklist"
    columns = [
        _Col("条目", minimum=14, maximum=24, wrap=True),
        _Col("条目编号", minimum=10, maximum=16),
        _Col("核查内容" if checklist else "考评内容", width=44, wrap=True),
    ]
    if checklist:
        columns.append(_Col("核查结果", minimum=10, maximum=10, align="center"))
    else:
        columns += [
            _Col("分值", minimum=6, maximum=8, align="center"),
            _Col("得分", minimum=6, maximum=8, align="center"),
        ]
    columns.append(_Col("改进措施", minimum=24, maximum=40, wrap=True))
    s = sheet("改进措施", columns)
    s.title("未达满分条目及改进措施" if not checklist else "未符合条目及改进措施")
    s.header()
    for item_id in card.below_full:
        item = card.item(item_id)
        r = s.next_row()
        s.put(r, 1, wording.item_label(pack, item_id))
        s.put(r, 2, item.item_id)
        s.put(r, 3, item.text)
        if checklist:
            s.put(r, 4, CHECKLIST_LABELS[item.status or "unanswered"])
        else:
            s.put(r, 4, _num(item.max_points), number_format=SCORE_FORMAT)
            s.put(r, 5, _num(item.score), number_format=SCORE_FORMAT)
        action = item.corrective_action.strip()
        s.put(r, len(columns), action or MISSING_MEASURE, fill=None if action else "missing")
    if not card.below_full:
        s.note("所有适用条目均已达到满分，无需改进措施。", boxed=True)
    elif card.without_measures:
        s.note(f"其中 {len(card.without_measures)} 项未填写改进措施（黄色底纹）。")
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)


def _comparison(sheet: _NewSheet, data: ReportInput) -> None:
    """与上年对比: table and section subtotals of both years, then every item, with its change
    and the domain's note on it (an unanswered year, an override in one year only)."""
    from dqsa.domain.comparison import TREND_LABELS

    c = data.comparison
    if c is None:
        return
    s = sheet(
        "与上年对比",
        [
            _Col("项目或条目", minimum=14, maximum=24, wrap=True),
            _Col("编号", minimum=8, maximum=16),
            _Col("名称或考评内容", minimum=30, maximum=60, wrap=True),
            _Col(f"{c.old_year}年", minimum=8, maximum=10, align="center"),
            _Col(f"{c.new_year}年", minimum=8, maximum=10, align="center"),
            _Col("变化", minimum=7, maximum=8, align="center"),
            _Col("趋势", minimum=8, maximum=10, align="center"),
            _Col("说明", minimum=16, maximum=36, wrap=True),
        ],
        landscape=True,
    )
    s.title(f"{c.new_year} 年度与 {c.old_year} 年度对比")
    s.header()

    def number(value: Decimal | None, answered: bool = True) -> int | float | None:
        """A year's score; none for a year that did not answer the item (it is not a 0)."""
        return None if value is None or not answered else _num(value)

    for part in (*c.tables, *c.sections):
        r = s.next_row()
        s.put(r, 1, part.title)
        s.put(r, 2, part.part_id)
        s.put(r, 3, "")
        s.put(r, 4, number(part.old_score), number_format=SCORE_FORMAT)
        s.put(r, 5, number(part.new_score), number_format=SCORE_FORMAT)
        s.put(r, 6, _change_formula(r), number_format=SCORE_FORMAT)
        s.put(r, 7, "")
        s.put(r, 8, "")
    for item in c.items:
        r = s.next_row()
        s.put(r, 1, wording.item_label(data.pack, item.item_id))
        s.put(r, 2, item.item_id)
        s.put(r, 3, item.text)
        s.put(r, 4, number(item.old_score, item.old_answered), number_format=SCORE_FORMAT)
        s.put(r, 5, number(item.new_score, item.new_answered), number_format=SCORE_FORMAT)
        s.put(r, 6, _change_formula(r), number_format=SCORE_FORMAT)
        unanswered = "missing" if item.trend == "unanswered" else None
        s.put(r, 7, TREND_LABELS[item.trend], fill=unanswered)
        s.put(r, 8, item.note)
    s.note(wording.trend_counts(c) + "。年度得分空白表示该年度未填写（不按 0 分比较，也不算退步）。")
    for line in c.facts:
        s.note(line)
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)


def _evidence(sheet: _NewSheet, data: ReportInput) -> None:
    s = sheet(
        "证明材料",
        [
            _Col("所属", minimum=10, maximum=24, wrap=True),
            _Col("文件名", minimum=16, maximum=36, wrap=True),
            _Col("原文件名", minimum=12, maximum=28, wrap=True),
            _Col("说明", minimum=16, maximum=36, wrap=True),
            _Col("类型", minimum=6, maximum=6, align="center"),
        ],
    )
    s.title("证明材料清单")
    s.header()
    for item in data.evidence:
        r = s.next_row()
        s.put(r, 1, item.target_label)
        s.put(r, 2, item.packet_name)
        s.put(r, 3, item.original_name)
        s.put(r, 4, item.caption)
        s.put(r, 5, wording.EVIDENCE_KINDS.get(item.kind, item.kind))
    if not data.evidence:
        s.note("未附证明材料。", boxed=True)
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)


def rollup_columns(data: ReportInput) -> list[str]:
    """汇总行's header row: the fixed columns, one per table, 合计, then every item by id."""
    tables = [t.table_id for t in data.card.tables]
    return [*ROLLUP_FIXED, *tables, "合计", *(i.item_id for i in data.card.items())]


def _rollup(sheet: _NewSheet, data: ReportInput) -> None:
    """One header row and exactly one row for this center: what a county copies below the others'.

    Values, not formulas (a copied formula would point into a workbook that is not there).
    A scored pack gives each item's score; a checklist each item's result (符合 …).
    """
    card, pack, answers = data.card, data.pack, data.answers
    checklist = pack.kind == "checklist"
    names = rollup_columns(data)
    s = sheet(
        ROLLUP_SHEET, [_Col(name, minimum=8, maximum=40 if k < 3 else 14) for k, name in enumerate(names)]
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
        *(_num(t.score) for t in card.tables),
        _num(card.total),
    ]
    for item in card.items():
        if checklist:
            values.append(CHECKLIST_LABELS[item.status or "unanswered"])
        else:
            values.append(_num(item.score) if item.applicable else None)
    for col, value in enumerate(values, start=1):
        numeric = isinstance(value, int | float) and col > len(ROLLUP_FIXED)
        s.put(r, col, value, number_format=SCORE_FORMAT if numeric else None)
    s.finish(title_rows=(1, 1), freeze_row=2, freeze_col=2)


def _properties(wb: Workbook, data: ReportInput) -> None:
    props = wb.properties
    creator = f"dqsa {data.program_version}"
    props.title = f"{data.card.center_name} {data.card.year}年度自评"
    props.subject = data.pack.title
    props.creator = creator
    props.lastModifiedBy = creator
    props.keywords = f"{data.pack.id} {data.pack.version}"
    props.description = "党群服务中心年度自评材料（由 dqsa 生成，各表已保护以防误改，复核栏可填写）"
    props.language = "zh-CN"


# --- values and formulas ----------------------------------------------------------------------

#: What stands in the measure column of an item that has none: a gap, not a blank.
MISSING_MEASURE = "【缺】未填写改进措施"


def _num(value: Decimal | int) -> int | float:
    """A number Excel can add up: whole numbers as int, others as float."""
    number = wording.json_number(value)
    assert number is not None
    return number


def _ref(sheet_name: str, cell: str) -> str:
    """``'建设工作'!E31``: a cell of another sheet (quotes doubled inside the name)."""
    return "'" + sheet_name.replace("'", "''") + "'!" + cell


def _sum_of(rows: Sequence[int], column: str) -> str:
    """``=D8+D14+D20``: the subtotals, added up (0 for a table without sections)."""
    return "=" + "+".join(f"{column}{r}" for r in rows) if rows else "=0"


def _percent_formula(score: str, maximum: str) -> str:
    """The percentage with one decimal, as dqsa rounds it (half up); 0 when there is no maximum."""
    return f"=IF({maximum}=0,0,ROUND({score}/{maximum}*100,1))"


def _rate_formula(score: str, maximum: str) -> str:
    """``得分率 88.7%`` as a formula."""
    return f'="得分率 "&TEXT(IF({maximum}=0,0,ROUND({score}/{maximum}*100,1)),"0.0")&"%"'


def _checklist_rate(met: str, applicable: str) -> str:
    """``符合 4 / 适用 5，符合率 80.0%`` (or ``无适用项``) as a formula."""
    return (
        f'=IF({applicable}=0,"无适用项","符合 "&{met}&" / 适用 "&{applicable}&"，符合率 "'
        f'&TEXT(ROUND({met}/{applicable}*100,1),"0.0")&"%")'
    )


def _change_formula(row: int) -> str:
    """The later year minus the earlier, blank when either is missing."""
    return f'=IF(OR(D{row}="",E{row}=""),"",E{row}-D{row})'


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


def _sheet_name(wanted: str, used: Sequence[str]) -> str:
    """A valid, unused sheet name (≤ 31 characters, none of []:*?/\\)."""
    name = "".join("_" if ch in _FORBIDDEN_IN_SHEET_NAMES else ch for ch in wanted).strip("' ")[:31] or "表"
    taken = {u.casefold() for u in used}
    base, n = name, 2
    while name.casefold() in taken:
        suffix = f"({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    return name


def _display_width(text: str) -> int:
    """Width in Excel column units: CJK (wide, full-width and ambiguous) characters count 2."""
    return wording.display_width(text, ambiguous_wide=True)


def _wrapped_lines(text: str, width: float) -> int:
    """Estimated number of lines ``text`` takes in a wrapping column ``width`` wide."""
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(_display_width(line) / usable)) for line in text.split("\n"))


# --- layout -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Col:
    """A column: its header, its width (fixed, or fitted to content within bounds)."""

    header: str
    width: float | None = None
    minimum: float = 6
    maximum: float = 40
    wrap: bool = False
    align: str = "left"


class _Styles:
    """The few style objects every sheet shares (openpyxl styles are immutable values)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.fonts = {
            "title": Font(name=HEADING_FONT, size=16, bold=True),
            "subtitle": Font(name=BODY_FONT, size=10),
            "header": Font(name=HEADING_FONT, size=11, bold=True),
            "band": Font(name=HEADING_FONT, size=12, bold=True),
            "strong": Font(name=HEADING_FONT, size=11, bold=True),
            "body": Font(name=BODY_FONT, size=11),
            "note": Font(name=BODY_FONT, size=10),
        }
        solid = {"header": "D9E1F2", "band": "EDEDED", "subtotal": "F2F2F2", "total": "E2EFDA"}
        solid["missing"] = "FFF2CC"
        solid["review"] = "FFFFFF"
        self.fills = {k: PatternFill(fill_type="solid", start_color=v, end_color=v) for k, v in solid.items()}
        self.unlocked = Protection(locked=False)
        self._alignment = Alignment
        self._alignments: dict[tuple[str, str, bool], Alignment] = {}

    def align(self, horizontal: str, vertical: str, wrap: bool) -> Alignment:
        key = (horizontal, vertical, wrap)
        if key not in self._alignments:
            self._alignments[key] = self._alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap)
        return self._alignments[key]


class _Sheet:
    """Writes one sheet row by row, then sizes columns and rows and sets up printing."""

    def __init__(self, ws: Worksheet, columns: Sequence[_Col], styles: _Styles, *, landscape: bool) -> None:
        self.ws = ws
        self.cols = list(columns)
        self.st = styles
        self.landscape = landscape
        self.row = 0
        self.header_row = 0
        self._content = [0] * len(self.cols)
        self._texts: list[tuple[int, int, int, str]] = []  # row, first col, last col, wrapped text
        self._heights: dict[int, float] = {}

    def next_row(self) -> int:
        self.row += 1
        return self.row

    def put(
        self,
        row: int,
        col: int,
        value: Value,
        *,
        kind: str = "body",
        span: int = 1,
        align: str | None = None,
        wrap: bool | None = None,
        fill: str | None = None,
        border: bool = True,
        number_format: str | None = None,
        editable: bool = False,
    ) -> Cell:
        """One cell; ``editable`` leaves it unlocked in the protected sheet (the reviewer's cells)."""
        spec = self.cols[col - 1]
        wrap = spec.wrap if wrap is None else wrap
        cell = self.ws.cell(row=row, column=col, value=value)
        cell.font = self.st.fonts[kind]
        cell.alignment = self.st.align(align or spec.align, "top" if wrap else "center", wrap)
        if fill:
            cell.fill = self.st.fills[fill]
        if number_format:
            cell.number_format = number_format
        if border:
            cell.border = self.st.border
        if editable:
            cell.protection = self.st.unlocked
        formula = isinstance(value, str) and value.startswith("=")
        text = "" if value is None or formula else str(value)
        if span > 1:
            self.ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
            for other in range(col + 1, col + span):
                merged = self.ws.cell(row=row, column=other)
                merged.font = self.st.fonts[kind]
                if border:
                    merged.border = self.st.border
                if fill:
                    merged.fill = self.st.fills[fill]
                if editable:
                    merged.protection = self.st.unlocked
        elif kind != "title":
            self._content[col - 1] = max(
                self._content[col - 1], max(_display_width(line) for line in text.split("\n"))
            )
        if wrap and text:
            self._texts.append((row, col, col + span - 1, text))
        return cell

    def merge_down(self, col: int, first: int, last: int, value: str) -> None:
        """The section (or category) cell, merged over its rows."""
        cell = self.ws.cell(row=first, column=col, value=value)
        cell.font = self.st.fonts["body"]
        cell.alignment = self.st.align("center", "center", True)
        cell.border = self.st.border
        if last > first:
            self.ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
            for r in range(first + 1, last + 1):
                merged = self.ws.cell(row=r, column=col)
                merged.font = self.st.fonts["body"]
                merged.border = self.st.border
        widest = max(_display_width(line) for line in value.split("\n"))
        spec = self.cols[col - 1]
        self._content[col - 1] = max(self._content[col - 1], min(widest, int(spec.maximum)))

    def title(self, text: str) -> None:
        r = self.next_row()
        self.put(r, 1, text, kind="title", span=len(self.cols), align="center", wrap=True, border=False)
        self._heights[r] = 30.0

    def subtitle(self, text: str) -> None:
        r = self.next_row()
        self.put(r, 1, text, kind="subtitle", span=len(self.cols), align="left", wrap=True, border=False)

    def band(self, text: str) -> None:
        """A heading across the sheet (the summary's parts)."""
        r = self.next_row()
        self.put(r, 1, text, kind="band", span=len(self.cols), align="left", wrap=False, fill="band")
        self._heights[r] = 20.0

    def header(self) -> None:
        r = self.next_row()
        for col, spec in enumerate(self.cols, start=1):
            self.put(r, col, spec.header, kind="header", align="center", wrap=True, fill="header")
        self.header_row = r

    def pair(self, label: str, value: Value, *, editable: bool = False, height: float | None = None) -> None:
        """A label and its value (the value across the other columns); an editable one is left open."""
        r = self.next_row()
        self.put(r, 1, label, kind="strong", wrap=True)
        self.put(r, 2, value, span=len(self.cols) - 1, align="left", wrap=True, editable=editable)
        if height is not None:
            self._heights[r] = height

    def pair_count(self, label: str, count: int, detail: str) -> None:
        """A label, a number, and a remark across the remaining columns."""
        r = self.next_row()
        self.put(r, 1, label, kind="strong", wrap=True)
        self.put(r, 2, count, align="center")
        self.put(r, 3, detail, span=len(self.cols) - 2, align="left", wrap=True)

    def note(self, text: str, *, boxed: bool = False) -> None:
        r = self.next_row()
        self.put(r, 1, text, kind="note", span=len(self.cols), align="left", wrap=True, border=boxed)

    def finish(self, *, title_rows: tuple[int, int], freeze_row: int, freeze_col: int = 1) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.page import PageMargins

        ws = self.ws
        widths = []
        for i, spec in enumerate(self.cols):
            if spec.width is not None:
                width = spec.width
            else:
                width = min(max(self._content[i] + 2, spec.minimum), spec.maximum)
            widths.append(width)
            ws.column_dimensions[get_column_letter(i + 1)].width = width
        for row, first, last, text in self._texts:
            lines = _wrapped_lines(text, sum(widths[first - 1 : last]))
            if lines > 1:
                height = min(lines * LINE_HEIGHT + 3, MAX_ROW_HEIGHT)
                self._heights[row] = max(self._heights.get(row, 0.0), height)
        for row, height in self._heights.items():
            ws.row_dimensions[row].height = height

        setup = ws.page_setup
        setup.paperSize = ws.PAPERSIZE_A4
        setup.orientation = ws.ORIENTATION_LANDSCAPE if self.landscape else ws.ORIENTATION_PORTRAIT
        setup.fitToWidth = 1
        setup.fitToHeight = self._pages_without_orphans(widths)
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.7, header=0.3, footer=0.3)
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        ws.oddFooter.center.font = f"{BODY_FONT},Regular"
        ws.oddFooter.center.size = 9
        ws.freeze_panes = f"{get_column_letter(freeze_col)}{freeze_row}"

        protection = ws.protection
        protection.sheet = True
        protection.formatColumns = False  # False = allowed
        protection.formatRows = False
        protection.selectLockedCells = False
        protection.selectUnlockedCells = False

    def _pages_without_orphans(self, widths: Sequence[float]) -> int:
        """``fitToHeight``: 0 (as many pages as it takes), or a page count that pulls a few
        leftover rows back onto the page before instead of printing them alone."""
        page_width, page_height = _PRINTABLE["landscape" if self.landscape else "portrait"]
        scale = min(1.0, page_width / (sum(widths) * _POINTS_PER_WIDTH))
        height = sum(self._heights.get(r, _DEFAULT_ROW) for r in range(1, self.row + 1)) * scale
        pages = height / page_height
        whole = math.floor(pages)
        if whole >= 1 and pages - whole < ORPHAN_SHARE:
            return whole
        return 0
