"""The service API over one center file, used by the GUI, the exporters and the CLI.

Every edit is one committed transaction that also records the change (what, old
value, new value, when). Edits are validated against the assessment's criteria
pack with the domain's own checks before anything is written. Editing a signed
assessment turns it back into a draft.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import delete, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from dqsa.domain.answers import (
    ANSWERS_FORMAT,
    CATALOG_FIELDS,
    CATALOG_FLAGS,
    Answers,
    ChecklistStatus,
    check_answers,
    parse_answers,
)
from dqsa.domain.answers import StaffMember as StaffAnswer
from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.errors import InvalidInput, Problem
from dqsa.domain.scoring import Scorecard, score
from dqsa.packs import find_pack, pack_from_data
from dqsa.store import models as m
from dqsa.store.backups import list_backups
from dqsa.store.database import Database, open_database
from dqsa.store.errors import AssessmentNotFound, SaveFailed, StoreError
from dqsa.store.evidence import PreparedEvidence, prepare_file

if TYPE_CHECKING:
    from dqsa.store.snapshot import ExportSnapshot

log = logging.getLogger(__name__)

Catalog = Literal["zone", "mechanism", "ledger"]
TargetKind = Literal["item", "zone", "mechanism", "ledger"]


@dataclass(frozen=True)
class CenterProfile:
    """The center this file belongs to."""

    name: str
    level: str
    pack_id: str
    region: str = ""
    contact: str = ""


@dataclass(frozen=True)
class AssessmentSummary:
    """One line of the list of assessments (no answers loaded)."""

    year: int
    status: str
    pack_id: str
    pack_version: str
    center_name: str
    level: str
    created_at: datetime
    modified_at: datetime
    signed_at: datetime | None
    signer: str | None
    fingerprint: str | None


@dataclass(frozen=True)
class EvidenceRef:
    """Evidence attached to something, without its bytes."""

    link_id: int
    evidence_id: int
    target_kind: str
    target_id: str
    kind: str
    media_type: str
    original_name: str
    original_sha256: str
    original_date: datetime | None
    width: int | None
    height: int | None
    size: int
    caption: str
    original_size: int = 0


@dataclass(frozen=True)
class ChangeRecord:
    """One recorded change."""

    at: datetime
    field: str
    old_value: Any
    new_value: Any


def _now() -> datetime:
    """Local time, to the microsecond (history is compared against export times)."""
    return datetime.now()


def _plain(value: Any) -> Any:
    """JSON-ready data: exact decimals become ints or floats whose repr is the same digits."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "model_dump"):
        return _plain(value.model_dump(mode="python"))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _to_json(value: Any) -> str | None:
    """JSON text of a stored value (areas and scores have at most one decimal, so floats are exact)."""
    return None if value is None else json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


def _from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text, parse_float=Decimal)


def _normal_number(value: Any) -> Any:
    """Booleans and ints as they are; other numbers as exact Decimals."""
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


class CenterStore:
    """One open center file."""

    def __init__(self, database: Database, *, backups_root: Path, lock: bool) -> None:
        self._db = database
        self._backups_root = backups_root
        self._lock = lock
        self._packs: dict[int, CriteriaPack] = {}

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = False,
        backups_root: Path | None = None,
        keep: int = 10,
        lock: bool = True,
    ) -> CenterStore:
        """Open (or create) a center file; a :class:`StoreError` says why it cannot be."""
        if backups_root is None:
            from dqsa.paths import backups_dir

            backups_root = backups_dir()
        database = open_database(Path(path), create=create, backups_root=backups_root, keep=keep, lock=lock)
        return cls(database, backups_root=backups_root, lock=lock)

    @property
    def path(self) -> Path:
        return self._db.path

    def backups(self) -> list[Path]:
        """This file's automatic backups, newest first."""
        return list_backups(self._db.backup_folder)

    def backup_now(self, reason: str = "manual") -> Path:
        return self._db.backup(reason)

    def close(self) -> None:
        self._db.close()

    def restore(self, backup: Path) -> Path:
        """Replace this file's content with ``backup``'s and reopen it; returns the safety copy taken first.

        A backup that is refused (damaged, foreign, newer) raises :class:`StoreError`;
        the file is then left as it was, and reopened all the same.
        """
        from dqsa.store.database import restore_backup

        path, keep = self.path, self._db.keep
        self.close()
        try:
            return restore_backup(path, backup, backups_root=self._backups_root)
        finally:
            self._db = open_database(
                path, create=False, backups_root=self._backups_root, keep=keep, lock=self._lock
            )
            self._packs.clear()

    def __enter__(self) -> CenterStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------

    def _write(self, describe: str, work: Callable[[Session], Any]) -> Any:
        """Run ``work`` in one committed transaction; storage failures → :class:`SaveFailed`."""
        session = self._db.session()
        try:
            with session.begin():
                result = work(session)
            return result
        except (InvalidInput, StoreError):
            raise
        except DBAPIError as exc:
            raise SaveFailed(_save_failure_message(exc), path=self.path, pending=describe) from exc
        finally:
            session.close()

    def _read(self, work: Callable[[Session], Any]) -> Any:
        with self._db.session() as session:
            return work(session)

    # -- center -------------------------------------------------------------------------

    def center(self) -> CenterProfile | None:
        """The center's profile, or None in a new file."""

        def read(session: Session) -> CenterProfile | None:
            row = session.get(m.Center, 1)
            if row is None:
                return None
            return CenterProfile(row.name, row.level, row.pack_id, row.region, row.contact)

        return self._read(read)

    def set_center(self, profile: CenterProfile) -> None:
        """Create or change the center's profile (validated against its pack)."""
        pack = find_pack(profile.pack_id)
        _validate(
            pack, level=profile.level, name=profile.name, region=profile.region, contact=profile.contact
        )

        def write(session: Session) -> None:
            row = session.get(m.Center, 1) or m.Center(id=1)
            row.name, row.level, row.pack_id = profile.name.strip(), profile.level, profile.pack_id
            row.region, row.contact = profile.region, profile.contact
            session.add(row)

        self._write("中心概况", write)

    # -- packs --------------------------------------------------------------------------

    def pack_for(self, year: int) -> CriteriaPack:
        """The pack an assessment was made with, exactly as stored in this file."""
        return self._read(lambda s: self._pack(s, self._assessment(s, year).pack_ref))

    def _pack(self, session: Session, pack_ref: int) -> CriteriaPack:
        if pack_ref not in self._packs:
            row = session.get(m.StoredPack, pack_ref)
            self._packs[pack_ref] = pack_from_data(
                json.loads(row.content), name=f"{row.pack_id} {row.version}"
            )
        return self._packs[pack_ref]

    def _store_pack(self, session: Session, pack: CriteriaPack) -> m.StoredPack:
        digest = pack.content_hash()
        row = session.scalar(select(m.StoredPack).where(m.StoredPack.content_hash == digest))
        if row is None:
            content = json.dumps(
                pack.model_dump(mode="json", by_alias=True), ensure_ascii=False, sort_keys=True
            )
            row = m.StoredPack(
                pack_id=pack.id, version=pack.version, content_hash=digest, content=content, stored_at=_now()
            )
            session.add(row)
            session.flush()
        return row

    def _pack_for_answers(self, session: Session, pack_id: str, version: str) -> CriteriaPack:
        rows = session.scalars(
            select(m.StoredPack).where(m.StoredPack.pack_id == pack_id, m.StoredPack.version == version)
        ).all()
        if rows:
            return self._pack(session, rows[-1].id)
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

    # -- assessments --------------------------------------------------------------------

    def assessments(self) -> list[AssessmentSummary]:
        """Every assessment, newest year first."""
        return self._read(self._summaries)

    def summary(self, year: int) -> AssessmentSummary:
        """One year's line of the list (status, signing), without reading its answers."""
        found = self._read(lambda session: self._summaries(session, year))
        if not found:
            raise AssessmentNotFound(f"没有 {year} 年度的自评。", path=self.path)
        return found[0]

    @staticmethod
    def _summaries(session: Session, year: int | None = None) -> list[AssessmentSummary]:
        query = (
            select(m.Assessment, m.StoredPack.pack_id, m.StoredPack.version)
            .join(m.StoredPack, m.Assessment.pack_ref == m.StoredPack.id)
            .order_by(m.Assessment.year.desc())
        )
        if year is not None:
            query = query.where(m.Assessment.year == year)
        return [
            AssessmentSummary(
                a.year,
                a.status,
                pack_id,
                version,
                a.center_name,
                a.center_level,
                a.created_at,
                a.modified_at,
                a.signed_at,
                a.signer,
                a.fingerprint,
            )
            for a, pack_id, version in session.execute(query).all()
        ]

    def years(self) -> list[int]:
        return [a.year for a in self.assessments()]

    def _assessment(self, session: Session, year: int) -> m.Assessment:
        row = session.scalar(select(m.Assessment).where(m.Assessment.year == year))
        if row is None:
            raise AssessmentNotFound(f"没有 {year} 年度的自评。", path=self.path)
        return row

    def create_assessment(
        self, year: int, *, from_year: int | None = None, pack: CriteriaPack | None = None
    ) -> None:
        """Start a year's assessment, empty or from an earlier year's.

        From an earlier year it copies facts, the roster, zones, mechanisms, ledgers
        and evidence links (what the new pack still knows); never scores, overrides,
        notes, corrective actions or signatures.
        """
        center = self.center()
        if center is None:
            raise StoreError("请先填写中心概况（名称、级别、评分标准），再新建自评。", path=self.path)
        pack = pack or find_pack(center.pack_id)
        _validate(pack, level=center.level, name=center.name, year=year)

        def write(session: Session) -> None:
            if session.scalar(select(m.Assessment.id).where(m.Assessment.year == year)):
                raise StoreError(f"{year} 年度的自评已经存在，请直接打开它。", path=self.path)
            now = _now()
            row = m.Assessment(
                year=year,
                pack_ref=self._store_pack(session, pack).id,
                center_name=center.name,
                center_level=center.level,
                center_region=center.region,
                center_contact=center.contact,
                status="draft",
                created_at=now,
                modified_at=now,
            )
            session.add(row)
            session.flush()
            if from_year is not None:
                source = self._assessment(session, from_year)
                row.assessor = source.assessor
                self._copy_from(session, source, row, pack)
            session.add(
                m.Change(
                    assessment_id=row.id,
                    at=now,
                    field="assessment",
                    old_value=None,
                    new_value=_to_json({"created_from": from_year}),
                )
            )

        self._write(f"新建 {year} 年度自评", write)

    def _copy_from(
        self, session: Session, source: m.Assessment, target: m.Assessment, pack: CriteriaPack
    ) -> None:
        """Last year's facts, staff, catalogue answers and evidence links, as far as ``pack`` knows them."""
        known = _known_targets(pack)
        known["fact"] = {f.id for f in pack.facts}
        target.staff_answered = source.staff_answered
        copied = (
            (m.FactAnswer, lambda row: row.fact_id in known["fact"]),
            (m.StaffMember, lambda row: True),
            (m.CatalogAnswer, lambda row: row.entry_id in known.get(row.catalog, set())),
            (m.EvidenceLink, lambda row: row.target_id in known.get(row.target_kind, set())),
        )
        for model, wanted in copied:
            for row in session.scalars(select(model).where(model.assessment_id == source.id)):
                if wanted(row):
                    session.add(_copy_row(row, assessment_id=target.id))

    def delete_assessment(self, year: int) -> Path:
        """Delete a year's assessment after taking a backup; returns the backup's path."""
        self._read(lambda s: self._assessment(s, year))
        backup = self._db.backup(f"before-delete-{year}")

        def write(session: Session) -> None:
            session.delete(self._assessment(session, year))
            session.flush()
            _drop_unlinked_evidence(session)

        self._write(f"删除 {year} 年度自评", write)
        return backup

    # -- answers as a whole ------------------------------------------------------------------

    def answers(self, year: int) -> Answers:
        """The assessment as an answers document (the interchange format)."""
        return self._read(lambda s: self._answers(s, self._assessment(s, year)))

    def _answers(self, session: Session, a: m.Assessment) -> Answers:
        pack = self._pack(session, a.pack_ref)
        facts = {
            row.fact_id: _from_json(row.value)
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
        catalogs: dict[str, list[dict[str, Any]]] = {"zones": [], "mechanisms": [], "ledgers": []}
        for entry in session.scalars(
            select(m.CatalogAnswer)
            .where(m.CatalogAnswer.assessment_id == a.id)
            .order_by(m.CatalogAnswer.catalog, m.CatalogAnswer.position)
        ):
            data: dict[str, Any] = {"id": entry.entry_id, CATALOG_FLAGS[entry.catalog]: entry.present}
            if entry.catalog == "zone" and entry.area_m2 is not None:
                data["area_m2"] = entry.area_m2
            if entry.note:
                data["note"] = entry.note
            catalogs[CATALOG_FIELDS[entry.catalog]].append(data)
        parts: dict[str, dict[str, Any]] = {
            "manual_scores": {},
            "checklist": {},
            "overrides": {},
            "notes": {},
            "corrective_actions": {},
        }
        for item in session.scalars(select(m.ItemAnswer).where(m.ItemAnswer.assessment_id == a.id)):
            if item.manual_score is not None:
                parts["manual_scores"][item.item_id] = item.manual_score
            if item.checklist_status is not None:
                parts["checklist"][item.item_id] = item.checklist_status
            if item.override_reason is not None:
                override: dict[str, Any] = {"reason": item.override_reason}
                if item.override_score is not None:
                    override["score"] = item.override_score
                if item.override_status is not None:
                    override["status"] = item.override_status
                parts["overrides"][item.item_id] = override
            if item.note:
                parts["notes"][item.item_id] = item.note
            if item.corrective_action:
                parts["corrective_actions"][item.item_id] = item.corrective_action
        fact_order = {f.id: n for n, f in enumerate(pack.facts)}
        facts = dict(sorted(facts.items(), key=lambda kv: fact_order.get(kv[0], len(fact_order))))
        item_order = {item.id: n for n, (_, _, item) in enumerate(pack.items())}
        for key, entries in parts.items():
            parts[key] = dict(sorted(entries.items(), key=lambda kv: item_order.get(kv[0], len(item_order))))
        data = {
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
            data["staff"] = staff
        return parse_answers(data)

    def scorecard(self, year: int) -> Scorecard:
        """Score the assessment against the pack it was made with."""

        def read(session: Session) -> Scorecard:
            a = self._assessment(session, year)
            return score(self._pack(session, a.pack_ref), self._answers(session, a), validate=False)

        return self._read(read)

    def export_snapshot(self, year: int) -> ExportSnapshot:
        """Answers, pack, scores, evidence (with bytes) and last year's comparison, in one read transaction."""
        from dqsa.domain.comparison import compare
        from dqsa.store.snapshot import EvidenceCopy, ExportSnapshot

        def read(session: Session) -> ExportSnapshot:
            session.connection().exec_driver_sql("BEGIN")  # one snapshot of the file for every read below
            a = self._assessment(session, year)
            pack = self._pack(session, a.pack_ref)
            answers = self._answers(session, a)
            card = score(pack, answers, validate=False)
            evidence = tuple(
                EvidenceCopy(
                    ref,
                    session.scalar(select(m.EvidenceBlob.data).where(m.EvidenceBlob.id == ref.evidence_id)),
                )
                for ref in self._evidence_refs(session, a)
            )
            earlier = session.scalar(select(func.max(m.Assessment.year)).where(m.Assessment.year < year))
            comparison = None
            if earlier is not None:
                old = self._assessment(session, earlier)
                old_pack, old_answers = self._pack(session, old.pack_ref), self._answers(session, old)
                comparison = compare(
                    score(old_pack, old_answers, validate=False), old_answers, old_pack, card, answers, pack
                )
            return ExportSnapshot(year, answers, pack, card, evidence, comparison)

        return self._read(read)

    def compare(self, old_year: int, new_year: int):
        """Compare two of this center's assessments, each against its own pack."""
        from dqsa.domain.comparison import compare

        def read(session: Session):
            old, new = self._assessment(session, old_year), self._assessment(session, new_year)
            old_pack, new_pack = self._pack(session, old.pack_ref), self._pack(session, new.pack_ref)
            old_answers, new_answers = self._answers(session, old), self._answers(session, new)
            return compare(
                score(old_pack, old_answers, validate=False),
                old_answers,
                old_pack,
                score(new_pack, new_answers, validate=False),
                new_answers,
                new_pack,
            )

        return self._read(read)

    def import_answers(
        self, answers: Answers, *, replace: bool = False, pack: CriteriaPack | None = None
    ) -> None:
        """Store an answers document as that year's assessment (validated first).

        ``pack`` is the pack to score it with (a restored packet brings its own); by
        default the file's copy or the bundled pack of the answers' id and version.
        """
        if pack is not None and (pack.id, pack.version) != (answers.pack.id, answers.pack.version):
            raise InvalidInput([Problem("pack", "答卷与随附的标准包不一致")])

        def write(session: Session) -> None:
            nonlocal pack
            pack = pack or self._pack_for_answers(session, answers.pack.id, answers.pack.version)
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
                    m.Center(
                        id=1, name=c.name, level=c.level, pack_id=pack.id, region=c.region, contact=c.contact
                    )
                )
            now = _now()
            row = m.Assessment(
                year=answers.year,
                pack_ref=self._store_pack(session, pack).id,
                center_name=answers.center.name,
                center_level=answers.center.level,
                center_region=answers.center.region,
                center_contact=answers.center.contact,
                assessor=answers.assessor,
                status="draft",
                staff_answered=answers.staff is not None,
                created_at=now,
                modified_at=now,
            )
            session.add(row)
            session.flush()
            self._fill(session, row.id, answers)
            session.add(
                m.Change(
                    assessment_id=row.id,
                    at=now,
                    field="assessment",
                    old_value=None,
                    new_value=_to_json({"imported": True}),
                )
            )
            _drop_unlinked_evidence(session)

        self._write(f"导入 {answers.year} 年度答卷", write)

    def _fill(self, session: Session, assessment_id: int, answers: Answers) -> None:
        for fact_id, value in answers.facts.items():
            if value is not None:
                session.add(m.FactAnswer(assessment_id=assessment_id, fact_id=fact_id, value=_to_json(value)))
        session.add_all(_staff_rows(assessment_id, answers.staff))
        for catalog, field in CATALOG_FIELDS.items():
            for position, entry in enumerate(getattr(answers, field)):
                session.add(
                    m.CatalogAnswer(
                        assessment_id=assessment_id,
                        catalog=catalog,
                        entry_id=entry.id,
                        position=position,
                        present=getattr(entry, CATALOG_FLAGS[catalog]),
                        area_m2=getattr(entry, "area_m2", None),
                        note=entry.note,
                    )
                )
        item_ids = (
            set(answers.manual_scores)
            | set(answers.checklist)
            | set(answers.overrides)
            | set(answers.notes)
            | set(answers.corrective_actions)
        )
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

    # -- edits ----------------------------------------------------------------------------------

    def _edit(
        self, year: int, field: str, change: Callable[[Session, m.Assessment, CriteriaPack], tuple]
    ) -> None:
        """One edit: validate and apply it, record old → new, mark a signed assessment draft."""

        def write(session: Session) -> None:
            a = self._assessment(session, year)
            pack = self._pack(session, a.pack_ref)
            old, new = change(session, a, pack)
            if old == new:
                raise _Unchanged  # roll back: a row the change added for nothing is not kept
            now = _now()
            session.add(
                m.Change(
                    assessment_id=a.id, at=now, field=field, old_value=_to_json(old), new_value=_to_json(new)
                )
            )
            if a.status == "signed":
                a.status = "draft"
                session.add(
                    m.Change(
                        assessment_id=a.id, at=now, field="status", old_value='"signed"', new_value='"draft"'
                    )
                )
            a.modified_at = now

        with contextlib.suppress(_Unchanged):
            self._write(f"{year} 年度 {field}", write)

    def set_fact(self, year: int, fact_id: str, value: bool | int | float | Decimal | None) -> None:
        """Set (or clear, with None) one fact."""
        value = _normal_number(value)
        checked = {f"facts.{fact_id}"} | (
            {"facts.survey.satisfied"} if fact_id.startswith("survey.") else set()
        )

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple:
            if pack.fact_def(fact_id) is None:
                raise InvalidInput([Problem(f"facts.{fact_id}", f"标准包 {pack.id} 中没有这个事实项")])
            query = select(m.FactAnswer).where(m.FactAnswer.assessment_id == a.id)
            rows = {r.fact_id: r for r in session.scalars(query)}
            facts = {k: _from_json(r.value) for k, r in rows.items()}
            old = facts.pop(fact_id, None)
            if value is not None:
                facts[fact_id] = value
            _validate(pack, level=a.center_level, facts=facts, only=checked)
            if value is None:
                if fact_id in rows:
                    session.delete(rows[fact_id])
            elif fact_id in rows:
                rows[fact_id].value = _to_json(value)
            else:
                session.add(m.FactAnswer(assessment_id=a.id, fact_id=fact_id, value=_to_json(value)))
            return old, value

        self._edit(year, f"facts.{fact_id}", change)

    def set_staff(self, year: int, roster: Iterable[StaffAnswer | dict] | None) -> None:
        """Replace the staff roster (None: not answered; an empty list: no staff)."""
        given = None if roster is None else [_plain(p) for p in roster]

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple:
            people = _validate(pack, level=a.center_level, staff=given).staff
            before = self._answers(session, a).staff
            session.execute(delete(m.StaffMember).where(m.StaffMember.assessment_id == a.id))
            a.staff_answered = people is not None
            session.add_all(_staff_rows(a.id, people))
            return _plain(before), _plain(people)

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
        """Set a zone / mechanism / ledger as present or not (None: clear the answer)."""
        area = _normal_number(area_m2)

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple:
            field = CATALOG_FIELDS[catalog]
            flag = CATALOG_FLAGS[catalog]
            entry: dict[str, Any] = {"id": entry_id, flag: bool(present), "note": note}
            if catalog == "zone":
                entry["area_m2"] = area
            _validate(pack, level=a.center_level, **{field: [entry]})
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
            row.present, row.area_m2, row.note = present, area, note
            return old, {"present": present, "area_m2": area, "note": note}

        self._edit(year, f"{CATALOG_FIELDS[catalog]}.{entry_id}", change)

    def _item_edit(
        self,
        year: int,
        item_id: str,
        field: str,
        apply: Callable[[m.ItemAnswer, CriteriaPack, m.Assessment], tuple],
    ) -> None:
        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple:
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
        given = _normal_number(value)

        def apply(row: m.ItemAnswer, pack: CriteriaPack, a: m.Assessment) -> tuple:
            if given is not None:
                _validate(pack, level=a.center_level, manual_scores={item_id: given})
            old, row.manual_score = row.manual_score, None if given is None else Decimal(given)
            return old, row.manual_score

        self._item_edit(year, item_id, "manual_scores", apply)

    def set_checklist_status(self, year: int, item_id: str, status: ChecklistStatus | None) -> None:
        """A checklist item's status (None: not yet checked)."""

        def apply(row: m.ItemAnswer, pack: CriteriaPack, a: m.Assessment) -> tuple:
            if status is not None:
                _validate(pack, level=a.center_level, checklist={item_id: status})
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
        given = _normal_number(score)

        def apply(row: m.ItemAnswer, pack: CriteriaPack, a: m.Assessment) -> tuple:
            override: dict[str, Any] = {"reason": reason}
            if given is not None:
                override["score"] = given
            if status is not None:
                override["status"] = status
            _validate(pack, level=a.center_level, overrides={item_id: override})
            old = _override_of(row)
            row.override_score = None if given is None else Decimal(given)
            row.override_status, row.override_reason = status, reason.strip()
            return old, _override_of(row)

        self._item_edit(year, item_id, "overrides", apply)

    def clear_override(self, year: int, item_id: str) -> None:
        """Go back to the automatic result."""

        def apply(row: m.ItemAnswer, pack: CriteriaPack, a: m.Assessment) -> tuple:
            old = _override_of(row)
            row.override_score = row.override_status = row.override_reason = None
            return old, None

        self._item_edit(year, item_id, "overrides", apply)

    def set_item_text(
        self, year: int, item_id: str, field: Literal["notes", "corrective_actions"], text: str
    ) -> None:
        """An item's note or corrective action."""
        column = {"notes": "note", "corrective_actions": "corrective_action"}[field]

        def apply(row: m.ItemAnswer, pack: CriteriaPack, a: m.Assessment) -> tuple:
            _validate(pack, level=a.center_level, **{field: {item_id: text}})
            old = getattr(row, column)
            setattr(row, column, text)
            return old, text

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

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple:
            current = {k: getattr(a, c) for k, c in columns.items()}
            merged = {**current, **fields}
            _validate(
                pack,
                level=merged["level"],
                name=merged["name"],
                region=merged["region"],
                contact=merged["contact"],
                assessor=merged["assessor"],
            )
            for key, value in fields.items():
                setattr(a, columns[key], value.strip() if key == "name" else value)
            return {k: current[k] for k in fields}, dict(fields)

        self._edit(year, "profile", change)

    def mark_signed(self, year: int, *, signer: str, fingerprint: str, at: datetime | None = None) -> None:
        """Record that a packet was exported and signed."""

        def write(session: Session) -> None:
            a = self._assessment(session, year)
            when = at or _now()
            old = _to_json(a.status)
            a.status, a.signed_at, a.signer, a.fingerprint = "signed", when, signer, fingerprint
            session.add(
                m.Change(
                    assessment_id=a.id,
                    at=when,
                    field="status",
                    old_value=old,
                    new_value=_to_json({"signed": signer, "fingerprint": fingerprint}),
                )
            )

        self._write(f"{year} 年度签署", write)

    # -- history ------------------------------------------------------------------------------------

    def history(self, year: int, since: datetime | None = None) -> list[ChangeRecord]:
        """Every recorded change of an assessment (since a time, if given), oldest first."""

        def read(session: Session) -> list[ChangeRecord]:
            a = self._assessment(session, year)
            query = select(m.Change).where(m.Change.assessment_id == a.id)
            if since is not None:
                query = query.where(m.Change.at >= since)
            rows = session.scalars(query.order_by(m.Change.id))
            return [
                ChangeRecord(r.at, r.field, _from_json(r.old_value), _from_json(r.new_value)) for r in rows
            ]

        return self._read(read)

    # -- evidence -------------------------------------------------------------------------------------

    def add_evidence_file(
        self, year: int, target_kind: TargetKind, target_id: str, path: Path, caption: str = ""
    ) -> EvidenceRef:
        """Prepare a photo or document from disk and attach it."""
        return self.add_evidence(year, target_kind, target_id, prepare_file(Path(path)), caption)

    def add_evidence(
        self,
        year: int,
        target_kind: TargetKind,
        target_id: str,
        prepared: PreparedEvidence,
        caption: str = "",
    ) -> EvidenceRef:
        """Attach prepared evidence to an item, zone, mechanism or ledger."""
        link_ids: list[int] = []

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple:
            _check_target(pack, target_kind, target_id)
            blob = session.scalar(select(m.EvidenceBlob).where(m.EvidenceBlob.sha256 == prepared.sha256))
            if blob is None:
                blob = m.EvidenceBlob(
                    sha256=prepared.sha256,
                    kind=prepared.kind,
                    media_type=prepared.media_type,
                    original_name=prepared.original_name,
                    original_sha256=prepared.original_sha256,
                    original_size=prepared.original_size,
                    original_date=prepared.original_date,
                    width=prepared.width,
                    height=prepared.height,
                    size=len(prepared.data),
                    thumbnail=prepared.thumbnail,
                    data=prepared.data,
                    added_at=_now(),
                )
                session.add(blob)
                session.flush()
            position = session.scalar(
                select(func.count()).where(
                    m.EvidenceLink.assessment_id == a.id,
                    m.EvidenceLink.target_kind == target_kind,
                    m.EvidenceLink.target_id == target_id,
                )
            )
            link = m.EvidenceLink(
                assessment_id=a.id,
                target_kind=target_kind,
                target_id=target_id,
                evidence_id=blob.id,
                caption=caption,
                position=position,
            )
            session.add(link)
            session.flush()
            link_ids.append(link.id)
            return None, {"name": prepared.original_name, "sha256": prepared.original_sha256}

        self._edit(year, f"evidence.{target_kind}.{target_id}", change)
        return next(e for e in self.evidence(year) if e.link_id == link_ids[0])

    def remove_evidence(self, year: int, link_id: int) -> None:
        """Detach evidence; its bytes are dropped when nothing links to them any more."""

        def change(session: Session, a: m.Assessment, pack: CriteriaPack) -> tuple:
            link = session.get(m.EvidenceLink, link_id)
            if link is None or link.assessment_id != a.id:
                raise StoreError("这份证明材料已经不存在。", path=self.path)
            old = {"name": link.evidence.original_name, "sha256": link.evidence.original_sha256}
            session.delete(link)
            session.flush()
            _drop_unlinked_evidence(session)
            return old, None

        target = self._read(lambda s: s.get(m.EvidenceLink, link_id))
        where = f"evidence.{target.target_kind}.{target.target_id}" if target else "evidence"
        self._edit(year, where, change)

    def evidence(
        self, year: int, target_kind: str | None = None, target_id: str | None = None
    ) -> list[EvidenceRef]:
        """Evidence of an assessment (optionally of one target), in order, without bytes."""
        return self._read(lambda s: self._evidence_refs(s, self._assessment(s, year), target_kind, target_id))

    @staticmethod
    def _evidence_refs(
        session: Session, a: m.Assessment, target_kind: str | None = None, target_id: str | None = None
    ) -> list[EvidenceRef]:
        link, blob = m.EvidenceLink, m.EvidenceBlob
        query = (
            select(
                link.id,
                blob.id,
                link.target_kind,
                link.target_id,
                blob.kind,
                blob.media_type,
                blob.original_name,
                blob.original_sha256,
                blob.original_date,
                blob.width,
                blob.height,
                blob.size,
                link.caption,
                blob.original_size,
            )  # only the columns listed: never load the bytes to list them
            .join(blob, link.evidence_id == blob.id)
            .where(link.assessment_id == a.id)
        )
        if target_kind is not None:
            query = query.where(link.target_kind == target_kind)
        if target_id is not None:
            query = query.where(link.target_id == target_id)
        query = query.order_by(link.target_kind, link.target_id, link.position)
        return [EvidenceRef(*row) for row in session.execute(query).all()]

    def evidence_data(self, evidence_id: int) -> bytes:
        """The stored bytes of a photo or document."""
        return self._read(
            lambda s: s.scalar(select(m.EvidenceBlob.data).where(m.EvidenceBlob.id == evidence_id))
        )

    def evidence_thumbnail(self, evidence_id: int) -> bytes | None:
        """A photo's small JPEG thumbnail (None for documents)."""
        return self._read(
            lambda s: s.scalar(select(m.EvidenceBlob.thumbnail).where(m.EvidenceBlob.id == evidence_id))
        )


# --- helpers ------------------------------------------------------------------------------------------


def _validate(
    pack: CriteriaPack,
    *,
    level: str,
    name: str = "校验",
    year: int = 2026,
    only: set[str] | None = None,
    **parts: Any,
) -> Answers:
    """Check a partial answers document with the domain's rules; raise on problems.

    ``only`` limits the problems reported to those fields (the edited one).
    """
    data = {
        "format": ANSWERS_FORMAT,
        "center": {"name": name, "level": level},
        "year": year,
        "pack": {"id": pack.id, "version": pack.version},
    }
    for key in ("region", "contact"):
        if key in parts:
            data["center"][key] = parts.pop(key)
    data.update(parts)
    answers = parse_answers(data)
    problems = check_answers(pack, answers)
    if only is not None:
        problems = [p for p in problems if p.field in only]
    if problems:
        raise InvalidInput(problems)
    return answers


def _staff_rows(assessment_id: int, people: list[StaffAnswer] | None) -> list[m.StaffMember]:
    """The roster's rows, in order (the answers' staff fields are the table's columns)."""
    return [
        m.StaffMember(assessment_id=assessment_id, position=position, **person.model_dump())
        for position, person in enumerate(people or [])
    ]


class _Unchanged(Exception):
    """An edit that changes nothing: its transaction is rolled back, no history, no new rows."""


def _copy_row(row: m.Base, **changes: Any) -> m.Base:
    """A new row of the same model with the same column values but no surrogate ``id``, then ``changes``.

    Every column is carried over, so a column added by a later migration is copied too.
    """
    model = type(row)
    values = {c.key: getattr(row, c.key) for c in model.__mapper__.column_attrs if c.key != "id"}
    return model(**{**values, **changes})


def _known_targets(pack: CriteriaPack) -> dict[str, set[str]]:
    """The ids a pack knows, by kind: items and the catalogues' entries."""
    return {
        "item": {i.id for _, _, i in pack.items()},
        "zone": {z.id for z in pack.zones},
        "mechanism": {x.id for x in pack.mechanisms},
        "ledger": {x.id for x in pack.ledgers},
    }


def _check_target(pack: CriteriaPack, kind: str, target_id: str) -> None:
    if target_id not in _known_targets(pack).get(kind, set()):
        raise InvalidInput([Problem(f"evidence.{kind}", f"标准包 {pack.id} 中没有 {kind} {target_id!r}")])


def _override_of(row: m.ItemAnswer) -> dict[str, Any] | None:
    if row.override_reason is None:
        return None
    return {"score": row.override_score, "status": row.override_status, "reason": row.override_reason}


def _drop_unlinked_evidence(session: Session) -> None:
    linked = select(m.EvidenceLink.evidence_id)
    session.execute(delete(m.EvidenceBlob).where(m.EvidenceBlob.id.not_in(linked)))


def _save_failure_message(exc: DBAPIError) -> str:
    text = str(exc.orig).lower()
    if isinstance(exc, IntegrityError):
        return f"保存失败：数据不一致（{exc.orig}）。刚才的修改没有保存，已保存的内容不受影响。"
    if "full" in text:
        return (
            "磁盘空间已满，刚才的修改没有保存。请删除一些不需要的文件腾出空间后再试；已保存的内容不受影响。"
        )
    if "readonly" in text or "read-only" in text or "permission" in text:
        return "文件或所在文件夹是只读的，刚才的修改没有保存。请把文件复制到可写的文件夹（如“文档”）后再打开；已保存的内容不受影响。"
    if "locked" in text or "busy" in text:
        return "文件正被其他程序占用，刚才的修改没有保存。请稍后再试。"
    return (
        f"读写磁盘出错，刚才的修改没有保存（{exc.orig}）。请检查磁盘或 U 盘是否已拔出；已保存的内容不受影响。"
    )
