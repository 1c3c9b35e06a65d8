"""四、与上年度对比: both years' section percentages, the items that changed, the facts."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from dqsa.domain.answers import CHECKLIST_LABELS
from dqsa.domain.comparison import TREND_LABELS, Comparison, ItemChange, PartChange
from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.report.kit import FRAME_HEIGHT, FRAME_WIDTH, GRID, INK, MM, Kit, colour, row_styles
from dqsa.export.report.totals import wrap_label

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Flowable

    from dqsa.store.reviews import ReviewRecord

OLD_COLOUR = "#9E9E9E"
NEW_COLOUR = "#1565C0"


def story(data: ReportInput, kit: Kit) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak, PageBreak, Spacer

    c = data.comparison
    if c is None:
        return []
    story: list[Flowable] = [kit.heading("comparison")]
    intro = (
        f"本年度与 {c.old_year} 年度对比：合计 {wording.points_text(c.old_total, c.old_max)}（{c.old_year} 年）→ "
        f"{wording.points_text(c.new_total, c.new_max)}（{c.new_year} 年）；{wording.trend_counts(c)}。"
    )
    if c.count("unanswered"):
        intro += "未填写的条目不按 0 分比较，也不算退步。"
    story += [kit.p(intro, kit.note), Spacer(1, 2 * MM)]
    review = data.earlier_review
    if review is not None and review.year == c.old_year:
        story += [kit.p(reviewed_total_text(review), kit.note), Spacer(1, 2 * MM)]
    shown = [s for s in c.sections if s.new_score is not None and s.old_score is not None and s.new_max]
    if shown:
        story += [_chart(c, shown, kit), Spacer(1, 2 * MM)]
        marked = [s for s in shown if s.old_unanswered or s.new_unanswered]
        if marked:  # a drop from items left empty is not a regression: said beside the bars
            parts = "；".join(f"{s.title}，{s.unanswered_text}" for s in marked)
            words = f"标 {UNANSWERED_MARK} 的项目有未填写的条目（按 0 分计），得分率的变化不一定是实际的进步或退步："
            story.append(kit.p(f"{words}{parts}。", kit.note))
        story.append(Spacer(1, 2 * MM))
    changed = [i for i in c.items if i.changed]  # not one unanswered in both years: nothing changed
    if changed:
        # Not keepWithNext: that glued the heading to the whole table and pushed both to the next page.
        story += [CondPageBreak(40 * MM), kit.p("有变化的条目", kit.h2_loose)]
        widths = [44 * MM, 0.0, 19 * MM, 19 * MM, 14 * MM]
        widths[1] = FRAME_WIDTH - sum(widths)
        rows = [kit.head_row(["条目", "考评内容", f"{c.old_year} 年", f"{c.new_year} 年", "变化"])]
        for item in changed:
            text = [kit.p(item.text)]
            if item.note:  # why the change is not what the scores suggest
                text.append(kit.p(f"说明：{item.note}", kit.cell_muted))
            rows.append(
                [
                    [kit.p(wording.item_label(data.pack, item.item_id)), kit.p(item.item_id, kit.cell_id)],
                    text,
                    kit.p(_shown(item, "old"), kit.cell_center),
                    kit.p(_shown(item, "new"), kit.cell_center),
                    kit.p(TREND_LABELS[item.trend], kit.cell_center),
                ]
            )
        story.append(kit.table(rows, widths, row_styles([""] * len(changed))))
    if c.facts:
        story.append(kit.p("情况变化", kit.h2))
        story += [kit.p(f"· {line}", kit.body) for line in c.facts]
    story.append(PageBreak())
    return story


#: After a section's name in the chart: it has items not answered in one of the years.
UNANSWERED_MARK = "*"


def reviewed_total_text(review: ReviewRecord) -> str:
    """Last year's reviewed total, as the level above signed it, in one sentence."""
    from dqsa.domain.status import review_label

    f = wording.fmt
    if review.pack_kind == "checklist":
        figures = f"复核后符合 {f(review.total_reviewed)} 项（自评符合 {f(review.total_self)} 项，适用 {f(review.total_max)} 项）"
    else:
        figures = f"复核得分合计 {f(review.total_reviewed)} 分（自评 {f(review.total_self)} 分，满分 {f(review.total_max)} 分）"
    text = (
        f"上级对 {review.year} 年度的审核结论：{review_label(review.state)}"
        f"（{review.desk_name}，{wording.date_text(review.reviewed_at)}）；{figures}。"
    )
    if review.outdated:
        text += f"该审核针对的是 {review.year} 年度当时报送的版本，上表中的 {review.year} 年得分是文件中现在的内容。"
    return text


def _shown(item: ItemChange, side: str) -> str:
    """The score as a person reads it: ``7.5 / 10``, ``符合``, ``未填写``, or ``—``."""
    if side == "old":
        score, maximum, status, answered = item.old_score, item.old_max, item.old_status, item.old_answered
    else:
        score, maximum, status, answered = item.new_score, item.new_max, item.new_status, item.new_answered
    if score is None:
        return "—"
    if not answered:
        return CHECKLIST_LABELS["unanswered"]
    if status is not None:
        return CHECKLIST_LABELS.get(status, status)
    return wording.points_text(score, maximum if maximum is not None else Decimal(0))


def _title(part: PartChange) -> str:
    return f"{part.title} {UNANSWERED_MARK}" if part.old_unanswered or part.new_unanswered else part.title


def _chart(comparison: Comparison, shown: list[PartChange], kit: Kit) -> Drawing:
    """Section percentages, earlier year grey and later year blue, side by side."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = kit.fonts.face_for("".join(s.title for s in shown) + "0123456789.% 年" + UNANSWERED_MARK)
    width = FRAME_WIDTH
    label_size = 8.5
    titles = {s.part_id: _title(s) for s in shown}
    label_width = min(max(max(stringWidth(t, font, label_size) for t in titles.values()) + 8, 60.0), 150.0)
    row = min(26.0, (FRAME_HEIGHT * 0.5) / max(len(shown), 1))
    height = row * len(shown) + 42
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # no standard-14 font anywhere: every font must be embedded
    drawing.initialFontSize = label_size
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width + 8, 18
    chart.width, chart.height = width - chart.x - 44, row * len(shown)
    rows = list(reversed(shown))
    # Within a category the first series is drawn lowest: the later year first puts the earlier on top.
    chart.data = [[float(s.new_percent or 0) for s in rows], [float(s.old_percent or 0) for s in rows]]
    chart.categoryAxis.categoryNames = [
        wrap_label(titles[s.part_id], font, label_size, label_width - 6) for s in rows
    ]
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName = font
        labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.tickLeft = 0
    chart.categoryAxis.strokeColor = colour(GRID)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labelTextFormat = lambda value: f"{value:.0f}%"
    chart.valueAxis.strokeColor = colour(GRID)
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = colour(NEW_COLOUR)
    chart.bars[1].fillColor = colour(OLD_COLOUR)
    chart.barWidth, chart.groupSpacing, chart.barSpacing = 7, 6, 1
    chart.barLabelFormat = lambda value: wording.percent_text(Decimal(str(value)))
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    x, y = chart.x, height - 12
    for fill, year in ((OLD_COLOUR, comparison.old_year), (NEW_COLOUR, comparison.new_year)):
        drawing.add(Rect(x, y, 9, 9, fillColor=colour(fill), strokeColor=None))
        drawing.add(String(x + 13, y + 1, f"{year} 年", fontName=font, fontSize=8.5, fillColor=colour(INK)))
        x += 70
    return drawing
