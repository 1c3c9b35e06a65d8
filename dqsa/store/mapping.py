"""Rows ↔ answers: the center file's tables read as an answers document, and written from one.

Functions of a :class:`~sqlalchemy.orm.Session`, so that several can be composed in one
transaction (importing answers, linking evidence and marking a year signed, for a
restored packet, are one write).
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from dqsa.domain.answers import (
    ANSWERS_FORMAT,
    Answers,
    catalog_answers,
    catalog_flag,
    catalog_lists,
    check_answers,
    parse_answers,
)
from dqsa.domain.answers import StaffMember as StaffAnswer
from dqsa.domain.carry import carry_forward, evidence_lasts
from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.errors import InvalidInput
from dqsa.domain.status import AssessmentStatus
from dqsa.store import models as m
from dqsa.store.errors import AssessmentNotFound, CorruptFile, StoreError
from dqsa.store.records import ITEM, from_json, json_text, now, to_json
from dqsa.store.stored_packs import StoredPacks

Row = TypeVar("Row", bound=m.Base)
#: The per-item parts of an answers document, each a mapping item id → value.
ITEM_PARTS = ("manual_scores", "checklist", "overrides", "notes", "corrective_actions")


def find_assessment(session: Session, year: int) -> m.Assessment:
    """The assessment of ``year``, or :class:`AssessmentNotFound`."""
    row = session.scalar(select(m.Assessment).where(m.Assessment.year == year))
    if row is None:
        raise AssessmentNotFound(f"没有 {year} 年度的自评。")
    return row


def answers_of(session: Session, a: m.Assessment, pack: CriteriaPack) -> Answers:
    """The assessment as an answers document (facts and items in the pack's order)."""
    facts = {
        row.fact_id: from_json(row.value)
        for row in session.scalars(select(m.FactAnswer).where(m.FactAnswer.assessment_id == a.id))
    }
    staff = None
    if a.staff_answered:
        staff = [
            {name: getattr(p, name) for name in StaffAnswer.model_fields}
            for p in session.scalars(
                select(m.StaffMember)
                .where(m.StaffMember.assessment_id == a.id)
                .order_by(m.StaffMember.position)
            )
        ]
    catalogs: dict[str, list[dict[str, Any]]] = {field: [] for field in catalog_lists()}
    for entry in session.scalars(
        select(m.CatalogAnswer)
        .where(m.CatalogAnswer.assessment_id == a.id)
        .order_by(m.CatalogAnswer.catalog, m.CatalogAnswer.position)
    ):
        catalog = pack.catalog(entry.catalog)
        if catalog is None:  # every edit was checked against this pack: the file was changed by hand
            raise StoreError(
                f"{a.year} 年度的答卷中有标准包 {pack.id} 没有的目录 {entry.catalog!r}（文件被改动过？）"
            )
        data: dict[str, Any] = {"id": entry.entry_id, catalog.flag: entry.present}
        if catalog.area and entry.area_m2 is not None:
            data["area_m2"] = entry.area_m2
        if entry.note:
            data["note"] = entry.note
        catalogs[catalog.answers].append(data)
    parts: dict[str, dict[str, Any]] = {part: {} for part in ITEM_PARTS}
    for item in session.scalars(select(m.ItemAnswer).where(m.ItemAnswer.assessment_id == a.id)):
        for part, value in _item_parts(item).items():
            parts[part][item.item_id] = value
    fact_order = {f.id: n for n, f in enumerate(pack.facts)}
    facts = dict(sorted(facts.items(), key=lambda kv: fact_order.get(kv[0], len(fact_order))))
    item_order = {item.id: n for n, (_, _, item) in enumerate(pack.items())}
    for key, entries in parts.items():
        parts[key] = dict(sorted(entries.items(), key=lambda kv: item_order.get(kv[0], len(item_order))))
    document: dict[str, Any] = {
        "format": ANSWERS_FORMAT,
        "center": {
            "name": a.center_name,
            "level": a.center_level,
            "region": a.center_region,
            "contact": a.center_contact,
        },
        "year": a.year,
        "pack": {"id": pack.id, "version": pack.version},
        "assessor": a.assessor,
        "facts": facts,
        **catalogs,
        **parts,
    }
    if staff is not None:
        document["staff"] = staff
    try:
        return parse_answers(document, stored=True)
    except InvalidInput as exc:  # every edit was checked on the way in: the file was damaged or changed
        raise CorruptFile(f"{a.year} 年度的自评内容已损坏，无法读取（{exc.problems[0]}）。") from None


def _item_parts(item: m.ItemAnswer) -> dict[str, Any]:
    """What one item row says, by part of the answers document (empty parts left out)."""
    parts: dict[str, Any] = {}
    if item.manual_score is not None:
        parts["manual_scores"] = item.manual_score
    if item.checklist_status is not None:
        parts["checklist"] = item.checklist_status
    override = override_of(item)
    if override is not None:
        parts["overrides"] = {k: v for k, v in override.items() if v is not None}
    if item.note:
        parts["notes"] = item.note
    if item.corrective_action:
        parts["corrective_actions"] = item.corrective_action
    return parts


def override_of(row: m.ItemAnswer) -> dict[str, Any] | None:
    """An item's override as stored (score, status, reason), or None."""
    if row.override_reason is None:
        return None
    return {"score": row.override_score, "status": row.override_status, "reason": row.override_reason}


def fill(session: Session, assessment_id: int, answers: Answers, pack: CriteriaPack) -> None:
    """Add the rows of an answers document (checked against ``pack``) to an (empty) assessment."""
    for fact_id, value in answers.facts.items():
        if value is not None:
            session.add(m.FactAnswer(assessment_id=assessment_id, fact_id=fact_id, value=json_text(value)))
    session.add_all(staff_rows(assessment_id, answers.staff))
    for catalog in pack.catalogs:
        for position, entry in enumerate(catalog_answers(answers, catalog.answers)):
            session.add(
                m.CatalogAnswer(
                    assessment_id=assessment_id,
                    catalog=catalog.id,
                    entry_id=entry.id,
                    position=position,
                    present=catalog_flag(entry, catalog),
                    area_m2=getattr(entry, "area_m2", None) if catalog.area else None,
                    note=entry.note,
                )
            )
    item_ids: set[str] = set()
    for part in ITEM_PARTS:
        item_ids |= set(getattr(answers, part))
    for item_id in item_ids:
        override = answers.overrides.get(item_id)
        session.add(
            m.ItemAnswer(
                assessment_id=assessment_id,
                item_id=item_id,
                manual_score=answers.manual_scores.get(item_id),
                checklist_status=answers.checklist.get(item_id),
                override_score=override.score if override else None,
                override_status=override.status if override else None,
                override_reason=override.reason if override else None,
                note=answers.notes.get(item_id, ""),
                corrective_action=answers.corrective_actions.get(item_id, ""),
            )
        )


def write_answers(
    session: Session, packs: StoredPacks, answers: Answers, *, replace: bool, pack: CriteriaPack | None = None
) -> m.Assessment:
    """Store an answers document as its year's assessment (checked against its pack first).

    Creates the center's profile from the answers when the file has none. Returns the
    new assessment row; the caller's transaction commits it (with anything else).
    """
    pack = pack or packs.for_answers(session, answers.pack.id, answers.pack.version)
    problems = check_answers(pack, answers)
    if problems:
        raise InvalidInput(problems)
    existing = session.scalar(select(m.Assessment).where(m.Assessment.year == answers.year))
    if existing is not None:
        if not replace:
            raise StoreError(f"{answers.year} 年度的自评已经存在；如要覆盖请先删除或选择替换。")
        session.delete(existing)
        session.flush()
    if session.get(m.Center, 1) is None:
        c = answers.center
        session.add(
            m.Center(id=1, name=c.name, level=c.level, pack_id=pack.id, region=c.region, contact=c.contact)
        )
    stamp = now()
    row = m.Assessment(
        year=answers.year,
        pack_ref=packs.store(session, pack).id,
        center_name=answers.center.name,
        center_level=answers.center.level,
        center_region=answers.center.region,
        center_contact=answers.center.contact,
        assessor=answers.assessor,
        status=AssessmentStatus.DRAFT,
        staff_answered=answers.staff is not None,
        created_at=stamp,
        modified_at=stamp,
    )
    session.add(row)
    session.flush()
    fill(session, row.id, answers, pack)
    session.add(
        m.Change(
            assessment_id=row.id,
            at=stamp,
            field="assessment",
            old_value=None,
            new_value=to_json({"imported": True}),
        )
    )
    return row


def carry_from(
    session: Session,
    source: m.Assessment,
    source_pack: CriteriaPack,
    target: m.Assessment,
    pack: CriteriaPack,
) -> Answers:
    """Start ``target`` (a new, empty year made with ``pack``) from ``source``: only what lasts.

    What is carried is the domain's decision (:func:`~dqsa.domain.carry.carry_forward`: the
    facts, catalogue entries, roster and profile fields ``pack`` says last); so is which
    evidence goes with them (:func:`~dqsa.domain.carry.evidence_lasts`). Yearly answers,
    scores, overrides, notes and measures start empty. Returns the answers the year starts with.
    """
    start = carry_forward(answers_of(session, source, source_pack), pack, year=target.year)
    problems = check_answers(pack, start)
    if problems:  # e.g. a level the new pack does not have
        raise InvalidInput(problems)
    target.center_name, target.center_level = start.center.name, start.center.level
    target.center_region, target.center_contact = start.center.region, start.center.contact
    target.assessor = start.assessor
    target.staff_answered = start.staff is not None
    fill(session, target.id, start, pack)
    _copy_rows(
        session,
        m.EvidenceLink,
        source,
        target,
        lambda row: evidence_lasts(pack, row.target_kind, row.target_id),
    )
    return start


def _copy_rows(
    session: Session, model: type[Any], source: m.Assessment, target: m.Assessment, wanted: Any
) -> None:
    for row in session.scalars(select(model).where(model.assessment_id == source.id)):
        if wanted(row):
            session.add(copy_row(row, assessment_id=target.id))


def staff_rows(assessment_id: int, people: list[StaffAnswer] | None) -> list[m.StaffMember]:
    """The roster's rows, in order (the answers' staff fields are the table's columns)."""
    return [
        m.StaffMember(assessment_id=assessment_id, position=position, **person.model_dump())
        for position, person in enumerate(people or [])
    ]


def copy_row(row: Row, **changes: Any) -> Row:
    """A new row of the same model with the same column values but no surrogate ``id``, then ``changes``.

    Every column is carried over, so a column added by a later migration is copied too.
    """
    model = type(row)
    values = {c.key: getattr(row, c.key) for c in model.__mapper__.column_attrs if c.key != "id"}
    return model(**{**values, **changes})


def known_targets(pack: CriteriaPack) -> dict[str, set[str]]:
    """What evidence may be attached to, by target kind: the items, and each catalogue's entries
    (by the catalogue's id)."""
    known = {c.id: {e.id for e in c.entries} for c in pack.catalogs}
    known[ITEM] = {i.id for _, _, i in pack.items()}
    return known
