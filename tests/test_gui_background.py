"""A free GUI thread: photos, the export and verification run in the background; nothing is lost."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog
from shiboken6 import delete
from test_gui import first_run, jpeg_file, make_window, page, when_shown

from dqsa.ui import evidence_strip
from dqsa.ui.evidence_strip import EvidenceStrip
from dqsa.ui.worker import finish_running_jobs, run_in_background


def slow_prepare(monkeypatch, started: threading.Event, release: threading.Event) -> list[int]:
    """Make preparing a photo wait until the test lets it go; record the thread it ran on."""
    from dqsa.store import evidence

    threads: list[int] = []
    real = evidence.prepare_file

    def prepare(path: Path):
        threads.append(threading.get_ident())
        started.set()
        assert release.wait(10)
        return real(path)

    monkeypatch.setattr(evidence, "prepare_file", prepare)
    return threads


def test_photos_are_prepared_off_the_gui_thread(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = make_window(qtbot, tmp_path / "c.dqsa")
    first_run(qtbot, window, "照片中心")
    strip = next(s for s in page(window, "功能区设置").findChildren(EvidenceStrip) if s.target == "reception")
    started, release = threading.Event(), threading.Event()
    threads = slow_prepare(monkeypatch, started, release)
    strip.add_files([jpeg_file(tmp_path / "大照片.jpg", size=(4000, 3000))])
    assert started.wait(5)
    assert strip.busy and not strip.add_button.isEnabled()  # the window answers meanwhile
    assert "正在添加" in strip.add_button.text()
    release.set()
    qtbot.waitUntil(lambda: not strip.busy, timeout=10000)
    assert threads and threads[0] != threading.get_ident()
    assert strip.list.count() == 1 and strip.add_button.isEnabled()
    assert [e.original_name for e in window.store.evidence(window.session.year)] == ["大照片.jpg"]
    window.close()


def test_photos_are_kept_when_the_wizard_closes_meanwhile(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = make_window(qtbot, tmp_path / "c.dqsa")
    first_run(qtbot, window, "照片中心")
    year = window.session.year
    strip = next(s for s in page(window, "功能区设置").findChildren(EvidenceStrip) if s.target == "oath")
    started, release = threading.Event(), threading.Event()
    slow_prepare(monkeypatch, started, release)
    strip.add_files([jpeg_file(tmp_path / "宣誓区.jpg")])
    assert started.wait(5)
    threading.Timer(0.3, release.set).start()  # the window's wait processes no timers of its own
    window.close_assessment()  # 返回年度列表 while the photo is still being prepared
    # close_assessment waited for the photo (the year list may start its own scoring job after)
    assert [e.original_name for e in window.store.evidence(year, "zone", "oath")] == ["宣誓区.jpg"]
    window.close()


def test_closing_the_window_waits_for_running_work(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = make_window(qtbot, tmp_path / "c.dqsa")
    first_run(qtbot, window, "照片中心")
    year = window.session.year
    strip = next(s for s in page(window, "功能区设置").findChildren(EvidenceStrip) if s.target == "activity")
    started, release = threading.Event(), threading.Event()
    slow_prepare(monkeypatch, started, release)
    strip.add_files([jpeg_file(tmp_path / "活动区.jpg")])
    assert started.wait(5)
    assert not window.close()  # refused for now: the photo is not saved yet
    assert window.isVisible() and "完成后自动关闭" in window.statusBar().currentMessage()
    release.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)  # closes by itself when done
    from dqsa.store.service import CenterStore

    with CenterStore.open(window.store.path) as store:
        assert [e.original_name for e in store.evidence(year, "zone", "activity")] == ["活动区.jpg"]


def test_a_job_whose_widget_is_gone_still_runs_its_always_part(qtbot) -> None:
    owner = QObject()
    seen: list[str] = []
    gate = threading.Event()

    def work(_report) -> str:
        assert gate.wait(5)
        return "done"

    def save(result: str) -> None:
        seen.append(result)

    run_in_background(work, parent=owner, on_done=lambda r: seen.append("widget " + r), always=save)
    delete(owner)  # the page was rebuilt meanwhile
    gate.set()
    assert finish_running_jobs(10)
    assert seen == ["done"]  # saved, and no call into the deleted widget


def test_verification_runs_in_the_background_and_speaks_plainly(
    qtbot, tmp_path: Path, data_dir: Path, monkeypatch
) -> None:
    from dqsa.answers_file import load_answers_file
    from dqsa.export.packet import export_packet
    from dqsa.store.service import CenterStore
    from dqsa.ui.verification import verify_in_background

    path = tmp_path / "c.dqsa"
    with CenterStore.open(path, create=True) as store:
        store.import_answers(load_answers_file(data_dir / "village-weak.json"))
        result = export_packet(
            store, 2026, signer_name="张伟", signer_title="书记", passphrase="secret-2026", out_dir=tmp_path
        )
    window = make_window(qtbot, tmp_path / "other.dqsa")
    threads: list[int] = []
    from dqsa.export import verify

    real = verify.verify_packet
    monkeypatch.setattr(verify, "verify_packet", lambda p: threads.append(threading.get_ident()) or real(p))
    shown: list[str] = []

    def read(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, lambda: when_shown(QMessageBox, read))
    verify_in_background(window, result.path)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert threads and threads[0] != threading.get_ident()
    text = shown[0]
    assert "校验通过" in text
    assert re.search(r"签署时间：20\d\d年\d{1,2}月\d{1,2}日 \d\d:\d\d", text)
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d", text)  # no ISO time stamp left
    assert "huzhou-social-org 1.0.0" not in text and "湖州标准附录A" in text  # the pack by its title
    assert not [w for w in window.findChildren(QProgressDialog) if w.isVisible()]
    window.close()


def test_the_export_uses_the_one_background_helper() -> None:
    source = Path(evidence_strip.__file__).with_name("export_page.py").read_text(encoding="utf-8")
    assert "QThread" not in source and "run_in_background" in source


def test_a_new_signing_identity_is_made_off_the_gui_thread(
    qtbot, tmp_path: Path, data_dir: Path, monkeypatch
) -> None:
    from dqsa.answers_file import load_answers_file
    from dqsa.export import identity

    window = make_window(qtbot, tmp_path / "c.dqsa")
    answers = load_answers_file(data_dir / "village-weak.json")
    window.store.import_answers(answers)
    old = identity.create_identity(answers.center.name, "forgotten-one")
    threads: list[int] = []
    real = identity.create_identity
    monkeypatch.setattr(
        identity, "create_identity", lambda *a, **k: threads.append(threading.get_ident()) or real(*a, **k)
    )
    window.open_assessment(2026)
    window.wizard.show_export_page()
    export = window.wizard.export_page
    assert not export.passphrase_again.isVisibleTo(window)  # an identity exists: typed once
    export.new_identity.setChecked(True)  # forgotten: a new one, whose passphrase is typed twice
    assert export.passphrase_again.isVisibleTo(window)
    export.signer.setText("张伟")
    export.title.setText("书记")
    export.passphrase.setText("brand-new-1")
    export.passphrase_again.setText("brand-new-1")
    export.folder.setText(str(tmp_path))
    monkeypatch.setattr(export, "_confirm_missing", lambda: True)
    monkeypatch.setattr(export, "_confirm_replacement", lambda: True)
    with qtbot.waitSignal(export.exported, timeout=30000):
        export.start_export()
    assert threads and threads[0] != threading.get_ident()
    assert export.last_result.fingerprint != old.fingerprint
    assert not export.new_identity.isChecked()
    window.close()
