"""What every part of the center store stands on: the open file, its packs, transactions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from dqsa.domain.criteria import CriteriaPack
from dqsa.store import models as m
from dqsa.store.database import Database
from dqsa.store.errors import AssessmentNotFound
from dqsa.store.mapping import find_assessment
from dqsa.store.stored_packs import StoredPacks

T = TypeVar("T")


class StoreCore:
    """One open center file: the database, its stored packs, reads and one-transaction writes."""

    def __init__(self, database: Database, *, backups_root: Path, lock: bool) -> None:
        self._db = database
        self._backups_root = backups_root
        self._lock = lock
        self._packs = StoredPacks(database.path)

    @property
    def path(self) -> Path:
        """The file's path, as it was given when opened."""
        return self._db.path

    @property
    def read_only(self) -> str | None:
        """Why the file is open read-only (a sentence saying what to do), or None when edits are saved."""
        return self._db.read_only

    @property
    def closed(self) -> bool:
        return self._db.closed

    def _write(self, describe: str, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one committed transaction; storage failures → :class:`SaveFailed`."""
        return self._db.write(describe, work)

    def _read(self, work: Callable[[Session], T]) -> T:
        return self._db.read(work)

    def _assessment(self, session: Session, year: int) -> m.Assessment:
        try:
            return find_assessment(session, year)
        except AssessmentNotFound as exc:
            raise AssessmentNotFound(str(exc), path=self.path) from None

    def _pack(self, session: Session, pack_ref: int) -> CriteriaPack:
        return self._packs.get(session, pack_ref)
