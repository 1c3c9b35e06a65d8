"""The desk file gets what the center file promises: migrations, read-only media, a full disk, restore,
no leftovers; and the packets folder beside it is written before its rows and tidied at open."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from desk_packets import DeskPackets, desk_packets
from test_store_files import fill, leftovers, remount_read_only, run_unprivileged, tmpfs

from dqsa.export.receive import receive_packet
from dqsa.store import durable
from dqsa.store.desk import blobs
from dqsa.store.desk.records import Outcome
from dqsa.store.desk.service import DeskStore
from dqsa.store.errors import CorruptFile, ReadOnlyFile, SaveFailed, StoreClosed, StoreError
from dqsa.store.files import CENTER_FILE, DESK_FILE

NAME = "某街道社会组织综合党委"


@pytest.fixture(scope="session")
def packets(tmp_path_factory: pytest.TempPathFactory) -> DeskPackets:
    return desk_packets(tmp_path_factory)


@pytest.fixture
def backups_root(tmp_path: Path) -> Path:
    return tmp_path / "备份"


@pytest.fixture
def desk_file(tmp_path: Path, backups_root: Path, packets: DeskPackets) -> Path:
    """A closed desk with the village's and the city's 2026 packets."""
    path = tmp_path / "台 账" / "审核台账.dqsd"
    with DeskStore.create(path, NAME, backups_root=backups_root) as desk:
        receive_packet(desk, packets.village)
        receive_packet(desk, packets.city)
    return path


def test_the_desk_kind_is_its_own_and_its_head_is_alembics(tmp_path: Path) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    assert DESK_FILE.application_id != CENTER_FILE.application_id
    assert DESK_FILE.suffix == ".dqsd" and DESK_FILE.migrations != CENTER_FILE.migrations
    config = Config()
    config.set_main_option("script_location", str(DESK_FILE.migrations))
    assert ScriptDirectory.from_config(config).get_current_head() == DESK_FILE.head


def test_the_migration_makes_exactly_the_models_tables(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from dqsa.store.desk.models import DeskBase

    path = tmp_path / "a.dqsd"
    DeskStore.create(path, NAME, backups_root=tmp_path / "b").close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), DeskBase.metadata)
    engine.dispose()
    assert differences == []


def test_a_center_file_is_not_a_desk_and_a_desk_is_not_a_center_file(desk_file: Path, data_dir: Path) -> None:
    from dqsa.store.service import CenterStore

    with pytest.raises(StoreError, match="不是 dqsa 审核台账"):
        DeskStore.open(data_dir / "schema-0001.dqsa")
    with pytest.raises(StoreError, match="不是 dqsa 中心文件"):
        CenterStore.open(desk_file)
    assert leftovers(desk_file.parent) == []


def test_the_pragmas_and_a_clean_close(desk_file: Path, backups_root: Path) -> None:
    with DeskStore.open(desk_file, backups_root=backups_root) as desk:
        with desk._db.raw() as raw:
            assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert (desk_file.parent / (desk_file.name + ".lock")).exists()
    assert leftovers(desk_file.parent) == []


def test_a_second_open_is_refused_while_the_desk_is_open(desk_file: Path, backups_root: Path) -> None:
    with (
        DeskStore.open(desk_file, backups_root=backups_root),
        pytest.raises(StoreError, match="已经在另一个 dqsa 窗口中打开"),
    ):
        DeskStore.open(desk_file, backups_root=backups_root)


def test_backups_and_a_restore_that_fails_closed(desk_file: Path, backups_root: Path, monkeypatch) -> None:
    desk = DeskStore.open(desk_file, backups_root=backups_root)
    assert desk.backups()  # the daily backup at open
    assert all(b.suffix == ".dqsd" for b in desk.backups())
    backup = desk.backup_now("good")
    real_check = durable.check_contents

    def failing(path: Path, *args, **kwargs) -> str:
        if Path(path) == desk_file.resolve():
            raise CorruptFile("模拟：恢复后的文件无法打开", path=path)
        return real_check(path, *args, **kwargs)

    monkeypatch.setattr(durable, "check_contents", failing)
    with pytest.raises(StoreClosed, match="文件已关闭"):
        desk.restore(backup)
    with pytest.raises(StoreClosed):
        desk.list_rows(2026)
    monkeypatch.undo()
    with DeskStore.open(desk_file, backups_root=backups_root) as again:
        assert len(again.list_rows(2026)) == 2
    desk.close()


def test_a_restored_older_backup_keeps_later_packets_unfiled_not_lost(
    desk_file: Path, backups_root: Path, packets: DeskPackets
) -> None:
    with DeskStore.open(desk_file, backups_root=backups_root) as desk:
        before = desk.backup_now("before-wenzhou")
        receipt = receive_packet(desk, packets.wenzhou)
        assert receipt.outcome is Outcome.ACCEPTED
        desk.restore(before)
        assert len(desk.list_rows(2026)) == 2
    with DeskStore.open(desk_file, backups_root=backups_root) as desk:
        unfiled = list((desk.packets_folder / blobs.UNFILED).glob("*.zip"))
        assert [p.name for p in unfiled] == [f"{receipt.sha256}.zip"]
        assert unfiled[0].read_bytes() == packets.wenzhou.read_bytes()
        again = receive_packet(desk, unfiled[0])  # a person can receive it again
        assert again.outcome is Outcome.ACCEPTED


def test_a_half_written_packet_is_removed_at_open(desk_file: Path, backups_root: Path) -> None:
    folder = blobs.packets_folder(desk_file)
    partial = folder / "ab" / f".{'ab' * 32}.123.tmp"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(b"half a packet")
    with DeskStore.open(desk_file, backups_root=backups_root) as desk:
        assert not partial.exists()
        assert len(desk.list_rows(2026)) == 2


def test_the_packet_is_on_disk_before_its_row_and_a_failed_write_adds_nothing(
    desk_file: Path, backups_root: Path, packets: DeskPackets, monkeypatch
) -> None:
    from dqsa.store.desk.receiving import ReceivingMixin

    with DeskStore.open(desk_file, backups_root=backups_root) as desk:
        seen: list[bool] = []
        real = ReceivingMixin._add_rows

        def spy(self, session, incoming):
            seen.append(self._folder.has(incoming.sha256))
            return real(self, session, incoming)

        monkeypatch.setattr(ReceivingMixin, "_add_rows", spy)
        receive_packet(desk, packets.wenzhou)
        assert seen == [True]

        def no_space(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(blobs.os, "fsync", no_space)
        with pytest.raises(SaveFailed, match="磁盘空间已满"):
            receive_packet(desk, packets.township)
        assert desk.info().packets == 3
        assert not any(p.name.endswith(".tmp") for p in desk.packets_folder.rglob("*"))


def test_read_only_media_opens_the_desk_read_only_and_leaves_nothing(
    desk_file: Path, tmp_path: Path, backups_root: Path, packets: DeskPackets
) -> None:
    with tmpfs(tmp_path / "光盘", "20m") as disk:
        copy = disk / desk_file.name
        shutil.copy(desk_file, copy)
        shutil.copytree(blobs.packets_folder(desk_file), blobs.packets_folder(copy))
        remount_read_only(disk)
        with DeskStore.open(copy, backups_root=backups_root) as desk:
            assert "只读" in (desk.read_only or "")
            rows = desk.list_rows(2026)
            assert len(rows) == 2
            assert desk.member_bytes(rows[0].packet_id, "自评报告.pdf").startswith(b"%PDF")
            with pytest.raises(ReadOnlyFile, match="不能接收"):
                receive_packet(desk, packets.wenzhou)
            with pytest.raises(ReadOnlyFile):
                desk.set_review_state(rows[0].packet_id, "通过")
        assert leftovers(disk) == []


def test_a_full_disk_opens_read_only_and_a_new_desk_there_is_refused(
    desk_file: Path, tmp_path: Path, backups_root: Path
) -> None:
    with tmpfs(tmp_path / "满盘", "6m") as disk:
        copy = disk / desk_file.name
        shutil.copy(desk_file, copy)
        fill(disk)
        with DeskStore.open(copy, backups_root=backups_root) as desk:
            assert "磁盘空间已满" in (desk.read_only or "")
        assert leftovers(disk) == []
        with pytest.raises(StoreError, match="无法在这里新建审核台账（磁盘空间已满）"):
            DeskStore.create(disk / "新台账.dqsd", NAME, backups_root=backups_root)
        assert not (disk / "新台账.dqsd").exists()


def test_a_read_only_folder_obeyed_without_roots_bypass(desk_file: Path, backups_root: Path) -> None:
    desk_file.parent.chmod(0o555)
    try:
        out = run_unprivileged(
            """
            import json, sys
            from pathlib import Path
            from dqsa.store.desk.service import DeskStore
            from dqsa.store.errors import ReadOnlyFile
            with DeskStore.open(Path(sys.argv[1]), backups_root=Path(sys.argv[2])) as desk:
                out = {"read_only": desk.read_only, "rows": len(desk.list_rows(2026))}
                try:
                    desk.set_name("改名")
                    out["edit"] = "saved"
                except ReadOnlyFile as exc:
                    out["edit"] = str(exc)
            print(json.dumps(out, ensure_ascii=False))
            """,
            str(desk_file),
            str(backups_root),
        )
    finally:
        desk_file.parent.chmod(0o755)
    assert out["rows"] == 2 and "只读" in out["read_only"] and "没有保存" in out["edit"]
    assert leftovers(desk_file.parent) == []


def test_a_damaged_desk_file_is_refused_untouched(desk_file: Path, backups_root: Path) -> None:
    data = bytearray(desk_file.read_bytes())
    desk_file.write_bytes(bytes(data[: len(data) // 2 + 100]))
    before = desk_file.read_bytes()
    with pytest.raises(StoreError, match=r"审核台账(不完整|已损坏)"):
        DeskStore.open(desk_file, backups_root=backups_root)
    assert desk_file.read_bytes() == before
    assert leftovers(desk_file.parent) == []


def test_export_backup_holds_the_file_and_every_packet(
    desk_file: Path, backups_root: Path, tmp_path: Path
) -> None:
    import zipfile

    with DeskStore.open(desk_file, backups_root=backups_root) as desk:
        target = desk.export_backup(tmp_path / "备份 台账.zip")
        shas = [desk.packet(r.packet_id).sha256 for r in desk.list_rows(2026)]
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert desk_file.name in names
        for sha in shas:
            assert f"{desk_file.name}.packets/{sha[:2]}/{sha}.zip" in names
        copy = tmp_path / "解压"
        archive.extractall(copy)
    connection = sqlite3.connect(copy / desk_file.name)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    with DeskStore.open(copy / desk_file.name, backups_root=backups_root) as restored:
        rows = restored.list_rows(2026)
        assert len(rows) == 2
        assert restored.packet_bytes(rows[0].packet_id)
