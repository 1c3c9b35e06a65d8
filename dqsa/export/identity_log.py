"""What the center file records of the signing identity: an :class:`IdentityChange` as a store record.

:mod:`dqsa.export.identity` says what changed on disk (``created``, ``replaced``,
``restored``, ``re-encrypted``); the center file keeps what the level above will see:
a new fingerprint and when it came. Re-encrypting the key changes no fingerprint and is
not recorded. A key made on a new laptop for a file that was signed before is a
replacement, whatever the laptop knew: the file's last fingerprint is the old one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dqsa.domain.fingerprint import same_fingerprint

if TYPE_CHECKING:
    from dqsa.export.identity import IdentityChange
    from dqsa.store.identity_events import IdentityRecord


def identity_record(
    change: IdentityChange | None,
    *,
    year: int | None = None,
    file_fingerprints: Iterable[str] = (),
    note: str = "",
) -> IdentityRecord | None:
    """The store's record of ``change`` (None when nothing anyone sees has changed)."""
    from dqsa.store.identity_events import IdentityRecord

    if change is None or change.kind == "re-encrypted":
        return None
    known = [f for f in file_fingerprints if f]
    old = change.old_fingerprint
    kind = change.kind
    if kind == "created" and known and not any(same_fingerprint(f, change.new_fingerprint) for f in known):
        kind, old = (
            "replaced",
            known[-1],
        )  # the file was signed before: the level above sees a new fingerprint
    if kind == "restored" and old is not None and same_fingerprint(old, change.new_fingerprint):
        old = None
    return IdentityRecord(
        kind=kind,
        at=change.at,
        center_name=change.center_name,
        new_fingerprint=change.new_fingerprint,
        old_fingerprint=old,
        year=year,
        note=note,
    )
