"""The service API over one center file, used by the GUI, the exporters and the CLI.

:class:`CenterStore` is the one facade; its jobs live in their own modules:

- opening, locking, backups and restore of any dqsa file: :mod:`dqsa.store.durable`
  (generic), seen through SQLAlchemy in :mod:`dqsa.store.database`;
- rows ↔ answers: :mod:`dqsa.store.mapping`; stored packs: :mod:`dqsa.store.stored_packs`;
- edits and their history: :mod:`dqsa.store.edits`; evidence links:
  :mod:`dqsa.store.evidence_links`; the export snapshot: :mod:`dqsa.store.snapshot`;
- what was sent (the frozen snapshot of every signing, reopening a signed year):
  :mod:`dqsa.store.sent`; a received packet restored in one transaction:
  :mod:`dqsa.store.restored`; the signing identity's events: :mod:`dqsa.store.identity_events`;
- review results from the level above and the desk certificates pinned: :mod:`dqsa.store.reviews`;
- the year list's cached figures: :mod:`dqsa.store.totals`, read light by
  :mod:`dqsa.store.year_list`.

Every edit is one committed transaction that also records the change (what, old
value, new value, when). Edits are validated against the assessment's criteria pack
with the domain's own checks before anything is written. A signed assessment is
read-only until it is explicitly reopened (:meth:`CenterStore.reopen`). A file that cannot be written opens read-only
(:attr:`CenterStore.read_only` says why) and every edit is refused with
:class:`~dqsa.store.errors.ReadOnlyFile`.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from dqsa.domain.answers import Answers, check_edit
from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.errors import InvalidInput, Problem
from dqsa.domain.scoring import Scorecard
from dqsa.domain.status import AssessmentStatus
from dqsa.packs import find_pack
from dqsa.store import models as m
from dqsa.store.database import Database
from dqsa.store.durable import open_file
from dqsa.store.errors import AssessmentNotFound, SignedYear, StoreError
from dqsa.store.evidence_links import EvidenceMixin, drop_unlinked_evidence
from dqsa.store.files import CENTER_FILE
from dqsa.store.identity_events import IdentityEventsMixin, IdentityRecord
from dqsa.store.mapping import answers_of, carry_from, write_answers
from dqsa.store.records import (
    AssessmentSummary,
    Catalog,
    CenterProfile,
    ChangeRecord,
    EvidenceRef,
    TargetKind,
    now,
    to_json,
)
from dqsa.store.restored import RestoreMixin
from dqsa.store.reviews import ReviewsMixin, reviewed_version
from dqsa.store.sent import SentMixin, SentPacket, SentRecord, keep_snapshots, reopen, sent_version
from dqsa.store.snapshot import read_snapshot, scored
from dqsa.store.totals import totals_content, write_center_display, write_totals
from dqsa.store.year_list import Totals, YearList, parse_totals, read_year_list

if TYPE_CHECKING:
    from dqsa.domain.comparison import Comparison
    from dqsa.store.snapshot import ExportSnapshot

log = logging.getLogger(__name__)

__all__ = [
    "AssessmentSummary",
    "Catalog",
    "CenterProfile",
    "CenterStore",
    "ChangeRecord",
    "EvidenceRef",
    "IdentityRecord",
    "SentPacket",
    "SentRecord",
    "TargetKind",
]


class CenterStore(EvidenceMixin, SentMixin, RestoreMixin, IdentityEventsMixin, ReviewsMixin):
    """One open center file."""

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
        """Open (or create) a center file; a :class:`StoreError` says why it cannot be.

        A file that cannot be written opens read-only (see :attr:`read_only`);
        :attr:`created` tells whether this call made the file.
        """
        if backups_root is None:
            from dqsa.paths import backups_dir

            backups_root = backups_dir()
        file = open_file(
            Path(path), CENTER_FILE, create=create, backups_root=backups_root, keep=keep, lock=lock
        )
        return cls(Database(file), backups_root=backups_root, lock=lock)

    @property
    def created(self) -> bool:
        """True when this open created the file (see :meth:`close`'s ``discard_if_empty``)."""
        return self._db.file.created

    def backups(self) -> list[Path]:
        """This file's automatic backups, newest first."""
        return self._db.file.backups()

    def backup_now(self, reason: str = "manual") -> Path:
        return self._db.backup(reason)

    def close(self, *, discard_if_empty: bool = False) -> None:
        """Close the file (its outdated list totals are rescored first, so the next start lists at once).

        With ``discard_if_empty``, a file this open created that still holds no center and
        no assessment is deleted, with its log and lock (a refused import leaves nothing).
        """
        if self.closed:
            return
        if discard_if_empty and self.created and self.is_empty():
            self._db.discard()
            return
        if self.read_only is None:
            try:
                self._cache_totals([row.year for row in self.year_list().rows if row.totals is None])
            except (StoreError, InvalidInput, LookupError, DBAPIError, sqlite3.Error) as exc:  # only a cache
                log.warning("could not rescore the year list before closing: %s", exc)
        self._db.close()

    def is_empty(self) -> bool:
        """No center profile and no assessment."""
        return self._read(
            lambda s: (
                s.get(m.Center, 1) is None and s.scalar(select(func.count()).select_from(m.Assessment)) == 0
            )
        )

    def restore(self, backup: Path) -> Path:
        """Replace this file's content with ``backup``'s; returns the safety copy taken first.

        A backup that is refused (damaged, foreign, newer, or whose content does not read
        whole: :func:`~dqsa.store.checkup.check_center_content`) raises :class:`StoreError`
        before the file is touched, and the store stays open as it was. If the restored
        file cannot be reopened, the store is closed (:class:`~dqsa.store.errors.StoreClosed`
        says where the old content is) and every later call says so.
        """
        from dqsa.store.checkup import check_center_content

        try:
            return self._db.restore(backup, check=check_center_content)
        finally:
            self._packs.clear()

    def __enter__(self) -> CenterStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        # A file created by this open and left empty by a failure is not left behind.
        self.close(discard_if_empty=kind is not None)

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
        fields = {
            "name": profile.name,
            "level": profile.level,
            "region": profile.region,
            "contact": profile.contact,
        }
        checked = check_edit(pack, profile.level, "center", fields)  # as the answers keep it

        def write(session: Session) -> None:
            row = session.get(m.Center, 1) or m.Center(id=1)
            row.name, row.level, row.pack_id = checked.name, checked.level, profile.pack_id
            row.region, row.contact = checked.region, checked.contact
            session.add(row)
            write_center_display(session, row, pack)

        self._write("中心概况", write)

    # -- packs --------------------------------------------------------------------------

    def pack_for(self, year: int) -> CriteriaPack:
        """The pack an assessment was made with, exactly as stored in this file."""
        return self._read(lambda s: self._pack(s, self._assessment(s, year).pack_ref))

    # -- assessments --------------------------------------------------------------------

    def assessments(self) -> list[AssessmentSummary]:
        """Every assessment, newest year first."""
        return self._read(_summaries)

    def summary(self, year: int) -> AssessmentSummary:
        """One year's line of the list (status, signing), without reading its answers."""
        found = self._read(lambda session: _summaries(session, year))
        if not found:
            raise AssessmentNotFound(f"没有 {year} 年度的自评。", path=self.path)
        return found[0]

    def years(self) -> list[int]:
        return [a.year for a in self.assessments()]

    def year_list(self) -> YearList:
        """The year list as cached in the file (rows whose figures are missing have ``totals`` None)."""
        with self._db.raw() as connection:
            return read_year_list(connection)

    def complete_year_list(self) -> YearList:
        """The year list with every row's figures: missing or outdated ones are scored (and cached,
        when the file can be written). Slow for many years: call it off the GUI thread."""
        listing = self.year_list()
        missing = [row.year for row in listing.rows if row.totals is None]
        if not missing and (listing.center is None or listing.center.level_label is not None):
            return listing
        if self.read_only is not None:
            return self._scored_year_list(listing, missing)
        self._cache_totals(missing, center=True)
        return self.year_list()

    def _cache_totals(self, years: list[int], *, center: bool = False) -> None:
        """Score ``years`` and cache their list totals (and the center's heading words) in one write."""
        if not years and not center:
            return

        def write(session: Session) -> None:
            for year in years:
                a = self._assessment(session, year)
                write_totals(session, a, self._pack(session, a.pack_ref))
            row = session.get(m.Center, 1)
            if center and row is not None:
                try:
                    pack = find_pack(row.pack_id)
                except (InvalidInput, LookupError):  # a pack this program lacks: the codes are shown
                    return
                write_center_display(session, row, pack)

        self._write("年度列表", write)

    def _scored_year_list(self, listing: YearList, missing: list[int]) -> YearList:
        """The figures computed without writing them (a read-only file)."""
        from dataclasses import replace

        def read(session: Session) -> dict[int, Totals]:
            cards = {
                year: scored(session, self._packs, self._assessment(session, year))[2] for year in missing
            }
            return {year: parse_totals(totals_content(card)) for year, card in cards.items()}

        figures = self._read(read)
        rows = tuple(replace(row, totals=figures.get(row.year, row.totals)) for row in listing.rows)
        return replace(listing, rows=rows)

    def create_assessment(
        self, year: int, *, from_year: int | None = None, pack: CriteriaPack | None = None
    ) -> None:
        """Start a year's assessment, empty or from an earlier year's.

        From an earlier year it carries only what the pack says lasts (site, staff, zones,
        mechanisms, contact details, …: :func:`~dqsa.domain.carry.carry_forward`) and the
        evidence of what lasts; yearly answers (trainings, the survey, …) start empty and
        are 待更新 (:func:`~dqsa.domain.carry.pending_updates`). Never scores, overrides,
        notes, corrective actions or signatures.
        """
        center = self.center()
        if center is None:
            raise StoreError("请先填写中心概况（名称、级别、评分标准），再新建自评。", path=self.path)
        pack = pack or find_pack(center.pack_id)
        check_edit(pack, center.level, "center", {"name": center.name, "level": center.level})
        check_edit(pack, center.level, "year", year)
        chosen = pack

        def write(session: Session) -> None:
            if session.scalar(select(m.Assessment.id).where(m.Assessment.year == year)):
                raise StoreError(f"{year} 年度的自评已经存在，请直接打开它。", path=self.path)
            stamp = now()
            row = m.Assessment(
                year=year,
                pack_ref=self._packs.store(session, chosen).id,
                center_name=center.name,
                center_level=center.level,
                center_region=center.region,
                center_contact=center.contact,
                status=AssessmentStatus.DRAFT,
                created_at=stamp,
                modified_at=stamp,
            )
            session.add(row)
            session.flush()
            if from_year is not None:
                source = self._assessment(session, from_year)
                carry_from(session, source, self._pack(session, source.pack_ref), row, chosen)
            session.add(
                m.Change(
                    assessment_id=row.id,
                    at=stamp,
                    field="assessment",
                    old_value=None,
                    new_value=to_json({"created_from": from_year}),
                )
            )
            write_totals(session, row, chosen)

        self._write(f"新建 {year} 年度自评", write)

    def delete_assessment(self, year: int) -> Path:
        """Delete a year's assessment after taking a backup; returns the backup's path."""
        self._read(lambda s: self._assessment(s, year))
        backup = self._db.backup(f"before-delete-{year}")

        def write(session: Session) -> None:
            session.delete(self._assessment(session, year))
            session.flush()
            drop_unlinked_evidence(session)

        self._write(f"删除 {year} 年度自评", write)
        return backup

    # -- answers as a whole ------------------------------------------------------------------

    def answers(self, year: int) -> Answers:
        """The assessment as an answers document (the interchange format)."""
        return self._read(
            lambda s: answers_of(s, (a := self._assessment(s, year)), self._pack(s, a.pack_ref))
        )

    def scorecard(self, year: int) -> Scorecard:
        """Score the assessment against the pack it was made with."""
        return self._read(lambda s: scored(s, self._packs, self._assessment(s, year))[2])

    def export_snapshot(self, year: int) -> ExportSnapshot:
        """Answers, pack, scores, evidence (with bytes) and last year's comparison, in one read transaction."""
        try:
            return self._read(lambda s: read_snapshot(s, self._packs, year))
        except AssessmentNotFound as exc:
            raise AssessmentNotFound(str(exc), path=self.path) from None

    def compare(
        self,
        old_year: int,
        new_year: int,
        *,
        old_sent: bool = False,
        new_sent: bool = False,
        old_reviewed: bool = False,
    ) -> Comparison:
        """Compare two of this center's assessments, each against its own pack.

        With ``old_sent`` / ``new_sent`` a year is taken as it was sent (its latest
        snapshot) rather than as it is now; a year may be compared with itself that way
        (what was sent → what it is now). With ``old_reviewed`` the earlier year is taken
        as the level above reviewed it: the version its review result is about, with the
        reviewer's scores (:func:`~dqsa.domain.review.apply_review`).
        """
        from dqsa.domain.comparison import compare

        def read(session: Session) -> Comparison:
            def version(year: int, sent: bool) -> tuple[CriteriaPack, Answers, Scorecard]:
                a = self._assessment(session, year)
                return sent_version(session, self._packs, a) if sent else scored(session, self._packs, a)

            if old_reviewed:
                old_pack, old_answers, old_card = reviewed_version(
                    session, self._packs, self._assessment(session, old_year)
                )
            else:
                old_pack, old_answers, old_card = version(old_year, old_sent)
            new_pack, new_answers, new_card = version(new_year, new_sent)
            return compare(old_card, old_answers, old_pack, new_card, new_answers, new_pack)

        return self._read(read)

    def import_answers(
        self,
        answers: Answers,
        *,
        replace: bool = False,
        pack: CriteriaPack | None = None,
        reopen_reason: str | None = None,
    ) -> None:
        """Store an answers document as that year's assessment (validated first).

        ``pack`` is the pack to score it with (a restored packet brings its own); by
        default the file's copy or the bundled pack of the answers' id and version.
        Replacing a signed year is refused (:class:`SignedYear`) unless ``reopen_reason``
        is given: the year is then reopened (recorded) and replaced in one transaction.
        What was sent, and the history, outlive the replaced answers: the year reads
        已报送后修改 afterwards.
        """
        if pack is not None and (pack.id, pack.version) != (answers.pack.id, answers.pack.version):
            raise InvalidInput([Problem("pack", "答卷与随附的标准包不一致")])

        def write(session: Session) -> None:
            existing = session.scalar(select(m.Assessment).where(m.Assessment.year == answers.year))
            give = None
            if existing is not None and replace:
                status = AssessmentStatus.of(existing.status, existing.signed_at)
                if status is AssessmentStatus.SIGNED:
                    if reopen_reason is None:
                        raise SignedYear(answers.year, existing.signed_at, path=self.path)
                    reopen(session, existing, reopen_reason)
                if status.was_sent:
                    give = keep_snapshots(session, existing)
            row = write_answers(session, self._packs, answers, replace=replace, pack=pack)
            if give is not None:
                give(row)
            chosen = self._pack(session, row.pack_ref)
            write_totals(session, row, chosen)
            center = session.get(m.Center, 1)
            if center is not None and center.pack_id == chosen.id and session.get(m.CenterDisplay, 1) is None:
                write_center_display(session, center, chosen)
            drop_unlinked_evidence(session)

        self._write(f"导入 {answers.year} 年度答卷", write)


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
            AssessmentStatus.of(a.status, a.signed_at),
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
