"""Which window opens which file: a ``.dqsd`` opens a desk window, a ``.dqsa`` the center's window.

Used by both windows' 文件 menus (打开…, 最近打开, 新建上级审核台账…), by the command line
(``dqsa 台账.dqsd``, a double-clicked file) and by 帮助 → 打开示例台账.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox, QWidget

from dqsa.settings import Settings, save_settings
from dqsa.ui.desk import DESK_SUFFIX
from dqsa.ui.i18n import tr
from dqsa.ui.places import remember_folder, start_folder

log = logging.getLogger(__name__)


def is_desk_file(path: Path) -> bool:
    return path.suffix.lower() == DESK_SUFFIX


def open_any_file(path: Path, settings: Settings, parent: QWidget | None = None) -> QWidget | None:
    """Open ``path`` in the window of its kind; an open window of the same file is raised instead."""
    if is_desk_file(path):
        return open_desk_window(path, settings, parent=parent)
    return open_center_window(path, settings)


def desk_windows() -> list[QWidget]:
    from dqsa.ui.desk.window import DeskWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, DeskWindow) and w.isVisible()]


def open_desk_window(
    path: Path,
    settings: Settings,
    *,
    create: bool = False,
    name: str | None = None,
    parent: QWidget | None = None,
    demo: bool = False,
) -> QWidget | None:
    """A desk window for ``path`` (the one already showing it, or a new one); None when it cannot be opened."""
    from dqsa.ui.desk.window import DeskWindow, keep_alive

    for window in desk_windows():
        store = window.store
        if store is not None and not store.closed and store.path.resolve() == path.resolve():
            _raise(window)
            return window
    # A desk window with nothing open (it could not open its file) takes the file instead of a new window.
    empty = next((w for w in desk_windows() if w.store is None), None)
    window = empty or DeskWindow(None, settings, demo=demo)
    window.demo = demo
    if not window.load(path, create=create, name=name):
        if empty is None:
            window.deleteLater()
        return None
    if empty is None:
        keep_alive(window)
        window.resize(parent.size() if parent is not None and parent.width() > 800 else window.size())
        window.show()
    _raise(window)
    return window


def open_center_window(path: Path, settings: Settings) -> QWidget | None:
    """The center's window for a ``.dqsa``: the one already open switches to it, or a new one opens."""
    from dqsa.ui.main_window import MainWindow

    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow) and window.isVisible():
            if window.switch_file(path):
                _raise(window)
                return window
            return None
    from dqsa.store.errors import StoreError
    from dqsa.store.service import CenterStore
    from dqsa.ui.desk.window import keep_alive

    try:
        store = CenterStore.open(path)
    except StoreError as exc:
        QMessageBox.warning(None, tr("无法打开文件"), str(exc))
        return None
    window = MainWindow(store, settings)
    keep_alive(window)
    window.show()
    _raise(window)
    return window


def new_desk(settings: Settings, parent: QWidget | None) -> QWidget | None:
    """新建上级审核台账…: the unit's name, then where to keep the file; opens it in a desk window."""
    name, ok = QInputDialog.getText(
        parent,
        tr("新建上级审核台账"),
        tr("单位名称（将显示在台账和汇总表上，例如：某某街道社会组织综合党委）："),
        QLineEdit.EchoMode.Normal,
    )
    if not ok:
        return None
    name = " ".join(name.split())
    if not name:
        QMessageBox.warning(parent, tr("新建上级审核台账"), tr("请填写单位名称。"))
        return None
    from dqsa.export.packet import safe_file_name

    suggested = start_folder("center") / f"{safe_file_name(name)}-审核台账{DESK_SUFFIX}"
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("新建上级审核台账"), str(suggested), tr("上级审核台账 (*.dqsd)")
    )
    if not path:
        return None
    target = Path(path) if path.lower().endswith(DESK_SUFFIX) else Path(path + DESK_SUFFIX)
    remember_folder("center", target.parent)
    if target.exists():
        QMessageBox.warning(parent, tr("文件已存在"), tr("这个文件已经存在，请换一个名称，或用“打开”。"))
        return None
    return open_desk_window(target, settings, create=True, name=name, parent=parent)


def open_demo_desk(settings: Settings, parent: QWidget | None) -> None:
    """帮助 → 打开示例台账: built (or taken from the cache) behind a progress dialog, then opened."""
    from dqsa.ui.desk.demo import build_demo_in_background

    def opened(path: Path) -> None:
        open_desk_window(path, settings, parent=parent, demo=True)

    build_demo_in_background(parent, on_done=opened)


def fill_recent_menu(menu: QMenu, settings: Settings, window: QWidget) -> None:
    """最近打开: center files and desks alike, each opening in the window of its kind."""
    menu.clear()
    for text in settings.recent_files:
        label = (tr("审核台账：") if is_desk_file(Path(text)) else tr("中心文件：")) + text
        action = menu.addAction(label)
        action.triggered.connect(lambda _checked=False, p=text: _open_recent(Path(p), settings, window))
    menu.setEnabled(bool(settings.recent_files))


def _open_recent(path: Path, settings: Settings, window: QWidget) -> None:
    if not path.exists():
        QMessageBox.warning(
            window, tr("找不到文件"), tr("找不到这个文件，它可能已被移动或删除：\n{0}").format(path)
        )
        settings.recent_files = [p for p in settings.recent_files if p != str(path)]
        save_settings(settings)
        return
    if is_desk_file(path):
        open_desk_window(path, settings, parent=window)
    else:
        open_center_window(path, settings)


def _raise(window: QWidget) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()
