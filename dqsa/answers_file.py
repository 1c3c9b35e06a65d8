"""Reading and writing answers files (``dqsa-answers/1`` JSON).

An answers file comes from anywhere (a colleague, an email, a packet), so it is read
with limits checked before the JSON parser runs (size, nesting depth, encoding):
what is refused is an :class:`InvalidInput` that names the file.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from dqsa.domain.answers import Answers, parse_answers
from dqsa.domain.errors import InvalidInput, Problem
from dqsa.fileio import write_text_atomic
from dqsa.jsonlimits import JsonRefused, loads_limited

#: An answers file larger than this is refused (it holds no photos).
MAX_ANSWERS_BYTES = 20 * 1024 * 1024
#: An answers file nests 3 levels deep (overrides → item → score); deeper is not an answers file.
MAX_ANSWERS_DEPTH = 10


def parse_answers_bytes(data: bytes, *, what: str = "答卷") -> Answers:
    """Answers from the bytes of a file (UTF-8, a BOM allowed); :class:`InvalidInput` names ``what``."""
    return _parse(data, what)


def parse_answers_text(text: str, *, what: str = "答卷") -> Answers:
    """Answers from JSON text; :class:`InvalidInput` says where the JSON is broken."""
    return _parse(text, what)


def _parse(data: str | bytes, what: str) -> Answers:
    try:
        raw = loads_limited(
            data, what=what, max_bytes=MAX_ANSWERS_BYTES, max_depth=MAX_ANSWERS_DEPTH, parse_float=Decimal
        )
    except JsonRefused as exc:
        raise InvalidInput([Problem("", str(exc))]) from None
    return parse_answers(raw)


def load_answers_file(path: Path) -> Answers:
    """Read and shape-check an answers file."""
    what = f"答卷文件 {path} "
    try:
        size = path.stat().st_size
        if size > MAX_ANSWERS_BYTES:
            raise InvalidInput([Problem("", f"{what}太大（{size // 1024} KB），不像是答卷文件")])
        with path.open("rb") as handle:
            data = handle.read(MAX_ANSWERS_BYTES + 1)
    except FileNotFoundError:
        raise InvalidInput([Problem("", f"找不到答卷文件：{path}")]) from None
    except IsADirectoryError:
        raise InvalidInput([Problem("", f"{path} 是文件夹，不是答卷文件")]) from None
    except PermissionError:
        raise InvalidInput([Problem("", f"没有权限读取答卷文件：{path}")]) from None
    except OSError as exc:
        raise InvalidInput([Problem("", f"无法读取答卷文件 {path}：{exc.strerror or exc}")]) from None
    return parse_answers_bytes(data, what=what)


def answers_json(answers: Answers) -> str:
    """The canonical JSON text of an answers file."""
    return json.dumps(answers.to_json_dict(), ensure_ascii=False, indent=2) + "\n"


def write_answers_file(answers: Answers, path: Path) -> None:
    """Write atomically: a crash leaves either the old file or the new one."""
    write_text_atomic(path, answers_json(answers))
