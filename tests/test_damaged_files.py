"""Files changed or damaged outside the program: a stored pack edited inside the file, byte-corrupt
copies of real center and desk files, damaged backups offered to restore.

Whatever the damage, opening and reading gives a :class:`StoreError` with a Chinese message (or
the file opens and reads cleanly): never another exception, never a score made with rules that
are not the ones stored.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from dqsa.answers_file import load_answers_file
from dqsa.domain.criteria import pack_data_digest
from dqsa.store.errors import CorruptFile
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
