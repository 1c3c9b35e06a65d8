"""Python's cyclic garbage collection, run on the GUI thread only.

Left to itself, Python collects whenever allocations cross a threshold, on
whichever thread happens to allocate. If that is a worker thread (export,
receive, scoring) and the cycle holds a Qt object that belongs to the GUI
thread (a dialog, a model, a signal connection), its C++ destructor runs on
the worker thread, and Qt may crash. So automatic collection is switched off
and a timer on the GUI thread checks the allocation counts a few times a
second and collects when they crossed the usual thresholds — the pattern
PyQt's wiki recommends for threaded applications.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Owns the timer; keep it alive as long as the application runs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """Collect the generations whose counts crossed their thresholds; the number of objects freed."""
        counts = gc.get_count()
        freed = 0
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                freed = gc.collect(generation)
                break
        return freed

    def stop(self) -> None:
        """Give collection back to Python (tests, shutdown)."""
        self._timer.stop()
        gc.enable()


def install(app: QObject) -> GuiThreadCollector:
    """Start GUI-thread-only collection for ``app`` (idempotent)."""
    existing = app.findChild(GuiThreadCollector)
    if existing is not None:
        return existing
    return GuiThreadCollector(app)
