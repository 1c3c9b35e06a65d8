"""Readable: a text size for every window, remembered; Ctrl+C closes the program as a close does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from test_gui import make_window, page

from dqsa.settings import Settings, load_settings
from dqsa.ui.textsize import apply_text_scale, base_font, current_scale


@pytest.fixture
def normal_text_size():
    """Every test leaves the (shared) application at 100 %."""
    yield
    apply_text_scale(100)


def point_size(widget) -> float:
    return widget.font().pointSizeF()


@pytest.mark.usefixtures("normal_text_size")
def test_the_text_size_applies_to_every_window_at_once_and_is_remembered(
    qtbot, tmp_path: Path, data_dir: Path
) -> None:
    from dqsa.answers_file import load_answers_file
    from dqsa.ui.comparison_view import ComparisonDialog

    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    window.open_assessment(2026)
    base = base_font().pointSizeF()
    site = page(window, "场地与标识")
    title, field = site.ui.titleLabel, site.builder.fields["facts.area_m2"]
    other = ComparisonDialog(window.store, window)  # another window, open already
    qtbot.addWidget(other)
    before = (point_size(title), point_size(field.edit), point_size(other))
    action = window.text_size_actions[150]
    assert action.text().endswith("(&3)")
    action.trigger()
    assert current_scale() == 150 and window.text_size_actions[150].isChecked()
    assert point_size(field.edit) == pytest.approx(base * 1.5)
    assert point_size(other) == pytest.approx(base * 1.5)
    assert point_size(title) == pytest.approx(before[0] * 1.5)  # titles grow with the text
    assert field.problem.height() > 0 and field.problem.height() >= field.fontMetrics().lineSpacing()
    assert load_settings().text_scale == 150  # remembered
    window.close()
    again = make_window(qtbot, tmp_path / "d.dqsa")  # next start: make_window passes fresh Settings()
    assert current_scale() == 100
    again.close()
    remembered = Settings(text_scale=125)
    from dqsa.settings import save_settings
    from dqsa.store.service import CenterStore
    from dqsa.ui.main_window import MainWindow

    save_settings(remembered)
    third = MainWindow(
        CenterStore.open(tmp_path / "e.dqsa", create=True), load_settings(), ask_first_run=False
    )
    qtbot.addWidget(third)
    assert current_scale() == 125 and third.text_size_actions[125].isChecked()
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.25)
    third._step_text_scale(+1)
    assert current_scale() == 150
    third._step_text_scale(+1)
    assert current_scale() == 150  # no size beyond the largest
    third.close()


def test_a_damaged_text_size_setting_falls_back_to_normal(private_home: Path) -> None:
    from dqsa.settings import settings_path

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('{"text_scale": 400, "folders": ["x"]}', encoding="utf-8")
    settings = load_settings()
    assert settings.text_scale == 100 and settings.folders == {}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a windowed program is POSIX")
def test_ctrl_c_in_the_terminal_closes_the_window_normally(tmp_path: Path, private_home: Path) -> None:
    from dqsa.store.service import CenterStore

    CenterStore.open(tmp_path / "c.dqsa", create=True).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    log = private_home / "logs" / "dqsa.log"
    with subprocess.Popen(
        [sys.executable, "-m", "dqsa", "--file", str(tmp_path / "c.dqsa"), "--no-err-windows"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as program:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "Ctrl+C in the terminal" not in _read(log):
            time.sleep(0.1)
        time.sleep(1.0)  # the event loop runs
        program.send_signal(signal.SIGINT)
        try:
            _out, err = program.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            program.kill()
            raise AssertionError("Ctrl+C did not close the program") from None
    assert program.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "closing the window" in _read(log)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


@pytest.mark.usefixtures("normal_text_size")
@pytest.mark.parametrize("signed", [False, True])
def test_the_review_list_keeps_its_rows_at_150_percent_in_1280x720(
    qtbot, tmp_path: Path, data_dir: Path, signed: bool
) -> None:
    """Finding 14: at 150 % in 1280×720 the review page showed 3–4 rows of its list (2 under a
    signed year's banner), the panel under it holding the item's whole text and an empty
    error line. The list keeps LIST_ROWS rows whatever item is chosen; a long text scrolls."""
    from dqsa.answers_file import load_answers_file
    from dqsa.export.packet import export_packet
    from dqsa.store.service import CenterStore
    from dqsa.ui.main_window import MainWindow
    from dqsa.ui.review import LIST_ROWS

    store = CenterStore.open(tmp_path / "c.dqsa", create=True)
    store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    if signed:
        export_packet(
            store,
            2026,
            signer_name="张伟",
            signer_title="书记",
            passphrase="清溪村口令2026",
            out_dir=tmp_path / "发出",
        )
    window = MainWindow(store, Settings(text_scale=150), ask_first_run=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.open_assessment(2026)
    wizard = window.wizard
    wizard.go_to(wizard.ui.pageStack.indexOf(wizard.review))
    review = wizard.review
    tree = review.ui.itemTree
    assert current_scale() == 150 and window.height() <= 720
    assert review.ui.overrideError.isHidden()  # no empty line for a message not given
    assert review.ui.overrideScoreEdit.isHidden() == signed  # nothing to correct in a signed year
    row = tree.visualItemRect(tree.topLevelItem(0)).height()
    fewest = None
    for item_id, item in review._items.items():
        tree.setCurrentItem(item)
        QApplication.processEvents()
        rows = tree.viewport().height() // row
        fewest = rows if fewest is None else min(fewest, rows)
        label = review.ui.itemLabel
        assert review.item_scroll.height() >= 2 * label.fontMetrics().lineSpacing(), item_id
    assert fewest is not None and fewest >= LIST_ROWS
    window.grab().save(str(tmp_path / "review.png"))
    window.close()
    store.close()
