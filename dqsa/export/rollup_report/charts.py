"""The roll-up summary's charts: how the centers' results are spread, and each section's average.

Drawn with reportlab's graphics in the report's embedded faces (no standard-14 font
anywhere), in the colours of the center's report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dqsa.domain.rollup import Bucket, PartAverage
from dqsa.export.report.kit import (
    ACCENT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    GRID,
    INK,
    MUTED,
    TABLE_COLOURS,
    Kit,
    colour,
)
from dqsa.export.report.totals import add_table_legend, style_percent_bars, wrap_label

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

DIGITS = "0123456789.%–个 "


def distribution_chart(buckets: Sequence[Bucket], kit: Kit, *, what: str) -> Drawing:
    """One bar per band of percentages, with the number of centers on it."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String

    labels = [f"{b.low}–{b.high}" for b in buckets]
    font = kit.fonts.face_for("".join(labels) + DIGITS + what + "中心数")
    width, height = FRAME_WIDTH, 150.0
    drawing = Drawing(width, height)
    drawing.initialFontName = font
    drawing.initialFontSize = 8
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 30
    chart.width, chart.height = width - chart.x - 10, height - 52
    chart.data = [[b.count for b in buckets]]
    chart.categoryAxis.categoryNames = labels
    top = max((b.count for b in buckets), default=0)
    step = max(1, _nice_step(top))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = (
        0,
        max(step * 4, top + step),
        step,
    )
    for labels_ in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels_.fontName = font
        labels_.fontSize = 8
    chart.categoryAxis.labels.fillColor = colour(INK)
    chart.valueAxis.labels.fillColor = colour(MUTED)
    chart.categoryAxis.strokeColor = chart.valueAxis.strokeColor = colour(GRID)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colour("#E3E8EE")
    chart.valueAxis.gridStrokeWidth = 0.5
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = colour(ACCENT)
    chart.barLabelFormat = lambda value: f"{int(value)}" if value else ""
    chart.barLabels.nudge = 6
    chart.barLabels.fillColor = colour(INK)
    drawing.add(chart)
    drawing.add(
        String(
            chart.x + chart.width / 2,
            6,
            f"{what}（%）",
            fontName=font,
            fontSize=8.5,
            textAnchor="middle",
            fillColor=colour(MUTED),
        )
    )
    drawing.add(String(0, height - 10, "中心数", fontName=font, fontSize=8.5, fillColor=colour(MUTED)))
    return drawing


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def averages_chart(
    parts: Sequence[PartAverage], table_of: dict[str, int], tables: Sequence[str], kit: Kit
) -> Drawing:
    """Each section's average percentage as a horizontal bar, coloured by its table (named in a legend)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.pdfbase.pdfmetrics import stringWidth

    shown = [p for p in parts if p.percent is not None]
    font = kit.fonts.face_for("".join(p.title for p in shown) + DIGITS)
    label_size = 8.5
    widest = max((stringWidth(p.title, font, label_size) for p in shown), default=60.0)
    label_width = min(max(widest + 8, 60.0), 150.0)
    row = min(22.0, (FRAME_HEIGHT * 0.6) / max(len(shown), 1))
    legend = 18.0 if len(tables) > 1 else 0.0
    height = row * len(shown) + 26 + legend
    drawing = Drawing(FRAME_WIDTH, height)
    drawing.initialFontName = font
    drawing.initialFontSize = label_size
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width + 8, 18
    chart.width, chart.height = FRAME_WIDTH - chart.x - 44, row * len(shown)
    rows = list(reversed(shown))  # the first category is drawn at the bottom
    chart.data = [[float(p.percent or 0) for p in rows]]
    chart.categoryAxis.categoryNames = [wrap_label(p.title, font, label_size, label_width - 6) for p in rows]
    style_percent_bars(chart, font, label_size)
    for position, part in enumerate(rows):
        chart.bars[(0, position)].fillColor = colour(
            TABLE_COLOURS[table_of.get(part.part_id, 0) % len(TABLE_COLOURS)]
        )
    drawing.add(chart)
    if legend:
        add_table_legend(drawing, list(tables), chart.x, height - 12, kit)
    return drawing
