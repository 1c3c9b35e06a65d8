"""Keys and places: one Alt+letter per thing in each window; dialogs start where people look."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)
from test_gui import make_window

from dqsa.settings import Settings, load_settings
from dqsa.store.service import CenterStore
from dqsa.ui import places


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" (Alt+letter), upper case."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def visible_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter a person can press in ``window`` as it is shown now."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        letter = mnemonic(text)
        if letter:
            found.append((letter, text))
    if isinstance(window, QMainWindow):
        found += [(mnemonic(a.text()), a.text()) for a in window.menuBar().actions() if mnemonic(a.text())]
    return found


def assert_unique(where: str, found: list[tuple[str, str]]) -> None:
    counts = Counter(letter for letter, _ in found)
    clashes = {letter: [t for x, t in found if x == letter] for letter, n in counts.items() if n > 1}
    assert not clashes, f"{where}: the same Alt+letter twice: {clashes}"


def assert_menus_unique(menu: QMenu, where: str) -> None:
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert_unique(where, [(mnemonic(a.text()), a.text()) for a in actions if mnemonic(a.text())])
    for action in actions:
        if action.menu() is not None:
            assert_menus_unique(action.menu(), f"{where} → {action.text()}")


def demo_window(qtbot, tmp_path: Path):
    from dqsa.demo import build_demo_file

    window = make_window(qtbot, build_demo_file(tmp_path / "demo"))
    return window


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_every_window_and_dialog_has_each_alt_letter_once(qtbot, tmp_path: Path, monkeypatch) -> None:
    from dqsa.ui.comparison_view import ComparisonDialog
    from dqsa.ui.first_run import FirstRunDialog
    from dqsa.ui.new_year import NewAssessmentDialog

    window = demo_window(qtbot, tmp_path)
    assert_unique("主窗口（年度列表）", visible_mnemonics(window))
    for action in window.menuBar().actions():
        assert_menus_unique(action.menu(), action.text())
    checked = 1
    for year in window.store.years():
        window.open_assessment(year)
        wizard = window.wizard
        for index in range(wizard.page_count()):
            wizard.go_to(index)
            title = wizard.ui.stepList.item(index).text()
            assert_unique(f"{year} 年度 · {title}", visible_mnemonics(window))
            checked += 1
        export = wizard.export_page  # every state of the export page: first passphrase, new identity
        wizard.show_export_page()
        monkeypatch.setattr("dqsa.export.identity.has_identity", lambda _name: True)
        export._show_identity()
        export.new_identity.setChecked(True)
        assert export.passphrase_again.isVisibleTo(window) and export.new_identity.isVisibleTo(window)
        export.open_folder.show()
        assert_unique(f"{year} 年度 · 签署导出（新建身份）", visible_mnemonics(window))
        monkeypatch.undo()
        window.close_assessment()
    dialogs: list[tuple[str, QDialog]] = [
        ("第一次使用", FirstRunDialog(window.store, window)),
        ("新建年度自评", NewAssessmentDialog([date.today().year - 1], window)),
        ("对比", ComparisonDialog(window.store, window)),
        ("备份与恢复", window.backups_dialog()),
    ]
    window.show_user_guide()
    dialogs.append(("用户指南", window.guide_window))
    for name, dialog in dialogs:
        dialog.show()
        found = visible_mnemonics(dialog)
        assert_unique(name, found)
        checked += 1
        dialog.close()
    assert checked > 20
    window.close()


def test_dialogs_start_where_people_look_and_remember_the_last_folder(tmp_path: Path, monkeypatch) -> None:
    desktop, downloads, pictures = (tmp_path / name for name in ("桌面", "下载", "图片"))
    for folder in (desktop, downloads, pictures):
        folder.mkdir()
    monkeypatch.setattr("dqsa.paths.desktop_dir", lambda: desktop)
    monkeypatch.setattr("dqsa.paths.downloads_dir", lambda: downloads)
    monkeypatch.setattr("dqsa.paths.pictures_dir", lambda: pictures)
    monkeypatch.setattr(
        places,
        "_DEFAULTS",
        {
            "export": (lambda: desktop,),
            "packet": (lambda: downloads, lambda: desktop),
            "evidence": (lambda: pictures,),
        },
    )
    settings = Settings()
    places.use_settings(settings)
    try:
        assert places.start_folder("export") == desktop
        assert places.start_folder("packet") == downloads
        assert places.start_folder("evidence") == pictures
        chosen = tmp_path / "报送 材料"
        chosen.mkdir()
        places.remember_folder("export", chosen)
        assert places.start_folder("export") == chosen
        assert load_settings().folders == {"export": str(chosen)}  # remembered on disk
        chosen.rmdir()
        assert places.start_folder("export") == desktop  # a folder that went away is not offered
    finally:
        places.use_settings(None)


def test_the_real_default_export_folder_is_the_desktop(monkeypatch, tmp_path: Path) -> None:
    import platformdirs

    desktop = tmp_path / "Desktop"
    desktop.mkdir()
    monkeypatch.setattr(platformdirs, "user_desktop_dir", lambda: str(desktop))
    places.use_settings(None)
    assert places.start_folder("export") == desktop


def test_open_folder_says_so_when_it_cannot(qtbot, tmp_path: Path, data_dir: Path, monkeypatch) -> None:
    from types import SimpleNamespace

    from dqsa.answers_file import load_answers_file

    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    window.open_assessment(2026)
    export = window.wizard.export_page
    export.last_result = SimpleNamespace(path=tmp_path / "发出" / "材料包.zip")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)  # no file manager answers
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    export._open_folder()
    assert told and str(tmp_path / "发出") in told[0]
    window.close()


def test_a_first_export_remembers_its_folder(qtbot, tmp_path: Path, data_dir: Path) -> None:
    from dqsa.answers_file import load_answers_file

    settings = Settings()
    store = CenterStore.open(tmp_path / "c.dqsa", create=True)
    store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    store.set_item_text(2026, "A1.site.1", "corrective_actions", "x")
    from dqsa.ui.main_window import MainWindow

    window = MainWindow(store, settings, ask_first_run=False)
    qtbot.addWidget(window)
    window.open_assessment(2026)
    export = window.wizard.export_page
    out = tmp_path / "我的 报送"
    export.signer.setText("张伟")
    export.title.setText("书记")
    export.passphrase.setText("secret-2026")
    export.passphrase_again.setText("secret-2026")
    export.folder.setText(str(out))
    export._confirm_missing = lambda: True  # the questions are tested elsewhere
    with qtbot.waitSignal(export.exported, timeout=30000):
        export.start_export()
    assert settings.folders["export"] == str(out)
    window.close()


def test_a_file_that_would_not_open_is_replaced_from_where_center_files_are(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """At start-up, when the center file cannot be opened, the dialog offering another starts in
    the folder center files were opened from last (else Documents), not the working folder."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QFileDialog

    from dqsa.ui.app import _recover_into

    usual = tmp_path / "中心 文件"
    usual.mkdir()
    settings = Settings()
    settings.folders["center"] = str(usual)
    places.use_settings(settings)
    asked: list[str] = []
    other = tmp_path / "别处" / "备用.dqsa"
    loaded: list[Path] = []
    try:
        monkeypatch.setattr(
            QFileDialog,
            "getOpenFileName",
            lambda _parent, _title, folder, _filter: (asked.append(folder), (str(other), ""))[1],
        )
        window = SimpleNamespace(store=None, load=lambda path, create: loaded.append(path))
        _recover_into(window)
        assert asked == [str(usual)] and loaded == [other]
        assert settings.folders["center"] == str(other.parent)  # remembered for next time
    finally:
        places.use_settings(None)
