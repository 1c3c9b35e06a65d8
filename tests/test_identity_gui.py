"""文件 → 备份签署身份 / 恢复签署身份, driven as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dqsa.export.identity import create_identity, load_identity
from dqsa.export.identity_backup import read_backup
from dqsa.ui.identity import BackupIdentityDialog, RestoreIdentityDialog

CENTER = "吴兴区某街道社会组织党群服务中心"
PASSPHRASE = "street-pass-2026"


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def information(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", information)
    return shown


def test_the_file_menu_offers_both(qtbot, tmp_path: Path) -> None:
    from dqsa.settings import Settings
    from dqsa.store.service import CenterStore
    from dqsa.ui.main_window import MainWindow

    window = MainWindow(CenterStore.open(tmp_path / "c.dqsa", create=True), Settings(), ask_first_run=False)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]
    assert "备份签署身份(&K)…" in texts and "恢复签署身份(&I)…" in texts
    window.close()


def test_backup_then_restore_on_another_computer(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    identity = create_identity(CENTER, PASSPHRASE)
    dialog = BackupIdentityDialog(None, CENTER)
    qtbot.addWidget(dialog)
    assert dialog.center.currentText() == CENTER
    assert dialog.fingerprint.text().replace("\n", ":") == identity.fingerprint
    target = tmp_path / "U盘" / "街道 身份.dqsa-identity"
    dialog.target.setText(str(target))

    qtbot.keyClicks(dialog.passphrase, "wrong-pass-123")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problem.isVisibleTo(dialog), timeout=20_000)
    assert "口令不对" in dialog.problem.text() and not target.exists()

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_info is not None, timeout=20_000)
    assert read_backup(target).fingerprint == identity.fingerprint
    assert identity.fingerprint in messages[-1].replace("\n", ":")

    monkeypatch.setenv("DQSA_HOME", str(tmp_path / "新电脑"))
    restore = RestoreIdentityDialog(None)
    qtbot.addWidget(restore)
    restore.path.setText(str(target))
    restore._show_backup()
    assert CENTER in restore.about.text()
    assert identity.fingerprint in restore.about.text().replace("\n", ":")
    qtbot.keyClicks(restore.passphrase, PASSPHRASE)
    qtbot.mouseClick(restore.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: restore.restored is not None, timeout=20_000)
    assert load_identity(CENTER, PASSPHRASE).fingerprint == identity.fingerprint
    assert identity.fingerprint in messages[-1].replace("\n", ":")


def test_restoring_over_another_identity_asks_first(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    from dqsa.export.identity_backup import backup_identity

    old = create_identity(CENTER, PASSPHRASE)
    info = backup_identity(CENTER, PASSPHRASE, tmp_path / "旧.dqsa-identity")
    create_identity(CENTER, "another-pass-123", replace=True)
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    restore = RestoreIdentityDialog(None)
    qtbot.addWidget(restore)
    restore.path.setText(str(info.path))
    restore._show_backup()
    qtbot.keyClicks(restore.passphrase, PASSPHRASE)

    qtbot.mouseClick(restore.ok, Qt.MouseButton.LeftButton)  # "No": nothing replaced
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: restore.ok.isEnabled(), timeout=20_000)
    assert load_identity(CENTER, "another-pass-123").fingerprint != old.fingerprint
    assert old.fingerprint in asked[0]

    qtbot.mouseClick(restore.ok, Qt.MouseButton.LeftButton)  # "Yes": the backup's identity
    qtbot.waitUntil(lambda: restore.restored is not None, timeout=20_000)
    assert load_identity(CENTER, PASSPHRASE).fingerprint == old.fingerprint


def test_no_identity_to_back_up_says_so(qtbot) -> None:
    dialog = BackupIdentityDialog(None, None)
    qtbot.addWidget(dialog)

    assert not dialog.ok.isEnabled()
    assert "还没有可以备份的签署身份" in dialog.problem.text()


def test_a_file_that_is_not_a_backup_is_named(qtbot, tmp_path: Path) -> None:
    fake = tmp_path / "照片.jpg"
    fake.write_bytes(b"\xff\xd8\xff not a backup")
    restore = RestoreIdentityDialog(None)
    qtbot.addWidget(restore)

    restore.path.setText(str(fake))
    restore._show_backup()

    assert "已损坏" in restore.problem.text() and not restore.ok.isEnabled()


def test_the_export_page_says_the_key_is_missing_and_offers_a_new_identity(
    qtbot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dqsa.answers_file import load_answers_file
    from dqsa.export.identity import KEY_FILE
    from dqsa.settings import Settings
    from dqsa.store.service import CenterStore
    from dqsa.ui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow(CenterStore.open(tmp_path / "c.dqsa", create=True), Settings(), ask_first_run=False)
    qtbot.addWidget(window)
    answers = load_answers_file(data_dir / "township-half.json")
    window.store.import_answers(answers)
    lost = create_identity(answers.center.name, PASSPHRASE)
    (lost.folder / KEY_FILE).unlink()  # a new laptop, a deleted file
    window.open_assessment(2026)
    window.wizard.show_export_page()
    export = window.wizard.export_page
    assert export.new_identity.isVisibleTo(export)  # the explicit way out is on offer
    export.signer.setText("李明")
    export.title.setText("主任")
    qtbot.keyClicks(export.passphrase, PASSPHRASE)
    export.folder.setText(str(tmp_path))

    offered: list[str] = []

    def cancel_when_asked(tries: int = 1500) -> None:  # the page asks: restore, a new identity, or cancel
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.windowTitle() == "找不到签署私钥":
            offered.extend(b.text() for b in box.buttons())
            next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole).click()
        elif tries:
            QTimer.singleShot(20, lambda: cancel_when_asked(tries - 1))

    QTimer.singleShot(0, cancel_when_asked)
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: export.export_button.isEnabled() and bool(export.problem.text()), timeout=30_000)
    qtbot.waitUntil(lambda: bool(offered), timeout=30_000)
    assert any("恢复签署身份" in text for text in offered) and any("新建签署身份" in text for text in offered)

    assert "找不到本中心的签署私钥" in export.problem.text()
    assert "恢复签署身份" in export.problem.text()
    assert lost.fingerprint in export.problem.text()
    assert not list(tmp_path.glob("*.zip"))
    window.close()
