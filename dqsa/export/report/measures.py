"""三、改进措施: every item below full marks (for a checklist: not met), labelled as the
standard labels it, with the center's improvement measure, or a clearly marked gap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dqsa.domain.answers import CHECKLIST_LABELS
from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.report.items import item_cell
from dqsa.export.report.kit import FRAME_WIDTH, MM, Kit, Notes, row_styles

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

#: What stands in the measure column of an item that has none: a gap, not a blank.
GAP = "【缺】未填写改进措施"


def story(data: ReportInput, kit: Kit) -> list[Flowable]:
    from reportlab.platypus import PageBreak, Spacer

    card = data.card
    checklist = card.pack_kind == "checklist"
    story: list[Flowable] = [kit.heading("measures")]
    below = [i for i in card.items() if i.below_full]
    if not below:
        done = "全部适用条目均已符合" if checklist else "全部适用条目均已得满分"
        return [*story, kit.p(f"{done}，无需改进措施。", kit.body), PageBreak()]
    what = "不符合" if checklist else "未得满分"
    intro = f"以下 {len(below)} 个条目{what}，按标准“持续改进”的要求列出改进措施。"
    missing = card.without_measures
    if missing:
        intro += f"其中 {len(missing)} 项未填写改进措施，标为“{GAP}”。"
    story += [kit.p(intro, kit.note), Spacer(1, 2 * MM)]
    widths = [9 * MM, 0.0, 18 * MM, 66 * MM]
    widths[1] = FRAME_WIDTH - sum(widths)
    rows = [kit.head_row(["序号", "条目", "结果" if checklist else "得分", "改进措施"])]
    flags: list[str] = []
    notes = Notes()
    for n, item in enumerate(below, start=1):
        label = wording.item_label(data.pack, item.item_id)
        if checklist:
            result = CHECKLIST_LABELS[item.status or "unanswered"]
        else:
            result = wording.points_text(item.score, item.max_points)
        action = item.corrective_action.strip()
        measure = kit.fitted(action, widths[3] - 8, notes, label) if action else kit.p(GAP, kit.cell_gap)
        rows.append(
            [
                kit.p(str(n), kit.cell_center),
                [kit.p(label), *item_cell(item, kit)],
                kit.p(result, kit.cell_center),
                measure,
            ]
        )
        flags.append("zebra" if n % 2 == 0 else "")
    story.append(kit.table(rows, widths, row_styles(flags)))
    story += kit.notes(notes)
    story.append(PageBreak())
    return story
