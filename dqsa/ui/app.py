"""Start the desktop program, in a fixed order.

logging → crash handler → paths → QApplication → translations → window shown →
center file opened in the event loop's first turn. Only Qt and the window frame are
on the path to a visible window; the store (SQLAlchemy), the domain models
(pydantic) and the packs load right after it is painted, so the program appears at
once on a slow laptop. Heavy export libraries (openpyxl, reportlab, crypto) are
never imported at start-up.
"""

from __future__ import annotations

import logging
import os
import sys
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

    settings = load_settings()
    path = file or default_center_file()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dqsa.ui.i18n import install_translations, tr
    from dqsa.ui.logs import route_qt_messages

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("dqsa")
    route_qt_messages()
    install_translations(app, os.environ.get("DQSA_LANG") or settings.language)
    # Windows and X11 append this to every window title ("本中心.dqsa — 党群服务中心自评").
    app.setApplicationDisplayName(tr("党群服务中心自评"))

    from dqsa.ui.main_window import MainWindow

    window = MainWindow(
        None,
        settings,
        log_path=log_path,
        demo=demo,
        ask_first_run=not no_err_windows,
        dialogs=not no_err_windows,
    )
    window.show()
    from dqsa.ui.interrupt import close_on_interrupt

    close_on_interrupt(window)  # Ctrl+C in a terminal: a normal close (edits saved, file closed)
    exit_code = 0

    def load() -> None:
        nonlocal exit_code
        target = path
        if demo:
            from dqsa.demo import build_demo_file

            target = build_demo_file()
        if not window.load(target, create=file is None and not demo):
            if no_err_windows:
                exit_code = 1
                window.close()
                return
            _recover_into(window)
        if os.environ.get("DQSA_EXIT_AFTER_LOAD"):  # start-up measurement: list filled
            window.close()

    if os.environ.get("DQSA_EXIT_AFTER_SHOW"):  # start-up measurement and smoke runs: window shown
        QTimer.singleShot(0, window.close)
    else:
        QTimer.singleShot(0, load)
    code = app.exec()
    return exit_code or code


def _recover_into(window) -> None:
    """The center file could not be opened: offer another file (the backup was offered already)."""
    if window.store is not None:
        return
    from PySide6.QtWidgets import QFileDialog

    from dqsa.ui.i18n import tr
    from dqsa.ui.main_window import FILE_FILTER

    chosen, _ = QFileDialog.getOpenFileName(window, tr("打开中心文件"), "", FILE_FILTER)
    if chosen:
        window.load(Path(chosen), create=False)
