"""Input problems, each naming the field it is in, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kept out of import time: the GUI imports this module before anything heavy
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (a dotted field path) and what, in Chinese."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}：{self.message}" if self.field else self.message


class InvalidInput(ValueError):
    """Input that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（拼写错误？）",
    "bool_type": "应填 true 或 false",
    "int_type": "应是整数",
    "int_parsing": "应是整数",
    "int_from_float": "应是整数",
    "decimal_type": "应是数字",
    "decimal_parsing": "应是数字",
    "string_type": "应是文字",
    "dict_type": "应是一个对象（{…}）",
    "list_type": "应是一个列表（[…]）",
    "is_instance_of": "类型不对",
    "finite_number": "应是有限的数字",
    "model_type": "应是一个对象（{…}）",
    "model_attributes_type": "应是一个对象（{…}）",
    "bool_parsing": "应填 true 或 false",
    # Text pydantic cannot read as Unicode (a lone surrogate in JSON it parsed itself).
    "string_unicode": "文字中有无效的字符（不成对的代理码位），请删去后重新输入",
}


#: A problem pydantic reports that has no message of its own here (still naming the field).
UNKNOWN_PROBLEM = "类型或取值不对"


def problems_from_validation_error(exc: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into :class:`Problem` lines with Chinese messages.

    A value that fits none of a union's types (a fact is a yes/no or a number) gets
    one message for the field, not the first member's ("应填 true 或 false" for "12").
    """
    problems = []
    unions: dict[str, list[str]] = {}
    for error in exc.errors(include_url=False):
        loc = [str(part) for part in error["loc"] if not _is_union_tag(part)]
        field = ".".join(loc)
        if any(_is_union_tag(part) for part in error["loc"]):
            unions.setdefault(field, []).append(error["type"])
        problems.append(Problem(field, _message(error)))
    for field, kinds in unions.items():
        if len(kinds) > 1:
            problems.insert(0, Problem(field, _union_message(kinds)))
    return _dedupe(problems)


def _union_message(kinds: list[str]) -> str:
    if "finite_number" in kinds:
        return "应是有限的数字"
    return "应填数字或 true/false（是/否），不能是文字、列表或对象"


def _is_union_tag(part: object) -> bool:
    """Pydantic adds the union member's name to a location (e.g. ``bool``); drop it."""
    return isinstance(part, str) and (part in {"bool", "int", "decimal"} or part.startswith("function-"))


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in {"greater_than_equal", "greater_than"}:
        bound = _bound(ctx.get("ge", ctx.get("gt")))
        return "不能为负数" if bound in {"0", "0.0"} else f"不能小于 {bound}"
    if kind in {"less_than_equal", "less_than"}:
        return f"超出合理范围（最大 {_bound(ctx.get('le', ctx.get('lt')))}）"
    text = isinstance(error.get("input"), str)  # a length checked after a text validator is "too_short"
    if kind == "string_too_short" or (kind == "too_short" and text):
        return "不能为空" if ctx.get("min_length") in {None, 1} else f"太短（至少 {ctx['min_length']} 个字）"
    if kind == "string_too_long" or (kind == "too_long" and text):
        return f"太长（最多 {ctx.get('max_length')} 个字）"
    if kind == "too_long":
        return f"太多（最多 {ctx.get('max_length')} 项）"
    if kind == "too_short":
        return f"太少（至少 {ctx.get('min_length')} 项）"
    if kind == "literal_error":
        return f"只能是 {ctx.get('expected')}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return _MESSAGES.get(kind, UNKNOWN_PROBLEM)  # pydantic's own words are English: never shown


def _bound(value: object) -> str:
    """A bound as a person writes it: pydantic reports a Decimal bound as "Decimal('1000')"."""
    text = str(value)
    return text.removeprefix("Decimal('").removesuffix("')")


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: dict[str, Problem] = {}
    for problem in problems:
        seen.setdefault(problem.field, problem)
    return list(seen.values())
