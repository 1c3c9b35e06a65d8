"""帮助 → 校验材料包: pick a received packet, check it off the GUI thread, say what it holds."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from dqsa.ui.i18n import tr
from dqsa.ui.places import remember_folder, start_folder
from dqsa.ui.worker import Job, Report, run_in_background

if TYPE_CHECKING:
    from dqsa.export.verify import Verification

log = logging.getLogger(__name__)


def choose_and_verify(parent: QWidget) -> Job[Verification] | None:
    """Ask for a packet (starting in Downloads or the folder used last) and verify it."""
    path, _ = QFileDialog.getOpenFileName(
        parent, tr("选择收到的材料包"), str(start_folder("packet")), tr("材料包 (*.zip);;所有文件 (*)")
    )
    if not path:
        return None
    remember_folder("packet", Path(path).parent)
    return verify_in_background(parent, Path(path))


def verify_in_background(parent: QWidget, path: Path) -> Job[Verification]:
    """Check ``path`` on a worker thread behind a busy dialog, then show the result."""
    busy = QProgressDialog(tr("正在校验 {0}…").format(path.name), None, 0, 0, parent)
    busy.setWindowTitle(tr("校验材料包"))
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)  # a small packet is checked before the dialog would show
    busy.setAutoClose(False)
    busy.setValue(0)

    def work(_report: Report) -> Verification:
        from dqsa.export.verify import verify_packet

        return verify_packet(path)

    def done(verification: Verification) -> None:
        busy.close()
        busy.deleteLater()
        box = result_box(verification, parent)
        box.exec()
        box.deleteLater()

    def failed(exc: Exception) -> None:
        busy.close()
        busy.deleteLater()
        log.error("verification of %s failed", path, exc_info=exc)
        QMessageBox.warning(parent, tr("校验材料包"), tr("无法校验这个文件：{0}").format(exc))

    return run_in_background(work, parent=parent, on_done=done, on_error=failed)


def result_box(verification: Verification, parent: QWidget | None) -> QMessageBox:
    """The result in a message box wide enough for each line of it (the fingerprint, in groups of
    four, is never broken between two groups)."""
    icon = QMessageBox.Icon.Information if verification.ok else QMessageBox.Icon.Warning
    text = verification_text(verification)
    box = QMessageBox(icon, tr("校验材料包"), text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a name like <b>…</b> is shown, never rendered
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    metrics = box.fontMetrics()
    screen = box.screen().availableGeometry().width() if box.screen() else 1366
    widest = max(metrics.horizontalAdvance(line) for line in text.splitlines()) + 8
    box.setStyleSheet(f"QLabel#qt_msgbox_label {{ min-width: {min(widest, int(screen * 0.8))}px; }}")
    return box


def verification_text(verification: Verification) -> str:
    """The verifier's own description: it already names tables and the pack by their titles, gives
    the time in words and the fingerprint in groups of four, as the window shows them."""
    from dqsa.export.verify import describe

    return describe(verification)
