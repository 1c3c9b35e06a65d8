"""Bad input at the desk: hostile or lying packets, rosters and review entries get a clear Chinese message,
never a traceback, and nothing is stored. Property tests guard the parsers."""

from __future__ import annotations

import json
import os
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from desk_packets import PASSPHRASE, DeskPackets, desk_packets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dqsa.domain.errors import InvalidInput
from dqsa.export.receive import receive_packet
from dqsa.export.roster_file import read_roster, rows_from_table
from dqsa.store.desk.records import Outcome, canonical_fingerprint
from dqsa.store.desk.roster import check_roster
from dqsa.store.desk.service import DeskStore

VILLAGE = "安吉县递铺街道某村（社区）党群服务中心"


@pytest.fixture(scope="session")
def packets(tmp_path_factory: pytest.TempPathFactory) -> DeskPackets:
    return desk_packets(tmp_path_factory)


@pytest.fixture
def desk(tmp_path: Path):
    with DeskStore.create(tmp_path / "台账.dqsd", "某街道") as opened:
        yield opened


def members(packet: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(packet) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write(target: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return target


def test_a_validly_signed_packet_whose_totals_lie_is_refused(
    desk: DeskStore, packets: DeskPackets, tmp_path: Path, monkeypatch
) -> None:
    """The forger signs a manifest claiming full marks: the signature holds, the numbers do not."""
    from dqsa.export.identity import load_identity, sign_bytes

    files = members(packets.forged)
    manifest = json.loads(files["manifest.json"])
    manifest["totals"]["tables"]["A1"]["score"] = 100
    manifest["totals"]["tables"]["A1"]["percent"] = 100
    manifest["totals"]["total"] = manifest["totals"]["tables"]["A2"]["score"] + 100
    data = (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
    monkeypatch.setenv("DQSA_HOME", str(packets.forged.parent.parent / "forger"))
    identity = load_identity(VILLAGE, PASSPHRASE)
    files["manifest.json"], files["manifest.sig"] = data, sign_bytes(identity, data)
    lying = write(tmp_path / "满分.zip", files)
    receipt = receive_packet(desk, lying)
    assert receipt.outcome is Outcome.REFUSED
    assert "重新评分的结果与清单中的得分不一致" in receipt.message and "A1 100/100" in receipt.message
    assert desk.info().packets == 0


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "zip"),
        (os.urandom(3000), "zip"),
        (b"PK\x03\x04" + b"\0" * 100, "zip"),
    ],
)
def test_files_that_are_not_packets_are_refused(
    desk: DeskStore, tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "假的 材料包.zip"
    path.write_bytes(content)
    receipt = receive_packet(desk, path)
    assert receipt.outcome is Outcome.REFUSED and words in receipt.message
    assert desk.info().packets == 0 and desk.receipts()[0].outcome is Outcome.REFUSED


def test_a_packet_given_as_bytes_and_a_missing_file(
    desk: DeskStore, packets: DeskPackets, tmp_path: Path
) -> None:
    receipt = receive_packet(desk, packets.city.read_bytes(), name="邮件附件.zip")
    assert receipt.outcome is Outcome.ACCEPTED and receipt.source_name == "邮件附件.zip"
    missing = receive_packet(desk, tmp_path / "没有.zip")
    assert missing.outcome is Outcome.REFUSED and "找不到" in missing.message


def test_a_packet_with_a_member_the_manifest_does_not_list_is_refused(
    desk: DeskStore, packets: DeskPackets, tmp_path: Path
) -> None:
    files = members(packets.city)
    files["evidence/99-额外.jpg"] = b"\xff\xd8 extra"
    receipt = receive_packet(desk, write(tmp_path / "多一个.zip", files))
    assert receipt.outcome is Outcome.REFUSED and "清单中没有" in receipt.message


def test_an_xlsx_roster_and_its_bad_lines(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "地区", "名称", "级别", "证书指纹"])
    sheet.append([1, "吴兴区", "甲社区党群服务中心", "村(社区)", None])
    sheet.append([2, "吴兴区", "乙社区党群服务中心", "村(社区)", "ab" * 32])
    sheet.append([None, None, None, None, None])
    book.save(tmp_path / "名册.xlsx")
    rows = read_roster(tmp_path / "名册.xlsx")
    assert [(r.name, r.region, r.line) for r in rows] == [
        ("甲社区党群服务中心", "吴兴区", 2),
        ("乙社区党群服务中心", "吴兴区", 3),
    ]
    assert check_roster(rows)[1].fingerprint == ":".join(["AB"] * 32)
    (tmp_path / "旧.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InvalidInput, match="另存为"):
        read_roster(tmp_path / "旧.xls")
    (tmp_path / "坏.xlsx").write_bytes(b"PK not really")
    with pytest.raises(InvalidInput, match="无法作为 Excel 文件打开"):
        read_roster(tmp_path / "坏.xlsx")
    (tmp_path / "无名称.csv").write_text("地区,级别\n吴兴区,村\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="名称"):
        read_roster(tmp_path / "无名称.csv")


cells = st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats(allow_nan=True))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cells, max_size=6), max_size=8))
def test_any_table_is_roster_rows_or_a_clear_refusal(table: list[list[object]]) -> None:
    try:
        rows = rows_from_table(table)
    except InvalidInput as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        return
    try:
        cleaned = check_roster(rows)
    except InvalidInput as exc:
        assert all("行" in p.field or p.field in {"名称", ""} for p in exc.problems)
        return
    assert len({r.name for r in cleaned}) == len(cleaned)


@given(st.text(max_size=120))
def test_a_fingerprint_is_canonical_or_refused(text: str) -> None:
    try:
        canonical = canonical_fingerprint(text)
    except ValueError as exc:
        assert "64 位十六进制" in str(exc)
        return
    assert len(canonical) == 95 and canonical == canonical_fingerprint(canonical.replace(":", "").lower())


@pytest.fixture(scope="module")
def reviewed_desk(tmp_path_factory: pytest.TempPathFactory, packets: DeskPackets):
    folder = tmp_path_factory.mktemp("review")
    with DeskStore.create(folder / "台账.dqsd", "某街道", backups_root=folder / "b") as opened:
        village = receive_packet(opened, packets.village).packet_id
        wenzhou = receive_packet(opened, packets.wenzhou).packet_id
        yield opened, village, wenzhou


entries = st.one_of(
    st.text(max_size=12),
    st.decimals(allow_nan=False, places=2, min_value=-100, max_value=100),
    st.sampled_from(["符合", "不符合", "不适用", "2.5", "1e3", "NaN", "-0", "3分", "", "Infinity"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=entries, reason=st.sampled_from(["", "核实过"]), checklist=st.booleans())
def test_a_review_entry_is_saved_valid_or_refused_whole(
    reviewed_desk, entry: object, reason: str, checklist: bool
) -> None:
    desk, village, wenzhou = reviewed_desk
    packet = wenzhou if checklist else village
    sheet = {row.item_id: row for row in desk.review_sheet(packet)}
    item = next(iter(sheet)) if checklist else "A1.site.1"
    before = desk.review(packet).items.get(item)
    try:
        desk.set_item_review(packet, item, entry, reason)  # type: ignore[arg-type]
    except InvalidInput as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        assert desk.review(packet).items.get(item) == before  # nothing saved
        return
    saved = desk.review(packet).items[item]
    row = sheet[item]
    if saved.applicable:
        assert saved.score is not None and Decimal(0) <= saved.score <= (1 if checklist else row.max_points)
        assert saved.score % row.step == 0
    if saved.score != row.score or saved.applicable != row.applicable:
        assert saved.reason == reason == "核实过"
