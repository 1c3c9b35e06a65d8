"""The banner above a year that was sent: when, by whom, with which fingerprint; 修改（需重新报送）.

A signed year opens read-only (the store refuses edits anyway): the banner says when it
was sent, by whom and with which certificate fingerprint, and offers the one way to
change it, 修改（需重新报送）, which asks first and says the packet already sent will
no longer match. A year reopened after sending says it differs from what was sent and
must be sent again, with the figures sent beside the current ones. A packet signed
before the file kept what was sent is said to be so; nothing is invented.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dqsa.domain.status import AssessmentStatus
from dqsa.export.wording import datetime_text, fingerprint_text, fmt
from dqsa.ui.i18n import tr

if TYPE_CHECKING:
    from dqsa.domain.scoring import Scorecard
    from dqsa.store.reviews import ReviewRecord
    from dqsa.store.sent import SentRecord

#: The frame's colours: calm blue for a year kept as sent, amber for one that differs from it.
SIGNED_STYLE = "#sentBanner { background: #e8f0fe; border: 1px solid #aecbfa; }"
REOPENED_STYLE = "#sentBanner { background: #fff3cd; border: 1px solid #ffda6a; }"
LABEL_STYLE = "background: transparent; border: none; padding: 0; color: #202124;"


def total_text(card: Scorecard) -> str:
    """A scorecard's total as the year list writes it (a checklist by its percentage)."""
    return f"{fmt(card.percent)}%" if card.pack_kind == "checklist" else fmt(card.total)


def sent_total_text(sent: SentRecord) -> str | None:
    if sent.totals is None:
        return None
    return f"{sent.totals.percent}%" if sent.totals.kind == "checklist" else sent.totals.total


def who_and_when(sent: SentRecord) -> str:
    return tr("{0} 由 {1} 签署").format(
        datetime_text(sent.signed_at), html.escape(sent.signer or tr("（未记录）"))
    )


def returned_for(review: ReviewRecord | None, sent: SentRecord | None) -> ReviewRecord | None:
    """The review, when it returned the packet sent last for more (退回补充); else None."""
    if review is None or sent is None or review.state != "returned":
        return None
    return review if sent.sha256 is None or review.packet_sha256 == sent.sha256 else None


def returned_text(review: ReviewRecord) -> str:
    """What the reviewer asked for, in a line of the banner."""
    text = tr("<b>上级审核：退回补充。</b>{0}（{1}）要求补充修改").format(
        html.escape(review.desk_name), html.escape(review.reviewer_name)
    )
    if review.comment:
        comment = "　".join(line.strip() for line in review.comment.splitlines() if line.strip())
        return text + tr("：{0}").format(html.escape(comment))
    return text + tr("。")


def banner_text(
    status: AssessmentStatus,
    sent: SentRecord | None,
    card: Scorecard,
    read_only: str | None = None,
    review: ReviewRecord | None = None,
) -> str:
    """The banner's text (rich text) for a year's state; empty for a draft in a writable file.

    A year the level above returned for more (退回补充) says so first, with the comment.
    """
    parts = []
    if read_only:
        parts.append(tr("<b>只读：</b>") + html.escape(read_only))
    returned = returned_for(review, sent)
    if returned is not None:
        parts.append(returned_text(returned))
    if status is AssessmentStatus.SIGNED and sent is not None:
        parts.append(tr("<b>本年度自评已签署报送，现在只能查看。</b>"))
        line = who_and_when(sent)
        if sent.fingerprint:
            line += tr("，证书指纹 {0}").format(fingerprint_text(sent.fingerprint))
        parts.append(line + tr("。"))
        if not sent.known:
            parts.append(
                tr("本年度由本程序以前的版本签署，当时没有保存报送内容的副本，无法显示报送时的内容和数字。")
            )
        if not read_only and returned is None:  # returned: the button says it (按审核意见修改)
            parts.append(
                tr(
                    "如需修改，请点“修改（需重新报送）”：修改后，已报送的材料包将与这里的内容不一致，"
                    "需要重新签署导出并报送。"
                )
            )
    elif status is AssessmentStatus.REOPENED and sent is not None:
        parts.append(
            tr(
                "<b>本年度自评报送后又打开修改：现在的内容与已报送的材料包不一致，需要重新签署导出并报送。</b>"
            )
        )
        parts.append(tr("已报送的材料包：{0}。").format(who_and_when(sent)))
        sent_total = sent_total_text(sent)
        if sent_total is None:
            parts.append(tr("报送时的内容没有保存（由本程序以前的版本签署），无法对比。"))
        elif sent_total != total_text(card):
            parts.append(tr("报送时合计 {0}，现在 {1}。").format(sent_total, total_text(card)))
        else:
            parts.append(tr("报送时合计 {0}，现在合计相同（其他内容可能改过）。").format(sent_total))
    return "<br>".join(parts)


class SentBanner(QFrame):
    """The label (the wizard's warning line, moved in here) and the actions beside it."""

    reopen_requested = Signal()
    compare_requested = Signal()

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sentBanner")
        self.label = label
        label.setParent(self)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setStyleSheet(LABEL_STYLE)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(label, 1)
        buttons = QVBoxLayout()
        self.reopen_button = QPushButton(tr("修改（需重新报送）(&W)"))
        self.reopen_button.setToolTip(tr("打开本年度以便修改；修改后需要重新签署导出并报送"))
        self.compare_button = QPushButton(tr("与已报送的对比(&Q)"))
        self.compare_button.setToolTip(tr("看看报送之后改了哪些内容"))
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.compare_button)
        layout.addLayout(buttons)
        layout.setAlignment(buttons, Qt.AlignmentFlag.AlignTop)
        # As tall as its text, never more: the page below keeps the room.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.reopen_button.clicked.connect(self.reopen_requested)
        self.compare_button.clicked.connect(self.compare_requested)
        self.hide()

    def show_state(
        self,
        status: AssessmentStatus,
        sent: SentRecord | None,
        card: Scorecard,
        read_only: str | None = None,
        review: ReviewRecord | None = None,
    ) -> None:
        """Show the banner for a year's state (hidden for a draft in a writable file)."""
        text = banner_text(status, sent, card, read_only, review)
        returned = returned_for(review, sent) is not None
        self.reopen_button.setText(
            tr("按审核意见修改（需重新报送）(&W)") if returned else tr("修改（需重新报送）(&W)")
        )
        self.label.setText(text)
        self.label.setVisible(bool(text))
        signed = status is AssessmentStatus.SIGNED and sent is not None
        self.reopen_button.setVisible(signed and not read_only)
        self.compare_button.setVisible(
            status is AssessmentStatus.REOPENED and sent is not None and sent.known
        )
        calm = signed and not read_only and not returned
        self.setStyleSheet(SIGNED_STYLE if calm else REOPENED_STYLE)
        self.setVisible(bool(text))


class ReopenDialog(QDialog):
    """Asks before a signed year is opened for changes: the packet sent will no longer match."""

    def __init__(
        self,
        year: int,
        sent: SentRecord,
        parent: QWidget | None = None,
        review: ReviewRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("修改已报送的年度"))
        self.returned = returned_for(review, sent)
        layout = QVBoxLayout(self)
        asked = ""
        if self.returned is not None:
            asked = returned_text(self.returned) + "<br><br>"
        text = QLabel(
            asked
            + tr(
                "{0} 年度的自评已于 {1} 由 {2} 签署并报送。<br><br>"
                "<b>修改后，已经报送给上级的材料包将与这里的内容不一致</b>，"
                "需要重新签署导出，并把新的材料包报送上级（上级以最后收到的为准）。<br><br>"
                "已报送的内容会保留在文件中，可以随时与修改后的内容对比。确定要修改吗？"
            ).format(year, datetime_text(sent.signed_at), html.escape(sent.signer or tr("（未记录）")))
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setMinimumWidth(text.fontMetrics().horizontalAdvance("修") * 40)  # wraps, and is tall enough
        layout.addWidget(text)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # the wrapped text is never cut
        row = QHBoxLayout()
        label = QLabel(tr("修改原因(&R)："))
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(tr("例如：补充照片、更正面积（可不填，会记入修改历史）"))
        if self.returned is not None:
            self.reason.setText(tr("按上级审核意见补充修改（退回补充）"))
        label.setBuddy(self.reason)
        row.addWidget(label)
        row.addWidget(self.reason, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(
            tr("按审核意见修改（需重新报送）(&W)")
            if self.returned is not None
            else tr("修改（需重新报送）(&W)"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.cancel = buttons.addButton(tr("取消(&C)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel.setDefault(True)  # Enter does not reopen by accident
        self.cancel.setAutoDefault(True)
        self.confirm.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reason_text(self) -> str:
        return self.reason.text().strip() or tr("在窗口中选择“修改（需重新报送）”")
