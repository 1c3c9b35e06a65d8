"""How dqsa writes numbers, scores, percentages, dates and labels, for people and for files.

One place for the words the report, the workbook, the command line and the windows
share, so a score reads "88.7 / 100" and a date "2026年11月30日 14:05" wherever it
appears. Plain Python: no Qt, no file format.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from decimal import Decimal

from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.scoring import fmt

__all__ = [
    "METHOD_LABELS",
    "date_text",
    "datetime_text",
    "display_width",
    "fmt",
    "item_label",
    "json_number",
    "percent_text",
    "points_text",
]

#: How an item's result was obtained, as a person reads it.
METHOD_LABELS: dict[str, str] = {"auto": "自动", "manual": "人工", "override": "更正"}


def json_number(value: Decimal | int | None) -> int | float | None:
    """A number for JSON or a spreadsheet: whole numbers as ``int``, others as ``float``.

    Scores and areas have at most one decimal, so the float's repr is the same digits.
    """
    if value is None:
        return None
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def percent_text(value: Decimal) -> str:
    """``64.8%``."""
    return f"{fmt(value)}%"


def points_text(score: Decimal, maximum: Decimal) -> str:
    """``88.7 / 100``: the one way dqsa writes a score against its maximum."""
    return f"{fmt(score)} / {fmt(maximum)}"


def date_text(moment: datetime) -> str:
    """``2026年11月30日``."""
    return f"{moment.year}年{moment.month}月{moment.day}日"


def datetime_text(moment: datetime, *, zone: bool = False) -> str:
    """``2026年11月30日 14:05``; with ``zone``, the UTC offset when the time carries one."""
    text = f"{date_text(moment)} {moment:%H:%M}"
    offset = moment.utcoffset()
    if zone and offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text += f"（UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}）"
    return text


def display_width(text: str) -> int:
    """Columns a text takes in a terminal or a spreadsheet: wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def item_label(pack: CriteriaPack, item_id: str) -> str:
    """An item as the standard labels it: ``表A.1 · 选址要求 · 第1项`` (the id when unknown)."""
    for table, section, item in pack.items():
        if item.id == item_id:
            return f"{_table_label(table.title, table.short_title)} · {section.title} · 第{item.number}项"
    return item_id


def _table_label(title: str, short_title: str) -> str:
    """``表A.1 社会组织…`` → ``表A.1``; a table without a number is named by its title (or short title)."""
    head = title.split()[0] if title.split() else title
    if head.startswith("表") and len(head) < len(title):
        return head
    return title if len(title) <= 12 else short_title
