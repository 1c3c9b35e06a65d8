"""The printable review result (审核结果.pdf): one or two A4 pages a center can file and show.

Drawn with the center report's building blocks (the embedded fonts with per-character
fallback, :class:`~dqsa.export.report.kit.Kit`'s styles and tables, the Chinese line
breaking, the numbered page frame and the framed box for the visible signature), so a
result looks like the packet it answers. What it says:

- the heading: 审核结果, the center, the year;
- the facts: the reviewing unit, the center (level, region), the standard, the verdict
  (通过 / 退回补充 / 有问题 / 待审核) in colour, the self and reviewed totals, the
  reviewer and the time;
- 审核意见 (the comment), and every item the reviewer re-scored: the standard's label,
  its text, the center's own score, the reviewer's and the reason;
- which packet it answers (its SHA-256, the center's fingerprint, its signing time);
- 签署: who signed for the desk with which certificate, how to check it, and the box
  the signing step stamps.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from dqsa.export import wording
from dqsa.export.fonts import ReportFonts
from dqsa.export.report.kit import FRAME_WIDTH, GAP_INK, MARGIN, MM, Kit, Sections, colour
from dqsa.export.report.linebreak import extend_line_break_rules
from dqsa.export.report.pages import numbered_canvas
from dqsa.export.report.signature import SignatureBox

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from dqsa.store.desk.returns import ReturnSnapshot

TITLE = "审核结果"
STATE_COLOURS = {"passed": "#2E7D32", "returned": "#B26A00", "problem": GAP_INK, "pending": "#5E6B78"}
CHECK_TEXT = (
    "中心收到后，用 dqsa 的“文件 → 导入审核结果”（或命令 dqsa import-review）导入：程序会校验签名、"
    "核对它针对的是本中心报送过的材料包。PDF 阅读器的签名面板也会显示此签名（PAdES）。审核单位的证书是自签名证书，"
    "阅读器会提示“签发者未知”，这是正常的：请核对上面的证书指纹与审核单位告知的一致。"
)


@dataclass(frozen=True)
class ResultPdf:
    """The result's PDF and where its visible signature goes."""

    data: bytes
    signature_page: int
    signature_box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Signing:
    """Who signs for the desk, when, with which certificate."""

    name: str
    title: str
    signed_at: datetime
    fingerprint: str


def build_result_pdf(snapshot: ReturnSnapshot, signing: Signing, fonts: ReportFonts) -> ResultPdf:
    """Lay out the result; :class:`~dqsa.export.fonts.MissingGlyphs` when a character has no glyph."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    extend_line_break_rules()
    kit = Kit(fonts, Sections([]))
    box = SignatureBox(fonts)
    packet = snapshot.packet
    story = _story(snapshot, signing, kit, box)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{packet.center_name} {packet.year} 年度审核结果",
        author=snapshot.desk_name,
        subject="党群服务中心年度自评审核结果",
        creator="dqsa",
        lang="zh-CN",
        initialFontName=fonts.primary,
        initialFontSize=10,
    )
    fonts.reset()
    try:
        doc.build(
            story, canvasmaker=numbered_canvas(fonts, snapshot.desk_name, f"{packet.year} 年度审核结果")
        )
    finally:
        fonts.release()
    fonts.check()
    if box.placed is None:  # pragma: no cover - the box is always drawn
        raise RuntimeError("签名框没有排入审核结果")
    page, rect = box.placed
    return ResultPdf(buffer.getvalue(), page, rect)


def _story(snapshot: ReturnSnapshot, signing: Signing, kit: Kit, box: SignatureBox) -> list[Flowable]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Spacer

    packet, review, submission = snapshot.packet, snapshot.review, snapshot.submission
    checklist = packet.checklist
    verdict = ParagraphStyle(
        "verdict",
        parent=kit.value,
        fontSize=14,
        leading=20,
        textColor=colour(STATE_COLOURS[review.state.value]),
    )
    reviewed_total = submission.reviewed_total
    reviewed_max = submission.reviewed_max_total
    facts: list[tuple[str, object]] = [
        ("审核单位", kit.p(snapshot.desk_name, kit.value)),
        ("中心", kit.p(packet.center_name, kit.value)),
        ("级别 · 地区", kit.p(f"{packet.level_label} · {packet.region or '（未填写）'}", kit.value)),
        ("评价年度", kit.p(f"{packet.year} 年", kit.value)),
        ("评价标准", kit.p(f"{packet.standard.title}（版本 {packet.standard.version}）", kit.value)),
        ("审核结论", kit.p(review.state.label, verdict)),
        ("自评结果", kit.p(_result(packet.total, packet.max_total, checklist), kit.value)),
        ("复核后结果", kit.p(_result(reviewed_total, reviewed_max, checklist), kit.value)),
        ("审核人", kit.p(f"{signing.name}（{signing.title}）", kit.value)),
        ("审核时间", kit.p(wording.datetime_text(_reviewed_at(snapshot, signing), zone=True), kit.value)),
    ]
    story: list[Flowable] = [
        kit.p(TITLE, kit.title),
        Spacer(1, 3 * MM),
        kit.p(packet.center_name, kit.center_name),
        Spacer(1, 1 * MM),
        kit.p(f"{packet.year} 年度党群服务中心自评", kit.subtitle),
        Spacer(1, 5 * MM),
        kit.plain_table([[kit.p(k, kit.label), v] for k, v in facts], [30 * MM, FRAME_WIDTH - 30 * MM]),
        Spacer(1, 4 * MM),
        kit.p("审核意见", kit.h2),
    ]
    comment = review.comment.strip()
    story += [kit.p(part, kit.body) for part in comment.split("\n") if part.strip()] or [
        kit.p("（审核人没有填写意见）", kit.note)
    ]
    story += _items(snapshot, kit)
    story += [kit.p("所审核的材料包", kit.h2), _packet_table(snapshot, kit)]
    story.append(Spacer(1, 4 * MM))
    story.append(KeepTogether(_signature(snapshot, signing, kit, box)))
    return story


def _result(score: Decimal, maximum: Decimal, checklist: bool) -> str:
    from dqsa.domain.scoring import percent

    ratio = "符合率" if checklist else "得分率"
    return f"{wording.result_text(score, maximum, checklist=checklist)}，{ratio} {wording.percent_text(percent(score, maximum))}"


def _reviewed_at(snapshot: ReturnSnapshot, signing: Signing) -> datetime:
    """When the review was last changed (the desk keeps local times), or the signing time."""
    updated = snapshot.review.updated_at
    return updated.astimezone() if updated is not None else signing.signed_at


def _items(snapshot: ReturnSnapshot, kit: Kit) -> list[Flowable]:
    """Every item the reviewer gave a word of their own, with the reason."""
    checklist = snapshot.packet.checklist
    changed = [row for row in snapshot.sheet if row.review is not None]
    heading = kit.p("复核的条目", kit.h2)
    if not changed:
        return [heading, kit.p("审核人没有改动任何条目，全部沿用中心的自评结果。", kit.body)]
    rows: list[list[object]] = [kit.head_row(["条目", "考评内容", "自评", "复核", "理由"])]
    for row in changed:
        assert row.review is not None
        if checklist:
            own, theirs = row.self_verdict.label, row.review.verdict.label
        else:
            own = wording.fmt(row.score) if row.applicable else "不适用"
            theirs = wording.fmt(row.review.score) if row.review.score is not None else "—"
        label = wording.item_label(snapshot.pack, row.item_id)
        rows.append(
            [
                kit.p(label),
                kit.p(_short(row.text, 80)),
                kit.p(own, kit.cell_center),
                kit.p(theirs, kit.cell_center),
                kit.p(row.review.reason or "—"),
            ]
        )
    widths = [46 * MM, FRAME_WIDTH - 46 * MM - 2 * 15 * MM - 44 * MM, 15 * MM, 15 * MM, 44 * MM]
    note = (
        "自评、复核：该条目的得分。其余条目沿用中心的自评。"
        if not checklist
        else "自评、复核：符合、不符合或不适用。其余条目沿用中心的自评。"
    )
    return [heading, kit.table(rows, widths), _gap(1.5), kit.p(note, kit.note)]


def _gap(height: float) -> Flowable:
    """Vertical space, in millimetres."""
    from reportlab.platypus import Spacer

    return Spacer(1, height * MM)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _packet_table(snapshot: ReturnSnapshot, kit: Kit) -> Flowable:
    packet = snapshot.packet
    digest = " ".join(packet.sha256[i : i + 8] for i in range(0, 64, 8))
    rows = [
        [kit.p("材料包 SHA-256", kit.label), kit.p(digest, kit.fingerprint)],
        [
            kit.p("中心证书指纹", kit.label),
            kit.markup(
                "<br/>".join(kit.text(line) for line in wording.fingerprint_lines(packet.fingerprint)),
                kit.fingerprint,
            ),
        ],
        [
            kit.p("中心签署时间", kit.label),
            kit.p(wording.datetime_text(packet.signed_at, zone=True), kit.value),
        ],
        [kit.p("签署人", kit.label), kit.p(f"{packet.signer_name}（{packet.signer_title}）", kit.value)],
    ]
    return kit.plain_table(rows, [30 * MM, FRAME_WIDTH - 30 * MM])


def _signature(snapshot: ReturnSnapshot, signing: Signing, kit: Kit, box: SignatureBox) -> list[Flowable]:
    fingerprint = "<br/>".join(kit.text(line) for line in wording.fingerprint_lines(signing.fingerprint))
    rows = [
        [kit.p("审核单位", kit.label), kit.p(snapshot.desk_name, kit.value)],
        [kit.p("签署人", kit.label), kit.p(f"{signing.name}（{signing.title}）", kit.value)],
        [kit.p("签署时间", kit.label), kit.p(wording.datetime_text(signing.signed_at, zone=True), kit.value)],
        [kit.p("证书指纹（SHA-256）", kit.label), kit.markup(fingerprint, kit.fingerprint)],
    ]
    return [
        kit.p("签署", kit.h2),
        kit.p(
            "本审核结果与逐项复核数据（review.json）一并打包，由审核单位以下列证书进行数字签名。"
            "签名后对结果的任何改动都会使签名失效。",
            kit.body,
        ),
        _gap(2),
        kit.plain_table(rows, [40 * MM, FRAME_WIDTH - 40 * MM]),
        _gap(2),
        kit.p(CHECK_TEXT, kit.note),
        _gap(4),
        box.flowable,
    ]
