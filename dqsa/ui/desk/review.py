"""审核: one center's packet for one year — the state, the comment, each item's 复核得分 with its reason.

Everything is saved as it is typed, like the center's pages (:class:`~dqsa.ui.autosave.Autosaver`):
a pause of 0.3 s, one transaction per edit; text that is not a number saves nothing and
says so beside the field; a score that differs from the center's own without a reason
is refused by the store and the reason is asked for beside the field. The reviewer
sees the center's report, photos and last year's packet from here (:mod:`.viewers`).
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QButtonGroup, QLabel, QSizePolicy, QTreeWidgetItem, QWidget

from dqsa.domain.scoring import fmt
from dqsa.export.wording import datetime_text, fingerprint_text
from dqsa.ui.desk.returning import why_not_returnable
from dqsa.ui.fields import ERROR_STYLE, NumberField, ProblemLabel
from dqsa.ui.forms.ui_desk_review import Ui_DeskReview
from dqsa.ui.i18n import QT_TR_NOOP, tr
from dqsa.ui.textsize import set_relative_size

if TYPE_CHECKING:
    from dqsa.store.desk.service import DeskStore
    from dqsa.ui.desk.window import DeskWindow

log = logging.getLogger(__name__)

#: The tree's columns.
ITEM, SELF, REVIEWED, REASON = range(4)
ITEM_ROLE = Qt.ItemDataRole.UserRole
STATES = ("pending", "passed", "returned", "problem")
#: A checklist's words (the store's codes → what the reviewer reads).
VERDICTS = (("met", QT_TR_NOOP("符合")), ("not_met", QT_TR_NOOP("不符合")), ("na", QT_TR_NOOP("不适用")))
DIFFERS = QColor("#8a4b00")
UNSAVED = QColor("#b00020")


def verdict_label(code: str) -> str:
    return tr(dict(VERDICTS).get(code, code))


class DeskReviewView(QWidget):
    """Shows one packet's review; ``back_requested`` goes back to the list."""

    back_requested = Signal()

    def __init__(self, window: DeskWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.autosaver = window.autosaver
        self.ui = Ui_DeskReview()
        self.ui.setupUi(self)
        set_relative_size(self.ui.titleLabel, 1.4, bold=True)
        self.store: DeskStore | None = None
        self.packet_id: int | None = None
        self.order: list[int] = []
        self.sheet: dict[str, Any] = {}
        self.summary: Any = None
        self.editable = False
        self._current_item: str | None = None
        #: What the store last refused per item (shown when the item is selected again).
        self._problems: dict[str, str] = {}
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4ce; color: #5c4400; border: 1px solid #e0c060; padding: 6px;"
        )
        self.banner.hide()
        self.ui.mainLayout.insertWidget(1, self.banner)
        self.states = QButtonGroup(self)
        for number, radio in enumerate(
            (self.ui.pendingRadio, self.ui.passedRadio, self.ui.returnedRadio, self.ui.problemRadio)
        ):
            self.states.addButton(radio, number)
        self.states.idClicked.connect(self._state_clicked)
        self.ui.commentEdit.textChanged.connect(self._comment_typed)
        self.ui.reviewerEdit.textEdited.connect(self._reviewer_typed)
        # One message line under the score and the reason: what is wrong with the number typed,
        # or what the store refused (a reason missing), never both at once.
        self.item_problem = ProblemLabel(self)
        self.ui.detailLayout.addWidget(self.item_problem)
        self.score = NumberField("", example=tr("例如 4 或 4.5"), problem=self.item_problem)
        self.ui.scoreLayout.insertWidget(1, self.score)
        self.score.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.ui.scoreLabel.setBuddy(self.score.edit)
        self.score.edited.connect(lambda _value: self._item_edited())
        self.score.invalidated.connect(self._score_invalid)
        for code, label in ((None, QT_TR_NOOP("（与自评相同）")), *VERDICTS):
            self.ui.verdictCombo.addItem(tr(label), code)
        self.ui.verdictCombo.activated.connect(lambda _index: self._item_edited())
        self.ui.reasonEdit.setMaxLength(1000)
        self.ui.reasonEdit.textEdited.connect(lambda _text: self._item_edited())
        self.ui.clearButton.clicked.connect(self._clear_item)
        self.ui.commentProblem.setStyleSheet(ERROR_STYLE)
        self.ui.splitter.setStretchFactor(0, 4)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setChildrenCollapsible(False)
        self.ui.itemTree.currentItemChanged.connect(lambda current, _previous: self._select(current))
        self.ui.backButton.clicked.connect(self.back_requested)
        self.ui.previousButton.clicked.connect(lambda: self._step(-1))
        self.ui.nextButton.clicked.connect(lambda: self._step(1))
        self.ui.reportButton.clicked.connect(self.open_report)
        self.ui.photosButton.clicked.connect(self.show_photos)
        self.ui.lastYearButton.clicked.connect(self.show_last_year)
        self.ui.saveButton.clicked.connect(self.save_packet)
        self.ui.returnButton.clicked.connect(self.export_result)
        self.return_dialog: Any = None
        self.return_message: Any = None
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.back_requested.emit)
        QShortcut(QKeySequence("Ctrl+Down"), self, activated=lambda: self._next_item(1))
        QShortcut(QKeySequence("Ctrl+Up"), self, activated=lambda: self._next_item(-1))
        self.autosaver.accepted.connect(self._accepted)
        self.autosaver.invalid.connect(self._invalid)
        self.autosaver.failed.connect(self._save_failed)
        self.autosaver.saved.connect(lambda _when: self._show_totals())
        self._fit_columns()

    # -- showing a packet ------------------------------------------------------------------------------

    def show_packet(self, store: DeskStore, packet_id: int, order: list[int]) -> None:
        self.store = store
        self.packet_id = packet_id
        self.order = order
        self._problems.clear()
        self.reload()

    def reload(self) -> None:
        """Read the packet, its review and its items again."""
        if self.store is None or self.packet_id is None:
            return
        store, packet_id = self.store, self.packet_id
        self.summary = summary = store.packet(packet_id)
        review = store.review(packet_id)
        self.pack = store.pack_of(packet_id)
        rows = store.review_sheet(packet_id)
        self.sheet = {row.item_id: row for row in rows}
        self.checklist = summary.standard.kind == "checklist"
        self.ui.titleLabel.setText(tr("{0} · {1} 年度").format(summary.center_name, summary.year))
        signed = datetime_text(summary.signed_at, zone=True)
        where = "　·　".join(
            p for p in (summary.level_label or summary.level, summary.region, summary.standard.title) if p
        )
        self.ui.infoLabel.setText(
            where
            + "\n"
            + tr("签署：{0}（{1}），{2}　·　收到 {3}").format(
                summary.signer_name, summary.signer_title, signed, datetime_text(summary.received_at)
            )
            + "\n"
            + tr("证书指纹：{0}").format(fingerprint_text(summary.fingerprint))
        )
        state = str(summary.state.value if hasattr(summary.state, "value") else summary.state)
        read_only = store.read_only
        if read_only:
            reason = tr("只读：") + read_only
        elif state == "held":
            reason = tr("这个材料包的签署身份还没有核实，核实并接受后才能审核。")
        elif state == "superseded":
            reason = tr("这个材料包已被同一中心同一年度的新版本替换，这里只能查看；请审核新版本。")
        else:
            reason = ""
        self.editable = not reason
        self.banner.setText(reason)
        self.banner.setVisible(bool(reason))
        code = str(review.state.value if hasattr(review.state, "value") else review.state)
        button = self.states.button(STATES.index(code) if code in STATES else 0)
        button.setChecked(True)
        self.ui.commentEdit.blockSignals(True)
        self.ui.commentEdit.setPlainText(review.comment)
        self.ui.commentEdit.blockSignals(False)
        self.ui.reviewerEdit.setText(review.reviewer or self.window_.reviewer)
        for widget in (
            self.ui.pendingRadio,
            self.ui.passedRadio,
            self.ui.returnedRadio,
            self.ui.problemRadio,
            self.ui.commentEdit,
            self.ui.reviewerEdit,
        ):
            widget.setEnabled(self.editable)
        self._comment_problem("")
        self._build_tree(rows)
        self._show_totals()
        position = self.order.index(packet_id) if packet_id in self.order else -1
        self.ui.previousButton.setEnabled(position > 0)
        self.ui.nextButton.setEnabled(0 <= position < len(self.order) - 1)
        self.ui.lastYearButton.setEnabled(store.previous_packet(packet_id) is not None)
        has_photos = any(m.kind == "photo" for m in store.members(packet_id))
        self.ui.photosButton.setEnabled(has_photos)
        self.ui.photosButton.setToolTip("" if has_photos else tr("这个材料包里没有照片"))
        why = why_not_returnable(store, packet_id)
        self.ui.returnButton.setEnabled(not why)
        self.ui.returnButton.setToolTip(why or tr("签署本中心本年度的审核结果（zip），交给中心导入"))

    def _build_tree(self, rows: list[Any]) -> None:
        tree = self.ui.itemTree
        tree.blockSignals(True)
        tree.clear()
        self._items: dict[str, QTreeWidgetItem] = {}
        tables: dict[str, QTreeWidgetItem] = {}
        sections: dict[tuple[str, str], QTreeWidgetItem] = {}
        for row in rows:
            table = tables.get(row.table_id)
            if table is None:
                table = tables[row.table_id] = QTreeWidgetItem(tree, [row.table_title])
                table.setExpanded(True)
                table.setFlags(table.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            key = (row.table_id, row.section_id)
            section = sections.get(key)
            if section is None:
                section = sections[key] = QTreeWidgetItem(table, [row.section_title])
                section.setExpanded(True)
                section.setFlags(section.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            item = QTreeWidgetItem(section)
            item.setData(ITEM, ITEM_ROLE, row.item_id)
            self._items[row.item_id] = item
            self._show_item(row.item_id)
        tree.blockSignals(False)
        first = next(iter(self._items.values()), None)
        self._current_item = None
        if first is not None:
            tree.setCurrentItem(first)
        self._select(first)

    def _show_item(self, item_id: str) -> None:
        row = self.sheet[item_id]
        item = self._items[item_id]
        item.setText(ITEM, tr("第{0}项　{1}").format(row.number, row.text))
        item.setToolTip(ITEM, row.text)
        item.setText(SELF, self._self_text(row))
        review = row.review
        item.setText(REVIEWED, self._review_text(row) if review is not None else "")
        item.setText(REASON, review.reason if review is not None else "")
        item.setToolTip(REASON, review.reason if review is not None else "")
        problem = self._problems.get(item_id)
        colour = UNSAVED if problem else DIFFERS if review is not None and self._differs(row) else None
        for column in (ITEM, SELF, REVIEWED, REASON):
            item.setForeground(column, QBrush(colour) if colour else QBrush())
        if problem:
            item.setText(REVIEWED, tr("未保存"))
            item.setToolTip(REVIEWED, problem)

    def _self_text(self, row: Any) -> str:
        if row.entry == "checklist":
            if not row.answered:
                return tr("未填写")
            return verdict_label(row.self_verdict.value)
        return f"{fmt(row.score)} / {fmt(row.max_points)}" if row.applicable else tr("不适用")

    def _review_text(self, row: Any) -> str:
        review = row.review
        if row.entry == "checklist":
            return verdict_label(review.verdict.value)
        if not review.applicable:
            return tr("不适用")
        return fmt(review.score) if review.score is not None else ""

    @staticmethod
    def _differs(row: Any) -> bool:
        review = row.review
        if review is None:
            return False
        if review.applicable != row.applicable:
            return True
        if row.entry == "checklist":
            return review.verdict != row.self_verdict
        return review.score != row.score

    # -- the selected item -------------------------------------------------------------------------------

    def _select(self, current: QTreeWidgetItem | None) -> None:
        item_id = current.data(ITEM, ITEM_ROLE) if current is not None else None
        if item_id not in self.sheet:
            self._current_item = None
            self.ui.itemLabel.setText(tr("请在上面选择一个条目。"))
            for widget in (self.score, self.ui.verdictCombo, self.ui.reasonEdit, self.ui.clearButton):
                widget.setEnabled(False)
            self.item_problem.show_problem("")
            return
        self._current_item = item_id
        row = self.sheet[item_id]
        from dqsa.export.wording import item_label

        self.ui.itemLabel.setText(
            f"<b>{_html(item_label(self.pack, item_id))}</b>　{_html(row.text)}"
            + ("<br>" + tr("自评：{0}").format(_html(self._self_text(row))))
        )
        checklist = row.entry == "checklist"
        self.ui.scoreLabel.setText(tr("复核结果(&K)：") if checklist else tr("复核得分(&K)："))
        self.score.setVisible(not checklist)
        self.ui.verdictCombo.setVisible(checklist)
        self.ui.scoreLabel.setBuddy(self.ui.verdictCombo if checklist else self.score.edit)
        review = row.review
        if checklist:
            code = review.verdict.value if review is not None else None
            self.ui.verdictCombo.setCurrentIndex(max(0, self.ui.verdictCombo.findData(code)))
            self.ui.maxLabel.setText("")
        else:
            value = review.score if review is not None and review.applicable else None
            self.score.set_value(value)
            self.score.edit.setPlaceholderText(fmt(row.score))
            self.ui.maxLabel.setText(tr("/ 满分 {0}").format(fmt(row.max_points)))
        self.ui.reasonEdit.setText(review.reason if review is not None else "")
        for widget in (self.score, self.ui.verdictCombo, self.ui.reasonEdit, self.ui.clearButton):
            widget.setEnabled(self.editable)
        self._show_item_problem(self._problems.get(item_id, ""))
        self._fit_detail()

    def _next_item(self, step: int) -> None:
        ids = list(self._items)
        if not ids:
            return
        position = ids.index(self._current_item) if self._current_item in ids else -1
        target = ids[max(0, min(len(ids) - 1, position + step))]
        self.ui.itemTree.setCurrentItem(self._items[target])
        focus = self.ui.verdictCombo if self.sheet[target].entry == "checklist" else self.score.edit
        focus.setFocus()
        if focus is self.score.edit:
            self.score.edit.selectAll()

    # -- editing --------------------------------------------------------------------------------------------

    def reviewer(self) -> str | None:
        name = self.ui.reviewerEdit.text().strip()
        return name or None

    def _key(self, what: str) -> str:
        return f"{what}:{self.packet_id}"

    def _schedule(self, key: str, action: Any) -> None:
        store, packet_id = self.store, self.packet_id
        assert store is not None and packet_id is not None
        self.autosaver.schedule(key, lambda: action(store, packet_id))

    def _state_clicked(self, number: int) -> None:
        if not self.editable:
            return
        state, reviewer = STATES[number], self.reviewer()
        self._schedule(self._key("state"), lambda s, p: s.set_review_state(p, state, reviewer=reviewer))

    def _comment_typed(self) -> None:
        if not self.editable:
            return
        text, reviewer = self.ui.commentEdit.toPlainText(), self.reviewer()
        self._schedule(self._key("comment"), lambda s, p: s.set_review_comment(p, text, reviewer=reviewer))

    def _reviewer_typed(self, text: str) -> None:
        if not self.editable:
            return
        name = text.strip()
        if name:
            self.window_.reviewer = name
            self._schedule(self._key("reviewer"), lambda s, p: s.set_reviewer(p, name))

    def _item_value(self, row: Any) -> Any:
        if row.entry == "checklist":
            return self.ui.verdictCombo.currentData()
        return self.score.value()

    def _item_edited(self) -> None:
        item_id = self._current_item
        if not self.editable or item_id is None:
            return
        row = self.sheet[item_id]
        if row.entry != "checklist" and not self.score.text_is_valid:
            return  # the number on screen is not a number: nothing is saved (the message says so)
        value = self._item_value(row)
        reason, reviewer = self.ui.reasonEdit.text(), self.reviewer()
        self._schedule(
            self._item_key(item_id),
            lambda s, p: s.set_item_review(p, item_id, value, reason, reviewer=reviewer),
        )

    def _item_key(self, item_id: str) -> str:
        return f"item:{self.packet_id}:{item_id}"

    def _score_invalid(self) -> None:
        """The number field says what is wrong; the waiting save of this item is cancelled."""
        if self._current_item is not None:
            self.autosaver.cancel(self._item_key(self._current_item))

    def _show_item_problem(self, text: str) -> None:
        """What the store said about the selected item (the number field keeps its own typing message)."""
        if self._current_item is not None and self.sheet[self._current_item].entry != "checklist":
            self.score.show_problem(text)
        else:
            self.item_problem.show_problem(text)

    def _clear_item(self) -> None:
        """按自评: no reviewer score for this item (the center's own counts)."""
        item_id = self._current_item
        if item_id is None or not self.editable:
            return
        self.score.set_value(None)
        self.ui.verdictCombo.setCurrentIndex(0)
        self.ui.reasonEdit.clear()
        self._schedule(self._item_key(item_id), lambda s, p: s.set_item_review(p, item_id, None))

    # -- what the autosaver says ---------------------------------------------------------------------

    def _parse_key(self, key: str) -> tuple[str, int | None, str | None]:
        parts = key.split(":", 2)
        try:
            packet_id = int(parts[1]) if len(parts) > 1 else None
        except ValueError:
            return key, None, None
        return parts[0], packet_id, parts[2] if len(parts) > 2 else None

    def _accepted(self, key: str) -> None:
        what, packet_id, item_id = self._parse_key(key)
        if packet_id != self.packet_id or self.store is None:
            return
        if what == "comment":
            self._comment_problem("")
        if what == "item" and item_id in self.sheet:
            self._problems.pop(item_id, None)
            self.sheet = {row.item_id: row for row in self.store.review_sheet(self.packet_id)}
            self._show_item(item_id)
            if item_id == self._current_item:
                self.score.saved()
                self._show_item_problem("")

    def _invalid(self, key: str, problems: list) -> None:
        what, packet_id, item_id = self._parse_key(key)
        if packet_id != self.packet_id:
            return
        text = "；".join(p.message for p in problems)
        if what == "item" and item_id in self.sheet:
            self._problems[item_id] = text + tr("（未保存）")
            self._show_item(item_id)
            if item_id == self._current_item:
                self._show_item_problem(self._problems[item_id])
        elif what == "comment":
            self._comment_problem(text + tr("（未保存）"))
        else:
            self.window_.statusBar().showMessage(text, 15000)

    def _comment_problem(self, text: str) -> None:
        self.ui.commentProblem.setText(text)
        self.ui.commentProblem.setVisible(bool(text))

    def _save_failed(self, key: str, message: str) -> None:
        what, packet_id, item_id = self._parse_key(key)
        if packet_id == self.packet_id and what == "item" and item_id == self._current_item:
            self._show_item_problem(message.splitlines()[0])

    def _show_totals(self) -> None:
        if not self.sheet or self.summary is None:
            return
        self_total, reviewed_total, reviewed_max, changed = reviewed_figures(
            self.summary, list(self.sheet.values())
        )
        if self.checklist:
            text = tr("自评：符合 {0} / 适用 {1} 项（{2}%）").format(
                fmt(self.summary.total), fmt(self.summary.max_total), fmt(self.summary.percent)
            )
            if changed:
                from dqsa.domain.scoring import percent

                text += tr("　复核后：符合 {0} / 适用 {1} 项（{2}%）").format(
                    fmt(reviewed_total), fmt(reviewed_max), fmt(percent(reviewed_total, reviewed_max))
                )
        else:
            text = tr("自评合计 {0} / {1}").format(fmt(self_total), fmt(self.summary.max_total))
            if changed:
                text += tr("　复核合计 {0} / {1}（{2} 项改分）").format(
                    fmt(reviewed_total), fmt(reviewed_max), changed
                )
        self.ui.totalsLabel.setText(text)

    # -- the packet's files ----------------------------------------------------------------------------------

    def open_report(self) -> None:
        if self.store is not None and self.packet_id is not None:
            from dqsa.ui.desk.viewers import open_report

            open_report(self.window_, self.store, self.packet_id)

    def show_photos(self) -> None:
        if self.store is not None and self.packet_id is not None:
            from dqsa.ui.desk.viewers import PhotoDialog

            dialog = PhotoDialog(self.store, self.packet_id, self.window_)
            dialog.exec()
            dialog.deleteLater()

    def show_last_year(self) -> None:
        if self.store is not None and self.packet_id is not None:
            from dqsa.ui.desk.viewers import LastYearDialog

            dialog = LastYearDialog(self.store, self.packet_id, self.window_)
            dialog.exec()
            dialog.deleteLater()

    def save_packet(self) -> None:
        if self.store is not None and self.packet_id is not None:
            from dqsa.ui.desk.viewers import save_packet_as

            save_packet_as(self.window_, self.store, self.packet_id)

    def export_result(self) -> None:
        """导出审核结果…: the dialog (window-modal), then what was written (:mod:`.returning`)."""
        if self.store is None or self.packet_id is None or self.return_dialog is not None:
            return
        from dqsa.ui.desk.returning import ReturnReviewDialog, result_message

        self.autosaver.flush()
        dialog = ReturnReviewDialog(
            self.store, self.packet_id, self.window_, reviewer=self.reviewer() or "", autosaver=self.autosaver
        )
        self.return_dialog = dialog

        def finished(_code: int) -> None:
            self.return_dialog = None
            result = dialog.written
            dialog.deleteLater()
            if result is not None:
                self.return_message = message = result_message(self.window_, result)
                message.finished.connect(lambda _code: self._message_closed(message))
                message.open()

        dialog.finished.connect(finished)
        dialog.open()

    def _message_closed(self, message: Any) -> None:
        if self.return_message is message:
            self.return_message = None
        message.deleteLater()

    def _step(self, step: int) -> None:
        if self.packet_id not in self.order or self.store is None:
            return
        position = self.order.index(self.packet_id) + step
        if 0 <= position < len(self.order):
            self.autosaver.flush()
            self.show_packet(self.store, self.order[position], self.order)

    # -- sizes follow the text size ------------------------------------------------------------------------

    def _fit_columns(self) -> None:
        width = self.fontMetrics().horizontalAdvance("中")
        tree = self.ui.itemTree
        for column, characters in ((ITEM, 30), (SELF, 6), (REVIEWED, 5)):
            tree.setColumnWidth(column, width * characters + 16)
        self.ui.commentEdit.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()
            self._fit_detail()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_detail()

    def _fit_detail(self) -> None:
        """The panel under the list keeps room for the selected item's whole text (it wraps)."""
        panel = self.ui.detailPanel
        layout = panel.layout()
        width = max(panel.width(), self.width() - 24)  # before the first layout the panel is narrow
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        # never more than half the page: at 150 % text on a 768-pixel screen the list keeps its rows
        ceiling = max(self.height() // 2, self.fontMetrics().height() * 6)
        panel.setMinimumHeight(min(max(needed, layout.totalMinimumSize().height()), ceiling))


def reviewed_figures(summary: Any, rows: list[Any]) -> tuple[Decimal, Decimal, Decimal, int]:
    """(self total, reviewed total, reviewed maximum, items changed), by the domain's roll-up rules."""
    from dqsa.domain.rollup import ItemMark, Standard, Submission

    marks = tuple(ItemMark(r.item_id, r.score, r.max_points, r.applicable, r.answered) for r in rows)
    scores = {r.item_id: r.review.score for r in rows if r.review is not None and r.review.score is not None}
    applicable = {r.item_id: r.review.applicable for r in rows if r.review is not None}
    standard = Standard(summary.standard.pack_id, summary.standard.version, summary.standard.kind)
    submission = Submission(
        "", summary.center_name, summary.level, summary.region, summary.year, standard, marks,
        reviewer_scores=scores, reviewer_applicable=applicable,
    )  # fmt: skip
    changed = sum(1 for r in rows if DeskReviewView._differs(r))
    return submission.total, submission.reviewed_total, submission.reviewed_max_total, changed


def _html(text: str) -> str:
    from html import escape

    return escape(text)
