"""The roll-up summary for the leadership meeting: one PDF for a year of the desk.

Page one: the figures at a glance (how many centers sent, are held, are missing; per
standard the average and the spread; where the reviews stand). Then one numbered
section per standard (Huzhou scores and Wenzhou checklists are never added together):
the distribution of results, the average per section, the weakest items (the share of
centers at full marks), the change since last year, and every center's result. Then
who has not submitted and whose packet waits for an identity check.

Built with the center report's building blocks: the embedded fonts with per-character
fallback (:mod:`dqsa.export.fonts`), the styles and tables of :mod:`dqsa.export.report.kit`,
the Chinese line breaking and the numbered page frame. The figures are the centers'
own (self-assessed); reviewed totals are shown beside them where a reviewer gave any.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from dqsa.export.fonts import ReportFonts
from dqsa.export.report.kit import MARGIN, Kit, Sections
from dqsa.export.report.linebreak import extend_line_break_rules
from dqsa.export.report.pages import numbered_canvas
from dqsa.export.rollup_report import sections

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from dqsa.export.rollup_workbook import Progress, RollupData
    from dqsa.store.desk.service import DeskStore

__all__ = ["build_rollup_report", "write_rollup_report"]


def build_rollup_report(data: RollupData, fonts: ReportFonts) -> bytes:
    """The summary's PDF bytes; :class:`~dqsa.export.fonts.MissingGlyphs` when a character has no glyph."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    extend_line_break_rules()
    kit = Kit(fonts, Sections([]))
    story: list[Flowable] = []
    story += sections.overview(data, kit)
    for number, key in enumerate(data.groups, start=1):
        story += sections.standard(data, key, number, kit)
    story += sections.absent(data, len(data.groups) + 1, kit)
    buffer = io.BytesIO()
    title = f"{data.desk_name} {data.year} 年度党群服务中心自评汇总"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=data.desk_name,
        subject="党群服务中心年度自评汇总",
        creator="dqsa",
        lang="zh-CN",
        initialFontName=fonts.primary,
        initialFontSize=10,
    )
    fonts.reset()
    try:
        doc.build(story, canvasmaker=numbered_canvas(fonts, data.desk_name, f"{data.year} 年度汇总"))
    finally:
        fonts.release()
    fonts.check()
    return buffer.getvalue()


def write_rollup_report(
    desk: DeskStore,
    year: int,
    target: Path,
    *,
    font_setting: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the year's summary PDF to ``target`` (through a temporary file: never half a file).

    A folder that cannot be written or a full disk raises
    :class:`~dqsa.store.errors.SaveFailed` with a Chinese message; nothing is left behind.
    """
    from dqsa.export.fonts import find_cjk_font, report_fonts
    from dqsa.export.rollup_workbook import rollup_data, write_output

    step = progress or (lambda percent, text: None)
    if font_setting is None:
        from dqsa.settings import load_settings

        font_setting = load_settings().pdf_font or None
    step(5, "读取台账")
    data = rollup_data(desk, year)
    step(20, "准备字体")
    fonts = report_fonts(find_cjk_font(font_setting))
    step(30, "生成 PDF")
    content = build_rollup_report(data, fonts)
    step(90, "保存")
    path = write_output(Path(target), content, ".pdf")
    step(100, "完成")
    return path
