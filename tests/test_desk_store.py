"""The desk store: a desk file, receiving real packets, identities, superseding, reviews, listing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from desk_packets import DeskPackets, desk_packets

from dqsa.domain.errors import InvalidInput
from dqsa.domain.rollup import ReviewState, by_standard
from dqsa.export.receive import receive_packet, receive_paths
from dqsa.store.desk.records import Outcome, PacketState, RosterRow, Verdict
from dqsa.store.desk.service import DeskStore
from dqsa.store.errors import NotACenterFile, StoreError

NAME = "某街道社会组织综合党委"
VILLAGE = "安吉县递铺街道某村（社区）党群服务中心"


@pytest.fixture(scope="session")
def packets(tmp_path_factory: pytest.TempPathFactory) -> DeskPackets:
    return desk_packets(tmp_path_factory)


@pytest.fixture
def desk(tmp_path: Path):
    with DeskStore.create(tmp_path / "台账 2026.dqsd", NAME) as opened:
        yield opened


def test_a_new_desk_has_its_name_mark_and_packets_folder(tmp_path: Path) -> None:
    path = tmp_path / "审核 台账.dqsd"
    with DeskStore.create(path, NAME) as desk:
        info = desk.info()
        assert (info.name, info.packets, info.centers, info.years) == (NAME, 0, 0, ())
        assert desk.created
    import sqlite3

    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x44515344
    connection.close()
    assert not any(p.name.endswith(("-wal", "-shm", ".lock")) for p in tmp_path.iterdir())
    with DeskStore.open(path) as desk:
        assert desk.info().name == NAME and not desk.created


def test_a_desk_needs_a_name_and_a_center_file_is_not_a_desk(tmp_path: Path, data_dir: Path) -> None:
    with pytest.raises(InvalidInput, match="单位名称"):
        DeskStore.create(tmp_path / "a.dqsd", "  ")
    assert not (tmp_path / "a.dqsd").exists()
    with pytest.raises(NotACenterFile, match="其他程序的数据库"):
        DeskStore.open(data_dir / "schema-0001.dqsa")
    with pytest.raises(StoreError, match="找不到审核台账"):
        DeskStore.open(tmp_path / "none.dqsd")


def test_receiving_accepts_each_standard_and_lists_them_apart(desk: DeskStore, packets: DeskPackets) -> None:
    for name in ("village", "city", "wenzhou", "v1"):
        receipt = receive_packet(desk, getattr(packets, name))
        assert receipt.outcome is Outcome.ACCEPTED, receipt.message
    rows = desk.list_rows(2026)
    assert [r.status for r in rows] == [PacketState.ACCEPTED] * 4
    village = next(r for r in rows if r.name == VILLAGE)
    assert (village.total, village.max_total) == (Decimal("98.5"), Decimal(200))
    assert set(village.tables) == {"A1", "A2"}
    wenzhou = next(r for r in rows if r.checklist)
    assert wenzhou.measure == wenzhou.percent == Decimal("66.7")
    assert set(wenzhou.tables) == {"B", "F", "R"}
    groups = by_standard(desk.submissions(2026))
    assert set(groups) == {("huzhou-social-org", "1.0.0"), ("wenzhou-oujianghong", "1.0.0")}
    assert len(groups[("huzhou-social-org", "1.0.0")]) == 3
    for submission in desk.submissions(2026):  # the re-scored marks add up to the manifest's totals
        row = next(r for r in rows if r.name == submission.name)
        assert submission.total == row.total and submission.max_total == row.max_total


def test_the_same_packet_twice_is_a_duplicate(desk: DeskStore, packets: DeskPackets, tmp_path: Path) -> None:
    assert receive_packet(desk, packets.village).outcome is Outcome.ACCEPTED
    copy = packets.copy("village", tmp_path / "again")
    again = receive_packet(desk, copy)
    assert again.outcome is Outcome.DUPLICATE and "已" in again.message
    assert desk.info().packets == 1
    assert [r.outcome for r in desk.receipts()] == [Outcome.DUPLICATE, Outcome.ACCEPTED]


def test_a_newer_packet_supersedes_and_an_older_one_is_outdated(
    desk: DeskStore, packets: DeskPackets
) -> None:
    first = receive_packet(desk, packets.village)
    newer = receive_packet(desk, packets.village_resigned)
    assert newer.outcome is Outcome.SUPERSEDED and newer.other_packet_id == first.packet_id
    assert desk.packet(first.packet_id).state is PacketState.SUPERSEDED  # kept, in the history
    assert [r.packet_id for r in desk.list_rows(2026)] == [newer.packet_id]
    with DeskStore.create(desk.path.with_name("other.dqsd"), NAME) as other:
        late = receive_packet(other, packets.village_resigned)
        old = receive_packet(other, packets.village)
        assert old.outcome is Outcome.OUTDATED and old.other_packet_id == late.packet_id
        assert other.packet(old.packet_id).state is PacketState.SUPERSEDED
        assert [r.packet_id for r in other.list_rows(2026)] == [late.packet_id]


def test_a_forged_packet_is_held_until_a_reviewer_accepts_it_with_a_reason(
    desk: DeskStore, packets: DeskPackets
) -> None:
    genuine = receive_packet(desk, packets.village)
    forged = receive_packet(desk, packets.forged)
    assert forged.outcome is Outcome.HELD and "身份变化，需核实" in forged.message
    assert genuine.fingerprint in forged.message and forged.fingerprint in forged.message
    assert [s.name for s in desk.submissions(2026)] == [VILLAGE]  # never counted
    assert desk.submissions(2026)[0].center == str(genuine.center_id)
    held = desk.held_packets()
    assert [p.id for p in held] == [forged.packet_id]
    with pytest.raises(InvalidInput, match="理由"):
        desk.accept_identity(forged.packet_id, reason="  ")
    assert desk.packet(forged.packet_id).state is PacketState.HELD
    accepted = desk.accept_identity(forged.packet_id, reason="已电话核实：中心换了电脑", by="李审核")
    assert accepted.outcome is Outcome.SUPERSEDED  # signed after the genuine one
    center = desk.center(genuine.center_id)
    assert [i.how for i in center.identities] == ["first_packet", "accepted"]
    assert center.identities[1].reason == "已电话核实：中心换了电脑"
    assert any(h.what == "identity.pinned" and h.new_value["how"] == "accepted" for h in desk.history())


def test_a_tampered_packet_is_refused_with_the_verifiers_words(desk: DeskStore, packets: DeskPackets) -> None:
    receipt = receive_packet(desk, packets.tampered)
    assert receipt.outcome is Outcome.REFUSED and "自评表.xlsx" in receipt.message
    assert desk.info().packets == 0
    assert desk.receipts()[0].outcome is Outcome.REFUSED
    assert not any(desk.packets_folder.rglob("*.zip"))


def test_a_folder_is_walked_and_odd_files_are_reported(
    desk: DeskStore, packets: DeskPackets, tmp_path: Path
) -> None:
    inbox = tmp_path / "收件 箱"
    packets.copy("village", inbox / "村")
    packets.copy("city", inbox)
    (inbox / "说明.txt").write_text("不是材料包", encoding="utf-8")
    progress: list[tuple[int, int]] = []
    receipts, odd = receive_paths(desk, [inbox], progress=lambda d, t, w: progress.append((d, t)), workers=1)
    assert [r.outcome for r in receipts] == [Outcome.ACCEPTED, Outcome.ACCEPTED]
    assert [o.path.name for o in odd] == ["说明.txt"]
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)


def test_roster_pins_by_fingerprint_and_reports_who_is_missing(desk: DeskStore, packets: DeskPackets) -> None:
    from dqsa.export.verify import verify_packet

    fingerprint = verify_packet(packets.forged).fingerprint
    assert fingerprint is not None
    result = desk.import_roster(
        [
            RosterRow(VILLAGE, "village", "安吉县", fingerprint.replace(":", "").lower()),
            RosterRow("湖州市社会组织党群服务中心", "市级", "湖州市"),
            RosterRow("某社区党群服务中心", "村(社区)", "吴兴区"),
        ]
    )
    assert (result.added, result.total) == (3, 3)
    genuine = receive_packet(desk, packets.village)  # the roster names another certificate
    assert genuine.outcome is Outcome.HELD and "名册" in genuine.message
    assert receive_packet(desk, packets.forged).outcome is Outcome.ACCEPTED  # the roster's pins it
    assert receive_packet(desk, packets.city).outcome is Outcome.ACCEPTED
    assert [m.name for m in desk.missing(2026)] == ["某社区党群服务中心"]
    roster = {r.name: r for r in desk.roster()}
    assert roster["湖州市社会组织党群服务中心"].center_id is not None


def test_a_bad_roster_saves_nothing_and_names_each_line(desk: DeskStore) -> None:
    with pytest.raises(InvalidInput) as caught:
        desk.import_roster(
            [
                RosterRow("甲中心", line=2),
                RosterRow("", line=3),
                RosterRow("甲中心", line=4),
                RosterRow("乙", fingerprint="xyz", line=5),
            ]
        )
    text = str(caught.value.problems)
    assert "第 3 行" in text and "第 4 行" in text and "第 5 行" in text
    assert desk.roster() == []


def test_reviews_validate_and_save_one_edit_at_a_time(desk: DeskStore, packets: DeskPackets) -> None:
    packet = receive_packet(desk, packets.village).packet_id
    assert packet is not None
    sheet = desk.review_sheet(packet)
    manual = next(r for r in sheet if r.step == Decimal("0.5") and r.applicable and r.score > 0)
    auto = next(r for r in sheet if r.step == Decimal("0.1") and r.applicable)
    desk.set_review_state(packet, "退回补充", reviewer="李审核")
    desk.set_review_comment(packet, "请补充会议记录。")
    with pytest.raises(InvalidInput, match="理由"):
        desk.set_item_review(packet, manual.item_id, manual.score - Decimal("0.5"))
    with pytest.raises(InvalidInput, match=r"0\.5 的整数倍"):
        desk.set_item_review(packet, manual.item_id, manual.score - Decimal("0.3"), "少了")
    with pytest.raises(InvalidInput, match="之间"):
        desk.set_item_review(packet, auto.item_id, auto.max_points + 1, "多了")
    with pytest.raises(InvalidInput, match="数字"):
        desk.set_item_review(packet, auto.item_id, "八分", "多了")
    desk.set_item_review(packet, auto.item_id, auto.score)  # the same as the center's: no reason needed
    desk.set_item_review(packet, manual.item_id, str(manual.score - Decimal("0.5")), "现场查看缺少台账")
    review = desk.review(packet)
    assert (review.state, review.comment, review.reviewer) == (
        ReviewState.RETURNED,
        "请补充会议记录。",
        "李审核",
    )
    assert review.items[manual.item_id].reason == "现场查看缺少台账"
    row = desk.list_rows(2026)[0]
    assert row.review_state is ReviewState.RETURNED
    assert row.reviewed_total == row.total - Decimal("0.5")
    desk.set_item_review(packet, manual.item_id, None)
    assert manual.item_id not in desk.review(packet).items
    whats = [h.what for h in desk.history(packet_id=packet)]
    assert whats.count(f"review.item.{manual.item_id}") == 2 and "review.state" in whats


def test_a_checklist_takes_verdicts(desk: DeskStore, packets: DeskPackets) -> None:
    packet = receive_packet(desk, packets.wenzhou).packet_id
    assert packet is not None
    sheet = desk.review_sheet(packet)
    met = next(r for r in sheet if r.applicable and r.score == 1)
    assert met.entry == "checklist"
    with pytest.raises(InvalidInput, match="符合"):
        desk.set_item_review(packet, met.item_id, "8", "不对")
    desk.set_item_review(packet, met.item_id, "不适用", "本社区没有这个功能区")
    assert desk.review(packet).items[met.item_id].verdict is Verdict.NOT_APPLICABLE
    row = desk.list_rows(2026)[0]
    assert (row.reviewed_total, row.reviewed_max) == (row.total - 1, row.max_total - 1)


def test_members_are_read_from_the_kept_packet(desk: DeskStore, packets: DeskPackets, tmp_path: Path) -> None:
    packet = receive_packet(desk, packets.village_resigned).packet_id
    assert packet is not None
    members = desk.members(packet)
    assert [m.kind for m in members][:2] == ["report", "workbook"]
    photos = [m for m in members if m.kind == "photo"]
    assert len(photos) == 2 and photos[0].caption == "第 1 张照片"
    assert desk.member_bytes(packet, photos[0].name)[:2] == b"\xff\xd8"
    saved = desk.save_packet(packet, tmp_path / "导出" / "村.zip")
    assert saved.read_bytes() == packets.village_resigned.read_bytes()
    earlier = receive_packet(desk, packets.village_2025)
    previous = desk.previous_packet(packet)
    assert previous is not None and previous.id == earlier.packet_id and previous.year == 2025


def test_a_missing_packet_file_is_reported_not_a_traceback(desk: DeskStore, packets: DeskPackets) -> None:
    packet = receive_packet(desk, packets.city).packet_id
    assert packet is not None
    desk.packet_path(packet).unlink()
    with pytest.raises(StoreError, match="找不到这个材料包的原件"):
        desk.packet_bytes(packet)


def test_a_pool_of_processes_gives_the_receipts_in_the_files_order(
    desk: DeskStore, packets: DeskPackets, tmp_path: Path
) -> None:
    inbox = tmp_path / "多个"
    for name in ("village", "city", "wenzhou", "tampered", "forged"):
        packets.copy(name, inbox)
    packets.copy("city", inbox / "再一份")
    receipts, odd = receive_paths(desk, [inbox], workers=2)
    assert odd == []
    shown = [
        (Path(r.source_name).parent.name, Path(r.source_name).name.split("-")[0], r.outcome) for r in receipts
    ]
    assert shown == [
        ("多个", "city", Outcome.ACCEPTED),
        ("多个", "forged", Outcome.ACCEPTED),  # the first packet in the village's name pins it…
        ("多个", "tampered", Outcome.REFUSED),
        ("多个", "village", Outcome.HELD),  # …so the genuine one waits for a reviewer: order matters
        ("多个", "wenzhou", Outcome.ACCEPTED),
        ("再一份", "city", Outcome.DUPLICATE),
    ]


def test_a_forger_first_can_be_undone_without_losing_anything(desk: DeskStore, packets: DeskPackets) -> None:
    forged = receive_packet(desk, packets.forged)  # arrives first: pins the village's name
    genuine = receive_packet(desk, packets.village)
    assert (forged.outcome, genuine.outcome) == (Outcome.ACCEPTED, Outcome.HELD)
    accepted = desk.accept_identity(genuine.packet_id, reason="电话核实：这是中心真正的证书", by="李")
    assert accepted.outcome is Outcome.OUTDATED  # signed before the forged one
    assert forged.center_id is not None and forged.fingerprint is not None
    with pytest.raises(InvalidInput, match="理由"):
        desk.retire_identity(forged.center_id, forged.fingerprint, reason="", uncount=True)
    uncounted = desk.retire_identity(
        forged.center_id, forged.fingerprint, reason="冒名", by="李", uncount=True
    )
    assert uncounted == [forged.packet_id]
    assert [r.packet_id for r in desk.list_rows(2026, status="accepted")] == [genuine.packet_id]
    assert desk.packet(forged.packet_id).state is PacketState.HELD
    assert "证书已停用" in desk.packet(forged.packet_id).held_reason
    again = receive_packet(desk, packets.forged)
    assert again.outcome is Outcome.DUPLICATE
    whats = [h.what for h in desk.history(center_id=forged.center_id)]
    assert "identity.retired" in whats and "packet.counted_again" in whats


def test_without_a_roster_missing_means_sent_before_but_not_this_year(
    desk: DeskStore, packets: DeskPackets
) -> None:
    receive_packet(desk, packets.village_2025)
    receive_packet(desk, packets.city)
    missing = desk.missing(2026)
    assert [(m.name, m.last_year, m.roster_id) for m in missing] == [(VILLAGE, 2025, None)]
    receive_packet(desk, packets.forged)  # in the village's name, another key: held, still missing
    assert desk.missing(2026)[0].held
    receive_packet(desk, packets.village)
    assert desk.missing(2026) == []
    assert desk.years() == [2026, 2025]
