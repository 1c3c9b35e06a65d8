"""文件 → 备份签署身份 / 恢复签署身份: the signing identity into one encrypted file, and back.

The work (scrypt takes a moment) runs off the GUI thread; the dialogs say whose
identity it is and which fingerprint the level above will see.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dqsa.paths import documents_dir
from dqsa.ui.fields import ProblemLabel
from dqsa.ui.i18n import tr
from dqsa.ui.worker import run_in_background

log = logging.getLogger(__name__)
FILE_FILTER = "签署身份备份 (*.dqsa-identity);;所有文件 (*)"


def _message(exc: Exception) -> str:
    from dqsa.export.identity import IdentityError

    if isinstance(exc, IdentityError | OSError):
        return str(exc)
    log.error("identity work failed", exc_info=exc)
    return tr("操作失败：{0}").format(exc)


def _current_center(window: QWidget) -> str | None:
    store = getattr(window, "store", None)
    center = store.center() if store is not None else None
    return center.name if center is not None else None


def fingerprint_lines(fingerprint: str) -> str:
    """A fingerprint in two lines of 16 pairs, so that it fits a dialog and reads in halves."""
    pairs = fingerprint.split(":")
    return ":".join(pairs[:16]) + ("\n" + ":".join(pairs[16:]) if len(pairs) > 16 else "")


def _when(text: str) -> str:
    from datetime import datetime

    from dqsa.export.wording import datetime_text

    try:
        return datetime_text(datetime.fromisoformat(text))
    except ValueError:
        return text


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _path_row(edit: QLineEdit, choose: Any) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    button = QPushButton(tr("选择(&S)…"))
    button.clicked.connect(choose)
    row.addWidget(button)
    return row


class BackupIdentityDialog(QDialog):
    """Which center's identity, its passphrase, where the backup goes."""

    def __init__(self, parent: QWidget | None, center_name: str | None = None) -> None:
        super().__init__(parent)
        from dqsa.export.identity import local_identities

        self.setWindowTitle(tr("备份签署身份"))
        self.result_info: Any = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "把本中心的签署身份（私钥和证书）备份到一个文件，用签署口令加密。"
                "换电脑或重装系统后，用“恢复签署身份”找回，上级看到的证书指纹不变。\n"
                "请把备份文件存到 U 盘等处，和口令分开保管；不要随材料包发出。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.center = QComboBox()
        for name, fingerprint in local_identities():
            self.center.addItem(name, fingerprint)
        if center_name is not None and self.center.findText(center_name) >= 0:
            self.center.setCurrentIndex(self.center.findText(center_name))
        form.addRow(tr("中心(&C)："), self.center)
        self.fingerprint = QLabel()
        self.fingerprint.setWordWrap(True)
        form.addRow(tr("证书指纹："), self.fingerprint)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("签署口令(&P)："), self.passphrase)
        self.target = QLineEdit(str(documents_dir()))
        form.addRow(_buddy(tr("保存到(&T)："), self.target), _path_row(self.target, self._choose))
        layout.addLayout(form)
        self.problem = ProblemLabel()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(tr("备份(&B)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.ok.clicked.connect(self.start)
        layout.addWidget(self.buttons)
        self.center.currentIndexChanged.connect(self._show_fingerprint)
        self._show_fingerprint()
        if self.center.count() == 0:
            self.problem.show_problem(tr("这台电脑上还没有可以备份的签署身份（第一次签署导出时会建立）。"))
            self.ok.setEnabled(False)
        self.resize(560, 0)

    def _show_fingerprint(self, _index: int = 0) -> None:
        self.fingerprint.setText(fingerprint_lines(self.center.currentData() or ""))

    def _choose(self) -> None:
        from dqsa.export.identity_backup import backup_file_name

        start = Path(self.target.text() or documents_dir())
        if start.is_dir():
            start = start / backup_file_name(self.center.currentText() or "签署身份")
        path, _ = QFileDialog.getSaveFileName(self, tr("备份签署身份到"), str(start), tr(FILE_FILTER))
        if path:
            self.target.setText(path)

    def start(self) -> None:
        from dqsa.export.identity_backup import backup_identity

        center, passphrase, target = (
            self.center.currentText(),
            self.passphrase.text(),
            Path(self.target.text()),
        )
        if not passphrase:
            self.problem.show_problem(tr("请输入签署口令。"))
            return
        self.problem.show_problem("")
        self.ok.setEnabled(False)
        run_in_background(
            lambda report: backup_identity(center, passphrase, target),
            parent=self,
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, info: Any) -> None:
        self.result_info = info
        self.passphrase.clear()
        QMessageBox.information(
            self,
            tr("备份签署身份"),
            tr("已备份到：{0}\n证书指纹：{1}\n请把备份文件和口令分开保管。").format(
                info.path, info.fingerprint
            ),
        )
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        self.problem.show_problem(_message(exc))


class RestoreIdentityDialog(QDialog):
    """Which backup (whose identity it is shown first), its passphrase; consent to replace another identity."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("恢复签署身份"))
        self.restored: Any = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "从备份文件恢复本中心的签署身份（例如换了电脑）。"
                "恢复后签署的材料包使用备份中的证书指纹，上级不必重新核对。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.path = QLineEdit()
        self.path.editingFinished.connect(self._show_backup)
        form.addRow(_buddy(tr("备份文件(&F)："), self.path), _path_row(self.path, self._choose))
        self.about = QLabel()
        self.about.setWordWrap(True)
        form.addRow(tr("备份中的身份："), self.about)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("签署口令(&P)："), self.passphrase)
        layout.addLayout(form)
        self.problem = ProblemLabel()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(tr("恢复(&R)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.ok.clicked.connect(lambda: self.start(replace_current=False))
        layout.addWidget(self.buttons)
        self.resize(560, 0)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("选择签署身份备份"), str(documents_dir()), tr(FILE_FILTER)
        )
        if path:
            self.path.setText(path)
            self._show_backup()

    def _show_backup(self) -> None:
        from dqsa.export.identity import IdentityError
        from dqsa.export.identity_backup import read_backup

        self.problem.show_problem("")
        self.about.clear()
        self.ok.setEnabled(False)
        if not self.path.text().strip():
            return
        try:
            info = read_backup(Path(self.path.text().strip()))
        except IdentityError as exc:
            self.problem.show_problem(str(exc))
            return
        self.about.setText(
            tr("{0}\n证书指纹：\n{1}\n备份时间：{2}").format(
                info.center_name, fingerprint_lines(info.fingerprint), _when(info.created)
            )
        )
        self.ok.setEnabled(True)

    def start(self, *, replace_current: bool) -> None:
        from dqsa.export.identity_backup import restore_identity

        path, passphrase = Path(self.path.text().strip()), self.passphrase.text()
        if not passphrase:
            self.problem.show_problem(tr("请输入备份时签署身份的口令。"))
            return
        self.problem.show_problem("")
        self.ok.setEnabled(False)
        run_in_background(
            lambda report: restore_identity(path, passphrase, replace_current=replace_current),
            parent=self,
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, identity: Any) -> None:
        self.restored = identity
        self.passphrase.clear()
        QMessageBox.information(
            self,
            tr("恢复签署身份"),
            tr("已恢复“{0}”的签署身份。\n证书指纹：\n{1}\n以后签署的材料包使用这个证书指纹。").format(
                identity.center_name, fingerprint_lines(identity.fingerprint)
            ),
        )
        self.accept()

    def _failed(self, exc: Exception) -> None:
        from dqsa.export.identity_backup import IdentityConflict

        self.ok.setEnabled(True)
        if isinstance(exc, IdentityConflict):
            answer = QMessageBox.warning(
                self,
                tr("替换签署身份"),
                str(exc) + "\n\n" + tr("要停用现在的签署身份、改用备份中的吗？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.start(replace_current=True)
                return
        self.problem.show_problem(_message(exc))


def show_backup_identity(window: QWidget) -> None:
    """文件 → 备份签署身份."""
    BackupIdentityDialog(window, _current_center(window)).exec()


def show_restore_identity(window: QWidget) -> None:
    """文件 → 恢复签署身份."""
    RestoreIdentityDialog(window).exec()
