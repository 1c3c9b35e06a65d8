"""Improvement measures at a glance: which items below full marks have one, and a way to write the rest."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_gui import make_window, page, saved, type_text

from dqsa.ui.review import MEASURE


def open_weak_year(qtbot, tmp_path: Path, data_dir: Path):
    from dqsa.answers_file import load_answers_file

    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    window.open_assessment(2026)
    return window


def test_the_review_page_shows_which_measures_are_missing(qtbot, tmp_path: Path, data_dir: Path) -> None:
    window = open_weak_year(qtbot, tmp_path, data_dir)
    card = window.store.scorecard(2026)
    below, missing = card.below_full, card.without_measures
    written = len(below) - len(missing)
    assert missing and written == 1  # the example has one measure so far
    review = page(window, "评分总览")
    assert f"还缺 {len(missing)} 项" in review.ui.summaryLabel.text()
    assert review._items[missing[0]].text(MEASURE) == "待填写"
    full = next(r.item_id for r in card.items() if not r.below_full)
    assert review._items[full].text(MEASURE) == ""  # full marks: nothing to write
    qtbot.mouseClick(review.ui.nextMissingButton, Qt.MouseButton.LeftButton)
    first = review.ui.itemTree.currentItem().data(0, Qt.ItemDataRole.UserRole)
    assert first == missing[0]
    assert QApplication.focusWidget() is review.ui.actionEdit  # ready to type the measure
    type_text(qtbot, review.ui.actionEdit, "年底前完成整改")
    saved(qtbot, window)
    assert review._items[first].text(MEASURE) == "已填写"
    assert f"已填写改进措施 {written + 1} 项，还缺 {len(missing) - 1} 项" in review.ui.summaryLabel.text()
    qtbot.mouseClick(review.ui.nextMissingButton, Qt.MouseButton.LeftButton)
    assert review.ui.itemTree.currentItem().data(0, Qt.ItemDataRole.UserRole) == missing[1]
    window.close()


def test_the_export_page_counts_missing_measures_and_leads_to_them(
    qtbot, tmp_path: Path, data_dir: Path
) -> None:
    window = open_weak_year(qtbot, tmp_path, data_dir)
    card = window.store.scorecard(2026)
    window.wizard.show_export_page()
    export = window.wizard.export_page
    text = export.measures.text()
    below, missing = len(card.below_full), len(card.without_measures)
    assert f"未得满分 {below} 项，已填写 {below - missing} 项，还缺 {missing} 项：表A.1 · " in text
    assert export.measures_button.isVisibleTo(window)
    qtbot.mouseClick(export.measures_button, Qt.MouseButton.LeftButton)
    review = page(window, "评分总览")
    assert window.wizard.ui.pageStack.currentWidget() is review
    assert review.ui.itemTree.currentItem().data(0, Qt.ItemDataRole.UserRole) == card.without_measures[0]
    for item_id in card.without_measures:
        window.store.set_item_text(2026, item_id, "corrective_actions", "整改")
    window.session.rescore()
    assert "全部填写了" in export.measures.text()
    assert not export.measures_button.isVisibleTo(window)
    window.close()
