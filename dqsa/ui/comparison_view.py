"""对比: two years side by side — a chart of section percentages, the items, the changed facts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dqsa.ui.i18n import tr

OLD_COLOUR = QColor("#9e9e9e")
NEW_COLOUR = QColor("#1565c0")
TREND_COLOURS = {
    "improved": QColor("#1a5e20"),
    "regressed": QColor("#b00020"),
    "unchanged": QColor("#555555"),
    "only_old": QColor("#6a4c93"),
    "only_new": QColor("#6a4c93"),
}


def trend_label(trend: str) -> str:
    return {
        "improved": tr("进步"),
        "regressed": tr("退步"),
        "unchanged": tr("不变"),
        "only_old": tr("仅上年有"),
        "only_new": tr("仅本年有"),
    }[trend]


class SectionChart(QWidget):
    """Horizontal bars: each section's percentage of full marks, earlier year grey, later year blue."""

    ROW = 34
    LABEL_WIDTH = 110

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, Decimal | None, Decimal | None]] = []
        self.years = ("", "")
        self.setMinimumWidth(360)

    def show_comparison(self, comparison: Any) -> None:
        self.years = (str(comparison.old_year), str(comparison.new_year))
        self.rows = [(s.title, s.old_percent, s.new_percent) for s in comparison.sections]
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(460, 40 + self.ROW * max(1, len(self.rows)))

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 40 + self.ROW * max(1, len(self.rows)))

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont(self.font())
        painter.setFont(font)
        metrics = painter.fontMetrics()
        left = self.LABEL_WIDTH
        right = self.width() - 56
        span = max(10, right - left)
        # legend
        for index, (colour, year) in enumerate(((OLD_COLOUR, self.years[0]), (NEW_COLOUR, self.years[1]))):
            x = left + index * 110
            painter.fillRect(QRectF(x, 8, 14, 10), colour)
            painter.setPen(QPen(QColor("#222222")))
            painter.drawText(int(x + 20), 18, tr("{0} 年").format(year))
        top = 30
        for number, (title, old, new) in enumerate(self.rows):
            y = top + number * self.ROW
            painter.setPen(QPen(QColor("#222222")))
            label = metrics.elidedText(title, Qt.TextElideMode.ElideRight, left - 8)
            painter.drawText(
                QRectF(0, y, left - 8, self.ROW - 6),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            for offset, value, colour in ((0, old, OLD_COLOUR), (13, new, NEW_COLOUR)):
                bar = QRectF(left, y + 3 + offset, span * float(value or 0) / 100, 11)
                painter.fillRect(bar, QBrush(colour))
                text = "—" if value is None else f"{value.normalize():f}%"
                painter.setPen(QPen(QColor("#333333")))
                painter.drawText(int(bar.right() + 4), int(bar.bottom()), text)
        painter.setPen(QPen(QColor("#bbbbbb")))
        painter.drawLine(left, top - 2, left, top + self.ROW * len(self.rows))
        painter.end()


COLUMNS = 6


class ComparisonDialog(QDialog):
    """Pick two years (the newest pair preselected) and see what changed."""

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(tr("与以往年度对比"))
        self.resize(1200, 680)
        layout = QVBoxLayout(self)
        pick = QHBoxLayout()
        self.old_year = QComboBox()
        self.new_year = QComboBox()
        years = sorted(store.years())
        for combo in (self.old_year, self.new_year):
            for year in years:
                combo.addItem(str(year), year)
        self.old_year.setCurrentIndex(max(0, len(years) - 2))
        self.new_year.setCurrentIndex(len(years) - 1)
        old_label = QLabel(tr("较早年度(&A)："))
        old_label.setBuddy(self.old_year)
        new_label = QLabel(tr("较晚年度(&B)："))
        new_label.setBuddy(self.new_year)
        self.regressed_only = QCheckBox(tr("只看退步(&R)"))
        self.changed_only = QCheckBox(tr("只看有变化的(&C)"))
        for widget in (
            old_label,
            self.old_year,
            new_label,
            self.new_year,
            self.regressed_only,
            self.changed_only,
        ):
            pick.addWidget(widget)
        pick.addStretch(1)
        layout.addLayout(pick)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.chart = SectionChart()
        splitter.addWidget(self.chart)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        layout.addWidget(QLabel(tr("情况变化：")))
        self.facts = QListWidget()
        self.facts.setMaximumHeight(130)
        layout.addWidget(self.facts)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        for combo in (self.old_year, self.new_year):
            combo.currentIndexChanged.connect(self.refresh)
        for box in (self.regressed_only, self.changed_only):
            box.toggled.connect(self.apply_filter)
        self.comparison: Any = None
        self.refresh()

    def refresh(self) -> None:
        old, new = self.old_year.currentData(), self.new_year.currentData()
        if old is None or new is None or old >= new:
            self.problem.setText(tr("请选择两个不同的年度，较早的在左边。"))
            return
        self.problem.clear()
        self.comparison = self.store.compare(old, new)
        self.chart.show_comparison(self.comparison)
        self._fill_table()
        self.facts.clear()
        self.facts.addItems(list(self.comparison.facts) or [tr("（没有变化）")])
        c = self.comparison
        self.summary.setText(
            tr("合计 {0}/{1} → {2}/{3}；进步 {4} 项，退步 {5} 项，不变 {6} 项。").format(
                _n(c.old_total),
                _n(c.old_max),
                _n(c.new_total),
                _n(c.new_max),
                c.count("improved"),
                c.count("regressed"),
                c.count("unchanged"),
            )
        )
        self.apply_filter()

    def _fill_table(self) -> None:
        c = self.comparison
        table = self.table
        table.setSortingEnabled(False)
        table.clearContents()
        table.setRowCount(len(c.items))
        table.setHorizontalHeaderLabels(
            [
                tr("条目"),
                tr("考评内容"),
                tr("{0} 年").format(c.old_year),
                tr("{0} 年").format(c.new_year),
                tr("变化"),
                tr("趋势"),
            ]
        )
        for row, item in enumerate(c.items):
            change = item.change
            cells = [
                QTableWidgetItem(item.item_id),
                QTableWidgetItem(item.text),
                QTableWidgetItem(item.shown("old")),
                QTableWidgetItem(item.shown("new")),
                _NumberItem(
                    "—" if change is None else (f"+{_n(change)}" if change > 0 else _n(change)),
                    float(change) if change is not None else 0.0,
                ),
                QTableWidgetItem(trend_label(item.trend)),
            ]
            cells[1].setToolTip(item.text)
            colour = TREND_COLOURS[item.trend]
            for column, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, item.trend)
                if column in (4, 5):
                    cell.setForeground(QBrush(colour))
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the pack's order until a header is clicked
        table.setSortingEnabled(True)

    def apply_filter(self) -> None:
        for row in range(self.table.rowCount()):
            trend = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            hidden = (self.regressed_only.isChecked() and trend != "regressed") or (
                self.changed_only.isChecked() and trend == "unchanged"
            )
            self.table.setRowHidden(row, hidden)

    def visible_rows(self) -> list[str]:
        """Item ids of the rows shown (for tests and screen readers)."""
        return [
            self.table.item(r, 0).text()
            for r in range(self.table.rowCount())
            if not self.table.isRowHidden(r)
        ]


class _NumberItem(QTableWidgetItem):
    """Sorts by the number, not the text."""

    def __init__(self, text: str, value: float) -> None:
        super().__init__(text)
        self.value = value

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.value < getattr(other, "value", 0.0)


def _n(value: Decimal) -> str:
    from dqsa.domain.scoring import fmt

    return fmt(value)
