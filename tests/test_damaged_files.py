"""Files changed or damaged outside the program: a stored pack edited inside the file, byte-corrupt
copies of real center and desk files, damaged backups offered to restore.

Whatever the damage, opening and reading gives a :class:`StoreError` with a Chinese message (or
the file opens and reads cleanly): never another exception, never a score made with rules that
are not the ones stored.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from dqsa.answers_file import load_answers_file
from dqsa.domain.criteria import pack_data_digest
from dqsa.store.errors import CorruptFile, StoreError
from dqsa.store.service import CenterStore

VILLAGE = "village-weak.json"


def _center_file(folder: Path, data_dir: Path) -> Path:
    path = folder / "中心 文件.dqsa"
    with CenterStore.open(path, create=True, backups_root=folder / "备份") as store:
        store.import_answers(load_answers_file(data_dir / VILLAGE).model_copy(update={"year": 2025}))
        store.import_answers(load_answers_file(data_dir / VILLAGE).model_copy(update={"year": 2026}))
    return path


def _edit_stored_pack(path: Path, table: str = "criteria_pack") -> None:
    """What the tester did: lower the village's area threshold inside the file, digest untouched."""
    connection = sqlite3.connect(path)
    with connection:
        for row_id, content in connection.execute(f"SELECT id, content FROM {table}").fetchall():
            changed = content.replace('"village": "200"', '"village": "100"')
            assert changed != content, "the threshold to change is not where the test expects it"
            connection.execute(f"UPDATE {table} SET content = ? WHERE id = ?", (changed, row_id))
    connection.close()


# --- a stored pack edited inside the file ---------------------------------------------------------


def test_a_stored_pack_edited_inside_the_center_file_is_refused_when_read(
    tmp_path: Path, data_dir: Path
) -> None:
    path = _center_file(tmp_path, data_dir)
    with CenterStore.open(path, backups_root=tmp_path / "备份") as store:
        honest = store.scorecard(2026).total
    _edit_stored_pack(path)
    with CenterStore.open(path, backups_root=tmp_path / "备份") as store:
        for read in (
            lambda: store.scorecard(2026),
            lambda: store.pack_for(2026),
            lambda: store.answers(2025),
            lambda: store.export_snapshot(2026),
            lambda: store.compare(2025, 2026),
        ):
            with pytest.raises(CorruptFile) as caught:
                read()
            message = str(caught.value)
            assert "评分标准包 huzhou-social-org 1.0.0" in message and "改动" in message
            assert "备份" in message and str(path) in message
        assert store.years() == [2026, 2025]  # the list still shows what the file holds
    assert _score_with_stored_pack(path) > honest  # what the edit would have done, had it been used


def test_a_stored_pack_edited_inside_the_file_is_never_exported(tmp_path: Path, data_dir: Path) -> None:
    from dqsa.export.identity import identity_folder
    from dqsa.export.packet import export_packet

    path = _center_file(tmp_path, data_dir)
    _edit_stored_pack(path)
    out = tmp_path / "导出"
    with CenterStore.open(path, backups_root=tmp_path / "备份") as store, pytest.raises(CorruptFile):
        export_packet(
            store, 2026, signer_name="张三", signer_title="书记", passphrase="口令 12345", out_dir=out
        )
    assert not out.exists() or list(out.iterdir()) == []
    assert not identity_folder("村 党群服务中心").exists()  # no signing identity made for nothing


def test_the_cli_says_the_stored_pack_was_changed(tmp_path: Path, data_dir: Path, capsys) -> None:
    from dqsa.cli import EXIT_FAILED, main

    path = _center_file(tmp_path, data_dir)
    _edit_stored_pack(path)
    assert main(["score", "--db", str(path), "--year", "2026"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "评分标准包" in err and "改动" in err and "Traceback" not in err


def test_a_pack_stored_by_an_earlier_program_still_checks_against_its_recorded_digest(
    tmp_path: Path, data_dir: Path
) -> None:
    """schema-0001.dqsa holds a format-1 pack: the digest is of the data as written, upgraded on reading."""
    path = tmp_path / "去年.dqsa"
    shutil.copy(data_dir / "schema-0001.dqsa", path)
    connection = sqlite3.connect(path)
    content, digest = connection.execute("SELECT content, content_hash FROM criteria_pack").fetchone()
    connection.close()
    assert pack_data_digest(json.loads(content)) == digest
    with CenterStore.open(path, backups_root=tmp_path / "备份") as store:
        assert store.scorecard(2026).total == Decimal(78)


def test_a_stored_pack_edited_inside_the_desk_file_is_refused(tmp_path: Path, data_dir: Path) -> None:
    from dqsa.export.receive import receive_packet
    from dqsa.store.desk.service import DeskStore

    desk_path = tmp_path / "台账.dqsd"
    with DeskStore.create(desk_path, "某街道社会组织综合党委") as desk:
        receive_packet(desk, data_dir / "packet-v1.zip")
        (row,) = desk.list_rows(desk.info().years[0])
        assert desk.review_sheet(row.packet_id)
    _edit_stored_pack(desk_path, "desk_pack" if _has_table(desk_path, "desk_pack") else "criteria_pack")
    with DeskStore.open(desk_path) as desk, pytest.raises(CorruptFile, match="改动"):
        desk.review_sheet(row.packet_id)


def _score_with_stored_pack(path: Path) -> Decimal:
    from dqsa.domain.scoring import score
    from dqsa.packs import pack_from_data

    connection = sqlite3.connect(path)
    (content,) = connection.execute("SELECT content FROM criteria_pack").fetchone()
    connection.close()
    answers = load_answers_file(Path(__file__).parent / "data" / VILLAGE).model_copy(update={"year": 2026})
    return score(pack_from_data(json.loads(content)), answers).total


def _has_table(path: Path, name: str) -> bool:
    connection = sqlite3.connect(path)
    try:
        return (
            connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None
        )
    finally:
        connection.close()


# --- byte-corrupt copies of real files (the tester's 40 random variants, with fixed seeds) -----------------

VARIANTS = range(48)


def _spoiled(raw: bytes, seed: int) -> bytes:
    """``raw`` with 1, 4, 16 or 64 bytes after the header set to random values (the same for a seed)."""
    rng = random.Random(seed)
    data = bytearray(raw)
    for _ in range(rng.choice([1, 4, 16, 64])):
        data[rng.randrange(100, len(data))] = rng.randrange(256)
    return bytes(data)


def _jpeg(colour: tuple[int, int, int]) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def real_center_file(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A center file as a person's would be: two years, photos, notes, a corrected item."""
    from dqsa.store.evidence import prepare_photo

    folder = tmp_path_factory.mktemp("real")
    data_dir = Path(__file__).parent / "data"
    path = folder / "中心.dqsa"
    with CenterStore.open(path, create=True, backups_root=folder / "备份") as store:
        for year in (2025, 2026):
            store.import_answers(load_answers_file(data_dir / VILLAGE).model_copy(update={"year": year}))
        for n in range(3):
            photo = prepare_photo(_jpeg((60 * n, 120, 200)), f"接待区 照片{n}.jpg")
            store.add_evidence(2026, "zone", "reception", photo, f"接待区照片 {n}")
        store.set_item_text(2026, "A1.site.1", "notes", "备注：" + "场地情况说明。" * 30)
        store.set_override(2026, "A1.zones.1", score=3, reason="综合接待与业务办理合并设置")
    return path.read_bytes()


@pytest.fixture(scope="module")
def real_desk_file(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from dqsa.export.receive import receive_packet
    from dqsa.store.desk.service import DeskStore

    folder = tmp_path_factory.mktemp("desk")
    path = folder / "台账.dqsd"
    with DeskStore.create(path, "某街道社会组织综合党委", backups_root=folder / "备份") as desk:
        receive_packet(desk, Path(__file__).parent / "data" / "packet-v1.zip")
        (row,) = desk.list_rows(desk.years()[0])
        desk.set_review_comment(row.packet_id, "材料齐全，" * 20, reviewer="李四")
    return path.read_bytes()


def _read_center(store: CenterStore) -> None:
    """Everything the windows, the command line and an export read."""
    store.year_list()
    store.center()
    for year in store.years():
        store.answers(year)
        store.scorecard(year)
        store.history(year)
        for ref in store.evidence(year):
            store.evidence_thumbnail(ref.evidence_id)
        store.export_snapshot(year)
    store.complete_year_list()
    store.compare(2025, 2026)


def _read_desk(desk) -> None:
    desk.info()
    for year in desk.years():
        for standard in desk.standards(year):
            desk.pack(standard)
        for row in desk.list_rows(year):
            desk.review(row.packet_id)
            desk.review_sheet(row.packet_id)
            desk.manifest(row.packet_id)
            desk.members(row.packet_id)
        desk.submissions(year)
        desk.missing(year)
    desk.centers()
    desk.roster()
    desk.receipts()
    desk.history()


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_no_corrupt_copy_of_a_center_file_gives_a_traceback(tmp_path: Path, real_center_file: bytes) -> None:
    outcomes: dict[str, int] = {"opened": 0, "refused": 0}
    for seed in VARIANTS:
        path = tmp_path / f"c{seed}.dqsa"
        path.write_bytes(_spoiled(real_center_file, seed))
        try:
            with CenterStore.open(path, backups_root=tmp_path / "备份") as store:
                _read_center(store)
            outcomes["opened"] += 1
        except StoreError as exc:
            assert _chinese(str(exc)), (seed, str(exc))
            outcomes["refused"] += 1
        # anything else is a failure of this test, with its traceback and the seed in the log
    assert outcomes["refused"] >= 20 and outcomes["opened"] >= 5, outcomes  # the damage is real, and varied


def test_no_corrupt_copy_of_a_desk_file_gives_a_traceback(tmp_path: Path, real_desk_file: bytes) -> None:
    from dqsa.store.desk.service import DeskStore

    outcomes: dict[str, int] = {"opened": 0, "refused": 0}
    for seed in VARIANTS:
        folder = tmp_path / f"d{seed}"
        folder.mkdir()
        path = folder / "台账.dqsd"
        path.write_bytes(_spoiled(real_desk_file, seed))
        try:
            with DeskStore.open(path, backups_root=tmp_path / "备份") as desk:
                _read_desk(desk)
            outcomes["opened"] += 1
        except StoreError as exc:
            assert _chinese(str(exc)), (seed, str(exc))
            outcomes["refused"] += 1
    assert outcomes["refused"] >= 20 and outcomes["opened"] >= 5, outcomes


def test_restore_takes_only_a_backup_that_reads_whole(tmp_path: Path, real_center_file: bytes) -> None:
    """Each corrupt copy offered as a backup: refused with nothing changed, or restored and read cleanly."""
    good = tmp_path / "中心.dqsa"
    good.write_bytes(real_center_file)
    healthy = tmp_path / "完好的备份.dqsa"
    healthy.write_bytes(real_center_file)
    refused = 0
    with CenterStore.open(good, backups_root=tmp_path / "备份") as store:
        store.set_fact(2026, "area_m2", 321)
        before, backups = store.answers(2026), store.backups()
        for seed in VARIANTS:
            backup = tmp_path / f"备份 {seed}.dqsa"
            backup.write_bytes(_spoiled(real_center_file, seed))
            try:
                store.restore(backup)
            except StoreError as exc:
                refused += 1
                message = str(exc)
                assert _chinese(message) and str(backup) in message, (seed, message)
                assert store.answers(2026) == before and store.backups() == backups, seed
                assert not list(tmp_path.glob("*.restoring*")), seed
                continue
            _read_center(store)  # what restore took must read whole
            store.restore(healthy)
            store.set_fact(2026, "area_m2", 321)
            before, backups = store.answers(2026), store.backups()
    assert refused >= 25, refused


def test_restore_refuses_a_backup_whose_stored_pack_was_edited(tmp_path: Path, data_dir: Path) -> None:
    """The tester's c11: a backup that opens, but every score made from it would be wrong."""
    path = _center_file(tmp_path, data_dir)
    backup = tmp_path / "改过的备份.dqsa"
    shutil.copy(path, backup)
    _edit_stored_pack(backup)
    with CenterStore.open(path, backups_root=tmp_path / "备份") as store:
        backups = store.backups()
        with pytest.raises(CorruptFile) as caught:
            store.restore(backup)
        message = str(caught.value)
        assert "不能用来恢复" in message and "评分标准包" in message and str(backup) in message
        assert store.backups() == backups and not store.closed
        assert store.scorecard(2026).total == store.scorecard(2025).total


def test_restore_refuses_a_backup_with_text_sqlite_cannot_decode(tmp_path: Path, data_dir: Path) -> None:
    """The tester's c5: a center name that is not UTF-8 any more (a raw UnicodeDecodeError before)."""
    path = _center_file(tmp_path, data_dir)
    backup = tmp_path / "坏的备份.dqsa"
    shutil.copy(path, backup)
    connection = sqlite3.connect(backup)
    with connection:
        connection.execute("UPDATE assessment SET center_region = CAST(X'E6B9FFFF' AS TEXT)")
    connection.close()
    with CenterStore.open(path, backups_root=tmp_path / "备份") as store:
        with pytest.raises(CorruptFile, match="不能用来恢复"):
            store.restore(backup)
        assert store.years() == [2026, 2025]
    with (
        pytest.raises(CorruptFile, match="已损坏"),
        CenterStore.open(backup, backups_root=tmp_path / "b") as opened,
    ):
        opened.answers(2026)


def test_a_damaged_photo_is_never_exported(tmp_path: Path, real_center_file: bytes) -> None:
    path = tmp_path / "中心.dqsa"
    path.write_bytes(real_center_file)
    connection = sqlite3.connect(path)
    with connection:
        (blob_id, data) = connection.execute("SELECT id, data FROM evidence LIMIT 1").fetchone()
        spoiled = bytearray(data)
        spoiled[len(spoiled) // 2] ^= 0xFF
        connection.execute("UPDATE evidence SET data = ? WHERE id = ?", (bytes(spoiled), blob_id))
    connection.close()
    with CenterStore.open(path, backups_root=tmp_path / "备份") as store:
        assert store.answers(2026)  # the year still opens
        with pytest.raises(CorruptFile, match=r"证明材料.*已损坏"):
            store.export_snapshot(2026)


def test_the_desk_restore_reads_a_backup_whole_first(tmp_path: Path, real_desk_file: bytes) -> None:
    from dqsa.store.desk.service import DeskStore

    path = tmp_path / "台账.dqsd"
    path.write_bytes(real_desk_file)
    backup = tmp_path / "改过的台账备份.dqsd"
    backup.write_bytes(real_desk_file)
    _edit_stored_pack(backup, "desk_pack" if _has_table(backup, "desk_pack") else "criteria_pack")
    with DeskStore.open(path, backups_root=tmp_path / "备份") as desk:
        backups = desk.backups()
        with pytest.raises(CorruptFile, match="不能用来恢复"):
            desk.restore(backup)
        assert desk.backups() == backups
        _read_desk(desk)
