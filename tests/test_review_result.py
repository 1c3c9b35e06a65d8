"""Issue 16.1 and 16.4: the desk signs a 审核结果 (``dqsa-review/1``), and the reader refuses every
tampered, misaddressed or foreign one with a message that says which."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from desk_packets import DeskPackets, desk_packets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dqsa.cli import EXIT_FAILED, EXIT_OK, main
from dqsa.export import wording
from dqsa.export.review_format import REVIEW_NAME, REVIEW_PDF_NAME, parse_review
from dqsa.export.review_read import describe_review, read_review_result
from dqsa.export.review_return import return_review
from dqsa.store.desk.service import DeskStore

DESK = "某街道社会组织综合党委"
VILLAGE = "安吉县递铺街道某村（社区）党群服务中心"
WENZHOU = "瓯海区某社区瓯江红党群服务中心"
PASSPHRASE = "台账签署口令2026"


@contextmanager
def home(folder: Path) -> Iterator[None]:
    """The desk's signing identity lives in ``folder`` while inside."""
    before = os.environ.get("DQSA_HOME")
    os.environ["DQSA_HOME"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("DQSA_HOME", None)
        else:
            os.environ["DQSA_HOME"] = before


@pytest.fixture(scope="session")
def packets(tmp_path_factory: pytest.TempPathFactory) -> DeskPackets:
    return desk_packets(tmp_path_factory)


def make_desk(folder: Path, packets: DeskPackets, name: str = DESK) -> Path:
    """A desk with the village (scored) and Wenzhou (checklist) packets received and reviewed."""
    from dqsa.export.receive import receive_packet

    path = folder / "台账.dqsd"
    with DeskStore.create(path, name, backups_root=folder / "backups") as desk:
        village = receive_packet(desk, packets.village).packet_id
        wenzhou = receive_packet(desk, packets.wenzhou).packet_id
        assert village and wenzhou
        rows = [r for r in desk.review_sheet(village) if r.applicable]
        desk.update_review(
            village,
            state="returned",
            comment="请补充接待区的照片。\n台账不全。",
            reviewer="王审核",
            items=[
                (rows[0].item_id, "0", "现场查看：没有相关台账"),
                (rows[1].item_id, str(rows[1].score), ""),  # the same as the center's: no reason needed
            ],
        )
        sheet = desk.review_sheet(wenzhou)
        met = next(r for r in sheet if r.applicable and r.score >= r.max_points)
        unmet = next(r for r in sheet if r.applicable and r.score < r.max_points)
        desk.update_review(
            wenzhou,
            state="passed",
            items=[(met.item_id, "不适用", "本社区不设此项"), (unmet.item_id, "符合", "现场已整改")],
        )
    return path


@dataclass(frozen=True)
class Returned:
    desk: Path
    home: Path
    village: Path
    wenzhou: Path
    village_packet: str
    wenzhou_packet: str
    fingerprint: str


@pytest.fixture(scope="module")
def returned(packets: DeskPackets, tmp_path_factory: pytest.TempPathFactory) -> Returned:
    folder = tmp_path_factory.mktemp("returned")
    path = make_desk(folder, packets)
    with home(folder / "home"), DeskStore.open(path, backups_root=folder / "backups") as desk:
        village = desk.counted_packet(VILLAGE, 2026)
        wenzhou = desk.counted_packet(WENZHOU, 2026)
        a = return_review(
            desk,
            village.id,
            signer_name="王审核",
            signer_title="组织委员",
            passphrase=PASSPHRASE,
            out_dir=folder / "out",
        )
        b = return_review(
            desk,
            wenzhou.id,
            signer_name="王审核",
            signer_title="组织委员",
            passphrase=PASSPHRASE,
            out_dir=folder / "out",
        )
    assert a.created_identity and not b.created_identity and a.fingerprint == b.fingerprint
    return Returned(path, folder / "home", a.path, b.path, village.sha256, wenzhou.sha256, a.fingerprint)


def members(path: Path | bytes) -> dict[str, bytes]:
    source = io.BytesIO(path) if isinstance(path, bytes) else path
    with zipfile.ZipFile(source) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def read_village(source: Path | bytes, returned: Returned, **options) -> object:
    return read_review_result(source, center_name=VILLAGE, sent_packets={returned.village_packet}, **options)


# --- 16.1: what the desk writes ---------------------------------------------------------------------------


def test_the_result_is_the_contracts_zip(returned: Returned) -> None:
    assert returned.village.name == f"{VILLAGE}-2026年度审核结果.zip"
    found = members(returned.village)
    assert set(found) == {REVIEW_NAME, REVIEW_PDF_NAME, "manifest.json", "manifest.sig", "certificate.pem"}
    manifest = json.loads(found["manifest.json"])
    assert set(manifest) == {"format", "program", "files", "certificate_fingerprint", "signed_at", "desk"}
    assert manifest["format"] == "dqsa-review/1" and manifest["desk"] == {"name": DESK}
    assert manifest["certificate_fingerprint"] == returned.fingerprint
    assert manifest["files"][REVIEW_NAME]["sha256"] == hashlib.sha256(found[REVIEW_NAME]).hexdigest()
    assert (
        found["manifest.json"]
        == (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    )
    assert b"PRIVATE KEY" not in returned.village.read_bytes()  # the key never travels


def test_review_json_holds_every_item_and_adds_up(returned: Returned, packets: DeskPackets) -> None:
    raw = members(returned.village)[REVIEW_NAME]
    assert raw == (json.dumps(json.loads(raw), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    document = parse_review(raw)  # the reader's own model, totals checked against the items
    with DeskStore.open(returned.desk) as desk:
        packet = desk.counted_packet(VILLAGE, 2026)
        sheet = desk.review_sheet(packet.id)
        row = next(r for r in desk.list_rows(2026) if r.packet_id == packet.id)
    assert [i.id for i in document.items] == [r.item_id for r in sheet]  # every item, in the pack's order
    assert document.state == "returned" and document.comment == "请补充接待区的照片。\n台账不全。"
    assert document.center.name == VILLAGE and document.year == 2026
    assert document.packet.sha256 == hashlib.sha256(packets.village.read_bytes()).hexdigest()
    assert document.packet.fingerprint == packet.fingerprint
    assert document.reviewer.name == "王审核" and document.reviewer.title == "组织委员"
    changed = [i for i in document.items if not i.kept]
    assert len(changed) == 2 and changed[0].reviewed == 0 and changed[0].reason == "现场查看：没有相关台账"
    assert all(i.status is None for i in document.items)
    assert (document.totals.self_score, document.totals.reviewed) == (
        float(row.total),
        float(row.reviewed_total),
    )
    assert document.totals.max == 200


def test_a_checklist_result_says_met_not_met_and_na(returned: Returned) -> None:
    document = parse_review(members(returned.wenzhou)[REVIEW_NAME])
    assert document.pack.kind == "checklist" and document.state == "passed"
    given = {i.id: i for i in document.items if not i.kept}
    statuses = sorted((i.status, i.self_score, i.reviewed) for i in given.values())
    assert statuses == [("met", 0, 1), ("na", 1, None)]
    assert (
        document.totals.reviewed == document.totals.self_score
    )  # one more met, one fewer applicable-and-met


def test_the_pdf_is_signed_with_embedded_fonts_and_says_the_verdict(
    returned: Returned, tmp_path: Path
) -> None:
    pdf = tmp_path / "审核结果.pdf"
    pdf.write_bytes(members(returned.village)[REVIEW_PDF_NAME])
    signature = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False).stdout
    assert "Signature is Valid" in signature and "ETSI.CAdES.detached" in signature
    assert "Total document signed" in signature and "上级审核结果签署" in signature
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # emb
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for words in (
        VILLAGE,
        DESK,
        "退回补充",
        "现场查看：没有相关台账",
        "王审核",
        wording.fingerprint_lines(returned.fingerprint)[0],
    ):
        assert words in text, words


def test_the_desk_file_records_the_identity_and_every_return(returned: Returned) -> None:
    with DeskStore.open(returned.desk) as desk:
        signing = desk.signing()
        packet = desk.counted_packet(VILLAGE, 2026)
        records = desk.returns(packet.id)
        history = [h.what for h in desk.history()]
    assert signing.fingerprint == returned.fingerprint and [c.kind for c in signing.changes] == ["created"]
    assert (
        len(records) == 1 and records[0].sha256 == hashlib.sha256(returned.village.read_bytes()).hexdigest()
    )
    assert (
        records[0].state.value == "returned"
        and records[0].review_json.encode() == members(returned.village)[REVIEW_NAME]
    )
    assert "desk.identity.created" in history and history.count("review.returned") == 2


def test_the_desk_key_is_encrypted_user_only_and_its_own(returned: Returned) -> None:
    from dqsa.export.identity import center_owner, desk_owner, identity_folder

    with home(returned.home), DeskStore.open(returned.desk) as desk:
        signing = desk.signing()
        folder = identity_folder(desk_owner(signing.uid, signing.name))
        assert folder.name.startswith("desk-") and folder != identity_folder(center_owner(DESK))
        key = folder / "key.dqsakey"
        assert b"PRIVATE KEY" not in key.read_bytes()  # sealed (scrypt + AES-GCM), not PEM
        if os.name == "posix":
            assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(folder.stat().st_mode) == 0o700


def copy_desk(returned: Returned, folder: Path) -> tuple[Path, Path]:
    shutil.copytree(returned.desk.parent, folder, ignore=shutil.ignore_patterns("*.lock", "out"))
    return folder / returned.desk.name, folder / "home"


def test_a_renamed_desk_keeps_its_identity(returned: Returned, tmp_path: Path) -> None:
    path, folder = copy_desk(returned, tmp_path / "copy")
    with home(folder), DeskStore.open(path, backups_root=tmp_path / "b") as desk:
        desk.set_name("某县社会组织综合党委")
        result = return_review(
            desk,
            desk.counted_packet(VILLAGE, 2026).id,
            signer_name="李",
            signer_title="书记",
            passphrase=PASSPHRASE,
            out_dir=tmp_path,
        )
    assert result.fingerprint == returned.fingerprint and not result.created_identity
    assert parse_review(members(result.path)[REVIEW_NAME]).desk.name == "某县社会组织综合党委"


def test_a_lost_key_is_never_silently_remade(returned: Returned, tmp_path: Path) -> None:
    from dqsa.export.identity import IdentityMissing

    path, _ = copy_desk(returned, tmp_path / "copy")
    with home(tmp_path / "new-laptop"), DeskStore.open(path, backups_root=tmp_path / "b") as desk:
        packet = desk.counted_packet(VILLAGE, 2026).id
        with pytest.raises(IdentityMissing, match="本台账以前用证书指纹"):
            return_review(
                desk,
                packet,
                signer_name="李",
                signer_title="书记",
                passphrase=PASSPHRASE,
                out_dir=tmp_path / "out",
            )
        assert not (tmp_path / "out").exists() and len(desk.returns(packet)) == 1
        fresh = return_review(
            desk,
            packet,
            signer_name="李",
            signer_title="书记",
            passphrase="新的台账口令123",
            out_dir=tmp_path / "out",
            new_identity=True,
        )
        signing = desk.signing()
    assert fresh.fingerprint != returned.fingerprint and signing.fingerprint == fresh.fingerprint
    assert [(c.kind, c.old_fingerprint) for c in signing.changes] == [
        ("created", None),
        ("replaced", returned.fingerprint),
    ]


def test_another_key_than_the_pinned_one_is_refused(returned: Returned, tmp_path: Path) -> None:
    from dqsa.store.desk.returns import SigningConflict

    path, folder = copy_desk(returned, tmp_path / "copy")
    with home(folder), DeskStore.open(path, backups_root=tmp_path / "b") as desk:
        desk.pin_signing_identity("AB:" * 31 + "AB", replaced=True)  # as if restored from an older desk
        with pytest.raises(SigningConflict, match="不会悄悄改用另一个签署身份"):
            return_review(
                desk,
                desk.counted_packet(VILLAGE, 2026).id,
                signer_name="李",
                signer_title="书记",
                passphrase=PASSPHRASE,
                out_dir=tmp_path / "out",
            )
    assert not (tmp_path / "out").exists()


def test_wrong_passphrase_held_packet_and_bad_signer_write_nothing(
    returned: Returned, packets: DeskPackets, tmp_path: Path
) -> None:
    from dqsa.domain.errors import InvalidInput
    from dqsa.export.identity import WrongPassphrase
    from dqsa.export.receive import receive_packet

    path, folder = copy_desk(returned, tmp_path / "copy")
    out = tmp_path / "out"
    with home(folder), DeskStore.open(path, backups_root=tmp_path / "b") as desk:
        packet = desk.counted_packet(VILLAGE, 2026).id
        with pytest.raises(WrongPassphrase, match="台账签署口令不对"):
            return_review(
                desk, packet, signer_name="李", signer_title="书记", passphrase="不对的口令12345", out_dir=out
            )
        for name, title, field in (
            ("", "书记", "signer_name"),
            ("李\x1b[2K", "书记", "signer_name"),
            ("李", "书" * 61, "signer_title"),
        ):
            with pytest.raises(InvalidInput) as caught:
                return_review(
                    desk, packet, signer_name=name, signer_title=title, passphrase=PASSPHRASE, out_dir=out
                )
            assert caught.value.problems[0].field == field
        held = receive_packet(desk, packets.forged)
        assert held.outcome.value == "held"
        with pytest.raises(InvalidInput, match="暂扣"):
            return_review(
                desk,
                held.packet_id,
                signer_name="李",
                signer_title="书记",
                passphrase=PASSPHRASE,
                out_dir=out,
            )
    assert not out.exists()


def test_a_read_only_desk_is_refused_before_anything_is_made(returned: Returned, tmp_path: Path) -> None:
    from test_store_files import remount_read_only, tmpfs

    from dqsa.export.identity import identities_root
    from dqsa.store.errors import ReadOnlyFile

    with tmpfs(tmp_path / "光盘", "20m") as disk:
        path, _ = copy_desk(returned, disk / "copy")
        remount_read_only(disk)
        with home(tmp_path / "fresh-home"), DeskStore.open(path, backups_root=tmp_path / "b") as desk:
            assert "只读" in (desk.read_only or "")
            with pytest.raises(ReadOnlyFile, match="不能签署审核结果"):
                return_review(
                    desk,
                    desk.counted_packet(VILLAGE, 2026).id,
                    signer_name="李",
                    signer_title="书记",
                    passphrase=PASSPHRASE,
                    out_dir=tmp_path / "out",
                )
            assert not identities_root().exists()  # no identity made for a result that cannot be recorded
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_written_is_said_in_words(returned: Returned, tmp_path: Path) -> None:
    from test_store_files import fill, tmpfs

    from dqsa.store.errors import SaveFailed

    path, folder = copy_desk(returned, tmp_path / "copy")
    with tmpfs(tmp_path / "满盘", "1m") as disk:
        fill(disk)
        with home(folder), DeskStore.open(path, backups_root=tmp_path / "b") as desk:
            packet = desk.counted_packet(VILLAGE, 2026).id
            with pytest.raises(SaveFailed, match="无法把审核结果写到") as caught:
                return_review(
                    desk, packet, signer_name="李", signer_title="书记", passphrase=PASSPHRASE, out_dir=disk
                )
            assert "Errno" not in str(caught.value) and len(desk.returns(packet)) == 1
        assert [p.name for p in disk.iterdir()] == ["填满.bin"]


def test_progress_for_a_window_worker(returned: Returned, tmp_path: Path) -> None:
    path, folder = copy_desk(returned, tmp_path / "copy")
    steps: list[tuple[int, str]] = []
    with home(folder), DeskStore.open(path, backups_root=tmp_path / "b") as desk:
        return_review(
            desk,
            desk.counted_packet(WENZHOU, 2026).id,
            signer_name="李",
            signer_title="书记",
            passphrase=PASSPHRASE,
            out_dir=tmp_path,
            progress=lambda p, t: steps.append((p, t)),
        )
    percents = [p for p, _ in steps]
    assert percents == sorted(percents) and percents[-1] == 100 and all(t for _, t in steps)


def test_dqsa_desk_return_as_a_reviewer_types_it(
    returned: Returned, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, folder = copy_desk(returned, tmp_path / "copy")
    monkeypatch.setenv("DQSA_HOME", str(folder))
    monkeypatch.setenv("DESK_PASS", PASSPHRASE)
    common = [
        "--out",
        str(tmp_path / "结果 文件夹"),
        "--signer",
        "王审核",
        "--title",
        "组织委员",
        "--passphrase-env",
        "DESK_PASS",
    ]
    assert main(["desk", "return", str(path), "--center", VILLAGE, "--year", "2026", *common]) == EXIT_OK
    out = capsys.readouterr().out
    assert "退回补充" in out and wording.fingerprint_text(returned.fingerprint) in out and "台账已记下" in out
    assert (
        main(["desk", "return", str(path), "--center", "没有这个中心", "--year", "2026", *common])
        == EXIT_FAILED
    )
    assert "没有“没有这个中心” 2026 年度已接收的材料包" in capsys.readouterr().err
    assert (
        main(["desk", "return", str(path), "--center", WENZHOU, "--year", "2026", *common, "--json"])
        == EXIT_OK
    )
    data = json.loads(capsys.readouterr().out)
    assert data["state"] == "passed" and data["fingerprint"] == returned.fingerprint
    assert (
        Path(data["path"]).read_bytes()
        and hashlib.sha256(Path(data["path"]).read_bytes()).hexdigest() == data["sha256"]
    )


def test_a_desk_of_schema_0001_is_upgraded_with_an_id_of_its_own(returned: Returned, tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from dqsa.store.files import DESK_FILE

    path, _ = copy_desk(returned, tmp_path / "copy")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(DESK_FILE.migrations))
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    engine.dispose()
    with DeskStore.open(path, backups_root=tmp_path / "b") as desk:
        signing = desk.signing()
        assert len(signing.uid) == 32 and signing.fingerprint is None  # nothing pinned before 0002
        assert desk.counted_packet(VILLAGE, 2026).id and desk.returns() == []
        assert desk.backups()  # the backup before the upgrade


# --- 16.4: the reader ----------------------------------------------------------------------------------------


def test_the_genuine_result_reads(returned: Returned) -> None:
    check = read_village(returned.village, returned)
    assert check.ok, check.problems
    assert check.fingerprint == returned.fingerprint and check.document is not None
    assert check.review_json == members(returned.village)[REVIEW_NAME]
    assert describe_review(check).startswith("审核结果校验通过。审核单位证书指纹：")
    pinned = read_village(
        returned.village, returned, pinned_fingerprint=returned.fingerprint.replace(":", " ").lower()
    )
    assert pinned.ok


def _regions(data: bytes) -> tuple[list[int], list[int]]:
    """Byte positions outside every member's data (headers, directory, end record) and a sample inside."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        spans = []
        for info in archive.infolist():
            start = info.header_offset + 30 + len(info.orig_filename.encode()) + len(info.extra)
            spans.append((start, start + info.compress_size))
    inside = {p for a, b in spans for p in range(a, b)}
    outside = [p for p in range(len(data)) if p not in inside]
    sample = sorted({a + (b - a) * k // 40 for a, b in spans for k in range(40) if b > a})
    return outside, sample


def test_one_byte_changed_anywhere_is_refused_as_changed(returned: Returned) -> None:
    data = returned.village.read_bytes()
    outside, sample = _regions(data)
    assert len(outside) > 300
    for position in outside + sample:
        changed = bytearray(data)
        changed[position] ^= 0x01
        check = read_village(bytes(changed), returned)
        assert not check.ok, position
        assert "changed" in check.kinds, (position, check.problems)
        assert any("改动" in p for p in check.problems), (position, check.problems)


def test_a_result_for_another_center_is_refused_as_such(returned: Returned) -> None:
    check = read_review_result(
        returned.village, center_name=WENZHOU, sent_packets={returned.village_packet, returned.wenzhou_packet}
    )
    assert check.kinds == {"other_center"}
    assert f"是给“{VILLAGE}”的，不是本中心（“{WENZHOU}”）的" in check.problems[0]


def test_a_result_about_a_packet_this_center_did_not_send_is_refused(returned: Returned) -> None:
    check = read_review_result(
        returned.village, center_name=VILLAGE, sent_packets={"0" * 64, returned.wenzhou_packet}
    )
    assert check.kinds == {"other_packet"} and "不是本中心报送过的" in check.problems[0]


def test_a_result_signed_by_another_desk_is_refused_as_such(
    returned: Returned, packets: DeskPackets, tmp_path: Path
) -> None:
    path = make_desk(tmp_path, packets, name=DESK)  # the same name, another desk (another key)
    with home(tmp_path / "home"), DeskStore.open(path, backups_root=tmp_path / "b") as desk:
        other = return_review(
            desk,
            desk.counted_packet(VILLAGE, 2026).id,
            signer_name="王审核",
            signer_title="组织委员",
            passphrase=PASSPHRASE,
            out_dir=tmp_path / "out",
        )
    assert other.fingerprint != returned.fingerprint
    first = read_village(other.path, returned)  # nothing pinned yet: readable, its fingerprint to pin
    assert first.ok and first.fingerprint == other.fingerprint
    check = read_village(other.path, returned, pinned_fingerprint=returned.fingerprint)
    assert not check.ok and check.problems == [] and check.kinds == {"other_desk"}
    assert check.desk_change is not None and check.desk_change.new == other.fingerprint
    text = describe_review(check)
    assert "另一个审核单位证书签署" in text and wording.fingerprint_text(returned.fingerprint) in text
    assert text.splitlines()[0].startswith("审核结果未通过校验。")


# --- results made wrong inside, signed again with the desk's own key (a writer's bug) ---------------------------


def resign(returned: Returned, change) -> bytes:
    """The village result with ``change(members, review, manifest)`` applied and everything signed again."""
    from dqsa.export.identity import desk_owner, load_identity, sign_bytes
    from dqsa.export.signed_zip import digest, file_entries, manifest_bytes, write_zip

    found = members(returned.village)
    review = json.loads(found[REVIEW_NAME])
    manifest = json.loads(found["manifest.json"])
    raw = change(found, review, manifest)
    found[REVIEW_NAME] = (
        raw
        if isinstance(raw, bytes)
        else (json.dumps(review, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    )
    manifest["files"] = file_entries({n: found[n] for n in (REVIEW_NAME, REVIEW_PDF_NAME)})
    found["manifest.json"] = manifest_bytes(manifest)
    with home(returned.home), DeskStore.open(returned.desk) as desk:
        signing = desk.signing()
        identity = load_identity(desk_owner(signing.uid, signing.name), PASSPHRASE)
    found["manifest.sig"] = sign_bytes(identity, found["manifest.json"])
    target = returned.home.parent / f"resigned-{digest(found[REVIEW_NAME])[:8]}.zip"
    write_zip(target, found, store_all=True)
    return target.read_bytes()


def _set(data: dict, path: str, value: object) -> None:
    *parts, last = path.split(".")
    for part in parts:
        data = data[int(part)] if isinstance(data, list) else data[part]
    data[last] = value


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda m, r, f: _set(r, "totals.reviewed", 200), "totals.reviewed"),
        (lambda m, r, f: r["items"].append(dict(r["items"][0])), "出现了两次"),
        (lambda m, r, f: _set(r, "state", "approved"), "字段 state"),
        (lambda m, r, f: _set(r, "comment", "通过\x1b[2K"), "U+001B"),
        (lambda m, r, f: _set(r, "reviewer.name", "王\u202e审核"), "U+202E"),
        (lambda m, r, f: _set(r, "items.0.status", "met"), "计分表的条目"),
        (lambda m, r, f: _set(r, "year", True), "字段 year"),
        (lambda m, r, f: _set(r, "unexpected", 1), "不认识的字段"),
        (lambda m, r, f: m[REVIEW_NAME].replace(b'"state":', b'"state": "passed", "state":', 1), "重复的键"),
        (lambda m, r, f: _set(r, "reviewed_at", "2099-01-01T00:00:00+08:00"), "晚于签署时间"),
        (lambda m, r, f: _set(f, "signed_at", "2099-01-01T00:00:00+08:00"), "在未来"),
        (lambda m, r, f: _set(f, "format", "dqsa-packet/2"), "材料包，不是审核结果"),
        (lambda m, r, f: _set(f, "format", "dqsa-review/2"), "更新版本"),
        (lambda m, r, f: _set(f["desk"], "name", "别的单位"), "desk.name"),
    ],
)
def test_a_misshapen_result_is_refused_naming_the_field(returned: Returned, change, words: str) -> None:
    check = read_village(resign(returned, change), returned)
    assert not check.ok and "malformed" in check.kinds
    assert any(words in p for p in check.problems), check.problems
    assert wording.has_control(describe_review(check), allow_newlines=True) is None


def test_a_pdf_signed_by_another_key_is_refused(
    returned: Returned, packets: DeskPackets, tmp_path: Path
) -> None:
    path = make_desk(tmp_path, packets)
    with home(tmp_path / "home"), DeskStore.open(path, backups_root=tmp_path / "b") as desk:
        other = return_review(
            desk,
            desk.counted_packet(VILLAGE, 2026).id,
            signer_name="王",
            signer_title="委员",
            passphrase=PASSPHRASE,
            out_dir=tmp_path,
        )
    foreign_pdf = members(other.path)[REVIEW_PDF_NAME]
    check = read_village(
        resign(returned, lambda m, r, f: m.__setitem__(REVIEW_PDF_NAME, foreign_pdf)), returned
    )
    assert check.kinds == {"changed"} and "PDF 的签名证书与审核结果中的证书不一致" in check.problems[0]


def test_a_packet_is_not_a_result(returned: Returned, packets: DeskPackets) -> None:
    check = read_village(packets.village, returned)
    assert check.kinds == {"malformed"} and "材料包，不是审核结果" in check.problems[0], check.problems


def test_bytes_before_or_after_a_result_are_refused(returned: Returned) -> None:
    data = returned.village.read_bytes()
    for changed in (b"%PDF-1.7\n" + data, data + b"\0"):
        check = read_village(changed, returned)
        assert check.kinds == {"changed"} and "不是 dqsa 写出的样子" in check.problems[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=10_000), junk=st.binary(max_size=64))
def test_the_reader_never_raises(returned: Returned, cut: int, junk: bytes) -> None:
    data = returned.village.read_bytes()
    for source in (data[:cut] + junk, junk, data[: len(data) - cut]):
        check = read_village(source, returned)
        assert isinstance(check.problems, list)
        if source != data:
            assert not check.ok
