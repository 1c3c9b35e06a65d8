"""Reading and writing answers files (``dqsa-answers/1`` JSON)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from dqsa.domain.answers import Answers, parse_answers
from dqsa.domain.errors import InvalidInput, Problem
from dqsa.fileio import write_text_atomic
from dqsa.packs import read_text_file

#: An answers file larger than this is refused (it holds no photos).
MAX_ANSWERS_BYTES = 20 * 1024 * 1024


def parse_answers_text(text: str) -> Answers:
    """Answers from JSON text; :class:`InvalidInput` says where the JSON is broken."""
    try:
        data: Any = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            [Problem(f"第 {exc.lineno} 行第 {exc.colno} 列", f"JSON 格式错误：{exc.msg}")]
        ) from None
    except ValueError as exc:
        raise InvalidInput([Problem("", str(exc))]) from None
    return parse_answers(data)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"JSON 中不能使用 {name}（不是有限的数字）")


def load_answers_file(path: Path) -> Answers:
    """Read and shape-check an answers file."""
    return parse_answers_text(read_text_file(path, limit=MAX_ANSWERS_BYTES, what="答卷文件"))


def answers_json(answers: Answers) -> str:
    """The canonical JSON text of an answers file."""
    return json.dumps(answers.to_json_dict(), ensure_ascii=False, indent=2) + "\n"


def write_answers_file(answers: Answers, path: Path) -> None:
    """Write atomically: a crash leaves either the old file or the new one."""
    write_text_atomic(path, answers_json(answers))
