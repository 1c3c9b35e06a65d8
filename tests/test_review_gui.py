"""Issue 16.2–16.3 in the center's window: 文件 → 导入审核结果, the year list's 审核 column, 复核得分 on
the review page, a year 退回补充 reopened for changes, the comparison with last year's reviewed scores."""

from __future__ import annotations

import gc
import shutil
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from review_loop import LoopFiles, build_loop

from dqsa.export import wording
from dqsa.settings import Settings
from dqsa.store.service import CenterStore
from dqsa.ui.main_window import MainWindow
from dqsa.ui.review import REVIEWED
from dqsa.ui.review_import import ReviewImportDialog


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    gc.collect()
    yield
    gc.collect()


@pytest.fixture(scope="module")
def loop(tmp_path_factory: pytest.TempPathFactory) -> LoopFiles:
    return build_loop(tmp_path_factory.mktemp("review-gui-loop"))


class Seen:
    """What the dialogs said (they are answered instead of waiting for a person)."""

    def __init__(self) -> None:
        #: Each import dialog's words, and its warning of a new desk certificate (None without one).
        self.asked: list[str] = []
        self.warnings: list[str | None] = []
        self.boxes: list[tuple[str, str]] = []


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Seen:
    found = Seen()

    def box_exec(box: QMessageBox) -> int:
        found.boxes.append((box.text(), box.informativeText()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    return found


def answer_import(monkeypatch: pytest.MonkeyPatch, seen: Seen, *, tick: bool, accept: bool) -> None:
    def exec_(dialog: ReviewImportDialog) -> int:
        seen.asked.append("\n".join(label.text() for label in dialog.findChildren(QLabel)))
        warning = dialog.findChild(QLabel, "deskChangeWarning")
        seen.warnings.append(warning.text() if warning is not None else None)
        if tick and dialog.accept_box is not None:
            assert not dialog.import_button.isEnabled()  # nothing accepted without the tick
            dialog.accept_box.setChecked(True)
        if accept and dialog.import_button.isEnabled():
            return int(QDialog.DialogCode.Accepted)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ReviewImportDialog, "exec", exec_)


def window_on(qtbot, loop: LoopFiles, folder: Path) -> MainWindow:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "本中心 副本.dqsa"
    shutil.copyfile(loop.center, path)
    window = MainWindow(CenterStore.open(path, backups_root=folder / "b"), Settings(), ask_first_run=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    return window


#: What the year list says once a year's result is in (tests/review_loop.py: 2025 通过, 2026 退回补充).
LISTED = {2025: "审核：通过", 2026: "审核：退回补充"}


def imported(qtbot, window: MainWindow, path: Path, year: int) -> None:
    window.import_review(path)
    qtbot.waitUntil(lambda: window.store.review(year) is not None, timeout=20000)
    # The list is redrawn after the import: "审核：待审核" stands there until then.
    qtbot.waitUntil(lambda: cell(window, year, "上级审核") == LISTED[year], timeout=10000)


def cell(window: MainWindow, year: int, header: str) -> str:
    table = window.home.ui.assessmentTable
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    row = [table.item(r, 0).text() for r in range(table.rowCount())].index(str(year))
    return table.item(row, headers.index(header)).text()


def test_import_shows_the_desk_and_fingerprint_then_the_list_and_review_page_show_it(
    qtbot, loop: LoopFiles, tmp_path: Path, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, loop, tmp_path)
    assert cell(window, 2026, "上级审核") == "审核：待审核"  # sent, no result yet
    answer_import(monkeypatch, seen, tick=False, accept=True)
    imported(qtbot, window, loop.result_2026, 2026)
    (words,) = seen.asked
    assert "某街道社会组织综合党委" in words and "第一次导入" in words and "退回补充" in words
    for line in wording.fingerprint_lines(loop.fingerprint):
        assert line in words  # in groups of four, never broken inside a group
    assert any("已导入 2026 年度审核结果" in text for text, _ in seen.boxes)
    imported(qtbot, window, loop.result_2025, 2025)
    assert (
        cell(window, 2026, "上级审核") == "审核：退回补充" and cell(window, 2025, "上级审核") == "审核：通过"
    )
    assert len(seen.asked) == 2 and "与本中心登记的相同" in seen.asked[1] and seen.warnings == [None, None]

    window.open_assessment(2026)
    wizard = window.wizard
    assert "退回补充" in wizard.banner.label.text() and "请补充接待区的照片" in wizard.banner.label.text()
    assert wizard.banner.reopen_button.text().startswith("按审核意见修改（需重新报送）")
    page = wizard.review
    wizard.go_to(wizard.ui.pageStack.indexOf(page))
    assert not page.ui.itemTree.isColumnHidden(REVIEWED)
    assert page.ui.itemTree.headerItem().text(REVIEWED) == "复核得分"
    row = page._items[loop.item_id]
    assert row.text(REVIEWED).startswith("0 / ") and loop.reason in row.toolTip(REVIEWED)
    assert loop.reason in row.text(4)  # the reason beside the explanation
    assert page.review_label.isVisible() and "复核得分合计 95.5" in page.review_label.text()
    assert "王审核" in page.review_label.text()
    tip = page.review_label.toolTip()  # the whole review; the comment is in the banner above, too
    assert "某街道社会组织综合党委" in tip and "组织委员" in tip and "请补充接待区的照片" in tip
    window.grab().save(str(tmp_path / "review-page.png"))
    window.close()


def test_a_returned_year_is_reopened_with_the_reviewers_reason(
    qtbot, loop: LoopFiles, tmp_path: Path, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dqsa.domain.status import AssessmentStatus
    from dqsa.ui.sent_banner import ReopenDialog

    window = window_on(qtbot, loop, tmp_path)
    answer_import(monkeypatch, seen, tick=False, accept=True)
    imported(qtbot, window, loop.result_2026, 2026)
    asked: list[str] = []

    def reopen_exec(dialog: ReopenDialog) -> int:
        asked.append(dialog.findChildren(type(dialog.reason))[0].text())
        assert dialog.confirm.text().startswith("按审核意见修改")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ReopenDialog, "exec", reopen_exec)
    window.open_assessment(2026)
    window.wizard.banner.reopen_button.click()
    assert asked == ["按上级审核意见补充修改（退回补充）"]
    store = window.store
    assert store.summary(2026).status is AssessmentStatus.REOPENED
    reopened = [c for c in store.history(2026) if isinstance(c.new_value, dict) and "reopened" in c.new_value]
    assert reopened[-1].new_value["reopened"] == "按上级审核意见补充修改（退回补充）"
    assert store.review(2026).outdated  # the result now refers to the version sent
    window.close()


def test_another_desk_needs_the_tick_and_cancelling_keeps_nothing(
    qtbot, loop: LoopFiles, tmp_path: Path, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, loop, tmp_path)
    answer_import(monkeypatch, seen, tick=False, accept=True)
    imported(qtbot, window, loop.result_2025, 2025)
    other = "AB:CD:" * 15 + "AB:CD"
    with sqlite3.connect(window.store.path) as raw:  # as if an earlier desk's certificate had been pinned
        raw.execute("UPDATE review_desk SET fingerprint = ?", (other,))
    raw.close()
    before = window.store.reviewer_history()
    answer_import(monkeypatch, seen, tick=False, accept=True)  # the person does not tick: not importable
    window.import_review(loop.result_2026)
    qtbot.waitUntil(lambda: len(seen.asked) == 2, timeout=20000)
    warning = seen.warnings[1]
    assert warning is not None
    for fingerprint in (other, loop.fingerprint):
        assert wording.fingerprint_lines(fingerprint)[0] in warning
    qtbot.wait(200)
    assert window.store.review(2026) is None and window.store.reviewer_history() == before
    answer_import(monkeypatch, seen, tick=True, accept=True)
    imported(qtbot, window, loop.result_2026, 2026)
    history = window.store.reviewer_history()
    assert history[-1].kind == "accepted" and history[-1].old_fingerprint == other
    window.close()


def test_a_changed_byte_is_refused_in_words_and_nothing_is_stored(
    qtbot, loop: LoopFiles, tmp_path: Path, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, loop, tmp_path)
    answer_import(monkeypatch, seen, tick=False, accept=True)
    data = bytearray(loop.result_2026.read_bytes())
    data[len(data) // 2] ^= 0x20
    damaged = tmp_path / "审核结果 改过.zip"
    damaged.write_bytes(bytes(data))
    window.import_review(damaged)
    qtbot.waitUntil(lambda: bool(seen.boxes), timeout=20000)
    headline, details = seen.boxes[0]
    assert headline.startswith("没有导入：审核结果被改动过或已损坏") and details
    assert not seen.asked and window.store.review(2026) is None and window.store.pinned_reviewer() is None
    assert cell(window, 2026, "上级审核") == "审核：待审核"
    window.close()


def test_the_comparison_can_use_last_years_reviewed_scores(
    qtbot, loop: LoopFiles, tmp_path: Path, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dqsa.ui.comparison_view import ComparisonDialog

    window = window_on(qtbot, loop, tmp_path)
    dialog = ComparisonDialog(window.store, window)
    qtbot.addWidget(dialog)
    assert not dialog.reviewed_old.isEnabled()  # no result for 2025 yet
    dialog.close()
    answer_import(monkeypatch, seen, tick=False, accept=True)
    imported(qtbot, window, loop.result_2025, 2025)
    dialog = ComparisonDialog(window.store, window)
    qtbot.addWidget(dialog)
    own = dialog.comparison.old_total
    assert dialog.reviewed_old.isEnabled() and dialog.comparison.old_total == dialog.comparison.new_total
    dialog.reviewed_old.setChecked(True)
    review = window.store.review(2025)
    assert dialog.comparison.old_total == review.total_reviewed < own
    assert dialog.table.horizontalHeaderItem(1).text() == "2025 年（复核）"
    assert "2025（复核）" in dialog.summary.text() and dialog.chart.years[0] == "2025（复核）"
    item = next(i for i in dialog.comparison.items if i.item_id == loop.item_id)
    assert item.old_score == Decimal(0) and item.trend == "improved"
    dialog.reviewed_old.setChecked(False)
    assert dialog.comparison.old_total == own
    window.close()
