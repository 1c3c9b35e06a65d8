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
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dqsa.export.wording import item_label
from dqsa.ui.i18n import QT_TR_NOOP, tr

OLD_COLOUR = QColor("#9e9e9e")
NEW_COLOUR = QColor("#1565c0")
#: Colours of the trends the window knows; any other trend the domain reports is shown in grey.
TREND_COLOURS = {
    "improved": QColor("#1a5e20"),
    "regressed": QColor("#b00020"),
    "unchanged": QColor("#555555"),
    "only_old": QColor("#6a4c93"),
    "only_new": QColor("#6a4c93"),
}
OTHER_TREND = QColor("#555555")
#: The domain's trend words known today, marked for the translation file; a word the domain
#: adds later is shown as the domain writes it.
TREND_WORDS = (
    QT_TR_NOOP("进步"),
    QT_TR_NOOP("退步"),
    QT_TR_NOOP("不变"),
    QT_TR_NOOP("仅上年有"),
    QT_TR_NOOP("仅本年有"),
    QT_TR_NOOP("未填写"),
)


def trend_label(trend: str) -> str:
    """The domain's word for a trend (进步, 退步, 未填写 …), translated when a translation exists."""
    from dqsa.domain.comparison import TREND_LABELS

    return tr(TREND_LABELS.get(trend, trend))


def item_note(item: Any) -> str:
    """The domain's explanation of an item's change, when it gives one (an override not carried over …)."""
    for name in ("note", "explanation", "reason"):
        value = getattr(item, name, None)
        if isinstance(value, str) and value:
            return value
    return ""


class SectionChart(QWidget):
    """Horizontal bars: each section's percentage of full marks, earlier year grey, later year blue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, Decimal | None, Decimal | None]] = []
        #: Per row, each year's number of items not answered (a drop they cause is no regression).
        self.unanswered: list[tuple[int, int]] = []
        self.years = ("", "")

    def show_comparison(self, comparison: Any, labels: tuple[str, str] | None = None) -> None:
        self.years = labels or (str(comparison.old_year), str(comparison.new_year))
        self.rows = [(s.title, s.old_percent, s.new_percent) for s in comparison.sections]
        self.unanswered = [
            (getattr(s, "old_unanswered", 0), getattr(s, "new_unanswered", 0)) for s in comparison.sections
        ]
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        """Nothing to compare: an empty chart, never the previous pair's bars."""
        self.years = ("", "")
        self.rows = []
        self.unanswered = []
        self.updateGeometry()
        self.update()

    @staticmethod
    def value_text(value: Decimal, unanswered: int) -> str:
        """``45.3%``, or ``45.3%（2 项未填写）`` when that year left items empty (counted as 0)."""
        text = f"{value.normalize():f}%"
        return text + tr("（{0} 项未填写）").format(unanswered) if unanswered else text

    def texts(self) -> list[tuple[str, str]]:
        """Each row's two value texts as drawn (for tests)."""
        return [
            (self.shown(old, old_empty), self.shown(new, new_empty))
            for (_, old, new), (old_empty, new_empty) in zip(self.rows, self.unanswered, strict=True)
        ]

    def shown(self, value: Decimal | None, unanswered: int) -> str:
        return "—" if value is None else self.value_text(value, unanswered)

    # Sizes follow the text size: a bar is a line of text high, a row two bars.
    def _bar(self) -> int:
        return self.fontMetrics().height()

    def _row(self) -> int:
        return 2 * self._bar() + 8

    def _top(self) -> int:
        return self.fontMetrics().height() + 14

    def _label_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("功能区设置中") + 8

    def sizeHint(self) -> QSize:
        return QSize(self._label_width() * 4, self._top() + self._row() * max(1, len(self.rows)))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._label_width() * 3, self._top() + self._row() * max(1, len(self.rows)))

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setFont(QFont(self.font()))
        metrics = painter.fontMetrics()
        if not self.rows:  # nothing chosen to compare: an empty chart
            painter.end()
            return
        bar_height, row, top, left = self._bar(), self._row(), self._top(), self._label_width()
        widest = max(
            [self.value_text(Decimal(100), n) for pair in self.unanswered for n in pair] or ["100%"], key=len
        )
        right = self.width() - metrics.horizontalAdvance(widest) - 12
        span = max(10, right - left)
        x = left
        for colour, year in ((OLD_COLOUR, self.years[0]), (NEW_COLOUR, self.years[1])):  # the legend
            painter.fillRect(QRectF(x, 6, bar_height, bar_height - 2), colour)
            painter.setPen(QPen(QColor("#222222")))
            text = tr("{0} 年").format(year) if year.isdigit() else year
            painter.drawText(QRectF(x + bar_height + 4, 4, span, metrics.height()), text)
            x += bar_height + 4 + metrics.horizontalAdvance(text) + 24
        for number, (title, old, new) in enumerate(self.rows):
            y = top + number * row
            painter.setPen(QPen(QColor("#222222")))
            label = metrics.elidedText(title, Qt.TextElideMode.ElideRight, left - 8)
            painter.drawText(
                QRectF(0, y, left - 8, 2 * bar_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            unanswered = self.unanswered[number] if number < len(self.unanswered) else (0, 0)
            for offset, value, colour, empty in (
                (0, old, OLD_COLOUR, unanswered[0]),
                (bar_height, new, NEW_COLOUR, unanswered[1]),
            ):
                bar = QRectF(left, y + offset + 1, span * float(value or 0) / 100, bar_height - 2)
                painter.fillRect(bar, QBrush(colour))
                if empty:  # hatched: part of this year's bar is missing because items were left empty
                    painter.fillRect(bar, QBrush(QColor("#ffffff"), Qt.BrushStyle.BDiagPattern))
                text = self.shown(value, empty)
                painter.setPen(QPen(QColor("#b06000" if empty else "#333333")))
                painter.drawText(
                    QRectF(bar.right() + 4, y + offset, metrics.horizontalAdvance(text) + 4, bar_height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
        painter.setPen(QPen(QColor("#bbbbbb")))
        painter.drawLine(left, top - 2, left, top + row * len(self.rows))
        painter.end()


COLUMNS = 6
#: Columns: the item, both years, the change, the trend, then the item's wording (and the domain's note).
CHANGE, TREND, TEXT = 3, 4, 5
#: Where a row keeps its item id (the first column shows the item as the standard labels it).
ITEM_ID = Qt.ItemDataRole.UserRole + 1
#: Where a year's entry in the pickers says it is the version sent (its data is the year either way).
SENT = Qt.ItemDataRole.UserRole + 2
#: An item's row: unanswered in both years (nothing changed; hidden by 只看有变化的).
BOTH_UNANSWERED = Qt.ItemDataRole.UserRole + 3

#: A year as it is now (False) or as it was sent (True).
Version = tuple[int, bool]


def version_label(year: int, sent: bool) -> str:
    return tr("{0}（已报送）").format(year) if sent else str(year)


def reviewed_label(year: int) -> str:
    return tr("{0}（复核）").format(year)


def valid_pair(old: Version, new: Version) -> bool:
    """An earlier year before a later one, or a year as sent before the same year now."""
    return old[0] < new[0] or (old[0] == new[0] and old[1] and not new[1])


class ComparisonDialog(QDialog):
    """Pick two years (the newest pair preselected) and see what changed.

    A year that was sent can also be picked as it was sent ("2026（已报送）"), so the
    figures sent stand beside the current ones: last year as sent against this year, or
    this year as sent against this year now (what changed since it was sent). ``old`` /
    ``new`` preselect such a pair.
    """

    def __init__(
        self,
        store: Any,
        parent: QWidget | None = None,
        *,
        old: Version | None = None,
        new: Version | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(tr("与以往年度对比"))
        self.resize(1200, 680)
        layout = QVBoxLayout(self)
        pick = QHBoxLayout()
        self.old_year = QComboBox()
        self.new_year = QComboBox()
        for combo in (self.old_year, self.new_year):  # "2026（已报送）" is read whole, at any text size
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance(version_label(2026, True)) + 48)
        rows = {row.year: row for row in store.year_list().rows}
        self.rows = rows
        years = sorted(rows)
        for combo in (self.old_year, self.new_year):
            for year in years:
                combo.addItem(version_label(year, False), year)
                combo.setItemData(combo.count() - 1, False, SENT)
                sent = rows[year].sent
                if sent is not None and sent.known:
                    combo.addItem(version_label(year, True), year)
                    combo.setItemData(combo.count() - 1, True, SENT)
                    combo.setItemData(
                        combo.count() - 1, tr("{0} 年报送时的内容").format(year), Qt.ItemDataRole.ToolTipRole
                    )
        current = [index for index in range(self.old_year.count()) if not self.old_year.itemData(index, SENT)]
        self.old_year.setCurrentIndex(current[max(0, len(current) - 2)] if current else -1)
        self.new_year.setCurrentIndex(current[-1] if current else -1)
        if old is not None:
            self._choose(self.old_year, old)
        if new is not None:
            self._choose(self.new_year, new)
        old_label = QLabel(tr("较早年度(&A)："))
        old_label.setBuddy(self.old_year)
        new_label = QLabel(tr("较晚年度(&B)："))
        new_label.setBuddy(self.new_year)
        self.regressed_only = QCheckBox(tr("只看退步(&R)"))
        self.changed_only = QCheckBox(tr("只看有变化的(&C)"))
        self.reviewed_old = QCheckBox(tr("较早年度用上级复核得分(&S)"))
        self.reviewed_old.setToolTip(
            tr("较早年度导入过上级的审核结果时：用审核人的复核得分代替自评得分（按审核的那一版报送内容）")
        )
        for widget in (
            old_label,
            self.old_year,
            new_label,
            self.new_year,
            self.reviewed_old,
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
        chart_area = QScrollArea()  # at a large text size the bars scroll instead of overlapping
        chart_area.setWidget(self.chart)
        chart_area.setWidgetResizable(True)
        chart_area.setFrameShape(QFrame.Shape.NoFrame)
        splitter.addWidget(chart_area)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([2000, 3000])  # two fifths for the chart, whatever its own wish
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
        self.reviewed_old.toggled.connect(self.refresh)
        self.comparison: Any = None
        self.reviewed = False
        self.refresh()

    @staticmethod
    def _choose(combo: QComboBox, version: Version) -> None:
        for index in range(combo.count()):
            if (combo.itemData(index), bool(combo.itemData(index, SENT))) == version:
                combo.setCurrentIndex(index)
                return

    @staticmethod
    def _version(combo: QComboBox) -> Version | None:
        year = combo.currentData()
        return None if year is None else (int(year), bool(combo.currentData(SENT)))

    def refresh(self) -> None:
        """Compare the chosen pair; an invalid pair clears everything (no stale chart)."""
        from dqsa.store.errors import StoreError

        old, new = self._version(self.old_year), self._version(self.new_year)
        row = self.rows.get(old[0]) if old is not None else None
        has_review = row is not None and row.review is not None
        self.reviewed_old.setEnabled(has_review)
        self.reviewed = has_review and self.reviewed_old.isChecked()
        if old is None or new is None or not valid_pair(old, new):
            self.problem.setText(
                tr(
                    "请选择两个不同的年度，较早的在左边（同一年度可以把“已报送”的放在左边，看报送后改了什么）。"
                )
            )
            self.clear()
            return
        self.problem.clear()
        try:
            self.comparison = self.store.compare(
                old[0], new[0], old_sent=old[1], new_sent=new[1], old_reviewed=self.reviewed
            )
        except StoreError as exc:
            self.problem.setText(str(exc))
            self.clear()
            return
        self.pack = self.store.pack_for(new[0])
        old_label = reviewed_label(old[0]) if self.reviewed else version_label(*old)
        self.chart.show_comparison(self.comparison, (old_label, version_label(*new)))
        self._fill_table()
        self.facts.clear()
        self.facts.addItems(list(self.comparison.facts) or [tr("（没有变化）")])
        c = self.comparison
        from dqsa.domain.comparison import TREND_LABELS

        counts = "，".join(
            tr("{0} {1} 项").format(trend_label(trend), c.count(trend))
            for trend in TREND_LABELS
            if c.count(trend)
        )
        self.summary.setText(
            tr("{5} → {6}：合计 {0}/{1} → {2}/{3}；{4}。").format(
                _n(c.old_total),
                _n(c.old_max),
                _n(c.new_total),
                _n(c.new_max),
                counts,
                old_label,
                version_label(*new),
            )
            + self._sent_note(old, new)
            + (
                "\n" + tr("{0} 年按上级审核结果中的复核得分（审核的那一版报送内容）。").format(old[0])
                if self.reviewed
                else ""
            )
        )
        self.apply_filter()

    def _sent_note(self, old: Version, new: Version) -> str:
        """The figures sent beside the current ones, for a chosen year changed since it was sent."""
        notes = []
        for year, sent in {old, new}:
            row = self.rows.get(year)
            if sent or (year, True) in (old, new):  # its version sent is already on screen
                continue
            if row is None or not row.differs_from_sent or row.sent is None or row.sent.totals is None:
                continue
            notes.append(
                tr("{0} 年报送后改过：报送时合计 {1}，现在 {2}（可选“{3}”对比）").format(
                    year,
                    row.sent.totals.total,
                    row.totals.total if row.totals else "…",
                    version_label(year, True),
                )
            )
        return ("\n" + "；".join(sorted(notes))) if notes else ""

    def clear(self) -> None:
        self.comparison = None
        self.chart.clear()
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(0)
        self.facts.clear()
        self.summary.clear()

    def _fill_table(self) -> None:
        c = self.comparison
        table = self.table
        table.setSortingEnabled(False)
        table.clearContents()
        table.setRowCount(len(c.items))
        table.setHorizontalHeaderLabels(
            [
                tr("条目"),
                tr("{0} 年（复核）").format(c.old_year)
                if self.reviewed
                else self._column_title(self._version(self.old_year), c.old_year),
                self._column_title(self._version(self.new_year), c.new_year),
                tr("变化"),
                tr("趋势"),
                tr("考评内容 / 说明"),
            ]
        )
        for row, item in enumerate(c.items):
            change = item.change
            note = item_note(item)
            cells = [
                QTableWidgetItem(item_label(self.pack, item.item_id)),
                QTableWidgetItem(item.shown("old")),
                QTableWidgetItem(item.shown("new")),
                _NumberItem(
                    "—" if change is None else (f"+{_n(change)}" if change > 0 else _n(change)),
                    float(change) if change is not None else 0.0,
                ),
                QTableWidgetItem(trend_label(item.trend)),
                QTableWidgetItem(f"{note}｜{item.text}" if note else item.text),
            ]
            cells[0].setToolTip(tr("条目编号：{0}").format(item.item_id))
            cells[0].setData(ITEM_ID, item.item_id)
            cells[0].setData(BOTH_UNANSWERED, bool(getattr(item, "both_unanswered", False)))
            cells[TREND].setToolTip(note)
            cells[TEXT].setToolTip(f"{note}\n{item.text}" if note else item.text)
            colour = TREND_COLOURS.get(item.trend, OTHER_TREND)
            for column, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, item.trend)
                if column in (CHANGE, TREND):
                    cell.setForeground(QBrush(colour))
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)  # the numbers first, always seen
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the pack's order until a header is clicked
        table.setSortingEnabled(True)

    @staticmethod
    def _column_title(version: Version | None, year: int) -> str:
        return tr("{0} 年（已报送）").format(year) if version and version[1] else tr("{0} 年").format(year)

    def apply_filter(self) -> None:
        for row in range(self.table.rowCount()):
            trend = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            unchanged = trend == "unchanged" or self.table.item(row, 0).data(BOTH_UNANSWERED)
            hidden = (self.regressed_only.isChecked() and trend != "regressed") or (
                self.changed_only.isChecked() and unchanged
            )
            self.table.setRowHidden(row, hidden)

    def visible_rows(self) -> list[str]:
        """Item ids of the rows shown (for tests)."""
        return [
            self.table.item(r, 0).data(ITEM_ID)
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
