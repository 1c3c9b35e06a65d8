"""Item tables whose rows say which section they belong to on every page.

The 项目 column names a section on its first row only (the standard's layout). When a
table runs over a page break in the middle of a section, the first row of the new page
would stand under an empty 项目 cell; there it names the section again, with （续）.

reportlab calls :meth:`Table.onSplit` on both parts of a split table (its documented hook
for "special purpose tables"); the part that continues on the next page gets the
section's name in its first row, and that row's height is measured again (the part was
made with the heights measured before the split). Two attributes of reportlab's Table
are used for this, ``_cellvalues`` and ``_argH``; tests/test_report.py fails loudly if
they go away.

Imported only while a report is built (it imports reportlab).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Table


class SectionName(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The 项目 cell of an item row: the section's name, or empty until the row starts a page."""

    def __init__(self, shown: Paragraph | None, continued: Paragraph) -> None:
        super().__init__()
        self.shown = shown
        self.continued = continued

    def as_continued(self) -> SectionName:
        """This cell at the top of a continuation page: the name with （续）."""
        return SectionName(self.continued, self.continued)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.shown is None:
            self.width, self.height = available_width, 0.0
        else:
            self.width, self.height = self.shown.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        if self.shown is not None:
            self.shown.drawOn(self.canv, 0, 0)


class SectionTable(Table):  # type: ignore[misc]
    """A table whose first row after the repeated header names its section (:class:`SectionName`)."""

    def onSplit(self, part: Table, byRow: int = 1) -> None:
        rows = part._cellvalues
        first = part.repeatRows if isinstance(part.repeatRows, int) else len(part.repeatRows)
        if len(rows) <= first or not rows[first]:
            return
        cell = rows[first][0]
        # A table keeps a flowable cell as a one-flowable tuple (of its own tuple type).
        inner = cell[0] if isinstance(cell, tuple | list) and len(cell) == 1 else cell
        if isinstance(inner, SectionName) and inner.shown is None:
            name = inner.as_continued()
            new = type(cell)((name,)) if isinstance(cell, tuple | list) else name
            # A new row list: the rows are shared with the table that was split.
            rows[first] = [new, *rows[first][1:]]
            if isinstance(part._argH, list):
                part._argH[first] = None  # measured again, with the name (None: reportlab measures it)
