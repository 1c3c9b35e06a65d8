"""导出审核结果… on the desk's review page, driven as a reviewer would (issue 16.1): click the button,
type the signer, the title and the passphrase, sign; the file written verifies and carries what
was typed. A wrong passphrase, a folder that cannot be written, a read-only desk: said in words,
nothing written and nothing recorded."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

import pytest
from desk_packets import DeskPackets, desk_packets
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from test_gui import type_text
from test_review_result import DESK, PASSPHRASE, VILLAGE, make_desk

from dqsa.export.identity import desk_owner, identity_state
from dqsa.export.review_read import read_review_result
from dqsa.export.review_return import return_review
from dqsa.export.wording import fingerprint_lines
from dqsa.settings import Settings
from dqsa.store.desk.service import DeskStore
from dqsa.ui.desk.returning import ReturnReviewDialog
from dqsa.ui.desk.review import DeskReviewView
from dqsa.ui.desk.window import DeskWindow
from dqsa.ui.worker import running_jobs


@pytest.fixture(scope="session")
def packets(tmp_path_factory: pytest.TempPathFactory) -> DeskPackets:
    return desk_packets(tmp_path_factory)


def review_page(qtbot, store: DeskStore, center: str = VILLAGE) -> tuple[DeskWindow, DeskReviewView]:
    window = DeskWindow(store, Settings())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_review(store.counted_packet(center, 2026).id)
    view = window.review_view
    assert view is not None
    return window, view


def open_dialog(qtbot, view: DeskReviewView) -> ReturnReviewDialog:
    assert view.ui.returnButton.isEnabled(), view.ui.returnButton.toolTip()
    qtbot.mouseClick(view.ui.returnButton, Qt.MouseButton.LeftButton)
    dialog = view.return_dialog
    assert isinstance(dialog, ReturnReviewDialog) and dialog.isVisible()
    return dialog


def retype(qtbot, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)


def sign(qtbot, dialog: ReturnReviewDialog) -> None:
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)


def shown_text(widget: QWidget) -> str:
    """Every label's text in a window, as a person reads it."""
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def unsent(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_reviewer_signs_a_result_from_the_review_page_and_the_center_can_read_it(
    qtbot, tmp_path: Path, packets: DeskPackets, monkeypatch
) -> None:
    store = DeskStore.open(make_desk(tmp_path, packets), backups_root=tmp_path / "backups")
    window, view = review_page(qtbot, store)
    out = tmp_path / "审核 结果"
    out.mkdir()

    # the first result: the desk's identity is made, so the passphrase is asked twice
    dialog = open_dialog(qtbot, view)
    assert VILLAGE in dialog.windowTitle() and "审核结论：退回补充" in shown_text(dialog)
    assert dialog.passphrase_again.isVisibleTo(dialog) and not dialog.fingerprint.isVisibleTo(dialog)
    assert "第一次签署" in dialog.identity_note.text()
    assert dialog.signer.text() == "王审核"  # the reviewer of this packet, as typed on the page
    retype(qtbot, dialog.signer, "李 书记")
    type_text(qtbot, dialog.title, "组织委员")
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    type_text(qtbot, dialog.passphrase_again, PASSPHRASE + "x")
    retype(qtbot, dialog.folder, str(out))
    sign(qtbot, dialog)  # the two passphrases differ: said, nothing made
    assert "两次输入的口令不一样" in dialog.problem.message
    assert identity_state(desk_owner(store.signing().uid, DESK)) == "none" and not unsent(out)
    type_text(qtbot, dialog.passphrase_again, PASSPHRASE)
    sign(qtbot, dialog)
    qtbot.waitUntil(lambda: view.return_message is not None and not running_jobs(), timeout=60000)
    assert view.return_dialog is None

    message = view.return_message
    fingerprint = store.signing().fingerprint
    assert fingerprint
    written = out / f"{VILLAGE}-2026年度审核结果.zip"
    assert unsent(out) == [written.name]  # no temporary file left beside it
    text = message.text()
    assert str(written) in text and "已为本台账建立签署身份" in text
    assert all(line in text for line in fingerprint_lines(fingerprint))  # in groups of four
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    folder_button = next(b for b in message.buttons() if "打开所在文件夹" in b.text())
    qtbot.mouseClick(folder_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [out]
    qtbot.waitUntil(lambda: view.return_message is None)

    # what the center will read: it verifies, and says what the reviewer typed
    sent = hashlib.sha256(packets.village.read_bytes()).hexdigest()
    check = read_review_result(written, center_name=VILLAGE, sent_packets={sent})
    assert check.ok, check.problems
    assert check.fingerprint == fingerprint
    document = check.document
    assert document is not None
    assert (document.reviewer.name, document.reviewer.title) == ("李 书记", "组织委员")
    assert document.state == "returned" and document.desk.name == DESK
    [record] = store.returns(store.counted_packet(VILLAGE, 2026).id)
    assert record.sha256 == hashlib.sha256(written.read_bytes()).hexdigest()

    # the second time: one passphrase, the fingerprint shown, the signer and the folder remembered
    dialog = open_dialog(qtbot, view)
    assert not dialog.passphrase_again.isVisibleTo(dialog)
    assert dialog.fingerprint.text() == "\n".join(fingerprint_lines(fingerprint))
    assert (dialog.signer.text(), dialog.title.text(), dialog.folder.text()) == (
        "李 书记",
        "组织委员",
        str(out),
    )
    assert "已于" in shown_text(dialog) and "再次导出会生成新的一份" in shown_text(dialog)
    assert dialog.focusWidget() is dialog.passphrase  # the one thing left to type
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # Enter signs
    qtbot.waitUntil(lambda: view.return_message is not None and not running_jobs(), timeout=60000)
    assert "已为本台账建立签署身份" not in view.return_message.text()
    view.return_message.accept()
    assert len(store.returns()) == 2
    window.close()
    store.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_wrong_passphrase_writes_and_records_nothing(qtbot, tmp_path: Path, packets: DeskPackets) -> None:
    path = make_desk(tmp_path, packets)
    first = tmp_path / "第一份"
    with DeskStore.open(path, backups_root=tmp_path / "backups") as desk:
        packet = desk.counted_packet(VILLAGE, 2026)
        return_review(
            desk,
            packet.id,
            signer_name="王审核",
            signer_title="组织委员",
            passphrase=PASSPHRASE,
            out_dir=first,
        )
    store = DeskStore.open(path, backups_root=tmp_path / "backups")
    before = (store.signing(), store.returns())
    window, view = review_page(qtbot, store)
    out = tmp_path / "输出"
    out.mkdir()
    dialog = open_dialog(qtbot, view)
    retype(qtbot, dialog.folder, str(out))
    type_text(qtbot, dialog.passphrase, "不是这个口令123")
    sign(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.problem.message) and not running_jobs(), timeout=60000)
    assert "口令不对" in dialog.problem.message
    assert dialog.isVisible() and view.return_message is None  # still open, to try again
    assert dialog.passphrase.text() == "" and dialog.focusWidget() is dialog.passphrase
    assert dialog.sign_button.isEnabled()
    assert unsent(out) == []
    assert (store.signing(), store.returns()) == before
    dialog.reject()
    window.close()
    store.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_folder_that_cannot_be_written_is_said_in_words(
    qtbot, tmp_path: Path, packets: DeskPackets, monkeypatch
) -> None:
    from dqsa.export import signed_zip

    store = DeskStore.open(make_desk(tmp_path, packets), backups_root=tmp_path / "backups")
    window, view = review_page(qtbot, store)
    dialog = open_dialog(qtbot, view)
    type_text(qtbot, dialog.title, "组织委员")
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    type_text(qtbot, dialog.passphrase_again, PASSPHRASE)
    not_a_folder = tmp_path / "一个文件.txt"
    not_a_folder.write_text("不是文件夹", encoding="utf-8")
    retype(qtbot, dialog.folder, str(not_a_folder))
    sign(qtbot, dialog)
    assert "已有的文件夹" in dialog.problem.message and dialog.focusWidget() is dialog.folder

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(signed_zip, "write_zip", full)
    out = tmp_path / "U盘"
    out.mkdir()
    retype(qtbot, dialog.folder, str(out))
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    type_text(qtbot, dialog.passphrase_again, PASSPHRASE)
    sign(qtbot, dialog)
    qtbot.waitUntil(lambda: "磁盘" in dialog.problem.message and not running_jobs(), timeout=60000)
    assert "磁盘空间已满" in dialog.problem.message and "No space" not in dialog.problem.message
    assert unsent(out) == [] and store.returns() == []
    dialog.reject()
    window.close()
    store.close()


def test_the_button_says_why_it_cannot_be_used(
    qtbot, tmp_path: Path, packets: DeskPackets, monkeypatch
) -> None:
    from dqsa.export.receive import receive_packet

    store = DeskStore.create(tmp_path / "d.dqsd", DESK)
    receive_packet(store, packets.village)
    receive_packet(store, packets.forged)  # the village's name, another key: held
    held = next(p for p in store.packets() if str(p.state) == "held")
    window, view = review_page(qtbot, store)
    assert view.ui.returnButton.isEnabled()  # 待审核 too, as dqsa desk return allows
    assert view.ui.returnButton.text() == "导出审核结果(&X)…"
    window.open_review(held.id)
    assert not view.ui.returnButton.isEnabled() and "核实" in view.ui.returnButton.toolTip()
    monkeypatch.setattr(DeskStore, "read_only", property(lambda _self: "文件所在的文件夹不允许写入（测试）"))
    window.open_review(store.counted_packet(VILLAGE, 2026).id)
    assert not view.ui.returnButton.isEnabled()
    assert "只读" in view.ui.returnButton.toolTip() and "不允许写入" in view.ui.returnButton.toolTip()
    window.close()
    store.close()


def test_a_pending_review_is_named_before_it_is_signed(qtbot, tmp_path: Path, packets: DeskPackets) -> None:
    from dqsa.export.receive import receive_packet

    store = DeskStore.create(tmp_path / "d.dqsd", DESK)
    receive_packet(store, packets.city)
    window, view = review_page(qtbot, store, "湖州市社会组织党群服务中心")
    dialog = open_dialog(qtbot, view)
    assert "审核结论仍是“待审核”" in shown_text(dialog)
    dialog.reject()
    assert view.return_dialog is None
    window.close()
    store.close()


def test_keyboard_reaches_the_button_and_every_field_in_order(
    qtbot, tmp_path: Path, packets: DeskPackets
) -> None:
    store = DeskStore.open(make_desk(tmp_path, packets), backups_root=tmp_path / "backups")
    window, view = review_page(qtbot, store)
    # Alt+X presses the button (its mnemonic is not taken on the page)
    texts = [w.text() for w in view.findChildren(QAbstractButton) + view.findChildren(QLabel)]
    texts += [a.text() for a in window.menuBar().actions()]
    mnemonics = [t.split("(&")[1][0] for t in texts if "(&" in t]
    assert mnemonics.count("X") == 1, mnemonics
    dialog = open_dialog(qtbot, view)
    order = []
    widget = dialog.signer
    for _ in range(8):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not widget.isVisibleTo(dialog) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            widget = widget.nextInFocusChain()
    assert order[:6] == [
        dialog.signer,
        dialog.title,
        dialog.passphrase,
        dialog.passphrase_again,
        dialog.folder,
        dialog.choose,
    ]
    assert order[6] is dialog.sign_button
    dialog.reject()
    window.close()
    store.close()


def test_the_pane_and_the_dialog_at_1366_by_768(qtbot, tmp_path: Path, packets: DeskPackets) -> None:
    """Grabs for a person to look at (kept under the test's folder)."""
    store = DeskStore.open(make_desk(tmp_path, packets), backups_root=tmp_path / "backups")
    window, view = review_page(qtbot, store)
    qtbot.wait(50)
    assert window.grab().save(str(tmp_path / "pane.png"))
    dialog = open_dialog(qtbot, view)
    qtbot.wait(50)
    assert dialog.grab().save(str(tmp_path / "dialog.png"))
    assert dialog.width() <= 1366 and dialog.height() <= 768
    dialog.reject()
    window.close()
    store.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_lost_key_is_replaced_only_when_asked_and_warned(
    qtbot, tmp_path: Path, packets: DeskPackets, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dqsa.export.identity import KEY_FILE, identity_folder

    path = make_desk(tmp_path, packets)
    with DeskStore.open(path, backups_root=tmp_path / "backups") as desk:
        packet = desk.counted_packet(VILLAGE, 2026)
        old = return_review(
            desk,
            packet.id,
            signer_name="王审核",
            signer_title="组织委员",
            passphrase=PASSPHRASE,
            out_dir=tmp_path,
        ).fingerprint
        owner = desk_owner(desk.signing().uid, DESK)
    (identity_folder(owner) / KEY_FILE).unlink()  # a new computer: the certificate came, the key did not
    store = DeskStore.open(path, backups_root=tmp_path / "backups")
    window, view = review_page(qtbot, store)
    out = tmp_path / "新身份"
    out.mkdir()
    dialog = open_dialog(qtbot, view)
    assert "找不到本台账的签署私钥" in dialog.identity_note.text()
    assert dialog.fingerprint.text() == "\n".join(fingerprint_lines(old))  # the one the centers know
    assert dialog.new_identity.isVisibleTo(dialog) and not dialog.new_identity.isChecked()
    retype(qtbot, dialog.folder, str(out))
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    sign(qtbot, dialog)
    assert "找不到本台账的签署私钥" in dialog.problem.message and unsent(out) == []

    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: asked.append(text) or next(answers))
    qtbot.mouseClick(dialog.new_identity, Qt.MouseButton.LeftButton)
    assert dialog.passphrase_again.isVisibleTo(dialog) and not dialog.fingerprint.isVisibleTo(dialog)
    type_text(qtbot, dialog.passphrase_again, PASSPHRASE)
    sign(qtbot, dialog)  # warned, and declined: nothing
    assert len(asked) == 1 and "新指纹" in asked[0] and unsent(out) == []
    assert store.signing().fingerprint == old
    sign(qtbot, dialog)  # warned, and accepted
    qtbot.waitUntil(lambda: view.return_message is not None and not running_jobs(), timeout=60000)
    new = store.signing()
    assert new.fingerprint != old and new.changes[-1].kind == "replaced"
    assert new.changes[-1].old_fingerprint == old
    assert all(line in view.return_message.text() for line in fingerprint_lines(new.fingerprint))
    view.return_message.accept()
    window.close()
    store.close()


def test_a_weak_first_passphrase_is_refused_in_the_desks_words(
    qtbot, tmp_path: Path, packets: DeskPackets
) -> None:
    store = DeskStore.open(make_desk(tmp_path, packets), backups_root=tmp_path / "backups")
    window, view = review_page(qtbot, store)
    dialog = open_dialog(qtbot, view)
    type_text(qtbot, dialog.title, "组织委员")
    type_text(qtbot, dialog.passphrase, "12345678")
    type_text(qtbot, dialog.passphrase_again, "12345678")
    retype(qtbot, dialog.folder, str(tmp_path))
    sign(qtbot, dialog)
    assert "不能全是数字" in dialog.problem.message and "各中心" in dialog.problem.message
    assert "上级" not in dialog.problem.message
    assert dialog.focusWidget() is dialog.passphrase and not running_jobs()
    assert identity_state(desk_owner(store.signing().uid, DESK)) == "none"
    dialog.reject()
    window.close()
    store.close()
