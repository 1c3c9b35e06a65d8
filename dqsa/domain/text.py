"""Free text as the program keeps it: what a typed or pasted text may contain, per kind of field.

Text arrives from the keyboard, from Word and Excel through the clipboard, from JSON files
and from other programs' files. Some characters in it are not text: control characters
(ESC, which can forge lines in a terminal; a vertical tab, which makes a workbook
unwritable), bidirectional overrides and isolates (which reorder what a reader sees),
lone surrogates and noncharacters (which no file format can carry). Each field decides:

- **one line** (names, titles, region, contact, roster columns): a tab becomes a space; a
  line break, any other control, a bidi control, a lone surrogate or a noncharacter is
  refused, naming the character;
- **several lines** (notes, measures, reasons, captions, comments): every kind of line
  break (CR LF, CR, Word's vertical tab and form feed, NEL, the Unicode line and
  paragraph separators) becomes ``\\n``, a tab becomes a space; the rest as for one line.

A byte order mark (U+FEFF), which pasted text sometimes starts with, is dropped in both.

:func:`single_line` and :func:`multi_line` are the checks at entry (a ``ValueError`` with
a Chinese message; the models and the stores name the field). :func:`printable` is the
lenient reading for text that got in before these checks (or comes from a file that
must still be shown): it never refuses, it drops what cannot be shown.
"""

from __future__ import annotations

import re
import unicodedata

#: Every kind of line break, all made ``\n`` where line breaks are allowed.
_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_LINE_BREAK_CHARACTERS = "\n\r\x0b\x0c\x85\u2028\u2029"
#: Bidirectional embeddings, overrides and isolates, and the invisible direction marks.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_NAMES = {
    "\n": "换行",
    "\x1b": "ESC（终端控制符）",
    "\x00": "空字符 NUL",
    "\x7f": "DEL",
    "\u202e": "从右到左覆盖（RLO）",
    "\u202d": "从左到右覆盖（LRO）",
    "\u202a": "从左到右嵌入（LRE）",
    "\u202b": "从右到左嵌入（RLE）",
    "\u202c": "方向嵌入结束（PDF）",
    "\u2066": "从左到右隔离（LRI）",
    "\u2067": "从右到左隔离（RLI）",
    "\u2068": "方向隔离（FSI）",
    "\u2069": "方向隔离结束（PDI）",
    "\u200e": "从左到右标记（LRM）",
    "\u200f": "从右到左标记（RLM）",
    "\u061c": "阿拉伯字母标记（ALM）",
}


#: Every character that is normalised or refused somewhere (a text without any is kept as it is).
_SUSPECT = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufdd0-\ufdef\ufeff\ufffe\uffff"
    + "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(1, 17))
    + "]"
)


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _refused(char: str, *, lines: bool) -> bool:
    """Whether ``char`` (after line breaks and tabs were normalised) is refused."""
    if char in _LINE_BREAK_CHARACTERS:  # only "\n" is left of them where lines are allowed
        return not lines
    code = ord(char)
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or char in BIDI_CONTROLS
        or 0xD800 <= code <= 0xDFFF
        or _is_noncharacter(code)
    )


def describe(char: str) -> str:
    """A character as a person is told about it: its name if it has a common one, and its code."""
    code = f"U+{ord(char):04X}"
    name = _NAMES.get(char)
    if name is None:
        if 0xD800 <= ord(char) <= 0xDFFF:
            name = "不成对的代理码位（文件中的无效字符）"
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F:
            name = "控制字符"
        else:
            name = unicodedata.name(char, "不可用的字符")
    return f"{name}，{code}"


def _normalised(text: str, *, lines: bool) -> str:
    text = text.replace("\ufeff", "")
    if lines:
        text = _BREAKS.sub("\n", text)
    return text.replace("\t", " ")


def _check(text: str, *, lines: bool) -> str:
    if not _SUSPECT.search(text):
        return text
    text = _normalised(text, lines=lines)
    bad = [char for char in dict.fromkeys(text) if _refused(char, lines=lines)]
    if bad:
        if not lines and all(c in _LINE_BREAK_CHARACTERS for c in bad):
            raise ValueError("只能写一行，不能换行")
        shown = "、".join(describe(c) for c in bad[:3]) + ("等" if len(bad) > 3 else "")
        raise ValueError(f"含有不能使用的隐藏字符（{shown}），请删去后重新输入")
    return text


def single_line(text: str) -> str:
    """``text`` as a one-line field keeps it, or ``ValueError`` naming what is refused.

    Tabs become spaces; a line break before or after the text (a cell copied from Excel
    ends with one) is dropped, one inside it is refused.
    """
    return _check(text.strip(_LINE_BREAK_CHARACTERS), lines=False)


def multi_line(text: str) -> str:
    """``text`` with every line break made ``\\n`` and tabs made spaces, or ``ValueError`` naming what is refused."""
    return _check(text, lines=True)


def printable(text: str, *, lines: bool = True) -> str:
    """``text`` with nothing that cannot be shown or written: line breaks normalised (or made spaces),
    every refused character dropped. For text that got in before the checks at entry."""
    if not _SUSPECT.search(text):
        return text
    text = _normalised(text, lines=True)
    if not lines:
        text = text.replace("\n", " ")
    return "".join(char for char in text if not _refused(char, lines=True))


def refused_characters(text: str) -> list[str]:
    """The characters several lines of text may not hold (none after normalising line breaks)."""
    if not _SUSPECT.search(text):
        return []
    return [char for char in dict.fromkeys(_normalised(text, lines=True)) if _refused(char, lines=True)]
