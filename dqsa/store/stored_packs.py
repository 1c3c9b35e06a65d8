"""Criteria packs as this file keeps them: each assessment is scored with the exact pack it
was made with, stored once as canonical JSON and parsed once per open file."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.errors import InvalidInput, Problem
from dqsa.packs import find_pack
from dqsa.store import models as m
from dqsa.store.files import CENTER_FILE
from dqsa.store.pack_content import read_stored_pack
from dqsa.store.records import now


class StoredPacks:
    """The packs of one open file, parsed at most once each."""

    def __init__(self, path: Path | None = None) -> None:
        self._parsed: dict[int, CriteriaPack] = {}
        #: The file's path, for messages.
        self.path = path

    def clear(self) -> None:
        """Forget parsed packs (the file's content was replaced)."""
        self._parsed.clear()

    def get(self, session: Session, pack_ref: int) -> CriteriaPack:
        """The stored pack with this row id; :class:`CorruptFile` when its content is not what was stored."""
        if pack_ref not in self._parsed:
            row = session.get(m.StoredPack, pack_ref)
            if row is None:
                raise LookupError(f"no stored pack {pack_ref}")
            self._parsed[pack_ref] = read_stored_pack(
                row.content,
                row.content_hash,
                pack_id=row.pack_id,
                version=row.version,
                noun=CENTER_FILE.noun,
                path=self.path,
            )
        return self._parsed[pack_ref]

    def of(self, session: Session, assessment: m.Assessment) -> CriteriaPack:
        """The pack an assessment was made with."""
        return self.get(session, assessment.pack_ref)

    def store(self, session: Session, pack: CriteriaPack) -> m.StoredPack:
        """The row holding ``pack`` (added if this exact content is not in the file yet)."""
        digest = pack.content_hash()
        row = session.scalar(select(m.StoredPack).where(m.StoredPack.content_hash == digest))
        if row is None:
            content = json.dumps(
                pack.model_dump(mode="json", by_alias=True), ensure_ascii=False, sort_keys=True
            )
            row = m.StoredPack(
                pack_id=pack.id, version=pack.version, content_hash=digest, content=content, stored_at=now()
            )
            session.add(row)
            session.flush()
        return row

    def for_answers(self, session: Session, pack_id: str, version: str) -> CriteriaPack:
        """The pack answers name: this file's copy, else the bundled pack of that id and version."""
        rows = session.scalars(
            select(m.StoredPack).where(m.StoredPack.pack_id == pack_id, m.StoredPack.version == version)
        ).all()
        if rows:
            return self.get(session, rows[-1].id)
        pack = find_pack(pack_id)
        if pack.version != version:
            raise InvalidInput(
                [
                    Problem(
                        "pack.version",
                        f"本文件和本程序都没有标准包 {pack_id} 的 {version} 版（自带 {pack.version}）",
                    )
                ]
            )
        return pack
