"""One assessment's answers (format ``dqsa-answers/1``) and their validation.

:class:`Answers` checks the shape of the data on its own; :func:`check_answers`
checks it against the criteria pack it claims (levels, fact types and bounds, item
ids, manual scores, overrides). Both report every problem with the field it is in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    Strict,
    StrictBool,
    StrictInt,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from dqsa.domain.criteria import MAX_ITEM_POINTS, CriteriaPack, FactDef, ManualRule
from dqsa.domain.errors import InvalidInput, Problem, problems_from_validation_error
from dqsa.domain.numbers import ONE_DECIMAL, fmt, is_multiple
from dqsa.domain.text import multi_line, printable, single_line
from dqsa.domain.vocabulary import Catalog, Ratio

ANSWERS_FORMAT = "dqsa-answers/1"
#: The largest area the program accepts, in m² (larger is a typing error).
MAX_AREA_M2 = Decimal(100_000)
#: The largest count (trainings, respondents, …) the program accepts.
MAX_COUNT = 1_000_000
#: No item is worth more than this many points (larger is a typing error, not a score).
MAX_POINTS = MAX_ITEM_POINTS
#: Longest list (staff, catalogue answers) and largest map (facts, scores, notes) accepted.
MAX_ENTRIES = 1000

FactValue = StrictBool | StrictInt | Annotated[Decimal, Strict()]
ChecklistStatus = Literal["met", "not_met", "na"]
CHECKLIST_LABELS = {"met": "符合", "not_met": "不符合", "na": "不适用", "unanswered": "未填写"}

#: parse_answers' context for answers read back from a center file: text that got in before the
#: checks at entry is shown without what cannot be shown, not refused (the year still opens).
STORED = {"stored": True}


def _one_line(value: str, info: ValidationInfo) -> str:
    return printable(value, lines=False) if _stored(info) else single_line(value)


def _lines(value: str, info: ValidationInfo) -> str:
    return printable(value) if _stored(info) else multi_line(value)


def _stored(info: ValidationInfo) -> bool:
    return isinstance(info.context, dict) and bool(info.context.get("stored"))


#: Several lines of free text (notes, measures, reasons): see :mod:`dqsa.domain.text`.
_Text = Annotated[str, Field(max_length=4000), AfterValidator(_lines)]
#: One line of free text (names, region, contact).
_Line = Annotated[str, AfterValidator(_one_line)]
_Name = Annotated[_Line, Field(max_length=200)]


def _number_in(value: object) -> object:
    """A JSON number becomes a Decimal exactly as written; text, yes/no and the rest are refused.

    (Left to pydantic, a number field would take "12" as 12 and true as 1.)
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise ValueError("应是数字，不是是/否（true/false）")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))  # the shortest text of the float, not its binary expansion
    raise ValueError("应是数字")


_Area = Annotated[
    Decimal,
    BeforeValidator(_number_in),
    Strict(),
    Field(ge=0, le=MAX_AREA_M2),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": float(MAX_AREA_M2)}),
]
_Points = Annotated[
    Decimal,
    BeforeValidator(_number_in),
    Strict(),
    Field(ge=0, le=MAX_POINTS),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": float(MAX_POINTS)}),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Center(_Model):
    """The center being assessed."""

    name: Annotated[_Line, Field(min_length=1, max_length=200)]
    level: Annotated[_Line, Field(min_length=1, max_length=40)]
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

    name: Annotated[_Line, Field(min_length=1, max_length=100)]
    role: _Name = ""
    full_time: StrictBool = False
    party_member: StrictBool = False
    trained: StrictBool = False
    phone: Annotated[_Line, Field(max_length=40)] = ""

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("姓名不能为空")
        return value.strip()


class ZoneAnswer(_Model):
    """A functional zone of the pack's catalogue: present or not, its area, a note."""

    id: str
    present: StrictBool
    area_m2: _Area | None = None
    note: _Text = ""


class MechanismAnswer(_Model):
    """An operating mechanism (制度/机制): established or not."""

    id: str
    established: StrictBool
    note: _Text = ""


class LedgerAnswer(_Model):
    """A ledger (台账): kept or not."""

    id: str
    kept: StrictBool
    note: _Text = ""


#: One answered entry of a catalogue list.
CatalogAnswer = ZoneAnswer | MechanismAnswer | LedgerAnswer


class Override(_Model):
    """A person's correction of an automatic result, with the reason (required)."""

    score: _Points | None = None
    status: ChecklistStatus | None = None
    reason: _Text = ""


class Answers(_Model):
    """Everything one assessment holds, as the interchange format."""

    format: Literal["dqsa-answers/1"]
    center: Center
    year: Annotated[StrictInt, Field(ge=2000, le=2100)]
    pack: PackRef
    assessor: _Name = ""
    facts: Annotated[dict[str, FactValue | None], Field(max_length=MAX_ENTRIES)] = Field(default_factory=dict)
    staff: Annotated[list[StaffMember], Field(max_length=MAX_ENTRIES)] | None = None
    zones: Annotated[list[ZoneAnswer], Field(max_length=MAX_ENTRIES)] = Field(default_factory=list)
    mechanisms: Annotated[list[MechanismAnswer], Field(max_length=MAX_ENTRIES)] = Field(default_factory=list)
    ledgers: Annotated[list[LedgerAnswer], Field(max_length=MAX_ENTRIES)] = Field(default_factory=list)
    manual_scores: Annotated[dict[str, _Points], Field(max_length=MAX_ENTRIES)] = Field(default_factory=dict)
    checklist: Annotated[dict[str, ChecklistStatus], Field(max_length=MAX_ENTRIES)] = Field(
        default_factory=dict
    )
    overrides: Annotated[dict[str, Override], Field(max_length=MAX_ENTRIES)] = Field(default_factory=dict)
    notes: Annotated[dict[str, _Text], Field(max_length=MAX_ENTRIES)] = Field(default_factory=dict)
    corrective_actions: Annotated[dict[str, _Text], Field(max_length=MAX_ENTRIES)] = Field(
        default_factory=dict
    )

    @field_validator("facts", mode="before")
    @classmethod
    def _keep_fact_types(cls, value: object) -> object:
        """Keep booleans boolean and whole numbers whole; other numbers become Decimal."""
        if not isinstance(value, dict):
            return value
        out: dict[object, object] = {}
        for key, raw in value.items():
            if isinstance(raw, float):
                raw = Decimal(repr(raw))
            out[key] = raw
        return out

    def to_json_dict(self) -> dict[str, JsonValue]:
        """Plain JSON-ready data (numbers as numbers, not strings), defaults left out."""
        data = self.model_dump(mode="python", exclude_defaults=True)
        data["format"] = ANSWERS_FORMAT
        return {key: _json_ready(value) for key, value in data.items()}


def _json_ready(value: object) -> JsonValue:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"not JSON data: {type(value).__name__}")


# --- the answers format's catalogue lists and roster columns (what a pack's vocabulary maps onto) ---


@dataclass(frozen=True)
class CatalogList:
    """A catalogue list of the answers file: its entries' yes/no fields, and whether they have an area."""

    flags: frozenset[str]
    has_area: bool


def catalog_lists() -> dict[str, CatalogList]:
    """The lists of :class:`Answers` that hold catalogue answers (entries with an ``id``), by field."""
    lists: dict[str, CatalogList] = {}
    for name, info in Answers.model_fields.items():
        entry = _list_entry_model(info.annotation)
        if entry is not None and "id" in entry.model_fields:
            fields = entry.model_fields
            flags = frozenset(n for n, f in fields.items() if f.annotation is bool)
            lists[name] = CatalogList(flags, has_area="area_m2" in fields)
    return lists


def roster_flags() -> frozenset[str]:
    """The yes/no columns of the staff roster (a derived fact may count the people with one)."""
    return frozenset(n for n, f in StaffMember.model_fields.items() if f.annotation is bool)


def catalog_answers(answers: Answers, field: str) -> Sequence[CatalogAnswer]:
    """The entries of one catalogue list of the answers (``field`` as in :func:`catalog_lists`)."""
    entries = getattr(answers, field)
    if not isinstance(entries, list):
        raise KeyError(f"答卷没有目录列表 {field}")
    return entries


def catalog_flag(entry: CatalogAnswer, catalog: Catalog) -> bool:
    """An answered catalogue entry's yes/no, read through the catalogue's ``flag``."""
    return bool(getattr(entry, catalog.flag))


def _list_entry_model(annotation: object) -> type[BaseModel] | None:
    if get_origin(annotation) is not list:
        return None
    (entry,) = get_args(annotation)
    return entry if isinstance(entry, type) and issubclass(entry, BaseModel) else None


def parse_answers(data: object, *, stored: bool = False) -> Answers:
    """Build :class:`Answers` from plain data, or raise :class:`InvalidInput`.

    ``stored``: the data was read back from a center file, where text that got in before
    the checks at entry may still hold characters that cannot be shown; they are dropped
    instead of refused (see :func:`dqsa.domain.text.printable`).
    """
    if not isinstance(data, dict):
        raise InvalidInput([Problem("", "答卷应是一个 JSON 对象")])
    if data.get("format") != ANSWERS_FORMAT:
        got = data.get("format")
        raise InvalidInput([Problem("format", f"不是 {ANSWERS_FORMAT} 格式的答卷（format 为 {got!r}）")])
    try:
        return Answers.model_validate(data, context=STORED if stored else None)
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
    for field in catalog_lists():
        catalog = pack.catalog_for_answers(field)
        entries = catalog_answers(answers, field)
        if catalog is None:
            problems += [
                Problem(f"{field}[{index}].id", f"标准包 {pack.id} 没有这一类目录（{field}）")
                for index, _ in enumerate(entries)
            ]
        else:
            problems += _check_catalog(field, entries, {e.id for e in catalog.entries}, catalog.label)
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
        number = Decimal(value)
        if not number.is_finite():
            problems.append(Problem(where, f"{fact.label}应是有限的数字"))
            continue
        unit = f" {fact.unit}" if fact.unit else ""
        limit = fact_limit(fact)
        if number > limit:  # before any arithmetic: 1e27 % 0.1 is beyond Decimal's precision
            problems.append(Problem(where, f"{fact.label} {value}{unit} 超出合理范围（最大 {limit}{unit}）"))
            continue
        if number < 0:
            problems.append(Problem(where, f"{fact.label}不能为负数（填写的是 {value}{unit}）"))
        elif fact.minimum is not None and number < fact.minimum:
            problems.append(Problem(where, f"{fact.label}不能小于 {fact.minimum}{unit}"))
        elif fact.type == "int" and not is_multiple(number, Decimal(1)):
            problems.append(Problem(where, f"{fact.label}应是整数，填写的是 {value}"))
        elif fact.type == "number" and not is_multiple(number, ONE_DECIMAL):
            problems.append(Problem(where, f"{fact.label}最多保留一位小数"))
    for derived in pack.derived_facts:  # a rate's part may not exceed its whole
        if not isinstance(derived.derive, Ratio):
            continue
        part_id, whole_id = derived.derive.part, derived.derive.whole
        part, whole = _number(answers.facts.get(part_id)), _number(answers.facts.get(whole_id))
        if part is not None and whole is not None and part > whole:
            part_label, whole_label = pack.fact_label(part_id), pack.fact_label(whole_id)
            problems.append(
                Problem(
                    f"facts.{part_id}", f"{part_label}（{fmt(part)}）不能多于{whole_label}（{fmt(whole)}）"
                )
            )
    return problems


def fact_limit(fact: FactDef) -> Decimal:
    """The largest value accepted for a numeric fact: the pack's maximum, else a sane bound by unit."""
    if fact.maximum is not None:
        return fact.maximum
    return MAX_AREA_M2 if fact.unit in {"m²", "平方米"} else Decimal(MAX_COUNT)


def _number(value: object) -> Decimal | None:
    """A finite number given as a number (not a yes/no), else None."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    number = Decimal(value)
    return number if number.is_finite() else None


def _check_catalog(field: str, entries: Sequence[CatalogAnswer], known: set[str], what: str) -> list[Problem]:
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
            elif not is_multiple(score, step):
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
    elif not is_multiple(override.score, ONE_DECIMAL):
        problems.append(Problem(where, "更正后的得分最多保留一位小数"))
    return problems


# --- checking one edited field ----------------------------------------------------------------
# The store checks each edit on its own before writing it: the edited part is validated by
# the Answers model itself (its field, with its validators), then checked against the pack
# by check_answers, without inventing the rest of a document.

#: Parts of :class:`Answers` that are lists of entries: an edit changes one entry.
_ENTRY_PARTS = frozenset({"zones", "mechanisms", "ledgers"})
#: Parts that map an id (fact or item) to a value: an edit changes one key.
_KEYED_PARTS = frozenset({"facts", "manual_scores", "checklist", "overrides", "notes", "corrective_actions"})


def check_edit(
    pack: CriteriaPack, level: str, field: str, value: Any, *, facts: dict[str, Any] | None = None
) -> Any:
    """Check one edited field of an assessment of ``level`` against ``pack``; return it as answers hold it.

    ``field`` names the edit as in an answers document: ``center`` (a dict of name, level,
    region and contact; returns a :class:`Center`), ``assessor``, ``year``, ``staff`` (the
    whole roster or None), ``zones`` / ``mechanisms`` / ``ledgers`` (one entry as a dict),
    ``facts.<fact id>`` (``facts``: the assessment's facts, for the checks that compare
    facts with each other), ``manual_scores.<item id>``, ``checklist.<item id>``,
    ``overrides.<item id>`` (a dict), ``notes.<item id>``, ``corrective_actions.<item id>``.

    Raises :class:`InvalidInput` naming the field for a value of the wrong shape or one
    the pack does not allow. For a fact, only problems the edit brings are reported: one
    the other facts already had is not this edit's.
    """
    part, _, key = field.partition(".")
    if part == "center":
        try:
            center = Center.model_validate(value)
        except ValidationError as exc:
            raise InvalidInput(
                [Problem(f"center.{p.field}", p.message) for p in problems_from_validation_error(exc)]
            ) from None
        _raise_new_problems(pack, None, _edited_part(pack, center.level))
        return center
    if part not in Answers.model_fields or part in {"format", "center", "pack"}:
        raise ValueError(f"not an editable part of the answers: {field!r}")
    if part in _KEYED_PARTS and not key:
        raise ValueError(f"{field!r} names no fact or item")
    given: Any = {key: value} if part in _KEYED_PARTS else [value] if part in _ENTRY_PARTS else value
    edited = _edited_part(pack, level)
    try:  # the model's own validation of this one field (validators included), nothing else
        Answers.__pydantic_validator__.validate_assignment(edited, part, given)
    except ValidationError as exc:
        raise InvalidInput(problems_from_validation_error(exc)) from None
    parsed = getattr(edited, part)
    if part == "facts":
        others = {k: v for k, v in (facts or {}).items() if k != key}
        before = _edited_part(pack, level, facts=others)
        _raise_new_problems(pack, before, _edited_part(pack, level, facts={**others, **parsed}))
    elif part in {"assessor", "year"}:
        _raise_new_problems(pack, None, _edited_part(pack, level))
    else:
        _raise_new_problems(pack, None, edited)
    if part in _KEYED_PARTS:
        return parsed[key]
    if part in _ENTRY_PARTS:
        return parsed[0]
    return parsed


def _edited_part(pack: CriteriaPack, level: str, **part: Any) -> Answers:
    """The edited part alone, in the shape check_answers reads (not validated here).

    Every field is given, empty unless edited: pydantic's model_construct inspects each
    default factory it has to call, which costs more than the whole check.
    """
    empty: dict[str, Any] = {"assessor": "", "staff": None, "zones": [], "mechanisms": [], "ledgers": []}
    empty |= {name: {} for name in _KEYED_PARTS}
    return Answers.model_construct(
        format="dqsa-answers/1",
        center=Center.model_construct(name="", level=level, region="", contact=""),
        pack=PackRef.model_construct(id=pack.id, version=pack.version),
        **(empty | part),
    )


def _raise_new_problems(pack: CriteriaPack, before: Answers | None, after: Answers) -> None:
    known = check_answers(pack, before) if before is not None else []
    problems = [p for p in check_answers(pack, after) if p not in known]
    if problems:
        raise InvalidInput(problems)
