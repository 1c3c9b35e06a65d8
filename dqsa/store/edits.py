"""Edits and their history: every ``set_*`` of the center store, and marking a year signed.

Each edit is one transaction: it is checked against the assessment's pack by the
domain (:func:`dqsa.domain.answers.check_edit`), applied and recorded (field, old value,
new value, time). An edit that changes nothing writes nothing. A signed year is
read-only here, in the store itself: any edit that would change it raises
:class:`~dqsa.store.errors.SignedYear` until the year is explicitly reopened
(:meth:`~dqsa.store.sent.SentMixin.reopen`), so what was sent stays what was sent. (The year's cached list totals are not rescored per edit, which
would double an edit's cost: the new ``modified_at`` marks them outdated, and the store
rescores them when it closes or when the list asks.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from dqsa.domain.answers import ChecklistStatus, check_edit
from dqsa.domain.answers import StaffMember as StaffAnswer
from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.errors import InvalidInput, Problem
from dqsa.domain.status import AssessmentStatus
from dqsa.store import models as m
from dqsa.store.core import StoreCore
from dqsa.store.errors import SignedYear
from dqsa.store.identity_events import IdentityRecord, add_identity_event
from dqsa.store.mapping import answers_of, override_of, staff_rows
from dqsa.store.records import Catalog, ChangeRecord, from_json, json_text, normal_number, now, plain, to_json
from dqsa.store.sent import SentPacket, sign

#: An edit's work: apply it to the session, return (old value, new value) for the history.
Change = Callable[[Session, m.Assessment, CriteriaPack], tuple[Any, Any]]
ItemChange = Callable[[m.ItemAnswer, CriteriaPack, m.Assessment], tuple[Any, Any]]


class _Unchanged(Exception):
    """An edit that changes nothing: its transaction is rolled back, no history, no new rows."""


def record_edit(
    session: Session, a: m.Assessment, pack: CriteriaPack, field: str, old: Any, new: Any
) -> None:
    """After an edit was applied: its history line and a new ``modified_at`` (outdating the list totals).

    A signed year is never edited (see :func:`refuse_signed`): reaching here with one is a bug.
    """
    refuse_signed(a)
    stamp = now()
    session.add(
        m.Change(assessment_id=a.id, at=stamp, field=field, old_value=to_json(old), new_value=to_json(new))
    )
    a.modified_at = stamp  # also marks the year's cached list totals outdated (see dqsa.store.totals)


def refuse_signed(a: m.Assessment, path: Path | None = None) -> None:
    """:class:`SignedYear` when ``a`` was signed and sent and has not been reopened."""
    if not AssessmentStatus.of(a.status, a.signed_at).editable:
        raise SignedYear(a.year, a.signed_at, path=path)


class EditsMixin(StoreCore):
    """Every edit of an assessment's answers, the signature mark and the history."""

    def _edit(self, year: int, field: str, change: Change) -> None:
        """One edit: validate and apply it, record old → new; a signed year refuses any change."""

        def write(session: Session) -> None:
            a = self._assessment(session, year)
            pack = self._pack(session, a.pack_ref)
            try:
                old, new = change(session, a, pack)
            except InvalidInput:
                refuse_signed(a, self.path)  # a signed year says so first, whatever was typed
                raise
            if old == new:
                raise _Unchanged  # roll back: a row the change added for nothing is not kept
            refuse_signed(a, self.path)  # rolled back: nothing of the edit is kept
            record_edit(session, a, pack, field, old, new)

        with contextlib.suppress(_Unchanged):
            self._write(f"{year} 年度 {field}", write)

    def set_fact(self, year: int, fact_id: str, value: bool | int | float | Decimal | None) -> None:
        """Set (or clear, with None) one fact."""
        given = normal_number(value)

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple[Any, Any]:
            rows = {
                r.fact_id: r
                for r in session.scalars(select(m.FactAnswer).where(m.FactAnswer.assessment_id == a.id))
            }
            facts = {k: from_json(r.value) for k, r in rows.items()}
            new = check_edit(pack, a.center_level, f"facts.{fact_id}", given, facts=facts)
            old = facts.get(fact_id)
            if new is None:
                if fact_id in rows:
                    session.delete(rows[fact_id])
            elif fact_id in rows:
                rows[fact_id].value = json_text(new)
            else:
                session.add(m.FactAnswer(assessment_id=a.id, fact_id=fact_id, value=json_text(new)))
            return old, new

        self._edit(year, f"facts.{fact_id}", change)

    def set_staff(self, year: int, roster: Iterable[StaffAnswer | dict[str, Any]] | None) -> None:
        """Replace the staff roster (None: not answered; an empty list: no staff)."""
        given = None if roster is None else [plain(p) for p in roster]

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple[Any, Any]:
            people: list[StaffAnswer] | None = check_edit(pack, a.center_level, "staff", given)
            before = answers_of(session, a, pack).staff
            session.execute(delete(m.StaffMember).where(m.StaffMember.assessment_id == a.id))
            a.staff_answered = people is not None
            session.add_all(staff_rows(a.id, people))
            return plain(before), plain(people)

        self._edit(year, "staff", change)

    def set_catalog_entry(
        self,
        year: int,
        catalog: Catalog,
        entry_id: str,
        *,
        present: bool | None,
        area_m2: float | Decimal | None = None,
        note: str = "",
    ) -> None:
        """Set an entry of a catalogue of the pack (``catalog`` is its id: a zone, a mechanism, a
        ledger) as present or not (None: clear the answer)."""
        area = normal_number(area_m2)
        found = self._read(lambda s: self._pack(s, self._assessment(s, year).pack_ref)).catalog(catalog)
        field = found.answers if found is not None else catalog  # named as in the answers

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple[Any, Any]:
            c = pack.catalog(catalog)
            if c is None:
                raise InvalidInput(
                    [Problem(f"{field}.{entry_id}", f"标准包 {pack.id} 没有这一类目录（{catalog}）")]
                )
            entry: dict[str, Any] = {"id": entry_id, c.flag: bool(present), "note": note}
            if c.area:
                entry["area_m2"] = area
            kept = check_edit(pack, a.center_level, c.answers, entry).note  # as the answers keep it
            row = session.get(m.CatalogAnswer, (a.id, catalog, entry_id))
            old = None if row is None else {"present": row.present, "area_m2": row.area_m2, "note": row.note}
            if present is None:
                if row is not None:
                    session.delete(row)
                return old, None
            if row is None:
                position = session.scalar(
                    select(func.count()).where(
                        m.CatalogAnswer.assessment_id == a.id, m.CatalogAnswer.catalog == catalog
                    )
                )
                row = m.CatalogAnswer(
                    assessment_id=a.id, catalog=catalog, entry_id=entry_id, position=position
                )
                session.add(row)
            row.present, row.area_m2, row.note = present, area, kept
            return old, {"present": present, "area_m2": area, "note": kept}

        self._edit(year, f"{field}.{entry_id}", change)

    def _item_edit(self, year: int, item_id: str, field: str, apply: ItemChange) -> None:
        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple[Any, Any]:
            if pack.item(item_id) is None:
                raise InvalidInput([Problem(f"{field}.{item_id}", f"标准包 {pack.id} 中没有条目 {item_id}")])
            row = session.get(m.ItemAnswer, (a.id, item_id))
            if row is None:
                row = m.ItemAnswer(assessment_id=a.id, item_id=item_id, note="", corrective_action="")
                session.add(row)
            return apply(row, pack, a)

        self._edit(year, f"{field}.{item_id}", change)

    def set_manual_score(self, year: int, item_id: str, value: float | Decimal | None) -> None:
        """A manual item's score (None: not yet scored)."""
        given = normal_number(value)

        def apply(row: m.ItemAnswer, pack: CriteriaPack, a: m.Assessment) -> tuple[Any, Any]:
            if given is not None:
                check_edit(pack, a.center_level, f"manual_scores.{item_id}", given)
            old, row.manual_score = row.manual_score, None if given is None else Decimal(given)
            return old, row.manual_score

        self._item_edit(year, item_id, "manual_scores", apply)

    def set_checklist_status(self, year: int, item_id: str, status: ChecklistStatus | None) -> None:
        """A checklist item's status (None: not yet checked)."""

        def apply(row: m.ItemAnswer, pack: CriteriaPack, a: m.Assessment) -> tuple[Any, Any]:
            if status is not None:
                check_edit(pack, a.center_level, f"checklist.{item_id}", status)
            old, row.checklist_status = row.checklist_status, status
            return old, status

        self._item_edit(year, item_id, "checklist", apply)

    def set_override(
        self,
        year: int,
        item_id: str,
        *,
        reason: str,
        score: float | Decimal | None = None,
        status: ChecklistStatus | None = None,
    ) -> None:
        """Override an automatic result; a written reason is required."""
        given = normal_number(score)

        def apply(row: m.ItemAnswer, pack: CriteriaPack, a: m.Assessment) -> tuple[Any, Any]:
            override: dict[str, Any] = {"reason": reason}
            if given is not None:
                override["score"] = given
            if status is not None:
                override["status"] = status
            checked = check_edit(pack, a.center_level, f"overrides.{item_id}", override)
            old = override_of(row)
            row.override_score = None if given is None else Decimal(given)
            row.override_status, row.override_reason = status, checked.reason.strip()
            return old, override_of(row)

        self._item_edit(year, item_id, "overrides", apply)

    def clear_override(self, year: int, item_id: str) -> None:
        """Go back to the automatic result."""

        def apply(row: m.ItemAnswer, pack: CriteriaPack, a: m.Assessment) -> tuple[Any, Any]:
            old = override_of(row)
            row.override_score = row.override_status = row.override_reason = None
            return old, None

        self._item_edit(year, item_id, "overrides", apply)

    def set_item_text(
        self, year: int, item_id: str, field: Literal["notes", "corrective_actions"], text: str
    ) -> None:
        """An item's note or corrective action."""
        column = {"notes": "note", "corrective_actions": "corrective_action"}[field]

        def apply(row: m.ItemAnswer, pack: CriteriaPack, a: m.Assessment) -> tuple[Any, Any]:
            new = check_edit(pack, a.center_level, f"{field}.{item_id}", text)  # line breaks made \n
            old = getattr(row, column)
            setattr(row, column, new)
            return old, new

        self._item_edit(year, item_id, field, apply)

    def set_profile(self, year: int, **fields: str) -> None:
        """The assessment's own copy of the center profile and the assessor.

        Accepts ``name``, ``level``, ``region``, ``contact`` and ``assessor``.
        """
        columns = {
            "name": "center_name",
            "level": "center_level",
            "region": "center_region",
            "contact": "center_contact",
            "assessor": "assessor",
        }
        unknown = set(fields) - set(columns)
        if unknown:
            raise ValueError(f"unknown profile fields {unknown}")

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple[Any, Any]:
            current = {k: getattr(a, c) for k, c in columns.items()}
            merged = {**current, **fields}
            center = {k: merged[k] for k in ("name", "level", "region", "contact")}
            checked = check_edit(pack, merged["level"], "center", center).model_dump()
            checked["assessor"] = check_edit(pack, merged["level"], "assessor", merged["assessor"])
            new = {key: checked[key] for key in fields}  # as the answers keep them (name stripped, …)
            for key, value in new.items():
                setattr(a, columns[key], value)
            return {k: current[k] for k in fields}, new

        self._edit(year, "profile", change)

    def mark_signed(
        self,
        year: int,
        *,
        signer: str,
        fingerprint: str,
        at: datetime | None = None,
        packet: SentPacket | None = None,
        identity_event: IdentityRecord | None = None,
    ) -> None:
        """Record that the year was signed and sent, and freeze what was sent (one transaction).

        ``packet`` describes the packet as written (digest, size, name, the answers exactly
        as in it); ``identity_event`` a change of signing identity that came with this
        signing (a new identity made for it), recorded in the same transaction.
        """

        def write(session: Session) -> None:
            a = self._assessment(session, year)
            sign(session, self._packs, a, signer=signer, fingerprint=fingerprint, at=at, packet=packet)
            if identity_event is not None:
                add_identity_event(session, identity_event)

        self._write(f"{year} 年度签署", write)

    def history(self, year: int, since: datetime | None = None) -> list[ChangeRecord]:
        """Every recorded change of an assessment (since a time, if given), oldest first."""

        def read(session: Session) -> list[ChangeRecord]:
            a = self._assessment(session, year)
            query = select(m.Change).where(m.Change.assessment_id == a.id)
            if since is not None:
                query = query.where(m.Change.at >= since)
            rows = session.scalars(query.order_by(m.Change.at, m.Change.id))  # kept history first
            return [ChangeRecord(r.at, r.field, from_json(r.old_value), from_json(r.new_value)) for r in rows]

        return self._read(read)
