"""A new year from last year's: only what the pack says lasts is carried; the rest is 待更新 (issue 13.3)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from dqsa.answers_file import load_answers_file
from dqsa.domain.answers import check_answers
from dqsa.domain.carry import carry_forward, evidence_lasts, fact_lasts, pending_updates
from dqsa.domain.errors import InvalidInput
from dqsa.domain.scoring import score
from dqsa.packs import bundled_packs, pack_from_data, parse_pack_text
from dqsa.paths import resource_path

DEMO_2025 = resource_path("examples", "demo-2025.json")


@pytest.fixture
def demo():
    return load_answers_file(DEMO_2025)


@pytest.mark.parametrize("name", ["huzhou-social-org.yaml", "wenzhou-oujianghong.yaml"])
def test_every_fact_catalogue_roster_and_profile_field_says_whether_it_lasts(name: str) -> None:
    """Declared in the file itself, not left to a default: a new fact cannot be forgotten."""
    data = yaml.safe_load(resource_path("criteria", name).read_text(encoding="utf-8"))
    assert data["facts"] and all(isinstance(f.get("lasts"), bool) for f in data["facts"]), name
    assert all(isinstance(c.get("lasts"), bool) for c in data["catalogs"])
    assert isinstance(data["roster"]["lasts"], bool)
    assert {f["field"] for f in data["profile"]["fields"]} == {"center.region", "center.contact", "assessor"}
    assert all(isinstance(f.get("lasts"), bool) for f in data["profile"]["fields"])


def test_a_pack_without_a_facts_lasting_is_refused() -> None:
    text = resource_path("criteria", "wenzhou-oujianghong.yaml").read_text(encoding="utf-8")
    with pytest.raises(InvalidInput, match="lasts"):
        parse_pack_text(text.replace(", group: 形象标识, lasts: true}", ", group: 形象标识}", 1))


def test_the_issues_case_trainings_and_survey_are_not_carried_contact_is(huzhou, demo) -> None:
    """'以上一年为起点' copied the study count (6) and the survey, which then scored full marks."""
    assert demo.facts["training.sessions"] and demo.facts["survey.respondents"] and demo.center.contact
    new = carry_forward(demo, huzhou, year=2026)
    assert new.year == 2026 and new.pack.id == huzhou.id
    for yearly in ("training.sessions", "research.topics", "survey.respondents", "survey.satisfied"):
        assert yearly not in new.facts
    assert new.center.contact == demo.center.contact and new.center.region == demo.center.region
    card = score(huzhou, new)
    assert not card.item("A2.role.8").answered and not card.item("A2.mass.2").answered
    assert check_answers(huzhou, new) == []


def test_only_lasting_answers_are_copied_and_judgements_never(huzhou, demo) -> None:
    new = carry_forward(demo, huzhou, year=2026)
    lasting = {f.id for f in huzhou.facts if f.lasts}
    assert set(new.facts) == {k for k, v in demo.facts.items() if k in lasting and v is not None}
    assert all(new.facts[k] == demo.facts[k] for k in new.facts)
    assert new.staff == demo.staff and new.zones == demo.zones and new.mechanisms == demo.mechanisms
    assert {x.id for x in new.ledgers} <= {"service_manual"}  # the other ledgers are this year's records
    assert (new.manual_scores, new.checklist, new.overrides, new.notes, new.corrective_actions) == (
        {}, {}, {}, {}, {},
    )  # fmt: skip
    assert new.assessor == ""  # the assessor is who assesses this year
    assert new.center.name == demo.center.name and new.center.level == demo.center.level


def test_a_checklist_year_starts_without_last_years_verdicts(wenzhou, data_dir: Path) -> None:
    last = load_answers_file(data_dir / "wenzhou-village.json")
    assert last.checklist and last.mechanisms
    new = carry_forward(last, wenzhou, year=last.year + 1)
    assert new.checklist == {} and new.overrides == {}
    assert new.mechanisms == last.mechanisms and new.facts == last.facts  # area and logo last
    assert check_answers(wenzhou, new) == []


def test_a_lasting_value_the_new_pack_refuses_is_left_out(demo) -> None:
    current = bundled_packs()["huzhou-social-org"]
    text = current.model_dump_json(by_alias=True).replace('"maximum":"100000"', '"maximum":"100"')
    stricter = pack_from_data(json.loads(text))
    assert demo.facts["area_m2"] > 100
    new = carry_forward(demo, stricter, year=2026)
    assert "area_m2" not in new.facts and "site.physical" in new.facts
    assert check_answers(stricter, new) == []


def test_pending_lists_the_yearly_answers_still_empty(huzhou, demo) -> None:
    new = carry_forward(demo, huzhou, year=2026)
    pending = {p.field: p for p in pending_updates(huzhou, new)}
    for field in ("facts.training.sessions", "facts.survey.respondents", "ledgers.activity_log", "assessor"):
        assert field in pending, field
    assert pending["facts.sign.books"].why == "党报党刊按年度订阅，需确认本年度仍有配备"
    assert "facts.area_m2" not in pending and "ledgers.service_manual" not in pending
    assert next(iter(pending)) == "assessor"  # in page order: 中心概况 first
    assert pending["facts.training.sessions"].page == "role"
    filled = new.model_copy(update={"facts": {**new.facts, "training.sessions": 5}, "assessor": "王芳"})
    left = {p.field for p in pending_updates(huzhou, filled)}
    assert "facts.training.sessions" not in left and "assessor" not in left
    assert len(left) == len(pending) - 2


def test_pending_follows_the_level(wenzhou, data_dir: Path) -> None:
    last = load_answers_file(data_dir / "wenzhou-village.json")
    new = carry_forward(last, wenzhou, year=last.year + 1)
    assert [p.field for p in pending_updates(wenzhou, new)] == ["assessor"]  # every fact lasts


def test_what_lasts_for_derived_facts_and_evidence(huzhou) -> None:
    assert fact_lasts(huzhou, "staff.count")  # with the roster
    assert not fact_lasts(huzhou, "survey.satisfaction_rate")  # from two yearly facts
    assert fact_lasts(huzhou, "zone.oath") and not fact_lasts(huzhou, "ledger.activity_log")
    assert fact_lasts(huzhou, "ledger.service_manual")
    assert evidence_lasts(huzhou, "zone", "reception") and evidence_lasts(huzhou, "mechanism", "operation")
    assert not evidence_lasts(huzhou, "ledger", "meeting_minutes")
    assert evidence_lasts(huzhou, "item", "A1.area.2") and not evidence_lasts(huzhou, "item", "A2.role.8")
    assert not evidence_lasts(huzhou, "item", "A1.site.1")  # a manual item is judged each year
    assert not evidence_lasts(huzhou, "zone", "no_such_zone")


def test_carry_forward_is_pure(huzhou, demo) -> None:
    before = demo.model_dump()
    carry_forward(demo, huzhou, year=2026)
    assert demo.model_dump() == before
    assert carry_forward(demo, huzhou, year=2026) == carry_forward(demo, huzhou, year=2026)
    assert carry_forward(demo, huzhou, year=2026).facts["area_m2"] == Decimal(demo.facts["area_m2"])
