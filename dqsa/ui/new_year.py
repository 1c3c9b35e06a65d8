"""新建年度自评: which year, and whether to start from the latest earlier one."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dqsa import years
from dqsa.ui.i18n import tr

if TYPE_CHECKING:
    from dqsa.domain.criteria import CriteriaPack


class NewAssessmentDialog(QDialog):
    """Asks for the year (only years not in the file) and the starting point."""

    def __init__(
        self,
        existing: Collection[int],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        pack: CriteriaPack | None = None,
    ) -> None:
        """``pack``: the criteria pack the new year will use (it says what is carried over)."""
        super().__init__(parent)
        self.existing = set(existing)
        self.pack = pack
        today = today or date.today()
        self.setWindowTitle(tr("新建年度自评"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.year_combo = QComboBox()
        for year in years.offered_years(self.existing, today):
            self.year_combo.addItem(tr("{0} 年度").format(year), year)
        suggested = years.suggested_year(self.existing, today)
        if suggested is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(suggested))
        year_label = QLabel(tr("自评年度(&Y)："))
        year_label.setBuddy(self.year_combo)
        form.addRow(year_label, self.year_combo)
        layout.addLayout(form)
        hint = QLabel(
            tr("每年 1–3 月默认是刚结束的上一年度，之后默认是今年。已有自评的年度不在列表中。")
            if self.year_combo.count()
            else tr("可以新建的年度都已经有自评了，请在年度列表中打开要修改的年度。")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.empty_choice = QRadioButton(tr("从空白开始(&K)"))
        self.from_choice = QRadioButton()
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.from_choice)
        self.choices.addButton(self.empty_choice)
        layout.addWidget(self.from_choice)
        self.carry_over = QLabel()
        self.carry_over.setWordWrap(True)
        self.carry_over.setContentsMargins(24, 0, 0, 0)
        self.carry_over.setStyleSheet("color: #555;")
        layout.addWidget(self.carry_over)
        layout.addWidget(self.empty_choice)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)  # the default (Enter)
        self.create_button.setText(tr("新建(&N)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.year_combo.currentIndexChanged.connect(lambda _index: self._show_start())
        self.from_choice.setChecked(True)
        self._show_start()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 36)

    def _show_start(self) -> None:
        """Offer the latest earlier year as the starting point, when there is one."""
        year = self.year()
        earlier = years.earlier_year(self.existing, year) if year is not None else None
        self.create_button.setEnabled(year is not None)
        has_earlier = earlier is not None
        for widget in (self.from_choice, self.carry_over, self.empty_choice):
            widget.setVisible(has_earlier)
        if has_earlier:
            self.from_choice.setText(tr("以 {0} 年度的自评为起点(&F)").format(earlier))
            self.carry_over.setText(years.carry_over(self.pack, earlier, tr))

    def year(self) -> int | None:
        """The year chosen (None when every year in range already exists)."""
        return self.year_combo.currentData()

    def from_year(self) -> int | None:
        """The earlier year to start from, or None for an empty assessment."""
        year = self.year()
        if year is None or not self.from_choice.isChecked():
            return None
        return years.earlier_year(self.existing, year)
