"""The start view: the center and its assessments by year, with the actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

if TYPE_CHECKING:
    from dqsa.store.service import CenterStore

from dqsa.ui.forms.ui_home_view import Ui_HomeView
from dqsa.ui.i18n import tr
from dqsa.ui.textsize import set_relative_size


def status_label(status: str) -> str:
    return {"draft": tr("草稿"), "signed": tr("已签署")}.get(status, status)


class HomeView(QWidget):
    """Lists the years; emits what the person chose to do."""

    open_requested = Signal(int)
    export_requested = Signal(int)
    compare_requested = Signal()
    new_requested = Signal()
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HomeView()
        self.ui.setupUi(self)
        set_relative_size(self.ui.centerLabel, 1.6, bold=True)  # grows with the text size setting
        table = self.ui.assessmentTable
        table.verticalHeader().hide()
        table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        table.activated.connect(lambda index: self._open_row(index.row()))
        self.ui.openButton.clicked.connect(lambda: self._open_row(table.currentRow()))
        self.ui.newButton.clicked.connect(self.new_requested)
        self.ui.deleteButton.clicked.connect(self._delete)
        self.ui.compareButton.clicked.connect(self.compare_requested)
        self.ui.exportButton.clicked.connect(self._export)
        self._years: list[int] = []

    def show_loading(self) -> None:
        """The window is up; the center file is being opened."""
        self.ui.centerLabel.setText(tr("正在打开中心文件…"))
        for button in (
            self.ui.newButton,
            self.ui.openButton,
            self.ui.compareButton,
            self.ui.exportButton,
            self.ui.deleteButton,
        ):
            button.setEnabled(False)

    def show_store(self, store: CenterStore) -> None:
        from dqsa.domain.scoring import fmt
        from dqsa.export.wording import date_text, datetime_text
        from dqsa.ui.review import points_text  # after the store is open: keeps start-up light

        self.ui.newButton.setEnabled(True)
        center = store.center()
        if center is None:
            self.ui.centerLabel.setText(tr("尚未填写中心概况"))
            self.ui.detailsLabel.setText(tr("请点“新建年度自评”，先填写中心名称、级别和评分标准。"))
        else:
            from dqsa.packs import bundled_packs

            pack = bundled_packs().get(center.pack_id)
            level = pack.level_label(center.level) if pack else center.level
            self.ui.centerLabel.setText(center.name)
            details = [level, center.region, pack.title if pack else center.pack_id]
            self.ui.detailsLabel.setText("　·　".join(d for d in details if d))
        summaries = store.assessments()
        cards = {s.year: store.scorecard(s.year) for s in summaries}
        titles = []
        for card in cards.values():
            titles = [t.short_title for t in card.tables]
            break
        headers = [tr("年度"), tr("状态"), *titles, tr("合计"), tr("签署日期"), tr("最后修改")]
        table = self.ui.assessmentTable
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(summaries))
        self._years = [s.year for s in summaries]
        for row, summary in enumerate(summaries):
            card = cards[summary.year]
            checklist = card.pack_kind == "checklist"
            cells = [str(summary.year), status_label(summary.status)]
            for t in card.tables:
                cells.append(points_text(t, checklist=checklist))
            cells.append(f"{fmt(card.percent)}%" if checklist else fmt(card.total))
            cells.append(date_text(summary.signed_at) if summary.signed_at else "—")
            cells.append(datetime_text(summary.modified_at))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        has_rows = bool(summaries)
        self.ui.openButton.setEnabled(has_rows)
        self.ui.exportButton.setEnabled(has_rows)
        self.ui.compareButton.setEnabled(len(summaries) >= 2)
        self.ui.compareButton.setToolTip("" if len(summaries) >= 2 else tr("至少有两个年度的自评才能对比"))
        self.ui.deleteButton.setEnabled(has_rows)
        if has_rows:
            table.selectRow(0)

    def selected_year(self) -> int | None:
        row = self.ui.assessmentTable.currentRow()
        return self._years[row] if 0 <= row < len(self._years) else None

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self._years):
            self.open_requested.emit(self._years[row])

    def _export(self) -> None:
        year = self.selected_year()
        if year is not None:
            self.export_requested.emit(year)

    def _delete(self) -> None:
        year = self.selected_year()
        if year is not None:
            self.delete_requested.emit(year)
