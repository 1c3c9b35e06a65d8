"""Long work off the GUI thread: one small helper for every background job.

``run_in_background(work, parent=…, on_done=…, on_error=…)`` runs ``work(report)``
on Qt's thread pool and calls ``on_done(result)`` or ``on_error(exception)`` back on
the GUI thread (the signals cross threads as queued connections). ``report(percent,
text)`` may be called from the work to show progress through :attr:`Job.progressed`.

The work must not touch widgets; it may use the store (its SQLite connections are
per thread) and anything below it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
Report = Callable[[int, str], None]


class Job(QObject, Generic[T]):
    """One background job, living on the GUI thread.

    Signals (all delivered on the GUI thread):

    - ``progressed(int, str)``: percent done and what is being done now;
    - ``finished(object)``: the work's return value (of type ``T``);
    - ``failed(object)``: the exception the work raised (an ``Exception``).
    """

    progressed = Signal(int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.done = False
        self.finished.connect(self._mark_done)
        self.failed.connect(self._mark_done)

    def _mark_done(self, _payload: object) -> None:
        self.done = True


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any], work: Callable[[Report], Any]) -> None:
        super().__init__()
        self.job = job
        self.work = work

    def run(self) -> None:
        try:
            result = self.work(self.job.progressed.emit)
        except Exception as exc:  # handed to the GUI thread, which decides what to say
            log.debug("background job failed", exc_info=True)
            self.job.failed.emit(exc)
        else:
            self.job.finished.emit(result)


def run_in_background(
    work: Callable[[Report], T],
    *,
    parent: QObject,
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, str], None] | None = None,
) -> Job[T]:
    """Start ``work`` on the thread pool; returns the :class:`Job` (kept alive by ``parent``)."""
    job: Job[T] = Job(parent)
    job.finished.connect(on_done)
    if on_error is not None:
        job.failed.connect(on_error)
    else:
        job.failed.connect(lambda exc: log.error("background job failed: %s", exc, exc_info=exc))
    if on_progress is not None:
        job.progressed.connect(on_progress)
    job.finished.connect(job.deleteLater)
    job.failed.connect(job.deleteLater)
    QThreadPool.globalInstance().start(_Runnable(job, work))
    return job
