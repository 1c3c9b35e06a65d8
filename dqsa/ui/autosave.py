"""Debounced saving: widgets hand over edits, the store commits each within half a second."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from dqsa.domain.errors import InvalidInput
from dqsa.store.errors import StoreError

log = logging.getLogger(__name__)

#: Save once typing has paused this long…
QUIET_SECONDS = 0.3
#: …but never later than this after the first unsaved change.
MAX_WAIT_SECONDS = 0.45


@dataclass
class _Pending:
    action: Callable[[], None]
    first: float
    last: float


class Autosaver(QObject):
    """Runs each field's latest save action after a short pause in typing.

    Signals: ``saved(datetime)`` once after the commits of one round (a pause, a
    flush, a retry), however many fields it saved; ``accepted(key)`` when a field's
    value was valid and saved; ``invalid(key, problems)`` when the domain refused it
    (nothing written); ``failed(key, message)`` when the disk refused it (the edit
    is kept and retried by :meth:`retry_failed` and :meth:`flush`).
    """

    saved = Signal(object)
    accepted = Signal(str)
    invalid = Signal(str, list)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[str, _Pending] = {}
        self._failed: dict[str, Callable[[], None]] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._tick)

    def schedule(self, key: str, action: Callable[[], None]) -> None:
        """Remember the newest save action for ``key``; it runs after a pause."""
        now = time.monotonic()
        first = self._pending[key].first if key in self._pending else now
        self._pending[key] = _Pending(action, first, now)
        self._failed.pop(key, None)
        if not self._timer.isActive():
            self._timer.start()

    def cancel(self, key: str) -> None:
        """Forget the waiting save of ``key`` (its text became invalid: nothing from it is saved)."""
        self._pending.pop(key, None)
        self._failed.pop(key, None)
        if not self._pending:
            self._timer.stop()

    def has_pending(self) -> bool:
        return bool(self._pending or self._failed)

    @property
    def failed_keys(self) -> list[str]:
        return list(self._failed)

    def flush(self) -> None:
        """Save everything now (closing the window, changing assessment)."""
        self._requeue_failed()
        self._run_round(list(self._pending))
        self._timer.stop()

    def retry_failed(self) -> None:
        self._run_round(self._requeue_failed())

    def _requeue_failed(self) -> list[str]:
        keys = list(self._failed)
        for key in keys:
            self._pending[key] = _Pending(self._failed.pop(key), 0.0, 0.0)
        return keys

    def _tick(self) -> None:
        now = time.monotonic()
        due = [
            key
            for key, pending in self._pending.items()
            if now - pending.last >= QUIET_SECONDS or now - pending.first >= MAX_WAIT_SECONDS
        ]
        self._run_round(due)
        if not self._pending:
            self._timer.stop()

    def _run_round(self, keys: list[str]) -> None:
        """Save ``keys``; one ``saved`` afterwards if any of them was committed (listeners rescore once)."""
        committed = [key for key in keys if self._run(key)]
        if committed:
            self.saved.emit(datetime.now())

    def _run(self, key: str) -> bool:
        pending = self._pending.pop(key, None)
        if pending is None:
            return False
        try:
            pending.action()
        except InvalidInput as exc:
            self.invalid.emit(key, exc.problems)
            return False
        except StoreError as exc:
            log.error("save of %s failed: %s", key, exc)
            self._failed[key] = pending.action
            self.failed.emit(key, str(exc))
            return False
        self.accepted.emit(key)
        return True
