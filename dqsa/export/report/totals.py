"""一、得分概览: every section's percentage as a bar, and the section subtotals table."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from dqsa.domain.scoring import Scorecard, SectionResult, TableResult
from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.report.kit import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    GRID,
    INK,
    MM,
    MUTED,
    SUBTOTAL_BG,
    TABLE_COLOURS,
    Kit,
    colour,
)
from dqsa.export.report.linebreak import CANNOT_START

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Flowable


def story(data: ReportInput, kit: Kit) -> list[Flowable]:
    from reportlab.platypus import PageBreak, Spacer

    card = data.card
    checklist = card.pack_kind == "checklist"
    story: list[Flowable] = [kit.heading("overview")]
    shown = [(t, s) for t in card.tables for s in t.sections if s.max_points > 0]
    skipped = sum(1 for t in card.tables for s in t.sections if s.max_points == 0)
    what = "符合率（符合项 ÷ 适用项）" if checklist else "得分率（得分 ÷ 满分）"
    intro = f"下图为各项目的{what}。"
    if skipped:
        intro += f"对本中心不适用的 {skipped} 个项目未列出。"
    story.append(kit.p(intro, kit.note))
    story.append(Spacer(1, 2 * MM))
    if shown:
        story.append(_section_chart(card, shown, kit))
        story.append(Spacer(1, 5 * MM))

    width = FRAME_WIDTH
    if checklist:
        head = ["评价表", "项目", "符合", "适用", "符合率"]
    else:
        head = ["评价表", "项目", "得分", "满分", "得分率"]
    rows = [kit.head_row(head)]
    commands: list[tuple[object, ...]] = []
    for table in card.tables:
        first = len(rows)
        for section in table.sections:
            applicable = section.max_points > 0
            rows.append(
                [
                    kit.p(table.short_title if len(rows) == first else ""),
                    kit.p(section.title, kit.cell if applicable else kit.cell_muted),
                    kit.p(wording.fmt(section.score) if applicable else "—", kit.cell_center),
                    kit.p(wording.fmt(section.max_points) if applicable else "—", kit.cell_center),
                    kit.p(wording.percent_text(section.percent) if applicable else "不适用", kit.cell_center),
                ]
            )
        rows.append(
            [
                kit.p(""),
                kit.p(f"{table.short_title}合计"),
                kit.p(wording.fmt(table.score), kit.cell_center),
                kit.p(wording.fmt(table.max_points), kit.cell_center),
                kit.p(wording.percent_text(table.percent), kit.cell_center),
            ]
        )
        commands.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colour(SUBTOTAL_BG)))
    story.append(kit.table(rows, [30 * MM, width - 30 * MM - 66 * MM, 20 * MM, 20 * MM, 26 * MM], commands))
    story.append(PageBreak())
    return story


def _section_chart(card: Scorecard, shown: list[tuple[TableResult, SectionResult]], kit: Kit) -> Drawing:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = kit.fonts.face_for("".join(s.title for _, s in shown) + "0123456789.%")
    width = FRAME_WIDTH
    label_size = 8.5
    widest = max(stringWidth(s.title, font, label_size) for _, s in shown)
    label_width = min(max(widest + 8, 60.0), 150.0)
    row = 24.0
    multiple = len(card.tables) > 1
    # Enough room for every bar, but never more than most of a page.
    row = min(row, (FRAME_HEIGHT * 0.55) / max(len(shown), 1))
    legend_height = 18.0 if multiple else 0.0
    plot_height = row * len(shown)
    height = plot_height + 24 + legend_height

    drawing = Drawing(width, height)
    drawing.initialFontName = font
    drawing.initialFontSize = label_size
    chart = HorizontalBarChart()
    chart.x = label_width + 8
    chart.y = 18
    chart.width = width - chart.x - 44
    chart.height = plot_height
    reversed_rows = list(reversed(shown))  # a horizontal bar chart draws its first category at the bottom
    chart.data = [[float(s.percent) for _, s in reversed_rows]]
    chart.categoryAxis.categoryNames = [
        wrap_label(s.title, font, label_size, label_width - 6) for _, s in reversed_rows
    ]
    style_percent_bars(chart, font, label_size)
    table_index = {t.table_id: n for n, t in enumerate(card.tables)}
    for position, (table, _) in enumerate(reversed_rows):
        chart.bars[(0, position)].fillColor = colour(TABLE_COLOURS[table_index[table.table_id] % 6])
    drawing.add(chart)

    if multiple:
        add_table_legend(drawing, [t.short_title for t in card.tables], chart.x, height - 12, kit)
    return drawing


def style_percent_bars(chart: Any, font: str, label_size: float) -> None:
    """The look of a horizontal bar chart of percentages (0–100 %), shared by the report and the roll-up."""
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = label_size
    chart.categoryAxis.labels.leading = label_size * 1.25
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.labels.fillColor = colour(INK)
    chart.categoryAxis.strokeColor = colour(GRID)
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labelTextFormat = lambda value: f"{value:.0f}%"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labels.fillColor = colour(MUTED)
    chart.valueAxis.strokeColor = colour(GRID)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colour("#E3E8EE")
    chart.valueAxis.gridStrokeWidth = 0.5
    chart.bars.strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = 6
    chart.barLabelFormat = lambda value: wording.percent_text(Decimal(str(value)))
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.fillColor = colour(INK)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3


def add_table_legend(drawing: Any, titles: list[str], x: float, y: float, kit: Kit) -> None:
    """A swatch in each table's colour and its name, in a row from (x, y)."""
    from reportlab.graphics.shapes import Rect, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for n, title in enumerate(titles):
        drawing.add(
            Rect(x, y, 9, 9, fillColor=colour(TABLE_COLOURS[n % len(TABLE_COLOURS)]), strokeColor=None)
        )
        face = kit.fonts.face_for(title)
        drawing.add(String(x + 13, y + 1, title, fontName=face, fontSize=8.5, fillColor=colour(INK)))
        x += 13 + stringWidth(title, face, 8.5) + 16


def wrap_label(text: str, font: str, size: float, width: float, max_lines: int = 2) -> str:
    """Break a chart label into at most ``max_lines`` lines (reportlab labels split only at spaces)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = [""]
    for char in text:
        candidate = lines[-1] + char
        if stringWidth(candidate, font, size) <= width or not lines[-1] or char in CANNOT_START:
            lines[-1] = candidate
        else:
            lines.append(char)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return "\n".join(lines)
