"""Hostile answers files and manifests through the command line: a clear exit code, never a traceback.

Answers files (and a packet's manifest and answers, signed again so that the checks
get past the signature) are mutated: types swapped, values absurd (1e27, -0.0,
NaN, 5000-digit numbers), fields dropped, nesting deepened, the text re-encoded
(UTF-16, a BOM, GB18030, invalid UTF-8). ``score``, ``import``, ``verify`` and
``import-packet`` run in this process; each must return 0, 1 or 2 and let nothing
escape. The example counts stay modest so the suite stays fast.
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dqsa.cli import EXIT_FAILED, EXIT_INVALID, EXIT_OK, main

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(DATA))

from make_damaged_packets import make_base_packet, rewrite  # noqa: E402

ANSWERS = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(DATA.glob("*.json"))}
#: Raw JSON text a mutation may put where a value was (json.dumps cannot write most of these).
RAW_TOKENS = [
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "1e27",
    "-0.0",
    "-0",
    "1" + "0" * 5000,
    "0." + "0" * 400 + "1",
    "[" * 3000 + "]" * 3000,
    "{" + '"a":{' * 500 + "}" * 501,
    '"' + "长" * 5000 + '"',
    '"\\ud800"',
]
#: What goes where a number or a yes/no was: too large, not finite, not a boolean.
ABSURD = {
    "absurd-number": [
        "1e27",
        "-1e27",
        "1e400",
        "1e-400",
        "NaN",
        "Infinity",
        "99999999999999999999999",
        '"1"',
    ],
    "not-a-boolean": ["0", "1", "-0.0", "0.0", '"true"', '"是"', "null", "[]"],
}
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e27, -0.0, 0.05, 1e-7, 1.25, 99999.95]),
    st.text(max_size=12),
)
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "utf-16", "gb18030", "broken"]


def _places(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``node``."""
    found = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*here, index))
    return found


def _container(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        node = node[part]
    return node


@st.composite
def mutated_text(draw: st.DrawFn, document: dict[str, Any]) -> bytes:
    """``document`` with one to three values changed, as bytes in some encoding."""
    data = copy.deepcopy(document)
    raw: dict[str, str] = {}
    for _ in range(draw(st.integers(1, 3))):
        places = [p for p in _places(data) if p]
        if not places:
            break
        path = draw(st.sampled_from(places))
        parent, last = _container(data, path), path[-1]
        values = {p: _container(data, p)[p[-1]] for p in places}
        targets = {
            "absurd-number": [
                p for p, v in values.items() if isinstance(v, int | float) and not isinstance(v, bool)
            ],
            "not-a-boolean": [p for p, v in values.items() if isinstance(v, bool)],
        }
        action = draw(st.sampled_from(["replace", "absurd-number", "not-a-boolean", "raw", "delete", "wrap"]))
        if targets.get(action):  # a number or a yes/no where one is expected
            path = draw(st.sampled_from(targets[action]))
            parent, last = _container(data, path), path[-1]
            marker = f"@@raw{len(raw)}@@"
            raw[json.dumps(marker)] = draw(st.sampled_from(ABSURD[action]))
            parent[last] = marker
        elif action in ("replace", "absurd-number", "not-a-boolean"):
            parent[last] = draw(VALUES)
        elif action == "raw":
            marker = f"@@raw{len(raw)}@@"
            raw[json.dumps(marker)] = draw(st.sampled_from(RAW_TOKENS))
            parent[last] = marker
        elif action == "delete":
            del parent[last]
        else:
            depth = draw(st.sampled_from([2, 12, 40]))
            value = parent[last]
            for _ in range(depth):
                value = [value]
            parent[last] = value
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))
    for marker, token in raw.items():
        text = text.replace(marker, token)
    encoding = draw(st.sampled_from(ENCODINGS))
    if encoding == "broken":
        encoded = text.encode("utf-8", "surrogatepass")
        cut = draw(st.integers(0, len(encoded)))
        return encoded[:cut] + b"\xff\xc3(" + encoded[cut:]
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf-8") else "replace")


def _run(argv: list[str]) -> int:
    code = main(argv)  # anything that escapes fails the test with its traceback
    assert code in (EXIT_OK, EXIT_FAILED, EXIT_INVALID), code
    return code


@st.composite
def answers_files(draw: st.DrawFn) -> bytes:
    return draw(mutated_text(ANSWERS[draw(st.sampled_from(sorted(ANSWERS)))]))


def _with(name: str, old: str, new: str) -> bytes:
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1).encode("utf-8")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=answers_files())
@example(data=_with("village-weak.json", '"area_m2": 150', '"area_m2": 1e27'))
@example(data=_with("village-weak.json", '"area_m2": 150', '"area_m2": -1e27'))
@example(data=_with("village-weak.json", '"score": 7.5', '"score": 1e27'))
@example(data=_with("village-weak.json", '"A1.site.1": 3', '"A1.site.1": 1e400'))
@example(data=_with("village-weak.json", '"site.tidy": true', '"site.tidy": -0.0'))
@example(data=_with("village-weak.json", '"present": true', '"present": 1e999'))
def test_mutated_answers_files_never_crash_score_or_import(
    data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    answers = folder / "答卷 文件.json"
    answers.write_bytes(data)

    scored = _run(["score", str(answers), "--json"])
    imported = _run(["import", str(answers), "--db", str(folder / "新 中心.dqsa")])

    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert imported == EXIT_OK or not (folder / "新 中心.dqsa").exists()
    if scored == EXIT_INVALID:
        assert captured.err.strip()


@pytest.fixture(scope="module")
def base_packet(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], Any]:
    return make_base_packet(tmp_path_factory.mktemp("base"))


@st.composite
def packet_changes(draw: st.DrawFn, members: dict[str, bytes]) -> tuple[str, bytes]:
    member = draw(st.sampled_from(["manifest.json", "manifest.json", "answers.json"]))
    return member, draw(mutated_text(json.loads(members[member])))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_manifests_never_crash_verify_or_import_packet(
    data: st.DataObject, base_packet: tuple[dict[str, bytes], Any], tmp_path: Path, capsys
) -> None:
    members, identity = base_packet
    member, text = data.draw(packet_changes(members))
    resign = data.draw(st.booleans())

    def change(m: dict[str, bytes], manifest: dict[str, Any]) -> bool:
        if member == "answers.json":
            m["answers.json"] = text
        return False

    packet_bytes = rewrite(members, identity, change)
    if member == "manifest.json":  # the mutated manifest replaces the signed one; re-signed or not
        import io
        import zipfile

        from dqsa.export.identity import sign_bytes

        with zipfile.ZipFile(io.BytesIO(packet_bytes)) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        parts["manifest.json"] = text
        if resign:
            parts["manifest.sig"] = sign_bytes(identity, text)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, value in parts.items():
                archive.writestr(name, value)
        packet_bytes = buffer.getvalue()
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    packet = folder / "收到的 材料包.zip"
    packet.write_bytes(packet_bytes)

    _run(["verify", str(packet)])
    _run(["verify", str(packet), "--json"])
    restored = _run(["import-packet", str(packet), "--db", str(folder / "恢复.dqsa")])

    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "意外错误" not in captured.out + captured.err  # the verifier's last guard was not needed
    assert restored == EXIT_OK or not (folder / "恢复.dqsa").exists()


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_damaged_zip_bytes_never_need_the_last_guard(data: st.DataObject) -> None:
    """Flipped bytes anywhere in a packet (headers, directory, compressed data) get a named problem."""
    from dqsa.export.verify import verify_packet

    packet = bytearray(ZIPPED_V1)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(packet) - 1))
        packet[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        packet = packet[: data.draw(st.integers(0, len(packet)))]

    verification = verify_packet(bytes(packet))

    assert not any("意外错误" in problem for problem in verification.problems), verification.problems


def _deflated(path: Path) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            out.writestr(info.filename, archive.read(info))
    return buffer.getvalue()


ZIPPED_V1 = _deflated(DATA / "packet-v1.zip")
