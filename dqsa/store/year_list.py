"""The year list, read light: plain ``sqlite3``, no SQLAlchemy, no pydantic, no packs.

At start-up :func:`peek_year_list` reads the list (years, status, dates and the cached
totals of :mod:`dqsa.store.totals`) straight from the file, so the window can show it
before the store is imported. It changes nothing and creates nothing beside the file
(``immutable=1``), and it only reads a file nobody has open: with its lock held or a ``-wal`` beside
the file (open elsewhere, or not closed cleanly) it returns None and the full open, which
replays the log, shows the list instead. It returns None, too, for anything unusual (not
a dqsa file, a newer schema, damage): the full open then says what is wrong.

The open store reads the same rows through :func:`read_year_list` on its own connection.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from dqsa.domain.status import AssessmentStatus
from dqsa.store.durable import SQLITE_MAGIC, FileKind, frozen_connect
from dqsa.store.files import CENTER_FILE
from dqsa.store.lock import lock_path_for


@dataclass(frozen=True)
class TableTotal:
    """One table's score in the list, as the program writes numbers ("88.7", "100")."""

    title: str
    score: str
    max: str


@dataclass(frozen=True)
class Totals:
    """An assessment's figures for the list."""

    kind: str  # "scored" | "checklist"
    tables: tuple[TableTotal, ...]
    total: str
    max: str
    percent: str


@dataclass(frozen=True)
class SentFigures:
    """What was sent for a year (its latest signing), as the list shows it beside the current figures."""

    signed_at: datetime
    signer: str
    fingerprint: str
    #: The figures sent; None when the packet was signed before the file kept what was sent.
    totals: Totals | None
    sha256: str | None = None

    @property
    def known(self) -> bool:
        return self.totals is not None


@dataclass(frozen=True)
class YearReview:
    """The review result shown for a year (see :mod:`dqsa.store.reviews`): its state and the packet it is about."""

    state: str  # passed | returned | problem | pending
    packet_sha256: str
    desk_name: str = ""
    reviewer: str = ""
    reviewed_at: datetime | None = None
    #: As the program writes numbers ("95", "88.5"); a checklist's are counts of items met.
    total_self: str = ""
    total_reviewed: str = ""
    total_max: str = ""
    kind: str = "scored"
    comment: str = ""


@dataclass(frozen=True)
class YearRow:
    """One line of the list; ``totals`` is None while they still have to be scored."""

    year: int
    status: AssessmentStatus
    modified_at: datetime
    signed_at: datetime | None
    totals: Totals | None
    #: What was sent, when the year was ever signed.
    sent: SentFigures | None = None
    #: The level above's review shown for the year, when one was imported.
    review: YearReview | None = None

    @property
    def review_state(self) -> str | None:
        """The review as the list shows it: the result's state when it is about the packet sent last,
        ``pending`` (待审核) for a year sent and not reviewed since; None for a year never sent."""
        if self.review is not None and (
            self.sent is None or self.sent.sha256 in (None, self.review.packet_sha256)
        ):
            return self.review.state
        return "pending" if self.sent is not None else None

    @property
    def differs_from_sent(self) -> bool:
        """The current figures are known and are not the ones sent (a year reopened and changed)."""
        if self.sent is None or self.sent.totals is None or self.totals is None:
            return False
        return (self.sent.totals.total, self.sent.totals.percent) != (self.totals.total, self.totals.percent)


@dataclass(frozen=True)
class CenterHeading:
    """The heading above the list; the words are None when only the codes are known."""

    name: str
    level: str
    region: str
    pack_id: str
    level_label: str | None = None
    pack_title: str | None = None


@dataclass(frozen=True)
class YearList:
    """The center's heading (None in a new file) and its years, newest first."""

    center: CenterHeading | None
    rows: tuple[YearRow, ...]

    @property
    def complete(self) -> bool:
        """Every row has its figures (nothing left to score)."""
        return all(row.totals is not None for row in self.rows)

    @property
    def years(self) -> list[int]:
        return [row.year for row in self.rows]


def peek_year_list(
    path: Path, kind: FileKind = CENTER_FILE, *, program: str | None = None
) -> YearList | None:
    """The year list of a closed file, or None when it cannot be read this light way."""
    try:
        real = Path(path).resolve()
        if real.with_name(real.name + "-wal").exists() or _held(lock_path_for(real)):
            return None
        with open(real, "rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return None
        connection = frozen_connect(real)
    except (OSError, sqlite3.Error):
        return None
    try:
        (app_id,) = connection.execute("PRAGMA application_id").fetchone()
        if app_id != kind.application_id:
            return None
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision not in kind.known_revisions:
            return None
        return read_year_list(connection, program=program)
    except (sqlite3.Error, ValueError, TypeError, KeyError):
        return None
    finally:
        connection.close()


def _held(lock: Path) -> bool:
    """True when another program holds the file's lock (on Windows: when a lock file is there at all)."""
    if not lock.exists():
        return False
    if sys.platform == "win32":
        return True
    import fcntl

    with open(lock, "rb") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return False


def read_year_list(connection: sqlite3.Connection, *, program: str | None = None) -> YearList:
    """The year list through any connection to a center file (cached totals of ``program`` only)."""
    if program is None:
        from dqsa import __version__

        program = __version__
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    cached = "assessment_totals" in tables
    query = (
        "SELECT a.id, a.year, a.status, a.modified_at, a.signed_at, a.signer, a.fingerprint, "
        "t.program, t.computed_for, t.content "
        "FROM assessment a LEFT JOIN assessment_totals t ON t.assessment_id = a.id ORDER BY a.year DESC"
        if cached
        else "SELECT id, year, status, modified_at, signed_at, signer, fingerprint, NULL, NULL, NULL "
        "FROM assessment ORDER BY year DESC"
    )
    sent = _sent(connection) if "sent_snapshot" in tables else {}
    reviews = _reviews(connection) if "review_result" in tables else {}
    rows = []
    for (
        key,
        year,
        status,
        modified,
        signed,
        signer,
        fingerprint,
        made_by,
        made_for,
        content,
    ) in connection.execute(query):
        totals = _totals(content) if made_by == program and made_for == modified else None
        signed_at = _when_or_none(signed)
        figures = sent.get(key)
        if figures is None and signed_at is not None and "sent_snapshot" not in tables:
            # A file older than the snapshots, read unmigrated: signed, what was sent unknown.
            figures = SentFigures(signed_at, str(signer or ""), str(fingerprint or ""), None)
        rows.append(
            YearRow(
                int(year),
                AssessmentStatus.of(status, signed_at),
                _when(modified),
                signed_at,
                totals,
                figures,
                reviews.get(int(year)),
            )
        )
    return YearList(_heading(connection, "center_display" in tables, program), tuple(rows))


def _sent(connection: sqlite3.Connection) -> dict[int, SentFigures]:
    """The latest snapshot of what was sent, by assessment row id."""
    query = (
        "SELECT assessment_id, signed_at, signer, fingerprint, totals_json, packet_sha256 FROM sent_snapshot "
        "WHERE id IN (SELECT max(id) FROM sent_snapshot GROUP BY assessment_id)"
    )
    return {
        int(key): SentFigures(_when(signed), str(signer), str(fingerprint), _totals(totals), digest)
        for key, signed, signer, fingerprint, totals, digest in connection.execute(query)
    }


def _reviews(connection: sqlite3.Connection) -> dict[int, YearReview]:
    """The review result shown for each year."""
    query = "SELECT year, state, packet_sha256 FROM review_result WHERE current = 1"
    return {
        int(year): YearReview(str(state), str(digest)) for year, state, digest in connection.execute(query)
    }


def _heading(connection: sqlite3.Connection, cached: bool, program: str) -> CenterHeading | None:
    row = connection.execute("SELECT name, level, region, pack_id FROM center WHERE id = 1").fetchone()
    if row is None:
        return None
    heading = CenterHeading(*(str(value) for value in row))
    if cached:
        display = connection.execute("SELECT program, content FROM center_display WHERE id = 1").fetchone()
        if display is not None and display[0] == program:
            try:
                words = json.loads(display[1])
                made_from = (words["name"], words["level"], words["region"], words["pack_id"])
                if made_from == (heading.name, heading.level, heading.region, heading.pack_id):
                    return CenterHeading(*made_from, str(words["level_label"]), str(words["pack_title"]))
            except (ValueError, KeyError, TypeError):  # a damaged cache is only a cache: the codes show
                return heading
    return heading


def _totals(content: str | None) -> Totals | None:
    """The cached figures, or None when there are none (or they are damaged: they are computed again)."""
    if content is None:
        return None
    try:
        return parse_totals(json.loads(content))
    except (ValueError, KeyError, TypeError):
        return None


def parse_totals(data: dict[str, Any]) -> Totals:
    """Totals from the cached JSON (see :mod:`dqsa.store.totals`)."""
    tables = tuple(TableTotal(str(t["title"]), str(t["score"]), str(t["max"])) for t in data["tables"])
    return Totals(str(data["kind"]), tables, str(data["total"]), str(data["max"]), str(data["percent"]))


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _when_or_none(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)
