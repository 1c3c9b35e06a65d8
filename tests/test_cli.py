"""The command line: ``dqsa score`` on the example files, ``criteria``, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dqsa.cli import EXIT_FAILED, EXIT_INVALID, EXIT_OK, main
from dqsa.paths import resource_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_score_city_full(capsys, data_dir: Path) -> None:
    # every fact met, every manual item at its maximum: 100 + 100
    code, out, _ = run(capsys, "score", str(data_dir / "city-full.json"), "--json")
    card = json.loads(out)
    assert code == EXIT_OK
    assert (card["total"], card["max_total"]) == (200, 200)
    assert card["unanswered"] == [] and card["below_full"] == []


def test_score_village_weak_totals_worked_by_hand(capsys, data_dir: Path) -> None:
    # A1: 选址 3+2+0=5; 面积 5+0 (150 < 200); 标识 4+0+4+0+4+0=12;
    #     功能 7.5 (override of 5) + 4.5 (10×5/11) + 4.4 (10×4/9) = 16.4;
    #     人员 5 (3 staff ≥ 1) + 3.3 (5×2/3) + 2.5 (5×1/2) = 10.8; 资产 4+0 → 53.2
    # A2: 班子 1.5+1+2+1=5.5; 制度 3.5 (7×3/6) + 2 = 5.5;
    #     作用 3+2.5+4+3+2+1+4+3.8 (5×3/4=3.75↑)+3+0 = 26.3; 资金 5+0+0; 群众 3+0 (35/40=87.5%) → 45.3
    code, out, _ = run(capsys, "score", str(data_dir / "village-weak.json"), "--json")
    card = json.loads(out)
    assert code == EXIT_OK
    assert [t["score"] for t in card["tables"]] == [53.2, 45.3]
    assert card["total"] == 98.5
    sections = {s["id"]: s["score"] for t in card["tables"] for s in t["sections"]}
    assert sections == {
        "A1.site": 5, "A1.area": 5, "A1.sign": 12, "A1.zones": 16.4, "A1.staff": 10.8, "A1.assets": 4,
        "A2.team": 5.5, "A2.systems": 5.5, "A2.role": 26.3, "A2.funding": 5, "A2.mass": 3,
    }  # fmt: skip
    zones1 = card["tables"][0]["sections"][3]["items"][0]
    assert (zones1["method"], zones1["auto_score"], zones1["score"]) == ("override", 5, 7.5)
    assert "A1.area.2" in card["below_full"]


def test_score_half_filled_township(capsys, data_dir: Path) -> None:
    # 选址 5 (manual) + 2 + unanswered; 面积 5 + 10 (300 is exactly the township minimum);
    # 标识 4 + 4 + four unanswered → 30; all of A2 unanswered
    code, out, _ = run(capsys, "score", str(data_dir / "township-half.json"), "--json")
    card = json.loads(out)
    assert code == EXIT_OK
    assert card["total"] == 30
    assert len(card["unanswered"]) == 34
    assert card["unanswered"][:3] == ["A1.site.3", "A1.sign.3", "A1.sign.4"]


def test_score_checklist(capsys, data_dir: Path) -> None:
    # applicable: 3 (site) + 5 (village functions, one n/a) + 6 systems + 4 daily = 18; met: 2+4+4+2
    code, out, _ = run(capsys, "score", str(data_dir / "wenzhou-village.json"))
    assert code == EXIT_OK
    assert "适用 18 项，符合 12 项（66.7%）" in out
    assert "未填写（2 项）：R.systems.6、R.daily.4" in out


def test_score_readable_table(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "score", str(data_dir / "village-weak.json"))
    assert code == EXIT_OK
    assert "合计：98.5 / 200 分（49.3%）" in out
    assert "中心总面积 150 m²，未达到村(社区)不少于 200 m² 的要求，得 0 分" in out


def test_invalid_answers_exit_2_naming_fields(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "坏的 答卷.json"
    bad.write_text(json.dumps({
        "format": "dqsa-answers/1", "center": {"name": "某中心", "level": "village"}, "year": 2026,
        "pack": {"id": "huzhou-social-org", "version": "1.0.0"},
        "facts": {"area_m2": -10}, "manual_scores": {"A2.team.1": 2.2},
    }), encoding="utf-8")  # fmt: skip
    code, out, err = run(capsys, "score", str(bad))
    assert code == EXIT_INVALID and out == ""
    assert "facts.area_m2" in err and "manual_scores.A2.team.1" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("content", ["{not json", '{"format": "dqsa-answers/1"}'])
def test_malformed_file_exits_2(capsys, tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    assert run(capsys, "score", str(path))[0] == EXIT_INVALID


def test_unknown_pack_exits_2(capsys, tmp_path: Path, data_dir: Path) -> None:
    data = json.loads((data_dir / "township-half.json").read_text(encoding="utf-8"))
    data["pack"]["id"] = "no-such-pack"
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "score", str(path))
    assert code == EXIT_INVALID and "no-such-pack" in err


def test_criteria_list_and_show(capsys) -> None:
    code, out, _ = run(capsys, "criteria", "list")
    assert code == EXIT_OK
    assert "huzhou-social-org  1.0.0  计分  40 项" in out
    assert "wenzhou-oujianghong  1.0.0  核查清单  31 项" in out
    code, out, _ = run(capsys, "criteria", "show", "huzhou-social-org")
    assert code == EXIT_OK and "A2.mass.2" in out and "满意度达到90%以上" in out
    code, out, _ = run(capsys, "criteria", "show", "wenzhou-oujianghong", "--json")
    assert json.loads(out)["source"]["kind"] == "explanatory_note"
    assert run(capsys, "criteria", "show", "nope")[0] == EXIT_INVALID


def test_criteria_check(capsys, tmp_path: Path) -> None:
    good = resource_path("criteria", "huzhou-social-org.yaml")
    code, out, _ = run(capsys, "criteria", "check", str(good))
    assert code == EXIT_OK and "有效" in out and "旧格式" not in out
    broken = tmp_path / "改过的 标准.yaml"
    broken.write_text(good.read_text(encoding="utf-8").replace("max_points: 6\n", "max_points: 7\n"), "utf-8")
    code, _, err = run(capsys, "criteria", "check", str(broken))
    assert code == EXIT_INVALID and "A1.site" in err


def test_criteria_check_says_when_a_format_1_pack_was_upgraded(capsys, data_dir: Path) -> None:
    """A pack an earlier program wrote (dqsa-criteria/1) is valid once upgraded: check says so, and gives
    both digests (the file as written, and the upgraded pack's)."""
    from dqsa.domain.criteria import pack_data_digest
    from dqsa.packs import load_pack_file

    old = data_dir / "criteria-1" / "huzhou-social-org.yaml"
    code, out, _ = run(capsys, "criteria", "check", str(old))
    assert code == EXIT_OK and "有效：huzhou-social-org 1.0.0" in out
    assert "旧格式（dqsa-criteria/1）的标准包，读取时已升级为 dqsa-criteria/2" in out
    assert "取自程序自带的同编号标准包（1.0.0）" in out
    import yaml

    written = pack_data_digest(yaml.safe_load(old.read_text(encoding="utf-8")))
    assert f"按文件原样计算的摘要（SHA-256）：{written}" in out
    assert f"升级后的内容摘要（SHA-256）：{load_pack_file(old).content_hash()}" in out


def test_python_dash_m_works_in_a_subprocess(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dqsa", "score", str(data_dir / "city-full.json")],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "合计：200 / 200 分（100%）" in done.stdout


def test_import_score_and_export_a_center_file(capsys, tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "中心 文件.dqsa"
    code, out, _ = run(capsys, "import", str(data_dir / "village-weak.json"), "--db", str(db))
    assert code == EXIT_OK and "98.5" in out
    code, out, _ = run(capsys, "score", "--db", str(db), "--year", "2026", "--json")
    assert code == EXIT_OK and json.loads(out)["total"] == 98.5
    exported = tmp_path / "导出 答卷.json"
    assert run(capsys, "export-answers", "--db", str(db), "--year", "2026", "-o", str(exported))[0] == EXIT_OK
    original = json.loads((data_dir / "village-weak.json").read_text(encoding="utf-8"))
    assert json.loads(exported.read_text(encoding="utf-8")) == original
    code, out, _ = run(capsys, "export-answers", "--db", str(db), "--year", "2026")
    assert json.loads(out) == original


def test_center_file_errors_are_messages_not_tracebacks(capsys, tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "中心.dqsa"
    run(capsys, "import", str(data_dir / "village-weak.json"), "--db", str(db))
    code, _, err = run(capsys, "import", str(data_dir / "village-weak.json"), "--db", str(db))
    assert code == EXIT_FAILED and "已经存在" in err
    code, _, err = run(capsys, "score", "--db", str(db), "--year", "2019")
    assert code == EXIT_FAILED and "没有 2019 年度" in err
    junk = tmp_path / "乱码.dqsa"
    junk.write_bytes(bytes(range(256)) * 40)
    code, _, err = run(capsys, "score", "--db", str(junk), "--year", "2026")
    assert code == EXIT_FAILED and "不是 dqsa 中心文件" in err
    assert run(capsys, "score", "--db", str(db))[0] == EXIT_INVALID  # --year missing


def test_one_table_declares_every_subcommand(capsys) -> None:
    """The parser, the dispatch and the file-name shortcut all read dqsa.cli.COMMANDS."""
    from dqsa import cli

    names = [c.name for c in cli.COMMANDS]
    assert len(names) == len(set(names))
    assert set(names) <= cli.SUBCOMMANDS
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    assert all(name in listed for name in names)
    for name in names:  # each subcommand answers --help from its own declaration
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0
    assert "usage" in capsys.readouterr().out.lower()


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, dqsa.cli; "
        "print(sorted(m for m in ('sqlalchemy', 'pydantic', 'openpyxl', 'reportlab', 'pyhanko', 'PySide6') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_reader_that_goes_away_gets_no_traceback_and_no_error_message() -> None:
    """``dqsa criteria show … | head -1``: the pipe closes while dqsa still writes."""
    process = subprocess.Popen(
        [sys.executable, "-m", "dqsa", "criteria", "show", "huzhou-social-org"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like head -1
    error = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    process.wait(timeout=60)
    assert "Traceback" not in error and "操作失败" not in error
