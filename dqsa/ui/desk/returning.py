"""导出审核结果…: the desk signs one center's review and writes the 审核结果 zip (issue 16.1).

The same call as ``dqsa desk return`` (:func:`dqsa.export.review_return.return_review`),
run in the worker behind a progress dialog. The dialog asks for the signer, the title,
the desk's passphrase (twice the first time, when the desk's signing identity is made)
and the folder (the last one is offered again). It shows the desk's certificate
fingerprint in groups of four, as the centers will check it. A lost key is never
replaced silently: the dialog says so and a new identity is an explicit, warned choice.
A failure (a wrong passphrase, a folder that cannot be written, a desk open read-only)
is said in the dialog, which stays open to try again; nothing is written or recorded.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dqsa.domain.signer import MAX_SIGNER_NAME, MAX_SIGNER_TITLE
from dqsa.export.wording import datetime_text, fingerprint_lines, fingerprint_text
from dqsa.ui.fields import ProblemLabel
from dqsa.ui.i18n import tr
from dqsa.ui.places import remember_folder, start_folder
from dqsa.ui.worker import Job, Report, run_in_background

if TYPE_CHECKING:
    from dqsa.export.review_return import ReturnResult
    from dqsa.store.desk.service import DeskStore
    from dqsa.ui.autosave import Autosaver

log = logging.getLogger(__name__)

# The purpose under which the output folder is remembered (:mod:`dqsa.ui.places`).
FOLDER = "review-result"
FINGERPRINT_STYLE = "font-family: monospace; font-weight: bold;"


def why_not_returnable(store: DeskStore, packet_id: int) -> str:
    """Why no result can be signed for this packet now ("" when it can), as ``dqsa desk return`` decides."""
    if store.read_only:
        return (
            tr("台账以只读方式打开，不能签署审核结果（签署后要在台账中记下返回的结果）：") + store.read_only
        )
    state = str(store.packet(packet_id).state)
    if state == "held":
        return tr("这个材料包的签署身份还没有核实，核实并接受后才能审核和导出审核结果。")
    if state == "superseded":
        return tr("这个材料包已被同一中心同一年度的新版本替换，请对新版本导出审核结果。")
    return ""


def state_label(state: object) -> str:
    """A review state in the window's language (the filters' words)."""
    from dqsa.ui.desk.overview import REVIEW_CHOICES

    code = str(getattr(state, "value", state))
    return tr(dict(REVIEW_CHOICES).get(code, code))


class ReturnReviewDialog(QDialog):
    """Signer, title, passphrase, folder → the signed 审核结果; :attr:`written` once written."""

    def __init__(
        self,
        store: DeskStore,
        packet_id: int,
        parent: QWidget,
        *,
        reviewer: str = "",
        autosaver: Autosaver | None = None,
    ) -> None:
        super().__init__(parent)
        from dqsa.export.identity import desk_owner

        self.store = store
        self.autosaver = autosaver
        self.packet_id = packet_id
        self.job: Job[ReturnResult] | None = None
        self.written: ReturnResult | None = None
        packet = store.packet(packet_id)
        review = store.review(packet_id)
        self.signing = store.signing()
        self.owner = desk_owner(self.signing.uid, self.signing.name)
        earlier = store.returns(packet_id)
        every = earlier or store.returns()  # the signer and title used last, for this center or any
        last = every[-1] if every else None
        self.setWindowTitle(tr("导出审核结果：{0}").format(packet.center_name))
        layout = QVBoxLayout(self)
        heading = QLabel(
            tr("{0} · {1} 年度　审核结论：{2}").format(
                packet.center_name, packet.year, state_label(review.state)
            )
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        notes = [
            tr(
                "审核结果是一个签过名的 zip 文件（内含逐项复核得分、理由、审核意见和一份可打印的 PDF），"
                "请用电子邮件或 U 盘交给该中心，中心用“文件 → 导入审核结果”导入。"
            )
        ]
        if review.state.value == "pending":
            notes.append(tr("审核结论仍是“待审核”：中心导入后看到的也是“待审核”。审核完成后请先选定结论。"))
        if earlier:
            notes.append(
                tr("已于 {0} 导出过审核结果（{1}）；再次导出会生成新的一份，中心以最后导入的为准。").format(
                    datetime_text(earlier[-1].returned_at), state_label(earlier[-1].state)
                )
            )
        intro = QLabel("\n".join(notes))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.identity_note = QLabel()
        self.identity_note.setWordWrap(True)
        layout.addWidget(self.identity_note)
        self.fingerprint = QLabel()
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        layout.addWidget(self.fingerprint)
        form = QFormLayout()
        self.signer = QLineEdit(last.signer_name if last is not None else (review.reviewer or reviewer))
        self.signer.setMaxLength(MAX_SIGNER_NAME)
        self.title = QLineEdit(last.signer_title if last is not None else "")
        self.title.setMaxLength(MAX_SIGNER_TITLE)
        self.title.setPlaceholderText(tr("例如 组织委员"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again = QLineEdit()
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again.setPlaceholderText(tr("第一次设定口令，请再输入一遍确认"))
        self.folder = QLineEdit(str(start_folder(FOLDER)))
        self.choose = QPushButton(tr("选择(&C)…"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        self.again_label = QLabel(tr("再次输入口令(&A)："))
        self.again_label.setBuddy(self.passphrase_again)
        folder_label = QLabel(tr("保存到(&D)："))
        folder_label.setBuddy(self.folder)
        form.addRow(tr("签署人(&S)："), self.signer)
        form.addRow(tr("职务(&T)："), self.title)
        form.addRow(tr("台账签署口令(&P)："), self.passphrase)
        form.addRow(self.again_label, self.passphrase_again)
        form.addRow(folder_label, folder_row)
        layout.addLayout(form)
        self.new_identity = QCheckBox(tr("找不到签署私钥：新建签署身份(&G)（各中心会看到新的证书指纹）"))
        layout.addWidget(self.new_identity)
        self.problem = ProblemLabel()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.sign_button = buttons.addButton(tr("签署并导出(&E)"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_button.clicked.connect(self.start)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.choose.setAutoDefault(False)  # Enter in any field signs; it never opens the folder chooser
        self.sign_button.setDefault(True)  # once the button is in the dialog, or Qt picks another
        self.choose.clicked.connect(self._choose_folder)
        self.new_identity.toggled.connect(lambda _checked: self._show_identity())
        for first, second in (
            (self.signer, self.title),
            (self.title, self.passphrase),
            (self.passphrase, self.passphrase_again),
            (self.passphrase_again, self.folder),
            (self.folder, self.choose),
            (self.choose, self.new_identity),
            (self.new_identity, self.sign_button),
            (self.sign_button, cancel),
        ):
            QWidget.setTabOrder(first, second)
        self._show_identity()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 46)
        (
            self.signer
            if not self.signer.text()
            else self.title
            if not self.title.text()
            else self.passphrase
        ).setFocus()

    # -- the desk's identity ------------------------------------------------------------------------------

    def key_missing(self) -> bool:
        """The desk signed before (or had a key here) but this computer has no usable key for it."""
        from dqsa.export.identity import identity_state

        state = identity_state(self.owner)
        return state != "ready" and (state != "none" or bool(self.signing.known_fingerprints))

    def creating_identity(self) -> bool:
        """Whether this export sets a new passphrase: the desk's first result, or a new identity asked for."""
        from dqsa.export.identity import identity_state

        first = identity_state(self.owner) == "none" and not self.signing.known_fingerprints
        return first or (self.new_identity.isChecked() and self.key_missing())

    def _show_identity(self) -> None:
        missing = self.key_missing()
        pinned = self.signing.fingerprint
        if missing and not self.new_identity.isChecked():
            self.identity_note.setText(
                tr(
                    "这台电脑上找不到本台账的签署私钥（换了电脑、重装了系统，或文件被删除）。"
                    "请把原来那台电脑上的签署身份复制过来；实在无法找回时，勾选下面的“新建签署身份”，"
                    "但各中心会看到新的证书指纹，需要告知它们以新指纹为准。本台账登记的证书指纹："
                )
            )
            self.identity_note.setStyleSheet("color: #b00020;")
        elif self.creating_identity():
            self.identity_note.setText(
                tr(
                    "第一次签署：将为本台账建立签署身份（数字证书），签署后会显示它的证书指纹，请告知各中心。"
                    "请设定一个口令（至少 8 个字符，可以用中文，不能全是数字），输入两遍，并记在安全的地方。"
                )
                if not missing
                else tr("将新建签署身份：请设定新的口令，输入两遍。各中心会看到新的证书指纹，请告知它们。")
            )
            self.identity_note.setStyleSheet("")
        else:
            self.identity_note.setText(
                tr("请输入本台账的签署口令。本台账的证书指纹（各中心据此核对审核结果，四位一组）：")
                if pinned
                else tr("请输入本台账的签署口令。")
            )
            self.identity_note.setStyleSheet("")
        shown = pinned if pinned and not self.creating_identity() else None
        self.fingerprint.setText("\n".join(fingerprint_lines(shown)) if shown else "")
        self.fingerprint.setVisible(shown is not None)
        self.new_identity.setVisible(missing)
        creating = self.creating_identity()
        self.again_label.setVisible(creating)
        self.passphrase_again.setVisible(creating)

    # -- signing ------------------------------------------------------------------------------------------------

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("审核结果保存到"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _checked(self) -> bool:
        """What can be said before anything starts (nothing is made when this is False)."""
        from dqsa.domain.errors import InvalidInput
        from dqsa.domain.signer import check_signer
        from dqsa.export.identity import MIN_PASSPHRASE, IdentityError, check_passphrase

        why = why_not_returnable(self.store, self.packet_id)
        if why:
            return self._refuse(why, None)
        try:
            check_signer(self.signer.text(), self.title.text())
        except InvalidInput as exc:
            field = self.signer if exc.problems[0].field == "signer_name" else self.title
            return self._refuse("；".join(p.message for p in exc.problems), field)
        if self.key_missing() and not self.new_identity.isChecked():
            return self._refuse(tr("找不到本台账的签署私钥，没有导出。"), None)
        if not self.passphrase.text():
            return self._refuse(tr("请输入台账签署口令。"), self.passphrase)
        if self.creating_identity():
            if self.passphrase.text() != self.passphrase_again.text():
                self.passphrase_again.clear()
                return self._refuse(tr("两次输入的口令不一样，请重新输入。"), self.passphrase_again)
            try:
                check_passphrase(self.passphrase.text())
            except IdentityError:  # the rules in the desk's words (the centers, not the level above)
                return self._refuse(
                    tr(
                        "台账签署口令至少 {0} 个字符（可以用中文），不能全是数字，也不能是同一个字符重复。"
                        "请牢记：忘记口令时只能新建签署身份，各中心会看到新的证书指纹。"
                    ).format(MIN_PASSPHRASE),
                    self.passphrase,
                )
        folder = Path(self.folder.text().strip())
        if not self.folder.text().strip() or not folder.is_dir():
            return self._refuse(tr("请选择一个已有的文件夹保存审核结果（例如桌面或 U 盘）。"), self.folder)
        return True

    def _refuse(self, message: str, field: QWidget | None) -> bool:
        self.problem.show_problem(message)
        if field is not None:
            field.setFocus()
        return False

    def start(self) -> None:
        """签署并导出: in the worker, behind a progress dialog; the dialog stays open on a failure."""
        if self.job is not None:
            return
        self.problem.show_problem("")
        if self.autosaver is not None:
            self.autosaver.flush()  # the last word typed on the review page is in the result
        if not self._checked():
            return
        if self.creating_identity() and self.key_missing() and not self._confirm_new_identity():
            return
        store, packet_id = self.store, self.packet_id
        name, title, secret = self.signer.text(), self.title.text(), self.passphrase.text()
        out_dir = Path(self.folder.text().strip())
        new_identity = self.new_identity.isChecked() and self.key_missing()

        def work(report: Report) -> ReturnResult:
            from dqsa.export.review_return import return_review

            return return_review(
                store, packet_id, signer_name=name, signer_title=title, passphrase=secret,
                out_dir=out_dir, new_identity=new_identity, progress=report,
            )  # fmt: skip

        self.progress = QProgressDialog(tr("正在签署审核结果…"), None, 0, 100, self)
        self.progress.setWindowTitle(tr("导出审核结果"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 24)
        self.progress.setValue(0)
        self.sign_button.setEnabled(False)
        self.job = run_in_background(
            work, parent=self, on_done=self._done, on_error=self._failed, on_progress=self._progressed
        )

    def _progressed(self, percent: int, text: str) -> None:
        self.progress.setValue(max(0, min(percent, 100)))
        self.progress.setLabelText(text)

    def _close_progress(self) -> None:
        self.job = None
        self.sign_button.setEnabled(True)
        self.progress.close()
        self.progress.deleteLater()

    def _done(self, result: ReturnResult) -> None:
        self._close_progress()
        self.passphrase.clear()
        self.passphrase_again.clear()
        remember_folder(FOLDER, result.path.parent)
        self.written = result
        self.accept()

    def _failed(self, exc: Exception) -> None:
        from dqsa.export.identity import IdentityMissing, WrongPassphrase

        self._close_progress()
        self.passphrase.clear()
        self.passphrase_again.clear()
        self.signing = self.store.signing()
        self._show_identity()
        if isinstance(exc, IdentityMissing):
            self._refuse(tr("找不到本台账的签署私钥，没有导出。"), None)
            return
        focus = self.passphrase if isinstance(exc, WrongPassphrase) else None
        self._refuse(return_error_text(exc), focus)

    def _confirm_new_identity(self) -> bool:
        answer = QMessageBox.warning(
            self,
            tr("新建签署身份"),
            tr(
                "将为本台账新建签署身份。以后的审核结果证书指纹会改变，各中心导入时会看到新的指纹，"
                "需要它们确认；请主动告知各中心以新指纹为准。继续吗？"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def return_error_text(exc: Exception) -> str:
    """What went wrong, in words; nothing was written or recorded unless the message says so."""
    from dqsa.domain.errors import InvalidInput
    from dqsa.export.fonts import FontNotFound
    from dqsa.export.identity import IdentityError
    from dqsa.store.errors import StoreError

    if isinstance(exc, InvalidInput):
        return "；".join(p.message for p in exc.problems)
    if isinstance(exc, IdentityError | FontNotFound | StoreError):
        return str(exc)
    if isinstance(exc, OSError):
        return tr("无法写出审核结果：{0}").format(exc.strerror or exc)
    log.error("review result failed", exc_info=exc)
    return tr("导出审核结果失败：{0}").format(exc)


def result_message(parent: QWidget, result: ReturnResult) -> QMessageBox:
    """The file written and the fingerprint, with 打开所在文件夹 (opened, not run: the caller keeps it)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(tr("审核结果已导出"))
    created = (
        tr(
            "已为本台账建立签署身份。请把下面的证书指纹告知各中心（电话或当面，四位一组逐组读），供它们核对。\n\n"
        )
        if result.created_identity
        else ""
    )
    box.setText(
        tr("审核结果已签署并保存：\n{0}\n\n{1}本台账的证书指纹：\n{2}\n\n台账已记下这次返回。").format(
            result.path, created, "\n".join(fingerprint_lines(result.fingerprint))
        )
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    folder = box.addButton(tr("打开所在文件夹(&O)"), QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)

    def clicked(button: object) -> None:
        if button is folder and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent))):
            QMessageBox.information(
                parent, tr("无法打开文件夹"), tr("请在文件管理器中打开：\n{0}").format(result.path.parent)
            )

    box.buttonClicked.connect(clicked)
    box.setToolTip(fingerprint_text(result.fingerprint))
    return box
