"""The PDF self-assessment report, one module per section, in the one order a reviewer reads:

cover (with the totals, the signer, the fingerprint and the reviewer's spaces) →
一、得分概览 (:mod:`.totals`) → 二、逐项评分 (:mod:`.items`) → 三、改进措施 (:mod:`.measures`)
→ 四、与上年度对比 (:mod:`.comparison`, when there is an earlier year) → 五、佐证材料
(:mod:`.evidence`, when there is evidence) → 六、签署 (:mod:`.signature`), numbered
throughout. :mod:`.kit` holds the shared styles and tables, :mod:`.pages` the footer,
:mod:`.linebreak` the Chinese line-breaking rules (the only code that touches
reportlab's internals).

Everything is drawn in embedded (subset) TrueType faces: the chosen face, and the bundled
one for any character it lacks (:class:`~dqsa.export.fonts.ReportFonts`); a character no
face has stops the build (:class:`~dqsa.export.fonts.MissingGlyphs`). The last page
leaves an empty framed box for the visible digital signature; :func:`build_report`
returns its exact position so that the signing step can stamp it there.

reportlab is imported only inside the functions (importing this package stays cheap).
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dqsa.domain.text import printable
from dqsa.export.content import ReportInput
from dqsa.export.fonts import ReportFonts
from dqsa.export.report import comparison, cover, evidence, items, measures, signature, totals
from dqsa.export.report.kit import MARGIN, Kit, Sections
from dqsa.export.report.linebreak import extend_line_break_rules
from dqsa.export.report.pages import numbered_canvas

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

__all__ = ["ReportPdf", "build_report", "extend_line_break_rules", "section_keys"]


@dataclass(frozen=True)
class ReportPdf:
    """The report and where its visible signature goes."""

    data: bytes
    signature_page: int  # 0-based index of the signature page (the last page)
    signature_box: tuple[float, float, float, float]  # (x1, y1, x2, y2) in PDF points on that page


def section_keys(data: ReportInput) -> list[str]:
    """The numbered sections this report has, in order."""
    keys = ["overview", "items", "measures"]
    if data.comparison is not None:
        keys.append("comparison")
    if data.evidence:
        keys.append("evidence")
    return [*keys, "signature"]


def build_report(data: ReportInput, fonts: ReportFonts) -> ReportPdf:
    """Lay out the whole report; :class:`~dqsa.export.fonts.MissingGlyphs` when a character has no glyph."""
    with tempfile.TemporaryDirectory(prefix="dqsa-report-") as scratch:
        return _build(data, fonts, Path(scratch))


def _build(data: ReportInput, fonts: ReportFonts, scratch: Path) -> ReportPdf:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    extend_line_break_rules()
    kit = Kit(fonts, Sections(section_keys(data)), scratch)
    card = data.card
    box = signature.SignatureBox(fonts)
    story: list[Flowable] = []
    story += cover.story(data, kit)
    story += totals.story(data, kit)
    story += items.story(data, kit)
    story += measures.story(data, kit)
    story += comparison.story(data, kit)
    story += evidence.story(data, kit)
    story += signature.story(data, kit, box)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=printable(f"{card.center_name} {card.year} 年度自评报告", lines=False),
        author=printable(card.center_name, lines=False),
        subject=printable(data.pack.title, lines=False),
        creator="dqsa",
        lang="zh-CN",
        initialFontName=fonts.primary,
        initialFontSize=10,
    )
    fonts.reset()
    try:
        with _binary_streams():
            doc.build(
                story,
                canvasmaker=numbered_canvas(
                    fonts, printable(card.center_name, lines=False), f"{card.year} 年度自评报告"
                ),
            )
    finally:
        fonts.release()
    fonts.check()
    if box.placed is None:  # pragma: no cover - the box is always drawn
        raise RuntimeError("签名框没有排入报告")
    page, rect = box.placed
    return ReportPdf(data=buffer.getvalue(), signature_page=page, signature_box=rect)


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Streams without ASCII85: photos are embedded as they are, not 25 % larger.

    reportlab reads the global ``rl_config.useA85`` while it builds; its pure-Python
    encoder took most of the time of a report with photos (3 s for 20 photos).
    """
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved
