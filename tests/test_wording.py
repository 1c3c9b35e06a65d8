"""The shared wording: numbers, scores, dates and item labels read the same everywhere."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from dqsa.export import wording


def test_numbers_for_files_are_ints_when_whole_and_exact_floats_otherwise() -> None:
    assert wording.json_number(Decimal("10.0")) == 10 and isinstance(
        wording.json_number(Decimal("10.0")), int
    )
    assert wording.json_number(Decimal("88.7")) == 88.7
    assert repr(wording.json_number(Decimal("24.9"))) == "24.9"
    assert wording.json_number(None) is None


def test_scores_percentages_and_dates_as_people_read_them() -> None:
    assert wording.points_text(Decimal("88.70"), Decimal(100)) == "88.7 / 100"
    assert wording.percent_text(Decimal("64.8")) == "64.8%"
    moment = datetime(2026, 11, 30, 14, 5, 59)
    assert wording.datetime_text(moment) == "2026年11月30日 14:05"
    zoned = moment.replace(tzinfo=timezone(timedelta(hours=8)))
    assert wording.datetime_text(zoned, zone=True) == "2026年11月30日 14:05（UTC+08:00）"
    assert wording.date_text(moment) == "2026年11月30日"


def test_wide_characters_take_two_columns() -> None:
    assert wording.display_width("A1 得分") == 7


def test_items_are_labelled_as_the_standard_labels_them(huzhou, wenzhou) -> None:
    assert wording.item_label(huzhou, "A1.site.1") == "表A.1 · 选址要求 · 第1项"
    assert wording.item_label(huzhou, "A2.role.3").startswith("表A.2 · ")
    assert wording.item_label(wenzhou, "R.daily.4") == "运行要求 · 日常管理 · 第4项"
    assert wording.item_label(huzhou, "no.such.item") == "no.such.item"


def test_fingerprints_read_over_the_phone_in_groups_of_four() -> None:
    fingerprint = ":".join(["2D", "88", "66", "A8"] * 8)
    assert wording.fingerprint_groups(fingerprint) == ["2D88", "66A8"] * 8
    assert wording.fingerprint_text(fingerprint) == " ".join(["2D88 66A8"] * 8)
    assert wording.fingerprint_lines(fingerprint) == [" ".join(["2D88 66A8"] * 4)] * 2
    assert wording.fingerprint_text("2d:88") == "2D88"


def test_results_methods_changes_and_times() -> None:
    assert wording.result_text(Decimal("88.70"), Decimal(100), checklist=False) == "得分 88.7 / 满分 100 分"
    assert wording.result_text(Decimal(12), Decimal(15), checklist=True) == "符合 12 / 适用 15 项"
    assert wording.method_label("auto", checklist=False) == "自动计分"
    assert wording.method_label("manual", checklist=True) == "人工核查"
    assert wording.method_label("override", checklist=True) == "人工更正"
    assert wording.change_text(Decimal("1.5")) == "+1.5"
    assert wording.change_text(Decimal("-0.5")) == "-0.5"
    assert wording.change_text(None) == "—"
    assert wording.yes_no(True) == "是" and wording.yes_no(False) == "否"
    zoned = datetime(2026, 11, 30, 14, 5, 59, 123456, tzinfo=timezone(timedelta(hours=8)))
    assert wording.iso_timestamp(zoned) == "2026-11-30T14:05:59+08:00"
    local = wording.iso_timestamp(datetime(2026, 11, 30, 14, 5))
    assert datetime.fromisoformat(local).utcoffset() is not None  # a time without zone gets the computer's


def test_ambiguous_characters_are_wide_in_a_spreadsheet_only() -> None:
    assert wording.display_width("·—×") == 3
    assert wording.display_width("·—×", ambiguous_wide=True) == 6
