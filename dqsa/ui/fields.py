"""Input widgets that show their own validation message and emit ``edited(value)``.

Values are what the store takes: ``None`` (not answered), ``bool``, ``Decimal``, or a
checklist status. Setting a value from the store never emits ``edited``.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dqsa.ui.i18n import tr

ERROR_STYLE = "color: #b00020;"


class ProblemLabel(QLabel):
    """A red message under a field; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_problem(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class _Field(QWidget):
    """Common parts: a row of controls with a problem label below."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.row)
        self.problem = ProblemLabel(self)
        outer.addWidget(self.problem)

    def show_problem(self, text: str) -> None:
        self.problem.show_problem(text)


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
    """A number typed in a line edit; bad text is reported at once, never saved."""

    def __init__(self, label: str, unit: str = "", hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if label:
            caption = QLabel(label)
            caption.setWordWrap(True)
            self.row.addWidget(caption, 1)
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(110)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        if hint:
            self.edit.setPlaceholderText(hint)
            self.edit.setToolTip(hint)
        self.row.addWidget(self.edit)
        if unit:
            self.row.addWidget(QLabel(unit))
        if label:
            caption.setBuddy(self.edit)
        self.edit.textEdited.connect(self._typed)

    def _typed(self, text: str) -> None:
        try:
            number = parse_number(text)
        except ValueError:
            self.show_problem(self.tr("请输入数字，例如 230 或 230.5"))
            return
        self.show_problem("")
        self.edited.emit(number)

    def set_value(self, value: Decimal | int | None) -> None:
        if value is None:
            self.edit.clear()
        else:
            self.edit.setText(format(Decimal(value).normalize(), "f"))

    def value(self) -> Decimal | None:
        try:
            return parse_number(self.edit.text())
        except ValueError:
            return None


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
