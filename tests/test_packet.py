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
from dqsa.cli import EXIT_FAILED, EXIT_INVALID, EXIT_OK, main
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
    command = [
        "export", "--db", str(db), "--year", "2026", "--out", str(tmp_path / "包"),
        "--signer", "李明", "--title", "主任", "--passphrase-env", "DQSA_TEST_PASS",
    ]  # fmt: skip
    with CenterStore.open(db) as opened:
        missing = opened.scorecard(2026).without_measures
    assert missing
    assert main(command) == EXIT_INVALID  # items below full marks without a measure: asked first
    refused = capsys.readouterr()
    assert f"以下 {len(missing)} 个未得满分的条目没有填写改进措施" in refused.err
    assert "--allow-missing-measures" in refused.err and "表A." in refused.err and missing[0] in refused.err
    assert not (tmp_path / "包").exists()
    code = main([*command, "--allow-missing-measures"])
    out = capsys.readouterr().out
    assert code == EXIT_OK, out
    assert re.search(r"证书指纹：([0-9A-F]{4} ){15}[0-9A-F]{4}", out)
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
    assert "四、与上年度对比" in text and "五、签署" in text
    assert "合计98.5/200（2025年）→153.5/200（2026年）" in text
    assert "中心总面积150m²→236m²" in text
    sheet = workbook["与上年对比"]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=1) if row[1].value}
    role = rows["A2.role.3"]
    assert role[0].value == "表A.2 · 作用发挥 · 第3项"
    assert role[3].value == 4 and role[4].value == 3.5 and role[6].value == "退步"
    row = role[0].row
    assert (
        role[5].value == f'=IF(OR(D{row}="",E{row}=""),"",E{row}-D{row})'
    )  # the change follows a correction
    a1 = next(t for t in comparison.tables if t.part_id == "A1")
    assert rows["A1"][3].value == float(a1.old_score) and rows["A1"][4].value == float(a1.new_score)


# --- the manifest (dqsa-packet/2) and the PAdES signature, checked by tools that did not write them ----


def members(packet: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(packet) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_manifest_is_format_2(store: CenterStore, packet: Path) -> None:
    from datetime import datetime

    files = members(packet)
    raw = files[MANIFEST_NAME]
    manifest = json.loads(raw)
    assert raw.decode("utf-8") == json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert manifest["format"] == "dqsa-packet/2"
    assert set(manifest) == {
        "format", "program", "center", "level_label", "year", "pack", "totals", "signer", "signed_at",
        "certificate_fingerprint", "files", "evidence",
    }  # fmt: skip
    card = store.scorecard(2026)
    totals = manifest["totals"]
    assert totals["total"] == 98.5 and isinstance(totals["total"], float)
    assert totals["max"] == 200 and isinstance(totals["max"], int)
    assert totals["percent"] == float(card.percent)
    for table in card.tables:
        entry = totals["tables"][table.table_id]
        assert entry == {
            "score": float(table.score) if table.score % 1 else int(table.score),
            "max": int(table.max_points),
            "percent": float(table.percent) if table.percent % 1 else int(table.percent),
        }
    assert totals["unanswered"] == len(card.unanswered)
    pack = manifest["pack"]
    assert (
        set(pack) == {"id", "version", "hash", "kind", "title"}
        and pack["title"] == store.pack_for(2026).title
    )
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", manifest["signed_at"])
    assert datetime.fromisoformat(manifest["signed_at"]).utcoffset() is not None
    assert re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", manifest["certificate_fingerprint"])
    assert set(manifest["files"]) == set(files) - {MANIFEST_NAME, SIGNATURE_NAME, CERTIFICATE_NAME}
    for entry in manifest["evidence"]:
        assert set(entry) == {
            "file", "kind", "media_type", "target_kind", "target_id", "caption", "original_name",
            "original_sha256", "original_size", "original_date",
        }  # fmt: skip
        assert entry["media_type"] == "image/jpeg" and entry["file"] in files


def test_the_pdf_signature_is_pades_and_valid_for_pyhanko_and_pdfsig(packet: Path, tmp_path: Path) -> None:
    from asn1crypto import x509
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    files = members(packet)
    pdf = files[REPORT_NAME]
    der = cx509.load_pem_x509_certificate(files[CERTIFICATE_NAME]).public_bytes(serialization.Encoding.DER)
    signature = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    attributes = {a["type"].native for a in signature.signer_info["signed_attrs"]}
    assert "signing_certificate_v2" in attributes
    context = ValidationContext(trust_roots=[x509.Certificate.load(der)], allow_fetching=False)
    status = validate_pdf_signature(signature, context)
    assert status.bottom_line, status.pretty_print_details()
    assert status.intact and status.valid and status.trusted
    path = tmp_path / "报告.pdf"
    path.write_bytes(pdf)
    report = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout
    assert "ETSI.CAdES.detached" in report and "Signature is Valid" in report, report


def test_the_stamp_reads_the_same_in_poppler_and_ghostscript(packet: Path, tmp_path: Path) -> None:
    """Signer, title, time and fingerprint each on a line of their own, nothing cut, both renderers agree."""
    from PIL import Image, ImageChops, ImageStat

    from dqsa.export.pdfsign import FIELD_NAME
    from dqsa.export.wording import fingerprint_lines

    files = members(packet)
    path = tmp_path / "signed.pdf"
    path.write_bytes(files[REPORT_NAME])
    pages = int(
        re.search(
            r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        ).group(1)
    )
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(files[REPORT_NAME]))
    widget = next(
        annot.get_object()
        for annot in reader.root["/Pages"]["/Kids"][-1].get_object().get("/Annots", [])
        if annot.get_object().get("/T") == FIELD_NAME
    )
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    # the stamp's own words, read back from its appearance
    appearance = widget["/AP"]["/N"].get_object()
    assert appearance["/BBox"][2] - appearance["/BBox"][0] == x2 - x1
    stamp = tmp_path / "stamp.pdf"
    from dqsa.export.fonts import find_cjk_font, report_fonts
    from dqsa.export.pdfsign import StampText, stamp_pdf

    manifest = json.loads(files[MANIFEST_NAME])
    from datetime import datetime

    text = StampText(
        "张伟",
        "村党组织书记",
        datetime.fromisoformat(manifest["signed_at"]),
        manifest["certificate_fingerprint"],
    )
    stamp.write_bytes(stamp_pdf(text, (x2 - x1, y2 - y1), report_fonts(find_cjk_font())))
    words = subprocess.run(
        ["pdftotext", "-layout", str(stamp), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in words.splitlines() if line.strip()]
    assert lines[0].replace(" ", "") == "签署人：张伟"
    assert lines[1].replace(" ", "") == "职务：村党组织书记"
    assert lines[2].startswith("签署时间：") and "（UTC" in lines[2]
    first, second = fingerprint_lines(manifest["certificate_fingerprint"])
    assert lines[3].replace(" ", "") == "证书指纹：" + first.replace(" ", "") and lines[4].replace(
        " ", ""
    ) == second.replace(" ", "")
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(stamp), "-"], capture_output=True, text=True, check=True
    ).stdout
    for x_max in re.findall(r'xMax="([\d.]+)"', bbox):
        assert float(x_max) <= x2 - x1 - 4, "a word runs into the stamp's edge"
    # the signed page, rendered by two programs: the stamp region looks the same
    box = [
        str(v)
        for v in (
            int(x1 * 100 / 72),
            int((842 - y2) * 100 / 72),
            int((x2 - x1) * 100 / 72),
            int((y2 - y1) * 100 / 72),
        )
    ]
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "100",
            "-f",
            str(pages),
            "-l",
            str(pages),
            "-x",
            box[0],
            "-y",
            box[1],
            "-W",
            box[2],
            "-H",
            box[3],
            "-singlefile",
            str(path),
            str(tmp_path / "poppler"),
        ],
        check=True,
    )
    subprocess.run(
        [
            "gs",
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dSAFER",
            "-sDEVICE=png16m",
            "-r100",
            f"-dFirstPage={pages}",
            f"-dLastPage={pages}",
            f"-sOutputFile={tmp_path / 'gs.png'}",
            str(path),
        ],
        check=True,
    )
    poppler = Image.open(tmp_path / "poppler.png").convert("L")
    ghost = (
        Image.open(tmp_path / "gs.png")
        .convert("L")
        .crop((int(box[0]), int(box[1]), int(box[0]) + poppler.width, int(box[1]) + poppler.height))
    )
    ink = ImageStat.Stat(poppler.point(lambda v: 255 if v < 128 else 0)).mean[0]
    assert ink > 5, "the stamp is empty"
    difference = ImageStat.Stat(ImageChops.difference(poppler, ghost)).mean[0]
    assert difference < 12, difference


def test_evidence_is_in_the_standards_order_in_the_packet_the_report_and_the_workbook(
    tmp_path: Path, data_dir: Path
) -> None:
    """Finding 14: evidence came in the order of internal ids (items before zones, zones
    alphabetically: activity, oath, reception). It follows the standard: its parts in order
    (场地与标识, 功能区设置, 作用发挥 …), each catalogue's entries and items as listed."""
    from openpyxl import load_workbook

    added = [  # (target kind, target id, caption), in an order that is neither
        ("zone", "activity", "活动照片甲"),
        ("item", "A2.role.1", "学习照片戊"),
        ("zone", "oath", "宣誓照片乙"),
        ("item", "A1.sign.1", "旗杆照片丁"),
        ("zone", "reception", "接待照片丙"),
    ]
    with CenterStore.open(tmp_path / "中心.dqsa", create=True) as store:
        store.import_answers(load_answers_file(data_dir / "village-weak.json"))
        for n, (kind, target, caption) in enumerate(added):
            store.add_evidence(
                2026, kind, target, prepare_photo(photo((40 * n, 90, 200), (64, 48)), f"{n}.jpg"), caption
            )
        result = export_packet(
            store,
            2026,
            signer_name="张伟",
            signer_title="书记",
            passphrase=PASSPHRASE,
            out_dir=tmp_path / "发出",
        )
    expected = ["A1.sign.1", "reception", "oath", "activity", "A2.role.1"]  # site, zones (as listed), role
    files = members(result.path)
    manifest = json.loads(files[MANIFEST_NAME])
    assert [e["target_id"] for e in manifest["evidence"]] == expected
    assert [e["file"][len("evidence/") : len("evidence/") + 2] for e in manifest["evidence"]] == [
        "01", "02", "03", "04", "05"
    ]  # fmt: skip
    captions = {target: caption for _, target, caption in added}
    report = tmp_path / "报告.pdf"
    report.write_bytes(files[REPORT_NAME])
    text = subprocess.run(["pdftotext", str(report), "-"], capture_output=True, text=True, check=True).stdout
    start = text.index("佐证材料", text.index("四、"))
    positions = [text.index(captions[target], start) for target in expected]
    assert positions == sorted(positions)
    ws = load_workbook(io.BytesIO(files["自评表.xlsx"]))["证明材料"]
    listed = [c for row in ws.iter_rows(values_only=True) for c in row if c in captions.values()]
    assert listed == [captions[t] for t in expected]
