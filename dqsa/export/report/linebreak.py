"""Chinese line breaking (kinsoku) for reportlab: the one place that reaches into its internals.

reportlab wraps CJK text character by character. Its rules let one closing mark hang
past the line end but otherwise break anywhere: "（红）。" could put "。" at the start
of a line, an opening bracket could end one, and "64.8%" could break after "64.".
:func:`extend_line_break_rules` replaces its two CJK splitters with ones built on
:func:`kinsoku_lines`:

- a break never puts a closing mark (，。、）% …) at the start of a line, nor an
  opening mark (（《“) at the end of one;
- a run of Latin letters and digits (a number such as ``64.8%``, ``A1.site.1``, a
  standard number ``GB 1349``) is never broken, unless it alone is wider than the line;
- one closing mark may hang past the line end (styles leave room for it), but never one
  inside a number;
- otherwise the break moves back to the nearest allowed place.

The replaced internals are ``reportlab.lib.textsplit.dumbSplit`` (one-style paragraphs)
and ``reportlab.platypus.paragraph.cjkFragSplit`` (mixed styles), which use
``paragraph.cjkU``, ``paragraph.makeCJKParaLine`` and ``paragraph.ParaLines``.
:data:`EXPECTED_INTERNALS` names them with the parameters we rely on;
``tests/test_report.py`` fails when a reportlab update changes any of them. At run
time a changed reportlab keeps its own (worse, but working) line breaking and logs a
warning rather than stopping an export.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Sequence
from typing import Any

log = logging.getLogger(__name__)

#: Characters that must never start a line (added to reportlab's list).
CANNOT_START = "，：；？！、。）」』】〉》%％”’…"
#: Characters that must not end a line (opening brackets and quotes), besides reportlab's.
CANNOT_END = "（〔［｛〈《「『【“‘([{"
#: (module, name, parameters) of every reportlab internal this module uses or replaces.
EXPECTED_INTERNALS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("reportlab.lib.textsplit", "dumbSplit", ("word", "widths", "maxWidths")),
    ("reportlab.lib.textsplit", "wordSplit", ("word", "maxWidths", "fontName", "fontSize", "encoding")),
    ("reportlab.platypus.paragraph", "cjkFragSplit", ("frags", "maxWidths", "calcBounds", "encoding")),
    ("reportlab.platypus.paragraph", "cjkU", ("value", "frag", "encoding")),
    (
        "reportlab.platypus.paragraph",
        "makeCJKParaLine",
        ("U", "maxWidth", "widthUsed", "extraSpace", "lineBreak", "calcBounds"),
    ),
    ("reportlab.platypus.paragraph", "ParaLines", ()),
)
_FUZZ = 1e-6


def internals_problems() -> list[str]:
    """What differs from the reportlab internals this module was written against (empty: nothing)."""
    import importlib

    problems = []
    for module_name, name, parameters in EXPECTED_INTERNALS:
        module = importlib.import_module(module_name)
        target = getattr(module, f"_dqsa_original_{name}", None) or getattr(module, name, None)
        if target is None:
            problems.append(f"{module_name}.{name} is gone")
            continue
        if not parameters:
            continue
        try:
            found = tuple(inspect.signature(target).parameters)
        except (TypeError, ValueError):
            problems.append(f"{module_name}.{name} has no readable signature")
            continue
        if found[: len(parameters)] != parameters:
            problems.append(f"{module_name}.{name}{found} is not {name}{parameters}")
    for module_name in ("reportlab.lib.textsplit", "reportlab.platypus.paragraph"):
        module = importlib.import_module(module_name)
        if not isinstance(getattr(module, "ALL_CANNOT_START", None), str):
            problems.append(f"{module_name}.ALL_CANNOT_START is not a string")
    return problems


def installed() -> bool:
    """Whether the Chinese line-breaking rules are in place."""
    from reportlab.lib import textsplit

    return bool(getattr(textsplit, "_dqsa_kinsoku", False))


def extend_line_break_rules() -> None:
    """Install the rules into reportlab (once; idempotent)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    if installed():
        return
    problems = internals_problems()
    if problems:
        log.warning("reportlab internals changed, keeping its own CJK line breaking: %s", "; ".join(problems))
        return
    for module in (textsplit, paragraph):
        current = module.ALL_CANNOT_START
        module.ALL_CANNOT_START = current + "".join(c for c in CANNOT_START if c not in current)
    textsplit._dqsa_original_dumbSplit = textsplit.dumbSplit
    paragraph._dqsa_original_cjkFragSplit = paragraph.cjkFragSplit
    textsplit.dumbSplit = _dumb_split
    paragraph.cjkFragSplit = _cjk_frag_split
    textsplit._dqsa_kinsoku = True


def _rules() -> tuple[str, str]:
    from reportlab.lib import textsplit

    return textsplit.ALL_CANNOT_START, textsplit.ALL_CANNOT_END + CANNOT_END


def _word(c: str) -> bool:
    """Part of a run of Latin letters, digits and their punctuation (never broken inside)."""
    return len(c) == 1 and ord(c) < 0x2E80 and not c.isspace()


def kinsoku_lines(
    chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float], forced: Sequence[bool]
) -> list[tuple[int, int, float, float, bool]]:
    """Break ``chars`` into lines: (start, end, width used, line width, ended by a forced break).

    A break is allowed before ``chars[b]`` unless ``chars[b]`` may not start a line,
    ``chars[b-1]`` may not end one, or both belong to a run of Latin letters/digits.
    """
    cannot_start, cannot_end = _rules()
    n = len(chars)

    def one(c: str, among: str) -> bool:
        return len(c) == 1 and c in among

    def allowed(b: int, words: bool = True) -> bool:
        before, after = chars[b - 1], chars[b]
        if one(after, cannot_start) or one(before, cannot_end):
            return False
        return not (words and _word(before) and _word(after))

    def break_before(start: int, p: int) -> int:
        """Where the line from ``start`` ends when ``chars[p]`` overflows it."""
        if p <= start:
            return p + 1  # one character wider than the line: it gets the line to itself
        c = chars[p]
        inside_word = p + 1 < n and _word(c) and _word(chars[p + 1])
        if (
            one(c, cannot_start)
            and not one(c, cannot_end)
            and not inside_word
            and (p + 1 == n or allowed(p + 1, words=False))
        ):
            return p + 1  # hanging punctuation
        for b in range(p, start, -1):
            if allowed(b):
                return b
        for b in range(p, start, -1):  # one run wider than the line: break it, but by the rules
            if allowed(b, words=False):
                return b
        return p

    lines: list[tuple[int, int, float, float, bool]] = []
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    while i < n:
        used += widths[i]
        i += 1
        if forced[i - 1] or (used > max_width + _FUZZ and used > 0):
            end = i if forced[i - 1] else break_before(start, i - 1)
            used = sum(widths[start:end])
            while end < n and not forced[end - 1] and chars[end].isspace() and len(chars[end]) == 1:
                end += 1  # spaces at a break stay at the end of the line, unmeasured
            lines.append((start, end, used, max_width, forced[i - 1] and end == i))
            start = i = end
            used = 0.0
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
    if used > 0:
        lines.append((start, n, used, max_width, False))
    return lines


def _dumb_split(word: str, widths: Sequence[float], max_widths: Any) -> list[list[Any]]:
    """``reportlab.lib.textsplit.dumbSplit`` with the Chinese line-breaking rules."""
    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    lines = kinsoku_lines(word, widths, max_widths, [False] * len(word))
    out: list[list[Any]] = []
    for number, (start, end, used, width, _) in enumerate(lines):
        text = word[start:end]
        out.append([width - used, text if number == len(lines) - 1 and end == len(word) else text.strip()])
    return out


def _cjk_frag_split(frags: Any, max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    """``reportlab.platypus.paragraph.cjkFragSplit`` with the Chinese line-breaking rules."""
    from reportlab.platypus import paragraph

    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    units: list[Any] = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(paragraph.cjkU(t, frag, encoding) for t in text)
        else:
            units.append(paragraph.cjkU(text, frag, encoding))
    widths = []
    for unit in units:
        w = unit.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_widths[0]
            w = w.normalizedValue(max_widths[0])
        widths.append(w)
    forced = [hasattr(unit.frag, "lineBreak") for unit in units]
    lines = [
        paragraph.makeCJKParaLine(units[start:end], width, used, width - used, line_break, calc_bounds)
        for start, end, used, width, line_break in kinsoku_lines(units, widths, max_widths, forced)
    ]
    return paragraph.ParaLines(kind=1, lines=lines)
