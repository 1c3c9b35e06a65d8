"""One assessment as a wizard: a step list at the side, the pages, Back / Next, live totals."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from dqsa.domain.scoring import Scorecard
from dqsa.export.wording import datetime_text
from dqsa.ui.forms.ui_wizard import Ui_AssessmentWizard
from dqsa.ui.i18n import tr
from dqsa.ui.pages import FactsPage, ProfilePage, StaffPage
from dqsa.ui.review import ReviewPage, totals_text
from dqsa.ui.session import AssessmentSession

#: What a person edits with; a read-only wizard disables these (labels, lists and trees stay usable).
EDITING_WIDGETS = (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
)


class AssessmentWizard(QWidget):
    """Pages of one assessment, built from its pack; ``home_requested`` to leave."""

    home_requested = Signal()

    def __init__(self, session: AssessmentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ui = Ui_AssessmentWizard()
        self.ui.setupUi(self)
        self.ui.titleLabel.setText(
            tr("<b>{0} 年度自评</b><br>{1}").format(session.year, session.answers().center.name)
        )
        self._build_pages()
        self.ui.stepList.currentRowChanged.connect(self.ui.pageStack.setCurrentIndex)
        self.ui.stepList.currentRowChanged.connect(self._update_buttons)
        self.ui.nextButton.clicked.connect(self.next_page)
        self.ui.backButton.clicked.connect(self.previous_page)
        self.ui.homeButton.clicked.connect(self.home_requested)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, self.next_page)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, self.previous_page)
        session.scored.connect(self.show_totals)
        session.scored.connect(lambda _card: self._show_signed_state())
        self._show_signed_state()
        session.autosaver.accepted.connect(self._after_save)
        self.show_totals(session.scorecard)
        self.ui.stepList.setCurrentRow(0)
        self._fit_side()

    def _fit_side(self) -> None:
        """The step list and the totals are as wide as their text needs at the current text size."""
        width = self.fontMetrics().horizontalAdvance("运行管理：88.7 / 100") + 40
        for widget in (self.ui.stepList, self.ui.totalsBox):
            widget.setMinimumWidth(width)
            widget.setMaximumWidth(width)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_side()

    def _build_pages(self) -> None:
        pack = self.session.pack
        self.page_index: dict[str, int] = {}  # a pack page's place in the steps
        for page in pack.pages:
            self.page_index[page.id] = self.ui.pageStack.count()
            intro = page.intro or ""  # the pack's guidance under the page's title
            if page.id == pack.profile.page:
                widget: QWidget = ProfilePage(self.session, page.title)
            elif pack.roster is not None and page.id == pack.roster.page:
                widget = StaffPage(self.session, page.id, page.title, intro)
            else:
                widget = FactsPage(self.session, page.id, page.title, intro)
            self._add(page.title, widget)
        self.review = ReviewPage(self.session, tr("评分总览"))
        self.review.page_requested.connect(self.show_pack_page)
        self._add(tr("评分总览"), self.review)
        from dqsa.ui.export_page import ExportPage

        self.export_page = ExportPage(self.session, tr("签署导出"))
        self.export_page.exported.connect(self._show_signed_state)
        self.export_page.measures_requested.connect(self.show_measure)
        self._add(tr("签署导出"), self.export_page)
        self._apply_read_only()

    def _add(self, title: str, widget: QWidget) -> None:
        number = self.ui.stepList.count() + 1
        self.ui.stepList.addItem(f"{number}. {title}")
        self.ui.pageStack.addWidget(widget)

    def rebuild(self) -> None:
        """Rebuild the pages (after the level changed: other items and thresholds apply)."""
        current = self.ui.stepList.currentRow()
        self.ui.stepList.blockSignals(True)
        self.ui.stepList.clear()
        while self.ui.pageStack.count():
            page = self.ui.pageStack.widget(0)
            self.ui.pageStack.removeWidget(page)
            page.deleteLater()
        self._build_pages()
        self.ui.stepList.blockSignals(False)
        self.ui.stepList.setCurrentRow(max(0, current))
        self.ui.pageStack.setCurrentIndex(max(0, current))

    def show_pack_page(self, page_id: str) -> None:
        """Go to the page of the pack with this id (a link in the review's 待更新 line)."""
        if page_id in self.page_index:
            self.go_to(self.page_index[page_id])

    def show_measure(self, item_id: str) -> None:
        """Go to the review page with ``item_id`` selected, the cursor in its improvement measure."""
        self.go_to(self.ui.pageStack.indexOf(self.review))
        self.review.select_item(item_id, edit_measure=True)

    # -- read-only ------------------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """Show the assessment without letting anything be changed (a year already reported).

        The one switch for every page, also after a rebuild: inputs are disabled, moving
        between pages, reading and selecting text stay possible.
        """
        self.read_only = read_only
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        read_only = getattr(self, "read_only", False)
        for index in range(self.ui.pageStack.count()):
            for widget in self.ui.pageStack.widget(index).findChildren(QWidget):
                if isinstance(widget, EDITING_WIDGETS):
                    widget.setEnabled(not read_only)

    def _after_save(self, key: str) -> None:
        if key == "profile.level":
            self.rebuild()

    def page_count(self) -> int:
        return self.ui.pageStack.count()

    def current_page(self) -> int:
        return self.ui.stepList.currentRow()

    def go_to(self, index: int) -> None:
        self.ui.stepList.setCurrentRow(max(0, min(index, self.page_count() - 1)))

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def _update_buttons(self, row: int) -> None:
        self.ui.backButton.setEnabled(row > 0)
        self.ui.nextButton.setEnabled(row < self.page_count() - 1)

    def _show_signed_state(self) -> None:
        """Warn when the packet already sent no longer matches what is on screen."""
        summary = self.session.store.summary(self.session.year)
        if summary.signed_at is not None and summary.status == "draft":
            self.ui.warningLabel.setText(
                tr(
                    "注意：本年度自评在 {0} 签署导出后又有修改，已报送的材料包与现在的内容不一致；如需报送，请重新签署导出。"
                ).format(datetime_text(summary.signed_at))
            )
            self.ui.warningLabel.show()
        elif summary.status == "signed":
            self.ui.warningLabel.setText(
                tr("本年度自评已于 {0} 签署导出。再修改会使其变回草稿，需要重新导出。").format(
                    datetime_text(summary.signed_at)
                )
            )
            self.ui.warningLabel.show()
        else:
            self.ui.warningLabel.hide()

    def show_export_page(self) -> None:
        self.go_to(self.page_count() - 1)

    def show_totals(self, card: Scorecard) -> None:
        self.ui.totalsLabel.setText(totals_text(card))
