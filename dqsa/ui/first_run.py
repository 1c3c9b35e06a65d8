"""First run: the center's name, criteria pack and level."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.errors import InvalidInput
from dqsa.packs import bundled_packs
from dqsa.store.errors import StoreError
from dqsa.store.service import CenterProfile, CenterStore
from dqsa.ui.forms.ui_first_run_dialog import Ui_FirstRunDialog
from dqsa.ui.i18n import tr


class FirstRunDialog(QDialog):
    """Asks for the center's profile and saves it; stays open until it is valid."""

    def __init__(self, store: CenterStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet("color: #b00020;")
        for pack in bundled_packs().values():
            self.ui.packCombo.addItem(pack.title, pack.id)  # the title says where the pack comes from
        self.ui.packCombo.currentIndexChanged.connect(self._fill_levels)
        self._fill_levels()
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        #: The fields the message shown is about: correcting one of them clears it.
        self._error_fields: set[str] = set()
        self.ui.nameEdit.textChanged.connect(lambda: self._corrected("name"))
        self.ui.levelCombo.currentIndexChanged.connect(lambda: self._corrected("level"))
        self.ui.regionEdit.textChanged.connect(lambda: self._corrected("region"))
        self.ui.packCombo.currentIndexChanged.connect(lambda: self._corrected("pack_id"))

    def _show_error(self, text: str, *fields: str) -> None:
        self.ui.errorLabel.setText(text)
        self._error_fields = set(fields)

    def _corrected(self, field: str) -> None:
        """A field the message is about was changed: the message no longer holds (a new one comes
        with the next 确定 if the field is still wrong)."""
        if field in self._error_fields:
            self.ui.errorLabel.clear()
            self._error_fields = set()

    def _fill_levels(self) -> None:
        """The chosen pack's levels, none preselected: the level decides which items apply and
        the thresholds, so a default would silently score most centers against the wrong ones."""
        pack = bundled_packs()[self.ui.packCombo.currentData()]
        self.ui.levelCombo.clear()
        for level in pack.levels:
            self.ui.levelCombo.addItem(level.label, level.code)
        self.ui.levelCombo.setCurrentIndex(-1)
        note = pack_source_note(pack)
        self.ui.packNoteLabel.setText(note)
        self.ui.packNoteLabel.setVisible(bool(note))

    def accept(self) -> None:
        name = self.ui.nameEdit.text().strip()
        if not name:
            self._show_error(tr("请填写中心名称。"), "name")
            self.ui.nameEdit.setFocus()
            return
        if self.ui.levelCombo.currentIndex() < 0:
            self._show_error(tr("请选择中心级别（面积、人员等条目按级别计分）。"), "level")
            self.ui.levelCombo.setFocus()
            return
        profile = CenterProfile(
            name=name,
            level=self.ui.levelCombo.currentData(),
            pack_id=self.ui.packCombo.currentData(),
            region=self.ui.regionEdit.text().strip(),
        )
        try:
            self.store.set_center(profile)
        except InvalidInput as exc:
            fields = {p.field.split(".")[-1] for p in exc.problems}
            self._show_error("；".join(p.message for p in exc.problems), *fields)
            return
        except StoreError as exc:  # a read-only file or a full disk: say so, keep the dialog open
            self._show_error(str(exc))  # not about a field: stays until the next 确定
            return
        super().accept()


def pack_source_note(pack: CriteriaPack) -> str:
    """What a pack is based on, when it is not a published standard."""
    if pack.source.kind == "explanatory_note":
        return tr("依据：{0}。这是编制说明，不是正式发布的标准，结果仅供对照。").format(pack.source.document)
    return ""
