"""The packet's Excel workbook: sheets, numbers and formulas the level above can add up (computed
by LibreOffice, which did not write them), the reviewer's cells, 汇总行, printing, protection."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from dqsa.answers_file import load_answers_file
from dqsa.domain.answers import CHECKLIST_LABELS
from dqsa.domain.scoring import TableResult, score
from dqsa.export import wording
from dqsa.export.content import EvidenceItem, ReportInput, Signer
from dqsa.export.workbook import ROLLUP_FIXED, SCORE_FORMAT, build_workbook, rollup_columns
from dqsa.export.workbook.layout import display_width, valid_sheet_name
from dqsa.packs import find_pack

DATA = Path(__file__).parent / "data"
FINGERPRINT = ":".join(["AB", "CD", "EF", "01"] * 8)
CJK_FONTS = {"SimSun", "SimHei"}
#: The Huzhou pack's catalogues and checklist, as its catalogue sheet is named.
HUZHOU_CATALOGUES = "功能区、宣传展示内容、工作机制、台账"


def report_input(name: str) -> ReportInput:
    answers = load_answers_file(DATA / f"{name}.json")
    pack = find_pack(answers.pack.id)
    evidence = EvidenceItem(
        packet_name="evidence/01-综合接待区照片.jpg",
        original_name="IMG_0001.jpg",
        caption="综合接待区全景",
        target_kind="zone",
        target_id="reception",
        target_label="综合接待区",
        kind="photo",
        media_type="image/jpeg",
        data=b"x",
    )
    signer = Signer(
        name="张伟", title="村党组织书记", fingerprint=FINGERPRINT, signed_at=datetime(2026, 11, 20, 10, 30)
    )
    return ReportInput(
        pack=pack,
        answers=answers,
        card=score(pack, answers),
        evidence=(evidence,),
        signer=signer,
        program_version="0.1.0",
    )


@pytest.fixture(scope="module")
def weak() -> tuple[ReportInput, bytes]:
    data = report_input("village-weak")
    return data, build_workbook(data)


@pytest.fixture(scope="module")
def wenzhou_book() -> tuple[ReportInput, bytes]:
    data = report_input("wenzhou-village")
    return data, build_workbook(data)


def opened(content: bytes):
    return load_workbook(io.BytesIO(content))


def header_row(ws: Worksheet, first: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == first)


def table_rows(ws: Worksheet) -> tuple[list[int], list[int], int]:
    """Item rows, subtotal rows and the total row of a scoring-table sheet."""
    start = header_row(ws, "项目") + 1
    items, subtotals, total = [], [], 0
    for r in range(start, ws.max_row + 1):
        number, first = ws.cell(r, 2).value, ws.cell(r, 1).value
        if isinstance(number, int):
            items.append(r)
        elif number == "小计":
            subtotals.append(r)
        elif first == "合计":
            total = r
    return items, subtotals, total


def exact(value: object) -> Decimal:
    assert isinstance(value, int | float) and not isinstance(value, bool), repr(value)
    return Decimal(str(value))


def check_table_numbers(ws: Worksheet, table: TableResult, data: ReportInput, *, checklist: bool) -> None:
    """Item values as numbers, subtotals and the total as formulas over exactly their rows."""
    items, subtotals, total = table_rows(ws)
    results = [i for s in table.sections for i in s.items]
    assert len(items) == len(results)
    for r, result in zip(items, results, strict=True):
        assert ws.cell(r, 2).value == result.number
        assert ws.cell(r, 3).value == data.pack.item(result.item_id).text
        assert ws.cell(r, 6).value is None  # 复核得分, for the reviewer
        if not checklist:
            assert exact(ws.cell(r, 4).value) == result.max_points
            assert exact(ws.cell(r, 5).value) == result.score
            assert ws.cell(r, 4).number_format == ws.cell(r, 5).number_format == SCORE_FORMAT
    assert len(subtotals) == len(table.sections)
    first = items[0]
    for r in subtotals:
        last = r - 1
        if checklist:
            assert ws.cell(r, 4).value == f'=COUNTIF(D{first}:D{last},"是")'
            assert ws.cell(r, 5).value == f'=COUNTIF(E{first}:E{last},"符合")'
        else:
            assert ws.cell(r, 4).value == f"=SUM(D{first}:D{last})"
            assert ws.cell(r, 5).value == f"=SUM(E{first}:E{last})"
        first = r + 1
        assert len([i for i in items if i < r]) == sum(
            len(s.items) for s in table.sections[: subtotals.index(r) + 1]
        )
    assert total == max(items + subtotals) + 1
    assert ws.cell(total, 5).value == "=" + "+".join(f"E{r}" for r in subtotals)
    assert ws.cell(total, 4).value == "=" + "+".join(f"D{r}" for r in subtotals)


# --- sheets and numbers ---------------------------------------------------------------------------------


def test_sheet_names_in_order(weak, wenzhou_book) -> None:
    assert opened(weak[1]).sheetnames == [
        "汇总", "建设工作", "运行管理", "工作人员", HUZHOU_CATALOGUES, "改进措施", "证明材料", "汇总行",
    ]  # fmt: skip
    assert opened(wenzhou_book[1]).sheetnames == [
        "汇总", "设施", "功能", "运行", "工作人员", "制度", "改进措施", "证明材料", "汇总行",
    ]  # fmt: skip  # the catalogue sheet is named by the pack's catalogues and checklists


def test_scored_tables_are_numbers_and_formulas(weak) -> None:
    data, content = weak
    wb = opened(content)
    for table in data.card.tables:
        check_table_numbers(wb[table.short_title], table, data, checklist=False)
    assert [t.score for t in data.card.tables] == [Decimal("53.2"), Decimal("45.3")]


def test_the_same_columns_in_the_same_order_on_every_sheet(weak, wenzhou_book) -> None:
    wb = opened(weak[1])
    heads = {
        name: [wb[name].cell(header_row(wb[name], first), c).value for c in range(1, 7)]
        for name, first in (("建设工作", "项目"), ("运行管理", "项目"), ("改进措施", "条目"))
    }
    assert (
        heads["建设工作"] == heads["运行管理"] == ["项目", "序号", "考评内容", "分值", "自评得分", "复核得分"]
    )
    assert heads["改进措施"] == ["条目", "条目编号", "考评内容", "分值", "得分", "改进措施"]
    # 分值 before 得分 wherever both appear
    for head in heads.values():
        assert head.index("分值") < next(k for k, h in enumerate(head) if h.endswith("得分"))


def test_override_and_basis_are_shown(weak) -> None:
    ws = opened(weak[1])["建设工作"]
    texts = [ws.cell(r, 7).value for r in table_rows(ws)[0]]
    zones_1 = next(t for t in texts if "人工更正" in t)
    assert "业务办理在综合接待区内合并设置" in zones_1
    assert zones_1.count("业务办理在综合接待区内合并设置") == 1  # the reason is not repeated
    assert any(t.startswith("【人工评定】") for t in texts)
    assert any(t.startswith("【自动计分】") for t in texts)


def test_section_cells_are_merged_over_their_rows(weak, wenzhou_book) -> None:
    for data, content in (weak, wenzhou_book):
        wb = opened(content)
        for table in data.card.tables:
            ws = wb[table.short_title]
            merged = {
                (m.min_row, m.max_row): ws.cell(m.min_row, 1).value
                for m in ws.merged_cells.ranges
                if m.min_col == m.max_col == 1
            }
            titles = sorted(merged.items())
            assert len(titles) == len(table.sections)
            for ((first, last), title), section in zip(titles, table.sections, strict=True):
                assert title.startswith(section.title)
                assert last - first == len(section.items)  # the items and the subtotal
                assert ws.cell(last, 2).value == "小计"


def test_checklist_tables(wenzhou_book) -> None:
    data, content = wenzhou_book
    wb = opened(content)
    statuses = set()
    for table in data.card.tables:
        ws = wb[table.short_title]
        assert [ws.cell(header_row(ws, "项目"), c).value for c in range(1, 8)] == [
            "项目", "序号", "核查内容", "适用", "核查结果", "复核结果", "说明",
        ]  # fmt: skip
        check_table_numbers(ws, table, data, checklist=True)
        items, _, _ = table_rows(ws)
        statuses |= {ws.cell(r, 5).value for r in items}
    assert {"符合", "不符合", "不适用", "未填写"} <= statuses
    ws = wb["运行"]
    r = next(r for r in table_rows(ws)[0] if ws.cell(r, 3).value == "监督与评价")
    assert ws.cell(r, 5).value == "未填写"
    assert ws.cell(r, 5).fill.fgColor.rgb.endswith("FFF2CC")


def test_summary_sheet(weak, wenzhou_book) -> None:
    data, content = weak
    ws = opened(content)["汇总"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    labels = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    assert labels["中心名称"] == data.card.center_name
    assert labels["级别"] == "村(社区)"
    assert labels["所在地区"] == "湖州市安吉县"
    assert labels["评价年度"] == 2026
    assert labels["标准包编号"] == "huzhou-social-org"
    assert labels["标准包版本"] == "1.0.0"
    assert labels["依据性质"] == "正式发布的标准"
    assert labels["建设工作"].startswith("='建设工作'!E")  # the sheet's total, not a copy of it
    assert labels["合计"].startswith("=SUM(B")
    assert labels["未填写条目数"] == len(data.card.unanswered)
    assert labels["未达满分条目数"] == len(data.card.below_full)
    assert labels["签署人"] == "张伟"
    assert labels["职务"] == "村党组织书记"
    assert labels["签署时间"] == "2026年11月20日 10:30"
    assert labels["证书指纹（SHA-256）"] == wording.fingerprint_text(FINGERPRINT)
    assert labels["程序版本"] == "dqsa 0.1.0"
    assert data.pack.title in values
    for reviewer in ("审核意见", "审核人", "日期", "盖章"):
        assert reviewer in labels and labels[reviewer] is None

    wz = opened(wenzhou_book[1])["汇总"]
    nature = next(wz.cell(r, 2).value for r in range(1, wz.max_row + 1) if wz.cell(r, 1).value == "依据性质")
    assert "编制说明" in nature and "不是正式发布的标准" in nature
    heads = [wz.cell(header_row(wz, "核查表"), c).value for c in range(1, 6)]
    assert heads == ["核查表", "符合项", "适用项", "符合率（%）", "复核后符合项"]


def test_only_the_reviewer_cells_are_open_in_the_protected_sheets(weak) -> None:
    _, content = weak
    wb = opened(content)
    summary = wb["汇总"]
    rows = {summary.cell(r, 1).value: r for r in range(1, summary.max_row + 1)}
    for reviewer in ("审核意见", "审核人", "日期", "盖章"):
        assert summary.cell(rows[reviewer], 2).protection.locked is False
    assert summary.cell(rows["中心名称"], 2).protection.locked is True
    ws = wb["建设工作"]
    for r in table_rows(ws)[0]:
        assert ws.cell(r, 6).protection.locked is False  # 复核得分
        assert ws.cell(r, 5).protection.locked is True  # 自评得分 stays as signed


def test_the_rollup_row_has_fixed_columns_and_one_row(weak, wenzhou_book) -> None:
    for data, content in (weak, wenzhou_book):
        ws = opened(content)["汇总行"]
        assert ws.max_row == 2
        header = [c.value for c in ws[1]]
        row = [c.value for c in ws[2]]
        card = data.card
        assert header == rollup_columns(data)
        assert header[: len(ROLLUP_FIXED)] == [
            "中心名称",
            "级别",
            "所在地区",
            "年度",
            "标准包编号",
            "标准包版本",
        ]
        tables = [t.table_id for t in card.tables]
        assert header[6 : 6 + len(tables)] == tables and header[6 + len(tables)] == "合计"
        assert header[7 + len(tables) :] == [i.item_id for i in card.items()]
        assert row[:6] == [
            card.center_name,
            card.level_label,
            data.answers.center.region,
            2026,
            card.pack_id,
            card.pack_version,
        ]
        values = dict(zip(header, row, strict=True))
        assert exact(values["合计"]) == card.total
        for table in card.tables:
            assert exact(values[table.table_id]) == table.score
        for item in card.items():
            if card.pack_kind == "checklist":
                assert values[item.item_id] == CHECKLIST_LABELS[item.status or "unanswered"]
            elif item.applicable:
                assert exact(values[item.item_id]) == item.score
    assert [t.table_id for t in weak[0].card.tables] == ["A1", "A2"]


def test_staff_sheet(weak, wenzhou_book) -> None:
    ws = opened(weak[1])["工作人员"]
    head = header_row(ws, "姓名")
    assert [ws.cell(head, c).value for c in range(1, 7)] == [
        "姓名",
        "职务",
        "专职",
        "党员",
        "受过培训",
        "电话",
    ]
    people = [[ws.cell(r, c).value for c in range(1, 6)] for r in range(head + 1, head + 4)]
    assert people == [
        ["张伟", "村党组织书记（兼）", "否", "是", "是"],
        ["刘芳", "村委委员（兼）", "否", "是", "否"],
        ["周强", "村干部（兼）", "否", "否", "否"],
    ]
    assert ws.cell(head + 4, 1).value.startswith("共 3 人")
    wz = opened(wenzhou_book[1])["工作人员"]
    assert "未填写" in wz.cell(header_row(wz, "姓名") + 1, 1).value


def test_zones_sheet(weak) -> None:
    data, content = weak
    ws = opened(content)[HUZHOU_CATALOGUES]
    head = header_row(ws, "类别")
    rows = {
        ws.cell(r, 2).value: [ws.cell(r, c).value for c in range(3, 7)]
        for r in range(head + 1, ws.max_row + 1)
    }
    assert rows["综合接待区"] == ["综合服务区", "已设置", 20, None]
    assert rows["业务办理区"] == ["综合服务区", "未设置", None, None]
    assert rows["区域概况"][1] == "已展示"
    assert rows["工作职能"][1] == "未展示"
    assert rows["统筹协调机制"][1] == "已建立"
    assert rows["联席会议机制"][1] == "未建立"
    assert rows["服务手册"][1] == "未填写"  # the village did not answer the ledgers
    pack = data.pack
    contents = pack.group_facts("宣传展示内容")
    assert len(contents) == 11
    assert len(rows) == sum(len(c.entries) for c in pack.catalogs) + len(contents)
    categories = [ws.cell(m.min_row, 1).value for m in ws.merged_cells.ranges if m.min_col == m.max_col == 1]
    assert sorted(categories) == sorted(["功能区", "宣传展示内容", "工作机制", "台账"])  # the pack's words
    assert ws.cell(1, 1).value == f"{HUZHOU_CATALOGUES}情况"


def test_corrective_actions_sheet(weak, wenzhou_book) -> None:
    data, content = weak
    ws = opened(content)["改进措施"]
    head = header_row(ws, "条目")
    rows = [r for r in range(head + 1, ws.max_row + 1) if ws.cell(r, 2).value]
    assert [ws.cell(r, 2).value for r in rows] == data.card.below_full
    for r in rows:
        result = data.card.item(ws.cell(r, 2).value)
        assert ws.cell(r, 1).value == wording.item_label(data.pack, result.item_id)
        assert ws.cell(r, 3).value == result.text
        assert exact(ws.cell(r, 4).value) == result.max_points
        assert exact(ws.cell(r, 5).value) == result.score
    actions = {ws.cell(r, 2).value: ws.cell(r, 6).value for r in rows}
    assert actions["A1.area.2"] == "2027年6月前协调村委会议室，服务空间扩至200㎡以上"
    assert actions["A1.site.3"] == "【缺】未填写改进措施"

    wdata, wcontent = wenzhou_book
    wz = opened(wcontent)["改进措施"]
    whead = header_row(wz, "条目")
    listed = [wz.cell(r, 2).value for r in range(whead + 1, wz.max_row + 1) if wz.cell(r, 2).value]
    assert listed == wdata.card.below_full


def with_last_year(data: ReportInput) -> ReportInput:
    """The weak village compared with a 2025 in which two manual items were not answered yet
    and no result was overridden (this year overrides A1.zones.1)."""
    from dqsa.domain.comparison import compare

    answers = data.answers
    old_scores = {k: v for k, v in answers.manual_scores.items() if k not in {"A1.site.1", "A2.team.1"}}
    old = answers.model_copy(update={"year": 2025, "manual_scores": old_scores, "overrides": {}})
    old_card = score(data.pack, old)
    comparison = compare(old_card, old, data.pack, data.card, answers, data.pack)
    return dataclasses.replace(data, comparison=comparison)


def test_the_comparison_sheet_leaves_an_unanswered_year_blank_and_says_why() -> None:
    data = with_last_year(report_input("village-weak"))
    ws = opened(build_workbook(data))["与上年对比"]
    head = header_row(ws, "项目或条目")
    assert [ws.cell(head, c).value for c in range(4, 9)] == ["2025年", "2026年", "变化", "趋势", "说明"]
    rows = {ws.cell(r, 2).value: r for r in range(head + 1, ws.max_row + 1) if ws.cell(r, 2).value}
    site = rows["A1.site.1"]
    assert ws.cell(site, 4).value is None and ws.cell(site, 5).value == 3  # unanswered is not a 0
    assert ws.cell(site, 7).value == "未填写" and ws.cell(site, 8).value == "上年未填写"
    zones = rows["A1.zones.1"]
    assert ws.cell(zones, 8).value.startswith("本年为人工更正（理由：业务办理在综合接待区内合并设置")
    section = rows["A1.site"]  # its 2025 subtotal is lower because A1.site.1 was not answered then
    assert ws.cell(section, 8).value == "上年 1 项未填写（按 0 分计，变化不一定是实际的进步或退步）"
    assert ws.cell(rows["A1.area"], 8).value in (None, "")
    notes = [ws.cell(r, 1).value for r in range(head + 1, ws.max_row + 1)]
    counts = next(n for n in notes if n and n.startswith("进步"))
    assert (
        f"未填写 {data.comparison.count('unanswered')} 项" in counts
        and data.comparison.count("unanswered") == 2
    )


def test_evidence_sheet(weak) -> None:
    ws = opened(weak[1])["证明材料"]
    head = header_row(ws, "所属")
    assert [ws.cell(head, c).value for c in range(1, 6)] == ["所属", "文件名", "原文件名", "说明", "类型"]
    assert [ws.cell(head + 1, c).value for c in range(1, 6)] == [
        "综合接待区", "evidence/01-综合接待区照片.jpg", "IMG_0001.jpg", "综合接待区全景", "照片",
    ]  # fmt: skip


def test_empty_evidence_and_no_below_full_get_a_note() -> None:
    data = report_input("village-weak")
    perfect = dataclasses.replace(data.card, tables=())
    content = build_workbook(dataclasses.replace(data, evidence=(), card=perfect))
    wb = opened(content)
    assert wb.sheetnames == ["汇总", "工作人员", HUZHOU_CATALOGUES, "改进措施", "证明材料", "汇总行"]
    assert "无需改进措施" in wb["改进措施"].cell(3, 1).value
    assert wb["证明材料"].cell(3, 1).value == "未附证明材料。"


# --- what LibreOffice computes and prints (one conversion of both workbooks to CSV, one to PDF) ----------


@pytest.fixture(scope="module")
def compared() -> tuple[ReportInput, bytes]:
    data = with_last_year(report_input("village-weak"))
    return data, build_workbook(data)


def without_results(content: bytes) -> bytes:
    """The workbook with every formula's stored result taken out: LibreOffice uses a stored
    result as it is (it ignores ``fullCalcOnLoad``), so only a workbook without them shows what
    LibreOffice itself computes."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'( t="str")?(><f>[^<]*</f>)<v>[^<]*</v>', rb"\2<v></v>", data)
                assert not re.search(rb"</f><v>[^<]", data)
            target.writestr(info, data)
    return out.getvalue()


def reviewed(content: bytes, values: dict[str, dict[int, object]]) -> bytes:
    """The workbook after a reviewer typed ``values`` ({sheet: {row: value}}) into 复核 (column F)."""
    wb = opened(content)
    for sheet, rows in values.items():
        for row, value in rows.items():
            wb[sheet].cell(row, 6).value = value
    buffer = io.BytesIO()
    wb.save(buffer)  # openpyxl stores no results: LibreOffice computes them all
    return buffer.getvalue()


#: What the reviewer types in the `calculated` copies: (book, sheet, item numbers in the first
#: section → value).
REVIEWS = {"weak": ("建设工作", {1: 0, 3: 1.5}), "wenzhou": ("设施", {1: "不符合"})}


@pytest.fixture(scope="module")
def calculated(
    weak, wenzhou_book, compared, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, list[list[str]]]]:
    """Every sheet of the workbooks as LibreOffice computes it, {book: {sheet: rows}}: weak,
    wenzhou and compared as made (results taken out), and reviewed-weak / reviewed-wenzhou
    after a reviewer typed REVIEWS into 复核."""
    folder = tmp_path_factory.mktemp("calc")
    books = {"weak": weak[1], "wenzhou": wenzhou_book[1], "compared": compared[1]}
    for name, (sheet, by_number) in REVIEWS.items():
        ws = opened(books[name])[sheet]
        items = table_rows(ws)[0]
        books[f"reviewed_{name}"] = reviewed(
            books[name], {sheet: {items[n - 1]: value for n, value in by_number.items()}}
        )
    for name, content in books.items():
        (folder / f"{name}.xlsx").write_bytes(without_results(content))
    filter_options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    soffice(folder, filter_options, *(folder / f"{name}.xlsx" for name in books))
    sheets: dict[str, dict[str, list[list[str]]]] = {name: {} for name in books}
    for path in folder.glob("*.csv"):
        book, _, sheet = path.stem.partition("-")
        with path.open(encoding="utf-8", newline="") as handle:
            sheets[book][sheet] = list(csv.reader(handle))
    return sheets


def soffice(folder: Path, target: str, *files: Path) -> None:
    profile = folder / "profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
         "--outdir", str(folder), *map(str, files)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip


def number(text: str) -> Decimal:
    return Decimal(text)


def test_libreoffice_computes_the_totals_of_the_scorecard(weak, wenzhou_book, calculated) -> None:
    for key, (data, _) in (("weak", weak), ("wenzhou", wenzhou_book)):
        sheets = calculated[key]
        assert set(sheets) == set(opened(_).sheetnames)
        card = data.card
        for table in card.tables:
            rows = sheets[table.short_title]
            subtotals = [r for r in rows if r[1:2] == ["小计"]]
            assert [(number(r[3]), number(r[4])) for r in subtotals] == [
                (s.max_points, s.score) for s in table.sections
            ]
            total = next(r for r in rows if r[0] == "合计")
            assert (number(total[3]), number(total[4])) == (table.max_points, table.score)
            if card.pack_kind == "checklist":
                expected = f"符合 {wording.fmt(table.score)} / 适用 {wording.fmt(table.max_points)}，符合率 {float(table.percent):.1f}%"
                assert total[6] == (expected if table.max_points else "无适用项")
            else:
                assert total[6] == f"得分率 {float(table.percent):.1f}%"
        summary = sheets["汇总"]
        total = next(r for r in summary if r[0] == "合计")
        assert number(total[1]) == card.total and number(total[2]) == card.max_total
        assert number(total[3]) == card.percent
        for table in card.tables:
            row = next(r for r in summary if r[0] == table.short_title)
            assert number(row[1]) == table.score and number(row[3]) == table.percent
        rollup = sheets["汇总行"]
        assert len(rollup) == 2
        assert number(rollup[1][rollup[0].index("合计")]) == card.total


def same(stored: object, computed: str) -> bool:
    """A stored result and LibreOffice's (CSV of values, not as formatted): equal numbers or texts."""
    if stored is None:
        return computed == ""
    if isinstance(stored, int | float):
        return Decimal(str(stored)) == number(computed)
    return stored == computed


def test_every_formula_is_stored_with_the_result_libreoffice_computes(
    weak, wenzhou_book, compared, calculated
) -> None:
    """openpyxl data_only (what pandas reads) finds a number or text in every formula cell,
    and it is what LibreOffice computes from the formulas on its own."""
    checked = 0
    for key, (_, content) in (("weak", weak), ("wenzhou", wenzhou_book), ("compared", compared)):
        formulas, results = opened(content), load_workbook(io.BytesIO(content), data_only=True)
        for ws in formulas.worksheets:
            rows = calculated[key][ws.title]
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type != "f":
                        continue
                    result = results[ws.title][cell.coordinate].value
                    blank_change = ws.title == "与上年对比" and cell.column == 6
                    assert result is not None or blank_change, (key, ws.title, cell.coordinate)
                    computed = rows[cell.row - 1][cell.column - 1]
                    assert same(result, computed), (key, ws.title, cell.coordinate, result, computed)
                    checked += 1
    assert checked > 200  # 241 when written


def test_a_reviewer_types_into_the_open_review_column_and_its_totals_follow(
    weak, wenzhou_book, calculated
) -> None:
    """复核得分 (F) is open in the protected sheet; its subtotal, total and the summary's 复核后得分
    take the reviewer's value where one was typed and the self-assessment elsewhere."""
    for key, (data, content) in (("weak", weak), ("wenzhou", wenzhou_book)):
        sheet, by_number = REVIEWS[key]
        ws = opened(content)[sheet]
        items = table_rows(ws)[0]
        assert all(ws.cell(r, 6).protection.locked is False for r in items)
        assert ws.protection.sheet is True
        table = next(t for t in data.card.tables if t.short_title == sheet)
        section = table.sections[0]
        assert len(section.items) >= max(by_number)
        change = Decimal(0)
        for n, value in by_number.items():
            item = section.items[n - 1]
            if key == "weak":
                change += Decimal(value) - item.score
            else:
                change += (value == "符合") - (item.status == "met")
        before, after = calculated[key], calculated[f"reviewed_{key}"]
        subtotal = next(i for i, r in enumerate(after[sheet]) if r[1] == "小计")
        assert number(before[sheet][subtotal][5]) == section.score
        assert number(after[sheet][subtotal][5]) == section.score + change
        assert after[sheet][subtotal][4] == before[sheet][subtotal][4]  # the self-assessment stays
        total = next(r for r in after[sheet] if r[0] == "合计")
        assert number(total[5]) == table.score + change and number(total[4]) == table.score
        summary = next(r for r in after["汇总"] if r[0] == "合计")
        assert number(summary[4]) == data.card.total + change and number(summary[1]) == data.card.total
    assert change != 0


def test_the_review_column_accepts_only_what_a_reviewer_may_enter(weak, wenzhou_book) -> None:
    for (data, content), allowed in ((weak, "decimal"), (wenzhou_book, "list")):
        ws = opened(content)[data.card.tables[0].short_title]
        items, subtotals, _ = table_rows(ws)
        rules = ws.data_validations.dataValidation
        assert {r.type for r in rules} == {allowed} and all(r.showErrorMessage for r in rules)
        covered = {c for r in rules for rng in r.sqref.ranges for row in rng.rows for c in row}
        assert {(r, 6) for r in items} <= covered
        assert not {(r, 6) for r in subtotals} & covered
        if allowed == "decimal":
            first = rules[0]
            assert first.formula1 == "0" and re.fullmatch(r"D[0-9]+", first.formula2)
            assert "复核得分应在 0 到该条分值之间" in first.error
        else:
            assert rules[0].formula1 == '"符合,不符合,不适用"'


def test_no_printed_page_holds_only_a_few_leftover_rows(weak, wenzhou_book, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("print")
    for name, (_, content) in (("weak", weak), ("wenzhou", wenzhou_book)):
        (folder / f"{name}.xlsx").write_bytes(content)
    soffice(folder, "pdf", folder / "weak.xlsx", folder / "wenzhou.xlsx")
    firsts = (
        "自评汇总表",
        "评价内容及分值",
        "核查清单",
        "工作人员名单",
        "功能区、宣传展示内容",
        "制度情况",
        "改进措施",
        "对比",
        "证明材料清单",
        "中心名称",
    )
    for name in ("weak", "wenzhou"):
        pdf = folder / f"{name}.pdf"
        pages = int(
            re.search(
                r"Pages:\s+(\d+)",
                subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout,
            ).group(1)
        )
        for page in range(1, pages + 1):
            text = subprocess.run(
                ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            lines = [line for line in text.splitlines() if line.strip() and "页，共" not in line]
            if not any(first in text for first in firsts):  # a sheet's continuation page
                assert len(lines) >= 8, (name, page, lines)


# --- reads and prints well --------------------------------------------------------------------------------


def test_print_setup_and_protection(weak, wenzhou_book) -> None:
    for data, content in (weak, wenzhou_book):
        wb = opened(content)
        tables = {t.short_title for t in data.card.tables}
        for ws in wb.worksheets:
            landscape = ws.title in tables or ws.title == "与上年对比"
            assert ws.page_setup.orientation == ("landscape" if landscape else "portrait"), ws.title
            assert str(ws.page_setup.paperSize) == "9", ws.title  # A4
            assert ws.page_setup.fitToWidth == 1
            assert ws.page_setup.fitToHeight >= 0  # 0: as many pages as it takes; n: no orphan page
            assert ws.sheet_properties.pageSetUpPr.fitToPage is True
            assert ws.print_title_rows, ws.title
            assert ws.freeze_panes, ws.title
            assert ws.protection.sheet is True
            assert not ws.protection.password
            assert ws.protection.formatColumns is False and ws.protection.formatRows is False
            if ws.title != "汇总":
                head = int(ws.print_title_rows.split(":")[0].lstrip("$"))
                assert ws.freeze_panes == f"{'B' if ws.title == '汇总行' else 'A'}{head + 1}"
                assert ws.cell(head, 1).font.b and ws.cell(head, 1).fill.fill_type == "solid"
        assert wb["汇总"].print_title_rows == "$1:$1"
        assert wb["汇总"].freeze_panes == "A2"


def test_every_value_in_a_cjk_font_with_borders_in_tables(weak, wenzhou_book) -> None:
    for _, content in (weak, wenzhou_book):
        wb = opened(content)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        assert cell.font.name in CJK_FONTS, (ws.title, cell.coordinate)
            head = int(ws.print_title_rows.split(":")[0].lstrip("$"))
            first = ws.cell(head + 1, 1)
            assert first.border.left.style == first.border.bottom.style == "thin", ws.title


def test_column_widths_and_wrapped_row_heights(weak) -> None:
    wb = opened(weak[1])
    for name in ("建设工作", "运行管理"):
        ws = wb[name]
        assert ws.column_dimensions["C"].width >= 50
        assert ws.cell(header_row(ws, "项目") + 1, 3).alignment.wrap_text
        longest = max(table_rows(ws)[0], key=lambda r: len(ws.cell(r, 3).value))
        assert ws.row_dimensions[longest].height >= 45  # three lines or more
    ws = wb["建设工作"]
    short = next(r for r in table_rows(ws)[0] if ws.cell(r, 3).value == "有资产管理工作制度")
    assert ws.row_dimensions[short].height is None  # one line: left to Excel
    number_widths = [ws.column_dimensions[c].width for c in "BDE"]
    assert all(5 <= w <= 12 for w in number_widths)
    assert wb["改进措施"].column_dimensions["C"].width >= 40


def test_workbook_properties(weak) -> None:
    props = opened(weak[1]).properties
    assert props.creator == "dqsa 0.1.0"
    assert "安吉县递铺街道某村（社区）党群服务中心" in props.title


# --- helpers and the import boundary ------------------------------------------------------------------


def test_display_width_counts_cjk_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("建设工作") == 8
    assert display_width("（A）") == 5


def test_sheet_names_are_valid_and_unique() -> None:
    assert valid_sheet_name("汇总", ["汇总"]) == "汇总(2)"
    assert valid_sheet_name("a/b:c", []) == "a_b_c"
    long = valid_sheet_name("长" * 40, [])
    assert len(long) == 31
    assert len(valid_sheet_name("长" * 40, [long])) == 31


def test_importing_the_module_does_not_import_openpyxl() -> None:
    code = "import sys, dqsa.export.workbook; print('openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_result_with_no_formula_cell_to_hold_it_stops_the_workbook(weak) -> None:
    """If openpyxl ever writes formulas differently, the export stops rather than sending a
    workbook whose totals read as empty."""
    from dqsa.export.workbook.results import with_results

    with pytest.raises(ValueError, match="ZZ999"):
        with_results(weak[1], {1: {"ZZ999": 1}})
