"""Starting the program on a desk: ``dqsa 台账.dqsd`` (or a double-clicked one) and ``dqsa --demo-desk``.

The window is shown first, empty; the file is opened on the event loop's first turn
(the store's imports happen then), the example desk in a worker behind a progress
dialog. ``DQSA_EXIT_AFTER_LOAD`` closes the window once the desk is open (smoke runs).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from dqsa.settings import Settings

log = logging.getLogger(__name__)


def run_desk(app: Any, settings: Settings, file: Path | None, *, demo: bool, dialogs: bool) -> int:
    """Show a desk window for ``file`` (or the example desk) and run the event loop."""
    from dqsa.ui.desk.window import DeskWindow
    from dqsa.ui.interrupt import close_on_interrupt

    window = DeskWindow(None, settings, demo=demo, dialogs=dialogs)
    window.show()
    close_on_interrupt(window)
    exit_code = 0

    def opened(ok: bool) -> None:
        nonlocal exit_code
        if not ok and not dialogs:
            exit_code = 1
            window.close()
            return
        if os.environ.get("DQSA_EXIT_AFTER_LOAD"):
            print("dqsa-startup: desk open" if ok else "dqsa-startup: desk not open", flush=True)
            window.close()

    def load() -> None:
        if demo:
            from dqsa.ui.desk.demo import build_demo_in_background

            def failed(exc: Exception) -> None:
                nonlocal exit_code
                exit_code = 1
                window.show_open_error_text(str(exc))
                opened(False)

            build_demo_in_background(window, on_done=lambda path: opened(window.load(path)), on_error=failed)
            return
        assert file is not None
        opened(window.load(file))

    QTimer.singleShot(0, load)
    code = app.exec()
    return exit_code or code
