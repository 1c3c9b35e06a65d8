"""First run: the center's name, criteria pack and level."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

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
            note = tr("（据编制说明，非正式标准）") if pack.source.kind == "explanatory_note" else ""
            self.ui.packCombo.addItem(pack.title + note, pack.id)
        self.ui.packCombo.currentIndexChanged.connect(self._fill_levels)
        self._fill_levels()
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _fill_levels(self) -> None:
        pack = bundled_packs()[self.ui.packCombo.currentData()]
        self.ui.levelCombo.clear()
        for level in pack.levels:
            self.ui.levelCombo.addItem(level.label, level.code)

    def accept(self) -> None:
        name = self.ui.nameEdit.text().strip()
        if not name:
            self.ui.errorLabel.setText(tr("请填写中心名称。"))
            self.ui.nameEdit.setFocus()
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
            self.ui.errorLabel.setText("；".join(p.message for p in exc.problems))
            return
        except StoreError as exc:  # a read-only file or a full disk: say so, keep the dialog open
            self.ui.errorLabel.setText(str(exc))
            return
        super().accept()
