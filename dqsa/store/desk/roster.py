"""The roster (名册): the centers a desk expects, imported all-or-nothing, each line checked.

Reading a roster *file* (xlsx or csv) is the export layer's job
(:mod:`dqsa.export.roster_file`); here a list of :class:`RosterRow` is validated and
written in one transaction. A name already in the roster is updated (level, region,
fingerprint as given); a fingerprint given for a center already pinned to another
one is kept in the roster and used for that center's next packet (never a silent
replacement: the history records it).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from dqsa.domain.errors import InvalidInput, Problem
from dqsa.domain.text import single_line
from dqsa.store.desk import models as dm
from dqsa.store.desk.core import DeskCore
from dqsa.store.desk.records import RosterImport, RosterRecord, RosterRow, canonical_fingerprint
from dqsa.store.records import now

MAX_ROSTER = 5000
MAX_NAME = 200


def check_roster(rows: Sequence[RosterRow]) -> list[RosterRow]:
    """The rows cleaned (spaces trimmed, fingerprints in the manifest's spelling), or :class:`InvalidInput`
    naming every bad line."""
    problems: list[Problem] = []
    if not rows:
        raise InvalidInput(
            [Problem("名称", "名册中没有任何中心（第一行应是列名：名称、级别、地区、证书指纹）")]
        )
    if len(rows) > MAX_ROSTER:
        raise InvalidInput([Problem("", f"名册太长（{len(rows)} 行，最多 {MAX_ROSTER} 行）")])
    cleaned: list[RosterRow] = []
    seen: dict[str, int] = {}
    fingerprints: dict[str, int] = {}
    for index, row in enumerate(rows, start=1):
        line = row.line or index
        where = f"第 {line} 行"
        name = " ".join(row.name.split())
        if not name:
            problems.append(Problem(f"{where} 名称", "名称不能为空"))
            continue
        if len(name) > MAX_NAME or len(row.level) > 100 or len(row.region) > 200:
            problems.append(Problem(f"{where} 名称", "名称、级别或地区太长"))
            continue
        try:
            for text in (name, row.level, row.region):
                single_line(text)
        except ValueError as exc:  # ESC, bidi overrides, …: see dqsa.domain.text
            problems.append(Problem(f"{where} 名称", f"名称、级别或地区{exc}"))
            continue
        if name in seen:
            problems.append(Problem(f"{where} 名称", f"“{name}”与第 {seen[name]} 行重复"))
            continue
        seen[name] = line
        fingerprint: str | None = None
        if row.fingerprint and row.fingerprint.strip():
            try:
                fingerprint = canonical_fingerprint(row.fingerprint)
            except ValueError as exc:
                problems.append(Problem(f"{where} 证书指纹", str(exc)))
                continue
            if fingerprint in fingerprints:
                problems.append(
                    Problem(f"{where} 证书指纹", f"与第 {fingerprints[fingerprint]} 行的证书指纹相同")
                )
                continue
            fingerprints[fingerprint] = line
        cleaned.append(RosterRow(name, row.level.strip(), row.region.strip(), fingerprint, line))
    if problems:
        raise InvalidInput(problems)
    return cleaned


class RosterMixin(DeskCore):
    """The roster of a desk."""

    def roster(self) -> list[RosterRecord]:
        """Every roster entry, by name, with the center it was matched to (if any)."""

        def read(session: Session) -> list[RosterRecord]:
            linked = dict(
                session.execute(
                    select(dm.DeskCenter.roster_entry_id, dm.DeskCenter.id).where(
                        dm.DeskCenter.roster_entry_id.is_not(None)
                    )
                ).all()
            )
            return [
                RosterRecord(e.id, e.name, e.level, e.region, e.fingerprint, e.added_at, linked.get(e.id))
                for e in session.scalars(select(dm.RosterEntry).order_by(dm.RosterEntry.name))
            ]

        return self._read(read)

    def import_roster(self, rows: Sequence[RosterRow]) -> RosterImport:
        """Add or update roster entries, all or nothing (:class:`InvalidInput` names every bad line).

        Entries not in ``rows`` stay. A center that sent a packet before the roster
        came is matched to its entry by name.
        """
        cleaned = check_roster(rows)

        def work(session: Session) -> RosterImport:
            stamp = now()
            added = updated = unchanged = 0
            existing = {e.name: e for e in session.scalars(select(dm.RosterEntry))}
            for row in cleaned:
                if row.fingerprint:
                    other = session.scalar(
                        select(dm.RosterEntry).where(
                            dm.RosterEntry.fingerprint == row.fingerprint, dm.RosterEntry.name != row.name
                        )
                    )
                    if other is not None:
                        raise InvalidInput(
                            [
                                Problem(
                                    f"第 {row.line} 行 证书指纹",
                                    f"名册中的“{other.name}”已登记了这个证书指纹",
                                )
                            ]
                        )
                entry = existing.get(row.name)
                new = {"level": row.level, "region": row.region, "fingerprint": row.fingerprint}
                if entry is None:
                    entry = dm.RosterEntry(name=row.name, added_at=stamp, **new)
                    session.add(entry)
                    session.flush()
                    added += 1
                    self._change(session, "roster.added", new={"name": row.name, **new})
                else:
                    old = {"level": entry.level, "region": entry.region, "fingerprint": entry.fingerprint}
                    if old == new:
                        unchanged += 1
                    else:
                        entry.level, entry.region, entry.fingerprint = row.level, row.region, row.fingerprint
                        updated += 1
                        self._change(session, "roster.updated", old={"name": row.name, **old}, new=new)
                center = session.scalar(
                    select(dm.DeskCenter).where(
                        dm.DeskCenter.name == row.name, dm.DeskCenter.roster_entry_id.is_(None)
                    )
                )
                if center is not None:
                    center.roster_entry_id = entry.id
            return RosterImport(added, updated, unchanged, len(cleaned))

        return self._write("导入名册", work)

    def remove_roster_entry(self, roster_id: int) -> None:
        """Take a center off the roster (its packets and identities stay)."""

        def work(session: Session) -> None:
            entry = session.get(dm.RosterEntry, roster_id)
            if entry is None:
                raise InvalidInput([Problem("名称", "名册中没有这个中心")])
            for center in session.scalars(
                select(dm.DeskCenter).where(dm.DeskCenter.roster_entry_id == roster_id)
            ):
                center.roster_entry_id = None
            self._change(
                session, "roster.removed", old={"name": entry.name, "fingerprint": entry.fingerprint}
            )
            session.delete(entry)

        self._write("从名册中删除", work)
