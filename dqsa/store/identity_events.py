"""The signing identity's events, kept in the center file with their dates.

The key itself never enters the file; what the file keeps is the story the level above
will ask about: when an identity was first created, when a new one replaced it (a lost
key or passphrase), when one was restored from a backup, and when a packet signed by a
new identity was accepted on import (``import-packet --accept-new-identity``).
Re-encrypting the key with a stronger KDF changes nothing anyone sees and is not an
event. The export layer turns its ``IdentityChange`` into an :class:`IdentityRecord`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from dqsa.store import models as m
from dqsa.store.core import StoreCore
from dqsa.store.records import now

IdentityEventKind = Literal["created", "replaced", "restored", "accepted"]
#: What a person reads for each kind.
KIND_LABELS: dict[str, str] = {
    "created": "新建签署身份",
    "replaced": "新建签署身份（替换原身份）",
    "restored": "从备份恢复签署身份",
    "accepted": "导入材料包时接受新的签署身份",
}


@dataclass(frozen=True)
class IdentityRecord:
    """One identity event: what happened, when, and the fingerprints before and after."""

    kind: IdentityEventKind
    at: datetime
    center_name: str
    new_fingerprint: str
    old_fingerprint: str | None = None
    #: The year whose signing or import brought it about, when there is one.
    year: int | None = None
    note: str = ""

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def add_identity_event(session: Session, event: IdentityRecord) -> None:
    """Record ``event`` in the caller's transaction."""
    session.add(
        m.IdentityEvent(
            kind=event.kind,
            at=event.at,
            recorded_at=now(),
            center_name=event.center_name,
            old_fingerprint=event.old_fingerprint,
            new_fingerprint=event.new_fingerprint,
            year=event.year,
            note=event.note,
        )
    )


class IdentityEventsMixin(StoreCore):
    """Recording and listing the signing identity's events."""

    def record_identity_event(self, event: IdentityRecord) -> None:
        """Record an identity event on its own (a restore from backup, say)."""
        self._write("签署身份记录", lambda session: add_identity_event(session, event))

    def identity_events(self) -> list[IdentityRecord]:
        """Every recorded identity event, oldest first (none in a file older than revision 0003)."""

        def read(session: Session) -> list[IdentityRecord]:
            from dqsa.store.sent import has_snapshots

            if not has_snapshots(session):
                return []
            rows = session.scalars(select(m.IdentityEvent).order_by(m.IdentityEvent.id))
            return [
                IdentityRecord(
                    kind=row.kind,  # type: ignore[arg-type]  # written from IdentityEventKind only
                    at=row.at,
                    center_name=row.center_name,
                    new_fingerprint=row.new_fingerprint,
                    old_fingerprint=row.old_fingerprint,
                    year=row.year,
                    note=row.note,
                )
                for row in rows
            ]

        return self._read(read)
