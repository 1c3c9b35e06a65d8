"""The center file: round trips, yearly copies, history, evidence, backups, safety."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from dqsa.answers_file import answers_json, load_answers_file
from dqsa.domain.errors import InvalidInput
from dqsa.store import backups, service
from dqsa.store.errors import (
    AssessmentNotFound,
    CorruptFile,
    FileInUse,
    NewerFile,
    NotACenterFile,
    SaveFailed,
    SignedYear,
    StoreError,
)
from dqsa.store.evidence import prepare_photo
from dqsa.store.files import CENTER_FILE
from dqsa.store.service import CenterProfile, CenterStore

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def backups_root(tmp_path: Path) -> Path:
    return tmp_path / "备份"


@pytest.fixture
def file_path(tmp_path: Path) -> Path:
    return tmp_path / "我的 中心" / "村 党群服务中心.dqsa"


@pytest.fixture
def store(file_path: Path, backups_root: Path):
    with CenterStore.open(file_path, create=True, backups_root=backups_root) as opened:
        yield opened


@pytest.fixture
def village(store: CenterStore, data_dir: Path) -> CenterStore:
    """A store holding village-weak.json as 2025."""
    answers = load_answers_file(data_dir / "village-weak.json").model_copy(update={"year": 2025})
    store.import_answers(answers)
    return store


def jpeg(width: int = 800, height: int = 600, colour: tuple = (200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


# --- round trips and scoring --------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["city-full.json", "village-weak.json", "township-half.json", "wenzhou-village.json"]
)
def test_answers_round_trip_file_database_file(file_path, backups_root, data_dir: Path, name: str) -> None:
    original = load_answers_file(data_dir / name)
    with CenterStore.open(file_path, create=True, backups_root=backups_root) as store:
        store.import_answers(original)
    with CenterStore.open(file_path, backups_root=backups_root) as store:
        again = store.answers(original.year)
    assert again == original
    assert json.loads(answers_json(again)) == json.loads((data_dir / name).read_text(encoding="utf-8"))


def test_stored_assessment_scores_like_the_file(village: CenterStore) -> None:
    assert village.scorecard(2025).total == Decimal("98.5")
    (summary,) = village.assessments()
    assert (summary.year, summary.status, summary.pack_id, summary.level) == (
        2025,
        "draft",
        "huzhou-social-org",
        "village",
    )


def test_import_refuses_invalid_answers_and_writes_nothing(store, data_dir: Path) -> None:
    answers = load_answers_file(data_dir / "township-half.json")
    bad = answers.model_copy(update={"facts": {**answers.facts, "area_m2": Decimal(-5)}})
    with pytest.raises(InvalidInput):
        store.import_answers(bad)
    assert store.assessments() == []


def test_import_of_an_existing_year_needs_replace(village: CenterStore, data_dir: Path) -> None:
    answers = load_answers_file(data_dir / "village-weak.json").model_copy(update={"year": 2025})
    with pytest.raises(StoreError, match="已经存在"):
        village.import_answers(answers)
    village.import_answers(answers, replace=True)
    assert village.years() == [2025]


# --- edits -------------------------------------------------------------------------------------


def test_each_edit_is_saved_and_recorded(village: CenterStore, file_path, backups_root) -> None:
    village.set_fact(2025, "area_m2", 180.5)
    village.set_fact(2025, "area_m2", 210)
    village.set_manual_score(2025, "A1.site.1", 5)
    village.set_catalog_entry(2025, "zone", "business", present=True, area_m2=12.5, note="新设")
    village.set_staff(2025, [{"name": "张伟", "full_time": True, "party_member": True}])
    village.set_item_text(2025, "A1.site.3", "notes", "2024 年已补开座谈会")
    village.close()
    with CenterStore.open(file_path, backups_root=backups_root) as reopened:
        answers = reopened.answers(2025)
        assert answers.facts["area_m2"] == 210
        assert answers.manual_scores["A1.site.1"] == 5
        zone = next(z for z in answers.zones if z.id == "business")
        assert (zone.present, zone.area_m2, zone.note) == (True, Decimal("12.5"), "新设")
        assert [p.name for p in answers.staff] == ["张伟"]
        assert answers.notes["A1.site.3"] == "2024 年已补开座谈会"
        changes = [(c.field, c.old_value, c.new_value) for c in reopened.history(2025)]
    assert ("facts.area_m2", 150, 180.5) in changes
    assert ("facts.area_m2", 180.5, 210) in changes
    assert ("manual_scores.A1.site.1", 3, 5) in changes
    assert any(field == "staff" and len(old) == 3 and len(new) == 1 for field, old, new in changes)


def test_an_unchanged_value_records_nothing(village: CenterStore) -> None:
    before = len(village.history(2025))
    village.set_fact(2025, "area_m2", 150)
    assert len(village.history(2025)) == before


def test_history_since_a_time(village: CenterStore) -> None:
    later = datetime.now() + timedelta(seconds=1)
    time.sleep(1.1)
    village.set_fact(2025, "sign.logo", True)
    assert [c.field for c in village.history(2025, since=later)] == ["facts.sign.logo"]


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s: s.set_fact(2025, "area_m2", -1), "facts.area_m2"),
        (lambda s: s.set_fact(2025, "area_m2", 100_001), "facts.area_m2"),
        (lambda s: s.set_fact(2025, "training.sessions", 2.5), "facts.training.sessions"),
        (lambda s: s.set_fact(2025, "survey.respondents", 20), "facts.survey.satisfied"),
        (lambda s: s.set_fact(2025, "no.such", True), "facts.no.such"),
        (lambda s: s.set_manual_score(2025, "A1.site.1", 6.5), "manual_scores.A1.site.1"),
        (lambda s: s.set_manual_score(2025, "A1.site.2", 1), "manual_scores.A1.site.2"),
        (lambda s: s.set_override(2025, "A1.area.2", score=8, reason="  "), "overrides.A1.area.2.reason"),
        (lambda s: s.set_catalog_entry(2025, "zone", "pool", present=True), "zones[0].id"),
        (lambda s: s.set_catalog_entry(2025, "zone", "oath", present=True, area_m2=-3), "zones.0.area_m2"),
        (lambda s: s.set_staff(2025, [{"name": " "}]), "staff.0.name"),
        (lambda s: s.set_profile(2025, level="city"), None),
    ],
)
def test_bad_edits_are_refused_and_nothing_is_written(village: CenterStore, call, field) -> None:
    before = village.answers(2025)
    history = len(village.history(2025))
    if field is None:  # a valid edit, for contrast
        call(village)
        assert village.answers(2025).center.level == "city"
        return
    with pytest.raises(InvalidInput) as raised:
        call(village)
    assert field in [p.field for p in raised.value.problems]
    assert village.answers(2025) == before
    assert len(village.history(2025)) == history


def test_override_and_back(village: CenterStore) -> None:
    village.set_override(2025, "A1.area.2", score=6, reason="另有 60㎡ 独立活动室")
    item = village.scorecard(2025).item("A1.area.2")
    assert (item.score, item.auto_score, item.override_reason) == (6, 0, "另有 60㎡ 独立活动室")
    village.clear_override(2025, "A1.area.2")
    assert village.scorecard(2025).item("A1.area.2").method == "auto"


def test_editing_a_signed_assessment_is_refused_until_it_is_reopened(village: CenterStore) -> None:
    """What was sent stays what was sent (issue 13.2; more in tests/test_sent.py)."""
    village.mark_signed(2025, signer="张伟", fingerprint="f" * 64)
    assert village.assessments()[0].status == "signed"
    with pytest.raises(SignedYear, match="修改（需重新报送）"):
        village.set_fact(2025, "sign.logo", True)
    assert village.assessments()[0].status == "signed"
    village.reopen(2025, reason="补充标识照片")
    village.set_fact(2025, "sign.logo", True)
    summary = village.assessments()[0]
    assert summary.status == "reopened"
    assert ("status", "signed", {"reopened": "补充标识照片"}) in [
        (c.field, c.old_value, c.new_value) for c in village.history(2025)
    ]


def test_unknown_year_is_a_clear_error(store: CenterStore) -> None:
    with pytest.raises(AssessmentNotFound, match="2030"):
        store.answers(2030)


# --- years --------------------------------------------------------------------------------------------


def test_new_year_from_last_years_carries_what_lasts_not_scores(village: CenterStore) -> None:
    village.add_evidence(2025, "zone", "reception", prepare_photo(jpeg(), "接待区.jpg"))
    village.mark_signed(2025, signer="张伟", fingerprint="a" * 64)
    village.create_assessment(2026, from_year=2025)
    last, new = village.answers(2025), village.answers(2026)
    pack = village.pack_for(2026)
    lasting = {f.id for f in pack.facts if f.lasts}
    assert new.facts == {k: v for k, v in last.facts.items() if k in lasting}  # yearly facts are 待更新
    assert set(last.facts) - lasting  # (the village did answer yearly facts last year)
    assert new.staff == last.staff and new.zones == last.zones and new.mechanisms == last.mechanisms
    assert new.manual_scores == {} and new.overrides == {} and new.corrective_actions == {}
    assert [e.original_name for e in village.evidence(2026)] == ["接待区.jpg"]
    summary = next(a for a in village.assessments() if a.year == 2026)
    assert (summary.status, summary.signed_at, summary.fingerprint) == ("draft", None, None)


def test_new_year_needs_a_center_and_a_free_year(store: CenterStore, village_profile=None) -> None:
    with pytest.raises(StoreError, match="中心概况"):
        store.create_assessment(2026)
    store.set_center(CenterProfile("某村党群服务中心", "village", "huzhou-social-org"))
    store.create_assessment(2026)
    with pytest.raises(StoreError, match="已经存在"):
        store.create_assessment(2026)
    assert store.scorecard(2026).total == 0


def test_center_profile_is_validated(store: CenterStore) -> None:
    with pytest.raises(InvalidInput):
        store.set_center(CenterProfile("某中心", "new_sector", "huzhou-social-org"))
    with pytest.raises(InvalidInput):
        store.set_center(CenterProfile("某中心", "village", "no-such-pack"))
    store.set_center(CenterProfile("某中心", "new_sector", "wenzhou-oujianghong"))
    assert store.center().level == "new_sector"


def test_delete_takes_a_backup_that_still_has_the_year(village: CenterStore) -> None:
    backup = village.delete_assessment(2025)
    assert village.years() == []
    with CenterStore.open(backup, backups_root=backup.parent / "x", lock=False) as old:
        assert old.years() == [2025]
        assert old.scorecard(2025).total == Decimal("98.5")


def test_an_old_assessment_keeps_its_own_pack(village: CenterStore, monkeypatch) -> None:
    """A later program with a changed pack still shows last year's result as it was."""
    from dqsa import packs

    current = packs.bundled_packs()["huzhou-social-org"]
    changed = current.model_copy(deep=True, update={"version": "2.0.0"})
    # the county lowers the village area minimum in the new version
    text = current.model_dump_json(by_alias=True).replace('"village":"200"', '"village":"100"')
    changed = packs.pack_from_data(__import__("json").loads(text) | {"version": "2.0.0"})
    monkeypatch.setattr(packs, "bundled_packs", lambda: {"huzhou-social-org": changed})
    assert village.scorecard(2025).total == Decimal("98.5")
    assert village.pack_for(2025).version == "1.0.0"
    village.create_assessment(2026, from_year=2025)
    assert village.pack_for(2026).version == "2.0.0"
    assert village.scorecard(2026).item("A1.area.2").score == 10  # 150 ≥ 100 under the new pack


def test_export_snapshot_is_one_consistent_read_of_the_year(village: CenterStore) -> None:
    village.add_evidence(2025, "zone", "reception", prepare_photo(jpeg(), "接待区.jpg"), "接待区")
    village.create_assessment(2026, from_year=2025)
    snapshot = village.export_snapshot(2026)
    assert snapshot.answers == village.answers(2026)
    assert snapshot.scorecard == village.scorecard(2026)
    assert snapshot.pack == village.pack_for(2026)
    assert [(c.ref, c.data) for c in snapshot.evidence] == [
        (ref, village.evidence_data(ref.evidence_id)) for ref in village.evidence(2026)
    ]
    assert snapshot.comparison == village.compare(2025, 2026)
    assert village.export_snapshot(2025).comparison is None  # no earlier year
    # an edit after the snapshot does not change what it holds
    village.set_fact(2026, "area_m2", Decimal(999))
    assert snapshot.answers.facts["area_m2"] != Decimal(999)


# --- evidence ----------------------------------------------------------------------------------------------


def test_evidence_is_stored_once_and_listed_without_bytes(village: CenterStore) -> None:
    photo = prepare_photo(jpeg(3200, 2400), "现场 照片（1）.jpg")
    first = village.add_evidence(2025, "zone", "reception", photo, "接待区")
    second = village.add_evidence(2025, "item", "A1.sign.1", photo)
    assert first.evidence_id == second.evidence_id
    assert (first.width, first.height) == (1600, 1200)
    assert village.evidence_data(first.evidence_id) == photo.data
    assert village.evidence_thumbnail(first.evidence_id) == photo.thumbnail
    assert [e.target_id for e in village.evidence(2025, "zone")] == ["reception"]
    village.remove_evidence(2025, first.link_id)
    assert village.evidence_data(first.evidence_id) == photo.data  # still linked from A1.sign.1
    village.remove_evidence(2025, second.link_id)
    assert village.evidence_data(first.evidence_id) is None  # no link left: bytes dropped
    fields = [c.field for c in village.history(2025)]
    assert fields.count("evidence.zone.reception") == 2


def test_evidence_for_an_unknown_target_is_refused(village: CenterStore) -> None:
    with pytest.raises(InvalidInput):
        village.add_evidence(2025, "zone", "swimming_pool", prepare_photo(jpeg(), "x.jpg"))


def test_a_file_that_is_not_a_picture_is_refused(village: CenterStore, tmp_path: Path) -> None:
    from dqsa.store.evidence import EvidenceError

    fake = tmp_path / "假 照片.jpg"
    fake.write_bytes(os.urandom(5000))
    with pytest.raises(EvidenceError, match=r"假 照片\.jpg"):
        village.add_evidence_file(2025, "zone", "reception", fake)
    assert village.evidence(2025) == []


# --- opening files: corrupt, foreign, newer, locked -------------------------------------------------------


def _foreign_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE 账目(金额)")
    connection.commit()
    connection.close()


def _open(path: Path, root: Path) -> CenterStore:
    return CenterStore.open(path, backups_root=root)


def test_a_new_file_is_created_and_reopened(file_path, backups_root) -> None:
    with CenterStore.open(file_path, create=True, backups_root=backups_root) as store:
        assert store.assessments() == [] and store.center() is None
    with sqlite3.connect(file_path) as raw:
        assert raw.execute("PRAGMA application_id").fetchone()[0] == CENTER_FILE.application_id
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with _open(file_path, backups_root) as store:
        assert store.assessments() == []


def test_a_missing_file_is_not_created_unless_asked(tmp_path, backups_root) -> None:
    with pytest.raises(StoreError, match="找不到"):
        _open(tmp_path / "没有.dqsa", backups_root)
    assert not (tmp_path / "没有.dqsa").exists()


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda p: p.write_bytes(b""), NotACenterFile, "空文件"),
        (lambda p: p.write_bytes(os.urandom(8192)), NotACenterFile, "不是 dqsa 中心文件"),
        (lambda p: p.write_text("名称,面积\n某中心,200\n", encoding="utf-8"), NotACenterFile, "不是"),
        (lambda p: _foreign_database(p), NotACenterFile, "其他程序"),
    ],
)
def test_files_that_are_not_center_files_are_refused_untouched(
    tmp_path, backups_root, make, error, words
) -> None:
    path = tmp_path / "可疑 文件.dqsa"
    make(path)
    before = path.read_bytes()
    with pytest.raises(error, match=words):
        _open(path, backups_root)
    assert path.read_bytes() == before
    assert not (tmp_path / "可疑 文件.dqsa.lock").exists()


def test_a_truncated_file_is_refused_and_the_newest_backup_offered(village, file_path, backups_root) -> None:
    village.backup_now("test")
    village.close()
    data = file_path.read_bytes()
    file_path.write_bytes(data[: len(data) // 2 + 100])
    before = file_path.read_bytes()
    with pytest.raises(CorruptFile) as raised:
        _open(file_path, backups_root)
    assert raised.value.newest_backup is not None and raised.value.newest_backup.exists()
    assert "备份" in str(raised.value)
    assert file_path.read_bytes() == before
    with CenterStore.open(raised.value.newest_backup, backups_root=backups_root / "r", lock=False) as backup:
        assert backup.years() == [2025]


def test_a_damaged_page_fails_the_integrity_check(village, file_path, backups_root) -> None:
    village.close()
    data = bytearray(file_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):  # scribble over every page but the header page
        start = page * page_size
        data[start : start + 64] = os.urandom(64)
    file_path.write_bytes(bytes(data))
    with pytest.raises(CorruptFile):
        _open(file_path, backups_root)


def test_a_file_from_a_newer_program_is_refused_untouched(village, file_path, backups_root) -> None:
    village.close()
    with sqlite3.connect(file_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num='9999'")
    before = file_path.read_bytes()
    with pytest.raises(NewerFile, match="更新版本"):
        _open(file_path, backups_root)
    assert file_path.read_bytes() == before


def test_a_second_copy_in_another_process_is_refused(file_path, backups_root) -> None:
    CenterStore.open(file_path, create=True, backups_root=backups_root).close()
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(file_path), str(backups_root)],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "open"
            with pytest.raises(FileInUse) as raised:
                _open(file_path, backups_root)
            assert str(holder.pid) in str(raised.value)
            assert "另一个" in str(raised.value)
        finally:
            holder.kill()
    # the holder died without cleaning up: its lock is stale and is taken over
    assert (file_path.parent / (file_path.name + ".lock")).exists()
    with _open(file_path, backups_root) as store:
        assert store.assessments() == []


def test_a_second_copy_in_the_same_process_is_refused(store, file_path, backups_root) -> None:
    with pytest.raises(FileInUse):
        _open(file_path, backups_root)


HOLD_OPEN = """
import sys, time
from pathlib import Path
from dqsa.store.service import CenterStore
store = CenterStore.open(Path(sys.argv[1]), backups_root=Path(sys.argv[2]))
print("open", flush=True)
time.sleep(60)
"""


# --- saving failures -------------------------------------------------------------------------------------------


def test_a_full_disk_is_a_clear_error_and_nothing_saved_is_lost(village: CenterStore) -> None:
    with village._db.raw() as raw:  # SQLite's own "disk full": no more pages may be added
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
    big = prepare_photo(jpeg(1600, 1200, (10, 200, 90)), "大照片.jpg")

    from sqlalchemy import event

    def limit(dbapi_connection, record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

    village._db.engine.dispose()
    event.listen(village._db.engine, "connect", limit)
    with pytest.raises(SaveFailed) as raised:
        village.add_evidence(2025, "zone", "reception", big)
    assert "磁盘空间" in str(raised.value)
    assert "evidence" in raised.value.pending
    event.remove(village._db.engine, "connect", limit)
    village._db.engine.dispose()
    assert village.scorecard(2025).total == Decimal("98.5")
    assert village.evidence(2025) == []
    village.set_fact(2025, "sign.logo", True)  # space again: saving works
    assert village.answers(2025).facts["sign.logo"] is True


def test_a_read_only_file_is_a_clear_error(village: CenterStore) -> None:
    from sqlalchemy import event

    def read_only(dbapi_connection, record) -> None:  # as root, chmod does not stop writes
        dbapi_connection.execute("PRAGMA query_only=ON")

    village._db.engine.dispose()
    event.listen(village._db.engine, "connect", read_only)
    with pytest.raises(SaveFailed, match="只读"):
        village.set_fact(2025, "area_m2", 300)
    event.remove(village._db.engine, "connect", read_only)
    village._db.engine.dispose()
    assert village.answers(2025).facts["area_m2"] == 150


# --- backups --------------------------------------------------------------------------------------------------------


def test_automatic_backup_on_open_at_most_daily(village, file_path, backups_root) -> None:
    folder = backups.backup_folder(backups_root, file_path)
    assert backups.list_backups(folder) == []  # a new file has nothing to back up
    village.close()
    _open(file_path, backups_root).close()
    assert len(backups.list_backups(folder)) == 1
    _open(file_path, backups_root).close()
    assert len(backups.list_backups(folder)) == 1  # same day: no second copy
    old = backups.list_backups(folder)[0]
    a_day_ago = time.time() - 86_500
    os.utime(old, (a_day_ago, a_day_ago))
    _open(file_path, backups_root).close()
    assert len(backups.list_backups(folder)) == 2


def test_backups_are_consistent_and_only_the_newest_kept(village, file_path, backups_root) -> None:
    made = [village.backup_now(f"n{i}") for i in range(13)]
    kept = village.backups()
    assert len(kept) == 10
    assert set(kept) == set(made[-10:])
    for backup in kept[:2]:
        with sqlite3.connect(backup) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert raw.execute("SELECT year FROM assessment").fetchall() == [(2025,)]


# --- migrations ----------------------------------------------------------------------------------------------------


def test_schema_head_matches_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(CENTER_FILE.migrations))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == CENTER_FILE.head
    assert {s.revision for s in scripts.walk_revisions()} == set(CENTER_FILE.known_revisions)


def test_the_first_released_schema_opens_with_every_value(tmp_path, backups_root) -> None:
    path = tmp_path / "去年的 文件.dqsa"
    shutil.copy(REPO / "tests" / "data" / "schema-0001.dqsa", path)
    with _open(path, backups_root) as store:
        assert store.years() == [2026, 2025]
        last = store.answers(2025)
        assert last == load_answers_file(REPO / "tests" / "data" / "village-weak.json").model_copy(
            update={"year": 2025}
        )
        this = store.answers(2026)
        assert this.facts["area_m2"] == Decimal("230.5")
        assert this.manual_scores == {"A1.site.1": Decimal("5.5")}
        assert this.overrides["A1.zones.1"].reason == "综合接待与业务办理合并设置"
        assert this.corrective_actions == {"A1.sign.2": "年底前安装夜光 LOGO"}
        (photo,) = store.evidence(2026)
        assert (photo.original_name, photo.caption, photo.target_id) == (
            "接待区 照片.jpg",
            "接待区全景",
            "reception",
        )
        assert Image.open(io.BytesIO(store.evidence_data(photo.evidence_id))).size == (640, 480)
        signed = next(a for a in store.assessments() if a.year == 2025)
        assert (signed.status, signed.signer) == ("signed", "张伟（村党组织书记）")
        assert store.scorecard(2026).total == Decimal(78)


def test_an_older_schema_is_backed_up_then_migrated(tmp_path, backups_root, monkeypatch) -> None:
    """A future revision (made here) runs on last year's file, after a backup copy."""
    head = CENTER_FILE.head
    future = f"{int(head) + 1:04d}"
    scripts = tmp_path / "migrations"
    shutil.copytree(CENTER_FILE.migrations, scripts)
    (scripts / "versions" / f"{future}_test_add_column.py").write_text(
        '"""test revision"""\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f'revision = "{future}"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n\n\n'
        "def upgrade():\n"
        '    with op.batch_alter_table("assessment") as batch:\n'
        '        batch.add_column(sa.Column("remark", sa.String(50), nullable=False, server_default="迁移"))\n\n\n'
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    kind = dataclasses.replace(
        CENTER_FILE, migrations=scripts, head=future, known_revisions=(*CENTER_FILE.known_revisions, future)
    )
    monkeypatch.setattr(service, "CENTER_FILE", kind)
    path = tmp_path / "旧 文件.dqsa"
    shutil.copy(REPO / "tests" / "data" / "schema-0001.dqsa", path)
    with _open(path, backups_root) as store:
        assert store.scorecard(2025).total == Decimal("98.5")
        (backup,) = [b for b in store.backups() if "before-upgrade-0001" in b.name]
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (future,)
        assert raw.execute("SELECT DISTINCT remark FROM assessment").fetchall() == [("迁移",)]
    with sqlite3.connect(backup) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


# --- durability --------------------------------------------------------------------------------------------------


WRITER = """
import sys
from pathlib import Path
from dqsa.store.service import CenterStore, CenterProfile
store = CenterStore.open(Path(sys.argv[1]), backups_root=Path(sys.argv[2]))
start = int(sys.argv[3])
for n in range(start, start + 100000):
    store.set_fact(2026, "training.sessions", n % 1000)
    store.set_fact(2026, "research.topics", n % 1000)
    print(n, flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.slow
def test_killed_writer_loses_no_committed_answer(file_path, backups_root) -> None:
    import random
    import signal

    with CenterStore.open(file_path, create=True, backups_root=backups_root) as store:
        store.set_center(CenterProfile("断电测试中心", "village", "huzhou-social-org"))
        store.create_assessment(2026)
    rng = random.Random(20261124)
    start = 0
    for _ in range(6):
        committed = []
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(file_path), str(backups_root), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as writer:
            deadline = time.monotonic() + rng.uniform(0.8, 2.0)
            while time.monotonic() < deadline:
                line = writer.stdout.readline()
                if not line:
                    break
                committed.append(int(line))
            writer.send_signal(signal.SIGKILL)
            errors = writer.stderr.read()
        assert committed, f"the writer committed nothing before it was killed: {errors}"
        with _open(file_path, backups_root) as store:  # the dead writer's lock is stale
            facts = store.answers(2026).facts
            with store._db.raw() as raw:
                assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        last = committed[-1]
        # everything reported committed is there (a commit may land before its line is printed)
        assert facts["training.sessions"] in {last % 1000, (last + 1) % 1000}
        assert facts["research.topics"] in {last % 1000, (last + 1) % 1000}
        start = last + 2


def test_restore_a_backup_keeps_a_safety_copy(village, file_path, backups_root) -> None:
    backup = village.backup_now("before-changes")
    village.set_fact(2025, "area_m2", 300)
    safety = village.restore(backup)
    village.close()
    with _open(file_path, backups_root) as store:
        assert store.answers(2025).facts["area_m2"] == 150
    with CenterStore.open(safety, backups_root=backups_root / "s", lock=False) as previous:
        assert previous.answers(2025).facts["area_m2"] == 300


def test_restore_refuses_a_file_that_is_not_a_backup(village, file_path, backups_root, tmp_path) -> None:
    junk = tmp_path / "不是备份.dqsa"
    junk.write_bytes(os.urandom(4096))
    with pytest.raises(NotACenterFile):
        village.restore(junk)
    village.close()
    with _open(file_path, backups_root) as store:
        assert store.years() == [2025]


def test_an_edit_that_changes_nothing_writes_nothing(village: CenterStore) -> None:
    from sqlalchemy import func, select

    from dqsa.store import models as m

    def rows() -> tuple[int, int]:
        return village._read(
            lambda s: (
                s.scalar(select(func.count()).select_from(m.ItemAnswer)),
                s.scalar(select(func.count()).select_from(m.Change)),
            )
        )

    before = rows()
    village.clear_override(2025, "A1.sign.1")  # never overridden
    village.set_manual_score(2025, "A1.sign.1", None)
    assert rows() == before


def test_the_open_store_restores_a_backup_and_stays_usable(village, tmp_path) -> None:
    backup = village.backup_now("before-changes")
    village.set_fact(2025, "area_m2", 300)
    safety = village.restore(backup)
    assert village.answers(2025).facts["area_m2"] == 150
    assert safety.is_file()
    junk = tmp_path / "不是备份.dqsa"
    junk.write_bytes(os.urandom(4096))
    with pytest.raises(NotACenterFile):
        village.restore(junk)
    village.set_fact(2025, "area_m2", 160)  # reopened after the refusal
    assert village.answers(2025).facts["area_m2"] == 160
