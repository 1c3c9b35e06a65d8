"""The limits an answers file meets before the JSON parser runs, and what the command line says.

Size, nesting depth and encoding are checked before parsing; numbers beyond every
bound are refused naming the field; a refused import creates no center file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dqsa.cli import EXIT_INVALID, EXIT_OK, main

DATA = Path(__file__).parent / "data"


def _with(name: str, old: str, new: str) -> bytes:
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1).encode("utf-8")


def test_deeply_nested_answers_are_refused_naming_the_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "深 答卷.json"
    path.write_text('{"format": "dqsa-answers/1", "facts": ' + "[" * 100_000 + "]" * 100_000 + "}")

    assert main(["score", str(path)]) == EXIT_INVALID
    err = capsys.readouterr().err
    assert str(path) in err and "嵌套太深" in err
    assert main(["import", str(path), "--db", str(tmp_path / "x.dqsa")]) == EXIT_INVALID
    assert not (tmp_path / "x.dqsa").exists()


def test_nesting_a_little_deeper_than_answers_ever_are_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"format": "dqsa-answers/1", "notes": ' + "[" * 12 + "]" * 12 + "}")

    assert main(["score", str(path)]) == EXIT_INVALID
    assert "嵌套太深" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("encoding", "words"), [("utf-16", "UTF-16"), ("gb18030", "UTF-8"), ("utf-8-sig", None)]
)
def test_answers_in_other_encodings(encoding: str, words: str | None, tmp_path: Path, capsys) -> None:
    path = tmp_path / "答卷.json"
    path.write_bytes((DATA / "township-half.json").read_text(encoding="utf-8").encode(encoding))

    code = main(["score", str(path)])

    if words is None:
        assert code == EXIT_OK
    else:
        assert code == EXIT_INVALID
        assert words in capsys.readouterr().err


def test_a_refused_import_into_a_new_path_leaves_no_file(tmp_path: Path, capsys) -> None:
    answers = json.loads((DATA / "township-half.json").read_text(encoding="utf-8"))
    wrong_level = tmp_path / "级别不对.json"
    wrong_level.write_text(json.dumps({**answers, "center": {**answers["center"], "level": "planet"}}))
    unknown_pack = tmp_path / "没有这个标准包.json"
    unknown_pack.write_text(json.dumps({**answers, "pack": {"id": "nope", "version": "1"}}))

    folder = tmp_path / "中心 文件夹"
    folder.mkdir()
    for path in (wrong_level, unknown_pack):
        assert main(["import", str(path), "--db", str(folder / f"{path.stem}.dqsa")]) == EXIT_INVALID
        assert list(folder.iterdir()) == []  # no center file, no -wal, -shm or .lock


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('"area_m2": 150', '"area_m2": 1e27', "facts.area_m2"),
        ('"area_m2": 150', '"area_m2": -1e27', "facts.area_m2"),
        ('"score": 7.5', '"score": 1e27', "overrides.A1.zones.1"),
        ('"A1.site.1": 3', '"A1.site.1": 1e400', "manual_scores.A1.site.1"),
    ],
)
def test_numbers_beyond_every_bound_are_refused_naming_the_field(
    old: str, new: str, field: str, tmp_path: Path, capsys
) -> None:
    path = tmp_path / "答卷.json"
    path.write_bytes(_with("village-weak.json", old, new))

    assert main(["score", str(path)]) == EXIT_INVALID
    assert field in capsys.readouterr().err
