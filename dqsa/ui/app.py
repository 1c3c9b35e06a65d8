"""Start the desktop program, in a fixed order.

logging → crash handler → paths → QApplication → translations → window shown →
(event loop's first turn) the year list read light and shown → (in the background)
the store imported → center file opened on the GUI thread. Only Qt and the window
frame are on the path to a visible window; the year list is read with plain sqlite3
from the figures the store caches in the file (:mod:`dqsa.store.year_list`), so the
years and their scores appear before SQLAlchemy, pydantic and the packs are loaded;
those are imported off the GUI thread while the list is on screen. Heavy export
libraries (openpyxl, reportlab, crypto) are never imported at start-up.

For measurements and smoke runs: ``DQSA_EXIT_AFTER_SHOW`` quits once the window is
shown, ``DQSA_EXIT_AFTER_LIST`` once the year list is on screen with every score,
``DQSA_EXIT_AFTER_LOAD`` once the center file is open.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def run_gui(
    *, no_err_windows: bool = False, demo: bool = False, file: Path | None = None, demo_desk: bool = False
) -> int:
    """Show the main window (a ``.dqsd`` file or ``demo_desk``: the desk window) and run the event loop."""
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
    from dqsa.ui.collector import install as install_collector

    install_collector(app)
    route_qt_messages()
    install_translations(app, os.environ.get("DQSA_LANG") or settings.language)
    # Windows and X11 append this to every window title ("本中心.dqsa — 党群服务中心自评").
    app.setApplicationDisplayName(tr("党群服务中心自评"))
    if demo_desk or (file is not None and file.suffix.lower() == ".dqsd"):
        from dqsa.ui.desk.start import run_desk

        return run_desk(app, settings, file, demo=demo_desk, dialogs=not no_err_windows)

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
    if os.environ.get("DQSA_EXIT_AFTER_LIST"):  # start-up measurement: years and scores on screen
        _quit_when_listed(window)

    def peek() -> None:
        """The year list straight from the file (plain sqlite3), then the store in the background."""
        if not demo:
            from dqsa.store.year_list import peek_year_list

            listing = peek_year_list(path)
            if listing is not None:
                window.home.show_year_list(listing)
        from dqsa.ui.worker import run_in_background

        run_in_background(_import_store, parent=window, on_done=lambda _: load(), on_error=lambda _: load())

    def load() -> None:
        nonlocal exit_code
        target = path
        if demo:
            from dqsa.demo import build_demo_file

            target = build_demo_file()
        if not window.load(target, create=file is None and not demo):
            if window.store is None:  # the list read light at start-up is not a file that is open
                window.home.show_closed()
            if no_err_windows:
                exit_code = 1
                window.close()
                return
            _recover_into(window)
        if os.environ.get("DQSA_EXIT_AFTER_LOAD"):  # start-up measurement and smoke runs: file open
            print("dqsa-startup: file open", flush=True)
            window.close()

    if os.environ.get("DQSA_EXIT_AFTER_SHOW"):  # start-up measurement and smoke runs: window shown

        def shown() -> None:
            print("dqsa-startup: window shown", flush=True)
            window.close()

        QTimer.singleShot(0, shown)
    else:
        QTimer.singleShot(0, peek)
    code = app.exec()
    return exit_code or code


def _import_store(_report: object) -> None:
    """The store's heavy imports (SQLAlchemy, pydantic, the packs), off the GUI thread."""
    import dqsa.packs
    import dqsa.store.service

    dqsa.packs.bundled_packs()


def _quit_when_listed(window) -> None:
    """Close as soon as the year list is on screen with every year's figures (for benchmarks/startup.py)."""

    def drawn(complete: bool) -> None:
        table = window.home.ui.assessmentTable
        if not complete or table.rowCount() == 0:
            return
        window.repaint()  # painted now, not at the next turn of the event loop
        cells = [table.item(0, c).text() for c in range(table.columnCount())]
        print(f"dqsa-startup: listed {table.rowCount()} years: {' | '.join(cells)}", flush=True)
        window.close()

    window.home.list_drawn.connect(drawn)


def _recover_into(window) -> None:
    """The center file could not be opened: offer another file (the backup was offered already)."""
    if window.store is not None:
        return
    from PySide6.QtWidgets import QFileDialog

    from dqsa.ui.i18n import tr
    from dqsa.ui.main_window import FILE_FILTER
    from dqsa.ui.places import remember_folder, start_folder

    # Where center files were opened last (else Documents), not the program's working folder.
    chosen, _ = QFileDialog.getOpenFileName(
        window, tr("打开中心文件"), str(start_folder("center")), FILE_FILTER
    )
    if chosen:
        remember_folder("center", Path(chosen).parent)
        window.load(Path(chosen), create=False)
