"""Long work off the GUI thread: one small helper for every background job.

``run_in_background(work, parent=…, on_done=…, on_error=…)`` runs ``work(report)``
on Qt's thread pool and calls ``on_done(result)`` or ``on_error(exception)`` back on
the GUI thread (the signals cross threads as queued connections). ``report(percent,
text)`` may be called from the work to show progress through :attr:`Job.progressed`.

The work must not touch widgets; it may use the store (its SQLite connections are
per thread) and anything below it.

A job outlives its ``parent``: when the parent widget is deleted first (a page
rebuilt, the wizard closed), the callbacks are skipped, except those passed as
``always`` (``on_done`` work that must happen whatever the widgets, such as saving
prepared photos). :func:`finish_running_jobs` lets the window wait for every job
before it closes the center file, so nothing a job produced is lost.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

log = logging.getLogger(__name__)

T = TypeVar("T")
Report = Callable[[int, str], None]

#: Jobs started and not yet reported back.
_running: set[Job[Any]] = set()
#: Every job until Qt has deleted it: a job lives here, not through its parent (a deleted
#: Python wrapper would take its queued results with it).
_alive: set[Job[Any]] = set()


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

    def _finish(self, _payload: object) -> None:
        """Connected last: every callback has run."""
        self.done = True
        _running.discard(self)
        self.deleteLater()


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


def _while_alive(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    """``callback``, skipped once ``owner`` (a widget that may be deleted meanwhile) is gone."""

    def call(*args: Any) -> None:
        if isValid(owner):
            callback(*args)

    return call


def run_in_background(
    work: Callable[[Report], T],
    *,
    parent: QObject,
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, str], None] | None = None,
    always: Callable[[T], None] | None = None,
) -> Job[T]:
    """Start ``work`` on the thread pool; returns the :class:`Job`.

    ``on_done``, ``on_error`` and ``on_progress`` are called only while ``parent``
    exists; ``always(result)`` is called before ``on_done`` even when it does not.
    """
    job: Job[T] = Job()
    _running.add(job)
    _alive.add(job)
    job.destroyed.connect(lambda _object=None: _alive.discard(job))
    if always is not None:
        job.finished.connect(always)
    job.finished.connect(_while_alive(parent, on_done))
    if on_error is not None:
        job.failed.connect(_while_alive(parent, on_error))
    else:
        job.failed.connect(lambda exc: log.error("background job failed: %s", exc, exc_info=exc))
    if on_progress is not None:
        job.progressed.connect(_while_alive(parent, on_progress))
    job.finished.connect(job._finish)
    job.failed.connect(job._finish)
    QThreadPool.globalInstance().start(_Runnable(job, work))
    return job


def running_jobs() -> int:
    """How many jobs have not reported back yet."""
    return len(_running)


def finish_running_jobs(timeout: float = 120.0) -> bool:
    """Wait for every job and deliver its result (before the center file closes).

    Returns False when some job was still running after ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while _running and time.monotonic() < deadline:
        QThreadPool.globalInstance().waitForDone(50)
        QCoreApplication.sendPostedEvents()  # the queued finished / failed signals
    return not _running
