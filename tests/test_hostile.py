"""Validly signed packets that are malformed inside: refused whole, nothing written, the field named.

The packets are made by tests/data/make_damaged_packets.py (a real export, one thing
changed, the manifest signed again with the same key); four of them are kept as
test data so that they stay refused whatever the writer does later.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dqsa.cli import EXIT_FAILED, EXIT_OK, main
from dqsa.store.service import CenterStore

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(DATA))

from make_damaged_packets import KEPT, VARIANTS, make_damaged_packets  # noqa: E402

#: What the refusal must name: the member and/or the field.
EXPECTED = {
    "evidence-missing-member": ["evidence[1].file", "evidence/99-不存在.jpg"],
    "evidence-member-listed-absent": ["缺少清单中列出的文件", "evidence/02-接待区.jpg"],
    "bad-date": ["evidence[1].original_date"],
    "evidence-not-a-list": ["字段 evidence", "列表"],
    "pdf-labelled-photo": ["evidence/01-会议纪要.pdf", "kind", "PDF"],
    "photo-labelled-document": ["evidence/02-接待区.jpg", "kind"],
    "png-as-photo": ["evidence/02-接待区.jpg", "JPEG"],
    "photo-too-large": ["evidence/02-接待区.jpg", "3000×2000"],
    "unknown-target": ["evidence/02-接待区.jpg", "target_id", "不存在的功能区"],
    "document-original-differs": ["evidence/01-会议纪要.pdf", "original_size"],
    "original-size-a-string": ["evidence[1].original_size", "整数"],
    "answers-not-utf8": ["answers.json", "UTF-8"],
    "answers-invalid": ["answers.json", "manual_scores", "A9.nope.1"],
    "answers-other-year": ["answers.json", "year"],
    "pack-changed": ["criteria-pack.json", "pack.hash"],
    "manifest-files-a-list": ["材料包格式不对：字段 files"],
    "manifest-file-entry-a-string": ["材料包格式不对：字段 files.answers.json"],
    "manifest-center-a-string": ["材料包格式不对：字段 center"],
    "manifest-signer-a-string": ["材料包格式不对：字段 signer"],
    "manifest-deep": ["材料包格式不对", "嵌套太深"],
    "lie-totals": ["重新评分的结果与清单中的得分不一致", "合计"],
    "manifest-year-twice": ["材料包格式不对", "两个“year”", "重复的键"],
    "lie-level": ["answers.json", "center.level"],
    "lie-level-both": ["answers.json", "center.level", "galaxy"],
    "lie-pack-title": ["criteria-pack.json", "pack.title"],
    "lie-region": ["answers.json", "center.region"],
    "signed-in-2099": ["签署时间", "2099", "未来"],
    "manifest-center-escape": ["材料包格式不对：字段 center.name", "控制字符", "U+001B"],
    "manifest-signer-bidi": ["材料包格式不对：字段 signer.name", "U+202E"],
    "manifest-caption-escape": ["材料包格式不对：字段 evidence[1].caption", "U+001B"],
    "answers-measure-escape": ["answers.json", "corrective_actions"],
}
MANIFEST_SHAPE = [name for name in VARIANTS if name.startswith(("manifest-", "evidence-not", "bad-date"))]


@pytest.fixture(scope="module")
def packets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_damaged_packets(tmp_path_factory.mktemp("damaged"))


def test_every_variant_has_its_expected_words() -> None:
    assert set(EXPECTED) == set(VARIANTS)


def test_the_packet_they_come_from_restores(packets: dict[str, Path], tmp_path: Path) -> None:
    assert main(["import-packet", str(packets["good"]), "--db", str(tmp_path / "好.dqsa")]) == EXIT_OK


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_damaged_packet_is_refused_and_no_file_is_made(
    name: str, packets: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "新 文件夹"
    folder.mkdir()
    db = folder / "恢复.dqsa"

    code = main(["import-packet", str(packets[name]), "--db", str(db)])

    captured = capsys.readouterr()
    assert code == EXIT_FAILED, captured
    assert list(folder.iterdir()) == []  # no center file, no -wal, -shm or .lock
    assert "没有导入" in captured.err
    assert "Traceback" not in captured.err + captured.out
    for words in EXPECTED[name]:
        assert words in captured.err, (name, words, captured.err)


@pytest.mark.parametrize(
    "name", ["pdf-labelled-photo", "unknown-target", "answers-invalid", "photo-too-large"]
)
def test_a_damaged_packet_leaves_an_existing_file_as_it_was(
    name: str, packets: dict[str, Path], tmp_path: Path, data_dir: Path
) -> None:
    from dqsa.answers_file import load_answers_file

    db = tmp_path / "中心.dqsa"
    with CenterStore.open(db, create=True) as store:
        store.import_answers(
            load_answers_file(data_dir / "township-half.json").model_copy(update={"year": 2025})
        )
        before = (store.assessments(), store.history(2025))

    assert main(["import-packet", str(packets[name]), "--db", str(db)]) == EXIT_FAILED

    with CenterStore.open(db) as store:
        assert (store.assessments(), store.history(2025)) == before
        assert store.years() == [2025]


@pytest.mark.parametrize("name", MANIFEST_SHAPE)
def test_verify_names_the_field_of_a_misshapen_manifest(
    name: str, packets: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["verify", str(packets[name])])

    out = capsys.readouterr().out
    assert code == EXIT_FAILED
    assert out.startswith("校验未通过。证书指纹：")  # who signed it is shown even then
    assert "材料包格式不对：字段" in out or "材料包格式不对：清单" in out
    for words in EXPECTED[name]:
        assert words in out


@pytest.mark.parametrize("name", MANIFEST_SHAPE)
def test_verify_json_of_a_misshapen_manifest(
    name: str, packets: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    assert main(["verify", str(packets[name]), "--json"]) == EXIT_FAILED
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is False
    assert any("材料包格式不对" in problem for problem in result["problems"])


@pytest.mark.parametrize("name", KEPT)
def test_the_kept_damaged_packets_stay_refused(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    packet = DATA / "damaged" / f"damaged-{name}.zip"

    assert main(["import-packet", str(packet), "--db", str(tmp_path / "x.dqsa")]) == EXIT_FAILED

    err = capsys.readouterr().err
    assert not (tmp_path / "x.dqsa").exists()
    for words in EXPECTED[name]:
        assert words in err


def test_verify_packet_never_raises_and_reads_bytes(packets: dict[str, Path]) -> None:
    from dqsa.export.verify import verify_packet

    for name in VARIANTS:
        data = packets[name].read_bytes()
        from_bytes, from_path = verify_packet(data), verify_packet(packets[name])
        assert from_bytes.problems == from_path.problems
        assert from_bytes.fingerprint == from_path.fingerprint is not None
    good = verify_packet(packets["good"].read_bytes())
    assert good.ok and good.manifest is not None and good.manifest.year == 2026


def test_the_help_menu_check_shows_a_misshapen_manifest(
    packets: dict[str, Path], qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from dqsa.ui import verification

    shown: list[str] = []
    monkeypatch.setattr(
        verification.QFileDialog, "getOpenFileName", lambda *a, **k: (str(packets["manifest-deep"]), "")
    )
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    parent = QWidget()
    qtbot.addWidget(parent)

    job = verification.choose_and_verify(parent)  # checked on a worker thread, shown on the GUI thread
    assert job is not None
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)

    assert len(shown) == 1
    assert shown[0].startswith("校验未通过。证书指纹：")
    assert "材料包格式不对" in shown[0] and "嵌套太深" in shown[0]


def test_library_tracebacks_go_to_the_log_not_the_terminal(tmp_path: Path) -> None:
    """A PDF changed after signing made pyHanko print an English traceback before the program's message."""
    import io
    import os
    import subprocess

    from make_damaged_packets import make_base_packet, rewrite
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    def change_the_pdf(members: dict[str, bytes], manifest: dict) -> None:
        writer = IncrementalPdfFileWriter(io.BytesIO(members["自评报告.pdf"]))
        writer.root["/Lang"] = generic.TextStringObject("en")
        writer.update_root()
        out = io.BytesIO()
        writer.write(out)
        members["自评报告.pdf"] = out.getvalue()

    members, identity = make_base_packet(tmp_path / "work")
    packet = tmp_path / "改过的 材料包.zip"
    packet.write_bytes(rewrite(members, identity, change_the_pdf))
    home = tmp_path / "home"

    done = subprocess.run(
        [sys.executable, "-m", "dqsa", "verify", str(packet)],
        capture_output=True,
        text=True,
        env={**os.environ, "DQSA_HOME": str(home)},
        cwd=Path(__file__).resolve().parents[1],
    )

    assert done.returncode == EXIT_FAILED
    assert "PDF 在签名之后又被追加了内容" in done.stdout
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    assert done.stderr.strip() == ""
    assert "Traceback" in (home / "logs" / "dqsa.log").read_text(encoding="utf-8")


# --- memory: verify stays under 300 MB whatever a packet holds ------------------------------------


def _with_member(source: Path, target: Path, name: str, megabytes: int) -> Path:
    """``source`` plus one member of ``megabytes`` MB (deflated: the zip itself stays small)."""
    import zipfile

    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for info in archive.infolist():
            out.writestr(info, archive.read(info))
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with out.open(info, "w", force_zip64=True) as handle:
            block = bytes(range(256)) * 4096
            for _ in range(megabytes):
                handle.write(block)
    return target


def test_verifying_a_packet_with_a_390_mb_member_stays_under_300_mb(tmp_path: Path) -> None:
    import os
    import subprocess

    packet = _with_member(DATA / "packet-v1.zip", tmp_path / "大.zip", "evidence/99-巨大.bin", 390)
    code = (
        "import sys\n"
        "def peak():  # VmHWM: this process's own peak (ru_maxrss would include the parent's at exec)\n"
        "    try:\n"
        "        with open('/proc/self/status') as status:\n"
        "            return next(int(l.split()[1]) // 1024 for l in status if l.startswith('VmHWM:'))\n"
        "    except (OSError, StopIteration):\n"
        "        import resource\n"
        "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
        "from dqsa.export.verify import verify_packet\n"
        "v = verify_packet(sys.argv[1])\n"
        "print(v.ok, '|'.join(v.problems))\n"
        "print(peak())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(packet)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DQSA_HOME": str(tmp_path / "home")},
        cwd=Path(__file__).resolve().parents[1],
    )

    outcome, peak = done.stdout.strip().rsplit("\n", 1)
    assert outcome.startswith("False") and "evidence/99-巨大.bin 太大" in outcome
    assert int(peak) < 300, f"{peak} MB"


def test_a_listed_member_over_the_member_limit_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dqsa.export import verify as verify_module

    monkeypatch.setattr(verify_module, "MAX_MEMBER_BYTES", 1024 * 1024)
    packet = _with_member(DATA / "packet-v1.zip", tmp_path / "大.zip", "evidence/99-巨大.bin", 2)

    problems = verify_module.verify_packet(packet).problems

    assert any("evidence/99-巨大.bin" in p and "太大" in p for p in problems), problems


def _zip_bytes(source: Path, change) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            out.writestr(info.filename, archive.read(info))
    return change(bytearray(buffer.getvalue()))


def _encrypted_flag(data: bytearray) -> bytes:
    import struct

    start = 0
    while (at := data.find(b"PK\x01\x02", start)) >= 0:  # every central directory entry
        struct.pack_into("<H", data, at + 8, struct.unpack_from("<H", data, at + 8)[0] | 1)
        start = at + 4
    return bytes(data)


def _broken_deflate(data: bytearray) -> bytes:
    import io
    import struct
    import zipfile

    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        offset = archive.getinfo("criteria-pack.json").header_offset
    start = offset + 30 + sum(struct.unpack_from("<HH", data, offset + 26))
    for k in range(50, 400, 7):
        data[start + k] ^= 0xFF
    return bytes(data)


@pytest.mark.parametrize(
    ("change", "words"), [(_encrypted_flag, "加密"), (_broken_deflate, "criteria-pack.json 已损坏")]
)
def test_encrypted_members_and_broken_compression_are_named(change, words: str) -> None:
    from dqsa.export.verify import verify_packet

    verification = verify_packet(_zip_bytes(DATA / "packet-v1.zip", change))

    assert not verification.ok
    assert any(words in problem for problem in verification.problems), verification.problems
    assert not any("意外错误" in problem for problem in verification.problems)
