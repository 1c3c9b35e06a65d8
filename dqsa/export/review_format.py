"""The review result (审核结果) as a schema: format ``dqsa-review/1``, its ``review.json`` and its manifest.

A desk's result is made like a packet (a signed zip, :mod:`dqsa.export.signed_zip`)::

    review.json        the result (:class:`ReviewDocument`), UTF-8 JSON, sorted keys
    审核结果.pdf         a short printable result, PAdES-signed by the desk
    manifest.json      :class:`ReviewManifest`: the two members' digests, the desk, the time
    manifest.sig       ECDSA-SHA256 signature of manifest.json (DER)
    certificate.pem    the desk's self-signed certificate

A received result is outside input until proven otherwise: size and nesting are
limited before the JSON parser runs, a key twice is refused, and the models are strict
(a string is not a number, ``true`` is not 1, unknown fields are refused, no text holds a
control or bidirectional character). Beyond each field's shape, :class:`ReviewDocument`
checks that it adds up: every item once, a checklist's words only on a checklist, and the
totals equal to what the items give. Field by field in ``docs/审核结果格式.md``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from dqsa.export.manifest import (
    CenterInfo,
    FileEntry,
    Fingerprint,
    IsoDateTime,
    Lines,
    MemberName,
    Name,
    Number,
    OneLine,
    Sha256,
    ZonedDateTime,
    validation_problems,
)
from dqsa.jsonlimits import JsonRefused, loads_limited

REVIEW_FORMAT = "dqsa-review/1"
REVIEW_NAME = "review.json"
REVIEW_PDF_NAME = "审核结果.pdf"
#: The members a result carries besides the signed zip's side files.
REVIEW_MEMBERS = (REVIEW_NAME, REVIEW_PDF_NAME)
MAX_REVIEW_BYTES = 8 * 1024 * 1024
#: review.json nests 3 levels (items → item → field); more is not ours.
MAX_REVIEW_DEPTH = 6
MAX_REVIEW_MANIFEST_BYTES = 64 * 1024
MAX_ITEMS = 2000
MAX_COMMENT = 20_000
MAX_REASON = 2_000
PREFIX = "审核结果格式不对："

ReviewStateCode = Literal["passed", "returned", "problem", "pending"]
VerdictCode = Literal["met", "not_met", "na"]


class ReviewFormatError(ValueError):
    """A manifest or review.json that cannot be used; ``problems`` are Chinese lines naming the field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


class DeskName(_Strict):
    name: Name


class ReviewManifest(_Strict):
    """``manifest.json`` of a result."""

    format: Literal["dqsa-review/1"]
    program: Annotated[str, Field(max_length=100), OneLine]
    files: Annotated[dict[MemberName, FileEntry], Field(max_length=len(REVIEW_MEMBERS))]
    certificate_fingerprint: Fingerprint
    signed_at: ZonedDateTime
    desk: DeskName

    @model_validator(mode="after")
    def _members(self) -> Any:
        if set(self.files) != set(REVIEW_MEMBERS):
            raise ValueError(f"字段 files：应正好列出 {'、'.join(REVIEW_MEMBERS)}")
        return self


class PackRef(_Strict):
    id: Name
    version: Annotated[str, Field(min_length=1, max_length=40), OneLine]
    kind: Literal["scored", "checklist"]
    title: Annotated[str, Field(max_length=400), OneLine]


class PacketRef(_Strict):
    """The packet the result is about, as the desk received it."""

    sha256: Sha256
    fingerprint: Fingerprint
    #: As the packet wrote it (a format-1 packet's time has no zone).
    signed_at: IsoDateTime


class Reviewer(_Strict):
    name: Name
    title: Annotated[str, Field(min_length=1, max_length=200), OneLine]


class Totals(_Strict):
    """Scored: points; checklist: counts of items met (``self``, ``reviewed``) and applicable (``max``)."""

    self_score: Annotated[Number, Field(alias="self", ge=0)]
    reviewed: Annotated[Number, Field(ge=0)]
    max: Annotated[Number, Field(ge=0)]


class ReviewItem(_Strict):
    """One item: the center's own score, the reviewer's (null: kept the center's), a checklist verdict."""

    id: Annotated[str, Field(min_length=1, max_length=100), OneLine]
    self_score: Annotated[Number | None, Field(alias="self", ge=0)]
    reviewed: Annotated[Number | None, Field(ge=0)]
    status: VerdictCode | None
    reason: Annotated[str, Field(max_length=MAX_REASON), Lines]

    @property
    def kept(self) -> bool:
        """The reviewer kept the center's own word on this item."""
        return self.reviewed is None and self.status is None


class ReviewDocument(_Strict):
    """``review.json``."""

    format: Literal["dqsa-review/1"]
    desk: DeskName
    center: CenterInfo
    year: Annotated[int, Field(ge=2000, le=2100)]
    pack: PackRef
    packet: PacketRef
    state: ReviewStateCode
    comment: Annotated[str, Field(max_length=MAX_COMMENT), Lines]
    reviewer: Reviewer
    reviewed_at: ZonedDateTime
    totals: Totals
    items: Annotated[list[ReviewItem], Field(min_length=1, max_length=MAX_ITEMS)]

    @model_validator(mode="after")
    def _adds_up(self) -> Any:
        problems = _item_problems(self)
        if not problems:
            problems = _total_problems(self)
        if problems:
            raise ValueError("；".join(problems))
        return self

    @property
    def checklist(self) -> bool:
        return self.pack.kind == "checklist"


def _decimal(value: int | float | None) -> Decimal:
    if value is None:
        return Decimal(0)
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _item_problems(document: ReviewDocument) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    checklist = document.checklist
    for index, item in enumerate(document.items):
        where = f"字段 items[{index}]"
        if item.id in seen:
            problems.append(f"{where}.id：条目 {item.id} 出现了两次")
        seen.add(item.id)
        if not checklist:
            if item.status is not None:
                problems.append(f"{where}.status：计分表的条目没有“符合/不符合”，应为 null")
            continue
        if item.self_score not in (None, 0, 1):
            problems.append(f"{where}.self：核查清单的条目只能是 1、0 或 null")
        wanted = {"met": 1, "not_met": 0, "na": None, None: None}[item.status]
        if item.reviewed != wanted:
            problems.append(f"{where}.reviewed：与 status（{item.status}）不一致")
        if len(problems) >= 10:
            break
    return problems


def _own_verdict(score: int | float | None) -> str:
    """A checklist item's own word: 1 met, 0 not met, null not applicable."""
    return "na" if score is None else ("met" if score == 1 else "not_met")


def _total_problems(document: ReviewDocument) -> list[str]:
    """The totals must be what the items give (the reader never trusts a figure it can compute)."""
    items = document.items
    if document.checklist:
        own = [i.self_score for i in items]
        final = [i.status if i.status is not None else _own_verdict(i.self_score) for i in items]
        self_total = Decimal(sum(1 for s in own if s == 1))
        reviewed = Decimal(sum(1 for v in final if v == "met"))
        maximum: Decimal | None = Decimal(sum(1 for s in own if s is not None))
    else:
        self_total = sum((_decimal(i.self_score) for i in items), Decimal(0))
        reviewed = sum(
            (_decimal(i.reviewed if i.reviewed is not None else i.self_score) for i in items), Decimal(0)
        )
        maximum = None  # an item's maximum is the pack's: not in the result
    totals = document.totals
    problems = []
    if _decimal(totals.self_score) != self_total:
        problems.append(f"字段 totals.self：与逐项的自评合计（{self_total}）不一致")
    if _decimal(totals.reviewed) != reviewed:
        problems.append(f"字段 totals.reviewed：与逐项的复核合计（{reviewed}）不一致")
    if maximum is not None and _decimal(totals.max) != maximum:
        problems.append(f"字段 totals.max：与适用的条目数（{maximum}）不一致")
    if _decimal(totals.self_score) > _decimal(totals.max) and not document.checklist:
        problems.append("字段 totals.self：大于满分 totals.max")
    return problems


# --- parsing ------------------------------------------------------------------------------------------


def parse_review_manifest(data: bytes) -> ReviewManifest:
    """A result's manifest, or :class:`ReviewFormatError` naming every field that is wrong."""
    raw = _load(data, "清单 manifest.json ", MAX_REVIEW_MANIFEST_BYTES)
    if isinstance(raw, dict) and isinstance(raw.get("format"), str) and raw["format"] != REVIEW_FORMAT:
        fmt = str(raw["format"])[:40]
        if fmt.startswith("dqsa-review/"):
            raise ReviewFormatError(
                [
                    f"审核结果是更新版本的 dqsa 做的（格式 {fmt}），本程序只能读 {REVIEW_FORMAT}；请升级本程序。"
                ]
            )
        raise ReviewFormatError(
            [PREFIX + f"字段 format 应是 {REVIEW_FORMAT}，而这里是 {fmt!r}（是材料包，不是审核结果？）"]
        )
    return _validate(ReviewManifest, raw, "清单")


def parse_review(data: bytes) -> ReviewDocument:
    """``review.json``, or :class:`ReviewFormatError` naming every field that is wrong."""
    return _validate(ReviewDocument, _load(data, f"{REVIEW_NAME} ", MAX_REVIEW_BYTES), REVIEW_NAME)


def _load(data: bytes, what: str, limit: int) -> Any:
    try:
        return loads_limited(data, what=what, max_bytes=limit, max_depth=MAX_REVIEW_DEPTH)
    except JsonRefused as exc:
        raise ReviewFormatError([PREFIX + str(exc)]) from None


M = TypeVar("M", bound=BaseModel)


def _validate(model: type[M], raw: Any, what: str) -> M:
    if not isinstance(raw, dict):
        raise ReviewFormatError([PREFIX + f"{what}应是一个 JSON 对象（{{…}}）"])
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        where = "" if what == "清单" else f"{what} "
        raise ReviewFormatError(validation_problems(exc, PREFIX + where)) from None
