"""One assessment's answers (format ``dqsa-answers/1``) and their validation.

:class:`Answers` checks the shape of the data on its own; :func:`check_answers`
checks it against the criteria pack it claims (levels, fact types and bounds, item
ids, manual scores, overrides). Both report every problem with the field it is in.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StrictInt,
    ValidationError,
    field_validator,
)

from dqsa.domain.criteria import CriteriaPack, FactDef, ManualRule
from dqsa.domain.errors import InvalidInput, Problem, problems_from_validation_error

ANSWERS_FORMAT = "dqsa-answers/1"
#: Scores and areas are at most this fine.
ONE_DECIMAL = Decimal("0.1")
#: The largest area the program accepts, in m² (larger is a typing error).
MAX_AREA_M2 = Decimal(100_000)
#: The largest count (trainings, respondents, …) the program accepts.
MAX_COUNT = 1_000_000

FactValue = StrictBool | StrictInt | Annotated[Decimal, Strict()]
ChecklistStatus = Literal["met", "not_met", "na"]
CHECKLIST_LABELS = {"met": "符合", "not_met": "不符合", "na": "不适用", "unanswered": "未填写"}
#: Which field of :class:`Answers` holds each catalogue, and the name of its yes/no flag.
CATALOG_FIELDS: dict[str, str] = {"zone": "zones", "mechanism": "mechanisms", "ledger": "ledgers"}
CATALOG_FLAGS: dict[str, str] = {"zone": "present", "mechanism": "established", "ledger": "kept"}

_Text = Annotated[str, Field(max_length=4000)]
_Name = Annotated[str, Field(max_length=200)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Center(_Model):
    """The center being assessed."""

    name: Annotated[str, Field(min_length=1, max_length=200)]
    level: Annotated[str, Field(min_length=1, max_length=40)]
    region: _Name = ""
    contact: _Name = ""

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("中心名称不能为空")
        return value.strip()


class PackRef(_Model):
    """Which criteria pack (and version) the answers were made against."""

    id: Annotated[str, Field(min_length=1)]
    version: Annotated[str, Field(min_length=1)]


class StaffMember(_Model):
    """One line of the staff roster."""

    name: Annotated[str, Field(min_length=1, max_length=100)]
    role: _Name = ""
    full_time: bool = False
    party_member: bool = False
    trained: bool = False
    phone: Annotated[str, Field(max_length=40)] = ""

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("姓名不能为空")
        return value.strip()


class ZoneAnswer(_Model):
    """A functional zone of the pack's catalogue: present or not, its area, a note."""

    id: str
    present: bool
    area_m2: Annotated[Decimal, Field(ge=0, le=MAX_AREA_M2)] | None = None
    note: _Text = ""


class MechanismAnswer(_Model):
    """An operating mechanism (制度/机制): established or not."""

    id: str
    established: bool
    note: _Text = ""


class LedgerAnswer(_Model):
    """A ledger (台账): kept or not."""

    id: str
    kept: bool
    note: _Text = ""


class Override(_Model):
    """A person's correction of an automatic result, with the reason (required)."""

    score: Annotated[Decimal, Field(ge=0)] | None = None
    status: ChecklistStatus | None = None
    reason: _Text = ""


class Answers(_Model):
    """Everything one assessment holds, as the interchange format."""

    format: Literal["dqsa-answers/1"]
    center: Center
    year: Annotated[int, Field(ge=2000, le=2100)]
    pack: PackRef
    assessor: _Name = ""
    facts: dict[str, FactValue | None] = Field(default_factory=dict)
    staff: list[StaffMember] | None = None
    zones: list[ZoneAnswer] = Field(default_factory=list)
    mechanisms: list[MechanismAnswer] = Field(default_factory=list)
    ledgers: list[LedgerAnswer] = Field(default_factory=list)
    manual_scores: dict[str, Annotated[Decimal, Field(ge=0)]] = Field(default_factory=dict)
    checklist: dict[str, ChecklistStatus] = Field(default_factory=dict)
    overrides: dict[str, Override] = Field(default_factory=dict)
    notes: dict[str, _Text] = Field(default_factory=dict)
    corrective_actions: dict[str, _Text] = Field(default_factory=dict)

    @field_validator("facts", mode="before")
    @classmethod
    def _keep_fact_types(cls, value: Any) -> Any:
        """Keep booleans boolean and whole numbers whole; other numbers become Decimal."""
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for key, raw in value.items():
            if isinstance(raw, float):
                raw = Decimal(repr(raw))
            out[key] = raw
        return out

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (numbers as numbers, not strings), defaults left out."""
        data = self.model_dump(mode="python", exclude_defaults=True)
        data["format"] = ANSWERS_FORMAT
        return _json_ready(data)


def _json_ready(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    return value


def parse_answers(data: Any) -> Answers:
    """Build :class:`Answers` from plain data, or raise :class:`InvalidInput`."""
    if not isinstance(data, dict):
        raise InvalidInput([Problem("", "答卷应是一个 JSON 对象")])
    if data.get("format") != ANSWERS_FORMAT:
        got = data.get("format")
        raise InvalidInput([Problem("format", f"不是 {ANSWERS_FORMAT} 格式的答卷（format 为 {got!r}）")])
    try:
        return Answers.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(problems_from_validation_error(exc)) from None


def check_answers(pack: CriteriaPack, answers: Answers) -> list[Problem]:
    """Every way ``answers`` does not fit ``pack``; an empty list means valid."""
    problems: list[Problem] = []
    if answers.pack.id != pack.id:
        problems.append(Problem("pack.id", f"答卷使用的标准包是 {answers.pack.id}，不是 {pack.id}"))
    codes = [lv.code for lv in pack.levels]
    if answers.center.level not in codes:
        labels = "、".join(f"{lv.code}（{lv.label}）" for lv in pack.levels)
        problems.append(
            Problem("center.level", f"级别 {answers.center.level!r} 不属于标准包 {pack.id}，可选：{labels}")
        )
    problems += _check_facts(pack, answers)
    problems += _check_catalog("zones", answers.zones, {z.id for z in pack.zones}, "功能区")
    problems += _check_catalog("mechanisms", answers.mechanisms, {m.id for m in pack.mechanisms}, "机制")
    problems += _check_catalog("ledgers", answers.ledgers, {x.id for x in pack.ledgers}, "台账")
    problems += _check_items(pack, answers)
    return problems


def ensure_valid(pack: CriteriaPack, answers: Answers) -> None:
    """Raise :class:`InvalidInput` naming every problem, if there is any."""
    problems = check_answers(pack, answers)
    if problems:
        raise InvalidInput(problems)


def _check_facts(pack: CriteriaPack, answers: Answers) -> list[Problem]:
    problems: list[Problem] = []
    for fact_id, value in answers.facts.items():
        where = f"facts.{fact_id}"
        fact = pack.fact_def(fact_id)
        if fact is None:
            problems.append(Problem(where, f"标准包 {pack.id} 中没有这个事实项"))
            continue
        if value is None:
            continue
        if fact.type == "bool":
            if not isinstance(value, bool):
                problems.append(Problem(where, f"{fact.label}应填“是”或“否”（true/false）"))
            continue
        if isinstance(value, bool):
            problems.append(Problem(where, f"{fact.label}应是数字，不是是/否"))
            continue
        if fact.type == "int" and Decimal(value) != Decimal(value).to_integral_value():
            problems.append(Problem(where, f"{fact.label}应是整数，填写的是 {value}"))
            continue
        number = Decimal(value)
        if not number.is_finite():
            problems.append(Problem(where, f"{fact.label}应是有限的数字"))
            continue
        unit = f" {fact.unit}" if fact.unit else ""
        if number < 0:
            problems.append(Problem(where, f"{fact.label}不能为负数（填写的是 {value}{unit}）"))
        elif fact.minimum is not None and number < fact.minimum:
            problems.append(Problem(where, f"{fact.label}不能小于 {fact.minimum}{unit}"))
        limit = fact_limit(fact)
        if number > limit:
            problems.append(Problem(where, f"{fact.label} {value}{unit} 超出合理范围（最大 {limit}{unit}）"))
        if fact.type == "number" and _finer_than(number, ONE_DECIMAL):
            problems.append(Problem(where, f"{fact.label}最多保留一位小数"))
    respondents = answers.facts.get("survey.respondents")
    satisfied = answers.facts.get("survey.satisfied")
    if _is_number(respondents) and _is_number(satisfied) and satisfied > respondents:
        problems.append(
            Problem("facts.survey.satisfied", f"满意人数（{satisfied}）不能多于调查人数（{respondents}）")
        )
    return problems


def fact_limit(fact: FactDef) -> Decimal:
    """The largest value accepted for a numeric fact: the pack's maximum, else a sane bound by unit."""
    if fact.maximum is not None:
        return fact.maximum
    return MAX_AREA_M2 if fact.unit in {"m²", "平方米"} else Decimal(MAX_COUNT)


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool) and Decimal(value).is_finite()


def _finer_than(value: Decimal, step: Decimal) -> bool:
    """Whether ``value`` is not a whole multiple of ``step``.

    A number too large for the remainder (1e27 and up) cannot be told: it is out of
    every bound, and is refused as such, so it is not refused twice here.
    """
    try:
        return bool(value % step)
    except InvalidOperation:
        return False


def _check_catalog(field: str, entries: list[Any], known: set[str], what: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry.id not in known:
            problems.append(Problem(f"{field}[{index}].id", f"标准包中没有{what} {entry.id!r}"))
        elif entry.id in seen:
            problems.append(Problem(f"{field}[{index}].id", f"{what} {entry.id!r} 重复出现"))
        seen.add(entry.id)
    return problems


def _check_items(pack: CriteriaPack, answers: Answers) -> list[Problem]:
    problems: list[Problem] = []
    for item_id, score in answers.manual_scores.items():
        where = f"manual_scores.{item_id}"
        item = pack.item(item_id)
        if item is None:
            problems.append(Problem(where, f"标准包 {pack.id} 中没有条目 {item_id}"))
        elif not isinstance(item.rule, ManualRule):
            problems.append(
                Problem(where, f"条目 {item_id} 自动计分，不能手工打分（如需更正请用“更正”并写明理由）")
            )
        else:
            step = item.rule.step
            if item.max_points is not None and score > item.max_points:
                problems.append(Problem(where, f"得分 {score} 超过该条目满分 {item.max_points}"))
            if _finer_than(score, step):
                problems.append(Problem(where, f"得分 {score} 不是 {step} 的整数倍"))
    for item_id in answers.checklist:
        item = pack.item(item_id)
        if item is None:
            problems.append(Problem(f"checklist.{item_id}", f"标准包 {pack.id} 中没有条目 {item_id}"))
        elif item.rule.type != "checklist":
            problems.append(Problem(f"checklist.{item_id}", f"条目 {item_id} 由事实自动判定，不能直接勾选"))
    for item_id, override in answers.overrides.items():
        problems += _check_override(pack, item_id, override)
    for field, entries in (("notes", answers.notes), ("corrective_actions", answers.corrective_actions)):
        problems += [
            Problem(f"{field}.{item_id}", f"标准包 {pack.id} 中没有条目 {item_id}")
            for item_id in entries
            if pack.item(item_id) is None
        ]
    return problems


def _check_override(pack: CriteriaPack, item_id: str, override: Override) -> list[Problem]:
    where = f"overrides.{item_id}"
    item = pack.item(item_id)
    if item is None:
        return [Problem(where, f"标准包 {pack.id} 中没有条目 {item_id}")]
    if item.rule.type in {"manual", "checklist"}:
        return [Problem(where, f"条目 {item_id} 本来就由人工评定，直接修改即可，无需更正")]
    if pack.kind == "checklist":
        if override.status is None or override.score is not None:
            return [Problem(where, "核查清单的更正应给出 status（met / not_met / na），不给分数")]
        if not override.reason.strip():
            return [Problem(f"{where}.reason", "更正自动判定必须写明理由")]
        return []
    if override.score is None or override.status is not None:
        return [Problem(where, "更正应给出分数 score")]
    problems = []
    if not override.reason.strip():
        problems.append(Problem(f"{where}.reason", "更正自动评分必须写明理由"))
    if item.max_points is not None and override.score > item.max_points:
        problems.append(Problem(where, f"更正后的得分 {override.score} 超过该条目满分 {item.max_points}"))
    if _finer_than(override.score, ONE_DECIMAL):
        problems.append(Problem(where, "更正后的得分最多保留一位小数"))
    return problems
