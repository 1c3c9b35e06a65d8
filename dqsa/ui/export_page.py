"""签署导出: signer, passphrase, unanswered items, export in the background, the result."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
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

from dqsa.paths import documents_dir
from dqsa.ui.fields import ProblemLabel
from dqsa.ui.i18n import tr
from dqsa.ui.pages import TITLE_STYLE
from dqsa.ui.session import AssessmentSession

log = logging.getLogger(__name__)


class ExportWorker(QThread):
    """Runs the export off the GUI thread; reports progress, the result or the error."""

    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, session: AssessmentSession, options: dict) -> None:
        super().__init__()
        self.session = session
        self.options = options

    def run(self) -> None:
        from dqsa.domain.errors import InvalidInput
        from dqsa.export.fonts import FontNotFound
        from dqsa.export.identity import IdentityError
        from dqsa.export.packet import export_packet
        from dqsa.store.errors import StoreError

        try:
            result = export_packet(
                self.session.store, self.session.year,
                progress=lambda percent, text: self.progressed.emit(percent, text), **self.options,
            )  # fmt: skip
        except InvalidInput as exc:
            self.failed.emit("；".join(p.message for p in exc.problems))
        except (IdentityError, FontNotFound, StoreError, OSError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:
            log.exception("export failed")
            self.failed.emit(tr("导出失败：{0}").format(exc))
        else:
            self.succeeded.emit(result)


class ExportPage(QWidget):
    """The wizard's last page."""

    exported = Signal()

    def __init__(self, session: AssessmentSession, title: str) -> None:
        super().__init__()
        self.session = session
        self.worker: ExportWorker | None = None
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setStyleSheet(TITLE_STYLE)
        layout.addWidget(heading)
        intro = QLabel(
            tr(
                "导出的材料包是一个 zip 文件，内含签署过的 PDF 报告、Excel 自评表、答卷和证明材料，"
                "可以直接通过电子邮件报送上级。签署使用本中心的数字证书，口令只保存在您心里。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.signer = QLineEdit()
        self.signer.setMaxLength(60)
        self.title = QLineEdit()
        self.title.setMaxLength(60)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder = QLineEdit(str(documents_dir()))
        choose = QPushButton(tr("选择…"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form.addRow(tr("签署人姓名(&S)："), self.signer)
        form.addRow(tr("签署人职务(&T)："), self.title)
        form.addRow(tr("签署口令(&P)："), self.passphrase)
        folder_label = QLabel(tr("保存到(&F)："))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        layout.addLayout(form)
        self.identity_note = QLabel()
        self.identity_note.setWordWrap(True)
        layout.addWidget(self.identity_note)
        self.new_identity = QCheckBox(tr("忘记了口令：新建签署身份（证书指纹会改变，请告知上级）"))
        layout.addWidget(self.new_identity)
        self.unanswered = QLabel()
        self.unanswered.setWordWrap(True)
        layout.addWidget(self.unanswered)
        self.problem = ProblemLabel()
        layout.addWidget(self.problem)
        self.export_button = QPushButton(tr("签署并导出材料包(&E)"))
        layout.addWidget(self.export_button)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self.open_folder = QPushButton(tr("打开所在文件夹(&O)"))
        self.open_folder.hide()
        layout.addWidget(self.open_folder)
        layout.addStretch(1)
        answers = session.answers()
        self.signer.setText(answers.assessor)
        choose.clicked.connect(self._choose_folder)
        self.export_button.clicked.connect(self.start_export)
        self.open_folder.clicked.connect(self._open_folder)
        session.scored.connect(self._show_state)  # a bound method: disconnected when the page goes
        self._show_state()

    def _show_state(self, _card: object = None) -> None:
        from dqsa.export.identity import has_identity

        if has_identity(self.session.scorecard.center_name):  # the scorecard is current after every save
            self.identity_note.setText(tr("本中心已有签署身份，请输入当初设定的口令。"))
            self.new_identity.show()
        else:
            self.identity_note.setText(
                tr("第一次签署：将为本中心建立签署身份（数字证书）。请设定一个口令（至少 6 个字符）并牢记。")
            )
            self.new_identity.hide()
        card = self.session.scorecard
        if card.unanswered:
            self.unanswered.setText(
                tr("还有 {0} 项未填写（记 0 分）：{1}").format(
                    len(card.unanswered), "、".join(card.unanswered)
                )
            )
            self.unanswered.setStyleSheet("color: #8a4b00;")
        else:
            self.unanswered.setText(tr("所有条目都已填写。"))
            self.unanswered.setStyleSheet("color: #1a5e20;")

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("材料包保存到"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def start_export(self) -> None:
        self.session.autosaver.flush()
        card = self.session.scorecard
        if card.unanswered:
            answer = QMessageBox.question(
                self,
                tr("还有未填写的条目"),
                tr("还有 {0} 项未填写，这些条目记 0 分。仍要签署导出吗？").format(len(card.unanswered)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        replacing = self.new_identity.isVisible() and self.new_identity.isChecked()
        if replacing and not self._replace_identity():
            return
        self.problem.show_problem("")
        options = {
            "signer_name": self.signer.text(),
            "signer_title": self.title.text(),
            "passphrase": self.passphrase.text(),
            "out_dir": Path(self.folder.text()),
        }
        self.progress = QProgressDialog(tr("正在导出…"), None, 0, 100, self)
        self.progress.setWindowTitle(tr("签署导出"))
        self.progress.setMinimumDuration(0)
        self.progress.setValue(0)
        self.worker = ExportWorker(self.session, options)
        self.worker.progressed.connect(
            lambda percent, text: (self.progress.setValue(percent), self.progress.setLabelText(text))
        )
        self.worker.succeeded.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self.progress.close)
        self.export_button.setEnabled(False)
        self.worker.start()

    def _replace_identity(self) -> bool:
        from dqsa.export.identity import IdentityError, create_identity

        answer = QMessageBox.warning(
            self,
            tr("新建签署身份"),
            tr("将用刚输入的口令新建签署身份。以后报送的材料包证书指纹会改变，请告知上级。继续吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            create_identity(self.session.scorecard.center_name, self.passphrase.text(), replace=True)
        except IdentityError as exc:
            self.problem.show_problem(str(exc))
            return False
        self.new_identity.setChecked(False)
        return True

    def _done(self, result: object) -> None:
        self.export_button.setEnabled(True)
        self.last_result = result
        created = tr("已为本中心建立签署身份。") if result.created_identity else ""
        self.result.setText(
            tr("已导出：{0}\n大小：{1:.1f} MB\n证书指纹：{2}\n{3}").format(
                result.path, result.size / 1024 / 1024, result.fingerprint, created
            )
        )
        self.open_folder.show()
        self.passphrase.clear()
        self.session.rescore()
        self.exported.emit()

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.problem.show_problem(message)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_result.path.parent)))


def show_verification(parent: QWidget) -> None:
    """Help → 校验材料包: pick a received packet, say in plain Chinese what it holds."""
    from dqsa.export.verify import describe, verify_packet

    path, _ = QFileDialog.getOpenFileName(
        parent, tr("选择收到的材料包"), "", tr("材料包 (*.zip);;所有文件 (*)")
    )
    if not path:
        return
    verification = verify_packet(Path(path))
    icon = QMessageBox.Icon.Information if verification.ok else QMessageBox.Icon.Warning
    box = QMessageBox(icon, tr("校验材料包"), describe(verification), QMessageBox.StandardButton.Ok, parent)
    box.exec()
