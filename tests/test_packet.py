"""The signed packet: export → verify → restore; tampering of every kind is caught."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from dqsa.answers_file import load_answers_file
from dqsa.cli import EXIT_FAILED, EXIT_OK, main
from dqsa.export import verify as verify_module
from dqsa.export.identity import (
    IdentityError,
    WrongPassphrase,
    create_identity,
    load_identity,
    sign_bytes,
)
from dqsa.export.packet import CERTIFICATE_NAME, MANIFEST_NAME, REPORT_NAME, SIGNATURE_NAME, export_packet
from dqsa.export.restore import import_packet
from dqsa.export.verify import verify_packet
from dqsa.store.evidence import prepare_photo
from dqsa.store.service import CenterStore

PASSPHRASE = "清溪村口令2026"


def photo(colour: tuple[int, int, int], size=(1600, 1200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


@pytest.fixture
def store(tmp_path: Path, data_dir: Path):
    with CenterStore.open(tmp_path / "村 中心.dqsa", create=True) as opened:
        opened.import_answers(load_answers_file(data_dir / "village-weak.json"))
        opened.add_evidence(
            2026, "zone", "reception", prepare_photo(photo((200, 40, 40)), "接待区.jpg"), "接待区全景"
        )
        opened.add_evidence(2026, "item", "A1.sign.1", prepare_photo(photo((30, 90, 200)), "旗杆 照片.jpg"))
        yield opened


@pytest.fixture
def packet(store: CenterStore, tmp_path: Path) -> Path:
    result = export_packet(
        store,
        2026,
        signer_name="张伟",
        signer_title="村党组织书记",
        passphrase=PASSPHRASE,
        out_dir=tmp_path / "发出",
    )
    assert result.created_identity
    return result.path


def rewrite(packet: Path, target: Path, change) -> Path:
    """Copy a packet, letting ``change(members)`` alter its members."""
    with zipfile.ZipFile(packet) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    change(members)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


# --- the round trip ---------------------------------------------------------------------------


def test_export_verify_and_restore(store: CenterStore, packet: Path, tmp_path: Path) -> None:
    assert packet.name == "安吉县递铺街道某村（社区）党群服务中心-2026年度自评材料.zip"
    with zipfile.ZipFile(packet) as archive:
        names = set(archive.namelist())
        assert all(info.flag_bits & 0x800 for info in archive.infolist() if not info.filename.isascii())
    assert {REPORT_NAME, "自评表.xlsx", "answers.json", "criteria-pack.json", MANIFEST_NAME} <= names
    assert {SIGNATURE_NAME, CERTIFICATE_NAME, "evidence/01-旗杆 照片.jpg", "evidence/02-接待区.jpg"} <= names
    verification = verify_packet(packet)
    assert verification.ok, verification.problems
    assert verification.summary["center"] == "安吉县递铺街道某村（社区）党群服务中心"
    assert verification.summary["total"] == "98.5/200"
    summary = store.assessments()[0]
    assert (summary.status, summary.fingerprint) == ("signed", verification.summary["fingerprint"])

    with CenterStore.open(tmp_path / "新电脑" / "恢复.dqsa", create=True) as restored:
        assert import_packet(packet, restored).ok
        assert restored.scorecard(2026) == store.scorecard(2026)
        assert restored.answers(2026) == store.answers(2026)
        before = {(e.original_name, e.caption, e.target_id): e.evidence_id for e in store.evidence(2026)}
        after = {(e.original_name, e.caption, e.target_id): e.evidence_id for e in restored.evidence(2026)}
        assert set(before) == set(after)
        for key, evidence_id in before.items():
            assert restored.evidence_data(after[key]) == store.evidence_data(evidence_id)
        assert restored.assessments()[0].status == "signed"


def test_second_export_uses_the_same_identity(store: CenterStore, packet: Path, tmp_path: Path) -> None:
    again = export_packet(
        store, 2026, signer_name="张伟", signer_title="书记", passphrase=PASSPHRASE, out_dir=tmp_path / "二"
    )
    assert not again.created_identity
    assert again.fingerprint == verify_packet(packet).summary["fingerprint"]


def test_wrong_passphrase_and_a_new_identity(store: CenterStore, packet: Path, tmp_path: Path) -> None:
    name = store.answers(2026).center.name
    with pytest.raises(WrongPassphrase, match="口令不对"):
        export_packet(
            store, 2026, signer_name="张伟", signer_title="书记", passphrase="不对的口令", out_dir=tmp_path
        )
    with pytest.raises(IdentityError, match="至少"):
        create_identity(name, "12345", replace=True)
    fresh = create_identity(name, "新的口令12345", replace=True)
    assert fresh.fingerprint != verify_packet(packet).summary["fingerprint"]
    assert load_identity(name, "新的口令12345").fingerprint == fresh.fingerprint
    result = export_packet(
        store,
        2026,
        signer_name="张伟",
        signer_title="书记",
        passphrase="新的口令12345",
        out_dir=tmp_path / "新",
    )
    assert result.fingerprint == fresh.fingerprint and verify_packet(result.path).ok


def test_export_needs_a_signer(store: CenterStore, tmp_path: Path) -> None:
    from dqsa.domain.errors import InvalidInput

    with pytest.raises(InvalidInput):
        export_packet(store, 2026, signer_name=" ", signer_title="", passphrase=PASSPHRASE, out_dir=tmp_path)


# --- tampering ----------------------------------------------------------------------------------


def test_every_member_changed_by_one_byte_is_named(packet: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(packet) as archive:
        names = archive.namelist()
    for index, name in enumerate(names):
        changed = rewrite(packet, tmp_path / f"t{index}.zip", lambda m, n=name: m.__setitem__(n, flip(m[n])))
        verification = verify_packet(changed)
        assert not verification.ok, name
        assert any(name in problem for problem in verification.problems), (name, verification.problems)


def test_a_swapped_certificate_with_a_resigned_manifest_fails(packet: Path, tmp_path: Path) -> None:
    other = create_identity("冒名中心", "冒名口令123456")

    def swap(members: dict[str, bytes]) -> None:
        manifest = json.loads(members[MANIFEST_NAME])
        manifest["certificate_fingerprint"] = other.fingerprint
        members[MANIFEST_NAME] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        members[SIGNATURE_NAME] = sign_bytes(other, members[MANIFEST_NAME])
        members[CERTIFICATE_NAME] = other.certificate_pem

    verification = verify_packet(rewrite(packet, tmp_path / "swap.zip", swap))
    assert not verification.ok
    assert any("证书" in p and REPORT_NAME in p for p in verification.problems)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda m: m.__setitem__("evidence/99-多出来的.jpg", b"extra"), "多出了"),
        (lambda m: m.pop("自评表.xlsx"), "缺少清单中列出的文件：自评表.xlsx"),
        (lambda m: m.pop(SIGNATURE_NAME), "缺少"),
        (lambda m: m.__setitem__("../../逃逸.txt", b"x"), "不安全"),
        (lambda m: m.__setitem__("/etc/passwd", b"x"), "不安全"),
        (lambda m: m.__setitem__("C:/Windows/x.txt", b"x"), "不安全"),
    ],
)
def test_added_missing_and_unsafe_members(packet: Path, tmp_path: Path, change, words: str) -> None:
    verification = verify_packet(rewrite(packet, tmp_path / "x.zip", change))
    assert not verification.ok
    assert any(words in p for p in verification.problems), verification.problems


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(verify_module, "MAX_TOTAL_BYTES", 1024 * 1024)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b"\0" * (5 * 1024 * 1024))
    verification = verify_packet(bomb)
    assert not verification.ok and "压缩炸弹" in verification.problems[0]


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04 truncated"])
def test_files_that_are_not_packets(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "收到的 文件.zip"
    path.write_bytes(content)
    verification = verify_packet(path)
    assert not verification.ok and "zip" in verification.problems[0]


def test_a_tampered_packet_is_not_imported(packet: Path, tmp_path: Path) -> None:
    changed = rewrite(
        packet, tmp_path / "t.zip", lambda m: m.__setitem__("answers.json", flip(m["answers.json"]))
    )
    with CenterStore.open(tmp_path / "空.dqsa", create=True) as empty:
        assert not import_packet(changed, empty).ok
        assert empty.assessments() == []


# --- the PDF and the workbook as the level above sees them --------------------------------------------


def test_pdf_fonts_embedded_signature_valid_text_extractable(packet: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(packet) as archive:
        pdf = tmp_path / "报告.pdf"
        pdf.write_bytes(archive.read(REPORT_NAME))
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    rows = [line for line in fonts[2:] if line.strip()]
    assert rows, fonts
    for row in rows:
        columns = row.split()
        assert columns[-5] == "yes", row  # emb
    signature = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False).stdout
    assert "Signature is Valid" in signature, signature
    assert "Total document signed" in signature, signature
    page_one = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "安吉县递铺街道某村（社区）党群服务中心" in re.sub(r"\s+", "", page_one)


def test_packet_workbook_numbers_equal_the_scorecard(store: CenterStore, packet: Path) -> None:
    from openpyxl import load_workbook

    with zipfile.ZipFile(packet) as archive:
        workbook = load_workbook(io.BytesIO(archive.read("自评表.xlsx")))
    card = store.scorecard(2026)
    numbers = [
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
    ]
    for table in card.tables:
        assert float(table.score) in numbers


# --- the command line ---------------------------------------------------------------------------------


def test_cli_export_verify_import(tmp_path: Path, data_dir: Path, monkeypatch, capsys) -> None:
    db = tmp_path / "中心 文件.dqsa"
    main(["import", str(data_dir / "township-half.json"), "--db", str(db)])
    monkeypatch.setenv("DQSA_TEST_PASS", PASSPHRASE)
    code = main([
        "export", "--db", str(db), "--year", "2026", "--out", str(tmp_path / "包"),
        "--signer", "李明", "--title", "主任", "--passphrase-env", "DQSA_TEST_PASS",
    ])  # fmt: skip
    out = capsys.readouterr().out
    assert code == EXIT_OK, out
    packet = Path(re.search(r"材料包：(.+\.zip)", out).group(1))
    assert main(["verify", str(packet), "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["ok"] is True
    bad = rewrite(packet, tmp_path / "坏.zip", lambda m: m.__setitem__(REPORT_NAME, flip(m[REPORT_NAME])))
    assert main(["verify", str(bad)]) == EXIT_FAILED
    assert "自评报告.pdf" in capsys.readouterr().out
    assert main(["import-packet", str(packet), "--db", str(tmp_path / "恢复.dqsa")]) == EXIT_OK
    with CenterStore.open(tmp_path / "恢复.dqsa") as restored:
        assert restored.scorecard(2026).total == Decimal(30)
    assert main(["import-packet", str(bad), "--db", str(tmp_path / "不该有.dqsa")]) == EXIT_FAILED


def test_a_center_with_an_earlier_year_gets_a_comparison(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from dqsa.demo import build_demo_file

    with CenterStore.open(build_demo_file(tmp_path / "demo")) as store:
        result = export_packet(
            store,
            2026,
            signer_name="示例",
            signer_title="书记",
            passphrase=PASSPHRASE,
            out_dir=tmp_path / "out",
        )
        comparison = store.compare(2025, 2026)
    with zipfile.ZipFile(result.path) as archive:
        pdf = tmp_path / "r.pdf"
        pdf.write_bytes(archive.read(REPORT_NAME))
        workbook = load_workbook(io.BytesIO(archive.read("自评表.xlsx")))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert all(row.split()[-5] == "yes" for row in fonts.splitlines()[2:] if row.strip()), fonts
    text = re.sub(
        r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    )
    assert "附：与2025年度对比" in text
    assert "合计98.5/200（2025年）→153.5/200（2026年）" in text
    assert "中心总面积150m²→236m²" in text
    sheet = workbook["与上年对比"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=1) if row[0].value}
    assert rows["A2.role.3"][2].value == 4 and rows["A2.role.3"][3].value == 3.5
    assert rows["A2.role.3"][4].value == -0.5 and rows["A2.role.3"][5].value == "退步"
    assert rows["A1"][4].value == float(next(t for t in comparison.tables if t.part_id == "A1").change)
