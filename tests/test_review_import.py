"""Issue 16.2–16.4 on the center's side: a signed 审核结果 is checked, pinned and kept, or refused
saying which, with nothing stored; ``dqsa score --json`` carries it; a 0003 file upgrades."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from desk_packets import DeskPackets, desk_packets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_review_result import DESK, PASSPHRASE, VILLAGE, WENZHOU, home, make_desk

from dqsa.cli import EXIT_FAILED, EXIT_OK, main
from dqsa.domain.review import ReviewedItem, apply_review
from dqsa.export import wording
from dqsa.export.review_return import return_review
from dqsa.store.desk.service import DeskStore
from dqsa.store.reviews import items_from_json, items_to_json
from dqsa.store.service import CenterStore


@pytest.fixture(scope="session")
def packets(tmp_path_factory: pytest.TempPathFactory) -> DeskPackets:
    return desk_packets(tmp_path_factory)


@dataclass(frozen=True)
class Loop:
    """Results a desk signed for the packets the village and Wenzhou center files sent."""

    folder: Path
    village: Path  # 退回补充, two items rescored
    wenzhou: Path  # 通过, a checklist
    fingerprint: str
    other_desk: Path  # the village's packet reviewed by another desk (another key)
    other_fingerprint: str
    not_sent: Path  # a result about a packet the village's file never sent (its 2025, from elsewhere)


def _return(desk_path: Path, folder: Path, center: str, year: int, out: str) -> tuple[Path, str]:
    with DeskStore.open(desk_path, backups_root=folder / "backups") as desk:
        result = return_review(
            desk,
            desk.counted_packet(center, year).id,
            signer_name="王审核",
            signer_title="组织委员",
            passphrase=PASSPHRASE,
            out_dir=folder / out,
        )
    return result.path, result.fingerprint


@pytest.fixture(scope="module")
def loop(packets: DeskPackets, tmp_path_factory: pytest.TempPathFactory) -> Loop:
    from dqsa.export.receive import receive_packet

    folder = tmp_path_factory.mktemp("review-loop")
    desk_path = make_desk(folder / "desk", packets)
    with home(folder / "desk-home"):
        village, fingerprint = _return(desk_path, folder, VILLAGE, 2026, "out")
        wenzhou, _ = _return(desk_path, folder, WENZHOU, 2026, "out")
    other_path = make_desk(folder / "other", packets, name="冒名的审核单位")
    with home(folder / "other-home"):
        other, other_fingerprint = _return(other_path, folder, VILLAGE, 2026, "other-out")
    third = folder / "third" / "台账.dqsd"
    third.parent.mkdir()
    with DeskStore.create(third, DESK, backups_root=folder / "backups") as desk:
        receive_packet(desk, packets.village_2025)
    with home(folder / "third-home"):
        not_sent, _ = _return(third, folder, VILLAGE, 2025, "third-out")
    assert fingerprint != other_fingerprint
    return Loop(folder, village, wenzhou, fingerprint, other, other_fingerprint, not_sent)


def dump(path: Path) -> dict[str, list]:
    """Everything an import could change, read with plain sqlite3."""
    with sqlite3.connect(path) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        found = {
            t: sorted(map(repr, raw.execute(f'SELECT * FROM "{t}"').fetchall()))
            for t in tables
            if t
            in {"review_result", "review_desk", "change", "assessment", "sent_snapshot", "identity_event"}
        }
    raw.close()
    return found


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


# --- the whole loop through the command line -------------------------------------------------------------------


def test_the_village_imports_its_result_and_score_json_carries_it(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = packets.center_file("village", tmp_path)
    code, out, err = run(capsys, "import-review", str(loop.village), "--db", str(db))
    assert code == EXIT_OK, err
    assert "已导入 2026 年度审核结果" in out and DESK in out
    assert wording.fingerprint_text(loop.fingerprint) in out  # four digits a group
    assert "第一次导入" in out and "退回补充" in out and "复核得分" in out
    assert "按审核意见修改" in out  # the way to change and send again
    code, out, _ = run(capsys, "score", "--db", str(db), "--year", "2026", "--json")
    data = json.loads(out)
    review = data["review"]
    assert review["state"] == "returned" and review["comment"] == "请补充接待区的照片。\n台账不全。"
    assert review["reviewer"] == {"name": "王审核", "title": "组织委员"}
    assert review["desk"] == {"name": DESK, "fingerprint": loop.fingerprint}
    changed = [i for i in review["items"] if i["reviewed"] is not None]
    assert (
        len(changed) == 2 and changed[0]["reviewed"] == 0 and changed[0]["reason"] == "现场查看：没有相关台账"
    )
    assert review["totals"]["self"] == data["total"]  # the center's own total as sent
    assert review["totals"]["reviewed"] < review["totals"]["self"]
    assert review["changed_since"] is False and review["refers_to_version_sent"] == 1
    code, out, _ = run(capsys, "score", "--db", str(db), "--year", "2026")
    assert "上级审核：退回补充" in out and "现场查看：没有相关台账" in out
    with CenterStore.open(db, backups_root=tmp_path / "b") as store:
        (pin,) = store.reviewer_history()
        assert (pin.kind, pin.fingerprint, pin.desk_name) == ("pinned", loop.fingerprint, DESK)
        row = next(r for r in store.year_list().rows if r.year == 2026)
        assert row.review_state == "returned"
        history = [c for c in store.history(2026) if c.field == "review"]
        assert history and history[-1].new_value["state"] == "returned"


def test_importing_the_same_result_twice_changes_nothing_and_says_so(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = packets.center_file("village", tmp_path)
    assert run(capsys, "import-review", str(loop.village), "--db", str(db))[0] == EXIT_OK
    before = dump(db)
    code, out, _ = run(capsys, "import-review", str(loop.village), "--db", str(db))
    assert code == EXIT_OK and "已经导入过" in out and "没有重复导入" in out
    assert dump(db) == before


def test_a_checklist_result_imports_as_counts(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = packets.center_file("wenzhou", tmp_path)
    code, out, err = run(capsys, "import-review", str(loop.wenzhou), "--db", str(db))
    assert code == EXIT_OK, err
    assert "审核结论：通过" in out and "复核后符合" in out
    data = json.loads(run(capsys, "score", "--db", str(db), "--year", "2026", "--json")[1])
    statuses = sorted(i["status"] for i in data["review"]["items"] if i["status"])
    assert statuses == ["met", "na"]


def test_score_json_says_null_without_a_review(packets: DeskPackets, tmp_path: Path, capsys) -> None:
    db = packets.center_file("village", tmp_path)
    data = json.loads(run(capsys, "score", "--db", str(db), "--year", "2026", "--json")[1])
    assert data["review"] is None


# --- refused, saying which, storing nothing ----------------------------------------------------------------


def _refused(capsys, db: Path, result: Path, *extra: str) -> str:
    before = dump(db)
    code, out, err = run(capsys, "import-review", str(result), "--db", str(db), *extra)
    assert code == EXIT_FAILED and not out.strip()
    assert dump(db) == before  # nothing stored
    return err


def test_one_byte_changed_is_refused_as_changed(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    db = packets.center_file("village", tmp_path)
    data = bytearray(loop.village.read_bytes())
    data[len(data) // 3] ^= 0x01
    damaged = tmp_path / "改过一个字节.zip"
    damaged.write_bytes(bytes(data))
    err = _refused(capsys, db, damaged)
    assert "没有导入：审核结果被改动过或已损坏" in err.splitlines()[0]


def test_a_result_for_another_center_is_refused_as_such(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    db = packets.center_file("village", tmp_path)
    err = _refused(capsys, db, loop.wenzhou)
    assert "这是给别的中心的审核结果" in err.splitlines()[0] and WENZHOU in err


def test_a_result_about_a_packet_never_sent_is_refused_as_such(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    db = packets.center_file("village", tmp_path)
    err = _refused(capsys, db, loop.not_sent)
    assert "它针对的材料包不是本中心报送的" in err.splitlines()[0] and "2025 年度" in err


def test_a_packet_given_instead_is_refused_as_not_a_result(
    packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    db = packets.center_file("village", tmp_path)
    err = _refused(capsys, db, packets.village)
    assert "不是审核结果" in err.splitlines()[0] and "这是中心报送的材料包" in err


def test_another_desk_is_refused_with_both_fingerprints_until_accepted(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    db = packets.center_file("village", tmp_path)
    assert run(capsys, "import-review", str(loop.village), "--db", str(db))[0] == EXIT_OK
    err = _refused(capsys, db, loop.other_desk)
    assert "由另一个审核单位证书签署" in err.splitlines()[0]
    assert (
        wording.fingerprint_text(loop.fingerprint) in err
        and wording.fingerprint_text(loop.other_fingerprint) in err
    )
    assert "--accept-new-reviewer" in err
    code, out, err = run(
        capsys, "import-review", str(loop.other_desk), "--db", str(db), "--accept-new-reviewer"
    )
    assert code == EXIT_OK, err
    assert "已按您的确认接受新的审核单位证书" in out and "代替了之前显示的审核结果" in out
    with CenterStore.open(db, backups_root=tmp_path / "b") as store:
        old, new = store.reviewer_history()
        assert old.retired_at is not None and (new.kind, new.old_fingerprint) == (
            "accepted",
            loop.fingerprint,
        )
        assert store.pinned_reviewer().fingerprint == loop.other_fingerprint
        first, second = store.reviews(2026)
        assert not first.current and second.current and store.review(2026).desk_name == "冒名的审核单位"
        accepted = [c.new_value for c in store.history(2026) if c.field == "review"][-1]
        assert accepted["accepted_new_reviewer_over"] == loop.fingerprint
    # the first desk is now the one that differs: refused again until accepted
    assert "由另一个审核单位证书签署" in _refused(capsys, db, loop.village.with_name(loop.village.name))


def test_a_read_only_center_file_refuses_before_reading(
    loop: Loop, packets: DeskPackets, tmp_path: Path
) -> None:
    from test_store_files import run_unprivileged

    folder = tmp_path / "只读 文件夹"
    db = packets.center_file("village", folder)
    before = db.read_bytes()
    code = """
    import json, sys, io, contextlib
    from dqsa.cli import main
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(["import-review", sys.argv[1], "--db", sys.argv[2]])
    print(json.dumps({"code": status, "err": err.getvalue()}, ensure_ascii=False))
    """
    folder.chmod(0o555)
    try:
        out = run_unprivileged(code, str(loop.village), str(db))
    finally:
        folder.chmod(0o755)
    assert out["code"] == EXIT_FAILED
    assert "没有导入：中心文件只读，不能保存" in out["err"] and "Traceback" not in out["err"]
    assert db.read_bytes() == before


def test_a_year_changed_since_sending_still_imports_with_a_note(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    db = packets.center_file("village", tmp_path)
    with CenterStore.open(db, backups_root=tmp_path / "b") as store:
        store.reopen(2026, reason="补充照片")
        store.set_fact(2026, "area_m2", 321)
    code, out, err = run(capsys, "import-review", str(loop.village), "--db", str(db))
    assert code == EXIT_OK, err
    assert "针对的是" in out and "又修改或重新报送过" in out
    with CenterStore.open(db, backups_root=tmp_path / "b") as store:
        assert store.review(2026).outdated


# --- the arithmetic and the file ---------------------------------------------------------------------------


def test_apply_review_sums_the_reviewers_scores(packets: DeskPackets, tmp_path: Path) -> None:
    db = packets.center_file("village", tmp_path)
    with CenterStore.open(db, backups_root=tmp_path / "b") as store:
        card = store.scorecard(2026)
    first, second = [i for i in card.items() if i.applicable and i.score > 0][:2]
    reviewed = apply_review(
        card,
        {
            first.item_id: ReviewedItem(first.item_id, first.score, Decimal(0), None, "没有台账"),
            second.item_id: ReviewedItem(second.item_id, second.score, None, None, ""),  # kept
        },
    )
    assert reviewed.total == card.total - first.score and reviewed.max_total == card.max_total
    assert reviewed.item(first.item_id).explanation == "复核：没有台账"
    assert reviewed.item(second.item_id) == second


numbers = st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=1, allow_nan=False))


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.builds(
            ReviewedItem,
            st.text(min_size=1, max_size=20),
            numbers,
            numbers,
            st.sampled_from([None, "met", "not_met", "na"]),
            st.text(max_size=50),
        ),
        max_size=10,
    )
)
def test_items_survive_the_file(items: list[ReviewedItem]) -> None:
    assert items_from_json(items_to_json(tuple(items))) == tuple(items)


# --- the file's revision ----------------------------------------------------------------------------------------


def make_0003_file(source: Path, target: Path) -> None:
    """A file as the program of revision 0003 left it: no review tables."""
    shutil.copyfile(source, target)
    with sqlite3.connect(target) as raw:
        raw.execute("DROP TABLE IF EXISTS review_result")
        raw.execute("DROP TABLE IF EXISTS review_desk")
        raw.execute("UPDATE alembic_version SET version_num = '0003'")
    raw.close()


def test_a_0003_file_opens_upgraded_with_a_backup_first(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    db = tmp_path / "旧 文件.dqsa"
    make_0003_file(packets.center_file("village", tmp_path / "src"), db)
    with CenterStore.open(db, backups_root=tmp_path / "备份") as store:
        assert store.review(2026) is None and store.summary(2026).status.was_sent
        assert any("before-upgrade-0003" in b.name for b in store.backups())
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    raw.close()
    assert run(capsys, "import-review", str(loop.village), "--db", str(db))[0] == EXIT_OK


def test_a_0003_file_that_cannot_be_written_reads_without_reviews(
    packets: DeskPackets, tmp_path: Path
) -> None:
    from test_store_files import run_unprivileged

    folder = tmp_path / "只读"
    folder.mkdir()
    db = folder / "旧.dqsa"
    make_0003_file(packets.center_file("village", tmp_path / "src"), db)
    before = db.read_bytes()
    code = """
    import json, sys
    from pathlib import Path
    from dqsa.store.service import CenterStore
    with CenterStore.open(Path(sys.argv[1]), backups_root=Path(sys.argv[2])) as store:
        print(json.dumps({
            "read_only": bool(store.read_only),
            "review": store.review(2026),
            "pinned": store.pinned_reviewer(),
            "list": [r.review_state for r in store.year_list().rows],
        }))
    """
    folder.chmod(0o555)
    try:
        out = run_unprivileged(code, str(db), str(tmp_path / "备份"))
    finally:
        folder.chmod(0o755)
    assert out == {"read_only": True, "review": None, "pinned": None, "list": ["pending"]}
    assert db.read_bytes() == before


def test_the_result_is_kept_byte_for_byte(loop: Loop, packets: DeskPackets, tmp_path: Path, capsys) -> None:
    db = packets.center_file("village", tmp_path)
    assert run(capsys, "import-review", str(loop.village), "--db", str(db))[0] == EXIT_OK
    with sqlite3.connect(db) as raw:
        (kept,) = raw.execute("SELECT result_zip FROM review_result").fetchone()
    raw.close()
    assert kept == loop.village.read_bytes()
    with zipfile.ZipFile(loop.village) as archive:
        assert "review.json" in archive.namelist()


def test_migration_0004_makes_the_models_tables(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from dqsa.store.models import Base

    path = tmp_path / "新.dqsa"
    with CenterStore.open(path, create=True, backups_root=tmp_path / "备份"):
        pass
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    assert [d for d in diff if any(t in repr(d) for t in ("review_result", "review_desk"))] == []


def test_the_whole_loop_typed_at_the_command_line(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Center exports → desk receives and reviews → desk returns → center imports and shows it."""
    monkeypatch.setenv("CENTER_PASS", "中心签署口令2026")
    monkeypatch.setenv("DESK_PASS", PASSPHRASE)
    db, desk = tmp_path / "村 中心.dqsa", tmp_path / "街道 台账.dqsd"

    def ok(*args: str) -> str:
        code, out, err = run(capsys, *args)
        assert code == EXIT_OK, err
        return out

    ok("import", str(data_dir / "village-weak.json"), "--db", str(db))
    sign = ["--signer", "张伟", "--title", "书记", "--passphrase-env", "CENTER_PASS"]
    ok(
        "export",
        "--db",
        str(db),
        "--year",
        "2026",
        "--out",
        str(tmp_path / "发出"),
        *sign,
        "--allow-missing-measures",
    )
    (packet,) = (tmp_path / "发出").glob("*.zip")
    ok("desk", "new", str(desk), "--name", DESK)
    ok("desk", "receive", str(desk), str(packet))
    ok(
        "desk", "review", str(desk), "--center", VILLAGE, "--year", "2026", "--state", "有问题",
        "--comment", "面积与照片不符", "--reviewer", "王审核",
        "--score", "A1.site.1=1", "--reason", "只有一处场地",
    )  # fmt: skip
    back = tmp_path / "返回"
    ok(
        "desk", "return", str(desk), "--center", VILLAGE, "--year", "2026", "--out", str(back),
        "--signer", "王审核", "--title", "组织委员", "--passphrase-env", "DESK_PASS",
    )  # fmt: skip
    (result,) = back.glob("*审核结果.zip")
    out = ok("import-review", str(result), "--db", str(db))
    assert "审核结论：有问题" in out and "审核单位：" + DESK in out
    review = json.loads(ok("score", "--db", str(db), "--year", "2026", "--json"))["review"]
    assert review["state"] == "problem" and review["comment"] == "面积与照片不符"
    (item,) = [i for i in review["items"] if i["reviewed"] is not None]
    assert (item["id"], item["reviewed"], item["reason"]) == ("A1.site.1", 1, "只有一处场地")
    assert review["desk"]["name"] == DESK and len(review["desk"]["fingerprint"].split(":")) == 32


def test_an_older_result_imported_later_is_kept_but_not_shown(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    db = packets.center_file("village", tmp_path)
    assert run(capsys, "import-review", str(loop.other_desk), "--db", str(db))[0] == EXIT_OK  # signed last
    code, out, err = run(capsys, "import-review", str(loop.village), "--db", str(db), "--accept-new-reviewer")
    assert code == EXIT_OK, err
    assert "已显示的审核结果比这一份签署得晚" in out
    with CenterStore.open(db, backups_root=tmp_path / "b") as store:
        assert [r.current for r in store.reviews(2026)] == [True, False]
        assert store.review(2026).desk_name == "冒名的审核单位"


def test_a_year_sent_again_after_its_result_awaits_a_new_one(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    from desk_packets import PASSPHRASE as CENTER_PASSPHRASE
    from desk_packets import _home

    from dqsa.export.packet import export_packet

    db = packets.center_file("village", tmp_path)
    assert run(capsys, "import-review", str(loop.village), "--db", str(db))[0] == EXIT_OK
    assert packets.root is not None
    with _home(packets.root / "home"), CenterStore.open(db, backups_root=tmp_path / "b") as store:
        store.reopen(2026, reason="按上级审核意见补充修改（退回补充）")
        store.set_fact(2026, "area_m2", 321)
        export_packet(
            store,
            2026,
            signer_name="张伟",
            signer_title="书记",
            passphrase=CENTER_PASSPHRASE,
            out_dir=tmp_path / "再报",
        )
        row = next(r for r in store.year_list().rows if r.year == 2026)
        assert row.review is not None and row.review.state == "returned"
        assert row.review_state == "pending"  # the packet sent again has no result yet
        assert store.review(2026).outdated and store.review(2026).sent_number == 1


def test_a_center_renamed_since_it_sent_still_takes_its_result(
    loop: Loop, packets: DeskPackets, tmp_path: Path, capsys
) -> None:
    from dataclasses import replace

    db = packets.center_file("village", tmp_path)
    with CenterStore.open(db, backups_root=tmp_path / "b") as store:
        store.set_center(replace(store.center(), name="安吉县递铺街道某村党群服务中心（新名称）"))
    code, out, err = run(capsys, "import-review", str(loop.village), "--db", str(db))
    assert code == EXIT_OK, err  # the name it sent the packet under is the one the result names
    assert "已导入 2026 年度审核结果" in out


@pytest.fixture(scope="module")
def fuzz_store(
    loop: Loop, packets: DeskPackets, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CenterStore]:
    folder = tmp_path_factory.mktemp("fuzz")
    with CenterStore.open(packets.center_file("village", folder), backups_root=folder / "b") as store:
        yield store


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_byte_changed_is_refused_and_nothing_kept(
    loop: Loop, fuzz_store: CenterStore, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    from dqsa.export.review_import import check_review_file

    original = loop.village.read_bytes()
    where = data.draw(st.integers(0, len(original) - 1), label="offset")
    flip = data.draw(st.integers(1, 255), label="xor")
    changed = bytearray(original)
    changed[where] ^= flip
    path = tmp_path_factory.mktemp("flip") / "结果.zip"
    path.write_bytes(bytes(changed))
    prepared = check_review_file(path, fuzz_store)
    assert prepared.refusal and not prepared.importable
    assert prepared.kinds & {"changed", "malformed"}
    assert fuzz_store.review(2026) is None and fuzz_store.pinned_reviewer() is None
