"""domain.check_edit: one edited field checked against the pack, as the whole document would be."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dqsa.domain.answers import StaffMember, check_edit
from dqsa.domain.errors import InvalidInput


def fields(exc: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [p.field for p in exc.value.problems]


def test_a_fact_is_parsed_as_answers_keep_it(huzhou) -> None:
    assert check_edit(huzhou, "village", "facts.area_m2", 180.5) == Decimal("180.5")
    assert check_edit(huzhou, "village", "facts.sign.logo", True) is True
    assert check_edit(huzhou, "village", "facts.area_m2", None) is None


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("facts.area_m2", -1, "facts.area_m2"),
        ("facts.area_m2", "很大", "facts.area_m2"),
        ("facts.no.such", True, "facts.no.such"),
        ("facts.training.sessions", Decimal("2.5"), "facts.training.sessions"),
        ("manual_scores.A1.site.1", Decimal("6.5"), "manual_scores.A1.site.1"),
        ("manual_scores.A1.site.2", 1, "manual_scores.A1.site.2"),
        ("overrides.A1.area.2", {"score": 8, "reason": " "}, "overrides.A1.area.2.reason"),
        ("zones", {"id": "pool", "present": True}, "zones[0].id"),
        ("zones", {"id": "oath", "present": True, "area_m2": -3}, "zones.0.area_m2"),
        ("staff", [{"name": " "}], "staff.0.name"),
        ("notes.A9.none", "说明", "notes.A9.none"),
        ("year", 1999, "year"),
    ],
)
def test_a_bad_edit_names_its_field(huzhou, field, value, named) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_edit(huzhou, "village", field, value)
    assert named in fields(raised)


def test_only_problems_the_edit_brings_are_reported(huzhou) -> None:
    facts = {"survey.respondents": 50, "survey.satisfied": 46}
    with pytest.raises(InvalidInput) as raised:  # fewer respondents than satisfied: the edit's doing
        check_edit(huzhou, "village", "facts.survey.respondents", 20, facts=facts)
    assert fields(raised) == ["facts.survey.satisfied"]
    broken = {**facts, "area_m2": Decimal(-5)}  # an old problem elsewhere does not block this edit
    assert check_edit(huzhou, "village", "facts.survey.respondents", 60, facts=broken) == 60


def test_the_center_and_the_roster_come_back_as_models(huzhou) -> None:
    center = check_edit(huzhou, "village", "center", {"name": " 某村中心 ", "level": "village"})
    assert (center.name, center.level) == ("某村中心", "village")
    with pytest.raises(InvalidInput) as raised:
        check_edit(huzhou, "village", "center", {"name": "某中心", "level": "new_sector"})
    assert fields(raised) == ["center.level"]
    (person,) = check_edit(huzhou, "village", "staff", [{"name": "张伟", "full_time": True}])
    assert isinstance(person, StaffMember) and person.full_time
    assert check_edit(huzhou, "village", "staff", None) is None


def test_a_field_that_is_not_an_edit_is_a_programming_error(huzhou) -> None:
    with pytest.raises(ValueError, match="not an editable part"):
        check_edit(huzhou, "village", "format", "x")
    with pytest.raises(ValueError, match="names no fact"):
        check_edit(huzhou, "village", "facts", 1)
