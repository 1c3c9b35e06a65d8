"""JSON that comes from outside the program, read with limits checked BEFORE the parser runs.

Python's parser recurses once per level of nesting: 100 000 ``[`` end in a
``RecursionError`` (or worse, a crash of the C stack on some builds), and a huge
document costs memory in proportion. Every file the program receives (answers files,
packet manifests, the packs inside packets) goes through :func:`loads_limited`, which
refuses what is too large or too deep with a Chinese message, then parses with
non-finite numbers (``NaN``, ``Infinity``) and duplicate keys refused: ``{"year": 2026,
"year": 2099}`` is read as 2099 by Python and as 2026 by other readers, so a signed file
with a key twice could say two things at once.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from typing import Any

#: No file the program reads nests deeper than about 5 levels; 20 leaves room and is far from
#: the parser's recursion limit.
MAX_DEPTH = 20

#: A JSON string (escapes included); what is inside one is not structure.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class JsonRefused(ValueError):
    """JSON that is not read: too large, too deep, not text, or not well-formed. The message is Chinese."""


def nesting_depth(text: str) -> int:
    """How deeply arrays and objects nest in ``text`` (brackets inside strings do not count)."""
    brackets = _BRACKETS.findall(_STRING.sub("", text))
    if not brackets:
        return 0
    return max(0, max(itertools.accumulate(_STEP[b] for b in brackets)))


def decode_text(data: bytes, *, what: str) -> str:
    """UTF-8 text (a UTF-8 BOM is allowed); other encodings are refused with a message that says so."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise JsonRefused(f"{what}是 UTF-16 编码；请另存为 UTF-8 编码后再试")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonRefused(f"{what}不是 UTF-8 文本（第 {exc.start + 1} 个字节起无法解码）") from None


def loads_limited(
    data: str | bytes,
    *,
    what: str,
    max_bytes: int,
    max_depth: int = MAX_DEPTH,
    parse_float: Callable[[str], Any] | None = None,
) -> Any:
    """Parse ``data`` as JSON once it is known to be small enough and shallow enough.

    :class:`JsonRefused` says, in Chinese and naming ``what``, why it was not read.
    """
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise JsonRefused(f"{what}太大（{size // 1024} KB，上限 {max_bytes // 1024} KB）")
    text = decode_text(data, what=what) if isinstance(data, bytes) else data
    depth = nesting_depth(text)
    if depth > max_depth:
        raise JsonRefused(f"{what}嵌套太深（{depth} 层，最多 {max_depth} 层），不像是 dqsa 的文件")
    try:
        return json.loads(
            text, parse_float=parse_float, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys
        )
    except json.JSONDecodeError as exc:
        raise JsonRefused(f"{what}JSON 格式错误：第 {exc.lineno} 行第 {exc.colno} 列，{exc.msg}") from None
    except RecursionError:  # cannot happen below max_depth; kept so that nothing escapes
        raise JsonRefused(f"{what}嵌套太深") from None
    except _NotFinite as exc:
        raise JsonRefused(f"{what}中不能使用 {exc.args[0]}（不是有限的数字）") from None
    except _DuplicateKey as exc:
        raise JsonRefused(
            f"{what}中同一个对象里有两个“{exc.args[0]}”（重复的键），不是 dqsa 写出的文件"
        ) from None
    except ValueError:  # Python refuses integers of more than 4300 digits
        raise JsonRefused(f"{what}中有位数过多的数字，无法读取") from None


class _DuplicateKey(ValueError):
    """The same key twice in one JSON object."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:  # shown with repr's escapes: a key may hold any character
                raise _DuplicateKey(repr(key)[1:-1][:80])
            seen.add(key)
    return result


class _NotFinite(ValueError):
    """NaN, Infinity or -Infinity in the JSON text."""


def _refuse_constant(name: str) -> Any:
    raise _NotFinite(name)
