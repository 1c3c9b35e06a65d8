"""Answers files: shape, validation against a pack, clear errors, lossless JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from dqsa.answers_file import answers_json, load_answers_file, parse_answers_text, write_answers_file
from dqsa.domain.answers import check_answers, parse_answers
from dqsa.domain.errors import InvalidInput
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
