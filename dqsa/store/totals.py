"""The year list's figures, kept in the file so the list appears before anything heavy loads.

``assessment_totals`` holds each assessment's list figures and ``center_display`` the
center's heading in words; :mod:`dqsa.store.year_list` reads both with plain
``sqlite3`` at start-up. A row is trusted only while it was computed by this program's
version for the assessment's current ``modified_at``: every edit sets ``modified_at``
and so outdates its year's row without rescoring (which would double an edit's cost).
Rows are (re)written when an assessment is created or imported, when the store closes
(outdated ones, about 3 ms a year), and when the home list asks for missing figures
(off the GUI thread); a crash leaves them outdated, never wrong.

The JSON written here is the contract with :mod:`dqsa.store.year_list`::

    assessment_totals.content: {"kind": "scored" | "checklist",
        "tables": [{"title": short title, "score": "88.7", "max": "100"}, …],
        "total": "98.5", "max": "200", "percent": "49.3"}
    center_display.content: {"name", "level", "pack_id", "region",   (what it was made from)
        "level_label", "pack_title"}
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from dqsa import __version__
from dqsa.domain.criteria import CriteriaPack
from dqsa.domain.scoring import Scorecard, fmt, score
from dqsa.store import models as m
from dqsa.store.mapping import answers_of

#: Which program computed a cached figure: another version may score differently.
PROGRAM = __version__


def totals_content(card: Scorecard) -> dict[str, Any]:
    """The list's figures of one scorecard, as decimal text written the program's way."""
    return {
        "kind": card.pack_kind,
        "tables": [
            {"title": t.short_title, "score": fmt(t.score), "max": fmt(t.max_points)} for t in card.tables
        ],
        "total": fmt(card.total),
        "max": fmt(card.max_total),
        "percent": fmt(card.percent),
    }


def write_totals(
    session: Session, a: m.Assessment, pack: CriteriaPack, card: Scorecard | None = None
) -> Scorecard:
    """Score ``a`` as it now stands in the session (unless ``card`` is given) and cache its figures."""
    if card is None:
        session.flush()
        card = score(pack, answers_of(session, a, pack), validate=False)
    row = session.get(m.AssessmentTotals, a.id)
    if row is None:
        row = m.AssessmentTotals(assessment_id=a.id)
        session.add(row)
    row.program = PROGRAM
    row.computed_for = a.modified_at
    row.content = json.dumps(totals_content(card), ensure_ascii=False, sort_keys=True)
    return card


def write_center_display(session: Session, center: m.Center, pack: CriteriaPack) -> None:
    """Cache how the center's heading reads (its level and pack in words)."""
    content = {
        "name": center.name,
        "level": center.level,
        "pack_id": center.pack_id,
        "region": center.region,
        "level_label": pack.level_label(center.level),
        "pack_title": pack.title,
    }
    row = session.get(m.CenterDisplay, 1)
    if row is None:
        row = m.CenterDisplay(id=1)
        session.add(row)
    row.program = PROGRAM
    row.content = json.dumps(content, ensure_ascii=False, sort_keys=True)
