"""Never half a number: invalid text saves nothing, its message stays, nothing below moves."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_gui import make_window, page, saved

from dqsa.ui.autosave import MAX_WAIT_SECONDS
from dqsa.ui.fields import NumberField

AREA = "facts.area_m2"


def open_site(qtbot, tmp_path: Path, data_dir: Path):
    from dqsa.answers_file import load_answers_file

    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))  # area 150 m²
    window.open_assessment(2026)
    return window, page(window, "场地与标识").builder


def stored_area(window) -> Decimal | None:
    return window.store.answers(2026).facts.get("area_m2")


def pause(qtbot, seconds: float) -> None:
    """Longer than the autosaver waits: whatever it was going to save, it has saved."""
    qtbot.wait(int(seconds * 1000))


def start_typing(qtbot, field: NumberField) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)


def test_typing_2OO_at_full_speed_saves_nothing(qtbot, tmp_path: Path, data_dir: Path) -> None:
    window, site = open_site(qtbot, tmp_path, data_dir)
    area = site.fields[AREA]
    window.save_label.setText("")
    start_typing(qtbot, area)  # the empty text is valid ("not answered") and waits to be saved…
    qtbot.keyClicks(area.edit, "2OO")  # …then "2", then "2O": the waiting save is cancelled
    pause(qtbot, MAX_WAIT_SECONDS + 0.4)
    assert stored_area(window) == 150  # read back from the file: neither 2 nor empty
    assert not window.autosaver.has_pending()
    assert window.save_label.text() == ""  # no 已保存 for text that was not saved
    assert area.edit.text() == "2OO"
    assert "请输入数字，例如 230 或 230.5" in area.problem.message
    assert "未保存；保存的仍是 150" in area.problem.message
    window.close()


def test_typing_2OO_slowly_keeps_the_message_and_the_last_number(
    qtbot, tmp_path: Path, data_dir: Path
) -> None:
    window, site = open_site(qtbot, tmp_path, data_dir)
    area = site.fields[AREA]
    start_typing(qtbot, area)
    for key in "2OO":
        qtbot.keyClicks(area.edit, key)
        pause(qtbot, MAX_WAIT_SECONDS + 0.2)
    # "2" stood alone long enough to be saved; "2O" and "2OO" saved nothing
    assert stored_area(window) == 2
    assert "保存的仍是 2" in area.problem.message
    # a late confirmation of the earlier value must not clear the message of the text on screen
    window.autosaver.accepted.emit(AREA)
    assert "请输入数字" in area.problem.message
    qtbot.keyClick(area.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(area.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(area.edit, "00")
    saved(qtbot, window)
    assert stored_area(window) == 200 and area.problem.message == ""
    qtbot.keyClicks(area.edit, "x")
    assert "请输入数字" in area.problem.message
    area.edit.selectAll()
    qtbot.keyClick(area.edit, Qt.Key.Key_Delete)  # cleared: valid again ("not answered")
    saved(qtbot, window)
    assert area.problem.message == "" and stored_area(window) is None
    window.close()


def test_a_message_moves_nothing_below_it(qtbot, tmp_path: Path, data_dir: Path) -> None:
    window, site = open_site(qtbot, tmp_path, data_dir)
    area = site.fields[AREA]
    card = site.cards["A1.area.2"]
    QApplication.processEvents()
    below = card.result  # the live score under the field

    def geometry():
        QApplication.processEvents()
        return (below.mapTo(window, below.rect().topLeft()), card.height(), area.height())

    before = geometry()
    start_typing(qtbot, area)
    qtbot.keyClicks(area.edit, "2O")
    assert area.problem.message  # the message is up
    with_message = geometry()
    qtbot.keyClick(area.edit, Qt.Key.Key_Backspace)
    assert area.problem.message == ""
    after = geometry()
    assert before == with_message == after
    # a message of the store (a negative area) takes the same reserved line
    area.edit.selectAll()
    qtbot.keyClicks(area.edit, "-5")
    saved(qtbot, window)
    assert "不能为负数" in area.problem.message
    assert geometry() == before
    window.close()


def test_examples_follow_the_type_of_the_fact(qtbot, tmp_path: Path, data_dir: Path) -> None:
    window, _site = open_site(qtbot, tmp_path, data_dir)
    role = page(window, "作用发挥").builder
    sessions = role.fields["facts.training.sessions"]  # a count: whole numbers only
    start_typing(qtbot, sessions)
    qtbot.keyClicks(sessions.edit, "2.5")
    pause(qtbot, MAX_WAIT_SECONDS + 0.2)
    assert sessions.problem.message.startswith("请输入整数，例如 230")
    assert "230.5" not in sessions.problem.message
    assert window.store.answers(2026).facts["training.sessions"] == 3  # unchanged
    key = next(k for k in role.fields if k.startswith("manual_scores."))
    manual, top = role.fields[key], role.cards[key.removeprefix("manual_scores.")].item.max_points
    start_typing(qtbot, manual)
    qtbot.keyClicks(manual.edit, "2x")
    assert f"例如 {top} 或 {top - Decimal('0.5')}" in manual.problem.message  # within the item's points
    window.close()


def test_a_mistyped_zone_area_keeps_its_message_when_the_box_is_saved(
    qtbot, tmp_path: Path, data_dir: Path
) -> None:
    window, _site = open_site(qtbot, tmp_path, data_dir)
    zones = page(window, "功能区设置").builder
    area = zones.fields["zones.reception.area"]
    present = zones.fields["zones.reception"]
    start_typing(qtbot, area)
    qtbot.keyClicks(area.edit, "3O")
    qtbot.mouseClick(present.box, Qt.MouseButton.LeftButton)  # untick: saves the box at once…
    saved(qtbot, window)
    reception = next(z for z in window.store.answers(2026).zones if z.id == "reception")
    assert reception.present is False
    assert reception.area_m2 == 20  # …with the area the file had, not the half-typed one
    assert "请输入数字" in area.problem.message  # and the box's save did not clear the message
    window.close()
