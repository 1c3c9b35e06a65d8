"""待更新: a small mark beside each yearly answer not filled in yet (issue 13.3).

A new year starts from last year's lasting answers only; what the pack says belongs
to one year (trainings, the survey, the ledgers, the assessor, …) starts empty. The
domain lists those still empty (:func:`dqsa.domain.carry.pending_updates`); a page
puts a :class:`PendingMark` beside each such field and shows it while the answer is
missing. Fields are named as the domain names them (``facts.<fact>``,
``<catalogue list>.<entry>``, ``staff``, ``center.contact``, ``assessor``): nothing
here knows a fact.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QWidget

from dqsa.domain.carry import Pending, pending_updates
from dqsa.ui.i18n import tr
from dqsa.ui.session import AssessmentSession

# The mark's look: small, amber on pale yellow, like a sticky note.
MARK_STYLE = (
    "QLabel { color: #8a4b00; background: #fff4d6; border: 1px solid #e5c07b;"
    " border-radius: 3px; padding: 0px 4px; }"
)


def pending_text() -> str:
    #: The mark beside an answer asked every year and still empty ("to update").
    return tr("待更新")


def why_text(pending: Pending | None) -> str:
    """The mark's tooltip: why this answer is asked every year."""
    base = tr("这一项每年重新填写，本年度还没有填写。")
    return f"{base}\n{pending.why}" if pending is not None and pending.why else base


class PendingMark(QLabel):
    """The 待更新 mark of one field (hidden while the field holds this year's answer)."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(pending_text(), parent)
        self.field = field
        self.setObjectName("pendingMark")
        self.setStyleSheet(MARK_STYLE)
        policy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # filling the field in must not move its buttons
        self.setSizePolicy(policy)
        self.setToolTip(why_text(None))
        self.hide()

    def show_pending(self, pending: Pending | None) -> None:
        self.setToolTip(why_text(pending))
        self.setVisible(pending is not None)


def add_beside(layout: QBoxLayout, mark: PendingMark) -> None:
    """Put ``mark`` at the end of a row of controls, before a trailing stretch if there is one."""
    last = layout.count() - 1
    if last >= 0 and layout.itemAt(last).spacerItem() is not None:
        layout.insertWidget(last, mark)
    else:
        layout.addWidget(mark)


class PendingMarks:
    """The marks of one page; :meth:`update` shows those whose answer is still missing."""

    def __init__(self, session: AssessmentSession) -> None:
        self.session = session
        self.marks: dict[str, PendingMark] = {}

    def mark(self, field: str) -> PendingMark:
        """A new mark for ``field`` (placed by the caller)."""
        mark = PendingMark(field)
        self.marks[field] = mark
        return mark

    def update(self) -> None:
        if not self.marks:
            return
        pending = {p.field: p for p in pending_updates(self.session.pack, self.session.answers())}
        for field, mark in self.marks.items():
            mark.show_pending(pending.get(field))

    def shown(self) -> list[str]:
        """The fields whose mark is up (for tests and the review)."""
        return [field for field, mark in self.marks.items() if not mark.isHidden()]
