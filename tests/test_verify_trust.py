"""What ``verify`` may say 校验通过 to (attack-1 items 2, 4 and 14's polyglot).

The packets are real exports changed by tests/data/make_damaged_packets.py and signed
again with the packet's own key, as its center (or anyone holding that key) could: the
signature is valid, so only the content can give the lie away.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dqsa.cli import EXIT_FAILED, EXIT_OK, main
from dqsa.export import wording
from dqsa.export.verify import describe, verify_packet

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(DATA))

from make_damaged_packets import FORGED_LINE, VARIANTS, make_base_packet, rewrite  # noqa: E402

LIES = sorted(name for name in VARIANTS if name.startswith("lie-") or name == "signed-in-2099")
FORGERIES = [
    "manifest-center-escape",
    "manifest-signer-bidi",
    "manifest-caption-escape",
    "answers-measure-escape",
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory):
    return make_base_packet(tmp_path_factory.mktemp("trust"))


@pytest.fixture(scope="module")
def made(base, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    members, identity = base
    folder = tmp_path_factory.mktemp("variants")
    paths = {"good": folder / "good.zip"}
    paths["good"].write_bytes(rewrite(members, identity, lambda m, f: True))
    for name in [*LIES, *FORGERIES, "manifest-year-twice"]:
        paths[name] = folder / f"{name}.zip"
        paths[name].write_bytes(rewrite(members, identity, VARIANTS[name][1]))
    return paths


def test_the_untouched_packet_passes(made: dict[str, Path]) -> None:
    verification = verify_packet(made["good"])
    assert verification.ok, verification.problems
    assert verification.content is not None and verification.manifest is not None
    assert verification.content.card.total == verification.manifest.total_decimal()[0]
    assert "与按答卷重新评分的结果一致" in describe(verification)


@pytest.mark.parametrize("name", [*LIES, "manifest-year-twice"])
def test_a_manifest_that_contradicts_the_signed_content_does_not_pass(
    name: str, made: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    verification = verify_packet(made[name])
    assert not verification.ok
    assert verification.fingerprint == verify_packet(made["good"]).fingerprint  # the center's own key

    assert main(["verify", str(made[name])]) == EXIT_FAILED
    out = capsys.readouterr().out
    assert out.startswith("校验未通过。") and "校验通过" not in out


def test_the_lie_about_the_totals_names_both_figures(made: dict[str, Path]) -> None:
    problems = verify_packet(made["lie-totals"]).problems
    assert len(problems) == 1, problems
    declared, rescored = problems[0].split("重新评分 ")
    assert "合计 200/200" in declared and "合计 200/200" not in rescored


def test_a_key_twice_is_refused_not_read_last_wins(made: dict[str, Path]) -> None:
    """Python's json keeps the last "year" (2099): the desk must not take either."""
    verification = verify_packet(made["manifest-year-twice"])
    assert verification.manifest is None
    assert any("两个“year”" in p for p in verification.problems), verification.problems


def test_duplicate_keys_in_the_answers_or_the_pack_are_refused(base, tmp_path: Path) -> None:
    members, identity = base

    def twice(member: str, key: bytes):
        def change(m: dict[str, bytes], manifest: dict) -> None:
            m[member] = m[member].replace(key, key + b' "2026",' + key, 1)

        return change

    answers = tmp_path / "answers.zip"
    answers.write_bytes(rewrite(members, identity, twice("answers.json", b'"year":')))
    pack = tmp_path / "pack.zip"
    pack.write_bytes(rewrite(members, identity, twice("criteria-pack.json", b'"title":')))

    assert any("answers.json" in p and "重复的键" in p for p in verify_packet(answers).problems)
    assert any("criteria-pack.json" in p and "重复的键" in p for p in verify_packet(pack).problems)


def test_the_desk_refuses_a_lying_packet_with_the_verifiers_words(made: dict[str, Path]) -> None:
    from dqsa.export.receive import Refusal, check_packet

    checked = check_packet(made["lie-totals"].read_bytes(), "lie.zip")
    assert isinstance(checked, Refusal) and "重新评分的结果与清单中的得分不一致" in checked.message
    good = check_packet(made["good"].read_bytes(), "good.zip")
    assert not isinstance(good, Refusal), good
    assert good.total == verify_packet(made["good"]).manifest.total_decimal()[0]


def test_a_signing_time_in_the_future_is_a_problem_beyond_a_day(made: dict[str, Path]) -> None:
    signed = verify_packet(made["good"]).manifest.signed_at
    assert verify_packet(made["good"], now=signed - timedelta(hours=8)).ok  # a clock in the wrong zone
    late = verify_packet(made["good"], now=signed - timedelta(days=2))
    assert not late.ok and "在未来" in late.problems[0]


# --- control characters: nothing shown can forge a line (item 4) -----------------------------------------


@pytest.mark.parametrize("name", FORGERIES)
def test_control_characters_are_refused_and_never_shown_raw(
    name: str, made: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", str(made[name])]) == EXIT_FAILED
    out = capsys.readouterr().out
    assert wording.has_control(out, allow_newlines=True) is None, repr(out)
    assert [line for line in out.splitlines() if "校验通过" in line] == []
    assert "\u202e" not in out and "\x1b" not in out

    assert (
        main(["import-packet", str(made[name]), "--db", str(made[name].with_suffix(".dqsa"))]) == EXIT_FAILED
    )
    captured = capsys.readouterr()
    assert wording.has_control(captured.out + captured.err, allow_newlines=True) is None


def test_describe_escapes_whatever_reaches_it() -> None:
    """Even text that got past every model (a problem quoting a name) is shown escaped, on its line."""
    from dqsa.export.verify import Verification

    verification = Verification(
        problems=[f"多出了清单中没有的文件：{FORGED_LINE}"],
        summary={
            "center": "中心\u202e名称",
            "signer": {"name": "甲\n校验通过。", "title": "乙"},
            "totals": {},
        },
        fingerprint="AB:" * 31 + "AB",
    )
    text = describe(verification)
    assert wording.has_control(text, allow_newlines=True) is None
    assert [line for line in text.splitlines() if line.startswith("校验通过")] == []
    assert "\\x1b[2K\\x0d校验通过" in text and "中心\\u202e名称" in text


@given(st.text())
def test_escaped_text_is_one_line_without_controls(text: str) -> None:
    shown = wording.escaped(text)
    assert "\n" not in shown and wording.has_control(shown) is None
    if wording.has_control(text) is None:
        assert shown == text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("center.name", "中心\x1b[31m"),
        ("center.name", "中心\n校验通过"),
        ("center.region", "区\u2028县"),
        ("signer.title", "主任\u2066"),
        ("pack.title", "标准\x85"),
        ("level_label", "村\x7f"),
        ("program", "dqsa\u200f"),
    ],
)
def test_the_manifest_model_refuses_control_characters_in_every_text(
    made: dict[str, Path], field: str, value: str
) -> None:
    from dqsa.export.manifest import ManifestError, manifest_from_data

    with zipfile.ZipFile(made["good"]) as archive:
        raw = json.loads(archive.read("manifest.json"))
    target = raw
    *path, last = field.split(".")
    for part in path:
        target = target[part]
    target[last] = value
    with pytest.raises(ManifestError) as caught:
        manifest_from_data(raw)
    assert any(f"字段 {field}" in p and "U+" in p for p in caught.value.problems), caught.value.problems


def test_a_caption_may_hold_lines_and_a_name_a_tab(made: dict[str, Path]) -> None:
    from dqsa.export.manifest import manifest_from_data

    with zipfile.ZipFile(made["good"]) as archive:
        raw = json.loads(archive.read("manifest.json"))
    raw["evidence"][0]["caption"] = "第一行\n第二行\t说明"
    raw["center"]["name"] = "某\t中心"
    assert manifest_from_data(raw).evidence[0].caption.count("\n") == 1


def test_the_help_menu_dialog_shows_plain_escaped_text(made: dict[str, Path], qtbot) -> None:
    from PySide6.QtCore import Qt

    from dqsa.ui.verification import result_box

    box = result_box(verify_packet(made["manifest-center-escape"]), None)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert wording.has_control(box.text(), allow_newlines=True) is None
    assert not box.text().splitlines()[0].startswith("校验通过")


# --- the layout: a packet is exactly what the writer wrote (item 14, polyglot) --------------------------------


def _prepend(data: bytes) -> bytes:
    return b"%PDF-1.4\n% a document that is also a zip\n" + data


def _append(data: bytes) -> bytes:
    return data + b"<script>payload</script>"


def _comment(data: bytes) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.comment = b"hidden"
    return buffer.getvalue()


def _gap(data: bytes) -> bytes:
    """32 bytes hidden between the first member and the second, every offset after it moved to match."""
    junk = b"J" * 32
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = sorted(archive.infolist(), key=lambda i: i.header_offset)
        cut = infos[1].header_offset
        start_dir = archive.start_dir
    out = bytearray(data[:cut] + junk + data[cut:])
    at = start_dir + len(junk)
    while out[at : at + 4] == b"PK\x01\x02":  # central directory entries: move the offsets past the cut
        offset = struct.unpack_from("<L", out, at + 42)[0]
        if offset >= cut:
            struct.pack_into("<L", out, at + 42, offset + len(junk))
        n, m, k = struct.unpack_from("<3H", out, at + 28)
        at += 46 + n + m + k
    struct.pack_into("<L", out, len(out) - 6, start_dir + len(junk))  # the end record's directory offset
    return bytes(out)


@pytest.mark.parametrize(
    ("change", "words"),
    [(_prepend, "开头"), (_append, "结尾之后"), (_comment, "结尾之后"), (_gap, "之前有多余的内容")],
)
def test_bytes_outside_the_writers_zip_are_refused(
    made: dict[str, Path], tmp_path: Path, change, words: str
) -> None:
    data = change(made["good"].read_bytes())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # still a zip every member of which reads back
        assert archive.testzip() is None
    path = tmp_path / "混合.zip"
    path.write_bytes(data)
    for source in (path, data):
        verification = verify_packet(source)
        assert not verification.ok and words in verification.problems[0], verification.problems
        assert "dqsa 写出" in verification.problems[0]


def test_the_first_releases_packet_keeps_its_layout() -> None:
    assert verify_packet(DATA / "packet-v1.zip").ok


def test_verify_exit_codes_stay(made: dict[str, Path]) -> None:
    assert main(["verify", str(made["good"])]) == EXIT_OK
