"""The year is the person's to choose: in the window (新建年度自评) and with ``dqsa new-year``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from test_gui import make_window, when_shown

from dqsa import years
from dqsa.cli import main
from dqsa.store.service import CenterProfile, CenterStore
from dqsa.ui.new_year import NewAssessmentDialog


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2027, 1, 5), 2026),  # January: last year's assessment is the one still to do
        (date(2027, 3, 31), 2026),
        (date(2027, 4, 1), 2027),
        (date(2026, 11, 30), 2026),
    ],
)
def test_the_default_year_is_the_one_just_ended_until_march(today: date, expected: int) -> None:
    assert years.default_year(today) == expected
    assert years.suggested_year([], today) == expected


def test_only_years_not_in_the_file_are_offered() -> None:
    today = date(2027, 2, 1)
    offered = years.offered_years({2026, 2024}, today)
    assert 2026 not in offered and 2024 not in offered
    assert offered[0] == 2027 and offered[-1] == 2027 - years.YEARS_BACK  # newest first
    assert 2028 not in offered  # a year that has not begun cannot be assessed
    assert years.suggested_year({2026}, today) == 2027  # the default exists: the nearest free year
    assert years.year_problem(2026, {2026}, today) == "2026 年度的自评已经存在，请直接打开它。"
    assert "超出范围" in years.year_problem(1999, set(), today)
    assert years.year_problem(2025, {2026}, today) is None


def test_the_dialog_offers_free_years_and_the_latest_earlier_one_as_start(qtbot) -> None:
    dialog = NewAssessmentDialog({2024, 2026}, today=date(2027, 2, 10))
    qtbot.addWidget(dialog)
    choices = [dialog.year_combo.itemData(i) for i in range(dialog.year_combo.count())]
    assert 2026 not in choices and 2024 not in choices and 2025 in choices
    assert dialog.year() == 2027  # 2026 (the year just ended) exists: the nearest free one
    assert dialog.from_choice.isChecked() and "2026" in dialog.from_choice.text()
    assert dialog.from_year() == 2026
    assert "人工评分、更正、说明、改进措施和签署都不复制" in dialog.carry_over.text()  # in plain words
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2025))  # a missed year
    assert dialog.from_year() == 2024 and "2024" in dialog.carry_over.text()
    dialog.empty_choice.setChecked(True)
    assert dialog.from_year() is None
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2020))  # nothing earlier: no choice
    assert not dialog.from_choice.isVisibleTo(dialog) and dialog.from_year() is None


def test_a_missed_year_is_created_from_the_window(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.set_center(CenterProfile(name="补录中心", level="village", pack_id="huzhou-social-org"))
    window.store.create_assessment(2026)
    window.store.set_fact(2026, "area_m2", 321)
    missed = date.today().year - 3

    def choose(dialog: NewAssessmentDialog) -> None:
        dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(missed))
        assert not dialog.from_choice.isVisibleTo(dialog)  # no earlier year to start from
        dialog.accept()

    QTimer.singleShot(0, lambda: when_shown(NewAssessmentDialog, choose))
    window.new_assessment()
    assert window.session is not None and window.session.year == missed
    assert sorted(window.store.years()) == [missed, 2026]
    assert window.store.answers(missed).facts.get("area_m2") is None  # started empty
    window.close()


def make_center(path: Path, *year_list: int) -> None:
    with CenterStore.open(path, create=True) as store:
        store.set_center(CenterProfile(name="命令行中心", level="village", pack_id="huzhou-social-org"))
        for year in year_list:
            store.create_assessment(year)
            store.set_fact(year, "area_m2", 150)


def test_new_year_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "中心 文件.dqsa"
    this_year = date.today().year
    make_center(path, this_year - 1)
    assert main(["new-year", "--db", str(path), "--year", str(this_year), "--from", str(this_year - 1)]) == 0
    out = capsys.readouterr().out
    assert f"以 {this_year - 1} 年度为起点" in out and "人工评分、更正、说明、改进措施和签署都不复制" in out
    assert "功能区" in out and "满意度调查（新年度中标为“待更新”）" in out  # the pack's words
    assert main(["new-year", "--db", str(path), "--year", str(this_year - 2)]) == 0
    with CenterStore.open(path) as store:
        assert sorted(store.years()) == [this_year - 2, this_year - 1, this_year]
        assert store.answers(this_year).facts["area_m2"] == 150  # carried over
        assert store.answers(this_year - 2).facts.get("area_m2") is None  # empty


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--year", "EXISTING"], "年度的自评已经存在"),
        (["--year", "1990"], "超出范围"),
        (["--year", "FUTURE"], "超出范围"),
        (["--year", "FREE", "--from", "1995"], "没有 1995 年度的自评"),
    ],
)
def test_new_year_refuses_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    path = tmp_path / "c.dqsa"
    this_year = date.today().year
    make_center(path, this_year - 1)
    values = {"EXISTING": this_year - 1, "FUTURE": this_year + 1, "FREE": this_year}
    args = [str(values.get(arg, arg)) for arg in extra]
    assert main(["new-year", "--db", str(path), *args]) == 2
    assert message in capsys.readouterr().err
    with CenterStore.open(path) as store:
        assert store.years() == [this_year - 1]  # nothing was created
