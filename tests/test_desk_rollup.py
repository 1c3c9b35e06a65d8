"""The roll-up: the arithmetic with reviewer scores, the workbook as LibreOffice computes it, the PDF summary
checked with tools that did not write it."""

from __future__ import annotations

import csv
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from desk_packets import DeskPackets, desk_packets
from test_workbook import soffice

from dqsa.domain.rollup import ItemMark, ReviewState, Standard, Submission
from dqsa.export.receive import receive_packet
from dqsa.export.rollup_report import write_rollup_report
from dqsa.export.rollup_workbook import write_rollup_workbook
from dqsa.store.desk.records import RosterRow
from dqsa.store.desk.service import DeskStore

VILLAGE = "安吉县递铺街道某村（社区）党群服务中心"
CHECKLIST = Standard("w", "1.0.0", "checklist")


def checklist_submission(**changes: object) -> Submission:
    items = (
        ItemMark("B.1", Decimal(1), Decimal(1)),
        ItemMark("B.2", Decimal(0), Decimal(1)),
        ItemMark("B.3", Decimal(0), Decimal(0), applicable=False),
    )
    return Submission("1", "甲", "village", "", 2026, CHECKLIST, items, **changes)  # type: ignore[arg-type]


def test_a_reviewer_changes_what_applies_on_a_checklist() -> None:
    plain = checklist_submission()
    assert (plain.total, plain.max_total, plain.reviewed_total, plain.reviewed_max_total) == (1, 2, 1, 2)
    assert not plain.reviewed
    changed = checklist_submission(
        reviewer_scores={"B.2": Decimal(1), "B.3": Decimal(0)},
        reviewer_applicable={"B.1": False, "B.3": True},
    )
    # B.1 no longer applies, B.2 is met, B.3 now applies and is not met: 1 of 2
    assert (changed.reviewed_total, changed.reviewed_max_total, changed.reviewed_percent) == (
        1,
        2,
        Decimal(50),
    )
    assert (changed.total, changed.max_total) == (1, 2)  # the center's own figures stay


@pytest.fixture(scope="session")
def packets(tmp_path_factory: pytest.TempPathFactory) -> DeskPackets:
    return desk_packets(tmp_path_factory)


@pytest.fixture
def desk(tmp_path: Path, packets: DeskPackets):
    with DeskStore.create(tmp_path / "台账.dqsd", "某街道社会组织综合党委") as opened:
        opened.import_roster([RosterRow(VILLAGE), RosterRow("某某社区党群服务中心", "村(社区)", "吴兴区")])
        for name in ("village_2025", "village", "city", "township", "wenzhou", "v1", "forged"):
            receive_packet(opened, getattr(packets, name))
        rows = {r.name: r for r in opened.list_rows(2026, status="accepted")}
        village = rows[VILLAGE].packet_id
        opened.update_review(
            village,
            state=ReviewState.PROBLEM,
            reviewer="李审核",
            items=[("A1.site.1", "2", "现场设施不全"), ("A1.site.2", "2", "")],
        )
        wenzhou = next(r for r in rows.values() if r.checklist).packet_id
        sheet = opened.review_sheet(wenzhou)
        met = next(r for r in sheet if r.applicable and r.score == 1)
        not_applicable = next(r for r in sheet if not r.applicable)
        opened.update_review(
            wenzhou,
            state="通过",
            items=[(met.item_id, "不适用", "没有这个功能区"), (not_applicable.item_id, "不符合", "其实适用")],
        )
        yield opened


def _sheets(folder: Path, workbook: Path) -> dict[str, list[list[str]]]:
    filter_options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    soffice(folder, filter_options, workbook)
    sheets: dict[str, list[list[str]]] = {}
    for path in folder.glob(f"{workbook.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            sheets[path.stem.removeprefix(workbook.stem + "-")] = list(csv.reader(handle))
    return sheets


def test_libreoffice_computes_the_desks_own_figures(desk: DeskStore, tmp_path: Path) -> None:
    workbook = write_rollup_workbook(desk, 2026, tmp_path / "汇总.xlsx")
    sheets = _sheets(tmp_path, workbook)
    rows = {r.name: r for r in desk.list_rows(2026, status="accepted")}
    standards = [s for s in sheets if not s.startswith(("说明", "条目"))]
    assert len(standards) == 2  # Huzhou and Wenzhou never on one sheet
    seen = set()
    for name in standards:
        table = sheets[name]
        head = table[1]
        for line in table[3:]:
            if not line[0] or line[0].startswith("平均"):
                continue
            row = rows[line[0]]
            seen.add(row.name)
            values = dict(zip(head, line, strict=False))
            if row.checklist:
                assert Decimal(values["符合项"]) == row.total and Decimal(values["适用项"]) == row.max_total
                assert Decimal(values["符合率%"]) == row.percent
                reviewed = row.reviewed_total if row.reviewed_total is not None else row.total
                reviewed_max = row.reviewed_max if row.reviewed_max is not None else row.max_total
                assert Decimal(values["复核符合项"]) == reviewed
                assert Decimal(values["复核适用项"]) == reviewed_max
            else:
                assert Decimal(values["合计"]) == row.total and Decimal(values["得分率%"]) == row.percent
                for table_id, (score, _) in row.tables.items():
                    column = next(h for h in head if h.endswith(f"（{table_id}）"))
                    assert Decimal(values[column]) == score
                reviewed = row.reviewed_total if row.reviewed_total is not None else row.total
                assert Decimal(values["复核合计"]) == reviewed
            assert values["审核状态"] == row.review_state.label
        average = next(line for line in table if line[0].startswith("平均"))
        group = [r for r in rows.values() if r.standard.title in table[0][0]]
        column = head.index("符合率%" if group[0].checklist else "合计")
        expected = sum(((r.percent if r.checklist else r.total) for r in group), Decimal(0)) / len(group)
        assert abs(Decimal(average[column]) - expected) <= Decimal("0.05")
    assert seen == set(rows)
    village = rows[VILLAGE]
    assert village.reviewed_total == village.total - 3 + 2  # 3 → 2; the second score equals the center's
    overview = sheets["说明"]
    text = "\n".join(",".join(line) for line in overview)
    assert "某某社区党群服务中心" in text  # missing
    assert (
        "身份待核实（暂扣，未计入）：2 个" in text
    )  # the forged one, and v1 (the township under another key)


def test_the_pdf_summary_has_every_font_embedded_and_says_what_it_counts(
    desk: DeskStore, tmp_path: Path
) -> None:
    pdf = write_rollup_report(desk, 2026, tmp_path / "汇总 报告.pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all(" yes yes " in line for line in lines), fonts
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "2026 年度党群服务中心自评汇总" in text
    assert "已接收并计入" in text and "4 个中心" in text
    assert "身份待核实" in text and "尚未报送（1 个）" in text and "某某社区党群服务中心" in text
    assert "湖州标准附录A" in text and "核查清单" in text
    assert "与 2025 年度相比" in text and "1 个中心两个年度都已报送" in text
    assert VILLAGE[:8] in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:" in pages


def test_a_year_without_packets_still_makes_both_outputs(desk: DeskStore, tmp_path: Path) -> None:
    workbook = write_rollup_workbook(desk, 2030, tmp_path / "空.xlsx")
    pdf = write_rollup_report(desk, 2030, tmp_path / "空.pdf")
    assert workbook.stat().st_size > 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "还没有已接收的材料包" in text


def test_a_read_only_target_folder_is_a_message_and_leaves_nothing(desk: DeskStore, tmp_path: Path) -> None:
    from dqsa.store.errors import SaveFailed

    folder = tmp_path / "只读"
    folder.mkdir()
    (folder / "汇总.xlsx").mkdir()  # a folder where the file should go: replacing it fails
    with pytest.raises(SaveFailed, match=f"保存到文件夹“{folder}”"):
        write_rollup_workbook(desk, 2026, folder / "汇总.xlsx")
    assert sorted(p.name for p in folder.iterdir()) == ["汇总.xlsx"]
