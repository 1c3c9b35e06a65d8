"""The desk's roll-up workbook (汇总表) for one year: one row per center, every item's self and reviewer score.

Sheets (columns documented in ``docs/审核台账格式.md``):

- ``说明``: the desk, the year, per standard how many centers and their averages
  (formulas over the standard's sheet), the packets held for an identity check, who is
  missing;
- one sheet per standard (pack and version): Huzhou scores and Wenzhou checklists never
  share a column. Per center: name, level, region, certificate fingerprint, review
  state, reviewer; the table totals, total, maximum and percentage (formulas over
  the item cells); the reviewed total and percentage (formulas: the reviewer's score
  where given, else the center's); then a block of every item's self score and a
  block of every item's reviewer score, in the pack's order. The last row averages
  every numeric column (formulas);
- ``条目-…`` per standard: per item the number of centers it applies to, how many are
  at full marks (met) and the share, as formulas over the standard's sheet.

Checklists: self cells hold 1 (符合), 0 (不符合) or nothing (不适用); reviewer cells 1,
0, the text 不适用, or nothing where the reviewer left the center's word.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from dqsa import __version__
from dqsa.domain.rollup import Standard, Submission, by_standard
from dqsa.export import wording
from dqsa.export.workbook.layout import BODY_FONT, HEADING_FONT, SCORE_FORMAT

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from dqsa.domain.criteria import CriteriaPack
    from dqsa.store.desk.records import ListRow, MissingCenter, PacketSummary
    from dqsa.store.desk.service import DeskStore

#: Columns before the totals on a standard's sheet.
FIXED = ("中心名称", "级别", "所在地区", "审核状态", "审核人")
#: The last column (after both item blocks): long, for checking, not for reading along.
FINGERPRINT = "证书指纹"
PERCENT_FORMAT = "0.0"
HEADER_ROWS = 3  # block titles, item labels, maxima


@dataclass(frozen=True)
class RollupData:
    """Everything the roll-up shows, read from the desk once."""

    desk_name: str
    year: int
    made_at: datetime
    groups: dict[tuple[str, str], list[Submission]]
    packs: dict[tuple[str, str], CriteriaPack]
    rows: dict[str, ListRow]  # by Submission.center
    held: list[PacketSummary]
    missing: list[MissingCenter]
    previous: dict[tuple[str, str], list[Submission]]


def rollup_data(desk: DeskStore, year: int) -> RollupData:
    """Read what the workbook and the PDF summary need (one pass over the desk)."""
    from dqsa.store.desk.records import PacketState

    submissions = desk.submissions(year)
    groups = by_standard(sorted(submissions, key=lambda s: (s.region, s.name)))
    packs = {key: desk.pack(key) for key in groups}
    rows = {
        str(r.center_id): r
        for r in desk.list_rows(year, status=PacketState.ACCEPTED)
        if r.center_id is not None
    }
    held = desk.packets(year=year, states=(PacketState.HELD,))
    previous = by_standard(desk.submissions(year - 1))
    return RollupData(
        desk.info().name, year, datetime.now(), groups, packs, rows, held, desk.missing(year), previous
    )


#: progress(percent, text), for a window's worker thread.
Progress = Callable[[int, str], None]


def write_rollup_workbook(
    desk: DeskStore, year: int, target: Path, *, progress: Progress | None = None
) -> Path:
    """Write the year's roll-up workbook to ``target`` (through a temporary file: never half a file).

    A folder that cannot be written or a full disk raises
    :class:`~dqsa.store.errors.SaveFailed` with a Chinese message; nothing is left behind.
    """
    step = progress or (lambda percent, text: None)
    step(5, "读取台账")
    data = rollup_data(desk, year)
    step(40, "生成汇总表")
    content = build_rollup_workbook(data)
    step(90, "保存")
    path = write_output(Path(target), content, ".xlsx")
    step(100, "完成")
    return path


def write_output(target: Path, data: bytes, suffix: str) -> Path:
    """Write ``data`` to ``target`` through a temporary file beside it; :class:`SaveFailed` naming the folder."""
    from dqsa.fileio import OutputFailed, write_bytes_atomic
    from dqsa.store.errors import SaveFailed

    if not target.suffix:
        target = target.with_suffix(suffix)
    try:
        write_bytes_atomic(target, data)
    except OutputFailed as exc:
        raise SaveFailed(str(exc), path=target) from exc
    return target


def build_rollup_workbook(data: RollupData) -> bytes:
    """The roll-up workbook's bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    overview = wb.active
    assert overview is not None
    overview.title = "说明"
    used = {"说明"}
    sheets: list[tuple[Standard, str, int]] = []
    for key, submissions in data.groups.items():
        pack = data.packs[key]
        name = _sheet_name(f"{_short(pack.title)} {pack.version}", used)
        ws = wb.create_sheet(name)
        last = _standard_sheet(ws, pack, submissions, data.rows)
        items_ws = wb.create_sheet(_sheet_name(f"条目-{_short(pack.title)} {pack.version}", used))
        _item_sheet(items_ws, pack, name, submissions, last)
        sheets.append((submissions[0].standard, name, last))
    _overview(overview, data, sheets)
    for ws in wb.worksheets:
        _page_setup(
            ws,
            fit_width=not ws.title.startswith(tuple(name for _, name, _ in sheets))
            or ws.title.startswith("条目"),
        )
    props = wb.properties
    props.title = f"{data.desk_name} {data.year}年度汇总"
    props.creator = props.lastModifiedBy = f"dqsa {__version__}"
    props.language = "zh-CN"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- a standard's sheet -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """Where things are on a standard's sheet (1-based columns)."""

    tables: dict[str, tuple[int, int]]  # table id → (first, last) item index (0-based) in the pack's order
    table_cols: dict[str, int]
    total: int
    maximum: int
    percent: int
    reviewed: int
    reviewed_max: int
    reviewed_percent: int
    self_first: int
    review_first: int
    items: int

    def self_col(self, index: int) -> int:
        return self.self_first + index

    def review_col(self, index: int) -> int:
        return self.review_first + index


def _layout(pack: CriteriaPack) -> _Layout:
    tables: dict[str, tuple[int, int]] = {}
    index = 0
    for table in pack.tables:
        count = sum(len(section.items) for section in table.sections)
        tables[table.id] = (index, index + count - 1)
        index += count
    col = len(FIXED) + 1
    table_cols = {}
    for table_id in tables:
        table_cols[table_id] = col
        col += 1
    total, maximum, pct, reviewed, reviewed_max, reviewed_pct = range(col, col + 6)
    self_first = col + 6
    return _Layout(
        tables,
        table_cols,
        total,
        maximum,
        pct,
        reviewed,
        reviewed_max,
        reviewed_pct,
        self_first,
        self_first + index,
        index,
    )


def _standard_sheet(
    ws: Worksheet, pack: CriteriaPack, submissions: Sequence[Submission], rows: dict[str, ListRow]
) -> int:
    """Fill one standard's sheet; returns the row of the averages."""
    from openpyxl.utils import get_column_letter as L

    styles = _styles()
    checklist = pack.kind == "checklist"
    layout = _layout(pack)
    items = [(table, section, item) for table, section, item in pack.items()]
    # header: block titles, labels, maxima
    for col, title in enumerate(FIXED, start=1):
        _head(ws, 2, col, title, styles)
    _head(ws, 2, layout.review_first + layout.items, FINGERPRINT, styles)
    for table in pack.tables:
        _head(ws, 2, layout.table_cols[table.id], f"{table.short_title}（{table.id}）", styles)
    measures = (
        ("符合项", "适用项", "符合率%", "复核符合项", "复核适用项", "复核符合率%")
        if checklist
        else ("合计", "满分", "得分率%", "复核合计", "复核满分", "复核得分率%")
    )
    for col, title in zip(
        (
            layout.total,
            layout.maximum,
            layout.percent,
            layout.reviewed,
            layout.reviewed_max,
            layout.reviewed_percent,
        ),
        measures,
        strict=True,
    ):
        _head(ws, 2, col, title, styles)
    _head(ws, 1, 1, f"{pack.title}（{pack.id} {pack.version}）", styles)
    _head(
        ws,
        1,
        layout.self_first,
        "各条目自评" + ("（1 符合，0 不符合，空 不适用）" if checklist else "得分"),
        styles,
    )
    _head(
        ws,
        1,
        layout.review_first,
        "各条目复核" + ("（空：同自评）" if checklist else "得分（空：未复核）"),
        styles,
    )
    for index, (table, section, item) in enumerate(items):
        label = f"{table.short_title}·{section.title}·{item.number}"
        for col in (layout.self_col(index), layout.review_col(index)):
            _head(ws, 2, col, label, styles)
            ws.cell(3, col, "1" if checklist else _num(item.max_points or Decimal(0))).font = styles["small"]
            ws.column_dimensions[L(col)].width = 9
    ws.cell(3, 1, "满分" if not checklist else "（每项 1 分）").font = styles["small"]
    first = HEADER_ROWS + 1
    r = first
    for submission in submissions:
        row = rows.get(submission.center)
        fixed = [
            submission.name,
            row.level_label if row else submission.level,
            submission.region,
            submission.review_state.label,
            row.reviewer if row else "",
        ]
        ws.cell(r, layout.review_first + layout.items, row.fingerprint if row else "").font = styles["small"]
        for col, value in enumerate(fixed, start=1):
            ws.cell(r, col, value).font = styles["body"]
        marks = {m.item_id: m for m in submission.items}
        for index, (_, _, item) in enumerate(items):
            mark = marks.get(item.id)
            self_cell = ws.cell(r, layout.self_col(index))
            if mark is not None and mark.applicable:
                self_cell.value = _num(mark.score)
            if item.id in submission.reviewer_applicable and not submission.reviewer_applicable[item.id]:
                ws.cell(r, layout.review_col(index), "不适用")
            elif item.id in submission.reviewer_scores:
                ws.cell(r, layout.review_col(index), _num(submission.reviewer_scores[item.id]))
            self_cell.number_format = "0" if checklist else SCORE_FORMAT
            ws.cell(r, layout.review_col(index)).number_format = "0" if checklist else SCORE_FORMAT
        self_range = f"{L(layout.self_first)}{r}:{L(layout.self_first + layout.items - 1)}{r}"
        review_range = f"{L(layout.review_first)}{r}:{L(layout.review_first + layout.items - 1)}{r}"
        for table_id, (a, b) in layout.tables.items():
            ws.cell(
                r, layout.table_cols[table_id], f"=SUM({L(layout.self_col(a))}{r}:{L(layout.self_col(b))}{r})"
            )
        total, maximum = L(layout.total), L(layout.maximum)
        reviewed, reviewed_max = L(layout.reviewed), L(layout.reviewed_max)
        if checklist:
            ws.cell(r, layout.total, f"=SUM({self_range})")
            ws.cell(r, layout.maximum, f"=COUNT({self_range})")
            ws.cell(
                r,
                layout.reviewed,
                f'=SUM({self_range})-SUMIF({review_range},"<>",{self_range})+SUM({review_range})',
            )
            ws.cell(
                r,
                layout.reviewed_max,
                f'=COUNT({self_range})-COUNTIFS({review_range},"<>",{self_range},">=0")+COUNT({review_range})',
            )
        else:
            ws.cell(r, layout.total, f"=SUM({self_range})")
            ws.cell(r, layout.maximum, _num(submission.max_total))
            ws.cell(
                r,
                layout.reviewed,
                f'=SUM({self_range})-SUMIF({review_range},"<>",{self_range})+SUM({review_range})',
            )
            ws.cell(r, layout.reviewed_max, f"={maximum}{r}")
        ws.cell(r, layout.percent, _percent(f"{total}{r}", f"{maximum}{r}"))
        ws.cell(r, layout.reviewed_percent, _percent(f"{reviewed}{r}", f"{reviewed_max}{r}"))
        for col in (
            *layout.table_cols.values(),
            layout.total,
            layout.maximum,
            layout.reviewed,
            layout.reviewed_max,
        ):
            ws.cell(r, col).number_format = "0" if checklist else SCORE_FORMAT
        for col in (layout.percent, layout.reviewed_percent):
            ws.cell(r, col).number_format = PERCENT_FORMAT
        r += 1
    last = r - 1
    ws.cell(r, 1, f"平均（{len(submissions)} 个中心）").font = styles["bold"]
    numeric = [*layout.table_cols.values(), layout.total, layout.maximum, layout.percent]
    numeric += [layout.reviewed, layout.reviewed_max, layout.reviewed_percent]
    numeric += list(range(layout.self_first, layout.review_first + layout.items))
    for col in numeric:
        cell = ws.cell(r, col, f'=IFERROR(ROUND(AVERAGE({L(col)}{first}:{L(col)}{last}),1),"")')
        cell.number_format = SCORE_FORMAT
        cell.font = styles["bold"]
    widths = {1: 34, 2: 10, 3: 16, 4: 10, 5: 10, layout.review_first + layout.items: 100}
    for col, width in widths.items():
        ws.column_dimensions[L(col)].width = width
    for col in range(len(FIXED) + 1, layout.self_first):
        ws.column_dimensions[L(col)].width = 11
    ws.freeze_panes = ws.cell(first, 2)
    ws.auto_filter.ref = f"A2:{L(layout.review_first + layout.items)}{last}"
    ws.sheet_view.zoomScale = 90
    return r


def _item_sheet(
    ws: Worksheet, pack: CriteriaPack, data_sheet: str, submissions: Sequence[Submission], avg_row: int
) -> None:
    """Per item: centers it applies to, at full marks (met), share — formulas over the standard's sheet."""
    from openpyxl.utils import get_column_letter as L

    styles = _styles()
    layout = _layout(pack)
    checklist = pack.kind == "checklist"
    first, last = HEADER_ROWS + 1, avg_row - 1
    heads = (
        "条目",
        "表",
        "项目",
        "序号",
        "内容",
        "满分",
        "适用的中心",
        "满分（符合）的中心",
        "满分率%",
        "平均自评",
        "平均复核",
    )
    _head(ws, 1, 1, f"各条目的满分（符合）情况：{pack.title}（{len(submissions)} 个中心）", styles)
    for col, title in enumerate(heads, start=1):
        _head(ws, 2, col, title, styles)
    sheet = "'" + data_sheet.replace("'", "''") + "'!"
    for index, (table, section, item) in enumerate(pack.items()):
        r = index + 3
        self_col = L(layout.self_col(index))
        rng = f"{sheet}{self_col}{first}:{self_col}{last}"
        maximum = 1 if checklist else _num(item.max_points or Decimal(0))
        values: list[object] = [item.id, table.short_title, section.title, item.number, item.text, maximum]
        values += [
            f"=COUNT({rng})",
            f'=COUNTIF({rng},">="&F{r})',
            _percent(f"H{r}", f"G{r}"),
            f"={sheet}{self_col}{avg_row}",
            f"={sheet}{L(layout.review_col(index))}{avg_row}",
        ]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col, value)
            cell.font = styles["body"]
            if col in (9, 10, 11):
                cell.number_format = SCORE_FORMAT
    for col, width in enumerate((16, 10, 16, 6, 60, 7, 10, 12, 9, 9, 9), start=1):
        ws.column_dimensions[L(col)].width = width
    ws.freeze_panes = "B3"


# --- the overview ---------------------------------------------------------------------------------------------


def _overview(ws: Worksheet, data: RollupData, sheets: Sequence[tuple[Standard, str, int]]) -> None:
    from openpyxl.utils import get_column_letter as L

    styles = _styles()
    lines: list[list[object]] = [
        [f"{data.desk_name} {data.year} 年度党群服务中心自评汇总"],
        [f"生成时间：{wording.datetime_text(data.made_at)}（dqsa {__version__}）"],
        ["不同评分标准的结果分表列出，不相加：湖州标准为得分，温州核查清单为适用项中符合的比例。"],
        [],
        [
            "评分标准",
            "版本",
            "中心数",
            "平均合计（符合项）",
            "平均得分率（符合率）%",
            "平均复核得分率%",
            "工作表",
        ],
    ]
    for standard, name, avg_row in sheets:
        layout = _layout(data.packs[standard.key])
        ref = "'" + name.replace("'", "''") + "'!"
        count = avg_row - HEADER_ROWS - 1
        lines.append(
            [
                standard.title or standard.pack_id,
                standard.version,
                f"=COUNTA({ref}A{HEADER_ROWS + 1}:A{avg_row - 1})" if count else 0,
                f"={ref}{L(layout.total)}{avg_row}",
                f"={ref}{L(layout.percent)}{avg_row}",
                f"={ref}{L(layout.reviewed_percent)}{avg_row}",
                name,
            ]
        )
    if not sheets:
        lines.append(["（这一年度还没有已接收的材料包）"])
    lines.append([])
    lines.append([f"身份待核实（暂扣，未计入）：{len(data.held)} 个"])
    for packet in data.held:
        lines.append(
            [packet.center_name, packet.level_label, packet.region, packet.fingerprint, packet.held_reason]
        )
    lines.append([])
    lines.append([f"尚未报送：{len(data.missing)} 个"])
    for m in data.missing:
        lines.append([m.name, m.level, m.region, "（材料包暂扣，待核实）" if m.held else ""])
    for r, values in enumerate(lines, start=1):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c, value)  # type: ignore[arg-type]
            cell.font = styles["title"] if r == 1 else styles["bold"] if r == 5 else styles["body"]
            if isinstance(value, str) and value.startswith("=") and c in (4, 5, 6):
                cell.number_format = SCORE_FORMAT
    for col, width in enumerate((40, 10, 14, 30, 24, 18, 30), start=1):
        ws.column_dimensions[L(col)].width = width


def _page_setup(ws: Worksheet, *, fit_width: bool) -> None:
    """A4 landscape; the overview and the item sheets one page wide, a standard's sheet with its
    heading rows and the names on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_margins.left = ws.page_margins.right = 0.4
    if fit_width:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    else:
        ws.print_title_rows = f"1:{HEADER_ROWS}"
        ws.print_title_cols = "A:A"


# --- helpers ---------------------------------------------------------------------------------------------------


def _percent(score: str, maximum: str) -> str:
    """The percentage with one decimal, rounded half up as dqsa does; 0 without a maximum."""
    return f"=IF({maximum}=0,0,ROUND({score}/{maximum}*100,1))"


def _num(value: Decimal | int) -> int | float:
    number = wording.json_number(value)
    assert number is not None
    return number


def _short(title: str) -> str:
    """A standard's title short enough for a sheet name: its part in brackets, else its start."""
    if "（" in title and "）" in title:
        inside = title[title.index("（") + 1 : title.index("）")]
        if inside:
            return inside.split("，")[0][:14]
    return title[:14]


def _sheet_name(wanted: str, used: set[str]) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in wanted).strip("'")[:31] or "标准"
    name, n = cleaned, 2
    while name in used:
        suffix = f" ({n})"
        name, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def _head(ws: Worksheet, row: int, col: int, value: str, styles: dict[str, object]) -> None:
    from openpyxl.styles import Alignment

    cell = ws.cell(row, col, value)
    cell.font = styles["bold"]  # type: ignore[assignment]
    cell.alignment = Alignment(wrap_text=row == 2, vertical="center")
    if row == 2:
        cell.fill = styles["fill"]  # type: ignore[assignment]


_STYLES: dict[str, object] = {}


def _styles() -> dict[str, object]:
    if not _STYLES:
        from openpyxl.styles import Font, PatternFill

        _STYLES.update(
            body=Font(name=BODY_FONT, size=10),
            small=Font(name=BODY_FONT, size=9, color="666666"),
            bold=Font(name=HEADING_FONT, size=10, bold=True),
            title=Font(name=HEADING_FONT, size=14, bold=True),
            fill=PatternFill("solid", fgColor="E8EEF7"),
        )
    return _STYLES
