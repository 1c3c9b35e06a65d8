"""文件 → 导入审核结果…: pick the level above's result, check it off the GUI thread, ask, keep it.

The result is checked in a worker (:func:`dqsa.export.review_import.check_review_file`);
a refusal is said with the check that failed on its first line. Otherwise a
:class:`ReviewImportDialog` shows who signed it, with the desk's fingerprint in groups of
four: on the first import it asks the person to compare it with the desk's (it is then
pinned); when it differs from the pinned one it shows both and 导入 stays disabled until
the person ticks that they checked the new one with the desk. Keeping it is a second
worker job (one transaction); the year list is drawn again afterwards.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLayout,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from dqsa.export.wording import fingerprint_lines
from dqsa.ui.i18n import tr
from dqsa.ui.places import remember_folder, start_folder
from dqsa.ui.worker import Report, run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from dqsa.export.review_import import PreparedReview
    from dqsa.store.reviews import ImportedReview
    from dqsa.store.service import CenterStore

log = logging.getLogger(__name__)


def choose_review_file(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        tr("选择上级返回的审核结果"),
        str(start_folder("packet")),
        tr("审核结果 (*.zip);;所有文件 (*)"),
    )
    if not path:
        return None
    remember_folder("packet", Path(path).parent)
    return Path(path)


def _busy(parent: QWidget, text: str) -> QProgressDialog:
    busy = QProgressDialog(text, None, 0, 0, parent)
    busy.setWindowTitle(tr("导入审核结果"))
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)
    busy.setAutoClose(False)
    busy.setValue(0)
    return busy


def import_review_in_background(
    parent: QWidget,
    store: CenterStore,
    path: Path,
    *,
    on_imported: Callable[[ImportedReview], None],
    ask: Callable[[PreparedReview], bool] | None = None,
) -> None:
    """Check ``path``, ask (``ask``, by default :class:`ReviewImportDialog`), keep it; say what happened."""
    busy = _busy(parent, tr("正在校验 {0}…").format(path.name))

    def check(_report: Report) -> PreparedReview:
        from dqsa.export.review_import import check_review_file

        return check_review_file(path, store)

    def checked(prepared: PreparedReview) -> None:
        busy.close()
        busy.deleteLater()
        if prepared.refusal or prepared.received is None:
            refuse(parent, prepared.headline(), prepared.refusal or tr("审核结果无法读取。"))
            return
        confirm = ask or (lambda p: ReviewImportDialog(p, parent).ask())
        if not confirm(prepared):
            return
        keep(prepared)

    def keep(prepared: PreparedReview) -> None:
        saving = _busy(parent, tr("正在保存审核结果…"))

        def work(_report: Report) -> ImportedReview:
            from dqsa.export.review_import import keep_review

            return keep_review(prepared, store, accept_new_reviewer=prepared.desk_change)

        def done(imported: ImportedReview) -> None:
            from dqsa.export.review_import import imported_lines

            saving.close()
            saving.deleteLater()
            on_imported(imported)
            box = QMessageBox(
                QMessageBox.Icon.Information,
                tr("导入审核结果"),
                "\n".join(imported_lines(imported)),
                QMessageBox.StandardButton.Ok,
                parent,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.exec()
            box.deleteLater()

        def not_kept(exc: Exception) -> None:
            from dqsa.export.review_import import KIND_WORDS
            from dqsa.store.errors import StoreError
            from dqsa.store.reviews import ReviewRefused

            saving.close()
            saving.deleteLater()
            if isinstance(exc, ReviewRefused):
                refuse(parent, tr("没有导入：") + KIND_WORDS.get(exc.kind, "") + "。", str(exc))
            elif isinstance(exc, StoreError):
                refuse(parent, tr("没有导入。"), str(exc))
            else:
                log.error("keeping the review result %s failed", path, exc_info=exc)
                refuse(
                    parent,
                    tr("没有导入。"),
                    tr("保存时出现意外错误（{0}），详情已写入日志。").format(type(exc).__name__),
                )

        run_in_background(work, parent=parent, on_done=done, on_error=not_kept)

    def failed(exc: Exception) -> None:
        busy.close()
        busy.deleteLater()
        log.error("checking the review result %s failed", path, exc_info=exc)
        refuse(parent, tr("没有导入。"), tr("无法读取这个文件：{0}").format(exc))

    run_in_background(check, parent=parent, on_done=checked, on_error=failed)


def refuse(parent: QWidget, headline: str, details: str) -> None:
    """A refusal: which check failed first, then the details (text from the file is shown, never rendered)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, tr("导入审核结果"), headline, QMessageBox.StandardButton.Ok, parent
    )
    box.setInformativeText(details)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
    box.deleteLater()


class ReviewImportDialog(QDialog):
    """Who signed the result, and the explicit choice to import it (to accept a new desk certificate)."""

    def __init__(self, prepared: PreparedReview, parent: QWidget | None = None) -> None:
        from dqsa.domain.status import review_label
        from dqsa.export.wording import datetime_text, fmt

        super().__init__(parent)
        self.setWindowTitle(tr("导入审核结果"))
        received = prepared.received
        assert received is not None and prepared.fingerprint is not None
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # the wrapped text is never cut
        unit = tr("项") if received.pack_kind == "checklist" else tr("分")
        facts = [
            tr("<b>{0} 年度审核结果</b>　审核结论：<b>{1}</b>").format(
                received.year, html.escape(tr(review_label(received.state)))
            ),
            tr("审核单位：{0}").format(html.escape(received.desk_name)),
            tr("审核人：{0}（{1}），{2}").format(
                html.escape(received.reviewer_name),
                html.escape(received.reviewer_title),
                datetime_text(received.reviewed_at),
            ),
            tr("自评 {0} {2}，复核 {1} {2}").format(
                fmt(received.total_self), fmt(received.total_reviewed), unit
            ),
        ]
        summary = QLabel("<br>".join(facts))
        summary.setTextFormat(Qt.TextFormat.RichText)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.accept_box: QCheckBox | None = None
        change = prepared.check.desk_change if prepared.check is not None else None
        if change is not None:
            warning = QLabel(
                tr(
                    "<b>注意：这份审核结果由另一个审核单位证书签署。</b><br>"
                    "本中心登记的审核单位证书指纹：<br><tt>{0}</tt><br>"
                    "这份审核结果的证书指纹：<br><tt>{1}</tt><br>"
                    "可能是审核单位换了签署身份，也可能是冒名的审核结果。"
                    "请先用电话等方式向审核单位核实新指纹，核实无误后才能导入（会记入历史）。"
                ).format(_fingerprint_html(change.pinned), _fingerprint_html(change.new))
            )
            warning.setStyleSheet(
                "background: #fdecea; color: #611a15; border: 1px solid #f5c2c0; padding: 6px;"
            )
            warning.setObjectName("deskChangeWarning")
            self.accept_box = QCheckBox(tr("我已向审核单位核实了新的证书指纹，接受它(&A)"))
            widgets: list[QWidget] = [warning, self.accept_box]
        else:
            first = prepared.pinned is None
            words = (
                tr(
                    "这是第一次导入审核结果。请向审核单位核对它的证书指纹（审核结果 PDF 的签署部分印有指纹）：<br>"
                    "<tt>{0}</tt><br>导入后本中心登记这个指纹，以后指纹不同的审核结果需要确认才能导入。"
                )
                if first
                else tr("审核单位证书指纹（与本中心登记的相同）：<br><tt>{0}</tt>")
            ).format(_fingerprint_html(prepared.fingerprint))
            widgets = [QLabel(words)]
        for widget in widgets:
            if isinstance(widget, QLabel):
                widget.setTextFormat(Qt.TextFormat.RichText)
                widget.setWordWrap(True)
                widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                widget.setMinimumWidth(widget.fontMetrics().horizontalAdvance("指") * 36)
            layout.addWidget(widget)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(tr("导入(&I)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(tr("取消(&C)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if self.accept_box is not None:  # an explicit choice: nothing is accepted by Enter alone
            self.import_button.setEnabled(False)
            self.accept_box.toggled.connect(self.import_button.setEnabled)
            self.cancel_button.setDefault(True)
        layout.addWidget(buttons)

    def ask(self) -> bool:
        accepted = self.exec() == QDialog.DialogCode.Accepted
        self.deleteLater()
        return accepted


def _fingerprint_html(fingerprint: str) -> str:
    """Two lines of eight groups of four: never broken inside a group."""
    return "<br>".join(html.escape(line) for line in fingerprint_lines(fingerprint))
