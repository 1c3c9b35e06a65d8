"""The desk window driven as a reviewer would: a new desk, a roster, a folder dropped, a held identity
accepted with a reason, filters and sorting, a review typed fast, closed and reopened."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from desk_packets import DeskPackets, desk_packets
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from test_gui import type_text

from dqsa.settings import Settings
from dqsa.store.desk.service import DeskStore
from dqsa.ui.desk.receiving import HeldIdentityDialog, ReceiptSummary
from dqsa.ui.desk.window import DeskWindow

VILLAGE = "安吉县递铺街道某村（社区）党群服务中心"
CITY = "湖州市社会组织党群服务中心"
WENZHOU = "瓯海区某社区瓯江红党群服务中心"
TOWNSHIP = "吴兴区某街道社会组织党群服务中心"


@pytest.fixture(scope="session")
def packets(tmp_path_factory: pytest.TempPathFactory) -> DeskPackets:
    return desk_packets(tmp_path_factory)


def drop(window: DeskWindow, *paths: Path) -> None:
    """Drop files and folders on the window, as from a file manager."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


class Shown:
    """What a receipt summary showed."""

    def __init__(self, dialog: ReceiptSummary) -> None:
        self.outcomes = dialog.outcomes()
        self.heading = dialog.heading.text()
        self.identity_button = not dialog.identity_button.isHidden()
        self.current_row = dialog.table.currentRow()
        self.messages = [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())]


def summaries(monkeypatch) -> list[Shown]:
    """The receipt summaries the window shows (recorded instead of waiting for a click)."""
    shown: list[Shown] = []

    def record(dialog: ReceiptSummary) -> int:
        shown.append(Shown(dialog))
        return 0

    monkeypatch.setattr(ReceiptSummary, "exec", record)
    return shown


def rows(window: DeskWindow) -> list[str]:
    """The center names as listed now (sorted and filtered)."""
    proxy = window.overview.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def new_desk_window(qtbot, tmp_path: Path, monkeypatch) -> DeskWindow:
    """文件 → 新建上级审核台账… from a desk window, answering its two questions."""
    window = DeskWindow(None, Settings())
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "审核 台账" / "某街道 2026.dqsd"
    target.parent.mkdir()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  某街道社会组织综合党委 ", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target.with_suffix("")), ""))
    window.choose_new_desk()
    from dqsa.ui.desk.opening import desk_windows

    opened = [w for w in desk_windows() if w.store is not None]
    assert len(opened) == 1
    desk_window = opened[0]
    qtbot.addWidget(desk_window)
    assert desk_window.store.path == target  # the suffix added
    assert desk_window.overview.ui.deskLabel.text() == "某街道社会组织综合党委"
    assert desk_window.overview.empty_hint.isVisibleTo(desk_window)
    return desk_window


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_reviewer_receives_checks_an_identity_filters_reviews_and_finds_everything_kept(
    qtbot, tmp_path: Path, packets: DeskPackets, monkeypatch
) -> None:
    window = new_desk_window(qtbot, tmp_path, monkeypatch)
    path = window.store.path

    # the roster, from a CSV as Excel saves it
    roster = tmp_path / "名册.csv"
    roster.write_text(
        "名称,级别,地区\n"
        f"{VILLAGE},村(社区),湖州市安吉县\n{CITY},市级,浙江省湖州市\n{WENZHOU},村(社区),温州市瓯海区\n"
        "没有报送的村党群服务中心,村(社区),湖州市安吉县\n",
        encoding="utf-8-sig",
    )
    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    window.overview.ui.rosterButton.click()
    assert told and "新增 4 个" in told[-1]
    assert "没有报送的村党群服务中心" in window.overview.ui.missingLabel.text()

    # a folder of packets dropped on the window: accepted, held, refused, duplicate, skipped
    inbox = tmp_path / "收件箱" / "十一月"
    for name in ("village", "city", "wenzhou", "forged", "tampered"):
        packets.copy(name, inbox)
    shutil.copyfile(packets.village, inbox / "又发了一次.zip")
    (inbox / "说明.txt").write_text("见附件", encoding="utf-8")
    shown = summaries(monkeypatch)
    drop(window, inbox.parent)
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    summary = shown[0]
    outcomes = summary.outcomes
    assert outcomes.count("已接收") == 3
    assert outcomes.count("重复（已有）") == 1
    assert outcomes.count("暂扣：身份待核实") == 1
    assert outcomes.count("拒收") == 1
    assert outcomes.count("已跳过") == 1
    assert "拒收 1 个" in summary.heading and "暂扣：身份待核实 1 个" in summary.heading
    assert summary.identity_button
    assert "停止" not in summary.heading  # closing the progress dialog is not a stop asked for
    assert summary.current_row == outcomes.index("暂扣：身份待核实")  # selected first, for 核实身份
    assert summary.messages[outcomes.index("拒收")]  # with the verifier's reason

    # the held identity: both fingerprints shown, accepted only with a reason (recorded)
    held = window.store.held_packets()[0]
    dialog = HeldIdentityDialog(window.store, held.id, window, reviewer="李明")
    assert not dialog.accept_button.isEnabled()  # no reason, no acceptance
    known = window.store.find_center(VILLAGE).fingerprints[0]
    assert known.replace(":", "")[:4] in dialog.old_label.text().replace(" ", "")
    assert held.fingerprint.replace(":", "")[:4] in dialog.new_label.text().replace(" ", "")
    type_text(qtbot, dialog.reason, "电话核对新指纹一致")
    assert dialog.accept_button.isEnabled()
    dialog.accept_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    window.overview.refresh()
    assert not window.store.held_packets()
    identities = window.store.find_center(VILLAGE).identities
    assert any(
        i.how == "accepted" and i.reason == "电话核对新指纹一致" and i.accepted_by == "李明"
        for i in identities
    )

    # the list: one standard at a time, filtered, sorted by the numbers
    overview = window.overview
    standards = [overview.ui.standardCombo.itemText(i) for i in range(overview.ui.standardCombo.count())]
    assert len(standards) == 2 and overview.ui.standardCombo.isEnabled()
    huzhou = next(i for i, t in enumerate(standards) if "湖州" in t)
    overview.ui.standardCombo.setCurrentIndex(huzhou)
    assert sorted(rows(window)) == sorted([VILLAGE, CITY])
    headers = [
        overview.model.headerData(c, Qt.Orientation.Horizontal) for c in range(overview.model.columnCount())
    ]
    assert any(h.startswith("A1") for h in headers) and any(h.startswith("A2") for h in headers)
    total = headers.index("合计")
    overview.ui.centerTable.sortByColumn(total, Qt.SortOrder.DescendingOrder)
    assert rows(window) == [CITY, VILLAGE]  # the city scores higher
    totals = [float(overview.proxy.index(r, total).data()) for r in range(2)]
    assert totals == sorted(totals, reverse=True)
    region = overview.ui.regionCombo
    region.setCurrentIndex(region.findText("湖州市安吉县"))
    assert rows(window) == [VILLAGE]
    region.setCurrentIndex(0)
    overview.ui.reviewCombo.setCurrentIndex(overview.ui.reviewCombo.findData("passed"))
    assert rows(window) == []
    overview.ui.reviewCombo.setCurrentIndex(0)
    wenzhou = next(i for i, t in enumerate(standards) if "温州" in t)
    overview.ui.standardCombo.setCurrentIndex(wenzhou)
    assert rows(window) == [WENZHOU]
    checklist = [
        overview.model.headerData(c, Qt.Orientation.Horizontal) for c in range(overview.model.columnCount())
    ]
    assert "合计" not in checklist and [h[0] for h in checklist[5:8]] == ["B", "F", "R"]
    assert overview.proxy.index(0, checklist.index("符合率")).data().endswith("%")  # a share, never points
    overview.ui.standardCombo.setCurrentIndex(huzhou)

    # a review, typed fast: an invalid score saves nothing, a different one needs a reason
    overview.ui.centerTable.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    village = window.store.counted_packet(VILLAGE, 2026)
    window.open_review(village.id)
    view = window.review_view
    assert window.stack.currentWidget() is view
    qtbot.mouseClick(view.ui.returnedRadio, Qt.MouseButton.LeftButton)
    view.ui.commentEdit.setFocus()
    type_text(qtbot, view.ui.commentEdit, "请补充活动记录")
    item_id = next(i for i, r in view.sheet.items() if r.entry == "scored" and r.max_points >= 2)
    view.ui.itemTree.setCurrentItem(view._items[item_id])
    qtbot.keyClicks(view.score.edit, "1x")  # at full speed: a half-typed number
    qtbot.waitUntil(
        lambda: not window.autosaver.has_pending() or "请输入数字" in view.item_problem.text(), timeout=3000
    )
    assert "请输入数字" in view.item_problem.text()
    window.autosaver.flush()
    assert window.store.review(village.id).items == {}  # nothing from "1x"
    view.score.edit.clear()
    different = view.sheet[item_id].score - 1 if view.sheet[item_id].score >= 1 else Decimal(1)
    qtbot.keyClicks(view.score.edit, format(different.normalize(), "f"))
    window.autosaver.flush()
    assert "理由" in view.item_problem.text()  # refused without a reason, said beside the field
    assert item_id not in window.store.review(village.id).items
    type_text(qtbot, view.ui.reasonEdit, "现场查看缺少台账")
    window.autosaver.flush()
    saved = window.store.review(village.id)
    assert saved.items[item_id].score == different and saved.items[item_id].reason == "现场查看缺少台账"
    assert view.item_problem.text() == ""
    assert "复核合计" in view.ui.totalsLabel.text()
    view.ui.backButton.click()
    assert window.stack.currentWidget() is overview
    row = overview.model.rows[overview.model.row_of_packet(village.id)]
    assert row.review_state.value == "returned" and row.reviewed_total is not None

    # closed and opened again: everything is kept
    window.close()
    assert not any(p.name.endswith(("-wal", "-shm", ".lock")) for p in path.parent.iterdir())
    again = DeskWindow(DeskStore.open(path), Settings())
    qtbot.addWidget(again)
    review = again.store.review(village.id)
    assert review.state.value == "returned" and review.comment == "请补充活动记录"
    assert review.items[item_id].reason == "现场查看缺少台账"
    assert not again.store.held_packets()
    assert "没有报送的村党群服务中心" in again.overview.ui.missingLabel.text()
    again.close()


def test_a_desk_given_on_the_command_line_opens_the_desk_window(monkeypatch, tmp_path: Path) -> None:
    from dqsa import cli

    seen: dict[str, object] = {}
    monkeypatch.setattr("dqsa.ui.app.run_gui", lambda **kwargs: seen.update(kwargs) or 0)
    assert cli.main([str(tmp_path / "镇 台账.dqsd")]) == 0
    assert seen["file"] == tmp_path / "镇 台账.dqsd"
    assert cli.main(["--demo-desk"]) == 0
    assert seen["demo_desk"] is True


def test_the_report_opens_in_the_viewer_or_says_where_it_is(
    qtbot, tmp_path: Path, packets: DeskPackets, monkeypatch
) -> None:
    from dqsa.export.receive import receive_packet
    from dqsa.ui.desk.viewers import PhotoDialog, open_report

    store = DeskStore.create(tmp_path / "d.dqsd", "某街道")
    receive_packet(store, packets.village_resigned)
    window = DeskWindow(store, Settings())
    qtbot.addWidget(window)
    packet = store.counted_packet(VILLAGE, 2026)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    path = open_report(window, store, packet.id)
    assert path is not None and opened == [str(path)]
    assert path.read_bytes()[:5] == b"%PDF-" and not path.stat().st_mode & 0o222  # read-only copy
    told: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # no PDF viewer on this computer
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    again = open_report(window, store, packet.id)
    assert again == path and told and str(path) in told[0] and "PDF" in told[0]
    photos = PhotoDialog(store, packet.id, window)
    assert photos.strip.count() == 2 and not photos.picture.original.isNull()
    photos.close()
    window.close()
    assert not path.exists()  # the temporary copies go with the window


def test_the_demo_desk_opens_with_both_standards_a_held_identity_and_a_missing_center(
    qtbot, tmp_path_factory: pytest.TempPathFactory, monkeypatch
) -> None:
    from dqsa.demo_desk import build_demo_desk

    cache = tmp_path_factory.getbasetemp() / "demo-desk-cache"
    path = build_demo_desk(tmp_path_factory.mktemp("demo"), cache=cache)
    window = DeskWindow(DeskStore.open(path), Settings(), demo=True)
    qtbot.addWidget(window)
    overview = window.overview
    assert overview.ui.yearCombo.count() == 2
    titles = [overview.ui.standardCombo.itemText(i) for i in range(overview.ui.standardCombo.count())]
    assert any("湖州" in t for t in titles) and any("温州" in t for t in titles)
    assert "示例" in window.windowTitle()
    assert len(window.store.held_packets()) == 1
    assert "茶山村党群服务中心" in overview.ui.missingLabel.text()
    assert {r.review_state.value for r in overview.model.rows} >= {"passed", "returned", "problem"}
    overview.ui.tabs.setCurrentWidget(overview.ui.dashboardTab)
    assert overview.dashboard is not None and overview.dashboard.histogram.bands
    assert overview.dashboard.weakest.rows and overview.dashboard.parts.rows
    window.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_center_window_makes_and_opens_desks_and_recent_lists_both_kinds(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from test_gui import make_window

    from dqsa.ui.desk.opening import desk_windows

    center = make_window(qtbot, tmp_path / "本中心.dqsa")
    target = tmp_path / "镇 台账.dqsd"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("某镇社会组织综合党委", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    new_desk = next(
        a for a in center.menuBar().actions()[0].menu().actions() if "新建上级审核台账" in a.text()
    )
    new_desk.trigger()
    opened = [w for w in desk_windows() if w.store is not None and w.store.path == target]
    assert len(opened) == 1 and opened[0] is not center
    desk = opened[0]
    qtbot.addWidget(desk)
    assert str(target) in center.settings.recent_files  # the same list as the center file's
    center._fill_recent()
    labels = [a.text() for a in center.recent_menu.actions()]
    assert any(t.startswith("审核台账：") and t.endswith(str(target)) for t in labels)
    assert any(t.startswith("中心文件：") for t in labels)
    desk.close()
    # 打开… in the center's window: the dialog offers both kinds; a desk opens in a desk window
    offered: list[str] = []

    def choose(_parent, _title, _folder, filters):
        offered.append(filters)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    next(a for a in center.menuBar().actions()[0].menu().actions() if a.text().startswith("打开(")).trigger()
    assert "*.dqsa" in offered[0] and "*.dqsd" in offered[0]
    again = [w for w in desk_windows() if w.store is not None and w.store.path == target]
    assert len(again) == 1
    qtbot.addWidget(again[0])
    assert center.store.path.name == "本中心.dqsa"  # the center's window keeps its file
    again[0].close()
    center.close()


def test_a_read_only_desk_can_be_read_but_not_changed(
    qtbot, tmp_path: Path, packets: DeskPackets, monkeypatch
) -> None:
    from dqsa.export.receive import receive_packet

    store = DeskStore.create(tmp_path / "d.dqsd", "某街道")
    receive_packet(store, packets.city)
    monkeypatch.setattr(DeskStore, "read_only", property(lambda _self: "文件所在的文件夹不允许写入（测试）"))
    window = DeskWindow(store, Settings())
    qtbot.addWidget(window)
    overview = window.overview
    assert overview.read_only_banner.isVisibleTo(window) and "不允许写入" in overview.read_only_banner.text()
    assert not overview.ui.receiveButton.isEnabled() and not overview.ui.rosterButton.isEnabled()
    assert not window.receive_action.isEnabled()
    drop(window, packets.village)  # nothing happens: no worker, no summary
    assert not window.store.list_rows(2026)[0].name.startswith("安吉")
    assert len(window.store.list_rows(2026)) == 1
    window.open_review(store.counted_packet(CITY, 2026).id)
    view = window.review_view
    assert view.banner.isVisibleTo(window) and not view.ui.passedRadio.isEnabled()
    assert not view.score.isEnabled() and not view.ui.commentEdit.isEnabled()
    assert view.ui.reportButton.isEnabled()  # reading is still possible
    window.close()


def test_the_roll_up_workbook_and_report_are_written_in_the_background(
    qtbot, tmp_path: Path, packets: DeskPackets, monkeypatch
) -> None:
    from openpyxl import load_workbook

    from dqsa.export.receive import receive_packet
    from dqsa.ui.desk import outputs
    from dqsa.ui.worker import running_jobs

    store = DeskStore.create(tmp_path / "d.dqsd", "某街道社会组织综合党委")
    for name in ("village", "city", "wenzhou"):
        receive_packet(store, getattr(packets, name))
    window = DeskWindow(store, Settings())
    qtbot.addWidget(window)
    out = tmp_path / "汇总 输出"
    out.mkdir()
    written: list[Path] = []
    monkeypatch.setattr(outputs, "_written", lambda _parent, _title, path: written.append(path))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _p, _t, suggested, _f: (str(out / Path(suggested).stem), "")
    )
    window.overview.ui.workbookButton.click()
    qtbot.waitUntil(lambda: bool(written) and not running_jobs(), timeout=60000)
    workbook = written[0]
    assert workbook.suffix == ".xlsx" and "某街道社会组织综合党委-2026年度汇总表" in workbook.name
    assert len(load_workbook(workbook).sheetnames) >= 2  # the two standards apart
    window.overview.ui.reportButton.click()
    qtbot.waitUntil(lambda: len(written) == 2 and not running_jobs(), timeout=120000)
    assert written[1].suffix == ".pdf" and written[1].read_bytes()[:5] == b"%PDF-"
    # a folder that cannot be written: said in words, nothing left behind
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "没有这个文件夹" / "x" / "汇总.xlsx"), "")
    )
    (tmp_path / "没有这个文件夹").write_text("一个文件，不是文件夹", encoding="utf-8")
    window.overview.ui.workbookButton.click()
    qtbot.waitUntil(lambda: bool(told) and not running_jobs(), timeout=60000)
    assert "没有完成" in told[0]
    window.close()


def test_dqsa_with_a_desk_file_starts_on_the_desk_window(tmp_path: Path, private_home: Path) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "镇 台账.dqsd"
    DeskStore.create(path, "某镇社会组织综合党委").close()
    env = {
        **os.environ,
        "DQSA_EXIT_AFTER_LOAD": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "DQSA_HOME": str(private_home),
    }
    run = subprocess.run(
        [sys.executable, "-m", "dqsa", str(path), "--no-err-windows"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "dqsa-startup: desk open" in run.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "dqsa", str(tmp_path / "没有.dqsd"), "--no-err-windows"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 1 and "找不到" in missing.stderr and "Traceback" not in missing.stderr


def test_a_name_taken_first_by_someone_else_is_set_right_from_the_identity_check(
    qtbot, tmp_path: Path, packets: DeskPackets
) -> None:
    from dqsa.export.receive import receive_packet

    store = DeskStore.create(tmp_path / "d.dqsd", "某街道")
    receive_packet(store, packets.forged)  # the forger's packet came first and pinned the name
    receive_packet(store, packets.village)  # the center's own: held
    window = DeskWindow(store, Settings())
    qtbot.addWidget(window)
    held = store.held_packets()[0]
    forger = store.find_center(VILLAGE).fingerprints[0]
    dialog = HeldIdentityDialog(store, held.id, window, reviewer="李明")
    assert dialog.forged.isVisibleTo(dialog) and not dialog.forged.isChecked()  # never assumed
    type_text(qtbot, dialog.reason, "电话核对：原来那个不是我们中心的")
    dialog.forged.setChecked(True)
    dialog.accept_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    counted = store.counted_packet(VILLAGE, 2026)
    assert counted.id == held.id and counted.fingerprint != forger
    assert forger not in store.find_center(VILLAGE).fingerprints
    assert [p.fingerprint for p in store.held_packets()] == [forger]  # the forger's packet no longer counts
    window.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_help_opens_the_demo_desk_behind_a_progress_dialog(
    qtbot, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch
) -> None:
    from test_gui import make_window

    from dqsa import demo_desk
    from dqsa.ui.desk.opening import desk_windows
    from dqsa.ui.worker import running_jobs

    cache = tmp_path_factory.getbasetemp() / "demo-desk-cache"  # shared with the other demo tests
    monkeypatch.setattr(demo_desk, "cache_folder", lambda: cache)
    center = make_window(qtbot, tmp_path / "本中心.dqsa")
    help_menu = center.menuBar().actions()[-1].menu()
    next(a for a in help_menu.actions() if "示例审核台账" in a.text()).trigger()
    qtbot.waitUntil(lambda: bool(desk_windows()) and not running_jobs(), timeout=180000)
    desk = desk_windows()[0]
    qtbot.addWidget(desk)
    assert desk.demo and "示例" in desk.windowTitle()
    assert str(desk.store.path) not in center.settings.recent_files  # a temporary copy is not offered again
    assert (desk.store.path.parent / "backups").is_dir()  # its backups stay beside it, not among the user's
    desk.close()
    center.close()
