"""Answers files: shape, validation against a pack, clear errors, lossless JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from dqsa.answers_file import answers_json, load_answers_file, parse_answers_text, write_answers_file
from dqsa.domain.answers import check_answers, parse_answers
from dqsa.domain.errors import InvalidInput
from dqsa.domain.scoring import score
from dqsa.paths import resource_path
from dqsa.schemas import answers_schema_json

BASE = {
    "format": "dqsa-answers/1",
    "center": {"name": "测试中心", "level": "village"},
    "year": 2026,
    "pack": {"id": "huzhou-social-org", "version": "1.0.0"},
}


def problems(criteria, /, **parts) -> dict[str, str]:
    try:
        answers = parse_answers({**BASE, **parts})
    except InvalidInput as exc:
        return {p.field: p.message for p in exc.problems}
    return {p.field: p.message for p in check_answers(criteria, answers)}


@pytest.mark.parametrize(
    ("parts", "field", "words"),
    [
        ({"facts": {"area_m2": -1}}, "facts.area_m2", "不能为负数"),
        ({"facts": {"area_m2": 100001}}, "facts.area_m2", "超出合理范围"),
        ({"facts": {"area_m2": 12.34}}, "facts.area_m2", "一位小数"),
        ({"facts": {"training.sessions": 2.5}}, "facts.training.sessions", "应是整数"),
        ({"facts": {"training.sessions": -3}}, "facts.training.sessions", "不能为负数"),
        ({"facts": {"site.tidy": 1}}, "facts.site.tidy", "是"),
        ({"facts": {"area_m2": True}}, "facts.area_m2", "应是数字"),
        ({"facts": {"area_m2": "很大"}}, "facts.area_m2", ""),
        ({"facts": {"survey.respondents": 10, "survey.satisfied": 11}}, "facts.survey.satisfied", "不能多于"),
        ({"facts": {"no.such": True}}, "facts.no.such", "没有这个事实项"),
        ({"zones": [{"id": "pool", "present": True}]}, "zones[0].id", "没有功能区"),
        ({"zones": [{"id": "oath", "present": True, "area_m2": -2}]}, "zones.0.area_m2", "不能为负数"),
        ({"manual_scores": {"A1.site.9": 1}}, "manual_scores.A1.site.9", "没有条目"),
        ({"year": 1999}, "year", "不能小于"),
        ({"center": {"name": "  ", "level": "village"}}, "center.name", "不能为空"),
        ({"center": {"name": "x", "level": "village", "colour": "red"}}, "center.colour", "不认识的字段"),
        ({"staff": [{"name": "", "full_time": True}]}, "staff.0.name", "不能为空"),
        ({"staff": [{"name": "张" * 101, "full_time": True}]}, "staff.0.name", "太长（最多 100 个字）"),
        ({"pack": {"id": "wenzhou-oujianghong", "version": "1.0.0"}}, "pack.id", "不是 huzhou-social-org"),
    ],
)
def test_bad_input_names_the_field(huzhou, parts: dict, field: str, words: str) -> None:
    found = problems(huzhou, **parts)
    assert field in found, found
    assert words in found[field]


def test_good_answers_have_no_problems(huzhou, data_dir: Path) -> None:
    for name in ("city-full.json", "village-weak.json", "township-half.json"):
        assert check_answers(huzhou, load_answers_file(data_dir / name)) == []


def test_wrong_format_is_refused() -> None:
    with pytest.raises(InvalidInput, match="dqsa-answers/1"):
        parse_answers({**BASE, "format": "something/2"})


@pytest.mark.parametrize(
    "text",
    [
        "{",
        "[1, 2]",
        "",
        "null",
        '{"format": "dqsa-answers/1", "year": NaN}',
        '{"facts": {"area_m2": Infinity}}',
    ],
)
def test_malformed_json_is_a_clear_error(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_answers_text(text)


def test_files_that_are_not_answers(tmp_path: Path) -> None:
    binary = tmp_path / "照片 1.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    with pytest.raises(InvalidInput, match="UTF-8"):
        load_answers_file(binary)
    with pytest.raises(InvalidInput, match="找不到"):
        load_answers_file(tmp_path / "没有 这个.json")
    with pytest.raises(InvalidInput, match="文件夹"):
        load_answers_file(tmp_path)


def test_round_trip_is_lossless(data_dir: Path, tmp_path: Path) -> None:
    for source in sorted(data_dir.glob("*.json")):
        original = load_answers_file(source)
        target = tmp_path / "中文 路径" / source.name
        write_answers_file(original, target)
        again = load_answers_file(target)
        assert again == original
        write_answers_file(again, target)
        assert target.read_text(encoding="utf-8") == answers_json(original)


def test_a_bom_is_accepted(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "bom.json"
    target.write_bytes(b"\xef\xbb\xbf" + (data_dir / "township-half.json").read_bytes())
    assert load_answers_file(target).center.level == "township"


def test_shipped_answers_schema_is_in_sync() -> None:
    assert resource_path("answers.schema.json").read_text(encoding="utf-8") == answers_schema_json()


# --- numbers and booleans beyond the domain's limits (issue 14.7) ------------------------------------

ABSURD_NUMBERS = [1e27, -1e27, 10**30, 1e308, "1e999999", "12", float("nan"), float("inf"), [1], {"n": 1}]


@pytest.mark.parametrize("value", ABSURD_NUMBERS)
@pytest.mark.parametrize(
    ("parts", "field"),
    [
        (lambda v: {"facts": {"area_m2": v}}, "facts.area_m2"),
        (lambda v: {"facts": {"training.sessions": v}}, "facts.training.sessions"),
        (lambda v: {"manual_scores": {"A1.site.1": v}}, "manual_scores.A1.site.1"),
        (lambda v: {"overrides": {"A1.area.2": {"score": v, "reason": "x"}}}, "overrides.A1.area.2.score"),
        (lambda v: {"zones": [{"id": "oath", "present": True, "area_m2": v}]}, "zones.0.area_m2"),
    ],
)
def test_absurd_numbers_are_refused_naming_the_field(huzhou, parts, field: str, value: object) -> None:
    """1e27 raised decimal.InvalidOperation; "12" was taken as 12; NaN and nesting had English errors."""
    given = parts(value)
    with pytest.raises(InvalidInput) as raised:
        answers = parse_answers({**BASE, **given})
        score(huzhou, answers)
    fields = {p.field for p in raised.value.problems}
    assert fields == {field}, raised.value.problems
    assert all(_chinese(p.message) for p in raised.value.problems), raised.value.problems


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("value", [-0.0, 0.0, 0, 1, "true", "yes", "off", [True]])
@pytest.mark.parametrize(
    ("parts", "field"),
    [
        (lambda v: {"facts": {"site.tidy": v}}, "facts.site.tidy"),
        (lambda v: {"staff": [{"name": "张三", "full_time": v}]}, "staff.0.full_time"),
        (lambda v: {"staff": [{"name": "张三", "party_member": v}]}, "staff.0.party_member"),
        (lambda v: {"staff": [{"name": "张三", "trained": v}]}, "staff.0.trained"),
        (lambda v: {"zones": [{"id": "oath", "present": v}]}, "zones.0.present"),
        (lambda v: {"mechanisms": [{"id": "operation", "established": v}]}, "mechanisms.0.established"),
        (lambda v: {"ledgers": [{"id": "activity_log", "kept": v}]}, "ledgers.0.kept"),
    ],
)
def test_a_boolean_is_exactly_true_or_false(huzhou, parts, field: str, value: object) -> None:
    """-0.0 was accepted as false, "yes" as true, in the roster and the catalogues."""
    with pytest.raises(InvalidInput) as raised:
        score(huzhou, parse_answers({**BASE, **parts(value)}))
    assert field in {p.field for p in raised.value.problems}


def test_null_is_unanswered_for_a_fact_but_not_a_roster_flag(huzhou) -> None:
    assert (
        score(huzhou, parse_answers({**BASE, "facts": {"site.tidy": None}})).item("A1.site.2").answered
        is False
    )
    with pytest.raises(InvalidInput) as raised:
        parse_answers({**BASE, "staff": [{"name": "张三", "full_time": None}]})
    assert [p.field for p in raised.value.problems] == ["staff.0.full_time"]


@pytest.mark.parametrize("year", ["2026", 2026.0, True])
def test_the_year_is_a_whole_number_not_text(year: object) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_answers({**BASE, "year": year})
    assert [p.field for p in raised.value.problems] == ["year"]


def test_a_fact_of_the_wrong_kind_gets_one_message_not_the_first_unions() -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_answers({**BASE, "facts": {"area_m2": "很大"}})
    (problem,) = raised.value.problems
    assert "数字" in problem.message and "true" in problem.message  # not "应填 true 或 false"


def test_lists_and_maps_have_a_size_limit() -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_answers({**BASE, "staff": [{"name": f"人{i}"} for i in range(1001)]})
    assert [p.field for p in raised.value.problems] == ["staff"]
