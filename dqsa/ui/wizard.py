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
from dqsa.domain.status import AssessmentStatus
from dqsa.ui.forms.ui_wizard import Ui_AssessmentWizard
from dqsa.ui.i18n import tr
from dqsa.ui.pages import FactsPage, ProfilePage, StaffPage
from dqsa.ui.review import ReviewPage, totals_text
from dqsa.ui.sent_banner import ReopenDialog, SentBanner
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
    """Pages of one assessment, built from its pack; ``home_requested`` to leave.

    A year signed and sent opens read-only, with a banner saying when, by whom and with
    which fingerprint, and 修改（需重新报送） to reopen it (asked first); a file open
    read-only is read-only too, and says why. ``compare_sent_requested(year)``: show
    what changed since the year was sent.
    """

    home_requested = Signal()
    compare_sent_requested = Signal(int)

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
        self.banner = SentBanner(self.ui.warningLabel, self)
        self.ui.pageLayout.insertWidget(0, self.banner)
        self.banner.reopen_requested.connect(self.reopen)
        self.banner.compare_requested.connect(lambda: self.compare_sent_requested.emit(self.session.year))
        session.scored.connect(self.show_totals)
        session.scored.connect(self._show_signed_state)
        self._read_sent_state()
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
        self.export_page.exported.connect(self._read_sent_state)
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
        between pages, reading and selecting text stay possible. The export page keeps its
        own rules: a signed year may be signed and sent again as it is, a file open
        read-only cannot be exported at all (the page says why).
        """
        self.read_only = read_only
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        read_only = getattr(self, "read_only", False)
        export_page = getattr(self, "export_page", None)
        for index in range(self.ui.pageStack.count()):
            page = self.ui.pageStack.widget(index)
            if page is export_page:
                continue
            for widget in page.findChildren(QWidget):
                if isinstance(widget, EDITING_WIDGETS):
                    widget.setEnabled(not read_only)
        self.review.show_override_row(not read_only)

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

    # -- what was sent ---------------------------------------------------------------------------

    def _read_sent_state(self) -> None:
        """Read the year's status and what was sent (at opening, after an export, after reopening)."""
        store, year = self.session.store, self.session.year
        self.status: AssessmentStatus = store.summary(year).status
        self.sent = store.sent(year)
        self.review_result = store.review(year)  # the level above's result, if one was imported
        self.set_read_only(self.status is AssessmentStatus.SIGNED or bool(store.read_only))
        self._show_signed_state()

    def _show_signed_state(self, card: Scorecard | None = None) -> None:
        """The banner: sent on … by … with fingerprint …, or changed since and to be sent again."""
        self.banner.show_state(
            self.status,
            self.sent,
            card or self.session.scorecard,
            self.session.store.read_only,
            self.review_result,
        )

    def reopen(self) -> bool:
        """修改（需重新报送）: ask, then open the signed year for changes (recorded with the reason)."""
        from PySide6.QtWidgets import QDialog, QMessageBox

        from dqsa.store.errors import StoreError

        if self.sent is None:
            return False
        dialog = ReopenDialog(self.session.year, self.sent, self, review=self.review_result)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        reason = dialog.reason_text()
        dialog.deleteLater()
        if not accepted:
            return False
        try:
            self.session.store.reopen(self.session.year, reason=reason)
        except StoreError as exc:
            QMessageBox.warning(self, tr("无法修改"), str(exc))
            return False
        self._read_sent_state()
        return True

    def show_export_page(self) -> None:
        self.go_to(self.page_count() - 1)

    def show_totals(self, card: Scorecard) -> None:
        self.ui.totalsLabel.setText(totals_text(card))
