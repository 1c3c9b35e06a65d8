"""The packet manifest (``manifest.json``) as a schema: formats ``dqsa-packet/1`` and ``dqsa-packet/2``.

A received manifest is outside input until proven otherwise: it is read with a size
and a nesting limit checked before the JSON parser runs, then validated by one of two
pydantic models. Every shape error becomes one line ``材料包格式不对：字段 …：…`` that
names the field. The models are strict (a string is not a number, ``true`` is not 1)
and forbid unknown fields: the writer is ours, so anything else is damage or forgery.
No text field may hold a control character, a bidirectional control or a line separator
(a multi-line caption may hold newlines and tabs): shown in a terminal or a dialog, such a
name could forge a line (``校验通过。证书指纹：…``) or reorder what is read.

Format 1 is what the first release wrote (scores as strings, ``signed_at`` without a
zone, no ``media_type``, no ``pack.title``, no per-table ``percent``); it must verify
forever. Format 2 is the contract in PHASE1.md (numbers as numbers, zone-aware time).
Both offer the same reading API (:class:`ManifestBase`), so the receiving desk need
not care which one a center sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from dqsa.export.signed_zip import SIDE_FILES
from dqsa.export.wording import control_name, has_control
from dqsa.jsonlimits import JsonRefused, loads_limited

FORMAT_1 = "dqsa-packet/1"
FORMAT_2 = "dqsa-packet/2"
FORMATS = (FORMAT_1, FORMAT_2)
#: A manifest larger than this is refused before parsing (2000 evidence entries fit in about 1.5 MB).
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
#: The manifest nests 4 levels deep (totals.tables.A1.score); anything deeper than this is not ours.
MAX_MANIFEST_DEPTH = 12
#: Members a packet may hold (the zip reader refuses more before this is consulted).
MAX_ENTRIES = 2000
PREFIX = "材料包格式不对："


class ManifestError(ValueError):
    """A manifest that cannot be used; ``problems`` are Chinese lines naming the field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


# --- field types ---------------------------------------------------------------------------------


def _iso_datetime(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("应是 ISO 8601 日期时间，如 2026-11-30T14:05:00+08:00") from None
    if isinstance(value, datetime):
        return value
    raise ValueError("应是 ISO 8601 日期时间（文字），如 2026-11-30T14:05:00+08:00")


def _with_zone(value: datetime) -> datetime:
    if value.utcoffset() is None:
        raise ValueError("应带时区，如 2026-11-30T14:05:00+08:00")
    return value


def _one_line(value: str) -> str:
    bad = has_control(value)
    if bad is not None:
        raise ValueError(f"含有控制字符、换行或改变文字方向的字符（{control_name(bad)}），不能使用")
    return value


def _lines(value: str) -> str:
    bad = has_control(value, allow_newlines=True)
    if bad is not None:
        raise ValueError(f"含有控制字符或改变文字方向的字符（{control_name(bad)}），不能使用")
    return value


#: Every text of a manifest is one of these: one line (names, titles, codes) or several (a caption).
OneLine = AfterValidator(_one_line)
Lines = AfterValidator(_lines)
Text = Annotated[str, Field(max_length=4000), OneLine]
Name = Annotated[str, Field(min_length=1, max_length=200), OneLine]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Fingerprint = Annotated[str, Field(pattern=r"^[0-9A-F]{2}(:[0-9A-F]{2}){31}$")]
#: Format 1 wrote scores as decimal text ("88.5").
DecimalText = Annotated[str, Field(pattern=r"^-?[0-9]{1,9}(\.[0-9]{1,6})?$")]
Number = Annotated[int | float, Field(ge=-1e9, le=1e9, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
Size = Annotated[int, Field(ge=0, le=1 << 40)]
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_datetime)]
ZonedDateTime = Annotated[datetime, BeforeValidator(_iso_datetime), AfterValidator(_with_zone)]
MemberName = Annotated[str, Field(min_length=1, max_length=400), OneLine]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class CenterInfo(_Strict):
    name: Name
    level: Annotated[str, Field(min_length=1, max_length=40), OneLine]
    region: Annotated[str, Field(max_length=200), OneLine]


class SignerInfo(_Strict):
    name: Name
    title: Annotated[str, Field(max_length=200), OneLine]


class FileEntry(_Strict):
    sha256: Sha256
    size: Size


class PackRef1(_Strict):
    id: Name
    version: Annotated[str, Field(min_length=1, max_length=40), OneLine]
    hash: Sha256
    kind: Literal["scored", "checklist"]


class PackRef2(PackRef1):
    title: Annotated[str, Field(max_length=400), OneLine]


class TableTotals1(_Strict):
    score: DecimalText
    max: DecimalText


class TableTotals2(_Strict):
    score: Number
    max: Number
    percent: Number


class Totals1(_Strict):
    tables: Annotated[dict[Annotated[str, Field(max_length=40), OneLine], TableTotals1], Field(max_length=50)]
    total: DecimalText
    max: DecimalText
    percent: DecimalText
    unanswered: Count


class Totals2(_Strict):
    tables: Annotated[dict[Annotated[str, Field(max_length=40), OneLine], TableTotals2], Field(max_length=50)]
    total: Number
    max: Number
    percent: Number
    unanswered: Count


class EvidenceEntry1(_Strict):
    file: MemberName
    kind: Literal["photo", "document"]
    # "item", or the id of a catalogue of the packet's pack ("zone", "mechanism", …): the pack
    # says which catalogues there are (restoring checks the target against it).
    target_kind: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
    target_id: Annotated[str, Field(min_length=1, max_length=100), OneLine]
    caption: Annotated[str, Field(max_length=20_000), Lines]
    original_name: Annotated[str, Field(min_length=1, max_length=400), OneLine]
    original_sha256: Sha256
    original_size: Size
    original_date: IsoDateTime | None


class EvidenceEntry2(EvidenceEntry1):
    media_type: Annotated[str, Field(min_length=3, max_length=200), OneLine]


class ManifestBase(_Strict):
    """What both formats hold; the formats narrow ``pack``, ``totals``, ``signed_at`` and ``evidence``."""

    format: str
    program: Annotated[str, Field(max_length=100), OneLine]
    center: CenterInfo
    level_label: Annotated[str, Field(max_length=100), OneLine]
    year: Annotated[int, Field(ge=2000, le=2100)]
    pack: PackRef1
    totals: Totals1 | Totals2
    signer: SignerInfo
    signed_at: IsoDateTime
    certificate_fingerprint: Fingerprint
    files: Annotated[dict[MemberName, FileEntry], Field(max_length=MAX_ENTRIES)]
    evidence: Annotated[Sequence[EvidenceEntry1], Field(max_length=MAX_ENTRIES)]

    @model_validator(mode="after")
    def _members_consistent(self) -> Any:
        from dqsa.export.packet import ANSWERS_NAME, PACK_NAME, REPORT_NAME

        problems = []
        for required in (ANSWERS_NAME, PACK_NAME, REPORT_NAME):
            if required not in self.files:
                problems.append(f"字段 files：缺少 {required}")
        for side in SIDE_FILES:
            if side in self.files:
                problems.append(f"字段 files：不应列出 {side}")
        seen: set[str] = set()
        for index, entry in enumerate(self.evidence):
            if entry.file in (ANSWERS_NAME, PACK_NAME, REPORT_NAME):
                problems.append(f"字段 evidence[{index}].file：不能是 {entry.file}")
            elif entry.file not in self.files:
                problems.append(f"字段 evidence[{index}].file：指向的 {entry.file} 不在 files 中")
            elif entry.file in seen:
                problems.append(f"字段 evidence[{index}].file：{entry.file} 被重复使用")
            seen.add(entry.file)
        if problems:
            raise ValueError("；".join(problems))
        return self

    # -- the same reading API for both formats ----------------------------------------------------

    def total_decimal(self) -> tuple[Decimal, Decimal]:
        """The total and its maximum, as numbers whatever the format wrote."""
        return _decimal(self.totals.total), _decimal(self.totals.max)

    def percent_decimal(self) -> Decimal:
        return _decimal(self.totals.percent)

    def tables_decimal(self) -> dict[str, tuple[Decimal, Decimal]]:
        """Per table: (score, max) as numbers."""
        return {key: (_decimal(t.score), _decimal(t.max)) for key, t in self.totals.tables.items()}

    def media_type(self, entry: EvidenceEntry1) -> str | None:
        """The media type the manifest declares for an evidence entry (format 1 declares none)."""
        return entry.media_type if isinstance(entry, EvidenceEntry2) else None


class ManifestV1(ManifestBase):
    """``dqsa-packet/1``: the first release."""

    format: Literal["dqsa-packet/1"]
    totals: Totals1


class ManifestV2(ManifestBase):
    """``dqsa-packet/2``: numbers as numbers, signing time with its zone, media types, pack title."""

    format: Literal["dqsa-packet/2"]
    pack: PackRef2
    totals: Totals2
    signed_at: ZonedDateTime
    evidence: Annotated[Sequence[EvidenceEntry2], Field(max_length=MAX_ENTRIES)]


PacketManifest = ManifestV1 | ManifestV2


def _decimal(value: str | int | float) -> Decimal:
    return (
        Decimal(value)
        if isinstance(value, str)
        else Decimal(repr(value) if isinstance(value, float) else value)
    )


# --- parsing --------------------------------------------------------------------------------------


def parse_manifest(data: bytes) -> PacketManifest:
    """The manifest of either format, or :class:`ManifestError` naming every field that is wrong."""
    try:
        raw = loads_limited(
            data, what="清单 manifest.json ", max_bytes=MAX_MANIFEST_BYTES, max_depth=MAX_MANIFEST_DEPTH
        )
    except JsonRefused as exc:
        raise ManifestError([PREFIX + str(exc)]) from None
    return manifest_from_data(raw)


def manifest_from_data(raw: Any) -> PacketManifest:
    """Validate already-parsed manifest data (see :func:`parse_manifest`)."""
    if not isinstance(raw, dict):
        raise ManifestError([PREFIX + f"清单应是一个 JSON 对象（{{…}}），而这里是{_kind(raw)}"])
    fmt = raw.get("format")
    model: type[ManifestV1] | type[ManifestV2]
    if fmt == FORMAT_1:
        model = ManifestV1
    elif fmt == FORMAT_2:
        model = ManifestV2
    elif isinstance(fmt, str) and fmt.startswith("dqsa-packet/"):
        raise ManifestError(
            [
                f"材料包是更新版本的 dqsa 做的（格式 {fmt[:40]}），本程序只能读 {'、'.join(FORMATS)}；请升级本程序。"
            ]
        )
    else:
        shown = repr(fmt)[:60]
        raise ManifestError(
            [PREFIX + f"字段 format 应是 {' 或 '.join(FORMATS)}，而这里是 {shown}（不是 dqsa 材料包？）"]
        )
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ManifestError(validation_problems(exc)) from None


def validation_problems(exc: ValidationError, prefix: str = PREFIX) -> list[str]:
    """pydantic's errors as Chinese lines, one per field: ``<prefix>字段 center.name：不能为空``."""
    messages: dict[str, str] = {}
    for error in exc.errors(include_url=False):
        field = _field_name(error["loc"])
        if field in messages and error["type"] != "float_type":
            continue  # a union reports each of its members: one line per field is enough
        messages[field] = "应是数字" if error["type"] == "float_type" else _message(error)
    return [
        prefix + (f"字段 {field}：{message}" if field else message) for field, message in messages.items()
    ]


def _field_name(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in {"int", "float", "str", "none", "datetime"} or part.startswith("function-"):
            continue  # a union's member name, not a field
        else:
            text += ("." if text else "") + part
    return text


_MESSAGES = {
    "missing": "缺少这个字段",
    "extra_forbidden": "不认识的字段",
    "bool_type": "应是 true 或 false",
    "int_type": "应是整数",
    "float_type": "应是数字",
    "string_type": "应是文字",
    "dict_type": "应是一个对象（{…}）",
    "model_type": "应是一个对象（{…}）",
    "list_type": "应是一个列表（[…]）",
    "is_instance_of": "应是一个列表（[…]）",
    "sequence_str": "应是一个列表（[…]），不是文字",
    "datetime_type": "应是日期时间",
    "none_required": "应是 null",
    "finite_number": "应是有限的数字",
    "model_attributes_type": "应是一个对象（{…}）",
    # A lone surrogate (\ud800 in the JSON): not text any program can show or store.
    "string_unicode": "文字中有无效的字符（不成对的代理码位）",
}


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        return "格式不对"
    if kind == "string_too_short":
        return "不能为空"
    if kind in {"string_too_long", "too_long"}:
        return f"太长（最多 {ctx.get('max_length')}）"
    if kind == "literal_error":
        return f"只能是 {ctx.get('expected')}"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"不能小于 {ctx.get('ge', ctx.get('gt'))}"
    if kind in {"less_than_equal", "less_than"}:
        return f"不能大于 {ctx.get('le', ctx.get('lt'))}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    return _MESSAGES.get(kind, "类型或取值不对")


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "一个列表"
    if isinstance(value, str):
        return "一段文字"
    if isinstance(value, bool) or value is None:
        return f" {str(value).lower() if value is not None else 'null'}"
    return "一个数字"
