"""The kinds of file dqsa keeps, each a :class:`~dqsa.store.durable.FileKind`.

Light: no SQLAlchemy, so the start-up path can read a file's year list with plain
``sqlite3`` before the store is imported.
"""

from __future__ import annotations

from pathlib import Path

from dqsa.store.durable import FileKind

#: One center's file: its profile, every year's assessment, packs, evidence, history.
CENTER_FILE = FileKind(
    application_id=0x44515341,  # "DQSA"
    noun="中心文件",
    suffix=".dqsa",
    migrations=Path(__file__).parent / "migrations",
    head="0004",
    known_revisions=("0001", "0002", "0003", "0004"),
    # 0002 only adds the year list's cached totals, 0003 the snapshots of what was sent and
    # the identity events: a 0001 or 0002 file reads unchanged without them (the store reads
    # an older file's signed years as 0003 marks them: see AssessmentStatus.of and
    # dqsa.store.sent), so a file that cannot be written still opens read-only. 0004 adds the
    # review results from the level above: a 0003 file reads as one with none (dqsa.store.reviews).
    readable_revisions=("0001", "0002", "0003"),
)

#: The receiving desk's file (上级审核台账): roster, centers and their identities, every
#: received packet's small rows (the packets themselves sit beside it, see
#: :mod:`dqsa.store.desk.blobs`), reviews and the history.
DESK_FILE = FileKind(
    application_id=0x44515344,  # "DQSD"
    noun="审核台账",
    suffix=".dqsd",
    migrations=Path(__file__).parent / "desk" / "migrations",
    head="0002",
    known_revisions=("0001", "0002"),
)
