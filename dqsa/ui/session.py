"""One open assessment as the pages see it: where to save, and the latest scorecard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from dqsa.domain.answers import Answers
from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.scoring import Scorecard
from dqsa.store.service import CenterStore
from dqsa.ui.autosave import Autosaver


class AssessmentSession(QObject):
    """The store, the year and its pack, the autosaver, and ``scored(Scorecard)`` after each save."""

    scored = Signal(object)

    def __init__(
        self, store: CenterStore, year: int, autosaver: Autosaver, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.year = year
        self.autosaver = autosaver
        self.pack: CriteriaPack = store.pack_for(year)
        self.scorecard: Scorecard = store.scorecard(year)
        self._answers: Answers | None = None
        self._fields: dict[str, Any] = {}
        autosaver.saved.connect(self.rescore)
        autosaver.invalid.connect(self._invalid)
        autosaver.accepted.connect(self._accepted)
        autosaver.failed.connect(self._failed)

    def register(self, key: str, widget: Any) -> None:
        """``widget.show_problem(text)`` shows what is wrong with the value saved under ``key``."""
        self._fields[key] = widget

    def _invalid(self, key: str, problems: list) -> None:
        if key in self._fields:
            widget = self._fields[key]
            if hasattr(widget, "show_problems"):  # it says where in the field each problem is
                widget.show_problems(problems)
            else:
                widget.show_problem("；".join(p.message for p in problems))

    def _accepted(self, key: str) -> None:
        self._answers = None  # committed: listeners of accepted (a rebuild) must see the new answers
        if key in self._fields:
            widget = self._fields[key]
            if hasattr(widget, "saved"):
                widget.saved()
            widget.show_problem("")

    def _failed(self, key: str, message: str) -> None:
        if key in self._fields:
            self._fields[key].show_problem(message.splitlines()[0])

    def answers(self) -> Answers:
        """The answers as last saved: read from the file once per save, however many pages ask."""
        if self._answers is None:
            self._answers = self.store.answers(self.year)
        return self._answers

    def save(self, key: str, action: Callable[[CenterStore, int], None]) -> None:
        """Schedule ``action(store, year)`` as the newest edit of ``key``."""
        self.autosaver.schedule(key, lambda: action(self.store, self.year))

    def cancel(self, key: str) -> None:
        """The field of ``key`` holds invalid text: its waiting save must not happen."""
        self.autosaver.cancel(key)

    def rescore(self) -> None:
        """After a write: read the answers again when next asked, score, and tell the pages."""
        self._answers = None
        self.scorecard = self.store.scorecard(self.year)
        self.scored.emit(self.scorecard)
