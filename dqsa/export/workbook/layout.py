"""How a sheet of the packet's workbook is written: columns, styles, row by row, then sized,
protected and set up to print on A4 without a page holding a few leftover rows."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dqsa.domain.text import printable
from dqsa.export import wording

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.worksheet import Worksheet


class Formula(str):
    """A formula the workbook writes itself (``=SUM(E5:E9)``): the only text written as a formula.

    Any other text is written as text, even one a person typed starting with ``=``. ``result`` is
    what the formula computes to when the workbook is made (dqsa's own figure): it is stored with
    the formula, so that a reader that computes nothing (openpyxl ``data_only``, pandas, a preview)
    reads the number rather than an empty cell. Excel, WPS and LibreOffice compute it again.
    """

    result: int | float | str | None

    def __new__(cls, text: str, result: int | float | str | None = None) -> Formula:
        formula = super().__new__(cls, text)
        formula.result = result
        return formula


#: A cell's value: a number, a text, a :class:`Formula`, or nothing.
Value = str | int | float | None

#: Body text and headings; Excel on Windows substitutes a CJK font if one is missing.
BODY_FONT = "SimSun"
HEADING_FONT = "SimHei"
#: Points per wrapped line of 11 pt text (the row height estimate for long text).
LINE_HEIGHT = 15.0
#: Excel's largest row height.
MAX_ROW_HEIGHT = 409.0
#: Width of the column with the standard's wording, in characters.
WORDING_WIDTH = 60

#: Scores, points and percentages: one decimal, so that 9.0 and 24.9 line up.
SCORE_FORMAT = "0.0"
#: Points of an A4 page a sheet can print on (margins of 0.5/0.5 and 0.6/0.7 inch taken off).
_PRINTABLE = {"portrait": (523.0, 748.0), "landscape": (770.0, 501.0)}
#: Less than this share of a page left for the last printed page: shrink it onto the one before.
ORPHAN_SHARE = 0.25
#: Points a row without an explicit height takes; points per unit of column width.
_DEFAULT_ROW = 15.0
_POINTS_PER_WIDTH = 5.6
_FORBIDDEN_IN_SHEET_NAMES = set("[]:*?/\\")
#: Makes a sheet with a (valid, unique) name, its columns, and its orientation.
NewSheet = Callable[..., "Sheet"]


def valid_sheet_name(wanted: str, used: Sequence[str]) -> str:
    """A valid, unused sheet name (≤ 31 characters, none of []:*?/\\)."""
    wanted = printable(wanted, lines=False)
    name = "".join("_" if ch in _FORBIDDEN_IN_SHEET_NAMES else ch for ch in wanted).strip("' ")[:31] or "表"
    taken = {u.casefold() for u in used}
    base, n = name, 2
    while name.casefold() in taken:
        suffix = f"({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    return name


def display_width(text: str) -> int:
    """Width in Excel column units: CJK (wide, full-width and ambiguous) characters count 2."""
    return wording.display_width(text, ambiguous_wide=True)


def wrapped_lines(text: str, width: float) -> int:
    """Estimated number of lines ``text`` takes in a wrapping column ``width`` wide."""
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(display_width(line) / usable)) for line in text.split("\n"))


@dataclass(frozen=True)
class Col:
    """A column: its header, its width (fixed, or fitted to content within bounds)."""

    header: str
    width: float | None = None
    minimum: float = 6
    maximum: float = 40
    wrap: bool = False
    align: str = "left"


class Styles:
    """The few style objects every sheet shares (openpyxl styles are immutable values)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.fonts = {
            "title": Font(name=HEADING_FONT, size=16, bold=True),
            "subtitle": Font(name=BODY_FONT, size=10),
            "header": Font(name=HEADING_FONT, size=11, bold=True),
            "band": Font(name=HEADING_FONT, size=12, bold=True),
            "strong": Font(name=HEADING_FONT, size=11, bold=True),
            "body": Font(name=BODY_FONT, size=11),
            "note": Font(name=BODY_FONT, size=10),
        }
        solid = {"header": "D9E1F2", "band": "EDEDED", "subtotal": "F2F2F2", "total": "E2EFDA"}
        solid["missing"] = "FFF2CC"
        solid["review"] = "FFFFFF"
        self.fills = {k: PatternFill(fill_type="solid", start_color=v, end_color=v) for k, v in solid.items()}
        self.unlocked = Protection(locked=False)
        self._alignment = Alignment
        self._alignments: dict[tuple[str, str, bool], Alignment] = {}

    def align(self, horizontal: str, vertical: str, wrap: bool) -> Alignment:
        key = (horizontal, vertical, wrap)
        if key not in self._alignments:
            self._alignments[key] = self._alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap)
        return self._alignments[key]


class Sheet:
    """Writes one sheet row by row, then sizes columns and rows and sets up printing."""

    def __init__(self, ws: Worksheet, columns: Sequence[Col], styles: Styles, *, landscape: bool) -> None:
        self.ws = ws
        self.cols = list(columns)
        self.st = styles
        self.landscape = landscape
        self.row = 0
        self.header_row = 0
        self._content = [0] * len(self.cols)
        self._texts: list[tuple[int, int, int, str]] = []  # row, first col, last col, wrapped text
        self._heights: dict[int, float] = {}
        #: Cell → the result of the formula written there (see :class:`Formula`).
        self.results: dict[str, int | float | str | None] = {}

    def next_row(self) -> int:
        self.row += 1
        return self.row

    def put(
        self,
        row: int,
        col: int,
        value: Value,
        *,
        kind: str = "body",
        span: int = 1,
        align: str | None = None,
        wrap: bool | None = None,
        fill: str | None = None,
        border: bool = True,
        number_format: str | None = None,
        editable: bool = False,
    ) -> Cell:
        """One cell; ``editable`` leaves it unlocked in the protected sheet (the reviewer's cells)."""
        spec = self.cols[col - 1]
        wrap = spec.wrap if wrap is None else wrap
        formula = isinstance(value, Formula)
        if isinstance(value, str) and not formula:
            value = printable(value)  # a character a worksheet cannot hold never stops the export
        cell = self.ws.cell(row=row, column=col, value=value)
        if isinstance(value, Formula):
            self.results[cell.coordinate] = value.result
        elif isinstance(value, str) and cell.data_type == "f":
            cell.data_type = "s"  # a person's "=…" stays text: it computes nothing
        cell.font = self.st.fonts[kind]
        cell.alignment = self.st.align(align or spec.align, "top" if wrap else "center", wrap)
        if fill:
            cell.fill = self.st.fills[fill]
        if number_format:
            cell.number_format = number_format
        if border:
            cell.border = self.st.border
        if editable:
            cell.protection = self.st.unlocked
        text = "" if value is None or formula else str(value)
        if span > 1:
            self.ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
            for other in range(col + 1, col + span):
                merged = self.ws.cell(row=row, column=other)
                merged.font = self.st.fonts[kind]
                if border:
                    merged.border = self.st.border
                if fill:
                    merged.fill = self.st.fills[fill]
                if editable:
                    merged.protection = self.st.unlocked
        elif kind != "title":
            self._content[col - 1] = max(
                self._content[col - 1], max(display_width(line) for line in text.split("\n"))
            )
        if wrap and text:
            self._texts.append((row, col, col + span - 1, text))
        return cell

    def merge_down(self, col: int, first: int, last: int, value: str) -> None:
        """The section (or category) cell, merged over its rows."""
        value = printable(value)
        cell = self.ws.cell(row=first, column=col, value=value)
        cell.font = self.st.fonts["body"]
        cell.alignment = self.st.align("center", "center", True)
        cell.border = self.st.border
        if last > first:
            self.ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
            for r in range(first + 1, last + 1):
                merged = self.ws.cell(row=r, column=col)
                merged.font = self.st.fonts["body"]
                merged.border = self.st.border
        widest = max(display_width(line) for line in value.split("\n"))
        spec = self.cols[col - 1]
        self._content[col - 1] = max(self._content[col - 1], min(widest, int(spec.maximum)))

    def title(self, text: str) -> None:
        r = self.next_row()
        self.put(r, 1, text, kind="title", span=len(self.cols), align="center", wrap=True, border=False)
        self._heights[r] = 30.0

    def subtitle(self, text: str) -> None:
        r = self.next_row()
        self.put(r, 1, text, kind="subtitle", span=len(self.cols), align="left", wrap=True, border=False)

    def band(self, text: str) -> None:
        """A heading across the sheet (the summary's parts)."""
        r = self.next_row()
        self.put(r, 1, text, kind="band", span=len(self.cols), align="left", wrap=False, fill="band")
        self._heights[r] = 20.0

    def header(self) -> None:
        r = self.next_row()
        for col, spec in enumerate(self.cols, start=1):
            self.put(r, col, spec.header, kind="header", align="center", wrap=True, fill="header")
        self.header_row = r

    def pair(self, label: str, value: Value, *, editable: bool = False, height: float | None = None) -> None:
        """A label and its value (the value across the other columns); an editable one is left open."""
        r = self.next_row()
        self.put(r, 1, label, kind="strong", wrap=True)
        self.put(r, 2, value, span=len(self.cols) - 1, align="left", wrap=True, editable=editable)
        if height is not None:
            self._heights[r] = height

    def pair_count(self, label: str, count: int, detail: str) -> None:
        """A label, a number, and a remark across the remaining columns."""
        r = self.next_row()
        self.put(r, 1, label, kind="strong", wrap=True)
        self.put(r, 2, count, align="center")
        self.put(r, 3, detail, span=len(self.cols) - 2, align="left", wrap=True)

    def note(self, text: str, *, boxed: bool = False) -> None:
        r = self.next_row()
        self.put(r, 1, text, kind="note", span=len(self.cols), align="left", wrap=True, border=boxed)

    def finish(self, *, title_rows: tuple[int, int], freeze_row: int, freeze_col: int = 1) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.page import PageMargins

        ws = self.ws
        widths = []
        for i, spec in enumerate(self.cols):
            if spec.width is not None:
                width = spec.width
            else:
                width = min(max(self._content[i] + 2, spec.minimum), spec.maximum)
            widths.append(width)
            ws.column_dimensions[get_column_letter(i + 1)].width = width
        for row, first, last, text in self._texts:
            lines = wrapped_lines(text, sum(widths[first - 1 : last]))
            if lines > 1:
                height = min(lines * LINE_HEIGHT + 3, MAX_ROW_HEIGHT)
                self._heights[row] = max(self._heights.get(row, 0.0), height)
        for row, height in self._heights.items():
            ws.row_dimensions[row].height = height

        setup = ws.page_setup
        setup.paperSize = ws.PAPERSIZE_A4
        setup.orientation = ws.ORIENTATION_LANDSCAPE if self.landscape else ws.ORIENTATION_PORTRAIT
        setup.fitToWidth = 1
        setup.fitToHeight = self._pages_without_orphans(widths)
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.7, header=0.3, footer=0.3)
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        ws.oddFooter.center.font = f"{BODY_FONT},Regular"
        ws.oddFooter.center.size = 9
        ws.freeze_panes = f"{get_column_letter(freeze_col)}{freeze_row}"

        protection = ws.protection
        protection.sheet = True
        protection.formatColumns = False  # False = allowed
        protection.formatRows = False
        protection.selectLockedCells = False
        protection.selectUnlockedCells = False

    def _pages_without_orphans(self, widths: Sequence[float]) -> int:
        """``fitToHeight``: 0 (as many pages as it takes), or a page count that pulls a few
        leftover rows back onto the page before instead of printing them alone."""
        page_width, page_height = _PRINTABLE["landscape" if self.landscape else "portrait"]
        scale = min(1.0, page_width / (sum(widths) * _POINTS_PER_WIDTH))
        height = sum(self._heights.get(r, _DEFAULT_ROW) for r in range(1, self.row + 1)) * scale
        pages = height / page_height
        whole = math.floor(pages)
        if whole >= 1 and pages - whole < ORPHAN_SHARE:
            return whole
        return 0
