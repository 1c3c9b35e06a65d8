"""The window and what was sent (issue 13.2): a signed year opens read-only with its banner,
typing changes nothing, 修改（需重新报送） asks first, the year list and the comparison show the
figures sent; the export page and a missing key (14.6); a restore that leaves the file closed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox
from test_gui import make_window, page, saved, when_shown
from test_gui_keys import assert_unique, visible_mnemonics

from dqsa.answers_file import load_answers_file
from dqsa.export.identity import identity_folder
from dqsa.export.packet import export_packet
from dqsa.export.wording import fingerprint_text
from dqsa.ui.sent_banner import ReopenDialog

PASSPHRASE = "清溪村口令2026"


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread():
    """Collect the previous tests' garbage here, on the GUI thread, before and after each test.

    Python's cycle collector runs on whichever thread allocates when it is due: left to a
    worker (the year list scored in the background), it may free a Qt object off the GUI
    thread and crash (seen once in a full run: a segfault in a worker's garbage collection).
    """
    import gc

    gc.collect()
    yield
    gc.collect()


def signed_window(qtbot, tmp_path: Path, data_dir: Path, *, years: tuple[int, ...] = (2026,)):
    """A window on a file whose years were signed and sent (exported), showing the year list."""
    window = make_window(qtbot, tmp_path / "村 中心.dqsa")
    answers = load_answers_file(data_dir / "village-weak.json")
    for year in years:
        window.store.import_answers(answers.model_copy(update={"year": year}))
        export_packet(
            window.store,
            year,
            signer_name="张伟",
            signer_title="村党组织书记",
            passphrase=PASSPHRASE,
            out_dir=tmp_path / "发出",
        )
    window.home.show_store(window.store)
    return window


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text().startswith(text))


def test_a_signed_year_opens_read_only_and_typing_changes_nothing(
    qtbot, tmp_path: Path, data_dir: Path
) -> None:
    window = signed_window(qtbot, tmp_path, data_dir)
    store = window.store
    before = (store.answers(2026), len(store.history(2026)), store.sent_history(2026))
    sent = store.sent(2026)
    window.open_assessment(2026)
    wizard = window.wizard
    banner = wizard.banner.label.text()
    assert wizard.banner.isVisibleTo(window) and wizard.banner.reopen_button.isVisibleTo(window)
    assert "已签署报送，现在只能查看" in banner and "张伟（村党组织书记）" in banner
    assert fingerprint_text(sent.fingerprint) in banner
    assert f"{sent.signed_at.year}年{sent.signed_at.month}月{sent.signed_at.day}日" in banner

    area = page(window, "场地与标识").builder.fields["facts.area_m2"].edit
    assert not area.isEnabled()
    qtbot.keyClicks(area, "7")  # a person types into the read-only field: nothing happens
    qtbot.keyClick(area, Qt.Key.Key_Backspace)
    # and if a field were ever left enabled: a character typed and deleted saves the same value
    area.setEnabled(True)
    area.setFocus()
    qtbot.keyClick(area, Qt.Key.Key_End)
    qtbot.keyClicks(area, "7")
    qtbot.keyClick(area, Qt.Key.Key_Backspace)
    saved(qtbot, window)
    window.close_assessment()
    assert (store.answers(2026), len(store.history(2026)), store.sent_history(2026)) == before
    assert store.summary(2026).status == "signed"
    assert window.home.ui.assessmentTable.item(0, 1).text() == "已签署"
    window.close()


def test_an_enabled_field_typed_into_is_refused_by_the_store_itself(
    qtbot, tmp_path: Path, data_dir: Path
) -> None:
    """A real change that reaches the store of a signed year is refused there, with the message shown."""
    window = signed_window(qtbot, tmp_path, data_dir)
    window.open_assessment(2026)
    field = page(window, "场地与标识").builder.fields["facts.area_m2"]
    field.edit.setEnabled(True)
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "999")
    qtbot.waitUntil(lambda: "修改（需重新报送）" in window.statusBar().currentMessage(), timeout=3000)
    assert window.store.answers(2026).facts["area_m2"] != 999
    assert window.store.summary(2026).status == "signed"
    window.autosaver.cancel("facts.area_m2")
    window.close()


def test_reopen_asks_then_the_year_differs_from_what_was_sent(qtbot, tmp_path: Path, data_dir: Path) -> None:
    window = signed_window(qtbot, tmp_path, data_dir)
    store = window.store
    sent_total = store.sent(2026).totals.total
    window.open_assessment(2026)
    wizard = window.wizard

    texts: list[str] = []

    def cancel(dialog: ReopenDialog) -> None:
        texts.append(" ".join(label.text() for label in dialog.findChildren(type(wizard.banner.label))))
        qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: when_shown(ReopenDialog, cancel))
    qtbot.mouseClick(wizard.banner.reopen_button, Qt.MouseButton.LeftButton)
    assert "已经报送给上级的材料包将与这里的内容不一致" in texts[0] and "重新签署导出" in texts[0]
    assert store.summary(2026).status == "signed"
    assert not page(window, "场地与标识").builder.fields["facts.area_m2"].edit.isEnabled()

    def confirm(dialog: ReopenDialog) -> None:
        dialog.reason.setText("更正场地面积")
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: when_shown(ReopenDialog, confirm))
    qtbot.mouseClick(wizard.banner.reopen_button, Qt.MouseButton.LeftButton)
    assert store.summary(2026).status == "reopened"
    assert {"reopened": "更正场地面积"} in [c.new_value for c in store.history(2026) if c.field == "status"]
    banner = wizard.banner.label.text()
    assert "现在的内容与已报送的材料包不一致，需要重新签署导出并报送" in banner
    assert not wizard.banner.reopen_button.isVisibleTo(window)
    assert wizard.banner.compare_button.isVisibleTo(window)

    training = page(window, "作用发挥").builder.fields["facts.training.sessions"].edit
    assert training.isEnabled()
    training.selectAll()
    qtbot.keyClicks(training, "6")
    saved(qtbot, window)
    now = store.scorecard(2026).total
    assert now > store.sent_scorecard(2026).total
    assert f"报送时合计 {sent_total}，现在 {now.normalize():f}" in wizard.banner.label.text()
    assert store.sent(2026).totals.total == sent_total  # the snapshot stays

    window.close_assessment()
    table = window.home.ui.assessmentTable
    cells = lambda: [table.item(0, c).text() for c in range(table.columnCount())]  # noqa: E731
    qtbot.waitUntil(lambda: "…" not in cells(), timeout=10000)  # the figures are scored in the background
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    total = table.item(0, headers.index("合计"))
    assert total.text() == f"{now.normalize():f}（已报送 {sent_total}）"
    assert table.item(0, 1).text() == "已报送后修改"
    assert "需重新报送" in total.toolTip() and sent_total in total.toolTip()
    window.close()


def test_the_comparison_offers_what_was_sent(qtbot, tmp_path: Path, data_dir: Path) -> None:
    window = signed_window(qtbot, tmp_path, data_dir, years=(2025, 2026))
    store = window.store
    store.reopen(2026, reason="补")
    store.set_fact(2026, "training.sessions", 6)
    window.home.show_store(store)
    window.open_assessment(2026)
    with qtbot.waitExposed(window):
        pass
    qtbot.mouseClick(window.wizard.banner.compare_button, Qt.MouseButton.LeftButton)
    dialog = window.comparison
    qtbot.addWidget(dialog)
    assert dialog.old_year.currentText() == "2026（已报送）" and dialog.new_year.currentText() == "2026"
    assert dialog.comparison is not None and dialog.comparison.count("improved") >= 1
    assert "2026（已报送） → 2026" in dialog.summary.text()
    assert "2026 年（已报送）" in dialog.table.horizontalHeaderItem(1).text()
    dialog.close()
    window.close_assessment()
    window.show_comparison()
    dialog = window.comparison
    qtbot.addWidget(dialog)
    labels = [dialog.old_year.itemText(i) for i in range(dialog.old_year.count())]
    assert labels == ["2025", "2025（已报送）", "2026", "2026（已报送）"]
    assert (dialog.old_year.currentText(), dialog.new_year.currentText()) == ("2025", "2026")
    assert "2026 年报送后改过：报送时合计 98.5" in dialog.summary.text()
    dialog.new_year.setCurrentIndex(3)  # 2025 → 2026 as sent
    assert dialog.comparison.new_total == store.sent_scorecard(2026).total
    dialog.old_year.setCurrentIndex(3)  # 2026 as sent → 2026 as sent: not a pair
    assert dialog.comparison is None and "已报送" in dialog.problem.text()
    dialog.close()
    window.close()


def test_a_year_signed_before_snapshots_says_so(qtbot, tmp_path: Path) -> None:
    from test_sent import make_0002_file

    path = tmp_path / "旧.dqsa"
    make_0002_file(path)
    window = make_window(qtbot, path)
    window.open_assessment(2025)
    banner = window.wizard.banner.label.text()
    assert "已签署报送" in banner and "以前的版本签署，当时没有保存报送内容的副本" in banner
    window.close_assessment()
    window.open_assessment(2026)
    assert "报送时的内容没有保存" in window.wizard.banner.label.text()
    assert not window.wizard.banner.compare_button.isVisibleTo(window)
    window.close()


def test_a_read_only_file_cannot_start_an_export(qtbot, tmp_path: Path, data_dir: Path) -> None:
    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    window.store._db.file.read_only = "位置只读（测试）"  # as a read-only open sets it
    window.open_assessment(2026)
    wizard = window.wizard
    assert "只读" in wizard.banner.label.text() and not wizard.banner.reopen_button.isVisibleTo(window)
    assert not page(window, "场地与标识").builder.fields["facts.area_m2"].edit.isEnabled()
    wizard.show_export_page()
    export = wizard.export_page
    assert not export.export_button.isEnabled()
    assert "不能签署导出" in export.sent_note.text() and "位置只读（测试）" in export.sent_note.text()
    export.start_export()  # even when asked directly: nothing starts
    assert export.job is None and "不能签署导出" in export.problem.message
    window.store._db.file.read_only = None
    window.close()


def test_a_missing_key_offers_restore_or_a_new_identity(qtbot, tmp_path: Path, data_dir: Path) -> None:
    from dqsa.export.identity_backup import backup_identity
    from dqsa.ui.identity import RestoreIdentityDialog

    window = signed_window(qtbot, tmp_path, data_dir)
    store = window.store
    first = store.sent(2026).fingerprint
    name = store.center().name
    backup = backup_identity(name, PASSPHRASE, tmp_path / "备份身份").path
    shutil.rmtree(identity_folder(name))  # a new laptop
    store.reopen(2026, reason="换电脑后重发")
    window.open_assessment(2026)
    window.wizard.show_export_page()
    export = window.wizard.export_page
    assert "找不到本中心的签署私钥" in export.identity_note.text()
    assert fingerprint_text(first) in export.identity_note.text()
    assert export.new_identity.isVisibleTo(window) and not export.passphrase_again.isVisibleTo(window)
    export.signer.setText("张伟")
    export.title.setText("书记")
    export.passphrase.setText(PASSPHRASE)
    export.folder.setText(str(tmp_path / "再发"))

    def restore(dialog: RestoreIdentityDialog) -> None:
        dialog.path.setText(str(backup))
        dialog._show_backup()
        dialog.passphrase.setText(PASSPHRASE)
        QTimer.singleShot(0, lambda: when_shown(QMessageBox, lambda box: box.accept()))
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    def choose_restore(box: QMessageBox) -> None:
        assert "找不到本中心的签署私钥" in box.text() and "新的证书指纹" in box.informativeText()
        QTimer.singleShot(0, lambda: when_shown(RestoreIdentityDialog, restore))
        qtbot.mouseClick(button(box, "恢复签署身份"), Qt.MouseButton.LeftButton)

    def sign_anyway(box: QMessageBox) -> None:
        QTimer.singleShot(0, lambda: when_shown(QMessageBox, choose_restore))
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: when_shown(QMessageBox, sign_anyway))
    export.start_export()
    qtbot.waitUntil(
        lambda: bool(store.identity_events()) and store.identity_events()[-1].kind == "restored",
        timeout=60000,
    )
    assert not (tmp_path / "再发").exists()
    assert "已有签署身份" in export.identity_note.text()
    QTimer.singleShot(
        0, lambda: when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    )
    with qtbot.waitSignal(export.exported, timeout=60000):
        export.start_export()
    assert export.last_result.fingerprint == first  # the same identity: the level above sees no change
    assert [e.kind for e in store.identity_events()] == ["created", "restored"]
    window.close()


def test_a_new_identity_is_chosen_with_a_warning(qtbot, tmp_path: Path, data_dir: Path) -> None:
    window = signed_window(qtbot, tmp_path, data_dir)
    store = window.store
    first = store.sent(2026).fingerprint
    shutil.rmtree(identity_folder(store.center().name))
    window.open_assessment(2026)  # signed: it may be sent again as it is
    window.wizard.show_export_page()
    export = window.wizard.export_page
    assert "再次签署导出" in export.sent_note.text()
    for widget, text in ((export.signer, "张伟"), (export.title, "书记"), (export.passphrase, "x")):
        widget.setText(text)
    export.folder.setText(str(tmp_path / "新"))
    warned: list[str] = []

    def confirm_new(box: QMessageBox) -> None:
        warned.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    def choose_new(box: QMessageBox) -> None:
        QTimer.singleShot(0, lambda: when_shown(QMessageBox, confirm_new))
        qtbot.mouseClick(button(box, "新建签署身份"), Qt.MouseButton.LeftButton)

    def sign_anyway(box: QMessageBox) -> None:
        QTimer.singleShot(0, lambda: when_shown(QMessageBox, choose_new))
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, lambda: when_shown(QMessageBox, sign_anyway))
    export.start_export()
    qtbot.waitUntil(lambda: export.new_identity.isChecked(), timeout=60000)
    assert "证书指纹会改变" in warned[0] and "告知上级" in warned[0]
    assert export.passphrase_again.isVisibleTo(window)
    export.passphrase.setText("新的口令2026年")
    export.passphrase_again.setText("新的口令2026年")

    def confirm_replacement(box: QMessageBox) -> None:
        QTimer.singleShot(
            0, lambda: when_shown(QMessageBox, lambda b: b.button(QMessageBox.StandardButton.Yes).click())
        )
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, lambda: when_shown(QMessageBox, confirm_replacement))
    with qtbot.waitSignal(export.exported, timeout=60000):
        export.start_export()
    assert export.last_result.fingerprint != first
    assert "证书指纹已改变" in export.result.text()
    events = store.identity_events()
    assert [(e.kind, e.old_fingerprint) for e in events] == [("created", None), ("replaced", first)]
    assert len(store.sent_history(2026)) == 2 and store.summary(2026).status == "signed"
    window.close()


def test_every_alt_letter_once_in_a_signed_year(qtbot, tmp_path: Path, data_dir: Path) -> None:
    window = signed_window(qtbot, tmp_path, data_dir)
    window.open_assessment(2026)
    wizard = window.wizard
    for index in range(wizard.page_count()):
        wizard.go_to(index)
        assert_unique(f"已签署 · {wizard.ui.stepList.item(index).text()}", visible_mnemonics(window))
    dialog = ReopenDialog(2026, window.store.sent(2026), window)
    dialog.show()
    assert_unique("修改已报送的年度", visible_mnemonics(dialog))
    dialog.close()
    window.store.reopen(2026, reason="x")
    window.close_assessment()
    window.open_assessment(2026)
    for index in range(window.wizard.page_count()):
        window.wizard.go_to(index)
        assert_unique(f"已报送后修改 · {index}", visible_mnemonics(window))
    window.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_restore_that_leaves_the_file_closed_shows_no_file(
    qtbot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dqsa.store.errors import StoreClosed

    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    backup = window.store.backup_now("test")
    store = window.store

    def closed(_backup: Path) -> Path:
        store.close()
        raise StoreClosed("备份已复制，但恢复后的文件无法打开，文件已关闭。")

    monkeypatch.setattr(store, "restore", closed)
    dialog = window.backups_dialog()
    listing = dialog.findChild(QListWidget)
    listing.setCurrentRow(0)
    warned: list[str] = []
    QTimer.singleShot(
        0, lambda: when_shown(QMessageBox, lambda box: (warned.append(box.text()), box.accept()))
    )
    window._restore(listing, dialog)
    assert window.store is None
    assert window.home.ui.centerLabel.text() == "没有打开中心文件"
    assert not window.home.ui.openButton.isEnabled() and not window.home.ui.newButton.isEnabled()
    assert "文件已关闭" in warned[0]
    assert backup.exists()
    QApplication.processEvents()
    window.close()
