"""``dqsa desk …`` as a reviewer types it: new, roster, receive, list, missing, review, accept-identity,
export-packet, history, rollup; exit codes and --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from desk_packets import DeskPackets, desk_packets

from dqsa.cli import EXIT_FAILED, EXIT_INVALID, EXIT_OK, main

NAME = "某街道社会组织综合党委"
VILLAGE = "安吉县递铺街道某村（社区）党群服务中心"
WENZHOU = "瓯海区某社区瓯江红党群服务中心"


@pytest.fixture(scope="session")
def packets(tmp_path_factory: pytest.TempPathFactory) -> DeskPackets:
    return desk_packets(tmp_path_factory)


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "审核 台账.dqsd"
    code, out, _ = run(capsys, "desk", "new", path, "--name", NAME)
    assert code == EXIT_OK and "已新建审核台账" in out
    return path


@pytest.fixture
def inbox(tmp_path: Path, packets: DeskPackets) -> Path:
    folder = tmp_path / "收件箱 2026"
    packets.copy("village", folder / "安吉")
    packets.copy("city", folder)
    packets.copy("wenzhou", folder / "温州" / "瓯海")
    (folder / "说明.docx").write_bytes(b"not a packet")
    return folder


def test_new_refuses_an_existing_file_and_an_empty_name(desk: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "desk", "new", desk, "--name", NAME)
    assert code == EXIT_FAILED and "已经存在" in err
    code, _, err = run(capsys, "desk", "new", tmp_path / "b.dqsd", "--name", " ")
    assert code == EXIT_INVALID and "单位名称" in err
    assert not (tmp_path / "b.dqsd").exists()
    code, _, err = run(capsys, "desk", "list", tmp_path / "none.dqsd")
    assert code == EXIT_FAILED and "找不到审核台账" in err and "Traceback" not in err


def test_receive_a_folder_one_line_per_packet_and_exit_codes(
    desk: Path, inbox: Path, packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    code, out, err = run(capsys, "desk", "receive", desk, inbox, "--workers", "1")
    assert code == EXIT_OK, err
    lines = [line for line in out.splitlines() if line.startswith("已接收")]
    assert len(lines) == 3
    assert "跳过：" in out and "说明.docx" in out
    code, out, _ = run(capsys, "desk", "receive", desk, inbox, "--workers", "1")  # again: duplicates
    assert code == EXIT_OK and out.count("重复：") == 3
    bad = tmp_path / "坏的"
    packets.copy("tampered", bad)
    packets.copy("forged", bad)
    code, out, _ = run(capsys, "desk", "receive", desk, bad, "--json", "--workers", "1")
    assert code == EXIT_FAILED
    data = json.loads(out)
    assert sorted(r["outcome"] for r in data["receipts"]) == ["held", "refused"]
    refused = next(r for r in data["receipts"] if r["outcome"] == "refused")
    assert "自评表.xlsx" in refused["message"]


def test_list_json_has_numbers_and_keeps_the_standards_apart(desk: Path, inbox: Path, capsys) -> None:
    run(capsys, "desk", "receive", desk, inbox, "--workers", "1")
    code, out, _ = run(capsys, "desk", "list", desk, "--year", "2026", "--json")
    assert code == EXIT_OK
    rows = {r["name"]: r for r in json.loads(out)}
    village = rows[VILLAGE]
    assert (village["A1"], village["A2"], village["total"], village["max"]) == (53.2, 45.3, 98.5, 200)
    assert village["status"] == "accepted" and village["review_state_label"] == "待审核"
    assert village["fingerprint"].count(":") == 31
    assert rows[WENZHOU]["standard"]["kind"] == "checklist" and rows[WENZHOU]["percent"] == 66.7
    code, out, _ = run(capsys, "desk", "list", desk, "--year", "2026")
    assert out.count("2026 年度") == 2  # one block per standard
    assert "符合率" in out and "合计" in out
    from dqsa.export.wording import fingerprint_text

    assert f"证书指纹：{fingerprint_text(village['fingerprint'])}" in out  # groups of four, as on the cover
    assert village["fingerprint"] not in out
    code, out, _ = run(capsys, "desk", "list", desk, "--region", "温州市瓯海区", "--json")
    assert [r["name"] for r in json.loads(out)] == [WENZHOU]


def test_roster_from_csv_and_who_is_missing(desk: Path, inbox: Path, tmp_path: Path, capsys) -> None:
    roster = tmp_path / "名册.csv"
    roster.write_bytes(
        "名称,级别,地区,证书指纹\n"
        f"{VILLAGE},村(社区),湖州市安吉县,\n"
        "某某社区党群服务中心,村(社区),吴兴区,\n".encode("gb18030")
    )
    code, out, err = run(capsys, "desk", "roster", desk, roster)
    assert code == EXIT_OK, err
    assert "新增 2 个" in out
    run(capsys, "desk", "receive", desk, inbox, "--workers", "1")
    code, out, _ = run(capsys, "desk", "missing", desk, "--year", "2026", "--json")
    assert [m["name"] for m in json.loads(out)] == ["某某社区党群服务中心"]
    bad = tmp_path / "坏名册.csv"
    bad.write_text("名称,证书指纹\n甲中心,12:34\n甲中心,\n", encoding="utf-8")
    code, _, err = run(capsys, "desk", "roster", desk, bad)
    assert code == EXIT_INVALID and "第 2 行" in err and "第 3 行" in err


def test_review_with_scores_all_or_nothing(desk: Path, inbox: Path, capsys) -> None:
    run(capsys, "desk", "receive", desk, inbox, "--workers", "1")
    base = ["desk", "review", desk, "--center", VILLAGE, "--year", "2026"]
    code, _, err = run(
        capsys,
        *base,
        "--state",
        "通过",
        "--score",
        "A1.site.1=4",
        "--reason",
        "少了一块",
        "--score",
        "A1.site.3=99",
    )
    assert code == EXIT_INVALID and "A1.site.3" in err
    code, out, _ = run(capsys, "desk", "list", desk, "--json")
    assert json.loads(out)[0]["review_state"] == "pending"  # nothing of the refused review was saved
    code, out, err = run(
        capsys,
        *base,
        "--state",
        "退回补充",
        "--comment",
        "请补充会议记录",
        "--reviewer",
        "李审核",
        "--score",
        "A1.site.1=4",
        "--reason",
        "现场缺少设施",
        "--json",
    )
    assert code == EXIT_OK, err
    data = json.loads(out)
    assert data["review_state"] == "returned" and data["reviewer"] == "李审核"
    assert data["items"]["A1.site.1"] == {"score": 4, "applicable": True, "reason": "现场缺少设施"}
    assert data["reviewed_total"] == data["total"] - 3 + 4  # the village gave itself 3
    code, _, err = run(
        capsys, "desk", "review", desk, "--center", WENZHOU, "--year", "2026", "--score", "B.logo.1=不适用"
    )
    assert code == EXIT_INVALID and "理由" in err
    code, out, _ = run(
        capsys,
        "desk",
        "review",
        desk,
        "--center",
        WENZHOU,
        "--year",
        "2026",
        "--score",
        "B.logo.1=不适用",
        "--reason",
        "无",
    )
    assert code == EXIT_OK and "不适用" in out
    code, _, err = run(
        capsys, "desk", "review", desk, "--center", "没有这个中心", "--year", "2026", "--state", "通过"
    )
    assert code == EXIT_FAILED and "没有" in err
    code, _, err = run(capsys, *base, "--state", "大概行")
    assert code == EXIT_INVALID and "待审核" in err
    with pytest.raises(SystemExit) as exited:  # argparse's own refusal: exit 2 with the message
        run(capsys, *base, "--reason", "没有分数")
    assert (
        exited.value.code == EXIT_INVALID
        and "--reason 要跟在它说明的 --score 后面" in capsys.readouterr().err
    )


def test_accept_identity_then_history(desk: Path, packets: DeskPackets, capsys) -> None:
    run(capsys, "desk", "receive", desk, packets.village, "--workers", "1")
    code, out, _ = run(capsys, "desk", "receive", desk, packets.forged, "--workers", "1")
    assert code == EXIT_FAILED and "暂扣" in out and "身份变化，需核实" in out
    code, out, _ = run(capsys, "desk", "list", desk, "--status", "暂扣", "--json")
    held = json.loads(out)
    assert [r["status"] for r in held] == ["held"]
    code, _, err = run(
        capsys, "desk", "accept-identity", desk, "--center", VILLAGE, "--year", "2026", "--reason", " "
    )
    assert code == EXIT_INVALID and "理由" in err
    code, out, _ = run(
        capsys,
        "desk",
        "accept-identity",
        desk,
        "--packet",
        held[0]["packet_id"],
        "--reason",
        "电话核实",
        "--by",
        "李",
    )
    assert code == EXIT_OK and "电话核实" in out
    code, out, _ = run(capsys, "desk", "history", desk, "--center", VILLAGE, "--json")
    whats = [h["what"] for h in json.loads(out)]
    assert whats.count("identity.pinned") == 2 and "packet.released" in whats


def test_export_packet_is_byte_exact(desk: Path, packets: DeskPackets, tmp_path: Path, capsys) -> None:
    run(capsys, "desk", "receive", desk, packets.city, "--workers", "1")
    out_dir = tmp_path / "导出 文件夹"
    out_dir.mkdir()
    code, out, _ = run(
        capsys,
        "desk",
        "export-packet",
        desk,
        "--center",
        "湖州市社会组织党群服务中心",
        "--year",
        "2026",
        "--out",
        out_dir,
    )
    assert code == EXIT_OK
    assert "已原样导出材料包" in out
    (saved,) = out_dir.glob("*.zip")
    assert saved.read_bytes() == packets.city.read_bytes()
    code, _, err = run(capsys, "desk", "export-packet", desk, "--out", out_dir)
    assert code == EXIT_INVALID and "--center" in err


def test_rollup_writes_the_workbook_and_the_pdf(desk: Path, inbox: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "desk", "receive", desk, inbox, "--workers", "1")
    code, _, err = run(capsys, "desk", "rollup", desk, "--year", "2026")
    assert code == EXIT_INVALID and "--out" in err
    code, out, err = run(
        capsys,
        "desk",
        "rollup",
        desk,
        "--year",
        "2026",
        "--out",
        tmp_path / "汇总 2026.xlsx",
        "--pdf",
        tmp_path / "汇总.pdf",
    )
    assert code == EXIT_OK, err
    assert "汇总表：" in out and "汇总报告（PDF）：" in out
    assert (tmp_path / "汇总 2026.xlsx").stat().st_size > 0
    assert (tmp_path / "汇总.pdf").read_bytes().startswith(b"%PDF")
