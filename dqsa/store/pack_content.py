"""A criteria pack as a dqsa file keeps it: canonical JSON beside the digest it was stored with.

Both kinds of file (the center's and the receiving desk's) read their stored packs
through :func:`read_stored_pack`, which refuses content that no longer matches its
recorded SHA-256: a pack edited inside the file (a threshold lowered, points raised)
is never parsed, never scored with and never exported as the pack it claims to be.
The digest is :func:`~dqsa.domain.criteria.pack_data_digest` of the stored data as
written, so a pack an earlier program stored (format 1, upgraded on reading) checks
against the digest that program recorded.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from dqsa.domain.criteria import CriteriaPack, pack_data_digest
from dqsa.domain.errors import InvalidInput
from dqsa.store.errors import CorruptFile

log = logging.getLogger(__name__)


def read_stored_pack(
    content: str, content_hash: str, *, pack_id: str, version: str, noun: str, path: Path | None
) -> CriteriaPack:
    """The pack stored as ``content``, or :class:`CorruptFile` when it is not what was stored.

    ``noun`` names the file in the message (中心文件, 审核台账).
    """
    name = f"{pack_id} {version}"
    try:
        data = json.loads(content)
    except ValueError as exc:  # not JSON any more (or a lone surrogate SQLite could not decode)
        log.warning("stored pack %s is not JSON: %s", name, exc)
        raise CorruptFile(
            f"{noun}中保存的评分标准包 {name} 已损坏，无法读取：{path}\n"
            "请从自动备份恢复（文件 → 备份与恢复）。",
            path=path,
        ) from None
    if pack_data_digest(data) != content_hash:
        log.warning("stored pack %s does not match its digest %s", name, content_hash)
        raise CorruptFile(
            f"{noun}中保存的评分标准包 {name} 的内容与保存时记录的摘要（SHA-256）不一致，"
            f"说明它在本程序之外被改动过：{path}\n"
            "为了不用改动过的评分规则计分，本程序不使用它，也不会把它作为正式标准导出。"
            "请从自动备份恢复（文件 → 备份与恢复），或改用未被改动的原文件。",
            path=path,
        )
    try:
        return _parse(data, name)
    except InvalidInput as exc:
        raise CorruptFile(
            f"{noun}中保存的评分标准包 {name} 无法读取（{exc.problems[0] if exc.problems else exc}）：{path}\n"
            "请从自动备份恢复（文件 → 备份与恢复）。",
            path=path,
        ) from None


def _parse(data: object, name: str) -> CriteriaPack:
    from dqsa.packs import pack_from_data

    return pack_from_data(data, name=name)
