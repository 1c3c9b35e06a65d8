"""The command line and what was sent: import --replace refuses a signed year without --reopen,
score says whether the year is as sent, export and import-packet name the packet's digest."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from dqsa.answers_file import load_answers_file, write_answers_file
from dqsa.cli import EXIT_FAILED, EXIT_INVALID, EXIT_OK, main
from dqsa.store.service import CenterStore

PASSPHRASE = "清溪村口令2026"


@pytest.fixture
def center(tmp_path: Path, data_dir: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A center file whose 2026 was exported (signed) from the command line."""
    db = tmp_path / "村 中心.dqsa"
    assert main(["import", str(data_dir / "village-weak.json"), "--db", str(db)]) == EXIT_OK
    monkeypatch.setenv("DQSA_TEST_PASS", PASSPHRASE)
    code = main(
        [
            "export", "--db", str(db), "--year", "2026", "--out", str(tmp_path / "发出"),
            "--signer", "张伟", "--title", "书记", "--passphrase-env", "DQSA_TEST_PASS",
            "--allow-missing-measures",
        ]
    )  # fmt: skip
    assert code == EXIT_OK
    out = capsys.readouterr().out
    (packet,) = (tmp_path / "发出").glob("*.zip")
    assert f"材料包 SHA-256：{hashlib.sha256(packet.read_bytes()).hexdigest()}" in out
    assert "只能查看" in out
    return db


def test_import_replace_onto_a_signed_year_refuses_without_reopen(
    center: Path, tmp_path: Path, data_dir: Path, capsys
) -> None:
    changed = load_answers_file(data_dir / "village-weak.json").model_copy(update={"assessor": "王五"})
    answers = tmp_path / "改过的 答卷.json"
    write_answers_file(changed, answers)
    assert main(["import", str(answers), "--db", str(center), "--replace"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "已签署报送" in err and "--reopen" in err and "没有导入" in err
    assert "Traceback" not in err
    with CenterStore.open(center) as store:
        assert store.answers(2026).assessor != "王五"
        assert store.summary(2026).status == "signed"
    assert main(["import", str(answers), "--db", str(center), "--reopen"]) == EXIT_INVALID
    assert "--reopen 只和 --replace 一起使用" in capsys.readouterr().err
    assert main(["import", str(answers), "--db", str(center), "--replace", "--reopen"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "需要重新签署导出并报送" in out
    with CenterStore.open(center) as store:
        assert store.answers(2026).assessor == "王五"
        assert store.summary(2026).status == "reopened"
        assert store.sent(2026).known  # what was sent outlived the replaced answers
        reasons = [c.new_value for c in store.history(2026) if c.field == "status"]
        assert {"reopened": "用 dqsa import --replace --reopen 替换为答卷 改过的 答卷.json"} in reasons


def test_score_says_whether_the_year_is_as_sent(center: Path, tmp_path: Path, capsys) -> None:
    (packet,) = (tmp_path / "发出").glob("*.zip")
    digest = hashlib.sha256(packet.read_bytes()).hexdigest()
    assert main(["score", "--db", str(center), "--year", "2026"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "报送状态：已签署报送" in out and "与报送的材料包一致" in out and digest in out
    assert main(["score", "--db", str(center), "--year", "2026", "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    sent = data["sent"]
    assert data["status"] == "signed" and sent["as_sent"] is True and sent["known"] is True
    assert sent["sha256"] == digest and sent["size"] == packet.stat().st_size
    assert sent["file_name"] == packet.name and sent["manifest_format"] == "dqsa-packet/2"
    assert sent["signer"] == "张伟（书记）" and len(sent["fingerprint"]) == 95
    assert sent["signed_at"][-6] in "+-"  # with its UTC offset
    assert sent["totals"]["total"] == data["total"] == 98.5
    assert [t["title"] for t in sent["totals"]["tables"]] and sent["times_sent"] == 1

    with CenterStore.open(center) as store:
        store.reopen(2026, reason="补充")
        store.set_fact(2026, "training.sessions", 6)
    assert main(["score", "--db", str(center), "--year", "2026"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "已报送后修改" in out and "需要重新签署导出并报送" in out and "报送时合计 98.5" in out
    assert main(["score", "--db", str(center), "--year", "2026", "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "reopened" and data["sent"]["as_sent"] is False
    assert data["sent"]["totals"]["total"] == 98.5 and data["total"] > 98.5


def test_score_of_a_draft_and_of_an_answers_file(tmp_path: Path, data_dir: Path, capsys) -> None:
    db = tmp_path / "c.dqsa"
    assert main(["import", str(data_dir / "village-weak.json"), "--db", str(db)]) == EXIT_OK
    capsys.readouterr()
    assert main(["score", "--db", str(db), "--year", "2026", "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "draft" and data["sent"] is None
    assert main(["score", str(data_dir / "village-weak.json"), "--json"]) == EXIT_OK
    assert "sent" not in json.loads(capsys.readouterr().out)  # an answers file was never sent


def test_import_packet_names_the_digest_it_keeps(center: Path, tmp_path: Path, capsys) -> None:
    (packet,) = (tmp_path / "发出").glob("*.zip")
    other = tmp_path / "上级" / "收到.dqsa"
    assert main(["import-packet", str(packet), "--db", str(other)]) == EXIT_OK
    out = capsys.readouterr().out
    assert hashlib.sha256(packet.read_bytes()).hexdigest() in out
    with CenterStore.open(other) as store:
        assert store.sent(2026).sha256 == hashlib.sha256(packet.read_bytes()).hexdigest()


def test_export_with_a_missing_key_says_how_to_go_on(
    center: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from dqsa.export.identity import identity_folder

    with CenterStore.open(center) as store:
        name = store.center().name
        store.reopen(2026, reason="换电脑")
        first = store.sent(2026).fingerprint
    shutil.rmtree(identity_folder(name))
    arguments = [
        "export", "--db", str(center), "--year", "2026", "--out", str(tmp_path / "再"),
        "--signer", "张伟", "--title", "书记", "--passphrase-env", "DQSA_TEST_PASS", "--allow-missing-measures",
    ]  # fmt: skip
    assert main(arguments) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "找不到本中心的签署私钥" in err and "--new-identity" in err and "Traceback" not in err
    assert "命令行：dqsa identity restore 备份文件" in err and "文件 → 恢复签署身份" in err  # both ways
    assert err.count("dqsa identity restore") == 1 and "没有导出" in err
    assert not (tmp_path / "再").exists()
    assert main([*arguments, "--new-identity"]) == EXIT_OK
    assert "代替证书指纹" in capsys.readouterr().out
    with CenterStore.open(center) as store:
        assert [e.kind for e in store.identity_events()] == ["created", "replaced"]
        assert store.identity_events()[-1].old_fingerprint == first


def test_identity_restore_is_recorded_in_the_center_file(center: Path, tmp_path: Path, capsys) -> None:
    import shutil

    from dqsa.export.identity import identity_folder

    with CenterStore.open(center) as store:
        name, first = store.center().name, store.sent(2026).fingerprint
    backup = tmp_path / "身份.dqsa-identity"
    code = main(
        ["identity", "backup", "--center", name, "--out", str(backup), "--passphrase-env", "DQSA_TEST_PASS"]
    )
    assert code == EXIT_OK
    shutil.rmtree(identity_folder(name))  # a new laptop
    code = main(
        ["identity", "restore", str(backup), "--passphrase-env", "DQSA_TEST_PASS", "--db", str(center)]
    )
    assert code == EXIT_OK
    assert "已把这次恢复记入中心文件" in capsys.readouterr().out
    with CenterStore.open(center) as store:
        created, restored = store.identity_events()
    assert (created.kind, restored.kind) == ("created", "restored")
    assert restored.new_fingerprint == first and restored.old_fingerprint is None
    assert restored.at.utcoffset() is not None


def test_a_forgotten_passphrase_on_the_command_line_is_told_the_command_line_way(
    center: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only the export page's box: the message names dqsa export --new-identity too."""
    with CenterStore.open(center) as store:
        store.reopen(2026, reason="重新报送")
    monkeypatch.setenv("DQSA_TEST_PASS", "忘了原来的口令2026")
    arguments = [
        "export", "--db", str(center), "--year", "2026", "--out", str(tmp_path / "再"),
        "--signer", "张伟", "--title", "书记", "--passphrase-env", "DQSA_TEST_PASS", "--allow-missing-measures",
    ]  # fmt: skip
    assert main(arguments) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "签署口令不对" in err and "命令行：dqsa export 加 --new-identity" in err and "导出页勾选" in err
    assert main([*arguments, "--new-identity"]) == EXIT_OK
    assert "代替证书指纹" in capsys.readouterr().out


def test_every_identity_message_names_the_command_line_as_well_as_the_window(tmp_path: Path) -> None:
    from dqsa.export import identity

    messages = [
        str(identity.IdentityMissing("某中心", ("AB:CD",))),
        identity._wrong_passphrase(),
        identity._damaged_key(tmp_path / "key.pem"),
        identity._damaged_certificate(tmp_path / "cert.pem"),
    ]
    for message in messages:
        assert "命令行：dqsa " in message and "窗口中：" in message, message
