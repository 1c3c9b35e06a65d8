"""帮助 → 打开示例台账 and ``dqsa --demo-desk``: the example desk made in a worker behind a progress dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from dqsa.ui.i18n import tr
from dqsa.ui.worker import Job, Report, run_in_background

log = logging.getLogger(__name__)


def build_demo_in_background(
    parent: QWidget | None,
    *,
    on_done: Callable[[Path], None],
    on_error: Callable[[Exception], None] | None = None,
) -> Job[Path]:
    """Make the example desk (the first time its packets too, about half a minute) and hand over its path."""
    progress = QProgressDialog(tr("正在准备示例审核台账…"), None, 0, 100, parent)
    progress.setWindowTitle(tr("示例审核台账"))
    progress.setWindowModality(
        Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.ApplicationModal
    )
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setMinimumWidth(progress.fontMetrics().horizontalAdvance("中") * 30)
    progress.setValue(0)

    def work(report: Report) -> Path:
        from dqsa.demo_desk import build_demo_desk

        return build_demo_desk(progress=report)

    def shown(percent: int, text: str) -> None:
        progress.setValue(percent)
        progress.setLabelText(
            text
        )  # as the export's: says which step, with counts, and "复制" when made before

    def done(path: Path) -> None:
        progress.close()
        progress.deleteLater()
        on_done(path)

    def failed(exc: Exception) -> None:
        progress.close()
        progress.deleteLater()
        log.error("building the example desk failed", exc_info=exc)
        if on_error is not None:
            on_error(exc)
        else:
            QMessageBox.warning(parent, tr("示例审核台账"), tr("无法准备示例审核台账：{0}").format(exc))

    owner = parent if parent is not None else progress
    return run_in_background(work, parent=owner, on_done=done, on_error=failed, on_progress=shown)
