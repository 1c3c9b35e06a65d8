"""The desk's main view: a year, a standard, the filters; the table of centers, the dashboard, who is missing."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QWidget

from dqsa.ui.desk.table import PACKET, DeskFilter, DeskTableModel, is_held
from dqsa.ui.forms.ui_desk_view import Ui_DeskView
from dqsa.ui.i18n import QT_TR_NOOP, tr
from dqsa.ui.textsize import set_relative_size

if TYPE_CHECKING:
    from dqsa.store.desk.service import DeskStore
    from dqsa.ui.desk.dashboard import Dashboard

log = logging.getLogger(__name__)

#: The review states and packet states as the filters offer them (the store's codes → our words).
REVIEW_CHOICES = (
    ("pending", QT_TR_NOOP("待审核")),
    ("passed", QT_TR_NOOP("通过")),
    ("returned", QT_TR_NOOP("退回补充")),
    ("problem", QT_TR_NOOP("有问题")),
)
STATUS_CHOICES = (("accepted", QT_TR_NOOP("已接收")), ("held", QT_TR_NOOP("身份待核实")))
MISSING_SHOWN = 30


class DeskOverview(QWidget):
    """What a reviewer sees first; emits what the person chose to do."""

    review_requested = Signal(int)
    receive_requested = Signal()
    identity_requested = Signal(int)
    roster_requested = Signal()
    workbook_requested = Signal()
    report_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DeskView()
        self.ui.setupUi(self)
        set_relative_size(self.ui.deskLabel, 1.6, bold=True)
        self.store: DeskStore | None = None
        self.model = DeskTableModel(self)
        self.proxy = DeskFilter(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.centerTable
        table.setModel(self.proxy)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionsMovable(False)
        table.sortByColumn(
            0, Qt.SortOrder.AscendingOrder
        )  # by name (in the order people expect) until a header is clicked
        table.doubleClicked.connect(self._activated)
        table.activated.connect(self._activated)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.read_only_banner = QLabel()
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "background: #fff4ce; color: #5c4400; border: 1px solid #e0c060; padding: 6px;"
        )
        self.read_only_banner.hide()
        self.ui.mainLayout.insertWidget(0, self.read_only_banner)
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #555; border: 2px dashed #bbb; padding: 24px;")
        self.ui.tableLayout.insertWidget(0, self.empty_hint, 1)
        self.empty_hint.hide()
        self.ui.missingLabel.setStyleSheet("color: #8a4b00;")
        self.dashboard: Dashboard | None = None
        self._dashboard_stale = True
        self._years: list[int] = []
        self._standards: list[Any] = []
        self.ui.yearCombo.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.ui.standardCombo.currentIndexChanged.connect(lambda _i: self._show_rows())
        for combo in (self.ui.regionCombo, self.ui.levelCombo, self.ui.reviewCombo, self.ui.statusCombo):
            combo.currentIndexChanged.connect(lambda _i: self._filter())
        self.ui.searchEdit.textChanged.connect(self._search)
        self.ui.tabs.currentChanged.connect(lambda _i: self._show_dashboard_if_shown())
        self.ui.receiveButton.clicked.connect(self.receive_requested)
        self.ui.reviewButton.clicked.connect(self._review_current)
        self.ui.identityButton.clicked.connect(self._identity_current)
        self.ui.rosterButton.clicked.connect(self.roster_requested)
        self.ui.workbookButton.clicked.connect(self.workbook_requested)
        self.ui.reportButton.clicked.connect(self.report_requested)
        self._fill_fixed_filters()
        self._enable()

    # -- the store ------------------------------------------------------------------------------------------

    def show_loading(self) -> None:
        self.ui.deskLabel.setText(tr("正在打开审核台账…"))
        self.ui.detailsLabel.clear()
        self._enable()

    def set_store(self, store: DeskStore) -> None:
        self.store = store
        self.refresh(newest_year=True)

    def refresh(self, *, newest_year: bool = False, select_packet: int | None = None) -> None:
        """Read the desk again (after receiving, a review, a roster); keep the choices where they still exist."""
        if self.store is None:
            return
        info = self._info = self.store.info()
        self.ui.deskLabel.setText(info.name)
        details = [
            tr("名册 {0} 个中心").format(info.roster_size) if info.roster_size else tr("尚未导入名册"),
            tr("已收到材料包 {0} 个").format(info.packets),
        ]
        if info.held:
            details.append(tr("{0} 个待核实身份").format(info.held))
        details.append(str(info.path))
        self.ui.detailsLabel.setText("　·　".join(details))
        self.read_only_banner.setText(tr("只读：") + (info.read_only or ""))
        self.read_only_banner.setVisible(bool(info.read_only))
        self._read_only = bool(info.read_only)
        chosen = None if newest_year else self.current_year()
        years = list(self.store.years())
        if not years:
            years = [default_year_today()]
        combo = self.ui.yearCombo
        combo.blockSignals(True)
        combo.clear()
        for year in years:
            combo.addItem(tr("{0} 年度").format(year), year)
        combo.setCurrentIndex(years.index(chosen) if chosen in years else 0)
        combo.blockSignals(False)
        self._years = years
        self._year_changed(select_packet=select_packet)
        self.empty_hint.setText(
            tr(
                "还没有收到材料包。\n\n把收到的材料包（zip 文件）或存放它们的整个文件夹拖到这个窗口里，"
                "或点下面的“接收材料包”。\n先“导入名册”，就能看出哪些中心还没有报送。"
            )
        )
        self.empty_hint.setVisible(info.packets == 0)
        self.ui.centerTable.setVisible(info.packets > 0)
        self.ui.countLabel.setVisible(info.packets > 0)

    def current_year(self) -> int | None:
        data = self.ui.yearCombo.currentData()
        return int(data) if data is not None else None

    def current_standard(self) -> Any:
        index = self.ui.standardCombo.currentIndex()
        return self._standards[index] if 0 <= index < len(self._standards) else None

    def _year_changed(self, *, select_packet: int | None = None) -> None:
        """Standards of the year (each its own table), then the rows."""
        year = self.current_year()
        if self.store is None or year is None:
            return
        chosen = self.current_standard()
        rows = self.store.list_rows(year)
        standards: dict[tuple[str, str], Any] = {}
        counts: dict[tuple[str, str], int] = {}
        for row in rows:
            standards.setdefault(row.standard.key, row.standard)
            counts[row.standard.key] = counts.get(row.standard.key, 0) + 1
        self._standards = list(standards.values())
        self._all_rows = rows
        combo = self.ui.standardCombo
        combo.blockSignals(True)
        combo.clear()
        for standard in self._standards:
            combo.addItem(
                tr("{0}（{1} 个中心）").format(standard_title(standard), counts[standard.key]), standard.key
            )
        keys = [s.key for s in self._standards]
        if chosen is not None and chosen.key in keys:
            combo.setCurrentIndex(keys.index(chosen.key))
        combo.blockSignals(False)
        several = len(self._standards) > 1
        combo.setEnabled(several)
        self.ui.standardLabel.setVisible(bool(self._standards))
        combo.setVisible(bool(self._standards))
        combo.setToolTip(
            tr("不同评分标准的结果分开列出，不相加") if several else tr("这一年度收到的材料包都使用这个标准")
        )
        self._fill_place_filters(rows)
        self._show_missing(year)
        self._show_rows(select_packet=select_packet)

    def _show_rows(self, *, select_packet: int | None = None) -> None:
        standard = self.current_standard()
        table = self.ui.centerTable
        selected = select_packet if select_packet is not None else self.selected_packet()
        rows = [
            r
            for r in getattr(self, "_all_rows", [])
            if standard is not None and r.standard.key == standard.key
        ]
        tables: list[tuple[str, str, Any]] = []
        if standard is not None and self.store is not None:
            tables = table_heads(self.store, standard, rows)
        header = table.horizontalHeader()
        sort_column, sort_order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        sort_key = self.model.columns[sort_column].key if 0 <= sort_column < len(self.model.columns) else None
        self.model.set_rows(rows, tables, checklist=standard is not None and standard.kind == "checklist")
        keys = [c.key for c in self.model.columns]
        if sort_key in keys:
            table.sortByColumn(keys.index(sort_key), sort_order)
        # Sized to the contents once per listing (not on every change), from at most 200 rows.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(200)
        header.setStretchLastSection(True)
        table.resizeColumnsToContents()
        table.setColumnWidth(
            0, min(table.columnWidth(0), self.fontMetrics().horizontalAdvance("中") * 16 + 24)
        )
        self._dashboard_stale = True
        self._show_dashboard_if_shown()
        self._select(selected)
        self._count()
        self._enable()

    def _select(self, packet_id: int | None) -> None:
        table = self.ui.centerTable
        if self.proxy.rowCount() == 0:
            return
        row = self.model.row_of_packet(packet_id) if packet_id is not None else None
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
        if not index.isValid():
            index = self.proxy.index(0, 0)
        table.setCurrentIndex(index)
        table.selectRow(index.row())
        table.scrollTo(index)

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        held = sum(1 for r in self.model.rows if is_held(r))
        text = (
            tr("显示 {0} 个，共 {1} 个").format(shown, total)
            if shown != total
            else tr("共 {0} 个").format(total)
        )
        if held:
            text += tr("；{0} 个身份待核实（黄色），核实并接受后才计入汇总").format(held)
        self.ui.countLabel.setText(text)

    # -- filters --------------------------------------------------------------------------------------------

    def _fill_fixed_filters(self) -> None:
        for combo, choices in ((self.ui.reviewCombo, REVIEW_CHOICES), (self.ui.statusCombo, STATUS_CHOICES)):
            combo.addItem(tr("全部"), None)
            for code, label in choices:
                combo.addItem(tr(label), code)

    def _fill_place_filters(self, rows: list[Any]) -> None:
        for combo, values in (
            (self.ui.regionCombo, sorted({(r.region, r.region or tr("（未填写）")) for r in rows})),
            (self.ui.levelCombo, sorted({(r.level, r.level_label or r.level) for r in rows})),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("全部"), None)
            for value, label in values:
                combo.addItem(label, value)
            found = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_choice(
            region=self.ui.regionCombo.currentData(),
            level=self.ui.levelCombo.currentData(),
            review=self.ui.reviewCombo.currentData(),
            status=self.ui.statusCombo.currentData(),
        )
        self._after_filter()

    def _search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._after_filter()

    def _after_filter(self) -> None:
        if self.proxy.rowCount() and not self.ui.centerTable.currentIndex().isValid():
            self._select(None)
        self._count()
        self._enable()

    # -- who is missing ---------------------------------------------------------------------------------

    def _show_missing(self, year: int) -> None:
        assert self.store is not None
        missing = self.store.missing(year)
        self._missing, self._missing_year = missing, year
        if not missing:
            roster = self._info.roster_size
            self.ui.missingLabel.setText(
                tr("名册中的中心都已报送。") if roster else tr("导入名册后，这里列出还没有报送的中心。")
            )
            self.ui.missingLabel.setStyleSheet("color: #555;")
            return
        names = []
        for center in missing[:MISSING_SHOWN]:
            note = tr("（材料包待核实身份）") if center.held else ""
            names.append(center.name + note)
        more = tr(" 等 {0} 个").format(len(missing)) if len(missing) > MISSING_SHOWN else ""
        self.ui.missingLabel.setText(
            tr("{0} 年度未报送（{1} 个）：{2}{3}").format(year, len(missing), "、".join(names), more)
        )
        self.ui.missingLabel.setStyleSheet("color: #8a4b00;")

    # -- the dashboard (drawn when its tab is shown) ---------------------------------------------------

    def _show_dashboard_if_shown(self) -> None:
        if self.ui.tabs.currentWidget() is not self.ui.dashboardTab or not self._dashboard_stale:
            return
        if self.store is None:
            return
        if self.dashboard is None:
            from dqsa.ui.desk.dashboard import Dashboard

            self.dashboard = Dashboard(self)
            self.ui.dashboardLayout.addWidget(self.dashboard)
        self._dashboard_stale = False
        year = self.current_year()
        read = getattr(self, "_missing_year", None)  # the list the overview just read, if for this year
        missing = self._missing if year is not None and year == read else None
        self.dashboard.show_year(self.store, year, self.current_standard(), self._years, missing=missing)

    # -- actions ------------------------------------------------------------------------------------------

    def selected_packet(self) -> int | None:
        index = self.ui.centerTable.currentIndex()
        if not index.isValid():
            return None
        value = index.data(PACKET)
        return int(value) if value is not None else None

    def selected_row(self) -> Any:
        index = self.ui.centerTable.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def visible_packets(self) -> list[int]:
        """The packets as listed now (sorted and filtered): the review's 上一个 / 下一个 follow them."""
        return [int(self.proxy.index(row, 0).data(PACKET)) for row in range(self.proxy.rowCount())]

    def _activated(self, _index: QModelIndex) -> None:
        row = self.selected_row()
        if row is None:
            return
        if is_held(row):
            self.identity_requested.emit(row.packet_id)
        else:
            self.review_requested.emit(row.packet_id)

    def _review_current(self) -> None:
        row = self.selected_row()
        if row is not None and not is_held(row):
            self.review_requested.emit(row.packet_id)

    def _identity_current(self) -> None:
        row = self.selected_row()
        if row is not None and is_held(row):
            self.identity_requested.emit(row.packet_id)

    def _enable(self) -> None:
        has_store = self.store is not None
        writable = has_store and not getattr(self, "_read_only", False)
        row = self.selected_row() if has_store else None
        held = row is not None and is_held(row)
        self.ui.receiveButton.setEnabled(writable)
        self.ui.rosterButton.setEnabled(writable)
        self.ui.reviewButton.setEnabled(row is not None and not held)
        self.ui.identityButton.setEnabled(held and writable)
        self.ui.identityButton.setVisible(any(is_held(r) for r in self.model.rows))
        has_rows = bool(self.model.rows)
        self.ui.workbookButton.setEnabled(has_rows)
        self.ui.reportButton.setEnabled(has_rows)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed: the columns fit it again
            self.ui.centerTable.resizeColumnsToContents()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.ui.centerTable.hasFocus():
            self._activated(self.ui.centerTable.currentIndex())
            return
        super().keyPressEvent(event)


def default_year_today() -> int:
    from dqsa.years import default_year

    return default_year(date.today())


def standard_title(standard: Any) -> str:
    """The standard as people know it: its title and, when it is not the bundled one, its version."""
    title = standard.title or standard.pack_id
    return tr("{0}（版本 {1}）").format(title, standard.version)


def table_heads(store: Any, standard: Any, rows: list[Any]) -> list[tuple[str, str, Any]]:
    """(table id, short title, maximum) of a standard, in the pack's order."""
    try:
        pack = store.pack(standard)
    except (LookupError, ValueError):  # a pack the desk cannot read back: the ids the rows carry
        ids: list[str] = []
        for row in rows:
            ids += [key for key in row.tables if key not in ids]
        return [(key, "", None) for key in ids]
    heads = []
    for table in pack.tables:
        heads.append((table.id, table.short_title, table.max_points))
    return heads
