"""Reading a whole center file once, as every part of the program would: before a backup replaces the open file.

SQLite's integrity check sees pages, not meaning: a byte changed inside a text or a
JSON value passes it. :func:`check_center_content` reads what the program reads later
(every stored pack against its digest, every year's answers checked against its pack
and scored, the year list, the history, every piece of evidence against its digest)
and raises :class:`~dqsa.store.errors.CorruptFile` at the first thing that is not as
the program wrote it. It opens the file so that nothing can be written or made beside it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dqsa.domain.answers import check_answers
from dqsa.domain.scoring import score
from dqsa.store import models as m
from dqsa.store.database import Database, read_every_row
from dqsa.store.durable import DurableFile
from dqsa.store.errors import CorruptFile, backup_refusal
from dqsa.store.files import CENTER_FILE
from dqsa.store.mapping import answers_of
from dqsa.store.records import from_json
from dqsa.store.stored_packs import StoredPacks
from dqsa.store.year_list import read_year_list


def check_center_content(path: Path, shown: Path | None = None, *, what: str = "备份文件") -> None:
    """Read everything ``path`` holds; :class:`CorruptFile` at the first damage found.

    ``path`` must be a whole file of the newest schema with no ``-wal`` log beside it (a
    copy of a backup after :func:`~dqsa.store.sqlitefile.check_contents`, migrated if it
    was older). The message calls it ``what`` and names ``shown`` (the backup the person chose).
    """
    path = Path(path)
    file = DurableFile(path, CENTER_FILE, backup_folder=path.parent, keep=0, lock=None, read_only="checked")
    database = Database(file)
    packs = StoredPacks(path)

    def read(session: Session) -> None:
        read_every_row(session, m.Base, skip=(m.EvidenceBlob,))
        for pack_row in session.scalars(select(m.StoredPack)):
            packs.get(session, pack_row.id)
        for a in session.scalars(select(m.Assessment).order_by(m.Assessment.year)):
            pack = packs.of(session, a)
            answers = answers_of(session, a, pack)
            problems = check_answers(pack, answers)
            if problems:
                raise CorruptFile(f"{a.year} 年度的自评内容已损坏（{problems[0]}）。", path=path)
            score(pack, answers, validate=False)
        for change in session.scalars(select(m.Change)):
            from_json(change.old_value)
            from_json(change.new_value)
        for blob_id, digest in session.execute(select(m.EvidenceBlob.id, m.EvidenceBlob.sha256)).all():
            data = session.scalar(select(m.EvidenceBlob.data).where(m.EvidenceBlob.id == blob_id))
            if data is None or hashlib.sha256(data).hexdigest() != digest:
                raise CorruptFile("有一份证明材料已损坏（内容与记录的摘要不一致）。", path=path)

    try:
        database.read(read)
        with database.raw() as connection:
            read_year_list(connection)
    except CorruptFile as exc:
        raise CorruptFile(
            backup_refusal(str(exc), path, shown or path, file.kind.noun, what), path=shown
        ) from None
    finally:
        database.engine.dispose()
