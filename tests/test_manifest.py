"""The manifest schema: formats 1 and 2 parse, every wrong shape names its field, limits come before parsing."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from dqsa.export.manifest import (
    MAX_MANIFEST_BYTES,
    ManifestError,
    ManifestV1,
    ManifestV2,
    manifest_from_data,
    parse_manifest,
)

V1_PACKET = Path(__file__).parent / "data" / "packet-v1.zip"


def v1() -> dict[str, Any]:
    with zipfile.ZipFile(V1_PACKET) as archive:
        return json.loads(archive.read("manifest.json"))


def v2() -> dict[str, Any]:
    """The format 1 manifest rewritten as the contract in PHASE1.md describes format 2."""
    data = v1()
    data["format"] = "dqsa-packet/2"
    data["signed_at"] = "2026-11-30T14:05:00+08:00"
    data["pack"]["title"] = "湖州市社会组织党群服务中心建设规范 附录A"
    data["totals"] = {
        "tables": {
            "A1": {"score": 30, "max": 100, "percent": 30},
            "A2": {"score": 0, "max": 100, "percent": 0},
        },
        "total": 30,
        "max": 200,
        "percent": 15,
        "unanswered": 34,
    }
    for entry in data["evidence"]:
        entry["media_type"] = "image/jpeg" if entry["kind"] == "photo" else "application/pdf"
    return data


def encoded(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def problems_of(data: Any) -> list[str]:
    with pytest.raises(ManifestError) as caught:
        parse_manifest(encoded(data) if not isinstance(data, bytes) else data)
    assert caught.value.problems
    return caught.value.problems


def test_format_1_parses_with_its_numbers_as_numbers() -> None:
    manifest = parse_manifest(encoded(v1()))

    assert isinstance(manifest, ManifestV1)
    assert manifest.total_decimal() == (Decimal("30.0"), Decimal(200))
    assert manifest.tables_decimal()["A1"] == (Decimal("30.0"), Decimal(100))
    assert manifest.signed_at.tzinfo is None  # format 1 wrote local time without a zone
    assert [e.kind for e in manifest.evidence] == ["document", "photo"]
    assert manifest.media_type(manifest.evidence[0]) is None


def test_format_2_parses() -> None:
    manifest = parse_manifest(encoded(v2()))

    assert isinstance(manifest, ManifestV2)
    assert manifest.total_decimal() == (Decimal(30), Decimal(200))
    assert manifest.percent_decimal() == Decimal(15)
    assert manifest.signed_at.utcoffset() is not None
    assert manifest.media_type(manifest.evidence[0]) == "application/pdf"


def _set(path: str, value: Any):
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return change


def _drop(path: str):
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        del target[last]

    return change


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_set("files", ["answers.json"]), "字段 files："),
        (_set("files/answers.json", "abc"), "字段 files.answers.json："),
        (_set("files/answers.json/size", "409"), "字段 files.answers.json.size：应是整数"),
        (_set("files/answers.json/size", True), "字段 files.answers.json.size：应是整数"),
        (_set("files/answers.json/size", -1), "字段 files.answers.json.size：不能小于 0"),
        (_set("files/answers.json/sha256", "xyz"), "字段 files.answers.json.sha256：格式不对"),
        (_set("center", "某中心"), "字段 center：应是一个对象"),
        (_set("center/name", ""), "字段 center.name：不能为空"),
        (_set("signer", "张伟"), "字段 signer：应是一个对象"),
        (_set("year", "2026"), "字段 year：应是整数"),
        (_set("year", 1e300), "字段 year：应是整数"),
        (_set("year", 99999), "字段 year：不能大于 2100"),
        (_set("evidence", {"file": "x"}), "字段 evidence：应是一个列表"),
        (_set("evidence", "evidence"), "字段 evidence：应是一个列表"),
        (_set("evidence/0", "x"), "字段 evidence[0]：应是一个对象"),
        (_set("evidence/0/kind", "video"), "字段 evidence[0].kind：只能是"),
        (_set("evidence/0/original_date", "昨天"), "字段 evidence[0].original_date：应是 ISO 8601"),
        (_set("evidence/0/original_date", 20261130), "字段 evidence[0].original_date："),
        (
            _set("evidence/0/file", "evidence/99.jpg"),
            "字段 evidence[0].file：指向的 evidence/99.jpg 不在 files 中",
        ),
        (_set("evidence/0/file", "answers.json"), "字段 evidence[0].file：不能是 answers.json"),
        (_set("signed_at", "2026-11-31T10:00:00"), "字段 signed_at："),
        (_set("certificate_fingerprint", "AB:CD"), "字段 certificate_fingerprint：格式不对"),
        (_set("totals/total", 30), "字段 totals.total：应是文字"),
        (_set("totals/tables", []), "字段 totals.tables：应是一个对象"),
        (_set("pack/kind", "other"), "字段 pack.kind：只能是"),
        (_drop("signer"), "字段 signer：缺少这个字段"),
        (_drop("files/answers.json"), "字段 files：缺少 answers.json"),
        (_set("unexpected", 1), "字段 unexpected：不认识的字段"),
    ],
)
def test_every_wrong_shape_names_its_field(change, field: str) -> None:
    data = v1()
    change(data)

    problems = problems_of(data)

    assert all(problem.startswith("材料包格式不对：") for problem in problems), problems
    assert any(field in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_set("signed_at", "2026-11-30T14:05:00"), "字段 signed_at：应带时区"),
        (_set("totals/total", "30"), "字段 totals.total：应是数字"),
        (_drop("evidence/0/media_type"), "字段 evidence[0].media_type：缺少这个字段"),
        (_drop("pack/title"), "字段 pack.title：缺少这个字段"),
        (_drop("totals/tables/A1/percent"), "字段 totals.tables.A1.percent：缺少这个字段"),
    ],
)
def test_format_2_is_held_to_its_own_contract(change, field: str) -> None:
    data = v2()
    change(data)

    assert any(field in problem for problem in problems_of(data))


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"[1, 2]", "清单应是一个 JSON 对象"),
        (b'"manifest"', "清单应是一个 JSON 对象"),
        (b"null", "清单应是一个 JSON 对象"),
        (b"{", "JSON 格式错误"),
        (b"", "JSON 格式错误"),
        (b'{"format": "dqsa-packet/1", "year": NaN}', "NaN"),
        (b'{"year": 1' + b"0" * 5000 + b"}", "位数过多"),
        ("﻿{}".encode("utf-16"), "UTF-16"),
        (b'{"center": "\xff\xfe"}', "UTF-8"),
        (b'{"format": "something-else"}', "字段 format"),
    ],
)
def test_what_is_not_a_manifest_object(raw: bytes, words: str) -> None:
    assert any(words in problem for problem in problems_of(raw))


def test_a_newer_format_asks_for_a_newer_program() -> None:
    data = v1()
    data["format"] = "dqsa-packet/3"

    assert "请升级本程序" in problems_of(data)[0]


def test_depth_and_size_are_checked_before_the_parser_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import dqsa.jsonlimits

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("json.loads ran on a manifest it should have refused")

    monkeypatch.setattr(dqsa.jsonlimits.json, "loads", no_parsing)
    deep = b"[" * 100_000 + b"]" * 100_000
    assert "嵌套太深" in problems_of(deep)[0]
    strings = json.dumps({"x": "[" * 100_000}).encode()  # brackets inside a string are not nesting
    with pytest.raises(AssertionError, match=r"json\.loads ran"):
        parse_manifest(strings)
    huge = b'{"x": "' + b"a" * MAX_MANIFEST_BYTES + b'"}'
    assert "太大" in problems_of(huge)[0]


def test_manifest_from_data_needs_an_object() -> None:
    with pytest.raises(ManifestError, match="清单应是一个 JSON 对象"):
        manifest_from_data(["not", "a", "manifest"])


@pytest.mark.parametrize("where", ["center/name", "signer/name", "pack/id"])
def test_a_lone_surrogate_is_named_in_chinese(where: str) -> None:
    """``"\\ud800"`` in the JSON: pydantic's words were 'Input should be a valid string, unable to
    parse raw data as a unicode string'; the field is named, in Chinese."""
    data = v2()
    parent, key = where.split("/")
    data[parent][key] = "marker"
    raw = json.dumps(data, ensure_ascii=True).replace('"marker"', '"\\u4e2d\\ud800"').encode()
    problems = problems_of(raw)
    field = where.replace("/", ".")
    assert any(f"字段 {field}：" in p and "不成对的代理码位" in p for p in problems), problems
    assert not any("Input should" in p for p in problems)


def test_a_problem_without_chinese_words_of_its_own_is_still_not_english() -> None:
    from datetime import date

    from pydantic import BaseModel, ValidationError

    from dqsa.domain.errors import UNKNOWN_PROBLEM, problems_from_validation_error

    class Dated(BaseModel):
        day: date

    with pytest.raises(ValidationError) as caught:
        Dated.model_validate({"day": "昨天"})
    (problem,) = problems_from_validation_error(caught.value)
    assert (problem.field, problem.message) == ("day", UNKNOWN_PROBLEM)
