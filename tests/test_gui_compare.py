"""An honest comparison: the chart always matches the chosen pair; the domain's words for trends."""

from __future__ import annotations

from pathlib import Path

from dqsa.store.service import CenterStore
from dqsa.ui.comparison_view import ComparisonDialog, trend_label


def demo_dialog(qtbot, tmp_path: Path) -> ComparisonDialog:
    from dqsa.demo import build_demo_file

    store = CenterStore.open(build_demo_file(tmp_path / "demo"))
    dialog = ComparisonDialog(store)
    qtbot.addWidget(dialog)
    return dialog


def test_an_invalid_pair_clears_the_chart_and_a_valid_one_redraws_it(qtbot, tmp_path: Path) -> None:
    dialog = demo_dialog(qtbot, tmp_path)
    assert dialog.chart.rows and dialog.table.rowCount() > 0 and dialog.summary.text()
    dialog.old_year.setCurrentIndex(dialog.old_year.findData(2026))  # 2026 → 2026: not a pair
    assert dialog.chart.rows == [] and dialog.chart.years == ("", "")
    assert dialog.table.rowCount() == 0 and dialog.facts.count() == 0 and dialog.summary.text() == ""
    assert "请选择两个不同的年度" in dialog.problem.text()
    picture = dialog.chart.grab()  # paints without the old bars (and without failing)
    assert not picture.isNull()
    dialog.old_year.setCurrentIndex(dialog.old_year.findData(2025))
    assert dialog.chart.years == ("2025", "2026") and dialog.chart.rows
    assert dialog.table.rowCount() > 0 and dialog.problem.text() == ""
    dialog.store.close()


def test_trends_are_worded_by_the_domain_and_items_by_the_standard(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from dqsa.domain import comparison

    monkeypatch.setitem(comparison.TREND_LABELS, "improved", "提高了")
    monkeypatch.setitem(comparison.TREND_LABELS, "unanswered", "未填写")
    assert trend_label("unanswered") == "未填写"  # a trend the window does not know by name
    dialog = demo_dialog(qtbot, tmp_path)
    trends = {dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())}
    assert "提高了" in trends
    assert "提高了" in dialog.summary.text()
    first = dialog.table.item(0, 0)
    assert first.text().startswith("表A.1 · ") and "A1." in first.toolTip()
    assert dialog.visible_rows()[0] == dialog.comparison.items[0].item_id
    dialog.store.close()
