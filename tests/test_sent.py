"""What was sent stays what was sent (issue 13.2), the atomic restore (14.1) and identity records (14.3/14.6).

The store keeps a frozen snapshot of every signing; a signed year refuses every edit
until it is reopened; a received packet is restored in one transaction; the file
records each change of signing identity.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import shutil
import sqlite3
import zipfile
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from dqsa.answers_file import answers_json, load_answers_file
from dqsa.domain.scoring import scorecard_to_dict
from dqsa.domain.status import AssessmentStatus
from dqsa.export.identity import IdentityMissing, identity_folder
from dqsa.export.packet import ANSWERS_NAME, export_packet
from dqsa.export.restore import finish_import, import_packet, prepare_import
from dqsa.store import restored as restored_module
from dqsa.store import sqlitefile
from dqsa.store.errors import ReadOnlyFile, SaveFailed, SignedYear, StoreError
from dqsa.store.evidence import prepare_photo
from dqsa.store.files import CENTER_FILE
from dqsa.store.service import CenterStore

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "清溪村口令2026"


def photo(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), colour).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@pytest.fixture
def store(tmp_path: Path, data_dir: Path):
    with CenterStore.open(tmp_path / "村 中心.dqsa", create=True, backups_root=tmp_path / "备份") as opened:
        opened.import_answers(load_answers_file(data_dir / "village-weak.json"))
        opened.add_evidence(
            2026, "zone", "reception", prepare_photo(photo((200, 40, 40)), "接待区.jpg"), "全景"
        )
        yield opened


def export(store: CenterStore, folder: Path, **options) -> object:
    return export_packet(
        store,
        2026,
        signer_name="张伟",
        signer_title="村党组织书记",
        passphrase=PASSPHRASE,
        out_dir=folder,
        **options,
    )


def member(packet: Path, name: str) -> bytes:
    with zipfile.ZipFile(packet) as archive:
        return archive.read(name)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the snapshot kept at signing --------------------------------------------------------------------


def test_signing_keeps_the_exact_packet(store: CenterStore, tmp_path: Path) -> None:
    card = store.scorecard(2026)
    result = export(store, tmp_path / "发出")
    sent = store.sent(2026)
    assert sent is not None and sent.known and sent.origin == "export"
    assert sent.sha256 == sha256(result.path) == result.sha256  # the zip as written, byte for byte
    assert sent.size == result.path.stat().st_size == result.size
    assert sent.file_name == result.path.name
    assert sent.manifest_format == "dqsa-packet/2"
    assert sent.fingerprint == result.fingerprint
    assert sent.signer == "张伟（村党组织书记）"
    assert sent.signed_at == result.signed_at and sent.signed_at.utcoffset() is not None  # with its zone
    manifest = json.loads(member(result.path, "manifest.json"))
    assert datetime.fromisoformat(manifest["signed_at"]) == sent.signed_at
    assert store.sent_answers_text(2026).encode("utf-8") == member(result.path, ANSWERS_NAME)
    assert store.sent_scorecard_data(2026) == json.loads(json.dumps(scorecard_to_dict(card)))
    assert store.sent_scorecard(2026) == card
    assert (sent.totals.total, sent.totals.max) == ("98.5", "200")
    summary = store.summary(2026)
    assert summary.status is AssessmentStatus.SIGNED
    assert summary.signed_at == sent.signed_at.replace(tzinfo=None)  # the row: the signer's wall time
    assert store.find_sent(result.sha256.upper()) == sent
    assert store.find_sent("0" * 64) is None


def test_every_edit_of_a_signed_year_is_refused_and_changes_nothing(
    store: CenterStore, tmp_path: Path
) -> None:
    export(store, tmp_path / "发出")
    before = (store.answers(2026), store.evidence(2026), store.summary(2026), len(store.history(2026)))
    (link,) = store.evidence(2026)
    edits = [
        lambda: store.set_fact(2026, "area_m2", 300),
        lambda: store.set_fact(2026, "area_m2", "两百"),  # invalid as well: the signed year speaks first
        lambda: store.set_staff(2026, []),
        lambda: store.set_catalog_entry(2026, "zone", "reception", present=False),
        lambda: store.set_manual_score(2026, "A1.site.1", 1),
        lambda: store.set_checklist_status(2026, "A1.site.1", "met"),
        lambda: store.set_override(2026, "A1.site.1", score=1, reason="试"),
        lambda: store.set_item_text(2026, "A1.site.1", "notes", "一个字"),
        lambda: store.set_profile(2026, assessor="李四"),
        lambda: store.add_evidence(2026, "zone", "reception", prepare_photo(photo((1, 2, 3)), "新.jpg")),
        lambda: store.remove_evidence(2026, link.link_id),
    ]
    for edit in edits:
        with pytest.raises(SignedYear, match="修改（需重新报送）") as refused:
            edit()
        assert "2026 年度" in str(refused.value) and refused.value.path == store.path
    after = (store.answers(2026), store.evidence(2026), store.summary(2026), len(store.history(2026)))
    assert after == before
    assert store.summary(2026).status is AssessmentStatus.SIGNED


def test_typing_a_character_and_deleting_it_changes_nothing(store: CenterStore, tmp_path: Path) -> None:
    """The same value saved again (a field left as it was) is no edit: no error, still signed."""
    export(store, tmp_path / "发出")
    answers = store.answers(2026)
    store.set_fact(2026, "area_m2", answers.facts["area_m2"])
    store.set_item_text(2026, "A1.site.1", "notes", answers.notes.get("A1.site.1", ""))
    assert store.summary(2026).status is AssessmentStatus.SIGNED
    assert store.answers(2026) == answers


def test_reopen_then_edit_keeps_the_snapshot(store: CenterStore, tmp_path: Path) -> None:
    result = export(store, tmp_path / "发出")
    sent = store.sent(2026)
    frozen = store.sent_answers_text(2026)
    store.reopen(2026, reason="补充接待区照片")
    assert store.summary(2026).status is AssessmentStatus.REOPENED
    store.reopen(2026, reason="again")  # already open: nothing more happens
    store.set_fact(2026, "area_m2", 400)
    store.add_evidence(2026, "zone", "reception", prepare_photo(photo((9, 9, 9)), "补.jpg"))
    summary = store.summary(2026)
    assert summary.status is AssessmentStatus.REOPENED and summary.status.label == "已报送后修改"
    assert store.sent(2026) == sent  # what was sent did not move
    assert store.sent_answers_text(2026) == frozen
    assert store.sent_answers_text(2026).encode("utf-8") == member(result.path, ANSWERS_NAME)
    assert store.sent_answers(2026).facts["area_m2"] != Decimal(400)
    assert store.answers(2026).facts["area_m2"] == Decimal(400)
    statuses = [c.new_value for c in store.history(2026) if c.field == "status"]
    assert {"reopened": "补充接待区照片"} in statuses
    listed = store.year_list().rows[0]
    assert listed.status is AssessmentStatus.REOPENED and listed.sent is not None
    assert listed.sent.totals == sent.totals


def test_a_draft_cannot_be_reopened(store: CenterStore) -> None:
    with pytest.raises(StoreError, match="还没有签署报送"):
        store.reopen(2026, reason="x")
    assert store.sent(2026) is None and store.sent_history(2026) == []
    with pytest.raises(StoreError, match="还没有签署报送过"):
        store.sent_answers(2026)


def test_sending_again_adds_a_snapshot_and_keeps_the_earlier(store: CenterStore, tmp_path: Path) -> None:
    first = export(store, tmp_path / "一")
    again = export(store, tmp_path / "二")  # a signed year may be sent again as it is
    history = store.sent_history(2026)
    assert [s.number for s in history] == [1, 2]
    assert [s.sha256 for s in history] == [first.sha256, again.sha256]
    store.reopen(2026, reason="改面积")
    store.set_fact(2026, "area_m2", 260)
    third = export(store, tmp_path / "三")
    history = store.sent_history(2026)
    assert [s.sha256 for s in history] == [first.sha256, again.sha256, third.sha256]
    assert store.summary(2026).status is AssessmentStatus.SIGNED
    assert store.sent_answers(2026, 1).facts["area_m2"] != store.sent_answers(2026).facts["area_m2"]
    assert store.find_sent(first.sha256).number == 1
    assert store.compare(2026, 2026, old_sent=False, new_sent=True).count("unchanged") > 0


def test_an_edit_while_the_packet_is_built_marks_the_year_reopened(
    store: CenterStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The packet holds what was read; the file changed meanwhile: it must not claim to match."""
    from dqsa.export import workbook

    real = workbook.build_workbook

    def edit_meanwhile(content):
        store.set_fact(2026, "area_m2", 333)
        return real(content)

    monkeypatch.setattr(workbook, "build_workbook", edit_meanwhile)
    result = export(store, tmp_path / "发出")
    assert store.summary(2026).status is AssessmentStatus.REOPENED
    assert store.sent(2026).sha256 == result.sha256
    assert store.sent_answers(2026).facts["area_m2"] != Decimal(333)


def test_a_read_only_file_is_refused_before_anything_is_built(store: CenterStore, tmp_path: Path) -> None:
    store._db.file.read_only = (
        "位置只读（测试）"  # what a read-only open sets; the real opens: test_store_files
    )
    out = tmp_path / "发出"
    with pytest.raises(ReadOnlyFile, match="不能签署导出") as refused:
        export(store, out)
    assert "位置只读（测试）" in str(refused.value)
    assert not out.exists()


def test_the_comparison_can_take_what_was_sent(store: CenterStore, tmp_path: Path, data_dir: Path) -> None:
    store.import_answers(load_answers_file(data_dir / "village-weak.json").model_copy(update={"year": 2025}))
    export(store, tmp_path / "发出")
    store.reopen(2026, reason="补")
    store.set_fact(2026, "training.sessions", 6)
    now = store.compare(2025, 2026)
    sent = store.compare(2025, 2026, new_sent=True)
    assert now.new_total > sent.new_total
    assert sent.new_total == store.sent_scorecard(2026).total
    since = store.compare(2026, 2026, old_sent=True)
    assert since.count("improved") >= 1
    with pytest.raises(StoreError, match="还没有签署报送过"):
        store.compare(2025, 2026, old_sent=True)


# --- replacing a signed year's answers -------------------------------------------------------------------


def test_replacing_a_signed_year_needs_reopen_and_keeps_what_was_sent(
    store: CenterStore, tmp_path: Path, data_dir: Path
) -> None:
    result = export(store, tmp_path / "发出")
    other = load_answers_file(data_dir / "village-weak.json").model_copy(update={"assessor": "王五"})
    with pytest.raises(SignedYear):
        store.import_answers(other, replace=True)
    assert store.answers(2026).assessor != "王五"
    store.import_answers(other, replace=True, reopen_reason="用修改后的答卷替换")
    assert store.answers(2026).assessor == "王五"
    assert store.summary(2026).status is AssessmentStatus.REOPENED
    assert store.sent(2026).sha256 == result.sha256
    fields = [(c.field, c.new_value) for c in store.history(2026)]
    assert ("status", {"reopened": "用修改后的答卷替换"}) in fields
    assert any(f == "status" and isinstance(v, dict) and v.get("signed") for f, v in fields)  # kept history


# --- files from before the snapshots ------------------------------------------------------------------------


def make_0002_file(path: Path) -> None:
    """A file as the previous release left it: schema 0002; 2025 signed; 2026 signed, then edited.

    Made from the committed first-schema file with the real migrations up to 0002; the
    previous release's edit of a signed year (status back to draft, signed_at kept) is
    what its record_edit did, written here as that SQL.
    """
    shutil.copy(REPO / "tests" / "data" / "schema-0001.dqsa", path)
    previous = dataclasses.replace(CENTER_FILE, head="0002", known_revisions=("0001", "0002"))
    sqlitefile.upgrade(path, previous)
    with sqlite3.connect(path) as raw:
        raw.execute(
            "UPDATE assessment SET status = 'draft', signed_at = '2026-11-20 09:30:00.000000', "
            "signer = '张伟（书记）', fingerprint = :f WHERE year = 2026",
            {"f": "CD" * 32},
        )
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
    raw.close()


def test_a_0002_file_is_migrated_with_its_signings_marked_unknown(tmp_path: Path) -> None:
    path = tmp_path / "去年 的文件.dqsa"
    make_0002_file(path)
    with CenterStore.open(path, backups_root=tmp_path / "备份") as store:
        assert store.years() == [2026, 2025]
        assert store.answers(2026).facts["area_m2"] == Decimal("230.5")
        assert store.scorecard(2026).total == Decimal(78)
        last, this = store.summary(2025), store.summary(2026)
        assert last.status is AssessmentStatus.SIGNED and last.signer == "张伟（村党组织书记）"
        assert this.status is AssessmentStatus.REOPENED  # it was edited after signing
        (sent,) = store.sent_history(2025)
        assert not sent.known and sent.origin == "before-0003"
        assert (sent.sha256, sent.totals, sent.fingerprint) == (None, None, "ab" * 32)
        with pytest.raises(StoreError, match="以前的版本签署报送"):
            store.sent_answers(2025)
        assert not store.sent(2026).known
        with pytest.raises(SignedYear):
            store.set_fact(2025, "area_m2", 1)
        store.set_fact(2026, "area_m2", 231)  # reopened: editable
        assert any("before-upgrade-0002" in b.name for b in store.backups())
        assert set(store.signed_fingerprints()) == {"ab" * 32, "CD" * 32}
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (CENTER_FILE.head,)
    raw.close()


def test_a_0002_file_that_cannot_be_written_opens_read_only_as_it_is(tmp_path: Path) -> None:
    from test_store_files import run_unprivileged

    folder = tmp_path / "只读"
    folder.mkdir()
    path = folder / "旧 文件.dqsa"
    make_0002_file(path)
    before = path.read_bytes()
    code = """
    import json, sys
    from pathlib import Path
    from dqsa.store.service import CenterStore
    with CenterStore.open(Path(sys.argv[1]), backups_root=Path(sys.argv[2])) as store:
        rows = store.year_list().rows
        print(json.dumps({
            "read_only": store.read_only,
            "status": {s.year: str(s.status) for s in store.assessments()},
            "sent": {r.year: [r.sent.known, r.sent.fingerprint] for r in rows if r.sent},
            "known": [s.known for s in store.sent_history(2025)],
            "fingerprints": list(store.signed_fingerprints()),
        }, ensure_ascii=False))
    """
    folder.chmod(0o555)
    try:
        out = run_unprivileged(code, str(path), str(tmp_path / "备份"))
    finally:
        folder.chmod(0o755)
    assert out["read_only"] and "只读" in out["read_only"]
    assert out["status"] == {"2026": "reopened", "2025": "signed"}
    assert out["sent"] == {"2026": [False, "CD" * 32], "2025": [False, "ab" * 32]}
    assert out["known"] == [False]
    assert path.read_bytes() == before  # not migrated, not touched


def test_the_schema_of_a_migrated_file_is_the_models_schema(tmp_path: Path) -> None:
    """Migration 0003 makes exactly the tables the models declare (nothing missing, nothing extra)."""
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
    tables = {"sent_snapshot", "identity_event"}
    assert [d for d in diff if any(t in repr(d) for t in tables)] == []


# --- restoring a received packet (14.1) ----------------------------------------------------------------------


def test_a_restored_packet_is_signed_with_its_snapshot(store: CenterStore, tmp_path: Path) -> None:
    result = export(store, tmp_path / "发出")
    with CenterStore.open(tmp_path / "新电脑.dqsa", create=True, backups_root=tmp_path / "备份") as new:
        assert import_packet(result.path, new).ok
        sent = new.sent(2026)
        assert sent.origin == "restore" and sent.sha256 == sha256(result.path) and sent.size == result.size
        assert sent.file_name == result.path.name and sent.manifest_format == "dqsa-packet/2"
        assert sent.signed_at == result.signed_at and sent.signed_at.utcoffset() is not None
        assert new.summary(2026).signed_at == result.signed_at.replace(tzinfo=None)
        assert new.sent_answers_text(2026).encode("utf-8") == member(result.path, ANSWERS_NAME)
        assert new.summary(2026).status is AssessmentStatus.SIGNED
        with pytest.raises(SignedYear):
            new.set_fact(2026, "area_m2", 1)
        assert new.find_sent(result.sha256).year == 2026


def test_a_zoned_signing_time_is_kept_whole_in_the_snapshot(store: CenterStore, tmp_path: Path) -> None:
    """A packet signed at 14:05 in +08:00 restores as 14:05 +08:00, whatever zone this computer is in."""
    from dqsa.export import restore

    result = export(store, tmp_path / "发出")
    prepared = prepare_import(result.path)
    zoned = prepared.restored.signed_at.astimezone(timezone(timedelta(hours=-5)))
    prepared.restored = dataclasses.replace(prepared.restored, signed_at=zoned)
    with CenterStore.open(tmp_path / "远方.dqsa", create=True, backups_root=tmp_path / "备份") as new:
        assert restore.finish_import(prepared, new).ok
        assert new.sent(2026).signed_at == zoned and new.sent(2026).signed_at.utcoffset() == timedelta(
            hours=-5
        )
        assert new.summary(2026).signed_at == zoned.replace(tzinfo=None)


def test_a_failure_at_the_last_step_of_a_restore_writes_nothing(
    store: CenterStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = export(store, tmp_path / "发出")
    path = tmp_path / "新.dqsa"

    def full_disk(session) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with CenterStore.open(path, create=True, backups_root=tmp_path / "备份") as new:
        new.import_answers(
            load_answers_file(REPO / "tests" / "data" / "village-weak.json").model_copy(update={"year": 2025})
        )
        monkeypatch.setattr(restored_module, "drop_unlinked_evidence", full_disk)
        with pytest.raises(SaveFailed, match="磁盘空间已满"):  # said in Chinese, not a damaged file
            import_packet(result.path, new)
        assert new.years() == [2025]
        assert new.evidence(2025) == []
        with new._db.raw() as raw:
            assert raw.execute("SELECT count(*) FROM evidence").fetchone() == (0,)
            assert raw.execute("SELECT count(*) FROM sent_snapshot").fetchone() == (0,)
            assert raw.execute("SELECT count(*) FROM criteria_pack").fetchone() == (1,)
        monkeypatch.undo()
        assert import_packet(result.path, new).ok  # the same packet, nothing in the way
        assert new.years() == [2026, 2025] and len(new.evidence(2026)) == 1


def test_a_failure_of_the_identity_record_writes_nothing(
    store: CenterStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The accepted identity is the very last write of the restore: failing there leaves no year."""
    from dqsa.export.identity import create_identity

    result = export(store, tmp_path / "一")  # signed by the first identity
    with CenterStore.open(tmp_path / "收.dqsa", create=True, backups_root=tmp_path / "备份") as new:
        new.import_answers(store.answers(2026).model_copy(update={"year": 2025}))
        new.mark_signed(2025, signer="张伟", fingerprint=result.fingerprint)  # the file knows the first
        create_identity(store.center().name, "另一个口令2026", replace=True)
        store.reopen(2026, reason="换身份后重发")
        other = export_packet(
            store,
            2026,
            signer_name="张伟",
            signer_title="书记",
            passphrase="另一个口令2026",
            out_dir=tmp_path / "二",
        )
        prepared = prepare_import(other.path)

        def broken(session, event) -> None:
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(restored_module, "add_identity_event", broken)
        with pytest.raises(SaveFailed, match="读写磁盘出错"):
            finish_import(prepared, new, accept_new_identity=True)
        assert new.years() == [2025] and new.identity_events() == []
        monkeypatch.undo()
        done = finish_import(prepare_import(other.path), new, accept_new_identity=True)
        assert done.ok
        (event,) = new.identity_events()
        assert (event.kind, event.new_fingerprint, event.old_fingerprint, event.year) == (
            "accepted",
            other.fingerprint,
            result.fingerprint,
            2026,
        )
        assert "确认接受" in event.note and event.at.utcoffset() is not None


# --- identity records (14.3 / 14.6) --------------------------------------------------------------------------


def test_the_first_identity_is_recorded_with_its_date(store: CenterStore, tmp_path: Path) -> None:
    result = export(store, tmp_path / "发出")
    assert result.created_identity
    (event,) = store.identity_events()
    assert (event.kind, event.new_fingerprint, event.old_fingerprint, event.year) == (
        "created",
        result.fingerprint,
        None,
        2026,
    )
    assert event.at.utcoffset() is not None and event.label == "新建签署身份"
    export(store, tmp_path / "再")  # the same identity again: nothing new to record
    assert len(store.identity_events()) == 1


def test_a_missing_key_is_never_silently_replaced(store: CenterStore, tmp_path: Path) -> None:
    first = export(store, tmp_path / "一")
    shutil.rmtree(identity_folder(store.center().name))  # a new laptop: nothing of the identity here
    store.reopen(2026, reason="换电脑后重发")
    with pytest.raises(IdentityMissing) as missing:
        export(store, tmp_path / "二")
    assert first.fingerprint in missing.value.previous
    assert not (tmp_path / "二").exists()
    assert store.summary(2026).status is AssessmentStatus.REOPENED
    second = export(store, tmp_path / "三", new_identity=True)  # chosen, with the warning, in the window
    assert second.fingerprint != first.fingerprint
    events = store.identity_events()
    assert [(e.kind, e.old_fingerprint, e.new_fingerprint) for e in events] == [
        ("created", None, first.fingerprint),
        ("replaced", first.fingerprint, second.fingerprint),  # the file knew the old one
    ]
    assert store.signed_fingerprints() == (first.fingerprint, second.fingerprint)


def test_re_encryption_is_not_an_identity_change() -> None:
    from dqsa.export.identity import IdentityChange
    from dqsa.export.identity_log import identity_record

    at = datetime.now().astimezone()
    assert identity_record(IdentityChange("re-encrypted", "中心", "AA", "AA", at)) is None
    restored = identity_record(IdentityChange("restored", "中心", "AA", "AA", at), file_fingerprints=["AA"])
    assert (restored.kind, restored.old_fingerprint) == ("restored", None)


def test_answers_json_of_the_store_is_the_packets(store: CenterStore) -> None:
    """A signature recorded without a packet freezes the current answers in the same canonical form."""
    store.mark_signed(2026, signer="张伟", fingerprint="AB" * 32)
    sent = store.sent(2026)
    assert sent.origin == "marked" and sent.sha256 is None and sent.known
    assert store.sent_answers_text(2026) == answers_json(store.answers(2026))


def test_two_signings_in_one_second_keep_their_order(store: CenterStore) -> None:
    """Times are kept to the second: the order they were kept in decides (the export page's 'last fingerprint')."""
    at = datetime(2026, 11, 30, 9, 0, 0).astimezone()
    old, new = "AA" * 32, "BB" * 32
    store.mark_signed(2026, signer="张伟", fingerprint=old, at=at)
    store.reopen(2026, reason="补充照片")
    store.mark_signed(2026, signer="张伟", fingerprint=new, at=at)
    assert store.signed_fingerprints() == (old, new)
