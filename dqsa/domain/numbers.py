"""Decimal arithmetic the domain shares: rounding scores, percentages, plain number text.

Scores and areas are at most one decimal; every computed score is rounded half-up.
Nothing here raises on a number beyond Decimal's precision: such numbers are caught
as out of range by the checks before any arithmetic, and :func:`is_multiple` says
False rather than raising if one gets through.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

#: Scores and areas are at most this fine.
ONE_DECIMAL = Decimal("0.1")
HUNDRED = Decimal(100)


def round_score(value: Decimal) -> Decimal:
    """Round half-up to one decimal (4.25 → 4.3)."""
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """``part`` as a percentage of ``whole``, one decimal; 0 when ``whole`` is 0."""
    return round_score(part * HUNDRED / whole) if whole else Decimal(0)


def fmt(value: Decimal | int) -> str:
    """A number without trailing zeros: 10, 8.2, 0.5."""
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in {"-0", ""} else text


def is_multiple(value: Decimal, step: Decimal) -> bool:
    """Whether ``value`` is a whole multiple of ``step`` (a positive number).

    A value whose quotient needs more digits than Decimal's precision (1e27 / 0.1)
    cannot be checked and is not a sensible multiple: False, never an exception.
    """
    try:
        return value % step == 0
    except ArithmeticError:
        return False
