"""What a packet's manifest says, checked against what the packet holds: one check for every reader.

A signature proves who signed a manifest, not that the manifest tells the truth: a
center (or anyone with a key of their own) can sign a manifest that claims 200/200
beside answers that score 153.5. So :func:`check_content` re-scores the packet's own
``answers.json`` with its own ``criteria-pack.json`` (through the domain) and compares
everything the manifest summarises: the totals per table, the total, maximum,
percentage and unanswered count; the year; the center's name, level, level label and
region; the pack's id, version, kind, title and content digest. It also refuses text
that could forge a line when shown (control and bidirectional characters) anywhere in
the answers or the pack, and (through :func:`dqsa.jsonlimits.loads_limited`) JSON with
a key twice.

:func:`dqsa.export.verify.verify_packet` runs it on every packet (``dqsa verify``, the
help menu's check, importing a packet), and the receiving desk takes the re-scored
result from there (:mod:`dqsa.export.receive`), so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from dqsa.export.packet import ANSWERS_NAME, PACK_NAME
from dqsa.export.wording import control_name, escaped, has_control

if TYPE_CHECKING:
    from dqsa.domain.answers import Answers
    from dqsa.domain.criteria import CriteriaPack
    from dqsa.domain.scoring import Scorecard
    from dqsa.export.manifest import PacketManifest


@dataclass(frozen=True)
class PacketContent:
    """A packet's answers and pack, read and re-scored: the scorecard equals the manifest's totals."""

    answers: Answers
    pack: CriteriaPack
    card: Scorecard


class ContentRefused(ValueError):
    """The packet's content does not match its manifest; ``problems`` name the member and the field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def check_content(manifest: PacketManifest, answers_bytes: bytes, pack_bytes: bytes) -> PacketContent:
    """Read, check and re-score; :class:`ContentRefused` lists every disagreement found."""
    from dqsa.answers_file import parse_answers_bytes
    from dqsa.domain.answers import check_answers
    from dqsa.domain.criteria import pack_data_digest
    from dqsa.domain.errors import InvalidInput
    from dqsa.domain.scoring import score
    from dqsa.jsonlimits import JsonRefused, loads_limited
    from dqsa.packs import MAX_PACK_BYTES, pack_from_data

    problems: list[str] = []
    answers = None
    try:
        answers = parse_answers_bytes(answers_bytes, what="")
    except InvalidInput as exc:
        problems += [_named(ANSWERS_NAME, p) for p in exc.problems]
    pack = None
    try:
        raw_pack = loads_limited(pack_bytes, what="", max_bytes=MAX_PACK_BYTES)
        pack = pack_from_data(raw_pack, name=PACK_NAME)
    except JsonRefused as exc:
        problems.append(f"{PACK_NAME}：{exc}")
    except InvalidInput as exc:
        problems += [_named(PACK_NAME, p) for p in exc.problems]
    if answers is None or pack is None:
        raise ContentRefused(problems)
    problems += _controls(PACK_NAME, raw_pack)
    problems += _controls(ANSWERS_NAME, answers.model_dump(mode="json"))
    declared = manifest.pack
    if (pack.id, pack.version) != (declared.id, declared.version):
        problems.append(
            f"{PACK_NAME}：标准包 {pack.id} {pack.version} 与清单（{declared.id} {declared.version}）不一致"
        )
    elif pack_data_digest(raw_pack) != declared.hash:  # the data as sent (a format-1 pack is upgraded)
        problems.append(f"{PACK_NAME}：内容摘要与清单中的 pack.hash 不符")
    if pack.kind != declared.kind:
        problems.append(f"{PACK_NAME}：类型 {pack.kind} 与清单中的 pack.kind（{declared.kind}）不一致")
    title = getattr(declared, "title", None)  # format 1 does not name the pack
    if title is not None and title != pack.title:
        problems.append(f"{PACK_NAME}：名称“{pack.title}”与清单中的 pack.title（“{title}”）不一致")
    if (answers.pack.id, answers.pack.version) != (declared.id, declared.version):
        problems.append(f"{ANSWERS_NAME}：字段 pack 与清单中的标准包不一致")
    if answers.year != manifest.year:
        problems.append(f"{ANSWERS_NAME}：字段 year 为 {answers.year}，清单为 {manifest.year}（不一致）")
    center, said = answers.center, manifest.center
    for field, own, listed in (
        ("name", center.name, said.name),
        ("level", center.level, said.level),
        ("region", center.region, said.region),
    ):
        if own != listed:
            problems.append(f"{ANSWERS_NAME}：字段 center.{field} 与清单中的 center.{field} 不一致")
    if problems:
        raise ContentRefused(problems)
    problems += [_named(ANSWERS_NAME, p) for p in check_answers(pack, answers)]
    if problems:
        raise ContentRefused(problems)
    try:
        card = score(pack, answers)
    except InvalidInput as exc:
        raise ContentRefused([_named(ANSWERS_NAME, p) for p in exc.problems]) from None
    _compare_totals(manifest, card)
    return PacketContent(answers, pack, card)


def _compare_totals(manifest: PacketManifest, card: Scorecard) -> None:
    total, maximum = manifest.total_decimal()
    tables = {t.table_id: (t.score, t.max_points) for t in card.tables}
    declared = manifest.tables_decimal()
    problems = []
    if (
        card.total != total
        or card.max_total != maximum
        or card.percent != manifest.percent_decimal()
        or tables != declared
        or len(card.unanswered) != manifest.totals.unanswered
    ):
        problems.append(
            "重新评分的结果与清单中的得分不一致："
            f"清单 {figures(declared, total, maximum)}，重新评分 {figures(tables, card.total, card.max_total)}。"
            "材料包的内容与它声明的得分不符，不能采信。"
        )
    if manifest.level_label and manifest.level_label != card.level_label:
        problems.append(
            f"清单中的级别名称 level_label（“{manifest.level_label}”）与标准包中该级别的名称"
            f"（“{card.level_label}”）不一致"
        )
    if problems:
        raise ContentRefused(problems)


def figures(tables: dict[str, tuple[Decimal, Decimal]], total: Decimal, maximum: Decimal) -> str:
    """``A1 53.2/100，A2 40/100，合计 93.2/200``."""
    from dqsa.domain.numbers import fmt

    parts = [f"{key} {fmt(s)}/{fmt(m)}" for key, (s, m) in tables.items()]
    return "，".join([*parts, f"合计 {fmt(total)}/{fmt(maximum)}"])


def _named(member: str, problem: object) -> str:
    field = getattr(problem, "field", "")
    message = getattr(problem, "message", str(problem))
    return f"{member}：字段 {field}：{message}" if field else f"{member}：{message}"


def _controls(member: str, data: Any) -> list[str]:
    """A line for each text (value or key) in ``data`` that holds a character no shown text may."""
    problems = []
    for path, text in _texts(data, ""):
        bad = has_control(text, allow_newlines=True)
        if bad is not None:
            where = f"字段 {escaped(path)}：" if path else ""
            problems.append(
                f"{member}：{where}含有控制字符或改变文字方向的字符（{control_name(bad)}），不能采信"
            )
            if len(problems) >= 10:
                break
    return problems


def _texts(data: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            inner = f"{path}.{key}" if path else str(key)
            if isinstance(key, str):
                yield inner, key
            yield from _texts(value, inner)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, f"{path}[{index}]")
