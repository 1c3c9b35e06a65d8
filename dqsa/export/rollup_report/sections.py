"""The roll-up summary's sections: the overview, one section per standard, who is absent."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from dqsa.domain.rollup import (
    ReviewState,
    Submission,
    distribution,
    mean,
    part_averages,
    weakest_items,
    year_changes,
)
from dqsa.export import wording
from dqsa.export.report.kit import CHINESE_NUMBERS, FRAME_WIDTH, MM, SUBTOTAL_BG, Kit, colour, row_styles
from dqsa.export.rollup_report.charts import averages_chart, distribution_chart

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from dqsa.domain.criteria import CriteriaPack
    from dqsa.export.rollup_workbook import RollupData

#: How many of the weakest items, and of the biggest changes each way, are listed.
WEAKEST = 10
CHANGES = 8


def _number(n: int) -> str:
    return CHINESE_NUMBERS[n - 1] if 0 < n <= len(CHINESE_NUMBERS) else str(n)


def _measure(submission: Submission, *, reviewed: bool = False) -> str:
    checklist = submission.standard.kind == "checklist"
    if checklist:
        value = submission.reviewed_percent if reviewed else submission.percent
        return wording.percent_text(value)
    return wording.fmt(submission.reviewed_total if reviewed else submission.total)


def _title(data: RollupData, key: tuple[str, str]) -> str:
    pack = data.packs[key]
    return f"{pack.title}（{pack.version} 版）"


# --- the overview -----------------------------------------------------------------------------------------


def overview(data: RollupData, kit: Kit) -> list[Flowable]:
    from reportlab.platypus import Spacer

    story: list[Flowable] = [
        kit.p(data.desk_name, kit.center_name),
        kit.p(f"{data.year} 年度党群服务中心自评汇总", kit.title),
        kit.p(f"生成于 {wording.datetime_text(data.made_at)}", kit.subtitle),
        Spacer(1, 8 * MM),
    ]
    counted = sum(len(group) for group in data.groups.values())
    figures = [
        ["已接收并计入", f"{counted} 个中心"],
        ["身份待核实（暂扣，未计入）", f"{len(data.held)} 个材料包"],
        ["尚未报送", f"{len(data.missing)} 个中心"],
    ]
    story.append(
        kit.plain_table([[kit.p(a, kit.label), kit.p(b, kit.value)] for a, b in figures], [70 * MM, 60 * MM])
    )
    story.append(Spacer(1, 6 * MM))
    if not data.groups:
        story.append(kit.p("这一年度还没有已接收的材料包。", kit.body))
        return story
    story.append(kit.p("各评分标准的结果（分开统计，不相加）", kit.h2))
    head = ["评分标准", "中心数", "平均", "最高", "最低", "复核后平均"]
    rows: list[list[object]] = [kit.head_row(head)]
    for key, group in data.groups.items():
        checklist = group[0].standard.kind == "checklist"
        values = [s.percent if checklist else s.total for s in group]
        reviewed = [s.reviewed_percent if checklist else s.reviewed_total for s in group]
        unit = "%" if checklist else " 分"
        average, reviewed_average = mean(values), mean(reviewed)
        rows.append(
            [
                kit.p(_title(data, key) + ("\n（适用项中符合的比例）" if checklist else "\n（得分）")),
                kit.p(str(len(group)), kit.cell_center),
                kit.p(f"{wording.fmt(average)}{unit}" if average is not None else "—", kit.cell_center),
                kit.p(f"{wording.fmt(max(values))}{unit}", kit.cell_center),
                kit.p(f"{wording.fmt(min(values))}{unit}", kit.cell_center),
                kit.p(
                    f"{wording.fmt(reviewed_average)}{unit}" if reviewed_average is not None else "—",
                    kit.cell_center,
                ),
            ]
        )
    widths = [0.0, 16 * MM, 22 * MM, 22 * MM, 22 * MM, 24 * MM]
    widths[0] = FRAME_WIDTH - sum(widths)
    story.append(kit.table(rows, widths))
    story.append(Spacer(1, 6 * MM))
    story.append(kit.p("审核进度", kit.h2))
    states = Counter(s.review_state for group in data.groups.values() for s in group)
    rows = [kit.head_row([state.label for state in ReviewState])]
    rows.append([kit.p(f"{states.get(state, 0)} 个", kit.cell_center) for state in ReviewState])
    story.append(kit.table(rows, [FRAME_WIDTH / len(ReviewState)] * len(ReviewState)))
    story.append(Spacer(1, 4 * MM))
    story.append(
        kit.p(
            "说明：图表和“平均”按各中心自评的结果统计；审核人复核了部分条目的，“复核后平均”按复核得分计算。"
            "湖州标准为得分（满分 200 分），温州核查清单为适用项中符合的比例，两者不相加。",
            kit.note,
        )
    )
    return story


# --- one standard ----------------------------------------------------------------------------------------


def standard(data: RollupData, key: tuple[str, str], number: int, kit: Kit) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak, PageBreak, Spacer

    group = data.groups[key]
    pack = data.packs[key]
    checklist = pack.kind == "checklist"
    what = "符合率" if checklist else "得分率"
    story: list[Flowable] = [
        PageBreak(),
        kit.p(f"{_number(number)}、{_title(data, key)}：{len(group)} 个中心", kit.h1),
    ]
    story.append(kit.p(f"得分分布（{what}，每 10 个百分点一档）", kit.h2))
    story.append(distribution_chart(distribution(group), kit, what=what))
    story.append(Spacer(1, 3 * MM))
    parts = [p for p in part_averages(group, pack) if p.part_id not in {t.id for t in pack.tables}]
    table_of = {s.id: n for n, t in enumerate(pack.tables) for s in t.sections}
    story.append(CondPageBreak(60 * MM))
    story.append(kit.p(f"各项目的平均{what}", kit.h2))
    story.append(averages_chart(parts, table_of, [t.short_title for t in pack.tables], kit))
    story.append(Spacer(1, 3 * MM))
    story += _weakest(group, pack, kit, checklist=checklist)
    story += _changes(data, key, kit, checklist=checklist)
    story += _centers(group, pack, kit, data, checklist=checklist)
    return story


def _weakest(group: Sequence[Submission], pack: CriteriaPack, kit: Kit, *, checklist: bool) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak

    shares = [s for s in weakest_items(group, limit=None) if s.full < s.applicable][:WEAKEST]
    if not shares:
        return []
    full = "符合" if checklist else "满分"
    story: list[Flowable] = [
        CondPageBreak(50 * MM),
        kit.p(f"{full}比例最低的 {len(shares)} 个条目", kit.h2_loose),
    ]
    rows: list[list[object]] = [kit.head_row(["条目", "考评内容", f"{full}的中心", f"{full}比例"])]
    for share in shares:
        item = pack.item(share.item_id)
        rows.append(
            [
                [kit.p(wording.item_label(pack, share.item_id)), kit.p(share.item_id, kit.cell_id)],
                kit.p(_short(item.text if item else share.item_id, 90)),
                kit.p(f"{share.full} / {share.applicable}", kit.cell_center),
                kit.p(wording.percent_text(share.percent), kit.cell_center),
            ]
        )
    widths = [44 * MM, 0.0, 22 * MM, 18 * MM]
    widths[1] = FRAME_WIDTH - sum(widths)
    return [*story, kit.table(rows, widths, row_styles([""] * len(shares)))]


def _changes(data: RollupData, key: tuple[str, str], kit: Kit, *, checklist: bool) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak

    previous = data.previous.get(key, [])
    story: list[Flowable] = [CondPageBreak(40 * MM), kit.p(f"与 {data.year - 1} 年度相比", kit.h2_loose)]
    if not previous:
        return [*story, kit.p(f"台账中没有按同一标准的 {data.year - 1} 年度结果，无法对比。", kit.note)]
    changes = [c for c in year_changes(data.groups[key], previous) if c.change is not None]
    if not changes:
        return [*story, kit.p("没有中心两个年度都按这一标准报送，无法对比。", kit.note)]
    up = sorted((c for c in changes if c.change and c.change > 0), key=lambda c: -(c.change or 0))
    down = sorted((c for c in changes if c.change and c.change < 0), key=lambda c: c.change or 0)
    average = mean([c.change for c in changes if c.change is not None])
    what = "符合率" if checklist else "得分率"
    story.append(
        kit.p(
            f"{len(changes)} 个中心两个年度都已报送：{what}平均变化 {wording.change_text(average)} 个百分点；"
            f"提高 {len(up)} 个，下降 {len(down)} 个，持平 {len(changes) - len(up) - len(down)} 个。",
            kit.body,
        )
    )
    shown = up[:CHANGES] + down[:CHANGES]
    if shown:
        rows: list[list[object]] = [kit.head_row(["中心", f"{data.year - 1} 年", f"{data.year} 年", "变化"])]
        for change in shown:
            rows.append(
                [
                    kit.p(change.name),
                    kit.p(wording.percent_text(change.before or Decimal(0)), kit.cell_center),
                    kit.p(wording.percent_text(change.after or Decimal(0)), kit.cell_center),
                    kit.p(wording.change_text(change.change), kit.cell_center),
                ]
            )
        widths = [0.0, 24 * MM, 24 * MM, 20 * MM]
        widths[0] = FRAME_WIDTH - sum(widths)
        story.append(kit.table(rows, widths, row_styles([""] * len(shown))))
        if len(up) > CHANGES or len(down) > CHANGES:
            story.append(kit.p(f"（列出提高和下降最多的各 {CHANGES} 个；全部见汇总表。）", kit.note))
    return story


def _centers(
    group: Sequence[Submission], pack: CriteriaPack, kit: Kit, data: RollupData, *, checklist: bool
) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak

    ordered = sorted(group, key=lambda s: (-(s.percent), s.name))
    tables = [t.id for t in pack.tables]
    story: list[Flowable] = [
        CondPageBreak(50 * MM),
        kit.p(f"各中心结果（{len(group)} 个，按{'符合率' if checklist else '得分'}从高到低）", kit.h2_loose),
    ]
    head = [
        "序号",
        "中心",
        "级别",
        *[t.short_title for t in pack.tables],
        "符合率" if checklist else "合计",
        "复核后",
        "审核",
    ]
    rows: list[list[object]] = [kit.head_row(head)]
    for n, s in enumerate(ordered, start=1):
        row = data.rows.get(s.center)
        cells: list[object] = [
            kit.p(str(n), kit.cell_center),
            kit.p(s.name),
            kit.p(row.level_label if row else s.level, kit.cell_center),
        ]
        for table_id in tables:
            score, maximum = row.tables.get(table_id, (None, None)) if row else (None, None)
            if score is None or maximum is None:
                shown = "—"
            elif checklist:
                shown = f"{wording.fmt(score)}/{wording.fmt(maximum)}"
            else:
                shown = wording.fmt(score)
            cells.append(kit.p(shown, kit.cell_center))
        cells.append(kit.p(_measure(s), kit.cell_center))
        cells.append(kit.p(_measure(s, reviewed=True) if s.reviewed else "—", kit.cell_center))
        cells.append(kit.p(s.review_state.label, kit.cell_center))
        rows.append(cells)
    fixed = [10 * MM, 0.0, 18 * MM, *([16 * MM] * len(tables)), 16 * MM, 16 * MM, 16 * MM]
    fixed[1] = FRAME_WIDTH - sum(fixed)
    flags = ["zebra" if n % 2 == 0 else "" for n in range(1, len(ordered) + 1)]
    averages = [s.percent if checklist else s.total for s in group]
    average = mean(averages)
    table_averages = []
    for table_id in tables:
        found = [
            r.tables[table_id] for r in (data.rows.get(s.center) for s in group) if r and table_id in r.tables
        ]
        if checklist:
            met, applicable = sum(f[0] for f in found), sum(f[1] for f in found)
            table_averages.append(f"{wording.fmt(met)}/{wording.fmt(applicable)}" if found else "—")
        else:
            value = mean([f[0] for f in found])
            table_averages.append(wording.fmt(value) if value is not None else "—")
    rows.append(
        [kit.p(""), kit.p("平均" if not checklist else "平均（表内为合计）"), kit.p("")]
        + [kit.p(text, kit.cell_center) for text in table_averages]
        + [
            kit.p(
                (f"{wording.fmt(average)}%" if checklist else wording.fmt(average))
                if average is not None
                else "—",
                kit.cell_center,
            ),
            kit.p(""),
            kit.p(""),
        ]
    )
    commands = [
        *row_styles(flags),
        ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colour(SUBTOTAL_BG)),
    ]
    story.append(kit.table(rows, fixed, commands))
    return story


# --- who is absent -----------------------------------------------------------------------------------------


def absent(data: RollupData, number: int, kit: Kit) -> list[Flowable]:
    from reportlab.platypus import PageBreak

    story: list[Flowable] = [PageBreak(), kit.p(f"{_number(number)}、尚未报送和身份待核实", kit.h1)]
    story.append(kit.p(f"尚未报送（{len(data.missing)} 个）", kit.h2))
    if data.missing:
        rows: list[list[object]] = [kit.head_row(["中心", "级别", "地区", "上次报送", "备注"])]
        for m in data.missing:
            rows.append(
                [
                    kit.p(m.name),
                    kit.p(m.level, kit.cell_center),
                    kit.p(m.region),
                    kit.p(f"{m.last_year} 年度" if m.last_year else "—", kit.cell_center),
                    kit.p("材料包暂扣，待核实" if m.held else ""),
                ]
            )
        widths = [0.0, 22 * MM, 30 * MM, 22 * MM, 30 * MM]
        widths[0] = FRAME_WIDTH - sum(widths)
        story.append(kit.table(rows, widths, row_styles([""] * len(data.missing))))
    else:
        story.append(kit.p("没有。", kit.body))
    story.append(kit.p(f"身份待核实（{len(data.held)} 个材料包，未计入以上统计）", kit.h2))
    if data.held:
        rows = [kit.head_row(["中心（材料包中所写）", "收到时间", "原因"])]
        for packet in data.held:
            rows.append(
                [
                    kit.p(packet.center_name),
                    kit.p(wording.datetime_text(packet.received_at), kit.cell_center),
                    kit.p(packet.held_reason),
                ]
            )
        widths = [60 * MM, 34 * MM, 0.0]
        widths[2] = FRAME_WIDTH - sum(widths)
        story.append(kit.table(rows, widths))
    else:
        story.append(kit.p("没有。", kit.body))
    story.append(
        kit.p(
            "身份待核实：材料包上的中心名称在台账中已登记了另一个证书指纹，可能是中心换了电脑重新建立了签署身份，"
            "也可能是他人冒名。请向该中心核实后，在台账中接受新身份（需填写理由），其结果才会计入。",
            kit.note,
        )
    )
    return story


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["absent", "overview", "standard"]
