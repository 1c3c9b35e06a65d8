"""统计图表: one year and one standard at a glance, from the domain's roll-up arithmetic through the store.

Distribution of results, the average per table and section, the weakest items (the
share of centers at full marks), the change since last year, who is missing. A
scored standard and a checklist are never shown together: the standard chosen above
the table is the one drawn here. Figures are the centers' own (自评); the reviewer's
corrections are in the table's 复核 column and the roll-up workbook.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dqsa.domain.scoring import fmt
from dqsa.export.wording import change_text, item_label
from dqsa.ui.desk.charts import WEAK, Bar, BarList, Histogram, percent_label
from dqsa.ui.i18n import tr

log = logging.getLogger(__name__)
WEAKEST = 10
IMPROVED = "#1a5e20"
REGRESSED = "#b00020"


class _Number(QTableWidgetItem):
    """A cell that sorts by its number (None last)."""

    def __init__(self, text: str, value: Decimal | None, *, missing: float = float("-inf")) -> None:
        super().__init__(text)
        self.value = float(value) if value is not None else missing
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.value < getattr(other, "value", float("-inf"))


class Dashboard(QScrollArea):
    """The charts of one year and standard; :meth:`show_year` draws them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        top = QHBoxLayout()
        self.histogram = Histogram()
        self.parts = BarList(label_share=0.42)
        self.histogram_group = _group(tr("得分率分布（各中心自评）"), self.histogram)
        self.parts_group = _group(tr("各表和各项目的平均得分率"), self.parts)
        top.addWidget(self.histogram_group, 2)
        top.addWidget(self.parts_group, 3)
        layout.addLayout(top)
        middle = QHBoxLayout()
        self.weakest = BarList(label_share=0.55)
        self.weakest_group = _group("", self.weakest)
        middle.addWidget(self.weakest_group, 1)
        layout.addLayout(middle)
        self.changes_summary = QLabel()
        self.changes_summary.setWordWrap(True)
        self._titles(checklist=False)
        self.changes = QTableWidget(0, 4)
        self.changes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.changes.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.changes.verticalHeader().hide()
        self.changes.setSortingEnabled(True)
        change_box = QWidget()
        change_layout = QVBoxLayout(change_box)
        change_layout.setContentsMargins(0, 0, 0, 0)
        change_layout.addWidget(self.changes_summary)
        change_layout.addWidget(self.changes)
        self.missing = QListWidget()
        bottom = QHBoxLayout()
        self.changes_group = _group(tr("与上年相比"), change_box)
        bottom.addWidget(self.changes_group, 3)
        self.missing_group = _group(tr("未报送"), self.missing)
        bottom.addWidget(self.missing_group, 2)
        layout.addLayout(bottom)
        layout.addStretch(1)

    def show_year(
        self, store: Any, year: int | None, standard: Any, years: list[int], missing: list[Any] | None = None
    ) -> None:
        """Draw ``year``'s figures for ``standard`` (None: nothing received yet); ``missing`` as the
        overview has just read it (read here when not given)."""
        from dqsa.domain import rollup

        if year is None:
            return
        if missing is None:
            missing = store.missing(year)
        self._show_missing(year, missing)
        if standard is None:
            self.summary.setText(tr("{0} 年度还没有收到材料包。").format(year))
            self.histogram.set_bands([])
            self.parts.set_rows([])
            self.weakest.set_rows([])
            self._show_changes(year, [])
            return
        submissions = store.submissions(year, standard)
        checklist = standard.kind == "checklist"
        self._titles(checklist=checklist)
        pack = store.pack(standard)
        self.histogram.set_bands([(b.low, b.high, b.count) for b in rollup.distribution(submissions)])
        self.parts.set_rows(
            [
                Bar(
                    part.title,
                    part.percent,
                    percent_label(part.percent),
                    tooltip=tr("{0}：平均 {1}（{2} 个中心）").format(
                        part.title, percent_label(part.percent), part.centers
                    ),
                    bold=part.part_id in {t.id for t in pack.tables},
                    indent=0 if part.part_id in {t.id for t in pack.tables} else 1,
                )
                for part in rollup.part_averages(submissions, pack)
            ]
        )
        self.weakest.set_rows(
            [
                Bar(
                    f"{item_label(pack, share.item_id)}　{_item_text(pack, share.item_id)}",
                    share.percent,
                    tr("{0}%（{1}/{2}）").format(fmt(share.percent), share.full, share.applicable),
                    tooltip=tr("{0}\n{1}\n{2} 个适用的中心中 {3} 个得满分").format(
                        item_label(pack, share.item_id),
                        _item_text(pack, share.item_id),
                        share.applicable,
                        share.full,
                    )
                    if not checklist
                    else tr("{0}\n{1}\n{2} 个适用的中心中 {3} 个符合").format(
                        item_label(pack, share.item_id),
                        _item_text(pack, share.item_id),
                        share.applicable,
                        share.full,
                    ),
                    colour=WEAK,
                )
                for share in rollup.weakest_items(submissions, limit=WEAKEST)
            ]
        )
        previous = store.submissions(year - 1, standard) if (year - 1) in years else []
        changes = rollup.year_changes(submissions, previous)
        self._show_changes(year, changes)
        average = rollup.mean([s.percent for s in submissions])
        measure = tr("平均符合率") if checklist else tr("平均得分率")
        self.summary.setText(
            tr("{0} 年度 · {1}：{2} 个中心，{3} {4}。").format(
                year, standard.title or standard.pack_id, len(submissions), measure, percent_label(average)
            )
        )

    def _titles(self, *, checklist: bool) -> None:
        """A checklist is judged by the share of applicable items met, a scored table by the share of full marks."""
        if checklist:
            self.histogram_group.setTitle(tr("符合率分布（各中心自评）"))
            self.parts_group.setTitle(tr("各部分的平均符合率"))
            self.weakest_group.setTitle(
                tr("最薄弱的条目（符合的中心所占比例，最低的 {0} 项）").format(WEAKEST)
            )
            self.histogram.axis_text = tr("符合率（横轴），中心数（纵轴）")
        else:
            self.histogram_group.setTitle(tr("得分率分布（各中心自评）"))
            self.parts_group.setTitle(tr("各表和各项目的平均得分率"))
            self.weakest_group.setTitle(
                tr("最薄弱的条目（得满分的中心所占比例，最低的 {0} 项）").format(WEAKEST)
            )
            self.histogram.axis_text = tr("得分率（横轴），中心数（纵轴）")

    def _show_changes(self, year: int, changes: list[Any]) -> None:
        table = self.changes
        table.setSortingEnabled(False)
        table.clearContents()
        table.setRowCount(len(changes))
        table.setHorizontalHeaderLabels(
            [tr("中心"), tr("{0} 年").format(year - 1), tr("{0} 年").format(year), tr("变化")]
        )
        up = down = same = new = gone = 0
        for row, change in enumerate(changes):
            delta = change.change
            if change.before is None:
                new += 1
            elif change.after is None:
                gone += 1
            elif delta > 0:
                up += 1
            elif delta < 0:
                down += 1
            else:
                same += 1
            cells = [
                QTableWidgetItem(change.name),
                _Number(percent_label(change.before), change.before),
                _Number(percent_label(change.after), change.after),
                # no change to tell (a year missing): after the largest drops and rises, not before them
                _Number(
                    change_text(delta) if delta is None else change_text(delta) + "%",
                    delta,
                    missing=float("inf"),
                ),
            ]
            if delta is not None and delta != 0:
                cells[3].setForeground(Qt.GlobalColor.darkGreen if delta > 0 else Qt.GlobalColor.darkRed)
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setSortingEnabled(True)
        table.sortItems(3, Qt.SortOrder.AscendingOrder)  # the largest drop first
        line = self.fontMetrics().height()
        table.setMinimumHeight(line * 10)
        parts = [tr("进步 {0} 个").format(up), tr("退步 {0} 个").format(down), tr("持平 {0} 个").format(same)]
        if new:
            parts.append(tr("上年没有结果 {0} 个").format(new))
        if gone:
            parts.append(tr("本年未报送 {0} 个").format(gone))
        self.changes_summary.setText(
            "，".join(parts) + tr("（得分率，同一标准）") if changes else tr("没有上一年度的结果可以比较。")
        )

    def _show_missing(self, year: int, missing: list[Any]) -> None:
        self.missing.clear()
        self.missing_group.setTitle(tr("{0} 年度未报送（{1} 个）").format(year, len(missing)))
        for center in missing:
            details = [center.level or "", center.region or ""]
            if center.last_year:
                details.append(tr("上次报送 {0} 年").format(center.last_year))
            if center.held:
                details.append(tr("材料包待核实身份"))
            self.missing.addItem(f"{center.name}\n　　" + "，".join(d for d in details if d))
        if not missing:
            self.missing.addItem(tr("（没有）"))
        self.missing.setMinimumHeight(self.fontMetrics().height() * 8)


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(widget)
    return box


def _item_text(pack: Any, item_id: str) -> str:
    item = pack.item(item_id)
    return item.text if item is not None else ""
