"""评分总览: every item with score, maximum, how and why; overrides; corrective actions."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QTreeWidgetItem, QVBoxLayout, QWidget

from dqsa.domain.answers import CHECKLIST_LABELS
from dqsa.domain.carry import Pending, pending_updates
from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.review import ReviewedItem
from dqsa.domain.scoring import ItemResult, Scorecard, SectionResult, TableResult, fmt
from dqsa.export.wording import item_label
from dqsa.ui.fields import parse_number
from dqsa.ui.forms.ui_review_page import Ui_ReviewPage
from dqsa.ui.i18n import tr
from dqsa.ui.pages import method_label, title_label
from dqsa.ui.pending import pending_text
from dqsa.ui.session import AssessmentSession

if TYPE_CHECKING:
    from dqsa.store.reviews import ReviewRecord

BELOW_FULL = QColor("#8a4b00")
UNANSWERED = QColor("#b00020")
MEASURE_MISSING = QColor("#b00020")
MEASURE_WRITTEN = QColor("#1a5e20")
#: Rows of the list that the panel under it never takes (it scrolls its text instead).
LIST_ROWS = 6
#: The tree's columns.
ITEM, SCORE, METHOD, MEASURE, WHY = range(5)  # the reason last: it takes the room left
#: The level above's score, shown right after the self score when the year has a review result.
REVIEWED = 5
REVIEW_LOWER = QColor("#b00020")
REVIEW_HIGHER = QColor("#1a5e20")
REVIEW_KEPT = QColor("#777777")


def points_text(part: ItemResult | TableResult | SectionResult, *, checklist: bool = False) -> str:
    """“score / max” of an item, section or table; “… 项” when a checklist pack counts items."""
    text = f"{fmt(part.score)} / {fmt(part.max_points)}"
    return tr("{0} 项").format(text) if checklist else text


def score_cell(result: ItemResult) -> str:
    if result.status is not None:
        return CHECKLIST_LABELS[result.status]
    return points_text(result)


def totals_text(card: Scorecard) -> str:
    """The running totals, one line per table, for the side panel and the summary."""
    lines = []
    checklist = card.pack_kind == "checklist"
    for table in card.tables:
        if checklist:
            lines.append(
                tr("{0}：符合 {1}/{2} 项").format(table.short_title, fmt(table.score), fmt(table.max_points))
            )
        else:
            lines.append(f"{table.short_title}：{points_text(table)}")
    if checklist:
        lines.append(tr("合计：{0}%").format(fmt(card.percent)))
    else:
        lines.append(tr("合计：{0} / {1}").format(fmt(card.total), fmt(card.max_total)))
    lines.append(tr("未填写 {0} 项").format(len(card.unanswered)))
    return "\n".join(lines)


def pending_by_page(pack: CriteriaPack, pending: list[Pending]) -> dict[str, list[str]]:
    """The labels of the answers still to update, by the title of the page they are on (page order)."""
    by_page: dict[str, list[str]] = {}
    for entry in pending:
        by_page.setdefault(entry.page, []).append(entry.label)
    return by_page


def pending_html(pack: CriteriaPack, pending: list[Pending]) -> str:
    """“待更新 17 项…：中心概况 1 项、作用发挥 2 项…”, each page's name a link to the page (one
    short line: the review's list keeps the room; the labels are in the tooltip)."""
    parts = []
    for page_id, labels in pending_by_page(pack, pending).items():
        page = pack.page(page_id)
        title = escape(page.title if page is not None else page_id)
        count = escape(tr("{0} 项").format(len(labels)))
        title = _unbroken(title)  # a page's name is never split over two lines (CJK breaks anywhere)
        parts.append(f'<a href="{escape(page_id)}">{title}</a>&nbsp;{count}')
    head = tr("每年重新填写、本年度还没有填写的 {0} 项").format(len(pending))
    mark = f'<span style="color: #8a4b00; background: #fff4d6;">&nbsp;{escape(pending_text())}&nbsp;</span>'
    return f"{mark} {escape(head)}：" + "、".join(parts)


def _unbroken(text: str) -> str:
    """``text`` with a word joiner (U+2060) between its characters: no line break inside it."""
    return "\u2060".join(text)


def pending_tooltip(pack: CriteriaPack, pending: list[Pending]) -> str:
    """Every answer still to update, page by page."""
    lines = [tr("点击页面名称转到该页填写：")]
    for page_id, labels in pending_by_page(pack, pending).items():
        page = pack.page(page_id)
        lines.append(f"{page.title if page is not None else page_id}：" + "、".join(labels))
    return "\n".join(lines)


class ReviewPage(QWidget):
    """The scorecard as a tree, with the selected item's override and corrective action.

    ``page_requested(page id)``: the person clicked a page named in the 待更新 line.
    """

    page_requested = Signal(str)

    def __init__(self, session: AssessmentSession, title: str) -> None:
        super().__init__()
        self.session = session
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(title))
        body = QWidget()
        self.ui = Ui_ReviewPage()
        self.ui.setupUi(body)
        layout.addWidget(body)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingLabel")
        self.pending_label.setWordWrap(True)
        self.pending_label.setTextFormat(Qt.TextFormat.RichText)
        self.pending_label.linkActivated.connect(self.page_requested)
        self.pending_label.hide()
        self.ui.mainLayout.insertWidget(1, self.pending_label)
        self.review_label = QLabel()
        self.review_label.setObjectName("reviewLabel")
        self.review_label.setWordWrap(True)
        self.review_label.setTextFormat(Qt.TextFormat.RichText)
        self.review_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_label.setStyleSheet("background: #eef5ee; border: 1px solid #b7d3b7; padding: 4px;")
        self.review_label.hide()
        self.ui.mainLayout.insertWidget(1, self.review_label)
        tree = self.ui.itemTree
        tree.setColumnCount(REVIEWED + 1)
        tree.headerItem().setText(REVIEWED, tr("复核得分"))
        tree.header().moveSection(REVIEWED, SCORE + 1)  # beside the self score
        self.review = session.store.review(session.year)
        tree.setColumnHidden(REVIEWED, self.review is None)
        self.ui.splitter.setStretchFactor(0, 4)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setChildrenCollapsible(False)
        self._fit_columns()
        self.ui.overrideError.setStyleSheet("color: #b00020;")
        self.ui.overrideError.hide()  # shown with a message only: an empty line takes the list's rows
        # The item's wording scrolls in the room the list leaves it, rather than taking the list's rows.
        label, detail = self.ui.itemLabel, self.ui.detailLayout
        index = detail.indexOf(label)
        detail.removeWidget(label)
        self.item_scroll = QScrollArea()
        self.item_scroll.setWidgetResizable(True)
        self.item_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.item_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.item_scroll.setWidget(label)
        detail.insertWidget(index, self.item_scroll)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._selected: str | None = None
        self._build(session.scorecard)
        session.scored.connect(self.refresh)
        tree.currentItemChanged.connect(lambda current, _previous: self._select(current))
        self.ui.applyOverrideButton.clicked.connect(self.apply_override)
        self.ui.clearOverrideButton.clicked.connect(self.clear_override)
        self.ui.actionEdit.textChanged.connect(self._action_typed)
        self.ui.nextMissingButton.clicked.connect(self.next_missing_measure)
        self._select(None)

    def _fit_columns(self) -> None:
        """Column widths for the current text size (in characters, not pixels)."""
        width = self.fontMetrics().horizontalAdvance("中")
        tree = self.ui.itemTree
        for column, characters in ((ITEM, 22), (SCORE, 7), (METHOD, 3), (MEASURE, 4), (REVIEWED, 7)):
            tree.setColumnWidth(column, width * characters + 16)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()
            self._fit_detail()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_detail()

    def _fit_detail(self) -> None:
        """The panel under the list keeps room for the selected item's whole text (it wraps), but
        never the list's: the list keeps its header and LIST_ROWS rows, and a longer text scrolls.
        (At 150 % text in 1280×720, under a signed year's banner, the list had kept 2 rows.)"""
        panel, scroll, label = self.ui.detailPanel, self.item_scroll, self.ui.itemLabel
        layout = panel.layout()
        width = max(panel.width(), self.width() - 24)  # before the first layout the panel is narrow
        text_height = label.heightForWidth(width - scroll.verticalScrollBar().sizeHint().width()) + 2
        rest = _height_without(layout, scroll)  # the rows under the text
        tree = self.ui.itemTree
        row = max(tree.sizeHintForRow(0), tree.fontMetrics().height() + 4)
        keep = tree.header().sizeHint().height() + LIST_ROWS * row + 2 * tree.frameWidth()
        room = self.ui.splitter.height() - self.ui.splitter.handleWidth() - keep
        if self.ui.splitter.height() <= 0:
            room = self.height() // 2
        lines = 2 * label.fontMetrics().lineSpacing() + 2  # the text's first two lines, at least
        text_room = max(lines, min(text_height, room - rest))
        scroll.setMinimumHeight(text_room)
        panel.setMinimumHeight(text_room + rest)

    def show_override_row(self, shown: bool) -> None:
        """The 更正得分 row, hidden in a year that cannot be changed (its room goes to the list)."""
        row = self.ui.overrideLayout
        for index in range(row.count()):
            widget = row.itemAt(index).widget()
            if widget is not None:
                widget.setVisible(shown)
        self._fit_detail()

    def _override_error(self, text: str) -> None:
        self.ui.overrideError.setText(text)
        self.ui.overrideError.setVisible(bool(text))
        self._fit_detail()

    # -- the tree ------------------------------------------------------------------------

    def _build(self, card: Scorecard) -> None:
        tree = self.ui.itemTree
        tree.clear()
        self._items.clear()
        for table in card.tables:
            table_row = QTreeWidgetItem(tree, [table.title, "", "", "", ""])
            table_row.setFirstColumnSpanned(False)
            for section in table.sections:
                section_row = QTreeWidgetItem(table_row, [section.title, "", "", "", ""])
                for result in section.items:
                    row = QTreeWidgetItem(section_row)
                    row.setData(0, Qt.ItemDataRole.UserRole, result.item_id)
                    self._items[result.item_id] = row
                section_row.setExpanded(True)
            table_row.setExpanded(True)
        self.refresh(card)

    def refresh(self, card: Scorecard) -> None:
        """Update scores in place (the selection and scroll position stay)."""
        self.card = card
        checklist = card.pack_kind == "checklist"
        for table_index, table in enumerate(card.tables):
            table_row = self.ui.itemTree.topLevelItem(table_index)
            table_row.setText(1, points_text(table, checklist=checklist))
            for section_index, section in enumerate(table.sections):
                section_row = table_row.child(section_index)
                section_row.setText(1, points_text(section, checklist=checklist))
                for result in section.items:
                    row = self._items[result.item_id]
                    row.setText(ITEM, tr("第{0}项　{1}").format(result.number, result.text))
                    row.setToolTip(ITEM, f"{item_label(self.session.pack, result.item_id)}\n{result.text}")
                    row.setText(SCORE, score_cell(result))
                    row.setText(METHOD, method_label(result.method))
                    row.setText(WHY, result.explanation)
                    row.setToolTip(WHY, result.explanation)
                    colour = UNANSWERED if not result.answered else BELOW_FULL if result.below_full else None
                    for column in (ITEM, SCORE, METHOD, WHY):
                        row.setForeground(column, QBrush(colour) if colour else QBrush())
                    measure, measure_colour = measure_cell(result)
                    row.setText(MEASURE, measure)
                    row.setToolTip(MEASURE, result.corrective_action)
                    row.setForeground(MEASURE, QBrush(measure_colour) if measure_colour else QBrush())
                    self._show_reviewed(row, result)
        self.ui.summaryLabel.setText(self._summary(card))
        self._show_review_heading()
        self._show_pending()
        self.ui.nextMissingButton.setEnabled(bool(card.without_measures))
        if self._selected:
            self._show_detail(card.item(self._selected))

    # -- the level above's review ----------------------------------------------------------------

    def _show_reviewed(self, row: QTreeWidgetItem, result: ItemResult) -> None:
        """The reviewer's score beside the self score, and the reason beside the explanation."""
        if self.review is None:
            return
        item = self.review.by_item.get(result.item_id)
        if item is None or item.kept:
            row.setText(REVIEWED, tr("同自评") if item is not None and result.applicable else "")
            row.setForeground(REVIEWED, QBrush(REVIEW_KEPT))
            row.setToolTip(REVIEWED, tr("审核人沿用了中心的自评") if item is not None else "")
            return
        shown = tr(reviewed_text(item, result))
        row.setText(REVIEWED, shown)
        own, final = item.self_score, item.final_score()
        lower = own is not None and (final is None or final < own)
        row.setForeground(REVIEWED, QBrush(REVIEW_LOWER if lower else REVIEW_HIGHER))
        reason = item.reason or tr("（未写理由）")
        row.setToolTip(REVIEWED, tr("复核得分 {0}，理由：{1}").format(shown, reason))
        row.setText(WHY, tr("复核理由：{0}｜{1}").format(reason, result.explanation))
        row.setToolTip(
            WHY, tr("复核得分 {0}，理由：{1}\n自评：{2}").format(shown, reason, result.explanation)
        )

    def _show_review_heading(self) -> None:
        """Who reviewed the year, the verdict, the totals and the comment, above the list."""
        self.review_label.setVisible(self.review is not None)
        if self.review is not None:
            self.review_label.setText(review_heading(self.review))
            self.review_label.setToolTip(review_tooltip(self.review))

    def _show_pending(self) -> None:
        """The yearly answers still empty (待更新), by page."""
        pending = pending_updates(self.session.pack, self.session.answers())
        self.pending_label.setVisible(bool(pending))
        if pending:
            self.pending_label.setText(pending_html(self.session.pack, pending))
            self.pending_label.setToolTip(pending_tooltip(self.session.pack, pending))

    def pending_fields(self) -> list[str]:
        """The answers listed as 待更新 (for tests)."""
        if self.pending_label.isHidden():
            return []
        return [p.field for p in pending_updates(self.session.pack, self.session.answers())]

    def _summary(self, card: Scorecard) -> str:
        totals = "；".join(totals_text(card).splitlines())
        below, missing = len(card.below_full), len(card.without_measures)
        label = tr("不符合") if card.pack_kind == "checklist" else tr("未得满分")
        if not below:
            return tr("{0}。").format(totals)
        if not missing:
            return tr("{0}。{1} {2} 项，改进措施都已填写。").format(totals, label, below)
        return tr(
            "{0}。{1} {2} 项，已填写改进措施 {3} 项，还缺 {4} 项（在下方列表的“改进措施”一列标为“待填写”）。"
        ).format(totals, label, below, below - missing, missing)

    # -- improvement measures ----------------------------------------------------------------

    def select_item(self, item_id: str, *, edit_measure: bool = False) -> None:
        """Show ``item_id`` in the tree and, when asked, put the cursor in its measure."""
        row = self._items.get(item_id)
        if row is None:
            return
        self.ui.itemTree.setCurrentItem(row)
        self.ui.itemTree.scrollToItem(row)
        if edit_measure and self.ui.actionEdit.isEnabled():
            self.ui.actionEdit.setFocus()

    def next_missing_measure(self) -> None:
        """The next item below full marks without a measure, after the one selected (wrapping)."""
        missing = self.card.without_measures
        if not missing:
            return
        order = [result.item_id for result in self.card.items()]
        start = order.index(self._selected) + 1 if self._selected in order else 0
        following = [i for i in order[start:] + order[:start] if i in missing]
        self.select_item(following[0], edit_measure=True)

    # -- the selected item -----------------------------------------------------------------

    def _select(self, row: QTreeWidgetItem | None) -> None:
        item_id = row.data(0, Qt.ItemDataRole.UserRole) if row is not None else None
        self._selected = item_id
        enabled = item_id is not None
        for widget in (self.ui.overrideScoreEdit, self.ui.overrideReasonEdit, self.ui.applyOverrideButton,
                       self.ui.clearOverrideButton, self.ui.actionEdit):  # fmt: skip
            widget.setEnabled(enabled)
        self._override_error("")
        if not enabled:
            self.ui.itemLabel.setText(
                tr("在上面的列表中选择一个条目（方向键），查看依据、更正得分或填写改进措施。")
            )
            return
        result = self.card.item(item_id)
        answers = self.session.answers()
        override = answers.overrides.get(item_id)
        self.ui.overrideReasonEdit.setText(override.reason if override else "")
        shown = override.score if override and override.score is not None else None
        self.ui.overrideScoreEdit.setText(fmt(shown) if shown is not None else "")
        self.ui.actionEdit.blockSignals(True)
        self.ui.actionEdit.setPlainText(answers.corrective_actions.get(item_id, ""))
        self.ui.actionEdit.blockSignals(False)
        self._show_detail(result)

    def _show_detail(self, result: ItemResult) -> None:
        automatic = result.rule not in {"manual", "checklist"} and result.applicable
        checklist = result.status is not None
        self.ui.overrideScoreEdit.setEnabled(automatic)
        self.ui.overrideReasonEdit.setEnabled(automatic)
        self.ui.applyOverrideButton.setEnabled(automatic)
        self.ui.clearOverrideButton.setEnabled(automatic and result.method == "override")
        self.ui.overrideLabel.setText(tr("更正结果（符合/不符合）：") if checklist else tr("更正得分(&G)："))
        self.ui.actionEdit.setEnabled(result.below_full or bool(result.corrective_action))
        label = escape(item_label(self.session.pack, result.item_id))
        reviewed = ""
        item = self.review.by_item.get(result.item_id) if self.review is not None else None
        if item is not None and not item.kept:
            reviewed = "<br>" + escape(
                tr("复核得分：{0}　理由：{1}").format(
                    tr(reviewed_text(item, result)), item.reason or tr("（未写理由）")
                )
            )
        self.ui.itemLabel.setText(
            f"<b>{label}</b>　{escape(result.text)}<br>"
            f"{escape(score_cell(result))}（{method_label(result.method)}）：{escape(result.explanation)}"
            + reviewed
        )
        self.ui.itemLabel.setToolTip(tr("条目编号：{0}").format(result.item_id))
        self._fit_detail()

    def apply_override(self) -> None:
        """Correct an automatic result: saved at once through the autosaver (reason required)."""
        result = self.card.item(self._selected)
        reason = self.ui.overrideReasonEdit.text()
        text = self.ui.overrideScoreEdit.text().strip()
        item_id = result.item_id
        if result.status is not None:
            status = _typed_status(text)
            if status is None:
                self._override_error(tr("请填写“符合”“不符合”或“不适用”"))
                return
            action = lambda store, year: store.set_override(year, item_id, status=status, reason=reason)  # noqa: E731
        else:
            try:
                number = parse_number(text)
            except ValueError:
                number = None
            if number is None:
                self._override_error(tr("请填写更正后的得分（数字）"))
                return
            action = lambda store, year: store.set_override(year, item_id, score=number, reason=reason)  # noqa: E731
        self._save_now(f"overrides.{item_id}", action)

    def clear_override(self) -> None:
        item_id = self._selected
        self._save_now(f"overrides.{item_id}", lambda store, year: store.clear_override(year, item_id))
        self.ui.overrideReasonEdit.clear()
        self.ui.overrideScoreEdit.clear()

    def _save_now(self, key: str, action: object) -> None:
        self._override_error("")
        self.session.register(key, self)
        self.session.save(key, action)
        self.session.autosaver.flush()

    def _action_typed(self) -> None:
        item_id, text = self._selected, self.ui.actionEdit.toPlainText()
        if item_id:
            self.session.register(f"corrective_actions.{item_id}", self)
            self.session.save(
                f"corrective_actions.{item_id}",
                lambda store, year: store.set_item_text(year, item_id, "corrective_actions", text),
            )

    def show_problem(self, text: str) -> None:
        self._override_error(text)


def _height_without(layout: QLayout, left_out: QWidget) -> int:
    """The height a vertical layout's shown items take, ``left_out`` aside (spacing and margins in)."""
    heights = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget()
        if widget is left_out or item.isEmpty():
            continue
        heights.append(
            max(item.minimumSize().height(), min(item.sizeHint().height(), item.maximumSize().height()))
        )
    margins = layout.contentsMargins()
    spacing = max(layout.spacing(), 0)
    return sum(heights) + spacing * len(heights) + margins.top() + margins.bottom()


def reviewed_text(item: ReviewedItem, result: ItemResult) -> str:
    """The reviewer's score as the self score is written ("0 / 2"), or verdict (符合, 不符合, 不适用)."""
    if item.status is not None:
        return item.shown()
    return item.shown(result.max_points if result.applicable else None)


def review_heading(review: ReviewRecord) -> str:
    """The review's heading (rich text), one line where it can be: verdict, reviewer, date, totals; the
    comment unless the year was returned (the banner above says it then); a note when the year changed
    since the version reviewed. Everything, with the desk, is in :func:`review_tooltip`."""
    from dqsa.export.wording import datetime_text

    lines = [
        tr("<b>上级审核：{0}</b>（{1}，{2}）；{3}").format(
            escape(tr(review.label)),
            escape(review.reviewer_name),
            date_only(review.reviewed_at),
            escape(review_totals(review)),
        )
    ]
    if review.comment and review.state != "returned":
        lines.append(escape(tr("审核意见：{0}").format(one_line(review.comment))))
    if review.outdated:
        when = datetime_text(review.sent_at) if review.sent_at else ""
        lines.append(
            escape(
                tr(
                    "审核结果针对的是 {0} 报送的版本；之后本年度又修改或重新报送过，这里的自评得分是现在的。"
                ).format(when)
            )
        )
    return "<br>".join(lines)


def review_totals(review: ReviewRecord) -> str:
    return (
        tr("复核后符合 {0} 项（自评符合 {1} 项，适用 {2} 项）")
        if review.pack_kind == "checklist"
        else tr("复核得分合计 {0}（自评 {1}，满分 {2}）")
    ).format(fmt(review.total_reviewed), fmt(review.total_self), fmt(review.total_max))


def date_only(moment: object) -> str:
    from datetime import datetime

    from dqsa.export.wording import date_text

    return date_text(moment) if isinstance(moment, datetime) else ""


def review_tooltip(review: ReviewRecord) -> str:
    """The whole review in plain text: desk, reviewer and title, time, totals, comment."""
    from dqsa.export.wording import datetime_text

    lines = [
        tr("审核单位：{0}").format(review.desk_name),
        tr("审核人：{0}（{1}），{2}").format(
            review.reviewer_name, review.reviewer_title, datetime_text(review.reviewed_at)
        ),
        review_totals(review),
    ]
    if review.comment:
        lines.append(tr("审核意见：{0}").format(review.comment))
    return "\n".join(lines)


def one_line(text: str) -> str:
    """A comment of several lines on one line, its lines apart by a wide space."""
    return "　".join(line.strip() for line in text.splitlines() if line.strip())


def measure_cell(result: ItemResult) -> tuple[str, QColor | None]:
    """The “改进措施” column: written, still to write (below full marks), or nothing needed."""
    if result.corrective_action.strip():
        return tr("已填写"), MEASURE_WRITTEN
    if result.below_full:
        return tr("待填写"), MEASURE_MISSING
    return "", None


def _typed_status(text: str) -> str | None:
    """A checklist status typed by a person: its Chinese label (符合 …) or code (met, not met, na or n/a)."""
    typed = text.strip().lower().replace(" ", "_").replace("/", "")
    by_word = {label: code for code, label in CHECKLIST_LABELS.items() if code != "unanswered"}
    by_word |= {code: code for code in by_word.values()}
    return by_word.get(typed)
