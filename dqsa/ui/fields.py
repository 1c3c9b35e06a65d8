"""Input widgets that show their own validation message and emit ``edited(value)``.

Values are what the store takes: ``None`` (not answered), ``bool``, ``Decimal``, or a
checklist status. Setting a value from the store never emits ``edited``.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dqsa.ui.i18n import tr

ERROR_STYLE = "color: #b00020;"


class ProblemLabel(QLabel):
    """A red message under a field.

    Hidden when there is nothing to say; with ``reserve`` it keeps one line of space
    instead, so that nothing below moves when a message comes or goes (a long message
    is shortened with “…” and shown in full as the tooltip).
    """

    def __init__(self, parent: QWidget | None = None, *, reserve: bool = False) -> None:
        super().__init__(parent)
        self.reserve = reserve
        self.message = ""
        self.setStyleSheet(ERROR_STYLE)
        if reserve:
            self.setWordWrap(False)
            self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self._fit_height()
        else:
            self.setWordWrap(True)
            self.hide()

    def show_problem(self, text: str) -> None:
        self.message = text
        if self.reserve:
            self.setToolTip(text)
            self._elide()
        else:
            self.setText(text)
            self.setVisible(bool(text))

    def _fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() + 2)

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.message, Qt.TextElideMode.ElideRight, max(0, self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.reserve:
            self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self.reserve and event.type() == QEvent.Type.FontChange:  # the text size was changed
            self._fit_height()
            self._elide()


class _Field(QWidget):
    """Common parts: a row of controls with a problem label below.

    ``show_problem(text)`` is what the store said about the value saved (empty: saved
    well); ``saved()`` is called when the newest value was committed.
    """

    edited = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, reserve: bool = False, problem: ProblemLabel | None = None
    ) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.row)
        if problem is None:
            problem = ProblemLabel(self, reserve=reserve)
            outer.addWidget(problem)
        self.problem = problem

    def show_problem(self, text: str) -> None:
        self.problem.show_problem(text)

    def saved(self) -> None:
        """The newest value is in the file."""


class ChoiceField(_Field):
    """Exclusive radio buttons; none checked means not answered (arrow keys move)."""

    def __init__(self, label: str, choices: list[tuple[object, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if label:
            caption = QLabel(label)
            caption.setWordWrap(True)
            self.row.addWidget(caption, 1)
        self.group = QButtonGroup(self)
        self._values: list[object] = []
        for index, (value, text) in enumerate(choices):
            button = QRadioButton(text)
            self.group.addButton(button, index)
            self._values.append(value)
            self.row.addWidget(button)
        self.group.idClicked.connect(lambda index: self.edited.emit(self._values[index]))

    def value(self) -> object:
        checked = self.group.checkedId()
        return None if checked < 0 else self._values[checked]

    def set_value(self, value: object) -> None:
        self.group.setExclusive(False)
        for index, button in enumerate(self.group.buttons()):
            button.setChecked(self._values[index] == value and value is not None)
        self.group.setExclusive(True)


def yes_no_field(label: str, parent: QWidget | None = None) -> ChoiceField:
    return ChoiceField(label, [(True, tr("是")), (False, tr("否"))], parent)


def status_field(label: str, parent: QWidget | None = None) -> ChoiceField:
    choices = [("met", tr("符合")), ("not_met", tr("不符合")), ("na", tr("不适用"))]
    return ChoiceField(label, choices, parent)


def parse_number(text: str) -> Decimal | None:
    """A number typed by a person: full-width digits, spaces and thousands commas allowed.

    Empty text is ``None``; anything that is not a number raises ValueError.
    """
    cleaned = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "").replace("，", "")
    if not cleaned:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not number.is_finite():
        raise ValueError(text)
    return number


class NumberField(_Field):
    """A number typed in a line edit; bad text is reported at once and nothing from it is saved.

    ``invalidated`` is emitted when the text stops being a number: the caller cancels any
    save of this field still waiting. The message stays until the text is a number again
    or is cleared, whatever the store says meanwhile about earlier values, and says what
    the file still holds.
    """

    invalidated = Signal()

    def __init__(
        self,
        label: str,
        unit: str = "",
        hint: str = "",
        parent: QWidget | None = None,
        *,
        integer: bool = False,
        example: str | None = None,
        problem: ProblemLabel | None = None,
    ) -> None:
        super().__init__(parent, reserve=True, problem=problem)
        self.integer = integer
        self.example = example or (tr("例如 230") if integer else tr("例如 230 或 230.5"))
        self._typing_problem = ""
        self._emitted: Decimal | None = None
        self._saved: Decimal | None = None
        if label:
            caption = QLabel(label)
            caption.setWordWrap(True)
            self.row.addWidget(caption, 1)
        self.edit = QLineEdit()
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._fit_edit()
        if hint:
            self.edit.setPlaceholderText(hint)
            self.edit.setToolTip(hint)
        self.row.addWidget(self.edit)
        if unit:
            self.row.addWidget(QLabel(unit))
        if label:
            caption.setBuddy(self.edit)
        self.edit.textEdited.connect(self._typed)

    def _fit_edit(self) -> None:
        """Room for about twelve digits at the current text size."""
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 12 + 16)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_edit()

    def _typed(self, text: str) -> None:
        try:
            number = parse_number(text)
            if self.integer and number is not None and number != number.to_integral_value():
                raise ValueError(text)
        except ValueError:
            self._emitted = self._saved  # the waiting save of the last number is cancelled
            self._typing_problem = self._explain_typing_problem()
            self.problem.show_problem(self._typing_problem)
            self.invalidated.emit()
            return
        self._typing_problem = ""
        self.problem.show_problem("")
        self._emitted = number
        self.edited.emit(number)

    def _explain_typing_problem(self) -> str:
        asked = tr("请输入整数，{0}") if self.integer else tr("请输入数字，{0}")
        kept = (
            tr("（未保存）")
            if self._saved is None
            else tr("（未保存；保存的仍是 {0}）").format(format(self._saved.normalize(), "f"))
        )
        return asked.format(self.example) + kept

    def show_problem(self, text: str) -> None:
        """What the store said: never replaces what is wrong with the text on screen."""
        if not self._typing_problem:
            self.problem.show_problem(text)

    def saved(self) -> None:
        self._saved = self._emitted

    @property
    def text_is_valid(self) -> bool:
        return not self._typing_problem

    def set_value(self, value: Decimal | int | None) -> None:
        if value is None:
            self.edit.clear()
        else:
            self.edit.setText(format(Decimal(value).normalize(), "f"))
        self._saved = self._emitted = None if value is None else Decimal(value)
        self._typing_problem = ""
        self.problem.show_problem("")

    def value(self) -> Decimal | None:
        """The value this field stands for: the last number typed (invalid text changes nothing)."""
        return self._emitted


class CheckField(_Field):
    """A two-state check box: present / absent (absent until ticked)."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(label)
        self.row.addWidget(self.box)
        self.row.addStretch(1)
        self.box.clicked.connect(lambda checked: self.edited.emit(bool(checked)))

    def set_value(self, value: bool | None) -> None:
        self.box.setChecked(bool(value))

    def value(self) -> bool:
        return self.box.isChecked()


class TextField(_Field):
    """A one-line text (a note)."""

    def __init__(self, label: str, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        caption = QLabel(label)
        self.row.addWidget(caption)
        self.edit = QLineEdit()
        self.edit.setMaxLength(4000)
        self.edit.setPlaceholderText(placeholder)
        caption.setBuddy(self.edit)
        self.row.addWidget(self.edit, 1)
        self.edit.textEdited.connect(self.edited.emit)

    def set_value(self, value: str | None) -> None:
        self.edit.setText(value or "")
