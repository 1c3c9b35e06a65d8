"""The cover: who, which year, against which standard, the totals, who signed with which
certificate, and the empty spaces the reviewing office fills in (审核意见 / 审核人 / 日期 / 盖章)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.report.kit import FRAME_WIDTH, GRID, MM, TOTAL_BG, Kit, colour

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

TITLE = "党群服务中心年度自评报告"
#: How many unanswered items the cover names before "等 N 项".
SHOWN_UNANSWERED = 6


def story(data: ReportInput, kit: Kit) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, PageBreak, Spacer

    card, pack, answers, signer = data.card, data.pack, data.answers, data.signer
    checklist = card.pack_kind == "checklist"
    story: list[Flowable] = [
        kit.p(TITLE, kit.title),
        Spacer(1, 3 * MM),
        kit.p(card.center_name, kit.center_name),
        Spacer(1, 1 * MM),
        kit.p(f"{card.year} 年度", kit.subtitle),
        Spacer(1, 4 * MM),
    ]

    document = pack.source.document
    if "《" not in document:
        document = f"《{document}》"
    info: list[tuple[str, str]] = [
        ("中心级别", card.level_label),
        ("所在地区", answers.center.region or "（未填写）"),
        ("评价年度", f"{card.year} 年"),
        ("评价标准", pack.title),
        (
            "依据文件",
            f"{pack.source.issuer}{document}" + (f"，{pack.source.part}" if pack.source.part else ""),
        ),
        ("标准包", f"{pack.id}，版本 {pack.version}"),
    ]
    if pack.source.kind == "explanatory_note":
        info.append(
            (
                "说明",
                f"本标准包依据{document}整理，不是正式发布的标准；正式标准发布后，应以正式标准为准重新评价。",
            )
        )
    story.append(
        kit.plain_table(
            [[kit.p(k, kit.label), kit.p(v, kit.value)] for k, v in info], [26 * MM, FRAME_WIDTH - 26 * MM]
        )
    )
    story.append(Spacer(1, 3 * MM))

    ratio = "符合率" if checklist else "得分率"
    totals = [kit.head_row(["评价表", "结果", ratio])]
    for table in card.tables:
        totals.append(
            [
                kit.p(table.title),
                kit.p(
                    wording.result_text(table.score, table.max_points, checklist=checklist), kit.cell_center
                ),
                kit.p(wording.percent_text(table.percent), kit.cell_center),
            ]
        )
    totals.append(
        [
            kit.p("合计"),
            kit.p(wording.result_text(card.total, card.max_total, checklist=checklist), kit.cell_center),
            kit.p(wording.percent_text(card.percent), kit.cell_center),
        ]
    )
    total_style = [("BACKGROUND", (0, -1), (-1, -1), colour(TOTAL_BG))]
    story.append(kit.table(totals, [FRAME_WIDTH - 84 * MM, 60 * MM, 24 * MM], total_style))
    story.append(Spacer(1, 2 * MM))

    unanswered, below, missing = card.unanswered, card.below_full, card.without_measures
    line = f"未填写的条目：{len(unanswered)} 项"
    if unanswered:
        named = "；".join(wording.item_label(pack, i) for i in unanswered[:SHOWN_UNANSWERED])
        line += f"（{named}{'等' if len(unanswered) > SHOWN_UNANSWERED else ''}）"
    short = "未符合（含未填写）" if checklist else "未得满分"
    measures = kit.sections.title("measures")
    below_line = f"{short}的条目：{len(below)} 项，改进措施见“{measures}”"
    if missing:
        below_line += f"；其中 {len(missing)} 项未填写改进措施"
    story += [kit.p(line, kit.note), kit.p(below_line + "。", kit.note), Spacer(1, 3 * MM)]

    sign_rows = [[kit.p("签署人", kit.label), kit.p(f"{signer.name}（{signer.title}）", kit.value)]]
    if answers.assessor and answers.assessor != signer.name:
        sign_rows.insert(0, [kit.p("填报人", kit.label), kit.p(answers.assessor, kit.value)])
    sign_rows += [
        [kit.p("签署时间", kit.label), kit.p(wording.datetime_text(signer.signed_at, zone=True), kit.value)],
        [
            kit.p("证书指纹", kit.label),
            kit.markup(
                "<br/>".join(kit.text(line) for line in wording.fingerprint_lines(signer.fingerprint)),
                kit.fingerprint,
            ),
        ],
    ]
    story.append(kit.plain_table(sign_rows, [26 * MM, FRAME_WIDTH - 26 * MM]))
    story.append(kit.p("收件单位请用电话等方式与本中心核对证书指纹（SHA-256，按四位一组读）。", kit.note))
    story.append(Spacer(1, 4 * MM))
    story.append(KeepTogether([kit.p("以下由上级审核部门填写", kit.cell_muted), reviewer_box(kit)]))
    story.append(PageBreak())
    return story


def reviewer_box(kit: Kit) -> Flowable:
    """审核意见, 审核人, 日期, 盖章: empty, framed, for the reviewing office."""
    from reportlab.platypus import Table, TableStyle

    label = kit.cell_head
    rows = [
        [kit.p("审核意见", label), "", "", "", "", ""],
        [
            kit.p("审核人", label),
            "",
            kit.p("日期", label),
            kit.p("年　　月　　日", kit.cell_center),
            kit.p("盖章", label),
            "",
        ],
    ]
    widths = [22 * MM, 48 * MM, 16 * MM, 40 * MM, 16 * MM, FRAME_WIDTH - 142 * MM]
    table = Table(rows, colWidths=widths, rowHeights=[24 * MM, 16 * MM], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), kit.font),  # empty cells too: no standard-14 font anywhere
                ("SPAN", (1, 0), (-1, 0)),
                ("BOX", (0, 0), (-1, -1), 0.8, colour(GRID)),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, colour(GRID)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("VALIGN", (3, 1), (3, 1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
