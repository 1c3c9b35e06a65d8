"""What every section of the report draws with: page geometry, colours, paragraph styles,
tables that never split a row, section numbers, and text that always has its glyphs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dqsa.domain.text import printable
from dqsa.export.fonts import ReportFonts

if TYPE_CHECKING:
    from reportlab.lib.colors import Color
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable, Paragraph, Table

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 595.2755905511812, 841.8897637795277  # A4
MARGIN = 20 * MM
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - 2 * MARGIN
#: A table cell taller than this share of a page moves its long text below the table.
MAX_CELL_SHARE = 0.4

# Colours (hex), turned into reportlab colours where drawn.
INK = "#1F2933"
MUTED = "#5E6B78"
ACCENT = "#2F5D8A"
GRID = "#A7B3C0"
HEADER_BG = "#DCE6F1"
ZEBRA_BG = "#F5F7FA"
BELOW_FULL_BG = "#FCEFDD"
SUBTOTAL_BG = "#EAF0F6"
TOTAL_BG = "#D5E1EE"
GAP_INK = "#B3261E"
TABLE_COLOURS = ("#2F6FAF", "#D9822B", "#3C9D5D", "#8E5BB5", "#C2413A", "#4A9BA8")
CHINESE_NUMBERS = "一二三四五六七八九十"

#: The report's sections in their one order, by key: (title).
SECTION_TITLES: dict[str, str] = {
    "overview": "得分概览",
    "items": "逐项评分",
    "measures": "改进措施",
    "comparison": "与上年度对比",
    "evidence": "佐证材料",
    "signature": "签署",
}


def colour(hex_value: str) -> Color:
    from reportlab.lib.colors import HexColor

    return HexColor(hex_value)


@dataclass
class Sections:
    """The numbered sections present in this report: 一、得分概览, 二、逐项评分, …"""

    keys: list[str]

    def title(self, key: str) -> str:
        return f"{CHINESE_NUMBERS[self.keys.index(key)]}、{SECTION_TITLES[key]}"


@dataclass
class Notes:
    """Long texts moved out of a table row (a row never splits across pages), printed after the table."""

    entries: list[tuple[str, str]] = field(default_factory=list)

    def add(self, label: str, text: str) -> int:
        self.entries.append((label, text))
        return len(self.entries)


class Kit:
    """Paragraph styles and cell helpers in the report's fonts."""

    def __init__(self, fonts: ReportFonts, sections: Sections, scratch: Path | None = None) -> None:
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        self.scratch = scratch
        self._scratch_files = 0
        self.fonts = fonts
        self.font = fonts.primary
        self.sections = sections
        ink = colour(INK)
        base = ParagraphStyle(
            "body", fontName=self.font, fontSize=10.5, leading=17, wordWrap="CJK", textColor=ink
        )

        def style(name: str, parent: ParagraphStyle = base, **changes: Any) -> ParagraphStyle:
            return ParagraphStyle(name, parent=parent, **changes)

        self.body = base
        self.title = style("title", fontSize=22, leading=30, alignment=TA_CENTER, textColor=colour(ACCENT))
        self.center_name = style("center", fontSize=18, leading=25, alignment=TA_CENTER)
        self.subtitle = style(
            "subtitle", fontSize=12, leading=18, alignment=TA_CENTER, textColor=colour(MUTED)
        )
        self.h1 = style(
            "h1",
            fontSize=15,
            leading=22,
            spaceBefore=4,
            spaceAfter=8,
            keepWithNext=1,
            textColor=colour(ACCENT),
        )
        self.h2 = style("h2", fontSize=12, leading=18, spaceBefore=8, spaceAfter=5, keepWithNext=1)
        self.h2_loose = style("h2_loose", parent=self.h2, keepWithNext=0)
        self.note = style("note", fontSize=9, leading=14, textColor=colour(MUTED))
        # rightIndent leaves room for punctuation hanging past the line end (kinsoku), inside the cell.
        self.cell = style("cell", fontSize=9, leading=12.5, rightIndent=4)
        self.cell_center = style("cell_center", parent=self.cell, rightIndent=0, alignment=TA_CENTER)
        self.cell_right = style("cell_right", parent=self.cell, rightIndent=0, alignment=TA_RIGHT)
        self.cell_muted = style("cell_muted", parent=self.cell, textColor=colour(MUTED))
        self.cell_gap = style("cell_gap", parent=self.cell, textColor=colour(GAP_INK))
        self.cell_head = style(
            "cell_head", parent=self.cell, rightIndent=0, alignment=TA_CENTER, textColor=ink
        )
        self.cell_id = style("cell_id", parent=self.cell, fontSize=6.5, leading=9, textColor=colour(MUTED))
        self.label = style("label", fontSize=10, leading=15, textColor=colour(MUTED))
        self.value = style("value", fontSize=10.5, leading=15)
        self.caption = style("caption", fontSize=8.5, leading=12, alignment=TA_CENTER)
        self.caption_muted = style("caption_muted", parent=self.caption, textColor=colour(MUTED))
        self.fingerprint = style("fingerprint", fontSize=10.5, leading=15)

    def scratch_file(self, suffix: str) -> Path:
        """A new file name in the build's scratch folder (removed with it after the build)."""
        if self.scratch is None:
            raise RuntimeError("this report has no scratch folder")
        self._scratch_files += 1
        return self.scratch / f"{self._scratch_files:04d}{suffix}"

    # --- text ---------------------------------------------------------------------------------

    def text(self, text: str) -> str:
        """Plain text as paragraph markup: escaped, line breaks kept, with font runs for characters the
        main face lacks."""
        return "<br/>".join(self.fonts.markup(line) for line in text.split("\n"))

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text; ``style`` defaults to table cells."""
        from reportlab.platypus import Paragraph

        return Paragraph(self.text(text), style or self.cell)

    def markup(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of reportlab markup (callers pass their text parts through :meth:`text`)."""
        from reportlab.platypus import Paragraph

        return Paragraph(markup, style or self.cell)

    def heading(self, key: str, *, continued: bool = False) -> Paragraph:
        """A numbered section heading: ``三、改进措施`` (``（续）`` on a continuation page)."""
        return self.p(self.sections.title(key) + ("（续）" if continued else ""), self.h1)

    def fitted(
        self,
        text: str,
        width: float,
        notes: Notes,
        label: str,
        style: ParagraphStyle | None = None,
        *,
        limit: float = FRAME_HEIGHT * MAX_CELL_SHARE,
    ) -> Paragraph | list[Paragraph]:
        """``text`` in a cell ``width`` wide; a text taller than ``limit`` keeps its beginning in the
        cell and goes in full to the notes below the table (a row never splits across pages)."""
        paragraph = self.p(text, style)
        size = (style or self.cell).fontSize
        leading = (style or self.cell).leading
        per_line = max(1, int((width - 8) // size))  # no character is wider than the font size
        if (len(text) // per_line + 1 + text.count("\n")) * leading <= limit:
            return paragraph  # short enough without measuring (a paragraph is laid out only once)
        _, height = paragraph.wrap(width, FRAME_HEIGHT)
        if height <= limit:
            return paragraph
        number = notes.add(label, text)
        keep = max(20, int(len(text) * limit * 0.8 / height))
        return [
            self.p(text[:keep] + "……", style),
            self.p(f"（全文见本表后注 {number}）", self.cell_muted),
        ]

    def notes(self, notes: Notes) -> list[Flowable]:
        """The long texts moved out of a table, each in full."""
        flowables: list[Flowable] = []
        for number, (label, text) in enumerate(notes.entries, start=1):
            flowables.append(self.p(f"注 {number}　{label}", self.h2))
            flowables += [self.p(part, self.body) for part in text.split("\n") if part.strip()]
        notes.entries.clear()
        return flowables

    # --- tables -------------------------------------------------------------------------------

    def table(
        self,
        rows: list[list[object]],
        widths: Sequence[float],
        commands: Sequence[tuple[object, ...]] | None = None,
        *,
        header: bool = True,
        kind: type[Table] | None = None,
    ) -> Table:
        """A table with the report's grid and padding; rows never split across pages; the header
        row repeats on every page the table runs over. ``kind``: a Table subclass to make."""
        from reportlab.platypus import Table, TableStyle

        style: list[tuple[object, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("GRID", (0, 0), (-1, -1), 0.4, colour(GRID)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            style += [
                ("BACKGROUND", (0, 0), (-1, 0), colour(HEADER_BG)),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ]
        table = (kind or Table)(
            rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT", splitInRow=0
        )
        table.setStyle(TableStyle(style + list(commands or [])))
        return table

    def plain_table(self, rows: list[list[object]], widths: Sequence[float]) -> Table:
        """Label/value rows with a thin rule under each (cover, signature page)."""
        return self.table(
            rows,
            widths,
            [
                ("GRID", (0, 0), (-1, -1), 0, colour("#FFFFFF")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colour(GRID)),
            ],
            header=False,
        )

    def head_row(self, names: Sequence[str]) -> list[Paragraph]:
        return [self.p(n, self.cell_head) for n in names]


def row_styles(flags: list[str]) -> list[tuple[object, ...]]:
    """Backgrounds for rows flagged "below", "zebra", "sub" or "total" (row 0 is the header),
    and no page break between a section's last item and its subtotal (and the total after it)."""
    colours = {"below": BELOW_FULL_BG, "zebra": ZEBRA_BG, "sub": SUBTOTAL_BG, "total": TOTAL_BG}
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, row), (-1, row), colour(colours[flag]))
        for row, flag in enumerate(flags, start=1)
        if flag in colours
    ]
    summary = {"sub", "total"}
    for k, flag in enumerate(flags):
        if flag in summary and k > 0 and flags[k - 1] not in summary:
            end = k
            while end + 1 < len(flags) and flags[end + 1] in summary:
                end += 1
            commands.append(("NOSPLIT", (0, k), (-1, end + 1)))  # table rows: flags[k - 1] is row k
    return commands


def draw_text(
    canvas: Canvas,
    fonts: ReportFonts,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    align: str = "left",
    word_space: float = 0.0,
) -> float:
    """Draw one line on a canvas, each character in a face that has it; returns its width.

    ``word_space`` widens every space by that many points.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs: list[tuple[str, str]] = []
    for char in printable(text, lines=False):
        face = fonts.face_of(char)
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + char)
        else:
            runs.append((face, char))
    width = sum(float(stringWidth(chunk, face, size)) + word_space * chunk.count(" ") for face, chunk in runs)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    for face, chunk in runs:
        canvas.setFont(face, size)
        canvas.drawString(x, y, chunk, wordSpace=word_space or None)
        x += stringWidth(chunk, face, size) + word_space * chunk.count(" ")
    return width
