"""The start view: the center and its assessments by year, with the actions.

The list is drawn from a :class:`~dqsa.store.year_list.YearList`: at start-up from the
light read of the file (plain ``sqlite3``, before the store is imported), then from the
open store. Figures a list lacks (a file from an older program, a new program version)
are scored off the GUI thread and filled in when ready; meanwhile their cells read "…".
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidgetItem, QWidget

from dqsa.domain.status import AssessmentStatus
from dqsa.export.wording import date_text, datetime_text
from dqsa.ui.forms.ui_home_view import Ui_HomeView
from dqsa.ui.i18n import CONTEXT, tr
from dqsa.ui.textsize import set_relative_size

if TYPE_CHECKING:
    from dqsa.store.service import CenterStore
    from dqsa.store.year_list import Totals, YearList, YearRow

log = logging.getLogger(__name__)

# The statuses' Chinese labels live in AssessmentStatus; listed here for pyside6-lupdate.
_STATUS_WORDS = (
    QT_TRANSLATE_NOOP(CONTEXT, "草稿"),
    QT_TRANSLATE_NOOP(CONTEXT, "已签署"),
    QT_TRANSLATE_NOOP(CONTEXT, "已报送后修改"),
)
#: A figure still being scored.
PENDING = "…"


def status_label(status: str) -> str:
    """草稿 / 已签署 / 已报送后修改, in the interface language."""
    try:
        return tr(AssessmentStatus(status).label)
    except ValueError:
        return status


class HomeView(QWidget):
    """Lists the years; emits what the person chose to do."""

    open_requested = Signal(int)
    export_requested = Signal(int)
    compare_requested = Signal()
    new_requested = Signal()
    delete_requested = Signal(int)
    #: The list was drawn; True when every year's figures are on screen (none "…").
    list_drawn = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HomeView()
        self.ui.setupUi(self)
        set_relative_size(self.ui.centerLabel, 1.6, bold=True)  # grows with the text size setting
        self.read_only_banner = QLabel()
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "background: #fff4ce; color: #5c4400; border: 1px solid #e0c060; padding: 6px;"
        )
        self.read_only_banner.hide()
        self.ui.mainLayout.insertWidget(0, self.read_only_banner)
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
        self._store: CenterStore | None = None
        self._read_only: str | None = None

    def show_loading(self) -> None:
        """The window is up; the center file is being opened."""
        self.ui.centerLabel.setText(tr("正在打开中心文件…"))
        self._enable(has_store=False, rows=0)

    def show_closed(self) -> None:
        """No file is open (it could not be opened): nothing listed, nothing to do but open another."""
        self._store, self._read_only, self._years = None, None, []
        self.ui.assessmentTable.clear()
        self.ui.assessmentTable.setRowCount(0)
        self.ui.assessmentTable.setColumnCount(0)
        self.ui.centerLabel.setText(tr("没有打开中心文件"))
        self.ui.detailsLabel.setText(tr("请用“文件 → 打开中心文件”选择一个文件。"))
        self.read_only_banner.hide()
        self._enable(has_store=False, rows=0)

    def show_store(self, store: CenterStore) -> None:
        """The open store's list; figures it lacks are scored in the background."""
        self._store = store
        self._read_only = store.read_only
        listing = store.year_list()
        self.show_year_list(listing, has_store=True)
        if not listing.complete or (listing.center is not None and listing.center.level_label is None):
            self._complete(store)

    def _complete(self, store: CenterStore) -> None:
        from dqsa.ui.worker import run_in_background

        def done(listing: YearList) -> None:
            if self._store is store and not store.closed:
                self.show_year_list(listing, has_store=True)

        def failed(exc: Exception) -> None:  # the list stays as it is, with "…" where figures are missing
            log.warning("scoring the year list failed: %s", exc)

        run_in_background(
            lambda _report: store.complete_year_list(), parent=self, on_done=done, on_error=failed
        )

    def show_year_list(self, listing: YearList, *, has_store: bool = False) -> None:
        """Draw the heading and the years (from the light read at start-up, or from the store)."""
        self._show_heading(listing)
        first = next((row.totals for row in listing.rows if row.totals is not None), None)
        titles = [t.title for t in first.tables] if first is not None else []
        headers = [
            tr("年度"),
            tr("状态"),
            *titles,
            tr("合计"),
            tr("上级审核"),
            tr("签署日期"),
            tr("最后修改"),
        ]
        table = self.ui.assessmentTable
        selected = self.selected_year()
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(listing.rows))
        self._years = listing.years
        for row, line in enumerate(listing.rows):
            tips = _tips(line, len(titles))
            for column, text in enumerate(_cells(line, len(titles))):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column in tips:
                    item.setToolTip(tips[column])
                if line.status is AssessmentStatus.REOPENED and column in (STATUS_COLUMN, 2 + len(titles)):
                    item.setForeground(QBrush(QColor(REOPENED_COLOUR)))
                if column == 3 + len(titles) and line.review_state in REVIEW_COLOURS:
                    item.setForeground(QBrush(QColor(REVIEW_COLOURS[line.review_state])))
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._enable(has_store=has_store, rows=len(listing.rows))
        if listing.rows:
            table.selectRow(self._years.index(selected) if selected in self._years else 0)
        self.list_drawn.emit(listing.complete)

    def _show_heading(self, listing: YearList) -> None:
        center = listing.center
        if center is None:
            self.ui.centerLabel.setText(tr("尚未填写中心概况"))
            self.ui.detailsLabel.setText(tr("请点“新建年度自评”，先填写中心名称、级别和评分标准。"))
        else:
            self.ui.centerLabel.setText(center.name)
            details = [center.level_label or center.level, center.region, center.pack_title or center.pack_id]
            self.ui.detailsLabel.setText("　·　".join(d for d in details if d))
        if self._read_only:
            self.read_only_banner.setText(tr("只读：") + self._read_only)
        self.read_only_banner.setVisible(bool(self._read_only))

    def _enable(self, *, has_store: bool, rows: int) -> None:
        """Buttons for what can be done now (nothing before the store is open; no changes when read-only)."""
        writable = has_store and not self._read_only
        self.ui.newButton.setEnabled(writable)
        self.ui.openButton.setEnabled(has_store and rows > 0)
        self.ui.exportButton.setEnabled(has_store and rows > 0)
        self.ui.deleteButton.setEnabled(writable and rows > 0)
        self.ui.compareButton.setEnabled(has_store and rows >= 2)
        self.ui.compareButton.setToolTip("" if rows >= 2 else tr("至少有两个年度的自评才能对比"))
        why = tr("文件以只读方式打开") if has_store and self._read_only else ""
        self.ui.newButton.setToolTip(why)
        self.ui.deleteButton.setToolTip(why)

    def selected_year(self) -> int | None:
        row = self.ui.assessmentTable.currentRow()
        return self._years[row] if 0 <= row < len(self._years) else None

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self._years) and self._store is not None:
            self.open_requested.emit(self._years[row])

    def _export(self) -> None:
        year = self.selected_year()
        if year is not None:
            self.export_requested.emit(year)

    def _delete(self) -> None:
        year = self.selected_year()
        if year is not None:
            self.delete_requested.emit(year)


#: The status column; a year changed after it was sent is drawn in this colour (status and total).
STATUS_COLUMN = 1
REOPENED_COLOUR = "#8a4b00"
#: The review column's colours: passed green, returned amber, a problem red (pending in the default ink).
REVIEW_COLOURS = {"passed": "#1a5e20", "returned": "#8a4b00", "problem": "#b00020"}
# The review states' Chinese labels live in dqsa.domain.rollup; listed here for pyside6-lupdate.
_REVIEW_WORDS = (
    QT_TRANSLATE_NOOP(CONTEXT, "通过"),
    QT_TRANSLATE_NOOP(CONTEXT, "退回补充"),
    QT_TRANSLATE_NOOP(CONTEXT, "有问题"),
    QT_TRANSLATE_NOOP(CONTEXT, "待审核"),
)


def review_cell(line: YearRow) -> str:
    """审核：通过 / 退回补充 / 有问题 / 待审核 (a year never sent: —)."""
    from dqsa.domain.status import review_label

    state = line.review_state
    if state is None:
        return "—"
    return tr("审核：{0}").format(tr(review_label(state)))


def _total(totals: Totals) -> str:
    return f"{totals.percent}%" if totals.kind == "checklist" else totals.total


def _cells(line: YearRow, tables: int) -> list[str]:
    """One row's texts: year, status, each table, total, signing date, last change.

    A year changed since it was sent shows the total sent beside the current one
    ("101（已报送 98.5）").
    """
    cells = [str(line.year), status_label(line.status)]
    totals = line.totals
    if totals is None:
        cells += [PENDING] * (tables + 1)
    elif len(totals.tables) != tables:  # another pack's tables: only its total fits these columns
        cells += ["—"] * tables + [_total(totals)]
    else:
        checklist = totals.kind == "checklist"
        for table in totals.tables:
            text = f"{table.score} / {table.max}"
            cells.append(tr("{0} 项").format(text) if checklist else text)
        cells.append(_total(totals))
    if line.differs_from_sent and line.sent is not None and line.sent.totals is not None:
        cells[-1] = tr("{0}（已报送 {1}）").format(cells[-1], _total(line.sent.totals))
    cells.append(review_cell(line))
    cells.append(date_text(line.signed_at) if line.signed_at else "—")
    cells.append(datetime_text(line.modified_at))
    return cells


def _tips(line: YearRow, tables: int) -> dict[int, str]:
    """Tooltips by column: the status explained, what was sent (when, by whom, the figures sent), the review."""
    sent = line.sent
    if sent is None:
        return {}
    tips = {3 + tables: review_tip(line)}
    words = [tr(line.status.explanation)]
    words.append(tr("报送：{0}，{1}").format(datetime_text(sent.signed_at), sent.signer or tr("（未记录）")))
    if sent.totals is not None:
        tables_sent = "，".join(f"{t.title} {t.score} / {t.max}" for t in sent.totals.tables)
        words.append(tr("报送时：{0}；合计 {1}").format(tables_sent, _total(sent.totals)))
    else:
        words.append(tr("本年度由本程序以前的版本签署，没有保存报送时的内容和数字。"))
    tip = "\n".join(words)
    return {**tips, STATUS_COLUMN: tip, 2 + tables: tip, 4 + tables: tip}


def review_tip(line: YearRow) -> str:
    """Who reviewed the year, when, the reviewed total and the comment; or that it awaits a result."""
    from dqsa.domain.status import review_label

    review = line.review
    if review is None:
        return tr("已报送，还没有导入上级返回的审核结果（文件 → 导入审核结果）。")
    words = []
    if line.review_state != review.state:
        words.append(
            tr("本年度重新报送后还没有新的审核结果；上次的审核结果：{0}。").format(
                tr(review_label(review.state))
            )
        )
    when = datetime_text(review.reviewed_at) if review.reviewed_at else ""
    words.append(tr("审核单位：{0}；审核人：{1}，{2}").format(review.desk_name, review.reviewer, when))
    if review.kind == "checklist":
        words.append(
            tr("自评符合 {0} 项，复核后符合 {1} 项").format(review.total_self, review.total_reviewed)
        )
    else:
        words.append(tr("自评 {0} 分，复核得分 {1} 分").format(review.total_self, review.total_reviewed))
    if review.comment:
        words.append(tr("审核意见：{0}").format(review.comment))
    return "\n".join(words)
