"""How dqsa writes numbers, scores, percentages, dates and labels, for people and for files.

One place for the words the report, the workbook, the command line and the windows
share, so a score reads "88.7 / 100" and a date "2026年11月30日 14:05" wherever it
appears. Plain Python: no Qt, no file format, and light to import (no pydantic), so the
start-up path may use it.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from dqsa.domain.numbers import fmt

if TYPE_CHECKING:  # light at import: the year list uses these words before pydantic is loaded
    from dqsa.domain.comparison import Comparison
    from dqsa.domain.criteria import CriteriaPack

__all__ = [
    "EVIDENCE_KINDS",
    "METHOD_LABELS",
    "change_text",
    "control_name",
    "date_text",
    "datetime_text",
    "display_width",
    "escaped",
    "fingerprint_groups",
    "fingerprint_lines",
    "fingerprint_text",
    "fmt",
    "has_control",
    "iso_timestamp",
    "item_label",
    "json_number",
    "method_label",
    "percent_text",
    "points_text",
    "result_text",
    "trend_counts",
    "yes_no",
]

#: How an item's result was obtained, as a person reads it.
METHOD_LABELS: dict[str, str] = {"auto": "自动", "manual": "人工", "override": "更正"}
#: The same, spelled out for a scoring table and for a checklist.
_METHOD_SCORED = {"auto": "自动计分", "manual": "人工评定", "override": "人工更正"}
_METHOD_CHECKLIST = {"auto": "自动判定", "manual": "人工核查", "override": "人工更正"}
#: Evidence kinds as a person reads them.
EVIDENCE_KINDS: dict[str, str] = {"photo": "照片", "document": "文件"}


def method_label(method: str, *, checklist: bool) -> str:
    """``自动计分`` / ``人工评定`` / ``人工更正`` (``自动判定`` / ``人工核查`` for a checklist)."""
    return (_METHOD_CHECKLIST if checklist else _METHOD_SCORED).get(method, METHOD_LABELS.get(method, method))


def yes_no(flag: bool) -> str:
    """``是`` or ``否``."""
    return "是" if flag else "否"


def json_number(value: Decimal | int | None) -> int | float | None:
    """A number for JSON or a spreadsheet: whole numbers as ``int``, others as ``float``.

    Scores and areas have at most one decimal, so the float's repr is the same digits.
    """
    if value is None:
        return None
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def change_text(value: Decimal | None) -> str:
    """A change between two years: ``+1.5``, ``-0.5``, ``0``; ``—`` when there is nothing to compare."""
    if value is None:
        return "—"
    return f"+{fmt(value)}" if value > 0 else fmt(value)


def result_text(score: Decimal, maximum: Decimal, *, checklist: bool) -> str:
    """``得分 88.7 / 满分 100 分``, or for a checklist ``符合 12 / 适用 15 项``."""
    if checklist:
        return f"符合 {fmt(score)} / 适用 {fmt(maximum)} 项"
    return f"得分 {fmt(score)} / 满分 {fmt(maximum)} 分"


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


def iso_timestamp(moment: datetime) -> str:
    """ISO 8601 with the UTC offset, to the second: ``2026-11-30T14:05:00+08:00``.

    A time with a zone keeps its own offset; one without is taken as the computer's local time.
    """
    zoned = moment if moment.utcoffset() is not None else moment.astimezone()
    return zoned.replace(microsecond=0).isoformat()


#: Bidirectional-text controls (embeddings, overrides, isolates, marks): they reorder what is shown,
#: so a name could make a line read as something it is not.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Line and paragraph separators: a new line to some terminals and widgets.
_SEPARATORS = frozenset("\u2028\u2029")


def _control(char: str, allow_newlines: bool) -> bool:
    if char == "\t" or (allow_newlines and char == "\n"):
        return False
    code = ord(char)
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F  # DEL and C1 (0x85 is a line break to some)
        or 0xD800 <= code <= 0xDFFF  # a lone surrogate: no character at all
        or char in BIDI_CONTROLS
        or char in _SEPARATORS
    )


def has_control(text: str, *, allow_newlines: bool = False) -> str | None:
    """The first character that may not stand in a text from outside, or None.

    Refused: C0 and C1 control characters (a tab always allowed, a newline where
    ``allow_newlines``), DEL, lone surrogates, bidirectional controls and the Unicode line
    and paragraph separators: each can make a shown line read as something it is not
    (an escape sequence that moves the cursor, a right-to-left override, a forged new line).
    """
    return next((char for char in text if _control(char, allow_newlines)), None)


def control_name(char: str) -> str:
    """``U+202E`` for a refused character (how a message names it)."""
    return f"U+{ord(char):04X}"


def escaped(text: str) -> str:
    """``text`` with every character :func:`has_control` refuses (newlines too) written as an escape.

    For showing text that came from outside on one line of a terminal or a dialog:
    ``名称\x1b[2K`` is shown as ``名称\\x1b[2K``, never obeyed.
    """
    if not any(_control(char, False) for char in text):
        return text
    return "".join(
        (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}") if _control(c, False) else c
        for c in text
    )


def display_width(text: str, *, ambiguous_wide: bool = False) -> int:
    """Columns a text takes: wide and full-width characters count 2.

    A terminal draws East-Asian "ambiguous" characters (·, —, ×, ①) narrow; a
    spreadsheet in a Chinese font draws them wide: ``ambiguous_wide`` says which.
    """
    wide = "WFA" if ambiguous_wide else "WF"
    return sum(2 if unicodedata.east_asian_width(ch) in wide else 1 for ch in text)


def fingerprint_groups(fingerprint: str) -> list[str]:
    """A SHA-256 fingerprint as 16 groups of 4 upper-case hex digits (``2D88``, ``66A8``, …)."""
    digits = "".join(ch for ch in fingerprint.upper() if ch in "0123456789ABCDEF")
    return [digits[i : i + 4] for i in range(0, len(digits), 4)]


def fingerprint_text(fingerprint: str) -> str:
    """The fingerprint as a person reads it over the phone: ``2D88 66A8 … 01F3`` (16 groups of 4)."""
    return " ".join(fingerprint_groups(fingerprint))


def fingerprint_lines(fingerprint: str, per_line: int = 8) -> list[str]:
    """The readable fingerprint in lines of ``per_line`` groups (two lines of 8 by default)."""
    groups = fingerprint_groups(fingerprint)
    return [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]


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


def trend_counts(comparison: Comparison) -> str:
    """“进步 3 项，退步 1 项，不变 30 项，未填写 2 项” (items in one year only, when there are any)."""
    from dqsa.domain.comparison import TREND_LABELS

    always = ("improved", "regressed", "unchanged", "unanswered")
    counts = [(trend, comparison.count(trend)) for trend in TREND_LABELS]
    return "，".join(f"{TREND_LABELS[t]} {n} 项" for t, n in counts if n or t in always)
