"""Start the desktop program, in a fixed order.

logging → crash handler → paths → center file → QApplication → translations →
window. Heavy libraries (openpyxl, reportlab, crypto) are not imported here.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def run_gui(*, no_err_windows: bool = False, demo: bool = False, file: Path | None = None) -> int:
    """Show the main window and run the event loop; returns the exit code."""
    from dqsa.ui.crash import install_crash_handler
    from dqsa.ui.logs import setup_logging

    log_path = setup_logging()
    install_crash_handler(log_path, dialogs=not no_err_windows)
    log.info("starting (demo=%s, file=%s)", demo, file)

    from dqsa.paths import default_center_file
    from dqsa.settings import load_settings
    from dqsa.store.errors import StoreError
    from dqsa.store.service import CenterStore

    settings = load_settings()
    if demo:
        from dqsa.demo import build_demo_file

        path = build_demo_file(Path(tempfile.mkdtemp(prefix="dqsa-demo-")))
    else:
        path = file or default_center_file()
    store, error = None, None
    try:
        store = CenterStore.open(path, create=file is None)
    except StoreError as exc:
        error = exc
        log.error("cannot open %s: %s", path, exc)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dqsa.ui.i18n import install_translations
    from dqsa.ui.logs import route_qt_messages

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("dqsa")
    app.setApplicationDisplayName("党群服务中心自评")
    route_qt_messages()
    install_translations(app, os.environ.get("DQSA_LANG") or settings.language)

    if store is None:
        if no_err_windows:
            print(str(error), file=sys.stderr)
            return 1
        store = _recover(error)
        if store is None:
            return 1

    from dqsa.ui.main_window import MainWindow

    window = MainWindow(store, settings, log_path=log_path, demo=demo, ask_first_run=not no_err_windows)
    window.show()
    if os.environ.get("DQSA_EXIT_AFTER_SHOW"):  # start-up measurement and smoke runs
        QTimer.singleShot(0, window.close)
    return app.exec()


def _recover(error: Exception):
    """The center file cannot be opened: say why, offer its backup or another file."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from dqsa.store.errors import StoreError
    from dqsa.store.service import CenterStore

    box = QMessageBox(QMessageBox.Icon.Warning, "无法打开中心文件", str(error))
    backup = getattr(error, "newest_backup", None)
    use_backup = (
        box.addButton("打开最近的备份（副本）", QMessageBox.ButtonRole.AcceptRole) if backup else None
    )
    other = box.addButton("打开其他文件…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    target = None
    if use_backup is not None and clicked is use_backup:
        from dqsa.paths import data_dir

        target = data_dir() / f"从备份恢复的副本 {backup.stem}.dqsa"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(backup.read_bytes())
    elif clicked is other:
        chosen, _ = QFileDialog.getOpenFileName(None, "打开中心文件", "", "dqsa 中心文件 (*.dqsa)")
        target = Path(chosen) if chosen else None
    if target is None:
        return None
    try:
        return CenterStore.open(target)
    except StoreError as exc:
        QMessageBox.warning(None, "无法打开中心文件", str(exc))
        return None
