"""The roll-up arithmetic: reviewer totals, distribution, averages, weakest items, changes, who is missing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from dqsa.answers_file import load_answers_file
from dqsa.domain import rollup
from dqsa.domain.rollup import ItemMark, MixedStandards, ReviewState, Standard, Submission
from dqsa.domain.scoring import score

HUZHOU = Standard("huzhou-social-org", "1.0.0", "scored", "湖州")
WENZHOU = Standard("wenzhou-oujianghong", "1.0.0", "checklist", "温州")


def submission(center: str, marks: list[tuple[str, str, str]], *, year: int = 2026, standard=HUZHOU, **kw):
    items = tuple(ItemMark(i, Decimal(s), Decimal(m)) for i, s, m in marks)
    return Submission(center, center, "village", "某镇", year, standard, items, **kw)


def from_file(path: Path, pack, center: str, year: int = 2026) -> Submission:
    answers = load_answers_file(path)
    card = score(pack, answers)
    return Submission(center, answers.center.name, answers.center.level, "", year, HUZHOU,
                      rollup.marks_from_scorecard(card))  # fmt: skip


def test_reviewer_scores_replace_self_scores_in_the_reviewed_total() -> None:
    s = submission("甲", [("A.x.1", "4", "4"), ("A.x.2", "2", "6")],
                   review_state=ReviewState.PASSED, reviewer_scores={"A.x.1": Decimal("3")})  # fmt: skip
    assert (s.total, s.max_total, s.percent) == (Decimal(6), Decimal(10), Decimal(60))
    assert (s.reviewed_total, s.reviewed_percent) == (Decimal(5), Decimal(50))
    assert ReviewState.RETURNED.label == "退回补充"


def test_results_of_two_standards_are_never_added_together() -> None:
    a = submission("甲", [("A.x.1", "4", "4")])
    b = submission("乙", [("B.x.1", "1", "1")], standard=WENZHOU)
    groups = rollup.by_standard([a, b, a])
    assert list(groups) == [HUZHOU.key, WENZHOU.key] and len(groups[HUZHOU.key]) == 2
    for call in (rollup.distribution, rollup.weakest_items):
        with pytest.raises(MixedStandards, match="不能合计"):
            call([a, b])


def test_distribution_counts_each_result_once_and_100_is_in_the_last_band() -> None:
    results = [submission(str(n), [("A.x.1", str(n), "100")]) for n in (0, 9.9, 10, 55, 99.9, 100)]
    bands = rollup.distribution(results)
    assert sum(b.count for b in bands) == 6
    assert [b.count for b in bands] == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert bands[-1].label == "90–100%"


def test_section_averages_and_weakest_items_on_real_assessments(huzhou, data_dir: Path) -> None:
    files = ["village-weak.json", "township-half.json", "city-full.json"]
    results = [from_file(data_dir / name, huzhou, f"c{n}") for n, name in enumerate(files)]
    parts = {p.part_id: p for p in rollup.part_averages(results, huzhou)}
    a1 = [item.id for section in huzhou.tables[0].sections for item in section.items]
    shares = [score_ * 100 / maximum for score_, maximum in (s.table_total(a1) for s in results)]
    expected = rollup.mean(shares)
    assert parts["A1"].percent == expected and parts["A1"].centers == 3
    weakest = rollup.weakest_items(results, limit=None)
    assert len(weakest) == sum(1 for _ in huzhou.items())
    shares = [w.percent for w in weakest]
    assert shares == sorted(shares)
    first = weakest[0]
    assert first.full == sum(1 for s in results for i in s.items if i.item_id == first.item_id and i.full)


def test_not_applicable_items_count_neither_way() -> None:
    a = submission("甲", [("A.x.1", "1", "1")])
    na = Submission(
        "乙",
        "乙",
        "village",
        "",
        2026,
        HUZHOU,
        (ItemMark("A.x.1", Decimal(0), Decimal(0), applicable=False),),
    )
    (share,) = rollup.weakest_items([a, na])
    assert (share.full, share.applicable, share.percent) == (1, 1, Decimal(100))


def test_changes_since_last_year_and_who_is_missing() -> None:
    now = [submission("甲", [("A.x.1", "8", "10")]), submission("乙", [("A.x.1", "5", "10")])]
    before = [
        submission("甲", [("A.x.1", "6", "10")], year=2025),
        submission("丙", [("A.x.1", "1", "10")], year=2025),
    ]
    changes = {c.center: c for c in rollup.year_changes(now, before)}
    assert changes["甲"].change == Decimal(20)
    assert changes["乙"].before is None and changes["乙"].change is None
    assert changes["丙"].after is None
    assert rollup.missing(["甲", "乙", "丙", "丁"], now) == ["丙", "丁"]
