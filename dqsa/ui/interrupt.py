"""Ctrl+C in the terminal that started the program closes the window as a normal close.

Python runs a signal handler only between bytecodes, and Qt's event loop runs in C++;
a short timer gives Python a turn. The handler only asks the event loop to close the
window, so pending edits are saved and the file is closed exactly as when the person
clicks the window's close button.
"""

from __future__ import annotations

import logging
import signal
from types import FrameType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

#: How often Python gets a turn to notice Ctrl+C (milliseconds).
TURN_MS = 200


def close_on_interrupt(window: QWidget) -> None:
    """Make SIGINT (Ctrl+C) and SIGTERM close ``window`` through the event loop."""

    def handle(number: int, _frame: FrameType | None) -> None:
        log.info("signal %s: closing the window", number)
        QTimer.singleShot(0, lambda: _close(window))

    signal.signal(signal.SIGINT, handle)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, handle)
    turn = QTimer(window)
    turn.timeout.connect(lambda: None)  # Python code runs: pending signal handlers with it
    turn.start(TURN_MS)
    log.info("Ctrl+C in the terminal closes the window")


def _close(window: QWidget) -> None:
    """Close open dialogs (as Cancel would), then the window."""
    for _ in range(10):  # a dialog that refuses to close must not keep us here
        modal = QApplication.activeModalWidget()
        if modal is None or modal is window:
            break
        modal.close()
    window.close()
