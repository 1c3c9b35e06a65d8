"""The page frame: "第 N 页 共 M 页" in the footer (two passes: the total is known at the end),
the center's name on the left and the report's year on the right."""

from __future__ import annotations

from typing import Any

from dqsa.export.fonts import ReportFonts
from dqsa.export.report.kit import GRID, MARGIN, MM, MUTED, PAGE_WIDTH, colour, draw_text

FOOTER_SIZE = 8.0


def page_number_text(number: int, total: int) -> str:
    """``第 1 页 共 12 页``."""
    return f"第 {number} 页 共 {total} 页"


def numbered_canvas(fonts: ReportFonts, left: str, right: str) -> type[Any]:
    """A canvas class that draws the footer on every page once the page count is known."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                self._draw_footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, total: int) -> None:
            self.saveState()
            y = MARGIN - 9 * MM
            self.setStrokeColor(colour(GRID))
            self.setLineWidth(0.4)
            self.line(MARGIN, y + 11, PAGE_WIDTH - MARGIN, y + 11)
            self.setFillColor(colour(MUTED))
            number = page_number_text(self._pageNumber, total)
            # Wider spaces around the numbers: text extraction (pdftotext) reads "第 1 页 共 7 页", not "第1页共7页".
            width = draw_text(
                self, fonts, PAGE_WIDTH / 2, y, number, FOOTER_SIZE, align="center", word_space=1.5
            )
            room = (PAGE_WIDTH - 2 * MARGIN - width) / 2 - 12
            name = left
            face = fonts.face_for(name)
            while len(name) > 1 and stringWidth(name, face, FOOTER_SIZE) > room:
                name = name[:-2] + "…" if len(name) > 2 else ""
            draw_text(self, fonts, MARGIN, y, name, FOOTER_SIZE)
            draw_text(self, fonts, PAGE_WIDTH - MARGIN, y, right, FOOTER_SIZE, align="right")
            self.restoreState()

    return NumberedCanvas
