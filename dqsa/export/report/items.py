"""二、逐项评分: every item of every table as the standard lays it out (section, number,
wording, points), with the center's score, an empty 复核得分 column for the reviewer, and
the basis of the score. A row never splits across pages; a section's last item stays with
its subtotal; long texts move below the table in full."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from dqsa.domain.answers import CHECKLIST_LABELS
from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.scoring import ItemResult, TableResult, percent
from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.report.kit import FRAME_WIDTH, MM, Kit, Notes, row_styles

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

#: Column header of the reviewer's empty column.
REVIEW_SCORED = "复核得分"
REVIEW_CHECKLIST = "复核结果"


def story(data: ReportInput, kit: Kit) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak, PageBreak, Spacer

    card = data.card
    checklist = card.pack_kind == "checklist"
    story: list[Flowable] = [kit.heading("items")]
    marked = "不符合" if checklist else "未得满分"
    review = REVIEW_CHECKLIST if checklist else REVIEW_SCORED
    story.append(
        kit.p(
            f"浅橙色底纹标出{marked}的条目。“{review}”一栏留给上级审核时填写。"
            "条目下方的灰色小字是程序内部编号，便于核对。",
            kit.note,
        )
    )
    story.append(Spacer(1, 2 * MM))
    for table in card.tables:
        # Not keepWithNext: that would glue the heading to the whole (multi-page) table.
        story.append(CondPageBreak(60 * MM))
        result = wording.result_text(table.score, table.max_points, checklist=checklist)
        story.append(kit.p(f"{table.title}（{result}，{wording.percent_text(table.percent)}）", kit.h2_loose))
        notes = Notes()
        story.append(_table(data.pack, table, kit, notes, checklist=checklist))
        story += kit.notes(notes)
        story.append(Spacer(1, 4 * MM))
    story.append(PageBreak())
    return story


def item_cell(item: ItemResult, kit: Kit) -> list[Flowable]:
    """The item's wording and, small and grey below it, its id (two paragraphs: a ``<br/>``
    after a full line with hanging punctuation would leave an empty line)."""
    style = kit.cell if item.applicable else kit.cell_muted
    return [kit.p(item.text, style), kit.p(item.item_id, kit.cell_id)]


def basis(item: ItemResult, *, checklist: bool) -> str:
    """How the item was scored and why, the override reason, the assessor's note."""
    if not item.applicable:
        parts = [item.explanation]
    else:
        parts = [f"【{wording.method_label(item.method, checklist=checklist)}】{item.explanation}"]
    if item.override_reason and item.override_reason not in item.explanation:
        parts.append(f"更正理由：{item.override_reason}")
    if item.note:
        parts.append(f"备注：{item.note}")
    return "\n".join(parts)


def _table(pack: CriteriaPack, table: TableResult, kit: Kit, notes: Notes, *, checklist: bool) -> Flowable:
    from dqsa.export.report.continued import SectionName, SectionTable

    if checklist:
        widths = [22 * MM, 9 * MM, 0.0, 14 * MM, 16 * MM, 44 * MM]
        head = ["项目", "序号", "核查内容", "结果", REVIEW_CHECKLIST, "说明"]
    else:
        widths = [20 * MM, 9 * MM, 0.0, 11 * MM, 12 * MM, 12 * MM, 44 * MM]
        head = ["项目", "序号", "考评内容", "分值", "自评得分", REVIEW_SCORED, "得分依据"]
    widths[2] = FRAME_WIDTH - sum(widths)
    basis_width = widths[-1] - 8
    rows = [kit.head_row(head)]
    flags: list[str] = []
    spans: list[tuple[object, ...]] = []
    last = len(head) - 1
    for section in table.sections:
        for k, item in enumerate(section.items):
            muted = kit.cell if item.applicable else kit.cell_muted
            label = wording.item_label(pack, item.item_id)
            reason = kit.fitted(basis(item, checklist=checklist), basis_width, notes, label, muted)
            if checklist:
                result = [kit.p(CHECKLIST_LABELS[item.status or "unanswered"], kit.cell_center)]
            else:
                result = [
                    kit.p(wording.fmt(item.max_points) if item.applicable else "—", kit.cell_center),
                    kit.p(wording.fmt(item.score) if item.applicable else "—", kit.cell_center),
                ]
            rows.append(
                [
                    SectionName(
                        kit.p(section.title) if k == 0 else None,
                        kit.p(f"{section.title}（续）", kit.cell_muted),
                    ),
                    kit.p(str(item.number), kit.cell_center),
                    item_cell(item, kit),
                    *result,
                    "",
                    reason,
                ]
            )
            flags.append("below" if item.below_full else ("zebra" if len(rows) % 2 else ""))
        rows.append(
            _summary_row(f"小计：{section.title}", section.score, section.max_points, kit, checklist, last)
        )
        flags.append("sub")
        spans += _summary_spans(len(rows) - 1, checklist, last)
    rows.append(
        _summary_row(f"合计：{table.short_title}", table.score, table.max_points, kit, checklist, last)
    )
    flags.append("total")
    spans += _summary_spans(len(rows) - 1, checklist, last)
    return kit.table(rows, widths, row_styles(flags) + spans, kind=SectionTable)


def _summary_row(
    title: str, score: Decimal, maximum: Decimal, kit: Kit, checklist: bool, last: int
) -> list[object]:
    share = wording.percent_text(percent(score, maximum))
    if checklist:
        text = (
            f"符合 {wording.fmt(score)} / 适用 {wording.fmt(maximum)} 项，符合率 {share}"
            if maximum
            else "全部不适用"
        )
        return [kit.p(title, kit.cell_right), "", "", kit.p(text), "", ""]
    return [
        kit.p(title, kit.cell_right),
        "",
        "",
        kit.p(wording.fmt(maximum), kit.cell_center),
        kit.p(wording.fmt(score), kit.cell_center),
        "",
        kit.p(f"得分率 {share}"),
    ][: last + 1]


def _summary_spans(row: int, checklist: bool, last: int) -> list[tuple[object, ...]]:
    spans: list[tuple[object, ...]] = [("SPAN", (0, row), (2, row))]
    if checklist:
        spans.append(("SPAN", (3, row), (last, row)))
    return spans
