"""The window of the foundation: it opens and names the loaded packs."""

from __future__ import annotations

from dqsa.ui.app import PackOverviewWindow


def test_main_window_lists_the_packs(qtbot) -> None:
    window = PackOverviewWindow()
    qtbot.addWidget(window)
    window.show()
    text = window.centralWidget().text()
    assert "huzhou-social-org 1.0.0" in text
    assert "wenzhou-oujianghong 1.0.0" in text
    assert "党群服务中心" in window.windowTitle()
