"""The verifier as the receiving side uses it: packets of every format, from a path or from bytes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dqsa.cli import EXIT_FAILED, EXIT_OK, main
from dqsa.export.restore import import_packet
from dqsa.export.verify import PacketError, describe, verify_packet
from dqsa.export.wording import fingerprint_text
from dqsa.store.service import CenterStore

V1_PACKET = Path(__file__).parent / "data" / "packet-v1.zip"
V1_FINGERPRINT = (
    "49:E2:5F:F1:A2:B7:9B:6C:48:07:E6:A8:68:17:51:82:A6:3C:32:5E:13:A5:05:27:CC:DD:0C:13:C9:E7:31:1A"
)


def test_a_format_1_packet_keeps_verifying(tmp_path: Path) -> None:
    verification = verify_packet(V1_PACKET)
    assert verification.ok, verification.problems
    assert verification.summary["fingerprint"] == V1_FINGERPRINT
    assert verification.summary["center"] == "吴兴区某街道社会组织党群服务中心"
    assert verification.summary["year"] == 2026


def test_the_description_names_tables_and_the_pack_by_their_titles() -> None:
    """Not 得分：A1 53.2/100 with the pack's code: the tables' and the pack's titles (read from the
    packet's own pack, which format 1's manifest does not name), the time in words, and the
    fingerprint in groups of four first, the colon form for tools at the end."""
    verification = verify_packet(V1_PACKET)
    text = describe(verification)
    lines = text.splitlines()
    assert lines[0] == f"校验通过。证书指纹：{fingerprint_text(V1_FINGERPRINT)}"
    totals = verification.summary["totals"]
    titles = verification.summary["table_titles"]
    assert set(titles) == set(totals) and all(title != table for table, title in titles.items())
    scores = next(line for line in lines if line.startswith("得分："))
    for table, points in totals.items():
        assert f"{titles[table]} {points}" in scores and f"{table} {points}" not in scores
    assert (
        "huzhou-social-org" not in text and f"评分标准：{verification.summary['pack_title']}（版本 " in text
    )
    assert re.search(r"签署时间：2026年\d{1,2}月\d{1,2}日 \d\d:\d\d", text)
    assert lines[-2].endswith("冒号格式的同一指纹：") and lines[-1] == V1_FINGERPRINT  # for tools


def test_a_pack_member_that_is_not_a_pack_gives_no_words(tmp_path: Path) -> None:
    """The words come from the packet's pack only when it is well-formed; otherwise the ids stay."""
    from dqsa.export.verify import _pack_words

    assert _pack_words(b"[1, 2]") == {} and _pack_words(b"{not json") == {}
    assert _pack_words(b'{"title": 5, "tables": [{"id": 3}, "x", {"id": "A1", "short_title": "  "}]}') == {}
    words = _pack_words('{"title": "标准", "tables": [{"id": "A1", "title": "表A.1 建设"}]}'.encode())
    assert words == {"pack_title": "标准", "table_titles": {"A1": "表A.1 建设"}}


def test_a_format_1_packet_restores(tmp_path: Path) -> None:
    with CenterStore.open(tmp_path / "恢复.dqsa", create=True) as store:
        assert import_packet(V1_PACKET, store).ok
        summary = store.assessments()[0]
        assert (summary.year, summary.status, summary.fingerprint) == (2026, "signed", V1_FINGERPRINT)
        assert {(e.kind, e.original_name) for e in store.evidence(2026)} == {
            ("document", "会议纪要.pdf"),
            ("photo", "接待区 照片.jpg"),
        }
        assert str(store.scorecard(2026).total) in {"30", "30.0"}


def test_verify_from_bytes_gives_the_same_structured_result() -> None:
    from dqsa.export.manifest import ManifestV1

    from_path, from_bytes = verify_packet(V1_PACKET), verify_packet(V1_PACKET.read_bytes())

    for result in (from_path, from_bytes):
        assert result.ok and result.fingerprint == V1_FINGERPRINT
        assert isinstance(result.manifest, ManifestV1) and result.manifest.year == 2026
        assert result.as_dict()["fingerprint"] == V1_FINGERPRINT
        assert result.as_dict()["format"] == "dqsa-packet/1"
    assert from_bytes.read_member("answers.json") == from_path.read_member("answers.json")
    from_bytes.release()
    with pytest.raises(PacketError):
        from_bytes.read_member("answers.json")
    assert from_bytes.ok and from_bytes.manifest is not None  # the result stays


def test_the_first_line_of_verify_carries_the_fingerprint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(V1_PACKET)]) == EXIT_OK
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"校验通过。证书指纹：{fingerprint_text(V1_FINGERPRINT)}"  # groups of 4, as on the cover
    assert main(["verify", str(V1_PACKET), "--fingerprint", "AB:CD"]) == EXIT_FAILED
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"校验未通过。证书指纹：{fingerprint_text(V1_FINGERPRINT)}"
    assert "与您预期的不同" in out
    lower = V1_FINGERPRINT.lower().replace(":", " ")
    assert main(["verify", str(V1_PACKET), "--fingerprint", lower]) == EXIT_OK


@pytest.fixture(scope="module")
def other_identity_2025(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid 2025 packet signed by another identity than packet-v1.zip's."""
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "data"))
    from make_damaged_packets import make_base_packet, rewrite

    folder = tmp_path_factory.mktemp("other")
    members, identity = make_base_packet(folder)

    def year_2025(m: dict[str, bytes], manifest: dict) -> None:
        answers = json.loads(m["answers.json"])
        answers["year"] = manifest["year"] = 2025
        m["answers.json"] = json.dumps(answers, ensure_ascii=False).encode()

    path = folder / "2025.zip"
    path.write_bytes(rewrite(members, identity, year_2025))
    return path


def test_import_packet_shows_the_fingerprint_and_refuses_another_identity(
    other_identity_2025: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "中心.dqsa"
    assert main(["import-packet", str(V1_PACKET), "--db", str(db)]) == EXIT_OK
    assert capsys.readouterr().out.splitlines()[0] == f"材料包的证书指纹：{fingerprint_text(V1_FINGERPRINT)}"
    new = verify_packet(other_identity_2025).fingerprint
    assert new and new != V1_FINGERPRINT

    assert main(["import-packet", str(other_identity_2025), "--db", str(db)]) == EXIT_FAILED
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == f"材料包的证书指纹：{fingerprint_text(new)}"
    assert V1_FINGERPRINT in captured.err and new in captured.err
    assert "--accept-new-identity" in captured.err
    with CenterStore.open(db) as store:
        assert store.years() == [2026]

    code = main(["import-packet", str(other_identity_2025), "--db", str(db), "--accept-new-identity"])
    assert code == EXIT_OK, capsys.readouterr()
    with CenterStore.open(db) as store:
        assert sorted(store.years()) == [2025, 2026]
        assert {s.year: s.fingerprint for s in store.assessments()} == {2025: new, 2026: V1_FINGERPRINT}


def test_import_packet_into_a_year_that_exists_is_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "中心.dqsa"
    assert main(["import-packet", str(V1_PACKET), "--db", str(db)]) == EXIT_OK
    with CenterStore.open(db) as store:
        before = store.history(2026)

    assert main(["import-packet", str(V1_PACKET), "--db", str(db)]) == EXIT_FAILED

    assert "已经有 2026 年度" in capsys.readouterr().err
    with CenterStore.open(db) as store:
        assert store.history(2026) == before


def test_a_png_photo_is_named_jpg_in_the_packet(tmp_path: Path, data_dir: Path) -> None:
    import io
    import zipfile

    from PIL import Image

    from dqsa.answers_file import load_answers_file
    from dqsa.export.packet import export_packet
    from dqsa.store.evidence import prepare_photo

    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 120, 60)).save(buffer, "PNG")
    with CenterStore.open(tmp_path / "中心.dqsa", create=True) as store:
        store.import_answers(load_answers_file(data_dir / "township-half.json"))
        store.add_evidence(2026, "zone", "reception", prepare_photo(buffer.getvalue(), "接待区 截图.png"))
        result = export_packet(
            store, 2026, signer_name="李明", signer_title="主任", passphrase="口令-png-测试", out_dir=tmp_path
        )
    with zipfile.ZipFile(result.path) as archive:
        names = [n for n in archive.namelist() if n.startswith("evidence/")]
        assert names == ["evidence/01-接待区 截图.jpg"]
        assert archive.read(names[0]).startswith(b"\xff\xd8\xff")
    assert verify_packet(result.path).ok
