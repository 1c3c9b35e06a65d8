"""The scoring engine: every rule type, its edges, rounding, overrides, checklists."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from dqsa.domain.answers import parse_answers
from dqsa.domain.errors import InvalidInput
from dqsa.domain.scoring import round_score, score, scorecard_to_dict

D = Decimal


def answers(level: str = "village", pack: str = "huzhou-social-org", **parts: Any):
    data = {
        "format": "dqsa-answers/1",
        "center": {"name": "测试中心", "level": level},
        "year": 2026,
        "pack": {"id": pack, "version": "1.0.0"},
        **parts,
    }
    return parse_answers(data)


def staff(n: int, *, full_time: int = 0, party: int = 0) -> list[dict]:
    return [{"name": f"人员{i}", "full_time": i < full_time, "party_member": i < party} for i in range(n)]


def item(pack, item_id: str, **parts: Any):
    level = parts.pop("level", "village")
    return score(pack, answers(level, pack.id, **parts)).item(item_id)


# --- rounding -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        ("0.25", "0.3"),
        ("0.35", "0.4"),
        ("4.545454", "4.5"),
        ("3.75", "3.8"),
        ("0.04", "0.0"),
        ("9.95", "10.0"),
    ],
)
def test_round_half_up_to_one_decimal(value: str, rounded: str) -> None:
    assert round_score(D(value)) == D(rounded)


def test_half_up_not_half_even_in_a_real_item(huzhou) -> None:
    # 5 × 1/20 = 0.25 → 0.3 (banker's rounding would give 0.2)
    result = item(huzhou, "A1.staff.2", staff=staff(20, party=1))
    assert result.score == D("0.3")


# --- manual ---------------------------------------------------------------------------------


def test_manual_score_is_taken_as_given(huzhou) -> None:
    result = item(huzhou, "A1.site.1", manual_scores={"A1.site.1": 4.5})
    assert (result.score, result.method, result.answered) == (D("4.5"), "manual", True)


def test_missing_manual_score_is_unanswered_and_zero(huzhou) -> None:
    result = item(huzhou, "A1.site.1")
    assert (result.score, result.answered) == (0, False)


@pytest.mark.parametrize(("given", "message"), [(6.5, "超过该条目满分 6"), (2.3, "不是 0.5 的整数倍")])
def test_manual_score_out_of_range_or_step_is_rejected(huzhou, given: float, message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        score(huzhou, answers(manual_scores={"A1.site.1": given}))
    assert raised.value.problems[0].field == "manual_scores.A1.site.1"
    assert message in raised.value.problems[0].message


def test_manual_score_at_max_and_zero_are_fine(huzhou) -> None:
    assert item(huzhou, "A1.site.1", manual_scores={"A1.site.1": 6}).score == 6
    assert item(huzhou, "A1.site.1", manual_scores={"A1.site.1": 0}).answered


# --- yes / no -----------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "points"), [(True, 2), (False, 0)])
def test_yes_no_is_full_or_zero(huzhou, value: bool, points: int) -> None:
    result = item(huzhou, "A1.site.2", facts={"site.tidy": value})
    assert (result.score, result.method, result.answered) == (points, "auto", True)


def test_yes_no_missing_is_unanswered(huzhou) -> None:
    result = item(huzhou, "A1.site.2", facts={"site.tidy": None})
    assert (result.score, result.answered) == (0, False)
    assert "未填写" in result.explanation


# --- threshold by level -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "area", "points"),
    [
        ("city", 600, 10), ("city", 599.9, 0), ("county", 500, 10), ("county", 499.9, 0),
        ("township", 300, 10), ("township", 299.9, 0), ("village", 200, 10), ("village", 199.9, 0),
        ("regional", 200, 10), ("vanguard", 100, 10), ("vanguard", 99.9, 0), ("vanguard", 0, 0),
    ],
)  # fmt: skip
def test_area_threshold_is_not_less_than(huzhou, level: str, area: float, points: int) -> None:
    assert item(huzhou, "A1.area.2", level=level, facts={"area_m2": area}).score == points


@pytest.mark.parametrize(
    ("level", "full_time", "total", "points"),
    [
        ("city", 2, 2, 5), ("city", 1, 5, 0), ("county", 1, 1, 5), ("county", 0, 4, 0),
        ("township", 1, 3, 5), ("regional", 1, 1, 5), ("regional", 0, 2, 0),
        ("village", 0, 1, 5), ("village", 0, 0, 0), ("vanguard", 0, 1, 5), ("vanguard", 0, 0, 0),
    ],
)  # fmt: skip
def test_staffing_threshold_reads_the_levels_own_fact(
    huzhou, level: str, full_time: int, total: int, points: int
) -> None:
    result = item(huzhou, "A1.staff.1", level=level, staff=staff(total, full_time=full_time))
    assert result.score == points
    assert result.answered


def test_staffing_without_a_roster_is_unanswered(huzhou) -> None:
    assert not item(huzhou, "A1.staff.1").answered


@pytest.mark.parametrize(("topics", "points"), [(0, 0), (1, 6), (3, 6)])
def test_research_topics_at_least_one(huzhou, topics: int, points: int) -> None:
    assert item(huzhou, "A2.role.10", facts={"research.topics": topics}).score == points


@pytest.mark.parametrize(
    ("respondents", "satisfied", "points"),
    [(100, 90, 5), (100, 89, 0), (10, 9, 5), (30, 27, 5), (1000, 899, 0), (7, 7, 5), (0, 0, 0)],
)
def test_satisfaction_rate_at_least_90_percent(huzhou, respondents: int, satisfied: int, points: int) -> None:
    facts = {"survey.respondents": respondents, "survey.satisfied": satisfied}
    result = item(huzhou, "A2.mass.2", facts=facts)
    assert (result.score, result.answered) == (points, True)


def test_satisfaction_needs_both_counts(huzhou) -> None:
    assert not item(huzhou, "A2.mass.2", facts={"survey.respondents": 10}).answered


# --- share of a list ------------------------------------------------------------------------


def test_share_of_list_of_zones(huzhou) -> None:
    zones = [{"id": "reception", "present": True}, {"id": "business", "present": False}]
    result = item(huzhou, "A1.zones.1", zones=zones)
    assert result.score == 5
    assert "未设置：业务办理区" in result.explanation  # the catalogue's own word, not 缺


def test_share_of_list_rounds(huzhou) -> None:
    contents = ["overview", "structure", "party_affairs", "village_affairs", "finance"]
    facts = {f"content.{c}": True for c in contents} | {"content.notices": False}
    assert item(huzhou, "A1.zones.2", facts=facts).score == D("4.5")  # 10 × 5/11


def test_share_of_list_counts_unmentioned_members_as_absent(huzhou) -> None:
    result = item(huzhou, "A1.zones.3", zones=[{"id": "oath", "present": True}])
    assert (result.score, result.answered) == (D("1.1"), True)  # 10 × 1/9


def test_share_of_list_with_nothing_answered_is_unanswered(huzhou) -> None:
    result = item(huzhou, "A1.zones.3")
    assert (result.score, result.answered) == (0, False)


def test_all_six_mechanisms_give_full_marks(huzhou) -> None:
    ids = ["coordination", "operation", "joint_meeting", "diverse_service", "reporting", "evaluation"]
    mechanisms = [{"id": m, "established": True} for m in ids]
    assert item(huzhou, "A2.systems.1", mechanisms=mechanisms).score == 7
    mechanisms[0] = {"id": "coordination", "established": False}
    assert item(huzhou, "A2.systems.1", mechanisms=mechanisms).score == D("5.8")  # 7 × 5/6


# --- share of staff -------------------------------------------------------------------------


@pytest.mark.parametrize(("total", "party", "points"), [(3, 2, "3.3"), (4, 4, "5"), (2, 0, "0"), (0, 0, "0")])
def test_share_of_staff(huzhou, total: int, party: int, points: str) -> None:
    result = item(huzhou, "A1.staff.2", staff=staff(total, party=party))
    assert (result.score, result.answered) == (D(points), True)


# --- count toward a target ---------------------------------------------------------------------


@pytest.mark.parametrize(("sessions", "points"), [(0, "0"), (1, "1.3"), (3, "3.8"), (4, "5"), (12, "5")])
def test_trainings_count_toward_four(huzhou, sessions: int, points: str) -> None:
    assert item(huzhou, "A2.role.8", facts={"training.sessions": sessions}).score == D(points)


# --- overrides ------------------------------------------------------------------------------------


def test_override_replaces_the_automatic_score_and_keeps_both(huzhou) -> None:
    parts = {
        "facts": {"area_m2": 180},
        "overrides": {"A1.area.2": {"score": 8, "reason": "另有独立活动室 30㎡"}},
    }
    result = item(huzhou, "A1.area.2", **parts)
    assert (result.score, result.auto_score, result.method) == (8, 0, "override")
    assert result.override_reason == "另有独立活动室 30㎡"
    assert "另有独立活动室" in result.explanation


@pytest.mark.parametrize("reason", ["", "   "])
def test_override_without_reason_is_rejected(huzhou, reason: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        score(huzhou, answers(overrides={"A1.area.2": {"score": 8, "reason": reason}}))
    assert [p.field for p in raised.value.problems] == ["overrides.A1.area.2.reason"]


def test_override_of_a_manual_item_or_above_max_is_rejected(huzhou) -> None:
    with pytest.raises(InvalidInput) as raised:
        score(huzhou, answers(overrides={
            "A1.site.1": {"score": 3, "reason": "x"}, "A1.area.2": {"score": 11, "reason": "x"},
        }))  # fmt: skip
    messages = {p.field: p.message for p in raised.value.problems}
    assert "人工评定" in messages["overrides.A1.site.1"]
    assert "超过该条目满分 10" in messages["overrides.A1.area.2"]


# --- whole scorecards -------------------------------------------------------------------------------


def test_empty_answers_score_zero_and_list_every_item(huzhou) -> None:
    card = score(huzhou, answers())
    assert card.total == 0 and card.max_total == 200
    assert len(card.unanswered) == 40 == len(card.below_full)


def test_subtotals_are_sums_of_item_scores(huzhou, data_dir) -> None:
    from dqsa.answers_file import load_answers_file

    card = score(huzhou, load_answers_file(data_dir / "village-weak.json"))
    for table in card.tables:
        assert table.score == sum(s.score for s in table.sections)
        for section in table.sections:
            assert section.score == sum(i.score for i in section.items)
    assert [t.score for t in card.tables] == [D("53.2"), D("45.3")]
    assert card.percent == D("49.3")


def test_scorecard_json_has_numbers_not_strings(huzhou, data_dir) -> None:
    from dqsa.answers_file import load_answers_file

    data = scorecard_to_dict(score(huzhou, load_answers_file(data_dir / "village-weak.json")))
    assert data["total"] == 98.5 and isinstance(data["tables"][0]["sections"][0]["items"][0]["score"], int)


def test_a_wrong_level_for_the_pack_is_named(huzhou) -> None:
    with pytest.raises(InvalidInput) as raised:
        score(huzhou, answers(level="new_sector"))
    assert raised.value.problems[0].field == "center.level"


# --- the checklist pack ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("area", "status"), [(250, "not_met"), (250.1, "met"), (0, "not_met")])
def test_wenzhou_area_is_strictly_greater(wenzhou, area: float, status: str) -> None:
    assert item(wenzhou, "B.area.1", facts={"area_m2": area}).status == status


def test_wenzhou_city_needs_more_than_3000(wenzhou) -> None:
    assert item(wenzhou, "B.area.1", level="city", facts={"area_m2": 3000}).status == "not_met"
    assert item(wenzhou, "B.area.1", level="city", facts={"area_m2": 3000.5}).status == "met"


def test_wenzhou_items_of_other_types_are_not_applicable(wenzhou) -> None:
    card = score(wenzhou, answers("village", wenzhou.id))
    basic = card.item("F.basic.1")
    assert (basic.status, basic.applicable, basic.max_points) == ("na", False, 0)
    assert card.item("F.village.1").applicable
    county = score(wenzhou, answers("county", wenzhou.id))
    assert county.item("F.county.1").applicable and not county.item("F.township.1").applicable


def test_wenzhou_share_of_applicable_items_met(wenzhou) -> None:
    parts = {
        "facts": {"area_m2": 300, "logo.red": True, "logo.yellow": True},
        "checklist": {"F.village.1": "met", "F.village.2": "na", "F.village.3": "not_met"},
    }
    card = score(wenzhou, answers("village", wenzhou.id, **parts))
    # applicable: 3 site + 5 village functions (one na) + 6 systems + 4 daily = 18; met 4
    assert (card.total, card.max_total, card.percent) == (4, 18, D("22.2"))
    assert "F.village.2" not in card.below_full and "F.village.3" in card.below_full


def test_wenzhou_override_needs_a_status_and_reason(wenzhou) -> None:
    ok = {"overrides": {"B.area.1": {"status": "met", "reason": "含附属用房"}}, "facts": {"area_m2": 240}}
    assert item(wenzhou, "B.area.1", **ok).status == "met"
    with pytest.raises(InvalidInput):
        score(wenzhou, answers("village", wenzhou.id, overrides={"B.area.1": {"score": 1, "reason": "x"}}))


def test_rule_inputs_are_what_a_person_fills_in(huzhou) -> None:
    rule_inputs = huzhou.rule_inputs
    staff_1 = huzhou.item("A1.staff.1").rule
    assert rule_inputs(staff_1, "city") == ["staff.full_time"]
    assert rule_inputs(staff_1, "village") == ["staff.count"]
    assert rule_inputs(huzhou.item("A2.mass.2").rule, "village") == ["survey.respondents", "survey.satisfied"]
    assert rule_inputs(huzhou.item("A1.staff.2").rule, "village") == ["staff.party_members"]
    assert len(rule_inputs(huzhou.item("A1.zones.2").rule, "village")) == 11
    assert rule_inputs(huzhou.item("A1.site.1").rule, "village") == []


def test_items_below_full_marks_without_a_measure_are_listed(huzhou, data_dir) -> None:
    from dqsa.answers_file import load_answers_file

    answers = load_answers_file(data_dir / "village-weak.json")
    card = score(huzhou, answers)
    assert card.without_measures and set(card.without_measures) <= set(card.below_full)
    first = card.without_measures[0]
    actions = dict(answers.corrective_actions)
    measured = answers.model_copy(update={"corrective_actions": actions | {first: "明年增设宣传栏"}})
    again = score(huzhou, measured)
    assert first not in again.without_measures
    assert len(again.without_measures) == len(card.without_measures) - 1
    blank = answers.model_copy(update={"corrective_actions": actions | {first: "   "}})
    assert first in score(huzhou, blank).without_measures


# --- explanations in the staff's words, not formulas (issue 13.6) ----------------------------------------

VILLAGE_STAFF = staff(3, full_time=0, party=2)


@pytest.mark.parametrize(
    ("item_id", "parts", "expected"),
    [
        ("A2.role.8", {"facts": {"training.sessions": 6}},
         "本年度组织集中学习或日常性学习次数 6 次，达到 4 次的要求，得满分 5 分"),
        ("A2.role.8", {"facts": {"training.sessions": 3}},
         "本年度组织集中学习或日常性学习次数 3 次，未达到 4 次的要求，按比例得 3.8 分"),
        ("A2.role.8", {"facts": {"training.sessions": 0}},
         "本年度组织集中学习或日常性学习次数 0 次，未达到 4 次的要求，得 0 分"),
        ("A2.role.8", {}, "未填写：本年度组织集中学习或日常性学习次数（暂按 0 分计）"),
        ("A1.area.2", {"facts": {"area_m2": 150}}, "中心总面积 150 m²，未达到村(社区)不少于 200 m² 的要求，得 0 分"),
        ("A1.area.2", {"facts": {"area_m2": 236}}, "中心总面积 236 m²，达到村(社区)不少于 200 m² 的要求，得满分 10 分"),
        ("A2.role.10", {"facts": {"research.topics": 1}},
         "本年度完成的课题研究或标准制定数 1 个，达到不少于 1 个的要求，得满分 6 分"),
        ("A2.mass.2", {"facts": {"survey.respondents": 40, "survey.satisfied": 35}},
         "群众满意率 87.5%（满意度调查人数 40 人，其中表示满意的人数 35 人），未达到不少于 90% 的要求，得 0 分"),
        ("A2.mass.2", {"facts": {"survey.respondents": 40}}, "未填写：其中表示满意的人数（暂按 0 分计）"),
        ("A1.staff.1", {"staff": VILLAGE_STAFF}, "工作人员总数 3 人，达到村(社区)不少于 1 人的要求，得满分 5 分"),
        ("A1.staff.1", {}, "未填写：工作人员名单（暂按 0 分计）"),
        ("A1.staff.2", {"staff": VILLAGE_STAFF}, "工作人员总数 3 人，其中党员工作人员数 2 人，按比例得 3.3 分"),
        ("A1.staff.2", {"staff": []}, "工作人员总数 0 人，得 0 分"),
        ("A1.site.2", {"facts": {"site.tidy": True}}, "设施设备完好、场所环境干净整洁：是，得满分 2 分"),
        ("A1.site.2", {"facts": {"site.tidy": False}}, "设施设备完好、场所环境干净整洁：否，得 0 分"),
        ("A1.zones.1", {"zones": [{"id": "reception", "present": True}, {"id": "business", "present": False}]},
         "应有 2 项，已设置 1 项（未设置：业务办理区），按比例得 5 分"),
        ("A1.zones.1", {"zones": [{"id": "reception", "present": True}]},
         "应有 2 项，已设置 1 项（未填写，按未设置计：业务办理区），按比例得 5 分"),
        ("A1.zones.2", {"facts": {f"content.{c}": True for c in ("overview", "structure", "functions", "party_features",
          "highlights", "culture", "volunteering", "party_affairs", "village_affairs", "finance", "notices")}},
         "应有 11 项，全部已展示，得满分 10 分"),
        ("A1.staff.3", {"facts": {"duty.kept": True, "duty.whereabouts_posted": False}},
         "应有 2 项，具备 1 项（缺：工作人员去向随时公示），按比例得 2.5 分"),
        ("A1.site.1", {"manual_scores": {"A1.site.1": 4.5}}, "评估人评定 4.5 分（满分 6 分）"),
        ("A1.site.1", {}, "尚未评分：此项由评估人评定（满分 6 分）"),
        ("A1.area.2", {"facts": {"area_m2": 180}, "overrides": {"A1.area.2": {"score": 8, "reason": "另有独立活动室"}}},
         "中心总面积 180 m²，未达到村(社区)不少于 200 m² 的要求，得 0 分；人工更正为 8 分，理由：另有独立活动室"),
    ],
)  # fmt: skip
def test_explanations_read_as_plain_chinese(huzhou, item_id: str, parts: dict, expected: str) -> None:
    result = item(huzhou, item_id, **parts)
    assert result.explanation == expected
    assert not any(sign in result.explanation for sign in ("×", "min(", "≥", "≤", " < ", " > ", "/"))


@pytest.mark.parametrize(
    ("item_id", "parts", "level", "expected"),
    [
        ("B.area.1", {"facts": {"area_m2": 260}}, "village", "建筑面积 260 m²，达到村(社区)大于 250 m² 的要求，符合"),
        ("B.area.1", {"facts": {"area_m2": 250}}, "village", "建筑面积 250 m²，未达到村(社区)大于 250 m² 的要求，不符合"),
        ("R.systems.1", {"mechanisms": [{"id": "first_contact", "established": True}]}, "village",
         "首问负责制度：已建立，符合"),
        ("R.systems.1", {}, "village", "未填写：首问负责制度"),
        ("F.village.1", {"checklist": {"F.village.1": "met"}}, "village", "评估人核查：符合"),
        ("F.village.1", {}, "village", "尚未核查：此项由评估人判定"),
        ("F.basic.1", {}, "village", "此项不适用于村(社区)"),
        ("B.area.1", {"facts": {"area_m2": 240}, "overrides": {"B.area.1": {"status": "met", "reason": "含附属用房"}}},
         "village", "建筑面积 240 m²，未达到村(社区)大于 250 m² 的要求，不符合；人工更正为符合，理由：含附属用房"),
    ],
)  # fmt: skip
def test_checklist_explanations_read_as_plain_chinese(
    wenzhou, item_id: str, parts: dict, level: str, expected: str
) -> None:
    assert item(wenzhou, item_id, level=level, **parts).explanation == expected
