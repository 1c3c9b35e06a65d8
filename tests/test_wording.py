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
