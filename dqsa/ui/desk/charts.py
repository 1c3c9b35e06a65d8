"""The dashboard's charts, drawn with QPainter (QtCharts is not in PySide6-Essentials; the bundle stays lean).

Every size is taken from the font, so the charts grow with the text size setting
(100 %, 125 %, 150 %) instead of overlapping: a bar is a line of text high, labels
are elided to the room they have, axis labels are skipped when they would touch.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from dqsa.domain.scoring import fmt
from dqsa.ui.i18n import tr

BAR = QColor("#1565c0")
BEFORE = QColor("#9e9e9e")
WEAK = QColor("#c62828")
INK = QColor("#222222")
GRID = QColor("#d0d0d0")
MUTED = QColor("#666666")


def percent_label(value: Decimal | None) -> str:
    return "—" if value is None else f"{fmt(value)}%"


class _Chart(QWidget):
    """A white panel whose size follows the text size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.empty_text = tr("（没有数据）")

    def line(self) -> int:
        return self.fontMetrics().height()

    def _painter(self) -> QPainter:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setFont(QFont(self.font()))
        return painter

    def _empty(self, painter: QPainter) -> None:
        painter.setPen(QPen(MUTED))
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.empty_text)


class Histogram(_Chart):
    """Vertical bars: how many centers fall in each band of percentages (0–10 %, … 90–100 %)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)  # fills its box
        self.bands: list[tuple[int, int, int]] = []  # (low, high, count)
        self.axis_text = ""

    def set_bands(self, bands: list[tuple[int, int, int]]) -> None:
        self.bands = bands
        self.setToolTip(
            "\n".join(
                tr("{0}–{1}%：{2} 个中心").format(low, high, count) for low, high, count in bands if count
            )
        )
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.line() * 24, self.line() * 12)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.line() * 14, self.line() * 12)

    def paintEvent(self, _event: object) -> None:
        painter = self._painter()
        metrics = painter.fontMetrics()
        if not any(count for _, _, count in self.bands):
            self._empty(painter)
            painter.end()
            return
        line = self.line()
        most = max(count for _, _, count in self.bands)
        left = max(metrics.horizontalAdvance(str(most)) + 12, metrics.horizontalAdvance("0%") // 2 + 4)
        top, bottom = line, self.height() - 2 * line - 6
        right = self.width() - metrics.horizontalAdvance("100%") // 2 - 6  # room for the last edge's label
        width = (right - left) / len(self.bands)
        painter.setPen(QPen(GRID))
        for tick in _ticks(most):
            y = bottom - (bottom - top) * tick / most
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(QPen(MUTED))
            painter.drawText(
                QRectF(0, y - line / 2, left - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(tick),
            )
            painter.setPen(QPen(GRID))
        for index, (_low, _high, count) in enumerate(self.bands):
            x = left + index * width
            height = (bottom - top) * count / most
            painter.fillRect(QRectF(x + 3, bottom - height, width - 6, height), BAR)
            if count:
                painter.setPen(QPen(INK))
                painter.drawText(
                    QRectF(x, bottom - height - line - 2, width, line),
                    Qt.AlignmentFlag.AlignCenter,
                    str(count),
                )
        painter.setPen(QPen(INK))
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        needed = metrics.horizontalAdvance("100%") + 8
        stride = next(
            (k for k in (1, 2, 5) if k * width >= needed and len(self.bands) % k == 0), len(self.bands)
        )
        for index in range(0, len(self.bands) + 1, stride):  # the band edges: 0, 10, … 100 (as many as fit)
            value = self.bands[index][0] if index < len(self.bands) else self.bands[-1][1]
            text = f"{value}%"
            x = left + index * width
            half = metrics.horizontalAdvance(text) / 2
            painter.drawText(
                QRectF(x - half - 2, bottom + 4, 2 * half + 4, line), Qt.AlignmentFlag.AlignCenter, text
            )
        painter.setPen(QPen(MUTED))
        painter.drawText(
            QRectF(left, bottom + line + 6, right - left, line),
            Qt.AlignmentFlag.AlignCenter,
            self.axis_text,
        )
        painter.end()


def _ticks(most: int) -> list[int]:
    step = max(1, -(-most // 4))
    return list(range(0, most + 1, step))


@dataclass(frozen=True)
class Bar:
    """One row of a bar list: a label, a percentage (0–100) and the text shown after the bar."""

    label: str
    value: Decimal | None
    text: str = ""
    tooltip: str = ""
    bold: bool = False
    indent: int = 0
    #: The earlier value (a second, grey bar above this one), for a comparison.
    before: Decimal | None = None
    colour: QColor | None = None


class BarList(_Chart):
    """Horizontal bars on a 0–100 % scale, one row per :class:`Bar`; with ``paired`` a grey bar for the earlier value."""

    def __init__(
        self, parent: QWidget | None = None, *, paired: bool = False, label_share: float = 0.45
    ) -> None:
        super().__init__(parent)
        self.paired = paired
        self.label_share = label_share
        self.rows: list[Bar] = []
        self.legend: tuple[str, str] = ("", "")
        self.setMouseTracking(True)

    def set_rows(self, rows: list[Bar], legend: tuple[str, str] = ("", "")) -> None:
        self.rows = rows
        self.legend = legend
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return (2 * self.line() + 6) if self.paired else (self.line() + 6)

    def _top(self) -> int:
        return (self.line() + 10) if self.paired and self.legend[0] else 4

    def sizeHint(self) -> QSize:
        return QSize(self.line() * 30, self._top() + self._row_height() * max(1, len(self.rows)) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.line() * 16, self.sizeHint().height())

    def row_at(self, y: float) -> int | None:
        index = int((y - self._top()) // self._row_height())
        return index if 0 <= index < len(self.rows) else None

    def event(self, event: object) -> bool:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QToolTip

        if isinstance(event, QEvent) and event.type() == QEvent.Type.ToolTip:
            index = self.row_at(event.pos().y())  # type: ignore[attr-defined]
            if index is not None and self.rows[index].tooltip:
                QToolTip.showText(event.globalPos(), self.rows[index].tooltip, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, _event: object) -> None:
        painter = self._painter()
        metrics = painter.fontMetrics()
        if not self.rows:
            self._empty(painter)
            painter.end()
            return
        line, row_height, top = self.line(), self._row_height(), self._top()
        label_width = int(self.width() * self.label_share)
        value_width = max(metrics.horizontalAdvance(r.text or percent_label(r.value)) for r in self.rows) + 8
        left = label_width + 8
        span = max(10, self.width() - left - value_width - 6)
        if self.paired and self.legend[0]:
            x = float(left)
            for colour, text in ((BEFORE, self.legend[0]), (BAR, self.legend[1])):
                painter.fillRect(QRectF(x, 4, line, line - 2), colour)
                painter.setPen(QPen(INK))
                painter.drawText(QRectF(x + line + 4, 2, metrics.horizontalAdvance(text) + 4, line), text)
                x += line + 4 + metrics.horizontalAdvance(text) + 24
        painter.setPen(QPen(GRID))
        for tick in (0, 50, 100):
            x = left + span * tick / 100
            painter.drawLine(QPointF(x, top), QPointF(x, top + row_height * len(self.rows)))
        for index, row in enumerate(self.rows):
            y = top + index * row_height
            font = QFont(self.font())
            font.setBold(row.bold)
            painter.setFont(font)
            indent = row.indent * metrics.horizontalAdvance("中")
            label = painter.fontMetrics().elidedText(
                row.label, Qt.TextElideMode.ElideRight, label_width - indent
            )
            painter.setPen(QPen(INK))
            painter.drawText(
                QRectF(indent, y, label_width - indent, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            painter.setFont(QFont(self.font()))
            bars: list[tuple[Decimal | None, QColor, float]] = []
            if self.paired:
                bars = [(row.before, BEFORE, y + 2), (row.value, row.colour or BAR, y + 2 + line)]
            else:
                bars = [(row.value, row.colour or BAR, y + 3)]
            for value, colour, bar_top in bars:
                if value is not None:
                    width = span * float(min(max(value, Decimal(0)), Decimal(100))) / 100
                    painter.fillRect(QRectF(left, bar_top, max(width, 1.5), line - 2), colour)
            painter.setPen(QPen(INK))
            text = row.text or percent_label(row.value)
            painter.drawText(
                QRectF(left + span + 6, y, value_width, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        painter.end()
