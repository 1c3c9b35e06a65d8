"""文件 → 备份与恢复… of a desk: the desk file's automatic backups, and restoring one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from dqsa.store.errors import StoreError
from dqsa.ui.i18n import tr

if TYPE_CHECKING:
    from dqsa.ui.desk.window import DeskWindow


def backups_dialog(window: DeskWindow) -> QDialog:
    """The desk file's automatic backups, with 从所选备份恢复."""
    from dqsa.export.wording import datetime_text

    dialog = QDialog(window)
    dialog.setWindowTitle(tr("备份与恢复"))
    layout = QVBoxLayout(dialog)
    note = QLabel(
        tr(
            "自动备份（最新的在最上面）只含台账文件本身；收到的材料包保存在旁边的文件夹里，不会因恢复而丢失。"
            "恢复前会先备份当前内容。要把台账连同全部材料包备份到 U 盘，请用“文件 → 备份台账”。"
        )
    )
    note.setWordWrap(True)
    layout.addWidget(note)
    listing = QListWidget()
    assert window.store is not None
    for backup in window.store.backups():
        stamp = datetime_text(datetime.fromtimestamp(backup.stat().st_mtime))
        item = QListWidgetItem(f"{stamp}　{backup.name}")
        item.setData(Qt.ItemDataRole.UserRole, str(backup))
        listing.addItem(item)
    layout.addWidget(listing)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    restore = buttons.addButton(tr("从所选备份恢复(&R)"), QDialogButtonBox.ButtonRole.ActionRole)
    restore.setEnabled(listing.count() > 0 and not window.store.read_only)
    buttons.rejected.connect(dialog.reject)
    restore.clicked.connect(lambda: _restore(window, listing, dialog))
    layout.addWidget(buttons)
    dialog.resize(620, 380)
    return dialog


def _restore(window: DeskWindow, listing: QListWidget, dialog: QDialog) -> None:
    item = listing.currentItem()
    if item is None or window.store is None:
        return
    backup = Path(item.data(Qt.ItemDataRole.UserRole))
    try:
        window.store.restore(backup)
    except StoreError as exc:
        window.warn(tr("无法恢复"), str(exc))
        return
    window.overview.refresh()
    dialog.accept()
    window.statusBar().showMessage(tr("已从备份恢复：{0}").format(backup.name), 10000)
