"""The lists of the workbook: the staff roster, the catalogues (zones, contents, mechanisms, ledgers),
the corrective actions and the evidence."""

from __future__ import annotations

from decimal import Decimal

from dqsa.domain.answers import CHECKLIST_LABELS, catalog_answers, catalog_flag
from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.workbook.cells import MISSING_MEASURE, num
from dqsa.export.workbook.layout import SCORE_FORMAT, Col, NewSheet

#: A row of the zones sheet: name, group, state, area (m²), note.
Entry = tuple[str, str, str, Decimal | None, str]
#: What stands for an answer not given.
UNANSWERED = CHECKLIST_LABELS["unanswered"]


def staff_sheet(sheet: NewSheet, data: ReportInput) -> None:
    s = sheet(
        "工作人员",
        [
            Col("姓名", minimum=10, maximum=16),
            Col("职务", minimum=12, maximum=30, wrap=True),
            Col("专职", minimum=6, maximum=6, align="center"),
            Col("党员", minimum=6, maximum=6, align="center"),
            Col("受过培训", minimum=10, maximum=10, align="center"),
            Col("电话", minimum=14, maximum=18),
        ],
    )
    roster = data.pack.roster
    s.title(roster.label if roster is not None else s.ws.title)
    s.header()
    staff = data.answers.staff
    for person in staff or []:
        r = s.next_row()
        s.put(r, 1, person.name)
        s.put(r, 2, person.role)
        s.put(r, 3, wording.yes_no(person.full_time))
        s.put(r, 4, wording.yes_no(person.party_member))
        s.put(r, 5, wording.yes_no(person.trained))
        s.put(r, 6, person.phone, number_format="@")
    if staff is None:
        s.note("工作人员名单未填写（相关条目按未填写计）。", boxed=True)
    elif not staff:
        s.note("已填写：本中心没有工作人员。", boxed=True)
    else:
        counts = [
            f"{fact.label} {data.pack.value_text(fact.id, sum(bool(getattr(p, count.flag)) for p in staff))}"
            for fact, count in data.pack.roster_counts()
            if count.flag is not None
        ]
        s.note(f"共 {len(staff)} 人" + (f"；{'、'.join(counts)}" if counts else "") + "。")
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)


def catalogue_blocks(data: ReportInput) -> list[tuple[str, list[Entry]]]:
    """The pack's catalogues (功能区, 工作机制, 台账, …) and checklist groups (宣传展示内容),
    each with every entry's state in the pack's words, in the order of the pages they are on."""
    pack, answers = data.pack, data.answers
    order = {page.id: n for n, page in enumerate(pack.pages)}
    blocks: list[tuple[int, str, list[Entry]]] = []
    for catalog in pack.catalogs:
        answered = {a.id: a for a in catalog_answers(answers, catalog.answers)}
        rows: list[Entry] = []
        for entry in catalog.entries:
            got = answered.get(entry.id)
            if got is None:
                state = UNANSWERED
            else:
                state = catalog.yes_word if catalog_flag(got, catalog) else catalog.no_word
            area = getattr(got, "area_m2", None) if catalog.area else None
            rows.append((entry.label, entry.group or "", state, area, got.note if got else ""))
        blocks.append((order.get(catalog.page, len(order)), catalog.label, rows))
    for group in pack.fact_groups:
        facts = pack.group_facts(group.label)
        if group.style != "checklist" or not facts:
            continue
        rows = []
        for fact in facts:
            value = answers.facts.get(fact.id)
            state = UNANSWERED if value is None else group.yes_word if value else group.no_word
            rows.append((fact.label, fact.group or "", state, None, ""))
        blocks.append((order.get(facts[0].page, len(order)), group.label, rows))
    # A page's catalogues before its checklists (stable sort: each in pack order).
    return [(label, rows) for _, label, rows in sorted(blocks, key=lambda block: block[0]) if rows]


def catalogue_sheet(sheet: NewSheet, data: ReportInput) -> None:
    blocks = catalogue_blocks(data)
    if not blocks:
        return
    labels = "、".join(label for label, _ in blocks)
    s = sheet(
        labels,
        [
            Col("类别", minimum=8, maximum=12, wrap=True, align="center"),
            Col("名称", minimum=12, maximum=26, wrap=True),
            Col("分组", minimum=8, maximum=14, wrap=True),
            Col("情况", minimum=8, maximum=8, align="center"),
            Col("面积（m²）", minimum=8, maximum=12, align="center"),
            Col("说明", minimum=16, maximum=32, wrap=True),
        ],
    )
    s.title(f"{labels}情况")
    s.header()
    for category, entries in blocks:
        first = s.row + 1
        for label, group, state, area, note in entries:
            r = s.next_row()
            s.put(r, 2, label)
            s.put(r, 3, group)
            s.put(r, 4, state, fill="missing" if state == UNANSWERED else None)
            s.put(r, 5, num(area) if area is not None else None, number_format=SCORE_FORMAT)
            s.put(r, 6, note)
        s.merge_down(1, first, s.row, category)
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)


def measures_sheet(sheet: NewSheet, data: ReportInput) -> None:
    card, pack = data.card, data.pack
    checklist = pack.kind == "checklist"
    columns = [
        Col("条目", minimum=14, maximum=24, wrap=True),
        Col("条目编号", minimum=10, maximum=16),
        Col("核查内容" if checklist else "考评内容", width=44, wrap=True),
    ]
    if checklist:
        columns.append(Col("核查结果", minimum=10, maximum=10, align="center"))
    else:
        columns += [
            Col("分值", minimum=6, maximum=8, align="center"),
            Col("得分", minimum=6, maximum=8, align="center"),
        ]
    columns.append(Col("改进措施", minimum=24, maximum=40, wrap=True))
    s = sheet("改进措施", columns)
    s.title("未达满分条目及改进措施" if not checklist else "未符合条目及改进措施")
    s.header()
    for item_id in card.below_full:
        item = card.item(item_id)
        r = s.next_row()
        s.put(r, 1, wording.item_label(pack, item_id))
        s.put(r, 2, item.item_id)
        s.put(r, 3, item.text)
        if checklist:
            s.put(r, 4, CHECKLIST_LABELS[item.status or "unanswered"])
        else:
            s.put(r, 4, num(item.max_points), number_format=SCORE_FORMAT)
            s.put(r, 5, num(item.score), number_format=SCORE_FORMAT)
        action = item.corrective_action.strip()
        s.put(r, len(columns), action or MISSING_MEASURE, fill=None if action else "missing")
    if not card.below_full:
        s.note("所有适用条目均已达到满分，无需改进措施。", boxed=True)
    elif card.without_measures:
        s.note(f"其中 {len(card.without_measures)} 项未填写改进措施（黄色底纹）。")
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)


def evidence_sheet(sheet: NewSheet, data: ReportInput) -> None:
    s = sheet(
        "证明材料",
        [
            Col("所属", minimum=10, maximum=24, wrap=True),
            Col("文件名", minimum=16, maximum=36, wrap=True),
            Col("原文件名", minimum=12, maximum=28, wrap=True),
            Col("说明", minimum=16, maximum=36, wrap=True),
            Col("类型", minimum=6, maximum=6, align="center"),
        ],
    )
    s.title("证明材料清单")
    s.header()
    for item in data.evidence:
        r = s.next_row()
        s.put(r, 1, item.target_label)
        s.put(r, 2, item.packet_name)
        s.put(r, 3, item.original_name)
        s.put(r, 4, item.caption)
        s.put(r, 5, wording.EVIDENCE_KINDS.get(item.kind, item.kind))
    if not data.evidence:
        s.note("未附证明材料。", boxed=True)
    s.finish(title_rows=(s.header_row, s.header_row), freeze_row=s.header_row + 1)
