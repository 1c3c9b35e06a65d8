"""The desk window by keyboard: one Alt+letter per thing in every view and dialog, Enter, Escape, Ctrl+↓."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_gui_keys import assert_menus_unique, assert_unique, visible_mnemonics

from dqsa.settings import Settings
from dqsa.store.desk.service import DeskStore
from dqsa.ui.desk.window import DeskWindow


@pytest.fixture(scope="session")
def demo_desk_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example desk, built once for this module's tests (its packets cached for the session)."""
    from dqsa.demo_desk import build_demo_desk

    cache = tmp_path_factory.getbasetemp() / "demo-desk-cache"
    return build_demo_desk(tmp_path_factory.mktemp("demo-keys"), cache=cache)


@pytest.fixture
def window(qtbot, demo_desk_file: Path, tmp_path: Path):
    from dqsa.demo_desk import DEMO_FILE_NAME
    from dqsa.store.desk.blobs import packets_folder

    copy = tmp_path / DEMO_FILE_NAME
    copy.write_bytes(demo_desk_file.read_bytes())
    import shutil

    shutil.copytree(packets_folder(demo_desk_file), packets_folder(copy))
    opened = DeskWindow(DeskStore.open(copy), Settings(), demo=True)
    qtbot.addWidget(opened)
    with qtbot.waitActive(opened):
        opened.show()
        opened.activateWindow()
    yield opened
    opened.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_every_desk_view_and_dialog_has_each_alt_letter_once(window: DeskWindow) -> None:
    from dqsa.ui.desk.receiving import HeldIdentityDialog, ReceiptSummary
    from dqsa.ui.desk.viewers import LastYearDialog, PhotoDialog

    for action in window.menuBar().actions():
        assert_menus_unique(action.menu(), action.text())
    overview = window.overview
    store = window.store
    checked = 0
    for tab in (overview.ui.tableTab, overview.ui.dashboardTab):
        overview.ui.tabs.setCurrentWidget(tab)
        assert_unique(f"审核台账 · {tab.objectName()}", visible_mnemonics(window))
        checked += 1
    overview.ui.tabs.setCurrentWidget(overview.ui.tableTab)
    scored = store.counted_packet("桑园社区党群服务中心", 2026)
    checklist = store.counted_packet("瓯江社区瓯江红党群服务中心", 2026)
    for packet in (scored, checklist):
        window.open_review(packet.id)
        assert_unique(f"审核 · {packet.center_name}", visible_mnemonics(window))
        checked += 1
    window.close_review()
    held = store.held_packets()[0]
    from dqsa.export.receive import receive_paths

    receipts, odd = receive_paths(store, [store.packet_path(scored.id)], workers=1)
    dialogs = [
        ("接收结果", ReceiptSummary(store, receipts, odd, window)),
        ("核实身份", HeldIdentityDialog(store, held.id, window)),
        ("照片", PhotoDialog(store, store.counted_packet("清溪村党群服务中心", 2026).id, window)),
        ("上年材料", LastYearDialog(store, scored.id, window)),
        ("备份与恢复", window.backups_dialog()),
    ]
    for name, dialog in dialogs:
        dialog.show()
        assert_unique(name, visible_mnemonics(dialog))
        checked += 1
        dialog.close()
    assert checked == 9


def test_enter_opens_a_review_escape_goes_back_and_ctrl_down_walks_the_items(
    qtbot, window: DeskWindow
) -> None:
    overview = window.overview
    table = overview.ui.centerTable
    table.setFocus()
    # the first row not held (held rows open the identity check instead)
    row = next(
        r for r in range(overview.proxy.rowCount()) if "待核实" not in overview.proxy.index(r, 4).data()
    )
    table.setCurrentIndex(overview.proxy.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    view = window.review_view
    assert window.stack.currentWidget() is view
    first = view._current_item
    view.ui.itemTree.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view._current_item != first
    focused = QApplication.focusWidget()
    assert focused in (view.score.edit, view.ui.verdictCombo)  # ready to type the reviewer's score
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is overview
    assert overview.selected_packet() == view.packet_id  # back on the same row
