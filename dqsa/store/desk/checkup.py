"""Reading a whole desk file once, before a backup replaces the open one (see :mod:`dqsa.store.checkup`)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dqsa.store.database import Database, read_every_row
from dqsa.store.desk import models as dm
from dqsa.store.durable import DurableFile
from dqsa.store.errors import CorruptFile, backup_refusal
from dqsa.store.files import DESK_FILE
from dqsa.store.pack_content import read_stored_pack


def check_desk_content(path: Path, shown: Path | None = None, *, what: str = "备份文件") -> None:
    """Every row decoded, every stored pack against its digest, every packet's manifest parsed;
    :class:`CorruptFile` (naming ``what``) at the first damage found."""
    path = Path(path)
    file = DurableFile(path, DESK_FILE, backup_folder=path.parent, keep=0, lock=None, read_only="checked")
    database = Database(file)

    def read(session: Session) -> None:
        read_every_row(session, dm.DeskBase)
        for row in session.scalars(select(dm.DeskPack)):
            read_stored_pack(
                row.content, row.content_hash, pack_id=row.pack_id, version=row.version, noun=what, path=path
            )
        for packet_id, manifest in session.execute(select(dm.Packet.id, dm.Packet.manifest_json)).all():
            if not isinstance(json.loads(manifest), dict):
                raise CorruptFile(f"{what}中第 {packet_id} 个材料包的清单已损坏：{path}", path=path)

    try:
        database.read(read)
    except CorruptFile as exc:
        raise CorruptFile(
            backup_refusal(str(exc), path, shown or path, DESK_FILE.noun, what), path=shown
        ) from None
    finally:
        database.engine.dispose()
